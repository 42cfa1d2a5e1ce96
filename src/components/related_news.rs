//! "Tin liên quan" under an article: its related news, asked of the backend
//! once the article is shown (WordPress answers them in a request of their
//! own), in the carousel. Its code waits in the `below` chunk (src/split.rs).

use std::rc::Rc;

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use super::carousel::Carousel;
use super::remote_view::remote_view;
use crate::api::Api;
use crate::model::{Article, ArticleSummary};
use crate::remote::Remote;
use crate::split::Part;

#[component]
pub fn RelatedNews(article: Article) -> impl IntoView {
    let api = expect_context::<Api>();
    let article = Rc::new(article);
    let related = Remote::new(|| (), move |(), abort| {
        let (api, article) = (api.clone(), article.clone());
        async move { api.related(&article, &abort).await }
    });
    // None at all: no heading, no empty carousel.
    remote_view(related, 4, |items: Vec<ArticleSummary>| {
        (!items.is_empty()).then(|| view! { <Carousel items=items/> })
    })
}

/// "Tin liên quan" under an article, asked of the backend here too.
#[wasm_split(below, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn related() -> Result<Part<Article>, SplitLoaderError> {
    Ok(|article| view! { <RelatedNews article=article/> }.into_any())
}
