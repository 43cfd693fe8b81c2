//! Headline figures and a generated summary, each figure linking to the activities behind it.

use super::{ViewState, href, reactive};
use crate::model::Dataset;
use crate::query::{Except, headlines, select, summary_text};
use leptos::prelude::*;
use std::sync::Arc;

/// Headline figures for the current filters, and a summary in words.
#[component]
pub fn Overview(data: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<ViewState>();
    // Plain closures, not memos: each is read once, and fewer memo types keep the wasm small.
    let (d1, d2) = (data.clone(), data.clone());
    let figures = move || headlines(&d1, &select(&d1, &state.filters.get(), Except::Nothing));
    let summary = move || summary_text(&d2, &select(&d2, &state.filters.get(), Except::Nothing));
    view! {
        <section class="overview" aria-labelledby="overview-h">
            <h2 id="overview-h" class="visually-hidden">"Overview"</h2>
            <ul class="headlines">
                {reactive(move || figures().into_iter().map(|h| {
                    let link = {
                        let mut f = state.filters.get_untracked().cleared();
                        f.has = h.measure.clone();
                        href(&f)
                    };
                    view! {
                        <li class="headline">
                            <a href=link data-noscroll title=h.detail.clone()>
                                <span class="figure"><span class="qualifier">{h.qualifier}</span>{h.number.clone()}</span>
                                <span class="label">{h.label.clone()}</span>
                            </a>
                            <span class="visually-hidden">{format!(": {}", h.detail)}</span>
                        </li>
                    }
                }).collect_view())}
            </ul>
            <p class="summary" aria-live="polite">{reactive(summary)}</p>
        </section>
    }
}
