//! "Refine": every filter as a form control — sector chips, kind, status, place and months. It
//! is built just after the first screen; until then (and without JavaScript) the region says
//! so and links to the data files.

use super::later::later;
use super::state::{Stage, use_ctx};
use crate::core::charts::colour_vars;
use crate::core::filters::{Filters, Month};
use crate::core::i18n::{T, t};
use crate::core::model::{ActivityKind, Status};
use crate::core::timeline::month_domain;
use leptos::prelude::*;

/// The filter form, or its placeholder.
#[component]
pub fn FilterForm() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <section id="filters" class="filters">
            {later(
                ctx,
                "filters",
                Stage::Form,
                false,
                || {
                    view! {
                        <h2 id="filters-h">{t(T::Refine)}</h2>
                        <div class="chips" id="filter-chips" role="group" aria-label=t(T::Sectors)>
                            <SectorChips />
                        </div>
                        <div class="selects" id="filter-selects">
                            <FilterSelects />
                        </div>
                    }
                },
                || view! { <Placeholder /> },
            )}
        </section>
    }
}

/// What the region says before the app has built it, and to readers without JavaScript.
#[component]
pub fn Placeholder() -> impl IntoView {
    view! {
        <p class="placeholder">
            <span class="if-js">{t(T::Loading)}</span>
            <span class="no-js">
                {t(T::NeedsJs)}
                " "
                <a href="data/kazakhstan-2006.json">"JSON"</a>
                " · "
                <a href="data/kazakhstan-2006.csv">"CSV"</a>
                "."
            </span>
        </p>
    }
}

/// A pressable chip per sector.
#[component]
fn SectorChips() -> impl IntoView {
    let ctx = use_ctx();
    ctx.d()
        .sectors
        .iter()
        .map(|s| {
            let (id, id2) = (s.id.clone(), s.id.clone());
            view! {
                <button
                    type="button"
                    class="chip"
                    data-sector=s.id.clone()
                    aria-pressed=move || ctx.sl.narrow.with(|f| f.sectors.contains(&id)).to_string()
                    style=colour_vars(&s.colour)
                    title=s.description.clone()
                    on:click=move |_| ctx.state.update(&|f| *f = f.toggle_sector(&id2))
                >
                    {s.name.clone()}
                </button>
            }
        })
        .collect_view()
}

/// A labelled select whose options are (value, words); `current` tells the chosen value and
/// `choose` applies a choice to the filters. (Plain function pointers, not generic closures: one
/// copy of the select's code serves all five, 4 KB gzip less than one per select.)
fn select(
    name: &'static str,
    label: T,
    any: T,
    options: Vec<(String, String)>,
    current: fn(&Filters) -> String,
    choose: fn(&mut Filters, &str),
) -> impl IntoView {
    let ctx = use_ctx();
    let now = Memo::new(move |_| ctx.sl.narrow.with(current));
    // The option chosen when the select is built is marked `selected`; from then on the select's
    // value follows the view (one reactive value a select, not one an option).
    let at_first = now.get_untracked();
    view! {
        <label>
            {t(label)}
            " "
            <select
                name=name
                prop:value=move || now.get()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    ctx.state.update(&|f| choose(f, &v));
                }
            >
                <option value="" selected=at_first.is_empty()>
                    {t(any)}
                </option>
                {options
                    .into_iter()
                    .map(|(v, words)| {
                        let selected = v == at_first;
                        view! {
                            <option value=v selected=selected>
                                {words}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// The kind, status, place and month selects.
#[component]
fn FilterSelects() -> impl IntoView {
    let d = use_ctx().d();
    let kinds = ActivityKind::ALL
        .iter()
        .map(|k| (k.id().to_string(), k.label().to_string()))
        .collect();
    let statuses = Status::ALL
        .iter()
        .map(|k| (k.id().to_string(), k.label().to_string()))
        .collect();
    let places = d
        .places
        .iter()
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect();
    let (first, last) = month_domain(&d);
    let months: Vec<(String, String)> = (first.index()..=last.index())
        .map(Month::from_index)
        .map(|m| (m.to_string(), m.short_label()))
        .collect();
    view! {
        {select(
            "kind",
            T::Kind,
            T::AnyKind,
            kinds,
            |f| f.kinds.first().map_or("", |k| k.id()).to_string(),
            |f, v| f.kinds = ActivityKind::from_id(v).into_iter().collect(),
        )}
        {select(
            "status",
            T::Status,
            T::AnyStatus,
            statuses,
            |f| f.statuses.first().map_or("", |k| k.id()).to_string(),
            |f, v| f.statuses = Status::from_id(v).into_iter().collect(),
        )}
        {select(
            "place",
            T::Place,
            T::AnyPlace,
            places,
            |f| f.places.first().cloned().unwrap_or_default(),
            |f, v| f.places = (!v.is_empty()).then(|| v.to_string()).into_iter().collect(),
        )}
        {select(
            "from",
            T::From,
            T::Start,
            months.clone(),
            |f| f.from.map(|m| m.to_string()).unwrap_or_default(),
            |f, v| f.from = Month::parse(v),
        )}
        {select(
            "to",
            T::To,
            T::End,
            months,
            |f| f.to.map(|m| m.to_string()).unwrap_or_default(),
            |f, v| f.to = Month::parse(v),
        )}
    }
}
