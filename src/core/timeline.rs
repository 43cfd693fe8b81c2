//! The timeline's pure core: the month domain, a scale from days to shares of the width (0 to 1)
//! and back, one lane per sector with marks whose shape shows their precision (marks that would
//! cover each other are stacked in rows). The page's `Timeline` component shows the layout, and
//! the image module draws it (`crate::images`).

use super::filters::Month;
use super::i18n::{T, f as tf};
use super::model::*;
use super::order::sort_by;
use super::query::{Day, year_only};
use serde::{Deserialize, Serialize};

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

/// Maps days to shares of the timeline's width, each month the same width.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TimeScale {
    pub first: Month,
    pub months: i32,
}

impl TimeScale {
    /// The share of one month.
    pub fn month_share(&self) -> f64 {
        1.0 / f64::from(self.months.max(1))
    }

    /// Where a day starts (its fraction within its month).
    pub fn x(&self, (year, month, day): Day) -> f64 {
        let m = Month { year, month };
        let frac = f64::from(day.saturating_sub(1)) / f64::from(days_in_month(year, month));
        (f64::from(m.index() - self.first.index()) + frac) * self.month_share()
    }

    /// Where a day ends.
    pub fn x_end(&self, (year, month, day): Day) -> f64 {
        let m = Month { year, month };
        let frac = f64::from(day) / f64::from(days_in_month(year, month));
        (f64::from(m.index() - self.first.index()) + frac) * self.month_share()
    }

    /// The month under a share of the width, clamped to the domain.
    pub fn month_at(&self, x: f64) -> Month {
        let i = if x.is_finite() {
            // Not `f64::clamp`: its check formats floats into the panic message, which keeps
            // float formatting in the wasm (12 KB, 8 KB gzipped); `as i32` saturates anyway.
            (x / self.month_share())
                .floor()
                .max(-1.0)
                .min(f64::from(self.months)) as i32
        } else {
            0
        };
        Month::from_index(self.first.index() + i.clamp(0, self.months - 1))
    }

    /// Where a month starts and ends.
    pub fn month_span(&self, m: Month) -> (f64, f64) {
        let i = f64::from(m.index() - self.first.index());
        (i * self.month_share(), (i + 1.0) * self.month_share())
    }
}

/// How a mark looks, from the precision of what it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MarkShape {
    /// An exact day: a point.
    Day,
    /// A month without a day: a band spanning the month.
    Month,
    /// A period: a bar from start to end; `clipped_start` when it began before the domain.
    Period { clipped_start: bool },
    /// Activities known only to the year: a faint band across the year, with their count.
    YearOnly,
    /// More dated events in one lane and month (or, zoomed in, one day) than can be told apart:
    /// one mark with their count, that zooms in (or lists them).
    Cluster { count: usize },
    /// What came of an activity, where the report dates it to a month or a day: a diamond at
    /// the middle of that day or month.
    Outcome,
}

/// What selecting a mark does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    /// Opens the activity.
    Activity(String),
    /// Filters to the sector (a year-only band).
    Sector(String),
    /// Zooms into the month (a month's cluster).
    Zoom(Month),
    /// Lists the activities of that day (a day's cluster): the date, as typed in the search.
    Day(String),
}

/// One mark, in shares of the width, with what it stands for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    pub shape: MarkShape,
    /// Start and width (0 for a day point).
    #[serde(with = "super::wire")]
    pub x: f64,
    #[serde(with = "super::wire")]
    pub w: f64,
    /// The row within its lane: marks that would cover each other are stacked.
    pub row: u32,
    pub lane: usize,
    /// Not sent to the image module, which does not draw it (`core::wire`).
    #[serde(skip)]
    pub sector: String,
    /// Not sent to the image module, which draws no links (`core::wire`).
    #[serde(skip, default = "no_target")]
    pub target: Target,
    /// Stays the same for the same mark across views (events by id), so the page can keep
    /// its element.
    pub key: String,
    /// Context (what the activity responded to), drawn hollow.
    pub context: bool,
    pub label: String,
    /// When, in words, with its precision.
    pub when: String,
    /// Sort key: the first day it can mean.
    /// Not sent to the image module, which does not draw it (`core::wire`).
    #[serde(skip)]
    pub first_day: Day,
}

