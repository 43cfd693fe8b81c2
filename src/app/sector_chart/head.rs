//! The sector chart's heading, the measure it shows and the chart/table toggle.

use crate::app::state::use_ctx;
use crate::core::filters::Measure;
use crate::core::i18n::{T, f as tf, t};
use crate::core::labels::measure_label;
use leptos::prelude::*;

/// "Activities by sector", the measure select and "Show table" / "Show chart".
#[component]
pub fn SectorHead(table: Memo<bool>) -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    let measure = Memo::new(move |_| ctx.sl.chart.with(|f| f.measure.clone()));
    let current = move || match measure.get() {
        Measure::Activities => "activities".to_string(),
        Measure::Metric(m) => m,
    };
    let options: Vec<(String, String)> = std::iter::once((
        "activities".to_string(),
        t(T::NumberOfActivities).to_string(),
    ))
    .chain(d.measures.iter().map(|m| (m.id.clone(), m.label.clone())))
    .collect();
    let heading = move || tf(T::BySector, &[&measure_label(&d, &measure.get())]);
    let at_first = current();
    view! {
        <h2 id="sector-h">{heading}</h2>
        <label class="inline">
            {t(T::Measure)}
            " "
            <select
                id="measure"
                name="measure"
                prop:value=current
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    ctx.state
                        .update(
                            &|f| {
                                f.measure = if v == "activities" {
                                    Measure::Activities
                                } else {
                                    Measure::Metric(v.clone())
                                };
                            },
                        );
                }
            >
                {options
                    .into_iter()
                    .map(|(id, label)| {
                        let selected = id == at_first;
                        view! {
                            <option value=id selected=selected>
                                {label}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
        <button
            type="button"
            class="link"
            id="table-toggle"
            aria-pressed=move || table.get().to_string()
            on:click=move |_| ctx.state.update(&|f| f.table = !f.table)
        >
            {move || t(if table.get() { T::ShowChart } else { T::ShowTable })}
        </button>
    }
}
