//! OFFICIAL recognizer.
//!
//! A name is found by what it is and by what stands around it:
//!
//! * by its structure: a Vietnamese family name and one to three
//!   capitalised syllables ("Nguyễn Trãi", "Nguyễn Thị Thu Thủy"), in any
//!   position; a run of foreign-looking capitalised words ("Haruki
//!   Murakami", "Alexandre de Rhodes", "John F. Kennedy") that holds no word
//!   of organisation, product or place names ([`shape`]);
//! * by its context: after an address word, a degree, a profession or a
//!   cue word ("ông", "đồng chí", "nhà thơ", "vua"), directly after a TITLE
//!   ("Tổng thống Nga Vladimir Putin"), in a list or in brackets with a name
//!   found otherwise ("A, B và C");
//! * by name: well-known persons (`famous_persons.txt`: reign, temple and
//!   pen names such as "Gia Long", "Tố Hữu") and names the user listed
//!   ([`crate::extract::Lexicon::Persons`]).
//!
//! Names inside organisation, street, place, school and doctrine names are
//! left out, also down a list ("các phố Nguyễn Trãi, Lê Lợi"). Links from
//! officials to titles are made by [`super::link`].

mod shape;

use unicode_normalization::UnicodeNormalization;

use super::{Entity, EntityKind, Value};
use crate::lex::{
    btv_editor, foreign_word, Analysis, Lex, ADDRESS, ADDRESS_OTHER, CUE, DEGREE, EDITOR, FAMOUS,
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
        Some(CUE) => !a.is_cap(i) || a.caps_line(i),
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
            || a.text(i - 1)
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'/')
                && (i < 2
                    || matches!(a.text(i - 2), "," | ":" | ";" | "(")
                    // "- 110 Trần Phú, Quận Hà Đông" opening a line.
                    || a.is_dash(i - 2) && (i == 2 || a.tokens[i - 2].newline_before)))
    {
        return true;
    }
    // "các huyện: Triệu Sơn, Yên Định": a plural place word before a colon
    // (not "Phó Chủ tịch UBND tỉnh: Hà Văn Sơn").
    if a.text(i - 1) == ":" {
        return a
            .ends_at(i - 1, Lex::PlaceBefore)
            .is_some_and(|(p, _)| p > 0 && a.longest(p - 1, Lex::Quantifier).is_some());
    }
    a.ends_at(i, Lex::PlaceBefore).is_some() || a.ends_at(i, Lex::School).is_some()
}

