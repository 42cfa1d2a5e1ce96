//! Author and source, at the end of the article as the portals print them.

use leptos::prelude::*;

use crate::app::use_i18n;

#[component]
pub fn Byline(author: Option<String>, source: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let author = author.filter(|a| !a.trim().is_empty());
    let source = source.filter(|s| !s.trim().is_empty());
    (author.is_some() || source.is_some()).then(|| view! {
        <p class="np-byline">
            {author.map(|a| view! {
                <span class="np-byline__author">
                    <span class="np-visually-hidden">{i18n.t().author}": "</span>{a}
                </span>
            })}
            {source.map(|s| view! {
                <span class="np-byline__source">{i18n.t().source}": "{s}</span>
            })}
        </p>
    })
}
