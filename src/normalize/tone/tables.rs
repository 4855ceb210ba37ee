//! What the pass knows of each character, in tables indexed by bytes: an
//! [`Info`] word of bits (run, NFC-safety, vowel, tone, look-alike, …)
//! computed once from [`crate::chars`] and `unicode-normalization`, and
//! the byte classes and neighbour tables of the trigger scan.

use std::sync::LazyLock;

use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
use unicode_normalization::{is_nfc_quick, IsNormalized};

use crate::chars::{self, homoglyph, is_eth, is_exotic_space, is_invisible, Tone};

/// Character information bits.
pub(crate) type Info = u32;

// Character information bits.
pub(super) const RUN: Info = 1; // continues a run: letter, combining mark, ccc != 0
pub(super) const UNSAFE: Info = 1 << 1; // not NFC-stable on its own
pub(super) const TONECONS: Info = 1 << 2; // ASCII letter + Vietnamese marks (ń, ṭ, ñ)
pub(super) const HOMO: Info = 1 << 3; // ETH or a Cyrillic/Greek look-alike
pub(super) const ETH: Info = 1 << 4; // ETH proper (ð Ð Ɖ)
pub(super) const VOWEL: Info = 1 << 5; // a Vietnamese vowel letter (any tone, case)
pub(super) const TONED: Info = 1 << 6; // a precomposed vowel with a tone mark
pub(super) const MODIFIED: Info = 1 << 7; // ă â ê ô ơ ư
pub(super) const U_HORN: Info = 1 << 8; // ư
pub(super) const O_HORN: Info = 1 << 9; // ơ
pub(super) const INVIS: Info = 1 << 10; // invisible character
pub(super) const XSPACE: Info = 1 << 11; // exotic space
/// Has a canonical decomposition (other than a table letter).
pub(crate) const DECOMP: Info = 1 << 12;
/// A toned vowel whose mark may be misplaced depending on its neighbours:
/// toned and not one of `ă â ê ô ơ` (a toned `ư` included).
pub(super) const NEIGHBOURS: Info = 1 << 16;
/// Bits 13–15: which unmodified vowel, 0 otherwise: 1 + its position among
/// the unmodified vowels of [`chars::VOWELS`] (a e i o u y; the constants
/// below, checked by a test).
pub(super) const BASE_SHIFT: Info = 13;
pub(super) const A: Info = 1;
pub(super) const E: Info = 2;
pub(super) const I: Info = 3;
pub(super) const O: Info = 4;
pub(super) const U: Info = 5;
pub(super) const Y: Info = 6;

#[inline(always)]
pub(super) fn base_of(k: Info) -> Info {
    (k >> BASE_SHIFT) & 7
}

pub(super) fn base_bits(base: char) -> Info {
    let plain = chars::VOWELS.iter().filter(|v| v.is_ascii());
    plain
        .zip(1..)
        .find(|&(&v, _)| v == base)
        .map_or(0, |(_, n)| n << BASE_SHIFT)
}
/// Whether the vowel `v` followed by the unmodified vowel `n` forms a
/// rhyme that carries the tone mark on its first letter (`ai ao au ay eo
/// iu oi ui`: the second is a glide).
#[inline(always)]
pub(super) fn tone_first(v: Info, n: Info) -> bool {
    matches!(
        (v, n),
        (A, I) | (A, O) | (A, U) | (A, Y) | (E, O) | (I, U) | (O, I) | (U, I)
    )
}

/// Whether `v` then `n` is the open diphthong `ia` or `ua` (the mark on
/// the first letter when nothing follows).
#[inline(always)]
pub(super) fn open_pair(v: Info, n: Info) -> bool {
    matches!((v, n), (I, A) | (U, A))
}

/// Not NFC-stable on its own (mark, singleton, may compose with a neighbour).
pub(crate) const NOT_NFC: Info = UNSAFE;

