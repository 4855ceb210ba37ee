//! The symbol (ký hiệu) after a document number: `01-KL/TW`,
//! `30/2020/NĐ-CP`, `123/UBND-VX`, spaced forms; the code and issuer
//! inventory of `data/docref_codes.tsv`.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::lex::{bad_line, parse, Analysis, Lex, CODES, CODE_CASE, CODE_STAGE};
use crate::token::{Token, TokenKind};
use crate::Result;

pub(super) static CODES_TSV: &str = include_str!("../../../data/docref_codes.tsv");

/// Type codes and issuer codes of the inventory, compared exactly as
/// written.
pub(super) struct Inventory {
    pub(super) codes: FxHashSet<&'static str>,
    pub(super) issuers: FxHashSet<&'static str>,
    /// Issuers that may carry a term number ("QH14", "QH/15", "QH 11").
    pub(super) terms: FxHashSet<&'static str>,
    /// Court case types, codes of judgments ("HSST", "HS" in "HS-ST").
    pub(super) cases: FxHashSet<&'static str>,
    /// Stages after a case type ("ST" in "HS-ST").
    pub(super) stages: FxHashSet<&'static str>,
}

/// Reads `data/docref_codes.tsv` (`code`, `full_name`, `kind`, `source`;
/// kinds `type:…`, `issuer:…` or `signing-authority`; codes written
/// `(none)` or ending in `.` are not symbol pieces) and
/// `data/extract/docref_codes_extra.txt`.
fn load(tsv: &'static str, extra: &'static str) -> Result<Inventory> {
    const FILE: &str = "docref_codes.tsv";
    let mut inv = Inventory {
        codes: FxHashSet::default(),
        issuers: FxHashSet::default(),
        terms: FxHashSet::default(),
        cases: FxHashSet::default(),
        stages: FxHashSet::default(),
    };
    let mut lines = tsv.lines();
    if lines.next() != Some("code\tfull_name\tkind\tsource") {
        return Err(bad_line(
            FILE,
            1,
            "expected the header code, full_name, kind, source",
        ));
    }
    for (n, line) in lines.enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        let [code, _, kind, _] = f[..] else {
            return Err(bad_line(
                FILE,
                n + 2,
                format!("{} fields, expected 4", f.len()),
            ));
        };
        if code.is_empty() {
            return Err(bad_line(FILE, n + 2, "empty code"));
        }
        let set = if kind.starts_with("type:") {
            &mut inv.codes
        } else if kind.starts_with("issuer:") {
            &mut inv.issuers
        } else if kind == "signing-authority" {
            continue;
        } else {
            return Err(bad_line(FILE, n + 2, format!("unknown kind {kind:?}")));
        };
        if !(code.starts_with('(') || code.ends_with('.')) {
            set.insert(code);
        }
    }
    for l in parse(CODES.name, extra, &CODES)? {
        for &(lex, class) in &l.tags {
            match (lex, class) {
                (Lex::CodeType, CODE_CASE) => {
                    inv.codes.insert(l.phrase);
                    inv.cases.insert(l.phrase)
                }
                (Lex::CodeType, CODE_STAGE) => inv.stages.insert(l.phrase),
                (Lex::CodeType, _) => inv.codes.insert(l.phrase),
                (Lex::CodeIssuer, _) => inv.issuers.insert(l.phrase),
                _ => inv.terms.insert(l.phrase),
            };
        }
    }
    Ok(inv)
}

/// The inventory; a file that does not load is a build bug (a unit test
/// loads both), and the panic names it.
pub(super) static INVENTORY: LazyLock<Inventory> =
    LazyLock::new(|| match load(CODES_TSV, CODES.text) {
        Ok(inv) => inv,
        Err(e) => panic!("vntext: an embedded document code file is malformed: {e}"),
    });

/// Whether `s` looks like an issuer code: in the inventory, or a known
/// issuer followed by a term number (`QH14`, `UBTVQH12`, `HĐNN8`).
pub(super) fn issuerish(s: &str) -> bool {
    let inv = &*INVENTORY;
    if inv.issuers.contains(s) {
        return true;
    }
    let stem = s.trim_end_matches(|c: char| c.is_ascii_digit());
    stem.len() < s.len() && inv.issuers.contains(stem)
}

/// Whether token `i` can be a piece of a document symbol: letters (and
/// digits) starting with a capital, few lowercase letters.
pub(super) fn codeish(t: &Token<'_>) -> bool {
    if !matches!(t.kind, TokenKind::Word | TokenKind::Alnum) || t.text.len() > 20 {
        return false;
    }
    let mut chars = t.text.chars();
    if !chars.next().is_some_and(|c| c.is_uppercase()) {
        return false;
    }
    let lower = t.text.chars().filter(|c| c.is_lowercase()).count();
    let upper = t.text.chars().filter(|c| c.is_uppercase()).count();
    lower <= 2 && upper >= 1 && (upper >= 2 || t.text.chars().count() <= 2)
}

