// Accessibility: axe-core on every route of the reader (its open shadow root included),
// in light and dark mode, in Vietnamese and English; focus after a card click; the skip link.
//
//   node --test tests/e2e/a11y.test.mjs        (needs dist/: run scripts/build first)
//
// axe is injected with page.addScriptTag, which a strict CSP would block: these pages are
// served WITHOUT a Content-Security-Policy. Any violation fails (printed: rule, impact,
// help, target nodes). Routes are visited in-app (history.pushState + popstate) after one
// page load per variant, so axe is injected once per variant.
import { test, describe, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import {
  launchBrowser, newPage, waitForReader, textOf, poll, see, shadowActiveElement, describeView, DIST,
} from './harness.mjs';
import { startBackend } from '../server/backend.mjs';
import { startStatic } from '../server/static.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const T = { timeout: 90_000 };
const R = '[data-news-portal]';
const MAIN = `${R} main#np-main`;
const CAROUSEL_ID = '2022-0818-1';
const CAROUSEL_PATH = `/bai-viet/${CAROUSEL_ID}/hoi-nghi-tap-huan-cong-tac-thong-tin-doi-ngoai-nam-2022`;

let browser;
let backend;
const statics = {};
const pages = [];
const tally = { runs: 0, routes: new Set(), variants: new Set(), violations: 0 };

before(async () => {
  browser = await launchBrowser();
  backend = await startBackend({ port: 0 });
  statics.vi = await startStatic({ dir: DIST, port: 0, apiBase: backend.url });
  statics.en = await startStatic({ dir: DIST, port: 0, apiBase: backend.url, attrs: { 'data-lang': 'en' } });
});
after(async () => {
  for (const s of Object.values(statics)) await s.close().catch(() => {});
  await backend?.close();
  await browser?.close();
  const line = `axe-core: ${tally.routes.size} routes × ${tally.variants.size} variants (${tally.runs} runs), ${tally.violations} violations`;
  console.log(line);
});
afterEach(async () => {
  while (pages.length) await pages.pop().context().close().catch(() => {});
});

const href = (lang, p) => statics[lang].url.replace(/\/$/, '') + p;

/**
 * The routes, each with the h1 it must show when ready (per language) and, optionally,
 * something else to wait for.
 */
function routes() {
  const a = backend.getArticle(CAROUSEL_ID);
  const cat = backend.data.site.categories.find((c) => c.slug === 'bien-dao');
  return [
    { name: 'home', path: '/', h1: { vi: 'Tin mới nhất', en: 'Latest news' }, also: `${R} section.np-hot .np-hot__list a` },
    { name: 'home page 2', path: '/?trang=2', h1: { vi: 'Tin mới nhất', en: 'Latest news' }, also: `${MAIN} nav.np-pagination [aria-current="page"]:text-is("2")` },
    { name: 'category', path: '/chuyen-muc/bien-dao', h1: { vi: cat.name, en: cat.name }, also: `${MAIN} article.np-card` },
    { name: 'article (carousel)', path: CAROUSEL_PATH, h1: { vi: a.title, en: a.title }, also: `${MAIN} section.np-carousel .np-carousel__slide`, also2: `${MAIN} section.np-other article.np-card` },
    // The same article scrolled to the bottom: the back-to-top button is shown.
    { name: 'article, scrolled (back to top shown)', path: CAROUSEL_PATH, h1: { vi: a.title, en: a.title }, scrolled: true },
    { name: 'search with results', path: '/tim-kiem?q=hoi%20nghi', h1: { vi: 'Kết quả tìm kiếm: “hoi nghi”', en: 'Search results: “hoi nghi”' }, also: `${MAIN} .np-card__title mark` },
    { name: 'search without results', path: '/tim-kiem?q=zzqxw', h1: { vi: 'Kết quả tìm kiếm: “zzqxw”', en: 'Search results: “zzqxw”' }, also: `${MAIN} .np-list__empty` },
    { name: 'day with news', path: '/ngay/2022-08-18', h1: { vi: 'Tin ngày 18/08/2022', en: 'News of 18 Aug 2022' }, also: `${MAIN} article.np-card` },
    { name: 'day without news', path: '/ngay/2022-08-17', h1: { vi: 'Tin ngày 17/08/2022', en: 'News of 17 Aug 2022' }, also: `${MAIN} .np-list__empty` },
    { name: 'not found', path: '/khong-co-trang-nay', h1: { vi: 'Không tìm thấy trang', en: 'Page not found' } },
    { name: 'unknown article', path: '/bai-viet/khong-ton-tai/x', h1: { vi: 'Không tìm thấy bài viết', en: 'Article not found' } },
  ];
}

/** Go to an app path in-app (as the router's own links do: pushState + popstate). */
async function goInApp(page, p) {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, p);
}

/** Everything on the route has loaded: its h1, no skeleton anywhere in the reader, the extras. */
async function ready(page, route, lang) {
  const h1 = page.locator(`${MAIN} h1`).first();
  await poll(async () => (await h1.count()) && (await textOf(h1)) === route.h1[lang], {
    message: async () => `${route.name} (${lang}): h1 "${await textOf(h1).catch(() => '?')}", expected "${route.h1[lang]}"; <main>: ${await describeView(page)}`,
  });
  await poll(async () => (await page.locator(`${R} [aria-busy="true"]`).count()) === 0, { message: `${route.name}: still loading` });
  await see(page, page.locator(`${R} section.np-visitors dl`));
  await see(page, page.locator(`${R} footer.np-footer`));
  for (const sel of [route.also, route.also2].filter(Boolean)) await see(page, page.locator(sel).first());
  if (route.scrolled) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await see(page, page.locator(`${R} button.np-back-to-top`));
  } else {
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  // Let transitions (back-to-top, focus) settle.
  await page.waitForTimeout(150);
}

