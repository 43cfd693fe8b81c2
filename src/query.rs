//! Pure queries over the dataset: which activities a view shows, and the totals it reports.
//! Totals keep the report's qualifiers, so a sum is never more exact than its parts.

use crate::filters::{Filters, Measure, Month, Sort};
use crate::model::*;
use crate::validate::group_thousands;

/// The first and last day an activity's time can mean.
pub fn activity_days(a: &Activity) -> ((i32, u8, u8), (i32, u8, u8)) {
    let end = a.time.end.unwrap_or(a.time.start);
    (a.time.start.first_day(), end.last_day())
}

/// Which filters to apply; a chart leaves out its own dimension so its bars stay clickable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Except {
    Nothing,
    Sectors,
    Dates,
}

/// True when the activity passes every filter but the excepted one.
pub fn matches(d: &Dataset, a: &Activity, f: &Filters, except: Except) -> bool {
    if except != Except::Sectors && !f.sectors.is_empty() && !f.sectors.contains(&a.sector) {
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
    if except != Except::Dates && !overlaps(a, f.from, f.to) {
        return false;
    }
    if !f.q.is_empty() && !activity_text_matches(d, a, &f.q) {
        return false;
    }
    true
}

/// True when the activity's time overlaps the month range (open ends allowed).
pub fn overlaps(a: &Activity, from: Option<Month>, to: Option<Month>) -> bool {
    let (first, last) = activity_days(a);
    let after_from = from.is_none_or(|m| (last.0, last.1) >= (m.year, m.month));
    let before_to = to.is_none_or(|m| (first.0, first.1) <= (m.year, m.month));
    after_from && before_to
}

fn activity_text_matches(d: &Dataset, a: &Activity, q: &str) -> bool {
    let _ = d;
    let needle = fold(q);
    let hit = |s: &str| contains_folded(s, &needle);
    hit(&a.title)
        || hit(&a.summary)
        || a.evidence.iter().any(|e| hit(&e.quote))
        || a.metrics.iter().any(|m| hit(&m.counted))
}

/// The activities a view lists, in its chosen order.
pub fn select<'a>(d: &'a Dataset, f: &Filters, except: Except) -> Vec<&'a Activity> {
    let mut v: Vec<&Activity> = d
        .activities
        .iter()
        .filter(|a| matches(d, a, f, except))
        .collect();
    sort(d, &mut v, f.sort);
    v
}

/// Orders activities; ties keep the report's order.
pub fn sort(d: &Dataset, v: &mut [&Activity], order: Sort) {
    let sector_pos = |id: &str| d.sectors.iter().position(|s| s.id == id);
    match order {
        Sort::Report => {}
        Sort::Date => v.sort_by_key(|a| activity_days(a).0),
        Sort::Title => v.sort_by_key(|a| fold(&a.title)),
        Sort::Sector => v.sort_by_key(|a| sector_pos(&a.sector)),
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
        format!("{}{}", self.qualifier.prefix(), group_thousands(self.value))
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
                    None => (0, "no figure".to_string(), here.len()),
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
    /// The qualifier's words ("more than "), shown smaller than the number.
    pub qualifier: &'static str,
    /// The number, grouped ("50,500").
    pub number: String,
    /// Exactly what is counted, for the tooltip and screen readers.
    pub detail: String,
    /// `has=` value listing the activities behind it; `None` for the plain count.
    pub measure: Option<String>,
}

/// The overview's headline figures for a set of activities.
pub fn headlines(d: &Dataset, activities: &[&Activity]) -> Vec<Headline> {
    let mut sectors: Vec<&str> = activities.iter().map(|a| a.sector.as_str()).collect();
    sectors.sort_unstable();
    sectors.dedup();
    let mut v = vec![
        Headline {
            label: "U.S. activities".into(),
            qualifier: "",
            number: activities.len().to_string(),
            detail: "distinct programs, grants, trainings, exchanges and diplomatic actions the \
                     report describes"
                .into(),
            measure: None,
        },
        Headline {
            label: "Sectors".into(),
            qualifier: "",
            number: sectors.len().to_string(),
            detail: "themes with at least one activity".into(),
            measure: None,
        },
    ];
    for m in &d.measures {
        if let Some(t) = total(activities, &m.id) {
            v.push(Headline {
                label: m.label.clone(),
                qualifier: t.qualifier.prefix(),
                number: group_thousands(t.value),
                detail: format!(
                    "{}; summed over the {} activit{} that give a figure",
                    m.description,
                    t.activities,
                    if t.activities == 1 { "y" } else { "ies" }
                ),
                measure: Some(m.id.clone()),
            });
        }
    }
    v
}

/// A short summary in words, generated from the same data as the figures.
pub fn summary_text(d: &Dataset, activities: &[&Activity]) -> String {
    if activities.is_empty() {
        return "No activity matches the current filters.".into();
    }
    let rows = by_sector(d, activities, &Measure::Activities, &[]);
    let mut ranked: Vec<&SectorRow> = rows.iter().filter(|r| r.activities > 0).collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.activities));
    let top: Vec<String> = ranked
        .iter()
        .take(3)
        .map(|r| format!("{} ({})", r.sector.name, r.activities))
        .collect();
    let n = activities.len();
    let mut s = format!(
        "The report describes {n} U.S. activit{} in {} sector{}",
        if n == 1 { "y" } else { "ies" },
        ranked.len(),
        if ranked.len() == 1 { "" } else { "s" }
    );
    if ranked.len() > 1 {
        s += &format!(", most of them in {}", join_words(&top));
    }
    s.push('.');
    let ids = IdSet::new(activities);
    let mut dates: Vec<PartialDate> = d
        .events
        .iter()
        .filter(|e| ids.contains(&e.activity))
        .map(|e| e.date)
        .collect();
    dates.sort();
    if let [only] = dates.as_slice() {
        s += &format!(" 1 dated event, in {}.", only.display());
    } else if let (Some(first), Some(last)) = (dates.first(), dates.last()) {
        s += &format!(
            " {} dated event{} run from {} to {}.",
            dates.len(),
            if dates.len() == 1 { "" } else { "s" },
            first.display(),
            last.display()
        );
    }
    let undated = activities
        .iter()
        .filter(|a| a.time.start.precision() == Precision::Year && a.time.end.is_none())
        .count();
    if undated > 0 {
        s += &format!(" {undated} are dated to the year only.");
    }
    s
}

