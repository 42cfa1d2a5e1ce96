// Plain-text table: one table, section rows with their own column titles,
// numbers right-aligned.

/**
 * @param {Array<{section?: string, cols?: string[], cells?: string[]}>} rows
 *   a section row: {section, cols: [a, b, c, budget, ok]}; a data row: {cells: [label, a, b, c, budget, ok]}
 */
export function renderTable(rows) {
  const width = [0, 0, 0, 0, 0, 0];
  const lines = rows.map((r) => (r.section !== undefined ? [r.section, ...(r.cols || [])] : r.cells));
  for (const l of lines) l.forEach((c, i) => { width[i] = Math.max(width[i], [...String(c ?? '')].length); });
  const pad = (s, w, right) => {
    const str = String(s ?? '');
    const n = w - [...str].length;
    return right ? ' '.repeat(Math.max(0, n)) + str : str + ' '.repeat(Math.max(0, n));
  };
  const rule = width.map((w) => '-'.repeat(w)).join('-+-');
  const out = [];
  rows.forEach((r, k) => {
    const l = lines[k];
    if (r.section !== undefined) {
      out.push(rule);
      out.push(l.map((c, i) => pad(c, width[i], i >= 1 && i <= 3)).join(' | ').trimEnd());
      out.push(rule);
    } else {
      out.push(l.map((c, i) => pad(c, width[i], i >= 1 && i <= 3)).join(' | ').trimEnd());
    }
  });
  out.push(rule);
  return out.join('\n');
}

export const fmtInt = (n) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : Math.round(n).toLocaleString('en-US'));
export const fmt = (n, d = 1) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
export const kib = (n) => (n === null || n === undefined ? 'n/a' : `${fmt(n / 1024, 1)} KiB`);
export const mark = (ok) => (ok === null || ok === undefined ? '' : ok ? '✓' : '✗');
