//! "Tìm kiếm": the search box in the header. Submitting goes to
//! `/tim-kiem?q=…`; on the results page the box keeps the query.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;

use crate::app::use_i18n;
use crate::route::Route;
use crate::router::use_router;

#[component]
pub fn SearchBox() -> impl IntoView {
    let t = use_i18n().t();
    let router = use_router();
    let input = NodeRef::<html::Input>::new();
    let current = Memo::new(move |_| router.route().search_query());
    let submit = move |e: SubmitEvent| {
        e.prevent_default();
        let q = input.get_untracked().map(|i| i.value()).unwrap_or_default();
        let q = q.trim();
        if !q.is_empty() {
            router.navigate(&Route::Search { q: q.to_string(), page: 1 }.to_path());
        }
    };
    view! {
        <form class="np-search" role="search" on:submit=submit>
            <label class="np-visually-hidden" for="np-search-q">{t.search}</label>
            <input class="np-search__input" id="np-search-q" type="search" name="q" node_ref=input
                placeholder=t.search_placeholder prop:value=move || current.get() autocomplete="off"/>
            <button class="np-search__button" type="submit">{t.search_button}</button>
        </form>
    }
}
