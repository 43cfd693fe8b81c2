//! The dataset's descriptions in another language: a translation file names each translated
//! text by the id of what it describes (`activities.kz2006-a01.title`), and `apply` returns the
//! dataset with those texts in place. What is evidence is never translated: the report, its
//! title and every quote stay as published, and the figures, dates and ids are untouched, so a
//! translated view counts, dates and cites exactly what the English one does.

use super::model::Dataset;
use serde::de::{MapAccess, Visitor, value::MapAccessDeserializer};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;

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

/// A translated text; `null` (or left out) is no translation.
type Text = Option<String>;

/// A translation file, as serde reads it. Members it does not know are passed over here (the
/// `dataset translation` check names them); a text that is not a string makes the file damaged.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct File {
    translation_of: Text,
    dataset_version: Text,
    /// The dataset's own texts.
    dataset: DatasetTexts,
    /// The rest, keyed by the id of what they describe.
    sectors: BTreeMap<String, SectorTexts>,
    measures: BTreeMap<String, MeasureTexts>,
    places: BTreeMap<String, PlaceTexts>,
    activities: BTreeMap<String, ActivityTexts>,
    metrics: BTreeMap<String, MetricTexts>,
    events: BTreeMap<String, EventTexts>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct DatasetTexts {
    title: Text,
    method: Text,
    licence: Text,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SectorTexts {
    name: Text,
    short: Text,
    description: Text,
    objective: Text,
    program_area: Text,
    dac_name: Text,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct MeasureTexts {
    label: Text,
    description: Text,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PlaceTexts {
    name: Text,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ActivityTexts {
    title: Text,
    summary: Text,
    outcome: Text,
    reasoning: Text,
    /// In the order of the activity's actors.
    actors: Vec<ActorTexts>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ActorTexts {
    name: Text,
    role: Text,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct MetricTexts {
    unit: Text,
    counted: Text,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct EventTexts {
    label: Text,
}

/// `T` read from a JSON object only: serde's derive also reads a struct from an array, which a
/// translation file never is.
struct Object<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = T;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map))
            }
        }
        d.deserialize_map(V(std::marker::PhantomData)).map(Object)
    }
}

/// The file's text for a slot: given, and not blank.
fn given(t: Option<&Text>) -> Option<&str> {
    t?.as_deref().filter(|s| !s.trim().is_empty())
}

/// One translatable text of the dataset: where the file keeps it (`group.id.field`, or the
/// `index`th actor's `field` under `activities.id.actors`), the text itself, and the file's
/// translation of it, if the file gives one.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))] // `check` (native) reads where it is.
struct Slot<'a, 't> {
    group: &'static str,
    id: String,
    field: &'static str,
    actor: Option<usize>,
    text: &'a mut String,
    translation: Option<&'t str>,
}

/// Every text of the dataset a translation replaces (and nothing that is evidence), with the
/// file's translation of each, in one list, so applying and checking a translation can never
/// disagree about what it covers.
fn slots<'a, 't>(d: &'a mut Dataset, t: &'t File) -> Vec<Slot<'a, 't>> {
    let mut out = Vec::new();
    let mut add = |group, id: &str, field, actor, text, translation: Option<&'t Text>| {
        out.push(Slot {
            group,
            id: id.to_string(),
            field,
            actor,
            text,
            translation: given(translation),
        })
    };
    let (info, f) = (&mut d.dataset, &t.dataset);
    add(
        "dataset",
        "",
        "title",
        None,
        &mut info.title,
        Some(&f.title),
    );
    add(
        "dataset",
        "",
        "method",
        None,
        &mut info.method,
        Some(&f.method),
    );
    add(
        "dataset",
        "",
        "licence",
        None,
        &mut info.licence,
        Some(&f.licence),
    );
    for s in &mut d.sectors {
        let f = t.sectors.get(&s.id);
        add(
            "sectors",
            &s.id,
            "name",
            None,
            &mut s.name,
            f.map(|f| &f.name),
        );
        add(
            "sectors",
            &s.id,
            "short",
            None,
            &mut s.short,
            f.map(|f| &f.short),
        );
        add(
            "sectors",
            &s.id,
            "description",
            None,
            &mut s.description,
            f.map(|f| &f.description),
        );
        add(
            "sectors",
            &s.id,
            "objective",
            None,
            &mut s.framework.objective,
            f.map(|f| &f.objective),
        );
        add(
            "sectors",
            &s.id,
            "program_area",
            None,
            &mut s.framework.program_area,
            f.map(|f| &f.program_area),
        );
        add(
            "sectors",
            &s.id,
            "dac_name",
            None,
            &mut s.dac.name,
            f.map(|f| &f.dac_name),
        );
    }
    for m in &mut d.measures {
        let f = t.measures.get(&m.id);
        add(
            "measures",
            &m.id,
            "label",
            None,
            &mut m.label,
            f.map(|f| &f.label),
        );
        add(
            "measures",
            &m.id,
            "description",
            None,
            &mut m.description,
            f.map(|f| &f.description),
        );
    }
    for p in &mut d.places {
        let f = t.places.get(&p.id);
        add(
            "places",
            &p.id,
            "name",
            None,
            &mut p.name,
            f.map(|f| &f.name),
        );
    }
    for a in &mut d.activities {
        let f = t.activities.get(&a.id);
        add(
            "activities",
            &a.id,
            "title",
            None,
            &mut a.title,
            f.map(|f| &f.title),
        );
        add(
            "activities",
            &a.id,
            "summary",
            None,
            &mut a.summary,
            f.map(|f| &f.summary),
        );
        if let Some(o) = &mut a.outcome {
            add(
                "activities",
                &a.id,
                "outcome",
                None,
                o,
                f.map(|f| &f.outcome),
            );
        }
        if let Some(r) = &mut a.time.reasoning {
            add(
                "activities",
                &a.id,
                "reasoning",
                None,
                r,
                f.map(|f| &f.reasoning),
            );
        }
        for (i, x) in a.actors.iter_mut().enumerate() {
            let f = f.and_then(|f| f.actors.get(i));
            add(
                "activities",
                &a.id,
                "name",
                Some(i),
                &mut x.name,
                f.map(|f| &f.name),
            );
            add(
                "activities",
                &a.id,
                "role",
                Some(i),
                &mut x.role,
                f.map(|f| &f.role),
            );
        }
        for m in &mut a.metrics {
            let f = t.metrics.get(&m.id);
            add(
                "metrics",
                &m.id,
                "unit",
                None,
                &mut m.unit,
                f.map(|f| &f.unit),
            );
            add(
                "metrics",
                &m.id,
                "counted",
                None,
                &mut m.counted,
                f.map(|f| &f.counted),
            );
        }
    }
    for e in &mut d.events {
        let f = t.events.get(&e.id);
        add(
            "events",
            &e.id,
            "label",
            None,
            &mut e.label,
            f.map(|f| &f.label),
        );
    }
    out
}

