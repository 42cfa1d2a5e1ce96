//! "Có phiên bản mới — Tải lại": a new version of the reader was deployed
//! and its service worker waits for the open one to let go. The reader takes
//! it when asked: the page loads anew under the new worker. Never on its own
//! (not even at the next link): the new worker may take seconds to take
//! over, and the page would reload under someone already reading.
//!
//! tools/register-sw.js finds the waiting worker; it marks the host element
//! and sends an event, and does the reload when this sends one back.

use leptos::prelude::*;

use crate::context::use_landmarks;
use crate::i18n::tr;

/// Set on the host element, and sent to the window, when a new version waits.
const READY_ATTR: &str = "data-update-ready";
const READY_EVENT: &str = "news-portal:update";
/// Sent to register-sw.js: activate the waiting worker, then reload.
const RELOAD_EVENT: &str = "news-portal:reload";

#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let (ready, set_ready) = signal(use_landmarks().host.has_attribute(READY_ATTR));
    let found = window_event_listener_untyped(READY_EVENT, move |_| {
        set_ready.try_set(true);
    });
    on_cleanup(move || found.remove());
    move || {
        ready.get().then(|| {
            view! {
                <p class="np-update" role="status">
                    {tr(|t| t.update_ready)}" — "
                    <button type="button" class="np-update__reload" on:click=|_| reload()>{tr(|t| t.update_reload)}</button>
                </p>
            }
        })
    }
}

fn reload() {
    if let Ok(e) = web_sys::Event::new(RELOAD_EVENT) {
        let _ = window().dispatch_event(&e);
    }
}
