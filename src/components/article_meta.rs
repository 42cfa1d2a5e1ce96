//! "Ngày đăng: 10/01/2019 4:47:06 CH · Cập nhật: … · Lượt xem: 2.047".

use super::Ctx;
use crate::format;
use crate::html::Html;

pub fn article_meta(h: &mut Html, cx: &Ctx, published: Option<&str>, updated: Option<&str>, views: Option<u64>) {
    // "Cập nhật" only when it says something new.
    let updated = updated.filter(|u| published.and_then(format::parse_time) != format::parse_time(u));
    h.open("p", &[("class", "np-article__meta")]);
    for (label, at, class) in [
        (cx.t.published, published, "np-article__published"),
        (cx.t.updated, updated, "np-article__updated"),
    ] {
        let Some((at, shown)) = at.and_then(|at| Some((at, format::date_time(at, cx.lang)?))) else { continue };
        h.open("span", &[("class", class)]).text(label).text(": ");
        h.el("time", &[("datetime", at)], &shown).close("span");
    }
    if let Some(n) = views {
        let text = format!("{}: {}", cx.t.views, format::number(n, cx.lang));
        h.el("span", &[("class", "np-article__views")], &text);
    }
    h.close("p");
}
