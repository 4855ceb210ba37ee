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

// ---- PLACEHOLDER items (cli branch) ------------------------------------
// Minimal stand-ins for the normalize module's final API so the CLI
// compiles; the real module replaces this whole block.

/// Removes diacritics and lowercases. PLACEHOLDER.
pub fn fold_lower(text: &str) -> String {
    fold(text).to_lowercase()
}

/// Where the tone mark goes in syllables like "hoà"/"hòa". PLACEHOLDER.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ToneStyle {
    /// Modern placement ("hoà").
    #[default]
    Modern,
    /// Traditional placement ("hòa").
    Traditional,
    /// Leave the placement as written.
    Keep,
}

/// A configured normalizer. PLACEHOLDER: NFC only.
#[derive(Clone, Debug, Default)]
pub struct Normalizer {
    _tone: ToneStyle,
    _cleanup: bool,
}

/// Builder for [`Normalizer`]. PLACEHOLDER.
#[derive(Clone, Debug, Default)]
pub struct NormalizerBuilder {
    tone: ToneStyle,
    cleanup: bool,
}

impl Normalizer {
    /// A builder with the defaults. PLACEHOLDER.
    pub fn builder() -> NormalizerBuilder {
        NormalizerBuilder {
            tone: ToneStyle::Modern,
            cleanup: true,
        }
    }

    /// Normalizes `text`. PLACEHOLDER: NFC only.
    pub fn normalize<'a>(&self, text: &'a str) -> Cow<'a, str> {
        normalize(text)
    }
}

impl NormalizerBuilder {
    /// Sets the tone style. PLACEHOLDER.
    pub fn tone(mut self, tone: ToneStyle) -> Self {
        self.tone = tone;
        self
    }

    /// Turns the character cleanup on or off. PLACEHOLDER.
    pub fn cleanup(mut self, on: bool) -> Self {
        self.cleanup = on;
        self
    }

    /// Builds the normalizer. PLACEHOLDER.
    pub fn build(self) -> Normalizer {
        Normalizer {
            _tone: self.tone,
            _cleanup: self.cleanup,
        }
    }
}
