//! One GET that yields typed JSON or a typed error, with a time limit and
//! cancellation; and the fire-and-forget POST for page hits. On gloo-net.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::{Request, Response};
use js_sys::{Function, Object, Promise, Reflect};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestCredentials};

use super::ApiError;

/// A reader on a slow phone gets ten seconds before we call it a timeout.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// Bodies above this are refused rather than parsed: no page of this API is
/// anywhere near it, and parsing megabytes freezes a cheap phone.
const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// GETs `url` and decodes it. `abort` cancels it (leaving the page); the
/// timer aborts it too and that is reported as `Timeout`.
pub async fn get_json<T: DeserializeOwned>(url: &str, abort: &AbortController) -> Result<T, ApiError> {
    crate::model::decode(&get(url, abort).await?.text).ok_or(ApiError::Invalid)
}

/// What a list's answer says besides its body.
pub struct Meta {
    /// WordPress' `X-WP-Total`.
    #[cfg_attr(not(feature = "wordpress"), allow(dead_code))]
    pub total: Option<u64>,
    /// When the reader's service worker saved the copy it answered with
    /// (`X-NP-Saved`, RFC 3339; tools/service-worker.mjs); `None` from the
    /// network.
    pub saved_at: Option<String>,
}

/// Like [`get_json`], with what the answer's headers say of it.
pub async fn get_json_meta<T: DeserializeOwned>(url: &str, abort: &AbortController) -> Result<(T, Meta), ApiError> {
    let Answer { text, meta } = get(url, abort).await?;
    Ok((crate::model::decode(&text).ok_or(ApiError::Invalid)?, meta))
}

/// A body read, whoever read it, and its headers' [`Meta`].
struct Answer {
    text: String,
    meta: Meta,
}

/// What the reader's requests have met so far: whether the network is
/// really there (src/remote/live.rs, after `online`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Traffic {
    /// Requests to the API not ended yet.
    pub pending: u32,
    /// Requests that got no answer, a part's code among them
    /// (src/split.rs): the network failed, or the time limit.
    pub unanswered: u32,
    /// Answers that were the service worker's saved copy, not the network's.
    pub saved: u32,
}

thread_local! {
    static TRAFFIC: Cell<Traffic> = const { Cell::new(Traffic { pending: 0, unanswered: 0, saved: 0 }) };
}

pub fn traffic() -> Traffic {
    TRAFFIC.with(Cell::get)
}

/// Counts a request that got no answer.
pub fn unanswered() {
    count(|t| t.unanswered += 1);
}

fn count(f: impl FnOnce(&mut Traffic)) {
    TRAFFIC.with(|t| {
        let mut now = t.get();
        f(&mut now);
        t.set(now);
    });
}

/// A request in [`Traffic::pending`] until it is dropped.
struct Pending;

impl Pending {
    fn new() -> Self {
        count(|t| t.pending += 1);
        Pending
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        count(|t| t.pending -= 1);
    }
}

/// GETs `url` within `TIMEOUT`: the body as text, and its [`Meta`].
async fn get(url: &str, abort: &AbortController) -> Result<Answer, ApiError> {
    // What waits (chunks, the later sheet) is asked for after this ends.
    let _first_screen = crate::first_screen::first_screen_request();
    let _pending = Pending::new();
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let (timed_out, abort) = (timed_out.clone(), abort.clone());
        leptos::prelude::set_timeout_with_handle(
            move || {
                timed_out.set(true);
                abort.abort();
            },
            TIMEOUT,
        )
        .ok()
    };
    let result = fetch(url, abort).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    let result = result.map_err(|e| match e {
        ApiError::Aborted if timed_out.get() => ApiError::Timeout,
        e => e,
    });
    match &result {
        Err(ApiError::Network | ApiError::Timeout) => unanswered(),
        Ok(Answer { meta: Meta { saved_at: Some(_), .. }, .. }) => count(|t| t.saved += 1),
        _ => {}
    }
    result
}

async fn fetch(url: &str, abort: &AbortController) -> Result<Answer, ApiError> {
    if let Some(answer) = take_prefetched(url) {
        if let Some(result) = prefetched(answer, abort).await {
            return result;
        }
        // The loader's request failed on the network: ask again.
    }
    let signal = abort.signal();
    let aborted_or = |fallback: ApiError| if signal.aborted() { ApiError::Aborted } else { fallback };
    // No custom headers: the GET stays a simple CORS request (no preflight).
    let response: Response = Request::get(url)
        .abort_signal(Some(&signal))
        .credentials(RequestCredentials::Omit)
        .send()
        .await
        .map_err(|_| aborted_or(ApiError::Network))?;
    let headers = response.headers();
    ok_status(response.status())?;
    // Refused before reading when the size is announced; checked again
    // after, for chunked answers.
    let announced = headers.get("content-length").and_then(|n| n.trim().parse::<u64>().ok());
    if announced.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return Err(ApiError::TooLarge);
    }
    let (total, saved) = (headers.get("x-wp-total"), headers.get("x-np-saved"));
    let text = response.text().await.map_err(|_| aborted_or(ApiError::Network))?;
    accept(text, total, saved)
}

