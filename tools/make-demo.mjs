#!/usr/bin/env node
// Generates the bundled demo content in public/demo/ (Portal Content API v1 JSON, see docs/api.md).
//
//   node tools/make-demo.mjs
//
// Inputs (read only, all inside the repository):
//   demo/seeds/*.txt   three real portal pages as a reader sees them (the source of the real text)
//   demo/site.json     hand-written part of the Site (name, address, categories, links, badges)
//   demo/articles.txt  hand-written article list; bodies quote the seeds by reference (format in its header)
// Output: public/demo/{site,articles,hot,visitors}.json, articles/<id>.json, media/*.svg, README.md.
//
// Deterministic: no clock, no randomness except a fixed-seed PRNG for the illustrations.
// The output is read back and validated at the end; any problem exits with status 1.
// No npm dependencies (Node >= 18).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_IN = path.join(ROOT, 'demo');
const OUT = path.join(ROOT, 'public', 'demo');
const IMG_W = 800;
const IMG_H = 533;
const MAX_SVG_BYTES = 3072;
const OFFSET = '+07:00';

class DemoError extends Error {}
const fail = (msg) => { throw new DemoError(msg); };

// ---------------------------------------------------------------------------------------------
// Text helpers

const nfc = (s) => s.normalize('NFC');

/** Vietnamese title -> ASCII slug: NFD, strip combining marks, đ -> d, lowercase, non-alnum -> '-'. */
function slugify(title) {
  return title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const escText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s) => escText(s).replace(/"/g, '&quot;');

/** "2019-01-10 16:47:06" (Vietnam local time) -> "2019-01-10T16:47:06+07:00". */
function localTime(s, where) {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s ?? '');
  if (!m) fail(`${where}: bad time "${s}" (want "YYYY-MM-DD HH:MM:SS")`);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${OFFSET}`;
}

const RFC3339_VN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\+07:00$/;

/** True when s is a real RFC 3339 instant with the +07:00 offset (calendar-checked). */
function isVnTime(s) {
  const m = RFC3339_VN.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number);
  const t = Date.UTC(y, mo - 1, d, h - 7, mi, se);
  if (Number.isNaN(Date.parse(s)) || Date.parse(s) !== t) return false;
  const back = new Date(t + 7 * 3600e3);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d &&
    back.getUTCHours() === h && back.getUTCMinutes() === mi && back.getUTCSeconds() === se;
}

// ---------------------------------------------------------------------------------------------
// Seeds

// Obvious typing errors in the seed pages, corrected when quoted. Each must match exactly once.
const SEED_CORRECTIONS = {
  'lai-chau-2019': [
    ['các thể lực thù địch', 'các thế lực thù địch'],
    ['các đối tượng là công người phát ngôn', 'các đối tượng là người phát ngôn'],
    ['gắn kết các cơ quan, ban, ngành trong công tác thông tin đối ngoại\n', 'gắn kết các cơ quan, ban, ngành trong công tác thông tin đối ngoại.\n'],
  ],
  'cao-bang-2023': [
    ['kỹ năng xử lý khủng hoàng truyền thông', 'kỹ năng xử lý khủng hoảng truyền thông'],
    ['lợi dung không gian mạng', 'lợi dụng không gian mạng'],
    ['Phát tại Hội nghị', 'Phát biểu tại Hội nghị'],
  ],
  'ttdn-can-tho-2019': [
    ['lợi dụng vẫn đề', 'lợi dụng vấn đề'],
  ],
};

function loadSeeds() {
  const dir = path.join(DEMO_IN, 'seeds');
  const seeds = new Map();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const name = file.slice(0, -4);
    let text = nfc(fs.readFileSync(path.join(dir, file), 'utf8')).replace(/\r\n?/g, '\n');
    for (const [from, to] of SEED_CORRECTIONS[name] ?? []) {
      const n = text.split(nfc(from)).length - 1;
      if (n !== 1) fail(`seed ${name}: correction "${from.trim()}" matches ${n} times`);
      text = text.replace(nfc(from), nfc(to));
    }
    const paragraphs = text.split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim())
      // The CMS's image alt text ("ảnh tin bài") leaks into the text dump in front of captions.
      .map((l) => l.replace(/^anh tin bai\s*/i, ''))
      .filter(Boolean);
    seeds.set(name, { name, text, paragraphs });
  }
  if (seeds.size === 0) fail('no seeds in demo/seeds');
  return seeds;
}

/** Sentence split; protects the abbreviation "Tp." (thành phố). */
function sentences(p) {
  return p.split(/(?<!\bTp\.)(?<=[.!?…])\s+(?=[-–“"(\p{Lu}])/u);
}

/** Resolves "@seed[#N|#N-M|#N-] prefix" (see demo/articles.txt); other text is returned as is. */
function makeResolver(seeds) {
  const used = new Set();
  const resolve = (raw, where) => {
    const s = nfc(raw.trim());
    if (!s.startsWith('@')) return s;
    const m = /^@([a-z0-9-]+)(?:#(\d+)(?:-(\d*))?)?\s+(.+)$/.exec(s);
    if (!m) fail(`${where}: bad seed reference "${s}"`);
    const [, key, from, to, prefix] = m;
    const cands = [...seeds.values()].filter((x) => x.name.startsWith(key));
    if (cands.length !== 1) fail(`${where}: seed "${key}" matches ${cands.length} seed files`);
    const seed = cands[0];
    const hits = seed.paragraphs.filter((p) => p.startsWith(prefix));
    if (hits.length !== 1) fail(`${where}: "${prefix}" starts ${hits.length} paragraphs of ${seed.name}`);
    used.add(`${seed.name}\u0000${hits[0]}`);
    if (!from) return hits[0];
    const ss = sentences(hits[0]);
    const a = Number(from);
    const b = to === undefined ? a : to === '' ? ss.length : Number(to);
    if (!(a >= 1 && b >= a && b <= ss.length)) fail(`${where}: sentences ${a}-${b} of a ${ss.length}-sentence paragraph`);
    return ss.slice(a - 1, b).join(' ').replace(/^- /, '');
  };
  resolve.used = used;
  return resolve;
}

// ---------------------------------------------------------------------------------------------
// Site and visitor figures

function buildSite(seeds, extra) {
  const footer = seeds.get('lai-chau-2019')?.paragraphs ?? fail('seed lai-chau-2019 missing');
  const field = (label) => {
    const line = footer.find((l) => l.startsWith(label + ':'));
    if (!line) fail(`lai-chau-2019 footer: no "${label}:"`);
    return line.slice(label.length + 1).trim();
  };
  const notice = footer.find((l) => /^Ghi rõ nguồn .* khi sử dụng thông tin trên website này$/.test(l));
  if (!notice) fail('lai-chau-2019 footer: no source notice');
  const licence = `Giấy phép số ${field('Giấy phép số')}`.replace(/cấp ngày:\s*/, 'cấp ngày ');
  return {
    name: extra.name,
    language: extra.language,
    agency: field('Cơ quan chủ quản'),
    licence,
    responsible: field('Chịu trách nhiệm chính'),
    address: extra.address,
    phone: field('Điện thoại'),
    email: field('Email'),
    source_notice: notice,
    categories: extra.categories,
    link_groups: extra.link_groups,
    badges: extra.badges,
  };
}

function buildVisitors(seeds, extra) {
  const text = seeds.get('cao-bang-2023')?.text ?? fail('seed cao-bang-2023 missing');
  const num = (label) => {
    const m = new RegExp(`${label}:\\s*([\\d\\s.]+?)\\s*$`, 'mu').exec(text);
    if (!m) fail(`cao-bang-2023: no "${label}"`);
    return Number(m[1].replace(/[\s.]/g, ''));
  };
  return {
    online: num('Đang truy cập'),
    today: num('Hôm nay'),
    week: num('Trong tuần'),
    month: extra.month,
    total: num('Tổng lượt truy cập'),
    updated_at: extra.updated_at,
  };
}

// ---------------------------------------------------------------------------------------------
// Articles

function parseArticles(text) {
  const lines = nfc(text).replace(/\r\n?/g, '\n').split('\n').filter((l) => !l.startsWith('#'));
  const arts = [];
  let cur = null;
  for (const line of lines) {
    const start = /^=== (\S+)\s*$/.exec(line);
    if (start) {
      cur = { id: start[1], head: {}, body: [], inBody: false };
      arts.push(cur);
      continue;
    }
    if (!cur) {
      if (line.trim()) fail(`articles.txt: text before the first "===": ${line}`);
      continue;
    }
    if (!cur.inBody) {
      if (line === '---') { cur.inBody = true; continue; }
      if (!line.trim()) continue;
      const m = /^([a-z_]+):\s*(.*)$/.exec(line);
      if (!m) fail(`${cur.id}: bad header line "${line}"`);
      if (m[1] in cur.head) fail(`${cur.id}: duplicate header "${m[1]}"`);
      cur.head[m[1]] = m[2].trim();
    } else {
      cur.body.push(line);
    }
  }
  for (const a of arts) {
    if (!a.inBody) fail(`${a.id}: no "---" before the body`);
    a.blocks = a.body.join('\n').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  }
  return arts;
}

const HEADER_KEYS = new Set(['title', 'published', 'updated', 'category', 'author', 'source', 'tags',
  'views', 'thumb', 'hot', 'related', 'summary']);

function imageHtml(name, alt) {
  return `<img src="media/${name}.svg" alt="${escAttr(alt)}" width="${IMG_W}" height="${IMG_H}">`;
}

function renderBody(a, resolve, illus) {
  const where = (i) => `${a.id} body block ${i + 1}`;
  const out = [];
  const usedImages = [];
  a.blocks.forEach((block, i) => {
    const img = /^\[(figure|img) ([a-z0-9-]+) \| (.+)\]$/.exec(block);
    if (img) {
      const [, kind, name, capRaw] = img;
      if (!illus[name]) fail(`${where(i)}: unknown illustration "${name}"`);
      const cap = resolve(capRaw, where(i));
      usedImages.push(name);
      const tag = imageHtml(name, illus[name].alt);
      out.push(kind === 'figure'
        ? `<figure>${tag}<figcaption>${escText(cap)}</figcaption></figure>`
        : `<p>${tag}</p>\n<p><em>${escText(cap)}</em></p>`);
      return;
    }
    const rows = block.split('\n');
    if (rows.every((r) => r.startsWith('- '))) {
      out.push(`<ul>${rows.map((r) => `<li>${escText(resolve(r.slice(2), where(i)))}</li>`).join('')}</ul>`);
      return;
    }
    if (rows.every((r) => /^\d+\. /.test(r))) {
      out.push(`<ol>${rows.map((r) => `<li>${escText(resolve(r.replace(/^\d+\. /, ''), where(i)))}</li>`).join('')}</ol>`);
      return;
    }
    if (rows[0].startsWith('table: ')) {
      const cells = rows.slice(1).map((r) => {
        if (!/^\|.*\|$/.test(r)) fail(`${where(i)}: bad table row "${r}"`);
        return r.slice(1, -1).split('|').map((c) => escText(c.trim()));
      });
      if (cells.length < 2 || cells.some((r) => r.length !== cells[0].length)) fail(`${where(i)}: ragged table`);
      const [head, ...body] = cells;
      out.push(`<table><caption>${escText(rows[0].slice(7).trim())}</caption>` +
        `<thead><tr>${head.map((c) => `<th>${c}</th>`).join('')}</tr></thead>` +
        `<tbody>${body.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
      return;
    }
    if (block.startsWith('[')) fail(`${where(i)}: bad image block "${block}"`);
    out.push(`<p>${escText(resolve(rows.join(' '), where(i)))}</p>`);
  });
  return { html: out.join('\n'), usedImages };
}

