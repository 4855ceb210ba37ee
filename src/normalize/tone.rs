//! The character pass: NFC, tone placement, repair and look-alike
//! substitution in one scan over the text.
//!
//! The text consists of maximal *runs* of letters and combining marks and the
//! separators between them. The scan looks at each character once through a
//! table and only stops on a *trigger*:
//! * a character that is not NFC-stable (a combining mark, a singleton);
//! * a precomposed consonant with a tone mark (`ń`, `ṭ`: possible repair);
//! * a look-alike letter (ETH, Cyrillic, Greek) when that cleanup is on;
//! * an invisible character or exotic space when that cleanup is on;
//! * a toned vowel whose mark may be on the wrong letter: an unmodified vowel
//!   next to another vowel (where the styles differ, hoà/hòa, or a mark is
//!   misplaced, tíên), or `ư` before `ơ`. A toned `ă â ê ô ơ` (or `ư`
//!   elsewhere) or an isolated toned vowel is where both styles put it; two
//!   toned letters in one syllable always produce one of the triggers above.
//!
//! Only the run around a trigger is parsed as a syllable and re-rendered;
//! the output is allocated at the first run that actually changes. Clean
//! text is thus scanned without allocation.

use std::cell::RefCell;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::chars::{self, homoglyph, is_eth, is_exotic_space, is_invisible, Tone};
use crate::syllable::{Syllable, ToneStyle};

/// Settings of the pass.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RunOptions {
    pub style: ToneStyle,
    pub eth: bool,
    pub homoglyphs: bool,
    /// Stop (return [`Pass::NeedsClean`]) on invisible characters.
    pub invisible: bool,
    /// Stop on exotic spaces.
    pub spaces: bool,
    /// Skip the parse for toned vowels in patterns known to be placed
    /// (always on; off only to test that it changes nothing).
    pub shortcuts: bool,
}

/// Result of [`process`].
pub(crate) enum Pass {
    /// Nothing changes.
    Unchanged,
    /// The rewritten text.
    Changed(String),
    /// The text holds characters the cleanup removes or replaces: run it
    /// first, then this pass again with those switches off.
    NeedsClean,
}

/// Character information bits.
pub(crate) type Info = u32;

// Character information bits.
const RUN: Info = 1; // continues a run: letter, combining mark, ccc != 0
const UNSAFE: Info = 1 << 1; // not NFC-stable on its own
const TONECONS: Info = 1 << 2; // ASCII letter + Vietnamese marks (ń, ṭ, ñ)
const HOMO: Info = 1 << 3; // ETH or a Cyrillic/Greek look-alike
const ETH: Info = 1 << 4; // ETH proper (ð Ð Ɖ)
const VOWEL: Info = 1 << 5; // a Vietnamese vowel letter (any tone, case)
const TONED: Info = 1 << 6; // a precomposed vowel with a tone mark
const MODIFIED: Info = 1 << 7; // ă â ê ô ơ ư
const U_HORN: Info = 1 << 8; // ư
const O_HORN: Info = 1 << 9; // ơ
const INVIS: Info = 1 << 10; // invisible character
const XSPACE: Info = 1 << 11; // exotic space
/// Has a canonical decomposition (other than a table letter).
pub(crate) const DECOMP: Info = 1 << 12;
/// A toned vowel whose mark may be misplaced depending on its neighbours:
/// toned and not one of `ă â ê ô ơ` (a toned `ư` included).
const NEIGHBOURS: Info = 1 << 16;
/// Bits 13–15: which unmodified vowel, 0 otherwise: 1 + its position among
/// the unmodified vowels of [`chars::VOWELS`] (a e i o u y; the constants
/// below, checked by a test).
const BASE_SHIFT: Info = 13;
const A: Info = 1;
const E: Info = 2;
const I: Info = 3;
const O: Info = 4;
const U: Info = 5;
const Y: Info = 6;

#[inline(always)]
fn base_of(k: Info) -> Info {
    (k >> BASE_SHIFT) & 7
}

fn base_bits(base: char) -> Info {
    let plain = chars::VOWELS.iter().filter(|v| v.is_ascii());
    plain
        .zip(1..)
        .find(|&(&v, _)| v == base)
        .map_or(0, |(_, n)| n << BASE_SHIFT)
}
/// Not NFC-stable on its own (mark, singleton, may compose with a neighbour).
pub(crate) const NOT_NFC: Info = UNSAFE;

