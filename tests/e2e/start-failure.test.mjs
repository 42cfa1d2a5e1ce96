// Where the reader cannot start: without WebAssembly it says this browser
// cannot show it and offers a way on; when a download failed it offers a
// retry that works. In the host element's language, inside the host
// element only, and with no host element too (tools/fallback.js).
//
//   node --test tests/e2e/start-failure.test.mjs     (needs dist/)
import { test, describe, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, poll, see, DIST } from './harness.mjs';
import { startStatic } from '../server/static.mjs';
import { startBackend } from '../server/backend.mjs';
import { startHost } from '../server/host.mjs';

const T = { timeout: 60_000 };
let browser, backend, cdn, cdnBase, host;
const pages = [];

/** A host page embedding the reader from the CDN under a strict CSP. */
const hostPage = (reader) => ({
  html: '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng</title></head><body>'
    + '<h1 id="host-title">Cổng thông tin</h1><p id="host-text">Nội dung của cổng.</p>'
    + `${reader}<footer id="host-footer">Chân trang</footer>`
    + `<script type="module" src="${cdnBase}news-portal.js"></script></body></html>`,
});

before(async () => {
  browser = await launchBrowser();
  backend = await startBackend({ port: 0 });
  cdn = await startStatic({ dir: DIST, port: 0, basePath: '/portal/' });
  cdnBase = `http://localhost:${cdn.port}/portal/`;
  const cdnOrigin = new URL(cdnBase).origin;
  const api = `data-api-base="${backend.url}"`;
  host = await startHost({
    port: 0,
    csp: `default-src 'self'; script-src 'self' ${cdnOrigin} 'wasm-unsafe-eval'; style-src 'self' ${cdnOrigin}; `
      + `img-src 'self' data: ${backend.origin}; connect-src 'self' ${cdnOrigin} ${backend.origin}`,
    pages: {
      '/tin-tuc.html': hostPage(`<div data-news-portal ${api} data-base-path="/tin-tuc"></div>`),
      '/en.html': hostPage(`<div data-news-portal ${api} data-lang="en" data-routing="hash"></div>`),
      '/query.html': hostPage(`<div data-news-portal ${api} data-routing="query"></div>`),
      '/named.html': hostPage(`<div data-news-portal ${api} data-fallback-href="/tin-tuc-tinh.html"></div>`),
      '/none.html': hostPage(''),
    },
    rewrites: { '/tin-tuc/': '/tin-tuc.html' },
  });
});
after(async () => {
  await browser?.close();
  await host?.close();
  await cdn?.close();
  await backend?.close();
});
afterEach(async () => {
  while (pages.length) await pages.pop().context().close().catch(() => {});
});

async function open(url, { noWasm = false, failWasm = false } = {}) {
  const page = await newPage(browser);
  pages.push(page);
  // The start-up failure is logged on purpose.
  page.allowErrors(/news-portal: failed to start|WebAssembly|Failed to load resource|net::ERR_FAILED/);
  if (noWasm) await page.addInitScript(() => { delete globalThis.WebAssembly; });
  if (failWasm) await page.route(/_bg\.wasm$/, (route) => route.abort('failed'));
  await page.goto(url);
  return page;
}

/** What the host element shows: its shadow root's text, link and button. */
const message = (page, sel = '[data-news-portal]') => page.evaluate((sel) => {
  const el = document.querySelector(sel) ?? document.body.lastElementChild;
  const box = el.shadowRoot?.querySelector('[role="alert"]');
  return box && {
    lang: box.lang,
    text: [...box.querySelectorAll('p')].map((p) => p.textContent),
    link: box.querySelector('a')?.getAttribute('href') ?? null,
    button: box.querySelector('button')?.textContent ?? null,
  };
}, sel);

/** The host page outside the reader's element, as markup. */
const hostMarkup = (page) => page.evaluate(() => [...document.body.children]
  .filter((e) => !e.matches('[data-news-portal]') && e.tagName !== 'SCRIPT').map((e) => e.outerHTML).join(''));

describe('without WebAssembly', () => {
  test('Vietnamese: this browser cannot show the reader; a link to the page without the reader\'s route; the host page untouched', T, async () => {
    const page = await open(host.href('/tin-tuc/bai-viet/1/x'), { noWasm: true });
    const m = await poll(() => message(page), { message: 'no message in the host element' });
    assert.equal(m.lang, 'vi');
    assert.equal(m.text[0], 'Trình duyệt này không hiển thị được trang tin.');
    assert.match(m.text[1], /WebAssembly/);
    assert.equal(m.link, '/tin-tuc/');
    assert.equal(m.button, null);
    assert.equal(await hostMarkup(page), '<h1 id="host-title">Cổng thông tin</h1><p id="host-text">Nội dung của cổng.</p><footer id="host-footer">Chân trang</footer>');
    // The way on works: the link is followed.
    await page.evaluate(() => document.querySelector('[data-news-portal]').shadowRoot.querySelector('a').click());
    await poll(() => new URL(page.url()).pathname === '/tin-tuc/', { message: () => `at ${page.url()}` });
  });

  test('English (data-lang="en"), hash routing: the page without its #/ route', T, async () => {
    const page = await open(`${host.href('/en.html')}?id=3#/bai-viet/1/x`, { noWasm: true });
    const m = await poll(() => message(page), { message: 'no message' });
    assert.equal(m.lang, 'en');
    assert.equal(m.text[0], 'This browser cannot show the news reader.');
    assert.equal(m.link, '/en.html?id=3');
  });

  test('query routing: the page without np=; data-fallback-href: the link it names', T, async () => {
    let page = await open(`${host.href('/query.html')}?id=3&np=%2Fbai-viet%2F1`, { noWasm: true });
    assert.equal((await poll(() => message(page), { message: 'no message' })).link, '/query.html?id=3');
    page = await open(host.href('/named.html'), { noWasm: true });
    assert.equal((await poll(() => message(page), { message: 'no message' })).link, '/tin-tuc-tinh.html');
  });

  test('no [data-news-portal] element: the message in a new element at the end of the page', T, async () => {
    const page = await open(host.href('/none.html'), { noWasm: true });
    const m = await poll(() => message(page, 'body > div:last-of-type'), { message: 'no message at the end of the page' });
    assert.equal(m.text[0], 'Trình duyệt này không hiển thị được trang tin.');
    assert.equal(m.link, '/');
  });
});

describe('when the wasm download fails', () => {
  test('"Không tải được trang tin." with "Thử lại", which starts the reader once the network is back', T, async () => {
    const page = await open(host.href('/tin-tuc/'), { failWasm: true });
    const m = await poll(() => message(page), { message: 'no message' });
    assert.deepEqual(m.text, ['Không tải được trang tin.']);
    assert.equal(m.button, 'Thử lại');
    assert.equal(m.link, null);
    await page.unroute(/_bg\.wasm$/);
    await page.evaluate(() => document.querySelector('[data-news-portal]').shadowRoot.querySelector('button').click());
    await see(page, page.locator('[data-news-portal] a.np-card__title').first());
    page.assertNoErrors();
  });
});
