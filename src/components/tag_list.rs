//! The article's tags ("Từ khóa"), each a search for that tag.

use super::Ctx;
use crate::html::Html;
use crate::route::Route;

pub fn tag_list(h: &mut Html, cx: &Ctx, tags: &[String]) {
    // A backend cannot make us render a wall of tags.
    let mut tags = tags.iter().filter(|t| !t.trim().is_empty()).take(20).peekable();
    if tags.peek().is_none() {
        return;
    }
    h.open("div", &[("class", "np-tags")]).el("span", &[("class", "np-tags__label")], &format!("{}: ", cx.t.tags));
    h.open("ul", &[("class", "np-tags__list")]);
    for t in tags {
        let href = cx.router.href(&Route::Search { q: t.clone(), page: 1 }.to_path());
        h.open("li", &[]).el("a", &[("class", "np-tags__tag"), ("href", &href)], t).close("li");
    }
    h.close("ul").close("div");
}
