//! What every image carries around its chart: the title and the filter line above it, the
//! source line and the view's address below it, set at one scale (`Type`) that the image's
//! size decides.

use super::paint::{Align, Failed, Font, Measure, Painter, rgb};
use super::request::Texts;
use plotters::prelude::{Color, DrawingBackend};

/// Text colour (14.9:1 on white).
pub const INK: &str = "#1b1f24";
/// Secondary text: the filter line, axis labels (9.7:1).
pub const INK2: &str = "#3b4148";
/// The source line (7.4:1).
pub const MUTED: &str = "#4d535a";
/// Grid lines and rules: not data, kept faint.
pub const GRID: &str = "#d5d9de";
/// Every other lane's background.
pub const BAND: &str = "#f3f4f6";

/// The image's type scale: every size and gap is a multiple of `s` (1 on screen).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Type {
    pub s: f64,
}

impl Type {
    /// The title.
    pub fn title(self) -> Font {
        Font {
            px: 21.0 * self.s,
            bold: true,
            colour: rgb(INK),
        }
    }
    /// The filter line.
    pub fn filter(self) -> Font {
        Font {
            px: 14.5 * self.s,
            bold: false,
            colour: rgb(INK2),
        }
    }
    /// Labels in the chart: sectors, figures, the legend and the key.
    pub fn label(self) -> Font {
        Font {
            px: 13.0 * self.s,
            bold: false,
            colour: rgb(INK),
        }
    }
    /// Axis labels.
    pub fn axis(self) -> Font {
        Font {
            px: 11.5 * self.s,
            bold: false,
            colour: rgb(INK2),
        }
    }
    /// The source line and the address.
    pub fn source(self) -> Font {
        Font {
            px: 11.5 * self.s,
            bold: false,
            colour: rgb(MUTED),
        }
    }
    /// The margin around everything.
    pub fn margin(self) -> f64 {
        18.0 * self.s
    }
    /// `n` units of the scale.
    pub fn u(self, n: f64) -> f64 {
        n * self.s
    }
}

/// The distance between two lines of text set in `f`.
pub fn leading(f: Font) -> f64 {
    f.px * 1.32
}

/// The texts around the chart, wrapped to the image's width.
#[derive(Debug, Clone)]
pub struct Frame {
    pub t: Type,
    pub width: f64,
    title: Vec<String>,
    filter: Vec<String>,
    source: Vec<String>,
    url: Vec<String>,
}

impl Frame {
    /// The frame of an image `width` pixels wide at scale `t`.
    pub fn new(texts: &Texts, width: f64, t: Type, m: &Measure) -> Frame {
        let inner = width - 2.0 * t.margin();
        let wrap = |text: &str, font| {
            if text.is_empty() {
                Vec::new()
            } else {
                m.wrap(text, font, inner)
            }
        };
        Frame {
            t,
            width,
            title: wrap(&texts.title, t.title()),
            filter: wrap(&texts.filter, t.filter()),
            source: wrap(&texts.source, t.source()),
            url: wrap(&texts.url, t.source()),
        }
    }

    /// The left and right edges of what is inside the margins.
    pub fn inner(&self) -> (f64, f64) {
        (self.t.margin(), self.width - self.t.margin())
    }

    /// How tall the title and filter line are, gaps included: where the chart starts.
    pub fn head(&self) -> f64 {
        let t = self.t;
        t.margin()
            + leading(t.title()) * self.title.len() as f64
            + t.u(4.0)
            + leading(t.filter()) * self.filter.len() as f64
            + t.u(14.0)
    }

    /// How tall the source and address are, gaps included: the chart ends this far from the
    /// bottom.
    pub fn foot(&self) -> f64 {
        let t = self.t;
        t.u(16.0) + leading(t.source()) * (self.source.len() + self.url.len()) as f64 + t.margin()
    }

    /// Draws the head at the top and the foot at the bottom of an image `height` tall.
    pub fn draw<DB: DrawingBackend>(&self, p: &mut Painter<DB>, height: f64) -> Result<(), Failed> {
        let t = self.t;
        let (x0, x1) = self.inner();
        let mut y = t.margin();
        for (lines, font) in [(&self.title, t.title()), (&self.filter, t.filter())] {
            for line in lines {
                y += leading(font) / 2.0;
                p.text(x0, y, line, font, Align::Left)?;
                y += leading(font) / 2.0;
            }
            y += t.u(4.0);
        }
        let mut y = height - self.foot() + t.u(8.0);
        p.rect(x0, y, x1, y + t.u(1.0).max(1.0), rgb(GRID).to_rgba())?;
        y += t.u(8.0);
        for line in self.source.iter().chain(&self.url) {
            y += leading(t.source()) / 2.0;
            p.text(x0, y, line, t.source(), Align::Left)?;
            y += leading(t.source()) / 2.0;
        }
        Ok(())
    }
}
