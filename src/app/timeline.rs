//! The timeline: one lane per sector, marks whose shape says how precisely the report dates
//! them, a brush for choosing months by dragging, arrow keys between marks, and its events as a
//! list. (Its image is downloaded from the toolbar's "Download image".)

mod chart;
mod events_list;
mod gestures;

use super::link::merge_on_click;
use super::state::use_ctx;
use crate::core::i18n::{T, t};
use crate::core::query::{Except, select};
use crate::core::timeline::{TimelineLayout, timeline_layout};
use leptos::prelude::*;

/// The timeline's panel.
#[component]
pub fn Timeline() -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    let narrow = ctx.sl.narrow;
    let layout: Memo<TimelineLayout> = Memo::new(move |_| {
        let f = narrow.get();
        let acts = select(&d, &f, Except::Dates);
        timeline_layout(&d, &acts, (f.from, f.to))
    });
    let dated = Memo::new(move |_| narrow.with(|f| f.from.is_some() || f.to.is_some()));
    let g = gestures::Gestures::new(ctx, layout);
    view! {
        <section class="panel timeline" id="timeline" aria-labelledby="timeline-h" tabindex="-1">
            <div id="timeline-head" class="panel-head">
                <h2 id="timeline-h">{t(T::Timeline)}</h2>
                {move || {
                    dated
                        .get()
                        .then(|| {
                            let change = "?from=&to=&imprecise=";
                            view! {
                                <a class="link" href=change on:click=merge_on_click(ctx.state, change.into())>
                                    {t(T::ClearDates)}
                                </a>
                            }
                        })
                }}
            </div>
            <p class="note">{t(T::TimelineNote)} " " {t(T::TimelineOutcomeNote)}</p>
            <div
                id="timeline-body"
                class="chart-body"
                on:pointerdown=move |ev| g.down(ev)
                on:pointermove=move |ev| g.moved(ev)
                on:pointerup=move |ev| g.up(ev)
                on:pointercancel=move |_| g.cancel()
                on:keydown=move |ev| g.key(ev)
            >
                <chart::TimelineChart layout gestures=g />
            </div>
            <details class="alt-list">
                <summary>{t(T::EventsAsList)}</summary>
                <ol id="timeline-list">
                    <events_list::EventsList />
                </ol>
            </details>
        </section>
    }
}
