//! `/ngay/YYYY-MM-DD`: the news of one day ("Xem tin theo ngày"), with links
//! to the day before and after.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::api::ListQuery;
use crate::components::news_list::{ListSpec, NewsList};
use crate::format;
use crate::i18n::{tr, use_i18n, Lang};
use crate::route::Route;
use crate::router::{use_route, A};

/// A day as the reader writes it ("10/01/2019"); as sent if unreadable.
fn shown(day: &str, lang: Lang) -> String {
    format::date(&format!("{day}T12:00:00+07:00"), lang).unwrap_or_else(|| day.to_string())
}

#[component]
pub fn DayPage() -> impl IntoView {
    let i18n = use_i18n();
    let route = use_route();
    let date = Memo::new(move |_| route.with(Route::day));
    let spec = Memo::new(move |_| {
        let t = i18n.t();
        ListSpec {
            title: format!("{} {}", t.news_of_day, shown(&date.get(), i18n.lang())),
            empty_text: Some(t.no_news_on_day),
            query: ListQuery { page: route.get().page(), date: Some(date.get()), ..Default::default() },
            ..Default::default()
        }
    });
    view! {
        <NewsList spec=spec main=true/>
        {move || format::parse_day(&date.get()).map(|day| view! { <DayNav day=day/> })}
    }
}

/// "Ngày trước (09/01/2019)" and, up to today, "Ngày sau (11/01/2019)".
#[component]
fn DayNav(day: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    let today = format::today_vn(js_sys::Date::now());
    let next = day.succ_opt().filter(|d| today.is_none_or(|t| *d <= t));
    let link = move |d: NaiveDate, rel: &'static str, label: fn(Lang) -> &'static str, class: &'static str| {
        let iso = d.to_string();
        let text = {
            let iso = iso.clone();
            move || format!("{} ({})", label(i18n.lang()), shown(&iso, i18n.lang()))
        };
        view! { <A href=Route::Day { date: iso, page: 1 }.to_path() {..} class=class rel=rel>{text}</A> }
    };
    view! {
        <nav class="np-day-nav" aria-label=tr(|t| t.news_by_date)>
            {day.pred_opt().map(|d| link(d, "prev", |l| l.strings().previous_day, "np-day-nav__prev"))}
            {next.map(|d| link(d, "next", |l| l.strings().next_day, "np-day-nav__next"))}
        </nav>
    }
}
