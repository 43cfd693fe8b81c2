//! The view state, as it lives in the URL query string: parsed with defaults, unknown or
//! malformed parameters ignored, written back in one canonical order.

use super::model::{ActivityKind, ResultClass, Status};

/// A month of a year; the unit of the timeline and of date-range filters.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Month {
    pub year: i32,
    /// 1–12.
    pub month: u8,
}

impl Month {
    /// Parses `YYYY-MM`.
    pub fn parse(s: &str) -> Option<Month> {
        let (y, m) = s.split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let month: u8 = m.parse().ok()?;
        ((1..=12).contains(&month) && year > 0).then_some(Month { year, month })
    }

    /// Months since year 0, for arithmetic.
    pub fn index(self) -> i32 {
        self.year * 12 + i32::from(self.month) - 1
    }

    /// The month with this index.
    pub fn from_index(i: i32) -> Month {
        Month {
            year: i.div_euclid(12),
            month: (i.rem_euclid(12) + 1) as u8,
        }
    }

    /// "Jun 2006", in the interface's language.
    pub fn short_label(self) -> String {
        format!("{} {}", super::i18n::month_short(self.month), self.year)
    }

    /// "June 2006", in the interface's language.
    pub fn long_label(self) -> String {
        super::i18n::month_year(self.year, self.month)
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// What the sector chart measures.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Measure {
    /// Number of activities.
    #[default]
    Activities,
    /// Sum of the metrics with this measure key ("people_trained").
    Metric(String),
}

/// How the activity list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// The report's order.
    #[default]
    Report,
    Date,
    Title,
    Sector,
}

impl Sort {
    /// Every order, for the picker.
    pub const ALL: [Sort; 4] = [Sort::Report, Sort::Date, Sort::Title, Sort::Sector];

    /// The identifier used in URLs.
    pub fn id(self) -> &'static str {
        match self {
            Sort::Report => "report",
            Sort::Date => "date",
            Sort::Title => "title",
            Sort::Sector => "sector",
        }
    }

    /// Words for people.
    pub fn label(self) -> &'static str {
        use super::i18n::{T, t};
        t(match self {
            Sort::Report => T::SortReport,
            Sort::Date => T::SortDate,
            Sort::Title => T::SortTitle,
            Sort::Sector => T::SortSector,
        })
    }

    fn from_id(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|x| x.id() == s)
    }
}

/// Which single view an embed shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Embed {
    Chart,
    Timeline,
    Overview,
    /// "What came of it": outcomes by result class.
    Outcomes,
    Activity,
}

impl Embed {
    /// Every embeddable view, for the embed dialog.
    pub const ALL: [Embed; 5] = [
        Embed::Chart,
        Embed::Timeline,
        Embed::Overview,
        Embed::Outcomes,
        Embed::Activity,
    ];

    /// The identifier used in URLs.
    pub fn id(self) -> &'static str {
        match self {
            Embed::Chart => "chart",
            Embed::Timeline => "timeline",
            Embed::Overview => "overview",
            Embed::Outcomes => "outcomes",
            Embed::Activity => "activity",
        }
    }

    /// Words for people.
    pub fn label(self) -> &'static str {
        use super::i18n::{T, t};
        t(match self {
            Embed::Chart => T::EmbedChart,
            Embed::Timeline => T::EmbedTimeline,
            Embed::Overview => T::EmbedOverview,
            Embed::Outcomes => T::WhatCameOfIt,
            Embed::Activity => T::EmbedActivity,
        })
    }

    fn from_id(s: &str) -> Option<Embed> {
        Embed::ALL.into_iter().find(|e| e.id() == s)
    }
}

/// The colour theme a link asks for; without one, the full explorer follows the reader's
/// system and an embed is light (a partner page is most often light).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    Auto,
}

impl Theme {
    /// The identifier used in URLs.
    pub fn id(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }

    fn from_id(s: &str) -> Option<Theme> {
        [Theme::Light, Theme::Dark, Theme::Auto]
            .into_iter()
            .find(|t| t.id() == s)
    }
}

