//! `/tim-kiem?q=…`: search results.

use leptos::prelude::*;

use crate::api::ListQuery;
use crate::app::use_i18n;
use crate::components::news_list::{ListSpec, NewsList};
use crate::fold;
use crate::route::Route;

#[component]
pub fn SearchPage(route: Memo<Route>) -> impl IntoView {
    let i18n = use_i18n();
    let q = Memo::new(move |_| route.get().search_query());
    let spec = Memo::new(move |_| {
        let q = q.get();
        ListSpec {
            title: format!("{}: “{}”", i18n.t().search_results, q),
            empty_text: Some(i18n.t().no_results.to_string()),
            highlight: fold::words(&q),
            query: ListQuery { page: route.get().page(), q: Some(q), ..Default::default() },
            exclude: None,
        }
    });
    view! { <NewsList spec=spec route=route main=true/> }
}
