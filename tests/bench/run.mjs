#!/usr/bin/env node
// Performance benchmark of the built reader (dist/): size, Lighthouse (mobile)
// against a script-free static page of the same article, list scaling and
// memory. Prints one table. Reports; does not gate: exit 0 whether budgets are
// met or not, non-zero only when something could not be measured.
//
//   node tests/bench/run.mjs [--runs 3] [--navs 200] [--article ID]
//        [--only size,lighthouse,scaling,memory] [--json FILE]
//
// Needs scripts/setup --browser (Debian Chromium, lighthouse from npm) and
// scripts/build (dist/). See tests/bench/README.md.

import { FIRST_LOAD_LIMIT } from '../../tools/postbuild.mjs';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startStatic, parseArgs } from '../server/static.mjs';
import { startBackend } from '../server/backend.mjs';
import { CHROMIUM, closeAllChromium } from './chromium.mjs';
import { sizeTable } from './sizes.mjs';
import { staticArticleHtml } from './static-page.mjs';
import { makeScalingData } from './data.mjs';
import { renderTable, fmt, fmtInt, kib, mark } from './table.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const DIST = process.env.NP_DIST ? path.resolve(process.env.NP_DIST) : path.join(ROOT, 'dist');
const DEMO = path.join(ROOT, 'public', 'demo');

const BUDGET = {
  brotliBytes: FIRST_LOAD_LIMIT, // wasm + JS + CSS of the first view, brotli -q 11 (tools/postbuild.mjs)
  performance: 98, // Lighthouse mobile, home and article
  cls: 0.01,
  tbtMs: 50,
  lcpRatio: 2.0, // reader's LCP / static page's LCP (issue 13)
  perItemRatio: 1.5, // per-item cost, largest size / smallest
  memoryGrowthPct: 5, // after 200 navigations vs after 10
};

const SECTIONS = ['size', 'lighthouse', 'scaling', 'memory'];

function usage() {
  console.log(`usage: node tests/bench/run.mjs [--runs N] [--navs N] [--article ID] [--only ${SECTIONS.join(',')}] [--json FILE]

  --runs N     Lighthouse runs per page (median reported); default 3
  --navs N     article-to-article navigations for the memory figure; default 200
  --article ID demo article for the article page and the static page; default the newest
  --only LIST  measure only these sections (comma-separated)
  --baseline DIR  a second build (e.g. of commit f128cdb) measured in the same
               Lighthouse runs, against the same backend
  --json FILE  also write every raw figure as JSON`);
}

const args = parseArgs(process.argv.slice(2));
if (args.help || args.h) {
  usage();
  process.exit(0);
}
const RUNS = args.runs === undefined ? 3 : Number(args.runs);
const NAVS = args.navs === undefined ? 200 : Number(args.navs);
const EARLY = 10;
if (!Number.isInteger(RUNS) || RUNS < 1 || RUNS > 50) {
  console.error('bench: --runs must be an integer from 1 to 50');
  process.exit(2);
}
if (!Number.isInteger(NAVS) || NAVS <= EARLY || NAVS > 5000) {
  console.error(`bench: --navs must be an integer above ${EARLY}`);
  process.exit(2);
}
const ONLY = typeof args.only === 'string' ? args.only.split(',').map((s) => s.trim()).filter(Boolean) : SECTIONS;
for (const s of ONLY) {
  if (!SECTIONS.includes(s)) {
    console.error(`bench: unknown section ${s} (known: ${SECTIONS.join(', ')})`);
    process.exit(2);
  }
}
const want = (s) => ONLY.includes(s);

const log = (...a) => console.error('bench:', ...a);
const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
  const n = s.length;
  return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : null;
};

// ---------------------------------------------------------------- cleanup --
// Closed last-in first-out; Lighthouse's Chromium (started and stopped per
// run by lighthouse.mjs) is closed first if one is still running.
const closers = [closeAllChromium];
let cleaning = null;
function cleanup() {
  if (!cleaning) {
    cleaning = (async () => {
      const order = [closers[0], ...closers.slice(1).reverse()];
      closers.length = 0;
      for (const c of order) {
        try {
          await Promise.race([c(), new Promise((r) => setTimeout(r, 10_000))]);
        } catch {
          /* keep closing the rest */
        }
      }
    })();
  }
  return cleaning;
}
async function die(code, msg) {
  if (msg) console.error(`bench: ${msg}`);
  await cleanup();
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => die(130, `stopped by ${sig}`));
// A hard ceiling for the whole run, whatever hangs.
const WATCHDOG_MS = (20 + RUNS * 4 + NAVS / 20) * 60_000;
const watchdog = setTimeout(() => die(3, `gave up after ${WATCHDOG_MS / 60_000} minutes`), WATCHDOG_MS);
watchdog.unref();

