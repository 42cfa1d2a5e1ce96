#!/usr/bin/env node
// The README's screenshots, taken from the demo in dist/ (scripts/build first):
//
//   node tools/screenshots.mjs [--out docs/screenshots]
//
// Writes phone.png (360 × 780, the home page, then the first article)
// and desktop.png (1280 × 900, the home page) with Debian's Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, startStack, waitForReader, REPO_ROOT } from '../tests/e2e/harness.mjs';

const outArg = process.argv.indexOf('--out');
const out = path.resolve(outArg > 0 ? process.argv[outArg + 1] : path.join(REPO_ROOT, 'docs', 'screenshots'));
fs.mkdirSync(out, { recursive: true });

const stack = await startStack({ apiBase: false });
const browser = await launchBrowser();
try {
  const shots = [
    { file: 'phone-home.png', viewport: { width: 360, height: 780 }, article: false },
    { file: 'phone-article.png', viewport: { width: 360, height: 780 }, article: true },
    { file: 'desktop.png', viewport: { width: 1280, height: 900 }, article: false },
  ];
  for (const { file, viewport, article } of shots) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce', locale: 'vi-VN' });
    await page.goto(stack.href('/'));
    await waitForReader(page);
    await page.locator('a.np-card__title').first().waitFor();
    if (article) {
      await page.locator('a.np-card__title').first().click();
      await page.locator('.np-article__title').waitFor();
    }
    // The images of the first screen, then the frame after them.
    await page.waitForFunction(() => {
      const root = document.querySelector('[data-news-portal]')?.shadowRoot;
      return [...(root?.querySelectorAll('img') ?? [])]
        .filter((img) => img.getBoundingClientRect().top < innerHeight)
        .every((img) => img.complete);
    });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: path.join(out, file) });
    console.log(path.relative(REPO_ROOT, path.join(out, file)));
    await page.close();
  }
} finally {
  await browser.close();
  await stack.close();
}
