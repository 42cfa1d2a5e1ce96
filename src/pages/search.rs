//! `/tim-kiem?q=…`: search results.

use leptos::prelude::*;

use crate::api::ListQuery;
use crate::app::use_i18n;
use crate::components::news_list::NewsList;
use crate::fold;
use crate::route::Route;

#[component]
pub fn SearchPage(route: Memo<Route>) -> impl IntoView {
    let i18n = use_i18n();
    let q = Memo::new(move |_| route.get().search_query());
    view! {
        <NewsList
            query=move || ListQuery { page: route.get().page(), q: Some(q.get()), ..Default::default() }
            title=move || format!("{}: “{}”", i18n.t().search_results, q.get())
            route=route
            main=true
            empty_text=move || i18n.t().no_results.to_string()
            highlight=move || fold::words(&q.get())
        />
    }
}
