// The reader's wasm builds: one per backend (docs/decisions/0007), each split
// into the module the first screen needs and chunks loaded when first shown
// (Leptos' code splitting, docs/decisions/0008). For each backend:
//
//   cargo build --features <backend>        (linked with --emit-relocs)
//   wasm-split-cli                           main.wasm, chunk wasm, __wasm_split.js
//   wasm-bindgen --target web --keep-lld-exports main.wasm
//   dropDeadExports                          wasm-streams' unused classes (decision 0011)
//   wasm-opt WASM_OPT_ARGS                   main and every chunk (release)
//
// then named after one hash of the whole build, `<stem>-<hash>.js`,
// `…_bg.wasm`, `…_split.js` (the link module that fetches the chunks, with
// an SRI hash for each) and `…_<chunk>.wasm`, in the staging dir. Trunk cannot
// put a step between cargo and wasm-bindgen, so it builds no wasm itself:
// the post-build hook (tools/postbuild.mjs) calls this.
//
// NP_WASM_NAMES=1 keeps the functions' names in every wasm (wasm-bindgen
// --keep-debug, wasm-opt -g), for CPU profiles (tests/bench/profile.mjs);
// such a build is larger and is not for serving.

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { dropDeadExports } from './dead-exports.mjs';

/** Every backend, with the build that carries it; the first is the page's. */
export const BACKENDS = ['portal', 'wordpress'];

/** wasm-opt in release, as the builds were measured (docs/performance.md). */
export const WASM_OPT_ARGS = ['-Oz', '--converge', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
  // The main module's memory is its own, so it starts zeroed: memory packing
  // may drop zero runs. Rust's wasm layout puts the stack below 1 MiB and
  // data and heap above it, so no pointer is ever in the low 1 KiB: loads and
  // stores may fold their offsets. −0.8 and −0.9 KB brotli.
  '--zero-filled-memory', '--low-memory-unused'];

/** Whether to keep the functions' names (a build for profiling). */
const NAMES = process.env.NP_WASM_NAMES === '1';

/** What wasm-split-cli names its outputs. */
const SPLIT_LINK = '__wasm_split.js';
const SPLIT_MAIN_IMPORT = './main.js';

/** The file-name stem of a backend's build: the first keeps the crate's name. */
export const stemOf = (crate, feature) => (feature === BACKENDS[0] ? crate : `${crate}_${feature}`);

/**
 * The wasm names the crates' source files (panic locations) by their path
 * under CARGO_HOME: `/root/.cargo/registry/src/index.crates.io-…/tachys-0.2.19/…`.
 * Remapped to `tachys-0.2.19/…`, the wasm is the same bytes on any machine
 * (and so is its size against the budget), names no one's home, and is
 * smaller. Added to .cargo/config.toml's flags: `--config` arrays are joined.
 */
export function remapRegistry(home = process.env.CARGO_HOME || path.join(os.homedir(), '.cargo')) {
  const src = path.join(home, 'registry', 'src');
  const indexes = fs.existsSync(src) ? fs.readdirSync(src).sort() : [];
  const flags = indexes.map((d) => `--remap-path-prefix=${path.join(src, d)}${path.sep}=`);
  return flags.length ? ['--config', `target.wasm32-unknown-unknown.rustflags=${JSON.stringify(flags)}`] : [];
}

