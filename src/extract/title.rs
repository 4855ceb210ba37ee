//! TITLE recognizer (and the line driver of TITLE and ORGANIZATION).
//!
//! A small grammar over tokens, not a list of whole titles:
//!
//! ```text
//! TITLE = [Quyền] [Phó] ROLE QUALIFIER* [COMPLEMENT]
//! ROLE  = office word ("Chủ tịch", "Bí thư") | "Trưởng"/"Chánh" ORG-HEAD
//! COMPLEMENT = ORG | territory ("phường Bắc Sơn") | "nước" | portfolio/country
//! ORG   = (unique body | ORG-HEAD NAME* [ORG]) TAIL*
//! TAIL  = territory keyword [place] | known place | "khóa N" | "tối cao"
//! ```
//!
//! Organisations nested in a title are reported too; organisations nested in
//! an organisation are not (same-type spans never overlap). Words are matched
//! on [`lex`](crate::lex) keys, so tone placement, NFD input and capitals do not
//! matter; capitalisation decides where names start and stop.

use super::organization::{
    club_at, english_body_at, generic_board, generic_inner, is_generic_after, is_generic_before,
    law_end, parse_org, place, portfolio, push_org, Org,
};
use super::{Entity, EntityKind, TitleValue, Value};
use crate::lex::{
    foreign_word, is_roman_or_number, looks_person, person_len, span, starts_org_or_role,
    territory_kw, Analysis, Lex, LexSet, ADDRESS, FOREIGN_PRODUCT, HEAD_BARE, KIN, PLACE_COUNTRY,
    PLATFORM, QUANT_MANY, ROLE_BOARD, ROLE_COMP, ROLE_EXEC, ROLE_ORG, ROLE_PERSON, ROLE_PLAIN,
    ROLE_TERRITORY,
};
use crate::token::TokenKind;

/// Lexicons whose phrases may start a TITLE or an ORGANIZATION, or a name
/// that blocks one: the driver skips other tokens at once.
const GATE: LexSet = LexSet::of(&[
    Lex::Role,
    Lex::Qualifier,
    Lex::Head,
    Lex::Body,
    Lex::NameWord,
    Lex::Place,
    Lex::Domain,
    Lex::Family,
    Lex::Deputy,
    Lex::Acting,
    Lex::Assistant,
]);

/// The lexicons of [`GATE`] that may start something at a lowercase word
/// (a lowercase office or body: "chủ tịch ubnd xã", "công ty Linde"); places,
/// family names, name words and portfolios matter only when capitalised, so
/// frequent lowercase words that start one ("nhà", "điện") are skipped.
const GATE_LOWER: LexSet = LexSet::of(&[
    Lex::Role,
    Lex::Qualifier,
    Lex::Head,
    Lex::Body,
    Lex::Deputy,
    Lex::Acting,
    Lex::Assistant,
]);

/// Finds TITLE and ORGANIZATION entities.
pub(crate) fn find<'a>(text: &'a str, a: &Analysis<'_, 'a>) -> Vec<Entity<'a>> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut law_until = 0usize;
    while i < a.len() {
        // Titles of laws and ordinances: bodies and offices inside are not
        // annotated ("Luật Tổ chức Chính phủ").
        if a.is_word(i) && a.longest(i, Lex::LawTitle).is_some() && a.is_cap(i) {
            law_until = law_end(a, i);
        }
        if a.toks[i].cap && i >= law_until {
            if let Some(e) = club_at(a, i).or_else(|| english_body_at(a, i)) {
                push_org(text, a, i, e, &mut out);
                i = e;
                continue;
            }
        }
        if !matches!(a.tokens[i].kind, TokenKind::Word | TokenKind::Alnum)
            || !a.starts_any(i, GATE)
            || !a.is_cap(i) && !a.caps_line(i) && !a.starts_any(i, GATE_LOWER)
        {
            // Nothing can start here (most tokens).
            i += 1;
            continue;
        }
        if i < law_until {
            i += 1;
            continue;
        }
        if looks_person(a, i) && a.longest(i, Lex::Body).is_none_or(|(n, _)| n < 3) {
            // A person's name: no organisation starts inside it ("Nguyễn
            // Trường Sơn"), unless it is a known body ("Hoàng Anh Gia Lai").
            i += 3;
            continue;
        }
        if let Some(end) = parse_title(text, a, i, &mut out) {
            i = end;
            continue;
        }
        if let Some(org) = parse_org(a, i, false, 0) {
            let generic = is_generic_before(a, i)
                || is_generic_after(a, org.end)
                || product_after(a, &org)
                || platform_before(a, &org);
            if org.valid && !generic && !org.generic && !generic_board(a, &org) {
                push_org(text, a, org.start, org.end, &mut out);
                i = org.end;
                continue;
            }
            // "TM. ỦY BAN NHÂN DÂN": the body signed for, alone on its line.
            if org.end == a.len() && org.inner.is_empty() && signed_for(a, i) {
                push_org(text, a, org.start, org.end, &mut out);
                i = org.end;
                continue;
            }
            for &(s, e) in &org.inner {
                if !generic_inner(a, s, e) {
                    push_org(text, a, s, e, &mut out);
                }
            }
            i = org.inner.last().map_or(i + 1, |&(_, e)| e.max(i + 1));
            continue;
        }
        i += 1;
    }
    // An abbreviation in brackets may be found twice ("Quỹ … (IMF)").
    out.sort_by_key(|e| (e.span.start, e.span.end, e.kind));
    out.dedup_by(|a, b| a.span == b.span && a.kind == b.kind);
    short_names_again(text, a, &mut out);
    out
}

