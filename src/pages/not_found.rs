//! Anything that is not a route, and articles the backend does not know.

use leptos::prelude::*;

use crate::app::use_i18n;
use crate::router::use_router;

#[component]
pub fn NotFound(#[prop(optional)] article: bool) -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let t = move || i18n.t();
    view! {
        <div class="np-not-found">
            <h1 class="np-page-title" tabindex="-1">
                {move || if article { t().article_not_found } else { t().page_not_found }}
            </h1>
            <p>{move || if article { t().article_not_found_text } else { t().page_not_found_text }}</p>
            <p><a class="np-not-found__home" href=router.href("/")>{move || t().back_home}</a></p>
        </div>
    }
}
