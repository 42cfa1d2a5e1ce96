// The standalone page is installable: dist/manifest.webmanifest
// (tools/web-manifest.mjs) names the site, opens standalone at the base
// path, and its icons exist; index.html links it.
//
//   node --test tests/build/web-manifest.test.mjs    (needs dist/)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST_NAME, webManifest, themeToken } from '../../tools/web-manifest.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = process.env.NP_DIST ? path.resolve(process.env.NP_DIST) : path.join(ROOT, 'dist');
const read = (name) => fs.readFileSync(path.join(DIST, name), 'utf8');

test('dist/manifest.webmanifest: name, standalone at the base path, colours of the theme, icons that exist', () => {
  const m = JSON.parse(read(MANIFEST_NAME));
  const base = JSON.parse(read('asset-manifest.json')).publicUrl;
  assert.ok(m.name && m.short_name && m.short_name.length <= 12, `name ${m.name}, short_name ${m.short_name}`);
  assert.equal(m.lang, 'vi');
  assert.equal(m.display, 'standalone');
  assert.equal(m.start_url, base);
  assert.equal(m.scope, base);
  assert.equal(m.id, base);
  assert.equal(m.theme_color, themeToken(ROOT, 'np-brand'));
  assert.equal(m.background_color, themeToken(ROOT, 'np-bg'));
  assert.ok(m.icons.length >= 1, 'no icon');
  for (const icon of m.icons) {
    assert.ok(icon.src.startsWith(base), `${icon.src} is not under ${base}`);
    assert.ok(fs.existsSync(path.join(DIST, icon.src.slice(base.length))), `${icon.src} is not in dist/`);
    assert.ok(icon.sizes === 'any' || /^\d+x\d+( \d+x\d+)*$/.test(icon.sizes), icon.sizes);
  }
  const html = read('index.html');
  assert.match(html, new RegExp(`<link rel="manifest" href="${base}${MANIFEST_NAME}">`));
  assert.match(html, new RegExp(`<meta name="theme-color" content="${m.theme_color}">`));
});

test('under another base path the scope and start follow it', () => {
  const m = webManifest({ base: '/tin-tuc/', theme: '#000000', background: '#ffffff', icon: 'favicon.svg' });
  assert.deepEqual([m.id, m.start_url, m.scope, m.icons[0].src], ['/tin-tuc/', '/tin-tuc/', '/tin-tuc/', '/tin-tuc/favicon.svg']);
});