/// How many short names [`short_names_again`] looks for.
const MAX_SHORT_NAMES: usize = 8;

/// A body's short name, once introduced, names it again: the abbreviation
/// in brackets after its full name ("Ngân hàng TMCP Quân Đội (MB) … MB
/// cho biết") or the one Latin-script word after a company head ("Công ty
/// OFOOD … OFOOD dự kiến"). Its later mentions alone, not inside another
/// entity nor next to a capitalised word, are ORGANIZATIONs too. One pass
/// over the tokens with at most [`MAX_SHORT_NAMES`] names.
fn short_names_again<'a>(text: &'a str, a: &Analysis<'_, 'a>, out: &mut Vec<Entity<'a>>) {
    let mut names: Vec<(usize, &str)> = Vec::new();
    for (n, e) in out.iter().enumerate() {
        if e.kind != EntityKind::Organization || names.len() >= MAX_SHORT_NAMES {
            continue;
        }
        let (s, end) = (a.token_at(e.span.start), a.token_at(e.span.end));
        let bracketed = s == end - 1 && s > 0 && a.text(s - 1) == "(" && a.text(end) == ")";
        let company = a.is(s, Lex::CompanyHead)
            && a.longest(s, Lex::Head)
                .is_some_and(|(m, _)| end == s + m + 1);
        let k = end - 1;
        let t = a.text(k);
        let word = a.is_word(k)
            && a.is_cap(k)
            && t.is_ascii()
            && t.len() >= 3
            && !a.caps_line(k)
            && a.longest(k, Lex::Place).is_none()
            && a.longest(k, Lex::Outlet).is_none();
        if (bracketed || company) && word {
            names.push((n, t));
        }
    }
    if names.is_empty() {
        return;
    }
    // `out` is sorted by start and the mentions come in text order, so one
    // sweep tells whether a mention overlaps an entity: the furthest end of
    // the entities starting before the mention's end.
    let (mut next, mut reach) = (0, 0);
    let mut found = Vec::new();
    for k in 0..a.len() {
        if !a.is_word(k) || !a.is_cap(k) {
            continue;
        }
        let t = a.text(k);
        if !names.iter().any(|&(_, w)| w == t) {
            continue;
        }
        let alone = !(k > 0 && a.is_word(k - 1) && a.is_cap(k - 1) && a.sp(k))
            && !(a.is_word(k + 1) && a.is_cap(k + 1) && a.sp(k + 1));
        let r = span(a, k, k + 1);
        while next < out.len() && out[next].span.start < r.end {
            reach = reach.max(out[next].span.end);
            next += 1;
        }
        if alone && reach <= r.start {
            found.push(Entity {
                kind: EntityKind::Organization,
                text: &text[r.clone()],
                span: r,
                value: Value::Empty,
            });
        }
    }
    if !found.is_empty() {
        out.extend(found);
        out.sort_by_key(|e| (e.span.start, e.span.end, e.kind));
    }
}

