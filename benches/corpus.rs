//! Shared by the benches: a realistic corpus of about `bytes` bytes.
//!
//! Reads the news articles in `$VNTEXT_DATA/unc-news/docs/` (default
//! `../shared/data`; one sentence a line; `#` header lines skipped) when
//! present, else the bundled samples in
//! `data/samples/`. Set `VNTEXT_BENCH_CORPUS` to a directory of `.txt` files
//! to bench on other text.

use std::path::{Path, PathBuf};

fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Returns `(description, text)` with at least `bytes` bytes (the bundled
/// samples are repeated when they are smaller).
pub fn load(bytes: usize) -> (String, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        std::env::var_os("VNTEXT_BENCH_CORPUS").map(PathBuf::from),
        Some(
            std::env::var_os("VNTEXT_DATA")
                .map_or_else(|| root.join("../shared/data"), PathBuf::from)
                .join("unc-news/docs"),
        ),
        Some(root.join("data/samples")),
    ];
    for dir in candidates.into_iter().flatten() {
        let files = txt_files(&dir);
        if files.is_empty() {
            continue;
        }
        let mut text = String::new();
        'outer: while text.len() < bytes {
            let before = text.len();
            for f in &files {
                let Ok(s) = std::fs::read_to_string(f) else {
                    continue;
                };
                for line in s.lines().filter(|l| !l.starts_with('#')) {
                    text.push_str(line);
                    text.push('\n');
                }
                if text.len() >= bytes {
                    break 'outer;
                }
            }
            if text.len() == before {
                break;
            }
        }
        if !text.is_empty() {
            return (dir.display().to_string(), text);
        }
    }
    ("(no corpus found)".into(), String::new())
}

/// Splits `text` into documents of about `size` bytes at line boundaries.
#[allow(dead_code)]
pub fn documents(text: &str, size: usize) -> Vec<&str> {
    let mut docs = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + size).min(text.len());
        while end < text.len() && text.as_bytes()[end - 1] != b'\n' {
            end += 1;
        }
        docs.push(&text[start..end]);
        start = end;
    }
    docs
}
