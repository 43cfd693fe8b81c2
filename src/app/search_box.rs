//! The search field: typing narrows the view in place (no history entry per key); otherwise the
//! field shows the URL's search words (Back, Forward, a chip removed), unless the reader is
//! typing in it.

use super::dom;
use super::state::use_ctx;
use crate::core::filters::Filters;
use crate::core::i18n::{T, t};
use leptos::prelude::*;

/// The search field and its label.
#[component]
pub fn SearchBox() -> impl IntoView {
    let ctx = use_ctx();
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        let q = ctx.sl.narrow.with(|f| f.q.clone());
        if let Some(i) = input.get() {
            let typing = dom::document()
                .and_then(|d| d.active_element())
                .is_some_and(|a| a.is_same_node(Some(&i)));
            if !typing && i.value().trim() != q {
                i.set_value(&q);
            }
        }
    });
    view! {
        <label for="q">{t(T::SearchLabel)}</label>
        <input
            id="q"
            type="search"
            autocomplete="off"
            placeholder=t(T::SearchHint)
            value=ctx.state.filters.get_untracked().q
            node_ref=input
            on:input=move |ev| {
                let q = event_target_value(&ev).trim().to_string();
                ctx.state.replace(Filters { q, ..ctx.state.filters.get_untracked() });
            }
        />
    }
}

/// Text typed into the search field before the app took over, applied (not lost).
pub fn apply_typed_search(state: super::state::ViewState) {
    let typed = dom::by_id("q")
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok())
        .map(|i| i.value().trim().to_string())
        .unwrap_or_default();
    if !typed.is_empty() && typed != state.filters.get_untracked().q {
        state.replace(Filters {
            q: typed,
            ..state.filters.get_untracked()
        });
    }
}
