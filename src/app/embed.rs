//! Embeds for partner sites: one view of the page with a caption and a link to the full
//! explorer, the messages that size the iframe and report its state, and the one message an
//! embed accepts from its parent.

use super::dialogs::view_url;
use super::{Painted, ViewState, region};
use crate::core::filters::{Embed, Filters};
use crate::core::i18n::T;
use crate::core::model::Dataset;
use crate::core::paint;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};

/// The message type partner pages listen for (see README, "Embedding").
pub const MESSAGE_TYPE: &str = "kz-explorer:embed";
/// The one message an embed acts on, from its parent page only.
pub const SET_STATE: &str = "kz-explorer:set-state";

/// Binds an embed's own regions (its caption and foot, and for one activity its body), and
/// starts messaging the parent page.
pub fn bind(d: Arc<Dataset>, state: ViewState, which: Embed, painted: Painted) {
    let f = state.filters;
    let full = move || view_url(&f.get().without_embed());
    let d1 = d.clone();
    let fresh = Painted {
        adopt: false,
        filters: f,
    };
    region("embed-head", fresh, move || {
        paint::embed_head(&d1, &f.get(), &full())
    });
    let d2 = d.clone();
    region("embed-foot", fresh, move || paint::embed_foot(&d2, &full()));
    if which == Embed::Activity {
        region("embed-body", fresh, move || {
            let f = f.get();
            match f.activity.as_deref().and_then(|id| d.activity(id)) {
                Some(a) => format!(
                    "<h2 class=\"visually-hidden\">{}</h2>{}",
                    paint::th(T::Activity, &[]),
                    paint::detail(&d, a, Some(&view_url(&f.without_embed())))
                ),
                None => format!(
                    "<p class=\"note\" role=\"status\">{}</p>",
                    paint::th(T::NoActivityEmbed, &[])
                ),
            }
        });
    }
    let _ = painted;
    start_messaging(state);
}

/// The embedding page's origin, where the browser tells it.
fn parent_origin() -> Option<String> {
    let location = web_sys::window()?.location();
    let ancestors = js_sys::Reflect::get(&location, &"ancestorOrigins".into()).ok();
    let first = ancestors
        .and_then(|a| js_sys::Reflect::get(&a, &0.into()).ok())
        .and_then(|o| o.as_string())
        .filter(|o| o.starts_with("http"));
    first.or_else(|| {
        let referrer = super::dom::document()?.referrer();
        web_sys::Url::new(&referrer)
            .ok()
            .map(|u| u.origin())
            .filter(|o| o.starts_with("http"))
    })
}

/// Builds a plain JS object from string/number fields.
fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

/// Posts the page's height and state to the parent on every size or state change, in
/// Datawrapper's shape and in ours; accepts `set-state` from the parent only.
fn start_messaging(state: ViewState) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(parent) = window.parent().ok().flatten() else {
        return;
    };
    if parent == window {
        return; // not in a frame
    }
    // Messages go to the parent's origin when the page can tell it (the browser's list of
    // ancestor origins, else the referrer); only when it cannot, to any origin ("*"). They
    // carry nothing private: the view's query, its address and the frame's height.
    let target = parent_origin().unwrap_or_else(|| "*".to_string());
    let post = {
        let parent = parent.clone();
        let target = target.clone();
        move || {
            let Some(root) = super::dom::root() else {
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
        super::dom::root(),
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