pub(super) fn compute_info(c: char) -> Info {
    if let Some(l) = chars::letter(c) {
        let mut k = RUN;
        if chars::is_vowel(l.base) {
            k |= VOWEL | base_bits(l.base);
            if l.tone != Tone::Ngang {
                k |= TONED;
            }
            if !l.base.is_ascii() {
                k |= MODIFIED;
            }
            if l.base == 'ư' {
                k |= U_HORN;
            }
            if l.base == 'ơ' {
                k |= O_HORN;
            }
            if k & TONED != 0 && k & (MODIFIED | U_HORN) != MODIFIED {
                k |= NEIGHBOURS;
            }
        }
        return k;
    }
    let mut k = 0;
    let ccc = canonical_combining_class(c);
    let mark = unicode_normalization::char::is_combining_mark(c);
    if c.is_alphabetic() || ccc != 0 || mark {
        k |= RUN;
    }
    if ccc != 0 || mark || is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes {
        k |= UNSAFE;
    }
    if homoglyph(c).is_some() {
        k |= HOMO;
        if is_eth(c) {
            k |= ETH;
        }
    }
    let mut parts = ['\0'; 4];
    let mut n = 0;
    decompose_canonical(c, |d| {
        if n < 4 {
            parts[n] = d;
        }
        n += 1;
    });
    if n > 1 || parts[0] != c {
        k |= DECOMP;
    }
    if (2..=4).contains(&n)
        && parts[0].is_ascii_alphabetic()
        && parts[1..n]
            .iter()
            .all(|&m| Tone::from_mark(m).is_some() || chars::Modifier::from_mark(m).is_some())
    {
        k |= TONECONS;
    }
    if is_invisible(c) {
        k = (k & !RUN) | INVIS;
    }
    if is_exotic_space(c) {
        k = (k & !RUN) | XSPACE;
    }
    k
}

/// Set in every entry of [`Tables::after`]: a [`Tables::pair`] entry
/// with this bit is suspect whatever follows.
pub(super) const ANY: Info = 1 << 18;
/// Not in the byte-indexed table: look the character up with
/// [`info_non_ascii`] (never set together with other bits).
pub(super) const SLOW: Info = 1 << 17;

/// Start in [`Tables::vi`] of the 64-entry pages of three-byte characters:
/// U+1E00..U+1EFF (`E1 B8..BB xx`, four pages), U+2000..U+207F (`E2
/// 80..81 xx`, two pages), then a page of [`SLOW`] entries for all other
/// sequences of three or four bytes.
pub(super) const VI_PAGES: usize = 0x800;
pub(super) const VI_SLOW: usize = VI_PAGES + 6 * 64;

pub(super) struct Tables {
    pub(super) ascii: [Info; 128],
    /// Information of every byte as the first byte after a character:
    /// ASCII bytes as in `ascii`; any other byte has every bit set (it
    /// claims to start a vowel: a conservative answer, checked exactly
    /// later).
    pub(super) after: [Info; 256],
    /// Information of the characters of two and three bytes:
    /// U+0080..U+07FF at their code point, then the pages of three-byte characters (see [`VI_PAGES`]). A power-of-two
    /// size: masked indexes need no bounds check.
    pub(super) vi: Box<[Info; 0x1000]>,
    /// Indexed by `key = (lead & 0x3F) | (second & 0x3F) << 8`: for a
    /// two-byte character its index in `vi`, for a longer one the start of
    /// its page in `vi` (the third byte's low six bits select the entry).
    pub(super) page: Box<[u16; 0x4000]>,
    /// For [`next_trigger`]'s filter, indexed by `base << 8 | byte` where
    /// `base` is the unmodified vowel of a toned vowel (0 for `ư`) and
    /// `byte` the first byte after it: which information bits of the byte
    /// after that make the pair suspect. 0 when the next character is not
    /// a vowel (ASCII); [`VOWEL`] when it is a glide that closes a
    /// tone-first rhyme (`tài`, `vào`: suspect when a vowel follows);
    /// [`RUN`] for the open `ia`/`ua` (suspect when the run goes on);
    /// [`ANY`] otherwise (another vowel, or a byte that is not ASCII).
    pub(super) pair: Box<[Info; 0x800]>,
    /// [`Tables::pair`] without the shortcuts: [`ANY`] for every vowel and
    /// every byte that is not ASCII.
    pub(super) pair_plain: Box<[Info; 0x800]>,
    /// By first byte of a character of two to four bytes: the mask of
    /// the third byte's bits that select the entry in its [`Tables::vi`]
    /// page (bits 0–7: 0 for two bytes, 0x3F for more), the shift that
    /// brings the byte after the character to the bottom of a
    /// [`window`] (bits 8–15), and the length (bits 16–23).
    pub(super) lead: [u32; 256],
    /// Indexed by `base << 8 | byte before`: [`ANY`] for the `u` of `qu`
    /// and the `i` of `gi`, 0 otherwise.
    pub(super) onset: Box<[Info; 0x800]>,
    /// The class of each byte for [`walk_run`]: [`STEP_RUN`] for a byte
    /// that continues a run whatever follows (ASCII letters; continuation
    /// bytes; the first bytes of U+0100..U+01FF, Latin letters, and of
    /// U+0300..U+033F, combining marks), [`STEP_END`] for ASCII bytes that
    /// end a run, [`STEP_LOOK`] for first bytes of characters that must be
    /// looked up.
    pub(super) step: [u8; 256],
}

