//! A whole article: breadcrumb, title, dates and views, lead, body with its
//! captions, author and source, tags.

use leptos::prelude::*;

use super::article_body::ArticleBody;
use super::article_meta::ArticleMeta;
use super::breadcrumb::Breadcrumb;
use super::byline::Byline;
use super::page_heading::PageHeading;
use super::reading_tools::{stored_font_step, ReadingTools};
use crate::app::use_i18n;
use super::tag_list::TagList;
use super::thumbnail::Thumbnail;
use crate::model::Article;

#[component]
pub fn ArticleView(article: Article) -> impl IntoView {
    let s = article.summary;
    // The lead image is shown above the body only when the body has no image
    // of its own (the CMS usually repeats the thumbnail as the first figure).
    let lead_image = s.thumbnail.filter(|_| !article.body_html.contains("<img"));
    let font_step = RwSignal::new(stored_font_step());
    let t = use_i18n().t();
    let url = window().location().href().unwrap_or_default();
    let title = s.title.clone();
    view! {
        <article class=move || format!("np-article np-fs-{}", font_step.get())>
            <Breadcrumb category=s.category/>
            <PageHeading class="np-article__title">{title}</PageHeading>
            <ArticleMeta published=s.published_at updated=article.updated_at views=s.views/>
            <ReadingTools font_step=font_step title=s.title/>
            {s.summary.map(|lead| view! { <p class="np-article__lead">{lead}</p> })}
            {lead_image.map(|img| view! { <Thumbnail image=img class="np-article__image" eager=true/> })}
            <ArticleBody html=article.body_html/>
            <Byline author=article.author source=article.source/>
            <TagList tags=article.tags/>
            // Printed only: where the article lives.
            <p class="np-article__url">{t.article_url}": "{url}</p>
        </article>
    }
}
