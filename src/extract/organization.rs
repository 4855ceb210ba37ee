//! ORGANIZATION recognizer: the grammar of organisation names.
//!
//! ```text
//! ORG   = (unique body | ORG-HEAD NAME* [ORG]) TAIL*
//! TAIL  = territory keyword [place] | known place | "khóa N" | "tối cao"
//! ```
//!
//! Also bodies named in English ("Tax Foundation", "Real Madrid") and the
//! titles of laws, inside which bodies are not annotated. The TITLE
//! recognizer ([`super::title`]) drives this grammar: an organisation is the
//! complement of a title, and organisations are found where no title starts.
//! Organisations nested in an organisation are not reported (same-type spans
//! never overlap); capitalisation decides where names start and stop.

use super::lex::{
    btv_editor, foreign_word, is_roman_or_number, looks_person, person_len, span,
    starts_org_or_role, territory_kw, Analysis, Lex, HEAD_BARE, HEAD_NAME, HEAD_TAIL,
    PLACE_COUNTRY, PLACE_PROVINCE,
};
use super::{Entity, EntityKind, Value};
use crate::token::TokenKind;

/// Upper bound on tokens looked at inside one organisation name.
const MAX_NAME: usize = 16;

/// A parsed organisation phrase.
#[derive(Debug, Clone)]
pub(super) struct Org {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Whether it names a specific body (an ORGANIZATION).
    pub(super) valid: bool,
    /// Valid organisations nested inside (reported when the outer one is not).
    pub(super) inner: Vec<(usize, usize)>,
}

impl Org {
    /// A specific body spanning units `start..end`, with nothing nested.
    pub(super) fn body(start: usize, end: usize) -> Org {
        Org {
            start,
            end,
            valid: true,
            inner: vec![],
        }
    }
}

/// A capitalised ASCII word of two letters or more, not in an all-capitals
/// line: what the words of an English-style club or company name look like.
fn english_word(a: &Analysis, k: usize) -> bool {
    a.is_word(k) && a.is_cap(k) && !a.caps_line(k) && a.text(k).is_ascii() && a.text(k).len() >= 2
}

/// A football club named in the European way: "Real Madrid", "AC Milan",
/// "Muangthong United", "Manchester City" (two to four capitalised Latin-script
/// words with a club word first or last). Returns the end.
pub(super) fn club_at(a: &Analysis, i: usize) -> Option<usize> {
    const FIRST: &[&str] = &[
        "real",
        "atletico",
        "inter",
        "ac",
        "fc",
        "as",
        "borussia",
        "bayern",
        "sporting",
        "olympique",
        "dynamo",
        "athletic",
    ];
    const LAST: &[&str] = &[
        "united",
        "city",
        "fc",
        "hotspur",
        "albion",
        "wanderers",
        "rovers",
    ];
    let w = |k: usize| english_word(a, k);
    if !w(i) || i > 0 && w(i - 1) && a.sp(i) {
        return None;
    }
    let mut e = i + 1;
    while e < i + 4 && a.sp(e) && w(e) {
        e += 1;
    }
    let is = |k: usize, list: &[&str]| {
        let t = a.text(k);
        t.len() <= 9 && list.iter().any(|x| t.eq_ignore_ascii_case(x))
    };
    let first = is(i, FIRST) && !a.toks[i].upper || matches!(a.text(i), "AC" | "FC" | "AS");
    // Housing estates, car models and films named "... City".
    const NOT_CLUB: &[&str] = &[
        "smart", "royal", "paradise", "honda", "golden", "sun", "star", "ocean", "green", "rip",
        "sky", "park", "times", "sin", "vatican",
    ];
    if (i..e).any(|k| is(k, NOT_CLUB)) {
        return None;
    }
    (e >= i + 2 && (first || is(e - 1, LAST))).then_some(e)
}

