//! Normalization: NFC, tone placement, character cleanup and folding.
//!
//! The rules are those of `NORMALIZATION.md`:
//!
//! * [`normalize`] (and [`Normalizer`]) — cleanup (invisible characters,
//!   exotic spaces, look-alike letters inside Vietnamese words), Unicode NFC,
//!   then the tone mark of every run of letters that parses as one Vietnamese
//!   syllable is put where the chosen [`ToneStyle`] wants it. Misplaced marks
//!   (even on a consonant: `tiêń`) and repeated identical marks are repaired.
//!   Foreign words, ETH outside Vietnamese words, other scripts and all
//!   separators stay as they are. With [`ToneStyle::Keep`] and no cleanup the
//!   result is exactly NFC.
//! * [`fold`] — decompose, delete every nonspacing mark, Đ/đ → D/d, recompose.
//! * [`fold_lower`] — [`fold`] and lower-case: a search key.
//!
//! Every function returns `Cow::Borrowed` without allocating when the text is
//! already in the requested form, which is checked by a byte scan.
//!
//! Inside: the one-scan pass of NFC, tone placement and look-alike repair
//! (`tone/`: character tables, trigger scan, run cache, the pass), the
//! cleanup of invisible characters and exotic spaces (`clean.rs`), folding
//! (`fold.rs`, with the generated Mc/Me table `mc_me.rs`) and the legacy
//! 8-bit encodings ([`legacy`]). Normalization is a branch beside the
//! pipeline: tokenizing, segmenting and extracting never rewrite the text.
//!
//! The command-line contract maps onto this module as follows (one call per
//! input line):
//!
//! | CLI | call |
//! |---|---|
//! | `normalize [--tone T] [--no-cleanup]` | `Normalizer::builder().tone(T).cleanup(!no_cleanup).build().normalize(line)` |
//! | `normalize --fold` | [`fold`]`(line)` alone: folding keeps NBSP, invisible characters and ETH, so no cleanup runs before it |
//! | `normalize --fold --lower` | [`fold_lower`]`(line)` |
//! | `syllable` | [`Syllable::parse`](crate::Syllable::parse)`(token)` serialized with serde, and [`is_valid`](crate::syllable::is_valid) |
//!
//! ```
//! use vntext::normalize::{Normalizer, ToneStyle};
//! assert_eq!(vntext::normalize("Thuở  hòa bình"), "Thuở  hoà bình");
//! let trad = Normalizer::builder().tone(ToneStyle::Traditional).build();
//! assert_eq!(trad.normalize("Khoẻ, thuỷ, quý"), "Khỏe, thủy, quý");
//! assert_eq!(vntext::fold("Đặng Thị Hoà"), "Dang Thi Hoa");
//! assert_eq!(vntext::normalize::fold_lower("Đặng Thị Hoà"), "dang thi hoa");
//! ```

use std::borrow::Cow;

mod clean;
mod fold;
pub mod legacy;
mod mc_me;
mod tone;

pub use fold::{fold, fold_lower};

/// How a syllable is rendered is the syllable's business; re-exported here,
/// where callers configure a [`Normalizer`].
pub use crate::syllable::ToneStyle;

/// A configured normalizer. Cheap to copy, `Send + Sync`.
///
/// Text that is already normalized is only scanned. When a text changes,
/// what each rewritten syllable became is remembered in a cache of the
/// calling thread (a few MB at most, emptied when the options change),
/// so that texts normalized one line at a time share it.
///
/// ```
/// use vntext::normalize::{Normalizer, ToneStyle};
/// let n = Normalizer::builder().tone(ToneStyle::Keep).cleanup(false).build();
/// assert_eq!(n.normalize("ho\u{0300}a"), "hòa"); // NFC only
/// assert_eq!(Normalizer::new().normalize("Ðà\u{00A0}Nẵng"), "Đà Nẵng");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Normalizer {
    style: ToneStyle,
    eth: bool,
    homoglyphs: bool,
    invisible: bool,
    spaces: bool,
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer {
            style: ToneStyle::Modern,
            eth: true,
            homoglyphs: true,
            invisible: true,
            spaces: true,
        }
    }
}

/// Builder for a [`Normalizer`]; see [`Normalizer::builder`].
///
/// ```
/// use vntext::{Normalizer, ToneStyle};
/// let n = Normalizer::builder().tone(ToneStyle::Traditional).build();
/// assert_eq!(n.normalize("Khánh Hoà, sức khoẻ"), "Khánh Hòa, sức khỏe");
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct NormalizerBuilder {
    n: Normalizer,
}

impl NormalizerBuilder {
    /// Tone style (default [`ToneStyle::Modern`]).
    pub fn tone(mut self, style: ToneStyle) -> Self {
        self.n.style = style;
        self
    }

