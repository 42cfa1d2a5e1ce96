//! "Thống kê truy cập": online, today, week, month, total. Refreshed every
//! minute while the tab is visible; after failures it backs off (2, 4, 8…
//! up to 16 minutes) instead of hammering the backend.

use std::time::Duration;

use leptos::prelude::*;

use super::remote_view::remote_view;
use crate::api::Api;
use crate::format;
use crate::i18n::{tr, use_i18n, Strings};
use crate::model::VisitorStats;
use crate::remote::Remote;

const REFRESH: Duration = Duration::from_secs(60);

/// Whether to poll, `minutes` after the last poll, after `failures`
/// consecutive failures: every minute, then 2, 4, 8, 16 minutes apart.
pub fn due(minutes: u32, failures: u32) -> bool {
    minutes >= 1u32 << failures.min(4)
}

#[component]
pub fn VisitorStatsWidget() -> impl IntoView {
    let api = expect_context::<Api>();
    let stats = Remote::new(|| (), move |(), abort| {
        let api = api.clone();
        async move { api.visitors(&abort).await }
    });
    // Minutes since the last poll.
    let since = StoredValue::new(0u32);
    if let Ok(handle) = set_interval_with_handle(
        move || {
            // Cleared on cleanup, so it never runs after; read with the `try_`
            // forms all the same, since a panic here would kill the page.
            since.try_update_value(|m| *m = m.saturating_add(1));
            let Some(minutes) = since.try_get_value() else { return };
            if !document().hidden() && due(minutes, stats.failures()) {
                since.set_value(0);
                stats.refresh();
            }
        },
        REFRESH,
    ) {
        on_cleanup(move || handle.clear());
    }
    view! {
        <section class="np-visitors" aria-labelledby="np-visitors-title">
            <h2 class="np-section-title" id="np-visitors-title">{tr(|t| t.visitors)}</h2>
            {remote_view(stats, 4, |s: VisitorStats| view! {
                <dl class="np-visitors__list">
                    <Figure label=|t| t.online n=s.online/>
                    <Figure label=|t| t.today n=s.today/>
                    {s.week.map(|n| view! { <Figure label=|t| t.this_week n=n/> })}
                    {s.month.map(|n| view! { <Figure label=|t| t.this_month n=n/> })}
                    <Figure label=|t| t.total_visits n=s.total/>
                </dl>
            })}
        </section>
    }
}

/// One row: "Hôm nay 1.504".
#[component]
fn Figure(label: fn(&'static Strings) -> &'static str, n: u64) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="np-visitors__row">
            <dt>{tr(label)}</dt>
            <dd>{move || format::number(n, i18n.lang())}</dd>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::due;

    #[test]
    fn backs_off_after_failures() {
        assert!(due(1, 0));
        assert!(!due(0, 0));
        assert!(!due(1, 1) && due(2, 1));
        assert!(!due(7, 3) && due(8, 3));
        // Capped at 16 minutes however many failures.
        assert!(!due(15, 9) && due(16, 9));
    }
}
