// Where the main thread goes, task by task: a page of the reader in headless
// Chromium with the CPU slowed down (Lighthouse's mobile 4× by default), its
// trace and a CPU profile. For each main-thread task of at least --min ms it
// prints what the trace says the task did, the functions with the most self
// time in it and the reader's own functions by inclusive time. Functions have
// names only in a build that kept them:
//
//   NP_WASM_NAMES=1 NP_SKIP_SETUP=1 scripts/build   (larger; not for serving)
//   node tests/bench/profile.mjs [--dist DIR] [--path /bai-viet/ID/slug] [--rate 4] [--min 20]
//        [--grep REGEX] [--top N]   (which functions by inclusive time; how many per list)
//        [--js-flags FLAGS]          (V8's, e.g. --no-wasm-lazy-compilation)
//
// Found with it (2026-12-05): the carousel's first scrollLeft, read in a frame
// callback, forced a 52 ms layout of the whole new page (decision 0009).
// (2026-12-06): most of the start-up task is V8 compiling the wasm's
// functions on their first call (Liftoff, on the main thread): with
// --js-flags --no-wasm-lazy-compilation, mount_news_portal took 32-67 ms
// at 4x instead of 158-259 ms.
import path from 'node:path';
import { launchPlaywright } from './browser.mjs';
import { startBackend } from '../server/backend.mjs';
import { startStatic } from '../server/static.mjs';

const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const dist = path.resolve(arg('--dist', 'dist'));
const rate = Number(arg('--rate', '4'));
const min = Number(arg('--min', '20')) * 1000;
// Which functions to list by inclusive time (e.g. --grep 'serde|tachys'), and
// how many each list shows.
const grep = new RegExp(arg('--grep', 'news_portal'));
const topN = Number(arg('--top', '6'));

const backend = await startBackend({ port: 0 });
const reader = await startStatic({ dir: dist, port: 0, apiBase: backend.url });
const a = backend.data.articles[0];
const url = reader.url.replace(/\/$/, '') + arg('--path', `/bai-viet/${a.id}/${a.slug}`);
const jsFlags = arg('--js-flags', null);
const browser = await launchPlaywright(jsFlags ? [`--js-flags=${jsFlags}`] : []);
try {
  // Lighthouse's mobile screen.
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,v8', transferMode: 'ReportEvents' });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.waitForTimeout(4000);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await traced;

  // The page's main thread: the renderer thread with the most tasks.
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const count = new Map();
  for (const e of events) if (e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`)) count.set(`${e.pid}:${e.tid}`, (count.get(`${e.pid}:${e.tid}`) || 0) + 1);
  const main = [...count].sort((x, y) => y[1] - x[1])[0]?.[0];
  const onMain = (e) => `${e.pid}:${e.tid}` === main;
  const start = events.find((e) => e.name === 'navigationStart' && onMain(e))?.ts ?? Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  const tasks = events.filter((e) => e.name === 'RunTask' && onMain(e) && e.dur >= min).sort((x, y) => x.ts - y.ts);

  // The profile's samples: time stamps and stacks.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const samples = [];
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    samples.push({ t, id: profile.samples[i], dt: profile.timeDeltas[i] });
  }
  const name = (id) => (byId.get(id).callFrame.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}$/, '');
  const ms = (us) => `${(us / 1000).toFixed(1).padStart(6)} ms`;
  const top = (m, n) => [...m].sort((x, y) => y[1] - x[1]).slice(0, n).map(([k, v]) => `      ${ms(v)}  ${k.slice(0, 140)}`).join('\n');

  console.log(`${url}\nCPU ${rate}× slower; main-thread tasks of ${min / 1000} ms or more (start after navigation, duration):`);
  for (const task of tasks) {
    const end = task.ts + task.dur;
    const inside = events.filter((e) => onMain(e) && e.ts >= task.ts && e.ts < end && e.dur >= 3000 && e.name !== 'RunTask');
    const what = [...new Set(inside.map((e) => e.name + (e.args?.data?.url ? ` ${e.args.data.url.split('/').pop()}` : '')))].slice(0, 6).join(', ');
    console.log(`  ${ms(task.ts - start)} +${ms(task.dur)}  ${what}`);
    const self = new Map();
    const matching = new Map();
    for (const s of samples) {
      if (s.t < task.ts || s.t >= end) continue;
      self.set(name(s.id), (self.get(name(s.id)) || 0) + s.dt);
      const seen = new Set();
      for (let id = s.id; id !== undefined; id = parent.get(id)) {
        const n = name(id);
        if (!grep.test(n) || seen.has(n)) continue;
        seen.add(n);
        matching.set(n, (matching.get(n) || 0) + s.dt);
      }
    }
    if (self.size) console.log(`    self time:\n${top(self, Math.max(5, topN))}`);
    if (matching.size) console.log(`    functions matching ${grep.source} (inclusive):\n${top(matching, topN)}`);
  }
} finally {
  await browser.close();
  await reader.close();
  await backend.close();
}
