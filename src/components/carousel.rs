//! "Tin liên quan": related articles as a horizontally scrolling row,
//! following the WAI-ARIA APG carousel pattern (no autoplay): a labelled
//! region, slides as "n / m" groups, previous/next buttons. Swiping and
//! snapping are the browser's own (CSS scroll-snap).

use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use web_sys::{ScrollBehavior, ScrollToOptions};

use super::article_card::ArticleCard;
use crate::context::prefers_reduced_motion;
use crate::i18n::tr;
use crate::model::ArticleSummary;

/// A carousel of more is no help to a reader, and a backend that sends
/// thousands must not freeze the page.
const MAX_SLIDES: usize = 20;
/// The gap between slides (carousel.css).
const GAP_PX: f64 = 16.0;

#[component]
pub fn Carousel(mut items: Vec<ArticleSummary>) -> impl IntoView {
    items.truncate(MAX_SLIDES);
    let track = NodeRef::<html::Div>::new();
    let (at_start, set_at_start) = signal(true);
    let (at_end, set_at_end) = signal(items.len() <= 1);
    // Also runs a frame after the track is laid out, when a navigation may
    // have removed the carousel already: the `try_` forms do nothing then.
    let update_ends = move || {
        if let Some(t) = track.try_get_untracked().flatten() {
            let left = t.scroll_left();
            set_at_start.try_set(left <= 1);
            set_at_end.try_set(left + t.client_width() >= t.scroll_width() - 1);
        }
    };
    // Scroll by one slide (its width plus the gap).
    let step = move |dir: f64| {
        let Some(t) = track.try_get_untracked().flatten() else { return };
        let slide = t.first_element_child().map(|s| s.get_bounding_client_rect().width()).unwrap_or(280.0);
        let opts = ScrollToOptions::new();
        opts.set_left(dir * (slide + GAP_PX));
        opts.set_behavior(if prefers_reduced_motion() { ScrollBehavior::Instant } else { ScrollBehavior::Smooth });
        t.scroll_by_with_scroll_to_options(&opts);
    };
    // Once laid out: whether there is anything to scroll to. Read in a task
    // queued from the next frame's callback, after that frame's layout: read
    // in the callback itself, it forced a layout of the whole new page
    // (52 ms of a 74 ms task at 4× CPU slowdown).
    track.on_load(move |_| request_animation_frame(move || set_timeout(update_ends, Duration::ZERO)));
    let count = items.len();
    let slides = items.into_iter().enumerate().map(|(i, item)| view! {
        <div class="np-carousel__slide" role="group" aria-roledescription="slide" aria-label=format!("{} / {count}", i + 1)>
            <ArticleCard item=item level=3 compact=true/>
        </div>
    });
    view! {
        <section class="np-carousel" aria-roledescription="carousel" aria-label=tr(|t| t.related_news)>
            <div class="np-carousel__head">
                <h2 class="np-section-title">{tr(|t| t.related_news)}</h2>
                <div class="np-carousel__controls">
                    <button type="button" class="np-carousel__prev" aria-controls="np-related-track"
                        aria-label=tr(|t| t.previous_slide) disabled=at_start on:click=move |_| step(-1.0)>
                        <span aria-hidden="true">"‹"</span>
                    </button>
                    <button type="button" class="np-carousel__next" aria-controls="np-related-track"
                        aria-label=tr(|t| t.next_slide) disabled=at_end on:click=move |_| step(1.0)>
                        <span aria-hidden="true">"›"</span>
                    </button>
                </div>
            </div>
            <div class="np-carousel__track" id="np-related-track" node_ref=track aria-live="polite"
                on:scroll=move |_| update_ends()>
                {slides.collect_view()}
            </div>
        </section>
    }
}
