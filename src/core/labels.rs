//! What the page says about a view, in words and without markup: the active filters as chips,
//! captions, when an activity happened, the chart's note, a quote in its context, file names,
//! the embed snippet. Pure: the components show these strings and the tests read them natively.

use super::filters::{Embed, Filters, Measure, Month};
use super::i18n::{self, T, f as tf, t};
use super::model::*;
use super::query::{Except, Selector, by_sector, select};

/// When an activity happened, as the report dates it ("29 September 2006", "2001 – 2006").
pub fn when(a: &Activity) -> String {
    span(&a.time)
}

/// A time as the report dates it.
fn span(t: &Time) -> String {
    match &t.end {
        Some(end) => format!("{} – {}", t.start.display(), end.display()),
        None => t.start.display(),
    }
}

/// `when`, with how the date is known (for the activity sheet).
pub fn when_in_full(a: &Activity) -> String {
    time_in_full(&a.time)
}

/// A time (an activity's or an outcome's), with how it is known: "2006 (the report gives no
/// date; it covers 2006)".
pub fn time_in_full(t: &Time) -> String {
    let span = span(t);
    match t.basis {
        TimeBasis::Stated => span,
        TimeBasis::Derived => tf(T::WorkedOut, &[&span]),
        TimeBasis::ReportScope => tf(
            T::NoDateGiven,
            &[&span, &i18n::f(T::Year, &[&t.start.year.to_string()])],
        ),
    }
}

/// A figure as the report gives it: "more than 44,000 secondary school students reached".
pub fn figure_text(m: &Metric) -> String {
    format!("{} {}", i18n::qualified(m.qualifier, m.value), m.counted)
}

/// One active filter: what it says and the parameters that remove it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chip {
    pub words: String,
    /// The parameters the removing link empties (`?sector=`, `?from=&to=&imprecise=`): merged
    /// into the current view, so the rest of it, whatever it is, stays.
    pub remove: &'static str,
}

/// The parameters "Clear all" empties: every filter that narrows the list.
pub const NARROWING: &str = "?sector=&kind=&status=&place=&from=&to=&imprecise=&q=&has=&result=";

/// A month range in words: "September 2006", "March 2006 – May 2006", "from June 2006".
pub fn months_words(from: Option<Month>, to: Option<Month>) -> String {
    let long = Month::long_label;
    match (from, to) {
        (Some(a), Some(b)) if a == b => long(a),
        (Some(a), Some(b)) => format!("{} – {}", long(a), long(b)),
        (Some(a), None) => tf(T::FromMonth, &[&long(a)]),
        (None, Some(b)) => tf(T::UntilMonth, &[&long(b)]),
        (None, None) => String::new(),
    }
}

/// Every active filter, in the URL's order.
pub fn chips(d: &Dataset, f: &Filters) -> Vec<Chip> {
    let mut out = Vec::new();
    let mut push = |words: String, remove| out.push(Chip { words, remove });
    if !f.sectors.is_empty() {
        let names: Vec<String> = f
            .sectors
            .iter()
            .map(|s| d.sector(s).map_or_else(|| s.clone(), |x| x.name.clone()))
            .collect();
        let words = match names.as_slice() {
            [one] => tf(T::SectorOnly, &[one]),
            [rest @ .., last] => tf(T::And, &[&rest.join(", "), last]),
            [] => String::new(),
        };
        push(words, "?sector=");
    }
    if !f.kinds.is_empty() {
        let w: Vec<&str> = f.kinds.iter().map(|k| k.label()).collect();
        push(w.join(t(T::Or)), "?kind=");
    }
    if !f.statuses.is_empty() {
        let w: Vec<&str> = f.statuses.iter().map(|k| k.label()).collect();
        push(w.join(t(T::Or)), "?status=");
    }
    if !f.places.is_empty() {
        let w: Vec<String> = f
            .places
            .iter()
            .map(|p| d.place(p).map_or_else(|| p.clone(), |x| x.name.clone()))
            .collect();
        push(tf(T::InPlace, &[&w.join(t(T::Or))]), "?place=");
    }
    if f.from.is_some() || f.to.is_some() {
        push(months_words(f.from, f.to), "?from=&to=&imprecise=");
        if f.imprecise {
            push(t(T::WithLoose).to_string(), "?imprecise=");
        }
    }
    if let Some(h) = &f.has {
        let label = d
            .measures
            .iter()
            .find(|m| &m.id == h)
            .map_or_else(|| h.clone(), |m| m.label.clone());
        let label = if i18n::lang() == i18n::Lang::En {
            super::i18n::fold(&label)
        } else {
            label
        };
        push(tf(T::WithFigure, &[&label]), "?has=");
    }
    if !f.q.is_empty() {
        push(tf(T::Matching, &[&f.q]), "?q=");
    }
    if !f.results.is_empty() {
        let w: Vec<&str> = f.results.iter().map(|r| r.label()).collect();
        push(tf(T::ChipResult, &[&w.join(t(T::Or))]), "?result=");
    }
    out
}

