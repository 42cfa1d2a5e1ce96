//! `/bai-viet/{id}/{slug}`: the article, its related news, and other news.

use leptos::prelude::*;

use crate::api::{Api, ApiError, ListQuery};
use crate::components::article_view::ArticleView;
use crate::components::below_the_fold::{deferred, BelowTheFold};
use crate::components::error_notice::ErrorNotice;
use crate::components::news_list::{ListSpec, NewsList};
use crate::components::skeleton::Skeleton;
use crate::i18n::use_i18n;
use crate::meta::{set_page_meta, PageMeta};
use crate::remote::{Remote, State};
use crate::route::Route;
use crate::router::use_route;
use crate::url::safe_image;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let i18n = use_i18n();
    let route = use_route();
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
    Effect::new(move |_| match article.state() {
        State::Failed(ApiError::NotFound) => {
            set_page_meta(PageMeta { title: i18n.t().article_not_found, ..Default::default() });
        }
        State::Ready(a) => {
            let image = a.summary.thumbnail.as_ref().and_then(|i| safe_image(&media_base, &i.url));
            set_page_meta(PageMeta {
                title: &a.summary.title,
                description: a.summary.summary.as_deref(),
                image: image.as_deref(),
                article: Some(&a),
            });
        }
        _ => {}
    });
    let others = Memo::new(move |_| ListSpec {
        query: ListQuery::page(route.get().page()),
        title: i18n.t().other_news.to_string(),
        exclude: Some(id.get()),
        ..Default::default()
    });
    view! {
        {move || match article.state() {
            State::Loading => view! { <Skeleton lines=12/> }.into_any(),
            State::Failed(ApiError::NotFound) => deferred(super::not_found::article_not_found, (), 4).into_any(),
            State::Failed(e) => view! { <ErrorNotice error=e on_retry=move || article.retry()/> }.into_any(),
            State::Ready(a) => view! {
                <ArticleView article=a.clone()/>
                <BelowTheFold>
                    {deferred(crate::components::related_news::related, a.clone(), 0)}
                </BelowTheFold>
            }
            .into_any(),
        }}
        <BelowTheFold>
            <NewsList spec=others class="np-list np-other"/>
        </BelowTheFold>
    }
}
