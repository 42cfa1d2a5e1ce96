// The standalone reader with its service worker (tools/service-worker.mjs):
// what a reader opened comes back without a network; what they did not
// open says so with a retry that works once the network is back. A host
// page that does not opt in gets no worker and no caches; a worker that
// cannot install never breaks the reader.
//
//   node --test tests/e2e/offline.test.mjs     (needs dist/)
import { test, describe, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, newPage, startStack, waitForReader, poll, see, imagesSettled, recordCsp, assertCspLive, DIST } from './harness.mjs';
import { startBackend } from '../server/backend.mjs';
import { startHost } from '../server/host.mjs';
import { startStatic } from '../server/static.mjs';

const T = { timeout: 90_000 };
const R = '[data-news-portal]';
const TITLE = `${R} h1.np-article__title`;
let browser;
const pages = [];
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});
afterEach(async () => {
  while (pages.length) await pages.pop().context().close().catch(() => {});
});

async function open(stack, p, opts = {}) {
  const page = await newPage(browser, { serviceWorkers: 'allow', ...opts });
  pages.push(page);
  await page.goto(stack.href(p));
  await waitForReader(page);
  return page;
}

/** The article's title and first paragraph are on screen, its images loaded. */
async function articleShown(page, a) {
  await poll(async () => (await page.locator(TITLE).count()) === 1 && (await page.locator(TITLE).textContent()).trim() === a.title.trim(), {
    message: async () => `${a.id} not shown: ${await page.locator(`${R} main`).textContent().catch(() => '?')}`,
  });
  await see(page, page.locator(`${R} .np-article__body p`).first());
  await imagesSettled(page);
  const broken = await page.evaluate(() => [...document.querySelector('[data-news-portal]').shadowRoot.querySelectorAll('article img')]
    .filter((i) => i.complete && i.naturalWidth === 0 && i.loading !== 'lazy').map((i) => i.src));
  assert.deepEqual(broken, [], `${a.id}: images not shown`);
}

