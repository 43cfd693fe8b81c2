//! The dataset's descriptions in another language: a translation file names each translated
//! text by the id of what it describes (`activities.kz2006-a01.title`), and `apply` returns the
//! dataset with those texts in place. What is evidence is never translated: the report, its
//! title and every quote stay as published, and the figures, dates and ids are untouched, so a
//! translated view counts, dates and cites exactly what the English one does.

use super::json::{self, Value};
use super::model::Dataset;

/// Why a translation could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum TranslationError {
    /// Not JSON, or not an object.
    Malformed(String),
    /// A translation of another dataset, or of another version of it.
    OtherDataset { expected: String, found: String },
}

impl std::fmt::Display for TranslationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TranslationError::Malformed(e) => write!(f, "the file is damaged: {e}"),
            TranslationError::OtherDataset { expected, found } => {
                write!(f, "it translates {found}, where the data is {expected}")
            }
        }
    }
}

fn text<'a>(v: Option<&'a Value>, key: &str) -> Option<&'a str> {
    v?.get(key)?.as_str().filter(|s| !s.trim().is_empty())
}

fn set(target: &mut String, v: Option<&Value>, key: &str) {
    if let Some(t) = text(v, key) {
        *target = t.to_string();
    }
}

/// The dataset with the translated descriptions in place. A text the file leaves out stays in
/// English (the `dataset check` of the files makes sure none is left out).
pub fn apply(d: &Dataset, source: &str) -> Result<Dataset, TranslationError> {
    let t = json::parse(source).map_err(|e| TranslationError::Malformed(e.to_string()))?;
    if t.as_object().is_none() {
        return Err(TranslationError::Malformed("not an object".into()));
    }
    let of = text(Some(&t), "translation_of").unwrap_or_default();
    let version = text(Some(&t), "dataset_version").unwrap_or_default();
    if of != d.dataset.id || version != d.dataset.version {
        return Err(TranslationError::OtherDataset {
            expected: format!("{} {}", d.dataset.id, d.dataset.version),
            found: format!("{of} {version}"),
        });
    }
    let mut out = d.clone();
    out.search = std::sync::OnceLock::new(); // searched in the translated words
    let group = |name: &str| t.get(name);
    let item = |name: &str, id: &str| group(name).and_then(|g| g.get(id));
    let info = group("dataset");
    set(&mut out.dataset.title, info, "title");
    set(&mut out.dataset.method, info, "method");
    set(&mut out.dataset.licence, info, "licence");
    for s in &mut out.sectors {
        let v = item("sectors", &s.id);
        set(&mut s.name, v, "name");
        set(&mut s.short, v, "short");
        set(&mut s.description, v, "description");
        set(&mut s.framework.objective, v, "objective");
        set(&mut s.framework.program_area, v, "program_area");
        set(&mut s.dac.name, v, "dac_name");
    }
    for m in &mut out.measures {
        let v = item("measures", &m.id);
        set(&mut m.label, v, "label");
        set(&mut m.description, v, "description");
    }
    for p in &mut out.places {
        set(&mut p.name, item("places", &p.id), "name");
    }
    for a in &mut out.activities {
        let v = item("activities", &a.id);
        set(&mut a.title, v, "title");
        set(&mut a.summary, v, "summary");
        if let Some(o) = &mut a.outcome {
            set(o, v, "outcome");
        }
        if let Some(r) = &mut a.time.reasoning {
            set(r, v, "reasoning");
        }
        if let Some(Value::Array(actors)) = v.and_then(|v| v.get("actors")) {
            for (actor, tr) in a.actors.iter_mut().zip(actors) {
                set(&mut actor.name, Some(tr), "name");
                set(&mut actor.role, Some(tr), "role");
            }
        }
        for m in &mut a.metrics {
            let v = item("metrics", &m.id);
            set(&mut m.unit, v, "unit");
            set(&mut m.counted, v, "counted");
        }
    }
    for e in &mut out.events {
        set(&mut e.label, item("events", &e.id), "label");
    }
    Ok(out)
}

