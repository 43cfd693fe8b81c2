//! The image module, loaded on the first image asked for: its glue and wasm (plotters;
//! `src/bin/images.rs`) are imported from beside the page (by boot.js, for the app), kept for
//! the page's life, and asked for an image of a request as a blob, or to print the view. The first visit never downloads
//! them, and the service worker keeps them once fetched, so images can be made offline after
//! the first.

use super::export::Format;
use crate::core::i18n::{T, f as tf, t};
use crate::images::Request;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// Whether an image has been asked for yet (the first waits for the module).
    static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A JavaScript failure in words.
fn said(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// A request as the module reads it: JSON, written as the JSON exports are
/// (`to_string_pretty`), so the page's wasm carries one JSON writer, not two (0.5 KB gzipped).
fn json(request: &Request) -> JsValue {
    serde_json::to_string_pretty(request)
        .unwrap_or_default()
        .into()
}

/// Calls the module's function `name` with `args`, and waits for what it gives. boot.js lends
/// the call (`kzImages`): it imports and starts the module the first time, as `import()` is
/// syntax the wasm cannot call.
async fn call(name: &str, args: &js_sys::Array) -> Result<JsValue, String> {
    let run = async {
        let w = super::dom::window().ok_or("no window")?;
        let via: js_sys::Function = js_sys::Reflect::get(&w, &"kzImages".into())?.dyn_into()?;
        let made = via.call2(&JsValue::NULL, &name.into(), args)?;
        JsFuture::from(js_sys::Promise::from(made)).await
    };
    run.await.map_err(said)
}

/// Makes `request` into a file in `format` and hands it to `done`; says so on the status line
/// while the module is on its way, and says why if it fails.
pub fn make(
    request: Request,
    format: Format,
    done: impl FnOnce(web_sys::Blob) -> Result<(), JsValue> + 'static,
) {
    let name = if format == Format::Svg { "svg" } else { "png" };
    run(name, js_sys::Array::of1(&json(&request)), move |blob| {
        done(blob.unchecked_into()).map_err(said)
    });
}

/// Has the module draw both charts for paper into the print region (`#print-view`) with the
/// filter line, and print once they are in.
pub fn print(sector: &Request, timeline: &Request, filter: &str) {
    let args = js_sys::Array::of3(&json(sector), &json(timeline), &filter.into());
    run("print", args, |_| Ok(()));
}

/// Runs a call, then `done` with what it gave; the status line says "Making the image…" while
/// the module is on its way, and why a call failed.
fn run(
    name: &'static str,
    args: js_sys::Array,
    done: impl FnOnce(JsValue) -> Result<(), String> + 'static,
) {
    let first = !ASKED.replace(true);
    if first {
        super::dom::set_status(t(T::ImageMaking));
    }
    wasm_bindgen_futures::spawn_local(async move {
        match call(name, &args).await.and_then(done) {
            Ok(()) if first => super::dom::set_status(""),
            Ok(()) => {}
            Err(e) => super::dom::set_status(&tf(T::ImageFailed, &[&e])),
        }
    });
}
