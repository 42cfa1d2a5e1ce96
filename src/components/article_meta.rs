//! "Ngày đăng: 10/01/2019 4:47:06 CH · Cập nhật: … · Lượt xem: 2.047".

use leptos::prelude::*;

use crate::app::use_i18n;
use crate::format;

#[component]
pub fn ArticleMeta(published: Option<String>, updated: Option<String>, views: Option<u64>) -> impl IntoView {
    let i18n = use_i18n();
    // "Cập nhật" only when it says something new.
    let updated = updated.filter(|u| {
        format::parse_time(u).is_some() && published.as_deref().and_then(format::parse_time) != format::parse_time(u)
    });
    let stamp = move |label: fn(&'static crate::i18n::Strings) -> &'static str, at: String, class: &'static str| {
        format::parse_time(&at).map(|_| {
            let shown = format::date_time(&at, i18n.lang()).unwrap_or_default();
            view! {
                <span class=class>
                    {label(i18n.t())}": "<time datetime=at>{shown}</time>
                </span>
            }
        })
    };
    view! {
        <p class="np-article__meta">
            {published.and_then(|p| stamp(|t| t.published, p, "np-article__published"))}
            {updated.and_then(|u| stamp(|t| t.updated, u, "np-article__updated"))}
            {views.map(|n| view! {
                <span class="np-article__views">
                    {format!("{}: {}", i18n.t().views, format::number(n, i18n.lang()))}
                </span>
            })}
        </p>
    }
}
