//! Downloads of the current view: CSV and JSON of its activities, SVG and PNG of its charts,
//! each named for what it holds (`kz2006-trafficking.csv`); and copying to the clipboard.

use super::state::Ctx;
use super::url::current_url;
use crate::core::charts::{render_sector_chart, sector_layout};
use crate::core::exports::{to_csv, to_json};
use crate::core::i18n::{T, f as tf, t};
use crate::core::labels::{caption, file_stem, measure_label};
use crate::core::query::{Except, by_sector, select};
use crate::core::timeline::{render_timeline, timeline_layout};
use leptos::prelude::GetUntracked;
use wasm_bindgen::{JsCast, JsValue};

/// Which chart a download draws.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    Sector,
    Timeline,
}

/// A chart download's file format.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
}

/// Saves `content` as the file `name` (a citation's), saying in the console why not if it
/// cannot.
pub fn save(name: &str, mime: &str, content: &str) {
    if let Err(e) = download(name, mime, content) {
        web_sys::console::warn_1(&e);
    }
}

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
    if let Some(w) = crate::app::dom::window() {
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

/// The view's activities as CSV.
pub fn csv(ctx: &Ctx) {
    let (d, f) = (ctx.d(), ctx.state.filters.get_untracked());
    let (d, stem) = (&*d, file_stem(&d, &f));
    let acts = select(d, &f, Except::Nothing);
    let _ = download(
        &format!("{stem}.csv"),
        "text/csv;charset=utf-8",
        &to_csv(d, &acts),
    );
}

/// The view's activities as JSON, with their evidence and the citation.
pub fn json(ctx: &Ctx) {
    let (d, f) = (ctx.d(), ctx.state.filters.get_untracked());
    let (d, stem) = (&*d, file_stem(&d, &f));
    let acts = select(d, &f, Except::Nothing);
    let _ = download(
        &format!("{stem}.json"),
        "application/json",
        &to_json(d, &acts, &current_url()),
    );
}

/// A chart of the current view as an SVG file, or a PNG (the SVG rasterised at twice its size).
pub fn chart_image(ctx: &Ctx, chart: Chart, format: Format) {
    let (d, f) = (ctx.d(), ctx.state.filters.get_untracked());
    let with_caption = |title: String| {
        let c = caption(&d, &f);
        if c.is_empty() {
            title
        } else {
            format!("{title} ({c})")
        }
    };
    let svg = match chart {
        Chart::Sector => {
            let acts = select(&d, &f, Except::Sectors);
            let rows = by_sector(&d, &acts, &f.measure, &f.sectors);
            let title = with_caption(tf(T::BySector, &[&measure_label(&d, &f.measure)]));
            render_sector_chart(&sector_layout(&rows), &title, 720)
        }
        Chart::Timeline => {
            let acts = select(&d, &f, Except::Dates);
            let layout = timeline_layout(&d, &acts, (f.from, f.to));
            render_timeline(&layout, &with_caption(t(T::TimelineTitle).to_string()), 960)
        }
    }
    .unwrap_or_default();
    let name = format!(
        "{}-{}",
        file_stem(&d, &f),
        if chart == Chart::Timeline {
            "timeline"
        } else {
            "sector-chart"
        }
    );
    let done = match format {
        Format::Svg => download(&format!("{name}.svg"), "image/svg+xml", &svg),
        Format::Png => download_png(format!("{name}.png"), &svg),
    };
    if let Err(e) = done {
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
    let clipboard = crate::app::dom::window()
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
