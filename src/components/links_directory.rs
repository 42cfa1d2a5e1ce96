//! "Liên kết website": the directory of other agencies' sites. External,
//! opened in a new tab with a safe `rel`; anything not http(s) is skipped.

use leptos::prelude::*;

use crate::api::Api;
use crate::context::use_site;
use crate::i18n::tr;
use crate::model::{Link, LinkGroup};
use crate::remote::State;
use crate::url::safe_http;

/// Bounds on what a backend can make us render.
const MAX_ITEMS: usize = 50;

#[component]
pub fn LinksDirectory() -> impl IntoView {
    let site = use_site();
    let base = expect_context::<Api>().media_base().to_string();
    // Only groups with at least one usable link; nothing at all without any.
    let groups = move || -> Vec<(String, Vec<(String, String)>)> {
        let State::Ready(s) = site.state() else { return Vec::new() };
        s.link_groups
            .into_iter()
            .take(MAX_ITEMS)
            .map(|LinkGroup { name, links }| {
                let usable = links.into_iter().take(MAX_ITEMS);
                (name, usable.filter_map(|Link { title, url }| Some((title, safe_http(&base, &url)?))).collect())
            })
            .filter(|(_, links): &(String, Vec<_>)| !links.is_empty())
            .collect()
    };
    move || {
        let groups = groups();
        (!groups.is_empty()).then(|| view! {
            <section class="np-links" aria-labelledby="np-links-title">
                <h2 class="np-section-title" id="np-links-title">{tr(|t| t.links)}</h2>
                {groups.into_iter().map(|(name, links)| view! {
                    <div class="np-links__group">
                        <h3 class="np-links__name">{name}</h3>
                        <ul class="np-links__list">
                            {links.into_iter().map(|(title, href)| view! {
                                <li><a href=href target="_blank" rel="noopener noreferrer">{title}</a></li>
                            }).collect_view()}
                        </ul>
                    </div>
                }).collect_view()}
            </section>
        })
    }
}
