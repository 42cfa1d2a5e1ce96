//! "Tin liên quan": related articles as a horizontally scrolling row,
//! following the WAI-ARIA APG carousel pattern (no autoplay): a labelled
//! region, slides as "n / m" groups, previous/next buttons. Swiping and
//! snapping are the browser's own (CSS scroll-snap).

use leptos::html;
use leptos::prelude::*;
use web_sys::{ScrollBehavior, ScrollToOptions};

use super::article_card::{article_card, CardStyle};
use super::Ctx;
use crate::app::{prefers_reduced_motion, use_i18n};
use crate::model::ArticleSummary;

/// A carousel of more is no help to a reader, and a backend that sends
/// thousands must not freeze the page.
const MAX_SLIDES: usize = 20;

#[component]
pub fn Carousel(mut items: Vec<ArticleSummary>) -> impl IntoView {
    items.truncate(MAX_SLIDES);
    let i18n = use_i18n();
    let track = NodeRef::<html::Div>::new();
    let (at_start, set_at_start) = signal(true);
    let (at_end, set_at_end) = signal(items.len() <= 1);
    let update_ends = move || {
        if let Some(t) = track.get_untracked() {
            let left = t.scroll_left();
            set_at_start.set(left <= 1);
            set_at_end.set(left + t.client_width() >= t.scroll_width() - 1);
        }
    };
    // Scroll by one slide (its width plus the gap).
    let step = move |dir: f64| {
        let Some(t) = track.get_untracked() else { return };
        let slide = t.first_element_child().map(|s| s.get_bounding_client_rect().width()).unwrap_or(280.0);
        let opts = ScrollToOptions::new();
        opts.set_left(dir * (slide + 16.0));
        opts.set_behavior(if prefers_reduced_motion() { ScrollBehavior::Instant } else { ScrollBehavior::Smooth });
        t.scroll_by_with_scroll_to_options(&opts);
    };
    let count = items.len();
    let cx = Ctx::get();
    let style = CardStyle { level: 3, compact: true, highlight: &[] };
    let slides = crate::html::build(|h| {
        for (i, item) in items.iter().enumerate() {
            let label = format!("{} / {count}", i + 1);
            h.open("div", &[("class", "np-carousel__slide"), ("role", "group"), ("aria-roledescription", "slide"), ("aria-label", &label)]);
            article_card(h, &cx, item, style);
            h.close("div");
        }
    });
    Effect::new(move |_| {
        if track.get().is_some() {
            update_ends();
        }
    });
    view! {
        <section class="np-carousel" aria-roledescription="carousel" aria-label=i18n.t().related_news>
            <div class="np-carousel__head">
                <h2 class="np-section-title">{i18n.t().related_news}</h2>
                <div class="np-carousel__controls">
                    <button type="button" class="np-carousel__prev" aria-controls="np-related-track"
                        aria-label=i18n.t().previous_slide disabled=at_start on:click=move |_| step(-1.0)>
                        <span aria-hidden="true">"‹"</span>
                    </button>
                    <button type="button" class="np-carousel__next" aria-controls="np-related-track"
                        aria-label=i18n.t().next_slide disabled=at_end on:click=move |_| step(1.0)>
                        <span aria-hidden="true">"›"</span>
                    </button>
                </div>
            </div>
            <div class="np-carousel__track" id="np-related-track" node_ref=track aria-live="polite"
                on:scroll=move |_| update_ends() inner_html=slides>
            </div>
        </section>
    }
}
