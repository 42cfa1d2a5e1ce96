//! A page's `h1`. After a navigation it takes focus (once the page's data
//! has arrived and it exists), so assistive technology announces the new
//! page instead of staying on the link that was clicked.

use leptos::prelude::*;

use super::reader_root;
use crate::router::use_router;

#[component]
pub fn PageHeading(#[prop(into)] class: String, children: Children) -> impl IntoView {
    let router = use_router();
    // Runs when the heading appears and again on every route change: a page
    // of the same kind (page 2, the next day, a new search) keeps its h1.
    // Deferred a frame, so a heading that the change is about to remove (the
    // previous article) has gone and the reader's one h1 is the new page's.
    Effect::new(move |_| {
        let _ = router.app_path();
        request_animation_frame(move || {
            if let Some(h1) = reader_root().and_then(|r| r.query_selector("h1").ok().flatten()) {
                if router.take_focus() {
                    let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(h1).focus();
                }
            }
        });
    });
    view! { <h1 class=class tabindex="-1">{children()}</h1> }
}
