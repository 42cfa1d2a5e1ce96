//! A failed fetch: what went wrong, in the reader's words, and "Thử lại".

use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::{tr, use_i18n, Strings};

pub fn message(error: &ApiError, t: &'static Strings) -> &'static str {
    match error {
        ApiError::Network | ApiError::Aborted => t.error_network,
        ApiError::Timeout => t.error_timeout,
        ApiError::NotFound => t.error_not_found,
        ApiError::Status(_) => t.error_server,
        ApiError::Invalid | ApiError::TooLarge => t.error_invalid,
    }
}

#[component]
pub fn ErrorNotice(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let retryable = error.is_retryable();
    view! {
        <div class="np-error" role="alert">
            <p class="np-error__message">{move || message(&error, i18n.t())}</p>
            {retryable.then(|| view! {
                <button type="button" class="np-retry" on:click=move |_| on_retry.run(())>
                    {tr(|t| t.retry)}
                </button>
            })}
        </div>
    }
}
