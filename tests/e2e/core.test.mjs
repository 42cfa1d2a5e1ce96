// Core browser tests of the reader, against the test backend (data-api-base set)
// and, at the end, in demo mode (no data-api-base: bundled content from dist/demo/).
//
//   node --test tests/e2e/core.test.mjs        (needs dist/: run scripts/build first)
import { test, describe, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  launchBrowser, startStack, newPage, waitForReader, waitForText, textOf, textsOf, norm, poll,
  shadowActiveElement, appPath, fmtNum, vnDate, vnDateTime, readDemoJson, see, describeView, region, termPairs, imagesSettled,
} from './harness.mjs';

const T = { timeout: 60_000 };
const R = '[data-news-portal]'; // every selector below pierces the open shadow root
// The home / category list (an article's "Tin khác" is `section.np-other`, possibly also .np-list).
const LIST = `${R} section.np-list:not(.np-other)`;
const FIXTURE_ID = '2019-0110-1';
const FIXTURE_SLUG = 'nang-cao-chat-luong-hoat-dong-thong-tin-doi-ngoai-tren-dia-ban-tinh-lai-chau';

let browser;
let stack;
let data;
const pages = [];

async function open(path, ctxOpts = {}) {
  const page = await newPage(browser, ctxOpts);
  pages.push(page);
  await page.goto(stack.href(path));
  await waitForReader(page);
  return page;
}

/** Link to page n inside a pagination nav (hrefs end in ?trang=N or &trang=N). */
function pageLink(nav, n) {
  return nav.locator(`a[href$="?trang=${n}"], a[href$="&trang=${n}"]`).first();
}

async function waitForCards(page, n, scope = LIST) {
  const cards = page.locator(`${scope} article.np-card`);
  await poll(async () => (await cards.count()) === n, {
    message: async () => `expected ${n} article.np-card in ${scope}, saw ${await cards.count().catch(() => '?')} at ${page.url()}; the reader's <main> shows: ${await describeView(page)}`,
  });
  return cards;
}

async function cardTitles(page, scope = LIST) {
  return textsOf(page.locator(`${scope} article.np-card a.np-card__title`));
}

/** The home view is shown: URL '/', list heading "Tin mới nhất", the first 10 titles, no article / not-found h1. */
async function expectHome(page) {
  await poll(() => appPath(page, stack) === '/', { message: () => `URL ${page.url()}` });
  await see(page, page.locator(LIST).getByRole('heading', { name: 'Tin mới nhất' }));
  await waitForCards(page, 10);
  assert.deepEqual(await cardTitles(page), data.articles.slice(0, 10).map((a) => norm(a.title)));
  assert.equal(await page.locator(`${R} article.np-article`).count(), 0, 'an article is still shown on the home view');
  assert.equal(await page.locator(`${R} h1`, { hasText: 'Không tìm thấy' }).count(), 0, 'a not-found heading is still shown on the home view');
}

function categoryWithArticles() {
  const c = (data.site.categories || []).find((c) => data.articles.some((a) => a.category && a.category.slug === c.slug));
  assert.ok(c, 'the backend data has no category with articles');
  return c;
}

/**
 * A positive signal that a view sent all its hits: an in-app move to a
 * sentinel route, whose own hit comes after any late one of the view.
 * Returns the hit to expect for it.
 */
const SENTINEL = '/tim-kiem?q=sentinel';
async function sentinelHit(page, hits) {
  const n = hits.length;
  await page.evaluate((href) => { history.pushState(null, '', href); dispatchEvent(new PopStateEvent('popstate')); }, stack.href(SENTINEL));
  await poll(() => hits.slice(n).some((h) => h.path === SENTINEL), { message: () => `no hit for ${SENTINEL}; hits ${JSON.stringify(hits.slice(n))}` });
  return { path: SENTINEL };
}

function sameArticlePath(a) {
  return `/bai-viet/${a.id}/${a.slug}`;
}

// One browser for the whole file.
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

