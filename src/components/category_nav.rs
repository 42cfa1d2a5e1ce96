//! The category menu from the site config; the current one is marked. On a
//! phone it scrolls sideways rather than wrapping into a tall block.

use leptos::prelude::*;

use super::remote_view::{dynamic, error_view};
use crate::app::{use_i18n, use_site};
use crate::remote::State;
use crate::route::Route;
use crate::router::use_router;

/// A menu, not a directory: a backend sending thousands must not freeze it.
const MAX_CATEGORIES: usize = 30;

#[component]
pub fn CategoryNav() -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let site = use_site();
    let current = Memo::new(move |_| match router.route() {
        Route::Category { slug, .. } => Some(slug),
        _ => None,
    });
    let home_current = Memo::new(move |_| matches!(router.route(), Route::Home { .. }));
    view! {
        <nav class="np-nav" aria-label=i18n.t().sections>
            <ul class="np-nav__list">
                <li>
                    <a class="np-nav__link" href=router.href("/")
                        aria-current=move || home_current.get().then_some("page")>{i18n.t().home}</a>
                </li>
                {dynamic(move || match site.state() {
                    State::Ready(s) => s.categories.into_iter().take(MAX_CATEGORIES).map(|c| {
                        let href = router.href(&Route::Category { slug: c.slug.clone(), page: 1 }.to_path());
                        let slug = c.slug;
                        view! {
                            <li>
                                <a class="np-nav__link" href=href
                                    aria-current=move || (current.get().as_deref() == Some(slug.as_str())).then_some("page")>
                                    {c.name}
                                </a>
                            </li>
                        }
                    }).collect_view().into_any(),
                    State::Failed(e) => view! {
                        <li class="np-nav__error">{error_view(e, Callback::new(move |()| site.retry()))}</li>
                    }.into_any(),
                    State::Loading => ().into_any(),
                })}
            </ul>
        </nav>
    }
}
