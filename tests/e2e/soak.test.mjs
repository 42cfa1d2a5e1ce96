// A seeded random walk over everything a reader can do (issue 24): clicks on
// any visible link or control of the reader, keys, back and forward, the
// language switch, typing in the search box, resizes, scrolling, routes typed
// in the address bar, the network lost and found again (the reader fetches
// what is on screen again), and backend faults switched on and off under it. On
// both backends' builds, in path and hash mode, with an article body that
// has a video, a wide table, anchors and attachments.
//
// It fails on any panic, trap, uncaught error or rejection, and on a reader
// that no longer navigates after the walk; a failure prints the seed and the
// last actions, so `SOAK_SEED=<seed> SOAK_STEPS=<n>` replays it.
//
//   node --test tests/e2e/soak.test.mjs                    (fixed seeds, as in CI)
//   SOAK_SEED=7,8,9 SOAK_STEPS=300 node --test tests/e2e/soak.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, newPage, waitForReader, see, freePort, CMS_BODY, DIST, REPO_ROOT } from './harness.mjs';
import { startBackend } from '../server/backend.mjs';
import { startStatic } from '../server/static.mjs';

const SEEDS = (process.env.SOAK_SEED || '11,12').split(',').map(Number);
const STEPS = Number(process.env.SOAK_STEPS) || 100;
/** `SOAK_CONFIG=portal/hash` walks one build and mode only. */
const ONLY = process.env.SOAK_CONFIG;
const R = '[data-news-portal]';
const WP_SH = path.join(REPO_ROOT, 'tests', 'wordpress', 'wp.sh');
/** Every article gets issue 11's CMS body, and a captioned table inside a div
 *  (an element the reader renders itself on the way to a table box). */
const BODY = CMS_BODY + '<div id="bang"><table><caption>Kết quả</caption><tr><th>Huyện</th><td>1.234.567</td></tr></table></div>';
const TEXTS = ['Hà Giang', 'tiếng Việt có dấu', '<img src=x onerror=alert(1)>', 'đối ngoại', '"\'&<>', '🙂 hội nghị',
  'x'.repeat(300), 'Lai Châu '.repeat(34), '   ', '%E0%A4%A', 'kế hoạch 15'];
const FAULTS = ['500', 'slow', 'malformed', 'empty', 'wrong-types', 'refused'];

/** mulberry32: a small seeded generator, so a walk can be replayed. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

/** Every value of a JSON answer turned into another type. */
function wrongTypes(v) {
  if (Array.isArray(v)) return v.length ? { 0: wrongTypes(v[0]) } : 'list';
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, wrongTypes(x)]));
  if (typeof v === 'string') return v.length % 2 ? 12345 : [v];
  if (typeof v === 'number') return String(v);
  return v === null ? {} : null;
}

