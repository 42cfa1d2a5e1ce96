//! "Xem tin theo ngày": pick a day, see its news (`/ngay/YYYY-MM-DD`).
//! Static markup; its submit is handled at the reader's root (`delegate`).

use super::Ctx;
use crate::format;
use crate::html::Html;
use crate::route::Route;

pub fn day_picker(h: &mut Html, cx: &Ctx) {
    let t = cx.t;
    let today = format::today_vn(cx.now).map(|d| d.to_string()).unwrap_or_default();
    h.open("section", &[("class", "np-day-picker"), ("aria-labelledby", "np-day-title")]);
    h.el("h2", &[("class", "np-section-title"), ("id", "np-day-title")], t.news_by_date);
    h.open("form", &[("class", "np-day-picker__form")]);
    h.el("label", &[("class", "np-visually-hidden"), ("for", "np-day-input")], t.news_by_date);
    let mut input = vec![("id", "np-day-input"), ("class", "np-day-picker__input"), ("type", "date"), ("required", "")];
    if !today.is_empty() {
        input.push(("max", &today));
    }
    h.open("input", &input);
    h.el("button", &[("class", "np-day-picker__button"), ("type", "submit")], t.view_day).close("form").close("section");
}

/// Where a submitted day goes; `None` unless it is a real `YYYY-MM-DD`.
pub fn target(day: &str) -> Option<String> {
    format::parse_day(day).map(|_| Route::Day { date: day.to_string(), page: 1 }.to_path())
}
