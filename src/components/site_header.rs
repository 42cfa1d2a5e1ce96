//! The portal's masthead: its name, linking home, and the category menu.

use leptos::prelude::*;

use super::category_nav::CategoryNav;
use crate::app::{use_i18n, use_site};
use crate::remote::State;
use crate::router::use_router;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let site = use_site();
    let name = move || match site.state() {
        State::Ready(s) => s.name,
        _ => i18n.t().site_fallback_name.to_string(),
    };
    view! {
        <header class="np-header">
            <div class="np-header__bar">
                <a class="np-brand" href=router.href("/")>
                    <span class="np-brand__emblem" aria-hidden="true"></span>
                    <span class="np-brand__name">{name}</span>
                </a>
            </div>
            <CategoryNav/>
        </header>
    }
}
