//! "Tin nóng": the hot-news ticker. It scrolls slowly, stops on hover or
//! focus, can be paused with a button, and stands still for readers who ask
//! for reduced motion (in the CSS).

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use super::remote_view::remote_view;
use crate::api::Api;
use crate::format;
use crate::i18n::{tr, use_i18n};
use crate::model::{ArticleSummary, HotNews};
use crate::remote::Remote;
use crate::route::article_path;
use crate::router::A;
use crate::split::Part;

/// A ticker of more is no help to a reader.
const MAX_ITEMS: usize = 10;

#[component]
pub fn HotNewsTicker() -> impl IntoView {
    let api = expect_context::<Api>();
    let hot = Remote::new(|| (), move |(), abort| {
        let api = api.clone();
        async move { api.hot(&abort).await }
    });
    let (paused, set_paused) = signal(false);
    view! {
        <section class="np-hot" aria-label=tr(|t| t.hot_news) class:np-hot--paused=paused>
            <span class="np-hot__label" aria-hidden="true">{tr(|t| t.hot_news)}</span>
            <div class="np-hot__viewport">
                {remote_view(hot, 1, |h: HotNews| view! {
                    <ul class="np-hot__list">
                        {h.items.into_iter().take(MAX_ITEMS).map(|item| view! { <HotItem item=item/> }).collect_view()}
                    </ul>
                })}
            </div>
            <button type="button" class="np-hot__pause" aria-pressed=move || paused.get().to_string()
                on:click=move |_| set_paused.update(|p| *p = !*p)>
                <span aria-hidden="true">{move || if paused.get() { "▶" } else { "❚❚" }}</span>
                <span class="np-visually-hidden">{tr(|t| t.pause_ticker)}</span>
            </button>
        </section>
    }
}

#[component]
fn HotItem(item: ArticleSummary) -> impl IntoView {
    let i18n = use_i18n();
    let at = item.published_at;
    let day = move || at.as_deref().and_then(|t| format::date(t, i18n.lang())).map(|d| format!("({d})"));
    view! {
        <li class="np-hot__item">
            <A href=article_path(&item.id, item.slug.as_deref())>{item.title}</A>
            {move || day().map(|d| view! { <span class="np-hot__date">{d}</span> })}
        </li>
    }
}

/// "Tin nóng" on the home page: its bar's place is kept while it loads.
#[wasm_split(home, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn hot_news() -> Result<Part, SplitLoaderError> {
    Ok(|()| view! { <HotNewsTicker/> }.into_any())
}