/// A company named alone ("Huawei", "Samsung") before a product model
/// with a number ("Huawei P40 Pro", "Samsung Galaxy S21", "Xiaomi Mi 11"):
/// the brand of a product, no ORGANIZATION.
fn product_after(a: &Analysis, o: &Org) -> bool {
    let body_only = a
        .longest(o.start, Lex::Body)
        .is_some_and(|(n, _)| o.start + n == o.end)
        && a.longest(o.start, Lex::Head).is_none();
    if !body_only {
        return false;
    }
    let mut k = o.end;
    for _ in 0..2 {
        if !a.sp(k) {
            return false;
        }
        match a.tokens.get(k).map(|t| t.kind) {
            Some(TokenKind::Alnum) | Some(TokenKind::Number) => return k > o.end || a.is_cap(k),
            Some(TokenKind::Word) if a.is_cap(k) && a.text(k).is_ascii() && !a.caps_line(k) => {
                // "Google TV", "BIDV SmartBanking": a product word.
                if a.class(k, Lex::ForeignStop) == Some(FOREIGN_PRODUCT) {
                    return true;
                }
                k += 1;
            }
            _ => return false,
        }
    }
    false
}

/// A company known by one word after its platform or in a photo credit
/// ("mạng xã hội Facebook", "tài khoản Zalo", "Ảnh: Facebook"): the
/// platform or the source of a picture, no ORGANIZATION.
fn platform_before(a: &Analysis, o: &Org) -> bool {
    o.end == o.start + 1
        && a.longest(o.start, Lex::Body).is_some_and(|(n, _)| n == 1)
        && a.longest(o.start, Lex::Head).is_none()
        && a.ends_at(o.start, Lex::NotBodyBefore)
            .is_some_and(|(_, h)| h.class == PLATFORM)
}

/// Qualifiers after an office word ("Thường trực", "thứ nhất").
fn qualifiers(a: &Analysis, mut j: usize) -> usize {
    for _ in 0..2 {
        match a.longest(j, Lex::Qualifier) {
            Some((n, _)) if a.sp(j) => {
                // "Thường trực Chính phủ" after a role is a qualifier too.
                j += n;
            }
            _ => break,
        }
    }
    j
}

