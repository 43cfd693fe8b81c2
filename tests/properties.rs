//! Property tests (proptest) over the pure core: what must hold for *any* input, not just the
//! fixtures — no panics, no NaN, and the invariants the page and the downloads rely on.
//!
//! 1. URL state: `Filters::from_query` / `to_query` / `merge_query` never panic, the canonical
//!    query is a fixed point, a link's change survives the merge, and `filters::decode` is the
//!    form decoding its doc comment describes.
//! 2. Edits that break a file: in its text, or in its JSON tree.
//! 3. Decoding (serde_json, with serde_path_to_error for the path): on broken copies of the
//!    bundled file it never panics, a malformed file's error names a node that exists in it (or
//!    the whole document), another schema version is reported whatever else is wrong, a dataset
//!    written by serde reads back equal, and the translations and catalogues never panic on
//!    broken copies either (a translation never touches the figures, dates or quotes).
//! 4. Layouts and the rendered page: for datasets that pass the checker (subsets, scaled copies, moved
//!    derived dates) and random filters, nothing panics, every share is finite and within the
//!    axis, and points on one day in one lane are stacked in different rows.
//! 5. The search highlighter: ranges are sorted, disjoint, on char boundaries, and exactly what
//!    the list filter matches; the pieces tile the text. Date queries never panic.
//! 6. `core::order::sort_by` is `slice::sort_by` (stable).
//!
//! Cases per property (`config(n)`): each property gets what it can do in about a second or two
//! of a debug build, so the file runs in about 10 s on two cores (under 20 s one at a time).
//! Cheap ones (short strings, small vectors: sort, highlighter, URL decoding) run 1 000–10 000 cases; those that parse, decode and check the whole 79 KB dataset
//! (about 10–15 ms a case) or render the whole page run 250–400. Seeds are random on each run
//! (set `PROPTEST_RNG_SEED` to replay one), so the cases add up across runs. Failure persistence
//! is off (no `proptest-regressions/` files): each failure found is kept at the end of this file
//! as an explicit `#[test]` on its minimal input (the bugs they found are fixed in `src/`).

use kz_explorer::app::export::Chart as ImageOf;
use kz_explorer::core::charts::{self, SectorLayout};
use kz_explorer::core::filters::{self, Filters, Measure, Month, Sort};
use kz_explorer::core::i18n;
use kz_explorer::core::model::{
    Activity, ActivityKind, Dataset, PartialDate, ResultClass, SCHEMA_VERSION, Status, TimeBasis,
    days_in_month,
};
use kz_explorer::core::order;
use kz_explorer::core::query::{self, Except};
use kz_explorer::core::timeline::{self, MarkShape, TimelineLayout};
use kz_explorer::core::translate::{self, TranslationError};
use kz_explorer::core::validate::{self, DatasetError};
use kz_explorer::images::Size;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select, subsequence};
use serde_json::Value;
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

static TREE: LazyLock<Value> = LazyLock::new(|| serde_json::from_str(&TEXT).unwrap());

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
    "result",
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
    "achieved,partly",
    "not_reported,achieved,nonsense,achieved",
    "under_way",
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
// 2. Edits: broken copies of a file

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

/// A JSON-aware change to a file; each picks the `k`-th node of its kind.
#[derive(Debug, Clone)]
enum TreeEdit {
    SetNumber(Index, &'static str),
    /// Sets the `k`-th member named `key` (year, schema_version, code, value, start, end).
    SetField(&'static str, Index, &'static str),
    EmptyString(Index),
    /// Replaces a string with another string of the dataset (an id with another id, …).
    OtherString(Index, Index),
    Null(Index),
    SwapItems(Index, Index, Index),
    DuplicateItem(Index, Index),
    DropKey(Index, Index),
    /// Renames a member (an unknown field, or a known one in the wrong place).
    RenameKey(Index, Index, Index),
    /// Sets an evidence's `start` or `end` (`field`) to a number.
    Offset(Index, &'static str, &'static str),
    /// Makes an evidence's `start` one more than its `end`.
    StartAfterEnd(Index),
}

/// Numbers as written in a file, several beyond what a field holds or what f64 holds.
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

/// Member names of the dataset's shape, for renamed keys.
const KEY_NAMES: &[&str] = &[
    "id", "title", "kind", "evidence", "quote", "start", "end", "time", "date", "role", "x", "",
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
        (any::<Index>(), any::<Index>(), any::<Index>())
            .prop_map(|(k, i, j)| TreeEdit::RenameKey(k, i, j)),
        (any::<Index>(), select(&["start", "end"][..]), select(HUGE))
            .prop_map(|(k, f, n)| TreeEdit::Offset(k, f, n)),
        any::<Index>().prop_map(TreeEdit::StartAfterEnd),
    ]
}

