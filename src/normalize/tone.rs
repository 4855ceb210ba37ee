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

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::clean::{homoglyph, is_exotic_space, is_invisible};
use super::ToneStyle;
use crate::chars::{self, Tone};
use crate::syllable::Syllable;

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

// Character information bits.
const RUN: u16 = 1; // continues a run: letter, combining mark, ccc != 0
const UNSAFE: u16 = 1 << 1; // not NFC-stable on its own
const TONECONS: u16 = 1 << 2; // ASCII letter + Vietnamese marks (ń, ṭ, ñ)
const HOMO: u16 = 1 << 3; // ETH or a Cyrillic/Greek look-alike
const ETH: u16 = 1 << 4; // ETH proper (ð Ð Ɖ)
const VOWEL: u16 = 1 << 5; // a Vietnamese vowel letter (any tone, case)
const TONED: u16 = 1 << 6; // a precomposed vowel with a tone mark
const MODIFIED: u16 = 1 << 7; // ă â ê ô ơ ư
const U_HORN: u16 = 1 << 8; // ư
const O_HORN: u16 = 1 << 9; // ơ
const INVIS: u16 = 1 << 10; // invisible character
const XSPACE: u16 = 1 << 11; // exotic space
/// Has a canonical decomposition (other than a table letter).
pub(crate) const DECOMP: u16 = 1 << 12;
/// Bits 13–15: which unmodified vowel (a e i o u y = 1..6), 0 otherwise.
const BASE_SHIFT: u16 = 13;
const A: u16 = 1;
const E: u16 = 2;
const I: u16 = 3;
const O: u16 = 4;
const U: u16 = 5;
const Y: u16 = 6;

#[inline(always)]
fn base_of(k: u16) -> u16 {
    k >> BASE_SHIFT
}

fn base_bits(base: char) -> u16 {
    (match base {
        'a' => A,
        'e' => E,
        'i' => I,
        'o' => O,
        'u' => U,
        'y' => Y,
        _ => 0,
    }) << BASE_SHIFT
}
/// Not NFC-stable on its own (mark, singleton, may compose with a neighbour).
pub(crate) const NOT_NFC: u16 = UNSAFE;

fn compute_info(c: char) -> u16 {
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
        if matches!(c, '\u{00D0}' | '\u{00F0}' | '\u{0189}') {
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

struct Tables {
    ascii: [u16; 128],
    // Fixed sizes: the masked indexes need no bounds checks.
    lo: Box<[u16; 0x800]>,  // U+0080..U+07FF (index by code point)
    ext: Box<[u16; 0x100]>, // U+1E00..U+1EFF
    punc: Box<[u16; 0x70]>, // U+2000..U+206F
    /// ASCII base of each Vietnamese letter in U+0080..U+07FF (0: none).
    fold_lo: Box<[u8; 0x800]>,
    /// Same for U+1E00..U+1EFF.
    fold_ext: Box<[u8; 0x100]>,
}

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
    fn mk<T: Copy + Default, const N: usize>(lo: u32, f: fn(char) -> T) -> Box<[T; N]> {
        let mut a = Box::new([T::default(); N]);
        for (k, v) in a.iter_mut().enumerate() {
            *v = char::from_u32(lo + k as u32).map_or_else(T::default, f);
        }
        a
    }
    let mut ascii = [0u16; 128];
    for (i, a) in ascii.iter_mut().enumerate() {
        let b = i as u8;
        if b.is_ascii_alphabetic() {
            *a = RUN;
            if matches!(b | 0x20, b'a' | b'e' | b'i' | b'o' | b'u' | b'y') {
                *a |= VOWEL | base_bits((b | 0x20) as char);
            }
        }
    }
    Tables {
        ascii,
        lo: mk(0, compute_info),
        ext: mk(0x1E00, compute_info),
        punc: mk(0x2000, compute_info),
        fold_lo: mk(0, fold_byte),
        fold_ext: mk(0x1E00, fold_byte),
    }
});

/// For the non-ASCII character at byte `i` of `text`: the ASCII letter
/// that folding makes of it (0 when it is not a Vietnamese letter), its
/// information bits and its length.
#[inline]
pub(crate) fn fold_info(text: &str, i: usize) -> (u8, u16, usize) {
    let t: &Tables = &TABLES;
    let b = text.as_bytes();
    let x = b[i];
    if (0xC2..0xE0).contains(&x) {
        let cp = ((x as usize & 0x1F) << 6) | (b[i + 1] as usize & 0x3F);
        return (t.fold_lo[cp], t.lo[cp], 2);
    }
    if x == 0xE1 {
        let cp = ((b[i + 1] as usize & 0x3F) << 6) | (b[i + 2] as usize & 0x3F);
        if (0x1E00..0x1F00).contains(&(0x1000 | cp)) {
            let j = (0x1000 | cp) - 0x1E00;
            return (t.fold_ext[j], t.ext[j], 3);
        }
    }
    let (k, len) = info_at(t, b, i);
    (0, k, len)
}

