// The loader's side of tests/loader_contract.rs: runs the loader's
// first-view requests (tools/postbuild.mjs) for each row read as JSON on
// stdin, in a stand-in for the page, and prints for each the page's
// location as the browser splits it and the URLs the loader fetched.
//
// A row: { page, loader, attrs: { 'data-api-base': …, … } }
import vm from 'node:vm';
import { prefetchSource } from '../tools/postbuild.mjs';

const rows = JSON.parse(await new Response(process.stdin).text());
const source = prefetchSource() + '\nprefetch;';

const out = rows.map(({ page, loader, attrs }) => {
  const url = new URL(page);
  // What the loader's preamble defines before these lines (its `named`,
  // `backend`, `here` and `head`), from the same attributes.
  const named = (n) => (attrs[n] ?? '').trim();
  const backend = named('data-api-base') && named('data-backend').toLowerCase() === 'wordpress' ? 'wordpress' : 'portal';
  const fetched = [];
  const context = vm.createContext({
    named, backend,
    here: new URL('./', loader),
    head: { append() {} },
    document: { createElement: () => ({}) },
    location: { href: url.href, origin: url.origin, pathname: url.pathname, search: url.search, hash: url.hash },
    fetch: (u) => { fetched.push(String(u)); return new Promise(() => {}); },
    URL, URLSearchParams, AbortController, setTimeout: () => 0, clearTimeout() {},
  });
  const prefetch = vm.runInContext(source, context);
  return {
    pathname: url.pathname, search: url.search, hash: url.hash,
    fetched, keys: Object.keys(prefetch),
  };
});
process.stdout.write(JSON.stringify(out));
