//! Folding: diacritics off, for search keys and loose matching.

use std::borrow::Cow;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

use crate::chars;

use super::tone::tables;

/// Removes diacritics: canonical decomposition, deletion of every
/// nonspacing mark (general category Mn), Đ → D and đ → d, recomposition.
/// Nothing else changes: ETH, other scripts, compatibility characters,
/// spaces (NBSP too), invisible characters, punctuation and case are kept.
///
/// ```
/// assert_eq!(vntext::fold("Nguyễn Đức Thắng"), "Nguyen Duc Thang");
/// assert_eq!(vntext::fold("Ðà ﬁ ₫"), "Ðà ﬁ ₫".replace('à', "a"));
/// ```
pub fn fold(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    if let Some(r) = fold_fast(text) {
        return r;
    }
    Cow::Owned(fold_general(text))
}

/// The ASCII letter [`fold`] turns `c` into when it is a
/// precomposed Vietnamese letter, 0 otherwise.
fn fold_byte(c: char) -> u8 {
    match chars::letter(c) {
        Some(l) if !c.is_ascii() => {
            let a = chars::split(l.base).0 as u8;
            if l.upper {
                a.to_ascii_uppercase()
            } else {
                a
            }
        }
        _ => 0,
    }
}

/// [`fold_byte`] of each character of the pass's byte-indexed table, by
/// its index there ([`tables::entry_at`]): folding looks a character up
/// once for both.
static FOLD: LazyLock<Box<[u8; tables::ENTRIES]>> = LazyLock::new(|| {
    let mut t = Box::new([0u8; tables::ENTRIES]);
    let mut buf = [0u8; 4];
    for c in ('\u{80}'..='\u{FFFF}').filter(|&c| fold_byte(c) != 0) {
        let (idx, _, _) = tables::entry_at(c.encode_utf8(&mut buf).as_bytes(), 0);
        t[idx] = fold_byte(c);
    }
    t
});

/// The folding algorithm itself (what [`fold_fast`] shortcuts).
fn fold_general(text: &str) -> String {
    text.nfd()
        .filter(|&c| !is_nonspacing_mark(c))
        .map(|c| match c {
            'Đ' => 'D',
            'đ' => 'd',
            c => c,
        })
        .nfc()
        .collect()
}

/// [`fold`] and lower-case: a search key. Marks that lower-casing
/// introduces (İ → i̇) are removed as well. Like [`fold`], it borrows when
/// there is nothing to change (lower-case ASCII).
///
/// ```
/// use std::borrow::Cow;
/// assert_eq!(vntext::normalize::fold_lower("HOÀ BÌNH Đ İ"), "hoa binh d i");
/// assert!(matches!(vntext::fold_lower("ha noi"), Cow::Borrowed("ha noi")));
/// ```
pub fn fold_lower(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return if text.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(text.to_ascii_lowercase())
        } else {
            Cow::Borrowed(text)
        };
    }
    let lower = text.to_lowercase();
    match fold(&lower) {
        Cow::Borrowed(_) => Cow::Owned(lower),
        Cow::Owned(s) => Cow::Owned(s),
    }
}

/// Fold of a text made of ASCII, Vietnamese letters and characters without
/// a canonical decomposition that are NFC-stable on their own (then the
/// result is each table letter's ASCII base). `None` when the text holds
/// anything else; the general algorithm handles it.
fn fold_fast(text: &str) -> Option<Cow<'_, str>> {
    let b = text.as_bytes();
    let fold_table: &[u8; tables::ENTRIES] = &FOLD;
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] < 0x80 {
            // Eight ASCII bytes at a time.
            while i + 8 <= b.len() {
                let mut w = [0u8; 8];
                w.copy_from_slice(&b[i..i + 8]);
                let m = u64::from_le_bytes(w) & 0x8080_8080_8080_8080;
                if m != 0 {
                    i += m.trailing_zeros() as usize / 8;
                    break;
                }
                i += 8;
            }
            if i < b.len() && b[i] < 0x80 {
                i += 1;
            }
            continue;
        }
        let (idx, k, len) = tables::entry_at(b, i);
        let ascii = fold_table[idx];
        if ascii != 0 {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
            o.push_str(&text[copied..i]);
            o.push(ascii as char);
            copied = i + len;
        } else if k & (tables::DECOMP | tables::NOT_NFC) != 0 {
            return None;
        }
        i += len;
    }
    Some(match out {
        None => Cow::Borrowed(text),
        Some(mut o) => {
            o.push_str(&text[copied..]);
            Cow::Owned(o)
        }
    })
}

