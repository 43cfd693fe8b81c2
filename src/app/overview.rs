//! The headline figures of the view and a summary in words, generated from the same data. A
//! figure of a filtered view says that it counts the view and gives the report's total beside it;
//! "How these figures were summed" lists each figure that went in, with its sentence.

use super::link::merge_on_click;
use super::state::{ViewState, use_ctx};
use crate::core::i18n::{T, f as tf, t};
use crate::core::query::{Headline, headlines, summary_text};
use leptos::either::Either;
use leptos::prelude::*;

/// The figures (a figure of a measure lists its activities).
#[component]
pub fn Overview() -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    let report: Vec<Headline> = headlines(&d, &d.activities.iter().collect::<Vec<_>>());
    let figures = {
        let d = d.clone();
        Memo::new(move |_| headlines(&d, &ctx.matching(&d)))
    };
    let narrow = ctx.sl.narrow;
    view! {
        <section class="overview" id="overview" aria-labelledby="overview-h">
            <h2 id="overview-h" class="visually-hidden">{t(T::Figures)}</h2>
            <ul class="headlines">
                <For
                    each=move || {
                        let (on, filtered) = narrow.with(|f| (f.has.clone(), f.is_filtered()));
                        figures
                            .get()
                            .into_iter()
                            .map(|h| {
                                let whole = filtered
                                    .then(|| report.iter().find(|r| r.label == h.label))
                                    .flatten()
                                    .map(Headline::phrase);
                                let pressed = h.measure.is_some() && h.measure == on;
                                (h, pressed, whole)
                            })
                            .collect::<Vec<_>>()
                    }
                    key=|(h, on, whole)| {
                        format!(
                            "{}|{}|{}|{on}|{whole:?}|{}",
                            h.label,
                            h.phrase(),
                            h.detail,
                            h.sources.len(),
                        )
                    }
                    let((h, on, whole))
                >
                    <li class="headline">{tile(ctx.state, h, on, whole)}</li>
                </For>
            </ul>
        </section>
    }
}

/// The summary of the view in words, and how its figures were summed (its own region, so a
/// phone can show the figures before the charts and this after them).
#[component]
pub fn Summary() -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    let figures = {
        let d = d.clone();
        Memo::new(move |_| headlines(&d, &ctx.matching(&d)))
    };
    view! {
        <div id="summary">
            <p class="summary">{move || summary_text(&d, &ctx.matching(&d))}</p>
        <details class="summed">
                <summary>{t(T::HowSummedTitle)}</summary>
                {move || {
                    figures
                        .get()
                        .into_iter()
                        .filter(|h| !h.sources.is_empty())
                        .map(|h| {
                            view! {
                                <p class="summed-total">{format!("{}: {} — {}", h.label, h.phrase(), t(T::HowSummed))}</p>
                                <ul>
                                    {h
                                        .sources
                                        .into_iter()
                                        .map(|(figure, quote, note)| {
                                            view! {
                                                <li>
                                                    {format!("{figure} — ")}
                                                    <q lang="en">{quote}</q>
                                                    {note.map(metric_note)}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                        })
                        .collect_view()
                }}
            </details>
        </div>
    }
}

/// One figure: a link that lists its activities (or, when it already does, clears that), or,
/// for the counts that describe the view, plain text. `whole`: the report's figure, shown
/// beside the view's when the view is filtered.
fn tile(state: ViewState, h: Headline, on: bool, whole: Option<String>) -> impl IntoView {
    let small = |s: String| (!s.is_empty()).then(|| view! { <span class="qualifier">{s}</span> });
    let detail = h.detail.clone();
    let whole_line = whole.map(|w| {
        view! {
            <span class="whole">
                {format!("{} · {}", t(T::InThisView), tf(T::InTheReport, &[&w]))}
            </span>
        }
    });
    let figure = view! {
        <span class="figure">{small(h.qualifier)}{h.number}{small(h.after)}</span>
        <span class="label">{h.label}</span>
        {whole_line}
    };
    match h.measure {
        None => Either::Left(view! {
            <span class="tile" title=detail.clone()>
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
                    title=detail
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

/// Our note on how a figure is read, on its own line under the figure's quote (in the
/// interface's language, where the quote stays English).
pub fn metric_note(note: String) -> impl IntoView {
    view! { <small class="metric-note">{note}</small> }
}
