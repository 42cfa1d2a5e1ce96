//! Grey placeholder lines shown while a widget loads; they reserve roughly
//! the space the content will take, so the page does not jump.

use leptos::prelude::*;

use crate::app::use_i18n;
use crate::html::build;

/// The skeleton as its own element (not in `markup`'s box), so the CSS can
/// size it: a page's main skeleton reserves the screen (skeleton.css).
pub fn skeleton_view(lines: u32) -> AnyView {
    let t = use_i18n().t();
    let inner = build(|h| {
        h.el("span", &[("class", "np-visually-hidden")], t.loading);
        for _ in 0..lines {
            h.el("span", &[("class", "np-skeleton__line")], "");
        }
    });
    view! { <div class="np-skeleton" aria-busy="true" role="status" inner_html=inner></div> }.into_any()
}
