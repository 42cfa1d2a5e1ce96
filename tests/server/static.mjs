#!/usr/bin/env node
// Static file server for the built reader (`dist/`), for browser tests and demos.
//
//   node tests/server/static.mjs --dir dist --port 8080 [--host 127.0.0.1]
//        [--api-base URL] [--base-path /tin/] [--csp "default-src 'self'"]
//
// or, from a test:
//
//   import { startStatic } from './static.mjs';
//   const s = await startStatic({ dir: 'dist', port: 0, apiBase, csp, basePath });
//   s.url   // "http://127.0.0.1:PORT/" (ends in /; with basePath, the base path)
//   await s.close();
//
// What it does:
// - GET/HEAD only (others: 405). Paths are confined to `dir`.
// - SPA fallback: a path whose last segment has no extension and that is not a
//   file is answered with index.html (200). A missing path with an extension: 404.
// - MIME types incl. application/wasm.
// - Precompressed copies: for X, serves X.br or X.gz when the request's
//   Accept-Encoding allows it (q-values honoured, br preferred), with
//   Content-Encoding and `Vary: Accept-Encoding` (Vary is sent whenever a
//   compressed copy exists, whichever copy is served).
// - `Access-Control-Allow-Origin: *` on every answer (embedding on other origins).
// - Cache-Control (docs/delivery.md): `public, max-age=31536000, immutable` for hashed
//   names (`-[0-9a-f]{16}.`, `-[0-9a-f]{16}_bg.`, `news_portal-<hex>.js|_bg.wasm`),
//   `public, max-age=300` under demo/, `no-cache` for everything else (index.html,
//   news-portal.js, asset-manifest.json, favicon.svg, ...).
// - `X-Content-Type-Options: nosniff`, `Cross-Origin-Resource-Policy: cross-origin`.
// - ETag (size+mtime+encoding) and If-None-Match → 304.
// - apiBase: index.html is served with the first `<div data-news-portal ...>` given
//   `data-api-base="<apiBase>"` (replacing any existing one); basePath likewise
//   adds `data-base-path`. With basePath, files are ALSO served under that prefix
//   (e.g. /tin/news_portal-….js) and SPA fallback applies under it.
// - attrs: more attributes for that element ({'data-lang': 'en'}; true → bare
//   attribute, false → removed, e.g. {'data-standalone': false} for an embedded reader).
// - csp: sent as `Content-Security-Policy` on HTML answers.
// No npm dependencies.

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
};

// Content-hashed names (docs/delivery.md): Trunk's news_portal-<hex>.js and
// news_portal-<hex>_bg.wasm (seahash in hex, usually 16 digits), news-portal-<16 hex>.css,
// page-<16 hex>.css.
const HASHED = /-[0-9a-f]{16}(?:_bg)?\.|^news_portal-[0-9a-f]+(?:_bg\.wasm|\.js)$/;

