//! Links from officials to their titles.
//!
//! Titles in apposition after the name (each title of a chain, also after
//! "nguyên là", "giữ chức", "làm" …) and titles directly before the name
//! (with the titles chained before them by commas); coordinated names share
//! a title reached through a predicate ("các ông X và Y được bầu làm …").

use super::{Entity, EntityKind};
use crate::lex::{is_roman_or_number, Analysis, Lex, ADDRESS};
use crate::token::TokenKind;

/// Words that may stand between a name and its title(s)
/// ([`Lex::Connector`]), numbers and Roman numerals ("khóa XII").
fn is_connector(a: &Analysis, i: usize) -> bool {
    a.longest(i, Lex::Connector).is_some()
        || a.longest(i, Lex::LinkVerb).is_some()
        || a.tokens[i].kind == TokenKind::Number
        || is_roman_or_number(a, i)
}

/// The colon after a title that opens a list of names: right after it, or
/// after a few words that hold no other title or name and no sentence
/// punctuation (a term, years in brackets, "gồm"). Returns its token.
fn list_colon(
    a: &Analysis,
    te: usize,
    title_at: &rustc_hash::FxHashMap<usize, usize>,
    off_at: &rustc_hash::FxHashMap<usize, usize>,
) -> Option<usize> {
    for k in te..(te + 10).min(a.len()) {
        match a.text(k) {
            ":" => return Some(k),
            "." | ";" | "!" | "?" | "," => return None,
            _ if title_at.contains_key(&k) || off_at.contains_key(&k) => return None,
            _ => {}
        }
    }
    None
}