/// Information and byte length of the character at `i` (valid UTF-8).
#[inline(always)]
fn info_at(t: &Tables, b: &[u8], i: usize) -> (u16, usize) {
    let x = b[i] as u32;
    if x < 0x80 {
        return (t.ascii[x as usize], 1);
    }
    if x < 0xE0 {
        let cp = ((x & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F);
        return (t.lo[cp as usize], 2);
    }
    if x < 0xF0 {
        let cp = ((x & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F);
        let k = if (0x1E00..0x1F00).contains(&cp) {
            t.ext[(cp - 0x1E00) as usize]
        } else if (0x2000..0x2070).contains(&cp) {
            t.punc[(cp - 0x2000) as usize]
        } else if (0x3040..0x3099).contains(&cp) || (0x30A0..0xA000).contains(&cp) {
            RUN // kana and CJK ideographs: letters, NFC-stable
        } else {
            char::from_u32(cp).map_or(0, compute_info)
        };
        return (k, 3);
    }
    let cp = ((x & 0x07) << 18)
        | ((b[i + 1] as u32 & 0x3F) << 12)
        | ((b[i + 2] as u32 & 0x3F) << 6)
        | (b[i + 3] as u32 & 0x3F);
    (char::from_u32(cp).map_or(0, compute_info), 4)
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
        }
    }

    fn replace(&mut self, text: &str, start: usize, end: usize, with: &str) {
        let o = self
            .out
            .get_or_insert_with(|| String::with_capacity(text.len() + 16));
        o.push_str(&text[self.copied..start]);
        o.push_str(with);
        self.copied = end;
        self.changed = true;
    }
}

/// Whether the toned vowel at `i` (info `k`, length `len`) may carry its
/// mark on the wrong letter. `start` is where its run starts.
///
/// With `shortcuts`, the commonest safe patterns are recognised without a
/// parse: a toned unmodified vowel that starts its vowel group (not after
/// `q`/`g`) followed by a glide with which it forms a tone-first rhyme (`ai
/// ao au ay eo iu oi ui`) and nothing more, or by `a` closing the run (`ia
/// ua`); and the same after a run-initial `gi`/`qu`. In these cases the run
/// either is not a syllable or has its mark where both styles put it, so
/// the answer "unchanged" is the one the parse would give.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn suspect(
    t: &Tables,
    b: &[u8],
    i: usize,
    len: usize,
    k: u16,
    start: usize,
    shortcuts: bool,
    style: ToneStyle,
) -> bool {
    if k & (MODIFIED | U_HORN) == MODIFIED {
        return false; // a toned ă â ê ô ơ always carries the mark
    }
    let n = b.len();
    let j = i + len;
    let (next, nlen) = if j < n { info_at(t, b, j) } else { (0, 0) };
    if k & MODIFIED != 0 {
        return k & U_HORN != 0 && next & O_HORN != 0;
    }
    let prev_vowel = i > start && info_at(t, b, prev_start(b, i)).0 & VOWEL != 0;
    if next & VOWEL == 0 && !prev_vowel {
        return false;
    }
    if !shortcuts {
        return true;
    }
    let v = base_of(k);
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
    } else if i > start && matches!(b[i - 1] | 0x20, b'q' | b'g') {
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
    let tone_first_glide = matches!(
        (v, nb),
        (A, I) | (A, O) | (A, U) | (A, Y) | (E, O) | (I, U) | (O, I) | (U, I)
    );
    if tone_first_glide && after & VOWEL == 0 {
        return false;
    }
    let open_diphthong = matches!((v, nb), (I, A) | (U, A)) && !prev_vowel;
    !(open_diphthong && after & RUN == 0)
}

const HIGH: u64 = 0x8080_8080_8080_8080;
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
    v: u16,
    next: u16,
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

/// Texts at least this long cache the rewriting of each distinct run.
const CACHE_MIN_TEXT: usize = 16 * 1024;
/// At most this many cached runs.
const CACHE_MAX: usize = 1 << 16;

/// End of the run that contains byte `i`.
#[inline]
fn run_end(t: &Tables, b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        let (k, len) = info_at(t, b, i);
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
        let p = prev_start(b, j);
        if info_at(t, b, p).0 & RUN == 0 {
            break;
        }
        j = p;
    }
    j
}

/// Like [`run_start_before`] but looks back at most three characters: for
/// [`suspect`], which only asks whether the run starts at `i`, at the
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

