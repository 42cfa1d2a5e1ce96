//! A whole article: breadcrumb, title, dates and views, reading tools, lead,
//! body with its captions, author and source, tags.

use leptos::html;
use leptos::prelude::*;

use super::article_body::ArticleBody;
use super::article_meta::ArticleMeta;
use super::breadcrumb::Breadcrumb;
use super::byline::Byline;
use super::page_heading::PageHeading;
use super::reading_tools::{stored_font_step, ReadingTools};
use super::tag_list::TagList;
use super::thumbnail::Thumbnail;
use crate::api::Api;
use crate::app::tr;
use crate::model::Article;
use crate::sanitize::SafeHtml;

#[component]
pub fn ArticleView(article: Article) -> impl IntoView {
    let s = article.summary;
    let body = SafeHtml::sanitize(&article.body_html, expect_context::<Api>().media_base());
    // The lead image is shown above the body only when the body has no image
    // of its own (the CMS usually repeats the thumbnail as the first figure).
    let lead_image = s.thumbnail.filter(|_| !body.as_str().contains("<img"));
    let font_step = RwSignal::new(stored_font_step());
    let node = NodeRef::<html::Article>::new();
    let url = window().location().href().unwrap_or_default();
    let title = s.title.clone();
    view! {
        <article class=move || format!("np-article np-fs-{}", font_step.get()) node_ref=node>
            <Breadcrumb category=s.category/>
            <PageHeading class="np-article__title">{title}</PageHeading>
            <ArticleMeta published=s.published_at updated=article.updated_at views=s.views/>
            <ReadingTools font_step=font_step title=s.title article=node/>
            {s.summary.map(|lead| view! { <p class="np-article__lead">{lead}</p> })}
            {lead_image.map(|img| {
                let caption = img.caption.clone();
                view! {
                    <figure class="np-article__figure">
                        <Thumbnail image=img class="np-article__image" eager=true/>
                        {caption.map(|c| view! { <figcaption class="np-article__caption">{c}</figcaption> })}
                    </figure>
                }
            })}
            {if article.protected {
                view! { <p class="np-article__protected" role="note">{tr(|t| t.protected_post)}</p> }.into_any()
            } else {
                view! { <ArticleBody html=body/> }.into_any()
            }}
            <Byline author=article.author source=article.source/>
            <TagList tags=article.tags/>
            // Printed only: where the article lives.
            <p class="np-article__url">{tr(|t| t.article_url)}": "{url}</p>
        </article>
    }
}
