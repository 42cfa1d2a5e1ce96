// A real CMS article body in the browser (issue 11), in each routing mode:
// attachments, an in-page link, a YouTube embed (click to load), a wide table
// on a 360 px phone, a <video>, images without alt; axe-core on the result.
//
//   node --test tests/e2e/cms-body.test.mjs        (needs dist/: run scripts/build first)
import { test, describe, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { launchBrowser, newPage, waitForReader, poll, see, shadowActiveElement, recordCsp, assertCspLive, DIST, CMS_BODY, CMS_VIDEO_ID } from './harness.mjs';
import { startBackend } from '../server/backend.mjs';
import { startStatic } from '../server/static.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const T = { timeout: 90_000 };
const R = '[data-news-portal]';
const BODY = `${R} main#np-main .np-article__body`;
const PHONE = { width: 360, height: 740 };
const ID = '2019-0110-1';
const SLUG = 'nang-cao-chat-luong-hoat-dong-thong-tin-doi-ngoai-tren-dia-ban-tinh-lai-chau';
const YT = CMS_VIDEO_ID;

const MODES = {
  path: { attrs: {}, href: (p) => p },
  hash: { attrs: { 'data-routing': 'hash' }, href: (p) => `/#${p}` },
  query: { attrs: { 'data-routing': 'query' }, href: (p) => `/?np=${encodeURIComponent(p)}` },
};

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

async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`);
  });
}

/** The backend's article with the CMS body; YouTube answered by a stub, every request to it counted. */
async function openArticle(mode, { body = CMS_BODY, csp } = {}) {
  const backend = await startBackend({ port: 0 });
  const stat = await startStatic({ dir: DIST, port: 0, apiBase: backend.url, attrs: MODES[mode].attrs, csp: csp?.(backend.origin) });
  const page = await newPage(browser, { viewport: PHONE });
  pages.push(page);
  page.video = [];
  await recordCsp(page);
  await page.route(new RegExp(`/articles/${ID}(\\?|$)`), async (route) => {
    const res = await fetch(route.request().url());
    const json = { ...(await res.json()), body_html: body };
    await route.fulfill({ status: 200, headers: Object.fromEntries(res.headers), body: JSON.stringify(json) });
  });
  await page.route(/youtube|ytimg|googlevideo|media\.example|facebook/, async (route) => {
    page.video.push(route.request().url());
    await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>player</title><p>player</p>' });
  });
  await page.goto(stat.origin + MODES[mode].href(`/bai-viet/${ID}/${SLUG}`));
  await waitForReader(page);
  await see(page, page.locator(`${BODY} h2`).first());
  page.close2 = async () => {
    await stat.close();
    await backend.close();
  };
  return page;
}

for (const mode of Object.keys(MODES)) {
  describe(`CMS article body, ${mode} routing`, () => {
    test('attachments, in-page link, click-to-load video, wide table, media, axe', T, async () => {
      const page = await openArticle(mode);
      try {
        const body = page.locator(BODY);
        const startUrl = page.url();

        // Attachments say their type, and their name when the text does not.
        await see(page, body.getByRole('link', { name: 'Kế hoạch số 15/KH-UBND (PDF)', exact: true }));
        await see(page, body.getByRole('link', { name: 'Tải về (XLSX: phu-luc.xlsx)', exact: true }));

        // Nothing from the video's site before the click; a placeholder with the title.
        assert.deepEqual(page.video, [], 'requests to the video host before any click');
        assert.equal(await body.locator('iframe').count(), 0, 'an iframe before the click');
        const play = body.getByRole('button', { name: 'Phát video: Hội nghị thông tin đối ngoại 2024' });
        await see(page, play);
        const open = body.getByRole('link', { name: 'Xem trên YouTube' });
        assert.equal(await open.getAttribute('href'), `https://www.youtube.com/watch?v=${YT}`);

        // The wide table scrolls in its own labelled, focusable box; the page does not.
        const box = body.getByRole('region', { name: 'Bảng số liệu' });
        await see(page, box);
        const sizes = await box.evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth, tab: el.tabIndex }));
        assert.ok(sizes.sw > sizes.cw, `the table fits (${sizes.sw} <= ${sizes.cw}): not a wide table test`);
        assert.equal(sizes.tab, 0);
        const pageWidth = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        assert.ok(pageWidth[0] <= pageWidth[1], `the page scrolls sideways: ${pageWidth}`);
        await box.focus();
        await page.keyboard.press('ArrowRight');
        await poll(async () => (await box.evaluate((el) => el.scrollLeft)) > 0, { message: 'arrow keys do not scroll the table' });

        // A <video> is kept with controls, loads nothing, never plays by itself.
        const video = body.locator('video');
        assert.deepEqual(await video.evaluate((v) => [v.controls, v.preload, v.autoplay, v.paused]), [true, 'none', false, true]);

        // An image without alt is decorative.
        assert.equal(await body.locator('img').first().getAttribute('alt'), '');

        // axe: no violations on the whole page.
        const violations = await axe(page);
        assert.deepEqual(violations, [], `axe-core violations:\n${violations.join('\n')}`);

        // The in-page link scrolls to its target and focuses it; URL and history unchanged.
        const historyLength = await page.evaluate(() => history.length);
        await page.evaluate(() => window.scrollTo(0, 0));
        await body.getByRole('link', { name: '2. Tổ chức thực hiện' }).click();
        const target = body.locator('[id="muc-2"]');
        await poll(async () => target.evaluate((el) => el.getRootNode().activeElement === el), {
          message: async () => `focus is on ${JSON.stringify(await shadowActiveElement(page))}`,
        });
        assert.ok(await target.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }), 'target not in view');
        assert.equal(page.url(), startUrl, 'the in-page link changed the URL');
        assert.equal(await page.evaluate(() => history.length), historyLength, 'the in-page link added a history entry');
        await see(page, page.locator(`${R} main#np-main h1`));

        // Only the click loads the player, from youtube-nocookie, sandboxed.
        assert.deepEqual(page.video, []);
        await play.click();
        const frame = body.locator('iframe');
        await see(page, frame);
        assert.equal(await frame.getAttribute('src'), `https://www.youtube-nocookie.com/embed/${YT}?autoplay=1`);
        assert.equal(await frame.getAttribute('sandbox'), 'allow-scripts allow-same-origin allow-presentation allow-popups');
        assert.equal(await frame.getAttribute('allow'), 'fullscreen; picture-in-picture; encrypted-media');
        assert.equal(await frame.getAttribute('referrerpolicy'), 'strict-origin-when-cross-origin');
        assert.equal(await frame.getAttribute('title'), 'Hội nghị thông tin đối ngoại 2024');
        await poll(async () => page.video.some((u) => u.startsWith(`https://www.youtube-nocookie.com/embed/${YT}`)), {
          message: () => `player not requested: ${page.video}`,
        });
        assert.ok(page.video.every((u) => !/media\.example/.test(u)), `the <video> was fetched: ${page.video}`);

        // The PDF link leaves the reader for the file.
        await page.route('**/uploads/ke-hoach-15.pdf', (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'PDF' }));
        const pdf = body.getByRole('link', { name: 'Kế hoạch số 15/KH-UBND (PDF)' });
        const href = await pdf.getAttribute('href');
        assert.match(href, /^http:\/\/[^/]+\/uploads\/ke-hoach-15\.pdf$/);
        page.assertNoErrors();
        // The file is on the API's origin (the portal's media), so in the same tab.
        await Promise.all([page.waitForEvent('framenavigated'), pdf.click()]);
        await poll(async () => page.url() === href, { message: () => `at ${page.url()}, not the file` });
      } finally {
        await page.close2();
      }
    });
  });
}

