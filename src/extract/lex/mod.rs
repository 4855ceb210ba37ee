//! Shared token analysis and lexicons for the TITLE, ORGANIZATION and
//! OFFICIAL recognizers.
//!
//! Every word token gets a lookup key: lowercase, with the tone mark taken off
//! its vowel and written as a trailing digit, so "Ủy"/"Uỷ", "Hòa"/"Hoà", NFC
//! and NFD spellings share a key while "Bộ" and "bố" stay apart. The original
//! capitalisation is kept beside the key for the capitalisation rules.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

use crate::token::{Token, TokenKind};

/// Tone marks as combining characters.
const TONES: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];
/// Key digit of each tone in [`TONES`] (VNI-like: sắc 1, huyền 2, hỏi 3,
/// ngã 4, nặng 6).
const TONE_DIGITS: [u8; 5] = [b'2', b'1', b'4', b'3', b'6'];

/// Flag bit in [`TONE_TABLE`] entries: the letter is uppercase.
const UPPER: u8 = 0x80;

/// First code point covered by [`TONE_TABLE`].
const TONE_BASE: u32 = 0xC0;

/// Letter (U+00C0..U+1EFF) → (its lowercase without tone, tone key digit or
/// 0); `('\0', 0)` for other characters.
static TONE_TABLE: LazyLock<Vec<(char, u8)>> = LazyLock::new(|| {
    let mut m = vec![('\0', 0u8); (0x1F00 - TONE_BASE) as usize];
    for cp in TONE_BASE..0x1F00 {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        if !c.is_alphabetic() {
            continue;
        }
        // Lowercase first (one char for every letter of these blocks).
        let mut lower = c.to_lowercase();
        let (Some(lc), None) = (lower.next(), lower.next()) else {
            continue;
        };
        let d: Vec<char> = lc.nfd().collect();
        let up = if lc != c { UPPER } else { 0 };
        if !d.iter().any(|x| TONES.contains(x)) {
            m[(cp - TONE_BASE) as usize] = (lc, up);
        }
        if let Some(pos) = d.iter().position(|x| TONES.contains(x)) {
            let tone = TONES
                .iter()
                .position(|t| *t == d[pos])
                .map_or(b'0', |p| TONE_DIGITS[p]);
            let base: String = d
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != pos)
                .map(|(_, &c)| c)
                .nfc()
                .collect();
            let mut it = base.chars();
            if let (Some(b), None) = (it.next(), it.next()) {
                m[(cp - TONE_BASE) as usize] = (b, tone | up);
            }
        }
    }
    m
});

/// Appends the lookup key of `word` to `out`.
pub(crate) fn push_key(word: &str, out: &mut String) {
    key_and_case(word, out);
}

/// Appends the lookup key of `word` to `out`; returns whether its first
/// letter is uppercase and whether any letter is lowercase.
fn key_and_case(word: &str, out: &mut String) -> (bool, bool) {
    let mut first_up = None;
    let mut any_lower = false;
    if word.is_ascii() {
        for b in word.bytes() {
            if b.is_ascii_alphabetic() {
                first_up.get_or_insert(b.is_ascii_uppercase());
                any_lower |= b.is_ascii_lowercase();
            }
            out.push(b.to_ascii_lowercase() as char);
        }
        return (first_up.unwrap_or(false), any_lower);
    }
    let start = out.len();
    let mut tone = 0u8;
    let table = &*TONE_TABLE;
    for c in word.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                first_up.get_or_insert(c.is_ascii_uppercase());
                any_lower |= c.is_ascii_lowercase();
            }
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let hit = (c as u32)
            .checked_sub(TONE_BASE)
            .and_then(|o| table.get(o as usize))
            .filter(|e| e.0 != '\0');
        if let Some(&(b, t)) = hit {
            let up = t & UPPER != 0;
            first_up.get_or_insert(up);
            any_lower |= !up;
            out.push(b);
            if t & !UPPER != 0 {
                tone = t & !UPPER;
            }
            continue;
        }
        if crate::token::is_combining_mark(c) {
            // Decomposed input: redo the word in NFC.
            out.truncate(start);
            let nfc: String = word.nfc().collect();
            if nfc.chars().any(crate::token::is_combining_mark) {
                // Marks that do not compose: key them one by one.
                for c in nfc.chars() {
                    match TONES.iter().position(|t| *t == c) {
                        Some(p) => tone = TONE_DIGITS[p],
                        None => out.extend(c.to_lowercase()),
                    }
                }
                if tone > 0 {
                    out.push(tone as char);
                }
                let f = nfc.chars().find(|c| c.is_alphabetic());
                return (
                    f.is_some_and(char::is_uppercase),
                    nfc.chars().any(char::is_lowercase),
                );
            }
            return key_and_case(&nfc, out);
        }
        if crate::token::is_invisible(c) {
            continue;
        }
        if c.is_alphabetic() {
            first_up.get_or_insert(c.is_uppercase());
            any_lower |= c.is_lowercase();
        }
        out.extend(c.to_lowercase());
    }
    if tone > 0 {
        out.push(tone as char);
    }
    (first_up.unwrap_or(false), any_lower)
}

