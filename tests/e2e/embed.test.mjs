// "Embed anywhere, serve from any CDN": the reader embedded by the one-tag snippet
// in a portal page, with THREE origins:
//   host page  http://127.0.0.1:H   tests/server/host.mjs (pages from tests/embed/)
//   assets     http://localhost:C/portal/   dist/ through tests/server/static.mjs (the "CDN")
//   API        http://127.0.0.1:B/api/v1/   tests/server/backend.mjs
// Every host page is served with a strict CSP (no 'unsafe-inline'), and every test
// fails on a CSP violation, a console error or a page error.
//
//   node --test tests/e2e/embed.test.mjs        (needs dist/: run scripts/build first)
import { test, describe, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  launchBrowser, newPage, waitForReader, textOf, norm, poll, see, describeView, DIST, region, readDemoJson, assertCspLive,
} from './harness.mjs';
import { startStatic } from '../server/static.mjs';
import { startBackend } from '../server/backend.mjs';
import { startHost, BOOTSTRAP_CSS } from '../server/host.mjs';

const T = { timeout: 60_000 };
const R = '[data-news-portal]'; // Playwright CSS locators pierce the open shadow root
const LIST = `${R} section.np-list:not(.np-other)`;
const CARD_TITLE = `${LIST} article.np-card a.np-card__title`;
const ARTICLE_TITLE = `${R} h1.np-article__title`;

let browser;
let backend;
let cdn; // static server of dist/ under /portal/
let cdnBase; // http://localhost:C/portal/
let cdnOrigin;
let host;
let csp;
let articles; // the backend's summaries, newest first
const pages = [];

// ---- host pages -------------------------------------------------------------------

const HOSTILE_STYLES = [
  '<link rel="stylesheet" href="/css/bootstrap.min.css">',
  '<link rel="stylesheet" href="/css/hostile.css">',
  '<link rel="stylesheet" href="/css/layout.css">',
].join('\n');
const HOST_TITLE = 'Cổng thông tin điện tử tỉnh (trang chủ nhúng trang tin)';
const PLAIN_STYLES = '<link rel="stylesheet" href="/css/layout.css">';
const THEMED_STYLES = HOSTILE_STYLES + '\n<link rel="stylesheet" href="/css/theme.css">';

/** The one-tag embed: the element (settings as attributes) ... */
function readerTag(attrs = {}, extra = '') {
  const all = { 'data-api-base': backend.url, ...attrs };
  const a = Object.entries(all).map(([k, v]) => ` ${k}="${v}"`).join('');
  return `<div class="reader-slot" data-news-portal${a}>${extra}</div>`;
}
/** ... and the loader from the CDN. */
const scriptTag = () => `<script type="module" src="${cdnBase}news-portal.js"></script>`;

function hostPages() {
  const underBase = `/tin-tuc/bai-viet/${articles[1].id}/${articles[1].slug}`;
  const page = (styles, reader, script = scriptTag()) => ({
    template: 'portal.html',
    vars: { STYLES: styles, READER: reader, SCRIPT: script, UNDER_BASE_HREF: underBase },
  });
  return {
    // Hash routing, Bootstrap + hostile CSS. No rewrite: only /hash.html exists.
    '/hash.html': page(HOSTILE_STYLES, readerTag({ 'data-routing': 'hash' })),
    // The same reader on a page with no global CSS (style comparison).
    '/plain.html': page(PLAIN_STYLES, readerTag({ 'data-routing': 'hash' })),
    // The hostile page without the reader (outward isolation).
    '/no-reader.html': page(HOSTILE_STYLES, '', ''),
    // The loader without any [data-news-portal] element.
    '/no-element.html': page(HOSTILE_STYLES, ''),
    // Theming with custom properties on the host element (tests/embed/theme.css).
    '/themed.html': page(THEMED_STYLES, readerTag({ 'data-routing': 'hash' })),
    // Query routing. No rewrite.
    '/query.html': page(HOSTILE_STYLES, readerTag({ 'data-routing': 'query' })),
    // Path routing under /tin-tuc: the server answers every /tin-tuc/* with this page.
    '/tin-tuc.html': page(HOSTILE_STYLES, readerTag({ 'data-base-path': '/tin-tuc' })),
    // Two elements: only the first is the reader's.
    '/two.html': page(
      HOSTILE_STYLES,
      readerTag({ 'data-routing': 'hash', id: 'first-reader' }) +
        '\n' +
        readerTag({ 'data-routing': 'hash', id: 'second-reader' }, '<p id="second-content">Nội dung có sẵn của cổng</p>'),
    ),
    '/lien-he.html': { template: 'lien-he.html', vars: { STYLES: HOSTILE_STYLES } },
    // Breaks the CSP on purpose: proves the violation recorder works.
    '/csp-canary.html': {
      html: '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>canary</title>' +
        '<link rel="icon" href="/img/host-logo.svg" type="image/svg+xml"></head>' +
        '<body><p id="canary" style="color: red">inline style</p><script>document.title = "inline script ran";</script></body></html>',
    },
  };
}

// ---- helpers ------------------------------------------------------------------------

/**
 * A page that records CSP violations: `securitypolicyviolation` events (document and
 * window, in every document the page loads) and console messages "Refused to ..." /
 * "Content Security Policy". `page.csp` lists them.
 */
