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
import { HOST_SW_NAME, SW_NAME, writeServiceWorker } from '../../tools/service-worker.mjs';

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
async function articleShown(page, a, { timeout } = {}) {
  await poll(async () => (await page.locator(TITLE).count()) === 1 && (await page.locator(TITLE).textContent()).trim() === a.title.trim(), {
    timeout,
    message: async () => `${a.id} not shown: ${await page.locator(`${R} main`).textContent().catch(() => '?')}`,
  });
  await see(page, page.locator(`${R} .np-article__body p`).first());
  await imagesSettled(page);
  const broken = await page.evaluate(() => [...document.querySelector('[data-news-portal]').shadowRoot.querySelectorAll('article img')]
    .filter((i) => i.complete && i.naturalWidth === 0 && i.loading !== 'lazy').map((i) => i.src));
  assert.deepEqual(broken, [], `${a.id}: images not shown`);
}

/**
 * Runs `fn(stack, { setWorker, deploy })` on a copy of dist/ served with an
 * API; the copy is removed after. `setWorker(edit)` changes sw.js as served
 * from then on (a broken worker). `deploy()` makes the copy a new release:
 * index.html gains `<meta name="np-release" content="2">` and the worker is
 * generated again over it, as the build does (its precache's revisions
 * change).
 */
async function withCopy(fn) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'np-sw-'));
  fs.cpSync(DIST, dir, { recursive: true });
  // A changed file is served as it is now, not as its precompressed copies.
  const uncompressed = (name) => ['.br', '.gz'].forEach((ext) => fs.rmSync(path.join(dir, name + ext), { force: true }));
  const edit = (name, change) => {
    uncompressed(name);
    fs.writeFileSync(path.join(dir, name), change(fs.readFileSync(path.join(dir, name), 'utf8')));
  };
  const setWorker = (change) => edit(SW_NAME, change);
  const deploy = async () => {
    edit('index.html', (html) => html.replace('<head>', '<head><meta name="np-release" content="2">'));
    [SW_NAME, HOST_SW_NAME].forEach(uncompressed);
    await writeServiceWorker(dir);
  };
  const stack = await startStack({ apiBase: true, dist: dir });
  try {
    await fn(stack, { setWorker, deploy });
  } finally {
    await stack.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The release the page was loaded from: 2 after `deploy()`, else 1. */
const release = (page) => page.evaluate(() => document.querySelector('meta[name="np-release"]')?.content ?? '1');

/**
 * The worker installed and in control of `page`, loaded anew: from then on
 * it keeps what the reader opens.
 */
async function takeControl(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await waitForReader(page);
  await poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { message: 'the worker does not control the page' });
  return page;
}

/** The standalone page, its worker installed and in control. */
const controlled = async (stack, p = '/') => takeControl(await open(stack, p, { serviceWorkers: 'allow' }));

/**
 * The network comes back, but requests to `endpoint` are refused for 2 s
 * more: `online` fires before requests get through.
 */
async function backSlowly(stack, page, endpoint) {
  stack.backend.setFault(endpoint, 'refused');
  await page.context().setOffline(false);
  setTimeout(() => stack.backend.setFault(endpoint, 'refused', { times: 0 }), 2000);
}

