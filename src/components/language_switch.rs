//! The switch between Vietnamese and English interface text. The choice is
//! remembered on this device; content stays as the backend sends it. The
//! text changes in place: nothing else on the page is rebuilt.

use leptos::prelude::*;

use crate::i18n::{tr, use_i18n, Lang};

pub const STORAGE_KEY: &str = "np-lang";

pub fn remembered() -> Option<Lang> {
    let stored = window().local_storage().ok()??.get_item(STORAGE_KEY).ok()??;
    Some(Lang::parse(&stored))
}

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let switch = move |_| {
        let other = Lang::parse(i18n.t().other_language_code);
        if let Ok(Some(storage)) = window().local_storage() {
            let _ = storage.set_item(STORAGE_KEY, other.code());
        }
        i18n.set(other);
    };
    view! {
        <button type="button" class="np-lang" lang=tr(|t| t.other_language_code) on:click=switch>
            {tr(|t| t.other_language)}
        </button>
    }
}
