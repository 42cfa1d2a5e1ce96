// Shared helpers for the browser tests (node:test + playwright-core + system Chromium).
//
//   const browser = await launchBrowser();
//   const stack = await startStack({ apiBase: true });      // backend + static server for dist/
//   const page = await newPage(browser, { timezoneId: 'America/New_York' });
//   await page.goto(stack.href('/chuyen-muc/tin-tuc'));
//   await waitForText(page, 'Tin mới nhất');
//   page.assertNoErrors();
//   await page.context().close(); await stack.close(); await browser.close();
//
// Playwright CSS, text and role locators pierce OPEN shadow roots; XPath does not.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStatic } from '../server/static.mjs';
import { startBackend } from '../server/backend.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const DIST = process.env.NP_DIST ? path.resolve(process.env.NP_DIST) : path.join(REPO_ROOT, 'dist');
export const CHROMIUM = process.env.NP_CHROMIUM || process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Default wait for anything in the reader (ms). */
export const WAIT = Number(process.env.NP_WAIT_MS) || 10_000;

export async function launchBrowser(opts = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
    ],
    ...opts,
  });
}

/**
 * Start the backend (unless apiBase is false) and the static server for dist/.
 * @param {{apiBase?: boolean|string, basePath?: string, csp?: string|((o: {apiBase: string|null, apiOrigin: string|null}) => string),
 *          dataDir?: string, dist?: string}} opts
 *   apiBase: true → the test backend's URL; a string → that URL; false → none (bundled demo content).
 *   csp: a Content-Security-Policy for the HTML, or a function of the API base/origin returning one.
 * @returns {Promise<{url: string, origin: string, basePath: string, apiBase: string|null,
 *   backend: Awaited<ReturnType<typeof startBackend>>|null, static: any,
 *   href: (p?: string) => string, close: () => Promise<void>}>}
 */
export async function startStack(opts = {}) {
  const dist = opts.dist ? path.resolve(opts.dist) : DIST;
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    const rel = path.relative(REPO_ROOT, path.join(dist, 'index.html'));
    throw new Error(`${rel.startsWith('..') ? path.join(dist, 'index.html') : rel} is missing: run scripts/build first`);
  }
  const wantApi = opts.apiBase === undefined ? true : opts.apiBase;
  let backend = null;
  let apiBase = null;
  if (wantApi === true) {
    backend = await startBackend({ port: 0, dataDir: opts.dataDir });
    apiBase = backend.url;
  } else if (typeof wantApi === 'string') {
    apiBase = wantApi;
  }
  let stat;
  try {
    const csp = typeof opts.csp === 'function' ? opts.csp({ apiBase, apiOrigin: apiBase ? new URL(apiBase).origin : null }) : opts.csp;
    stat = await startStatic({ dir: dist, port: 0, apiBase: apiBase ?? undefined, basePath: opts.basePath, csp, attrs: opts.attrs });
  } catch (e) {
    if (backend) await backend.close();
    throw e;
  }
  const basePath = new URL(stat.url).pathname; // ends in /
  return {
    url: stat.url,
    origin: stat.origin,
    basePath,
    apiBase,
    backend,
    static: stat,
    /** Absolute URL of an app path: href('/chuyen-muc/x?trang=2') → origin + basePath + 'chuyen-muc/x?trang=2'. */
    href: (p = '/') => stat.origin + basePath.replace(/\/$/, '') + (p.startsWith('/') ? p : '/' + p),
    close: async () => {
      await stat.close();
      if (backend) await backend.close();
    },
  };
}

/**
 * A page in a fresh context (vi-VN, Asia/Ho_Chi_Minh unless overridden) that records
 * console errors, page errors and failed requests.
 * Extra members on the returned page:
 *   page.errors            [{kind: 'console'|'pageerror'|'requestfailed'|'http', text}]
 *   page.dialogs           texts of alert/confirm/prompt dialogs (dismissed)
 *   page.allowErrors(re)   ignore matching errors from now on (e.g. a fault's 500)
 *   page.assertNoErrors()  throws listing every error not allowed
 *   page.requests          URLs of every request made
 * `http` entries (responses ≥ 400) are informational: they are not errors by themselves
 * (Chromium also logs a console error for them, which is).
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').BrowserContextOptions & {allow?: RegExp[]}} opts
 */
