//! The article's body: the backend's HTML, sanitised before it reaches the
//! DOM (it is untrusted: see src/sanitize/).

use super::Ctx;
use crate::html::Html;
use crate::sanitize::sanitize_html;

pub fn article_body(h: &mut Html, cx: &Ctx, body: &str) {
    h.open("div", &[("class", "np-article__body")]).trusted(&sanitize_html(body, &cx.media)).close("div");
}
