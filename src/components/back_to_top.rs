//! "Lên đầu trang": appears once the reader has scrolled a long way, and
//! takes them (and keyboard focus) back to the top of the reader.
//! Static markup; its click is handled at the reader's root (`delegate`).

use leptos::prelude::*;
use web_sys::{Element, ScrollBehavior, ScrollIntoViewOptions};

use super::{reader_root, Ctx};
use crate::app::prefers_reduced_motion;
use crate::html::Html;

pub fn back_to_top(h: &mut Html, cx: &Ctx) {
    // Hidden with `visibility` until needed: out of the tab order and the
    // accessibility tree without extra attributes.
    h.open("button", &[("type", "button"), ("class", "np-back-to-top")]);
    h.el("span", &[("aria-hidden", "true")], "↑");
    h.el("span", &[("class", "np-visually-hidden")], cx.t.back_to_top).close("button");
}

/// Shows the button once the page is scrolled far, for as long as the
/// current owner lives.
pub fn follow_scroll(root: Element) {
    let handle = window_event_listener(leptos::ev::scroll, move |_| {
        let far = window().scroll_y().unwrap_or(0.0) > 1200.0;
        if let Ok(Some(b)) = root.query_selector(".np-back-to-top") {
            let _ = b.class_list().toggle_with_force("np-back-to-top--shown", far);
        }
    });
    on_cleanup(move || handle.remove());
}

pub fn go() {
    let Some(root) = reader_root() else { return };
    let host = root.host();
    let opts = ScrollIntoViewOptions::new();
    opts.set_behavior(if prefers_reduced_motion() { ScrollBehavior::Instant } else { ScrollBehavior::Smooth });
    host.scroll_into_view_with_scroll_into_view_options(&opts);
    // Focus the skip link: the first thing in the reader.
    if let Ok(Some(skip)) = root.query_selector(".np-skip") {
        let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(skip).focus();
    }
}
