//! OFFICIAL recognizer.
//!
//! A name is a run of capitalised words that starts with a Vietnamese family
//! name ("Nguyễn Thị Thu Thủy"), follows an address word ("ông", "bà",
//! "đồng chí", degrees such as "TS"), or directly follows a TITLE ("Tổng
//! thống Nga Vladimir Putin"). Names inside organisation, street, place and
//! doctrine names are left out. Names the user listed
//! ([`crate::extract::Lexicon::Persons`]) are names wherever they appear.
//! Links from officials to titles are made by [`super::link`].

use unicode_normalization::UnicodeNormalization;

use super::{Entity, EntityKind, Value};
use crate::lex::{
    btv_editor, foreign_word, person_len, Analysis, Lex, ADDRESS, ADDRESS_OTHER, DEGREE, EDITOR,
    HONORIFIC, KIN, PLACE_COUNTRY,
};
use crate::token::TokenKind;

/// Whether token `i` ends an address word, degree or honorific
/// ([`Lex::Honorific`]) after which a capitalised run is a name.
fn is_honorific(a: &Analysis, i: usize) -> bool {
    match a.class(i, Lex::Honorific) {
        // Capitalised mid-sentence they are parts of names ("Bà Rịa", "Bà
        // Triệu"), not address words.
        Some(ADDRESS | ADDRESS_OTHER) => {
            !a.is_cap(i)
                || i == 0
                || matches!(a.text(i - 1), "." | "\"" | "“" | ":" | "(" | "-" | "–")
                || a.tokens[i].newline_before
        }
        Some(KIN) => !a.is_cap(i),
        Some(DEGREE) => a.toks[i].upper,
        Some(EDITOR) => btv_editor(a, i),
        _ => a
            .ends_at(i + 1, Lex::Honorific)
            .is_some_and(|(s, h)| s < i && h.class == HONORIFIC),
    }
}

/// Words before a capitalised run that make it a place, street or doctrine
/// ([`Lex::PlaceBefore`]), and house numbers.
fn is_place_context(a: &Analysis, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    // A house number: "số 12 Nguyễn Chí Thanh", "Tầng 6, 68 Nguyễn Cơ Thạch".
    if a.tokens[i - 1].kind == TokenKind::Number
        && (i > 1 && a.is(i - 2, Lex::NumberWord)
            || a.text(i - 1).bytes().all(|b| b.is_ascii_digit())
                && (i < 2 || matches!(a.text(i - 2), "," | ":" | ";" | "(")))
    {
        return true;
    }
    a.ends_at(i, Lex::PlaceBefore).is_some()
}

/// End of a capitalised name run from `i` (at most `max` words). Stops
/// before office words and organisation heads of two or more words.
fn name_run(a: &Analysis, i: usize, max: usize) -> usize {
    let mut j = i;
    let mut n = 0;
    while n < max && j < a.len() && a.is_word(j) && a.is_cap(j) && (j == i || a.sp(j)) {
        if j > i {
            if let Some((m, _)) = a.longest(j, Lex::Role) {
                if m >= 2 {
                    break;
                }
            }
            if let Some((m, _)) = a.longest(j, Lex::Head) {
                // "Nguyễn Văn A Bộ đội Biên phòng" ends before the head, but
                // a head ending the run is a name ("Vũ Hải Quân").
                let all_cap = (j..j + m).all(|k| a.is_cap(k));
                if m >= 2 && (!all_cap || a.is_cap(j + m) && a.sp(j + m)) {
                    break;
                }
            }
            if a.is(j, Lex::Deputy) || a.is(j, Lex::PersonNoun) && n >= 2 {
                break;
            }
        }
        j = a.unit_end(j);
        n += 1;
    }
    j
}