thread_local! {
    /// The first view's requests, started by the loader while the wasm
    /// downloaded: URL → `{ p: Promise<answer>, abort() }` (see
    /// tools/postbuild.mjs, `loaderSource`). Each is taken once.
    static PREFETCHED: RefCell<Option<Object>> = const { RefCell::new(None) };
}

/// Hands the loader's requests over to the client.
pub fn use_prefetched(requests: Object) {
    PREFETCHED.with(|p| *p.borrow_mut() = Some(requests));
}

fn take_prefetched(url: &str) -> Option<Object> {
    PREFETCHED.with(|p| {
        let all = p.borrow();
        let all = all.as_ref()?;
        let key = JsValue::from_str(url);
        let entry = Reflect::get(all, &key).ok()?.dyn_into::<Object>().ok()?;
        let _ = Reflect::delete_property(all, &key);
        Some(entry)
    })
}

/// The loader's answer for a URL, read as `fetch` reads its own; `None`
/// when it failed on the network (the caller asks again). Aborting ours
/// aborts the loader's, so leaving the page still cancels it.
async fn prefetched(entry: Object, abort: &AbortController) -> Option<Result<Answer, ApiError>> {
    let field = |o: &JsValue, k: &str| Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    let promise = field(&entry, "p").dyn_into::<Promise>().ok()?;
    if let Ok(cancel) = field(&entry, "abort").dyn_into::<Function>() {
        let on_abort = Closure::once_into_js(move || {
            let _ = cancel.call0(&JsValue::NULL);
        });
        let _ = abort.signal().add_event_listener_with_callback("abort", on_abort.unchecked_ref());
    }
    // The loader's promise never rejects: it says what happened.
    let answer = JsFuture::from(promise).await.ok()?;
    let flag = |k: &str| field(&answer, k).is_truthy();
    if flag("network") {
        return None;
    }
    if flag("aborted") {
        return Some(Err(if flag("timeout") { ApiError::Timeout } else { ApiError::Aborted }));
    }
    if flag("tooLarge") {
        return Some(Err(ApiError::TooLarge));
    }
    if let Err(e) = ok_status(field(&answer, "status").as_f64().unwrap_or(0.0) as u16) {
        return Some(Err(e));
    }
    let text = field(&answer, "text").as_string()?;
    Some(accept(text, field(&answer, "total").as_string(), field(&answer, "saved").as_string()))
}

/// A body read, whoever read it: refused when too large.
fn accept(text: String, total: Option<String>, saved_at: Option<String>) -> Result<Answer, ApiError> {
    if text.len() > MAX_BODY_BYTES {
        return Err(ApiError::TooLarge);
    }
    Ok(Answer { text, meta: Meta { total: total.and_then(|n| n.trim().parse::<u64>().ok()), saved_at } })
}

fn ok_status(status: u16) -> Result<(), ApiError> {
    match status {
        200..=299 => Ok(()),
        status => Err(error_status(status)),
    }
}

fn error_status(status: u16) -> ApiError {
    match status {
        404 | 410 => ApiError::NotFound,
        status => ApiError::Status(status),
    }
}

/// POSTs a JSON body and forgets it: every failure swallowed, since a hit
/// counter must never cost the reader anything. As `text/plain` (a
/// CORS-safelisted type: no preflight before it, nothing ahead of the
/// reader's data) and `keepalive` (it survives the reader leaving the page).
/// gloo-net's builder has no keepalive, so the request is built with
/// web-sys and sent by gloo-net.
#[cfg(feature = "portal")]
pub fn post_and_forget(url: &str, json: String) {
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    // web-sys has no setter for `keepalive` yet.
    let _ = Reflect::set(&init, &JsValue::from_str("keepalive"), &JsValue::TRUE);
    init.set_credentials(RequestCredentials::Omit);
    init.set_body(&JsValue::from_str(&json));
    let Ok(request) = web_sys::Request::new_with_str_and_init(url, &init) else { return };
    let _ = request.headers().set("Content-Type", "text/plain;charset=UTF-8");
    let request = Request::from(request);
    leptos::task::spawn_local(async move {
        let _ = request.send().await;
    });
}
