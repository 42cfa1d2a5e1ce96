// Races: slow and fast answers crossing, navigation while a request is in flight,
// quick successions of page changes. In headless Chromium against dist/ and the
// test backend, with navigation by clicks in the reader (and the browser's back /
// forward), never page.goto between the steps.
//
//   node --test tests/e2e/races.test.mjs        (needs dist/: run scripts/build first)
import { test, describe, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startStack, newPage, waitForReader, textOf, textsOf, norm, poll, see, describeView, appPath } from './harness.mjs';

const R = '[data-news-portal]';
const LIST = `${R} section.np-list:not(.np-other)`;
const H1 = `${R} article.np-article h1.np-article__title`;
const T = { timeout: 60_000 };

let browser;
let stack;
let data;
const pages = [];
/** Requests as the backend saw them: {path, search, t0, tEnd, finished, closedEarly}. */
let seen = [];

before(async () => {
  browser = await launchBrowser();
  stack = await startStack({ apiBase: true });
  data = stack.backend.data;
  stack.backend.server.on('request', (req, res) => {
    const u = new URL(req.url, 'http://x');
    if (!u.pathname.startsWith('/api/v1/')) return;
    const r = { method: req.method, path: u.pathname.slice('/api/v1/'.length), search: u.search, t0: Date.now(), tEnd: null, finished: false, closedEarly: false };
    seen.push(r);
    res.on('finish', () => { r.finished = true; r.tEnd = Date.now(); });
    res.on('close', () => {
      if (!r.finished) { r.closedEarly = true; r.tEnd = Date.now(); }
    });
  });
});
after(async () => {
  await stack?.close();
  await browser?.close();
  console.log('# races: 5 tests (article A slow / B fast; leaving aborts; quick pagination by history; page change then category click; a part left in the frame it appears)');
});
beforeEach(() => {
  stack.backend.reset();
  seen = [];
});
afterEach(async () => {
  while (pages.length) await pages.pop().context().close().catch(() => {});
});

async function open(path) {
  const page = await newPage(browser, { reducedMotion: 'reduce' });
  pages.push(page);
  page.aborted = [];
  page.on('requestfailed', (req) => {
    if (/ERR_ABORTED/.test(req.failure()?.errorText || '')) page.aborted.push(req.url());
  });
  await page.goto(stack.href(path), { waitUntil: 'commit' });
  await waitForReader(page);
  return page;
}

const articlePath = (a) => `/bai-viet/${a.id}/${a.slug}`;
const reqsFor = (path) => seen.filter((r) => r.path === path);

async function cardTitles(page, scope = LIST) {
  return textsOf(page.locator(`${scope} article.np-card a.np-card__title`));
}

async function waitForCards(page, titles, scope = LIST) {
  const want = titles.map(norm);
  await poll(async () => JSON.stringify(await cardTitles(page, scope)) === JSON.stringify(want), {
    message: async () => `cards in ${scope} are not ${JSON.stringify(want.slice(0, 2))}…; saw ${JSON.stringify((await cardTitles(page, scope)).slice(0, 2))}…; <main>: ${await describeView(page)}`,
  });
}

/** Samples `fn` every 40 ms until `until` (epoch ms); every sample must satisfy `check`. */
async function holds(fn, check, until, what) {
  const samples = [];
  while (Date.now() < until) {
    const v = await fn();
    samples.push(v);
    if (!check(v)) throw new Error(`${what}: saw ${JSON.stringify(v)} (samples so far: ${JSON.stringify(samples.slice(-5))})`);
    await new Promise((r) => setTimeout(r, 40));
  }
  return samples.length;
}

