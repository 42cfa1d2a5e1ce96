//! An article after its lead: the reading tools, the body (or the
//! protected-post notice), the author and source, the tags, and the address
//! printed under it. Its code, the sanitiser's with it, comes in the
//! `article` chunk (src/split.rs); the tools act on the text, so they come
//! with it, and nothing on screen moves when they arrive.

use leptos::html;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use super::article_body::ArticleBody;
use super::byline::Byline;
use super::reading_tools::ReadingTools;
use super::tag_list::TagList;
use crate::i18n::tr;
use crate::sanitize::SafeHtml;
use crate::split::Part;

/// What of an article its text part shows.
#[derive(Clone)]
pub struct ArticleText {
    pub title: String,
    /// The article's text size step, and the article (what is read aloud).
    pub font_step: RwSignal<u8>,
    pub article: NodeRef<html::Article>,
    /// The backend's HTML, sanitised here; `None` for a protected post.
    pub body_html: Option<String>,
    /// What relative URLs in the body are relative to.
    pub media_base: String,
    pub author: Option<String>,
    pub source: Option<String>,
    pub tags: Vec<String>,
}

#[component]
pub fn ArticleTextView(text: ArticleText) -> impl IntoView {
    let url = window().location().href().unwrap_or_default();
    let body = match &text.body_html {
        Some(html) => view! { <ArticleBody html=SafeHtml::sanitize(html, &text.media_base)/> }.into_any(),
        None => view! { <p class="np-article__protected" role="note">{tr(|t| t.protected_post)}</p> }.into_any(),
    };
    view! {
        <ReadingTools font_step=text.font_step title=text.title article=text.article/>
        {body}
        <Byline author=text.author source=text.source/>
        <TagList tags=text.tags/>
        // Printed only: where the article lives.
        <p class="np-article__url">{tr(|t| t.article_url)}": "{url}</p>
    }
}

/// An article after its lead: reading tools, the sanitiser and the body it
/// makes (videos, table boxes, in-page links), byline, tags.
#[wasm_split(article, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn article_text() -> Result<Part<ArticleText>, SplitLoaderError> {
    Ok(|text| view! { <ArticleTextView text=text/> }.into_any())
}
