//! The module graph of `src/`, read from the source: no module cycles, and
//! no stage imports a stage above it.
//!
//! The library crate is read (`src/` without `src/bin/`, whose programs are
//! crates of their own). Every `crate::…`, `super::…` and `self::…` path
//! outside the `#[cfg(test)]` modules is resolved to the module it names (an item re-exported at the
//! crate root counts as its defining module). A path from a module into one
//! of its ancestors or descendants stays inside one module tree and is
//! allowed (a recognizer using `super::Entity`). Any other path is an edge
//! between two siblings of the module tree (the children of the closest
//! common ancestor that hold the two ends); at every level the edges between
//! siblings must form no cycle. At the top level each stage must moreover
//! sit strictly above every stage it uses, in the order of [`LAYERS`].
//!
//! Also runnable on its own as a quick report: `cargo test --test layers --
//! --nocapture` prints the top-level edges.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The stages, bottom first. A module may use modules of a lower layer
/// only; modules of one layer are independent of each other.
const LAYERS: &[&[&str]] = &[
    &["error"],
    &["chars"],
    &["key", "syllable"],
    &["normalize", "token"],
    &["lex", "sentence"],
    &["extract", "segment"],
    &["analyze"],
];

/// A module path (`["normalize", "tone"]`; the crate root is empty).
type Module = Vec<String>;

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "bin")
                && p.parent().is_some_and(|d| d.ends_with("src"))
            {
                continue; // binaries are crates of their own
            }
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The module a file under `src/` defines.
fn module_of(rel: &Path) -> Module {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" && !(stem == "main" && parts.is_empty()) {
        parts.push(stem.to_string());
    }
    parts
}

