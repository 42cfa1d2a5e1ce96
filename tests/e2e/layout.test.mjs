// Layout robustness on a 360 px wide phone: very long words and URLs, a
// 300-character title, an article of 200 paragraphs, wide tables and <pre>,
// images with extreme sizes, a list without thumbnails. Nothing may make the
// page scroll sideways or stick out of its card.
//
//   node --test tests/e2e/layout.test.mjs        (needs dist/: run scripts/build first)
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, startStack, newPage, waitForReader, poll, describeView } from './harness.mjs';

const R = '[data-news-portal]';
const T = { timeout: 60_000 };
const WIDTH = 360;

const WORD = 'Chủtịchủybannhândântỉnh' + 'x'.repeat(277); // 300 characters, no space
const URL300 = 'https://congthongtin.laichau.gov.vn/' + 'duong-dan-rat-dai/'.repeat(14) + 'a'.repeat(12); // 300 characters
const TITLE300 = ('Hội nghị triển khai công tác thông tin đối ngoại năm 2024 của tỉnh Lai Châu với sự tham dự của lãnh đạo các sở, ban, ngành ').repeat(3).slice(0, 300);
assert.equal(WORD.length, 300);
assert.equal(URL300.length, 300);
assert.equal(TITLE300.length, 300);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'np-layout-'));
let browser;
let stack;
const views = [];

function writeJson(rel, obj) {
  const f = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, JSON.stringify(obj));
}

const when = (i) => new Date(Date.UTC(2024, 4, 1) - i * 3600e3).toISOString().slice(0, 19) + 'Z';

function summaries() {
  const variants = [
    { title: TITLE300, summary: `Tóm tắt có một địa chỉ dài ${URL300} ở giữa câu.` },
    { title: WORD, summary: WORD },
    { title: `Tiêu đề có đường dẫn ${URL300}`, summary: `${WORD} ${WORD}` },
    { title: 'Tin ngắn', summary: 'Không có ảnh.' },
    { title: TITLE300, summary: TITLE300, thumbnail: { url: 'media/khong-co.png', alt: WORD } }, // broken image
    { title: `Ảnh cực rộng ${WORD}`, thumbnail: { url: 'media/wide.svg', alt: 'rộng', width: 4000, height: 100 } },
    { title: `Ảnh cực cao ${WORD}`, thumbnail: { url: 'media/tall.svg', alt: 'cao', width: 100, height: 4000 } },
    { title: `Ảnh không có kích thước ${WORD}`, thumbnail: { url: 'media/wide.svg', alt: 'x' } },
    { title: 'Tiêu đề bình thường', summary: URL300 },
    { title: `${WORD}${WORD}`, summary: TITLE300 },
  ];
  return Array.from({ length: 25 }, (_, i) => ({
    id: `dai-${i}`,
    slug: `bai-dai-${i}`,
    // every other card has no thumbnail at all
    ...variants[i % variants.length],
    category: { slug: i % 2 ? 'tin-tuc' : 'chuyen-muc-rat-dai', name: i % 2 ? 'Tin tức' : WORD },
    published_at: when(i),
    views: 10 ** (i % 13),
  }));
}

