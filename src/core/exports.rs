//! Exports of the current view: CSV and JSON of the filtered activities with their evidence and
//! outcomes, the citations of the view and of the report (text, BibTeX, RIS, CSL-JSON), and the
//! data package that describes the served files. Pure, so the downloads are tested natively. A
//! view in another language exports what it shows: the source's field names (`title`, `sector`,
//! …) with the translated descriptions as values, and the evidence, figures, dates and ids as
//! published.

use super::model::{Activity, Dataset, Outcome, Report};
use serde::Serialize;

/// One CSV field, quoted when needed; a leading `=`, `+`, `-`, `@`, tab or carriage return is
/// defused so that spreadsheet programs do not run data as a formula.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The CSV's columns, in order.
pub const CSV_COLUMNS: [&str; 21] = [
    "id",
    "title",
    "summary",
    "sector",
    "kind",
    "status",
    "start",
    "end",
    "time_basis",
    "metrics",
    "places",
    "evidence_quotes",
    "evidence_paragraphs",
    "result",
    "outcome_id",
    "outcome",
    "outcome_actor",
    "outcome_date",
    "outcome_time_basis",
    "outcome_quote",
    "outcome_paragraph",
];

/// What each CSV column holds, as the data package describes it: name, Table Schema type and
/// words (a test keeps the names equal to `CSV_COLUMNS`; kept out of the wasm).
#[cfg(not(target_arch = "wasm32"))]
pub const CSV_SCHEMA: [(&str, &str, &str); 21] = [
    ("id", "string", "The activity's id in the dataset."),
    ("title", "string", "What the activity was, in our words."),
    ("summary", "string", "One sentence, in our words."),
    (
        "sector",
        "string",
        "Its one primary sector (the report's theme).",
    ),
    (
        "kind",
        "string",
        "What sort of thing the United States did.",
    ),
    (
        "status",
        "string",
        "Where it stood, only where the text says it.",
    ),
    (
        "start",
        "string",
        "When it happened: YYYY, YYYY-MM or YYYY-MM-DD, the form being the precision.",
    ),
    (
        "end",
        "string",
        "For periods: when it ended, in the same forms.",
    ),
    (
        "time_basis",
        "string",
        "stated (the text gives it), derived (worked out) or report_scope (the text gives no time; the report covers its year).",
    ),
    (
        "metrics",
        "string",
        "The figures the report gives, with their qualifiers, joined with \"; \".",
    ),
    (
        "places",
        "string",
        "The places it names, joined with \"; \".",
    ),
    (
        "evidence_quotes",
        "string",
        "The passages it comes from, exactly as published, joined with \" | \".",
    ),
    (
        "evidence_paragraphs",
        "string",
        "Where each passage is: paragraph:start-end, in Unicode code points.",
    ),
    (
        "result",
        "string",
        "What came of it, as the report's words put it: achieved, partly, under_way, not_achieved, reversed, or not_reported where the report states no outcome.",
    ),
    (
        "outcome_id",
        "string",
        "The outcome's id in the dataset, where there is one.",
    ),
    ("outcome", "string", "What came of it, in our words."),
    (
        "outcome_actor",
        "string",
        "Who made the change, as the quote names them: government, parliament, courts, participants or not_stated.",
    ),
    (
        "outcome_date",
        "string",
        "When it happened, in the same forms as start.",
    ),
    (
        "outcome_time_basis",
        "string",
        "How the outcome's date is known, as time_basis.",
    ),
    (
        "outcome_quote",
        "string",
        "The words that state the outcome, exactly as published.",
    ),
    (
        "outcome_paragraph",
        "string",
        "Where that quote is: paragraph:start-end.",
    ),
];

