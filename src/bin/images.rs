//! The image module: a second wasm, built by Trunk beside the page's (`index.html`, a rust link
//! with `data-type="worker"`) and imported by the page on the first image asked for
//! (`app::images`). It draws on the main thread: plotters measures text through the DOM, so it
//! cannot run in a Web Worker. Its functions are exported here, never from the library, whose
//! exports would land in the page's wasm too.

#[cfg(target_arch = "wasm32")]
mod web {
    use kz_explorer::images::{self, ImageError, Kind, Request};
    use plotters_canvas::CanvasBackend;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;

    thread_local! {
        /// The texts the last image drew, in order.
        static TEXTS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }

    fn js(e: ImageError) -> JsValue {
        js_sys::Error::new(&e.to_string()).into()
    }

    fn read(request: &str) -> Result<Request, JsValue> {
        images::from_json(request).map_err(js)
    }

    fn document() -> Result<web_sys::Document, JsValue> {
        web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| "no document".into())
    }

    /// An SVG document as a file.
    fn svg_blob(req: &Request) -> Result<web_sys::Blob, JsValue> {
        let (svg, texts) = images::svg(req).map_err(js)?;
        TEXTS.with(|t| *t.borrow_mut() = texts);
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type("image/svg+xml");
        web_sys::Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&svg.into()), &opts)
    }

    /// An image of the request (JSON, as the page writes it) as an SVG file.
    #[wasm_bindgen]
    pub fn svg(request: &str) -> Result<web_sys::Blob, JsValue> {
        svg_blob(&read(request)?)
    }

    /// An image of the request as a PNG file: drawn onto a canvas of its size, which encodes
    /// it; a promise of the blob.
    #[wasm_bindgen]
    pub fn png(request: &str) -> Result<js_sys::Promise, JsValue> {
        let req = read(request)?;
        let plan = images::plan(&req).map_err(js)?;
        let canvas: web_sys::HtmlCanvasElement =
            document()?.create_element("canvas")?.dyn_into()?;
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

    /// The print view's stylesheet: carried here, not in the page's, so that no first visit
    /// downloads it.
    const PRINT_CSS: &str = include_str!("../../style/print.css");

    /// Adds the print view's stylesheet to the page, once, and marks the page as printing the
    /// view (`html.print-view`).
    fn print_style(doc: &web_sys::Document) -> Result<(), JsValue> {
        if doc.get_element_by_id("print-style").is_none() {
            let style = doc.create_element("style")?;
            style.set_id("print-style");
            style.set_text_content(Some(PRINT_CSS));
            doc.head().ok_or("no head")?.append_child(&style)?;
        }
        doc.document_element()
            .ok_or("no root")?
            .class_list()
            .add_1("print-view")
    }

    /// Puts the view's filter line and both charts, as SVG images for paper, into the page's
    /// print region (`#print-view`), and prints once both are decoded (so the paper has them).
    #[wasm_bindgen]
    pub fn print(sector: &str, timeline: &str, filter: &str) -> Result<js_sys::Promise, JsValue> {
        let doc = document()?;
        print_style(&doc)?;
        let region = doc
            .get_element_by_id("print-view")
            .ok_or("no print region")?;
        // The last print's images are let go.
        let old = region.query_selector_all("img")?;
        for i in 0..old.length() {
            if let Some(img) = old
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlImageElement>().ok())
            {
                web_sys::Url::revoke_object_url(&img.src())?;
            }
        }
        let line = doc.create_element("p")?;
        line.set_class_name("print-filter");
        line.set_text_content(Some(filter));
        region.replace_children_with_node_1(&line);
        let decoded = js_sys::Array::new();
        for request in [sector, timeline] {
            let req = read(request)?;
            let img = web_sys::HtmlImageElement::new()?;
            img.set_alt(&req.texts.title);
            img.set_src(&web_sys::Url::create_object_url_with_blob(&svg_blob(
                &req,
            )?)?);
            region.append_child(&img)?;
            decoded.push(&img.decode());
        }
        Ok(wasm_bindgen_futures::future_to_promise(async move {
            JsFuture::from(js_sys::Promise::all(&decoded)).await?;
            web_sys::window().ok_or("no window")?.print()?;
            Ok(JsValue::UNDEFINED)
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
