// Browser tests of the reader features: search, news by date, relative time,
// reading tools (text size, print, share, listen), English interface,
// accessibility behaviour (focus, titles, landmarks, zoom, ticker, back to top,
// dark mode), metadata in standalone mode, and the login link.
//
//   node --test tests/e2e/features.test.mjs        (needs dist/: run scripts/build first)
//
// Each stack is the test backend (data mutable through stack.backend.data) and the
// static server for dist/, whose index.html gets the host attributes a test asks
// for (data-lang, data-standalone: dist/index.html has data-standalone itself).
import { test, describe, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  launchBrowser, newPage, waitForReader, waitForText, textOf, textsOf, norm, poll, see,
  shadowActiveElement, describeView, vnDate, vnDateTime, readDemoJson, DIST, REPO_ROOT,
} from './harness.mjs';
import { startBackend, fold } from '../server/backend.mjs';
import { startStatic } from '../server/static.mjs';

const T = { timeout: 60_000 };
const R = '[data-news-portal]'; // Playwright CSS pierces the reader's open shadow root
const MAIN = `${R} main#np-main`;
const LIST = `${MAIN} section.np-list:not(.np-other)`;
const PHONE = { width: 360, height: 740 };
const FIXTURE_ID = '2019-0110-1'; // tests/fixtures/article.json: 10/01/2019 4:47:06 CH, updated 17:02
const FIXTURE_SLUG = 'nang-cao-chat-luong-hoat-dong-thong-tin-doi-ngoai-tren-dia-ban-tinh-lai-chau';
// A demo article with a carousel (5 related), figure caption, author, source and updated_at.
const CAROUSEL_ID = '2022-0818-1';
const CAROUSEL_PATH = `/bai-viet/${CAROUSEL_ID}/hoi-nghi-tap-huan-cong-tac-thong-tin-doi-ngoai-nam-2022`;
const DAY_WITH_NEWS = '2022-08-18'; // three demo articles
const DAY_WITHOUT = '2022-08-17';

let browser;
const pages = [];
const stacks = [];

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  while (stacks.length) await stacks.pop().close().catch(() => {});
  await browser?.close();
});
afterEach(async () => {
  while (pages.length) await pages.pop().context().close().catch(() => {});
});

/**
 * Backend (unless api: false → demo content) + static server for dist/ with extra host attributes.
 * Kept open for the whole file unless `own` (then the caller closes it).
 */
async function makeStack({ api = true, attrs = {}, own = false } = {}) {
  const backend = api ? await startBackend({ port: 0 }) : null;
  const stat = await startStatic({ dir: DIST, port: 0, apiBase: backend?.url, attrs });
  const s = {
    backend,
    data: backend?.data,
    origin: stat.origin,
    href: (p = '/') => stat.origin + (p.startsWith('/') ? p : '/' + p),
    close: async () => {
      await stat.close();
      if (backend) await backend.close();
    },
  };
  if (!own) stacks.push(s);
  return s;
}

const shared = {};
/** One stack per configuration, made on first use. */
async function stackFor(name) {
  if (!shared[name]) {
    const cfg = {
      vi: {},
      en: { attrs: { 'data-lang': 'en' } },
      embedded: { attrs: { 'data-standalone': false } },
      demo: { api: false },
    }[name];
    shared[name] = await makeStack(cfg);
  }
  return shared[name];
}

/** A new page (fresh context) at `p`; `init` scripts run before the reader. */
async function open(stack, p, opts = {}) {
  const { init = [], ...ctx } = opts;
  const page = await newPage(browser, ctx);
  pages.push(page);
  for (const s of [].concat(init)) await page.addInitScript(s);
  await page.goto(stack.href(p));
  await waitForReader(page);
  return page;
}

/** The page's h1 is shown and nothing in <main> is still loading. */
async function settled(page) {
  await see(page, page.locator(`${MAIN} h1`).first());
  await poll(async () => (await page.locator(`${MAIN} [aria-busy="true"]`).count()) === 0, {
    message: async () => `<main> still loading at ${page.url()}: ${await describeView(page)}`,
  });
}

async function waitForCards(page, n, scope = LIST) {
  const cards = page.locator(`${scope} article.np-card`);
  await poll(async () => (await cards.count()) === n, {
    message: async () => `expected ${n} cards in ${scope}, saw ${await cards.count().catch(() => '?')} at ${page.url()}; <main>: ${await describeView(page)}`,
  });
  return cards;
}

const cardTitles = (page, scope = LIST) => textsOf(page.locator(`${scope} article.np-card a.np-card__title`));

/** Path + search of the page (the stacks use no base path). */
const appPath = (page) => {
  const u = new URL(page.url());
  return u.pathname + u.search;
};

/** API list requests the page made, as URLSearchParams. */
function listRequests(page) {
  return page.requests
    .map((u) => new URL(u))
    .filter((u) => /\/api\/v1\/articles$/.test(u.pathname))
    .map((u) => u.searchParams);
}

/** Go to an app path in-app, as the router's own links do (pushState + popstate): no reload. */
async function goInApp(page, p) {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, p);
  await poll(() => appPath(page) === new URL(p, 'http://x').pathname + new URL(p, 'http://x').search, { message: () => `URL ${page.url()}` });
}

/** Fold as the demo search does: Vietnamese letters to ASCII, words start at non-alphanumerics. */
const queryWords = (q) => fold(q).split(/[^a-z0-9]+/).filter(Boolean);
const startsWords = (text, words) => {
  const t = fold(text);
  return words.every((w) => new RegExp(`(^|[^a-z0-9])${w}`).test(t));
};

/** The article's reading tools, the group a screen reader announces by its name. */
function tools(page, name = 'Công cụ đọc bài') {
  return page.locator(MAIN).getByRole('group', { name, exact: true });
}

/** "Nghe đọc bài": the tools' toggle button, whose name follows what it does next. */
function listenButton(page, name) {
  return tools(page, name).locator('button[aria-pressed]');
}

async function h1Text(page) {
  return textOf(page.locator(`${MAIN} h1`));
}

/** Focus is on the main h1 (inside the shadow root). */
async function expectH1Focused(page, what) {
  await poll(async () => {
    const a = await shadowActiveElement(page);
    return a && a.tag === 'h1';
  }, { timeout: 1500, message: async () => `${what}: focus is on ${JSON.stringify(await shadowActiveElement(page))}, not the page's h1 (${page.url()})` });
}

// ---------------------------------------------------------------------------------------------

