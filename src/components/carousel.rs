//! "Tin liên quan": related articles as a horizontally scrolling row,
//! following the WAI-ARIA APG carousel pattern (no autoplay): a labelled
//! region, slides as "n / m" groups, previous/next buttons. Swiping and
//! snapping are the browser's own (CSS scroll-snap).
//!
//! Static markup; the buttons' enabled state is set on the DOM when the row
//! scrolls (reactive attributes cost the wasm more than these few calls).

use leptos::prelude::*;
use web_sys::{Element, ScrollBehavior, ScrollToOptions};

use super::article_card::{article_card, CardStyle};
use super::{reader_root, Ctx};
use crate::app::prefers_reduced_motion;
use crate::html::Html;
use crate::model::ArticleSummary;

/// A carousel of more is no help to a reader, and a backend that sends
/// thousands must not freeze the page.
const MAX_SLIDES: usize = 20;

/// The carousel's markup; its buttons are handled through `delegate`, its
/// scrolling by the root's capturing scroll listener (`update_ends`).
pub fn carousel(h: &mut Html, cx: &Ctx, items: &[ArticleSummary]) {
    let items = &items[..items.len().min(MAX_SLIDES)];
    let t = cx.t;
    h.open("section", &[("class", "np-carousel"), ("aria-roledescription", "carousel"), ("aria-label", t.related_news)]);
    h.open("div", &[("class", "np-carousel__head")]);
    h.el("h2", &[("class", "np-section-title")], t.related_news).open("div", &[("class", "np-carousel__controls")]);
    for (class, label, arrow) in [("np-carousel__prev", t.previous_slide, "‹"), ("np-carousel__next", t.next_slide, "›")] {
        let attrs = [("type", "button"), ("class", class), ("aria-controls", "np-related-track"), ("aria-label", label)];
        h.open("button", &attrs).el("span", &[("aria-hidden", "true")], arrow).close("button");
    }
    h.close("div").close("div");
    h.open("div", &[("class", "np-carousel__track"), ("id", "np-related-track"), ("aria-live", "polite")]);
    slides(h, cx, items);
    h.close("div").close("section");
    // Once laid out: whether there is anything to scroll to.
    request_animation_frame(|| {
        if let Some(track) = reader_root().and_then(|r| r.get_element_by_id("np-related-track")) {
            update_ends(&track);
        }
    });
}

fn slides(h: &mut Html, cx: &Ctx, items: &[ArticleSummary]) {
    let style = CardStyle { level: 3, compact: true, highlight: &[] };
    for (i, item) in items.iter().enumerate() {
        let label = format!("{} / {}", i + 1, items.len());
        h.open("div", &[("class", "np-carousel__slide"), ("role", "group"), ("aria-roledescription", "slide"), ("aria-label", &label)]);
        article_card(h, cx, item, style);
        h.close("div");
    }
}

/// A click on "previous" or "next" (through `delegate`).
pub fn on_click(button: &Element) {
    let dir = if button.class_name() == "np-carousel__prev" { -1.0 } else { 1.0 };
    let track = button.closest(".np-carousel").ok().flatten().and_then(|c| c.query_selector(".np-carousel__track").ok().flatten());
    if let Some(t) = track {
        step(&t, dir);
    }
}

/// Disables "previous" at the start of the row and "next" at its end.
pub fn update_ends(track: &Element) {
    let left = track.scroll_left();
    let ends = [("np-carousel__prev", left <= 1), ("np-carousel__next", left + track.client_width() >= track.scroll_width() - 1)];
    let Some(section) = track.parent_element() else { return };
    for (class, at_end) in ends {
        if let Ok(Some(b)) = section.query_selector(&format!(".{class}")) {
            let _ = b.toggle_attribute_with_force("disabled", at_end);
        }
    }
}

/// Scrolls by one slide (its width plus the gap).
fn step(track: &Element, dir: f64) {
    let slide = track.first_element_child().map(|s| s.get_bounding_client_rect().width()).unwrap_or(280.0);
    let opts = ScrollToOptions::new();
    opts.set_left(dir * (slide + 16.0));
    opts.set_behavior(if prefers_reduced_motion() { ScrollBehavior::Instant } else { ScrollBehavior::Smooth });
    track.scroll_by_with_scroll_to_options(&opts);
}
