//! The bundled dataset: it passes every check, it is exactly what its authoring file builds, its
//! text is the report's, and every broken copy fails with its own message.

use kz_explorer::core::build::{build, to_json};
use kz_explorer::core::model::{Dataset, ParagraphRole};
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
    let future = text.replacen("\"schema_version\":1", "\"schema_version\":2", 1);
    let broken = future.replacen("\"activities\":[", "\"activities\":7,\"x\":[", 1);
    for t in [&future, &broken] {
        assert_eq!(
            parse_and_check(t),
            Err(DatasetError::UnsupportedSchema { found: "2".into() })
        );
    }
    // Not JSON at all: that is said first, whatever the version.
    let (path, message) = malformed(&future[..future.len() / 2]);
    assert_eq!(path, "");
    assert!(message.starts_with("EOF while parsing"), "{message}");
    // No version: named as a missing field, before the rest of the shape.
    let none = text.replacen("\"schema_version\":1,", "", 1);
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
