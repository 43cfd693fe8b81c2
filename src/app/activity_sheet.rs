//! The open activity, in a sheet beside the page (the whole screen on phones): opening it from
//! anywhere brings it into view with focus on its heading; Esc or Close returns focus to
//! whatever opened it. "Show in report" folds it away to the passage, and "Back to the
//! activity" unfolds it.

pub mod detail;

use super::dom;
use super::later::later;
use super::state::{Stage, Ui, use_ctx};
use crate::core::i18n::{T, t};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;

thread_local! {
    /// The control that opened the activity, to return focus to when it closes.
    static OPENER: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
    /// Set by an interaction that opens an activity: its heading takes focus.
    static FOCUS_DETAIL: Cell<bool> = const { Cell::new(false) };
}

/// Remembers what opened an activity and asks for focus to move to it.
pub fn opening(from: Option<web_sys::Element>) {
    OPENER.with(|o| *o.borrow_mut() = from);
    FOCUS_DETAIL.with(|f| f.set(true));
}

/// The sheet, empty and hidden while no activity is open.
#[component]
pub fn ActivitySheet() -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    let open = ctx.state.activity;
    let folded = ctx.ui.sheet_folded;
    let shown =
        Memo::new(move |_| open.with(|o| o.as_ref().is_some_and(|id| d.activity(id).is_some())));
    let d = ctx.d();
    let sheet = NodeRef::<leptos::html::Aside>::new();
    Effect::new(move |was_open: Option<bool>| {
        let now = shown.get();
        open.track();
        folded.set(false);
        ctx.ui.shown_passage.set(None);
        if now {
            if let Some(s) = sheet.get_untracked() {
                s.set_scroll_top(0);
            }
            if FOCUS_DETAIL.with(|f| f.replace(false)) {
                // After the sheet's content is drawn.
                dom::later(|| {
                    if let Some(h) = dom::by_id("detail-h") {
                        dom::focus(&h);
                    }
                });
            }
        } else if was_open == Some(true) {
            return_focus();
        }
        now
    });
    // Wide screens make room for the open sheet (not while it is folded away).
    Effect::new(move |_| {
        let room = shown.get() && !folded.get();
        if let Some(r) = dom::root() {
            let _ = r.class_list().toggle_with_force("sheet-open", room);
        }
    });
    // Esc closes the activity (a dialog's own Esc is the dialog's). Set up in an effect: it
    // belongs to the browser only.
    Effect::new(move |_| {
        let keys = window_event_listener(leptos::ev::keydown, move |ev| {
            let in_dialog = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("dialog").ok().flatten())
                .is_some();
            if ev.key() == "Escape" && !in_dialog && open.get_untracked().is_some() {
                ev.prevent_default();
                ctx.state.update(&|f| f.activity = None);
            }
        });
        on_cleanup(move || keys.remove());
    });
    view! {
        <aside
            id="detail"
            class="detail-sheet"
            class:collapsed=move || folded.get()
            aria-label=t(T::Activity)
            hidden=move || !shown.get()
            node_ref=sheet
        >
            <div id="detail-body">
                {later(
                    ctx,
                    "detail-body",
                    Stage::FirstScreen,
                    true,
                    move || {
                        let d = d.clone();
                        move || {
                            if !shown.get() {
                                return None;
                            }
                            let a = open.get().and_then(|id| d.activity(&id).cloned())?;
                            Some(detail::detail(&d, &a, None))
                        }
                    },
                    || None::<()>,
                )}
            </div>
        </aside>
    }
}

/// Focus back on whatever opened the activity; if the view drew it again since, on its twin.
fn return_focus() {
    let Some(opener) = OPENER.with(|o| o.borrow_mut().take()) else {
        return;
    };
    let again = opener
        .get_attribute("data-activity")
        .filter(|_| !opener.is_connected())
        .and_then(|a| {
            dom::document()?
                .query_selector(&format!(
                    "[data-activity=\"{}\"]",
                    a.replace(['"', '\\'], "")
                ))
                .ok()
                .flatten()
        })
        .unwrap_or(opener);
    dom::focus(&again);
}

/// Folds the sheet away and brings passage `n` of the open activity in the report into view
/// and focus; "Back to the activity" is drawn beside it (`reader`).
pub fn show_in_report(ui: Ui, activity: &str, n: usize) {
    ui.sheet_folded.set(true);
    ui.shown_passage.set(Some((activity.to_string(), n)));
    // Once the page is laid out without the sheet (its text takes the room the sheet had).
    let activity = activity.to_string();
    dom::later(move || {
        let passage = dom::by_id(&format!("cite-{activity}-{n}"))
            .or_else(|| dom::by_id(&format!("cite-{activity}-0")));
        if let Some(p) = passage {
            dom::scroll_to(&p, true);
            dom::focus(&p);
        }
    });
}

/// Unfolds the sheet, its heading focused.
pub fn back_to_activity(ui: Ui) {
    ui.sheet_folded.set(false);
    ui.shown_passage.set(None);
    // Once the sheet is unfolded: its top in view, its heading focused (neither can be done
    // while it is folded away).
    dom::later(move || {
        if let Some(s) = dom::by_id("detail") {
            s.set_scroll_top(0);
        }
        if let Some(h) = dom::by_id("detail-h") {
            dom::focus(&h);
        }
    });
}