/// Tries a TITLE at token `i`; pushes it (and its organisation) and returns
/// the end.
fn parse_title<'a>(
    text: &'a str,
    a: &Analysis<'_, 'a>,
    i: usize,
    out: &mut Vec<Entity<'a>>,
) -> Option<usize> {
    let mut j = i;
    // "Quyền" (acting); not "chính quyền", "thẩm quyền", "ủy quyền".
    if a.is(j, Lex::Acting)
        && (a.is_cap(j) || a.is_cap(j + 1))
        && a.sp(j + 1)
        && !(j > 0 && a.seq(j - 1, j + 1, Lex::NotActing).is_some())
    {
        j += 1;
    }
    // "trợ lý tổng thống Nga": an assistant's post, one title.
    if let Some((m, _)) = a.longest(j, Lex::Assistant) {
        let k = j + m;
        if a.sp(k) && (a.longest(k, Lex::Role).is_some() || a.is(k, Lex::Deputy)) {
            j = k;
        }
    }
    let mut pho = false;
    if a.is(j, Lex::Deputy) && a.sp(j + 1) {
        pho = true;
        j += 1;
    }
    let role_start = j;
    let mut tag = None;
    let mut role_end = j;
    if let Some((n, t)) = a.longest(j, Lex::Role) {
        tag = Some(t);
        role_end = j + n;
    } else if let Some((n, _)) = a
        .longest(j, Lex::Standing)
        .filter(|&(n, _)| a.is_cap(j) && a.longest(j + n, Lex::Secretariat).is_some())
    {
        // "Thường trực Ban Bí thư".
        tag = Some(ROLE_PLAIN);
        role_end = j + n;
    } else if pho && a.longest(j, Lex::Head).is_some() {
        tag = Some(ROLE_ORG);
        role_end = j;
    }
    let tag = tag?;
    if role_end > role_start
        && a.longest(role_start, Lex::Head)
            .is_some_and(|(n, _)| role_start + n > role_end)
    {
        // "Đại sứ quán" is a body, not "Đại sứ".
        return None;
    }
    // Office words inside event or body names.
    if i == role_start && i > 0 && a.ends_at(i, Lex::EventBefore).is_some() {
        return None;
    }
    // "Trung Quốc Vương Nghị": no office starts inside a place's name.
    if i > 0 && a.longest(i - 1, Lex::Place).is_some_and(|(n, _)| n >= 2) {
        return None;
    }
    let cap = a.is_cap(i) || a.caps_line(i) || a.is_cap(role_start);
    // "Tổng Thanh tra Chính phủ", "Tổng Kiểm toán Nhà nước": the office
    // heads the body whose name begins inside the office word.
    for k in role_start + 1..role_end {
        if let Some((n, _)) = a.longest(k, Lex::Body) {
            if k + n > role_end && cap {
                let org = Org::body(k, k + n);
                return Some(emit_title(text, a, i, role_end, k + n, Some(org), out));
            }
        }
    }
    if tag == ROLE_PERSON {
        // "HLV Park Hang Seo": a title only when a name follows directly.
        let k = role_end;
        // "VUA QUANG TRUNG": in a line of capitals, any word that starts
        // no body, office or place.
        let caps_named = a.caps_line(k)
            && a.sp(k)
            && a.is_word(k)
            && a.is_word(k + 1)
            && a.sp(k + 1)
            && !starts_org_or_role(a, k)
            && a.longest(k, Lex::Place).is_none();
        let named = caps_named
            || a.sp(k)
                && a.is_word(k)
                && a.is_cap(k)
                && !a.caps_line(k)
                && !a.toks[k].upper
                && a.longest(k, Lex::Role).is_none()
                && a.longest(k, Lex::Head).is_none()
                && a.longest(k, Lex::Body).is_none()
                && (a.longest(k, Lex::Place).is_none() || person_len(a, k) >= 2);
        if !named || pho || role_start > i {
            return None;
        }
        return Some(emit_title(text, a, i, role_end, role_end, None, out));
    }
    let mut end = role_end;
    let mut org: Option<Org> = None;
    if tag == ROLE_ORG {
        // "Trưởng Ban …", "Chánh Văn phòng …", "Phó Ban chỉ đạo …".
        if tag == ROLE_ORG && role_end > role_start && a.longest(role_end, Lex::Head).is_none() {
            return None;
        }
        // "Phó Trưởng Ban Thường trực Ban Tổ chức Trung ương": a bare head
        // with a qualifier, then the organisation.
        if let Some((n, _)) = a.longest(role_end, Lex::Head) {
            if a.longest(role_end + n, Lex::Qualifier).is_some() {
                end = qualifiers(a, role_end + n);
                if let Some(o2) = parse_org(a, end, false, 0) {
                    if o2.valid {
                        end = o2.end;
                        org = Some(o2);
                    }
                }
                return Some(emit_title(text, a, i, role_end + n, end, org, out));
            }
        }
        let o = parse_org(a, role_end, true, 0)?;
        end = o.end;
        if o.valid {
            org = Some(o);
        } else {
            // Bare head ("Trưởng Đoàn"): qualifiers and a complement may follow.
            for &(s, e) in &o.inner {
                push_org(text, a, s, e, out);
            }
            end = qualifiers(a, end);
            if let Some(o2) = parse_org(a, end, false, 0) {
                if o2.valid {
                    end = o2.end;
                    org = Some(o2);
                }
            }
        }
        // "ông Meas Vanna - trưởng ban nghiên cứu …": a lowercase unit's
        // head in apposition after its holder's name.
        let apposed_unit = end > role_end + 1 && after_name(a, i);
        if !(cap || after_lam(a, i) || org.is_some() || apposed_unit) {
            return None;
        }
    } else {
        end = qualifiers(a, end);
        let mut comp = false;
        // "Bộ trưởng Giao thông vận tải", "Thứ trưởng Công Thương": a
        // portfolio, no organisation (the ministry is "Bộ …").
        if a.sp(end) && a.seq(role_start, role_end, Lex::PortfolioRole).is_some() {
            if let Some(e) = portfolio(a, end) {
                end = country(a, e);
                comp = true;
            }
        }
        if a.sp(end) && !comp {
            // Bodies in lowercase inside a title: "Phó bí thư thành ủy Đà
            // Nẵng", "chủ tịch ubnd xã Hòa Tiến".
            if let Some(o) = parse_org(a, end, !a.is_cap(end), 0) {
                if o.valid {
                    end = o.end;
                    org = Some(o);
                    comp = true;
                } else if a.longest(end, Lex::Court).is_some() && country_after_head(a, end, o.end)
                {
                    // "Tham mưu trưởng Hải quân Philippines": a country's
                    // armed forces or courts, inside the title, no ORG.
                    end = o.end;
                    comp = true;
                } else if !o.inner.is_empty() {
                    for &(s, e) in &o.inner {
                        push_org(text, a, s, e, out);
                    }
                } else if a.is_cap(end) && !a.caps_line(end) {
                    // A bare capitalised head: "Quyền Giám đốc Học viện";
                    // not the first word of a name ("Tổng Bí thư Trường
                    // Chinh").
                    if let Some((n, _)) = a.longest(end, Lex::Head) {
                        let next_name = a.is_cap(o.end)
                            && a.sp(o.end)
                            && a.is_word(o.end)
                            && !looks_person(a, o.end)
                            && person_len(a, o.end) < 2;
                        if o.end == end + n
                            && a.class(o.end, Lex::Quantifier) != Some(QUANT_MANY)
                            && a.longest(o.end, Lex::NameWord).is_none()
                            && !next_name
                        {
                            end = o.end;
                            comp = true;
                        }
                    }
                }
            }
            if !comp {
                // "Tổng Giám đốc Techcombank", "Chủ tịch Real Madrid".
                if let Some(e) = english_body_at(a, end).or_else(|| club_at(a, end)) {
                    org = Some(Org::body(end, e));
                    end = e;
                    comp = true;
                }
            }
            if !comp {
                if let Some(n) = territory_kw(a, end) {
                    if let Some(e) = place(a, end + n, true) {
                        end = e;
                        comp = true;
                    }
                }
            }
            if !comp {
                // "Thủ tướng Singapore", "Toàn quyền Đông Dương", "Tổng đốc
                // Hà Ninh": a country or a territory, no organisation.
                if let Some(e) = territory(a, i, end, tag) {
                    end = e;
                    comp = true;
                    // "Đại sứ Mỹ tại Liên hợp quốc": the body the envoy is
                    // sent to, inside the title and an ORGANIZATION.
                    if a.is(end, Lex::At) && a.sp(end + 1) && a.is_cap(end + 1) {
                        if let Some((m, _)) = a.longest(end + 1, Lex::Body) {
                            push_org(text, a, end + 1, end + 1 + m, out);
                            end += 1 + m;
                        }
                    }
                }
            }
            if !comp
                && a.is_cap(end)
                && !a.caps_line(end)
                && !looks_person(a, end)
                && a.longest(end, Lex::Place).is_none()
            {
                // An unknown body right before the holder's name: "Chủ tịch
                // Habeco Trần Đình Thanh".
                let mut e = end;
                while e < end + 3 && a.is_cap(e) && a.sp(e) && !looks_person(a, e) {
                    e = a.unit_end(e);
                }
                if e > end && looks_person(a, e) && !starts_org_or_role(a, end) {
                    org = Some(Org::body(end, e));
                    end = e;
                    comp = true;
                }
            }
            if !comp {
                // "Viện trưởng IVAC", "…, Giám đốc kinh doanh Đất Xanh Miền
                // Bắc tại …"; "Giám đốc điều hành TikTok": a company's
                // one-word brand closing the phrase is the office's body, not
                // a person.
                let brand = || {
                    (cap || after_name(a, i))
                        .then(|| brand_at(a, end))
                        .flatten()
                };
                if let Some(e) = apposed_body(a, i, end).or_else(brand) {
                    org = Some(Org::body(end, e));
                    end = e;
                    comp = true;
                }
            }
            // "CEO nước ngoài" is a class of officers, not an office.
            if !comp
                && tag != ROLE_EXEC
                && a.is(end, Lex::CountryWord)
                && a.is_word(end)
                && !a.is_cap(end)
            {
                end += 1;
                comp = true;
            }
            if !comp {
                if let Some(e) = portfolio(a, end) {
                    end = country(a, e);
                    comp = true;
                }
            }
        }
        if tag == ROLE_COMP && !comp {
            return None;
        }
        if tag == ROLE_EXEC && !comp && !exec_holder(a, i, end) {
            return None;
        }
        // "thành viên HĐQT": a seat on a company body.
        let board = org
            .as_ref()
            .is_some_and(|o| a.longest(o.start, Lex::Board).is_some());
        if tag == ROLE_BOARD && !board {
            return None;
        }
        // The office alone is the whole title only when nothing of it can
        // follow: "Elon Musk, giám đốc điều hành của Tesla".
        let closed = end >= a.len()
            || matches!(a.text(end), "," | "." | ";" | ")" | "-" | "–")
            || a.is(end, Lex::Of);
        let apposed = matches!(tag, ROLE_PLAIN | ROLE_TERRITORY) && closed && after_name(a, i);
        // A lowercase office right before its holder's name: "nghị sĩ
        // Aleksey Pushkov", "giám đốc Nguyễn Văn An".
        let holder_next = matches!(tag, ROLE_PLAIN | ROLE_TERRITORY) && name_next(a, end);
        if !cap && !comp && !after_lam(a, i) && !apposed && !holder_next {
            return None;
        }
        if a.is(end, Lex::Term) && is_roman_or_number(a, end + 1) {
            end += 2;
        }
    }
    Some(emit_title(text, a, i, role_end, end, org, out))
}

