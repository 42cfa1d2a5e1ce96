// One small driver over three engines, so that every engine runs the same
// assertions (tests/engines/*.test.mjs):
//   chromium  Debian's Chromium through puppeteer-core (CDP)
//   firefox   Debian's Firefox ESR through puppeteer-core (WebDriver BiDi)
//   webkit    WebKitGTK's MiniBrowser through selenium-webdriver and
//             WebKitWebDriver; it has no headless mode, so it needs a
//             display (scripts/test runs this suite under xvfb-run)
//
// Everything in the page goes through `eval` (a function run in the page)
// and real input: `click` moves the pointer to an element's centre and
// clicks there, `key` and `type` send keys to what has focus. Selectors
// are for the reader's shadow root (`[data-news-portal]`); `host:` in front
// of one means the host page's document.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

import { freePort } from '../e2e/harness.mjs';

export const ENGINES = {
  chromium: '/usr/bin/chromium',
  firefox: '/usr/bin/firefox-esr',
  webkit: '/usr/bin/WebKitWebDriver',
};
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** The engines installed here, or those `NP_ENGINES` (comma list) names. */
export function engines() {
  const wanted = (process.env.NP_ENGINES || 'chromium,firefox,webkit').split(',').map((s) => s.trim()).filter(Boolean);
  return wanted.filter((e) => ENGINES[e] && fs.existsSync(ENGINES[e]) && (e !== 'webkit' || fs.existsSync(MINIBROWSER)));
}

/** The element a selector names, as page code: shadow root first, `host:` for the document. */
const FIND = `(sel) => {
  if (sel.startsWith('host:')) return document.querySelector(sel.slice(5));
  const root = document.querySelector('[data-news-portal]')?.shadowRoot;
  return root ? root.querySelector(sel) : null;
}`;

