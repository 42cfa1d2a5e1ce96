//! "« 1 2 3 4 5 … 12 »" as links, the current page marked for assistive
//! technology with `aria-current`.

use super::Ctx;
use crate::html::Html;
use crate::route::Route;

/// The page numbers to show: the first, the last, and two either side of the
/// current one; `None` stands for an ellipsis.
pub fn page_window(current: u32, count: u32) -> Vec<Option<u32>> {
    let mut out = Vec::new();
    let mut last = 0;
    for p in 1..=count {
        let near = p + 2 >= current && p <= current + 2;
        if p == 1 || p == count || near || (current <= 3 && p <= 5) || (current + 2 >= count && p + 4 >= count) {
            if p > last + 1 {
                out.push(None);
            }
            out.push(Some(p));
            last = p;
        }
    }
    out
}

/// Writes nothing for a single page.
pub fn pagination(h: &mut Html, cx: &Ctx, route: &Route, current: u32, count: u32) {
    if count <= 1 {
        return;
    }
    let t = cx.t;
    let href = |p: u32| cx.router.href(&route.with_page(p).to_path());
    h.open("nav", &[("class", "np-pagination"), ("aria-label", t.pagination)]);
    if current > 1 {
        h.el("a", &[("class", "np-pagination__prev"), ("href", &href(current - 1)), ("aria-label", t.previous_page)], "«");
    }
    for p in page_window(current, count) {
        let Some(p) = p else {
            h.el("span", &[("class", "np-pagination__gap"), ("aria-hidden", "true")], "…");
            continue;
        };
        let (href, label, text) = (href(p), format!("{} {p}", t.page), p.to_string());
        let mut attrs = vec![("class", "np-pagination__page"), ("href", href.as_str())];
        if p == current {
            attrs.push(("aria-current", "page"));
        }
        attrs.push(("aria-label", &label));
        h.el("a", &attrs, &text);
    }
    if current < count {
        h.el("a", &[("class", "np-pagination__next"), ("href", &href(current + 1)), ("aria-label", t.next_page)], "»");
    }
    h.close("nav");
}

#[cfg(test)]
mod tests {
    use super::page_window;

    fn shown(current: u32, count: u32) -> String {
        page_window(current, count)
            .iter()
            .map(|p| p.map_or("…".to_string(), |p| p.to_string()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn windows() {
        assert_eq!(shown(1, 1), "1");
        assert_eq!(shown(1, 4), "1 2 3 4");
        assert_eq!(shown(1, 12), "1 2 3 4 5 … 12");
        assert_eq!(shown(6, 12), "1 … 4 5 6 7 8 … 12");
        assert_eq!(shown(12, 12), "1 … 8 9 10 11 12");
        assert_eq!(shown(4, 12), "1 2 3 4 5 6 … 12");
        assert!(page_window(3, 0).is_empty());
    }
}
