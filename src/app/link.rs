//! Links between views. Each is a plain `?query` link, so it opens in a new tab or window as any
//! link does; a plain click is followed in place, as a new history entry. A link carries only
//! what it changes (`?has=x`, `?from=&to=`), set over whatever the current view is.

use super::state::ViewState;
use wasm_bindgen::JsCast;
use web_sys::MouseEvent;

/// The element at or above an event's target that matches `selector`. (Leptos delegates events
/// to the document, so `currentTarget` is not the element whose handler runs.)
pub fn closest(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}

/// True for a click the app should follow in place: the main button, no modifier key, not
/// already handled.
pub fn plain_click(ev: &MouseEvent) -> bool {
    !(ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.ctrl_key()
        || ev.shift_key()
        || ev.alt_key())
}

/// The click handler of a link that sets `change`'s parameters over the current view.
pub fn merge_on_click(state: ViewState, change: String) -> impl Fn(MouseEvent) + 'static {
    move |ev| {
        if plain_click(&ev) {
            ev.prevent_default();
            state.merge(&change);
        }
    }
}

/// Follows a plain click on a link that opens the activity `id`, in place: the link is
/// remembered, so focus can return to it when the activity closes.
pub fn open_activity(state: ViewState, ev: &MouseEvent, id: &str) {
    if plain_click(ev) {
        ev.prevent_default();
        super::activity_sheet::opening(closest(ev, "a, button"));
        state.merge(&format!("?activity={}", crate::core::filters::encode(id)));
    }
}

/// The click handler of a link that opens an activity (`open_activity`).
pub fn open_on_click(state: ViewState, id: String) -> impl Fn(MouseEvent) + 'static {
    move |ev| open_activity(state, &ev, &id)
}
