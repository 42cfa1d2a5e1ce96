// The fault matrix: every API endpoint × every fault the test backend can inject
// (tests/server/backend.mjs), in headless Chromium against dist/.
//
//   node --test tests/e2e/faults.test.mjs        (needs dist/: run scripts/build first)
//
// For each case: the failing part shows its own Vietnamese error with "Thử lại"
// (or the behaviour that is right for that case: a 404 on one article is "Không tìm
// thấy bài viết", delay3s is a skeleton then the content, huge-page renders at most
// 50 cards without freezing, a failing hit POST is invisible), every other part
// renders, no skeleton is left, no panic reaches the console, and "Thử lại"
// recovers once the fault is cleared.
//
// Faults are global to a backend, so cases run in parallel "lanes", each with its
// own backend + static server. The hang cases (10 s client timeout) all run at once.
// The visitor widget's 60 s polling and its back-off run under Playwright's fake
// clock (page.clock), which drives the wasm's setInterval/setTimeout too.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { FAULTS } from '../server/backend.mjs';
import { launchBrowser, startStack, newPage, waitForReader, textOf, norm, poll, see, describeView } from './harness.mjs';

const R = '[data-news-portal]';
/** The client's time limit (src/api/http.rs) and the margin we give it. */
const CLIENT_TIMEOUT = 10_000;
const MARGIN = 6_000;
/** Parallel lanes for the non-hang cases (2 cores: more only adds contention). */
const LANES = Number(process.env.NP_FAULT_LANES) || 3;
/** NP_FAULT_TRACE=1 logs the phases of every case with their times. */
const TRACE = !!process.env.NP_FAULT_TRACE;

const ENDPOINTS = ['site', 'articles', 'articles/hot', 'articles/{id}', 'stats/visitors', 'stats/hit'];

// The reader's messages (src/i18n.rs, VI).
const MSG = {
  network: 'Không kết nối được máy chủ. Vui lòng kiểm tra kết nối mạng.',
  timeout: 'Máy chủ phản hồi quá lâu.',
  server: 'Máy chủ đang gặp sự cố, chưa tải được nội dung.',
  invalid: 'Dữ liệu nhận được không hợp lệ.',
  notFound: 'Không tìm thấy nội dung.',
};
const FALLBACK_NAME = 'Cổng thông tin đối ngoại';

/**
 * What the reader must do for (endpoint, fault):
 *   {kind: 'error', msg}   the part shows an alert with `msg` (null: any non-empty text) and "Thử lại"
 *   {kind: 'notfound'}     the article page is "Không tìm thấy bài viết"
 *   {kind: 'delay'}        a skeleton (site: the fallback name), then the content; no error
 *   {kind: 'huge'}         content, at most 50 cards in any list or carousel, no freeze
 *   {kind: 'invisible'}    nothing shows it (the hit POST)
 */
function expectation(endpoint, fault) {
  if (endpoint === 'stats/hit') return { kind: 'invisible' };
  switch (fault) {
    case 'refused': return { kind: 'error', msg: MSG.network };
    case '500': return { kind: 'error', msg: MSG.server };
    // A 404 is "not found" only for one article (docs/api.md); on any other endpoint it
    // is one of the "any 4xx/5xx" answers, which the reader must let the user retry.
    case '404': return endpoint === 'articles/{id}' ? { kind: 'notfound' } : { kind: 'error', msg: null };
    case 'hang': return { kind: 'error', msg: MSG.timeout };
    case 'delay3s': return { kind: 'delay' };
    case 'truncated':
    case 'html':
    case 'wrong-types':
    case 'empty':
    case 'huge-body':
      return { kind: 'error', msg: MSG.invalid };
    case 'huge-page': return { kind: 'huge' };
    default: throw new Error(`no expectation for ${fault}`);
  }
}

