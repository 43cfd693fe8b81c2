//! The timeline's drawing: a month axis, then a lane per sector whose marks are buttons placed
//! by share of the track (`--x`, `--w`) and row (`--row`). Lanes are keyed by sector and marks
//! by what they stand for and where they sit, so a filter change keeps every mark it does not
//! move (a pressed mark keeps its focus); one mark is in the Tab order (roving focus).

use super::gestures::Gestures;
use crate::app::activity_sheet;
use crate::app::state::{Ctx, use_ctx};
use crate::core::charts::{colour_vars, fraction};
use crate::core::filters::encode;
use crate::core::i18n::{T, t};
use crate::core::timeline::{Mark, MarkShape, Target, TimelineLayout, tick_label};
use leptos::either::Either;
use leptos::prelude::*;

/// The axis, the lanes and their marks, the chosen range; or a line saying nothing matches.
#[component]
pub fn TimelineChart(layout: Memo<TimelineLayout>, gestures: Gestures) -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    let empty = Memo::new(move |_| layout.with(|l| l.lanes.is_empty()));
    move || {
        if empty.get() {
            return Either::Left(view! { <p class="empty">{t(T::NothingMatches)}</p> });
        }
        let d = d.clone();
        Either::Right(view! {
            <div
                // "many": long enough that a narrow timeline labels every second or third month.
                class=move || { if layout.with(|l| l.scale.months) >= 10 { "tl many" } else { "tl" } }
                style=move || format!("--months:{}", layout.with(|l| l.scale.months))
            >
                <div class="tl-axis" aria-hidden="true">
                    <span class="tl-label"></span>
                    <span class="tl-track">
                        <For
                            each=move || layout.with(ticks)
                            key=|tick| tick.clone()
                            let(tick)
                        >
                            // The year is the stylesheet's to show (`data-y`), at the stride in use.
                            <span
                                class=tick.class
                                data-y=tick.year.map(|y| y.to_string())
                                style=format!("--x:{}", tick.x)
                            >
                                <span class="m">{tick.name}</span>
                            </span>
                        </For>
                    </span>
                </div>
                <div class="tl-body" role="group" aria-label=t(T::TimelineMarks)>
                    <For
                        each=move || {
                            layout
                                .with(|l| {
                                    l.lanes
                                        .iter()
                                        .map(|lane| (lane.sector.clone(), lane.rows))
                                        .collect::<Vec<_>>()
                                })
                        }
                        key=|lane| lane.clone()
                        let((sector, rows))
                    >
                        {
                            let s = d.sector(&sector);
                            let (name, short) = s
                                .map(|s| (s.name.clone(), s.short.clone()))
                                .unwrap_or_default();
                            let style = format!(
                                "{};--rows:{rows}",
                                colour_vars(s.map_or("", |s| s.colour.as_str())),
                            );
                            let lane = sector.clone();
                            view! {
                                <div class="tl-lane" data-key=sector style=style>
                                    <span class="tl-label" title=name>{short}</span>
                                    <span class="tl-track">
                                        <For
                                            each=move || lane_marks(layout, &lane)
                                            key=|m| {
                                                (m.key.clone(), m.x.to_bits(), m.w.to_bits(), m.row, m.label.clone())
                                            }
                                            let(m)
                                        >
                                            {mark(ctx, gestures, m)}
                                        </For>
                                    </span>
                                </div>
                            }
                        }
                    </For>
                    {move || {
                        layout
                            .with(|l| l.brush)
                            .map(|(a, b)| {
                                view! {
                                    <div
                                        class="tl-brush"
                                        style=format!("--x:{};--w:{}", fraction(a), fraction(b - a))
                                    ></div>
                                }
                            })
                    }}
                    {move || {
                        gestures
                            .dragging()
                            .map(|(x, w)| {
                                view! {
                                    <div
                                        id="tl-drag"
                                        class="tl-brush dragging"
                                        style=format!("--x:{};--w:{}", fraction(x), fraction(w))
                                    ></div>
                                }
                            })
                    }}
                </div>
            </div>
        })
    }
}

/// A month on the axis. Narrow timelines label every second or third month only (the
/// stylesheet picks the stride from the track's width): `class` says at which strides this
/// month keeps its label (`s2`, `s3`) and its year (`y1`, `y2`, `y3`: the first labelled
/// month of its year at that stride).
#[derive(Clone, PartialEq, Eq, Hash)]
struct Tick {
    name: &'static str,
    year: Option<i32>,
    x: String,
    class: String,
}

