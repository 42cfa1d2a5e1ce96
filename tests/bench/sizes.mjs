// Raw, gzip -9 and brotli -q 11 sizes of dist files, computed here (not read
// from the manifest), so the figures do not depend on how the build compressed.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export function compressedSizes(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}

/** Files counted against the first-load budget: the code and styles (wasm + JS + CSS). */
export const isBudgeted = (f) => /\.(wasm|m?js|css)$/i.test(f);

/**
 * @param {string} dist
 * @param {string[]} manifestFiles  firstLoad.files of asset-manifest.json
 * @param {string[]} requested      dist files the home page fetched on first load
 * @param {string[]} later          firstLoad.later.files: chunks and the later sheet, fetched
 *                                  when a part below the first screen is shown (not budgeted)
 */
export function sizeTable(dist, manifestFiles, requested, later = []) {
  const all = [...new Set([...manifestFiles, ...requested])];
  const rows = all.map((f) => {
    const buf = fs.readFileSync(path.join(dist, f));
    return {
      file: f,
      inManifest: manifestFiles.includes(f),
      requested: requested.includes(f),
      later: later.includes(f),
      budgeted: isBudgeted(f) && !later.includes(f),
      ...compressedSizes(buf),
    };
  });
  // Biggest first: the wasm is what matters.
  rows.sort((a, b) => b.raw - a.raw);
  const sum = (rs) => rs.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { rows, total: sum(rows), budgeted: sum(rows.filter((r) => r.budgeted)), later: sum(rows.filter((r) => r.later)) };
}