/** cargo build of the crate with only `feature`: the wasm's path. */
function cargoBuild(root, crate, feature, release, log) {
  const args = ['build', '--lib', '--target=wasm32-unknown-unknown', '--offline', '--no-default-features',
    '--features', feature, '--message-format=json-render-diagnostics', ...(release ? ['--release'] : []), ...remapRegistry()];
  log(`postbuild: cargo ${args.join(' ')}`);
  const run = spawnSync('cargo', args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`cargo build of the ${feature} reader failed (exit ${run.status})`);
  const wasm = run.stdout.toString('utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l))
    .filter((m) => m.reason === 'compiler-artifact' && m.target?.name === crate && m.target.kind?.includes('cdylib'))
    .flatMap((m) => m.filenames).find((f) => f.endsWith('.wasm'));
  if (!wasm) throw new Error(`cargo built no wasm for the ${feature} reader`);
  return wasm;
}

/** npm's binaryen@132 (never Debian's 108, which corrupts current Rust wasm). */
function wasmOpt(root) {
  const npmOpt = path.join(root, 'node_modules', '.bin', 'wasm-opt');
  const bin = fs.existsSync(npmOpt) ? npmOpt : 'wasm-opt';
  const version = execFileSync(bin, ['--version']).toString();
  if (!/version 132\b/.test(version)) throw new Error(`wasm-opt is ${version.trim()}, need binaryen 132: run scripts/setup`);
  return bin;
}

/** The names of a build already in `dir` (running postbuild again), or null. */
function existing(dir, stem) {
  const have = fs.readdirSync(dir);
  const js = have.find((f) => new RegExp(`^${stem}-[0-9a-f]{16}\\.js$`).test(f));
  if (!js) return null;
  const name = js.slice(0, -'.js'.length);
  const split = `${name}_split.js`;
  if (!have.includes(`${name}_bg.wasm`) || !have.includes(split)) return null;
  const chunks = have.filter((f) => f.startsWith(`${name}_`) && f.endsWith('.wasm') && f !== `${name}_bg.wasm`).sort();
  return { js, wasm: `${name}_bg.wasm`, split, chunks };
}

/**
 * Builds the reader for `feature` into `dir` unless it is there already.
 * Returns `{ js, wasm, split, chunks }`: the glue, the main wasm, the link
 * module the glue imports, and the chunks it fetches when a part is shown.
 */
export function buildBackend(dir, { root, crate, feature, release, hash, log }) {
  const stem = stemOf(crate, feature);
  const have = existing(dir, stem);
  if (have) return have;

  const artifact = cargoBuild(root, crate, feature, release, log);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `np-${feature}-`));
  try {
    const splitDir = path.join(tmp, 'split');
    execFileSync('wasm-split-cli', [artifact, splitDir], { stdio: ['ignore', 'ignore', 'inherit'] });
    const bindgenDir = path.join(tmp, 'bindgen');
    execFileSync('wasm-bindgen', ['--target=web', `--out-dir=${bindgenDir}`, `--out-name=${stem}`, '--no-typescript',
      '--keep-lld-exports', ...(NAMES ? ['--keep-debug'] : []), path.join(splitDir, 'main.wasm')], { stdio: 'inherit' });
    const glueFile = path.join(bindgenDir, `${stem}.js`);
    const mainFile = path.join(bindgenDir, `${stem}_bg.wasm`);
    const [lean, leanWasm] = dropDeadExports(fs.readFileSync(glueFile, 'utf8'), fs.readFileSync(mainFile));
    fs.writeFileSync(glueFile, lean);
    fs.writeFileSync(mainFile, leanWasm);

    // Every wasm of the build: the main module and the chunks, by their split names.
    const parts = [['bg', mainFile]];
    for (const f of fs.readdirSync(splitDir).sort()) {
      if (f.endsWith('.wasm') && f !== 'main.wasm') parts.push([f.slice(0, -'.wasm'.length), path.join(splitDir, f)]);
    }
    if (release) {
      const opt = wasmOpt(root);
      for (const [, file] of parts) execFileSync(opt, [...WASM_OPT_ARGS, ...(NAMES ? ['-g'] : []), file, '-o', file], { stdio: 'inherit' });
    }
    const wasm = new Map(parts.map(([part, file]) => [part, fs.readFileSync(file)]));
    const glue = fs.readFileSync(glueFile, 'utf8');
    const link = fs.readFileSync(path.join(splitDir, SPLIT_LINK), 'utf8');

    // One hash names the whole build: its files refer to each other.
    const name = `${stem}-${hash(Buffer.concat([...wasm.values(), Buffer.from(glue), Buffer.from(link)]))}`;
    const fileOf = (part) => `${name}_${part}.wasm`;
    const out = { js: `${name}.js`, wasm: fileOf('bg'), split: `${name}_split.js`, chunks: [] };
    for (const [part, bytes] of wasm) {
      fs.writeFileSync(path.join(dir, fileOf(part)), bytes);
      if (part !== 'bg') out.chunks.push(fileOf(part));
    }
    out.chunks.sort();
    // Only the import specifiers: the keys of the imports object stay the
    // module name the wasm imports from.
    fs.writeFileSync(path.join(dir, out.js), replaceAll(glue, `from "./${SPLIT_LINK}"`, `from "./${out.split}"`, 'the glue\'s import of the link module'));
    fs.writeFileSync(path.join(dir, out.split), linkModule(link, { main: out.js, fileOf, integrity: (part) => sri(wasm.get(part)) }));
    return out;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Subresource Integrity of every file of the reader: SHA-256, one of the
 * three the SRI spec requires browsers to support. Its 44 base64 characters
 * are a third shorter than SHA-384's, and these hashes do not compress: the
 * loader carries eight, the link module one per chunk, and every reader
 * downloads both first.
 */
export const sri = (buf) => `sha256-${createHash('sha256').update(buf).digest('base64')}`;

function replaceAll(text, from, to, what) {
  if (!text.includes(from)) throw new Error(`wasm-split output changed: no ${what} (${from})`);
  return text.split(from).join(to);
}

/**
 * wasm-split-cli's link module with our names: it imports the glue by its
 * hashed name and fetches each chunk by its hashed name with its SRI hash,
 * as the loader fetches the main wasm (CORS, integrity checked).
 */
function linkModule(link, { main, fileOf, integrity }) {
  let text = replaceAll(link, `from "${SPLIT_MAIN_IMPORT}"`, `from "./${main}"`, 'import of the main module');
  const fetches = /fetch\(new URL\("\.\/([A-Za-z0-9_]+)\.wasm", import\.meta\.url\)\)/g;
  if (!fetches.test(text)) throw new Error('wasm-split output changed: no chunk fetch in the link module');
  text = text.replace(fetches, (_, part) =>
    `fetch(new URL(${JSON.stringify(`./${fileOf(part)}`)}, import.meta.url), { integrity: ${JSON.stringify(integrity(part))}, credentials: "same-origin", mode: "cors" })`);
  return text;
}