/// Whether the list item starting at `i` is in a place context, or an
/// earlier item of its list is ("các phố Nguyễn Trãi, Lê Lợi, Trần Hưng
/// Đạo", "chủ nghĩa Mác - Lênin"). Across a comma only when the item ends
/// where a list goes on or when the place word is plural ("các phố"): in
/// "Trên sông Bạch Đằng, Ngô Quyền đánh …" the comma ends a phrase. Looks
/// back over at most 6 items.
fn list_place_context(a: &Analysis, i: usize) -> bool {
    let item_end = name_run(a, i, 4);
    let goes_on = |e: usize| {
        e >= a.len() || matches!(a.text(e), "," | ";" | ")" | ".") || a.is(e, Lex::NameJoin)
    };
    let listed = goes_on(item_end);
    let mut comma = false;
    let mut k = i;
    for _ in 0..6 {
        if is_place_context(a, k) {
            let plural = a
                .ends_at(k, Lex::PlaceBefore)
                .is_some_and(|(p, _)| p > 0 && a.longest(p - 1, Lex::Quantifier).is_some());
            return !comma || listed || plural;
        }
        if k < 2 || !(matches!(a.text(k - 1), "," | "-" | "–") || a.is(k - 1, Lex::NameJoin)) {
            return false;
        }
        comma |= a.text(k - 1) == ",";
        // The start of the capitalised run ending before the separator.
        let mut s = k - 1;
        let mut n = 0;
        while s > 0 && a.is_word(s - 1) && a.is_cap(s - 1) && n < 5 {
            s -= 1;
            n += 1;
            if !a.sp(s) {
                break;
            }
        }
        if n == 0 {
            return false;
        }
        k = s;
    }
    false
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

/// Whether the words `s..e` are all Vietnamese syllables (marked or not).
fn all_vietnamese(a: &Analysis, s: usize, e: usize) -> bool {
    (s..e).all(|k| !a.is_word(k) || shape::vietnamese(a.text(k)))
}

/// Whether the name `s..e` is a redaction: one letter ("chị A."), a last
/// word of one letter before a dot ("Nguyễn Ngọc T.") or initials glued by
/// dots ("T.Đ.S"); "Trần Đông A" is a name.
fn redacted(a: &Analysis, s: usize, e: usize) -> bool {
    let initial = a.text(e - 1).chars().count() == 1;
    initial && (e == s + 1 || a.text(e) == "." && !a.sp(e))
        || (s + 1..e).any(|k| {
            a.text(k) == "." && a.text(k - 1).chars().count() == 1 && !a.sp(k + 1) && k + 1 < e
        })
}

/// Whether a word of `s..e` is a word of an organisation, office, place or
/// product name.
fn holds_thing(a: &Analysis, s: usize, e: usize) -> bool {
    (s..e).any(|k| {
        a.is_word(k)
            && (a.longest(k, Lex::Body).is_some()
                || a.longest(k, Lex::Head)
                    .is_some_and(|(n, _)| n >= 2 || k == s)
                || a.longest(k, Lex::Place).is_some()
                || a.longest(k, Lex::ForeignPlace).is_some()
                || a.longest(k, Lex::NamePlace).is_some()
                || a.longest(k, Lex::Role).is_some()
                || a.is(k, Lex::ForeignStop))
    })
}

/// Whether token `i` continues a capitalised run begun before it.
fn mid_run(a: &Analysis, i: usize) -> bool {
    i > 0 && a.sp(i) && a.is_word(i - 1) && a.is_cap(i - 1)
}

/// A two-word Vietnamese name without a cue ("Nguyễn Trãi", "Lê Lợi"):
/// both words syllables, the second no office, body or portfolio,
/// no preposition of place before.
fn two_word_name(a: &Analysis, i: usize) -> bool {
    let j = i + 1;
    // A one-word country is a given name here ("Hoàng Anh", "Lê Đức").
    all_vietnamese(a, i, j + 1)
        && a.longest(j, Lex::Head).is_none()
        && a.longest(j, Lex::Body).is_none()
        && a.longest(j, Lex::Role).is_none()
        && a.longest(j, Lex::Domain).is_none()
        && !(i > 0 && (a.is(i - 1, Lex::PlacePrep) || a.text(i - 1) == "/"))
}

/// A well-known person's name at `i..i + n` ([`FAMOUS`]): the whole
/// capitalised run (in a caps line: the name), not in a place context.
fn famous(a: &Analysis, i: usize, n: usize) -> bool {
    let e = i + n;
    // A capitalised word after it makes a longer name, except after a
    // foreign full name, where it starts the next one ("Donald Trump |
    // Robert O'Brien").
    let foreign_full = n >= 2 && (i..e).any(|k| foreign_word(a.text(k)));
    let longer = a.is_word(e) && a.is_cap(e) && a.sp(e) && !a.caps_line(e) && !foreign_full;
    // Every word capitalised: "Nam cao từ 1,60m" is no "Nam Cao".
    let lower = (i..e).any(|k| a.is_word(k) && !a.is_cap(k));
    // "ở Duy Tân", "tại Quang Trung": a street or a place.
    let at = i > 0 && a.is(i - 1, Lex::PlacePrep);
    let vetoed = lower || at || longer || list_place_context(a, i) || redacted(a, i, e);
    !vetoed
}

/// A foreign person's name from `i` without a title or address word: a run
/// of at least two capitalised words of which one at least looks foreign,
/// no word of an organisation, product, event or place name, not after a
/// word that makes it a thing or a place, not in a caps line; and a cue
/// that it is a person: a common given name first ("Victor Hugo", "Kim
/// Min-jun"), a person word before ("người mẫu Veronika Troshina") or a
/// verb of persons after ("Hans Kluge cảnh báo", "Alan Garten, giám đốc").
fn foreign_name(a: &Analysis, i: usize) -> Option<usize> {
    if a.caps_line(i) {
        return None;
    }
    let (e, words, foreign_words) = shape::foreign_run(a, i)?;
    if words < 2 || foreign_words == 0 || holds_thing(a, i, e) {
        return None;
    }
    // "William Grant & Sons": a firm.
    if a.is_word(e) && a.is_cap(e) && a.sp(e) || a.text(e) == "&" {
        return None;
    }
    if i > 0
        && (a.is(i - 1, Lex::ForeignThingBefore)
            || a.is(i - 1, Lex::PlacePrep)
            || list_place_context(a, i))
    {
        return None;
    }
    // Not after a capitalised foreign word (the run started there), but
    // after a place or a Vietnamese word ("vũ khí Bulgaria Emilian Gebrev",
    // "châu Âu Hans Kluge").
    if mid_run(a, i) && a.text(i - 1).is_ascii() && a.longest(i - 1, Lex::Place).is_none() {
        return None;
    }
    let given = a.is(i, Lex::GivenName) || a.longest(i, Lex::Family).is_some();
    let before = i > 0 && a.is(i - 1, Lex::ForeignPersonBefore);
    let after = e < a.len()
        && (a.is(e, Lex::ForeignPersonAfter)
            || a.longest(e, Lex::PersonAfter).is_some()
            || a.text(e) == ","
                && e + 1 < a.len()
                && a.is_word(e + 1)
                && !a.caps_line(e + 1)
                && apposed_office(a, e + 1));
    (given || before || after).then_some(e)
}

/// An office in apposition after a foreign name at `k` (after its comma):
/// a lowercase office word ("Alan Garten, giám đốc"), or a capitalised one
/// with its body or country after it ("Krishna Prasad Poudel, Giám đốc Cơ
/// quan …, cho biết"), not a bare capitalised office that may open the
/// next clause.
fn apposed_office(a: &Analysis, k: usize) -> bool {
    let Some((n, _)) = a.longest(k, Lex::Role) else {
        return false;
    };
    if !a.is_cap(k) {
        return true;
    }
    let c = k + n;
    a.sp(c)
        && a.is_cap(c)
        && (a.longest(c, Lex::Head).is_some()
            || a.longest(c, Lex::Body).is_some()
            || a.longest(c, Lex::Place)
                .is_some_and(|(_, t)| t == PLACE_COUNTRY))
}

/// A list item or bracketed name next to a name ("A, B và C", "A (B)")
/// from `r`: a known name, a Vietnamese name of two to four syllables with
/// a family name or a foreign name, nothing that is a place, body or
/// office. Returns its end.
fn list_item(a: &Analysis, r: usize) -> Option<usize> {
    if !a.is_word(r) || !a.is_cap(r) || a.caps_line(r) {
        return None;
    }
    if let Some((e, words, foreign_words)) = shape::foreign_run(a, r) {
        if words >= 2 && foreign_words > 0 && !holds_thing(a, r, e) && a.text(e) != "&" {
            return Some(e);
        }
    }
    if let Some((n, h)) = a.longest_hit(r, Lex::KnownPerson) {
        return (h.class != FAMOUS || famous(a, r, n)).then_some(r + n);
    }
    a.longest(r, Lex::Family)?;
    let e = name_run(a, r, 4);
    let words = count_words(a, r, e);
    ((2..=4).contains(&words) && all_vietnamese(a, r, e) && !holds_thing(a, r, e)).then_some(e)
}

/// Token ranges of the names of one line; `others` are its TITLE and
/// ORGANIZATION entities.
/// The first token after the last blocked span (sorted byte ranges of
/// titles and organisations) overlapping tokens `s..e`.
fn blocked_end(a: &Analysis, blocked: &[(usize, usize)], s: usize, e: usize) -> usize {
    let (bs, be) = (a.tokens[s].span.start, a.tokens[e - 1].span.end);
    let idx = blocked.partition_point(|&(x, _)| x < be);
    let last = blocked[..idx]
        .iter()
        .rev()
        .take(8)
        .filter(|&&(x, y)| x < be && y > bs)
        .map(|&(_, y)| y)
        .max()
        .unwrap_or(be);
    a.token_at(last)
}

fn spans(a: &Analysis, others: &[Entity<'_>]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
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
        let (s, e) = (a.tokens[s].span.start, a.tokens[e - 1].span.end);
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
        let known = a.longest_hit(i, Lex::KnownPerson);
        if let Some((n, h)) = known {
            if h.class != FAMOUS || famous(a, i, n) {
                end = i + n;
            }
        }
        if end > 0 {
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
            let mut e = name_run(a, i, max);
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
                if country_end || (i..e).any(|k| a.is(k, Lex::ForeignStop)) {
                    i = e.max(i + 1);
                    continue;
                }
            }
            // A foreign name with particles or initials runs further
            // ("bà Ursula von der Leyen", "Tổng thống John F. Kennedy").
            if !family && !caps {
                if let Some((fe, _, fw)) = shape::foreign_run(a, i) {
                    if fe > e && fw > 0 && !holds_thing(a, i, fe) {
                        e = fe;
                    }
                }
            }
            let words = count_words(a, i, e);
            let known_place = (a.longest(i, Lex::Place).is_some_and(|(n, _)| i + n >= e)
                || a.longest(i, Lex::NamePlace)
                    .is_some_and(|(n, _)| i + n >= e))
                && !(after_title && family && words >= 3);
            let place_ctx = list_place_context(a, i);
            // Capitals tell nothing in a headline: a family name is needed.
            let ok = if caps && !family {
                false
            } else if after_hon || bac {
                // "cầu thủ Liverpool", "tiền vệ Man Utd": a club or a firm;
                // "vua Mèocó": two words glued by a typo.
                words >= 1
                    && !(i..e).any(|k| a.is_word(k) && shape::glued(a.text(k)))
                    && !known_place
                    && !(i..e).any(|k| {
                        a.longest(k, Lex::ForeignPlace).is_some()
                            || a.is(k, Lex::ForeignStop) && !shape::vietnamese(a.text(k))
                    })
            } else if after_title {
                // A single word after a title is a name only when it is not a
                // Vietnamese syllable ("Tổng thống Trump", not "Trưởng khoa Bệnh").
                (words >= 2 || family || a.text(i).is_ascii())
                    && !known_place
                    && !(i..e).any(|k| a.is_word(k) && shape::glued(a.text(k)))
                    && (family || !a.caps_line(i))
            } else {
                (words >= 3 || words == 2 && two_word_name(a, i) && !mid_run(a, i))
                    && all_vietnamese(a, i, e)
                    && !known_place
                    && !place_ctx
                    && !caps
            };
            if ok && !(family && words >= 2 && place_ctx && !after_title) {
                end = e;
            } else if family && place_ctx {
                // "đường Phạm Văn Đồng": skip the whole run.
                i = e.max(i + 1);
                continue;
            }
        }
        if end > 0 {
        } else if let Some(e) = foreign_name(a, i) {
            end = e;
        } else if i > 1 && a.text(i - 1) == "/" && i > 2 && a.is(i - 3, Lex::Photo) {
            // Photo credit "Ảnh VGP/Đình Nam".
            let e = name_run(a, i, 3);
            if count_words(a, i, e) >= 2 {
                end = e;
            }
        } else if i > 1 && a.text(i - 1) == ":" && a.is(i - 2, Lex::Photo) {
            // Photo credit "(Ảnh: Tiến Nguyên)": a Vietnamese name of two
            // or three words; agencies ("Ảnh: Getty Images", "Ảnh: Dân
            // trí") are not Vietnamese or not capitalised words.
            let e = name_run(a, i, 3);
            if count_words(a, i, e) >= 2
                && all_vietnamese(a, i, e)
                && (i..e).all(|k| a.longest(k, Lex::Outlet).is_none())
                && a.longest(i, Lex::Place).is_none()
            {
                end = e;
            }
        }
        if end > i && (redacted(a, i, end) || inside(i, end)) {
            // An initial ("chị A.", "Nguyễn Ngọc T."): a redaction, not a
            // name; or a name inside a title or an organisation. A run that
            // starts inside a title and goes on after it ("Trưởng Công an
            // huyện Gia Lâm | Nguyễn Văn Dũng") is read again from the title's
            // end.
            let resume = if redacted(a, i, end) {
                end
            } else {
                blocked_end(a, &blocked, i, end).min(end)
            };
            i = resume.max(i + 1);
            continue;
        }
        if end > i {
            out.push((i, end));
            i = end;
            continue;
        }
        i += 1;
    }
    // Names next to a name: list items and brackets ("A, B và C", "A (B)").
    let mut q = 0;
    while q < out.len() && out.len() < 64 {
        let (s, e) = out[q];
        q += 1;
        let free = |out: &[(usize, usize)], x: usize, y: usize| {
            !inside(x, y) && out.iter().all(|&(p, r)| r <= x || p >= y)
        };
        // After: ", B", "và B", "(B)".
        if e + 1 < a.len() && a.sp(e + 1) || a.text(e) == "(" {
            let sep = a.text(e);
            let list = sep == "," || a.is(e, Lex::NameJoin);
            if list || sep == "(" {
                if let Some(re) = list_item(a, e + 1) {
                    let closed = sep != "(" || a.text(re) == ")";
                    if closed && !redacted(a, e + 1, re) && free(&out, e + 1, re) {
                        out.push((e + 1, re));
                    }
                }
            }
        }
        // Before: "A, " / "A và " ending right before `s`.
        if s >= 2 && (a.text(s - 1) == "," || a.is(s - 1, Lex::NameJoin)) && a.is_cap(s - 2) {
            let mut p = s - 2;
            while p > 0 && s - 1 - p < 5 && a.is_word(p - 1) && a.is_cap(p - 1) && a.sp(p) {
                p -= 1;
            }
            let place = list_place_context(a, p) || p > 0 && a.is(p - 1, Lex::PlacePrep);
            let vetoed = place || mid_run(a, p) || redacted(a, p, s - 1);
            if list_item(a, p) == Some(s - 1) && !vetoed && free(&out, p, s - 1) {
                out.push((p, s - 1));
            }
        }
    }
    out.sort_unstable();
    out
}

