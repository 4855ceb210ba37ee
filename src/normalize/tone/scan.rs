//! Finding where the pass must stop: the trigger scan, sixty-four and
//! eight bytes at a time, the branch-light filters and the exact decision
//! for toned vowels, and the walks over runs of letters.

use crate::syllable::ToneStyle;

use super::tables::*;
/// Bit 7 of every byte of a `u64`.
pub(super) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `b` (exactly eight) as a little-endian number.
#[inline(always)]
pub(super) fn le_u64(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(b);
    u64::from_le_bytes(a)
}

/// Start of the character that ends right before byte `i` (> 0).
#[inline(always)]
pub(super) fn prev_start(b: &[u8], i: usize) -> usize {
    let mut j = i - 1;
    while j > 0 && (b[j] & 0xC0) == 0x80 && i - j < 4 {
        j -= 1;
    }
    j
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
pub(super) fn suspect(
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
pub(super) fn suspect_core(
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

/// Whether the toned `a`/`e` after `o`, or `y` after `u` (the medial
/// rhymes `oa oe uy`), at `i` is where `style` puts it: the group is
/// medial + toned vowel, then a consonant (closed: second letter in both
/// styles), a glide closing the group (`oai oay oeo`), or the end of the
/// run (open: second letter in the modern style, and after `qu` in both).
/// Anything else answers `false` (let the parse decide).
#[allow(clippy::too_many_arguments)]
#[inline(always)]
pub(super) fn medial_pattern(
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
pub(super) fn char_len(lead: u8) -> usize {
    if lead < 0xE0 {
        2
    } else if lead < 0xF0 {
        3
    } else {
        4
    }
}

/// End of the run that contains byte `i`.
#[inline]
pub(super) fn run_end(t: &Tables, b: &[u8], mut i: usize) -> usize {
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
pub(super) fn run_start_before(t: &Tables, b: &[u8], i: usize, floor: usize) -> usize {
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
pub(super) fn near_run_start(t: &Tables, b: &[u8], i: usize, floor: usize) -> usize {
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
pub(super) enum Blocks {
    None,
    At(usize, u64),
}

/// Bit `k` set for each byte `b[at + k]` (`k` < 64) that starts a
/// multi-byte character; `None` when fewer than 64 bytes are left.
#[inline(always)]
pub(super) fn lead_mask(b: &[u8], at: usize) -> Option<u64> {
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
pub(super) fn next_trigger(
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
pub(super) fn window(b: &[u8], at: usize) -> u64 {
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
pub(super) fn filter(
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
pub(super) fn plainly_placed(
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
pub(super) fn exact_trigger(
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
pub(super) fn next_trigger_stepwise(
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

/// End of the run that holds byte `i` (a character start) and whether
/// the part from `i` is ASCII-only: [`run_end`] that looks at bytes, not
/// characters. A byte whose class ([`Tables::step`]) says it continues
/// the run on its own (an ASCII letter, a continuation byte, the first
/// byte of a two-byte letter or combining mark) is passed without
/// decoding, so the next byte's address never waits for a table look-up;
/// other first bytes are looked up.
#[inline]
pub(super) fn walk_run(t: &Tables, b: &[u8], e: usize) -> (usize, bool) {
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
pub(super) fn run_bytes(w: u64) -> u64 {
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
pub(super) fn walk_run_bytes(t: &Tables, b: &[u8], mut e: usize, mut high: u8) -> (usize, bool) {
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
