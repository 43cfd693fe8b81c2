//! "What came of it": how many of the view's activities the report gives an outcome for, by
//! result class (each class a filter in the URL), and each activity beside its outcome, both in
//! the report's words with their dates; the rest counted as "no outcome reported".

use super::filter_form::Placeholder;
use super::link::open_on_click;
use super::state::{Stage, use_ctx};
use super::url::view_url;
use crate::core::filters::Embed;
use crate::core::i18n::{self, T, f as tf, t};
use crate::core::labels::{time_in_full, when};
use crate::core::model::{Activity, Dataset, Outcome, ResultClass};
use crate::core::query::{Except, outcome_pairs, result_counts, select};
use leptos::either::Either;
use leptos::prelude::*;

/// The region: heading and note, the classes with their counts, the pairs.
#[component]
pub fn Outcomes() -> impl IntoView {
    let ctx = use_ctx();
    let embedded = ctx.embed == Some(Embed::Outcomes);
    // Below the first screen it is built in a later task; its embed shows it at once.
    let built = Memo::new(move |_| embedded || ctx.reached(Stage::Outcomes));
    view! {
        <section class="outcomes" id="outcomes" aria-labelledby="outcomes-h" tabindex="-1">
            <h2 id="outcomes-h">{t(T::WhatCameOfIt)}</h2>
            <p class="note">{t(T::OutcomesNote)}</p>
            {move || {
                if built.get() {
                    Either::Left(view! { <Body /> })
                } else {
                    Either::Right(view! { <Placeholder /> })
                }
            }}
        </section>
    }
}

/// The counts by class and the pairs, for the view's filters.
#[component]
fn Body() -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    let narrow = ctx.sl.narrow;
    // The counts leave the result filter out, so that every class stays selectable and they
    // add up to the activities the other filters leave.
    let counts = {
        let d = d.clone();
        Memo::new(move |_| {
            let f = narrow.get();
            result_counts(&d, &select(&d, &f, Except::Results))
        })
    };
    let pairs = {
        let d = d.clone();
        Memo::new(move |_| {
            outcome_pairs(&d, &ctx.matching(&d))
                .iter()
                .filter_map(|(a, o)| Some((d.index_of(a)?, o.id.clone())))
                .collect::<Vec<_>>()
        })
    };
    let total = move || counts.with(|c| c.iter().map(|x| x.1).sum::<usize>());
    let given = move || {
        counts.with(|c| {
            c.iter()
                .filter(|x| x.0 != ResultClass::NotReported)
                .map(|x| x.1)
                .sum::<usize>()
        })
    };
    let classes = ResultClass::ALL
        .into_iter()
        .enumerate()
        .map(|(i, class)| {
            let pressed = move || narrow.with(|f| f.results.contains(&class)).to_string();
            let n = move || i18n::num(counts.with(|c| c.get(i).map_or(0, |x| x.1)) as u64);
            view! {
                <li>
                    <button
                        type="button"
                        class=format!("result-chip result-{}", class.id())
                        data-result=class.id()
                        aria-pressed=pressed
                        on:click=move |_| ctx.state.update(&|f| *f = f.toggle_result(class))
                    >
                        <span class="label">{class.label()}</span>
                        " "
                        <strong class="n">{n}</strong>
                    </button>
                </li>
            }
        })
        .collect_view();
    let empty = move || pairs.with(Vec::is_empty);
    view! {
        <p class="outcomes-count" data-testid="outcomes-count">
            {move || {
                tf(
                    T::OutcomesGiven,
                    &[&i18n::num(given() as u64), &i18n::num(total() as u64)],
                )
            }}
        </p>
        <ul class="result-classes" aria-label=t(T::ResultClasses)>{classes}</ul>
        <ol class="outcome-list" id="outcome-list">
            <For each=move || pairs.get() key=|k| k.clone() let((i, id))>
                {d.activities
                    .get(i)
                    .zip(d.outcomes.iter().find(|o| o.id == id))
                    .map(|(a, o)| pair(&d, a, o))}
            </For>
        </ol>
        <p class="empty" hidden=move || !empty()>{t(T::OutcomesNone)}</p>
    }
}

/// One activity beside what came of it: its title (opening it), date and main passage; the
/// outcome's class, words, date, actor and passage (marked inside the activity's passage when it
/// is part of it, so no sentence is shown twice).
fn pair(d: &Dataset, a: &Activity, o: &Outcome) -> impl IntoView + use<> {
    let ctx = use_ctx();
    let sector = d.sector(&a.sector);
    let colour = crate::core::charts::colour_vars(sector.map_or("", |s| s.colour.as_str()));
    let main = a
        .evidence
        .first()
        .map(|e| e.quote.clone())
        .unwrap_or_default();
    let quote = o.evidence.quote.clone();
    // (before, the outcome's words inside the activity's passage, after, or else apart).
    let (before, inside, after, apart) = match main.find(&quote) {
        Some(at) => (
            main[..at].to_string(),
            Some(quote.clone()),
            main[at + quote.len()..].to_string(),
            None,
        ),
        None => (main.clone(), None, String::new(), Some(quote)),
    };
    let mark = |q: String| view! { <mark class="quote">{q}</mark> };
    // In an embed there is no activity sheet: the activity opens in the full explorer.
    let link = if ctx.embed.is_some() {
        let mut f = ctx.state.filters.get_untracked().without_embed();
        f.activity = Some(a.id.clone());
        Either::Left(view! {
            <a href=view_url(&f) target="_blank" rel="noopener">{a.title.clone()}</a>
        })
    } else {
        Either::Right(view! {
            <a
                href=format!("?activity={}", crate::core::filters::encode(&a.id))
                data-activity=a.id.clone()
                on:click=open_on_click(ctx.state, a.id.clone())
            >
                {a.title.clone()}
            </a>
        })
    };
    view! {
        <li class="pair" style=colour data-outcome=o.id.clone()>
            <div class="effort">
                <p class="pair-label">{t(T::WhatUsDid)}</p>
                <h3>{link}</h3>
                <p class="meta">{when(a)}</p>
                <blockquote lang="en">{before}{inside.map(mark)}{after}</blockquote>
            </div>
            <div class="came">
                <p class="pair-label">{t(T::Outcome)}</p>
                <p>
                    <span class=format!("result-tag result-{}", o.result.id())>
                        {o.result.label()}
                    </span>
                    " "
                    {o.text.clone()}
                </p>
                {apart.map(|q| view! { <blockquote lang="en">{mark(q)}</blockquote> })}
                <p class="meta">
                    {format!("{} · {}", time_in_full(&o.time), tf(T::WhoActed, &[o.actor.label()]))}
                </p>
            </div>
        </li>
    }
}

/// The outcome in an activity's sheet: its class and words, the passage, when and who.
pub fn in_sheet(o: &Outcome) -> impl IntoView + use<> {
    view! {
        <dt>{t(T::Outcome)}</dt>
        <dd class="outcome">
            <span class=format!("result-tag result-{}", o.result.id())>{o.result.label()}</span>
            " "
            {o.text.clone()}
            <q lang="en">{o.evidence.quote.clone()}</q>
            <span class="hint">
                {format!("{} · {}", time_in_full(&o.time), tf(T::WhoActed, &[o.actor.label()]))}
            </span>
        </dd>
    }
}
