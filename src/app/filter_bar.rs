//! The filter controls: sector chips, kind, status, place, date range and free-text search.

use super::{ViewState, handler, reactive, text};
use crate::filters::{Filters, Month};
use crate::model::{ActivityKind, Dataset, Status};
use crate::query::{Except, select};
use crate::timeline::month_domain;
use leptos::prelude::*;
use std::sync::Arc;

/// Every filter as a form control, all writing to the URL.
#[component]
pub fn FilterBar(data: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<ViewState>();
    let (first, last) = month_domain(&data);
    let months: Vec<Month> = (first.index()..=last.index())
        .map(Month::from_index)
        .collect();
    let d = data.clone();
    let count = move || select(&d, &state.filters.get(), Except::Nothing).len();
    let total = data.activities.len();
    let one = |v: String| -> Option<String> { (!v.is_empty()).then_some(v) };
    let months2 = months.clone();
    view! {
        <section class="filters" aria-label="Filters">
            <div class="search">
                <label for="q">"Search titles, summaries and quotes"</label>
                <input id="q" type="search" placeholder="e.g. jury, hot line, Almaty"
                    prop:value=text(move || state.filters.get().q)
                    on:input=handler(move |ev| { let v = event_target_value(&ev); state.replace(Filters { q: v.trim().to_string(), ..state.filters.get_untracked() }) })/>
            </div>
            <div class="chips" role="group" aria-label="Sectors">
                {data.sectors.iter().map(|s| {
                    let id = s.id.clone();
                    let id2 = s.id.clone();
                    view! {
                        <button type="button" class="chip" style=format!("--c:{}", s.colour)
                            aria-pressed=text(move || state.filters.get().sectors.contains(&id).to_string())
                            on:click=handler(move |_| { let s = id2.clone(); state.update(|f| *f = f.toggle_sector(&s)) })>
                            {s.name.clone()}
                        </button>
                    }
                }).collect_view()}
            </div>
            <div class="selects">
                <label>"Kind "
                    <select prop:value=text(move || state.filters.get().kinds.first().map(|k| k.id()).unwrap_or("").to_string())
                        on:change=handler(move |ev| { let v = one(event_target_value(&ev)); state.update(|f| f.kinds = v.and_then(|v| ActivityKind::from_id(&v)).into_iter().collect()) })>
                        <option value="">"Any kind"</option>
                        {ActivityKind::ALL.iter().map(|k| view! { <option value=k.id()>{k.label()}</option> }).collect_view()}
                    </select>
                </label>
                <label>"Status "
                    <select prop:value=text(move || state.filters.get().statuses.first().map(|k| k.id()).unwrap_or("").to_string())
                        on:change=handler(move |ev| { let v = one(event_target_value(&ev)); state.update(|f| f.statuses = v.and_then(|v| Status::from_id(&v)).into_iter().collect()) })>
                        <option value="">"Any status"</option>
                        {Status::ALL.iter().map(|k| view! { <option value=k.id()>{k.label()}</option> }).collect_view()}
                    </select>
                </label>
                <label>"Place "
                    <select prop:value=text(move || state.filters.get().places.first().cloned().unwrap_or_default())
                        on:change=handler(move |ev| { let v = one(event_target_value(&ev)); state.update(|f| f.places = v.into_iter().collect()) })>
                        <option value="">"Any place"</option>
                        {data.places.iter().map(|p| view! { <option value=p.id.clone()>{p.name.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <label>"From "
                    <select prop:value=text(move || state.filters.get().from.map(|m| m.to_string()).unwrap_or_default())
                        on:change=handler(move |ev| { let v = Month::parse(&event_target_value(&ev)); state.update(|f| f.from = v) })>
                        <option value="">"Start"</option>
                        {months.iter().map(|m| view! { <option value=m.to_string()>{m.short_label()}</option> }).collect_view()}
                    </select>
                </label>
                <label>"To "
                    <select prop:value=text(move || state.filters.get().to.map(|m| m.to_string()).unwrap_or_default())
                        on:change=handler(move |ev| { let v = Month::parse(&event_target_value(&ev)); state.update(|f| f.to = v) })>
                        <option value="">"End"</option>
                        {months2.iter().map(|m| view! { <option value=m.to_string()>{m.short_label()}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            <p class="match-count" role="status">
                <span data-testid="match-count">{reactive(count)}</span>" of "{total}" activities"
                {reactive(move || state.filters.get().is_filtered().then(|| view! {
                    " · "<button type="button" class="link" on:click=move |_| state.set(state.filters.get_untracked().cleared())>"Clear all filters"</button>
                }))}
            </p>
        </section>
    }
}
