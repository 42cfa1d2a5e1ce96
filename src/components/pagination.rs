//! "« 1 2 3 4 5 … 12 »" as links, the current page marked for assistive
//! technology with `aria-current`.

use leptos::prelude::*;

use crate::app::use_i18n;
use crate::route::Route;
use crate::router::use_router;

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

#[component]
pub fn Pagination(route: Route, current: u32, count: u32) -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    if count <= 1 {
        return None;
    }
    let href = move |p: u32| router.href(&route.with_page(p).to_path());
    let arrow = move |url: String, text: &'static str, label: fn(&'static crate::i18n::Strings) -> &'static str, class: &'static str| {
        view! { <a class=class href=url aria-label=label(i18n.t())>{text}</a> }
    };
    Some(view! {
        <nav class="np-pagination" aria-label=i18n.t().pagination>
            {(current > 1).then(|| arrow(href(current - 1), "«", |t| t.previous_page, "np-pagination__prev"))}
            {page_window(current, count)
                .into_iter()
                .map(|p| match p {
                    Some(p) if p == current => view! {
                        <a class="np-pagination__page" href=href(p) aria-current="page"
                            aria-label=format!("{} {p}", i18n.t().page)>{p}</a>
                    }
                    .into_any(),
                    Some(p) => view! {
                        <a class="np-pagination__page" href=href(p)
                            aria-label=format!("{} {p}", i18n.t().page)>{p}</a>
                    }
                    .into_any(),
                    None => view! { <span class="np-pagination__gap" aria-hidden="true">"…"</span> }.into_any(),
                })
                .collect_view()}
            {(current < count).then(|| arrow(href(current + 1), "»", |t| t.next_page, "np-pagination__next"))}
        </nav>
    })
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