/// See [`Tables::step`].
pub(super) const STEP_LOOK: u8 = 2;
/// See [`Tables::step`].
pub(super) const STEP_RUN: u8 = 1;
/// See [`Tables::step`].
pub(super) const STEP_END: u8 = 0;

pub(super) static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut ascii = [0 as Info; 128];
    for (i, a) in ascii.iter_mut().enumerate() {
        let b = i as u8;
        if b.is_ascii_alphabetic() {
            *a = RUN;
            if chars::is_vowel((b | 0x20) as char) {
                *a |= VOWEL | base_bits((b | 0x20) as char);
            }
        }
    }
    let mut after = [!0; 256];
    for (a, &k) in after.iter_mut().zip(&ascii) {
        *a = k | ANY;
    }
    let mut pair = Box::new([ANY; 0x800]);
    let mut pair_plain = Box::new([ANY; 0x800]);
    let mut onset = Box::new([0 as Info; 0x800]);
    for v in 0..8 {
        for (y, &next) in ascii.iter().enumerate() {
            let (plain, short) = if next & VOWEL == 0 {
                (0, 0)
            } else {
                let nb = base_of(next);
                let short = if v == 0 {
                    0 // ư before an ASCII vowel: not before ơ
                } else if tone_first(v, nb) {
                    VOWEL
                } else if open_pair(v, nb) {
                    RUN
                } else {
                    ANY
                };
                (ANY, short)
            };
            let at = (v as usize) << 8 | y;
            pair[at] = short;
            pair_plain[at] = plain;
            if matches!((v, y as u8 | 0x20), (U, b'q') | (I, b'g')) {
                onset[at] = ANY;
            }
        }
    }
    let full = |cp: u32| char::from_u32(cp).map_or(0, compute_info);
    let mut vi = Box::new([0 as Info; 0x1000]);
    for (k, v) in vi[..0x800].iter_mut().enumerate() {
        *v = full(k as u32);
    }
    let mut page = Box::new([VI_SLOW as u16; 0x4000]);
    for lead in 0xC2..0xE0usize {
        for second in 0x80..0xC0usize {
            page[(lead & 0x3F) | ((second & 0x3F) << 8)] =
                (((lead & 0x1F) << 6) | (second & 0x3F)) as u16;
        }
    }
    vi[VI_SLOW..VI_SLOW + 64].fill(SLOW);
    let pages = [
        (0xE1, 0xB8),
        (0xE1, 0xB9),
        (0xE1, 0xBA),
        (0xE1, 0xBB),
        (0xE2, 0x80),
        (0xE2, 0x81),
    ];
    for (p, &(lead, second)) in pages.iter().enumerate() {
        let start = VI_PAGES + 64 * p;
        page[(lead & 0x3F) | ((second & 0x3F) << 8)] = start as u16;
        let first = ((lead as u32 & 0x0F) << 12) | ((second as u32 & 0x3F) << 6);
        for (k, v) in vi[start..start + 64].iter_mut().enumerate() {
            *v = full(first + k as u32);
        }
    }
    let mut step = [STEP_LOOK; 256];
    for (x, v) in step.iter_mut().enumerate() {
        if x < 0x80 {
            *v = if ascii[x] & RUN != 0 {
                STEP_RUN
            } else {
                STEP_END
            };
        } else if x < 0xC0 {
            *v = STEP_RUN;
        }
    }
    for lead in [0xC4, 0xC5, 0xC6, 0xC7, 0xCC] {
        step[lead] = STEP_RUN;
    }
    let mut lead = [0u32; 256];
    for (x, v) in lead.iter_mut().enumerate() {
        let len = if x >= 0xF0 {
            4
        } else if x >= 0xE0 {
            3
        } else {
            2
        };
        let mask = if len > 2 { 0x3F } else { 0 };
        *v = mask | (8 * (len + 1)) << 8 | len << 16;
    }
    Tables {
        ascii,
        after,
        lead,
        pair,
        pair_plain,
        onset,
        vi,
        page,
        step,
    }
});

