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

/// Precomposed letter → (letter without tone, tone key digit).
static TONE_TABLE: LazyLock<FxHashMap<char, (char, u8)>> = LazyLock::new(|| {
    let mut m = FxHashMap::default();
    for cp in 0xC0u32..0x1F00 {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        if !c.is_alphabetic() {
            continue;
        }
        let d: Vec<char> = c.nfd().collect();
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
                m.insert(c, (b, tone));
            }
        }
    }
    m
});

/// Appends the lookup key of `word` to `out`.
pub(crate) fn push_key(word: &str, out: &mut String) {
    if word.is_ascii() {
        for b in word.bytes() {
            out.push(b.to_ascii_lowercase() as char);
        }
        return;
    }
    let owned;
    let w = if word.chars().any(crate::token::is_combining_mark) {
        owned = word.nfc().collect::<String>();
        owned.as_str()
    } else {
        word
    };
    let mut tone = 0u8;
    for c in w.chars() {
        if crate::token::is_invisible(c) {
            continue;
        }
        for lc in c.to_lowercase() {
            match TONE_TABLE.get(&lc) {
                Some(&(b, t)) => {
                    out.push(b);
                    tone = t;
                }
                None if TONES.contains(&lc) => {
                    if let Some(p) = TONES.iter().position(|t| *t == lc) {
                        tone = TONE_DIGITS[p];
                    }
                }
                None => out.push(lc),
            }
        }
    }
    if tone > 0 {
        out.push(tone as char);
    }
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
    fn parse(src: &str, tag: impl Fn(&str) -> u8) -> Phrases {
        let mut p = Phrases::default();
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

    /// Whether the phrase made of `keys` is an entry.
    pub(crate) fn contains(&self, keys: &[&str]) -> bool {
        let Some((first, rest)) = keys.split_first() else {
            return false;
        };
        self.by_first.get(*first).is_some_and(|c| {
            c.iter()
                .any(|(r, _)| r.len() == rest.len() && r.iter().zip(rest).all(|(a, b)| a == b))
        })
    }
}

/// Role tags.
pub(crate) const ROLE_PLAIN: u8 = 0;
/// Role that needs a following organisation head ("Trưởng Ban").
pub(crate) const ROLE_ORG: u8 = 1;
/// Role that always needs a complement ("đại biểu Quốc hội").
pub(crate) const ROLE_COMP: u8 = 2;

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
    roles: Phrases::parse(include_str!("../../data/extract/roles.txt"), |t| match t {
        "org" => ROLE_ORG,
        "comp" => ROLE_COMP,
        _ => ROLE_PLAIN,
    }),
    qualifiers: Phrases::parse(include_str!("../../data/extract/qualifiers.txt"), |_| 0),
    heads: Phrases::parse(
        include_str!("../../data/extract/org_heads.txt"),
        |t| match t {
            "bare" => HEAD_BARE,
            "tail" => HEAD_TAIL,
            _ => HEAD_NAME,
        },
    ),
    bodies: Phrases::parse(include_str!("../../data/extract/bodies.txt"), |_| 0),
    name_words: Phrases::parse(
        include_str!("../../data/extract/name_words.txt"),
        |t| match t {
            "v" => 1,
            "f" => 2,
            _ => 0,
        },
    ),
    places: Phrases::parse(include_str!("../../data/extract/places.txt"), |t| match t {
        "c" => PLACE_COUNTRY,
        _ => PLACE_PROVINCE,
    }),
    domains: Phrases::parse(include_str!("../../data/extract/domains.txt"), |_| 0),
    family: Phrases::parse(include_str!("../../data/extract/family_names.txt"), |_| 0),
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
    keys: String,
}

impl<'t, 'a> Analysis<'t, 'a> {
    /// Analyses `tokens`.
    pub(crate) fn new(tokens: &'t [Token<'a>]) -> Self {
        let mut keys = String::with_capacity(tokens.iter().map(|t| t.text.len()).sum());
        let mut toks = Vec::with_capacity(tokens.len());
        for t in tokens {
            let s = keys.len() as u32;
            push_key(t.text, &mut keys);
            let e = keys.len() as u32;
            let mut letters = 0usize;
            let mut uppers = 0usize;
            let mut first_up = None;
            for c in t.text.chars() {
                if c.is_alphabetic() {
                    letters += 1;
                    if c.is_uppercase() {
                        uppers += 1;
                    }
                    if first_up.is_none() {
                        first_up = Some(c.is_uppercase());
                    }
                }
            }
            toks.push(Tok {
                key: s..e,
                cap: first_up.unwrap_or(false),
                upper: letters > 0 && letters == uppers,
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
                if tokens[i].kind == TokenKind::Word && tokens[i].text.chars().count() > 1 {
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
        Analysis { tokens, toks, keys }
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

    /// Whether token `i` is a word in lowercase.
    pub(crate) fn is_lower(&self, i: usize) -> bool {
        self.is_word(i) && !self.toks[i].cap
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
