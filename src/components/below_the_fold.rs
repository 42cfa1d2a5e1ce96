//! What is below the first screen (the aside, the footer, "Tin khác", the
//! carousel), rendered after the first screen has been painted: on a slow
//! phone the headline is drawn before the rest is built, and its requests
//! go after the first screen's (issue 13). Parts
//! whose code waits in a chunk of its own (`crate::split`) are fetched then.

use std::future::Future;
use std::time::Duration;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use super::remote_view::remote_view;
use crate::first_screen::{first_paint, later_styles, next_task};
use crate::remote::Remote;
use crate::split::{self, Part};

#[component]
pub fn BelowTheFold(children: ChildrenFn) -> impl IntoView {
    let shown = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        // On the first view, after the first screen (its answers too) is
        // painted; on later pages, after the next frame is painted: a frame
        // callback runs before that frame's paint, a task queued from it after.
        first_paint().await;
        request_animation_frame(move || set_timeout(move || { let _ = shown.try_set(true); }, Duration::ZERO));
    });
    move || shown.get().then(|| children())
}

/// A part of the reader whose code is fetched when it is first shown: a
/// skeleton of `lines` lines meanwhile, "Thử lại" if the code did not
/// arrive, then the part built with `arg`, once its styles (the later
/// sheet, src/mount.rs) are in too, so it never shows unstyled.
pub fn deferred<A, F, Fut>(part: F, arg: A, lines: u32) -> impl IntoView
where
    A: Clone + Send + Sync + 'static,
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<Part<A>, SplitLoaderError>> + 'static,
{
    let part = std::rc::Rc::new(part);
    let code = Remote::code(|| (), move |(), _abort| {
        let part = part.clone();
        async move {
            // Asked for after the first screen is painted, not ahead of it.
            first_paint().await;
            let code = split::load(part()).await?;
            later_styles().await;
            // Built in a task of its own, not with every part of its chunk.
            next_task().await;
            Ok(code)
        }
    });
    remote_view(code, lines, move |build| build(arg.clone()))
}
