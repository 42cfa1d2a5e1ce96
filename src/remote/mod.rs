//! `Remote<T>`: something fetched from the backend, with its loading and
//! error states, a retry, and cancellation.
//!
//! Leptos' `LocalResource` runs a refetch only after the previous future has
//! finished and keeps showing the old value meanwhile; a reader clicking from
//! article A to B on a slow network must see B's skeleton at once, A's request
//! cancelled, and never A's late answer. So each run here aborts the one
//! before it, and answers are accepted only from the latest run.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use crate::api::ApiError;

mod live;

use live::{enlist, refresh_quietly, Live};
pub use live::reconnect;

#[derive(Clone, Debug, PartialEq)]
pub enum State<T> {
    Loading,
    Ready(T),
    Failed(ApiError),
}

pub struct Remote<T: 'static> {
    state: RwSignal<State<T>, LocalStorage>,
    /// Bumped to run the fetch again with the same key.
    tick: RwSignal<u32>,
    /// Whether the next run keeps showing the current value (polling).
    quiet: StoredValue<bool>,
    /// Consecutive failures, for back-off.
    failures: RwSignal<u32>,
}

impl<T> Clone for Remote<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Remote<T> {}

impl<T: Clone + 'static> Remote<T> {
    /// Fetches `fetch(key())` now and whenever `key()` changes; cancels the
    /// request in flight when the key changes or the owner is disposed.
    pub fn new<K, F, Fut>(key: impl Fn() -> K + 'static, fetch: F) -> Self
    where
        K: 'static,
        F: Fn(K, AbortController) -> Fut + 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        Self::fetching(key, fetch, true)
    }

    /// Like [`Remote::new`], for a part's code: fetched again when the
    /// network comes back only if it failed.
    pub fn code<K, F, Fut>(key: impl Fn() -> K + 'static, fetch: F) -> Self
    where
        K: 'static,
        F: Fn(K, AbortController) -> Fut + 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        Self::fetching(key, fetch, false)
    }

    fn fetching<K, F, Fut>(key: impl Fn() -> K + 'static, fetch: F, data: bool) -> Self
    where
        K: 'static,
        F: Fn(K, AbortController) -> Fut + 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        let this = Remote {
            state: RwSignal::new_local(State::Loading),
            tick: RwSignal::new(0),
            quiet: StoredValue::new(false),
            failures: RwSignal::new(0),
        };
        let inflight: Rc<RefCell<Option<AbortController>>> = Rc::default();
        let run = Rc::new(Cell::new(0u64));
        let fetch = Rc::new(fetch);
        enlist(Live { quiet: this.quiet, tick: this.tick, failures: this.failures, data });
        let cancel = {
            let (inflight, run) = (inflight.clone(), run.clone());
            move || {
                run.set(run.get() + 1);
                if let Some(c) = inflight.borrow_mut().take() {
                    c.abort();
                }
            }
        };
        on_cleanup({
            let cancel = send_wrapper::SendWrapper::new(cancel.clone());
            move || (*cancel)()
        });
        watch(Rc::new(move || {
            this.tick.track();
            let key = key();
            cancel();
            let Ok(controller) = AbortController::new() else {
                this.state.set(State::Failed(ApiError::Network));
                return;
            };
            *inflight.borrow_mut() = Some(controller.clone());
            let quiet = this.quiet.get_value() && matches!(this.state.get_untracked(), State::Ready(_));
            this.quiet.set_value(false);
            if !quiet {
                this.state.set(State::Loading);
            }
            let mine = run.get();
            let (run, fetch) = (run.clone(), fetch.clone());
            spawn_local(async move {
                let result = fetch(key, controller).await;
                if run.get() != mine || matches!(result, Err(ApiError::Aborted)) {
                    return;
                }
                match result {
                    Ok(value) => {
                        this.failures.try_set(0);
                        this.state.try_set(State::Ready(value));
                    }
                    Err(e) => {
                        this.failures.try_update(|n| *n += 1);
                        if !quiet {
                            this.state.try_set(State::Failed(e));
                        }
                    }
                }
            });
        }));
        this
    }

    pub fn state(&self) -> State<T> {
        self.state.get()
    }

    /// Runs the fetch again, showing the loading state ("Thử lại").
    pub fn retry(&self) {
        self.tick.update(|t| *t = t.wrapping_add(1));
    }

    /// Runs the fetch again in the background: the current value stays on
    /// screen, and a failure leaves it there (counted in `failures`).
    pub fn refresh(&self) {
        refresh_quietly(self.quiet, self.tick);
    }

    pub fn failures(&self) -> u32 {
        self.failures.try_get_untracked().unwrap_or_default()
    }
}

/// Runs `run` now and again whenever what it reads changes. One closure
/// type for every `Remote<T>`, so Leptos' effect code (its task and
/// subscriber loop, ~1.1 KB of wasm) is built once, not once per fetch.
fn watch(run: Rc<dyn Fn()>) {
    Effect::new(move |_| run());
}
