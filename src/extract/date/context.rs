//! Context rules of DATEs: when a bare number (no unit, part-of-day or
//! weekday word before it) is a date and when it is a quantity, a fraction,
//! an address or part of a document number.

use super::numeric::{num_at, unit_after, year_at};
use crate::lex::{Analysis, Lex, Walk, YEAR};
use crate::token::TokenKind;

/// Range connector at `i`: a dash or a [`Lex::RangeTo`] word ("đến").
/// Returns the index after it.
pub(super) fn range_conn(a: &Analysis<'_, '_>, i: usize) -> Option<usize> {
    (a.is_dash(i) || a.word_is(i, Lex::RangeTo)).then_some(i + 1)
}

/// Whether the number token at `i` is glued to a document symbol
/// (`02/1998/CT-TTg`, `18-NQ/TW`): followed without space by `/` or `-` and
/// a letter code, or preceded by one.
pub(super) fn docref_glued(a: &Analysis<'_, '_>, i: usize) -> bool {
    let glued = |j: usize| a.tokens.get(j).is_some_and(|t| !t.space_before);
    let code = |j: usize| {
        a.tokens.get(j).is_some_and(|t| {
            matches!(t.kind, TokenKind::Word | TokenKind::Alnum)
                && t.text.chars().next().is_some_and(|c| c.is_uppercase())
        })
    };
    if (a.is_punct(i + 1, "/") || a.is_punct(i + 1, "-"))
        && glued(i + 1)
        && glued(i + 2)
        && code(i + 2)
    {
        return true;
    }
    if i >= 2 && glued(i) && (a.is_punct(i - 1, "/") || a.is_punct(i - 1, "-")) && glued(i - 1) {
        return code(i - 2) || a.tokens[i - 2].kind == TokenKind::Number;
    }
    false
}

/// Whether the word at `i` is a place noun ([`Lex::PlaceNoun`]): among the
/// quantity words, it blocks a bare `D/M` ("Quảng trường 30/4", "đường 3/2")
/// but not a year ("Luật Bảo vệ môi trường 2020").
pub(super) fn place_noun(a: &Analysis<'_, '_>, i: usize) -> bool {
    a.word_is(i, Lex::PlaceNoun)
}

/// Whether the word at `i`, right before a bare number, makes it a quantity,
/// a fraction, a score or an address rather than a date
/// ([`Lex::QuantityBefore`]).
pub(super) fn bad_before_bare(a: &Analysis<'_, '_>, i: usize) -> bool {
    a.word_is(i, Lex::QuantityBefore)
}

/// Context checks for a bare number date (no unit, part-of-day or weekday
/// word before it).
pub(super) fn bare_ok(a: &Analysis<'_, '_>, first: usize, last: usize) -> bool {
    if first > 0 {
        // "cao điểm 30/4 - 1/5" (the peak period), unlike "điểm 8/10"
        let peak = first >= 2
            && a.word_phrase(first - 2, first, Lex::Peak, Walk::Across)
                .is_some();
        if bad_before_bare(a, first - 1) && !peak {
            return false;
        }
        // "Quảng trường 30/4", "Công viên 29/3": a capitalised place noun.
        if a.word_is(first - 1, Lex::NamedPlace) {
            return false;
        }
        if matches!(a.tokens[first - 1].text, ":" | "#" | "№" | "+" | "x" | "×") {
            return false;
        }
    }
    if let Some(t) = a.tokens.get(last + 1) {
        if t.kind == TokenKind::Symbol && matches!(t.text, "%" | "$" | "€" | "₫") {
            return false;
        }
        if t.kind == TokenKind::Number && t.space_before {
            return false;
        }
        // "30/4 năm 2020", "1/5 năm nay": a date with its year
        let year_next = year_at(a, last + 2).is_some() || a.word_is(last + 2, Lex::YearRelative);
        let nam = a.word_class(last + 1, Lex::DateUnit) == Some(YEAR);
        if unit_after(a, last + 1) && !(nam && year_next) {
            return false;
        }
    }
    true
}

/// A bare `D/M` is a date next to a date cue: a time word or punctuation
/// before it ("hôm 26/10", "dịp 30/4", "(14/11)"), or punctuation or a
/// time word after it ("vào 22/2, …", "21/4 vừa qua"). Without one it is
/// more often a fraction ("cho 4/5 khối tài sản").
pub(super) fn dm_cue(a: &Analysis<'_, '_>, j: usize) -> bool {
    // "30/4 và 1/5": the second of a pair is a date when the first is;
    // "hạng 1/4 và 2/4" are both fractions.
    if j >= 2 && a.word_is(j - 1, Lex::And) && a.tokens[j - 2].kind == TokenKind::Number {
        let first = j - 2;
        let prev_ok = first == 0 || !bad_before_bare(a, first - 1);
        return prev_ok && dm_cue_local(a, first);
    }
    dm_cue_local(a, j)
}

/// A dotted `D.M` (more often a decimal) is a date only right after a
/// holiday word ("lễ 30.4", "dịp 2.9") or as the next item of such a list
/// ("lễ 30.4, 1.5", "lễ 30.4 và 1.5").
pub(super) fn dot_dm_cue(a: &Analysis<'_, '_>, j: usize) -> bool {
    let holiday = |k: usize| a.word_is(k, Lex::Holiday);
    if j >= 1 && holiday(j - 1) {
        return true;
    }
    j >= 3
        && (a.is_punct(j - 1, ",") || a.word_is(j - 1, Lex::And) || a.is_dash(j - 1))
        && num_at(a, j - 2).is_some_and(|n| n.n == 2 && n.sep[0] == b'.')
        && holiday(j - 3)
}

/// Whether the word at `i` is a time word that makes a following bare
/// `D/M` a date ([`Lex::TimeBefore`]).
pub(super) fn time_word_before(a: &Analysis<'_, '_>, i: usize) -> bool {
    a.word_is(i, Lex::TimeBefore)
}

/// A time cue or punctuation right before or right after the bare `D/M` at
/// `j` ([`Lex::CueBefore`], [`Lex::CueAfter`]).
pub(super) fn dm_cue_local(a: &Analysis<'_, '_>, j: usize) -> bool {
    let before =
        j == 0 || a.tokens[j - 1].kind == TokenKind::Punct || a.word_is(j - 1, Lex::CueBefore);
    let after = match a.tokens.get(j + 1) {
        None => true,
        Some(t) if t.kind == TokenKind::Punct => true,
        Some(t) if t.newline_before => true,
        Some(_) => a.word_is(j + 1, Lex::CueAfter),
    };
    before || after
}
