//! The bar at the bottom of the screen for what the reader must know
//! wherever it has scrolled: a new version ([`UpdatePrompt`]) and being
//! offline ([`OfflineNotice`]), stacked when both. Comes with the footer.

use leptos::prelude::*;

use super::offline_notice::OfflineNotice;
use super::update_prompt::UpdatePrompt;

#[component]
pub fn StatusBar() -> impl IntoView {
    view! {
        <div class="np-status">
            <UpdatePrompt/>
            <OfflineNotice/>
        </div>
    }
}
