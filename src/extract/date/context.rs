//! Context rules of DATEs: when a bare number (no unit, part-of-day or
//! weekday word before it) is a date and when it is a quantity, a fraction,
//! an address or part of a document number.

use super::super::lex::{is_dash, is_p, kw};
use super::numeric::{num_at, year_at};
use crate::token::{Token, TokenKind};

/// Range connector at `i`: a dash, "đến" or "tới". Returns the index after it.
pub(super) fn range_conn(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    if is_dash(tokens, i) {
        return Some(i + 1);
    }
    match kw(tokens, i).as_str() {
        "đến" | "tới" => Some(i + 1),
        _ => None,
    }
}

/// Whether the number token at `i` is glued to a document symbol
/// (`02/1998/CT-TTg`, `18-NQ/TW`): followed without space by `/` or `-` and
/// a letter code, or preceded by one.
pub(super) fn docref_glued(tokens: &[Token<'_>], i: usize) -> bool {
    let glued = |j: usize| tokens.get(j).is_some_and(|t| !t.space_before);
    let code = |j: usize| {
        tokens.get(j).is_some_and(|t| {
            matches!(t.kind, TokenKind::Word | TokenKind::Alnum)
                && t.text.chars().next().is_some_and(|c| c.is_uppercase())
        })
    };
    if (is_p(tokens, i + 1, "/") || is_p(tokens, i + 1, "-"))
        && glued(i + 1)
        && glued(i + 2)
        && code(i + 2)
    {
        return true;
    }
    if i >= 2 && glued(i) && (is_p(tokens, i - 1, "/") || is_p(tokens, i - 1, "-")) && glued(i - 1)
    {
        return code(i - 2) || tokens[i - 2].kind == TokenKind::Number;
    }
    false
}

/// Place nouns among [`bad_before_bare`]: they block a bare `D/M`
/// ("Quảng trường 30/4", "đường 3/2") but not a year ("Luật Bảo vệ môi
/// trường 2020").
pub(super) fn place_noun(k: &str) -> bool {
    matches!(
        k,
        "đường" | "phố" | "trường" | "cầu" | "chợ" | "kết" | "quả"
    )
}

/// Words that, right before a bare number, make it a quantity, a fraction, a
/// score or an address rather than a date.
pub(super) fn bad_before_bare(k: &str) -> bool {
    matches!(
        k,
        "số" | "khoảng"
            | "có"
            | "hơn"
            | "gần"
            | "bằng"
            | "chiếm"
            | "là"
            | "lệ"
            | "thua"
            | "thắng"
            | "hòa"
            | "hoà"
            | "vòng"
            | "chọn"
            | "ram"
            | "thợ"
            | "bậc"
            | "đạt"
            | "trên"
            | "dưới"
            | "đường"
            | "phố"
            | "trường"
            | "cầu"
            | "chợ"
            | "hẻm"
            | "ngõ"
            | "ngách"
            | "kiệt"
            | "ấp"
            | "lô"
            | "phòng"
            | "tầng"
            | "nhà"
            | "căn"
            | "mức"
            | "gấp"
            | "cỡ"
            | "tỷ"
            | "tỉ"
            | "kết"
            | "quả"
            | "mã"
            | "hotline"
            | "đt"
            | "tel"
            | "fax"
            | "top"
            | "gồm"
            | "tổng"
            | "chừng"
            | "ngót"
            | "cả"
            | "điểm"
            | "hạng"
            | "lớp"
            | "khối"
            | "nhất"
            | "chỉ"
            | "thiểu"
            | "đa"
    )
}

/// Words that, right after a bare number, make it a quantity.
pub(super) fn unit_after(k: &str) -> bool {
    matches!(
        k,
        "người"
            | "đồng"
            | "tỷ"
            | "tỉ"
            | "triệu"
            | "nghìn"
            | "ngàn"
            | "trăm"
            | "con"
            | "ca"
            | "hộ"
            | "nhân"
            | "km"
            | "m"
            | "ha"
            | "tấn"
            | "kg"
            | "lít"
            | "usd"
            | "đô"
            | "euro"
            | "năm"
            | "tháng"
            | "ngày"
            | "giờ"
            | "phút"
            | "giây"
            | "lần"
            | "chiếc"
            | "cái"
            | "xe"
            | "căn"
            | "học"
            | "sinh"
            | "thí"
            | "bệnh"
            | "doanh"
            | "trường"
            | "lượt"
            | "điểm"
            | "bài"
            | "trang"
            | "cuốn"
            | "phòng"
            | "suất"
            | "cây"
            | "công"
            | "cổ"
            | "mẫu"
            | "đơn"
            | "xã"
            | "gia"
            | "khách"
            | "lao"
            | "mét"
            | "số"
            | "phần"
            | "trận"
            | "dân"
            | "tổng"
            | "gb"
            | "mb"
            | "tỉnh"
            | "thành"
            | "huyện"
            | "câu"
            | "môn"
            | "bàn"
            | "ván"
            | "hiệp"
            | "vòng"
            | "cán"
            | "viên"
            | "đại"
            | "hồ"
            | "sản"
            | "cơ"
            | "đợt"
            | "vụ"
            | "hecta"
            | "héc"
            | "m2"
            | "mw"
            | "kw"
            | "kwh"
            | "vnđ"
            | "vnd"
            | "đ"
            | "gam"
            | "g"
            | "ml"
            | "cm"
            | "mm"
            | "bước"
            | "km2"
            | "thùng"
            | "bao"
            | "chai"
            | "hộp"
            | "liều"
            | "mũi"
            | "giường"
            | "tàu"
            | "máy"
            | "trẻ"
            | "em"
            | "nữ"
            | "nam"
            | "cặp"
            | "đôi"
            | "bộ"
            | "quyển"
            | "tập"
            | "tuổi"
            | "độ"
            | "thửa"
            | "ô"
            | "hạt"
            | "sợi"
            | "đội"
            | "nước"
            | "quốc"
    )
}

/// Context checks for a bare number date (no unit, part-of-day or weekday
/// word before it).
pub(super) fn bare_ok(tokens: &[Token<'_>], first: usize, last: usize) -> bool {
    if first > 0 {
        let pk = kw(tokens, first - 1);
        // "cao điểm 30/4 - 1/5" (the peak period), unlike "điểm 8/10"
        let peak = pk.as_str() == "điểm" && first >= 2 && kw(tokens, first - 2).as_str() == "cao";
        if bad_before_bare(pk.as_str()) && !peak {
            return false;
        }
        // "Quảng trường 30/4", "Công viên 29/3": a capitalised place noun.
        if tokens[first - 1].kind == TokenKind::Word
            && matches!(pk.as_str(), "viên" | "động" | "trường" | "đường" | "phố")
        {
            return false;
        }
        if matches!(tokens[first - 1].text, ":" | "#" | "№" | "+" | "x" | "×") {
            return false;
        }
    }
    if let Some(t) = tokens.get(last + 1) {
        if t.kind == TokenKind::Symbol && matches!(t.text, "%" | "$" | "€" | "₫") {
            return false;
        }
        if t.kind == TokenKind::Number && t.space_before {
            return false;
        }
        let nk = kw(tokens, last + 1);
        // "30/4 năm 2020", "1/5 năm nay": a date with its year
        let year_next = year_at(tokens, last + 2).is_some()
            || matches!(
                kw(tokens, last + 2).as_str(),
                "nay" | "ngoái" | "sau" | "trước" | "tới" | "đó"
            );
        if unit_after(nk.as_str()) && !(nk.as_str() == "năm" && year_next) {
            return false;
        }
    }
    true
}

/// A bare `D/M` is a date next to a date cue: a time word or punctuation
/// before it ("hôm 26/10", "dịp 30/4", "(14/11)"), or punctuation or a
/// time word after it ("vào 22/2, …", "21/4 vừa qua"). Without one it is
/// more often a fraction ("cho 4/5 khối tài sản").
pub(super) fn dm_cue(tokens: &[Token<'_>], j: usize) -> bool {
    // "30/4 và 1/5": the second of a pair is a date when the first is;
    // "hạng 1/4 và 2/4" are both fractions.
    if j >= 2 && kw(tokens, j - 1).as_str() == "và" && tokens[j - 2].kind == TokenKind::Number {
        let first = j - 2;
        let prev_ok = first == 0 || !bad_before_bare(kw(tokens, first - 1).as_str());
        return prev_ok && dm_cue_local(tokens, first);
    }
    dm_cue_local(tokens, j)
}

/// A dotted `D.M` (more often a decimal) is a date only right after a
/// holiday word ("lễ 30.4", "dịp 2.9") or as the next item of such a list
/// ("lễ 30.4, 1.5", "lễ 30.4 và 1.5").
pub(super) fn dot_dm_cue(tokens: &[Token<'_>], j: usize) -> bool {
    let holiday = |k: usize| matches!(kw(tokens, k).as_str(), "lễ" | "dịp" | "tết" | "hôm");
    if j >= 1 && holiday(j - 1) {
        return true;
    }
    j >= 3
        && (is_p(tokens, j - 1, ",")
            || kw(tokens, j - 1).as_str() == "và"
            || is_dash(tokens, j - 1))
        && num_at(tokens, j - 2).is_some_and(|n| n.n == 2 && n.sep[0] == b'.')
        && holiday(j - 3)
}

/// Time words that make a following bare `D/M` a date.
pub(super) fn time_word_before(k: &str) -> bool {
    matches!(
        k,
        "hôm" | "nay" | "qua" | "mai" | "lễ" | "dịp" | "tết" | "niệm" | "khánh" | "kia" | "hạn"
    )
}

pub(super) fn dm_cue_local(tokens: &[Token<'_>], j: usize) -> bool {
    let before = j == 0
        || tokens[j - 1].kind == TokenKind::Punct
        || matches!(
            kw(tokens, j - 1).as_str(),
            "hôm"
                | "nay"
                | "qua"
                | "mai"
                | "lễ"
                | "dịp"
                | "từ"
                | "đến"
                | "tới"
                | "vào"
                | "trước"
                | "sau"
                | "phiên"
                | "hết"
                | "cuối"
                | "đầu"
                | "giữa"
                | "và"
                | "tết"
                | "niệm"
                | "lúc"
                | "trong"
                | "đêm"
                | "sớm"
                | "muộn"
                | "kia"
                | "hạn"
                | "ngày"
        );
    let after = match tokens.get(j + 1) {
        None => true,
        Some(t) if t.kind == TokenKind::Punct => true,
        Some(t) if t.newline_before => true,
        Some(_) => matches!(
            kw(tokens, j + 1).as_str(),
            "vừa"
                | "tới"
                | "này"
                | "năm"
                | "đến"
                | "và"
                | "tại"
                | "sẽ"
                | "đã"
                | "hàng"
                | "âm"
                | "dương"
                | "là"
                | "ở"
                | "với"
                | "khi"
                | "trên"
                | "tuần"
                | "mới"
                | "qua"
                | "trước"
                | "sau"
                | "có"
                | "được"
                | "thì"
                | "nhưng"
                | "cho"
                | "của"
        ),
    };
    before || after
}