/// The key of a whole phrase: word keys joined by single spaces; other
/// characters (`-`, `,`, `.`) kept as their own space-separated items.
pub(crate) fn phrase_key(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for t in crate::token::tokenize(phrase) {
        let mut k = String::new();
        push_key(t.text, &mut k);
        out.push(k);
    }
    out
}

/// A multi-word lexicon keyed on token keys; values are small tags.
#[derive(Default)]
pub(crate) struct Phrases {
    by_first: FxHashMap<String, Vec<(Vec<String>, u8)>>,
    /// This lexicon's bit in [`FIRSTS`] masks.
    bit: u16,
}

impl Phrases {
    fn insert(&mut self, phrase: &str, tag: u8) {
        let mut k = phrase_key(phrase);
        if k.is_empty() {
            return;
        }
        let first = k.remove(0);
        let v = self.by_first.entry(first).or_default();
        v.push((k, tag));
        v.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
    }

    /// Parses `src` (one entry a line, `#` comments, `phrase|tag`), mapping
    /// tag strings with `tag`.
    fn parse(src: &str, bit: u16, tag: impl Fn(&str) -> u8) -> Phrases {
        let mut p = Phrases {
            bit,
            ..Phrases::default()
        };
        for line in src.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (phrase, t) = line.split_once('|').unwrap_or((line, ""));
            p.insert(phrase.trim(), tag(t.trim()));
        }
        p
    }

    /// Longest entry starting at token `i`: `(number of tokens, tag)`.
    pub(crate) fn longest(&self, a: &Analysis, i: usize) -> Option<(usize, u8)> {
        if !matches!(a.masks.get(i), Some(m) if m & self.bit != 0) {
            return None;
        }
        let cands = self.by_first.get(a.key(i))?;
        'c: for (rest, tag) in cands {
            let mut j = i + 1;
            for k in rest {
                if j >= a.len() || a.key(j) != k.as_str() {
                    continue 'c;
                }
                j += 1;
            }
            return Some((rest.len() + 1, *tag));
        }
        None
    }
}

/// Role tags.
pub(crate) const ROLE_PLAIN: u8 = 0;
/// Role that needs a following organisation head ("Trưởng Ban").
pub(crate) const ROLE_ORG: u8 = 1;
/// Role that always needs a complement ("đại biểu Quốc hội").
pub(crate) const ROLE_COMP: u8 = 2;
/// Role that is a TITLE only right before a person's name ("HLV Park Hang
/// Seo"); alone it is an occupation.
pub(crate) const ROLE_PERSON: u8 = 3;

/// Organisation-head tags.
pub(crate) const HEAD_BARE: u8 = 0;
/// Needs a territorial tail.
pub(crate) const HEAD_TAIL: u8 = 1;
/// Needs a name.
pub(crate) const HEAD_NAME: u8 = 2;

/// Place tags.
pub(crate) const PLACE_PROVINCE: u8 = 0;
/// A country.
pub(crate) const PLACE_COUNTRY: u8 = 1;

/// All lexicons, parsed once.
pub(crate) struct Lexicons {
    pub roles: Phrases,
    pub qualifiers: Phrases,
    pub heads: Phrases,
    pub bodies: Phrases,
    pub name_words: Phrases,
    pub places: Phrases,
    pub domains: Phrases,
    pub family: Phrases,
}