// -------------------------------------------------------------- preflight --
const manifestPath = path.join(DIST, 'asset-manifest.json');
if (!fs.existsSync(path.join(DIST, 'index.html')) || !fs.existsSync(manifestPath)) {
  await die(2, `${path.relative(ROOT, DIST) || DIST}/index.html or asset-manifest.json is missing: run scripts/build first`);
}
if (!fs.existsSync(CHROMIUM)) await die(2, `${CHROMIUM} is missing: run scripts/setup --browser (or set NP_CHROMIUM)`);
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
let runLighthouse = null;
if (want('lighthouse')) {
  try {
    ({ runLighthouse } = await import('./lighthouse.mjs'));
  } catch (e) {
    await die(2, `cannot load lighthouse (${e.message.split('\n')[0]}): run npm ci / scripts/setup`);
  }
}
let browserMod = null;
try {
  browserMod = await import('./browser.mjs');
} catch (e) {
  await die(2, `cannot load playwright-core (${e.message.split('\n')[0]}): run npm ci / scripts/setup`);
}

function chromiumVersion() {
  try {
    const out = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] });
    return (/Chromium [\d.]+/.exec(out) || [out.trim()])[0];
  } catch {
    return 'Chromium (version unknown)';
  }
}

const started = new Date();
const loadAtStart = os.loadavg();
const results = { started: started.toISOString(), runs: RUNS, navs: NAVS, errors: {} };
const fail = (section, e) => {
  results.errors[section] = String(e && e.message || e).split('\n')[0];
  log(`${section}: ${results.errors[section]}`);
};

// ---------------------------------------------------------------- servers --
const backend = await startBackend({ port: 0 });
closers.push(() => backend.close());
const reader = await startStatic({ dir: DIST, port: 0, apiBase: backend.url });
closers.push(() => reader.close());

const articles = backend.data.articles;
const pick = typeof args.article === 'string'
  ? articles.find((a) => a.id === args.article)
  : articles.find((a) => fs.existsSync(path.join(backend.data.dataDir, 'articles', `${a.id}.json`))) || articles[0];
if (!pick) await die(2, `article ${args.article} is not in ${backend.data.dataDir}/articles.json`);
const article = backend.getArticle(pick.id);
const articlePath = `bai-viet/${encodeURIComponent(article.id)}${article.slug ? '/' + encodeURIComponent(article.slug) : ''}`;
const readerHome = reader.url;
const readerArticle = reader.url + articlePath;
// The same reader without its service worker (index.html without the
// script that registers it): a returning reader as before the worker.
const noWorkerDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'np-bench-noworker-'));
closers.push(() => fsp.rm(noWorkerDir, { recursive: true, force: true }));
await fsp.cp(DIST, noWorkerDir, { recursive: true });
for (const ext of ['.br', '.gz']) await fsp.rm(path.join(noWorkerDir, 'index.html' + ext), { force: true });
{
  const f = path.join(noWorkerDir, 'index.html');
  const html = fs.readFileSync(f, 'utf8');
  const without = html.replace(/<script type="module" src="[^"]*news-portal-register-sw-[^"]*"[^>]*><\/script>\n?/, '');
  if (without === html && manifest.entry.registerSw) await die(2, 'dist/index.html has no service worker script to leave out');
  fs.writeFileSync(f, without);
}
const readerNoWorker = await startStatic({ dir: noWorkerDir, port: 0, apiBase: backend.url });
closers.push(() => readerNoWorker.close());
// A baseline build, served the same way, for the side-by-side figures.
const BASELINE = typeof args.baseline === 'string' ? path.resolve(args.baseline) : null;
let baseline = null;
if (BASELINE) {
  if (!fs.existsSync(path.join(BASELINE, 'index.html'))) await die(2, `--baseline ${BASELINE} has no index.html`);
  baseline = await startStatic({ dir: BASELINE, port: 0, apiBase: backend.url });
  closers.push(() => baseline.close());
}

