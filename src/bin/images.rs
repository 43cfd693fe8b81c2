//! The image module: a second wasm, built by Trunk beside the page's (`index.html`, a rust link
//! with `data-type="worker"`) and imported by the page on the first image asked for
//! (`app::images`). It draws on the main thread: plotters measures text through the DOM, so it
//! cannot run in a Web Worker. Its functions are exported here, never from the library, whose
//! exports would land in the page's wasm too.

#[cfg(target_arch = "wasm32")]
mod web {
    use kz_explorer::images::{self, ImageError, Kind};
    use plotters_canvas::CanvasBackend;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;

    thread_local! {
        /// The texts the last image drew, in order.
        static TEXTS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }

    fn js(e: ImageError) -> JsValue {
        js_sys::Error::new(&e.to_string()).into()
    }

    /// An image of the request (JSON, as the page writes it) as an SVG document.
    #[wasm_bindgen]
    pub fn svg(request: &str) -> Result<String, JsValue> {
        let req = images::from_json(request).map_err(js)?;
        let (svg, texts) = images::svg(&req).map_err(js)?;
        TEXTS.with(|t| *t.borrow_mut() = texts);
        Ok(svg)
    }

    /// An image of the request as a PNG: drawn onto a canvas of its size, which encodes it; a
    /// promise of the blob.
    #[wasm_bindgen]
    pub fn png(request: &str) -> Result<js_sys::Promise, JsValue> {
        let req = images::from_json(request).map_err(js)?;
        let plan = images::plan(&req).map_err(js)?;
        let canvas: web_sys::HtmlCanvasElement = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?
            .create_element("canvas")?
            .dyn_into()?;
        canvas.set_width(plan.width);
        canvas.set_height(plan.height);
        let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no 2d canvas")?;
        let texts = images::draw(backend, Kind::Raster, &req, &plan).map_err(js)?;
        TEXTS.with(|t| *t.borrow_mut() = texts);
        Ok(js_sys::Promise::new(&mut |resolve, reject| {
            if let Err(e) = canvas.to_blob_with_type(&resolve, "image/png") {
                let _ = reject.call1(&JsValue::NULL, &e);
            }
        }))
    }

    /// The texts the last image drew, one a line: what it says (for the browser tests, which
    /// read a PNG's words here).
    #[wasm_bindgen]
    pub fn texts() -> String {
        TEXTS.with(|t| t.borrow().join("\n"))
    }
}

fn main() {}
