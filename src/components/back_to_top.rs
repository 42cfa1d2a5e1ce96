//! "Lên đầu trang": appears once the reader has scrolled a long way, and
//! takes them (and keyboard focus) back to the top of the reader.

use leptos::ev;
use leptos::prelude::*;
use web_sys::{ScrollBehavior, ScrollIntoViewOptions};

use crate::context::{prefers_reduced_motion, use_landmarks};
use crate::i18n::tr;

/// How far down the page (px) the button appears.
const SHOWN_BELOW: f64 = 1200.0;

#[component]
pub fn BackToTop() -> impl IntoView {
    let landmarks = use_landmarks();
    let (shown, set_shown) = signal(false);
    let handle = window_event_listener(ev::scroll, move |_| {
        let far = window().scroll_y().unwrap_or(0.0) > SHOWN_BELOW;
        if shown.try_get_untracked().is_some_and(|s| s != far) {
            set_shown.try_set(far);
        }
    });
    on_cleanup(move || handle.remove());
    let go = move |_| {
        let opts = ScrollIntoViewOptions::new();
        opts.set_behavior(if prefers_reduced_motion() { ScrollBehavior::Instant } else { ScrollBehavior::Smooth });
        landmarks.host.scroll_into_view_with_scroll_into_view_options(&opts);
        // Focus the skip link: the first thing in the reader.
        if let Some(skip) = landmarks.skip_link.try_get_untracked().flatten() {
            let _ = skip.focus();
        }
    };
    view! {
        // Hidden with `visibility` until needed: out of the tab order and the
        // accessibility tree without extra attributes.
        <button type="button" class="np-back-to-top" class:np-back-to-top--shown=shown on:click=go>
            <span aria-hidden="true">"↑"</span>
            <span class="np-visually-hidden">{tr(|t| t.back_to_top)}</span>
        </button>
    }
}
