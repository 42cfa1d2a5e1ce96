// What Leptos brings that a client-rendered reader never runs: wasm-streams'
// three `#[wasm_bindgen]` classes (IntoUnderlyingSource, …Sink,
// …ByteSource). leptos 0.8 always enables server_fn's `browser` feature,
// which depends on wasm-streams; the reader calls no server function, so
// nothing in it ever makes one of these objects (the glue has no `__wrap`
// for them). But an export is a root: their methods and all they reach stay
// in the wasm, and their classes in the glue. Dropped after wasm-bindgen,
// before wasm-opt, whose dead-code removal then takes the rest: −1.3 KB of
// main wasm and −0.4 KB of glue, brotli (decision 0011).
//
// Both edits check what they remove: if wasm-bindgen's output changes shape,
// the build fails rather than ship a glue that names a missing export.

/** The exports' names: the classes' methods and their `__wbg_…_free`. */
export const DEAD_EXPORT = /^(__wbg_)?intounderlying(bytesource|sink|source)_/;
const CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

function readU32(b, o) {
  let value = 0, shift = 0, byte;
  do {
    byte = b[o++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return [value >>> 0, o];
}

function u32(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

/** The names of a wasm module's exports. */
export function exportNames(wasm) {
  const names = [];
  rewriteExports(wasm, (name) => (names.push(name), false));
  return names;
}

/**
 * `wasm` without the exports `drop(name)` is true of: `[bytes, dropped]`.
 * Only the export section changes (id 7: a vector of name, kind, index).
 */
export function rewriteExports(wasm, drop) {
  const parts = [wasm.subarray(0, 8)];
  const dropped = [];
  let o = 8;
  while (o < wasm.length) {
    const id = wasm[o];
    const [size, start] = readU32(wasm, o + 1);
    const end = start + size;
    if (id !== 7) {
      parts.push(wasm.subarray(o, end));
      o = end;
      continue;
    }
    let [count, q] = readU32(wasm, start);
    const kept = [];
    for (let i = 0; i < count; i++) {
      const entry = q;
      let len;
      [len, q] = readU32(wasm, q);
      const name = wasm.subarray(q, q + len).toString('utf8');
      [, q] = readU32(wasm, q + len + 1); // kind byte, then the index
      if (drop(name)) dropped.push(name);
      else kept.push(wasm.subarray(entry, q));
    }
    const body = Buffer.concat([u32(kept.length), ...kept]);
    parts.push(Buffer.from([7]), u32(body.length), body);
    o = end;
  }
  return [Buffer.concat(parts), dropped];
}

/** wasm-bindgen's glue without the three classes and their registries. */
export function dropDeadClasses(glue) {
  let out = glue;
  for (const c of CLASSES) {
    const cls = new RegExp(`\\nexport class ${c} \\{\\n[\\s\\S]*?\\n\\}\\nif \\(Symbol\\.dispose\\) ${c}\\.prototype\\[Symbol\\.dispose\\] = ${c}\\.prototype\\.free;\\n`);
    const registry = new RegExp(`\\nconst ${c}Finalization = \\(typeof FinalizationRegistry === 'undefined'\\)\\n.*\\n.*\\n`);
    for (const [what, re] of [['class', cls], ['registry', registry]]) {
      if (!re.test(out)) throw new Error(`wasm-bindgen output changed: no ${what} ${c} in the glue (tools/dead-exports.mjs)`);
      out = out.replace(re, '\n');
    }
  }
  if (/intounderlying/i.test(out)) throw new Error('wasm-bindgen output changed: the glue still names wasm-streams\' classes (tools/dead-exports.mjs)');
  return out;
}

/** Both: the glue and the main wasm without the dead classes. */
export function dropDeadExports(glue, wasm) {
  const [bytes, dropped] = rewriteExports(wasm, (name) => DEAD_EXPORT.test(name));
  // 3 classes: 3 `free`s and 10 methods in wasm-bindgen 0.2.130.
  if (dropped.length === 0) throw new Error('wasm-bindgen output changed: no wasm-streams export to drop (tools/dead-exports.mjs)');
  return [dropDeadClasses(glue), bytes];
}
