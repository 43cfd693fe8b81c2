//! The activity browser: the filtered list with highlighted matches, and one activity's detail
//! with its figures, time, places, partners and every quote in context.

use super::{ViewState, handler, reactive, text};
use crate::filters::Sort;
use crate::html::{activity_cards, when};
use crate::model::{Activity, Dataset, Evidence};
use crate::query::{Except, select};
use crate::validate::group_thousands;
use leptos::prelude::*;
use std::sync::Arc;

/// How many activity cards render at a time.
const PAGE: usize = 60;

/// The list and the open activity.
#[component]
pub fn Activities(data: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<ViewState>();
    let d2 = data.clone();
    let d3 = data.clone();
    let d4 = data.clone();
    let limit = RwSignal::new(PAGE);
    view! {
        <section class="activities" aria-labelledby="activities-h">
            <div class="panel-head">
                <h2 id="activities-h">"Activities"</h2>
                <label class="inline">"Sort "
                    <select prop:value=text(move || state.filters.get().sort.id().to_string())
                        on:change=handler(move |ev| { let v = event_target_value(&ev); state.update(|f| f.sort = Sort::ALL.into_iter().find(|s| s.id() == v).unwrap_or_default()) })>
                        {Sort::ALL.iter().map(|s| view! { <option value=s.id()>{s.label()}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            <div class="browser">
                <div class="list-column">
                    <ol class="activity-list" aria-label="Matching activities" inner_html=text(move || {
                        let f = state.filters.get();
                        let matching = select(&d2, &f, Except::Nothing);
                        let shown = limit.get().max(PAGE);
                        activity_cards(&d2, &matching[..matching.len().min(shown)], &f.q, f.activity.as_deref())
                    })></ol>
                    // Long lists render a page at a time: a dataset 100× this one stays fast.
                    {reactive(move || {
                        let total = select(&d4, &state.filters.get(), Except::Nothing).len();
                        let rest = total.saturating_sub(limit.get().max(PAGE));
                        (rest > 0).then(|| view! {
                            <button type="button" class="link more" on:click=handler(move |_: web_sys::MouseEvent| limit.update(|l| *l += PAGE))>
                                {format!("Show {} more of {rest}", rest.min(PAGE))}
                            </button>
                        })
                    })}
                </div>
                {reactive(move || state.activity.get().and_then(|id| d3.activity(&id).cloned()).map(|a| view! { <Detail data=d3.clone() activity=a/> }))}
            </div>
        </section>
    }
}

/// One activity in full.
#[component]
pub fn Detail(
    data: Arc<Dataset>,
    activity: Activity,
    /// In an embed: no close button, and "Show in report" opens the full explorer.
    #[prop(optional)]
    embedded: bool,
) -> impl IntoView {
    let state = expect_context::<ViewState>();
    let a = activity;
    let sector = data.sector(&a.sector).cloned();
    let tags: Vec<String> = a
        .tags
        .iter()
        .filter_map(|t| data.sector(t))
        .map(|s| s.name.clone())
        .collect();
    let places: Vec<String> = a
        .places
        .iter()
        .filter_map(|p| data.place(p))
        .map(|p| p.name.clone())
        .collect();
    let id = a.id.clone();
    let show_in_report = move |_| {
        let target = format!("cite-{id}-0");
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&target))
        {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    };
    let events: Vec<_> = data
        .events
        .iter()
        .filter(|e| e.activity == a.id)
        .cloned()
        .collect();
    view! {
        <article class="detail" aria-labelledby="detail-h" style=format!("--c:{}", sector.as_ref().map_or("#888", |s| s.colour.as_str()))>
            {(!embedded).then(|| view! {
                <button type="button" class="close link" aria-label="Close the activity" on:click=move |_| state.update(|f| f.activity = None)>"× Close"</button>
            })}
            <h3 id="detail-h" tabindex="-1">{a.title.clone()}</h3>
            <p>{a.summary.clone()}</p>
            <dl class="facts">
                <dt>"Sector"</dt><dd>{sector.as_ref().map(|s| s.name.clone())}
                    {sector.as_ref().map(|s| format!(" (U.S. F framework: {} — {}; OECD DAC {} {})", s.framework.objective, s.framework.program_area, s.dac.code, s.dac.name))}</dd>
                {(!tags.is_empty()).then(|| view! { <dt>"Also"</dt><dd>{tags.join(", ")}</dd> })}
                <dt>"Kind"</dt><dd>{a.kind.label()}</dd>
                {a.status.map(|s| view! { <dt>"Status"</dt><dd>{s.label()}</dd> })}
                <dt>"When"</dt><dd>{when(&a)}{a.time.reasoning.clone().map(|r| view! { <br/><small>{r}</small> })}</dd>
                {(!places.is_empty()).then(|| view! { <dt>"Places"</dt><dd>{places.join(", ")}</dd> })}
                {(!a.actors.is_empty()).then(|| view! { <dt>"Who"</dt><dd>{a.actors.iter().map(|x| format!("{} ({})", x.name, x.role)).collect::<Vec<_>>().join("; ")}</dd> })}
                {a.outcome.clone().map(|o| view! { <dt>"Outcome"</dt><dd>{o}</dd> })}
            </dl>
            {(!a.metrics.is_empty()).then(|| view! {
                <table class="data-table metrics">
                    <caption>"Figures the report gives"</caption>
                    <thead><tr><th scope="col">"Figure"</th><th scope="col">"What was counted"</th><th scope="col">"Source words"</th></tr></thead>
                    <tbody>{a.metrics.iter().map(|m| view! {
                        <tr><td class="num">{format!("{}{}", m.qualifier.prefix(), group_thousands(m.value))}</td><td>{m.counted.clone()}</td><td><q>{m.evidence.quote.clone()}</q></td></tr>
                    }).collect_view()}</tbody>
                </table>
            })}
            {(!events.is_empty()).then(|| view! {
                <ul class="events">{events.iter().map(|e| view! { <li><time datetime=e.date.to_string()>{e.date.display()}</time>" — "{e.label.clone()}</li> }).collect_view()}</ul>
            })}
            <h4>"Evidence"</h4>
            <ol class="evidence">
                {a.evidence.iter().map(|e| view! { <li><InContext data=data.clone() evidence=e.clone()/></li> }).collect_view()}
            </ol>
            {if embedded {
                let full = super::embed::view_url(&state.filters.get_untracked().without_embed());
                view! { <a class="show-in-report" href=full target="_blank" rel="noopener">"Show in the report"</a> }.into_any()
            } else {
                view! { <button type="button" class="show-in-report" on:click=show_in_report>"Show in report"</button> }.into_any()
            }}
        </article>
    }
}

/// A quote with the words around it in its paragraph.
#[component]
fn InContext(data: Arc<Dataset>, evidence: Evidence) -> impl IntoView {
    let text = data
        .paragraph(&evidence.paragraph)
        .map(|(_, p)| p.text.clone())
        .unwrap_or_default();
    let chars: Vec<char> = text.chars().collect();
    let s = evidence.start.min(chars.len());
    let e = evidence.end.min(chars.len()).max(s);
    let before: String = chars[s.saturating_sub(80)..s].iter().collect();
    let after: String = chars[e..(e + 80).min(chars.len())].iter().collect();
    view! {
        <blockquote>
            {(s > 80).then_some("…")}{before}<mark class="quote">{evidence.quote.clone()}</mark>{after}{(e + 80 < chars.len()).then_some("…")}
            <footer>{format!("Paragraph {}, characters {}–{}", evidence.paragraph, evidence.start, evidence.end)}</footer>
        </blockquote>
    }
}
