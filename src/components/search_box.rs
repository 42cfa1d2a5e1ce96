//! "Tìm kiếm": the search box in the header. Submitting goes to
//! `/tim-kiem?q=…`; on the results page the box keeps the query.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;

use crate::i18n::tr;
use crate::route::Route;
use crate::router::{use_navigate, use_route};

#[component]
pub fn SearchBox() -> impl IntoView {
    let route = use_route();
    let navigate = use_navigate();
    let input = NodeRef::<html::Input>::new();
    // The box shows the route's query; what is typed stays (a language
    // switch included) until submitted or until the route changes.
    let current = Memo::new(move |_| route.with(Route::search_query));
    let submit = move |e: SubmitEvent| {
        e.prevent_default();
        let q = input.get_untracked().map(|i| i.value()).unwrap_or_default();
        let q = q.trim();
        if !q.is_empty() {
            navigate(&Route::Search { q: q.to_string(), page: 1 }.to_path());
        }
    };
    view! {
        <form class="np-search" role="search" on:submit=submit>
            <label class="np-visually-hidden" for="np-search-q">{tr(|t| t.search)}</label>
            <input class="np-search__input" id="np-search-q" type="search" name="q" node_ref=input
                placeholder=tr(|t| t.search_placeholder) prop:value=move || current.get() autocomplete="off"/>
            <button class="np-search__button" type="submit">{tr(|t| t.search_button)}</button>
        </form>
    }
}
