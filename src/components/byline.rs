//! Author and source, at the end of the article as the portals print them.

use super::Ctx;
use crate::html::Html;

pub fn byline(h: &mut Html, cx: &Ctx, author: Option<&str>, source: Option<&str>) {
    let author = author.filter(|a| !a.trim().is_empty());
    let source = source.filter(|s| !s.trim().is_empty());
    if author.is_none() && source.is_none() {
        return;
    }
    h.open("p", &[("class", "np-byline")]);
    if let Some(a) = author {
        h.open("span", &[("class", "np-byline__author")]);
        h.open("span", &[("class", "np-visually-hidden")]).text(cx.t.author).text(": ").close("span");
        h.text(a).close("span");
    }
    if let Some(s) = source {
        h.open("span", &[("class", "np-byline__source")]).text(cx.t.source).text(": ").text(s).close("span");
    }
    h.close("p");
}