/// Every problem with a translation file, for `dataset check`: it must translate this dataset
/// and version, every text the interface shows from it and nothing else, and never a quote.
#[cfg(not(target_arch = "wasm32"))]
pub fn check(d: &Dataset, source: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let t = match json::parse(source) {
        Ok(t) => t,
        Err(e) => return vec![format!("not JSON: {e}")],
    };
    if let Err(e) = apply(d, source) {
        return vec![e.to_string()];
    }
    let missing = std::cell::RefCell::new(Vec::new());
    let need = |group: &str, id: &str, keys: &[&str], english: &[&str]| {
        let v = t.get(group).and_then(|g| g.get(id));
        for (key, en) in keys.iter().zip(english) {
            match text(v, key) {
                None => missing
                    .borrow_mut()
                    .push(format!("{group}.{id}.{key} is missing")),
                Some(tr) if tr == *en && en.chars().any(char::is_alphabetic) && en.len() > 3 => {
                    missing
                        .borrow_mut()
                        .push(format!("{group}.{id}.{key} is not translated"))
                }
                Some(_) => {}
            }
        }
    };
    let info = &d.dataset;
    let v = t.get("dataset");
    for (key, en) in [
        ("title", &info.title),
        ("method", &info.method),
        ("licence", &info.licence),
    ] {
        if text(v, key).is_none_or(|tr| tr == en.as_str()) {
            problems.push(format!("dataset.{key} is missing or not translated"));
        }
    }
    for s in &d.sectors {
        need(
            "sectors",
            &s.id,
            &[
                "name",
                "short",
                "description",
                "objective",
                "program_area",
                "dac_name",
            ],
            &[
                &s.name,
                &s.short,
                &s.description,
                &s.framework.objective,
                &s.framework.program_area,
                &s.dac.name,
            ],
        );
    }
    for m in &d.measures {
        need(
            "measures",
            &m.id,
            &["label", "description"],
            &[&m.label, &m.description],
        );
    }
    for p in &d.places {
        need("places", &p.id, &["name"], &[&p.name]);
    }
    let mut quotes: Vec<&str> = Vec::new();
    for a in &d.activities {
        need(
            "activities",
            &a.id,
            &["title", "summary"],
            &[&a.title, &a.summary],
        );
        if let Some(o) = &a.outcome {
            need("activities", &a.id, &["outcome"], &[o]);
        }
        if let Some(r) = &a.time.reasoning {
            need("activities", &a.id, &["reasoning"], &[r]);
        }
        let actors = t
            .get("activities")
            .and_then(|g| g.get(&a.id))
            .and_then(|v| v.get("actors"));
        let n = match actors {
            Some(Value::Array(list)) => list.len(),
            _ => 0,
        };
        if n != a.actors.len() {
            problems.push(format!(
                "activities.{}.actors has {n} where the data has {}",
                a.id,
                a.actors.len()
            ));
        }
        for m in &a.metrics {
            need(
                "metrics",
                &m.id,
                &["unit", "counted"],
                &[&m.unit, &m.counted],
            );
        }
        quotes.extend(a.evidence.iter().map(|e| e.quote.as_str()));
        quotes.extend(a.metrics.iter().map(|m| m.evidence.quote.as_str()));
    }
    for e in &d.events {
        need("events", &e.id, &["label"], &[&e.label]);
    }
    problems.extend(missing.into_inner());
    // Nothing that the data does not have, and no quote (evidence stays in English).
    let known = |group: &str, id: &str| match group {
        "sectors" => d.sector(id).is_some(),
        "places" => d.place(id).is_some(),
        "measures" => d.measures.iter().any(|m| m.id == id),
        "activities" => d.activity(id).is_some(),
        "metrics" => d
            .activities
            .iter()
            .any(|a| a.metrics.iter().any(|m| m.id == id)),
        "events" => d.events.iter().any(|e| e.id == id),
        _ => true,
    };
    let fields = |group: &str| -> &[&str] {
        match group {
            "sectors" => &[
                "name",
                "short",
                "description",
                "objective",
                "program_area",
                "dac_name",
            ],
            "measures" => &["label", "description"],
            "places" => &["name"],
            "activities" => &["title", "summary", "actors", "outcome", "reasoning"],
            "metrics" => &["unit", "counted"],
            "events" => &["label"],
            _ => &[],
        }
    };
    for (group, members) in t.as_object().unwrap_or_default() {
        match group.as_str() {
            "translation_of" | "dataset_version" | "lang" | "dataset" => continue,
            "sectors" | "measures" | "places" | "activities" | "metrics" | "events" => {}
            other => {
                problems.push(format!(
                    "'{other}' is not a part of the data that is translated"
                ));
                continue;
            }
        }
        for (id, item) in members.as_object().unwrap_or_default() {
            if !known(group, id) {
                problems.push(format!("{group}.{id} is not in the data"));
            }
            for (field, _) in item.as_object().unwrap_or_default() {
                if matches!(field.as_str(), "evidence" | "quote" | "quotes") {
                    problems.push(format!(
                        "{group}.{id}.{field}: quotes are evidence and are never translated"
                    ));
                } else if !fields(group).contains(&field.as_str()) {
                    problems.push(format!("{group}.{id}.{field} is not a translated field"));
                }
            }
        }
    }
    let mut strings = Vec::new();
    collect_strings(&t, &mut strings);
    for s in strings {
        if s.len() > 24 && quotes.iter().any(|q| q.contains(s)) {
            problems.push(format!("a quote is translated or copied: \"{s}\""));
        }
    }
    problems
}

