//! The bundled dataset: it passes every check, it is exactly what its authoring file builds, its
//! text is the report's, and every broken copy fails with its own message.

use kz_explorer::core::build::{build, to_json};
use kz_explorer::core::model::{Dataset, ParagraphRole, ResultClass, SCHEMA_VERSION};
use kz_explorer::core::validate::{DatasetError, parse_and_check};
use std::path::Path;
use std::process::Command;

const BUNDLED: &str = "public/data/kazakhstan-2006.json";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn bundled() -> Dataset {
    parse_and_check(&read(BUNDLED)).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_bundled_dataset_passes_every_check() {
    let d = bundled();
    assert!(d.activities.len() >= 40, "several dozen activities");
    assert!(d.events.len() >= 10);
}

#[test]
fn the_bundled_file_is_what_the_authoring_file_builds() {
    let built = build(&read("data/kazakhstan-2006.source.json"), |f| {
        std::fs::read_to_string(root().join("data").join(f)).map_err(|e| e.to_string())
    })
    .unwrap();
    assert!(
        to_json(&built).unwrap() == read(BUNDLED),
        "public/data is stale: run `cargo run --bin dataset -- build data/kazakhstan-2006.source.json {BUNDLED}`"
    );
}

#[test]
fn paragraphs_are_the_report_text_exactly() {
    let d = bundled();
    let text = read("data/report/kazakhstan-2006.txt");
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let paras = &d.reports[0].paragraphs;
    assert_eq!(paras.len(), lines.len());
    for (p, l) in paras.iter().zip(&lines) {
        assert_eq!(p.text, *l);
    }
    // Curly apostrophes are kept as published.
    assert!(paras.iter().any(|p| p.text.contains("government’s")));
    // Page furniture is kept but marked.
    let furniture: Vec<&str> = paras
        .iter()
        .filter(|p| p.role == ParagraphRole::Furniture)
        .map(|p| p.text.as_str())
        .collect();
    assert!(furniture.iter().any(|t| t.contains("Flag Graphic")));
    assert!(
        furniture
            .iter()
            .any(|t| t.starts_with("For more information"))
    );
    // The vendored text is the shared original, where that is beside the repository.
    let shared = root().join("../shared/report/000_2bb6d3d32a6beaf1.txt");
    if let Ok(original) = std::fs::read_to_string(shared) {
        assert_eq!(original, text);
    }
}

#[test]
fn every_activity_has_exactly_one_known_primary_sector() {
    let d = bundled();
    for a in &d.activities {
        assert!(d.sector(&a.sector).is_some(), "{}", a.id);
        assert!(!a.tags.contains(&a.sector), "{}", a.id);
    }
}

fn fixtures() -> Vec<(String, String)> {
    read("tests/fixtures/broken/expected.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (f, m) = l.split_once('\t').expect("file<TAB>message");
            (f.to_string(), m.to_string())
        })
        .collect()
}

#[test]
fn every_broken_copy_fails_with_its_message() {
    let all = fixtures();
    assert!(all.len() >= 14);
    for (file, message) in all {
        let text = read(&format!("tests/fixtures/broken/{file}"));
        let err = parse_and_check(&text).expect_err(&file);
        let shown = err.to_string();
        assert!(
            shown.contains(&message),
            "{file}: expected «{message}» in «{shown}»"
        );
        if file.starts_with("unknown-schema") {
            assert!(matches!(err, DatasetError::UnsupportedSchema { .. }));
        }
    }
}

#[test]
fn the_command_line_checker_exits_non_zero_with_the_message() {
    let bin = env!("CARGO_BIN_EXE_dataset");
    let ok = Command::new(bin)
        .arg("check")
        .arg(root().join(BUNDLED))
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("ok ("));
    for (file, message) in fixtures() {
        let out = Command::new(bin)
            .arg("check")
            .arg(root().join("tests/fixtures/broken").join(&file))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{file}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(&message),
            "{file}"
        );
    }
    let usage = Command::new(bin).output().unwrap();
    assert_eq!(usage.status.code(), Some(2));
    let missing = Command::new(bin)
        .args(["check", "/no/such/file.json"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));
}

