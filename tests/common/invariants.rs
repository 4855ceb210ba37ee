//! Invariants every public entry point must keep on any input.
//!
//! Shared by `tests/robustness.rs`, `tests/properties.rs` and the fuzz
//! targets in `fuzz/fuzz_targets/` (which include this file by path), so a
//! crash found by the fuzzer and its regression test check exactly the same
//! thing. Every check panics with a message naming the input position.

#![allow(dead_code)]

use std::ops::Range;

use unicode_normalization::{is_nfc, UnicodeNormalization};

/// Characters the pre-tokenizer skips between tokens besides whitespace
/// (the same set as `token::is_invisible`, which is crate-private).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}'
    )
}

/// Whether `c` may lie outside every token/word span.
pub fn is_skippable(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

fn show(s: &str) -> String {
    let mut out: String = s.chars().take(80).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    format!("{out:?} ({} bytes)", s.len())
}

/// One span: non-empty, inside `text`, on char boundaries, `piece ==
/// &text[span]`.
pub fn check_span(what: &str, text: &str, span: &Range<usize>, piece: &str) {
    assert!(
        span.start < span.end,
        "{what}: empty or reversed span {span:?} in {}",
        show(text)
    );
    assert!(
        span.end <= text.len(),
        "{what}: span {span:?} past the end of {}",
        show(text)
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} not on char boundaries in {}",
        show(text)
    );
    assert_eq!(
        &text[span.clone()],
        piece,
        "{what}: text != &input[span] for {span:?}"
    );
}

/// A sequence of spans (tokens, words, sentences): each valid, in order,
/// non-overlapping, and together covering every byte of `text` that is not
/// whitespace or an invisible character.
pub fn check_cover<'a>(
    what: &str,
    text: &str,
    spans: impl IntoIterator<Item = (Range<usize>, &'a str)>,
) {
    let mut covered = vec![false; text.len()];
    let mut last_end = 0;
    for (span, piece) in spans {
        check_span(what, text, &span, piece);
        assert!(
            span.start >= last_end,
            "{what}: span {span:?} overlaps or precedes the previous one (ended at {last_end}) in {}",
            show(text)
        );
        last_end = span.end;
        covered[span].iter_mut().for_each(|c| *c = true);
    }
    for (i, c) in text.char_indices() {
        assert!(
            covered[i] || is_skippable(c),
            "{what}: byte {i} ({c:?}) is in no span; input {}",
            show(text)
        );
    }
}

/// Tokens of the pre-tokenizer.
pub fn check_tokens(text: &str) {
    check_cover(
        "token",
        text,
        vntext::tokenize(text).map(|t| (t.span, t.text)),
    );
}

/// Words of the default segmenter; also checks that the segmenter's own
/// entry point over tokens agrees with [`vntext::segment`].
pub fn check_words(text: &str) {
    let words = vntext::segment(text);
    check_cover("word", text, words.iter().map(|w| (w.span.clone(), w.text)));
    let tokens: Vec<_> = vntext::tokenize(text).collect();
    let again = vntext::Segmenter::new().segment_tokens(text, &tokens);
    assert_eq!(words, again, "segment_tokens differs from segment");
}

/// Sentences: ordered, trimmed, covering all non-space text.
pub fn check_sentences(text: &str) {
    let sents = vntext::sentence::sentences(text);
    for s in &sents {
        assert_eq!(
            s.text.trim(),
            s.text,
            "sentence {:?} has surrounding whitespace",
            s.span
        );
    }
    check_cover(
        "sentence",
        text,
        sents.iter().map(|s| (s.span.clone(), s.text)),
    );
}

/// Entities and links of the default extractor.
pub fn check_extract(text: &str) {
    use vntext::EntityKind;
    let out = vntext::Extractor::new().extract(text);
    let ents = &out.entities;
    for e in ents {
        check_span("entity", text, &e.span, e.text);
        assert_eq!(
            e.text.trim(),
            e.text,
            "entity {:?} {:?} starts or ends with whitespace",
            e.kind,
            e.text
        );
    }
    // Documented order: (start, Reverse(end), kind).
    for w in ents.windows(2) {
        let key = |e: &vntext::Entity| (e.span.start, std::cmp::Reverse(e.span.end), e.kind);
        assert!(
            key(&w[0]) <= key(&w[1]),
            "entities out of order: {:?} {:?} then {:?} {:?}",
            w[0].kind,
            w[0].span,
            w[1].kind,
            w[1].span
        );
    }
    // Spans of one type never overlap (ENTITIES.md, general principles).
    let mut last_end: Vec<(EntityKind, usize)> = Vec::new();
    for e in ents {
        match last_end.iter_mut().find(|(k, _)| *k == e.kind) {
            Some((_, end)) => {
                assert!(
                    e.span.start >= *end,
                    "two {:?} entities overlap: ..{} and {:?} in {}",
                    e.kind,
                    end,
                    e.span,
                    show(text)
                );
                *end = e.span.end;
            }
            None => last_end.push((e.kind, e.span.end)),
        }
    }
    let mut seen = std::collections::HashSet::new();
    for &(o, t) in &out.links {
        assert!(
            o < ents.len() && t < ents.len(),
            "link ({o}, {t}) out of range ({} entities)",
            ents.len()
        );
        assert_eq!(
            ents[o].kind,
            EntityKind::Official,
            "link ({o}, {t}): first is not OFFICIAL"
        );
        assert_eq!(
            ents[t].kind,
            EntityKind::Title,
            "link ({o}, {t}): second is not TITLE"
        );
        assert!(seen.insert((o, t)), "link ({o}, {t}) repeated");
    }
    // The token entry point gives the same result.
    let tokens: Vec<_> = vntext::tokenize(text).collect();
    assert_eq!(
        vntext::Extractor::new().extract_tokens(text, &tokens),
        out,
        "extract_tokens differs from extract"
    );
}

/// `normalize`: NFC output, idempotent.
pub fn check_normalize(text: &str) {
    let once = vntext::normalize(text);
    assert!(is_nfc(&once), "normalize output not NFC for {}", show(text));
    let twice = vntext::normalize(&once);
    assert_eq!(once, twice, "normalize not idempotent for {}", show(text));
}

/// `fold`: idempotent, NFC, no combining diacritics and no đ/Đ left.
pub fn check_fold(text: &str) {
    let f = vntext::fold(text);
    assert!(is_nfc(&f), "fold output not NFC for {}", show(text));
    assert_eq!(
        vntext::fold(&f),
        f,
        "fold not idempotent for {}",
        show(text)
    );
    for c in f.nfd() {
        assert!(
            !matches!(c, '\u{0300}'..='\u{036F}' | 'đ' | 'Đ'),
            "fold left {c:?} in {:?} (input {})",
            f,
            show(text)
        );
    }
}

/// Everything that takes a `&str`.
pub fn check_all_str(text: &str) {
    check_normalize(text);
    check_fold(text);
    check_tokens(text);
    check_sentences(text);
    check_words(text);
    check_extract(text);
}