pub(crate) static LEX: LazyLock<Lexicons> = LazyLock::new(|| Lexicons {
    roles: Phrases::parse(
        include_str!("../../../data/extract/roles.txt"),
        1 << 0,
        |t| match t {
            "org" => ROLE_ORG,
            "comp" => ROLE_COMP,
            "person" => ROLE_PERSON,
            _ => ROLE_PLAIN,
        },
    ),
    qualifiers: Phrases::parse(
        include_str!("../../../data/extract/qualifiers.txt"),
        1 << 1,
        |_| 0,
    ),
    heads: Phrases::parse(
        include_str!("../../../data/extract/org_heads.txt"),
        1 << 2,
        |t| match t {
            "bare" => HEAD_BARE,
            "tail" => HEAD_TAIL,
            _ => HEAD_NAME,
        },
    ),
    bodies: Phrases::parse(
        include_str!("../../../data/extract/bodies.txt"),
        1 << 3,
        |_| 0,
    ),
    name_words: Phrases::parse(
        include_str!("../../../data/extract/name_words.txt"),
        1 << 4,
        |t| match t {
            "v" => 1,
            "f" => 2,
            _ => 0,
        },
    ),
    places: Phrases::parse(
        include_str!("../../../data/extract/places.txt"),
        1 << 5,
        |t| match t {
            "c" => PLACE_COUNTRY,
            _ => PLACE_PROVINCE,
        },
    ),
    domains: Phrases::parse(
        include_str!("../../../data/extract/domains.txt"),
        1 << 6,
        |_| 0,
    ),
    family: Phrases::parse(
        include_str!("../../../data/extract/family_names.txt"),
        1 << 7,
        |_| 0,
    ),
});

/// First keys of every lexicon entry → bit mask of the lexicons having it.
static FIRSTS: LazyLock<FxHashMap<String, u16>> = LazyLock::new(|| {
    let l = &*LEX;
    let mut m: FxHashMap<String, u16> = FxHashMap::default();
    for p in [
        &l.roles,
        &l.qualifiers,
        &l.heads,
        &l.bodies,
        &l.name_words,
        &l.places,
        &l.domains,
        &l.family,
    ] {
        for k in p.by_first.keys() {
            *m.entry(k.clone()).or_default() |= p.bit;
        }
    }
    m
});

/// Per-token facts.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tok {
    /// Range of the key in [`Analysis::keys`].
    key: Range<u32>,
    /// First letter uppercase.
    pub cap: bool,
    /// Every letter uppercase (and at least two letters, or one in a caps line).
    pub upper: bool,
    /// Whitespace before.
    pub sp: bool,
    /// In a line written mostly in capitals.
    pub caps_line: bool,
}

/// Tokens with their keys and capitalisation.
pub(crate) struct Analysis<'t, 'a> {
    pub tokens: &'t [Token<'a>],
    pub toks: Vec<Tok>,
    /// Per token: which lexicons have an entry starting with its key.
    masks: Vec<u16>,
    keys: String,
}

