//! The sector chart as an image: a bar per sector, longest first, each with its name and the
//! figure its table gives; the axis's ticks below. A pressed sector's bar is drawn full and the
//! others faded, outlined in their colour so that every bar keeps 3:1 against the white.

use super::frame::{GRID, INK2, Type, leading};
use super::paint::{Align, Failed, Measure, Painter, rgb};
use super::request::Texts;
use crate::core::charts::SectorLayout;
use crate::core::colour::{Theme, for_theme};
use plotters::prelude::{Color, DrawingBackend};

/// A row's height, in units of the scale: at its least, as on screen, at its most.
const ROW: (f64, f64, f64) = (19.0, 30.0, 52.0);

/// The height the axis's labels take below the bars.
fn axis(t: Type) -> f64 {
    leading(t.axis()) + t.u(6.0)
}

/// The least height the chart can be drawn in at scale `t`, and the height it takes as on
/// screen.
pub fn heights(l: &SectorLayout, t: Type) -> (f64, f64) {
    let n = l.bars.len().max(1) as f64;
    (n * t.u(ROW.0) + axis(t), n * t.u(ROW.1) + axis(t))
}

/// The labels beside the bars: the sectors' names where they fit in two fifths of the width,
/// else their short names.
fn labels(l: &SectorLayout, m: &Measure, t: Type, width: f64) -> (Vec<String>, f64) {
    let f = t.label();
    let widest = |names: &[&str]| {
        names
            .iter()
            .map(|n| m.width(n, f.px, f.bold))
            .fold(0.0, f64::max)
    };
    let names: Vec<&str> = l.bars.iter().map(|b| b.name.as_str()).collect();
    let shorts: Vec<&str> = l.bars.iter().map(|b| b.short.as_str()).collect();
    let room = width * 0.4;
    let chosen = if widest(&names) <= room {
        names
    } else {
        shorts
    };
    let w = widest(&chosen).min(room);
    (chosen.iter().map(|n| m.fit(n, f, w)).collect(), w)
}

/// Draws the chart into the box from (x0, y0) to (x1, y1).
pub fn draw<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    l: &SectorLayout,
    texts: &Texts,
    m: &Measure,
    t: Type,
    (x0, y0, x1, y1): (f64, f64, f64, f64),
) -> Result<(), Failed> {
    let f = t.label();
    let (names, label_w) = labels(l, m, t, x1 - x0);
    let value_w = l
        .bars
        .iter()
        .map(|b| m.width(&b.display, f.px, f.bold))
        .fold(0.0, f64::max);
    let plot0 = x0 + label_w + t.u(10.0);
    let plot1 = (x1 - value_w - t.u(8.0)).max(plot0 + t.u(40.0));
    let n = l.bars.len().max(1) as f64;
    let row = ((y1 - y0 - axis(t)) / n).clamp(t.u(ROW.0), t.u(ROW.2));
    let bottom = y0 + row * l.bars.len() as f64;
    let x_of = |share: f64| plot0 + (plot1 - plot0) * share.clamp(0.0, 1.0);
    let grid = rgb(GRID).to_rgba();
    for (i, (_, share)) in l.ticks.iter().enumerate() {
        let x = x_of(*share);
        p.rect(x, y0, x + t.u(1.0).max(1.0), bottom, grid)?;
        let label = texts.ticks.get(i).map_or("", String::as_str);
        let align = if i + 1 == l.ticks.len() && x + m.width(label, t.axis().px, false) / 2.0 > x1 {
            Align::Right
        } else {
            Align::Centre
        };
        p.text(x, bottom + axis(t) / 2.0 + t.u(2.0), label, t.axis(), align)?;
    }
    for (i, (b, name)) in l.bars.iter().zip(&names).enumerate() {
        let mid = y0 + row * (i as f64 + 0.5);
        let half = row * 0.31;
        let colour = rgb(&for_theme(&b.colour, Theme::Light));
        let end = x_of(b.share);
        if b.share > 0.0 {
            let end = end.max(plot0 + t.u(2.0));
            if l.any_selected && !b.selected {
                let stroke = t.u(1.5).max(1.0);
                p.framed(
                    plot0,
                    mid - half,
                    end,
                    mid + half,
                    colour.to_rgba(),
                    colour.mix(0.28),
                    stroke,
                )?;
            } else {
                p.rect(plot0, mid - half, end, mid + half, colour.to_rgba())?;
            }
        }
        p.text(plot0 - t.u(8.0), mid, name, f, Align::Right)?;
        p.text(end + t.u(6.0), mid, &b.display, f, Align::Left)?;
    }
    // The axis's line, over the bars' starts.
    p.rect(
        plot0 - t.u(1.0).max(1.0),
        y0,
        plot0,
        bottom,
        rgb(INK2).to_rgba(),
    )
}
