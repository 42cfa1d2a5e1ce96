//! The reader's layout, its shared state (API, language, site, router) and
//! the route switch.

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::api::Api;
use crate::components::below_the_fold::{deferred, BelowTheFold};
use crate::components::language_switch::remembered;
use crate::components::site_header::SiteHeader;
use crate::components::{site_aside::aside, site_footer::footer};
use crate::context::{use_landmarks, Landmarks};
use crate::i18n::{use_i18n, I18n, Lang};
use crate::meta::{set_page_meta, PageMeta, Standalone};
use crate::pages::{article::ArticlePage, category::CategoryPage, home::HomePage, page, OtherPage};
use crate::remote::Remote;
use crate::route::{Mode, Route};
use crate::router::{provide_router, use_route, use_router};

/// Everything the host element configures.
#[derive(Clone)]
pub struct Config {
    pub api: Api,
    pub mode: Mode,
    pub lang: Lang,
    /// The reader owns the page (our index.html), so it may set the title.
    pub standalone: bool,
    /// The element the reader is mounted on (its shadow host).
    pub host: web_sys::Element,
}

#[component]
pub fn App(config: Config) -> impl IntoView {
    let api = config.api.clone();
    provide_context(config.api);
    if config.standalone {
        provide_context(Standalone { description: crate::meta::initial_description() });
    }
    let i18n = I18n::new(remembered().unwrap_or(config.lang));
    provide_context(i18n);
    // Two wrappers of the element: cloning a SendWrapper costs a thread check.
    provide_context(Landmarks { host: SendWrapper::new(config.host.clone()), skip_link: NodeRef::new(), main: NodeRef::new() });
    let router = provide_router(config.mode, SendWrapper::new(config.host));
    let site = {
        let api = api.clone();
        Remote::new(|| (), move |(), abort| {
            let api = api.clone();
            async move { api.site(&abort).await }
        })
    };
    provide_context(site);

    // Back online, what is on screen (a saved copy, an error) is fetched
    // again. Listened for here, once, not in a part that waits: that part
    // may not have arrived while offline.
    std::mem::forget(window_event_listener(leptos::ev::online, |_| crate::remote::reconnect()));
    let route = use_route();
    // Count one view per route shown (fire-and-forget).
    Effect::new(move |_| {
        let path = router.app_path();
        let article = match route.get() {
            Route::Article { id, .. } => Some(id),
            _ => None,
        };
        api.hit(&path, article.as_deref());
    });
    Effect::new(move |_| {
        // Lists and articles set their own title once they know it.
        let title = match route.get() {
            Route::Home { .. } => "",
            Route::NotFound => i18n.t().page_not_found,
            _ => return,
        };
        set_page_meta(PageMeta { title, ..Default::default() });
    });
    view! { <Shell/> }
}

/// The layout around the current page.
#[component]
fn Shell() -> impl IntoView {
    let i18n = use_i18n();
    // WordPress has no visitor figures: no widget rather than empty ones.
    let has_visitors = expect_context::<Api>().has_visitors();
    let router = use_router();
    let route = use_route();
    let main = use_landmarks().main;
    // Which page component to show; it reads its parameters from the route.
    let kind = Memo::new(move |_| std::mem::discriminant(&route.get()));
    let page = move || {
        let _ = kind.get();
        match route.get_untracked() {
            Route::Home { .. } => view! { <HomePage/> }.into_any(),
            Route::Category { .. } => view! { <CategoryPage/> }.into_any(),
            Route::Article { .. } => view! { <ArticlePage/> }.into_any(),
            Route::Search { .. } => deferred(page, OtherPage::Search, 10).into_any(),
            Route::Day { .. } => deferred(page, OtherPage::Day, 10).into_any(),
            Route::NotFound => deferred(page, OtherPage::NotFound, 10).into_any(),
        }
    };
    view! {
        // Clicks on the reader's own links (wherever they are in it) navigate.
        <div class="np" lang=move || i18n.lang().code() on:click=move |e| router.follow_link(e)>
            <SiteHeader/>
            <div class="np-layout">
                <main class="np-main" id="np-main" tabindex="-1" node_ref=main>{page}</main>
                <aside class="np-aside">
                    <BelowTheFold>{move || deferred(aside, has_visitors, 6)}</BelowTheFold>
                </aside>
            </div>
            <BelowTheFold>{|| deferred(footer, (), 4)}</BelowTheFold>
        </div>
    }
}
