#!/usr/bin/env node
// Test backend speaking the Portal Content API v1 (docs/api.md), with fault
// injection for browser tests.
//
//   node tests/server/backend.mjs --port 8090 [--host 127.0.0.1] [--data public/demo] [--quiet]
//
// or, from a test:
//
//   import { startBackend } from './backend.mjs';
//   const b = await startBackend({ port: 0, dataDir: 'public/demo' });
//   b.url            // "http://127.0.0.1:PORT/api/v1/"  (API base, ends in /)
//   b.origin         // "http://127.0.0.1:PORT"
//   b.hits           // array of received POST stats/hit bodies (parsed JSON), oldest first
//   b.setFault('articles', '500', { times: 1 });
//   b.setDelay('articles/2019-0110-1', 2000);
//   b.count('stats/visitors');   // requests seen on that endpoint
//   b.clearFaults(); b.reset();
//   b.data           // { site, articles (all summaries, newest first), hot, visitors, dataDir }
//   b.setPageSize(50)            // list pages of 50 whatever per_page asks (null: back to per_page)
//   await b.close();
//
// API (under /api/v1/): GET site, GET articles?page=&per_page=&category=&q=&date=,
// GET articles/hot, GET articles/{id}, GET stats/visitors, POST stats/hit (204).
// Option pageSize (or setPageSize(n)): list pages hold n items whatever the
// request's per_page says, and the answer's per_page is n (no cap of 50). For
// the benchmark (tests/bench/), whose reader always asks for per_page=10.
// Media: /media/* and /api/v1/media/* from <dataDir>/media/.
//
// Control (HTTP, CORS-enabled, so a browser test or a human can drive it):
//   POST /__control/fault  {"endpoint": "...", "fault": "...", "times": N?}
//   POST /__control/delay  {"endpoint": "...", "ms": N}            (0 removes)
//   POST /__control/clear-faults                                   (faults + delays)
//   POST /__control/reset                                          (faults, delays, hits, counts, visitor figures)
//   GET  /__control/hits                                           → [hit bodies]
//   GET  /__control/count?endpoint=stats/visitors                  → N
//   GET  /__control/counts                                         → {endpoint: N, ...}
//
// Endpoint names for faults, delays and counts: "site", "articles", "articles/hot",
// "articles/<id>" (one article), "article" or "articles/{id}" (every article by id),
// "stats/visitors", "stats/hit", "media".
//
// Faults: refused | 500 | 404 | hang | delay3s | truncated | html | wrong-types |
//         empty | huge-page | huge-body | delay:<ms>
//
// Data: <dataDir>/site.json, articles.json (a Page, or an array, holding ALL
// summaries), hot.json, visitors.json, articles/<id>.json, media/*. Missing files
// fall back to tests/fixtures/*.json. The fixture tests/fixtures/article.json is
// always served under its id (2019-0110-1), and its media URLs answer with a
// placeholder image. An article listed in articles.json without a detail file is
// served as its summary plus a one-paragraph body.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listen, MIME, parseArgs } from './static.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures');
const DEFAULT_DATA = path.join(REPO_ROOT, 'public', 'demo');

export const FAULTS = [
  'refused', '500', '404', 'hang', 'delay3s', 'truncated', 'html',
  'wrong-types', 'empty', 'huge-page', 'huge-body',
];

// 1×1 grey PNG, answered for the fixture's media URLs (which have no file).
const PLACEHOLDER_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mO8e+/efwAIAQNjmqCnSwAAAABJRU5ErkJggg==',
  'base64',
);