/// The activities as CSV: one row each, evidence quotes joined with " | ", and what came of it
/// (each activity has one outcome at most, so an outcome's row is its activity's). The file
/// starts with a UTF-8 byte order mark, so spreadsheet programs that guess the encoding (Excel)
/// keep accents and Cyrillic intact.
pub fn to_csv(d: &Dataset, activities: &[&Activity]) -> String {
    let mut out = String::from("\u{feff}") + &CSV_COLUMNS.join(",") + "\r\n";
    let outcomes = super::query::Outcomes::new(d);
    for a in activities {
        let sector = d
            .sector(&a.sector)
            .map_or(a.sector.as_str(), |s| s.name.as_str());
        let metrics: Vec<String> = a
            .metrics
            .iter()
            .map(|m| format!("{}{} {}", m.qualifier.prefix(), m.value, m.counted))
            .collect();
        let places: Vec<&str> = a
            .places
            .iter()
            .filter_map(|p| d.place(p))
            .map(|p| p.name.as_str())
            .collect();
        let quotes: Vec<&str> = a.evidence.iter().map(|e| e.quote.as_str()).collect();
        let paras: Vec<String> = a
            .evidence
            .iter()
            .map(|e| format!("{}:{}-{}", e.paragraph, e.start, e.end))
            .collect();
        // What came of it: the outcome's columns, empty where the report states none.
        let o: [String; 7] = match outcomes.of(a) {
            Some(o) => [
                o.id.clone(),
                o.text.clone(),
                o.actor.id().to_string(),
                o.time.start.to_string(),
                o.time.basis.id().to_string(),
                o.evidence.quote.clone(),
                format!(
                    "{}:{}-{}",
                    o.evidence.paragraph, o.evidence.start, o.evidence.end
                ),
            ],
            None => Default::default(),
        };
        let row = [
            a.id.clone(),
            a.title.clone(),
            a.summary.clone(),
            sector.to_string(),
            a.kind.id().to_string(),
            a.status.map(|s| s.id()).unwrap_or("").to_string(),
            a.time.start.to_string(),
            a.time.end.map(|e| e.to_string()).unwrap_or_default(),
            a.time.basis.id().to_string(),
            metrics.join("; "),
            places.join("; "),
            quotes.join(" | "),
            paras.join("; "),
            outcomes.class(a).id().to_string(),
        ];
        let fields: Vec<String> = row.iter().chain(&o).map(|f| csv_field(f)).collect();
        out += &fields.join(",");
        out += "\r\n";
    }
    out
}

/// The JSON export: where the activities came from, then the activities and what came of them
/// in the dataset's own shape (their serde derive, as the file writes them).
#[derive(Serialize)]
struct JsonExport<'a> {
    dataset: &'a str,
    dataset_version: &'a str,
    view: &'a str,
    citation: String,
    activities: &'a [&'a Activity],
    /// The outcomes of those activities, once each.
    outcomes: Vec<&'a Outcome>,
}

/// The activities as JSON (`serde_json::to_string_pretty`), in the dataset's own shape, with
/// where they came from and their outcomes.
pub fn to_json(d: &Dataset, activities: &[&Activity], view_url: &str) -> String {
    let mut outcomes: Vec<&Outcome> = Vec::new();
    for (_, o) in super::query::outcome_pairs(d, activities) {
        if !outcomes.iter().any(|x| std::ptr::eq(*x, o)) {
            outcomes.push(o);
        }
    }
    let export = JsonExport {
        dataset: &d.dataset.id,
        dataset_version: &d.dataset.version,
        view: view_url,
        citation: citation(d, view_url),
        activities,
        outcomes,
    };
    // Cannot fail: every key is a string and every value plain data.
    serde_json::to_string_pretty(&export).unwrap_or_default()
}

/// "Cite this view": the report's citation, the dataset and its version, and the view's URL
/// with its language (the citation's own words stay English, as the sources it names).
pub fn citation(d: &Dataset, view_url: &str) -> String {
    let report = d.reports.first().map(|r| r.citation.as_str()).unwrap_or("");
    format!(
        "{report} Data: \"{}\", version {} ({}). View (in {}): {view_url}",
        d.dataset.title,
        d.dataset.version,
        d.dataset.id,
        super::i18n::lang().english_name()
    )
}

