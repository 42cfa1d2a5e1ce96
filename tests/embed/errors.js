// Loaded first by the host pages of tests/engines/: records what went wrong
// in the page the same way in every engine (WebDriver has no console log in
// WebKit), and counts calls to what a script injected by content would call.
window.__npErrors = [];
window.__npCanary = 0;
addEventListener('error', (e) => {
  // A resource that failed to load (an image of a hostile URL) is not a script error.
  if (e.target && e.target !== window) return;
  window.__npErrors.push(`error: ${e.message} (${e.filename}:${e.lineno})`);
}, true);
addEventListener('unhandledrejection', (e) => window.__npErrors.push(`unhandled rejection: ${e.reason && (e.reason.stack || e.reason)}`));
const consoleError = console.error;
console.error = (...args) => {
  window.__npErrors.push(`console.error: ${args.map(String).join(' ')}`);
  consoleError.apply(console, args);
};
for (const name of ['alert', 'confirm', 'prompt']) {
  window[name] = () => { window.__npCanary += 1; };
}