// Issue 24: a language switch re-ran the body's effect, which disposed the
// video's signals while its button still read them: the next click panicked
// and killed the page. The player is now a view of the body like any other.
test('the video plays after any number of language switches', T, async () => {
  const page = await openArticle('path');
  try {
    const body = page.locator(BODY);
    const lang = page.locator(`${R} button.np-lang`);
    for (const name of ['English', 'Tiếng Việt', 'English', 'Tiếng Việt']) {
      await see(page, lang.getByText(name, { exact: true }));
      await lang.click();
    }
    // The table's name and the button follow the language, in place.
    await see(page, body.getByRole('region', { name: 'Bảng số liệu' }));
    await lang.click();
    await see(page, body.getByRole('region', { name: 'Table of figures' }));
    const play = body.getByRole('button', { name: 'Play video: Hội nghị thông tin đối ngoại 2024' });
    await play.click();
    await see(page, body.locator('iframe.np-video__player'));
    await poll(async () => page.video.some((u) => u.startsWith(`https://www.youtube-nocookie.com/embed/${YT}`)), {
      message: () => `player not requested: ${page.video}`,
    });
    await lang.click();
    await see(page, body.getByRole('region', { name: 'Bảng số liệu' }));
    assert.equal(await body.locator('iframe.np-video__player').count(), 1, 'the switch lost the player');
    page.assertNoErrors();
  } finally {
    await page.close2();
  }
});

// The README's promises for media: Facebook videos and <audio> in the
// browser, and both players under the policy docs/delivery.md documents.
test('Facebook and YouTube players and <audio> under the documented CSP (frame-src, media-src)', T, async () => {
  const fb = 'https://www.facebook.com/tinhlaichau/videos/1234567890/';
  const body = CMS_BODY
    + `<iframe src="https://www.facebook.com/plugins/video.php?href=${encodeURIComponent(fb)}&show_text=0" title="Phóng sự biên giới" width="560" height="314"></iframe>`
    + '<audio controls src="https://media.example/ban-tin.mp3"></audio>';
  // docs/delivery.md's standalone policy, the API's origin, and its two
  // additions for media.
  const csp = (api) => `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: ${api}; `
    + `connect-src 'self' ${api}; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'; `
    + 'frame-src https://www.youtube-nocookie.com https://www.facebook.com; media-src https://media.example';
  const page = await openArticle('path', { body, csp });
  try {
    const main = page.locator(BODY);
    const audio = main.locator('audio');
    await see(page, audio);
    assert.deepEqual(await audio.evaluate((a) => [a.controls, a.preload, a.autoplay, a.paused]), [true, 'none', false, true]);

    await main.getByRole('button', { name: 'Phát video: Hội nghị thông tin đối ngoại 2024' }).click();
    await poll(async () => page.video.some((u) => u.startsWith(`https://www.youtube-nocookie.com/embed/${YT}`)), { message: () => `YouTube not requested: ${page.video}` });
    await main.getByRole('button', { name: 'Phát video: Phóng sự biên giới' }).click();
    const player = main.locator('iframe[src^="https://www.facebook.com/plugins/video.php"]');
    await see(page, player);
    assert.ok((await player.getAttribute('src')).includes(encodeURIComponent(fb)), await player.getAttribute('src'));
    await poll(async () => page.video.some((u) => u.startsWith('https://www.facebook.com/plugins/video.php')), { message: () => `Facebook not requested: ${page.video}` });
    assert.ok(page.video.every((u) => !u.includes('media.example')), `the <audio> or <video> was fetched: ${page.video}`);

    await assertCspLive(page);
    page.assertNoErrors();
  } finally {
    await page.close2();
  }
});
