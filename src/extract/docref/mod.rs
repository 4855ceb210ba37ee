//! DOCREF recognizer.
//!
//! Anchored on number tokens (a document reference always carries a number),
//! so the cost is proportional to the numbers in the text. For each number:
//!
//! 1. read the symbol (ký hiệu) after it: Party style `01-KL/TW`, State style
//!    `30/2020/NĐ-CP`, `123/UBND-VX`, `59/2020/QH14`, also spaced
//!    (`02 / 1998 / CT - TTg`);
//! 2. look left for `số`/`số:` and the type word ("Nghị quyết", "Luật" …),
//!    possibly with a document name between them ("Luật Doanh nghiệp số …");
//! 3. take a directly following date ("ngày 05/3/2020", "tháng 01/2020");
//! 4. take a directly following "của `<issuing body>`", where the body ends at
//!    the end of a known body name (plus an attached "khóa XII").
//!
//! A symbol without a type word and without "số" must carry a year or a
//! known code/issuer (product names such as "Watch 6/SE" are not documents).
//! Joint documents (issuer `BTP-BNV`, or a "liên tịch" type) take every
//! body of "của X và Y" / "của X, Y".
//!
//! The code/issuer inventory is `data/docref_codes.tsv`.

mod issuer;
mod symbol;

use super::lex::{is_p, kw, Analysis, Key};
use super::{DocRefValue, Entity, EntityKind, Value};
use crate::token::{Token, TokenKind};
use issuer::body_at;
use symbol::{issuerish, symbol_at, Symbol, INVENTORY};

/// Document type words, as lowercase word sequences, with the kind to report.
pub(super) const TYPES: &[(&[&str], &str)] = &[
    (&["văn", "bản", "hợp", "nhất"], "Văn bản hợp nhất"),
    (&["nghị", "quyết", "liên", "tịch"], "Nghị quyết liên tịch"),
    (&["thông", "tư", "liên", "tịch"], "Thông tư liên tịch"),
    (&["nghị", "quyết"], "Nghị quyết"),
    (&["nghị", "định"], "Nghị định"),
    (&["quyết", "định"], "Quyết định"),
    (&["chỉ", "thị"], "Chỉ thị"),
    (&["kết", "luận"], "Kết luận"),
    (&["quy", "định"], "Quy định"),
    (&["qui", "định"], "Quy định"),
    (&["hướng", "dẫn"], "Hướng dẫn"),
    (&["thông", "tư"], "Thông tư"),
    (&["bộ", "luật"], "Bộ luật"),
    (&["luật"], "Luật"),
    (&["pháp", "lệnh"], "Pháp lệnh"),
    (&["sắc", "lệnh"], "Sắc lệnh"),
    (&["sắc", "luật"], "Sắc luật"),
    (&["lệnh"], "Lệnh"),
    (&["công", "văn"], "Công văn"),
    (&["văn", "bản"], "Văn bản"),
    (&["công", "điện"], "Công điện"),
    (&["thông", "báo"], "Thông báo"),
    (&["thông", "tri"], "Thông tri"),
    (&["thông", "cáo"], "Thông cáo"),
    (&["kế", "hoạch"], "Kế hoạch"),
    (&["chương", "trình"], "Chương trình"),
    (&["đề", "án"], "Đề án"),
    (&["dự", "án"], "Dự án"),
    (&["báo", "cáo"], "Báo cáo"),
    (&["tờ", "trình"], "Tờ trình"),
    (&["quy", "chế"], "Quy chế"),
    (&["qui", "chế"], "Quy chế"),
    (&["điều", "lệ"], "Điều lệ"),
    (&["hợp", "đồng"], "Hợp đồng"),
    (&["biên", "bản"], "Biên bản"),
    (&["giấy", "mời"], "Giấy mời"),
    (&["phương", "án"], "Phương án"),
    (&["bản", "án"], "Bản án"),
    (&["án", "lệ"], "Án lệ"),
    (&["hiến", "pháp"], "Hiến pháp"),
];

/// The last words of the [`TYPES`] entries: a cheap first test.
const TYPE_LAST: &[&str] = &[
    "nhất", "tịch", "quyết", "định", "thị", "luận", "dẫn", "tư", "luật", "lệnh", "văn", "bản",
    "điện", "báo", "tri", "cáo", "hoạch", "trình", "án", "chế", "lệ", "đồng", "mời", "pháp",
];

/// Kinds that are laws: a bare year-like number after them is a year
/// ("Luật Đất đai 2013", "Hiến pháp 1946"), not a document number.
fn law_like(kind: &str) -> bool {
    matches!(kind, "Luật" | "Bộ luật" | "Pháp lệnh" | "Hiến pháp")
}

