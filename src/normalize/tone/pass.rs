//! The rewrite pass: from trigger to trigger, each run around one is
//! parsed as a syllable and re-rendered, repaired or left alone, and the
//! output is built at the first run that changes.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

use crate::chars::{self, homoglyph, is_eth};
use crate::syllable::{Syllable, ToneStyle};

use super::cache::*;
use super::scan::*;
use super::tables::*;
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

/// What a scan of one run found.
#[derive(Default)]
pub(super) struct Scan {
    pub(super) unsafe_: bool,
    pub(super) homo: bool,
    pub(super) eth: bool,
    pub(super) first_nonstarter: bool,
}

/// Scans the run starting at `start`; returns its end and flags.
pub(super) fn scan_run(t: &Tables, text: &str, start: usize) -> (usize, Scan) {
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
pub(super) struct Out {
    pub(super) out: Option<String>,
    pub(super) copied: usize,
    pub(super) changed: bool,
    /// How many runs and separators were rewritten (saturating).
    pub(super) rewrites: u8,
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

/// Runs the pass over `text`.
pub(crate) fn process(text: &str, opt: RunOptions) -> Pass {
    process_with(text, opt, false)
}

/// [`process`]; with `stepwise` (tests only) the triggers are found by
/// the character-by-character reference scan instead of the fast one.
pub(super) fn process_with(text: &str, opt: RunOptions, stepwise: bool) -> Pass {
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

/// From the run boundary `i`, replaces or skips runs while they are
/// ASCII-only or in `cache`; returns where the general path must go on.
pub(super) fn cached_runs(
    t: &Tables,
    text: &str,
    mut i: usize,
    cache: &RunCache,
    st: &mut Out,
) -> usize {
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
pub(super) fn syllable(
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
pub(super) fn run(
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
pub(super) fn substitute(run: &str, opt: RunOptions, buf: &mut String) -> bool {
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