/// The target a mark read back from the wire has: none that means anything (see `Mark::target`).
fn no_target() -> Target {
    Target::Sector(String::new())
}

impl Mark {
    /// The activity it opens, if it opens one.
    pub fn activity(&self) -> Option<&str> {
        match &self.target {
            Target::Activity(a) => Some(a),
            _ => None,
        }
    }

    /// True for a cluster of outcomes (not of events): its key says so (`clusters`).
    pub fn outcome_cluster(&self) -> bool {
        self.key.starts_with(OUTCOME_CLUSTER)
    }
}

/// How the key of a cluster of outcomes starts (an events cluster's starts `c-`).
const OUTCOME_CLUSTER: &str = "co-";

/// One lane per sector with any activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lane {
    /// Not sent to the image module, which does not draw it (`core::wire`).
    #[serde(skip)]
    pub sector: String,
    pub short: String,
    /// Not sent to the image module, which does not draw it (`core::wire`).
    #[serde(skip)]
    pub name: String,
    pub colour: String,
    /// How many rows of stacked marks it needs (at least 1).
    pub rows: u32,
}

/// The timeline, independent of size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineLayout {
    pub scale: TimeScale,
    pub lanes: Vec<Lane>,
    /// Point-like marks in date order (the keyboard's order), then outcomes in date order, then
    /// bands and bars.
    pub marks: Vec<Mark>,
    /// The chosen month range, as shares (none when the timeline is zoomed into it).
    #[serde(with = "super::wire")]
    pub brush: Option<(f64, f64)>,
    /// Every month: its start as a share.
    #[serde(with = "super::wire")]
    pub ticks: Vec<(Month, f64)>,
    /// True when the timeline shows only the chosen months.
    /// Not sent to the image module, which does not draw it (`core::wire`).
    #[serde(skip)]
    pub zoomed: bool,
}

/// How far apart, in days, two points in a lane must be not to share a row: a point takes a
/// 24 px target, and the timeline is never drawn narrower than about 30 px a month.
const POINT_DAYS: f64 = 12.0;

/// The most points one lane shows in one month (or, zoomed in, one day) before they become
/// one cluster: two stack; more would make the lane tall and the marks unreadable.
pub const MAX_STACK: usize = 2;

/// Zoomed into at most this many months, clusters are by day instead of by month.
const DAY_BUCKETS_UP_TO: i32 = 6;