function buildArticles(parsed, resolve, site, illus) {
  const cats = new Map(site.categories.map((c) => [c.slug, c]));
  const ids = new Set();
  const arts = parsed.map((p) => {
    const h = p.head;
    for (const k of Object.keys(h)) if (!HEADER_KEYS.has(k)) fail(`${p.id}: unknown header "${k}"`);
    if (!/^\d{4}-\d{4}-\d+$/.test(p.id)) fail(`${p.id}: id must look like 2019-0110-1`);
    if (ids.has(p.id)) fail(`${p.id}: duplicate id`);
    ids.add(p.id);
    for (const k of ['title', 'published', 'category', 'summary', 'views', 'tags']) {
      if (!h[k]) fail(`${p.id}: missing "${k}"`);
    }
    const category = cats.get(h.category) ?? fail(`${p.id}: unknown category "${h.category}"`);
    let thumbnail;
    if (h.thumb) {
      const m = /^([a-z0-9-]+) \| (.+)$/.exec(h.thumb) ?? fail(`${p.id}: bad thumb "${h.thumb}"`);
      if (!illus[m[1]]) fail(`${p.id}: unknown illustration "${m[1]}"`);
      thumbnail = { url: `media/${m[1]}.svg`, alt: illus[m[1]].alt, caption: resolve(m[2], `${p.id} thumb`), width: IMG_W, height: IMG_H };
    }
    const { html, usedImages } = renderBody(p, resolve, illus);
    if (!/^\d+$/.test(h.views)) fail(`${p.id}: views must be an integer`);
    return {
      id: p.id,
      title: h.title,
      summary: resolve(h.summary, `${p.id} summary`),
      thumbnail,
      category: { slug: category.slug, name: category.name },
      published_at: localTime(h.published, `${p.id} published`),
      views: Number(h.views),
      updated_at: h.updated ? localTime(h.updated, `${p.id} updated`) : undefined,
      author: h.author || undefined,
      source: h.source || undefined,
      body_html: html,
      tags: h.tags.split(';').map((t) => t.trim()).filter(Boolean),
      hot: h.hot === 'yes',
      pinned: h.related ? h.related.split(',').map((s) => s.trim()) : [],
      usedImages,
    };
  });
  // Newest first; ties by id. Slugs: the newest article of a title gets the plain slug, older ones -2, -3...
  arts.sort((x, y) => (x.published_at < y.published_at ? 1 : x.published_at > y.published_at ? -1 : x.id.localeCompare(y.id)));
  const slugs = new Set();
  for (const a of arts) {
    const base = slugify(a.title);
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    a.slug = slug;
  }
  return arts;
}

/** ArticleSummary in API field order; optional fields left out when absent. */
function summaryOf(a) {
  const s = { id: a.id, slug: a.slug, title: a.title, summary: a.summary };
  if (a.thumbnail) s.thumbnail = a.thumbnail;
  s.category = a.category;
  s.published_at = a.published_at;
  s.views = a.views;
  return s;
}

/** Related: pinned ids first, then by shared category/tags, then closeness in time; shown newest first. */
function relatedOf(a, all) {
  const byId = new Map(all.map((x) => [x.id, x]));
  const tagset = new Set(a.tags.map((t) => t.toLowerCase()));
  // A shared tag counts more when few articles carry it ("thông tin đối ngoại" is everywhere).
  const freq = new Map();
  for (const x of all) for (const t of x.tags) freq.set(t.toLowerCase(), (freq.get(t.toLowerCase()) ?? 0) + 1);
  const t0 = Date.parse(a.published_at);
  const scored = all.filter((b) => b !== a && !a.pinned.includes(b.id)).map((b) => {
    const shared = b.tags.map((t) => t.toLowerCase()).filter((t) => tagset.has(t));
    const score = (b.category.slug === a.category.slug ? 3 : 0) + shared.reduce((n, t) => n + 1 + 4 / freq.get(t), 0);
    return { b, score, dist: Math.abs(Date.parse(b.published_at) - t0) };
  }).filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score || x.dist - y.dist || x.b.id.localeCompare(y.b.id));
  const picked = a.pinned.map((id) => byId.get(id) ?? fail(`${a.id}: related id ${id} unknown`));
  for (const { b } of scored) {
    if (picked.length >= 5) break;
    picked.push(b);
  }
  return picked.sort((x, y) => (x.published_at < y.published_at ? 1 : -1)).map(summaryOf);
}

