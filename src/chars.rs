//! The Vietnamese alphabet: letter ⇄ (base letter, modifier, tone), and the
//! character classes the stages share.
//!
//! This module holds the letters of the Quốc ngữ alphabet. Every
//! precomposed Vietnamese letter, in both cases, maps to a [`Letter`]: its
//! *untoned lower-case letter* (`a ă â b c d đ e ê … y`), its [`Tone`] and
//! whether it is upper case. The untoned letter in turn splits into an ASCII
//! base and a [`Modifier`] (breve, circumflex, horn, stroke). The
//! normalization tables, the legacy-encoding letter handling, the syllable
//! grammar and the lookup key are built on these functions.
//!
//! It also holds the character classes more than one stage needs:
//! invisible characters ([`is_invisible`]: what the tokenizer keeps inside
//! a word, the cleanup removes and the key ignores), and, for the crate,
//! combining marks, exotic spaces and look-alike letters.
//!
//! Lookups are constant-time table or `match` lookups and never allocate.
//! This module imports nothing else from the crate.
//!
//! ```
//! use vntext::chars::{letter, compose, Tone};
//! let l = letter('Ự').unwrap();
//! assert_eq!((l.base, l.tone, l.upper), ('ư', Tone::Nang, true));
//! assert_eq!(compose('ư', Tone::Nang, true), Some('Ự'));
//! assert_eq!(compose('ê', Tone::Sac, false), Some('ế'));
//! ```

use std::sync::LazyLock;

/// One of the six Vietnamese tones. `Ngang` (level) has no mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Tone {
    /// Level tone, no mark (`a`).
    #[default]
    Ngang,
    /// Grave accent, U+0300 (`à`).
    Huyen,
    /// Acute accent, U+0301 (`á`).
    Sac,
    /// Hook above, U+0309 (`ả`).
    Hoi,
    /// Tilde, U+0303 (`ã`).
    Nga,
    /// Dot below, U+0323 (`ạ`).
    Nang,
}

impl Tone {
    /// All six tones in table order (the order of [`Tone::index`]).
    pub const ALL: [Tone; 6] = [
        Tone::Ngang,
        Tone::Huyen,
        Tone::Sac,
        Tone::Hoi,
        Tone::Nga,
        Tone::Nang,
    ];

    /// The combining mark of this tone, `None` for [`Tone::Ngang`].
    ///
    /// ```
    /// use vntext::chars::Tone;
    /// assert_eq!(Tone::Hoi.mark(), Some('\u{0309}'));
    /// ```
    pub const fn mark(self) -> Option<char> {
        match self {
            Tone::Ngang => None,
            Tone::Huyen => Some('\u{0300}'),
            Tone::Sac => Some('\u{0301}'),
            Tone::Hoi => Some('\u{0309}'),
            Tone::Nga => Some('\u{0303}'),
            Tone::Nang => Some('\u{0323}'),
        }
    }

    /// The tone of a combining mark. The deprecated singletons U+0340 and
    /// U+0341 (which NFC replaces by U+0300 and U+0301) are accepted too.
    ///
    /// ```
    /// use vntext::chars::Tone;
    /// assert_eq!(Tone::from_mark('\u{0323}'), Some(Tone::Nang));
    /// assert_eq!(Tone::from_mark('\u{0302}'), None);
    /// ```
    pub const fn from_mark(c: char) -> Option<Tone> {
        match c {
            '\u{0300}' | '\u{0340}' => Some(Tone::Huyen),
            '\u{0301}' | '\u{0341}' => Some(Tone::Sac),
            '\u{0309}' => Some(Tone::Hoi),
            '\u{0303}' => Some(Tone::Nga),
            '\u{0323}' => Some(Tone::Nang),
            _ => None,
        }
    }

    /// Index 0–5 in [`Tone::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// Vietnamese name without diacritics: `ngang`, `huyen`, `sac`, `hoi`,
    /// `nga`, `nang` (the serde names).
    pub const fn name(self) -> &'static str {
        match self {
            Tone::Ngang => "ngang",
            Tone::Huyen => "huyen",
            Tone::Sac => "sac",
            Tone::Hoi => "hoi",
            Tone::Nga => "nga",
            Tone::Nang => "nang",
        }
    }
}

/// A letter modifier (the diacritics that are not tone marks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Modifier {
    /// No modifier.
    None,
    /// Breve, U+0306: ă.
    Breve,
    /// Circumflex, U+0302: â ê ô.
    Circumflex,
    /// Horn, U+031B: ơ ư.
    Horn,
    /// Stroke (no combining form): đ.
    Stroke,
}

impl Modifier {
    /// The modifier of a combining mark: U+0306 breve, U+0302 circumflex,
    /// U+031B horn.
    pub const fn from_mark(c: char) -> Option<Modifier> {
        match c {
            '\u{0306}' => Some(Modifier::Breve),
            '\u{0302}' => Some(Modifier::Circumflex),
            '\u{031B}' => Some(Modifier::Horn),
            _ => None,
        }
    }
}

