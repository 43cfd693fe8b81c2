//! What the page asks the image module for: a chart's layout, a size and the texts to put on
//! it, already in the view's language (the module has neither the dataset nor a catalogue).

use crate::core::charts::SectorLayout;
use crate::core::timeline::TimelineLayout;
use serde::{Deserialize, Serialize};

/// One image to draw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub chart: Chart,
    pub size: Size,
    pub texts: Texts,
}

/// The chart, as the page laid it out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Chart {
    Sector(SectorLayout),
    Timeline(TimelineLayout),
}

/// How big the image is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Size {
    /// The chart's width on screen, in CSS pixels; as tall as it needs.
    Screen(u32),
    /// A social card: 1200×630.
    Social,
    /// A4 landscape at 200 dpi: 2339×1654.
    Print,
}

/// The social card's size (Open Graph's and X's large image).
pub const SOCIAL: (u32, u32) = (1200, 630);
/// A4 landscape (297 × 210 mm) at 200 dpi.
pub const PRINT: (u32, u32) = (2339, 1654);
/// The narrowest an image is drawn (a phone's column is about 330 px).
pub const MIN_WIDTH: u32 = 280;
/// The widest an on-screen image is drawn.
pub const MAX_WIDTH: u32 = 2400;

impl Size {
    /// The width, and the height where it is fixed.
    pub fn pixels(self) -> (u32, Option<u32>) {
        match self {
            Size::Screen(w) => (w.clamp(MIN_WIDTH, MAX_WIDTH), None),
            Size::Social => (SOCIAL.0, Some(SOCIAL.1)),
            Size::Print => (PRINT.0, Some(PRINT.1)),
        }
    }

    /// The name a download of this size carries (`kz2006-media-sector-chart-social.png`).
    pub fn suffix(self) -> &'static str {
        match self {
            Size::Screen(_) => "",
            Size::Social => "-social",
            Size::Print => "-print",
        }
    }
}

/// The words on the image, in the view's language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Texts {
    /// BCP 47 code of the view's language (the SVG's `lang`).
    pub lang: String,
    pub title: String,
    /// What the view is filtered to (the chips' words), or that it is not.
    pub filter: String,
    /// "Source: U.S. Department of State, Supporting Human Rights and Democracy: …".
    pub source: String,
    /// The address of the view.
    pub url: String,
    /// The axis's labels, in the layout's tick order; a year under a month after a newline.
    pub ticks: Vec<String>,
    /// The timeline's legend, in `Legend` order.
    pub legend: Vec<String>,
    /// A crowded month's entry in the timeline's key, its count at `{0}` ("dated events: {0}").
    pub cluster: String,
    /// A crowded month's outcomes in the key ("dated outcomes: {0}").
    #[serde(default)]
    pub outcome_cluster: String,
}

/// The timeline legend's entries, in the order `Texts::legend` holds their words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legend {
    Day,
    Month,
    Period,
    YearOnly,
    Context,
    Cluster,
    Outcome,
}

impl Legend {
    /// Every entry, in order.
    pub const ALL: [Legend; 7] = [
        Legend::Day,
        Legend::Month,
        Legend::Period,
        Legend::YearOnly,
        Legend::Context,
        Legend::Cluster,
        Legend::Outcome,
    ];
}