/// The bundled text with the first `from` replaced by `to`.
fn bundled_with(from: &str, to: &str) -> String {
    let text = read(BUNDLED);
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

/// Where (JSON path) and why the decoder refuses `text`.
fn malformed(text: &str) -> (String, String) {
    match parse_and_check(text) {
        Err(DatasetError::Malformed { path, message }) => (path, message),
        other => panic!("expected a malformed dataset, got {other:?}"),
    }
}

#[test]
fn a_field_of_the_wrong_shape_is_named_by_its_json_path() {
    let d = bundled();
    let (i, a) = d
        .activities
        .iter()
        .enumerate()
        .find(|(_, a)| a.kind.id() == "training")
        .unwrap();
    let kind = format!("\"id\":\"{}\",", a.id);
    let text = bundled_with(&kind, &format!("{kind}\"kind\":\"nope\","));
    // The first of the two `kind`s is refused as a duplicate, or the unknown variant: either
    // way, at that activity.
    let (path, message) = malformed(&text);
    assert!(
        path.starts_with(&format!("activities[{i}]")),
        "{path}: {message}"
    );
    // A bad date deep inside, with the date's own message.
    let e = &d.events[3];
    let text = bundled_with(&format!("\"date\":\"{}\"", e.date), "\"date\":\"2006-13\"");
    let (path, message) = malformed(&text);
    assert_eq!(path, "events[3].date");
    assert!(message.contains("'2006-13' has no month 13"), "{message}");
    // A wrong type, a missing field and an unknown field.
    let (path, message) = malformed(&bundled_with("\"year\":2006", "\"year\":\"2006\""));
    assert_eq!(path, "reports[0].year");
    assert!(
        message.starts_with("invalid type: string \"2006\""),
        "{message}"
    );
    let (path, message) = malformed(&bundled_with("\"colour\":", "\"color\":"));
    assert!(path.starts_with("sectors[0]"), "{path}");
    assert!(message.starts_with("unknown field `color`"), "{message}");
    let shown = parse_and_check(&bundled_with("\"framework\":{", "\"framework\":{\"x\":1,"))
        .unwrap_err()
        .to_string();
    assert!(
        shown.starts_with(
            "the dataset is not valid JSON of the expected shape at sectors[0].framework"
        ),
        "{shown}"
    );
}

#[test]
fn the_schema_version_is_judged_before_the_shape_and_after_the_syntax() {
    let text = read(BUNDLED);
    let current = format!("\"schema_version\":{SCHEMA_VERSION}");
    assert!(text.contains(&current));
    let future = text.replacen(&current, "\"schema_version\":3", 1);
    let old = text.replacen(&current, "\"schema_version\":1", 1);
    let broken = future.replacen("\"activities\":[", "\"activities\":7,\"x\":[", 1);
    for (t, found) in [(&future, "3"), (&broken, "3"), (&old, "1")] {
        assert_eq!(
            parse_and_check(t),
            Err(DatasetError::UnsupportedSchema {
                found: found.into()
            })
        );
    }
    // Not JSON at all: that is said first, whatever the version.
    let (path, message) = malformed(&future[..future.len() / 2]);
    assert_eq!(path, "");
    assert!(message.starts_with("EOF while parsing"), "{message}");
    // No version: named as a missing field, before the rest of the shape.
    let none = text.replacen(&format!("{current},"), "", 1);
    assert_eq!(
        malformed(&none),
        ("schema_version".into(), "missing field".into())
    );
}

#[test]
fn the_dataset_command_checks_the_translations() {
    let bin = env!("CARGO_BIN_EXE_dataset");
    let good = Command::new(bin)
        .args(["translation", BUNDLED])
        .args([
            "data/i18n/kazakhstan-2006.ru.json",
            "data/i18n/kazakhstan-2006.kk.json",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );
    let expected = read("tests/fixtures/broken-translations/expected.tsv");
    let cases: Vec<(&str, &str)> = expected
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .collect();
    assert!(
        cases.len() >= 3,
        "a missing id, an unknown id and a translated quote at least"
    );
    for (file, message) in cases {
        let out = Command::new(bin)
            .args(["translation", BUNDLED])
            .arg(format!("tests/fixtures/broken-translations/{file}"))
            .current_dir(root())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{file} must be rejected");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains(message),
            "{file}: expected «{message}», got {said}"
        );
    }
}

/// The paragraph text from code point `start` to `end`.
fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn every_outcome_quote_is_verbatim_at_its_offsets() {
    let d = bundled();
    assert!(!d.outcomes.is_empty());
    for o in &d.outcomes {
        for e in std::iter::once(&o.evidence).chain(&o.time.evidence) {
            let (_, p) = d.paragraph(&e.paragraph).expect("its paragraph");
            assert_eq!(slice(&p.text, e.start, e.end), e.quote, "{}", o.id);
        }
    }
}

/// Words of five letters or more, folded and cut to their first five letters, so that
/// "removed" and "remove", "criticised" and "criticized" meet.
fn stems(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 5)
        .map(|w| w.to_lowercase().chars().take(5).collect())
        .collect()
}

