//! "Ngày đăng: 10/01/2019 4:47:06 CH · Cập nhật: … · Lượt xem: 2.047".

use leptos::prelude::*;

use crate::format;
use crate::i18n::{tr, use_i18n, Strings};

#[component]
fn Stamp(label: fn(&'static Strings) -> &'static str, at: String, class: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let shown = {
        let at = at.clone();
        move || format::date_time(&at, i18n.lang())
    };
    view! {
        <span class=class>{tr(label)}": "<time datetime=at>{shown}</time></span>
    }
}

#[component]
pub fn ArticleMeta(published: Option<String>, updated: Option<String>, views: Option<u64>) -> impl IntoView {
    let i18n = use_i18n();
    // An unreadable date is left out; "Cập nhật" only when it says
    // something new.
    let published = published.filter(|p| format::parse_time(p).is_some());
    let updated = updated.filter(|u| {
        format::parse_time(u).is_some() && published.as_deref().and_then(format::parse_time) != format::parse_time(u)
    });
    view! {
        <p class="np-article__meta">
            {published.map(|at| view! { <Stamp label=|t| t.published at=at class="np-article__published"/> })}
            {updated.map(|at| view! { <Stamp label=|t| t.updated at=at class="np-article__updated"/> })}
            {views.map(|n| view! {
                <span class="np-article__views">
                    {move || format!("{}: {}", i18n.t().views, format::number(n, i18n.lang()))}
                </span>
            })}
        </p>
    }
}