async function cspPage(opts = {}) {
  const page = await newPage(browser, opts);
  pages.push(page);
  page.csp = [];
  await page.exposeFunction('__npCspViolation', (v) => page.csp.push(v));
  await page.addInitScript(() => {
    const seen = new WeakSet();
    const rec = (e) => {
      if (seen.has(e)) return;
      seen.add(e);
      window.__npCspViolation(`${e.effectiveDirective || e.violatedDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile || e.documentURI}:${e.lineNumber}`);
    };
    document.addEventListener('securitypolicyviolation', rec, true);
    window.addEventListener('securitypolicyviolation', rec, true);
  });
  page.on('console', (m) => {
    if (/Refused to|Content Security Policy/i.test(m.text())) page.csp.push(`console ${m.type()}: ${m.text()}`);
  });
  return page;
}

/** No CSP violation (event, console, or report sent to the host), no console/page error. */
async function assertClean(page) {
  // A positive signal instead of a pause: a request of our own that the
  // policy must refuse. Its event, console line and report come after any
  // of the reader's, and they show that the policy was live on this page.
  await assertCspLive(page);
  const sentinel = (v) => JSON.stringify(v).includes('csp-sentinel');
  await poll(() => host.cspReports.some(sentinel), { message: () => `no report of the refused sentinel request: ${JSON.stringify(host.cspReports)}` });
  assert.deepEqual(host.cspReports.filter((v) => !sentinel(v)), [], 'CSP reports sent to the host page server');
  // A Portal API page downloads the Portal API's build only (decision 0007).
  const wasm = (page.requests || []).filter((u) => u.endsWith('_bg.wasm'));
  assert.ok(wasm.every((u) => /\/news_portal-[0-9a-f]+_bg\.wasm$/.test(u)), `wasm fetched: ${wasm}`);
  page.assertNoErrors();
}

async function waitForCards(page) {
  await see(page, page.locator(CARD_TITLE).first());
}

async function expectArticle(page, a) {
  await see(page, page.locator(ARTICLE_TITLE));
  await poll(async () => (await textOf(page.locator(ARTICLE_TITLE))) === norm(a.title), {
    message: async () => `article title at ${page.url()} is "${await textOf(page.locator(ARTICLE_TITLE)).catch(() => '?')}", expected "${a.title}"`,
  });
}

async function expectList(page) {
  await waitForCards(page);
  await poll(async () => (await page.locator(ARTICLE_TITLE).count()) === 0, {
    message: async () => `an article is still shown at ${page.url()}: ${await describeView(page)}`,
  });
}

/** The first <img> of each selector in the reader has loaded (or failed): lazy ones are scrolled to first. */
async function settleImages(page, selectors) {
  const imgs = selectors.filter((sel) => /\bimg\b/.test(sel));
  await page.evaluate((imgs) => {
    const sr = document.querySelector('[data-news-portal]').shadowRoot;
    for (const sel of imgs) sr.querySelector(sel)?.scrollIntoView({ block: 'center' });
  }, imgs);
  await poll(
    () => page.evaluate((imgs) => {
      const sr = document.querySelector('[data-news-portal]').shadowRoot;
      return imgs.map((sel) => sr.querySelector(sel)).every((i) => !i || i.complete);
    }, imgs),
    {
      message: () =>
        page.evaluate((imgs) => {
          const sr = document.querySelector('[data-news-portal]').shadowRoot;
          return 'images of the reader still loading: ' + imgs.map((sel) => sr.querySelector(sel)).filter((i) => i && !i.complete).map((i) => `${i.loading} ${i.currentSrc || i.src}`).join(', ');
        }, imgs),
    },
  );
  await page.evaluate(() => window.scrollTo(0, 0));
}

const setMarker = (page) => page.evaluate(() => { window.__marker = 'still-the-same-document'; });
const marker = (page) => page.evaluate(() => window.__marker ?? null);

/** Article summary whose card title link is the first in the list (newest). */
const first = () => articles[0];

// Properties compared between pages (computed values).
const PROPS = [
  'color', 'background-color', 'background-image', 'font-family', 'font-size', 'font-weight', 'font-style',
  'line-height', 'letter-spacing', 'text-transform', 'text-decoration-line', 'text-align', 'white-space',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-bottom-style', 'border-top-color', 'border-bottom-color',
  'box-sizing', 'display', 'position', 'list-style-type', 'outline-style', 'width', 'height', 'opacity', 'visibility',
];

/**
 * Computed styles (and box sizes) of the first match of each selector, inside the
 * reader's shadow root (inShadow) or in the document.
 */
async function styleSnapshot(page, selectors, { inShadow, rect = true, props = PROPS }) {
  return page.evaluate(
    ({ selectors, inShadow, rect, props }) => {
      const root = inShadow ? document.querySelector('[data-news-portal]').shadowRoot : document;
      const out = {};
      for (const sel of selectors) {
        const el = root.querySelector(sel);
        if (!el) {
          out[sel] = null;
          continue;
        }
        const cs = getComputedStyle(el);
        const s = {};
        for (const p of props) s[p] = cs.getPropertyValue(p);
        if (rect) {
          const r = el.getBoundingClientRect();
          s['(box width)'] = Math.round(r.width * 2) / 2;
          s['(box height)'] = Math.round(r.height * 2) / 2;
        }
        out[sel] = s;
      }
      return out;
    },
    { selectors, inShadow, rect, props },
  );
}