/// Where a number is written as it stands in `NUMBERS` (`1e400` is no f64, so no `Value`
/// holds it): a string `to_text` writes back as the bare number.
fn raw_number(n: &str) -> Value {
    Value::String(format!("\u{0}{n}\u{0}"))
}

/// The document as text, with `raw_number`s written as numbers.
fn to_text(v: &Value) -> String {
    let text = serde_json::to_string(v).unwrap();
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("\"\\u0000") {
        let end = rest[at + 7..].find("\\u0000\"").unwrap() + at + 7;
        out.push_str(&rest[..at]);
        out.push_str(&rest[at + 7..end]);
        rest = &rest[end + 7..];
    }
    out + rest
}

/// How many nodes `want` holds for.
fn count(v: &Value, want: &dyn Fn(&Value) -> bool) -> usize {
    let children = match v {
        Value::Array(items) => items.iter().map(|c| count(c, want)).sum(),
        Value::Object(members) => members.values().map(|c| count(c, want)).sum(),
        _ => 0,
    };
    usize::from(want(v)) + children
}

/// The `n`-th node (in document order, from 0) for which `want` holds.
fn nth_mut<'a>(
    v: &'a mut Value,
    want: &dyn Fn(&Value) -> bool,
    n: &mut usize,
) -> Option<&'a mut Value> {
    if want(v) {
        if *n == 0 {
            return Some(v);
        }
        *n -= 1;
    }
    match v {
        Value::Array(items) => items.iter_mut().find_map(|c| nth_mut(c, want, n)),
        Value::Object(members) => members.values_mut().find_map(|c| nth_mut(c, want, n)),
        _ => None,
    }
}

/// The `k`-th node for which `want` holds, if any.
fn pick<'a>(v: &'a mut Value, k: &Index, want: &dyn Fn(&Value) -> bool) -> Option<&'a mut Value> {
    let all = count(v, want);
    if all == 0 {
        return None;
    }
    nth_mut(v, want, &mut k.index(all))
}

fn set_member(obj: &mut Value, key: &str, value: Value) {
    if let Value::Object(members) = obj {
        members.insert(key.to_string(), value);
    }
}

