//! An article image from the backend: only http(s) sources, lazy, with its
//! box reserved (width/height and a CSS aspect ratio) so nothing shifts.

use leptos::prelude::*;

use crate::api::Api;
use crate::model::Image;
use crate::url::safe_image;

#[component]
pub fn Thumbnail(
    image: Image,
    #[prop(into)] class: String,
    #[prop(optional)] eager: bool,
) -> impl IntoView {
    let api = expect_context::<Api>();
    let src = safe_image(api.media_base(), &image.url)?;
    // A 3:2 box when the backend does not say, the portals' usual shape.
    let (width, height) = match (image.width, image.height) {
        (Some(w), Some(h)) if w > 0 && h > 0 => (w, h),
        _ => (600, 400),
    };
    Some(view! {
        <img
            class=class
            src=src
            alt=image.alt.unwrap_or_default()
            width=width
            height=height
            loading=if eager { "eager" } else { "lazy" }
            fetchpriority=if eager { "high" } else { "auto" }
            decoding="async"
        />
    })
}
