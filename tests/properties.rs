//! Property tests (proptest) over the pure core: what must hold for *any* input, not just the
//! fixtures — no panics, no NaN, and the invariants the page and the downloads rely on.
//!
//! 1. URL state: `Filters::from_query` / `to_query` / `merge_query` never panic, the canonical
//!    query is a fixed point, a link's change survives the merge, and `filters::decode` is the
//!    form decoding its doc comment describes.
//! 2. `core::json`: never panics, writes what it reads (and as serde_json writes it), and agrees
//!    with serde_json on what is JSON and on its value.
//! 3. `validate::parse_and_check`: never panics on broken copies of the bundled file, and agrees
//!    with the serde derive on the dataset's shape (and on the problems, when the shape is good).
//! 4. Layouts and painters: for datasets that pass the checker (subsets, scaled copies, moved
//!    derived dates) and random filters, nothing panics, every share is finite and within the
//!    axis, and points on one day in one lane are stacked in different rows.
//! 5. The search highlighter: ranges are sorted, disjoint, on char boundaries, and exactly what
//!    the list filter matches; the pieces tile the text. Date queries never panic.
//! 6. `core::order::sort_by` is `slice::sort_by` (stable).
//!
//! Cases per property (`config(n)`): each property gets what it can do in about a second or two
//! of a debug build, so the file runs in about 10 s on two cores (under 20 s one at a time).
//! Cheap ones (short strings, small vectors: sort, highlighter, JSON on arbitrary text, URL
//! decoding) run 1 000–10 000 cases; those that parse, decode and check the whole 79 KB dataset
//! (about 10–15 ms a case) or paint the whole page run 250–400. Seeds are random on each run
//! (set `PROPTEST_RNG_SEED` to replay one), so the cases add up across runs. Failure persistence
//! is off (no `proptest-regressions/` files): each failure found is kept at the end of this file
//! as an explicit `#[test]` on its minimal input (the bugs they found are fixed in `src/`).

use kz_explorer::core::charts::{self, SectorLayout};
use kz_explorer::core::filters::{self, Filters, Measure, Month, Sort};
use kz_explorer::core::json::{self, Value};
use kz_explorer::core::model::{
    Activity, ActivityKind, Dataset, PartialDate, Status, TimeBasis, days_in_month,
};
use kz_explorer::core::order;
use kz_explorer::core::query::{self, Except};
use kz_explorer::core::timeline::{self, MarkShape, TimelineLayout};
use kz_explorer::core::validate::{self, DatasetError};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select, subsequence};
use std::sync::LazyLock;

// ---------------------------------------------------------------------------------------------
// Shared fixtures

static TEXT: LazyLock<String> = LazyLock::new(|| {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/data/kazakhstan-2006.json"
    );
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
});

static DATA: LazyLock<Dataset> =
    LazyLock::new(|| validate::parse_and_check(&TEXT).unwrap_or_else(|e| panic!("{e}")));

static TREE: LazyLock<Value> = LazyLock::new(|| json::parse(&TEXT).unwrap());

/// Every string in the bundled file, for "replace a string with another one of the file".
static STRINGS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut out = Vec::new();
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Array(items) => items.iter().for_each(|x| walk(x, out)),
            Value::Object(members) => members.iter().for_each(|(k, x)| {
                out.push(k.clone());
                walk(x, out)
            }),
            _ => {}
        }
    }
    walk(&TREE, &mut out);
    out
});

/// Words of the report's text and the activities' titles, for search filters.
static WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let d = &*DATA;
    let texts = d.reports[0]
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .chain(d.activities.iter().map(|a| a.title.as_str()));
    let mut words: Vec<String> = texts
        .flat_map(|t| t.split_whitespace().map(str::to_string))
        .collect();
    words.sort();
    words.dedup();
    words
});

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// 1. URL state

const KEYS: &[&str] = &[
    "sector",
    "kind",
    "status",
    "place",
    "from",
    "to",
    "imprecise",
    "theme",
    "q",
    "has",
    "activity",
    "measure",
    "sort",
    "table",
    "embed",
    "embed_id",
    "",
    "x",
    "Sector",
    "q ",
    "%71",
];

const VALUES: &[&str] = &[
    "2006-13",
    "2006-01",
    "2005-12",
    "2007-01",
    "0000-01",
    "+006-01",
    "2006-+1",
    "-006-01",
    "media",
    "media,media",
    " media , elections,,governance",
    "training,nonsense,training",
    "ongoing,launched",
    "kazakhstan,almaty",
    "people_trained",
    "activities",
    "1",
    "0",
    "dark",
    "chart",
    "date",
    "%",
    "%%",
    "%4",
    "%E2%82",
    "%zz",
    "%+1",
    "%-1",
    "%C3%A9",
    "%2C",
    "%26",
    "%3D",
    "+",
    "++",
    "a+b",
    "=",
    "==",
    "?",
    "jury trials & judges",
    "29 September",
    "Sep 2006",
];

/// A value for a query parameter: real ones, broken escapes, ids, arbitrary unicode, very long.
fn url_value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(VALUES).prop_map(String::from),
        2 => "[a-z0-9_,%+ -]{0,40}",
        2 => any::<String>(),
        1 => (select(&["a", "é", "😀", " ", "%41", "ab,", "a,", "%", "+"][..]), 0usize..2500)
            .prop_map(|(s, n)| s.repeat(n)),
        1 => vec("[a-z0-9_-]{30,64}", 0..70).prop_map(|ids| ids.join(",")),
        1 => "\\PC{150,260}",
    ]
}

fn url_pair() -> impl Strategy<Value = String> {
    (
        prop_oneof![4 => select(KEYS).prop_map(String::from), 1 => any::<String>()],
        select(&["=", "", "==", "=="][..]),
        url_value(),
    )
        .prop_map(|(k, eq, v)| {
            if eq.is_empty() {
                k
            } else {
                format!("{k}{eq}{v}")
            }
        })
}