/// The twelve vowel letters (untoned, lower case) in table order.
pub const VOWELS: [char; 12] = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

/// Toned forms of each vowel of [`VOWELS`], lower case, in [`Tone::ALL`] order.
const LOWER: [[char; 6]; 12] = [
    ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
    ['ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
    ['â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
    ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
    ['ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
    ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
    ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
    ['ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
    ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
    ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
    ['ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
    ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
];
/// Upper-case counterpart of [`LOWER`].
const UPPER: [[char; 6]; 12] = [
    ['A', 'À', 'Á', 'Ả', 'Ã', 'Ạ'],
    ['Ă', 'Ằ', 'Ắ', 'Ẳ', 'Ẵ', 'Ặ'],
    ['Â', 'Ầ', 'Ấ', 'Ẩ', 'Ẫ', 'Ậ'],
    ['E', 'È', 'É', 'Ẻ', 'Ẽ', 'Ẹ'],
    ['Ê', 'Ề', 'Ế', 'Ể', 'Ễ', 'Ệ'],
    ['I', 'Ì', 'Í', 'Ỉ', 'Ĩ', 'Ị'],
    ['O', 'Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ'],
    ['Ô', 'Ồ', 'Ố', 'Ổ', 'Ỗ', 'Ộ'],
    ['Ơ', 'Ờ', 'Ớ', 'Ở', 'Ỡ', 'Ợ'],
    ['U', 'Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ'],
    ['Ư', 'Ừ', 'Ứ', 'Ử', 'Ữ', 'Ự'],
    ['Y', 'Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ'],
];

/// A Vietnamese letter split into its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Letter {
    /// The untoned lower-case letter (`a ă â b c d đ e ê … y`).
    pub base: char,
    /// The tone carried by this character.
    pub tone: Tone,
    /// Whether the character is upper case.
    pub upper: bool,
}

/// Packed table entry: bits 0–4 letter code, 5–7 tone, 8 upper; 0 = none.
type Entry = u16;

/// Letter codes 1..=32: the 12 vowels then consonants.
const CODES: [char; 32] = [
    'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'b', 'c', 'd', 'đ', 'g', 'h', 'k',
    'l', 'm', 'n', 'p', 'q', 'r', 's', 't', 'v', 'x', 'f', 'j', 'w',
];

/// Code 1..=33 of an untoned lower-case letter (`z` is 33), 0 if none: a
/// small number for packing letters into keys.
#[inline]
pub(crate) fn letter_code(base: char) -> u8 {
    match base {
        'a'..='z' => ASCII_CODES[(base as u8 - b'a') as usize],
        'ă' => 2,
        'â' => 3,
        'ê' => 5,
        'ô' => 8,
        'ơ' => 9,
        'ư' => 11,
        'đ' => 16,
        _ => 0,
    }
}

/// [`letter_code`] of `a`..=`z`.
const ASCII_CODES: [u8; 26] = {
    let mut t = [0u8; 26];
    let mut i = 0;
    while i < CODES.len() {
        let c = CODES[i];
        if c.is_ascii_lowercase() {
            t[(c as u8 - b'a') as usize] = i as u8 + 1;
        }
        i += 1;
    }
    t[25] = 33;
    t
};

/// Index of an untoned lower-case vowel in [`VOWELS`].
#[inline]
fn vowel_index(base: char) -> Option<usize> {
    Some(match base {
        'a' => 0,
        'ă' => 1,
        'â' => 2,
        'e' => 3,
        'ê' => 4,
        'i' => 5,
        'o' => 6,
        'ô' => 7,
        'ơ' => 8,
        'u' => 9,
        'ư' => 10,
        'y' => 11,
        _ => return None,
    })
}

/// Table for U+00C0..=U+01B0 and U+1EA0..=U+1EF9.
struct Tables {
    latin: [Entry; 0x1B1 - 0xC0],
    ext: [Entry; 0x1EFA - 0x1EA0],
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut t = Tables {
        latin: [0; 0x1B1 - 0xC0],
        ext: [0; 0x1EFA - 0x1EA0],
    };
    let mut put = |c: char, code: u8, tone: usize, upper: bool| {
        let e = code as u16 | ((tone as u16) << 5) | ((upper as u16) << 8);
        let cp = c as usize;
        if (0xC0..0x1B1).contains(&cp) {
            t.latin[cp - 0xC0] = e;
        } else if (0x1EA0..0x1EFA).contains(&cp) {
            t.ext[cp - 0x1EA0] = e;
        }
    };
    for (v, (lo, up)) in LOWER.iter().zip(UPPER.iter()).enumerate() {
        for (tone, (&l, &u)) in lo.iter().zip(up.iter()).enumerate() {
            put(l, v as u8 + 1, tone, false);
            put(u, v as u8 + 1, tone, true);
        }
    }
    put('đ', 16, 0, false);
    put('Đ', 16, 0, true);
    t
});

#[inline]
fn decode(e: Entry) -> Option<Letter> {
    if e == 0 {
        return None;
    }
    let code = (e & 0x1F) as usize;
    Some(Letter {
        base: CODES[code - 1],
        tone: Tone::ALL[((e >> 5) & 7) as usize],
        upper: e & 0x100 != 0,
    })
}

/// Splits a Vietnamese letter (any of the 144 precomposed or ASCII vowel
/// forms, `đ`/`Đ`, or an ASCII letter) into base, tone and case. Returns
/// `None` for anything else. ASCII letters outside the Vietnamese alphabet
/// (`f j w z`) are returned too; the syllable grammar rejects them.
///
/// ```
/// use vntext::chars::{letter, Tone};
/// assert_eq!(letter('ở').map(|l| (l.base, l.tone)), Some(('ơ', Tone::Hoi)));
/// assert_eq!(letter('B').map(|l| (l.base, l.upper)), Some(('b', true)));
/// assert_eq!(letter('ñ'), None);
/// ```
#[inline]
pub fn letter(c: char) -> Option<Letter> {
    let cp = c as u32;
    if cp < 0x80 {
        let b = cp as u8;
        if b.is_ascii_alphabetic() {
            return Some(Letter {
                base: b.to_ascii_lowercase() as char,
                tone: Tone::Ngang,
                upper: b.is_ascii_uppercase(),
            });
        }
        return None;
    }
    if (0xC0..0x1B1).contains(&cp) {
        decode(TABLES.latin[(cp - 0xC0) as usize])
    } else if (0x1EA0..0x1EFA).contains(&cp) {
        decode(TABLES.ext[(cp - 0x1EA0) as usize])
    } else {
        None
    }
}

/// Whether `c` is a precomposed Vietnamese vowel letter (any tone, any case)
/// or an ASCII vowel `a e i o u y`.
#[inline]
pub fn is_vowel_char(c: char) -> bool {
    letter(c).is_some_and(|l| is_vowel(l.base))
}

/// Whether the untoned lower-case letter `base` is one of the 12 vowels.
#[inline]
pub fn is_vowel(base: char) -> bool {
    matches!(
        base,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

/// The precomposed character for an untoned lower-case letter, a tone and
/// a case. `None` if the combination does not exist (a tone on a consonant).
///
/// ```
/// use vntext::chars::{compose, Tone};
/// assert_eq!(compose('a', Tone::Huyen, true), Some('À'));
/// assert_eq!(compose('đ', Tone::Ngang, true), Some('Đ'));
/// assert_eq!(compose('n', Tone::Sac, false), None);
/// ```
#[inline]
pub fn compose(base: char, tone: Tone, upper: bool) -> Option<char> {
    if let Some(v) = vowel_index(base) {
        let row = if upper { &UPPER[v] } else { &LOWER[v] };
        return Some(row[tone.index()]);
    }
    if tone != Tone::Ngang {
        return None;
    }
    match base {
        'đ' => Some(if upper { 'Đ' } else { 'đ' }),
        'a'..='z' => Some(if upper {
            base.to_ascii_uppercase()
        } else {
            base
        }),
        _ => None,
    }
}

/// Splits an untoned lower-case letter into its ASCII base and modifier:
/// `ư` → (`u`, Horn), `đ` → (`d`, Stroke), `b` → (`b`, None).
pub fn split(base: char) -> (char, Modifier) {
    match base {
        'ă' => ('a', Modifier::Breve),
        'â' => ('a', Modifier::Circumflex),
        'ê' => ('e', Modifier::Circumflex),
        'ô' => ('o', Modifier::Circumflex),
        'ơ' => ('o', Modifier::Horn),
        'ư' => ('u', Modifier::Horn),
        'đ' => ('d', Modifier::Stroke),
        c => (c, Modifier::None),
    }
}

/// Applies a modifier to an unmodified ASCII base: (`a`, Breve) → `ă`.
/// `None` when the pair is not a Vietnamese letter.
pub fn join(ascii: char, m: Modifier) -> Option<char> {
    Some(match (ascii, m) {
        (c, Modifier::None) if c.is_ascii_lowercase() => c,
        ('a', Modifier::Breve) => 'ă',
        ('a', Modifier::Circumflex) => 'â',
        ('e', Modifier::Circumflex) => 'ê',
        ('o', Modifier::Circumflex) => 'ô',
        ('o', Modifier::Horn) => 'ơ',
        ('u', Modifier::Horn) => 'ư',
        ('d', Modifier::Stroke) => 'đ',
        _ => return None,
    })
}

/// Invisible format characters that may sit inside a word without
/// changing it: soft hyphen, Mongolian vowel separator, zero-width space,
/// non-joiner and joiner, word joiner, the invisible operators
/// U+2061–U+2064 and the byte-order mark (zero-width no-break space).
///
/// The one list: the tokenizer keeps them inside a word (or skips them
/// between tokens), the cleanup removes them and the key ignores them.
#[inline]
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

/// Space characters other than U+0020 that the cleanup turns into U+0020:
/// no-break space, ogham space, en/em/thin/hair… spaces (U+2000–U+200A),
/// narrow no-break space, medium mathematical space, ideographic space.
/// Tabs and line breaks are not among them.
#[inline]
pub(crate) fn is_exotic_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// ETH (Ð ð, U+00D0/U+00F0) and the African D (Ɖ, U+0189): drawn like Đ đ
/// and typed for them.
#[inline]
pub(crate) fn is_eth(c: char) -> bool {
    matches!(c, '\u{00D0}' | '\u{00F0}' | '\u{0189}')
}

/// The Vietnamese letter a look-alike stands for: ETH and African D
/// ([`is_eth`]) → Đ đ, and the Cyrillic and Greek letters drawn like a
/// Latin letter of the alphabet.
#[inline]
pub(crate) fn homoglyph(c: char) -> Option<char> {
    Some(match c {
        '\u{00D0}' | '\u{0189}' => 'Đ',
        '\u{00F0}' => 'đ',
        // Cyrillic
        'А' => 'A',
        'В' => 'B',
        'С' => 'C',
        'Е' => 'E',
        'Н' => 'H',
        'І' => 'I',
        'К' => 'K',
        'М' => 'M',
        'О' => 'O',
        'Р' => 'P',
        'Ѕ' => 'S',
        'Т' => 'T',
        'Х' => 'X',
        'У' => 'Y',
        'а' => 'a',
        'с' => 'c',
        'ԁ' => 'd',
        'е' => 'e',
        'һ' => 'h',
        'і' => 'i',
        'о' => 'o',
        'р' => 'p',
        'ѕ' => 's',
        'у' => 'y',
        'х' => 'x',
        // Greek
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        'ο' => 'o',
        'α' => 'a',
        'ι' => 'i',
        'ν' => 'v',
        'υ' => 'u',
        'κ' => 'k',
        'ρ' => 'p',
        _ => return None,
    })
}

/// Combining marks of the blocks that occur with Latin letters (combining
/// diacritical marks and their extensions and supplement, marks for
/// symbols, half marks): what may continue a word after a letter.
#[inline]
pub(crate) fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vowel_round_trips() {
        let mut n = 0;
        for &v in &VOWELS {
            for &t in &Tone::ALL {
                for up in [false, true] {
                    let c = compose(v, t, up).unwrap();
                    let l = letter(c).unwrap();
                    assert_eq!((l.base, l.tone, l.upper), (v, t, up), "{c}");
                    n += 1;
                }
            }
        }
        assert_eq!(n, 144);
    }

    #[test]
    fn table_agrees_with_unicode_decomposition() {
        use unicode_normalization::UnicodeNormalization;
        for &v in &VOWELS {
            for &t in &Tone::ALL {
                let c = compose(v, t, false).unwrap();
                let nfd: Vec<char> = c.to_string().nfd().collect();
                let (ascii, m) = split(v);
                assert_eq!(nfd[0], ascii);
                let has_tone = nfd[1..].iter().any(|&x| Tone::from_mark(x) == Some(t));
                assert_eq!(has_tone, t != Tone::Ngang, "{c}");
                let has_mod = nfd[1..].iter().any(|&x| Modifier::from_mark(x) == Some(m));
                assert_eq!(has_mod, m != Modifier::None, "{c}");
                assert_eq!(c.to_uppercase().next(), compose(v, t, true));
            }
        }
    }

    #[test]
    fn non_letters() {
        for c in ['ñ', 'ç', 'Ð', 'ð', 'о', '1', ' ', 'ń', 'ǹ'] {
            assert_eq!(letter(c), None, "{c}");
        }
        assert_eq!(join('u', Modifier::Horn), Some('ư'));
        assert_eq!(join('i', Modifier::Horn), None);
        assert_eq!(letter_code('z'), 33);
        // Every look-alike stands for a letter of the alphabet, and none is
        // one itself.
        for cp in 0..0x3000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            if let Some(l) = homoglyph(c) {
                assert!(letter(c).is_none() && letter(l).is_some(), "{c}");
                assert_eq!(is_eth(c), matches!(l, 'Đ' | 'đ'), "{c}");
            }
        }
        for (i, &c) in CODES.iter().enumerate() {
            assert_eq!(letter_code(c) as usize, i + 1, "{c}");
        }
    }
}
