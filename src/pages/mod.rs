//! One route per file.

pub mod article;
pub mod category;
pub mod day;
pub mod home;
pub mod not_found;
pub mod search;

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use crate::split::Part;
use day::DayPage;
use not_found::NotFound;
use search::SearchPage;

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
