// The measurements that drive the real reader in headless Chromium through
// playwright-core: what the first view fetches, render time of list pages,
// memory across article-to-article navigations, and how closely the static
// "limit" page mirrors the reader's markup.

import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './chromium.mjs';

export async function launchPlaywright(extraArgs = []) {
  return chromium.launch({
    executablePath: CHROMIUM,
    timeout: 30_000,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', ...extraArgs,
    ],
  });
}

/** Lighthouse's mobile screen, without its throttling (these figures are unthrottled). */
const MOBILE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

async function newPage(browser) {
  const context = await browser.newContext({ ...MOBILE, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e && e.message || e)));
  return page;
}

/** A promise that rejects after ms, for page.evaluate calls (which have no timeout of their own). */
function bounded(p, ms, what) {
  let t;
  return Promise.race([
    p,
    new Promise((_, reject) => { t = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms); }),
  ]).finally(() => clearTimeout(t));
}

/** The dist file a request to the static server answered with (SPA routes → index.html), or null. */
function distFileOf(url, origin, dist) {
  const u = new URL(url);
  if (u.origin !== origin) return null;
  let p = decodeURIComponent(u.pathname).replace(/^\/+/, '');
  if (p === '' || p.endsWith('/')) p += 'index.html';
  if (fs.existsSync(path.join(dist, p)) && fs.statSync(path.join(dist, p)).isFile()) return p;
  return path.extname(p) ? null : 'index.html';
}

/**
 * Load the home page once, cold, and list the dist files it fetched (and what
 * else it fetched from the backend).
 */
export async function firstLoad(browser, { url, origin, dist }) {
  const page = await newPage(browser);
  const files = new Set();
  const backend = { requests: 0, bytes: 0 };
  const pending = [];
  page.on('requestfinished', (req) => {
    const f = distFileOf(req.url(), origin, dist);
    if (f) files.add(f);
    else if (!req.url().startsWith('data:')) {
      backend.requests += 1;
      pending.push(req.sizes().then((s) => { backend.bytes += s.responseBodySize + s.responseHeadersSize; }, () => {}));
    }
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('article.np-card', { timeout: 15_000 });
    await page.waitForTimeout(1500); // lazy images in view, visitor figures, the hit
    await Promise.all(pending);
    return { files: [...files].sort(), backend, errors: page.errors };
  } finally {
    await page.context().close();
  }
}

/** Class names used inside the reader's shadow root on a page. */
async function shadowClasses(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-news-portal]')?.shadowRoot;
    if (!root) return null;
    const set = new Set();
    let nodes = 0;
    for (const el of root.querySelectorAll('*')) {
      nodes += 1;
      for (const c of el.classList) set.add(c);
    }
    return { classes: [...set].sort(), nodes };
  });
}

/**
 * How faithfully the static page mirrors the reader's article: the classes in
 * one and not the other, element counts, and the reader's wasm entry (for memory).
 */
export async function compareMarkup(browser, { readerUrl, staticUrl }) {
  const page = await newPage(browser);
  try {
    await page.goto(readerUrl, { waitUntil: 'load' });
    await page.waitForSelector('.np-article__body');
    await page.waitForSelector('.np-other .np-list__items');
    await page.waitForTimeout(500);
    const reader = await shadowClasses(page);
    await page.goto(staticUrl, { waitUntil: 'load' });
    const stat = await shadowClasses(page);
    if (!reader || !stat) throw new Error('no shadow root on one of the pages');
    // State classes the reader adds only while loading or on interaction.
    return {
      readerNodes: reader.nodes,
      staticNodes: stat.nodes,
      readerClasses: reader.classes.length,
      shared: reader.classes.filter((c) => stat.classes.includes(c)).length,
      missing: reader.classes.filter((c) => !stat.classes.includes(c)),
      extra: stat.classes.filter((c) => !reader.classes.includes(c)),
    };
  } finally {
    await page.context().close();
  }
}

/**
 * In the page: click the list's "next page" link `count` times; for each page,
 * the time from the list's JSON answer fully received (Resource Timing
 * responseEnd) to the list holding the new `expect` cards in the DOM, and to
 * the next frame; and the time from the click.
 */
