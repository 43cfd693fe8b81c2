//! The source reader: the report's full text, every cited passage marked in its sector's colour
//! and linking to its activity.

use super::{ViewState, reactive};
use crate::model::{Dataset, ParagraphRole};
use crate::query::segments;
use leptos::prelude::*;
use std::sync::Arc;

/// The report as published, with its citations.
#[component]
pub fn Reader(data: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<ViewState>();
    let report = data.reports.first().cloned();
    let d = data.clone();
    view! {
        <section class="reader" aria-labelledby="reader-h">
            <h2 id="reader-h">"The report"</h2>
            {report.map(|r| view! {
                <p class="note">
                    "Full text as published. Highlighted passages are cited by the dataset; select one to open its activity. "
                    <a href=r.source_url.clone() rel="external noopener">"Original source"</a>
                </p>
                <div class="report-text">
                    {reactive(move || {
                        let selected = state.activity.get();
                        let mut anchored: Vec<(String, usize)> = Vec::new();
                        r.paragraphs.iter().map(|p| {
                            let class = match p.role {
                                ParagraphRole::Content => "para",
                                ParagraphRole::Title => "para title",
                                ParagraphRole::Byline => "para byline",
                                ParagraphRole::Furniture => "para furniture",
                            };
                            let pieces = segments(&d, p).into_iter().map(|(range, cites)| {
                                let text = p.text[range].to_string();
                                match cites.first() {
                                    None => text.into_any(),
                                    Some((id, idx)) => {
                                        let colour = d.activity(id).and_then(|a| d.sector(&a.sector)).map_or("#888".to_string(), |s| s.colour.clone());
                                        let current = selected.as_deref() == Some(id.as_str()) || cites.iter().any(|(c, _)| Some(c.as_str()) == selected.as_deref());
                                        let target = cites.iter().find(|(c, _)| Some(c.as_str()) == selected.as_deref()).unwrap_or(&cites[0]).clone();
                                        let link = format!("?activity={}", target.0);
                                        let title = d.activity(&target.0).map(|a| a.title.clone()).unwrap_or_default();
                                        let _ = idx;
                                        // The first piece of each of the open activity's passages is a scroll target.
                                        let first = current && !anchored.contains(&target);
                                        if first { anchored.push(target.clone()); }
                                        let anchor = first.then(|| format!("cite-{}-{}", target.0, target.1));
                                        view! {
                                            <a href=link data-noscroll data-merge class="cite" class:current=current
                                                id=anchor style=format!("--c:{colour}") title=title data-activity=target.0.clone()>{text}</a>
                                        }.into_any()
                                    }
                                }
                            }).collect_view();
                            view! { <p class=class id=p.id.clone()>{pieces}</p> }
                        }).collect_view()
                    })}
                </div>
            })}
        </section>
    }
}