fn compute_info(c: char) -> Info {
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
const ANY: Info = 1 << 18;
/// Not in the byte-indexed table: look the character up with
/// [`info_non_ascii`] (never set together with other bits).
const SLOW: Info = 1 << 17;
/// Bits 24–31: the ASCII letter that folding makes of a precomposed
/// Vietnamese letter (0 otherwise); only in [`Tables::vi`].
const FOLD_SHIFT: u32 = 24;

/// Start in [`Tables::vi`] of the 64-entry pages of three-byte characters:
/// U+1E00..U+1EFF (`E1 B8..BB xx`, four pages), U+2000..U+207F (`E2
/// 80..81 xx`, two pages), then a page of [`SLOW`] entries for all other
/// sequences of three or four bytes.
const VI_PAGES: usize = 0x800;
const VI_SLOW: usize = VI_PAGES + 6 * 64;

struct Tables {
    ascii: [Info; 128],
    /// Information of every byte as the first byte after a character:
    /// ASCII bytes as in `ascii`; any other byte has every bit set (it
    /// claims to start a vowel: a conservative answer, checked exactly
    /// later).
    after: [Info; 256],
    /// Information of the characters of two and three bytes, with the fold
    /// byte in bits 24–31: U+0080..U+07FF at their code point, then the
    /// pages of three-byte characters (see [`VI_PAGES`]). A power-of-two
    /// size: masked indexes need no bounds check.
    vi: Box<[Info; 0x1000]>,
    /// Indexed by `key = (lead & 0x3F) | (second & 0x3F) << 8`: for a
    /// two-byte character its index in `vi`, for a longer one the start of
    /// its page in `vi` (the third byte's low six bits select the entry).
    page: Box<[u16; 0x4000]>,
    /// For [`next_trigger`]'s filter, indexed by `base << 8 | byte` where
    /// `base` is the unmodified vowel of a toned vowel (0 for `ư`) and
    /// `byte` the first byte after it: which information bits of the byte
    /// after that make the pair suspect. 0 when the next character is not
    /// a vowel (ASCII); [`VOWEL`] when it is a glide that closes a
    /// tone-first rhyme (`tài`, `vào`: suspect when a vowel follows);
    /// [`RUN`] for the open `ia`/`ua` (suspect when the run goes on);
    /// [`ANY`] otherwise (another vowel, or a byte that is not ASCII).
    pair: Box<[Info; 0x800]>,
    /// [`Tables::pair`] without the shortcuts: [`ANY`] for every vowel and
    /// every byte that is not ASCII.
    pair_plain: Box<[Info; 0x800]>,
    /// By first byte of a character of two to four bytes: the mask of
    /// the third byte's bits that select the entry in its [`Tables::vi`]
    /// page (bits 0–7: 0 for two bytes, 0x3F for more), the shift that
    /// brings the byte after the character to the bottom of a
    /// [`window`] (bits 8–15), and the length (bits 16–23).
    lead: [u32; 256],
    /// Indexed by `base << 8 | byte before`: [`ANY`] for the `u` of `qu`
    /// and the `i` of `gi`, 0 otherwise.
    onset: Box<[Info; 0x800]>,
    /// The class of each byte for [`walk_run`]: [`STEP_RUN`] for a byte
    /// that continues a run whatever follows (ASCII letters; continuation
    /// bytes; the first bytes of U+0100..U+01FF, Latin letters, and of
    /// U+0300..U+033F, combining marks), [`STEP_END`] for ASCII bytes that
    /// end a run, [`STEP_LOOK`] for first bytes of characters that must be
    /// looked up.
    step: [u8; 256],
}

/// See [`Tables::step`].
const STEP_LOOK: u8 = 2;
/// See [`Tables::step`].
const STEP_RUN: u8 = 1;
/// See [`Tables::step`].
const STEP_END: u8 = 0;

/// The ASCII letter [`crate::normalize::fold`] turns `c` into when it is a
/// precomposed Vietnamese letter, 0 otherwise.
fn fold_byte(c: char) -> u8 {
    match chars::letter(c) {
        Some(l) if !c.is_ascii() => {
            let a = chars::split(l.base).0 as u8;
            if l.upper {
                a.to_ascii_uppercase()
            } else {
                a
            }
        }
        _ => 0,
    }
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
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
    let full = |cp: u32| {
        char::from_u32(cp).map_or(0, |c| {
            compute_info(c) | Info::from(fold_byte(c)) << FOLD_SHIFT
        })
    };
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

/// For the non-ASCII character at byte `i` of `text`: the ASCII letter
/// that folding makes of it (0 when it is not a Vietnamese letter), its
/// information bits and its length.
#[inline]
pub(crate) fn fold_info(text: &str, i: usize) -> (u8, Info, usize) {
    let t: &Tables = &TABLES;
    let b = text.as_bytes();
    let (k, len) = info_fast(t, b, i);
    if k & SLOW != 0 {
        let (k, len) = info_non_ascii(t, b, i);
        return (0, k, len);
    }
    ((k >> FOLD_SHIFT) as u8, k, len)
}

/// Information and byte length of the character at `i` (valid UTF-8).
#[inline(always)]
fn info_at(t: &Tables, b: &[u8], i: usize) -> (Info, usize) {
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
fn vi_index(t: &Tables, w: u32) -> (usize, usize) {
    let (idx, lead) = vi_entry(t, w);
    (idx, (lead >> 16) as usize)
}

/// [`vi_index`] with the whole [`Tables::lead`] entry of the first byte
/// instead of the length.
#[inline(always)]
fn vi_entry(t: &Tables, w: u32) -> (usize, u32) {
    let lead = t.lead[(w & 0xFF) as usize];
    let third = (w >> 16) & lead & 0xFF;
    let idx = usize::from(t.page[(w & 0x3F3F) as usize]) + third as usize;
    (idx & 0xFFF, lead)
}

/// Table information (possibly just [`SLOW`]) and byte length of the
/// non-ASCII character at `i`.
#[inline(always)]
fn info_fast(t: &Tables, b: &[u8], i: usize) -> (Info, usize) {
    let Some(&[x, c1, c2, _]) = b.get(i..i + 4) else {
        return info_non_ascii(t, b, i);
    };
    let (idx, len) = vi_index(t, u32::from_le_bytes([x, c1, c2, 0]));
    (t.vi[idx], len)
}

/// [`info_at`] for a character that is not ASCII (exact: never [`SLOW`];
/// the fold byte is included for table characters).
#[inline(always)]
fn info_non_ascii(t: &Tables, b: &[u8], i: usize) -> (Info, usize) {
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

/// Bit 7 of every byte of a `u64`.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `b` (exactly eight) as a little-endian number.
#[inline(always)]
fn le_u64(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(b);
    u64::from_le_bytes(a)
}

/// Start of the character that ends right before byte `i` (> 0).
#[inline(always)]
fn prev_start(b: &[u8], i: usize) -> usize {
    let mut j = i - 1;
    while j > 0 && (b[j] & 0xC0) == 0x80 && i - j < 4 {
        j -= 1;
    }
    j
}

/// What a scan of one run found.
#[derive(Default)]
struct Scan {
    unsafe_: bool,
    homo: bool,
    eth: bool,
    first_nonstarter: bool,
}

/// Scans the run starting at `start`; returns its end and flags.
fn scan_run(t: &Tables, text: &str, start: usize) -> (usize, Scan) {
    let b = text.as_bytes();
    let mut s = Scan::default();
    let mut i = start;
    while i < b.len() {
        let (k, len) = info_at(t, b, i);
        if k & RUN == 0 {
            break;
        }
        if k & UNSAFE != 0 {
            s.unsafe_ = true;
            if i == start {
                s.first_nonstarter = text[i..]
                    .chars()
                    .next()
                    .is_some_and(|c| canonical_combining_class(c) != 0);
            }
        }
        if k & HOMO != 0 {
            s.homo = true;
            s.eth |= k & ETH != 0;
        }
        i += len;
    }
    (i, s)
}

/// Lazily built output.
struct Out {
    out: Option<String>,
    copied: usize,
    changed: bool,
    /// How many runs and separators were rewritten (saturating).
    rewrites: u8,
}

impl Out {
    /// Writes the replacement of `text[start..end]` produced by `f`
    /// straight into the output; if it equals the original, it is rolled
    /// back and nothing is recorded.
    fn render(&mut self, text: &str, start: usize, end: usize, f: impl FnOnce(&mut String)) {
        let o = self
            .out
            .get_or_insert_with(|| String::with_capacity(text.len() + 16));
        o.push_str(&text[self.copied..start]);
        self.copied = start;
        let mark = o.len();
        f(o);
        if o[mark..] == text[start..end] {
            o.truncate(mark);
        } else {
            self.copied = end;
            self.changed = true;
            self.rewrites = self.rewrites.saturating_add(1);
        }
    }

    #[inline]
    fn replace(&mut self, text: &str, start: usize, end: usize, with: &str) {
        let o = self
            .out
            .get_or_insert_with(|| String::with_capacity(text.len() + 16));
        let gap = &text[self.copied..start];
        if let &[c] = gap.as_bytes() {
            o.push(char::from(c)); // one byte: ASCII (no call to copy it)
        } else {
            o.push_str(gap);
        }
        o.push_str(with);
        self.copied = end;
        self.changed = true;
        self.rewrites = self.rewrites.saturating_add(1);
    }
}

/// Whether the toned vowel at `i` (info `k`, length `len`) may carry its
/// mark on the wrong letter. `start` is where its run starts.
///
/// With `shortcuts`, the commonest safe patterns are recognised without a
/// parse: a toned unmodified vowel that starts its vowel group (not the
/// `u` of `qu` or the `i` of `gi`) followed by a glide with which it forms
/// a tone-first rhyme (`ai ao au ay eo iu oi ui`) and nothing more, or by
/// `a` closing the run (`ia ua`); and the same after a run-initial
/// `gi`/`qu`. In these cases the run either is not a syllable or has its
/// mark where both styles put it, so the answer "unchanged" is the one the
/// parse would give.
#[cfg(test)]
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn suspect(
    t: &Tables,
    b: &[u8],
    i: usize,
    len: usize,
    k: Info,
    start: usize,
    shortcuts: bool,
    style: ToneStyle,
) -> bool {
    let j = i + len;
    let (next, nlen) = if j < b.len() {
        info_at(t, b, j)
    } else {
        (0, 0)
    };
    let prev = if i > start {
        info_at(t, b, prev_start(b, i)).0
    } else {
        0
    };
    suspect_core(
        t,
        b,
        i,
        len,
        k,
        (next, nlen),
        prev,
        || start,
        shortcuts,
        style,
    )
}

/// `suspect` given the information and length of the next character
/// (`(0, 0)` at the end of the text), the information of the previous one
/// when it is in the run (0 otherwise) and a way to find the run start,
/// which is only asked for when the previous character is a vowel.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn suspect_core(
    t: &Tables,
    b: &[u8],
    i: usize,
    len: usize,
    k: Info,
    (next, nlen): (Info, usize),
    prev: Info,
    run_start: impl FnOnce() -> usize,
    shortcuts: bool,
    style: ToneStyle,
) -> bool {
    if k & (MODIFIED | U_HORN) == MODIFIED {
        return false; // a toned ă â ê ô ơ always carries the mark
    }
    let n = b.len();
    let j = i + len;
    if k & MODIFIED != 0 {
        return k & U_HORN != 0 && next & O_HORN != 0;
    }
    let prev_vowel = prev & VOWEL != 0;
    if next & VOWEL == 0 && !prev_vowel {
        return false;
    }
    if !shortcuts {
        return true;
    }
    let v = base_of(k);
    // The run start matters only after a vowel; otherwise the previous
    // character is in the run exactly when `prev` says it continues one.
    let start = if prev_vowel {
        run_start()
    } else if prev & RUN != 0 {
        i - 1
    } else {
        i
    };
    if prev_vowel && medial_pattern(t, b, i, v, next, nlen, start, style) {
        return false;
    }
    // The vowel group must start at the toned vowel, possibly after a
    // run-initial gi/qu.
    if prev_vowel {
        let p = b[i - 1] | 0x20;
        let gi_qu = i == start + 2 && {
            let q = b[start] | 0x20;
            (p == b'i' && q == b'g') || (p == b'u' && q == b'q')
        };
        if !gi_qu {
            return true;
        }
    } else if i > start && matches!((b[i - 1] | 0x20, v), (b'q', U) | (b'g', I)) {
        // The u of qu or the i of gi (after any other vowel, q and g are
        // plain consonants or no syllable at all).
        return true;
    }
    if next & VOWEL == 0 {
        return false; // single vowel after gi/qu
    }
    let nb = base_of(next);
    if next & (TONED | MODIFIED) != 0 || nb == 0 {
        return true;
    }
    let after = if j + nlen < n {
        info_at(t, b, j + nlen).0
    } else {
        0
    };
    if tone_first(v, nb) && after & VOWEL == 0 {
        return false;
    }
    let open_diphthong = open_pair(v, nb) && !prev_vowel;
    !(open_diphthong && after & RUN == 0)
}

/// Whether the vowel `v` followed by the unmodified vowel `n` forms a
/// rhyme that carries the tone mark on its first letter (`ai ao au ay eo
/// iu oi ui`: the second is a glide).
#[inline(always)]
fn tone_first(v: Info, n: Info) -> bool {
    matches!(
        (v, n),
        (A, I) | (A, O) | (A, U) | (A, Y) | (E, O) | (I, U) | (O, I) | (U, I)
    )
}

/// Whether `v` then `n` is the open diphthong `ia` or `ua` (the mark on
/// the first letter when nothing follows).
#[inline(always)]
fn open_pair(v: Info, n: Info) -> bool {
    matches!((v, n), (I, A) | (U, A))
}

/// Whether the toned `a`/`e` after `o`, or `y` after `u` (the medial
/// rhymes `oa oe uy`), at `i` is where `style` puts it: the group is
/// medial + toned vowel, then a consonant (closed: second letter in both
/// styles), a glide closing the group (`oai oay oeo`), or the end of the
/// run (open: second letter in the modern style, and after `qu` in both).
/// Anything else answers `false` (let the parse decide).
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn medial_pattern(
    t: &Tables,
    b: &[u8],
    i: usize,
    v: Info,
    next: Info,
    nlen: usize,
    start: usize,
    style: ToneStyle,
) -> bool {
    let p = b[i - 1] | 0x20;
    if !matches!((p, v), (b'o', A) | (b'o', E) | (b'u', Y)) {
        return false;
    }
    // The letter before the medial: none, or a consonant.
    let pp = if i - 1 > start {
        info_at(t, b, prev_start(b, i - 1)).0
    } else {
        0
    };
    if pp & VOWEL != 0 {
        return false;
    }
    let after_q = i - 1 > start && b[i - 2] | 0x20 == b'q';
    if next & RUN == 0 {
        return style == ToneStyle::Modern || (after_q && p == b'u');
    }
    if next & VOWEL == 0 {
        return next & (UNSAFE | TONECONS | HOMO) == 0; // a plain consonant
    }
    let nb = base_of(next);
    if next & (TONED | MODIFIED) != 0 || !matches!(nb, I | Y | O) {
        return false;
    }
    let j = i + (if b[i] < 0x80 { 1 } else { char_len(b[i]) });
    let after = if j + nlen < b.len() {
        info_at(t, b, j + nlen).0
    } else {
        0
    };
    after & VOWEL == 0
}

#[inline(always)]
fn char_len(lead: u8) -> usize {
    if lead < 0xE0 {
        2
    } else if lead < 0xF0 {
        3
    } else {
        4
    }
}

/// What each distinct run of a long text became, once parsed.
struct RunCache {
    /// Runs of at most 15 bytes, in pairs of slots chosen by a hash of
    /// [`short_key`]: the key (0: empty slot) and the place of the rewritten
    /// run in `reps` (start << 32 | length), or `u64::MAX` when the run
    /// stays as it is. A run pushed out of its pair is parsed again.
    short: Vec<ShortSet>,
    /// The rewritten short runs, one after the other.
    reps: String,
    /// Longer runs.
    long: FxHashMap<Box<str>, Option<Box<str>>>,
}

/// Two slots of [`RunCache::short`], in one cache line.
#[derive(Clone, Copy, Default)]
#[repr(align(64))]
struct ShortSet {
    keys: [[u64; 2]; 2],
    values: [u64; 2],
}

/// Slots of [`RunCache::short`] (a power of two).
const SHORT_SLOTS_LOG2: u32 = 13;

/// The slot of a short key.
#[inline(always)]
fn short_slot(key: [u64; 2]) -> usize {
    let h = (key[0] ^ key[1].rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - SHORT_SLOTS_LOG2)) as usize
}

/// An answer of [`RunCache::get`].
enum Cached<'c> {
    Miss,
    Unchanged,
    Rep(&'c str),
}

/// The bytes of a run of at most 15 bytes (`b[start..end]`) and its length
/// as one number: equal keys are equal runs.
#[inline(always)]
fn short_key(b: &[u8], start: usize, end: usize) -> Option<[u64; 2]> {
    let len = end - start;
    if len >= 16 {
        return None;
    }
    let raw = match b.get(start..start + 16) {
        Some(w) => u128::from(le_u64(&w[..8])) | u128::from(le_u64(&w[8..])) << 64,
        None => {
            let mut a = [0u8; 16];
            for (d, &x) in a.iter_mut().zip(&b[start..end]) {
                *d = x;
            }
            u128::from_le_bytes(a)
        }
    };
    let mask = (1u128 << (8 * len)) - 1;
    let key = (raw & mask) | ((len as u128) << 120);
    Some([key as u64, (key >> 64) as u64])
}

impl RunCache {
    fn new() -> Self {
        RunCache {
            short: vec![ShortSet::default(); 1 << (SHORT_SLOTS_LOG2 - 1)],
            reps: String::new(),
            long: FxHashMap::default(),
        }
    }

    /// Runs the long map holds (the short slots are bounded).
    fn len(&self) -> usize {
        self.long.len()
    }

    /// Whether the cache has grown past its bounds (it is then replaced
    /// by an empty one before it is used again).
    fn full(&self) -> bool {
        self.long.len() >= CACHE_MAX || self.reps.len() >= CACHE_MAX_BYTES
    }

    /// The value of a short key.
    #[inline(always)]
    fn get_short(&self, key: [u64; 2]) -> Option<u64> {
        let set = self.short.get(short_slot(key) >> 1)?;
        // Which of the two holds the key is hard to predict: both are
        // compared and the value selected without a branch.
        let first = set.keys[0] == key;
        let v = if first { set.values[0] } else { set.values[1] };
        (first | (set.keys[1] == key)).then_some(v)
    }

    #[inline]
    fn get(&self, text: &str, start: usize, end: usize) -> Cached<'_> {
        match short_key(text.as_bytes(), start, end) {
            Some(key) => {
                let Some(v) = self.get_short(key) else {
                    return Cached::Miss;
                };
                if v == u64::MAX {
                    return Cached::Unchanged;
                }
                let (at, len) = ((v >> 32) as usize, (v & 0xFFFF_FFFF) as usize);
                self.reps
                    .get(at..at + len)
                    .map_or(Cached::Miss, Cached::Rep)
            }
            None => match self.long.get(&text[start..end]) {
                None => Cached::Miss,
                Some(None) => Cached::Unchanged,
                Some(Some(rep)) => Cached::Rep(rep),
            },
        }
    }

    fn insert(&mut self, text: &str, start: usize, end: usize, rep: Option<&str>) {
        match short_key(text.as_bytes(), start, end) {
            Some(key) => {
                let v = match rep {
                    None => u64::MAX,
                    Some(r) => {
                        let at = self.reps.len() as u64;
                        self.reps.push_str(r);
                        // Padded to 16 bytes: see `cached_runs`.
                        for _ in r.len()..16 {
                            self.reps.push(' ');
                        }
                        (at << 32) | r.len() as u64
                    }
                };
                // Two slots a key: the newest first, the one before second.
                if let Some(set) = self.short.get_mut(short_slot(key) >> 1) {
                    if set.keys[0] != key {
                        set.keys[1] = set.keys[0];
                        set.values[1] = set.values[0];
                    }
                    set.keys[0] = key;
                    set.values[0] = v;
                }
            }
            None => {
                self.long
                    .insert(Box::from(&text[start..end]), rep.map(Box::from));
            }
        }
    }
}

/// A pass takes the cache once it has rewritten this many runs: a text
/// that changes in one or two places (most lines of clean news) is
/// faster without it, as its clean runs are never in the cache.
const CACHE_AFTER: u8 = 3;
/// At most this many bytes of cached replacements.
const CACHE_MAX_BYTES: usize = 1 << 22;
/// The options a [`RunCache`] was filled under: style and the cleanup
/// switches (the cache is only used with the shortcuts on).
type CacheKey = (ToneStyle, bool, bool, bool, bool);

thread_local! {
    /// This thread's [`RunCache`], kept between calls: texts normalized
    /// one line at a time share what each run became.
    static RUNS: RefCell<Option<(CacheKey, RunCache)>> = const { RefCell::new(None) };
}

/// This thread's run cache for the options `key` (emptied first when it
/// was filled under other options or has grown past its bounds), or a new
/// one. [`give_back`] returns it when the pass ends.
fn take_cache(key: CacheKey) -> RunCache {
    let kept = RUNS
        .try_with(|r| r.try_borrow_mut().ok().and_then(|mut r| r.take()))
        .ok()
        .flatten();
    match kept {
        Some((k, cache)) if k == key && !cache.full() => cache,
        _ => RunCache::new(),
    }
}

/// Keeps `cache` (if any) for the next pass on this thread.
#[cold]
fn give_back(key: CacheKey, cache: Option<RunCache>) {
    if let Some(cache) = cache {
        let _ = RUNS.try_with(|r| {
            if let Ok(mut r) = r.try_borrow_mut() {
                *r = Some((key, cache));
            }
        });
    }
}

/// At most this many cached runs.
const CACHE_MAX: usize = 1 << 16;

/// End of the run that contains byte `i`.
#[inline]
fn run_end(t: &Tables, b: &[u8], mut i: usize) -> usize {
    while let Some(&x) = b.get(i) {
        if x < 0x80 {
            if t.ascii[x as usize] & RUN == 0 {
                break;
            }
            i += 1;
            continue;
        }
        let (k, len) = info_non_ascii(t, b, i);
        if k & RUN == 0 {
            break;
        }
        i += len;
    }
    i
}

/// Start of the run that holds the character at `i`, not before `floor`
/// (a run boundary).
#[inline]
fn run_start_before(t: &Tables, b: &[u8], i: usize, floor: usize) -> usize {
    let mut j = i;
    while j > floor {
        let x = b[j - 1];
        if x < 0x80 {
            if t.ascii[x as usize] & RUN == 0 {
                break;
            }
            j -= 1;
            continue;
        }
        let p = prev_start(b, j);
        if info_non_ascii(t, b, p).0 & RUN == 0 {
            break;
        }
        j = p;
    }
    j
}

/// Like [`run_start_before`] but looks back at most three characters: for
/// `suspect`, which only asks whether the run starts at `i`, at the
/// character before it, at the one before that, or earlier.
#[inline(always)]
fn near_run_start(t: &Tables, b: &[u8], i: usize, floor: usize) -> usize {
    let mut j = i;
    for _ in 0..3 {
        if j <= floor {
            break;
        }
        let p = prev_start(b, j);
        if info_at(t, b, p).0 & RUN == 0 {
            break;
        }
        j = p;
    }
    j
}

/// What [`next_trigger`] keeps between calls: the 64-byte block it
/// stopped in and the lead bytes of that block it has not visited.
#[derive(Clone, Copy)]
enum Blocks {
    None,
    At(usize, u64),
}

/// Bit `k` set for each byte `b[at + k]` (`k` < 64) that starts a
/// multi-byte character; `None` when fewer than 64 bytes are left.
#[inline(always)]
fn lead_mask(b: &[u8], at: usize) -> Option<u64> {
    let chunk = <&[u8; 64]>::try_from(b.get(at..at.checked_add(64)?)?).ok()?;
    let mut leads = 0u64;
    for (q, c) in chunk.chunks_exact(8).enumerate() {
        let w = le_u64(c);
        // Bytes with their two top bits set, one bit each.
        let m = (w & (w << 1) & HIGH) >> 7;
        leads |= (m.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * q);
    }
    Some(leads)
}

/// The first character at or after `i` (a run boundary) that the pass
/// must stop on: its position, information bits and length.
///
/// The text is read sixty-four bytes at a time; within a block, only the
/// bytes that start a multi-byte character are visited (ASCII never
/// triggers). Each such character is looked up in the byte-indexed table
/// and passes a branch-free filter that lets through every character that
/// may trigger: one in `stop`, one without a table entry ([`SLOW`]), or a
/// toned vowel that may need `suspect` (flagged [`NEIGHBOURS`]) next to
/// a possible vowel. The few that pass are decided exactly by
/// [`exact_trigger`].
#[allow(clippy::too_many_arguments)]
#[inline]
fn next_trigger(
    t: &Tables,
    b: &[u8],
    i: usize,
    stop: Info,
    keep: bool,
    shortcuts: bool,
    style: ToneStyle,
    blocks: &mut Blocks,
) -> Option<(usize, Info, usize)> {
    let floor = i;
    let n = b.len();
    let neighbours = if keep { 0 } else { NEIGHBOURS };
    let stop_slow = stop | SLOW;
    let pair: &[Info; 0x800] = if shortcuts { &t.pair } else { &t.pair_plain };
    // Information of the last non-ASCII character visited (it ends where
    // the next one starts when the byte before that one is not ASCII).
    let mut last_k: Info = 0;
    // The character at `at` (a lead byte) whose window is `w`: through
    // the filter, then the quick and the exact test; returns from
    // `next_trigger` when it triggers.
    macro_rules! visit {
        ($at:expr, $w:expr, $rest:expr) => {{
            let at = $at;
            let prev_k = last_k;
            let (hit, k, len, prev) = filter(t, pair, $w, neighbours, stop_slow, &mut last_k);
            if hit && (k & stop != 0 || !plainly_placed(t, b, at, k, len, prev, floor, style)) {
                let exact = exact_trigger(
                    t, b, at, k, len, floor, prev_k, stop, keep, shortcuts, style,
                );
                if let Some((k, len)) = exact {
                    *blocks = $rest;
                    return Some((at, k, len));
                }
            }
        }};
    }
    // Sixty-four bytes at a time: a bit mask of the lead bytes, then a
    // visit of each (one hard-to-predict loop exit per block). The block
    // of the previous call is reused when `i` is inside it.
    let (mut blk, mut leads) = match *blocks {
        Blocks::At(blk, leads) if blk <= i && i < blk + 64 => (blk, leads & (!0u64 << (i - blk))),
        _ => (i, lead_mask(b, i).unwrap_or(0)),
    };
    if blk + 64 <= n {
        loop {
            // The block with the byte before it and eight after it, when
            // the text has them: windows are then read without checks.
            let inner = blk
                .checked_sub(1)
                .and_then(|from| b.get(from..from + 73))
                .and_then(|s| <&[u8; 73]>::try_from(s).ok());
            match inner {
                Some(win) => {
                    while leads != 0 {
                        let off = leads.trailing_zeros() as usize & 63;
                        leads &= leads - 1;
                        visit!(
                            blk + off,
                            le_u64(&win[off..off + 8]),
                            Blocks::At(blk, leads)
                        );
                    }
                }
                None => {
                    while leads != 0 {
                        let at = blk + leads.trailing_zeros() as usize;
                        leads &= leads - 1;
                        visit!(at, window(b, at), Blocks::At(blk, leads));
                    }
                }
            }
            blk += 64;
            match lead_mask(b, blk) {
                Some(m) => leads = m,
                None => break,
            }
        }
    }
    let blk = blk.max(i);
    for at in blk..n {
        if b[at] >= 0xC0 {
            visit!(at, window(b, at), Blocks::None);
        }
    }
    *blocks = Blocks::None;
    None
}

/// The byte before the character at `at`, its first three bytes and the
/// four after them, as one number (spaces beyond the text).
#[inline(always)]
fn window(b: &[u8], at: usize) -> u64 {
    match b.get(at.wrapping_sub(1)..at + 7) {
        Some(s) => le_u64(s),
        None => {
            let mut a = [b' '; 8];
            for (k, v) in a.iter_mut().enumerate() {
                if let Some(&x) = (at + k).checked_sub(1).and_then(|p| b.get(p)) {
                    *v = x;
                }
            }
            u64::from_le_bytes(a)
        }
    }
}

/// [`next_trigger`]'s filter for the character whose [`window`] is `w`:
/// whether it may trigger (a character in `stop_slow`, or one flagged in
/// `neighbours` whose neighbours `pair` does not clear: see
/// [`Tables::pair`] and [`Tables::onset`]), its table information and
/// length, and the information of the character before it (exact when
/// that one is ASCII or `last_k`, the information of the last character
/// visited, is the one before it). Records the information in `last_k`.
#[inline(always)]
fn filter(
    t: &Tables,
    pair: &[Info; 0x800],
    w: u64,
    neighbours: Info,
    stop_slow: Info,
    last_k: &mut Info,
) -> (bool, Info, usize, Info) {
    let (idx, li) = vi_entry(t, (w >> 8) as u32);
    let k = t.vi[idx];
    let len = (li >> 16) as usize;
    // The two bytes after the character.
    let shift = (li >> 8) & 0xFF;
    let y = (w >> shift) as u8;
    let y2 = (w >> (shift + 8)) as u8;
    let p = w as u8;
    // (Before `floor` this may name a character of the previous run: a
    // superset of what lets the character through, which is safe.)
    // Without a branch (whether the byte before is ASCII is hard to
    // predict: đ, ư and ơ are often followed by another such letter):
    // `after` is all ones for bytes that are not ASCII.
    let ascii = !((i32::from(p as i8) >> 31) as u32);
    let prev = t.after[p as usize] & (*last_k | ascii);
    *last_k = k;
    let v = (base_of(k) as usize) << 8;
    let suspect = (pair[(v | y as usize) & 0x7FF] & t.after[y2 as usize])
        | (prev & VOWEL)
        | t.onset[(v | p as usize) & 0x7FF];
    let hit = (k & stop_slow != 0) | ((k & neighbours != 0) & (suspect != 0));
    (hit, k, len, prev)
}

/// A quick, branch-light answer for a toned vowel that [`next_trigger`]'s
/// filter let through (not a stop character): `true` only when
/// [`suspect_core`] (with shortcuts) would certainly answer "not suspect".
/// It covers the commonest shapes of correctly placed marks next to a
/// vowel, seen through the neighbouring bytes only: a toned vowel that
/// starts its vowel group before a glide (`tài`, `vào`, `ngày`) or
/// before `a` (`của`, `mía`), the same after a run-initial `gi`/`qu`
/// (`giải`, `quái`), `oa oe uy` with the mark on the second letter
/// before a consonant or a closing glide (`toàn`, `hoạt`, `đoàn`,
/// `ngoài`) or, in the modern style, at the end of the run (`hoà`), and a
/// toned `ư` not before `ơ` (`cửa`). Anything else (or any non-ASCII
/// neighbour but `đ`) answers `false`, and the exact test decides.
///
/// `prev` is the filter's information of the character before (exact
/// when the character is after `floor`).
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn plainly_placed(
    t: &Tables,
    b: &[u8],
    at: usize,
    k: Info,
    len: usize,
    prev: Info,
    floor: usize,
    style: ToneStyle,
) -> bool {
    if k & SLOW != 0 {
        return false;
    }
    // Bytes around the character; a space outside the text.
    let byte = |p: Option<usize>| p.and_then(|p| b.get(p)).copied().unwrap_or(b' ');
    let y = byte(Some(at + len));
    if k & U_HORN != 0 {
        return y < 0x80; // ư: misplaced only before ơ
    }
    let y2 = byte(Some(at + len + 1));
    // Information of the next two characters when they are ASCII; all
    // bits (vowel, run, toned) when the next one is not.
    let next = t.after[y as usize];
    let after = t.after[y2 as usize];
    let v = base_of(k);
    let nb = base_of(next);
    let next_plain_vowel = y < 0x80 && next & VOWEL != 0;
    let glide = next_plain_vowel && tone_first(v, nb) && after & VOWEL == 0;
    // The vowel group starts at the toned vowel and is placed: nothing
    // after it, or a tone-first glide.
    let group_ok = (y < 0x80 && next & VOWEL == 0) || glide;
    let in_run = at > floor && prev & RUN != 0;
    let p = byte(at.checked_sub(1)) | 0x20;
    if !(in_run && prev & VOWEL != 0) {
        // The toned vowel starts its group (unless it is the i of gi or
        // the u of qu).
        let onset_glide = in_run && matches!((p, v), (b'q', U) | (b'g', I));
        let open = next_plain_vowel && open_pair(v, nb) && after & RUN == 0;
        return !onset_glide && (group_ok || open);
    }
    // After a vowel, which is ASCII (`p` is a letter) for what follows.
    // The character before that vowel: ASCII, `đ`/`Đ`, or unknown.
    let q = byte(at.checked_sub(2));
    let before_in = at - 1 > floor;
    let (pp, known) = if q < 0x80 {
        (t.ascii[q as usize], true)
    } else {
        let d = at >= 3 && at - 2 > floor && b[at - 3] == 0xC4 && (q == 0x90 || q == 0x91);
        (RUN, d)
    };
    let pp = if before_in { pp } else { 0 };
    if !known {
        return false;
    }
    // oa, oe, uy with the mark on the second letter.
    let medial = matches!((p, v), (b'o', A) | (b'o', E) | (b'u', Y)) && pp & VOWEL == 0;
    let medial_ok = medial
        && if y < 0x80 && next & RUN == 0 {
            let after_q = pp & RUN != 0 && q | 0x20 == b'q';
            style == ToneStyle::Modern || (after_q && p == b'u')
        } else if y < 0x80 && next & VOWEL == 0 {
            true // a consonant closes the group
        } else {
            next_plain_vowel && matches!(nb, I | Y | O) && after & VOWEL == 0
        };
    // A run-initial gi/qu, then the toned vowel's group.
    let gi_qu = pp & RUN != 0
        && matches!((q | 0x20, p), (b'g', b'i') | (b'q', b'u'))
        && group_ok
        && (at - 2 == floor || {
            let first = byte(at.checked_sub(3));
            first < 0x80 && t.ascii[first as usize] & RUN == 0
        });
    medial_ok || gi_qu
}

/// The exact decision for a character that [`next_trigger`]'s filter let
/// through: its exact information and length when it triggers. `prev_k`
/// is the information of the character before it when that one is not
/// ASCII and not before `floor`.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn exact_trigger(
    t: &Tables,
    b: &[u8],
    i: usize,
    k: Info,
    len: usize,
    floor: usize,
    prev_k: Info,
    stop: Info,
    keep: bool,
    shortcuts: bool,
    style: ToneStyle,
) -> Option<(Info, usize)> {
    let (k, len) = if k & SLOW != 0 {
        info_non_ascii(t, b, i)
    } else {
        (k, len)
    };
    if k & stop != 0 {
        return Some((k, len));
    }
    if keep || k & NEIGHBOURS == 0 {
        return None;
    }
    // A toned vowel other than ă â ê ô ơ (those always carry the mark).
    let j = i + len;
    let next = if j < b.len() {
        info_at(t, b, j)
    } else {
        (0, 0)
    };
    let prev = if i > floor {
        let y = b[i - 1];
        if y < 0x80 {
            t.ascii[y as usize]
        } else {
            prev_k
        }
    } else {
        0
    };
    // A character before `floor` is not in the run, nor is a separator.
    let prev = if prev & RUN != 0 { prev } else { 0 };
    suspect_core(
        t,
        b,
        i,
        len,
        k,
        next,
        prev,
        || near_run_start(t, b, i, floor),
        shortcuts,
        style,
    )
    .then_some((k, len))
}

