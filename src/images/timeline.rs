//! The timeline as an image: a lane per sector (its colour and short name at the left), months
//! along the top, marks shaped by how precisely the report dates them (context hollow), each
//! dated event numbered; below it, a legend of the shapes and a key of the numbered events.

use super::frame::{BAND, GRID, INK, INK2, Type, leading};
use super::paint::{Align, Failed, Font, Measure, Painter, rgb};
use super::request::{Legend, Texts};
use crate::core::colour::{Theme, for_theme};
use crate::core::timeline::{MarkShape, TimelineLayout};
use plotters::prelude::{Color, DrawingBackend, RGBColor, WHITE};

/// A row's height, in units of the scale: at its least, as on screen, at its most.
const ROW: (f64, f64, f64) = (17.0, 26.0, 40.0);

/// The widest a key's column is, in units of the scale.
const KEY_COLUMN: f64 = 330.0;

/// What is drawn around the lanes, measured for a width.
struct Parts {
    /// The lanes' labels, cut to fit, and the label column's width (swatch included).
    names: Vec<String>,
    label_w: f64,
    /// The legend's entries, laid out in lines.
    legend: Vec<Vec<(Legend, String)>>,
    /// The key's columns: each entry's number and lines.
    key: Vec<Vec<(usize, Vec<String>)>>,
    /// Which marks carry a number (the dated events), and that number.
    numbers: Vec<Option<usize>>,
}

fn ticks_h(t: Type) -> f64 {
    2.0 * leading(t.axis()) + t.u(4.0)
}

fn sample_w(t: Type) -> f64 {
    t.u(18.0)
}

fn is_point(shape: MarkShape) -> bool {
    matches!(
        shape,
        MarkShape::Day | MarkShape::Month | MarkShape::Cluster { .. } | MarkShape::Outcome
    )
}

fn parts(l: &TimelineLayout, texts: &Texts, m: &Measure, t: Type, width: f64) -> Parts {
    let f = t.label();
    let swatch = t.u(10.0) + t.u(6.0);
    let room = (width * 0.28 - swatch).max(t.u(40.0));
    let widest = l
        .lanes
        .iter()
        .map(|lane| m.width(&lane.short, f.px, false))
        .fold(0.0, f64::max)
        .min(room);
    let names = l
        .lanes
        .iter()
        .map(|lane| m.fit(&lane.short, f, widest))
        .collect();
    // The legend: the shapes this timeline shows, flowed into lines.
    let shown = |e: Legend| {
        l.marks.iter().any(|mk| match e {
            Legend::Day => mk.shape == MarkShape::Day && !mk.context,
            Legend::Month => mk.shape == MarkShape::Month && !mk.context,
            Legend::Period => matches!(mk.shape, MarkShape::Period { .. }),
            Legend::YearOnly => mk.shape == MarkShape::YearOnly,
            Legend::Context => mk.context,
            Legend::Cluster => matches!(mk.shape, MarkShape::Cluster { .. }),
            Legend::Outcome => mk.shape == MarkShape::Outcome,
        })
    };
    let mut legend: Vec<Vec<(Legend, String)>> = vec![Vec::new()];
    let mut x = 0.0;
    for (i, e) in Legend::ALL.into_iter().enumerate() {
        let Some(words) = texts.legend.get(i).filter(|_| shown(e)) else {
            continue;
        };
        let words = m.fit(words, f, width - sample_w(t) - t.u(6.0));
        let w = sample_w(t) + t.u(6.0) + m.width(&words, f.px, false) + t.u(16.0);
        if x > 0.0 && x + w > width {
            legend.push(Vec::new());
            x = 0.0;
        }
        x += w;
        if let Some(line) = legend.last_mut() {
            line.push((e, words));
        }
    }
    legend.retain(|line| !line.is_empty());
    // The key: every dated event, numbered in date order, in up to three columns.
    let mut numbers = Vec::with_capacity(l.marks.len());
    let mut entries = Vec::new();
    for mk in &l.marks {
        if !is_point(mk.shape) {
            numbers.push(None);
            continue;
        }
        let n = entries.len() + 1;
        numbers.push(Some(n));
        let what = match mk.shape {
            MarkShape::Cluster { count } => {
                let words = if mk.outcome_cluster() {
                    &texts.outcome_cluster
                } else {
                    &texts.cluster
                };
                words.replace("{0}", &count.to_string())
            }
            _ => mk.label.clone(),
        };
        entries.push((n, format!("{} · {what}", mk.when)));
    }
    let columns = ((width / t.u(KEY_COLUMN)).floor() as usize).clamp(1, 3);
    let column_w = (width - t.u(16.0) * (columns - 1) as f64) / columns as f64;
    let text_w = column_w - number_w(m, t);
    let per_column = entries.len().div_ceil(columns).max(1);
    let key = entries
        .chunks(per_column)
        .map(|chunk| {
            chunk
                .iter()
                .map(|(n, text)| (*n, m.wrap(text, f, text_w)))
                .collect()
        })
        .collect();
    Parts {
        names,
        label_w: widest + swatch,
        legend,
        key,
        numbers,
    }
}

