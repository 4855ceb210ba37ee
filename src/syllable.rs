//! Vietnamese syllable structure: parse, validate, render.
//!
//! A syllable is *onset* (initial consonant, possibly empty; `gi` and `qu`
//! count as onsets), *medial* (`o` or `u` glide, possibly empty), *nucleus*
//! (a vowel, one of the diphthongs `iê ia yê ya uô ua ươ ưa`, or the long
//! `oo` of loanwords such as xoong, boong, moóc), *coda*
//! (`c ch m n ng nh p t`, or the glides `i y o u`, possibly empty) and
//! *tone*. [`Syllable::parse`] accepts NFC or NFD input in any case;
//! [`Syllable::render`] writes it back in NFC with the tone mark placed per a
//! [`ToneStyle`], keeping the case of every letter.
//!
//! Two levels of acceptance exist:
//! * [`Syllable::parse`] / [`is_syllable`]: the letters split into a known
//!   onset and a rhyme of the standard inventory, and the text carries at most
//!   one distinct tone (possibly on the wrong letter, possibly repeated). This
//!   is what normalization rewrites.
//! * [`is_valid`] / [`Syllable::is_valid`]: additionally the spelling rules
//!   (`k gh ngh` only before `i y e ê`, …), stop codas only with sắc/nặng, and
//!   exactly zero or one tone mark on the letter either tone style uses — the
//!   "Syllable validity" rules of `NORMALIZATION.md`.
//!
//! The JSON form (feature `serde`) of a [`Syllable`] is
//! `{"onset","medial","nucleus","coda","tone","valid"}`, components as
//! lower-case strings (`""` when absent), tone as `ngang|huyen|sac|hoi|nga|nang`.
//!
//! ```
//! use vntext::syllable::{is_valid, Syllable};
//! use vntext::syllable::ToneStyle;
//! let s = Syllable::parse("Thuỷ").unwrap();
//! assert_eq!((s.onset, s.medial, s.nucleus, s.coda), ("th", "u", "y", ""));
//! assert_eq!(s.render(ToneStyle::Traditional), "Thủy");
//! assert!(is_valid("người") && is_valid("hòa") && is_valid("hoà"));
//! assert!(!is_valid("nguoi") && !is_valid("hoc") && !is_valid("tíên"));
//! ```

use std::sync::LazyLock;

use rustc_hash::FxHashMap;
use unicode_normalization::char::decompose_canonical;

use crate::chars::{self, Modifier, Tone};

/// Where the tone mark goes in `oa`, `oe`, `uy` (the only rhymes on which
/// the two conventions differ).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum ToneStyle {
    /// "Kiểu mới": open `oa oe uy` take the mark on the second vowel (hoà,
    /// khoẻ, thuỷ). The default.
    #[default]
    Modern,
    /// "Kiểu cũ": open `oa oe uy` not after `q` take it on the first (hòa,
    /// khỏe, thủy).
    Traditional,
    /// Leave tone marks where they are (no placement, no repair).
    Keep,
}

/// Longest syllable in letters (`nghiêng`).
const MAX_LETTERS: usize = 7;

/// One entry of the rhyme inventory.
#[derive(Clone, Copy, Debug)]
struct Rhyme {
    medial: &'static str,
    nucleus: &'static str,
    coda: &'static str,
    /// Index (in rhyme letters) of the tone-bearing vowel, modern style.
    modern: u8,
    /// Same, traditional style.
    trad: u8,
    /// Only after `qu` (`quỳnh`, `quýt`).
    qu_only: bool,
    /// Only after `gi` (`giếc`, `giếng`).
    gi_only: bool,
}