describe('reader against the test backend', () => {
  before(async () => {
    stack = await startStack({ apiBase: true });
    data = stack.backend.data;
  });
  after(async () => {
    await stack?.close();
  });
  beforeEach(() => stack?.backend.reset());
  afterEach(async () => {
    while (pages.length) await pages.pop().context().close().catch(() => {});
  });

  test('home: header, hot news, 10 latest cards, visitor figures with dots', T, async () => {
    const page = await open('/');
    const cards = await waitForCards(page, 10);

    assert.equal(await textOf(page.locator(`${R} header.np-header a.np-brand`)), norm(data.site.name));
    const navLinks = await textsOf(page.locator(`${R} header.np-header nav.np-nav[aria-label="Chuyên mục"] a`));
    for (const c of data.site.categories) assert.ok(navLinks.includes(norm(c.name)), `nav lacks "${c.name}"; has ${JSON.stringify(navLinks)}`);

    const list = page.locator(LIST);
    await see(page, list.getByRole('heading', { name: 'Tin mới nhất' }));
    const expected = data.articles.slice(0, 10);
    assert.deepEqual(await cardTitles(page), expected.map((a) => norm(a.title)));
    for (let i = 0; i < 10; i++) {
      const card = cards.nth(i);
      const a = expected[i];
      const href = await card.locator('a.np-card__title').getAttribute('href');
      assert.equal(new URL(href, page.url()).pathname, sameArticlePath(a), `card ${i} href`);
      assert.equal(await textOf(card.locator('time.np-card__date')), vnDate(a.published_at), `card ${i} date`);
      if (typeof a.views === 'number') {
        assert.equal(await textOf(card.locator('.np-card__views')), `Lượt xem: ${fmtNum(a.views)}`, `card ${i} views`);
      }
    }

    const hot = page.locator(`${R} section.np-hot[aria-label="Tin nóng"]`);
    await poll(async () => (await hot.locator('a').count()) >= 1, { message: 'section.np-hot has no links' });
    const hotText = await textOf(hot);
    assert.ok(hotText.includes(norm(data.hot.items[0].title)), `hot news lacks "${data.hot.items[0].title}": ${hotText}`);

    const vis = region(page, 'Thống kê truy cập');
    await see(page, vis.getByRole('heading', { name: 'Thống kê truy cập' }));
    await poll(async () => (await vis.getByRole('definition').count()) >= 4, { message: 'fewer than 4 visitor figures' });
    const pairs = await termPairs(vis);
    const v = data.visitors;
    const expectDt = ['Đang truy cập', 'Hôm nay'];
    if (v.week !== undefined) expectDt.push('Trong tuần');
    if (v.month !== undefined) expectDt.push('Trong tháng');
    expectDt.push('Tổng lượt truy cập');
    assert.deepEqual(pairs.map((p) => p[0]), expectDt);
    for (const [dt, dd] of pairs) assert.match(dd, /^\d{1,3}(\.\d{3})*$/, `${dt}: "${dd}"`);
    const byDt = Object.fromEntries(pairs);
    assert.equal(byDt['Đang truy cập'], fmtNum(v.online));
    const total = Number(byDt['Tổng lượt truy cập'].replace(/\./g, ''));
    assert.ok(total >= v.total && total <= v.total + 5, `total ${total} vs data ${v.total}`);
    if (v.total >= 1000) assert.ok(byDt['Tổng lượt truy cập'].includes('.'));

    page.assertNoErrors();
  });

  test('category page lists only that category', T, async () => {
    const cat = categoryWithArticles();
    const inCat = data.articles.filter((a) => a.category && a.category.slug === cat.slug);
    const page = await open('/');
    await waitForCards(page, 10);
    await page.locator(`${R} nav.np-nav a`, { hasText: cat.name }).first().click();
    await poll(() => appPath(page, stack) === `/chuyen-muc/${cat.slug}`, { message: () => `URL ${page.url()}` });
    const list = page.locator(LIST);
    await see(page, list.getByRole('heading', { name: cat.name }));
    assert.equal(await list.getByRole('heading', { name: 'Tin mới nhất' }).count(), 0, '"Tin mới nhất" still shown');
    const want = inCat.slice(0, 10);
    await waitForCards(page, want.length);
    assert.deepEqual(await cardTitles(page), want.map((a) => norm(a.title)));
    const hrefs = await page.locator(`${LIST} a.np-card__title`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const ids = new Set(inCat.map((a) => a.id));
    for (const h of hrefs) {
      const id = new URL(h, page.url()).pathname.split('/')[2];
      assert.ok(ids.has(id), `card ${h} is not in category ${cat.slug}`);
    }
    // a direct load gives the same list
    const page2 = await open(`/chuyen-muc/${cat.slug}`);
    await waitForCards(page2, want.length);
    assert.deepEqual(await cardTitles(page2), want.map((a) => norm(a.title)));
    page.assertNoErrors();
    page2.assertNoErrors();
  });

  test('pagination: page 2 via link, aria-current moves, ?trang=2, back', T, async () => {
    assert.ok(data.articles.length > 20, `need > 20 articles, backend has ${data.articles.length}`);
    const page = await open('/');
    await waitForCards(page, 10);
    const pag = page.locator(`${LIST} nav.np-pagination[aria-label="Phân trang"]`);
    assert.equal(await textOf(pag.locator('[aria-current="page"]')), '1');
    await pageLink(pag, 2).click();
    await poll(() => new URL(page.url()).search === '?trang=2', { message: () => `URL ${page.url()}` });
    await poll(async () => JSON.stringify(await cardTitles(page)) === JSON.stringify(data.articles.slice(10, 20).map((a) => norm(a.title))),
      { message: 'page 2 cards' });
    assert.equal(await textOf(pag.locator('[aria-current="page"]')), '2');
    assert.equal(await pag.locator('[aria-current="page"]').count(), 1);
    assert.ok(await pag.locator('a', { hasText: '«' }).count(), 'no « link on page 2');
    await pag.locator('a', { hasText: '»' }).first().click();
    await poll(() => new URL(page.url()).search === '?trang=3', { message: () => `URL after » ${page.url()}` });
    await poll(async () => (await textOf(pag.locator('[aria-current="page"]'))) === '3', { message: 'aria-current after »' });
    await page.goBack();
    await poll(() => new URL(page.url()).search === '?trang=2', { message: () => `URL after back ${page.url()}` });
    await poll(async () => JSON.stringify(await cardTitles(page)) === JSON.stringify(data.articles.slice(10, 20).map((a) => norm(a.title))),
      { message: 'page 2 cards after back' });
    // direct load of ?trang=2
    const page2 = await open('/?trang=2');
    await waitForCards(page2, 10);
    assert.deepEqual(await cardTitles(page2), data.articles.slice(10, 20).map((a) => norm(a.title)));
    page.assertNoErrors();
    page2.assertNoErrors();
  });

  test('list → article → related carousel next → back to the list', T, async () => {
    const target = data.articles.slice(0, 10).find((a) => (stack.backend.getArticle(a.id)?.related?.length ?? 0) >= 2);
    assert.ok(target, 'no article on the first page has >= 2 related articles');
    const full = stack.backend.getArticle(target.id);
    const page = await open('/');
    await waitForCards(page, 10);
    await page.locator(`${LIST} a.np-card__title[href$="${sameArticlePath(target)}"]`).click();
    await poll(() => appPath(page, stack) === sameArticlePath(target), { message: () => `URL ${page.url()}` });
    const h1 = page.locator(`${R} article.np-article h1.np-article__title`);
    await see(page, h1);
    assert.equal(await textOf(h1), norm(target.title));

    const car = page.locator(`${R} section.np-carousel[aria-roledescription="carousel"]`);
    await see(page, car);
    assert.equal(await car.getAttribute('aria-label'), 'Tin liên quan');
    const slides = car.locator('[role="group"][aria-roledescription="slide"]');
    const n = await slides.count();
    assert.ok(n >= 2, `carousel has ${n} slides`);
    assert.ok(n <= full.related.length, `carousel has ${n} slides for ${full.related.length} related`);
    assert.equal(await slides.nth(0).getAttribute('aria-label'), `1 / ${n}`);
    assert.equal(await slides.nth(1).getAttribute('aria-label'), `2 / ${n}`);
    const next = car.locator('button.np-carousel__next');
    assert.equal(await next.getAttribute('aria-label'), 'Tin sau');
    assert.equal(await car.locator('button.np-carousel__prev').getAttribute('aria-label'), 'Tin trước');
    const box0 = await slides.nth(1).boundingBox();
    await next.click();
    await poll(async () => {
      const after = await slides.nth(1).boundingBox();
      const active = await shadowActiveElement(page);
      const moved = box0 && after && after.x < box0.x - 1;
      const focused = active && (active.label === `2 / ${n}` || (active.text && active.text.includes(norm(full.related[1].title))));
      return moved || focused;
    }, { message: async () => `"Tin sau" neither scrolled slide 2 nor focused it (active: ${JSON.stringify(await shadowActiveElement(page))})` });

    await page.goBack();
    await expectHome(page);
    page.assertNoErrors();
  });

  test('related carousel and "Tin khác" on a directly loaded article', T, async () => {
    const target = data.articles.find((a) => (stack.backend.getArticle(a.id)?.related?.length ?? 0) >= 3);
    assert.ok(target, 'no article has >= 3 related articles');
    const full = stack.backend.getArticle(target.id);
    const page = await open(sameArticlePath(target));
    await see(page, page.locator(`${R} h1.np-article__title`));
    const car = page.locator(`${R} section.np-carousel[aria-roledescription="carousel"][aria-label="Tin liên quan"]`);
    const slides = car.locator('[role="group"][aria-roledescription="slide"]');
    await see(page, slides.first());
    const n = await slides.count();
    assert.equal(n, full.related.length);
    assert.deepEqual(await slides.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))), full.related.map((_, i) => `${i + 1} / ${n}`));
    assert.deepEqual(await textsOf(slides.locator('a.np-card__title')), full.related.map((r) => norm(r.title)));
    const box0 = await slides.nth(1).boundingBox();
    await car.locator('button.np-carousel__next').click();
    await poll(async () => {
      const after = await slides.nth(1).boundingBox();
      const active = await shadowActiveElement(page);
      return (box0 && after && after.x < box0.x - 1) || (active && active.label === `2 / ${n}`);
    }, { message: async () => `"Tin sau" neither scrolled slide 2 nor focused it (active: ${JSON.stringify(await shadowActiveElement(page))})` });
    // "Tin khác": a card list with pagination, without the article itself
    const other = page.locator(`${R} section.np-other`);
    await see(page, other.locator('article.np-card').first());
    const otherTitles = await textsOf(other.locator('a.np-card__title'));
    assert.ok(otherTitles.length >= 5, `"Tin khác" has ${otherTitles.length} cards`);
    const otherHrefs = await other.locator('a.np-card__title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(!otherHrefs.some((h) => h.includes(`/bai-viet/${target.id}/`)), '"Tin khác" lists the article itself');
    await see(page, other.locator('nav.np-pagination[aria-label="Phân trang"]'));
    page.assertNoErrors();
  });

  test('article meta "Ngày đăng" is in UTC+07:00 whatever the browser time zone', T, async () => {
    const fx = stack.backend.getArticle(FIXTURE_ID);
    const metas = {};
    for (const tz of ['Asia/Ho_Chi_Minh', 'America/New_York']) {
      const page = await open(`/bai-viet/${FIXTURE_ID}/${FIXTURE_SLUG}`, { timezoneId: tz });
      const meta = page.locator(`${R} article.np-article .np-article__meta`);
      await see(page, meta);
      metas[tz] = await textOf(meta);
      page.assertNoErrors();
    }
    const m = metas['Asia/Ho_Chi_Minh'];
    assert.ok(m.includes('Ngày đăng: 10/01/2019 4:47:06 CH'), `meta: ${m}`);
    assert.ok(m.includes(`Ngày đăng: ${vnDateTime(fx.published_at)}`));
    assert.ok(m.includes('Cập nhật: 10/01/2019 5:02:00 CH'), `meta: ${m}`);
    assert.ok(m.includes('Lượt xem: 1.204'), `meta: ${m}`);
    assert.equal(metas['America/New_York'], m);
  });

  test('article meta of a morning article (SA) and across the UTC date line', T, async () => {
    // The demo's articles are all published in office hours, so one at
    // 06:15 in Vietnam (23:15 UTC the day before, 16:15 in Los Angeles)
    // is added to a copy of its data.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'np-core-'));
    fs.cpSync(stack.backend.data.dataDir, dir, { recursive: true });
    const list = JSON.parse(fs.readFileSync(path.join(dir, 'articles.json'), 'utf8'));
    const early = { ...list.items[0], id: 'sang-som-1', slug: 'tin-sang-som', title: 'Tin đăng lúc sáng sớm', published_at: '2023-09-16T06:15:00+07:00' };
    list.items.unshift(early);
    fs.writeFileSync(path.join(dir, 'articles.json'), JSON.stringify(list));
    const own = await startStack({ apiBase: true, dataDir: dir });
    try {
      const hourVn = (a) => new Date(Date.parse(a.published_at) + 7 * 3600e3).getUTCHours();
      const morning = own.backend.data.articles.find((a) => hourVn(a) >= 7 && hourVn(a) < 12);
      assert.ok(morning, 'no morning article in the data');
      const cases = [[early, 'Ngày đăng: 16/09/2023 6:15:00 SA'], [morning, `Ngày đăng: ${vnDateTime(morning.published_at)}`]];
      for (const [a, want] of cases) {
        const page = await newPage(browser, { timezoneId: 'America/Los_Angeles' });
        pages.push(page);
        await page.goto(own.href(sameArticlePath(a)));
        await waitForReader(page);
        const meta = page.locator(`${R} article.np-article .np-article__meta`);
        await see(page, meta);
        const text = await textOf(meta);
        assert.ok(text.includes(want), `${a.id} (${a.published_at}) meta: ${text}`);
        assert.ok(text.includes(' SA'), `${a.id}: not a morning time: ${text}`);
        page.assertNoErrors();
      }
    } finally {
      await own.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('article body is sanitised (no script, no onclick) and the article parts render', T, async () => {
    const fx = stack.backend.getArticle(FIXTURE_ID);
    const page = await open(`/bai-viet/${FIXTURE_ID}/${FIXTURE_SLUG}`);
    const body = page.locator(`${R} article.np-article .np-article__body`);
    await waitForText(page, 'Hiểu được tầm quan trọng', { selector: `${R} .np-article__body` });
    assert.equal(await body.locator('script').count(), 0, 'script in body');
    assert.equal(await body.locator('[onclick]').count(), 0, 'onclick in body');
    const onAttrs = await body.evaluate((el) =>
      [...el.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value)).map((a) => `${e.tagName}[${a.name}]`)));
    assert.deepEqual(onAttrs, []);
    const inShadow = await page.evaluate(() => {
      const root = document.querySelector('[data-news-portal]').shadowRoot;
      return { scripts: root.querySelectorAll('script').length, onclick: root.querySelectorAll('[onclick]').length };
    });
    assert.deepEqual(inShadow, { scripts: 0, onclick: 0 });
    const bodyText = await textOf(body);
    assert.ok(bodyText.includes('Ban chỉ đạo công tác thông tin đối ngoại tỉnh họp triển khai nhiệm vụ'), 'figcaption text kept');
    assert.ok(!bodyText.includes("alert('xss')"), 'script text rendered');

    assert.equal(await textOf(page.locator(`${R} h1.np-article__title`)), norm(fx.title));
    const crumbs = await textOf(page.locator(`${R} nav.np-breadcrumb`));
    assert.ok(crumbs.includes('Trang chủ') && crumbs.includes(fx.category.name), `breadcrumb: ${crumbs}`);
    assert.ok((await textOf(page.locator(`${R} .np-article__lead`))).includes(norm(fx.summary)));
    assert.ok((await textOf(page.locator(`${R} .np-byline`))).includes(fx.author));
    const tags = await textOf(page.locator(`${R} .np-tags`));
    for (const t of fx.tags) assert.ok(tags.includes(t), `tags: ${tags}`);
    await imagesSettled(page);
    assert.deepEqual(page.dialogs, [], 'a dialog was opened');
    page.assertNoErrors();
  });

  test('unknown article → "Không tìm thấy bài viết" with a link home', T, async () => {
    const page = await open('/bai-viet/khong-ton-tai-999/khong-co');
    page.allowErrors(/status of 404/);
    const h1 = page.locator(`${R} h1`, { hasText: 'Không tìm thấy bài viết' });
    await see(page, h1);
    const home = page.locator(`${R} a`, { hasText: 'Về trang chủ' }).first();
    assert.equal(new URL(await home.getAttribute('href'), page.url()).pathname, stack.basePath);
    await home.click();
    await expectHome(page);
    page.assertNoErrors();
  });

  test('unknown route → "Không tìm thấy trang" with a link home', T, async () => {
    for (const p of ['/khong-co-trang-nay', '/a/b/c']) {
      const page = await open(p);
      await see(page, page.locator(`${R} h1`, { hasText: 'Không tìm thấy trang' }));
      const home = page.locator(`${R} a`, { hasText: 'Về trang chủ' }).first();
      assert.equal(new URL(await home.getAttribute('href'), page.url()).pathname, stack.basePath, p);
      page.assertNoErrors();
    }
    const page = pages[pages.length - 1];
    await page.locator(`${R} a`, { hasText: 'Về trang chủ' }).first().click();
    await expectHome(page);
    page.assertNoErrors();
  });

  test('one stats/hit per page load with the right path and article_id', T, async () => {
    const cat = categoryWithArticles();
    const art = data.articles[0];
    const hits = stack.backend.hits;
    const shape = (h) => (h.article_id === undefined ? { path: h.path } : { path: h.path, article_id: h.article_id });
    const views = [
      ['/', { path: '/' }],
      [`/chuyen-muc/${cat.slug}`, { path: `/chuyen-muc/${cat.slug}` }],
      [sameArticlePath(art), { path: sameArticlePath(art), article_id: art.id }],
      ['/khong-co-trang-nay', { path: '/khong-co-trang-nay' }],
    ];
    const wanted = [];
    for (const [p, want] of views) {
      const page = await open(p);
      wanted.push(want);
      await poll(() => hits.length >= wanted.length, { message: () => `no hit for ${p}; hits ${JSON.stringify(hits)}` });
      wanted.push(await sentinelHit(page, hits));
      assert.deepEqual(hits.map(shape), wanted);
      page.assertNoErrors();
    }
  });

  test('one stats/hit per in-app view with the right path and article_id', T, async () => {
    const cat = categoryWithArticles();
    const first = data.articles.find((a) => a.category && a.category.slug === cat.slug);
    const hits = stack.backend.hits;
    const page = await open('/');
    await waitForCards(page, 10);
    await poll(() => hits.length >= 1, { message: 'no hit for the home view' });
    await page.locator(`${R} nav.np-nav a`, { hasText: cat.name }).first().click();
    await see(page, page.locator(LIST).getByRole('heading', { name: cat.name }));
    await poll(() => hits.length >= 2, { message: () => `no hit for the category view; hits ${JSON.stringify(hits)}` });
    await page.locator(`${LIST} a.np-card__title[href$="${sameArticlePath(first)}"]`).click();
    await see(page, page.locator(`${R} h1.np-article__title`));
    await poll(() => hits.length >= 3, { message: () => `no hit for the article view; hits ${JSON.stringify(hits)}` });
    const sentinel = await sentinelHit(page, hits);
    assert.deepEqual(
      hits.map((h) => (h.article_id === undefined ? { path: h.path } : { path: h.path, article_id: h.article_id })),
      [{ path: '/' }, { path: `/chuyen-muc/${cat.slug}` }, { path: sameArticlePath(first), article_id: first.id }, sentinel],
    );
    page.assertNoErrors();
  });

  test('a 500 on articles shows "Thử lại" in the list only; retry recovers', T, async () => {
    const b = stack.backend;
    b.setFault('articles', '500');
    const page = await open('/');
    page.allowErrors(/status of 500/);
    const list = page.locator(LIST);
    const err = list.getByRole('alert');
    await see(page, err);
    assert.ok((await textOf(err)).length > 0, 'empty error message');
    const retry = list.getByRole('button', { name: 'Thử lại' });
    assert.equal(await retry.count(), 1, 'no "Thử lại" button');
    // the rest of the page renders
    assert.equal(await textOf(page.locator(`${R} header.np-header a.np-brand`)), norm(data.site.name));
    await poll(async () => (await region(page, 'Thống kê truy cập').getByRole('definition').count()) >= 4, { message: 'visitors not rendered' });
    await poll(async () => (await page.locator(`${R} section.np-hot a`).count()) >= 1, { message: 'hot news not rendered' });
    assert.equal(await page.locator(`${LIST} article.np-card`).count(), 0);

    const siteBefore = b.count('site');
    const hotBefore = b.count('articles/hot');
    const listBefore = b.count('articles');
    b.clearFaults();
    await retry.click();
    await waitForCards(page, 10);
    assert.equal(await err.count(), 0, 'error still shown after a successful retry');
    assert.deepEqual(await cardTitles(page), data.articles.slice(0, 10).map((a) => norm(a.title)));
    assert.equal(b.count('site'), siteBefore, 'retry refetched site');
    assert.equal(b.count('articles/hot'), hotBefore, 'retry refetched hot news');
    assert.ok(b.count('articles') > listBefore, 'retry did not refetch articles');
    page.assertNoErrors();
  });
});

