//! One visible thing per file, named for what the reader sees.

pub mod article_body;
pub mod article_card;
pub mod article_meta;
pub mod article_view;
pub mod back_to_top;
pub mod breadcrumb;
pub mod byline;
pub mod carousel;
pub mod category_nav;
pub mod day_picker;
pub mod delegate;
pub mod error_notice;
pub mod hot_news;
pub mod language_switch;
pub mod links_directory;
pub mod news_list;
pub mod page_heading;
pub mod pagination;
pub mod published;
pub mod reading_tools;
pub mod remote_view;
pub mod search_box;
pub mod site_footer;
pub mod site_header;
pub mod skeleton;
pub mod tag_list;
pub mod thumbnail;
pub mod visitor_stats;

use crate::i18n::{Lang, Strings};
use crate::router::Router;

/// The reader's shadow root (the reader mounts into the first
/// `[data-news-portal]`).
pub fn reader_root() -> Option<web_sys::ShadowRoot> {
    leptos::prelude::document().query_selector("[data-news-portal]").ok()??.shadow_root()
}

/// What static markup (`crate::html`) needs from the reader's context, read
/// once per fragment.
#[derive(Clone)]
pub struct Ctx {
    pub router: Router,
    pub lang: Lang,
    pub t: &'static Strings,
    /// Where relative media URLs are resolved.
    pub media: String,
    /// Milliseconds since the epoch, for "5 phút trước".
    pub now: f64,
}

impl Ctx {
    pub fn get() -> Ctx {
        let i18n = crate::app::use_i18n();
        Ctx {
            router: crate::router::use_router(),
            lang: i18n.lang(),
            t: i18n.t(),
            media: leptos::prelude::expect_context::<crate::api::Api>().media_base().to_string(),
            now: js_sys::Date::now(),
        }
    }
}