/// Information and byte length of the character at `i` (valid UTF-8).
#[inline(always)]
pub(super) fn info_at(t: &Tables, b: &[u8], i: usize) -> (Info, usize) {
    let x = b[i];
    if x < 0x80 {
        return (t.ascii[x as usize], 1);
    }
    info_non_ascii(t, b, i)
}

/// Index in [`Tables::vi`] and byte length of the non-ASCII character
/// whose first three bytes are the low bytes of `w`, decided without a
/// branch; an index in the [`SLOW`] page (and some length) for sequences
/// outside the table.
#[inline(always)]
pub(super) fn vi_index(t: &Tables, w: u32) -> (usize, usize) {
    let (idx, lead) = vi_entry(t, w);
    (idx, (lead >> 16) as usize)
}

/// [`vi_index`] with the whole [`Tables::lead`] entry of the first byte
/// instead of the length.
#[inline(always)]
pub(super) fn vi_entry(t: &Tables, w: u32) -> (usize, u32) {
    let lead = t.lead[(w & 0xFF) as usize];
    let third = (w >> 16) & lead & 0xFF;
    let idx = usize::from(t.page[(w & 0x3F3F) as usize]) + third as usize;
    (idx & 0xFFF, lead)
}

/// [`info_at`] for a character that is not ASCII (exact: never [`SLOW`]).
#[inline(always)]
pub(super) fn info_non_ascii(t: &Tables, b: &[u8], i: usize) -> (Info, usize) {
    let x = b[i] as usize;
    let c1 = b[i + 1] as usize;
    if x < 0xE0 {
        return (t.vi[((x & 0x1F) << 6) | (c1 & 0x3F)], 2);
    }
    let c2 = b[i + 2] as usize;
    if x < 0xF0 {
        let (idx, _) = vi_index(t, u32::from_le_bytes([x as u8, c1 as u8, c2 as u8, 0]));
        if t.vi[idx] & SLOW == 0 {
            return (t.vi[idx], 3);
        }
        let cp = (((x & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F)) as u32;
        let k = if (0x3040..0x3099).contains(&cp) || (0x30A0..0xA000).contains(&cp) {
            RUN // kana and CJK ideographs: letters, NFC-stable
        } else {
            char::from_u32(cp).map_or(0, compute_info)
        };
        return (k, 3);
    }
    let cp = ((x as u32 & 0x07) << 18)
        | ((c1 as u32 & 0x3F) << 12)
        | ((c2 as u32 & 0x3F) << 6)
        | (b[i + 3] as u32 & 0x3F);
    (char::from_u32(cp).map_or(0, compute_info), 4)
}

/// Entries of [`Tables::vi`] (the range of [`entry_at`]'s index).
pub(crate) const ENTRIES: usize = 0x1000;

/// For the non-ASCII character at byte `i` of `b` (valid UTF-8): its index
/// among the [`ENTRIES`] of the byte-indexed table (0, the entry of U+0000,
/// when it has none), its exact information bits and its length. For
/// tables kept beside this one, such as `fold`'s.
#[inline(always)]
pub(crate) fn entry_at(b: &[u8], i: usize) -> (usize, Info, usize) {
    let t: &Tables = &TABLES;
    let w = match b.get(i..i + 4) {
        Some(&[x, c1, c2, _]) => [x, c1, c2, 0],
        _ => [
            b[i],
            b.get(i + 1).copied().unwrap_or(0),
            b.get(i + 2).copied().unwrap_or(0),
            0,
        ],
    };
    let (idx, len) = vi_index(t, u32::from_le_bytes(w));
    let k = t.vi[idx];
    if k & SLOW != 0 {
        let (k, len) = info_non_ascii(t, b, i);
        return (0, k, len);
    }
    (idx, k, len)
}