/// A format a citation is written in: plain text, or one a reference manager imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CiteFormat {
    Text,
    BibTex,
    Ris,
    CslJson,
}

impl CiteFormat {
    /// Every format, in the dialog's order.
    pub const ALL: [CiteFormat; 4] = [
        CiteFormat::Text,
        CiteFormat::BibTex,
        CiteFormat::Ris,
        CiteFormat::CslJson,
    ];

    /// The identifier (the dialog's option, the command line's argument).
    pub fn id(self) -> &'static str {
        match self {
            CiteFormat::Text => "text",
            CiteFormat::BibTex => "bibtex",
            CiteFormat::Ris => "ris",
            CiteFormat::CslJson => "csl-json",
        }
    }

    /// The format's own name (the text's is translated by the page).
    pub fn name(self) -> &'static str {
        match self {
            CiteFormat::Text => "Text",
            CiteFormat::BibTex => "BibTeX",
            CiteFormat::Ris => "RIS",
            CiteFormat::CslJson => "CSL-JSON",
        }
    }

    /// The file's extension and media type, for the download.
    pub fn file(self) -> (&'static str, &'static str) {
        match self {
            CiteFormat::Text => ("txt", "text/plain;charset=utf-8"),
            // Plain text to the browser: the file's extension tells reference managers.
            CiteFormat::BibTex => ("bib", "text/plain;charset=utf-8"),
            CiteFormat::Ris => ("ris", "text/plain;charset=utf-8"),
            CiteFormat::CslJson => ("json", "application/json"),
        }
    }
}

/// A view of the dataset as a citation names it: its address, what it shows in words (empty
/// for the whole dataset), a key for reference managers (`kz2006-media`), and the day it was
/// read (year, month, day).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewRef<'a> {
    pub url: &'a str,
    pub caption: &'a str,
    pub key: &'a str,
    pub accessed: (i32, u8, u8),
}

impl ViewRef<'_> {
    fn accessed_iso(&self) -> String {
        let (y, m, d) = self.accessed;
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// "View: Media freedom only. " and the report the data comes from, in English.
    fn note(&self, r: Option<&Report>) -> String {
        let view = if self.caption.is_empty() {
            String::new()
        } else {
            format!("View: {}. ", self.caption)
        };
        let from = r.map_or(String::new(), |r| format!("Data from: {}", r.citation));
        format!("{view}{from}")
    }
}

/// BibTeX's special characters escaped, for a field's value in braces.
fn bib(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c => out.push(c),
        }
    }
    out
}

/// A title for BibTeX, escaped, with each word that has a capital in braces: styles and
/// reference managers that re-case titles (Better BibTeX turns them to sentence case) keep the
/// published capitals, and proper nouns ("Kazakhstan", "U.S.") above all. (Braces around the
/// whole title are read as a mistake and dropped by Better BibTeX.) A word with a letter
/// beyond ASCII (a Russian or Kazakh title) is braced whatever its case: bracing a lowercase
/// word changes nothing, and `char::is_uppercase` measured 0.5 KB (gzip) more wasm.
fn bib_title(s: &str) -> String {
    let words: Vec<String> = s
        .split(' ')
        .map(|w| {
            if w.chars().any(|c| c.is_ascii_uppercase() || !c.is_ascii()) {
                format!("{{{}}}", bib(w))
            } else {
                bib(w)
            }
        })
        .collect();
    words.join(" ")
}

/// An address for BibTeX's verbatim `url` field: the characters that would end or escape it
/// percent-encoded.
fn bib_url(url: &str) -> String {
    url.replace('\\', "%5C")
        .replace('{', "%7B")
        .replace('}', "%7D")
        .replace(' ', "%20")
}

/// A BibTeX entry; `fields` as (name, value already escaped).
fn bibtex_entry(kind: &str, key: &str, fields: &[(&str, String)]) -> String {
    let body: Vec<String> = fields
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("  {k} = {{{v}}}"))
        .collect();
    format!("@{kind}{{{key},\n{}\n}}\n", body.join(",\n"))
}

