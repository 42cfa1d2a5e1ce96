//! What every part of the reader may ask for through Leptos' context: the
//! site's own data (name, sections, links), the reader's landmarks, and the
//! reader's motion preference. Provided once by `App`.

use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;

use crate::model::Site;
use crate::remote::Remote;

pub fn use_site() -> Remote<Site> {
    expect_context::<Remote<Site>>()
}

/// The reader's own elements that parts of it need to reach: the shadow
/// host (scrolled into view), the skip link (focused by "Lên đầu trang"),
/// the main region (where the skip link leads).
#[derive(Clone)]
pub struct Landmarks {
    pub host: SendWrapper<web_sys::Element>,
    pub skip_link: NodeRef<html::A>,
    pub main: NodeRef<html::Main>,
}

pub fn use_landmarks() -> Landmarks {
    expect_context::<Landmarks>()
}

pub fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Whether the browser has `name` on `target` (feature detection).
pub fn has(target: &JsValue, name: &str) -> bool {
    js_sys::Reflect::has(target, &JsValue::from_str(name)).unwrap_or(false)
}
