//! Anything that is not a route, and articles the backend does not know.

use leptos::prelude::*;

use crate::app::use_i18n;
use crate::components::page_heading::PageHeading;
use crate::components::remote_view::markup;
use crate::html::build;
use crate::router::use_router;

#[component]
pub fn NotFound(#[prop(optional)] article: bool) -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let t = i18n.t();
    let (title, text) = if article {
        (t.article_not_found, t.article_not_found_text)
    } else {
        (t.page_not_found, t.page_not_found_text)
    };
    view! {
        <div class="np-not-found">
            <PageHeading class="np-page-title">{title}</PageHeading>
            {markup(build(|h| {
                h.el("p", &[], text).open("p", &[]);
                h.el("a", &[("class", "np-not-found__home"), ("href", &router.href("/"))], t.back_home).close("p");
            }))}
        </div>
    }
}
