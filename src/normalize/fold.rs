//! Folding: diacritics off, for search keys and loose matching.

use std::borrow::Cow;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

use crate::chars;

use super::mc_me::MC_ME;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The generated Mc/Me table is of the Unicode version of
    /// `unicode-normalization` (else run data/legacy/gen_mc_me.py with that
    /// version), its ranges are ordered and hold only combining marks.
    #[test]
    fn mark_table_matches_unicode_normalization() {
        assert_eq!(
            super::super::mc_me::UNICODE_VERSION,
            unicode_normalization::UNICODE_VERSION,
            "regenerate src/normalize/mc_me.rs: python3 data/legacy/gen_mc_me.py X.Y.Z"
        );
        for w in MC_ME.windows(2) {
            assert!(w[0].1 + 1 < w[1].0, "{w:x?}");
        }
        for &(lo, hi) in MC_ME {
            assert!(lo <= hi);
            for cp in lo..=hi {
                let c = char::from_u32(cp).unwrap();
                assert!(
                    unicode_normalization::char::is_combining_mark(c),
                    "U+{cp:04X}"
                );
                assert!(!is_nonspacing_mark(c), "U+{cp:04X}");
            }
        }
        // Checked by hand against the Unicode code charts: nonspacing marks
        // go, a spacing mark (Devanagari visarga) and an enclosing one
        // (combining enclosing circle) stay.
        for c in ['\u{0301}', '\u{0323}', '\u{031B}', '\u{20D0}', '\u{093C}'] {
            assert!(is_nonspacing_mark(c), "{c:?}");
        }
        for c in ['\u{0903}', '\u{20DD}', '\u{0488}', 'a', '\u{02B9}'] {
            assert!(!is_nonspacing_mark(c), "{c:?}");
        }
        assert_eq!(fold("e\u{0301}\u{20DD}\u{0903}"), "e\u{20DD}\u{0903}");
    }

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