/// Reference for [`next_trigger`]: steps through every character, keeps
/// track of where the current run starts and applies the trigger test to
/// each. Returns the trigger and the start of its run.
#[cfg(test)]
fn next_trigger_stepwise(
    t: &Tables,
    b: &[u8],
    mut i: usize,
    stop: Info,
    keep: bool,
    shortcuts: bool,
    style: ToneStyle,
) -> Option<(usize, Info, usize, usize)> {
    let mut run_start = i;
    while i < b.len() {
        let (k, len) = info_at(t, b, i);
        let trigger = k & stop != 0
            || (!keep && k & TONED != 0 && suspect(t, b, i, len, k, run_start, shortcuts, style));
        if trigger {
            return Some((i, k, len, run_start));
        }
        i += len;
        if k & RUN == 0 {
            run_start = i;
        }
    }
    None
}

/// Runs the pass over `text`.
pub(crate) fn process(text: &str, opt: RunOptions) -> Pass {
    process_with(text, opt, false)
}

/// [`process`]; with `stepwise` (tests only) the triggers are found by
/// the character-by-character reference scan instead of the fast one.
fn process_with(text: &str, opt: RunOptions, stepwise: bool) -> Pass {
    let t: &Tables = &TABLES;
    let b = text.as_bytes();
    let n = b.len();
    let keep = opt.style == ToneStyle::Keep;
    let mut stop = UNSAFE;
    if opt.homoglyphs {
        stop |= HOMO;
    } else if opt.eth {
        stop |= ETH;
    }
    if !keep {
        stop |= TONECONS;
    }
    if opt.invisible {
        stop |= INVIS;
    }
    if opt.spaces {
        stop |= XSPACE;
    }
    let mut st = Out {
        out: None,
        copied: 0,
        changed: false,
        rewrites: 0,
    };
    // Taken once the output exists (clean text never allocates, nor
    // touches the cache), given back at every return.
    let key = (
        opt.style,
        opt.eth,
        opt.homoglyphs,
        opt.invisible,
        opt.spaces,
    );
    let mut cache: Option<RunCache> = None;
    let mut blocks = Blocks::None;
    let mut skip_cached = 0u32;
    let mut i = 0;
    // Invariant at the top of the loop: `i` is a run boundary and no
    // trigger precedes it that has not been handled.
    while i < n {
        if let (Some(c), false) = (cache.as_ref(), stepwise) {
            // Most runs of a long text that changes were seen before: go
            // from run to run and take them from the cache while that
            // works. ASCII separators and ASCII-only runs never trigger; a
            // cached run is one whose trigger the general path would find
            // next, and do the same with. (Tried again only some runs
            // later when the first run was not in the cache.)
            if skip_cached == 0 {
                let from = i;
                i = cached_runs(t, text, i, c, &mut st);
                if i >= n {
                    break;
                }
                if st.copied <= from {
                    skip_cached = 8;
                }
            } else {
                skip_cached -= 1;
            }
        }
        let found = if stepwise {
            #[cfg(test)]
            {
                next_trigger_stepwise(t, b, i, stop, keep, opt.shortcuts, opt.style)
            }
            #[cfg(not(test))]
            {
                None
            }
        } else {
            next_trigger(t, b, i, stop, keep, opt.shortcuts, opt.style, &mut blocks)
                .map(|(at, k, len)| (at, k, len, run_start_before(t, b, at, i)))
        };
        let Some((at, k, len, run_start)) = found else {
            break;
        };
        i = at;
        if k & stop & (INVIS | XSPACE) != 0 {
            give_back(key, cache);
            return Pass::NeedsClean;
        }
        if k & RUN == 0 {
            // A separator that NFC changes (U+2000 → U+2002).
            let nfc: String = text[i..i + len].nfc().collect();
            st.replace(text, i, i + len, &nfc);
            i += len;
            continue;
        }
        // Texts repeat syllables: remember what each run became (in this
        // text and in the thread's earlier ones).
        if cache.is_none() && st.rewrites >= CACHE_AFTER && opt.shortcuts {
            cache = Some(take_cache(key));
        }
        let cache_end = match cache.as_ref() {
            Some(c) => {
                let end = run_end(t, b, i);
                match c.get(text, run_start, end) {
                    Cached::Rep(rep) => {
                        st.replace(text, run_start, end, rep);
                        i = end;
                        continue;
                    }
                    Cached::Unchanged => {
                        i = end;
                        continue;
                    }
                    Cached::Miss => end,
                }
            }
            None => usize::MAX,
        };
        let sep_char = |c: char| {
            let mut buf = [0u8; 4];
            info_at(t, c.encode_utf8(&mut buf).as_bytes(), 0).0 & RUN == 0
        };
        if let Some((syl, len, odd)) = Syllable::parse_prefix(&text[run_start..], sep_char) {
            let end = run_start + len;
            if end > i {
                let copied = st.copied;
                let out_len = st.out.as_ref().map_or(0, String::len);
                syllable(text, run_start, end, &syl, odd, opt, &mut st);
                if let Some(c) = cache.as_mut() {
                    if end == cache_end && c.len() < CACHE_MAX {
                        let rep = match st.out.as_ref() {
                            Some(o) if st.copied == end && copied <= run_start => {
                                Some(&o[out_len + (run_start - copied)..])
                            }
                            _ => None,
                        };
                        c.insert(text, run_start, end, rep);
                    }
                }
                i = end;
                continue;
            }
        }
        let (end, s) = scan_run(t, text, run_start);
        let sep_before = if run_start > 0 {
            prev_start(b, run_start)
        } else {
            usize::MAX
        };
        if !run(text, run_start, end, sep_before, &s, opt, &mut st) {
            // A combining mark at the start of a run after a separator that
            // was itself rewritten: take plain NFC first.
            give_back(key, cache);
            let nfc: String = text.nfc().collect();
            return match process_with(&nfc, opt, stepwise) {
                Pass::Unchanged => Pass::Changed(nfc),
                other => other,
            };
        }
        i = end;
    }
    give_back(key, cache);
    match st.out {
        Some(mut o) if st.changed => {
            o.push_str(&text[st.copied..]);
            Pass::Changed(o)
        }
        _ => Pass::Unchanged,
    }
}