/// A whole query string, with `&`, `&&` or a stray separator between pairs.
fn url_query() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (
            any::<bool>(),
            vec((url_pair(), select(&["&", "&", "&&", "&=&"][..])), 0..8),
        )
            .prop_map(|(lead, pairs)| {
                let mut q = String::from(if lead { "?" } else { "" });
                for (p, sep) in pairs {
                    q += &p;
                    q += sep;
                }
                q
            }),
        1 => any::<String>(),
        // Long id lists and a long non-ASCII search together: near the length limit.
        1 => (
            vec("[a-z0-9_-]{40,64}", 30..64),
            vec("[a-z0-9_-]{40,64}", 0..64),
            "\\PC{100,220}",
        )
            .prop_map(|(s, p, q)| format!(
                "sector={}&place={}&q={q}&activity=kz2006-a01",
                s.join(","),
                p.join(",")
            )),
    ]
}

/// What `filters::decode` documents: `+` is a space, `%XX` (two hex digits) a byte, anything else
/// kept; the bytes then read as UTF-8 with replacement (the WHATWG form decoding).
fn reference_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len()
                && b[i + 1].is_ascii_hexdigit()
                && b[i + 2].is_ascii_hexdigit() =>
            {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).unwrap();
                out.push(u8::from_str_radix(hex, 16).unwrap());
                i += 2;
            }
            x => out.push(x),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `filters::MAX_QUERY` (private): query strings are read up to this many chars.
const MAX_QUERY: usize = 16 * 1024;

fn canonical_is_stable(q: &str) -> Result<(), TestCaseError> {
    let f = Filters::from_query(q);
    let canonical = f.to_query();
    prop_assert!(
        canonical.chars().count() <= MAX_QUERY,
        "a canonical query longer than MAX_QUERY"
    );
    let again = Filters::from_query(&canonical);
    prop_assert!(
        again == f,
        "from_query(to_query(f)) != f\n  f     = {f:?}\n  again = {again:?}\n  canonical ({} chars)",
        canonical.chars().count()
    );
    prop_assert_eq!(again.to_query(), canonical, "to_query is not a fixed point");
    Ok(())
}

/// Strings heavy in `%`, `+` and hex digits (where decoding goes wrong), or any text.
fn decodable() -> impl Strategy<Value = String> {
    "[%+0-9a-fA-F\\-éz ]{0,12}|\\PC{0,20}"
}

proptest! {
    #![proptest_config(config(3000))]

    #[test]
    fn url_canonical_form_is_stable(q in url_query()) {
        canonical_is_stable(&q)?;
    }

}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn url_merge_never_panics_and_is_canonical(a in url_query(), b in url_query()) {
        let m = Filters::merge_query(&a, &b);
        let f = Filters::from_query(&m);
        prop_assert_eq!(f.to_query(), m);
    }

}

proptest! {
    #![proptest_config(config(5000))]

    #[test]
    fn url_decode_is_form_decoding(s in decodable()) {
        prop_assert_eq!(filters::decode(&s), reference_decode(&s));
        prop_assert_eq!(filters::decode(&filters::encode(&s)), s.clone());
    }
}

proptest! {
    #![proptest_config(config(1000))]

    /// Following a link (`merge_query(current, change)`) sets what the link changes, whatever the
    /// current view is.
    #[test]
    fn url_merge_applies_the_change(a in url_query(), id in "[a-z0-9-]{1,20}") {
        let current = Filters::from_query(&a).to_query();
        let change = format!("activity={id}");
        // Known: the change is lost beyond MAX_QUERY (`following_a_link_from_a_long_view_loses_the_change`).
        prop_assume!(current.chars().count() + 1 + change.len() <= MAX_QUERY);
        let merged = Filters::merge_query(&current, &change);
        prop_assert_eq!(Filters::from_query(&merged).activity, Some(id));
    }
}

// ---------------------------------------------------------------------------------------------
// 2. The JSON reader

