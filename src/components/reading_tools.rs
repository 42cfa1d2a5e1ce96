//! Tools on an article: text size (A− / A+, remembered), print ("In bài"),
//! share (the system share sheet where there is one; otherwise copy link,
//! Facebook and Zalo), and "Nghe đọc bài" (`read_aloud`).

use leptos::html;
use leptos::prelude::*;

use super::read_aloud::ReadAloud;
use crate::context::has;
use crate::i18n::{tr, use_i18n};
use crate::url::encode_component;

pub const FONT_STEPS: u8 = 5;
const FONT_KEY: &str = "np-font-step";

/// The remembered text-size step (0–4, 1 is normal).
pub fn stored_font_step() -> u8 {
    let stored = window().local_storage().ok().flatten().and_then(|s| s.get_item(FONT_KEY).ok().flatten());
    stored.and_then(|v| v.parse::<u8>().ok()).filter(|&v| v < FONT_STEPS).unwrap_or(1)
}

#[component]
pub fn ReadingTools(font_step: RwSignal<u8>, title: String, article: NodeRef<html::Article>) -> impl IntoView {
    let can_share = has(&window().navigator(), "share");
    view! {
        <div class="np-tools" role="group" aria-label=tr(|t| t.reading_tools)>
            <TextSize font_step=font_step/>
            <button type="button" class="np-tools__print" on:click=|_| { let _ = window().print(); }>
                {tr(|t| t.print)}
            </button>
            {if can_share { view! { <ShareButton title=title/> }.into_any() } else { view! { <ShareLinks/> }.into_any() }}
            <ReadAloud article=article/>
        </div>
    }
}

/// "A−" and "A+": they stop at either end of the steps.
#[component]
fn TextSize(font_step: RwSignal<u8>) -> impl IntoView {
    let set_step = move |step: u8| {
        font_step.set(step);
        if let Ok(Some(s)) = window().local_storage() {
            let _ = s.set_item(FONT_KEY, &step.to_string());
        }
    };
    // The name starts with the visible "A−" (WCAG 2.5.3, label in name).
    view! {
        <button type="button" class="np-tools__smaller" disabled=move || font_step.get() == 0
            on:click=move |_| set_step(font_step.try_get_untracked().unwrap_or_default().saturating_sub(1))>
            "A−"<span class="np-visually-hidden">" "{tr(|t| t.smaller_text)}</span>
        </button>
        <button type="button" class="np-tools__larger" disabled=move || { font_step.get() + 1 >= FONT_STEPS }
            on:click=move |_| set_step((font_step.try_get_untracked().unwrap_or_default() + 1).min(FONT_STEPS - 1))>
            "A+"<span class="np-visually-hidden">" "{tr(|t| t.larger_text)}</span>
        </button>
    }
}

/// The system share sheet (phones).
#[component]
fn ShareButton(title: String) -> impl IntoView {
    let share = move |_| {
        let data = web_sys::ShareData::new();
        data.set_title(&title);
        data.set_url(&window().location().href().unwrap_or_default());
        let promise = window().navigator().share_with_data(&data);
        // Cancelling the share sheet rejects: nothing to report.
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    };
    view! { <button type="button" class="np-tools__share" on:click=share>{tr(|t| t.share)}</button> }
}

/// Where there is no share sheet: copy the link, Facebook, Zalo.
#[component]
fn ShareLinks() -> impl IntoView {
    let i18n = use_i18n();
    let url = window().location().href().unwrap_or_default();
    let (copied, set_copied) = signal(false);
    let copy = {
        let url = url.clone();
        move |_| {
            let promise = window().navigator().clipboard().write_text(&url);
            leptos::task::spawn_local(async move {
                // The article may be gone by the time the clipboard answers.
                if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                    set_copied.try_set(true);
                }
            });
        }
    };
    let encoded = encode_component(&url);
    view! {
        <button type="button" class="np-tools__copy" on:click=copy>{tr(|t| t.copy_link)}</button>
        <a class="np-tools__facebook" href=format!("https://www.facebook.com/sharer/sharer.php?u={encoded}")
            target="_blank" rel="noopener noreferrer">"Facebook"</a>
        <a class="np-tools__zalo" href=format!("https://sp.zalo.me/share?url={encoded}")
            target="_blank" rel="noopener noreferrer">"Zalo"</a>
        <span class="np-tools__status" role="status">{move || copied.get().then(|| i18n.t().link_copied)}</span>
    }
}