/// "Media freedom only", "Media freedom and Elections · Training · September 2006": what a
/// filtered view shows, in words, for captions and titles. Empty for the whole report.
pub fn caption(d: &Dataset, f: &Filters) -> String {
    chips(d, f)
        .into_iter()
        .map(|c| c.words)
        .collect::<Vec<_>>()
        .join(" · ")
}

/// With a date range, the activities it leaves out for being dated only loosely, in words
/// ("+ 50 dated only to 2006, + 2 over longer periods that may include it"); `None` without.
pub fn loose_words(d: &Dataset, f: &Filters) -> Option<String> {
    let s = Selector::new(d, f, Except::Nothing);
    let loose = s.loosely_dated();
    if loose.is_empty() {
        return None;
    }
    let year_only: Vec<&Activity> = loose
        .iter()
        .copied()
        .filter(|a| super::query::year_only(a))
        .collect();
    let mut years: Vec<i32> = year_only.iter().map(|a| a.time.start.year).collect();
    super::order::sort_by(&mut years, &|a, b| a.cmp(b));
    years.dedup();
    let years: Vec<String> = years.iter().map(|y| y.to_string()).collect();
    let mut parts = Vec::new();
    if !year_only.is_empty() {
        parts.push(tf(
            T::LooseYear,
            &[&year_only.len().to_string(), &years.join(t(T::Or))],
        ));
    }
    if year_only.len() < loose.len() {
        parts.push(tf(
            T::LoosePeriods,
            &[&(loose.len() - year_only.len()).to_string()],
        ));
    }
    Some(parts.join(", "))
}

/// The measure's name for titles.
pub fn measure_label(d: &Dataset, m: &Measure) -> String {
    match m {
        Measure::Activities => t(T::Activities).to_string(),
        Measure::Metric(id) => d
            .measures
            .iter()
            .find(|x| &x.id == id)
            .map_or_else(|| t(T::Activities).to_string(), |x| x.label.clone()),
    }
}

/// The note under the sector chart's heading: how the bars count, and under a measure, how
/// many activities in view give no figure for it.
pub fn sector_note(d: &Dataset, f: &Filters) -> String {
    match &f.measure {
        Measure::Activities => t(T::ChartNoteCount).to_string(),
        Measure::Metric(_) => {
            let acts = select(d, f, Except::Sectors);
            let rows = by_sector(d, &acts, &f.measure, &f.sectors);
            let without: usize = rows.iter().map(|r| r.without_figure).sum();
            tf(
                T::ChartNoteMeasure,
                &[&without.to_string(), &acts.len().to_string()],
            )
        }
    }
}

/// The note above the list: how undated activities are shown, said once.
pub fn list_note(d: &Dataset) -> String {
    let year = d.reports.first().map_or(2006, |r| r.year);
    tf(T::ListNote, &[&year.to_string()])
}

/// A quote with up to 80 characters of its paragraph on either side, cut at word boundaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InContext {
    pub before: String,
    pub quote: String,
    pub after: String,
    /// Whether the paragraph goes on before `before` / after `after` (an ellipsis).
    pub more_before: bool,
    pub more_after: bool,
    /// "From paragraph 12", when the paragraph's number can be told.
    pub source: String,
}

/// `e` in its paragraph, for the evidence list.
pub fn in_context(d: &Dataset, e: &Evidence) -> InContext {
    let text = d
        .paragraph(&e.paragraph)
        .map(|(_, p)| p.text.as_str())
        .unwrap_or_default();
    let chars: Vec<char> = text.chars().collect();
    let s = e.start.min(chars.len());
    let end = e.end.min(chars.len()).max(s);
    // Up to 80 characters each side, then back to the nearest space, so no word is cut.
    let mut from = s.saturating_sub(80);
    if from > 0 {
        while from < s && !chars[from - 1].is_whitespace() {
            from += 1;
        }
    }
    let mut to = (end + 80).min(chars.len());
    if to < chars.len() {
        while to > end && !chars[to].is_whitespace() {
            to -= 1;
        }
    }
    InContext {
        before: chars[from..s].iter().collect(),
        quote: e.quote.clone(),
        after: chars[end..to]
            .iter()
            .collect::<String>()
            .trim_end()
            .to_string(),
        more_before: from > 0,
        more_after: to < chars.len(),
        source: e
            .paragraph
            .rsplit('p')
            .next()
            .and_then(|n| n.parse::<u32>().ok())
            .map_or_else(String::new, |n| tf(T::FromParagraph, &[&n.to_string()])),
    }
}

