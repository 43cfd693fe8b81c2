//! The timeline's pure core: the month domain, the scale from days to pixels and back, lanes per
//! sector with markers whose shape shows their precision, and the SVG drawn from that layout.

use crate::charts::{ChartError, Rect, draw_err, rgb, with_title};
use crate::filters::Month;
use crate::model::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The months the timeline shows: the report's year, widened to every month or day the data
/// mentions (year-only dates outside it are drawn as running off the edge instead).
pub fn month_domain(d: &Dataset) -> (Month, Month) {
    let year = d.reports.first().map_or(2006, |r| r.year);
    let mut first = Month { year, month: 1 };
    let mut last = Month { year, month: 12 };
    let dated = d
        .events
        .iter()
        .map(|e| e.date)
        .chain(
            d.activities
                .iter()
                .flat_map(|a| std::iter::once(a.time.start).chain(a.time.end)),
        )
        .filter(|p| p.month.is_some());
    for p in dated {
        let m = Month {
            year: p.year,
            month: p.month.unwrap_or(1),
        };
        first = first.min(m);
        last = last.max(m);
    }
    (first, last)
}

/// Maps days to pixels across a month domain, each month the same width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeScale {
    pub first: Month,
    pub months: i32,
    pub x0: f64,
    pub width: f64,
}

impl TimeScale {
    /// Pixels per month.
    pub fn month_width(&self) -> f64 {
        self.width / f64::from(self.months.max(1))
    }

    /// The x of the start of a day (the day's fraction within its month).
    pub fn x(&self, (year, month, day): (i32, u8, u8)) -> f64 {
        let m = Month { year, month };
        let frac = f64::from(day.saturating_sub(1)) / f64::from(days_in_month(year, month));
        self.x0 + (f64::from(m.index() - self.first.index()) + frac) * self.month_width()
    }

    /// The x just after the end of a day.
    pub fn x_end(&self, (year, month, day): (i32, u8, u8)) -> f64 {
        let m = Month { year, month };
        let frac = f64::from(day) / f64::from(days_in_month(year, month));
        self.x0 + (f64::from(m.index() - self.first.index()) + frac) * self.month_width()
    }

    /// The month under an x position, clamped to the domain.
    pub fn month_at(&self, x: f64) -> Month {
        let i = ((x - self.x0) / self.month_width()).floor() as i32;
        Month::from_index(self.first.index() + i.clamp(0, self.months - 1))
    }

    /// The x range of a month.
    pub fn month_span(&self, m: Month) -> (f64, f64) {
        let i = f64::from(m.index() - self.first.index());
        (
            self.x0 + i * self.month_width(),
            self.x0 + (i + 1.0) * self.month_width(),
        )
    }
}

/// How a mark looks, from the precision of what it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkShape {
    /// An exact day: a point.
    Day,
    /// A month without a day: a band spanning the month.
    Month,
    /// A period: a bar from start to end; `clipped_start` when it began before the domain.
    Period { clipped_start: bool },
    /// Activities known only to the year: a faint band across the year, with their count.
    YearOnly,
}

/// One mark on the timeline, in pixels, with what it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub shape: MarkShape,
    pub rect: Rect,
    pub sector: String,
    /// The activity it opens; `None` for a year-only band (it selects its sector).
    pub activity: Option<String>,
    /// Context (what the activity responded to), drawn hollow.
    pub context: bool,
    pub label: String,
    /// When, in words, with its precision.
    pub when: String,
    /// Sort key: the first day it can mean.
    pub first_day: (i32, u8, u8),
}

/// The smallest pointer target, in layout pixels (WCAG 2.2 target size).
pub const MIN_TARGET: f64 = 24.0;

impl Mark {
    /// Where the mark takes pointer and focus: its drawn rectangle grown, about its centre, to at
    /// least `MIN_TARGET` each way.
    pub fn hit(&self) -> Rect {
        let r = self.rect;
        let w = r.w.max(MIN_TARGET);
        let h = r.h.max(MIN_TARGET);
        Rect {
            x: r.x + r.w / 2.0 - w / 2.0,
            y: r.y + r.h / 2.0 - h / 2.0,
            w,
            h,
        }
    }
}