/// How deeply arrays and objects nest (outside strings); for text that is not JSON, roughly.
fn nesting(text: &str) -> usize {
    let (mut depth, mut max, mut in_str, mut esc) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_str {
            match b {
                _ if esc => esc = false,
                b'\\' => esc = true,
                b'"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// Our value as serde_json reads the same text (a repeated key: the last one wins).
fn to_serde(v: &Value) -> Option<serde_json::Value> {
    Some(match v {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Number(n) => serde_json::from_str(n).ok()?,
        Value::String(s) => serde_json::Value::String(s.clone()),
        Value::Array(items) => {
            serde_json::Value::Array(items.iter().map(to_serde).collect::<Option<_>>()?)
        }
        Value::Object(members) => {
            let mut m = serde_json::Map::new();
            for (k, x) in members {
                m.insert(k.clone(), to_serde(x)?);
            }
            serde_json::Value::Object(m)
        }
    })
}

/// Our reader and serde_json agree on whether `text` is JSON, and on its value; what ours
/// reads, it writes and reads back unchanged.
///
/// Allowed differences: nesting beyond `MAX_DEPTH` (ours refuses; serde_json's own limit is
/// 128 containers), and numbers beyond f64 (`1e400`), which serde_json refuses ("number out of
/// range") and ours keeps as text, by design.
fn json_agrees(text: &str) -> Result<(), TestCaseError> {
    let ours = json::parse(text);
    if let Ok(v) = &ours {
        let back = json::parse(&json::to_pretty(v));
        prop_assert_eq!(back.as_ref(), Ok(v), "round trip");
    }
    if nesting(text) >= json::MAX_DEPTH {
        return Ok(());
    }
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (&ours, &theirs) {
        (Ok(v), Ok(t)) => {
            let ours = to_serde(v);
            prop_assert_eq!(ours.as_ref(), Some(t), "same text, different values");
        }
        (Err(_), Err(_)) => {}
        (Ok(_), Err(e)) if e.to_string().starts_with("number out of range") => {}
        _ => prop_assert!(
            false,
            "disagree on {text:?}: ours {:?}, serde_json {:?}",
            ours.as_ref().map(|_| "ok").map_err(|e| e.to_string()),
            theirs.as_ref().map(|_| "ok").map_err(|e| e.to_string())
        ),
    }
    Ok(())
}

const JSON_TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\"a\"",
    "\"k\":",
    "0",
    "-",
    "1",
    "12",
    "1.5",
    ".",
    "e",
    "E",
    "+",
    "-0",
    "01",
    "1e400",
    "-1e-400",
    "1E+2",
    "true",
    "false",
    "null",
    "tru",
    "nul",
    " ",
    "\n",
    "\t",
    "\r",
    "\u{c}",
    "\\",
    "\\u",
    "d800",
    "dc00",
    "\\ud800",
    "\\udc00",
    "\\ud83d\\ude00",
    "\\u00e9",
    "\\n",
    "\\/",
    "\\x",
    "é",
    "\u{1}",
    "\u{7f}",
    "\u{feff}",
    "\u{2028}",
    "\u{a0}",
];

fn json_soup() -> impl Strategy<Value = String> {
    vec(select(JSON_TOKENS), 0..30).prop_map(|t| t.concat())
}

/// A JSON number as text, within f64's range.
fn number_text() -> impl Strategy<Value = String> {
    "-?(0|[1-9][0-9]{0,20})(\\.[0-9]{1,5})?([eE][+-]?[0-9]{1,2})?"
}

fn arb_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number_text().prop_map(Value::Number),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            vec((any::<String>(), inner), 0..6).prop_map(Value::Object),
        ]
    })
}

/// Values serde_json writes the same way: integer numbers, sorted unique keys.
fn arb_plain_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| Value::Number(n.to_string())),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A text edit at a position given as a share of the text (snapped down to a char boundary).
#[derive(Debug, Clone)]
enum Edit {
    Truncate(Index),
    Delete(Index),
    Insert(Index, char),
    Replace(Index, char),
    /// Copies `len` bytes from `from` to `at`.
    Duplicate {
        from: Index,
        len: usize,
        at: Index,
    },
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn pos(s: &str, i: &Index) -> usize {
    if s.is_empty() {
        0
    } else {
        floor_boundary(s, i.index(s.len() + 1))
    }
}

fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut s = text.to_string();
    for e in edits {
        match e {
            Edit::Truncate(i) => {
                let p = pos(&s, i);
                s.truncate(p);
            }
            Edit::Delete(i) => {
                let p = pos(&s, i);
                if p < s.len() {
                    s.remove(p);
                }
            }
            Edit::Insert(i, c) => {
                let p = pos(&s, i);
                s.insert(p, *c);
            }
            Edit::Replace(i, c) => {
                let p = pos(&s, i);
                if p < s.len() {
                    s.remove(p);
                }
                s.insert(p, *c);
            }
            Edit::Duplicate { from, len, at } => {
                let a = pos(&s, from);
                let b = floor_boundary(&s, (a + len).min(s.len()));
                let piece = s[a..b].to_string();
                let p = pos(&s, at);
                s.insert_str(p, &piece);
            }
        }
    }
    s
}

fn edit_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => select(&['{', '}', '[', ']', ',', ':', '"', '\\', '0', '9', '-', 'e', '.', ' ', 'n', 'u'][..]),
        1 => any::<char>(),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<Index>().prop_map(Edit::Truncate),
        any::<Index>().prop_map(Edit::Delete),
        (any::<Index>(), edit_char()).prop_map(|(i, c)| Edit::Insert(i, c)),
        (any::<Index>(), edit_char()).prop_map(|(i, c)| Edit::Replace(i, c)),
        (any::<Index>(), 0usize..300, any::<Index>()).prop_map(|(from, len, at)| Edit::Duplicate {
            from,
            len,
            at
        }),
    ]
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    vec(edit(), 1..4)
}

proptest! {
    #![proptest_config(config(10_000))]

    #[test]
    fn json_agrees_with_serde_on_arbitrary_text(
        text in prop_oneof![any::<String>(), json_soup(), "\\[{0,3}\\PC{0,12}\\]{0,3}"]
    ) {
        json_agrees(&text)?;
    }
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn json_writes_what_it_reads(v in arb_value()) {
        let text = json::to_pretty(&v);
        prop_assert_eq!(json::parse(&text), Ok(v.clone()));
        json_agrees(&text)?;
    }

    /// `to_pretty` is documented to write what `serde_json::to_string_pretty` writes.
    #[test]
    fn json_pretty_matches_serde_json(v in arb_plain_value()) {
        let text = json::to_pretty(&v);
        let theirs: serde_json::Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(serde_json::to_string_pretty(&theirs).unwrap(), text);
    }

    /// Near-JSON: a valid document with a few edits.
    #[test]
    fn json_agrees_with_serde_on_edited_values(v in arb_value(), e in edits()) {
        json_agrees(&apply_edits(&json::to_pretty(&v), &e))?;
    }
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn json_agrees_with_serde_on_edited_bundled_file(e in edits()) {
        json_agrees(&apply_edits(&TEXT, &e))?;
    }
}

// ---------------------------------------------------------------------------------------------
// 3. The dataset's parser and checker

