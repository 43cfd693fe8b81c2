//! Validation as code: everything that makes a dataset trustworthy, checked once on load and by
//! the `dataset check` command, each problem named with its JSON path.

#![cfg_attr(target_arch = "wasm32", allow(dead_code))] // The provenance rules run natively only.

use super::model::*;
use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
#[cfg(not(target_arch = "wasm32"))]
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Why a dataset could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum DatasetError {
    /// Not JSON, or not of the dataset's shape.
    Malformed { path: String, message: String },
    /// A schema version this build does not read.
    UnsupportedSchema { found: String },
    /// Well-formed, but the data contradicts itself or its sources.
    Invalid(Vec<Problem>),
}

/// One thing wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatasetError::Malformed { path, message } if path.is_empty() || path == "." => {
                write!(
                    f,
                    "the dataset is not valid JSON of the expected shape: {message}"
                )
            }
            DatasetError::Malformed { path, message } => write!(
                f,
                "the dataset is not valid JSON of the expected shape at {path}: {message}"
            ),
            DatasetError::UnsupportedSchema { found } => write!(
                f,
                "the dataset uses schema version {found}, but this version of the explorer reads \
                 only version {SCHEMA_VERSION}"
            ),
            DatasetError::Invalid(problems) => {
                write!(f, "the dataset has {} problem(s)", problems.len())?;
                for p in problems.iter().take(20) {
                    write!(f, "\n  {p}")?;
                }
                if problems.len() > 20 {
                    write!(f, "\n  … and {} more", problems.len() - 20)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for DatasetError {}

impl Dataset {
    /// Parses and fully validates a dataset, naming what is wrong.
    pub fn from_json(json: &str) -> Result<Dataset, DatasetError> {
        parse_and_check(json)
    }
}

/// Parses JSON text into a dataset and checks it; the only way the app gets a `Dataset`.
pub fn parse_and_check(json: &str) -> Result<Dataset, DatasetError> {
    verify(read(parse_text(json)?)?)
}

/// A text that is JSON, with the schema version it declares: what `parse_text` gives `read`.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<'a> {
    text: &'a str,
    version: Option<Version>,
}

/// A declared schema version, as the file writes it.
#[derive(Debug, Clone, PartialEq)]
enum Version {
    /// A non-negative integer.
    Number(u64),
    /// Anything else, as a message shows it: `-1`, `1.5`, `"1"`, `true`, `null`, `an array`.
    Other(String),
}

/// The first step of `parse_and_check`: the text is JSON (serde_json reads all of it, keeping
/// nothing but the schema version), and its top is an object. (The steps are apart so that the
/// browser can let the page breathe between them on a large file.)
pub fn parse_text(json: &str) -> Result<Parsed<'_>, DatasetError> {
    match serde_json::from_str::<Head>(json) {
        Ok(Head(version)) => Ok(Parsed {
            text: json,
            version,
        }),
        Err(e) => Err(DatasetError::Malformed {
            path: String::new(),
            message: e.to_string(),
        }),
    }
}

/// The second step: the schema version, then the dataset's shape (serde's derive, with the JSON
/// path of the first thing that is not of that shape).
pub fn read(parsed: Parsed<'_>) -> Result<Dataset, DatasetError> {
    // The version is judged first, so that a future file is reported as such, not as a shape error.
    let found = match parsed.version {
        Some(Version::Number(n)) if n == u64::from(SCHEMA_VERSION) => None,
        Some(Version::Number(n)) => Some(n.to_string()),
        Some(Version::Other(s)) => Some(s),
        None => {
            return Err(DatasetError::Malformed {
                path: "schema_version".into(),
                message: "missing field".into(),
            });
        }
    };
    if let Some(found) = found {
        return Err(DatasetError::UnsupportedSchema { found });
    }
    serde_json::from_str::<Dataset>(parsed.text).map_err(|e| {
        let message = e.to_string();
        DatasetError::Malformed {
            path: path_at(parsed.text, offset_of(parsed.text, &e), &message),
            message,
        }
    })
}

/// Where in `text` serde_json stopped with `e` (a byte offset; 0 when it says no place).
fn offset_of(text: &str, e: &serde_json::Error) -> usize {
    // serde_json counts lines from 1 and the column in bytes from the line's start.
    let line_start = match e.line() {
        0 => return 0,
        1 => 0,
        n => text
            .match_indices('\n')
            .nth(n - 2)
            .map_or(0, |(i, _)| i + 1),
    };
    line_start + e.column()
}

