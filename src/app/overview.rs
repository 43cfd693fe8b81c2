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
    let d = data.clone();
    let figures = Memo::new(move |_| {
        let f = state.filters.get();
        let acts = select(&d, &f, Except::Nothing);
        (headlines(&d, &acts), summary_text(&d, &acts))
    });
    view! {
        <section class="overview" aria-labelledby="overview-h">
            <h2 id="overview-h" class="visually-hidden">"Overview"</h2>
            <ul class="headlines">
                {reactive(move || figures.get().0.into_iter().map(|h| {
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
            <p class="summary" aria-live="polite">{reactive(move || figures.get().1)}</p>
        </section>
    }
}