export async function newPage(browser, opts = {}) {
  const { allow = [], ...ctxOpts } = opts;
  const context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 900 },
    // The standalone page registers a service worker that answers from its
    // caches; the suites test the reader itself, so only
    // tests/e2e/offline.test.mjs lets it run (serviceWorkers: 'allow').
    serviceWorkers: 'block',
    ...ctxOpts,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  // Chromium asks for /favicon.ico by itself (the host page's business, not the reader's).
  const allowed = [/\/favicon\.ico\)?$/, ...allow];
  page.errors = [];
  page.dialogs = [];
  page.requests = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    const where = loc && loc.url ? ` (${loc.url}${loc.lineNumber ? ':' + loc.lineNumber : ''})` : '';
    page.errors.push({ kind: 'console', text: msg.text() + where });
  });
  page.on('pageerror', (err) => page.errors.push({ kind: 'pageerror', text: String(err && (err.stack || err.message) || err) }));
  page.on('request', (req) => page.requests.push(req.url()));
  page.on('requestfailed', (req) => {
    const f = req.failure();
    const why = f ? f.errorText : 'failed';
    // Aborted fetches are normal (route changes cancel in-flight requests).
    if (/ERR_ABORTED/.test(why)) return;
    page.errors.push({ kind: 'requestfailed', text: `${req.method()} ${req.url()}: ${why}` });
  });
  page.on('response', (res) => {
    if (res.status() >= 400) page.errors.push({ kind: 'http', text: `${res.status()} ${res.request().method()} ${res.url()}` });
  });
  page.on('dialog', (d) => {
    page.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.allowErrors = (...res) => allowed.push(...res);
  page.unexpectedErrors = () =>
    page.errors.filter((e) => e.kind !== 'http' && !allowed.some((re) => re.test(e.text)));
  page.assertNoErrors = () => {
    const bad = page.unexpectedErrors();
    if (page.dialogs.length) bad.push(...page.dialogs.map((d) => ({ kind: 'dialog', text: d })));
    if (bad.length) {
      const http = page.errors.filter((e) => e.kind === 'http').map((e) => e.text);
      throw new Error(
        `unexpected errors in the page:\n${bad.map((e) => `  [${e.kind}] ${e.text}`).join('\n')}` +
          (http.length ? `\nHTTP errors seen:\n${http.map((t) => '  ' + t).join('\n')}` : ''),
      );
    }
  };
  return page;
}

/** The reader's root (`div.np` inside the shadow root of the first [data-news-portal]). */
export function reader(page) {
  return page.locator('[data-news-portal] .np').first();
}

/**
 * A named region of the reader (a `<section>` with an accessible name: "Tin nóng",
 * "Thống kê truy cập", a list's title), found as a screen reader finds it.
 */
export function region(page, name) {
  return page.locator('[data-news-portal]').getByRole('region', { name, exact: true });
}

/**
 * The term/definition pairs of a description list inside `locator` (the
 * visitor figures): by their roles, in order, whitespace-collapsed.
 */
export async function termPairs(locator) {
  const terms = await textsOf(locator.getByRole('term'));
  const defs = await textsOf(locator.getByRole('definition'));
  return terms.map((t, i) => [t, defs[i] ?? '']);
}

/** Wait until the reader's root is attached. */
export async function waitForReader(page, timeout = WAIT) {
  await page.locator('[data-news-portal] .np').first().waitFor({ state: 'attached', timeout });
}

/** Wait until `text` (string: substring; RegExp) is visible inside `selector` (default: the reader). */
export async function waitForText(page, text, { selector = '[data-news-portal] .np', timeout = WAIT } = {}) {
  const loc = page.locator(selector).getByText(text).first();
  try {
    await loc.waitFor({ state: 'visible', timeout });
  } catch (e) {
    const seen = await page.locator(selector).first().innerText({ timeout: 500 }).catch(() => '(not found)');
    throw new Error(`text ${text} not visible in ${selector} within ${timeout} ms; its text was:\n${clip(seen)}`);
  }
  return loc;
}

/** One line per child of the reader's <main> (tag.class: first heading, card count), for failure messages. */
export async function describeView(page) {
  return page
    .evaluate(() => {
      const host = document.querySelector('[data-news-portal]');
      const root = host && host.shadowRoot;
      if (!root) return '(no shadow root)';
      const main = root.querySelector('main') || root.querySelector('.np');
      if (!main) return '(no main)';
      return [...main.children]
        .map((c) => {
          const h = c.querySelector('h1, h2') || (/^H[12]$/.test(c.tagName) ? c : null);
          const cls = typeof c.className === 'string' && c.className ? '.' + c.className.trim().split(/\s+/).join('.') : '';
          return `<${c.tagName.toLowerCase()}${cls}> "${h ? h.textContent.replace(/\s+/g, ' ').trim().slice(0, 60) : ''}" cards:${c.querySelectorAll('article.np-card').length}`;
        })
        .join(' | ');
    })
    .catch((e) => `(could not describe: ${e.message})`);
}

/** locator.waitFor (visible by default), but a timeout names the URL and what the reader shows. */
export async function see(page, locator, { state = 'visible', timeout = WAIT } = {}) {
  try {
    await locator.waitFor({ state, timeout });
  } catch (e) {
    throw new Error(`${locator} not ${state} within ${timeout} ms\n  at ${page.url()}\n  the reader's <main> shows: ${await describeView(page)}`);
  }
  return locator;
}

/** Whitespace-collapsed text of the first match (textContent, so hidden text counts too). */
export async function textOf(locator) {
  return norm(await locator.first().textContent({ timeout: WAIT }));
}

/** Whitespace-collapsed texts of all matches. */
export async function textsOf(locator) {
  return (await locator.allTextContents()).map(norm);
}

export function norm(s) {
  return String(s ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * A request's URL as the reader meant it: gloo-net 0.6 ends a URL that already
 * has a query with "&" (rustwasm/gloo#498), the loader's fetches do not.
 */
export function requestUrl(url) {
  return url.replace(/&$/, '');
}

function clip(s, n = 1500) {
  s = String(s);
  return s.length > n ? s.slice(0, n) + ' …' : s;
}

/**
 * Retry `fn` (which throws or returns false/null/undefined on failure) until it passes or
 * `timeout` ms elapse; then rethrow its last error, prefixed with `message` (a string, or a
 * function called at failure time, possibly async). Returns fn's value.
 */
export async function poll(fn, { timeout = WAIT, interval = 100, message } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v !== false && v !== undefined && v !== null) return v;
      last = new Error('condition not met');
    } catch (e) {
      last = e;
    }
    if (Date.now() >= end) {
      const msg = typeof message === 'function' ? await Promise.resolve(message()).catch((e) => String(e)) : message;
      if (msg && last && !String(last.message).startsWith(msg)) last.message = `${msg}: ${last.message}`;
      throw last;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Element that has focus inside the reader's shadow root, described for assertions. */
export async function shadowActiveElement(page) {
  return page.evaluate(() => {
    const host = document.querySelector('[data-news-portal]');
    const root = host && host.shadowRoot;
    const el = root ? root.activeElement : document.activeElement;
    if (!el) return null;
    return {
      tag: el.tagName.toLowerCase(),
      className: typeof el.className === 'string' ? el.className : '',
      role: el.getAttribute('role'),
      label: el.getAttribute('aria-label'),
      text: (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 200),
    };
  });
}

/** Path + search of the page's URL relative to the stack's base path ('/chuyen-muc/x?trang=2'). */
export function appPath(page, stack) {
  const u = new URL(page.url());
  const base = stack.basePath.replace(/\/$/, '');
  const p = base && u.pathname.startsWith(base) ? u.pathname.slice(base.length) || '/' : u.pathname;
  return p + u.search;
}

// ---- formatting as the reader must show it (Vietnam, UTC+07:00) ----

/** 1234567 → "1.234.567" */
export function fmtNum(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function vnParts(iso) {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) throw new Error(`bad time ${iso}`);
  const d = new Date(t + 7 * 3600 * 1000);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() };
}

const p2 = (n) => String(n).padStart(2, '0');

/** "2019-01-10T16:47:06+07:00" → "10/01/2019" */
export function vnDate(iso) {
  const { y, mo, d } = vnParts(iso);
  return `${p2(d)}/${p2(mo)}/${y}`;
}

/** "2019-01-10T16:47:06+07:00" → "10/01/2019 4:47:06 CH" */
export function vnDateTime(iso) {
  const { h, mi, s } = vnParts(iso);
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${vnDate(iso)} ${h12}:${p2(mi)}:${p2(s)} ${h < 12 ? 'SA' : 'CH'}`;
}

/** Read a JSON file of the built demo content (dist/demo/<name>), falling back to public/demo/. */
export function readDemoJson(name) {
  for (const dir of [path.join(DIST, 'demo'), path.join(REPO_ROOT, 'public', 'demo')]) {
    const f = path.join(dir, name);
    if (fs.existsSync(f)) return JSON.parse(fs.readFileSync(f, 'utf8'));
  }
  return null;
}

/**
 * A positive signal that what images do has happened: every image in the
 * reader has loaded or failed (so its error handlers have run), but lazy
 * ones below the screen, then a frame and a task.
 */
export async function imagesSettled(page, timeout = WAIT) {
  await page.waitForFunction(() => {
    const root = document.querySelector('[data-news-portal]')?.shadowRoot;
    return [...(root?.querySelectorAll('img') ?? [])].every((i) => i.complete || (i.loading === 'lazy' && i.getBoundingClientRect().top > innerHeight));
  }, null, { timeout });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
}

/** Records the page's CSP violations in `page.csp` (call before the page loads). */
export async function recordCsp(page) {
  page.csp = [];
  await page.exposeFunction('__npCsp', (v) => page.csp.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__npCsp(`${e.effectiveDirective} ${e.blockedURI}`));
  });
}

/**
 * The policy was live and nothing but our own test broke it: a request it
 * must refuse is sent, its violation awaited (a positive signal), and no
 * other violation was recorded (`recordCsp`).
 */
export async function assertCspLive(page) {
  page.allowErrors(/csp-sentinel/);
  await page.evaluate(() => fetch('https://csp-sentinel.invalid/').catch(() => {}));
  await poll(() => page.csp.some((v) => v.includes('csp-sentinel')), { message: () => `the sentinel was not refused: ${page.csp}` });
  assert.deepEqual(page.csp.filter((v) => !v.includes('csp-sentinel')), [], 'CSP violations');
}

/** A free TCP port on 127.0.0.1, for a server the test starts (WordPress). */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

// ---- an article body pasted from a CMS (issue 11) ----
// Attachments, an in-page link to a Word bookmark, an image without alt, a
// YouTube embed, a wide table, a <video>, and enough text to scroll.
export const CMS_VIDEO_ID = 'dQw4w9WgXcQ';
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const FILLER = '<p>Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai công tác thông tin đối ngoại trên địa bàn, '
  + 'giao các sở, ban, ngành và địa phương tổ chức thực hiện đúng tiến độ.</p>';
const cells = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join('');
export const CMS_BODY = [
  '<p>Mục lục: <a href="#muc-2">2. Tổ chức thực hiện</a></p>',
  '<h3 id="muc-1">1. Mục đích</h3>',
  FILLER.repeat(12),
  '<p><a href="/uploads/ke-hoach-15.pdf">Kế hoạch số 15/KH-UBND</a></p>',
  '<p><a href="/uploads/phu-luc.xlsx">Tải về</a></p>',
  `<p><img src="${PIXEL}" width="1" height="1"></p>`,
  `<figure class="wp-block-embed"><iframe width="560" height="315" src="https://www.youtube.com/embed/${CMS_VIDEO_ID}?si=abc" `
    + 'title="Hội nghị thông tin đối ngoại 2024" allowfullscreen></iframe></figure>',
  `<table><thead><tr>${cells(10, (i) => `<th>Huyện ${i + 1}</th>`)}</tr></thead>`
    + `<tbody><tr>${cells(10, () => '<td>1.234.567.890</td>')}</tr></tbody></table>`,
  '<video src="https://media.example/clip.mp4" autoplay></video>',
  FILLER.repeat(6),
  '<p><a name="muc-2"></a></p><h3>2. Tổ chức thực hiện</h3>',
  FILLER.repeat(12),
].join('\n');