/// The room a key entry's number takes.
fn number_w(m: &Measure, t: Type) -> f64 {
    m.width("00", t.label().px, true) + t.u(8.0)
}

fn legend_h(p: &Parts, t: Type) -> f64 {
    if p.legend.is_empty() {
        0.0
    } else {
        t.u(12.0) + p.legend.len() as f64 * leading(t.label()) * 1.15
    }
}

fn key_h(p: &Parts, t: Type) -> f64 {
    let column = |c: &Vec<(usize, Vec<String>)>| {
        c.iter()
            .map(|(_, lines)| lines.len() as f64 * leading(t.label()) + t.u(3.0))
            .sum::<f64>()
    };
    let tallest = p.key.iter().map(column).fold(0.0, f64::max);
    if tallest > 0.0 {
        t.u(10.0) + tallest
    } else {
        0.0
    }
}

/// The least height the timeline can be drawn in at scale `t` and width `width`, and the
/// height it takes as on screen.
pub fn heights(l: &TimelineLayout, texts: &Texts, m: &Measure, t: Type, width: f64) -> (f64, f64) {
    let p = parts(l, texts, m, t, width);
    let rows: u32 = l.lanes.iter().map(|lane| lane.rows.max(1)).sum();
    let around = ticks_h(t) + legend_h(&p, t) + key_h(&p, t);
    let rows = f64::from(rows.max(1));
    (around + rows * t.u(ROW.0), around + rows * t.u(ROW.1))
}