/** Case- and diacritic-insensitive form: NFD, strip combining marks, đ→d, lower case. */
export function fold(s) {
  return String(s ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** YYYY-MM-DD of an RFC 3339 time in UTC+07:00 (null when unparsable). */
export function vnDate(rfc3339) {
  const t = Date.parse(rfc3339);
  if (!Number.isFinite(t)) return null;
  return new Date(t + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

function vnNow() {
  const d = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 19);
  return d + '+07:00';
}

function readJsonSync(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function pickDataDir(dataDir) {
  if (dataDir) return path.resolve(dataDir);
  if (fs.existsSync(path.join(DEFAULT_DATA, 'site.json'))) return DEFAULT_DATA;
  return FIXTURES;
}

function publishedMs(a) {
  const t = Date.parse(a && a.published_at);
  return Number.isFinite(t) ? t : -Infinity;
}

/** Load the dataset. Detail files are read lazily (see getArticle). */
export function loadData(dataDir) {
  const dir = pickDataDir(dataDir);
  const site = readJsonSync(path.join(dir, 'site.json')) ?? readJsonSync(path.join(FIXTURES, 'site.json'));
  let list = readJsonSync(path.join(dir, 'articles.json')) ?? readJsonSync(path.join(FIXTURES, 'articles.json'));
  let articles = Array.isArray(list) ? list : Array.isArray(list?.items) ? list.items : [];
  // Newest first, stable.
  articles = articles
    .map((a, i) => [a, i])
    .sort((x, y) => publishedMs(y[0]) - publishedMs(x[0]) || x[1] - y[1])
    .map(([a]) => a);
  let hot = readJsonSync(path.join(dir, 'hot.json')) ??
    readJsonSync(path.join(dir, 'articles-hot.json')) ??
    readJsonSync(path.join(FIXTURES, 'articles-hot.json'));
  if (Array.isArray(hot)) hot = { items: hot };
  const visitors = readJsonSync(path.join(dir, 'visitors.json')) ??
    readJsonSync(path.join(dir, 'stats-visitors.json')) ??
    readJsonSync(path.join(FIXTURES, 'stats-visitors.json'));
  const fixtureArticle = readJsonSync(path.join(FIXTURES, 'article.json'));
  const placeholders = new Set();
  if (fixtureArticle) {
    const urls = [];
    if (fixtureArticle.thumbnail?.url) urls.push(fixtureArticle.thumbnail.url);
    for (const m of String(fixtureArticle.body_html || '').matchAll(/\bsrc\s*=\s*"([^"]+)"/g)) urls.push(m[1]);
    for (const u of urls) {
      if (u.startsWith('/media/')) placeholders.add(u.slice('/media/'.length));
      else if (u.startsWith('media/')) placeholders.add(u.slice('media/'.length));
    }
  }
  return { dir, site, articles, hot, visitors, fixtureArticle, placeholders };
}

function json(res, status, obj, extra = {}) {
  const body = Buffer.from(obj === undefined ? '' : JSON.stringify(obj));
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

function sendRaw(res, status, type, body, extra = {}) {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body);
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': buf.length,
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(buf);
}

function readBody(req, limit = 1 << 20) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let n = 0;
    req.on('data', (c) => {
      n += c.length;
      if (n > limit) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function intParam(v, dflt) {
  if (v === null || v === undefined || v === '') return dflt;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : dflt;
}

function fakeSummary(i) {
  const n = i + 1;
  return {
    id: `huge-${n}`,
    slug: `tin-so-${n}`,
    title: `Tin số ${n}`,
    summary: `Tóm tắt tin số ${n}.`,
    published_at: new Date(Date.UTC(2023, 0, 1) - i * 60000).toISOString().slice(0, 19) + 'Z',
    views: n,
  };
}

/** Canonical endpoint key of an API path (without the /api/v1/ prefix), or null. */
export function endpointOf(rest) {
  if (rest === 'site' || rest === 'articles' || rest === 'articles/hot' ||
      rest === 'stats/visitors' || rest === 'stats/hit') return rest;
  const m = /^articles\/([^/]+)$/.exec(rest);
  if (m) return 'articles/' + m[1];
  return null;
}

function isArticleKey(key) {
  return key.startsWith('articles/') && key !== 'articles/hot';
}

/** Keys under which a request to `key` is counted, faulted and delayed (most specific first). */
function keysFor(key) {
  if (isArticleKey(key)) return [key, 'article', 'articles/{id}'];
  return [key];
}

function canonicalControlKey(endpoint) {
  let e = String(endpoint || '').trim().replace(/^\/+/, '').replace(/^api\/v1\//, '').replace(/\/+$/, '');
  if (e === 'articles/{id}') e = 'article';
  return e;
}

function checkPageSize(n) {
  if (n === undefined || n === null) return null;
  const v = Number(n);
  if (!Number.isInteger(v) || v < 1) throw new Error(`pageSize must be a positive integer, got ${n}`);
  return v;
}

/**
 * Start the backend.
 * @param {{port?: number, host?: string, dataDir?: string, log?: boolean, pageSize?: number|null}} opts
 */
export async function startBackend(opts = {}) {
  const host = opts.host || '127.0.0.1';
  const log = !!opts.log;
  const data = loadData(opts.dataDir);
  const detailCache = new Map();

  const hits = [];
  const counts = new Map();
  const faults = new Map(); // key → {fault, remaining}
  let delays = []; // {matcher, ms}
  const timers = new Set();
  const hanging = new Set();
  let visitors = { ...(data.visitors || {}) };
  let pageSize = checkPageSize(opts.pageSize);

  function setPageSize(n) {
    pageSize = checkPageSize(n);
  }

  function getArticle(id) {
    if (data.fixtureArticle && id === data.fixtureArticle.id) {
      const base = readDetail(id);
      return { ...(base || {}), ...data.fixtureArticle };
    }
    return readDetail(id);
  }

  function readDetail(id) {
    if (detailCache.has(id)) return detailCache.get(id);
    let art;
    if (!/[/\\]/.test(id) && id !== '.' && id !== '..') {
      art = readJsonSync(path.join(data.dir, 'articles', `${id}.json`));
    }
    if (!art) {
      const s = data.articles.find((a) => a.id === id);
      if (s) {
        const esc = String(s.summary || s.title || '').replace(/&/g, '&amp;').replace(/</g, '&lt;');
        art = { ...s, body_html: `<p>${esc}</p>` };
      }
    }
    if (art) detailCache.set(id, art);
    return art;
  }

  function listArticles(params) {
    let items = data.articles;
    const category = params.get('category');
    if (category) items = items.filter((a) => a.category && a.category.slug === category);
    const q = (params.get('q') || '').trim();
    if (q) {
      const fq = fold(q);
      items = items.filter((a) => fold(a.title).includes(fq) || fold(a.summary).includes(fq));
    }
    const date = params.get('date');
    if (date) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { status: 400, body: { error: 'date must be YYYY-MM-DD' } };
      items = items.filter((a) => vnDate(a.published_at) === date);
    }
    let page = intParam(params.get('page'), 1);
    if (page < 1) page = 1;
    let perPage = intParam(params.get('per_page'), 10);
    if (perPage < 1) perPage = 10;
    if (perPage > 50) perPage = 50;
    if (pageSize) perPage = pageSize;
    const start = (page - 1) * perPage;
    return {
      status: 200,
      body: { items: items.slice(start, start + perPage), page, per_page: perPage, total: items.length },
    };
  }

  /** The normal answer {status, body} of an API request (body undefined → no body). */
  function normalAnswer(key, url) {
    if (key === 'site') return { status: 200, body: data.site };
    if (key === 'articles') return listArticles(url.searchParams);
    if (key === 'articles/hot') {
      const items = Array.isArray(data.hot?.items) ? data.hot.items.slice(0, 10) : [];
      return { status: 200, body: { ...(data.hot || {}), items } };
    }
    if (key === 'stats/visitors') return { status: 200, body: { ...visitors, updated_at: vnNow() } };
    if (key === 'stats/hit') return { status: 204, body: undefined };
    if (isArticleKey(key)) {
      let id;
      try {
        id = decodeURIComponent(key.slice('articles/'.length));
      } catch {
        return { status: 404, body: { error: 'Không tìm thấy bài viết' } };
      }
      const art = getArticle(id);
      if (!art) return { status: 404, body: { error: 'Không tìm thấy bài viết' } };
      return { status: 200, body: art };
    }
    return { status: 404, body: { error: 'Không có endpoint này' } };
  }

  function wrongTypes(key, normal) {
    if (key === 'site') return { name: 12345, language: ['vi'], categories: { slug: 'x' }, link_groups: 'none', badges: 7 };
    if (key === 'articles') return { items: { id: 1 }, page: '1', per_page: null, total: 'many' };
    if (key === 'articles/hot') return { items: 'hot' };
    if (key === 'stats/visitors') return { online: '13', today: { n: 1 }, week: [1], total: true, updated_at: 5 };
    if (isArticleKey(key)) {
      return {
        id: 2019, slug: null, title: 42, summary: { text: 'x' }, thumbnail: 'x.jpg', category: 'tin-tuc',
        published_at: 1547113626, views: '1204', body_html: ['<p>x</p>'], tags: 'a,b', related: { id: '1' },
      };
    }
    return { ok: 'yes', items: {} };
  }

  function hugePage(key, normal) {
    const many = Array.from({ length: 20000 }, (_, i) => fakeSummary(i));
    if (key === 'articles') return { items: many, page: 1, per_page: 20000, total: 20000 };
    if (key === 'articles/hot') return { items: many };
    if (isArticleKey(key)) return { ...(normal.body || fakeSummary(0)), body_html: normal.body?.body_html ?? '<p>x</p>', related: many };
    if (key === 'site') return { ...(normal.body || {}), categories: many.map((a) => ({ slug: a.slug, name: a.title })) };
    return { ...(normal.body || {}), items: many };
  }

  function takeFault(key) {
    for (const k of keysFor(key)) {
      const f = faults.get(k);
      if (!f) continue;
      if (f.remaining !== Infinity) {
        f.remaining -= 1;
        if (f.remaining <= 0) faults.delete(k);
      }
      return f.fault;
    }
    return null;
  }

  function delayFor(key, url, method) {
    let ms = 0;
    const keys = keysFor(key);
    for (const d of delays) {
      const m = d.matcher;
      let hit = false;
      if (typeof m === 'string') hit = keys.includes(canonicalControlKey(m));
      else if (m instanceof RegExp) hit = m.test(url.pathname + url.search) || m.test(key);
      else if (typeof m === 'function') hit = !!m({ endpoint: key, path: url.pathname, url: url.href, method });
      if (hit) ms = Math.max(ms, d.ms);
    }
    return ms;
  }

  function later(ms, fn) {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  }

  function setFault(endpoint, fault, o = {}) {
    const f = String(fault);
    if (!FAULTS.includes(f) && !/^delay:\d+$/.test(f)) throw new Error(`unknown fault ${f}`);
    const key = canonicalControlKey(endpoint);
    if (!key) throw new Error('endpoint required');
    const times = o.times === undefined || o.times === null ? Infinity : Number(o.times);
    if (!(times > 0)) faults.delete(key);
    else faults.set(key, { fault: f, remaining: times });
  }

  function setDelay(matcher, ms) {
    if (typeof matcher === 'string') delays = delays.filter((d) => d.matcher !== matcher);
    if (ms > 0) delays.push({ matcher, ms: Number(ms) });
  }

  function clearFaults() {
    faults.clear();
    delays = [];
  }

  function reset() {
    clearFaults();
    hits.length = 0;
    counts.clear();
    visitors = { ...(data.visitors || {}) };
  }

  function count(endpoint) {
    return counts.get(canonicalControlKey(endpoint)) || 0;
  }

  function countRequest(key) {
    for (const k of new Set(keysFor(key).map(canonicalControlKey))) counts.set(k, (counts.get(k) || 0) + 1);
  }

  function recordHit(raw) {
    let body;
    try {
      body = JSON.parse(raw);
    } catch {
      body = { raw };
    }
    hits.push(body);
    for (const k of ['today', 'week', 'month', 'total']) {
      if (typeof visitors[k] === 'number') visitors[k] += 1;
    }
  }

  async function serveMedia(req, res, rel, url) {
    countRequest('media');
    const fault = takeFault('media');
    if (fault === 'refused') return req.socket.destroy();
    if (fault === 'hang') return;
    if (fault === '404' || fault === '500') return sendRaw(res, Number(fault), 'text/plain; charset=utf-8', fault + '\n');
    let decoded;
    try {
      decoded = decodeURIComponent(rel);
    } catch {
      return sendRaw(res, 400, 'text/plain; charset=utf-8', 'Bad Request\n');
    }
    const mediaRoot = path.join(data.dir, 'media');
    const abs = path.resolve(mediaRoot, '.' + path.posix.normalize('/' + decoded));
    const inside = abs.startsWith(mediaRoot + path.sep);
    let buf = null;
    if (inside) {
      try {
        buf = await fsp.readFile(abs);
      } catch {
        buf = null;
      }
    }
    const headers = { 'Cache-Control': 'public, max-age=3600' };
    if (!buf) {
      if (data.placeholders.has(decoded)) {
        return sendRaw(res, 200, 'image/png', req.method === 'HEAD' ? '' : PLACEHOLDER_PNG, headers);
      }
      return sendRaw(res, 404, 'text/plain; charset=utf-8', 'Not Found\n');
    }
    const type = MIME[path.extname(abs).toLowerCase()] || 'application/octet-stream';
    const d = delayFor('media', url, req.method);
    const send = () => sendRaw(res, 200, type, req.method === 'HEAD' ? Buffer.alloc(0) : buf, headers);
    if (d > 0) later(d, send);
    else send();
  }

  async function control(req, res, url) {
    const op = url.pathname.slice('/__control/'.length).replace(/\/+$/, '');
    let body = {};
    if (req.method === 'POST') {
      const raw = await readBody(req);
      if (raw.trim()) {
        try {
          body = JSON.parse(raw);
        } catch {
          return json(res, 400, { error: 'body must be JSON' });
        }
      }
    }
    for (const [k, v] of url.searchParams) if (body[k] === undefined) body[k] = v;
    try {
      if (op === 'fault' && req.method === 'POST') {
        setFault(body.endpoint, body.fault, { times: body.times });
        return json(res, 200, { ok: true });
      }
      if (op === 'delay' && req.method === 'POST') {
        setDelay(String(body.endpoint ?? body.match ?? ''), Number(body.ms) || 0);
        return json(res, 200, { ok: true });
      }
      if (op === 'clear-faults' && req.method === 'POST') {
        clearFaults();
        return json(res, 200, { ok: true });
      }
      if (op === 'reset' && req.method === 'POST') {
        reset();
        return json(res, 200, { ok: true });
      }
      if (op === 'hits' && req.method === 'GET') return json(res, 200, hits);
      if (op === 'count' && req.method === 'GET') return json(res, 200, count(body.endpoint));
      if (op === 'counts' && req.method === 'GET') return json(res, 200, Object.fromEntries(counts));
      if (op === 'faults' && req.method === 'GET') {
        return json(res, 200, Object.fromEntries([...faults].map(([k, v]) => [k, { fault: v.fault, remaining: v.remaining === Infinity ? null : v.remaining }])));
      }
    } catch (e) {
      return json(res, 400, { error: String(e.message || e) });
    }
    return json(res, 404, { error: `unknown control ${req.method} ${op}` });
  }

  async function api(req, res, url, rest) {
    const key = endpointOf(rest);
    if (!key) return json(res, 404, { error: 'Không có endpoint này' });
    const wantMethod = key === 'stats/hit' ? 'POST' : 'GET';
    const method = req.method === 'HEAD' && wantMethod === 'GET' ? 'GET' : req.method;
    if (method !== wantMethod) return json(res, 405, { error: `dùng ${wantMethod}` }, { Allow: wantMethod });

    countRequest(key);
    const fault = takeFault(key);
    if (fault === 'refused') {
      req.socket.destroy();
      return;
    }
    if (fault === 'hang') {
      hanging.add(req.socket);
      req.socket.once('close', () => hanging.delete(req.socket));
      return;
    }
    let raw = '';
    if (key === 'stats/hit') {
      try {
        raw = await readBody(req);
      } catch {
        return;
      }
    }
    let wait = delayFor(key, url, req.method);
    if (fault === 'delay3s') wait = Math.max(wait, 3000);
    const dm = fault && /^delay:(\d+)$/.exec(fault);
    if (dm) wait = Math.max(wait, Number(dm[1]));
    const effective = fault && !fault.startsWith('delay') ? fault : null;

    const respond = () => {
      if (res.destroyed || res.writableEnded) return;
      if (key === 'stats/hit' && !effective) recordHit(raw);
      const normal = normalAnswer(key, url);
      const head = req.method === 'HEAD';
      switch (effective) {
        case null: {
          if (normal.body === undefined) {
            res.writeHead(normal.status, { 'Cache-Control': 'no-store' });
            return res.end();
          }
          if (head) {
            res.writeHead(normal.status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
            return res.end();
          }
          return json(res, normal.status, normal.body);
        }
        case '500':
          return json(res, 500, { error: 'Lỗi máy chủ (giả lập)' });
        case '404':
          return json(res, 404, { error: 'Không tìm thấy (giả lập)' });
        case 'truncated': {
          const full = JSON.stringify(normal.body ?? { ok: true, note: 'truncated answer' });
          return sendRaw(res, 200, 'application/json; charset=utf-8', full.slice(0, Math.max(1, Math.floor(full.length / 2))));
        }
        case 'html':
          return sendRaw(res, 200, 'text/html; charset=utf-8',
            '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>nginx</p><script>/* proxy error page */</script></body></html>');
        case 'wrong-types':
          return json(res, 200, wrongTypes(key, normal));
        case 'empty':
          return sendRaw(res, 200, 'application/json; charset=utf-8', '');
        case 'huge-page':
          return json(res, 200, hugePage(key, normal));
        case 'huge-body': {
          const base = normal.body && typeof normal.body === 'object' ? normal.body : {};
          return json(res, 200, { ...base, _padding: 'x'.repeat(5 * 1024 * 1024) });
        }
        default:
          return json(res, 500, { error: `unknown fault ${effective}` });
      }
    };
    if (wait > 0) later(wait, respond);
    else respond();
  }

  async function handle(req, res) {
    res.setHeader('Access-Control-Allow-Origin', '*');
    const url = new URL(req.url, 'http://backend.local');
    const p = url.pathname;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'Content-Type',
        'Access-Control-Max-Age': '600',
        'Content-Length': '0',
      });
      return res.end();
    }
    if (p.startsWith('/__control/')) return control(req, res, url);
    if (p.startsWith('/media/')) return serveMedia(req, res, p.slice('/media/'.length), url);
    if (p.startsWith('/api/v1/media/')) return serveMedia(req, res, p.slice('/api/v1/media/'.length), url);
    if (p.startsWith('/api/v1/')) return api(req, res, url, p.slice('/api/v1/'.length).replace(/\/+$/, ''));
    if (p === '/' || p === '/api/v1') {
      return json(res, 200, { api: '/api/v1/', control: '/__control/', data: path.relative(REPO_ROOT, data.dir) || '.' });
    }
    return json(res, 404, { error: 'Not Found' });
  }

  const { server, port, origin } = await listen(handle, {
    port: opts.port ?? 0,
    host,
    log,
    onError: (res, err) => json(res, 500, { error: String((err && err.message) || err) }),
  });

  return {
    url: origin + '/api/v1/',
    origin,
    port,
    server,
    hits,
    data: { site: data.site, articles: data.articles, hot: data.hot, visitors: data.visitors, dataDir: data.dir },
    getArticle,
    setPageSize,
    setFault,
    clearFaults,
    setDelay,
    reset,
    count,
    counts: () => Object.fromEntries(counts),
    close: () =>
      new Promise((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        for (const s of hanging) s.destroy();
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log('usage: node tests/server/backend.mjs --port 8090 [--host 127.0.0.1] [--data public/demo] [--quiet]');
    process.exit(0);
  }
  const b = await startBackend({
    port: args.port !== undefined ? Number(args.port) : 8090,
    host: typeof args.host === 'string' ? args.host : '127.0.0.1',
    dataDir: typeof args.data === 'string' ? args.data : undefined,
    log: !args.quiet,
  });
  console.log(`backend: API base ${b.url} (data: ${path.relative(process.cwd(), b.data.dataDir) || '.'}, ${b.data.articles.length} articles); control at ${b.origin}/__control/`);
  const stop = () => b.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
