//! The aside beside the news: news by date, the visitor figures (when the
//! backend has them), the links directory. Its code waits for the first
//! screen (src/split.rs).

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use super::day_picker::DayPicker;
use super::links_directory::LinksDirectory;
use super::visitor_stats::VisitorStatsWidget;
use crate::split::Part;

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
