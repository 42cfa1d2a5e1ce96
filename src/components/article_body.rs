//! The article's body: the backend's HTML, sanitised before it reaches the
//! DOM (it is untrusted: see src/sanitize.rs).

use leptos::prelude::*;

use crate::api::Api;
use crate::sanitize::sanitize_html;

#[component]
pub fn ArticleBody(html: String) -> impl IntoView {
    let api = expect_context::<Api>();
    let clean = sanitize_html(&html, api.media_base());
    view! { <div class="np-article__body" inner_html=clean></div> }
}
