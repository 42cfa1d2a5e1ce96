//! Anything that is not a route, and articles the backend does not know.

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use crate::components::page_heading::PageHeading;
use crate::i18n::{tr, use_i18n};
use crate::router::A;
use crate::split::Part;

#[component]
pub fn NotFound(#[prop(optional)] article: bool) -> impl IntoView {
    let i18n = use_i18n();
    let title = move || if article { i18n.t().article_not_found } else { i18n.t().page_not_found };
    let text = move || if article { i18n.t().article_not_found_text } else { i18n.t().page_not_found_text };
    view! {
        <div class="np-not-found">
            <PageHeading class="np-page-title">{title}</PageHeading>
            <p>{text}</p>
            <p><A href="/" {..} class="np-not-found__home">{tr(|t| t.back_home)}</A></p>
        </div>
    }
}

/// "Không tìm thấy bài viết" for an article that is not there.
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn article_not_found() -> Result<Part, SplitLoaderError> {
    Ok(|()| view! { <NotFound article=true/> }.into_any())
}