/// Lays out the activities (already filtered, dates excepted) and their events. With both ends
/// of a month range, the timeline zooms into it.
pub fn timeline_layout(
    d: &Dataset,
    activities: &[&Activity],
    range: (Option<Month>, Option<Month>),
) -> TimelineLayout {
    let (mut first, mut last) = month_domain(d);
    let zoomed = matches!(range, (Some(a), Some(b)) if a <= b && (a, b) != (first, last));
    if let (true, Some(a), Some(b)) = (zoomed, range.0, range.1) {
        (first, last) = (a, b);
    }
    let months = last.index() - first.index() + 1;
    let scale = TimeScale { first, months };
    let (lo, hi) = ((first.year, first.month, 1), {
        (last.year, last.month, days_in_month(last.year, last.month))
    });
    let by_id = super::query::ById::new(activities);
    let mut lanes: Vec<Lane> = d
        .sectors
        .iter()
        .filter(|s| activities.iter().any(|a| a.sector == s.id))
        .map(|s| Lane {
            sector: s.id.clone(),
            short: s.short.clone(),
            name: s.name.clone(),
            colour: s.colour.clone(),
            rows: 1,
        })
        .collect();
    let lane_of = |sector: &str| lanes.iter().position(|l| l.sector == sector);
    let year = d.reports.first().map_or(2006, |r| r.year);
    let mut points = Vec::new();
    let mut spans = Vec::new();
    for (i, lane) in lanes.iter().enumerate() {
        let n = activities
            .iter()
            .filter(|a| a.sector == lane.sector && year_only(a))
            .count();
        let x0 = scale.x((year, 1, 1)).max(0.0);
        let x1 = scale.x_end((year, 12, 31)).min(1.0);
        if n > 0 && x1 > x0 {
            spans.push(Mark {
                shape: MarkShape::YearOnly,
                x: x0,
                w: x1 - x0,
                row: 0,
                lane: i,
                sector: lane.sector.clone(),
                target: Target::Sector(lane.sector.clone()),
                key: format!("y-{}", lane.sector),
                context: false,
                label: tf(
                    T::YearOnlyBand,
                    &[&lane.short, &n.to_string(), &year.to_string()],
                ),
                when: tf(T::YearOnlyWhen, &[&year.to_string()]),
                first_day: (year, 1, 1),
            });
        }
    }
    for a in activities {
        let (Some(lane), Some(end)) = (lane_of(&a.sector), a.time.end) else {
            continue;
        };
        let start = a.time.start;
        if end.last_day() < lo || start.first_day() > hi {
            continue;
        }
        let clipped = start.first_day() < lo;
        let x0 = scale.x(start.first_day()).clamp(0.0, 1.0);
        let x1 = scale.x_end(end.last_day()).clamp(0.0, 1.0);
        spans.push(Mark {
            shape: MarkShape::Period {
                clipped_start: clipped,
            },
            x: x0,
            w: (x1 - x0).max(0.0),
            row: 0,
            lane,
            sector: a.sector.clone(),
            target: Target::Activity(a.id.clone()),
            key: format!("p-{}", a.id),
            context: false,
            label: a.title.clone(),
            when: {
                let span = tf(T::PeriodTo, &[&start.display(), &end.display()]);
                if a.time.basis == TimeBasis::Derived {
                    tf(T::StartDerived, &[&span])
                } else {
                    span
                }
            },
            first_day: start.first_day(),
        });
    }
    for e in &d.events {
        let Some(a) = by_id.get(&e.activity) else {
            continue;
        };
        let Some(lane) = lane_of(&a.sector) else {
            continue;
        };
        if e.date.last_day() < lo || e.date.first_day() > hi {
            continue;
        }
        let day = e.date.precision() == Precision::Day;
        let x = scale.x(e.date.first_day());
        points.push(Mark {
            shape: if day {
                MarkShape::Day
            } else {
                MarkShape::Month
            },
            x: if day {
                (x + scale.x_end(e.date.first_day())) / 2.0
            } else {
                x
            },
            w: if day {
                0.0
            } else {
                scale.x_end(e.date.last_day()) - x
            },
            row: 0,
            lane,
            sector: a.sector.clone(),
            target: Target::Activity(a.id.clone()),
            key: e.id.clone(),
            context: e.role == EventRole::Context,
            label: e.label.clone(),
            when: if day {
                e.date.display()
            } else {
                tf(T::MonthOnly, &[&e.date.display()])
            },
            first_day: e.date.first_day(),
        });
    }
    let mut points = clusters(points, scale, &lanes, false);
    sort_by(&mut points, &|a, b| a.first_day.cmp(&b.first_day));
    // Outcomes the report dates to a month or a day, after the events (stacked after them, so
    // they never cover one); a year-only outcome is no point in time.
    let mut outcomes = Vec::new();
    for o in &d.outcomes {
        let date = o.time.start;
        let Some((a, lane)) = o
            .activities
            .iter()
            .filter_map(|id| by_id.get(id))
            .find_map(|a| lane_of(&a.sector).map(|l| (a, l)))
        else {
            continue;
        };
        if o.time.end.is_some()
            || date.precision() == Precision::Year
            || date.last_day() < lo
            || date.first_day() > hi
        {
            continue;
        }
        outcomes.push(Mark {
            shape: MarkShape::Outcome,
            x: (scale.x(date.first_day()) + scale.x_end(date.last_day())) / 2.0,
            w: 0.0,
            row: 0,
            lane,
            sector: a.sector.clone(),
            target: Target::Activity(a.id.clone()),
            key: o.id.clone(),
            context: false,
            label: tf(T::OutcomeMark, &[&o.text]),
            when: if date.precision() == Precision::Day {
                date.display()
            } else {
                tf(T::MonthOnly, &[&date.display()])
            },
            first_day: date.first_day(),
        });
    }
    // Crowded outcomes cluster as events do (a hundred reports' worth of data put a hundred
    // in one month of one lane: a hundred rows).
    let mut outcomes = clusters(outcomes, scale, &lanes, true);
    sort_by(&mut outcomes, &|a, b| a.first_day.cmp(&b.first_day));
    points.extend(outcomes);
    // Stack points that would cover each other: each takes the lowest row that is free there.
    let day = scale.month_share() / 30.44;
    let mut ends: Vec<Vec<f64>> = vec![Vec::new(); lanes.len()];
    for m in &mut points {
        let (lo, hi) = if m.w > 0.0 {
            (m.x, (m.x + m.w).max(m.x + 2.0 * POINT_DAYS * day))
        } else {
            (m.x - POINT_DAYS * day, m.x + POINT_DAYS * day)
        };
        let rows = &mut ends[m.lane];
        let row = rows.iter().position(|end| *end <= lo).unwrap_or(rows.len());
        if row == rows.len() {
            rows.push(hi);
        } else {
            rows[row] = hi;
        }
        m.row = row as u32;
        lanes[m.lane].rows = lanes[m.lane].rows.max(row as u32 + 1);
    }
    let brush = match (zoomed, range) {
        (true, _) | (_, (None, None)) => None,
        (false, (from, to)) => {
            let a = scale.month_span(from.unwrap_or(first).max(first)).0;
            let b = scale.month_span(to.unwrap_or(last).min(last)).1;
            Some((a.clamp(0.0, 1.0), b.clamp(0.0, 1.0).max(a.clamp(0.0, 1.0))))
        }
    };
    points.extend(spans);
    TimelineLayout {
        scale,
        lanes,
        marks: points,
        brush,
        ticks: (0..months)
            .map(|i| {
                let m = Month::from_index(first.index() + i);
                (m, scale.month_span(m).0)
            })
            .collect(),
        zoomed,
    }
}

