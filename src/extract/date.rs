//! DATE recognizer.
//!
//! One left-to-right pass over the tokens. At each token that can open a date
//! (a part-of-day word, a weekday, a unit word `ngày/tháng/năm/quý`, or a
//! number) a small recursive-descent parser with a bounded lookahead (at most
//! a dozen tokens) tries the forms of `ENTITIES.md`:
//!
//! * `[POD] [weekday] [ngày] D/M[/Y]`, also with `-` and `.` separators;
//! * `ngày D tháng M [năm Y]`, `tháng M/Y`, `tháng M năm Y`, `năm Y`;
//! * `quý I/2023`, `quý 4 năm 2023`;
//! * ranges: `ngày 20-22/9`, `ngày 19 đến 22/8/2023`, `tháng 3 đến tháng
//!   5/2023` (one DATE with `end`), `2021-2025`, `30/4-1/5` (two DATEs);
//! * bare years and bare `D/M` when the context does not make them a
//!   quantity, a fraction, a place name or part of a document number.
//!
//! Decisions where `ENTITIES.md` and the dev-set conventions are silent:
//!
//! * A weekday is "directly attached" only when nothing but the
//!   part-of-day word separates it from the date, in the forms `thứ Hai
//!   (15/5)` and `thứ Hai 15/5`. Behind a comma ("Sáng thứ Ba, ngày 20/7")
//!   the weekday and its part of day are left out: only `ngày 20/7`.
//!   A weekday after the date ("20/4 (thứ 3)") is left out too.
//! * "ngày 26 và 27/4": the bare day cannot be a DATE on its own and
//!   borrows the month, as in the range form, so one DATE with `end`.
//! * Seasons and school years: `2017/18`, `2020-21` are one DATE (`iso`
//!   2017, `end` 2018; the second year borrows its century); two full years
//!   `2020/2021` are two DATEs, like `2020-2021`.
//! * "những năm 1960-1970" (round years after "những năm") is a decade
//!   range, not a DATE; "những năm 1999-2001" is a range of years.
//! * Dotted `D.M` ("30.4") is a date only after a holiday word
//!   ("lễ/dịp/tết/hôm") or as the next item of such a list; elsewhere it is
//!   a decimal.
//!
//! Words are compared on a lowercase NFC key built on the stack ([`Key`]), so
//! headline capitals and decomposed text match without allocation.

use super::{DateValue, Entity, EntityKind, Value, Ymd};
use crate::token::{Token, TokenKind};

/// Days in `month` of `year` (Gregorian).
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A lowercase, NFC-composed copy of a short word, kept on the stack.
#[derive(Clone, Copy, Default)]
pub(crate) struct Key {
    buf: [u8; 32],
    len: u8,
}

impl Key {
    const EMPTY: Key = Key {
        buf: [0; 32],
        len: 0,
    };

    /// The key's bytes.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len as usize]
    }

    /// The key as a string slice.
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len as usize]).unwrap_or("")
    }

    fn push(&mut self, c: char) -> bool {
        let n = c.len_utf8();
        if self.len as usize + n > self.buf.len() {
            return false;
        }
        c.encode_utf8(&mut self.buf[self.len as usize..]);
        self.len += n as u8;
        true
    }
}

/// Lowercase of the letters of the Vietnamese alphabet without a table
/// lookup; `None` for other characters.
#[inline]
fn fast_lower(c: char) -> Option<char> {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A => u + 0x20,
        0..=0x7F => u,
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0xDF..=0xFF => u,
        // Latin Extended-A pairs (Ă ă, Đ đ, Ĩ ĩ, Ũ ũ): even upper, odd lower.
        0x100..=0x137 => u | 1,
        0x1A0 | 0x1AF => u + 1,
        0x1A1 | 0x1B0 => u,
        // Latin Extended Additional (Ạ ạ … Ỹ ỹ): even upper, odd lower.
        0x1EA0..=0x1EF9 => u | 1,
        _ => return None,
    };
    char::from_u32(l)
}

/// Builds the matching key of a word: lowercase, NFC, invisible characters
/// dropped. Words longer than the buffer get an empty key (no keyword is that
/// long).
pub(crate) fn key_of(s: &str) -> Key {
    let mut k = Key::EMPTY;
    if s.len() > 32 {
        return k;
    }
    // Precomposed Vietnamese letters are U+00C0–U+01B0 (lead bytes C3–C6)
    // and U+1EA0–U+1EF9 (E1 BA/BB); anything else non-ASCII may be a
    // combining mark or an invisible character and takes the slow path.
    let b = s.as_bytes();
    let decomposed = b.iter().enumerate().any(|(i, &c)| {
        c >= 0x80
            && !matches!(c, 0x80..=0xBF | 0xC3..=0xC6)
            && !(c == 0xE1 && matches!(b.get(i + 1), Some(0xBA | 0xBB)))
    });
    if decomposed {
        use unicode_normalization::UnicodeNormalization;
        for c in s.chars().filter(|&c| !crate::token::is_invisible(c)).nfc() {
            for l in c.to_lowercase() {
                if !k.push(l) {
                    return Key::EMPTY;
                }
            }
        }
    } else {
        for c in s.chars() {
            if let Some(l) = fast_lower(c) {
                if !k.push(l) {
                    return Key::EMPTY;
                }
            } else {
                for l in c.to_lowercase() {
                    if !k.push(l) {
                        return Key::EMPTY;
                    }
                }
            }
        }
    }
    k
}

