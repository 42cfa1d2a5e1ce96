//! The first screen's GETs, by URL: what the loader asks for with the page,
//! while the wasm downloads (`tools/postbuild.mjs`, `PREFETCH_SOURCE`), and
//! the app takes over by URL (`http::use_prefetched`). The loader is
//! JavaScript written from this; `tests/loader_contract.rs` runs both over
//! one table of locations and fails on any difference. Not used by the
//! reader itself: it is built from the URLs the reader's requests use.

use super::{Api, Backend};
use crate::route::Route;

impl Api {
    /// The URLs the first screen of `route` asks for, in the loader's order.
    /// Search and news by date are not asked for ahead: their words and days
    /// come from the reader, rarely from a first visit.
    pub fn first_view(&self, route: &Route) -> Vec<String> {
        match &*self.0 {
            #[cfg(feature = "portal")]
            Backend::Portal(p) => {
                use super::ListQuery;
                let list = |page| ListQuery::page(page);
                let mut urls = vec![p.site_url(), p.visitors_url()];
                match route {
                    Route::Home { page } => urls.extend([p.hot_url(), p.list_url(&list(*page))]),
                    Route::Category { slug, page } => {
                        urls.push(p.list_url(&ListQuery { category: Some(slug.clone()), ..list(*page) }));
                    }
                    Route::Article { id, .. } => urls.push(p.article_url(id)),
                    _ => {}
                }
                urls
            }
            #[cfg(feature = "wordpress")]
            Backend::WordPress(w) => {
                let mut urls = vec![w.index_url(), w.categories_url()];
                match route {
                    Route::Home { page } => urls.extend([w.sticky_url(), w.cards_url(*page)]),
                    // A category is filtered by its id, known once the categories are in.
                    Route::Article { id, .. } => urls.extend(id.parse().ok().map(|id| w.post_url(id))),
                    _ => {}
                }
                urls
            }
        }
    }
}
