//! `/ngay/YYYY-MM-DD`: the news of one day ("Xem tin theo ngày"), with links
//! to the day before and after.

use leptos::prelude::*;

use crate::api::ListQuery;
use crate::app::use_i18n;
use crate::components::news_list::{ListSpec, NewsList};
use crate::format;
use crate::route::Route;
use crate::router::use_router;

#[component]
pub fn DayPage(route: Memo<Route>) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t();
    let router = use_router();
    let date = Memo::new(move |_| route.get().day());
    let shown = move |d: &str| format::date(&format!("{d}T12:00:00+07:00"), i18n.lang()).unwrap_or_else(|| d.to_string());
    let spec = Memo::new(move |_| ListSpec {
        title: format!("{} {}", t.news_of_day, shown(&date.get())),
        empty_text: Some(t.no_news_on_day.to_string()),
        query: ListQuery { page: route.get().page(), date: Some(date.get()), ..Default::default() },
        ..Default::default()
    });
    let neighbours = move || {
        let day = format::parse_day(&date.get())?;
        let today = format::today_vn(js_sys::Date::now());
        let link = |d: format::Day, rel: &'static str, label: &'static str, class: &'static str| {
            let iso = d.to_string();
            let href = router.href(&Route::Day { date: iso.clone(), page: 1 }.to_path());
            view! { <a class=class rel=rel href=href>{format!("{label} ({})", shown(&iso))}</a> }
        };
        Some(view! {
            <nav class="np-day-nav" aria-label=t.news_by_date>
                {day.pred().map(|d| link(d, "prev", t.previous_day, "np-day-nav__prev"))}
                {day.succ().filter(|d| today.is_none_or(|t| *d <= t)).map(|d| link(d, "next", t.next_day, "np-day-nav__next"))}
            </nav>
        })
    };
    view! {
        <NewsList spec=spec route=route main=true/>
        {neighbours}
    }
}
