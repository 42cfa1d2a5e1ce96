// Checks of the built dist/ (no browser). Run after `scripts/build`:
//     node --test tests/build/
// DIST_DIR=path overrides the directory.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.resolve(ROOT, process.env.DIST_DIR || 'dist');
// The first-load ceiling CI holds (brotli of loader + js + wasm + css), and
// the limit it must come down to; both defined, and explained, in postbuild.
import { FIRST_LOAD_CEILING as CEILING, FIRST_LOAD_LIMIT as LIMIT } from '../../tools/postbuild.mjs';
import { LOADER_BANNER, loaderSource, minifyJs } from '../../tools/postbuild.mjs';

const distFile = (name) => path.join(DIST, name);
const read = (name) => fs.readFileSync(distFile(name));
const text = (name) => fs.readFileSync(distFile(name), 'utf8');
const sha256 = (buf) => `sha256-${createHash('sha256').update(buf).digest('base64')}`;

if (!fs.existsSync(distFile('asset-manifest.json'))) {
  test('dist/ is built', () => {
    assert.fail(`${DIST}/asset-manifest.json is missing: run scripts/build first`);
  });
} else {
  const manifest = JSON.parse(text('asset-manifest.json'));
  const { entry } = manifest;
  // One reader build per backend (docs/decisions/0007); entry.js/wasm is the Portal API's.
  const builds = Object.entries(entry.builds || {});
  const loader = text('news-portal.js');
  const html = text('index.html');

  test('the entry files exist with hashed names', () => {
    assert.ok(fs.existsSync(distFile('news-portal.js')), 'news-portal.js');
    assert.equal(entry.loader, 'news-portal.js');
    assert.match(entry.js, /^news_portal-[0-9a-f]+\.js$/);
    assert.match(entry.wasm, /^news_portal-[0-9a-f]+_bg\.wasm$/);
    assert.match(entry.css, /^news-portal-[0-9a-f]{16}\.css$/);
    assert.match(entry.pageCss, /^page-[0-9a-f]{16}\.css$/);
    assert.deepEqual(builds.map(([b]) => b), ['portal', 'wordpress'], 'a build per backend');
    assert.deepEqual([entry.builds.portal.js, entry.builds.portal.wasm], [entry.js, entry.wasm], 'the page entry is the portal build');
    assert.match(entry.cssLater, /^news-portal-later-[0-9a-f]{16}\.css$/);
    assert.match(entry.builds.wordpress.js, /^news_portal_wordpress-[0-9a-f]{16}\.js$/);
    assert.match(entry.builds.wordpress.wasm, /^news_portal_wordpress-[0-9a-f]{16}_bg\.wasm$/);
    assert.notEqual(manifest.files[entry.builds.wordpress.wasm].integrity, manifest.files[entry.wasm].integrity, 'two different builds');
    // Each build's files share its hash: glue, main wasm, link module, chunks (decision 0008).
    for (const [backend, b] of builds) {
      const stem = b.js.slice(0, -'.js'.length);
      assert.equal(b.wasm, `${stem}_bg.wasm`, `${backend} wasm`);
      assert.equal(b.split, `${stem}_split.js`, `${backend} link module`);
      assert.ok(b.chunks.length >= 5, `${backend} has its chunks: ${b.chunks.length}`);
      for (const c of b.chunks) assert.match(c, new RegExp(`^${stem}_(split|chunk)_[a-z0-9_]+\\.wasm$`), c);
    }
    for (const name of [...builds.flatMap(([, b]) => [b.js, b.wasm, b.split, ...b.chunks]), entry.css, entry.cssLater, entry.pageCss, 'index.html']) {
      assert.ok(fs.existsSync(distFile(name)), name);
    }
    // The CSS names carry the first 16 hex chars of the content's sha256.
    for (const name of [entry.css, entry.pageCss]) {
      const hash = createHash('sha256').update(read(name)).digest('hex').slice(0, 16);
      assert.ok(name.includes(hash), `${name} should contain ${hash}`);
    }
  });

  test('index.html is CSP-clean: no inline script, no inline style', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
    assert.ok(scripts.length >= 1, 'has a script');
    for (const [, attrs, body] of scripts) {
      assert.match(attrs, /\bsrc="/, `script without src: <script${attrs}>`);
      assert.equal(body.trim(), '', 'script element has content');
    }
    assert.doesNotMatch(html, /\sstyle\s*=/i, 'style= attribute');
    assert.doesNotMatch(html, /<style\b/i, '<style> element');
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'inline event handler');
    assert.doesNotMatch(html, /javascript:/i);
    assert.match(html, /<script type="module" src="[^"]*news-portal\.js"><\/script>/);
    assert.match(html, /<html lang="vi">/);
    assert.match(html, /<meta charset="utf-8">/i);
    assert.match(html, /<meta name="viewport"/);
    assert.match(html, /<meta name="description" content="[^"]+"/);
    assert.match(html, /<meta name="color-scheme" content="light dark">/);
    assert.match(html, /<title>Cổng thông tin đối ngoại<\/title>/);
    // data-standalone: the reader owns document.title on its own page.
    assert.match(html, /<div data-news-portal data-standalone( data-base-path="[^"]+")?><\/div>/);
  });

  test('no wasm names the machine it was built on (crate sources are remapped)', () => {
    const home = process.env.CARGO_HOME || path.join(os.homedir(), '.cargo');
    const wasms = fs.readdirSync(DIST).filter((n) => n.endsWith('.wasm'));
    assert.ok(wasms.length > 2, 'wasm files in dist/');
    let crates = 0;
    for (const name of wasms) {
      const bytes = read(name).toString('latin1');
      assert.ok(!bytes.includes('/registry/src/') && !bytes.includes(home), `${name} names a path of this machine`);
      crates += (bytes.match(/reactive_graph-\d+\.\d+\.\d+\/src\//g) || []).length;
    }
    // The check above would pass on a wasm with no paths at all: there are some.
    assert.ok(crates > 0, 'no crate source path in any wasm: the check sees nothing');
  });

  test('every text and wasm asset has .br and .gz copies that decompress to it', () => {
    const exts = ['.js', '.wasm', '.css', '.html', '.json', '.svg'];
    const names = Object.keys(manifest.files).filter((n) => exts.includes(path.extname(n)));
    for (const must of [entry.loader, entry.js, entry.wasm, entry.css, 'index.html']) {
      assert.ok(names.includes(must), `${must} in manifest`);
    }
    for (const name of names) {
      const raw = read(name);
      assert.ok(fs.existsSync(distFile(`${name}.br`)), `${name}.br`);
      assert.ok(fs.existsSync(distFile(`${name}.gz`)), `${name}.gz`);
      assert.ok(zlib.brotliDecompressSync(read(`${name}.br`)).equals(raw), `${name}.br content`);
      assert.ok(zlib.gunzipSync(read(`${name}.gz`)).equals(raw), `${name}.gz content`);
    }
  });

  test('asset-manifest.json matches the files', () => {
    for (const [name, e] of Object.entries(manifest.files)) {
      const raw = read(name);
      assert.equal(e.bytes, raw.length, `${name} bytes`);
      assert.equal(e.integrity, sha256(raw), `${name} integrity`);
      if (e.brotli !== null) assert.equal(e.brotli, read(`${name}.br`).length, `${name} brotli`);
      if (e.gzip !== null) assert.equal(e.gzip, read(`${name}.gz`).length, `${name} gzip`);
    }
  });

  test('SRI values in the loader and the page match the files', () => {
    const assets = [...builds.flatMap(([, b]) => [b.js, b.wasm, b.split]), entry.css, entry.cssLater, entry.fallback];
    for (const name of assets) {
      assert.ok(loader.includes(JSON.stringify(name)), `loader names ${name}`);
      const integrity = sha256(read(name));
      assert.ok(loader.includes(JSON.stringify(integrity)), `loader has ${integrity} for ${name}`);
    }
    // Every integrity="..." in index.html belongs to the file its href names.
    const links = [...html.matchAll(/<link\b[^>]*>/g)].map(([tag]) => tag);
    let checked = 0;
    for (const tag of links) {
      const integrity = tag.match(/\bintegrity="([^"]+)"/)?.[1];
      if (!integrity) continue;
      const href = tag.match(/\bhref="([^"]+)"/)[1];
      const name = href.replace(/^.*\//, '');
      assert.equal(integrity, sha256(read(name)), `integrity of ${href}`);
      assert.match(tag, /\bcrossorigin="anonymous"/, `crossorigin on ${href}`);
      checked += 1;
    }
    assert.ok(checked >= 3, `page links with integrity: ${checked}`);
    // Every integrity in the loader is one of those files'.
    const known = new Set(assets.map((n) => sha256(read(n))));
    for (const [m] of loader.matchAll(/sha(256|384|512)-[A-Za-z0-9+/=]+/g)) assert.ok(known.has(m), `unknown SRI ${m}`);
  });

  test('the loader resolves assets from import.meta.url and stays small and eval-free', () => {
    // dist/news-portal.js is its readable source (loaderSource) minified:
    // the checks of its shape read that source.
    const info = (name) => ({ name, integrity: manifest.files[name].integrity });
    const source = loaderSource({
      builds: Object.fromEntries(builds.map(([k, b]) => [k, { js: info(b.js), wasm: info(b.wasm), split: info(b.split) }])),
      css: info(entry.css),
      cssLater: info(entry.cssLater),
      fallback: info(entry.fallback),
    });
    assert.equal(loader, LOADER_BANNER + minifyJs(ROOT, source), 'the loader is its source, minified');
    assert.match(source, /new URL\('\.\/', import\.meta\.url\)/);
    // Only the first-view requests read the page's URL (the route is in it);
    // every asset is resolved from import.meta.url.
    const [before, rest = ''] = source.split('// first-view requests');
    const [prefetch, after = ''] = rest.split('// end of first-view requests');
    assert.ok(prefetch.includes('prefetch[url]'), 'no first-view requests in the loader');
    assert.doesNotMatch(before + after, /\blocation\b|document\.baseURI|document\.currentScript/);
    assert.doesNotMatch(loader, /document\.baseURI|document\.currentScript/);
    assert.doesNotMatch(loader, /\beval\b|new Function|setTimeout\(\s*['"`]/);
    assert.doesNotMatch(loader, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    assert.match(source, /mount_news_portal\(\{ assetBase: here\.href, css: cssUrl, cssIntegrity: cssSri, cssLater: cssLaterUrl, cssLaterIntegrity: cssLaterSri, prefetch, onScreen \}\)/);
    assert.match(loader, /news-portal-fallback-[0-9a-f]{16}\.js/);
    // 8 KB raw (about 2 KB brotli) since it starts the first view's requests.
    assert.ok(loader.length < 8192, `loader is ${loader.length} bytes`);
    // It parses as an ES module (dist/ sits under the repo's "type": "module").
    execFileSync(process.execPath, ['--check', distFile('news-portal.js')]);
  });

  for (const [backend, build] of builds) test(`the ${backend} wasm validates and instantiates with its wasm-bindgen glue`, async (t) => {
    const bytes = read(build.wasm);
    assert.ok(WebAssembly.validate(bytes), 'WebAssembly.validate');
    // initSync runs the glue's start-up (e.g. the externref table set-up that a
    // bad wasm-opt breaks with "WebAssembly.Table.set(): Argument 1 is invalid").
    const glue = await import(pathToFileURL(distFile(build.js)).href);
    assert.equal(typeof glue.default, 'function', 'default export (init)');
    assert.equal(typeof glue.mount_news_portal, 'function', 'mount_news_portal export');
    // The reader has no start function (it mounts when the loader calls
    // mount_news_portal), so nothing may throw here: a trap or a panic
    // (RuntimeError: unreachable) in start-up fails this test.
    glue.initSync({ module: bytes });
  });

  for (const [backend, build] of builds) test(`the ${backend} link module imports its glue and fetches each chunk, SRI-checked`, () => {
    const link = text(build.split);
    const glue = text(build.js);
    assert.ok(glue.includes(`"./${build.split}"`), 'the glue imports its link module by its hashed name');
    assert.ok(link.includes(`"./${build.js}"`), 'the link module imports the glue by its hashed name');
    const fetched = [...link.matchAll(/new URL\("\.\/([^"]+\.wasm)",import\.meta\.url\),\{integrity:"(sha256-[A-Za-z0-9+/=]+)"/g)];
    assert.deepEqual(fetched.map(([, name]) => name).sort(), [...build.chunks].sort(), 'every chunk, and only those');
    for (const [, name, integrity] of fetched) {
      assert.equal(integrity, sha256(read(name)), `SRI of ${name}`);
      assert.ok(WebAssembly.validate(read(name)), `${name} validates`);
    }
    assert.doesNotMatch(link, /\beval\b|new Function|innerHTML/);
  });

  test('the later sheet holds the styles of deferred parts, and only those', () => {
    const first = text(entry.css);
    const later = text(entry.cssLater);
    assert.ok(manifest.cssLaterSources.length >= 5, 'later sources');
    assert.match(later, /\.np-carousel\b/);
    assert.match(later, /\.np-footer\b/);
    assert.doesNotMatch(first, /\.np-carousel\b/);
    // What the first screen shows is styled by the first sheet.
    for (const cls of ['.np-header', '.np-card', '.np-article__title', '.np-hot-slot', '.np-skeleton', '.np-fs-2']) {
      assert.ok(first.includes(cls), `${cls} in the first sheet`);
    }
  });

  test('demo content is copied', () => {
    assert.ok(fs.existsSync(distFile('demo/site.json')), 'demo/site.json');
    JSON.parse(text('demo/site.json'));
  });

  test('the first load is the portal build\'s', () => {
    assert.deepEqual(manifest.firstLoad, manifest.firstLoadByBackend.portal);
  });

  for (const [backend, build] of builds) test(`first-load brotli total of the ${backend} reader is within the ${CEILING}-byte ceiling`, (t) => {
    const firstLoad = manifest.firstLoadByBackend[backend];
    for (const must of [entry.loader, build.js, build.wasm, entry.css]) {
      assert.ok(firstLoad.files.includes(must), `firstLoad counts ${must}`);
    }
    const parts = firstLoad.files.map((name) => ({
      name,
      brotli: read(`${name}.br`).length,
      raw: read(name).length,
    }));
    const total = parts.reduce((s, p) => s + p.brotli, 0);
    const lines = parts.map((p) => `${p.name}: ${p.raw} B raw, ${p.brotli} B brotli`);
    lines.push(`first-load brotli total: ${total} B (${(total / 1024).toFixed(1)} KiB); ceiling ${CEILING} B; limit ${LIMIT} B, over by ${Math.max(0, total - LIMIT)} B`);
    for (const l of lines) t.diagnostic(l);
    assert.equal(total, firstLoad.brotli, 'manifest firstLoad.brotli');
    assert.ok(total <= CEILING, `first-load brotli ${total} B > ceiling ${CEILING} B (limit ${LIMIT} B)`);
  });
}