/// The rhyme inventory, `medial|nucleus|coda`; a trailing `!q` marks rhymes
/// written only after `qu`, `!g` only after `gi`.
const RHYMES: &str = "
|a| |a|c |a|ch |a|i |a|m |a|n |a|ng |a|nh |a|o |a|p |a|t |a|u |a|y
|ă|c |ă|m |ă|n |ă|ng |ă|p |ă|t
|â|c |â|m |â|n |â|ng |â|p |â|t |â|u |â|y
|e| |e|c |e|m |e|n |e|ng |e|o |e|p |e|t
|ê| |ê|ch |ê|m |ê|n |ê|nh |ê|p |ê|t |ê|u |ê|ng!g |ê|c!g
|i| |i|ch |i|m |i|n |i|nh |i|p |i|t |i|u
|ia|
|iê|c |iê|m |iê|n |iê|ng |iê|p |iê|t |iê|u
|yê|m |yê|n |yê|ng |yê|t |yê|u
|o| |o|c |o|i |o|m |o|n |o|ng |o|p |o|t
|oo|c |oo|ng
|ô| |ô|c |ô|i |ô|m |ô|n |ô|ng |ô|p |ô|t
|ơ| |ơ|i |ơ|m |ơ|n |ơ|p |ơ|t
|u| |u|c |u|i |u|m |u|n |u|ng |u|p |u|t
|ua|
|uô|c |uô|i |uô|m |uô|n |uô|ng |uô|t
|ư| |ư|c |ư|i |ư|m |ư|ng |ư|t |ư|u
|ưa|
|ươ|c |ươ|i |ươ|m |ươ|n |ươ|ng |ươ|p |ươ|t |ươ|u
|y| |y|ch!q |y|n!q |y|nh!q |y|p!q |y|t!q
o|a| o|a|c o|a|ch o|a|i o|a|m o|a|n o|a|ng o|a|nh o|a|p o|a|t o|a|y
o|ă|c o|ă|m o|ă|n o|ă|ng o|ă|t
o|e| o|e|n o|e|o o|e|t
u|â|n u|â|ng u|â|t u|â|y
u|ê| u|ê|ch u|ê|nh
u|ơ|
u|y| u|y|ch u|y|n u|y|nh u|y|p u|y|t u|y|u
u|ya|
u|yê|n u|yê|t
";

/// Packs up to 9 letter codes (6 bits each) into a key.
#[inline]
fn pack(letters: &[char]) -> u64 {
    let mut k = 0u64;
    for &c in letters {
        k = (k << 6) | chars::letter_code(c) as u64;
    }
    k
}

static RHYME_TABLE: LazyLock<FxHashMap<u64, Rhyme>> = LazyLock::new(|| {
    let mut m = FxHashMap::default();
    for item in RHYMES.split_whitespace() {
        let (body, flag) = match item.split_once('!') {
            Some((b, f)) => (b, f),
            None => (item, ""),
        };
        let mut parts = body.split('|');
        let medial = parts.next().unwrap_or("");
        let nucleus = parts.next().unwrap_or("");
        let coda = parts.next().unwrap_or("");
        let mlen = medial.chars().count() as u8;
        // Diphthongs and the long "oo" (xoong, moóc) take the mark on
        // their second letter.
        let modern = match nucleus {
            "iê" | "yê" | "uô" | "ươ" | "oo" => mlen + 1,
            _ => mlen,
        };
        let mn: String = format!("{medial}{nucleus}");
        let trad = if coda.is_empty() && matches!(mn.as_str(), "oa" | "oe" | "uy") {
            0
        } else {
            modern
        };
        let letters: Vec<char> = format!("{medial}{nucleus}{coda}").chars().collect();
        let prev = m.insert(
            pack(&letters),
            Rhyme {
                medial,
                nucleus,
                coda,
                modern,
                trad,
                qu_only: flag == "q",
                gi_only: flag == "g",
            },
        );
        debug_assert!(prev.is_none(), "duplicate rhyme {item}");
    }
    m
});

