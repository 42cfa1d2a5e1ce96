//! Tools on an article: text size (A− / A+, remembered), print ("In bài"),
//! share (the system share sheet where there is one; otherwise copy link,
//! Facebook and Zalo), and "Nghe đọc bài" (speech synthesis with a
//! Vietnamese voice where the browser has one; hidden where it has none).
//!
//! Static markup; clicks come through the reader's root listener
//! (`delegate`) and update the buttons on the DOM, where the speech state
//! lives too (`data-speech`): as typed views with a reactive label or state
//! each, the same tools cost 7 KB of wasm.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, SpeechSynthesis, SpeechSynthesisUtterance};

use crate::api::query::encode_component;
use crate::html::Html;
use crate::i18n::Strings;

pub const FONT_STEPS: u8 = 5;
const FONT_KEY: &str = "np-font-step";

/// The remembered text-size step (0–4, 1 is normal).
pub fn stored_font_step() -> u8 {
    let stored = window().local_storage().ok().flatten().and_then(|s| s.get_item(FONT_KEY).ok().flatten());
    stored.and_then(|v| v.parse::<u8>().ok()).filter(|&v| v < FONT_STEPS).unwrap_or(1)
}

/// The article's class for a text-size step.
pub fn article_class(step: u8) -> String {
    format!("np-article np-fs-{step}")
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

/// The tools' markup for an article shown at text-size `step`; their clicks
/// come through `delegate` to `on_click`.
pub fn reading_tools(h: &mut Html, t: &'static Strings, step: u8) {
    let url = window().location().href().unwrap_or_default();
    let can_share = has(&window().navigator(), "share");
    h.open("div", &[("class", "np-tools"), ("role", "group"), ("aria-label", t.reading_tools)]);
    buttons(h, t, step, &url, can_share, synth().is_some());
    h.close("div");
}

fn synth() -> Option<SpeechSynthesis> {
    has(&window(), "speechSynthesis").then(|| window().speech_synthesis().ok()).flatten()
}

/// Leaving the article (the current owner) stops the voice.
pub fn stop_speech_on_cleanup() {
    on_cleanup(|| {
        if let Some(s) = synth() {
            s.cancel();
        }
    });
}

/// The speech state, kept on the "Nghe đọc bài" button.
fn speech_of(tools: &Element) -> Speech {
    let listen = tools.query_selector(".np-tools__listen").ok().flatten();
    match listen.and_then(|l| l.get_attribute("data-speech")).as_deref() {
        Some("speaking") => Speech::Speaking,
        Some("paused") => Speech::Paused,
        _ => Speech::Idle,
    }
}

/// A click on one of the tools' buttons.
pub fn on_click(button: &Element, t: &'static Strings) {
    let Some(tools) = button.closest(".np-tools").ok().flatten() else { return };
    let Some(article) = tools.closest(".np-article").ok().flatten() else { return };
    // The article's class holds the step (storage may be unavailable).
    let step = article.class_name().rsplit("np-fs-").next().and_then(|n| n.parse::<u8>().ok()).unwrap_or(1);
    let url = window().location().href().unwrap_or_default();
    match button.class_name().as_str() {
        "np-tools__smaller" => set_font_step(&tools, &article, step.saturating_sub(1)),
        "np-tools__larger" => set_font_step(&tools, &article, (step + 1).min(FONT_STEPS - 1)),
        "np-tools__print" => {
            let _ = window().print();
        }
        "np-tools__share" => {
            let title = article.query_selector("h1").ok().flatten().and_then(|h| h.text_content()).unwrap_or_default();
            share(title.trim(), &url);
        }
        "np-tools__copy" => copy(&tools, &url, t),
        class @ ("np-tools__listen" | "np-tools__stop") => {
            let Some(synth) = synth() else { return };
            let next = match (class, speech_of(&tools)) {
                ("np-tools__stop", _) => {
                    synth.cancel();
                    Speech::Idle
                }
                (_, Speech::Speaking) => {
                    synth.pause();
                    Speech::Paused
                }
                (_, Speech::Paused) => {
                    synth.resume();
                    Speech::Speaking
                }
                (_, Speech::Idle) => speak(&synth, &article, &tools, t),
            };
            show_speech(&tools, next, t);
        }
        _ => {}
    }
}

fn buttons(h: &mut Html, t: &'static Strings, step: u8, url: &str, can_share: bool, can_speak: bool) {
    let button = |h: &mut Html, class: &'static str, disabled: bool| {
        let mut attrs = vec![("type", "button"), ("class", class)];
        if disabled {
            attrs.push(("disabled", ""));
        }
        h.open("button", &attrs);
    };
    // The name starts with the visible "A−" (WCAG 2.5.3, label in name).
    for (class, text, label, disabled) in [
        ("np-tools__smaller", "A−", t.smaller_text, step == 0),
        ("np-tools__larger", "A+", t.larger_text, step + 1 >= FONT_STEPS),
    ] {
        button(h, class, disabled);
        h.text(text).el("span", &[("class", "np-visually-hidden")], &format!(" {label}")).close("button");
    }
    button(h, "np-tools__print", false);
    h.text(t.print).close("button");
    if can_share {
        button(h, "np-tools__share", false);
        h.text(t.share).close("button");
    } else {
        button(h, "np-tools__copy", false);
        h.text(t.copy_link).close("button");
        let encoded = encode_component(url);
        for (class, name, href) in [
            ("np-tools__facebook", "Facebook", format!("https://www.facebook.com/sharer/sharer.php?u={encoded}")),
            ("np-tools__zalo", "Zalo", format!("https://sp.zalo.me/share?url={encoded}")),
        ] {
            h.el("a", &[("class", class), ("href", &href), ("target", "_blank"), ("rel", "noopener noreferrer")], name);
        }
    }
    if can_speak {
        h.el("button", &[("type", "button"), ("class", "np-tools__listen"), ("aria-pressed", "false")], t.listen);
        h.el("button", &[("type", "button"), ("class", "np-tools__stop"), ("hidden", "")], t.stop);
    }
    h.el("span", &[("class", "np-tools__status"), ("role", "status")], "");
}

