//! Property tests over generated Vietnamese-like text.
//!
//! Text is built from random syllables (onset + rhyme + tone mark, the mark
//! placed on the canonical vowel, on another letter, or after the whole
//! syllable), written in NFC, NFD or a mix, in random case, with numbers,
//! punctuation, title and document-number words, look-alike letters (ETH Ð,
//! Cyrillic а/о), zero-width characters and assorted spaces between them.
//!
//! Each property runs 64 cases by default so `cargo test` stays fast, from a
//! fixed seed so a CI run is reproducible; set `VNTEXT_PROPTEST_CASES=100000`
//! for a long run and `VNTEXT_PROPTEST_SEED=<u64>` (or `random`) to explore
//! other inputs.

#[path = "common/invariants.rs"]
mod invariants;

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

fn config() -> ProptestConfig {
    use proptest::test_runner::RngSeed;
    let cases = std::env::var("VNTEXT_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    let rng_seed = match std::env::var("VNTEXT_PROPTEST_SEED").ok().as_deref() {
        Some("random") => RngSeed::Random,
        Some(v) => RngSeed::Fixed(v.parse().unwrap_or(0x5EED)),
        None => RngSeed::Fixed(0x5EED),
    };
    ProptestConfig {
        cases,
        rng_seed,
        ..ProptestConfig::default()
    }
}

const ONSETS: &[&str] = &[
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
];

/// Rhymes without tone, and the byte index of the letter that carries the
/// tone in the modern style (the mark goes right after that letter in NFD).
const RHYMES: &[(&str, usize)] = &[
    ("a", 0),
    ("ai", 0),
    ("ao", 0),
    ("au", 0),
    ("ay", 0),
    ("âu", 0),
    ("ây", 0),
    ("an", 0),
    ("ang", 0),
    ("anh", 0),
    ("ăn", 0),
    ("ăng", 0),
    ("ât", 0),
    ("e", 0),
    ("eo", 0),
    ("em", 0),
    ("ê", 0),
    ("êu", 0),
    ("ênh", 0),
    ("i", 0),
    ("ia", 0),
    ("iêu", 1),
    ("iên", 1),
    ("iêt", 1),
    ("in", 0),
    ("o", 0),
    ("oa", 1),
    ("oai", 1),
    ("oan", 1),
    ("oang", 1),
    ("oe", 1),
    ("oi", 0),
    ("ong", 0),
    ("ô", 0),
    ("ôi", 0),
    ("ông", 0),
    ("ơ", 0),
    ("ơi", 0),
    ("ơn", 0),
    ("u", 0),
    ("ua", 0),
    ("uân", 1),
    ("uê", 1),
    ("ui", 0),
    ("ung", 0),
    ("uy", 1),
    ("uyên", 2),
    ("ư", 0),
    ("ưa", 0),
    ("ươi", 1),
    ("ương", 1),
    ("ưu", 0),
    ("y", 0),
    ("yên", 1),
];

/// No tone, huyền, sắc, hỏi, ngã, nặng.
const TONES: &[&str] = &[
    "", "\u{0300}", "\u{0301}", "\u{0309}", "\u{0303}", "\u{0323}",
];

/// Words that steer the text into the entity recognizers.
const KEYWORDS: &[&str] = &[
    "Phó",
    "Bí thư",
    "Chủ tịch",
    "UBND",
    "HĐND",
    "Tỉnh ủy",
    "nguyên",
    "đồng chí",
    "ông",
    "số",
    "Nghị quyết",
    "Quyết định",
    "ngày",
    "tháng",
    "năm",
    "quý",
    "Sáng",
    "của",
    "Bộ",
    "TP.",
    "Nguyễn Văn",
    "Trần Thị",
];

const NUMBERS: &[&str] = &[
    "26/12",
    "18/5/2021",
    "01-KL/TW",
    "45/2019/NĐ-CP",
    "1.234,5",
    "10h30",
    "2020-2025",
    "0",
    "03",
    "I/2023",
    "XII",
];
const PUNCT: &[&str] = &[
    ".", ",", ";", ":", "!", "?", "...", "…", "(", ")", "\"", "«", "»", "-", "–", "/", "%", "₫",
];
const LOOKALIKES: &[&str] = &["Ð", "ð", "\u{0430}", "\u{043E}", "\u{0110}", "Þ"];
/// Invisible characters without the joiners (U+200C, U+200D); `JOINERS`
/// adds them (`normalize_with_joiners_is_idempotent`).
const INVISIBLE: &[&str] = &["\u{200B}", "\u{FEFF}", "\u{00AD}", "\u{2060}"];
const JOINERS: &[&str] = &[
    "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{00AD}", "\u{2060}",
];
const SPACES: &[&str] = &[
    " ", " ", " ", "  ", "\n", "\t", "\u{00A0}", "\r\n", "\u{3000}",
];

/// How a syllable's tone mark is placed.
#[derive(Clone, Copy, Debug)]
enum Place {
    /// After the canonical vowel (modern style).
    Canonical,
    /// After some other letter (a misplaced mark, possibly on a consonant).
    Other(usize),
    /// After the last letter.
    End,
}

/// A syllable in NFD-ish form: letters with the tone mark after one of them.
fn syllable() -> impl Strategy<Value = String> {
    placed_syllable().prop_map(|(s, _)| s)
}

