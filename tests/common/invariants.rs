//! Invariants every public entry point must keep on any input.
//!
//! Shared by `tests/robustness.rs`, `tests/properties.rs` and the fuzz
//! targets in `fuzz/fuzz_targets/` (which include this file by path), so a
//! crash found by the fuzzer and its regression test check exactly the same
//! thing. Every check panics with a message naming the input position.

#![allow(dead_code)]

use std::ops::Range;

use unicode_normalization::{is_nfc, UnicodeNormalization};

/// Characters the pre-tokenizer skips between tokens besides whitespace:
/// the alphabet's invisible characters (the same list the cleanup removes).
pub use vntext::chars::is_invisible;

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
    check_words_vlsp(text, &words, &tokens);
}

/// Words of the VLSP convention: they cover the text too, each is a run of
/// whole UD words `ud`, and the entry point over tokens agrees.
fn check_words_vlsp(text: &str, ud: &[vntext::Word<'_>], tokens: &[vntext::Token<'_>]) {
    let seg = vntext::Segmenter::builder()
        .convention(vntext::Convention::Vlsp)
        .build()
        .expect("the embedded segmenter");
    let words = seg.segment(text);
    check_cover(
        "VLSP word",
        text,
        words.iter().map(|w| (w.span.clone(), w.text)),
    );
    let mut k = 0;
    for w in &words {
        assert!(
            ud.get(k).is_some_and(|u| u.span.start == w.span.start),
            "VLSP word {:?} does not start a UD word in {}",
            w.span,
            show(text)
        );
        while ud.get(k).is_some_and(|u| u.span.end < w.span.end) {
            k += 1;
        }
        assert!(
            ud.get(k).is_some_and(|u| u.span.end == w.span.end),
            "VLSP word {:?} does not end a UD word in {}",
            w.span,
            show(text)
        );
        k += 1;
    }
    assert_eq!(
        k,
        ud.len(),
        "VLSP words leave UD words out in {}",
        show(text)
    );
    assert_eq!(
        seg.segment_tokens(text, tokens),
        words,
        "VLSP segment_tokens differs from segment"
    );
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

/// Every [`Normalizer`](vntext::normalize::Normalizer) configuration: NFC
/// output, idempotent, and `--tone keep --no-cleanup` is exactly NFC.
pub fn check_normalizers(text: &str) {
    use vntext::normalize::{Normalizer, ToneStyle};
    for tone in [ToneStyle::Modern, ToneStyle::Traditional, ToneStyle::Keep] {
        for cleanup in [true, false] {
            let n = Normalizer::builder().tone(tone).cleanup(cleanup).build();
            let once = n.normalize(text);
            assert!(
                is_nfc(&once),
                "{tone:?}/cleanup={cleanup}: output not NFC for {}",
                show(text)
            );
            let twice = n.normalize(&once);
            assert_eq!(
                once,
                twice,
                "{tone:?}/cleanup={cleanup}: not idempotent for {}",
                show(text)
            );
            if tone == ToneStyle::Keep && !cleanup {
                let nfc: String = text.nfc().collect();
                assert_eq!(once, nfc, "keep/no-cleanup is not NFC for {}", show(text));
            }
        }
    }
}

/// [`Analyzer`](vntext::Analyzer) gives what the stages give one by one.
pub fn check_analyze(text: &str) {
    let doc = vntext::Analyzer::new().analyze(text);
    assert_eq!(
        doc.sentences,
        vntext::sentence::sentences(text),
        "analyze: sentences differ"
    );
    assert_eq!(doc.words, vntext::segment(text), "analyze: words differ");
    let ex = vntext::Extractor::new().extract(text);
    assert_eq!(doc.entities, ex.entities, "analyze: entities differ");
    assert_eq!(doc.links, ex.links, "analyze: links differ");
}

/// The syllable parser: no panic; a parsed syllable renders, in both tone
/// styles, to NFC text with the same letters, rendering is stable, and a
/// valid syllable stays valid.
pub fn check_syllable(text: &str) {
    use vntext::normalize::ToneStyle;
    use vntext::syllable::{is_valid, Syllable};
    let parsed = Syllable::parse(text);
    let valid = is_valid(text);
    let Some(s) = parsed else {
        assert!(!valid, "is_valid but no parse: {}", show(text));
        return;
    };
    assert_eq!(
        s.is_valid(),
        valid,
        "Syllable::is_valid and is_valid(&str) disagree on {}",
        show(text)
    );
    for style in [ToneStyle::Modern, ToneStyle::Traditional] {
        let r = s.render(style);
        assert!(
            is_nfc(&r),
            "render({style:?}) of {} not NFC: {r:?}",
            show(text)
        );
        assert_eq!(
            vntext::fold(&r),
            vntext::fold(text),
            "render({style:?}) of {} changed letters: {r:?}",
            show(text)
        );
        let again = Syllable::parse(&r)
            .unwrap_or_else(|| panic!("render({style:?}) of {} does not parse: {r:?}", show(text)));
        assert_eq!(
            again.render(style),
            r,
            "render({style:?}) not stable for {}",
            show(text)
        );
        if valid {
            assert!(
                is_valid(&r),
                "render({style:?}) of valid {} is invalid: {r:?}",
                show(text)
            );
        }
    }
}

/// Legacy decoding of arbitrary bytes: no panic, NFC output, `decode_lossy`
/// agrees with a successful `decode`, a decoded text encodes back to bytes
/// that decode to the same text (TCVN3: up to case, see the module docs),
/// and detection gives a confidence in 0..=1.
pub fn check_legacy(bytes: &[u8]) {
    use vntext::legacy::{decode, decode_lossy, encode, Encoding};
    for enc in Encoding::ALL {
        let lossy = decode_lossy(bytes, enc);
        assert!(
            is_nfc(&lossy),
            "{enc}: decode_lossy not NFC for {bytes:02X?}"
        );
        match decode(bytes, enc) {
            Ok(s) => assert_eq!(
                s, lossy,
                "{enc}: decode and decode_lossy differ on {bytes:02X?}"
            ),
            Err(_) => assert!(
                lossy.contains('\u{FFFD}'),
                "{enc}: decode failed but decode_lossy has no U+FFFD for {bytes:02X?}"
            ),
        }
        if let Ok(back) = encode(&lossy, enc) {
            let again = decode(&back, enc).expect("encoded bytes decode");
            if enc == Encoding::Tcvn3 {
                assert_eq!(
                    again.to_lowercase(),
                    lossy.to_lowercase(),
                    "{enc}: decode(encode(s)) != s for {bytes:02X?}"
                );
            } else {
                assert_eq!(
                    again, lossy,
                    "{enc}: decode(encode(s)) != s for {bytes:02X?}"
                );
            }
        }
    }
    let d = Encoding::detect(bytes);
    assert!(
        (0.0..=1.0).contains(&d.confidence),
        "detect: confidence {} out of range for {bytes:02X?}",
        d.confidence
    );
}

/// Everything that takes a `&str`.
pub fn check_all_str(text: &str) {
    check_normalize(text);
    check_normalizers(text);
    check_fold(text);
    check_tokens(text);
    check_sentences(text);
    check_words(text);
    check_extract(text);
    check_analyze(text);
    for t in vntext::tokenize(text).take(1000) {
        check_syllable(t.text);
    }
}
