// Registers the reader's service worker (tools/service-worker.mjs) where the
// page may have one. A worker belongs to the page's origin, so:
// - the standalone page (`data-standalone`) registers dist/sw.js;
// - a host page registers one only if it opts in with
//   `data-offline="/its/path/sw-host.js"`, a copy of dist/sw-host.js that it
//   serves from its own origin (docs/delivery.md), and loads this script;
// - any other page gets no worker and no caches.
// dist/index.html loads this; it is not part of the reader's first load,
// and it waits for the page's load event.
const el = document.querySelector('[data-news-portal]');
const optIn = el?.getAttribute('data-offline')?.trim();
if (el && (el.hasAttribute('data-standalone') || optIn) && 'serviceWorker' in navigator) {
  const url = optIn ? new URL(optIn, location.href) : new URL('sw.js', import.meta.url);
  // The worker keeps the answers of this API's origin and the reader's
  // files of their own origin, and nothing of any other.
  const api = el.getAttribute('data-api-base')?.trim();
  if (api) url.searchParams.set('api', new URL(api, location.href).origin);
  url.searchParams.set('assets', new URL(import.meta.url).origin);
  addEventListener('load', () => {
    navigator.serviceWorker.register(url).catch((e) => console.warn('news-portal: no offline copy:', e));
  });
}
