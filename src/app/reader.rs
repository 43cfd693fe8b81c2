//! The report as published, every cited passage a link to its activity, marked in its sector's
//! colour; the open activity's passages stand out, and the first piece of each is anchored
//! (`cite-{activity}-{n}`) for "Show in report". Built after the first screen.

use super::later::later;
use super::link::plain_click;
use super::state::{Stage, use_ctx};
use crate::core::charts::colour_vars;
use crate::core::filters::encode;
use crate::core::i18n::{T, t};
use crate::core::model::{Dataset, ParagraphRole};
use crate::core::query::segments;
use leptos::either::Either;
use leptos::prelude::*;

/// The reader's panel.
#[component]
pub fn Reader() -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    let d2 = ctx.d();
    view! {
        <section class="reader" id="reader" aria-labelledby="reader-h" tabindex="-1">
            <h2 id="reader-h">{t(T::TheReport)}</h2>
            <p class="note">{t(T::ReportNote)}</p>
            <div class="report-text" id="reader-text" lang="en">
                {later(
                    ctx,
                    "reader-text",
                    Stage::Report,
                    false,
                    move || {
                        let (d, d2) = (d.clone(), d2.clone());
                        view! {
                            <For
                                each=move || {
                                    let built = ctx.ui.paragraphs_built.get();
                                    let all = d.reports.first().map_or(0, |r| r.paragraphs.len());
                                    0..if ctx.reached(Stage::Report) { built.min(all) } else { 0 }
                                }
                                key=|i| *i
                                let(i)
                            >
                                {paragraph(&d2, i)}
                            </For>
                        }
                    },
                    || (),
                )}
            </div>
        </section>
    }
}

/// One cited run of text: the passages it belongs to, and which of them begin with it.
struct Cited {
    cites: Vec<(String, usize)>,
    begins: Vec<bool>,
}

impl Cited {
    /// The passage this run links to: the open activity's, else the first.
    fn target(&self, open: Option<&str>) -> &(String, usize) {
        self.cites
            .iter()
            .find(|(c, _)| Some(c.as_str()) == open)
            .unwrap_or(&self.cites[0])
    }
}

/// The report's paragraph `index`, its cited runs as links.
fn paragraph(d: &Dataset, index: usize) -> impl IntoView + use<> {
    let ctx = use_ctx();
    let open = ctx.state.activity;
    d.reports.first().and_then(|r| r.paragraphs.get(index)).map(|p| {
            let class = match p.role {
                ParagraphRole::Content => "para",
                ParagraphRole::Title => "para title",
                ParagraphRole::Byline => "para byline",
                ParagraphRole::Furniture => "para furniture",
            };
            let runs = segments(d, p)
                .into_iter()
                .map(|(range, cites)| {
                    let text = p.text[range.clone()].to_string();
                    if cites.is_empty() {
                        return Either::Left(text);
                    }
                    let begins = cites
                        .iter()
                        .map(|(id, n)| {
                            let start = d
                                .activity(id)
                                .and_then(|a| a.evidence.get(*n))
                                .map_or(0, |e| e.start);
                            p.text[..range.start].chars().count() == start
                        })
                        .collect();
                    let run = std::sync::Arc::new(Cited { cites, begins });
                    let names: Vec<(String, String, String)> = run
                        .cites
                        .iter()
                        .map(|(id, _)| {
                            let a = d.activity(id);
                            let colour = a
                                .and_then(|a| d.sector(&a.sector))
                                .map_or("", |s| s.colour.as_str());
                            (
                                id.clone(),
                                a.map_or_else(String::new, |a| a.title.clone()),
                                colour_vars(colour),
                            )
                        })
                        .collect();
                    let looked = run.clone();
                    let look = move |what: fn(&(String, String, String)) -> String| {
                        let run = looked.clone();
                        let names = names.clone();
                        move || {
                            let o = open.get();
                            let (id, _) = run.target(o.as_deref());
                            names
                                .iter()
                                .find(|n| &n.0 == id)
                                .map(what)
                                .unwrap_or_default()
                        }
                    };
                    let href = look(|n| format!("?activity={}", encode(&n.0)));
                    let activity = look(|n| n.0.clone());
                    let title = look(|n| n.1.clone());
                    let style = look(|n| n.2.clone());
                    let current = {
                        let run = run.clone();
                        move || open.with(|o| run.cites.iter().any(|(c, _)| Some(c) == o.as_ref()))
                    };
                    let anchor = {
                        let run = run.clone();
                        move || {
                            open.with(|o| {
                                let o = o.as_deref()?;
                                run.cites
                                    .iter()
                                    .zip(&run.begins)
                                    .find(|((c, _), begins)| c == o && **begins)
                                    .map(|((c, n), _)| format!("cite-{c}-{n}"))
                            })
                        }
                    };
                    let follow = run.clone();
                    // The passage "Show in report" went to: it stands out, and the way back to
                    // its activity is drawn just before it, in the text's flow (covering none).
                    let shown_here = {
                        let run = run.clone();
                        let shown = ctx.ui.shown_passage;
                        move || {
                            shown.with(|s| {
                                s.as_ref().is_some_and(|(a, n)| {
                                    run.cites
                                        .iter()
                                        .zip(&run.begins)
                                        .any(|((c, m), b)| *b && c == a && m == n)
                                })
                            })
                        }
                    };
                    let back = {
                        let shown_here = shown_here.clone();
                        move || {
                            shown_here().then(|| {
                                view! {
                                    <button
                                        type="button"
                                        class="back-to"
                                        on:click=move |_| super::activity_sheet::back_to_activity(ctx.ui)
                                    >
                                        {t(T::BackToActivity)}
                                    </button>
                                }
                            })
                        }
                    };
                    Either::Right(view! {
                        {back}
                        <a
                            href=href
                            class="cite"
                            class:current=current
                            class:shown=shown_here
                            id=anchor
                            style=style
                            title=title
                            data-activity=activity
                            on:click=move |ev| {
                                if plain_click(&ev) {
                                    ev.prevent_default();
                                    let o = open.get_untracked();
                                    let (id, _) = follow.target(o.as_deref());
                                    super::activity_sheet::opening(super::link::closest(&ev, "a"));
                                    ctx.state.merge(&format!("?activity={}", encode(id)));
                                }
                            }
                        >
                            {text}
                        </a>
                    })
                })
                .collect_view();
            view! { <p class=class id=p.id.clone()>{runs}</p> }
    })
}
