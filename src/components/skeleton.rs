//! Grey placeholder lines shown while a widget loads; they reserve roughly
//! the space the content will take, so the page does not jump.

use leptos::prelude::*;

use crate::i18n::tr;

#[component]
pub fn Skeleton(#[prop(default = 3)] lines: u32) -> impl IntoView {
    view! {
        <div class="np-skeleton" aria-busy="true" role="status">
            <span class="np-visually-hidden">{tr(|t| t.loading)}</span>
            {(0..lines).map(|_| view! { <span class="np-skeleton__line"></span> }).collect_view()}
        </div>
    }
}
