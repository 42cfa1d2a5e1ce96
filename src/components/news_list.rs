//! A titled, paginated list of news ("Tin mới nhất", a category, "Tin
//! khác", search results, a day's news), with the time it was saved when
//! it is the service worker's copy.

use leptos::prelude::*;

use super::article_card::ArticleCard;
use super::below_the_fold::deferred;
use super::page_heading::PageHeading;
use super::remote_view::remote_view;
use crate::api::{Api, ListQuery};
use crate::fold::Highlight;
use crate::format;
use crate::i18n::use_i18n;
use crate::meta::{set_page_meta, PageMeta};
use crate::model::{ArticleSummary, Page};
use crate::remote::Remote;
use crate::route::Route;
use crate::router::use_route;

/// Never render more than this many items from one page, whatever the
/// backend sends: a 20,000-item answer must not freeze a phone.
const MAX_ITEMS: usize = 50;

/// What a page lists and how it names it; a page derives one from its route
/// and the language.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ListSpec {
    pub query: ListQuery,
    pub title: String,
    /// Shown instead of "Chưa có tin bài" when nothing matches.
    pub empty_text: Option<&'static str>,
    /// Query words to mark in titles (search results).
    pub highlight: Option<Highlight>,
    /// An article not to list (the one being read).
    pub exclude: Option<String>,
}

#[component]
pub fn NewsList(
    #[prop(into)] spec: Signal<ListSpec>,
    /// The list is the page's main content (h1) or a section of it (h2).
    #[prop(optional)]
    main: bool,
    #[prop(default = "np-list")] class: &'static str,
) -> impl IntoView {
    let api = expect_context::<Api>();
    let route = use_route();
    // Its own memo: a title that changes (a category's name arriving, the
    // language) must not fetch the list again. The excluded article is part
    // of the key, so "Tin khác" under the next article is listed without it.
    let key = Memo::new(move |_| spec.with(|s| (s.query.clone(), s.exclude.clone())));
    let page = Remote::new(move || key.get(), move |(query, _), abort| {
        let api = api.clone();
        async move { api.articles(&query, &abort).await }
    });
    let title = move || spec.with(|s| s.title.clone());
    let heading = if main {
        view! { <PageHeading class="np-page-title">{title}</PageHeading> }.into_any()
    } else {
        view! { <h2 class="np-section-title">{title}</h2> }.into_any()
    };
    if main {
        // The page's title is the list's (the home page keeps the site name).
        Effect::new(move |_| {
            let title = title();
            if !matches!(route.get(), Route::Home { .. }) {
                set_page_meta(PageMeta { title: &title, ..Default::default() });
            }
        });
    }
    let level = if main { 2 } else { 3 };
    // Named after its heading: a region a screen reader can jump to.
    view! {
        <section class=class aria-label=title>
            {heading}
            {remote_view(page, 6, move |p: Page| view! { <ListItems page=p spec=spec level=level/> })}
        </section>
    }
}

/// The cards of one page of the list and its pagination, or the list's
/// "nothing here" text.
#[component]
fn ListItems(page: Page, spec: Signal<ListSpec>, level: u8) -> impl IntoView {
    let i18n = use_i18n();
    let route = use_route();
    let current = page.page.unwrap_or(1).max(1);
    let count = page.page_count();
    let ListSpec { highlight, exclude, .. } = spec.get_untracked();
    // A copy the service worker saved says how old it is.
    let saved = page.saved_at.map(|at| {
        let at = move || format::date_time(&at, i18n.lang());
        view! { <p class="np-list__saved">{move || i18n.t().saved_copy}" "{at}</p> }
    });
    let items: Vec<ArticleSummary> =
        page.items.into_iter().filter(|a| Some(&a.id) != exclude.as_ref()).take(MAX_ITEMS).collect();
    if items.is_empty() {
        let text = move || spec.with(|s| s.empty_text).unwrap_or(i18n.t().no_news);
        return view! { {saved}<p class="np-list__empty">{text}</p> }.into_any();
    }
    view! {
        {saved}
        <div class="np-list__items">
            <For each=move || items.clone() key=|item| item.id.clone() let:item>
                <ArticleCard item=item level=level highlight=highlight.clone()/>
            </For>
        </div>
        {(count > 1).then(|| deferred(super::pagination::pagination, (route.get_untracked(), current, count), 0))}
    }
    .into_any()
}
