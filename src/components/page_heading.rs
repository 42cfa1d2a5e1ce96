//! A page's `h1`. After a navigation it takes focus (once the page's data
//! has arrived and it exists), so assistive technology announces the new
//! page instead of staying on the link that was clicked.

use leptos::html;
use leptos::prelude::*;

use crate::router::use_router;

#[component]
pub fn PageHeading(class: &'static str, children: Children) -> impl IntoView {
    let router = use_router();
    let node = NodeRef::<html::H1>::new();
    // Runs when the heading appears and again on every route change: a page
    // of the same kind (page 2, the next day, a new search) keeps its h1.
    // Deferred a frame, so a heading that the change is about to remove (the
    // previous article) does not take the focus meant for its successor.
    Effect::new(move |_| {
        let _ = router.app_path();
        if let Some(h) = node.get() {
            request_animation_frame(move || {
                if h.is_connected() && router.take_focus() {
                    let _ = h.focus();
                }
            });
        }
    });
    view! { <h1 class=class tabindex="-1" node_ref=node>{children()}</h1> }
}
