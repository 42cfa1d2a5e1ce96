//! The browser side of routing: reads the location, follows `popstate`, and
//! turns clicks on the reader's own links into history entries.
//!
//! Not leptos_router: it has no hash routing (leptos#2184) and intercepts
//! same-origin link clicks on the whole page, so an embedded reader would
//! swallow the host page's links. This listens only inside the reader's root.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlAnchorElement, MouseEvent};

use crate::route::{Location, Mode, Route};

#[derive(Clone, Copy)]
pub struct Router {
    mode: StoredValue<Mode>,
    /// App path and query string (without `?`).
    current: RwSignal<(String, String)>,
    /// Set by a navigation: the next page heading to appear takes focus, so
    /// screen-reader and keyboard users land on the new page, not the old link.
    focus_pending: StoredValue<bool>,
}

fn browser_location() -> Location {
    let loc = window().location();
    Location {
        pathname: loc.pathname().unwrap_or_default(),
        search: loc.search().unwrap_or_default(),
        hash: loc.hash().unwrap_or_default(),
    }
}

impl Router {
    /// Creates the router, provides it as context, and follows history.
    pub fn provide(mode: Mode) -> Router {
        let router = Router {
            mode: StoredValue::new(mode),
            current: RwSignal::new(Default::default()),
            focus_pending: StoredValue::new(false),
        };
        router.sync();
        let follow = move || {
            router.focus_pending.set_value(true);
            router.sync();
        };
        // The handles live as long as the page: the reader is never unmounted.
        std::mem::forget(window_event_listener(ev::popstate, move |_| follow()));
        std::mem::forget(window_event_listener(ev::hashchange, move |_| follow()));
        provide_context(router);
        router
    }

    fn sync(&self) {
        let read = self.mode.with_value(|m| m.read(&browser_location()));
        let first = self.current.with_untracked(|(path, _)| path.is_empty());
        // A location that is not ours keeps the current view; at start-up
        // it shows the home page.
        let Some(read) = read.or_else(|| first.then(|| ("/".into(), String::new()))) else { return };
        if self.current.with_untracked(|c| *c != read) {
            self.current.set(read);
        }
    }

    /// Whether a heading should take focus now; true once per navigation.
    pub fn take_focus(&self) -> bool {
        let pending = self.focus_pending.get_value();
        self.focus_pending.set_value(false);
        pending
    }

    /// The current route (tracked).
    pub fn route(&self) -> Route {
        self.current.with(|(path, query)| Route::parse(path, query))
    }

    /// The current app path and query (tracked), e.g. for hit counting.
    pub fn app_path(&self) -> String {
        self.current.with(|(path, query)| if query.is_empty() { path.clone() } else { format!("{path}?{query}") })
    }

    /// The href for an app path, as the browser should see it.
    pub fn href(&self, app_path: &str) -> String {
        self.mode.with_value(|m| m.href(app_path, &browser_location()))
    }

    /// Goes to an app path, adding a history entry.
    pub fn navigate(&self, app_path: &str) {
        let href = self.href(app_path);
        if let Ok(history) = window().history() {
            if history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href)).is_err() {
                // Refused (e.g. a sandboxed host page): a full load still works.
                let _ = window().location().set_href(&href);
                return;
            }
        }
        self.focus_pending.set_value(true);
        self.sync();
        // Bring the top of the reader into view if the reader scrolled past it.
        if let Ok(Some(host)) = document().query_selector("[data-news-portal]") {
            if host.get_bounding_client_rect().top() < 0.0 {
                host.scroll_into_view();
            }
        }
    }

    /// Handles a click anywhere in the reader: a plain left click on one of
    /// our routes becomes a navigation; everything else is left alone.
    pub fn on_click(&self, e: MouseEvent) {
        if e.default_prevented() || e.button() != 0 || e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() {
            return;
        }
        let Some(a) = e.composed_path().iter().find_map(|n| n.dyn_into::<HtmlAnchorElement>().ok()) else {
            return;
        };
        let target = a.target();
        if a.has_attribute("download") || !(target.is_empty() || target == "_self") || a.get_attribute("href").is_none() {
            return;
        }
        let here = browser_location();
        if a.origin() != window().location().origin().unwrap_or_default() {
            return;
        }
        let link = Location { pathname: a.pathname(), search: a.search(), hash: a.hash() };
        let same_document = link.pathname == here.pathname && link.search == here.search;
        let ours = self.mode.with_value(|m| match m {
            // An in-page anchor (`#…`) is not a route in path mode.
            Mode::Path { .. } => !(same_document && !link.hash.is_empty()),
            Mode::Hash => same_document && link.hash.starts_with("#/"),
            Mode::Query { .. } => link.pathname == here.pathname,
        });
        let Some((path, query)) = ours.then(|| self.mode.with_value(|m| m.read(&link))).flatten() else {
            return;
        };
        e.prevent_default();
        self.navigate(&if query.is_empty() { path } else { format!("{path}?{query}") });
    }
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}