let browser, backend, wp, wpDir;
const statics = [];
before(async () => {
  browser = await launchBrowser();
  backend = await startBackend({ port: 0 });
  wpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'np-soak-wp-'));
  wp = execFileSync(WP_SH, ['start', wpDir, String(await freePort())], { encoding: 'utf8', timeout: 120_000 }).trim();
});
after(async () => {
  await browser?.close();
  for (const s of statics) await s.close();
  await backend?.close();
  if (wpDir) execFileSync(WP_SH, ['stop', wpDir]);
  if (wpDir) fs.rmSync(wpDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

const CONFIGS = {
  'portal/path': () => ({ api: backend.url, attrs: {} }),
  'portal/hash': () => ({ api: backend.url, attrs: { 'data-routing': 'hash' } }),
  'wordpress/path': () => ({ api: `${wp}/wp-json`, attrs: { 'data-backend': 'wordpress' } }),
  'wordpress/hash': () => ({ api: `${wp}/wp-json`, attrs: { 'data-backend': 'wordpress', 'data-routing': 'hash' } }),
};

/** Routes a reader can type or be linked to (app paths). */
function routes(r) {
  return ['/', '/chuyen-muc/tin-tuc', '/chuyen-muc/khong-co', `/?trang=${1 + r.int(4)}`, '/tim-kiem?q=h%E1%BB%99i',
    `/ngay/2019-01-${String(1 + r.int(28)).padStart(2, '0')}`, '/khong-co-trang-nay', '/bai-viet/2019-0110-1',
    '/bai-viet/khong-co-bai-nay'];
}

async function walk(seed, name) {
  const r = rng(seed);
  const cfg = CONFIGS[name]();
  const stat = await startStatic({ dir: DIST, port: 0, apiBase: cfg.api, attrs: cfg.attrs });
  statics.push(stat);
  const hash = cfg.attrs['data-routing'] === 'hash';
  const url = (p) => (hash ? `${stat.origin}/#${p}` : stat.origin + p);
  const page = await newPage(browser, { viewport: { width: 360 + r.int(921), height: 740 } });
  const log = [];
  const crashes = [];
  page.on('pageerror', (e) => crashes.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /panicked|RuntimeError|unreachable|already borrowed|disposed/.test(m.text())) crashes.push(`console: ${m.text()}`);
  });
  page.context().on('page', (p) => p.close().catch(() => {}));
  // Nothing leaves the machine: the video player is a stub, other hosts are refused.
  await page.context().route((u) => !/^http:\/\/127\.0\.0\.1[:/]/.test(u.href) && !u.href.startsWith('data:'), (route) =>
    /youtube/.test(route.request().url())
      ? route.fulfill({ status: 200, contentType: 'text/html', body: '<title>player</title>' })
      : route.abort());
  const api = new URL(cfg.api);
  let fault = null;
  await page.route((u) => u.origin === api.origin && u.pathname.startsWith(api.pathname) && !u.pathname.includes('/__control'), async (route) => {
    const req = route.request();
    const u = new URL(req.url());
    const article = /\/(articles|posts)\/[^/]+$/.test(u.pathname) && !/hot$/.test(u.pathname);
    if (!fault && !article) return route.continue();
    if (fault === 'refused') return route.abort('connectionrefused');
    if (fault === '500') return route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"boom"}' });
    // From the URL, not the walk's generator: answers end in any order.
    if (fault === 'slow') await new Promise((res) => setTimeout(res, 400 + ((req.url().length * 97) % 2500)));
    let res;
    try {
      res = await route.fetch();
    } catch {
      return route.abort().catch(() => {});
    }
    let body = await res.text();
    if (article && res.status() === 200) {
      try {
        const json = JSON.parse(body);
        if (json.body_html !== undefined) json.body_html = BODY;
        if (json.content && typeof json.content === 'object') json.content.rendered = BODY;
        body = JSON.stringify(json);
      } catch { /* not JSON: as it came */ }
    }
    if (fault === 'malformed') body = body.slice(0, Math.max(1, body.length >> 1));
    if (fault === 'empty') body = '';
    if (fault === 'wrong-types') {
      try { body = JSON.stringify(wrongTypes(JSON.parse(body))); } catch { body = '[]'; }
    }
    return route.fulfill({ response: res, body }).catch(() => {});
  });

  const act = {
    async click() {
      const el = await page.evaluateHandle((n) => {
        const root = document.querySelector('[data-news-portal]')?.shadowRoot;
        if (!root) return null;
        const ok = [...root.querySelectorAll('a[href], button, summary, input, [tabindex]')].filter((e) => {
          const b = e.getBoundingClientRect();
          if (!b.width || !b.height || e.closest('[hidden]') || e.disabled) return false;
          // Links that would leave the page or open another one are not the reader's to test.
          if (e.tagName === 'A') return e.origin === location.origin && !e.target && !/\.(pdf|xlsx?|docx?)$/i.test(e.pathname);
          return true;
        });
        return ok.length ? ok[Math.floor(n * ok.length)] : null;
      }, r.next());
      const target = el.asElement();
      if (!target) return 'click: nothing';
      const what = await target.evaluate((e) => `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).split(' ')[0] : ''} "${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30)}"`).catch(() => '?');
      await target.click({ timeout: 1500 }).catch(() => {});
      return `click ${what}`;
    },
    async key() {
      const k = r.pick(['Tab', 'Tab', 'Shift+Tab', 'Enter', 'Escape', 'ArrowLeft', 'ArrowRight', 'ArrowDown', 'ArrowUp', 'Space', 'End', 'Home']);
      await page.keyboard.press(k);
      return `key ${k}`;
    },
    async history() {
      const back = r.next() < 0.7;
      await page.evaluate((b) => (b ? history.back() : history.forward()), back);
      return back ? 'back' : 'forward';
    },
    async language() {
      await page.locator(`${R} button.np-lang`).click({ timeout: 1500 }).catch(() => {});
      return 'language switch';
    },
    async search() {
      const text = r.pick(TEXTS);
      const box = page.locator(`${R} input[type=search]`).first();
      await box.fill(text, { timeout: 1500 }).catch(() => {});
      await box.press('Enter', { timeout: 1500 }).catch(() => {});
      return `search ${JSON.stringify(text.slice(0, 20))}`;
    },
    async resize() {
      const width = 360 + r.int(921);
      await page.setViewportSize({ width, height: 600 + r.int(400) });
      return `resize ${width}`;
    },
    async scroll() {
      const dy = r.int(4000) - 1000;
      await page.mouse.wheel(0, dy);
      return `scroll ${dy}`;
    },
    async go() {
      const p = r.pick(routes(r));
      await page.goto(url(p), { waitUntil: 'commit' }).catch(() => {});
      return `go ${p}`;
    },
    async fault() {
      fault = r.next() < 0.45 ? null : r.pick(FAULTS);
      return `fault ${fault}`;
    },
    async network() {
      const off = r.next() < 0.5;
      await page.context().setOffline(off);
      return off ? 'offline' : 'online';
    },
  };
  const weights = [['click', 38], ['key', 12], ['history', 8], ['language', 7], ['search', 5], ['resize', 5], ['scroll', 8], ['go', 7], ['fault', 10], ['network', 5]];
  const total = weights.reduce((s, [, w]) => s + w, 0);
  const choose = () => {
    let x = r.int(total);
    for (const [name, w] of weights) if ((x -= w) < 0) return name;
    return 'click';
  };
  const fail = (why) => {
    throw new Error(`${why}\n  walk ${name}, seed ${seed} (replay: SOAK_SEED=${seed} SOAK_STEPS=${STEPS})\n  last actions:\n    ${log.slice(-15).join('\n    ')}`);
  };

  await page.goto(url(r.pick(['/', '/bai-viet/2019-0110-1', '/chuyen-muc/tin-tuc'])));
  await waitForReader(page);
  for (let i = 0; i < STEPS; i++) {
    const action = choose();
    log.push(`${i}: ${await act[action]().catch((e) => `${action} threw ${e.message.split('\n')[0]}`)}`);
    await page.waitForTimeout(r.int(250));
    if (crashes.length) fail(`the reader crashed:\n  ${crashes.join('\n  ')}`);
  }

  // After the walk the reader still works, driven as a reader would: the
  // faults gone, the site's name goes home, "Thử lại" where a list failed,
  // a card opens its article.
  fault = null;
  await page.context().setOffline(false);
  await page.waitForTimeout(300);
  if (crashes.length) fail(`the reader crashed:\n  ${crashes.join('\n  ')}`);
  await page.locator(`${R} a.np-brand`).click().catch((e) => fail(`no home link after the walk: ${e.message}`));
  const card = page.locator(`${R} main#np-main article.np-card a`).first();
  for (let i = 0; i < 3 && !(await card.isVisible().catch(() => false)); i++) {
    const retry = page.locator(`${R} main#np-main .np-retry`);
    await retry.first().waitFor({ state: 'visible', timeout: 2000 }).then(() => retry.first().click()).catch(() => {});
    await page.waitForTimeout(500);
  }
  await see(page, card).catch((e) => fail(`no list after the walk: ${e.message}`));
  await card.click();
  await see(page, page.locator(`${R} main#np-main h1`).first()).catch((e) => fail(`no article after the walk: ${e.message}`));
  if (crashes.length) fail(`the reader crashed:\n  ${crashes.join('\n  ')}`);
  await page.context().close();
  return log.length;
}

for (const seed of SEEDS) {
  for (const name of Object.keys(CONFIGS).filter((n) => !ONLY || ONLY.split(',').includes(n))) {
    test(`random walk ${name}, seed ${seed}, ${STEPS} steps`, { timeout: 30_000 + STEPS * 1500 }, async () => {
      assert.equal(await walk(seed, name), STEPS);
    });
  }
}