/// Pushes the TITLE `i..end` (office `i..role_end`) and its organisation;
/// returns `end`.
fn emit_title<'a>(
    text: &'a str,
    a: &Analysis<'_, 'a>,
    i: usize,
    role_end: usize,
    end: usize,
    org: Option<Org>,
    out: &mut Vec<Entity<'a>>,
) -> usize {
    let former = a.ends_at(i, Lex::Former).is_some();
    let r = span(a, i, end);
    let role_r = span(a, i, role_end.max(i + 1));
    let organization = org.as_ref().map(|o| {
        let s = span(a, o.start, o.end);
        text[s].to_string()
    });
    out.push(Entity {
        kind: EntityKind::Title,
        text: &text[r.clone()],
        span: r,
        value: Value::Title(TitleValue {
            role: text[role_r].to_string(),
            organization,
            former,
        }),
    });
    // "Tỉnh ủy viên": the body is inside the office word.
    if let Some((n, HEAD_BARE)) = a.longest(i, Lex::Head) {
        if n >= 2 && i + n < role_end {
            push_org(text, a, i, i + n, out);
        }
    }
    if let Some(o) = org {
        if !is_generic_after(a, o.end) && !o.generic && !generic_board(a, &o) {
            push_org(text, a, o.start, o.end, out);
        }
    }
    end
}

