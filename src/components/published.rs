//! A publication date: "5 phút trước" while fresh (under ten hours), the
//! day (`dd/mm/yyyy`) after; the exact time is in `datetime`.

use super::Ctx;
use crate::format;
use crate::html::Html;

/// An unreadable date is left out rather than shown wrong.
pub fn published(h: &mut Html, cx: &Ctx, at: &str, class: &str) {
    if format::parse_time(at).is_none() {
        return;
    }
    let shown = format::relative(at, cx.now, cx.lang).or_else(|| format::date(at, cx.lang));
    h.el("time", &[("class", class), ("datetime", at)], shown.as_deref().unwrap_or_default());
}