/** URL pattern of an endpoint's requests (for allowing the browser's own network console noise). */
function urlPattern(endpoint) {
  return {
    site: /\/api\/v1\/site\b/,
    articles: /\/api\/v1\/articles\?/,
    'articles/hot': /\/api\/v1\/articles\/hot\b/,
    'articles/{id}': /\/api\/v1\/articles\/(?!hot\b)[^/?\s)]+/,
    'stats/visitors': /\/api\/v1\/stats\/visitors\b/,
    'stats/hit': /\/api\/v1\/stats\/hit\b/,
  }[endpoint];
}

let browser;
const lanes = []; // {stack, busy}
const counts = { cases: 0 };

/** A free lane (its own backend + static server), reset. */
async function acquire() {
  let lane = lanes.find((l) => !l.busy);
  if (!lane) {
    lane = { stack: null, page: null, busy: true };
    lanes.push(lane);
    lane.stack = await startStack({ apiBase: true });
  }
  lane.busy = true;
  lane.stack.backend.reset();
  return lane;
}

/**
 * The lane's page, reused from case to case (a new context per case costs seconds on
 * this machine; each case is a fresh document load anyway). Its records are cleared.
 */
async function lanePage(lane) {
  if (!lane.page) lane.page = await openPage();
  const page = lane.page;
  page.errors.length = 0;
  page.dialogs.length = 0;
  page.requests.length = 0;
  page.hitSettled = false;
  return page;
}

/** After a failed case the page may be in any state: drop it. */
async function release(lane, ok) {
  if (!ok && lane.page) {
    const p = lane.page;
    lane.page = null;
    await p.context().close().catch(() => {});
  } else if (lane.page) {
    // An idle reader still animates its ticker and polls: park the page on a blank one.
    await lane.page.goto('about:blank').catch(() => {});
  }
  lane.busy = false;
}

/**
 * Throws on anything in the page's records that is not the browser's own report of the
 * injected fault (console "Failed to load resource" / net::ERR_* naming the faulted URL).
 */
function assertClean(page, allow) {
  const bad = page.errors.filter((e) => e.kind !== 'http' && !/\/favicon\.ico\)?$/.test(e.text) && !allow.some((re) => re.test(e.text)));
  bad.push(...page.dialogs.map((d) => ({ kind: 'dialog', text: d })));
  if (bad.length) throw new Error(`unexpected errors in the page:\n${bad.map((e) => `  [${e.kind}] ${e.text}`).join('\n')}`);
}

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await Promise.all(lanes.map(async (l) => {
    await l.page?.context().close().catch(() => {});
    await l.stack?.close().catch(() => {});
  }));
  await browser?.close();
  console.log(`# fault matrix: ${ENDPOINTS.length} endpoints × ${FAULTS.length} faults = ${ENDPOINTS.length * FAULTS.length} cases (ran ${counts.cases}), plus the visitor-stats back-off under a fake clock`);
});

/** A fresh page that also records skeletons seen and the longest main-thread task (for "no freeze"). */
async function openPage() {
  // Reduced motion: the hot-news ticker stands still (an animated ticker in each of
  // several pages costs this 2-core machine more than the tests themselves).
  const page = await newPage(browser, { reducedMotion: 'reduce' });
  page.hitSettled = false;
  const settle = (req) => {
    if (/\/stats\/hit\b/.test(req.url()) && req.method() === 'POST') page.hitSettled = true;
  };
  page.on('response', (res) => settle(res.request()));
  page.on('requestfinished', settle);
  page.on('requestfailed', settle);
  await page.addInitScript(() => {
    // Where a skeleton was ever seen (closest section/main), recorded in the page itself
    // (a MutationObserver on the reader's shadow root) so that a busy test process
    // cannot miss a short loading state.
    window.__npSkeletons = {};
    // A loading state is a busy status (the skeleton's role and aria-busy);
    // it is keyed by the landmark or named region it sits in, as a screen
    // reader would announce it: 'main', 'banner' or the region's name.
    const placeOf = (el) => {
      const at = el.parentElement?.closest('section[aria-label], section[aria-labelledby], main, header');
      if (!at) return '?';
      if (at.localName === 'main') return 'main';
      if (at.localName === 'header') return 'banner';
      const by = at.getAttribute('aria-labelledby');
      return (at.getAttribute('aria-label') || (by && at.getRootNode().getElementById(by)?.textContent) || '').trim();
    };
    const record = (root) => {
      for (const sk of root.querySelectorAll('[role="status"][aria-busy="true"]')) {
        const key = placeOf(sk);
        window.__npSkeletons[key] = (window.__npSkeletons[key] || 0) + 1;
      }
    };
    const attach = () => {
      const root = document.querySelector('[data-news-portal]')?.shadowRoot;
      if (!root) return void setTimeout(attach, 10);
      record(root);
      new MutationObserver(() => record(root)).observe(root, { childList: true, subtree: true });
    };
    attach();
    window.__npLongest = 0;
    // Chromium observes long tasks; where it could not, __npLongTasks stays
    // false and the long-task check fails rather than passing on nothing.
    window.__npLongTasks = false;
    try {
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__npLongest = Math.max(window.__npLongest, e.duration);
      }).observe({ type: 'longtask', buffered: true });
      window.__npLongTasks = true;
    } catch {}
  });
  return page;
}