/// Whether a person's name starts at `k`, right after an office: a
/// Vietnamese full name (a family name and one to three more capitalised
/// words) or two capitalised words that cannot be Vietnamese syllables.
fn name_next(a: &Analysis, k: usize) -> bool {
    a.sp(k)
        && a.is_cap(k)
        && !a.caps_line(k)
        && !starts_org_or_role(a, k)
        && a.longest(k, Lex::Place).is_none()
        && (person_len(a, k) >= 2
            || (k..k + 2).all(|x| a.is_word(x) && a.is_cap(x) && foreign_word(a.text(x))))
}

/// Whether a company officer's acronym at `i..end` ([`ROLE_EXEC`]) has a
/// holder or a named company: a name right after it ("CEO Tim Cook"), "của"
/// and a capitalised name ("CEO của Tesla"), or apposition to a name before
/// it closed by punctuation ("Elon Musk, CEO, cho biết").
fn exec_holder(a: &Analysis, i: usize, end: usize) -> bool {
    let closed = end >= a.len() || matches!(a.text(end), "," | "." | ";" | ")" | "-" | "–");
    let of_named =
        a.is(end, Lex::Of) && a.sp(end + 1) && a.is_cap(end + 1) && !a.caps_line(end + 1);
    let before_name = a.sp(end)
        && a.is_cap(end)
        && !a.caps_line(end)
        && (person_len(a, end) >= 2
            || (end..end + 2).all(|k| a.is_word(k) && foreign_word(a.text(k))));
    before_name || of_named || closed && after_name(a, i)
}

/// A body's one-word brand or acronym right after an office at `k`, closing
/// the phrase (punctuation, a lowercase word or the end follows): written
/// in capitals ("IVAC", "PTSC", three letters at least) or with a capital
/// inside ("TikTok", "ByteDance"), which no person's name is; not a known
/// place, office or body head. Returns the end.
fn brand_at(a: &Analysis, k: usize) -> Option<usize> {
    if !a.sp(k) || !a.is_word(k) || a.caps_line(k) || a.unit_end(k) != k + 1 {
        return None;
    }
    let t = a.text(k);
    let letters = t.chars().all(|c| c.is_alphabetic());
    let acronym = a.toks[k].upper && t.chars().count() >= 3;
    let inner_cap = t.is_ascii()
        && t.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && t.chars().skip(1).any(|c| c.is_ascii_uppercase())
        && t.chars().any(|c| c.is_ascii_lowercase());
    let closes = k + 1 >= a.len()
        || matches!(a.text(k + 1), "," | "." | ";" | ")" | "-" | "–" | ":")
        || a.is_word(k + 1) && !a.is_cap(k + 1);
    (letters
        && (acronym || inner_cap)
        && closes
        && a.longest(k, Lex::Place).is_none()
        && !starts_org_or_role(a, k)
        && territory_kw(a, k).is_none())
    .then_some(k + 1)
}