// The static page of the same article, served by the same server code over a
// directory holding it and copies of the reader's stylesheets and icon.
const staticDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'np-bench-static-'));
closers.push(() => fsp.rm(staticDir, { recursive: true, force: true }));
const cssName = manifest.entry.css;
const pageCssName = manifest.entry.pageCss;
for (const f of [cssName, pageCssName, 'favicon.svg'].filter(Boolean)) {
  for (const ext of ['', '.br', '.gz']) {
    if (fs.existsSync(path.join(DIST, f + ext))) await fsp.copyFile(path.join(DIST, f + ext), path.join(staticDir, f + ext));
  }
}
const staticServer = await startStatic({ dir: staticDir, port: 0 });
closers.push(() => staticServer.close());
const staticName = 'static-article.html';
const staticUrl = staticServer.url + staticName;
{
  const html = staticArticleHtml({
    site: backend.data.site,
    article,
    list: articles.slice(0, 10), // the reader's "Tin khác": page 1, per_page 10
    total: articles.length,
    perPage: 10,
    visitors: backend.data.visitors,
    apiBase: backend.url,
    pageUrl: staticUrl,
    css: '/' + cssName,
    cssLater: manifest.entry.cssLater && '/' + manifest.entry.cssLater,
    pageCss: pageCssName ? '/' + pageCssName : undefined,
    favicon: fs.existsSync(path.join(DIST, 'favicon.svg')) ? '/favicon.svg' : undefined,
    today: new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10),
  });
  const buf = Buffer.from(html);
  await fsp.writeFile(path.join(staticDir, staticName), buf);
  await fsp.writeFile(path.join(staticDir, staticName + '.br'), zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  await fsp.writeFile(path.join(staticDir, staticName + '.gz'), zlib.gzipSync(buf, { level: 9 }));
  results.staticPage = { url: staticUrl, bytes: buf.length };
}
log(`reader ${readerHome}  article ${article.id}  static page ${staticUrl}  backend ${backend.url}`);

// ----------------------------------------------- 1. size (+ markup check) --
async function withPlaywright(fn) {
  const browser = await browserMod.launchPlaywright();
  const close = () => browser.close();
  closers.push(close);
  try {
    return await fn(browser);
  } finally {
    closers.splice(closers.indexOf(close), 1);
    await close();
  }
}

if (want('size') || want('lighthouse')) {
  try {
    await withPlaywright(async (browser) => {
      if (want('size')) {
        log('size: recording what the home page fetches on first load');
        const fl = await browserMod.firstLoad(browser, { url: readerHome, origin: reader.origin, dist: DIST });
        results.firstLoad = fl;
        results.size = sizeTable(DIST, manifest.firstLoad?.files || [], fl.files, manifest.firstLoad?.later?.files || []);
      }
      if (want('lighthouse')) {
        try {
          results.markup = await browserMod.compareMarkup(browser, { readerUrl: readerArticle, staticUrl });
        } catch (e) {
          results.markup = { error: String(e.message || e) };
        }
      }
    });
  } catch (e) {
    fail('size', e);
  }
}

// ------------------------------------------------- 2./3. Lighthouse + limit --
const TARGETS = [
  ['home', readerHome],
  ['article', readerArticle],
  ['static', staticUrl],
  ...(baseline ? [['baseHome', baseline.url], ['baseArticle', baseline.url + articlePath]] : []),
  // A returning reader. Without the worker: the second visit, with a warm
  // HTTP cache (hashed assets are immutable). With it: the third visit, as
  // the first only registers the worker and the second fills its caches.
  ['warmArticle', readerNoWorker.url + articlePath, { warm: 1 }],
  ['workerArticle', readerArticle, { warm: 2 }],
];
if (want('lighthouse')) {
  results.lighthouse = Object.fromEntries(TARGETS.map(([k]) => [k, { runs: [], errors: [] }]));
  // Interleaved (home, article, static, home, ...), so a change in the
  // machine's load hits all three alike.
  for (let r = 0; r < RUNS; r++) {
    for (const [key, url, opts] of TARGETS) {
      const t = Date.now();
      try {
        backend.reset();
        const f = await runLighthouse(url, opts);
        results.lighthouse[key].runs.push(f);
        log(`lighthouse ${r + 1}/${RUNS} ${key}: perf ${f.performance} LCP ${Math.round(f.lcp)} ms (${((Date.now() - t) / 1000).toFixed(0)} s)`);
      } catch (e) {
        results.lighthouse[key].errors.push(String(e.message || e).split('\n')[0]);
        log(`lighthouse ${r + 1}/${RUNS} ${key}: ${e.message}`);
      }
    }
  }
  for (const [key] of TARGETS) {
    const L = results.lighthouse[key];
    if (!L.runs.length) fail('lighthouse', new Error(`no successful run on ${key}: ${L.errors[0]}`));
    const m = (k) => median(L.runs.map((x) => x[k]));
    L.median = { performance: m('performance'), accessibility: m('accessibility'), fcp: m('fcp'), lcp: m('lcp'), tbt: m('tbt'), cls: m('cls') };
  }
}

