// What differs between engines, in Chromium, Firefox ESR and WebKitGTK
// (Safari's engine), with the same assertions for each (tests/engines/driver.mjs):
// the reading path, the embed on a hostile host page under a strict CSP,
// a CMS body on a phone, the reading tools, and the XSS canary.
//
//   xvfb-run -a node --test tests/engines/     (needs dist/; NP_ENGINES=firefox for one)
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { engines, launch } from './driver.mjs';
import { DIST, REPO_ROOT, CMS_BODY, norm, vnDateTime } from '../e2e/harness.mjs';
import { startStatic } from '../server/static.mjs';
import { startBackend } from '../server/backend.mjs';
import { startHost } from '../server/host.mjs';

const T = { timeout: 120_000 };
const STYLES = {
  hostile: ['/css/bootstrap.min.css', '/css/hostile.css', '/css/layout.css'],
  plain: ['/css/layout.css'],
  phone: ['/css/phone.css'],
};
const corpus = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'tests', 'xss', 'corpus.json'), 'utf8'));

let backend, cdn, host, data, dir;

/** The demo's data, plus an article with a CMS body and one with the XSS corpus. */
function dataDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'np-engines-'));
  fs.cpSync(path.join(REPO_ROOT, 'public', 'demo'), d, { recursive: true });
  const base = JSON.parse(fs.readFileSync(path.join(d, 'articles', '2023-0915-1.json'), 'utf8'));
  const write = (id, body) => fs.writeFileSync(path.join(d, 'articles', `${id}.json`), JSON.stringify({ ...base, id, slug: 'bai', body_html: body }));
  write('cms-1', CMS_BODY);
  // Some payloads swallow what follows them: the marker comes first.
  write('xss-1', '<p>npstart</p>' + corpus.map((c) => c.html).join('\n'));
  return d;
}

before(async () => {
  dir = dataDir();
  backend = await startBackend({ port: 0, dataDir: dir });
  data = backend.data;
  // Three origins: the portal's pages, the CDN (dist/ at localhost), the API.
  cdn = await startStatic({ dir: DIST, port: 0, basePath: '/portal/' });
  const cdnBase = `http://localhost:${cdn.port}/portal/`;
  const cdnOrigin = new URL(cdnBase).origin;
  const csp = `default-src 'self'; script-src 'self' ${cdnOrigin} 'wasm-unsafe-eval'; style-src 'self' ${cdnOrigin}; `
    + `img-src 'self' https: data: ${backend.origin}; connect-src 'self' ${cdnOrigin} ${backend.origin}; `
    + "frame-src https://www.youtube-nocookie.com; media-src https://media.example; report-uri /__csp-report";
  const page = (styles, attrs) => ({
    template: 'portal.html',
    vars: {
      STYLES: ['<script src="/js/errors.js"></script>', ...STYLES[styles].map((h) => `<link rel="stylesheet" href="${h}">`)].join('\n'),
      READER: `<div data-news-portal data-api-base="${backend.url}"${Object.entries(attrs).map(([k, v]) => ` ${k}="${v}"`).join('')}></div>`,
      SCRIPT: `<script type="module" src="${cdnBase}news-portal.js"></script>`,
      UNDER_BASE_HREF: '/tin-tuc/',
    },
  });
  host = await startHost({
    port: 0,
    csp,
    pages: {
      '/tin-tuc.html': page('hostile', { 'data-base-path': '/tin-tuc' }),
      '/hash.html': page('hostile', { 'data-routing': 'hash' }),
      '/plain.html': page('plain', { 'data-routing': 'hash' }),
      '/query.html': page('hostile', { 'data-routing': 'query' }),
      // The reader alone on a phone's screen.
      '/phone.html': page('phone', { 'data-routing': 'hash' }),
      // The hostile host page without the reader: the host's own look.
      '/no-reader.html': { ...page('hostile', {}), vars: { ...page('hostile', {}).vars, READER: '', SCRIPT: '' } },
      '/lien-he.html': { template: 'lien-he.html', vars: { STYLES: '' } },
    },
    rewrites: { '/tin-tuc/': '/tin-tuc.html' },
  });
});