/// Everything a shared link reproduces.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    pub sectors: Vec<String>,
    pub kinds: Vec<ActivityKind>,
    pub statuses: Vec<Status>,
    pub places: Vec<String>,
    pub from: Option<Month>,
    pub to: Option<Month>,
    /// With a date range: also list activities dated too loosely to place in it ("2006").
    pub imprecise: bool,
    /// Free text over titles, summaries and quotes.
    pub q: String,
    /// Only activities that carry a figure of this measure.
    pub has: Option<String>,
    /// Only activities whose outcome is of these result classes (`NotReported`: those the
    /// report gives none), in `ResultClass::ALL`'s order.
    pub results: Vec<ResultClass>,
    /// The open activity.
    pub activity: Option<String>,
    pub measure: Measure,
    pub sort: Sort,
    /// Show the sector chart as a table.
    pub table: bool,
    /// Embed mode: one view, minimal chrome.
    pub embed: Option<Embed>,
    /// The embed's id in its resize and state messages.
    pub embed_id: Option<String>,
    /// The colour theme, when the link sets one.
    pub theme: Option<Theme>,
    /// The interface's language, when the link sets one (else the reader's browser chooses).
    pub lang: Option<super::i18n::Lang>,
}

/// Query strings longer than this are ignored beyond it. It must exceed the longest query
/// `to_query` writes (two lists of 64 ids of 64 characters, a 200-character search
/// percent-encoded at up to 12 bytes a character, …: about 11.3 KB), or a shared view would not
/// read back whole.
const MAX_QUERY: usize = 16 * 1024;
const MAX_LIST: usize = 64;
const MAX_TEXT: usize = 200;