export function mimeFor(file) {
  return MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

export function cacheControlFor(file, root) {
  if (HASHED.test(path.basename(file))) return 'public, max-age=31536000, immutable';
  if (root && path.relative(root, file).split(path.sep)[0] === 'demo') return 'public, max-age=300';
  return 'no-cache';
}

/** Parse Accept-Encoding into a Map coding → q. */
export function parseAcceptEncoding(header) {
  const m = new Map();
  if (!header) return m;
  for (const part of String(header).split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    let q = 1;
    for (const p of params) {
      const [k, v] = p.trim().split('=');
      if (k && k.trim().toLowerCase() === 'q') {
        const n = Number(v);
        q = Number.isFinite(n) ? n : 0;
      }
    }
    m.set(name.trim().toLowerCase(), q);
  }
  return m;
}

function accepts(map, coding) {
  if (map.has(coding)) return map.get(coding) > 0;
  if (map.has('*')) return map.get('*') > 0;
  return false;
}

function escapeAttr(s) {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * Give the first `<div data-news-portal ...>` the attributes in `attrs` (replacing existing ones).
 * A value `true` writes a bare attribute (`data-standalone`), `false` removes the attribute,
 * `undefined`/`null` leave it as it is.
 */
export function rewriteIndex(html, attrs) {
  const entries = Object.entries(attrs).filter(([, v]) => v !== undefined && v !== null);
  if (!entries.length) return html;
  const re = /<div\b([^>]*?\bdata-news-portal\b[^>]*?)(\/?)>/i;
  const m = re.exec(html);
  if (!m) return html;
  let inner = m[1];
  for (const [name] of entries) {
    inner = inner.replace(new RegExp(`\\s+${name}\\s*=\\s*("[^"]*"|'[^']*'|[^\\s>]+)`, 'gi'), '');
    inner = inner.replace(new RegExp(`\\s+${name}(?=[\\s/>]|$)`, 'gi'), '');
  }
  const added = entries
    .filter(([, v]) => v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`))
    .join('');
  const tag = `<div${inner.replace(/\s+$/, '')}${added}${m[2]}>`;
  return html.slice(0, m.index) + tag + html.slice(m.index + m[0].length);
}

function normaliseBasePath(bp) {
  if (!bp || bp === '/') return '/';
  let b = bp.startsWith('/') ? bp : '/' + bp;
  if (!b.endsWith('/')) b += '/';
  return b;
}

async function statFile(p) {
  try {
    const st = await fsp.stat(p);
    return st.isFile() ? st : null;
  } catch {
    return null;
  }
}

/**
 * Start the static server.
 * @param {{dir: string, port?: number, host?: string, apiBase?: string, csp?: string,
 *          basePath?: string, attrs?: Record<string, string|boolean>, log?: boolean}} opts
 * @returns {Promise<{url: string, origin: string, port: number, server: http.Server, close: () => Promise<void>}>}
 */
export async function startStatic(opts = {}) {
  const root = path.resolve(opts.dir || 'dist');
  const host = opts.host || '127.0.0.1';
  const basePath = normaliseBasePath(opts.basePath);
  const indexAttrs = {};
  if (opts.apiBase) indexAttrs['data-api-base'] = opts.apiBase;
  if (opts.basePath) indexAttrs['data-base-path'] = basePath;
  // Any other attributes of the host element, e.g. {'data-lang': 'en', 'data-standalone': false}.
  for (const [k, v] of Object.entries(opts.attrs || {})) {
    if (!/^[a-z][a-z0-9-]*$/i.test(k)) throw new Error(`bad attribute name ${k}`);
    if (v !== undefined && v !== null) indexAttrs[k] = v;
  }
  const csp = opts.csp;
  const log = !!opts.log;

  async function handle(req, res) {
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, HEAD',
        'Access-Control-Allow-Headers': '*',
        'Access-Control-Max-Age': '600',
      });
      return res.end();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('Method Not Allowed\n');
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('Bad Request\n');
    }
    if (pathname.includes('\0')) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('Bad Request\n');
    }
    // Candidate relative paths: as-is, and with the base path stripped.
    const candidates = [pathname];
    if (basePath !== '/' && (pathname + '/').startsWith(basePath)) {
      candidates.unshift('/' + pathname.slice(basePath.length));
    }
    let file = null;
    let st = null;
    for (const c of candidates) {
      const rel = c.endsWith('/') ? c + 'index.html' : c;
      const abs = path.resolve(root, '.' + path.posix.normalize(rel));
      if (abs !== root && !abs.startsWith(root + path.sep)) continue;
      const s = await statFile(abs);
      if (s) {
        file = abs;
        st = s;
        break;
      }
    }
    if (!file) {
      const last = pathname.split('/').pop();
      if (!path.extname(last)) {
        file = path.join(root, 'index.html');
        st = await statFile(file);
      }
    }
    if (!file || !st) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
      return res.end(req.method === 'HEAD' ? undefined : 'Not Found\n');
    }

    const isIndex = path.basename(file) === 'index.html';
    const type = mimeFor(file);
    const headers = {
      'Content-Type': type,
      'Cache-Control': cacheControlFor(file, root),
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    };
    if (csp && type.startsWith('text/html')) headers['Content-Security-Policy'] = csp;

    // index.html with rewritten attributes: always identity, built in memory.
    if (isIndex && Object.keys(indexAttrs).length) {
      const html = rewriteIndex(await fsp.readFile(file, 'utf8'), indexAttrs);
      const body = Buffer.from(html);
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      return res.end(req.method === 'HEAD' ? undefined : body);
    }

    // Precompressed variants.
    const ae = parseAcceptEncoding(req.headers['accept-encoding']);
    const variants = [];
    for (const [coding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      const vs = await statFile(file + ext);
      if (vs) variants.push({ coding, file: file + ext, st: vs, q: ae.has(coding) ? ae.get(coding) : (ae.get('*') ?? 0) });
    }
    let serveFile = file;
    let serveSt = st;
    let encoding = null;
    if (variants.length) {
      headers['Vary'] = 'Accept-Encoding';
      const usable = variants.filter((v) => accepts(ae, v.coding)).sort((a, b) => b.q - a.q);
      if (usable.length) {
        serveFile = usable[0].file;
        serveSt = usable[0].st;
        encoding = usable[0].coding;
        headers['Content-Encoding'] = encoding;
      }
    }
    const etag = `"${serveSt.size.toString(16)}-${Math.floor(serveSt.mtimeMs).toString(16)}${encoding ? '-' + encoding : ''}"`;
    headers['ETag'] = etag;
    headers['Last-Modified'] = serveSt.mtime.toUTCString();
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').map((s) => s.trim()).includes(etag)) {
      delete headers['Content-Type'];
      res.writeHead(304, headers);
      return res.end();
    }
    headers['Content-Length'] = serveSt.size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return res.end();
    const stream = fs.createReadStream(serveFile);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  const { server, port, origin } = await listen(handle, { port: opts.port ?? 0, host, log });
  return {
    url: origin + basePath,
    origin,
    port,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

/**
 * Serves `handle(req, res)` (async) on `host:port` (0: any free port): a
 * thrown error answers 500 via `onError`, or ends the connection once
 * headers are out. Shared by the test servers.
 */
export async function listen(handle, { port = 0, host = '127.0.0.1', log = false, onError } = {}) {
  const fail =
    onError ||
    ((res, err) => {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String((err && err.stack) || err));
    });
  const server = http.createServer((req, res) => {
    if (log) res.on('finish', () => console.log(`${res.statusCode} ${req.method} ${req.url}`));
    handle(req, res).catch((err) => {
      if (!res.headersSent) fail(res, err);
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const bound = server.address().port;
  return { server, port: bound, origin: `http://${host.includes(':') ? `[${host}]` : host}:${bound}` };
}

export function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    let key = a.slice(2);
    let val;
    const eq = key.indexOf('=');
    if (eq >= 0) {
      val = key.slice(eq + 1);
      key = key.slice(0, eq);
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      val = argv[++i];
    } else {
      val = true;
    }
    out[key.replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = val;
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log('usage: node tests/server/static.mjs --dir dist --port 8080 [--host 127.0.0.1] [--api-base URL] [--base-path /x/] [--csp "..."] [--quiet]');
    process.exit(0);
  }
  const dir = args.dir || 'dist';
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`static: ${path.join(dir, 'index.html')} is missing (run scripts/build first)`);
    process.exit(1);
  }
  const s = await startStatic({
    dir,
    port: args.port !== undefined ? Number(args.port) : 8080,
    host: args.host || '127.0.0.1',
    apiBase: typeof args.apiBase === 'string' ? args.apiBase : undefined,
    basePath: typeof args.basePath === 'string' ? args.basePath : undefined,
    csp: typeof args.csp === 'string' ? args.csp : undefined,
    log: !args.quiet,
  });
  console.log(`static: serving ${path.resolve(dir)} at ${s.url}`);
  const stop = () => s.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
