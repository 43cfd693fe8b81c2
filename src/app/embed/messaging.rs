//! The messages between an embed and the page around it: the embed's height and state, sent
//! on load, on every size change and on every state change, to the parent's origin; and the one
//! message it accepts, from its parent only (see the README, "Embedding").

use crate::app::state::ViewState;
use crate::app::url::view_url;
use crate::core::filters::Filters;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};

/// The message type partner pages listen for.
pub const MESSAGE_TYPE: &str = "kz-explorer:embed";
/// The one message an embed acts on, from its parent page only.
pub const SET_STATE: &str = "kz-explorer:set-state";

/// The embedding page's origin, where the browser tells it.
fn parent_origin() -> Option<String> {
    let location = crate::app::dom::window()?.location();
    let ancestors = js_sys::Reflect::get(&location, &"ancestorOrigins".into()).ok();
    let first = ancestors
        .and_then(|a| js_sys::Reflect::get(&a, &0.into()).ok())
        .and_then(|o| o.as_string())
        .filter(|o| o.starts_with("http"));
    first.or_else(|| {
        let referrer = crate::app::dom::document()?.referrer();
        web_sys::Url::new(&referrer)
            .ok()
            .map(|u| u.origin())
            .filter(|o| o.starts_with("http"))
    })
}

/// A plain JS object from fields.
fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

/// Posts the page's height and state to the parent on every size or state change, in
/// Datawrapper's shape and in ours; accepts `set-state` from the parent only.
pub fn start(state: ViewState) {
    let Some(window) = crate::app::dom::window() else {
        return;
    };
    let Some(parent) = window.parent().ok().flatten() else {
        return;
    };
    if parent == window {
        return; // not in a frame
    }
    // To the parent's origin when the page can tell it (the browser's list of ancestor
    // origins, else the referrer); only when it cannot, to any origin ("*"). The messages carry
    // nothing private: the view's query, its address and the frame's height.
    let target = parent_origin().unwrap_or_else(|| "*".to_string());
    let post = {
        let parent = parent.clone();
        move || {
            let Some(root) = crate::app::dom::root() else {
                return;
            };
            let height = root.get_bounding_client_rect().height().ceil();
            let f = state.filters.get_untracked();
            let id = f.embed_id.clone().unwrap_or_else(|| "kz-explorer".into());
            let dw = object(&[(id.as_str(), JsValue::from_f64(height))]);
            let _ = parent.post_message(&object(&[("datawrapper-height", dw)]), &target);
            let ours = object(&[
                ("type", MESSAGE_TYPE.into()),
                ("version", JsValue::from_f64(1.0)),
                ("id", id.as_str().into()),
                ("height", JsValue::from_f64(height)),
                ("state", f.without_embed().to_query().into()),
                ("url", view_url(&f.without_embed()).into()),
            ]);
            let _ = parent.post_message(&ours, &target);
        }
    };
    let on_resize = Closure::<dyn Fn()>::new(post.clone());
    if let (Ok(observer), Some(root)) = (
        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        crate::app::dom::root(),
    ) {
        observer.observe(&root);
        on_resize.forget(); // lives as long as the page
        std::mem::forget(observer);
    }
    Effect::new(move |_| {
        state.filters.track();
        post();
    });
    let handle = window_event_listener(leptos::ev::message, move |ev: web_sys::MessageEvent| {
        // Only the parent page may steer the embed, and only with the documented message.
        // Identity, not `instanceof`: a cross-origin parent is not a `Window` of this realm.
        let from_parent = ev
            .source()
            .is_some_and(|s| js_sys::Object::is(s.as_ref(), parent.as_ref()));
        if !from_parent {
            return;
        }
        let data = ev.data();
        let field = |k: &str| js_sys::Reflect::get(&data, &JsValue::from_str(k)).ok();
        let is_set_state = field("type").and_then(|t| t.as_string()).as_deref() == Some(SET_STATE)
            && field("version").and_then(|v| v.as_f64()) == Some(1.0);
        let query = field("state")
            .and_then(|s| s.as_string())
            .filter(|s| s.len() <= 4096);
        if let (true, Some(q)) = (is_set_state, query) {
            let current = state.filters.get_untracked();
            let mut next = Filters::from_query(&q);
            next.embed = current.embed;
            next.embed_id = current.embed_id;
            next.theme = current.theme;
            state.replace(next);
        }
    });
    std::mem::forget(handle);
}
