//! Encoding detection: decode a sample with every candidate and score how
//! Vietnamese each reading looks.
//!
//! A word counts as Vietnamese when [`crate::syllable::is_valid`] accepts
//! it, so the crate's one syllable model decides here as everywhere.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::{decode_lossy, is_toned_capital, Detection, Encoding};
use crate::key::Key;

/// Bytes of evidence scored per candidate.
const SAMPLE: usize = 64 * 1024;

/// Legacy candidates, in tie-break order (most common first).
const LEGACY: [Encoding; 4] = [
    Encoding::Tcvn3,
    Encoding::Vni,
    Encoding::Viscii,
    Encoding::Cp1258,
];

pub(super) fn detect(bytes: &[u8]) -> Detection {
    let Some(first) = bytes.iter().position(|&b| b >= 0x80) else {
        return Detection {
            encoding: Encoding::Utf8,
            confidence: 1.0,
        };
    };
    let sample = sample(bytes, first);
    let utf8_ok = std::str::from_utf8(bytes).is_ok();

    let u = score(&String::from_utf8_lossy(sample), Encoding::Utf8);
    let mut scores: Vec<(Encoding, Score)> = LEGACY
        .iter()
        .map(|&enc| (enc, score(&decode_lossy(sample, enc), enc)))
        .collect();
    if !utf8_ok {
        // Mostly UTF-8 with a few broken bytes still competes; each U+FFFD
        // counts against it.
        scores.push((Encoding::Utf8, u));
    }
    // Stable sort: ties keep the LEGACY order.
    scores.sort_by(|a, b| b.1.ratio().total_cmp(&a.1.ratio()));
    let (best_enc, best) = scores[0];
    let second = scores[1].1.ratio();

    if utf8_ok {
        // Valid UTF-8 is strong evidence by itself; a legacy reading has to
        // be clearly better to win.
        if !(best.ratio() > u.ratio() + 0.25 && best.ratio() > 0.5) {
            let non_ascii = u.non_ascii_chars as f32;
            let structural = 1.0 - 1.0 / (1.0 + non_ascii);
            return Detection {
                encoding: Encoding::Utf8,
                confidence: structural.max(u.ratio()).clamp(0.0, 1.0),
            };
        }
    }

    let r = best.ratio();
    let margin = (2.0 * (r - second)).clamp(0.0, 1.0);
    let evidence = best.units / (best.units + 1.0);
    Detection {
        encoding: best_enc,
        confidence: (r * margin * evidence).clamp(0.0, 1.0),
    }
}

/// Up to [`SAMPLE`] bytes starting a little before the first non-ASCII byte,
/// cut at ASCII bytes so no multi-byte unit is split.
fn sample(bytes: &[u8], first: usize) -> &[u8] {
    let floor = first.saturating_sub(64);
    let mut start = first;
    while start > floor && !bytes[start - 1].is_ascii_whitespace() {
        start -= 1;
    }
    let mut end = (start + SAMPLE).min(bytes.len());
    let cap = (end + 16).min(bytes.len());
    while end < cap && bytes[end] >= 0x80 {
        end += 1;
    }
    &bytes[start..end]
}

#[derive(Clone, Copy, Debug, Default)]
struct Score {
    /// Words with non-ASCII letters that are valid syllables (a word with a
    /// toned capital counts half in a TCVN3 reading, which VN3 cannot
    /// produce).
    valid: f32,
    /// Of those, words among the most frequent syllables.
    common: f32,
    /// Words with non-ASCII letters, plus stray symbols and bad characters.
    units: f32,
    /// Non-ASCII characters seen.
    non_ascii_chars: usize,
}

impl Score {
    /// Share of valid words, with a small bonus for frequent syllables
    /// (tie-breaker between readings that are both well-formed).
    fn ratio(&self) -> f32 {
        if self.units == 0.0 {
            0.0
        } else {
            (0.85 * self.valid + 0.15 * self.common) / self.units
        }
    }
}

