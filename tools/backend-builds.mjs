// One wasm per backend (docs/decisions/0007): Trunk builds the Portal
// Content API's (index.html's rust link, `--features portal`); this builds
// the others the same way Trunk does — cargo, wasm-bindgen --target web,
// wasm-opt with index.html's parameters in release — into the staging dir,
// named `<crate>_<backend>-<hash>.js` / `…_bg.wasm`. The loader
// (tools/postbuild.mjs) fetches the one the host element names.

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Every backend, with the build that carries it; the first is Trunk's. */
export const BACKENDS = ['portal', 'wordpress'];

/** `data-<name>="…"` of index.html's rust link. */
function trunkAttr(root, name) {
  const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const link = html.match(/<link\b[^>]*\brel="rust"[^>]*>/s);
  if (!link) throw new Error('index.html has no rust link');
  return link[0].match(new RegExp(`\\bdata-${name}="([^"]*)"`))?.[1] ?? null;
}

/** cargo build of the crate with only `feature`: the wasm's path. */
function cargoBuild(root, crate, feature, release, log) {
  const args = ['build', '--lib', '--target=wasm32-unknown-unknown', '--offline', '--no-default-features',
    '--features', feature, '--message-format=json-render-diagnostics', ...(release ? ['--release'] : [])];
  log(`postbuild: cargo ${args.join(' ')}`);
  const run = spawnSync('cargo', args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`cargo build of the ${feature} reader failed (exit ${run.status})`);
  const wasm = run.stdout.toString('utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l))
    .filter((m) => m.reason === 'compiler-artifact' && m.target?.name === crate && m.target.kind?.includes('cdylib'))
    .flatMap((m) => m.filenames).find((f) => f.endsWith('.wasm'));
  if (!wasm) throw new Error(`cargo built no wasm for the ${feature} reader`);
  return wasm;
}

/**
 * Builds the reader for `feature` into `dir` unless it is there already
 * (running postbuild again on a dist dir). Returns `{ js, wasm }` names.
 */
export function buildBackend(dir, { root, crate, feature, release, hash, log }) {
  const stem = `${crate}_${feature}`;
  const have = fs.readdirSync(dir);
  const js = have.find((f) => new RegExp(`^${stem}-[0-9a-f]{16}\\.js$`).test(f));
  if (js && have.includes(js.replace(/\.js$/, '_bg.wasm'))) return { js, wasm: js.replace(/\.js$/, '_bg.wasm') };

  const artifact = cargoBuild(root, crate, feature, release, log);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `np-${feature}-`));
  try {
    // wasm-opt from npm's binaryen@132 (never Debian's: Trunk.toml), as Trunk finds it.
    const npmOpt = path.join(root, 'node_modules', '.bin', 'wasm-opt');
    const wasmOpt = fs.existsSync(npmOpt) ? npmOpt : 'wasm-opt';
    execFileSync('wasm-bindgen', ['--target=web', `--out-dir=${tmp}`, `--out-name=${stem}`, '--no-typescript', artifact], { stdio: 'inherit' });
    let wasmFile = path.join(tmp, `${stem}_bg.wasm`);
    const level = trunkAttr(root, 'wasm-opt');
    if (release && level && level !== '0') {
      const params = (trunkAttr(root, 'wasm-opt-params') || '').split(/\s+/).filter(Boolean);
      const out = path.join(tmp, `${stem}_opt.wasm`);
      execFileSync(wasmOpt, [`--output=${out}`, `-O${level}`, wasmFile, ...params], { stdio: 'inherit' });
      wasmFile = out;
    }
    const bytes = fs.readFileSync(wasmFile);
    const name = `${stem}-${hash(bytes)}`;
    fs.writeFileSync(path.join(dir, `${name}_bg.wasm`), bytes);
    fs.copyFileSync(path.join(tmp, `${stem}.js`), path.join(dir, `${name}.js`));
    return { js: `${name}.js`, wasm: `${name}_bg.wasm` };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
