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

use super::{Entity, EntityKind, Value};
use crate::lex::{
    btv_editor, foreign_word, is_roman_or_number, looks_person, person_len, span,
    starts_org_or_role, territory_kw, Analysis, Lex, Walk, AWARD, CENTRAL, CLUB_ABBR, EDITOR,
    FAMOUS, HEAD_BARE, HEAD_NAME, HEAD_TAIL, LOWER_FIRST_KIND, LOWER_PAIRED, NAME_VERB,
    NOT_HEAD_ANY_CASE, NUMBERED_INNER, ORG_LEVEL_COURT, ORG_LEVEL_SAME, PLACE_COUNTRY,
    PLACE_PROVINCE, QUANT_EACH, QUANT_THOSE, REGION, SUPREME,
};
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
    /// A class of bodies written like one ("UBND cấp xã", "Ủy ban nhân dân
    /// tỉnh" in a rule of law): the complement of a title, never reported
    /// as an ORGANIZATION.
    pub(super) generic: bool,
}

impl Org {
    /// A specific body spanning units `start..end`, with nothing nested.
    pub(super) fn body(start: usize, end: usize) -> Org {
        Org {
            start,
            end,
            valid: true,
            inner: vec![],
            generic: false,
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
    let w = |k: usize| english_word(a, k);
    if !w(i) || i > 0 && w(i - 1) && a.sp(i) {
        return None;
    }
    let mut e = i + 1;
    while e < i + 4 && a.sp(e) && w(e) {
        e += 1;
    }
    // "AC Milan" in capitals, "Real Madrid" not: "REAL" is a word of a
    // headline.
    let first = a
        .class(i, Lex::ClubFirst)
        .is_some_and(|c| !a.toks[i].upper || c == CLUB_ABBR);
    // Housing estates, car models and films named "... City".
    if (i..e).any(|k| a.is(k, Lex::NotClub)) {
        return None;
    }
    (e >= i + 2 && (first || a.is(e - 1, Lex::ClubLast))).then_some(e)
}

/// Whether `t` ends with a [`Lex::CompanySuffix`] (as written or
/// capitalised: "Eximbank", "VPBank") without being it.
fn company_suffix(a: &Analysis, t: &str) -> bool {
    a.matcher().phrases(Lex::CompanySuffix).any(|s| {
        let Some(tail) = t.len().checked_sub(s.len()).and_then(|p| t.get(p..)) else {
            return false;
        };
        let capitalised = {
            let mut c = s.chars();
            let mut d = tail.chars();
            c.next()
                .zip(d.next())
                .is_some_and(|(x, y)| x.to_ascii_uppercase() == y)
                && c.as_str() == d.as_str()
        };
        (tail == s || capitalised) && !t.eq_ignore_ascii_case(s)
    })
}

/// A body named in English ("Tax Foundation", "Trump Organization") or a
/// bank named in one word ("Eximbank", "VPBank"). Returns the end.
pub(super) fn english_body_at(a: &Analysis, i: usize) -> Option<usize> {
    let t = a.text(i);
    if a.is_word(i) && !a.caps_line(i) && t.len() >= 6 && t.is_ascii() && company_suffix(a, t) {
        return Some(i + 1);
    }
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
    (e >= i + 2 && a.is(e - 1, Lex::CompanyLast)).then_some(e)
}

// The end of a law's title is read at the token level (the segmenter's
// VLSP convention joins the title into one word).
pub(super) use crate::lex::law_end;

pub(super) fn push_org<'a>(
    text: &'a str,
    a: &Analysis<'_, 'a>,
    s: usize,
    e: usize,
    out: &mut Vec<Entity<'a>>,
) {
    if a.longest(s, Lex::Outlet).is_some() {
        // A news outlet or agency ("Đài Truyền hình Việt Nam").
        return;
    }
    let r = span(a, s, e);
    out.push(Entity {
        kind: EntityKind::Organization,
        text: &text[r.clone()],
        span: r,
        value: Value::Empty,
    });
    // An abbreviation in brackets right after: "Quỹ Tiền tệ quốc tế (IMF)".
    // Also a police unit's code: "Cục Cảnh sát hình sự (C02)", "(PC03)".
    let abbr = |k: usize| {
        let t = a.text(k);
        // Three characters at least: not "(F1)", a contact of a case.
        let code = t.len() >= 3
            && t.chars().any(|c| c.is_ascii_digit())
            && t.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        t.chars().count() >= 2
            && t.chars().count() <= 8
            && (t.chars().filter(|c| c.is_uppercase()).count() >= 2 || code)
            && a.is_cap(k)
    };
    // A company's short name: "Công ty CP Sữa Việt Nam (Vinamilk)".
    let company = a.is(s, Lex::CompanyHead);
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
    a.is(i - 1, Lex::Quantifier)
}

/// "Phòng Tài chính nhiều huyện", "Sở Y tế các địa phương", "UBND các cấp",
/// "Liên đoàn bóng đá của mỗi quốc gia"; not "nhiều năm", "của các Ban".
pub(super) fn is_generic_after(a: &Analysis, e: usize) -> bool {
    let class_noun = |k: usize| territory_kw(a, k).is_some() || a.is(k, Lex::ClassNoun);
    let quant = |k: usize| a.class(k, Lex::Quantifier).filter(|&c| c != QUANT_THOSE);
    quant(e).is_some_and(|c| c != QUANT_EACH) && class_noun(e + 1)
        || a.is(e, Lex::Of) && quant(e + 1).is_some() && class_noun(e + 2)
        || not_body_after(a, e)
}

/// A modifier after a body's name that makes it no body: "Chính phủ nước
/// ngoài", "chính phủ điện tử", "chính phủ số" (not "Chính phủ số 41…",
/// "Chính phủ số | Nghị định …": a one-word modifier before a capital may be
/// the next phrase; "nước ngoài | Hiệp định" is not).
fn not_body_after(a: &Analysis, e: usize) -> bool {
    a.longest(e, Lex::NotBodyAfter).is_some_and(|(n, _)| {
        let k = e + n;
        let number = a.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Number);
        !(a.sp(k) && (n == 1 && a.is_cap(k) || number))
    })
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
    // "huyện Gia Lâm Nguyễn Văn Dũng": a person's name starts at the
    // family name before a middle name ("Văn", "Thị"), not one word earlier.
    let person_at = |j: usize| {
        looks_person(a, j)
            && !(a.longest(j + 1, Lex::Family).is_some()
                && a.is_cap(j + 2)
                && a.is(j + 2, Lex::MiddleName))
    };
    let mut j = a.unit_end(i);
    for _ in 0..2 {
        if a.is_cap(j) && a.sp(j) && a.is_word(j) && !starts_org_or_role(a, j) && !person_at(j) {
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

/// What [`tail`] took after an organisation.
struct Tail {
    /// The new end.
    end: usize,
    /// Whether any tail was taken.
    took: bool,
    /// Whether the tail makes a class of bodies: a level ("cấp xã"), a
    /// coordinated territory ("tỉnh, thành phố trực thuộc trung ương"), a
    /// bare territory keyword in a rule of law.
    generic: bool,
}

/// Territorial, level and term tails after an organisation.
fn tail(a: &Analysis, mut j: usize, generic_place: bool) -> Tail {
    let mut took = false;
    let mut kw_done = false;
    let mut generic = false;
    // A territory keyword taken without a place after it ("UBND tỉnh").
    let mut bare_kw = false;
    for _ in 0..4 {
        if !a.sp(j) {
            break;
        }
        if !kw_done {
            if let Some((n, class)) = a.longest(j, Lex::OrgLevel) {
                // "UBND cấp xã": a class of bodies; "TAND cấp cao tại Hà
                // Nội": the high court of a seat.
                match class {
                    ORG_LEVEL_SAME => break,
                    ORG_LEVEL_COURT => {
                        j += n;
                        match seat(a, j) {
                            Some(e) => j = e,
                            None => generic = true,
                        }
                    }
                    _ => {
                        j += n;
                        generic = true;
                    }
                }
                took = true;
                kw_done = true;
                continue;
            }
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
                if let Some(e) = namesake_place(a, j, k) {
                    j = e;
                    took = true;
                    kw_done = true;
                    continue;
                }
                match place(a, k, true) {
                    Some(e) => j = e,
                    None => {
                        j = k;
                        bare_kw = true;
                    }
                }
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
        // "khóa XII", "tối cao", "khu vực 2", "Trung ương", "TW".
        if a.is(j, Lex::Term) && is_roman_or_number(a, j + 1) {
            j += 2;
            took = true;
            break;
        }
        match a.longest(j, Lex::OrgTail) {
            Some((n, SUPREME)) => j += n,
            Some((n, REGION)) if is_roman_or_number(a, j + n) => j += n + 1,
            Some((n, CENTRAL)) if n > 1 || a.toks[j].upper => j += n,
            _ => break,
        }
        took = true;
    }
    if bare_kw {
        // "Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương", "UBND
        // tỉnh" in a rule: every province's committee.
        let coordinated = a.is_punct(j, ",")
            && (territory_kw(a, j + 1).is_some() || a.longest(j + 1, Lex::OrgLevel).is_some());
        generic |= coordinated || rule_context(a, j);
    }
    Tail {
        end: j,
        took,
        generic,
    }
}

/// A ward or district named after a person, after its lowercase keyword at
/// `j` (the name at `k`): "phường Phạm Ngũ Lão" (a well-known person),
/// "phường Nguyễn Thái Bình, quận 1" (a name followed by the next level of
/// the address). Not "Chủ tịch UBND tỉnh Nguyễn Văn A", a title before a
/// name. Returns the end.
fn namesake_place(a: &Analysis, j: usize, k: usize) -> Option<usize> {
    if a.is_cap(j) || !a.sp(k) || !a.is_cap(k) || a.caps_line(k) {
        return None;
    }
    if let Some((m, FAMOUS)) = a.longest(k, Lex::KnownPerson) {
        if m >= 2 {
            return Some(k + m);
        }
    }
    let m = person_len(a, k);
    (m >= 2 && a.is_punct(k + m, ",") && territory_kw(a, k + m + 1).is_some()).then_some(k + m)
}

/// The seat of a high court after "cấp cao": "tại Hà Nội". Returns the end.
fn seat(a: &Analysis, j: usize) -> Option<usize> {
    if !a.is(j, Lex::At) || !a.sp(j + 1) {
        return None;
    }
    a.longest(j + 1, Lex::Place).map(|(n, _)| j + 1 + n)
}

/// Whether the organisation at `s..e`, nested in another, is a class of
/// bodies, not reported alone ("Ủy ban Thẩm phán | Tòa án nhân dân cấp
/// cao").
pub(super) fn generic_inner(a: &Analysis, s: usize, e: usize) -> bool {
    parse_org(a, s, false, 1).is_some_and(|o| o.end == e && o.generic)
}

/// A company body alone ("Hội đồng quản trị") in a clause of a law: the
/// body of any company, no ORGANIZATION.
pub(super) fn generic_board(a: &Analysis, o: &Org) -> bool {
    a.longest(o.start, Lex::Board)
        .is_some_and(|(n, _)| o.start + n == o.end)
        && clause_line(a)
}

/// Whether the line opens with a clause marker of a law ("1.", "b)").
fn clause_line(a: &Analysis) -> bool {
    match a.tokens.first() {
        Some(t) if t.kind == TokenKind::Number => matches!(a.text(1), "." | ")"),
        Some(t) if t.kind == TokenKind::Word => {
            t.text.chars().count() == 1 && !a.is_cap(0) && a.text(1) == ")"
        }
        _ => false,
    }
}

/// How far around a bare territory keyword [`rule_context`] looks.
const RULE_WINDOW: usize = 40;

/// Whether token `j` stands in a rule of law: its line opens with a clause
/// marker ("1.", "b)") or a word of rules ([`Lex::RuleCue`]:
/// "có trách nhiệm", "thẩm quyền") stands near it. Looks at a bounded
/// window only.
pub(super) fn rule_context(a: &Analysis, j: usize) -> bool {
    clause_line(a)
        || (j.saturating_sub(RULE_WINDOW)..(j + RULE_WINDOW).min(a.len()))
            .any(|k| a.starts(k).has(Lex::RuleCue) && a.longest(k, Lex::RuleCue).is_some())
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
        && a.longest(i, Lex::Body).is_none_or(|(n, _)| n < 3)
    {
        return None;
    }
    if a.longest(i, Lex::Place).is_some_and(|(n, _)| n >= 2) {
        return None;
    }
    if i > 0 && a.is(i - 1, Lex::Street) {
        // Street names: "đường Trường Chinh".
        return None;
    }
    let body = a.longest(i, Lex::Body);
    let head = a.longest(i, Lex::Head);
    if let Some(h) = a.seq(i.wrapping_sub(1), i + 1, Lex::NotHead) {
        // "trụ sở UBND", "thị trường KH&CN": not the heads "Sở", "Trường";
        // the "ban" of "Ủy ban".
        if h.class == NOT_HEAD_ANY_CASE || !a.is_cap(i) {
            return None;
        }
    }
    if body.is_none() && head.is_none() {
        return None;
    }
    // A unique body.
    let mut best: Option<Org> = None;
    if let Some((n, _)) = body {
        if cap || lower_body(a, i, n) {
            let mut j = i + n;
            if cap && !a.caps_line(i) && a.is_cap(j) && a.longest(j, Lex::NameWord).is_some() {
                j = name(a, j, false);
            }
            let t = tail(a, j, false);
            let mut e = t.end;
            // "Hội đồng Dân tộc của Quốc hội".
            if a.is(e, Lex::Of) && a.is(i, Lex::OfHead) && a.longest(e + 1, Lex::Body).is_some() {
                if let Some(o) = parse_org(a, e + 1, false, depth + 1).filter(|o| o.valid) {
                    e = o.end;
                }
            }
            let mut o = Org::body(i, e);
            o.generic = t.generic;
            best = Some(o);
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
        if a.class(i, Lex::Honorific) == Some(EDITOR) && btv_editor(a, i) {
            return best;
        }
        // "Tổ chức Đảng", "tổ chức Công đoàn": organisations of a kind.
        // A known body wins over "Tổ chức" + name ("Tổ chức Y tế Thế giới
        // WHO" is the body and its abbreviation).
        let kind_head = a.is(i, Lex::KindHead);
        let kind_of = kind_head
            && (a.caps_line(i)
                || best.is_some()
                || a.longest(i + n, Lex::Head).is_some()
                || a.longest(i + n, Lex::Body).is_some()
                || a.seq(i + n, i + n + 2, Lex::KindName).is_some());
        let lower_ok = a.is(i, Lex::LowerHead) || kind_head && foreign_next(i + n);
        if !kind_of && (cap || lenient || lower_ok) {
            let j = i + n;
            // Heads whose name may start in lowercase ("Hội truyền nhiễm",
            // "Ban Quản lý dự án", "Công ty cổ phần Xi măng").
            // After an office word, a lowercase head's name may start in
            // lowercase ("trưởng ban | nghiên cứu …", "hiệu trưởng trường
            // | trung học Wautoma"); a body only with a capitalised word in it.
            let lower_after_office =
                lenient && !cap && a.sp(j) && !a.is_cap(j) && a.longest(j, Lex::NameWord).is_some();
            let lower_first = lower_after_office
                || a.is(i, Lex::LowerFirst)
                || (n > 1 && class == HEAD_NAME && a.is(i, Lex::LowerFirstLong));
            let short = n == 1 && a.is(i, Lex::ShortHead);
            let mut e = if short && !strong_first(a, j) {
                j
            } else {
                name(a, j, lower_first)
            };
            // A ministry's name, read across its commas, dashes and "&"
            // ("Bộ Văn hóa, Thể thao và Du lịch", "Bộ LĐ-TB&XH").
            if let Some(pe) = portfolio(a, j) {
                // "Bộ Công an | Tô Lâm": a two-word name after a whole
                // ministry's name is its minister's, not part of it.
                e = if a.is(i, Lex::MinistryHead) && e > pe && person_len(a, pe) == 2 && pe + 2 == e
                {
                    pe
                } else {
                    e.max(pe)
                };
            }
            // "Chủ tịch Hạ viện | Nancy Pelosi": a body named by its head
            // alone is not named, nor placed, by the foreign person's name
            // after it.
            let person_next =
                class == HEAD_BARE && a.is(j, Lex::GivenName) && foreign_person_after(a, j);
            if person_next {
                e = j;
            }
            let mut named = e > j;
            let mut inner = Vec::new();
            // An organisation of an organisation: "Ban Tuyên giáo Tỉnh ủy".
            let mut sub = false;
            let mut sub_generic = false;
            if a.sp(e) {
                if let Some(o) = parse_org(a, e, false, depth + 1) {
                    if o.valid {
                        inner.push((o.start, o.end));
                        e = o.end;
                        sub = true;
                        sub_generic = o.generic;
                    } else {
                        inner.extend(o.inner);
                    }
                }
            }
            // "Uỷ ban kinh tế của Quốc hội": a lowercase name before "của"
            // and a unique body.
            if !named && !sub && a.is(i, Lex::OfHead) && a.sp(j) {
                let e1 = name(a, j, true);
                if e1 > j && a.is(e1, Lex::Of) && a.longest(e1 + 1, Lex::Body).is_some() {
                    e = e1;
                    named = true;
                }
            }
            // "Uỷ ban Pháp luật của Quốc hội".
            if !sub && named && a.is(e, Lex::Of) && a.is(i, Lex::OfHead) {
                if let Some(o) = parse_org(a, e + 1, false, depth + 1) {
                    if o.valid && a.longest(e + 1, Lex::Body).is_some() {
                        inner.push((o.start, o.end));
                        e = o.end;
                        sub = true;
                    }
                }
            }
            // "Đại sứ quán Việt Nam tại Ấn Độ", "… tại Hà Nội".
            if n >= 3 && a.is(i + n - 1, Lex::Embassy) && a.is(e, Lex::At) && e > j {
                if let Some((m, _)) = a.longest(e + 1, Lex::Place) {
                    if a.is_cap(e + 1) {
                        e += 1 + m;
                        sub = true;
                    }
                }
            }
            let generic_place = matches!(class, HEAD_BARE | HEAD_TAIL) && n >= 2 && !sub
                || a.is(i, Lex::TerritoryHead);
            let t = if sub || person_next {
                Tail {
                    end: e,
                    took: false,
                    generic: sub_generic,
                }
            } else {
                tail(a, e, generic_place)
            };
            // "công ty công nghệ sinh học Mỹ": a lowercase head and a
            // lowercase description located in a country describe a kind of
            // company, not one; the country names no body.
            let country_only = !cap
                && !lenient
                && t.took
                && !(j..e).any(|k| a.is_cap(k))
                && a.longest(e, Lex::Place)
                    .is_some_and(|(m, c)| c == PLACE_COUNTRY && e + m == t.end);
            let took = t.took && !country_only;
            e = if country_only { e } else { t.end };
            let valid = (cap || named || took || sub)
                && (cap
                    || lenient
                    || e - j >= 2
                    || took
                    || sub
                    || e == j + 1 && foreign_next(j) && !a.toks[j].upper)
                && match class {
                    // "thành ủy Đà Nẵng", "huyện ủy Mường Tè": a lowercase
                    // committee of a named territory.
                    HEAD_BARE => cap || took || named && a.is(i, Lex::TerritoryHead),
                    HEAD_TAIL => took || named || sub,
                    HEAD_NAME => named || sub,
                    _ => false,
                };
            // A head of two words whose name is all lowercase names a kind
            // of body ("Trung tâm thương mại", "Trung tâm quốc gia") unless
            // an office precedes it ("Giám đốc Trung tâm chống độc") or a
            // place or a parent body follows ("Trung tâm y tế huyện X").
            let kind_name = n > 1
                && class == HEAD_NAME
                && a.class(i, Lex::LowerFirstLong) == Some(LOWER_FIRST_KIND)
                && named
                && (j..e).all(|k| a.is_word(k) && !a.is_cap(k) && !a.caps_line(k));
            let office_before = i > 0 && a.ends_at(i, Lex::Role).is_some();
            let valid = valid && !(kind_name && !office_before && !took && !sub);
            // A lowercase head needs a capitalised name or a place: "công
            // ty Luật TNHH X", not the class "công ty cổ phần".
            // A country ending a lowercase name ("hiệp hội ung thư Mỹ")
            // locates a kind of body; it is no capitalised name.
            let name_end = (j..e)
                .find(|&k| {
                    a.longest(k, Lex::Place)
                        .is_some_and(|(m, c)| c == PLACE_COUNTRY && k + m == e)
                })
                .unwrap_or(e);
            let valid = valid
                && (cap || named || sub || took)
                && (cap || lenient || took || sub || (j..name_end).any(|k| a.is_cap(k)))
                && (!lower_after_office || (j..name_end).any(|k| a.is_cap(k)));
            // "Tòa án Việt Nam", "Tòa án nước ngoài": the courts of a country.
            let country_courts = a.longest(i, Lex::Court).is_some()
                && a.longest(j, Lex::Place)
                    .is_some_and(|(m, t)| t == PLACE_COUNTRY && j + m == e);
            let org = Org {
                start: i,
                end: e,
                valid: valid && !country_courts,
                inner,
                generic: t.generic,
            };
            let better = match &best {
                None => true,
                // A known body before a name it does not know stays whole:
                // "Ủy ban Dân tộc | Y Blốk Mlô".
                Some(b) => {
                    org.end > b.end
                        && (org.valid || !b.valid)
                        && !(b.valid && unknown_word(a, b.end))
                }
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
    // Whether the last words taken were a known place of two words or more
    // ("Bộ đội Biên phòng Quảng Trị") or a company's one-word name: a
    // lowercase word after it is the sentence's ("… Quảng Trị | thông
    // tin"), not the name's.
    let mut after_place = false;
    while k < limit {
        // Fields listed in a lowercase name: "Viện nghiên cứu xã hội, kinh
        // tế và môi trường" (a comma after a lowercase name word, then name
        // words, "và" and a last name word).
        if k > j && !prev_cap && a.text(k) == "," && lower_list(a, k) {
            k += 1;
            continue;
        }
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
            after_place = false;
            // An award given to the body: "Học viện X | Huân chương …".
            if k > j && a.longest(k, Lex::NameStop).is_some_and(|(_, c)| c == AWARD) {
                break;
            }
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
                    after_place = true;
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
            let head = a.longest(k, Lex::Head);
            let body = a.longest(k, Lex::Body);
            // A company known by one Latin-script word inside a longer name:
            // "Trường Đại học FPT AI Quy Nhơn", not a body of its own.
            if k > j && head.is_none() && body.is_some_and(|(n, _)| n == 1) && a.text(k).is_ascii()
            {
                k += 1;
                prev_cap = true;
                // Like a place, it ends the name before a lowercase word
                // ("HĐQT Vietcombank | thông tin").
                after_place = true;
                continue;
            }
            if head.is_some() || body.is_some() {
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
            // A level ends the name: "TAND | Cấp cao tại Hà Nội".
            if a.longest(k, Lex::OrgLevel).is_some() {
                break;
            }
            // A person's name ends the name, except in school names
            // ("Trường ĐH Tôn Đức Thắng", "THPT Nguyễn Du").
            let school = a.ends_at(k, Lex::School).is_some();
            if territory_kw(a, k).is_some()
                || (looks_person(a, k) && !school)
                || a.is(k, Lex::Deputy)
            {
                break;
            }
            if school && looks_person(a, k) {
                // The school's namesake, whole: "THCS Lê Đức Thọ"; not an
                // award after it ("Chu Văn An | Bằng khen").
                let m = person_len(a, k).max(1);
                k = (k + 1..k + m)
                    .find(|&x| a.longest(x, Lex::NameStop).is_some_and(|(_, c)| c == AWARD))
                    .unwrap_or(k + m);
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
            // "Nghị sĩ đảng Cộng hòa | Mitt Romney": two foreign words after
            // a Vietnamese name are the next person's name.
            if k > j && j > 0 && a.is(j - 1, Lex::PartyHead) && foreign_person_after(a, k) {
                break;
            }
            let single = ue == k + 1;
            // A word that cannot be Vietnamese ends the name before a
            // lowercase word, like a place ("HĐQT Vietcombank | thông tin").
            after_place = single && !a.toks[k].upper && foreign_word(a.text(k));
            k = ue;
            prev_cap = true;
            // An unknown Vietnamese-looking syllable usually begins a
            // two-syllable word: take its lowercase second half ("Viện
            // Nghiên cứu", "Cục Quản lý Khám chữa bệnh").
            let w = a.text(k - 1);
            // Not after another capitalised word of the name: "Bình Sơn |
            // chia sẻ" (an abbreviation is no word: "CP Tư vấn").
            let fresh = k - 1 == j || !a.is_cap(k - 2) || a.toks[k - 2].upper;
            if single
                && fresh
                && !a.toks[k - 1].upper
                && (w.len() <= 4 || !w.is_ascii())
                && a.longest(k - 1, Lex::Place).is_none()
                && a.is_word(k)
                && a.sp(k)
                && !a.is_cap(k)
                && !a.is(k, Lex::NameStop)
                && a.longest(k, Lex::NameWord).is_none()
                && territory_kw(a, k).is_none()
            {
                k += 1;
                prev_cap = false;
            }
            continue;
        }
        if t.kind == TokenKind::Word && after_place && !a.is(k, Lex::And) {
            break;
        }
        after_place = false;
        if t.kind == TokenKind::Word {
            // "Trường THPT chuyên Lê Quý Đôn": a lowercase school word
            // before the school's namesake.
            if k > j && a.is(k, Lex::School) && a.sp(k + 1) && looks_person(a, k + 1) {
                k += 1;
                continue;
            }
            // "Viện nghiên cứu | và ứng dụng X": a head ending in a name
            // word, coordinated with the next name word.
            let and_after_head = k == j
                && a.is(k, Lex::And)
                && a.ends_at(k, Lex::NameWord)
                    .is_some_and(|(s, _)| a.ends_at(s, Lex::Head).is_some());
            if k == j
                && !lower_first
                && !and_after_head
                && a.seq(k, k + 2, Lex::LowerName).is_none()
            {
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
                // After a company's legal form alone ("Công ty CP | đầu tư
                // và dịch vụ X") the name may start in lowercase.
                let form_only = lower_first && k > j && (j..k).all(|x| a.toks[x].upper);
                if tag == NAME_VERB && (prev_cap && !form_only || k == j) {
                    break;
                }
                k += n;
                prev_cap = false;
                continue;
            }
            if a.is(k, Lex::And) && (k > j || and_after_head) {
                let n = k + 1;
                if a.sp(n)
                    && a.longest(n, Lex::Honorific).is_none()
                    && (a.is_cap(n) || a.longest(n, Lex::NameWord).is_some())
                    && (a.longest(n, Lex::NameWord).is_some() || !starts_org_or_role(a, n))
                    && !looks_person(a, n)
                    && a.seq(n, n + 2, Lex::State).is_none()
                    // "Bệnh viện A và Bệnh viện B": a new head, a new body;
                    // not a longer name word ("Kiểm soát và Phòng ngừa").
                    && a.longest(n, Lex::Head).is_none_or(|(h, _)| {
                        a.longest(n, Lex::NameWord).is_some_and(|(w, _)| w > h)
                    })
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
            && (k == j && a.class(j - 1, Lex::Numbered) == Some(0)
                || k > j
                    && j > 1
                    && a.seq(j - 2, j, Lex::Numbered)
                        .is_some_and(|h| h.class == NUMBERED_INNER))
        {
            // "Quân đoàn 2", "Quân khu 7", "Bệnh viện 108", "Bệnh viện quân
            // y 175", "Bệnh viện Trung ương Quân đội 108".
            k += 1;
            break;
        }
        // A number closing a name ("Công ty TNHH Thiết bị y tế 736", "Ban
        // QLDA Điện 2"): one to three digits after a word of the name, then
        // punctuation, the end, "và", "của" or "tại"; not a count before its
        // noun ("Sở Y tế 2 ngày qua"), not a year.
        if t.kind == TokenKind::Number
            && k > j
            && t.text.len() <= 3
            && t.text.bytes().all(|b| b.is_ascii_digit())
            && a.is_word(k - 1)
            && a.sp(k)
            && {
                let n = k + 1;
                n >= a.len()
                    || matches!(a.text(n), "," | "." | ";" | ":" | ")" | "(")
                    || a.is(n, Lex::And)
                    || a.is(n, Lex::Of)
                    || a.is(n, Lex::At)
            }
        {
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
    while k > j && a.is(k - 1, Lex::And) {
        k -= 1;
    }
    k
}

/// Whether the comma at `k`, after a lowercase word of a name, goes on
/// with a list of lowercase name words closed by "và" and one more:
/// ", kinh tế và môi trường" (one or two words before "và", the list then
/// ends with punctuation, the end or a function word).
fn lower_list(a: &Analysis, k: usize) -> bool {
    let word = |x: usize| {
        if !a.sp(x) || a.is_cap(x) {
            return None;
        }
        a.longest(x, Lex::NameWord)
            .filter(|&(_, tag)| tag != NAME_VERB)
            .map(|(n, _)| x + n)
    };
    if !a.is_word(k - 1) || a.is_cap(k - 1) || a.ends_at(k, Lex::NameWord).is_none() {
        return false;
    }
    let Some(mut x) = word(k + 1) else {
        return false;
    };
    if !a.is(x, Lex::And) {
        match word(x) {
            Some(y) if a.is(y, Lex::And) => x = y,
            _ => return false,
        }
    }
    let Some(e) = word(x + 1) else {
        return false;
    };
    e >= a.len() || matches!(a.text(e), "," | "." | ";" | ":" | ")") || a.is(e, Lex::NameStop)
}

/// Whether a person's foreign name starts at `k`, right after a Vietnamese
/// word of a party's name: two capitalised words that cannot be
/// Vietnamese syllables and are no words of English body names ("Mitt
/// Romney" after "đảng Cộng hòa"; not "Stockholm", not "Capital Management").
fn foreign_person_after(a: &Analysis, k: usize) -> bool {
    let foreign = |x: usize| {
        a.is_word(x)
            && a.is_cap(x)
            && a.sp(x)
            && !a.toks[x].upper
            && foreign_word(a.text(x))
            && !a.is(x, Lex::ForeignStop)
            && !a.is(x, Lex::CompanyLast)
    };
    !a.text(k - 1).is_ascii() && foreign(k) && foreign(k + 1)
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

/// The end of a ministry's name or another portfolio ([`Lex::Domain`])
/// starting at `j`, read across commas, dashes and "&": "Văn hóa, Thể thao
/// và Du lịch", "LĐ-TB&XH". Its first word is capitalised.
pub(super) fn portfolio(a: &Analysis, j: usize) -> Option<usize> {
    if !a.is_cap(j) && !a.caps_line(j) {
        return None;
    }
    let (e, _) = a.words(j, Lex::Domain, Walk::Names)?;
    // Not the first words of a longer name: "Bộ Văn hóa - Thông tin".
    let glued = a.unit_end(e - 1) > e;
    (!glued).then_some(e)
}

/// A unique body written in lowercase that still names it ("trình quốc
/// hội", "sau khi chính phủ cho ý kiến"), not a modifier or a class
/// ("trái phiếu chính phủ", "chính phủ điện tử", "chính phủ các nước") nor
/// a foreign one without its capital ("chính phủ Mỹ").
fn lower_body(a: &Analysis, i: usize, n: usize) -> bool {
    // Every word in lowercase: not "toàn quốc | Hội thi".
    if (i..i + n).any(|k| a.is_cap(k))
        || a.longest(i, Lex::LowerBody).is_none_or(|(m, _)| m != n)
        || foreign_nearby(a, i)
    {
        return false;
    }
    if a.longest(i, Lex::LowerBody) == Some((n, LOWER_PAIRED)) && !lower_pair(a, i, n) {
        return false;
    }
    let before = i > 0
        && (a.ends_at(i, Lex::NotBodyBefore).is_some()
            || a.is(i - 1, Lex::Quantifier)
            || a.tokens[i - 1].kind == TokenKind::Number);
    let e = i + n;
    let after = a.is_cap(e) && a.sp(e) || not_body_after(a, e) || a.is(e, Lex::Quantifier);
    !before && !after
}

/// Whether another unique body in lowercase ([`Lex::LowerBody`], not of
/// class [`LOWER_PAIRED`]) stands near the one at `i..i + n` (a bounded
/// window): "trình quốc hội …, sau khi chính phủ cho ý kiến".
fn lower_pair(a: &Analysis, i: usize, n: usize) -> bool {
    (i.saturating_sub(FOREIGN_WINDOW)..(i + n + FOREIGN_WINDOW).min(a.len())).any(|k| {
        (k < i || k >= i + n)
            && a.starts(k).has(Lex::LowerBody)
            && !a.is_cap(k)
            && a.longest(k, Lex::LowerBody)
                .is_some_and(|(_, c)| c != LOWER_PAIRED)
    })
}

/// How far around a lowercase unique body [`foreign_nearby`] looks.
const FOREIGN_WINDOW: usize = 40;

/// Whether a country is named near token `i` (a bounded window): a
/// lowercase "chính phủ" there may be that country's government, which only
/// its capitalised name makes one body ("chấp thuận của chính phủ" in news
/// on China). Vietnam is not told apart (one lexicon fewer: the lexicon
/// set is full), which costs recall only.
fn foreign_nearby(a: &Analysis, i: usize) -> bool {
    (i.saturating_sub(FOREIGN_WINDOW)..(i + FOREIGN_WINDOW).min(a.len())).any(|k| {
        a.starts(k).has(Lex::Place)
            && a.is_cap(k)
            && a.longest(k, Lex::Place)
                .is_some_and(|(_, c)| c == PLACE_COUNTRY)
    })
}

/// Whether token `k` is a capitalised word no organisation name knows: not
/// a name word, place, head, body, territory or tail.
fn unknown_word(a: &Analysis, k: usize) -> bool {
    a.is_word(k)
        && a.is_cap(k)
        && a.sp(k)
        && !a.caps_line(k)
        && a.longest(k, Lex::NameWord).is_none()
        && a.longest(k, Lex::Place).is_none()
        && a.longest(k, Lex::OrgTail).is_none()
        && !starts_org_or_role(a, k)
        && !a.is(k, Lex::Term)
}
