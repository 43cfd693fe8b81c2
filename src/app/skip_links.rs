//! Skip links to the page's main regions, shown when focused.

use super::{dom, link::plain_click};
use crate::core::i18n::{T, t};
use leptos::prelude::*;

/// Skip links to the sector chart, the timeline, the activities and the report text.
#[component]
pub fn SkipLinks() -> impl IntoView {
    let links = [
        ("sector-chart", T::SkipChart),
        ("timeline", T::SkipTimeline),
        ("activities", T::SkipActivities),
        ("reader", T::SkipReport),
    ];
    view! {
        <nav class="skip" aria-label=t(T::SkipLinks)>
            {links
                .into_iter()
                .map(|(id, words)| {
                    view! {
                        <a
                            href=format!("#{id}")
                            on:click=move |ev| {
                                if plain_click(&ev) {
                                    ev.prevent_default();
                                    if let Some(to) = dom::by_id(id) {
                                        dom::scroll_to(&to, false);
                                        dom::focus(&to);
                                    }
                                }
                            }
                        >
                            {t(words)}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}
