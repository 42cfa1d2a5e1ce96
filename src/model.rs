//! Plain data types of the Portal Content API v1 (docs/api.md).
//!
//! Decoding is deliberately forgiving where the reader loses nothing: unknown
//! fields are ignored, an optional field of the wrong type is treated as
//! missing, and a list item that cannot be read is skipped rather than taking
//! the whole list down. Required fields of the wrong type are still an error.

use serde::de::{DeserializeOwned, Deserializer};
use serde::Deserialize;
use serde_json::Value;

/// An optional field: missing, `null` or of the wrong type all give `None`.
fn opt<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Option<T>, D::Error> {
    Ok(T::deserialize(Value::deserialize(d)?).ok())
}

/// An optional list: wrong type gives empty, unreadable items are skipped.
fn list<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Array(items) => items.into_iter().filter_map(|v| T::deserialize(v).ok()).collect(),
        _ => Vec::new(),
    })
}

/// A required list whose items may individually be broken. Fails only when the
/// field is not a list, or when it had items and none of them could be read
/// (then the payload is wrong, not one item).
fn required_list<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Vec<T>, D::Error> {
    let Value::Array(items) = Value::deserialize(d)? else {
        return Err(serde::de::Error::custom("expected a list"));
    };
    let had_items = !items.is_empty();
    let good: Vec<T> = items.into_iter().filter_map(|v| T::deserialize(v).ok()).collect();
    if had_items && good.is_empty() {
        return Err(serde::de::Error::custom("no readable item in the list"));
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
    #[serde(default, deserialize_with = "opt")]
    pub alt: Option<String>,
    #[serde(default, deserialize_with = "opt")]
    pub caption: Option<String>,
    #[serde(default, deserialize_with = "opt")]
    pub width: Option<u32>,
    #[serde(default, deserialize_with = "opt")]
    pub height: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ArticleSummary {
    pub id: String,
    #[serde(default, deserialize_with = "opt")]
    pub slug: Option<String>,
    pub title: String,
    #[serde(default, deserialize_with = "opt")]
    pub summary: Option<String>,
    #[serde(default, deserialize_with = "opt")]
    pub thumbnail: Option<Image>,
    #[serde(default, deserialize_with = "opt")]
    pub category: Option<Category>,
    /// RFC 3339; kept as sent and parsed when shown, so one bad date costs
    /// only that date.
    #[serde(default, deserialize_with = "opt")]
    pub published_at: Option<String>,
    #[serde(default, deserialize_with = "opt")]
    pub views: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Article {
    #[serde(flatten)]
    pub summary: ArticleSummary,
    #[serde(default, deserialize_with = "opt")]
    pub updated_at: Option<String>,
    #[serde(default, deserialize_with = "opt")]
    pub author: Option<String>,
    #[serde(default, deserialize_with = "opt")]
    pub source: Option<String>,
    pub body_html: String,
    #[serde(default, deserialize_with = "list")]
    pub tags: Vec<String>,
    #[serde(default, deserialize_with = "list")]
    pub related: Vec<ArticleSummary>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Page {
    #[serde(deserialize_with = "required_list")]
    pub items: Vec<ArticleSummary>,
    #[serde(default, deserialize_with = "opt")]
    pub page: Option<u32>,
    #[serde(default, deserialize_with = "opt")]
    pub per_page: Option<u32>,
    #[serde(default, deserialize_with = "opt")]
    pub total: Option<u64>,
}

/// `GET articles/hot`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct HotNews {
    #[serde(deserialize_with = "required_list")]
    pub items: Vec<ArticleSummary>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct VisitorStats {
    pub online: u64,
    pub today: u64,
    #[serde(default, deserialize_with = "opt")]
    pub week: Option<u64>,
    #[serde(default, deserialize_with = "opt")]
    pub month: Option<u64>,
    pub total: u64,
    #[serde(default, deserialize_with = "opt")]
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
    #[serde(default, deserialize_with = "list")]
    pub links: Vec<Link>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Badge {
    pub title: String,
    #[serde(default, deserialize_with = "opt")]
    pub image: Option<String>,
    #[serde(default, deserialize_with = "opt")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Site {
    pub name: String,
    #[serde(default, deserialize_with = "opt")]
    pub language: Option<String>,
    #[serde(default, deserialize_with = "opt")]
    pub agency: Option<String>,
    #[serde(default, deserialize_with = "opt")]
    pub licence: Option<String>,
    #[serde(default, deserialize_with = "opt")]
    pub responsible: Option<String>,
    #[serde(default, deserialize_with = "opt")]
    pub address: Option<String>,
    #[serde(default, deserialize_with = "opt")]
    pub phone: Option<String>,
    #[serde(default, deserialize_with = "opt")]
    pub email: Option<String>,
    #[serde(default, deserialize_with = "opt")]
    pub source_notice: Option<String>,
    #[serde(default, deserialize_with = "list")]
    pub categories: Vec<Category>,
    #[serde(default, deserialize_with = "list")]
    pub link_groups: Vec<LinkGroup>,
    #[serde(default, deserialize_with = "list")]
    pub badges: Vec<Badge>,
    /// Not in API v1: a CMS login page, shown as "Đăng nhập" when present.
    #[serde(default, deserialize_with = "opt")]
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
