//! The Russian and Kazakh texts keep the reviewer's corrections: the Kazakh count and chart note
//! put the ablative on the noun ("58 іс-шарадан 14"), no text uses a form the review rejected,
//! nothing is left in English, and every translation keeps the English text's placeholders.
//!
//! Reads the authoring files (`data/i18n/…`) with serde_json and std only, so it does not depend
//! on the crate's own JSON reader or translation code.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

const LANGS: [&str; 2] = ["ru", "kk"];

fn read_json(rel: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// An interface catalogue, `data/i18n/ui.{lang}.json`, as (key, text) pairs.
fn ui(lang: &str) -> Vec<(String, String)> {
    let rel = format!("data/i18n/ui.{lang}.json");
    match read_json(&rel) {
        Value::Object(map) => map
            .into_iter()
            .map(|(k, v)| match v {
                Value::String(s) => (k, s),
                other => panic!("{rel}: {k} is not a string: {other}"),
            })
            .collect(),
        _ => panic!("{rel} is not an object"),
    }
}

fn ui_text(lang: &str, key: &str) -> String {
    ui(lang)
        .into_iter()
        .find(|(k, _)| k == key)
        .unwrap_or_else(|| panic!("ui.{lang}.json has no {key}"))
        .1
}

/// Every string of a JSON value with its path, for the data translations.
fn leaves(v: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(s) => out.push((path.to_string(), s.clone())),
        Value::Array(list) => {
            for (i, x) in list.iter().enumerate() {
                leaves(x, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, x) in map {
                leaves(x, &format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

/// Every translated text of a language: the interface catalogue and the data's translation,
/// each with where it is (`ui.kk.json:CountOne`, `kazakhstan-2006.kk.json:.activities…`).
fn texts(lang: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = ui(lang)
        .into_iter()
        .map(|(k, s)| (format!("ui.{lang}.json:{k}"), s))
        .collect();
    let file = format!("kazakhstan-2006.{lang}.json");
    let mut data = Vec::new();
    leaves(&read_json(&format!("data/i18n/{file}")), "", &mut data);
    for (path, s) in data {
        // The file's own bookkeeping, not text a reader sees.
        if matches!(
            path.as_str(),
            ".translation_of" | ".dataset_version" | ".lang"
        ) {
            continue;
        }
        out.push((format!("{file}:{path}"), s));
    }
    assert!(out.len() > 400, "{lang}: only {} texts read", out.len());
    out
}

/// A template with `{0}`, `{1}`… filled in, as `i18n::f` does.
fn fill(template: &str, args: &[&str]) -> String {
    let mut out = template.to_string();
    for (i, a) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), a);
    }
    out
}

/// A whole number as Kazakh writes it: numbers of five or more digits grouped by no-break
/// spaces, four-digit numbers not grouped.
fn kk_num(n: u64) -> String {
    let s = n.to_string();
    if s.len() < 5 {
        return s;
    }
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(ch);
    }
    out
}

/// The count pairs (shown, total) the tests fill in.
const COUNTS: [(u64, u64); 7] = [
    (1, 1),
    (1, 2),
    (2, 14),
    (14, 58),
    (58, 100),
    (100, 1000),
    (1000, 44000),
];

#[test]
fn the_kazakh_count_reads_total_ablative_then_the_part() {
    // "58 іс-шарадан 14": the whole in the ablative, then the part. Not "58 іс-шараның 14",
    // a genitive followed by a bare number. Every plural form is checked, whichever the code
    // picks for a count.
    for key in ["CountOne", "CountFew", "CountMany"] {
        let template = ui_text("kk", key);
        for (shown, total) in COUNTS {
            let s = fill(&template, &[&kk_num(shown), &kk_num(total)]);
            let want = format!("{} іс-шарадан {}", kk_num(total), kk_num(shown));
            assert!(
                s.contains(&want),
                "{key} for {shown} of {total}: {s:?}, want {want:?}"
            );
            assert!(!s.contains("іс-шараның"), "{key}: {s:?}");
        }
    }
    // And the count is still the English count's: the shown number and the total, nothing else.
    for key in ["CountOne", "CountFew", "CountMany"] {
        let s = fill(&ui_text("kk", key), &["14", "58"]);
        assert_eq!(s, "58 іс-шарадан 14", "{key}");
    }
}

#[test]
fn the_kazakh_chart_note_reads_total_ablative_then_the_part() {
    // "{0} of the {1} activities in view give no figure…": the same construction.
    let template = ui_text("kk", "ChartNoteMeasure");
    for (without, total) in COUNTS {
        // The code passes plain numbers here (`usize::to_string`).
        let s = fill(&template, &[&without.to_string(), &total.to_string()]);
        let want = format!("{total} іс-шарадан {without}");
        assert!(s.contains(&want), "{s:?}, want {want:?}");
        assert!(!s.contains("іс-шараның"), "{s:?}");
    }
}

#[test]
fn no_kazakh_text_puts_a_bare_number_after_a_genitive_activity() {
    // "іс-шараның 14" / "іс-шаралардың {0}": a genitive needs a possessed noun after the number;
    // a part of a whole is said with the ablative ("іс-шарадан 14").
    let mut bad = Vec::new();
    for (at, s) in texts("kk") {
        for genitive in ["іс-шараның", "іс-шаралардың"] {
            for (i, _) in s.match_indices(genitive) {
                let after = s[i + genitive.len()..].trim_start();
                if after.starts_with(|c: char| c.is_ascii_digit() || c == '{') {
                    bad.push(format!("{at}: {s}"));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "genitive + bare number:\n{}",
        bad.join("\n")
    );
}

/// Forms the review rejected: `language | form | why`, one a line, matched without regard to
/// case wherever the language's texts are (interface and data). A form listed here is never
/// right in our texts; add a line when a review rejects another.
const FORBIDDEN: &str = "
kk | іс-шараның {                  | genitive + bare number (count, chart note): «{1} іс-шарадан {0}»
kk | сотының оқу процесі           | a41: an educational process; a mock jury trial is «алқабилер қатысқан оқу-жаттығу сот процесі»
kk | оқу процесі                   | means an educational process, not a mock trial
kk | дәлелді сот шешім             | a37: «дәлелді» is proven; the Civil Procedure Code says «уәжді шешім»
kk | дәлелденген сот шешім         | a37: proven; a reasoned decision is «уәжделген/уәжді сот шешімі»
kk | заңгерлік дәлелдеу            | a43: «дәлелдеу» is proving; legal reasoning is «заңгерлік пайымдау»
ru | небезупречн                   | a07: softens “flawed”; «выборы, прошедшие с нарушениями»
kk | кемшілігі бар сайлау          | a07: softens “flawed”; «бұзушылықтармен өткен сайлау»
ru | публичная акция               | the public-event kind reads as a protest; «Открытое мероприятие»
kk | қоғамдық акция                | the public-event kind reads as a protest; «Көпшілік іс-шарасы»
kk | әскерилер                     | colloquial for conscripts; «мерзімді қызметтегі әскери қызметшілер»
ru | свободный поток информации    | calque of the DAC sector; «Свободное распространение информации»
ru | медиаправозащитн              | a27: not a Russian word; «НПО, защищающая права СМИ»
ru | внепартийная поддержка участия | a10 word order; «Поддержка участия в выборах на внепартийной основе»
ru | независимых сми для участия   | a10 word order: the purpose cut off from «потенциал»
kk | сенім телефон                 | a trust line; a hot line is «жедел желі» (glossary)
kk | баспана                       | reads as housing; a shelter is «паналау орны» (glossary)
kk | oecd dac мақсат               | FrameworkTip left in English; «ЭЫДҰ Даму көмегі комитетінің (OECD DAC)»
ru | полый знак                    | «полый» is a hollow vessel; an unfilled mark is «незакрашенный знак»
ru | поделились дома               | a34: calque of “at home”; «по возвращении поделились»
ru | призывали к избирательному    | a08: calque of “urged electoral laws”; «призывали привести … в соответствие»
kk | түсіндіретін ақпараттық-түсіндіру | a57: tautology; «…таныстыратын ақпараттық-түсіндіру бағдарламасы»
";

/// `FORBIDDEN` as (language, form, why).
fn forbidden() -> Vec<(&'static str, String, &'static str)> {
    FORBIDDEN
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let parts: Vec<&str> = l.split(" | ").map(str::trim).collect();
            assert!(parts.len() == 3 && !parts[1].is_empty(), "FORBIDDEN: {l:?}");
            (parts[0], parts[1].to_lowercase(), parts[2])
        })
        .collect()
}

#[test]
fn no_text_uses_a_rejected_form() {
    let list = forbidden();
    assert!(list.len() >= 20);
    let mut bad = Vec::new();
    for lang in LANGS {
        for (at, s) in texts(lang) {
            let lower = s.to_lowercase();
            for (l, form, why) in &list {
                if *l == lang && lower.contains(form.as_str()) {
                    bad.push(format!("{at}: «{form}» ({why}): {s}"));
                }
            }
        }
    }
    assert!(bad.is_empty(), "rejected forms:\n{}", bad.join("\n"));
}

/// The words of a text, lower case: letters, digits and hyphens.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn russian_says_vyborka_for_a_view_and_chislo_for_a_figure() {
    let mut bad = Vec::new();
    for (at, s) in texts("ru") {
        for w in words(&s) {
            // «вид» for the explorer's view: «выборка». («в виде», «в опубликованном виде», “as”,
            // are idioms and stay; «видео…» is another word.)
            if matches!(w.as_str(), "вид" | "вида" | "виду" | "видом") {
                bad.push(format!("{at}: «{w}» for a view, write «выборка»: {s}"));
            }
            // «цифра» is a digit; a figure is «число», no figure «нет данных». («цифровой»,
            // digital, would be another word.)
            if w.starts_with("цифр") && !w.starts_with("цифров") {
                bad.push(format!(
                    "{at}: «{w}» is a digit, write «число»/«данные»: {s}"
                ));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_government_is_lower_case_inside_a_sentence() {
    let mut bad = Vec::new();
    for (at, s) in texts("ru") {
        for (i, _) in s.match_indices("Правительств") {
            let before = s[..i].trim_end();
            // At the start of a text (a label, an actor's name) or of a sentence only.
            if !(before.is_empty() || before.ends_with(['.', '!', '?'])) {
                bad.push(format!("{at}: {s}"));
            }
        }
    }
    for (at, s) in texts("kk") {
        // «АҚШ үкіметі», as the glossary writes it.
        if s.contains("АҚШ Үкімет") {
            bad.push(format!("{at}: {s}"));
        }
    }
    assert!(
        bad.is_empty(),
        "capitalised government:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_assembly_sector_keeps_freedom_in_its_short_name() {
    for (lang, word) in [("ru", "Свобода"), ("kk", "бостандығы")] {
        let data = read_json(&format!("data/i18n/kazakhstan-2006.{lang}.json"));
        let short = data["sectors"]["assembly"]["short"].as_str().unwrap();
        assert!(short.contains(word), "{lang}: {short:?}");
    }
}

/// Latin-script words a translation may keep: formats, product and programme names (see the
/// glossary's "Names kept in Latin script").
const LATIN_ALLOWED: &[&str] = &[
    "CC0",
    "CSV",
    "JSON",
    "PNG",
    "SVG",
    "HTTP",
    "JavaScript",
    "Datawrapper",
    "BibTeX",
    "RIS",
    "CSL",
    "Zotero",
    "EndNote",
    "Mendeley",
    "Community",
    "Connections",
];

/// A text without what is in parentheses, guillemets or backticks: the English originals we
/// give next to a translation ("(OECD DAC)", "(Open Budget Initiative)"), quoted words and
/// command names.
fn outside_brackets(s: &str) -> String {
    let mut out = String::new();
    let mut closers: Vec<char> = Vec::new();
    for c in s.chars() {
        match (closers.last(), c) {
            (Some('`'), '`') => {
                closers.pop();
            }
            (Some('`'), _) => {}
            (_, '(') => closers.push(')'),
            (_, '«') => closers.push('»'),
            (_, '`') => closers.push('`'),
            (Some(&close), _) if c == close => {
                closers.pop();
            }
            (Some(_), _) => {}
            (None, _) => out.push(c),
        }
    }
    out
}

#[test]
fn nothing_is_left_in_english() {
    let mut bad = Vec::new();
    for lang in LANGS {
        for (at, s) in texts(lang) {
            let rest = outside_brackets(&s);
            for w in rest.split(|c: char| !c.is_ascii_alphanumeric()) {
                if w.starts_with(|c: char| c.is_ascii_alphabetic()) && !LATIN_ALLOWED.contains(&w) {
                    bad.push(format!("{at}: «{w}» in {s}"));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "English left untranslated:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_search_hints_find_activities_in_their_language() {
    // The search box matches the folded text as typed (no stemming), so an example must occur in
    // the language's titles, summaries or counted texts: «присяжные» finds nothing where the
    // data says «суд присяжных», «сенім телефоны» nothing where it said «сенім телефондары».
    for lang in LANGS {
        let data = read_json(&format!("data/i18n/kazakhstan-2006.{lang}.json"));
        let mut haystack = String::new();
        for a in data["activities"].as_object().unwrap().values() {
            for field in ["title", "summary"] {
                haystack += &a[field].as_str().unwrap().to_lowercase();
                haystack.push('\n');
            }
        }
        for m in data["metrics"].as_object().unwrap().values() {
            haystack += &m["counted"].as_str().unwrap().to_lowercase();
            haystack.push('\n');
        }
        let hint = ui_text(lang, "SearchHint");
        let (_, examples) = hint.split_once(": ").expect("«e.g.: a, b, date»");
        for example in examples.split(", ") {
            // Dates are found through the dates, not the text.
            if example.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            assert!(
                haystack.contains(&example.to_lowercase()),
                "{lang}: the search hint's «{example}» finds nothing"
            );
        }
    }
}

/// The placeholders of a text: `{0}`, `{1}`…
fn placeholders(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = s;
    while let Some(i) = rest.find('{') {
        rest = &rest[i..];
        match rest.find('}') {
            Some(j) if j > 1 && rest[1..j].chars().all(|c| c.is_ascii_digit()) => {
                out.insert(rest[..=j].to_string());
                rest = &rest[j + 1..];
            }
            _ => rest = &rest[1..],
        }
    }
    out
}

#[test]
fn every_translation_keeps_the_english_placeholders() {
    let en = ui("en");
    assert!(en.len() > 200);
    for lang in LANGS {
        let tr = ui(lang);
        let keys =
            |c: &[(String, String)]| c.iter().map(|(k, _)| k.clone()).collect::<BTreeSet<_>>();
        assert_eq!(
            keys(&tr),
            keys(&en),
            "ui.{lang}.json has other keys than ui.en.json"
        );
        for (key, english) in &en {
            let text = &tr.iter().find(|(k, _)| k == key).unwrap().1;
            assert_eq!(
                placeholders(text),
                placeholders(english),
                "ui.{lang}.json {key}: {text:?} against {english:?}"
            );
        }
    }
    // The reader itself: it finds what is there and nothing else.
    assert_eq!(
        placeholders("{1} іс-шарадан {0}; {x} {} {12}"),
        ["{0}", "{1}", "{12}"].map(String::from).into()
    );
}