/// The mark that takes Tab (roving focus: the timeline is one Tab stop, arrow keys move between
/// its marks): the open activity's, else the first.
pub fn tab_stop(layout: &TimelineLayout, open: Option<&str>) -> usize {
    layout
        .marks
        .iter()
        .position(|m| open.is_some() && m.activity() == open)
        .unwrap_or(0)
}

/// Replaces the points of a lane that crowd one bucket (a month; a day when zoomed into a few
/// months) beyond `MAX_STACK` with one cluster mark; `outcomes` when the points are outcomes
/// (bucketed by month; their clusters say so and have keys of their own).
fn clusters(points: Vec<Mark>, scale: TimeScale, lanes: &[Lane], outcomes: bool) -> Vec<Mark> {
    let by_day = scale.months <= DAY_BUCKETS_UP_TO;
    let bucket = |m: &Mark| -> (usize, Day) {
        let (y, mo, d) = m.first_day;
        (
            m.lane,
            if by_day && m.shape == MarkShape::Day {
                (y, mo, d)
            } else {
                (y, mo, 0)
            },
        )
    };
    let mut order: Vec<usize> = (0..points.len()).collect();
    sort_by(&mut order, &|a, b| {
        bucket(&points[*a]).cmp(&bucket(&points[*b]))
    });
    let mut out = Vec::with_capacity(points.len());
    let mut i = 0;
    while i < order.len() {
        let b = bucket(&points[order[i]]);
        let mut j = i;
        while j < order.len() && bucket(&points[order[j]]) == b {
            j += 1;
        }
        if j - i <= MAX_STACK {
            out.extend(order[i..j].iter().map(|k| points[*k].clone()));
        } else {
            let (lane, (y, mo, d)) = b;
            let count = j - i;
            let month = Month { year: y, month: mo };
            let (x, w, target, when) = if d == 0 {
                let (x0, x1) = scale.month_span(month);
                (x0, x1 - x0, Target::Zoom(month), month.long_label())
            } else {
                let date = PartialDate {
                    year: y,
                    month: Some(mo),
                    day: Some(d),
                };
                let x = (scale.x((y, mo, d)) + scale.x_end((y, mo, d))) / 2.0;
                // The day's target is a search, in the words the search reads (English).
                (x, 0.0, Target::Day(date.english()), date.display())
            };
            let sector = lanes
                .get(lane)
                .map_or_else(String::new, |l| l.sector.clone());
            out.push(Mark {
                shape: MarkShape::Cluster { count },
                x,
                w,
                row: 0,
                lane,
                key: format!(
                    "{}{sector}-{y}-{mo}-{d}",
                    if outcomes { OUTCOME_CLUSTER } else { "c-" }
                ),
                sector,
                label: tf(
                    if outcomes {
                        T::ClusterOutcomes
                    } else if d == 0 {
                        T::ClusterZoom
                    } else {
                        T::ClusterList
                    },
                    &[&count.to_string()],
                ),
                when,
                target,
                context: false,
                first_day: (y, mo, d.max(1)),
            });
        }
        i = j;
    }
    out
}

