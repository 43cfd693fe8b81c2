//! What the status line shows when the data could not be loaded: what went wrong, in plain
//! words, and a way to try again.

use crate::core::i18n::{T, t};
use leptos::prelude::*;

/// The load failure's message and its Retry button.
#[component]
pub fn LoadFailed(message: String, retry: Callback<()>) -> impl IntoView {
    view! {
        <section class="load-error" role="alert">
            <h2>{t(T::LoadFailedTitle)}</h2>
            <p class="message">{message}</p>
            <p>{t(T::LoadFailedStatic)}</p>
            <button type="button" class="retry" id="retry" on:click=move |_| retry.run(())>
                {t(T::Retry)}
            </button>
        </section>
    }
}