impl<'t, 'a> Analysis<'t, 'a> {
    /// Analyses `tokens`.
    pub(crate) fn new(tokens: &'t [Token<'a>]) -> Self {
        let mut keys = String::with_capacity(tokens.iter().map(|t| t.text.len()).sum());
        let mut toks = Vec::with_capacity(tokens.len());
        let mut masks = Vec::with_capacity(tokens.len());
        let firsts = &*FIRSTS;
        for t in tokens {
            let s = keys.len() as u32;
            let (first_up, any_lower) = key_and_case(t.text, &mut keys);
            let e = keys.len() as u32;
            let (cap, upper) = if matches!(t.kind, TokenKind::Word | TokenKind::Alnum) {
                masks.push(
                    firsts
                        .get(&keys[s as usize..e as usize])
                        .copied()
                        .unwrap_or(0),
                );
                (first_up, first_up && !any_lower)
            } else {
                masks.push(0);
                (false, false)
            };
            toks.push(Tok {
                key: s..e,
                cap,
                upper,
                sp: t.space_before,
                caps_line: false,
            });
        }
        // Caps lines: most words of a line are all-uppercase.
        let mut start = 0;
        while start < tokens.len() {
            let mut end = start + 1;
            while end < tokens.len() && !tokens[end].newline_before {
                end += 1;
            }
            let (mut words, mut up) = (0usize, 0usize);
            for i in start..end {
                if tokens[i].kind == TokenKind::Word && tokens[i].text.chars().nth(1).is_some() {
                    words += 1;
                    if toks[i].upper {
                        up += 1;
                    }
                }
            }
            if words >= 3 && up * 10 >= words * 7 {
                for t in &mut toks[start..end] {
                    t.caps_line = true;
                }
            }
            start = end;
        }
        Analysis {
            tokens,
            toks,
            masks,
            keys,
        }
    }

    /// Whether token `i` starts an entry of some lexicon.
    pub(crate) fn in_lexicon(&self, i: usize) -> bool {
        self.masks.get(i).is_some_and(|&m| m != 0)
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    /// Key of token `i` ("" out of range).
    pub(crate) fn key(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.keys[t.key.start as usize..t.key.end as usize],
            None => "",
        }
    }

    /// Whether token `i` is a word.
    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Whether token `i` is a capitalised word (or alnum/abbreviation).
    pub(crate) fn is_cap(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            matches!(t.kind, TokenKind::Word | TokenKind::Alnum) && self.toks[i].cap
        })
    }

    /// Whether token `i` is preceded by whitespace.
    pub(crate) fn sp(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.sp)
    }

    /// Whether token `i` is in a caps line.
    pub(crate) fn caps_line(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.caps_line)
    }

    /// Text of token `i`.
    pub(crate) fn text(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text)
    }

    /// End of the "unit" starting at `i`: tokens glued without whitespace by
    /// `&`, `-`, `.`, `'` (`GD&ĐT`, `TP.HCM`, `H'Yim`, `Diaz-Canel`,
    /// `Covid-19`). Returns the exclusive end index.
    pub(crate) fn unit_end(&self, i: usize) -> usize {
        let mut j = i + 1;
        while j + 1 < self.len()
            && !self.sp(j)
            && !self.sp(j + 1)
            && matches!(self.text(j), "&" | "-" | "." | "'" | "’")
            && matches!(
                self.tokens[j + 1].kind,
                TokenKind::Word | TokenKind::Alnum | TokenKind::Number
            )
        {
            j += 2;
        }
        // "TP.HCM" style handled above; "GDĐT" single.
        j
    }
}

/// Whether `w` is an ASCII word that cannot be a Vietnamese syllable written
/// without diacritics ("Linde", "Garten", "Kluge"; not "Minh", "Long", "Hoa"):
/// a Vietnamese syllable is an optional initial consonant, one to three
/// vowels and an optional final from c, ch, m, n, ng, nh, p, t.
pub(crate) fn foreign_word(w: &str) -> bool {
    if !w.is_ascii() || w.len() < 3 || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let l = w.to_ascii_lowercase();
    let b = l.as_bytes();
    if b.iter().any(|c| matches!(c, b'f' | b'j' | b'w' | b'z')) {
        return true;
    }
    const INITIALS: [&str; 27] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h",
        "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x",
    ];
    let mut rest = &l[..];
    for ini in INITIALS {
        if let Some(r) = rest.strip_prefix(ini) {
            rest = r;
            break;
        }
    }
    let vowels = rest.bytes().take_while(|c| b"aeiouy".contains(c)).count();
    if vowels == 0 || vowels > 3 {
        return true;
    }
    !matches!(
        &rest[vowels..],
        "" | "c" | "ch" | "m" | "n" | "ng" | "nh" | "p" | "t"
    )
}

// ------------------------------------------------------------------
// Token helpers of the DATE and DOCREF recognizers, which work on the
// tokens of the whole text.

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

// ------------------------------------------------------------------
// Predicates shared by the TITLE, ORGANIZATION and OFFICIAL recognizers.

pub(crate) fn span(a: &Analysis, s: usize, e: usize) -> std::ops::Range<usize> {
    a.tokens[s].span.start..a.tokens[e - 1].span.end
}

