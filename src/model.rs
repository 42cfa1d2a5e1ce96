//! Plain data types of the Portal Content API v1 (docs/api.md), and their
//! decoding from JSON.
//!
//! Decoding is deliberately forgiving where the reader loses nothing: unknown
//! fields are ignored, an optional field of the wrong type is treated as
//! missing, and a list item that cannot be read is skipped rather than taking
//! the whole list down. A required field missing or of the wrong type makes
//! the whole value unreadable (`None`).
//!
//! Written by hand over `json::Value` rather than derived with serde: the
//! derived visitors for a dozen types, plus flattening and per-field
//! leniency, cost the wasm several times this code.

use crate::json::Value;

/// A type read from a JSON value.
pub trait FromJson: Sized {
    fn from_json(v: &Value) -> Option<Self>;
}

/// Parses JSON text into `T`; `None` for invalid JSON or a payload that is
/// not a `T`.
pub fn decode<T: FromJson>(text: &str) -> Option<T> {
    T::from_json(&crate::json::parse(text)?)
}

fn string(v: &Value, key: &str) -> Option<String> {
    v.get(key)?.as_str().map(str::to_owned)
}

fn count(v: &Value, key: &str) -> Option<u64> {
    v.get(key)?.as_u64()
}

fn small(v: &Value, key: &str) -> Option<u32> {
    count(v, key)?.try_into().ok()
}

fn object<T: FromJson>(v: &Value, key: &str) -> Option<T> {
    T::from_json(v.get(key)?)
}

/// An optional list: wrong type gives empty, unreadable items are skipped.
fn list<T: FromJson>(v: &Value, key: &str) -> Vec<T> {
    let items = v.get(key).and_then(Value::as_array);
    items.map(|a| a.iter().filter_map(T::from_json).collect()).unwrap_or_default()
}

/// A required list whose items may individually be broken: unreadable only
/// when it is not a list, or when it had items and none could be read.
fn required_list<T: FromJson>(v: &Value, key: &str) -> Option<Vec<T>> {
    let items = v.get(key)?.as_array()?;
    let good: Vec<T> = items.iter().filter_map(T::from_json).collect();
    (items.is_empty() || !good.is_empty()).then_some(good)
}

