//! The one way words are compared: the lookup key.
//!
//! A word's key is its letters in lower case with the tone mark taken off
//! the vowel and written once, as a trailing digit (`1` huyền, `2` sắc,
//! `3` hỏi, `4` ngã, `5` nặng: the order of [`Tone::ALL`]); a level tone
//! adds nothing. Letter modifiers stay on their letter, so the key keeps
//! every distinction the language makes ("Bộ" `bô5` ≠ "bố" `bô2` ≠ "bo")
//! and drops the ones spelling varies on:
//!
//! * case ("TỈNH", "Tỉnh", "tỉnh" → `tinh3`);
//! * tone placement ("Uỷ"/"Ủy" → `uy3`, "hoà"/"hòa" → `hoa1`);
//! * composed or decomposed input (NFC "ố" and NFD "o ◌̂ ◌́" → `ô2`);
//! * invisible characters inside the word (soft hyphen, zero-width space
//!   and joiners, word joiner, BOM: [`chars::is_invisible`]).
//!
//! Characters that are not Vietnamese letters are lowercased and kept as
//! they are (digits, `-`, `&`, foreign letters), so a key never merges two
//! different non-Vietnamese words.
//!
//! Words that are compared — a word of a data file with a word of a text —
//! go through [`push_key`] or [`Key::of`], so the two always meet.
//! Legacy-encoding detection compares its frequent syllables this way, the
//! token-level lexicons of `lex` (read by the extractor and the VLSP
//! convention) key their phrases and the text's tokens with it, and the
//! segmenter hashes these keys for its lexicon and features.

use std::fmt;

use crate::chars::{self, Modifier, Tone};

/// How a word was written, gathered while its key is built.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Case {
    /// The first letter is upper case (false when there is no letter).
    pub first_upper: bool,
    /// Some letter is lower case.
    pub any_lower: bool,
    /// Number of letters.
    pub letters: u32,
    /// Number of upper-case letters.
    pub upper: u32,
}

impl Case {
    fn letter(&mut self, upper: bool) {
        if self.letters == 0 {
            self.first_upper = upper;
        }
        self.letters += 1;
        self.upper += upper as u32;
        self.any_lower |= !upper;
    }

    /// Every letter is upper case (and there is at least one).
    #[cfg(test)]
    pub fn all_upper(&self) -> bool {
        self.letters > 0 && self.upper == self.letters
    }
}

/// The key digit of a tone (`None` for the level tone).
#[inline]
fn tone_digit(t: Tone) -> Option<char> {
    match t {
        Tone::Ngang => None,
        t => char::from_digit(t.index() as u32, 10),
    }
}

/// Appends the key of `word` to `out` and returns how it was written.
///
/// Linear in `word`, no allocation beyond `out`'s growth.
pub(crate) fn push_key(word: &str, out: &mut String) -> Case {
    let mut case = Case::default();
    if word.is_ascii() {
        out.reserve(word.len());
        for b in word.bytes() {
            if b.is_ascii_alphabetic() {
                case.letter(b.is_ascii_uppercase());
            }
            out.push(b.to_ascii_lowercase() as char);
        }
        return case;
    }
    let start = out.len();
    let mut tone = Tone::Ngang;
    // Byte offset in `out` of the last letter pushed, for a combining
    // modifier that follows it (decomposed input).
    let mut last_letter: Option<usize> = None;
    for c in word.chars() {
        if let Some(l) = chars::letter(c) {
            case.letter(l.upper);
            if l.tone != Tone::Ngang {
                tone = l.tone;
            }
            last_letter = Some(out.len());
            out.push(l.base);
            continue;
        }
        if let Some(t) = Tone::from_mark(c) {
            tone = t;
            continue;
        }
        if let Some(m) = Modifier::from_mark(c) {
            // "o" + U+0302 → "ô": the modifier joins the letter before it
            // when that makes a Vietnamese letter.
            if let Some(p) = last_letter.filter(|&p| p >= start) {
                let joined = out[p..]
                    .chars()
                    .next()
                    .map(chars::split)
                    .filter(|&(_, had)| had == Modifier::None)
                    .and_then(|(ascii, _)| chars::join(ascii, m));
                if let Some(j) = joined {
                    out.truncate(p);
                    out.push(j);
                    continue;
                }
            }
            out.push(c);
            last_letter = None;
            continue;
        }
        if chars::is_invisible(c) {
            continue;
        }
        if c.is_alphabetic() {
            case.letter(c.is_uppercase());
        }
        last_letter = None;
        out.extend(c.to_lowercase());
    }
    if let Some(d) = tone_digit(tone) {
        out.push(d);
    }
    case
}

/// The key of `word` as a new string (see [`push_key`]).
#[cfg(test)]
pub(crate) fn key(word: &str) -> String {
    let mut s = String::with_capacity(word.len() + 1);
    push_key(word, &mut s);
    s
}

