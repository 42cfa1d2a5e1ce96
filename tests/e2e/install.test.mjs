// The standalone page can be installed (Chromium's own installability
// checks, through DevTools), and an embedding host page is offered
// nothing of the reader's: no manifest of ours.
//
//   node --test tests/e2e/install.test.mjs    (needs dist/)
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, DIST, startStack, waitForReader } from './harness.mjs';

const T = { timeout: 60_000 };
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'np-install-'));
after(() => fs.rmSync(profile, { recursive: true, force: true }));

test('the standalone dist/index.html is installable: no installability error', T, async () => {
  const stack = await startStack({ apiBase: false });
  // A persistent profile: Chromium never offers installation in incognito.
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await ctx.newPage();
    await page.goto(stack.href('/'));
    await waitForReader(page);
    const cdp = await ctx.newCDPSession(page);
    const { url, errors } = await cdp.send('Page.getAppManifest');
    assert.ok(url.endsWith('/manifest.webmanifest'), url);
    assert.deepEqual(errors, [], 'manifest parse errors');
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
  } finally {
    await ctx.close();
    await stack.close();
  }
});

test('dist/ holds the manifest a standalone page links, and the loader adds none to a host page', () => {
  assert.ok(fs.existsSync(path.join(DIST, 'manifest.webmanifest')));
  assert.doesNotMatch(fs.readFileSync(path.join(DIST, 'news-portal.js'), 'utf8'), /manifest/);
});