/** Every console message or page error that looks like a Rust panic or a wasm trap. */
function panics(page) {
  return page.errors.filter((e) => /panicked|RuntimeError|unreachable|wasm-function/i.test(e.text));
}

// ---- the parts of the two pages we load, and how to tell they rendered ----

function articleFixture(stack) {
  const a = stack.backend.data.articles[0];
  return { id: a.id, path: `/bai-viet/${a.id}/${a.slug}`, title: a.title };
}

/**
 * Parts of the view for `endpoint`: {name: {root, ok(): Promise<true|throws>, error}}.
 * `error` is where the part's alert goes when its own request fails.
 */
function partsOf(page, stack, onArticle, huge = false) {
  const d = stack.backend.data;
  const reader = page.locator(R);
  const region = (name) => reader.getByRole('region', { name, exact: true });
  const parts = {
    site: {
      skeleton: null, // the header shows the fallback name while the site loads
      error: reader.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('alert'),
      ok: async () => {
        const banner = reader.getByRole('banner');
        assert.equal(await banner.getByRole('link', { name: norm(d.site.name), exact: true }).count(), 1, 'brand name');
        const nav = await reader.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link').count();
        assert.ok(nav >= 1 + d.site.categories.length, `nav has ${nav} links`);
        assert.ok(await reader.getByRole('contentinfo').getByText(norm(d.site.name), { exact: true }).count() >= 1, 'footer name');
        if ((d.site.link_groups || []).length) assert.ok(await region('Liên kết website').getByRole('link').count() >= 1, 'links directory');
        return true;
      },
    },
    'stats/visitors': {
      skeleton: 'Thống kê truy cập',
      error: region('Thống kê truy cập').getByRole('alert'),
      ok: async () => (await region('Thống kê truy cập').getByRole('definition').count()) >= 4 || assert.fail('visitor figures not shown'),
    },
  };
  if (onArticle) {
    const art = articleFixture(stack);
    parts['articles/{id}'] = {
      skeleton: 'main',
      // The page's own alert: in the main landmark, not in "Tin khác" (checked by `outside`).
      error: reader.getByRole('main').getByRole('alert'),
      outside: region('Tin khác'),
      ok: async () => {
        assert.equal(await textOf(reader.getByRole('main').getByRole('heading', { level: 1 })), norm(art.title), 'article title');
        return true;
      },
    };
    parts.articles = {
      skeleton: 'Tin khác',
      error: region('Tin khác').getByRole('alert'),
      ok: async () => (await region('Tin khác').getByRole('article').count()) >= 1 || assert.fail('"Tin khác" has no cards'),
    };
  } else {
    parts.articles = {
      skeleton: 'Tin mới nhất',
      error: region('Tin mới nhất').getByRole('alert'),
      ok: async () => {
        const n = await region('Tin mới nhất').getByRole('article').count();
        // 10 a page; a huge page is cut to 50 (checked separately)
        if (huge) assert.ok(n >= 10 && n <= 50, `list has ${n} cards`);
        else assert.equal(n, 10, `list has ${n} cards`);
        return true;
      },
    };
    parts['articles/hot'] = {
      skeleton: 'Tin nóng',
      error: region('Tin nóng').getByRole('alert'),
      ok: async () => (await region('Tin nóng').getByRole('link').count()) >= 1 || assert.fail('no hot news'),
    };
  }
  return parts;
}

