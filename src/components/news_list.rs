//! A titled, paginated list of news ("Tin mới nhất", a category, "Tin
//! khác", search results, a day's news).

use leptos::prelude::*;

use super::article_card::{article_card, CardStyle};
use super::page_heading::PageHeading;
use super::pagination::Pagination;
use super::remote_view::remote_view;
use super::Ctx;
use crate::api::{Api, ListQuery};
use crate::app::{set_page_meta, use_i18n};
use crate::meta::PageMeta;
use crate::model::Page;
use crate::remote::Remote;
use crate::route::Route;

/// Never render more than this many items from one page, whatever the
/// backend sends: a 20,000-item answer must not freeze a phone.
const MAX_ITEMS: usize = 50;

#[component]
pub fn NewsList(
    #[prop(into)] query: Signal<ListQuery>,
    #[prop(into)] title: Signal<String>,
    /// The route whose pages the pagination links to.
    #[prop(into)]
    route: Signal<Route>,
    /// The list is the page's main content (h1) or a section of it (h2).
    #[prop(optional)]
    main: bool,
    /// An article not to list (the one being read).
    #[prop(optional, into)]
    exclude: Option<Signal<String>>,
    #[prop(optional, into)] empty_text: Option<Signal<String>>,
    /// Folded query words to highlight in titles (search results).
    #[prop(optional, into)]
    highlight: Option<Signal<Vec<String>>>,
    #[prop(default = "np-list")] class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = expect_context::<Api>();
    let page = Remote::new(move || query.get(), move |q, abort| {
        let api = api.clone();
        async move { api.articles(&q, &abort).await }
    });
    let heading = move || {
        if main {
            view! { <PageHeading class="np-page-title">{move || title.get()}</PageHeading> }.into_any()
        } else {
            view! { <h2 class="np-section-title">{move || title.get()}</h2> }.into_any()
        }
    };
    let level = if main { 2 } else { 3 };
    if main {
        // The page's title is the list's (the home page keeps the site name).
        Effect::new(move |_| {
            let title = title.get();
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
                let skip = exclude.map(|e| e.get_untracked());
                let marks = highlight.map(|h| h.get_untracked()).unwrap_or_default();
                let items: Vec<_> = p.items.into_iter().filter(|a| Some(&a.id) != skip.as_ref()).take(MAX_ITEMS).collect();
                if items.is_empty() {
                    let text = empty_text.map(|t| t.get()).unwrap_or_else(|| i18n.t().no_news.to_string());
                    return view! { <p class="np-list__empty">{text}</p> }.into_any();
                }
                let cx = Ctx::get();
                let style = CardStyle { level, compact: false, highlight: &marks };
                let cards = crate::html::build(|h| items.iter().for_each(|item| article_card(h, &cx, item, style)));
                view! {
                    <div class="np-list__items" inner_html=cards></div>
                    <Pagination route=route.get_untracked() current=current count=count/>
                }
                .into_any()
            })}
        </section>
    }
}
