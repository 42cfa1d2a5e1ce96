// One Lighthouse run (default config = mobile: Moto G Power-sized screen,
// simulated slow 4G, 4× CPU slowdown) in a fresh Chromium of our own.

import lighthouse from 'lighthouse';
import { launchChromium } from './chromium.mjs';

/** Figures we report from a Lighthouse result (null when Lighthouse could not tell). */
export function figures(lhr) {
  const num = (id) => {
    const a = lhr.audits[id];
    return a && typeof a.numericValue === 'number' ? a.numericValue : null;
  };
  const score = (id) => {
    const c = lhr.categories[id];
    return c && typeof c.score === 'number' ? Math.round(c.score * 100) : null;
  };
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    fcp: num('first-contentful-paint'),
    lcp: num('largest-contentful-paint'),
    tbt: num('total-blocking-time'),
    cls: num('cumulative-layout-shift'),
    lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet
      ?? lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.node?.snippet
      ?? null,
    clsElement: (() => {
      const it = lhr.audits['layout-shifts']?.details?.items?.[0];
      return it?.node ? `${it.node.selector || it.node.snippet} (score ${Number(it.score).toFixed(3)})` : null;
    })(),
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    lighthouseVersion: lhr.lighthouseVersion,
    userAgent: lhr.environment?.hostUserAgent ?? null,
    runtimeError: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
    warnings: lhr.runWarnings || [],
    failedAudits: lhr.categories.accessibility?.auditRefs
      ?.filter((r) => r.weight > 0 && lhr.audits[r.id]?.score === 0)
      .map((r) => r.id) ?? [],
  };
}

/**
 * Lighthouse on `url` in a fresh Chromium; at most `timeoutMs` in all.
 * @returns {Promise<ReturnType<typeof figures>>}
 */
export async function runLighthouse(url, { timeoutMs = 150_000, warm = false } = {}) {
  const chrome = await launchChromium();
  let timer;
  const flags = (reset) => ({
    port: chrome.port,
    output: 'json',
    logLevel: 'silent',
    onlyCategories: ['performance', 'accessibility'],
    maxWaitForFcp: 30_000,
    maxWaitForLoad: 45_000,
    // A repeat visit: the first runs fill the HTTP cache (and the worker's), the measured one keeps them.
    disableStorageReset: !reset,
  });
  try {
    // `warm` visits first (true: one), the first from empty storage. The
    // first stays 10 s after its load event: a first visit registers the
    // service worker some seconds after it (tools/register-sw.js).
    const visits = warm === true ? 1 : Number(warm) || 0;
    const lingering = { extends: 'lighthouse:default', settings: { pauseAfterLoadMs: 10_000 } };
    for (let i = 0; i < visits; i++) await lighthouse(url, flags(i === 0), i === 0 ? lingering : undefined);
    const run = lighthouse(url, flags(!visits));
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Lighthouse took more than ${timeoutMs / 1000} s on ${url}`)), timeoutMs);
    });
    const result = await Promise.race([run, timeout]);
    if (!result || !result.lhr) throw new Error(`Lighthouse returned no result for ${url}`);
    const f = figures(result.lhr);
    if (f.runtimeError) throw new Error(`Lighthouse on ${url}: ${f.runtimeError}`);
    return f;
  } finally {
    clearTimeout(timer);
    await chrome.close();
  }
}