/// A body named in English ("Tax Foundation", "Trump Organization") or a
/// bank named in one word ("Eximbank", "VPBank"). Returns the end.
pub(super) fn english_body_at(a: &Analysis, i: usize) -> Option<usize> {
    let t = a.text(i);
    if a.is_word(i)
        && !a.caps_line(i)
        && t.len() >= 6
        && t.is_ascii()
        && (t.ends_with("bank") || t.ends_with("Bank"))
        && !t.eq_ignore_ascii_case("bank")
    {
        return Some(i + 1);
    }
    const LAST: &[&str] = &[
        "organization",
        "organisation",
        "foundation",
        "institute",
        "corporation",
        "corp",
        "inc",
        "ltd",
        "association",
        "agency",
        "holdings",
        "company",
        "partners",
        "airlines",
        "airways",
        "motors",
        "electronics",
        "pharmaceuticals",
        "technologies",
        "systems",
        "university",
        "college",
    ];
    let w = |k: usize| english_word(a, k);
    // A Vietnamese word capitalised only because it starts the sentence
    // ("Theo Brookfield Foundation").
    let initial = |k: usize| {
        (k == 0
            || a.tokens[k].newline_before
            || matches!(
                a.text(k - 1),
                "." | "!" | "?" | ":" | "\"" | "“" | "(" | "-" | "–"
            ))
            && !foreign_word(a.text(k))
            && !a.toks[k].upper
    };
    if !w(i) || initial(i) || i > 0 && w(i - 1) && a.sp(i) && !initial(i - 1) {
        return None;
    }
    let mut e = i + 1;
    while e < i + 5 && a.sp(e) && w(e) {
        e += 1;
    }
    if a.longest(i, Lex::Head).is_some() || a.is_cap(e) && a.sp(e) {
        // "CLB Bamboo Airways Vĩnh Phúc": part of a longer name.
        return None;
    }
    let last = a.text(e - 1);
    (e >= i + 2 && last.len() <= 15 && LAST.iter().any(|x| last.eq_ignore_ascii_case(x)))
        .then_some(e)
}

/// End of the title of a law starting at `i` (exclusive token index).
pub(super) fn law_end(a: &Analysis, i: usize) -> usize {
    let mut j = i + 1;
    while j < a.len() && j < i + 12 {
        let k = a.key(j);
        let comma_on = k == "," && a.is_word(j + 1) && !a.is_cap(j + 1);
        if !a.is_word(j) && !comma_on
            || matches!(
                k,
                "sô2"
                    | "năm"
                    | "đươc5"
                    | "cua3"
                    | "nay1"
                    | "do"
                    | "đa4"
                    | "thay"
                    | "ngay1"
                    | "quy"
                    | "va1"
                    | "se4"
                    | "co2"
                    | "la1"
            )
        {
            break;
        }
        j += 1;
    }
    j
}

pub(super) fn push_org<'a>(
    text: &'a str,
    a: &Analysis<'_, 'a>,
    s: usize,
    e: usize,
    out: &mut Vec<Entity<'a>>,
) {
    let r = span(a, s, e);
    out.push(Entity {
        kind: EntityKind::Organization,
        text: &text[r.clone()],
        span: r,
        value: Value::Empty,
    });
    // An abbreviation in brackets right after: "Quỹ Tiền tệ quốc tế (IMF)".
    let abbr = |k: usize| {
        let t = a.text(k);
        t.chars().count() >= 2
            && t.chars().count() <= 8
            && t.chars().filter(|c| c.is_uppercase()).count() >= 2
            && a.is_cap(k)
    };
    // A company's short name: "Công ty CP Sữa Việt Nam (Vinamilk)".
    let company = matches!(a.key(s), "công" | "tâp5" | "tông3" | "ngân" | "cty");
    let ue = a.unit_end(e + 1);
    let short = |k: usize| {
        company
            && ue == k + 1
            && a.is_cap(k)
            && a.text(k).is_ascii()
            && (3..=16).contains(&a.text(k).len())
    };
    if a.text(e) == "("
        && a.text(ue) == ")"
        && (abbr(e + 1) || short(e + 1))
        && territory_kw(a, e + 1).is_none()
        && a.longest(e + 1, Lex::Place).is_none()
    {
        let r = span(a, e + 1, ue);
        out.push(Entity {
            kind: EntityKind::Organization,
            text: &text[r.clone()],
            span: r,
            value: Value::Empty,
        });
    }
}

