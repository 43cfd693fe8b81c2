//! Chart images people publish, drawn by plotters: the sector chart and the timeline as SVG or
//! PNG, at the width they have on screen, as a social card (1200×630) or for print (A4
//! landscape at 200 dpi), each with its title, filter line, source line and the view's address,
//! in the view's language.
//!
//! Drawn from the same pure layouts the page shows (`core::charts`, `core::timeline`) and a
//! `Request` carrying the texts, so this module needs neither the dataset nor a catalogue. The
//! page builds requests; only the image module (`src/bin/images.rs`, a second wasm loaded on
//! the first image asked for) and the build's social cards (`dataset cards`) draw them, so
//! none of plotters is in the page's own wasm.

mod fonts;
mod frame;
mod paint;
pub mod request;
mod sector;
mod timeline;

pub use fonts::{FAMILY, Kind};
pub use request::{Chart, Legend, Request, Size, Texts};

use frame::{Frame, Type};
use paint::{Measure, Painter};
use plotters::prelude::*;
use std::fmt;

/// Why an image could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageError {
    /// The request is not one (the page and the module are of different builds).
    Request(String),
    /// The font could not be read (natively).
    Font(String),
    /// plotters failed to draw.
    Draw(String),
}

impl fmt::Display for ImageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImageError::Request(e) => write!(f, "not an image request: {e}"),
            ImageError::Font(e) => write!(f, "no font: {e}"),
            ImageError::Draw(e) => write!(f, "drawing failed: {e}"),
        }
    }
}

impl std::error::Error for ImageError {}

/// Reads a request the page wrote.
pub fn from_json(json: &str) -> Result<Request, ImageError> {
    serde_json::from_str(json).map_err(|e| ImageError::Request(e.to_string()))
}

/// An image worked out before it is drawn: its size and scale, its frame's texts wrapped.
pub struct Plan {
    pub width: u32,
    pub height: u32,
    frame: Frame,
    measure: Measure,
}

/// The scale an image starts from: text as on screen, larger on a card and on paper.
fn preferred(size: Size) -> f64 {
    match size {
        Size::Screen(w) if w < 480 => 0.9,
        Size::Screen(_) => 1.0,
        Size::Social => 1.45,
        Size::Print => 2.7,
    }
}

/// The chart's least height and its height as on screen, at scale `t`.
fn body_heights(req: &Request, m: &Measure, t: Type, width: f64) -> (f64, f64) {
    match &req.chart {
        Chart::Sector(l) => sector::heights(l, t),
        Chart::Timeline(l) => timeline::heights(l, &req.texts, m, t, width),
    }
}

/// Works out the image's size and scale: on screen, as tall as the chart is at its width; at a
/// fixed size, the largest scale (from the preferred one down) at which everything fits.
pub fn plan(req: &Request) -> Result<Plan, ImageError> {
    fonts::ready().map_err(ImageError::Font)?;
    let measure = Measure::default();
    let (width, fixed) = req.size.pixels();
    let w = f64::from(width);
    let mut s = preferred(req.size);
    loop {
        let frame = Frame::new(&req.texts, w, Type { s }, &measure);
        let (x0, x1) = frame.inner();
        let (least, natural) = body_heights(req, &measure, frame.t, x1 - x0);
        let needed = frame.head() + frame.foot();
        match fixed {
            None => {
                let height = (needed + natural).ceil() as u32;
                return Ok(Plan {
                    width,
                    height,
                    frame,
                    measure,
                });
            }
            Some(height) if needed + least <= f64::from(height) || s < 0.4 => {
                return Ok(Plan {
                    width,
                    height,
                    frame,
                    measure,
                });
            }
            Some(_) => s *= 0.92,
        }
    }
}

/// Draws the request onto `backend` (of `plan`'s size), returning every text drawn.
pub fn draw<DB: DrawingBackend>(
    backend: DB,
    kind: Kind,
    req: &Request,
    plan: &Plan,
) -> Result<Vec<String>, ImageError> {
    let failed = |e: String| ImageError::Draw(e);
    let area = backend.into_drawing_area();
    area.fill(&WHITE).map_err(|e| failed(e.to_string()))?;
    let mut p = Painter::new(&area, kind);
    let frame = &plan.frame;
    let height = f64::from(plan.height);
    frame.draw(&mut p, height).map_err(failed)?;
    let (x0, x1) = frame.inner();
    let body = (x0, frame.head(), x1, height - frame.foot());
    match &req.chart {
        Chart::Sector(l) => sector::draw(&mut p, l, &req.texts, &plan.measure, frame.t, body),
        Chart::Timeline(l) => timeline::draw(&mut p, l, &req.texts, &plan.measure, frame.t, body),
    }
    .map_err(failed)?;
    let texts = std::mem::take(&mut p.texts);
    drop(p);
    area.present().map_err(|e| failed(e.to_string()))?;
    Ok(texts)
}

/// The image as an SVG document, with its title and a description (the filter, source and
/// address) for screen readers and search, in the view's language; and the texts drawn.
pub fn svg(req: &Request) -> Result<(String, Vec<String>), ImageError> {
    let plan = plan(req)?;
    let mut out = String::new();
    let texts = draw(
        SVGBackend::with_string(&mut out, (plan.width, plan.height)),
        Kind::Svg,
        req,
        &plan,
    )?;
    let t = &req.texts;
    let lang = escape(&t.lang);
    let described = format!(
        "<svg lang=\"{lang}\" xml:lang=\"{lang}\" role=\"img\" font-family=\"{}\" ",
        escape(FAMILY)
    );
    let head = format!(
        "<title>{}</title><desc>{}</desc>",
        escape(&t.title),
        escape(&[t.filter.as_str(), &t.source, &t.url].join(" — "))
    );
    let out = out.replacen("<svg ", &described, 1);
    let out = match out.find('>') {
        Some(end) => format!("{}{head}{}", &out[..=end], &out[end + 1..]),
        None => out,
    };
    Ok((out, texts))
}

/// The image as a PNG file at `path` (natively: the build's social cards).
#[cfg(not(target_arch = "wasm32"))]
pub fn png_file(req: &Request, path: &std::path::Path) -> Result<(u32, u32), ImageError> {
    let plan = plan(req)?;
    draw(
        BitMapBackend::new(path, (plan.width, plan.height)),
        Kind::Raster,
        req,
        &plan,
    )?;
    Ok((plan.width, plan.height))
}

/// Escapes text for SVG content and attribute values.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests;