// ------------------------------------------------------------- 4. scaling --
const TOTALS = [100, 1000, 5000];
if (want('scaling')) {
  let data = null;
  try {
    data = await makeScalingData(DEMO, Math.max(...TOTALS) + 50 + 10);
    closers.push(data.close);
    const sb = await startBackend({ port: 0, dataDir: data.dir });
    closers.push(() => sb.close());
    const ss = await startStatic({ dir: DIST, port: 0, apiBase: sb.url });
    closers.push(() => ss.close());
    log('scaling: list pages of 10/25/50 items, then 5,000 articles as 100 pages of 50');
    results.scaling = await withPlaywright((browser) => browserMod.scaling(browser, { url: ss.url, backend: sb, totals: TOTALS, navs: 15 }));
  } catch (e) {
    fail('scaling', e);
  }
}

// -------------------------------------------------------------- 5. memory --
if (want('memory')) {
  try {
    log(`memory: ${NAVS} article-to-article navigations`);
    backend.reset();
    results.memory = await withPlaywright((browser) => browserMod.memory(browser, {
      articleUrl: readerArticle,
      jsUrl: reader.origin + '/' + manifest.entry.js,
      early: EARLY,
      navs: NAVS,
    }));
  } catch (e) {
    fail('memory', e);
  }
}

await cleanup();

// ----------------------------------------------------------------- report --
const rows = [];
const notes = [];
const note = (s) => {
  notes.push(s);
  return `[${notes.length}]`;
};

if (want('size')) {
  rows.push({ section: `1 SIZE  first view of the home page (bytes)`, cols: ['raw', 'gzip -9', 'brotli -q 11', 'budget', 'ok'] });
  const S = results.size;
  if (S) {
    for (const r of S.rows) {
      const how = r.later ? ' (later: after the first paint)' : r.inManifest && r.requested ? '' : r.inManifest ? ' (manifest only, not fetched)' : ' (fetched, not in manifest)';
      rows.push({ cells: [`  ${r.file}${how}`, fmtInt(r.raw), fmtInt(r.gzip), fmtInt(r.brotli), '', ''] });
    }
    rows.push({ cells: ['  total, every file above', fmtInt(S.total.raw), fmtInt(S.total.gzip), fmtInt(S.total.brotli), '', ''] });
    const ok = S.budgeted.brotli <= BUDGET.brotliBytes;
    rows.push({ cells: ['  of which later (chunks, later CSS)', kib(S.later.raw), kib(S.later.gzip), kib(S.later.brotli), '', ''] });
    rows.push({ cells: ['  wasm + JS + CSS before the first paint', kib(S.budgeted.raw), kib(S.budgeted.gzip), kib(S.budgeted.brotli), `≤ ${fmtInt(BUDGET.brotliBytes)} B brotli`, mark(ok)] });
    results.budgets = { ...(results.budgets || {}), size: ok };
    const fl = results.firstLoad;
    notes.push(`Size: files = asset-manifest.json firstLoad.files ∪ the dist/ files the home page fetched in Chromium (Playwright, cold). ` +
      `The chunks and the later sheet (firstLoad.later, decision 0008) are fetched when a part below the first screen is shown: listed, not budgeted. ` +
      `Sizes computed here from dist/ (zlib gzip level 9, brotli quality 11). KiB = 1024 bytes; the limit is ${fmtInt(BUDGET.brotliBytes)} bytes (tools/postbuild.mjs). ` +
      `Not counted: ${fl.backend.requests} requests to the API/media backend (${kib(fl.backend.bytes)} on the wire, uncompressed test backend).`);
  } else rows.push({ cells: ['  could not measure', 'n/a', 'n/a', 'n/a', '', '✗'] });
}

