//! A WordPress site as the reader's backend, through its public REST API
//! (`/wp-json/wp/v2/…`, or `/?rest_route=/wp/v2/…` without pretty
//! permalinks), mapped to the reader's model. Plain GETs without custom
//! headers, so every request stays a simple CORS request.

mod json;
pub mod map;

use std::sync::{Arc, Mutex};

use web_sys::AbortController;

use super::query::PER_PAGE;
use super::{http, ApiError, ListQuery};
use crate::model::{Article, ArticleSummary, HotNews, Page, Site};
use crate::url::encode_component;
use json::{Index, Post, Posts, Terms};

/// Newest posts of the category shown as "Tin liên quan".
const RELATED: u32 = 5;

/// What a list asks of each post: what its card shows (title, excerpt, date,
/// image, category). Without `_fields` every post's whole body comes with a
/// list; `_embed` names the two embeds a card reads (not the author, not the
/// comments). `_fields` keeps embeds only when it names `_links,_embedded`
/// (WordPress 5.4+; an older one sends cards without image or category).
/// tools/postbuild.mjs' loader asks with the same query.
const CARDS: &str = "_embed=wp:featuredmedia,wp:term&_fields=id,slug,title,excerpt,date_gmt,_links,_embedded";
/// "Tin nóng": five sticky posts, or the newest five; a title, a link and a time each.
const STICKY: &str = "sticky=true&per_page=5&_fields=id,slug,title,date_gmt";
const NEWEST: &str = "per_page=5&_fields=id,slug,title,date_gmt";
/// An article's embeds: all but the comments (`replies`), which it does not show.
const ARTICLE: &str = "_embed=author,wp:featuredmedia,wp:term";

pub struct WordPress {
    /// `https://site/wp-json` or `https://site/?rest_route=`: a route is appended.
    base: String,
    /// The site's root: what relative URLs in posts are relative to.
    root: String,
    /// Category slugs and ids: WordPress filters by id, the reader's URLs name slugs.
    categories: Mutex<Option<Arc<Vec<(String, u64)>>>>,
}

impl WordPress {
    pub fn new(base: String) -> WordPress {
        let (base, root) = map::split_base(&base);
        WordPress { base, root, categories: Mutex::new(None) }
    }

    pub fn media_base(&self) -> &str {
        &self.root
    }

    fn url(&self, route: &str, query: &str) -> String {
        map::route_url(&self.base, route, query)
    }

    // The first screen's URLs, also read by `api::first_view` (what the
    // loader asks for ahead of the wasm).
    pub(in crate::api) fn index_url(&self) -> String {
        self.url("/", "")
    }

    pub(in crate::api) fn categories_url(&self) -> String {
        self.url("/wp/v2/categories", "per_page=100&hide_empty=true&orderby=count&order=desc")
    }

    pub(in crate::api) fn sticky_url(&self) -> String {
        self.url("/wp/v2/posts", STICKY)
    }

    /// A page of cards, before any filter is added.
    fn cards_query(page: u32) -> String {
        format!("{CARDS}&per_page={PER_PAGE}&page={page}")
    }

    pub(in crate::api) fn cards_url(&self, page: u32) -> String {
        self.url("/wp/v2/posts", &Self::cards_query(page))
    }

    pub(in crate::api) fn post_url(&self, id: u64) -> String {
        self.url(&format!("/wp/v2/posts/{id}"), ARTICLE)
    }

    pub async fn site(&self, abort: &AbortController) -> Result<Site, ApiError> {
        let index: Index = http::get_json(&self.index_url(), abort).await?;
        // A site without categories is still a site.
        let categories = self.categories(abort).await.map(|c| c.0).unwrap_or_default();
        Ok(map::site(index, categories))
    }

    /// Every non-empty category, remembered for slug → id.
    async fn categories(&self, abort: &AbortController) -> Result<Terms, ApiError> {
        let list: Terms = http::get_json(&self.categories_url(), abort).await?;
        let ids = list.0.iter().map(|t| (t.slug.clone(), t.id)).collect();
        if let Ok(mut c) = self.categories.lock() {
            *c = Some(Arc::new(ids));
        }
        Ok(list)
    }

    async fn category_id(&self, slug: &str, abort: &AbortController) -> Result<u64, ApiError> {
        let known = self.categories.lock().ok().and_then(|c| c.clone());
        if let Some(id) = known.and_then(|c| c.iter().find(|(s, _)| s == slug).map(|(_, id)| *id)) {
            return Ok(id);
        }
        let url = self.url("/wp/v2/categories", &format!("slug={}", encode_component(slug)));
        let list: Terms = http::get_json(&url, abort).await?;
        list.0.first().map(|t| t.id).ok_or(ApiError::NotFound)
    }

    /// Sticky posts ("Tin nóng"), or the newest when the site has none.
    pub async fn hot(&self, abort: &AbortController) -> Result<HotNews, ApiError> {
        let sticky: Posts = http::get_json(&self.sticky_url(), abort).await?;
        let posts = match sticky.0.is_empty() {
            true => http::get_json::<Posts>(&self.url("/wp/v2/posts", NEWEST), abort).await?.0,
            false => sticky.0,
        };
        Ok(map::page(posts, None, None))
    }

    pub async fn articles(&self, q: &ListQuery, abort: &AbortController) -> Result<Page, ApiError> {
        let page = q.page.max(1);
        let mut query = Self::cards_query(page);
        if let Some(slug) = q.category.as_deref().filter(|s| !s.is_empty()) {
            query.push_str(&format!("&categories={}", self.category_id(slug, abort).await?));
        }
        if let Some(words) = q.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            query.push_str(&format!("&search={}", encode_component(words)));
        }
        if let Some(day) = q.date.as_deref() {
            let (after, before) = map::day_bounds(day).ok_or(ApiError::NotFound)?;
            query.push_str(&format!("&after={}&before={}", encode_component(&after), encode_component(&before)));
        }
        match http::get_json_meta::<Posts>(&self.url("/wp/v2/posts", &query), abort).await {
            Ok((posts, meta)) => Ok(Page { saved_at: meta.saved_at, ..map::page(posts.0, Some(page), meta.total) }),
            // `rest_post_invalid_page_number`: a page past the end is empty.
            Err(ApiError::Status(400)) if page > 1 => Ok(map::page(Vec::new(), Some(page), None)),
            Err(e) => Err(e),
        }
    }

    /// The post alone: its related news are asked for after it is shown
    /// ([`WordPress::related`]), not ahead of its first paint.
    pub async fn article(&self, id: &str, abort: &AbortController) -> Result<Article, ApiError> {
        // The reader's article URLs carry WordPress' numeric ids.
        let id: u64 = id.parse().map_err(|_| ApiError::NotFound)?;
        let post: Post = http::get_json(&self.post_url(id), abort).await?;
        Ok(map::article(post))
    }

    /// "Tin liên quan": the newest other posts of the article's category
    /// (WordPress has no related posts of its own).
    pub async fn related(&self, article: &Article, abort: &AbortController) -> Result<Vec<ArticleSummary>, ApiError> {
        let Some(category) = &article.summary.category else { return Ok(Vec::new()) };
        let id: u64 = article.summary.id.parse().map_err(|_| ApiError::NotFound)?;
        let category = self.category_id(&category.slug, abort).await?;
        let query = format!("{CARDS}&per_page={RELATED}&categories={category}&exclude={id}");
        let posts: Posts = http::get_json(&self.url("/wp/v2/posts", &query), abort).await?;
        Ok(map::summaries(posts.0))
    }
}
