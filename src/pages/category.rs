//! `/chuyen-muc/{slug}`: one category's news.

use leptos::prelude::*;

use crate::api::ListQuery;
use crate::app::use_site;
use crate::components::news_list::{ListSpec, NewsList};
use crate::remote::State;
use crate::route::Route;

#[component]
pub fn CategoryPage(route: Memo<Route>) -> impl IntoView {
    let site = use_site();
    let slug = Memo::new(move |_| match route.get() {
        Route::Category { slug, .. } => slug,
        _ => String::new(),
    });
    let spec = Memo::new(move |_| {
        let slug = slug.get();
        // The name from the site's menu; the slug until the menu has loaded.
        let title = match site.state() {
            State::Ready(s) => s.categories.into_iter().find(|c| c.slug == slug).map(|c| c.name),
            _ => None,
        };
        ListSpec {
            title: title.unwrap_or_else(|| slug.clone()),
            query: ListQuery { page: route.get().page(), category: Some(slug), ..Default::default() },
            ..Default::default()
        }
    });
    view! { <NewsList spec=spec route=route main=true/> }
}