impl Filters {
    /// Parses a query string (with or without the leading `?`), keeping what makes sense.
    pub fn from_query(query: &str) -> Filters {
        let mut f = Filters::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        let query = truncate(query, MAX_QUERY);
        for pair in query.split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = decode(v);
            let list = || -> Vec<String> {
                v.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty() && s.len() <= 64 && is_id(s))
                    .map(str::to_string)
                    .take(MAX_LIST)
                    .collect()
            };
            match k {
                "sector" => f.sectors = dedup(list()),
                "kind" => {
                    f.kinds = dedup(
                        list()
                            .iter()
                            .filter_map(|s| ActivityKind::from_id(s))
                            .collect(),
                    )
                }
                "status" => {
                    f.statuses = dedup(list().iter().filter_map(|s| Status::from_id(s)).collect())
                }
                "place" => f.places = dedup(list()),
                "result" => {
                    let mut r: Vec<ResultClass> = list()
                        .iter()
                        .filter_map(|s| ResultClass::from_id(s))
                        .collect();
                    // Canonical: the classes' own order, each once.
                    r.sort();
                    r.dedup();
                    f.results = r;
                }
                "from" => f.from = Month::parse(&v),
                "to" => f.to = Month::parse(&v),
                "imprecise" => f.imprecise = v == "1",
                "theme" => f.theme = Theme::from_id(&v),
                "lang" => {
                    f.lang = super::i18n::Lang::ALL
                        .into_iter()
                        .find(|l| l.code() == v.to_ascii_lowercase())
                }
                "q" => f.q = truncate(v.trim(), MAX_TEXT).trim_end().to_string(),
                "has" => f.has = Some(v.clone()).filter(|s| is_id(s) && s.len() <= 64),
                "activity" => f.activity = Some(v.clone()).filter(|s| is_id(s) && s.len() <= 64),
                "measure" => {
                    f.measure = match v.as_str() {
                        "" | "activities" => Measure::Activities,
                        m if is_id(m) && m.len() <= 64 => Measure::Metric(m.to_string()),
                        _ => Measure::Activities,
                    }
                }
                "sort" => f.sort = Sort::from_id(&v).unwrap_or_default(),
                "table" => f.table = v == "1",
                "embed" => f.embed = Embed::from_id(&v),
                "embed_id" => f.embed_id = Some(v.clone()).filter(|s| is_id(s) && s.len() <= 64),
                _ => {}
            }
        }
        if f.from.is_none() && f.to.is_none() {
            f.imprecise = false;
        }
        if let (Some(a), Some(b)) = (f.from, f.to)
            && a > b
        {
            f.from = Some(b);
            f.to = Some(a);
        }
        f
    }

    /// The canonical query string, without `?`; empty for the default view.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut push = |k: &str, v: String| parts.push(format!("{k}={}", encode(&v)));
        if !self.sectors.is_empty() {
            push("sector", self.sectors.join(","));
        }
        if !self.kinds.is_empty() {
            push("kind", join(self.kinds.iter().map(|k| k.id())));
        }
        if !self.statuses.is_empty() {
            push("status", join(self.statuses.iter().map(|s| s.id())));
        }
        if !self.places.is_empty() {
            push("place", self.places.join(","));
        }
        if let Some(m) = self.from {
            push("from", m.to_string());
        }
        if let Some(m) = self.to {
            push("to", m.to_string());
        }
        if self.imprecise && (self.from.is_some() || self.to.is_some()) {
            push("imprecise", "1".to_string());
        }
        if !self.q.is_empty() {
            push("q", self.q.clone());
        }
        if let Some(h) = &self.has {
            push("has", h.clone());
        }
        if !self.results.is_empty() {
            push("result", join(self.results.iter().map(|r| r.id())));
        }
        if let Measure::Metric(m) = &self.measure {
            push("measure", m.clone());
        }
        if self.sort != Sort::Report {
            push("sort", self.sort.id().to_string());
        }
        if self.table {
            push("table", "1".to_string());
        }
        if let Some(a) = &self.activity {
            push("activity", a.clone());
        }
        if let Some(e) = self.embed {
            push("embed", e.id().to_string());
        }
        if let Some(id) = &self.embed_id {
            push("embed_id", id.clone());
        }
        if let Some(t) = self.theme {
            push("theme", t.id().to_string());
        }
        if let Some(l) = self.lang {
            push("lang", l.code().to_string());
        }
        parts.join("&")
    }

    /// True when any filter narrows the activities (the open activity and display options
    /// do not).
    pub fn is_filtered(&self) -> bool {
        !self.sectors.is_empty()
            || !self.kinds.is_empty()
            || !self.statuses.is_empty()
            || !self.places.is_empty()
            || self.from.is_some()
            || self.to.is_some()
            || !self.q.is_empty()
            || self.has.is_some()
            || !self.results.is_empty()
    }

    /// Only the filters that narrow the list (what selection depends on), the rest at their
    /// defaults: views that show a selection repaint when this changes, not on every change.
    pub fn narrowing(&self) -> Filters {
        Filters {
            sectors: self.sectors.clone(),
            kinds: self.kinds.clone(),
            statuses: self.statuses.clone(),
            places: self.places.clone(),
            from: self.from,
            to: self.to,
            imprecise: self.imprecise,
            q: self.q.clone(),
            has: self.has.clone(),
            results: self.results.clone(),
            ..Filters::default()
        }
    }

    /// The same view with every narrowing filter cleared.
    pub fn cleared(&self) -> Filters {
        Filters {
            measure: self.measure.clone(),
            sort: self.sort,
            table: self.table,
            embed: self.embed,
            embed_id: self.embed_id.clone(),
            theme: self.theme,
            lang: self.lang,
            ..Filters::default()
        }
    }

    /// `current` with the parameters of `change` set over it, canonically.
    pub fn merge_query(current: &str, change: &str) -> String {
        let pairs = |q: &str| -> Vec<(String, String)> {
            q.trim_start_matches('?')
                .split('&')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap_or((p, ""));
                    (k.to_string(), v.to_string())
                })
                .collect()
        };
        let mut merged = pairs(current);
        for (k, v) in pairs(change) {
            merged.retain(|(mk, _)| *mk != k);
            merged.push((k, v));
        }
        let joined: Vec<String> = merged.iter().map(|(k, v)| format!("{k}={v}")).collect();
        Filters::from_query(&joined.join("&")).to_query()
    }

    /// The same view in the full explorer.
    pub fn without_embed(&self) -> Filters {
        Filters {
            embed: None,
            embed_id: None,
            ..self.clone()
        }
    }

    /// Adds `class` to the result filter, or removes it if present.
    pub fn toggle_result(&self, class: ResultClass) -> Filters {
        let mut f = self.clone();
        if let Some(i) = f.results.iter().position(|r| *r == class) {
            f.results.remove(i);
        } else {
            f.results.push(class);
            f.results.sort();
        }
        f
    }

    /// Adds `sector` to the sector filter, or removes it if present.
    pub fn toggle_sector(&self, sector: &str) -> Filters {
        let mut f = self.clone();
        if let Some(i) = f.sectors.iter().position(|s| s == sector) {
            f.sectors.remove(i);
        } else {
            f.sectors.push(sector.to_string());
        }
        f
    }
}

fn join<'a>(it: impl Iterator<Item = &'a str>) -> String {
    it.collect::<Vec<_>>().join(",")
}