/// End of the run that holds byte `i` (a character start) and whether
/// the part from `i` is ASCII-only: [`run_end`] that looks at bytes, not
/// characters. A byte whose class ([`Tables::step`]) says it continues
/// the run on its own (an ASCII letter, a continuation byte, the first
/// byte of a two-byte letter or combining mark) is passed without
/// decoding, so the next byte's address never waits for a table look-up;
/// other first bytes are looked up.
#[inline]
fn walk_run(t: &Tables, b: &[u8], e: usize) -> (usize, bool) {
    // Sixteen bytes at once: the first byte that does not continue the
    // run on its own is found without a loop, so the end of a short run
    // costs no mispredicted loop exit.
    let Some(s) = b.get(e..e + 16) else {
        return walk_run_bytes(t, b, e, 0);
    };
    let w0 = le_u64(&s[..8]);
    let w1 = le_u64(&s[8..]);
    let stop0 = !run_bytes(w0) & HIGH;
    let stop1 = !run_bytes(w1) & HIGH;
    let n = if stop0 != 0 {
        stop0.trailing_zeros() / 8
    } else if stop1 != 0 {
        8 + stop1.trailing_zeros() / 8
    } else {
        let high = if (w0 | w1) & HIGH != 0 { 0x80 } else { 0 };
        return walk_run_bytes(t, b, e + 16, high);
    };
    // Bit 7 of the bytes before the stop.
    let below = |k: u32| if k >= 8 { !0u64 } else { (1u64 << (8 * k)) - 1 };
    let high = (w0 & below(n)) | (w1 & below(n.saturating_sub(8)));
    let high = if high & HIGH != 0 { 0x80 } else { 0 };
    let end = e + n as usize;
    match b.get(end) {
        // (Anything but a byte that ends the run goes on byte by byte, so
        // the two classifications need not agree for the result to be
        // right.)
        Some(&x) if t.step[x as usize] != STEP_END => walk_run_bytes(t, b, end, high),
        _ => (end, high == 0),
    }
}

