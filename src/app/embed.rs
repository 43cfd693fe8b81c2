//! Embeds for partner sites: one view with minimal chrome, the messages that size the iframe and
//! report its state, and the dialog that writes the snippet.

use super::{ViewState, activities, chart, handler, overview, reactive, timeline};
use crate::filters::{Embed, Filters};
use crate::model::Dataset;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};

/// The message type partner pages listen for (see README, "Embedding").
pub const MESSAGE_TYPE: &str = "kz-explorer:embed";
/// The one message an embed acts on, from its parent page only.
pub const SET_STATE: &str = "kz-explorer:set-state";

/// The absolute URL of a view, resolved against the document base.
pub fn view_url(f: &Filters) -> String {
    let q = f.to_query();
    let base = web_sys::window()
        .and_then(|w| w.document())
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

/// One view for a partner page's iframe.
#[component]
pub fn EmbedView(data: Arc<Dataset>, which: Embed) -> impl IntoView {
    let state = expect_context::<ViewState>();
    start_messaging(state);
    let full = move || view_url(&state.filters.get().without_embed());
    let title = data
        .reports
        .first()
        .map(|r| r.title.clone())
        .unwrap_or_default();
    let publisher = data
        .reports
        .first()
        .map(|r| r.publisher.clone())
        .unwrap_or_default();
    let d = data.clone();
    let body = match which {
        Embed::Chart => view! { <chart::SectorChart data=data.clone()/> }.into_any(),
        Embed::Timeline => view! { <timeline::Timeline data=data.clone()/> }.into_any(),
        Embed::Overview => view! { <overview::Overview data=data.clone()/> }.into_any(),
        Embed::Activity => reactive(move || {
            match state.filters.get().activity.and_then(|id| d.activity(&id).cloned()) {
                Some(a) => view! {
                    <h2 class="visually-hidden">"Activity"</h2>
                    <activities::Detail data=d.clone() activity=a embedded=true/>
                }.into_any(),
                None => view! { <p class="note" role="status">"This embed names no activity in the dataset."</p> }.into_any(),
            }
        })
        .into_any(),
    };
    view! {
        <main id="main" class="app embed">
            <h1 class="embed-title"><a href=full target="_blank" rel="noopener">{title}</a></h1>
            {body}
            <p class="embed-foot">
                {format!("Source: {publisher}. ")}
                <a href=full target="_blank" rel="noopener">"Open the full explorer at this view"</a>
            </p>
        </main>
    }
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
    let post = {
        let parent = parent.clone();
        move || {
            let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            let Some(root) = doc.document_element() else {
                return;
            };
            let height = root.get_bounding_client_rect().height().ceil();
            let f = state.filters.get_untracked();
            let id = f.embed_id.clone().unwrap_or_else(|| "kz-explorer".into());
            let dw = object(&[(id.as_str(), JsValue::from_f64(height))]);
            let _ = parent.post_message(&object(&[("datawrapper-height", dw)]), "*");
            let ours = object(&[
                ("type", MESSAGE_TYPE.into()),
                ("version", JsValue::from_f64(1.0)),
                ("id", id.as_str().into()),
                ("height", JsValue::from_f64(height)),
                ("state", f.without_embed().to_query().into()),
                ("url", view_url(&f.without_embed()).into()),
            ]);
            let _ = parent.post_message(&ours, "*");
        }
    };
    let on_resize = Closure::<dyn Fn()>::new(post.clone());
    if let (Ok(observer), Some(root)) = (
        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        window.document().and_then(|d| d.document_element()),
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
            state.replace(next);
        }
    });
    on_cleanup(move || handle.remove());
}

/// "Embed this view": the iframe snippet for the current filters, a copy button and a preview.
#[component]
pub fn EmbedDialog() -> impl IntoView {
    let state = expect_context::<ViewState>();
    let which = RwSignal::new(Embed::Chart);
    let open = RwSignal::new(false);
    let src = Memo::new(move |_| {
        let mut f = state.filters.get().without_embed();
        f.embed = Some(which.get());
        f.embed_id = Some(format!("kz-{}", which.get().id()));
        view_url(&f)
    });
    let snippet = Memo::new(move |_| {
        let origin_base = view_url(&Filters::default());
        format!(
            "<iframe src=\"{}\" title=\"{} — U.S. Record in Kazakhstan, 2006\" loading=\"lazy\" \
             style=\"width:100%;min-width:300px;height:480px;border:0\" \
             sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads\"></iframe>\n\
             <script async src=\"{}embed.js\"></script>",
            src.get().replace('&', "&amp;"),
            which.get().label(),
            origin_base
        )
    });
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let text = snippet.get_untracked();
        let clipboard = web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w, &"navigator".into()).ok())
            .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
            .filter(|c| !c.is_undefined());
        if let Some(c) = clipboard
            && let Ok(write) = js_sys::Reflect::get(&c, &"writeText".into())
            && let Ok(write) = write.dyn_into::<js_sys::Function>()
        {
            let _ = write.call1(&c, &text.into());
            copied.set(true);
        }
    };
    view! {
        <details class="embed-dialog" on:toggle=handler(move |ev| {
            let el: web_sys::HtmlDetailsElement = event_target(&ev);
            open.set(el.open());
        })>
            <summary>"Embed this view on your site"</summary>
            <label>"View "
                <select on:change=handler(move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(e) = Embed::ALL.into_iter().find(|e| e.id() == v) { which.set(e); copied.set(false); }
                })>
                    {Embed::ALL.iter().map(|e| view! { <option value=e.id()>{e.label()}</option> }).collect_view()}
                </select>
            </label>
            <label for="embed-code">"Snippet"</label>
            <textarea id="embed-code" readonly rows="4" prop:value=super::text(move || snippet.get())></textarea>
            <button type="button" on:click=copy>{reactive(move || if copied.get() { "Copied" } else { "Copy snippet" })}</button>
            <p class="note">"The iframe resizes itself with the script; pages already set up for Datawrapper embeds resize it too."</p>
            {reactive(move || open.get().then(|| view! {
                <iframe class="embed-preview" src=src.get() title="Embed preview"
                    sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads"></iframe>
            }))}
        </details>
    }
}