/// A type word ending right before token `end` (exclusive): (start index,
/// kind, capitalised?).
fn type_ending_at(tokens: &[Token<'_>], end: usize) -> Option<(usize, &'static str, bool)> {
    // Keys of the (at most four) words before `end`, last first.
    let last = kw(tokens, end.wrapping_sub(1));
    if !TYPE_LAST.contains(&last.as_str()) {
        return None;
    }
    let keys: [Key; 4] = std::array::from_fn(|k| {
        if k == 0 {
            last
        } else if end > k {
            kw(tokens, end - 1 - k)
        } else {
            Key::default()
        }
    });
    let mut best: Option<(usize, &'static str)> = None;
    for (words, kind) in TYPES {
        let n = words.len();
        if end < n {
            continue;
        }
        let s = end - n;
        if (0..n).all(|k| keys[n - 1 - k].as_str() == words[k])
            && (1..n).all(|k| !tokens[s + k].newline_before)
            && best.map_or(true, |(bs, _)| s < bs)
        {
            best = Some((s, kind));
        }
    }
    best.map(|(s, kind)| {
        let cap = tokens[s]
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase());
        (s, kind, cap)
    })
}

/// A type word found before the number: (start, kind, capitalised).
type TypeHit = (usize, &'static str, bool);

trait LowerTypeHit {
    fn is_none_or_lower(&self) -> bool;
}

impl LowerTypeHit for Option<TypeHit> {
    /// No type word, or a lowercase one.
    fn is_none_or_lower(&self) -> bool {
        self.map_or(true, |t| !t.2)
    }
}

/// Words after a bare number that make it a quantity ("Kế hoạch 5 năm").
fn quantity_word(k: &Key) -> bool {
    matches!(
        k.as_str(),
        "năm"
            | "tháng"
            | "ngày"
            | "người"
            | "tỷ"
            | "triệu"
            | "nghìn"
            | "đồng"
            | "điều"
            | "lần"
            | "khoản"
            | "điểm"
            | "%"
    )
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
    let sym = symbol_at(tokens, i);
    // "số" / "số:" before the number.
    let mut so = None;
    if i > floor && kw(tokens, i - 1).as_str() == "số" {
        so = Some(i - 1);
    } else if i >= 2 + floor && is_p(tokens, i - 1, ":") && kw(tokens, i - 2).as_str() == "số" {
        so = Some(i - 2);
    }
    let before = so.unwrap_or(i);
    let mut ty = type_ending_at(tokens, before).filter(|t| t.0 >= floor);
    let mut name: Option<(usize, usize)> = None;
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
            if stop(&tokens[e - 1]) || kw(tokens, e - 1).as_str() == "số" {
                break;
            }
            if let Some((s, kind, true)) = type_ending_at(tokens, e) {
                if s >= lo {
                    found = Some((s, kind, e));
                    break;
                }
            }
            e -= 1;
        }
        if direct.is_some() && !found.is_some_and(|f| law_like(f.1)) {
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
                if kw(tokens, q).as_str() == "sửa" && kw(tokens, q + 1).as_str() == "đổi" {
                    if let Some((s2, k2, true)) = type_ending_at(tokens, q) {
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
                        && !law_like(kind) =>
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
                let lower_ok = matches!(kind, "Văn bản" | "Công văn" | "Công điện");
                if !(cap || lower_ok) || name.is_some() || num.len() < 2 {
                    return None;
                }
                if law_like(kind) || kind == "Hiến pháp" {
                    return None;
                }
                if tokens.get(i + 1).is_some_and(|n| {
                    quantity_word(&kw(tokens, i + 1))
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
    if ty.is_some_and(|t| t.1 == "Hiến pháp") && bare {
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
    if matches!(kw(tokens, end_tok).as_str(), "ngày" | "tháng" | "năm") {
        if let Some((iso, next)) = super::date::attached(a, end_tok) {
            date = Some(iso);
            end_tok = next;
        }
    }
    let mut body = None;
    if kw(tokens, end_tok).as_str() == "của"
        && !tokens.get(end_tok).is_some_and(|t| t.newline_before)
    {
        if let Some(mut next) = body_at(tokens, end_tok + 1) {
            // Joint documents name every issuer: "Thông tư liên tịch số
            // 01/2015/TTLT-BTP-BNV … của Bộ Tư pháp và Bộ Nội vụ".
            let joint = sym.issuer.as_deref().is_some_and(|s| s.contains('-'))
                || ty.is_some_and(|t| t.1.ends_with("liên tịch"));
            let mut extra = 0;
            while joint && extra < 4 {
                let conn = kw(tokens, next);
                let sep = is_p(tokens, next, ",") || conn.as_str() == "và";
                if !sep || tokens.get(next).is_some_and(|t| t.newline_before) {
                    break;
                }
                match body_at(tokens, next + 1) {
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
        kind: ty.map(|t| t.1.to_string()),
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