/// A JSON-aware change to the bundled file; each picks the `k`-th node of its kind.
#[derive(Debug, Clone)]
enum TreeEdit {
    SetNumber(Index, &'static str),
    /// Sets the `k`-th member named `key` (year, schema_version, code, value, start, end).
    SetField(&'static str, Index, &'static str),
    EmptyString(Index),
    /// Replaces a string with another string of the file (an id with another id, …).
    OtherString(Index, Index),
    Null(Index),
    SwapItems(Index, Index, Index),
    DuplicateItem(Index, Index),
    DropKey(Index, Index),
    /// Sets an evidence's `start` or `end` (`field`) to a number.
    Offset(Index, &'static str, &'static str),
    /// Makes an evidence's `start` one more than its `end`.
    StartAfterEnd(Index),
}

const NUMBERS: &[&str] = &[
    "0",
    "1",
    "-1",
    "-0",
    "1.5",
    "1e3",
    "2006",
    "2007",
    "4294967295",
    "4294967296",
    "9007199254740993",
    "18446744073709551615",
    "18446744073709551616",
    "99999999999999999999999",
    "1e400",
];

const HUGE: &[&str] = &[
    "1000000",
    "4294967296",
    "9223372036854775807",
    "18446744073709551615",
    "18446744073709551616",
];

fn tree_edit() -> impl Strategy<Value = TreeEdit> {
    prop_oneof![
        (any::<Index>(), select(NUMBERS)).prop_map(|(k, n)| TreeEdit::SetNumber(k, n)),
        (
            select(&["year", "schema_version", "code", "value", "start", "end"][..]),
            any::<Index>(),
            select(NUMBERS),
        )
            .prop_map(|(f, k, n)| TreeEdit::SetField(f, k, n)),
        any::<Index>().prop_map(TreeEdit::EmptyString),
        (any::<Index>(), any::<Index>()).prop_map(|(k, j)| TreeEdit::OtherString(k, j)),
        any::<Index>().prop_map(TreeEdit::Null),
        (any::<Index>(), any::<Index>(), any::<Index>())
            .prop_map(|(k, i, j)| TreeEdit::SwapItems(k, i, j)),
        (any::<Index>(), any::<Index>()).prop_map(|(k, i)| TreeEdit::DuplicateItem(k, i)),
        (any::<Index>(), any::<Index>()).prop_map(|(k, i)| TreeEdit::DropKey(k, i)),
        (any::<Index>(), select(&["start", "end"][..]), select(HUGE))
            .prop_map(|(k, f, n)| TreeEdit::Offset(k, f, n)),
        any::<Index>().prop_map(TreeEdit::StartAfterEnd),
    ]
}

/// Paths (child indices) of every node for which `want` holds, in document order.
fn paths(v: &Value, want: &dyn Fn(&Value) -> bool) -> Vec<Vec<usize>> {
    fn walk(
        v: &Value,
        want: &dyn Fn(&Value) -> bool,
        cur: &mut Vec<usize>,
        out: &mut Vec<Vec<usize>>,
    ) {
        if want(v) {
            out.push(cur.clone());
        }
        let children: Vec<&Value> = match v {
            Value::Array(items) => items.iter().collect(),
            Value::Object(members) => members.iter().map(|(_, x)| x).collect(),
            _ => Vec::new(),
        };
        for (i, c) in children.into_iter().enumerate() {
            cur.push(i);
            walk(c, want, cur, out);
            cur.pop();
        }
    }
    let mut out = Vec::new();
    walk(v, want, &mut Vec::new(), &mut out);
    out
}

fn node_mut<'a>(v: &'a mut Value, path: &[usize]) -> &'a mut Value {
    match path.split_first() {
        None => v,
        Some((&i, rest)) => match v {
            Value::Array(items) => node_mut(&mut items[i], rest),
            Value::Object(members) => node_mut(&mut members[i].1, rest),
            _ => unreachable!(),
        },
    }
}

/// The `k`-th node for which `want` holds, if any.
fn pick<'a>(v: &'a mut Value, k: &Index, want: &dyn Fn(&Value) -> bool) -> Option<&'a mut Value> {
    let all = paths(v, want);
    if all.is_empty() {
        return None;
    }
    let p = all[k.index(all.len())].clone();
    Some(node_mut(v, &p))
}

fn set_member(obj: &mut Value, key: &str, value: Value) {
    if let Value::Object(members) = obj {
        match members.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => *v = value,
            None => members.push((key.to_string(), value)),
        }
    }
}

fn apply_tree_edit(v: &mut Value, e: &TreeEdit) {
    let is_evidence = |x: &Value| x.get("quote").is_some();
    match e {
        TreeEdit::SetNumber(k, n) => {
            if let Some(x) = pick(v, k, &|x| matches!(x, Value::Number(_))) {
                *x = Value::Number((*n).to_string());
            }
        }
        TreeEdit::SetField(key, k, n) => {
            if let Some(x) = pick(v, k, &|x| x.get(key).is_some()) {
                set_member(x, key, Value::Number((*n).to_string()));
            }
        }
        TreeEdit::EmptyString(k) => {
            if let Some(x) = pick(v, k, &|x| matches!(x, Value::String(_))) {
                *x = Value::String(String::new());
            }
        }
        TreeEdit::OtherString(k, j) => {
            let other = STRINGS[j.index(STRINGS.len())].clone();
            if let Some(x) = pick(v, k, &|x| matches!(x, Value::String(_))) {
                *x = Value::String(other);
            }
        }
        TreeEdit::Null(k) => {
            if let Some(x) = pick(v, k, &|_| true) {
                *x = Value::Null;
            }
        }
        TreeEdit::SwapItems(k, i, j) => {
            if let Some(Value::Array(items)) =
                pick(v, k, &|x| matches!(x, Value::Array(a) if a.len() >= 2))
            {
                let (i, j) = (i.index(items.len()), j.index(items.len()));
                items.swap(i, j);
            }
        }
        TreeEdit::DuplicateItem(k, i) => {
            if let Some(Value::Array(items)) =
                pick(v, k, &|x| matches!(x, Value::Array(a) if !a.is_empty()))
            {
                let i = i.index(items.len());
                let copy = items[i].clone();
                items.insert(i, copy);
            }
        }
        TreeEdit::DropKey(k, i) => {
            if let Some(Value::Object(members)) =
                pick(v, k, &|x| matches!(x, Value::Object(m) if !m.is_empty()))
            {
                let i = i.index(members.len());
                members.remove(i);
            }
        }
        TreeEdit::Offset(k, field, n) => {
            if let Some(x) = pick(v, k, &is_evidence) {
                set_member(x, field, Value::Number((*n).to_string()));
            }
        }
        TreeEdit::StartAfterEnd(k) => {
            if let Some(x) = pick(v, k, &is_evidence) {
                let end = x.get("end").and_then(Value::as_u64).unwrap_or(0);
                set_member(x, "start", json::number(end + 1));
            }
        }
    }
}