fn apply_tree_edit(v: &mut Value, e: &TreeEdit) {
    let is_evidence = |x: &Value| x.get("quote").is_some();
    match e {
        TreeEdit::SetNumber(k, n) => {
            if let Some(x) = pick(v, k, &|x| x.is_number()) {
                *x = raw_number(n);
            }
        }
        TreeEdit::SetField(key, k, n) => {
            if let Some(x) = pick(v, k, &|x| x.get(key).is_some()) {
                set_member(x, key, raw_number(n));
            }
        }
        TreeEdit::EmptyString(k) => {
            if let Some(x) = pick(v, k, &|x| x.is_string()) {
                *x = Value::String(String::new());
            }
        }
        TreeEdit::OtherString(k, j) => {
            let other = STRINGS[j.index(STRINGS.len())].clone();
            if let Some(x) = pick(v, k, &|x| x.is_string()) {
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
                let key = members.keys().nth(i.index(members.len())).unwrap().clone();
                members.remove(&key);
            }
        }
        TreeEdit::RenameKey(k, i, j) => {
            if let Some(Value::Object(members)) =
                pick(v, k, &|x| matches!(x, Value::Object(m) if !m.is_empty()))
            {
                let key = members.keys().nth(i.index(members.len())).unwrap().clone();
                let value = members.remove(&key).unwrap();
                members.insert(KEY_NAMES[j.index(KEY_NAMES.len())].to_string(), value);
            }
        }
        TreeEdit::Offset(k, field, n) => {
            if let Some(x) = pick(v, k, &is_evidence) {
                set_member(x, field, raw_number(n));
            }
        }
        TreeEdit::StartAfterEnd(k) => {
            if let Some(x) = pick(v, k, &is_evidence) {
                let end = x.get("end").and_then(Value::as_u64).unwrap_or(0);
                set_member(x, "start", Value::from(end + 1));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 3. The dataset's decoder (serde_json, the path from serde_path_to_error) and checker

/// A JSON document's shape with every member kept, repeated keys too (a `Value` keeps the
/// last): a decoder's error may be about the first of two.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    Scalar,
    Array(Vec<Node>),
    Object(Vec<(String, Node)>),
}

impl<'de> serde::Deserialize<'de> for Node {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{MapAccess, SeqAccess, Visitor};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Node;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_bool<E>(self, _: bool) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_str<E>(self, _: &str) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_unit<E>(self) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
                let mut items = Vec::new();
                while let Some(x) = seq.next_element()? {
                    items.push(x);
                }
                Ok(Node::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
                let mut members = Vec::new();
                while let Some(m) = map.next_entry()? {
                    members.push(m);
                }
                Ok(Node::Object(members))
            }
        }
        d.deserialize_any(V)
    }
}

/// Whether the document has a node at a path as `DatasetError::Malformed` names it
/// (`activities[3].time.start`, empty for the whole document). Keys may hold `.` or `[` (an edit
/// can put them there), so each key of an object that fits is tried.
fn has_node(v: &Node, path: &str) -> bool {
    if path.is_empty() {
        return true;
    }
    match v {
        Node::Array(items) => (|| {
            let (i, rest) = path.strip_prefix('[')?.split_once(']')?;
            let rest = rest.strip_prefix('.').unwrap_or(rest);
            Some(has_node(items.get(i.parse::<usize>().ok()?)?, rest))
        })()
        .unwrap_or(false),
        Node::Object(members) => members.iter().any(|(k, x)| {
            let Some(rest) = path.strip_prefix(k.as_str()) else {
                return false;
            };
            match rest.strip_prefix('.') {
                Some(r) => has_node(x, r),
                None if rest.is_empty() || rest.starts_with('[') => has_node(x, rest),
                None => false,
            }
        }),
        Node::Scalar => false,
    }
}

/// What `parse_and_check` says of a (possibly broken) dataset text is true of it:
/// - accepted: it is what serde's derive reads;
/// - malformed: the path names a node of the document (the whole of it when the text is not
///   JSON), or `schema_version` when the document has none;
/// - another schema version: the document declares one, and it is not the current one (2);
/// - invalid: serde reads the shape, and the problems are the checker's on what it reads.
fn decoding_holds(text: &str) -> Result<(), TestCaseError> {
    let doc = serde_json::from_str::<Node>(text);
    // JSON with a number beyond f64 reads to no `Node`; the decoder refuses it where it meets
    // it, or something else before (its first pass passes over numbers without reading them).
    let beyond_f64 = matches!(&doc, Err(e) if e.to_string().starts_with("number out of range"));
    let declared = serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| v.get("schema_version").cloned());
    match validate::parse_and_check(text) {
        Ok(d) => {
            let theirs: Dataset = serde_json::from_str(text).expect("the derive reads it");
            prop_assert!(theirs == d, "the derive reads another dataset");
        }
        Err(DatasetError::Malformed { path, message }) => {
            prop_assert!(!message.is_empty());
            match &doc {
                Err(_) if beyond_f64 => {}
                Err(_) => prop_assert_eq!(path.as_str(), "", "not JSON: {}", message),
                Ok(doc) if path == "schema_version" => {
                    prop_assert!(!has_node(doc, &path), "{}", message)
                }
                Ok(doc) => prop_assert!(
                    has_node(doc, &path),
                    "{path} is not in the document ({message})"
                ),
            }
        }
        Err(DatasetError::UnsupportedSchema { found }) => {
            prop_assert!(doc.is_ok() || beyond_f64, "judged only on JSON");
            // (`declared` is the last of repeated keys; the decoder judges the first.)
            let repeated = matches!(&doc, Ok(Node::Object(m))
                if m.iter().filter(|(k, _)| k == "schema_version").count() > 1);
            prop_assert!(
                beyond_f64 || repeated || declared.is_some_and(|v| v != u64::from(SCHEMA_VERSION)),
                "{found}"
            );
        }
        Err(DatasetError::Invalid(problems)) => {
            prop_assert!(!problems.is_empty());
            let d: Dataset = serde_json::from_str(text).expect("the shape was read");
            prop_assert_eq!(validate::check(&d), problems);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn decoding_edited_text_never_panics_and_says_where(e in edits()) {
        decoding_holds(&apply_edits(&TEXT, &e))?;
    }
}

proptest! {
    #![proptest_config(config(200))]

    #[test]
    fn decoding_edited_json_never_panics_and_says_where(e in vec(tree_edit(), 1..3)) {
        let mut v = TREE.clone();
        for x in &e {
            apply_tree_edit(&mut v, x);
        }
        decoding_holds(&to_text(&v))?;
    }

    /// Whatever else is wrong, a file of another schema version is reported as such.
    #[test]
    fn the_schema_version_is_judged_before_the_shape(
        e in vec(tree_edit(), 0..3),
        version in prop_oneof![
            (0u64..1000).prop_filter("not the current version", |n| *n != u64::from(SCHEMA_VERSION)).prop_map(|n| (Value::from(n), n.to_string())),
            Just((Value::from(-1), "-1".to_string())),
            Just((Value::from(1.5), "1.5".to_string())),
            Just((Value::from("1"), "\"1\"".to_string())),
            Just((Value::Bool(true), "true".to_string())),
            Just((Value::Null, "null".to_string())),
            Just((Value::Array(vec![Value::from(1)]), "an array".to_string())),
        ],
    ) {
        let mut v = TREE.clone();
        for x in &e {
            apply_tree_edit(&mut v, x);
        }
        prop_assume!(v.is_object());
        set_member(&mut v, "schema_version", version.0);
        prop_assert_eq!(
            validate::parse_and_check(&to_text(&v)),
            Err(DatasetError::UnsupportedSchema { found: version.1 })
        );
    }
}

proptest! {
    #![proptest_config(config(150))]

    /// serde writes a dataset (compact, as the build does, or pretty) that it reads back equal.
    #[test]
    fn a_dataset_written_and_read_again_is_equal(v in arb_variant()) {
        let mut d = build_variant(&v);
        d.search = Default::default();
        for text in [serde_json::to_string(&d).unwrap(), serde_json::to_string_pretty(&d).unwrap()] {
            let back = validate::parse_text(&text).and_then(validate::read);
            prop_assert!(back.as_ref() == Ok(&d), "{:?}", back.err());
        }
    }
}

// The translations of the data, and the interface's catalogues.

static RUSSIAN: LazyLock<String> = LazyLock::new(|| {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/i18n/kazakhstan-2006.ru.json"
    );
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
});

/// `translate::apply` never panics, and what it gives is the same data in other words: the
/// figures, dates, ids, quotes and the report are untouched. `check` never panics either.
fn translation_holds(text: &str) -> Result<(), TestCaseError> {
    let d = &*DATA;
    match translate::apply(d, text) {
        Ok(t) => {
            prop_assert_eq!(&t.reports, &d.reports);
            prop_assert_eq!(t.activities.len(), d.activities.len());
            for (a, b) in d.activities.iter().zip(&t.activities) {
                prop_assert_eq!(&a.id, &b.id);
                prop_assert_eq!(&a.evidence, &b.evidence);
                prop_assert_eq!(&a.time.start, &b.time.start);
                prop_assert_eq!(
                    a.metrics
                        .iter()
                        .map(|m| (m.value, &m.evidence))
                        .collect::<Vec<_>>(),
                    b.metrics
                        .iter()
                        .map(|m| (m.value, &m.evidence))
                        .collect::<Vec<_>>()
                );
            }
            for (a, b) in d.events.iter().zip(&t.events) {
                prop_assert_eq!((&a.id, a.date), (&b.id, b.date));
            }
            prop_assert_eq!(t.outcomes.len(), d.outcomes.len());
            for (a, b) in d.outcomes.iter().zip(&t.outcomes) {
                prop_assert_eq!(
                    (
                        &a.id,
                        &a.activities,
                        a.result,
                        a.actor,
                        &a.time,
                        &a.evidence
                    ),
                    (
                        &b.id,
                        &b.activities,
                        b.result,
                        b.actor,
                        &b.time,
                        &b.evidence
                    )
                );
            }
        }
        Err(TranslationError::Malformed(m)) => prop_assert!(!m.is_empty()),
        Err(TranslationError::OtherDataset { expected, .. }) => {
            prop_assert_eq!(
                expected,
                format!("us-record-kazakhstan-2006 {}", d.dataset.version)
            )
        }
    }
    let _ = translate::check(d, text);
    Ok(())
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn a_translation_with_text_edits_never_panics(e in edits()) {
        translation_holds(&apply_edits(&RUSSIAN, &e))?;
    }

    #[test]
    fn a_translation_with_json_edits_never_panics(e in vec(tree_edit(), 1..4)) {
        let mut v: Value = serde_json::from_str(&RUSSIAN).unwrap();
        for x in &e {
            apply_tree_edit(&mut v, x);
        }
        translation_holds(&to_text(&v))?;
    }

    /// A served catalogue with edits is read or refused with a reason, never a panic; when read,
    /// it has every text.
    #[test]
    fn a_catalogue_with_edits_never_panics(e in edits()) {
        let keyed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/i18n/ui.kk.json")).unwrap();
        let list = i18n::list_from_keyed(&keyed).unwrap();
        match i18n::Catalogue::from_list(i18n::Lang::Kk, &apply_edits(&list, &e)) {
            Ok(c) => prop_assert_eq!(c.lang, i18n::Lang::Kk),
            Err(why) => prop_assert!(!why.is_empty()),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 4. Layouts and the rendered page

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
    d.outcomes.clear();
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
        for o in base
            .outcomes
            .iter()
            .filter(|o| o.activities.iter().all(|a| kept.iter().any(|k| k.id == *a)))
        {
            let mut c = o.clone();
            c.id = suffix(&o.id, k);
            c.activities = o.activities.iter().map(|a| suffix(a, k)).collect();
            d.outcomes.push(c);
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
            prop_oneof![2 => Just(vec![]), 1 => subsequence(ResultClass::ALL.to_vec(), 0..=6)],
        ),
    )
        .prop_map(
            |(
                (sectors, kinds, statuses, places),
                (from, to, imprecise, q),
                (has, activity, measure, sort, table, results),
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
                    results,
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

/// No number printed as `NaN` or `inf` (how Rust formats them) where the page and the SVGs put numbers:
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
    // "What came of it": the counts by result class add up to the activities of the other
    // filters, and the chosen classes' counts to the view's.
    let for_outcomes = query::select(d, f, Except::Results);
    let counts = query::result_counts(d, &for_outcomes);
    prop_assert_eq!(
        counts.iter().map(|c| c.1).sum::<usize>(),
        for_outcomes.len()
    );
    if !f.results.is_empty() {
        let chosen: usize = counts
            .iter()
            .filter(|c| f.results.contains(&c.0))
            .map(|c| c.1)
            .sum();
        prop_assert_eq!(chosen, all.len());
    }
    let rows = query::by_sector(d, &for_chart, &f.measure, &f.sectors);
    prop_assert_eq!(rows.len(), d.sectors.len());
    let chart = charts::sector_layout(&rows);
    check_sector_layout(&chart)?;
    // The images are drawn from the same layouts, by plotters.
    let image = |chart, size| {
        let req =
            kz_explorer::app::export::image_request(d, f, chart, size, "https://example.org/");
        kz_explorer::images::svg(&req).map(|(svg, _)| svg)
    };
    let svg = image(ImageOf::Sector, Size::Screen(720));
    prop_assert!(svg.is_ok(), "sector chart: {svg:?}");
    no_nan("sector chart", &svg.unwrap())?;
    let tl = timeline::timeline_layout(d, &for_timeline, (f.from, f.to));
    check_timeline_layout(&tl)?;
    let svg = image(ImageOf::Timeline, Size::Social);
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
        // The list filter and the highlighter agree: a text that matches shows a highlight,
        // and each highlight starts with the first word's stem and ends at a word's end.
        let needle = query::needle(&q);
        if query::parse_date_query(&q).is_none() && !needle.is_empty() {
            prop_assert_eq!(!ranges.is_empty(), query::holds(&i18n::fold(&text), &needle));
            let first = needle.split(' ').next().unwrap_or_default();
            for &(s, e) in &ranges {
                prop_assert!(i18n::fold(&text[s..e]).starts_with(first), "{s}..{e}");
                prop_assert!(!text[e..].chars().next().is_some_and(char::is_alphanumeric));
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

/// A JSON pointer (`/activities/0/kind`) for a path as the decoder names it.
fn pointer(path: &str) -> String {
    path.split(['.', '['])
        .map(|p| format!("/{}", p.trim_end_matches(']')))
        .collect()
}

/// serde refuses `text` (the derive, and our decoder with it), naming this node.
fn refused_at(text: &str, want: &str) -> Value {
    assert!(serde_json::from_str::<Dataset>(text).is_err());
    match validate::parse_and_check(text) {
        Err(DatasetError::Malformed { path, .. }) => {
            assert_eq!(path, want);
            let doc: Value = serde_json::from_str(text).unwrap();
            doc.pointer(&pointer(&path)).unwrap().clone()
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_null_evidence_paragraph_is_malformed() {
    let at = refused_at(
        &with_null_evidence_paragraph(),
        "activities[0].evidence[0].paragraph",
    );
    assert_eq!(at, Value::Null);
}

#[test]
fn a_negative_zero_year_is_malformed() {
    let text = TEXT.replacen("\"year\":2006", "\"year\":-0", 1);
    assert_ne!(text, *TEXT);
    assert_eq!(refused_at(&text, "reports[0].year"), Value::from(-0.0));
}

/// Deep nesting is refused, or passed over where the shape has no place for it, without
/// overflowing the stack: the first pass skips values without recursion, and the derive meets
/// the wrong type or an unknown field before going deep.
#[test]
fn deep_nesting_is_refused_without_overflow() {
    let arrays = |n: usize| "[".repeat(n) + &"]".repeat(n);
    let cases = [
        (
            format!("{{\"schema_version\": 2, \"x\": {}}}", arrays(200)),
            "x",
        ),
        (
            format!("{{\"x\": {}, \"schema_version\": 2}}", arrays(100_000)),
            "x",
        ),
        (
            format!("{{\"schema_version\": 2, \"x\": {}", arrays(100_000)),
            "",
        ),
        (
            format!(
                "{{\"schema_version\": 2, \"dataset\": {}}}",
                arrays(100_000)
            ),
            "dataset",
        ),
        (arrays(100_000), ""),
        ("7".into(), ""),
        ("null".into(), ""),
    ];
    for (text, want) in cases {
        match validate::parse_and_check(&text) {
            Err(DatasetError::Malformed { path, message }) => {
                assert!(path.starts_with(want), "{path}: {message}")
            }
            other => panic!("{other:?}"),
        }
    }
}

/// Numbers beyond f64 are no JSON serde_json reads: refused where they are met.
#[test]
fn numbers_beyond_f64_are_malformed() {
    for n in ["1e400", "-1e400", "123456789e999"] {
        for (text, want) in [
            (format!("{{\"schema_version\": {n}}}"), ""),
            (
                TEXT.replacen("\"year\":2006", &format!("\"year\":{n}"), 1),
                "reports[0].year",
            ),
        ] {
            match validate::parse_and_check(&text) {
                Err(DatasetError::Malformed { path, message }) => {
                    assert_eq!(path, want);
                    assert!(message.starts_with("number out of range"), "{message}");
                }
                other => panic!("{n}: {other:?}"),
            }
        }
    }
}
