//! The article's body: the backend's HTML, sanitised before it reaches the
//! DOM (it is untrusted: see src/sanitize/). The one `inner_html` of the
//! reader, and it takes only `SafeHtml`, which only the sanitiser makes.
//!
//! Once it is in the DOM, the parts of it that need the reader are brought to
//! life: video placeholders get a `VideoEmbed`, wide tables a scroll box of
//! their own, and in-page links (`#muc-2`) scroll inside the article.

use leptos::mount::{mount_to, UnmountHandle};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use send_wrapper::SendWrapper;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlAnchorElement, HtmlElement, MouseEvent};

use super::video_embed::VideoEmbed;
use crate::app::tr;
use crate::sanitize::media::Video;
use crate::sanitize::SafeHtml;

/// Links in the body to the reader's own routes navigate in place, through
/// the reader root's listener.
#[component]
pub fn ArticleBody(html: SafeHtml) -> impl IntoView {
    let body = NodeRef::<leptos::html::Div>::new();
    let videos = Rc::new(RefCell::new(Vec::new()));
    let mounted = videos.clone();
    Effect::new(move || {
        // Runs again on a language switch: only the tables' names change.
        let name = tr(|t| t.table)();
        let Some(el) = body.get() else { return };
        box_tables(&el, name);
        if mounted.borrow().is_empty() {
            *mounted.borrow_mut() = untrack(|| mount_videos(&el));
        }
    });
    // The players live as long as the body.
    let videos = SendWrapper::new(videos);
    on_cleanup(move || drop(videos.take()));
    let on_click = move |e: MouseEvent| {
        if let Some(el) = body.get_untracked() {
            follow_fragment(&el, &e);
        }
    };
    view! { <div class="np-article__body" node_ref=body on:click=on_click inner_html=html.into_string()></div> }
}

fn elements(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

/// Puts every table in a focusable box that scrolls sideways, so a wide
/// table never widens the page, named by its caption or else by `name`.
/// Safe to run again: a boxed table only gets its name.
fn box_tables(root: &Element, name: &str) {
    for table in elements(root, "table") {
        let Some(parent) = table.parent_element() else { continue };
        let boxed = parent.class_name() == "np-table";
        let Some(wrap) = (if boxed { Some(parent.clone()) } else { document().create_element("div").ok() }) else { continue };
        let caption = table.query_selector("caption").ok().flatten().and_then(|c| c.text_content());
        let caption = caption.map(|c| c.trim().to_string()).filter(|c| !c.is_empty());
        _ = wrap.set_attribute("aria-label", caption.as_deref().unwrap_or(name));
        if !boxed {
            wrap.set_class_name("np-table");
            _ = wrap.set_attribute("role", "region");
            _ = wrap.set_attribute("tabindex", "0");
            _ = parent.insert_before(&wrap, Some(&table));
            _ = wrap.append_child(&table);
        }
    }
}

/// Mounts a `VideoEmbed` into each placeholder the sanitiser wrote. The
/// handles keep them alive as long as the body.
fn mount_videos(root: &Element) -> Vec<UnmountHandle<AnyViewState>> {
    let mut handles = Vec::new();
    for el in elements(root, "figure[data-np-video]") {
        let video = el.get_attribute("data-np-video").and_then(|v| Video::from_attr(&v));
        let (Some(video), Ok(el)) = (video, el.dyn_into::<HtmlElement>()) else { continue };
        let title = el.get_attribute("data-np-title");
        handles.push(mount_to(el, move || view! { <VideoEmbed video title/> }.into_any()));
    }
    handles
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
