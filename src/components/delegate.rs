//! Events of the controls that are static markup (skip link, language,
//! back to top, reading tools, carousel and ticker buttons, search and day
//! forms), handled by one listener each on the
//! reader's root: event delegation, as the router does for links. A typed
//! view with its own handler costs the wasm about a kilobyte per control.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, MouseEvent, SubmitEvent};

use super::{back_to_top, carousel, day_picker, hot_news, language_switch, reading_tools, search_box};
use crate::app::I18n;
use crate::router::Router;

fn target(e: &web_sys::Event) -> Option<Element> {
    e.target()?.dyn_into::<Element>().ok()
}

pub fn on_click(e: MouseEvent, router: Router, i18n: I18n) {
    const CONTROLS: &str = ".np-skip, .np-lang, .np-back-to-top, .np-tools button, .np-carousel__controls button, .np-hot__pause";
    let control = target(&e).and_then(|t| t.closest(CONTROLS).ok().flatten());
    let Some(control) = control else { return router.on_click(e) };
    match control.class_name().as_str() {
        c if c.starts_with("np-tools__") => reading_tools::on_click(&control, i18n.t()),
        c if c.starts_with("np-carousel__") => carousel::on_click(&control),
        "np-hot__pause" => hot_news::toggle_pause(&control),
        // A fragment link cannot reach into a shadow root: focus moves by hand.
        "np-skip" => {
            e.prevent_default();
            let main = control.closest(".np").ok().flatten().and_then(|root| root.query_selector("#np-main").ok().flatten());
            if let Some(m) = main {
                let _ = m.unchecked_into::<HtmlElement>().focus();
            }
        }
        "np-lang" => {
            i18n.set(language_switch::switch(i18n.lang()));
            // The reader is rebuilt with a new switch: a keyboard user stays on it.
            let root = control.get_root_node();
            leptos::prelude::request_animation_frame(move || {
                let switch = root.dyn_ref::<web_sys::ShadowRoot>().and_then(|r| r.query_selector(".np-lang").ok().flatten());
                if let Some(s) = switch {
                    let _ = s.unchecked_into::<HtmlElement>().focus();
                }
            });
        }
        _ => back_to_top::go(),
    }
}

pub fn on_submit(e: SubmitEvent, router: Router) {
    let Some(form) = target(&e) else { return };
    let value = form
        .query_selector("input")
        .ok()
        .flatten()
        .and_then(|i| i.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default();
    let to = match form.class_name().as_str() {
        "np-search" => search_box::target(&value),
        "np-day-picker__form" => day_picker::target(&value),
        _ => return,
    };
    e.prevent_default();
    if let Some(path) = to {
        router.navigate(&path);
    }
}

/// Scrolling inside the reader (captured at the root: scroll events do not
/// bubble): the related-news row updates its buttons.
pub fn on_scroll(e: web_sys::Event) {
    if let Some(track) = target(&e).filter(|t| t.class_name() == "np-carousel__track") {
        carousel::update_ends(&track);
    }
}

/// Shows the current search and day in their boxes (after a navigation,
/// and on a results page loaded directly).
pub fn sync_inputs(root: &Element, query: &str, day: &str) {
    for (selector, value) in [("#np-search-q", query), ("#np-day-input", day)] {
        if let Some(input) = root.query_selector(selector).ok().flatten().and_then(|i| i.dyn_into::<HtmlInputElement>().ok()) {
            if input.value() != value {
                input.set_value(value);
            }
        }
    }
}