fn ticks(l: &TimelineLayout) -> Vec<Tick> {
    let mut last_year = [None::<i32>; 3];
    l.ticks
        .iter()
        .enumerate()
        .map(|(i, (m, x))| {
            let (name, _) = tick_label(*m, l.scale.first);
            let (_, first_of_year) = tick_label(*m, l.scale.first);
            let mut class = String::from(if first_of_year.is_some() {
                "tick year"
            } else {
                "tick"
            });
            let mut year = None;
            for (k, stride) in [1usize, 2, 3].into_iter().enumerate() {
                if i % stride != 0 {
                    continue;
                }
                if stride > 1 {
                    class += &format!(" s{stride}");
                }
                if last_year[k] != Some(m.year) {
                    class += &format!(" y{stride}");
                    year = Some(m.year);
                    last_year[k] = Some(m.year);
                }
            }
            Tick {
                name,
                year,
                x: fraction(*x),
                class,
            }
        })
        .collect()
}

/// The marks of one lane, in the layout's order (points in date order, then bands).
fn lane_marks(layout: Memo<TimelineLayout>, sector: &str) -> Vec<Mark> {
    layout.with(|l| {
        l.marks
            .iter()
            .filter(|m| m.sector == sector)
            .cloned()
            .collect()
    })
}

/// One mark: a button whose label (also its tooltip, shown by the stylesheet) says when and
/// what; selecting it opens its activity, filters to its sector (a year-only band), zooms into
/// its month or lists its day (a cluster).
fn mark(ctx: Ctx, g: Gestures, m: Mark) -> impl IntoView {
    let kind = match m.shape {
        MarkShape::Day => "day",
        MarkShape::Month => "month",
        MarkShape::Period {
            clipped_start: true,
        } => "period clipped",
        MarkShape::Period { .. } => "period",
        MarkShape::YearOnly => "year",
        MarkShape::Cluster { .. } if m.outcome_cluster() => "cluster month of-outcomes",
        MarkShape::Cluster { .. } if m.w > 0.0 => "cluster month",
        MarkShape::Cluster { .. } => "cluster day",
        MarkShape::Outcome => "outcome",
    };
    // The tooltip stays inside the timeline: it opens from the mark toward the middle, and in
    // the first lane below the mark (above it is the axis, then the page's top).
    let tip = if m.x + m.w / 2.0 < 0.5 {
        " tip-start"
    } else {
        " tip-end"
    };
    let class = format!(
        "mark mark-{kind}{}{tip}{}",
        if m.context { " context" } else { "" },
        if m.lane == 0 { " tip-below" } else { "" }
    );
    let count = match m.shape {
        MarkShape::Cluster { count } => count.to_string(),
        _ => String::new(),
    };
    let (activity, sector, zoom, day) = match &m.target {
        Target::Activity(a) => (Some(a.clone()), None, None, None),
        Target::Sector(s) => (None, Some(s.clone()), None, None),
        Target::Zoom(month) => (None, None, Some(month.to_string()), None),
        Target::Day(day) => (None, None, None, Some(day.clone())),
    };
    let pressed = activity.clone().map(|a| {
        let open = ctx.state.activity;
        move || (open.get().as_deref() == Some(a.as_str())).to_string()
    });
    let key = m.key.clone();
    let tab = g.tab;
    let target = m.target.clone();
    view! {
        <button
            type="button"
            class=class
            data-key=m.key.clone()
            tabindex=move || if tab.with(|t| *t == key) { "0" } else { "-1" }
            data-activity=activity
            aria-pressed=pressed
            data-sector=sector
            data-zoom=zoom
            data-day=day
            aria-label=format!("{}: {}", m.when, m.label)
            style=format!("--x:{};--w:{};--row:{}", fraction(m.x.max(0.0)), fraction(m.w), m.row)
            on:click=move |ev| {
                if g.just_dragged() {
                    return;
                }
                let state = ctx.state;
                match &target {
                    Target::Activity(a) => {
                        activity_sheet::opening(crate::app::link::closest(&ev, "button"));
                        state.merge(&format!("?activity={}", encode(a)));
                    }
                    Target::Sector(s) => state.update(&|f| *f = f.toggle_sector(s)),
                    Target::Zoom(month) => {
                        state
                            .update(
                                &|f| {
                                    f.from = Some(*month);
                                    f.to = Some(*month);
                                },
                            )
                    }
                    Target::Day(day) => state.update(&|f| f.q = day.clone()),
                }
            }
        >
            {count}
        </button>
    }
}