/// Bit 7 of each byte of `w` set when the byte continues a run whatever
/// follows ([`STEP_RUN`]): an ASCII letter, a continuation byte, or the
/// first byte of U+0100..U+01FF (Latin letters) or of U+0300..U+033F
/// (combining marks). Eight bytes at a time, without a table.
#[inline(always)]
fn run_bytes(w: u64) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Whether each byte is zero (bit 7 set exactly for zero bytes).
    let zero = |v: u64| !(((v & LOW7) + LOW7) | v) & HIGH;
    // ASCII letters: lower-cased, then 'a' <= byte <= 'z' (no carry
    // leaves a byte: the high bits are cleared first).
    let a = (w & LOW7) | (0x20 * ONES);
    let letter = (a + 0x1F * ONES) & !(a + 0x05 * ONES) & !w;
    let continuation = w & !(w << 1);
    let latin = zero((w & (0xFC * ONES)) ^ (0xC4 * ONES));
    let mark = zero(w ^ (0xCC * ONES));
    (letter | continuation | latin | mark) & HIGH
}

/// [`walk_run`] one byte at a time from `e`; `high` has bit 7 set when a
/// byte before `e` in the run is not ASCII.
#[inline]
fn walk_run_bytes(t: &Tables, b: &[u8], mut e: usize, mut high: u8) -> (usize, bool) {
    loop {
        while let Some(&x) = b.get(e) {
            if t.step[x as usize] != STEP_RUN {
                break;
            }
            high |= x;
            e += 1;
        }
        match b.get(e) {
            Some(&x) if t.step[x as usize] == STEP_LOOK => {
                let (k, len) = info_non_ascii(t, b, e);
                if k & RUN == 0 {
                    break;
                }
                high |= x;
                e += len;
            }
            _ => break,
        }
    }
    (e, high < 0x80)
}

