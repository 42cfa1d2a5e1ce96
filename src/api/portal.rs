//! The Portal Content API v1 (docs/api.md), or the bundled demo: static JSON
//! under `demo/` next to the app, for which list queries are answered in the
//! client.

use std::sync::{Arc, Mutex};

use leptos::wasm_split::{wasm_split, SplitLoaderError};
use web_sys::AbortController;

use super::{http, query, ApiError, ListQuery};
use crate::model::{Article, ArticleSummary, HotNews, Page, Site, VisitorStats};

pub struct Portal {
    /// Absolute URL ending in `/`: the API base, or the demo directory.
    base: String,
    demo: bool,
    /// The demo's full list, fetched once and paged in the client.
    demo_all: Arc<Mutex<Option<Arc<Vec<ArticleSummary>>>>>,
}

impl Portal {
    pub fn remote(base: String) -> Portal {
        Portal { base: with_slash(base), demo: false, demo_all: Default::default() }
    }

    pub fn demo(asset_base: &str) -> Portal {
        Portal { base: with_slash(format!("{}demo", with_slash(asset_base.to_string()))), demo: true, demo_all: Default::default() }
    }

    /// What relative URLs in the content (images, links) are relative to.
    pub fn media_base(&self) -> &str {
        &self.base
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    // Each GET's URL, also read by `api::first_view` (what the loader asks
    // for ahead of the wasm).
    pub(super) fn site_url(&self) -> String {
        self.url(if self.demo { "site.json" } else { "site" })
    }

    pub(super) fn hot_url(&self) -> String {
        self.url(if self.demo { "hot.json" } else { "articles/hot" })
    }

    pub(super) fn visitors_url(&self) -> String {
        self.url(if self.demo { "visitors.json" } else { "stats/visitors" })
    }

    pub(super) fn article_url(&self, id: &str) -> String {
        let id = crate::url::encode_component(id);
        self.url(&if self.demo { format!("articles/{id}.json") } else { format!("articles/{id}") })
    }

    /// The demo has one list, paged in the client.
    pub(super) fn list_url(&self, q: &ListQuery) -> String {
        self.url(&if self.demo { "articles.json".into() } else { format!("articles?{}", q.to_query_string()) })
    }

    pub async fn site(&self, abort: &AbortController) -> Result<Site, ApiError> {
        http::get_json(&self.site_url(), abort).await
    }

    pub async fn hot(&self, abort: &AbortController) -> Result<HotNews, ApiError> {
        http::get_json(&self.hot_url(), abort).await
    }

    pub async fn visitors(&self, abort: &AbortController) -> Result<VisitorStats, ApiError> {
        http::get_json(&self.visitors_url(), abort).await
    }

    pub async fn article(&self, id: &str, abort: &AbortController) -> Result<Article, ApiError> {
        http::get_json(&self.article_url(id), abort).await
    }

    pub async fn articles(&self, q: &ListQuery, abort: &AbortController) -> Result<Page, ApiError> {
        if !self.demo {
            let (page, meta) = http::get_json_meta::<Page>(&self.list_url(q), abort).await?;
            return Ok(Page { saved_at: meta.saved_at, ..page });
        }
        let cached = self.demo_all.lock().ok().and_then(|c| c.clone());
        let (all, saved_at) = match cached {
            Some(all) => (all, None),
            None => {
                let (page, meta) = http::get_json_meta::<Page>(&self.list_url(q), abort).await?;
                let all = Arc::new(page.items);
                // A saved copy is asked for again next time: the network may be back.
                if let (None, Ok(mut cache)) = (&meta.saved_at, self.demo_all.lock()) {
                    *cache = Some(all.clone());
                }
                (all, meta.saved_at)
            }
        };
        let page = demo_answer(all, q.clone()).await.map_err(|_| ApiError::Network)?;
        Ok(Page { saved_at, ..page })
    }

    pub fn hit(&self, path: &str, article_id: Option<&str>) {
        if self.demo {
            return;
        }
        let (url, path, article_id) = (self.url("stats/hit"), path.to_string(), article_id.map(String::from));
        // Its code waits until the reader has something on screen; a hit
        // whose code did not arrive is lost, never reported.
        leptos::task::spawn_local(async move {
            crate::first_screen::first_paint().await;
            let _ = send_hit(url, path, article_id).await;
        });
    }
}

// Split points (decision 0008, src/split.rs): what the first view of a
// Portal API reader does not need.

/// `POST stats/hit`, with its JSON body.
#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
fn send_hit(url: String, path: String, article_id: Option<String>) -> Result<(), SplitLoaderError> {
    let body = Hit { path: &path, article_id: article_id.as_deref() };
    if let Ok(json) = serde_json::to_string(&body) {
        http::post_and_forget(&url, json);
    }
    Ok(())
}

/// The demo's list queries, answered in the client: no portal needs them.
#[wasm_split(demo, wasm_split_path = ::leptos::wasm_split, fallible)]
fn demo_answer(all: Arc<Vec<ArticleSummary>>, q: ListQuery) -> Result<Page, SplitLoaderError> {
    Ok(query::answer(&all, &q))
}

/// The body of `POST stats/hit`.
#[derive(serde::Serialize)]
struct Hit<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    article_id: Option<&'a str>,
}

fn with_slash(mut s: String) -> String {
    if !s.ends_with('/') {
        s.push('/');
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn hit_bodies_are_json() {
        let body = serde_json::to_string(&super::Hit { path: "/tìm \"x\" \\ \n", article_id: None }).unwrap();
        assert_eq!(body, r#"{"path":"/tìm \"x\" \\ \n"}"#);
        let body = serde_json::to_string(&super::Hit { path: "/bai-viet/1", article_id: Some("1") }).unwrap();
        assert_eq!(body, r#"{"path":"/bai-viet/1","article_id":"1"}"#);
    }
}
