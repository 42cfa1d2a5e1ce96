//! A whole article: breadcrumb, title, dates and views, lead, body with its
//! captions, author and source, tags.

use leptos::prelude::*;

use super::article_body::article_body;
use super::article_meta::article_meta;
use super::breadcrumb::breadcrumb;
use super::byline::byline;
use super::page_heading::PageHeading;
use super::reading_tools::{article_class, reading_tools, stop_speech_on_cleanup, stored_font_step};
use super::tag_list::tag_list;
use super::thumbnail::thumbnail;
use super::Ctx;
use crate::html::{build, Html};
use crate::model::Article;

#[component]
pub fn ArticleView(article: Article) -> impl IntoView {
    let cx = Ctx::get();
    // Read once: the article's class and the A−/A+ buttons' ends agree.
    let step = stored_font_step();
    let s = &article.summary;
    let top = build(|h| breadcrumb(h, &cx, s.category.as_ref()));
    let meta = build(|h| {
        article_meta(h, &cx, s.published_at.as_deref(), article.updated_at.as_deref(), s.views);
        reading_tools(h, cx.t, step);
    });
    stop_speech_on_cleanup();
    let rest = build(|h| rest(h, &cx, &article));
    let heading = s.title.clone();
    // `np-contents` boxes are `display: contents`: the fragments lay out as
    // the article's own children.
    view! {
        <article class=article_class(step)>
            <div class="np-contents" inner_html=top></div>
            <PageHeading class="np-article__title">{heading}</PageHeading>
            <div class="np-contents" inner_html=meta></div>
            <div class="np-contents" inner_html=rest></div>
        </article>
    }
}

/// Lead, lead image, body, byline, tags and the printed address.
fn rest(h: &mut Html, cx: &Ctx, article: &Article) {
    let s = &article.summary;
    if let Some(lead) = &s.summary {
        h.el("p", &[("class", "np-article__lead")], lead);
    }
    // The lead image is shown above the body only when the body has no image
    // of its own (the CMS usually repeats the thumbnail as the first figure).
    if let Some(img) = s.thumbnail.as_ref().filter(|_| !article.body_html.contains("<img")) {
        thumbnail(h, cx, img, "np-article__image", true);
    }
    article_body(h, cx, &article.body_html);
    byline(h, cx, article.author.as_deref(), article.source.as_deref());
    tag_list(h, cx, &article.tags);
    // Printed only: where the article lives.
    let url = window().location().href().unwrap_or_default();
    h.el("p", &[("class", "np-article__url")], &format!("{}: {url}", cx.t.article_url));
}
