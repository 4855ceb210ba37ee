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

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::date::{is_dash, is_p, kw, Key};
use super::{DocRefValue, Entity, EntityKind, Value};
use crate::token::{Token, TokenKind};

static CODES_TSV: &str = include_str!("../../data/docref_codes.tsv");

/// Type codes and issuer codes of the inventory.
struct Inventory {
    codes: FxHashSet<&'static str>,
    issuers: FxHashSet<&'static str>,
}

static INVENTORY: LazyLock<Inventory> = LazyLock::new(|| {
    let mut codes = FxHashSet::default();
    let mut issuers = FxHashSet::default();
    for line in CODES_TSV.lines().skip(1) {
        let mut f = line.split('\t');
        let (Some(code), _, Some(kind)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        if code.starts_with('(') || code.ends_with('.') {
            continue;
        }
        if kind.starts_with("type:") {
            codes.insert(code);
        } else if kind.starts_with("issuer:") {
            issuers.insert(code);
        }
    }
    // Codes of older numbering used in the laws of the 1980s–2000s:
    // Pháp lệnh (PL), Lệnh của Chủ tịch Hội đồng Nhà nước (LCT), Sắc lệnh (SL);
    // and văn bản hợp nhất (VBHN).
    for c in ["PL", "LCT", "SL", "L", "NQLT", "TTLT", "VBHN"] {
        codes.insert(c);
    }
    // Văn phòng Quốc hội, Hội đồng Nhà nước, Hội đồng Bộ trưởng (older acts).
    for c in ["VPQH", "HĐNN", "HĐBT"] {
        issuers.insert(c);
    }
    Inventory { codes, issuers }
});

/// Whether `s` looks like an issuer code: in the inventory, or a known
/// issuer followed by a term number (`QH14`, `UBTVQH12`, `HĐNN8`).
fn issuerish(s: &str) -> bool {
    let inv = &*INVENTORY;
    if inv.issuers.contains(s) {
        return true;
    }
    let stem = s.trim_end_matches(|c: char| c.is_ascii_digit());
    stem.len() < s.len() && (inv.issuers.contains(stem) || stem == "HĐNN" || stem == "HĐBT")
}

/// Whether token `i` can be a piece of a document symbol: letters (and
/// digits) starting with a capital, few lowercase letters.
fn codeish(t: &Token<'_>) -> bool {
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

/// Document type words, as lowercase word sequences, with the kind to report.
const TYPES: &[(&[&str], &str)] = &[
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
            && best.is_none_or(|(bs, _)| s < bs)
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
        self.is_none_or(|t| !t.2)
    }
}

/// The parsed symbol after the number.
#[derive(Default, Debug)]
struct Symbol {
    number: String,
    year: Option<String>,
    code: Option<String>,
    issuer: Option<String>,
    unit: Option<String>,
    /// Index after the last token of the symbol.
    next: usize,
}

/// Reads `number[/year][sep PART]*` starting at number token `i`.
fn symbol_at(tokens: &[Token<'_>], i: usize) -> Option<Symbol> {
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
    sym.number = num.to_string();
    sym.year = year.map(str::to_string);
    let mut j = i + 1;
    // Spaced year: "02 / 1998 / CT - TTg".
    if sym.year.is_none() && is_p(tokens, j, "/") && is_p(tokens, j + 2, "/") {
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
        let sep = if is_p(tokens, j, "/") {
            b'/'
        } else if is_dash(tokens, j) {
            b'-'
        } else {
            break;
        };
        let Some(p) = tokens.get(j + 1) else { break };
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
        j += 2;
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
        let stem_ok = matches!(p.text, "QH" | "UBTVQH" | "HĐNN" | "HĐBT");
        if stem_ok {
            let (k, glue) = if is_p(tokens, j, "/") {
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

fn join(parts: &[(u8, String, bool)]) -> String {
    let mut s = String::new();
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            s.push('-');
        }
        s.push_str(&p.1);
    }
    s
}

/// Fixed names of issuing bodies (lowercase word sequences). Punctuation
/// `,` and `-` in the text between words is skipped when matching.
const BODIES: &[&[&str]] = &[
    &["bộ", "chính", "trị"],
    &["ban", "bí", "thư", "trung", "ương", "đảng"],
    &["ban", "bí", "thư", "trung", "ương"],
    &["ban", "bí", "thư"],
    &[
        "ban", "chấp", "hành", "trung", "ương", "đảng", "cộng", "sản", "việt", "nam",
    ],
    &["ban", "chấp", "hành", "trung", "ương", "đảng"],
    &["ban", "chấp", "hành", "trung", "ương"],
    &["ban", "thường", "vụ", "tỉnh", "ủy"],
    &["ban", "thường", "vụ", "tỉnh", "uỷ"],
    &["ban", "thường", "vụ", "thành", "ủy"],
    &["ban", "thường", "vụ", "thành", "uỷ"],
    &["ban", "thường", "vụ", "huyện", "ủy"],
    &["ban", "thường", "vụ", "huyện", "uỷ"],
    &["trung", "ương", "đảng"],
    &["trung", "ương", "đoàn"],
    // "Nghị quyết 19 của Trung ương" (the Central Committee)
    &["trung", "ương"],
    &["chính", "phủ"],
    &[
        "quốc", "hội", "nước", "cộng", "hòa", "xã", "hội", "chủ", "nghĩa", "việt", "nam",
    ],
    &[
        "quốc", "hội", "nước", "cộng", "hoà", "xã", "hội", "chủ", "nghĩa", "việt", "nam",
    ],
    &["quốc", "hội"],
    &["ủy", "ban", "thường", "vụ", "quốc", "hội"],
    &["uỷ", "ban", "thường", "vụ", "quốc", "hội"],
    &["ubtvqh"],
    &["hội", "đồng", "nhà", "nước"],
    &["hội", "đồng", "bộ", "trưởng"],
    &["hội", "đồng", "chính", "phủ"],
    &["chủ", "tịch", "nước"],
    &["chủ", "tịch", "hội", "đồng", "nhà", "nước"],
    &["văn", "phòng", "trung", "ương", "đảng"],
    &["văn", "phòng", "chính", "phủ"],
    &["văn", "phòng", "quốc", "hội"],
    &["ban", "tuyên", "giáo", "trung", "ương"],
    &["ban", "tổ", "chức", "trung", "ương"],
    &["ban", "dân", "vận", "trung", "ương"],
    &["ban", "kinh", "tế", "trung", "ương"],
    &["ban", "nội", "chính", "trung", "ương"],
    &["ban", "đối", "ngoại", "trung", "ương"],
    &["ủy", "ban", "kiểm", "tra", "trung", "ương"],
    &["uỷ", "ban", "kiểm", "tra", "trung", "ương"],
    &["tòa", "án", "nhân", "dân", "tối", "cao"],
    &["toà", "án", "nhân", "dân", "tối", "cao"],
    &["viện", "kiểm", "sát", "nhân", "dân", "tối", "cao"],
    &[
        "hội", "đồng", "thẩm", "phán", "tòa", "án", "nhân", "dân", "tối", "cao",
    ],
    &[
        "hội", "đồng", "thẩm", "phán", "toà", "án", "nhân", "dân", "tối", "cao",
    ],
    &["ngân", "hàng", "nhà", "nước", "việt", "nam"],
    &["ngân", "hàng", "nhà", "nước"],
    &["kiểm", "toán", "nhà", "nước"],
    &["thanh", "tra", "chính", "phủ"],
    &["ủy", "ban", "dân", "tộc"],
    &["uỷ", "ban", "dân", "tộc"],
    &[
        "ủy", "ban", "trung", "ương", "mặt", "trận", "tổ", "quốc", "việt", "nam",
    ],
    &[
        "uỷ", "ban", "trung", "ương", "mặt", "trận", "tổ", "quốc", "việt", "nam",
    ],
    &["mặt", "trận", "tổ", "quốc", "việt", "nam"],
    &["tổng", "liên", "đoàn", "lao", "động", "việt", "nam"],
    &["trung", "ương", "đoàn"],
    &["tỉnh", "ủy"],
    &["tỉnh", "uỷ"],
    &["thành", "ủy"],
    &["thành", "uỷ"],
    &["huyện", "ủy"],
    &["huyện", "uỷ"],
    &["quận", "ủy"],
    &["quận", "uỷ"],
    &["đảng", "ủy"],
    &["đảng", "uỷ"],
];

/// Offices that head a body ("Thủ tướng Chính phủ", "Bộ trưởng Bộ Y tế").
const ROLES: &[&[&str]] = &[
    &["thường", "trực"],
    &["tổng", "bí", "thư"],
    &["thủ", "tướng", "chính", "phủ"],
    &["thủ", "tướng"],
    &["bộ", "trưởng"],
    &["chủ", "tịch"],
    &["chủ", "nhiệm"],
    &["giám", "đốc"],
    &["chánh", "án"],
    &["viện", "trưởng"],
    &["thống", "đốc"],
    &["tổng", "kiểm", "toán", "nhà", "nước"],
    &["tổng", "thanh", "tra", "chính", "phủ"],
    &["tổng", "cục", "trưởng"],
    &["cục", "trưởng"],
];

/// Ministries after "Bộ".
const MINISTRIES: &[&[&str]] = &[
    &["nội", "vụ"],
    &["tài", "chính"],
    &["tư", "pháp"],
    &["công", "an"],
    &["quốc", "phòng"],
    &["ngoại", "giao"],
    &["kế", "hoạch", "và", "đầu", "tư"],
    &["công", "thương"],
    &["giáo", "dục", "và", "đào", "tạo"],
    &["y", "tế"],
    &["xây", "dựng"],
    &["giao", "thông", "vận", "tải"],
    &["tài", "nguyên", "và", "môi", "trường"],
    &["nông", "nghiệp", "và", "phát", "triển", "nông", "thôn"],
    &["nông", "nghiệp", "và", "môi", "trường"],
    &["lao", "động", "thương", "binh", "và", "xã", "hội"],
    &["văn", "hóa", "thể", "thao", "và", "du", "lịch"],
    &["văn", "hoá", "thể", "thao", "và", "du", "lịch"],
    &["khoa", "học", "và", "công", "nghệ"],
    &["thông", "tin", "và", "truyền", "thông"],
    &["dân", "tộc", "và", "tôn", "giáo"],
    &["công", "nghiệp"],
    &["thương", "mại"],
    &["thủy", "sản"],
    &["thuỷ", "sản"],
    &["lao", "động"],
    &["văn", "hóa", "thông", "tin"],
    &["văn", "hoá", "thông", "tin"],
];

/// Matches the word sequence `words` at token `i` (skipping `,` and `-`
/// between words). Returns the index after the match.
fn match_words(tokens: &[Token<'_>], i: usize, words: &[&str]) -> Option<usize> {
    let mut j = i;
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            while (is_p(tokens, j, ",") || is_dash(tokens, j)) && j < i + 2 * words.len() {
                j += 1;
            }
        }
        if kw(tokens, j).as_str() != *w || (k > 0 && tokens[j].newline_before) {
            return None;
        }
        j += 1;
    }
    Some(j)
}

fn longest(tokens: &[Token<'_>], i: usize, list: &[&[&str]]) -> Option<usize> {
    list.iter().filter_map(|w| match_words(tokens, i, w)).max()
}

fn capitalised(t: Option<&Token<'_>>) -> bool {
    t.is_some_and(|t| {
        t.kind == TokenKind::Word && t.text.chars().next().is_some_and(|c| c.is_uppercase())
    })
}

/// A proper name from `j`, in the style of Vietnamese body names: each
/// capitalised syllable may be followed by lowercase syllables of the same
/// word ("Tài chính", "Tuyên giáo"), "và" joins two capitalised parts
/// ("Kế hoạch và Đầu tư"). At most 10 tokens; stops at function words.
fn proper_run(tokens: &[Token<'_>], mut j: usize) -> usize {
    let start = j;
    let mut end = j;
    let mut lower_run = 0;
    while j - start < 10 {
        let Some(t) = tokens.get(j) else { break };
        if t.newline_before && j > start {
            break;
        }
        if capitalised(Some(t)) {
            lower_run = 0;
            j += 1;
            end = j;
            continue;
        }
        if j == start || t.kind != TokenKind::Word {
            break;
        }
        let k = kw(tokens, j);
        if k.as_str() == "và"
            && capitalised(tokens.get(j + 1))
            && !TYPES.iter().any(|(w, _)| {
                w.len() >= 2
                    && kw(tokens, j + 1).as_str() == w[0]
                    && kw(tokens, j + 2).as_str() == w[1]
            })
        {
            j += 1;
            continue;
        }
        // Verbs that follow a body ("… Quốc gia công bố", "… thông báo").
        let verb_pair = matches!(
            (k.as_str(), kw(tokens, j + 1).as_str()),
            ("công", "bố") | ("thông", "báo") | ("đồng", "ý") | ("xác", "định")
        );
        if lower_run >= 3 || verb_pair || STOP_LOWER.contains(&k.as_str()) {
            break;
        }
        lower_run += 1;
        j += 1;
        end = j;
    }
    end
}

/// Lowercase words that never continue a body name.
const STOP_LOWER: &[&str] = &[
    "của",
    "về",
    "và",
    "tại",
    "ngày",
    "tháng",
    "năm",
    "số",
    "với",
    "để",
    "trong",
    "theo",
    "đã",
    "đang",
    "sẽ",
    "được",
    "bị",
    "là",
    "có",
    "cho",
    "các",
    "những",
    "khi",
    "thì",
    "mà",
    "này",
    "đó",
    "việc",
    "nhằm",
    "trên",
    "dưới",
    "từ",
    "đến",
    "ban",
    "quy",
    "hướng",
    "tỉnh",
    "huyện",
    "thành",
    "quận",
    "xã",
    "phường",
    "thị",
    "tp",
    "khóa",
    "khoá",
    "kỳ",
    "vừa",
    "cũng",
    "nêu",
    "như",
    "gồm",
    "phê",
    "chỉ",
    "yêu",
    "hỗ",
    "thực",
    "triển",
    "ký",
    "gửi",
    "tổ",
    "đề",
];

/// Local bodies whose name continues with a level and a place
/// ("UBND tỉnh Cao Bằng", "Công an huyện X").
const LOCAL_HEADS: &[&[&str]] = &[
    &["ubnd"],
    &["hđnd"],
    &["ủy", "ban", "nhân", "dân"],
    &["uỷ", "ban", "nhân", "dân"],
    &["hội", "đồng", "nhân", "dân"],
    &["công", "an"],
    &["tòa", "án", "nhân", "dân"],
    &["toà", "án", "nhân", "dân"],
    &["tand"],
    &["viện", "kiểm", "sát", "nhân", "dân"],
    &["vksnd"],
    &["ủy", "ban", "mttq", "việt", "nam"],
    &["uỷ", "ban", "mttq", "việt", "nam"],
    &["ủy", "ban", "mặt", "trận", "tổ", "quốc", "việt", "nam"],
    &["uỷ", "ban", "mặt", "trận", "tổ", "quốc", "việt", "nam"],
    &["ban", "chấp", "hành", "đảng", "bộ"],
    &["ban", "thường", "vụ", "đảng", "ủy"],
    &["ban", "thường", "vụ", "đảng", "uỷ"],
    &["đảng", "bộ"],
    &["thường", "trực", "tỉnh", "ủy"],
    &["thường", "trực", "tỉnh", "uỷ"],
    &["thường", "trực", "hđnd"],
    &["thường", "trực", "ubnd"],
];

/// Heads followed by a proper name ("Sở Tài chính", "Cục Thuế",
/// "Ban Tuyên giáo Tỉnh ủy", "Văn phòng UBND tỉnh").
const NAMED_HEADS: &[&[&str]] = &[
    &["sở"],
    &["ban"],
    &["cục"],
    &["tổng", "cục"],
    &["văn", "phòng"],
    &["ủy", "ban"],
    &["uỷ", "ban"],
    &["bộ"],
    &["học", "viện"],
    &["đại", "học"],
    &["trường"],
    &["tập", "đoàn"],
    &["tổng", "công", "ty"],
    &["công", "ty"],
    &["ngân", "hàng"],
    &["viện"],
    &["hội"],
    &["liên", "đoàn"],
    &["đoàn"],
    &["cơ", "quan"],
];

/// An abbreviation such as "GDĐT", "GD&ĐT", "TN&MT", "UBND" at `j`;
/// returns the index after it.
fn abbreviation(tokens: &[Token<'_>], j: usize) -> Option<usize> {
    let upper = |t: &Token<'_>| {
        matches!(t.kind, TokenKind::Word | TokenKind::Alnum)
            && t.text.chars().count() >= 2
            && t.text
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    if !tokens.get(j).is_some_and(upper) {
        return None;
    }
    let mut j = j + 1;
    while tokens
        .get(j)
        .is_some_and(|t| matches!(t.text, "&" | "-") && !t.space_before)
        && tokens
            .get(j + 1)
            .is_some_and(|t| upper(t) && !t.space_before)
    {
        j += 2;
    }
    Some(j)
}

/// "Ban Chỉ đạo quốc gia phòng, chống dịch Covid-19": after "Ban Chỉ đạo",
/// the campaign name up to "Covid-19" (at most 10 tokens).
fn covid_tail(tokens: &[Token<'_>], j: usize) -> Option<usize> {
    for k in j..(j + 10).min(tokens.len()) {
        if tokens[k].newline_before && k > j {
            return None;
        }
        if kw(tokens, k).as_str() == "covid" {
            let mut e = k + 1;
            if is_dash(tokens, e) && tokens.get(e + 1).is_some_and(|t| t.text == "19") {
                e += 2;
            }
            return Some(e);
        }
        if matches!(tokens[k].kind, TokenKind::Punct) && tokens[k].text != "," {
            return None;
        }
    }
    None
}

/// An organisation at `i`; returns the index after it.
fn org_at(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    if let Some(j) = longest(tokens, i, BODIES) {
        // "Tỉnh ủy Quảng Ninh", "Ban Thường vụ Thành ủy Hà Nội"
        let last = kw(tokens, j - 1);
        if matches!(last.as_str(), "ủy" | "uỷ") {
            let mut e = j;
            while e - j < 4 && capitalised(tokens.get(e)) && !tokens[e].newline_before {
                e += 1;
            }
            return Some(e);
        }
        return Some(j);
    }
    if let Some(j) = longest(tokens, i, LOCAL_HEADS) {
        return Some(local_level(tokens, j));
    }
    let h = longest(tokens, i, NAMED_HEADS)?;
    let head = kw(tokens, i);
    if matches!(head.as_str(), "bộ" | "sở") {
        if let Some(j) = longest(tokens, h, MINISTRIES) {
            return Some(if head.as_str() == "sở" {
                local_level(tokens, j)
            } else {
                j
            });
        }
    }
    if let Some(j) = abbreviation(tokens, h) {
        return Some(local_level(tokens, j));
    }
    if head.as_str() == "ban"
        && kw(tokens, h).as_str() == "chỉ"
        && kw(tokens, h + 1).as_str() == "đạo"
    {
        if let Some(e) = covid_tail(tokens, h + 2) {
            return Some(e);
        }
    }
    let mut e = proper_run(tokens, h);
    if e == h
        && longest(
            tokens,
            i,
            &[&["hội", "đồng"], &["ủy", "ban"], &["uỷ", "ban"]],
        )
        .is_some()
    {
        // "Hội đồng bầu cử Quốc gia", "Ủy ban quốc gia về …": up to three
        // lowercase words before the capitalised part of the name.
        let mut k = h;
        while k - h < 3
            && tokens.get(k).is_some_and(|t| {
                t.kind == TokenKind::Word && !t.newline_before && !capitalised(Some(t))
            })
            && !STOP_LOWER.contains(&kw(tokens, k).as_str())
            && kw(tokens, k).as_str() != "và"
        {
            k += 1;
        }
        if k > h && capitalised(tokens.get(k)) && !tokens[k].newline_before {
            e = proper_run(tokens, k);
        }
    }
    (e > h).then(|| local_level(tokens, e))
}

/// After "UBND"/"HĐND": an optional level word and place name.
fn local_level(tokens: &[Token<'_>], j: usize) -> usize {
    let k = kw(tokens, j);
    let after = match k.as_str() {
        "tỉnh" | "huyện" | "quận" | "xã" | "phường" | "tp" => j + 1,
        // "TAND cấp cao tại Hà Nội"
        "cấp" if kw(tokens, j + 1).as_str() == "cao" => {
            if kw(tokens, j + 2).as_str() == "tại" {
                let e = proper_run(tokens, j + 3);
                return if e > j + 3 { e } else { j + 2 };
            }
            return j + 2;
        }
        "thành" | "thị" => {
            let k2 = kw(tokens, j + 1);
            match (k.as_str(), k2.as_str()) {
                ("thành", "phố") | ("thị", "xã") | ("thị", "trấn") => j + 2,
                _ => return j,
            }
        }
        _ => {
            // "Sở Giáo dục và Đào tạo Hà Nội": a place name right after
            let mut e = j;
            while e - j < 4 && capitalised(tokens.get(e)) && !tokens[e].newline_before {
                e += 1;
            }
            return e;
        }
    };
    let mut a = after;
    if k.as_str() == "tp" && is_p(tokens, a, ".") && !tokens[a].space_before {
        a += 1;
    }
    let e = proper_run(tokens, a);
    if e > a {
        e
    } else {
        after
    }
}

/// The issuing body after "của" at `i`; returns the index after it.
fn body_at(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    if !capitalised(tokens.get(i))
        && !tokens
            .get(i)
            .is_some_and(|t| t.text.chars().all(|c| c.is_uppercase()))
    {
        return None;
    }
    let mut j = if let Some(r) = longest(tokens, i, ROLES) {
        org_at(tokens, r).unwrap_or(r)
    } else {
        org_at(tokens, i)?
    };
    // khóa XII
    if matches!(kw(tokens, j).as_str(), "khóa" | "khoá") && !tokens[j].newline_before {
        if let Some(t) = tokens.get(j + 1) {
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
pub(crate) fn find<'a>(text: &'a str, tokens: &[Token<'a>]) -> Vec<Entity<'a>> {
    let mut out = Vec::new();
    let mut floor = 0usize; // first token index a new span may use
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].kind != TokenKind::Number || i < floor {
            i += 1;
            continue;
        }
        match one(text, tokens, i, floor) {
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
    tokens: &[Token<'a>],
    i: usize,
    floor: usize,
) -> Option<(Entity<'a>, usize)> {
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
        if let Some((iso, next)) = super::date::attached(tokens, end_tok) {
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
