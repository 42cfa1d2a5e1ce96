//! What waits: the parts of the reader that its first screen does not show.
//!
//! Each function here is a split point of Leptos' code splitting
//! (`wasm_split`, what `#[lazy]` expands to). The build's wasm-split step
//! (tools/backend-builds.mjs) moves the code only split points reach into
//! chunks of their own, fetched the first time one of them is called, so the
//! first download carries the first screen (decision 0008). Natively (the
//! tests) they are plain calls. The split points are named for when they
//! load: `below` after the first paint, `article` with an article's first
//! render, `home` with the home page's, `pages` for routes that are never a portal's first view. Two more
//! are where their code is: `later` (the head's metadata in src/meta.rs, the
//! hit in src/api/portal.rs) and `demo` (src/api/portal.rs).
//!
//! Each split point sits next to the component it wraps (`hot_news::hot_news`,
//! `pages::page`, …), so this module imports no view.
//!
//! A view part returns its entry point rather than a built view, so it is
//! built where it is shown, under that place's owner and context
//! (`below_the_fold::deferred`). All are `fallible`: a chunk that cannot be
//! fetched is "network failed, retry", never a panic (`#[lazy]` would
//! `expect` it, and a panic kills the reader).

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::api::ApiError;

/// A part's entry point, once its code has arrived.
pub type Part<A = ()> = fn(A) -> AnyView;

/// Loads a part's code: the error a reader is shown when it did not arrive
/// (counted as a request with no answer, as the API's are: a reconnect
/// runs it again while the network is not really back).
pub async fn load<A>(part: impl std::future::Future<Output = Result<Part<A>, SplitLoaderError>>) -> Result<Part<A>, ApiError> {
    part.await.map_err(not_arrived)
}

/// One function for every part, not a closure per part.
fn not_arrived(_: SplitLoaderError) -> ApiError {
    crate::api::unanswered();
    ApiError::Network
}