async function pageThrough(page, { count, expect, timeoutMs = 15_000 }) {
  return page.evaluate(async ({ count, expect, timeoutMs }) => {
    const root = document.querySelector('[data-news-portal]').shadowRoot;
    performance.setResourceTimingBufferSize(10_000);
    const cardsOf = () => root.querySelectorAll('.np-list .np-list__items > article.np-card');
    const out = [];
    for (let i = 0; i < count; i++) {
      const next = root.querySelector('.np-list .np-pagination__next');
      if (!next) throw new Error(`no next-page link after ${i} pages`);
      const target = new URL(next.href).searchParams.get('trang');
      const before = cardsOf()[0]?.querySelector('a.np-card__title')?.getAttribute('href');
      performance.clearResourceTimings();
      const done = new Promise((resolve, reject) => {
        const check = () => {
          const cards = cardsOf();
          if (cards.length !== expect) return false;
          const first = cards[0].querySelector('a.np-card__title')?.getAttribute('href');
          return first && first !== before;
        };
        const mo = new MutationObserver(() => {
          if (check()) {
            mo.disconnect();
            clearTimeout(timer);
            resolve(performance.now());
          }
        });
        const timer = setTimeout(() => {
          mo.disconnect();
          reject(new Error(`page ${target}: ${expect} new cards did not appear within ${timeoutMs} ms`));
        }, timeoutMs);
        mo.observe(root, { childList: true, subtree: true, characterData: true });
      });
      const t0 = performance.now();
      next.click();
      const dom = await done;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const frame = performance.now();
      const entry = performance.getEntriesByType('resource')
        .find((e) => /\/articles\?/.test(e.name) && new URL(e.name).searchParams.get('page') === target);
      if (!entry) throw new Error(`page ${target}: no Resource Timing entry for the list request`);
      out.push({ click: t0, responseEnd: entry.responseEnd, dom, frame });
    }
    return out;
  }, { count, expect, timeoutMs });
}

/** Quantile q (0..1) with linear interpolation. */
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return null;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
};
const median = (xs) => quantile(xs, 0.5);

/**
 * Scaling. `backend` serves a dataset big enough for `totals` (see data.mjs).
 * - perPage: for each size S (10/25/50: the reader renders at most 50 items
 *   of a page), the backend sends pages of S; `navs` page-to-page clicks per
 *   size, the sizes interleaved; median render time (answer received → next
 *   frame) and per item.
 * - totals: 100/1000/5000 articles rendered as consecutive pages of 50 (the
 *   largest page the reader renders), cumulative render time and per item.
 */
export async function scaling(browser, { url, backend, perPage = [10, 25, 50], totals = [100, 1000, 5000], navs = 15 }) {
  const page = await newPage(browser);
  try {
    // Interleaved (10, 25, 50, 10, 25, 50, ...), so that a change in the
    // machine's load hits every size alike. Each sample is a page of S that
    // replaces a page of S: one unmeasured click switches the size first.
    backend.setPageSize(perPage[0]);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction((S) => document.querySelector('[data-news-portal]')?.shadowRoot
      ?.querySelectorAll('.np-list .np-list__items > article.np-card').length === S, perPage[0]);
    const samples = new Map(perPage.map((S) => [S, []]));
    for (let round = 0; round < navs; round++) {
      for (const S of perPage) {
        backend.setPageSize(S);
        await bounded(pageThrough(page, { count: 1, expect: S }), 30_000, `switch to pages of ${S}`);
        const [r] = await bounded(pageThrough(page, { count: 1, expect: S }), 30_000, `page of ${S}`);
        samples.get(S).push(r);
      }
    }
    const sizes = perPage.map((S) => {
      const r = samples.get(S);
      const times = r.map((x) => x.frame - x.responseEnd);
      const render = median(times);
      return {
        items: S,
        samples: r.length,
        renderMs: render,
        q1Ms: quantile(times, 0.25),
        q3Ms: quantile(times, 0.75),
        samplesMs: times.map((t) => +t.toFixed(1)),
        domMs: median(r.map((x) => x.dom - x.responseEnd)),
        clickMs: median(r.map((x) => x.frame - x.click)),
        perItemUs: (render / S) * 1000,
      };
    });
    const S = 50;
    backend.setPageSize(S);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('[data-news-portal]')?.shadowRoot
      ?.querySelectorAll('.np-list .np-list__items > article.np-card').length === 50);
    const max = Math.max(...totals);
    const pages = [];
    // In chunks, so a stall is caught early and the evaluate calls stay short.
    while (pages.length * S < max) {
      const n = Math.min(20, Math.ceil((max - pages.length * S) / S));
      pages.push(...await bounded(pageThrough(page, { count: n, expect: S }), 30_000 + n * 15_000, 'pages of 50'));
    }
    const total = totals.map((N) => {
      const rs = pages.slice(0, Math.ceil(N / S));
      const times = rs.map((x) => x.frame - x.responseEnd);
      const renderMs = times.reduce((t, x) => t + x, 0);
      const clickMs = rs.reduce((t, x) => t + (x.frame - x.click), 0);
      // Per item from the median page, not the sum: on a shared machine a
      // few pages stall for reasons of their own, and the median resists that.
      return { items: N, pages: rs.length, renderMs, clickMs, medianPageMs: median(times), perItemUs: (median(times) / S) * 1000, meanPerItemUs: (renderMs / N) * 1000 };
    });
    return { perPage: sizes, totals: total, pagesMs: pages.map((x) => +(x.frame - x.responseEnd).toFixed(1)), errors: page.errors };
  } finally {
    backend.setPageSize(null);
    await page.context().close();
  }
}

