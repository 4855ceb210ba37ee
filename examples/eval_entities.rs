//! Runs the extractor over an entity gold file (JSONL with `id`, `sha1`,
//! `text`, as in `../shared/data/entities-dev/`) and writes predictions with
//! character offsets, ready for `../shared/tools/entity_score.py`.
//!
//! ```sh
//! cargo run --release --example eval_entities -- ../shared/data/entities-dev/real.jsonl > pred.jsonl
//! python3 ../shared/tools/entity_score.py ../shared/data/entities-dev/real.jsonl pred.jsonl
//! ```

use std::io::{BufRead, BufReader, Write};

use vntext::Extractor;

fn main() {
    let path = match std::env::args().nth(1) {
        Some(p) => p,
        None => {
            eprintln!("usage: eval_entities GOLD.jsonl > PRED.jsonl");
            std::process::exit(2);
        }
    };
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("eval_entities: {path}: {e}");
            std::process::exit(1);
        }
    };
    let ex = Extractor::new();
    let out = std::io::stdout();
    let mut out = out.lock();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.unwrap_or_else(|e| {
            eprintln!("eval_entities: {path}: line {}: {e}", n + 1);
            std::process::exit(1)
        });
        let gold: serde_json::Value = serde_json::from_str(&line).unwrap_or_else(|e| {
            eprintln!("eval_entities: {path}: line {}: {e}", n + 1);
            std::process::exit(1)
        });
        let text = gold["text"].as_str().unwrap_or("");
        let result = ex.extract(text);
        let mut pred = serde_json::to_value(&result).expect("serializable");
        let to_char = |b: usize| text[..b].chars().count();
        if let Some(ents) = pred["entities"].as_array_mut() {
            for e in ents {
                let (s, t) = (
                    e["start"].as_u64().unwrap_or(0),
                    e["end"].as_u64().unwrap_or(0),
                );
                e["start"] = to_char(s as usize).into();
                e["end"] = to_char(t as usize).into();
            }
        }
        pred["id"] = gold["id"].clone();
        pred["sha1"] = gold["sha1"].clone();
        writeln!(out, "{pred}").expect("write");
    }
}