if (want('lighthouse')) {
  const L = results.lighthouse;
  const n = (k) => L[k].runs.length;
  rows.push({ section: `2 LIGHTHOUSE mobile, median of ${RUNS}`, cols: [`home (${n('home')})`, `article (${n('article')})`, `static article (${n('static')})`, 'budget (reader pages)', 'ok'] });
  const row = (label, key, show, budget, test) => {
    const v = (k) => (L[k].median[key] === null ? 'n/a' : show(L[k].median[key]));
    let ok = '';
    if (test) {
      const bad = ['home', 'article'].filter((k) => L[k].median[key] === null || !test(L[k].median[key]));
      ok = bad.length ? `✗ ${bad.join(', ')}` : '✓';
      results.budgets = { ...(results.budgets || {}), [key]: !bad.length };
    }
    rows.push({ cells: [`  ${label}`, v('home'), v('article'), v('static'), budget, ok] });
  };
  row('performance score', 'performance', fmtInt, `≥ ${BUDGET.performance}`, (x) => x >= BUDGET.performance);
  row('FCP (ms)', 'fcp', fmtInt, '', null);
  row('LCP (ms)', 'lcp', fmtInt, '', null);
  row('TBT (ms)', 'tbt', fmtInt, `≤ ${BUDGET.tbtMs} ms`, (x) => x <= BUDGET.tbtMs);
  row('CLS', 'cls', (x) => fmt(x, 3), `≤ ${BUDGET.cls}`, (x) => x <= BUDGET.cls);
  row('accessibility score', 'accessibility', fmtInt, '', null);

  rows.push({ section: '3 THE LIMIT  reader article ÷ static article', cols: ['reader (ms)', 'static (ms)', 'ratio', 'budget', 'ok'] });
  const ratio = (k) => {
    const a = L.article.median[k];
    const s = L.static.median[k];
    return a !== null && s ? a / s : null;
  };
  const lr = ratio('lcp');
  const lcpOk = lr !== null && lr <= BUDGET.lcpRatio;
  results.budgets = { ...(results.budgets || {}), lcpRatio: lcpOk };
  rows.push({ cells: ['  LCP', fmtInt(L.article.median.lcp), fmtInt(L.static.median.lcp), lr === null ? 'n/a' : `${fmt(lr, 2)}×`, `≤ ${BUDGET.lcpRatio}×`, lr === null ? '✗' : mark(lcpOk)] });
  const fr = ratio('fcp');
  rows.push({ cells: ['  FCP', fmtInt(L.article.median.fcp), fmtInt(L.static.median.fcp), fr === null ? 'n/a' : `${fmt(fr, 2)}×`, '', ''] });

  {
    const w = L.warmArticle.median;
    const sw = L.workerArticle.median;
    const st = L.static.median;
    rows.push({ section: `2c ARTICLE, A RETURNING READER, median of ${L.warmArticle.runs.length} / ${L.workerArticle.runs.length}`, cols: ['performance', 'FCP (ms)', 'LCP (ms)', 'TBT (ms)', 'LCP ÷ static cold'] });
    const r = (x) => (x.lcp && st.lcp ? `${fmt(x.lcp / st.lcp, 2)}×` : 'n/a');
    rows.push({ cells: ['  reader, 2nd visit, HTTP cache only (no worker)', fmtInt(w.performance), fmtInt(w.fcp), fmtInt(w.lcp), fmtInt(w.tbt), r(w)] });
    rows.push({ cells: ['  reader, 3rd visit, with its service worker', fmtInt(sw.performance), fmtInt(sw.fcp), fmtInt(sw.lcp), fmtInt(sw.tbt), r(sw)] });
    rows.push({ cells: ['  static page, first visit', fmtInt(st.performance), fmtInt(st.fcp), fmtInt(st.lcp), fmtInt(st.tbt), '1×'] });
  }
  if (baseline) {
    const b = (k) => L[k].runs.length;
    rows.push({ section: `2b BASELINE ${path.relative(ROOT, BASELINE) || BASELINE}, same runs`, cols: [`home (${b('baseHome')})`, `article (${b('baseArticle')})`, 'reader ÷ baseline, article', 'budget', 'ok'] });
    for (const [label, key, show] of [['performance score', 'performance', fmtInt], ['FCP (ms)', 'fcp', fmtInt], ['LCP (ms)', 'lcp', fmtInt], ['TBT (ms)', 'tbt', fmtInt], ['CLS', 'cls', (x) => fmt(x, 3)]]) {
      const v = (k) => (L[k].median[key] === null ? 'n/a' : show(L[k].median[key]));
      const r = L.article.median[key] !== null && L.baseArticle.median[key] ? L.article.median[key] / L.baseArticle.median[key] : null;
      const lcp = key === 'lcp';
      const ok = lcp && r !== null ? mark(r < 1) : '';
      if (lcp) results.budgets = { ...(results.budgets || {}), lcpBelowBaseline: r !== null && r < 1 };
      rows.push({ cells: [`  ${label}`, v('baseHome'), v('baseArticle'), r === null || key === 'performance' ? '' : `${fmt(r, 2)}×`, lcp ? '< 1×' : '', ok] });
    }
  }

  const any = L.home.runs[0] || L.article.runs[0] || L.static.runs[0];
  const bis = TARGETS.flatMap(([k]) => L[k].runs.map((x) => x.benchmarkIndex)).filter((x) => typeof x === 'number');
  const bi = median(bis);
  results.benchmarkIndex = { median: bi, min: bis.length ? Math.min(...bis) : null, max: bis.length ? Math.max(...bis) : null };
  notes.push(`Lighthouse ${any?.lighthouseVersion ?? '?'} default (mobile) config: simulated throttling (150 ms RTT, 1.6 Mbit/s, 4× CPU slowdown), ` +
    `in a fresh headless Chromium per run (${CHROMIUM} --headless=new --no-sandbox --disable-gpu --disable-background-networking). ` +
    `Each figure is the median of that figure over the runs. Lighthouse's CPU benchmark index here: median ${fmtInt(bi)} ` +
    `(${fmtInt(results.benchmarkIndex.min)}–${fmtInt(results.benchmarkIndex.max)} over the runs) ` +
    `(simulated TBT/LCP scale with the host's speed; a typical desktop scores ~1,500+).`);
  const lcpEl = (k) => L[k].runs.map((x) => x.lcpElement).find(Boolean);
  notes.push(`LCP element: home ${lcpEl('home') ?? '?'}; article ${lcpEl('article') ?? '?'}; static ${lcpEl('static') ?? '?'}.`);
  for (const k of ['home', 'article', 'static']) {
    const shift = L[k].runs.map((x) => x.clsElement).find(Boolean);
    const shifted = L[k].runs.filter((x) => x.cls > BUDGET.cls).length;
    if (shift && shifted) notes.push(`CLS over ${BUDGET.cls} on ${k} in ${shifted} of ${L[k].runs.length} runs (${L[k].runs.map((x) => fmt(x.cls, 3)).join(', ')}); largest shift: ${shift}.`);
    const failed = [...new Set(L[k].runs.flatMap((x) => x.failedAudits))];
    if (failed.length) {
      notes.push(`Failed accessibility audits on ${k}: ` +
        failed.map((id) => `${id} (in ${L[k].runs.filter((x) => x.failedAudits.includes(id)).length} of ${L[k].runs.length} runs)`).join(', ') + '.');
    }
    if (L[k].errors.length) notes.push(`${L[k].errors.length} failed Lighthouse run(s) on ${k}: ${L[k].errors[0]}`);
  }
  const M = results.markup;
  notes.push(`The limit: ${staticName} (${fmtInt(results.staticPage.bytes)} bytes, served brotli-compressed by tests/server/static.mjs like dist/) is the same article ` +
    `(${article.id}) generated from the backend's JSON with the reader's markup and classes inside a declarative shadow root, the reader's own ` +
    `${cssName}, the same images from the same backend, and no script. ` +
    (M && !M.error
      ? `Markup check: it uses ${M.shared} of the ${M.readerClasses} classes the reader renders on that page` +
        (M.missing.length ? ` (not: ${M.missing.join(', ')})` : '') + (M.extra.length ? `, plus ${M.extra.join(', ')}` : '') +
        `; ${fmtInt(M.staticNodes)} elements vs the reader's ${fmtInt(M.readerNodes)}.`
      : `Markup check failed: ${M?.error ?? 'not run'}.`));
}

