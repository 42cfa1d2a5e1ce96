//! An article image from the backend: only http(s) sources, lazy, with its
//! box reserved (width/height and a CSS aspect ratio) so nothing shifts.

use super::Ctx;
use crate::html::Html;
use crate::model::Image;
use crate::url::safe_image;

/// Writes nothing when the source is not a safe http(s) URL.
pub fn thumbnail(h: &mut Html, cx: &Ctx, image: &Image, class: &str, eager: bool) {
    let Some(src) = safe_image(&cx.media, &image.url) else { return };
    // A 3:2 box when the backend does not say, the portals' usual shape.
    let (width, height) = match (image.width, image.height) {
        (Some(w), Some(h)) if w > 0 && h > 0 => (w, h),
        _ => (600, 400),
    };
    h.open("img", &[
        ("class", class),
        ("src", &src),
        ("alt", image.alt.as_deref().unwrap_or_default()),
        ("width", &width.to_string()),
        ("height", &height.to_string()),
        ("loading", if eager { "eager" } else { "lazy" }),
        ("fetchpriority", if eager { "high" } else { "auto" }),
        ("decoding", "async"),
    ]);
}
