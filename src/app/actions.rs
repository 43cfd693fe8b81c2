//! What can be done with the current view: download its activities as CSV or JSON, cite it,
//! embed it.

use super::export;
use super::state::use_ctx;
use crate::core::i18n::{T, t};
use leptos::prelude::*;

/// The toolbar's action buttons; on a narrow screen, behind one "Share & download" button so the
/// first screen keeps the figures and the chart.
#[component]
pub fn Actions() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <button
            type="button"
            class="share-toggle"
            aria-expanded=move || open.get().to_string()
            aria-controls="action-list"
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {t(T::ShareDownload)}
        </button>
        <div id="action-list" class="action-list" class:open=move || open.get()>
            <ActionButtons />
        </div>
    }
}

/// CSV, JSON, Cite, Embed.
#[component]
fn ActionButtons() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <button
            type="button"
            class="action csv"
            aria-label=t(T::DownloadCsv)
            on:click=move |_| export::csv(&ctx)
        >
            "⤓ CSV"
        </button>
        <button
            type="button"
            class="action json"
            aria-label=t(T::DownloadJson)
            on:click=move |_| export::json(&ctx)
        >
            "⤓ JSON"
        </button>
        <button
            type="button"
            class="action cite"
            aria-label=t(T::CiteThisView)
            on:click=move |_| ctx.ui.cite_open.set(true)
        >
            {t(T::CiteShort)}
        </button>
        <button
            type="button"
            class="action embed"
            aria-label=t(T::EmbedThisView)
            on:click=move |_| ctx.ui.embed_open.set(true)
        >
            {t(T::EmbedShort)}
        </button>
    }
}
