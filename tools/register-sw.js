// Registers the reader's service worker (sw.js, tools/service-worker.mjs)
// on the standalone page only (`data-standalone`): a worker belongs to the
// page's origin, so a page that embeds the reader gets none (an opt-in for
// host pages, with a worker served from their origin, is not built yet).
// dist/index.html loads this; it is not part of the reader's first load,
// and it waits for the page's load event.
const el = document.querySelector('[data-news-portal]');
if (el?.hasAttribute('data-standalone') && 'serviceWorker' in navigator) {
  const url = new URL('sw.js', import.meta.url);
  // The worker keeps the answers of this API's origin, and no other's.
  const api = el.getAttribute('data-api-base')?.trim();
  if (api) url.searchParams.set('api', new URL(api, location.href).origin);
  addEventListener('load', () => {
    navigator.serviceWorker.register(url).catch((e) => console.warn('news-portal: no offline copy:', e));
  });
}
