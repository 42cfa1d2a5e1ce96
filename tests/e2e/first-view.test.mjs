// The first view does not wait for the wasm to ask for its data (issue 13):
// the loader starts the route's requests with the page, the app takes their
// answers over (no request twice), the page-view hit goes as a simple
// keepalive request, a failed loader request is asked again by the app, and
// the code of what waits is asked for once the first screen is on the screen.
//
//   node --test tests/e2e/first-view.test.mjs   (needs dist/)
import { test, describe, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, waitForReader, poll, see, requestUrl, DIST } from './harness.mjs';
import { startBackend } from '../server/backend.mjs';
import { startStatic } from '../server/static.mjs';

const T = { timeout: 60_000 };
const MAIN = '[data-news-portal] main#np-main';
const ID = '2019-0110-1';
const WASM_DELAY = 1500;

let browser, backend, stat;
const pages = [];
before(async () => {
  backend = await startBackend({ port: 0 });
  stat = await startStatic({ dir: DIST, port: 0, apiBase: backend.url });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stat?.close();
  await backend?.close();
});
afterEach(async () => {
  while (pages.length) await pages.pop().context().close().catch(() => {});
});

/** The page with its wasm held back WASM_DELAY ms, as on a slow phone network. */
async function open(p, opts = {}) {
  const page = await newPage(browser, opts);
  pages.push(page);
  page.api = [];
  page.on('request', (r) => {
    if (r.url().startsWith(backend.url)) page.api.push({ url: r.url(), method: r.method(), type: r.headers()['content-type'] });
  });
  await page.route(/_bg\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, WASM_DELAY));
    await route.continue();
  });
  await page.goto(stat.origin + p);
  await waitForReader(page);
  await see(page, page.locator(`${MAIN} h1`).first());
  return page;
}

