// The reader on a real WordPress (issue 12): Debian's WordPress and MariaDB,
// started privately by tests/wordpress/wp.sh, seeded by seed.php, stopped at
// the end. Every figure asserted here comes from WordPress' own answers.
//
//   node --test tests/e2e/wordpress.test.mjs   (needs dist/ and scripts/setup --browser)
import { test, describe, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { startHost } from '../server/host.mjs';
import { launchBrowser, newPage, waitForReader, waitForText, poll, see, textsOf, vnDateTime, requestUrl, freePort, imagesSettled, recordCsp, assertCspLive, DIST, REPO_ROOT } from './harness.mjs';
import { startStatic } from '../server/static.mjs';

const T = { timeout: 60_000 };
const R = '[data-news-portal]';
const MAIN = `${R} main#np-main`;
const LIST = `${MAIN} section.np-list:not(.np-other)`;
const WP_SH = path.join(REPO_ROOT, 'tests', 'wordpress', 'wp.sh');

let browser, wp, wpDir, stat, restRouteStat;
const pages = [];

/** WordPress' own answer, for the figures the reader must show. */
async function wpGet(route) {
  const res = await fetch(`${wp}/wp-json${route}`);
  return { json: await res.json(), total: Number(res.headers.get('x-wp-total')) };
}

/** A seeded post by its slug (WordPress' search leaves out protected posts). */
async function postBySlug(slug) {
  const { json } = await wpGet(`/wp/v2/posts?slug=${slug}`);
  assert.equal(json.length, 1, `no post "${slug}" in WordPress`);
  return json[0];
}

before(async () => {
  wpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'np-wp-'));
  wp = execFileSync(WP_SH, ['start', wpDir, String(await freePort())], { encoding: 'utf8', timeout: 120_000 }).trim();
  const attrs = { 'data-backend': 'wordpress' };
  stat = await startStatic({ dir: DIST, port: 0, apiBase: `${wp}/wp-json`, attrs });
  restRouteStat = await startStatic({ dir: DIST, port: 0, apiBase: `${wp}/?rest_route=`, attrs });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stat?.close();
  await restRouteStat?.close();
  if (wpDir) execFileSync(WP_SH, ['stop', wpDir]);
  if (wpDir) fs.rmSync(wpDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});
afterEach(async () => {
  while (pages.length) await pages.pop().context().close().catch(() => {});
});

async function open(p, opts = {}) {
  const page = await newPage(browser, opts);
  pages.push(page);
  await page.goto((opts.stat ?? stat).origin + p);
  await waitForReader(page);
  return page;
}

async function cards(page, n) {
  const loc = page.locator(`${LIST} article.np-card`);
  await poll(async () => (await loc.count()) === n, { message: async () => `expected ${n} cards, saw ${await loc.count()} at ${page.url()}` });
  return loc;
}

