//! "Trang chủ › Chuyên mục": where the article sits in the portal.

use super::Ctx;
use crate::html::Html;
use crate::model::Category;
use crate::route::Route;

pub fn breadcrumb(h: &mut Html, cx: &Ctx, category: Option<&Category>) {
    h.open("nav", &[("class", "np-breadcrumb"), ("aria-label", cx.t.breadcrumb)]).open("ol", &[]);
    h.open("li", &[]).el("a", &[("href", &cx.router.href("/"))], cx.t.home).close("li");
    if let Some(c) = category {
        let href = cx.router.href(&Route::Category { slug: c.slug.clone(), page: 1 }.to_path());
        h.open("li", &[]).el("a", &[("href", &href)], &c.name).close("li");
    }
    h.close("ol").close("nav");
}
