#!/usr/bin/env node
// A tiny "portal" server for embedding tests: HTML host pages that embed the
// reader from another origin (the CDN: tests/server/static.mjs) with data from
// a third (the API: tests/server/backend.mjs).
//
//   import { startHost, renderTemplate } from './host.mjs';
//   const h = await startHost({
//     port: 0,                                  // 0: any free port
//     csp: "default-src 'self'; ...",           // default CSP of every HTML answer (optional)
//     pages: {
//       '/portal.html': { template: 'portal.html', vars: { CDN: 'http://localhost:1234/portal/', ... } },
//       '/lien-he.html': { template: 'lien-he.html', csp: '...' },   // per-page CSP (null: none)
//       '/raw.html': { html: '<!doctype html>...', headers: { 'X-Frame-Options': 'DENY' } },
//     },
//     rewrites: { '/tin-tuc/': '/tin-tuc.html' },  // SPA fallback: /tin-tuc, /tin-tuc/ and
//                                                  // /tin-tuc/** answer the page /tin-tuc.html
//   });
//   h.url      // "http://127.0.0.1:PORT/"
//   h.origin   // "http://127.0.0.1:PORT"
//   h.href('/portal.html?lang=vi')
//   h.requests // [{method, path}] of every request, oldest first
//   h.cspReports // bodies POSTed to /__csp-report (add `report-uri /__csp-report` to a CSP)
//   await h.close();
//
// Templates are files in tests/embed/; `{{NAME}}` is replaced by vars.NAME
// (raw: the test controls the values), a missing var by ''.
// Fixed files (no templating), served with the right type:
//   /css/bootstrap.min.css   node_modules/bootstrap/dist/css/bootstrap.min.css (3.4.1)
//   /css/*.css, /img/*.svg, /js/*.js   tests/embed/*.css, *.svg, *.js
// Anything else: 404. No rewrite unless asked: a page without one (e.g.
// /portal.html) only exists at its own path, like a CMS page that cannot be
// given server rewrites (hash and query routing are for those).
// HTML answers: `Cache-Control: no-store`, `X-Content-Type-Options: nosniff`,
// `Content-Security-Policy` when a CSP is set. No CORS: it is the page's origin.
//
// Standalone (to look at the pages by hand):
//   node tests/server/host.mjs --cdn http://localhost:8080/ --api http://127.0.0.1:8090/api/v1/ --port 8070

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listen } from './static.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const EMBED_DIR = path.join(REPO_ROOT, 'tests', 'embed');
export const BOOTSTRAP_CSS = path.join(REPO_ROOT, 'node_modules', 'bootstrap', 'dist', 'css', 'bootstrap.min.css');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.js': 'text/javascript; charset=utf-8',
};

/** Replace `{{NAME}}` in `text` by vars.NAME ('' when missing). */
export function renderTemplate(text, vars = {}) {
  return text.replace(/\{\{([A-Z0-9_]+)\}\}/g, (_, name) => (vars[name] === undefined || vars[name] === null ? '' : String(vars[name])));
}

/** Read tests/embed/<name> and render it. */
export function renderFile(name, vars = {}) {
  return renderTemplate(fs.readFileSync(path.join(EMBED_DIR, name), 'utf8'), vars);
}

function normPrefix(p) {
  let b = p.startsWith('/') ? p : '/' + p;
  if (!b.endsWith('/')) b += '/';
  return b;
}

/**
 * @param {{port?: number, host?: string, csp?: string|null,
 *   pages?: Record<string, {template?: string, html?: string, vars?: object, csp?: string|null, headers?: object, status?: number}>,
 *   rewrites?: Record<string, string>, log?: boolean}} opts
 */
