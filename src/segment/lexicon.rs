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

use crate::chars::is_vowel;

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

const LEX_MAGIC: &[u8; 8] = b"VNLEX\x00\x02\x00";

/// Longest lexicon entry considered, in syllables.
pub(crate) const MAX_WORD: usize = 8;

const K: u64 = 0xf135_7aea_2e62_a9c5;

/// The tone table covers Latin-1 Supplement and Latin Extended-A/B
/// (`RANGE_A`) and the Vietnamese part of Latin Extended Additional
/// (`RANGE_B`): 496 entries, 2 KB, so it stays in L1 cache.
const RANGE_A: std::ops::Range<u32> = 0xC0..0x250;
const RANGE_B: std::ops::Range<u32> = 0x1EA0..0x1F00;

/// Index of `cp` in the tone table.
#[inline]
fn table_index(cp: u32) -> Option<usize> {
    if RANGE_A.contains(&cp) {
        Some((cp - RANGE_A.start) as usize)
    } else if RANGE_B.contains(&cp) {
        Some((cp - RANGE_B.start) as usize + RANGE_A.len())
    } else {
        None
    }
}

/// For every code point of the two ranges: the lowercase letter with
/// its tone mark removed (low 21 bits), the tone 0–5 (bits 24..27), whether
/// it is uppercase (bit 28) and whether it is a letter (bit 29).
/// Derived from Unicode decomposition at first use, not written out by hand.
static TONE_TABLE: LazyLock<Vec<u32>> = LazyLock::new(|| {
    use unicode_normalization::char::{compose, decompose_canonical};
    let mut t = Vec::with_capacity(RANGE_A.len() + RANGE_B.len());
    for cp in RANGE_A.chain(RANGE_B) {
        let Some(c) = char::from_u32(cp) else {
            t.push(cp);
            continue;
        };
        let up = c.is_uppercase() as u32;
        let alpha = (c.is_alphabetic() && cp != 0xD7 && cp != 0xF7) as u32;
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
        t.push(base as u32 | (tone << 24) | (up << 28) | (alpha << 29));
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
    key_info_impl(s, true)
}

/// [`key_info`] without composing combining marks first.
fn key_info_raw(s: &str) -> KeyInfo {
    key_info_impl(s, false)
}

fn key_info_impl(s: &str, compose: bool) -> KeyInfo {
    let table = &*TONE_TABLE;
    let mut h: u64 = 0x51_7cc1_b727_220a;
    let mut tone = 0u32;
    let mut letters = 0u32;
    let mut upper = 0u32;
    let mut first_upper = false;
    let mut ascii = true;
    let mut buf = [0u32; 8];
    let mut only_letters = true;
    let b = s.as_bytes();
    let mut i = 0;
    // Bytes are decoded by hand (the input is valid UTF-8): this loop runs
    // once per letter of every syllable.
    while i < b.len() {
        let x = b[i];
        let (base, t, up) = if x < 0x80 {
            i += 1;
            if x.is_ascii_uppercase() {
                ((x | 0x20) as u32, 0, true)
            } else {
                ascii &= x.is_ascii_lowercase();
                only_letters &= x.is_ascii_lowercase();
                (x as u32, 0, false)
            }
        } else {
            ascii = false;
            let cont = |k: usize| (b.get(i + k).copied().unwrap_or(0x80) & 0x3F) as u32;
            let (cp, len) = if x < 0xE0 {
                (((x & 0x1F) as u32) << 6 | cont(1), 2)
            } else if x < 0xF0 {
                (((x & 0x0F) as u32) << 12 | cont(1) << 6 | cont(2), 3)
            } else {
                (
                    ((x & 0x07) as u32) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3),
                    4,
                )
            };
            i += len;
            if let Some(ix) = table_index(cp) {
                let e = table[ix];
                only_letters &= e & (1 << 29) != 0;
                (e & 0x1F_FFFF, (e >> 24) & 7, e & (1 << 28) != 0)
            } else if compose && (0x300..0x370).contains(&cp) {
                // Decomposed text (rare): compose it and start again.
                use unicode_normalization::UnicodeNormalization;
                let composed: String = s.nfc().collect();
                if composed
                    .chars()
                    .any(|c| (0x300..0x370).contains(&(c as u32)))
                {
                    // Marks that do not compose: hash them as they are.
                    return key_info_raw(&composed);
                }
                return key_info(&composed);
            } else {
                let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
                if crate::token::is_invisible(c) {
                    continue;
                }
                only_letters &= c.is_alphabetic();
                let up = c.is_uppercase();
                let l = if up {
                    c.to_lowercase().next().unwrap_or(c)
                } else {
                    c
                };
                (l as u32, 0, up)
            }
        };
        if letters == 0 {
            first_upper = up;
        }
        if (letters as usize) < buf.len() {
            buf[letters as usize] = base;
        }
        letters += 1;
        upper += up as u32;
        if t != 0 {
            tone = t;
        }
        h = mix(h, base as u64);
    }
    let vn = only_letters && letters > 0 && (letters as usize) <= buf.len() && {
        let mut cs = ['\0'; 8];
        for (c, &u) in cs.iter_mut().zip(&buf[..letters as usize]) {
            *c = char::from_u32(u).unwrap_or('\0');
        }
        is_vn_shape(&cs[..letters as usize])
    };
    KeyInfo {
        hash: finish(mix(h, 0x100 + tone as u64)),
        letters,
        upper,
        first_upper,
        ascii,
        vn,
    }
}

/// Whether lowercase toneless letters form onset + 1–3 vowels + coda.
///
/// A looser test than [`crate::syllable::is_syllable`] (any 1–3 vowels make
/// a nucleus, so unmarked `Nguyen` or `tien` pass): it is a feature of the
/// trained model. Retraining with `is_syllable` in its place was measured
/// (Nov 2026): VTB test F1 97.76 instead of 97.82, TueCL 91.90 instead of
/// 92.04, so the shape test stays; its vowels come from [`crate::chars`].
fn is_vn_shape(cs: &[char]) -> bool {
    let at = |i: usize| cs.get(i).copied().unwrap_or('\0');
    // The longest onset is the only candidate, except that "gi" may also be
    // "g" + the vowel "i" (gìn).
    let onset = match (at(0), at(1), at(2)) {
        ('n', 'g', 'h') => 3,
        ('n', 'g' | 'h', _)
        | ('c' | 'g' | 'k' | 'p' | 't', 'h', _)
        | ('g', 'i', _)
        | ('q', 'u', _)
        | ('t', 'r', _) => 2,
        (
            'b' | 'c' | 'd' | 'đ' | 'g' | 'h' | 'k' | 'l' | 'm' | 'n' | 'p' | 'r' | 's' | 't' | 'v'
            | 'x',
            _,
            _,
        ) => 1,
        (v, _, _) if is_vowel(v) => 0,
        _ => return false,
    };
    let rest_ok = |rest: &[char]| {
        let v = rest.iter().take_while(|&&c| is_vowel(c)).count();
        (1..=3).contains(&v)
            && matches!(
                rest[v..],
                [] | ['c'] | ['c', 'h'] | ['m'] | ['n'] | ['n', 'g'] | ['n', 'h'] | ['p'] | ['t']
            )
    };
    rest_ok(&cs[onset..]) || (onset == 2 && at(0) == 'g' && at(1) == 'i' && rest_ok(&cs[1..]))
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

/// Multi-syllable words (as hashes of their syllable keys) in a compact
/// open-addressing table: each 16-bit slot is a 12-bit fingerprint of the
/// hash and 4 bits of flags (0 = empty), so the embedded lexicon takes 256 KB
/// and a lookup is usually one cache line. A fingerprint collision (about 1
/// lookup in 1,000 of an absent sequence) reads another entry's flags; the
/// model was trained with the same table.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicon {
    slots: Vec<u16>,
    mask: usize,
}

/// A [`Lexicon`] being built.
#[derive(Clone, Debug, Default)]
pub(crate) struct LexiconBuilder {
    map: FxHashMap<u64, u8>,
}

impl LexiconBuilder {
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

    /// The compact table.
    pub(crate) fn build(self) -> Lexicon {
        let cap = (self.map.len() * 3 + 16).next_power_of_two();
        let mut lex = Lexicon {
            slots: vec![0; cap],
            mask: cap - 1,
        };
        // Insert in a fixed order so the table is the same on every load.
        let mut entries: Vec<(u64, u8)> = self.map.into_iter().collect();
        entries.sort_unstable();
        for (h, f) in entries {
            let fp = Lexicon::fingerprint(h);
            let mut i = h as usize & lex.mask;
            loop {
                let e = lex.slots[i];
                if e == 0 {
                    lex.slots[i] = fp << 4 | f as u16;
                    break;
                }
                if e >> 4 == fp {
                    lex.slots[i] |= f as u16;
                    break;
                }
                i = (i + 1) & lex.mask;
            }
        }
        lex
    }
}

impl Lexicon {
    #[inline]
    fn fingerprint(h: u64) -> u16 {
        (h >> 52) as u16
    }

    /// Parses the embedded text form: one word a line, syllables separated by
    /// single spaces, then a TAB and the source flags as a decimal number.
    pub(crate) fn parse(text: &str) -> crate::Result<Lexicon> {
        let mut b = LexiconBuilder {
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
            b.insert(&keys, flags & ANY_WORD);
        }
        Ok(b.build())
    }

    /// The table as bytes: magic, slot count, slots (little-endian u16).
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(12 + 2 * self.slots.len());
        out.extend_from_slice(LEX_MAGIC);
        out.extend_from_slice(&(self.slots.len() as u32).to_le_bytes());
        for s in &self.slots {
            out.extend_from_slice(&s.to_le_bytes());
        }
        out
    }

    /// Reads what [`Lexicon::to_bytes`] wrote.
    pub(crate) fn from_bytes(b: &[u8]) -> crate::Result<Lexicon> {
        let bad = || crate::Error::new(crate::ErrorKind::BadData { line: 0 }, "bad lexicon file");
        if b.len() < 12 || &b[..8] != LEX_MAGIC {
            return Err(bad());
        }
        let n = u32::from_le_bytes([b[8], b[9], b[10], b[11]]) as usize;
        if !n.is_power_of_two() || b.len() != 12 + 2 * n {
            return Err(bad());
        }
        let slots: Vec<u16> = b[12..]
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        if !slots.contains(&0) {
            // A full table would make lookups of absent keys loop forever.
            return Err(bad());
        }
        Ok(Lexicon { slots, mask: n - 1 })
    }

    /// Flags of the sequence whose running hash is `h` (0 when absent).
    #[inline]
    pub(crate) fn get(&self, h: u64) -> u8 {
        if self.slots.is_empty() {
            return 0;
        }
        let fp = Self::fingerprint(h);
        let mut i = h as usize & self.mask;
        loop {
            let e = self.slots[i];
            if e == 0 {
                return 0;
            }
            if e >> 4 == fp {
                return (e & 15) as u8;
            }
            i = (i + 1) & self.mask;
        }
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
        assert_eq!(lex.get(12345), 0);
        let k: Vec<u64> = ["Ban", "Chấp", "hành"]
            .iter()
            .map(|s| key_hash(s))
            .collect();
        assert_eq!(lex.get(seq_hash(&k[..2])), PREFIX);
        assert_eq!(lex.get(seq_hash(&k)), SRC_A);
        assert_eq!(lex.get(seq_hash(&k[1..])), SRC_A | SRC_B);
        assert!(Lexicon::parse("x y\tz\n").is_err());
        let back = Lexicon::from_bytes(&lex.to_bytes()).unwrap();
        assert_eq!(back.slots, lex.slots);
        assert!(Lexicon::from_bytes(&lex.to_bytes()[..20]).is_err());
    }
}