fn join_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    }
}

/// The ids of a set of activities, for membership tests (sorted; no hashing code in the wasm).
pub struct IdSet<'a>(Vec<&'a str>);

impl<'a> IdSet<'a> {
    /// The set of these activities' ids.
    pub fn new(activities: &[&'a Activity]) -> Self {
        let mut v: Vec<&str> = activities.iter().map(|a| a.id.as_str()).collect();
        v.sort_unstable();
        IdSet(v)
    }

    /// True when `id` is in the set.
    pub fn contains(&self, id: &str) -> bool {
        self.0.binary_search(&id).is_ok()
    }
}

/// Lower-cases and straightens apostrophes, so "government's" finds "government’s".
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    match c {
        '’' | '‘' => '\'',
        '“' | '”' => '"',
        c => {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) => x,
                _ => c,
            }
        }
    }
}

fn contains_folded(haystack: &str, folded_needle: &str) -> bool {
    !folded_needle.is_empty() && fold(haystack).contains(folded_needle)
}

/// Byte ranges of `text` that match `q` (case- and apostrophe-insensitive), for highlighting.
pub fn match_ranges(text: &str, q: &str) -> Vec<(usize, usize)> {
    let needle: Vec<char> = q.trim().chars().map(fold_char).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text
        .char_indices()
        .map(|(i, c)| (i, fold_char(c)))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= chars.len() {
        if chars[i..i + needle.len()]
            .iter()
            .zip(&needle)
            .all(|((_, c), n)| c == n)
        {
            let start = chars[i].0;
            let end = chars.get(i + needle.len()).map_or(text.len(), |(b, _)| *b);
            out.push((start, end));
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
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
    cuts.sort_unstable();
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
    use super::*;

    pub(crate) fn dataset() -> Dataset {
        let json = include_str!("../public/data/kazakhstan-2006.json");
        Dataset::from_json(json).expect("bundled dataset is valid")
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
    fn date_ranges_keep_overlapping_activities() {
        let d = dataset();
        let f = Filters::from_query("from=2006-09&to=2006-09");
        let v = select(&d, &f, Except::Nothing);
        let ids: Vec<&str> = v.iter().map(|a| a.id.as_str()).collect();
        assert!(ids.contains(&"kz2006-a04"), "29 September is in September");
        assert!(!ids.contains(&"kz2006-a50"), "1 March is not");
        assert!(
            ids.contains(&"kz2006-a01"),
            "a year-only activity may be in any month"
        );
        let f = Filters::from_query("from=2007-01");
        assert!(select(&d, &f, Except::Nothing).is_empty());
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
