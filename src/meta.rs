//! The document's metadata in standalone mode: title, description,
//! OpenGraph and a JSON-LD `NewsArticle` for the article view. When the
//! reader is embedded, the host page's head is not ours and is left alone.

use std::cell::Cell;

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use serde::Serialize;

use crate::context::use_site;
use crate::model::{Article, Site};
use crate::remote::State;

/// What the head should say about the current page.
#[derive(Default)]
pub struct PageMeta<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub image: Option<&'a str>,
    pub article: Option<&'a Article>,
}

fn set_meta(attr: &str, key: &str, content: Option<&str>) {
    let doc = document();
    let Some(head) = doc.head() else { return };
    let selector = format!("meta[{attr}=\"{key}\"]");
    let existing = head.query_selector(&selector).ok().flatten();
    match (existing, content) {
        (Some(el), Some(c)) => {
            let _ = el.set_attribute("content", c);
        }
        (None, Some(c)) => {
            if let Ok(el) = doc.create_element("meta") {
                let _ = el.set_attribute(attr, key);
                let _ = el.set_attribute("content", c);
                let _ = head.append_child(&el);
            }
        }
        (Some(el), None) => el.remove(),
        (None, None) => {}
    }
}

/// schema.org `NewsArticle`, as JSON-LD.
#[derive(Serialize)]
struct NewsArticleLd<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    headline: &'a str,
    #[serde(rename = "mainEntityOfPage")]
    url: &'a str,
    publisher: Named<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
    #[serde(rename = "dateModified", skip_serializing_if = "Option::is_none")]
    modified: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Named<'a>>,
}

/// `{"@type": "Organization", "name": …}` and the like.
#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

/// What the JSON-LD says of an article.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleFacts {
    pub headline: String,
    pub summary: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub author: Option<String>,
}

impl ArticleFacts {
    pub fn of(a: &Article) -> ArticleFacts {
        let s = &a.summary;
        ArticleFacts {
            headline: s.title.clone(),
            summary: s.summary.clone(),
            published: s.published_at.clone(),
            modified: a.updated_at.clone(),
            author: a.author.clone(),
        }
    }
}

/// The JSON-LD for an article (schema.org NewsArticle).
pub fn news_article_json(a: &ArticleFacts, url: &str, image: Option<&str>, publisher: &str) -> String {
    let ld = NewsArticleLd {
        context: "https://schema.org",
        kind: "NewsArticle",
        headline: &a.headline,
        url,
        publisher: Named { kind: "Organization", name: publisher },
        description: a.summary.as_deref(),
        published: a.published.as_deref(),
        modified: a.modified.as_deref(),
        image,
        author: a.author.as_deref().map(|name| Named { kind: "Person", name }),
    };
    serde_json::to_string(&ld).unwrap_or_default()
}

/// The page's own description (our index.html's), read once at start-up:
/// what a page without a description of its own keeps.
pub fn initial_description() -> Option<String> {
    let meta = document().head()?.query_selector("meta[name=\"description\"]").ok()??;
    meta.get_attribute("content").filter(|c| !c.trim().is_empty())
}

/// The head of one page, owned: the title is set at once, the rest is
/// written by `write_head` once its code has arrived (decision 0008).
#[derive(Clone, Debug, PartialEq)]
pub struct Head {
    /// Which page it is: a later page's head is never overwritten by this.
    seq: u64,
    pub title: String,
    pub og_title: String,
    pub site_name: String,
    pub description: Option<String>,
    pub image: Option<String>,
    pub article: Option<ArticleFacts>,
}

thread_local! {
    static LATEST: Cell<u64> = const { Cell::new(0) };
}

impl Head {
    /// The head for `meta` on `site`; `fallback` is the description of a
    /// page that has none of its own.
    pub fn new(meta: &PageMeta, site: &Site, fallback: Option<&str>) -> Head {
        let site_name = site.name.clone();
        let title = match (meta.title.is_empty(), site_name.is_empty()) {
            (false, false) => format!("{} – {site_name}", meta.title),
            (false, true) => meta.title.to_string(),
            (true, _) => site_name.clone(),
        };
        Head {
            seq: LATEST.with(|l| l.get() + 1),
            title,
            og_title: if meta.title.is_empty() { site_name.clone() } else { meta.title.to_string() },
            site_name,
            description: meta.description.or(fallback).map(str::to_string),
            image: meta.image.map(str::to_string),
            article: meta.article.map(ArticleFacts::of),
        }
    }
}

