//! A table from the article body in a box of its own that scrolls sideways,
//! so a wide table never widens the page on a phone. The box is a focusable,
//! named region (keyboard users scroll it with the arrow keys): named by the
//! table's caption, else "Bảng số liệu" in the reader's language.

use leptos::prelude::*;

use crate::i18n::tr;

#[component]
pub fn TableBox(caption: Option<String>, children: Children) -> impl IntoView {
    let table = tr(|t| t.table);
    let name = move || caption.clone().unwrap_or_else(|| table().to_string());
    view! { <div class="np-table" role="region" tabindex="0" aria-label=name>{children()}</div> }
}
