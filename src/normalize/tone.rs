//! Tone placement and repair over the runs of letters of an NFC text, and
//! the look-alike substitution inside Vietnamese words.
//!
//! The scan is cheap for clean text: a run of letters can only change when it
//! holds a character outside the Vietnamese table (a combining mark, a toned
//! consonant, a look-alike) or a toned vowel next to another vowel (the only
//! place where the styles differ or a mark can sit on the wrong vowel) or
//! more than one toned letter. Only those runs are parsed.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

use super::clean::homoglyph;
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

/// Whether `c` belongs to a run of letters: a letter, or a character with a
/// non-zero combining class, or a combining mark.
#[inline]
pub(crate) fn is_run_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    chars::letter(c).is_some()
        || c.is_alphabetic()
        || canonical_combining_class(c) != 0
        || unicode_normalization::char::is_combining_mark(c)
}

/// Rewrites the runs of an NFC `text` that need it. `None` when nothing
/// changes.
pub(crate) fn apply(text: &str, opt: RunOptions) -> Option<String> {
    if opt.style == ToneStyle::Keep && !opt.eth && !opt.homoglyphs {
        return None;
    }
    let b = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut i = 0usize;
    let n = b.len();
    while i < n {
        // Skip ASCII non-letters quickly.
        let x = b[i];
        if x < 0x80 && !x.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        // A run starts at i. Scan it.
        let start = i;
        let mut toned = 0u32;
        let mut odd = false;
        let mut adjacent = false; // a toned vowel next to another vowel
        let mut prev_vowel = false;
        let mut prev_toned = false;
        while i < n {
            let x = b[i];
            if x < 0x80 {
                if !x.is_ascii_alphabetic() {
                    break;
                }
                let v = matches!(x | 0x20, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
                if v && prev_toned {
                    adjacent = true;
                }
                prev_vowel = v;
                prev_toned = false;
                i += 1;
                continue;
            }
            let c = match text[i..].chars().next() {
                Some(c) => c,
                None => break,
            };
            match chars::letter(c) {
                Some(l) => {
                    let v = chars::is_vowel(l.base);
                    let t = l.tone != Tone::Ngang;
                    if t {
                        toned += 1;
                        if prev_vowel {
                            adjacent = true;
                        }
                    } else if v && prev_toned {
                        adjacent = true;
                    }
                    prev_vowel = v;
                    prev_toned = t;
                }
                None => {
                    if !is_run_char(c) {
                        break;
                    }
                    odd = true;
                }
            }
            i += c.len_utf8();
        }
        let end = i;
        if end == start {
            // A non-ASCII separator character.
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let needs = odd || toned > 1 || (toned == 1 && adjacent);
        if !needs || end - start > 64 {
            continue;
        }
        let run = &text[start..end];
        let mut buf = String::new();
        if let Some(changed) = rewrite_run(run, odd, opt, &mut buf) {
            if changed {
                let o = out.get_or_insert_with(|| String::with_capacity(text.len() + 16));
                o.push_str(&text[copied..start]);
                o.push_str(&buf);
                copied = end;
            }
        }
    }
    let mut o = out?;
    o.push_str(&text[copied..]);
    Some(o)
}

/// Rewrites one run into `buf`. `Some(true)` if the output differs from the
/// run.
fn rewrite_run(run: &str, odd: bool, opt: RunOptions, buf: &mut String) -> Option<bool> {
    if opt.style != ToneStyle::Keep {
        if let Some(s) = Syllable::parse(run) {
            if s.is_placed(opt.style) && !odd {
                return Some(false);
            }
            s.render_into(opt.style, buf);
            return Some(buf != run);
        }
    }
    if odd && (opt.eth || opt.homoglyphs) {
        return substitute(run, opt, buf).then(|| buf != run);
    }
    None
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
