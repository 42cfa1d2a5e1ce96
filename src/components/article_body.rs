//! The article's body: the backend's HTML, sanitised before it reaches the
//! DOM (it is untrusted: see src/sanitize/). Only `SafeHtml`, which only the
//! sanitiser makes, is set as HTML.
//!
//! The parts of it that need the reader are views like any other, in Leptos'
//! owner tree: a video placeholder is a `VideoEmbed`, a table sits in a
//! `TableBox`, and the HTML between them goes in as it is (decision 0006).
//! Nothing touches the body's DOM after it is rendered, so nothing in it can
//! outlive or miss its owner, whatever the language switch re-renders.

use leptos::html::{self, custom};
use leptos::prelude::*;
use leptos::tachys::html::attribute::any_attribute::{AnyAttribute, IntoAnyAttribute};
use leptos::tachys::html::attribute::custom::custom_attribute;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlAnchorElement, HtmlElement, MouseEvent};

use super::table_box::TableBox;
use super::video_embed::VideoEmbed;
use crate::sanitize::SafeHtml;
use crate::sanitize::parts::{self, Part};

/// Links in the body to the reader's own routes navigate in place, through
/// the reader root's listener; in-page links (`#muc-2`) scroll here.
#[component]
pub fn ArticleBody(html: SafeHtml) -> impl IntoView {
    let body = NodeRef::<html::Div>::new();
    let on_click = move |e: MouseEvent| {
        if let Some(el) = body.try_get_untracked().flatten() {
            follow_fragment(&el, &e);
        }
    };
    match parts::split(&html) {
        // Most bodies: one piece of HTML, the fastest to render.
        None => view! { <div class="np-article__body" node_ref=body on:click=on_click inner_html=html.into_string()></div> }
            .into_any(),
        Some(parts) => view! {
            <div class="np-article__body" node_ref=body on:click=on_click>{parts.into_iter().map(part).collect_view()}</div>
        }
        .into_any(),
    }
}

fn part(p: Part) -> AnyView {
    match p {
        Part::Text(text) => text.into_any(),
        Part::Static(el, html) => {
            let (tag, attrs) = element(el);
            custom(tag).add_any_attr(attrs).inner_html(html.into_string()).into_any()
        }
        Part::Branch(el, children) => {
            let (tag, attrs) = element(el);
            custom(tag).add_any_attr(attrs).child(children.into_iter().map(part).collect_view()).into_any()
        }
        Part::Video { video, title } => {
            let kind = video.to_attr();
            view! { <figure data-np-video=kind><VideoEmbed video title/></figure> }.into_any()
        }
        Part::Table { caption, table } => view! { <TableBox caption>{part(*table)}</TableBox> }.into_any(),
    }
}

/// An element's name and the attributes the sanitiser gave it.
fn element(el: parts::Element) -> (&'static str, Vec<AnyAttribute>) {
    (el.tag, el.attrs.into_iter().map(|(name, value)| custom_attribute(name, value).into_any_attr()).collect())
}

fn elements(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

/// A click on `#muc-2` scrolls to the body's element with that id and moves
/// focus there; the route and the history stay as they are, in every routing
/// mode (the fragment would be a route in hash mode, and ids inside the
/// shadow root are out of the browser's reach).
fn follow_fragment(root: &Element, e: &MouseEvent) {
    if e.default_prevented() || e.button() != 0 || e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() {
        return;
    }
    let Some(a) = e.composed_path().iter().find_map(|n| n.dyn_into::<HtmlAnchorElement>().ok()) else { return };
    let Some(frag) = a.get_attribute("href").and_then(|h| h.strip_prefix('#').map(str::to_string)) else { return };
    e.prevent_default();
    let decoded = crate::route::decode_component(&frag);
    let Some(target) = elements(root, "[id]").into_iter().find(|el| el.id() == frag || el.id() == decoded) else {
        return;
    };
    if !target.has_attribute("tabindex") {
        _ = target.set_attribute("tabindex", "-1");
    }
    target.scroll_into_view();
    if let Some(t) = target.dyn_ref::<HtmlElement>() {
        _ = t.focus();
    }
}
