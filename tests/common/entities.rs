//! What the entity tests read of an extraction: the texts of one kind, and
//! the official→title links as text pairs. Included with
//! `#[path = "common/entities.rs"] mod entities;`.
#![allow(dead_code)] // each test file uses its own subset

use vntext::{EntityKind, Extractor};

/// The texts of the entities of `kind` in `text`, in order.
pub fn of_kind(text: &str, kind: EntityKind) -> Vec<String> {
    Extractor::new()
        .extract(text)
        .entities
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.text.to_string())
        .collect()
}

/// The TITLE texts of `text`.
pub fn titles(text: &str) -> Vec<String> {
    of_kind(text, EntityKind::Title)
}

/// The ORGANIZATION texts of `text`.
pub fn orgs(text: &str) -> Vec<String> {
    of_kind(text, EntityKind::Organization)
}

/// The OFFICIAL texts of `text`.
pub fn people(text: &str) -> Vec<String> {
    of_kind(text, EntityKind::Official)
}

/// The links of `text` as sorted (official, title) text pairs; every link
/// must join an OFFICIAL to a TITLE.
pub fn links(text: &str) -> Vec<(String, String)> {
    let out = Extractor::new().extract(text);
    let mut v: Vec<(String, String)> = out
        .links
        .iter()
        .map(|&(o, t)| {
            assert_eq!(out.entities[o].kind, EntityKind::Official);
            assert_eq!(out.entities[t].kind, EntityKind::Title);
            (
                out.entities[o].text.to_string(),
                out.entities[t].text.to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

/// `v` as sorted owned pairs, to compare with [`links`].
pub fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = v
        .iter()
        .map(|&(a, b)| (a.to_string(), b.to_string()))
        .collect();
    v.sort();
    v
}
