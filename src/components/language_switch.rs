//! The switch between Vietnamese and English interface text. The choice is
//! remembered on this device; content stays as the backend sends it.

use leptos::prelude::*;

use crate::app::use_i18n;
use crate::i18n::Lang;

pub const STORAGE_KEY: &str = "np-lang";

pub fn remembered() -> Option<Lang> {
    let stored = window().local_storage().ok()??.get_item(STORAGE_KEY).ok()??;
    Some(Lang::parse(&stored))
}

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t();
    let other = Lang::parse(t.other_language_code);
    view! {
        <button type="button" class="np-lang" lang=t.other_language_code on:click=move |_| {
            if let Ok(Some(storage)) = window().local_storage() {
                let _ = storage.set_item(STORAGE_KEY, other.code());
            }
            i18n.set(other);
        }>{t.other_language}</button>
    }
}
