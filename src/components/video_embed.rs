//! A video from the article body: its title, a play button and a link to its
//! page. Only the click loads the player, so nothing is fetched from the
//! video's site (and nothing tracks the reader there) before it.

use leptos::html;
use leptos::prelude::*;
// tachys has no typed `loading` for iframes.
use leptos::tachys::html::attribute::custom::custom_attribute;

use crate::i18n::tr;
use crate::sanitize::media::Video;

#[component]
pub fn VideoEmbed(video: Video, title: Option<String>) -> impl IntoView {
    let playing = RwSignal::new(false);
    let frame = NodeRef::<html::Iframe>::new();
    // The button that took the click is gone: the player takes the focus.
    Effect::new(move || {
        if let Some(f) = frame.get() {
            let _ = f.focus();
        }
    });
    let name = StoredValue::new(title);
    let video_word = tr(|t| t.video);
    let label = move || name.try_with_value(|n| n.clone()).flatten().unwrap_or_else(|| video_word().to_string());
    let (player, page, site) = (video.player_src(), video.page_url(), video.site());
    let poster = move || {
        view! {
            <button type="button" class="np-video__play" on:click=move |_| playing.set(true)
                aria-label=move || format!("{}: {}", tr(|t| t.play_video)(), label())>
                <span class="np-video__icon" aria-hidden="true"></span>
                <span class="np-video__title">{label}</span>
            </button>
        }
    };
    view! {
        <div class="np-video">
            <Show when=move || playing.get() fallback=poster>
                <iframe class="np-video__player" node_ref=frame src=player.clone() title=label
                    sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"
                    allow="fullscreen; picture-in-picture; encrypted-media"
                    referrerpolicy="strict-origin-when-cross-origin" allowfullscreen=true {..custom_attribute("loading", "lazy")}></iframe>
            </Show>
            <a class="np-video__open" href=page target="_blank" rel="noopener noreferrer">
                {tr(|t| t.watch_on)}" "{site}
            </a>
        </div>
    }
}