/// From the run boundary `i`, replaces or skips runs while they are
/// ASCII-only or in `cache`; returns where the general path must go on.
fn cached_runs(t: &Tables, text: &str, mut i: usize, cache: &RunCache, st: &mut Out) -> usize {
    let b = text.as_bytes();
    loop {
        // ASCII separators.
        let mut j = i;
        while let Some(&x) = b.get(j) {
            if x >= 0x80 || t.ascii[x as usize] & RUN != 0 {
                break;
            }
            j += 1;
        }
        let Some(&x) = b.get(j) else {
            return j;
        };
        if x >= 0x80 && info_non_ascii(t, b, j).0 & RUN == 0 {
            return j; // a separator that is not ASCII: may trigger
        }
        // The run: its end, and whether it is ASCII-only.
        let (end, ascii) = walk_run(t, b, j);
        if !ascii {
            if let (Some(key), Some(o)) = (short_key(b, j, end), st.out.as_mut()) {
                // The common case written out: a short run, rewritten.
                let Some(v) = cache.get_short(key) else {
                    return j;
                };
                if v != u64::MAX {
                    let (at, len) = ((v >> 32) as usize, (v & 0xFFFF_FFFF) as usize);
                    let gap = &text[st.copied..j];
                    if let &[c] = gap.as_bytes() {
                        o.push(char::from(c)); // one byte: ASCII (no call to copy it)
                    } else {
                        o.push_str(gap);
                    }
                    // A short replacement is stored padded with spaces to
                    // 16 bytes: copied as 16 (no call to copy it), then cut.
                    match cache.reps.get(at..at + 16) {
                        Some(padded) if len <= 16 => {
                            o.push_str(padded);
                            o.truncate(o.len() - (16 - len));
                        }
                        _ => match cache.reps.get(at..at + len) {
                            Some(rep) => o.push_str(rep),
                            None => return j,
                        },
                    }
                    st.copied = end;
                    st.changed = true;
                }
            } else {
                match cache.get(text, j, end) {
                    Cached::Rep(rep) => st.replace(text, j, end, rep),
                    Cached::Unchanged => {}
                    Cached::Miss => return j,
                }
            }
        }
        i = end;
    }
}

/// Rewrites the run `text[start..end]`, which parsed as `syl`; `odd` when
/// it holds characters other than ASCII and table letters.
fn syllable(
    text: &str,
    start: usize,
    end: usize,
    syl: &Syllable,
    odd: bool,
    opt: RunOptions,
    st: &mut Out,
) {
    let keep = opt.style == ToneStyle::Keep;
    let marks = syl.tone_marks();
    if !odd && marks <= 1 && (keep || marks == 0 || syl.placed(opt.style)) {
        return; // NFC already and the mark is where it belongs
    }
    if keep && marks > 1 {
        st.render(text, start, end, |o| o.extend(text[start..end].nfc()));
    } else {
        st.render(text, start, end, |o| syl.render_into(opt.style, o));
    }
}

/// Handles one run that may change. Returns `false` to request the
/// whole-text fallback.
fn run(
    text: &str,
    start: usize,
    end: usize,
    sep_before: usize,
    s: &Scan,
    opt: RunOptions,
    st: &mut Out,
) -> bool {
    let r = &text[start..end];
    let homo = s.homo && (opt.homoglyphs || (s.eth && opt.eth));
    if end - start <= 64 {
        if let Some(syl) = Syllable::parse_unchecked(r) {
            syllable(text, start, end, &syl, s.unsafe_, opt, st);
            return true;
        }
        if homo {
            let mut buf = String::new();
            if substitute(r, opt, &mut buf) {
                if buf != r {
                    st.replace(text, start, end, &buf);
                }
                return true;
            }
        }
    }
    if s.unsafe_ {
        let from = if s.first_nonstarter && sep_before != usize::MAX {
            if sep_before < st.copied {
                return false;
            }
            sep_before
        } else {
            start
        };
        let region = &text[from..end];
        if !unicode_normalization::is_nfc(region) {
            let nfc: String = region.nfc().collect();
            if from < start && !nfc.starts_with(&text[from..start]) {
                // The leading mark composed with the separator before it
                // (¨ + ◌́ → ΅): what follows is now a run of its own, and
                // gets the whole pass, as it will on the next call. The
                // region is NFC then, so this does not recur.
                let whole = match process_with(&nfc, opt, false) {
                    Pass::Changed(rest) => rest,
                    _ => nfc,
                };
                st.replace(text, from, end, &whole);
            } else {
                st.replace(text, from, end, &nfc);
            }
        }
    }
    true
}

