//! A whole article: breadcrumb, title, dates and views, lead and lead
//! image; then its text (reading tools, body, author and source, tags), whose
//! code is fetched with it (`ArticleText`, src/split.rs).

use leptos::html;
use leptos::prelude::*;

use super::article_meta::ArticleMeta;
use super::article_text::ArticleText;
use super::below_the_fold::deferred;
use super::breadcrumb::Breadcrumb;
use super::page_heading::PageHeading;
use super::reading_tools::stored_font_step;
use super::thumbnail::Thumbnail;
use crate::api::Api;
use crate::model::Article;

#[component]
pub fn ArticleView(article: Article) -> impl IntoView {
    let s = article.summary;
    let body_html = article.body_html;
    // The lead image is shown above the body only when the body has no image
    // of its own (the CMS usually repeats the thumbnail as the first figure).
    // Read from the backend's HTML: the body and its sanitiser are fetched
    // with the article (src/split.rs), not before its first screen.
    let lead_image = s.thumbnail.filter(|_| !body_html.to_ascii_lowercase().contains("<img"));
    let font_step = RwSignal::new(stored_font_step());
    let node = NodeRef::<html::Article>::new();
    let title = s.title.clone();
    let text = ArticleText {
        title: s.title.clone(),
        font_step,
        article: node,
        body_html: (!article.protected).then_some(body_html),
        media_base: expect_context::<Api>().media_base().to_string(),
        author: article.author,
        source: article.source,
        tags: article.tags,
    };
    view! {
        <article class=move || format!("np-article np-fs-{}", font_step.get()) node_ref=node>
            <Breadcrumb category=s.category/>
            <PageHeading class="np-article__title">{title}</PageHeading>
            <ArticleMeta published=s.published_at updated=article.updated_at views=s.views/>
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
            {deferred(super::article_text::article_text, text, 10)}
        </article>
    }
}
