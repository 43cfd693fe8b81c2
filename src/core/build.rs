//! Making the dataset from its authoring file: paragraphs come from the report's text file, and
//! each passage is located from its quote alone, so offsets are never typed by hand.

use crate::core::model::{Dataset, ParagraphRole};
use serde_json::{Map, Value};

/// Builds the dataset from the authoring JSON; `read_text` reads a report text file by the
/// path the authoring file gives. Errors name the quote or field at fault.
pub fn build(
    source: &str,
    read_text: impl Fn(&str) -> Result<String, String>,
) -> Result<Dataset, String> {
    let mut root: Value =
        serde_json::from_str(source).map_err(|e| format!("authoring file: {e}"))?;
    let reports = root
        .get_mut("reports")
        .and_then(Value::as_array_mut)
        .ok_or("authoring file: no reports array")?;
    let mut paragraph_sets = Vec::new();
    for report in reports.iter_mut() {
        let obj = report.as_object_mut().ok_or("a report is not an object")?;
        let id = obj
            .get("id")
            .and_then(Value::as_str)
            .ok_or("a report has no id")?
            .to_string();
        let file = obj
            .remove("text_file")
            .and_then(|v| v.as_str().map(str::to_string))
            .ok_or_else(|| format!("report {id}: no text_file"))?;
        let roles = obj.remove("paragraph_roles").unwrap_or(Value::Null);
        let text = read_text(&file)?;
        let paragraphs = split_paragraphs(&id, &text, &roles)?;
        obj.insert(
            "paragraphs".into(),
            serde_json::to_value(&paragraphs).map_err(|e| e.to_string())?,
        );
        paragraph_sets.push((id, paragraphs));
    }
    locate_all(&mut root, &paragraph_sets, "")?;
    serde_json::from_value(root).map_err(|e| format!("authoring file: {e}"))
}

/// The dataset as bundled: compact JSON (it is fetched on first load) with a final newline.
pub fn to_json(d: &Dataset) -> Result<String, String> {
    serde_json::to_string(d)
        .map(|s| s + "\n")
        .map_err(|e| e.to_string())
}

/// A report's text as paragraphs: each non-empty line, numbered from 1 (`{report}-p01`).
fn split_paragraphs(
    report: &str,
    text: &str,
    roles: &Value,
) -> Result<Vec<crate::core::model::Paragraph>, String> {
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .collect();
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let n = i + 1;
            let role = match roles.get(n.to_string()) {
                None => ParagraphRole::Content,
                Some(v) => serde_json::from_value(v.clone())
                    .map_err(|e| format!("report {report}: paragraph_roles.{n}: {e}"))?,
            };
            Ok(crate::core::model::Paragraph {
                id: format!("{report}-p{n:02}"),
                role,
                text: (*line).to_string(),
            })
        })
        .collect()
}

/// Fills `paragraph`, `start` and `end` of every object that has a `quote`.
fn locate_all(
    v: &mut Value,
    reports: &[(String, Vec<crate::core::model::Paragraph>)],
    path: &str,
) -> Result<(), String> {
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                locate_all(item, reports, &format!("{path}[{i}]"))?;
            }
        }
        Value::Object(obj) => {
            if let Some(Value::String(quote)) = obj.get("quote") {
                let quote = quote.clone();
                locate(obj, &quote, reports, path)?;
            }
            for (k, child) in obj.iter_mut() {
                if k != "quote" {
                    locate_all(child, reports, &format!("{path}.{k}"))?;
                }
            }
        }
        _ => {}
    }
    Ok(())
}

fn locate(
    obj: &mut Map<String, Value>,
    quote: &str,
    reports: &[(String, Vec<crate::core::model::Paragraph>)],
    path: &str,
) -> Result<(), String> {
    let wanted = obj.get("paragraph").and_then(Value::as_str);
    let mut hits = Vec::new();
    for (_, paragraphs) in reports {
        for p in paragraphs {
            if wanted.is_some_and(|w| w != p.id) {
                continue;
            }
            for (byte, _) in p.text.match_indices(quote) {
                let start = p.text[..byte].chars().count();
                hits.push((p.id.clone(), start, start + quote.chars().count()));
            }
        }
    }
    match hits.as_slice() {
        [(id, start, end)] => {
            obj.insert("paragraph".into(), Value::from(id.as_str()));
            obj.insert("start".into(), Value::from(*start));
            obj.insert("end".into(), Value::from(*end));
            Ok(())
        }
        [] => Err(format!(
            "{path}: quote not found in the report: \"{quote}\""
        )),
        _ => Err(format!(
            "{path}: quote found {} times; give its paragraph or a longer quote: \"{quote}\"",
            hits.len()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_quotes_by_code_points() {
        let src = r#"{"reports":[{"id":"r","text_file":"t","paragraph_roles":{"1":"title"}}],
                      "x":{"quote":"record"}}"#;
        let mut root: Value = serde_json::from_str(src).unwrap();
        let roles = root["reports"][0]["paragraph_roles"].clone();
        let paras = split_paragraphs("r", "Title\n\nThe government’s record\n", &roles).unwrap();
        assert_eq!(paras[0].role, ParagraphRole::Title);
        assert_eq!(paras[1].id, "r-p02");
        locate_all(&mut root, &[("r".into(), paras)], "").unwrap();
        assert_eq!(root["x"]["paragraph"], "r-p02");
        assert_eq!(root["x"]["start"], 17);
        assert_eq!(root["x"]["end"], 23);
    }

    #[test]
    fn missing_and_ambiguous_quotes_are_errors() {
        let paras = split_paragraphs("r", "a b a", &Value::Null).unwrap();
        let reports = [("r".to_string(), paras)];
        let mut v: Value = serde_json::from_str(r#"{"quote":"a"}"#).unwrap();
        assert!(
            locate_all(&mut v, &reports, "")
                .unwrap_err()
                .contains("2 times")
        );
        let mut v: Value = serde_json::from_str(r#"{"quote":"z"}"#).unwrap();
        assert!(
            locate_all(&mut v, &reports, "")
                .unwrap_err()
                .contains("not found")
        );
    }
}
