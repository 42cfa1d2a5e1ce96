//! `/ngay/YYYY-MM-DD`: the news of one day ("Xem tin theo ngày").

use leptos::prelude::*;

use crate::api::ListQuery;
use crate::app::use_i18n;
use crate::components::news_list::NewsList;
use crate::format;
use crate::route::Route;

#[component]
pub fn DayPage(route: Memo<Route>) -> impl IntoView {
    let i18n = use_i18n();
    let date = Memo::new(move |_| match route.get() {
        Route::Day { date, .. } => date,
        _ => String::new(),
    });
    let shown = move || {
        let d = date.get();
        format::date(&format!("{d}T12:00:00+07:00"), i18n.lang()).unwrap_or(d)
    };
    view! {
        <NewsList
            query=move || ListQuery { page: route.get().page(), date: Some(date.get()), ..Default::default() }
            title=move || format!("{} {}", i18n.t().news_of_day, shown())
            route=route
            main=true
            empty_text=move || i18n.t().no_news_on_day.to_string()
        />
    }
}
