//! How every fetched widget looks while loading, when failed, and when ready.

use leptos::prelude::*;

use super::error_notice::ErrorNotice;
use super::skeleton::Skeleton;
use crate::remote::{Remote, State};

/// Renders `remote`: a skeleton of `lines` lines while loading, the error
/// with "Thử lại" when failed, `ready(value)` otherwise. `ready` is rebuilt
/// only when the value changes; text inside it that follows the language
/// reads it in its own closures.
pub fn remote_view<T, V>(remote: Remote<T>, lines: u32, ready: impl Fn(T) -> V + Send + Sync + 'static) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    move || match remote.state() {
        State::Loading => view! { <Skeleton lines=lines/> }.into_any(),
        State::Failed(error) => view! { <ErrorNotice error=error on_retry=move || remote.retry()/> }.into_any(),
        State::Ready(value) => ready(value).into_any(),
    }
}
