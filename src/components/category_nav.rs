//! The category menu from the site config; the current one is marked. On a
//! phone it scrolls sideways rather than wrapping into a tall block.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::remote_view::{dynamic, error_view};
use super::Ctx;
use crate::app::use_site;
use crate::html::build;
use crate::remote::State;
use crate::route::Route;
use crate::router::use_router;

/// A menu, not a directory: a backend sending thousands must not freeze it.
const MAX_CATEGORIES: usize = 30;

#[component]
pub fn CategoryNav() -> impl IntoView {
    let router = use_router();
    let site = use_site();
    let list = NodeRef::<html::Ul>::new();
    let cx = Ctx::get();
    let label = cx.t.sections;
    // Built when the menu arrives, not on each navigation: rebuilding would
    // scroll a phone's sideways menu back to its start.
    let items = move || {
        let state = site.state();
        let cx = Ctx::get();
        build(|h| {
            let mut item = |href: String, name: &str| {
                h.open("li", &[]).el("a", &[("class", "np-nav__link"), ("href", &href)], name).close("li");
            };
            item(cx.router.href("/"), cx.t.home);
            if let State::Ready(s) = state {
                for c in s.categories.iter().take(MAX_CATEGORIES) {
                    item(cx.router.href(&Route::Category { slug: c.slug.clone(), page: 1 }.to_path()), &c.name);
                }
            }
        })
    };
    // Marks the current section; runs after the list is (re)built.
    Effect::new(move |_| {
        let current = match router.route() {
            Route::Home { .. } => Some(router.href("/")),
            Route::Category { slug, .. } => Some(router.href(&Route::Category { slug, page: 1 }.to_path())),
            _ => None,
        };
        let _ = site.state();
        let Some(ul) = list.get() else { return };
        let Ok(links) = ul.query_selector_all("a") else { return };
        for i in 0..links.length() {
            let Some(a) = links.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            if current.is_some() && a.get_attribute("href") == current {
                let _ = a.set_attribute("aria-current", "page");
            } else {
                let _ = a.remove_attribute("aria-current");
            }
        }
    });
    let error = dynamic(move || match site.state() {
        State::Failed(e) => {
            view! { <div class="np-nav__error">{error_view(e, Callback::new(move |()| site.retry()))}</div> }.into_any()
        }
        _ => ().into_any(),
    });
    view! {
        <nav class="np-nav" aria-label=label>
            <ul class="np-nav__list" node_ref=list inner_html=items></ul>
            {error}
        </nav>
    }
}
