//! "Trang chủ › Chuyên mục": where the article sits in the portal.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::Category;
use crate::route::Route;
use crate::router::A;

#[component]
pub fn Breadcrumb(category: Option<Category>) -> impl IntoView {
    view! {
        <nav class="np-breadcrumb" aria-label=tr(|t| t.breadcrumb)>
            <ol>
                <li><A href="/">{tr(|t| t.home)}</A></li>
                {category.map(|c| view! {
                    <li><A href=Route::Category { slug: c.slug, page: 1 }.to_path()>{c.name}</A></li>
                })}
            </ol>
        </nav>
    }
}