/// Replaces look-alike letters inside a run that then reads as one
/// Vietnamese syllable; the run must also hold at least one genuine Latin
/// letter (a word written wholly in Cyrillic or Greek is left alone). A
/// capital ETH in an upper-case ASCII acronym (`ÐBSCL`) becomes `Đ` too.
fn substitute(run: &str, opt: RunOptions, buf: &mut String) -> bool {
    let mut latin = false;
    let mut any = false;
    // Runs here are at most 64 bytes and substitution never lengthens them:
    // build the candidate on the stack.
    let mut stack = [0u8; 64];
    let mut len = 0;
    for c in run.chars() {
        let sub = match homoglyph(c) {
            Some(r) if is_eth(c) => opt.eth.then_some(r),
            Some(r) => opt.homoglyphs.then_some(r),
            None => None,
        };
        let out = match sub {
            Some(r) => {
                any = true;
                r
            }
            None => {
                if chars::letter(c).is_some() {
                    latin = true;
                }
                c
            }
        };
        if len + out.len_utf8() > stack.len() {
            return false;
        }
        len += out.encode_utf8(&mut stack[len..]).len();
    }
    let Ok(tmp) = std::str::from_utf8(&stack[..len]) else {
        return false;
    };
    if !any || !latin {
        return false;
    }
    // An upper-case ASCII acronym with a capital ETH (ÐBSCL, ÐHQG).
    let acronym = opt.eth
        && run.len() <= 16
        && run
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '\u{00D0}')
        && run.contains('\u{00D0}');
    if acronym {
        buf.push_str(&run.replace('\u{00D0}', "Đ"));
        return true;
    }
    let Some(s) = Syllable::parse_unchecked(tmp) else {
        return false;
    };
    if opt.style == ToneStyle::Keep {
        buf.extend(tmp.nfc());
    } else {
        s.render_into(opt.style, buf);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vowel_codes_follow_the_alphabet() {
        let codes: Vec<Info> = "aeiouy"
            .chars()
            .map(|c| base_bits(c) >> BASE_SHIFT)
            .collect();
        assert_eq!(codes, [A, E, I, O, U, Y]);
        for c in ['ă', 'ê', 'b', 'đ', 'z'] {
            assert_eq!(base_bits(c), 0, "{c}");
        }
    }

    fn both(text: &str, style: ToneStyle) -> (Option<String>, Option<String>) {
        let mk = |shortcuts| RunOptions {
            style,
            eth: false,
            homoglyphs: false,
            invisible: false,
            spaces: false,
            shortcuts,
        };
        let f = |p: Pass| match p {
            Pass::Changed(s) => Some(s),
            _ => None,
        };
        (f(process(text, mk(true))), f(process(text, mk(false))))
    }

    #[test]
    fn shortcuts_change_nothing() {
        // Every combination of up to three letters from a set rich in the
        // patterns the shortcuts recognise, after a few onsets.
        let letters = [
            "a", "á", "à", "i", "í", "o", "ó", "u", "ú", "ủ", "y", "ý", "e", "é", "ê", "ế", "ơ",
            "ư", "ứ", "n", "ng", "c",
        ];
        let onsets = [
            "", "g", "q", "gi", "qu", "ng", "h", "ngh", "k", "Q", "G", "s",
        ];
        let mut text = String::new();
        for o in onsets {
            for a in letters {
                for b in letters {
                    for c in letters.iter().chain([&""]) {
                        text.push_str(o);
                        text.push_str(a);
                        text.push_str(b);
                        text.push_str(c);
                        text.push(' ');
                    }
                }
            }
        }
        for style in [ToneStyle::Modern, ToneStyle::Traditional] {
            let (fast, slow) = both(&text, style);
            assert_eq!(fast, slow);
            assert!(slow.is_some());
        }
        for s in [
            "của mía quá giá giải quái túi tài hoà hòa thuỷ gìa qúy nghĩa ngiá",
            "Ủa Ía ÁI",
        ] {
            for style in [ToneStyle::Modern, ToneStyle::Traditional] {
                let (fast, slow) = both(s, style);
                assert_eq!(fast, slow, "{s}");
            }
        }
    }

    /// The pass with the fast trigger scan and with the stepwise reference,
    /// as comparable values (`None` = unchanged, `Some(None)` = needs clean).
    fn fast_and_stepwise(
        text: &str,
        opt: RunOptions,
    ) -> (Option<Option<String>>, Option<Option<String>>) {
        let f = |p: Pass| match p {
            Pass::Unchanged => None,
            Pass::Changed(s) => Some(Some(s)),
            Pass::NeedsClean => Some(None),
        };
        (
            f(process_with(text, opt, false)),
            f(process_with(text, opt, true)),
        )
    }

    fn all_options() -> Vec<RunOptions> {
        let mut v = Vec::new();
        for style in [ToneStyle::Modern, ToneStyle::Traditional, ToneStyle::Keep] {
            for bits in 0u8..32 {
                v.push(RunOptions {
                    style,
                    eth: bits & 1 != 0,
                    homoglyphs: bits & 2 != 0,
                    invisible: bits & 4 != 0,
                    spaces: bits & 8 != 0,
                    shortcuts: bits & 16 != 0,
                });
            }
        }
        v
    }

    #[test]
    fn fast_scan_equals_stepwise_on_generated_text() {
        // Pieces rich in what the scan must stop on or step over: toned and
        // untoned vowels in every neighbourhood, combining marks, look-alike
        // letters, invisible characters, exotic spaces, other scripts.
        let pieces = [
            "a", "á", "à", "o", "ó", "e", "ẻ", "i", "í", "u", "ú", "ủ", "y", "ý", "ê", "ế", "ơ",
            "ư", "ứ", "ờ", "q", "g", "h", "n", "ng", "t", "Q", "G", "Ò", "A", "\u{0300}",
            "\u{0301}", "\u{0323}", "\u{0302}", "\u{031B}", " ", " ", " ", ", ", ".", "-", "\n",
            "\u{00A0}", "\u{200B}", "\u{200D}", "\u{00AD}", "\u{2003}", "\u{2000}", "\u{00D0}",
            "\u{00F0}", "о", "α", "ñ", "ń", "ṭ", "中", "😀", "ä", "“", "–", "\u{0340}", "1", "đ",
            "Đ", "ǹ", "\u{1E9B}",
        ];
        // A small deterministic generator (xorshift).
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let opts = all_options();
        for round in 0..3000 {
            let len = 1 + (next() % 24) as usize;
            let mut text = String::new();
            for _ in 0..len {
                text.push_str(pieces[(next() % pieces.len() as u64) as usize]);
            }
            for (k, &opt) in opts.iter().enumerate() {
                if (k + round) % 8 != 0 {
                    continue; // a rotating eighth of the option sets per text
                }
                let (fast, slow) = fast_and_stepwise(&text, opt);
                assert_eq!(fast, slow, "{text:?} {opt:?}");
            }
        }
    }

    /// The options of `style` and the cleanup switches in `bits` (eth,
    /// homoglyphs, invisible, spaces), with the shortcuts and without.
    fn with_and_without_shortcuts(style: ToneStyle, bits: u8) -> (RunOptions, RunOptions) {
        let opt = RunOptions {
            style,
            eth: bits & 1 != 0,
            homoglyphs: bits & 2 != 0,
            invisible: bits & 4 != 0,
            spaces: bits & 8 != 0,
            shortcuts: true,
        };
        (
            opt,
            RunOptions {
                shortcuts: false,
                ..opt
            },
        )
    }

    /// Long texts (where the pass caches what each run became and takes
    /// runs from the cache without searching for their trigger) give the
    /// same result as the plainest pass: stepwise, without shortcuts and so
    /// without the cache. The words repeat, as in real text, and are
    /// written in both tone styles, in NFD, with misplaced marks, next to
    /// separators that trigger themselves.
    #[test]
    fn cached_runs_equal_plain_pass_on_long_generated_text() {
        let onsets = [
            "", "h", "th", "ng", "qu", "gi", "kh", "tr", "Đ", "đ", "Q", "G",
        ];
        let rhymes = [
            "oà",
            "òa",
            "oẻ",
            "ỏe",
            "uỷ",
            "ủy",
            "ái",
            "aí",
            "ưở",
            "ươ\u{0300}",
            "ướ",
            "iế",
            "iê\u{0301}n",
            "ia",
            "ìa",
            "úa",
            "uá",
            "ă\u{0303}ng",
            "o\u{0323}",
            "a\u{0300}",
            "e\u{0309}",
            "u\u{031B}\u{0301}",
            "y\u{0301}",
            "oa\u{0300}n",
            "o\u{0300}an",
            "ê",
            "ện",
            "a",
            "n\u{0301}",
            "о",
            "ñ",
            "ả\u{0301}",
        ];
        let seps = [
            " ", " ", " ", ", ", ".\n", "\u{00A0}", "“", "\u{2000}", "-", "\u{200B}",
        ];
        let mut x: u64 = 0x1234_5678_9ABC_DEF1;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let words: Vec<String> = (0..400)
            .map(|_| {
                let o = onsets[(next() % onsets.len() as u64) as usize];
                let r = rhymes[(next() % rhymes.len() as u64) as usize];
                let mut w = format!("{o}{r}");
                if next() % 5 == 0 {
                    w = w.nfd().collect();
                }
                if next() % 7 == 0 {
                    w.push('c');
                }
                w
            })
            .collect();
        let mut text = String::new();
        while text.len() < 48 * 1024 {
            // Frequent words first: many repeats.
            let r = next() % 1000;
            let w = &words[((r * r) / 2500) as usize % words.len()];
            text.push_str(w);
            let sep = if next() % 4 == 0 {
                seps[(next() % seps.len() as u64) as usize]
            } else {
                " "
            };
            text.push_str(sep);
        }
        let f = |p: Pass| match p {
            Pass::Unchanged => None,
            Pass::Changed(s) => Some(Some(s)),
            Pass::NeedsClean => Some(None),
        };
        let mut changed = 0;
        for style in [ToneStyle::Modern, ToneStyle::Traditional, ToneStyle::Keep] {
            for bits in [0u8, 3, 12, 15] {
                let (opt, plain) = with_and_without_shortcuts(style, bits);
                let fast = f(process_with(&text, opt, false));
                let slow = f(process_with(&text, plain, true));
                assert_eq!(fast, slow, "{style:?} {bits}");
                changed += usize::from(matches!(fast, Some(Some(_))));
            }
        }
        assert!(changed >= 6, "{changed}");
        // The same text a line at a time: the thread's cache, filled by
        // earlier lines (and emptied when the options change), serves the
        // later ones.
        let lines: Vec<&str> = text.split_inclusive(['\n', ',']).collect();
        assert!(lines.len() > 100);
        let mut changed = 0;
        for style in [ToneStyle::Modern, ToneStyle::Traditional] {
            for bits in [0u8, 15] {
                let (opt, plain) = with_and_without_shortcuts(style, bits);
                for line in &lines {
                    let fast = f(process_with(line, opt, false));
                    let slow = f(process_with(line, plain, true));
                    assert_eq!(fast, slow, "{style:?} {bits} {line:?}");
                    changed += usize::from(matches!(fast, Some(Some(_))));
                }
            }
        }
        assert!(changed > 100, "{changed}");
    }

    /// The first `docs` unc-news documents concatenated (shared corpus).
    fn corpus_text(docs: usize) -> String {
        crate::test_data::news_docs(docs).concat()
    }

    #[test]
    #[ignore = "needs VNTEXT_DATA (unc-news); run: VNTEXT_DATA=../shared/data cargo test -- --ignored"]
    fn fast_scan_equals_stepwise_on_corpus() {
        let text = corpus_text(200);
        let nfd: String = text.nfd().collect();
        let mut checked = 0;
        for (k, opt) in all_options().into_iter().enumerate() {
            if k % 5 != 0 && !(opt.eth && opt.homoglyphs && opt.invisible && opt.spaces) {
                continue;
            }
            for t in [&text, &nfd] {
                let (fast, slow) = fast_and_stepwise(t, opt);
                assert_eq!(fast, slow, "{opt:?}");
                checked += 1;
            }
        }
        assert!(checked > 20);
    }

    #[test]
    #[ignore = "needs VNTEXT_DATA (unc-news); run: VNTEXT_DATA=../shared/data cargo test -- --ignored"]
    fn shortcuts_change_nothing_on_corpus() {
        let text = corpus_text(300);
        let nfd: String = text.nfd().collect();
        for style in [ToneStyle::Modern, ToneStyle::Traditional, ToneStyle::Keep] {
            let (fast, slow) = both(&nfd, style);
            assert_eq!(fast, slow);
            assert_eq!(fast.is_some(), nfd != text);
            if style == ToneStyle::Keep {
                let want: String = nfd.nfc().collect();
                assert_eq!(fast.as_deref(), Some(want.as_str()).filter(|w| *w != nfd));
            }
        }
        for style in [ToneStyle::Modern, ToneStyle::Traditional] {
            let (fast, slow) = both(&text, style);
            assert_eq!(fast, slow);
            // And on the text converted to the other style.
            let other = slow.unwrap_or_else(|| text.clone());
            for style2 in [ToneStyle::Modern, ToneStyle::Traditional] {
                let (fast, slow) = both(&other, style2);
                assert_eq!(fast, slow);
            }
        }
    }
}
#[cfg(test)]
mod trigger_tests {
    use super::*;

