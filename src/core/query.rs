//! Pure queries over the dataset: which activities a view shows, and the totals it reports.
//! Totals keep the report's qualifiers, so a sum is never more exact than its parts.

use super::filters::{Filters, Measure, Month, Sort};
use super::i18n::{self, T, fold, fold_char, t};
use super::model::*;
use super::order::sort_by;

/// The first and last day an activity's time can mean.
pub fn activity_days(a: &Activity) -> (Day, Day) {
    let end = a.time.end.unwrap_or(a.time.start);
    (a.time.start.first_day(), end.last_day())
}

/// A calendar day as (year, month, day); tuples compare in date order.
pub type Day = (i32, u8, u8);

/// Which filters to apply; a chart leaves out its own dimension so its bars stay clickable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Except {
    Nothing,
    Sectors,
    Dates,
    /// The result classes: "What came of it" counts every class of the other filters' view.
    Results,
}

/// How an activity's time relates to a date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFit {
    /// Its date, at the precision the report gives, lies in the range (a day in it, a month
    /// in it, a period known to run through it).
    Inside,
    /// It may lie in the range, but the report dates it too loosely to say ("2006" for a
    /// range in September).
    Possible,
    Outside,
}

/// The days a month range covers; open ends reach as far as dates go.
fn range_days(from: Option<Month>, to: Option<Month>) -> (Day, Day) {
    let first = from.map_or((i32::MIN, 1, 1), |m| (m.year, m.month, 1));
    let last = to.map_or((i32::MAX, 12, 31), |m| {
        (m.year, m.month, days_in_month(m.year, m.month))
    });
    (first, last)
}

/// How an activity's time fits a month range (no range: everything is inside).
pub fn date_fit(a: &Activity, from: Option<Month>, to: Option<Month>) -> DateFit {
    if from.is_none() && to.is_none() {
        return DateFit::Inside;
    }
    let (lo, hi) = range_days(from, to);
    let within = |p: &PartialDate| p.first_day() >= lo && p.last_day() <= hi;
    let start = a.time.start;
    let end = a.time.end.unwrap_or(start);
    // A period is certainly under way between the last day its start can mean and the first
    // day its end can mean.
    let core = (start.last_day(), end.first_day());
    let core_meets = core.0 <= core.1 && core.0 <= hi && core.1 >= lo;
    if within(&start) || within(&end) || (a.time.end.is_some() && core_meets) {
        return DateFit::Inside;
    }
    let (first, last) = activity_days(a);
    if last >= lo && first <= hi {
        DateFit::Possible
    } else {
        DateFit::Outside
    }
}

/// True when the activity's time overlaps the month range at all, however loosely dated.
pub fn overlaps(a: &Activity, from: Option<Month>, to: Option<Month>) -> bool {
    date_fit(a, from, to) != DateFit::Outside
}

/// A date typed into the search box: "29 September 2006", "September 29", "Sep 2006",
/// "2006-09-29". A month is required; day and year are optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateQuery {
    pub year: Option<i32>,
    pub month: u8,
    pub day: Option<u8>,
}

/// Reads a search text as a date, if it is one and nothing else.
pub fn parse_date_query(q: &str) -> Option<DateQuery> {
    let q = q.trim();
    if let Ok(d) = PartialDate::parse(q) {
        return d.month.map(|month| DateQuery {
            year: Some(d.year),
            month,
            day: d.day,
        });
    }
    let (mut year, mut month, mut day) = (None, None, None);
    for word in q
        .split([' ', '\t', '\n', ',', '.', '\u{a0}'])
        .filter(|w| !w.is_empty())
    {
        if let Ok(n) = word.parse::<u32>() {
            match n {
                1..=31 if day.is_none() => day = Some(n as u8),
                1000..=9999 if year.is_none() => year = Some(n as i32),
                _ => return None,
            }
        } else {
            let w = fold(word);
            if i18n::is_year_word(&w) {
                continue; // "2006 г.", "2006 ж."
            }
            let m = MONTHS
                .iter()
                .position(|name| {
                    let name = fold(name);
                    w == name || (w.len() >= 3 && name.starts_with(&w) && w.len() <= 4)
                })
                .map(|m| m as u8 + 1)
                .or_else(|| i18n::month_of_word(&w))
                .filter(|_| month.is_none())?;
            month = Some(m);
        }
    }
    let month = month?;
    if let Some(d) = day
        && d > days_in_month(year.unwrap_or(2000), month)
    {
        return None;
    }
    Some(DateQuery { year, month, day })
}

impl DateQuery {
    /// True when a date the report gives falls on this day or in this month, at least as
    /// precisely as the query asks.
    pub fn covers(&self, p: &PartialDate) -> bool {
        p.month == Some(self.month)
            && self.year.is_none_or(|y| y == p.year)
            && self.day.is_none_or(|d| p.day == Some(d))
    }

    /// The ways the report and the app write this date, for highlighting.
    pub fn spellings(&self) -> Vec<String> {
        let full = month_name(self.month);
        let short = &full[..3];
        match self.day {
            Some(d) => vec![
                format!("{full} {d}"),
                format!("{d} {full}"),
                format!("{short} {d}"),
                format!("{d} {short}"),
            ],
            None => match self.year {
                Some(y) => vec![
                    format!("{full} {y}"),
                    format!("{short} {y}"),
                    full.to_string(),
                ],
                None => vec![full.to_string()],
            },
        }
    }
}

/// Everything needed to test activities against one view's filters, worked out once.
pub struct Selector<'a> {
    d: &'a Dataset,
    f: &'a Filters,
    except: Except,
    needle: String,
    /// With a date typed in the search: the activities whose time or events fall on it.
    dated: Option<IdSet<'a>>,
    /// With a result filter: each activity's outcome, to tell its class.
    outcomes: Option<Outcomes<'a>>,
}