export async function launch(engine, { width = 1024, height = 768 } = {}) {
  const d = engine === 'webkit' ? await webkit(width, height) : await puppeteerEngine(engine, width, height);
  d.engine = engine;
  /** Waits until `fn(...args)` in the page is truthy; returns its value. */
  d.until = async (fn, args = [], { timeout = 10_000, message } = {}) => {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await d.eval(fn, ...args);
        if (last) return last;
      } catch (e) {
        last = e; // navigation in progress: try again
      }
      if (Date.now() > end) throw new Error(`${engine}: ${typeof message === 'function' ? await message() : message || `timed out: ${fn}`} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  /** The element's text (trimmed), or null. */
  d.text = (sel) => d.eval(new Function('sel', `const el = (${FIND})(sel); return el ? el.textContent.replace(/\\s+/g, ' ').trim() : null;`), sel);
  d.count = (sel) => d.eval(new Function('sel', `const root = document.querySelector('[data-news-portal]')?.shadowRoot; return root ? root.querySelectorAll(sel).length : 0;`), sel);
  /** Waits for a visible element. */
  d.see = (sel, opts = {}) => d.until(new Function('sel', `const el = (${FIND})(sel); if (!el) return false; const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0;`), [sel], { message: `${sel} not visible`, ...opts });
  /** A real click at the centre of the element's first box (a link over two lines has a gap in the middle), scrolled into view first. */
  /** The reader is still: both sheets applied, nothing loading. */
  d.settled = () => d.until(() => {
    const root = document.querySelector('[data-news-portal]')?.shadowRoot;
    if (!root) return true; // the host page's own document
    const links = [...root.querySelectorAll('link[rel="stylesheet"]')];
    return links.length >= 2 && links.every((l) => l.sheet) && !root.querySelector('[aria-busy="true"]');
  }, [], { message: 'the reader did not settle (sheets, loading parts)' });
  d.click = async (sel) => {
    await d.see(sel);
    if (!sel.startsWith('host:')) await d.settled();
    // Where the element is once nothing moves: the point must hit it (or
    // its content) twice in a row, a frame apart.
    const at = await d.until(new Function('sel', `return new Promise((done) => {
      const where = () => {
        const el = (${FIND})(sel);
        el.scrollIntoView({ block: 'center', inline: 'center' });
        const r = el.getClientRects()[0] || el.getBoundingClientRect();
        const x = Math.round(r.left + r.width / 2), y = Math.round(r.top + r.height / 2);
        let hit = document.elementFromPoint(x, y);
        while (hit && hit.shadowRoot && hit.shadowRoot.elementFromPoint(x, y) && hit.shadowRoot.elementFromPoint(x, y) !== hit) hit = hit.shadowRoot.elementFromPoint(x, y);
        return el.contains(hit) ? x + ',' + y : null;
      };
      const a = where();
      requestAnimationFrame(() => requestAnimationFrame(() => done(a && a === where() ? a : null)));
    });`), [sel], { message: `${sel} does not stay under the pointer` });
    const [x, y] = at.split(',').map(Number);
    await d.clickAt(x, y);
  };
  /** Focuses an element from page code (what Tab would reach). */
  d.focus = (sel) => d.eval(new Function('sel', `(${FIND})(sel).focus();`), sel);
  /** Errors the page recorded (tests/engines/errors.js, loaded first by the host page). */
  d.errors = () => d.eval(() => window.__npErrors || ['tests/engines/errors.js did not run']);
  return d;
}

async function puppeteerEngine(engine, width, height) {
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch(engine === 'firefox'
    ? { browser: 'firefox', protocol: 'webDriverBiDi', executablePath: ENGINES.firefox, headless: true }
    : {
      executablePath: ENGINES.chromium, headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  return {
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    eval: (fn, ...args) => page.evaluate(fn, ...args),
    clickAt: (x, y) => page.mouse.click(x, y),
    key: (k) => page.keyboard.press(k),
    type: (s) => page.keyboard.type(s),
    back: () => page.goBack(),
    forward: () => page.goForward(),
    reload: () => page.reload({ waitUntil: 'load' }),
    url: () => page.url(),
    resize: (w, h) => page.setViewport({ width: w, height: h }),
    close: () => browser.close(),
  };
}

async function webkit(width, height) {
  const { Builder, Capabilities, Key } = await import('selenium-webdriver');
  // WebKitWebDriver on a free port; selenium speaks W3C WebDriver to it.
  const port = await freePort();
  const service = spawn(ENGINES.webkit, [`--port=${port}`], { stdio: 'ignore' });
  const server = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${server}/status`)).ok) break;
    } catch {}
    if (i > 100) throw new Error('WebKitWebDriver did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const caps = new Capabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } });
  const driver = await new Builder().usingServer(server).withCapabilities(caps).build();
  await driver.manage().window().setRect({ width, height });
  const KEYS = { ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT, Enter: Key.ENTER, Tab: Key.TAB, Escape: Key.ESCAPE, End: Key.END, Home: Key.HOME };
  return {
    goto: (url) => driver.get(url),
    // Async page code through the script's callback: the same function as
    // puppeteer's evaluate takes, its promise awaited.
    eval: async (fn, ...args) => {
      const r = await driver.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
         Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
           .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ err: String(e && e.stack || e) }));`,
        ...args,
      );
      if (r && 'err' in r) throw new Error(r.err);
      return r ? r.ok : r;
    },
    clickAt: (x, y) => driver.actions({ async: true }).move({ x, y, origin: 'viewport' }).click().perform(),
    key: (k) => driver.actions({ async: true }).sendKeys(KEYS[k] ?? k).perform(),
    type: (s) => driver.actions({ async: true }).sendKeys(s).perform(),
    back: () => driver.navigate().back(),
    forward: () => driver.navigate().forward(),
    reload: () => driver.navigate().refresh(),
    url: () => driver.getCurrentUrl(),
    resize: (w, h) => driver.manage().window().setRect({ width: w, height: h }),
    close: async () => {
      await driver.quit().catch(() => {});
      service.kill();
    },
  };
}
