//! "Cite this view" and "Embed this view": modal dialogs painted into the page (Esc closes them
//! and the browser returns focus to the button that opened them). Their content is painted by
//! the core like every region; the embed dialog's own choices live in `EmbedForm`.

use super::{Painted, ViewState, dom, export, region};
use crate::core::exports::citation;
use crate::core::filters::{Embed, Filters, Theme};
use crate::core::model::Dataset;
use crate::core::paint;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::{JsCast, closure::Closure};

/// The embed dialog's choices (not part of the view's URL: they describe the snippet).
#[derive(Clone, Copy)]
pub struct EmbedForm {
    pub which: RwSignal<Embed>,
    pub theme: RwSignal<Theme>,
    pub width: RwSignal<u32>,
    pub height: RwSignal<u32>,
    /// Whether the embed dialog is open (its regions are painted only then).
    pub open: RwSignal<bool>,
    /// Whether the citation dialog is open.
    pub cite_open: RwSignal<bool>,
}

/// Opens a dialog as modal.
pub fn open(id: &str, form: EmbedForm) {
    if let Some(d) = dom::by_id(id).and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok())
        && !d.open()
    {
        // Painted before it shows: its regions stay empty while it is closed.
        if id == "embed-dialog" {
            form.open.set(true);
        } else {
            form.cite_open.set(true);
        }
        let _ = d.show_modal();
    }
}

/// The absolute URL of a view, resolved against the document base.
pub fn view_url(f: &Filters) -> String {
    let q = f.to_query();
    let base = dom::document()
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

/// Binds both dialogs' regions to the state; returns the embed dialog's choices.
pub fn bind(d: Arc<Dataset>, state: ViewState) -> EmbedForm {
    let f = state.filters;
    let fresh = Painted {
        adopt: false,
        filters: f,
    };
    let form = EmbedForm {
        which: RwSignal::new(Embed::Chart),
        theme: RwSignal::new(Theme::Light),
        width: RwSignal::new(320),
        height: RwSignal::new(480),
        open: RwSignal::new(false),
        cite_open: RwSignal::new(false),
    };
    region("cite-body", fresh, move || {
        if !form.cite_open.get() {
            return String::new();
        }
        f.track();
        paint::cite_body(&citation(&d, &export::current_url()), &d.dataset.licence)
    });
    let open_activity = Memo::new(move |_| state.activity.get().is_some());
    // "One activity" needs an open activity; without one it would embed nothing.
    Effect::new(move |_| {
        if !open_activity.get() && form.which.get_untracked() == Embed::Activity {
            form.which.set(Embed::Chart);
        }
    });
    let src = Memo::new(move |_| {
        let mut g = f.get().without_embed();
        let theme = form.theme.get();
        g.theme = (theme != Theme::Light).then_some(theme);
        g.embed = Some(form.which.get());
        g.embed_id = Some(format!("kz-{}", form.which.get().id()));
        // What the partner sees is what they embed, in its language.
        g.lang = Some(crate::core::i18n::lang());
        view_url(&g)
    });
    region("embed-options", fresh, move || {
        if !form.open.get() {
            return String::new();
        }
        paint::embed_options(
            form.which.get(),
            form.theme.get(),
            form.width.get(),
            open_activity.get(),
        )
    });
    region("embed-snippet", fresh, move || {
        if !form.open.get() {
            return String::new();
        }
        paint::embed_snippet(
            &src.get(),
            form.which.get(),
            form.height.get(),
            &view_url(&Filters::default()),
        )
    });
    region("embed-preview", fresh, move || {
        if form.open.get() {
            paint::embed_preview(&src.get(), form.width.get())
        } else {
            String::new()
        }
    });
    watch_dialogs(form);
    form
}

/// Sizes the preview to the height it reports (like any embed), and notes when the embed
/// dialog closes (the `close` event does not bubble, so it is caught on the way down).
fn watch_dialogs(form: EmbedForm) {
    let Some(w) = web_sys::window() else { return };
    let on_close = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if dom::closest(ev.target(), "#embed-dialog").is_some() {
            form.open.set(false);
        }
        if dom::closest(ev.target(), "#cite-dialog").is_some() {
            form.cite_open.set(false);
        }
    });
    let _ = w.add_event_listener_with_callback_and_bool(
        "close",
        on_close.as_ref().unchecked_ref(),
        true,
    );
    on_close.forget();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let Some(frame) = dom::by_id("embed-frame")
                .and_then(|f| f.dyn_into::<web_sys::HtmlIFrameElement>().ok())
            else {
                return;
            };
            let from_preview = match (ev.source(), frame.content_window()) {
                (Some(s), Some(w)) => js_sys::Object::is(s.as_ref(), w.as_ref()),
                _ => false,
            };
            let data = ev.data();
            let field = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
            if from_preview
                && field("type").and_then(|t| t.as_string()).as_deref() == Some("kz-explorer:embed")
                && let Some(h) = field("height").and_then(|h| h.as_f64())
                && h > 0.0
                && h < 10_000.0
            {
                let h = h.ceil() as u32;
                let _ = frame.set_attribute("style", &format!("height:{h}px"));
                form.height.set(h);
            }
        });
    let _ = w.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}

/// Shows why the data could not be loaded, with a Retry button.
pub fn load_failed(message: &str, retry: impl FnOnce() + 'static) {
    let Some(status) = dom::by_id("status") else {
        return;
    };
    status.set_inner_html(&paint::load_failed(message));
    if let Some(button) = dom::by_id("retry") {
        let cb = Closure::once_into_js(move || {
            dom::set_status("");
            retry();
        });
        let _ = button.add_event_listener_with_callback("click", cb.unchecked_ref());
    }
}
