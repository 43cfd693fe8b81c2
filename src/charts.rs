//! Charts as functions: a pure layout (geometry in pixels, shared with the hit regions the views
//! put over the chart) and an SVG string drawn with plotters from that layout.

use crate::query::SectorRow;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::fmt;

/// Why a chart could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartError {
    /// The requested size cannot hold the chart.
    TooSmall { width: u32, height: u32 },
    /// The drawing backend failed.
    Draw(String),
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::TooSmall { width, height } => {
                write!(f, "a {width}×{height} chart is too small to draw")
            }
            ChartError::Draw(e) => write!(f, "the chart could not be drawn: {e}"),
        }
    }
}

impl std::error::Error for ChartError {}

/// A pixel rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    /// True when the point is inside.
    pub fn contains(&self, px: f64, py: f64) -> bool {
        px >= self.x && px <= self.x + self.w && py >= self.y && py <= self.y + self.h
    }
}

/// "Nice" tick values from 0 covering `max` with about `target` steps (1, 2, 5 × 10ⁿ).
pub fn nice_ticks(max: u64, target: u32) -> Vec<u64> {
    let max = max.max(1);
    let raw = max as f64 / f64::from(target.max(1));
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag)
        .max(1.0) as u64;
    let top = max.div_ceil(step) * step;
    (0..=top / step).map(|i| i * step).collect()
}

/// A sector bar in pixels, with what it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct BarGeometry {
    pub sector: String,
    pub label: String,
    pub display: String,
    pub colour: String,
    pub value: u64,
    pub selected: bool,
    /// The whole row: the hit region for pointer and focus.
    pub row: Rect,
    pub bar: Rect,
}

/// The sector chart laid out at one size.
#[derive(Debug, Clone, PartialEq)]
pub struct SectorLayout {
    pub width: u32,
    pub height: u32,
    pub bars: Vec<BarGeometry>,
    /// Tick value and its x position.
    pub ticks: Vec<(u64, f64)>,
    pub plot: Rect,
    pub any_selected: bool,
}

const ROW: f64 = 30.0;
const BAR: f64 = 20.0;
const TOP: f64 = 8.0;
const AXIS: f64 = 26.0;

/// Lays out horizontal bars, largest first (ties in the dataset's order), for a given width.
pub fn sector_layout(rows: &[SectorRow], width: u32) -> SectorLayout {
    let mut rows: Vec<&SectorRow> = rows.iter().collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.value));
    let w = f64::from(width.max(1));
    let label_w = (w * 0.34).clamp(96.0, 190.0);
    let value_w = if w < 420.0 { 92.0 } else { 120.0 };
    let plot = Rect {
        x: label_w,
        y: TOP,
        w: (w - label_w - value_w).max(1.0),
        h: ROW * rows.len() as f64,
    };
    let max = rows.iter().map(|r| r.value).max().unwrap_or(0);
    let ticks = nice_ticks(max, if w < 420.0 { 3 } else { 5 });
    let top = (*ticks.last().unwrap_or(&1)).max(1) as f64;
    let x = |v: f64| plot.x + plot.w * v / top;
    let any_selected = rows.iter().any(|r| r.selected);
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let y = plot.y + ROW * i as f64;
            BarGeometry {
                sector: r.sector.id.clone(),
                label: r.sector.short.clone(),
                display: r.display.clone(),
                colour: r.sector.colour.clone(),
                value: r.value,
                selected: r.selected,
                row: Rect {
                    x: 0.0,
                    y,
                    w,
                    h: ROW,
                },
                bar: Rect {
                    x: plot.x,
                    y: y + (ROW - BAR) / 2.0,
                    w: x(r.value as f64) - plot.x,
                    h: BAR,
                },
            }
        })
        .collect();
    SectorLayout {
        width,
        height: (plot.y + plot.h + AXIS).ceil() as u32,
        bars,
        ticks: ticks.iter().map(|t| (*t, x(*t as f64))).collect(),
        plot,
        any_selected,
    }
}

/// Parses `#rrggbb`; anything else is grey (the dataset check rejects it anyway).
pub fn rgb(hex: &str) -> RGBColor {
    let h = hex.trim_start_matches('#');
    let c = |i: usize| {
        h.get(i..i + 2)
            .and_then(|s| u8::from_str_radix(s, 16).ok())
            .unwrap_or(128)
    };
    if h.len() == 6 {
        RGBColor(c(0), c(2), c(4))
    } else {
        RGBColor(128, 128, 128)
    }
}

/// Escapes text for SVG markup we write ourselves (plotters escapes the text it draws).
pub fn svg_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Drawing into a string cannot fail for I/O reasons; the error's detail is not worth the
/// formatting code it would pull into the wasm.
pub(crate) fn draw_err<E>(_: E) -> ChartError {
    ChartError::Draw("the SVG backend refused an element".into())
}

/// `part / whole` as a CSS percentage with three decimals, without float formatting code.
pub fn percent(part: f64, whole: f64) -> String {
    let thousandths = if whole > 0.0 {
        (part / whole * 100_000.0).round() as i64
    } else {
        0
    };
    let sign = if thousandths < 0 { "-" } else { "" };
    let t = thousandths.abs();
    format!("{sign}{}.{:03}%", t / 1000, t % 1000)
}

