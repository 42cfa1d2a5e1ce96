//! "« 1 2 3 4 5 … 12 »" as links, the current page marked for assistive
//! technology with `aria-current`.

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use crate::i18n::{tr, use_i18n};
use crate::route::Route;
use crate::router::A;
use crate::split::Part;

/// The page numbers to show: the first, the last, two either side of the
/// current one, and the first or last five near the ends; `None` stands for
/// an ellipsis. Computed from the ends, not by walking every page: a
/// backend may claim four billion of them.
pub fn page_window(current: u32, count: u32) -> Vec<Option<u32>> {
    if count == 0 {
        return Vec::new();
    }
    let mut ranges = vec![(1, 1), (count, count), (current.saturating_sub(2), current.saturating_add(2))];
    if current <= 3 {
        ranges.push((1, 5));
    }
    if current.saturating_add(2) >= count {
        ranges.push((count.saturating_sub(4), count));
    }
    let mut pages: Vec<u32> = ranges.into_iter().flat_map(|(a, b)| a.max(1)..=b.min(count)).collect();
    pages.sort_unstable();
    pages.dedup();
    let mut out = Vec::with_capacity(pages.len() * 2);
    let mut last = 0;
    for p in pages {
        if p > last + 1 {
            out.push(None);
        }
        out.push(Some(p));
        last = p;
    }
    out
}

#[component]
pub fn Pagination(route: Route, current: u32, count: u32) -> impl IntoView {
    let i18n = use_i18n();
    (count > 1).then(|| {
        let to = move |p: u32| route.with_page(p).to_path();
        let pages = page_window(current, count).into_iter().map(|p| match p {
            Some(p) => view! {
                <A href=to(p) {..} class="np-pagination__page" aria-current=(p == current).then_some("page")
                    aria-label=move || format!("{} {p}", i18n.t().page)>{p}</A>
            }
            .into_any(),
            None => view! { <span class="np-pagination__gap" aria-hidden="true">"…"</span> }.into_any(),
        });
        view! {
            <nav class="np-pagination" aria-label=tr(|t| t.pagination)>
                {(current > 1).then(|| view! {
                    <A href=to(current - 1) {..} class="np-pagination__prev" aria-label=tr(|t| t.previous_page)>"«"</A>
                })}
                {pages.collect_view()}
                {(current < count).then(|| view! {
                    <A href=to(current + 1) {..} class="np-pagination__next" aria-label=tr(|t| t.next_page)>"»"</A>
                })}
            </nav>
        }
    })
}

/// A list's pages, under its last card.
#[wasm_split(below, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn pagination() -> Result<Part<(Route, u32, u32)>, SplitLoaderError> {
    Ok(|(route, current, count)| view! { <Pagination route=route current=current count=count/> }.into_any())
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

    #[test]
    fn billions_of_pages_do_not_overflow_or_loop() {
        assert_eq!(shown(1, 4_000_000_000), "1 2 3 4 5 … 4000000000");
        assert_eq!(shown(2_000_000_000, 4_000_000_000), "1 … 1999999998 1999999999 2000000000 2000000001 2000000002 … 4000000000");
        let max = u32::MAX;
        assert_eq!(shown(max, max), format!("1 … {} {} {} {} {max}", max - 4, max - 3, max - 2, max - 1));
    }
}
