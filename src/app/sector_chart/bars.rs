//! The bars: one button per sector, longest first, placed by share of the axis (text at the
//! stylesheet's size at any width, colours from the theme). Keyed by sector, so a filter change
//! moves and resizes the bars it keeps, and a pressed bar keeps its focus.

use crate::app::state::use_ctx;
use crate::core::charts::{SectorLayout, colour_vars, fraction};
use crate::core::i18n::{self, T, t};
use leptos::prelude::*;

/// What a bar shows that changes with the view: its share of the axis, its figure, whether it
/// is pressed, whether it is faded (another bar is pressed).
#[derive(Clone, Default, PartialEq)]
struct Now {
    share: String,
    display: String,
    pressed: bool,
    faded: bool,
}

/// The axis and the bars.
#[component]
pub fn SectorBars(layout: Memo<SectorLayout>) -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    // A bar's figures, looked up by its sector (a dozen bars: a scan is cheapest).
    let now = move |id: &str| {
        layout.with(|l| {
            l.bars
                .iter()
                .find(|b| b.sector == id)
                .map(|b| Now {
                    share: fraction(b.share),
                    display: b.display.clone(),
                    pressed: b.selected,
                    faded: l.any_selected && !b.selected,
                })
                .unwrap_or_default()
        })
    };
    view! {
        <div class="bars" role="group" aria-label=t(T::Sectors)>
            <div class="bar-axis" aria-hidden="true">
                <span class="bar-track">
                    <For
                        each=move || layout.with(|l| l.ticks.clone())
                        key=|(v, s)| (*v, s.to_bits())
                        let((value, share))
                    >
                        <span class="tick" style=format!("--v:{}", fraction(share))>
                            {i18n::num(value)}
                        </span>
                    </For>
                </span>
            </div>
            <For
                each=move || {
                    layout.with(|l| l.bars.iter().map(|b| b.sector.clone()).collect::<Vec<_>>())
                }
                key=|id| id.clone()
                let(id)
            >
                {
                    let (name, short, colour) = d
                        .sector(&id)
                        .map(|s| (s.name.clone(), s.short.clone(), colour_vars(&s.colour)))
                        .unwrap_or_default();
                    let (a, b, c, e, key) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
                    view! {
                        <button
                            type="button"
                            class="bar-hit"
                            class:faded=move || now(&a).faded
                            data-sector=key
                            aria-pressed=move || now(&b).pressed.to_string()
                            style=move || format!("{colour};--v:{}", now(&c).share)
                            on:click=move |_| ctx.state.update(&|f| *f = f.toggle_sector(&e))
                        >
                            <span class="bar-label">
                                <span class="long">{name}</span>
                                <span class="short">{short}</span>
                            </span>
                            <span class="bar-track">
                                <span class="bar"></span>
                                <span class="bar-value">{move || now(&id).display}</span>
                            </span>
                        </button>
                    }
                }
            </For>
        </div>
    }
}
