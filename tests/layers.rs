//! The layers point one way (issue 25), read from the `crate::` and `super::`
//! paths in `src/`: no import cycle between modules, and the pure modules
//! (HTTP and decoding, model, formats, strings, routes, URLs, sanitiser)
//! import nothing of the views or the start-up.
//!
//! A unit is a top-level module (`api`, `sanitize` and `i18n` with their
//! submodules), or one file of `components/` or `pages/`, where each file is
//! one visible thing and the files must not lean on each other in a circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Modules that know nothing of Leptos' views, the app or the start-up.
const PURE: &[&str] = &["api", "model", "format", "i18n", "route", "url", "sanitize", "fold"];
/// What a pure module may never import.
const ABOVE: &[&str] = &["components", "pages", "app", "mount", "router", "context", "meta", "split"];

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// `src/components/carousel.rs` → `components::carousel`; `src/api/http.rs` → `api`.
fn unit_of_file(rel: &str) -> String {
    let parts: Vec<&str> = rel.trim_end_matches(".rs").split('/').collect();
    match parts.as_slice() {
        ["components" | "pages", "mod"] => parts[0].to_string(),
        ["components" | "pages", file, ..] => format!("{}::{file}", parts[0]),
        [top, ..] => top.to_string(),
        [] => String::new(),
    }
}

/// The unit a path names (`components::carousel::Carousel` → `components::carousel`).
fn unit_of_path(path: &str) -> String {
    let mut segs = path.split("::").filter(|s| !s.is_empty());
    let top = segs.next().unwrap_or_default();
    match (top, segs.next()) {
        ("components" | "pages", Some(file)) if file.chars().all(|c| c.is_ascii_lowercase() || c == '_') => {
            format!("{top}::{file}")
        }
        _ => top.to_string(),
    }
}

/// Every `crate::a::b` and `super::x` path in the code (comments left out),
/// `use crate::{a, b::c}` groups included.
fn imports(rel: &str, code: &str) -> BTreeSet<String> {
    let unit = unit_of_file(rel);
    let mut out = BTreeSet::new();
    for line in code.lines() {
        let line = line.split("//").next().unwrap_or_default();
        for (prefix, base) in [("crate::", String::new()), ("super::", parent_of(rel))] {
            let mut rest = line;
            while let Some(at) = rest.find(prefix) {
                // `crate::x` but not `my_crate::x`.
                let before = rest[..at].chars().last();
                rest = &rest[at + prefix.len()..];
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let path: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
                if path.starts_with('{') || path.is_empty() {
                    // `crate::{a, b}`: each name in the group.
                    let group = rest.trim_start_matches('{');
                    let group = group.split('}').next().unwrap_or_default();
                    for name in group.split(',') {
                        let name = name.trim().split("::").next().unwrap_or_default();
                        if !name.is_empty() {
                            out.insert(unit_of_path(&format!("{base}{name}")));
                        }
                    }
                } else {
                    out.insert(unit_of_path(&format!("{base}{path}")));
                }
            }
        }
    }
    out.remove(&unit);
    out.remove("");
    out
}

/// What `super::` means in a file: its parent module's path.
fn parent_of(rel: &str) -> String {
    let parts: Vec<&str> = rel.trim_end_matches(".rs").split('/').collect();
    let module: Vec<&str> = if parts.last() == Some(&"mod") { parts[..parts.len() - 1].to_vec() } else { parts };
    match module.len() {
        0 | 1 => String::new(),
        n => module[..n - 1].join("::") + "::",
    }
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in all {
        let rel = f.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        if rel == "lib.rs" {
            continue;
        }
        let code = std::fs::read_to_string(&f).unwrap();
        graph.entry(unit_of_file(&rel)).or_default().extend(imports(&rel, &code));
    }
    graph
}

/// The first import cycle found, if there is one (depth-first search).
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|s| s == n) {
            let mut c = stack[i..].to_vec();
            c.push(n.to_string());
            return Some(c);
        }
        if done.contains(n) {
            return None;
        }
        stack.push(n.to_string());
        for next in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(next, graph, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let g = graph();
    assert!(g.len() > 20, "read too few modules: {:?}", g.keys());
    if let Some(c) = cycle(&g) {
        panic!("import cycle: {}", c.join(" -> "));
    }
}

#[test]
fn pure_modules_import_nothing_above_them() {
    let g = graph();
    let mut bad = Vec::new();
    for pure in PURE {
        for dep in g.get(*pure).into_iter().flatten() {
            let top = dep.split("::").next().unwrap_or_default();
            if ABOVE.contains(&top) {
                bad.push(format!("{pure} -> {dep}"));
            }
        }
    }
    assert!(bad.is_empty(), "pure modules importing views or start-up: {bad:?}");
}

#[test]
fn the_checker_sees_cycles_and_group_imports() {
    let rel = "components/carousel.rs";
    let found = imports(rel, "use crate::{app::tr, model::X};\nuse super::article_card::ArticleCard; // crate::mount\nlet x = crate::route::a();");
    assert_eq!(found, BTreeSet::from(["app".into(), "model".into(), "components::article_card".into(), "route".into()]));
    assert_eq!(imports("api/http.rs", "use super::ApiError; use crate::api::x;"), BTreeSet::new());
    let mut g = BTreeMap::new();
    g.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    g.insert("b".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(cycle(&g), Some(vec!["a".into(), "b".into(), "a".into()]));
}
