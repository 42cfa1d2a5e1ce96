// The oldest browsers the reader supports (README, "Browsers"), and what
// the build may use because all of them have it. One place: postbuild
// writes the CSS for FLOOR (lightningcss targets) and the failure module's
// probe (floorProbe), and tests/build/support-floor.test.mjs holds every
// wasm file to WASM_FEATURES.
//
// Why these versions: wasm-bindgen's glue passes JavaScript values to the
// wasm as externref (reference types: Chrome 96, Firefox 79, Safari 15);
// the loader is an ES module with top-level await (Chrome 89, Firefox 89,
// Safari 15); the wasm uses bulk memory (Chrome 75, Firefox 79, Safari 15),
// non-trapping float-to-int conversions (Chrome 75, Firefox 64, Safari 15)
// and sign extension (Chrome 74, Firefox 62, Safari 14.1). Samsung
// Internet 17 is Chromium 96.
export const FLOOR = { safari: 15, ios_saf: 15, chrome: 96, edge: 96, android: 96, firefox: 89, samsung: 17 };

// WebAssembly features (wabt's names) that every browser of FLOOR has.
// Not among them: SIMD (Safari 16.4), exceptions, tail calls, GC, typed
// function references, threads, memory64.
export const WASM_FEATURES = ['mutable_globals', 'sign_extension', 'sat_float_to_int', 'bulk_memory', 'multi_value', 'reference_types'];

/**
 * A module using the floor's features, compiled from text by wabt when
 * asked (at build time): where WebAssembly.validate refuses it, the reader
 * cannot run (tools/fallback.js says so).
 */
export async function floorProbe() {
  const wabt = await (await import('wabt')).default();
  const wat = wabt.parseWat('probe.wat', `(module (memory 1)
    (func (param i32) (result i32 i32)
      (memory.fill (i32.const 0) (i32.const 0) (i32.const 0))
      (i32.extend8_s (local.get 0))
      (i32.trunc_sat_f32_s (f32.const 0)))
    (func (param externref)))`, Object.fromEntries(WASM_FEATURES.map((f) => [f, true])));
  const bytes = new Uint8Array(wat.toBinary({}).buffer);
  wat.destroy();
  return bytes;
}
