//! `/ngay/YYYY-MM-DD`: the news of one day ("Xem tin theo ngày"), with links
//! to the day before and after.

use leptos::prelude::*;

use crate::api::ListQuery;
use crate::app::use_i18n;
use crate::components::news_list::{ListSpec, NewsList};
use crate::components::remote_view::{dynamic, markup};
use crate::html::build;
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
    let neighbours = dynamic(move || {
        let date = date.get();
        let Some(day) = format::parse_day(&date) else { return ().into_any() };
        let today = format::today_vn(js_sys::Date::now());
        markup(build(|h| {
            h.open("nav", &[("class", "np-day-nav"), ("aria-label", t.news_by_date)]);
            let next = day.succ().filter(|d| today.is_none_or(|t| *d <= t));
            for (d, rel, label, class) in [
                (day.pred(), "prev", t.previous_day, "np-day-nav__prev"),
                (next, "next", t.next_day, "np-day-nav__next"),
            ] {
                let Some(d) = d else { continue };
                let iso = d.to_string();
                let href = router.href(&Route::Day { date: iso.clone(), page: 1 }.to_path());
                h.el("a", &[("class", class), ("rel", rel), ("href", &href)], &format!("{label} ({})", shown(&iso)));
            }
            h.close("nav");
        }))
    });
    view! {
        <NewsList spec=spec route=route main=true/>
        {neighbours}
    }
}
