//! "Trang chủ › Chuyên mục": where the article sits in the portal.

use leptos::prelude::*;

use crate::app::use_i18n;
use crate::model::Category;
use crate::route::Route;
use crate::router::use_router;

#[component]
pub fn Breadcrumb(category: Option<Category>) -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    view! {
        <nav class="np-breadcrumb" aria-label=i18n.t().breadcrumb>
            <ol>
                <li><a href=router.href("/")>{i18n.t().home}</a></li>
                {category.map(|c| {
                    let href = router.href(&Route::Category { slug: c.slug, page: 1 }.to_path());
                    view! { <li><a href=href>{c.name}</a></li> }
                })}
            </ol>
        </nav>
    }
}
