//! The citation of the current view, with its licence note, ready to copy.

use super::{copy_button, modal};
use crate::app::state::use_ctx;
use crate::app::url::current_url;
use crate::core::exports::citation;
use crate::core::i18n::{T, t};
use leptos::prelude::*;

/// The "Cite this view" dialog.
#[component]
pub fn CiteDialog() -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    let open = ctx.ui.cite_open;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    modal(open, dialog);
    let text = Memo::new(move |_| {
        if !open.get() {
            return String::new();
        }
        ctx.state.filters.track();
        citation(&d, &current_url())
    });
    let licence = ctx.d().dataset.licence.clone();
    // Built only while open, in one piece.
    let body = move || {
        view! {
            <div id="cite-body">
                <label for="cite-text">{t(T::CiteBodyLabel)}</label>
                <textarea id="cite-text" readonly rows="5" prop:value=move || text.get()></textarea>
                <p class="note">{licence.clone()}</p>
            </div>
            <div class="dialog-actions">
                {copy_button(T::CopyCitation, "cite-text", text)}
                <form method="dialog">
                    <button type="submit" class="link">{t(T::CloseDialog)}</button>
                </form>
            </div>
        }
    };
    view! {
        <dialog
            id="cite-dialog"
            class="dialog"
            aria-labelledby="cite-h"
            node_ref=dialog
            on:close=move |_| open.set(false)
        >
            <h2 id="cite-h">{t(T::CiteThisView)}</h2>
            {move || open.get().then(body.clone())}
        </dialog>
    }
}
