//! The dataset's descriptions in another language: a translation file names each translated
//! text by the id of what it describes (`activities.kz2006-a01.title`), and `apply` returns the
//! dataset with those texts in place. What is evidence is never translated: the report, its
//! title and every quote stay as published, and the figures, dates and ids are untouched, so a
//! translated view counts, dates and cites exactly what the English one does.

use super::model::Dataset;
use serde_json::Value;

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

/// One translatable text of the dataset: where the file keeps it (`group.id.field`, or the
/// `index`th actor's `field` under `activities.id.actors`) and the text itself.
struct Slot<'a> {
    group: &'static str,
    id: String,
    field: &'static str,
    actor: Option<usize>,
    text: &'a mut String,
}

impl Slot<'_> {
    /// The translation the file gives for this text, if any.
    fn find<'v>(&self, t: &'v Value) -> Option<&'v str> {
        let group = t.get(self.group);
        // The dataset's own texts are fields of `dataset`; the rest are keyed by id.
        let item = if self.id.is_empty() {
            group
        } else {
            group.and_then(|g| g.get(&self.id))
        };
        match self.actor {
            None => text(item, self.field),
            Some(i) => match item.and_then(|v| v.get("actors")) {
                Some(Value::Array(list)) => text(list.get(i), self.field),
                _ => None,
            },
        }
    }
}

/// Every text of the dataset a translation replaces (and nothing that is evidence), in one
/// list, so applying and checking a translation can never disagree about what it covers.
fn slots(d: &mut Dataset) -> Vec<Slot<'_>> {
    let mut out = Vec::new();
    let mut add = |group, id: &str, field, actor, text| {
        out.push(Slot {
            group,
            id: id.to_string(),
            field,
            actor,
            text,
        })
    };
    let info = &mut d.dataset;
    add("dataset", "", "title", None, &mut info.title);
    add("dataset", "", "method", None, &mut info.method);
    add("dataset", "", "licence", None, &mut info.licence);
    for s in &mut d.sectors {
        add("sectors", &s.id, "name", None, &mut s.name);
        add("sectors", &s.id, "short", None, &mut s.short);
        add("sectors", &s.id, "description", None, &mut s.description);
        add(
            "sectors",
            &s.id,
            "objective",
            None,
            &mut s.framework.objective,
        );
        add(
            "sectors",
            &s.id,
            "program_area",
            None,
            &mut s.framework.program_area,
        );
        add("sectors", &s.id, "dac_name", None, &mut s.dac.name);
    }
    for m in &mut d.measures {
        add("measures", &m.id, "label", None, &mut m.label);
        add("measures", &m.id, "description", None, &mut m.description);
    }
    for p in &mut d.places {
        add("places", &p.id, "name", None, &mut p.name);
    }
    for a in &mut d.activities {
        add("activities", &a.id, "title", None, &mut a.title);
        add("activities", &a.id, "summary", None, &mut a.summary);
        if let Some(r) = &mut a.time.reasoning {
            add("activities", &a.id, "reasoning", None, r);
        }
        for (i, x) in a.actors.iter_mut().enumerate() {
            add("activities", &a.id, "name", Some(i), &mut x.name);
            add("activities", &a.id, "role", Some(i), &mut x.role);
        }
        for m in &mut a.metrics {
            add("metrics", &m.id, "unit", None, &mut m.unit);
            add("metrics", &m.id, "counted", None, &mut m.counted);
            if let Some(n) = &mut m.note {
                add("metrics", &m.id, "note", None, n);
            }
        }
    }
    for e in &mut d.events {
        add("events", &e.id, "label", None, &mut e.label);
    }
    // What came of an activity, in our words; its quote is evidence and stays as published.
    for o in &mut d.outcomes {
        add("outcomes", &o.id, "text", None, &mut o.text);
    }
    out
}

/// The dataset with the translated descriptions in place. A text the file leaves out stays in
/// English (the `dataset translation` check of the files makes sure none is left out).
///
/// The file is read by serde_json as a `Value` and looked into by the slots' keys: typed serde
/// structs for the file's groups measured 8.6 KB (gzip) more wasm, for the same result.
pub fn apply(d: &Dataset, source: &str) -> Result<Dataset, TranslationError> {
    let t: Value =
        serde_json::from_str(source).map_err(|e| TranslationError::Malformed(e.to_string()))?;
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
    for slot in slots(&mut out) {
        if let Some(tr) = slot.find(&t) {
            *slot.text = tr.to_string();
        }
    }
    Ok(out)
}