describe('demo mode (no data-api-base)', () => {
  let demo;
  before(async () => {
    demo = await startStack({ apiBase: false });
  });
  after(async () => {
    await demo?.close();
  });

  test('shows the demo portal name and >= 3 pages of news, all from its own origin', T, async () => {
    const site = readDemoJson('site.json');
    const list = readDemoJson('articles.json');
    const page = await newPage(browser);
    try {
      await page.goto(demo.href('/'));
      await waitForReader(page);
      const cards = page.locator(`${LIST} article.np-card`);
      await poll(async () => (await cards.count()) === 10, { message: 'demo home has no 10 cards' });
      const brand = await textOf(page.locator(`${R} header.np-header a.np-brand`));
      assert.ok(brand.length > 0);
      if (site) assert.equal(brand, norm(site.name));
      const items = list && (Array.isArray(list) ? list : list.items);
      if (items) {
        const sorted = [...items].sort((a, b) => Date.parse(b.published_at) - Date.parse(a.published_at));
        assert.deepEqual(await cardTitles(page), sorted.slice(0, 10).map((a) => norm(a.title)));
      }
      const pag = page.locator(`${LIST} nav.np-pagination`);
      await pageLink(pag, 3).waitFor({ state: 'attached' });
      await pageLink(pag, 3).click();
      await poll(() => new URL(page.url()).search === '?trang=3', { message: () => `URL ${page.url()}` });
      await poll(async () => (await cards.count()) >= 1, { message: 'demo page 3 is empty' });
      const foreign = page.requests.filter((u) => !u.startsWith(demo.origin) && !/^(data|blob):/.test(u));
      assert.deepEqual(foreign, [], 'demo mode fetched from other origins');
      page.assertNoErrors();
    } finally {
      await page.context().close();
    }
  });
});