/// An RIS record; tags with empty values are left out. RIS lines end in CR LF.
fn ris_record(lines: &[(&str, String)]) -> String {
    let mut out = String::new();
    for (tag, v) in lines.iter().filter(|(_, v)| !v.is_empty()) {
        out += &format!("{tag}  - {}\r\n", v.replace(['\r', '\n'], " "));
    }
    out + "ER  - \r\n"
}

/// The report cited as a reference manager takes it: the State Department as its (corporate)
/// author, the year it was published, its title, publisher and address.
pub fn cite_report(d: &Dataset, format: CiteFormat) -> String {
    let Some(r) = d.reports.first() else {
        return String::new();
    };
    let year = r.published.year.to_string();
    match format {
        CiteFormat::Text => format!("{} {}", r.citation, r.source_url),
        CiteFormat::BibTex => bibtex_entry(
            "techreport",
            &r.id,
            &[
                ("author", format!("{{{}}}", bib(&r.author))),
                ("title", bib_title(&r.title)),
                ("institution", bib(&r.publisher)),
                ("year", year),
                ("url", bib_url(&r.source_url)),
                ("language", "en".into()),
            ],
        ),
        // A trailing comma marks a corporate author (EndNote's and Zotero's reading).
        CiteFormat::Ris => ris_record(&[
            ("TY", "RPRT".into()),
            ("AU", format!("{},", r.author)),
            ("TI", r.title.clone()),
            ("PY", year),
            ("PB", r.publisher.clone()),
            ("UR", r.source_url.clone()),
            ("LA", "en".into()),
        ]),
        CiteFormat::CslJson => csl(&[
            ("id", json_str(&r.id)),
            ("type", json_str("report")),
            ("title", json_str(&r.title)),
            (
                "author",
                format!("[{{ \"literal\": {} }}]", json_str(&r.author)),
            ),
            ("publisher", json_str(&r.publisher)),
            ("issued", csl_date(&[r.published.year])),
            ("URL", json_str(&r.source_url)),
            ("language", json_str("en")),
        ]),
    }
}

/// The current view of the dataset cited as a dataset: its title and version, the view's
/// address and what it shows, the day it was read, and the report it comes from.
pub fn cite_view(d: &Dataset, view: &ViewRef, format: CiteFormat) -> String {
    let info = &d.dataset;
    let lang = super::i18n::lang().code();
    let note = view.note(d.reports.first());
    let iso = view.accessed_iso();
    match format {
        CiteFormat::Text => format!("{} Accessed {iso}.", citation(d, view.url)),
        CiteFormat::BibTex => bibtex_entry(
            "dataset",
            view.key,
            &[
                ("title", bib_title(&info.title)),
                ("version", bib(&info.version)),
                ("note", bib(&note)),
                ("url", bib_url(view.url)),
                ("urldate", iso),
                ("language", lang.into()),
            ],
        ),
        CiteFormat::Ris => {
            let (y, m, day) = view.accessed;
            ris_record(&[
                ("TY", "DATA".into()),
                ("TI", info.title.clone()),
                ("ET", info.version.clone()),
                ("UR", view.url.to_string()),
                ("Y2", format!("{y:04}/{m:02}/{day:02}")),
                ("N1", format!("Version {}. {note}", info.version)),
                ("LA", lang.into()),
            ])
        }
        CiteFormat::CslJson => {
            let (y, m, day) = view.accessed;
            csl(&[
                ("id", json_str(view.key)),
                ("type", json_str("dataset")),
                ("title", json_str(&info.title)),
                ("version", json_str(&info.version)),
                ("URL", json_str(view.url)),
                ("accessed", csl_date(&[y, i32::from(m), i32::from(day)])),
                ("note", json_str(&note)),
                ("language", json_str(lang)),
            ])
        }
    }
}