impl<'a> Selector<'a> {
    /// Prepares the filters `f`, leaving out `except`.
    pub fn new(d: &'a Dataset, f: &'a Filters, except: Except) -> Self {
        let dated = parse_date_query(&f.q).map(|dq| {
            let mut ids: Vec<&'a str> = d
                .events
                .iter()
                .filter(|e| dq.covers(&e.date))
                .map(|e| e.activity.as_str())
                .collect();
            ids.extend(
                d.activities
                    .iter()
                    .filter(|a| {
                        dq.covers(&a.time.start) || a.time.end.is_some_and(|e| dq.covers(&e))
                    })
                    .map(|a| a.id.as_str()),
            );
            IdSet::from_ids(ids)
        });
        let outcomes =
            (!f.results.is_empty() && except != Except::Results).then(|| Outcomes::new(d));
        Selector {
            d,
            f,
            except,
            needle: needle(&f.q),
            dated,
            outcomes,
        }
    }

    /// True when the activity passes every filter but the excepted one (and, for dates, is
    /// dated inside the range, or loosely dated with `imprecise` on).
    pub fn matches(&self, a: &Activity) -> bool {
        self.matches_except_dates(a)
            && (self.except == Except::Dates
                || match date_fit(a, self.f.from, self.f.to) {
                    DateFit::Inside => true,
                    DateFit::Possible => self.f.imprecise,
                    DateFit::Outside => false,
                })
    }

    fn matches_except_dates(&self, a: &Activity) -> bool {
        let f = self.f;
        if self.except != Except::Sectors && !f.sectors.is_empty() && !f.sectors.contains(&a.sector)
        {
            return false;
        }
        if !f.kinds.is_empty() && !f.kinds.contains(&a.kind) {
            return false;
        }
        if !f.statuses.is_empty() && !a.status.is_some_and(|s| f.statuses.contains(&s)) {
            return false;
        }
        if !f.places.is_empty() && !a.places.iter().any(|p| f.places.contains(p)) {
            return false;
        }
        if let Some(h) = &f.has
            && !a.metrics.iter().any(|m| m.measure.as_ref() == Some(h))
        {
            return false;
        }
        if let Some(o) = &self.outcomes
            && !f.results.contains(&o.class(a))
        {
            return false;
        }
        if !self.needle.is_empty()
            && !self.text_matches(a)
            && !self.dated.as_ref().is_some_and(|ids| ids.contains(&a.id))
        {
            return false;
        }
        true
    }

    fn text_matches(&self, a: &Activity) -> bool {
        match self.d.index_of(a) {
            Some(i) => holds(self.d.search_text(i), &self.needle),
            // An activity from elsewhere: fold it now.
            None => {
                let hit = |s: &str| holds(&fold(s), &self.needle);
                hit(&a.title)
                    || hit(&a.summary)
                    || a.evidence.iter().any(|e| hit(&e.quote))
                    || a.metrics.iter().any(|m| hit(&m.counted))
            }
        }
    }

    /// The activities left out only because the report dates them too loosely for the range.
    pub fn loosely_dated(&self) -> Vec<&'a Activity> {
        if self.f.imprecise || (self.f.from.is_none() && self.f.to.is_none()) {
            return Vec::new();
        }
        self.d
            .activities
            .iter()
            .filter(|a| {
                self.matches_except_dates(a)
                    && date_fit(a, self.f.from, self.f.to) == DateFit::Possible
            })
            .collect()
    }
}

/// True when the activity passes every filter but the excepted one.
pub fn matches(d: &Dataset, a: &Activity, f: &Filters, except: Except) -> bool {
    Selector::new(d, f, except).matches(a)
}

/// The activities a view lists, in its chosen order.
pub fn select<'a>(d: &'a Dataset, f: &Filters, except: Except) -> Vec<&'a Activity> {
    let s = Selector::new(d, f, except);
    let mut v: Vec<&Activity> = d.activities.iter().filter(|a| s.matches(a)).collect();
    sort(d, &mut v, f.sort);
    v
}

/// True when the report gives no month or day for the activity (a point in a year).
pub fn year_only(a: &Activity) -> bool {
    a.time.end.is_none() && a.time.start.precision() == Precision::Year
}

/// Orders activities; ties keep the report's order. By date, activities dated only to a year
/// come after every more precise date.
pub fn sort(d: &Dataset, v: &mut Vec<&Activity>, order: Sort) {
    let sector_pos = |id: &str| d.sectors.iter().position(|s| s.id == id);
    match order {
        Sort::Report => {}
        Sort::Date => sort_by(v, &|a, b| {
            (year_only(a), activity_days(a).0).cmp(&(year_only(b), activity_days(b).0))
        }),
        Sort::Title => sort_by(v, &|a, b| fold(&a.title).cmp(&fold(&b.title))),
        Sort::Sector => sort_by(v, &|a, b| sector_pos(&a.sector).cmp(&sector_pos(&b.sector))),
    }
}

/// A sum of figures with the weakest qualifier among its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Total {
    pub value: u64,
    pub qualifier: Qualifier,
    /// How many activities contributed a figure.
    pub activities: usize,
}

impl Total {
    /// "more than 310", "approximately 6,500", "42".
    pub fn display(&self) -> String {
        super::i18n::qualified(self.qualifier, self.value)
    }
}

/// The qualifier of a sum: approximate beats lower bounds, which beat exact.
fn combine(a: Qualifier, b: Qualifier) -> Qualifier {
    use Qualifier::*;
    match (a, b) {
        (Approximately, _) | (_, Approximately) => Approximately,
        (MoreThan, _) | (_, MoreThan) => MoreThan,
        (AtLeast, _) | (_, AtLeast) => AtLeast,
        _ => Exact,
    }
}