describe('deployment variants', () => {
  test('strict CSP (docs/delivery.md) with the API on another origin: no violation', T, async () => {
    const st = await startStack({
      apiBase: true,
      csp: ({ apiOrigin }) =>
        `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: ${apiOrigin}; ` +
        `connect-src 'self' ${apiOrigin}; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'`,
    });
    const page = await newPage(browser);
    try {
      const violations = [];
      await page.exposeFunction('__npCsp', (v) => violations.push(v));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => window.__npCsp(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(st.href('/bai-viet/' + FIXTURE_ID + '/' + FIXTURE_SLUG));
      await waitForReader(page);
      await see(page, page.locator(`${R} h1.np-article__title`));
      await see(page, region(page, 'Thống kê truy cập').getByRole('definition').first());
      // The hit is the reader's last request, after the chunks and the later sheet.
      await poll(() => st.backend.hits.some((h) => h.article_id === FIXTURE_ID), { message: 'no hit for the article' });
      await imagesSettled(page);
      assert.deepEqual(violations, []);
      page.assertNoErrors();
    } finally {
      await page.context().close();
      await st.close();
    }
  });

  test('data-base-path /tin/: routes and links live under the base path', T, async () => {
    const st = await startStack({ apiBase: true, basePath: '/tin/' });
    const page = await newPage(browser);
    try {
      const d = st.backend.data;
      await page.goto(st.href('/'));
      await waitForReader(page);
      const cards = page.locator(`${LIST} article.np-card`);
      await poll(async () => (await cards.count()) === 10, { message: async () => `base path home: ${await describeView(page)}` });
      const href = await cards.first().locator('a.np-card__title').getAttribute('href');
      assert.equal(new URL(href, page.url()).pathname, `/tin/bai-viet/${d.articles[0].id}/${d.articles[0].slug}`);
      const brandHref = await page.locator(`${R} a.np-brand`).getAttribute('href');
      assert.equal(new URL(brandHref, page.url()).pathname, '/tin/');
      await page.goto(st.href(`/bai-viet/${d.articles[0].id}/${d.articles[0].slug}`));
      await see(page, page.locator(`${R} h1.np-article__title`));
      assert.equal(await textOf(page.locator(`${R} h1.np-article__title`)), norm(d.articles[0].title));
      await poll(() => st.backend.hits.some((h) => h.article_id === d.articles[0].id), { message: () => `hits ${JSON.stringify(st.backend.hits)}` });
      const hit = st.backend.hits.find((h) => h.article_id === d.articles[0].id);
      assert.equal(hit.path, `/bai-viet/${d.articles[0].id}/${d.articles[0].slug}`, 'hit path is relative to the base path');
      page.assertNoErrors();
    } finally {
      await page.context().close();
      await st.close();
    }
  });
});