/// Splits off the onset: (onset, its length in letters). `None` when the
/// letters start with a consonant cluster that is no Vietnamese onset.
fn onset(l: &[char]) -> Option<(&'static str, usize)> {
    let a = l[0];
    let b = l.get(1).copied().unwrap_or(' ');
    let c = l.get(2).copied().unwrap_or(' ');
    Some(match (a, b) {
        ('n', 'g') if c == 'h' => ("ngh", 3),
        ('n', 'g') => ("ng", 2),
        ('n', 'h') => ("nh", 2),
        ('c', 'h') => ("ch", 2),
        ('t', 'r') => ("tr", 2),
        ('t', 'h') => ("th", 2),
        ('k', 'h') => ("kh", 2),
        ('p', 'h') => ("ph", 2),
        ('g', 'h') => ("gh", 2),
        // `gi` is an onset before a vowel (già, giữa); before a consonant or
        // at the end it is g + i (gìn, gì).
        ('g', 'i') if chars::is_vowel(c) => ("gi", 2),
        ('q', 'u') => ("qu", 2),
        _ => (
            match a {
                'b' => "b",
                'c' => "c",
                'd' => "d",
                'đ' => "đ",
                'g' => "g",
                'h' => "h",
                'k' => "k",
                'l' => "l",
                'm' => "m",
                'n' => "n",
                'r' => "r",
                's' => "s",
                't' => "t",
                'v' => "v",
                'x' => "x",
                _ if chars::is_vowel(a) => return Some(("", 0)),
                _ => return None,
            },
            1,
        ),
    })
}

/// A parsed Vietnamese syllable.
///
/// Components are lower-case, untoned strings (`""` when absent). The
/// original letters, their case and where the tone mark was written are kept
/// privately so that [`Syllable::render`] can reproduce the input's case
/// pattern and [`Syllable::is_valid`] can check mark placement.
///
/// ```
/// use vntext::Syllable;
/// let s = Syllable::parse("Nguyễn").unwrap();
/// assert_eq!((s.onset, s.medial, s.nucleus, s.coda), ("ng", "u", "yê", "n"));
/// assert!(s.is_valid());
/// assert!(Syllable::parse("xyz").is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Syllable {
    /// Initial consonant: `""`, `b`, `ch`, `gi`, `ngh`, `qu`, ….
    pub onset: &'static str,
    /// Medial glide: `""`, `o` or `u` (the `u` of `qu` belongs to the onset).
    pub medial: &'static str,
    /// Main vowel or diphthong: `a`, `ê`, `iê`, `ya`, `ươ`, ….
    pub nucleus: &'static str,
    /// Final consonant or glide: `""`, `c`, `ch`, `m`, `n`, `ng`, `nh`, `p`,
    /// `t`, `i`, `y`, `o`, `u`.
    pub coda: &'static str,
    /// The tone.
    pub tone: Tone,
    /// Whether the input is a valid syllable in standard orthography (see
    /// [`Syllable::is_valid`]).
    pub valid: bool,
    #[cfg_attr(feature = "serde", serde(skip))]
    letters: [char; MAX_LETTERS],
    #[cfg_attr(feature = "serde", serde(skip))]
    upper: [bool; MAX_LETTERS],
    #[cfg_attr(feature = "serde", serde(skip))]
    len: u8,
    #[cfg_attr(feature = "serde", serde(skip))]
    onset_len: u8,
    #[cfg_attr(feature = "serde", serde(skip))]
    modern: u8,
    #[cfg_attr(feature = "serde", serde(skip))]
    trad: u8,
    /// Letter index carrying the (first) tone mark in the input.
    #[cfg_attr(feature = "serde", serde(skip))]
    tone_at: u8,
    /// Number of tone marks written in the input.
    #[cfg_attr(feature = "serde", serde(skip))]
    marks: u8,
}

/// Letters and marks of a token before the grammar is applied.
struct Raw {
    letters: [char; MAX_LETTERS],
    upper: [bool; MAX_LETTERS],
    len: usize,
    tone: Tone,
    tone_at: usize,
    marks: u8,
    /// The last tone mark seen on the current letter (for mark ordering).
    cur_mark: Option<char>,
}

impl Raw {
    fn new() -> Raw {
        Raw {
            letters: ['\0'; MAX_LETTERS],
            upper: [false; MAX_LETTERS],
            len: 0,
            tone: Tone::Ngang,
            tone_at: 0,
            marks: 0,
            cur_mark: None,
        }
    }

    fn push(&mut self, base: char, upper: bool) -> bool {
        if self.len == MAX_LETTERS {
            return false;
        }
        self.letters[self.len] = base;
        self.upper[self.len] = upper;
        self.len += 1;
        self.cur_mark = None;
        true
    }