export async function startHost(opts = {}) {
  const host = opts.host || '127.0.0.1';
  const pages = new Map(Object.entries(opts.pages || {}));
  const rewrites = Object.entries(opts.rewrites || {}).map(([prefix, page]) => [normPrefix(prefix), page]);
  const requests = [];
  const cspReports = [];

  function pageFor(pathname) {
    if (pages.has(pathname)) return pages.get(pathname);
    for (const [prefix, target] of rewrites) {
      if (pathname === prefix.slice(0, -1) || pathname.startsWith(prefix)) return pages.get(target);
    }
    return null;
  }

  function fileFor(pathname) {
    if (pathname === '/css/bootstrap.min.css') return BOOTSTRAP_CSS;
    const m = /^\/(css|img|js)\/([a-z0-9][a-z0-9-]*\.(css|svg|js))$/.exec(pathname);
    if (!m) return null;
    if ({ css: 'css', img: 'svg', js: 'js' }[m[1]] !== m[3]) return null;
    return path.join(EMBED_DIR, m[2]);
  }

  async function handle(req, res) {
    const url = new URL(req.url, 'http://x');
    const pathname = url.pathname;
    requests.push({ method: req.method, path: pathname + url.search });
    if (req.method === 'POST' && pathname === '/__csp-report') {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        cspReports.push(JSON.parse(text));
      } catch {
        cspReports.push(text);
      }
      res.writeHead(204);
      return res.end();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('Method Not Allowed\n');
    }
    const page = pageFor(pathname);
    if (page) {
      const html = page.html !== undefined ? page.html : renderFile(page.template, page.vars);
      const body = Buffer.from(typeof html === 'function' ? html(url) : html);
      const headers = {
        'Content-Type': TYPES['.html'],
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...(page.headers || {}),
      };
      const csp = page.csp !== undefined ? page.csp : opts.csp;
      if (csp) headers['Content-Security-Policy'] = csp;
      res.writeHead(page.status || 200, headers);
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    const file = fileFor(pathname);
    if (file) {
      let body;
      try {
        body = await fsp.readFile(file);
      } catch {
        body = null;
      }
      if (body) {
        res.writeHead(200, {
          'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
          'Content-Length': body.length,
          'Cache-Control': 'no-cache',
          'X-Content-Type-Options': 'nosniff',
        });
        return res.end(req.method === 'HEAD' ? undefined : body);
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    return res.end(req.method === 'HEAD' ? undefined : 'Not Found\n');
  }

  const { server, port, origin } = await listen(handle, { port: opts.port ?? 0, host, log: opts.log });
  return {
    url: origin + '/',
    origin,
    port,
    server,
    requests,
    cspReports,
    /** Replace or add a page while running. */
    setPage: (p, page) => pages.set(p, page),
    href: (p = '/') => origin + (p.startsWith('/') ? p : '/' + p),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

// ---- standalone ----------------------------------------------------------------

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) if (argv[i].startsWith('--')) args[argv[i].slice(2)] = argv[i + 1]?.startsWith('--') ? true : argv[++i];
  if (args.help || !args.cdn) {
    console.log('usage: node tests/server/host.mjs --cdn http://localhost:8080/ [--api http://127.0.0.1:8090/api/v1/] [--port 8070]');
    process.exit(args.help ? 0 : 1);
  }
  const cdn = args.cdn.endsWith('/') ? args.cdn : args.cdn + '/';
  const reader = (attrs) =>
    `<div class="reader-slot" data-news-portal${args.api ? ` data-api-base="${args.api}"` : ''}${attrs}></div>`;
  const common = { CDN: cdn, SCRIPT: `<script type="module" src="${cdn}news-portal.js"></script>` };
  const styles = '<link rel="stylesheet" href="/css/bootstrap.min.css">\n<link rel="stylesheet" href="/css/hostile.css">\n<link rel="stylesheet" href="/css/layout.css">';
  const h = await startHost({
    port: Number(args.port ?? 8070),
    log: true,
    pages: {
      '/portal.html': { template: 'portal.html', vars: { ...common, STYLES: styles, READER: reader(' data-routing="hash"') } },
      '/tin-tuc.html': { template: 'portal.html', vars: { ...common, STYLES: styles, READER: reader(' data-base-path="/tin-tuc"') } },
      '/lien-he.html': { template: 'lien-he.html', vars: { STYLES: styles } },
    },
    rewrites: { '/tin-tuc/': '/tin-tuc.html' },
  });
  console.log(`host: ${h.href('/portal.html')} (hash routing), ${h.href('/tin-tuc/')} (path routing)`);
}