/// The sum of the activities' figures for `measure`, or `None` if none has one.
pub fn total(activities: &[&Activity], measure: &str) -> Option<Total> {
    let mut t: Option<Total> = None;
    for a in activities {
        let mut counted = false;
        for m in a
            .metrics
            .iter()
            .filter(|m| m.measure.as_deref() == Some(measure))
        {
            let prev = t.unwrap_or(Total {
                value: 0,
                qualifier: Qualifier::Exact,
                activities: 0,
            });
            t = Some(Total {
                value: prev.value + m.value,
                qualifier: if prev.activities == 0 && !counted {
                    m.qualifier
                } else {
                    combine(prev.qualifier, m.qualifier)
                },
                activities: prev.activities + usize::from(!counted),
            });
            counted = true;
        }
    }
    t
}

/// One bar of the sector chart.
#[derive(Debug, Clone, PartialEq)]
pub struct SectorRow<'a> {
    pub sector: &'a Sector,
    pub activities: usize,
    /// The measured value: the activity count, or the metric total.
    pub value: u64,
    pub display: String,
    /// Activities in this sector with no figure for the measure (0 for the count).
    pub without_figure: usize,
    pub selected: bool,
}

/// Activities per primary sector (every sector, in dataset order) under a measure.
pub fn by_sector<'a>(
    d: &'a Dataset,
    activities: &[&'a Activity],
    measure: &Measure,
    selected: &[String],
) -> Vec<SectorRow<'a>> {
    d.sectors
        .iter()
        .map(|s| {
            let here: Vec<&Activity> = activities
                .iter()
                .copied()
                .filter(|a| a.sector == s.id)
                .collect();
            let (value, display, without_figure) = match measure {
                Measure::Activities => (here.len() as u64, here.len().to_string(), 0),
                Measure::Metric(m) => match total(&here, m) {
                    Some(t) => (t.value, t.display(), here.len() - t.activities),
                    None => (0, t(T::NoFigure).to_string(), here.len()),
                },
            };
            SectorRow {
                sector: s,
                activities: here.len(),
                value,
                display,
                without_figure,
                selected: selected.contains(&s.id),
            }
        })
        .collect()
}

/// A headline figure: what it counts, its total, and the filter that lists its activities.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    pub label: String,
    /// The qualifier's words before the number ("more than "), shown smaller than it.
    pub qualifier: String,
    /// The number, grouped as the locale groups it ("50,500", "50 500").
    pub number: String,
    /// The qualifier's words after the number (Kazakh: "-нан астам"), shown smaller.
    pub after: String,
    /// Exactly what is counted, for the tooltip and screen readers.
    pub detail: String,
    /// `has=` value listing the activities behind it; `None` for the plain count.
    pub measure: Option<String>,
    /// How it was summed: each figure that went into it (as the locale writes it), the
    /// sentence that gives it, in the report's English, and our note on its reading if it has
    /// one; empty for the counts.
    pub sources: Vec<(String, String, Option<String>)>,
}

impl Headline {
    /// The figure with its qualifier, as one phrase ("more than 310").
    pub fn phrase(&self) -> String {
        format!("{}{}{}", self.qualifier, self.number, self.after)
    }
}

/// The overview's headline figures for a set of activities.
pub fn headlines(d: &Dataset, activities: &[&Activity]) -> Vec<Headline> {
    let mut sectors: Vec<&str> = activities.iter().map(|a| a.sector.as_str()).collect();
    sort_by(&mut sectors, &|a, b| a.cmp(b));
    sectors.dedup();
    let mut v = vec![
        Headline {
            label: t(T::UsActivities).to_string(),
            qualifier: String::new(),
            number: i18n::num(activities.len() as u64),
            after: String::new(),
            detail: t(T::UsActivitiesDetail).to_string(),
            measure: None,
            sources: Vec::new(),
        },
        Headline {
            label: t(T::Sectors).to_string(),
            qualifier: String::new(),
            number: sectors.len().to_string(),
            after: String::new(),
            detail: t(T::SectorsDetail).to_string(),
            measure: None,
            sources: Vec::new(),
        },
    ];
    for m in &d.measures {
        if let Some(t) = total(activities, &m.id) {
            let (qualifier, number, after) = i18n::qualified_parts(t.qualifier, t.value);
            v.push(Headline {
                label: m.label.clone(),
                qualifier,
                number,
                after,
                detail: if t.activities == 1 {
                    i18n::f(T::SummedOverOne, &[&m.description])
                } else {
                    i18n::f(T::SummedOver, &[&m.description, &t.activities.to_string()])
                },
                measure: Some(m.id.clone()),
                sources: activities
                    .iter()
                    .flat_map(|a| &a.metrics)
                    .filter(|x| x.measure.as_ref() == Some(&m.id))
                    .map(|x| {
                        (
                            i18n::qualified(x.qualifier, x.value),
                            x.evidence.quote.clone(),
                            x.note.clone(),
                        )
                    })
                    .collect(),
            });
        }
    }
    v
}

