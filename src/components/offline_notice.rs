//! "Bạn đang ngoại tuyến": while the device has no network, what the reader
//! shows may be the copy its service worker saved (tools/service-worker.mjs).
//! In the status bar at the bottom of the screen. (When the network comes
//! back, what is on screen is fetched again: src/remote/live.rs, src/app.rs.)

use leptos::ev;
use leptos::prelude::*;

use crate::i18n::tr;

#[component]
pub fn OfflineNotice() -> impl IntoView {
    let (offline, set_offline) = signal(!window().navigator().on_line());
    let online = window_event_listener(ev::online, move |_| {
        set_offline.try_set(false);
    });
    let gone = window_event_listener(ev::offline, move |_| {
        set_offline.try_set(true);
    });
    on_cleanup(move || {
        online.remove();
        gone.remove();
    });
    move || offline.get().then(|| view! { <p class="np-offline" role="status">{tr(|t| t.offline_notice)}</p> })
}
