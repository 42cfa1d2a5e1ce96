//! Plain data types of the Portal Content API v1 (docs/api.md), decoded
//! with serde.
//!
//! Decoding is deliberately forgiving where the reader loses nothing: unknown
//! fields are ignored, an optional field of the wrong type is treated as
//! missing (`lenient`), and a list item that cannot be read is skipped rather
//! than taking the whole list down (`lenient_list`). A required field missing
//! or of the wrong type makes the whole value unreadable (`None`).

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

/// Parses JSON text into `T`; `None` for invalid JSON or a payload that is
/// not a `T`.
pub fn decode<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str(text).ok()
}

// The helpers keep a field's raw JSON text and read it again as the type
// wanted: a wrong type then costs that field (or item), not the value.

/// An optional field: missing, `null` or of the wrong type is `None`.
pub(crate) fn lenient<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Option<T>, D::Error> {
    let raw = <&'de RawValue>::deserialize(d)?;
    Ok(decode(raw.get()))
}

fn items<T: DeserializeOwned>(items: Vec<&RawValue>) -> Vec<T> {
    items.into_iter().filter_map(|raw| decode(raw.get())).collect()
}

/// An optional list: of the wrong type it is empty; unreadable items are
/// skipped.
pub(crate) fn lenient_list<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Vec<T>, D::Error> {
    let raw = <&'de RawValue>::deserialize(d)?;
    Ok(serde_json::from_str::<Vec<&RawValue>>(raw.get()).map(items).unwrap_or_default())
}

/// A required list whose items may individually be broken: unreadable only
/// when it is not a list, or when it had items and none could be read.
pub(crate) fn required_list<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Vec<T>, D::Error> {
    let all = Vec::<&'de RawValue>::deserialize(d)?;
    let had = !all.is_empty();
    let good = items(all);
    if had && good.is_empty() {
        return Err(D::Error::custom("no readable item"));
    }
    Ok(good)
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Category {
    pub slug: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Image {
    pub url: String,
    #[serde(default, deserialize_with = "lenient")]
    pub alt: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub caption: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub width: Option<u32>,
    #[serde(default, deserialize_with = "lenient")]
    pub height: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ArticleSummary {
    pub id: String,
    #[serde(default, deserialize_with = "lenient")]
    pub slug: Option<String>,
    pub title: String,
    #[serde(default, deserialize_with = "lenient")]
    pub summary: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub thumbnail: Option<Image>,
    #[serde(default, deserialize_with = "lenient")]
    pub category: Option<Category>,
    /// RFC 3339; kept as sent and parsed when shown, so one bad date costs
    /// only that date.
    #[serde(default, deserialize_with = "lenient")]
    pub published_at: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub views: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(from = "ArticleJson")]
pub struct Article {
    /// The summary fields the article shares with list items.
    pub summary: ArticleSummary,
    pub updated_at: Option<String>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub body_html: String,
    pub tags: Vec<String>,
    pub related: Vec<ArticleSummary>,
    /// A password-protected post (WordPress): the body is not given out.
    pub protected: bool,
}

/// An article as the API sends it: its summary's fields and its own in one
/// object (read flat rather than with `#[serde(flatten)]`, which buffers
/// every field first).
#[derive(Deserialize)]
struct ArticleJson {
    id: String,
    #[serde(default, deserialize_with = "lenient")]
    slug: Option<String>,
    title: String,
    #[serde(default, deserialize_with = "lenient")]
    summary: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    thumbnail: Option<Image>,
    #[serde(default, deserialize_with = "lenient")]
    category: Option<Category>,
    #[serde(default, deserialize_with = "lenient")]
    published_at: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    views: Option<u64>,
    #[serde(default, deserialize_with = "lenient")]
    updated_at: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    author: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    source: Option<String>,
    body_html: String,
    #[serde(default, deserialize_with = "lenient_list")]
    tags: Vec<String>,
    #[serde(default, deserialize_with = "lenient_list")]
    related: Vec<ArticleSummary>,
}

impl From<ArticleJson> for Article {
    fn from(a: ArticleJson) -> Article {
        let ArticleJson { id, slug, title, summary, thumbnail, category, published_at, views, .. } = a;
        Article {
            summary: ArticleSummary { id, slug, title, summary, thumbnail, category, published_at, views },
            updated_at: a.updated_at,
            author: a.author,
            source: a.source,
            body_html: a.body_html,
            tags: a.tags,
            related: a.related,
            protected: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Page {
    #[serde(deserialize_with = "required_list")]
    pub items: Vec<ArticleSummary>,
    #[serde(default, deserialize_with = "lenient")]
    pub page: Option<u32>,
    #[serde(default, deserialize_with = "lenient")]
    pub per_page: Option<u32>,
    #[serde(default, deserialize_with = "lenient")]
    pub total: Option<u64>,
    /// When the copy shown was saved, if it is the service worker's and not
    /// the network's (RFC 3339): a reader offline sees how old the list is.
    #[serde(skip)]
    pub saved_at: Option<String>,
}

/// `GET articles/hot`: `{ "items": [...] }`, a page without its paging
/// fields.
pub type HotNews = Page;

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct VisitorStats {
    pub online: u64,
    pub today: u64,
    #[serde(default, deserialize_with = "lenient")]
    pub week: Option<u64>,
    #[serde(default, deserialize_with = "lenient")]
    pub month: Option<u64>,
    pub total: u64,
    #[serde(default, deserialize_with = "lenient")]
    pub updated_at: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct LinkGroup {
    pub name: String,
    #[serde(default, deserialize_with = "lenient_list")]
    pub links: Vec<Link>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Badge {
    pub title: String,
    #[serde(default, deserialize_with = "lenient")]
    pub image: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Default, Deserialize)]
pub struct Site {
    pub name: String,
    /// Not in API v1: the site's tagline (WordPress' description).
    #[serde(default, deserialize_with = "lenient")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub language: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub agency: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub licence: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub responsible: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub address: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub phone: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub email: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub source_notice: Option<String>,
    #[serde(default, deserialize_with = "lenient_list")]
    pub categories: Vec<Category>,
    #[serde(default, deserialize_with = "lenient_list")]
    pub link_groups: Vec<LinkGroup>,
    #[serde(default, deserialize_with = "lenient_list")]
    pub badges: Vec<Badge>,
    /// Not in API v1: a CMS login page, shown as "Đăng nhập" when present.
    #[serde(default, deserialize_with = "lenient")]
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
