//! The portal's masthead: its name, linking home, and the category menu.

use leptos::prelude::*;

use super::remote_view::{dynamic, markup};
use crate::html::build;

use super::category_nav::CategoryNav;
use super::language_switch::language_switch;
use super::search_box::search_box;
use super::Ctx;
use crate::api::Api;
use crate::url::safe_http;
use crate::app::{use_i18n, use_site};
use crate::remote::State;
use crate::router::use_router;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let site = use_site();
    let api = expect_context::<Api>();
    let t = i18n.t();
    let home = router.href("/");
    let brand = dynamic(move || {
        let name = match site.state() {
            State::Ready(s) => s.name,
            _ => t.site_fallback_name.to_string(),
        };
        markup(build(|h| {
            h.open("a", &[("class", "np-brand"), ("href", &home)]);
            h.el("span", &[("class", "np-brand__emblem"), ("aria-hidden", "true")], "");
            h.el("span", &[("class", "np-brand__name")], &name).close("a");
        }))
    });
    // "Đăng nhập" only when the site config names a CMS login page.
    let login = dynamic(move || match site.state() {
        State::Ready(s) => match s.login_url.as_deref().and_then(|u| safe_http(api.media_base(), u)) {
            Some(href) => markup(build(|h| {
                h.el("a", &[("class", "np-login"), ("href", &href), ("rel", "noopener")], t.login);
            })),
            None => ().into_any(),
        },
        _ => ().into_any(),
    });
    let cx = Ctx::get();
    // The skip link is the first thing in the reader, inside a landmark.
    let skip = build(|h| {
        h.el("a", &[("class", "np-skip"), ("href", "#np-main")], t.skip_to_content);
    });
    let tools = build(|h| {
        search_box(h, &cx);
        language_switch(h, &cx);
    });
    view! {
        <header class="np-header">
            {markup(skip)}
            <div class="np-header__bar">
                {brand}
                <div class="np-header__tools">
                    {markup(tools)}
                    {login}
                </div>
            </div>
            <CategoryNav/>
        </header>
    }
}