/** Wait until every part in `names` renders (each part's ok() passes). */
async function expectRendered(page, parts, names, timeout = 15_000) {
  for (const n of names) {
    await poll(parts[n].ok, { timeout, message: async () => `part ${n} did not render; <main>: ${await describeView(page)}` });
  }
}

async function expectNoSkeleton(page, timeout) {
  const sk = page.locator(R).getByRole('status').and(page.locator('[aria-busy="true"]'));
  await poll(async () => (await sk.count()) === 0, {
    timeout,
    message: async () => `a skeleton is still shown (${await sk.count()}); <main>: ${await describeView(page)}`,
  });
}

async function errorCount(page) {
  // What a reader is told failed: every alert in the reader.
  return page.locator(`${R} [role="alert"]`).count();
}

/** Asserts the part shows the error `msg` (null: any text) with a working "Thử lại" button, and returns the button. */
async function expectPartError(page, part, msg, timeout) {
  await see(page, part.error, { timeout });
  if (part.outside) assert.equal(await part.outside.getByRole('alert').count(), 0, 'the error shows in another part');
  const text = await textOf(part.error.getByRole('paragraph'));
  if (msg) assert.equal(text, msg, 'error message');
  else assert.ok(text.length > 0, 'empty error message');
  const retry = part.error.getByRole('button');
  assert.equal(await retry.count(), 1, `no "Thử lại" button in the error "${text}"`);
  assert.equal(await textOf(retry), 'Thử lại');
  return retry;
}

/**
 * One case of the matrix.
 */