    fn tone(&mut self, t: Tone, mark: char) -> bool {
        if self.len == 0 {
            return false;
        }
        if self.marks > 0 && t != self.tone {
            return false;
        }
        if self.marks == 0 {
            self.tone = t;
            self.tone_at = self.len - 1;
        }
        self.marks = self.marks.saturating_add(1);
        self.cur_mark = Some(mark);
        true
    }

    fn modifier(&mut self, m: Modifier) -> bool {
        if self.len == 0 {
            return false;
        }
        // A modifier written after a tone mark on the same letter only
        // composes under NFC if canonical ordering puts it first: horn
        // (ccc 216) before any tone, breve/circumflex (230) only before the
        // dot below (220).
        if let Some(mark) = self.cur_mark {
            let ok = m == Modifier::Horn || mark == '\u{0323}';
            if !ok {
                return false;
            }
        }
        let last = &mut self.letters[self.len - 1];
        let (ascii, old) = chars::split(*last);
        if old != Modifier::None {
            return false;
        }
        match chars::join(ascii, m) {
            Some(c) => {
                *last = c;
                true
            }
            None => false,
        }
    }

    /// Feeds one character that is not a precomposed table letter.
    fn other(&mut self, c: char) -> bool {
        if let Some(t) = chars::Tone::from_mark(c) {
            return self.tone(t, c);
        }
        if let Some(m) = Modifier::from_mark(c) {
            return self.modifier(m);
        }
        false
    }

    fn feed(&mut self, c: char) -> bool {
        if let Some(l) = chars::letter(c) {
            if !self.push(l.base, l.upper) {
                return false;
            }
            if let Some(mark) = l.tone.mark() {
                return self.tone(l.tone, mark);
            }
            return true;
        }
        if c.is_ascii() {
            return false;
        }
        if self.other(c) {
            return true;
        }
        // A precomposed character outside the table (ń, ṭ, ǹ): decompose.
        let mut parts = ['\0'; 4];
        let mut n = 0;
        decompose_canonical(c, |d| {
            if n < 4 {
                parts[n] = d;
            }
            n += 1;
        });
        if !(2..=4).contains(&n) {
            return false;
        }
        let Some(l) = chars::letter(parts[0]) else {
            return false;
        };
        if !self.push(l.base, l.upper) {
            return false;
        }
        if let Some(mark) = l.tone.mark() {
            if !self.tone(l.tone, mark) {
                return false;
            }
        }
        parts[1..n].iter().all(|&d| self.other(d))
    }
}

