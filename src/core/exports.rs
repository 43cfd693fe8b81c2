//! Exports of the current view: CSV and JSON of the filtered activities with their evidence, and
//! the "cite this view" text. Pure, so the downloads are tested natively. A view in another
//! language exports what it shows: the source's field names (`title`, `sector`, …) with the
//! translated descriptions as values, and the evidence, figures, dates and ids as published.

use super::model::{Activity, Dataset};
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

/// The activities as CSV: one row each, evidence quotes joined with " | ". The file starts with
/// a UTF-8 byte order mark, so spreadsheet programs that guess the encoding (Excel) keep
/// accents and Cyrillic intact.
pub fn to_csv(d: &Dataset, activities: &[&Activity]) -> String {
    let mut out = String::from(
        "\u{feff}id,title,summary,sector,kind,status,start,end,time_basis,metrics,places,evidence_quotes,evidence_paragraphs\r\n",
    );
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
        ];
        let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out += &fields.join(",");
        out += "\r\n";
    }
    out
}

/// The JSON export: where the activities came from, then the activities in the dataset's own
/// shape (their serde derive, as the file writes them).
#[derive(Serialize)]
struct JsonExport<'a> {
    dataset: &'a str,
    dataset_version: &'a str,
    view: &'a str,
    citation: String,
    activities: &'a [&'a Activity],
}

/// The activities as JSON (`serde_json::to_string_pretty`), in the dataset's own shape, with
/// where they came from.
pub fn to_json(d: &Dataset, activities: &[&Activity], view_url: &str) -> String {
    let export = JsonExport {
        dataset: &d.dataset.id,
        dataset_version: &d.dataset.version,
        view: view_url,
        citation: citation(d, view_url),
        activities,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::filters::Filters;
    use crate::core::query::{Except, select};

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
    fn json_keeps_the_evidence() {
        let d = crate::core::query::tests::dataset();
        let acts = select(&d, &Filters::from_query("q=jury"), Except::Nothing);
        let json = to_json(&d, &acts, "http://x/?q=jury");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["activities"].as_array().unwrap().len(), acts.len());
        assert!(v["activities"][0]["evidence"][0]["quote"].is_string());
        assert!(v["citation"].as_str().unwrap().contains("version 1.0.0"));
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
                "view"
            ]
        );
        // The activities read back as the dataset's own: nothing lost or renamed.
        let back: Vec<Activity> = serde_json::from_value(v["activities"].clone()).unwrap();
        assert_eq!(back, d.activities);
        // Two-space indentation, the members in the order the export writes them.
        assert!(json.starts_with("{\n  \"dataset\": \""), "{}", &json[..40]);
        assert!(json.contains("\n  \"activities\": [\n    {\n      \"id\": \""));
        assert!(to_json(&d, &[], "v").ends_with("\"activities\": []\n}"));
    }
}
