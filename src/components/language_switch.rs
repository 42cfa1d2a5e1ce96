//! The switch between Vietnamese and English interface text. The choice is
//! remembered on this device; content stays as the backend sends it.
//! Static markup; its click is handled at the reader's root (`delegate`).

use leptos::prelude::window;

use super::Ctx;
use crate::html::Html;
use crate::i18n::Lang;

pub const STORAGE_KEY: &str = "np-lang";

pub fn remembered() -> Option<Lang> {
    let stored = window().local_storage().ok()??.get_item(STORAGE_KEY).ok()??;
    Some(Lang::parse(&stored))
}

pub fn language_switch(h: &mut Html, cx: &Ctx) {
    let t = cx.t;
    h.el("button", &[("type", "button"), ("class", "np-lang"), ("lang", t.other_language_code)], t.other_language);
}

/// Remembers the other language and returns it.
pub fn switch(current: Lang) -> Lang {
    let other = Lang::parse(current.strings().other_language_code);
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.set_item(STORAGE_KEY, other.code());
    }
    other
}