/// The JSON path (`activities[3].time.start`; empty for the whole document) of the value being
/// read at byte `offset` of `text`, which is JSON (`parse_text` saw all of it): the key or index
/// of each container open there, down to the value read last. serde_json tells where (line and
/// column) the shape refused something and this names it; `serde_path_to_error`, which wraps
/// every field's decoding to track the path as it goes, cost the page's wasm 7.9 KB gzip.
/// A missing or repeated field is the object's fault: its path is the object's.
fn path_at(text: &str, offset: usize, message: &str) -> String {
    /// A container open at the offset, and where in it the reading was.
    enum Open {
        /// The key read last (`None` before the first, or after a comma).
        Object(Option<String>),
        /// The index of the element read last (`None` before the first).
        Array(Option<usize>),
    }
    let b = text.as_bytes();
    let end = offset.min(b.len());
    let mut open: Vec<Open> = Vec::new();
    // Whether the next string in an object is a key.
    let mut key_next = false;
    let mut i = 0;
    while i < end {
        let c = b[i];
        // A value starts here (not a key, a separator or space): it is the array's next element.
        let key = c == b'"' && key_next;
        let value = !(key || b",:]} \t\r\n".contains(&c));
        if value && let Some(Open::Array(at)) = open.last_mut() {
            at.get_or_insert(0);
        }
        match c {
            b'{' => {
                open.push(Open::Object(None));
                key_next = true;
            }
            b'[' => open.push(Open::Array(None)),
            b'}' | b']' => {
                open.pop();
                key_next = false;
            }
            b',' => match open.last_mut() {
                Some(Open::Object(key)) => {
                    *key = None;
                    key_next = true;
                }
                Some(Open::Array(Some(n))) => *n += 1,
                _ => {}
            },
            b':' => key_next = false,
            b'"' => {
                // To the closing quote (a backslash escapes the byte after it).
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                if key_next && let Some(Open::Object(key)) = open.last_mut() {
                    *key = serde_json::from_str(&text[i..=j.min(b.len() - 1)]).ok();
                }
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    if (message.starts_with("missing field") || message.starts_with("duplicate field"))
        && let Some(Open::Object(key)) = open.last_mut()
    {
        *key = None;
    }
    let mut path = String::new();
    for o in &open {
        match o {
            Open::Object(Some(k)) if path.is_empty() => path.push_str(k),
            Open::Object(Some(k)) => {
                path.push('.');
                path.push_str(k);
            }
            Open::Array(Some(n)) => path.push_str(&format!("[{n}]")),
            _ => {}
        }
    }
    path
}

/// The top of a document: an object, of which only the schema version is kept (the first, if
/// it is repeated; the derive refuses the repeat later).
struct Head(Option<Version>);

impl<'de> Deserialize<'de> for Head {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Head;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Head, A::Error> {
                let mut version = None;
                while let Some(IsVersion(is)) = map.next_key()? {
                    if is && version.is_none() {
                        version = Some(map.next_value()?);
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(Head(version))
            }
        }
        d.deserialize_map(V)
    }
}

/// Whether an object's key is `schema_version`.
struct IsVersion(bool);

impl<'de> Deserialize<'de> for IsVersion {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = IsVersion;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<IsVersion, E> {
                Ok(IsVersion(key == "schema_version"))
            }
        }
        d.deserialize_str(V)
    }
}

/// A number serde_json reads as a float, to six decimals (`1.0` stays `1.0`, not the `1` that
/// version 1 is), written without Rust's float formatting, which costs the wasm 8 KB gzipped.
fn decimal(n: f64) -> String {
    let millionths = (n.abs() * 1e6).round();
    if millionths >= 1e18 {
        return "a number".into();
    }
    let millionths = millionths as u64;
    let sign = if n.is_sign_negative() { "-" } else { "" };
    let fraction = format!("{:06}", millionths % 1_000_000);
    let fraction = fraction.trim_end_matches('0');
    let fraction = if fraction.is_empty() { "0" } else { fraction };
    format!("{sign}{}.{fraction}", millionths / 1_000_000)
}

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Version;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Version, E> {
                Ok(Version::Number(n))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Version, E> {
                Ok(Version::Other(n.to_string()))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Version, E> {
                Ok(Version::Other(decimal(n)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Version, E> {
                Ok(Version::Other(format!("\"{s}\"")))
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<Version, E> {
                Ok(Version::Other(b.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Version, E> {
                Ok(Version::Other("null".into()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Version, A::Error> {
                IgnoredAny.visit_seq(seq)?;
                Ok(Version::Other("an array".into()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Version, A::Error> {
                IgnoredAny.visit_map(map)?;
                Ok(Version::Other("an object".into()))
            }
        }
        d.deserialize_any(V)
    }
}

/// The last step: the dataset's checks.
pub fn verify(dataset: Dataset) -> Result<Dataset, DatasetError> {
    let problems = check(&dataset);
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(DatasetError::Invalid(problems))
    }
}

/// Whether the provenance rules run: figures and dates against their words, and every figure
/// and content paragraph accounted for. They guard the bundled file at build and CI time; the
/// browser re-checks only integrity (ids, references, quotes at their offsets), which keeps the
/// wasm smaller.
#[cfg(not(target_arch = "wasm32"))]
const PROVENANCE: bool = true;

/// Every problem in a parsed dataset; empty when it can be trusted.
#[cfg(not(target_arch = "wasm32"))]
pub fn check(d: &Dataset) -> Vec<Problem> {
    let mut c = Checker::new(d);
    c.run();
    c.problems
}

/// In the browser: integrity only (references resolve, quotes equal the text at their offsets),
/// with linear scans instead of the full checker's hash maps. The full rules guard the bundled
/// file at build and CI time.
#[cfg(target_arch = "wasm32")]
pub fn check(d: &Dataset) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut bad = |path: String, message: String| problems.push(Problem { path, message });
    let quote_ok = |e: &Evidence| {
        d.paragraph(&e.paragraph)
            .and_then(|(_, p)| slice_chars(&p.text, e.start, e.end))
            .is_some_and(|s| s == e.quote)
    };
    for (i, a) in d.activities.iter().enumerate() {
        if d.sector(&a.sector).is_none() {
            bad(
                format!("activities[{i}].sector"),
                format!("dangling reference: no sector '{}'", a.sector),
            );
        }
        let all = a
            .evidence
            .iter()
            .chain(a.metrics.iter().map(|m| &m.evidence))
            .chain(&a.time.evidence);
        for e in all {
            if !quote_ok(e) {
                bad(
                    format!("activities[{i}]"),
                    format!(
                        "a quote does not equal the text of {} at {}..{}",
                        e.paragraph, e.start, e.end
                    ),
                );
            }
        }
    }
    for (i, o) in d.outcomes.iter().enumerate() {
        for a in &o.activities {
            if d.activity(a).is_none() {
                bad(
                    format!("outcomes[{i}].activities"),
                    format!("dangling reference: no activity '{a}'"),
                );
            }
        }
        if !std::iter::once(&o.evidence)
            .chain(&o.time.evidence)
            .all(quote_ok)
        {
            bad(
                format!("outcomes[{i}]"),
                "a quote does not equal the text at its offsets".into(),
            );
        }
    }
    for (i, e) in d.events.iter().enumerate() {
        if d.activity(&e.activity).is_none() {
            bad(
                format!("events[{i}].activity"),
                format!("dangling reference: no activity '{}'", e.activity),
            );
        }
        if !e.evidence.iter().all(quote_ok) {
            bad(
                format!("events[{i}]"),
                "a quote does not equal the text at its offsets".into(),
            );
        }
    }
    problems
}

#[cfg(not(target_arch = "wasm32"))]
struct Checker<'a> {
    d: &'a Dataset,
    problems: Vec<Problem>,
    paragraphs: HashMap<&'a str, (&'a Report, &'a Paragraph)>,
    /// (paragraph id, code-point start) of each figure or month the data accounts for.
    covered: HashSet<(&'a str, usize)>,
    cited: HashSet<&'a str>,
}

#[cfg(not(target_arch = "wasm32"))]
impl<'a> Checker<'a> {
    fn new(d: &'a Dataset) -> Self {
        Checker {
            d,
            problems: Vec::new(),
            paragraphs: HashMap::new(),
            covered: HashSet::new(),
            cited: HashSet::new(),
        }
    }

    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    fn run(&mut self) {
        let d = self.d;
        self.unique_ids();
        for r in &d.reports {
            for p in &r.paragraphs {
                self.paragraphs.insert(p.id.as_str(), (r, p));
            }
        }
        for (i, s) in d.sectors.iter().enumerate() {
            if !is_colour(&s.colour) {
                self.problem(
                    format!("sectors[{i}].colour"),
                    format!("'{}' is not a #rrggbb colour", s.colour),
                );
            }
        }
        for (i, a) in d.activities.iter().enumerate() {
            self.activity(i, a);
        }
        for (i, e) in d.events.iter().enumerate() {
            self.event(i, e);
        }
        let mut answered: HashMap<&str, usize> = HashMap::new();
        for (i, o) in d.outcomes.iter().enumerate() {
            self.outcome(i, o, &mut answered);
        }
        for (ri, r) in d.reports.iter().enumerate() {
            for (i, n) in r.not_data.iter().enumerate() {
                let path = format!("reports[{ri}].not_data[{i}]");
                if n.reason.trim().is_empty() {
                    self.problem(format!("{path}.reason"), "a reason is required");
                }
                if self.evidence(&format!("{path}.evidence"), &n.evidence) {
                    self.cover(&n.evidence, |_| true);
                }
            }
        }
        for (ri, r) in d.reports.iter().enumerate() {
            if PROVENANCE {
                self.report_coverage(ri, r);
            }
        }
    }

    fn unique_ids(&mut self) {
        let d = self.d;
        let mut groups: Vec<(&str, Vec<(String, &str)>)> = vec![
            (
                "reports",
                d.reports
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (format!("reports[{i}].id"), r.id.as_str()))
                    .collect(),
            ),
            (
                "paragraphs",
                d.reports
                    .iter()
                    .enumerate()
                    .flat_map(|(ri, r)| {
                        r.paragraphs.iter().enumerate().map(move |(i, p)| {
                            (format!("reports[{ri}].paragraphs[{i}].id"), p.id.as_str())
                        })
                    })
                    .collect(),
            ),
            (
                "sectors",
                d.sectors
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (format!("sectors[{i}].id"), s.id.as_str()))
                    .collect(),
            ),
            (
                "measures",
                d.measures
                    .iter()
                    .enumerate()
                    .map(|(i, m)| (format!("measures[{i}].id"), m.id.as_str()))
                    .collect(),
            ),
            (
                "places",
                d.places
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (format!("places[{i}].id"), p.id.as_str()))
                    .collect(),
            ),
            (
                "activities",
                d.activities
                    .iter()
                    .enumerate()
                    .map(|(i, a)| (format!("activities[{i}].id"), a.id.as_str()))
                    .collect(),
            ),
            (
                "metrics",
                d.activities
                    .iter()
                    .enumerate()
                    .flat_map(|(ai, a)| {
                        a.metrics.iter().enumerate().map(move |(i, m)| {
                            (format!("activities[{ai}].metrics[{i}].id"), m.id.as_str())
                        })
                    })
                    .collect(),
            ),
            (
                "events",
                d.events
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (format!("events[{i}].id"), e.id.as_str()))
                    .collect(),
            ),
            (
                "outcomes",
                d.outcomes
                    .iter()
                    .enumerate()
                    .map(|(i, o)| (format!("outcomes[{i}].id"), o.id.as_str()))
                    .collect(),
            ),
        ];
        for (kind, ids) in groups.drain(..) {
            let mut seen: HashMap<&str, String> = HashMap::new();
            for (path, id) in ids {
                if id.trim().is_empty() {
                    self.problem(path, "an id is required");
                } else if let Some(first) = seen.get(id) {
                    let msg = format!("duplicate id '{id}' (also at {first}) among {kind}");
                    self.problem(path, msg);
                } else {
                    seen.insert(id, path);
                }
            }
        }
    }

    fn activity(&mut self, i: usize, a: &'a Activity) {
        let d = self.d;
        let path = format!("activities[{i}]");
        if d.report(&a.report).is_none() {
            self.problem(
                format!("{path}.report"),
                format!("dangling reference: no report '{}'", a.report),
            );
        }
        if d.sector(&a.sector).is_none() {
            self.problem(
                format!("{path}.sector"),
                format!("dangling reference: no sector '{}'", a.sector),
            );
        }
        for (ti, t) in a.tags.iter().enumerate() {
            if d.sector(t).is_none() {
                self.problem(
                    format!("{path}.tags[{ti}]"),
                    format!("dangling reference: no sector '{t}'"),
                );
            } else if *t == a.sector {
                self.problem(
                    format!("{path}.tags[{ti}]"),
                    "a tag repeats the primary sector",
                );
            }
        }
        for (pi, p) in a.places.iter().enumerate() {
            if d.place(p).is_none() {
                self.problem(
                    format!("{path}.places[{pi}]"),
                    format!("dangling reference: no place '{p}'"),
                );
            }
        }
        for (field, v) in [("title", &a.title), ("summary", &a.summary)] {
            if v.trim().is_empty() {
                self.problem(format!("{path}.{field}"), "must not be empty");
            }
        }
        if a.evidence.is_empty() {
            self.problem(
                format!("{path}.evidence"),
                "at least one passage is required",
            );
        }
        for (ei, e) in a.evidence.iter().enumerate() {
            self.evidence(&format!("{path}.evidence[{ei}]"), e);
        }
        for (mi, m) in a.metrics.iter().enumerate() {
            let mp = format!("{path}.metrics[{mi}]");
            if self.evidence(&format!("{mp}.evidence"), &m.evidence) {
                let spellings = number_spellings(m.value);
                self.cover(&m.evidence, |w| spellings.iter().any(|s| s == w));
            }
            if let Some(key) = &m.measure
                && !d.measures.iter().any(|x| &x.id == key)
            {
                self.problem(
                    format!("{mp}.measure"),
                    format!("dangling reference: no measure '{key}'"),
                );
            }
            if m.note.as_deref().is_some_and(|n| n.trim().is_empty()) {
                self.problem(format!("{mp}.note"), "must not be empty");
            }
            if let Some(msg) = metric_problem(m).filter(|_| PROVENANCE) {
                self.problem(format!("{mp}.value"), msg);
            }
        }
        self.time(&format!("{path}.time"), &a.time, &a.report);
    }

    fn time(&mut self, path: &str, t: &'a Time, report: &str) {
        let report_year = self.d.report(report).map(|r| r.year);
        for (ei, e) in t.evidence.iter().enumerate() {
            if self.evidence(&format!("{path}.evidence[{ei}]"), e) {
                if t.basis == TimeBasis::Derived {
                    // The figures a derivation starts from ("a six-year program") are its data.
                    self.cover(e, |_| true);
                } else {
                    for date in std::iter::once(&t.start).chain(t.end.as_ref()) {
                        self.cover(e, |w| is_part_of_date(date, w));
                    }
                }
            }
        }
        if let Some(end) = &t.end
            && end.last_day() < t.start.first_day()
        {
            self.problem(format!("{path}.end"), "the period ends before it starts");
        }
        match t.basis {
            TimeBasis::ReportScope => {
                if t.end.is_some() || t.start.precision() != Precision::Year {
                    self.problem(
                        format!("{path}.start"),
                        "a time from the report's scope is its year only",
                    );
                }
                if report_year.is_some_and(|y| y != t.start.year) {
                    self.problem(
                        format!("{path}.start"),
                        "a time from the report's scope must be the report's year",
                    );
                }
            }
            TimeBasis::Derived => {
                if t.reasoning.as_deref().is_none_or(|r| r.trim().is_empty()) {
                    self.problem(
                        format!("{path}.reasoning"),
                        "a derived time must say how it was derived",
                    );
                }
                if t.evidence.is_empty() {
                    self.problem(
                        format!("{path}.evidence"),
                        "a derived time needs the passage it was derived from",
                    );
                }
            }
            TimeBasis::Stated => {
                if t.evidence.is_empty() {
                    self.problem(
                        format!("{path}.evidence"),
                        "a stated time needs the passage that states it",
                    );
                }
                let quotes: Vec<&str> = t.evidence.iter().map(|e| e.quote.as_str()).collect();
                for (field, date) in
                    std::iter::once(("start", &t.start)).chain(t.end.as_ref().map(|e| ("end", e)))
                {
                    if let Some(msg) =
                        date_support(date, &quotes, report_year).filter(|_| PROVENANCE)
                    {
                        self.problem(format!("{path}.{field}"), msg);
                    }
                }
            }
        }
    }

    fn event(&mut self, i: usize, e: &'a Event) {
        let path = format!("events[{i}]");
        let report_year = match self.d.activity(&e.activity) {
            Some(a) => self.d.report(&a.report).map(|r| r.year),
            None => {
                self.problem(
                    format!("{path}.activity"),
                    format!("dangling reference: no activity '{}'", e.activity),
                );
                None
            }
        };
        if e.label.trim().is_empty() {
            self.problem(format!("{path}.label"), "must not be empty");
        }
        if e.date.precision() == Precision::Year {
            self.problem(
                format!("{path}.date"),
                "an event is dated to a month or a day; a year-only time belongs to its activity",
            );
        }
        if e.evidence.is_empty() {
            self.problem(
                format!("{path}.evidence"),
                "at least one passage is required",
            );
        }
        for (ei, ev) in e.evidence.iter().enumerate() {
            if self.evidence(&format!("{path}.evidence[{ei}]"), ev) {
                self.cover(ev, |w| is_part_of_date(&e.date, w));
            }
        }
        let quotes: Vec<&str> = e.evidence.iter().map(|e| e.quote.as_str()).collect();
        if let Some(msg) = date_support(&e.date, &quotes, report_year).filter(|_| PROVENANCE) {
            self.problem(format!("{path}.date"), msg);
        }
    }

    /// An outcome: its activities exist and have no other outcome, its quote is verbatim at its
    /// offsets, in a paragraph its activities cite, and (provenance) holds a cue word of its
    /// result class and names its actor; its time is checked as an activity's.
    fn outcome(&mut self, i: usize, o: &'a Outcome, answered: &mut HashMap<&'a str, usize>) {
        let d = self.d;
        let path = format!("outcomes[{i}]");
        if o.activities.is_empty() {
            self.problem(
                format!("{path}.activities"),
                "an outcome answers at least one activity",
            );
        }
        let mut cited: HashSet<&str> = HashSet::new();
        let mut report = None;
        for (ai, id) in o.activities.iter().enumerate() {
            let at = format!("{path}.activities[{ai}]");
            match d.activity(id) {
                None => self.problem(at, format!("dangling reference: no activity '{id}'")),
                Some(a) => {
                    cited.extend(a.evidence.iter().map(|e| e.paragraph.as_str()));
                    report = report.or(Some(a.report.as_str()));
                    if let Some(first) = answered.insert(id.as_str(), i) {
                        self.problem(
                            at,
                            format!(
                                "activity '{id}' already has an outcome (outcomes[{first}]): one \
                                 outcome an activity, so that counts by result class add up"
                            ),
                        );
                    }
                }
            }
        }
        if o.text.trim().is_empty() {
            self.problem(format!("{path}.text"), "must not be empty");
        }
        if o.result == ResultClass::NotReported {
            self.problem(
                format!("{path}.result"),
                "'not_reported' is no outcome's result: it is what an activity without an \
                 outcome counts as",
            );
        }
        let sound = self.evidence(&format!("{path}.evidence"), &o.evidence);
        if sound && PROVENANCE {
            let e = &o.evidence;
            if !cited.is_empty() && !cited.contains(e.paragraph.as_str()) {
                self.problem(
                    format!("{path}.evidence.paragraph"),
                    format!(
                        "the quote is in {}, which none of its activities cites: an outcome \
                         is tied to its activity by the report's own passage",
                        e.paragraph
                    ),
                );
            }
            if let Some(msg) =
                result_problem(o.result, &e.quote).filter(|_| o.result != ResultClass::NotReported)
            {
                self.problem(format!("{path}.result"), msg);
            }
            if let Some(msg) = actor_problem(o.actor, &e.quote) {
                self.problem(format!("{path}.actor"), msg);
            }
        }
        // An outcome of no known activity is dated against the first report.
        let report = report.or(d.reports.first().map(|r| r.id.as_str()));
        self.time(&format!("{path}.time"), &o.time, report.unwrap_or_default());
    }

    /// Marks the figures and months inside a (checked) passage that `accept` explains.
    fn cover(&mut self, e: &'a Evidence, accept: impl Fn(&str) -> bool) {
        if !PROVENANCE {
            return;
        }
        let Some(&(_, p)) = self.paragraphs.get(e.paragraph.as_str()) else {
            return;
        };
        for (start, end, w) in figures_and_dates(&p.text) {
            if e.start <= start && end <= e.end && accept(&w) {
                self.covered.insert((p.id.as_str(), start));
            }
        }
    }

    /// Checks one passage; true when it is sound.
    fn evidence(&mut self, path: &str, e: &'a Evidence) -> bool {
        let Some(&(_, p)) = self.paragraphs.get(e.paragraph.as_str()) else {
            self.problem(
                format!("{path}.paragraph"),
                format!("dangling reference: no paragraph '{}'", e.paragraph),
            );
            return false;
        };
        if e.quote.is_empty() {
            self.problem(format!("{path}.quote"), "the quote is empty");
            return false;
        }
        match slice_chars(&p.text, e.start, e.end) {
            Some(s) if s == e.quote => {}
            Some(s) => {
                let msg = format!(
                    "the quote does not equal the text of {} at {}..{}: the text there is \"{}\"",
                    p.id,
                    e.start,
                    e.end,
                    abbreviate(s)
                );
                self.problem(format!("{path}.quote"), msg);
                return false;
            }
            None => {
                let msg = format!(
                    "offsets {}..{} are outside paragraph {} ({} characters)",
                    e.start,
                    e.end,
                    p.id,
                    p.text.chars().count()
                );
                self.problem(format!("{path}.start"), msg);
                return false;
            }
        }
        self.cited.insert(p.id.as_str());
        true
    }

    fn report_coverage(&mut self, ri: usize, r: &'a Report) {
        let context: HashSet<&str> = r.context.iter().map(|c| c.paragraph.as_str()).collect();
        for (ci, c) in r.context.iter().enumerate() {
            let path = format!("reports[{ri}].context[{ci}]");
            match self.paragraphs.get(c.paragraph.as_str()) {
                None => self.problem(
                    format!("{path}.paragraph"),
                    format!("dangling reference: no paragraph '{}'", c.paragraph),
                ),
                Some((_, p)) if p.role != ParagraphRole::Content => self.problem(
                    format!("{path}.paragraph"),
                    "only content needs a context note",
                ),
                _ => {}
            }
            if c.reason.trim().is_empty() {
                self.problem(format!("{path}.reason"), "a reason is required");
            }
        }
        for (pi, p) in r.paragraphs.iter().enumerate() {
            if p.role != ParagraphRole::Content {
                continue;
            }
            let path = format!("reports[{ri}].paragraphs[{pi}]");
            if !self.cited.contains(p.id.as_str()) && !context.contains(p.id.as_str()) {
                self.problem(
                    path.clone(),
                    format!(
                        "content paragraph {} is cited by nothing and not listed as context",
                        p.id
                    ),
                );
            }
            for (start, end, token) in figures_and_dates(&p.text) {
                if !self.covered.contains(&(p.id.as_str(), start)) {
                    self.problem(
                        format!("{path}.text"),
                        format!(
                            "'{token}' at {start}..{end} of {} is in no metric, date or not_data \
                             entry",
                            p.id
                        ),
                    );
                }
            }
        }
    }
}

/// Whether a word of a passage names part of `date`: its month, day or year.
fn is_part_of_date(date: &PartialDate, w: &str) -> bool {
    date.month.is_some_and(|m| w == month_name(m))
        || date.day.is_some_and(|d| w == d.to_string())
        || w == date.year.to_string()
}

fn is_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

fn abbreviate(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_string()
    }
}

const NUMBER_WORDS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// The ways a number may be written: digits, with thousands separators, or as a word.
pub fn number_spellings(n: u64) -> Vec<String> {
    let mut v = vec![n.to_string(), group_thousands(n)];
    if let Some(w) = NUMBER_WORDS.get(n as usize) {
        v.push((*w).to_string());
        let mut cap = w.to_string();
        cap[..1].make_ascii_uppercase();
        v.push(cap);
    }
    v
}

/// `44000` → `44,000`.
pub fn group_thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Words (code-point spans) of `text`: maximal runs of alphanumerics, with inner commas between
/// digits kept ("6,500").
fn words(text: &str) -> Vec<(usize, usize, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_alphanumeric()
                || (chars[i] == ','
                    && i > start
                    && chars[i - 1].is_ascii_digit()
                    && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())))
        {
            i += 1;
        }
        out.push((start, i, chars[start..i].iter().collect()));
    }
    out
}

fn contains_word(text: &str, word: &str) -> bool {
    words(text).iter().any(|(_, _, w)| w == word)
}

/// Every figure (digits or a number word) and month name in `text`, as code-point spans.
pub fn figures_and_dates(text: &str) -> Vec<(usize, usize, String)> {
    words(text)
        .into_iter()
        .filter(|(_, _, w)| {
            w.chars().next().is_some_and(|c| c.is_ascii_digit())
                || NUMBER_WORDS.contains(&w.to_lowercase().as_str())
                || MONTHS.contains(&w.as_str())
        })
        .collect()
}

/// The words in which the report states each result class: an outcome's quote must hold one
/// of its class's cues, or the checker refuses the class. A cue is a phrase of whole words
/// (case aside); `…` stands for any words between its parts. A word can state more than one
/// class ("adopted" achieves an ask for a law and defeats an objection to one), so the cues are
/// a floor under the editor's reading, which the outcome's `text` spells out.
pub const RESULT_CUES: [(ResultClass, &[&str]); 5] = [
    (
        ResultClass::Achieved,
        &[
            "removed",
            "lifted",
            "adopted",
            "approved",
            "released",
            "registered",
            "increased",
            "improved",
            "resulted in",
            "gained … support",
            "reinstitution",
        ],
    ),
    (
        ResultClass::Partly,
        &["some", "usually", "partly", "partially", "in part", "most"],
    ),
    (
        ResultClass::UnderWay,
        &[
            "continued to",
            "ongoing",
            "under way",
            "began",
            "in progress",
        ],
    ),
    (
        ResultClass::NotAchieved,
        &[
            "unsuccessful",
            "refuted",
            "rejected",
            "refused",
            "failed",
            "despite",
            // The United States criticised a measure once it had been adopted.
            "criticized … adoption",
        ],
    ),
    (
        ResultClass::Reversed,
        &[
            "suspended",
            "revoked",
            "closed",
            "cancelled",
            "withdrew",
            "tightened",
        ],
    ),
];

/// The words that name each actor of an outcome: a quote must name its actor (any actor but
/// `not_stated`, which is for quotes that name none, such as "the ban was removed").
pub const ACTOR_CUES: [(OutcomeActor, &[&str]); 4] = [
    (
        OutcomeActor::Government,
        &["government", "country", "officials"],
    ),
    (OutcomeActor::Parliament, &["parliament", "legislature"]),
    (OutcomeActor::Courts, &["court", "courts", "judiciary"]),
    (
        OutcomeActor::Participants,
        &["users", "participants", "students", "citizens"],
    ),
];

/// True when `text` holds the cue: its words in order, adjacent, with `…` for any words between.
pub fn has_cue(text: &str, cue: &str) -> bool {
    let ws: Vec<String> = words(text)
        .into_iter()
        .map(|w| w.2.to_lowercase())
        .collect();
    let parts: Vec<Vec<&str>> = cue
        .split('…')
        .map(|p| p.split_whitespace().collect::<Vec<_>>())
        .filter(|p| !p.is_empty())
        .collect();
    let mut from = 0;
    for part in &parts {
        let found = (from..ws.len()).find(|&i| {
            ws.len() - i >= part.len() && part.iter().zip(&ws[i..]).all(|(c, w)| *c == w)
        });
        match found {
            Some(i) => from = i + part.len(),
            None => return false,
        }
    }
    !parts.is_empty()
}

/// Why a quote does not support a result class, if it does not.
pub fn result_problem(class: ResultClass, quote: &str) -> Option<String> {
    let cues = RESULT_CUES
        .iter()
        .find(|(c, _)| *c == class)
        .map_or(&[][..], |(_, w)| *w);
    (!cues.iter().any(|c| has_cue(quote, c))).then(|| {
        format!(
            "the quote does not support the result '{}': it has none of its cue words ({}) in \"{}\"",
            class.id(),
            cues.join(", "),
            abbreviate(quote)
        )
    })
}

/// Why a quote does not name an outcome's actor, if it does not.
pub fn actor_problem(actor: OutcomeActor, quote: &str) -> Option<String> {
    let cues = ACTOR_CUES.iter().find(|(a, _)| *a == actor)?.1;
    (!cues.iter().any(|c| has_cue(quote, c))).then(|| {
        format!(
            "the actor '{}' is not named in its quote ({}) \"{}\"",
            actor.id(),
            cues.join(", "),
            abbreviate(quote)
        )
    })
}

/// Why a metric's figure or qualifier is not what its quote says, if it is not.
fn metric_problem(m: &Metric) -> Option<String> {
    let q = &m.evidence.quote;
    if !number_spellings(m.value)
        .iter()
        .any(|s| contains_word(q, s))
    {
        return Some(format!(
            "the number {} (in digits or words) is not in its evidence \"{}\"",
            m.value,
            abbreviate(q)
        ));
    }
    let lower = q.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let ok = match m.qualifier {
        Qualifier::Exact => !has(&["more than", "over ", "approximately", "about ", "nearly"]),
        Qualifier::MoreThan => has(&["more than", "over "]),
        Qualifier::AtLeast => has(&["more than", "over ", "at least"]),
        Qualifier::Approximately => has(&["approximately", "about ", "around ", "nearly"]),
    };
    (!ok).then(|| {
        format!(
            "the qualifier '{}' does not match the words of its evidence \"{}\"",
            m.qualifier.id(),
            abbreviate(q)
        )
    })
}

/// Why the quotes do not support a date's month or day, if they do not.
fn date_support(date: &PartialDate, quotes: &[&str], report_year: Option<i32>) -> Option<String> {
    let all = quotes.join(" ");
    if let Some(m) = date.month {
        let name = month_name(m);
        if !contains_word(&all, name) {
            return Some(format!(
                "the month {name} is not in its evidence \"{}\"",
                abbreviate(&all)
            ));
        }
        if let Some(d) = date.day {
            let day = d.to_string();
            let ws = words(&all);
            let adjacent = ws
                .windows(2)
                .any(|w| (w[0].2 == name && w[1].2 == day) || (w[0].2 == day && w[1].2 == name));
            if !adjacent {
                return Some(format!(
                    "the day {name} {day} is not in its evidence \"{}\"",
                    abbreviate(&all)
                ));
            }
        }
    }
    if report_year != Some(date.year) && !contains_word(&all, &date.year.to_string()) {
        return Some(format!(
            "the year {} is not the report's and is not in its evidence",
            date.year
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> String {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/data/kazakhstan-2006.json"
        );
        std::fs::read_to_string(path).unwrap()
    }

    fn shown(text: &str) -> String {
        parse_and_check(text).unwrap_err().to_string()
    }

    /// The path of what the shape refuses, from where serde_json stopped: the value's own for a
    /// wrong value or an unknown key, the object's for a missing or repeated field, on one line
    /// or many (the line and column are turned into an offset).
    #[test]
    fn a_refused_value_is_named_by_its_json_path() {
        let path = |text: &str| match read(parse_text(text).unwrap()) {
            Err(DatasetError::Malformed { path, .. }) => path,
            other => panic!("{other:?}"),
        };
        let text = bundled();
        let cases = [
            ("\"year\":2006", "\"year\":\"x\"", "reports[0].year"),
            ("\"colour\":", "\"color\":", "sectors[0].color"),
            (
                "\"colour\":",
                "\"colour\":\"#000000\",\"colour\":",
                "sectors[0]",
            ),
            ("\"places\":[", "\"places\":[7,", "places[0]"),
            (
                "\"evidence\":[{",
                "\"evidence\":[{},{",
                "activities[0].evidence[0]",
            ),
            (
                "\"schema_version\":2,",
                "\"schema_version\":2,\"x\":{\"a\":[]},",
                "x",
            ),
        ];
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        for (from, to, want) in cases {
            assert!(text.contains(from), "{from}");
            assert_eq!(path(&text.replacen(from, to, 1)), want, "{to}");
            // The same edit in the file written over many lines.
            let broken: serde_json::Value =
                serde_json::from_str(&text.replacen(from, to, 1)).unwrap_or(value.clone());
            if broken != value {
                let lines = serde_json::to_string_pretty(&broken).unwrap();
                assert!(lines.lines().count() > 100);
                assert_eq!(path(&lines), want, "{to} (pretty)");
            }
        }
        assert!(pretty.lines().count() > 100);
        assert_eq!(
            path(r#"{"schema_version": 2, "activities": 7}"#),
            "activities"
        );
        assert_eq!(
            path("{\n  \"schema_version\": 2,\n  \"reports\": {}\n}"),
            "reports"
        );
        assert_eq!(path(r#"{"schema_version": 2, "k\"e.y": 1}"#), "k\"e.y");
    }

    /// What the browser shows for a broken answer (tests/e2e: foundation, hardening).
    #[test]
    fn the_messages_the_page_shows_are_serde_json_s() {
        let text = bundled();
        let cut = shown(&text[..text.len() / 2]);
        assert!(cut.starts_with("the dataset is not valid JSON"), "{cut}");
        assert!(cut.contains("EOF while parsing"), "{cut}");
        let shape = shown(r#"{"schema_version": 2, "activities": 7}"#);
        assert!(
            shape.starts_with(
                "the dataset is not valid JSON of the expected shape at activities: invalid type: \
                 integer `7`, expected a sequence"
            ),
            "{shape}"
        );
        let future = shown(r#"{"schema_version": 99}"#);
        assert_eq!(
            future,
            "the dataset uses schema version 99, but this version of the explorer reads only \
             version 2"
        );
        let open = shown(r#"{"schema_version": 1, "dataset": "#);
        assert!(open.starts_with("the dataset is not valid JSON"), "{open}");
        assert!(open.contains("EOF while parsing a value"), "{open}");
    }

    #[test]
    fn the_schema_version_is_shown_as_the_file_writes_it() {
        let found =
            |v: &str| match parse_and_check(&format!(r#"{{"x": 1, "schema_version": {v}}}"#)) {
                Err(DatasetError::UnsupportedSchema { found }) => found,
                other => panic!("{v}: {other:?}"),
            };
        assert_eq!(found("3"), "3");
        assert_eq!(found("1"), "1", "version 1 files are read no more");
        assert_eq!(found("0"), "0");
        assert_eq!(found("-1"), "-1");
        assert_eq!(found("1.5"), "1.5");
        assert_eq!(found("1.0"), "1.0");
        assert_eq!(found("1e3"), "1000.0");
        assert_eq!(found("-0"), "-0.0");
        assert_eq!(found("0.1"), "0.1");
        assert_eq!(found("-2.000125"), "-2.000125");
        assert_eq!(found("1e20"), "a number");
        assert_eq!(found(r#""1""#), r#""1""#);
        assert_eq!(found("true"), "true");
        assert_eq!(found("null"), "null");
        assert_eq!(found("[1]"), "an array");
        assert_eq!(found(r#"{"v": 1}"#), "an object");
        // The first of repeated versions is judged; the derive then refuses the repeat.
        assert_eq!(
            found(r#"3, "schema_version": 2"#),
            "3",
            "the first of two is judged"
        );
        assert_eq!(
            parse_and_check(r#"{"schema_version": 2, "schema_version": 2}"#),
            Err(DatasetError::Malformed {
                path: String::new(),
                message: "duplicate field `schema_version` at line 1 column 38".into()
            })
        );
    }

    #[test]
    fn the_steps_judge_syntax_then_version_then_shape() {
        let malformed = |text: &str| match parse_and_check(text) {
            Err(DatasetError::Malformed { path, message }) => (path, message),
            other => panic!("{text}: {other:?}"),
        };
        // The whole text is read first: trailing text is an error even after a future version.
        let (path, message) = malformed(r#"{"schema_version": 2} x"#);
        assert_eq!(
            (path.as_str(), message.as_str()),
            ("", "trailing characters at line 1 column 23")
        );
        // No version: named as a missing field, whatever else is wrong.
        assert_eq!(
            malformed(r#"{"activities": 7}"#),
            ("schema_version".into(), "missing field".into())
        );
        // A document that is not an object is refused at its top.
        let (path, message) = malformed("[1, 2]");
        assert_eq!(path, "");
        assert!(message.starts_with("invalid type: sequence, expected a JSON object"));
        // The steps one by one give what `parse_and_check` gives.
        let text = bundled();
        let parsed = parse_text(&text).unwrap();
        let read = read(parsed).unwrap();
        assert_eq!(verify(read).unwrap(), parse_and_check(&text).unwrap());
    }

    #[test]
    fn finds_figures_and_months() {
        let t = "In June, approximately 6,500 people and ten leaders; a six-year program, 2006.";
        let found: Vec<String> = figures_and_dates(t).into_iter().map(|x| x.2).collect();
        assert_eq!(found, ["June", "6,500", "ten", "six", "2006"]);
    }

    #[test]
    fn spells_numbers() {
        assert!(number_spellings(44000).contains(&"44,000".to_string()));
        assert!(number_spellings(10).contains(&"ten".to_string()));
        assert!(number_spellings(7).contains(&"Seven".to_string()));
        assert_eq!(group_thousands(1234567), "1,234,567");
        assert_eq!(group_thousands(999), "999");
    }

    fn metric(value: u64, qualifier: Qualifier, quote: &str) -> Metric {
        Metric {
            id: "m".into(),
            value,
            qualifier,
            unit: "people".into(),
            counted: "x".into(),
            note: None,
            measure: None,
            evidence: Evidence {
                paragraph: "p".into(),
                start: 0,
                end: 0,
                quote: quote.into(),
            },
        }
    }

    #[test]
    fn metrics_must_match_their_words() {
        assert!(metric_problem(&metric(42, Qualifier::Exact, "trained 42 members")).is_none());
        assert!(metric_problem(&metric(10, Qualifier::Exact, "ten youth leaders")).is_none());
        assert!(metric_problem(&metric(43, Qualifier::Exact, "trained 42 members")).is_some());
        assert!(metric_problem(&metric(4, Qualifier::Exact, "trained 42 members")).is_some());
        assert!(
            metric_problem(&metric(
                6500,
                Qualifier::Approximately,
                "Approximately 6,500"
            ))
            .is_none()
        );
        assert!(metric_problem(&metric(6500, Qualifier::Exact, "Approximately 6,500")).is_some());
        assert!(metric_problem(&metric(44000, Qualifier::MoreThan, "more than 44,000")).is_none());
    }

    #[test]
    fn dates_must_be_in_their_evidence() {
        let d = PartialDate::parse("2006-09-29").unwrap();
        assert!(date_support(&d, &["met on September 29 and"], Some(2006)).is_none());
        assert!(date_support(&d, &["met on September 28 and"], Some(2006)).is_some());
        assert!(date_support(&d, &["met in September"], Some(2006)).is_some());
        let m = PartialDate::parse("2005-12").unwrap();
        assert!(date_support(&m, &["The December 2005 election"], Some(2006)).is_none());
        assert!(date_support(&m, &["The December election"], Some(2006)).is_some());
        let may = PartialDate::parse("2006-05").unwrap();
        assert!(date_support(&may, &["in May the forum"], Some(2006)).is_none());
        assert!(date_support(&may, &["the forum may open"], Some(2006)).is_some());
    }
}
