//! "Cite this view" and "Embed this view": modal dialogs (Esc closes them and the browser
//! returns focus to the button that opened them), whose content is built only while open.

mod cite;
mod embed;

pub use cite::CiteDialog;
pub use embed::EmbedDialog;

use super::export;
use crate::core::i18n::{T, t};
use leptos::prelude::*;

/// A modal dialog titled `title`: shown whenever `open` turns true (`open` turns false when it
/// closes); its body is built only while it is open.
#[component]
fn Modal(
    id: &'static str,
    heading: &'static str,
    class: &'static str,
    title: T,
    open: RwSignal<bool>,
    children: ChildrenFn,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        if open.get()
            && let Some(d) = dialog.get()
            && !d.open()
        {
            let _ = d.show_modal();
        }
    });
    view! {
        <dialog
            id=id
            class=class
            aria-labelledby=heading
            node_ref=dialog
            on:close=move |_| open.set(false)
        >
            <h2 id=heading>{t(title)}</h2>
            {move || open.get().then(|| children())}
        </dialog>
    }
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
