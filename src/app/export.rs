//! Downloads of the current view: CSV and JSON of its activities, images of its charts (drawn
//! by the image module, `super::images`), each named for what it holds
//! (`kz2006-trafficking.csv`, `kz2006-trafficking-timeline-social.png`); and copying to the
//! clipboard.

use super::state::Ctx;
use super::url::current_url;
use crate::core::charts::sector_layout;
use crate::core::exports::{to_csv, to_json};
use crate::core::filters::Filters;
use crate::core::i18n::{self, T, f as tf, t};
use crate::core::labels::{caption, file_stem, measure_label};
use crate::core::model::Dataset;
use crate::core::query::{Except, by_sector, select};
use crate::core::timeline::{tick_label, timeline_layout};
use crate::images::{Request, Size, Texts};
use leptos::prelude::GetUntracked;
use wasm_bindgen::{JsCast, JsValue};

/// Which chart an image draws.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Chart {
    Sector,
    Timeline,
}

/// An image's file format.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Format {
    Svg,
    Png,
}

impl Chart {
    /// Its part of a file name, and the id of its panel on the page.
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Chart::Sector => ("sector-chart", "sector-chart"),
            Chart::Timeline => ("timeline", "timeline"),
        }
    }
}

/// What an image of `chart` shows and says for the view `f` (at `url`), at `size`: the chart
/// laid out as the page lays it out, its title, filter line and source in the current
/// language, its axis and legend words. (Natively too: the build's social cards.)
pub fn image_request(d: &Dataset, f: &Filters, chart: Chart, size: Size, url: &str) -> Request {
    let narrow = f.narrowing();
    let (layout, title, ticks) = match chart {
        Chart::Sector => {
            let f = Filters {
                measure: f.measure.clone(),
                ..narrow
            };
            let acts = select(d, &f, Except::Sectors);
            let l = sector_layout(&by_sector(d, &acts, &f.measure, &f.sectors));
            let ticks = l.ticks.iter().map(|(v, _)| i18n::num(*v)).collect();
            let title = tf(T::BySector, &[&measure_label(d, &f.measure)]);
            (crate::images::Chart::Sector(l), title, ticks)
        }
        Chart::Timeline => {
            let acts = select(d, &narrow, Except::Dates);
            let l = timeline_layout(d, &acts, (narrow.from, narrow.to));
            let ticks = l
                .ticks
                .iter()
                .map(|(m, _)| match tick_label(*m, l.scale.first) {
                    (name, Some(year)) => format!("{name}\n{year}"),
                    (name, None) => name.to_string(),
                })
                .collect();
            let title = t(T::TimelineTitle).to_string();
            (crate::images::Chart::Timeline(l), title, ticks)
        }
    };
    let filter = caption(d, f);
    let report = d.reports.first();
    let field = |get: fn(&crate::core::model::Report) -> &str| report.map_or("", get);
    Request {
        chart: layout,
        size,
        texts: Texts {
            lang: i18n::lang().code().to_string(),
            title,
            filter: if filter.is_empty() {
                t(T::ImageNoFilter).to_string()
            } else {
                filter
            },
            source: tf(
                T::ImageSource,
                &[field(|r| &r.publisher), field(|r| &r.title)],
            ),
            url: url.to_string(),
            ticks,
            legend: [
                T::LegendDay,
                T::LegendMonth,
                T::LegendPeriod,
                T::LegendYearOnly,
                T::LegendContext,
                T::LegendCluster,
                T::LegendOutcome,
            ]
            .map(|k| t(k).to_string())
            .to_vec(),
            cluster: t(T::ImageCluster).to_string(),
            outcome_cluster: t(T::ImageOutcomeCluster).to_string(),
        },
    }
}

/// The name a download of an image carries: `kz2006-media-timeline-social.png`.
pub fn image_name(d: &Dataset, f: &Filters, chart: Chart, size: Size, format: Format) -> String {
    format!(
        "{}-{}{}.{}",
        file_stem(d, f),
        chart.names().0,
        size.suffix(),
        if format == Format::Svg { "svg" } else { "png" }
    )
}

/// Saves text as the file `name` (a CSV, a JSON file, a citation), saying in the console why not
/// if it cannot.
pub fn save_text(name: &str, mime: &str, content: &str) {
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let saved = web_sys::Blob::new_with_str_sequence_and_options(
        &js_sys::Array::of1(&JsValue::from_str(content)),
        &opts,
    )
    .and_then(|blob| save(name, &blob));
    if let Err(e) = saved {
        web_sys::console::warn_1(&e);
    }
}

/// Saves a blob as a file through a temporary object URL.
fn save(name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let doc = super::dom::document().ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoked later: the download may still be reading it.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = crate::app::dom::window() {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)?;
    }
    Ok(())
}

/// The view's activities as CSV.
pub fn csv(ctx: &Ctx) {
    let (d, f) = (ctx.d(), ctx.state.filters.get_untracked());
    let (d, stem) = (&*d, file_stem(&d, &f));
    let acts = select(d, &f, Except::Nothing);
    save_text(
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
    save_text(
        &format!("{stem}.json"),
        "application/json",
        &to_json(d, &acts, &current_url()),
    );
}

/// The width a chart has on screen, in CSS pixels (720 where it is not shown).
fn on_screen(chart: Chart) -> u32 {
    super::dom::by_id(chart.names().1)
        .map(|e| e.get_bounding_client_rect().width().round() as u32)
        .filter(|w| *w > 0)
        .unwrap_or(720)
}

/// Makes an image of a chart of the current view (`size` none: as wide as on screen) and saves
/// it; the image module is fetched on the first one.
pub fn chart_image(ctx: &Ctx, chart: Chart, format: Format, size: Option<Size>) {
    let (d, f) = (ctx.d(), ctx.state.filters.get_untracked());
    let size = size.unwrap_or_else(|| Size::Screen(on_screen(chart)));
    let request = image_request(&d, &f, chart, size, &current_url());
    let name = image_name(&d, &f, chart, size, format);
    super::images::make(request, format, move |blob| save(&name, &blob));
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
