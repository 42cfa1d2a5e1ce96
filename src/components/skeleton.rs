//! Grey placeholder lines shown while a widget loads; they reserve roughly
//! the space the content will take, so the page does not jump.

use crate::app::use_i18n;
use crate::html::build;

pub fn skeleton(lines: u32) -> String {
    build(|h| {
        h.open("div", &[("class", "np-skeleton"), ("aria-busy", "true"), ("role", "status")]);
        h.el("span", &[("class", "np-visually-hidden")], use_i18n().t().loading);
        for _ in 0..lines {
            h.el("span", &[("class", "np-skeleton__line")], "");
        }
        h.close("div");
    })
}
