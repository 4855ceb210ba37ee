//! Syllable keys and the multi-syllable lexicon.
//!
//! A syllable is never interned as a string: it is reduced to a 64-bit
//! *key hash* computed on the fly from its characters, lowercased and with
//! the tone mark moved out of the vowel (so `hoà`/`hòa` and `thuỷ`/`thủy`
//! get the same key). A multi-syllable word is the hash of its syllable
//! keys; the lexicon is a hash map from such word hashes to flags telling
//! which source lists the word and whether it is a proper prefix of a
//! longer entry (so a longest-match scan knows when to stop).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// Entry flag: the word is in the first embedded list (Viet74K).
pub(crate) const SRC_A: u8 = 1;
/// Entry flag: the word is in the second embedded list (pyvi).
pub(crate) const SRC_B: u8 = 2;
/// Entry flag: the word comes from a user dictionary.
pub(crate) const SRC_USER: u8 = 4;
/// Entry flag: the sequence is a proper prefix of a longer entry.
pub(crate) const PREFIX: u8 = 8;
/// Any word flag.
pub(crate) const ANY_WORD: u8 = SRC_A | SRC_B | SRC_USER;

/// Longest lexicon entry considered, in syllables.
pub(crate) const MAX_WORD: usize = 8;

const K: u64 = 0xf135_7aea_2e62_a9c5;

/// First code point of the tone table.
const TABLE_LO: u32 = 0xC0;
/// One past the last code point of the tone table.
const TABLE_HI: u32 = 0x1F00;

/// For every code point in `TABLE_LO..TABLE_HI`: the lowercase letter with
/// its tone mark removed (low 21 bits) and the tone 0–5 (bits 24..27).
/// Derived from Unicode decomposition at first use, not written out by hand.
static TONE_TABLE: LazyLock<Vec<u32>> = LazyLock::new(|| {
    use unicode_normalization::char::{compose, decompose_canonical};
    let mut t = Vec::with_capacity((TABLE_HI - TABLE_LO) as usize);
    for cp in TABLE_LO..TABLE_HI {
        let Some(c) = char::from_u32(cp) else {
            t.push(cp);
            continue;
        };
        let lower = c
            .to_lowercase()
            .next()
            .filter(|_| c.to_lowercase().count() == 1);
        let c = lower.unwrap_or(c);
        let mut parts: Vec<char> = Vec::with_capacity(4);
        decompose_canonical(c, |d| parts.push(d));
        let mut tone = 0u32;
        let mut base: Option<char> = None;
        for d in parts {
            match tone_of_mark(d) {
                Some(tn) => tone = tn,
                None => {
                    base = Some(match base {
                        None => d,
                        Some(b) => compose(b, d).unwrap_or(b),
                    })
                }
            }
        }
        let base = base.unwrap_or(c);
        t.push(base as u32 | (tone << 24));
    }
    t
});

/// Tone number of a combining tone mark: grave 1, acute 2, hook 3, tilde 4,
/// dot below 5.
fn tone_of_mark(c: char) -> Option<u32> {
    match c {
        '\u{0300}' | '\u{0340}' => Some(1),
        '\u{0301}' | '\u{0341}' => Some(2),
        '\u{0309}' => Some(3),
        '\u{0303}' => Some(4),
        '\u{0323}' => Some(5),
        _ => None,
    }
}

#[inline]
fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// Final avalanche (from splitmix64) so that every bit of a hash depends on
/// every input bit.
#[inline]
pub(crate) fn finish(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Combines two hashes (order matters).
#[inline]
pub(crate) fn combine(a: u64, b: u64) -> u64 {
    finish(a.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ b)
}

/// Properties of one syllable gathered while its key is hashed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct KeyInfo {
    /// Key hash (lowercase, tone removed from the vowel and hashed apart).
    pub hash: u64,
    /// Number of letters.
    pub letters: u32,
    /// Number of uppercase letters.
    pub upper: u32,
    /// Whether the first letter is uppercase.
    pub first_upper: bool,
    /// Whether every character is an ASCII letter.
    pub ascii: bool,
    /// Whether the text has the shape of a Vietnamese syllable (onset,
    /// vowels, coda; letters only).
    pub vn: bool,
}

/// Hashes the key of a syllable (or any token text).
pub(crate) fn key_info(s: &str) -> KeyInfo {
    let table = &*TONE_TABLE;
    let mut h: u64 = 0x51_7cc1_b727_220a;
    let mut tone = 0u32;
    let mut letters = 0;
    let mut upper = 0;
    let mut first_upper = false;
    let mut ascii = true;
    let mut buf = ['\0'; 8];
    let mut only_letters = true;
    for c in s.chars() {
        let cp = c as u32;
        let (base, t, up) = if cp < 0x80 {
            let b = c as u8;
            if b.is_ascii_uppercase() {
                ((b | 0x20) as u32, 0, true)
            } else {
                ascii &= b.is_ascii_lowercase();
                (b as u32, 0, false)
            }
        } else if (TABLE_LO..TABLE_HI).contains(&cp) {
            ascii = false;
            let e = table[(cp - TABLE_LO) as usize];
            let up = c.is_uppercase();
            (e & 0x1F_FFFF, e >> 24, up)
        } else if let Some(tn) = tone_of_mark(c) {
            // A decomposed tone mark: hashed apart like a precomposed one.
            ascii = false;
            tone = tn;
            continue;
        } else if crate::token::is_invisible(c) {
            continue;
        } else {
            ascii = false;
            let up = c.is_uppercase();
            let l = if up {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                c
            };
            (l as u32, 0, up)
        };
        if letters == 0 {
            first_upper = up;
        }
        if let Some(b) = char::from_u32(base).filter(|_| (letters as usize) < buf.len()) {
            buf[letters as usize] = b;
        }
        only_letters &= char::from_u32(base).is_some_and(char::is_alphabetic);
        letters += 1;
        upper += up as u32;
        if t != 0 {
            tone = t;
        }
        h = mix(h, base as u64);
    }
    KeyInfo {
        hash: finish(mix(h, 0x100 + tone as u64)),
        letters,
        upper,
        first_upper,
        ascii,
        vn: only_letters
            && letters > 0
            && (letters as usize) <= buf.len()
            && is_vn_shape(&buf[..letters as usize]),
    }
}

