//! `/`: the hot-news ticker and the latest news.

use leptos::prelude::*;

use crate::api::ListQuery;
use crate::components::below_the_fold::deferred;
use crate::components::news_list::{ListSpec, NewsList};
use crate::i18n::use_i18n;
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
        // Its code waits (src/split.rs); the slot keeps the bar's place.
        <div class="np-hot-slot">{deferred(crate::components::hot_news::hot_news, (), 1)}</div>
        <NewsList spec=spec main=true/>
    }
}
