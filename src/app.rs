//! The reader's layout, its shared state (API, language, site, router) and
//! the route switch.

use leptos::prelude::*;

use crate::api::Api;
use crate::components::back_to_top::{back_to_top, follow_scroll};
use crate::components::category_nav::mark_current;
use crate::components::day_picker::day_picker;
use crate::components::delegate;
use crate::components::language_switch::remembered;
use crate::components::links_directory::LinksDirectory;
use crate::components::remote_view::{dynamic, markup};
use crate::components::Ctx;
use crate::html::build;
use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::components::visitor_stats::VisitorStatsWidget;
use crate::i18n::{Lang, Strings};
use crate::model::Site;
use crate::pages::{article::ArticlePage, category::CategoryPage, day::DayPage, home::HomePage};
use crate::pages::{not_found::NotFound, search::SearchPage};
use crate::remote::Remote;
use crate::route::{Mode, Route};
use crate::router::{use_router, Router};

/// Everything the host element configures.
#[derive(Clone)]
pub struct Config {
    pub api: Api,
    pub mode: Mode,
    pub lang: Lang,
    /// The reader owns the page (our index.html), so it may set the title.
    pub standalone: bool,
}

#[derive(Clone, Copy)]
pub struct I18n(RwSignal<Lang>);

/// Interface strings are read once, when a view is built, not through a
/// reactive closure each: a language switch rebuilds the reader instead.
/// Hundreds of tiny reactive text nodes cost the wasm more than the rebuild.
impl I18n {
    pub fn t(&self) -> &'static Strings {
        self.0.get_untracked().strings()
    }
    pub fn lang(&self) -> Lang {
        self.0.get_untracked()
    }
    /// Switches the interface language; the reader is rebuilt.
    pub fn set(&self, lang: Lang) {
        self.0.set(lang);
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

pub fn use_site() -> Remote<Site> {
    expect_context::<Remote<Site>>()
}

#[derive(Clone, Copy)]
struct Standalone(bool);

/// Updates the document's title and metadata in standalone mode; an
/// embedding page's head is not ours to change.
pub fn set_page_meta(meta: crate::meta::PageMeta) {
    let Some(Standalone(true)) = use_context::<Standalone>() else { return };
    let site = match use_site().state() {
        crate::remote::State::Ready(s) => s.name,
        _ => String::new(),
    };
    crate::meta::apply(&meta, &site);
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
    provide_context(Standalone(config.standalone));
    let lang = RwSignal::new(remembered().unwrap_or(config.lang));
    provide_context(I18n(lang));
    let router = Router::provide(config.mode);
    let site = {
        let api = api.clone();
        Remote::new(|| (), move |(), abort| {
            let api = api.clone();
            async move { api.site(&abort).await }
        })
    };
    provide_context(site);

    let route = Memo::new(move |_| router.route());
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
        let r = route.get();
        let t = use_i18n().t();
        // Lists and articles set their own title once they know it.
        let title = match &r {
            Route::Home { .. } => "",
            Route::NotFound => t.page_not_found,
            _ => return,
        };
        set_page_meta(crate::meta::PageMeta { title, description: None, image: None, article: None });
    });
    // A language switch rebuilds the whole reader (see `I18n`).
    dynamic(move || {
        let _ = lang.get();
        view! { <Shell route=route/> }.into_any()
    })
}

/// The layout around the current page.
#[component]
fn Shell(route: Memo<Route>) -> impl IntoView {
    let router = use_router();
    // Which page component to show; its parameters are read from `route`.
    // (A String, the type the other route memos have: one memo type less.)
    let kind = Memo::new(move |_| {
        let kind = match route.get() {
            Route::Home { .. } => "home",
            Route::Category { .. } => "category",
            Route::Article { .. } => "article",
            Route::Search { .. } => "search",
            Route::Day { .. } => "day",
            Route::NotFound => "not-found",
        };
        kind.to_string()
    });
    let page = dynamic(move || {
        // `get`, not `track`: a memo never read has not subscribed to `route`.
        let _ = kind.get();
        match route.get_untracked() {
            Route::Home { .. } => view! { <HomePage route=route/> }.into_any(),
            Route::Category { .. } => view! { <CategoryPage route=route/> }.into_any(),
            Route::Article { .. } => view! { <ArticlePage route=route/> }.into_any(),
            Route::Search { .. } => view! { <SearchPage route=route/> }.into_any(),
            Route::Day { .. } => view! { <DayPage route=route/> }.into_any(),
            Route::NotFound => view! { <NotFound/> }.into_any(),
        }
    });
    let i18n = use_i18n();
    let root = NodeRef::<leptos::html::Div>::new();
    // After a navigation (or the menu's arrival): the menu marks the
    // current section, the search and day boxes show the route's query and day.
    let site = use_site();
    Effect::new(move |_| {
        let r = route.get();
        site.track();
        if let Some(root) = root.get() {
            mark_current(&root, router, &r);
            delegate::sync_inputs(&root, &r.search_query(), &r.day());
        }
    });
    Effect::new(move |_| {
        if let Some(root) = root.get() {
            follow_scroll(root.into());
        }
    });
    let cx = Ctx::get();
    view! {
        <div class="np" lang=i18n.lang().code() node_ref=root
            on:click=move |e| delegate::on_click(e, router, i18n)
            on:submit=move |e| delegate::on_submit(e, router)
            on:scroll:capture=delegate::on_scroll>
            <SiteHeader/>
            <div class="np-layout">
                <main class="np-main" id="np-main" tabindex="-1">{page}</main>
                <aside class="np-aside">
                    {markup(build(|h| day_picker(h, &cx)))}
                    <VisitorStatsWidget/>
                    <LinksDirectory/>
                </aside>
            </div>
            <SiteFooter/>
            {markup(build(|h| back_to_top(h, &cx)))}
        </div>
    }
}
