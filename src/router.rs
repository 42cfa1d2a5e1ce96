//! The browser side of routing, in the shape of leptos_router's API:
//! `provide_router` (its `<Router>`), `use_route()` (a memo of the current
//! route), `use_navigate()`, and the `<A>` link component.
//!
//! Not leptos_router itself: its `Router` is fixed to the browser's path
//! (no hash or query mode, leptos#2184) and intercepts same-origin link
//! clicks on the whole window, so an embedded reader would swallow the host
//! page's links. See docs/decisions/0002-own-router.md. Here link clicks are
//! followed only inside the reader: its root element listens
//! (`Router::follow_link`), as leptos_router's window listener does.

use leptos::ev;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::{HtmlAnchorElement, MouseEvent};

use crate::route::{Location, Mode, Route};

#[derive(Clone, Copy)]
pub struct Router {
    mode: StoredValue<Mode>,
    /// App path and query string (without `?`).
    current: RwSignal<(String, String)>,
    route: Memo<Route>,
    /// Set by a navigation: the next page heading to appear takes focus, so
    /// screen-reader and keyboard users land on the new page, not the old link.
    focus_pending: StoredValue<bool>,
    /// The reader's shadow host, brought into view by a navigation.
    host: StoredValue<SendWrapper<web_sys::Element>>,
}

fn browser_location() -> Location {
    let loc = window().location();
    Location {
        pathname: loc.pathname().unwrap_or_default(),
        search: loc.search().unwrap_or_default(),
        hash: loc.hash().unwrap_or_default(),
    }
}

/// Creates the router, provides it as context, and follows history.
pub fn provide_router(mode: Mode, host: SendWrapper<web_sys::Element>) -> Router {
    let current = RwSignal::new(Default::default());
    let router = Router {
        mode: StoredValue::new(mode),
        current,
        route: Memo::new(move |_| current.with(|(path, query): &(String, String)| Route::parse(path, query))),
        focus_pending: StoredValue::new(false),
        host: StoredValue::new(host),
    };
    router.sync();
    let follow = move || {
        router.focus_pending.set_value(true);
        router.sync();
    };
    // The router's owner is the reader's root, never unmounted (mount.rs):
    // the listeners live as long as the page. A cleanup that can never run
    // cost 286 B brotli of WordPress' first load (issue 24); `sync` reads
    // with the `try_` forms instead, so history could not panic even after
    // an unmount.
    std::mem::forget(window_event_listener(ev::popstate, move |_| follow()));
    std::mem::forget(window_event_listener(ev::hashchange, move |_| follow()));
    provide_context(router);
    router
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}

/// The current route.
pub fn use_route() -> Memo<Route> {
    use_router().route
}

/// Goes to an app path (`/bai-viet/1?trang=2`), as leptos_router's
/// `use_navigate()` does.
pub fn use_navigate() -> impl Fn(&str) + Clone + Send + Sync + 'static {
    let router = use_router();
    move |path| router.navigate(path)
}

impl Router {
    fn sync(&self) {
        let Some(read) = self.mode.try_with_value(|m| m.read(&browser_location())) else { return };
        let first = self.current.try_with_untracked(|(path, _)| path.is_empty()).unwrap_or(false);
        // A location that is not ours keeps the current view; at start-up
        // it shows the home page.
        let Some(read) = read.or_else(|| first.then(|| ("/".into(), String::new()))) else { return };
        if self.current.try_with_untracked(|c| *c != read).unwrap_or(false) {
            self.current.set(read);
        }
    }

    /// Whether a heading should take focus now; true once per navigation.
    pub fn take_focus(&self) -> bool {
        // Called from a frame callback: the `try_` form reads nothing disposed.
        self.focus_pending.try_update_value(std::mem::take).unwrap_or(false)
    }

    /// The current app path and query (tracked), e.g. for hit counting.
    pub fn app_path(&self) -> String {
        self.current.with(|(path, query)| if query.is_empty() { path.clone() } else { format!("{path}?{query}") })
    }

    /// The href for an app path, as the browser should see it.
    pub fn href(&self, app_path: &str) -> String {
        self.mode.with_value(|m| m.href(app_path, &browser_location()))
    }

    /// Goes to an app path. Going where the reader already is adds no
    /// history entry.
    pub fn navigate(&self, app_path: &str) {
        let href = self.href(app_path);
        let here = browser_location();
        let same = format!("{}{}{}", here.pathname, here.search, here.hash) == href;
        if !same {
            let pushed = window().history().is_ok_and(|h| h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href)).is_ok());
            if !pushed {
                // Refused (e.g. a sandboxed host page): a full load still works.
                let _ = window().location().set_href(&href);
                return;
            }
            self.focus_pending.set_value(true);
            self.sync();
        }
        // Bring the top of the reader into view if the reader scrolled past it.
        self.host.with_value(|host| {
            if host.get_bounding_client_rect().top() < 0.0 {
                host.scroll_into_view();
            }
        });
    }

    /// Follows a click on a link to one of the reader's routes (a plain
    /// left click); anything else is left to the browser.
    pub fn follow_link(&self, e: MouseEvent) {
        if e.default_prevented() || e.button() != 0 || e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() {
            return;
        }
        let Some(a) = e.composed_path().iter().find_map(|n| n.dyn_into::<HtmlAnchorElement>().ok()) else {
            return;
        };
        let target = a.target();
        let external = a.rel().split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("external"));
        if a.has_attribute("download") || external || !(target.is_empty() || target == "_self") || a.get_attribute("href").is_none() {
            return;
        }
        if a.origin() != window().location().origin().unwrap_or_default() {
            return;
        }
        let link = Location { pathname: a.pathname(), search: a.search(), hash: a.hash() };
        let Some((path, query)) = self.mode.with_value(|m| m.follow(&link, &browser_location())) else {
            return;
        };
        e.prevent_default();
        self.navigate(&if query.is_empty() { path } else { format!("{path}?{query}") });
    }
}

/// A link to one of the reader's routes, written as an app path
/// (`href="/chuyen-muc/tin-tuc"`): it shows the URL of the routing mode, and
/// a click on it navigates without a reload (through the reader root's
/// listener). Other attributes go on the `<a>` after `{..}`
/// (`<A href=… {..} class="np-card__title">`), as with leptos_router's `<A>`.
#[component]
pub fn A(#[prop(into)] href: String, children: Children) -> impl IntoView {
    view! { <a href=use_router().href(&href)>{children()}</a> }
}