/// A short summary in words, generated from the same data as the figures.
pub fn summary_text(d: &Dataset, activities: &[&Activity]) -> String {
    if activities.is_empty() {
        return t(T::SummaryNone).to_string();
    }
    let rows = by_sector(d, activities, &Measure::Activities, &[]);
    let mut ranked: Vec<&SectorRow> = rows.iter().filter(|r| r.activities > 0).collect();
    sort_by(&mut ranked, &|a, b| b.activities.cmp(&a.activities));
    let top: Vec<String> = ranked
        .iter()
        .take(3)
        .map(|r| format!("{} ({})", r.sector.name, r.activities))
        .collect();
    let n = activities.len();
    let first_sector = ranked.first().map_or("", |r| r.sector.name.as_str());
    let mut s = if n == 1 {
        i18n::f(T::SummaryOneActivity, &[first_sector])
    } else if ranked.len() == 1 {
        i18n::f(T::SummaryOneSector, &[&n.to_string(), first_sector])
    } else {
        i18n::f(
            T::SummaryActivities,
            &[&n.to_string(), &ranked.len().to_string(), &join_words(&top)],
        )
    };
    let ids = IdSet::new(activities);
    let mut dates: Vec<PartialDate> = d
        .events
        .iter()
        .filter(|e| ids.contains(&e.activity))
        .map(|e| e.date)
        .collect();
    sort_by(&mut dates, &|a, b| a.cmp(b));
    if let [only] = dates.as_slice() {
        s += " ";
        s += &i18n::f(T::SummaryOneEvent, &[&only.display()]);
    } else if let (Some(first), Some(last)) = (dates.first(), dates.last()) {
        s += " ";
        s += &i18n::f(
            T::SummaryEvents,
            &[&dates.len().to_string(), &first.display(), &last.display()],
        );
    }
    let undated = activities
        .iter()
        .filter(|a| a.time.start.precision() == Precision::Year && a.time.end.is_none())
        .count();
    if undated > 0 {
        s += " ";
        s += &i18n::f(T::SummaryYearOnly, &[&undated.to_string()]);
    }
    s
}

fn join_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [a, b] => i18n::f(T::And, &[a, b]),
        [rest @ .., last] => i18n::f(T::AndSerial, &[&rest.join(", "), last]),
    }
}

/// What the report says came of each activity of a dataset, looked up by the activity's place
/// in it (the index is built once a dataset: no scan of every outcome in loops).
pub struct Outcomes<'a> {
    d: &'a Dataset,
    at: &'a [Option<u32>],
}

impl<'a> Outcomes<'a> {
    /// The outcomes of the dataset's activities.
    pub fn new(d: &'a Dataset) -> Self {
        Outcomes {
            d,
            at: d.outcome_index(),
        }
    }

    /// The outcome the report gives for this activity, if any.
    pub fn of(&self, a: &Activity) -> Option<&'a Outcome> {
        match self.d.index_of(a) {
            Some(i) => self
                .at
                .get(i)
                .copied()
                .flatten()
                .and_then(|k| self.d.outcomes.get(k as usize)),
            // An activity from elsewhere: looked up by its id.
            None => self.d.outcome_of(&a.id),
        }
    }

    /// How this activity turned out, as the report says (`NotReported` if it does not say).
    pub fn class(&self, a: &Activity) -> ResultClass {
        self.of(a).map_or(ResultClass::NotReported, |o| o.result)
    }
}

/// How many of the activities fall in each result class: every class in display order, with
/// "no outcome reported" for the rest, so the counts add up to the activities'.
pub fn result_counts(d: &Dataset, activities: &[&Activity]) -> Vec<(ResultClass, usize)> {
    let index = Outcomes::new(d);
    let mut counts = ResultClass::ALL.map(|c| (c, 0usize));
    for a in activities {
        let c = index.class(a);
        if let Some(slot) = counts.iter_mut().find(|(k, _)| *k == c) {
            slot.1 += 1;
        }
    }
    counts.to_vec()
}

/// Each of the activities the report gives an outcome for, with that outcome, in the
/// activities' order.
pub fn outcome_pairs<'a>(
    d: &'a Dataset,
    activities: &[&'a Activity],
) -> Vec<(&'a Activity, &'a Outcome)> {
    let index = Outcomes::new(d);
    activities
        .iter()
        .filter_map(|a| index.of(a).map(|o| (*a, o)))
        .collect()
}

/// The ids of a set of activities, for membership tests (sorted; no hashing code in the wasm).
pub struct IdSet<'a>(Vec<&'a str>);

impl<'a> IdSet<'a> {
    /// The set of these activities' ids.
    pub fn new(activities: &[&'a Activity]) -> Self {
        IdSet::from_ids(activities.iter().map(|a| a.id.as_str()).collect())
    }

    /// The set of these ids.
    pub fn from_ids(mut v: Vec<&'a str>) -> Self {
        sort_by(&mut v, &|a, b| a.cmp(b));
        v.dedup();
        IdSet(v)
    }

    /// True when `id` is in the set.
    pub fn contains(&self, id: &str) -> bool {
        self.0.binary_search(&id).is_ok()
    }
}

/// Activities by id, for lookups in loops (`Dataset::activity` is a linear scan; at a hundred
/// reports' worth of data a layout would make millions of comparisons).
pub struct ById<'a>(Vec<(&'a str, &'a Activity)>);

impl<'a> ById<'a> {
    /// An index of these activities.
    pub fn new(activities: &[&'a Activity]) -> Self {
        let mut v: Vec<(&str, &Activity)> =
            activities.iter().map(|a| (a.id.as_str(), *a)).collect();
        sort_by(&mut v, &|a, b| a.0.cmp(b.0));
        ById(v)
    }

    /// The activity with this id, if it is one of them.
    pub fn get(&self, id: &str) -> Option<&'a Activity> {
        self.0
            .binary_search_by(|(k, _)| (*k).cmp(id))
            .ok()
            .map(|i| self.0[i].1)
    }
}

impl Dataset {
    /// Each activity's outcome (its position in `outcomes`), by the activity's position: the
    /// first outcome that answers it (the checker allows one).
    pub fn outcome_index(&self) -> &[Option<u32>] {
        self.outcome_at.get_or_init(|| {
            let mut at = vec![None; self.activities.len()];
            let all: Vec<&Activity> = self.activities.iter().collect();
            let by_id = ById::new(&all);
            for (k, o) in self.outcomes.iter().enumerate() {
                for id in &o.activities {
                    if let Some(i) = by_id.get(id).and_then(|a| self.index_of(a))
                        && at[i].is_none()
                    {
                        at[i] = Some(k as u32);
                    }
                }
            }
            at
        })
    }