/// A word's key kept on the stack, for comparisons that should not
/// allocate. Words whose key is longer than [`Key::CAPACITY`] bytes get the
/// empty key (no vocabulary word is that long), so they match nothing.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Key {
    buf: [u8; Key::CAPACITY],
    len: u8,
}

impl Key {
    /// Longest key kept, in bytes.
    pub const CAPACITY: usize = 32;

    /// The empty key.
    pub const EMPTY: Key = Key {
        buf: [0; Key::CAPACITY],
        len: 0,
    };

    /// The key of `word`.
    pub fn of(word: &str) -> Key {
        // A key is never longer than its word plus the tone digit, except
        // for the rare letters whose lower case is longer (İ); the check
        // below keeps the bound exact.
        if word.len() > 4 * Key::CAPACITY {
            return Key::EMPTY;
        }
        if word.is_ascii() && word.len() <= Key::CAPACITY {
            let mut k = Key::EMPTY;
            for (d, b) in k.buf.iter_mut().zip(word.bytes()) {
                *d = b.to_ascii_lowercase();
            }
            k.len = word.len() as u8;
            return k;
        }
        let mut s = String::with_capacity(word.len() + 1);
        push_key(word, &mut s);
        Key::from_key_str(&s)
    }

    /// A `Key` holding `s`, which is already a key (empty if too long).
    pub fn from_key_str(s: &str) -> Key {
        let b = s.as_bytes();
        if b.len() > Key::CAPACITY {
            return Key::EMPTY;
        }
        let mut k = Key::EMPTY;
        k.buf[..b.len()].copy_from_slice(b);
        k.len = b.len() as u8;
        k
    }

    /// The key as text.
    pub fn as_str(&self) -> &str {
        // Built only from whole `&str`s no longer than the buffer.
        std::str::from_utf8(&self.buf[..self.len as usize]).unwrap_or("")
    }

    /// Whether the key is empty.
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Key({:?})", self.as_str())
    }
}

impl PartialEq<str> for Key {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn keys_written_by_hand() {
        for (word, k) in [
            ("Bộ", "bô5"),
            ("bố", "bô2"),
            ("bo", "bo"),
            ("TỈNH", "tinh3"),
            ("Tỉnh", "tinh3"),
            ("Uỷ", "uy3"),
            ("Ủy", "uy3"),
            ("hoà", "hoa1"),
            ("hòa", "hoa1"),
            ("Đảng", "đang3"),
            ("ĐẢNG", "đang3"),
            ("Nguyễn", "nguyên4"),
            ("ngày", "ngay1"),
            ("quý", "quy2"),
            ("KL/TW", "kl/tw"),
            ("Covid-19", "covid-19"),
            ("GD&ĐT", "gd&đt"),
            ("", ""),
        ] {
            assert_eq!(key(word), k, "{word}");
            assert_eq!(Key::of(word).as_str(), k, "{word}");
        }
    }

    #[test]
    fn decomposed_and_composed_agree() {
        for w in [
            "Nguyễn",
            "Thường",
            "trực",
            "Uỷ",
            "nhân",
            "dân",
            "Hoà",
            "Quốc",
            "hội",
            "Ủy",
            "khoá",
            "QUYẾT",
            "ĐỊNH",
        ] {
            let nfd: String = w.nfd().collect();
            assert_ne!(nfd, w);
            assert_eq!(key(&nfd), key(w), "{w}");
        }
        // A tone mark written before the modifier, and a modifier on a
        // precomposed toned letter.
        assert_eq!(key("o\u{301}\u{302}"), "ô2");
        assert_eq!(key("ó\u{302}"), "ô2");
        // A modifier that makes no Vietnamese letter is kept.
        assert_eq!(key("i\u{31b}"), "i\u{31b}");
    }

    #[test]
    fn invisible_characters_are_dropped() {
        assert_eq!(key("Tỉ\u{00AD}nh"), "tinh3");
        assert_eq!(key("Bộ\u{200B}"), "bô5");
        assert_eq!(key("\u{FEFF}ngày"), "ngay1");
    }

    #[test]
    fn other_letters_are_lowercased_as_they_are() {
        assert_eq!(key("Ñandú"), "ñandu2");
        assert_eq!(key("ПУТИН"), "путин");
        assert_ne!(key("Ñ"), key("N"));
    }

    #[test]
    fn case_is_reported() {
        let c = push_key("ĐẢNG", &mut String::new());
        assert!(c.first_upper && !c.any_lower && c.all_upper());
        assert_eq!((c.letters, c.upper), (4, 4));
        let c = push_key("iPhone", &mut String::new());
        assert!(!c.first_upper && c.any_lower && !c.all_upper());
        let c = push_key("19", &mut String::new());
        assert_eq!(c, Case::default());
    }

    #[test]
    fn long_words_get_the_empty_stack_key() {
        let w = "a".repeat(40);
        assert!(Key::of(&w).is_empty());
        assert_eq!(key(&w), w);
        let w = "ạ".repeat(100);
        assert!(Key::of(&w).is_empty());
    }
}
