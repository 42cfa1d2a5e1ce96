//! One news item in a list: thumbnail, title link, summary, category, date
//! and view count.

use leptos::prelude::*;

use super::published::Published;
use super::thumbnail::{thumbnail_src, Thumbnail};
use crate::fold::Highlight;
use crate::format;
use crate::i18n::use_i18n;
use crate::model::ArticleSummary;
use crate::route::article_path;
use crate::router::A;

#[component]
pub fn ArticleCard(
    item: ArticleSummary,
    /// Heading level of the title: 2 under a page's h1, 3 under a section's h2.
    #[prop(default = 2)]
    level: u8,
    /// Cards in a carousel show less.
    #[prop(optional)]
    compact: bool,
    /// Search words to mark in the title.
    #[prop(default = None)]
    highlight: Option<Highlight>,
) -> impl IntoView {
    let i18n = use_i18n();
    let href = article_path(&item.id, item.slug.as_deref());
    let runs = match &highlight {
        Some(h) => h.runs(&item.title),
        None => vec![(false, item.title.clone())],
    };
    let title = runs
        .into_iter()
        .map(|(marked, run)| if marked { view! { <mark>{run}</mark> }.into_any() } else { run.into_any() })
        .collect_view();
    let link = view! { <A href=href.clone() {..} class="np-card__title">{title}</A> };
    let heading = match level {
        2 => view! { <h2 class="np-card__heading">{link}</h2> }.into_any(),
        _ => view! { <h3 class="np-card__heading">{link}</h3> }.into_any(),
    };
    // The title link is the one the keyboard and screen readers get; the
    // image's link is for the mouse and the thumb, and only when it shows.
    let media = item.thumbnail.filter(|img| thumbnail_src(img).is_some()).map(|img| view! {
        <A href=href.as_str() {..} class="np-card__media" tabindex="-1" aria-hidden="true">
            <Thumbnail image=img class="np-card__thumb"/>
        </A>
    });
    let views = item.views.filter(|_| !compact);
    view! {
        <article class="np-card" class:np-card--compact=compact>
            {media}
            <div class="np-card__text">
                {heading}
                {item.summary.filter(|_| !compact).map(|s| view! { <p class="np-card__summary">{s}</p> })}
                <p class="np-card__meta">
                    {item.category.filter(|_| !compact).map(|c| view! { <span class="np-card__category">{c.name}</span> })}
                    {item.published_at.map(|at| view! { <Published at=at class="np-card__date"/> })}
                    {views.map(|n| view! {
                        <span class="np-card__views">
                            {move || format!("{}: {}", i18n.t().views, format::number(n, i18n.lang()))}
                        </span>
                    })}
                </p>
            </div>
        </article>
    }
}