/// "các Sở", "45/63 Sở Y tế", "mỗi Chính phủ": class mentions.
pub(super) fn is_generic_before(a: &Analysis, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    if a.tokens[i - 1].kind == TokenKind::Number {
        return true;
    }
    matches!(
        a.key(i - 1),
        "cac2" | "nhưng4" | "nhiêu1" | "môi4" | "tưng1"
    )
}

/// "Phòng Tài chính nhiều huyện", "Sở Y tế các địa phương", "UBND các cấp",
/// "Liên đoàn bóng đá của mỗi quốc gia"; not "nhiều năm", "của các Ban".
pub(super) fn is_generic_after(a: &Analysis, e: usize) -> bool {
    let class_noun = |k: usize| {
        territory_kw(a, k).is_some()
            || matches!(
                a.key(k),
                "đia5"
                    | "đơn"
                    | "nơi"
                    | "cơ"
                    | "vung1"
                    | "miên1"
                    | "nươc2"
                    | "khu"
                    | "câp2"
                    | "quôc2"
                    | "nganh1"
            )
    };
    let quant = |k: usize| matches!(a.key(k), "nhiêu1" | "cac2" | "môi4" | "tưng1");
    quant(e) && a.key(e) != "môi4" && class_noun(e + 1)
        || a.key(e) == "cua3" && quant(e + 1) && class_noun(e + 2)
}

/// A place name at `i`: a known place, or up to two capitalised words that do
/// not start a person's name or an organisation. Returns the end.
pub(super) fn place(a: &Analysis, i: usize, generic: bool) -> Option<usize> {
    let known = a.longest(i, Lex::Place).map(|(n, _)| i + n);
    if !generic || a.caps_line(i) || !a.sp(i) {
        return known;
    }
    if a.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number) {
        // "quận 1", "phường 5".
        return Some(i + 1);
    }
    if !a.is_cap(i) || looks_person(a, i) || starts_org_or_role(a, i) {
        return known;
    }
    let mut j = a.unit_end(i);
    for _ in 0..2 {
        if a.is_cap(j)
            && a.sp(j)
            && a.is_word(j)
            && !starts_org_or_role(a, j)
            && !looks_person(a, j)
        {
            j = a.unit_end(j);
        } else {
            break;
        }
    }
    if a.tokens
        .get(j)
        .is_some_and(|t| t.kind == TokenKind::Number && t.text.len() <= 2)
        && a.sp(j)
    {
        j += 1;
    }
    Some(known.map_or(j, |k| k.max(j)))
}

/// Territorial and term tails after an organisation. Returns the new end
/// and whether any tail was taken.
fn tail(a: &Analysis, mut j: usize, generic_place: bool) -> (usize, bool) {
    let mut took = false;
    let mut kw_done = false;
    for _ in 0..4 {
        if !a.sp(j) {
            break;
        }
        if !kw_done {
            if let Some((n, _)) = a
                .longest(j, Lex::Place)
                .filter(|&(n, _)| n >= 3 && !looks_person(a, j))
            {
                // "TP.HCM" before the keyword "TP".
                j += n;
                took = true;
                kw_done = true;
                continue;
            }
            if let Some(n) = territory_kw(a, j) {
                // "UBND các tỉnh" is not here: a keyword must follow directly.
                let k = j + n;
                j = place(a, k, true).unwrap_or(k);
                took = true;
                kw_done = true;
                continue;
            }
            if let Some((n, tag)) = a.longest(j, Lex::Place).filter(|_| !looks_person(a, j)) {
                if tag != PLACE_COUNTRY || !took {
                    j += n;
                    took = true;
                    kw_done = true;
                    continue;
                }
            }
            // Not after a country: "Hải quân Indonesia | Yudo Margono".
            let after_country = j > 0
                && a.longest(j - 1, Lex::Place)
                    .is_some_and(|(_, t)| t == PLACE_COUNTRY);
            if generic_place && !after_country {
                if let Some(e) = place(a, j, true) {
                    j = e;
                    took = true;
                    kw_done = true;
                    continue;
                }
            }
        }
        match a.key(j) {
            "khoa2" if is_roman_or_number(a, j + 1) => {
                j += 2;
                took = true;
                break;
            }
            "tôi2" if a.key(j + 1) == "cao" => {
                j += 2;
                took = true;
            }
            "khu" if a.key(j + 1) == "vưc5" && is_roman_or_number(a, j + 2) => {
                j += 3;
                took = true;
            }
            _ => break,
        }
    }
    (j, took)
}

