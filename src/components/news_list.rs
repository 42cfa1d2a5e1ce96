//! A titled, paginated list of news ("Tin mới nhất", a category, "Tin
//! khác", search results, a day's news).

use leptos::prelude::*;

use super::article_card::{article_card, CardStyle};
use super::page_heading::PageHeading;
use super::pagination::pagination;
use super::remote_view::{markup, remote_view};
use super::Ctx;
use crate::api::{Api, ListQuery};
use crate::app::set_page_meta;
use crate::meta::PageMeta;
use crate::model::Page;
use crate::remote::Remote;
use crate::route::Route;

/// Never render more than this many items from one page, whatever the
/// backend sends: a 20,000-item answer must not freeze a phone.
const MAX_ITEMS: usize = 50;

/// What a page lists and how it names it; a page derives one from its route
/// (one memo of one type, rather than a reactive prop for each part).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ListSpec {
    pub query: ListQuery,
    pub title: String,
    /// Shown instead of "Chưa có tin" when nothing matches.
    pub empty_text: Option<String>,
    /// Folded query words to highlight in titles (search results).
    pub highlight: Vec<String>,
    /// An article not to list (the one being read).
    pub exclude: Option<String>,
}

#[component]
pub fn NewsList(
    spec: Memo<ListSpec>,
    /// The route whose pages the pagination links to.
    route: Memo<Route>,
    /// The list is the page's main content (h1) or a section of it (h2).
    #[prop(optional)]
    main: bool,
    #[prop(default = "np-list")] class: &'static str,
) -> impl IntoView {
    let api = expect_context::<Api>();
    // Its own memo: a title that changes (a category's name arriving) must
    // not fetch the list again. The excluded article is part of the key, so
    // "Tin khác" under the next article is listed again without it.
    // (A String key: the type of the other route memos, one memo type less.)
    let key = Memo::new(move |_| spec.with(|s| format!("{}#{}", s.query.to_query_string(), s.exclude.as_deref().unwrap_or(""))));
    let page = Remote::new(move || key.get(), move |_, abort| {
        let api = api.clone();
        let q = spec.with_untracked(|s| s.query.clone());
        async move { api.articles(&q, &abort).await }
    });
    let title = move || spec.with(|s| s.title.clone());
    // A section's title ("Tin khác") is fixed; a page's follows its route
    // (a category's name arriving, the next day).
    let heading = if main {
        view! { <PageHeading class="np-page-title">{title}</PageHeading> }.into_any()
    } else {
        markup(crate::html::build(|h| {
            h.el("h2", &[("class", "np-section-title")], &spec.with_untracked(|s| s.title.clone()));
        }))
    };
    let level = if main { 2 } else { 3 };
    if main {
        // The page's title is the list's (the home page keeps the site name).
        Effect::new(move |_| {
            let title = title();
            if !matches!(route.get(), Route::Home { .. }) {
                set_page_meta(PageMeta { title: &title, description: None, image: None, article: None });
            }
        });
    }
    view! {
        <section class=class>
            {heading}
            {remote_view(page, 6, move |p: Page| {
                let current = p.page.unwrap_or(1).max(1);
                let count = p.page_count();
                let ListSpec { empty_text, highlight: marks, exclude: skip, .. } = spec.get_untracked();
                let items: Vec<_> = p.items.into_iter().filter(|a| Some(&a.id) != skip.as_ref()).take(MAX_ITEMS).collect();
                let cx = Ctx::get();
                markup(crate::html::build(|h| {
                    if items.is_empty() {
                        let text = empty_text.as_deref().unwrap_or(cx.t.no_news);
                        h.el("p", &[("class", "np-list__empty")], text);
                        return;
                    }
                    let style = CardStyle { level, compact: false, highlight: &marks };
                    h.open("div", &[("class", "np-list__items")]);
                    items.iter().for_each(|item| article_card(h, &cx, item, style));
                    h.close("div");
                    pagination(h, &cx, &route.get_untracked(), current, count);
                }))
            })}
        </section>
    }
}
