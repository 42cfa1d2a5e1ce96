// Registers the reader's service worker (tools/service-worker.mjs) where the
// page may have one. A worker belongs to the page's origin, so:
// - the standalone page (`data-standalone`) registers dist/sw.js;
// - a host page registers one only if it opts in with
//   `data-offline="/its/path/sw-host.js"`, a copy of dist/sw-host.js that it
//   serves from its own origin (docs/delivery.md), and loads this script;
// - any other page gets no worker and no caches.
// dist/index.html loads this; it is not part of the reader's first load.
// It marks the host element `data-worker="registered"` (or "refused") once
// the browser has answered.
const el = document.querySelector('[data-news-portal]');
const optIn = el?.getAttribute('data-offline')?.trim();
if (el && (el.hasAttribute('data-standalone') || optIn) && 'serviceWorker' in navigator) {
  const url = optIn ? new URL(optIn, location.href) : new URL('sw.js', import.meta.url);
  // The worker keeps the answers of this API's origin and the reader's
  // files of their own origin, and nothing of any other.
  const api = el.getAttribute('data-api-base')?.trim();
  if (api) url.searchParams.set('api', new URL(api, location.href).origin);
  url.searchParams.set('assets', new URL(import.meta.url).origin);
  const register = () => navigator.serviceWorker.register(url).then((reg) => {
    el.setAttribute('data-worker', 'registered');
    // A browser that blocks workers may answer with no registration.
    if (reg) offerUpdates(reg);
  }, (e) => {
    el.setAttribute('data-worker', 'refused');
    console.warn('news-portal: no offline copy:', e);
  });
  // A first visit registers after the reader's start-up, when the page is
  // idle: the worker's script and its precache beside the reader's wasm
  // start-up cost the first visit ~100 ms of blocking time (Lighthouse's
  // TBT 168/210 ms against 47/118 without the worker, tests/bench,
  // 2026-12-06). A page the worker controls already registers at once (a
  // check for a new version).
  const idle = (f) => (self.requestIdleCallback ? requestIdleCallback(f, { timeout: 5000 }) : setTimeout(f));
  addEventListener('load', () => {
    if (navigator.serviceWorker.controller) register();
    else setTimeout(() => idle(register), 3000);
  });
}

// A new deploy: its worker installs and waits while this page is open (it
// must not change the files under a reader). The reader is told
// (`data-update-ready` on its element, the `news-portal:update` event) and
// offers "Tải lại" (src/components/update_prompt.rs); when the reader sends
// `news-portal:reload`, the waiting worker takes over and the page reloads.
// Taking over waits for the old worker's requests in flight (about 1 s
// measured, at times over 10 s): after 3 s the page reloads anyway, and the
// new version comes at the next load.
function offerUpdates(reg) {
  const offer = () => {
    // No controller: the first worker of this page, not an update.
    if (!reg.waiting || !navigator.serviceWorker.controller) return;
    el.setAttribute('data-update-ready', '');
    dispatchEvent(new Event('news-portal:update'));
  };
  offer();
  reg.addEventListener('updatefound', () => {
    const w = reg.installing;
    w?.addEventListener('statechange', () => w.state === 'installed' && offer());
  });
  addEventListener('news-portal:reload', () => {
    if (!reg.waiting) return location.reload();
    const reload = () => location.reload();
    navigator.serviceWorker.addEventListener('controllerchange', reload, { once: true });
    setTimeout(reload, 3000);
    reg.waiting.postMessage({ type: 'SKIP_WAITING' });
  });
  // A reader left open for days looks for a new version when it comes back
  // to the tab or to the network (the browser itself looks at each page load).
  const check = () => reg.update().catch(() => {});
  addEventListener('online', check);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check());
}