function fullArticle(a, all) {
  const s = summaryOf(a);
  const out = { ...s };
  if (a.updated_at) out.updated_at = a.updated_at;
  if (a.author) out.author = a.author;
  if (a.source) out.source = a.source;
  out.body_html = a.body_html;
  out.tags = a.tags;
  out.related = relatedOf(a, all);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Illustrations (SVG, 800x533, no text, no scripts, no external references)

// Palette: deep red, gold, blue-grey, cream.
const C = {
  red: '#8b1a1a', red2: '#a63a2e', red3: '#5e1111', gold: '#c9a227', gold2: '#e2c878', pale: '#f3d68f',
  cream: '#f5eddc', bg: '#5b6f82', bg2: '#8a9cb0', dark: '#2e3a47', green: '#5f7a4b', wood: '#4a2c17',
};
const r1 = (n) => Math.round(n * 10) / 10;

/** Small fixed-seed PRNG (mulberry32): the drawings are the same on every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function svgDoc(title, defs, body) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${IMG_W}" height="${IMG_H}" viewBox="0 0 ${IMG_W} ${IMG_H}" role="img">` +
    `<title>${escText(title)}</title>${defs ? `<defs>${defs}</defs>` : ''}${body}</svg>\n`;
}
const lg = (id, stops, horizontal = false) =>
  `<linearGradient id="${id}"${horizontal ? '' : ' x2="0" y2="1"'}>` +
  stops.map((c, i) => `<stop offset="${r1(i / (stops.length - 1))}" stop-color="${c}"/>`).join('') + '</linearGradient>';
const rect = (x, y, w, h, fill, more = '') => `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}"${more}/>`;
const full = (fill) => `<rect width="800" height="533" fill="${fill}"/>`;

function star(cx, cy, R) {
  const p = [];
  for (let i = 0; i < 10; i++) {
    const rad = i % 2 ? R * 0.382 : R;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    p.push(`${r1(cx + rad * Math.cos(a))} ${r1(cy + rad * Math.sin(a))}`);
  }
  return `M${p.join('L')}z`;
}
/** Gold disc with a red star: the emblem-like ornament of a hall backdrop. */
const emblem = (cx, cy, r) => `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${C.gold}"/><path d="${star(cx, cy, r * 0.7)}" fill="${C.red}"/>`;

/** Low-poly mountain ridge from x=0 to 800 filled down to the bottom edge. */
function ridge(seed, y0, amp, step, fill) {
  const rnd = prng(seed);
  let d = `M0 ${IMG_H}`;
  for (let x = 0, i = 0; x <= 800; x += step, i++) {
    const jx = x === 0 || x === 800 ? x : Math.round(x + (rnd() - 0.5) * step * 0.4);
    const y = Math.round(y0 - (i % 2 === 0 ? amp * (0.55 + 0.45 * rnd()) : amp * 0.25 * rnd()));
    d += `L${jx} ${y}`;
  }
  return `<path d="${d}V${IMG_H}z" fill="${fill}"/>`;
}
/** A row of seated people seen from behind (pattern tile 64x80 starting at x0,y). */
const crowd = (id, color, y, x0 = 0) =>
  `<pattern id="${id}" width="64" height="80" patternUnits="userSpaceOnUse" x="${x0}" y="${y}">` +
  `<circle cx="32" cy="22" r="13" fill="${color}"/><path d="M9 80Q9 42 32 42T55 80z" fill="${color}"/></pattern>`;
const crowdRow = (id, y, h = 80) => rect(0, y, 800, h, `url(#${id})`);
const waves = (d) => `<path d="${d}" fill="none" stroke="#fff" stroke-opacity=".35" stroke-width="3" stroke-linecap="round"/>`;
const wave = (x, y) => `M${x} ${y}q20-8 40 0t40 0`;

const ART = {
  'hoi-nghi': ['hội trường hội nghị', () => svgDoc('Hình minh họa: hội trường hội nghị',
    lg('a', ['#efe4cf', '#d9c6a2']) + lg('b', [C.red2, C.red3]) + lg('f', ['#c4ad86', '#a8916b']) +
    `<pattern id="h" width="60" height="44" patternUnits="userSpaceOnUse" x="190" y="212"><circle cx="30" cy="13" r="10" fill="#3a4654"/><path d="M10 44Q10 24 30 24T50 44z" fill="#3a4654"/></pattern>` +
    crowd('p', '#6f8296', 340) + crowd('q', '#4a5a6b', 400, 32) + crowd('r', C.dark, 460),
    full('url(#a)') + rect(110, 30, 580, 240, 'url(#b)', ' rx="4"') + emblem(400, 100, 42) +
    rect(200, 160, 400, 22, C.gold2, ' rx="3" opacity=".8"') + rect(260, 190, 280, 10, C.gold2, ' rx="3" opacity=".45"') +
    rect(190, 212, 420, 44, 'url(#h)') + rect(150, 252, 500, 58, C.red) + rect(150, 252, 500, 8, C.gold) +
    rect(0, 310, 800, 223, 'url(#f)') + rect(340, 296, 120, 14, C.green, ' rx="4"') +
    `<g fill="${C.gold2}"><circle cx="360" cy="294" r="10"/><circle cx="400" cy="290" r="12"/><circle cx="440" cy="294" r="10"/></g>` +
    `<g fill="${C.cream}"><circle cx="380" cy="298" r="7"/><circle cx="420" cy="298" r="7"/></g>` +
    crowdRow('p', 340) + crowdRow('q', 400) + crowdRow('r', 460, 73))],

  'phat-bieu': ['bục phát biểu tại hội nghị', () => svgDoc('Hình minh họa: bục phát biểu tại hội nghị',
    lg('a', [C.red2, C.red3]) + lg('w', ['#6b1c16', '#3e0d0b']) +
    `<radialGradient id="g" cx=".5" cy=".35" r=".6"><stop offset="0" stop-color="${C.gold2}" stop-opacity=".35"/><stop offset="1" stop-color="${C.gold2}" stop-opacity="0"/></radialGradient>` +
    `<g id="f"><path d="M640 533l10-60h60l10 60z" fill="${C.red3}"/><circle cx="680" cy="448" r="32" fill="${C.green}"/><circle cx="660" cy="440" r="14" fill="${C.gold2}"/><circle cx="696" cy="432" r="14" fill="${C.cream}"/><circle cx="684" cy="460" r="13" fill="${C.gold}"/></g>`,
    full('url(#a)') + full('url(#g)') + emblem(400, 86, 36) + rect(0, 150, 800, 6, C.gold, ' opacity=".5"') +
    rect(0, 500, 800, 33, '#3a0c0b', ' opacity=".6"') +
    `<path d="M378 292L352 226M422 292L448 226" stroke="#222" stroke-width="5" stroke-linecap="round"/>` +
    `<g fill="#222"><ellipse cx="350" cy="220" rx="9" ry="13" transform="rotate(-22 350 220)"/><ellipse cx="450" cy="220" rx="9" ry="13" transform="rotate(22 450 220)"/></g>` +
    `<path d="M300 300H500L478 533H322z" fill="url(#w)"/>` + rect(286, 286, 228, 18, '#3a0c0b', ' rx="3"') + emblem(400, 382, 30) +
    `<use href="#f"/><use href="#f" x="-580"/>`)],

  'hop-ban-chi-dao': ['phòng họp với bàn dài', () => {
    let chairs = '';
    let papers = '';
    for (let i = 0; i < 5; i++) {
      const t = i / 4;
      const ex = 340 - 200 * t;
      const ey = 262 + 271 * t;
      const s = Math.round(18 + 30 * t);
      const x = Math.round(ex - s * 1.3 - 6);
      const y = Math.round(ey - s * 1.2);
      chairs += rect(x, y, s, Math.round(s * 1.6), C.red3, ` rx="${Math.round(s / 5)}"`) + rect(800 - x - s, y, s, Math.round(s * 1.6), C.red3, ` rx="${Math.round(s / 5)}"`);
      const px = Math.round(ex + 12 + s * 0.3);
      papers += rect(px, Math.round(ey - s * 0.2), Math.round(s * 0.9), Math.round(s * 0.55), '#f8f4ea') +
        rect(800 - px - Math.round(s * 0.9), Math.round(ey - s * 0.2), Math.round(s * 0.9), Math.round(s * 0.55), '#f8f4ea');
    }
    return svgDoc('Hình minh họa: phòng họp với bàn dài',
      lg('a', ['#f1e7d3', '#dccaa6']) + lg('t', ['#8a5a34', '#5a3218']) + lg('f', ['#cdb892', '#b59e76']),
      full('url(#a)') + rect(250, 36, 300, 150, C.red, ' rx="3"') + emblem(400, 92, 30) +
      rect(300, 140, 200, 14, C.gold2, ' rx="3" opacity=".7"') + rect(0, 220, 800, 313, 'url(#f)') +
      `<path d="M340 262H460L660 533H140z" fill="url(#t)"/>` + chairs + papers);
  }],

  'quy-che': ['văn bản, quy chế và con dấu', () => svgDoc('Hình minh họa: văn bản, quy chế và con dấu',
    lg('a', [C.bg2, C.bg]) + `<pattern id="l" width="10" height="24" patternUnits="userSpaceOnUse"><rect width="10" height="7" fill="#d3cab8"/></pattern>`,
    full('url(#a)') +
    `<g transform="rotate(-8 330 280)">${rect(200, 80, 300, 400, '#000', ' opacity=".15"')}${rect(190, 70, 300, 400, '#efe8d8')}${rect(220, 140, 220, 264, 'url(#l)')}</g>` +
    `<g transform="rotate(5 430 270)">${rect(300, 70, 300, 410, '#000', ' opacity=".15"')}${rect(290, 60, 300, 410, '#fbf7ee')}` +
    `${rect(330, 100, 220, 20, C.red, ' opacity=".85"')}${rect(330, 150, 220, 200, 'url(#l)')}` +
    `<g fill="none" stroke="#b22a22" opacity=".85"><circle cx="500" cy="400" r="40" stroke-width="5"/><circle cx="500" cy="400" r="30" stroke-width="2"/></g>` +
    `<path d="${star(500, 400, 16)}" fill="#b22a22" opacity=".85"/></g>` +
    `<g transform="rotate(-35 640 380)">${rect(560, 372, 170, 16, C.dark, ' rx="8"')}<path d="M560 372l-24 8 24 8z" fill="${C.gold}"/>${rect(700, 372, 6, 16, C.gold)}</g>`)],

  'tap-huan': ['lớp tập huấn với màn chiếu', () => svgDoc('Hình minh họa: lớp tập huấn với màn chiếu',
    lg('a', ['#e3e9ee', '#c3cfdb']) + lg('f', ['#9fb0c0', '#7f93a7']) +
    crowd('p', C.bg, 330) + crowd('q', '#3d4c5c', 400, 32) + crowd('r', C.dark, 470),
    full('url(#a)') + rect(0, 300, 800, 233, 'url(#f)') +
    rect(190, 40, 420, 240, C.dark, ' rx="4"') + rect(202, 52, 396, 216, '#fbfaf6') + rect(230, 72, 180, 14, C.red, ' rx="3"') +
    `<g fill="${C.gold}">${rect(250, 190, 40, 56, C.gold)}${rect(310, 160, 40, 86, C.gold)}${rect(370, 130, 40, 116, C.gold)}</g>` +
    `<path d="M440 230L490 170L530 190L570 100" fill="none" stroke="${C.red}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>` +
    rect(230, 246, 350, 3, C.bg) +
    `<circle cx="120" cy="170" r="20" fill="${C.dark}"/><path d="M88 320V230q0-34 32-34t32 34V320z" fill="${C.red}"/>` +
    crowdRow('p', 330) + crowdRow('q', 400) + crowdRow('r', 470, 63))],

  'nui-lai-chau': ['núi rừng vùng cao nhiều tầng lớp', () => svgDoc('Hình minh họa: núi rừng vùng cao nhiều tầng lớp',
    lg('s', ['#b9c9d8', '#f2e2c2']),
    full('url(#s)') + `<circle cx="560" cy="170" r="48" fill="${C.pale}"/>` +
    ridge(11, 270, 130, 100, '#aebdcb') + `<ellipse cx="300" cy="300" rx="360" ry="24" fill="#fff" opacity=".35"/>` +
    ridge(23, 340, 110, 80, '#8899ab') + `<ellipse cx="560" cy="372" rx="330" ry="20" fill="#fff" opacity=".3"/>` +
    ridge(37, 410, 90, 100, C.bg) + ridge(51, 470, 60, 80, C.dark))],

  'ruong-bac-thang': ['ruộng bậc thang trên sườn núi', () => {
    const rnd = prng(7);
    const fills = ['#d9b85a', C.gold, '#b7b96a', '#cfae4e', '#a9b264'];
    let t = '';
    for (let i = 0; i < 11; i++) {
      const y = 170 + i * 34;
      const a = Math.round(20 + rnd() * 30);
      t += `<path d="M0 ${y + 30}Q260 ${y - a} 520 ${y + 6}T800 ${y - 10}V533H0z" fill="${fills[i % fills.length]}"/>`;
    }
    return svgDoc('Hình minh họa: ruộng bậc thang trên sườn núi', lg('s', ['#c8d6e2', '#f1e4c8']),
      full('url(#s)') + ridge(5, 190, 90, 100, '#9fb0c0') +
      `<g stroke="#6b5a2a" stroke-opacity=".45" stroke-width="2">${t}</g>`);
  }],

  'doi-che': ['đồi chè xanh', () => {
    let rows = '';
    for (let i = 1; i <= 7; i++) rows += `M0 ${330 + i * 30}Q200 ${220 + i * 34} 440 ${300 + i * 30}T800 ${280 + i * 32}`;
    return svgDoc('Hình minh họa: đồi chè xanh', lg('s', ['#cfdde6', '#eef0dc']) + lg('h', ['#7f9a5a', '#55703f']),
      full('url(#s)') + ridge(3, 260, 80, 100, '#a9b8a0') +
      `<path d="M0 533V330Q200 220 440 300T800 280V533z" fill="url(#h)"/>` +
      `<path d="${rows}" fill="none" stroke="#3f5a2e" stroke-width="10" stroke-linecap="round" stroke-dasharray="2 16" opacity=".6"/>` +
      rect(646, 230, 8, 50, C.wood) + `<circle cx="650" cy="218" r="30" fill="#4f6a3c"/>`);
  }],

  'bien-dao': ['biển và các hòn đảo', () => svgDoc('Hình minh họa: biển và các hòn đảo',
    lg('s', ['#9fb8cb', '#f2dfb8']) + lg('w', ['#7ea3bb', '#2f5674']),
    full('url(#s)') + `<circle cx="600" cy="300" r="42" fill="#f0c96a"/>` + rect(0, 320, 800, 213, 'url(#w)') +
    `<g fill="${C.pale}" opacity=".5">${rect(560, 336, 80, 4, C.pale, ' rx="2"')}${rect(575, 352, 50, 4, C.pale, ' rx="2"')}${rect(585, 368, 30, 3, C.pale)}</g>` +
    `<g fill="#3d4f60"><path d="M60 322Q90 230 130 280Q150 240 175 270Q200 200 240 322z"/><path d="M300 322Q320 280 345 300Q360 270 385 322z"/><path d="M680 322Q700 250 730 290Q760 260 800 300V322z"/></g>` +
    `<g fill="#2a4a63" opacity=".5"><ellipse cx="150" cy="330" rx="95" ry="8"/><ellipse cx="740" cy="330" rx="70" ry="7"/></g>` +
    waves([wave(80, 420), wave(300, 470), wave(540, 440), wave(640, 500), wave(160, 500)].join('')) +
    `<path d="M380 410h90l-14 16h-64z" fill="${C.red3}"/><path d="M420 406V340l40 60z" fill="#b22a22"/><path d="M415 406V352l-28 50z" fill="${C.gold2}"/>`)],

  'hai-dang': ['ngọn hải đăng trên đảo', () => svgDoc('Hình minh họa: ngọn hải đăng trên đảo',
    lg('s', ['#33465b', C.bg2, '#e6c98a']) + lg('w', ['#4f7691', '#1f3a52']) +
    `<clipPath id="t"><path d="M538 180H582L600 400H520z"/></clipPath>`,
    full('url(#s)') +
    `<g fill="#fff" opacity=".6"><circle cx="90" cy="40" r="2"/><circle cx="210" cy="90" r="1.5"/><circle cx="330" cy="30" r="2"/><circle cx="720" cy="50" r="1.5"/><circle cx="430" cy="70" r="1.5"/></g>` +
    `<g fill="${C.pale}" opacity=".25"><path d="M560 156L0 70V210z"/><path d="M560 156L800 110V220z"/></g>` +
    rect(0, 400, 800, 133, 'url(#w)') + `<path d="M420 432Q450 390 520 392Q600 378 720 432z" fill="#26313b"/>` +
    `<path d="M538 180H582L600 400H520z" fill="${C.cream}"/>` +
    `<g clip-path="url(#t)" fill="#b22a22">${rect(500, 220, 120, 34, '#b22a22')}${rect(500, 290, 120, 34, '#b22a22')}${rect(500, 360, 120, 34, '#b22a22')}</g>` +
    rect(540, 140, 40, 40, C.dark) + rect(546, 146, 28, 28, C.pale) + `<path d="M532 142L560 112L588 142z" fill="${C.red}"/>` + rect(530, 178, 60, 6, C.dark) +
    waves([wave(60, 450), wave(220, 490), wave(700, 470), wave(120, 510)].join('')))],

  'cot-moc': ['cột mốc biên giới giữa núi đồi', () => svgDoc('Hình minh họa: cột mốc biên giới giữa núi đồi',
    lg('s', ['#c9d7e3', '#eef0e4']) + lg('m', ['#f3efe6', '#d5cdbd'], true),
    full('url(#s)') + ridge(5, 260, 110, 100, '#a9b8c6') + ridge(9, 330, 80, 80, '#7f93a7') +
    `<path d="M0 533V420Q200 330 400 340T800 400V533z" fill="#6b8455"/>` +
    `<ellipse cx="408" cy="368" rx="60" ry="8" fill="#000" opacity=".15"/>` +
    rect(362, 350, 76, 18, '#b8b0a0', ' rx="2"') + rect(376, 220, 48, 134, 'url(#m)') +
    `<path d="M376 220L400 196L424 220z" fill="#e9e3d6"/><circle cx="400" cy="254" r="14" fill="#b22a22"/><path d="${star(400, 254, 9)}" fill="${C.gold2}"/>` +
    rect(386, 284, 28, 4, '#b8b0a0') + rect(386, 294, 28, 4, '#b8b0a0') +
    `<path d="M0 533V470Q300 430 800 480V533z" fill="#56703f"/>`)],

  'duong-bien-gioi': ['con đường tuần tra qua vùng núi biên giới', () => svgDoc('Hình minh họa: con đường tuần tra qua vùng núi biên giới',
    lg('s', ['#d8e2ea', '#f3e7cc']),
    full('url(#s)') + ridge(3, 230, 120, 100, '#a3b3c3') + ridge(17, 300, 100, 80, '#7d91a5') + ridge(29, 380, 80, 100, C.green) +
    `<path d="M0 533V430Q400 380 800 440V533z" fill="#4f6a3c"/>` +
    `<g fill="none" stroke-linecap="round"><path d="M470 425C430 392 340 390 380 352S460 320 436 296" stroke="#3a4a2c" stroke-width="20"/>` +
    `<path d="M470 425C430 392 340 390 380 352S460 320 436 296" stroke="#e4d4b4" stroke-width="14"/>` +
    `<path d="M300 540C330 480 520 470 470 425" stroke="#3a4a2c" stroke-width="46"/><path d="M300 540C330 480 520 470 470 425" stroke="#e4d4b4" stroke-width="38"/></g>` +
    `<g fill="${C.cream}">${rect(530, 440, 6, 16, C.cream)}${rect(420, 378, 4, 10, C.cream)}${rect(462, 326, 3, 7, C.cream)}</g>` +
    `<g fill="#2f4526"><path d="M110 470l22-64 22 64z"/><path d="M150 480l18-52 18 52z"/><path d="M640 480l24-70 24 70z"/><path d="M690 490l18-50 18 50z"/></g>`)],

  'hop-tac': ['hai vòng tròn đan vào nhau tượng trưng cho hợp tác', () => {
    const a1 = (-70 * Math.PI) / 180;
    const a2 = (-35 * Math.PI) / 180;
    const p = (a) => `${r1(335 + 105 * Math.cos(a))} ${r1(266 + 105 * Math.sin(a))}`;
    return svgDoc('Hình minh họa: hai vòng tròn đan vào nhau tượng trưng cho hợp tác',
      lg('a', ['#2f4156', C.bg]) +
      `<radialGradient id="g"><stop offset="0" stop-color="${C.gold2}" stop-opacity=".3"/><stop offset="1" stop-color="${C.gold2}" stop-opacity="0"/></radialGradient>`,
      full('url(#a)') + `<circle cx="400" cy="266" r="240" fill="url(#g)"/>` +
      `<path d="M120 110L260 190M200 420L300 340M650 90L540 180M700 400L560 340M90 300L230 266M730 250L570 266" stroke="${C.gold2}" stroke-opacity=".45" stroke-width="2"/>` +
      `<g fill="${C.cream}"><circle cx="120" cy="110" r="8"/><circle cx="200" cy="420" r="8"/><circle cx="650" cy="90" r="8"/><circle cx="700" cy="400" r="8"/><circle cx="90" cy="300" r="6"/><circle cx="730" cy="250" r="6"/></g>` +
      `<g fill="none" stroke-width="28"><circle cx="335" cy="266" r="105" stroke="#b22a22"/><circle cx="465" cy="266" r="105" stroke="${C.gold}"/>` +
      `<path d="M${p(a1)}A105 105 0 0 1 ${p(a2)}" stroke="#b22a22"/></g>`);
  }],

  'the-gioi': ['quả địa cầu và quỹ đạo', () => {
    const th = (30 * Math.PI) / 180;
    const rot = (-14 * Math.PI) / 180;
    const x0 = 260 * Math.cos(th);
    const y0 = 64 * Math.sin(th);
    const sx = r1(400 + x0 * Math.cos(rot) - y0 * Math.sin(rot));
    const sy = r1(266 + x0 * Math.sin(rot) + y0 * Math.cos(rot));
    return svgDoc('Hình minh họa: quả địa cầu và quỹ đạo',
      lg('a', ['#24364a', C.bg]) +
      `<radialGradient id="b" cx=".38" cy=".35" r=".7"><stop offset="0" stop-color="#9ec0d6"/><stop offset=".6" stop-color="#3d6b8a"/><stop offset="1" stop-color="#24445e"/></radialGradient>` +
      `<clipPath id="c"><circle cx="400" cy="266" r="165"/></clipPath>`,
      full('url(#a)') +
      `<g fill="#fff" opacity=".5"><circle cx="80" cy="60" r="2"/><circle cx="170" cy="400" r="1.5"/><circle cx="700" cy="70" r="2"/><circle cx="640" cy="470" r="1.5"/><circle cx="110" cy="250" r="1.5"/></g>` +
      `<ellipse cx="400" cy="266" rx="260" ry="64" transform="rotate(-14 400 266)" fill="none" stroke="${C.gold}" stroke-opacity=".5" stroke-width="3"/>` +
      `<circle cx="400" cy="266" r="165" fill="url(#b)"/>` +
      `<g clip-path="url(#c)"><g fill="#7f9a5a" opacity=".85"><path d="M330 150q40-20 70 10t-10 60q-30 10-50-20t-10-50z"/><path d="M430 260q40-10 60 30t-20 60q-30-10-40-50z"/><path d="M280 300q30 0 40 30t-20 50q-30-20-20-80z"/></g>` +
      `<g fill="none" stroke="#fff" stroke-opacity=".35" stroke-width="2"><ellipse cx="400" cy="266" rx="55" ry="165"/><ellipse cx="400" cy="266" rx="115" ry="165"/><path d="M235 266H565M250 186H550M250 346H550M290 126H510M290 406H510"/></g></g>` +
      `<path d="M140 266A260 64 0 0 0 660 266" transform="rotate(-14 400 266)" fill="none" stroke="${C.gold}" stroke-width="4"/>` +
      `<circle cx="${sx}" cy="${sy}" r="9" fill="${C.gold2}"/>`);
  }],

  'dau-tu': ['đô thị và biểu đồ tăng trưởng', () => {
    const blds = [[40, 70, 170], [115, 60, 240], [180, 90, 300], [275, 60, 200], [340, 80, 330], [425, 70, 260], [500, 90, 210], [595, 60, 290], [660, 100, 180]];
    const shades = [C.bg2, C.bg, '#71849a'];
    let b = '';
    blds.forEach(([x, w, h], i) => { b += rect(x, 470 - h, w, h, shades[i % 3]) + rect(x, 470 - h, w, h, 'url(#w)'); });
    const ang = Math.atan2(190 - 250, 700 - 560);
    const tip = [700 + 34 * Math.cos(ang), 190 + 34 * Math.sin(ang)];
    const side = (s) => `${r1(700 + 16 * Math.cos(ang + s * Math.PI / 2))} ${r1(190 + 16 * Math.sin(ang + s * Math.PI / 2))}`;
    return svgDoc('Hình minh họa: đô thị và biểu đồ tăng trưởng',
      lg('a', ['#f1e6cf', '#d7c3a0']) +
      `<pattern id="w" width="18" height="22" patternUnits="userSpaceOnUse"><rect x="5" y="6" width="8" height="10" fill="#f3e3b5" opacity=".75"/></pattern>`,
      full('url(#a)') + `<circle cx="640" cy="110" r="46" fill="${C.pale}"/>` + b + rect(0, 470, 800, 63, C.dark) +
      `<path d="M80 430L260 360L380 390L560 250L700 190" fill="none" stroke="#b22a22" stroke-width="12" stroke-linecap="round" stroke-linejoin="round"/>` +
      `<path d="M${r1(tip[0])} ${r1(tip[1])}L${side(1)}L${side(-1)}z" fill="#b22a22"/>`);
  }],

  'nha-san': ['nhà sàn truyền thống giữa núi rừng', () => {
    let planks = '';
    for (let x = 300; x < 520; x += 20) planks += `M${x} 250v74`;
    return svgDoc('Hình minh họa: nhà sàn truyền thống giữa núi rừng',
      lg('s', ['#c6d4e0', '#f1e3c6']) +
      `<g id="tr">${rect(140, 330, 8, 70, C.wood)}<circle cx="144" cy="320" r="34" fill="#56703f"/></g>`,
      full('url(#s)') + ridge(41, 250, 100, 100, '#9fb0c0') + ridge(43, 320, 80, 80, '#7d91a5') +
      `<path d="M0 533V400Q400 370 800 410V533z" fill="#6b8455"/>` +
      `<g fill="${C.wood}">${[280, 360, 440, 510].map((x) => rect(x, 330, 10, 90, C.wood)).join('')}</g>` +
      rect(262, 322, 276, 14, '#5a3520') + rect(280, 250, 240, 74, '#a06b3f') +
      `<path d="${planks}" stroke="#8a5a33" stroke-width="2"/>` +
      rect(385, 266, 32, 58, '#3a2212') + rect(310, 272, 40, 22, '#3a2212') + rect(450, 272, 40, 22, '#3a2212') +
      `<path d="M240 256L320 170H480L560 256z" fill="#5e3b22"/><path d="M310 174H490" stroke="#3a2212" stroke-width="6"/>` +
      `<path d="M392 336L372 420M418 336L398 420M388 356h26M383 378h26M378 400h26" stroke="${C.wood}" stroke-width="4"/>` +
      `<use href="#tr"/><use href="#tr" x="500" y="10"/><use href="#tr" x="560" y="-20"/>`);
  }],

  'tho-cam': ['hoa văn thổ cẩm', () => {
    const pat = (id, h, body) => `<pattern id="${id}" width=".05" height="1">${body}</pattern>`;
    const bands = [['z', 44], ['b', 10], ['d', 90], ['b', 10], ['z', 44], ['s', 24], ['x', 90], ['s', 24], ['z', 44], ['b', 10], ['d', 90], ['b', 10], ['z', 44]];
    let y = 0;
    let body = '';
    for (const [id, h] of bands) {
      body += rect(0, y, 800, h, id === 'b' ? C.gold : `url(#${id})`);
      y += h;
    }
    return svgDoc('Hình minh họa: hoa văn thổ cẩm',
      pat('z', 44, `${rect(0, 0, 40, 44, C.cream)}<path d="M0 32L10 12L20 32L30 12L40 32" fill="none" stroke="#b22a22" stroke-width="5"/>`) +
      pat('d', 90, `${rect(0, 0, 40, 90, C.dark)}<path d="M20 10L38 45L20 80L2 45z" fill="${C.gold}"/><path d="M20 30L28 45L20 60L12 45z" fill="#b22a22"/>`) +
      pat('s', 24, `${rect(0, 0, 40, 24, C.red3)}<path d="M20 5L27 12L20 19L13 12z" fill="${C.gold2}"/>`) +
      pat('x', 90, `${rect(0, 0, 40, 90, '#2f4f55')}<path d="M20 20v50M4 45h32" stroke="${C.gold2}" stroke-width="4"/><circle cx="20" cy="45" r="7" fill="#b22a22"/>`),
      body);
  }],

  'truyen-thong-so': ['thiết bị số và mạng kết nối', () => {
    const nodes = [[110, 100], [170, 260], [90, 420], [230, 470], [250, 60], [640, 80], [700, 220], [620, 380], [720, 460], [560, 500]];
    const lines = nodes.map(([x, y]) => `M${x} ${y}L${x < 400 ? 300 : 500} ${Math.min(400, Math.max(150, y))}`).join('');
    return svgDoc('Hình minh họa: thiết bị số và mạng kết nối', lg('a', ['#1f2e3d', '#3f5468']),
      full('url(#a)') + `<path d="${lines}M110 100L250 60M640 80L700 220M620 380L720 460" stroke="${C.gold2}" stroke-opacity=".4" stroke-width="2"/>` +
      `<g fill="${C.gold2}">${nodes.map(([x, y], i) => `<circle cx="${x}" cy="${y}" r="${i % 3 ? 6 : 10}"/>`).join('')}</g>` +
      rect(300, 130, 200, 290, '#0f1821', ` rx="18" stroke="${C.bg2}" stroke-width="4"`) + rect(316, 156, 168, 238, '#e9eef2', ' rx="4"') +
      rect(316, 156, 168, 26, C.red) + rect(330, 196, 140, 70, C.bg2) + `<path d="M330 266l40-36 30 24 20-14 50 26z" fill="${C.bg}"/>` +
      `<g fill="#b7c2cc">${rect(330, 280, 140, 8, '#b7c2cc')}${rect(330, 296, 120, 8, '#b7c2cc')}${rect(330, 312, 130, 8, '#b7c2cc')}</g>` +
      `<circle cx="400" cy="356" r="18" fill="${C.gold}"/><path d="M394 346v20l16-10z" fill="#fff"/>`);
  }],

  'bao-chi': ['tờ báo và micrô phỏng vấn', () => svgDoc('Hình minh họa: tờ báo và micrô phỏng vấn',
    lg('a', ['#efe6d3', '#d8c7a5']) + `<pattern id="l" width="10" height="20" patternUnits="userSpaceOnUse"><rect width="10" height="6" fill="#cfc6b3"/></pattern>`,
    full('url(#a)') +
    `<g transform="rotate(-6 300 280)">${rect(120, 90, 360, 380, '#000', ' opacity=".12"')}${rect(110, 80, 360, 380, '#fbf8f0')}` +
    `${rect(140, 104, 300, 26, C.dark)}${rect(140, 146, 170, 110, C.bg2)}${rect(326, 146, 114, 110, 'url(#l)')}` +
    `${rect(140, 272, 140, 160, 'url(#l)')}${rect(300, 272, 140, 160, 'url(#l)')}</g>` +
    `<g transform="rotate(-25 560 300)">${rect(540, 250, 40, 210, C.dark, ' rx="14"')}${rect(530, 232, 60, 46, C.red, ' rx="6"')}` +
    `<circle cx="560" cy="196" r="44" fill="#3d4c5c"/><g fill="none" stroke="#6f8296" stroke-width="3"><circle cx="560" cy="196" r="32"/><circle cx="560" cy="196" r="18"/></g></g>`)],

  'bieu-do': ['biểu đồ kết quả tăng dần', () => {
    const hs = [90, 130, 150, 190, 230];
    const bars = hs.map((h, i) => rect(190 + i * 90, 410 - h, 50, h, C.gold)).join('');
    const pts = hs.map((h, i) => [215 + i * 90, 410 - h - 26]);
    return svgDoc('Hình minh họa: biểu đồ kết quả tăng dần', lg('a', ['#f3ecdd', '#e2d5ba']),
      full('url(#a)') + rect(118, 68, 580, 413, '#000', ' rx="14" opacity=".08"') + rect(110, 60, 580, 413, '#fffdf8', ' rx="14"') +
      rect(150, 96, 220, 16, C.red, ' rx="4"') + `<path d="M160 170H640M160 230H640M160 290H640M160 350H640" stroke="#e2dccf" stroke-width="2"/>` +
      bars + `<path d="M160 410H640" stroke="${C.bg}" stroke-width="3"/>` +
      `<path d="M${pts.map((p) => p.join(' ')).join('L')}" fill="none" stroke="#b22a22" stroke-width="4"/>` +
      `<g fill="#b22a22">${pts.map(([x, y]) => `<circle cx="${x}" cy="${y}" r="7"/>`).join('')}</g>` +
      rect(190, 432, 14, 14, C.gold) + rect(212, 436, 60, 6, '#cfc6b3') + rect(300, 432, 14, 14, '#b22a22') + rect(322, 436, 60, 6, '#cfc6b3'));
  }],

  'truong-hoc': ['cuốn sách mở với hình ảnh biển, đảo', () => {
    let lines = '';
    for (let i = 0; i < 5; i++) {
      const y = 362 + i * 24;
      lines += `M150 ${y}Q280 ${y - 22} 380 ${y + 2}M420 ${y + 2}Q520 ${y - 22} 650 ${y}`;
    }
    return svgDoc('Hình minh họa: cuốn sách mở với hình ảnh biển, đảo', lg('s', ['#bfd0dd', '#f1e4c7']) + lg('w', ['#7ea3bb', '#3d6b8a']),
      full('url(#s)') + `<circle cx="250" cy="170" r="36" fill="#f0c96a"/>` + rect(0, 250, 800, 140, 'url(#w)') +
      `<path d="M470 252Q500 190 540 230Q560 200 600 252z" fill="#3d4f60"/>` + rect(530, 196, 10, 34, C.cream) + `<path d="M528 198L535 186L542 198z" fill="#b22a22"/>` +
      waves(wave(90, 290) + wave(300, 320) + wave(640, 300)) +
      `<path d="M560 120l10 8 10-8M600 100l8 6 8-6" fill="none" stroke="${C.dark}" stroke-width="2"/>` +
      `<path d="M100 340V515Q300 485 400 520Q500 485 700 515V340z" fill="${C.red}"/>` +
      `<path d="M400 330Q300 300 120 330V500Q300 470 400 505z" fill="#fbf7ee"/><path d="M400 330Q500 300 680 330V500Q500 470 400 505z" fill="#f1eadb"/>` +
      `<path d="${lines}" fill="none" stroke="#d3c9b4" stroke-width="5"/>`);
  }],
};

const ILLUSTRATIONS = Object.fromEntries(Object.entries(ART).map(([name, [what, draw]]) => [name, { alt: `Hình minh họa: ${what}`, svg: draw() }]));

const FONT = 'font-family="Arial,Helvetica,sans-serif" font-weight="700"';
const BADGES = {
  'badge-tin-nhiem-mang': `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="60" viewBox="0 0 160 60" role="img"><title>Tín nhiệm mạng</title>` +
    `<rect x="1" y="1" width="158" height="58" rx="8" fill="#fff" stroke="#1f5fa8" stroke-width="2"/>` +
    `<path d="M30 8l18 6v14c0 12-8 20-18 24-10-4-18-12-18-24V14z" fill="#1f5fa8"/>` +
    `<path d="M22 30l6 6 12-13" fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>` +
    `<text x="58" y="27" ${FONT} font-size="13" fill="#1f5fa8">TÍN NHIỆM</text><text x="58" y="45" ${FONT} font-size="13" fill="#c0392b">MẠNG</text></svg>\n`,
  'badge-ipv6': `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="60" viewBox="0 0 160 60" role="img"><title>IPv6 ready</title>` +
    `<rect width="160" height="60" rx="8" fill="#2e3a47"/><text x="12" y="40" ${FONT} font-size="26" fill="#fff">IPv6</text>` +
    `<text x="80" y="39" ${FONT} font-size="15" fill="#8fd18f">ready</text>` +
    `<circle cx="142" cy="30" r="11" fill="#3ca55c"/><path d="M136 30l4 4 8-8" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/></svg>\n`,
};

// ---------------------------------------------------------------------------------------------
// Output

const json = (v) => JSON.stringify(v, null, 2) + '\n';

function writeAll(site, visitors, arts, illus) {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(path.join(OUT, 'articles'), { recursive: true });
  fs.mkdirSync(path.join(OUT, 'media'), { recursive: true });
  const put = (rel, data) => fs.writeFileSync(path.join(OUT, rel), data);

  put('site.json', json(site));
  put('visitors.json', json(visitors));
  const items = arts.map(summaryOf);
  put('articles.json', json({ items, page: 1, per_page: items.length, total: items.length }));
  put('hot.json', json({ items: arts.filter((a) => a.hot).map(summaryOf) }));
  for (const a of arts) put(`articles/${a.id}.json`, json(fullArticle(a, arts)));
  for (const [name, art] of Object.entries(illus)) put(`media/${name}.svg`, art.svg);
  for (const [name, svg] of Object.entries(BADGES)) put(`media/${name}.svg`, svg);
  put('README.md', README);
}

const README = `# Demo content

Bundled sample data for the portal reader's demo mode: static JSON files that
answer the Portal Content API v1 (\`docs/api.md\`) as a backend of the
"Cổng thông tin đối ngoại tỉnh Lai Châu" would. It is demo data, not the
portal's real content (except where noted below).

| file | API endpoint |
|---|---|
| \`site.json\` | \`GET site\` |
| \`articles.json\` | \`GET articles\` — every summary on one page, newest first; the client filters and pages it |
| \`hot.json\` | \`GET articles/hot\` |
| \`articles/<id>.json\` | \`GET articles/{id}\` |
| \`visitors.json\` | \`GET stats/visitors\` |
| \`media/*.svg\` | images referenced (relative URLs) by the JSON and by \`body_html\` |

**Generated — do not edit by hand.** Run \`node tools/make-demo.mjs\` from the
repository root; it reads \`demo/seeds/*.txt\`, \`demo/site.json\` and
\`demo/articles.txt\`, rewrites this directory, and validates the result.

- Three articles reproduce real pages in full (seeds in \`demo/seeds/\`): Lai Châu
  (10/01/2019), Cao Bằng (14/09/2023) and Cần Thơ (2019, published 09/03/2020),
  with a handful of obvious typing errors corrected. The footer data of the site
  and the visitor figures also come from the seeds.
- The other articles are demo compositions built from passages of those pages;
  their dates, authors, view counts and the figures in the 2022 results table
  are illustrative, not published facts.
- The images are generated SVG illustrations, not photographs; their \`alt\`
  text says so. Captions are those of the articles.
`;

// ---------------------------------------------------------------------------------------------
// Validation (reads the written files back)

function validate() {
  const errors = [];
  const err = (m) => errors.push(m);
  const read = (rel) => JSON.parse(fs.readFileSync(path.join(OUT, rel), 'utf8'));
  const site = read('site.json');
  const page = read('articles.json');
  const hot = read('hot.json');
  const visitors = read('visitors.json');
  const catSlugs = new Set(site.categories.map((c) => c.slug));
  const mediaFiles = new Set(fs.readdirSync(path.join(OUT, 'media')));
  const referenced = new Set();
  const checkUrl = (u, where) => {
    const m = /^media\/([a-z0-9-]+\.svg)$/.exec(u ?? '');
    if (!m) return err(`${where}: image url "${u}" is not media/<name>.svg`);
    if (!mediaFiles.has(m[1])) err(`${where}: ${u} does not exist`);
    referenced.add(m[1]);
  };
  const checkTime = (t, where) => { if (!isVnTime(t)) err(`${where}: "${t}" is not RFC 3339 with +07:00`); };
  const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const SUMMARY_KEYS = ['id', 'slug', 'title', 'summary', 'thumbnail', 'category', 'published_at', 'views'];

  // Site
  for (const k of ['name', 'language', 'agency', 'licence', 'responsible', 'address', 'phone', 'email', 'source_notice']) {
    if (typeof site[k] !== 'string' || !site[k]) err(`site.${k} missing`);
  }
  if (site.categories.length < 5 || site.categories.length > 7) err('site: want 5-7 categories');
  for (const c of site.categories) if (!SLUG.test(c.slug)) err(`site: category slug "${c.slug}"`);
  for (const g of site.link_groups) for (const l of g.links) if (!/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/.test(l.url)) err(`site link ${l.url}`);
  for (const b of site.badges) if (b.image) checkUrl(b.image, `badge ${b.title}`);

  // Visitors
  for (const k of ['online', 'today', 'week', 'month', 'total']) {
    if (!Number.isSafeInteger(visitors[k]) || visitors[k] < 0) err(`visitors.${k} not a count`);
  }
  checkTime(visitors.updated_at, 'visitors.updated_at');

  // Articles list
  const items = page.items;
  if (page.page !== 1 || page.per_page !== items.length || page.total !== items.length) err('articles.json: page/per_page/total');
  if (items.length < 34) err(`only ${items.length} articles`);
  const byId = new Map();
  const slugs = new Set();
  items.forEach((s, i) => {
    const w = `articles.json item ${s.id}`;
    if (byId.has(s.id)) err(`${w}: duplicate id`);
    byId.set(s.id, s);
    if (typeof s.id !== 'string') err(`${w}: id not a string`);
    if (!SLUG.test(s.slug)) err(`${w}: slug "${s.slug}" is not lowercase ASCII`);
    if (slugs.has(s.slug)) err(`${w}: duplicate slug`);
    slugs.add(s.slug);
    for (const k of Object.keys(s)) if (!SUMMARY_KEYS.includes(k)) err(`${w}: unexpected field ${k}`);
    checkTime(s.published_at, w);
    const hour = Number(s.published_at.slice(11, 13));
    if (hour < 7 || hour > 17) err(`${w}: published outside office hours`);
    if (!catSlugs.has(s.category?.slug)) err(`${w}: category not in site.categories`);
    if (!Number.isSafeInteger(s.views) || s.views < 0 || s.views > 10000) err(`${w}: views ${s.views}`);
    if (s.thumbnail) {
      checkUrl(s.thumbnail.url, w);
      if (s.thumbnail.width !== IMG_W || s.thumbnail.height !== IMG_H || !s.thumbnail.alt) err(`${w}: thumbnail fields`);
    }
    if (i > 0 && items[i - 1].published_at < s.published_at) err(`${w}: list not newest first`);
  });

  // Full articles
  const files = fs.readdirSync(path.join(OUT, 'articles'));
  if (files.length !== items.length) err(`articles/: ${files.length} files for ${items.length} summaries`);
  const sameSummary = (x, where) => {
    const ref = byId.get(x.id);
    if (!ref) return err(`${where}: id ${x.id} not in articles.json`);
    const pick = Object.fromEntries(SUMMARY_KEYS.filter((k) => k in x).map((k) => [k, x[k]]));
    if (!isDeepStrictEqual(pick, ref)) err(`${where}: summary fields of ${x.id} differ from articles.json`);
  };
  for (const s of items) {
    const f = `articles/${s.id}.json`;
    if (!fs.existsSync(path.join(OUT, f))) { err(`${f} missing`); continue; }
    const a = read(f);
    sameSummary(a, f);
    if (a.updated_at !== undefined) {
      checkTime(a.updated_at, `${f} updated_at`);
      if (a.updated_at < a.published_at) err(`${f}: updated before published`);
    }
    if (!Array.isArray(a.tags) || a.tags.length < 2 || a.tags.length > 4) err(`${f}: want 2-4 tags`);
    if (!a.related || a.related.length < 3 || a.related.length > 6) err(`${f}: want 3-6 related`);
    (a.related ?? []).forEach((r, i) => {
      if (r.id === a.id) err(`${f}: related to itself`);
      sameSummary(r, `${f} related`);
      if (i > 0 && a.related[i - 1].published_at < r.published_at) err(`${f}: related not newest first`);
    });
    const html = a.body_html;
    if (/<script|<iframe|<style|\son\w+\s*=|javascript:|style\s*=/i.test(html)) err(`${f}: unclean body_html`);
    if (/lorem ipsum/i.test(html)) err(`${f}: placeholder text`);
    for (const m of html.matchAll(/<img\s([^>]*)>/g)) {
      const src = /src="([^"]*)"/.exec(m[1])?.[1];
      checkUrl(src, `${f} body`);
      if (!/width="800"/.test(m[1]) || !/height="533"/.test(m[1]) || !/alt="[^"]+"/.test(m[1])) err(`${f}: img attributes`);
    }
    if (/@[a-z-]+(#\d)?\s/.test(html) || /@[a-z-]+/.test(a.summary ?? '')) err(`${f}: unresolved seed reference`);
  }

  // Hot
  if (hot.items.length < 5 || hot.items.length > 8) err(`hot.json: ${hot.items.length} items (want 5-8)`);
  hot.items.forEach((s, i) => {
    sameSummary(s, 'hot.json');
    if (i > 0 && hot.items[i - 1].published_at < s.published_at) err('hot.json: not newest first');
  });

  // Media
  for (const name of mediaFiles) {
    const svg = fs.readFileSync(path.join(OUT, 'media', name), 'utf8');
    const size = Buffer.byteLength(svg);
    if (size > MAX_SVG_BYTES) err(`media/${name}: ${size} bytes > ${MAX_SVG_BYTES}`);
    if (!/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+"[^>]*><title>[^<]+<\/title>/.test(svg)) err(`media/${name}: header/title`);
    if (/<script|\son\w+\s*=|<image|<foreignObject|(?:xlink:)?href="(?!#)|url\((?!#)/i.test(svg)) err(`media/${name}: script or external reference`);
    if (!name.startsWith('badge-') && (!svg.includes('width="800" height="533" viewBox="0 0 800 533"') || /<text/.test(svg))) err(`media/${name}: must be 800x533 without text`);
    if (!referenced.has(name)) err(`media/${name}: not referenced`);
  }

  // Every Image object and every category has several articles
  const perCat = {};
  for (const s of items) perCat[s.category.slug] = (perCat[s.category.slug] ?? 0) + 1;
  for (const c of site.categories) if ((perCat[c.slug] ?? 0) < 3) err(`category ${c.slug}: only ${perCat[c.slug] ?? 0} articles`);
  return { errors, items, perCat };
}

// ---------------------------------------------------------------------------------------------

function main() {
  const seeds = loadSeeds();
  const resolve = makeResolver(seeds);
  const extra = JSON.parse(fs.readFileSync(path.join(DEMO_IN, 'site.json'), 'utf8'));
  const site = buildSite(seeds, extra);
  const visitors = buildVisitors(seeds, extra.visitors);
  const parsed = parseArticles(fs.readFileSync(path.join(DEMO_IN, 'articles.txt'), 'utf8'));
  const arts = buildArticles(parsed, resolve, site, ILLUSTRATIONS);
  writeAll(site, visitors, arts, ILLUSTRATIONS);

  const { errors, items, perCat } = validate();
  if (errors.length) {
    for (const e of errors) console.error(`invalid: ${e}`);
    fail(`${errors.length} validation error(s)`);
  }
  const days = {};
  for (const s of items) days[s.published_at.slice(0, 10)] = (days[s.published_at.slice(0, 10)] ?? 0) + 1;
  const multi = Object.entries(days).filter(([, n]) => n > 1).map(([d, n]) => `${d}×${n}`);
  console.log(`public/demo: ${items.length} articles (${Object.entries(perCat).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  console.log(`dates ${items.at(-1).published_at.slice(0, 10)} .. ${items[0].published_at.slice(0, 10)}; days with several: ${multi.join(', ')}`);
  console.log(`seed paragraphs quoted: ${resolve.used.size}; illustrations: ${Object.keys(ILLUSTRATIONS).length}`);
}

try {
  main();
} catch (e) {
  if (e instanceof DemoError) {
    console.error(`make-demo: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
