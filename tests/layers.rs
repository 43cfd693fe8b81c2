//! The pure core stays layered: read from its sources, the modules of `src/core/` reference one
//! another without cycles, `model` at the bottom references none of them, `i18n` only `model`,
//! and nothing in the core touches the DOM or Leptos (so `cargo test` covers it natively).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

/// Each core module and the core modules its code (tests excluded) names.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/core");
    let files: Vec<(String, String)> = fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let path = e.ok()?.path();
            let name = path.file_stem()?.to_str()?.to_string();
            (path.extension()? == "rs").then(|| (name, fs::read_to_string(&path).unwrap()))
        })
        .collect();
    let names: BTreeSet<String> = files.iter().map(|(n, _)| n.clone()).collect();
    files
        .into_iter()
        .map(|(name, text)| {
            let code = text.split("#[cfg(test)]\nmod tests").next().unwrap();
            let code = code
                .split("#[cfg(test)]\npub(crate) mod tests")
                .next()
                .unwrap();
            let mut deps = BTreeSet::new();
            for prefix in ["super::", "crate::core::"] {
                for (i, _) in code.match_indices(prefix) {
                    let rest = &code[i + prefix.len()..];
                    if let Some(group) = rest.strip_prefix('{') {
                        let group = &group[..group.find('}').unwrap_or(0)];
                        deps.extend(group.split([',', ' ', '\n']).map(|s| s.trim().to_string()));
                    } else {
                        let word: String = rest
                            .chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                            .collect();
                        deps.insert(word);
                    }
                }
            }
            deps.retain(|d| names.contains(d) && *d != name);
            (name, deps)
        })
        .collect()
}

fn reaches(g: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.to_string()];
    while let Some(m) = todo.pop() {
        for d in g.get(&m).into_iter().flatten() {
            if d == to {
                return true;
            }
            if seen.insert(d.clone()) {
                todo.push(d.clone());
            }
        }
    }
    false
}

#[test]
fn the_core_has_no_import_cycles() {
    let g = graph();
    assert!(g.len() > 10, "read the core: {g:?}");
    for (m, deps) in &g {
        for d in deps {
            assert!(!reaches(&g, d, m), "{m} → {d} → … → {m}");
        }
    }
}

#[test]
fn the_model_is_at_the_bottom_and_the_words_beside_it() {
    let g = graph();
    assert_eq!(
        g["model"],
        BTreeSet::new(),
        "model names no other core module"
    );
    let i18n: Vec<&str> = g["i18n"].iter().map(String::as_str).collect();
    assert_eq!(i18n, ["model"], "i18n names only model");
    for layout in ["charts", "timeline", "labels"] {
        assert!(
            !reaches(&g, "query", layout),
            "query does not reach {layout}"
        );
    }
}

#[test]
fn the_core_touches_neither_the_dom_nor_leptos() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/core");
    for e in fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        for banned in ["web_sys", "js_sys", "wasm_bindgen", "leptos"] {
            assert!(!text.contains(banned), "{} uses {banned}", path.display());
        }
    }
}