/// A lowercase office in apposition right after a person's name: "Carl
/// Lindgren, giám đốc điều hành của ...", "bà Lê Thị Hoa - hiệu trưởng".
fn after_name(a: &Analysis, i: usize) -> bool {
    if i < 3 || !matches!(a.text(i - 1), "," | "-" | "–") {
        return false;
    }
    // The capitalised run before the punctuation, at most four words.
    let end = i - 1;
    let mut s = end;
    while s > 0
        && end - s < 4
        && a.is_word(s - 1)
        && a.is_cap(s - 1)
        && !a.caps_line(s - 1)
        && a.class(s - 1, Lex::Honorific) != Some(ADDRESS)
    {
        s -= 1;
    }
    // "Chị Đào Thị Ánh Tuyết, kế toán trưởng": "anh"/"chị" capitalised
    // only as the first word of the line.
    let honorific = s > 0
        && (a.class(s - 1, Lex::Honorific) == Some(ADDRESS)
            || s == 1 && a.class(0, Lex::Honorific) == Some(KIN));
    if end - s < 2 || s > 0 && a.is_cap(s - 1) && !honorific {
        return false;
    }
    let family = person_len(a, s) >= 2 && person_len(a, s) == end - s;
    let foreign = (s..end).all(|k| foreign_word(a.text(k)));
    (family || foreign || honorific) && !(s..end).any(|k| starts_org_or_role(a, k))
}

/// The body of an office at `i..end` named by words no lexicon knows:
/// an acronym right after the office ("Viện trưởng IVAC", "Giám đốc PTSC"),
/// or, when the office stands in apposition after its holder's name (the
/// holder is named already), the capitalised words after it ("ông Nguyễn
/// Văn Lâm, Giám đốc kinh doanh Đất Xanh Miền Bắc tại …"). Not a place, a
/// person's name, an office or a known body; the words are followed by
/// punctuation, a lowercase word or the end. Returns the end.
fn apposed_body(a: &Analysis, i: usize, end: usize) -> Option<usize> {
    let free = |k: usize| {
        a.is_word(k)
            && a.is_cap(k)
            && a.sp(k)
            && !a.caps_line(k)
            && !starts_org_or_role(a, k)
            && a.longest(k, Lex::Place).is_none()
            && a.longest(k, Lex::Honorific).is_none()
    };
    if !free(end) || looks_person(a, end) || person_len(a, end) >= 2 {
        return None;
    }
    // Punctuation, the end, "của" or "tại": not the second syllable of a
    // word ("Giám đốc Quốc gia", "Giám đốc Tình báo", "Giám đốc Đào tạo").
    let closed = |k: usize| {
        k >= a.len()
            || matches!(a.text(k), "," | "." | ";" | ":" | ")" | "-" | "–")
            || a.is(k, Lex::Of)
            || a.is(k, Lex::At)
    };
    let t = a.text(end);
    let acronym = a.toks[end].upper
        && a.unit_end(end) == end + 1
        && (3..=8).contains(&t.chars().count())
        && t.chars().all(|c| c.is_alphabetic());
    if acronym && (closed(end + 1) || a.is_word(end + 1) && !a.is_cap(end + 1)) {
        return Some(end + 1);
    }
    if !after_name(a, i) {
        return None;
    }
    let mut e = end;
    while e < end + 4 && free(e) {
        e = a.unit_end(e);
    }
    // Two foreign words or more are the shape of a person's name: the
    // holder after the office ("…, Chủ tịch Daniel Levy").
    let foreign_name = e >= end + 2 && (end..e).all(|k| foreign_word(a.text(k)));
    (e > end && closed(e) && !foreign_name).then_some(e)
}

/// "làm trưởng đoàn", "giữ chức giám đốc" ([`Lex::Appointed`]), "ông
/// Nguyễn Văn A là hiệu trưởng" (a name of two or more capitalised words
/// before "là").
fn after_lam(a: &Analysis, i: usize) -> bool {
    i > 0
        && (a.ends_at(i, Lex::Appointed).is_some()
            || i > 2
                && a.is(i - 1, Lex::Is)
                && a.is_word(i - 2)
                && a.is_cap(i - 2)
                && a.is_word(i - 3)
                && a.is_cap(i - 3)
                && a.sp(i - 2)
                && !a.caps_line(i))
}

