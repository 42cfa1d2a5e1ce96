//! The agency footer every Vietnamese government portal carries: governing
//! agency, licence, editor responsible, contact, source notice, badges.

use leptos::prelude::*;

use super::remote_view::dynamic;
use crate::api::Api;
use crate::app::{use_i18n, use_site};
use crate::i18n::Strings;
use crate::model::{Badge, Site};
use crate::remote::State;
use crate::url::{safe_http, safe_image};

#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    view! {
        <footer class="np-footer">
            {dynamic(move || match site.state() {
                State::Ready(s) => view! { <FooterDetails site=s/> }.into_any(),
                _ => ().into_any(),
            })}
        </footer>
    }
}

#[component]
fn FooterDetails(site: Site) -> impl IntoView {
    let i18n = use_i18n();
    let line = move |label: fn(&'static Strings) -> &'static str, value: Option<String>| {
        value.filter(|v| !v.trim().is_empty()).map(|v| view! {
            <p class="np-footer__line">
                <span class="np-footer__label">{label(i18n.t())}": "</span>{v}
            </p>
        })
    };
    let email = site.email.clone().filter(|e| e.contains('@') && !e.contains(['"', '<', '>', ' ']));
    view! {
        <p class="np-footer__name">{site.name}</p>
        {line(|t| t.agency, site.agency)}
        {line(|t| t.licence, site.licence)}
        {line(|t| t.responsible, site.responsible)}
        {line(|t| t.address, site.address)}
        {line(|t| t.phone, site.phone)}
        {email.map(|e| view! {
            <p class="np-footer__line">
                <span class="np-footer__label">{i18n.t().email}": "</span>
                <a href=format!("mailto:{e}")>{e.clone()}</a>
            </p>
        })}
        {site.source_notice.map(|n| view! { <p class="np-footer__notice">{n}</p> })}
        <Badges badges=site.badges/>
    }
}

#[component]
fn Badges(badges: Vec<Badge>) -> impl IntoView {
    let api = expect_context::<Api>();
    let base = api.media_base().to_string();
    (!badges.is_empty()).then(|| view! {
        <ul class="np-badges">
            {badges.into_iter().take(20).map(|b| {
                let img = b.image.as_deref().and_then(|i| safe_image(&base, i));
                let content = match img {
                    Some(src) => view! { <img class="np-badges__img" src=src alt=b.title.clone() loading="lazy" height="40"/> }.into_any(),
                    None => view! { <span class="np-badges__text">{b.title.clone()}</span> }.into_any(),
                };
                match b.url.as_deref().and_then(|u| safe_http(&base, u)) {
                    Some(href) => view! {
                        <li><a href=href target="_blank" rel="noopener noreferrer">{content}</a></li>
                    }.into_any(),
                    None => view! { <li>{content}</li> }.into_any(),
                }
            }).collect_view()}
        </ul>
    })
}