if (want('scaling')) {
  const R = results.scaling;
  rows.push({ section: '4 SCALING  rendering list pages (unthrottled)', cols: ['render (ms)', 'per item (µs)', 'click→frame (ms)', 'budget', 'ok'] });
  if (R) {
    for (const s of R.perPage) {
      rows.push({ cells: [`  page of ${s.items} items (median of ${s.samples}; IQR ${fmtInt(s.q1Ms)}–${fmtInt(s.q3Ms)} ms)`, fmt(s.renderMs, 1), fmtInt(s.perItemUs), fmt(s.clickMs, 1), '', ''] });
    }
    const a = R.perPage[0];
    const z = R.perPage[R.perPage.length - 1];
    const pr = z.perItemUs / a.perItemUs;
    const ok1 = pr <= BUDGET.perItemRatio;
    rows.push({ cells: [`  per item, ${z.items} vs ${a.items} items a page`, '', `${fmt(pr, 2)}×`, '', `≤ ${BUDGET.perItemRatio}×`, mark(ok1)] });
    const marginal = ((z.renderMs - a.renderMs) / (z.items - a.items)) * 1000;
    rows.push({ cells: [`  marginal cost of one more card (${a.items}→${z.items})`, '', fmtInt(marginal), '', '', ''] });
    for (const t of R.totals) {
      rows.push({ cells: [`  ${t.items.toLocaleString('en-US')} articles = ${t.pages} pages of 50 (sum; per item from median page)`, fmt(t.renderMs, 1), fmtInt(t.perItemUs), fmt(t.clickMs, 1), '', ''] });
    }
    const t0 = R.totals[0];
    const tn = R.totals[R.totals.length - 1];
    const tr = tn.perItemUs / t0.perItemUs;
    const ok2 = tr <= BUDGET.perItemRatio;
    rows.push({ cells: [`  per item, ${tn.items.toLocaleString('en-US')} vs ${t0.items} articles`, '', `${fmt(tr, 2)}×`, '', `≤ ${BUDGET.perItemRatio}×`, mark(ok2)] });
    results.budgets = { ...(results.budgets || {}), perItemPage: ok1, perItemTotal: ok2 };
    notes.push(`Scaling: the reader never renders more than 50 items of one list page (MAX_ITEMS in src/components/news_list.rs), so a single list of ` +
      `100/1,000/5,000 cannot be measured; that is the limit of this measurement. Measured instead, in the real reader (Chromium, Lighthouse's ` +
      `mobile screen, no throttling), against the test backend serving ${(Math.max(...TOTALS) + 60).toLocaleString('en-US')} summaries made from the demo's ` +
      `(backend option pageSize: pages of N whatever per_page the reader asks): click the list's "next page" link, then time from the list's ` +
      `JSON answer fully received (Resource Timing responseEnd) until the N new cards are in the DOM and the next frame has run (requestAnimationFrame + setTimeout 0) ` +
      `= JSON decoding, building the view, DOM insertion, style and layout. "click→frame" adds routing and the fetch. Pages of 10/25/50: median over 15 pages ` +
      `each, the sizes interleaved, each measured page replacing a page of the same size; per item = median ÷ items (fixed per-page work makes small pages look dearer per item: see the marginal cost). ` +
      `100/1,000/5,000: one reader paging through 2/20/100 consecutive pages of 50 (cumulative: the 1,000 include the first 100); render and click→frame ` +
      `summed over the pages; per item = median page ÷ 50 (mean instead: ${R.totals.map((t) => fmtInt(t.meanPerItemUs)).join(' / ')} µs). ` +
      `Flat means the later pages cost what the first ones did: nothing accumulates.`);
  } else rows.push({ cells: ['  could not measure', 'n/a', 'n/a', 'n/a', '', '✗'] });
}

