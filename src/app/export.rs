//! Downloads of the current view: CSV and JSON of its activities, SVG and PNG of its charts,
//! each named for what it holds (`kz2006-trafficking.csv`).

use crate::core::exports::{to_csv, to_json};
use crate::core::filters::Filters;
use crate::core::model::Dataset;
use crate::core::query::{Except, select};
use wasm_bindgen::{JsCast, JsValue};

/// Saves `content` as a file through a temporary object URL.
fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(
        &js_sys::Array::of1(&JsValue::from_str(content)),
        &opts,
    )?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    save_url(name, &url)?;
    // Revoked later: the download may still be reading it.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)?;
    }
    Ok(())
}

fn save_url(name: &str, url: &str) -> Result<(), JsValue> {
    let doc = super::dom::document().ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(url);
    a.set_download(name);
    a.click();
    Ok(())
}

/// The page's address: the view the download came from.
pub fn current_url() -> String {
    super::write_pending_url();
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The view's activities as CSV.
pub fn csv(d: &Dataset, f: &Filters, stem: &str) {
    let acts = select(d, f, Except::Nothing);
    let _ = download(
        &format!("{stem}.csv"),
        "text/csv;charset=utf-8",
        &to_csv(d, &acts),
    );
}

/// The view's activities as JSON, with their evidence and the citation.
pub fn json(d: &Dataset, f: &Filters, stem: &str) {
    let acts = select(d, f, Except::Nothing);
    let _ = download(
        &format!("{stem}.json"),
        "application/json",
        &to_json(d, &acts, &current_url()),
    );
}

/// A chart as an SVG file.
pub fn svg(stem: &str, svg: &str) {
    let _ = download(&format!("{stem}.svg"), "image/svg+xml", svg);
}

/// A chart as a PNG file: the SVG rasterised at twice its size.
pub fn png(stem: &str, svg: &str) {
    if let Err(e) = download_png(format!("{stem}.png"), svg) {
        web_sys::console::warn_1(&e);
    }
}

fn download_png(name: String, svg: &str) -> Result<(), JsValue> {
    let img = web_sys::HtmlImageElement::new()?;
    let src = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(svg))
    );
    let img2 = img.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let draw = || -> Result<(), JsValue> {
            let doc = super::dom::document().ok_or("no document")?;
            let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
            let (w, h) = (img2.natural_width() * 2, img2.natural_height() * 2);
            canvas.set_width(w);
            canvas.set_height(h);
            let ctx: web_sys::CanvasRenderingContext2d = canvas
                .get_context("2d")?
                .ok_or("no 2d context")?
                .dyn_into()?;
            ctx.set_fill_style_str("#ffffff");
            ctx.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
            ctx.draw_image_with_html_image_element_and_dw_and_dh(
                &img2,
                0.0,
                0.0,
                f64::from(w),
                f64::from(h),
            )?;
            save_url(&name, &canvas.to_data_url()?)
        };
        if let Err(e) = draw() {
            web_sys::console::warn_1(&e);
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&src);
    Ok(())
}

/// Copies text to the clipboard; false where the browser refuses.
pub fn copy(text: &str) -> bool {
    let clipboard = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"navigator".into()).ok())
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined());
    if let Some(c) = clipboard
        && let Ok(write) = js_sys::Reflect::get(&c, &"writeText".into())
        && let Ok(write) = write.dyn_into::<js_sys::Function>()
    {
        return write.call1(&c, &text.into()).is_ok();
    }
    false
}
