//! "Thống kê truy cập": online, today, week, month, total. Refreshed every
//! minute while the tab is visible; after failures it backs off (2, 4, 8…
//! up to 16 minutes) instead of hammering the backend.

use std::time::Duration;

use leptos::prelude::*;

use super::remote_view::{markup, remote_view};
use crate::api::Api;
use crate::app::use_i18n;
use crate::format;
use crate::html::build;
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
    let i18n = use_i18n();
    let api = expect_context::<Api>();
    let stats = Remote::new(|| (), move |(), abort| {
        let api = api.clone();
        async move { api.visitors(&abort).await }
    });
    // Minutes since the last poll.
    let since = std::cell::Cell::new(0u32);
    if let Ok(handle) = set_interval_with_handle(
        move || {
            since.set(since.get().saturating_add(1));
            if !document().hidden() && due(since.get(), stats.failures()) {
                since.set(0);
                stats.refresh();
            }
        },
        REFRESH,
    ) {
        on_cleanup(move || handle.clear());
    }
    view! {
        <section class="np-visitors" aria-labelledby="np-visitors-title">
            {markup(build(|h| {
                h.el("h2", &[("class", "np-section-title"), ("id", "np-visitors-title")], i18n.t().visitors);
            }))}
            {remote_view(stats, 4, move |s: VisitorStats| {
                let (t, lang) = (i18n.t(), i18n.lang());
                let rows = [
                    (t.online, Some(s.online)),
                    (t.today, Some(s.today)),
                    (t.this_week, s.week),
                    (t.this_month, s.month),
                    (t.total_visits, Some(s.total)),
                ];
                let list = build(|h| {
                    for (label, n) in rows {
                        let Some(n) = n else { continue };
                        h.open("div", &[("class", "np-visitors__row")]).el("dt", &[], label);
                        h.el("dd", &[], &format::number(n, lang)).close("div");
                    }
                });
                markup(format!("<dl class=\"np-visitors__list\">{list}</dl>"))
            })}
        </section>
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