/// Draws the sector chart as a standalone SVG document.
pub fn render_sector_chart(layout: &SectorLayout, title: &str) -> Result<String, ChartError> {
    if layout.width < 200 || layout.height < 40 {
        return Err(ChartError::TooSmall {
            width: layout.width,
            height: layout.height,
        });
    }
    let ink = RGBColor(0x33, 0x33, 0x33);
    let grid = RGBColor(0xcc, 0xcc, 0xcc);
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (layout.width, layout.height)).into_drawing_area();
        let font =
            |size: u32, anchor: Pos| ("sans-serif", size).into_font().color(&ink).pos(anchor);
        let p = layout.plot;
        for &(value, x) in &layout.ticks {
            let x = x.round() as i32;
            root.draw(&PathElement::new(
                vec![(x, p.y as i32), (x, (p.y + p.h) as i32)],
                grid.stroke_width(1),
            ))
            .map_err(draw_err)?;
            root.draw(&Text::new(
                crate::validate::group_thousands(value),
                (x, (p.y + p.h + 6.0) as i32),
                font(12, Pos::new(HPos::Center, VPos::Top)),
            ))
            .map_err(draw_err)?;
        }
        for b in &layout.bars {
            let faded = layout.any_selected && !b.selected;
            let colour = rgb(&b.colour).mix(if faded { 0.3 } else { 1.0 });
            let r = b.bar;
            if r.w >= 0.5 {
                root.draw(&Rectangle::new(
                    [
                        (r.x.round() as i32, r.y.round() as i32),
                        ((r.x + r.w).round() as i32, (r.y + r.h).round() as i32),
                    ],
                    colour.filled(),
                ))
                .map_err(draw_err)?;
            }
            let cy = (r.y + r.h / 2.0).round() as i32;
            root.draw(&Text::new(
                b.label.as_str(),
                ((p.x - 8.0) as i32, cy),
                font(13, Pos::new(HPos::Right, VPos::Center)),
            ))
            .map_err(draw_err)?;
            root.draw(&Text::new(
                b.display.as_str(),
                ((r.x + r.w + 6.0) as i32, cy),
                font(12, Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(draw_err)?;
        }
        root.present().map_err(draw_err)?;
    }
    Ok(with_title(svg, title))
}

/// Adds an accessible `<title>` and `role="img"` to a plotters SVG.
pub fn with_title(svg: String, title: &str) -> String {
    match svg.find('>') {
        Some(i) if svg.starts_with("<svg") => format!(
            "{} role=\"img\" aria-label=\"{}\"><title>{}</title>{}",
            &svg[..i],
            svg_text(title),
            svg_text(title),
            &svg[i + 1..]
        ),
        _ => svg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filters::{Filters, Measure};
    use crate::query::{Except, by_sector, select};

    #[test]
    fn percentages_are_formatted_without_floats() {
        assert_eq!(percent(1.0, 3.0), "33.333%");
        assert_eq!(percent(30.0, 30.0), "100.000%");
        assert_eq!(percent(0.0, 0.0), "0.000%");
        assert_eq!(percent(-1.0, 8.0), "-12.500%");
    }

    #[test]
    fn ticks_are_nice_and_cover_the_maximum() {
        assert_eq!(nice_ticks(16, 5), vec![0, 5, 10, 15, 20]);
        assert_eq!(nice_ticks(310, 5), vec![0, 100, 200, 300, 400]);
        assert_eq!(nice_ticks(0, 5), vec![0, 1]);
        assert_eq!(nice_ticks(7, 3), vec![0, 5, 10]);
        assert_eq!(*nice_ticks(50_500, 5).last().unwrap(), 60_000);
    }

    #[test]
    fn bars_are_proportional_and_sorted() {
        let d = crate::query::tests::dataset();
        let acts = select(&d, &Filters::default(), Except::Nothing);
        let rows = by_sector(&d, &acts, &Measure::Activities, &[]);
        let l = sector_layout(&rows, 640);
        assert_eq!(l.bars.len(), d.sectors.len());
        assert!(l.bars.windows(2).all(|w| w[0].value >= w[1].value));
        let top = l.ticks.last().unwrap();
        let first = &l.bars[0];
        let expected = l.plot.w * first.value as f64 / top.0 as f64;
        assert!((first.bar.w - expected).abs() < 1e-9);
        assert!(
            l.bars
                .iter()
                .all(|b| b.bar.x + b.bar.w <= l.plot.x + l.plot.w + 1e-9)
        );
        // Rows tile the plot, so every point maps back to one sector.
        assert!(l.bars[1].row.contains(10.0, l.bars[1].row.y + 1.0));
        assert!(!l.bars[0].row.contains(10.0, l.bars[1].row.y + 1.0));
    }

    #[test]
    fn renders_svg_with_a_bar_and_label_per_sector() {
        let d = crate::query::tests::dataset();
        let acts = select(&d, &Filters::default(), Except::Nothing);
        let rows = by_sector(&d, &acts, &Measure::Activities, &[]);
        let svg = render_sector_chart(&sector_layout(&rows, 640), "Activities by sector").unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("<title>Activities by sector</title>"));
        let nonzero = rows.iter().filter(|r| r.value > 0).count();
        assert_eq!(svg.matches("<rect").count(), nonzero);
        for s in &d.sectors {
            assert!(svg.contains(&svg_text(&s.short)), "{}", s.short);
        }
    }

    #[test]
    fn hostile_labels_are_escaped() {
        let mut d = crate::query::tests::dataset();
        d.sectors[0].short = "<script>alert(\"x\")</script>".into();
        let acts = select(&d, &Filters::default(), Except::Nothing);
        let rows = by_sector(&d, &acts, &Measure::Activities, &[]);
        let svg = render_sector_chart(&sector_layout(&rows, 640), "t <b>").unwrap();
        assert!(!svg.contains("<script>"));
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("&lt;script&gt;"));
    }

    #[test]
    fn too_small_is_an_error_not_a_panic() {
        let d = crate::query::tests::dataset();
        let rows = by_sector(&d, &[], &Measure::Activities, &[]);
        let l = sector_layout(&rows, 50);
        assert!(matches!(
            render_sector_chart(&l, "x"),
            Err(ChartError::TooSmall { .. })
        ));
    }
}
