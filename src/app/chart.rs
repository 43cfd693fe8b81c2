//! The sector chart: a plotters SVG with focusable hit regions laid over it from the same layout,
//! a measure switch, and a data-table alternative.

use super::{ViewState, export::download_buttons, handler, reactive, text, use_width};
use crate::charts::{percent, render_sector_chart, sector_layout};
use crate::filters::Measure;
use crate::model::Dataset;
use crate::query::{Except, by_sector, select};
use leptos::prelude::*;
use std::sync::Arc;

/// Activities (or a figure) per primary sector; clicking a bar filters every other view.
#[component]
pub fn SectorChart(data: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<ViewState>();
    let width = use_width(360, 460);
    let d = data.clone();
    let chart = Memo::new(move |_| {
        let f = state.filters.get();
        let acts = select(&d, &f, Except::Sectors);
        let rows = by_sector(&d, &acts, &f.measure, &f.sectors);
        let measure_label = measure_label(&d, &f.measure);
        let without: usize = rows.iter().map(|r| r.without_figure).sum();
        let layout = sector_layout(&rows, width.get());
        let title = format!("{measure_label} by sector");
        let svg = render_sector_chart(&layout, &title).map_err(|e| e.to_string());
        let table: Vec<(String, String, usize, usize)> = rows
            .iter()
            .map(|r| {
                (
                    r.sector.name.clone(),
                    r.display.clone(),
                    r.activities,
                    r.without_figure,
                )
            })
            .collect();
        (layout, svg, measure_label, without, acts.len(), table)
    });
    let d2 = data.clone();
    let on_measure = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        state.update(|f| {
            f.measure = if v == "activities" {
                Measure::Activities
            } else {
                Measure::Metric(v)
            }
        });
    };
    let measure_id = move || match state.filters.get().measure {
        Measure::Activities => "activities".to_string(),
        Measure::Metric(m) => m,
    };
    let svg_for_export = Signal::derive(move || chart.get().1.ok());
    view! {
        <section class="panel sector-chart" aria-labelledby="sector-h">
            <div class="panel-head">
                <h2 id="sector-h">{reactive(move || chart.get().2)}" by sector"</h2>
                <label class="inline">
                    "Measure "
                    <select on:change=on_measure prop:value=measure_id>
                        <option value="activities">"Number of activities"</option>
                        {d2.measures.iter().map(|m| view! {
                            <option value=m.id.clone()>{m.label.clone()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" class="link" aria-pressed=text(move || state.filters.get().table.to_string())
                    on:click=move |_| state.update(|f| f.table = !f.table)>
                    {reactive(move || if state.filters.get().table { "Show chart" } else { "Show table" })}
                </button>
            </div>
            <p class="note">{reactive(move || {
                let (_, _, _, without, n, _) = chart.get();
                match state.filters.get().measure {
                    Measure::Activities => "Each activity counts once, in its primary sector. Click a bar to filter.".to_string(),
                    Measure::Metric(_) => format!("{without} of the {n} activities in view give no figure for this measure and are not in the totals. Click a bar to filter."),
                }
            })}</p>
            {reactive(move || if state.filters.get().table {
                view! { <SectorTable rows=Signal::derive(move || chart.get().5)/> }.into_any()
            } else {
                view! {
                {move || {
                    let (layout, svg, ..) = chart.get();
                    match svg {
                        Err(e) => view! { <p class="chart-error" role="alert">{e}</p> }.into_any(),
                        Ok(svg) => {
                            let (w, h) = (f64::from(layout.width), f64::from(layout.height));
                            view! {
                                <div class="chart-frame" style=format!("aspect-ratio: {w} / {h}")>
                                    <div class="chart-svg" inner_html=svg aria-hidden="true"></div>
                                    <div class="hits" role="group" aria-label="Sectors">
                                        {layout.bars.iter().map(|b| {
                                            let sector = b.sector.clone();
                                            let style = format!("left:0;top:{};width:100%;height:{}",
                                                percent(b.row.y, h), percent(b.row.h, h));
                                            let label = format!("{}: {}. {}", b.label, b.display,
                                                if b.selected { "Selected; press to remove the filter" } else { "Press to filter by this sector" });
                                            view! {
                                                <button type="button" class="hit bar-hit" style=style
                                                    data-sector=sector.clone()
                                                    aria-pressed=b.selected.to_string() aria-label=label
                                                    on:click=handler(move |_| { let s = sector.clone(); state.update(|f| *f = f.toggle_sector(&s)) })>
                                                    <span class="tip" aria-hidden="true">
                                                        <strong>{b.label.clone()}</strong>" "{b.display.clone()}
                                                    </span>
                                                </button>
                                            }
                                        }).collect_view()}
                                    </div>
                                </div>
                            }.into_any()
                        }
                    }
                }}
                }.into_any()
            })}
            {download_buttons("sector-chart", svg_for_export)}
        </section>
    }
}

/// The chart's numbers as a table.
#[component]
fn SectorTable(rows: Signal<Vec<(String, String, usize, usize)>>) -> impl IntoView {
    view! {
        <table class="data-table">
            <caption class="visually-hidden">"Sector chart data"</caption>
            <thead><tr><th scope="col">"Sector"</th><th scope="col">"Value"</th><th scope="col">"Activities"</th><th scope="col">"Without a figure"</th></tr></thead>
            <tbody>
                {reactive(move || rows.get().into_iter().map(|(name, value, n, without)| view! {
                    <tr><th scope="row">{name}</th><td>{value}</td><td>{n}</td><td>{without}</td></tr>
                }).collect_view())}
            </tbody>
        </table>
    }
}

/// The measure's name for titles.
pub fn measure_label(d: &Dataset, m: &Measure) -> String {
    match m {
        Measure::Activities => "Activities".into(),
        Measure::Metric(id) => d
            .measures
            .iter()
            .find(|x| &x.id == id)
            .map_or_else(|| "Activities".into(), |x| x.label.clone()),
    }
}
