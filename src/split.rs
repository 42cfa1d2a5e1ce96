//! What waits: the parts of the reader that its first screen does not show.
//!
//! Each function here is a split point of Leptos' code splitting
//! (`wasm_split`, what `#[lazy]` expands to). The build's wasm-split step
//! (tools/backend-builds.mjs) moves the code only split points reach into
//! chunks of their own, fetched the first time one of them is called, so the
//! first download carries the first screen (decision 0008). Natively (the
//! tests) they are plain calls. The split points are named for when they
//! load: `below` after the first paint, `article` with an article's first
//! render, `home` with the home page's, `pages` for routes that are never a portal's first view. Two more
//! are where their code is: `later` (the head's metadata in src/meta.rs, the
//! hit in src/api/portal.rs) and `demo` (src/api/portal.rs).
//!
//! A view part returns its entry point rather than a built view, so it is
//! built where it is shown, under that place's owner and context
//! (`below_the_fold::deferred`). All are `fallible`: a chunk that cannot be
//! fetched is "network failed, retry", never a panic (`#[lazy]` would
//! `expect` it, and a panic kills the reader).

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use crate::api::ApiError;
use crate::components::article_text::{ArticleText, ArticleTextView};
use crate::components::back_to_top::BackToTop;
use crate::components::day_picker::DayPicker;
use crate::components::hot_news::HotNewsTicker;
use crate::components::links_directory::LinksDirectory;
use crate::components::pagination::Pagination;
use crate::components::related_news::RelatedNews;
use crate::components::site_footer::SiteFooter;
use crate::components::visitor_stats::VisitorStatsWidget;
use crate::model::Article;
use crate::pages::{day::DayPage, not_found::NotFound, search::SearchPage};
use crate::route::Route;

/// A part's entry point, once its code has arrived.
pub type Part<A = ()> = fn(A) -> AnyView;

/// Loads a part's code: the error a reader is shown when it did not arrive.
pub async fn load<A>(part: impl std::future::Future<Output = Result<Part<A>, SplitLoaderError>>) -> Result<Part<A>, ApiError> {
    part.await.map_err(|_| ApiError::Network)
}

/// The aside: news by date, visitor figures (when the backend has them), links.
#[wasm_split(below, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn aside() -> Result<Part<bool>, SplitLoaderError> {
    Ok(|has_visitors| {
        view! {
            <DayPicker/>
            {has_visitors.then(|| view! { <VisitorStatsWidget/> })}
            <LinksDirectory/>
        }
        .into_any()
    })
}

/// The agency footer and "Lên đầu trang".
#[wasm_split(below, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn footer() -> Result<Part, SplitLoaderError> {
    Ok(|()| view! { <SiteFooter/> <BackToTop/> }.into_any())
}

/// "Tin liên quan" under an article, asked of the backend here too.
#[wasm_split(below, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn related() -> Result<Part<Article>, SplitLoaderError> {
    Ok(|article| view! { <RelatedNews article=article/> }.into_any())
}

/// A list's pages, under its last card.
#[wasm_split(below, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn pagination() -> Result<Part<(Route, u32, u32)>, SplitLoaderError> {
    Ok(|(route, current, count)| view! { <Pagination route=route current=current count=count/> }.into_any())
}

/// "Tin nóng" on the home page: its bar's place is kept while it loads.
#[wasm_split(home, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn hot_news() -> Result<Part, SplitLoaderError> {
    Ok(|()| view! { <HotNewsTicker/> }.into_any())
}

/// An article after its lead: reading tools, the sanitiser and the body it
/// makes (videos, table boxes, in-page links), byline, tags.
#[wasm_split(article, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn article_text() -> Result<Part<ArticleText>, SplitLoaderError> {
    Ok(|text| view! { <ArticleTextView text=text/> }.into_any())
}

/// "Không tìm thấy bài viết" for an article that is not there.
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn article_not_found() -> Result<Part, SplitLoaderError> {
    Ok(|()| view! { <NotFound article=true/> }.into_any())
}

/// Search results, a day's news, "not found".
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn page() -> Result<Part<OtherPage>, SplitLoaderError> {
    Ok(|page| match page {
        OtherPage::Search => view! { <SearchPage/> }.into_any(),
        OtherPage::Day => view! { <DayPage/> }.into_any(),
        OtherPage::NotFound => view! { <NotFound/> }.into_any(),
    })
}

/// The routes whose page waits in `pages`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtherPage {
    Search,
    Day,
    NotFound,
}
