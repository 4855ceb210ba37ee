//! The issuing body after "của" in a document reference ("… của Bộ Chính
//! trị", "… của UBND tỉnh Cao Bằng"): known bodies, offices that head a
//! body, local bodies with their level and place, and heads followed by a
//! proper name.

use crate::lex::{
    Analysis, Lex, Walk, COMMITTEE, HEAD_BOARD, HEAD_DEPT, HEAD_MINISTRY, HIGH_COURT, LEVEL,
    LEVEL_ABBR, LEVEL_ASCII, LEVEL_STOP,
};
use crate::token::{Token, TokenKind};

fn capitalised(t: Option<&Token<'_>>) -> bool {
    t.is_some_and(|t| {
        t.kind == TokenKind::Word && t.text.chars().next().is_some_and(|c| c.is_uppercase())
    })
}

/// A proper name from `j`, in the style of Vietnamese body names: each
/// capitalised syllable may be followed by lowercase syllables of the same
/// word ("Tài chính", "Tuyên giáo"), "và" joins two capitalised parts
/// ("Kế hoạch và Đầu tư"). At most 10 tokens; stops at function words.
fn proper_run(a: &Analysis<'_, '_>, mut j: usize) -> usize {
    let start = j;
    let mut end = j;
    let mut lower_run = 0;
    while j - start < 10 {
        let Some(t) = a.tokens.get(j) else { break };
        if t.newline_before && j > start {
            break;
        }
        if capitalised(Some(t)) {
            lower_run = 0;
            // "T.Ư", "TP.HCM": one abbreviation glued by dots.
            j = a.unit_end(j);
            end = j;
            continue;
        }
        if j == start || t.kind != TokenKind::Word {
            break;
        }
        // "và" before a capitalised part, unless a document type starts
        // there ("… và Thông tư …").
        if a.word_is(j, Lex::And)
            && capitalised(a.tokens.get(j + 1))
            && !a.word_prefix(j + 1, j + 3, Lex::DocType)
        {
            j += 1;
            continue;
        }
        // Verbs that follow a body ("… Quốc gia công bố", "… thông báo").
        let verb_pair = a
            .word_phrase(j, j + 2, Lex::IssuerVerb, Walk::Across)
            .is_some();
        if lower_run >= 3 || verb_pair || a.word_is(j, Lex::IssuerStop) {
            break;
        }
        lower_run += 1;
        j += 1;
        end = j;
    }
    end
}

/// An abbreviation such as "GDĐT", "GD&ĐT", "TN&MT", "UBND" at `j`;
/// returns the index after it.
fn abbreviation(a: &Analysis<'_, '_>, j: usize) -> Option<usize> {
    let upper = |t: &Token<'_>| {
        matches!(t.kind, TokenKind::Word | TokenKind::Alnum)
            && t.text.chars().count() >= 2
            && t.text
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    if !a.tokens.get(j).is_some_and(upper) {
        return None;
    }
    let mut j = j + 1;
    while a
        .tokens
        .get(j)
        .is_some_and(|t| matches!(t.text, "&" | "-") && !t.space_before)
        && a.tokens
            .get(j + 1)
            .is_some_and(|t| upper(t) && !t.space_before)
    {
        j += 2;
    }
    Some(j)
}

/// "Ban Chỉ đạo quốc gia phòng, chống dịch Covid-19": after "Ban Chỉ đạo",
/// the campaign name up to "Covid-19" (at most 10 tokens).
fn covid_tail(a: &Analysis<'_, '_>, j: usize) -> Option<usize> {
    for k in j..(j + 10).min(a.tokens.len()) {
        if a.tokens[k].newline_before && k > j {
            return None;
        }
        if a.word_is(k, Lex::Campaign) {
            let mut e = k + 1;
            if a.is_dash(e) && a.tokens.get(e + 1).is_some_and(|t| t.text == "19") {
                e += 2;
            }
            return Some(e);
        }
        if matches!(a.tokens[k].kind, TokenKind::Punct) && a.tokens[k].text != "," {
            return None;
        }
    }
    None
}