describe('the reader on a real WordPress', () => {
  test('home: WordPress totals page the list, sticky post in "Tin nóng", site name, no visitor widget, no hit', T, async () => {
    const { json: newest, total } = await wpGet('/wp/v2/posts?per_page=10');
    assert.equal(total, 35);
    const page = await open('/');
    const list = await cards(page, 10);
    // Newest first, as WordPress sends them.
    assert.equal(newest[0].title.rendered, 'Tin mới trong ngày');
    await see(page, list.first().getByText('Tin mới trong ngày'));
    await see(page, list.nth(1).getByText(newest[1].title.rendered));
    await waitForText(page, 'Cổng TTĐN tỉnh Thử nghiệm', { selector: `${R} header` });
    await waitForText(page, 'Thông tin đối ngoại của tỉnh – bản thử nghiệm', { selector: `${R} header` });
    await see(page, page.locator(`${R} .np`).getByText('Tin nóng: tỉnh đón đoàn công tác nước bạn').first());
    const nav = page.getByRole('navigation', { name: /phân trang/i });
    await see(page, nav.getByRole('link', { name: /4/ }).first());
    assert.equal(await page.getByRole('heading', { name: 'Thống kê truy cập' }).count(), 0, 'visitor widget shown for WordPress');
    assert.equal(await page.locator(`${R} .np`).getByText(/Lượt xem/).count(), 0, 'view counts shown for WordPress');
    await nav.getByRole('link', { name: /4/ }).first().click();
    await cards(page, 5);
    assert.deepEqual(page.requests.filter((u) => /stats\/hit/.test(u)), []);
    // The loader fetched the WordPress build (decision 0007), which has no Portal API client.
    const { builds } = JSON.parse(fs.readFileSync(path.join(DIST, 'asset-manifest.json'), 'utf8')).entry;
    assert.ok(page.requests.some((u) => u.endsWith('/' + builds.wordpress.wasm)), `the WordPress build was not fetched: ${page.requests.filter((u) => u.endsWith('.wasm'))}`);
    page.assertNoErrors();
  });

  test('category by slug; empty categories skipped', T, async () => {
    const page = await open('/chuyen-muc/hop-tac-quoc-te');
    const { json: cats } = await wpGet('/wp/v2/categories?slug=hop-tac-quoc-te');
    const { total } = await wpGet(`/wp/v2/posts?categories=${cats[0].id}`);
    await see(page, page.locator(`${MAIN} h1`, { hasText: 'Hợp tác quốc tế' }));
    await cards(page, Math.min(total, 10));
    const menu = page.locator(`${R} nav`).first();
    await see(page, menu.getByRole('link', { name: 'Biên giới & Biển đảo' }));
    assert.equal(await page.locator(`${R} .np`).getByRole('link', { name: 'Chuyên mục trống' }).count(), 0);
    page.assertNoErrors();
  });

  test('article: author, tags, caption, dates at +07:00 on a device in New York, related posts', T, async () => {
    const post = await postBySlug('tin-doi-ngoai-so-6-cua-tinh');
    const updated = await postBySlug('bai-viet-co-cap-nhat');
    const page = await open(`/bai-viet/${updated.id}/${updated.slug}`, { timezoneId: 'America/New_York' });
    const main = page.locator(MAIN);
    await see(page, main.locator('h1', { hasText: 'Bài viết có cập nhật' }));
    await see(page, main.getByText(vnDateTime(`${updated.date_gmt}Z`)).first());
    await see(page, main.getByText(vnDateTime(`${updated.modified_gmt}Z`)).first());
    assert.equal(vnDateTime(`${updated.date_gmt}Z`), '01/10/2026 10:00:00 SA');
    await see(page, main.getByText('Toàn cảnh hội nghị'));
    const img = main.locator('img').first();
    assert.deepEqual([await img.getAttribute('width'), await img.getAttribute('height')], ['800', '450']);

    // Related posts are a request of their own, asked after the article is
    // shown: held here, they keep nothing of the article waiting.
    let relatedAsked = false;
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(/[?&]exclude=/, async (route) => { relatedAsked = true; await held; await route.continue(); });
    await page.goto(`${stat.origin}/bai-viet/${post.id}/${post.slug}`);
    await see(page, main.locator('h1', { hasText: 'Tin đối ngoại số 6 của tỉnh' }));
    await poll(() => relatedAsked, { message: 'the related posts were never asked for' });
    assert.equal(await page.locator(`${MAIN} section.np-carousel`).count(), 0, 'a carousel before its posts arrived');
    release();
    const author = (await wpGet(`/wp/v2/users/${post.author}`)).json.name;
    await see(page, main.getByText(author).first());
    await see(page, main.getByRole('link', { name: 'Biên giới' }).or(main.getByText('Biên giới', { exact: true })).first());
    const { json: related } = await wpGet(`/wp/v2/posts?categories=${post.categories[0]}&exclude=${post.id}&per_page=5`);
    const carousel = page.locator(`${MAIN} section.np-carousel`);
    await see(page, carousel.getByText(related[0].title.rendered).first());
    page.assertNoErrors();
  });

  test('search without diacritics, and news by date at the day\'s edges', T, async () => {
    const page = await open('/tim-kiem?q=hoi%20nghi');
    const list = await cards(page, 5);
    for (const t of await textsOf(list.locator('h2, h3'))) assert.match(t, /Hội nghị/);
    await page.goto(`${stat.origin}/ngay/2026-11-20`);
    const day = await cards(page, 2);
    const titles = (await textsOf(day)).join(' | ');
    assert.match(titles, /Tin lúc 23:40 ngày 20\/11/);
    assert.match(titles, /Tin lúc 00:30 ngày 20\/11/);
    page.assertNoErrors();
  });

  test('unknown id, protected post, hostile title', T, async () => {
    // The hostile body's <img src=x> is a broken image on the site, harmless.
    const page = await open('/bai-viet/999999/khong-co', { allow: [/999999/, /:\d+\/x\)?$/] });
    await waitForText(page, 'Không tìm thấy bài viết', { selector: MAIN });
    const locked = await postBySlug('bai-viet-co-mat-khau');
    await page.goto(`${stat.origin}/bai-viet/${locked.id}/${locked.slug}`);
    await waitForText(page, 'được bảo vệ bằng mật khẩu', { selector: MAIN });
    const hostile = (await wpGet('/wp/v2/posts?search=Ti%C3%AAu%20%C4%91%E1%BB%81')).json[0];
    await page.goto(`${stat.origin}/bai-viet/${hostile.id}/${hostile.slug}`);
    const h1 = page.locator(`${MAIN} h1`);
    await see(page, h1);
    assert.equal((await h1.innerText()).trim(), 'Tiêu đề & “trích dẫn” – thử');
    assert.equal(await h1.locator('*').count(), 0, 'markup from the title became elements');
    // The body's broken <img src=x> has failed: any handler on it has run.
    await imagesSettled(page);
    assert.equal(await page.evaluate(() => window.__wpXss), undefined, 'the title or body ran script');
    page.assertNoErrors();
  });

  test('first view: the loader\'s requests are taken over, none asked twice; lists carry no bodies', T, async () => {
    const post = await postBySlug('tin-doi-ngoai-so-6-cua-tinh');
    for (const [s, p] of [[stat, '/'], [stat, `/bai-viet/${post.id}/${post.slug}`], [restRouteStat, '/']]) {
      const page = await open(p, { stat: s });
      // The whole first view: the list ("Tin khác" on an article) and the footer.
      if (p === '/') await cards(page, 10);
      else await see(page, page.locator(`${MAIN} section.np-other article.np-card`).first());
      await see(page, page.locator(`${R} footer`).first());
      const gets = page.requests.filter((u) => u.startsWith(wp) && !/\.(png|jpe?g|svg|webp)$/.test(u)).map(requestUrl);
      assert.equal(new Set(gets).size, gets.length, `${p}: a request made twice: ${gets.join(' ')}`);
      // A list asks for what its cards show, not for every post's body.
      const lists = gets.filter((u) => /per_page=10\b/.test(u));
      assert.ok(lists.length > 0, `${p}: no list asked for: ${gets.join(' ')}`);
      for (const u of lists) {
        const items = await (await fetch(u)).json();
        assert.ok(items.length > 0 && items.every((i) => !('content' in i) && i.title?.rendered), `${u} sent bodies`);
        assert.ok(items.some((i) => i._embedded?.['wp:featuredmedia'] && i._embedded?.['wp:term']), `${u} lost its embeds`);
      }
      page.assertNoErrors();
    }
  });

  test('a site without pretty permalinks: data-api-base="…/?rest_route="', T, async () => {
    const page = await open('/', { stat: restRouteStat });
    await cards(page, 10);
    assert.ok(page.requests.some((u) => u.includes('?rest_route=/wp/v2/posts')), 'not read through ?rest_route=');
    page.assertNoErrors();
  });

  test('embedded from a CDN origin into a portal page under a strict CSP: the WordPress build, no violation', T, async () => {
    // Three origins: the portal's page, the CDN (dist/ at localhost) and WordPress.
    const cdn = await startStatic({ dir: DIST, port: 0, basePath: '/portal/' });
    const cdnBase = `http://localhost:${cdn.port}/portal/`;
    const cdnOrigin = new URL(cdnBase).origin;
    const wpOrigin = new URL(wp).origin;
    const csp = `default-src 'self'; script-src 'self' ${cdnOrigin} 'wasm-unsafe-eval'; style-src 'self' ${cdnOrigin}; `
      + `img-src 'self' data: ${wpOrigin}; connect-src 'self' ${cdnOrigin} ${wpOrigin}`;
    const html = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng</title></head><body>'
      + `<div data-news-portal data-backend="wordpress" data-api-base="${wp}/wp-json" data-routing="hash"></div>`
      + `<script type="module" src="${cdnBase}news-portal.js"></script></body></html>`;
    const host = await startHost({ port: 0, csp, pages: { '/tin-tuc.html': { html } } });
    const page = await newPage(browser);
    pages.push(page);
    try {
      await recordCsp(page);
      await page.goto(host.href('/tin-tuc.html'));
      await waitForReader(page);
      await cards(page, 10);
      await page.locator(`${LIST} a.np-card__title`).first().click();
      await see(page, page.locator(`${MAIN} h1`));
      await imagesSettled(page);
      const { builds } = JSON.parse(fs.readFileSync(path.join(DIST, 'asset-manifest.json'), 'utf8')).entry;
      const wasm = [...new Set(page.requests.filter((u) => u.endsWith('_bg.wasm')))];
      assert.deepEqual(wasm, [cdnBase + builds.wordpress.wasm], 'the main wasm fetched');
      await assertCspLive(page);
      page.assertNoErrors();
    } finally {
      await host.close();
      await cdn.close();
    }
  });
});