/// Number of capitalised words of a person's name starting at `i` (family
/// name first), 0 when it does not look like one or is a known place.
pub(crate) fn person_len(a: &Analysis, i: usize) -> usize {
    if !a.is_cap(i) || !a.is_word(i) || LEX.family.longest(a, i).is_none() {
        return 0;
    }
    let mut n = 1;
    while n < 4 && a.is_word(i + n) && a.is_cap(i + n) && a.sp(i + n) {
        n += 1;
    }
    if let Some((p, _)) = LEX.places.longest(a, i) {
        if p >= n {
            return 0;
        }
    }
    if n >= 2 {
        n
    } else {
        0
    }
}

pub(crate) fn is_roman_or_number(a: &Analysis, i: usize) -> bool {
    match a.tokens.get(i) {
        Some(t) if t.kind == TokenKind::Number => true,
        Some(t) if t.kind == TokenKind::Word => {
            t.text.len() <= 6
                && t.text
                    .bytes()
                    .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
        }
        _ => false,
    }
}

/// Territory keywords: "tỉnh", "thành phố", "TP", "huyện" … Returns their
/// token length.
pub(crate) fn territory_kw(a: &Analysis, i: usize) -> Option<usize> {
    match a.key(i) {
        "tinh3" | "huyên6" | "quân6" | "xa4" | "phương2" | "ban3" | "thôn" | "tp" | "tx" => {
            if a.text(i + 1) == "." && !a.sp(i + 1) && a.key(i) == "tp" {
                Some(2)
            } else {
                Some(1)
            }
        }
        "thanh2" if a.key(i + 1) == "phô1" => Some(2),
        "thi6" if matches!(a.key(i + 1), "xa4" | "trân1") => Some(2),
        _ => None,
    }
}

pub(crate) fn starts_org_or_role(a: &Analysis, i: usize) -> bool {
    LEX.heads.longest(a, i).is_some()
        || LEX.bodies.longest(a, i).is_some()
        || LEX.roles.longest(a, i).is_some()
        || territory_kw(a, i).is_some()
        || a.key(i) == "pho1"
}

/// "BTV Quang Minh": a TV editor (biên tập viên) before a name, not the
/// standing committee ("BTV Tỉnh ủy", "BTV Huyện ủy Nam Đàn").
pub(crate) fn btv_editor(a: &Analysis, i: usize) -> bool {
    a.toks[i].upper
        && a.sp(i + 1)
        && a.is_word(i + 1)
        && a.is_cap(i + 1)
        && !a.toks[i + 1].upper
        && !a.caps_line(i + 1)
        && !starts_org_or_role(a, i + 1)
        && LEX.places.longest(a, i + 1).is_none()
}

/// Whether a person's name (family name and two or more capitalised words)
/// starts at `i`, known places included ("Hồ Chí Minh" after "Chủ tịch"),
/// except after "Cộng sản" ("Đoàn Thanh niên Cộng sản Hồ Chí Minh").
pub(crate) fn looks_person(a: &Analysis, i: usize) -> bool {
    if !a.is_cap(i) || !a.is_word(i) || a.caps_line(i) {
        return false;
    }
    // A family name, or any capitalised word before the middle names "Văn",
    // "Thị" ("Ma Thị Thúy").
    if LEX.family.longest(a, i).is_none()
        && !(matches!(a.key(i + 1), "văn" | "thi6") && a.is_cap(i + 1) && a.sp(i + 1))
    {
        return false;
    }
    if i > 0 && a.key(i - 1) == "san3" {
        return false;
    }
    let mut n = 1;
    while n < 3 && a.is_word(i + n) && a.is_cap(i + n) && a.sp(i + n) {
        n += 1;
    }
    n >= 3
}

#[cfg(test)]
mod tests {
    use super::foreign_word;

    #[test]
    fn foreign_words() {
        for w in [
            "Linde", "Garten", "Kluge", "Alan", "Hans", "Keomany", "Zeman", "Troshina",
        ] {
            assert!(foreign_word(w), "{w}");
        }
        for w in [
            "Minh", "Long", "Hoa", "Nguyen", "Thanh", "Quang", "Tuan", "Nghia", "An",
        ] {
            assert!(!foreign_word(w), "{w}");
        }
    }
}
