//! The first screen and what waits for it (issue 13, decision 0009): a GET
//! of the first screen holds the gate while it runs; once the first screen
//! is shown and painted the gate opens, the later sheet is added, and the
//! parts that wait (src/split.rs) are asked for. A leaf: `mount` starts it,
//! everything else only waits on it.

use std::cell::{Cell, RefCell};
use std::task::{Poll, Waker};

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// Starts the first screen's clock: `later` is the sheet of the parts that
/// wait (shadow root, URL, SRI), `on_screen` the loader's watch for the
/// frame being shown. A slow backend holds the skeleton, not the rest: the
/// gate opens after `FIRST_SCREEN_CAP` whatever happens.
#[inline]
pub(crate) fn start(later: Option<(web_sys::ShadowRoot, String, Option<String>)>, on_screen: Option<js_sys::Function>) {
    FIRST_SCREEN.with(|f| {
        *f.later.borrow_mut() = later;
        *f.on_screen.borrow_mut() = on_screen;
    });
    set_timeout(painted, FIRST_SCREEN_CAP);
}

/// The first sheet applies (or failed, or stalled): the first screen may be shown.
#[inline]
pub(crate) fn styled() {
    FIRST_SCREEN.with(|f| f.styled.set(true));
    settled();
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
pub(crate) fn stylesheet(shadow: &web_sys::ShadowRoot, href: &str, integrity: Option<String>, done: impl Fn() + Clone + 'static) -> Result<(), JsValue> {
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
