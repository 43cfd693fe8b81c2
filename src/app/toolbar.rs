//! The toolbar above the charts: search, what the view shows, and what can be done with it.

use super::{actions::Actions, results::Results, search_box::SearchBox};
use leptos::prelude::*;

/// Search, the result line and the actions, in one row on wide screens.
#[component]
pub fn Toolbar() -> impl IntoView {
    view! {
        <div class="toolbar" id="toolbar">
            <div class="search" id="search">
                <SearchBox />
            </div>
            <div id="results" class="results">
                <Results />
            </div>
            <div id="actions" class="actions">
                <Actions />
            </div>
        </div>
    }
}