/// Finds the OFFICIAL entities of one line; `others` are its TITLE and
/// ORGANIZATION entities (names inside them are skipped, names right after
/// a title are names).
pub(crate) fn find<'a>(
    text: &'a str,
    a: &Analysis<'_, 'a>,
    others: &[Entity<'a>],
) -> Vec<Entity<'a>> {
    spans(a, others)
        .into_iter()
        .map(|(s, e)| {
            let r = a.tokens[s].span.start..a.tokens[e - 1].span.end;
            let t = &text[r.clone()];
            Entity {
                kind: EntityKind::Official,
                text: t,
                span: r,
                value: Value::Official {
                    name: t.nfc().collect(),
                },
            }
        })
        .collect()
}

fn count_words(a: &Analysis, s: usize, e: usize) -> usize {
    (s..e)
        .filter(|&k| a.is_word(k) && (k == s || a.sp(k)))
        .count()
}

/// Whether token `i` starts a sentence or a line (a capital there tells
/// nothing about a name).
fn sentence_start(a: &Analysis, i: usize) -> bool {
    i == 0
        || a.tokens[i].newline_before
        || matches!(
            a.text(i - 1),
            "." | "!" | "?" | ":" | "\"" | "“" | "”" | "(" | "-" | "–" | "…"
        )
}