/// The holder of a title followed by "của" at `te` and its complement: after
/// at most eight tokens, a comma or a dash, an optional "ông"/"bà", and a
/// name closed by a comma, a dash or the end of the sentence. Returns the
/// OFFICIAL's index.
fn of_holder(
    a: &Analysis,
    te: usize,
    off_at: &rustc_hash::FxHashMap<usize, usize>,
    entities: &[Entity<'_>],
    tok_end: &dyn Fn(usize) -> usize,
) -> Option<usize> {
    let mut k = te + 1;
    let lim = (te + 10).min(a.len());
    while k < lim && !matches!(a.text(k), "," | "-" | "–") {
        if !matches!(
            a.tokens[k].kind,
            TokenKind::Word | TokenKind::Alnum | TokenKind::Number
        ) && a.text(k) != "&"
            || off_at.contains_key(&k)
        {
            return None;
        }
        k += 1;
    }
    if k >= lim || k == te + 1 {
        return None;
    }
    let mut m = k + 1;
    let honorific = a.class(m, Lex::Honorific) == Some(ADDRESS);
    if honorific {
        m += 1;
    }
    let &o = off_at.get(&m)?;
    let oe = tok_end(entities[o].span.end);
    let closed = oe >= a.len() || matches!(a.text(oe), "," | "-" | "–" | "." | ":");
    (honorific || closed).then_some(o)
}

/// Links officials to the titles predicated of them; `entities` is sorted.
pub(crate) fn link(a: &Analysis, entities: &[Entity<'_>]) -> Vec<(usize, usize)> {
    let mut links = Vec::new();
    if a.len() == 0 {
        return links;
    }
    let tok_end = |byte: usize| -> usize { a.tokens.partition_point(|t| t.span.end <= byte) };
    // Entities starting at a token index.
    let mut title_at: rustc_hash::FxHashMap<usize, usize> = Default::default();
    let mut off_at: rustc_hash::FxHashMap<usize, usize> = Default::default();
    for (n, e) in entities.iter().enumerate() {
        let t = a.token_at(e.span.start);
        match e.kind {
            EntityKind::Title => {
                title_at.entry(t).or_insert(n);
            }
            EntityKind::Official => {
                off_at.insert(t, n);
            }
            _ => {}
        }
    }
    if off_at.is_empty() {
        return links;
    }
    let mut title_by_end: rustc_hash::FxHashMap<usize, usize> = Default::default();
    for (n, e) in entities.iter().enumerate() {
        if e.kind == EntityKind::Title {
            title_by_end.insert(tok_end(e.span.end), n);
        }
    }
    let mut linked_title = vec![false; entities.len()];
    // Title directly before a name, with titles chained before it by commas.
    for (n, e) in entities.iter().enumerate() {
        if e.kind != EntityKind::Title {
            continue;
        }
        let te = tok_end(e.span.end);
        // "Phó Chủ tịch UBND tỉnh: Hà Văn Sơn, Đặng Thu Thảo và Kiều Minh
        // Đức": a title over a list of names links to each; a few words may
        // stand before the colon ("thành viên HĐQT nhiệm kỳ VI (2015-2020)
        // gồm: ông A, ông B").
        if let Some(colon) = list_colon(a, te, &title_at, &off_at) {
            let mut k = colon + 1;
            loop {
                if a.class(k, Lex::Honorific) == Some(ADDRESS) {
                    k += 1;
                }
                let Some(&o) = off_at.get(&k) else {
                    break;
                };
                links.push((o, n));
                linked_title[n] = true;
                k = tok_end(entities[o].span.end);
                if matches!(a.text(k), "," | ";") || a.is(k, Lex::And) {
                    k += 1;
                    if a.is(k, Lex::And) {
                        k += 1;
                    }
                } else {
                    break;
                }
            }
            continue;
        }
        // "CEO của Tesla, ông Carl Jensen", "Chuyên gia kinh tế trưởng của
        // ADB - ông X": the title's "của" complement, then the holder in
        // apposition; not when the title is itself in apposition to an
        // earlier name.
        if a.is(te, Lex::Of) {
            let ts = a.token_at(e.span.start);
            let apposed = ts > 0
                && matches!(a.text(ts - 1), "," | "-" | "–")
                && entities[..n]
                    .iter()
                    .rev()
                    .take(3)
                    .any(|p| p.kind == EntityKind::Official && tok_end(p.span.end) == ts - 1);
            if let Some(o) = of_holder(a, te, &off_at, entities, &tok_end).filter(|_| !apposed) {
                links.push((o, n));
                linked_title[n] = true;
                continue;
            }
        }
        // "Thứ trưởng Bộ Công an, Thượng tướng Ngô Tuấn Khải": a military
        // rank between the title and the name, unless the title is in
        // apposition to an earlier name or the name has its own.
        let mut te = te;
        if a.text(te) == "," {
            if let Some((m, _)) = a.longest(te + 1, Lex::Rank) {
                let k = te + 1 + m;
                let ts = a.token_at(e.span.start);
                let apposed =
                    ts > 0
                        && matches!(a.text(ts - 1), "," | "-" | "–")
                        && entities[..n].iter().rev().take(3).any(|p| {
                            p.kind == EntityKind::Official && tok_end(p.span.end) == ts - 1
                        });
                let own = off_at.get(&k).is_some_and(|&o| {
                    let oe = tok_end(entities[o].span.end);
                    a.text(oe) == "," && title_at.contains_key(&(oe + 1))
                });
                // "Thừa ủy quyền của Chủ tịch nước, Thiếu tướng X": a title
                // after "của" is the complement of something else.
                let of_before = ts > 0 && a.is(ts - 1, Lex::Of);
                if off_at.contains_key(&k) && !apposed && !own && !of_before {
                    te = k;
                }
            }
        }
        if let Some(&o) = off_at.get(&te) {
            if a.sp(te) {
                links.push((o, n));
                linked_title[n] = true;
                // Backwards: "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ X".
                let mut cur = a.token_at(e.span.start);
                for _ in 0..4 {
                    if cur < 2 || a.text(cur - 1) != "," {
                        break;
                    }
                    let Some(&pn) = title_by_end.get(&(cur - 1)) else {
                        break;
                    };
                    let p = &entities[pn];
                    let ps = a.token_at(p.span.start);
                    let signing = ps >= 2 && a.text(ps - 1) == "." && a.is(ps - 2, Lex::Signing);
                    if !signing && !linked_title[pn] {
                        links.push((o, pn));
                        linked_title[pn] = true;
                    }
                    cur = ps;
                }
            }
        }
    }
    // Apposition after the name. `predicated`: links reached through a
    // predicate word ("được bầu làm"), which coordinated names share.
    let mut predicated: Vec<(usize, usize)> = Vec::new();
    for (n, e) in entities.iter().enumerate() {
        if e.kind != EntityKind::Official {
            continue;
        }
        let mut k = tok_end(e.span.end);
        let limit = (k + 60).min(a.len());
        let mut verb = false;
        while k < limit {
            if let Some(&t) = title_at.get(&k) {
                let te = tok_end(entities[t].span.end);
                if linked_title[t] {
                    // Predicated of the next name; the chain ends.
                    break;
                }
                if verb {
                    predicated.push((n, t));
                }
                links.push((n, t));
                linked_title[t] = true;
                k = te;
                continue;
            }
            if off_at.contains_key(&k) {
                break;
            }
            let tx = a.text(k);
            if matches!(tx, "," | "-" | "–" | "—" | ":") {
                k += 1;
                continue;
            }
            if tx == "(" && title_at.contains_key(&(k + 1)) {
                k += 1;
                continue;
            }
            if tx == ")" {
                k += 1;
                continue;
            }
            if tx == "(" {
                let mut j = k + 1;
                while j < limit && j < k + 12 && a.text(j) != ")" {
                    j += 1;
                }
                if a.text(j) != ")" {
                    break;
                }
                k = j + 1;
                continue;
            }
            if (a.is_word(k) || a.tokens[k].kind == TokenKind::Number) && is_connector(a, k) {
                verb |= a.is_word(k) && !a.is(k, Lex::And);
                // A phrase is skipped whole: "được giao | làm".
                let m = |lex| a.longest(k, lex).map_or(0, |(m, _)| m);
                k += m(Lex::Connector).max(m(Lex::LinkVerb)).max(1);
                continue;
            }
            break;
        }
    }
    // Coordinated names share a predicated title: "các ông X và Y được bầu
    // làm Phó Chủ tịch" links both X and Y.
    // Officials that already have a link before this pass (one bit each,
    // so the pass stays linear).
    let mut had_link = vec![false; entities.len()];
    for &(o, _) in &links {
        had_link[o] = true;
    }
    for &(n, t) in &predicated {
        let mut cur = n;
        for _ in 0..4 {
            // The names are adjacent: look back a few entities only.
            let Some(back) = entities[..cur]
                .iter()
                .rev()
                .take(3)
                .position(|e| e.kind == EntityKind::Official)
            else {
                break;
            };
            let prev = cur - 1 - back;
            let (pe, cs) = (
                tok_end(entities[prev].span.end),
                a.token_at(entities[cur].span.start),
            );
            let joined = cs > pe
                && cs - pe <= 2
                && (pe..cs)
                    .all(|k| a.is(k, Lex::And) || a.class(k, Lex::Honorific) == Some(ADDRESS))
                && a.is(pe, Lex::And);
            let has_link = had_link[prev];
            if !joined || has_link {
                break;
            }
            links.push((prev, t));
            cur = prev;
        }
    }
    links.sort_unstable();
    links.dedup();
    links
}

/// Whether tokens `s..e` are a signing prefix of a signature line: at
/// most five short capitalised words, dots and slashes ("KT.", "TM.", "Q.",
/// "T/M", "TUQ.").
fn signing_prefix(a: &Analysis, s: usize, e: usize) -> bool {
    e - s <= 5
        && (s..e).all(|k| {
            matches!(a.text(k), "." | "/")
                || a.is_word(k) && a.toks[k].upper && a.text(k).chars().count() <= 4
        })
}

/// Links across the lines of signature blocks: the office alone on its
/// line (after a signing prefix such as "KT." or "TM.") is linked to the
/// name alone on a following line, across blank lines and "(Đã ký)":
///
/// ```text
/// KT. BỘ TRƯỞNG
/// THỨ TRƯỞNG
///
/// (Đã ký)
///
/// Nguyễn Văn A
/// ```
///
/// `a` is the whole text; `entities` are sorted. Only the office line right
/// above the name is linked ("BỘ TRƯỞNG" here is signed for, unlinked).
pub(crate) fn signatures(a: &Analysis, entities: &[Entity<'_>]) -> Vec<(usize, usize)> {
    let mut links = Vec::new();
    let tok_end = |byte: usize| -> usize { a.tokens.partition_point(|t| t.span.end <= byte) };
    let line_start = |t: usize| t == 0 || a.tokens[t].newline_before;
    let line_end = |t: usize| t >= a.len() || a.tokens[t].newline_before;
    let official_at: rustc_hash::FxHashMap<usize, usize> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Official)
        .map(|(n, e)| (a.token_at(e.span.start), n))
        .collect();
    if official_at.is_empty() {
        return links;
    }
    for (n, e) in entities.iter().enumerate() {
        if e.kind != EntityKind::Title {
            continue;
        }
        let (ts, te) = (a.token_at(e.span.start), tok_end(e.span.end));
        if !line_end(te) || te >= a.len() {
            continue;
        }
        // The office alone on its line, after a signing prefix.
        let mut ls = ts;
        while !line_start(ls) && ts - ls <= 5 {
            ls -= 1;
        }
        if !line_start(ls) || !signing_prefix(a, ls, ts) {
            continue;
        }
        // Lines of signature marks ("(Đã ký)"), then the name's line.
        let mut j = te;
        for _ in 0..4 {
            let le = crate::lex::line_end(a.tokens, j);
            let mut k = j;
            while k < le {
                if matches!(a.text(k), "(" | ")" | "." | "[" | "]") {
                    k += 1;
                } else if let Some((m, _)) = a.longest(k, Lex::Signed) {
                    k += m;
                } else {
                    break;
                }
            }
            if k >= le {
                j = le;
                if j >= a.len() {
                    break;
                }
                continue;
            }
            // A degree may stand before the name ("TS. Nguyễn Văn A").
            let mut k = j;
            while k < j + 4 && (a.text(k) == "." || a.longest(k, Lex::Honorific).is_some()) {
                k += 1;
            }
            if let Some(&o) = official_at.get(&k) {
                if tok_end(entities[o].span.end) == le {
                    links.push((o, n));
                }
            }
            break;
        }
    }
    links
}