/// Draws the timeline into the box from (x0, y0) to (x1, y1).
pub fn draw<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    l: &TimelineLayout,
    texts: &Texts,
    m: &Measure,
    t: Type,
    (x0, y0, x1, y1): (f64, f64, f64, f64),
) -> Result<(), Failed> {
    let parts = parts(l, texts, m, t, x1 - x0);
    let f = t.label();
    let rows: u32 = l.lanes.iter().map(|lane| lane.rows.max(1)).sum();
    let lanes_h = y1 - y0 - ticks_h(t) - legend_h(&parts, t) - key_h(&parts, t);
    let row = (lanes_h / f64::from(rows.max(1))).clamp(t.u(ROW.0), t.u(ROW.2));
    let (tx0, tx1) = (x0 + parts.label_w + t.u(8.0), x1 - t.u(4.0));
    let x_of = |share: f64| tx0 + (tx1 - tx0) * share.clamp(0.0, 1.0);
    let top = y0 + ticks_h(t);
    let bottom = top + row * f64::from(rows);
    // Lanes: every other one banded, each with its colour and short name.
    let mut lane_top = Vec::with_capacity(l.lanes.len());
    let mut y = top;
    for (i, (lane, name)) in l.lanes.iter().zip(&parts.names).enumerate() {
        lane_top.push(y);
        let h = row * f64::from(lane.rows.max(1));
        if i % 2 == 1 {
            p.rect(x0, y, x1, y + h, rgb(BAND).to_rgba())?;
        }
        let colour = rgb(&for_theme(&lane.colour, Theme::Light));
        let mid = y + row / 2.0;
        let sw = t.u(10.0);
        p.rect(
            x0,
            mid - sw / 2.0,
            x0 + sw,
            mid + sw / 2.0,
            colour.to_rgba(),
        )?;
        p.text(x0 + sw + t.u(6.0), mid, name, f, Align::Left)?;
        y += h;
    }
    // Months: a line at each start (darker at a new year), names where they fit.
    let month_w = (tx1 - tx0) / f64::from(l.scale.months.max(1));
    let name_w = texts
        .ticks
        .iter()
        .map(|s| m.width(s.split('\n').next().unwrap_or(""), t.axis().px, false))
        .fold(0.0, f64::max)
        + t.u(6.0);
    let every = (name_w / month_w).ceil().max(1.0) as usize;
    // A year is written where the last one written ends (so narrow months keep them apart).
    let mut year_end = f64::MIN;
    for (i, (month, share)) in l.ticks.iter().enumerate() {
        let x = x_of(*share);
        let colour = if month.month == 1 { INK2 } else { GRID };
        p.rect(
            x,
            y0 + t.u(2.0),
            x + t.u(1.0).max(1.0),
            bottom,
            rgb(colour).to_rgba(),
        )?;
        let mut lines = texts.ticks.get(i).map_or("", String::as_str).split('\n');
        let (name, year) = (lines.next().unwrap_or(""), lines.next());
        let ty = y0 + leading(t.axis()) / 2.0;
        if i % every == 0 && x + name_w <= x1 + t.u(4.0) {
            p.text(x + t.u(3.0), ty, name, t.axis(), Align::Left)?;
        }
        let year_w = year.map_or(0.0, |y| m.width(y, t.axis().px, false));
        if let Some(year) = year.filter(|_| x > year_end && x + t.u(3.0) + year_w <= x1) {
            p.text(
                x + t.u(3.0),
                ty + leading(t.axis()),
                year,
                t.axis(),
                Align::Left,
            )?;
            year_end = x + t.u(3.0) + year_w + t.u(4.0);
        }
    }
    if let Some((a, b)) = l.brush {
        p.rect(x_of(a), top, x_of(b), bottom, rgb(INK).mix(0.08))?;
    }
    // Bands and bars under the points; each point numbered for the key.
    let stroke = t.u(2.0).max(2.0);
    let mut numbered = Vec::new();
    let layer = |shape: MarkShape| match shape {
        MarkShape::YearOnly => 0,
        MarkShape::Period { .. } => 1,
        _ => 2,
    };
    let mut order: Vec<usize> = (0..l.marks.len()).collect();
    order.sort_by_key(|i| layer(l.marks[*i].shape));
    for i in order {
        let mk = &l.marks[i];
        let (Some(lane), Some(ly)) = (l.lanes.get(mk.lane), lane_top.get(mk.lane)) else {
            continue;
        };
        let colour = rgb(&for_theme(&lane.colour, Theme::Light));
        let solid = colour.to_rgba();
        let cy = ly + row * (f64::from(mk.row) + 0.5);
        let (a, b) = (x_of(mk.x), x_of(mk.x + mk.w));
        let reach = match mk.shape {
            MarkShape::YearOnly => {
                let half = row * 0.36;
                let line = t.u(1.0).max(1.0);
                p.framed(a, cy - half, b, cy + half, solid, colour.mix(0.16), line)?;
                continue;
            }
            MarkShape::Period { clipped_start } => {
                let half = (row * 0.15).max(2.0);
                p.rect(a, cy - half, b.max(a + 2.0), cy + half, solid)?;
                if clipped_start {
                    // An arrowhead at the start: it began before the timeline does.
                    let s = half * 2.2;
                    p.triangle(
                        [(a, cy), (a + s * 1.4, cy - s), (a + s * 1.4, cy + s)],
                        solid,
                    )?;
                }
                continue;
            }
            MarkShape::Month => {
                let half = row * 0.24;
                let (a, b) = (a + t.u(1.0), (b - t.u(1.0)).max(a + t.u(5.0)));
                if mk.context {
                    p.framed(a, cy - half, b, cy + half, solid, WHITE.to_rgba(), stroke)?;
                } else {
                    p.rect(a, cy - half, b, cy + half, solid)?;
                }
                (a, b, half)
            }
            MarkShape::Day => {
                let r = (row * 0.25).max(t.u(4.0));
                if mk.context {
                    p.ring(a, cy, r, solid, stroke)?;
                } else {
                    p.circle(a, cy, r, solid)?;
                }
                (a - r, a + r, r)
            }
            MarkShape::Outcome => {
                let r = (row * 0.3).max(t.u(5.0));
                diamond(p, a, cy, r, solid)?;
                (a - r, a + r, r)
            }
            MarkShape::Cluster { .. } => {
                let r = (row * 0.36).max(t.u(6.0));
                let c = (a + b) / 2.0;
                p.circle(c, cy, r, solid)?;
                p.circle(c, cy, r * 0.45, WHITE.to_rgba())?;
                (c - r, c + r, r)
            }
        };
        if let Some(Some(n)) = parts.numbers.get(i) {
            numbered.push((*n, reach, cy));
        }
    }
    // Numbers last, over every mark.
    let nf = Font {
        px: t.axis().px,
        bold: true,
        colour: rgb(INK),
    };
    for (n, (a, b, r), cy) in numbered {
        let label = n.to_string();
        let w = m.width(&label, nf.px, true);
        let y = cy - r * 0.6;
        if b + t.u(2.0) + w <= x1 {
            p.text(b + t.u(2.0), y, &label, nf, Align::Left)?;
        } else {
            p.text(a - t.u(2.0), y, &label, nf, Align::Right)?;
        }
    }
    // The legend, then the key.
    let mut y = bottom + t.u(12.0);
    for line in &parts.legend {
        let mid = y + leading(f) * 1.15 / 2.0;
        let mut x = x0;
        for (e, words) in line {
            sample(p, *e, x, mid, t)?;
            x += sample_w(t) + t.u(6.0);
            p.text(x, mid, words, f, Align::Left)?;
            x += m.width(words, f.px, false) + t.u(16.0);
        }
        y += leading(f) * 1.15;
    }
    let y = y + if parts.key.is_empty() { 0.0 } else { t.u(10.0) };
    let columns = parts.key.len().max(1);
    let column_w = (x1 - x0 - t.u(16.0) * (columns - 1) as f64) / columns as f64;
    for (c, column) in parts.key.iter().enumerate() {
        let cx = x0 + c as f64 * (column_w + t.u(16.0));
        let mut y = y;
        for (n, lines) in column {
            let mid = y + leading(f) / 2.0;
            p.text(
                cx,
                mid,
                &n.to_string(),
                Font { bold: true, ..f },
                Align::Left,
            )?;
            for (k, line) in lines.iter().enumerate() {
                let ly = mid + leading(f) * k as f64;
                p.text(cx + number_w(m, t), ly, line, f, Align::Left)?;
            }
            y += lines.len() as f64 * leading(f) + t.u(3.0);
        }
    }
    Ok(())
}

