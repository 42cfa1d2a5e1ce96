//! The document's metadata in standalone mode: title, description,
//! OpenGraph and a JSON-LD `NewsArticle` for the article view. When the
//! reader is embedded, the host page's head is not ours and is left alone.

use leptos::prelude::*;
use serde::Serialize;

use crate::model::{Article, Site};

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

/// The JSON-LD for an article (schema.org NewsArticle).
pub fn news_article_json(a: &Article, url: &str, image: Option<&str>, publisher: &str) -> String {
    let s = &a.summary;
    let ld = NewsArticleLd {
        context: "https://schema.org",
        kind: "NewsArticle",
        headline: &s.title,
        url,
        publisher: Named { kind: "Organization", name: publisher },
        description: s.summary.as_deref(),
        published: s.published_at.as_deref(),
        modified: a.updated_at.as_deref(),
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

/// Writes the head for the current page; `fallback` is the description of a
/// page that has none of its own.
pub fn apply(meta: &PageMeta, site: &Site, fallback: Option<&str>) {
    let site_name = site.name.as_str();
    let description = meta.description.or(fallback);
    let doc = document();
    let title = match (meta.title.is_empty(), site_name.is_empty()) {
        (false, false) => format!("{} – {site_name}", meta.title),
        (false, true) => meta.title.to_string(),
        (true, _) => site_name.to_string(),
    };
    if !title.is_empty() {
        doc.set_title(&title);
    }
    let url = window().location().href().ok();
    set_meta("name", "description", description);
    set_meta("property", "og:title", Some(meta.title).filter(|t| !t.is_empty()).or(Some(site_name)));
    set_meta("property", "og:site_name", Some(site_name).filter(|s| !s.is_empty()));
    set_meta("property", "og:description", description);
    set_meta("property", "og:image", meta.image);
    set_meta("property", "og:url", url.as_deref());
    set_meta("property", "og:type", Some(if meta.article.is_some() { "article" } else { "website" }));

    // Not executed (a data block), so a strict CSP does not object to it.
    if let Some(old) = doc.get_element_by_id("np-jsonld") {
        old.remove();
    }
    if let (Some(a), Some(head)) = (meta.article, doc.head()) {
        if let Ok(script) = doc.create_element("script") {
            script.set_id("np-jsonld");
            let _ = script.set_attribute("type", "application/ld+json");
            script.set_text_content(Some(&news_article_json(a, url.as_deref().unwrap_or(""), meta.image, site_name)));
            let _ = head.append_child(&script);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::decode;

    #[test]
    fn news_article_json_is_valid_and_escaped() {
        let a: crate::model::Article = decode(
            r#"{"id":"1","title":"Tin \"nóng\" </script>","body_html":"","published_at":"2019-01-10T16:47:06+07:00","author":"Ban biên tập"}"#,
        )
        .unwrap();
        let json = super::news_article_json(&a, "https://x.vn/bai-viet/1", Some("https://x.vn/a.jpg"), "Cổng TTĐN");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["@type"], "NewsArticle");
        assert_eq!(v["headline"], "Tin \"nóng\" </script>");
        assert_eq!(v["author"]["name"], "Ban biên tập");
        assert_eq!(v["datePublished"], "2019-01-10T16:47:06+07:00");
        assert!(v.get("dateModified").is_none());
        // Set as text content, never parsed as HTML: `</script>` cannot end it.
    }
}
