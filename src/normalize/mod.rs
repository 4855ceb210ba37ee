//! Normalization: NFC, tone placement, cleanup and folding. PLACEHOLDER
//! implementation (NFC and folding only).

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

pub mod legacy;

/// Normalizes `text` to NFC.
pub fn normalize(text: &str) -> Cow<'_, str> {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// Removes diacritics (Đ→D, đ→d), keeping case.
pub fn fold(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let s: String = text
        .nfd()
        .filter(|&c| !crate::token::is_combining_mark(c))
        .map(|c| match c {
            'Đ' => 'D',
            'đ' => 'd',
            c => c,
        })
        .nfc()
        .collect();
    Cow::Owned(s)
}