/// `parse_and_check` and the serde derive agree on the shape of `text`: what ours accepts, serde
/// reads to the same dataset; what ours finds invalid, serde reads to a dataset with the same
/// problems; what ours finds malformed, serde refuses too.
fn decoders_agree(text: &str) -> Result<(), TestCaseError> {
    let ours = validate::parse_and_check(text);
    let theirs = serde_json::from_str::<Dataset>(text);
    match (&ours, &theirs) {
        (Ok(d), Ok(t)) => prop_assert!(d == t, "both accept, with different datasets"),
        (Ok(_), Err(e)) => prop_assert!(false, "ours accepts, serde refuses: {e}"),
        (Err(DatasetError::Invalid(problems)), Ok(t)) => {
            prop_assert_eq!(
                &validate::check(t),
                problems,
                "same shape, different problems"
            );
        }
        (Err(DatasetError::Invalid(p)), Err(e)) => {
            prop_assert!(false, "ours reads the shape ({}), serde refuses: {e}", p[0])
        }
        (Err(DatasetError::Malformed { path, message }), Ok(_)) => {
            prop_assert!(
                false,
                "serde reads the shape, ours refuses at {path}: {message}"
            )
        }
        (Err(DatasetError::Malformed { .. }), Err(_)) => {}
        // The version is read first, by design: a future file may well have today's shape.
        (Err(DatasetError::UnsupportedSchema { .. }), _) => {}
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn dataset_survives_text_edits(e in edits()) {
        decoders_agree(&apply_edits(&TEXT, &e))?;
    }

}

proptest! {
    #![proptest_config(config(400))]

    #[test]
    fn dataset_survives_json_edits(e in vec(tree_edit(), 1..3)) {
        let mut v = TREE.clone();
        for x in &e {
            apply_tree_edit(&mut v, x);
        }
        decoders_agree(&json::to_pretty(&v))?;
    }
}

// ---------------------------------------------------------------------------------------------
// 4. Layouts and painters

/// A dataset made from the bundled one.
#[derive(Debug, Clone)]
struct Variant {
    /// Which activities to keep (with their events).
    keep: Vec<bool>,
    /// Copies of each kept activity and event, under new ids (`scaledDataset` in the e2e tests).
    times: usize,
    /// New dates for the derived activity: the checker takes a derived time's dates from its
    /// reasoning, not its quotes, so any ordered pair passes.
    derived: Option<(PartialDate, Option<PartialDate>)>,
}

fn arb_date() -> impl Strategy<Value = PartialDate> {
    (
        1995i32..=2015,
        prop::option::of((1u8..=12, prop::option::of(1u8..=31))),
    )
        .prop_map(|(year, md)| match md {
            None => PartialDate::year(year),
            Some((m, d)) => PartialDate {
                year,
                month: Some(m),
                day: d.map(|d| d.min(days_in_month(year, m))),
            },
        })
}

fn arb_variant() -> impl Strategy<Value = Variant> {
    let n = DATA.activities.len();
    (
        prop_oneof![Just(vec![true; n]), vec(any::<bool>(), n)],
        prop_oneof![3 => Just(1usize), 1 => 2usize..=5],
        prop::option::of((arb_date(), prop::option::of(arb_date()))),
    )
        .prop_map(|(keep, times, derived)| Variant {
            keep,
            times,
            derived: derived.map(|(a, b)| match b {
                Some(b) if b.last_day() < a.first_day() => (b, Some(a)),
                other => (a, other),
            }),
        })
}

fn build_variant(v: &Variant) -> Dataset {
    let base = &*DATA;
    let mut d = base.clone();
    d.activities.clear();
    d.events.clear();
    let kept: Vec<&Activity> = base
        .activities
        .iter()
        .zip(&v.keep)
        .filter(|(_, k)| **k)
        .map(|(a, _)| a)
        .collect();
    let suffix = |id: &str, k: usize| {
        if k == 0 {
            id.to_string()
        } else {
            format!("{id}-{k}")
        }
    };
    for k in 0..v.times {
        for a in &kept {
            let mut c = (*a).clone();
            c.id = suffix(&a.id, k);
            for m in &mut c.metrics {
                m.id = suffix(&m.id, k);
            }
            if let (TimeBasis::Derived, Some((start, end))) = (c.time.basis, v.derived) {
                c.time.start = start;
                c.time.end = end;
            }
            d.activities.push(c);
        }
        for e in base
            .events
            .iter()
            .filter(|e| kept.iter().any(|a| a.id == e.activity))
        {
            let mut c = e.clone();
            c.id = suffix(&e.id, k);
            c.activity = suffix(&e.activity, k);
            d.events.push(c);
        }
    }
    d
}

/// The checker's rules that a subset breaks by construction: text no kept datum accounts for.
fn is_coverage(p: &validate::Problem) -> bool {
    p.message
        .contains("is cited by nothing and not listed as context")
        || p.message
            .contains("is in no metric, date or not_data entry")
}

fn month_in_domain() -> impl Strategy<Value = Month> {
    let first = Month {
        year: 2005,
        month: 12,
    }
    .index();
    let last = Month {
        year: 2007,
        month: 1,
    }
    .index();
    (first..=last).prop_map(Month::from_index)
}

const DATE_WORDS: &[&str] = &[
    "29 September",
    "September 29",
    "Sept. 29",
    "Sep 2006",
    "2006-09-29",
    "2006-09",
    "June",
    "may",
    "December 2005",
    "31 June",
];

fn arb_filters() -> impl Strategy<Value = Filters> {
    let d = &*DATA;
    let mut sectors: Vec<String> = d.sectors.iter().map(|s| s.id.clone()).collect();
    sectors.push("no-such-sector".into());
    let places: Vec<String> = d.places.iter().map(|p| p.id.clone()).collect();
    let measures: Vec<String> = d.measures.iter().map(|m| m.id.clone()).collect();
    let mut activities: Vec<String> = d.activities.iter().map(|a| a.id.clone()).collect();
    activities.push("kz2006-a01-1".into());
    let n_sectors = sectors.len();
    let n_places = places.len();
    let words = WORDS.clone();
    let q = prop_oneof![
        3 => Just(String::new()),
        3 => select(words.clone()),
        1 => (select(words.clone()), select(words)).prop_map(|(a, b)| format!("{a} {b}")),
        2 => select(DATE_WORDS).prop_map(String::from),
        1 => "\\PC{0,8}",
    ];
    let measure = prop_oneof![
        2 => Just(Measure::Activities),
        2 => select(measures.clone()).prop_map(Measure::Metric),
        1 => Just(Measure::Metric("no_such_measure".into())),
    ];
    (
        (
            prop_oneof![2 => Just(vec![]), 1 => subsequence(sectors, 0..=n_sectors)],
            prop_oneof![2 => Just(vec![]), 1 => subsequence(ActivityKind::ALL.to_vec(), 0..=9)],
            prop_oneof![2 => Just(vec![]), 1 => subsequence(Status::ALL.to_vec(), 0..=4)],
            prop_oneof![2 => Just(vec![]), 1 => subsequence(places, 0..=n_places)],
        ),
        (
            prop::option::of(month_in_domain()),
            prop::option::of(month_in_domain()),
            any::<bool>(),
            q,
        ),
        (
            prop::option::of(select(measures)),
            prop::option::of(select(activities)),
            measure,
            select(Sort::ALL.to_vec()),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (sectors, kinds, statuses, places),
                (from, to, imprecise, q),
                (has, activity, measure, sort, table),
            )| {
                let (from, to) = match (from, to) {
                    (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                    other => other,
                };
                Filters {
                    sectors,
                    kinds,
                    statuses,
                    places,
                    from,
                    to,
                    imprecise: imprecise && (from.is_some() || to.is_some()),
                    q,
                    has,
                    activity,
                    measure,
                    sort,
                    table,
                    ..Filters::default()
                }
            },
        )
}

fn share_ok(what: &str, s: f64) -> Result<(), TestCaseError> {
    prop_assert!(s.is_finite() && (0.0..=1.0).contains(&s), "{what} = {s}");
    Ok(())
}

fn check_sector_layout(l: &SectorLayout) -> Result<(), TestCaseError> {
    for b in &l.bars {
        share_ok(&format!("bar {} share", b.sector), b.share)?;
    }
    for (v, s) in &l.ticks {
        share_ok(&format!("tick {v} share"), *s)?;
    }
    Ok(())
}

fn check_timeline_layout(l: &TimelineLayout) -> Result<(), TestCaseError> {
    for (m, x) in &l.ticks {
        share_ok(&format!("tick {m} x"), *x)?;
    }
    for m in &l.marks {
        let what = format!("{:?} mark '{}' ({})", m.shape, m.label, m.when);
        share_ok(&format!("{what}: x"), m.x)?;
        share_ok(&format!("{what}: w"), m.w)?;
        prop_assert!(m.x + m.w <= 1.0 + 1e-9, "{what}: x + w = {}", m.x + m.w);
        prop_assert!(
            m.lane < l.lanes.len() && m.row < l.lanes[m.lane].rows,
            "{what}: row"
        );
    }
    let points: Vec<_> = l
        .marks
        .iter()
        .filter(|m| matches!(m.shape, MarkShape::Day | MarkShape::Month))
        .collect();
    for (i, a) in points.iter().enumerate() {
        for b in &points[i + 1..] {
            if a.lane == b.lane && a.first_day == b.first_day {
                prop_assert_ne!(
                    a.row,
                    b.row,
                    "'{}' and '{}' cover each other",
                    a.label,
                    b.label
                );
            }
        }
    }
    Ok(())
}

/// No number printed as `NaN` or `inf` (how Rust formats them) where the painters put numbers:
/// right after `:`, `=`, `"`, `-` or a space, and right before `"`, `;`, `%`, `)`, `,` or a space.
fn no_nan(what: &str, out: &str) -> Result<(), TestCaseError> {
    for bad in ["NaN", "inf"] {
        for (i, _) in out.match_indices(bad) {
            let before = out[..i].chars().next_back();
            let after = out[i + bad.len()..].chars().next();
            let numeric = matches!(before, Some(':' | '=' | '"' | '-' | ' '))
                && matches!(after, Some('"' | ';' | '%' | ')' | ',' | ' '));
            prop_assert!(
                !numeric,
                "{what} prints {bad}: …{}…",
                &out[i.saturating_sub(40)..(i + 40).min(out.len())]
            );
        }
    }
    Ok(())
}

fn layouts_hold(d: &Dataset, f: &Filters) -> Result<(), TestCaseError> {
    let all = query::select(d, f, Except::Nothing);
    let for_chart = query::select(d, f, Except::Sectors);
    let for_timeline = query::select(d, f, Except::Dates);
    prop_assert!(all.len() <= for_chart.len() && all.len() <= for_timeline.len());
    let rows = query::by_sector(d, &for_chart, &f.measure, &f.sectors);
    prop_assert_eq!(rows.len(), d.sectors.len());
    let chart = charts::sector_layout(&rows);
    check_sector_layout(&chart)?;
    let svg = charts::render_sector_chart(&chart, "Activities by sector", 720);
    prop_assert!(svg.is_ok(), "sector chart: {svg:?}");
    no_nan("sector chart", &svg.unwrap())?;
    let tl = timeline::timeline_layout(d, &for_timeline, (f.from, f.to));
    check_timeline_layout(&tl)?;
    let svg = timeline::render_timeline(&tl, "Timeline", 960);
    prop_assert!(svg.is_ok(), "timeline: {svg:?}");
    no_nan("timeline svg", &svg.unwrap())?;
    let page = kz_explorer::app::render_view(std::sync::Arc::new(d.clone()), &f.to_query());
    no_nan("page", &page)?;
    Ok(())
}

proptest! {
    #![proptest_config(config(250))]

    #[test]
    fn layouts_hold_for_checked_datasets(v in arb_variant(), f in arb_filters()) {
        let d = build_variant(&v);
        let problems = validate::check(&d);
        if v.keep.iter().all(|k| *k) {
            prop_assert!(problems.is_empty(), "the variant fails the checker: {}", problems[0]);
        } else {
            let other = problems.iter().find(|p| !is_coverage(p));
            prop_assert!(other.is_none(), "the subset fails the checker: {}", other.unwrap());
        }
        layouts_hold(&d, &f)?;
    }
}

proptest! {
    #![proptest_config(config(400))]

    /// The bundled dataset alone, with more filters.
    #[test]
    fn layouts_hold_for_the_bundled_dataset(f in arb_filters()) {
        layouts_hold(&DATA, &f)?;
    }
}

// ---------------------------------------------------------------------------------------------
// 5. The search highlighter

const TEXT_PIECES: &[&str] = &[
    "September",
    "Sept.",
    "Sep",
    "29",
    "2006",
    " ",
    ", ",
    "\u{a0}",
    "’",
    "'",
    "“",
    "”",
    "\"",
    "government’s",
    "e\u{301}",
    "é",
    "\u{301}",
    "😀",
    "👩‍👩‍👧",
    "🇰🇿",
    "Қазақстан",
    "ҚАЗАҚСТАН",
    "Казахстан",
    "ё",
    "Ё",
    "İ",
    "ß",
    "ﬁ",
    "Σ",
    "ς",
    "\u{0}",
    "\n",
    "jury",
    "JURY",
    "a",
    "aa",
];

fn hl_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        vec(select(TEXT_PIECES), 0..24).prop_map(|p| p.concat()),
    ]
}

