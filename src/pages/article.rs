//! `/bai-viet/{id}/{slug}`: the article, its related news, and other news.

use leptos::prelude::*;

use super::not_found::NotFound;
use crate::api::{Api, ApiError, ListQuery};
use crate::app::{set_page_meta, use_i18n};
use crate::meta::PageMeta;
use crate::components::article_view::ArticleView;
use crate::components::carousel::carousel;
use crate::components::Ctx;
use crate::html::build;
use crate::components::remote_view::{dynamic, error_view, markup, skeleton_view};
use crate::components::news_list::{ListSpec, NewsList};
use crate::remote::{Remote, State};
use crate::route::Route;

#[component]
pub fn ArticlePage(route: Memo<Route>) -> impl IntoView {
    let i18n = use_i18n();
    let api = expect_context::<Api>();
    let id = Memo::new(move |_| match route.get() {
        Route::Article { id, .. } => id,
        _ => String::new(),
    });
    let media_base = api.media_base().to_string();
    let article = Remote::new(move || id.get(), move |id: String, abort| {
        let api = api.clone();
        async move { api.article(&id, &abort).await }
    });
    Effect::new(move |_| {
        if let State::Failed(ApiError::NotFound) = article.state() {
            let title = i18n.t().article_not_found;
            set_page_meta(PageMeta { title, description: None, image: None, article: None });
        }
        if let State::Ready(a) = article.state() {
            let image = a.summary.thumbnail.as_ref().and_then(|i| crate::url::safe_image(&media_base, &i.url));
            set_page_meta(PageMeta {
                title: &a.summary.title,
                description: a.summary.summary.as_deref(),
                image: image.as_deref(),
                article: Some(&a),
            });
        }
    });
    let others = Memo::new(move |_| ListSpec {
        query: ListQuery::page(route.get().page()),
        title: i18n.t().other_news.to_string(),
        exclude: Some(id.get()),
        ..Default::default()
    });
    view! {
        {dynamic(move || match article.state() {
            State::Loading => skeleton_view(12),
            State::Failed(ApiError::NotFound) => view! { <NotFound article=true/> }.into_any(),
            State::Failed(e) => error_view(e, article.retry_handle()),
            State::Ready(a) => {
                let related = build(|h| {
                    if !a.related.is_empty() {
                        carousel(h, &Ctx::get(), &a.related);
                    }
                });
                view! { <ArticleView article=a/> {markup(related)} }.into_any()
            }
        })}
        <NewsList spec=others route=route class="np-list np-other"/>
    }
}