/// Every problem with a translation file, for `dataset translation`: it must translate this
/// dataset and version, every text the interface shows from it and nothing else, and never a
/// quote.
#[cfg(not(target_arch = "wasm32"))]
pub fn check(d: &Dataset, source: &str) -> Vec<String> {
    let t: Value = match serde_json::from_str(source) {
        Ok(t) => t,
        Err(e) => return vec![format!("not JSON: {e}")],
    };
    if let Err(e) = apply(d, source) {
        return vec![e.to_string()];
    }
    let mut problems = Vec::new();
    let mut english = d.clone();
    let all = slots(&mut english);
    for s in &all {
        let at = match s.actor {
            None if s.id.is_empty() => format!("{}.{}", s.group, s.field),
            None => format!("{}.{}.{}", s.group, s.id, s.field),
            Some(i) => format!("{}.{}.actors[{i}].{}", s.group, s.id, s.field),
        };
        match s.find(&t) {
            None => problems.push(format!("{at} is missing")),
            Some(tr)
                if tr == s.text.as_str()
                    && s.text.len() > 3
                    && s.text.chars().any(char::is_alphabetic) =>
            {
                problems.push(format!("{at} is not translated"))
            }
            Some(_) => {}
        }
    }
    for a in &d.activities {
        let given = match t
            .get("activities")
            .and_then(|g| g.get(&a.id))
            .and_then(|v| v.get("actors"))
        {
            Some(Value::Array(list)) => list.len(),
            _ => 0,
        };
        if given != a.actors.len() {
            problems.push(format!(
                "activities.{}.actors has {given} where the data has {}",
                a.id,
                a.actors.len()
            ));
        }
    }
    // Nothing the data does not have, no field that is not translated, no quote.
    let groups = [
        "sectors",
        "measures",
        "places",
        "activities",
        "metrics",
        "events",
        "outcomes",
    ];
    for (group, items) in members(&t) {
        match group.as_str() {
            "translation_of" | "dataset_version" | "lang" => continue,
            g if g == "dataset" || groups.contains(&g) => {}
            other => {
                problems.push(format!(
                    "'{other}' is not a part of the data that is translated"
                ));
                continue;
            }
        }
        // (path, field) pairs: `dataset` holds its fields; other groups hold items by id.
        let mut fields: Vec<(String, &str)> = Vec::new();
        for (key, item) in members(items) {
            if group == "dataset" {
                fields.push((group.clone(), key));
            } else if !all.iter().any(|s| s.group == group && s.id == *key) {
                problems.push(format!("{group}.{key} is not in the data"));
            } else {
                for (f, _) in members(item) {
                    fields.push((format!("{group}.{key}"), f));
                }
            }
        }
        for (at, f) in fields {
            let known = (group == "activities" && f == "actors")
                || (group == "dataset" && f == "translation_note")
                || all
                    .iter()
                    .any(|s| s.group == group && s.field == f && s.actor.is_none());
            if matches!(f, "evidence" | "quote" | "quotes") {
                problems.push(format!(
                    "{at}.{f}: quotes are evidence and are never translated"
                ));
            } else if !known {
                problems.push(format!("{at}.{f} is not a translated field"));
            }
        }
    }
    let quotes: Vec<&str> = d
        .activities
        .iter()
        .flat_map(|a| {
            a.evidence
                .iter()
                .chain(a.metrics.iter().map(|m| &m.evidence))
                .map(|e| e.quote.as_str())
        })
        .chain(d.outcomes.iter().map(|o| o.evidence.quote.as_str()))
        .collect();
    let mut strings = Vec::new();
    collect_strings(&t, &mut strings);
    for s in strings {
        if s.len() > 24 && quotes.iter().any(|q| q.contains(s)) {
            problems.push(format!("a quote is translated or copied: \"{s}\""));
        }
    }
    problems
}

/// The members of an object; none for anything else.
#[cfg(not(target_arch = "wasm32"))]
fn members(v: &Value) -> impl Iterator<Item = (&String, &Value)> {
    v.as_object().into_iter().flatten()
}

#[cfg(not(target_arch = "wasm32"))]
fn collect_strings<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::String(s) => out.push(s),
        Value::Array(items) => items.iter().for_each(|i| collect_strings(i, out)),
        Value::Object(members) => members.values().for_each(|i| collect_strings(i, out)),
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
    fn a_translation_is_read_by_serde_json_and_looked_into_by_key() {
        let d = english();
        let head = r#""translation_of": "us-record-kazakhstan-2006", "dataset_version": "2.0.0""#;
        let with = |rest: &str| apply(&d, &format!("{{{head}{rest}}}"));
        // Unknown members are passed over; a blank, null or non-string text, or a group that
        // is not an object, leaves the English.
        let t = with(
            r#", "lang": "x", "extra": [1], "sectors": {"media": {"name": " ", "short": null, "x": 1}},
               "places": [], "measures": {"people_trained": {"label": 7}},
               "events": {"kz2006-e01": {"label": "Метка"}}"#,
        )
        .unwrap();
        assert_eq!(
            (&t.sectors, &t.places, &t.measures),
            (&d.sectors, &d.places, &d.measures)
        );
        assert_eq!(t.events[0].label, "Метка");
        assert_eq!(t.events[1..], d.events[1..]);
        // The file is an object; not JSON is said in serde_json's words.
        let list = r#"["us-record-kazakhstan-2006", "2.0.0"]"#;
        assert_eq!(
            apply(&d, list),
            Err(TranslationError::Malformed("not an object".into()))
        );
        assert_eq!(
            apply(&d, "{").unwrap_err().to_string(),
            "the file is damaged: EOF while parsing an object at line 1 column 1"
        );
        assert_eq!(
            check(&d, "{"),
            ["not JSON: EOF while parsing an object at line 1 column 1"]
        );
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
