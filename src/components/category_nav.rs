//! The category menu from the site config; the current one is marked. On a
//! phone it scrolls sideways rather than wrapping into a tall block.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::remote_view::{dynamic, error_view, markup};
use super::Ctx;
use crate::app::use_site;
use crate::html::build;
use crate::model::Category;
use crate::remote::State;
use crate::route::Route;
use crate::router::Router;

/// A menu, not a directory: a backend sending thousands must not freeze it.
const MAX_CATEGORIES: usize = 30;

#[component]
pub fn CategoryNav() -> impl IntoView {
    let site = use_site();
    let label = Ctx::get().t.sections;
    // Built when the menu arrives, not on each navigation: rebuilding would
    // scroll a phone's sideways menu back to its start. The current section
    // is marked by `mark_current`.
    let menu = dynamic(move || {
        let state = site.state();
        let categories = match &state {
            State::Ready(s) => &s.categories[..s.categories.len().min(MAX_CATEGORIES)],
            _ => &[],
        };
        let list = markup(list(&Ctx::get(), categories));
        match state {
            State::Failed(e) => {
                view! { {list} <div class="np-nav__error">{error_view(e, site.retry_handle())}</div> }.into_any()
            }
            _ => list,
        }
    });
    view! { <nav class="np-nav" aria-label=label>{menu}</nav> }
}

fn list(cx: &Ctx, categories: &[Category]) -> String {
    build(|h| {
        h.open("ul", &[("class", "np-nav__list")]);
        let mut item = |href: String, name: &str| {
            h.open("li", &[]).el("a", &[("class", "np-nav__link"), ("href", &href)], name).close("li");
        };
        item(cx.router.href("/"), cx.t.home);
        for c in categories {
            item(cx.router.href(&Route::Category { slug: c.slug.clone(), page: 1 }.to_path()), &c.name);
        }
        h.close("ul");
    })
}

/// Marks the menu link of the section `route` is in (`aria-current`); run
/// after each navigation and each rebuild of the menu.
pub fn mark_current(root: &Element, router: Router, route: &Route) {
    let current = match route {
        Route::Home { .. } => Some(router.href("/")),
        Route::Category { slug, .. } => Some(router.href(&Route::Category { slug: slug.clone(), page: 1 }.to_path())),
        _ => None,
    };
    let Ok(links) = root.query_selector_all(".np-nav__link") else { return };
    for i in 0..links.length() {
        let Some(a) = links.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        if current.is_some() && a.get_attribute("href") == current {
            let _ = a.set_attribute("aria-current", "page");
        } else {
            let _ = a.remove_attribute("aria-current");
        }
    }
}