fn hl_query() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        vec(select(TEXT_PIECES), 0..4).prop_map(|p| p.concat()),
        select(DATE_WORDS).prop_map(String::from),
    ]
}

proptest! {
    #![proptest_config(config(10_000))]

    #[test]
    fn highlight_ranges_are_sound(text in hl_text(), q in hl_query()) {
        let ranges = query::match_ranges(&text, &q);
        let mut last_end = 0;
        for &(s, e) in &ranges {
            prop_assert!(s < e && e <= text.len(), "range {s}..{e} of {}", text.len());
            prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "{s}..{e}");
            prop_assert!(s >= last_end, "{s}..{e} overlaps or is out of order");
            last_end = e;
        }
        let pieces = query::highlight(&text, &q);
        let joined: String = pieces.iter().map(|(p, _)| *p).collect();
        prop_assert_eq!(&joined, &text);
        let marked: Vec<(usize, usize)> = {
            let mut at = 0;
            let mut v = Vec::new();
            for (p, hit) in &pieces {
                if *hit {
                    v.push((at, at + p.len()));
                }
                at += p.len();
            }
            v
        };
        prop_assert_eq!(marked, ranges.clone(), "highlight marks exactly the ranges");
        // The list filter and the highlighter agree: a text that matches shows a highlight.
        let needle = query::fold(q.trim());
        if query::parse_date_query(&q).is_none() && !needle.is_empty() {
            prop_assert_eq!(!ranges.is_empty(), query::fold(&text).contains(&needle));
            for &(s, e) in &ranges {
                prop_assert_eq!(query::fold(&text[s..e]), needle.clone());
            }
        }
    }

    #[test]
    fn date_queries_never_panic(q in prop_oneof![
        any::<String>(),
        vec(select(&["29", "31", "0", "+5", "-1", "2006", "99999", "Sep", "sept", "May", "Feb",
                     "February", "ma", "2006-02-29", "2008-02-29", "0000-02-29", ".", ",", " ",
                     "\u{a0}", "\t", "Ё"][..]), 0..5).prop_map(|w| w.concat()),
    ]) {
        if let Some(dq) = query::parse_date_query(&q) {
            prop_assert!((1..=12).contains(&dq.month));
            if let Some(d) = dq.day {
                prop_assert!(d >= 1 && d <= days_in_month(dq.year.unwrap_or(2000), dq.month));
            }
            prop_assert!(!dq.spellings().is_empty());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 6. The app's sort

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn order_sort_by_is_the_standard_stable_sort(
        keys in vec(0u8..8, 0..300),
        by_key in any::<bool>(),
    ) {
        let v: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
        let cmp = |a: &(u8, usize), b: &(u8, usize)| {
            if by_key { a.0.cmp(&b.0) } else { b.0.cmp(&a.0) }
        };
        let mut ours = v.clone();
        order::sort_by(&mut ours, &cmp);
        let mut std = v.clone();
        std.sort_by(cmp);
        prop_assert_eq!(&ours, &std);
        let p = order::permutation(v.len(), &|i, j| cmp(&v[i], &v[j]));
        let mut seen = p.clone();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..v.len()).collect::<Vec<_>>());
    }
}