impl Syllable {
    /// Parses one syllable, NFC or NFD, any case. Returns `None` unless the
    /// whole input is letters (with combining tone and modifier marks) that
    /// split into an onset and a rhyme of the standard inventory, with at most
    /// one distinct tone (a mark on the wrong letter or repeated is accepted;
    /// [`Syllable::is_valid`] tells whether it is standard).
    ///
    /// ```
    /// use vntext::syllable::Syllable;
    /// use vntext::chars::Tone;
    /// let s = Syllable::parse("NGƯỜI").unwrap();
    /// assert_eq!((s.onset, s.nucleus, s.coda, s.tone), ("ng", "ươ", "i", Tone::Huyen));
    /// assert!(Syllable::parse("người ta").is_none());
    /// assert!(Syllable::parse("Suárez").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<Syllable> {
        let mut s = Self::parse_unchecked(text)?;
        let olen = s.onset_len as usize;
        s.valid = s.check_valid(&s.letters[olen..s.len as usize]);
        Some(s)
    }

    /// Parses the syllable at the start of `text`, which ends at the end of
    /// `text`, at an ASCII non-letter or at a character for which `is_sep`
    /// holds. Returns the syllable (unchecked, like
    /// [`Syllable::parse_unchecked`]), its length in bytes, and whether any
    /// character other than ASCII and table letters was part of it.
    pub(crate) fn parse_prefix(
        text: &str,
        is_sep: impl Fn(char) -> bool,
    ) -> Option<(Syllable, usize, bool)> {
        let mut raw = Raw::new();
        let mut odd = false;
        let mut end = text.len();
        for (i, c) in text.char_indices() {
            if c.is_ascii() && !c.is_ascii_alphabetic() {
                end = i;
                break;
            }
            if i >= 64 {
                return None;
            }
            if raw.feed(c) {
                if !c.is_ascii() && chars::letter(c).is_none() {
                    odd = true;
                }
                continue;
            }
            if is_sep(c) {
                end = i;
                break;
            }
            return None;
        }
        Some((Self::from_raw(&raw)?, end, odd))
    }

    /// [`Syllable::parse`] without computing `valid` (left `false`): what
    /// normalization needs.
    pub(crate) fn parse_unchecked(text: &str) -> Option<Syllable> {
        if text.is_empty() || text.len() > 64 {
            return None;
        }
        let mut raw = Raw::new();
        for c in text.chars() {
            if !raw.feed(c) {
                return None;
            }
        }
        Self::from_raw(&raw)
    }

    fn from_raw(raw: &Raw) -> Option<Syllable> {
        let l = &raw.letters[..raw.len];
        if l.is_empty() {
            return None;
        }
        let (on, olen) = onset(l)?;
        let rest = &l[olen..];
        if rest.is_empty() {
            return None;
        }
        let r = RHYME_TABLE.get(&pack(rest))?;
        if on == "qu" {
            if !r.medial.is_empty() || matches!(rest[0], 'u' | 'ư' | 'o') {
                return None;
            }
        } else if r.qu_only {
            return None;
        }
        if r.gi_only && on != "gi" {
            return None;
        }
        Some(Syllable {
            onset: on,
            medial: r.medial,
            nucleus: r.nucleus,
            coda: r.coda,
            tone: raw.tone,
            valid: false,
            letters: raw.letters,
            upper: raw.upper,
            len: raw.len as u8,
            onset_len: olen as u8,
            modern: olen as u8 + r.modern,
            trad: olen as u8 + r.trad,
            tone_at: raw.tone_at as u8,
            marks: raw.marks,
        })
    }

    fn check_valid(&self, rest: &[char]) -> bool {
        // Tone mark: none, or exactly one on a letter some style uses.
        if self.marks > 1
            || (self.marks == 1 && self.tone_at != self.modern && self.tone_at != self.trad)
        {
            return false;
        }
        // Stop codas take only sắc or nặng.
        if matches!(self.coda, "c" | "ch" | "p" | "t")
            && !matches!(self.tone, Tone::Sac | Tone::Nang)
        {
            return false;
        }
        let first = rest[0];
        let front = matches!(first, 'i' | 'y' | 'e' | 'ê');
        match self.onset {
            "k" | "gh" | "ngh" if !front => return false,
            "c" | "ng" if front => return false,
            // g + i only as the written-out `gi` + i (gì, gìn).
            "g" if matches!(first, 'y' | 'e' | 'ê') => return false,
            "c" if !self.medial.is_empty() => return false,
            "gi" if first == 'i'
                || !self.medial.is_empty()
                || matches!(self.nucleus, "iê" | "yê" | "ia" | "ya") =>
            {
                return false
            }
            _ => {}
        }
        if self.medial.is_empty() {
            match self.nucleus {
                "yê" if !matches!(self.onset, "" | "qu") => return false,
                "iê" if matches!(self.onset, "" | "qu" | "gi") => return false,
                "ia" if matches!(self.onset, "qu" | "gi") => return false,
                _ => {}
            }
        }
        true
    }

    /// Whether the syllable is valid in standard, fully marked orthography:
    /// onset spelling rules (`k gh ngh` only before `i y e ê`, `c g ng` never
    /// before them, `gi`/`qu` combinations), rhyme inventory, stop codas only
    /// with sắc/nặng, and at most one tone mark, on the letter the modern or
    /// the traditional style uses.
    pub fn is_valid(&self) -> bool {
        self.valid
    }

    /// Letter index (0-based, in the syllable's letters) where `style` puts
    /// the tone mark. For [`ToneStyle::Keep`] it is where the input had it.
    pub fn tone_index(&self, style: ToneStyle) -> usize {
        (match style {
            ToneStyle::Modern => self.modern,
            ToneStyle::Traditional => self.trad,
            ToneStyle::Keep => self.tone_at,
        }) as usize
    }

    /// Number of letters.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Always `false`: a syllable has at least one letter.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Number of tone marks written in the input (0, 1, or more when a
    /// mark was repeated).
    pub fn tone_marks(&self) -> usize {
        self.marks as usize
    }

    /// Whether the single written tone mark sits where `style` puts it
    /// (`true` too when there is no mark).
    pub fn placed(&self, style: ToneStyle) -> bool {
        self.marks == 0 || (self.marks == 1 && self.tone_at as usize == self.tone_index(style))
    }

    /// Renders the syllable in NFC with its tone mark placed per `style`,
    /// each letter in the case it had in the input.
    ///
    /// ```
    /// use vntext::syllable::Syllable;
    /// use vntext::syllable::ToneStyle;
    /// let s = Syllable::parse("HOÀ").unwrap();
    /// assert_eq!(s.render(ToneStyle::Traditional), "HÒA");
    /// let s = Syllable::parse("tiêń").unwrap();
    /// assert_eq!(s.render(ToneStyle::Modern), "tiến");
    /// ```
    pub fn render(&self, style: ToneStyle) -> String {
        let mut out = String::with_capacity(self.len() * 3);
        self.render_into(style, &mut out);
        out
    }

    /// Appends the rendering of [`Syllable::render`] to `out`.
    pub fn render_into(&self, style: ToneStyle, out: &mut String) {
        let at = self.tone_index(style);
        for i in 0..self.len() {
            let tone = if i == at { self.tone } else { Tone::Ngang };
            let (b, up) = (self.letters[i], self.upper[i]);
            match chars::compose(b, tone, up) {
                Some(c) => out.push(c),
                None => {
                    // Keep style with the mark on a consonant: base + mark,
                    // composed where Unicode has a precomposed form.
                    let base = chars::compose(b, Tone::Ngang, up).unwrap_or(b);
                    let mut tmp = String::new();
                    tmp.push(base);
                    if let Some(m) = tone.mark() {
                        tmp.push(m);
                    }
                    use unicode_normalization::UnicodeNormalization;
                    out.extend(tmp.nfc());
                }
            }
        }
    }
}

