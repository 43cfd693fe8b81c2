//! The citation of the current view or of the report, as text or in a reference manager's
//! format (BibTeX, RIS, CSL-JSON), with its licence note, to copy or download.

use super::{copy_button, modal};
use crate::app::state::use_ctx;
use crate::app::url::current_url;
use crate::app::{dom, export};
use crate::core::exports::{CiteFormat, ViewRef, cite_report, cite_view};
use crate::core::i18n::{T, f as tf, t};
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
    let report = RwSignal::new(false);
    let format = RwSignal::new(CiteFormat::Text);
    // The citation and the file it downloads as: (text, file name).
    let cited = Memo::new(move |_| {
        if !open.get() {
            return (String::new(), String::new());
        }
        let f = ctx.state.filters.get();
        let fmt = format.get();
        let (ext, _) = fmt.file();
        if report.get() {
            let id = d.reports.first().map_or("report", |r| r.id.as_str());
            return (cite_report(&d, fmt), format!("{id}-report.{ext}"));
        }
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
        (cite_view(&d, &view, fmt), format!("{key}-citation.{ext}"))
    });
    let text = Memo::new(move |_| cited.with(|c| c.0.clone()));
    let licence = ctx.d().dataset.licence.clone();
    let name = |fmt: CiteFormat| match fmt {
        CiteFormat::Text => t(T::CiteFormatText),
        other => other.name(),
    };
    // Built only while open, in one piece.
    let body = move || {
        view! {
            <div id="cite-body">
                <div class="cite-options">
                    <fieldset class="widths">
                        <legend>{t(T::CiteWhat)}</legend>
                        {[(false, T::CiteView), (true, T::CiteReport)]
                            .into_iter()
                            .map(|(value, label)| {
                                view! {
                                    <label>
                                        <input
                                            type="radio"
                                            name="cite-what"
                                            value=if value { "report" } else { "view" }
                                            prop:checked=move || report.get() == value
                                            on:change=move |_| report.set(value)
                                        />
                                        {t(label)}
                                    </label>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    <label>
                        {t(T::CiteFormat)}
                        " "
                        <select
                            name="cite-format"
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                if let Some(x) = CiteFormat::ALL.into_iter().find(|x| x.id() == v) {
                                    format.set(x);
                                }
                            }
                        >
                            {CiteFormat::ALL
                                .into_iter()
                                .map(|x| {
                                    view! {
                                        <option value=x.id() prop:selected=move || format.get() == x>
                                            {name(x)}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </label>
                </div>
                <label for="cite-text">{t(T::CiteBodyLabel)}</label>
                <textarea id="cite-text" readonly rows="8" prop:value=move || text.get()></textarea>
                <p class="note">{t(T::CiteFormatsNote)}</p>
                <p class="note">{licence.clone()}</p>
            </div>
            <div class="dialog-actions">
                {copy_button(T::CopyCitation, "cite-text", text)}
                <button
                    type="button"
                    id="cite-download"
                    on:click=move |_| {
                        let (content, file) = cited.get_untracked();
                        export::save(&file, format.get_untracked().file().1, &content);
                    }
                >
                    {move || tf(T::DownloadFormat, &[name(format.get())])}
                </button>
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
