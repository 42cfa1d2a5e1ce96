//! "Tin nóng": the hot-news ticker. It scrolls slowly, stops on hover or
//! focus, can be paused with a button, and stands still for readers who ask
//! for reduced motion (in the CSS).

use leptos::prelude::*;

use super::remote_view::{markup, remote_view};
use super::Ctx;
use crate::html::build;
use crate::api::Api;
use crate::app::use_i18n;
use crate::format;
use crate::model::HotNews;
use crate::remote::Remote;
use crate::route::article_path;

#[component]
pub fn HotNewsTicker() -> impl IntoView {
    let t = use_i18n().t();
    let api = expect_context::<Api>();
    let hot = Remote::new(|| (), move |(), abort| {
        let api = api.clone();
        async move { api.hot(&abort).await }
    });
    view! {
        <section class="np-hot" aria-label=t.hot_news>
            {markup(build(|h| {
                h.el("span", &[("class", "np-hot__label"), ("aria-hidden", "true")], t.hot_news);
            }))}
            <div class="np-hot__viewport">
                {remote_view(hot, 1, move |hot: HotNews| {
                    let cx = Ctx::get();
                    let list = build(|h| {
                        for a in hot.items.iter().take(10) {
                            let href = cx.router.href(&article_path(&a.id, a.slug.as_deref()));
                            h.open("li", &[("class", "np-hot__item")]).el("a", &[("href", &href)], &a.title);
                            if let Some(d) = a.published_at.as_deref().and_then(|t| format::date(t, cx.lang)) {
                                h.el("span", &[("class", "np-hot__date")], &format!("({d})"));
                            }
                            h.close("li");
                        }
                    });
                    markup(build(|h| {
                        h.open("ul", &[("class", "np-hot__list")]).trusted(&list).close("ul");
                    }))
                })}
            </div>
            {markup(build(|h| {
                h.open("button", &[("type", "button"), ("class", "np-hot__pause"), ("aria-pressed", "false")]);
                h.el("span", &[("aria-hidden", "true")], "❚❚");
                h.el("span", &[("class", "np-visually-hidden")], t.pause_ticker).close("button");
            }))}
        </section>
    }
}

/// The pause button (through `delegate`) flips its own state on the DOM:
/// cheaper in the wasm than a signal and three reactive attributes.
pub fn toggle_pause(button: &web_sys::Element) {
    let paused = button.get_attribute("aria-pressed").as_deref() != Some("true");
    let _ = button.set_attribute("aria-pressed", if paused { "true" } else { "false" });
    if let Some(icon) = button.first_element_child() {
        icon.set_text_content(Some(if paused { "▶" } else { "❚❚" }));
    }
    if let Some(section) = button.closest(".np-hot").ok().flatten() {
        let _ = section.class_list().toggle_with_force("np-hot--paused", paused);
    }
}
