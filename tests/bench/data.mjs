// A throw-away dataset for the scaling measurement: the demo's site, hot news
// and visitor figures, and `count` article summaries made from the demo's
// real ones (same titles, summaries, thumbnails and categories, cycled; unique
// ids and dates), so every card costs what a real card costs.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export async function makeScalingData(demoDir, count) {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'np-bench-data-'));
  for (const f of ['site.json', 'hot.json', 'visitors.json']) {
    if (fs.existsSync(path.join(demoDir, f))) await fsp.copyFile(path.join(demoDir, f), path.join(dir, f));
  }
  if (fs.existsSync(path.join(demoDir, 'media'))) await fsp.symlink(path.resolve(demoDir, 'media'), path.join(dir, 'media'), 'dir');
  const list = JSON.parse(await fsp.readFile(path.join(demoDir, 'articles.json'), 'utf8'));
  const seeds = Array.isArray(list) ? list : list.items;
  if (!seeds?.length) throw new Error(`${demoDir}/articles.json has no articles`);
  const start = Date.UTC(2024, 0, 1, 1, 0, 0);
  const items = Array.from({ length: count }, (_, i) => {
    const s = seeds[i % seeds.length];
    return {
      ...s,
      id: `bench-${i + 1}`,
      slug: `${s.slug || 'tin'}-${i + 1}`,
      // Newest first = bench-1; one per 37 minutes.
      published_at: new Date(start - i * 37 * 60_000).toISOString().slice(0, 19) + 'Z',
      views: (s.views || 0) + i,
    };
  });
  await fsp.writeFile(path.join(dir, 'articles.json'), JSON.stringify({ items, page: 1, per_page: count, total: count }));
  return {
    dir,
    close: () => fsp.rm(dir, { recursive: true, force: true }),
  };
}
