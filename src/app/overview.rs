//! The headline figures of the view and a summary in words, generated from the same data.

use super::link::merge_on_click;
use super::state::use_ctx;
use crate::core::i18n::{T, t};
use crate::core::query::{Headline, headlines, summary_text};
use leptos::either::Either;
use leptos::prelude::*;

/// The figures (a figure of a measure lists its activities) and the summary.
#[component]
pub fn Overview() -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    let figures = {
        let d = d.clone();
        Memo::new(move |_| headlines(&d, &ctx.matching(&d)))
    };
    let summary = move || summary_text(&d, &ctx.matching(&d));
    let has = Memo::new(move |_| ctx.sl.narrow.with(|f| f.has.clone()));
    view! {
        <section class="overview" id="overview" aria-labelledby="overview-h">
            <h2 id="overview-h" class="visually-hidden">{t(T::Figures)}</h2>
            <ul class="headlines">
                <For
                    each=move || {
                        let on = has.get();
                        figures
                            .get()
                            .into_iter()
                            .map(|h| {
                                let pressed = h.measure.is_some() && h.measure == on;
                                (h, pressed)
                            })
                            .collect::<Vec<_>>()
                    }
                    key=|(h, on)| {
                        format!("{}|{}|{}|{}|{}|{on}", h.label, h.qualifier, h.number, h.after, h.detail)
                    }
                    let((h, on))
                >
                    <li class="headline">{tile(ctx.state, h, on)}</li>
                </For>
            </ul>
            <p class="summary">{summary}</p>
        </section>
    }
}

/// One figure: a link that lists its activities (or, when it already does, clears that), or,
/// for the counts that describe the view, plain text.
fn tile(state: super::state::ViewState, h: Headline, on: bool) -> impl IntoView {
    let small = |s: String| (!s.is_empty()).then(|| view! { <span class="qualifier">{s}</span> });
    let figure = view! {
        <span class="figure">{small(h.qualifier)}{h.number}{small(h.after)}</span>
        <span class="label">{h.label}</span>
    };
    match h.measure {
        None => Either::Left(view! {
            <span class="tile" title=h.detail.clone()>
                {figure}
                <span class="visually-hidden">{format!(": {}", h.detail)}</span>
            </span>
        }),
        Some(m) => {
            let change = format!("?has={}", if on { "" } else { m.as_str() });
            let hint = t(if on {
                T::SelectedSelectAgain
            } else {
                T::SelectToList
            });
            Either::Right(view! {
                <a
                    class="tile"
                    href=change.clone()
                    title=h.detail.clone()
                    aria-current=on.then_some("true")
                    on:click=merge_on_click(state, change)
                >
                    {figure}
                    <span class="visually-hidden">{format!(": {}. {hint}", h.detail)}</span>
                </a>
            })
        }
    }
}
