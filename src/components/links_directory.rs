//! "Liên kết website": the directory of other agencies' sites. External,
//! opened in a new tab with a safe `rel`; anything not http(s) is skipped.

use leptos::prelude::*;

use super::remote_view::{dynamic, markup};
use super::Ctx;
use crate::app::use_site;
use crate::html::{build, Html};
use crate::model::LinkGroup;
use crate::remote::State;
use crate::url::safe_http;

/// Bounds on what a backend can make us render.
const MAX_ITEMS: usize = 50;

#[component]
pub fn LinksDirectory() -> impl IntoView {
    let site = use_site();
    dynamic(move || {
        let State::Ready(s) = site.state() else { return ().into_any() };
        let cx = Ctx::get();
        let groups = build(|h| s.link_groups.iter().take(MAX_ITEMS).for_each(|g| group(h, &cx, g)));
        if groups.is_empty() {
            return ().into_any();
        }
        markup(build(|h| {
            h.open("section", &[("class", "np-links"), ("aria-labelledby", "np-links-title")]);
            h.el("h2", &[("class", "np-section-title"), ("id", "np-links-title")], cx.t.links).trusted(&groups);
            h.close("section");
        }))
    })
}

/// One group, or nothing when none of its links is usable.
fn group(h: &mut Html, cx: &Ctx, group: &LinkGroup) {
    let links = group.links.iter().take(MAX_ITEMS).filter_map(|l| Some((&l.title, safe_http(&cx.media, &l.url)?)));
    let mut list = Html::new();
    for (title, href) in links {
        list.open("li", &[]).el("a", &[("href", &href), ("target", "_blank"), ("rel", "noopener noreferrer")], title).close("li");
    }
    if list.is_empty() {
        return;
    }
    h.open("div", &[("class", "np-links__group")]).el("h3", &[("class", "np-links__name")], &group.name);
    h.open("ul", &[("class", "np-links__list")]).trusted(&list.finish()).close("ul").close("div");
}
