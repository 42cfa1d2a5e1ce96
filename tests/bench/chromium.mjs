// Our own headless Debian Chromium with a DevTools port, for Lighthouse.
//
//   const c = await launchChromium();   // c.port, c.pid
//   await c.close();                    // ends the process group we started, removes the profile
//
// Never downloads a browser: it runs /usr/bin/chromium (or NP_CHROMIUM /
// CHROMIUM_PATH). One fresh profile per launch, so every Lighthouse run is cold.

import { spawn } from 'node:child_process';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM = process.env.NP_CHROMIUM || process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The flags the brief asks for, plus the quiet-profile ones chrome-launcher also uses. */
export const LIGHTHOUSE_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--no-default-browser-check',
  '--mute-audio',
  '--password-store=basic',
  '--use-mock-keychain',
];

/** Every Chromium launched here and not yet closed. */
const live = new Set();

/** Close every Chromium this module started (for the runner's cleanup on failure or Ctrl-C). */
export async function closeAllChromium() {
  await Promise.all([...live].map((close) => close()));
}

/**
 * @param {{executable?: string, flags?: string[], timeoutMs?: number}} opts
 * @returns {Promise<{port: number, pid: number, close: () => Promise<void>}>}
 */
export async function launchChromium(opts = {}) {
  const exe = opts.executable || CHROMIUM;
  const profile = await fsp.mkdtemp(path.join(os.tmpdir(), 'np-bench-chromium-'));
  const args = [
    ...(opts.flags || LIGHTHOUSE_FLAGS),
    '--remote-debugging-address=127.0.0.1',
    '--remote-debugging-port=0',
    `--user-data-dir=${profile}`,
    'about:blank',
  ];
  // Its own process group, so close() can end the wrapper script and every
  // Chromium process it started, and nothing else.
  const child = spawn(exe, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let exited = false;
  child.once('exit', () => { exited = true; });
  child.once('error', () => { exited = true; });

  const killGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  const groupAlive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  let closing = null;
  const close = () => {
    if (!closing) {
      closing = (async () => {
        live.delete(close);
        if (child.pid) {
          if (!exited || groupAlive()) killGroup('SIGTERM');
          // Wait for the whole group (renderers, zygotes), not just the main process.
          for (let i = 0; i < 50 && groupAlive(); i++) await new Promise((r) => setTimeout(r, 100));
          if (groupAlive()) {
            killGroup('SIGKILL');
            for (let i = 0; i < 20 && groupAlive(); i++) await new Promise((r) => setTimeout(r, 100));
          }
        }
        await fsp.rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }).catch(() => {});
      })();
    }
    return closing;
  };

  live.add(close);

  const timeoutMs = opts.timeoutMs ?? 30_000;
  try {
    const port = await new Promise((resolve, reject) => {
      let buf = '';
      const timer = setTimeout(() => reject(new Error(`chromium did not open a DevTools port within ${timeoutMs} ms`)), timeoutMs);
      child.once('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`cannot start ${exe}: ${e.message}`));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${exe} exited (${code}) before opening a DevTools port: ${buf.slice(-500)}`));
      });
      child.stderr.on('data', (d) => {
        if (buf.length < 64 * 1024) buf += d;
        const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(buf);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
    });
    child.stderr.resume();
    return { port, pid: child.pid, close };
  } catch (e) {
    await close();
    throw e;
  }
}
