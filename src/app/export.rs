//! Downloads (CSV, JSON, SVG, PNG) and "cite this view".

use super::ViewState;
use crate::exports::{citation, to_csv, to_json};
use crate::model::Dataset;
use crate::query::{Except, select};
use leptos::prelude::*;
use std::sync::Arc;
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
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(url);
    a.set_download(name);
    a.click();
    Ok(())
}

/// Rasterises an SVG at twice its size on a white background and saves it as PNG.
fn download_png(name: String, svg: &str) -> Result<(), JsValue> {
    let img = web_sys::HtmlImageElement::new()?;
    let src = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(svg))
    );
    let img2 = img.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let draw = || -> Result<(), JsValue> {
            let doc = web_sys::window()
                .and_then(|w| w.document())
                .ok_or("no document")?;
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

/// "Download SVG" and "Download PNG" for a chart.
pub fn download_buttons(name: &'static str, svg: Signal<Option<String>>) -> impl IntoView {
    let save_svg = move |_| {
        if let Some(s) = svg.get_untracked() {
            let _ = download(&format!("{name}.svg"), "image/svg+xml", &s);
        }
    };
    let save_png = move |_| {
        if let Some(s) = svg.get_untracked() {
            let _ = download_png(format!("{name}.png"), &s);
        }
    };
    view! {
        <div class="downloads">
            <button type="button" class="link" on:click=save_svg>"Download SVG"</button>
            <button type="button" class="link" on:click=save_png>"Download PNG"</button>
        </div>
    }
}

/// The current page address.
fn current_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Downloads of the filtered activities, and how to cite this exact view.
#[component]
pub fn CiteAndExport(data: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<ViewState>();
    let (d1, d2, d3) = (data.clone(), data.clone(), data.clone());
    let csv = move |_| {
        let acts = select(&d1, &state.filters.get_untracked(), Except::Nothing);
        let _ = download(
            "activities.csv",
            "text/csv;charset=utf-8",
            &to_csv(&d1, &acts),
        );
    };
    let json = move |_| {
        let acts = select(&d2, &state.filters.get_untracked(), Except::Nothing);
        let _ = download(
            "activities.json",
            "application/json",
            &to_json(&d2, &acts, &current_url()),
        );
    };
    let cite = move || {
        state.filters.track();
        citation(&d3, &current_url())
    };
    view! {
        <section class="cite" aria-labelledby="cite-h">
            <h2 id="cite-h">"Export and cite"</h2>
            <div class="downloads">
                <button type="button" on:click=csv>"Download CSV"</button>
                <button type="button" on:click=json>"Download JSON"</button>
            </div>
            <label for="cite-text">"Cite this view"</label>
            <textarea id="cite-text" readonly rows="4" prop:value=cite></textarea>
            <p class="note">{format!("{} Dataset licence: {}", data.dataset.method, data.dataset.licence)}</p>
        </section>
    }
}