/// Finds the OFFICIAL entities; `others` are the TITLE/ORGANIZATION entities
/// already found (names inside organisations are skipped).
pub(crate) fn find<'a>(
    text: &'a str,
    a: &Analysis<'_, 'a>,
    others: &[Entity<'a>],
) -> Vec<Entity<'a>> {
    let mut out: Vec<Entity<'a>> = Vec::new();
    // Title ends (byte) for "title directly before a name".
    let mut title_ends: Vec<usize> = others
        .iter()
        .filter(|e| e.kind == EntityKind::Title)
        .map(|e| e.span.end)
        .collect();
    title_ends.sort_unstable();
    let mut blocked: Vec<(usize, usize)> = others
        .iter()
        .filter(|e| e.kind == EntityKind::Organization || e.kind == EntityKind::Title)
        .map(|e| (e.span.start, e.span.end))
        .collect();
    blocked.sort_unstable();
    let inside = |s: usize, e: usize| -> bool {
        // Any blocked span overlapping [s, e).
        let idx = blocked.partition_point(|&(bs, _)| bs < e);
        blocked[..idx]
            .iter()
            .rev()
            .take(8)
            .any(|&(bs, be)| bs < e && be > s)
    };
    let mut i = 0;
    while i < a.len() {
        if !a.is_word(i) || !a.is_cap(i) {
            i += 1;
            continue;
        }
        let caps = a.caps_line(i);
        let max = if caps { 3 } else { 4 };
        let after_hon = i > 0 && a.sp(i) && is_honorific(a, i - 1);
        let after_title =
            i > 0 && a.sp(i) && title_ends.binary_search(&a.tokens[i - 1].span.end).is_ok();
        let bac = i > 0 && a.is(i - 1, Lex::Uncle) && a.is_cap(i - 1) && a.sp(i);
        let family = a.longest(i, Lex::Family).is_some();
        if i > 0 && !a.is_cap(i - 1) {
            // The capitalised half of a place: "châu Âu Hans Kluge".
            if let Some((n, _)) = a.longest(i - 1, Lex::Place) {
                if n >= 2 {
                    i += n - 1;
                    continue;
                }
            }
        }
        let mut end = 0;
        if let Some((n, _)) = a.longest(i, Lex::KnownPerson) {
            // A name the user listed.
            end = i + n;
        } else if family || after_hon || after_title || bac {
            if a.longest(i, Lex::Head)
                .is_some_and(|(n, _)| n >= 2 || after_title && !family)
                || a.longest(i, Lex::Role).is_some()
                || a.longest(i, Lex::Body).is_some()
                || a.is(i, Lex::PersonNoun)
            {
                i += 1;
                continue;
            }
            if a.toks[i].upper && a.text(i).chars().count() >= 2 && !caps && !family {
                // "Chủ tịch UBND": an abbreviation, not a name.
                i += 1;
                continue;
            }
            let e = name_run(a, i, max);
            if let Some((n, _)) = a.longest(i, Lex::Place) {
                if i + n < e {
                    // "tỉnh Hà Nam Lê Thị Thủy": the place first.
                    i += n;
                    continue;
                }
            }
            // "Tổng giám đốc Hanwha Energy Việt Nam": a run ending in a
            // country after a title is a body, not a person.
            if after_title && !family && !after_hon {
                let country_end = (i + 1..e).any(|k| {
                    a.longest(k, Lex::Place)
                        .is_some_and(|(n, t)| t == PLACE_COUNTRY && k + n == e)
                });
                if country_end {
                    i = e.max(i + 1);
                    continue;
                }
            }
            let words = count_words(a, i, e);
            let known_place = a.longest(i, Lex::Place).is_some_and(|(n, _)| i + n >= e)
                && !(after_title && family && words >= 3);
            // Capitals tell nothing in a headline: a family name is needed.
            let ok = if caps && !family {
                false
            } else if after_hon || bac {
                words >= 1 && !known_place
            } else if after_title {
                // A single word after a title is a name only when it is not a
                // Vietnamese syllable ("Tổng thống Trump", not "Trưởng khoa Bệnh").
                (words >= 2 || family || a.text(i).is_ascii())
                    && !known_place
                    && (family || !a.caps_line(i))
            } else {
                words >= 3 && !known_place && !is_place_context(a, i) && !caps
            };
            if ok && !(family && words >= 2 && is_place_context(a, i) && !after_title) {
                end = e;
            } else if family && is_place_context(a, i) {
                // "đường Phạm Văn Đồng": skip the whole run.
                i = e.max(i + 1);
                continue;
            }
        } else if let Some(e) = foreign_name(a, i) {
            end = e;
        } else if i > 1 && a.text(i - 1) == "/" && i > 2 && a.is(i - 3, Lex::Photo) {
            // Photo credit "Ảnh VGP/Đình Nam".
            let e = name_run(a, i, 3);
            if count_words(a, i, e) >= 2 {
                end = e;
            }
        }
        if end == i + 1 && a.text(i).chars().count() == 1 {
            // An initial ("chị A."): a redaction, not a name.
            end = 0;
        }
        if end > i {
            let r = a.tokens[i].span.start..a.tokens[end - 1].span.end;
            if !inside(r.start, r.end) {
                let t = &text[r.clone()];
                out.push(Entity {
                    kind: EntityKind::Official,
                    text: t,
                    span: r,
                    value: Value::Official {
                        name: t.nfc().collect(),
                    },
                });
            }
            i = end;
            continue;
        }
        i += 1;
    }
    let _ = person_len;
    out
}

/// A foreign person's name without title or address word: two or three
/// capitalised words that cannot be Vietnamese syllables, none of them a
/// word of organisation names, with a person cue before or after ("người
/// mẫu Veronika Troshina", "Hans Kluge cảnh báo", "Alan Garten, giám đốc").
fn foreign_name(a: &Analysis, i: usize) -> Option<usize> {
    let word = |k: usize| {
        a.is_word(k)
            && a.is_cap(k)
            && !a.toks[k].upper
            && !a.caps_line(k)
            && foreign_word(a.text(k))
            && !a.is(k, Lex::ForeignStop)
            && a.longest(k, Lex::Body).is_none()
            && a.longest(k, Lex::Head).is_none()
            && a.longest(k, Lex::Place).is_none()
    };
    if !word(i) || i > 0 && a.is_cap(i - 1) && a.is_word(i - 1) && a.text(i - 1).is_ascii() {
        return None;
    }
    let mut e = i + 1;
    while e < i + 3 && a.sp(e) && word(e) {
        e += 1;
    }
    if e < i + 2 || a.is_cap(e) && a.sp(e) && a.is_word(e) {
        return None;
    }
    if i > 0 && a.is(i - 1, Lex::ForeignThingBefore) {
        return None;
    }
    let before = i > 0 && a.is(i - 1, Lex::ForeignPersonBefore);
    let after = e < a.len()
        && (a.is(e, Lex::ForeignPersonAfter)
            || a.text(e) == ","
                && e + 1 < a.len()
                && a.is_word(e + 1)
                && !a.is_cap(e + 1)
                && a.longest(e + 1, Lex::Role).is_some());
    (before || after).then_some(e)
}

fn count_words(a: &Analysis, s: usize, e: usize) -> usize {
    (s..e)
        .filter(|&k| a.is_word(k) && (k == s || a.sp(k)))
        .count()
}