describe('search', () => {
  test('search (vi, 360 px): the header box → /tim-kiem?q=…, articles?q=, highlighted words, query kept, pages', T, async () => {
    const stack = await stackFor('vi');
    const data = stack.data;
    const page = await open(stack, '/', { viewport: PHONE });
    await waitForCards(page, 10);

    const form = page.locator(`${R} header form.np-search[role="search"]`);
    await see(page, form);
    const input = form.locator('input#np-search-q');
    assert.equal(await input.getAttribute('type'), 'search');
    await see(page, form.getByRole('button', { name: 'Tìm', exact: true }));
    // The box is labelled ("Tìm kiếm").
    await see(page, page.getByRole('searchbox', { name: 'Tìm kiếm' }));

    await input.fill('hoi nghi');
    await form.getByRole('button', { name: 'Tìm', exact: true }).click();
    await poll(() => new URL(page.url()).pathname === '/tim-kiem', { message: () => `URL ${page.url()}` });
    assert.equal(new URL(page.url()).searchParams.get('q'), 'hoi nghi');
    await settled(page);

    const expected = data.articles.filter((a) => fold(a.title).includes('hoi nghi') || fold(a.summary).includes('hoi nghi'));
    assert.ok(expected.length >= 3 && expected.length <= 10, `fixture assumption: ${expected.length} results`);
    await waitForCards(page, expected.length);
    assert.deepEqual(await cardTitles(page), expected.map((a) => norm(a.title)));
    assert.match(await h1Text(page), /^Kết quả tìm kiếm: “hoi nghi”$/);
    assert.ok(listRequests(page).some((p) => p.get('q') === 'hoi nghi' && p.get('page') === '1'),
      `no articles?q=hoi nghi request: ${page.requests.filter((u) => /articles/.test(u)).join(' ')}`);

    // Matched words are marked in titles: "Hội nghị tập huấn … 2022" → <mark>Hội</mark> <mark>nghị</mark>.
    const withTitleMatch = expected.filter((a) => fold(a.title).includes('hoi nghi'));
    assert.ok(withTitleMatch.length >= 1);
    for (const a of withTitleMatch) {
      const card = page.locator(`${LIST} article.np-card`, { has: page.locator('a.np-card__title', { hasText: a.title }) });
      const marks = await textsOf(card.locator('.np-card__title mark'));
      assert.ok(marks.length >= 1, `no <mark> in "${a.title}"`);
      const folded = marks.map(fold).join(' ');
      assert.ok(/\bhoi\b/.test(folded) && /\bnghi\b/.test(folded), `marks in "${a.title}": ${JSON.stringify(marks)}`);
      for (const m of marks) assert.ok(a.title.includes(m), `mark "${m}" is not text of the title "${a.title}"`);
    }
    // Titles without the words have no mark.
    for (const a of expected.filter((x) => !fold(x.title).includes('hoi') && !fold(x.title).includes('nghi'))) {
      const card = page.locator(`${LIST} article.np-card`, { has: page.locator('a.np-card__title', { hasText: a.title }) });
      assert.equal(await card.locator('mark').count(), 0, `"${a.title}" has a mark`);
    }

    // The query stays in the box, also after a reload.
    assert.equal(await input.inputValue(), 'hoi nghi');
    await page.reload();
    await settled(page);
    await waitForCards(page, expected.length);
    assert.equal(await page.locator(`${R} input#np-search-q`).inputValue(), 'hoi nghi');

    // Pagination of a query with more than one page: "thong tin" (page 2 keeps q).
    const many = data.articles.filter((a) => fold(a.title).includes('thong tin') || fold(a.summary).includes('thong tin'));
    assert.ok(many.length > 10, `fixture assumption: "thong tin" has ${many.length} results`);
    await page.locator(`${R} input#np-search-q`).fill('thông tin');
    await page.locator(`${R} input#np-search-q`).press('Enter');
    await poll(() => new URL(page.url()).searchParams.get('q') === 'thông tin', { message: () => `URL ${page.url()}` });
    await waitForCards(page, 10);
    assert.deepEqual(await cardTitles(page), many.slice(0, 10).map((a) => norm(a.title)));
    const nav = page.locator(`${MAIN} nav.np-pagination`);
    const p2 = nav.locator('a[href*="trang=2"]').first();
    await see(page, p2);
    const href = new URL(await p2.getAttribute('href'), page.url());
    assert.equal(href.pathname, '/tim-kiem');
    assert.equal(href.searchParams.get('q'), 'thông tin', `page 2 link lost the query: ${href}`);
    await p2.click();
    await poll(() => new URL(page.url()).searchParams.get('trang') === '2', { message: () => `URL ${page.url()}` });
    await waitForCards(page, Math.min(10, many.length - 10));
    assert.deepEqual(await cardTitles(page), many.slice(10, 20).map((a) => norm(a.title)));
    assert.equal(new URL(page.url()).searchParams.get('q'), 'thông tin');
    assert.equal(await page.locator(`${R} input#np-search-q`).inputValue(), 'thông tin');
    assert.ok(listRequests(page).some((p) => p.get('q') === 'thông tin' && p.get('page') === '2'));

    // Leaving the results empties the box.
    await page.locator(`${R} a.np-brand`).click();
    await poll(() => appPath(page) === '/', { message: () => `URL ${page.url()}` });
    await waitForCards(page, 10);
    assert.equal(await page.locator(`${R} input#np-search-q`).inputValue(), '');

    // An empty query does not navigate: a real one after it does, and back
    // from that lands home, not on an empty search.
    await page.locator(`${R} input#np-search-q`).fill('   ');
    await page.locator(`${R} form.np-search button[type="submit"]`).click();
    await page.locator(`${R} input#np-search-q`).fill('ha noi');
    await page.locator(`${R} form.np-search button[type="submit"]`).click();
    await poll(() => new URL(page.url()).searchParams.get('q') === 'ha noi', { message: () => `URL ${page.url()}` });
    await page.goBack();
    await poll(() => appPath(page) === '/', { message: () => `back from the search went to ${page.url()}` });
    await waitForCards(page, 10);
    // 360 px: no horizontal scroll with the search box in the header.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
      'horizontal scroll at 360 px');
    page.assertNoErrors();
  });

  test('search without results: "Không tìm thấy bài viết phù hợp." / English "No matching articles."', T, async () => {
    const vi = await open(await stackFor('vi'), '/tim-kiem?q=zzqxw', { viewport: PHONE });
    await settled(vi);
    await waitForText(vi, 'Không tìm thấy bài viết phù hợp.');
    assert.equal(await vi.locator(`${LIST} article.np-card`).count(), 0);
    assert.equal(await vi.locator(`${R} input#np-search-q`).inputValue(), 'zzqxw');
    assert.equal(await vi.locator(`${MAIN} nav.np-pagination`).count(), 0);
    // Characters with a meaning in URLs survive the round trip: box → URL → API → heading → box.
    const odd = 'a&b=c #1 + 50%/x?';
    await vi.locator(`${R} input#np-search-q`).fill(odd);
    await vi.locator(`${R} input#np-search-q`).press('Enter');
    await poll(() => new URL(vi.url()).searchParams.get('q') === odd, { message: () => `URL ${vi.url()} does not carry q=${odd}` });
    assert.equal(new URL(vi.url()).pathname, '/tim-kiem');
    await settled(vi);
    await poll(async () => (await h1Text(vi)) === `Kết quả tìm kiếm: “${odd}”`, { message: async () => `h1 "${await h1Text(vi)}"` });
    await waitForText(vi, 'Không tìm thấy bài viết phù hợp.');
    assert.ok(listRequests(vi).some((p) => p.get('q') === odd), `API not asked for q=${odd}: ${vi.requests.filter((u) => /articles\?/.test(u)).join(' ')}`);
    await vi.reload();
    await settled(vi);
    assert.equal(await vi.locator(`${R} input#np-search-q`).inputValue(), odd);
    vi.assertNoErrors();

    const en = await open(await stackFor('en'), '/', { viewport: PHONE });
    const form = en.locator(`${R} form.np-search[role="search"]`);
    await see(en, en.getByRole('searchbox', { name: 'Search' }));
    await form.locator('input#np-search-q').fill('zzqxw');
    await form.getByRole('button', { name: 'Search', exact: true }).click();
    await poll(() => new URL(en.url()).pathname === '/tim-kiem', { message: () => `URL ${en.url()}` });
    await settled(en);
    await waitForText(en, 'No matching articles.');
    assert.equal(await h1Text(en), 'Search results: “zzqxw”');
    // And results in English: the same cards, content unchanged.
    await form.locator('input#np-search-q').fill('hoi nghi');
    await form.locator('input#np-search-q').press('Enter');
    await poll(async () => (await en.locator(`${LIST} article.np-card`).count()) > 0, { message: 'no English search results' });
    assert.equal(await h1Text(en), 'Search results: “hoi nghi”');
    assert.ok((await en.locator(`${LIST} .np-card__title mark`).count()) > 0, 'no highlight in English');
    en.assertNoErrors();
  });

  test('demo mode (no data-api-base): search is diacritic-insensitive ("hoi nghi" = "Hội nghị", "đ" = "d")', T, async () => {
    const stack = await stackFor('demo');
    const demo = readDemoJson('articles.json');
    const all = (Array.isArray(demo) ? demo : demo.items).slice()
      .sort((a, b) => Date.parse(b.published_at) - Date.parse(a.published_at));
    const expect = (q) => all.filter((a) => startsWords(`${a.title} ${a.summary ?? ''}`, queryWords(q)));

    const page = await open(stack, '/', { viewport: PHONE });
    await waitForCards(page, 10);
    const results = {};
    for (const q of ['hoi nghi', 'Hội nghị', 'HỘI NGHỊ', 'doi ngoai', 'đối ngoại', 'ĐỐI NGOẠI']) {
      const input = page.locator(`${R} input#np-search-q`);
      await input.fill(q);
      await input.press('Enter');
      await poll(() => new URL(page.url()).searchParams.get('q') === q, { message: () => `URL ${page.url()}` });
      await settled(page);
      const want = expect(q).slice(0, 10);
      assert.ok(want.length > 0, `fixture assumption: "${q}" finds something`);
      await waitForCards(page, want.length);
      results[q] = await cardTitles(page);
      assert.deepEqual(results[q], want.map((a) => norm(a.title)), `results for "${q}"`);
    }
    assert.deepEqual(results['Hội nghị'], results['hoi nghi']);
    assert.deepEqual(results['HỘI NGHỊ'], results['hoi nghi']);
    assert.deepEqual(results['đối ngoại'], results['doi ngoai']);
    assert.deepEqual(results['ĐỐI NGOẠI'], results['doi ngoai']);
    // "đ" matches "d": a title with "Đối ngoại" is found by "doi ngoai" and its "Đối" is marked.
    const dTitle = all.find((a) => /Đối ngoại/.test(a.title));
    assert.ok(dTitle && results['doi ngoai'].includes(norm(dTitle.title)), `"${dTitle?.title}" not found by "doi ngoai"`);
    const card = page.locator(`${LIST} article.np-card`, { has: page.locator('a.np-card__title', { hasText: dTitle.title }) });
    const marks = await textsOf(card.locator('mark'));
    assert.ok(marks.includes('Đối'), `marks in "${dTitle.title}": ${JSON.stringify(marks)}`);
    // No API requests in demo mode: everything from dist/demo.
    assert.deepEqual(page.requests.filter((u) => /\/api\/v1\//.test(u)), []);
    page.assertNoErrors();
  });
});

describe('news by date', () => {
  test('"Xem tin theo ngày" (vi, 360 px): Xem → /ngay/YYYY-MM-DD with articles?date=, day links, empty day', T, async () => {
    const stack = await stackFor('vi');
    const data = stack.data;
    const onDay = data.articles.filter((a) => vnDate(a.published_at) === '18/08/2022');
    assert.equal(onDay.length, 3, 'fixture assumption: three articles on 2022-08-18');

    const page = await open(stack, '/', { viewport: PHONE, timezoneId: 'America/New_York' });
    await waitForCards(page, 10);
    const picker = page.locator(`${R} section.np-day-picker`);
    await see(page, picker.getByRole('heading', { name: 'Xem tin theo ngày' }));
    const input = picker.locator('input#np-day-input');
    assert.equal(await input.getAttribute('type'), 'date');
    await see(page, page.getByRole('textbox', { name: 'Xem tin theo ngày' }).or(picker.getByLabel('Xem tin theo ngày')).first());
    await input.fill(DAY_WITH_NEWS);
    await picker.getByRole('button', { name: 'Xem', exact: true }).click();
    await poll(() => appPath(page) === `/ngay/${DAY_WITH_NEWS}`, { message: () => `URL ${page.url()}` });
    await settled(page);
    await waitForCards(page, 3);
    assert.deepEqual(await cardTitles(page), onDay.map((a) => norm(a.title)));
    assert.equal(await h1Text(page), 'Tin ngày 18/08/2022');
    assert.ok(listRequests(page).some((p) => p.get('date') === DAY_WITH_NEWS), 'no articles?date=2022-08-18 request');
    assert.equal(await input.inputValue(), DAY_WITH_NEWS, 'the picker does not show the day shown');

    const dayNav = page.locator(`${MAIN} nav.np-day-nav`);
    const prev = dayNav.locator('a[rel="prev"]');
    const next = dayNav.locator('a[rel="next"]');
    assert.equal(new URL(await prev.getAttribute('href'), page.url()).pathname, `/ngay/${DAY_WITHOUT}`);
    assert.equal(new URL(await next.getAttribute('href'), page.url()).pathname, '/ngay/2022-08-19');
    assert.match(await textOf(prev), /17\/08\/2022/);
    await prev.click();
    await poll(() => appPath(page) === `/ngay/${DAY_WITHOUT}`, { message: () => `URL ${page.url()}` });
    await settled(page);
    await waitForText(page, 'Không có tin bài trong ngày này.');
    assert.equal(await page.locator(`${LIST} article.np-card`).count(), 0);
    assert.equal(await h1Text(page), 'Tin ngày 17/08/2022');
    await page.locator(`${MAIN} nav.np-day-nav a[rel="next"]`).click();
    await poll(() => appPath(page) === `/ngay/${DAY_WITH_NEWS}`, { message: () => `URL ${page.url()}` });
    await waitForCards(page, 3);
    // The day of an article published at 23:30 UTC is the next day in Vietnam: the API decides,
    // the reader asks for the day picked. A bad day in the URL is not found.
    const bad = await open(stack, '/ngay/2022-02-30', { viewport: PHONE });
    await settled(bad);
    assert.match(await h1Text(bad), /Không tìm thấy trang/);
    page.assertNoErrors();
  });

  test('day page in English: heading, day links and the empty text', T, async () => {
    const page = await open(await stackFor('en'), `/ngay/${DAY_WITH_NEWS}`, { viewport: PHONE });
    await settled(page);
    await waitForCards(page, 3);
    assert.equal(await h1Text(page), 'News of 18 Aug 2022');
    await see(page, page.locator(`${R} section.np-day-picker`).getByRole('heading', { name: 'News by date' }));
    await see(page, page.locator(`${R} section.np-day-picker`).getByRole('button', { name: 'Show', exact: true }));
    assert.equal(await textOf(page.locator(`${MAIN} nav.np-day-nav a[rel="prev"]`)), 'Previous day (17 Aug 2022)');
    assert.equal(await textOf(page.locator(`${MAIN} nav.np-day-nav a[rel="next"]`)), 'Next day (19 Aug 2022)');
    // Card dates in lists: "18 Aug 2022".
    assert.deepEqual([...new Set(await textsOf(page.locator(`${LIST} time.np-card__date`)))], ['18 Aug 2022']);
    await page.locator(`${MAIN} nav.np-day-nav a[rel="prev"]`).click();
    await waitForText(page, 'No news on this day.');
    page.assertNoErrors();
  });

  test('the day picker stops at today in Vietnam (browser clock): max=today, no "next day" link on today', T, async () => {
    const stack = await stackFor('vi');
    const page = await newPage(browser, { viewport: PHONE, timezoneId: 'America/New_York' });
    pages.push(page);
    // 2023-09-15 06:00 in Vietnam is still 2023-09-14 in New York.
    await page.clock.setFixedTime(new Date('2023-09-15T06:00:00+07:00'));
    await page.goto(stack.href('/ngay/2023-09-15'));
    await waitForReader(page);
    await settled(page);
    assert.equal(await page.locator(`${R} input#np-day-input`).getAttribute('max'), '2023-09-15');
    assert.equal(await page.locator(`${MAIN} nav.np-day-nav a[rel="next"]`).count(), 0, 'a "next day" link after today');
    assert.equal(await page.locator(`${MAIN} nav.np-day-nav a[rel="prev"]`).count(), 1);
    page.assertNoErrors();
  });
});

describe('relative time', () => {
  const ago = (ms) => new Date(Date.now() - ms).toISOString().replace(/\.\d+Z$/, 'Z');
  /** A backend with three fresh articles on top: 5.5 minutes, 3.5 hours and 11 hours old. */
  async function freshStack(attrs = {}) {
    const stack = await makeStack({ attrs, own: true });
    const base = { category: { slug: 'tin-tuc', name: 'Tin tức - Sự kiện' }, views: 1, summary: 'Tin mới.' };
    const fresh = [
      { ...base, id: 'moi-1', slug: 'tin-5-phut', title: 'Tin năm phút', published_at: ago(5.5 * 60e3) },
      // The same kind of instant written in +07:00.
      { ...base, id: 'moi-2', slug: 'tin-3-gio', title: 'Tin ba giờ', published_at: new Date(Date.now() - 3.5 * 3600e3 + 7 * 3600e3).toISOString().slice(0, 19) + '+07:00' },
      { ...base, id: 'moi-3', slug: 'tin-11-gio', title: 'Tin mười một giờ', published_at: ago(11 * 3600e3) },
    ];
    stack.data.articles.unshift(...fresh);
    return { stack, fresh };
  }

  test('fresh articles: "5 phút trước", "3 giờ trước"; after 10 hours the date in UTC+07:00 (New York browser)', T, async () => {
    const { stack, fresh } = await freshStack();
    try {
      const page = await open(stack, '/', { viewport: PHONE, timezoneId: 'America/New_York' });
      await waitForCards(page, 10);
      const dates = page.locator(`${LIST} article.np-card time.np-card__date`);
      assert.deepEqual((await textsOf(dates)).slice(0, 3), ['5 phút trước', '3 giờ trước', vnDate(fresh[2].published_at)]);
      // The exact time stays machine-readable.
      assert.equal(await dates.first().getAttribute('datetime'), fresh[0].published_at);
      // The article itself keeps the full date and time.
      await page.locator(`${LIST} a.np-card__title`).first().click();
      await see(page, page.locator(`${MAIN} h1.np-article__title`));
      assert.equal(await textOf(page.locator(`${MAIN} .np-article__published time`)), vnDateTime(fresh[0].published_at));
      page.assertNoErrors();
    } finally {
      await stack.close();
    }
  });

  test('English: "5 minutes ago", "3 hours ago", then "10 Jan 2019"-style dates', T, async () => {
    const { stack, fresh } = await freshStack({ 'data-lang': 'en' });
    try {
      const page = await open(stack, '/', { viewport: PHONE, timezoneId: 'UTC' });
      await waitForCards(page, 10);
      const got = (await textsOf(page.locator(`${LIST} article.np-card time.np-card__date`))).slice(0, 3);
      assert.equal(got[0], '5 minutes ago');
      assert.equal(got[1], '3 hours ago');
      const d = new Date(Date.parse(fresh[2].published_at) + 7 * 3600e3);
      const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
      assert.equal(got[2], `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`);
      page.assertNoErrors();
    } finally {
      await stack.close();
    }
  });

  test('the ten-hour limit, with the browser clock: 9 h 59 min → "9 giờ trước", 10 h 1 min → the date', T, async () => {
    // The newest demo article (category tin-tuc): 2023-09-15T08:15:00+07:00. Each instant is checked
    // on a freshly rendered list (in-app navigation between home and its category).
    const stack = await stackFor('vi');
    const newest = stack.data.articles[0];
    assert.equal(newest.published_at, '2023-09-15T08:15:00+07:00', 'fixture assumption');
    assert.equal(newest.category.slug, 'tin-tuc', 'fixture assumption');
    const page = await newPage(browser, { viewport: PHONE, timezoneId: 'Europe/London' });
    pages.push(page);
    const instants = [
      ['2023-09-15T08:15:30+07:00', 'Vừa xong'],
      ['2023-09-15T08:16:10+07:00', '1 phút trước'],
      ['2023-09-15T18:14:00+07:00', '9 giờ trước'],
      ['2023-09-15T18:16:00+07:00', '15/09/2023'],
      // A clock behind the publication time (device clock wrong): the date, never "-5 phút".
      ['2023-09-15T08:10:00+07:00', '15/09/2023'],
    ];
    await page.clock.setFixedTime(new Date(instants[0][0]));
    await page.goto(stack.href('/'));
    await waitForReader(page);
    const problems = [];
    for (const [i, [now, want]] of instants.entries()) {
      if (i > 0) {
        await page.clock.setFixedTime(new Date(now));
        const to = i % 2 ? '/chuyen-muc/tin-tuc' : '/';
        await page.locator(`${R} nav.np-nav a[href="${to}"]`).first().click();
        await poll(() => appPath(page) === to, { message: () => `URL ${page.url()}` });
      }
      await settled(page);
      const first = page.locator(`${LIST} article.np-card`).first();
      await poll(async () => (await textOf(first.locator('a.np-card__title'))) === norm(newest.title), { message: 'newest card not first' });
      const got = await textOf(first.locator('time.np-card__date'));
      if (got !== want) problems.push(`at ${now}: "${got}", expected "${want}"`);
    }
    assert.deepEqual(problems, []);
    page.assertNoErrors();
  });
});

describe('reading tools', () => {
  const ARTICLE = CAROUSEL_PATH;
  const bodySize = (page) => page.locator(`${MAIN} .np-article__body`).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

  test('A− / A+ (360 px): five sizes, the body grows and shrinks, ends disabled, remembered across reload', T, async () => {
    const stack = await stackFor('vi');
    const page = await open(stack, ARTICLE, { viewport: PHONE });
    await settled(page);
    const tools = page.locator(`${MAIN}`).getByRole('group', { name: 'Công cụ đọc bài' });
    await see(page, tools);
    const smaller = tools.getByRole('button', { name: 'A− Giảm cỡ chữ' });
    const larger = tools.getByRole('button', { name: 'A+ Tăng cỡ chữ' });
    // The accessible name starts with the visible text (WCAG 2.5.3).
    assert.equal((await smaller.textContent()).replace(/\s+/g, ' ').trim(), 'A− Giảm cỡ chữ');
    assert.equal((await larger.textContent()).replace(/\s+/g, ' ').trim(), 'A+ Tăng cỡ chữ');
    /** Clicks `button` and waits for the body's size to move in `dir` (+1 / -1) from `from`. */
    const step = async (button, from, dir, what) => {
      await button.click();
      let now = from;
      await poll(async () => Math.sign((now = await bodySize(page)) - from) === dir, { message: `${what}: body stays ${from}px` });
      return now;
    };
    const sizes = { 1: await bodySize(page) };
    for (const n of [2, 3, 4]) sizes[n] = await step(larger, sizes[n - 1], 1, `A+ to step ${n}`);
    assert.ok(await larger.isDisabled(), 'A+ enabled at the largest step');
    assert.ok(!(await smaller.isDisabled()), 'A− disabled above the smallest step');
    assert.equal(await page.evaluate(() => localStorage.getItem('np-font-step')), '4');
    // 360 px at the largest size: still no horizontal scroll.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
      'horizontal scroll at 360 px with the largest text');

    await page.reload();
    await settled(page);
    assert.equal(await bodySize(page), sizes[4], 'text size not remembered');
    for (const n of [3, 2, 1]) {
      assert.equal(await step(smaller, sizes[n + 1], -1, `A− to step ${n}`), sizes[n], `step ${n} differs from before`);
    }
    sizes[0] = await step(smaller, sizes[1], -1, 'A− to step 0');
    assert.ok(await smaller.isDisabled(), 'A− enabled at the smallest step');
    assert.equal(await page.evaluate(() => localStorage.getItem('np-font-step')), '0');
    // Another article keeps the size.
    const first = await h1Text(page);
    await page.locator(`${MAIN} section.np-other a.np-card__title`).first().click();
    await poll(async () => (await h1Text(page)) !== first, { message: 'the next article did not open' });
    await settled(page);
    assert.equal(await bodySize(page), sizes[0], 'size not kept on the next article');
    page.assertNoErrors();
  });

  test('print: "In bài" calls window.print; the print stylesheet shows only the article and its address', T, async () => {
    const stack = await stackFor('vi');
    const page = await open(stack, ARTICLE, {
      init: () => { window.__printed = 0; window.print = () => { window.__printed += 1; }; },
    });
    await settled(page);
    await see(page, page.locator(`${MAIN} section.np-carousel`));
    await see(page, page.locator(`${MAIN} section.np-other article.np-card`).first());
    const print = tools(page).getByRole('button', { name: 'In bài', exact: true });
    assert.equal(await print.count(), 1, 'no "In bài" button');
    await print.click();
    assert.equal(await page.evaluate(() => window.__printed), 1);

    await page.emulateMedia({ media: 'print' });
    const hidden = ['.np-header', '.np-aside', '.np-footer', '.np-carousel', '.np-other', '.np-tools', '.np-skip', '.np-back-to-top'];
    for (const sel of hidden) {
      const loc = page.locator(`${R} ${sel}`);
      const n = await loc.count();
      assert.ok(n >= 1, `${sel} is not on the article page`);
      for (let i = 0; i < n; i++) assert.equal(await loc.nth(i).isVisible(), false, `${sel} is printed`);
    }
    const shown = ['.np-article__title', '.np-article__published', '.np-article__updated', '.np-article__body',
      '.np-article__body figcaption', '.np-byline__author', '.np-byline__source', '.np-article__url'];
    for (const sel of shown) assert.ok(await page.locator(`${MAIN} ${sel}`).first().isVisible(), `${sel} is not printed`);
    const url = await textOf(page.locator(`${MAIN} .np-article__url`));
    assert.ok(url.includes(page.url()), `.np-article__url "${url}" lacks ${page.url()}`);
    assert.match(url, /^Địa chỉ bài viết: /);
    // Nothing outside the article is printed.
    const outside = await page.evaluate(() => {
      const root = document.querySelector('[data-news-portal]').shadowRoot;
      return [...root.querySelectorAll('*')]
        .filter((el) => !el.closest('.np-article') && el.checkVisibility() &&
          [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent.trim().slice(0, 40)}`);
    });
    assert.deepEqual(outside, [], 'printed outside the article');
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.locator(`${MAIN} .np-article__url`).isVisible(), false, 'the article address shows on screen');

    // The hot-news ticker (home) is not printed either.
    const home = await open(stack, '/');
    await see(home, home.locator(`${R} section.np-hot a`).first());
    await home.emulateMedia({ media: 'print' });
    assert.equal(await home.locator(`${R} section.np-hot`).isVisible(), false, '.np-hot is printed');
    page.assertNoErrors();
  });

  test('share without navigator.share: "Sao chép liên kết" copies the URL, Facebook and Zalo links', T, async () => {
    const stack = await stackFor('vi');
    const page = await open(stack, ARTICLE, {
      viewport: PHONE,
      init: () => {
        delete Navigator.prototype.share;
        window.__copied = [];
        const orig = navigator.clipboard && navigator.clipboard.writeText.bind(navigator.clipboard);
        if (navigator.clipboard) {
          navigator.clipboard.writeText = (t) => { window.__copied.push(t); return orig(t); };
        }
      },
    });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.origin });
    await settled(page);
    const group = tools(page);
    assert.equal(await group.getByRole('button', { name: 'Chia sẻ' }).count(), 0, 'share button without navigator.share');
    const copy = group.getByRole('button', { name: 'Sao chép liên kết', exact: true });
    assert.equal(await copy.count(), 1, 'no "Sao chép liên kết" button');
    const status = group.getByRole('status');
    assert.equal(await textOf(status), '');
    await copy.click();
    await poll(async () => (await textOf(status)) === 'Đã sao chép liên kết', {
      message: async () => `status "${await textOf(status)}", copied ${JSON.stringify(await page.evaluate(() => window.__copied))}`,
    });
    assert.deepEqual(await page.evaluate(() => window.__copied), [page.url()]);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());

    const enc = encodeURIComponent(page.url());
    for (const [cls, prefix] of [['Facebook', 'https://www.facebook.com/sharer/sharer.php?u='], ['Zalo', 'https://sp.zalo.me/share?url=']]) {
      const a = group.getByRole('link', { name: cls, exact: true });
      await see(page, a);
      assert.equal(await a.getAttribute('target'), '_blank', cls);
      assert.deepEqual((await a.getAttribute('rel')).split(/\s+/).sort(), ['noopener', 'noreferrer'], cls);
      const href = await a.getAttribute('href');
      assert.ok(href.startsWith(prefix), `${cls} href ${href}`);
      assert.equal(href.slice(prefix.length), enc, `${cls}: the article URL is not encoded in ${href}`);
    }
    page.assertNoErrors();
  });

  test('share with navigator.share: one "Chia sẻ" button sharing the title and URL', T, async () => {
    const stack = await stackFor('vi');
    const page = await open(stack, ARTICLE, {
      viewport: PHONE,
      init: () => {
        window.__shared = [];
        Navigator.prototype.share = function (d) { window.__shared.push({ title: d.title, url: d.url, text: d.text }); return Promise.resolve(); };
      },
    });
    await settled(page);
    const group = tools(page);
    const share = group.getByRole('button', { name: 'Chia sẻ', exact: true });
    assert.equal(await share.count(), 1, 'no "Chia sẻ" button');
    for (const [role, name] of [['button', 'Sao chép liên kết'], ['link', 'Facebook'], ['link', 'Zalo']]) {
      assert.equal(await group.getByRole(role, { name }).count(), 0, `"${name}" shown although navigator.share exists`);
    }
    await share.click();
    await poll(async () => (await page.evaluate(() => window.__shared.length)) === 1, { message: 'navigator.share not called' });
    const [d] = await page.evaluate(() => window.__shared);
    assert.equal(d.url, page.url());
    assert.equal(d.title, await h1Text(page));
    page.assertNoErrors();
  });

  test('"Nghe đọc bài" is hidden where speechSynthesis is absent', T, async () => {
    const page = await open(await stackFor('vi'), ARTICLE, {
      init: () => { delete window.speechSynthesis; delete Window.prototype.speechSynthesis; },
    });
    await settled(page);
    assert.equal(await page.evaluate(() => 'speechSynthesis' in window), false, 'test setup: speechSynthesis still there');
    await see(page, tools(page).getByRole('button', { name: 'In bài' }));
    assert.equal(await listenButton(page).count(), 0, 'a listen button without speechSynthesis');
    assert.equal(await tools(page).getByRole('button', { name: 'Dừng', includeHidden: true }).count(), 0);
    page.assertNoErrors();
  });

  const speechStub = () => {
    const calls = [];
    window.__speech = calls;
    const synth = {
      speaking: false, paused: false, pending: false, onvoiceschanged: null,
      speak(u) { calls.push({ op: 'speak', text: u.text, lang: u.lang }); this.speaking = true; },
      pause() { calls.push({ op: 'pause' }); this.paused = true; },
      resume() { calls.push({ op: 'resume' }); this.paused = false; },
      cancel() { calls.push({ op: 'cancel' }); this.speaking = false; },
      getVoices() { return []; },
      addEventListener() {}, removeEventListener() {}, dispatchEvent() { return true; },
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true, writable: true });
  };

  test('"Nghe đọc bài" with a stubbed speechSynthesis: speak (vi-VN) → Tạm dừng → Tiếp tục → Dừng; leaving stops', T, async () => {
    const page = await open(await stackFor('vi'), ARTICLE, { viewport: PHONE, init: speechStub });
    await settled(page);
    const calls = () => page.evaluate(() => window.__speech.slice());
    const ops = async () => (await calls()).map((c) => c.op);
    const listen = listenButton(page);
    const stop = tools(page).getByRole('button', { name: 'Dừng', exact: true, includeHidden: true });
    assert.equal(await textOf(listen), 'Nghe đọc bài');
    assert.equal(await listen.getAttribute('aria-pressed'), 'false');
    assert.equal(await stop.isVisible(), false, '"Dừng" shown before listening');

    await listen.click();
    await poll(async () => (await ops()).includes('speak'), { message: 'speak not called' });
    const spoken = (await calls()).filter((c) => c.op === 'speak');
    assert.equal(spoken[0].text, await h1Text(page), 'the title is read first');
    assert.ok(spoken.length >= 3, `only ${spoken.length} utterances`);
    assert.deepEqual([...new Set(spoken.map((c) => c.lang))], ['vi-VN']);
    const bodyText = norm(await page.locator(`${MAIN} .np-article__body`).textContent());
    for (const c of spoken.slice(1)) assert.ok(c.text.trim().length > 0);
    assert.ok(spoken.some((c) => bodyText.includes(norm(c.text).slice(0, 30))), 'no body paragraph read');
    await poll(async () => (await textOf(listen)) === 'Tạm dừng', { message: 'button does not say "Tạm dừng"' });
    assert.equal(await listen.getAttribute('aria-pressed'), 'true');
    await see(page, stop);
    assert.equal(await textOf(stop), 'Dừng');

    await listen.click();
    await poll(async () => (await ops()).at(-1) === 'pause', { message: async () => `calls ${await ops()}` });
    await poll(async () => (await textOf(listen)) === 'Tiếp tục', { message: 'button does not say "Tiếp tục"' });
    assert.equal(await listen.getAttribute('aria-pressed'), 'false');

    await listen.click();
    await poll(async () => (await ops()).at(-1) === 'resume', { message: async () => `calls ${await ops()}` });
    await poll(async () => (await textOf(listen)) === 'Tạm dừng');

    await stop.click();
    await poll(async () => (await ops()).at(-1) === 'cancel', { message: async () => `calls ${await ops()}` });
    await poll(async () => (await textOf(listen)) === 'Nghe đọc bài');
    await poll(async () => !(await stop.isVisible()), { message: '"Dừng" still shown after stopping' });

    // Listening again, then leaving the article, stops the voice.
    await listen.click();
    await poll(async () => (await textOf(listen)) === 'Tạm dừng');
    const before = (await ops()).length;
    await page.locator(`${R} a.np-brand`).click();
    await poll(() => appPath(page) === '/', { message: () => `URL ${page.url()}` });
    await poll(async () => (await ops()).slice(before).includes('cancel'), { message: 'leaving the article did not cancel speech' });
    page.assertNoErrors();
  });

  test('reading tools in English: labels and speech buttons', T, async () => {
    const page = await open(await stackFor('en'), ARTICLE, { viewport: PHONE, init: [speechStub, () => { delete Navigator.prototype.share; }] });
    await settled(page);
    const group = tools(page, 'Reading tools');
    for (const name of ['A− Smaller text', 'A+ Larger text', 'Print', 'Copy link']) {
      assert.equal(await group.getByRole('button', { name, exact: true }).count(), 1, `no "${name}" button`);
    }
    const listen = listenButton(page, 'Reading tools');
    assert.equal(await textOf(listen), 'Listen');
    await listen.click();
    await poll(async () => (await textOf(listen)) === 'Pause');
    assert.equal(await group.getByRole('button', { name: 'Stop', exact: true }).count(), 1, 'no "Stop" button');
    await listen.click();
    await poll(async () => (await textOf(listen)) === 'Resume');
    // Content is read in its own language: Vietnamese.
    const langs = await page.evaluate(() => [...new Set(window.__speech.filter((c) => c.op === 'speak').map((c) => c.lang))]);
    assert.deepEqual(langs, ['vi-VN']);
    assert.match(await textOf(page.locator(`${MAIN} .np-article__url`)), /^Article address: /);
    page.assertNoErrors();
  });
});

// ---------------------------------------------------------------------------------------------

/**
 * The Vietnamese and English interface strings (their text fields), as the
 * crate's own test writes them: tests/fixtures/strings.json, checked current
 * by `cargo test` (src/i18n/mod.rs, strings_file_is_current).
 */
function interfaceStrings() {
  const tables = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'strings.json'), 'utf8'));
  const texts = (t) => Object.fromEntries(Object.entries(t).filter(([, v]) => typeof v === 'string' && v.length > 1));
  const out = { vi: texts(tables.vi), en: texts(tables.en) };
  for (const lang of ['vi', 'en']) assert.ok(Object.keys(out[lang]).length >= 70, `only ${Object.keys(out[lang]).length} ${lang} strings`);
  return out;
}

/** Text and attribute text (aria-label, placeholder, title, alt) of the reader. */
async function readerTexts(page) {
  return page.evaluate(() => {
    const np = document.querySelector('[data-news-portal]').shadowRoot.querySelector('.np');
    const out = [np.textContent];
    for (const el of np.querySelectorAll('*')) {
      for (const a of ['aria-label', 'placeholder', 'title', 'alt', 'aria-roledescription']) {
        if (el.hasAttribute(a)) out.push(el.getAttribute(a));
      }
    }
    return out.join('\n');
  });
}

describe('English interface', () => {
  test('data-lang="en": interface strings in English, content as sent, English dates; no Vietnamese interface string left', T, async () => {
    const stack = await stackFor('en');
    const data = stack.data;
    const { vi, en } = interfaceStrings();
    // Vietnamese strings that could only come from the interface: not in English, not in any content.
    const fixture = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'article.json'), 'utf8'));
    const content = JSON.stringify([data.site, data.articles, data.hot, fixture, stack.backend.getArticle(CAROUSEL_ID)]);
    const viOnly = Object.entries(vi).filter(([k, v]) => v !== en[k] && v.length >= 3 && !content.includes(v));

    const leftovers = [];
    const check = async (page, where) => {
      const text = await readerTexts(page);
      for (const [k, v] of viOnly) if (text.includes(v)) leftovers.push(`${where}: ${k} = "${v}"`);
    };

    const home = await open(stack, '/', { viewport: PHONE, timezoneId: 'America/New_York', allow: [/\/articles\/khong-ton-tai\b/] });
    await waitForCards(home, 10);
    await see(home, home.locator(`${R} section.np-visitors dl`));
    await see(home, home.locator(`${R} section.np-hot a`).first());
    assert.equal(await home.locator(`${R} .np`).getAttribute('lang'), 'en');
    assert.equal(await textOf(home.locator(`${R} a.np-skip`)), en.skip_to_content);
    assert.equal(await h1Text(home), 'Latest news');
    assert.equal(await home.locator(`${R} section.np-hot`).getAttribute('aria-label'), en.hot_news);
    assert.equal(await textOf(home.locator(`${R} button.np-lang`)), 'Tiếng Việt');
    assert.equal(await home.locator(`${R} button.np-lang`).getAttribute('lang'), 'vi');
    for (const s of [en.visitors, en.online, en.today, en.links, en.agency, en.news_by_date, en.view_day]) await waitForText(home, s);
    assert.equal(await home.locator(`${R} input#np-search-q`).getAttribute('placeholder'), en.search_placeholder);
    assert.equal(await home.locator(`${R} nav.np-pagination`).getAttribute('aria-label'), en.pagination);
    assert.equal(await home.locator(`${R} nav.np-nav`).getAttribute('aria-label'), en.sections);
    // Content as sent: the same Vietnamese titles.
    assert.deepEqual(await cardTitles(home), data.articles.slice(0, 10).map((a) => norm(a.title)));
    // Views with English digit grouping.
    const viewsText = await textsOf(home.locator(`${LIST} .np-card__views`));
    for (const v of viewsText) assert.match(v, /^Views: \d{1,3}(,\d{3})*$/);
    await check(home, 'home');

    // The article: "Published: 10 Jan 2019, 4:47 PM".
    const art = home;
    await goInApp(art, `/bai-viet/${FIXTURE_ID}/${FIXTURE_SLUG}`);
    await see(art, art.locator(`${MAIN} h1.np-article__title`));
    await settled(art);
    await see(art, art.locator(`${MAIN} section.np-carousel`));
    assert.equal(await textOf(art.locator(`${MAIN} .np-article__published`)), 'Published: 10 Jan 2019, 4:47 PM');
    assert.equal(await textOf(art.locator(`${MAIN} .np-article__updated`)), 'Updated: 10 Jan 2019, 5:02 PM');
    assert.match(await textOf(art.locator(`${MAIN} .np-article__views`)), /^Views: 1,204$/);
    assert.equal(await h1Text(art), norm(stack.backend.getArticle(FIXTURE_ID).title));
    assert.equal(await art.locator(`${MAIN} nav.np-breadcrumb`).getAttribute('aria-label'), en.breadcrumb);
    await see(art, art.locator(`${MAIN} section.np-carousel`).getByRole('heading', { name: en.related_news }));
    await see(art, art.locator(`${MAIN} section.np-other`).getByRole('heading', { name: en.other_news }));
    await check(art, 'article');

    // Lists: "10 Jan 2019".
    const day = home;
    await goInApp(day, '/ngay/2019-01-10');
    await poll(async () => (await h1Text(day)) === 'News of 10 Jan 2019', { message: async () => `h1 "${await h1Text(day)}"` });
    await settled(day);
    const dates = await textsOf(day.locator(`${LIST} time.np-card__date`));
    assert.ok(dates.length >= 1 && dates.every((d) => d === '10 Jan 2019'), JSON.stringify(dates));
    await check(day, 'day');

    const nf = home;
    await goInApp(nf, '/khong-co-trang-nay');
    await poll(async () => (await h1Text(nf)) === en.page_not_found, { message: async () => `h1 "${await h1Text(nf)}"` });
    await waitForText(nf, en.back_home);
    await check(nf, 'not found');
    const na = home;
    await goInApp(na, '/bai-viet/khong-ton-tai/x');
    await poll(async () => (await h1Text(na)) === en.article_not_found, { message: async () => `h1 "${await h1Text(na)}"` });
    await check(na, 'unknown article');

    assert.deepEqual(leftovers, [], 'Vietnamese interface strings in the English interface');
    home.assertNoErrors();
  });

  test('the language switch: English ↔ Tiếng Việt, remembered (localStorage np-lang), focus kept on the switch', T, async () => {
    const stack = await stackFor('vi');
    const page = await open(stack, `/bai-viet/${FIXTURE_ID}/${FIXTURE_SLUG}`, { viewport: PHONE });
    await settled(page);
    const sw = page.locator(`${R} button.np-lang`);
    assert.equal(await textOf(sw), 'English');
    assert.equal(await sw.getAttribute('lang'), 'en');
    assert.match(await textOf(page.locator(`${MAIN} .np-article__published`)), /^Ngày đăng: 10\/01\/2019 4:47:06 CH$/);
    await sw.focus();
    await page.keyboard.press('Enter');
    await poll(async () => (await textOf(page.locator(`${R} button.np-lang`))) === 'Tiếng Việt', { message: 'the switch did not switch' });
    assert.equal(await page.evaluate(() => localStorage.getItem('np-lang')), 'en');
    assert.equal(await page.locator(`${R} .np`).getAttribute('lang'), 'en');
    await poll(async () => (await textOf(page.locator(`${MAIN} .np-article__published`))) === 'Published: 10 Jan 2019, 4:47 PM',
      { message: 'article meta not in English after the switch' });
    await waitForText(page, 'Skip to main content', { selector: `${R} a.np-skip` }).catch(async () => {
      assert.equal(await textOf(page.locator(`${R} a.np-skip`)), 'Skip to main content');
    });
    // Content unchanged, URL unchanged.
    assert.equal(new URL(page.url()).pathname, `/bai-viet/${FIXTURE_ID}/${FIXTURE_SLUG}`);
    assert.equal(await h1Text(page), norm(stack.backend.getArticle(FIXTURE_ID).title));
    // A keyboard user stays on the switch.
    const focused = await shadowActiveElement(page);
    const focusProblem = focused && /np-lang/.test(focused.className) ? null : `after switching, focus is on ${JSON.stringify(focused)}, not on button.np-lang`;

    await page.reload();
    await settled(page);
    assert.equal(await textOf(page.locator(`${R} button.np-lang`)), 'Tiếng Việt', 'the language is not remembered');
    assert.equal(await h1Text(page), norm(stack.backend.getArticle(FIXTURE_ID).title));
    await page.locator(`${R} button.np-lang`).click();
    await poll(async () => (await textOf(page.locator(`${R} button.np-lang`))) === 'English');
    assert.equal(await page.evaluate(() => localStorage.getItem('np-lang')), 'vi');
    assert.equal(await page.locator(`${R} .np`).getAttribute('lang'), 'vi');
    assert.match(await textOf(page.locator(`${MAIN} .np-article__published`)), /^Ngày đăng: /);
    page.assertNoErrors();
    assert.equal(focusProblem, null);
  });
  test('switching language changes the text in place: scroll, carousel position, typed search and a request in flight survive', T, async () => {
    const stack = await makeStack({ own: true });
    try {
      const page = await open(stack, CAROUSEL_PATH, { viewport: PHONE });
      await settled(page);
      const track = page.locator(`${R} .np-carousel__track`);
      await see(page, track);
      await track.evaluate((t) => { t.scrollLeft = 150; t.npMark = 'kept'; });
      // Scroll snapping settles the row on a slide: wait until it stands still.
      let left = -1;
      await poll(async () => {
        const now = await track.evaluate((t) => t.scrollLeft);
        const still = now === left && now > 100;
        left = now;
        return still;
      }, { message: 'the carousel did not scroll' });
      const input = page.locator(`${R} input.np-search__input`);
      await input.fill('hội nghị tập huấn');
      await input.evaluate((i) => { i.npMark = 'kept'; });
      // Scrolled after typing: filling the box scrolls it into view.
      await page.evaluate(() => window.scrollTo(0, 500));
      const y = await page.evaluate(() => window.scrollY);
      assert.ok(y > 300, `page scrolled to ${y}`);
      // Click without scrolling the switch into view (a real tap is on a visible switch).
      await page.locator(`${R} button.np-lang`).dispatchEvent('click');
      await poll(async () => (await textOf(page.locator(`${MAIN} .np-article__published`))).startsWith('Published: '),
        { message: 'article meta not in English after the switch' });
      assert.equal(await textOf(page.locator(`${R} .np-carousel h2`)), 'Related news');
      assert.equal(await track.evaluate((t) => t.npMark), 'kept', 'the carousel was rebuilt');
      assert.equal(await track.evaluate((t) => t.scrollLeft), left, 'carousel position lost');
      assert.equal(await page.evaluate(() => window.scrollY), y, 'page scroll position lost');
      assert.equal(await input.evaluate((i) => i.npMark), 'kept', 'the search box was rebuilt');
      assert.equal(await input.inputValue(), 'hội nghị tập huấn', 'typed text lost');
      assert.equal(await input.getAttribute('placeholder'), 'Search news…');

      // A list request in flight when the language changes is answered once and shown.
      stack.backend.setDelay('articles', 1500);
      const before = stack.backend.count('articles');
      await page.locator(`${MAIN} section.np-other .np-pagination__next`).dispatchEvent('click');
      await see(page, page.locator(MAIN).getByRole('region', { name: 'More news' }).locator('[role="status"][aria-busy="true"]'));
      await page.locator(`${R} button.np-lang`).dispatchEvent('click');
      await poll(async () => (await textOf(page.locator(`${R} button.np-lang`))) === 'English', { message: 'not back in Vietnamese' });
      await poll(async () => (await page.locator(`${MAIN} section.np-other article.np-card`).count()) > 0, { message: 'the list never arrived' });
      assert.equal(stack.backend.count('articles') - before, 1, 'the list was asked for again');
      assert.equal(await textOf(page.locator(`${MAIN} section.np-other h2`).first()), 'Tin khác');
      page.assertNoErrors();
    } finally {
      await stack.close();
    }
  });
});

describe('links in article bodies', () => {
  test('API on the page\'s origin: a body link to a file leaves the reader for the file, one to a reader route stays in-app', T, async () => {
    // The portal serves the API itself: body links are then same-origin links.
    const stack = await makeStack({ own: true, attrs: { 'data-api-base': '/api/v1' } });
    try {
      const bodyHtml = `<p><a href="/uploads/ke-hoach-15.pdf">Kế hoạch số 15/KH-UBND</a></p>`
        + `<p><a href="/bai-viet/${CAROUSEL_ID}/bai-khac">Bài khác</a></p>`;
      const page = await newPage(browser, { allow: [/ke-hoach-15\.pdf/] });
      pages.push(page);
      // The page's /api/v1 and /media are the test backend's, the fixture article with a body of links.
      const backendOrigin = stack.backend.url.replace(/\/api\/v1\/?$/, '');
      const forward = async (route) => {
        const req = route.request();
        const url = req.url().replace(stack.origin, backendOrigin);
        const res = await fetch(url, { method: req.method(), headers: req.headers(), body: req.postDataBuffer() ?? undefined });
        const headers = Object.fromEntries([...res.headers].filter(([k]) => !['content-encoding', 'content-length', 'transfer-encoding'].includes(k)));
        let body = Buffer.from(await res.arrayBuffer());
        if (new URL(url).pathname === `/api/v1/articles/${FIXTURE_ID}`) {
          body = Buffer.from(JSON.stringify({ ...JSON.parse(body.toString()), body_html: bodyHtml }));
        }
        await route.fulfill({ status: res.status, headers, body });
      };
      await page.route(`${stack.origin}/api/v1/**`, forward);
      await page.route(`${stack.origin}/media/**`, forward);
      await page.goto(stack.href(`/bai-viet/${FIXTURE_ID}/${FIXTURE_SLUG}`));
      await waitForReader(page);
      await settled(page);
      const body = page.locator(`${MAIN} .np-article__body`);
      assert.equal(await body.locator('a').first().getAttribute('href'), `${stack.origin}/uploads/ke-hoach-15.pdf`);

      await page.evaluate(() => { window.npSameDocument = true; });
      await body.getByRole('link', { name: 'Bài khác' }).click();
      await poll(async () => new URL(page.url()).pathname === `/bai-viet/${CAROUSEL_ID}/bai-khac`, { message: 'no in-app navigation' });
      assert.equal(await page.evaluate(() => window.npSameDocument), true, 'a reader route in a body reloaded the page');
      await page.goBack();
      await settled(page);

      await page.evaluate(() => { window.npSameDocument = true; });
      await Promise.all([page.waitForEvent('framenavigated'), body.getByRole('link', { name: 'Kế hoạch số 15/KH-UBND' }).click()]);
      await poll(async () => new URL(page.url()).pathname === '/uploads/ke-hoach-15.pdf', { message: `still at ${page.url()}` });
      // A new document is loaded: the marker set in the reader's is gone.
      await page.waitForLoadState('domcontentloaded');
      assert.equal(await page.evaluate(() => window.npSameDocument), undefined, 'the file link was taken by the router');
    } finally {
      await stack.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('accessibility behaviour', () => {
  test('every in-app route change moves focus to the new h1 and sets document.title to "<h1> – <site>"', T, async () => {
    const stack = await stackFor('vi');
    const site = stack.data.site.name;
    const page = await open(stack, '/', { allow: [/\/articles\/khong-ton-tai\b/] });
    await waitForCards(page, 10);
    await poll(async () => (await page.title()) === site, { message: async () => `home title "${await page.title()}"` });
    const problems = [];
    const step = async (what, act, waitFor) => {
      await act();
      await waitFor();
      await settled(page);
      try {
        await expectH1Focused(page, what);
      } catch (e) {
        problems.push(e.message);
      }
      const h1 = await h1Text(page);
      // Home (any page of it): the site name alone.
      const want = new URL(page.url()).pathname === '/' ? site : `${h1} – ${site}`;
      try {
        await poll(async () => (await page.title()) === want, { timeout: 1000 });
      } catch {
        problems.push(`${what}: document.title is "${await page.title()}", expected "${want}"`);
      }
    };
    const at = (p) => () => poll(() => appPath(page) === p, { message: () => `URL ${page.url()}, expected ${p}` });

    const cat = stack.data.site.categories.find((c) => c.slug === 'bien-dao');
    await step('category link', () => page.locator(`${R} nav.np-nav a`, { hasText: cat.name }).click(), at('/chuyen-muc/bien-dao'));
    assert.equal(await h1Text(page), cat.name);
    await step('home link', () => page.locator(`${R} a.np-brand`).click(), at('/'));
    await step('pagination page 2', () => page.locator(`${MAIN} nav.np-pagination a[href$="?trang=2"]`).first().click(), at('/?trang=2'));
    await step('card link', () => page.locator(`${LIST} a.np-card__title`).first().click(), () => see(page, page.locator(`${MAIN} h1.np-article__title`)));
    await step('related carousel link', async () => {
      await see(page, page.locator(`${MAIN} section.np-carousel a`).first());
      const before = appPath(page);
      await page.locator(`${MAIN} section.np-carousel a.np-card__title`).first().click();
      await poll(() => appPath(page) !== before);
    }, () => see(page, page.locator(`${MAIN} h1.np-article__title`)));
    await step('search', async () => {
      await page.locator(`${R} input#np-search-q`).fill('biên giới');
      await page.locator(`${R} input#np-search-q`).press('Enter');
    }, () => poll(() => new URL(page.url()).pathname === '/tim-kiem'));
    await step('search again from the results', async () => {
      await page.locator(`${R} input#np-search-q`).fill('hội nghị');
      await page.locator(`${R} input#np-search-q`).press('Enter');
    }, () => poll(() => new URL(page.url()).searchParams.get('q') === 'hội nghị'));
    await step('day picker', async () => {
      await page.locator(`${R} input#np-day-input`).fill(DAY_WITH_NEWS);
      await page.locator(`${R} section.np-day-picker button[type="submit"]`).click();
    }, at(`/ngay/${DAY_WITH_NEWS}`));
    await step('previous day link', () => page.locator(`${MAIN} nav.np-day-nav a[rel="prev"]`).click(), at(`/ngay/${DAY_WITHOUT}`));
    await step('browser back', () => page.goBack(), at(`/ngay/${DAY_WITH_NEWS}`));
    await step('browser forward', () => page.goForward(), at(`/ngay/${DAY_WITHOUT}`));
    // An unknown article and the way home from it.
    const nf = page; // same page: go to an unknown article by a link the reader handles
    await nf.evaluate(() => {
      const a = document.createElement('a');
      a.href = '/bai-viet/khong-ton-tai/x';
      a.className = 'np-test-link';
      a.textContent = 'x';
      document.querySelector('[data-news-portal]').shadowRoot.querySelector('main').append(a);
    });
    await step('link to an unknown article', () => page.locator(`${R} a.np-test-link`).click(), at('/bai-viet/khong-ton-tai/x'));
    assert.equal(await h1Text(page), 'Không tìm thấy bài viết');
    await step('"Về trang chủ" from not found', () => page.locator(`${MAIN} a.np-not-found__home`).click(), at('/'));
    page.assertNoErrors();
    assert.deepEqual(problems, [], 'focus / title after route changes');
  });

  test('landmarks: one banner, main and contentinfo; named navigation; search; complementary', T, async () => {
    const page = await open(await stackFor('vi'), CAROUSEL_PATH);
    await settled(page);
    const count = (role, o) => page.locator(R).getByRole(role, o).count();
    assert.equal(await count('banner'), 1, 'header landmark');
    assert.equal(await count('main'), 1, 'main landmark');
    assert.equal(await count('contentinfo'), 1, 'footer landmark');
    assert.equal(await count('search'), 1, 'search landmark');
    assert.ok(await count('complementary') >= 1, 'aside landmark');
    for (const name of ['Chuyên mục', 'Đường dẫn']) assert.equal(await count('navigation', { name, exact: true }), 1, `navigation "${name}"`);
    assert.equal(await page.locator(`${R} main#np-main`).getAttribute('tabindex'), '-1');
    // Every nav has a name (several on a page).
    const unnamed = await page.evaluate(() => [...document.querySelector('[data-news-portal]').shadowRoot.querySelectorAll('nav')]
      .filter((n) => !n.getAttribute('aria-label') && !n.getAttribute('aria-labelledby')).map((n) => n.className));
    assert.deepEqual(unnamed, []);
    page.assertNoErrors();
  });

  test('every control has a name and every tab stop shows a visible focus indicator', T, async () => {
    const page = await open(await stackFor('vi'), CAROUSEL_PATH, { init: speechStub0 });
    await settled(page);
    await see(page, page.locator(`${MAIN} section.np-carousel`));
    await see(page, page.locator(`${MAIN} section.np-other article.np-card`).first());
    const unnamed = await page.evaluate(() => {
      const root = document.querySelector('[data-news-portal]').shadowRoot;
      const name = (el) => {
        if (el.getAttribute('aria-label')) return el.getAttribute('aria-label');
        const by = el.getAttribute('aria-labelledby');
        if (by) return by.split(/\s+/).map((id) => root.getElementById(id)?.textContent || '').join(' ');
        if (el.id && root.querySelector(`label[for="${el.id}"]`)) return root.querySelector(`label[for="${el.id}"]`).textContent;
        if (el.closest('label')) return el.closest('label').textContent;
        return el.textContent + [...el.querySelectorAll('img[alt]')].map((i) => i.alt).join(' ');
      };
      return [...root.querySelectorAll('a[href], button, input, select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])')]
        .filter((el) => el.checkVisibility() && !el.closest('[aria-hidden="true"]'))
        .filter((el) => !name(el).trim())
        .map((el) => el.outerHTML.slice(0, 120));
    });
    assert.deepEqual(unnamed, [], 'controls without an accessible name');

    // Tab through the whole reader: each focused element has an outline (or box-shadow).
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('body').click({ position: { x: 1, y: 1 } }).catch(() => {});
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    const seen = [];
    const bad = [];
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const root = document.querySelector('[data-news-portal]').shadowRoot;
        const el = root.activeElement;
        if (!el) return null;
        const cs = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return {
          desc: `${el.tagName.toLowerCase()}.${el.className || ''} "${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 30)}"`,
          outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
          shadow: cs.boxShadow !== 'none',
          // A date input shows focus on its focused field (the UA highlight), not with an outline.
          dateField: el.matches('input[type="date"]'),
          inView: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
        };
      });
      if (!f) break; // focus left the reader
      if (seen.includes(f.desc) && seen[0] === f.desc) break;
      seen.push(f.desc);
      if (!f.outline && !f.shadow && !f.dateField) bad.push(`no focus indicator: ${f.desc}`);
      if (!f.inView) bad.push(`focused but not in view: ${f.desc}`);
    }
    assert.ok(seen.length >= 20, `only ${seen.length} tab stops: ${seen.join(' | ')}`);
    assert.deepEqual(bad, [], 'focus visibility');
    page.assertNoErrors();
  });

  test('200 % zoom (640 px @2x) and 360 px: no horizontal page scroll, nothing wider than the viewport, on every route', { timeout: 120_000 }, async () => {
    const stack = await stackFor('vi');
    const routes = ['/', '/chuyen-muc/tin-tuc', CAROUSEL_PATH, `/bai-viet/${FIXTURE_ID}/${FIXTURE_SLUG}`, '/tim-kiem?q=th%C3%B4ng%20tin',
      `/ngay/${DAY_WITH_NEWS}`, '/khong-co-trang-nay'];
    const problems = [];
    for (const vp of [{ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 }, { viewport: { width: 360, height: 640 } }]) {
      const page = await newPage(browser, vp);
      pages.push(page);
      for (const [i, r] of routes.entries()) {
        if (i === 0) {
          await page.goto(stack.href(r));
          await waitForReader(page);
        } else {
          await goInApp(page, r);
          await poll(async () => (await page.locator(`${MAIN} h1`).count()) > 0 && !(await page.locator(`${MAIN} [aria-busy="true"]`).count()), { message: `${r} not shown` });
        }
        await settled(page);
        await page.evaluate(() => window.scrollTo(0, 0));
        if (r === '/') await see(page, page.locator(`${R} section.np-hot a`).first());
        if (r === CAROUSEL_PATH) await see(page, page.locator(`${MAIN} section.np-carousel`));
        await page.waitForTimeout(150);
        const res = await page.evaluate(() => {
          const cw = document.documentElement.clientWidth;
          const root = document.querySelector('[data-news-portal]').shadowRoot;
          // Inside a horizontal scroller that itself fits (the category menu, the ticker, the carousel): fine.
          const inScroller = (el) => {
            for (let p = el.parentElement; p; p = p.parentElement) {
              if (/auto|scroll|hidden|clip/.test(getComputedStyle(p).overflowX)) {
                const b = p.getBoundingClientRect();
                return b.left >= -1 && b.right <= cw + 1;
              }
            }
            return false;
          };
          const wide = [...root.querySelectorAll('*')]
            .filter((el) => !el.closest('.np-visually-hidden, .np-skip') && el.checkVisibility() && !inScroller(el))
            .filter((el) => { const b = el.getBoundingClientRect(); return b.width > 0 && (b.right > cw + 1 || b.left < -1); })
            .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} (${Math.round(el.getBoundingClientRect().left)}…${Math.round(el.getBoundingClientRect().right)})`);
          return { sw: document.documentElement.scrollWidth, cw, wide: wide.slice(0, 6) };
        });
        const w = vp.viewport.width;
        if (res.sw > res.cw) problems.push(`${w}px ${r}: page scrolls horizontally (scrollWidth ${res.sw} > ${res.cw})`);
        if (res.wide.length) problems.push(`${w}px ${r}: wider than the viewport: ${res.wide.join(', ')}`);
      }
      page.assertNoErrors();
    }
    assert.deepEqual(problems, []);
  });

  test('hot-news ticker: animated, paused by button.np-hot__pause (aria-pressed); still under prefers-reduced-motion', T, async () => {
    const stack = await stackFor('vi');
    const list = `${R} section.np-hot .np-hot__list`;
    const anim = (page) => page.locator(list).evaluate((el) => ({ name: getComputedStyle(el).animationName, state: getComputedStyle(el).animationPlayState }));
    const page = await open(stack, '/');
    await see(page, page.locator(`${list} a`).first());
    await page.mouse.move(5, 890);
    const moving = await anim(page);
    assert.ok(moving.name !== 'none', 'the ticker has no animation');
    assert.equal(moving.state, 'running');
    const pause = page.locator(`${R} section.np-hot button.np-hot__pause`);
    await see(page, page.locator(R).getByRole('button', { name: 'Tạm dừng / chạy tin nóng' }));
    assert.equal(await pause.getAttribute('aria-pressed'), 'false');
    await pause.click();
    assert.equal(await pause.getAttribute('aria-pressed'), 'true');
    // Paused by the button, not only while hovered or focused.
    await page.mouse.move(5, 890);
    await page.evaluate(() => document.querySelector('[data-news-portal]').shadowRoot.activeElement?.blur());
    assert.equal((await anim(page)).state, 'paused');
    await pause.click();
    assert.equal(await pause.getAttribute('aria-pressed'), 'false');
    await page.mouse.move(5, 890);
    await page.evaluate(() => document.querySelector('[data-news-portal]').shadowRoot.activeElement?.blur());
    assert.equal((await anim(page)).state, 'running');
    // Focus on a ticker link stops it (keyboard readers can read it).
    await page.locator(`${list} a`).first().focus();
    assert.equal((await anim(page)).state, 'paused');
    page.assertNoErrors();

    const still = await open(stack, '/', { reducedMotion: 'reduce' });
    await see(still, still.locator(`${list} a`).first());
    assert.equal((await anim(still)).name, 'none', 'the ticker moves under prefers-reduced-motion');
    assert.equal(await still.locator(list).evaluate((el) => getComputedStyle(el).transform), 'none');
    // All items reachable by scrolling instead.
    const overflow = await still.locator(`${R} section.np-hot .np-hot__viewport`).evaluate((el) => getComputedStyle(el).overflowX);
    assert.ok(['auto', 'scroll'].includes(overflow), `ticker viewport overflow-x ${overflow}`);
    still.assertNoErrors();
  });

  test('back to top: shown after scrolling far on a long page (360 px), brings the reader top into view', T, async () => {
    const stack = await stackFor('vi');
    for (const reducedMotion of ['reduce', 'no-preference']) {
      const page = await open(stack, CAROUSEL_PATH, { viewport: PHONE, reducedMotion });
      await settled(page);
      await see(page, page.locator(`${MAIN} section.np-other article.np-card`).first());
      const btn = page.locator(`${R} button.np-back-to-top`);
      assert.equal(await btn.isVisible(), false, 'back-to-top visible at the top');
      const total = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(total > 2500, `page not long enough (${total})`);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await poll(() => btn.isVisible(), { message: 'back-to-top not shown after scrolling to the bottom' });
      await see(page, page.locator(R).getByRole('button', { name: 'Lên đầu trang' }));
      await btn.click();
      await poll(async () => page.evaluate(() => {
        const t = document.querySelector('[data-news-portal]').getBoundingClientRect().top;
        return t >= -1 && t <= 1;
      }), { timeout: 5000, message: async () => `reader top not in view after back-to-top (${reducedMotion}): scrollY ${await page.evaluate(() => scrollY)}` });
      await poll(async () => !(await btn.isVisible()), { message: 'back-to-top still shown at the top' });
      // Keyboard focus goes to the top of the reader as well.
      const f = await shadowActiveElement(page);
      assert.ok(f && /np-skip/.test(f.className), `focus after back-to-top: ${JSON.stringify(f)}`);
      page.assertNoErrors();
    }
  });

  test('dark mode (prefers-color-scheme: dark): dark background, light text', T, async () => {
    const page = await open(await stackFor('vi'), '/', { colorScheme: 'dark' });
    await waitForCards(page, 10);
    const lum = ([r, g, b]) => {
      const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const colours = await page.evaluate(() => {
      const root = document.querySelector('[data-news-portal]').shadowRoot;
      const bgOf = (el) => {
        for (let e = el; e; e = e.parentElement || (e.getRootNode().host ?? null)) {
          const c = getComputedStyle(e).backgroundColor;
          if (c && !/rgba\(0, 0, 0, 0\)|transparent/.test(c)) return c;
        }
        return getComputedStyle(document.body).backgroundColor;
      };
      const title = root.querySelector('a.np-card__title');
      const summary = root.querySelector('.np-card__summary');
      return { bg: bgOf(root.querySelector('main')), title: getComputedStyle(title).color, summary: getComputedStyle(summary).color, summaryBg: bgOf(summary) };
    });
    const rgb = (s) => s.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
    assert.ok(lum(rgb(colours.bg)) < 0.1, `background not dark in dark mode: ${colours.bg}`);
    assert.ok(lum(rgb(colours.summary)) > 0.4, `text not light in dark mode: ${colours.summary}`);
    assert.ok(lum(rgb(colours.title)) > 0.4, `card titles not light in dark mode: ${colours.title}`);
    // WCAG AA contrast (4.5:1) of the card's text on the page's dark background.
    const contrast = (a, b) => { const [hi, lo] = [lum(rgb(a)), lum(rgb(b))].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
    for (const k of ['title', 'summary']) {
      const c = contrast(colours[k], k === 'summary' ? colours.summaryBg : colours.bg);
      assert.ok(c >= 4.5, `card ${k} contrast ${c.toFixed(2)}:1 in dark mode (${colours[k]} on ${colours.bg})`);
    }
    page.assertNoErrors();
  });
});

/** A minimal speechSynthesis stub (for the tab-order test: its buttons exist then). */
function speechStub0() {
  Object.defineProperty(window, 'speechSynthesis', {
    value: { speak() {}, pause() {}, resume() {}, cancel() {}, getVoices: () => [], addEventListener() {}, removeEventListener() {} },
    configurable: true,
  });
}

// ---------------------------------------------------------------------------------------------

describe('metadata', () => {
  test('standalone: <title>, description, og:*, JSON-LD NewsArticle on the article; website elsewhere', T, async () => {
    const stack = await stackFor('vi');
    const site = stack.data.site.name;
    const a = stack.backend.getArticle(CAROUSEL_ID);
    const page = await open(stack, CAROUSEL_PATH);
    await settled(page);
    const head = () => page.evaluate(() => {
      const m = (sel) => document.head.querySelector(sel)?.getAttribute('content') ?? null;
      const ld = document.querySelectorAll('script[type="application/ld+json"]');
      return {
        title: document.title,
        description: m('meta[name="description"]'),
        descriptions: document.head.querySelectorAll('meta[name="description"]').length,
        og: Object.fromEntries([...document.head.querySelectorAll('meta[property^="og:"]')].map((e) => [e.getAttribute('property'), e.getAttribute('content')])),
        ld: [...ld].map((s) => ({ id: s.id, text: s.textContent })),
      };
    });
    await poll(async () => (await head()).title === `${a.title} – ${site}`, { message: async () => `title "${(await head()).title}"` });
    const h = await head();
    assert.equal(h.description, a.summary);
    assert.equal(h.descriptions, 1, 'more than one meta description');
    assert.equal(h.og['og:title'], a.title);
    assert.equal(h.og['og:type'], 'article');
    assert.equal(h.og['og:url'], page.url());
    assert.equal(h.og['og:site_name'], site);
    assert.equal(h.og['og:description'], a.summary);
    assert.ok(h.og['og:image'] && /^https?:\/\//.test(h.og['og:image']), `og:image ${h.og['og:image']}`);
    assert.equal(new URL(h.og['og:image']).pathname.split('/').pop(), a.thumbnail.url.split('/').pop());
    assert.equal(h.ld.length, 1, `JSON-LD scripts: ${h.ld.length}`);
    assert.equal(h.ld[0].id, 'np-jsonld');
    const ld = JSON.parse(h.ld[0].text);
    assert.equal(ld['@context'], 'https://schema.org');
    assert.equal(ld['@type'], 'NewsArticle');
    assert.equal(ld.headline, a.title);
    assert.equal(ld.datePublished, a.published_at);
    if (a.updated_at) assert.equal(ld.dateModified, a.updated_at);
    assert.equal(ld.mainEntityOfPage, page.url());
    assert.equal(ld.publisher?.name, site);
    assert.equal(ld.author?.name, a.author);
    assert.equal(ld.description, a.summary);
    assert.equal(ld.image, h.og['og:image']);

    // Another article in-app: replaced, not added.
    await see(page, page.locator(`${MAIN} section.np-carousel a.np-card__title`).first());
    await page.locator(`${MAIN} section.np-carousel a.np-card__title`).first().click();
    await poll(async () => (await head()).title !== `${a.title} – ${site}`, { message: 'title not updated on the next article' });
    await settled(page);
    const h2 = await head();
    assert.equal(h2.title, `${await h1Text(page)} – ${site}`);
    assert.equal(h2.ld.length, 1);
    assert.equal(JSON.parse(h2.ld[0].text).headline, await h1Text(page));
    assert.equal(h2.og['og:url'], page.url());

    // Home: no JSON-LD, og:type website, title the site name.
    await page.locator(`${R} a.np-brand`).click();
    await poll(() => appPath(page) === '/');
    await poll(async () => (await head()).title === site, { message: async () => `home title "${(await head()).title}"` });
    const h3 = await head();
    assert.equal(h3.ld.length, 0, 'JSON-LD left on the home page');
    // The page's own description (dist/index.html's) where a page has none.
    const own = /<meta name="description" content="([^"]+)"/.exec(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8'));
    assert.ok(own, 'dist/index.html has no description');
    assert.equal(h3.description, own[1], 'the home page lost the description');
    assert.equal(h3.descriptions, 1);
    assert.equal(h3.og['og:type'], 'website');
    assert.equal(h3.og['og:url'], page.url());
    page.assertNoErrors();
  });

  test('embedded (no data-standalone): the host page head is left unchanged', T, async () => {
    const stack = await stackFor('embedded');
    const hitsBefore = stack.backend.hits.length;
    const page = await open(stack, CAROUSEL_PATH);
    await settled(page);
    await see(page, page.locator(`${MAIN} section.np-carousel`));
    assert.equal(await page.locator('[data-news-portal]').getAttribute('data-standalone'), null, 'test setup: data-standalone still there');
    const sig = () => page.evaluate(async () => {
      const pick = (head) => [...head.querySelectorAll('title, meta, script:not([src])')].map((e) => e.outerHTML).join('\n');
      const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      return { now: pick(document.head), served: pick(served.head), title: document.title, servedTitle: served.title };
    });
    // The hit and the head's metadata come from the same later chunk: once
    // the hit is in, a standalone reader would have set the head.
    await poll(() => stack.backend.hits.slice(hitsBefore).some((h) => h.path === CAROUSEL_PATH), { message: 'no hit for the article' });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
    let s = await sig();
    assert.equal(s.title, s.servedTitle);
    assert.equal(s.now, s.served);
    // After in-app navigation too.
    await page.locator(`${MAIN} section.np-carousel a.np-card__title`).first().click();
    await settled(page);
    await page.locator(`${R} a.np-brand`).click();
    await waitForCards(page, 10);
    s = await sig();
    assert.equal(s.title, s.servedTitle);
    assert.equal(s.now, s.served);
    page.assertNoErrors();
  });
});

describe('login link', () => {
  test('"Đăng nhập" only with an http(s) login_url in the site config; "Log in" in English', T, async () => {
    const stack = await makeStack({ own: true });
    try {
      const site = stack.data.site;
      const loginOf = async (url, attrsLang) => {
        if (url === undefined) delete site.login_url;
        else site.login_url = url;
        const page = await open(stack, '/', { viewport: PHONE, init: attrsLang ? `localStorage.setItem('np-lang', '${attrsLang}')` : [] });
        await waitForCards(page, 10);
        await see(page, page.locator(`${R} footer.np-footer`));
        const a = page.locator(`${R} header a.np-login`);
        const r = (await a.count()) ? { text: await textOf(a), href: await a.getAttribute('href') } : null;
        page.assertNoErrors();
        return r;
      };
      assert.equal(await loginOf(undefined), null, 'login link without login_url');
      assert.deepEqual(await loginOf('http://cms.example.gov.vn/dang-nhap?x=1'), { text: 'Đăng nhập', href: 'http://cms.example.gov.vn/dang-nhap?x=1' });
      assert.deepEqual(await loginOf('https://cms.example.gov.vn/dang-nhap', 'en'), { text: 'Log in', href: 'https://cms.example.gov.vn/dang-nhap' });
      for (const bad of ['javascript:alert(1)']) {
        assert.equal(await loginOf(bad), null, `login link for login_url ${JSON.stringify(bad)}`);
      }
    } finally {
      await stack.close();
    }
  });
});
