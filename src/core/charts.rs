//! The sector chart as functions: a pure layout (each bar's share of the axis, ticks) that the
//! page's `SectorChart` component shows and the image module draws (`crate::images`).

use super::colour::{Theme, for_theme};
use super::query::SectorRow;
use serde::{Deserialize, Serialize};

/// "Nice" tick values from 0 covering `max` with about `target` steps (1, 2, 5 × 10ⁿ), in
/// integer arithmetic.
pub fn nice_ticks(max: u64, target: u32) -> Vec<u64> {
    let max = max.max(1);
    let target = u64::from(target.max(1));
    let raw = max.div_ceil(target);
    let mut mag = 1u64;
    while mag.saturating_mul(10) <= raw {
        mag *= 10;
    }
    let step = [1, 2, 5, 10]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10 * mag)
        .max(1);
    let top = max.div_ceil(step) * step;
    (0..=top / step).map(|i| i * step).collect()
}

/// One bar of the sector chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bar {
    /// Not sent to the image module, which does not draw it (`core::wire`).
    #[serde(skip)]
    pub sector: String,
    pub name: String,
    pub short: String,
    pub display: String,
    pub colour: String,
    /// Not sent to the image module, which does not draw it (`core::wire`).
    #[serde(skip)]
    pub value: u64,
    /// The bar's length as a share of the axis (0 to 1).
    #[serde(with = "super::wire")]
    pub share: f64,
    pub selected: bool,
}

/// The sector chart, independent of size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectorLayout {
    /// Largest first; ties keep the dataset's order.
    pub bars: Vec<Bar>,
    /// Tick value and its share of the axis.
    #[serde(with = "super::wire")]
    pub ticks: Vec<(u64, f64)>,
    pub any_selected: bool,
}

/// Lays out horizontal bars, largest first.
pub fn sector_layout(rows: &[SectorRow]) -> SectorLayout {
    let mut rows: Vec<&SectorRow> = rows.iter().collect();
    super::order::sort_by(&mut rows, &|a, b| b.value.cmp(&a.value));
    let max = rows.iter().map(|r| r.value).max().unwrap_or(0);
    let ticks = nice_ticks(max, 4);
    let top = (*ticks.last().unwrap_or(&1)).max(1) as f64;
    SectorLayout {
        any_selected: rows.iter().any(|r| r.selected),
        ticks: ticks.iter().map(|t| (*t, *t as f64 / top)).collect(),
        bars: rows
            .iter()
            .map(|r| Bar {
                sector: r.sector.id.clone(),
                name: r.sector.name.clone(),
                short: r.sector.short.clone(),
                display: r.display.clone(),
                colour: r.sector.colour.clone(),
                value: r.value,
                share: r.value as f64 / top,
                selected: r.selected,
            })
            .collect(),
    }
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

/// A share (0 to 1) as a unitless CSS number with four decimals ("0.5400").
pub fn fraction(share: f64) -> String {
    let t = (share.clamp(0.0, 1.0) * 10_000.0).round() as u32;
    format!("{}.{:04}", t / 10_000, t % 10_000)
}

/// The `style` that gives an element a sector's colours for both themes (`--c` light, `--cd`
/// dark; the stylesheet picks one).
pub fn colour_vars(colour: &str) -> String {
    thread_local! {
        /// The palette is a dozen colours painted hundreds of times: work each out once.
        static SEEN: std::cell::RefCell<Vec<(String, String)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    SEEN.with(|seen| {
        if let Some((_, vars)) = seen.borrow().iter().find(|(c, _)| c == colour) {
            return vars.clone();
        }
        let vars = format!(
            "--c:{};--cd:{}",
            for_theme(colour, Theme::Light),
            for_theme(colour, Theme::Dark)
        );
        let mut seen = seen.borrow_mut();
        if seen.len() < 64 {
            seen.push((colour.to_string(), vars.clone()));
        }
        vars
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::filters::Filters;
    use crate::core::query::{Except, by_sector, select};

    fn layout(q: &str) -> SectorLayout {
        let d = crate::core::query::tests::dataset();
        let f = Filters::from_query(q);
        let acts = select(&d, &f, Except::Sectors);
        sector_layout(&by_sector(&d, &acts, &f.measure, &f.sectors))
    }

    #[test]
    fn percentages_and_fractions_are_formatted_without_floats() {
        assert_eq!(percent(1.0, 3.0), "33.333%");
        assert_eq!(percent(30.0, 30.0), "100.000%");
        assert_eq!(percent(0.0, 0.0), "0.000%");
        assert_eq!(percent(-1.0, 8.0), "-12.500%");
        assert_eq!(fraction(0.54), "0.5400");
        assert_eq!(fraction(1.0), "1.0000");
        assert_eq!(fraction(f64::NAN), "0.0000");
    }

    #[test]
    fn ticks_are_nice_and_cover_the_maximum() {
        assert_eq!(nice_ticks(16, 5), vec![0, 5, 10, 15, 20]);
        assert_eq!(nice_ticks(310, 5), vec![0, 100, 200, 300, 400]);
        assert_eq!(nice_ticks(0, 5), vec![0, 1]);
        assert_eq!(nice_ticks(7, 3), vec![0, 5, 10]);
        assert_eq!(*nice_ticks(50_500, 5).last().unwrap(), 60_000);
        assert!(nice_ticks(u64::MAX / 2, 4).len() <= 12);
    }

    #[test]
    fn bars_are_proportional_and_sorted() {
        let l = layout("");
        let d = crate::core::query::tests::dataset();
        assert_eq!(l.bars.len(), d.sectors.len());
        assert!(l.bars.windows(2).all(|w| w[0].value >= w[1].value));
        let top = l.ticks.last().unwrap().0 as f64;
        for b in &l.bars {
            assert!((b.share - b.value as f64 / top).abs() < 1e-12);
            assert!((0.0..=1.0).contains(&b.share));
        }
    }

    #[test]
    fn a_layout_travels_as_json_and_back() {
        let l = layout("?measure=people_trained&sector=media");
        let json = serde_json::to_string(&l).unwrap();
        assert!(
            !json.contains("\"share\":0."),
            "shares are whole millionths"
        );
        let back: SectorLayout = serde_json::from_str(&json).unwrap();
        assert_eq!(back.bars.len(), l.bars.len());
        for (a, b) in back.bars.iter().zip(&l.bars) {
            assert!((a.share - b.share).abs() < 1e-6);
            assert_eq!(
                (&a.name, &a.display, a.selected),
                (&b.name, &b.display, b.selected)
            );
        }
        assert!(back.any_selected);
    }
}