    /// The folded text search looks in for the activity at `index` (title, summary, quotes,
    /// what was counted, and what came of it, joined): folded once for all searches, not once per keystroke.
    pub fn search_text(&self, index: usize) -> &str {
        let all = self.search.get_or_init(|| {
            let outcomes = Outcomes::new(self);
            self.activities
                .iter()
                .map(|a| {
                    let mut s = fold(&a.title);
                    let outcome = outcomes.of(a);
                    for part in std::iter::once(&a.summary)
                        .chain(a.evidence.iter().map(|e| &e.quote))
                        .chain(a.metrics.iter().map(|m| &m.counted))
                        .chain(outcome.map(|o| &o.text))
                        .chain(outcome.map(|o| &o.evidence.quote))
                    {
                        s.push('\u{1}');
                        s.push_str(&fold(part));
                    }
                    s
                })
                .collect()
        });
        all.get(index).map_or("", String::as_str)
    }
}

/// Byte ranges of `text` that match `q` (case- and apostrophe-insensitive), for highlighting.
/// A date query also highlights the other ways of writing that date.
pub fn match_ranges(text: &str, q: &str) -> Vec<(usize, usize)> {
    let mut out = phrase_ranges(text, q);
    if let Some(dq) = parse_date_query(q) {
        for s in dq.spellings() {
            out.extend(phrase_ranges(text, &s));
        }
        sort_by(&mut out, &|a, b| a.cmp(b));
        // Keep the first of overlapping ranges.
        let mut kept: Vec<(usize, usize)> = Vec::new();
        for r in out {
            if kept.last().is_none_or(|k| r.0 >= k.1) {
                kept.push(r);
            }
        }
        out = kept;
    }
    out
}

fn phrase_ranges(text: &str, q: &str) -> Vec<(usize, usize)> {
    let needle = needle(q);
    if needle.is_empty() {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text
        .char_indices()
        .map(|(i, c)| (i, fold_char(c)))
        .collect();
    let folded: Vec<char> = chars.iter().map(|(_, c)| *c).collect();
    let stems: Vec<Vec<char>> = needle.split(' ').map(|w| w.chars().collect()).collect();
    occurrences(&folded, &stems)
        .into_iter()
        .map(|(a, b)| (chars[a].0, chars.get(b).map_or(text.len(), |(i, _)| *i)))
        .collect()
}

/// True when folded `text` holds the search `needle` (see `needle`).
pub fn holds(text: &str, needle: &str) -> bool {
    // Most texts do not hold even the first stem: a plain substring test rules them out; and
    // for one word it is the answer (a match runs on to the end of its word). Only a phrase is
    // copied into chars: it runs once per activity per keystroke, and at a hundred reports'
    // worth of data copying every text took 9 ms of a 33 ms change.
    let (first, rest) = needle.split_once(' ').unwrap_or((needle, ""));
    if !text.contains(first) {
        return false;
    }
    if rest.is_empty() {
        return !first.is_empty();
    }
    let chars: Vec<char> = text.chars().collect();
    let stems: Vec<Vec<char>> = needle.split(' ').map(|w| w.chars().collect()).collect();
    !occurrences(&chars, &stems).is_empty()
}

/// Where `stems` occur in folded `text` (char ranges): the first stem anywhere, each next one
/// after the end of the previous word and some space, each match running on to the end of its
/// word ("train judg" in "trained judges").
fn occurrences(text: &[char], stems: &[Vec<char>]) -> Vec<(usize, usize)> {
    let word_end = |mut i: usize| {
        while text.get(i).is_some_and(|c| c.is_alphanumeric()) {
            i += 1;
        }
        i
    };
    let at = |i: usize, stem: &[char]| text.get(i..i + stem.len()) == Some(stem);
    let mut out = Vec::new();
    let Some((first, rest)) = stems.split_first().filter(|(f, _)| !f.is_empty()) else {
        return out;
    };
    let mut i = 0;
    while i + first.len() <= text.len() {
        if at(i, first) {
            let mut end = Some(word_end(i + first.len()));
            for stem in rest {
                end = end.and_then(|e| {
                    let mut j = e;
                    while text.get(j).is_some_and(|c| c.is_whitespace()) {
                        j += 1;
                    }
                    (j > e && at(j, stem)).then(|| word_end(j + stem.len()))
                });
            }
            if let Some(e) = end {
                out.push((i, e));
                i = e;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// What the search looks for: the words typed, folded, each cut to its stem, so that every
/// form of a word finds the same activities ("train", "trained", "training", "trains";
/// "присяжные", "присяжных"). A search matches where the text holds the stems in order, each word
/// followed by space and the next (`occurrences`).
pub fn needle(q: &str) -> String {
    fold(q.trim())
        .split_whitespace()
        .map(stem)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A word without its inflectional ending: English endings for Latin words, Russian and Kazakh
/// ones for Cyrillic words (the data is translated into both). Light by design: it only takes
/// off an ending when at least four letters stay, so short words and names stay whole.
pub fn stem(word: &str) -> &str {
    const EN: &[&str] = &["ings", "ing", "ied", "ies", "ed", "es", "s"];
    const CYRILLIC: &[&str] = &[
        // Russian (case and number endings of nouns and adjectives, the commonest verb ones).
        "ами",
        "ями",
        "ого",
        "его",
        "ому",
        "ему",
        "ыми",
        "ими",
        "ах",
        "ях",
        "ов",
        "ев",
        "ей",
        "ой",
        "ий",
        "ый",
        "ая",
        "яя",
        "ое",
        "ее",
        "ые",
        "ие",
        "ых",
        "их",
        "ым",
        "им",
        "ую",
        "юю",
        "ам",
        "ям",
        "ом",
        "ем",
        "ть",
        "а",
        "я",
        "о",
        "е",
        "ы",
        "и",
        "у",
        "ю",
        "ь", // Kazakh (plural, possessive and case suffixes).
        "лары",
        "лері",
        "дары",
        "дері",
        "тары",
        "тері",
        "ларды",
        "лерді",
        "лардың",
        "лердің",
        "лар",
        "лер",
        "дар",
        "дер",
        "тар",
        "тер",
        "ның",
        "нің",
        "дың",
        "дің",
        "тың",
        "тің",
        "ға",
        "ге",
        "қа",
        "ке",
        "да",
        "де",
        "та",
        "те",
        "нан",
        "нен",
        "дан",
        "ден",
        "тан",
        "тен",
        "ны",
        "ні",
        "ды",
        "ді",
        "ты",
        "ті",
        "сы",
        "сі",
        "ы",
        "і",
    ];
    let cyrillic = word.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
    let endings = if cyrillic { CYRILLIC } else { EN };
    let letters = word.chars().count();
    let mut best = word;
    for e in endings {
        if let Some(rest) = word.strip_suffix(e)
            && letters - e.chars().count() >= 4
            && rest.len() < best.len()
            && !(e == &"s" && rest.ends_with('s'))
        {
            best = rest;
        }
    }
    best
}

/// Splits `text` into (piece, is_match) runs for rendering highlights.
pub fn highlight<'t>(text: &'t str, q: &str) -> Vec<(&'t str, bool)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for (s, e) in match_ranges(text, q) {
        if s > pos {
            out.push((&text[pos..s], false));
        }
        out.push((&text[s..e], true));
        pos = e;
    }
    if pos < text.len() || out.is_empty() {
        out.push((&text[pos..], false));
    }
    out
}

/// A run of a paragraph's text and the activity passages (activity id, evidence index) that
/// cite it; empty for uncited text.
pub type Segment = (std::ops::Range<usize>, Vec<(String, usize)>);

/// Splits a paragraph at every cited passage's edges (byte ranges), for the reader.
pub fn segments(d: &Dataset, paragraph: &Paragraph) -> Vec<Segment> {
    let byte_at = |c: usize| {
        paragraph
            .text
            .char_indices()
            .nth(c)
            .map_or(paragraph.text.len(), |(b, _)| b)
    };
    let mut cites: Vec<(usize, usize, String, usize)> = Vec::new();
    for a in &d.activities {
        for (i, e) in a.evidence.iter().enumerate() {
            if e.paragraph == paragraph.id {
                cites.push((byte_at(e.start), byte_at(e.end), a.id.clone(), i));
            }
        }
    }
    let mut cuts: Vec<usize> = vec![0, paragraph.text.len()];
    for (s, e, ..) in &cites {
        cuts.push(*s);
        cuts.push(*e);
    }
    sort_by(&mut cuts, &|a, b| a.cmp(b));
    cuts.dedup();
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| {
            let here = cites
                .iter()
                .filter(|(s, e, ..)| *s <= w[0] && w[1] <= *e)
                .map(|(_, _, id, i)| (id.clone(), *i))
                .collect();
            (w[0]..w[1], here)
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    #[test]
    fn every_form_of_a_word_finds_the_same_activities() {
        let d = dataset();
        let ids = |q: &str| -> Vec<String> {
            select(&d, &Filters::from_query(&format!("q={q}")), Except::Nothing)
                .iter()
                .map(|a| a.id.clone())
                .collect()
        };
        let trained = ids("trained");
        assert!(!trained.is_empty());
        assert_eq!(ids("train"), trained);
        assert_eq!(ids("training"), trained);
        assert_eq!(ids("trains"), trained);
        assert_eq!(ids("hot+lines"), ids("hot+line"));
        assert_eq!(stem("judges"), "judg");
        assert_eq!(stem("press"), "press");
        assert_eq!(stem("присяжных"), stem("присяжные"));
        assert_eq!(stem("use"), "use");
        let marked: Vec<&str> = highlight("Judges trained in training", "train")
            .into_iter()
            .filter(|(_, hit)| *hit)
            .map(|(p, _)| p)
            .collect();
        assert_eq!(marked, ["trained", "training"]);
        assert!(holds("trained judges in", &needle("trains judge")));
        assert!(!holds("trained. judges", &needle("trains judge")));
    }

    use super::*;

    pub(crate) fn dataset() -> Dataset {
        let json = include_str!("../../public/data/kazakhstan-2006.json");
        crate::core::validate::parse_and_check(json).expect("bundled dataset is valid")
    }

    /// Adds `n` copies of the December outcome of the rally ban (`kz2006-o04`), each answering
    /// its activity: one month of one lane crowded with outcomes.
    pub(crate) fn crowd_the_ban(d: &mut Dataset, n: usize) {
        let ban = d
            .outcome_of("kz2006-a35")
            .expect("the ban's outcome")
            .clone();
        for k in 0..n {
            let mut c = ban.clone();
            c.id = format!("{}-{k}", ban.id);
            d.outcomes.push(c);
        }
    }

    #[test]
    fn no_filter_lists_everything_in_report_order() {
        let d = dataset();
        let v = select(&d, &Filters::default(), Except::Nothing);
        assert_eq!(v.len(), d.activities.len());
        assert_eq!(v[0].id, d.activities[0].id);
    }

    #[test]
    fn sector_totals_add_up_without_double_counting() {
        let d = dataset();
        let all = select(&d, &Filters::default(), Except::Nothing);
        let rows = by_sector(&d, &all, &Measure::Activities, &[]);
        assert_eq!(rows.iter().map(|r| r.activities).sum::<usize>(), all.len());
        assert_eq!(rows.len(), d.sectors.len());
    }

    #[test]
    fn people_trained_keeps_the_weakest_qualifier() {
        let d = dataset();
        let all = select(&d, &Filters::default(), Except::Nothing);
        let t = total(&all, "people_trained").unwrap();
        // 42 + 130 + over 20 + at least 100 + 18.
        assert_eq!(t.value, 310);
        assert_eq!(t.qualifier, Qualifier::MoreThan);
        assert_eq!(t.display(), "more than 310");
        let reached = total(&all, "people_reached").unwrap();
        assert_eq!(reached.qualifier, Qualifier::Approximately);
        assert_eq!(reached.value, 44_000 + 6_500);
    }

    #[test]
    fn combining_qualifiers() {
        use Qualifier::*;
        assert_eq!(combine(Exact, Exact), Exact);
        assert_eq!(combine(Exact, AtLeast), AtLeast);
        assert_eq!(combine(AtLeast, MoreThan), MoreThan);
        assert_eq!(combine(MoreThan, Approximately), Approximately);
    }

    #[test]
    fn filters_narrow_the_list() {
        let d = dataset();
        let f = Filters::from_query("sector=media");
        let v = select(&d, &f, Except::Nothing);
        assert!(!v.is_empty() && v.iter().all(|a| a.sector == "media"));
        let f = Filters::from_query("sector=media&kind=training");
        assert!(
            select(&d, &f, Except::Nothing)
                .iter()
                .all(|a| a.kind == ActivityKind::Training)
        );
        let f = Filters::from_query("q=JURY");
        let v = select(&d, &f, Except::Nothing);
        assert!(v.iter().any(|a| a.id == "kz2006-a40"));
        let f = Filters::from_query("q=government's+treatment");
        assert!(
            select(&d, &f, Except::Nothing)
                .iter()
                .any(|a| a.id == "kz2006-a50")
        );
        let f = Filters::from_query("sector=no-such-sector");
        assert!(select(&d, &f, Except::Nothing).is_empty());
        assert!(select(&d, &f, Except::Sectors).len() == d.activities.len());
    }

    #[test]
    fn a_month_range_lists_what_is_dated_inside_it() {
        let d = dataset();
        let f = Filters::from_query("from=2006-09&to=2006-09");
        let ids: Vec<&str> = select(&d, &f, Except::Nothing)
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        // 29 September (two activities) and 11 September; nothing dated only to 2006.
        assert_eq!(ids, ["kz2006-a04", "kz2006-a05", "kz2006-a54"]);
        let loose = Selector::new(&d, &f, Except::Nothing).loosely_dated();
        assert!(
            loose.iter().any(|a| a.id == "kz2006-a01"),
            "a year-only activity may be in any month"
        );
        assert!(
            !loose.iter().any(|a| a.id == "kz2006-a50"),
            "1 March is not"
        );
        let all = Filters::from_query("from=2006-09&to=2006-09&imprecise=1");
        assert_eq!(
            select(&d, &all, Except::Nothing).len(),
            ids.len() + loose.len(),
            "one click includes them"
        );
        assert!(
            Selector::new(&d, &all, Except::Nothing)
                .loosely_dated()
                .is_empty()
        );
        // The whole year holds everything dated to it; January 2007 holds nothing.
        let year = Filters::from_query("from=2006-01&to=2006-12");
        assert!(
            select(&d, &year, Except::Nothing)
                .iter()
                .any(|a| a.id == "kz2006-a01")
        );
        let f = Filters::from_query("from=2007-01");
        assert!(select(&d, &f, Except::Nothing).is_empty());
    }

    #[test]
    fn periods_fit_by_what_is_certain() {
        let d = dataset();
        let civic = d.activity("kz2006-a15").unwrap(); // 2001 to 2006, completed in 2006
        let m = |s: &str| Month::parse(s);
        assert_eq!(date_fit(civic, m("2004-01"), m("2004-12")), DateFit::Inside);
        assert_eq!(
            date_fit(civic, m("2006-09"), m("2006-09")),
            DateFit::Possible
        );
        let june = d.activity("kz2006-a17").unwrap(); // from June 2006, to some time in 2006
        assert_eq!(date_fit(june, m("2006-06"), m("2006-06")), DateFit::Inside);
        assert_eq!(
            date_fit(june, m("2006-09"), m("2006-09")),
            DateFit::Possible
        );
        assert_eq!(date_fit(june, m("2006-01"), m("2006-05")), DateFit::Outside);
    }

    #[test]
    fn dates_typed_in_the_search_are_understood() {
        let q = |s: &str| parse_date_query(s);
        let sep29 = Some(DateQuery {
            year: None,
            month: 9,
            day: Some(29),
        });
        assert_eq!(q("29 September"), sep29);
        assert_eq!(q("September 29"), sep29);
        assert_eq!(q("Sept. 29"), sep29);
        assert_eq!(q("29 September 2006").unwrap().year, Some(2006));
        assert_eq!(
            q("Sep 2006"),
            Some(DateQuery {
                year: Some(2006),
                month: 9,
                day: None
            })
        );
        assert_eq!(
            q("2006-09-29"),
            Some(DateQuery {
                year: Some(2006),
                month: 9,
                day: Some(29)
            })
        );
        assert_eq!(
            q("2006-09"),
            Some(DateQuery {
                year: Some(2006),
                month: 9,
                day: None
            })
        );
        for not_a_date in [
            "jury",
            "2006",
            "may day",
            "31 June",
            "march on",
            "",
            "september 29 jury",
        ] {
            assert_eq!(q(not_a_date), None, "{not_a_date}");
        }
        let d = dataset();
        for typed in [
            "29 September",
            "September 29",
            "29 September 2006",
            "2006-09-29",
        ] {
            let ids: Vec<&str> = select(
                &d,
                &Filters {
                    q: typed.into(),
                    ..Filters::default()
                },
                Except::Nothing,
            )
            .iter()
            .map(|a| a.id.as_str())
            .collect();
            assert!(
                ids.contains(&"kz2006-a04") && ids.contains(&"kz2006-a05"),
                "{typed}: {ids:?}"
            );
        }
        let sep = select(
            &d,
            &Filters {
                q: "Sep 2006".into(),
                ..Filters::default()
            },
            Except::Nothing,
        );
        assert!(sep.iter().any(|a| a.id == "kz2006-a54"));
        // The date is highlighted however the text writes it.
        assert_eq!(
            match_ranges("met on September 29", "29 September"),
            vec![(7, 19)]
        );
    }

    #[test]
    fn sorting_by_date_puts_year_only_activities_last() {
        let d = dataset();
        let v = select(&d, &Filters::from_query("sort=date"), Except::Nothing);
        let first_loose = v.iter().position(|a| year_only(a)).unwrap();
        assert!(first_loose > 5);
        assert!(v[first_loose..].iter().all(|a| year_only(a)));
        assert_eq!(v[0].id, "kz2006-a15", "the 2001 start comes first");
    }

    #[test]
    fn folding_matches_the_standard_lower_case_for_the_scripts_used() {
        let sample = "AZÀÖØÞĀĮĲĶŁŇŊŶŹŽΑΡΣΫЀЏАЯѠҀҊҾӀӁӎӐԮ ҚҒҢӨҰҮҺІӘ ’‘“”";
        for c in sample.chars() {
            let expected = match c {
                '’' | '‘' => '\'',
                '“' | '”' => '"',
                c => c.to_lowercase().next().unwrap(),
            };
            assert_eq!(fold_char(c), expected, "{c} U+{:04X}", c as u32);
        }
        assert_eq!(fold("ҚАЗАҚСТАН"), "қазақстан");
        assert_eq!(fold("Government’s"), "government's");
    }

    #[test]
    fn highlights_find_every_match() {
        assert_eq!(
            highlight("Jury trials; jury", "jury"),
            vec![("Jury", true), (" trials; ", false), ("jury", true)]
        );
        assert_eq!(highlight("abc", ""), vec![("abc", false)]);
        assert_eq!(
            match_ranges("the government’s", "government's"),
            vec![(4, 18)]
        );
    }

    #[test]
    fn segments_tile_each_paragraph_and_carry_their_citations() {
        let d = dataset();
        for p in &d.reports[0].paragraphs {
            let segs = segments(&d, p);
            let joined: String = segs.iter().map(|(r, _)| &p.text[r.clone()]).collect();
            assert_eq!(joined, p.text);
        }
        let p = d.paragraph("kz2006-p10").unwrap().1;
        let segs = segments(&d, p);
        let cited: Vec<&str> = segs
            .iter()
            .flat_map(|(_, c)| c.iter().map(|(id, _)| id.as_str()))
            .collect();
        assert!(cited.contains(&"kz2006-a11"));
    }

    #[test]
    fn result_counts_add_up_and_the_filter_lists_each_class() {
        let d = dataset();
        for q in [
            "",
            "sector=media",
            "sector=rule-of-law&kind=advocacy",
            "q=zzzz",
        ] {
            let f = Filters::from_query(q);
            let acts = select(&d, &f, Except::Nothing);
            let counts = result_counts(&d, &acts);
            assert_eq!(counts.len(), ResultClass::ALL.len());
            assert_eq!(counts.iter().map(|c| c.1).sum::<usize>(), acts.len(), "{q}");
            let pairs = outcome_pairs(&d, &acts);
            let reported: usize = counts
                .iter()
                .filter(|c| c.0 != ResultClass::NotReported)
                .map(|c| c.1)
                .sum();
            assert_eq!(pairs.len(), reported, "{q}");
            for (class, n) in counts {
                let mut g = f.clone();
                g.results = vec![class];
                assert_eq!(select(&d, &g, Except::Nothing).len(), n, "{q} {class:?}");
                // The view's own counts leave the result filter out, so each class stays
                // selectable.
                assert_eq!(select(&d, &g, Except::Results).len(), acts.len());
            }
        }
        let all = select(&d, &Filters::default(), Except::Nothing);
        let counts: Vec<usize> = result_counts(&d, &all).iter().map(|c| c.1).collect();
        // Achieved, partly, under way, not achieved, reversed, no outcome reported.
        assert_eq!(counts, [4, 2, 1, 1, 1, all.len() - 9]);
        let ban = select(
            &d,
            &Filters::from_query("result=achieved&sector=assembly"),
            Except::Nothing,
        );
        assert_eq!(ban.len(), 1);
        assert_eq!(outcome_pairs(&d, &ban)[0].1.id, "kz2006-o04");
        // What came of an activity is searched too.
        let hit = select(
            &d,
            &Filters::from_query("q=ban+was+removed"),
            Except::Nothing,
        );
        assert_eq!(hit.len(), 1);
        assert_eq!(hit[0].id, "kz2006-a35");
    }

    #[test]
    fn summary_is_generated_from_data() {
        let d = dataset();
        let all = select(&d, &Filters::default(), Except::Nothing);
        let s = summary_text(&d, &all);
        assert!(s.starts_with(&format!(
            "The report describes {} U.S. activities",
            all.len()
        )));
        assert!(s.contains("December 2005 to January 2007"), "{s}");
        assert_eq!(
            summary_text(&d, &[]),
            "No activity matches the current filters."
        );
    }
}