const ONSETS: [&str; 28] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];
const CODAS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

/// Whether lowercase toneless letters form onset + 1–3 vowels + coda.
fn is_vn_shape(cs: &[char]) -> bool {
    let starts = |cs: &[char], p: &str| {
        let mut n = 0;
        for pc in p.chars() {
            if cs.get(n) != Some(&pc) {
                return None;
            }
            n += 1;
        }
        Some(n)
    };
    ONSETS.iter().any(|o| {
        let Some(n) = starts(cs, o) else { return false };
        let rest = &cs[n..];
        let v = rest.iter().take_while(|&&c| is_vowel(c)).count();
        (1..=3).contains(&v)
            && CODAS
                .iter()
                .any(|c| starts(&rest[v..], c) == Some(rest.len() - v))
    })
}

/// Hash of the key of one syllable.
#[inline]
pub(crate) fn key_hash(s: &str) -> u64 {
    key_info(s).hash
}

/// Hash of a sequence of syllable key hashes.
#[inline]
pub(crate) fn seq_hash(keys: &[u64]) -> u64 {
    let mut h = 0x2545_f491_4f6c_dd1d_u64;
    for &k in keys {
        h = combine(h, k);
    }
    h
}

/// Hash map of multi-syllable words (as hashes of their syllable keys).
#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicon {
    map: FxHashMap<u64, u8>,
}

impl Lexicon {
    /// Parses the embedded text form: one word a line, syllables separated by
    /// single spaces, then a TAB and the source flags as a decimal number.
    pub(crate) fn parse(text: &str) -> crate::Result<Lexicon> {
        let mut lex = Lexicon {
            map: FxHashMap::with_capacity_and_hasher(text.len() / 8, Default::default()),
        };
        let mut keys: Vec<u64> = Vec::with_capacity(MAX_WORD);
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() {
                continue;
            }
            let bad = || {
                crate::Error::new(
                    crate::ErrorKind::BadData { line: n + 1 },
                    "bad lexicon line",
                )
            };
            let (word, flags) = line.split_once('\t').ok_or_else(bad)?;
            let flags: u8 = flags.parse().map_err(|_| bad())?;
            keys.clear();
            keys.extend(word.split(' ').map(key_hash));
            lex.insert(&keys, flags & ANY_WORD);
        }
        Ok(lex)
    }

    /// Adds a word given as syllable key hashes (2..=MAX_WORD of them).
    pub(crate) fn insert(&mut self, keys: &[u64], flags: u8) {
        if keys.len() < 2 || keys.len() > MAX_WORD {
            return;
        }
        for n in 2..keys.len() {
            *self.map.entry(seq_hash(&keys[..n])).or_insert(0) |= PREFIX;
        }
        *self.map.entry(seq_hash(keys)).or_insert(0) |= flags;
    }

    /// Flags of the sequence whose running hash is `h` (0 when absent).
    #[inline]
    pub(crate) fn get(&self, h: u64) -> u8 {
        self.map.get(&h).copied().unwrap_or(0)
    }

    /// Number of entries (words and prefixes).
    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_placement_and_case_do_not_change_the_key() {
        assert_eq!(key_hash("hoà"), key_hash("hòa"));
        assert_eq!(key_hash("Thuỷ"), key_hash("thủy"));
        assert_eq!(key_hash("VIỆT"), key_hash("việt"));
        assert_eq!(key_hash("Vie\u{0323}\u{0302}t"), key_hash("việt"));
        assert_ne!(key_hash("hoà"), key_hash("hoa"));
        assert_ne!(key_hash("hoà"), key_hash("hoá"));
        assert_ne!(key_hash("đa"), key_hash("da"));
        assert_ne!(key_hash("ăn"), key_hash("an"));
    }

    #[test]
    fn casing_info() {
        let k = key_info("Việt");
        assert!(k.first_upper && k.upper == 1 && k.letters == 4 && !k.ascii);
        let k = key_info("UBND");
        assert!(k.ascii && k.upper == 4 && !k.vn);
        for s in [
            "nghiêng",
            "Gìn",
            "quốc",
            "khuya",
            "oẳn",
            "Trường",
            "gi",
            "ĐỒNG",
        ] {
            assert!(key_info(s).vn, "{s}");
        }
        for s in ["TP", "Covid", "xyz", "w", "bánhh", "ngoaiêu", "a1"] {
            assert!(!key_info(s).vn, "{s}");
        }
    }

    #[test]
    fn lexicon_prefixes() {
        let lex = Lexicon::parse("ban chấp hành\t1\nchấp hành\t3\n").unwrap();
        let k: Vec<u64> = ["Ban", "Chấp", "hành"]
            .iter()
            .map(|s| key_hash(s))
            .collect();
        assert_eq!(lex.get(seq_hash(&k[..2])), PREFIX);
        assert_eq!(lex.get(seq_hash(&k)), SRC_A);
        assert_eq!(lex.get(seq_hash(&k[1..])), SRC_A | SRC_B);
        assert!(Lexicon::parse("x y\tz\n").is_err());
    }
}
