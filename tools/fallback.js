// Where the reader cannot start, the loader imports this module (and only
// then: it costs the first load nothing) to say why, in the host element's
// language, inside that element only, with a way on:
// - no WebAssembly, or not what the build needs (iOS Lockdown Mode, some
//   managed devices, a browser below the floor): a link to where the news
//   can be read without the reader (`data-fallback-href`, by default the
//   page itself without the reader's route);
// - anything else (a download that failed): a retry.
// tools/postbuild.mjs fills in PROBE (a module using the floor's wasm
// features, tools/browsers.mjs) and minifies this file.
const PROBE = new Uint8Array(/* PROBE */);

const TEXT = {
  vi: {
    cannot: 'Trình duyệt này không hiển thị được trang tin.',
    why: 'Trang tin cần WebAssembly, trình duyệt hoặc chế độ bảo vệ của thiết bị (như Lockdown Mode trên iPhone) đang tắt nó.',
    open: 'Mở trang tin',
    failed: 'Không tải được trang tin.',
    retry: 'Thử lại',
  },
  en: {
    cannot: 'This browser cannot show the news reader.',
    why: 'The reader needs WebAssembly, which this browser or a protection mode of the device (such as Lockdown Mode on iPhone) turns off.',
    open: 'Open the news page',
    failed: 'The news could not be loaded.',
    retry: 'Try again',
  },
};

/** Whether this browser has WebAssembly with every feature the build uses. */
export function canRun() {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(PROBE);
  } catch {
    return false;
  }
}

/** Where the news can be read without the reader: the page without its route. */
function fallbackHref(el) {
  const named = (el.getAttribute('data-fallback-href') || '').trim();
  if (named) return named;
  const routing = (el.getAttribute('data-routing') || '').trim().toLowerCase();
  if (routing === 'hash') return location.pathname + location.search;
  if (routing === 'query') {
    const params = new URLSearchParams(location.search);
    params.delete('np');
    const search = params.toString();
    return location.pathname + (search ? `?${search}` : '');
  }
  return (el.getAttribute('data-base-path') || '').trim().replace(/\/*$/, '/') || '/';
}

export function show() {
  let el = document.querySelector('[data-news-portal]');
  if (!el) {
    el = document.createElement('div');
    document.body.append(el);
  }
  const lang = (el.getAttribute('data-lang') || '').trim().toLowerCase() === 'en' ? 'en' : 'vi';
  const t = TEXT[lang];
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.lang = lang;
  const say = (text) => {
    const p = document.createElement('p');
    p.textContent = text;
    box.append(p);
  };
  if (canRun()) {
    say(t.failed);
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.textContent = t.retry;
    retry.addEventListener('click', () => location.reload());
    box.append(retry);
  } else {
    say(t.cannot);
    say(t.why);
    const a = document.createElement('a');
    a.href = fallbackHref(el);
    a.textContent = t.open;
    box.append(a);
  }
  // In the reader's shadow root if it has one (the failure came after it
  // was made), else in one of its own: the host page's styles stay out.
  const root = el.shadowRoot || (el.attachShadow ? el.attachShadow({ mode: 'open' }) : el);
  root.replaceChildren(box);
}