    /// Every trigger of the fast scan (or of the reference), restarting
    /// after each at the end of its run, as the pass does.
    fn triggers(
        text: &str,
        fast: bool,
        stop: Info,
        keep: bool,
        style: ToneStyle,
    ) -> Vec<(usize, Info, usize)> {
        let t: &Tables = &TABLES;
        let b = text.as_bytes();
        let mut v = Vec::new();
        let mut i = 0;
        let mut blocks = Blocks::None;
        while i < b.len() {
            let found = if fast {
                next_trigger(t, b, i, stop, keep, true, style, &mut blocks)
            } else {
                next_trigger_stepwise(t, b, i, stop, keep, true, style)
                    .map(|(at, k, len, _)| (at, k, len))
            };
            let Some((at, k, len)) = found else { break };
            v.push((at, k, len));
            i = run_end(t, b, at).max(at + 1);
            while !text.is_char_boundary(i) {
                i += 1;
            }
        }
        v
    }

    /// Pieces for generated text: every kind of character the filter
    /// of [`next_trigger`] treats differently, in every neighbourhood.
    const PIECES: &[&str] = &[
        "a", "á", "à", "ả", "ạ", "o", "ó", "ò", "e", "ẻ", "é", "i", "í", "ì", "u", "ú", "ủ", "y",
        "ý", "ỳ", "ê", "ế", "ơ", "ờ", "ư", "ứ", "ừ", "ă", "ắ", "â", "ầ", "q", "g", "h", "n", "ng",
        "t", "Q", "G", "Ò", "Ú", "Ý", "A", "Đ", "đ", "\u{0300}", "\u{0301}", "\u{0323}",
        "\u{0302}", "\u{031B}", " ", " ", " ", ", ", ".", "-", "\n", "\u{00A0}", "\u{200B}",
        "\u{200D}", "\u{00AD}", "\u{2003}", "\u{2000}", "\u{2070}", "“", "–", "…", "\u{00D0}",
        "\u{00F0}", "о", "α", "ñ", "ń", "ṭ", "ḿ", "中", "ア", "😀", "ä", "ǹ", "\u{1E9B}",
        "\u{1EFA}", "\u{0340}", "1", "\u{FEFF}", "\u{3000}", "×", "\u{037E}", "\u{0375}", "ƀ", "ſ",
    ];

    fn generated(seed: u64, rounds: usize, max_len: u64) -> Vec<String> {
        let mut x = seed;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        (0..rounds)
            .map(|_| {
                let len = 1 + next() % max_len;
                (0..len)
                    .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                    .collect()
            })
            .collect()
    }

    /// Every stop combination the pass uses, with and without `keep`.
    fn stops() -> Vec<(Info, bool)> {
        let mut v = Vec::new();
        for bits in 0u8..16 {
            let mut stop = UNSAFE;
            for (bit, s) in [(1, HOMO), (2, ETH), (4, INVIS), (8, XSPACE)] {
                if bits & bit != 0 {
                    stop |= s;
                }
            }
            v.push((stop, true));
            v.push((stop | TONECONS, false));
        }
        v
    }

    /// The fast scan stops exactly where the stepwise reference stops,
    /// with the same information and length, on generated text (short
    /// texts, which end inside the 64-byte blocks, and long ones).
    #[test]
    fn fast_triggers_equal_stepwise_triggers() {
        let mut texts = generated(0x2545_F491_4F6C_DD1D, 4000, 30);
        texts.extend(generated(0x9E37_79B9_7F4A_7C15, 300, 400));
        let mut found = 0;
        for (n, text) in texts.iter().enumerate() {
            for (m, &(stop, keep)) in stops().iter().enumerate() {
                if (n + m) % 4 != 0 {
                    continue;
                }
                for style in [ToneStyle::Modern, ToneStyle::Traditional] {
                    let fast = triggers(text, true, stop, keep, style);
                    let slow = triggers(text, false, stop, keep, style);
                    assert_eq!(fast, slow, "{text:?} {stop:#x} {keep} {style:?}");
                    found += fast.len();
                }
            }
        }
        assert!(found > 10_000, "{found}");
    }

    /// The same on vowel groups of every shape that [`plainly_placed`]
    /// answers for, and their near misses: after ASCII and non-ASCII
    /// letters (`đ`, `ư`), `gi`/`qu`/`g`/`q` onsets, before glides, `a`,
    /// consonants, separators and other letters.
    #[test]
    fn fast_triggers_equal_stepwise_on_vowel_groups() {
        let before = [
            "", "t", "đ", "Đ", "ng", "q", "g", "gi", "qu", "Gi", "QU", "ư", "o", "u", "“", "ao",
        ];
        let first = [
            "a", "á", "ạ", "e", "é", "i", "í", "o", "ó", "ọ", "u", "ú", "ủ", "y", "ý", "ừ",
        ];
        let second = [
            "a", "à", "e", "è", "i", "o", "u", "y", "ỷ", "ơ", "ờ", "n", "c", "đ", "\u{0301}",
        ];
        let third = ["", "i", "o", "y", "a", "n", "ng", "ư", "”", ","];
        let mut text = String::new();
        for b in before {
            for f in first {
                for s in second {
                    for t in third {
                        text.push_str(b);
                        text.push_str(f);
                        text.push_str(s);
                        text.push_str(t);
                        text.push(' ');
                    }
                }
            }
        }
        let mut found = 0;
        for style in [ToneStyle::Modern, ToneStyle::Traditional] {
            let fast = triggers(&text, true, UNSAFE | TONECONS, false, style);
            let slow = triggers(&text, false, UNSAFE | TONECONS, false, style);
            if fast != slow {
                let first_diff = fast.iter().zip(&slow).position(|(a, b)| a != b);
                let at = first_diff.map_or(0, |d| fast[d].0.min(slow[d].0));
                let from = (0..=at.saturating_sub(12))
                    .rev()
                    .find(|&i| text.is_char_boundary(i));
                panic!(
                    "{style:?}: first difference near {:?}",
                    &text[from.unwrap_or(0)..at + 4]
                );
            }
            found += fast.len();
        }
        assert!(found > 10_000, "{found}");
    }

    /// The byte classification of [`run_bytes`] equals [`Tables::step`]
    /// for every byte value, at every position of a word, next to every
    /// kind of neighbour (a carry between bytes would show).
    #[test]
    fn run_bytes_agree_with_the_step_table() {
        let t: &Tables = &TABLES;
        for x in 0..=255u8 {
            for pos in 0..8 {
                for fill in [0x00, b'a', b'Z', 0x7F, 0x80, 0xBF, 0xC4, 0xCC, 0xFF] {
                    let mut a = [fill; 8];
                    a[pos] = x;
                    let got = run_bytes(u64::from_le_bytes(a)) >> (8 * pos + 7) & 1 == 1;
                    assert_eq!(
                        got,
                        t.step[x as usize] == STEP_RUN,
                        "{x:#x} at {pos} among {fill:#x}"
                    );
                }
            }
        }
    }

    /// The run walks equal the character-by-character one, from every
    /// character of generated texts.
    #[test]
    fn run_walks_equal_stepwise() {
        let t: &Tables = &TABLES;
        let mut texts = generated(0x5DEE_CE66_D1CE_4E5B, 600, 40);
        texts.push("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{ z".into());
        for text in &texts {
            let b = text.as_bytes();
            for i in (0..b.len()).filter(|&i| text.is_char_boundary(i)) {
                let mut end = i;
                while end < b.len() {
                    let (k, len) = info_at(t, b, end);
                    if k & RUN == 0 {
                        break;
                    }
                    end += len;
                }
                assert_eq!(run_end(t, b, i), end, "{text:?} {i}");
                let ascii = b[i..end].is_ascii();
                assert_eq!(walk_run(t, b, i), (end, ascii), "{text:?} {i}");
            }
        }
    }
}
