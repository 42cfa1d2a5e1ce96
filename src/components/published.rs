//! A publication date: "5 phút trước" while fresh (under ten hours), the
//! day (`dd/mm/yyyy`) after; the exact time is in `datetime`.

use leptos::prelude::*;

use crate::app::use_i18n;
use crate::format;

#[component]
pub fn Published(at: String, #[prop(into)] class: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let shown = format::relative(&at, js_sys::Date::now(), lang).or_else(|| format::date(&at, lang));
    // An unreadable date is left out rather than shown wrong.
    format::parse_time(&at).map(|_| view! { <time class=class datetime=at>{shown}</time> })
}
