//! Where tests find the shared corpora (UD treebanks, unc-news, vlc-legal,
//! the entity development set), which are not part of the repository.
//!
//! The directory is `$VNTEXT_DATA` (a relative path is taken from the crate
//! root), else `../shared/data` beside the crate. Every test that reads it is
//! `#[ignore]`d with a message naming the corpus, and fails (never passes
//! silently) when run without it:
//!
//! ```text
//! VNTEXT_DATA=../shared/data cargo test -- --ignored
//! ```
//!
//! Included by path from the integration tests (`#[path = "common/data.rs"]`)
//! and from the crate's unit tests (`src/lib.rs`), so both resolve the
//! directory the same way.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The shared data directory: `$VNTEXT_DATA`, else `../shared/data`.
pub fn dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match std::env::var_os("VNTEXT_DATA") {
        Some(d) => root.join(d),
        None => root.join("../shared/data"),
    }
}

/// `rel` inside the data directory; panics, saying how to point the tests at
/// the data, when it does not exist.
pub fn path(rel: &str) -> PathBuf {
    let p = dir().join(rel);
    assert!(
        p.exists(),
        "{} not found: set VNTEXT_DATA to the shared data directory \
         (VNTEXT_DATA=../shared/data cargo test -- --ignored)",
        p.display()
    );
    p
}

/// The text of the file `rel` inside the data directory (panics if absent).
pub fn read(rel: &str) -> String {
    let p = path(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The files of the directory `rel`, sorted by name (panics if absent or
/// empty).
pub fn files(rel: &str) -> Vec<PathBuf> {
    let d = path(rel);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&d)
        .unwrap_or_else(|e| panic!("{}: {e}", d.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "{} holds no files", d.display());
    paths
}

/// The first `n` unc-news documents (`unc-news/docs`, sorted by name), whole.
pub fn news_docs(n: usize) -> Vec<String> {
    files("unc-news/docs")
        .iter()
        .take(n)
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect()
}
