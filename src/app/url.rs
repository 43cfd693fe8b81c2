//! The address bar: the view's query string written into it just after the view is drawn, and
//! read back on Back and Forward. (A single-route app needs no router: this and `ViewState`
//! replace leptos_router at a fraction of its size, ~12 KB gzip.)

use super::state::ViewState;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;

thread_local! {
    /// The address bar's next entry (query, in place?), written just after the view's paint.
    static PENDING: RefCell<Option<(String, bool)>> = const { RefCell::new(None) };
}

/// Notes the entry for a view being shown, and writes it after the next frame (or after 100 ms
/// if the page paints no frames, as in a hidden tab). Written first, `history.pushState` held
/// every change by 0.7 ms and at times 5–11 ms (Chromium's history bookkeeping, measured
/// in-page at 1×), in front of the paint. Anything that reads the URL writes a pending entry
/// first (`current_query`, `current_url`).
pub fn pending(query: &str, replace: bool) {
    write_pending();
    PENDING.with(|p| *p.borrow_mut() = Some((query.to_string(), replace)));
    if let Some(w) = crate::app::dom::window() {
        let after_frame = Closure::once_into_js(|| super::dom::later(write_pending));
        let _ = w.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&after_frame));
        let fallback = Closure::once_into_js(write_pending);
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
            wasm_bindgen::JsCast::unchecked_ref(&fallback),
            100,
        );
    }
}

/// Writes the pending address-bar entry, if there is one.
pub fn write_pending() {
    if let Some((q, replace)) = PENDING.with(|p| p.borrow_mut().take()) {
        push_query(&q, replace);
    }
}

/// The address bar's query string, with any pending entry written first.
pub fn current_query() -> String {
    write_pending();
    crate::app::dom::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's address (the view a download or citation came from).
pub fn current_url() -> String {
    write_pending();
    crate::app::dom::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Writes a query string into the address bar, as a new history entry or in place.
pub fn push_query(query: &str, replace: bool) {
    let Some(w) = crate::app::dom::window() else {
        return;
    };
    let path = w.location().pathname().unwrap_or_else(|_| "/".into());
    let q = query.trim_start_matches('?');
    let url = if q.is_empty() {
        path
    } else {
        format!("{path}?{q}")
    };
    if let Ok(h) = w.history() {
        let _ = if replace {
            h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// Keeps the view in step with Back and Forward for the page's life.
pub fn follow_history(state: ViewState) {
    let pop = window_event_listener(leptos::ev::popstate, move |_| {
        // Back or Forward within a frame of a change: that change's entry is not written (the
        // browser has moved from the entry before it), and the view follows the address bar.
        PENDING.with(|p| p.borrow_mut().take());
        state.show(&current_query());
    });
    std::mem::forget(pop);
}

/// The absolute address of a view, resolved against the document base.
pub fn view_url(f: &crate::core::filters::Filters) -> String {
    let q = f.to_query();
    let base = super::dom::document()
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let base = base
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_string();
    if q.is_empty() {
        base
    } else {
        format!("{base}?{q}")
    }
}