// ---------------------------------------------------------------------------------------------
// Regression cases: the minimal inputs the properties found, and boundaries worth pinning.
// Each regression test below is an input a property found a bug with (fixed in `src/`).

/// Distinct ids (digits) joined by commas, exactly `len` characters long.
fn id_list(len: usize) -> String {
    let mut s = String::new();
    let mut i = 0;
    while s.len() < len {
        if !s.is_empty() {
            s.push(',');
        }
        s += &format!("{i:0>64}");
        i += 1;
    }
    s.truncate(len);
    s
}

#[test]
fn a_canonical_query_longer_than_max_query_loses_its_tail() {
    // 4096 chars in (the limit was 4096); `é` comes back as `%C3%A9`, so the canonical query
    // is 4101 chars.
    let q = format!("sector={}&q=é", id_list(4085));
    assert_eq!(q.chars().count(), 4096);
    let f = Filters::from_query(&q);
    assert_eq!(f.q, "é");
    let again = Filters::from_query(&f.to_query());
    assert_eq!(
        again.q, f.q,
        "read back, the search is cut after its first '%'"
    );
}

#[test]
fn following_a_link_from_a_long_view_loses_the_change() {
    let current = format!("sector={}", id_list(4089));
    assert_eq!(
        Filters::from_query(&current).to_query(),
        current,
        "a canonical view"
    );
    let merged = Filters::merge_query(&current, "activity=kz2006-a01");
    assert_eq!(
        Filters::from_query(&merged).activity.as_deref(),
        Some("kz2006-a01")
    );
}