/// The translation file, read by serde; refused unless it translates this dataset's version.
fn read(d: &Dataset, source: &str) -> Result<File, TranslationError> {
    let Object(t) = serde_json::from_str::<Object<File>>(source)
        .map_err(|e| TranslationError::Malformed(e.to_string()))?;
    let of = given(Some(&t.translation_of)).unwrap_or_default();
    let version = given(Some(&t.dataset_version)).unwrap_or_default();
    if of != d.dataset.id || version != d.dataset.version {
        return Err(TranslationError::OtherDataset {
            expected: format!("{} {}", d.dataset.id, d.dataset.version),
            found: format!("{of} {version}"),
        });
    }
    Ok(t)
}

/// The dataset with the translated descriptions in place. A text the file leaves out stays in
/// English (the `dataset translation` check of the files makes sure none is left out).
pub fn apply(d: &Dataset, source: &str) -> Result<Dataset, TranslationError> {
    let t = read(d, source)?;
    let mut out = d.clone();
    out.search = std::sync::OnceLock::new(); // searched in the translated words
    for slot in slots(&mut out, &t) {
        if let Some(tr) = slot.translation {
            *slot.text = tr.to_string();
        }
    }
    Ok(out)
}

/// Every problem with a translation file, for `dataset translation`: it must translate this
/// dataset and version, every text the interface shows from it and nothing else, and never a
/// quote. (What the file holds beyond the texts it is read for is looked at as plain JSON.)
#[cfg(not(target_arch = "wasm32"))]
pub fn check(d: &Dataset, source: &str) -> Vec<String> {
    use serde_json::Value;
    let raw: Value = match serde_json::from_str(source) {
        Ok(v) => v,
        Err(e) => return vec![format!("not JSON: {e}")],
    };
    let t = match read(d, source) {
        Ok(t) => t,
        Err(e) => return vec![e.to_string()],
    };
    let mut problems = Vec::new();
    let mut english = d.clone();
    let all = slots(&mut english, &t);
    for s in &all {
        let at = match s.actor {
            None if s.id.is_empty() => format!("{}.{}", s.group, s.field),
            None => format!("{}.{}.{}", s.group, s.id, s.field),
            Some(i) => format!("{}.{}.actors[{i}].{}", s.group, s.id, s.field),
        };
        match s.translation {
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
        let given = t.activities.get(&a.id).map_or(0, |x| x.actors.len());
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
    ];
    for (group, items) in members(&raw) {
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
        .collect();
    let mut strings = Vec::new();
    collect_strings(&raw, &mut strings);
    for s in strings {
        if s.len() > 24 && quotes.iter().any(|q| q.contains(s)) {
            problems.push(format!("a quote is translated or copied: \"{s}\""));
        }
    }
    problems
}

/// An object's members; none for anything else.
#[cfg(not(target_arch = "wasm32"))]
fn members(v: &serde_json::Value) -> impl Iterator<Item = (&String, &serde_json::Value)> {
    v.as_object().into_iter().flatten()
}

#[cfg(not(target_arch = "wasm32"))]
fn collect_strings<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    use serde_json::Value;
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
    fn a_translation_is_read_by_serde_from_an_object_of_texts() {
        let d = english();
        let head = r#""translation_of": "us-record-kazakhstan-2006", "dataset_version": "1.0.0""#;
        let with = |rest: &str| apply(&d, &format!("{{{head}{rest}}}"));
        // Unknown members are passed over; a blank or null text leaves the English.
        let t = with(
            r#", "lang": "x", "extra": [1], "sectors": {"media": {"name": " ", "short": null, "x": 1}},
               "events": {"kz2006-e01": {"label": "Метка"}}"#,
        )
        .unwrap();
        assert_eq!(t.sectors, d.sectors);
        assert_eq!(t.events[0].label, "Метка");
        assert_eq!(t.events[1..], d.events[1..]);
        // A text that is not a string, or a group that is not an object: damaged, with where.
        let damaged = |r: Result<Dataset, TranslationError>| match r {
            Err(TranslationError::Malformed(m)) => m,
            other => panic!("{other:?}"),
        };
        let m = damaged(with(r#", "places": {"almaty": {"name": 7}}"#));
        assert!(
            m.starts_with("invalid type: integer `7`, expected a string"),
            "{m}"
        );
        assert!(damaged(with(r#", "sectors": []"#)).starts_with("invalid type: sequence"));
        // The file is an object: not a list, even one that would fill the fields in order.
        let list = r#"["us-record-kazakhstan-2006", "1.0.0"]"#;
        let m = damaged(apply(&d, list));
        assert!(
            m.starts_with("invalid type: sequence, expected an object"),
            "{m}"
        );
        assert_eq!(
            apply(&d, list).unwrap_err().to_string(),
            format!("the file is damaged: {m}")
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
