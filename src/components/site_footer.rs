//! The agency footer every Vietnamese government portal carries: governing
//! agency, licence, editor responsible, contact, source notice, badges.

use leptos::prelude::*;

use super::remote_view::{dynamic, markup};
use super::Ctx;
use crate::app::use_site;
use crate::html::{build, Html};
use crate::model::{Badge, Site};
use crate::remote::State;
use crate::url::{safe_http, safe_image};

#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    let details = dynamic(move || match site.state() {
        State::Ready(s) => {
            let cx = Ctx::get();
            markup(build(|h| footer_details(h, &cx, &s)))
        }
        _ => ().into_any(),
    });
    view! { <footer class="np-footer">{details}</footer> }
}

fn footer_details(h: &mut Html, cx: &Ctx, site: &Site) {
    let t = cx.t;
    h.el("p", &[("class", "np-footer__name")], &site.name);
    let email = site.email.as_deref().filter(|e| e.contains('@') && !e.contains(['"', '<', '>', ' ']));
    let lines = [
        (t.agency, &site.agency),
        (t.licence, &site.licence),
        (t.responsible, &site.responsible),
        (t.address, &site.address),
        (t.phone, &site.phone),
    ];
    for (label, value) in lines {
        let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty()) else { continue };
        label_line(h, label).text(v).close("p");
    }
    if let Some(e) = email {
        label_line(h, t.email).el("a", &[("href", &format!("mailto:{e}"))], e).close("p");
    }
    if let Some(n) = &site.source_notice {
        h.el("p", &[("class", "np-footer__notice")], n);
    }
    badges(h, cx, &site.badges);
}

/// Opens `<p class="np-footer__line">Label: ` for its value to follow.
fn label_line<'h>(h: &'h mut Html, label: &str) -> &'h mut Html {
    h.open("p", &[("class", "np-footer__line")]).el("span", &[("class", "np-footer__label")], &format!("{label}: "))
}

fn badges(h: &mut Html, cx: &Ctx, badges: &[Badge]) {
    if badges.is_empty() {
        return;
    }
    h.open("ul", &[("class", "np-badges")]);
    for b in badges.iter().take(20) {
        h.open("li", &[]);
        let href = b.url.as_deref().and_then(|u| safe_http(&cx.media, u));
        if let Some(href) = &href {
            h.open("a", &[("href", href), ("target", "_blank"), ("rel", "noopener noreferrer")]);
        }
        match b.image.as_deref().and_then(|i| safe_image(&cx.media, i)) {
            Some(src) => {
                h.open("img", &[("class", "np-badges__img"), ("src", &src), ("alt", &b.title), ("loading", "lazy"), ("height", "40")]);
            }
            None => {
                h.el("span", &[("class", "np-badges__text")], &b.title);
            }
        }
        if href.is_some() {
            h.close("a");
        }
        h.close("li");
    }
    h.close("ul");
}
