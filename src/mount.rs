//! Start-up: find the host element, read its settings, isolate the reader
//! in a shadow root with its own stylesheet, and mount.

use std::cell::{Cell, RefCell};
use std::task::{Poll, Waker};

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRootInit, ShadowRootMode};

use crate::api::Api;
use crate::app::{App, Config};
use crate::i18n::Lang;
use crate::route::Mode;

fn string_field(config: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(config, &JsValue::from_str(key)).ok()?.as_string().filter(|s| !s.is_empty())
}

/// Called by the loader (`news-portal.js`) once the wasm is ready, with
/// `{ assetBase, css, cssIntegrity, cssLater, cssLaterIntegrity, prefetch }`:
/// where the loader found the assets, and the requests it started.
#[wasm_bindgen]
pub fn mount_news_portal(config: JsValue) {
    // A panic aborts the wasm (panic = "abort"): say why in the console.
    std::panic::set_hook(Box::new(|info| web_sys::console::error_1(&info.to_string().into())));
    if let Err(e) = try_mount(&config) {
        web_sys::console::error_2(&"news-portal: could not start".into(), &e);
    }
}

fn try_mount(js: &JsValue) -> Result<(), JsValue> {
    let doc = document();
    #[cfg_attr(not(feature = "portal"), allow(unused_variables))]
    let asset_base = string_field(js, "assetBase").unwrap_or_else(|| "./".into());
    let host: Element = match doc.query_selector("[data-news-portal]")? {
        Some(el) => el,
        None => {
            let el = doc.create_element("div")?;
            doc.body().ok_or("no body")?.append_child(&el)?;
            el
        }
    };
    // One reader per page; a second element is left alone, not crashed on.
    if host.shadow_root().is_some() {
        return Err("already mounted".into());
    }
    let attr = |name: &str| host.get_attribute(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    if let Ok(requests) = js_sys::Reflect::get(js, &JsValue::from_str("prefetch")).and_then(|p| p.dyn_into::<js_sys::Object>()) {
        crate::api::use_prefetched(requests);
    }
    let wordpress = attr("data-backend").is_some_and(|b| b.eq_ignore_ascii_case("wordpress"));
    let api = match attr("data-api-base") {
        #[cfg(feature = "wordpress")]
        Some(base) if wordpress => Api::wordpress(absolute(&base)?),
        #[cfg(feature = "portal")]
        Some(base) if !wordpress => Api::remote(absolute(&base)?),
        #[cfg(feature = "portal")]
        None => Api::demo(&asset_base),
        // The loader fetches the build of the named backend; a page that
        // loads another one by hand gets this, not a crash.
        #[allow(unreachable_patterns)]
        _ => return Err("this build of the reader has no such backend (see asset-manifest.json)".into()),
    };
    let config = Config {
        api,
        mode: Mode::from_attrs(attr("data-routing").as_deref(), attr("data-base-path").as_deref()),
        lang: attr("data-lang").map(|l| Lang::parse(&l)).unwrap_or_default(),
        standalone: host.has_attribute("data-standalone"),
        host: host.clone(),
    };

    let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    let container: HtmlElement = doc.create_element("div")?.dyn_into()?;
    container.set_class_name("np-host");
    // Once the first screen is shown and painted: what waits may be asked
    // for (src/split.rs), starting with the sheet of the deferred parts.
    let later = string_field(js, "cssLater").map(|href| (shadow.clone(), href, string_field(js, "cssLaterIntegrity")));
    let on_screen = js_sys::Reflect::get(js, &"onScreen".into()).ok().and_then(|f| f.dyn_into().ok());
    FIRST_SCREEN.with(|f| {
        *f.later.borrow_mut() = later;
        *f.on_screen.borrow_mut() = on_screen;
    });
    // A slow backend holds the first screen's skeleton, not the rest.
    set_timeout(painted, FIRST_SCREEN_CAP);
    match string_field(js, "css") {
        Some(href) => {
            // Hidden until our stylesheet applies, so the reader never
            // flashes unstyled; shown anyway if the sheet fails or stalls.
            container.set_hidden(true);
            let c = container.clone();
            stylesheet(&shadow, &href, string_field(js, "cssIntegrity"), move || {
                c.set_hidden(false);
                FIRST_SCREEN.with(|f| f.styled.set(true));
                settled();
            })?;
        }
        None => {
            web_sys::console::warn_1(&"news-portal: no stylesheet given".into());
            FIRST_SCREEN.with(|f| f.styled.set(true));
            settled();
        }
    }
    shadow.append_child(&container)?;
    mount_to(container, move || view! { <App config=config/> }).forget();
    Ok(())
}

/// The first screen: shown once its stylesheet applies and the requests
/// started for it (every GET before the first paint) have ended. Chunks
/// asked for earlier would share the phone's bandwidth and main thread
/// with the headline (issue 13).
struct FirstScreen {
    styled: Cell<bool>,
    requests: Cell<u32>,
    /// The later sheet: shadow root, URL, SRI.
    later: RefCell<Option<(web_sys::ShadowRoot, String, Option<String>)>>,
    /// The loader's `onScreen(shown)`: calls back when the frame being drawn is shown.
    on_screen: RefCell<Option<js_sys::Function>>,
}

const FIRST_SCREEN_CAP: std::time::Duration = std::time::Duration::from_secs(4);

/// Held by a GET of the first screen (src/api/http.rs) while it runs;
/// `None` once the first screen has been painted.
pub(crate) struct FirstScreenRequest(());

pub(crate) fn first_screen_request() -> Option<FirstScreenRequest> {
    if FIRST_PAINT.with(Gate::is_open) {
        return None;
    }
    FIRST_SCREEN.with(|f| f.requests.set(f.requests.get() + 1));
    Some(FirstScreenRequest(()))
}

impl Drop for FirstScreenRequest {
    fn drop(&mut self) {
        FIRST_SCREEN.with(|f| f.requests.set(f.requests.get().saturating_sub(1)));
        settled();
    }
}

/// The first screen is painted: open `FIRST_PAINT` and add the later sheet.
fn painted() {
    if FIRST_PAINT.with(Gate::is_open) {
        return;
    }
    FIRST_PAINT.with(Gate::open);
    let later = FIRST_SCREEN.with(|f| f.later.borrow_mut().take());
    let added = later.map(|(shadow, href, sri)| stylesheet(&shadow, &href, sri, || LATER_STYLES.with(Gate::open)));
    if !matches!(added, Some(Ok(()))) {
        LATER_STYLES.with(Gate::open);
    }
}

/// When nothing of the first screen is pending: its answers are rendered
/// (effects run as microtasks, before the next frame), then that frame is
/// on the screen. Checked again in the frame: an answer may start another
/// request (a WordPress category's id, then its list).
fn settled() {
    let pending = || FIRST_SCREEN.with(|f| !f.styled.get() || f.requests.get() > 0);
    if pending() {
        return;
    }
    request_animation_frame(move || {
        if !pending() {
            on_screen(painted);
        }
    });
}

/// Calls `then` once the frame about to be painted is on the screen. A
/// frame callback runs before its frame's paint, and Chromium presents that
/// paint one or more frames later: the headline's largest-contentful-paint
/// time is then, and Lighthouse counts whatever was asked for before it in
/// that time (decision 0009). The loader's `onScreen` watches for that entry
/// (browser APIs the wasm would pay ~800 B brotli of bindings for); without
/// it, the next task.
fn on_screen(then: fn()) {
    let watch = FIRST_SCREEN.with(|f| f.on_screen.borrow().clone());
    match watch {
        Some(watch) if watch.call1(&JsValue::NULL, &Closure::once_into_js(then)).is_ok() => {}
        _ => set_timeout(then, std::time::Duration::ZERO),
    }
}

/// Something the reader waits for: closed until it happens, then open for good.
struct Gate(RefCell<Option<Vec<Waker>>>);

impl Gate {
    const fn closed() -> Gate {
        Gate(RefCell::new(Some(Vec::new())))
    }
    fn is_open(&self) -> bool {
        self.0.borrow().is_none()
    }
    fn open(&self) {
        for waker in self.0.borrow_mut().take().unwrap_or_default() {
            waker.wake();
        }
    }
    fn wait(gate: &'static std::thread::LocalKey<Gate>) -> impl std::future::Future<Output = ()> {
        std::future::poll_fn(move |cx| {
            gate.with(|g| match &mut *g.0.borrow_mut() {
                Some(waiting) => {
                    waiting.push(cx.waker().clone());
                    Poll::Pending
                }
                None => Poll::Ready(()),
            })
        })
    }
}

thread_local! {
    static FIRST_PAINT: Gate = const { Gate::closed() };
    static LATER_STYLES: Gate = const { Gate::closed() };
    static FIRST_SCREEN: FirstScreen = const {
        FirstScreen { styled: Cell::new(false), requests: Cell::new(0), later: RefCell::new(None), on_screen: RefCell::new(None) }
    };
}

/// Resolves once the first screen has been shown and painted: what waits
/// (src/split.rs) is asked for after it, never ahead of it.
pub(crate) fn first_paint() -> impl std::future::Future<Output = ()> {
    Gate::wait(&FIRST_PAINT)
}

/// Resolves once the sheet of the parts whose code waits is in (or failed,
/// or stalled): such a part is shown when its code and its styles are here.
pub(crate) fn later_styles() -> impl std::future::Future<Output = ()> {
    Gate::wait(&LATER_STYLES)
}

/// Resolves in a task of its own (a zero timeout), so that what follows does
/// not lengthen the task that is running: the parts that wait on one chunk
/// are otherwise all built in the task in which it arrives.
pub(crate) async fn next_task() {
    // A promise that a zero timeout resolves: the smallest code for it here.
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Adds a stylesheet to the shadow root; `done` runs when it has loaded or
/// failed, or after 3 s, whichever comes first, or at once when it is
/// already applied (more than once is harmless).
fn stylesheet(shadow: &web_sys::ShadowRoot, href: &str, integrity: Option<String>, done: impl Fn() + Clone + 'static) -> Result<(), JsValue> {
    let link = document().create_element("link")?;
    link.set_attribute("rel", "stylesheet")?;
    link.set_attribute("href", href)?;
    if let Some(sri) = integrity {
        link.set_attribute("integrity", &sri)?;
        link.set_attribute("crossorigin", "anonymous")?;
    }
    let on_done = Closure::once_into_js(done.clone());
    link.add_event_listener_with_callback("load", on_done.unchecked_ref())?;
    link.add_event_listener_with_callback("error", on_done.unchecked_ref())?;
    set_timeout(done.clone(), std::time::Duration::from_secs(3));
    shadow.append_child(&link)?;
    // A sheet the page preloaded applies at once; its load event comes only
    // after the tasks queued before it (the first answers and their renders).
    if link.dyn_ref::<web_sys::HtmlLinkElement>().and_then(|l| l.sheet()).is_some() {
        done();
    }
    Ok(())
}

/// The API base as an absolute URL: the host page may write a relative one.
fn absolute(base: &str) -> Result<String, JsValue> {
    let page = window().location().href()?;
    Ok(web_sys::Url::new_with_base(base, &page)?.href())
}
