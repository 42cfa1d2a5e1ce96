//! What is below the first screen (the aside, the footer, "Tin khác", the
//! carousel), rendered after the first screen has been painted: on a slow
//! phone the headline is drawn before the rest is built (issue 13).

use std::time::Duration;

use leptos::prelude::*;

#[component]
pub fn BelowTheFold(children: ChildrenFn) -> impl IntoView {
    let shown = RwSignal::new(false);
    // A frame callback runs before that frame's paint; a task queued from it
    // runs after the paint.
    request_animation_frame(move || set_timeout(move || { let _ = shown.try_set(true); }, Duration::ZERO));
    move || shown.get().then(|| children())
}
