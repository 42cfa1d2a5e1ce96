// How long an article body takes to render (decision 0006): from the
// article's answer arriving to its last paragraph in the DOM, in headless
// Chromium at 4× CPU slowdown, for builds side by side in one run.
//
//   node tests/bench/body-render.mjs [--runs 9] [--paragraphs 200] [DIST ...]
//
// Two bodies: plain paragraphs (one piece of HTML), and the same with a
// video and a table in the middle (the body split into parts). Prints the
// median and range of each, in ms.
import { launchBrowser, newPage } from '../e2e/harness.mjs';
import { startBackend } from '../server/backend.mjs';
import { startStatic } from '../server/static.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : dflt;
};
const RUNS = opt('runs', 9);
const PARAS = opt('paragraphs', 200);
const dists = args.length ? args : ['dist'];
const ID = '2019-0110-1';
// Opened second, in place, once the article's code is loaded: only the body's render is timed.
const ID2 = '2019-0103-7';
const para = (i) => `<p>Đoạn ${i}: Ủy ban nhân dân tỉnh ban hành <b>kế hoạch</b> triển khai công tác <a href="/x/${i}">thông tin đối ngoại</a>.</p>`;
const plain = Array.from({ length: PARAS }, (_, i) => para(i)).join('');
const half = Array.from({ length: PARAS / 2 }, (_, i) => para(i)).join('');
const mixed = half
  + '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Video"></iframe>'
  + '<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>'
  + Array.from({ length: PARAS / 2 }, (_, i) => para(i + PARAS / 2)).join('');

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function measure(browser, apiBase, dist, body) {
  const stat = await startStatic({ dir: dist, port: 0, apiBase });
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await newPage(browser);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.route(new RegExp(`/articles/(${ID}|${ID2})(\\?|$)`), async (route) => {
      const res = await fetch(route.request().url());
      const json = { ...(await res.json()), body_html: body };
      await route.fulfill({ status: 200, headers: Object.fromEntries(res.headers), body: JSON.stringify(json) });
    });
    await page.goto(`${stat.origin}/bai-viet/${ID}`);
    const last = `Đoạn ${PARAS - 1}:`;
    const rendered = (text) => {
      const body = document.querySelector('[data-news-portal]')?.shadowRoot?.querySelector('.np-article__body');
      return body && body.lastElementChild?.textContent.startsWith(text) ? performance.now() : null;
    };
    await page.waitForFunction(rendered, last, { polling: 5, timeout: 30_000 });
    await page.waitForTimeout(500);
    await page.evaluate((id) => {
      history.pushState(null, '', `/bai-viet/${id}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, ID2);
    await page.waitForFunction((id) => performance.getEntriesByType('resource').some((r) => r.name.includes(`/articles/${id}`)), ID2, { polling: 5 });
    const shown = await page.waitForFunction(rendered, last, { polling: 5, timeout: 30_000 }).then((h) => h.jsonValue());
    const answer = await page.evaluate((id) => {
      const e = performance.getEntriesByType('resource').filter((r) => r.name.includes(`/articles/${id}`)).pop();
      return e ? e.responseEnd : NaN;
    }, ID2);
    times.push(shown - answer);
    await page.context().close();
  }
  await stat.close();
  return times;
}

const browser = await launchBrowser();
const backend = await startBackend({ port: 0 });
console.log(`body render, answer to last paragraph, ${PARAS} paragraphs, 4× CPU, ${RUNS} runs: median (min–max) ms`);
for (const dist of dists) {
  for (const [name, body] of [['plain', plain], ['video+table', mixed]]) {
    const t = await measure(browser, backend.url, dist, body);
    console.log(`${dist.padEnd(24)} ${name.padEnd(12)} ${median(t).toFixed(1).padStart(7)} (${Math.min(...t).toFixed(1)}–${Math.max(...t).toFixed(1)})`);
  }
}
await backend.close();
await browser.close();
