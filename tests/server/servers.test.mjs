// Direct tests of the test servers (no browser): node --test tests/server/
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import http from 'node:http';
import { startStatic, rewriteIndex, parseAcceptEncoding, cacheControlFor } from './static.mjs';
import { startBackend, fold, vnDate } from './backend.mjs';

/** Raw GET/POST with full control over headers (fetch adds Accept-Encoding itself). */
function request(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function tmpdir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

describe('static server', () => {
  let dir;
  let s;
  const wasm = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  const js = 'console.log("hello from the app");\n'.repeat(20);
  before(async () => {
    dir = tmpdir('np-static-');
    fs.writeFileSync(path.join(dir, 'index.html'),
      '<!doctype html><html><body><div id="x" data-news-portal data-api-base="old"></div><script src="/news-portal.js"></script></body></html>');
    fs.writeFileSync(path.join(dir, 'news_portal-0123456789abcdef_bg.wasm'), wasm);
    fs.writeFileSync(path.join(dir, 'news_portal-0123456789abcdef.js'), js);
    fs.writeFileSync(path.join(dir, 'news_portal-0123456789abcdef.js.br'), zlib.brotliCompressSync(js));
    fs.writeFileSync(path.join(dir, 'news_portal-0123456789abcdef.js.gz'), zlib.gzipSync(js));
    fs.writeFileSync(path.join(dir, 'news-portal.js'), '/* loader */');
    fs.mkdirSync(path.join(dir, 'demo'));
    fs.writeFileSync(path.join(dir, 'demo', 'site.json'), '{"name":"x"}');
    fs.writeFileSync(path.join(os.tmpdir(), 'np-secret.txt'), 'secret');
    s = await startStatic({ dir, port: 0 });
  });
  after(async () => {
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('serves index.html at / with no-cache and CORS', async () => {
    const r = await request(s.url);
    assert.equal(r.status, 200);
    assert.match(r.headers['content-type'], /^text\/html/);
    assert.equal(r.headers['cache-control'], 'no-cache');
    assert.equal(r.headers['access-control-allow-origin'], '*');
    assert.match(r.body.toString(), /data-news-portal/);
  });

  test('SPA fallback for extension-less paths, 404 for missing files', async () => {
    for (const p of ['bai-viet/123/some-slug', 'chuyen-muc/tin-tuc?trang=2', 'x/y/z/']) {
      const r = await request(s.url + p);
      assert.equal(r.status, 200, p);
      assert.match(r.body.toString(), /data-news-portal/, p);
    }
    const r = await request(s.url + 'missing.js');
    assert.equal(r.status, 404);
  });

  test('MIME types and cache headers', async () => {
    let r = await request(s.url + 'news_portal-0123456789abcdef_bg.wasm');
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'application/wasm');
    assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(r.headers['access-control-allow-origin'], '*');
    assert.deepEqual([...r.body], [...wasm]);
    r = await request(s.url + 'news-portal.js');
    assert.match(r.headers['content-type'], /^text\/javascript/);
    assert.equal(r.headers['cache-control'], 'no-cache');
    r = await request(s.url + 'demo/site.json');
    assert.match(r.headers['content-type'], /^application\/json/);
    assert.equal(r.headers['cache-control'], 'public, max-age=300');
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.equal(r.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.equal(r.body.toString(), '{"name":"x"}');
  });

  test('precompressed copies by Accept-Encoding', async () => {
    const u = s.url + 'news_portal-0123456789abcdef.js';
    let r = await request(u, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(r.headers['content-encoding'], 'br');
    assert.equal(r.headers['vary'], 'Accept-Encoding');
    assert.match(r.headers['content-type'], /^text\/javascript/);
    assert.equal(zlib.brotliDecompressSync(r.body).toString(), js);
    r = await request(u, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(r.headers['content-encoding'], 'gzip');
    assert.equal(zlib.gunzipSync(r.body).toString(), js);
    r = await request(u, { headers: { 'accept-encoding': 'br;q=0, gzip;q=0.5' } });
    assert.equal(r.headers['content-encoding'], 'gzip');
    r = await request(u);
    assert.equal(r.headers['content-encoding'], undefined);
    assert.equal(r.headers['vary'], 'Accept-Encoding');
    assert.equal(r.body.toString(), js);
    r = await request(u, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(r.headers['content-encoding'], undefined);
    assert.deepEqual(parseAcceptEncoding('br;q=0.8, gzip'), new Map([['br', 0.8], ['gzip', 1]]));
  });

  test('ETag / If-None-Match and HEAD', async () => {
    const u = s.url + 'news_portal-0123456789abcdef_bg.wasm';
    const r = await request(u);
    assert.ok(r.headers.etag);
    const r2 = await request(u, { headers: { 'if-none-match': r.headers.etag } });
    assert.equal(r2.status, 304);
    const h = await request(u, { method: 'HEAD' });
    assert.equal(h.status, 200);
    assert.equal(h.body.length, 0);
    assert.equal(h.headers['content-length'], String(wasm.length));
    const p = await request(u, { method: 'POST' });
    assert.equal(p.status, 405);
  });

  test('no path traversal', async () => {
    for (const p of ['/../np-secret.txt', '/%2e%2e/np-secret.txt', '/demo/..%2f..%2fnp-secret.txt']) {
      const r = await request(s.origin + p);
      assert.notEqual(r.body.toString(), 'secret', p);
      assert.ok(r.status === 404 || r.status === 400 || /data-news-portal/.test(r.body.toString()), p);
    }
  });

  test('apiBase, basePath and csp', async () => {
    const s2 = await startStatic({ dir, apiBase: 'http://127.0.0.1:9/api/v1/?a="b"', basePath: '/tin', csp: "default-src 'self'" });
    try {
      assert.ok(s2.url.endsWith('/tin/'));
      for (const p of ['', 'bai-viet/1/x', '../chuyen-muc/a']) {
        const r = await request(new URL(p, s2.url).href);
        assert.equal(r.status, 200, p);
        const html = r.body.toString();
        assert.match(html, /<div id="x" data-news-portal data-api-base="http:\/\/127\.0\.0\.1:9\/api\/v1\/\?a=&quot;b&quot;" data-base-path="\/tin\/"><\/div>/, p);
        assert.equal((html.match(/data-api-base/g) || []).length, 1);
        assert.equal(r.headers['content-security-policy'], "default-src 'self'");
      }
      // assets both at the root and under the base path
      for (const p of ['/news-portal.js', '/tin/news-portal.js']) {
        const r = await request(s2.origin + p);
        assert.equal(r.status, 200, p);
        assert.equal(r.body.toString(), '/* loader */');
        assert.equal(r.headers['content-security-policy'], undefined);
      }
    } finally {
      await s2.close();
    }
  });

  test('cacheControlFor names', () => {
    const imm = 'public, max-age=31536000, immutable';
    assert.equal(cacheControlFor('/d/news_portal-0123456789abcdef.js'), imm);
    assert.equal(cacheControlFor('/d/news_portal-123456789abcdef_bg.wasm'), imm);
    assert.equal(cacheControlFor('/d/news-portal-0123456789abcdef.css'), imm);
    assert.equal(cacheControlFor('/d/page-0123456789abcdef.css'), imm);
    assert.equal(cacheControlFor('/d/news-portal.js'), 'no-cache');
    assert.equal(cacheControlFor('/d/index.html'), 'no-cache');
    assert.equal(cacheControlFor('/d/asset-manifest.json'), 'no-cache');
    assert.equal(cacheControlFor('/d/favicon.svg'), 'no-cache');
    assert.equal(cacheControlFor('/d/demo/media/a.svg', '/d'), 'public, max-age=300');
  });

  test('rewriteIndex', () => {
    assert.equal(rewriteIndex('<div data-news-portal></div>', { 'data-api-base': 'u' }), '<div data-news-portal data-api-base="u"></div>');
    assert.equal(rewriteIndex("<div class='a' data-news-portal data-api-base='x' >", { 'data-api-base': 'u' }), "<div class='a' data-news-portal data-api-base=\"u\">");
    assert.equal(rewriteIndex('<p>none</p>', { 'data-api-base': 'u' }), '<p>none</p>');
    assert.equal(rewriteIndex('<div data-news-portal></div><div data-news-portal></div>', { 'data-api-base': 'u' }),
      '<div data-news-portal data-api-base="u"></div><div data-news-portal></div>');
    // true → bare attribute, false → removed, null/undefined → untouched.
    assert.equal(rewriteIndex('<div data-news-portal data-standalone></div>', { 'data-standalone': false, 'data-lang': 'en' }),
      '<div data-news-portal data-lang="en"></div>');
    assert.equal(rewriteIndex('<div data-news-portal data-lang="vi"></div>', { 'data-standalone': true, 'data-lang': null }),
      '<div data-news-portal data-lang="vi" data-standalone></div>');
  });

  test('attrs: index.html gets the host attributes asked for', async () => {
    const s2 = await startStatic({ dir, port: 0, attrs: { 'data-lang': 'en', 'data-standalone': true } });
    try {
      const body = (await request(s2.url + 'bai-viet/1/x')).body.toString();
      assert.match(body, /<div id="x" data-news-portal data-api-base="old" data-lang="en" data-standalone>/);
    } finally {
      await s2.close();
    }
  });
});

describe('backend', () => {
  let dir;
  let b;
  const N = 27;
  // 27 articles, one per day from 2023-01-01 at 23:30 +07:00 (= 16:30Z), newest = index 0 after sorting.
  const articles = Array.from({ length: N }, (_, i) => ({
    id: `a${i + 1}`,
    slug: `bai-${i + 1}`,
    title: i === 3 ? 'Đường biên giới Việt – Trung' : `Bài số ${i + 1}`,
    summary: i === 5 ? 'Tập huấn thông tin đối ngoại' : undefined,
    category: i % 3 === 0 ? { slug: 'bien-gioi', name: 'Biên giới' } : { slug: 'tin-tuc', name: 'Tin tức' },
    published_at: `2023-01-${String(i + 1).padStart(2, '0')}T23:30:00+07:00`,
    views: i * 1000,
  }));
  before(async () => {
    dir = tmpdir('np-backend-');
    fs.writeFileSync(path.join(dir, 'site.json'), JSON.stringify({ name: 'Cổng thử', language: 'vi', categories: [{ slug: 'tin-tuc', name: 'Tin tức' }] }));
    // deliberately oldest first: the backend sorts newest first
    fs.writeFileSync(path.join(dir, 'articles.json'), JSON.stringify({ items: articles, page: 1, per_page: N, total: N }));
    fs.writeFileSync(path.join(dir, 'hot.json'), JSON.stringify({ items: articles.slice(0, 12) }));
    fs.writeFileSync(path.join(dir, 'visitors.json'), JSON.stringify({ online: 5, today: 10, week: 100, total: 901953 }));
    fs.mkdirSync(path.join(dir, 'articles'));
    fs.writeFileSync(path.join(dir, 'articles', 'a1.json'), JSON.stringify({ ...articles[0], body_html: '<p>một</p>', related: [] }));
    fs.mkdirSync(path.join(dir, 'media'));
    fs.writeFileSync(path.join(dir, 'media', 'x.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    b = await startBackend({ port: 0, dataDir: dir });
  });
  after(async () => {
    await b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const get = (p, init) => fetch(b.url + p, init);
  const getJson = async (p) => {
    const r = await get(p);
    assert.equal(r.status, 200, p);
    assert.match(r.headers.get('content-type'), /^application\/json/);
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
    return r.json();
  };

  test('url is the API base ending in /', () => {
    assert.match(b.url, /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/$/);
  });

  test('helpers: fold and vnDate', () => {
    assert.equal(fold('Đường BIÊN giới'), 'duong bien gioi');
    assert.equal(fold('Tập huấn'.normalize('NFD')), 'tap huan');
    assert.equal(vnDate('2023-01-01T20:00:00Z'), '2023-01-02');
    assert.equal(vnDate('2023-01-01T16:59:59Z'), '2023-01-01');
  });

  test('GET site', async () => {
    const s = await getJson('site');
    assert.equal(s.name, 'Cổng thử');
  });

  test('GET articles: paging, newest first, per_page default 10, max 50', async () => {
    let p = await getJson('articles');
    assert.equal(p.page, 1);
    assert.equal(p.per_page, 10);
    assert.equal(p.total, N);
    assert.equal(p.items.length, 10);
    assert.equal(p.items[0].id, `a${N}`);
    assert.equal(p.items[9].id, `a${N - 9}`);
    p = await getJson('articles?page=3');
    assert.equal(p.page, 3);
    assert.deepEqual(p.items.map((a) => a.id), ['a7', 'a6', 'a5', 'a4', 'a3', 'a2', 'a1']);
    p = await getJson('articles?page=9');
    assert.equal(p.items.length, 0);
    assert.equal(p.total, N);
    p = await getJson('articles?per_page=500');
    assert.equal(p.per_page, 50);
    assert.equal(p.items.length, N);
    p = await getJson('articles?per_page=5&page=2');
    assert.deepEqual(p.items.map((a) => a.id), ['a22', 'a21', 'a20', 'a19', 'a18']);
    p = await getJson('articles?page=abc&per_page=-3');
    assert.equal(p.page, 1);
    assert.equal(p.per_page, 10);
  });

  test('pageSize: pages of that size whatever per_page asks', async () => {
    const b2 = await startBackend({ port: 0, dataDir: dir, pageSize: 12 });
    try {
      let p = await (await fetch(b2.url + 'articles?page=2&per_page=10')).json();
      assert.equal(p.per_page, 12);
      assert.equal(p.items.length, 12);
      assert.equal(p.items[0].id, `a${N - 12}`);
      b2.setPageSize(100);
      p = await (await fetch(b2.url + 'articles?per_page=10')).json();
      assert.equal(p.per_page, 100);
      assert.equal(p.items.length, N);
      b2.setPageSize(null);
      p = await (await fetch(b2.url + 'articles')).json();
      assert.equal(p.per_page, 10);
      assert.throws(() => b2.setPageSize(0), /positive integer/);
    } finally {
      await b2.close();
    }
  });

  test('GET articles: category, q, date filters', async () => {
    let p = await getJson('articles?category=bien-gioi&per_page=50');
    assert.equal(p.total, 9);
    assert.ok(p.items.every((a) => a.category.slug === 'bien-gioi'));
    p = await getJson('articles?category=nope');
    assert.equal(p.total, 0);
    p = await getJson('articles?q=' + encodeURIComponent('duong bien'));
    assert.deepEqual(p.items.map((a) => a.id), ['a4']);
    p = await getJson('articles?q=' + encodeURIComponent('ĐƯỜNG'));
    assert.deepEqual(p.items.map((a) => a.id), ['a4']);
    p = await getJson('articles?q=' + encodeURIComponent('tập huấn'.normalize('NFD')));
    assert.deepEqual(p.items.map((a) => a.id), ['a6']);
    p = await getJson('articles?q=' + encodeURIComponent('thong tin doi ngoai'));
    assert.deepEqual(p.items.map((a) => a.id), ['a6']);
    // 2023-01-05T23:30+07:00 is 2023-01-05 in Vietnam (2023-01-05T16:30Z)
    p = await getJson('articles?date=2023-01-05');
    assert.deepEqual(p.items.map((a) => a.id), ['a5']);
    p = await getJson('articles?date=2023-01-05&category=bien-gioi');
    assert.equal(p.total, 0);
    const r = await get('articles?date=05/01/2023');
    assert.equal(r.status, 400);
    assert.ok((await r.json()).error);
  });

  test('GET articles/hot: at most 10', async () => {
    const h = await getJson('articles/hot');
    assert.equal(h.items.length, 10);
  });

  test('GET articles/{id}: detail file, summary fallback, fixture, 404', async () => {
    let a = await getJson('articles/a1');
    assert.equal(a.body_html, '<p>một</p>');
    a = await getJson('articles/a2');
    assert.equal(a.title, 'Bài số 2');
    assert.equal(typeof a.body_html, 'string');
    a = await getJson('articles/2019-0110-1');
    assert.match(a.body_html, /<script>/);
    assert.match(a.body_html, /onclick/);
    const r = await get('articles/nope');
    assert.equal(r.status, 404);
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
    assert.equal(typeof (await r.json()).error, 'string');
    assert.equal((await get('articles/a1/extra')).status, 404);
    assert.equal((await get('nothing')).status, 404);
  });

  test('stats: visitors and hit', async () => {
    b.reset();
    const v = await getJson('stats/visitors');
    assert.equal(v.total, 901953);
    assert.equal(v.online, 5);
    const r = await get('stats/hit', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ path: '/bai-viet/a1/bai-1', article_id: 'a1' }) });
    assert.equal(r.status, 204);
    assert.deepEqual(b.hits, [{ path: '/bai-viet/a1/bai-1', article_id: 'a1' }]);
    const v2 = await getJson('stats/visitors');
    assert.equal(v2.total, 901954);
    assert.equal(v2.today, 11);
    const hits = await (await fetch(b.origin + '/__control/hits')).json();
    assert.deepEqual(hits, b.hits);
    assert.equal((await get('stats/hit')).status, 405);
    assert.equal((await get('site', { method: 'POST', body: '{}' })).status, 405);
  });

  test('CORS preflight', async () => {
    const r = await request(b.url + 'stats/hit', {
      method: 'OPTIONS',
      headers: { Origin: 'http://example.test', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    assert.equal(r.status, 204);
    assert.equal(r.headers['access-control-allow-origin'], '*');
    assert.match(r.headers['access-control-allow-methods'], /GET, POST/);
    assert.match(r.headers['access-control-allow-headers'], /Content-Type/);
  });

  test('media under /media/ and /api/v1/media/, fixture placeholders', async () => {
    for (const p of ['/media/x.svg', '/api/v1/media/x.svg']) {
      const r = await fetch(b.origin + p);
      assert.equal(r.status, 200, p);
      assert.equal(r.headers.get('content-type'), 'image/svg+xml');
      assert.match(await r.text(), /<svg/);
    }
    assert.equal((await fetch(b.origin + '/media/nope.svg')).status, 404);
    assert.equal((await fetch(b.origin + '/media/..%2fsite.json')).status, 404);
    const r = await fetch(b.origin + '/media/2019/01/bcd-ttdn.jpg');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^image\//);
  });

  describe('faults', () => {
    before(() => b.reset());
    after(() => b.reset());

    test('refused', async () => {
      b.setFault('site', 'refused');
      await assert.rejects(get('site'));
      b.clearFaults();
      await getJson('site');
    });

    test('500 and 404 with JSON error bodies', async () => {
      b.setFault('articles', '500');
      let r = await get('articles');
      assert.equal(r.status, 500);
      assert.equal(typeof (await r.json()).error, 'string');
      b.setFault('articles/hot', '404');
      r = await get('articles/hot');
      assert.equal(r.status, 404);
      b.clearFaults();
    });

    test('hang keeps the socket open; close() still works', async () => {
      b.setFault('stats/visitors', 'hang');
      const ac = new AbortController();
      const t = setTimeout(() => ac.abort(), 300);
      await assert.rejects(get('stats/visitors', { signal: ac.signal }), /abort/i);
      clearTimeout(t);
      b.clearFaults();
    });

    test('delay3s and delay:<ms>', async () => {
      b.setFault('articles/a1', 'delay:250', { times: 1 });
      let t0 = Date.now();
      const a = await getJson('articles/a1');
      assert.equal(a.id, 'a1');
      assert.ok(Date.now() - t0 >= 240);
      t0 = Date.now();
      await getJson('articles/a1');
      assert.ok(Date.now() - t0 < 200, 'times: 1 expired');
      b.setFault('site', 'delay3s', { times: 1 });
      t0 = Date.now();
      await getJson('site');
      assert.ok(Date.now() - t0 >= 2900);
    });

    test('truncated, html, empty', async () => {
      b.setFault('site', 'truncated');
      let r = await get('site');
      assert.equal(r.status, 200);
      const text = await r.text();
      assert.ok(text.length > 5);
      assert.throws(() => JSON.parse(text));
      b.setFault('site', 'html');
      r = await get('site');
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type'), /^text\/html/);
      assert.match(await r.text(), /<html/);
      b.setFault('site', 'empty');
      r = await get('site');
      assert.equal(r.status, 200);
      assert.equal(await r.text(), '');
      b.clearFaults();
    });

    test('wrong-types', async () => {
      for (const ep of ['site', 'articles', 'articles/hot', 'article', 'stats/visitors']) b.setFault(ep, 'wrong-types');
      assert.equal(typeof (await getJson('site')).name, 'number');
      const p = await getJson('articles');
      assert.ok(!Array.isArray(p.items) && typeof p.items === 'object');
      assert.equal(typeof (await getJson('articles/hot')).items, 'string');
      assert.equal(typeof (await getJson('articles/a1')).title, 'number');
      assert.equal(typeof (await getJson('stats/visitors')).online, 'string');
      b.clearFaults();
    });

    test('huge-page and huge-body', async () => {
      b.setFault('articles', 'huge-page', { times: 1 });
      const p = await getJson('articles');
      assert.equal(p.items.length, 20000);
      b.setFault('article', 'huge-body', { times: 1 });
      const r = await get('articles/a1');
      const text = await r.text();
      assert.ok(text.length >= 5 * 1024 * 1024);
      assert.equal(JSON.parse(text).id, 'a1');
    });

    test('article faults: specific id wins over "article"; times counts down', async () => {
      b.setFault('article', '500');
      b.setFault('articles/a1', '404', { times: 2 });
      assert.equal((await get('articles/a1')).status, 404);
      assert.equal((await get('articles/a2')).status, 500);
      assert.equal((await get('articles/a1')).status, 404);
      assert.equal((await get('articles/a1')).status, 500);
      assert.equal((await get('articles/hot')).status, 200, 'articles/hot is not an article');
      b.clearFaults();
      assert.equal((await get('articles/a1')).status, 200);
      assert.throws(() => b.setFault('site', 'bogus'));
    });

    test('setDelay race: A slow, B fast', async () => {
      b.setDelay('articles/a1', 400);
      const order = [];
      await Promise.all([
        getJson('articles/a1').then(() => order.push('a1')),
        getJson('articles/a2').then(() => order.push('a2')),
      ]);
      assert.deepEqual(order, ['a2', 'a1']);
      b.setDelay('articles/a1', 0);
      b.setDelay(/articles\/a2$/, 300);
      const t0 = Date.now();
      await getJson('articles/a2');
      assert.ok(Date.now() - t0 >= 290);
      b.clearFaults();
    });

    test('counts per endpoint, also during faults', async () => {
      b.reset();
      b.setFault('stats/visitors', '500');
      for (let i = 0; i < 3; i++) await get('stats/visitors');
      await get('articles/a1');
      await get('articles/a2');
      assert.equal(b.count('stats/visitors'), 3);
      assert.equal(b.count('article'), 2);
      assert.equal(b.count('articles/{id}'), 2);
      assert.equal(b.count('articles/a1'), 1);
      const n = await (await fetch(b.origin + '/__control/count?endpoint=stats/visitors')).json();
      assert.equal(n, 3);
      b.reset();
      assert.equal(b.count('stats/visitors'), 0);
    });

    test('control over HTTP', async () => {
      const post = (op, body) => fetch(b.origin + '/__control/' + op, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      let r = await post('fault', { endpoint: 'articles', fault: '500', times: 1 });
      assert.equal(r.status, 200);
      assert.equal((await get('articles')).status, 500);
      assert.equal((await get('articles')).status, 200);
      r = await post('fault', { endpoint: 'site', fault: 'nope' });
      assert.equal(r.status, 400);
      await post('fault', { endpoint: 'site', fault: '404' });
      assert.equal((await get('site')).status, 404);
      await post('reset', {});
      assert.equal((await get('site')).status, 200);
      await post('delay', { endpoint: 'site', ms: 300 });
      const t0 = Date.now();
      await get('site');
      assert.ok(Date.now() - t0 >= 290);
      await post('clear-faults', {});
      const pre = await request(b.origin + '/__control/fault', { method: 'OPTIONS' });
      assert.equal(pre.status, 204);
      assert.equal(pre.headers['access-control-allow-origin'], '*');
    });
  });

  test('close() ends a server with a hanging request', async () => {
    const b2 = await startBackend({ port: 0, dataDir: dir });
    b2.setFault('site', 'hang');
    const p = fetch(b2.url + 'site').then(() => 'answered', () => 'failed');
    await new Promise((r) => setTimeout(r, 100));
    await b2.close();
    assert.equal(await p, 'failed');
  });
});

describe('backend with default data', () => {
  test('loads public/demo (or the fixtures) and serves the fixture article', async () => {
    const b = await startBackend({ port: 0 });
    try {
      const site = await (await fetch(b.url + 'site')).json();
      assert.equal(typeof site.name, 'string');
      assert.ok(Array.isArray(site.categories));
      const page = await (await fetch(b.url + 'articles')).json();
      assert.ok(page.items.length >= 1);
      assert.ok(page.items.length <= 10);
      const a = await (await fetch(b.url + 'articles/2019-0110-1')).json();
      assert.equal(a.id, '2019-0110-1');
      assert.match(a.body_html, /onclick/);
      const v = await (await fetch(b.url + 'stats/visitors')).json();
      assert.equal(typeof v.total, 'number');
    } finally {
      await b.close();
    }
  });
});
