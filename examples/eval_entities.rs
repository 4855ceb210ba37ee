//! Runs the extractor over an entity gold file (JSONL with `id`, `sha1`,
//! `text`, as in `entities-dev/` of the corpus folder, or what
//! `tools/heldout.py materialize` writes) and either writes predictions with
//! character offsets, ready for the project's `entity_score.py`, or scores
//! them itself (`--score`).
//!
//! ```sh
//! cargo run --release --example eval_entities -- entities-dev/real.jsonl --score
//! cargo run --release --example eval_entities -- /tmp/heldout_gold.jsonl > pred.jsonl
//! ```
//!
//! A relative GOLD path that does not exist is looked up in the corpus
//! folder: `$VNTEXT_DATA`, else `../shared/data` next to the repository.
//!
//! `--score` prints, per type, gold/pred/true-positive counts and P/R/F1
//! with entities matched on exact `(type, start, end)`; the micro average;
//! for matched DATE and DOCREF spans the value accuracy (all core fields
//! equal: DATE iso, end, quarter, part_of_day; DOCREF kind, number, year,
//! code, issuer, date, body; strings compared after NFC and whitespace
//! collapsing, a missing key equal to null) and per-field counts; link
//! P/R/F1 on (official span, title span) pairs. A gold line's `scope` (default
//! all five types) limits what is scored on it; links count where OFFICIAL
//! and TITLE are both in scope. The last line is `F1 <micro F1>`. These are
//! the rules of the project's scorer, `entity_score.py`; on the same
//! predictions both print the same figures.
//!
//! Errors (no file, a line that is not JSON or has no string `text`, no
//! records at all) are one line on stderr with exit status 1.

use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use serde_json::Value as Json;
use unicode_normalization::UnicodeNormalization;
use vntext::Extractor;

const TYPES: [&str; 5] = ["DATE", "DOCREF", "OFFICIAL", "TITLE", "ORGANIZATION"];

fn fail(msg: String) -> ! {
    eprintln!("eval_entities: {msg}");
    std::process::exit(1)
}

fn main() {
    let mut gold_path = None;
    let mut score = false;
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--score" => score = true,
            _ if gold_path.is_none() && !a.starts_with("--") => gold_path = Some(a),
            _ => {
                eprintln!("usage: eval_entities GOLD.jsonl [--score] > PRED.jsonl");
                std::process::exit(2);
            }
        }
    }
    let Some(gold_path) = gold_path else {
        eprintln!("usage: eval_entities GOLD.jsonl [--score] > PRED.jsonl");
        std::process::exit(2);
    };
    let path = resolve(&gold_path);
    let name = path.display().to_string();
    let file =
        std::fs::File::open(&path).unwrap_or_else(|e| fail(format!("{name}: {}", io_msg(&e))));
    let ex = Extractor::new();
    let mut pairs = Vec::new();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.unwrap_or_else(|e| fail(format!("{name}:{}: {}", n + 1, io_msg(&e))));
        if line.trim().is_empty() {
            continue;
        }
        let gold: Json = serde_json::from_str(&line)
            .unwrap_or_else(|e| fail(format!("{name}:{}: not JSON: {e}", n + 1)));
        let Some(text) = gold["text"].as_str() else {
            fail(format!(
                "{name}:{}: no \"text\" string (materialize stored sets with tools/heldout.py first)",
                n + 1
            ))
        };
        pairs.push((predict(&ex, &gold, text), gold));
    }
    if pairs.is_empty() {
        fail(format!("{name}: no records"));
    }
    let out = std::io::stdout();
    let mut out = out.lock();
    let written = if score {
        write!(out, "{}", report(&pairs))
    } else {
        pairs
            .iter()
            .try_for_each(|(pred, _)| writeln!(out, "{pred}"))
    };
    if let Err(e) = written.and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            fail(format!("write error: {}", io_msg(&e)));
        }
    }
}

/// An I/O error message without Rust's " (os error N)" suffix.
fn io_msg(e: &std::io::Error) -> String {
    let s = e.to_string();
    s.split(" (os error").next().unwrap_or(&s).to_string()
}