/// The parsed symbol after the number.
#[derive(Default, Debug)]
pub(super) struct Symbol {
    pub(super) number: String,
    pub(super) year: Option<String>,
    pub(super) code: Option<String>,
    pub(super) issuer: Option<String>,
    pub(super) unit: Option<String>,
    /// Index after the last token of the symbol.
    pub(super) next: usize,
}

/// Reads `number[/year][sep PART]*` starting at number token `i`.
pub(super) fn symbol_at(a: &Analysis<'_, '_>, i: usize) -> Option<Symbol> {
    let tokens = a.tokens;
    let t = &tokens[i];
    let b = t.text.as_bytes();
    let mut sym = Symbol::default();
    // The number token: "30", "30/2020".
    let slash = t.text.find('/');
    let (num, year) = match slash {
        Some(p) => (&t.text[..p], Some(&t.text[p + 1..])),
        None => (t.text, None),
    };
    if num.is_empty() || num.len() > 6 || !num.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if let Some(y) = year {
        if y.len() != 4 || !y.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    if b.iter().any(|&c| !(c.is_ascii_digit() || c == b'/')) {
        return None;
    }
    // "Số:      /2020/NĐ-CP": a blank number (a draft's placeholder); the
    // digits after the slash are its year.
    if i > 0 && a.is_punct(i - 1, "/") && !t.space_before {
        return None;
    }
    sym.number = num.to_string();
    sym.year = year.map(str::to_string);
    let mut j = i + 1;
    // Spaced year: "02 / 1998 / CT - TTg".
    if sym.year.is_none() && a.is_punct(j, "/") && a.is_punct(j + 2, "/") {
        if let Some(y) = tokens.get(j + 1).filter(|y| {
            y.kind == TokenKind::Number
                && y.text.len() == 4
                && y.text.bytes().all(|c| c.is_ascii_digit())
        }) {
            if tokens.get(j + 3).is_some_and(codeish) {
                sym.year = Some(y.text.to_string());
                j += 2;
            }
        }
    }
    // Pieces after the number.
    let mut parts: Vec<(u8, String, bool)> = Vec::new(); // (separator, text, spaced)
    let inv = &*INVENTORY;
    while parts.len() < 5 {
        // `pj`: the piece's token; a missing first slash has none.
        let (sep, pj) = if a.is_punct(j, "/") {
            (b'/', j + 1)
        } else if a.is_dash(j) {
            (b'-', j + 1)
        } else if parts.is_empty() && missing_slash(a, j) {
            (b'/', j)
        } else {
            break;
        };
        let Some(p) = tokens.get(pj) else { break };
        if !codeish(p) {
            break;
        }
        let spaced = tokens[j].space_before || p.space_before;
        if spaced && parts.is_empty() {
            // A spaced symbol must be recognisable.
            let txt = p.text;
            let known = inv.codes.contains(txt) || issuerish(txt);
            if !known {
                break;
            }
        }
        if spaced && !parts.is_empty() && !parts.iter().any(|x| x.2) {
            // Glued symbol followed by a spaced dash: "QĐ-UBND - Chủ tịch":
            // stop, unless a lone code is completed by a known issuer
            // ("116/2020/NĐ - CP").
            let completes = parts.len() == 1
                && inv.codes.contains(parts[0].1.as_str())
                && sep == b'-'
                && inv.issuers.contains(p.text)
                && !tokens
                    .get(j + 2)
                    .is_some_and(|x| x.kind == TokenKind::Word && !x.space_before);
            if !completes {
                break;
            }
        }
        let mut text = p.text.to_string();
        j = pj + 1;
        // "101-SL/L.003": an issuer numbered after a dot (laws of 1957).
        if is_glued_punct(a, j, ".")
            && tokens.get(j + 1).is_some_and(|n| {
                n.kind == TokenKind::Number
                    && !n.space_before
                    && n.text.len() <= 4
                    && n.text.bytes().all(|c| c.is_ascii_digit())
            })
            && tokens
                .get(j + 2)
                .is_none_or(|x| x.space_before || x.kind == TokenKind::Punct)
        {
            text.push('.');
            text.push_str(tokens[j + 1].text);
            j += 2;
        }
        // "BGD&ĐT", "BVHTT&DL": an ampersand glued inside one piece.
        if tokens
            .get(j)
            .is_some_and(|a| a.text == "&" && !a.space_before)
            && tokens
                .get(j + 1)
                .is_some_and(|q| !q.space_before && codeish(q))
        {
            text.push('&');
            text.push_str(tokens[j + 1].text);
            j += 2;
        }
        // "QH/15", "QH 11": the term number of an issuer.
        let stem_ok = inv.terms.contains(p.text);
        if stem_ok {
            let (k, glue) = if a.is_punct(j, "/") {
                (j + 1, true)
            } else {
                (j, false)
            };
            if let Some(n) = tokens.get(k) {
                if n.kind == TokenKind::Number
                    && n.text.len() <= 2
                    && n.text.bytes().all(|c| c.is_ascii_digit())
                    && (glue || n.space_before)
                    && tokens.get(k + 1).is_none_or(|x| x.text != "/")
                {
                    text.push_str(n.text);
                    j = k + 1;
                }
            }
        }
        parts.push((sep, text, spaced));
    }
    if parts.is_empty() {
        return None;
    }
    sym.next = j;
    if parts[0].0 == b'-' {
        // Party style: N-CODE/ISSUER[-UNIT]
        if parts.len() < 2 || parts[1].0 != b'/' || sym.year.is_some() {
            return None;
        }
        sym.code = Some(parts[0].1.clone());
        sym.issuer = Some(parts[1].1.clone());
        if parts.len() > 2 {
            sym.unit = Some(join(&parts[2..]));
        }
        return Some(sym);
    }
    // State style: N[/YYYY]/P1[-P2...]
    if parts[1..].iter().any(|p| p.0 != b'-') {
        // A second slash: "QH/15" is handled above; anything else is odd.
        let cut = parts[1..]
            .iter()
            .position(|p| p.0 != b'-')
            .map_or(parts.len(), |k| k + 1);
        parts.truncate(cut);
    }
    let p1 = parts[0].1.as_str();
    if parts.len() == 1 {
        if inv.codes.contains(p1) && !issuerish(p1) {
            sym.code = Some(p1.to_string());
        } else {
            sym.issuer = Some(p1.to_string());
        }
        return Some(sym);
    }
    let p2 = parts[1].1.as_str();
    // A judgment: case type and stage ("12/2019/HS-ST").
    if parts.len() == 2 && inv.cases.contains(p1) && inv.stages.contains(p2) {
        sym.code = Some(format!("{p1}-{p2}"));
        return Some(sym);
    }
    // An unknown first piece shaped like a department ("STNMT", "SGDĐT",
    // "BVHTTDL") is the issuer even when the second one looks like one.
    let dept = p1.chars().count() >= 4 && (p1.starts_with('S') || p1.starts_with('B'));
    let is_code = if inv.codes.contains(p1) {
        true
    } else if issuerish(p1) || dept {
        false
    } else {
        issuerish(p2)
    };
    if is_code {
        sym.code = Some(p1.to_string());
        if p1.ends_with("LT") {
            sym.issuer = Some(join(&parts[1..]));
        } else {
            sym.issuer = Some(p2.to_string());
            if parts.len() > 2 {
                sym.unit = Some(join(&parts[2..]));
            }
        }
    } else {
        sym.issuer = Some(p1.to_string());
        sym.unit = Some(join(&parts[1..]));
    }
    Some(sym)
}

/// Whether token `i` is the punctuation `p` glued to the token before.
fn is_glued_punct(a: &Analysis<'_, '_>, i: usize, p: &str) -> bool {
    a.is_punct(i, p) && !a.tokens[i].space_before
}

/// A symbol whose first slash is missing, at token `j` right after the
/// number: a known type code, glued to the number or spaced, then a dash
/// and an issuer, glued: "15/2020NĐ-CP", "12/2019 QĐ-UBND".
fn missing_slash(a: &Analysis<'_, '_>, j: usize) -> bool {
    let inv = &*INVENTORY;
    let tokens = a.tokens;
    let (Some(p), Some(q)) = (tokens.get(j), tokens.get(j + 2)) else {
        return false;
    };
    !p.newline_before
        && codeish(p)
        && inv.codes.contains(p.text)
        && !issuerish(p.text)
        && a.is_dash(j + 1)
        && !tokens[j + 1].space_before
        && !q.space_before
        && codeish(q)
        && issuerish(q.text)
}

pub(super) fn join(parts: &[(u8, String, bool)]) -> String {
    let mut s = String::new();
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            s.push('-');
        }
        s.push_str(&p.1);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_files_load() {
        let inv = load(CODES_TSV, CODES.text).unwrap();
        assert!(inv.codes.contains("NQ") && inv.codes.contains("PL"));
        assert!(inv.issuers.contains("TW") && inv.issuers.contains("HĐBT"));
        assert!(inv.terms.contains("QH") && !inv.codes.contains("KT."));
    }

    #[test]
    fn a_malformed_code_line_is_an_error() {
        let head = "code\tfull_name\tkind\tsource\n";
        for (tsv, what) in [
            ("NQ\tNghị quyết\ttype:party\n", "header"),
            (
                "code\tfull_name\tkind\tsource\nNQ\tNghị quyết\n",
                "docref_codes.tsv:2: 2 fields",
            ),
            (
                "code\tfull_name\tkind\tsource\nNQ\tx\tcode\ty\n",
                "docref_codes.tsv:2: unknown kind",
            ),
        ] {
            let e = load(Box::leak(tsv.to_string().into_boxed_str()), CODES.text)
                .err()
                .unwrap();
            assert!(e.to_string().contains(what), "{e}");
        }
        let e = load(
            Box::leak(format!("{head}NQ\tx\ttype:party\ty\n").into_boxed_str()),
            "PL|code\nQH|terms\n",
        )
        .err()
        .unwrap();
        assert!(
            e.to_string().starts_with("docref_codes_extra.txt:2:"),
            "{e}"
        );
    }
}
