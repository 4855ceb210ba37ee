//! DOCREF recognizer.
//!
//! Anchored on number tokens (a document reference always carries a number),
//! so the cost is proportional to the numbers in the text. For each number:
//!
//! 1. read the symbol (ký hiệu) after it: Party style `01-KL/TW`, State style
//!    `30/2020/NĐ-CP`, `123/UBND-VX`, `59/2020/QH14`, also spaced
//!    (`02 / 1998 / CT - TTg`);
//! 2. look left for `số`/`số:` and the type word ("Nghị quyết", "Luật" …),
//!    possibly with a document name between them ("Luật Doanh nghiệp số …"),
//!    also across the line breaks of a heading; in a heading in capitals an
//!    issuing body between them ("LUẬT⏎⏎CỦA QUỐC HỘI … SỐ …") is the body;
//! 3. take a directly following date ("ngày 05/3/2020", "tháng 01/2020");
//! 4. take a directly following "của `<issuing body>`", where the body ends at
//!    the end of a known body name (plus an attached "khóa XII").
//!
//! Mistyped symbols are read as well as they can be: a missing slash
//! (`15/2020NĐ-CP`, `12/2019 QĐ-UBND`), a spaced dash (`TT- BTC`); an issuer
//! numbered after a dot (`101-SL/L.003`) stays whole; court judgments carry
//! their case type as the code (`12/2019/HSST`, `05/2020/HS-ST`).
//!
//! A symbol without a type word and without "số" must carry a year or a
//! known code/issuer (product names such as "Watch 6/SE" are not documents).
//! Joint documents (issuer `BTP-BNV`, or a "liên tịch" type) take every
//! body of "của X và Y" / "của X, Y".
//!
//! The code/issuer inventory is `data/docref_codes.tsv`.

mod issuer;
mod symbol;

use super::{DocRefValue, Entity, EntityKind, Value};
use crate::lex::matcher::Hit;
use crate::lex::{
    Analysis, Lex, Walk, DAY, DOC_ACT, DOC_CONSTITUTION, DOC_JOINT, DOC_LAW, DOC_LETTER, MONTH,
    YEAR,
};
use crate::token::{Token, TokenKind};
use issuer::body_at;
use symbol::{issuerish, symbol_at, Symbol, INVENTORY};

/// Whether a document type's class is law-like: a bare year-like number
/// after it is a year ("Luật Đất đai 2013", "Hiến pháp 1946"), not a
/// document number.
fn law_like(class: u8) -> bool {
    matches!(class, DOC_LAW | DOC_CONSTITUTION)
}

/// A document type ([`Lex::DocType`]) ending right before token `end`
/// (exclusive), the one starting earliest: (start index, its hit,
/// capitalised?).
fn type_ending_at(a: &Analysis<'_, '_>, end: usize) -> Option<TypeHit> {
    if end == 0 || !a.word_ends(end - 1, Lex::DocType) {
        return None;
    }
    let longest = a.matcher().max_len(Lex::DocType);
    (end.saturating_sub(longest)..end).find_map(|s| {
        let h = a.word_phrase(s, end, Lex::DocType, Walk::Line)?;
        let cap = a.tokens[s]
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase());
        Some((s, h, cap))
    })
}

/// A type word found before the number: (start, its hit, capitalised).
type TypeHit = (usize, Hit, bool);

trait LowerTypeHit {
    fn is_none_or_lower(&self) -> bool;
}

impl LowerTypeHit for Option<TypeHit> {
    /// No type word, or a lowercase one.
    fn is_none_or_lower(&self) -> bool {
        self.is_none_or(|t| !t.2)
    }
}

/// An issuing body written in a heading in capitals between the type word
/// and "SỐ" (tokens `s..e`): the last "CỦA" there followed by a body
/// ([`body_at`]), not by a document ("… MỘT SỐ ĐIỀU CỦA LUẬT …"). Returns
/// the index of "CỦA" and the end of the body, which runs to "SỐ" when only
/// words of the line follow it ("CỦA QUỐC HỘI NƯỚC VIỆT NAM DÂN CHỦ CỘNG
/// HÒA SỐ …"). In running text "của" before the number belongs to the
/// name ("Luật hoạt động giám sát của Quốc hội số 05/2003/QH11").
fn body_before(a: &Analysis<'_, '_>, s: usize, e: usize) -> Option<(usize, usize)> {
    let k = (s..e).rev().find(|&k| {
        a.word_is(k, Lex::Of)
            && a.caps_line(k)
            && k + 1 < e
            && a.words(k + 1, Lex::DocType, Walk::Line).is_none()
            && body_at(a, k + 1).is_some_and(|b| b <= e)
    })?;
    let mut b = body_at(a, k + 1)?;
    if (b..e).all(|x| a.is_word(x) && !a.tokens[x].newline_before && a.caps_line(x)) {
        b = e;
    }
    Some((k, b))
}