/// The legend's sample of a shape, in grey, its middle at y.
fn sample<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    e: Legend,
    x: f64,
    y: f64,
    t: Type,
) -> Result<(), Failed> {
    let grey: RGBColor = rgb(INK2);
    let solid = grey.to_rgba();
    let (w, c) = (sample_w(t), x + sample_w(t) / 2.0);
    let stroke = t.u(2.0).max(2.0);
    match e {
        Legend::Day => p.circle(c, y, t.u(5.0), solid),
        Legend::Month => p.rect(x, y - t.u(4.0), x + w, y + t.u(4.0), solid),
        Legend::Period => p.rect(x, y - t.u(2.5), x + w, y + t.u(2.5), solid),
        Legend::YearOnly => {
            let line = t.u(1.0).max(1.0);
            p.framed(
                x,
                y - t.u(6.0),
                x + w,
                y + t.u(6.0),
                solid,
                grey.mix(0.16),
                line,
            )
        }
        Legend::Context => p.ring(c, y, t.u(6.0), solid, stroke),
        Legend::Cluster => {
            p.circle(c, y, t.u(7.0), solid)?;
            p.circle(c, y, t.u(3.0), WHITE.to_rgba())
        }
        Legend::Outcome => diamond(p, c, y, t.u(6.0), solid),
    }
}

/// An outcome's mark: a diamond of half-diagonal `r` centred on (x, y), as on the page (◆).
fn diamond<DB: DrawingBackend>(
    p: &mut Painter<DB>,
    x: f64,
    y: f64,
    r: f64,
    colour: plotters::style::RGBAColor,
) -> Result<(), Failed> {
    p.triangle([(x - r, y), (x, y - r), (x + r, y)], colour)?;
    p.triangle([(x - r, y), (x, y + r), (x + r, y)], colour)
}
