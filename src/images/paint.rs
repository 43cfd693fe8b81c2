//! Drawing in pixels over any plotters backend: text set in the images' one family at a size
//! in pixels (measured once a word, wrapped to a width), rectangles, circles and triangles, and
//! a record of every text drawn (what the image says, for its tests and its description).

use super::fonts::{self, FAMILY, Kind};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle, RGBAColor};
use std::cell::RefCell;
use std::collections::HashMap;

/// Text is measured once a word at this size, and scaled (widths grow with the size).
const REF_PX: f64 = 100.0;

/// A `#rrggbb` colour (grey if it is not one).
pub fn rgb(hex: &str) -> RGBColor {
    let [r, g, b] = crate::core::colour::parse(hex).unwrap_or([0x88, 0x88, 0x88]);
    RGBColor(r, g, b)
}

/// How a text is set.
#[derive(Debug, Clone, Copy)]
pub struct Font {
    /// The em, in pixels.
    pub px: f64,
    pub bold: bool,
    pub colour: RGBColor,
}

/// Where a text's x is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
    Right,
}

/// Measures texts in the images' family: each word once, at `REF_PX`.
#[derive(Default)]
pub struct Measure {
    seen: RefCell<HashMap<(String, bool), f64>>,
}

impl Measure {
    /// How wide `text` is set at `px` pixels.
    pub fn width(&self, text: &str, px: f64, bold: bool) -> f64 {
        let space = self.at_ref(" ", bold);
        let words: f64 = text.split(' ').map(|w| self.at_ref(w, bold)).sum();
        let spaces = text.matches(' ').count() as f64 * space;
        (words + spaces) * px / REF_PX
    }

    fn at_ref(&self, word: &str, bold: bool) -> f64 {
        if word.is_empty() {
            return 0.0;
        }
        let key = (word.to_string(), bold);
        if let Some(w) = self.seen.borrow().get(&key) {
            return *w;
        }
        let style = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let font = FontDesc::new(FontFamily::Name(FAMILY), fonts::measure_size(REF_PX), style);
        // A font that cannot measure (none registered) is guessed at: 0.6 em a character.
        let w = font.box_size(word).map_or_else(
            |_| 0.6 * REF_PX * word.chars().count() as f64,
            |(w, _)| f64::from(w),
        );
        self.seen.borrow_mut().insert(key, w);
        w
    }

    /// `text` broken into lines no wider than `max` (at spaces; a word wider than a line is
    /// broken where it must be, as a long address is).
    pub fn wrap(&self, text: &str, font: Font, max: f64) -> Vec<String> {
        let fits = |s: &str| self.width(s, font.px, font.bold) <= max;
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let tried = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if fits(&tried) {
                line = tried;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // The word alone, in pieces if it is wider than a line.
            for c in word.chars() {
                let mut longer = line.clone();
                longer.push(c);
                if !line.is_empty() && !fits(&longer) {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// `text` on one line no wider than `max`, cut with "…" if it must be.
    pub fn fit(&self, text: &str, font: Font, max: f64) -> String {
        if self.width(text, font.px, font.bold) <= max {
            return text.to_string();
        }
        let mut out = String::new();
        for c in text.chars() {
            let mut longer = out.clone();
            longer.push(c);
            longer.push('…');
            if self.width(&longer, font.px, font.bold) > max {
                break;
            }
            out.push(c);
        }
        out.trim_end().to_string() + "…"
    }
}

/// Draws onto one plotters drawing area, in pixels.
pub struct Painter<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    kind: Kind,
    /// Every text drawn, in order.
    pub texts: Vec<String>,
}

/// Why plotters could not draw: its own words.
pub type Failed = String;

fn px(v: f64) -> i32 {
    v.round() as i32
}

impl<'a, DB: DrawingBackend> Painter<'a, DB> {
    /// A painter for `area`, drawn onto a `kind` of backend.
    pub fn new(area: &'a DrawingArea<DB, Shift>, kind: Kind) -> Self {
        Painter {
            area,
            kind,
            texts: Vec::new(),
        }
    }

    /// A line of text whose middle is at `y`.
    pub fn text(
        &mut self,
        x: f64,
        y: f64,
        text: &str,
        font: Font,
        align: Align,
    ) -> Result<(), Failed> {
        if text.is_empty() {
            return Ok(());
        }
        let h = match align {
            Align::Left => HPos::Left,
            Align::Centre => HPos::Center,
            Align::Right => HPos::Right,
        };
        let style = FontDesc::new(
            FontFamily::Name(FAMILY),
            fonts::draw_size(self.kind, font.px),
            if font.bold {
                FontStyle::Bold
            } else {
                FontStyle::Normal
            },
        )
        .color(&font.colour)
        .pos(Pos::new(h, VPos::Center));
        self.texts.push(text.to_string());
        self.area
            .draw_text(text, &style, (px(x), px(y)))
            .map_err(|e| e.to_string())
    }

    /// A filled rectangle from (x0, y0) to (x1, y1).
    pub fn rect(
        &mut self,
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        colour: RGBAColor,
    ) -> Result<(), Failed> {
        let (a, b) = (
            (px(x0), px(y0)),
            (px(x1).max(px(x0) + 1), px(y1).max(px(y0) + 1)),
        );
        self.area
            .draw(&Rectangle::new([a, b], colour.filled()))
            .map_err(|e| e.to_string())
    }

    /// A rectangle outlined `stroke` pixels wide in `line`, filled with `fill` inside.
    #[allow(clippy::too_many_arguments)]
    pub fn framed(
        &mut self,
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        line: RGBAColor,
        fill: RGBAColor,
        stroke: f64,
    ) -> Result<(), Failed> {
        // As two fills, not a stroke: backends stroke differently (a bitmap only 1 px wide).
        self.rect(x0, y0, x1, y1, line)?;
        if x1 - x0 > 2.0 * stroke && y1 - y0 > 2.0 * stroke {
            self.rect(
                x0 + stroke,
                y0 + stroke,
                x1 - stroke,
                y1 - stroke,
                WHITE.to_rgba(),
            )?;
            self.rect(x0 + stroke, y0 + stroke, x1 - stroke, y1 - stroke, fill)?;
        }
        Ok(())
    }

    /// A filled circle.
    pub fn circle(&mut self, x: f64, y: f64, r: f64, colour: RGBAColor) -> Result<(), Failed> {
        let r = r.round().max(1.0) as u32;
        self.area
            .draw(&Circle::new((px(x), px(y)), r, colour.filled()))
            .map_err(|e| e.to_string())
    }

    /// A circle outlined `stroke` pixels wide, white inside (hollow).
    pub fn ring(
        &mut self,
        x: f64,
        y: f64,
        r: f64,
        colour: RGBAColor,
        stroke: f64,
    ) -> Result<(), Failed> {
        self.circle(x, y, r, colour)?;
        self.circle(x, y, (r - stroke).max(1.0), WHITE.to_rgba())
    }

    /// A filled triangle.
    pub fn triangle(&mut self, points: [(f64, f64); 3], colour: RGBAColor) -> Result<(), Failed> {
        let points: Vec<(i32, i32)> = points.iter().map(|(x, y)| (px(*x), px(*y))).collect();
        self.area
            .draw(&Polygon::new(points, colour.filled()))
            .map_err(|e| e.to_string())
    }
}
