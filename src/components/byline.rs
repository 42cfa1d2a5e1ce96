//! Author and source, at the end of the article as the portals print them.

use leptos::prelude::*;

use crate::i18n::tr;

#[component]
pub fn Byline(author: Option<String>, source: Option<String>) -> impl IntoView {
    let author = author.filter(|a| !a.trim().is_empty());
    let source = source.filter(|s| !s.trim().is_empty());
    (author.is_some() || source.is_some()).then(|| view! {
        <p class="np-byline">
            {author.map(|a| view! {
                <span class="np-byline__author">
                    <span class="np-visually-hidden">{tr(|t| t.author)}": "</span>{a}
                </span>
            })}
            {source.map(|s| view! {
                <span class="np-byline__source">{tr(|t| t.source)}": "{s}</span>
            })}
        </p>
    })
}
