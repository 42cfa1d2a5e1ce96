//! `/`: the hot-news ticker and the latest news.

use leptos::prelude::*;

use crate::api::ListQuery;
use crate::app::use_i18n;
use crate::components::hot_news::HotNewsTicker;
use crate::components::news_list::{ListSpec, NewsList};
use crate::router::use_route;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let route = use_route();
    let spec = Memo::new(move |_| ListSpec {
        query: ListQuery::page(route.get().page()),
        title: i18n.t().latest_news.to_string(),
        ..Default::default()
    });
    view! {
        <HotNewsTicker/>
        <NewsList spec=spec main=true/>
    }
}