/// The key of token `i` when it is a word; empty otherwise (or out of range).
pub(crate) fn kw(tokens: &[Token<'_>], i: usize) -> Key {
    match tokens.get(i) {
        Some(t) if t.kind == TokenKind::Word => key_of(t.text),
        _ => Key::EMPTY,
    }
}

/// Whether token `i` is the punctuation `p`.
pub(crate) fn is_p(tokens: &[Token<'_>], i: usize, p: &str) -> bool {
    tokens
        .get(i)
        .is_some_and(|t| t.kind == TokenKind::Punct && t.text == p)
}

/// Whether token `i` is a dash (`-`, `–`, `—`).
pub(crate) fn is_dash(tokens: &[Token<'_>], i: usize) -> bool {
    tokens
        .get(i)
        .is_some_and(|t| t.kind == TokenKind::Punct && matches!(t.text, "-" | "–" | "—"))
}

/// One run of digits inside a number token.
#[derive(Clone, Copy, Default, Debug)]
struct Piece {
    val: u32,
    digits: u8,
    /// Byte offsets relative to the token start.
    start: usize,
    end: usize,
}

/// A number token split into at most six digit runs and their separators.
#[derive(Clone, Copy, Default, Debug)]
struct Num {
    p: [Piece; 6],
    sep: [u8; 5],
    n: usize,
}

impl Num {
    fn parse(s: &str) -> Option<Num> {
        let b = s.as_bytes();
        let mut out = Num::default();
        let mut i = 0;
        loop {
            let st = i;
            let mut v: u32 = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                if i - st >= 4 {
                    return None;
                }
                v = v * 10 + (b[i] - b'0') as u32;
                i += 1;
            }
            if i == st || out.n >= 6 {
                return None;
            }
            out.p[out.n] = Piece {
                val: v,
                digits: (i - st) as u8,
                start: st,
                end: i,
            };
            out.n += 1;
            if i >= b.len() {
                return Some(out);
            }
            if out.n > 5 {
                return None;
            }
            out.sep[out.n - 1] = b[i];
            i += 1;
        }
    }

    /// Separators as a slice.
    fn seps(&self) -> &[u8] {
        &self.sep[..self.n.saturating_sub(1)]
    }
}

fn num_at(tokens: &[Token<'_>], i: usize) -> Option<Num> {
    match tokens.get(i) {
        Some(t) if t.kind == TokenKind::Number => Num::parse(t.text),
        _ => None,
    }
}

/// A single-piece number token's value.
fn int_at(tokens: &[Token<'_>], i: usize) -> Option<(u32, u8)> {
    let n = num_at(tokens, i)?;
    (n.n == 1).then_some((n.p[0].val, n.p[0].digits))
}

fn is_year(p: &Piece) -> bool {
    p.digits == 4 && (1000..=2199).contains(&p.val)
}

fn valid_dm(d: u32, m: u32, y: Option<u32>) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y.unwrap_or(2000) as i32, m as u8) as u32
}

/// A parsed calendar point.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Cal {
    y: Option<u32>,
    m: Option<u32>,
    d: Option<u32>,
}

impl Cal {
    fn iso(&self) -> String {
        match (self.y, self.m, self.d) {
            (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (Some(y), None, _) => format!("{y:04}"),
            (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
            (None, Some(m), None) => format!("--{m:02}"),
            _ => String::new(),
        }
    }
}

/// One DATE found by the core parser: byte span and value parts.
#[derive(Clone, Debug, Default)]
struct Found {
    start: usize,
    end: usize,
    cal: Cal,
    end_cal: Option<Cal>,
    quarter: Option<u8>,
}

/// What the core parser returns: the DATEs it built and the token index
/// after the last consumed token.
#[derive(Debug, Default)]
struct Core {
    dates: Vec<Found>,
    next: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Unit {
    Ngay,
    Thang,
    Nam,
    Quy,
}

fn unit_of(k: &str) -> Option<Unit> {
    match k {
        "ngày" => Some(Unit::Ngay),
        "tháng" => Some(Unit::Thang),
        "năm" => Some(Unit::Nam),
        "quý" | "quí" => Some(Unit::Quy),
        _ => None,
    }
}

fn pod_at(tokens: &[Token<'_>], i: usize) -> Option<(&'static str, usize)> {
    let k = kw(tokens, i);
    let p = match k.as_str() {
        "sáng" => "sáng",
        "trưa" => "trưa",
        "chiều" => "chiều",
        "tối" => "tối",
        "đêm" => "đêm",
        "khuya" => "khuya",
        "rạng" => {
            return (kw(tokens, i + 1).as_str() == "sáng"
                && !tokens.get(i + 1).is_some_and(|t| t.newline_before))
            .then_some(("rạng sáng", i + 2));
        }
        _ => return None,
    };
    Some((p, i + 1))
}

fn weekday_at(tokens: &[Token<'_>], i: usize) -> Option<(&'static str, usize)> {
    let k = kw(tokens, i);
    // "lần thứ 2 (17/3)", "vòng thứ hai": ordinals, not weekdays
    if i > 0
        && k.as_str() == "thứ"
        && matches!(
            kw(tokens, i - 1).as_str(),
            "lần"
                | "kỳ"
                | "vòng"
                | "khóa"
                | "khoá"
                | "phiên"
                | "lượt"
                | "đợt"
                | "hạng"
                | "lớp"
                | "người"
                | "ngày"
                | "tuần"
                | "tháng"
                | "năm"
                | "đứng"
                | "xếp"
                | "con"
                | "cháu"
                | "chiếc"
                | "bậc"
                | "cấp"
                | "hội"
                | "đại"
        )
    {
        return None;
    }
    match k.as_str() {
        "thứ" => {
            let w = match kw(tokens, i + 1).as_str() {
                "hai" => "thứ hai",
                "ba" => "thứ ba",
                "tư" => "thứ tư",
                "năm" => "thứ năm",
                "sáu" => "thứ sáu",
                "bảy" | "bẩy" => "thứ bảy",
                _ => match int_at(tokens, i + 1) {
                    Some((2, 1)) => "thứ hai",
                    Some((3, 1)) => "thứ ba",
                    Some((4, 1)) => "thứ tư",
                    Some((5, 1)) => "thứ năm",
                    Some((6, 1)) => "thứ sáu",
                    Some((7, 1)) => "thứ bảy",
                    _ => return None,
                },
            };
            Some((w, i + 2))
        }
        "chủ" if kw(tokens, i + 1).as_str() == "nhật" => Some(("chủ nhật", i + 2)),
        _ => None,
    }
}

/// Range connector at `i`: a dash, "đến" or "tới". Returns the index after it.
fn range_conn(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    if is_dash(tokens, i) {
        return Some(i + 1);
    }
    match kw(tokens, i).as_str() {
        "đến" | "tới" => Some(i + 1),
        _ => None,
    }
}

fn tok_start(tokens: &[Token<'_>], i: usize) -> usize {
    tokens[i].span.start
}

fn tok_end(tokens: &[Token<'_>], i: usize) -> usize {
    tokens[i].span.end
}

/// Whether the number token at `i` is glued to a document symbol
/// (`02/1998/CT-TTg`, `18-NQ/TW`): followed without space by `/` or `-` and
/// a letter code, or preceded by one.
fn docref_glued(tokens: &[Token<'_>], i: usize) -> bool {
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
fn place_noun(k: &str) -> bool {
    matches!(
        k,
        "đường" | "phố" | "trường" | "cầu" | "chợ" | "kết" | "quả"
    )
}

/// Words that, right before a bare number, make it a quantity, a fraction, a
/// score or an address rather than a date.
fn bad_before_bare(k: &str) -> bool {
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
fn unit_after(k: &str) -> bool {
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
fn bare_ok(tokens: &[Token<'_>], first: usize, last: usize) -> bool {
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
fn dm_cue(tokens: &[Token<'_>], j: usize) -> bool {
    // "30/4 và 1/5": the second of a pair is a date when the first is;
    // "hạng 1/4 và 2/4" are both fractions.
    if j >= 2 && kw(tokens, j - 1).as_str() == "và" && tokens[j - 2].kind == TokenKind::Number {
        let first = j - 2;
        let prev_ok = first == 0 || !bad_before_bare(kw(tokens, first - 1).as_str());
        return prev_ok && dm_cue_local(tokens, first);
    }
    dm_cue_local(tokens, j)
}

/// `D - D2/M[/Y]` at the bare day `j` (the dash at `j + 1`): one DATE with
/// `end`, the first day borrowing the month.
fn bare_day_range(tokens: &[Token<'_>], j: usize, start: usize) -> Option<Core> {
    let (d, digits) = int_at(tokens, j)?;
    if digits > 2 || !(1..=31).contains(&d) {
        return None;
    }
    let k = j + 2;
    let n2 = num_at(tokens, k)?;
    if n2.n < 2 || n2.sep[0] != b'/' || docref_glued(tokens, k) {
        return None;
    }
    let c = numeric_dm(tokens, k, 0, true)?;
    if c.dates.len() != 1 || c.dates[0].end_cal.is_some() {
        return None;
    }
    let end_cal = c.dates[0].cal;
    let (m, y) = (end_cal.m?, end_cal.y);
    if !valid_dm(d, m, y) || d >= end_cal.d? {
        return None;
    }
    Some(Core {
        dates: vec![Found {
            start,
            end: tok_end(tokens, k),
            cal: Cal {
                y,
                m: Some(m),
                d: Some(d),
            },
            end_cal: Some(end_cal),
            quarter: None,
        }],
        next: c.next,
    })
}

/// A dotted `D.M` (more often a decimal) is a date only right after a
/// holiday word ("lễ 30.4", "dịp 2.9") or as the next item of such a list
/// ("lễ 30.4, 1.5", "lễ 30.4 và 1.5").
fn dot_dm_cue(tokens: &[Token<'_>], j: usize) -> bool {
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
fn time_word_before(k: &str) -> bool {
    matches!(
        k,
        "hôm" | "nay" | "qua" | "mai" | "lễ" | "dịp" | "tết" | "niệm" | "khánh" | "kia" | "hạn"
    )
}

fn dm_cue_local(tokens: &[Token<'_>], j: usize) -> bool {
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

/// `D/M[/Y]`, `D-M[-Y]`, `D.M.Y`, the ranges `D1-D2/M[/Y]` and the pairs
/// `D1/M1-D2/M2[...]` inside one number token `i`. `strong` says a unit or
/// part-of-day word precedes (allows `D-M` without a year).
fn numeric_dm(tokens: &[Token<'_>], i: usize, start: usize, strong: bool) -> Option<Core> {
    let n = num_at(tokens, i)?;
    let seps = n.seps();
    let base = tok_start(tokens, i);
    let p = &n.p;
    let single = |cal: Cal, end: usize| Core {
        dates: vec![Found {
            start,
            end,
            cal,
            ..Default::default()
        }],
        next: i + 1,
    };
    match (n.n, seps) {
        (2, [s]) if *s == b'/' || (matches!(s, b'-' | b'.') && strong) => {
            let (d, m) = (p[0].val, p[1].val);
            (p[0].digits <= 2 && p[1].digits <= 2 && valid_dm(d, m, None)).then(|| {
                single(
                    Cal {
                        y: None,
                        m: Some(m),
                        d: Some(d),
                    },
                    tok_end(tokens, i),
                )
            })
        }
        (3, [a, b]) if a == b && matches!(a, b'/' | b'-' | b'.') => {
            let (d, m) = (p[0].val, p[1].val);
            (p[0].digits <= 2
                && p[1].digits <= 2
                && is_year(&p[2])
                && valid_dm(d, m, Some(p[2].val)))
            .then(|| {
                single(
                    Cal {
                        y: Some(p[2].val),
                        m: Some(m),
                        d: Some(d),
                    },
                    tok_end(tokens, i),
                )
            })
        }
        // 20-22/9, 20-22/9/2023
        (3, [b'-', b'/']) | (4, [b'-', b'/', b'/']) => {
            let (d1, d2, m) = (p[0].val, p[1].val, p[2].val);
            let y = (n.n == 4).then(|| p[3].val);
            if n.n == 4 && !is_year(&p[3]) {
                return None;
            }
            if p[0].digits > 2 || p[1].digits > 2 || p[2].digits > 2 {
                return None;
            }
            (valid_dm(d1, m, y) && valid_dm(d2, m, y) && d1 < d2).then(|| Core {
                dates: vec![day_range(start, tok_end(tokens, i), y, m, d1, d2)],
                next: i + 1,
            })
        }
        // 30/4-1/5 ; 19/5/1890-19/5/2023
        (4, [b'/', b'-', b'/']) | (6, [b'/', b'/', b'-', b'/', b'/']) => {
            let k = n.n / 2;
            let mut dates = Vec::new();
            for h in 0..2 {
                let q = &p[h * k..h * k + k];
                let y = (k == 3).then(|| q[2].val);
                if (k == 3 && !is_year(&q[2])) || q[0].digits > 2 || q[1].digits > 2 {
                    return None;
                }
                if !valid_dm(q[0].val, q[1].val, y) {
                    return None;
                }
                dates.push(Found {
                    start: if h == 0 { start } else { base + q[0].start },
                    end: base + q[k - 1].end,
                    cal: Cal {
                        y,
                        m: Some(q[1].val),
                        d: Some(q[0].val),
                    },
                    ..Default::default()
                });
            }
            Some(Core { dates, next: i + 1 })
        }
        _ => None,
    }
}

/// Years `Y1-Y2` inside one number token, or a single year.
/// One DATE for a day range inside one month: "20-22/9" → `--09-20` to `--09-22`.
fn day_range(start: usize, end: usize, y: Option<u32>, m: u32, d1: u32, d2: u32) -> Found {
    Found {
        start,
        end,
        cal: Cal {
            y,
            m: Some(m),
            d: Some(d1),
        },
        end_cal: Some(Cal {
            y,
            m: Some(m),
            d: Some(d2),
        }),
        quarter: None,
    }
}

fn numeric_years(tokens: &[Token<'_>], i: usize, start: usize) -> Option<Core> {
    let n = num_at(tokens, i)?;
    let base = tok_start(tokens, i);
    // Two full years in one token ("2020-2025", "2020/2021"): two DATEs.
    let two_years = || Core {
        dates: vec![
            Found {
                start,
                end: base + n.p[0].end,
                cal: Cal {
                    y: Some(n.p[0].val),
                    ..Default::default()
                },
                ..Default::default()
            },
            Found {
                start: base + n.p[1].start,
                end: tok_end(tokens, i),
                cal: Cal {
                    y: Some(n.p[1].val),
                    ..Default::default()
                },
                ..Default::default()
            },
        ],
        next: i + 1,
    };
    match (n.n, n.seps()) {
        (1, _) if is_year(&n.p[0]) => Some(Core {
            dates: vec![Found {
                start,
                end: tok_end(tokens, i),
                cal: Cal {
                    y: Some(n.p[0].val),
                    ..Default::default()
                },
                ..Default::default()
            }],
            next: i + 1,
        }),
        // Seasons and school years "2017/18", "2020-21": the second year
        // borrows its century from the first, so one DATE with `end`.
        (2, [b'/' | b'-'])
            if is_year(&n.p[0])
                && n.p[1].digits == 2
                && n.p[1].val == (n.p[0].val + 1) % 100
                && (1900..=2100).contains(&n.p[0].val) =>
        {
            Some(Core {
                dates: vec![Found {
                    start,
                    end: tok_end(tokens, i),
                    cal: Cal {
                        y: Some(n.p[0].val),
                        ..Default::default()
                    },
                    end_cal: Some(Cal {
                        y: Some(n.p[0].val + 1),
                        ..Default::default()
                    }),
                    ..Default::default()
                }],
                next: i + 1,
            })
        }
        // "năm học 2020/2021": two consecutive full years.
        (2, [b'/'])
            if is_year(&n.p[0])
                && is_year(&n.p[1])
                && n.p[1].val == n.p[0].val + 1
                && (1900..=2100).contains(&n.p[0].val) =>
        {
            Some(two_years())
        }
        (2, [b'-'])
            if is_year(&n.p[0])
                && is_year(&n.p[1])
                && n.p[0].val < n.p[1].val
                && n.p[1].val - n.p[0].val <= 500 =>
        {
            Some(two_years())
        }
        _ => None,
    }
}

/// After a year DATE ending at token `next`, a spaced `- Y2` adds a second
/// year DATE ("năm 2021 - 2025").
fn spaced_year_tail(tokens: &[Token<'_>], core: &mut Core) {
    let j = core.next;
    if core.dates.len() == 1 && is_dash(tokens, j) {
        if let (Some(first), Some((y2, 4))) = (core.dates[0].cal.y, int_at(tokens, j + 1)) {
            if core.dates[0].cal.m.is_none()
                && y2 > first
                && y2 - first <= 100
                && y2 <= 2199
                && !unit_after(kw(tokens, j + 2).as_str())
            {
                core.dates.push(Found {
                    start: tok_start(tokens, j + 1),
                    end: tok_end(tokens, j + 1),
                    cal: Cal {
                        y: Some(y2),
                        ..Default::default()
                    },
                    ..Default::default()
                });
                core.next = j + 2;
            }
        }
    }
}

/// Year after "năm" at `i` (a single 4-digit number).
fn year_at(tokens: &[Token<'_>], i: usize) -> Option<u32> {
    match int_at(tokens, i) {
        Some((y, 4)) if (1000..=2199).contains(&y) => Some(y),
        _ => None,
    }
}

/// `năm Y` at `i` (i is the "năm" word): returns (year, index after).
fn nam_year(tokens: &[Token<'_>], i: usize) -> Option<(u32, usize)> {
    if kw(tokens, i).as_str() == "năm" {
        year_at(tokens, i + 1).map(|y| (y, i + 2))
    } else {
        None
    }
}

/// `D tháng M [năm Y]` starting at the day number `i`.
fn word_dm(tokens: &[Token<'_>], i: usize) -> Option<(u32, Cal, usize)> {
    let (d, dd) = int_at(tokens, i)?;
    if dd > 2 || kw(tokens, i + 1).as_str() != "tháng" {
        return None;
    }
    let (m, md) = int_at(tokens, i + 2)?;
    if md > 2 {
        return None;
    }
    let (y, next) = match nam_year(tokens, i + 3) {
        Some((y, n)) => (Some(y), n),
        None => (None, i + 3),
    };
    valid_dm(d, m, y).then_some((
        d,
        Cal {
            y,
            m: Some(m),
            d: Some(d),
        },
        next,
    ))
}

/// The core parser: `j` is the first token after the optional prefixes
/// (`unit` is the unit word at `j - 1` if any). `start` is the byte where the
/// DATE begins. `strong` is true when some prefix word was consumed.
fn core(
    tokens: &[Token<'_>],
    j: usize,
    unit: Option<Unit>,
    start: usize,
    strong: bool,
) -> Option<Core> {
    let t = tokens.get(j)?;
    match unit {
        Some(Unit::Quy) => {
            // quý I/2023, quý 1/2023, quý IV năm 2023
            let (q, after) = if let Some(n) = num_at(tokens, j) {
                if n.n == 2
                    && n.sep[0] == b'/'
                    && (1..=4).contains(&n.p[0].val)
                    && n.p[0].digits == 1
                    && is_year(&n.p[1])
                {
                    return Some(Core {
                        dates: vec![Found {
                            start,
                            end: t.span.end,
                            cal: Cal {
                                y: Some(n.p[1].val),
                                ..Default::default()
                            },
                            quarter: Some(n.p[0].val as u8),
                            ..Default::default()
                        }],
                        next: j + 1,
                    });
                }
                if n.n != 1 || !(1..=4).contains(&n.p[0].val) || n.p[0].digits != 1 {
                    return None;
                }
                (n.p[0].val as u8, j + 1)
            } else if t.kind == TokenKind::Word {
                let q = match t.text {
                    "I" => 1,
                    "II" => 2,
                    "III" => 3,
                    "IV" => 4,
                    _ => return None,
                };
                (q, j + 1)
            } else {
                return None;
            };
            let (y, next) = if is_p(tokens, after, "/") && !tokens[after].space_before {
                (year_at(tokens, after + 1)?, after + 2)
            } else {
                nam_year(tokens, after)?
            };
            Some(Core {
                dates: vec![Found {
                    start,
                    end: tok_end(tokens, next - 1),
                    cal: Cal {
                        y: Some(y),
                        ..Default::default()
                    },
                    quarter: Some(q),
                    ..Default::default()
                }],
                next,
            })
        }
        Some(Unit::Nam) => {
            let mut c = numeric_years(tokens, j, start)?;
            spaced_year_tail(tokens, &mut c);
            Some(c)
        }
        Some(Unit::Thang) => {
            let n = num_at(tokens, j)?;
            let p = &n.p;
            match (n.n, n.seps()) {
                (2, [b'/' | b'-' | b'.']) => {
                    let (m, y) = (p[0].val, p[1].val);
                    ((1..=12).contains(&m) && p[0].digits <= 2 && is_year(&p[1])).then(|| Core {
                        dates: vec![Found {
                            start,
                            end: t.span.end,
                            cal: Cal {
                                y: Some(y),
                                m: Some(m),
                                d: None,
                            },
                            ..Default::default()
                        }],
                        next: j + 1,
                    })
                }
                (3, [b'-', b'/']) => {
                    let (m1, m2, y) = (p[0].val, p[1].val, p[2].val);
                    ((1..=12).contains(&m1) && (1..=12).contains(&m2) && m1 < m2 && is_year(&p[2]))
                        .then(|| Core {
                            dates: vec![Found {
                                start,
                                end: t.span.end,
                                cal: Cal {
                                    y: Some(y),
                                    m: Some(m1),
                                    d: None,
                                },
                                end_cal: Some(Cal {
                                    y: Some(y),
                                    m: Some(m2),
                                    d: None,
                                }),
                                quarter: None,
                            }],
                            next: j + 1,
                        })
                }
                (1, _) if (1..=12).contains(&p[0].val) && p[0].digits <= 2 => {
                    let m = p[0].val;
                    if let Some((y, next)) = nam_year(tokens, j + 1) {
                        return Some(Core {
                            dates: vec![Found {
                                start,
                                end: tok_end(tokens, next - 1),
                                cal: Cal {
                                    y: Some(y),
                                    m: Some(m),
                                    d: None,
                                },
                                ..Default::default()
                            }],
                            next,
                        });
                    }
                    // tháng 3 đến tháng 5/2023, tháng 3 - 5 năm 2023
                    let mut k = range_conn(tokens, j + 1)?;
                    if kw(tokens, k).as_str() == "tháng" {
                        k += 1;
                    }
                    let n2 = num_at(tokens, k)?;
                    let (m2, y, next) = if n2.n == 2 && n2.sep[0] == b'/' && is_year(&n2.p[1]) {
                        (n2.p[0].val, n2.p[1].val, k + 1)
                    } else if n2.n == 1 {
                        let (y, next) = nam_year(tokens, k + 1)?;
                        (n2.p[0].val, y, next)
                    } else {
                        return None;
                    };
                    ((1..=12).contains(&m2) && m < m2).then(|| Core {
                        dates: vec![Found {
                            start,
                            end: tok_end(tokens, next - 1),
                            cal: Cal {
                                y: Some(y),
                                m: Some(m),
                                d: None,
                            },
                            end_cal: Some(Cal {
                                y: Some(y),
                                m: Some(m2),
                                d: None,
                            }),
                            quarter: None,
                        }],
                        next,
                    })
                }
                _ => None,
            }
        }
        Some(Unit::Ngay) | None => {
            let n = num_at(tokens, j)?;
            if docref_glued(tokens, j) {
                return None;
            }
            if unit.is_none() && !strong {
                // Bare numbers: full dates, day-month and years.
                if n.n == 1 {
                    if let Some(mut c) = bare_year(tokens, j, start) {
                        spaced_year_tail(tokens, &mut c);
                        return Some(c);
                    }
                    // "(từ 26 - 28/4)": a bare day range after "từ" or a bracket
                    if j > 0
                        && (kw(tokens, j - 1).as_str() == "từ" || is_p(tokens, j - 1, "("))
                        && is_dash(tokens, j + 1)
                    {
                        if let Some(c) = bare_day_range(tokens, j, start) {
                            return Some(c);
                        }
                    }
                    // 18 tháng 5 năm 2021 without "ngày"
                    let (_, cal, next) = word_dm(tokens, j)?;
                    cal.y?;
                    return Some(Core {
                        dates: vec![Found {
                            start,
                            end: tok_end(tokens, next - 1),
                            cal,
                            ..Default::default()
                        }],
                        next,
                    });
                }
                if n.n == 2 && n.sep[0] == b'-' {
                    // after "năm" the unit form already decided ("những năm 1960-1970")
                    if !bare_ok(tokens, j, j) || (j > 0 && kw(tokens, j - 1).as_str() == "năm") {
                        return None;
                    }
                    return numeric_years(tokens, j, start);
                }
                if n.n == 2 && n.sep[0] == b'.' && dot_dm_cue(tokens, j) {
                    // "dịp nghỉ lễ 30.4, 1.5"
                    return numeric_dm(tokens, j, start, true);
                }
                if n.n == 2 && n.sep[0] == b'/' && is_year(&n.p[0]) {
                    // "mùa giải 2017/18", "năm học 2020/2021"
                    if !bare_ok(tokens, j, j) {
                        return None;
                    }
                    if let Some(c) = numeric_years(tokens, j, start) {
                        return Some(c);
                    }
                }
                if n.n == 2 && n.sep[0] == b'/' && !is_year(&n.p[1]) {
                    // After a time word ("hôm nay 30/4 ngày đầu…") only a
                    // percent or currency sign undoes the date.
                    let strong_cue = j > 0 && time_word_before(kw(tokens, j - 1).as_str());
                    let sign_after = tokens.get(j + 1).is_some_and(|t| {
                        t.kind == TokenKind::Symbol && matches!(t.text, "%" | "$" | "€" | "₫")
                    });
                    if tokens[j].text == "24/7"
                        || sign_after
                        || (!strong_cue && (!bare_ok(tokens, j, j) || !dm_cue(tokens, j)))
                    {
                        return None;
                    }
                }
                if n.n == 2 && n.sep[0] == b'/' && is_year(&n.p[1]) {
                    return month_year_bare(tokens, j, start);
                }
            }
            if n.n == 1 {
                let d = n.p[0].val;
                if n.p[0].digits > 2 || !(1..=31).contains(&d) {
                    return None;
                }
                // ngày 18 tháng 5 năm 2021
                if let Some((_, cal, next)) = word_dm(tokens, j) {
                    if cal.y.is_some() || unit.is_some() {
                        return Some(Core {
                            dates: vec![Found {
                                start,
                                end: tok_end(tokens, next - 1),
                                cal,
                                ..Default::default()
                            }],
                            next,
                        });
                    }
                    return None;
                }
                // ngày 19 đến 22/8/2023, ngày 24 - 27/4/2021, ngày 20 - 22 tháng 3 năm 2024;
                // a bare day joined by "và" borrows the month the same way:
                // "ngày 26 và 27/4" is one DATE with `end`.
                let mut k = range_conn(tokens, j + 1).or_else(|| {
                    (kw(tokens, j + 1).as_str() == "và" && !tokens[j + 1].newline_before)
                        .then_some(j + 2)
                })?;
                if kw(tokens, k).as_str() == "ngày" {
                    k += 1;
                }
                let n2 = num_at(tokens, k)?;
                let (end_cal, next) = if n2.n == 1 {
                    let (_, cal, next) = word_dm(tokens, k)?;
                    (cal, next)
                } else {
                    let c = numeric_dm(tokens, k, 0, true)?;
                    if c.dates.len() != 1 || c.dates[0].end_cal.is_some() {
                        return None;
                    }
                    if docref_glued(tokens, k) {
                        return None;
                    }
                    (c.dates[0].cal, c.next)
                };
                let (m, y) = (end_cal.m?, end_cal.y);
                if !valid_dm(d, m, y) || d >= end_cal.d? {
                    return None;
                }
                return Some(Core {
                    dates: vec![Found {
                        start,
                        end: tok_end(tokens, next - 1),
                        cal: Cal {
                            y,
                            m: Some(m),
                            d: Some(d),
                        },
                        end_cal: Some(end_cal),
                        quarter: None,
                    }],
                    next,
                });
            }
            if n.n == 2 && n.sep[0] == b'-' {
                // ngày 20-22 tháng 3 năm 2024
                let (d1, d2) = (n.p[0].val, n.p[1].val);
                if kw(tokens, j + 1).as_str() == "tháng" && n.p[0].digits <= 2 && n.p[1].digits <= 2
                {
                    let (m, md) = int_at(tokens, j + 2)?;
                    if md > 2 {
                        return None;
                    }
                    let (y, next) = match nam_year(tokens, j + 3) {
                        Some((y, nx)) => (Some(y), nx),
                        None => (None, j + 3),
                    };
                    if valid_dm(d1, m, y) && valid_dm(d2, m, y) && d1 < d2 {
                        return Some(Core {
                            dates: vec![day_range(start, tok_end(tokens, next - 1), y, m, d1, d2)],
                            next,
                        });
                    }
                    return None;
                }
            }
            numeric_dm(tokens, j, start, strong)
        }
    }
}

/// Bare `M/YYYY` is a month only after a preposition that introduces a time.
fn month_year_bare(tokens: &[Token<'_>], j: usize, start: usize) -> Option<Core> {
    let n = num_at(tokens, j)?;
    if j == 0 || n.p[0].digits > 2 || !(1..=12).contains(&n.p[0].val) {
        return None;
    }
    let ok = matches!(
        kw(tokens, j - 1).as_str(),
        "từ" | "đến"
            | "tới"
            | "vào"
            | "trước"
            | "sau"
            | "cuối"
            | "đầu"
            | "giữa"
            | "hết"
            | "trong"
            | "dịp"
    );
    ok.then(|| Core {
        dates: vec![Found {
            start,
            end: tokens[j].span.end,
            cal: Cal {
                y: Some(n.p[1].val),
                m: Some(n.p[0].val),
                d: None,
            },
            ..Default::default()
        }],
        next: j + 1,
    })
}

/// A bare 4-digit number that denotes a year.
fn bare_year(tokens: &[Token<'_>], j: usize, start: usize) -> Option<Core> {
    let (y, digits) = int_at(tokens, j)?;
    if digits != 4 {
        return None;
    }
    let paren = j > 0 && is_p(tokens, j - 1, "(") && is_p(tokens, j + 1, ")");
    let in_range = is_dash(tokens, j + 1) && year_at(tokens, j + 2).is_some_and(|y2| y2 > y);
    // "năm 1864 và 1867", "1788, 1789": an older year right after another one
    let list_tail = j >= 2
        && (kw(tokens, j - 1).as_str() == "và" || is_p(tokens, j - 1, ","))
        && int_at(tokens, j - 2).is_some_and(|(y0, d0)| d0 == 4 && (1000..=2100).contains(&y0));
    let plausible = (1900..=2100).contains(&y)
        || ((1000..=2100).contains(&y) && (paren || in_range || list_tail));
    if !plausible {
        return None;
    }
    if !paren {
        if j > 0 {
            let pk = kw(tokens, j - 1);
            // "những năm 1990" (a decade, rejected by the "năm" form), "thập kỷ 1990"
            let bad = if in_range {
                // "là 2026 - 2030": only a clear quantity word blocks a range
                matches!(
                    pk.as_str(),
                    "khoảng" | "hơn" | "gần" | "trên" | "dưới" | "chừng" | "số" | "từ"
                ) && kw(tokens, j + 3).as_str() != ""
                    && unit_after(kw(tokens, j + 3).as_str())
            } else {
                bad_before_bare(pk.as_str()) && !place_noun(pk.as_str())
            };
            if bad
                || (pk.as_str() == "những" && !in_range)
                || pk.as_str() == "năm"
                || (matches!(pk.as_str(), "kỷ" | "kỉ" | "niên")
                    && kw(tokens, j.wrapping_sub(2)).as_str() == "thập")
            {
                return None;
            }
            let prev = &tokens[j - 1];
            if matches!(
                prev.text,
                ":" | "#" | "+" | "x" | "×" | "/" | "." | "$" | "€"
            ) {
                return None;
            }
            if prev.kind == TokenKind::Number {
                return None;
            }
            // "những năm 1920 - 1930": the head was refused (a decade, a
            // quantity), so the tail of its range is refused too.
            if is_dash(tokens, j - 1)
                && j >= 2
                && int_at(tokens, j - 2).is_some_and(|(_, d)| d == 4)
            {
                return None;
            }
            // "1.000", glued letters: not a plain year
            if !tokens[j].space_before && matches!(prev.kind, TokenKind::Word | TokenKind::Alnum) {
                return None;
            }
        }
        if let Some(t) = tokens.get(j + 1) {
            if t.kind == TokenKind::Symbol && matches!(t.text, "%" | "$" | "€" | "₫") {
                return None;
            }
            if t.kind == TokenKind::Number || t.kind == TokenKind::Alnum {
                return None;
            }
            // "2021/xyz", "2021-abc", "2021.5": not a plain year
            if !t.space_before
                && tokens.get(j + 2).is_some_and(|u| {
                    !u.space_before
                        && match t.text {
                            "/" | "-" => u.kind != TokenKind::Punct,
                            "." | "," => u.kind == TokenKind::Number,
                            _ => false,
                        }
                })
            {
                return None;
            }
            if unit_after(kw(tokens, j + 1).as_str())
                && !(kw(tokens, j + 1).as_str() == "lần" && kw(tokens, j + 2).as_str() == "lượt")
            {
                return None;
            }
        }
    }
    Some(Core {
        dates: vec![Found {
            start,
            end: tokens[j].span.end,
            cal: Cal {
                y: Some(y),
                ..Default::default()
            },
            ..Default::default()
        }],
        next: j + 1,
    })
}

/// Words that can open a DATE (part of day, weekday, unit).
const STARTERS: &[&[u8]] = &[
    "sáng".as_bytes(),
    "trưa".as_bytes(),
    "chiều".as_bytes(),
    "tối".as_bytes(),
    "đêm".as_bytes(),
    "khuya".as_bytes(),
    "rạng".as_bytes(),
    "thứ".as_bytes(),
    "chủ".as_bytes(),
    "ngày".as_bytes(),
    "tháng".as_bytes(),
    "năm".as_bytes(),
    "quý".as_bytes(),
    "quí".as_bytes(),
];

/// Tries a DATE starting at token `i`. Returns the DATEs with their
/// part-of-day and weekday, and the index after the last consumed token.
/// What [`parse_at`] returns: the DATEs, part of day, weekday, next index.
type Parsed = (
    Vec<Found>,
    Option<&'static str>,
    Option<&'static str>,
    usize,
);

fn parse_at(tokens: &[Token<'_>], i: usize) -> Option<Parsed> {
    let t = &tokens[i];
    match t.kind {
        TokenKind::Number => {}
        TokenKind::Word => {
            let b = t.text.as_bytes()[0];
            if !(matches!(
                b | 0x20,
                b's' | b't' | b'c' | b'k' | b'r' | b'n' | b'q' | b'd'
            ) || b == 0xC4)
            {
                return None;
            }
        }
        _ => return None,
    }
    if t.kind == TokenKind::Word {
        // One key per candidate word; most words stop here.
        if t.text.len() > 16 || t.text.len() < 3 {
            return None;
        }
        // Second letter (ASCII) of the starters, also in decomposed text.
        let b1 = t.text.as_bytes()[1];
        if b1.is_ascii_alphabetic()
            && !matches!(
                (t.text.as_bytes()[0] | 0x20, b1 | 0x20),
                (b't', b'r' | b'h' | b'o')
                    | (b'c' | b'k', b'h')
                    | (b'n', b'g' | b'a')
                    | (b'q', b'u')
                    | (b's' | b'r', b'a')
            )
        {
            return None;
        }
        let k = key_of(t.text);
        if !STARTERS.contains(&k.as_bytes()) {
            return None;
        }
    }
    let start = t.span.start;
    let mut j = i;
    let pod = pod_at(tokens, j).map(|(p, nj)| {
        j = nj;
        p
    });
    let weekday = weekday_at(tokens, j).map(|(w, nj)| {
        j = nj;
        w
    });
    let mut bracket = false;
    if weekday.is_some() && is_p(tokens, j, "(") {
        bracket = true;
        j += 1;
    }
    let mut unit = None;
    if !bracket {
        if let Some(u) = unit_of(kw(tokens, j).as_str()) {
            if j > i && u != Unit::Ngay {
                // "Sáng năm 2023" is not a form; only "sáng ngày".
                return None;
            }
            unit = Some(u);
            j += 1;
            // "ngày mùng 2/9", "ngày mồng 1 tháng 5"
            if u == Unit::Ngay && matches!(kw(tokens, j).as_str(), "mùng" | "mồng") {
                j += 1;
            }
        }
    }
    if j == i && t.kind != TokenKind::Number {
        return None;
    }
    if unit == Some(Unit::Nam) && i > 0 {
        // "những năm 1970": a decade.
        if kw(tokens, i - 1).as_str() == "những" {
            // also "những năm 1960-1970" (a decade range)
            if let Some(n) = num_at(tokens, j) {
                if is_year(&n.p[0]) && n.p[0].val % 10 == 0 && matches!(n.seps(), [] | [b'-']) {
                    return None;
                }
            }
        }
    }
    let strong = j > i;
    let mut c = core(tokens, j, unit, start, strong)?;
    // "30/4 năm 2020", "ngày 20-22/9 năm 2023": a year written after.
    if c.dates.len() == 1 && c.dates[0].cal.y.is_none() && c.dates[0].cal.d.is_some() {
        if let Some((y, next)) = nam_year(tokens, c.next) {
            let f = &mut c.dates[0];
            let ok = |cal: &Cal| valid_dm(cal.d.unwrap_or(1), cal.m.unwrap_or(0), Some(y));
            if ok(&f.cal) && f.end_cal.as_ref().is_none_or(ok) {
                f.cal.y = Some(y);
                if let Some(e) = f.end_cal.as_mut() {
                    e.y = Some(y);
                }
                f.end = tokens[next - 1].span.end;
                c.next = next;
            }
        }
    }
    if (pod.is_some() || weekday.is_some()) && c.dates[0].cal.d.is_none() {
        return None;
    }
    if bracket {
        if !is_p(tokens, c.next, ")") {
            return None;
        }
        c.dates[0].end = tokens[c.next].span.end;
        c.next += 1;
    }
    Some((c.dates, pod, weekday, c.next))
}

/// A date directly attached to a document number, starting with "ngày",
/// "tháng" or "năm" at token `j`: its ISO value and the index after it.
pub(crate) fn attached(tokens: &[Token<'_>], j: usize) -> Option<(String, usize)> {
    if !matches!(kw(tokens, j).as_str(), "ngày" | "tháng" | "năm") {
        return None;
    }
    let (dates, _, _, next) = parse_at(tokens, j)?;
    let f = dates.first()?;
    (dates.len() == 1).then(|| (f.cal.iso(), next))
}

/// The reference date given by a dateline ("Hà Nội, ngày 28 tháng 11 năm
/// 2013"): the first full date whose DATE starts with "ngày" right after a
/// place name and a comma.
fn dateline<'a>(tokens: &[Token<'a>], found: &[(usize, Found)]) -> Option<Ymd> {
    for (ti, f) in found {
        let ti = *ti;
        if ti < 2 || kw(tokens, ti).as_str() != "ngày" || !is_p(tokens, ti - 1, ",") {
            continue;
        }
        let place = &tokens[ti - 2];
        if place.kind != TokenKind::Word
            || !place.text.chars().next().is_some_and(|c| c.is_uppercase())
        {
            continue;
        }
        if let (Some(y), Some(m), Some(d)) = (f.cal.y, f.cal.m, f.cal.d) {
            return Some(Ymd {
                year: y as i32,
                month: m as u8,
                day: d as u8,
            });
        }
    }
    None
}

fn resolve(cal: Cal, r: Ymd) -> Option<String> {
    if cal.y.is_some() {
        return None;
    }
    let m = cal.m? as u8;
    match cal.d {
        Some(d) => {
            let d = d as u8;
            let ord = |y: i32| (y as i64) * 372 + (m as i64) * 31 + d as i64;
            let rv = (r.year as i64) * 372 + (r.month as i64) * 31 + r.day as i64;
            let best = [r.year - 1, r.year, r.year + 1]
                .into_iter()
                .filter(|&y| d <= days_in_month(y, m))
                .min_by_key(|&y| (ord(y) - rv).abs())?;
            Some(format!("{best:04}-{m:02}-{d:02}"))
        }
        None => Some(format!("{:04}-{m:02}", r.year)),
    }
}

/// Finds the DATE entities of `text`.
pub(crate) fn find<'a>(
    text: &'a str,
    tokens: &[Token<'a>],
    reference: Option<Ymd>,
) -> Vec<Entity<'a>> {
    let mut found: Vec<(usize, Found, Option<&'static str>, Option<&'static str>)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match parse_at(tokens, i) {
            Some((dates, pod, weekday, next)) => {
                for (k, f) in dates.into_iter().enumerate() {
                    let (p, w) = if k == 0 { (pod, weekday) } else { (None, None) };
                    found.push((i, f, p, w));
                }
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    let reference = reference.or_else(|| {
        let v: Vec<(usize, Found)> = found
            .iter()
            .take(64)
            .map(|(i, f, _, _)| (*i, f.clone()))
            .collect();
        dateline(tokens, &v)
    });
    found
        .into_iter()
        .filter(|(_, f, _, _)| f.start < f.end && f.end <= text.len())
        .map(|(_, f, pod, weekday)| {
            let resolved = reference.and_then(|r| resolve(f.cal, r));
            Entity {
                kind: EntityKind::Date,
                span: f.start..f.end,
                text: &text[f.start..f.end],
                value: Value::Date(DateValue {
                    iso: f.cal.iso(),
                    part_of_day: pod,
                    weekday,
                    quarter: f.quarter,
                    end: f.end_cal.map(|c| c.iso()),
                    resolved,
                }),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn dates(s: &str) -> Vec<(String, String)> {
        let toks: Vec<_> = tokenize(s).collect();
        find(s, &toks, None)
            .into_iter()
            .map(|e| match e.value {
                Value::Date(v) => (e.text.to_string(), v.iso),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn key_folds_case_and_nfd() {
        assert_eq!(key_of("NGÀY").as_str(), "ngày");
        assert_eq!(key_of("nga\u{300}y").as_str(), "ngày");
    }

    #[test]
    fn basic_forms() {
        assert_eq!(
            dates("Sáng 26/12 họp."),
            vec![("Sáng 26/12".into(), "--12-26".into())]
        );
        assert_eq!(dates("năm 2023"), vec![("năm 2023".into(), "2023".into())]);
    }
}