/// Lowercase heads that still start an organisation when a name follows.
fn lower_head_ok(k: &str) -> bool {
    matches!(
        k,
        "ban" | "chi" | "trương1" | "đang3" | "công" | "sơ3" | "tâp5" | "ngân" | "bênh5" | "hiêp5"
    )
}

/// Parses an organisation starting at `i`. `lenient`: a lowercase head and a
/// bare head are accepted as a phrase (after "Trưởng", "Chánh").
pub(super) fn parse_org(a: &Analysis, i: usize, lenient: bool, depth: u8) -> Option<Org> {
    if depth > 3
        || !a
            .tokens
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Alnum))
    {
        return None;
    }
    let cap = a.is_cap(i) || a.caps_line(i);
    if (person_len(a, i) >= 3 || looks_person(a, i))
        && !a.longest(i, Lex::Body).is_some_and(|(n, _)| n >= 3)
    {
        return None;
    }
    if a.longest(i, Lex::Place).is_some_and(|(n, _)| n >= 2) {
        return None;
    }
    if i > 0 && matches!(a.key(i - 1), "đương1" | "phô2") {
        // Street names: "đường Trường Chinh".
        return None;
    }
    let body = a.longest(i, Lex::Body);
    let head = a.longest(i, Lex::Head);
    if i > 0
        && !a.is_cap(i)
        && (a.key(i) == "sơ3" && matches!(a.key(i - 1), "tru5" | "cơ")
            || a.key(i) == "trương1"
                && matches!(
                    a.key(i - 1),
                    "thi5" | "môi" | "chiên2" | "quang3" | "hiên5" | "lâp5" | "nông" | "thương"
                ))
    {
        // "trụ sở UBND", "thị trường KH&CN": not the heads "Sở", "Trường".
        return None;
    }
    if i > 0 && a.key(i) == "ban" && a.key(i - 1) == "uy3" {
        // The "ban" of "Ủy ban".
        return None;
    }
    if body.is_none() && head.is_none() {
        return None;
    }
    // A unique body.
    let mut best: Option<Org> = None;
    if let Some((n, _)) = body {
        if cap {
            let mut j = i + n;
            let mut named = false;
            if !a.caps_line(i) && a.is_cap(j) && a.longest(j, Lex::NameWord).is_some() {
                let e = name(a, j, false);
                named = e > j;
                j = e;
            }
            let (e, _) = tail(a, j, false);
            let _ = named;
            best = Some(Org::body(i, e));
        }
    }
    // "tổ chức DAI Global", "công ty Linde": a lowercase head before a
    // foreign name or an acronym.
    let foreign_next = |j: usize| {
        a.sp(j)
            && a.is_cap(j)
            && !a.caps_line(j)
            && a.longest(j, Lex::Place).is_none()
            && (foreign_word(a.text(j))
                || a.toks[j].upper && a.text(j).len() >= 3 && a.text(j).is_ascii())
    };
    if let Some((n, class)) = head {
        let head_key = a.key(i);
        if head_key == "btv" && btv_editor(a, i) {
            return best;
        }
        // "Tổ chức Đảng", "tổ chức Công đoàn": organisations of a kind.
        // A known body wins over "Tổ chức" + name ("Tổ chức Y tế Thế giới
        // WHO" is the body and its abbreviation).
        let kind_of = head_key == "tô3"
            && (a.caps_line(i)
                || best.is_some()
                || a.longest(i + n, Lex::Head).is_some()
                || a.longest(i + n, Lex::Body).is_some()
                || a.key(i + n) == "công" && a.key(i + n + 1) == "đoan1");
        let lower_ok = lower_head_ok(head_key) || head_key == "tô3" && foreign_next(i + n);
        if !kind_of && (cap || lenient || lower_ok) {
            let j = i + n;
            // Heads whose name may start in lowercase ("Hội truyền nhiễm",
            // "Ban Quản lý dự án", "Công ty cổ phần Xi măng").
            let lower_first = matches!(head_key, "hôi5" | "liên" | "cuc5" | "viên5" | "bcđ")
                || (n > 1
                    && class == HEAD_NAME
                    && matches!(
                        head_key,
                        "ban"
                            | "hôi5"
                            | "liên"
                            | "tông3"
                            | "công"
                            | "hơp5"
                            | "ngân"
                            | "bênh5"
                            | "hiêp5"
                    ));
            let short = n == 1
                && matches!(
                    head_key,
                    "ban" | "bô5" | "sơ3" | "vu5" | "cuc5" | "đoan1" | "phong1" | "trương1"
                );
            let mut e = if short && !strong_first(a, j) {
                j
            } else {
                name(a, j, lower_first)
            };
            let named = e > j;
            let mut inner = Vec::new();
            // An organisation of an organisation: "Ban Tuyên giáo Tỉnh ủy".
            let mut sub = false;
            if a.sp(e) {
                if let Some(o) = parse_org(a, e, false, depth + 1) {
                    if o.valid {
                        inner.push((o.start, o.end));
                        e = o.end;
                        sub = true;
                    } else {
                        inner.extend(o.inner);
                    }
                }
            }
            // "Uỷ ban Pháp luật của Quốc hội".
            if !sub && named && a.key(e) == "cua3" && matches!(head_key, "uy3" | "ban") {
                if let Some(o) = parse_org(a, e + 1, false, depth + 1) {
                    if o.valid && a.longest(e + 1, Lex::Body).is_some() {
                        inner.push((o.start, o.end));
                        e = o.end;
                        sub = true;
                    }
                }
            }
            // "Đại sứ quán Việt Nam tại Ấn Độ".
            if n >= 3 && a.key(i + n - 1) == "quan2" && a.key(e) == "tai5" && e > j {
                if let Some((m, PLACE_COUNTRY)) = a.longest(e + 1, Lex::Place) {
                    if a.is_cap(e + 1) {
                        e += 1 + m;
                        sub = true;
                    }
                }
            }
            let generic_place = matches!(class, HEAD_BARE | HEAD_TAIL) && n >= 2 && !sub
                || matches!(head_key, "tinh3" | "thanh1" | "huyên5" | "quân5" | "thi5");
            let (e2, took) = if sub {
                (e, false)
            } else {
                tail(a, e, generic_place)
            };
            e = e2;
            let valid = (cap || named || took || sub)
                && (cap
                    || lenient
                    || e - j >= 2
                    || took
                    || sub
                    || e == j + 1 && foreign_next(j) && !a.toks[j].upper)
                && match class {
                    HEAD_BARE => cap || took,
                    HEAD_TAIL => took || named || sub,
                    HEAD_NAME => named || sub,
                    _ => false,
                };
            // A lowercase head needs a capitalised name or a place: "công
            // ty Luật TNHH X", not the class "công ty cổ phần".
            let valid = valid
                && (cap || named || sub || took)
                && (cap || lenient || took || sub || (j..e).any(|k| a.is_cap(k)));
            // "Tòa án Việt Nam", "Tòa án nước ngoài": the courts of a country.
            let country_courts = head_key == "toa1"
                && a.longest(j, Lex::Place)
                    .is_some_and(|(m, t)| t == PLACE_COUNTRY && j + m == e);
            let org = Org {
                start: i,
                end: e,
                valid: valid && !country_courts,
                inner,
            };
            let better = match &best {
                None => true,
                Some(b) => org.end > b.end && (org.valid || !b.valid),
            };
            if better {
                best = Some(org);
            }
        }
    }
    best
}

