//! Tools on an article: text size (A− / A+, remembered), print ("In bài"),
//! share (the system share sheet where there is one; otherwise copy link,
//! Facebook and Zalo), and "Nghe đọc bài" (speech synthesis with a
//! Vietnamese voice where the browser has one; hidden where it has none).

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance};

use crate::api::query::encode_component;
use crate::app::use_i18n;

pub const FONT_STEPS: u8 = 5;
const FONT_KEY: &str = "np-font-step";

/// The remembered text-size step (0–4, 1 is normal).
pub fn stored_font_step() -> u8 {
    let stored = window().local_storage().ok().flatten().and_then(|s| s.get_item(FONT_KEY).ok().flatten());
    stored.and_then(|v| v.parse::<u8>().ok()).filter(|&v| v < FONT_STEPS).unwrap_or(1)
}

fn has(target: &JsValue, name: &str) -> bool {
    js_sys::Reflect::has(target, &JsValue::from_str(name)).unwrap_or(false)
}

#[derive(Clone, Copy, PartialEq)]
enum Speech {
    Idle,
    Speaking,
    Paused,
}

#[component]
pub fn ReadingTools(font_step: RwSignal<u8>, title: String) -> impl IntoView {
    let t = use_i18n().t();
    let set_step = move |step: u8| {
        font_step.set(step);
        if let Ok(Some(s)) = window().local_storage() {
            let _ = s.set_item(FONT_KEY, &step.to_string());
        }
    };
    let url = window().location().href().unwrap_or_default();
    let navigator = window().navigator();
    let can_share = has(&navigator, "share");
    let (copied, set_copied) = signal(false);
    let share = {
        let (url, title) = (url.clone(), title.clone());
        move |_| {
            let data = web_sys::ShareData::new();
            data.set_title(&title);
            data.set_url(&url);
            let promise = window().navigator().share_with_data(&data);
            // Cancelling the share sheet rejects: nothing to report.
            leptos::task::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    };
    let copy = {
        let url = url.clone();
        move |_| {
            let promise = window().navigator().clipboard().write_text(&url);
            leptos::task::spawn_local(async move {
                if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                    set_copied.set(true);
                }
            });
        }
    };
    let encoded = encode_component(&url);
    let facebook = format!("https://www.facebook.com/sharer/sharer.php?u={encoded}");
    let zalo = format!("https://sp.zalo.me/share?url={encoded}");

    let synth: Option<SpeechSynthesis> = has(&window(), "speechSynthesis").then(|| window().speech_synthesis().ok()).flatten();
    let (speech, set_speech) = signal(Speech::Idle);
    let listen = {
        let synth = synth.clone();
        move |e: leptos::ev::MouseEvent| {
            let Some(synth) = synth.clone() else { return };
            match speech.get_untracked() {
                Speech::Speaking => {
                    synth.pause();
                    set_speech.set(Speech::Paused);
                }
                Speech::Paused => {
                    synth.resume();
                    set_speech.set(Speech::Speaking);
                }
                Speech::Idle => {
                    speak(&synth, &e, set_speech);
                }
            }
        }
    };
    let stop = {
        let synth = synth.clone();
        move |_| {
            if let Some(s) = &synth {
                s.cancel();
            }
            set_speech.set(Speech::Idle);
        }
    };
    if let Some(s) = synth.clone() {
        // Leaving the article stops the voice.
        let s = send_wrapper::SendWrapper::new(s);
        on_cleanup(move || s.cancel());
    }

    view! {
        <div class="np-tools" role="group" aria-label=t.reading_tools>
            // The name starts with the visible "A−" (WCAG 2.5.3, label in name).
            <button type="button" class="np-tools__smaller"
                disabled=move || font_step.get() == 0 on:click=move |_| set_step(font_step.get_untracked().saturating_sub(1))>
                "A−"<span class="np-visually-hidden">" "{t.smaller_text}</span>
            </button>
            <button type="button" class="np-tools__larger"
                disabled=move || { font_step.get() + 1 >= FONT_STEPS }
                on:click=move |_| set_step((font_step.get_untracked() + 1).min(FONT_STEPS - 1))>
                "A+"<span class="np-visually-hidden">" "{t.larger_text}</span>
            </button>
            <button type="button" class="np-tools__print" on:click=move |_| { let _ = window().print(); }>{t.print}</button>
            {can_share.then(|| view! {
                <button type="button" class="np-tools__share" on:click=share>{t.share}</button>
            })}
            {(!can_share).then(|| view! {
                <button type="button" class="np-tools__copy" on:click=copy>{t.copy_link}</button>
                <a class="np-tools__facebook" href=facebook target="_blank" rel="noopener noreferrer">"Facebook"</a>
                <a class="np-tools__zalo" href=zalo target="_blank" rel="noopener noreferrer">"Zalo"</a>
            })}
            {synth.is_some().then(|| view! {
                <button type="button" class="np-tools__listen" aria-pressed=move || (speech.get() == Speech::Speaking).to_string()
                    on:click=listen>
                    {move || match speech.get() {
                        Speech::Idle => t.listen,
                        Speech::Speaking => t.pause,
                        Speech::Paused => t.resume,
                    }}
                </button>
                <button type="button" class="np-tools__stop" hidden=move || speech.get() == Speech::Idle on:click=stop>
                    {t.stop}
                </button>
            })}
            <span class="np-tools__status" role="status">{move || copied.get().then_some(t.link_copied)}</span>
        </div>
    }
}

/// Reads the article aloud: title, then each paragraph as its own utterance
/// (Chrome cuts off very long ones), in a Vietnamese voice when there is one.
fn speak(synth: &SpeechSynthesis, e: &leptos::ev::MouseEvent, set_speech: WriteSignal<Speech>) {
    let Some(article) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".np-article").ok().flatten())
    else {
        return;
    };
    let mut parts: Vec<String> = Vec::new();
    if let Ok(nodes) = article.query_selector_all(".np-article__title, .np-article__lead, .np-article__body p, .np-article__body li, .np-article__body h2, .np-article__body h3, .np-article__body figcaption") {
        for i in 0..nodes.length() {
            if let Some(text) = nodes.item(i).and_then(|n| n.text_content()) {
                let text = text.trim().to_string();
                if !text.is_empty() {
                    parts.push(text);
                }
            }
        }
    }
    let voice = synth.get_voices().iter().filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok()).find(|v| {
        v.lang().to_ascii_lowercase().starts_with("vi")
    });
    synth.cancel();
    let count = parts.len();
    for (i, text) in parts.into_iter().enumerate() {
        let Ok(u) = SpeechSynthesisUtterance::new_with_text(&text) else { continue };
        u.set_lang("vi-VN");
        if let Some(v) = &voice {
            u.set_voice(Some(v));
        }
        if i + 1 == count {
            let done = wasm_bindgen::closure::Closure::once_into_js(move || set_speech.set(Speech::Idle));
            u.set_onend(Some(done.unchecked_ref()));
        }
        synth.speak(&u);
    }
    if count > 0 {
        set_speech.set(Speech::Speaking);
    }
}
