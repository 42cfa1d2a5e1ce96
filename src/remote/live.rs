//! The fetches on screen as a whole: run again when the network comes back,
//! and again while it is not really back yet.
//!
//! `online` fires when the phone has a link, not when requests get through:
//! the first ones after it often still fail (a radio waking up, a captive
//! portal, the service worker's own network a moment behind the page's) or
//! are answered by the worker's saved copy. So a reconnect runs everything
//! again, looks once the answers are in, and runs it again, a few times,
//! further apart, while something failed on the network or was a saved copy.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;

use crate::api::{traffic, Traffic};

/// A fetch as [`refresh_all`] sees it: the handles of its `Remote`, and
/// whether it is the backend's data (else a part's code).
#[derive(Clone, Copy)]
pub(super) struct Live {
    pub quiet: StoredValue<bool>,
    pub tick: RwSignal<u32>,
    pub failures: RwSignal<u32>,
    pub data: bool,
}

thread_local! {
    /// Every fetch made so far (a disposed one is skipped, and dropped from
    /// the list now and then).
    static LIVE: RefCell<Vec<Live>> = const { RefCell::new(Vec::new()) };
    /// Bumped by each reconnect: the checks of an earlier one stop.
    static RECONNECT: Cell<u32> = const { Cell::new(0) };
}

/// Adds a fetch to the live list, first dropping the disposed ones when
/// there are many: pages come and go, and each makes a few.
pub(super) fn enlist(live: Live) {
    LIVE.with(|l| {
        let mut all = l.borrow_mut();
        if all.len() >= 64 {
            all.retain(|f| f.tick.try_get_untracked().is_some());
        }
        all.push(live);
    });
}

/// Runs the fetches on screen again: what is shown may be a copy the
/// service worker saved, or an error. A value on screen stays until the
/// fresh one arrives (`Remote::refresh`); an error is retried. A part's code
/// that arrived is not fetched again: the part would be built anew and lose
/// its state.
fn refresh_all() {
    let live = LIVE.with(|l| l.borrow().clone());
    for f in live {
        if f.data || f.failures.try_get_untracked().unwrap_or(0) > 0 {
            refresh_quietly(f.quiet, f.tick);
        }
    }
}

/// Runs a fetch again in the background (`Remote::refresh`); nothing if it
/// was disposed.
pub(super) fn refresh_quietly(quiet: StoredValue<bool>, tick: RwSignal<u32>) {
    quiet.try_set_value(true);
    tick.try_update(|t| *t = t.wrapping_add(1));
}

/// The network is back (`online`): [`refresh_all`] now, and again up to
/// three times while it has not really come back ([`next`]), looking 3, 6
/// and 12 s after each run (later while answers are still coming).
pub fn reconnect() {
    let id = RECONNECT.with(|r| {
        r.set(r.get().wrapping_add(1));
        r.get()
    });
    run(id, 0);
}

/// Seconds from the n-th run of everything to the look at how it went; no
/// look after the last run.
const LOOK_AFTER: [u64; 3] = [3, 6, 12];

/// What a reconnect does when it looks.
#[derive(Debug, PartialEq, Eq)]
enum Next {
    /// Everything answered: done.
    Done,
    /// Answers are still coming: look again in a second (each ends within
    /// the client's time limit, `http::TIMEOUT`).
    Wait,
    /// A request got no answer, or the worker's saved copy: run again.
    Again,
}

/// What to do, from the [`Traffic`] at the last run and now.
fn next(then: Traffic, now: Traffic) -> Next {
    if now.pending > 0 {
        Next::Wait
    } else if now.unanswered != then.unanswered || now.saved != then.saved {
        Next::Again
    } else {
        Next::Done
    }
}

fn run(id: u32, attempt: usize) {
    let then = traffic();
    refresh_all();
    if let Some(&after) = LOOK_AFTER.get(attempt) {
        look(id, attempt, then, after);
    }
}

fn look(id: u32, attempt: usize, then: Traffic, after: u64) {
    set_timeout(
        move || {
            // Another reconnect took over, or the network went again (its
            // `online` starts anew).
            if RECONNECT.with(Cell::get) != id || !window().navigator().on_line() {
                return;
            }
            match next(then, traffic()) {
                Next::Done => {}
                Next::Wait => look(id, attempt, then, 1),
                Next::Again => run(id, attempt + 1),
            }
        },
        Duration::from_secs(after),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_for_answers_then_runs_again_while_unsettled() {
        let then = Traffic { pending: 3, unanswered: 2, saved: 1 };
        let now = |pending, unanswered, saved| next(then, Traffic { pending, unanswered, saved });
        assert_eq!(now(1, 2, 1), Next::Wait);
        assert_eq!(now(1, 3, 1), Next::Wait);
        assert_eq!(now(0, 3, 1), Next::Again);
        assert_eq!(now(0, 2, 2), Next::Again);
        assert_eq!(now(0, 2, 1), Next::Done);
    }

    #[test]
    fn looks_further_apart_and_stops() {
        assert!(LOOK_AFTER.windows(2).all(|w| w[0] < w[1]));
        // Four runs at most, the last about 21 s after `online`.
        assert_eq!(LOOK_AFTER.iter().sum::<u64>(), 21);
    }
}
