//! Grey placeholder lines shown while a widget loads; they reserve roughly
//! the space the content will take, so the page does not jump.

use leptos::prelude::*;

use crate::app::use_i18n;
use crate::html::build;

#[component]
pub fn Skeleton(#[prop(default = 3)] lines: u32) -> impl IntoView {
    let inner = build(|h| {
        h.el("span", &[("class", "np-visually-hidden")], use_i18n().t().loading);
        for _ in 0..lines {
            h.el("span", &[("class", "np-skeleton__line")], "");
        }
    });
    view! { <div class="np-skeleton" aria-busy="true" role="status" inner_html=inner></div> }
}
