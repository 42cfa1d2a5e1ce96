//! The category menu from the site config; the current one is marked. On a
//! phone it scrolls sideways rather than wrapping into a tall block.

use leptos::prelude::*;

use super::error_notice::ErrorNotice;
use crate::context::use_site;
use crate::i18n::tr;
use crate::remote::State;
use crate::route::Route;
use crate::router::{use_route, A};

/// A menu, not a directory: a backend sending thousands must not freeze it.
const MAX_CATEGORIES: usize = 30;

#[component]
pub fn CategoryNav() -> impl IntoView {
    let route = use_route();
    let site = use_site();
    let current = Memo::new(move |_| match route.get() {
        Route::Category { slug, .. } => Some(slug),
        _ => None,
    });
    let home_current = Memo::new(move |_| matches!(route.get(), Route::Home { .. }));
    // Rebuilt when the menu arrives, not on each navigation (that would
    // scroll a phone's sideways menu back to its start): only the marks follow.
    let categories = move || match site.state() {
        State::Ready(s) => s.categories.into_iter().take(MAX_CATEGORIES).map(|c| {
            let is_current = {
                let slug = c.slug.clone();
                move || current.with(|cur| cur.as_deref() == Some(slug.as_str())).then_some("page")
            };
            view! {
                <li>
                    <A href=Route::Category { slug: c.slug, page: 1 }.to_path() {..} class="np-nav__link"
                        aria-current=is_current>{c.name}</A>
                </li>
            }
        }).collect_view().into_any(),
        State::Failed(e) => view! {
            <li class="np-nav__error"><ErrorNotice error=e on_retry=move || site.retry()/></li>
        }.into_any(),
        State::Loading => ().into_any(),
    };
    view! {
        <nav class="np-nav" aria-label=tr(|t| t.sections)>
            <ul class="np-nav__list">
                <li>
                    <A href="/" {..} class="np-nav__link" aria-current=move || home_current.get().then_some("page")>
                        {tr(|t| t.home)}
                    </A>
                </li>
                {categories}
            </ul>
        </nav>
    }
}