/**
 * Memory. Opens an article, follows `navs` links to other articles by
 * clicking them in the reader (the "Tin khác" and "Tin liên quan" cards), and
 * after `early` and after `navs` navigations collects garbage and reads the
 * wasm linear memory (the glue's `memory` export), the JS heap and the DOM
 * counters.
 */
export async function memory(browser, { articleUrl, jsUrl, early = 10, navs = 200 }) {
  const page = await newPage(browser);
  const cdp = await page.context().newCDPSession(page);
  try {
    await page.goto(articleUrl, { waitUntil: 'load' });
    await page.waitForSelector('.np-other .np-list__items a.np-card__title');
    const sample = async () => {
      await page.waitForTimeout(1000); // let images, the hit and timers settle
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const dom = await cdp.send('Memory.getDOMCounters');
      const wasm = await bounded(page.evaluate(async (jsUrl) => {
        const glue = await import(jsUrl);
        // Already initialised by the loader: returns the same instance's exports.
        const exports = await glue.default();
        return exports.memory.buffer.byteLength;
      }, jsUrl), 10_000, 'reading wasm memory');
      return { wasm, jsHeap: heap.usedSize, domNodes: dom.nodes, listeners: dom.jsEventListeners };
    };
    const go = (count, offset) => bounded(page.evaluate(async ({ count, offset }) => {
      const root = document.querySelector('[data-news-portal]').shadowRoot;
      const seen = [];
      for (let i = 0; i < count; i++) {
        const links = [...root.querySelectorAll('.np-other a.np-card__title, .np-carousel a.np-card__title')]
          .filter((a) => a.pathname !== location.pathname);
        if (!links.length) throw new Error(`no link to another article after ${offset + i} navigations`);
        const a = links[((offset + i) * 7) % links.length];
        const title = a.textContent.trim();
        const want = a.pathname;
        const done = new Promise((resolve, reject) => {
          const check = () => location.pathname === want &&
            root.querySelector('h1.np-article__title')?.textContent.trim() === title &&
            root.querySelector('.np-other .np-list__items a.np-card__title');
          const mo = new MutationObserver(() => {
            if (check()) {
              mo.disconnect();
              clearTimeout(timer);
              resolve();
            }
          });
          const timer = setTimeout(() => {
            mo.disconnect();
            reject(new Error(`navigation ${offset + i + 1} to ${want} did not render within 15 s`));
          }, 15_000);
          mo.observe(root, { childList: true, subtree: true, characterData: true });
        });
        a.click();
        await done;
        seen.push(want);
      }
      return seen;
    }, { count, offset }), 30_000 + count * 15_000, 'article navigations');

    const visited = new Set();
    for (const p of await go(early, 0)) visited.add(p);
    const atEarly = await sample();
    let done = early;
    while (done < navs) {
      const n = Math.min(50, navs - done);
      for (const p of await go(n, done)) visited.add(p);
      done += n;
    }
    const atEnd = await sample();
    return { early, navs, atEarly, atEnd, distinctArticles: visited.size, errors: page.errors };
  } finally {
    await page.context().close();
  }
}
