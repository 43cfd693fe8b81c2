//! The interactive timeline: a plotters SVG with focusable marks laid over it, a drag-to-select
//! date range, arrow-key movement between marks, and a list alternative.

use super::{ViewState, export::download_buttons, handler, href, reactive, use_width};
use crate::charts::percent;
use crate::filters::Month;
use crate::model::Dataset;
use crate::query::{Except, select};
use crate::timeline::{MarkShape, render_timeline, timeline_layout};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Dated events and periods by sector lane; drag across it to filter by months.
#[component]
pub fn Timeline(data: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<ViewState>();
    let width = use_width(360, 720);
    let d = data.clone();
    let chart = Memo::new(move |_| {
        let f = state.filters.get();
        let acts = select(&d, &f, Except::Dates);
        let layout = timeline_layout(&d, &acts, (f.from, f.to), width.get());
        let svg =
            render_timeline(&layout, "Timeline of U.S. activities").map_err(|e| e.to_string());
        (layout, svg)
    });
    // Brushing: months under the pointer from press to release. A press that moves less than a
    // few pixels is a click (on a mark, or on the month axis for one month).
    let drag = RwSignal::new(None::<(Month, Month)>);
    let press = StoredValue::new(None::<(f64, Month, bool)>);
    let dragged = StoredValue::new(false);
    let month_at = move |ev: &web_sys::PointerEvent| -> Option<Month> {
        let target = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
        let rect = target.get_bounding_client_rect();
        let (layout, _) = chart.get_untracked();
        let x = (f64::from(ev.client_x()) - rect.left()) / rect.width() * f64::from(layout.width);
        (x >= layout.scale.x0).then(|| layout.scale.month_at(x))
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        dragged.set_value(false);
        let on_background = ev.target() == ev.current_target();
        press.set_value(month_at(&ev).map(|m| (f64::from(ev.client_x()), m, on_background)));
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let Some((x0, start, _)) = press.get_value() else {
            return;
        };
        if drag.get_untracked().is_none() && (f64::from(ev.client_x()) - x0).abs() < 6.0 {
            return;
        }
        if let Some(m) = month_at(&ev) {
            if drag.get_untracked().is_none()
                && let Some(area) = ev
                    .current_target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = area.set_pointer_capture(ev.pointer_id());
            }
            drag.set(Some((start, m)));
        }
    };
    let on_up = move |_| {
        let range = drag.get_untracked().or_else(|| match press.get_value() {
            Some((_, m, true)) => Some((m, m)),
            _ => None,
        });
        press.set_value(None);
        drag.set(None);
        if let Some((a, b)) = range {
            dragged.set_value(true);
            state.update(|f| {
                f.from = Some(a.min(b));
                f.to = Some(a.max(b));
            });
        }
    };
    let svg_for_export = Signal::derive(move || chart.get().1.ok());
    let d2 = data.clone();
    view! {
        <section class="panel timeline" aria-labelledby="timeline-h">
            <div class="panel-head">
                <h2 id="timeline-h">"Timeline"</h2>
                {reactive(move || { let f = state.filters.get(); f.from.is_some() || f.to.is_some() }.then(|| view! {
                    <button type="button" class="link" on:click=move |_| state.update(|f| { f.from = None; f.to = None; })>
                        "Clear dates"
                    </button>
                }))}
            </div>
            <p class="note">
                "● exact day · ▬ month only (spans its month) · faint band: dated to the year only · hollow: context. "
                "Drag across the months to filter; arrow keys move between marks."
            </p>
            {reactive(move || {
                let (layout, svg) = chart.get();
                match svg {
                    Err(e) => view! { <p class="chart-error" role="alert">{e}</p> }.into_any(),
                    Ok(svg) => {
                        let (w, h) = (f64::from(layout.width), f64::from(layout.height));
                        let pct = move |r: crate::charts::Rect| format!(
                            "left:{};top:{};width:{};height:{}",
                            percent(r.x, w), percent(r.y, h), percent(r.w, w), percent(r.h, h));
                        let brush = move || drag.get().map(|(a, b)| {
                            let (x0, _) = layout.scale.month_span(a.min(b));
                            let (_, x1) = layout.scale.month_span(a.max(b));
                            format!("left:{};width:{}", percent(x0, w), percent(x1 - x0, w))
                        });
                        view! {
                            <div class="chart-frame" style=format!("aspect-ratio: {w} / {h}")>
                                <div class="chart-svg" inner_html=svg aria-hidden="true"></div>
                                <div class="hits brush-area" role="group" aria-label="Timeline marks"
                                    on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up
                                    on:pointercancel=handler(move |_| { press.set_value(None); drag.set(None) })
                                    on:keydown=move_focus>
                                    {move || brush().map(|s| view! { <div class="brush" style=s></div> })}
                                    {layout.marks.iter().map(|m| {
                                        let kind = match m.shape {
                                            MarkShape::Day => "day", MarkShape::Month => "month",
                                            MarkShape::Period { .. } => "period", MarkShape::YearOnly => "year",
                                        };
                                        let label = format!("{}: {}", m.when, m.label);
                                        let tip = label.clone();
                                        let activity = m.activity.clone();
                                        let sector = m.sector.clone();
                                        let selected = activity.is_some() && state.filters.get_untracked().activity == activity;
                                        view! {
                                            <button type="button" class=format!("hit mark mark-{kind}") style=pct(m.hit())
                                                aria-label=label aria-pressed=selected.to_string()
                                                data-activity=activity.clone().unwrap_or_default()
                                                on:click=move |_| if dragged.get_value() { dragged.set_value(false) } else { match &activity {
                                                    Some(a) => { let a = a.clone(); state.update(|f| f.activity = Some(a)) }
                                                    None => { let s = sector.clone(); state.update(|f| f.sectors = vec![s]) }
                                                } }>
                                                <span class="tip" aria-hidden="true">{tip}</span>
                                            </button>
                                        }
                                    }).collect_view()}
                                </div>
                            </div>
                        }.into_any()
                    }
                }
            })}
            <details class="alt-list">
                <summary>"Dated events as a list"</summary>
                <ol>
                    {reactive(move || {
                        let f = state.filters.get();
                        let acts = select(&d2, &f, Except::Dates);
                        let mut events: Vec<_> = d2.events.iter()
                            .filter(|e| acts.iter().any(|a| a.id == e.activity)).collect();
                        events.sort_by_key(|e| e.date);
                        events.into_iter().map(|e| {
                            let mut link = f.clone();
                            link.activity = Some(e.activity.clone());
                            view! { <li><time datetime=e.date.to_string()>{e.date.display()}</time>" — "
                                <a href=href(&link) data-noscroll>{e.label.clone()}</a></li> }
                        }).collect_view()
                    })}
                </ol>
            </details>
            {download_buttons("timeline", svg_for_export)}
        </section>
    }
}

/// Arrow keys move focus between the marks, in date order.
fn move_focus(ev: web_sys::KeyboardEvent) {
    let step: i32 = match ev.key().as_str() {
        "ArrowRight" | "ArrowDown" => 1,
        "ArrowLeft" | "ArrowUp" => -1,
        _ => return,
    };
    let Some(current) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Some(group) = current.parent_element() else {
        return;
    };
    let marks = group.query_selector_all("button.mark").ok();
    let Some(marks) = marks else { return };
    let n = marks.length() as i32;
    let pos = (0..n).find(|i| {
        marks
            .item(*i as u32)
            .is_some_and(|m| m.is_same_node(Some(current.unchecked_ref())))
    });
    if let Some(pos) = pos {
        ev.prevent_default();
        let next = (pos + step).clamp(0, n - 1);
        if let Some(el) = marks
            .item(next as u32)
            .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    }
}
