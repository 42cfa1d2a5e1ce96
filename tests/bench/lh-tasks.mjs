// Where the main thread goes on the first view: one Lighthouse (mobile) run
// of a page of the reader (or of a baseline dist/) against the test backend,
// printing its long tasks, the script bootup of each file, and which
// requests ended before the observed LCP (what Lantern's LCP includes), and
// Lantern's own simulation of that LCP: each request and task it counts, with
// its simulated start and end (the LCP is the last end).
//
//   node tests/bench/lh-tasks.mjs [--dist DIR] [--path /bai-viet/ID/slug]
import path from 'node:path';
import lighthouse from 'lighthouse';
import { LanternLargestContentfulPaint } from 'lighthouse/core/computed/metrics/lantern-largest-contentful-paint.js';
import { launchChromium } from './chromium.mjs';
import { startBackend } from '../server/backend.mjs';
import { startStatic } from '../server/static.mjs';

const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const dist = path.resolve(arg('--dist', 'dist'));
const backend = await startBackend({ port: 0 });
const reader = await startStatic({ dir: dist, port: 0, apiBase: backend.url });
const a = backend.data.articles[0];
const url = reader.url.replace(/\/$/, '') + arg('--path', `/bai-viet/${a.id}/${a.slug}`);
const chrome = await launchChromium();
try {
  const { lhr, artifacts } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'silent', onlyCategories: ['performance'] });
  const ms = (n) => `${Math.round(n)} ms`;
  const lcpEl = lhr.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node; console.log(`LCP element: ${lcpEl?.nodeLabel} (${lcpEl?.selector})`);
  console.log(`${url}\nLCP ${ms(lhr.audits['largest-contentful-paint'].numericValue)}, TBT ${ms(lhr.audits['total-blocking-time'].numericValue)}, CPU index ${lhr.environment.benchmarkIndex}`);
  console.log('long tasks (simulated, start + duration, attributed to):');
  for (const t of lhr.audits['long-tasks']?.details?.items || []) console.log(`  ${ms(t.startTime).padStart(8)} +${ms(t.duration).padStart(7)}  ${t.url}`);
  console.log('bootup per script (total / script evaluation / parse+compile):');
  for (const b of lhr.audits['bootup-time']?.details?.items || []) console.log(`  ${ms(b.total).padStart(8)} ${ms(b.scripting).padStart(8)} ${ms(b.scriptParseCompile).padStart(8)}  ${b.url}`);
  // Lantern counts what ended before the *observed* (unthrottled) LCP: a
  // request listed with * is part of the simulated LCP (decision 0009).
  const m = lhr.audits.metrics.details.items[0];
  console.log(`observed (unthrottled): FCP ${ms(m.observedFirstContentfulPaint)}, LCP ${ms(m.observedLargestContentfulPaint)}; requests (start-end ms, bytes; * = ended before the observed LCP):`);
  for (const q of lhr.audits['network-requests'].details.items) {
    const mark = q.networkEndTime <= m.observedLargestContentfulPaint ? '*' : ' ';
    console.log(`  ${mark} ${String(Math.round(q.networkRequestTime)).padStart(5)}-${String(Math.round(q.networkEndTime)).padEnd(5)} ${String(q.transferSize).padStart(7)}  ${q.url.replace(/^https?:\/\/[^/]+/, '').slice(0, 90)}`);
  }
  // The simulated LCP (Lighthouse 12's computed artifact, recomputed from
  // this run's trace): the mean of an optimistic and a pessimistic graph.
  const settings = artifacts.settings ?? lhr.configSettings;
  const lantern = await LanternLargestContentfulPaint.request({ trace: artifacts.Trace, devtoolsLog: artifacts.DevtoolsLog,
    gatherContext: artifacts.GatherContext, settings, URL: artifacts.URL, SourceMaps: artifacts.SourceMaps, simulator: null },
  { computedCache: new Map(), settings });
  for (const [label, estimate] of [['optimistic', lantern.optimisticEstimate], ['pessimistic', lantern.pessimisticEstimate]]) {
    console.log(`simulated LCP, ${label} graph: ${ms(estimate.timeInMs)} (start-end ms, what)`);
    for (const [node, t] of [...estimate.nodeTimings.entries()].sort((x, y) => x[1].startTime - y[1].startTime)) {
      const what = node.type === 'network'
        ? `${node.request.resourceType} ${node.request.transferSize} B ${node.request.url.replace(/^https?:\/\/[^/]+/, '').slice(0, 70)}`
        : `task, ${Math.round((node.endTime - node.startTime) / 1000)} ms observed`;
      console.log(`  ${String(Math.round(t.startTime)).padStart(5)}-${String(Math.round(t.endTime)).padEnd(5)} ${what}`);
    }
  }
  console.log('main-thread work by category:');
  for (const c of lhr.audits['mainthread-work-breakdown']?.details?.items || []) console.log(`  ${ms(c.duration).padStart(8)}  ${c.groupLabel}`);
} finally {
  await chrome.close();
  await reader.close();
  await backend.close();
}
