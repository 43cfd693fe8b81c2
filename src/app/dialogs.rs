//! "Cite this view" and "Embed this view": modal dialogs (Esc closes them and the browser
//! returns focus to the button that opened them), whose content is built only while open.

mod cite;
mod embed;

pub use cite::CiteDialog;
pub use embed::EmbedDialog;

use super::export;
use crate::core::i18n::{T, t};
use leptos::prelude::*;

/// Opens `dialog` as modal whenever `open` turns true; `open` turns false when it closes.
fn modal(open: RwSignal<bool>, dialog: NodeRef<leptos::html::Dialog>) {
    Effect::new(move |_| {
        if open.get()
            && let Some(d) = dialog.get()
            && !d.open()
        {
            let _ = d.show_modal();
        }
    });
}

/// "Copy" with its note ("Copied", or how to copy by hand), for the text `text` holds.
fn copy_button(label: T, id: &'static str, text: Memo<String>) -> impl IntoView {
    let said = RwSignal::new("");
    view! {
        <button
            type="button"
            on:click=move |_| {
                said.set(t(if export::copy(&text.get_untracked()) { T::Copied } else { T::CopyByHand }));
            }
        >
            {t(label)}
        </button>
        <span class="copied" role="status" id=format!("{id}-copied")>
            {move || said.get()}
        </span>
    }
}