describe('standalone, with the service worker', () => {
  test('under the documented CSP: articles read before reopen offline with their images; an unread one says so and recovers online', T, async () => {
    // docs/delivery.md's standalone policy (worker-src falls back to script-src 'self').
    const stack = await startStack({
      apiBase: true,
      csp: ({ apiOrigin }) => `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: ${apiOrigin}; `
        + `connect-src 'self' ${apiOrigin}; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'`,
    });
    try {
      const [a, b, unread] = stack.backend.data.articles;
      const page = await newPage(browser, { serviceWorkers: 'allow' });
      pages.push(page);
      await recordCsp(page);
      await page.goto(stack.href('/'));
      await waitForReader(page);
      await page.evaluate(() => navigator.serviceWorker.ready);
      // Once the worker is ready it keeps what the reader opens from then on.
      await page.reload();
      await waitForReader(page);
      await poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { message: 'the worker does not control the page' });
      for (const x of [a, b]) {
        await page.goto(stack.href(`/bai-viet/${x.id}/${x.slug}`));
        await articleShown(page, x);
      }
      await page.goto(stack.href('/'));
      await see(page, page.locator(`${R} a.np-card__title`).first());

      await page.context().setOffline(true);
      for (const x of [a, b]) {
        await page.goto(stack.href(`/bai-viet/${x.id}/${x.slug}`));
        await waitForReader(page);
        await articleShown(page, x);
      }
      // The reader says it is offline, wherever it is scrolled.
      const notice = page.locator(`${R} p.np-offline[role="status"]`);
      await see(page, notice);
      assert.equal((await notice.textContent()).trim(), 'Bạn đang ngoại tuyến — đang hiển thị bản đã lưu.');
      // In the reader, back to the list it saved.
      await page.locator(`${R} a.np-brand`).click();
      await see(page, page.locator(`${R} a.np-card__title`).first());
      // Never the browser's offline page: the reader says what failed.
      page.allowErrors(/Failed to load resource|ERR_INTERNET_DISCONNECTED|net::/);
      await page.goto(stack.href(`/bai-viet/${unread.id}/${unread.slug}`));
      await waitForReader(page);
      const retry = page.locator(`${R} main`).getByRole('button', { name: 'Thử lại' });
      await see(page, retry);
      assert.match(await page.locator(`${R} main`).textContent(), /Không kết nối được máy chủ/);
      await page.context().setOffline(false);
      await poll(async () => (await notice.count()) === 0, { message: 'the offline notice stayed after the network came back' });
      await retry.click();
      await articleShown(page, unread);
      await assertCspLive(page);
    } finally {
      await stack.close();
    }
  });

  test('a worker that cannot install leaves the reader as it is', T, async () => {
    // A copy of dist/ whose worker throws when it starts.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'np-sw-broken-'));
    fs.cpSync(DIST, dir, { recursive: true });
    for (const f of ['sw.js.br', 'sw.js.gz']) fs.rmSync(path.join(dir, f), { force: true });
    fs.writeFileSync(path.join(dir, 'sw.js'), "throw new Error('broken worker');\n");
    const stack = await startStack({ apiBase: true, dist: dir });
    try {
      const page = await newPage(browser, { serviceWorkers: 'allow' });
      pages.push(page);
      page.allowErrors(/broken worker|sw\.js/);
      const refused = page.waitForEvent('console', (m) => m.text().includes('news-portal: no offline copy'));
      await page.goto(stack.href('/'));
      await waitForReader(page);
      await see(page, page.locator(`${R} a.np-card__title`).first());
      // The registration was refused (register-sw.js says so), and left nothing.
      await refused;
      assert.deepEqual(await page.evaluate(async () => [(await navigator.serviceWorker.getRegistrations()).length, !!navigator.serviceWorker.controller]), [0, false]);
      await page.locator(`${R} a.np-card__title`).first().click();
      await see(page, page.locator(TITLE));
      page.assertNoErrors();
    } finally {
      await stack.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('a host page without data-offline: no worker, no caches', T, async () => {
  const stack = await startStack({ apiBase: true });
  try {
    // dist/index.html without data-standalone: the reader as a guest.
    const s2 = await startStack({ apiBase: stack.apiBase, attrs: { 'data-standalone': false } });
    try {
      const page = await open(s2, '/');
      await see(page, page.locator(`${R} a.np-card__title`).first());
      // The registration would run at the load event: it has passed.
      await page.waitForFunction(() => document.readyState === 'complete');
      await page.evaluate(() => new Promise((r) => setTimeout(r)));
      assert.deepEqual(await page.evaluate(async () => ({
        workers: (await navigator.serviceWorker.getRegistrations()).length,
        caches: await caches.keys(),
      })), { workers: 0, caches: [] });
    } finally {
      await s2.close();
    }
  } finally {
    await stack.close();
  }
});

test('a host page that opts in (data-offline, its own copy of sw-host.js): a read article reopens offline in the page', T, async () => {
  const backend = await startBackend({ port: 0 });
  const cdn = await startStatic({ dir: DIST, port: 0, basePath: '/portal/' });
  const cdnBase = `http://localhost:${cdn.port}/portal/`;
  const html = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng</title></head><body><h1>Tin tức của tỉnh</h1>'
    + `<div data-news-portal data-api-base="${backend.url}" data-routing="hash" data-offline="/tin-tuc/sw-host.js"></div>`
    + `<script type="module" src="${cdnBase}news-portal.js"></script><script type="module" src="${cdnBase}news-portal-offline.js"></script></body></html>`;
  const host = await startHost({
    port: 0,
    pages: {
      '/tin-tuc/trang.html': { html },
      '/tin-tuc/sw-host.js': { html: fs.readFileSync(path.join(DIST, 'sw-host.js'), 'utf8'), headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' } },
    },
  });
  try {
    const a = backend.data.articles[1];
    const page = await newPage(browser, { serviceWorkers: 'allow' });
    pages.push(page);
    const url = `${host.href('/tin-tuc/trang.html')}#/bai-viet/${a.id}/${a.slug}`;
    await page.goto(url);
    await waitForReader(page);
    await poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.active), { message: 'no active worker' });
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).active.scriptURL.replace(/\?.*/, '')), host.href('/tin-tuc/sw-host.js'));
    await page.reload();
    await waitForReader(page);
    await poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { message: 'the worker does not control the page' });
    await articleShown(page, a);
    await page.context().setOffline(true);
    await page.reload();
    await waitForReader(page);
    await articleShown(page, a);
    assert.equal(await page.locator('h1').first().textContent(), 'Tin tức của tỉnh', "the host's own page came back too");
  } finally {
    await host.close();
    await cdn.close();
    await backend.close();
  }
});