async function runCase(endpoint, fault) {
  counts.cases++;
  const entered = Date.now();
  if (TRACE) console.log(`# trace ${endpoint} × ${fault}: entered at ${entered % 1e6}`);
  const want = expectation(endpoint, fault);
  const lane = await acquire();
  const { stack } = lane;
  const b = stack.backend;
  const onArticle = endpoint === 'articles/{id}';
  const failing = endpoint === 'stats/hit' ? null : endpoint;
  // The browser logs failed loads itself ("Failed to load resource", net::ERR_*): noise, not the reader's.
  const pat = urlPattern(endpoint);
  const allow = [pat];
  const page = await lanePage(lane);
  let ok = false;
  try {
    b.setFault(endpoint === 'articles/{id}' ? 'article' : endpoint, fault);
    const started = Date.now();
    const mark = TRACE ? (what) => console.log(`# trace ${endpoint} × ${fault}: ${what} +${Date.now() - started} ms`) : () => {};
    // 'commit': the reader's own waits follow; the load event (images) is not ours to wait for.
    await page.goto(stack.href(onArticle ? articleFixture(stack).path : '/'), { waitUntil: 'commit' });
    mark('loaded');
    await waitForReader(page, 30_000);
    mark('reader');
    const parts = partsOf(page, stack, onArticle, want.kind === 'huge');
    const others = Object.keys(parts).filter((n) => n !== failing);
    const part = failing && parts[failing];

    if (want.kind === 'error') {
      const retry = await expectPartError(page, part, want.msg, fault === 'hang' ? CLIENT_TIMEOUT + MARGIN : 15_000);
      mark('error shown');
      if (fault === 'hang') {
        const took = Date.now() - started;
        assert.ok(took >= CLIENT_TIMEOUT - 1000, `timeout error after only ${took} ms`);
      }
      await expectRendered(page, parts, others);
      mark('others rendered');
      assert.equal(await errorCount(page), 1, 'an error shows outside the failing part');
      if (endpoint === 'site') {
        const reader = page.locator(R);
        assert.equal(await reader.getByRole('banner').getByRole('link', { name: FALLBACK_NAME, exact: true }).count(), 1, 'fallback name');
        assert.equal(await reader.getByRole('contentinfo').getByText(norm(stack.backend.data.site.name)).count(), 0, 'footer shows details without a site');
        assert.equal(await reader.getByRole('region', { name: 'Liên kết website' }).count(), 0, 'links directory without a site');
      }
      if (endpoint === 'articles') assert.equal(await page.locator(R).getByRole('region', { name: 'Tin mới nhất' }).getByRole('article').count(), 0, 'cards next to the error');
      if (onArticle) assert.equal(await page.locator(R).getByRole('main').getByRole('heading', { level: 1 }).count(), 0, 'article next to the error');
      await expectNoSkeleton(page, 2_000);
      // Recovery.
      b.clearFaults();
      await retry.click();
      mark('retry clicked');
      await expectRendered(page, parts, Object.keys(parts));
      mark('recovered');
      assert.equal(await errorCount(page), 0, 'error still shown after a successful retry');
    } else if (want.kind === 'notfound') {
      await see(page, page.locator(R).getByRole('main').getByRole('heading', { level: 1, name: 'Không tìm thấy bài viết' }), { timeout: 15_000 });
      await expectRendered(page, parts, others);
      assert.equal(await page.locator(R).getByRole('button', { name: 'Thử lại' }).count(), 0, 'a retry offered for a missing article');
    } else if (want.kind === 'delay') {
      if (endpoint === 'site') {
        // While the site loads the header shows the fallback name, and no error.
        await see(page, page.locator(R).getByRole('banner').getByRole('link', { name: FALLBACK_NAME, exact: true }));
        assert.equal(await part.error.count(), 0);
      }
      await expectRendered(page, parts, Object.keys(parts));
      if (part.skeleton) {
        const seen = await page.evaluate(() => window.__npSkeletons);
        assert.ok(seen[part.skeleton] > 0, `no skeleton in ${part.skeleton} while it loaded; skeletons seen: ${JSON.stringify(seen)}`);
      }
      const took = Date.now() - started;
      assert.ok(took >= 3_000, `content after only ${took} ms with a 3 s delay`);
      assert.equal(await errorCount(page), 0, 'an error during a slow answer');
    } else if (want.kind === 'huge') {
      // The huge part first, and its item count at once (fail fast: a page rendering
      // 20,000 cards takes a long while to do anything else).
      if (part) await expectRendered(page, parts, [failing], 30_000);
      // Items of each list a reader sees: cards, the carousel's slides, hot-news entries.
      const reader = page.locator(R);
      const lists = onArticle ? [['Tin khác', 'article'], ['Tin liên quan', 'group']] : [['Tin mới nhất', 'article'], ['Tin nóng', 'listitem']];
      const perList = { lists: {} };
      // The first list has items (an article's "Tin khác" is asked for once
      // the headline is shown, so it may still be on its way).
      const [first, firstRole] = lists[0];
      await see(page, reader.getByRole('region', { name: first, exact: true }).getByRole(firstRole).first(), { timeout: 30_000 });
      for (const [name, role] of lists) {
        const n = await reader.getByRole('region', { name, exact: true }).getByRole(role).count();
        perList.lists[name] = n;
        assert.ok(n <= 50, `${name} renders ${n} items (at most 50)`);
      }
      assert.ok(Object.values(perList.lists)[0] >= 1, `no items listed: ${JSON.stringify(perList.lists)}`);
      perList.navLinks = await reader.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link').count();
      await expectRendered(page, parts, Object.keys(parts), 30_000);
      const took = Date.now() - started;
      assert.equal(await errorCount(page), 0, 'an error for a huge (but valid) answer');
      // The main thread answers promptly once it is on screen.
      const t0 = Date.now();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
      const frame = Date.now() - t0;
      assert.equal(await page.evaluate(() => window.__npLongTasks), true, 'long tasks could not be observed');
      const longest = await page.evaluate(() => window.__npLongest);
      console.log(`# ${endpoint} × huge-page: content after ${Date.now() - started} ms, longest task ${Math.round(longest)} ms, items per list ${JSON.stringify(perList.lists)}, nav links ${perList.navLinks}`);
      assert.ok(frame < 2_000, `a frame took ${frame} ms after rendering`);
      // 4 s: well above this 2-core machine's noise (~0.2 s for 50 cards, up to ~3.6 s
      // for 20,000 nav links while other pages load), well below a real freeze.
      assert.ok(longest < 4_000, `a ${Math.round(longest)} ms long task (the page froze)`);
      assert.ok(took < 25_000, `content after ${took} ms`);
    } else if (want.kind === 'invisible') {
      await expectRendered(page, parts, Object.keys(parts));
      // The POST was sent (and, unless it hangs, has failed or finished by now).
      await poll(() => b.count('stats/hit') >= 1, { message: 'no hit POST reached the backend' });
      if (fault !== 'hang') {
        await poll(() => page.hitSettled, { timeout: 5_000, message: 'the hit POST neither finished nor failed' });
      }
      assert.equal(await errorCount(page), 0, 'a failing hit POST shows an error');
    }
    await expectNoSkeleton(page, fault === 'hang' ? CLIENT_TIMEOUT + MARGIN : 10_000);
    assert.deepEqual(panics(page), [], 'panic in the console');
    assertClean(page, allow);
    mark('done');
    ok = true;
  } finally {
    await release(lane, ok);
    if (TRACE) console.log(`# trace ${endpoint} × ${fault}: released after ${Date.now() - entered} ms`);
  }
}

