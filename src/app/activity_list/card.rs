//! One activity's card: its title (opening the activity), sector, kind and time, summary, the
//! figures the report gives, and with a search, the first quote it matches; the words searched
//! for are marked. On paper, the sentence of the report it comes from instead of the summary.

use crate::app::link::open_on_click;
use crate::app::state::Ctx;
use crate::core::charts::colour_vars;
use crate::core::labels::{figure_text, when};
use crate::core::model::Dataset;
use crate::core::query::highlight;
use leptos::either::Either;
use leptos::prelude::*;

/// `text` with the search matches in `<mark>`.
pub fn marked(text: &str, q: &str) -> impl IntoView + use<> {
    highlight(text, q)
        .into_iter()
        .map(|(piece, hit)| {
            if hit {
                Either::Left(view! { <mark>{piece.to_string()}</mark> })
            } else {
                Either::Right(piece.to_string())
            }
        })
        .collect_view()
}

/// The card of the activity at `index`, for the search words `q`.
pub fn card(ctx: Ctx, d: &Dataset, index: usize, q: &str) -> impl IntoView + use<> {
    let a = &d.activities[index];
    let sector = d.sector(&a.sector);
    let open = ctx.state.activity;
    let (id, id2) = (a.id.clone(), a.id.clone());
    let current = move || open.with(|o| o.as_deref() == Some(id.as_str()));
    let quote = (!q.is_empty())
        .then(|| {
            a.evidence
                .iter()
                .find(|e| highlight(&e.quote, q).iter().any(|(_, hit)| *hit))
                .map(|e| view! { <q class="hit-quote" lang="en">{marked(&e.quote, q)}</q> })
        })
        .flatten();
    let figures = (!a.metrics.is_empty()).then(|| {
        let all: Vec<String> = a.metrics.iter().map(figure_text).collect();
        view! { <span class="figures">{marked(&all.join(" · "), q)}</span> }
    });
    view! {
        <li
            class="activity-card"
            class:current=current
            data-key=a.id.clone()
            style=colour_vars(sector.map_or("", |s| s.colour.as_str()))
        >
            <a
                href=format!("?activity={}", a.id)
                data-activity=a.id.clone()
                aria-current=move || open.with(|o| o.as_deref() == Some(id2.as_str())).then_some("true")
                on:click=open_on_click(ctx.state, a.id.clone())
            >
                <span class="title">{marked(&a.title, q)}</span>
            </a>
            <span class="meta">
                {format!(
                    "{} · {} · {}",
                    sector.map_or("", |s| s.name.as_str()),
                    a.kind.label(),
                    when(a),
                )}
            </span>
            <span class="summary">{marked(&a.summary, q)}</span>
            {figures}
            {quote}
            <q class="print-only" lang="en">{a.evidence.first().map(|e| e.quote.clone())}</q>
        </li>
    }
}
