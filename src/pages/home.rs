//! `/`: the hot-news ticker and the latest news.

use leptos::prelude::*;

use crate::api::ListQuery;
use crate::app::use_i18n;
use crate::components::hot_news::HotNewsTicker;
use crate::components::news_list::NewsList;
use crate::route::Route;

#[component]
pub fn HomePage(route: Memo<Route>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <HotNewsTicker/>
        <NewsList
            query=move || ListQuery::page(route.get().page())
            title=move || i18n.t().latest_news.to_string()
            route=route
            main=true
        />
    }
}