if (want('memory')) {
  const M = results.memory;
  rows.push({ section: `5 MEMORY  article-to-article navigations`, cols: [`after ${EARLY}`, `after ${NAVS}`, 'growth', 'budget', 'ok'] });
  if (M) {
    const g = (a, b) => ((b - a) / a) * 100;
    const gw = g(M.atEarly.wasm, M.atEnd.wasm);
    const gj = g(M.atEarly.jsHeap, M.atEnd.jsHeap);
    const okw = gw <= BUDGET.memoryGrowthPct;
    const okj = gj <= BUDGET.memoryGrowthPct;
    rows.push({ cells: ['  wasm linear memory (KiB)', fmtInt(M.atEarly.wasm / 1024), fmtInt(M.atEnd.wasm / 1024), `${fmt(gw, 1)} %`, `≤ ${BUDGET.memoryGrowthPct} %`, mark(okw)] });
    rows.push({ cells: ['  JS heap after GC (KiB)', fmtInt(M.atEarly.jsHeap / 1024), fmtInt(M.atEnd.jsHeap / 1024), `${fmt(gj, 1)} %`, `≤ ${BUDGET.memoryGrowthPct} %`, mark(okj)] });
    rows.push({ cells: ['  DOM nodes (document-wide)', fmtInt(M.atEarly.domNodes), fmtInt(M.atEnd.domNodes), `${fmt(g(M.atEarly.domNodes, M.atEnd.domNodes), 1)} %`, '', ''] });
    rows.push({ cells: ['  JS event listeners', fmtInt(M.atEarly.listeners), fmtInt(M.atEnd.listeners), `${fmt(g(M.atEarly.listeners, M.atEnd.listeners), 1)} %`, '', ''] });
    results.budgets = { ...(results.budgets || {}), memoryWasm: okw, memoryJs: okj };
    notes.push(`Memory: one reader on an article page follows ${NAVS} links to other articles by clicking them in the page (its "Tin khác" and "Tin liên quan" cards; ` +
      `${M.distinctArticles} distinct articles), each time waiting for the new article to render. After ${EARLY} and after ${NAVS}: 1 s to settle, ` +
      `two CDP HeapProfiler.collectGarbage, then the wasm memory (the wasm-bindgen glue's exports.memory.buffer.byteLength, obtained by importing ` +
      `${manifest.entry.js} again in the page: the same module instance), Runtime.getHeapUsage (usedSize) and Memory.getDOMCounters. ` +
      `Wasm memory never shrinks: it is the high-water mark, in 64 KiB pages.`);
  } else rows.push({ cells: ['  could not measure', 'n/a', 'n/a', 'n/a', '', '✗'] });
}