/// A JSON string: quoted, with `"`, `\\` and control characters escaped.
fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// CSL-JSON: a list of one item, its members as (name, JSON value already written). Written by
/// hand: a serde derive (or `serde_json::Value`, whose serializer brings float formatting with
/// it) measured more wasm for these few members.
fn csl(members: &[(&str, String)]) -> String {
    let body: Vec<String> = members
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("    {}: {v}", json_str(k)))
        .collect();
    format!("[\n  {{\n{}\n  }}\n]", body.join(",\n"))
}

/// A CSL date: `{"date-parts": [[2026, 12, 5]]}`.
fn csl_date(parts: &[i32]) -> String {
    let parts: Vec<String> = parts.iter().map(i32::to_string).collect();
    format!("{{ \"date-parts\": [[{}]] }}", parts.join(", "))
}

/// The Frictionless Data Package that describes the served data files (`datapackage.json`
/// beside them): the CSV with its columns and their types, and the whole dataset as JSON (whose
/// description names its JSON Schema, `dataset.schema.json`: frictionless reads a resource of
/// that name as a Table Schema and refuses it), with the licence and the report they come from. `stem`: the files' name
/// (`kazakhstan-2006`).
#[cfg(not(target_arch = "wasm32"))]
pub fn datapackage(d: &Dataset, stem: &str) -> String {
    use serde_json::{Value, json};
    let info = &d.dataset;
    let enums: [(&str, Vec<&str>); 4] = [
        (
            "kind",
            super::model::ActivityKind::ALL
                .iter()
                .map(|k| k.id())
                .collect(),
        ),
        (
            "status",
            super::model::Status::ALL.iter().map(|k| k.id()).collect(),
        ),
        (
            "result",
            super::model::ResultClass::ALL
                .iter()
                .map(|k| k.id())
                .collect(),
        ),
        (
            "outcome_actor",
            super::model::OutcomeActor::ALL
                .iter()
                .map(|k| k.id())
                .collect(),
        ),
    ];
    let date = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$";
    let fields: Vec<Value> = CSV_SCHEMA
        .iter()
        .map(|(name, kind, description)| {
            let mut f = json!({ "name": name, "type": kind, "description": description });
            let mut constraints = serde_json::Map::new();
            if let Some((_, values)) = enums.iter().find(|(n, _)| n == name) {
                constraints.insert("enum".into(), json!(values));
            }
            if matches!(*name, "start" | "end" | "outcome_date") {
                constraints.insert("pattern".into(), json!(date));
            }
            if matches!(
                *name,
                "id" | "title" | "sector" | "kind" | "start" | "result"
            ) {
                constraints.insert("required".into(), json!(true));
            }
            if *name == "id" {
                constraints.insert("unique".into(), json!(true));
            }
            if !constraints.is_empty() {
                f["constraints"] = Value::Object(constraints);
            }
            f
        })
        .collect();
    let sources: Vec<Value> = d
        .reports
        .iter()
        .map(|r| json!({ "title": r.title, "path": r.source_url }))
        .collect();
    let package = json!({
        "profile": "data-package",
        "name": info.id,
        "title": info.title,
        "version": info.version,
        "description": info.method,
        "licenses": [{
            "name": "CC0-1.0",
            "path": "https://creativecommons.org/publicdomain/zero/1.0/",
            "title": info.licence,
        }],
        "sources": sources,
        "keywords": ["human rights", "democracy", "Kazakhstan", "U.S. foreign assistance", "2006"],
        "resources": [
            {
                "name": "activities",
                "title": "Activities, one row each, with what came of them",
                "description": "Every U.S. activity the report describes, with its evidence and its outcome where the report states one (the JSON holds the same records in full).",
                "path": format!("{stem}.csv"),
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                // The CSV starts with a byte order mark (for Excel). "utf-8", the IANA name the
                // standard asks for: frictionless (Python; checked by the test command) and
                // readr (R) drop the mark from the first column's name themselves, where
                // Python's "utf-8-sig" is a name R's iconv does not know.
                "encoding": "utf-8",
                "dialect": { "delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": true, "header": true },
                "schema": { "fields": fields, "primaryKey": ["id"], "missingValues": [""] },
            },
            {
                "name": "dataset",
                "title": "The whole dataset",
                "description": format!("Reports with their paragraphs, sectors, measures, places, activities, events and outcomes, each datum tied to the exact passage it came from; schema version {}, described by dataset.schema.json.", super::model::SCHEMA_VERSION),
                "path": format!("{stem}.json"),
                "profile": "data-resource",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
            },
        ],
    });
    serde_json::to_string_pretty(&package).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::filters::Filters;
    use crate::core::query::{Except, select};
    use serde_json::{Value, json};

    #[test]
    fn csv_has_a_row_per_activity_and_quotes_safely() {
        let d = crate::core::query::tests::dataset();
        let acts = select(&d, &Filters::from_query("sector=media"), Except::Nothing);
        let csv = to_csv(&d, &acts);
        assert_eq!(csv.lines().count(), acts.len() + 1);
        assert!(
            csv.starts_with("\u{feff}id,"),
            "a byte order mark for Excel"
        );
        assert!(csv.contains("\"Internet \"\"news factory\"\"\""));
        assert_eq!(csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
    }

    #[test]
    fn the_csv_carries_each_activity_s_outcome() {
        let d = crate::core::query::tests::dataset();
        let all: Vec<&Activity> = d.activities.iter().collect();
        let csv = to_csv(&d, &all);
        let header = csv.lines().next().unwrap();
        assert!(header.ends_with(
            "result,outcome_id,outcome,outcome_actor,outcome_date,outcome_time_basis,outcome_quote,outcome_paragraph"
        ));
        let ban = csv.lines().find(|l| l.starts_with("kz2006-a35,")).unwrap();
        assert!(ban.contains(",achieved,kz2006-o04,"), "{ban}");
        assert!(
            ban.contains(",not_stated,2006-12,stated,In December the ban was removed.,kz2006-p17:")
        );
        let none = csv.lines().find(|l| l.starts_with("kz2006-a01,")).unwrap();
        assert!(none.ends_with(",not_reported,,,,,,,"), "{none}");
        assert_eq!(
            csv.matches(",not_reported,").count(),
            d.activities.len() - d.outcomes.len()
        );
    }

    fn view<'a>(url: &'a str, caption: &'a str) -> ViewRef<'a> {
        ViewRef {
            url,
            caption,
            key: "kz2006-media",
            accessed: (2026, 12, 5),
        }
    }

    #[test]
    fn the_report_is_cited_with_the_state_department_as_author() {
        let d = crate::core::query::tests::dataset();
        let bib = cite_report(&d, CiteFormat::BibTex);
        assert!(bib.starts_with("@techreport{kz2006,\n"), "{bib}");
        assert!(bib.contains("  author = {{U.S. Department of State}},\n"));
        assert!(bib.contains(
            "  title = {{Supporting} {Human} {Rights} and {Democracy:} {The} {U.S.} {Record} in {Kazakhstan} in 2006},\n"
        ));
        assert!(bib.contains("  year = {2007},\n"));
        assert!(bib.contains("  url = {http://www.state.gov/g/drl/rls/shrd/2006/}"));
        assert!(bib.ends_with("}\n"));
        let ris = cite_report(&d, CiteFormat::Ris);
        assert!(
            ris.starts_with("TY  - RPRT\r\nAU  - U.S. Department of State,\r\n"),
            "{ris}"
        );
        assert!(ris.contains("PY  - 2007\r\n") && ris.ends_with("ER  - \r\n"));
        let csl: Value = serde_json::from_str(&cite_report(&d, CiteFormat::CslJson)).unwrap();
        assert_eq!(csl[0]["type"], "report");
        assert_eq!(csl[0]["author"][0]["literal"], "U.S. Department of State");
        assert_eq!(csl[0]["issued"]["date-parts"][0][0], 2007);
        assert!(
            cite_report(&d, CiteFormat::Text)
                .ends_with("2007. http://www.state.gov/g/drl/rls/shrd/2006/")
        );
    }

    #[test]
    fn a_view_is_cited_as_a_dataset_with_its_address_version_and_day() {
        let d = crate::core::query::tests::dataset();
        let url = "https://x.org/e/?sector=media&q=50%25+%7Bx%7D&result=achieved";
        let v = view(url, "Media freedom only · matching “50% {x}”");
        let bib = cite_view(&d, &v, CiteFormat::BibTex);
        assert!(bib.starts_with("@dataset{kz2006-media,\n"), "{bib}");
        assert!(bib.contains("  version = {2.0.0},\n"));
        assert!(bib.contains(&format!("  url = {{{url}}},\n")));
        assert!(bib.contains("  urldate = {2026-12-05},\n"));
        assert!(
            bib.contains("View: Media freedom only · matching “50\\% \\{x\\}”. Data from:"),
            "{bib}"
        );
        let opens = bib.matches('{').count() - bib.matches("\\{").count();
        let closes = bib.matches('}').count() - bib.matches("\\}").count();
        assert_eq!(opens, closes, "braces balance");
        let ris = cite_view(&d, &v, CiteFormat::Ris);
        assert!(ris.starts_with("TY  - DATA\r\n"));
        assert!(ris.contains(&format!("UR  - {url}\r\n")) && ris.contains("Y2  - 2026/12/05\r\n"));
        let csl: Value = serde_json::from_str(&cite_view(&d, &v, CiteFormat::CslJson)).unwrap();
        assert_eq!(csl[0]["type"], "dataset");
        assert_eq!(csl[0]["version"], "2.0.0");
        assert_eq!(csl[0]["URL"], url);
        assert_eq!(csl[0]["accessed"]["date-parts"][0], json!([2026, 12, 5]));
        let text = cite_view(&d, &view("http://x/", ""), CiteFormat::Text);
        assert!(
            text.ends_with("View (in English): http://x/ Accessed 2026-12-05."),
            "{text}"
        );
        assert!(!cite_view(&d, &view("http://x/", ""), CiteFormat::BibTex).contains("View:"));
        assert_eq!(bib_url("a b{c}\\"), "a%20b%7Bc%7D%5C");
        assert_eq!(
            bib_title("Мероприятия США в Казахстане, 2006 год"),
            "{Мероприятия} {США} {в} {Казахстане,} 2006 {год}"
        );
        assert_eq!(bib_title("The U.S. record"), "{The} {U.S.} record");
        let odd = "a \"quote\", a \\ and a\ttab";
        let back: String = serde_json::from_str(&json_str(odd)).unwrap();
        assert_eq!(back, odd);
        assert_eq!(
            super::bib("R&D_1 #2 ~ ^ \\"),
            "R\\&D\\_1 \\#2 \\textasciitilde{} \\textasciicircum{} \\textbackslash{}"
        );
    }

    #[test]
    fn the_data_package_describes_every_csv_column_and_file() {
        let names: Vec<&str> = CSV_SCHEMA.iter().map(|c| c.0).collect();
        assert_eq!(names, CSV_COLUMNS);
        let d = crate::core::query::tests::dataset();
        let p: Value = serde_json::from_str(&datapackage(&d, "kazakhstan-2006")).unwrap();
        assert_eq!(p["name"], "us-record-kazakhstan-2006");
        assert_eq!(p["version"], "2.0.0");
        assert_eq!(p["licenses"][0]["name"], "CC0-1.0");
        assert!(
            d.dataset.licence.contains("CC0 1.0"),
            "the licence the package names"
        );
        assert_eq!(
            p["sources"][0]["path"],
            "http://www.state.gov/g/drl/rls/shrd/2006/"
        );
        let files: Vec<&str> = p["resources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["path"].as_str().unwrap())
            .collect();
        assert_eq!(files, ["kazakhstan-2006.csv", "kazakhstan-2006.json"]);
        let fields: Vec<&str> = p["resources"][0]["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        let all: Vec<&Activity> = d.activities.iter().collect();
        let csv = to_csv(&d, &all);
        let header = csv.lines().next().unwrap();
        assert_eq!(
            Some(fields.join(",").as_str()),
            header.strip_prefix('\u{feff}')
        );
        assert_eq!(p["resources"][0]["encoding"], "utf-8");
        let result = &p["resources"][0]["schema"]["fields"][13];
        assert_eq!(result["name"], "result");
        assert_eq!(result["constraints"]["enum"].as_array().unwrap().len(), 6);
    }

    #[test]
    fn json_keeps_the_evidence() {
        let d = crate::core::query::tests::dataset();
        let acts = select(&d, &Filters::from_query("q=jury"), Except::Nothing);
        let json = to_json(&d, &acts, "http://x/?q=jury");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["activities"].as_array().unwrap().len(), acts.len());
        assert!(v["activities"][0]["evidence"][0]["quote"].is_string());
        assert!(v["citation"].as_str().unwrap().contains("version 2.0.0"));
    }

    #[test]
    fn a_translated_view_exports_its_words_under_the_source_field_names() {
        let d = crate::core::query::tests::dataset();
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/i18n/kazakhstan-2006.ru.json"
        ))
        .unwrap();
        let ru = crate::core::translate::apply(&d, &text).unwrap();
        let f = Filters::from_query("sector=trafficking");
        let (en, shown) = (
            select(&d, &f, Except::Nothing),
            select(&ru, &f, Except::Nothing),
        );
        let (csv_en, csv_ru) = (to_csv(&d, &en), to_csv(&ru, &shown));
        assert_eq!(
            csv_en.lines().next(),
            csv_ru.lines().next(),
            "same field names"
        );
        assert!(csv_ru.contains(&shown[0].title) && !csv_ru.contains(&en[0].title));
        // The evidence is the same, word for word.
        for (a, b) in en.iter().zip(&shown) {
            for e in &a.evidence {
                assert!(csv_ru.contains(&e.quote.replace('"', "\"\"")), "{}", b.id);
            }
        }
        let v: serde_json::Value =
            serde_json::from_str(&to_json(&ru, &shown, "http://x/?lang=ru")).unwrap();
        assert_eq!(v["activities"][0]["title"], shown[0].title.as_str());
        assert_eq!(
            v["activities"][0]["evidence"][0]["quote"],
            en[0].evidence[0].quote.as_str()
        );
        use crate::core::i18n::{Catalogue, Lang, list_from_keyed, set};
        let keyed =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/i18n/ui.ru.json"))
                .unwrap();
        set(Catalogue::from_list(Lang::Ru, &list_from_keyed(&keyed).unwrap()).unwrap());
        let cite = citation(&ru, "http://x/?lang=ru");
        set(Catalogue::en());
        assert!(
            cite.contains("View (in Russian): http://x/?lang=ru"),
            "{cite}"
        );
    }

    #[test]
    fn every_activity_is_exported_in_the_dataset_shape() {
        let d = crate::core::query::tests::dataset();
        let all: Vec<&Activity> = d.activities.iter().collect();
        let json = to_json(&d, &all, "http://x/");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "activities",
                "citation",
                "dataset",
                "dataset_version",
                "outcomes",
                "view"
            ]
        );
        // The activities read back as the dataset's own: nothing lost or renamed.
        let back: Vec<Activity> = serde_json::from_value(v["activities"].clone()).unwrap();
        assert_eq!(back, d.activities);
        // Two-space indentation, the members in the order the export writes them.
        assert!(json.starts_with("{\n  \"dataset\": \""), "{}", &json[..40]);
        assert!(json.contains("\n  \"activities\": [\n    {\n      \"id\": \""));
        assert!(to_json(&d, &[], "v").ends_with("\"activities\": [],\n  \"outcomes\": []\n}"));
        let back: Vec<Outcome> = serde_json::from_value(v["outcomes"].clone()).unwrap();
        assert_eq!(
            back, d.outcomes,
            "every outcome, once, as the dataset writes it"
        );
    }
}