const T = { timeout: 90_000 };

// The hang cases wait out the 10 s client timeout, all at once; the fake-clock test of the
// visitor polling (mostly waiting too) runs beside them.
describe('fault matrix: hang past the client timeout (all endpoints at once); visitor polling', { concurrency: ENDPOINTS.length + 1 }, () => {
  for (const endpoint of ENDPOINTS) {
    test(`${endpoint} × hang`, T, () => runCase(endpoint, 'hang'));
  }
  test('polls every minute; after failures backs off (2, 4, 8… up to 16 min) and keeps the figures; recovers', { timeout: 180_000 }, async () => {
    const lane = await acquire();
    const b = lane.stack.backend;
    const pat = urlPattern('stats/visitors');
    const page = await newPage(browser, { allow: [pat], reducedMotion: 'reduce' });
    let ok = false;
    try {
      // Playwright's fake clock replaces setInterval/setTimeout/Date before the app
      // starts; the wasm calls window.setInterval at run time, so it gets the fake one.
      await page.clock.install();
      // The visitors fetches, counted in the page itself: started (synchronously, from the
      // interval's callback and the effects it runs as microtasks inside runFor) and still
      // in flight until the reader has what it waits for (the response, and its text when
      // it reads it). Fake time must not move while one is in flight, or the fake 10 s
      // timeout would abort it.
      await page.addInitScript(() => {
        window.__npVis = { calls: 0, inflight: 0 };
        const isVis = (u) => /\/stats\/visitors\b/.test(String(u && u.url ? u.url : u));
        const reading = new WeakSet();
        const origFetch = window.fetch;
        window.fetch = function (input, init) {
          const p = origFetch.call(this, input, init);
          if (!isVis(input)) return p;
          window.__npVis.calls++;
          window.__npVis.inflight++;
          p.then((res) => {
            if (res.ok) reading.add(res);
            else window.__npVis.inflight--;
          }, () => window.__npVis.inflight--);
          return p;
        };
        const origText = Response.prototype.text;
        Response.prototype.text = function () {
          const p = origText.call(this);
          if (reading.has(this)) {
            reading.delete(this);
            const done = () => Promise.resolve().then(() => window.__npVis.inflight--);
            p.then(done, done);
          }
          return p;
        };
      });
      await page.goto(lane.stack.href('/'));
      await waitForReader(page);
      const dd = page.locator(R).getByRole('region', { name: 'Thống kê truy cập' }).getByRole('definition');
      await poll(async () => (await dd.count()) >= 4, { message: 'visitor figures not shown' });
      const visErr = page.locator(R).getByRole('region', { name: 'Thống kê truy cập' }).getByRole('alert');
      const vis = () => page.evaluate(() => ({ ...window.__npVis }));
      /** Wait (real time) until no visitors fetch is in flight in the page. */
      async function settle() {
        await poll(async () => (await vis()).inflight === 0, { timeout: 5_000, interval: 20, message: async () => `visitors fetch still in flight at minute ${minute}: ${JSON.stringify(await vis())}` });
      }
      const polls = []; // minutes at which a poll reached the backend
      let minute = 0;
      await settle();
      async function advance(n = 1) {
        for (let i = 0; i < n; i++) {
          const before = (await vis()).calls;
          await page.clock.runFor(60_000);
          minute++;
          await settle();
          const seen = (await vis()).calls - before;
          assert.ok(seen <= 1, `${seen} visitors requests in minute ${minute}`);
          if (seen) polls.push(minute);
        }
      }
      // Healthy: one poll a minute.
      await advance(2);
      assert.deepEqual(polls, [1, 2], 'healthy polling is not once a minute');
      // The backend fails from minute 3 on, for 48 minutes.
      b.setFault('stats/visitors', '500');
      await advance(48);
      const failing = polls.filter((m) => m >= 3);
      assert.equal(failing[0], 3, 'no poll in the first minute of the outage');
      const gaps = failing.slice(1).map((m, i) => m - failing[i]);
      console.log(`# visitor polls during a 48-minute outage at minutes ${failing.join(', ')} (gaps ${gaps.join(', ')})`);
      // The figures stay on screen (a background refresh that fails is not shown).
      assert.ok((await dd.count()) >= 4, 'figures dropped after failed background refreshes');
      assert.equal(await visErr.count(), 0, 'a failed background refresh shows an error');
      // Checked last, so that the recovery below is tested whatever this says.
      const backoffProblems = gaps.flatMap((g, i) => {
        const want = Math.min(2 ** (i + 1), 16);
        return g >= want && g <= 16 ? [] : [`after ${i + 1} consecutive failure(s) the next poll came ${g} min later (want ${want}..16)`];
      });
      assert.ok(failing.length <= 7, `${failing.length} polls in 48 minutes of outage`);
      // Recovery: within 16 minutes a poll succeeds, then it is once a minute again.
      b.clearFaults();
      const n0 = polls.length;
      await advance(16);
      assert.ok(polls.length > n0, 'no poll within 16 minutes after the backend recovered');
      const back = polls.length;
      await advance(2);
      assert.equal(polls.length - back, 2, 'polling did not return to once a minute after recovery');
      assert.ok((await dd.count()) >= 4);
      // Every poll the page started reached the backend (none was cut by a fake timeout).
      assert.equal(b.count('stats/visitors'), (await vis()).calls, 'visitors requests seen by the backend vs started by the page');
      assert.deepEqual(panics(page), []);
      page.assertNoErrors();
      ok = true;
      assert.deepEqual(backoffProblems, [], `back-off during the outage (polls at minutes ${failing.join(', ')})`);
    } finally {
      await page.context().close().catch(() => {});
      await release(lane, ok);
    }
  });
});

describe('fault matrix', { concurrency: LANES }, () => {
  for (const endpoint of ENDPOINTS) {
    for (const fault of FAULTS) {
      if (fault === 'hang' || fault === 'huge-page') continue;
      test(`${endpoint} × ${fault}`, T, () => runCase(endpoint, fault));
    }
  }
});

// One at a time: "no freeze" is measured as the longest main-thread task, which
// other pages rendering at the same time on a 2-core machine would inflate.
describe('fault matrix: huge pages (20,000 items)', { concurrency: 1 }, () => {
  for (const endpoint of ENDPOINTS) {
    test(`${endpoint} × huge-page`, T, () => runCase(endpoint, 'huge-page'));
  }
});

