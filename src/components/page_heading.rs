//! A page's `h1`. After a navigation it takes focus (once the page's data
//! has arrived and it exists), so assistive technology announces the new
//! page instead of staying on the link that was clicked.

use leptos::html;
use leptos::prelude::*;

use crate::router::use_router;

#[component]
pub fn PageHeading(#[prop(into)] class: String, children: Children) -> impl IntoView {
    let router = use_router();
    let node = NodeRef::<html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = node.get() {
            if router.take_focus() {
                let _ = h.focus();
            }
        }
    });
    view! { <h1 class=class tabindex="-1" node_ref=node>{children()}</h1> }
}