/// Sets the title now and the rest of the head when its code has arrived.
pub fn apply(head: Head) {
    LATEST.with(|l| l.set(head.seq));
    if !head.title.is_empty() {
        document().set_title(&head.title);
    }
    leptos::task::spawn_local(async move {
        // After the first screen; a head whose code did not arrive keeps the
        // title: nothing to tell the reader.
        crate::first_screen::first_paint().await;
        let _ = write_head(head).await;
    });
}

/// An image a share preview or a crawler can fetch: http(s) only. The page
/// may show a `data:` image (inert), but it means nothing to them.
fn share_image(image: Option<&str>) -> Option<&str> {
    image.filter(|u| u.starts_with("https://") || u.starts_with("http://"))
}

/// OpenGraph and JSON-LD: only crawlers and share previews read them, so
/// their code (and serde_json's serialiser) waits for the first screen.
#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
fn write_head(head: Head) -> Result<(), SplitLoaderError> {
    if LATEST.with(|l| l.get()) != head.seq {
        return Ok(());
    }
    let doc = document();
    let url = window().location().href().ok();
    let site_name = Some(head.site_name.as_str()).filter(|s| !s.is_empty());
    set_meta("name", "description", head.description.as_deref());
    set_meta("property", "og:title", Some(head.og_title.as_str()));
    set_meta("property", "og:site_name", site_name);
    set_meta("property", "og:description", head.description.as_deref());
    let image = share_image(head.image.as_deref());
    set_meta("property", "og:image", image);
    set_meta("property", "og:url", url.as_deref());
    set_meta("property", "og:type", Some(if head.article.is_some() { "article" } else { "website" }));

    // Not executed (a data block), so a strict CSP does not object to it.
    if let Some(old) = doc.get_element_by_id("np-jsonld") {
        old.remove();
    }
    if let (Some(a), Some(el)) = (&head.article, doc.head()) {
        if let Ok(script) = doc.create_element("script") {
            script.set_id("np-jsonld");
            let _ = script.set_attribute("type", "application/ld+json");
            let json = news_article_json(a, url.as_deref().unwrap_or(""), image, &head.site_name);
            script.set_text_content(Some(&json));
            let _ = el.append_child(&script);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::model::decode;

    #[test]
    fn share_images_are_http_only() {
        assert_eq!(super::share_image(Some("https://a.example/x.jpg")), Some("https://a.example/x.jpg"));
        assert_eq!(super::share_image(Some("http://a.example/x.jpg")), Some("http://a.example/x.jpg"));
        assert_eq!(super::share_image(Some("data:image/png;base64,AAAA")), None);
        assert_eq!(super::share_image(None), None);
    }

    #[test]
    fn news_article_json_is_valid_and_escaped() {
        let a: crate::model::Article = decode(
            r#"{"id":"1","title":"Tin \"nóng\" </script>","body_html":"","published_at":"2019-01-10T16:47:06+07:00","author":"Ban biên tập"}"#,
        )
        .unwrap();
        let json = super::news_article_json(&super::ArticleFacts::of(&a), "https://x.vn/bai-viet/1", Some("https://x.vn/a.jpg"), "Cổng TTĐN");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["@type"], "NewsArticle");
        assert_eq!(v["headline"], "Tin \"nóng\" </script>");
        assert_eq!(v["author"]["name"], "Ban biên tập");
        assert_eq!(v["datePublished"], "2019-01-10T16:47:06+07:00");
        assert!(v.get("dateModified").is_none());
        // Set as text content, never parsed as HTML: `</script>` cannot end it.
    }
}

/// In standalone mode the reader owns the document's head; the page's own
/// description is kept for pages without one.
#[derive(Clone)]
pub(crate) struct Standalone {
    pub(crate) description: Option<String>,
}

/// Updates the document's title and metadata in standalone mode; an
/// embedding page's head is not ours to change.
pub fn set_page_meta(meta: PageMeta) {
    let Some(Standalone { description }) = use_context::<Standalone>() else { return };
    let site = match use_site().state() {
        State::Ready(s) => s,
        _ => Site::default(),
    };
    apply(Head::new(&meta, &site, description.as_deref()));
}
