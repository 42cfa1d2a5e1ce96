//! An article image from the backend: only http(s) sources, lazy, with its
//! box reserved (width/height and a CSS aspect ratio) so nothing shifts.

use leptos::prelude::*;

use crate::api::Api;
use crate::model::Image;
use crate::url::safe_image;

/// The image's safe source, if it has one: callers that wrap the image in a
/// link ask first, so no empty link is left when it has none.
pub fn thumbnail_src(image: &Image) -> Option<String> {
    safe_image(expect_context::<Api>().media_base(), &image.url)
}

#[component]
pub fn Thumbnail(image: Image, class: &'static str, #[prop(optional)] eager: bool) -> impl IntoView {
    let src = thumbnail_src(&image)?;
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
