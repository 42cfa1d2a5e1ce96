//! "Xem tin theo ngày": pick a day, see its news (`/ngay/YYYY-MM-DD`).

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;

use crate::format;
use crate::i18n::tr;
use crate::route::Route;
use crate::router::{use_navigate, use_route};

#[component]
pub fn DayPicker() -> impl IntoView {
    let route = use_route();
    let navigate = use_navigate();
    let input = NodeRef::<html::Input>::new();
    let today = format::today_vn(js_sys::Date::now()).map(|d| d.to_string());
    // The box shows the day being read; what is typed stays until submitted.
    let current = Memo::new(move |_| route.with(Route::day));
    let submit = move |e: SubmitEvent| {
        e.prevent_default();
        let day = input.try_get_untracked().flatten().map(|i| i.value()).unwrap_or_default();
        if format::parse_day(&day).is_some() {
            navigate(&Route::Day { date: day, page: 1 }.to_path());
        }
    };
    view! {
        <section class="np-day-picker" aria-labelledby="np-day-title">
            <h2 class="np-section-title" id="np-day-title">{tr(|t| t.news_by_date)}</h2>
            <form class="np-day-picker__form" on:submit=submit>
                <label class="np-visually-hidden" for="np-day-input">{tr(|t| t.news_by_date)}</label>
                <input id="np-day-input" class="np-day-picker__input" type="date" node_ref=input required=true
                    max=today prop:value=move || current.get()/>
                <button class="np-day-picker__button" type="submit">{tr(|t| t.view_day)}</button>
            </form>
        </section>
    }
}