/// Whether `text` parses as one Vietnamese syllable ([`Syllable::parse`]):
/// known onset, standard rhyme, at most one distinct tone. Unmarked and
/// mis-marked spellings that still fit the grammar count (`ban`, `hoà`,
/// `hòa`, `tiêń`); `tien`, `Suárez`, `Ðà` do not. No allocation.
///
/// ```
/// assert!(vntext::syllable::is_syllable("Nguyễn"));
/// assert!(!vntext::syllable::is_syllable("Nguyen"));
/// ```
pub fn is_syllable(text: &str) -> bool {
    Syllable::parse_unchecked(text).is_some()
}

/// Whether `text` (NFC or NFD) is exactly one valid syllable in standard,
/// fully marked orthography, per the "Syllable validity" rules of
/// `NORMALIZATION.md`: see [`Syllable::is_valid`]. ASCII-folded spellings
/// (`tien`, `nguoi`, `hoc`), look-alike letters (ETH, Cyrillic), invisible
/// characters and multi-syllable input are not valid.
///
/// ```
/// use vntext::syllable::is_valid;
/// assert!(is_valid("quyết") && is_valid("Giường") && is_valid("kỹ") && is_valid("kĩ"));
/// assert!(!is_valid("ký\u{200B}") && !is_valid("cí") && !is_valid("hoàc"));
/// ```
pub fn is_valid(text: &str) -> bool {
    Syllable::parse(text).is_some_and(|s| s.valid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_builds_without_duplicates() {
        assert!(RHYME_TABLE.len() > 150);
    }

    #[test]
    fn positions() {
        let s = Syllable::parse("hoà").unwrap();
        assert_eq!((s.modern, s.trad), (2, 1));
        let s = Syllable::parse("quý").unwrap();
        assert_eq!((s.onset, s.modern, s.trad), ("qu", 2, 2));
        let s = Syllable::parse("gìa").unwrap();
        assert_eq!((s.onset, s.modern), ("gi", 2));
        assert!(!s.valid);
        let s = Syllable::parse("gì").unwrap();
        assert_eq!((s.onset, s.nucleus), ("g", "i"));
        assert!(s.valid);
    }
}