describe('races', () => {
  test('article A (slow) then B (fast): B is shown and stays after A\'s answer time; A\'s request is aborted', T, async () => {
    const A = data.articles[0];
    const B = data.articles[1];
    const DELAY = 4_000;
    stack.backend.setDelay(`articles/${A.id}`, DELAY);
    const page = await open('/');
    await waitForCards(page, data.articles.slice(0, 10).map((a) => a.title));
    await page.locator(`${LIST} a.np-card__title[href$="${articlePath(A)}"]`).click();
    // A loads slowly; "Tin khác" (fast) offers B meanwhile.
    const bLink = page.locator(`${R} section.np-other a.np-card__title[href$="${articlePath(B)}"]`);
    await see(page, bLink);
    await poll(() => reqsFor(`articles/${A.id}`).length === 1, { message: 'A was not requested' });
    const aReq = reqsFor(`articles/${A.id}`)[0];
    assert.equal(aReq.finished, false, 'A answered before B could be clicked: the race was not run');
    assert.equal(await page.locator(H1).count(), 0, 'A shown before its answer');
    await bLink.click();
    await poll(() => appPath(page, stack) === articlePath(B), { message: () => `URL ${page.url()}` });
    await poll(async () => (await page.locator(H1).count()) === 1 && (await textOf(page.locator(H1))) === norm(B.title), {
      message: async () => `B's title not shown; <main>: ${await describeView(page)}`,
    });
    assert.equal(aReq.finished, false, 'A answered before B was shown: the race was not run');
    // Until well after A's answer would have come, the view stays B.
    const n = await holds(
      async () => ({ url: appPath(page, stack), h1: await page.locator(H1).allTextContents().then((t) => t.map(norm)) }),
      (v) => v.url === articlePath(B) && v.h1.length === 1 && v.h1[0] === norm(B.title),
      aReq.t0 + DELAY + 700,
      'after B was shown',
    );
    assert.ok(n >= 5, `only ${n} samples`);
    // Leaving A aborted its request: the browser reports it aborted and the backend saw the socket close.
    assert.ok(page.aborted.some((u) => u.includes(`/api/v1/articles/${A.id}`)), `A's request not aborted in the browser; aborted: ${JSON.stringify(page.aborted)}`);
    assert.equal(aReq.closedEarly, true, 'the backend never saw A\'s request closed before its answer');
    // "Tin khác" under B lists neither B itself (and it may list A again).
    await see(page, page.locator(`${R} section.np-other article.np-card`).first());
    const otherHrefs = await page.locator(`${R} section.np-other a.np-card__title`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(!otherHrefs.some((h) => h.endsWith(articlePath(B))), `"Tin khác" under B lists B itself: ${JSON.stringify(otherHrefs)}`);
    page.assertNoErrors();
  });

  test('leaving a page aborts its in-flight requests (category list, article)', T, async () => {
    const cat = data.site.categories.find((c) => data.articles.some((a) => a.category?.slug === c.slug));
    const A = data.articles[2];
    stack.backend.setDelay(/[?&]category=/, 5_000);
    stack.backend.setDelay(`articles/${A.id}`, 5_000);
    const page = await open('/');
    await waitForCards(page, data.articles.slice(0, 10).map((a) => a.title));
    const home = page.locator(`${R} header.np-header a.np-brand`);

    // A category whose list hangs, left for the home page.
    await page.locator(`${R} nav.np-nav a.np-nav__link`, { hasText: cat.name }).first().click();
    await poll(() => seen.some((r) => r.path === 'articles' && r.search.includes(`category=${cat.slug}`)), { message: 'category list not requested' });
    await see(page, page.locator(`${LIST} [role="status"][aria-busy="true"]`));
    await home.click();
    await poll(() => appPath(page, stack) === '/', { message: () => `URL ${page.url()}` });
    await waitForCards(page, data.articles.slice(0, 10).map((a) => a.title));
    const catReq = seen.find((r) => r.path === 'articles' && r.search.includes(`category=${cat.slug}`));
    await poll(() => page.aborted.some((u) => u.includes(`category=${cat.slug}`)), { timeout: 3_000, message: `the category list request was not aborted; aborted: ${JSON.stringify(page.aborted)}` });
    await poll(() => catReq.closedEarly, { timeout: 3_000, message: 'the backend did not see the category request closed' });

    // An article whose request hangs, left for the home page.
    await page.locator(`${LIST} a.np-card__title[href$="${articlePath(A)}"]`).click();
    await poll(() => reqsFor(`articles/${A.id}`).length === 1, { message: 'article not requested' });
    // The article itself is loading: a busy status in the main landmark, no title yet.
    await see(page, page.locator(R).getByRole('main').locator('[role="status"][aria-busy="true"]').first());
    assert.equal(await page.locator(H1).count(), 0, 'the article shown while its request hangs');
    await home.click();
    await poll(() => appPath(page, stack) === '/', { message: () => `URL ${page.url()}` });
    await waitForCards(page, data.articles.slice(0, 10).map((a) => a.title));
    const aReq = reqsFor(`articles/${A.id}`)[0];
    await poll(() => page.aborted.some((u) => u.includes(`/api/v1/articles/${A.id}`)), { timeout: 3_000, message: `the article request was not aborted; aborted: ${JSON.stringify(page.aborted)}` });
    await poll(() => aReq.closedEarly, { timeout: 3_000, message: 'the backend did not see the article request closed' });
    assert.ok(Date.now() - aReq.t0 < 5_000, 'checked after the answer would have come anyway');
    assert.equal(await page.locator(H1).count(), 0);
    page.assertNoErrors();
  });

  // The pagination is part of the loaded list: while page 2 loads it is replaced by the
  // skeleton, so "2, 3, 4" cannot be clicked in a row there. A reader does it with the
  // browser's forward button through pages seen before, which is the same race.
  test('quick page changes 2 → 3 → 4 with pages 2 and 3 slow end on page 4', T, async () => {
    const page = await open('/');
    const pageTitles = (n) => data.articles.slice((n - 1) * 10, n * 10).map((a) => a.title);
    await waitForCards(page, pageTitles(1));
    const pag = page.locator(`${LIST} nav.np-pagination`);
    for (const n of [2, 3, 4]) {
      await pag.locator(`a[aria-label="Trang ${n}"]`).click();
      await poll(() => new URL(page.url()).search === `?trang=${n}`, { message: () => `URL ${page.url()}` });
      await waitForCards(page, pageTitles(n));
    }
    await page.evaluate(() => history.go(-3));
    await poll(() => new URL(page.url()).search === '', { message: () => `URL after go(-3): ${page.url()}` });
    await waitForCards(page, pageTitles(1));
    const DELAY = 3_000;
    stack.backend.setDelay(/[?&]page=2(&|$)/, DELAY);
    stack.backend.setDelay(/[?&]page=3(&|$)/, DELAY);
    seen = [];
    for (const n of [2, 3, 4]) {
      await page.evaluate(() => history.forward());
      await poll(() => new URL(page.url()).search === `?trang=${n}`, { message: () => `URL after forward: ${page.url()}` });
    }
    const slow = seen.filter((r) => r.path === 'articles' && /[?&]page=[23](&|$)/.test(r.search));
    assert.ok(slow.length >= 1, 'pages 2/3 were not requested');
    assert.ok(slow.every((r) => !r.finished), 'page 2 or 3 answered before page 4 was asked for: the race was not run');
    await waitForCards(page, pageTitles(4));
    const current = pag.locator('[aria-current="page"]');
    assert.equal(await current.count(), 1);
    assert.equal(await textOf(current), '4');
    const until = Math.max(...slow.map((r) => r.t0)) + DELAY + 700;
    await holds(
      async () => ({ url: new URL(page.url()).search, cards: (await cardTitles(page)).slice(0, 1), current: await pag.locator('[aria-current="page"]').allTextContents() }),
      (v) => v.url === '?trang=4' && v.cards[0] === norm(pageTitles(4)[0]) && v.current.length === 1 && v.current[0] === '4',
      until,
      'after page 4 was shown',
    );
    for (const r of slow) assert.equal(r.closedEarly, true, `the request for ${r.search} was not aborted`);
    page.assertNoErrors();
  });

  test('page 2 (slow) then, before it arrives, a category in the menu: the category stays', T, async () => {
    const cat = data.site.categories.find((c) => data.articles.filter((a) => a.category?.slug === c.slug).length >= 2);
    const inCat = data.articles.filter((a) => a.category?.slug === cat.slug).slice(0, 10);
    const DELAY = 3_000;
    stack.backend.setDelay(/[?&]page=2(&|$)/, DELAY);
    const page = await open('/');
    await waitForCards(page, data.articles.slice(0, 10).map((a) => a.title));
    await page.locator(`${LIST} nav.np-pagination a[aria-label="Trang 2"]`).click();
    await poll(() => seen.some((r) => r.path === 'articles' && /[?&]page=2(&|$)/.test(r.search)), { message: 'page 2 not requested' });
    const p2 = seen.find((r) => r.path === 'articles' && /[?&]page=2(&|$)/.test(r.search));
    await page.locator(`${R} nav.np-nav a.np-nav__link`, { hasText: cat.name }).first().click();
    await poll(() => appPath(page, stack) === `/chuyen-muc/${cat.slug}`, { message: () => `URL ${page.url()}` });
    await waitForCards(page, inCat.map((a) => a.title));
    assert.equal(p2.finished, false, 'page 2 answered before the category was shown: the race was not run');
    await holds(
      async () => ({ url: appPath(page, stack), first: (await cardTitles(page)).slice(0, 1) }),
      (v) => v.url === `/chuyen-muc/${cat.slug}` && v.first[0] === norm(inCat[0].title),
      p2.t0 + DELAY + 700,
      'after the category was shown',
    );
    assert.equal(p2.closedEarly, true, 'the page-2 request was not aborted');
    page.assertNoErrors();
  });
  // A part that appears after the first paint may be removed before the next
  // frame: its frame callbacks then find its signals gone. Reading one with a
  // panicking accessor killed the reader (seen under load on hash routing).
  test('leaving an article in the frame its carousel appears: no panic, the next page works', T, async () => {
    const A = data.articles.slice(0, 10).find((a) => (stack.backend.getArticle(a.id)?.related?.length ?? 0) >= 2);
    assert.ok(A, 'no article on the first page has related articles');
    const page = await newPage(browser, { reducedMotion: 'reduce' });
    pages.push(page);
    await page.addInitScript(() => {
      // The reader is in its host's shadow root, which a document observer does not see.
      const watch = () => {
        const root = document.querySelector('[data-news-portal]')?.shadowRoot;
        if (!root) return void setTimeout(watch, 5);
        new MutationObserver((_, mo) => {
          const brand = root.querySelector('header.np-header a.np-brand');
          if (root.querySelector('.np-carousel__track') && brand) {
            mo.disconnect();
            window.__leftInTheSameFrame = true;
            brand.click();
          }
        }).observe(root, { childList: true, subtree: true });
      };
      watch();
    });
    await page.goto(stack.href(articlePath(A)), { waitUntil: 'commit' });
    await waitForReader(page);
    await poll(() => page.evaluate(() => window.__leftInTheSameFrame === true), { message: 'the carousel never appeared' });
    await poll(() => appPath(page, stack) === '/', { message: () => `URL ${page.url()}` });
    await waitForCards(page, data.articles.slice(0, 10).map((a) => a.title));
    // A few frames later: a frame callback of the removed carousel has run.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.locator(`${LIST} a.np-card__title[href$="${articlePath(A)}"]`).click();
    await poll(async () => (await page.locator(H1).count()) === 1 && (await textOf(page.locator(H1))) === norm(A.title), {
      message: async () => `the article did not open after; <main>: ${await describeView(page)}`,
    });
    page.assertNoErrors();
  });
});