/// The first character at or after `i` (a run boundary) that the pass
/// must stop on: its position, information bits and length. ASCII bytes
/// never trigger and are skipped eight at a time; non-ASCII characters are
/// looked up and, when they are toned vowels, checked with [`suspect`].
#[allow(clippy::too_many_arguments)]
#[inline]
fn next_trigger(
    t: &Tables,
    b: &[u8],
    mut i: usize,
    stop: u16,
    keep: bool,
    shortcuts: bool,
    style: ToneStyle,
) -> Option<(usize, u16, usize)> {
    let floor = i;
    let n = b.len();
    let watch = if keep { stop } else { stop | TONED };
    loop {
        // Skip to the next non-ASCII byte.
        loop {
            if i + 8 <= n {
                let mut w = [0u8; 8];
                w.copy_from_slice(&b[i..i + 8]);
                let m = u64::from_le_bytes(w) & HIGH;
                if m == 0 {
                    i += 8;
                    continue;
                }
                i += m.trailing_zeros() as usize / 8;
                break;
            }
            while i < n && b[i] < 0x80 {
                i += 1;
            }
            if i >= n {
                return None;
            }
            break;
        }
        let (k, len) = info_at(t, b, i);
        if k & watch != 0 {
            if k & stop != 0 {
                return Some((i, k, len));
            }
            // A toned vowel; a toned ă â ê ô ơ always carries the mark.
            // Otherwise [`suspect`] answers `false` unless a vowel is next
            // to it (a vowel before it is always in its run).
            if k & (MODIFIED | U_HORN) != MODIFIED {
                let j = i + len;
                let next = if j < n { info_at(t, b, j).0 } else { 0 };
                let prev = if i > floor {
                    info_at(t, b, prev_start(b, i)).0
                } else {
                    0
                };
                if (next | prev) & VOWEL != 0 {
                    let start = near_run_start(t, b, i, floor);
                    if suspect(t, b, i, len, k, start, shortcuts, style) {
                        return Some((i, k, len));
                    }
                }
            }
        }
        i += len;
    }
}

/// Reference for [`next_trigger`]: steps through every character, keeps
/// track of where the current run starts and applies the trigger test to
/// each. Returns the trigger and the start of its run.
#[cfg(test)]
fn next_trigger_stepwise(
    t: &Tables,
    b: &[u8],
    mut i: usize,
    stop: u16,
    keep: bool,
    shortcuts: bool,
    style: ToneStyle,
) -> Option<(usize, u16, usize, usize)> {
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
    };
    // Created once the output exists (clean text never allocates).
    let mut cache: Option<FxHashMap<&str, Option<Box<str>>>> = None;
    let mut i = 0;
    // Invariant at the top of the loop: `i` is a run boundary and no
    // trigger precedes it that has not been handled.
    while i < n {
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
            next_trigger(t, b, i, stop, keep, opt.shortcuts, opt.style)
                .map(|(at, k, len)| (at, k, len, run_start_before(t, b, at, i)))
        };
        let Some((at, k, len, run_start)) = found else {
            break;
        };
        i = at;
        if k & stop & (INVIS | XSPACE) != 0 {
            return Pass::NeedsClean;
        }
        if k & RUN == 0 {
            // A separator that NFC changes (U+2000 → U+2002).
            let nfc: String = text[i..i + len].nfc().collect();
            st.replace(text, i, i + len, &nfc);
            i += len;
            continue;
        }
        // Long texts repeat syllables: remember what each run became.
        if cache.is_none() && st.changed && opt.shortcuts && n >= CACHE_MIN_TEXT {
            cache = Some(FxHashMap::default());
        }
        let cache_end = match cache.as_ref() {
            Some(c) => {
                let end = run_end(t, b, i);
                match c.get(&text[run_start..end]) {
                    Some(Some(rep)) => {
                        let rep: &str = rep;
                        st.replace(text, run_start, end, rep);
                        i = end;
                        continue;
                    }
                    Some(None) => {
                        i = end;
                        continue;
                    }
                    None => end,
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
                                Some(o[out_len + (run_start - copied)..].into())
                            }
                            _ => None,
                        };
                        c.insert(&text[run_start..end], rep);
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
            let nfc: String = text.nfc().collect();
            return match process_with(&nfc, opt, stepwise) {
                Pass::Unchanged => Pass::Changed(nfc),
                other => other,
            };
        }
        i = end;
    }
    match st.out {
        Some(mut o) if st.changed => {
            o.push_str(&text[st.copied..]);
            Pass::Changed(o)
        }
        _ => Pass::Unchanged,
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
            st.replace(text, from, end, &nfc);
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
            Some(r) if matches!(c, '\u{00D0}' | '\u{00F0}' | '\u{0189}') => opt.eth.then_some(r),
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

    #[test]
    fn fast_scan_equals_stepwise_on_corpus() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/unc-news/docs");
        let Ok(rd) = std::fs::read_dir(dir) else {
            eprintln!("skipping: {dir} not found");
            return;
        };
        let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        let mut text = String::new();
        for p in paths.iter().take(200) {
            text.push_str(&std::fs::read_to_string(p).unwrap_or_default());
        }
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
    fn shortcuts_change_nothing_on_corpus() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/unc-news/docs");
        let Ok(rd) = std::fs::read_dir(dir) else {
            eprintln!("skipping: {dir} not found");
            return;
        };
        let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        let mut text = String::new();
        for p in paths.iter().take(300) {
            text.push_str(&std::fs::read_to_string(p).unwrap_or_default());
        }
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
