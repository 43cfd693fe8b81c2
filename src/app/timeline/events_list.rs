//! The timeline's text alternative: its dated events as a list, each opening its activity.

use crate::app::link::open_on_click;
use crate::app::state::use_ctx;
use crate::core::model::Event;
use crate::core::order::sort_by;
use crate::core::query::{Except, IdSet, select};
use leptos::prelude::*;

/// The dated events of the activities in view (dates excepted, like the timeline), in order.
#[component]
pub fn EventsList() -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    let events = {
        let d = d.clone();
        move || {
            let f = ctx.sl.narrow.get();
            let acts = select(&d, &f, Except::Dates);
            let ids = IdSet::new(&acts);
            let mut events: Vec<&Event> = d
                .events
                .iter()
                .filter(|e| ids.contains(&e.activity))
                .collect();
            sort_by(&mut events, &|a, b| a.date.cmp(&b.date));
            events.into_iter().map(|e| e.id.clone()).collect::<Vec<_>>()
        }
    };
    view! {
        <For each=events key=|id| id.clone() let(id)>
            {d.events
                .iter()
                .find(|e| e.id == id)
                .map(|e| {
                    view! {
                        <li>
                            <time datetime=e.date.to_string()>{e.date.display()}</time>
                            " — "
                            <a
                                href=format!("?activity={}", e.activity)
                                on:click=open_on_click(ctx.state, e.activity.clone())
                            >
                                {e.label.clone()}
                            </a>
                        </li>
                    }
                })}
        </For>
    }
}