/// Non-ASCII characters that are ordinary in Vietnamese text.
fn is_common_symbol(c: char) -> bool {
    matches!(
        c,
        '\u{A0}'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '–'
            | '—'
            | '…'
            | '•'
            | '«'
            | '»'
            | '°'
            | '×'
            | '€'
            | '©'
            | '®'
            | '™'
            | '₫'
            | '·'
            | '§'
    )
}

fn score(text: &str, enc: Encoding) -> Score {
    let mut s = Score::default();
    let mut word = String::new();
    let mut word_non_ascii = false;
    let flush = |word: &mut String, non_ascii: &mut bool, s: &mut Score| {
        if *non_ascii {
            s.units += 1.0;
            let valid = if enc == Encoding::Tcvn3 {
                (plausible_case(word) || heading_case(word)) && is_syllable_any_case(word)
            } else {
                is_syllable(word)
            };
            if valid {
                let toned_capital = enc == Encoding::Tcvn3 && word.chars().any(is_toned_capital);
                s.valid += if toned_capital { 0.5 } else { 1.0 };
                if COMMON.contains(&Key::of(word)) {
                    s.common += 1.0;
                }
            }
        }
        word.clear();
        *non_ascii = false;
    };
    let mut prev_letter = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_ascii() {
            s.non_ascii_chars += 1;
        }
        let letter = c.is_alphabetic() || crate::chars::is_combining_mark(c);
        if letter {
            if word.len() < 64 {
                word.push(c);
            }
            word_non_ascii |= !c.is_ascii();
            prev_letter = true;
            continue;
        }
        flush(&mut word, &mut word_non_ascii, &mut s);
        if c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) {
            s.units += 2.0;
        } else if !c.is_ascii() {
            // A common symbol is fine between words; touching a letter only
            // on the side punctuation goes (“Top”, 30°), never inside (h₫p).
            let next_letter = chars.peek().is_some_and(|n| n.is_alphabetic());
            let ok = is_common_symbol(c)
                && !(prev_letter && next_letter)
                && (!prev_letter
                    || matches!(
                        c,
                        '”' | '’' | '»' | '…' | '°' | '™' | '®' | '\u{A0}' | '–' | '—'
                    ))
                && (!next_letter || matches!(c, '“' | '‘' | '«' | '\u{A0}' | '–' | '—' | '•'));
            if !ok {
                s.units += 1.0;
            }
        }
        prev_letter = false;
    }
    flush(&mut word, &mut word_non_ascii, &mut s);
    s
}

