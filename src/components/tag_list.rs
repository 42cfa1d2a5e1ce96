//! The article's tags ("Từ khóa"), each a search for that tag.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::route::Route;
use crate::router::A;

/// A backend cannot make us render a wall of tags.
const MAX_TAGS: usize = 20;

#[component]
pub fn TagList(tags: Vec<String>) -> impl IntoView {
    let tags: Vec<String> = tags.into_iter().filter(|t| !t.trim().is_empty()).take(MAX_TAGS).collect();
    (!tags.is_empty()).then(|| view! {
        <div class="np-tags">
            <span class="np-tags__label">{tr(|t| t.tags)}": "</span>
            <ul class="np-tags__list">
                {tags.into_iter().map(|t| view! {
                    <li><A href=Route::Search { q: t.clone(), page: 1 }.to_path() {..} class="np-tags__tag">{t}</A></li>
                }).collect_view()}
            </ul>
        </div>
    })
}