/// An organisation at `i`; returns the index after it.
fn org_at(a: &Analysis<'_, '_>, i: usize) -> Option<usize> {
    if let Some((j, body)) = a.words(i, Lex::IssuerBody, Walk::SkipSeparators) {
        // "Tỉnh ủy Quảng Ninh", "Ban Thường vụ Thành ủy Hà Nội"
        if body.class == COMMITTEE {
            let mut e = j;
            while e - j < 4 && capitalised(a.tokens.get(e)) && !a.tokens[e].newline_before {
                e += 1;
            }
            return Some(e);
        }
        return Some(j);
    }
    if let Some((j, _)) = a.words(i, Lex::LocalHead, Walk::SkipSeparators) {
        return Some(local_level(a, j));
    }
    let (h, head) = a.words(i, Lex::NamedHead, Walk::SkipSeparators)?;
    if matches!(head.class, HEAD_MINISTRY | HEAD_DEPT) {
        if let Some((j, _)) = a.words(h, Lex::Ministry, Walk::SkipSeparators) {
            return Some(if head.class == HEAD_DEPT {
                local_level(a, j)
            } else {
                j
            });
        }
    }
    if let Some(j) = abbreviation(a, h) {
        return Some(local_level(a, j));
    }
    if head.class == HEAD_BOARD
        && a.word_phrase(h, h + 2, Lex::Steering, Walk::Across)
            .is_some()
    {
        if let Some(e) = covid_tail(a, h + 2) {
            return Some(e);
        }
    }
    let mut e = proper_run(a, h);
    if e == h && a.words(i, Lex::Council, Walk::SkipSeparators).is_some() {
        // "Hội đồng bầu cử Quốc gia", "Ủy ban quốc gia về …": up to three
        // lowercase words before the capitalised part of the name.
        let mut k = h;
        while k - h < 3
            && a.tokens.get(k).is_some_and(|t| {
                t.kind == TokenKind::Word && !t.newline_before && !capitalised(Some(t))
            })
            && !a.word_is(k, Lex::IssuerStop)
            && !a.word_is(k, Lex::And)
        {
            k += 1;
        }
        if k > h && capitalised(a.tokens.get(k)) && !a.tokens[k].newline_before {
            e = proper_run(a, k);
        }
    }
    (e > h).then(|| local_level(a, e))
}

/// After "UBND"/"HĐND": an optional level word ([`Lex::Level`]) and place
/// name.
fn local_level(a: &Analysis<'_, '_>, j: usize) -> usize {
    let Some((after, level)) = a.words(j, Lex::Level, Walk::Across) else {
        // "Sở Giáo dục và Đào tạo Hà Nội": a place name right after
        let mut e = j;
        while e - j < 4 && capitalised(a.tokens.get(e)) && !a.tokens[e].newline_before {
            e += 1;
        }
        return e;
    };
    match level.class {
        // "thành", "thị" without "phố", "xã", "trấn"
        LEVEL_STOP => return j,
        // "TAND cấp cao tại Hà Nội"
        HIGH_COURT => {
            if a.word_is(after, Lex::At) {
                let e = proper_run(a, after + 1);
                return if e > after + 1 { e } else { after };
            }
            return after;
        }
        _ => {}
    }
    let mut p = after;
    if level.class == LEVEL_ABBR && a.is_punct(p, ".") && !a.tokens[p].space_before {
        p += 1;
    }
    debug_assert!(matches!(level.class, LEVEL | LEVEL_ABBR | LEVEL_ASCII));
    let e = proper_run(a, p);
    if e > p {
        e
    } else if level.class == LEVEL_ASCII {
        // "UBND tinh gọn …": no place name, so no level.
        j
    } else {
        after
    }
}

/// The issuing body after "của" at `i`; returns the index after it.
pub(super) fn body_at(a: &Analysis<'_, '_>, i: usize) -> Option<usize> {
    if !capitalised(a.tokens.get(i))
        && !a
            .tokens
            .get(i)
            .is_some_and(|t| t.text.chars().all(|c| c.is_uppercase()))
    {
        return None;
    }
    let mut j = if let Some((r, _)) = a.words(i, Lex::IssuerOffice, Walk::SkipSeparators) {
        org_at(a, r).unwrap_or(r)
    } else {
        org_at(a, i)?
    };
    // khóa XII
    if a.word_is(j, Lex::Term) && !a.tokens[j].newline_before {
        if let Some(t) = a.tokens.get(j + 1) {
            let roman = t.kind == TokenKind::Word
                && t.text.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
            let num = t.kind == TokenKind::Number && t.text.len() <= 2;
            if roman || num {
                j += 2;
            }
        }
    }
    Some(j)
}
