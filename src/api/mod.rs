//! The reader's data, from whichever backend the host element names: HTTP
//! and decoding only, nothing visual. One client interface (`Api`), one
//! module per backend:
//! - `portal`: the Portal Content API v1 (docs/api.md), or the bundled demo;
//! - `wordpress`: a WordPress site's REST API (`data-backend="wordpress"`).
//!
//! The views never know which one they read; what a backend cannot feed
//! (visitor figures, view counts, hits on WordPress) it says through
//! [`Api::has_visitors`] and empty optional fields.

mod error;
mod first_view;
mod http;
#[cfg(feature = "portal")]
mod portal;
pub mod query;
#[cfg(feature = "wordpress")]
pub mod wordpress;

use std::sync::Arc;

use web_sys::AbortController;

pub use error::ApiError;
pub use http::{traffic, unanswered, use_prefetched, Traffic};
pub use query::ListQuery;

use crate::model::{Article, ArticleSummary, HotNews, Page, Site, VisitorStats};

#[derive(Clone)]
pub struct Api(Arc<Backend>);

/// The backends this build has: each is a cargo feature, and the loader
/// fetches the build of the one the host element names (decision 0007).
enum Backend {
    #[cfg(feature = "portal")]
    Portal(portal::Portal),
    #[cfg(feature = "wordpress")]
    WordPress(wordpress::WordPress),
}

impl Api {
    /// The Portal Content API at `base`.
    #[cfg(feature = "portal")]
    pub fn remote(base: String) -> Api {
        Api(Arc::new(Backend::Portal(portal::Portal::remote(base))))
    }

    /// The bundled demo under `asset_base`.
    #[cfg(feature = "portal")]
    pub fn demo(asset_base: &str) -> Api {
        Api(Arc::new(Backend::Portal(portal::Portal::demo(asset_base))))
    }

    /// A WordPress site's REST API: `https://site/wp-json` or
    /// `https://site/?rest_route=`.
    #[cfg(feature = "wordpress")]
    pub fn wordpress(base: String) -> Api {
        Api(Arc::new(Backend::WordPress(wordpress::WordPress::new(base))))
    }

    /// What relative URLs in the content (images, links) are relative to.
    pub fn media_base(&self) -> &str {
        match &*self.0 {
            #[cfg(feature = "portal")]
            Backend::Portal(p) => p.media_base(),
            #[cfg(feature = "wordpress")]
            Backend::WordPress(w) => w.media_base(),
        }
    }

    /// Whether the backend has visitor figures ("Thống kê truy cập").
    pub fn has_visitors(&self) -> bool {
        match &*self.0 {
            #[cfg(feature = "portal")]
            Backend::Portal(_) => true,
            #[cfg(feature = "wordpress")]
            Backend::WordPress(_) => false,
        }
    }

    pub async fn site(&self, abort: &AbortController) -> Result<Site, ApiError> {
        match &*self.0 {
            #[cfg(feature = "portal")]
            Backend::Portal(p) => p.site(abort).await,
            #[cfg(feature = "wordpress")]
            Backend::WordPress(w) => w.site(abort).await,
        }
    }

    pub async fn hot(&self, abort: &AbortController) -> Result<HotNews, ApiError> {
        match &*self.0 {
            #[cfg(feature = "portal")]
            Backend::Portal(p) => p.hot(abort).await,
            #[cfg(feature = "wordpress")]
            Backend::WordPress(w) => w.hot(abort).await,
        }
    }

    #[cfg_attr(not(feature = "portal"), allow(unused_variables))]
    pub async fn visitors(&self, abort: &AbortController) -> Result<VisitorStats, ApiError> {
        match &*self.0 {
            #[cfg(feature = "portal")]
            Backend::Portal(p) => p.visitors(abort).await,
            #[cfg(feature = "wordpress")]
            Backend::WordPress(_) => Err(ApiError::NotFound),
        }
    }

    pub async fn article(&self, id: &str, abort: &AbortController) -> Result<Article, ApiError> {
        match &*self.0 {
            #[cfg(feature = "portal")]
            Backend::Portal(p) => p.article(id, abort).await,
            #[cfg(feature = "wordpress")]
            Backend::WordPress(w) => w.article(id, abort).await,
        }
    }

    /// "Tin liên quan" of an article: the Portal API sends them with it,
    /// WordPress is asked for them (after the article is shown).
    #[cfg_attr(not(feature = "wordpress"), allow(clippy::unused_async, unused_variables))]
    pub async fn related(&self, article: &Article, abort: &AbortController) -> Result<Vec<ArticleSummary>, ApiError> {
        match &*self.0 {
            #[cfg(feature = "portal")]
            Backend::Portal(_) => Ok(article.related.clone()),
            #[cfg(feature = "wordpress")]
            Backend::WordPress(w) => w.related(article, abort).await,
        }
    }

    pub async fn articles(&self, q: &ListQuery, abort: &AbortController) -> Result<Page, ApiError> {
        match &*self.0 {
            #[cfg(feature = "portal")]
            Backend::Portal(p) => p.articles(q, abort).await,
            #[cfg(feature = "wordpress")]
            Backend::WordPress(w) => w.articles(q, abort).await,
        }
    }

    /// Counts a page view. Never awaited, never reported; WordPress counts none.
    #[cfg_attr(not(feature = "portal"), allow(unused_variables))]
    pub fn hit(&self, path: &str, article_id: Option<&str>) {
        match &*self.0 {
            #[cfg(feature = "portal")]
            Backend::Portal(p) => p.hit(path, article_id),
            #[cfg(feature = "wordpress")]
            Backend::WordPress(_) => {}
        }
    }
}