/** Resource Timing start of each API request, and when the wasm arrived. */
async function timings(page) {
  return page.evaluate(() => {
    const all = performance.getEntriesByType('resource');
    const wasm = all.find((e) => e.name.endsWith('_bg.wasm'));
    return { wasmEnd: wasm.responseEnd, api: all.filter((e) => /\/api\/v1\//.test(e.name)).map((e) => ({ url: e.name, start: e.startTime })) };
  });
}

describe('first view', () => {
  // What the first screen shows is asked for with the page; an article's
  // "Tin khác" list is below it and waits for the headline, so it does not
  // share a slow network with the wasm (it was prefetched until 2026-12-06).
  for (const [name, path, wanted, waiting] of [
    ['home', '/', ['site', 'articles/hot', 'stats/visitors', 'articles?page=1&per_page=10'], []],
    ['article', `/bai-viet/${ID}/x`, ['site', 'stats/visitors', `articles/${ID}`], ['articles?page=1&per_page=10']],
  ]) {
    test(`${name}: the first screen's data is requested before the wasm arrives, and never twice`, T, async () => {
      const page = await open(path);
      const at = (w) => backend.url.replace(/\/?$/, '/') + w;
      const same = (u, w) => requestUrl(u) === at(w);
      await poll(async () => page.api.some((r) => r.url.endsWith('stats/hit')) && waiting.every((w) => page.api.some((r) => same(r.url, w))),
        { message: () => `no hit or no ${waiting}: ${JSON.stringify(page.api)}` });
      const t = await timings(page);
      for (const w of [...wanted, ...waiting]) {
        const seen = t.api.filter((e) => same(e.url, w));
        assert.equal(seen.length, 1, `${w} requested ${seen.length} times: ${JSON.stringify(t.api.map((e) => e.url))}`);
        if (wanted.includes(w)) assert.ok(seen[0].start < t.wasmEnd, `${w} started at ${seen[0].start} ms, after the wasm arrived (${t.wasmEnd} ms)`);
        else assert.ok(seen[0].start > t.wasmEnd, `${w} started at ${seen[0].start} ms, before the wasm arrived (${t.wasmEnd} ms)`);
      }
      const gets = page.api.filter((r) => r.method === 'GET').map((r) => requestUrl(r.url));
      assert.equal(new Set(gets).size, gets.length, `a request made twice: ${gets.join(' ')}`);
      // The hit is a simple request (no preflight) and goes after the data.
      const hit = page.api.find((r) => r.url.endsWith('stats/hit'));
      assert.equal(hit.method, 'POST');
      assert.match(hit.type, /^text\/plain/);
      assert.ok(page.api.indexOf(hit) >= wanted.length, `the hit went before the data: ${page.api.map((r) => r.url).join(' ')}`);
      // Connections to the API's origin are opened early.
      const pre = await page.evaluate(() => [...document.querySelectorAll('link[rel=preconnect]')].map((l) => [l.href, l.crossOrigin]));
      assert.deepEqual(pre, [[new URL(backend.url).origin + '/', 'anonymous']]);
      page.assertNoErrors();
    });
  }

  test('code and styles of what waits are asked for after the first screen is shown, also on a slow API', T, async () => {
    const page = await newPage(browser);
    pages.push(page);
    // When the heading is first in the reader's DOM (its shadow root is open).
    await page.addInitScript(() => {
      const watch = () => {
        const h1 = document.querySelector('[data-news-portal]')?.shadowRoot?.querySelector('main h1');
        if (h1) window.__headline = performance.now();
        else requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
      // When its paint was on the screen: Chromium's largest-contentful-paint
      // entry, a frame or more after the frame that drew it.
      window.__lcp = [];
      new PerformanceObserver((l) => window.__lcp.push(...l.getEntries().map((e) => e.startTime)))
        .observe({ type: 'largest-contentful-paint', buffered: true });
    });
    // The article answers long after the wasm and the stylesheet are in.
    await page.route(new RegExp(`/api/v1/articles/${ID}$`), async (route) => {
      await new Promise((r) => setTimeout(r, 1200));
      await route.continue();
    });
    await page.goto(stat.origin + `/bai-viet/${ID}/x`);
    await waitForReader(page);
    await see(page, page.locator(`${MAIN} h1`).first());
    // The parts that wait: the related carousel, "Tin khác", the footer.
    await see(page, page.locator('[data-news-portal] footer').first());
    const t = await page.evaluate(() => ({
      headline: window.__headline,
      shown: window.__lcp.find((at) => at >= window.__headline),
      later: performance.getEntriesByType('resource')
        .filter((e) => /_(split_\w+|chunk_\d+)\.wasm$|news-portal-later-[0-9a-f]+\.css$/.test(e.name))
        .map((e) => ({ url: e.name.replace(/^.*\//, ''), start: Math.round(e.startTime) })),
    }));
    assert.ok(t.headline > 1200, `the headline was shown at ${t.headline} ms, before its answer`);
    assert.ok(t.later.some((e) => e.url.includes('_split_below')), `no chunk of the parts below: ${JSON.stringify(t.later)}`);
    assert.ok(t.later.some((e) => e.url.startsWith('news-portal-later-')), `no later sheet: ${JSON.stringify(t.later)}`);
    // Not only after the frame that drew the headline, after it was shown:
    // Lighthouse counts what was asked for before then in the headline's time.
    assert.ok(t.shown > t.headline, `no largest-contentful-paint entry for the headline: ${JSON.stringify(t)}`);
    for (const e of t.later) assert.ok(e.start > t.shown, `${e.url} asked for at ${e.start} ms, before the headline was shown (${Math.round(t.shown)} ms)`);
    page.assertNoErrors();
  });

  test('a loader request that failed on the network is asked again by the app', T, async () => {
    const page = await newPage(browser, { allow: [/ERR_FAILED|Failed to load resource|net::/] });
    pages.push(page);
    let refused = 0;
    await page.route(/\/api\/v1\/site$/, async (route) => {
      if (refused++ === 0) return route.abort('failed');
      return route.continue();
    });
    await page.route(/_bg\.wasm$/, async (route) => {
      await new Promise((r) => setTimeout(r, 500));
      await route.continue();
    });
    await page.goto(stat.origin + '/');
    await waitForReader(page);
    const siteName = backend.data.site.name;
    await see(page, page.locator('[data-news-portal] header').getByText(siteName).first());
    assert.equal(refused, 2, 'the app did not ask again after the loader\'s request failed');
  });
});