/// What a download of this view is called: `kz2006-trafficking`, `kz2006-media-training`,
/// `kz2006-all`.
pub fn file_stem(d: &Dataset, f: &Filters) -> String {
    let mut parts: Vec<String> = vec![d.reports.first().map_or("data", |r| r.id.as_str()).into()];
    parts.extend(f.sectors.iter().cloned());
    parts.extend(f.kinds.iter().map(|k| k.id().replace('_', "-")));
    parts.extend(f.statuses.iter().map(|k| k.id().to_string()));
    parts.extend(f.places.iter().cloned());
    match (f.from, f.to) {
        (Some(a), Some(b)) if a == b => parts.push(a.to_string()),
        (a, b) if a.is_some() || b.is_some() => parts.push(format!(
            "{}-to-{}",
            a.map_or("start".into(), |m| m.to_string()),
            b.map_or("end".into(), |m| m.to_string())
        )),
        _ => {}
    }
    if let Some(h) = &f.has {
        parts.push(h.replace('_', "-"));
    }
    parts.extend(f.results.iter().map(|r| r.id().replace('_', "-")));
    if !f.q.is_empty() {
        let q: String =
            f.q.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '-'
                    }
                })
                .collect();
        let q: Vec<&str> = q.split('-').filter(|s| !s.is_empty()).collect();
        if !q.is_empty() {
            parts.push(format!("search-{}", q.join("-")));
        }
    }
    if parts.len() == 1 {
        parts.push("all".into());
    }
    let stem = parts.join("-");
    // Keep names short and safe for every file system.
    stem.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(80)
        .collect()
}

/// A fingerprint of the dataset file's text (FNV-1a, 64 bits, in hex): the pre-rendered page
/// records the one it was rendered from, and the app hydrates that page only for the same data.
pub fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The preview widths the embed dialog offers: partner column widths, and the dialog's own
/// full width (0).
pub const EMBED_WIDTHS: [u32; 3] = [320, 640, 0];

/// The snippet a partner pastes: the iframe for `src` at `height`, and the resize script
/// (`base`: the explorer's address).
pub fn embed_snippet(src: &str, which: Embed, height: u32, base: &str) -> String {
    let attr = |s: &str| {
        s.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
    };
    format!(
        "<iframe src=\"{}\" title=\"{} — U.S. Record in Kazakhstan, 2006\" loading=\"lazy\" \
         style=\"width:100%;min-width:300px;height:{height}px;border:0\" \
         sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads\"></iframe>\n\
         <script async src=\"{}embed.js\"></script>",
        attr(src),
        attr(which.label()),
        attr(base)
    )
}

/// A piece of an interface text split at its placeholders: literal text, or the `{n}` to put
/// there. Texts whose placeholders take markup (the bold count, the footer's links) are shown
/// piece by piece, so no markup is ever built from strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Arg(usize),
}

