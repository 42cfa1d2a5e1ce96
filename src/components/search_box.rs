//! "Tìm kiếm": the search box in the header. Submitting goes to
//! `/tim-kiem?q=…`; on the results page the box keeps the query.
//! Static markup; its submit is handled at the reader's root (`delegate`).

use super::Ctx;
use crate::html::Html;
use crate::route::Route;

pub fn search_box(h: &mut Html, cx: &Ctx) {
    let t = cx.t;
    h.open("form", &[("class", "np-search"), ("role", "search")]);
    h.el("label", &[("class", "np-visually-hidden"), ("for", "np-search-q")], t.search);
    h.open("input", &[
        ("class", "np-search__input"),
        ("id", "np-search-q"),
        ("type", "search"),
        ("name", "q"),
        ("placeholder", t.search_placeholder),
        ("autocomplete", "off"),
    ]);
    h.el("button", &[("class", "np-search__button"), ("type", "submit")], t.search_button).close("form");
}

/// Where a submitted search goes; `None` for a blank query.
pub fn target(q: &str) -> Option<String> {
    let q = q.trim();
    (!q.is_empty()).then(|| Route::Search { q: q.to_string(), page: 1 }.to_path())
}
