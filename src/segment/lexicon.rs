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

use crate::chars::{self, is_vowel};

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

/// The two blocks of precomposed Vietnamese letters (as in [`crate::chars`]).
const BLOCK_A: std::ops::Range<u32> = 0xC0..0x1B1;
const BLOCK_B: std::ops::Range<u32> = 0x1EA0..0x1EFA;

/// For every code point of the two blocks, from [`chars::letter`]: 0 when
/// it is not a Vietnamese letter, else the untoned lower-case letter (low
/// 21 bits), the tone index 1–5 (bits 24..27, 0 for the level tone) and
/// whether it is upper case (bit 28). 742 entries, 3 KB.
static LETTERS: LazyLock<Vec<u32>> = LazyLock::new(|| {
    BLOCK_A
        .chain(BLOCK_B)
        .map(|cp| {
            char::from_u32(cp).and_then(chars::letter).map_or(0, |l| {
                l.base as u32 | (l.tone.index() as u32) << 24 | (l.upper as u32) << 28
            })
        })
        .collect()
});

/// The [`LETTERS`] entry of `cp` (0 outside the two blocks).
#[inline]
fn letter_entry(cp: u32) -> u32 {
    let ix = if BLOCK_A.contains(&cp) {
        (cp - BLOCK_A.start) as usize
    } else if BLOCK_B.contains(&cp) {
        (cp - BLOCK_B.start) as usize + BLOCK_A.len()
    } else {
        return 0;
    };
    LETTERS.get(ix).copied().unwrap_or(0)
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

const SEED: u64 = 0x51_7cc1_b727_220a;

/// The hash of a key written out ([`crate::key`]): every character mixed
/// in turn. [`key_info`] gives the same hash without writing the key.
pub(crate) fn hash_key_str(k: &str) -> u64 {
    finish(k.chars().fold(SEED, |h, c| mix(h, c as u64)))
}

/// Hashes the key of a syllable (or any token text): the hash of
/// [`crate::key::key`]`(s)` by [`hash_key_str`], computed in one pass over
/// the bytes for ASCII and precomposed Vietnamese letters (the letters'
/// bases and tones come from [`chars::letter`] through [`LETTERS`]), and
/// through [`crate::key::push_key`] for anything else (combining marks,
/// invisible characters, other scripts).
pub(crate) fn key_info(s: &str) -> KeyInfo {
    let mut h = SEED;
    let mut tone = 0u32;
    let mut letters = 0u32;
    let mut upper = 0u32;
    let mut first_upper = false;
    let mut ascii = true;
    let mut only_letters = true;
    let mut buf = ['\0'; 8];
    let b = s.as_bytes();
    let mut i = 0;
    // Bytes are decoded by hand (the input is valid UTF-8): this loop runs
    // once per letter of every syllable.
    while i < b.len() {
        let x = b[i];
        let (base, up) = if x < 0x80 {
            i += 1;
            if !x.is_ascii_alphabetic() {
                // Kept as it is in the key; not a letter.
                ascii = false;
                only_letters = false;
                h = mix(h, x as u64);
                continue;
            }
            ((x | 0x20) as char, x.is_ascii_uppercase())
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
            let e = letter_entry(cp);
            if e == 0 {
                return key_info_slow(s);
            }
            i += len;
            let t = (e >> 24) & 7;
            if t != 0 {
                tone = t;
            }
            (
                char::from_u32(e & 0x1F_FFFF).unwrap_or('\0'),
                e & (1 << 28) != 0,
            )
        };
        if letters == 0 {
            first_upper = up;
        }
        if let Some(slot) = buf.get_mut(letters as usize) {
            *slot = base;
        }
        letters += 1;
        upper += up as u32;
        h = mix(h, base as u64);
    }
    if tone != 0 {
        h = mix(h, ('0' as u32 + tone) as u64);
    }
    let n = letters as usize;
    KeyInfo {
        hash: finish(h),
        letters,
        upper,
        first_upper,
        ascii,
        vn: only_letters && n > 0 && n <= buf.len() && is_vn_shape(&buf[..n]),
    }
}

/// [`key_info`] through the key written out.
fn key_info_slow(s: &str) -> KeyInfo {
    let mut k = String::with_capacity(s.len() + 1);
    let case = crate::key::push_key(s, &mut k);
    // The body of the key: without the tone digit (a word with a digit of
    // its own is never Vietnamese anyway).
    let body = if s.bytes().any(|b| b.is_ascii_digit()) {
        k.as_str()
    } else {
        k.trim_end_matches(['1', '2', '3', '4', '5'])
    };
    let mut cs = ['\0'; 8];
    let mut n = 0;
    let mut vn = true;
    for c in body.chars() {
        let is_base = chars::letter(c).is_some_and(|l| l.base == c && l.tone == chars::Tone::Ngang);
        match cs.get_mut(n) {
            Some(slot) if is_base => *slot = c,
            _ => vn = false,
        }
        n += 1;
    }
    KeyInfo {
        hash: hash_key_str(&k),
        letters: case.letters,
        upper: case.upper,
        first_upper: case.first_upper,
        ascii: s.bytes().all(|b| b.is_ascii_alphabetic()),
        vn: vn && n > 0 && is_vn_shape(&cs[..n]),
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

/// The running hash of an empty sequence of syllables.
pub(crate) const SEQ_SEED: u64 = 0x2545_f491_4f6c_dd1d;

/// The running hash of a sequence extended by one syllable key: one
/// multiplication (the keys are already well mixed, and the table reads
/// the top bits of the product).
#[inline(always)]
pub(crate) fn step(h: u64, key: u64) -> u64 {
    (h.rotate_left(26) ^ key).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Hash of a sequence of syllable key hashes.
#[cfg(test)]
pub(crate) fn seq_hash(keys: &[u64]) -> u64 {
    keys.iter().fold(SEQ_SEED, |h, &k| step(h, k))
}

const LEX_MAGIC: &[u8; 8] = b"VNLEX\x00\x03\x00";

/// Multi-syllable words (as hashes of their syllable keys) in a compact
/// open-addressing table: each 16-bit slot is a 12-bit fingerprint of the
/// hash and 4 bits of flags (0 = empty), so the embedded lexicon takes 256 KB
/// and a lookup is usually one cache line. The slot is taken from the top
/// bits of the hash, the fingerprint from bits 20–31. A fingerprint
/// collision (about 1 lookup in 1,000 of an absent sequence) reads another
/// entry's flags; the model was trained with the same table.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicon {
    slots: Vec<u16>,
    /// 64 − log2 of the number of slots.
    shift: u32,
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
        let mut h = step(SEQ_SEED, keys[0]);
        for (n, &k) in keys.iter().enumerate().skip(1) {
            h = step(h, k);
            let f = if n + 1 == keys.len() { flags } else { PREFIX };
            *self.map.entry(h).or_insert(0) |= f;
        }
    }

    /// The compact table.
    pub(crate) fn build(self) -> Lexicon {
        let cap = (self.map.len() * 3 + 16).next_power_of_two();
        let mut lex = Lexicon {
            slots: vec![0; cap],
            shift: 64 - cap.trailing_zeros(),
        };
        // Insert in a fixed order so the table is the same on every load.
        let mut entries: Vec<(u64, u8)> = self.map.into_iter().collect();
        entries.sort_unstable();
        let mask = cap - 1;
        for (h, f) in entries {
            let fp = Lexicon::fingerprint(h);
            let mut i = lex.slot(h);
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
                i = (i + 1) & mask;
            }
        }
        lex
    }
}

impl Lexicon {
    #[inline(always)]
    fn fingerprint(h: u64) -> u16 {
        (h >> 20) as u16 & 0xFFF
    }

    #[inline(always)]
    fn slot(&self, h: u64) -> usize {
        (h >> self.shift) as usize
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
                    format!("lexicon line {}: expected WORDS<TAB>FLAGS", n + 1),
                )
            };
            let (word, flags) = line.split_once('\t').ok_or_else(bad)?;
            let flags: u8 = flags.parse().map_err(|_| bad())?;
            if flags & ANY_WORD == 0 || flags & !ANY_WORD != 0 {
                return Err(bad());
            }
            keys.clear();
            keys.extend(word.split(' ').map(key_hash));
            b.insert(&keys, flags);
        }
        Ok(b.build())
    }

    /// The table as a framed file (see [`super::blob`]): slot count, slots
    /// (little-endian u16).
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut p = Vec::with_capacity(4 + 2 * self.slots.len());
        p.extend_from_slice(&(self.slots.len() as u32).to_le_bytes());
        for s in &self.slots {
            p.extend_from_slice(&s.to_le_bytes());
        }
        super::blob::wrap(LEX_MAGIC, &p)
    }

    /// Reads what [`Lexicon::to_bytes`] wrote; `what` names the file in
    /// the error.
    pub(crate) fn from_bytes(b: &[u8], what: &str) -> crate::Result<Lexicon> {
        let b = super::blob::open(LEX_MAGIC, b, what)?;
        let bad = || {
            crate::Error::new(
                crate::ErrorKind::BadData { line: 0 },
                format!("{what}: bad lexicon table"),
            )
        };
        let (n, rest) = b.split_at_checked(4).ok_or_else(bad)?;
        let n = u32::from_le_bytes([n[0], n[1], n[2], n[3]]) as usize;
        if !n.is_power_of_two() || n < 2 || rest.len() != 2 * n {
            return Err(bad());
        }
        let slots: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        if !slots.contains(&0) {
            // A full table would make lookups of absent keys loop forever.
            return Err(bad());
        }
        Ok(Lexicon {
            slots,
            shift: 64 - n.trailing_zeros(),
        })
    }

    /// Flags of the sequence whose running hash is `h` (0 when absent).
    #[inline]
    pub(crate) fn get(&self, h: u64) -> u8 {
        if self.slots.is_empty() {
            return 0;
        }
        let mask = self.slots.len() - 1;
        let fp = Self::fingerprint(h);
        let mut i = self.slot(h);
        loop {
            let e = self.slots[i & mask];
            if e == 0 {
                return 0;
            }
            if e >> 4 == fp {
                return (e & 15) as u8;
            }
            i = (i & mask) + 1;
        }
    }

    /// Number of words and prefixes stored.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.slots.iter().filter(|&&s| s != 0).count()
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
    fn the_hash_is_the_hash_of_the_key() {
        for w in [
            "hoà",
            "Hòa",
            "NGUYỄN",
            "Nguye\u{0303}\u{0302}n",
            "Tỉ\u{00AD}nh",
            "Ñandú",
            "ПУТИН",
            "Ðặng",
            "covid-19",
            "TP.HCM",
            "a1",
            "x×y",
            "",
            "ờ",
            "ƯỚC",
            "đ",
        ] {
            let k = crate::key::key(w);
            assert_eq!(key_info(w).hash, hash_key_str(&k), "{w} ({k})");
        }
        // Every precomposed letter alone and after an ASCII letter.
        for cp in BLOCK_A.chain(BLOCK_B) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            for w in [c.to_string(), format!("t{c}n")] {
                assert_eq!(key_info(&w).hash, hash_key_str(&crate::key::key(&w)), "{w}");
            }
        }
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
        assert_eq!(lex.len(), 3);
        assert_eq!(lex.get(12345), 0);
        let k: Vec<u64> = ["Ban", "Chấp", "hành"]
            .iter()
            .map(|s| key_hash(s))
            .collect();
        assert_eq!(lex.get(seq_hash(&k[..2])), PREFIX);
        assert_eq!(lex.get(seq_hash(&k)), SRC_A);
        assert_eq!(lex.get(seq_hash(&k[1..])), SRC_A | SRC_B);
        assert!(Lexicon::parse("x y\tz\n").is_err());
        assert!(Lexicon::parse("x y\t0\n").is_err());
        assert!(Lexicon::parse("x y\t9\n").is_err());
        assert!(Lexicon::parse("x y\n").is_err());
        let back = Lexicon::from_bytes(&lex.to_bytes(), "t").unwrap();
        assert_eq!(back.slots, lex.slots);
        assert!(Lexicon::from_bytes(&lex.to_bytes()[..20], "t").is_err());
    }
}
