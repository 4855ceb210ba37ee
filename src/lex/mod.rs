//! The vocabulary of the text: the lexicon files of `data/extract/` and
//! their format, compiled into one matcher over token keys. It sits at the
//! token level, below the stages, so that the entity recognizers and the
//! segmenter (whose VLSP convention joins names of organisations) read the
//! same knowledge without importing each other.
//!
//! Shared by the recognizers: the lexicon files and their format
//! ([`data`]), the one matcher they compile into ([`matcher`]), the tokens
//! of a text keyed once ([`analysis`]), and predicates that several
//! recognizers use.
//!
//! Every word is compared on its lookup key ([`crate::key`]): lowercase,
//! with the tone mark taken off its vowel and written as a trailing digit,
//! so "Ủy"/"Uỷ", "Hòa"/"Hoà", NFC and NFD spellings share a key while "Bộ"
//! and "bố" stay apart. The original capitalisation is kept beside the key
//! for the capitalisation rules.
//!
//! # The API the grammars use
//!
//! A [`Lex`] names one lexicon (a tag of a data file); a phrase of it has a
//! class (`ROLE_ORG`, `DAY`, …) and a value. [`TokenKeys::new`] keys the
//! tokens of a text once against a [`matcher::Matcher`]; [`Analysis`] is a
//! view of the whole text (DATE, DOCREF) or of one line (TITLE,
//! ORGANIZATION, OFFICIAL, links) and answers, on key ids:
//!
//! | question | method |
//! |---|---|
//! | which lexicons have a phrase starting at token `i` | `starts(i)`, `starts_any(i, set)`, `word_starts(i)` |
//! | the longest phrase of `L` at `i` (first token a word or alphanumeric, then any token) | `longest(i, L)` → `(len, class)`, `longest_hit` |
//! | is token `i` (any kind) a one-token phrase of `L`, its class | `is(i, L)`, `class(i, L)`, `hit(i, L)` |
//! | are tokens `s..e` exactly a phrase of `L`; a phrase of `L` ending before `e` | `seq(s, e, L)`, `ends_at(e, L)` |
//! | the same for word tokens only (DATE, DOCREF) | `word_is`, `word_class`, `word_hit`, `words(i, L, Walk)` → `(end, hit)`, `word_phrase(s, e, L, Walk)`, `word_prefix`, `word_ends` |
//! | the reported form of a phrase | `value(hit)`, `static_value(hit)` |
//!
//! [`Walk`] says how multi-token phrases are read: on one line, across
//! lines, or skipping commas and dashes between words (issuing bodies).

mod analysis;
pub(crate) mod data;
pub(crate) mod matcher;

pub(crate) use analysis::{line_end, Analysis, TokenKeys, Walk};
pub(crate) use data::*;

use crate::token::TokenKind;

/// Whether `w` is an ASCII word that cannot be a Vietnamese syllable written
/// without diacritics ("Linde", "Garten", "Kluge"; not "Minh", "Long", "Hoa"):
/// a Vietnamese syllable is an optional initial consonant, one to three
/// vowels and an optional final from c, ch, m, n, ng, nh, p, t.
pub(crate) fn foreign_word(w: &str) -> bool {
    if !w.is_ascii() || w.len() < 3 || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let l = w.to_ascii_lowercase();
    let b = l.as_bytes();
    if b.iter().any(|c| matches!(c, b'f' | b'j' | b'w' | b'z')) {
        return true;
    }
    const INITIALS: [&str; 27] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h",
        "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x",
    ];
    let mut rest = &l[..];
    for ini in INITIALS {
        if let Some(r) = rest.strip_prefix(ini) {
            rest = r;
            break;
        }
    }
    let vowels = rest.bytes().take_while(|c| b"aeiouy".contains(c)).count();
    if vowels == 0 || vowels > 3 {
        return true;
    }
    !matches!(
        &rest[vowels..],
        "" | "c" | "ch" | "m" | "n" | "ng" | "nh" | "p" | "t"
    )
}

// ------------------------------------------------------------------
// Predicates shared by the TITLE, ORGANIZATION and OFFICIAL recognizers.

/// The byte range of tokens `s..e`.
pub(crate) fn span(a: &Analysis, s: usize, e: usize) -> std::ops::Range<usize> {
    a.tokens[s].span.start..a.tokens[e - 1].span.end
}