/** Differences between two snapshots, one line each. */
function diffSnapshots(a, b, nameA, nameB) {
  const lines = [];
  for (const sel of Object.keys(a)) {
    if (!a[sel] && !b[sel]) continue; // absent from both (checked separately where needed)
    if (!a[sel]) {
      lines.push(`${sel}: missing on ${nameA}`);
      continue;
    }
    if (!b[sel]) {
      lines.push(`${sel}: missing on ${nameB}`);
      continue;
    }
    for (const p of Object.keys(a[sel])) {
      if (a[sel][p] !== b[sel][p]) lines.push(`${sel} ${p}: ${nameA} ${a[sel][p]} | ${nameB} ${b[sel][p]}`);
    }
  }
  return lines;
}

function reportDiffs(lines, what) {
  if (!lines.length) return;
  const shown = lines.slice(0, 60);
  assert.fail(`${what}: ${lines.length} difference(s)\n  ${shown.join('\n  ')}${lines.length > shown.length ? `\n  … ${lines.length - shown.length} more` : ''}`);
}

/**
 * Differences of the reader's styles on `plain` vs `hostile`; when there are some, also
 * those that remain with the hostile page's root font-size forced to 16px (a diagnosis:
 * rem units inside a shadow root follow the host document's <html>).
 */
async function compareReader(plain, hostile, selectors, plainSnap) {
  const diffs = diffSnapshots(plainSnap, await styleSnapshot(hostile, selectors, { inShadow: true }), 'plain page', 'Bootstrap+hostile page');
  let withRootAt16px = [];
  if (diffs.length) {
    await hostile.evaluate(() => document.documentElement.style.setProperty('font-size', '16px', 'important'));
    withRootAt16px = diffSnapshots(plainSnap, await styleSnapshot(hostile, selectors, { inShadow: true }), 'plain page', 'Bootstrap+hostile page');
    await hostile.evaluate(() => document.documentElement.style.removeProperty('font-size'));
  }
  return { diffs, withRootAt16px };
}

// Reader elements compared with and without the host's global CSS.
const READER_HOME = [
  '.np-host', '.np', 'header.np-header', '.np-header__bar', 'a.np-brand', '.np-brand__name', 'nav.np-nav', 'a.np-nav__link',
  'section.np-hot', '.np-hot__label', 'button.np-hot__pause',
  'h1.np-page-title', 'article.np-card', 'a.np-card__media', 'img.np-card__thumb', '.np-card__heading', 'a.np-card__title',
  '.np-card__summary', '.np-card__meta', '.np-card__category', 'time', 'nav.np-pagination', 'a.np-pagination__page', 'a.np-pagination__next',
  'aside.np-aside', 'h2.np-section-title', 'dl.np-visitors__list', 'dl.np-visitors__list dt', 'h3.np-links__name', 'ul.np-links__list',
  '.np-links__list li', '.np-links__list a', 'footer.np-footer', 'p.np-footer__name', 'p.np-footer__line', '.np-footer__line a',
  'img.np-badges__img', 'a.np-skip',
];
const READER_ARTICLE = [
  '.np', 'article.np-article', 'h1.np-article__title', '.np-article__meta', '.np-article__lead', '.np-article__image',
  '.np-article__body', '.np-article__body p', '.np-article__body a', '.np-article__body img', '.np-article__body ul',
  '.np-article__body li', '.np-article__body h2',
];
// Host elements compared with and without the reader on the page.
const HOST_ELEMENTS = [
  'html', 'body', '#host-header', '#host-logo', '#host-title', '#host-tagline', '#host-navbar', '#host-brand', '#host-nav-contact',
  '#host-sidebar', '#host-sidebar-title', '.host-links li', '#host-link-contact', '#host-para', '#host-photo', '#host-btn', '#host-box',
  '#host-footer-text', '#host-footer-link',
];
// Of those, the ones whose box does not depend on the page's height.
const HOST_NO_RECT = new Set(['html', 'body', '#host-navbar', '#host-footer-text', '#host-footer-link']);

// ---- setup ----------------------------------------------------------------------------

before(async () => {
  if (!fs.existsSync(`${DIST}/news-portal.js`)) throw new Error(`${DIST}/news-portal.js is missing: run scripts/build first`);
  if (!fs.existsSync(BOOTSTRAP_CSS)) throw new Error(`${BOOTSTRAP_CSS} is missing: run npm ci (devDependency bootstrap@3.4.1)`);
  browser = await launchBrowser();
  backend = await startBackend({ port: 0 });
  articles = backend.data.articles;
  assert.ok(articles.length >= 3, 'the backend needs >= 3 articles');
  // The CDN: dist/ under /portal/, reached as "localhost" (another origin than 127.0.0.1).
  cdn = await startStatic({ dir: DIST, port: 0, basePath: '/portal/' });
  cdnBase = `http://localhost:${cdn.port}/portal/`;
  cdnOrigin = new URL(cdnBase).origin;
  // The strict CSP of the issue, plus the CDN (scripts, the shadow root's stylesheet,
  // the wasm fetch) and the API (data; its media are http: here, not https:).
  csp =
    `default-src 'self'; script-src 'self' ${cdnOrigin} 'wasm-unsafe-eval'; style-src 'self' ${cdnOrigin}; ` +
    `img-src 'self' https: data: ${backend.origin}; connect-src 'self' ${cdnOrigin} ${backend.origin}; ` +
    `report-uri /__csp-report`;
  host = await startHost({ port: 0, csp, pages: hostPages(), rewrites: { '/tin-tuc/': '/tin-tuc.html' } });
  assert.notEqual(new URL(host.origin).origin, cdnOrigin);
  assert.notEqual(new URL(host.origin).origin, backend.origin);
});