/// `template` split at `{0}`…`{9}`.
pub fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        let b = rest.as_bytes();
        if b.len() > i + 2 && b[i + 1].is_ascii_digit() && b[i + 2] == b'}' {
            if i > 0 {
                out.push(Piece::Text(&rest[..i]));
            }
            out.push(Piece::Arg(usize::from(b[i + 1] - b'0')));
            rest = &rest[i + 3..];
        } else {
            out.push(Piece::Text(&rest[..=i]));
            rest = &rest[i + 1..];
        }
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset() -> Dataset {
        crate::core::query::tests::dataset()
    }

    #[test]
    fn every_active_filter_is_a_chip_that_removes_it() {
        let d = dataset();
        let f = Filters::from_query(
            "sector=media&kind=training&from=2006-09&to=2006-09&has=people_trained&q=x&activity=kz2006-a01",
        );
        let c = chips(&d, &f);
        let words: Vec<&str> = c.iter().map(|c| c.words.as_str()).collect();
        assert_eq!(
            words,
            [
                "Media freedom only",
                "Training",
                "September 2006",
                "with a figure for people trained",
                "matching “x”"
            ]
        );
        assert_eq!(c[3].remove, "?has=");
        let r = chips(&d, &Filters::from_query("result=partly,achieved"));
        assert_eq!(r[0].words, "outcome: Achieved or Partly achieved");
        assert_eq!(r[0].remove, "?result=");
        assert!(NARROWING.contains("&result="));
        assert_eq!(
            caption(&d, &Filters::from_query("sector=media")),
            "Media freedom only"
        );
        assert_eq!(caption(&d, &Filters::default()), "");
    }

    #[test]
    fn a_month_range_counts_the_loosely_dated_apart() {
        let d = dataset();
        let words = loose_words(&d, &Filters::from_query("from=2006-09&to=2006-09")).unwrap();
        assert!(words.contains("dated only to 2006"), "{words}");
        assert_eq!(loose_words(&d, &Filters::default()), None);
    }

    #[test]
    fn download_names_say_what_they_hold() {
        let d = dataset();
        let stem = |q: &str| file_stem(&d, &Filters::from_query(q));
        assert_eq!(stem(""), "kz2006-all");
        assert_eq!(stem("sector=trafficking"), "kz2006-trafficking");
        assert_eq!(stem("sector=media&kind=training"), "kz2006-media-training");
        assert_eq!(stem("from=2006-09&to=2006-09"), "kz2006-2006-09");
        assert_eq!(stem("q=Hot+line!"), "kz2006-search-hot-line");
        assert_eq!(stem("q=%2F..%2F..%2Fetc"), "kz2006-search-etc");
        assert_eq!(
            stem("sector=media&result=not_achieved"),
            "kz2006-media-not-achieved"
        );
    }

    #[test]
    fn a_quote_comes_with_its_paragraph_around_it() {
        let d = dataset();
        let a = d.activity("kz2006-a11").unwrap();
        let c = in_context(&d, &a.evidence[0]);
        let p = &d.paragraph(&a.evidence[0].paragraph).unwrap().1.text;
        assert!(p.contains(&format!("{}{}{}", c.before, c.quote, c.after)));
        assert!(c.before.chars().count() <= 80 && c.after.chars().count() <= 80);
        assert!(c.source.starts_with("From paragraph"));
        // Every excerpt of every activity starts and ends at a word boundary of its paragraph.
        for a in &d.activities {
            for e in &a.evidence {
                let c = in_context(&d, e);
                let p = &d.paragraph(&e.paragraph).unwrap().1.text;
                let shown = format!("{}{}{}", c.before, c.quote, c.after);
                let at = p
                    .find(&shown)
                    .expect("the excerpt is a piece of its paragraph");
                let before = p[..at].chars().next_back();
                let after = p[at + shown.len()..].chars().next();
                assert!(before.is_none_or(char::is_whitespace), "{}: …{shown}", a.id);
                assert!(
                    after.is_none_or(|c| c.is_whitespace()) || !c.more_after,
                    "{}: {shown}…",
                    a.id
                );
                assert_eq!(c.more_before, at > 0);
            }
        }
    }

    #[test]
    fn the_snippet_is_escaped_for_its_attribute() {
        let s = embed_snippet(
            "https://x/?sector=media&embed=chart&embed_id=kz-chart",
            Embed::Chart,
            512,
            "https://x/",
        );
        assert!(
            s.contains("<iframe src=\"https://x/?sector=media&amp;embed=chart"),
            "{s}"
        );
        assert!(s.contains("height:512px"));
        assert!(s.contains("<script async src=\"https://x/embed.js\"></script>"));
        assert!(!embed_snippet("\"><script>", Embed::Chart, 1, "").contains("\"><script>"));
    }

    #[test]
    fn templates_split_at_their_placeholders() {
        assert_eq!(
            pieces("{0} of {1} activities"),
            [
                Piece::Arg(0),
                Piece::Text(" of "),
                Piece::Arg(1),
                Piece::Text(" activities")
            ]
        );
        assert_eq!(
            pieces("{1} іс-шарадан {0}"),
            [Piece::Arg(1), Piece::Text(" іс-шарадан "), Piece::Arg(0)]
        );
        assert_eq!(pieces("a {x} {"), [Piece::Text("a {"), Piece::Text("x} {")]);
        assert_eq!(pieces(""), []);
    }
}