/// Later mentions of the names found in a text: the last word of a name
/// found in full ("Nguyễn Văn Thiệu … Năm 1967, Thiệu đắc cử", "Vladimir
/// Putin … Putin nói"), written alone, capitalised, mid-sentence, outside
/// every entity already found and not a place. `a` is the whole text,
/// `found` every entity found so far (of any kind).
pub(crate) fn mentions<'a>(
    text: &'a str,
    a: &Analysis<'_, 'a>,
    found: &[Entity<'a>],
) -> Vec<Entity<'a>> {
    let mut out = Vec::new();
    if !found.iter().any(|e| e.kind == EntityKind::Official) {
        return out;
    }
    let mut taken: Vec<(usize, usize)> = found.iter().map(|e| (e.span.start, e.span.end)).collect();
    taken.sort_unstable();
    // Keys of the last words of full names.
    let mut last: Vec<String> = Vec::new();
    for e in found.iter().filter(|e| e.kind == EntityKind::Official) {
        let (s, end) = (a.token_at(e.span.start), a.token_at(e.span.end));
        if end <= s || end > a.len() || last.len() >= 64 {
            continue;
        }
        let words = count_words(a, s, end);
        let l = end - 1;
        if words < 2 || !a.is_word(l) || !a.sp(l) || a.text(l).chars().count() < 2 {
            continue;
        }
        let vietnamese = a.longest(s, Lex::Family).is_some() && all_vietnamese(a, s, end);
        if vietnamese || shape::foreign(a.text(l)) {
            let mut k = String::new();
            crate::key::push_key(a.text(l), &mut k);
            if !last.contains(&k) {
                last.push(k);
            }
        }
    }
    if last.is_empty() {
        return out;
    }
    let mut key = String::new();
    for i in 0..a.len() {
        if !a.is_word(i) || !a.is_cap(i) || a.caps_line(i) || a.toks[i].upper {
            continue;
        }
        // Alone: no capitalised word glued or next to it.
        let next_cap = i + 1 < a.len() && a.is_word(i + 1) && a.is_cap(i + 1) && a.sp(i + 1);
        if mid_run(a, i) || next_cap || a.unit_end(i) != i + 1 || sentence_start(a, i) {
            continue;
        }
        key.clear();
        crate::key::push_key(a.text(i), &mut key);
        if !last.contains(&key) {
            continue;
        }
        if is_place_context(a, i)
            || a.is(i - 1, Lex::PlacePrep)
            || a.longest(i, Lex::Place).is_some()
            || a.longest(i, Lex::NamePlace).is_some()
        {
            continue;
        }
        let r = a.tokens[i].span.clone();
        let idx = taken.partition_point(|&(s, _)| s < r.end);
        // The spans just before: bounded, no scan of the whole text.
        if taken[..idx]
            .iter()
            .rev()
            .take(16)
            .any(|&(s, e)| s < r.end && e > r.start)
        {
            continue;
        }
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
    out
}
