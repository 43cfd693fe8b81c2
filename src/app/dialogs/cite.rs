//! The citation of the current view, with its licence note, ready to copy; and the view's and
//! the report's citations in a reference manager's format (BibTeX, RIS or CSL-JSON), to copy or
//! download. The format is read from its select when a button is pressed: no reactive state,
//! one delegated handler (the dialog's formats cost 2 KB gzip of wasm less than a reactive
//! choice; measured).

use super::{copy_button, modal};
use crate::app::later::while_open;
use crate::app::link::closest;
use crate::app::state::{Ctx, use_ctx};
use crate::app::url::current_url;
use crate::app::{dom, export};
use crate::core::exports::{CiteFormat, ViewRef, citation, cite_report, cite_view};
use crate::core::i18n::{T, t};
use crate::core::labels::{caption, file_stem};
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
    let said = RwSignal::new("");
    // One delegated handler for every format's buttons (`data-cite="view bibtex copy"`): the
    // buttons carry no code of their own, and the citation is written when it is asked for.
    let act = move |ev: leptos::ev::MouseEvent| {
        let Some(spec) =
            closest(&ev, "button[data-cite]").and_then(|b| b.get_attribute("data-cite"))
        else {
            return;
        };
        let chosen = dom::by_id("cite-format")
            .and_then(|s| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(s).ok())
            .map(|s| s.value())
            .unwrap_or_default();
        let Some(format) = CiteFormat::ALL.into_iter().find(|x| x.id() == chosen) else {
            return;
        };
        let (report, copy) = (spec.starts_with("report"), spec.ends_with("copy"));
        let (content, file) = cited(&ctx, report, format);
        if copy {
            said.set(t(if export::copy(&content) {
                T::Copied
            } else {
                T::CopyByHand
            }));
        } else {
            export::save_text(&file, format.file().1, &content);
        }
    };
    // Built only while open, in one piece.
    let body = move || {
        view! {
            <div id="cite-body">
                <label for="cite-text">{t(T::CiteBodyLabel)}</label>
                <textarea id="cite-text" readonly rows="5" prop:value=move || text.get()></textarea>
                <p class="note">{licence.clone()}</p>
                <div class="cite-formats" on:click=act>
                    <p class="note">{t(T::CiteFormatsNote)}</p>
                    <label>
                        {t(T::CiteFormat)}
                        " "
                        <select id="cite-format" name="cite-format">
                            {CiteFormat::ALL
                                .into_iter()
                                .filter(|f| *f != CiteFormat::Text)
                                .map(|f| view! { <option value=f.id()>{f.name()}</option> })
                                .collect_view()}
                        </select>
                    </label>
                    {[("view", T::CiteView), ("report", T::CiteReport)]
                        .map(|(what, label)| {
                            view! {
                                <p>
                                    {t(label)}
                                    ": "
                                    <button type="button" data-cite=format!("{what} copy")>
                                        {t(T::CopyFormat)}
                                    </button>
                                    " "
                                    <button type="button" data-cite=format!("{what} download")>
                                        {t(T::DownloadFormat)}
                                    </button>
                                </p>
                            }
                        })}
                </div>
                <p class="copied" aria-live="polite" id="cite-formats-copied">{move || said.get()}</p>
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
            <div id="cite-mount">{while_open(ctx, "cite-mount", move || open.get(), body)}</div>
        </dialog>
    }
}

/// The report's citation (`report`) or the current view's, in `format`, and the file it
/// downloads as: the view's names what it shows, its address and the day it was read.
fn cited(ctx: &Ctx, report: bool, format: CiteFormat) -> (String, String) {
    let d = ctx.d();
    let ext = format.file().0;
    if report {
        let id = d.reports.first().map_or("report", |r| r.id.as_str());
        return (cite_report(&d, format), format!("{id}-report.{ext}"));
    }
    let f = ctx.state.filters.get_untracked();
    let (url, words, key) = (
        current_url(),
        caption(&d, &f.narrowing()),
        file_stem(&d, &f),
    );
    let view = ViewRef {
        url: &url,
        caption: &words,
        key: &key,
        accessed: dom::today(),
    };
    (
        cite_view(&d, &view, format),
        format!("{key}-citation.{ext}"),
    )
}
