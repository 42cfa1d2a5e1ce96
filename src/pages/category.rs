//! `/chuyen-muc/{slug}`: one category's news.

use leptos::prelude::*;

use crate::api::ListQuery;
use crate::app::use_site;
use crate::components::news_list::NewsList;
use crate::remote::State;
use crate::route::Route;

#[component]
pub fn CategoryPage(route: Memo<Route>) -> impl IntoView {
    let site = use_site();
    let slug = Memo::new(move |_| match route.get() {
        Route::Category { slug, .. } => slug,
        _ => String::new(),
    });
    // The name from the site's menu; the slug until the menu has loaded.
    let title = move || {
        let slug = slug.get();
        match site.state() {
            State::Ready(s) => s.categories.into_iter().find(|c| c.slug == slug).map(|c| c.name).unwrap_or(slug),
            _ => slug,
        }
    };
    view! {
        <NewsList
            query=move || ListQuery { page: route.get().page(), category: Some(slug.get()), ..Default::default() }
            title=title
            route=route
            main=true
        />
    }
}
