//! One GET that yields typed JSON or a typed error, with a time limit and
//! cancellation; and the fire-and-forget POST for page hits.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};

use super::ApiError;
use crate::model::{decode, FromJson};

/// A reader on a slow phone gets ten seconds before we call it a timeout.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// Bodies above this are refused rather than parsed: no page of this API is
/// anywhere near it, and parsing megabytes freezes a cheap phone.
const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// GETs `url` and decodes it. `abort` cancels it (leaving the page); the
/// timer aborts it too and that is reported as `Timeout`.
pub async fn get_json<T: FromJson>(url: &str, abort: &AbortController) -> Result<T, ApiError> {
    decode(&get_text(url, abort).await?).ok_or(ApiError::Invalid)
}

/// The untyped part of `get_json`, compiled once rather than per type.
async fn get_text(url: &str, abort: &AbortController) -> Result<String, ApiError> {
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
    let result = fetch_text(url, abort).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    let text = result.map_err(|e| match e {
        ApiError::Aborted if timed_out.get() => ApiError::Timeout,
        e => e,
    })?;
    if text.len() > MAX_BODY_BYTES {
        return Err(ApiError::Invalid);
    }
    Ok(text)
}

async fn fetch_text(url: &str, abort: &AbortController) -> Result<String, ApiError> {
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_signal(Some(&abort.signal()));
    init.set_credentials(web_sys::RequestCredentials::Omit);
    let aborted_or = |fallback: ApiError| if abort.signal().aborted() { ApiError::Aborted } else { fallback };
    let promise = web_sys::window()
        .ok_or(ApiError::Network)?
        .fetch_with_str_and_init(url, &init);
    let response: Response = JsFuture::from(promise)
        .await
        .map_err(|_| aborted_or(ApiError::Network))?
        .dyn_into()
        .map_err(|_| ApiError::Network)?;
    match response.status() {
        200..=299 => {}
        404 | 410 => return Err(ApiError::NotFound),
        status => return Err(ApiError::Status(status)),
    }
    let body = response.text().map_err(|_| ApiError::Invalid)?;
    let text = JsFuture::from(body).await.map_err(|_| aborted_or(ApiError::Network))?;
    text.as_string().ok_or(ApiError::Invalid)
}

/// POSTs a JSON body and forgets it: `keepalive` so it survives the reader
/// leaving, and every failure swallowed, since a hit counter must never
/// cost the reader anything.
pub fn post_and_forget(url: &str, json: &str) {
    let Some(window) = web_sys::window() else { return };
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(json));
    init.set_credentials(web_sys::RequestCredentials::Omit);
    let _ = js_sys::Reflect::set(&init, &"keepalive".into(), &JsValue::TRUE);
    if let Ok(headers) = web_sys::Headers::new() {
        let _ = headers.set("Content-Type", "application/json");
        init.set_headers(&headers);
    }
    let promise = window.fetch_with_str_and_init(url, &init);
    wasm_bindgen_futures::spawn_local(async move {
        let _ = JsFuture::from(promise).await;
    });
}