    /// Turns every part of the character cleanup on or off (default on):
    /// [`eth`](Self::eth), [`homoglyphs`](Self::homoglyphs),
    /// [`invisible`](Self::invisible), [`spaces`](Self::spaces).
    pub fn cleanup(mut self, on: bool) -> Self {
        self.n.eth = on;
        self.n.homoglyphs = on;
        self.n.invisible = on;
        self.n.spaces = on;
        self
    }

    /// ETH (Ð ð) → Đ đ inside a word that then reads as a Vietnamese syllable.
    pub fn eth(mut self, on: bool) -> Self {
        self.n.eth = on;
        self
    }

    /// Cyrillic/Greek look-alikes → Latin inside a word that mixes them with
    /// Latin letters and then reads as a Vietnamese syllable.
    pub fn homoglyphs(mut self, on: bool) -> Self {
        self.n.homoglyphs = on;
        self
    }

    /// Remove zero-width characters, soft hyphens, word joiners and BOMs
    /// (ZWJ/ZWNJ between two non-Latin symbols, as in emoji, are kept).
    pub fn invisible(mut self, on: bool) -> Self {
        self.n.invisible = on;
        self
    }

    /// Map no-break, en/em/thin/ideographic… spaces to U+0020.
    pub fn spaces(mut self, on: bool) -> Self {
        self.n.spaces = on;
        self
    }

    /// Builds the normalizer.
    pub fn build(self) -> Normalizer {
        self.n
    }
}

impl Normalizer {
    /// The default normalizer: modern tone style with all cleanup.
    pub fn new() -> Self {
        Self::default()
    }

    /// A builder starting from the defaults.
    pub fn builder() -> NormalizerBuilder {
        NormalizerBuilder::default()
    }

    /// The configured tone style.
    pub fn style(&self) -> ToneStyle {
        self.style
    }

    /// Normalizes `text`: cleanup, NFC, tone placement. Borrowed when the
    /// text is already normalized.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// let n = vntext::normalize::Normalizer::new();
    /// assert!(matches!(n.normalize("Tiếng Việt hoà bình"), Cow::Borrowed(_)));
    /// assert_eq!(n.normalize("Thừơng hoaì Viêṭ"), "Thường hoài Việt");
    /// ```
    pub fn normalize<'a>(&self, text: &'a str) -> Cow<'a, str> {
        match self.normalize_once(text) {
            Cow::Owned(s) if self.homoglyphs && has_greek_or_cyrillic(&s) => {
                // NFC can turn a compatibility character into a look-alike
                // letter (U+1FBE → ι) after the look-alike repair ran; one
                // more pass makes the result idempotent.
                match self.normalize_once(&s) {
                    Cow::Owned(t) => Cow::Owned(t),
                    Cow::Borrowed(_) => Cow::Owned(s),
                }
            }
            other => other,
        }
    }

    fn normalize_once<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if text.is_ascii() {
            return Cow::Borrowed(text);
        }
        let opt = tone::RunOptions {
            style: self.style,
            eth: self.eth,
            homoglyphs: self.homoglyphs,
            invisible: self.invisible,
            spaces: self.spaces,
            shortcuts: true,
        };
        match tone::process(text, opt) {
            tone::Pass::Unchanged => Cow::Borrowed(text),
            tone::Pass::Changed(s) => Cow::Owned(s),
            tone::Pass::NeedsClean => {
                let cleaned = clean::clean_chars(text, self.invisible, self.spaces);
                let opt = tone::RunOptions {
                    invisible: false,
                    spaces: false,
                    ..opt
                };
                match tone::process(&cleaned, opt) {
                    tone::Pass::Changed(s) => Cow::Owned(s),
                    _ => cleaned,
                }
            }
        }
    }
}

/// Whether `s` holds a character of the Greek or Cyrillic blocks
/// (U+0370–U+04FF: UTF-8 lead bytes 0xCD–0xD3).
fn has_greek_or_cyrillic(s: &str) -> bool {
    // Whole blocks without an early exit inside, so the test vectorizes.
    s.as_bytes().chunks(64).any(|block| {
        block
            .iter()
            .fold(0u8, |acc, &b| acc | u8::from(b.wrapping_sub(0xCD) < 7))
            != 0
    })
}

/// Normalizes `text` with the default [`Normalizer`]: cleanup, NFC and
/// modern tone placement.
///
/// ```
/// assert_eq!(vntext::normalize("Hòa bình, khỏe, thủy"), "Hoà bình, khoẻ, thuỷ");
/// ```
pub fn normalize(text: &str) -> Cow<'_, str> {
    Normalizer::default().normalize(text)
}