impl FromJson for String {
    fn from_json(v: &Value) -> Option<Self> {
        v.as_str().map(str::to_owned)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    pub slug: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    pub url: String,
    pub alt: Option<String>,
    pub caption: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ArticleSummary {
    pub id: String,
    pub slug: Option<String>,
    pub title: String,
    pub summary: Option<String>,
    pub thumbnail: Option<Image>,
    pub category: Option<Category>,
    /// RFC 3339; kept as sent and parsed when shown, so one bad date costs
    /// only that date.
    pub published_at: Option<String>,
    pub views: Option<u64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// The summary fields the article shares with list items.
    pub summary: ArticleSummary,
    pub updated_at: Option<String>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub body_html: String,
    pub tags: Vec<String>,
    pub related: Vec<ArticleSummary>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub items: Vec<ArticleSummary>,
    pub page: Option<u32>,
    pub per_page: Option<u32>,
    pub total: Option<u64>,
}

/// `GET articles/hot`: `{ "items": [...] }`, a page without its paging
/// fields; read as one, so the wasm has one decoder and one fetch type less.
pub type HotNews = Page;

#[derive(Clone, Debug, PartialEq)]
pub struct VisitorStats {
    pub online: u64,
    pub today: u64,
    pub week: Option<u64>,
    pub month: Option<u64>,
    pub total: u64,
    pub updated_at: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub title: String,
    pub url: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LinkGroup {
    pub name: String,
    pub links: Vec<Link>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Badge {
    pub title: String,
    pub image: Option<String>,
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    pub name: String,
    pub language: Option<String>,
    pub agency: Option<String>,
    pub licence: Option<String>,
    pub responsible: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub source_notice: Option<String>,
    pub categories: Vec<Category>,
    pub link_groups: Vec<LinkGroup>,
    pub badges: Vec<Badge>,
    /// Not in API v1: a CMS login page, shown as "Đăng nhập" when present.
    pub login_url: Option<String>,
}

impl Page {
    /// Number of pages, from `total` and `per_page`; never below the page
    /// being shown (a backend may report a `total` smaller than what it sent).
    pub fn page_count(&self) -> u32 {
        let per = self.per_page.filter(|&p| p > 0).unwrap_or(10) as u64;
        let total = self.total.unwrap_or(self.items.len() as u64);
        let pages = total.div_ceil(per).min(u32::MAX as u64) as u32;
        pages.max(self.page.unwrap_or(1)).max(1)
    }
}

impl FromJson for Category {
    fn from_json(v: &Value) -> Option<Self> {
        Some(Category { slug: string(v, "slug")?, name: string(v, "name")? })
    }
}

impl FromJson for Image {
    fn from_json(v: &Value) -> Option<Self> {
        Some(Image {
            url: string(v, "url")?,
            alt: string(v, "alt"),
            caption: string(v, "caption"),
            width: small(v, "width"),
            height: small(v, "height"),
        })
    }
}

impl FromJson for ArticleSummary {
    fn from_json(v: &Value) -> Option<Self> {
        Some(ArticleSummary {
            id: string(v, "id")?,
            slug: string(v, "slug"),
            title: string(v, "title")?,
            summary: string(v, "summary"),
            thumbnail: object(v, "thumbnail"),
            category: object(v, "category"),
            published_at: string(v, "published_at"),
            views: count(v, "views"),
        })
    }
}

impl FromJson for Article {
    fn from_json(v: &Value) -> Option<Self> {
        Some(Article {
            summary: ArticleSummary::from_json(v)?,
            updated_at: string(v, "updated_at"),
            author: string(v, "author"),
            source: string(v, "source"),
            body_html: string(v, "body_html")?,
            tags: list(v, "tags"),
            related: list(v, "related"),
        })
    }
}

impl FromJson for Page {
    fn from_json(v: &Value) -> Option<Self> {
        Some(Page {
            items: required_list(v, "items")?,
            page: small(v, "page"),
            per_page: small(v, "per_page"),
            total: count(v, "total"),
        })
    }
}

impl FromJson for VisitorStats {
    fn from_json(v: &Value) -> Option<Self> {
        Some(VisitorStats {
            online: count(v, "online")?,
            today: count(v, "today")?,
            week: count(v, "week"),
            month: count(v, "month"),
            total: count(v, "total")?,
            updated_at: string(v, "updated_at"),
        })
    }
}

impl FromJson for Link {
    fn from_json(v: &Value) -> Option<Self> {
        Some(Link { title: string(v, "title")?, url: string(v, "url")? })
    }
}

impl FromJson for LinkGroup {
    fn from_json(v: &Value) -> Option<Self> {
        Some(LinkGroup { name: string(v, "name")?, links: list(v, "links") })
    }
}

impl FromJson for Badge {
    fn from_json(v: &Value) -> Option<Self> {
        Some(Badge { title: string(v, "title")?, image: string(v, "image"), url: string(v, "url") })
    }
}

impl FromJson for Site {
    fn from_json(v: &Value) -> Option<Self> {
        Some(Site {
            name: string(v, "name")?,
            language: string(v, "language"),
            agency: string(v, "agency"),
            licence: string(v, "licence"),
            responsible: string(v, "responsible"),
            address: string(v, "address"),
            phone: string(v, "phone"),
            email: string(v, "email"),
            source_notice: string(v, "source_notice"),
            categories: list(v, "categories"),
            link_groups: list(v, "link_groups"),
            badges: list(v, "badges"),
            login_url: string(v, "login_url"),
        })
    }
}
