//! Exports of the current view: CSV and JSON of the filtered activities with their evidence, and
//! the "cite this view" text. Pure, so the downloads are tested natively.

use crate::model::{Activity, Dataset};
use serde::Serialize;

/// One CSV field, quoted when needed; a leading `=`, `+`, `-` or `@` is defused so that
/// spreadsheet programs do not run data as a formula.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
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

/// The activities as CSV: one row each, evidence quotes joined with " | ".
pub fn to_csv(d: &Dataset, activities: &[&Activity]) -> String {
    let mut out = String::from(
        "id,title,summary,sector,kind,status,start,end,time_basis,metrics,places,evidence_quotes,evidence_paragraphs\r\n",
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
            match a.time.basis {
                crate::model::TimeBasis::Stated => "stated",
                crate::model::TimeBasis::Derived => "derived",
                crate::model::TimeBasis::ReportScope => "report_scope",
            }
            .to_string(),
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

#[derive(Serialize)]
struct JsonExport<'a> {
    dataset: &'a str,
    dataset_version: &'a str,
    view: &'a str,
    citation: String,
    activities: Vec<&'a Activity>,
}

/// The activities as JSON, in the dataset's own shape, with where they came from.
pub fn to_json(d: &Dataset, activities: &[&Activity], view_url: &str) -> String {
    let export = JsonExport {
        dataset: &d.dataset.id,
        dataset_version: &d.dataset.version,
        view: view_url,
        citation: citation(d, view_url),
        activities: activities.to_vec(),
    };
    serde_json::to_string_pretty(&export).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// "Cite this view": the report's citation, the dataset and its version, and the view's URL.
pub fn citation(d: &Dataset, view_url: &str) -> String {
    let report = d.reports.first().map(|r| r.citation.as_str()).unwrap_or("");
    format!(
        "{report} Data: \"{}\", version {} ({}). View: {view_url}",
        d.dataset.title, d.dataset.version, d.dataset.id
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filters::Filters;
    use crate::query::{Except, select};

    #[test]
    fn csv_has_a_row_per_activity_and_quotes_safely() {
        let d = crate::query::tests::dataset();
        let acts = select(&d, &Filters::from_query("sector=media"), Except::Nothing);
        let csv = to_csv(&d, &acts);
        assert_eq!(csv.lines().count(), acts.len() + 1);
        assert!(csv.contains("\"Internet \"\"news factory\"\"\""));
        assert_eq!(csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
    }

    #[test]
    fn json_keeps_the_evidence() {
        let d = crate::query::tests::dataset();
        let acts = select(&d, &Filters::from_query("q=jury"), Except::Nothing);
        let json = to_json(&d, &acts, "http://x/?q=jury");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["activities"].as_array().unwrap().len(), acts.len());
        assert!(v["activities"][0]["evidence"][0]["quote"].is_string());
        assert!(v["citation"].as_str().unwrap().contains("version 1.0.0"));
    }
}
