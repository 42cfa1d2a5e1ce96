// The build holds to the support floor (tools/browsers.mjs): every wasm
// file in dist/ (each backend's main wasm and every chunk) reads and
// validates with only the WebAssembly features all those browsers have.
//
//   node --test tests/build/support-floor.test.mjs    (needs dist/)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import initWabt from 'wabt';
import { WASM_FEATURES, floorProbe } from '../../tools/browsers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = process.env.NP_DIST ? path.resolve(process.env.NP_DIST) : path.join(ROOT, 'dist');
// Every feature wabt knows, off unless the floor has it.
const KNOWN = ['exceptions', 'mutable_globals', 'sat_float_to_int', 'sign_extension', 'simd', 'threads', 'function_references',
  'multi_value', 'tail_call', 'bulk_memory', 'reference_types', 'annotations', 'code_metadata', 'gc', 'memory64', 'extended_const', 'relaxed_simd'];
const FLOOR = Object.fromEntries(KNOWN.map((f) => [f, WASM_FEATURES.includes(f)]));
const wabt = await initWabt();

/** null when the module validates with the floor's features, else wabt's message. */
function beyondFloor(bytes) {
  let m;
  try {
    // A copy: wabt reads the whole ArrayBuffer under a Node Buffer.
    m = wabt.readWasm(new Uint8Array(bytes), { ...FLOOR, readDebugNames: false });
    m.validate();
    return null;
  } catch (e) {
    return String(e.message).trim().split('\n').slice(0, 3).join(' ');
  } finally {
    m?.destroy();
  }
}

test('every wasm file of dist/ uses only what the floor browsers have', () => {
  const files = fs.readdirSync(DIST).filter((f) => f.endsWith('.wasm'));
  assert.ok(files.length >= 4, `only ${files.length} wasm files in ${DIST}: run scripts/build`);
  const over = files.map((f) => [f, beyondFloor(fs.readFileSync(path.join(DIST, f)))]).filter(([, why]) => why);
  assert.deepEqual(over, [], `wasm beyond the floor (${WASM_FEATURES.join(', ')}); raise the floor in tools/browsers.mjs and the README, or build without it`);
});

test('the check fails on a feature beyond the floor (SIMD, tail calls)', () => {
  for (const [feature, body] of [
    ['simd', '(func (result v128) v128.const i32x4 0 0 0 0)'],
    ['tail_call', '(func $f (result i32) return_call $f)'],
  ]) {
    const wat = wabt.parseWat(`${feature}.wat`, `(module ${body})`, { [feature]: true });
    const { buffer } = wat.toBinary({});
    wat.destroy();
    assert.ok(beyondFloor(buffer), `${feature}: a module using it passed the floor check`);
  }
  // And a module within the floor passes.
  const ok = wabt.parseWat('ok.wat', '(module (memory 1) (func (param i32) (memory.fill (i32.const 0) (i32.const 0) (local.get 0))))', { bulk_memory: true });
  assert.equal(beyondFloor(ok.toBinary({}).buffer), null);
  ok.destroy();
});

test("the failure module's probe is within the floor, and needs what it probes", async () => {
  const probe = await floorProbe();
  assert.equal(beyondFloor(probe), null);
  // Without reference types (what sets the floor's Chrome 96) it does not read.
  const m = (() => { try { return wabt.readWasm(new Uint8Array(probe), { ...FLOOR, reference_types: false }); } catch { return null; } })();
  assert.equal(m, null, 'the probe reads without reference types');
});