/// `p` itself when it exists or is absolute, else `p` in the corpus folder.
fn resolve(p: &str) -> PathBuf {
    let path = PathBuf::from(p);
    if path.exists() || path.is_absolute() {
        return path;
    }
    let data = std::env::var_os("VNTEXT_DATA").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
        PathBuf::from,
    );
    let in_data = data.join(&path);
    if in_data.exists() {
        in_data
    } else {
        path
    }
}

/// The prediction line for one gold line: the extraction with character
/// offsets, and the gold line's `id` and `sha1`.
fn predict(ex: &Extractor, gold: &Json, text: &str) -> Json {
    let result = ex.extract(text);
    let mut pred = serde_json::to_value(&result).unwrap_or_else(|e| fail(e.to_string()));
    // Byte → character offsets in one pass over the boundaries.
    let mut cuts: Vec<usize> = result
        .entities
        .iter()
        .flat_map(|e| [e.span.start, e.span.end])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut chars = BTreeMap::new();
    let (mut at, mut count) = (0, 0);
    for c in cuts {
        count += text[at..c].chars().count();
        at = c;
        chars.insert(c, count);
    }
    if let Some(ents) = pred["entities"].as_array_mut() {
        for e in ents {
            for k in ["start", "end"] {
                let b = e[k].as_u64().unwrap_or(0) as usize;
                e[k] = chars.get(&b).copied().unwrap_or(0).into();
            }
        }
    }
    pred["id"] = gold["id"].clone();
    pred["sha1"] = gold["sha1"].clone();
    pred
}

type Key = (String, u64, u64);

/// The entities of a line by `(type, start, end)`, first occurrence kept,
/// restricted to `scope`.
fn spans<'a>(line: &'a Json, scope: &HashSet<String>) -> BTreeMap<Key, &'a Json> {
    let mut out = BTreeMap::new();
    for e in line["entities"].as_array().into_iter().flatten() {
        let t = e["type"].as_str().unwrap_or("").to_string();
        if !scope.contains(&t) {
            continue;
        }
        let key = (
            t,
            e["start"].as_u64().unwrap_or(0),
            e["end"].as_u64().unwrap_or(0),
        );
        out.entry(key).or_insert(e);
    }
    out
}

/// `(official span, title span)` pairs of a line's links.
fn links(line: &Json) -> HashSet<((u64, u64), (u64, u64))> {
    let ents = line["entities"].as_array().cloned().unwrap_or_default();
    let span = |e: &Json| {
        (
            e["start"].as_u64().unwrap_or(0),
            e["end"].as_u64().unwrap_or(0),
        )
    };
    line["links"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|pair| {
            let a = ents.get(pair.get(0)?.as_u64()? as usize)?;
            let b = ents.get(pair.get(1)?.as_u64()? as usize)?;
            (a["type"] == "OFFICIAL" && b["type"] == "TITLE").then(|| (span(a), span(b)))
        })
        .collect()
}

/// A value field for comparison: strings in NFC with whitespace collapsed.
fn norm(v: Option<&Json>) -> Json {
    match v {
        None => Json::Null,
        Some(Json::String(s)) => {
            let nfc: String = s.nfc().collect();
            Json::String(nfc.split_whitespace().collect::<Vec<_>>().join(" "))
        }
        Some(v) => v.clone(),
    }
}

fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// The scoring report over `(pred, gold)` pairs.
fn report(pairs: &[(Json, Json)]) -> String {
    let core = |t: &str| -> &'static [&'static str] {
        match t {
            "DATE" => &["iso", "end", "quarter", "part_of_day"],
            "DOCREF" => &["kind", "number", "year", "code", "issuer", "date", "body"],
            _ => &[],
        }
    };
    let mut counts: BTreeMap<&str, [usize; 5]> = BTreeMap::new(); // gold, pred, tp, fp, fn
    let mut fields: BTreeMap<(&str, String), [usize; 2]> = BTreeMap::new();
    let mut values: BTreeMap<&str, [usize; 2]> = BTreeMap::new();
    let (mut ltp, mut lfp, mut lfn) = (0, 0, 0);
    for (pred, gold) in pairs {
        let scope: HashSet<String> = match gold["scope"].as_array() {
            Some(s) => s
                .iter()
                .filter_map(|t| t.as_str().map(String::from))
                .collect(),
            None => TYPES.iter().map(|t| t.to_string()).collect(),
        };
        let g = spans(gold, &scope);
        let p = spans(pred, &scope);
        for (k, ge) in &g {
            let t = TYPES.iter().find(|t| **t == k.0).copied().unwrap_or("?");
            let c = counts.entry(t).or_default();
            c[0] += 1;
            match p.get(k) {
                Some(pe) => {
                    c[2] += 1;
                    if core(t).is_empty() {
                        continue;
                    }
                    let (gv, pv) = (&ge["value"], &pe["value"]);
                    let mut names: Vec<String> = core(t).iter().map(|s| s.to_string()).collect();
                    names.extend(gv.as_object().into_iter().flatten().map(|(k, _)| k.clone()));
                    names.sort();
                    names.dedup();
                    let mut all = true;
                    for f in names {
                        let same = norm(gv.get(&f)) == norm(pv.get(&f));
                        if core(t).contains(&f.as_str()) && !same {
                            all = false;
                        }
                        let fc = fields.entry((t, f)).or_default();
                        fc[0] += usize::from(same);
                        fc[1] += 1;
                    }
                    let v = values.entry(t).or_default();
                    v[0] += usize::from(all);
                    v[1] += 1;
                }
                None => c[4] += 1,
            }
        }
        for k in p.keys() {
            let t = TYPES.iter().find(|t| **t == k.0).copied().unwrap_or("?");
            let c = counts.entry(t).or_default();
            c[1] += 1;
            if !g.contains_key(k) {
                c[3] += 1;
            }
        }
        if scope.contains("OFFICIAL") && scope.contains("TITLE") {
            let (gl, pl) = (links(gold), links(pred));
            ltp += gl.intersection(&pl).count();
            lfp += pl.difference(&gl).count();
            lfn += gl.difference(&pl).count();
        }
    }
    let mut s = String::new();
    use std::fmt::Write as _;
    let _ = writeln!(
        s,
        "{:<13} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}",
        "type", "gold", "pred", "tp", "P", "R", "F1"
    );
    let mut micro = [0usize; 3];
    for t in TYPES {
        let c = counts.get(t).copied().unwrap_or_default();
        let (p, r, f) = prf(c[2], c[3], c[4]);
        micro[0] += c[2];
        micro[1] += c[3];
        micro[2] += c[4];
        let _ = writeln!(
            s,
            "{t:<13} {:>6} {:>6} {:>6} {p:>7.4} {r:>7.4} {f:>7.4}",
            c[0], c[1], c[2]
        );
    }
    let (mp, mr, mf) = prf(micro[0], micro[1], micro[2]);
    let _ = writeln!(
        s,
        "{:<13} {:>6} {:>6} {:>6} {mp:>7.4} {mr:>7.4} {mf:>7.4}",
        "micro",
        micro[0] + micro[2],
        micro[0] + micro[1],
        micro[0]
    );
    for t in ["DATE", "DOCREF"] {
        let [ok, n] = values.get(t).copied().unwrap_or_default();
        let acc = if n == 0 {
            "n/a".to_string()
        } else {
            format!("{:.4}", ok as f64 / n as f64)
        };
        let per_field: Vec<String> = fields
            .iter()
            .filter(|((ft, _), _)| *ft == t)
            .map(|((_, f), [c, n])| format!("{f} {c}/{n}"))
            .collect();
        let _ = writeln!(
            s,
            "value {t:<7} value acc {acc} ({ok}/{n} matched spans); fields: {}",
            if per_field.is_empty() {
                "-".to_string()
            } else {
                per_field.join(", ")
            }
        );
    }
    let (lp, lr, lf) = prf(ltp, lfp, lfn);
    let _ = writeln!(
        s,
        "links         {:>6} {:>6} {ltp:>6} {lp:>7.4} {lr:>7.4} {lf:>7.4}",
        ltp + lfn,
        ltp + lfp
    );
    let _ = writeln!(s, "F1 {mf:.4}");
    s
}