/// No activity has an outcome its evidence does not state: each outcome's quote holds a cue
/// word of its class and names its actor, sits in a paragraph its activity cites, and names the
/// change the outcome's own words describe.
#[test]
fn no_activity_has_an_outcome_its_evidence_does_not_state() {
    use kz_explorer::core::validate::{actor_problem, result_problem};
    let d = bundled();
    for o in &d.outcomes {
        let q = &o.evidence.quote;
        assert_ne!(o.result, ResultClass::NotReported, "{}", o.id);
        assert_eq!(result_problem(o.result, q), None, "{}", o.id);
        assert_eq!(actor_problem(o.actor, q), None, "{}", o.id);
        for id in &o.activities {
            let a = d.activity(id).expect("its activity");
            assert!(
                a.evidence
                    .iter()
                    .any(|e| e.paragraph == o.evidence.paragraph),
                "{}: its quote is in a paragraph {id} cites",
                o.id
            );
            assert_eq!(d.result_of(id), o.result, "{id}: one outcome an activity");
        }
        let in_quote = stems(q);
        let shared: Vec<String> = stems(&o.text)
            .into_iter()
            .filter(|w| in_quote.contains(w))
            .collect();
        assert!(
            shared.len() >= 2,
            "{}: the quote names the change its text describes ({shared:?})",
            o.id
        );
    }
}

#[test]
fn the_report_supports_these_outcomes_and_no_more() {
    let d = bundled();
    let count = |c: ResultClass| d.outcomes.iter().filter(|o| o.result == c).count();
    assert_eq!(
        [
            ResultClass::Achieved,
            ResultClass::Partly,
            ResultClass::UnderWay,
            ResultClass::NotAchieved,
            ResultClass::Reversed,
        ]
        .map(count),
        [4, 2, 1, 1, 1]
    );
    let answered: Vec<&str> = d
        .outcomes
        .iter()
        .flat_map(|o| o.activities.iter().map(String::as_str))
        .collect();
    assert_eq!(
        answered,
        [
            "kz2006-a07",
            "kz2006-a11",
            "kz2006-a17",
            "kz2006-a35",
            "kz2006-a36",
            "kz2006-a42",
            "kz2006-a49",
            "kz2006-a52",
            "kz2006-a53"
        ]
    );
    // Declined: the media coverage of the corruption panels (their reach, not a change) and a
    // pledge (a promise, not a change) are no outcomes.
    for id in ["kz2006-a46", "kz2006-a05"] {
        assert_eq!(d.result_of(id), ResultClass::NotReported, "{id}");
    }
    // The rally ban's removal is the outcome now, not an event of the advocacy.
    assert!(d.events.iter().all(|e| e.activity != "kz2006-a35"));
}