/// The code of a file without comments, string literals and the
/// `#[cfg(test)]` modules (which, by the crate's convention, end the file).
fn code_of(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut end = lines.len();
    for i in 0..lines.len() {
        if lines[i].trim() == "#[cfg(test)]" {
            let next = lines[i + 1..].iter().find(|l| !l.trim().is_empty());
            if next.is_some_and(|l| {
                let l = l.trim_start();
                l.starts_with("mod ")
                    || l.starts_with("pub mod ")
                    || l.starts_with("pub(crate) mod ")
            }) {
                end = i;
                break;
            }
        }
    }
    let src = lines[..end].join("\n");
    // Comments and strings out (char literals are short and hold no path).
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            let mut depth = 0;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else {
            let c = src[i..].chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The paths (as segment lists, first segment `crate`, `super` or `self`)
/// written in `code`, with `{a, b::c}` groups expanded.
fn paths_in(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !is_ident(chars[i - 1]);
        if starts_word && is_ident(chars[i]) {
            let mut j = i;
            while j < chars.len() && is_ident(chars[j]) {
                j += 1;
            }
            let word: String = chars[i..j].iter().collect();
            if matches!(word.as_str(), "crate" | "super" | "self") {
                let (end, mut paths) = parse_tail(&chars, j, vec![word]);
                out.append(&mut paths);
                i = end.max(j);
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

/// Reads `::seg::seg…` or `::{…}` after `prefix`, from `i`.
fn parse_tail(chars: &[char], mut i: usize, mut prefix: Vec<String>) -> (usize, Vec<Vec<String>>) {
    let skip_ws = |i: &mut usize| {
        while *i < chars.len() && chars[*i].is_whitespace() {
            *i += 1;
        }
    };
    loop {
        let mut k = i;
        skip_ws(&mut k);
        if !(k + 1 < chars.len() && chars[k] == ':' && chars[k + 1] == ':') {
            return (i, vec![prefix]);
        }
        k += 2;
        skip_ws(&mut k);
        if k < chars.len() && chars[k] == '{' {
            // A group: each item is a path relative to the prefix.
            let mut depth = 0;
            let mut item = String::new();
            let mut items = Vec::new();
            while k < chars.len() {
                let c = chars[k];
                k += 1;
                match c {
                    '{' => {
                        depth += 1;
                        if depth > 1 {
                            item.push(c);
                        }
                    }
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            items.push(std::mem::take(&mut item));
                            break;
                        }
                        item.push(c);
                    }
                    ',' if depth == 1 => items.push(std::mem::take(&mut item)),
                    _ => item.push(c),
                }
            }
            let mut paths = Vec::new();
            for it in items {
                let it: Vec<char> = it.trim().chars().collect();
                if it.is_empty() {
                    continue;
                }
                let mut j = 0;
                while j < it.len() && is_ident(it[j]) {
                    j += 1;
                }
                let first: String = it[..j].iter().collect();
                let mut p = prefix.clone();
                if first != "self" && !first.is_empty() {
                    p.push(first);
                }
                let (_, mut sub) = parse_tail(&it, j, p);
                paths.append(&mut sub);
            }
            return (k, paths);
        }
        let mut j = k;
        while j < chars.len() && is_ident(chars[j]) {
            j += 1;
        }
        if j == k {
            return (i, vec![prefix]); // `::*` or `::<T>`
        }
        prefix.push(chars[k..j].iter().collect());
        i = j;
    }
}

/// The module a path written in `from` names: the longest prefix that is a
/// module (an item re-exported at the root counts as its module).
fn resolve(
    from: &Module,
    path: &[String],
    modules: &BTreeSet<Module>,
    root_items: &BTreeMap<String, Module>,
) -> Module {
    let mut base: Module = Vec::new();
    let mut rest = path;
    match path[0].as_str() {
        "crate" => rest = &path[1..],
        "self" => {
            base = from.clone();
            rest = &path[1..];
        }
        _ => {
            base = from.clone();
            while rest.first().is_some_and(|s| s == "super") {
                base.pop();
                rest = &rest[1..];
            }
        }
    }
    let mut m = base;
    for seg in rest {
        let mut next = m.clone();
        next.push(seg.clone());
        if modules.contains(&next) {
            m = next;
        } else {
            if m.is_empty() {
                if let Some(def) = root_items.get(seg) {
                    return def.clone();
                }
            }
            break;
        }
    }
    m
}

/// A cycle in `edges` (as the list of its nodes), if any.
fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_string(), 1);
        stack.push(n.to_string());
        for m in edges.get(n).into_iter().flatten() {
            match state.get(m.as_str()).copied().unwrap_or(0) {
                1 => {
                    let at = stack.iter().position(|s| s == m).unwrap();
                    let mut cycle = stack[at..].to_vec();
                    cycle.push(m.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(m, edges, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in edges.keys() {
        if state.get(n).copied().unwrap_or(0) == 0 {
            let mut stack = Vec::new();
            if let Some(c) = visit(n, edges, &mut state, &mut stack) {
                return Some(c);
            }
        }
    }
    None
}

/// Sibling edges grouped by their parent module, with the files that
/// make each edge.
type Edges = BTreeMap<Module, BTreeMap<String, BTreeSet<String>>>;

fn graph() -> (Edges, BTreeMap<(String, String), BTreeSet<String>>) {
    graph_of(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

/// [`graph`] of the crate whose root file (`lib.rs` or `main.rs`) is in
/// `src`.
fn graph_of(src: &Path) -> (Edges, BTreeMap<(String, String), BTreeSet<String>>) {
    let src = src.to_path_buf();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut modules = BTreeSet::new();
    let mut code = Vec::new();
    for f in &files {
        let m = module_of(f.strip_prefix(&src).unwrap());
        modules.insert(m.clone());
        code.push((f.clone(), m, code_of(&std::fs::read_to_string(f).unwrap())));
    }
    // Items re-exported at the root: `pub use a::{B, c};`.
    let mut root_items = BTreeMap::new();
    for (_, m, c) in &code {
        if !m.is_empty() {
            continue;
        }
        for stmt in c.split(';') {
            let Some(rest) = stmt.trim().strip_prefix("pub use ") else {
                continue;
            };
            let rest = rest.trim();
            for p in paths_in(&format!("crate::{rest}")) {
                let module: Module = p[1..2].to_vec();
                if let Some(last) = p.last() {
                    root_items.insert(last.clone(), module);
                }
            }
        }
    }
    let mut edges: Edges = BTreeMap::new();
    let mut why = BTreeMap::new();
    for (file, from, c) in &code {
        if from.is_empty() {
            continue; // the root declares and re-exports every module
        }
        for p in paths_in(c) {
            let to = resolve(from, &p, &modules, &root_items);
            let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
            if common == from.len() || common == to.len() {
                continue; // within one module tree
            }
            let (a, b) = (from[common].clone(), to[common].clone());
            edges
                .entry(from[..common].to_vec())
                .or_default()
                .entry(a.clone())
                .or_default()
                .insert(b.clone());
            why.entry((a, b))
                .or_insert_with(BTreeSet::new)
                .insert(format!(
                    "{} ({})",
                    file.strip_prefix(&src).unwrap().display(),
                    p.join("::")
                ));
        }
    }
    (edges, why)
}

#[test]
fn no_module_cycle() {
    assert_no_cycle(graph());
}

#[test]
fn no_module_cycle_in_the_command() {
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/bin/vntext");
    let (edges, why) = graph_of(&bin);
    assert!(
        edges.values().any(|e| !e.is_empty()),
        "the command's modules use each other: the graph cannot be empty"
    );
    assert_no_cycle((edges, why));
}

fn assert_no_cycle((edges, why): (Edges, BTreeMap<(String, String), BTreeSet<String>>)) {
    for (parent, e) in &edges {
        if let Some(cycle) = find_cycle(e) {
            let detail: Vec<String> = cycle
                .windows(2)
                .map(|w| {
                    let files = &why[&(w[0].clone(), w[1].clone())];
                    format!("{} -> {}: {files:?}", w[0], w[1])
                })
                .collect();
            panic!(
                "module cycle under `crate::{}`: {}\n{}",
                parent.join("::"),
                cycle.join(" -> "),
                detail.join("\n")
            );
        }
    }
}

#[test]
fn stages_import_only_lower_stages() {
    let (edges, why) = graph();
    let layer = |m: &str| {
        LAYERS
            .iter()
            .position(|l| l.contains(&m))
            .unwrap_or_else(|| panic!("module `{m}` is missing from LAYERS"))
    };
    let top = edges.get(&Vec::new()).cloned().unwrap_or_default();
    let mut bad = Vec::new();
    for (from, tos) in &top {
        for to in tos {
            println!("{from} -> {to}");
            if layer(to) >= layer(from) {
                bad.push(format!(
                    "{from} (layer {}) uses {to} (layer {}): {:?}",
                    layer(from),
                    layer(to),
                    why[&(from.clone(), to.clone())]
                ));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    // The bottom two stages use nothing but what is below them.
    for low in ["chars", "syllable"] {
        for to in top.get(low).into_iter().flatten() {
            assert!(layer(to) < layer(low), "{low} uses {to}");
        }
    }
}

#[test]
fn the_reader_sees_paths() {
    // The parser itself, on code written for this test.
    let code = code_of(
        "use crate::chars::{self, Tone};\nuse super::{a::b, C};\n// crate::no\n\
         let x = \"crate::no\"; crate::token::tokenize(s);\n#[cfg(test)]\nmod tests {\n use crate::z;\n}\n",
    );
    let paths: Vec<String> = paths_in(&code).iter().map(|p| p.join("::")).collect();
    assert_eq!(
        paths,
        [
            "crate::chars",
            "crate::chars::Tone",
            "super::a::b",
            "super::C",
            "crate::token::tokenize"
        ]
    );
}