/** Run axe on the whole document (open shadow roots included); violations, readable. */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | '),
        html: n.html.replace(/\s+/g, ' ').slice(0, 200),
        why: (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 300),
      })),
    }));
  });
}

function formatViolations(list) {
  return list
    .map(({ where, v }) => `  [${where}] ${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.slice(0, 5).map((n) => `      ${n.target}\n        ${n.html}\n        ${n.why}`).join('\n') +
      (v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more nodes` : ''))
    .join('\n');
}

const VARIANTS = [
  { name: 'vi, light', lang: 'vi', colorScheme: 'light' },
  { name: 'vi, dark', lang: 'vi', colorScheme: 'dark' },
  { name: 'en, light', lang: 'en', colorScheme: 'light' },
  { name: 'en, dark', lang: 'en', colorScheme: 'dark' },
  { name: 'vi, light, 360 px', lang: 'vi', colorScheme: 'light', viewport: { width: 360, height: 740 } },
];

describe('axe-core on every route', () => {
  for (const variant of VARIANTS) {
    test(`axe: ${variant.name}`, T, async (t) => {
      const page = await newPage(browser, {
        colorScheme: variant.colorScheme,
        ...(variant.viewport ? { viewport: variant.viewport } : {}),
        // The unknown article is a 404 from the API by design.
        allow: [/\/articles\/khong-ton-tai\b/],
      });
      pages.push(page);
      const found = [];
      let first = true;
      for (const route of routes()) {
        if (first) {
          await page.goto(href(variant.lang, route.path));
          await waitForReader(page);
          first = false;
        } else {
          await goInApp(page, route.path);
        }
        await ready(page, route, variant.lang);
        await page.waitForTimeout(route.scrolled ? 300 : 0); // the button fades in
        const violations = await axe(page);
        tally.runs += 1;
        tally.routes.add(route.name);
        tally.variants.add(variant.name);
        tally.violations += violations.length;
        for (const v of violations) found.push({ where: `${variant.name} · ${route.name} ${route.path}`, v });
      }
      t.diagnostic(`${routes().length} routes, ${found.length} violations`);
      page.assertNoErrors();
      assert.equal(found.length, 0, `axe violations:\n${formatViolations(found)}`);
    });
  }
});

describe('focus', () => {
  test('after a click on a card, the article h1 has focus (shadowRoot.activeElement); also with Enter', T, async () => {
    for (const how of ['click', 'Enter']) {
      const page = await newPage(browser);
      pages.push(page);
      await page.goto(href('vi', '/'));
      await waitForReader(page);
      const link = page.locator(`${MAIN} section.np-list article.np-card a.np-card__title`).first();
      await see(page, link);
      const title = await textOf(link);
      if (how === 'click') await link.click();
      else {
        await link.focus();
        await page.keyboard.press('Enter');
      }
      await see(page, page.locator(`${MAIN} h1.np-article__title`));
      await poll(async () => {
        const a = await shadowActiveElement(page);
        return a && a.tag === 'h1' && /np-article__title/.test(a.className) && a.text === title;
      }, { message: async () => `${how}: focus on ${JSON.stringify(await shadowActiveElement(page))}, not the article h1 "${title}"` });
      // The h1 is focusable by script only and shows no ring for it.
      assert.equal(await page.locator(`${MAIN} h1.np-article__title`).getAttribute('tabindex'), '-1');
      page.assertNoErrors();
    }
  });

  test('skip link: first tab stop, visible when focused, moves focus to main#np-main (vi and en)', T, async () => {
    for (const [lang, text] of [['vi', 'Bỏ qua để xem nội dung'], ['en', 'Skip to main content']]) {
      const page = await newPage(browser, { viewport: { width: 360, height: 740 } });
      pages.push(page);
      await page.goto(href(lang, '/'));
      await waitForReader(page);
      await see(page, page.locator(`${MAIN} article.np-card`).first());
      const skip = page.locator(`${R} a.np-skip`);
      assert.equal(await textOf(skip), text);
      // Hidden until focused.
      const box0 = await skip.boundingBox();
      assert.ok(!box0 || box0.y + box0.height <= 0 || box0.x + box0.width <= 0 || (box0.width <= 1 && box0.height <= 1),
        `skip link visible before focus: ${JSON.stringify(box0)}`);
      await page.keyboard.press('Tab');
      const f = await shadowActiveElement(page);
      assert.ok(f && /np-skip/.test(f.className), `first tab stop: ${JSON.stringify(f)}`);
      const box = await skip.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= 740 && box.x >= 0 && box.x + box.width <= 360, `focused skip link not in view: ${JSON.stringify(box)}`);
      await page.keyboard.press('Enter');
      await poll(async () => {
        const a = await shadowActiveElement(page);
        return a && a.tag === 'main';
      }, { message: async () => `after the skip link, focus on ${JSON.stringify(await shadowActiveElement(page))}` });
      assert.equal(await page.evaluate(() => document.querySelector('[data-news-portal]').shadowRoot.activeElement.id), 'np-main');
      // The next tab stop is inside main, past the header.
      await page.keyboard.press('Tab');
      const inMain = await page.evaluate(() => {
        const el = document.querySelector('[data-news-portal]').shadowRoot.activeElement;
        return !!(el && el.closest('main#np-main'));
      });
      assert.ok(inMain, `the tab after the skip link left main: ${JSON.stringify(await shadowActiveElement(page))}`);
      page.assertNoErrors();
    }
  });
});