/// Keys ([`crate::key`]) of frequent Vietnamese syllables with a diacritic
/// (written for this crate from general knowledge of the language; a
/// tie-breaker only). Compared by key, a word matches whatever its case
/// and tone placement (hoá, hóa, HOÁ).
static COMMON: LazyLock<FxHashSet<Key>> = LazyLock::new(|| {
    "của và các có được là trong người không những một với đã này năm tại để đến khi \
     về từ nhiều cũng như sẽ đó làm vào phải trên sau nhà nước việc công thể lại hơn đi \
     còn ông bà mới hiện nhất nhân hội thành phố tỉnh huyện xã động dân chính quốc đồng \
     tế việt nội hà đầu tư phát triển quản lý đại học trường điều kiện thực số tổ chức \
     đang cần đây cả ở cơ sở kỳ tháng ngày giờ sáng chiều tối đêm hôm qua nay tới \
     biết rằng nói nên vì bị do tiền giá thị hàng hóa hoá sản xuất khẩu nhập \
     bộ ủy ban đảng đoàn viên trưởng phó tướng chủ tịch thủ tổng giám đốc cục vụ \
     quân đội pháp luật tòa toà án xét xử điện thông tin báo cáo kết quả đánh \
     mức độ tăng giảm trăm nghìn triệu tỷ vốn dự đường giao vận tải bệnh \
     y sức khỏe khoẻ giáo dục đào tạo văn khu vực miền bắc trung \
     đông tây lớn nhỏ mạnh yếu cao thấp mở đóng họp kế hoạch nhiệm yêu \
     cầu đề nghị thảo luận thống phương giải tình hình hoạt doanh \
     lao sống trẻ phụ nữ gia đình lên xuống ra cùng theo nếu đều hay hoặc \
     mà thì vẫn đã rất quá lắm chỉ riêng chung toàn bộ mỗi mọi những \
     đất đai nông nghiệp lúa gạo cá tôm thép xăng dầu điện nước khí \
     tiếp tục trước tiên cuối đầu giữa bên ngoài trong dưới trên khoảng gần \
     xa lần thứ hai ba bốn năm sáu bảy tám chín mười mươi trăm ngàn \
     được bởi cho nhằm đối với về việc thực hiện tiến độ bảo đảm an toàn \
     hệ thống dịch bệnh nhiễm tế covid vắc xin phòng chống tiêm chủng \
     thị trường chứng khoán cổ phiếu lãi suất ngân lợi nhuận doanh thu \
     thương mại hợp tác ký kết thỏa thuận đối tác ổn định bền vững \
     người dân cộng đồng địa phương chính quyền cán bộ nhân viên \
     hỗ trợ giúp đỡ khó khăn thuận lợi cơ hội thách thức nguy cơ \
     đã từng sẽ đang vừa mới gần đây hiện nay trước đó sau đó lúc \
     ý kiến cho biết khẳng định nhấn mạnh đề xuất kiến nghị yêu cầu \
     tạo điều chỉnh sửa đổi bổ sung ban hành quy định nghị định thông tư \
     học sinh sinh viên giáo viên thầy cô trường lớp thi tuyển điểm \
     xe ô tô máy bay tàu cầu cảng sân ga trạm phí vé \
     giá trị tỷ lệ phần trăm chỉ số bình quân tối đa tối thiểu \
     lực lượng công an cảnh sát chiến sĩ bộ đội biên phòng \
     tỉnh thành phố quận huyện phường xã thôn ấp bản làng"
        .split_whitespace()
        .map(Key::of)
        .collect()
});

/// Whether `word` is in lower case, Title case or UPPER case.
fn plausible_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next();
    let rest_lower = chars.clone().all(|c| !c.is_uppercase());
    let rest_upper = chars.all(|c| !c.is_lowercase());
    rest_lower || rest_upper
}

/// Whether `word` is TCVN3 heading-font text: ASCII letters in capitals,
/// toned vowels in the lower-case codes VN3 has ("HòA").
fn heading_case(word: &str) -> bool {
    word.chars().all(|c| !c.is_ascii_lowercase())
}

/// Whether `word` is a well-formed Vietnamese syllable with its tone on a
/// vowel that may carry it (in either placement style), in lower, Title or
/// UPPER case.
pub(super) fn is_syllable(word: &str) -> bool {
    plausible_case(word) && is_syllable_any_case(word)
}

/// [`is_syllable`] without the case check: a valid syllable in standard
/// orthography ([`crate::syllable::is_valid`]).
fn is_syllable_any_case(word: &str) -> bool {
    crate::syllable::is_valid(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables() {
        for w in [
            "Việt", "người", "nước", "giữa", "gì", "gìn", "giếng", "quốc", "quyền", "nghiêng",
            "Đức", "ĐẠI", "hoàng", "khuỷu", "ở", "ấy", "chuyện", "hoà", "hòa", "thuỷ", "thủy",
            "quả", "mía", "của", "lửa", "hoài", "xoáy", "người", "tuổi", "Ươn", "oẳn", "VIỆT",
            "Việt", "việt", "Ở",
        ] {
            assert!(is_syllable(w), "{w}");
        }
        for w in [
            "Viêt",
            "Néi",
            "hoc",
            "aé",
            "Hµ",
            "ưo",
            "Ưon",
            "trườngg",
            "Vieät",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
    }
}