after(async () => {
  await host?.close();
  await cdn?.close();
  await backend?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const LIST_CARDS = 'section.np-list:not(.np-other) article.np-card';

/** Nothing went wrong in the page: no error recorded, no canary call, no CSP report. */
async function assertClean(d) {
  assert.deepEqual(await d.errors(), [], `${d.engine}: errors in the page`);
  assert.equal(await d.eval(() => window.__npCanary), 0, `${d.engine}: a payload ran`);
  assert.deepEqual(host.cspReports, [], `${d.engine}: CSP reports`);
}

for (const engine of engines()) {
  describe(engine, () => {
    let d;
    before(async () => {
      d = await launch(engine, { width: 1024, height: 800 });
    });
    after(async () => {
      await d?.close();
    });

    test('reading: home, pagination, article, carousel by keyboard, language kept, back and forward, search, 404', T, async () => {
      host.cspReports.length = 0;
      await d.goto(host.href('/tin-tuc/'));
      await d.see('a.np-card__title');
      await d.until(() => document.querySelector('[data-news-portal]').shadowRoot.querySelectorAll('section.np-list:not(.np-other) article.np-card').length === 10, [], { message: 'not 10 cards' });
      assert.equal(await d.text('a.np-card__title'), norm(data.articles[0].title));

      // Page 2 of the list.
      await d.click('nav.np-pagination a[href$="?trang=2"]');
      await d.until(() => location.search === '?trang=2', [], { message: 'not on page 2' });
      await d.until((t) => document.querySelector('[data-news-portal]').shadowRoot.querySelector('a.np-card__title')?.textContent.replace(/\s+/g, ' ').trim() === t, [norm(data.articles[10].title)], { message: 'page 2 does not show the 11th article first' });

      // An article, its date in Vietnam's time.
      const a = data.articles[10];
      await d.click('a.np-card__title');
      await d.until((t) => document.querySelector('[data-news-portal]').shadowRoot.querySelector('h1.np-article__title')?.textContent.trim() === t, [norm(a.title)], { message: 'the article is not shown' });
      assert.ok((await d.text('.np-article__meta')).includes(`Ngày đăng: ${vnDateTime(a.published_at)}`), await d.text('.np-article__meta'));
      assert.equal(await d.eval(() => location.pathname), `/tin-tuc/bai-viet/${a.id}/${a.slug}`);

      // The carousel, by keyboard: Enter on "next" moves the track.
      await d.see('section.np-carousel button.np-carousel__next');
      await d.focus('section.np-carousel button.np-carousel__next');
      await d.key('Enter');
      await d.until(() => document.querySelector('[data-news-portal]').shadowRoot.querySelector('.np-carousel__track').scrollLeft > 0, [], { message: 'Enter on "next" did not move the carousel' });

      // English, and back: the same article stays.
      await d.click('button.np-lang');
      await d.until(() => document.querySelector('[data-news-portal]').shadowRoot.querySelector('section.np-carousel h2')?.textContent.trim() === 'Related news', [], { message: 'not in English' });
      assert.equal(await d.text('h1.np-article__title'), norm(a.title));
      await d.click('button.np-lang');
      await d.until(() => document.querySelector('[data-news-portal]').shadowRoot.querySelector('section.np-carousel h2')?.textContent.trim() === 'Tin liên quan', [], { message: 'not back in Vietnamese' });

      // Back to page 2, forward to the article.
      await d.back();
      await d.until(() => location.search === '?trang=2' && !!document.querySelector('[data-news-portal]').shadowRoot.querySelector('nav.np-pagination'), [], { message: 'back did not return to page 2' });
      await d.forward();
      await d.until(() => !!document.querySelector('[data-news-portal]').shadowRoot.querySelector('h1.np-article__title'), [], { message: 'forward did not return to the article' });

      // Search without diacritics finds words with them.
      await d.click('input#np-search-q');
      await d.type('thong tin');
      await d.key('Enter');
      await d.until(() => location.pathname === '/tin-tuc/tim-kiem' && new URLSearchParams(location.search).get('q') === 'thong tin', [], { message: 'no search URL' });
      await d.until(() => [...document.querySelector('[data-news-portal]').shadowRoot.querySelectorAll('a.np-card__title')].some((a) => /thông tin/i.test(a.textContent)), [], { message: 'no result with "thông tin"' });

      // A path that is no route.
      await d.goto(host.href('/tin-tuc/khong-co-trang-nay'));
      await d.until(() => document.querySelector('[data-news-portal]')?.shadowRoot?.querySelector('main h1')?.textContent.includes('Không tìm thấy trang'), [], { message: 'no not-found page' });
      await assertClean(d);
    });

    test('embed: hostile host CSS changes nothing inside, the host keeps its look and links; hash and query modes; CSP live', T, async () => {
      host.cspReports.length = 0;
      const look = () => d.eval(() => {
        const root = document.querySelector('[data-news-portal]').shadowRoot;
        const pick = (sel) => {
          const el = root.querySelector(sel);
          const cs = getComputedStyle(el);
          return [cs.fontSize, cs.fontFamily, cs.color, cs.marginTop, cs.paddingLeft, cs.boxSizing, Math.round(el.getBoundingClientRect().height)].join(' ');
        };
        return Object.fromEntries(['.np', 'header.np-header', 'a.np-card__title', '.np-card__summary', 'nav.np-pagination'].map((s) => [s, pick(s)]));
      });
      // Measured once everything is in: the parts below, both sheets, the images.
      const complete = async () => {
        await d.see('footer.np-footer');
        await d.settled();
        await d.until(() => [...document.querySelector('[data-news-portal]').shadowRoot.querySelectorAll('img')].every((i) => i.complete), [], { message: 'images still loading' });
      };
      await d.goto(host.href('/plain.html'));
      await complete();
      const plain = await look();
      await d.goto(host.href('/hash.html'));
      await complete();
      assert.deepEqual(await look(), plain, 'the reader looks different under the hostile host CSS');
      // Outward: the host's elements look as they do without the reader.
      const hostLook = () => d.eval(() => Object.fromEntries(['#host-title', '#host-para', '#host-link-contact', '#host-btn', '#host-footer-text', 'body'].map((sel) => {
        const cs = getComputedStyle(document.querySelector(sel));
        return [sel, [cs.fontSize, cs.fontFamily, cs.color, cs.backgroundColor, cs.marginTop, cs.lineHeight, cs.boxSizing].join(' ')];
      })));
      const withReader = await hostLook();
      assert.ok(withReader['#host-link-contact'].includes('rgb(255, 0, 0)'), 'the host page lost its own link colour (hostile.css: a { color: red })');
      await d.goto(host.href('/no-reader.html'));
      await d.until(() => !!document.querySelector('#host-footer-text'), [], { message: 'no host page' });
      assert.deepEqual(withReader, await hostLook(), 'the reader changed how the host page looks');
      await d.goto(host.href('/hash.html'));
      await d.see('nav.np-pagination');

      // Hash mode: a card opens in the page; reload keeps it.
      await d.click('a.np-card__title');
      await d.until(() => location.hash.startsWith('#/bai-viet/'), [], { message: 'no #/bai-viet/ URL' });
      await d.see('h1.np-article__title');
      await d.reload();
      await d.see('h1.np-article__title');

      // The host's own link is a normal navigation.
      await d.click('host:#host-link-contact');
      await d.until(() => location.pathname === '/lien-he.html', [], { message: "the host's link did not leave the page" });

      // Query mode keeps the host page's own parameters.
      await d.goto(host.href('/query.html?id=7'));
      await d.click('a.np-card__title');
      await d.until(() => new URLSearchParams(location.search).get('np')?.startsWith('/bai-viet/') && new URLSearchParams(location.search).get('id') === '7', [], { message: async () => `query mode lost id=7 or has no np= at ${await d.url()}` });
      await d.see('h1.np-article__title');

      // The policy is live in this engine: a request it forbids is reported.
      await d.eval(() => fetch('https://csp-sentinel.invalid/').catch(() => {}));
      const end = Date.now() + 10_000;
      while (!host.cspReports.some((r) => JSON.stringify(r).includes('csp-sentinel')) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      const reports = host.cspReports.filter((r) => !JSON.stringify(r).includes('csp-sentinel'));
      assert.ok(host.cspReports.length > reports.length, `${engine}: the forbidden request was not reported`);
      assert.deepEqual(reports, [], `${engine}: CSP reports of the reader`);
      host.cspReports.length = 0;
      await assertClean(d);
    });

    test('a CMS body on a 360 px phone: attachments, #anchor, click-to-load video, table box', T, async () => {
      host.cspReports.length = 0;
      await d.resize(360, 740);
      try {
        await d.goto(host.href('/phone.html#/bai-viet/cms-1/bai'));
        await d.see('.np-article__body h2');
        const links = await d.eval(() => [...document.querySelector('[data-news-portal]').shadowRoot.querySelectorAll('.np-article__body a')].map((a) => a.textContent.replace(/\s+/g, ' ').trim()));
        assert.ok(links.includes('Kế hoạch số 15/KH-UBND (PDF)'), JSON.stringify(links));
        // The in-page link focuses its target; the URL stays.
        const url = await d.url();
        await d.click('.np-article__body a[href="#muc-2"]');
        await d.until(() => document.querySelector('[data-news-portal]').shadowRoot.activeElement?.id === 'muc-2', [], { message: '#muc-2 did not take focus' });
        assert.equal(await d.url(), url);
        // The video: a placeholder until the click, then the nocookie player.
        assert.equal(await d.count('.np-article__body iframe'), 0);
        await d.click('button.np-video__play');
        await d.until(() => document.querySelector('[data-news-portal]').shadowRoot.querySelector('iframe.np-video__player')?.src.startsWith('https://www.youtube-nocookie.com/embed/'), [], { message: 'no player after the click' });
        // The wide table scrolls in its box; the page does not.
        const sizes = await d.eval(() => {
          const host = document.querySelector('[data-news-portal]');
          const box = host.shadowRoot.querySelector('.np-table');
          const np = host.shadowRoot.querySelector('.np');
          return { box: box.scrollWidth > box.clientWidth, reader: np.scrollWidth <= host.clientWidth && host.clientWidth === 360, why: [box.scrollWidth, box.clientWidth, box.firstElementChild?.getBoundingClientRect().width, np.scrollWidth, host.clientWidth, innerWidth] };
        });
        const { why, ...got } = sizes;
        assert.deepEqual(got, { box: true, reader: true }, `table box scroll/client width, table, reader, host, window: ${why}`);
        await assertClean(d);
      } finally {
        await d.resize(1024, 800);
      }
    });

    test('reading tools: text size kept over a reload, print styles, share and read-aloud only where the browser has them', T, async () => {
      const a = data.articles[0];
      await d.goto(host.href(`/tin-tuc/bai-viet/${a.id}/${a.slug}`));
      await d.see('button.np-tools__larger');
      const size = () => d.eval(() => parseFloat(getComputedStyle(document.querySelector('[data-news-portal]').shadowRoot.querySelector('.np-article__body p')).fontSize));
      await d.see('.np-article__body p');
      const before = await size();
      await d.click('button.np-tools__larger');
      await d.until((b) => parseFloat(getComputedStyle(document.querySelector('[data-news-portal]').shadowRoot.querySelector('.np-article__body p')).fontSize) > b, [before], { message: 'A+ did nothing' });
      const larger = await size();
      await d.reload();
      await d.see('.np-article__body p');
      assert.equal(await size(), larger, 'the text size was not kept');
      await d.click('button.np-tools__smaller');
      await d.until((b) => parseFloat(getComputedStyle(document.querySelector('[data-news-portal]').shadowRoot.querySelector('.np-article__body p')).fontSize) === b, [before], { message: 'A− did not restore' });
      // The engine reads the print rules of the reader's sheets.
      const print = await d.eval(() => [...document.querySelector('[data-news-portal]').shadowRoot.styleSheets]
        .flatMap((s) => [...s.cssRules]).filter((r) => r.media && [...r.media].includes('print')).length);
      assert.ok(print > 0, 'no @media print rule in the reader');
      const has = await d.eval(() => ({ share: 'share' in navigator, speech: 'speechSynthesis' in window }));
      assert.equal(await d.count('button.np-tools__share'), has.share ? 1 : 0, `share sheet: ${has.share}`);
      assert.equal(await d.count('button.np-tools__copy'), has.share ? 0 : 1);
      assert.equal(await d.count('button.np-tools__listen'), has.speech ? 1 : 0, `speech: ${has.speech}`);
      await assertClean(d);
    });

    test(`XSS canary: the ${corpus.length} payloads as an article body run nothing`, T, async () => {
      host.cspReports.length = 0;
      await d.goto(host.href('/tin-tuc/bai-viet/xss-1/bai'));
      await d.until(() => document.querySelector('[data-news-portal]')?.shadowRoot?.querySelector('.np-article__body')?.textContent.includes('npstart'), [], { message: 'the body did not render' });
      // Every image has loaded or failed: their handlers would have run.
      await d.until(() => [...document.querySelector('[data-news-portal]').shadowRoot.querySelectorAll('img')].every((i) => i.complete || i.loading === 'lazy'), [], { message: 'images still loading' });
      await d.eval(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
      const bad = await d.eval(() => [...document.querySelector('[data-news-portal]').shadowRoot.querySelectorAll('.np-article__body *')]
        .filter((e) => /^(SCRIPT|IFRAME|OBJECT|EMBED|FORM|STYLE|LINK|META|BASE)$/.test(e.tagName) || [...e.attributes].some((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)))
        .map((e) => e.outerHTML.slice(0, 80)));
      assert.deepEqual(bad, []);
      await assertClean(d);
    });
  });
}
