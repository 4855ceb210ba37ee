//! The run pass: NFC, tone placement, repair and look-alike substitution in
//! one scan over the text.
//!
//! The text is split into maximal *runs* of letters and combining marks and
//! the separators between them. Separators are NFC already unless they are
//! singletons (U+2000 → U+2002); a run is left untouched — without being
//! parsed or copied — unless it holds
//! * a character that is not NFC-stable (a combining mark, a singleton),
//! * a precomposed consonant with a tone mark (`ń`, `ṭ`: possible repair),
//! * a look-alike letter (ETH, Cyrillic, Greek) when that cleanup is on,
//! * more than one toned letter, or a single toned vowel that can be on the
//!   wrong letter: an unmodified vowel next to another vowel (where the two
//!   styles differ: hoà/hòa, or a mark misplaced as in tíên), or `ư` before
//!   `ơ`. A toned `ă â ê ô ơ` (or `ư` elsewhere) or an isolated toned vowel is
//!   always where both styles put it.
//!
//! Only such runs are parsed as syllables and re-rendered; the output is
//! allocated on the first run that actually changes.

use std::sync::LazyLock;

use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::clean::{homoglyph, is_exotic_space, is_invisible};
use super::ToneStyle;
use crate::chars::{self, Tone};
use crate::syllable::Syllable;

/// Settings the run pass needs.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RunOptions {
    pub style: ToneStyle,
    pub eth: bool,
    pub homoglyphs: bool,
}

/// Character class bits (for characters outside ASCII and the Vietnamese
/// letter table).
const RUN: u8 = 1; // continues a run: alphabetic, combining, ccc != 0
const UNSAFE: u8 = 2; // not NFC-stable on its own (mark, singleton, may compose)
const TONECONS: u8 = 4; // ASCII letter + Vietnamese marks (ń, ṭ, ñ)
const HOMO: u8 = 8; // ETH or a Cyrillic/Greek look-alike
const ETH: u8 = 16; // ETH proper (ð Ð Ɖ)

fn compute_class(c: char) -> u8 {
    let mut k = 0;
    let ccc = canonical_combining_class(c);
    let mark = unicode_normalization::char::is_combining_mark(c);
    if c.is_alphabetic() || ccc != 0 || mark {
        k |= RUN;
    }
    if ccc != 0 || mark || is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes {
        k |= UNSAFE;
    }
    if let Some(_h) = homoglyph(c) {
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
    if (2..=4).contains(&n)
        && parts[0].is_ascii_alphabetic()
        && parts[1..n]
            .iter()
            .all(|&m| Tone::from_mark(m).is_some() || chars::Modifier::from_mark(m).is_some())
    {
        k |= TONECONS;
    }
    // Invisible characters and exotic spaces are plain separators here
    // (the cleanup pass before this one removes them when asked).
    if is_invisible(c) || is_exotic_space(c) {
        k &= !RUN;
    }
    k
}

struct Classes {
    lo: Vec<u8>,   // U+0000..U+07FF
    ext: Vec<u8>,  // U+1E00..U+1EFF
    punc: Vec<u8>, // U+2000..U+206F
}

static CLASSES: LazyLock<Classes> = LazyLock::new(|| {
    let mk = |lo: u32, hi: u32| -> Vec<u8> {
        (lo..hi)
            .map(|cp| char::from_u32(cp).map_or(0, compute_class))
            .collect()
    };
    Classes {
        lo: mk(0, 0x800),
        ext: mk(0x1E00, 0x1F00),
        punc: mk(0x2000, 0x2070),
    }
});

#[inline]
fn class(t: &Classes, c: char) -> u8 {
    let cp = c as u32;
    if cp < 0x800 {
        t.lo[cp as usize]
    } else if (0x1E00..0x1F00).contains(&cp) {
        t.ext[(cp - 0x1E00) as usize]
    } else if (0x2000..0x2070).contains(&cp) {
        t.punc[(cp - 0x2000) as usize]
    } else if (0x3040..0xA000).contains(&cp) && !(0x3099..=0x309A).contains(&cp) {
        // Kana and CJK ideographs: letters, NFC-stable.
        RUN
    } else {
        compute_class(c)
    }
}

/// ASCII classes: 0 separator, 1 consonant letter, 2 vowel letter.
static ASCII: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        if b.is_ascii_alphabetic() {
            t[i] = match b | 0x20 {
                b'a' | b'e' | b'i' | b'o' | b'u' | b'y' => 2,
                _ => 1,
            };
        }
        i += 1;
    }
    t
};