/// Finds the DOCREF entities of `text`.
pub(crate) fn find<'a>(text: &'a str, a: &Analysis<'_, 'a>) -> Vec<Entity<'a>> {
    let tokens = a.tokens;
    let mut out = Vec::new();
    let mut floor = 0usize; // first token index a new span may use
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].kind != TokenKind::Number || i < floor {
            i += 1;
            continue;
        }
        match one(text, a, i, floor) {
            Some((e, next)) => {
                out.push(e);
                floor = next;
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// Tries a DOCREF whose number is token `i`.
fn one<'a>(
    text: &'a str,
    a: &Analysis<'_, 'a>,
    i: usize,
    floor: usize,
) -> Option<(Entity<'a>, usize)> {
    let tokens = a.tokens;
    let sym = symbol_at(a, i);
    // "số" / "số:" before the number.
    let mut so = None;
    if i > floor && a.word_is(i - 1, Lex::NumberWord) {
        so = Some(i - 1);
    } else if i >= 2 + floor && a.is_punct(i - 1, ":") && a.word_is(i - 2, Lex::NumberWord) {
        so = Some(i - 2);
    }
    let before = so.unwrap_or(i);
    let mut ty = type_ending_at(a, before).filter(|t| t.0 >= floor);
    let mut name: Option<(usize, usize)> = None;
    // Tokens of an issuing body written before the number.
    let mut body_first: Option<(usize, usize)> = None;
    let direct = ty;
    if so.is_some() && direct.is_none_or_lower() {
        // "Luật Doanh nghiệp số 59/2020/QH14": look left for a capitalised
        // type word; the words between are the document's name. A lowercase
        // type word right before "số" gives way only to a law whose title
        // contains it ("Luật Người lao động ... theo hợp đồng số 72/2006/QH11").
        let lo = before.saturating_sub(30).max(floor);
        let stop = |t: &Token<'_>| {
            t.kind == TokenKind::Number
                || (t.kind == TokenKind::Punct && !matches!(t.text, "," | "-" | "–"))
        };
        let mut found = None;
        let mut e = before;
        while e > lo {
            if stop(&tokens[e - 1]) || a.word_is(e - 1, Lex::NumberWord) {
                break;
            }
            if let Some((s, kind, true)) = type_ending_at(a, e) {
                if s >= lo {
                    found = Some((s, kind, e));
                    break;
                }
            }
            e -= 1;
        }
        if direct.is_some() && !found.is_some_and(|f| law_like(f.1.class)) {
            found = None;
        }
        if let Some((s, kind, te)) = found {
            // Amending acts: the outer type word followed by "sửa đổi".
            let mut best = (s, kind, te);
            let mut q = s;
            while q > lo {
                if stop(&tokens[q - 1]) {
                    break;
                }
                if a.word_phrase(q, q + 2, Lex::Amending, Walk::Across)
                    .is_some()
                {
                    if let Some((s2, k2, true)) = type_ending_at(a, q) {
                        if s2 >= lo {
                            best = (s2, k2, q);
                        }
                    }
                }
                q -= 1;
            }
            ty = Some((best.0, best.1, true));
            if best.2 < before {
                name = Some((best.2, before));
            }
            // "LUẬT⏎CỦA QUỐC HỘI … SỐ …": the issuing body before the
            // number is the body, not the name.
            if let Some((n0, n1)) = name {
                if let Some((k, b)) = body_before(a, n0, n1) {
                    body_first = Some((k + 1, b));
                    name = (n0 < k).then_some((n0, k));
                }
            }
        }
    }
    let (sym, bare) = match sym {
        Some(s) => (s, false),
        None => {
            // A bare number needs a type word: "Chỉ thị 16", "văn bản số 81".
            let (_, kind, cap) = ty?;
            let t = &tokens[i];
            // "Nghị định 100/2019": number and year without a code.
            let (num, year) = match t.text.split_once(['/', '-']) {
                // "Thông tư 08-2017": a dash for the slash (not "2020-2021")
                Some((n, y))
                    if y.len() == 4
                        && (n.len() <= 3 || t.text.as_bytes()[n.len()] == b'/')
                        && y.bytes().all(|c| c.is_ascii_digit())
                        && (1945..=2100).contains(&y.parse::<u32>().unwrap_or(0))
                        && !law_like(kind.class) =>
                {
                    (n, Some(y.to_string()))
                }
                _ => (t.text, None),
            };
            if num.is_empty()
                || !num.bytes().all(|c| c.is_ascii_digit())
                || num.len() > 5
                || name.is_some()
            {
                return None;
            }
            if so.is_none() {
                // "Phương án 1", "Kế hoạch 2": one digit is a label
                // Lowercase correspondence words are common in news without
                // "số": "văn bản 425 nói trên", "công văn 1234".
                let lower_ok = kind.class == DOC_LETTER
                    || (kind.class == DOC_ACT
                        && (num.len() >= 3
                            || a.word_is(i + 1, Lex::Of)
                            || a.is_punct(i + 1, ",")
                            || i + 1 == tokens.len()));
                if !(cap || lower_ok) || name.is_some() || num.len() < 2 {
                    return None;
                }
                if law_like(kind.class) {
                    return None;
                }
                if tokens.get(i + 1).is_some_and(|n| {
                    a.word_is(i + 1, Lex::DocQuantity)
                        || matches!(
                            n.kind,
                            TokenKind::Number | TokenKind::Alnum | TokenKind::Symbol
                        )
                        || (n.kind == TokenKind::Punct
                            && matches!(n.text, "/" | "." | ",")
                            && !n.space_before
                            && tokens
                                .get(i + 2)
                                .is_some_and(|x| x.kind == TokenKind::Number && !x.space_before))
                }) {
                    return None;
                }
            }
            (
                Symbol {
                    number: num.to_string(),
                    year,
                    next: i + 1,
                    ..Default::default()
                },
                true,
            )
        }
    };
    if ty.is_some_and(|t| t.1.class == DOC_CONSTITUTION) && bare {
        return None;
    }
    if ty.is_none() && so.is_none() && !bare {
        // Without a type word or "số" the symbol alone must look official:
        // a year field or a known code/issuer ("Apple Watch 6/SE" is not).
        let inv = &*INVENTORY;
        let known = sym.year.is_some()
            || sym.code.as_deref().is_some_and(|c| inv.codes.contains(c))
            || sym.issuer.as_deref().is_some_and(|x| {
                x.split('-').all(issuerish) || (x.chars().count() >= 3 && sym.unit.is_some())
            });
        if !known {
            return None;
        }
    }
    let start_tok = match ty {
        Some((s, _, _)) => s,
        None => i,
    };
    let mut end_tok = sym.next; // exclusive
                                // Directly attached date.
    let mut date = None;
    if matches!(
        a.word_class(end_tok, Lex::DateUnit),
        Some(DAY | MONTH | YEAR)
    ) {
        if let Some((iso, next)) = super::date::attached(a, end_tok) {
            date = Some(iso);
            end_tok = next;
        }
    }
    let mut body =
        body_first.map(|(s, e)| text[tokens[s].span.start..tokens[e - 1].span.end].to_string());
    if body.is_none()
        && a.word_is(end_tok, Lex::Of)
        && (!tokens.get(end_tok).is_some_and(|t| t.newline_before)
            // a heading in capitals: "SỐ 12/2021/NQ-HĐND⏎NGÀY …⏎CỦA HỘI ĐỒNG …"
            || (a.caps_line(end_tok) && a.caps_line(end_tok - 1)))
    {
        if let Some(mut next) = body_at(a, end_tok + 1) {
            // Joint documents name every issuer: "Thông tư liên tịch số
            // 01/2015/TTLT-BTP-BNV … của Bộ Tư pháp và Bộ Nội vụ".
            let joint = sym.issuer.as_deref().is_some_and(|s| s.contains('-'))
                || ty.is_some_and(|t| t.1.class == DOC_JOINT);
            let mut extra = 0;
            while joint && extra < 4 {
                let sep = a.is_punct(next, ",") || a.word_is(next, Lex::And);
                if !sep || tokens.get(next).is_some_and(|t| t.newline_before) {
                    break;
                }
                match body_at(a, next + 1) {
                    Some(n2) => next = n2,
                    None => break,
                }
                extra += 1;
            }
            let (a, b) = (tokens[end_tok + 1].span.start, tokens[next - 1].span.end);
            body = Some(text[a..b].to_string());
            end_tok = next;
        }
    }
    let span = tokens[start_tok].span.start..tokens[end_tok - 1].span.end;
    let name = name.map(|(a, b)| text[tokens[a].span.start..tokens[b - 1].span.end].to_string());
    let value = DocRefValue {
        kind: ty.map(|t| a.value(t.1).to_string()),
        number: sym.number,
        year: sym.year,
        code: sym.code,
        issuer: sym.issuer,
        date,
        body,
        unit: sym.unit,
        name,
    };
    Some((
        Entity {
            kind: EntityKind::DocRef,
            span: span.clone(),
            text: &text[span],
            value: Value::DocRef(value),
        },
        end_tok,
    ))
}
