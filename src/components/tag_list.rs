//! The article's tags ("Từ khóa"), each a search for that tag.

use leptos::prelude::*;

use crate::app::use_i18n;
use crate::route::Route;
use crate::router::use_router;

#[component]
pub fn TagList(tags: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    // A backend cannot make us render a wall of tags.
    let tags: Vec<String> = tags.into_iter().filter(|t| !t.trim().is_empty()).take(20).collect();
    (!tags.is_empty()).then(|| view! {
        <div class="np-tags">
            <span class="np-tags__label">{i18n.t().tags}": "</span>
            <ul class="np-tags__list">
                {tags.into_iter().map(|t| {
                    let href = router.href(&Route::Search { q: t.clone(), page: 1 }.to_path());
                    view! { <li><a class="np-tags__tag" href=href>{t}</a></li> }
                }).collect_view()}
            </ul>
        </div>
    })
}