/// Name words after an organisation head, from `j`. Returns the end.
fn name(a: &Analysis, j: usize, lower_first: bool) -> usize {
    let mut k = j;
    let limit = (j + MAX_NAME).min(a.len());
    // Whether the last word taken was capitalised.
    let mut prev_cap = false;
    while k < limit {
        if !a.sp(k) {
            break;
        }
        let t = &a.tokens[k];
        if a.caps_line(k) {
            // Capitals tell nothing: only known words, not verb-like ones.
            if let Some((n, tag)) = a.longest(k, Lex::NameWord) {
                if tag == 1 {
                    break;
                }
                k += n;
                continue;
            }
            if let Some((n, _)) = a.longest(k, Lex::Place) {
                if a.longest(k, Lex::Head).is_none() {
                    k += n;
                    continue;
                }
            }
            break;
        }
        let is_cap = a.is_cap(k);
        if is_cap {
            // Glued abbreviations ("HĐND-UBND", "GD&ĐT", "T&T").
            let ue = a.unit_end(k);
            if ue > k + 1 {
                k = ue;
                prev_cap = true;
                continue;
            }
            // A known place ("Thành ủy Hải Phòng"); a country ends the name
            // ("Bộ Ngoại giao Mỹ | Ned Price").
            if let Some((n, tag)) = a.longest(k, Lex::Place) {
                // "Trường ĐH Tôn Đức Thắng": a country word followed by a
                // Vietnamese capitalised syllable is inside a name.
                let inside_name = a.is_cap(k + n)
                    && a.is_word(k + n)
                    && a.sp(k + n)
                    && !a.text(k + n).is_ascii()
                    && !starts_org_or_role(a, k + n)
                    && !looks_person(a, k + n);
                // "Hải quân Indonesia | Yudo Margono": a foreign name after it.
                let foreign_next = a.is_cap(k + n) && a.sp(k + n) && a.text(k + n).is_ascii();
                if tag == PLACE_COUNTRY && (k > j && !inside_name || foreign_next) {
                    k += n;
                    break;
                }
                if n > 1 {
                    k += n;
                    prev_cap = true;
                    continue;
                }
            }
            // A name word that is a known compound ("Công an", "Phòng chống").
            if let Some((n, _)) = a.longest(k, Lex::NameWord) {
                if n > 1 || a.longest(k, Lex::Head).is_none() && a.longest(k, Lex::Body).is_none() {
                    k += n;
                    prev_cap = true;
                    continue;
                }
            }
            if a.longest(k, Lex::Head).is_some() || a.longest(k, Lex::Body).is_some() {
                // An office word as the first name word: "Hội đồng Bộ trưởng".
                if k == j {
                    if let Some((n, _)) = a.longest(k, Lex::Role) {
                        if a.longest(k, Lex::Body).is_none()
                            && a.longest(k, Lex::Head).map_or(0, |h| h.0) < n
                        {
                            k += n;
                            prev_cap = true;
                            continue;
                        }
                    }
                }
                break;
            }
            // A person's name ends the name, except in school names
            // ("Trường ĐH Tôn Đức Thắng", "THPT Nguyễn Du").
            let school = k > 0
                && (matches!(
                    a.key(k - 1),
                    "th" | "thcs" | "thpt" | "đh" | "cđ" | "mn" | "ptth"
                ) || matches!(a.key(k - 1), "hoc5" | "thông" | "non")
                    && k > 1
                    && matches!(a.key(k - 2), "đai5" | "tiêu3" | "trung" | "phô3" | "mâm1")
                    || k > 1 && a.key(k - 1) == "sơ3" && a.key(k - 2) == "cơ");
            if territory_kw(a, k).is_some() || (looks_person(a, k) && !school) || a.key(k) == "pho2"
            {
                break;
            }
            if school && looks_person(a, k) {
                // The school's namesake, whole: "THCS Lê Đức Thọ".
                k += person_len(a, k).max(1);
                break;
            }
            if k == j {
                if let Some((n, _)) = a.longest(k, Lex::Role) {
                    k += n;
                    prev_cap = true;
                    continue;
                }
            } else if a.longest(k, Lex::Role).is_some() {
                break;
            }
            let single = ue == k + 1;
            k = ue;
            prev_cap = true;
            // An unknown Vietnamese-looking syllable usually begins a
            // two-syllable word: take its lowercase second half ("Viện
            // Nghiên cứu", "Cục Quản lý Khám chữa bệnh").
            let w = a.text(k - 1);
            if single
                && !a.toks[k - 1].upper
                && (w.len() <= 4 || !w.is_ascii())
                && a.longest(k - 1, Lex::Place).is_none()
                && a.is_word(k)
                && a.sp(k)
                && !a.is_cap(k)
                && !is_stop(a.key(k))
                && a.longest(k, Lex::NameWord).is_none()
                && territory_kw(a, k).is_none()
            {
                k += 1;
                prev_cap = false;
            }
            continue;
        }
        if t.kind == TokenKind::Word {
            if k == j && !lower_first && !(a.key(k) == "cơ" && a.key(k + 1) == "quan") {
                break;
            }
            // A continent ends the name: "Liên đoàn bóng đá châu Á".
            if k > j {
                if let Some((n, _)) = a.longest(k, Lex::Place) {
                    if a.is_cap(k + n - 1) {
                        k += n;
                        break;
                    }
                }
            }
            if let Some((n, tag)) = a.longest(k, Lex::NameWord) {
                // A verb-like word right after a capitalised one (or first)
                // ends the name; a "not first" word cannot start it.
                if tag == 1 && (prev_cap || k == j) {
                    break;
                }
                k += n;
                prev_cap = false;
                continue;
            }
            if a.key(k) == "va1" && k > j {
                let n = k + 1;
                if a.sp(n)
                    && (a.is_cap(n) || a.longest(n, Lex::NameWord).is_some())
                    && (a.longest(n, Lex::NameWord).is_some() || !starts_org_or_role(a, n))
                    && !looks_person(a, n)
                    && !(a.key(n) == "nha1" && a.key(n + 1) == "nươc2")
                    // "Bệnh viện A và Bệnh viện B": a new head, a new body.
                    && a.longest(n, Lex::Head).is_none()
                {
                    // After "và" a verb-like word is a coordinated part of
                    // the name ("Trung tâm Nghiên cứu và phát triển").
                    k = n;
                    prev_cap = false;
                    continue;
                }
            }
            break;
        }
        if t.text == "&" && k > j && a.is_cap(k + 1) && a.sp(k + 1) && !a.caps_line(k + 1) {
            // "Bộ Giáo dục & Đào tạo".
            k += 1;
            continue;
        }
        if matches!(t.text, "-" | "–")
            && k > j
            && a.is_cap(k + 1)
            && a.sp(k + 1)
            && !a.caps_line(k + 1)
        {
            if starts_org_or_role(a, k + 1) || person_len(a, k + 1) >= 2 {
                break;
            }
            // "trường THPT Cầu Giấy - Hà Nội": a province after a dash, ending
            // the name, locates the body; not in paired names ("Ngân hàng Sài
            // Gòn - Hà Nội", "Bệnh viện Việt Nam - Thụy Điển Uông Bí").
            if let Some((n, PLACE_PROVINCE)) = a.longest(k + 1, Lex::Place) {
                let paired =
                    (j..k).any(|s| a.longest(s, Lex::Place).is_some_and(|(m, _)| s + m == k));
                let ends = !(a.is_cap(k + 1 + n) && a.sp(k + 1 + n));
                if ends && !paired {
                    break;
                }
            }
            k += 1;
            continue;
        }
        if t.kind == TokenKind::Number
            && t.text.len() <= 3
            && j > 0
            && (k == j
                && (a.key(j - 1).ends_with("oan1") || matches!(a.key(j - 1), "khu" | "viên5"))
                || k > j && j > 1 && a.key(j - 1) == "viên5" && a.key(j - 2) == "bênh5")
        {
            // "Quân đoàn 2", "Quân khu 7", "Bệnh viện 108", "Bệnh viện quân
            // y 175", "Bệnh viện Trung ương Quân đội 108".
            k += 1;
            break;
        }
        if t.kind == TokenKind::Alnum && a.is_cap(k) {
            k = a.unit_end(k);
            prev_cap = true;
            continue;
        }
        break;
    }
    // Never end on "và" ("phòng Quản lý thi và | kiểm định").
    while k > j && a.key(k - 1) == "va1" {
        k -= 1;
    }
    k
}

