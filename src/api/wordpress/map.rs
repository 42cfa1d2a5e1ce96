//! WordPress' JSON to the reader's model, and its URLs (pure: tested natively).

use chrono::{Datelike, NaiveDate};

use crate::format::parse_day;

use super::json::{Index, Media, Post, Rendered, Term};
use super::PER_PAGE;
use crate::model::{Article, ArticleSummary, Category, Image, Page, Site};
use crate::sanitize::{decode_text, plain_text};

/// The API base (a route is appended to it) and the site's root, from
/// `data-api-base`: `https://site/wp-json`, `https://site/?rest_route=` (or
/// with a trailing `/` on either).
pub fn split_base(base: &str) -> (String, String) {
    let base = base.trim();
    let base = match base.find("rest_route=") {
        Some(i) => base[..i + "rest_route=".len()].to_string(),
        None => base.trim_end_matches('/').to_string(),
    };
    let root = match base.find("rest_route=") {
        Some(_) => base[..base.find('?').unwrap_or(base.len())].to_string(),
        None => base.strip_suffix("/wp-json").unwrap_or(&base).to_string(),
    };
    let root = if root.ends_with('/') { root } else { format!("{root}/") };
    (base, root)
}

/// `route` (`/wp/v2/posts`) with `query` (no `?`) under `base`.
pub fn route_url(base: &str, route: &str, query: &str) -> String {
    let sep = if base.contains('?') { '&' } else { '?' };
    match query {
        "" => format!("{base}{route}"),
        q => format!("{base}{route}{sep}{q}"),
    }
}

/// `after` and `before` (both exclusive) for the portal's day `YYYY-MM-DD`
/// at +07:00, whatever the site's or the device's time zone.
pub fn day_bounds(day: &str) -> Option<(String, String)> {
    let d = parse_day(day)?;
    // Written by hand: chrono's strftime would weigh more than this module.
    let ymd = |d: NaiveDate| format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
    Some((format!("{}T23:59:59+07:00", ymd(d.pred_opt()?)), format!("{}T00:00:00+07:00", ymd(d.succ_opt()?))))
}

pub fn site(index: Index, categories: Vec<Term>) -> Site {
    Site {
        name: plain_text(&index.name),
        description: index.description.map(|d| plain_text(&d)).filter(|d| !d.is_empty()),
        categories: categories
            .into_iter()
            .filter(|t| t.count != Some(0))
            .map(|t| Category { slug: t.slug, name: decode_text(&t.name) })
            .collect(),
        ..Site::default()
    }
}

pub fn summaries(posts: Vec<Post>) -> Vec<ArticleSummary> {
    posts.into_iter().map(|p| summary(p).0).collect()
}

pub fn page(posts: Vec<Post>, page: Option<u32>, total: Option<u64>) -> Page {
    let items = summaries(posts);
    let total = total.or(page.map(|_| items.len() as u64));
    Page { items, page, per_page: page.map(|_| PER_PAGE), total, saved_at: None }
}

/// WordPress' `*_gmt` times are UTC written without an offset (`0000-…`
/// when there is none). Whatever else comes is read, or not, by
/// `format::parse_time`; nothing here cuts a string (a cut mid-character
/// would panic).
fn utc(t: Option<String>) -> Option<String> {
    t.filter(|t| !t.is_empty() && !t.starts_with("0000")).map(|t| t + "Z")
}

fn text(r: &Option<Rendered>) -> Option<String> {
    r.as_ref().and_then(|r| r.rendered.as_deref()).map(plain_text).filter(|t| !t.is_empty())
}

/// An excerpt as plain text, its `[…]` made an ellipsis.
fn excerpt(r: &Option<Rendered>) -> Option<String> {
    let t = text(r)?;
    match t.strip_suffix("[…]").or_else(|| t.strip_suffix("[...]")) {
        Some(cut) => Some(format!("{}…", cut.trim_end())),
        None => Some(t),
    }
}

fn image(m: Media) -> Image {
    let details = m.media_details;
    Image {
        url: m.source_url,
        alt: m.alt_text.filter(|a| !a.trim().is_empty()),
        caption: text(&m.caption),
        width: details.as_ref().and_then(|d| d.width),
        height: details.as_ref().and_then(|d| d.height),
    }
}

/// The summary, and what only the article shows: the author and the tags.
fn summary(mut post: Post) -> (ArticleSummary, Option<String>, Vec<String>) {
    let embedded = post.embedded.take().unwrap_or_default();
    let mut terms = embedded.terms.into_iter();
    let category = terms
        .next()
        .and_then(|c| c.0.into_iter().find(|t| t.taxonomy.as_deref().is_none_or(|x| x == "category")))
        .map(|t| Category { slug: t.slug, name: decode_text(&t.name) });
    let tags = terms.flat_map(|t| t.0).filter(|t| t.taxonomy.as_deref() == Some("post_tag")).map(|t| decode_text(&t.name));
    let author = embedded.author.into_iter().next().map(|a| plain_text(&a.name)).filter(|a| !a.is_empty());
    let s = ArticleSummary {
        id: post.id.to_string(),
        slug: post.slug.filter(|s| !s.is_empty()),
        title: text(&post.title).unwrap_or_default(),
        summary: excerpt(&post.excerpt),
        thumbnail: embedded.media.into_iter().next().map(image),
        category,
        published_at: utc(post.date_gmt),
        views: None,
    };
    (s, author, tags.collect())
}

