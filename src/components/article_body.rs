//! The article's body: the backend's HTML, sanitised before it reaches the
//! DOM (it is untrusted: see src/sanitize/). The one `inner_html` of the
//! reader, and it takes only `SafeHtml`, which only the sanitiser makes.

use leptos::prelude::*;

use crate::sanitize::SafeHtml;

/// Links in the body to the reader's own routes navigate in place, through
/// the reader root's listener.
#[component]
pub fn ArticleBody(html: SafeHtml) -> impl IntoView {
    view! { <div class="np-article__body" inner_html=html.into_string()></div> }
}