/// Whether `c` has general category Mn (nonspacing mark): a combining mark
/// that is neither spacing (Mc) nor enclosing (Me).
pub(crate) fn is_nonspacing_mark(c: char) -> bool {
    if ('\u{0300}'..='\u{036F}').contains(&c) {
        return true;
    }
    unicode_normalization::char::is_combining_mark(c)
        && MC_ME
            .binary_search_by(|&(lo, hi)| {
                if hi < c as u32 {
                    std::cmp::Ordering::Less
                } else if lo > c as u32 {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_err()
}

/// Ranges of general category Mc and Me (Unicode 14, from Python's
/// `unicodedata`), generated by:
/// ```text
/// import unicodedata
/// cps = [cp for cp in range(0x110000) if unicodedata.category(chr(cp)) in ('Mc', 'Me')]
/// # then merged into inclusive (first, last) ranges
/// ```
const MC_ME: &[(u32, u32)] = &[
    (0x0488, 0x0489),
    (0x0903, 0x0903),
    (0x093B, 0x093B),
    (0x093E, 0x0940),
    (0x0949, 0x094C),
    (0x094E, 0x094F),
    (0x0982, 0x0983),
    (0x09BE, 0x09C0),
    (0x09C7, 0x09C8),
    (0x09CB, 0x09CC),
    (0x09D7, 0x09D7),
    (0x0A03, 0x0A03),
    (0x0A3E, 0x0A40),
    (0x0A83, 0x0A83),
    (0x0ABE, 0x0AC0),
    (0x0AC9, 0x0AC9),
    (0x0ACB, 0x0ACC),
    (0x0B02, 0x0B03),
    (0x0B3E, 0x0B3E),
    (0x0B40, 0x0B40),
    (0x0B47, 0x0B48),
    (0x0B4B, 0x0B4C),
    (0x0B57, 0x0B57),
    (0x0BBE, 0x0BBF),
    (0x0BC1, 0x0BC2),
    (0x0BC6, 0x0BC8),
    (0x0BCA, 0x0BCC),
    (0x0BD7, 0x0BD7),
    (0x0C01, 0x0C03),
    (0x0C41, 0x0C44),
    (0x0C82, 0x0C83),
    (0x0CBE, 0x0CBE),
    (0x0CC0, 0x0CC4),
    (0x0CC7, 0x0CC8),
    (0x0CCA, 0x0CCB),
    (0x0CD5, 0x0CD6),
    (0x0D02, 0x0D03),
    (0x0D3E, 0x0D40),
    (0x0D46, 0x0D48),
    (0x0D4A, 0x0D4C),
    (0x0D57, 0x0D57),
    (0x0D82, 0x0D83),
    (0x0DCF, 0x0DD1),
    (0x0DD8, 0x0DDF),
    (0x0DF2, 0x0DF3),
    (0x0F3E, 0x0F3F),
    (0x0F7F, 0x0F7F),
    (0x102B, 0x102C),
    (0x1031, 0x1031),
    (0x1038, 0x1038),
    (0x103B, 0x103C),
    (0x1056, 0x1057),
    (0x1062, 0x1064),
    (0x1067, 0x106D),
    (0x1083, 0x1084),
    (0x1087, 0x108C),
    (0x108F, 0x108F),
    (0x109A, 0x109C),
    (0x1715, 0x1715),
    (0x1734, 0x1734),
    (0x17B6, 0x17B6),
    (0x17BE, 0x17C5),
    (0x17C7, 0x17C8),
    (0x1923, 0x1926),
    (0x1929, 0x192B),
    (0x1930, 0x1931),
    (0x1933, 0x1938),
    (0x1A19, 0x1A1A),
    (0x1A55, 0x1A55),
    (0x1A57, 0x1A57),
    (0x1A61, 0x1A61),
    (0x1A63, 0x1A64),
    (0x1A6D, 0x1A72),
    (0x1ABE, 0x1ABE),
    (0x1B04, 0x1B04),
    (0x1B35, 0x1B35),
    (0x1B3B, 0x1B3B),
    (0x1B3D, 0x1B41),
    (0x1B43, 0x1B44),
    (0x1B82, 0x1B82),
    (0x1BA1, 0x1BA1),
    (0x1BA6, 0x1BA7),
    (0x1BAA, 0x1BAA),
    (0x1BE7, 0x1BE7),
    (0x1BEA, 0x1BEC),
    (0x1BEE, 0x1BEE),
    (0x1BF2, 0x1BF3),
    (0x1C24, 0x1C2B),
    (0x1C34, 0x1C35),
    (0x1CE1, 0x1CE1),
    (0x1CF7, 0x1CF7),
    (0x20DD, 0x20E0),
    (0x20E2, 0x20E4),
    (0x302E, 0x302F),
    (0xA670, 0xA672),
    (0xA823, 0xA824),
    (0xA827, 0xA827),
    (0xA880, 0xA881),
    (0xA8B4, 0xA8C3),
    (0xA952, 0xA953),
    (0xA983, 0xA983),
    (0xA9B4, 0xA9B5),
    (0xA9BA, 0xA9BB),
    (0xA9BE, 0xA9C0),
    (0xAA2F, 0xAA30),
    (0xAA33, 0xAA34),
    (0xAA4D, 0xAA4D),
    (0xAA7B, 0xAA7B),
    (0xAA7D, 0xAA7D),
    (0xAAEB, 0xAAEB),
    (0xAAEE, 0xAAEF),
    (0xAAF5, 0xAAF5),
    (0xABE3, 0xABE4),
    (0xABE6, 0xABE7),
    (0xABE9, 0xABEA),
    (0xABEC, 0xABEC),
    (0x11000, 0x11000),
    (0x11002, 0x11002),
    (0x11082, 0x11082),
    (0x110B0, 0x110B2),
    (0x110B7, 0x110B8),
    (0x1112C, 0x1112C),
    (0x11145, 0x11146),
    (0x11182, 0x11182),
    (0x111B3, 0x111B5),
    (0x111BF, 0x111C0),
    (0x111CE, 0x111CE),
    (0x1122C, 0x1122E),
    (0x11232, 0x11233),
    (0x11235, 0x11235),
    (0x112E0, 0x112E2),
    (0x11302, 0x11303),
    (0x1133E, 0x1133F),
    (0x11341, 0x11344),
    (0x11347, 0x11348),
    (0x1134B, 0x1134D),
    (0x11357, 0x11357),
    (0x11362, 0x11363),
    (0x11435, 0x11437),
    (0x11440, 0x11441),
    (0x11445, 0x11445),
    (0x114B0, 0x114B2),
    (0x114B9, 0x114B9),
    (0x114BB, 0x114BE),
    (0x114C1, 0x114C1),
    (0x115AF, 0x115B1),
    (0x115B8, 0x115BB),
    (0x115BE, 0x115BE),
    (0x11630, 0x11632),
    (0x1163B, 0x1163C),
    (0x1163E, 0x1163E),
    (0x116AC, 0x116AC),
    (0x116AE, 0x116AF),
    (0x116B6, 0x116B6),
    (0x11720, 0x11721),
    (0x11726, 0x11726),
    (0x1182C, 0x1182E),
    (0x11838, 0x11838),
    (0x11930, 0x11935),
    (0x11937, 0x11938),
    (0x1193D, 0x1193D),
    (0x11940, 0x11940),
    (0x11942, 0x11942),
    (0x119D1, 0x119D3),
    (0x119DC, 0x119DF),
    (0x119E4, 0x119E4),
    (0x11A39, 0x11A39),
    (0x11A57, 0x11A58),
    (0x11A97, 0x11A97),
    (0x11C2F, 0x11C2F),
    (0x11C3E, 0x11C3E),
    (0x11CA9, 0x11CA9),
    (0x11CB1, 0x11CB1),
    (0x11CB4, 0x11CB4),
    (0x11D8A, 0x11D8E),
    (0x11D93, 0x11D94),
    (0x11D96, 0x11D96),
    (0x11EF5, 0x11EF6),
    (0x16F51, 0x16F87),
    (0x16FF0, 0x16FF1),
    (0x1D165, 0x1D166),
    (0x1D16D, 0x1D172),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-scanning fold equals the general algorithm wherever it
    /// answers, on generated text.
    #[test]
    fn fold_fast_equals_general() {
        let pieces = [
            "a", "à", "Ấ", "ệ", "Ỹ", "đ", "Đ", "ơ", "Ư", "ñ", "ä", "Ð", "ð", " ", "\u{00A0}", "“",
            "–", "中", "😀", "x", "\u{0301}", "ǹ", "ﬁ", "₫", "\u{212B}", "İ", "ΐ", "\n",
        ];
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut answered = 0;
        for _ in 0..5000 {
            let mut text = String::new();
            for _ in 0..12 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                text.push_str(pieces[(x % pieces.len() as u64) as usize]);
            }
            if let Some(fast) = fold_fast(&text) {
                assert_eq!(fast, fold_general(&text), "{text:?}");
                answered += 1;
            }
        }
        assert!(answered > 100);
    }

    /// The same on the first 300 news documents.
    #[test]
    #[ignore = "needs VNTEXT_DATA (unc-news); run: VNTEXT_DATA=../shared/data cargo test -- --ignored"]
    fn fold_fast_equals_general_on_corpus() {
        let mut answered = 0;
        for (i, text) in crate::test_data::news_docs(300).iter().enumerate() {
            if let Some(fast) = fold_fast(text) {
                assert_eq!(fast, fold_general(text), "document {i}");
                answered += 1;
            }
        }
        assert!(answered > 0);
    }
}