#[test]
fn a_search_cut_at_200_chars_can_end_in_a_space() {
    // Today q is 199 × 'a' and a space, and reads back without the space.
    let f = Filters::from_query(&format!("q={}+b", "a".repeat(199)));
    assert_eq!(Filters::from_query(&f.to_query()), f);
    assert_eq!(f.q, "a".repeat(199));
}

#[test]
fn percent_plus_is_not_an_escape() {
    assert_eq!(filters::decode("%+0"), "% 0");
    assert_eq!(Filters::from_query("q=%+41").q, "% 41");
}

#[test]
fn a_derived_period_after_the_domain_stays_on_the_axis() {
    let mut d = DATA.clone();
    let a = d
        .activities
        .iter_mut()
        .find(|a| a.time.basis == TimeBasis::Derived)
        .unwrap();
    a.time.start = PartialDate::year(2008);
    a.time.end = Some(PartialDate::year(2008));
    assert_eq!(validate::check(&d), vec![], "the checker accepts it");
    let acts: Vec<&Activity> = d.activities.iter().collect();
    let l = timeline::timeline_layout(&d, &acts, (None, None));
    for m in &l.marks {
        assert!((0.0..=1.0).contains(&m.x), "{}: x = {}", m.label, m.x);
    }
}

/// The text with the value of the first activity evidence's `paragraph` set to `null`.
fn with_null_evidence_paragraph() -> String {
    let key = "\"evidence\":[{\"paragraph\":";
    let at = TEXT.find(key).unwrap() + key.len();
    let end = at + TEXT[at + 1..].find('"').unwrap() + 2;
    format!("{}null{}", &TEXT[..at], &TEXT[end..])
}

/// serde refuses `text`, and our reader calls it malformed too.
fn both_refuse(text: &str) {
    assert!(serde_json::from_str::<Dataset>(text).is_err());
    let ours = validate::parse_and_check(text);
    assert!(
        matches!(ours, Err(DatasetError::Malformed { .. })),
        "ours: {ours:?}"
    );
}

#[test]
fn a_null_evidence_paragraph_is_malformed() {
    both_refuse(&with_null_evidence_paragraph());
}

#[test]
fn a_negative_zero_year_is_malformed() {
    let text = TEXT.replacen("\"year\":2006", "\"year\":-0", 1);
    assert_ne!(text, *TEXT);
    both_refuse(&text);
}

/// Where our nesting limit and serde_json's fall (the one allowed JSON disagreement). Ours
/// counts values, not containers: 128 nested arrays around a scalar, or 129 empty ones, still
/// pass; serde_json refuses 128 containers.
#[test]
fn json_nesting_limits() {
    let arrays = |n: usize, inner: &str| "[".repeat(n) + inner + &"]".repeat(n);
    let serde_ok = |t: &str| serde_json::from_str::<serde_json::Value>(t).is_ok();
    for n in [1, 64, 127] {
        assert!(
            json::parse(&arrays(n, "1")).is_ok() && serde_ok(&arrays(n, "1")),
            "{n}"
        );
    }
    assert!(json::parse(&arrays(128, "1")).is_ok() && !serde_ok(&arrays(128, "1")));
    assert!(
        json::parse(&arrays(129, "")).is_ok(),
        "129 empty arrays pass"
    );
    assert!(json::parse(&arrays(129, "1")).is_err());
    assert_eq!(
        json::parse(&arrays(130, "")).unwrap_err().message,
        "nesting too deep"
    );
    assert!(
        json::parse(&arrays(100_000, "")).is_err(),
        "no stack overflow"
    );
    assert_eq!(json::MAX_DEPTH, 128);
}

/// serde_json refuses numbers beyond f64; ours keeps their text (by design).
#[test]
fn json_keeps_numbers_serde_json_refuses() {
    for n in ["1e400", "-1e400", "123456789e999"] {
        assert_eq!(json::parse(n), Ok(Value::Number(n.into())));
        assert!(serde_json::from_str::<serde_json::Value>(n).is_err());
    }
}
