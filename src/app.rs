//! The reader's layout, its shared state (API, language, site, router) and
//! the route switch.

use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::api::Api;
use crate::components::below_the_fold::{deferred, BelowTheFold};
use crate::components::language_switch::remembered;
use crate::components::site_header::SiteHeader;
use crate::i18n::{Lang, Strings};
use crate::meta::PageMeta;
use crate::model::Site;
use crate::pages::{article::ArticlePage, category::CategoryPage, home::HomePage};
use crate::remote::{Remote, State};
use crate::route::{Mode, Route};
use crate::router::{provide_router, use_route, use_router};
use crate::split::{self, OtherPage};

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

/// The interface language. Reading it tracks it: text shown through
/// `move || i18n.t().…` follows a switch in place, and nothing else is
/// rebuilt (scroll positions, typed text and requests survive).
#[derive(Clone, Copy)]
pub struct I18n(RwSignal<Lang>);

impl I18n {
    pub fn t(&self) -> &'static Strings {
        self.0.get().strings()
    }
    pub fn lang(&self) -> Lang {
        self.0.get()
    }
    pub fn set(&self, lang: Lang) {
        self.0.set(lang);
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// An interface string that follows the language: `{tr(|t| t.home)}` as
/// text, `aria-label=tr(|t| t.sections)` as an attribute. Every call returns
/// the same closure type, so Leptos' render code for reactive text is in
/// the wasm once, not once per string.
pub fn tr(pick: fn(&'static Strings) -> &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || pick(i18n.t())
}

pub fn use_site() -> Remote<Site> {
    expect_context::<Remote<Site>>()
}

/// The reader's own elements that parts of it need to reach: the shadow
/// host (scrolled into view), the skip link (focused by "Lên đầu trang"),
/// the main region (where the skip link leads).
#[derive(Clone)]
pub struct Landmarks {
    pub host: SendWrapper<web_sys::Element>,
    pub skip_link: NodeRef<html::A>,
    pub main: NodeRef<html::Main>,
}

pub fn use_landmarks() -> Landmarks {
    expect_context::<Landmarks>()
}

/// In standalone mode the reader owns the document's head; the page's own
/// description is kept for pages without one.
#[derive(Clone)]
struct Standalone {
    description: Option<String>,
}

/// Updates the document's title and metadata in standalone mode; an
/// embedding page's head is not ours to change.
pub fn set_page_meta(meta: PageMeta) {
    let Some(Standalone { description }) = use_context::<Standalone>() else { return };
    let site = match use_site().state() {
        State::Ready(s) => s,
        _ => Site::default(),
    };
    crate::meta::apply(crate::meta::Head::new(&meta, &site, description.as_deref()));
}

pub fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

#[component]
pub fn App(config: Config) -> impl IntoView {
    let api = config.api.clone();
    provide_context(config.api);
    if config.standalone {
        provide_context(Standalone { description: crate::meta::initial_description() });
    }
    let i18n = I18n(RwSignal::new(remembered().unwrap_or(config.lang)));
    provide_context(i18n);
    provide_context(Landmarks { host: SendWrapper::new(config.host), skip_link: NodeRef::new(), main: NodeRef::new() });
    let router = provide_router(config.mode);
    let site = {
        let api = api.clone();
        Remote::new(|| (), move |(), abort| {
            let api = api.clone();
            async move { api.site(&abort).await }
        })
    };
    provide_context(site);

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
            Route::Search { .. } => deferred(split::page, OtherPage::Search, 10).into_any(),
            Route::Day { .. } => deferred(split::page, OtherPage::Day, 10).into_any(),
            Route::NotFound => deferred(split::page, OtherPage::NotFound, 10).into_any(),
        }
    };
    view! {
        // Clicks on the reader's own links (wherever they are in it) navigate.
        <div class="np" lang=move || i18n.lang().code() on:click=move |e| router.follow_link(e)>
            <SiteHeader/>
            <div class="np-layout">
                <main class="np-main" id="np-main" tabindex="-1" node_ref=main>{page}</main>
                <aside class="np-aside">
                    <BelowTheFold>{move || deferred(split::aside, has_visitors, 6)}</BelowTheFold>
                </aside>
            </div>
            <BelowTheFold>{|| deferred(split::footer, (), 4)}</BelowTheFold>
        </div>
    }
}
