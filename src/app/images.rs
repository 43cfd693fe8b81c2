//! The image module, loaded on the first image asked for: `images.js` and its wasm (plotters;
//! `src/bin/images.rs`) are imported from beside the page, kept for the page's life, and asked
//! for an image of a request as a blob. The first visit never downloads them, and the service
//! worker keeps them once fetched, so images can be made offline after the first.

use super::export::Format;
use crate::core::i18n::{T, f as tf, t};
use crate::images::Request;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The module's script, beside the page's own files (Trunk writes it without a hash).
const MODULE: &str = "images.js";

thread_local! {
    /// The module's exports, once it has been imported and started.
    static LOADED: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// A JavaScript failure in words.
fn said(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// The module's exports: imported and started the first time.
async fn module() -> Result<JsValue, JsValue> {
    if let Some(m) = LOADED.with(|m| m.borrow().clone()) {
        return Ok(m);
    }
    let w = super::dom::window().ok_or("no window")?;
    // `import()` is syntax, not a function the wasm can call: boot.js lends it (`kzImport`).
    let import: js_sys::Function = js_sys::Reflect::get(&w, &"kzImport".into())?.dyn_into()?;
    // Resolved against the document's base, so a build under a sub-path finds it.
    let url = super::load::url_of(MODULE);
    let m = JsFuture::from(js_sys::Promise::from(
        import.call1(&JsValue::NULL, &url.into())?,
    ))
    .await?;
    let start: js_sys::Function = js_sys::Reflect::get(&m, &"default".into())?.dyn_into()?;
    JsFuture::from(js_sys::Promise::from(start.call0(&JsValue::NULL)?)).await?;
    LOADED.with(|l| *l.borrow_mut() = Some(m.clone()));
    Ok(m)
}

/// `request` drawn by the module as a file in `format`.
pub async fn image(request: &Request, format: Format) -> Result<web_sys::Blob, String> {
    // Written as the JSON exports are (`to_string_pretty`), so the page's wasm carries one
    // JSON writer, not two.
    let json = serde_json::to_string_pretty(request).map_err(|e| e.to_string())?;
    let m = module().await.map_err(said)?;
    let call = |name: &str| -> Result<JsValue, JsValue> {
        let f: js_sys::Function = js_sys::Reflect::get(&m, &name.into())?.dyn_into()?;
        f.call1(&JsValue::NULL, &json.as_str().into())
    };
    match format {
        Format::Svg => {
            let svg = call("svg").map_err(said)?;
            let opts = web_sys::BlobPropertyBag::new();
            opts.set_type("image/svg+xml");
            web_sys::Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&svg), &opts)
                .map_err(said)
        }
        Format::Png => {
            let made = call("png").map_err(said)?;
            let blob = JsFuture::from(js_sys::Promise::from(made))
                .await
                .map_err(said)?;
            blob.dyn_into()
                .map_err(|_| "the canvas gave no PNG".to_string())
        }
    }
}

/// Makes `request` into a file in `format` and hands it to `done`; says so on the status line
/// while the module is on its way, and says why if it fails.
pub fn make(
    request: Request,
    format: Format,
    done: impl FnOnce(Result<web_sys::Blob, String>) -> Result<(), String> + 'static,
) {
    let first = LOADED.with(|m| m.borrow().is_none());
    if first {
        super::dom::set_status(t(T::ImageMaking));
    }
    wasm_bindgen_futures::spawn_local(async move {
        let made = image(&request, format).await;
        match done(made) {
            Ok(()) if first => super::dom::set_status(""),
            Ok(()) => {}
            Err(e) => super::dom::set_status(&tf(T::ImageFailed, &[&e])),
        }
    });
}