/** The list on screen says it is a saved copy, with when (or does not). */
async function savedLine(page, shown) {
  const line = page.locator(`${R} main p.np-list__saved`);
  if (!shown) {
    await poll(async () => (await line.count()) === 0, { timeout: 30_000, message: 'the list stayed the saved copy once the network was back' });
    return;
  }
  await see(page, line);
  const text = (await line.textContent()).trim();
  const m = /^Bản đã lưu lúc (\d{2})\/(\d{2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2}) (SA|CH)$/.exec(text);
  assert.ok(m, `saved line: ${text}`);
  // Today in Vietnam: it was saved during this test.
  const vn = new Date(Date.now() + 7 * 3600e3);
  assert.deepEqual([+m[1], +m[2], +m[3]], [vn.getUTCDate(), vn.getUTCMonth() + 1, vn.getUTCFullYear()], text);
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
      await takeControl(page);
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
      // In the reader, back to the list it saved, which says when it was saved.
      await page.locator(`${R} a.np-brand`).click();
      await see(page, page.locator(`${R} a.np-card__title`).first());
      await savedLine(page, true);
      // Never the browser's offline page: the reader says what failed, and
      // its retry asks again (and says so again while offline).
      page.allowErrors(/Failed to load resource|ERR_INTERNET_DISCONNECTED|net::/);
      await page.goto(stack.href(`/bai-viet/${unread.id}/${unread.slug}`));
      await waitForReader(page);
      const retry = page.locator(`${R} main`).getByRole('button', { name: 'Thử lại' });
      await see(page, retry);
      assert.match(await page.locator(`${R} main`).textContent(), /Không kết nối được máy chủ/);
      const asked = stack.backend.count(`articles/${unread.id}`);
      await retry.click();
      await see(page, retry);
      assert.match(await page.locator(`${R} main`).textContent(), /Không kết nối được máy chủ/);
      // The network comes back, but its requests fail for 2 s more (as a
      // phone's often do): what is on screen is fetched again, with no
      // click, until it comes.
      await backSlowly(stack, page, `articles/${unread.id}`);
      await poll(async () => (await notice.count()) === 0, { message: 'the offline notice stayed after the network came back' });
      await articleShown(page, unread, { timeout: 30_000 });
      assert.ok(stack.backend.count(`articles/${unread.id}`) > asked, 'the article was asked for again');
      // The same for a saved list on screen: offline, then back. The parts
      // already built (the footer) are not built again.
      await page.context().setOffline(true);
      await page.locator(`${R} a.np-brand`).click();
      await savedLine(page, true);
      await see(page, page.locator(`${R} footer.np-footer`));
      await page.evaluate(() => { document.querySelector('[data-news-portal]').shadowRoot.querySelector('footer.np-footer').npBuilt = 1; });
      // The list's first requests fail: the worker answers with its copy
      // again, and the reader asks again later.
      await backSlowly(stack, page, 'articles');
      await savedLine(page, false);
      assert.equal(await page.evaluate(() => document.querySelector('[data-news-portal]').shadowRoot.querySelector('footer.np-footer')?.npBuilt), 1,
        'the footer was built again when the network came back');
      await see(page, page.locator(`${R} a.np-card__title`).first());
      await assertCspLive(page);
    } finally {
      await stack.close();
    }
  });

  test('a part whose code did not come comes when the network is back, though its first requests still fail', T, async () => {
    // No worker here: the page's own requests are refused, as on a network
    // that is not really back.
    const stack = await startStack({ apiBase: true });
    try {
      const page = await newPage(browser);
      pages.push(page);
      page.allowErrors(/Failed to load resource|ERR_INTERNET_DISCONNECTED|net::|news-portal/);
      let refuse = true;
      await page.route(/_split_below\.wasm$/, (route) => (refuse ? route.abort('internetdisconnected') : route.continue()));
      await page.goto(stack.href('/'));
      await waitForReader(page);
      await see(page, page.locator(`${R} a.np-card__title`).first());
      // The footer's code failed: its place offers "Thử lại".
      await see(page, page.locator(R).getByRole('button', { name: 'Thử lại' }).last());
      assert.equal(await page.locator(`${R} footer.np-footer`).count(), 0);
      await page.context().setOffline(true);
      await page.context().setOffline(false);
      setTimeout(() => { refuse = false; }, 2000);
      await see(page, page.locator(`${R} footer.np-footer`), { timeout: 30_000 });
    } finally {
      await stack.close();
    }
  });

  test('a slow network (over 3 s): the saved list at once, saying when it was saved', T, async () => {
    const stack = await startStack({ apiBase: true });
    try {
      const page = await controlled(stack);
      await see(page, page.locator(`${R} a.np-card__title`).first());
      await savedLine(page, false);
      // The list takes 8 s now: the worker answers with its copy after 3 s,
      // before the reader's own 10 s limit. The loader's request (a reload)
      // and the reader's (a page of the list) both say so.
      stack.backend.setDelay('articles', 8000);
      await page.reload();
      await waitForReader(page);
      await savedLine(page, true);
      await see(page, page.locator(`${R} a.np-card__title`).first());
      stack.backend.setDelay('articles', 0);
      await page.locator(`${R} a.np-pagination__next`).click();
      await see(page, page.locator(`${R} a.np-card__title`).first());
      await savedLine(page, false);
    } finally {
      await stack.close();
    }
  });

  test('a new deploy: the open reader offers "Có phiên bản mới — Tải lại", keeps working under it, and takes it when asked', T, async () => {
    await withCopy(async (stack, { deploy }) => {
      const page = await controlled(stack);
      await see(page, page.locator(`${R} a.np-card__title`).first());
      assert.equal(await release(page), '1');
      await deploy();
      await page.evaluate(() => { window.npBeforeDeploy = true; });
      // The browser looks for a new worker at each load, and the reader when
      // the tab comes back or the network does; here, at once.
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      const prompt = page.locator(`${R} p.np-update[role="status"]`);
      await see(page, prompt);
      assert.equal((await prompt.textContent()).replace(/\s+/g, ' ').trim(), 'Có phiên bản mới — Tải lại');
      // The open reader goes on reading under the prompt: no reload under it.
      await page.locator(`${R} a.np-card__title`).first().click();
      await see(page, page.locator(TITLE));
      await see(page, page.locator(`${R} .np-article__body p`).first());
      assert.equal(await page.evaluate(() => window.npBeforeDeploy), true, 'the page was reloaded under the reader');
      assert.equal(await release(page), '1');
      await see(page, prompt);
      // Asked, the new worker takes over and the page loads anew, where it was.
      const article = page.url();
      await prompt.getByRole('button', { name: 'Tải lại' }).click();
      await poll(() => page.evaluate(() => !window.npBeforeDeploy).catch(() => false), { message: 'the page was not loaded anew' });
      await waitForReader(page);
      await see(page, page.locator(TITLE));
      assert.equal(page.url(), article);
      await poll(() => page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return !reg.waiting && navigator.serviceWorker.controller?.state === 'activated';
      }), { message: 'the new worker did not take over' });
      assert.equal(await prompt.count(), 0, 'the prompt stayed after the reload');
      assert.equal(await release(page), '2', 'the page came back from the old release');
      page.assertNoErrors();
    });
  });

  test('storage full: the worker keeps what fits or nothing, and the reader reads on', T, async () => {
    const stack = await startStack({ apiBase: true });
    try {
      // 10 KB: not even the precache (index.html, the loader, …) fits, and
      // the worker fails to install. 300 KB: the worker installs, and the
      // wasm and the answers it would keep do not fit.
      for (const kb of [10, 300]) {
        const page = await newPage(browser, { serviceWorkers: 'allow' });
        pages.push(page);
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Storage.overrideQuotaForOrigin', { origin: stack.origin, quotaSize: kb * 1024 });
        page.allowErrors(/quota|QuotaExceeded|sw\.js|no offline copy/i);
        await page.goto(stack.href('/'));
        await waitForReader(page);
        await see(page, page.locator(`${R} a.np-card__title`).first());
        // Registered some seconds after the load event; then installed or failed.
        await page.waitForFunction(() => document.querySelector('[data-news-portal]').hasAttribute('data-worker'), null, { timeout: 30_000 });
        const installed = await poll(() => page.evaluate(async () => {
          const reg = await navigator.serviceWorker.getRegistration();
          if (reg?.installing) return null;
          return { active: !!reg?.active };
        }), { message: `${kb} KB: the worker is still installing` });
        assert.equal(installed.active, kb === 300, `${kb} KB: the worker installed or not`);
        await page.reload();
        await waitForReader(page);
        await page.locator(`${R} a.np-card__title`).first().click();
        await see(page, page.locator(TITLE));
        await see(page, page.locator(`${R} .np-article__body p`).first());
        await page.goBack();
        await see(page, page.locator(`${R} a.np-card__title`).first());
        page.assertNoErrors();
      }
    } finally {
      await stack.close();
    }
  });

  test('a worker that cannot install leaves the reader as it is', T, async () => {
    await withCopy(async (stack, { setWorker }) => {
      // A worker that throws when it starts.
      setWorker(() => "throw new Error('broken worker');\n");
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
    });
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
      // A first visit registers some seconds after the load event: the
      // standalone page, opened after this one, has done so by now.
      const standalone = await open(stack, '/');
      await standalone.waitForFunction(() => document.querySelector('[data-news-portal]').getAttribute('data-worker') === 'registered', null, { timeout: 30_000 });
      assert.equal(await page.locator(R).getAttribute('data-worker'), null);
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
    await poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.active), { timeout: 30_000, message: 'no active worker' });
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
