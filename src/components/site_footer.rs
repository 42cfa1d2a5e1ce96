//! The agency footer every Vietnamese government portal carries: governing
//! agency, licence, editor responsible, contact, source notice, badges.

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use super::back_to_top::BackToTop;
use super::status_bar::StatusBar;
use crate::api::Api;
use crate::context::use_site;
use crate::i18n::{tr, Strings};
use crate::model::{Badge, Site};
use crate::remote::State;
use crate::split::Part;
use crate::url::{safe_http, safe_image};

/// A backend cannot make us render a wall of badges.
const MAX_BADGES: usize = 20;

#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    view! {
        <footer class="np-footer">
            {move || match site.state() {
                State::Ready(s) => Some(view! { <FooterDetails site=s/> }),
                _ => None,
            }}
        </footer>
    }
}

/// "Label: value", or nothing for a blank value.
#[component]
fn FooterLine(
    label: fn(&'static Strings) -> &'static str,
    value: Option<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let value = value.filter(|v| !v.trim().is_empty());
    value.map(|v| view! {
        <p class="np-footer__line">
            <span class="np-footer__label">{tr(label)}": "</span>
            {match children {
                Some(c) => c().into_any(),
                None => v.into_any(),
            }}
        </p>
    })
}

#[component]
fn FooterDetails(site: Site) -> impl IntoView {
    let email = site.email.clone().filter(|e| e.contains('@') && !e.contains(['"', '<', '>', ' ']));
    view! {
        <p class="np-footer__name">{site.name}</p>
        <FooterLine label=|t| t.agency value=site.agency/>
        <FooterLine label=|t| t.licence value=site.licence/>
        <FooterLine label=|t| t.responsible value=site.responsible/>
        <FooterLine label=|t| t.address value=site.address/>
        <FooterLine label=|t| t.phone value=site.phone/>
        {email.map(|e| view! {
            <FooterLine label=|t| t.email value=Some(e.clone())>
                <a href=format!("mailto:{e}")>{e.clone()}</a>
            </FooterLine>
        })}
        {site.source_notice.map(|n| view! { <p class="np-footer__notice">{n}</p> })}
        <Badges badges=site.badges/>
    }
}

#[component]
fn Badges(badges: Vec<Badge>) -> impl IntoView {
    let base = expect_context::<Api>().media_base().to_string();
    (!badges.is_empty()).then(|| view! {
        <ul class="np-badges">
            {badges.into_iter().take(MAX_BADGES).map(|b| {
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

/// The agency footer, "Lên đầu trang" and the status bar.
#[wasm_split(below, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn footer() -> Result<Part, SplitLoaderError> {
    Ok(|()| view! { <SiteFooter/> <BackToTop/> <StatusBar/> }.into_any())
}