/// Number of capitalised words of a person's name starting at `i` (family
/// name first), 0 when it does not look like one or is a known place.
pub(crate) fn person_len(a: &Analysis, i: usize) -> usize {
    if !a.is_cap(i) || !a.is_word(i) || a.longest(i, Lex::Family).is_none() {
        return 0;
    }
    let mut n = 1;
    while n < 4 && a.is_word(i + n) && a.is_cap(i + n) && a.sp(i + n) {
        n += 1;
    }
    if let Some((p, _)) = a.longest(i, Lex::Place) {
        if p >= n {
            return 0;
        }
    }
    if n >= 2 {
        n
    } else {
        0
    }
}

/// End of the title of a law starting at `i` (exclusive token index): the
/// words after a [`Lex::LawTitle`] up to a [`Lex::LawEnd`] word, anything
/// but a word, or 12 tokens (a comma before a lowercase word does not end
/// it). Shared by the ORGANIZATION recognizer (no body is annotated inside
/// a law's title) and the segmenter's VLSP convention (the title is one
/// word).
pub(crate) fn law_end(a: &Analysis, i: usize) -> usize {
    let mut j = i + 1;
    while j < a.len() && j < i + 12 {
        let comma_on = a.text(j) == "," && a.is_word(j + 1) && !a.is_cap(j + 1);
        if !a.is_word(j) && !comma_on || a.is(j, Lex::LawEnd) {
            break;
        }
        j += 1;
    }
    j
}

/// Whether token `i` is a number or a Roman numeral ("khóa XII").
pub(crate) fn is_roman_or_number(a: &Analysis, i: usize) -> bool {
    match a.tokens.get(i) {
        Some(t) if t.kind == TokenKind::Number => true,
        Some(t) if t.kind == TokenKind::Word => {
            t.text.len() <= 6
                && t.text
                    .bytes()
                    .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
        }
        _ => false,
    }
}

/// Territory keywords ([`Lex::Territory`]): "tỉnh", "thành phố", "TP" (and
/// "TP." glued), "huyện" … Returns their token length.
pub(crate) fn territory_kw(a: &Analysis, i: usize) -> Option<usize> {
    let (n, class) = a.longest(i, Lex::Territory)?;
    if class == TERRITORY_ABBR && a.text(i + 1) == "." && !a.sp(i + 1) {
        return Some(2);
    }
    Some(n)
}

/// Whether an organisation head or body, an office, a territory keyword or
/// "Phó" starts at `i`.
pub(crate) fn starts_org_or_role(a: &Analysis, i: usize) -> bool {
    a.longest(i, Lex::Head).is_some()
        || a.longest(i, Lex::Body).is_some()
        || a.longest(i, Lex::Role).is_some()
        || territory_kw(a, i).is_some()
        || a.is(i, Lex::Deputy)
}

/// "BTV Quang Minh": a TV editor (biên tập viên) before a name, not the
/// standing committee ("BTV Tỉnh ủy", "BTV Huyện ủy Nam Đàn").
pub(crate) fn btv_editor(a: &Analysis, i: usize) -> bool {
    a.toks[i].upper
        && a.sp(i + 1)
        && a.is_word(i + 1)
        && a.is_cap(i + 1)
        && !a.toks[i + 1].upper
        && !a.caps_line(i + 1)
        && !starts_org_or_role(a, i + 1)
        && a.longest(i + 1, Lex::Place).is_none()
}

/// Whether a person's name (family name and two or more capitalised words)
/// starts at `i`, known places included ("Hồ Chí Minh" after "Chủ tịch"),
/// except after "Cộng sản" ("Đoàn Thanh niên Cộng sản Hồ Chí Minh").
pub(crate) fn looks_person(a: &Analysis, i: usize) -> bool {
    if !a.is_cap(i) || !a.is_word(i) || a.caps_line(i) {
        return false;
    }
    // A family name, or any capitalised word before the middle names "Văn",
    // "Thị" ("Ma Thị Thúy").
    if a.longest(i, Lex::Family).is_none()
        && !(a.is(i + 1, Lex::MiddleName) && a.is_cap(i + 1) && a.sp(i + 1))
    {
        return false;
    }
    if i > 0 && a.is(i - 1, Lex::NamesakeAfter) {
        return false;
    }
    let mut n = 1;
    while n < 3 && a.is_word(i + n) && a.is_cap(i + n) && a.sp(i + n) {
        n += 1;
    }
    n >= 3
}

#[cfg(test)]
mod tests {
    use super::foreign_word;

    #[test]
    fn foreign_words() {
        for w in [
            "Linde", "Garten", "Kluge", "Alan", "Hans", "Keomany", "Zeman", "Troshina",
        ] {
            assert!(foreign_word(w), "{w}");
        }
        for w in [
            "Minh", "Long", "Hoa", "Nguyen", "Thanh", "Quang", "Tuan", "Nghia", "An",
        ] {
            assert!(!foreign_word(w), "{w}");
        }
    }
}