/// A syllable and where its tone mark was put.
fn placed_syllable() -> impl Strategy<Value = (String, Place)> {
    (
        prop::sample::select(ONSETS),
        prop::sample::select(RHYMES),
        prop::sample::select(TONES),
        prop_oneof![
            4 => Just(Place::Canonical),
            1 => (0usize..8).prop_map(Place::Other),
            1 => Just(Place::End),
        ],
        0u8..4,
    )
        .prop_map(|(onset, (rhyme, vowel), tone, place, case)| {
            let letters: Vec<char> = onset.chars().chain(rhyme.chars()).collect();
            let at = match place {
                Place::Canonical => onset.chars().count() + vowel,
                Place::Other(k) => k % letters.len(),
                Place::End => letters.len() - 1,
            };
            let mut s = String::new();
            for (i, c) in letters.iter().enumerate() {
                let c: String = match case {
                    1 if i == 0 => c.to_uppercase().collect(),
                    2 => c.to_uppercase().collect(),
                    _ => c.to_string(),
                };
                s.push_str(&c);
                if i == at {
                    s.push_str(tone);
                }
            }
            (s, place)
        })
}

/// Unicode form of a piece: as built, NFC or NFD.
fn form(s: String, f: u8) -> String {
    match f {
        0 => s.nfc().collect(),
        1 => s.nfd().collect(),
        _ => s,
    }
}

/// Pure Vietnamese text: syllables (any form), ASCII spaces, digits and
/// punctuation only.
fn vietnamese_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            syllable(),
            0u8..3,
            prop::sample::select(&[" ", " ", " ", ", ", ". ", "\n", " 12 ", "-", "_"][..]),
        ),
        0..40,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .map(|(s, f, sep)| form(s, f) + sep)
            .collect()
    })
}

/// Mixed text: everything above plus look-alikes, invisible characters,
/// exotic spaces and keywords, sometimes glued together without a space.
fn mixed_text() -> impl Strategy<Value = String> {
    mixed_text_with(INVISIBLE)
}

fn mixed_text_with(invisible: &'static [&'static str]) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => (syllable(), 0u8..3).prop_map(|(s, f)| form(s, f)),
        2 => prop::sample::select(KEYWORDS).prop_map(str::to_owned),
        2 => prop::sample::select(NUMBERS).prop_map(str::to_owned),
        2 => prop::sample::select(PUNCT).prop_map(str::to_owned),
        1 => prop::sample::select(LOOKALIKES).prop_map(str::to_owned),
        1 => prop::sample::select(invisible).prop_map(str::to_owned),
        1 => prop::sample::select(TONES).prop_map(str::to_owned),
    ];
    prop::collection::vec(
        (
            piece,
            prop_oneof![3 => prop::sample::select(SPACES), 1 => Just("")],
        ),
        0..60,
    )
    .prop_map(|parts| parts.into_iter().map(|(p, sp)| p + sp).collect())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn normalize_is_nfc_and_idempotent(text in mixed_text()) {
        invariants::check_normalize(&text);
        invariants::check_normalizers(&text);
        invariants::check_fold(&text);
    }

    #[test]
    fn normalize_with_joiners_is_idempotent(text in mixed_text_with(JOINERS)) {
        invariants::check_normalize(&text);
        invariants::check_normalizers(&text);
    }

    #[test]
    fn syllables_parse_and_render(syl in placed_syllable(), f in 0u8..3) {
        let (raw, place) = syl;
        let text = form(raw, f);
        invariants::check_syllable(&text);
        // A valid syllable whose mark sits where the modern style puts it
        // is already canonical: normalizing and rendering leave its NFC.
        let nfc: String = text.nfc().collect();
        if matches!(place, Place::Canonical) && vntext::syllable::is_valid(&nfc) {
            let s = vntext::syllable::Syllable::parse(&nfc).unwrap();
            prop_assert_eq!(s.render(vntext::normalize::ToneStyle::Modern), nfc.clone());
            prop_assert_eq!(vntext::normalize(&text), nfc);
        }
    }

    #[test]
    fn normalize_ignores_canonical_form(text in vietnamese_text()) {
        // Canonically equivalent inputs normalize to the same string.
        let nfc: String = text.nfc().collect();
        let nfd: String = text.nfd().collect();
        prop_assert_eq!(vntext::normalize(&nfc), vntext::normalize(&nfd));
    }

    #[test]
    fn fold_of_vietnamese_is_ascii(text in vietnamese_text()) {
        let folded = vntext::fold(&text);
        prop_assert!(folded.is_ascii(), "fold({:?}) = {:?}", text, folded);
        // Folding keeps the letters: normalizing first changes nothing.
        let nfd: String = text.nfd().collect();
        let normalized = vntext::normalize(&text);
        prop_assert_eq!(vntext::fold(&normalized), folded.clone());
        prop_assert_eq!(vntext::fold(&nfd), folded);
    }

    #[test]
    fn tokens_words_sentences_cover_the_text(text in mixed_text()) {
        invariants::check_tokens(&text);
        invariants::check_words(&text);
        invariants::check_sentences(&text);
        invariants::check_analyze(&text);
    }

    #[test]
    fn entity_spans_are_valid(text in mixed_text()) {
        invariants::check_extract(&text);
    }
}

/// The generator really produces what the module doc promises (so the
/// properties above are not vacuous).
#[test]
fn generator_produces_vietnamese() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut all = String::new();
    for _ in 0..200 {
        all.push_str(&mixed_text().new_tree(&mut runner).unwrap().current());
    }
    let nfc: String = all.nfc().collect();
    for needle in ["\u{0301}", "\u{200B}", "\u{0430}", "Phó", "/", "\u{00A0}"] {
        assert!(all.contains(needle), "generated text lacks {needle:?}");
    }
    assert!(nfc.contains('ư') || nfc.contains('Ư'));
    assert!(nfc.len() < all.len(), "no decomposed text generated");
}
