//! The issuing body after "của" in a document reference ("… của Bộ Chính
//! trị", "… của UBND tỉnh Cao Bằng"): known bodies, offices that head a
//! body, local bodies with their level and place, and heads followed by a
//! proper name.

use super::super::lex::{is_dash, is_p, kw};
use super::TYPES;
use crate::token::{Token, TokenKind};

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
pub(super) fn body_at(tokens: &[Token<'_>], i: usize) -> Option<usize> {
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
