//! "Nghe đọc bài": the article read aloud by the browser's speech synthesis,
//! in a Vietnamese voice where it has one; not shown where it has none.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance};

use crate::context::has;
use crate::i18n::{tr, use_i18n};

/// What is read: the title, the lead, and the body's text blocks.
const READ: &str = ".np-article__title, .np-article__lead, .np-article__body p, .np-article__body li, \
                    .np-article__body h2, .np-article__body h3, .np-article__body figcaption";

#[derive(Clone, Copy, PartialEq)]
enum Speech {
    Idle,
    Speaking,
    Paused,
}

fn synth() -> Option<SpeechSynthesis> {
    has(&window(), "speechSynthesis").then(|| window().speech_synthesis().ok()).flatten()
}

#[component]
pub fn ReadAloud(article: NodeRef<html::Article>) -> impl IntoView {
    let i18n = use_i18n();
    let synth = synth()?;
    let (speech, set_speech) = signal(Speech::Idle);
    let listen = {
        let synth = synth.clone();
        move |_| match speech.try_get_untracked().unwrap_or(Speech::Idle) {
            Speech::Speaking => {
                synth.pause();
                set_speech.set(Speech::Paused);
            }
            Speech::Paused => {
                synth.resume();
                set_speech.set(Speech::Speaking);
            }
            Speech::Idle => {
                if let Some(a) = article.try_get_untracked().flatten() {
                    speak(&synth, &a, set_speech);
                }
            }
        }
    };
    let stop = {
        let synth = synth.clone();
        move |_| {
            synth.cancel();
            set_speech.set(Speech::Idle);
        }
    };
    // Leaving the article stops the voice.
    let on_leave = send_wrapper::SendWrapper::new(synth);
    on_cleanup(move || on_leave.cancel());
    let label = move || match speech.get() {
        Speech::Idle => i18n.t().listen,
        Speech::Speaking => i18n.t().pause,
        Speech::Paused => i18n.t().resume,
    };
    Some(view! {
        <button type="button" class="np-tools__listen" aria-pressed=move || (speech.get() == Speech::Speaking).to_string()
            on:click=listen>{label}</button>
        <button type="button" class="np-tools__stop" hidden=move || speech.get() == Speech::Idle on:click=stop>
            {tr(|t| t.stop)}
        </button>
    })
}

/// Reads the article aloud, each block as its own utterance (Chrome cuts
/// off very long ones).
fn speak(synth: &SpeechSynthesis, article: &web_sys::Element, set_speech: WriteSignal<Speech>) {
    let mut parts: Vec<String> = Vec::new();
    if let Ok(nodes) = article.query_selector_all(READ) {
        for i in 0..nodes.length() {
            let text = nodes.item(i).and_then(|n| n.text_content()).unwrap_or_default();
            let text = text.trim();
            if !text.is_empty() {
                parts.push(text.to_string());
            }
        }
    }
    let voices = synth.get_voices();
    let voice = voices
        .iter()
        .filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
        .find(|v| v.lang().to_ascii_lowercase().starts_with("vi"));
    synth.cancel();
    let count = parts.len();
    for (i, text) in parts.into_iter().enumerate() {
        let Ok(u) = SpeechSynthesisUtterance::new_with_text(&text) else { continue };
        u.set_lang("vi-VN");
        if let Some(v) = &voice {
            u.set_voice(Some(v));
        }
        if i + 1 == count {
            let done = wasm_bindgen::closure::Closure::once_into_js(move || {
                // Also fires after the article is gone (its cleanup cancels the voice).
                set_speech.try_set(Speech::Idle);
            });
            u.set_onend(Some(done.unchecked_ref()));
        }
        synth.speak(&u);
    }
    if count > 0 {
        set_speech.set(Speech::Speaking);
    }
}
