//! "What came of it": how many of the view's activities the report gives an outcome for, by
//! result class (each class a filter in the URL), and each activity beside its outcome, both in
//! the report's words with their dates; the rest counted as "no outcome reported".
//!
//! Built after the first screen (`later`: mounted on its own in the browser).

use super::later::later;
use super::link::{closest, open_activity};
use super::state::{Stage, use_ctx};
use super::url::view_url;
use crate::core::filters::{Embed, encode};
use crate::core::i18n::{self, T, f as tf, t};
use crate::core::labels::{time_in_full, when};
use crate::core::model::{Activity, Outcome, ResultClass};
use crate::core::query::{Except, outcome_pairs, result_counts, select};
use leptos::prelude::*;

/// How many pairs are listed at a time. Each is two or three passages long: at a hundred
/// reports' worth of data (900 pairs) listing 60 made a view change's p95 5–10 ms slower than
/// without the region (scale benchmark, three runs each); the note under the list says how to
/// see the others.
const PAIRS: usize = 20;

/// The region: heading and note, then the body once built (a placeholder before).
#[component]
pub fn Outcomes() -> impl IntoView {
    let ctx = use_ctx();
    // Below the first screen it is built in a later task; its embed shows it at once.
    let now = ctx.embed == Some(Embed::Outcomes);
    view! {
        <section class="outcomes" id="outcomes" aria-labelledby="outcomes-h" tabindex="-1">
            <h2 id="outcomes-h">{t(T::WhatCameOfIt)}</h2>
            <p class="note">{t(T::OutcomesNote)}</p>
            <div id="outcomes-body">
                {later(
                    ctx,
                    "outcomes-body",
                    Stage::Outcomes,
                    now,
                    || view! { <Body /> },
                    || (),
                )}
            </div>
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
            // Without a result chosen they are the view's own activities: no second selection.
            if f.results.is_empty() {
                result_counts(&d, &ctx.matching(&d))
            } else {
                result_counts(&d, &select(&d, &f, Except::Results))
            }
        })
    };
    // The view's first PAIRS pairs, as (activity position, outcome id), and how many there are.
    // Keyed by the outcome's id and found by it: keys of positions measured 2.0 KB (gzip) more
    // wasm.
    let pairs = {
        let d = d.clone();
        Memo::new(move |_| {
            let all = outcome_pairs(&d, &ctx.matching(&d));
            let n = all.len();
            let first = all
                .iter()
                .take(PAIRS)
                .filter_map(|(a, o)| Some((d.index_of(a)?, o.id.clone())))
                .collect::<Vec<_>>();
            (first, n)
        })
    };
    let sum = move |reported: bool| {
        counts.with(|c| {
            c.iter()
                .filter(|x| !reported || x.0 != ResultClass::NotReported)
                .map(|x| x.1 as u64)
                .sum::<u64>()
        })
    };
    let classes = ResultClass::ALL
        .into_iter()
        .enumerate()
        .map(|(i, class)| {
            view! {
                <li>
                    <button
                        type="button"
                        class="chip result-chip"
                        data-result=class.id()
                        aria-pressed=move || narrow.with(|f| f.results.contains(&class)).to_string()
                    >
                        {class.label()}
                        " "
                        <strong class="n">{move || i18n::num(counts.with(|c| c.get(i).map_or(0, |x| x.1)) as u64)}</strong>
                    </button>
                </li>
            }
        })
        .collect_view();
    // One delegated handler for the six classes: a class toggles its filter in the URL.
    let choose = move |ev: leptos::ev::MouseEvent| {
        let class = closest(&ev, "button[data-result]")
            .and_then(|b| b.get_attribute("data-result"))
            .and_then(|id| ResultClass::from_id(&id));
        if let Some(class) = class {
            ctx.state.update(&|f| *f = f.toggle_result(class));
        }
    };
    // One delegated handler for the pairs' links: a plain click opens the activity in place (in
    // an embed, which has no activity sheet, the link opens the full explorer).
    let open = move |ev: leptos::ev::MouseEvent| {
        if ctx.embed.is_none()
            && let Some(id) =
                closest(&ev, "a[data-activity]").and_then(|a| a.get_attribute("data-activity"))
        {
            open_activity(ctx.state, &ev, &id);
        }
    };
    view! {
        <p class="outcomes-count" data-testid="outcomes-count">
            {move || tf(T::OutcomesGiven, &[&i18n::num(sum(true)), &i18n::num(sum(false))])}
        </p>
        <ul class="chips result-classes" aria-label=t(T::ResultClasses) on:click=choose>
            {classes}
        </ul>
        <ol class="outcome-list" id="outcome-list" on:click=open>
            <For each=move || pairs.get().0 key=|k| k.clone() let((i, id))>
                {d.activities
                    .get(i)
                    .zip(d.outcomes.iter().find(|o| o.id == id))
                    .map(|(a, o)| pair(a, o))}
            </For>
        </ol>
        <p class="note" hidden=move || pairs.with(|p| p.1 <= PAIRS)>
            {tf(T::OutcomesFirst, &[&i18n::num(PAIRS as u64)])}
        </p>
        <p class="empty" hidden=move || pairs.with(|p| p.1 > 0)>{t(T::OutcomesNone)}</p>
    }
}

/// One activity beside what came of it: its title (opening it) and date, its main passage with
/// the outcome's words marked where they are part of it (else the outcome's passage after it),
/// then the outcome's class, words, date and who acted.
fn pair(a: &Activity, o: &Outcome) -> impl IntoView + use<> {
    let ctx = use_ctx();
    let main = a
        .evidence
        .first()
        .map(|e| e.quote.clone())
        .unwrap_or_default();
    let quote = o.evidence.quote.clone();
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
    let embedded = ctx.embed.is_some();
    let href = if embedded {
        let mut f = ctx.state.filters.get_untracked().without_embed();
        f.activity = Some(a.id.clone());
        view_url(&f)
    } else {
        format!("?activity={}", encode(&a.id))
    };
    view! {
        <li class="pair" data-outcome=o.id.clone()>
            <p class="effort">
                <a
                    href=href
                    target=embedded.then_some("_blank")
                    rel=embedded.then_some("noopener")
                    data-activity=a.id.clone()
                >
                    {a.title.clone()}
                </a>
                {format!(" · {}", when(a))}
            </p>
            <blockquote lang="en">{before}{inside.map(mark)}{after}</blockquote>
            {apart.map(|q| view! { <blockquote lang="en">{mark(q)}</blockquote> })}
            <p class="came">
                <span class=format!("result-tag result-{}", o.result.id())>{o.result.label()}</span>
                {format!(" {} ({})", o.text, summary(o))}
            </p>
        </li>
    }
}

/// When and who, in words: "2006 (the report gives no date; it covers 2006) · Who acted: the
/// government".
fn summary(o: &Outcome) -> String {
    format!(
        "{} · {}",
        time_in_full(&o.time),
        tf(T::WhoActed, &[o.actor.label()])
    )
}

/// The outcome in an activity's sheet, in words: its class, what happened, when and who.
pub fn in_sheet(o: &Outcome) -> String {
    format!("{}: {} ({})", o.result.label(), o.text, summary(o))
}
