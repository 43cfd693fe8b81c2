//! The sector chart as a table, for readers who want the numbers.

use crate::app::state::use_ctx;
use crate::core::i18n::{T, t};
use crate::core::query::{Except, by_sector, select};
use leptos::prelude::*;

/// Sector, value, activities, and how many give no figure for the measure.
#[component]
pub fn SectorTable() -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    let rows = move || {
        let f = ctx.sl.chart.get();
        let acts = select(&d, &f, Except::Sectors);
        by_sector(&d, &acts, &f.measure, &f.sectors)
            .into_iter()
            .map(|r| {
                view! {
                    <tr>
                        <th scope="row">{r.sector.name.clone()}</th>
                        <td>{r.display}</td>
                        <td>{r.activities}</td>
                        <td>{r.without_figure}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <table class="data-table">
            <caption class="visually-hidden">{t(T::TableCaption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{t(T::Sector)}</th>
                    <th scope="col">{t(T::Value)}</th>
                    <th scope="col">{t(T::Activities)}</th>
                    <th scope="col">{t(T::WithoutFigure)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
