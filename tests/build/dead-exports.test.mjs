// The build drops wasm-streams' unused classes (tools/dead-exports.mjs,
// decision 0011): the export-section edit on a module made for it, the
// glue edit on wasm-bindgen's shape, and every build in dist/.
//
//   node --test tests/build/dead-exports.test.mjs    (needs dist/)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import initWabt from 'wabt';
import { DEAD_EXPORT, dropDeadClasses, dropDeadExports, exportNames, rewriteExports } from '../../tools/dead-exports.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = process.env.NP_DIST ? path.resolve(process.env.NP_DIST) : path.join(ROOT, 'dist');
const wabt = await initWabt();

/** A module with a memory, a table and functions, some named like the dead ones. */
function module() {
  const m = wabt.parseWat('t.wat', `(module
    (memory (export "memory") 1)
    (table (export "__wbindgen_export_2") 1 funcref)
    (func $keep (export "start") (result i32) i32.const 1)
    (func $pull (export "intounderlyingsource_pull") (result i32) i32.const 2)
    (func $free (export "__wbg_intounderlyingsink_free") (param i32))
    (func $near (export "intounderlying_other") (result i32) i32.const 3))`);
  try {
    return Buffer.from(m.toBinary({}).buffer);
  } finally {
    m.destroy();
  }
}

test('only the named exports leave the export section; the module still validates and runs', async () => {
  const [bytes, dropped] = rewriteExports(module(), (n) => DEAD_EXPORT.test(n));
  assert.deepEqual(dropped, ['intounderlyingsource_pull', '__wbg_intounderlyingsink_free']);
  assert.deepEqual(exportNames(bytes), ['memory', '__wbindgen_export_2', 'start', 'intounderlying_other']);
  const { instance } = await WebAssembly.instantiate(bytes);
  assert.equal(instance.exports.start(), 1);
  assert.equal(instance.exports.intounderlying_other(), 3);
});

// wasm-bindgen 0.2.130's shape, shortened.
const GLUE = `import * as import1 from "./__wasm_split.js"

export class IntoUnderlyingSink {
    free() {
        wasm.__wbg_intounderlyingsink_free(ptr, 0);
    }
}
if (Symbol.dispose) IntoUnderlyingSink.prototype[Symbol.dispose] = IntoUnderlyingSink.prototype.free;

export class Keep {
}
const IntoUnderlyingSinkFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_intounderlyingsink_free(ptr, 1));
const KeepFinalization = 1;
`;

/** The glue with one class per name, each as wasm-bindgen writes it. */
const glueWith = (...classes) => classes.map((c, i) => GLUE.replaceAll('IntoUnderlyingSink', c)
  .replaceAll('intounderlyingsink', c.toLowerCase()).replaceAll('Keep', `Keep${i}`)).join('');

test('the glue loses the classes and their registries, nothing else; a changed shape fails the build', () => {
  const sink = glueWith('IntoUnderlyingSink');
  const all = glueWith('IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource');
  const out = dropDeadClasses(all);
  assert.doesNotMatch(out, /intounderlying/i);
  assert.equal(out.match(/export class Keep\d \{\n\}/g).length, 3);
  assert.equal(out.match(/const Keep\d+Finalization = 1;/g).length, 3);
  assert.match(out, /^import \* as import1/);
  assert.throws(() => dropDeadClasses(sink), /no class IntoUnderlyingByteSource/);
  assert.throws(() => dropDeadClasses(all.replace('\nif (Symbol.dispose)', '\nif (Symbol.foo)')), /no class IntoUnderlying/);
  assert.throws(() => dropDeadExports(all, module().subarray(0, 8)), /no wasm-streams export to drop/);
});

test('no build in dist/ exports or names wasm-streams\' classes', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'asset-manifest.json'), 'utf8'));
  const builds = Object.values(manifest.firstLoadByBackend);
  assert.ok(builds.length >= 2, 'a build per backend');
  for (const { files } of builds) {
    const wasm = files.find((f) => f.endsWith('_bg.wasm'));
    const glue = files.find((f) => /-[0-9a-f]{16}\.js$/.test(f));
    assert.ok(wasm && glue, `a main wasm and a glue among ${files}`);
    const names = exportNames(fs.readFileSync(path.join(DIST, wasm)));
    assert.ok(names.length > 10, `${wasm} has its exports`);
    assert.deepEqual(names.filter((n) => /intounderlying/i.test(n)), [], wasm);
    assert.doesNotMatch(fs.readFileSync(path.join(DIST, glue), 'utf8'), /IntoUnderlying/i, glue);
  }
});
