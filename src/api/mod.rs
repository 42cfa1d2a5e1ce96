//! The Portal Content API v1 client (docs/api.md): HTTP and JSON only.
//!
//! One `Api` value serves either a real backend (`data-api-base`) or the
//! bundled demo: static JSON under `demo/` next to the app, for which list
//! queries are answered in the client.

mod error;
mod http;
pub mod query;

use std::sync::{Arc, Mutex};

use web_sys::AbortController;

pub use error::ApiError;
pub use query::ListQuery;

use crate::model::{Article, ArticleSummary, HotNews, Page, Site, VisitorStats};

#[derive(Clone)]
pub struct Api {
    /// Absolute URL ending in `/`: the API base, or the demo directory.
    base: String,
    demo: bool,
    /// The demo's full list, fetched once and paged in the client.
    demo_all: Arc<Mutex<Option<Arc<Vec<ArticleSummary>>>>>,
}

impl Api {
    pub fn remote(base: String) -> Api {
        Api { base: with_slash(base), demo: false, demo_all: Default::default() }
    }

    pub fn demo(asset_base: &str) -> Api {
        Api { base: with_slash(format!("{}demo", with_slash(asset_base.to_string()))), demo: true, demo_all: Default::default() }
    }

    /// What relative URLs in the content (images, links) are relative to.
    pub fn media_base(&self) -> &str {
        &self.base
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn site(&self, abort: &AbortController) -> Result<Site, ApiError> {
        http::get_json(&self.url(if self.demo { "site.json" } else { "site" }), abort).await
    }

    pub async fn hot(&self, abort: &AbortController) -> Result<HotNews, ApiError> {
        http::get_json(&self.url(if self.demo { "hot.json" } else { "articles/hot" }), abort).await
    }

    pub async fn visitors(&self, abort: &AbortController) -> Result<VisitorStats, ApiError> {
        http::get_json(&self.url(if self.demo { "visitors.json" } else { "stats/visitors" }), abort).await
    }

    pub async fn article(&self, id: &str, abort: &AbortController) -> Result<Article, ApiError> {
        let id = query::encode_component(id);
        let path = if self.demo { format!("articles/{id}.json") } else { format!("articles/{id}") };
        http::get_json(&self.url(&path), abort).await
    }

    pub async fn articles(&self, q: &ListQuery, abort: &AbortController) -> Result<Page, ApiError> {
        if !self.demo {
            return http::get_json(&self.url(&format!("articles?{}", q.to_query_string())), abort).await;
        }
        let cached = self.demo_all.lock().ok().and_then(|c| c.clone());
        let all = match cached {
            Some(all) => all,
            None => {
                let page: Page = http::get_json(&self.url("articles.json"), abort).await?;
                let all = Arc::new(page.items);
                if let Ok(mut cache) = self.demo_all.lock() {
                    *cache = Some(all.clone());
                }
                all
            }
        };
        Ok(query::answer(&all, q))
    }

    /// Counts a page view. Never awaited, never reported.
    pub fn hit(&self, path: &str, article_id: Option<&str>) {
        if self.demo {
            return;
        }
        let mut body = format!("{{\"path\":{}", json_string(path));
        if let Some(id) = article_id {
            body.push_str(&format!(",\"article_id\":{}", json_string(id)));
        }
        body.push('}');
        http::post_and_forget(&self.url("stats/hit"), &body);
    }
}

/// A JSON string literal.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
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
    fn json_strings_are_escaped() {
        let s = super::json_string("/tìm \"x\" \\ \n");
        assert_eq!(s, r#""/tìm \"x\" \\ \u000a""#);
        assert_eq!(serde_json::from_str::<String>(&s).unwrap(), "/tìm \"x\" \\ \n");
    }
}
