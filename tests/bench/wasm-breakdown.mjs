#!/usr/bin/env node
// Where the wasm's code is: function body bytes by crate (or by function),
// read from the name section of cargo's un-optimised, un-bindgen'd wasm.
//
//   mapfile -t remap < <(node -e 'import("./tools/backend-builds.mjs").then((m) => console.log(m.remapRegistry().join("\n")))')
//   cargo build --release --target wasm32-unknown-unknown --no-default-features --features portal "${remap[@]}"
//   node tests/bench/wasm-breakdown.mjs [--top 40] [--grep REGEX] [file.wasm]
//
// (`remap` holds the build's own extra flags, tools/backend-builds.mjs
// remapRegistry: without them cargo compiles every crate again, twice.)
//
// Figures are raw bytes before wasm-opt (which shrinks them by about a
// third): use them to compare builds and to see where code goes, not as the
// shipped size (`asset-manifest.json` has that).
import fs from 'node:fs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const [v] = args.splice(i, 2).slice(1);
  return v;
};
const top = Number(opt('--top', 30));
const grep = opt('--grep', null);
const file = args[0] ?? 'target/wasm32-unknown-unknown/release/news_portal.wasm';
const buf = fs.readFileSync(file);

let pos = 8;
const u32 = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    result += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return result;
    shift += 7;
  }
};
const str = () => {
  const n = u32();
  const s = buf.toString('utf8', pos, pos + n);
  pos += n;
  return s;
};

let imported = 0;
const bodies = [];
const names = new Map();
const sections = [];
while (pos < buf.length) {
  const id = buf[pos++];
  const size = u32();
  const end = pos + size;
  if (id === 0) {
    const name = str();
    sections.push([`custom:${name}`, size]);
    if (name === 'name') {
      while (pos < end) {
        const sub = buf[pos++];
        const subEnd = u32() + pos;
        if (sub === 1) {
          for (let n = u32(); n > 0; n--) {
            const idx = u32();
            names.set(idx, str());
          }
        }
        pos = subEnd;
      }
    }
  } else {
    sections.push([['', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'][id] ?? id, size]);
    if (id === 2) {
      for (let n = u32(); n > 0; n--) {
        str();
        str();
        const kind = buf[pos++];
        if (kind === 0) { u32(); imported++; }
        else if (kind === 1) { pos++; const f = u32(); u32(); if (f & 1) u32(); }
        else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); }
        else if (kind === 3) { pos += 2; }
      }
    } else if (id === 10) {
      for (let n = u32(), i = 0; i < n; i++) {
        const len = u32();
        bodies.push([imported + i, len]);
        pos += len;
      }
    }
  }
  pos = end;
}

// Legacy Rust mangling: _ZN 4core 3fmt 5write 17h0123456789abcdefE
function demangle(s) {
  if (!s.startsWith('_ZN')) return s;
  const parts = [];
  let i = 3;
  while (i < s.length && s[i] !== 'E') {
    let n = 0;
    while (s[i] >= '0' && s[i] <= '9') n = n * 10 + Number(s[i++]);
    if (!n) break;
    parts.push(s.slice(i, i + n));
    i += n;
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts.at(-1))) parts.pop();
  return parts
    .join('::')
    .replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\$u27\$/g, "'")
    .replace(/\$RF\$/g, '&').replace(/\$BP\$/g, '*').replace(/\$C\$/g, ',').replace(/\$u7b\$/g, '{')
    .replace(/\$u7d\$/g, '}').replace(/\$u5b\$/g, '[').replace(/\$u5d\$/g, ']').replace(/\$u3b\$/g, ';')
    .replace(/\.\./g, '::');
}

// The crate a function's code belongs to: for `<A as B>::f` the crate of A
// (whose data it works on), else the path's first segment.
function crateOf(name) {
  // v0 mangling (a few core/std symbols): the first crate root `Cs<hash>_<len><name>`.
  const v0 = /^_R.*?C[sa-zA-Z0-9]*?_(\d+)([A-Za-z_][A-Za-z0-9_]*)/.exec(name);
  if (v0) return v0[2].slice(0, Number(v0[1]));
  let n = name.replace(/^_</, '<');
  while (n.startsWith('<')) n = n.slice(1);
  n = n.replace(/^(&|\*const |\*mut |mut |dyn )+/, '');
  const m = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(n);
  return m ? m[1] : '?';
}

const total = bodies.reduce((a, [, l]) => a + l, 0);
const rows = bodies.map(([idx, len]) => [demangle(names.get(idx) ?? `func${idx}`), len]);
const pct = (n) => `${((100 * n) / total).toFixed(1)} %`;
const fmt = (n) => n.toLocaleString('en');

console.log(`${file}: ${fmt(buf.length)} B; code ${fmt(total)} B in ${bodies.length} functions`);
for (const [name, size] of sections) console.log(`  section ${name}: ${fmt(size)} B`);

if (grep) {
  const re = new RegExp(grep);
  const hit = rows.filter(([n]) => re.test(n)).sort((a, b) => b[1] - a[1]);
  const sum = hit.reduce((a, [, l]) => a + l, 0);
  console.log(`\n/${grep}/: ${hit.length} functions, ${fmt(sum)} B (${pct(sum)})`);
  for (const [n, l] of hit.slice(0, top)) console.log(`${String(fmt(l)).padStart(8)}  ${n.slice(0, 200)}`);
} else {
  const byCrate = new Map();
  for (const [n, l] of rows) {
    const c = crateOf(n);
    const e = byCrate.get(c) ?? [0, 0];
    byCrate.set(c, [e[0] + l, e[1] + 1]);
  }
  console.log('\nby crate:');
  for (const [c, [l, k]] of [...byCrate].sort((a, b) => b[1][0] - a[1][0]).slice(0, top)) {
    console.log(`${String(fmt(l)).padStart(8)}  ${pct(l).padStart(7)}  ${String(k).padStart(5)} fns  ${c}`);
  }
  console.log('\nlargest functions:');
  for (const [n, l] of rows.sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${String(fmt(l)).padStart(8)}  ${n.slice(0, 200)}`);
}