/// One lane per sector with any activity.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub sector: String,
    pub label: String,
    pub colour: String,
    pub rect: Rect,
}

/// The timeline laid out at one width.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineLayout {
    pub width: u32,
    pub height: u32,
    pub scale: TimeScale,
    pub lanes: Vec<Lane>,
    /// Point-like marks in date order (keyboard order), then bands and bars.
    pub marks: Vec<Mark>,
    /// The brushed range, as pixels.
    pub brush: Option<(f64, f64)>,
    /// The month ticks: month, x of its start, and whether it is labelled.
    pub ticks: Vec<(Month, f64, bool)>,
    pub axis_y: f64,
}

const LANE: f64 = 30.0;
const AXIS_H: f64 = 26.0;

/// Lays out the activities (already filtered, dates excepted) and their events.
pub fn timeline_layout(
    d: &Dataset,
    activities: &[&Activity],
    range: (Option<Month>, Option<Month>),
    width: u32,
) -> TimelineLayout {
    let (first, last) = month_domain(d);
    let w = f64::from(width.max(1));
    let label_w = if w < 480.0 { 86.0 } else { 120.0 };
    let months = last.index() - first.index() + 1;
    let scale = TimeScale {
        first,
        months,
        x0: label_w,
        width: (w - label_w - 8.0).max(1.0),
    };
    let ids = crate::query::IdSet::new(activities);
    let lanes_sectors: Vec<&Sector> = d
        .sectors
        .iter()
        .filter(|s| activities.iter().any(|a| a.sector == s.id))
        .collect();
    let lanes: Vec<Lane> = lanes_sectors
        .iter()
        .enumerate()
        .map(|(i, s)| Lane {
            sector: s.id.clone(),
            label: s.short.clone(),
            colour: s.colour.clone(),
            rect: Rect {
                x: 0.0,
                y: AXIS_H + LANE * i as f64,
                w,
                h: LANE,
            },
        })
        .collect();
    let lane_of = |sector: &str| lanes.iter().find(|l| l.sector == sector).map(|l| l.rect);
    let mut points = Vec::new();
    let mut spans = Vec::new();
    let year = d.reports.first().map_or(2006, |r| r.year);
    for lane in &lanes {
        let here: Vec<&&Activity> = activities
            .iter()
            .filter(|a| a.sector == lane.sector)
            .collect();
        let year_only = here
            .iter()
            .filter(|a| a.time.end.is_none() && a.time.start.precision() == Precision::Year)
            .count();
        if year_only > 0 {
            let x0 = scale.x((year, 1, 1));
            let x1 = scale.x_end((year, 12, 31));
            spans.push(Mark {
                shape: MarkShape::YearOnly,
                rect: Rect {
                    x: x0,
                    y: lane.rect.y + 6.0,
                    w: x1 - x0,
                    h: LANE - 12.0,
                },
                sector: lane.sector.clone(),
                activity: None,
                context: false,
                label: format!(
                    "{year_only} {} activit{} dated to {year} only",
                    lane.label,
                    if year_only == 1 { "y" } else { "ies" }
                ),
                when: format!("{year} (year only)"),
                first_day: (year, 1, 1),
            });
        }
    }
    for a in activities {
        let Some(lane) = lane_of(&a.sector) else {
            continue;
        };
        if let Some(end) = a.time.end {
            let start = a.time.start;
            let clipped = (start.year, start.month.unwrap_or(1)) < (first.year, first.month);
            let x0 = if clipped {
                scale.x0
            } else {
                scale.x(start.first_day())
            };
            let x1 = scale.x_end(end.last_day()).min(scale.x0 + scale.width);
            spans.push(Mark {
                shape: MarkShape::Period {
                    clipped_start: clipped,
                },
                rect: Rect {
                    x: x0,
                    y: lane.y + 11.0,
                    w: (x1 - x0).max(2.0),
                    h: 8.0,
                },
                sector: a.sector.clone(),
                activity: Some(a.id.clone()),
                context: false,
                label: a.title.clone(),
                when: format!(
                    "{} to {}{}",
                    start.display(),
                    end.display(),
                    if a.time.basis == TimeBasis::Derived {
                        " (start derived)"
                    } else {
                        ""
                    }
                ),
                first_day: start.first_day(),
            });
        }
    }
    for e in d.events.iter().filter(|e| ids.contains(&e.activity)) {
        let Some(a) = d.activity(&e.activity) else {
            continue;
        };
        let Some(lane) = lane_of(&a.sector) else {
            continue;
        };
        let (shape, rect) = match e.date.precision() {
            Precision::Day => {
                let cx = (scale.x(e.date.first_day()) + scale.x_end(e.date.first_day())) / 2.0;
                (
                    MarkShape::Day,
                    Rect {
                        x: cx - 7.0,
                        y: lane.y + LANE / 2.0 - 7.0,
                        w: 14.0,
                        h: 14.0,
                    },
                )
            }
            _ => {
                let x0 = scale.x(e.date.first_day());
                let x1 = scale.x_end(e.date.last_day());
                (
                    MarkShape::Month,
                    Rect {
                        x: x0 + 1.0,
                        y: lane.y + LANE / 2.0 - 6.0,
                        w: (x1 - x0 - 2.0).max(4.0),
                        h: 12.0,
                    },
                )
            }
        };
        points.push(Mark {
            shape,
            rect,
            sector: a.sector.clone(),
            activity: Some(a.id.clone()),
            context: e.role == EventRole::Context,
            label: e.label.clone(),
            when: match e.date.precision() {
                Precision::Day => e.date.display(),
                _ => format!("{} (month only)", e.date.display()),
            },
            first_day: e.date.first_day(),
        });
    }
    points.sort_by_key(|m| m.first_day);
    let label_every = if scale.month_width() >= 34.0 {
        1
    } else if scale.month_width() >= 17.0 {
        2
    } else {
        3
    };
    let ticks = (0..months)
        .map(|i| {
            let m = Month::from_index(first.index() + i);
            (m, scale.month_span(m).0, i % label_every == 0)
        })
        .collect();
    let brush = match range {
        (None, None) => None,
        (from, to) => {
            let a = scale.month_span(from.unwrap_or(first).max(first)).0;
            let b = scale.month_span(to.unwrap_or(last).min(last)).1;
            Some((a, b.max(a)))
        }
    };
    let height = (AXIS_H + LANE * lanes.len() as f64 + 4.0).ceil() as u32;
    points.extend(spans);
    TimelineLayout {
        width,
        height,
        scale,
        lanes,
        marks: points,
        brush,
        ticks,
        axis_y: AXIS_H,
    }
}