after(async () => {
  await browser?.close();
  await host?.close();
  await cdn?.close();
  await backend?.close();
});

afterEach(async () => {
  while (pages.length) await pages.pop().context().close().catch(() => {});
  host.cspReports.length = 0;
});

// ---- tests ----------------------------------------------------------------------------

describe('embedded from a CDN into a portal page (three origins, strict CSP)', () => {
  test('0. the CSP violation recorder sees violations (self-check)', T, async () => {
    const page = await cspPage({ allow: [/Refused to|Content Security Policy/] });
    await page.goto(host.href('/csp-canary.html'));
    await poll(() => page.csp.filter((v) => !v.startsWith('console')).length >= 2, { message: () => `recorded: ${JSON.stringify(page.csp)}` });
    assert.ok(page.csp.some((v) => v.startsWith('console')), `no console "Refused to" recorded: ${JSON.stringify(page.csp)}`);
    assert.equal(await page.title(), 'canary', 'the inline script ran: the CSP header was not applied');
    await poll(() => host.cspReports.length >= 2, { message: () => `reports at /__csp-report: ${JSON.stringify(host.cspReports)}` });
  });

  test('1. one-tag embed: assets from the CDN origin, data from the API origin, no CSP violation', T, async () => {
    const page = await cspPage();
    // The policy is live on the page: assertClean's sentinel request is refused.
    await page.goto(host.href('/hash.html'));
    await waitForReader(page);
    await waitForCards(page);
    await see(page, region(page, 'Thống kê truy cập').getByRole('definition').first());

    const shadow = await page.evaluate(() => {
      const el = document.querySelector('[data-news-portal]');
      const sr = el.shadowRoot;
      return {
        mode: sr && sr.mode,
        links: sr ? [...sr.querySelectorAll('link')].map((l) => ({ rel: l.rel, href: l.href, integrity: l.integrity })) : [],
        styleElements: sr ? sr.querySelectorAll('style').length : -1,
        docStyleSheets: [...document.styleSheets].map((s) => s.href),
        adopted: document.adoptedStyleSheets.length,
      };
    });
    assert.equal(shadow.mode, 'open', 'the reader renders in an OPEN shadow root');
    // The first screen's sheet, and the later one of deferred parts (decision 0008).
    const sheets = shadow.links.filter((l) => l.rel === 'stylesheet');
    assert.equal(sheets.length, 2, `two stylesheet <link>s in the shadow root: ${JSON.stringify(shadow.links)}`);
    assert.match(sheets[0].href, /\/news-portal-[0-9a-f]{16}\.css$/);
    assert.match(sheets[1].href, /\/news-portal-later-[0-9a-f]{16}\.css$/);
    for (const sheet of sheets) {
      assert.ok(sheet.href.startsWith(cdnBase), `the reader's CSS comes from the CDN: ${sheet.href}`);
      assert.match(sheet.integrity, /^sha256-/);
    }
    assert.equal(shadow.styleElements, 0, 'no <style> elements in the shadow root');
    // The document keeps exactly the host's own stylesheets.
    assert.deepEqual(shadow.docStyleSheets, ['/css/bootstrap.min.css', '/css/hostile.css', '/css/layout.css'].map((p) => host.href(p)));
    assert.equal(shadow.adopted, 0);

    const reqs = page.requests;
    const fromCdn = (re) => reqs.filter((u) => re.test(u));
    for (const [what, re] of [
      ['loader', /\/news-portal\.js$/],
      ['glue', /\/news_portal-[0-9a-f]+\.js$/],
      ['wasm', /_bg\.wasm$/],
      ['css', /\/news-portal-[0-9a-f]{16}\.css$/],
    ]) {
      const hits = fromCdn(re);
      assert.ok(hits.length >= 1, `${what} was not requested; requests: ${reqs.join(' ')}`);
      for (const u of hits) assert.ok(u.startsWith(cdnBase), `${what} from ${u}, not from the CDN ${cdnBase}`);
    }
    const api = reqs.filter((u) => u.startsWith(backend.url));
    assert.ok(api.some((u) => /\/articles\b/.test(u)), `no articles request to the API origin: ${reqs.join(' ')}`);
    // Nothing of the reader's is asked of the host page's origin.
    const hostReqs = reqs.filter((u) => u.startsWith(host.origin)).map((u) => new URL(u).pathname);
    for (const p of hostReqs) assert.match(p, /^\/(hash\.html|css\/[a-z.-]+\.css|img\/[a-z-]+\.svg)$/, `the reader asked the host origin for ${p}`);
    // Demo content is not used when data-api-base is set.
    assert.deepEqual(reqs.filter((u) => u.includes('/demo/')), [], 'demo content fetched although data-api-base is set');

    await assertClean(page);
  });

  test('2a. style isolation inward: the reader computes the same styles under Bootstrap 3 + hostile CSS', T, async () => {
    const plain = await cspPage();
    const hostile = await cspPage();
    for (const p of [plain, hostile]) await p.emulateMedia({ reducedMotion: 'reduce' });
    await plain.goto(host.href('/plain.html'));
    await hostile.goto(host.href('/hash.html'));
    for (const p of [plain, hostile]) {
      await waitForCards(p);
      await see(p, p.locator(`${R} img.np-badges__img`).first(), { state: 'attached' });
      await see(p, region(p, 'Thống kê truy cập').getByRole('definition').first());
      await settleImages(p, READER_HOME);
    }
    const plainHome = await styleSnapshot(plain, READER_HOME, { inShadow: true });
    const absent = READER_HOME.filter((sel) => !plainHome[sel]);
    assert.deepEqual(absent, [], 'reader elements this test compares are missing from the home view');
    const home = await compareReader(plain, hostile, READER_HOME, plainHome);

    // Articles whose bodies have every element compared: no demo body has
    // links, headings and a list, so they are given one. A body with an
    // image shows no lead image, so the lead is compared on a second
    // article, whose body has none.
    const [a, b] = articles.filter((x) => x.thumbnail);
    assert.ok(a && b, 'fewer than two articles with a thumbnail in the data');
    const text = '<h2>Mục một</h2><p>Đoạn văn có <a href="https://example.gov.vn/van-ban">một liên kết</a>.</p><ul><li>Ý thứ nhất</li><li>Ý thứ hai</li></ul>';
    const image = `<p><img src="${a.thumbnail.url}" alt="Ảnh minh hoạ" width="600" height="400"></p><p>Đoạn cuối.</p>`;
    const views = [
      [a, text + image, READER_ARTICLE.filter((sel) => sel !== '.np-article__image')],
      [b, text, READER_ARTICLE.filter((sel) => !sel.includes(' img'))],
    ];
    const article = { diffs: [], withRootAt16px: [] };
    for (const [x, body, selectors] of views) {
      for (const p of [plain, hostile]) {
        await p.route(`**/articles/${x.id}`, async (route) => {
          const res = await route.fetch();
          await route.fulfill({ response: res, json: { ...(await res.json()), body_html: body } });
        });
        await p.goto(new URL(`#/bai-viet/${x.id}/${x.slug}`, p.url()).href);
        await expectArticle(p, x);
        await see(p, p.locator(`${R} .np-article__body p`).first());
        await settleImages(p, selectors);
      }
      const plainArticle = await styleSnapshot(plain, selectors, { inShadow: true });
      const absentArticle = selectors.filter((sel) => !plainArticle[sel]);
      assert.deepEqual(absentArticle, [], `reader elements this test compares are missing from article ${x.id}`);
      const found = await compareReader(plain, hostile, selectors, plainArticle);
      article.diffs.push(...found.diffs);
      article.withRootAt16px.push(...found.withRootAt16px);
    }

    const all = [...home.diffs, ...article.diffs];
    if (all.length) {
      const notRem = [...home.withRootAt16px, ...article.withRootAt16px];
      const hint =
        `[diagnosis] with the host's <html> font-size forced back to 16px, ${notRem.length} of these remain` +
        (notRem.length ? `:\n  ${notRem.slice(0, 30).join('\n  ')}` : ' (all of them come from rem units: rem is relative to the HOST document\'s root element, which Bootstrap 3 sets to 10px)');
      reportDiffs([hint, ...all], 'reader styles differ between the plain host page and the Bootstrap+hostile one');
    }
    await assertClean(plain);
    await assertClean(hostile);
  });

  test('2b. style isolation outward: the host page looks the same with and without the reader', T, async () => {
    const without = await cspPage();
    const withReader = await cspPage();
    await without.goto(host.href('/no-reader.html'));
    await withReader.goto(host.href('/hash.html'));
    await waitForCards(withReader);
    await see(withReader, region(withReader, 'Thống kê truy cập').getByRole('definition').first());
    await without.locator('#host-photo').evaluate((img) => img.decode?.().catch(() => {}));
    await withReader.locator('#host-photo').evaluate((img) => img.decode?.().catch(() => {}));
    const withRect = HOST_ELEMENTS.filter((s) => !HOST_NO_RECT.has(s));
    const noRect = HOST_ELEMENTS.filter((s) => HOST_NO_RECT.has(s));
    const diffs = [
      ...diffSnapshots(
        await styleSnapshot(without, withRect, { inShadow: false }),
        await styleSnapshot(withReader, withRect, { inShadow: false }),
        'without the reader',
        'with the reader',
      ),
      ...diffSnapshots(
        await styleSnapshot(without, noRect, { inShadow: false, rect: false, props: PROPS.filter((p) => p !== 'height' && p !== 'width') }),
        await styleSnapshot(withReader, noRect, { inShadow: false, rect: false, props: PROPS.filter((p) => p !== 'height' && p !== 'width') }),
        'without the reader',
        'with the reader',
      ),
    ];
    reportDiffs(diffs, "host page's own elements differ with the reader on the page");

    // Nothing of the reader paints outside the host element: its hidden skip link
    // (top: -100px inside the reader) must not show over the host page's content.
    const leak = await withReader.evaluate(() => {
      const el = document.querySelector('[data-news-portal]');
      const hr = el.getBoundingClientRect();
      const out = [];
      for (const n of el.shadowRoot.querySelectorAll('.np, .np *')) {
        const cs = getComputedStyle(n);
        if (cs.visibility === 'hidden' || cs.display === 'none') continue;
        const r = n.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1) continue; // visually hidden texts
        // Clipped by an ancestor with overflow other than visible: judge that ancestor instead.
        let clipped = false;
        for (let p = n.parentElement; p && p !== el; p = p.parentElement) {
          const pc = getComputedStyle(p);
          if (pc.overflowX !== 'visible' || pc.overflowY !== 'visible') {
            clipped = true;
            break;
          }
        }
        if (clipped) continue;
        const outside = r.top < hr.top - 0.5 || r.left < hr.left - 0.5 || r.bottom > hr.bottom + 0.5 || r.right > hr.right + 0.5;
        if (!outside) continue;
        const abs = { top: r.top + scrollY, bottom: r.bottom + scrollY };
        if (abs.bottom <= 0) continue; // above the document: never seen
        const cx = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
        const cy = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
        const top = document.elementFromPoint(cx, cy);
        out.push(
          `<${n.tagName.toLowerCase()} class="${n.className}"> "${(n.textContent || '').trim().slice(0, 40)}" at ` +
            `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}; host element at ` +
            `${Math.round(hr.left)},${Math.round(hr.top)} ${Math.round(hr.width)}×${Math.round(hr.height)}; ` +
            `topmost at its centre: ${top === el ? 'the reader' : top ? top.tagName.toLowerCase() + (top.id ? '#' + top.id : '') : 'none'}`,
        );
      }
      return out;
    });
    assert.deepEqual(leak, [], 'reader elements drawn outside the host element, over the host page');
    await assertClean(without);
    await assertClean(withReader);
  });

  test('3. theming: custom properties on the host element (the six the README names)', T, async () => {
    const themed = await cspPage();
    const plain = await cspPage();
    await themed.goto(host.href('/themed.html'));
    await plain.goto(host.href('/hash.html'));
    await waitForCards(themed);
    await waitForCards(plain);
    // The links directory is below the first screen: it comes after the cards.
    for (const page of [themed, plain]) await see(page, page.locator('[data-news-portal] .np-links__list a').first());
    const look = (page) =>
      page.evaluate(() => {
        const sr = document.querySelector('[data-news-portal]').shadowRoot;
        const cs = (sel) => getComputedStyle(sr.querySelector(sel));
        return {
          header: cs('header.np-header').backgroundColor,
          nav: cs('nav.np-nav').backgroundColor,
          footer: cs('footer.np-footer').backgroundColor,
          rule: cs('header.np-header').borderBottomColor,
          link: cs('.np-links__list a').color,
          font: cs('.np').fontFamily,
          size: cs('.np').fontSize,
          title: cs('a.np-card__title').fontSize,
        };
      });
    const t = await look(themed);
    const d = await look(plain);
    assert.equal(t.header, 'rgb(0, 74, 153)', "--np-brand on the host element sets the header's background");
    assert.equal(d.header, 'rgb(155, 28, 28)', 'default brand colour (#9b1c1c) without the theme');
    assert.equal(t.link, 'rgb(0, 102, 51)', '--np-link sets the reader link colour');
    assert.notEqual(d.link, 'rgb(0, 102, 51)');
    assert.match(t.font, /^Georgia, serif$/, '--np-font sets the reader font');
    assert.doesNotMatch(d.font, /Georgia/);
    assert.equal(t.nav, 'rgb(0, 54, 111)', '--np-brand-dark sets the menu bar');
    assert.equal(t.footer, 'rgb(0, 54, 111)', '--np-brand-dark sets the footer');
    assert.equal(d.nav, 'rgb(110, 16, 16)', 'default --np-brand-dark (#6e1010)');
    assert.equal(t.rule, 'rgb(242, 100, 12)', '--np-accent sets the rule under the header');
    assert.equal(d.rule, 'rgb(242, 201, 76)', 'default --np-accent (#f2c94c)');
    assert.equal(t.size, '19px', '--np-font-size sets the reader text size');
    assert.equal(d.size, '16px');
    assert.ok(Math.abs(parseFloat(t.title) / parseFloat(d.title) - 19 / 16) < 0.01, `card titles scale with --np-font-size: ${t.title} vs ${d.title}`);
    await assertClean(themed);
    await assertClean(plain);
  });

  test("4. host links stay the host's: outside the reader a normal navigation, inside an in-app one", T, async () => {
    const page = await cspPage();
    await page.goto(host.href('/tin-tuc/'));
    await waitForCards(page);

    // Inside the reader: in-app (pushState, same document, no request to the host server).
    await setMarker(page);
    const a = first();
    const before = host.requests.length;
    await page.locator(CARD_TITLE).first().click();
    await poll(() => new URL(page.url()).pathname === `/tin-tuc/bai-viet/${a.id}/${a.slug}`, { message: () => `URL ${page.url()}` });
    await expectArticle(page, a);
    assert.equal(await marker(page), 'still-the-same-document', 'a reader link reloaded the document');
    assert.deepEqual(host.requests.slice(before).filter((r) => r.path.startsWith('/tin-tuc')), [], 'a reader link went to the host server');

    // A host link OUTSIDE the reader whose URL is under the base path: a normal navigation.
    const b = articles[1];
    const target = `/tin-tuc/bai-viet/${b.id}/${b.slug}`;
    await setMarker(page);
    const loaded = page.waitForEvent('load').catch(() => {});
    await page.locator('#host-link-under-base').click();
    await poll(() => new URL(page.url()).pathname === target, { message: () => `URL ${page.url()}` });
    await Promise.race([loaded, page.waitForTimeout(5000)]);
    assert.equal(await marker(page), null, `the host's link to ${target} (outside the reader) was intercepted: no document load`);
    assert.ok(host.requests.some((r) => r.path === target), `the host server got no request for ${target}`);
    await expectArticle(page, b); // the host page's rewrite + the reader's path routing

    // A plain host link to another page of the host.
    await setMarker(page);
    await page.locator('#host-link-contact').click();
    await poll(() => new URL(page.url()).pathname === '/lien-he.html', { message: () => `URL ${page.url()}` });
    await see(page, page.locator('#contact-title'));
    assert.equal(await page.locator('#contact-title').textContent(), 'Liên hệ');
    assert.equal(await marker(page), null);

    // The same from a hash-routed page, including a host link with a fragment.
    await page.goto(host.href('/hash.html'));
    await waitForCards(page);
    await setMarker(page);
    await page.locator('#host-nav-about').click();
    await poll(() => page.url() === host.href('/lien-he.html#gioi-thieu'), { message: () => `URL ${page.url()}` });
    await see(page, page.locator('#contact-title'));
    assert.equal(await marker(page), null);
    await assertClean(page);
  });

  test('4b. hash routing: an in-page anchor of the host (#host-footer) is not a reader route', T, async () => {
    const page = await cspPage();
    await page.goto(host.href('/hash.html'));
    await waitForCards(page);
    const a = first();
    await page.locator(CARD_TITLE).first().click();
    await expectArticle(page, a);
    await setMarker(page);
    await page.evaluate(() => addEventListener('hashchange', () => { window.__npHashchanges = (window.__npHashchanges || 0) + 1; }));
    await page.locator('#host-anchor').click();
    await poll(() => new URL(page.url()).hash === '#host-footer', { message: () => `URL ${page.url()}` });
    // The reader's hashchange listener (added at start-up, before ours) has
    // run, and a frame has been drawn since.
    await poll(() => page.evaluate(() => window.__npHashchanges >= 1), { message: 'no hashchange event' });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
    const notFound = await page.locator(`${R} h1`, { hasText: 'Không tìm thấy' }).count();
    assert.equal(notFound, 0, `after the host's own link to #host-footer the reader shows: ${await describeView(page)}`);
    await expectArticle(page, a);
    assert.equal(await marker(page), 'still-the-same-document');
    await assertClean(page);
  });

  test('4c. no [data-news-portal] element: a new one at the end of body, path routing, the demo; the API base is never read from the page URL', T, async () => {
    const page = await cspPage();
    // The demo's images come from the CDN, which this host's img-src does not list.
    page.allowErrors(/Refused to load the image|Content Security Policy|\/demo\/media\/.*: csp$/);
    // The page's URL names another API in every way a script might read one.
    const evil = encodeURIComponent('http://evil.invalid/api/v1/');
    await page.goto(host.href(`/no-element.html?data-api-base=${evil}&api-base=${evil}&api=${evil}#data-api-base=${evil}`));
    await poll(() => page.evaluate(() => !!document.body.lastElementChild?.shadowRoot?.querySelector('.np')), {
      message: 'the reader did not mount into a new element at the end of body',
    });
    assert.equal(await page.evaluate(() => document.body.lastElementChild.tagName), 'DIV');
    // Path routing at the site root (no settings): /no-element.html is no
    // route of the reader's, and its home link leads, in the page, to the
    // demo's list.
    await see(page, page.locator('h1', { hasText: 'Không tìm thấy trang' }));
    await page.locator('a', { hasText: 'Về trang chủ' }).first().click();
    await see(page, page.locator('a.np-card__title').first());
    const demo = readDemoJson('articles.json').items;
    assert.equal((await page.locator('a.np-card__title').first().textContent()).trim(), norm(demo[0].title), 'not the demo content');
    assert.deepEqual(page.requests.filter((u) => new URL(u).hostname === 'evil.invalid'), [], 'a request went to the API named in the page URL');
    const data = page.requests.filter((u) => /\.json(\?|$)/.test(u));
    assert.ok(data.length && data.every((u) => u.startsWith(`${cdnBase}demo/`)), `data requests: ${data.join(' ')}`);
    page.assertNoErrors();
  });

  test('5. hash routing on a page without rewrites: click, reload, back, forward, shared link', T, async () => {
    const page = await cspPage();
    const pageUrl = host.href('/hash.html');
    await page.goto(pageUrl);
    await waitForCards(page);
    const a = first();
    await setMarker(page);
    await page.locator(CARD_TITLE).first().click();
    await poll(() => new URL(page.url()).hash === `#/bai-viet/${a.id}/${a.slug}`, { message: () => `URL ${page.url()}` });
    assert.equal(new URL(page.url()).pathname, '/hash.html');
    await expectArticle(page, a);
    assert.equal(await marker(page), 'still-the-same-document', 'in-app navigation reloaded the document');
    assert.equal(await page.title(), HOST_TITLE, 'an embedded reader (no data-standalone) changed document.title');

    await page.reload();
    await expectArticle(page, a);
    await page.goBack();
    await poll(() => page.url() === pageUrl, { message: () => `URL after back ${page.url()}` });
    await expectList(page);
    await page.goForward();
    await poll(() => new URL(page.url()).hash === `#/bai-viet/${a.id}/${a.slug}`, { message: () => `URL after forward ${page.url()}` });
    await expectArticle(page, a);

    // A shared link, in a fresh browser context.
    const b = articles[2];
    const shared = await cspPage();
    await shared.goto(`${pageUrl}#/bai-viet/${b.id}/${b.slug}`);
    await expectArticle(shared, b);
    // Only /hash.html was asked of the host server (no rewrite needed).
    assert.ok(host.requests.every((r) => !r.path.startsWith('/bai-viet')));
    await assertClean(page);
    await assertClean(shared);
  });

  test("6. query routing: ?np=… keeps the host page's own parameters; reload, back, forward, shared link", T, async () => {
    const page = await cspPage();
    const start = host.href('/query.html?lang=vi');
    await page.goto(start);
    await waitForCards(page);
    const a = first();
    const appPath = `/bai-viet/${a.id}/${a.slug}`;
    await setMarker(page);
    await page.locator(CARD_TITLE).first().click();
    await poll(() => new URL(page.url()).searchParams.get('np') === appPath, { message: () => `URL ${page.url()}` });
    const u = new URL(page.url());
    assert.equal(u.pathname, '/query.html');
    assert.equal(u.searchParams.get('lang'), 'vi', `the host's ?lang=vi was dropped: ${page.url()}`);
    assert.equal(u.search, `?lang=vi&np=${encodeURIComponent(appPath)}`);
    await expectArticle(page, a);
    assert.equal(await marker(page), 'still-the-same-document', 'in-app navigation reloaded the document');

    await page.reload();
    await expectArticle(page, a);
    await page.goBack();
    await poll(() => page.url() === start, { message: () => `URL after back ${page.url()}` });
    await expectList(page);
    await page.goForward();
    await poll(() => new URL(page.url()).searchParams.get('np') === appPath, { message: () => `URL after forward ${page.url()}` });
    await expectArticle(page, a);

    // Shared links, the np parameter first or last.
    const b = articles[2];
    const shared = await cspPage();
    await shared.goto(host.href(`/query.html?np=${encodeURIComponent(`/bai-viet/${b.id}/${b.slug}`)}&lang=vi`));
    await expectArticle(shared, b);
    await shared.goto(host.href(`/query.html?lang=vi&np=${encodeURIComponent(`/bai-viet/${a.id}`)}`));
    await expectArticle(shared, a);
    await assertClean(page);
    await assertClean(shared);
  });

  test('7. path routing under /tin-tuc with a host server that rewrites /tin-tuc/*: deep links and reload', T, async () => {
    const page = await cspPage();
    await page.goto(host.href('/tin-tuc/'));
    await waitForCards(page);
    const a = first();
    const articlePath = `/tin-tuc/bai-viet/${a.id}/${a.slug}`;
    const href = await page.locator(CARD_TITLE).first().getAttribute('href');
    assert.equal(new URL(href, page.url()).pathname, articlePath, 'reader links live under the base path');
    await page.locator(CARD_TITLE).first().click();
    await poll(() => new URL(page.url()).pathname === articlePath, { message: () => `URL ${page.url()}` });
    await expectArticle(page, a);
    await page.reload();
    await expectArticle(page, a);
    await page.goBack();
    await poll(() => new URL(page.url()).pathname === '/tin-tuc/', { message: () => `URL after back ${page.url()}` });
    await expectList(page);
    await page.goForward();
    await expectArticle(page, a);

    const b = articles[2];
    const shared = await cspPage();
    await shared.goto(host.href(`/tin-tuc/bai-viet/${b.id}/${b.slug}`));
    await expectArticle(shared, b);
    // The base path without its trailing slash is the reader's home.
    await shared.goto(host.href('/tin-tuc'));
    await expectList(shared);
    await assertClean(page);
    await assertClean(shared);
  });

  test('8. a second [data-news-portal] element: the first works, the second is left untouched', T, async () => {
    const page = await cspPage();
    await page.goto(host.href('/two.html'));
    await waitForCards(page);
    const state = await page.evaluate(() => {
      const [one, two] = document.querySelectorAll('[data-news-portal]');
      return {
        firstId: one.id,
        firstShadow: !!one.shadowRoot,
        secondShadow: !!two.shadowRoot,
        secondHtml: two.innerHTML,
        secondChildren: two.children.length,
      };
    });
    assert.equal(state.firstId, 'first-reader');
    assert.ok(state.firstShadow);
    assert.equal(state.secondShadow, false, 'the second element got a shadow root');
    assert.equal(state.secondHtml, '<p id="second-content">Nội dung có sẵn của cổng</p>', 'the second element was changed');
    // The first keeps working: in-app navigation.
    const a = first();
    await page.locator(`#first-reader article.np-card a.np-card__title`).first().click();
    await expectArticle(page, a);
    assert.equal(await page.locator('#second-reader').innerHTML(), state.secondHtml);
    await assertClean(page);
  });
});

describe('standalone dist/index.html', () => {
  test('9. under the strict CSP (no unsafe-inline), API on another origin: works, no violation', T, async () => {
    const api = backend.origin;
    const strict = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data: ${api}; connect-src 'self' ${api}`;
    const st = await startStatic({ dir: DIST, port: 0, apiBase: backend.url, csp: strict });
    try {
      const page = await cspPage();
      const res = await page.goto(st.url);
      assert.equal(res.headers()['content-security-policy'], strict);
      await waitForReader(page);
      await waitForCards(page);
      const a = first();
      await page.locator(CARD_TITLE).first().click();
      await poll(() => new URL(page.url()).pathname === `/bai-viet/${a.id}/${a.slug}`, { message: () => `URL ${page.url()}` });
      await expectArticle(page, a);
      await page.reload();
      await expectArticle(page, a);
      await poll(async () => (await page.title()).includes(norm(a.title).slice(0, 20)), {
        message: async () => `standalone page title "${await page.title()}"`,
      });
      assert.deepEqual(page.csp, []);
      page.assertNoErrors();
    } finally {
      await st.close();
    }
  });
});