fn dedup<T: PartialEq>(v: Vec<T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(v.len());
    for x in v {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Identifiers are ASCII letters, digits, `-` and `_`.
fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Percent-encodes everything but unreserved characters and `,`.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Decodes `+` and `%XX`; invalid escapes are kept as they are, invalid UTF-8 is replaced.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_a_full_view() {
        let f = Filters {
            sectors: vec!["media".into(), "rule-of-law".into()],
            kinds: vec![ActivityKind::Training],
            statuses: vec![Status::Ongoing],
            places: vec!["almaty".into()],
            from: Month::parse("2006-03"),
            to: Month::parse("2006-09"),
            imprecise: true,
            q: "jury trials & judges".into(),
            has: Some("people_trained".into()),
            results: vec![ResultClass::Achieved, ResultClass::NotReported],
            activity: Some("kz2006-a40".into()),
            measure: Measure::Metric("people_trained".into()),
            sort: Sort::Date,
            table: true,
            embed: Some(Embed::Timeline),
            embed_id: Some("partner-1".into()),
            theme: Some(Theme::Dark),
            lang: Some(crate::core::i18n::Lang::Kk),
        };
        let q = f.to_query();
        assert_eq!(Filters::from_query(&q), f);
        assert_eq!(Filters::from_query(&format!("?{q}")), f);
        assert_eq!(Filters::default().to_query(), "");
    }

    #[test]
    fn garbage_is_ignored_without_a_crash() {
        for q in [
            "from=2006-13&to=banana",
            "%%%&&&==",
            "sector=<script>alert(1)</script>",
            "kind=nonsense,training,training",
            "q=%E2%82",
            "activity=../../etc",
            "x=1&sort=sideways&table=yes",
            "%",
            "q=%4",
        ] {
            let f = Filters::from_query(q);
            assert!(
                f.sectors.is_empty() || f.sectors.iter().all(|s| is_id(s)),
                "{q}"
            );
            assert!(f.from.is_none() && f.to.is_none(), "{q}");
        }
        let f = Filters::from_query("kind=nonsense,training,training");
        assert_eq!(f.kinds, vec![ActivityKind::Training]);
        assert_eq!(Filters::from_query("q=%E2%82").q, "\u{FFFD}");
        let long = "q=".to_string() + &"a".repeat(10_000);
        assert_eq!(Filters::from_query(&long).q.len(), 200);
    }

    #[test]
    fn the_full_explorer_link_drops_only_the_embed() {
        let f = Filters::from_query("sector=media&embed=chart&embed_id=x1");
        assert_eq!(f.embed, Some(Embed::Chart));
        let full = f.without_embed();
        assert_eq!(full.to_query(), "sector=media");
        assert_eq!(
            Filters::from_query("embed=<script>&embed_id=a%20b").embed,
            None
        );
        assert_eq!(Filters::from_query("embed_id=a%20b").embed_id, None);
    }

    #[test]
    fn merging_sets_only_the_changed_parameters() {
        assert_eq!(
            Filters::merge_query(
                "?sector=media&activity=kz2006-a01&q=x",
                "?activity=kz2006-a02"
            ),
            "sector=media&q=x&activity=kz2006-a02"
        );
        assert_eq!(Filters::merge_query("", "activity=a"), "activity=a");
    }

    #[test]
    fn a_reversed_range_is_put_right() {
        let f = Filters::from_query("from=2006-09&to=2006-03");
        assert_eq!(f.from, Month::parse("2006-03"));
        assert_eq!(f.to, Month::parse("2006-09"));
    }

    #[test]
    fn months_count() {
        let m = Month::parse("2006-12").unwrap();
        assert_eq!(
            Month::from_index(m.index() + 1),
            Month::parse("2007-01").unwrap()
        );
        assert_eq!(m.short_label(), "Dec 2006");
        assert!(Month::parse("2006-00").is_none());
    }

    #[test]
    fn result_classes_are_read_in_their_own_order_once_and_unknown_ones_dropped() {
        let f = Filters::from_query("result=not_reported,nonsense,achieved,achieved,reversed");
        assert_eq!(
            f.results,
            [
                ResultClass::Achieved,
                ResultClass::Reversed,
                ResultClass::NotReported
            ]
        );
        assert_eq!(f.to_query(), "result=achieved,reversed,not_reported");
        assert!(f.is_filtered() && f.narrowing().results == f.results);
        assert!(f.cleared().results.is_empty());
        let on = Filters::default().toggle_result(ResultClass::Partly);
        assert_eq!(on.to_query(), "result=partly");
        assert!(on.toggle_result(ResultClass::Partly).results.is_empty());
        assert_eq!(
            Filters::from_query("result=under_way")
                .toggle_result(ResultClass::Achieved)
                .to_query(),
            "result=achieved,under_way"
        );
        assert_eq!(Filters::from_query("result=%3Cscript%3E").results, []);
    }

    #[test]
    fn toggling_a_sector_adds_then_removes_it() {
        let f = Filters::default().toggle_sector("media");
        assert_eq!(f.sectors, ["media"]);
        assert!(f.toggle_sector("media").sectors.is_empty());
    }
}
