//! One GET that yields typed JSON or a typed error, with a time limit and
//! cancellation; and the fire-and-forget POST for page hits. On gloo-net.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;
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
    crate::model::decode(&get(url, abort).await?.0).ok_or(ApiError::Invalid)
}

/// Like [`get_json`], with the list's total from WordPress' `X-WP-Total`.
pub async fn get_json_counted<T: DeserializeOwned>(url: &str, abort: &AbortController) -> Result<(T, Option<u64>), ApiError> {
    let (text, total) = get(url, abort).await?;
    Ok((crate::model::decode(&text).ok_or(ApiError::Invalid)?, total))
}

/// GETs `url` within `TIMEOUT`: the body as text, and `X-WP-Total`.
async fn get(url: &str, abort: &AbortController) -> Result<(String, Option<u64>), ApiError> {
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
    result.map_err(|e| match e {
        ApiError::Aborted if timed_out.get() => ApiError::Timeout,
        e => e,
    })
}

async fn fetch(url: &str, abort: &AbortController) -> Result<(String, Option<u64>), ApiError> {
    let signal = abort.signal();
    let aborted_or = |fallback: ApiError| if signal.aborted() { ApiError::Aborted } else { fallback };
    // No custom headers: the GET stays a simple CORS request (no preflight).
    let response: Response = Request::get(url)
        .abort_signal(Some(&signal))
        .credentials(RequestCredentials::Omit)
        .send()
        .await
        .map_err(|_| aborted_or(ApiError::Network))?;
    let status = response.status();
    let headers = response.headers();
    if !(200..=299).contains(&status) {
        return Err(error_status(status));
    }
    // Refused before reading when the size is announced; checked again
    // after, for chunked answers.
    let announced = headers.get("content-length").and_then(|n| n.trim().parse::<u64>().ok());
    if announced.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return Err(ApiError::TooLarge);
    }
    let total = headers.get("x-wp-total").and_then(|n| n.trim().parse::<u64>().ok());
    let text = response.text().await.map_err(|_| aborted_or(ApiError::Network))?;
    if text.len() > MAX_BODY_BYTES {
        return Err(ApiError::TooLarge);
    }
    Ok((text, total))
}

fn error_status(status: u16) -> ApiError {
    match status {
        404 | 410 => ApiError::NotFound,
        status => ApiError::Status(status),
    }
}

/// POSTs a JSON body and forgets it: every failure swallowed, since a hit
/// counter must never cost the reader anything.
pub fn post_and_forget(url: &str, json: String) {
    let request = Request::post(url)
        .credentials(RequestCredentials::Omit)
        .header("Content-Type", "application/json")
        .body(json);
    if let Ok(request) = request {
        leptos::task::spawn_local(async move {
            let _ = request.send().await;
        });
    }
}
