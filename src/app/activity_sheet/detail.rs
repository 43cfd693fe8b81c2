//! One activity in full: summary, facts in plain words (codes in tooltips), the figures with
//! their source words, its dated events, and every quote in its paragraph. The sheet and the
//! one-activity embed show it.

use crate::app::state::use_ctx;
use crate::core::charts::colour_vars;
use crate::core::i18n::{self, T, f as tf, t};
use crate::core::labels::{in_context, when_in_full};
use crate::core::model::{Activity, Dataset};
use leptos::either::Either;
use leptos::prelude::*;

/// The activity's article; `embedded`: the full explorer's address of this view, in an embed
/// (no Close button, and the report opens in the full explorer).
pub fn detail(d: &Dataset, a: &Activity, embedded: Option<String>) -> impl IntoView + use<> {
    let ctx = use_ctx();
    let sector = d.sector(&a.sector);
    let names = |ids: &[String], name: &dyn Fn(&str) -> Option<String>| -> String {
        ids.iter()
            .filter_map(|i| name(i))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let tags = names(&a.tags, &|i| d.sector(i).map(|s| s.name.clone()));
    let places = names(&a.places, &|i| d.place(i).map(|p| p.name.clone()));
    let fact = |label: T, value: String| {
        view! {
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
        }
    };
    let sector_fact = sector.map(|s| {
        let tip = tf(
            T::FrameworkTip,
            &[
                &s.framework.objective,
                &s.framework.program_area,
                &s.dac.code.to_string(),
                &s.dac.name,
            ],
        );
        view! {
            <dt>{t(T::Sector)}</dt>
            <dd>
                <span title=tip>{s.name.clone()}</span>
                " "
                <span class="hint">{s.description.clone()}</span>
            </dd>
        }
    });
    let metrics = (!a.metrics.is_empty()).then(|| {
        view! {
            <table class="data-table metrics">
                <caption>{t(T::FiguresGiven)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(T::Figure)}</th>
                        <th scope="col">{t(T::WhatCounted)}</th>
                        <th scope="col">{t(T::SourceWords)}</th>
                    </tr>
                </thead>
                <tbody>
                    {a.metrics
                        .iter()
                        .map(|m| {
                            view! {
                                // Each cell names its column, for the stacked cards of a narrow screen.
                                <tr>
                                    <td class="num" data-label=t(T::Figure)>
                                        {i18n::qualified(m.qualifier, m.value)}
                                    </td>
                                    <td data-label=t(T::WhatCounted)>{m.counted.clone()}</td>
                                    <td data-label=t(T::SourceWords)>
                                        <q lang="en">{m.evidence.quote.clone()}</q>
                                        {m.note.clone().map(crate::app::overview::metric_note)}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        }
    });
    let events: Vec<_> = d.events.iter().filter(|e| e.activity == a.id).collect();
    let events = (!events.is_empty()).then(|| {
        view! {
            <ul class="events">
                {events
                    .iter()
                    .map(|e| {
                        view! {
                            <li>
                                <time datetime=e.date.to_string()>{e.date.display()}</time>
                                {format!(" — {}", e.label)}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    });
    let evidence = a
        .evidence
        .iter()
        .enumerate()
        .map(|(n, e)| {
            let c = in_context(d, e);
            let link = match &embedded {
                // In an embed, the report is in the full explorer, in a new tab.
                Some(url) => Either::Left(view! {
                    <a href=url.clone() target="_blank" rel="noopener">
                        {t(T::ShowInTheReport)}
                    </a>
                }),
                None => {
                    let id = a.id.clone();
                    Either::Right(view! {
                        <button
                            type="button"
                            class="link"
                            on:click=move |_| super::show_in_report(ctx.ui, &id, n)
                        >
                            {t(T::ShowInReport)}
                        </button>
                    })
                }
            };
            view! {
                <li>
                    <blockquote lang="en">
                        {format!("{}{}", if c.more_before { "…" } else { "" }, c.before)}
                        <mark class="quote">{c.quote}</mark>
                        {format!("{}{}", c.after, if c.more_after { "…" } else { "" })}
                    </blockquote>
                    <p class="source">{format!("{} · ", c.source)} {link}</p>
                </li>
            }
        })
        .collect_view();
    let close = embedded.is_none().then(|| {
        view! {
            <button
                type="button"
                class="close link"
                aria-label=t(T::CloseActivity)
                on:click=move |_| ctx.state.update(&|f| f.activity = None)
            >
                {t(T::Close)}
            </button>
        }
    });
    let who: Vec<String> = a
        .actors
        .iter()
        .map(|x| format!("{} ({})", x.name, x.role))
        .collect();
    view! {
        <article
            class="detail"
            aria-labelledby="detail-h"
            style=colour_vars(sector.map_or("", |s| s.colour.as_str()))
        >
            {close}
            <h3 id="detail-h" tabindex="-1">{a.title.clone()}</h3>
            <p>{a.summary.clone()}</p>
            <dl class="facts">
                {sector_fact}
                {(!tags.is_empty()).then(|| fact(T::Also, tags))}
                {fact(T::Kind, a.kind.label().to_string())}
                {a.status.map(|s| fact(T::Status, s.label().to_string()))}
                <dt>{t(T::When)}</dt>
                <dd>
                    {when_in_full(a)}
                    {a.time.reasoning.clone().map(|r| view! { <br /><small>{r}</small> })}
                </dd>
                {(!places.is_empty()).then(|| fact(T::Places, places))}
                {(!who.is_empty()).then(|| fact(T::Who, who.join("; ")))}
                {d.outcome_of(&a.id).map(|o| fact(T::Outcome, crate::app::outcomes::in_sheet(o)))}
            </dl>
            {metrics}
            {events}
            <h4>{t(T::Evidence)}</h4>
            <ol class="evidence">{evidence}</ol>
        </article>
    }
}
