//! The portal's masthead: the skip link, its name linking home, search,
//! language, login, and the category menu.

use leptos::html;
use leptos::prelude::*;

use super::category_nav::CategoryNav;
use super::language_switch::LanguageSwitch;
use super::search_box::SearchBox;
use crate::api::Api;
use crate::context::{use_landmarks, use_site};
use crate::i18n::{tr, use_i18n};
use crate::remote::State;
use crate::router::A;
use crate::url::safe_http;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    let site = use_site();
    let api = expect_context::<Api>();
    let landmarks = use_landmarks();
    let name = move || match site.state() {
        State::Ready(s) => s.name,
        _ => i18n.t().site_fallback_name.to_string(),
    };
    // A tagline only when the backend has one (WordPress' description).
    let tagline = move || match site.state() {
        State::Ready(s) => s.description.map(|d| view! { <span class="np-brand__tagline">{d}</span> }),
        _ => None,
    };
    // "Đăng nhập" only when the site config names a CMS login page.
    let login = move || match site.state() {
        State::Ready(s) => s.login_url.as_deref().and_then(|u| safe_http(api.media_base(), u)).map(|href| {
            view! { <a class="np-login" href=href rel="noopener">{tr(|t| t.login)}</a> }
        }),
        _ => None,
    };
    view! {
        <header class="np-header">
            <SkipLink node_ref=landmarks.skip_link main=landmarks.main/>
            <div class="np-header__bar">
                <A href="/" {..} class="np-brand">
                    <span class="np-brand__emblem" aria-hidden="true"></span>
                    <span class="np-brand__name">{name}{tagline}</span>
                </A>
                <div class="np-header__tools">
                    <SearchBox/>
                    <LanguageSwitch/>
                    {login}
                </div>
            </div>
            <CategoryNav/>
        </header>
    }
}

/// "Bỏ qua để xem nội dung": the first thing in the reader, inside a
/// landmark. A fragment link cannot reach into a shadow root, so focus
/// moves to the main region by hand.
#[component]
fn SkipLink(node_ref: NodeRef<html::A>, main: NodeRef<html::Main>) -> impl IntoView {
    let skip = move |e: leptos::ev::MouseEvent| {
        e.prevent_default();
        if let Some(m) = main.get_untracked() {
            let _ = m.focus();
        }
    };
    view! { <a class="np-skip" href="#np-main" node_ref=node_ref on:click=skip>{tr(|t| t.skip_to_content)}</a> }
}