function writeData() {
  writeJson('site.json', {
    name: `Cổng thông tin đối ngoại tỉnh ${WORD}`,
    language: 'vi',
    agency: WORD,
    licence: `Giấy phép số 47/GP-TTĐT ${WORD}`,
    responsible: TITLE300,
    address: URL300,
    phone: '0'.repeat(300),
    email: `${'a'.repeat(200)}@${'b'.repeat(90)}.gov.vn`,
    source_notice: `Ghi rõ nguồn ${URL300} khi sử dụng thông tin trên website này.`,
    categories: [
      { slug: 'tin-tuc', name: 'Tin tức' },
      { slug: 'chuyen-muc-rat-dai', name: WORD },
      { slug: 'dai-2', name: TITLE300 },
    ],
    link_groups: [
      { name: WORD, links: [{ title: URL300, url: URL300 }, { title: WORD, url: 'https://example.gov.vn/' }] },
    ],
    badges: [{ title: WORD, url: URL300 }, { title: 'IPv6', image: 'media/wide.svg', url: URL300 }],
  });
  const items = summaries();
  writeJson('articles.json', { items, page: 1, per_page: 10, total: items.length });
  writeJson('hot.json', { items: items.slice(0, 10).map((a, i) => ({ ...a, id: `hot-${i}` })) });
  writeJson('visitors.json', { online: 12345678901234, today: 98765432109876, week: 1e15, month: 9e15, total: 18446744073709 });
  fs.mkdirSync(path.join(tmp, 'media'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'media', 'wide.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="100"><rect width="4000" height="100" fill="#8ab"/></svg>');
  fs.writeFileSync(path.join(tmp, 'media', 'tall.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="4000"><rect width="100" height="4000" fill="#ba8"/></svg>');

  const paras = Array.from({ length: 200 }, (_, i) => {
    if (i === 3) return `<p>${WORD}</p>`;
    if (i === 5) return `<p>Địa chỉ: <a href="${URL300}">${URL300}</a> và ${URL300}</p>`;
    if (i === 7) return `<pre>${'const x = "' + 'y'.repeat(400) + '";'}</pre>`;
    if (i === 9) return `<table><tr>${Array.from({ length: 12 }, (_, k) => `<th>Cột tiêu đề số ${k} ${WORD.slice(0, 40)}</th>`).join('')}</tr><tr>${Array.from({ length: 12 }, () => `<td>${WORD.slice(0, 60)}</td>`).join('')}</tr></table>`;
    if (i === 11) return `<figure><img src="media/wide.svg" width="4000" height="100" alt="rộng"><figcaption>${WORD}</figcaption></figure>`;
    if (i === 13) return `<p><img src="media/tall.svg" width="2000" height="4000" alt="cao"></p><p>${TITLE300}</p>`;
    if (i === 15) return `<blockquote>${WORD}</blockquote><ul><li>${WORD}</li></ul><h2>${WORD}</h2>`;
    if (i === 17) return `<p><code>${'z'.repeat(300)}</code> <strong>${WORD}</strong> <em>${URL300}</em></p>`;
    return `<p>Đoạn ${i + 1}. ${TITLE300}</p>`;
  });
  writeJson('articles/dai-0.json', {
    ...items[0],
    updated_at: '2024-05-01T10:00:00+07:00',
    author: WORD,
    source: URL300,
    body_html: paras.join('\n'),
    tags: [WORD, URL300, TITLE300, 'ngắn'],
    related: items.slice(1, 9),
  });
}

before(async () => {
  writeData();
  browser = await launchBrowser();
  stack = await startStack({ apiBase: true, dataDir: tmp });
});
after(async () => {
  await stack?.close();
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`# layout: ${views.length} views at ${WIDTH} px (${views.join(', ')}); 300-char words, URLs and titles, 200 paragraphs, wide table and <pre>, extreme image sizes, cards without thumbnails`);
});

/** Everything that sticks out (run in the page). */
function overflows() {
  const vw = document.documentElement.clientWidth;
  const root = document.querySelector('[data-news-portal]').shadowRoot;
  const np = root.querySelector('.np');
  const out = [];
  const de = document.documentElement;
  if (de.scrollWidth > de.clientWidth) out.push(`the page scrolls sideways: documentElement.scrollWidth ${de.scrollWidth} > ${de.clientWidth}`);
  if (document.body.scrollWidth > de.clientWidth) out.push(`body.scrollWidth ${document.body.scrollWidth} > ${de.clientWidth}`);
  if (np.scrollWidth > np.clientWidth) out.push(`.np scrollWidth ${np.scrollWidth} > clientWidth ${np.clientWidth}`);
  const name = (el) => {
    const parts = [];
    for (let e = el; e && e !== np && parts.length < 3; e = e.parentElement) {
      parts.unshift(e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/)[0] : ''));
    }
    return parts.join('>');
  };
  const hidden = (el) => {
    for (let e = el; e && e !== np; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden') return true;
      if (e.classList.contains('np-visually-hidden') || e.classList.contains('np-skip')) return true;
      if (cs.position === 'absolute' && (cs.clip !== 'auto' || cs.clipPath !== 'none')) return true;
    }
    return false;
  };
  /** The nearest ancestor (below `top`) that clips horizontally, if any. */
  const clipper = (el, top) => {
    for (let a = el.parentElement; a && a !== top; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') return a;
    }
    return null;
  };
  for (const el of np.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (hidden(el)) continue;
    const clip = clipper(el, np);
    if (!clip && (r.right > vw + 1 || r.left < -1)) out.push(`${name(el)} spans ${Math.round(r.left)}..${Math.round(r.right)} (viewport ${vw})`);
    // Text wider than its own box (a long word that does not wrap).
    const cs = getComputedStyle(el);
    if (cs.overflowX === 'visible' && cs.display !== 'inline' && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
      out.push(`${name(el)} content ${el.scrollWidth} px wider than its box ${el.clientWidth} px`);
    }
    // A scrolling box is fine inside, but must itself fit.
    if (cs.overflowX !== 'visible' && (r.right > vw + 1 || r.left < -1) && !clip) out.push(`scroll box ${name(el)} spans ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  for (const card of np.querySelectorAll('article.np-card')) {
    const c = card.getBoundingClientRect();
    if (card.scrollWidth > card.clientWidth + 1) out.push(`card ${name(card)}: scrollWidth ${card.scrollWidth} > ${card.clientWidth}`);
    for (const el of card.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if ((r.width === 0 && r.height === 0) || hidden(el) || clipper(el, card)) continue;
      if (r.left < c.left - 1 || r.right > c.right + 1) {
        out.push(`${name(el)} sticks out of its card: ${Math.round(r.left)}..${Math.round(r.right)} vs card ${Math.round(c.left)}..${Math.round(c.right)}`);
      }
    }
  }
  return [...new Set(out)];
}

async function open(p, ready) {
  const page = await newPage(browser, { viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, reducedMotion: 'reduce' });
  page.allowErrors(/khong-co\.png/); // the deliberately broken thumbnail
  views.push(p.length > 40 ? p.slice(0, 37) + '…' : p);
  await page.goto(stack.href(p), { waitUntil: 'commit' });
  await waitForReader(page);
  await page.locator(ready).first().waitFor({ state: 'visible', timeout: 15_000 }).catch(async (e) => {
    throw new Error(`${p}: ${ready} not visible (${e.message.split('\n')[0]}); <main>: ${await describeView(page)}`);
  });
  const skel = page.locator(`${R} [role="status"][aria-busy="true"]`);
  await poll(async () => (await skel.count()) === 0, { message: `${p}: still loading` });
  // Images (lazy) in: scroll through once, then back to the top.
  await page.evaluate(async () => {
    const imgs = [...document.querySelector('[data-news-portal]').shadowRoot.querySelectorAll('img')];
    for (const img of imgs) img.loading = 'eager';
    await Promise.all(imgs.map((img) => (img.complete ? null : new Promise((r) => { img.onload = img.onerror = r; setTimeout(r, 3000); }))));
    window.scrollTo(0, 0);
  });
  return page;
}

async function expectNoOverflow(page, p) {
  const problems = await page.evaluate(overflows);
  assert.deepEqual(problems.slice(0, 25), [], `${p} at ${WIDTH} px: ${problems.length} overflow(s)`);
}

describe(`layout at ${WIDTH} px`, () => {
  test('home: long titles, words and URLs in cards, cards without thumbnails, hot news, menu, links, footer', T, async () => {
    const page = await open('/', `${R} section.np-list article.np-card`);
    try {
      const cards = page.locator(`${R} section.np-list:not(.np-other) article.np-card`);
      assert.equal(await cards.count(), 10);
      // Cards without a thumbnail have no image (and no empty box for one).
      const noThumb = await cards.evaluateAll((cs) => cs.filter((c) => !c.querySelector('img')).length);
      assert.ok(noThumb >= 4, `${noThumb} cards without an image`);
      await expectNoOverflow(page, '/');
      page.assertNoErrors();
    } finally {
      await page.context().close();
    }
  });

  test('article of 200 paragraphs with a 300-character title, long words, URLs, wide table, <pre>, huge images', T, async () => {
    const page = await open('/bai-viet/dai-0/bai-dai-0', `${R} article.np-article .np-article__body p`);
    try {
      assert.equal(await page.locator(`${R} h1.np-article__title`).textContent().then((t) => t.trim().length), 300);
      const paras = await page.locator(`${R} .np-article__body p`).count();
      assert.ok(paras >= 195, `${paras} paragraphs rendered`);
      await expectNoOverflow(page, 'article');
      // Scrolled to the end, still nothing sideways.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expectNoOverflow(page, 'article (bottom)');
      page.assertNoErrors();
    } finally {
      await page.context().close();
    }
  });

  test('positive control: the checks catch a card that overflows and a page that scrolls sideways', T, async () => {
    const page = await open('/', `${R} section.np-list article.np-card`);
    try {
      await page.evaluate(() => {
        const card = document.querySelector('[data-news-portal]').shadowRoot.querySelector('section.np-list article.np-card');
        const s = document.createElement('span');
        s.textContent = 'W'.repeat(200);
        s.style.whiteSpace = 'nowrap';
        s.style.overflowWrap = 'normal';
        s.style.wordBreak = 'normal';
        card.querySelector('p, div').appendChild(s);
      });
      const problems = await page.evaluate(overflows);
      assert.ok(problems.some((p) => p.includes('sticks out of its card')), `card overflow not detected: ${JSON.stringify(problems.slice(0, 5))}`);
      assert.ok(problems.some((p) => p.includes('spans') || p.includes('scrolls sideways') || p.includes('wider than its box')), `overflow not detected: ${JSON.stringify(problems.slice(0, 5))}`);
    } finally {
      await page.context().close();
    }
  });

  test('category with a 300-character name, search for a 300-character word', T, async () => {
    for (const p of ['/chuyen-muc/chuyen-muc-rat-dai', `/tim-kiem?q=${encodeURIComponent(WORD)}`]) {
      const page = await open(p, `${R} section.np-list .np-page-title`);
      try {
        await expectNoOverflow(page, p);
        page.assertNoErrors();
      } finally {
        await page.context().close();
      }
    }
  });
});
