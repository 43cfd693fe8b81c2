//! Embeds for partner sites: one view of the page (the stylesheet hides the rest) with a
//! caption and a link to the full explorer, the messages that size the iframe and report its
//! state, and the one message an embed accepts from its parent.

pub mod messaging;

use super::activity_sheet::detail::detail;
use super::later::later;
use super::state::{Stage, use_ctx};
use super::text::templated;
use super::url::view_url;
use crate::core::i18n::{T, t};
use crate::core::labels::{caption, measure_label};
use crate::core::query::{Except, by_sector, select};
use leptos::either::Either;
use leptos::prelude::*;

/// The embed's caption: the report, linking to the full explorer at the same view, and what the
/// view shows when it is filtered.
#[component]
pub fn EmbedHead() -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    let f = ctx.state.filters;
    let title = d
        .reports
        .first()
        .map(|r| r.title.clone())
        .unwrap_or_default();
    let c = Memo::new(move |_| caption(&d, &ctx.sl.narrow.get()));
    view! {
        <div id="embed-head" class="embed-head">
            <h1 class="embed-title" lang="en">
                <a href=move || view_url(&f.get().without_embed()) target="_blank" rel="noopener">
                    {title}
                </a>
            </h1>
            <p class="embed-caption" hidden=move || c.with(String::is_empty)>{c}</p>
        </div>
    }
}

/// The one-activity embed's body: the activity in full, or a note that none is chosen.
#[component]
pub fn EmbedBody() -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    let f = ctx.state.filters;
    view! {
        <div id="embed-body">
            {later(
                ctx,
                "embed-body",
                Stage::FirstScreen,
                true,
                move || {
                    let d = d.clone();
                    move || {
                        let g = f.get();
                        match g.activity.as_deref().and_then(|id| d.activity(id)) {
                            Some(a) => Either::Left(view! {
                                <h2 class="visually-hidden">{t(T::Activity)}</h2>
                                {detail(&d, a, Some(view_url(&g.without_embed())))}
                            }),
                            None => Either::Right(view! {
                                <p class="note" role="status">{t(T::NoActivityEmbed)}</p>
                            }),
                        }
                    }
                },
                || (),
            )}
        </div>
    }
}

/// In a chart or timeline embed, what the reader chose: the activity of a mark (its title, date
/// and one line) or the sectors of the pressed bars (their figures and what they cover), with a
/// link that opens it in the full explorer, in the embed's language and colours.
#[component]
pub fn EmbedChoice() -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    let f = ctx.state.filters;
    let full = move || {
        let g = f.get();
        // The embed's colours: light unless the link asks otherwise.
        let theme = g.theme.or(Some(crate::core::filters::Theme::Light));
        view_url(&crate::core::filters::Filters {
            theme,
            ..g.without_embed()
        })
    };
    let chosen = move || {
        let g = f.get();
        if let Some(a) = g.activity.as_deref().and_then(|id| d.activity(id)) {
            return Some((
                a.title.clone(),
                crate::core::labels::when(a),
                a.summary.clone(),
            ));
        }
        // The pressed bars: each sector's figure under the chart's measure, and what it covers.
        let acts = select(&d, &g, Except::Sectors);
        let rows: Vec<_> = by_sector(&d, &acts, &g.measure, &g.sectors)
            .into_iter()
            .filter(|r| r.selected)
            .collect();
        let measure = measure_label(&d, &g.measure);
        (!rows.is_empty()).then(|| {
            let names: Vec<&str> = rows.iter().map(|r| r.sector.name.as_str()).collect();
            let figures: Vec<String> = rows.iter().map(|r| r.display.clone()).collect();
            let about: Vec<&str> = rows.iter().map(|r| r.sector.description.as_str()).collect();
            (
                names.join(", "),
                format!("{measure}: {}", figures.join(", ")),
                about.join(" "),
            )
        })
    };
    view! {
        <div id="embed-choice" class="embed-choice" role="status">
            {move || {
                chosen()
                    .map(|(title, when, line)| {
                        view! {
                            <p class="choice-title">
                                <strong>{title}</strong>
                                " "
                                <span class="choice-when">{when}</span>
                            </p>
                            <p class="choice-line">{line}</p>
                            <a href=full target="_blank" rel="noopener">{t(T::OpenInExplorer)}</a>
                        }
                    })
            }}
        </div>
    }
}

/// The embed's foot: the source and a link to the same view in the full explorer.
#[component]
pub fn EmbedFoot() -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    let f = ctx.state.filters;
    let publisher = d
        .reports
        .first()
        .map(|r| r.publisher.clone())
        .unwrap_or_default();
    view! {
        <p id="embed-foot" class="embed-foot">
            {templated(t(T::EmbedSource), move |_| view! { <span lang="en">{publisher.clone()}</span> })}
            " "
            <a href=move || view_url(&f.get().without_embed()) target="_blank" rel="noopener">
                {t(T::OpenFull)}
            </a>
        </p>
    }
}