const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
const header = [
  `news-portal performance benchmark — ${started.toISOString().replace('T', ' ').slice(0, 16)} UTC`,
  `machine: nproc ${os.availableParallelism?.() ?? os.cpus().length}, ${cpu}, 1-min load average ${loadAtStart[0].toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end; ` +
    `${chromiumVersion()}; Node ${process.version}; dist: ${manifest.entry.wasm}`,
];
const errs = Object.entries(results.errors);
const cores = os.availableParallelism?.() ?? os.cpus().length;
const busy = [];
if (Math.max(loadAtStart[0], os.loadavg()[0]) > cores) busy.push(`load average up to ${fmt(Math.max(loadAtStart[0], os.loadavg()[0]), 1)} on ${cores} cores`);
if (results.benchmarkIndex?.median !== null && results.benchmarkIndex?.median !== undefined && results.benchmarkIndex.median < 1000) {
  busy.push(`Lighthouse CPU benchmark index ${fmtInt(results.benchmarkIndex.median)} (< 1,000)`);
}
if (busy.length) {
  header.push(`WARNING: busy or slow machine (${busy.join('; ')}): timings are inflated and noisy; sizes, ratios and memory growth are the steadier figures.`);
}
console.log('');
console.log(header.join('\n'));
console.log(renderTable(rows));
notes.forEach((s, i) => console.log(`[${i + 1}] ${s}`));
if (errs.length) {
  console.log('');
  for (const [k, v] of errs) console.log(`could not measure ${k}: ${v}`);
}
const b = results.budgets || {};
const missed = Object.entries(b).filter(([, ok]) => !ok).map(([k]) => k);
console.log(`\nbudgets: ${Object.values(b).filter(Boolean).length}/${Object.keys(b).length} met${missed.length ? ` (missed: ${missed.join(', ')})` : ''}; ` +
  `took ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s`);

if (typeof args.json === 'string') {
  fs.writeFileSync(args.json, JSON.stringify(results, null, 2));
}
clearTimeout(watchdog);
process.exit(errs.length ? 1 : 0);