pub fn article(mut post: Post) -> Article {
    let content = post.content.take().unwrap_or_default();
    let body_html = content.rendered.unwrap_or_default();
    let modified = utc(post.modified_gmt.take());
    let (summary, author, tags) = self::summary(post);
    Article {
        updated_at: modified.filter(|m| Some(m) != summary.published_at.as_ref()),
        author,
        source: None,
        protected: content.protected == Some(true) && body_html.trim().is_empty(),
        body_html,
        tags,
        related: Vec::new(),
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::decode;

    #[test]
    fn bases_in_both_forms() {
        let (b, r) = split_base("https://s.example/wp-json/");
        assert_eq!((b.as_str(), r.as_str()), ("https://s.example/wp-json", "https://s.example/"));
        assert_eq!(route_url(&b, "/wp/v2/posts", "page=2"), "https://s.example/wp-json/wp/v2/posts?page=2");
        let (b, r) = split_base("https://s.example/tin/?rest_route=/");
        assert_eq!((b.as_str(), r.as_str()), ("https://s.example/tin/?rest_route=", "https://s.example/tin/"));
        assert_eq!(route_url(&b, "/wp/v2/posts", "page=2"), "https://s.example/tin/?rest_route=/wp/v2/posts&page=2");
        assert_eq!(route_url(&b, "/", ""), "https://s.example/tin/?rest_route=/");
    }

    #[test]
    fn day_bounds_at_plus_seven() {
        assert_eq!(
            day_bounds("2026-01-01"),
            Some(("2025-12-31T23:59:59+07:00".into(), "2026-01-02T00:00:00+07:00".into()))
        );
        assert_eq!(day_bounds("2026-13-01"), None);
        assert_eq!(day_bounds("x"), None);
    }

    const POST: &str = r#"{"id":42,"slug":"hoi-nghi","date":"2026-11-20T00:30:00","date_gmt":"2026-11-19T17:30:00",
        "modified_gmt":"2026-11-20T03:00:00","title":{"rendered":"H&#7897;i ngh&#7883; &#8211; &#8220;x&#8221; &amp; <b>y</b><script>alert(1)</script>"},
        "excerpt":{"rendered":"<p>T&oacute;m t&#7855;t [&hellip;]</p>\n","protected":false},
        "content":{"rendered":"<p>Th&acirc;n</p>","protected":false},"categories":[3],
        "_embedded":{"author":[{"name":"Nguy&#7877;n An"}],
          "wp:featuredmedia":[{"source_url":"https://s.example/a.png","alt_text":"","caption":{"rendered":"<p>Ch&uacute; th&iacute;ch</p>"},"media_details":{"width":800,"height":450}}],
          "wp:term":[[{"id":3,"slug":"tin-tuc","name":"Tin t\u1ee9c &amp; S\u1ef1 ki\u1ec7n","taxonomy":"category"}],[{"id":9,"slug":"a","name":"Đối ngoại","taxonomy":"post_tag"}]]}}"#;

    #[test]
    fn a_post_becomes_an_article() {
        let post: Post = decode(POST).unwrap();
        let a = article(post);
        assert_eq!(a.summary.id, "42");
        assert_eq!(a.summary.title, "Hội nghị – “x” & y");
        assert_eq!(a.summary.summary.as_deref(), Some("Tóm tắt…"));
        assert_eq!(a.summary.published_at.as_deref(), Some("2026-11-19T17:30:00Z"));
        assert_eq!(a.updated_at.as_deref(), Some("2026-11-20T03:00:00Z"));
        assert_eq!(a.summary.category, Some(Category { slug: "tin-tuc".into(), name: "Tin tức & Sự kiện".into() }));
        let img = a.summary.thumbnail.unwrap();
        assert_eq!((img.caption.as_deref(), img.width, img.height, img.alt), (Some("Chú thích"), Some(800), Some(450), None));
        assert_eq!(a.author.as_deref(), Some("Nguyễn An"));
        assert_eq!(a.tags, vec!["Đối ngoại"]);
        assert_eq!((a.body_html.as_str(), a.protected, a.summary.views), ("<p>Th&acirc;n</p>", false, None));
    }

    #[test]
    fn odd_times_are_no_times() {
        assert_eq!(utc(Some("2026-11-19T17:30:00".into())).as_deref(), Some("2026-11-19T17:30:00Z"));
        assert_eq!(utc(Some("0000-00-00T00:00:00".into())), None);
        assert_eq!(utc(Some(String::new())), None);
        // Odd values never panic and are no time to show.
        for odd in ["2026-11-19", "2026-11-19T17:30:0đ", "2026-11-19T17:30:ồ0", "đ"] {
            assert_eq!(utc(Some(odd.into())).as_deref().and_then(crate::format::parse_time), None, "{odd}");
        }
    }

    #[test]
    fn protected_posts_and_bad_items() {
        let p: Post = decode(r#"{"id":7,"title":{"rendered":"Mật"},"content":{"rendered":"","protected":true}}"#).unwrap();
        assert!(article(p).protected);
        let list: super::super::json::Posts = decode(r#"[{"id":"x"},{"id":8,"title":{"rendered":"Tám"}}]"#).unwrap();
        let page = page(list.0, Some(1), Some(31));
        assert_eq!((page.items.len(), page.items[0].title.as_str(), page.page_count()), (1, "Tám", 4));
        assert!(decode::<super::super::json::Posts>(r#"{"code":"rest_no_route"}"#).is_none());
    }
}