#[cfg(not(target_arch = "wasm32"))]
fn collect_strings<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::String(s) => out.push(s),
        Value::Array(items) => items.iter().for_each(|i| collect_strings(i, out)),
        Value::Object(members) => members.iter().for_each(|(_, i)| collect_strings(i, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> Dataset {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/data/kazakhstan-2006.json"
        );
        crate::core::validate::parse_and_check(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    fn translation(lang: &str) -> String {
        let path = format!(
            "{}/data/i18n/kazakhstan-2006.{lang}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(path).unwrap()
    }

    #[test]
    fn the_translations_are_complete_and_leave_the_evidence_alone() {
        let d = english();
        for lang in ["ru", "kk"] {
            let problems = check(&d, &translation(lang));
            assert!(problems.is_empty(), "{lang}: {problems:#?}");
            let t = apply(&d, &translation(lang)).unwrap();
            // Figures, dates, quotes and the report are the same data.
            for (a, b) in d.activities.iter().zip(&t.activities) {
                assert_eq!(a.id, b.id);
                assert_eq!(
                    (a.time.start, a.time.end, a.time.basis),
                    (b.time.start, b.time.end, b.time.basis)
                );
                assert_eq!(a.evidence, b.evidence);
                let values = |x: &crate::core::model::Activity| {
                    x.metrics
                        .iter()
                        .map(|m| (m.value, m.qualifier))
                        .collect::<Vec<_>>()
                };
                assert_eq!(values(a), values(b));
                assert_ne!(a.title, b.title);
            }
            assert_eq!(d.reports, t.reports);
        }
    }

    #[test]
    fn a_translation_of_other_data_is_refused() {
        let d = english();
        let other =
            translation("ru").replace("\"dataset_version\": \"", "\"dataset_version\": \"9");
        assert!(matches!(
            apply(&d, &other),
            Err(TranslationError::OtherDataset { .. })
        ));
        assert!(matches!(
            apply(&d, "[1"),
            Err(TranslationError::Malformed(_))
        ));
        let mut broken = translation("ru");
        broken = broken.replacen("\"title\": \"", "\"titel\": \"", 2);
        assert!(!check(&d, &broken).is_empty());
    }
}