/// Function words and common verbs that never continue a body's name.
fn is_stop(k: &str) -> bool {
    matches!(
        k,
        "đa4"
            | "se4"
            | "đươc5"
            | "la1"
            | "co2"
            | "cua3"
            | "va1"
            | "cho"
            | "vơi2"
            | "tai5"
            | "trong"
            | "vê1"
            | "tư1"
            | "đên2"
            | "theo"
            | "nay1"
            | "đo2"
            | "cac2"
            | "nhưng4"
            | "vưa1"
            | "đang"
            | "cung4"
            | "không"
            | "phai3"
            | "thi1"
            | "ma1"
            | "bi5"
            | "do"
            | "nên"
            | "khi"
            | "đê3"
            | "ra"
            | "vao1"
            | "lên"
            | "xuông2"
            | "ơ3"
            | "con1"
            | "rôi1"
            | "lai5"
            | "chi3"
            | "mơi2"
            | "nhiêu1"
            | "it2"
            | "ban"
            | "yêu"
            | "công"
            | "thông"
            | "phôi2"
            | "tiêp2"
            | "triên3"
            | "kiêm3"
            | "đê1"
            | "quyêt2"
            | "xư3"
            | "ky2"
            | "hop5"
            | "lam1"
            | "nhân5"
            | "trao"
            | "gưi3"
            | "lưa5"
            | "phat2"
            | "tô3"
            | "đanh2"
            | "khăng3"
            | "nhân2"
            | "bao2"
            | "canh3"
            | "tuyên"
            | "đưa"
            | "thưc5"
            | "hương2"
            | "giao"
            | "đat5"
            | "tăng"
            | "giam3"
            | "vân54"
            | "cân1"
            | "hiên5"
            | "sau"
            | "trươc2"
            | "tiên2"
            | "thu"
            | "mơ3"
            | "tham"
            | "chu3"
            | "chiu5"
            | "dư5"
            | "gôm1"
            | "như"
            | "nhăm1"
            | "đê2"
            | "năm"
            | "nga1y"
            | "ngay1"
            | "thang2"
            | "quy2"
            | "sô2"
            | "mot5"
            | "môt5"
            | "hai"
            | "ba"
            | "bôn2"
            | "nam"
            | "sau2"
            | "bay3"
            | "tam2"
            | "chin2"
            | "mươi1"
            | "trăm"
            | "nghin1"
            | "triêu5"
            | "ty3"
            | "vâ4n"
            | "vân4"
            | "luôn"
            | "thương1"
            | "rât2"
            | "hơn"
            | "nhât2"
            | "qua"
            | "đi"
            | "đên"
    )
}

/// Whether the first name word after a head at `j` is acceptable for a short
/// head ("Ban", "Bộ", "Sở" …): a known name word, an abbreviation, an office
/// word or an organisation, not any capitalised word ("Ban Mê").
fn strong_first(a: &Analysis, j: usize) -> bool {
    a.longest(j, Lex::NameWord).is_some()
        || (a.toks.get(j).is_some_and(|t| t.upper) && a.text(j).chars().count() >= 2)
        || a.unit_end(j) > j + 1
        || a.longest(j, Lex::Role).is_some()
        || a.longest(j, Lex::Head).is_some()
        || a.longest(j, Lex::Body).is_some()
}
