//! "Liên kết website": the directory of other agencies' sites. External,
//! opened in a new tab with a safe `rel`; anything not http(s) is skipped.

use leptos::prelude::*;

use super::remote_view::dynamic;
use crate::api::Api;
use crate::app::{use_i18n, use_site};
use crate::model::LinkGroup;
use crate::remote::State;
use crate::url::safe_http;

/// Bounds on what a backend can make us render.
const MAX_ITEMS: usize = 50;

#[component]
pub fn LinksDirectory() -> impl IntoView {
    let i18n = use_i18n();
    let site = use_site();
    let base = expect_context::<Api>().media_base().to_string();
    dynamic(move || {
        let State::Ready(s) = site.state() else { return ().into_any() };
        let groups: Vec<(String, Vec<(String, String)>)> = s
            .link_groups
            .into_iter()
            .take(MAX_ITEMS)
            .map(|LinkGroup { name, links }| {
                let links = links.into_iter().take(MAX_ITEMS).filter_map(|l| Some((l.title, safe_http(&base, &l.url)?))).collect();
                (name, links)
            })
            .filter(|(_, links): &(String, Vec<_>)| !links.is_empty())
            .collect();
        if groups.is_empty() {
            return ().into_any();
        }
        view! {
            <section class="np-links" aria-labelledby="np-links-title">
                <h2 class="np-section-title" id="np-links-title">{i18n.t().links}</h2>
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
        }
        .into_any()
    })
}
