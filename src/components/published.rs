//! A publication date: "5 phút trước" while fresh (under ten hours), the
//! day (`dd/mm/yyyy`) after; the exact time is in `datetime`.

use leptos::prelude::*;

use crate::format;
use crate::i18n::use_i18n;

#[component]
pub fn Published(at: String, class: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    // The time the list was shown: "5 phút trước" does not tick while read.
    let now = js_sys::Date::now();
    // An unreadable date is left out rather than shown wrong.
    format::parse_time(&at).map(|_| {
        let shown = {
            let at = at.clone();
            move || {
                let lang = i18n.lang();
                format::relative(&at, now, lang).or_else(|| format::date(&at, lang))
            }
        };
        view! { <time class=class datetime=at>{shown}</time> }
    })
}
