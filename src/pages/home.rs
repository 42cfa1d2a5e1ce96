//! `/`: the hot-news ticker and the latest news.

use leptos::prelude::*;

use crate::api::ListQuery;
use crate::app::use_i18n;
use crate::components::hot_news::HotNewsTicker;
use crate::components::news_list::{ListSpec, NewsList};
use crate::route::Route;

#[component]
pub fn HomePage(route: Memo<Route>) -> impl IntoView {
    let t = use_i18n().t();
    let spec = Memo::new(move |_| ListSpec {
        query: ListQuery::page(route.get().page()),
        title: t.latest_news.to_string(),
        ..Default::default()
    });
    view! {
        <HotNewsTicker/>
        <NewsList spec=spec route=route main=true/>
    }
}
