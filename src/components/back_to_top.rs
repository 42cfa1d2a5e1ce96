//! "Lên đầu trang": appears once the reader has scrolled a long way, and
//! takes them (and keyboard focus) back to the top of the reader.

use leptos::ev;
use leptos::prelude::*;
use web_sys::{ScrollBehavior, ScrollIntoViewOptions};

use crate::app::{prefers_reduced_motion, use_i18n};

#[component]
pub fn BackToTop() -> impl IntoView {
    let t = use_i18n().t();
    let button = NodeRef::<leptos::html::Button>::new();
    // Toggled on the DOM: a signal and a reactive class cost the wasm more.
    let handle = window_event_listener(ev::scroll, move |_| {
        let far = window().scroll_y().unwrap_or(0.0) > 1200.0;
        if let Some(b) = button.get_untracked() {
            let _ = b.class_list().toggle_with_force("np-back-to-top--shown", far);
        }
    });
    on_cleanup(move || handle.remove());
    let go = move |_| {
        let doc = document();
        let Some(host) = doc.query_selector("[data-news-portal]").ok().flatten() else { return };
        let opts = ScrollIntoViewOptions::new();
        opts.set_behavior(if prefers_reduced_motion() { ScrollBehavior::Instant } else { ScrollBehavior::Smooth });
        host.scroll_into_view_with_scroll_into_view_options(&opts);
        // Focus the skip link: the first thing in the reader.
        if let Some(skip) = host.shadow_root().and_then(|r| r.query_selector(".np-skip").ok().flatten()) {
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(skip).focus();
        }
    };
    view! {
        // Hidden with `visibility` until needed: out of the tab order and the
        // accessibility tree without extra attributes.
        <button type="button" class="np-back-to-top" node_ref=button on:click=go>
            <span aria-hidden="true">"↑"</span>
            <span class="np-visually-hidden">{t.back_to_top}</span>
        </button>
    }
}
