//! The sector chart: activities (or a measure's total) per sector, as bars one can press to
//! filter, or as a table; with a note on how it counts. (Its image is downloaded from the
//! toolbar's "Download image".)

mod bars;
mod head;
mod table;

use super::later::while_open;
use super::state::use_ctx;
use crate::core::charts::sector_layout;
use crate::core::labels::sector_note;
use crate::core::query::{Except, by_sector, select};
use leptos::prelude::*;

/// The chart's panel: heading and controls, note, bars or table.
#[component]
pub fn SectorChart() -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    let chart = ctx.sl.chart;
    let table = Memo::new(move |_| chart.with(|f| f.table));
    let layout = {
        let d = d.clone();
        Memo::new(move |_| {
            let f = chart.get();
            let acts = select(&d, &f, Except::Sectors);
            sector_layout(&by_sector(&d, &acts, &f.measure, &f.sectors))
        })
    };
    let note = move || sector_note(&d, &chart.get());
    view! {
        <section
            class="panel sector-chart"
            id="sector-chart"
            aria-labelledby="sector-h"
            tabindex="-1"
        >
            <div id="sector-head" class="panel-head">
                <head::SectorHead table />
            </div>
            <p id="sector-note" class="note">{note}</p>
            <div id="sector-body" class="chart-body">
                // The table is not in the page the build renders: mounted on its own while shown.
                <div id="sector-table">
                    {while_open(ctx, "sector-table", move || table.get(), || view! { <table::SectorTable /> })}
                </div>
                {move || (!table.get()).then(|| view! { <bars::SectorBars layout /> })}
            </div>
        </section>
    }
}