/// Decodes the non-ASCII character starting at byte `i` of valid UTF-8.
#[inline]
fn decode(b: &[u8], i: usize) -> (char, usize) {
    let x = b[i] as u32;
    let (cp, len) = if x < 0xE0 {
        (((x & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F), 2)
    } else if x < 0xF0 {
        (
            ((x & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F),
            3,
        )
    } else {
        (
            ((x & 0x07) << 18)
                | ((b[i + 1] as u32 & 0x3F) << 12)
                | ((b[i + 2] as u32 & 0x3F) << 6)
                | (b[i + 3] as u32 & 0x3F),
            4,
        )
    };
    (char::from_u32(cp).unwrap_or('\u{FFFD}'), len)
}

/// What the scan of one run found.
#[derive(Default)]
struct Scan {
    letters: u32,
    toned: u32,
    toned_modified: bool,
    toned_is_u_horn: bool,
    prev_vowel: bool,
    /// A vowel stands right before the (first) toned letter.
    vowel_before_toned: bool,
    /// Letter right after the toned one: 0 none yet, 1 consonant, 2 vowel,
    /// 3 `ơ`.
    after_toned: u8,
    just_toned: bool,
    unsafe_: bool,
    tonecons: bool,
    homo: bool,
    eth: bool,
    first_nonstarter: bool,
}

impl Scan {
    #[inline]
    fn letter(&mut self, vowel: bool, base: char, tone: Tone) {
        if self.just_toned {
            self.after_toned = if base == 'ơ' {
                3
            } else if vowel {
                2
            } else {
                1
            };
            self.just_toned = false;
        }
        if tone != Tone::Ngang {
            self.toned += 1;
            if self.toned == 1 {
                self.vowel_before_toned = self.prev_vowel;
                self.toned_modified = !base.is_ascii();
                self.toned_is_u_horn = base == 'ư';
                self.just_toned = true;
            }
        }
        self.prev_vowel = vowel;
        self.letters += 1;
    }

    /// Whether the tone mark can be somewhere other than where `style`
    /// puts it.
    fn tone_suspect(&self) -> bool {
        match self.toned {
            0 => false,
            1 => {
                if self.toned_modified {
                    self.toned_is_u_horn && self.after_toned == 3
                } else {
                    self.vowel_before_toned || self.after_toned >= 2
                }
            }
            _ => true,
        }
    }
}

/// Lazily built output.
struct Out {
    out: Option<String>,
    copied: usize,
}

impl Out {
    fn replace(&mut self, text: &str, start: usize, end: usize, with: &str) {
        let o = self
            .out
            .get_or_insert_with(|| String::with_capacity(text.len() + 16));
        o.push_str(&text[self.copied..start]);
        o.push_str(with);
        self.copied = end;
    }
}

/// Runs the pass. `None` when nothing changes.
pub(crate) fn process(text: &str, opt: RunOptions) -> Option<String> {
    let t: &Classes = &CLASSES;
    let b = text.as_bytes();
    let n = b.len();
    let mut st = Out {
        out: None,
        copied: 0,
    };
    let mut i = 0;
    // Start of the separator character just before position `i`, if it was
    // one (needed when a run starts with a combining mark).
    let mut sep_before = usize::MAX;
    while i < n {
        let x = b[i];
        if x < 0x80 {
            if ASCII[x as usize] == 0 {
                sep_before = i;
                i += 1;
                continue;
            }
        } else {
            let (c, len) = decode(b, i);
            if chars::letter(c).is_none() {
                let k = class(t, c);
                if k & RUN == 0 {
                    if k & UNSAFE != 0 {
                        let nfc: String = std::iter::once(c).nfc().collect();
                        st.replace(text, i, i + len, &nfc);
                    }
                    sep_before = i;
                    i += len;
                    continue;
                }
            }
        }
        // A run starts here.
        let start = i;
        let mut s = Scan::default();
        let mut first = true;
        while i < n {
            let x = b[i];
            if x < 0x80 {
                let k = ASCII[x as usize];
                if k == 0 {
                    break;
                }
                s.letter(k == 2, (x | 0x20) as char, Tone::Ngang);
                i += 1;
            } else {
                let (c, len) = decode(b, i);
                if let Some(l) = chars::letter(c) {
                    s.letter(chars::is_vowel(l.base), l.base, l.tone);
                } else {
                    let k = class(t, c);
                    if k & RUN == 0 {
                        break;
                    }
                    if k & UNSAFE != 0 {
                        s.unsafe_ = true;
                        if first && canonical_combining_class(c) != 0 {
                            s.first_nonstarter = true;
                        }
                    }
                    if k & TONECONS != 0 {
                        s.tonecons = true;
                        s.letters += 1;
                        // The mark may belong to the vowel next to it.
                        s.toned += 1;
                    }
                    if k & HOMO != 0 {
                        s.homo = true;
                        if k & ETH != 0 {
                            s.eth = true;
                        }
                    }
                }
                i += len;
            }
            first = false;
        }
        let end = i;
        let keep = opt.style == ToneStyle::Keep;
        let homo = s.homo && (opt.homoglyphs || (s.eth && opt.eth));
        let work = s.unsafe_ || homo || (!keep && (s.tonecons || s.tone_suspect()));
        if work && !run(text, start, end, sep_before, &s, homo, opt, &mut st) {
            // A combining mark at the start of a run after a separator that
            // was itself rewritten: fall back to plain NFC first.
            let nfc: String = text.nfc().collect();
            return Some(process(&nfc, opt).unwrap_or(nfc));
        }
        sep_before = usize::MAX;
    }
    let mut o = st.out?;
    o.push_str(&text[st.copied..]);
    Some(o)
}

/// Handles one run that may change. Returns `false` to request the
/// whole-text fallback.
#[allow(clippy::too_many_arguments)]
fn run(
    text: &str,
    start: usize,
    end: usize,
    sep_before: usize,
    s: &Scan,
    homo: bool,
    opt: RunOptions,
    st: &mut Out,
) -> bool {
    let r = &text[start..end];
    let keep = opt.style == ToneStyle::Keep;
    if s.letters as usize <= crate::syllable::MAX_LETTERS && end - start <= 64 {
        if let Some(syl) = Syllable::parse(r) {
            let mut buf = String::with_capacity(r.len());
            if !keep {
                syl.render_into(opt.style, &mut buf);
            } else if syl.tone_marks() <= 1 {
                // NFC of a parsed syllable with at most one mark.
                syl.render_into(ToneStyle::Keep, &mut buf);
            } else {
                buf.extend(r.nfc());
            }
            if buf != r {
                st.replace(text, start, end, &buf);
            }
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
/// letter (a word written wholly in Cyrillic or Greek is left alone).
fn substitute(run: &str, opt: RunOptions, buf: &mut String) -> bool {
    let mut latin = false;
    let mut any = false;
    let mut tmp = String::with_capacity(run.len());
    for c in run.chars() {
        let sub = match homoglyph(c) {
            Some(r) if matches!(c, '\u{00D0}' | '\u{00F0}' | '\u{0189}') => opt.eth.then_some(r),
            Some(r) => opt.homoglyphs.then_some(r),
            None => None,
        };
        match sub {
            Some(r) => {
                any = true;
                tmp.push(r);
            }
            None => {
                if chars::letter(c).is_some() {
                    latin = true;
                }
                tmp.push(c);
            }
        }
    }
    if !any || !latin {
        return false;
    }
    let Some(s) = Syllable::parse(&tmp) else {
        return false;
    };
    if opt.style == ToneStyle::Keep {
        buf.extend(tmp.nfc());
    } else {
        s.render_into(opt.style, buf);
    }
    true
}