/// Whether tokens `i..e` are a head of bodies and a country ("Hải quân
/// Philippines").
fn country_after_head(a: &Analysis, i: usize, e: usize) -> bool {
    a.longest(i, Lex::Head).is_some_and(|(n, _)| {
        a.longest(i + n, Lex::Place)
            .is_some_and(|(m, t)| t == PLACE_COUNTRY && i + n + m == e)
    })
}

/// A country after an office or a portfolio: "Bộ trưởng Quốc phòng Đức",
/// "Đại sứ Mỹ tại Trung Quốc". Returns the new end.
fn country(a: &Analysis, mut end: usize) -> usize {
    if let Some((n, PLACE_COUNTRY)) = a.longest(end, Lex::Place) {
        if a.is_cap(end) && a.sp(end) {
            end += n;
            if a.is(end, Lex::At) {
                if let Some((m, PLACE_COUNTRY)) = a.longest(end + 1, Lex::Place) {
                    end += 1 + m;
                }
            }
        }
    }
    end
}

/// The territory after an office (no organisation): a country after any
/// office ("Thủ tướng Singapore"); after an office over a territory
/// ([`ROLE_TERRITORY`]) any known place ("Tuần phủ Hưng Yên", "Toàn quyền
/// Đông Dương"), or, in apposition after the holder's name, up to two
/// capitalised Vietnamese words ("Hoàng Diệu, Tổng đốc Hà Ninh,").
/// Returns the end.
fn territory(a: &Analysis, i: usize, end: usize, tag: u8) -> Option<usize> {
    if !a.is_cap(end) || !a.sp(end) {
        return None;
    }
    match a.longest(end, Lex::Place) {
        Some((_, PLACE_COUNTRY)) => return Some(country(a, end)),
        Some((n, _)) if tag == ROLE_TERRITORY => return Some(end + n),
        _ => {}
    }
    if tag != ROLE_TERRITORY || a.caps_line(end) || !after_name(a, i) {
        return None;
    }
    let mut e = end;
    while e < end + 2
        && a.is_word(e)
        && a.is_cap(e)
        && a.sp(e)
        && !foreign_word(a.text(e))
        && !starts_org_or_role(a, e)
    {
        e += 1;
    }
    let closed = e >= a.len() || matches!(a.text(e), "," | "." | ";" | ")");
    (e > end && closed).then_some(e)
}

/// Whether tokens `0..i` of the line are a signing prefix ("TM.", "T/M"):
/// at most five tokens, dots, slashes and short words in capitals.
fn signed_for(a: &Analysis, i: usize) -> bool {
    (2..=5).contains(&i)
        && (0..i).all(|k| {
            matches!(a.text(k), "." | "/")
                || a.is_word(k) && a.toks[k].upper && a.text(k).chars().count() <= 4
        })
}

/// Bodies of a heading broken over two lines of capitals: "ỦY BAN NHÂN
/// DÂN" above "TỈNH QUẢNG NAM" is one ORGANIZATION across the line break.
/// `a` is the whole text; the ORGANIZATIONs found line by line inside the
/// new span are replaced by it.
pub(crate) fn heading_bodies<'a>(text: &'a str, a: &Analysis<'_, 'a>, out: &mut Vec<Entity<'a>>) {
    let mut start = 0;
    let mut found = Vec::new();
    while start < a.len() {
        let end = crate::lex::line_end(a.tokens, start);
        let head_line = a.caps_line(start)
            && a.longest(start, Lex::Head)
                .is_some_and(|(n, _)| start + n == end);
        if head_line && end < a.len() && a.caps_line(end) {
            let next_end = crate::lex::line_end(a.tokens, end);
            if let Some(n) = territory_kw(a, end) {
                let k = end + n;
                let place_end = a.longest(k, Lex::Place).map(|(m, _)| k + m).or_else(|| {
                    (k < next_end && next_end - k <= 3 && (k..next_end).all(|t| a.is_word(t)))
                        .then_some(next_end)
                });
                if place_end == Some(next_end) {
                    found.push(span(a, start, next_end));
                }
            }
        }
        start = end;
    }
    for r in found {
        out.retain(|e| {
            e.kind != EntityKind::Organization || e.span.end <= r.start || e.span.start >= r.end
        });
        out.push(Entity {
            kind: EntityKind::Organization,
            text: &text[r.clone()],
            span: r,
            value: Value::Empty,
        });
    }
}