/// The month tick's text: the month, with its year under January and the first month.
pub fn tick_label(m: Month, first: Month) -> (&'static str, Option<i32>) {
    let name = super::i18n::month_short(m.month);
    (name, (m.month == 1 || m == first).then_some(m.year))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::filters::Filters;
    use crate::core::query::{Except, select};

    fn layout() -> (Dataset, TimelineLayout) {
        let d = crate::core::query::tests::dataset();
        let acts = select(&d, &Filters::default(), Except::Dates);
        let l = timeline_layout(&d, &acts, (None, None));
        (d, l)
    }

    #[test]
    fn the_domain_is_the_year_widened_to_mentioned_months() {
        let d = crate::core::query::tests::dataset();
        let (a, b) = month_domain(&d);
        assert_eq!(a, Month::parse("2005-12").unwrap());
        assert_eq!(b, Month::parse("2007-01").unwrap());
    }

    #[test]
    fn the_scale_maps_days_and_back() {
        let (_, l) = layout();
        let s = l.scale;
        assert_eq!(s.months, 14);
        let june = Month::parse("2006-06").unwrap();
        let (a, b) = s.month_span(june);
        assert!((b - a - s.month_share()).abs() < 1e-12);
        assert_eq!(s.x((2006, 6, 1)), a);
        assert!((s.x_end((2006, 6, 30)) - b).abs() < 1e-12);
        assert_eq!(s.month_at((a + b) / 2.0), june);
        assert_eq!(s.month_at(-100.0), s.first);
        assert_eq!(s.month_at(1e6), Month::parse("2007-01").unwrap());
        assert_eq!(s.month_at(f64::NAN), s.first);
    }

    #[test]
    fn precision_decides_the_shape() {
        let (_, l) = layout();
        let by_label = |s: &str| l.marks.iter().find(|m| m.label.contains(s)).unwrap();
        let bush = by_label("President Bush meets");
        assert_eq!(bush.shape, MarkShape::Day);
        assert_eq!(bush.w, 0.0);
        let june = by_label("proposed media amendments");
        assert_eq!(june.shape, MarkShape::Month);
        assert!(
            (june.w - l.scale.month_share()).abs() < 1e-9,
            "a month spans its month"
        );
        assert!(by_label("Presidential election").context);
        let civic = l
            .marks
            .iter()
            .find(|m| m.activity() == Some("kz2006-a15"))
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
                .all(|m| m.activity().is_none() && m.when.contains("year only"))
        );
        for m in &l.marks {
            assert!(m.x.is_finite() && m.w.is_finite() && m.x >= -1e-9 && m.x + m.w <= 1.0 + 1e-9);
        }
    }

    #[test]
    fn points_come_first_in_date_order() {
        let (d, l) = layout();
        let points: Vec<&Mark> = l
            .marks
            .iter()
            .take_while(|m| matches!(m.shape, MarkShape::Day | MarkShape::Month))
            .collect();
        assert_eq!(points.len(), d.events.len());
        assert!(points.windows(2).all(|w| w[0].first_day <= w[1].first_day));
    }

    #[test]
    fn marks_on_the_same_day_are_stacked_not_hidden() {
        let (_, l) = layout();
        let sep29: Vec<&Mark> = l
            .marks
            .iter()
            .filter(|m| m.first_day == (2006, 9, 29))
            .collect();
        assert_eq!(sep29.len(), 2);
        assert_eq!(sep29[0].lane, sep29[1].lane);
        assert_ne!(sep29[0].row, sep29[1].row);
        assert_eq!(l.lanes[sep29[0].lane].rows, 2);
        let open = l.marks[tab_stop(&l, Some("kz2006-a05"))].activity();
        assert_eq!(
            open,
            Some("kz2006-a05"),
            "the open activity's mark takes Tab"
        );
        assert_eq!(tab_stop(&l, None), 0);
        assert_eq!(tab_stop(&l, Some("no-such")), 0);
    }

    #[test]
    fn a_layout_travels_as_json_and_back() {
        let (_, l) = layout();
        let back: TimelineLayout =
            serde_json::from_str(&serde_json::to_string(&l).unwrap()).unwrap();
        assert_eq!(back.scale, l.scale);
        let drawn = |l: &TimelineLayout| -> Vec<(String, String, u32)> {
            l.lanes
                .iter()
                .map(|n| (n.short.clone(), n.colour.clone(), n.rows))
                .collect()
        };
        assert_eq!(drawn(&back), drawn(&l));
        // What only the page uses (links, ids, sort keys) stays behind.
        assert!(
            back.lanes
                .iter()
                .all(|n| n.sector.is_empty() && n.name.is_empty())
        );
        assert!(
            back.marks
                .iter()
                .all(|m| m.activity().is_none() && m.sector.is_empty())
        );
        assert_eq!(back.marks.len(), l.marks.len());
        for (a, b) in back.marks.iter().zip(&l.marks) {
            assert!((a.x - b.x).abs() < 1e-6 && (a.w - b.w).abs() < 1e-6);
            assert_eq!(
                (a.shape, a.row, a.context, &a.label),
                (b.shape, b.row, b.context, &b.label)
            );
        }
    }

    #[test]
    fn a_range_is_zoomed_into_and_one_end_is_brushed() {
        let d = crate::core::query::tests::dataset();
        let acts = select(&d, &Filters::default(), Except::Dates);
        let from = Month::parse("2006-03");
        let to = Month::parse("2006-05");
        let l = timeline_layout(&d, &acts, (from, to));
        assert!(l.zoomed && l.brush.is_none());
        assert_eq!((l.scale.first, l.scale.months), (from.unwrap(), 3));
        assert!(
            l.marks
                .iter()
                .all(|m| m.x >= 0.0 && m.x + m.w <= 1.0 + 1e-9)
        );
        // Only March's statement and April's trip are dated inside: the rest are bands.
        let points: Vec<&str> = l
            .marks
            .iter()
            .filter(|m| matches!(m.shape, MarkShape::Day | MarkShape::Month))
            .map(|m| m.key.as_str())
            .collect();
        assert_eq!(points, ["kz2006-e02", "kz2006-e03", "kz2006-e04"]);
        let open = timeline_layout(&d, &acts, (from, None));
        let (a, b) = open.brush.unwrap();
        assert_eq!(a, open.scale.month_span(from.unwrap()).0);
        assert!((b - 1.0).abs() < 1e-12);
    }

    #[test]
    fn an_outcome_the_report_dates_is_a_mark_after_the_events() {
        let (d, l) = layout();
        let outcomes: Vec<&Mark> = l
            .marks
            .iter()
            .filter(|m| m.shape == MarkShape::Outcome)
            .collect();
        let dated = d
            .outcomes
            .iter()
            .filter(|o| o.time.start.precision() != Precision::Year)
            .count();
        assert_eq!(outcomes.len(), dated);
        let ban = outcomes.iter().find(|m| m.key == "kz2006-o04").unwrap();
        assert_eq!(ban.activity(), Some("kz2006-a35"));
        assert_eq!(ban.first_day, (2006, 12, 1));
        assert!(ban.label.starts_with("Outcome: The ban"), "{}", ban.label);
        let (a, b) = l.scale.month_span(Month::parse("2006-12").unwrap());
        assert!((ban.x - (a + b) / 2.0).abs() < 1e-9);
        // After every event mark, before the bands.
        let at = l.marks.iter().position(|m| m.key == "kz2006-o04").unwrap();
        assert!(
            l.marks[..at]
                .iter()
                .all(|m| matches!(m.shape, MarkShape::Day | MarkShape::Month))
        );
        assert!(l.marks[at + 1..].iter().all(|m| m.shape != MarkShape::Day));
        // Its activity filtered out, or its month outside the range: no mark.
        let media = select(&d, &Filters::from_query("sector=media"), Except::Dates);
        let none = timeline_layout(&d, &media, (None, None));
        assert!(none.marks.iter().all(|m| m.shape != MarkShape::Outcome));
        let march = Month::parse("2006-03");
        let z = timeline_layout(
            &d,
            &select(&d, &Filters::default(), Except::Dates),
            (march, march),
        );
        assert!(z.marks.iter().all(|m| m.shape != MarkShape::Outcome));
    }

    #[test]
    fn crowded_outcomes_become_one_cluster_not_rows() {
        let mut d = crate::core::query::tests::dataset();
        crate::core::query::tests::crowd_the_ban(&mut d, 40);
        let acts = select(&d, &Filters::default(), Except::Dates);
        let l = timeline_layout(&d, &acts, (None, None));
        let sector = &d.activity("kz2006-a35").unwrap().sector;
        let lane = l.lanes.iter().position(|x| &x.sector == sector).unwrap();
        let december: Vec<&Mark> = l
            .marks
            .iter()
            .filter(|m| m.lane == lane && m.first_day.0 == 2006 && m.first_day.1 == 12)
            .filter(|m| m.outcome_cluster() || m.shape == MarkShape::Outcome)
            .collect();
        assert_eq!(december.len(), 1, "one cluster for the month's 41 outcomes");
        assert_eq!(december[0].shape, MarkShape::Cluster { count: 41 });
        assert!(december[0].label.starts_with("41 dated outcomes"));
        // Its key differs from an events cluster's in the same lane and month.
        assert!(l.marks.iter().filter(|m| m.key == december[0].key).count() == 1);
        assert!(l.lanes[lane].rows <= 1 + MAX_STACK as u32 + 1);
    }

    #[test]
    fn crowded_months_become_clusters_that_zoom_in() {
        let mut d = crate::core::query::tests::dataset();
        // Copies of the two events of 29 September on the 1st to the 20th, and two more on the
        // 29th: 44 events in one lane and month.
        let base: Vec<Event> = d
            .events
            .iter()
            .filter(|e| e.date.day == Some(29))
            .cloned()
            .collect();
        for k in (1..=20u8).chain([29]) {
            for e in &base {
                let mut c = e.clone();
                c.id = format!("{}-{k}", e.id);
                c.date.day = Some(k);
                d.events.push(c);
            }
        }
        let acts = select(&d, &Filters::default(), Except::Dates);
        let l = timeline_layout(&d, &acts, (None, None));
        let sep: Vec<&Mark> = l
            .marks
            .iter()
            .filter(|m| m.first_day.1 == 9 && m.sector == "diplomacy")
            .collect();
        assert_eq!(sep.len(), 1, "one cluster for the month");
        assert_eq!(sep[0].shape, MarkShape::Cluster { count: 44 });
        assert_eq!(
            sep[0].target,
            Target::Zoom(Month::parse("2006-09").unwrap())
        );
        // Zoomed into September, days of up to two events show as marks again; the 29th,
        // with 4, is a cluster that lists them.
        let sept = Month::parse("2006-09");
        let z = timeline_layout(&d, &acts, (sept, sept));
        let marks: Vec<&Mark> = z
            .marks
            .iter()
            .filter(|m| m.sector == "diplomacy" && m.shape != MarkShape::YearOnly)
            .collect();
        assert_eq!(
            marks.iter().filter(|m| m.shape == MarkShape::Day).count(),
            40
        );
        let day29: Vec<&&Mark> = marks
            .iter()
            .filter(|m| matches!(m.shape, MarkShape::Cluster { .. }))
            .collect();
        assert_eq!(day29.len(), 1);
        assert_eq!(day29[0].target, Target::Day("29 September 2006".into()));
    }
}
