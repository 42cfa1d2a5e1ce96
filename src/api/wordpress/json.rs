//! WordPress REST API (`wp/v2`) JSON as it comes, read as forgivingly as the
//! Portal API's (src/model.rs): unknown fields ignored, a wrong optional
//! field missing, an unreadable item skipped. Text is HTML here.

use serde::Deserialize;

use crate::model::{lenient, lenient_list, required_list};

/// `{ "rendered": "…", "protected": false }`: title, excerpt, content, caption.
#[derive(Deserialize, Default)]
pub struct Rendered {
    #[serde(default, deserialize_with = "lenient")]
    pub rendered: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub protected: Option<bool>,
}

#[derive(Deserialize)]
pub struct Post {
    pub id: u64,
    #[serde(default, deserialize_with = "lenient")]
    pub slug: Option<String>,
    /// UTC, written without an offset.
    #[serde(default, deserialize_with = "lenient")]
    pub date_gmt: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub modified_gmt: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub title: Option<Rendered>,
    #[serde(default, deserialize_with = "lenient")]
    pub excerpt: Option<Rendered>,
    #[serde(default, deserialize_with = "lenient")]
    pub content: Option<Rendered>,
    #[serde(default, deserialize_with = "lenient_list")]
    pub categories: Vec<u64>,
    #[serde(default, rename = "_embedded", deserialize_with = "lenient")]
    pub embedded: Option<Embedded>,
}

/// A list of posts; unreadable only when no item could be read.
#[derive(Deserialize)]
#[serde(transparent)]
pub struct Posts(#[serde(deserialize_with = "required_list")] pub Vec<Post>);

/// What `_embed` adds: only what exists (no `wp:featuredmedia` without one).
#[derive(Deserialize, Default)]
pub struct Embedded {
    #[serde(default, deserialize_with = "lenient_list")]
    pub author: Vec<Author>,
    #[serde(default, rename = "wp:featuredmedia", deserialize_with = "lenient_list")]
    pub media: Vec<Media>,
    /// Categories, then tags: a list of lists.
    #[serde(default, rename = "wp:term", deserialize_with = "lenient_list")]
    pub terms: Vec<Terms>,
}

#[derive(Deserialize)]
pub struct Author {
    pub name: String,
}

#[derive(Deserialize)]
pub struct Media {
    pub source_url: String,
    #[serde(default, deserialize_with = "lenient")]
    pub alt_text: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub caption: Option<Rendered>,
    #[serde(default, deserialize_with = "lenient")]
    pub media_details: Option<MediaDetails>,
}

#[derive(Deserialize)]
pub struct MediaDetails {
    #[serde(default, deserialize_with = "lenient")]
    pub width: Option<u32>,
    #[serde(default, deserialize_with = "lenient")]
    pub height: Option<u32>,
}

/// A list of categories or tags (also one of `wp:term`'s lists).
#[derive(Deserialize)]
#[serde(transparent)]
pub struct Terms(#[serde(deserialize_with = "lenient_list")] pub Vec<Term>);

#[derive(Deserialize)]
pub struct Term {
    pub id: u64,
    pub slug: String,
    pub name: String,
    #[serde(default, deserialize_with = "lenient")]
    pub taxonomy: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub count: Option<u64>,
}


/// `GET /wp-json`: the site.
#[derive(Deserialize)]
pub struct Index {
    pub name: String,
    #[serde(default, deserialize_with = "lenient")]
    pub description: Option<String>,
}
