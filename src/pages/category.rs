//! `/chuyen-muc/{slug}`: one category's news.

use leptos::prelude::*;

use crate::api::ListQuery;
use crate::components::news_list::{ListSpec, NewsList};
use crate::context::use_site;
use crate::remote::State;
use crate::route::Route;
use crate::router::use_route;

#[component]
pub fn CategoryPage() -> impl IntoView {
    let site = use_site();
    let route = use_route();
    let spec = Memo::new(move |_| {
        let (slug, page) = match route.get() {
            Route::Category { slug, page } => (slug, page),
            _ => (String::new(), 1),
        };
        // The name from the site's menu; the slug until the menu has loaded.
        let name = match site.state() {
            State::Ready(s) => s.categories.into_iter().find(|c| c.slug == slug).map(|c| c.name),
            _ => None,
        };
        ListSpec {
            title: name.unwrap_or_else(|| slug.clone()),
            query: ListQuery { page, category: Some(slug), ..Default::default() },
            ..Default::default()
        }
    });
    view! { <NewsList spec=spec main=true/> }
}