/// Applies and remembers a text-size step; the buttons at either end stop.
fn set_font_step(tools: &Element, article: &Element, step: u8) {
    article.set_class_name(&article_class(step));
    if let Ok(Some(s)) = window().local_storage() {
        let _ = s.set_item(FONT_KEY, &step.to_string());
    }
    for (selector, disabled) in [(".np-tools__smaller", step == 0), (".np-tools__larger", step + 1 >= FONT_STEPS)] {
        if let Ok(Some(b)) = tools.query_selector(selector) {
            let _ = b.toggle_attribute_with_force("disabled", disabled);
        }
    }
}

fn share(title: &str, url: &str) {
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    let promise = window().navigator().share_with_data(&data);
    // Cancelling the share sheet rejects: nothing to report.
    leptos::task::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

fn copy(tools: &Element, url: &str, t: &'static Strings) {
    let promise = window().navigator().clipboard().write_text(url);
    let status = tools.query_selector(".np-tools__status").ok().flatten();
    leptos::task::spawn_local(async move {
        if let (Ok(_), Some(s)) = (wasm_bindgen_futures::JsFuture::from(promise).await, status) {
            s.set_text_content(Some(t.link_copied));
        }
    });
}

/// Shows the speech state on the "Nghe đọc bài" and "Dừng" buttons.
fn show_speech(tools: &Element, state: Speech, t: &'static Strings) {
    if let Ok(Some(listen)) = tools.query_selector(".np-tools__listen") {
        let name = match state {
            Speech::Idle => "idle",
            Speech::Speaking => "speaking",
            Speech::Paused => "paused",
        };
        let _ = listen.set_attribute("data-speech", name);
        let label = match state {
            Speech::Idle => t.listen,
            Speech::Speaking => t.pause,
            Speech::Paused => t.resume,
        };
        listen.set_text_content(Some(label));
        let _ = listen.set_attribute("aria-pressed", if state == Speech::Speaking { "true" } else { "false" });
    }
    if let Ok(Some(stop)) = tools.query_selector(".np-tools__stop") {
        let _ = stop.toggle_attribute_with_force("hidden", state == Speech::Idle);
    }
}

/// Reads the article aloud: title, then each paragraph as its own utterance
/// (Chrome cuts off very long ones), in a Vietnamese voice when there is one.
fn speak(synth: &SpeechSynthesis, article: &Element, tools: &Element, t: &'static Strings) -> Speech {
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
            let tools = tools.clone();
            let done = wasm_bindgen::closure::Closure::once_into_js(move || show_speech(&tools, Speech::Idle, t));
            u.set_onend(Some(done.unchecked_ref()));
        }
        synth.speak(&u);
    }
    if count > 0 { Speech::Speaking } else { Speech::Idle }
}