/// The mark under a point, preferring point-like marks over the bands beneath them.
pub fn mark_at(layout: &TimelineLayout, x: f64, y: f64) -> Option<&Mark> {
    layout.marks.iter().find(|m| m.hit().contains(x, y))
}

/// Draws the timeline as a standalone SVG document.
pub fn render_timeline(layout: &TimelineLayout, title: &str) -> Result<String, ChartError> {
    if layout.width < 200 || layout.height < 30 {
        return Err(ChartError::TooSmall {
            width: layout.width,
            height: layout.height,
        });
    }
    let ink = RGBColor(0x33, 0x33, 0x33);
    let grid = RGBColor(0xdd, 0xdd, 0xdd);
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (layout.width, layout.height)).into_drawing_area();
        let font =
            |size: u32, anchor: Pos| ("sans-serif", size).into_font().color(&ink).pos(anchor);
        let bottom = layout.height as i32 - 4;
        if let Some((a, b)) = layout.brush {
            root.draw(&Rectangle::new(
                [(a as i32, layout.axis_y as i32), (b as i32, bottom)],
                RGBColor(0x88, 0x88, 0x88).mix(0.15).filled(),
            ))
            .map_err(draw_err)?;
        }
        for &(m, x, labelled) in &layout.ticks {
            let strong = m.month == 1;
            root.draw(&PathElement::new(
                vec![(x as i32, layout.axis_y as i32 - 4), (x as i32, bottom)],
                if strong {
                    ink.stroke_width(1)
                } else {
                    grid.stroke_width(1)
                },
            ))
            .map_err(draw_err)?;
            if labelled {
                let text = if m.month == 1 || m == layout.scale.first {
                    m.short_label()
                } else {
                    crate::model::month_name(m.month)[..3].to_string()
                };
                root.draw(&Text::new(
                    text,
                    (x as i32 + 3, 4),
                    font(11, Pos::new(HPos::Left, VPos::Top)),
                ))
                .map_err(draw_err)?;
            }
        }
        for lane in &layout.lanes {
            let cy = (lane.rect.y + lane.rect.h / 2.0) as i32;
            root.draw(&Text::new(
                lane.label.as_str(),
                (layout.scale.x0 as i32 - 6, cy),
                font(12, Pos::new(HPos::Right, VPos::Center)),
            ))
            .map_err(draw_err)?;
        }
        // Bands first, so points stay on top.
        for m in layout.marks.iter().rev() {
            let colour = layout
                .lanes
                .iter()
                .find(|l| l.sector == m.sector)
                .map_or(RGBColor(128, 128, 128), |l| rgb(&l.colour));
            let r = m.rect;
            let corners = [
                (r.x.round() as i32, r.y.round() as i32),
                ((r.x + r.w).round() as i32, (r.y + r.h).round() as i32),
            ];
            match m.shape {
                MarkShape::YearOnly => {
                    root.draw(&Rectangle::new(corners, colour.mix(0.18).filled()))
                        .map_err(draw_err)?;
                    root.draw(&Rectangle::new(corners, colour.mix(0.5).stroke_width(1)))
                        .map_err(draw_err)?;
                }
                MarkShape::Period { .. } => {
                    root.draw(&Rectangle::new(corners, colour.mix(0.7).filled()))
                        .map_err(draw_err)?;
                }
                MarkShape::Month => {
                    let style = if m.context {
                        colour.stroke_width(2)
                    } else {
                        colour.mix(0.85).filled()
                    };
                    root.draw(&Rectangle::new(corners, style))
                        .map_err(draw_err)?;
                }
                MarkShape::Day => {
                    let c = ((r.x + r.w / 2.0) as i32, (r.y + r.h / 2.0) as i32);
                    let style = if m.context {
                        colour.stroke_width(2)
                    } else {
                        colour.filled()
                    };
                    root.draw(&Circle::new(c, 6, style)).map_err(draw_err)?;
                    root.draw(&Circle::new(c, 6, ink.stroke_width(1)))
                        .map_err(draw_err)?;
                }
            }
        }
        root.present().map_err(draw_err)?;
    }
    Ok(with_title(svg, title))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filters::Filters;
    use crate::query::{Except, select};

    fn layout(width: u32) -> (Dataset, TimelineLayout) {
        let d = crate::query::tests::dataset();
        let acts = select(&d, &Filters::default(), Except::Dates);
        let l = timeline_layout(&d, &acts, (None, None), width);
        (d, l)
    }

    #[test]
    fn the_domain_is_the_year_widened_to_mentioned_months() {
        let d = crate::query::tests::dataset();
        let (a, b) = month_domain(&d);
        assert_eq!(a, Month::parse("2005-12").unwrap());
        assert_eq!(b, Month::parse("2007-01").unwrap());
    }

    #[test]
    fn the_scale_maps_days_and_back() {
        let (_, l) = layout(800);
        let s = l.scale;
        assert_eq!(s.months, 14);
        let june = Month::parse("2006-06").unwrap();
        let (a, b) = s.month_span(june);
        assert!((b - a - s.month_width()).abs() < 1e-9);
        assert_eq!(s.x((2006, 6, 1)), a);
        assert!((s.x_end((2006, 6, 30)) - b).abs() < 1e-9);
        assert_eq!(s.month_at((a + b) / 2.0), june);
        assert_eq!(s.month_at(-100.0), s.first);
        assert_eq!(s.month_at(1e6), Month::parse("2007-01").unwrap());
    }

    #[test]
    fn precision_decides_the_shape() {
        let (_, l) = layout(800);
        let by_label = |s: &str| l.marks.iter().find(|m| m.label.contains(s)).unwrap();
        let bush = by_label("President Bush meets");
        assert_eq!(bush.shape, MarkShape::Day);
        assert!(bush.rect.w < 20.0);
        let june = by_label("proposed media amendments");
        assert_eq!(june.shape, MarkShape::Month);
        let month_w = l.scale.month_width();
        assert!(
            (june.rect.w - (month_w - 2.0)).abs() < 1e-6,
            "a month-only event spans its month"
        );
        let election = by_label("Presidential election");
        assert!(election.context);
        let civic = l
            .marks
            .iter()
            .find(|m| m.activity.as_deref() == Some("kz2006-a15"))
            .unwrap();
        assert_eq!(
            civic.shape,
            MarkShape::Period {
                clipped_start: true
            }
        );
        let year_only: Vec<&Mark> = l
            .marks
            .iter()
            .filter(|m| m.shape == MarkShape::YearOnly)
            .collect();
        assert!(!year_only.is_empty());
        assert!(
            year_only
                .iter()
                .all(|m| m.activity.is_none() && m.when.contains("year only"))
        );
    }

    #[test]
    fn points_come_first_in_date_order() {
        let (d, l) = layout(800);
        let points: Vec<&Mark> = l
            .marks
            .iter()
            .take_while(|m| matches!(m.shape, MarkShape::Day | MarkShape::Month))
            .collect();
        assert_eq!(points.len(), d.events.len());
        assert!(points.windows(2).all(|w| w[0].first_day <= w[1].first_day));
    }

    #[test]
    fn hit_testing_uses_the_drawn_geometry() {
        let (_, l) = layout(800);
        let bush = l
            .marks
            .iter()
            .find(|m| m.label.contains("President Bush meets"))
            .unwrap();
        let r = bush.rect;
        let hit = mark_at(&l, r.x + r.w / 2.0, r.y + r.h / 2.0).unwrap();
        assert_eq!(hit.activity, bush.activity);
        assert!(mark_at(&l, 1.0, 1.0).is_none());
    }

    #[test]
    fn every_mark_is_a_big_enough_target() {
        let (_, l) = layout(360);
        for m in &l.marks {
            let (h, r) = (m.hit(), m.rect);
            assert!(h.w >= MIN_TARGET && h.h >= MIN_TARGET, "{}", m.label);
            assert!((h.x + h.w / 2.0 - (r.x + r.w / 2.0)).abs() < 1e-9);
        }
    }

    #[test]
    fn renders_a_mark_per_item() {
        let (d, l) = layout(800);
        let svg = render_timeline(&l, "Timeline").unwrap();
        let days = d
            .events
            .iter()
            .filter(|e| e.date.precision() == Precision::Day)
            .count();
        assert_eq!(svg.matches("<circle").count(), days * 2);
        assert!(svg.contains("Dec 2005"));
        assert!(render_timeline(&timeline_layout(&d, &[], (None, None), 100), "t").is_err());
    }

    #[test]
    fn the_brush_covers_the_chosen_months() {
        let d = crate::query::tests::dataset();
        let acts = select(&d, &Filters::default(), Except::Dates);
        let from = Month::parse("2006-03");
        let to = Month::parse("2006-05");
        let l = timeline_layout(&d, &acts, (from, to), 800);
        let (a, b) = l.brush.unwrap();
        assert_eq!(a, l.scale.month_span(from.unwrap()).0);
        assert_eq!(b, l.scale.month_span(to.unwrap()).1);
    }
}
