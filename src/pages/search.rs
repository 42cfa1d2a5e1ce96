//! `/tim-kiem?q=…`: search results.

use leptos::prelude::*;

use crate::api::ListQuery;
use crate::components::news_list::{ListSpec, NewsList};
use crate::fold::Highlight;
use crate::i18n::use_i18n;
use crate::router::use_route;

#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let route = use_route();
    let spec = Memo::new(move |_| {
        let r = route.get();
        let q = r.search_query();
        ListSpec {
            title: format!("{}: “{}”", i18n.t().search_results, q),
            empty_text: Some(i18n.t().no_results),
            highlight: Some(Highlight::of(&q)),
            query: ListQuery { page: r.page(), q: Some(q), ..Default::default() },
            exclude: None,
        }
    });
    view! { <NewsList spec=spec main=true/> }
}
