//! How every fetched widget looks while loading, when failed, and when ready.

use leptos::prelude::*;

use super::error_notice::ErrorNotice;
pub use super::skeleton::skeleton_view;
use crate::remote::{Remote, State};

/// A reactive region whose content is rebuilt when what it reads changes.
///
/// Boxed on purpose: every distinct closure type would otherwise get its own
/// copy of Leptos' render and rebuild code in the wasm; behind one trait
/// object they all share a single copy.
pub type Dynamic = Box<dyn FnMut() -> AnyView + Send>;

pub fn dynamic(f: impl FnMut() -> AnyView + Send + 'static) -> Dynamic {
    Box::new(f)
}

/// Static markup (`crate::html`) as a view. Every fragment shares this one
/// view type, so Leptos' render code for it is in the wasm once; the
/// `display: contents` box lays the fragment out as its parent's children.
pub fn markup(html: String) -> AnyView {
    view! { <div class="np-contents" inner_html=html></div> }.into_any()
}

/// Renders `remote`: a skeleton of `lines` lines while loading, the error
/// with "Thử lại" when failed, `ready(value)` otherwise.
pub fn remote_view<T, V>(remote: Remote<T>, lines: u32, ready: impl Fn(T) -> V + Send + Sync + 'static) -> Dynamic
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    dynamic(move || match remote.state() {
        State::Loading => skeleton_view(lines),
        State::Failed(error) => error_view(error, remote.retry_handle()),
        State::Ready(value) => ready(value).into_any(),
    })
}

/// The error notice, built once here for every caller.
pub fn error_view(error: crate::api::ApiError, retry: crate::remote::Retry) -> AnyView {
    view! { <ErrorNotice error=error retry=retry/> }.into_any()
}
