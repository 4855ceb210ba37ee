//! Units, features, weights and decoding.
//!
//! Text is first cut into *units*: a run of tokens with no space between them
//! (`TP.HCM`, `Covid-19`, `95%`) is one unit, except that leading and
//! trailing punctuation and inner separators such as `,` `;` `"` `(` are
//! their own units. Every gap between two units that are separated by
//! whitespace and both able to be part of a word is then decided by a linear
//! model (averaged perceptron over hashed features): *join* (same word) or
//! *split*. Other gaps are always splits.

use super::lexicon::{self, combine, KeyInfo, Lexicon, MAX_WORD, SRC_A, SRC_B};
use super::WordKind;
use crate::token::{Token, TokenKind};

/// Log2 of the number of weights.
pub(crate) const BITS: u32 = 18;
/// Number of features per gap.
pub(crate) const NF: usize = 21;

const MAGIC: &[u8; 8] = b"VNSEG\x00\x01\x00";

/// Shapes of units (feature values).
pub(crate) mod shape {
    pub const NONE: u8 = 0;
    pub const LOWER: u8 = 1;
    pub const TITLE: u8 = 2;
    pub const UPPER: u8 = 3;
    pub const F_LOWER: u8 = 4;
    pub const F_TITLE: u8 = 5;
    pub const F_UPPER: u8 = 6;
    pub const INITIAL: u8 = 7;
    pub const NUMBER: u8 = 8;
    pub const PUNCT: u8 = 9;
    pub const SYMBOL: u8 = 10;
    pub const LINK: u8 = 11;
    pub const COMPOUND: u8 = 12;
}

/// One unit: a span of the input that is never cut.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Unit {
    pub start: usize,
    pub end: usize,
    pub key: u64,
    pub shape: u8,
    pub kind: WordKind,
    /// The gap before this unit is decided by rule (always a split).
    pub hard_before: bool,
    /// The unit may be part of a multi-unit word.
    pub joinable: bool,
}

/// Lexicon facts about one unit, per source (0 = first list, 1 = second).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct LexInfo {
    /// Longest entry starting at this unit.
    pub start: [u8; 2],
    /// Longest entry ending at this unit.
    pub end: [u8; 2],
    /// Longest entry covering the gap after this unit.
    pub cover: [u8; 2],
    /// Forward / backward longest matching joins the gap after this unit.
    pub fmm: bool,
    /// See `fmm`.
    pub bmm: bool,
}

/// Reusable buffers.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pub units: Vec<Unit>,
    pub chunk: Vec<(usize, usize, TokenKind)>,
    pub lex: Vec<LexInfo>,
    /// Keys and shapes with sentinels; see [`fill_context`].
    pub ctx: Vec<(u64, u64)>,
    /// `join[i]`: the gap after unit `i` is inside a word.
    pub join: Vec<bool>,
    /// `score[i]`: the model's score of the gap after unit `i` (0 when
    /// decided by rule).
    pub score: Vec<i32>,
    /// Keys and shapes of recently seen syllables.
    pub words: WordCache,
}

const WC_BITS: u32 = 13;

/// One slot of a [`WordCache`]: the syllable's bytes (at most 8, as a
/// little-endian integer) and length, and what [`make_unit`] needs.
#[derive(Clone, Copy, Debug, Default)]
struct WordSlot {
    tag: u64,
    hash: u64,
    len: u8,
    shape: u8,
    vn: bool,
}

/// A direct-mapped cache of (key hash, shape, Vietnamese) for syllables of
/// at most 8 bytes (99% of the syllables of news text), tagged by the bytes
/// themselves so a hit is exact. 8,192 slots of 24 bytes, allocated on first
/// use.
#[derive(Debug, Default)]
pub(crate) struct WordCache {
    slots: Vec<WordSlot>,
}

impl WordCache {
    /// Key hash, shape and whether `s` (the text of a word token) has the
    /// shape of a Vietnamese syllable.
    #[inline]
    fn get(&mut self, text: &str, start: usize, end: usize) -> (u64, u8, bool) {
        let s = text.get(start..end).unwrap_or("");
        let b = s.as_bytes();
        if b.is_empty() || b.len() > 8 {
            return word_key(s);
        }
        if self.slots.is_empty() {
            self.slots = vec![WordSlot::default(); 1 << WC_BITS];
        }
        // One 8-byte read when the text goes on far enough, masked to the
        // syllable's bytes.
        let tag = match text.as_bytes().get(start..start + 8) {
            Some(&[x0, x1, x2, x3, x4, x5, x6, x7]) => {
                u64::from_le_bytes([x0, x1, x2, x3, x4, x5, x6, x7])
                    & (u64::MAX >> (64 - 8 * b.len()))
            }
            _ => {
                let mut tag = 0u64;
                for (i, &x) in b.iter().enumerate() {
                    tag |= (x as u64) << (8 * i);
                }
                tag
            }
        };
        let len = b.len() as u8;
        let ix =
            ((tag ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - WC_BITS)) as usize;
        let Some(e) = self.slots.get_mut(ix) else {
            return word_key(s);
        };
        if e.tag == tag && e.len == len {
            return (e.hash, e.shape, e.vn);
        }
        let r = word_key(s);
        *e = WordSlot {
            tag,
            hash: r.0,
            len,
            shape: r.1,
            vn: r.2,
        };
        r
    }
}

/// Key hash, shape and whether `s` looks Vietnamese (uncached).
fn word_key(s: &str) -> (u64, u8, bool) {
    let k = lexicon::key_info(s);
    (k.hash, word_shape(&k), k.vn)
}

const NUM_KEY: u64 = 0x6e75_6d62_6572_0001;
const LINK_KEY: u64 = 0x6c69_6e6b_0000_0002;
const BOS_KEY: u64 = 0x626f_7300_0000_0003;
const EOS_KEY: u64 = 0x656f_7300_0000_0004;

fn is_splitter(s: &str) -> bool {
    matches!(
        s,
        "," | ";"
            | "!"
            | "?"
            | "\""
            | "“"
            | "”"
            | "("
            | ")"
            | "["
            | "]"
            | "{"
            | "}"
            | "«"
            | "»"
            | "…"
            | ":"
            | "–"
            | "—"
    ) || (s.len() > 1 && s.bytes().all(|b| b == b'.'))
}

/// Lowercase abbreviations written with a final period.
const ABBREV: &[&str] = &[
    "tp", "q", "p", "th", "tr", "ths", "ts", "gs", "pgs", "ks", "bs", "ng", "mr", "dr", "st", "v",
    "vd", "tt", "tx", "h", "x",
];

fn word_shape(k: &KeyInfo) -> u8 {
    use shape::*;
    if k.letters == 1 && k.upper == 1 {
        INITIAL
    } else if k.vn {
        if k.upper == 0 {
            LOWER
        } else if k.upper == k.letters {
            UPPER
        } else {
            TITLE
        }
    } else if k.upper == 0 {
        F_LOWER
    } else if k.upper == k.letters {
        F_UPPER
    } else if k.first_upper {
        F_TITLE
    } else {
        F_LOWER
    }
}

/// The unit of a single token with whitespace (or the text's ends) on
/// both sides: the common case, one syllable between spaces.
#[inline(always)]
fn token_unit(
    text: &str,
    (start, end, kind): (usize, usize, TokenKind),
    hard: bool,
    cache: &mut WordCache,
) -> Unit {
    let (key, shp, kind) = match kind {
        TokenKind::Word => {
            let (hash, shp, vn) = cache.get(text, start, end);
            let kind = if vn {
                WordKind::Word
            } else {
                WordKind::Foreign
            };
            (hash, shp, kind)
        }
        TokenKind::Number => (NUM_KEY, shape::NUMBER, WordKind::Number),
        TokenKind::Alnum if text.as_bytes().get(start).is_some_and(u8::is_ascii_digit) => {
            (NUM_KEY ^ 1, shape::NUMBER, WordKind::Number)
        }
        TokenKind::Alnum => (key_of(text, start, end), shape::COMPOUND, WordKind::Foreign),
        TokenKind::Punct => (key_of(text, start, end), shape::PUNCT, WordKind::Punct),
        TokenKind::Url => (LINK_KEY, shape::LINK, WordKind::Url),
        TokenKind::Email => (LINK_KEY, shape::LINK, WordKind::Email),
        _ => (key_of(text, start, end), shape::SYMBOL, WordKind::Symbol),
    };
    unit(start, end, key, shp, kind, hard)
}

/// Key hash of `text[start..end]`.
fn key_of(text: &str, start: usize, end: usize) -> u64 {
    lexicon::key_hash(text.get(start..end).unwrap_or(""))
}

#[inline(always)]
fn unit(start: usize, end: usize, key: u64, shape: u8, kind: WordKind, hard: bool) -> Unit {
    Unit {
        start,
        end,
        key,
        shape,
        kind,
        hard_before: hard,
        joinable: !matches!(
            kind,
            WordKind::Punct | WordKind::Symbol | WordKind::Url | WordKind::Email
        ),
    }
}

/// The unit of the tokens `toks` (one or more, with no space between them).
fn make_unit(
    text: &str,
    toks: &[(usize, usize, TokenKind)],
    hard: bool,
    cache: &mut WordCache,
) -> Unit {
    let (start, end) = match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => (a.0, b.1),
        _ => {
            return unit(
                0,
                0,
                key_of(text, 0, 0),
                shape::SYMBOL,
                WordKind::Symbol,
                hard,
            )
        }
    };
    if let [t] = toks {
        return token_unit(text, *t, hard, cache);
    }
    let s = text.get(start..end).unwrap_or("");
    let starts_digit = s.as_bytes().first().is_some_and(u8::is_ascii_digit);
    let (key, shp, kind) = if starts_digit {
        (NUM_KEY ^ 2, shape::NUMBER, WordKind::Number)
    } else if let Some(t) = toks
        .iter()
        .find(|t| matches!(t.2, TokenKind::Url | TokenKind::Email))
    {
        let kind = if t.2 == TokenKind::Url {
            WordKind::Url
        } else {
            WordKind::Email
        };
        (LINK_KEY, shape::LINK, kind)
    } else if toks.iter().all(|t| t.2 == TokenKind::Punct) {
        (lexicon::key_hash(s), shape::PUNCT, WordKind::Punct)
    } else {
        (lexicon::key_hash(s), shape::COMPOUND, WordKind::Foreign)
    };
    unit(start, end, key, shp, kind, hard)
}

fn is_abbrev(text: &str, unit: &[(usize, usize, TokenKind)]) -> bool {
    let last = unit[unit.len() - 1];
    if last.2 != TokenKind::Word {
        return false;
    }
    if unit.len() > 1 {
        // v.v / T.Ư: an inner period already.
        return unit.iter().any(|t| &text[t.0..t.1] == ".");
    }
    let w = &text[last.0..last.1];
    let n = w.chars().count();
    if n == 1 {
        return true;
    }
    if n > 3 {
        return false;
    }
    if w.chars().all(char::is_uppercase) {
        return true;
    }
    let lower = w.to_lowercase();
    ABBREV.contains(&lower.as_str())
}

/// A `/` between two words one of which is Vietnamese (`đồng/lượng`,
/// `USD/thùng`) separates words; between ASCII words (`km/h`) it does not.
fn is_word_slash(text: &str, chunk: &[(usize, usize, TokenKind)], i: usize) -> bool {
    let t = chunk[i];
    if &text[t.0..t.1] != "/" || i == 0 || i + 1 >= chunk.len() {
        return false;
    }
    let (a, b) = (chunk[i - 1], chunk[i + 1]);
    a.2 == TokenKind::Word
        && b.2 == TokenKind::Word
        && !(text[a.0..a.1].is_ascii() && text[b.0..b.1].is_ascii())
}

/// Cuts one chunk (tokens with no whitespace between them) into units.
fn flush_chunk(
    text: &str,
    chunk: &[(usize, usize, TokenKind)],
    hard_first: bool,
    units: &mut Vec<Unit>,
    cache: &mut WordCache,
) {
    if chunk.is_empty() {
        return;
    }
    if chunk.len() == 1 {
        // The common case: one syllable between spaces.
        units.push(make_unit(text, chunk, hard_first, cache));
        return;
    }
    let mut hard = hard_first;
    let mut push = |toks: &[(usize, usize, TokenKind)], units: &mut Vec<Unit>| {
        units.push(make_unit(text, toks, hard, cache));
        hard = true;
    };
    let is_p = |t: &(usize, usize, TokenKind)| t.2 == TokenKind::Punct;
    let Some(a) = chunk.iter().position(|t| !is_p(t)) else {
        for t in chunk {
            push(std::slice::from_ref(t), units);
        }
        return;
    };
    let b = chunk.iter().rposition(|t| !is_p(t)).unwrap_or(a);
    for t in &chunk[..a] {
        push(std::slice::from_ref(t), units);
    }
    let mut cur = a;
    let mut i = a;
    while i <= b {
        let t = chunk[i];
        if is_p(&t) && (is_splitter(&text[t.0..t.1]) || is_word_slash(text, chunk, i)) {
            if cur < i {
                push(&chunk[cur..i], units);
            }
            push(std::slice::from_ref(&chunk[i]), units);
            cur = i + 1;
        }
        i += 1;
    }
    let mut end = b + 1;
    if cur <= b
        && end < chunk.len()
        && &text[chunk[end].0..chunk[end].1] == "."
        && is_abbrev(text, &chunk[cur..=b])
    {
        end += 1;
    }
    if cur < end {
        push(&chunk[cur..end], units);
    }
    for t in &chunk[end..] {
        push(std::slice::from_ref(t), units);
    }
}

/// Cuts a token stream into units (appended to `scratch.units`).
pub(crate) fn build_units<'a, I: Iterator<Item = Token<'a>>>(
    text: &str,
    tokens: I,
    scratch: &mut Scratch,
) {
    let Scratch {
        units,
        chunk,
        words,
        ..
    } = scratch;
    units.clear();
    chunk.clear();
    // The current chunk: its first token in `first`, and all of its tokens
    // in `chunk` once it has a second one (most chunks are one token, which
    // go straight to a unit).
    let mut first: Option<(usize, usize, TokenKind)> = None;
    let mut chunk_hard = true;
    for t in tokens {
        let tok = (t.span.start, t.span.end, t.kind);
        match first {
            Some(f) if !t.space_before => {
                if chunk.is_empty() {
                    chunk.push(f);
                }
                chunk.push(tok);
                continue;
            }
            Some(f) if chunk.is_empty() => units.push(token_unit(text, f, chunk_hard, words)),
            Some(_) => {
                flush_chunk(text, chunk, chunk_hard, units, words);
                chunk.clear();
            }
            None => {}
        }
        chunk_hard = t.newline_before || units.is_empty();
        first = Some(tok);
    }
    match first {
        Some(f) if chunk.is_empty() => units.push(token_unit(text, f, chunk_hard, words)),
        Some(_) => flush_chunk(text, chunk, chunk_hard, units, words),
        None => {}
    }
    chunk.clear();
}

/// Whether the gap after unit `i` is decided by the model.
#[inline]
pub(crate) fn is_open(units: &[Unit], i: usize) -> bool {
    i + 1 < units.len() && units[i].joinable && units[i + 1].joinable && !units[i + 1].hard_before
}

/// Fills `scratch.lex` from the lexicon.
pub(crate) fn lexicon_pass(lex: &Lexicon, scratch: &mut Scratch) {
    let Scratch {
        units, lex: info, ..
    } = scratch;
    let n = units.len();
    info.clear();
    info.resize(n, LexInfo::default());
    let seed = lexicon::seq_hash(&[]);
    for j in 0..n {
        if !units[j].joinable {
            continue;
        }
        let mut h = combine(seed, units[j].key);
        let mut k = j;
        while k + 1 < n && k + 1 - j < MAX_WORD && is_open(units, k) {
            k += 1;
            h = combine(h, units[k].key);
            let f = lex.get(h);
            if f == 0 {
                break;
            }
            let len = (k + 1 - j) as u8;
            if f & (SRC_A | SRC_B) == 0 {
                continue;
            }
            let Some((last, head)) = info[j..=k].split_last_mut() else {
                continue;
            };
            for (s, bit) in [(0, SRC_A), (1, SRC_B)] {
                if f & bit != 0 {
                    last.end[s] = last.end[s].max(len);
                    if let Some(first) = head.first_mut() {
                        first.start[s] = first.start[s].max(len);
                    }
                    for g in head.iter_mut() {
                        g.cover[s] = g.cover[s].max(len);
                    }
                }
            }
        }
    }
    // Forward and backward longest matching over both lists.
    let mut j = 0;
    while j < n {
        let m = info[j].start[0].max(info[j].start[1]) as usize;
        if m >= 2 {
            for g in &mut info[j..j + m - 1] {
                g.fmm = true;
            }
            j += m;
        } else {
            j += 1;
        }
    }
    let mut k = n;
    while k > 0 {
        let m = info[k - 1].end[0].max(info[k - 1].end[1]) as usize;
        if m >= 2 && m <= k {
            for g in &mut info[k - m..k - 1] {
                g.bmm = true;
            }
            k -= m;
        } else {
            k -= 1;
        }
    }
}

const FK1: u64 = 0x9e37_79b9_7f4a_7c15;
const FK2: u64 = 0xff51_afd7_ed55_8ccd;

/// Cheap feature hashing: one multiply per value; the weight index is taken
/// from the top bits of the last product.
#[inline]
fn fx(x: u64, v: u64) -> u64 {
    (x.wrapping_mul(FK1) ^ v).wrapping_mul(FK2)
}

#[inline]
fn h2(t: u64, a: u64) -> u64 {
    fx(t, a)
}

#[inline]
fn h3(t: u64, a: u64, b: u64) -> u64 {
    fx(fx(t, a), b)
}

#[inline]
fn h4(t: u64, a: u64, b: u64, c: u64) -> u64 {
    fx(fx(fx(t, a), b), c)
}

/// Fills `scratch.ctx`: (key, shape) of every unit, padded with one
/// sentinel before and two after, so features index it without branches.
pub(crate) fn fill_context(scratch: &mut Scratch) {
    let ctx = &mut scratch.ctx;
    ctx.clear();
    ctx.push((BOS_KEY, shape::NONE as u64));
    ctx.extend(scratch.units.iter().map(|u| (u.key, u.shape as u64)));
    ctx.push((EOS_KEY, shape::NONE as u64));
    ctx.push((EOS_KEY, shape::NONE as u64));
}

/// Feature indices of the gap after unit `i` (`ctx` from [`fill_context`]).
pub(crate) fn features(ctx: &[(u64, u64)], info: &[LexInfo], i: usize, out: &mut [u32; NF]) {
    if let Some(hs) = feature_hashes(ctx, info, i) {
        for (o, h) in out.iter_mut().zip(hs) {
            *o = (h >> (64 - BITS)) as u32;
        }
    }
}

/// Feature hashes of the gap after unit `i`; the weight index of each is
/// its top [`BITS`] bits.
#[inline(always)]
fn feature_hashes(ctx: &[(u64, u64)], info: &[LexInfo], i: usize) -> Option<[u64; NF]> {
    let c: &[(u64, u64); 4] = ctx.get(i..i + 4)?.try_into().ok()?;
    let [(km, sm), (k0, s0), (k1, s1), (k2, s2)] = *c;
    let (l0, l1) = match info.get(i..i + 2) {
        Some(&[a, b]) => (a, b),
        _ => return None,
    };
    let lex_a = (l0.cover[0] as u64) | (l0.end[0] as u64) << 8 | (l1.start[0] as u64) << 16;
    let lex_b = (l0.cover[1] as u64) | (l0.end[1] as u64) << 8 | (l1.start[1] as u64) << 16;
    let cover = l0.cover[0].max(l0.cover[1]) as u64;
    let mm = (l0.fmm as u64) | (l0.bmm as u64) << 1;
    let shapes = s0 | s1 << 8;
    let hs: [u64; NF] = [
        h2(1, 1),
        h2(2, k0),
        h2(3, k1),
        h2(4, km),
        h2(5, k2),
        h3(6, k0, k1),
        h3(7, km, k0),
        h3(8, k1, k2),
        h4(9, km, k0, k1),
        h4(10, k0, k1, k2),
        h2(11, shapes),
        h2(12, sm | s0 << 8 | s1 << 16 | s2 << 24),
        h3(13, s0, k1),
        h3(14, k0, s1),
        h2(15, lex_a),
        h2(16, lex_b),
        h2(18, mm),
        h3(19, mm | cover << 8, shapes),
        h3(20, cover, shapes),
        h3(22, mm, k0),
        h3(23, mm, k1),
    ];
    Some(hs)
}

/// Dense weights (2^BITS of them, 512 KB): one load per feature. Stored as
/// 16-bit integers (the trained values are multiples of 1/1024 below 32 in
/// magnitude) so the table stays in cache and a gap's score is an integer
/// sum without a chain of float-add latencies.
#[derive(Clone, Debug)]
pub(crate) struct Weights {
    vals: Box<[i16; 1 << BITS]>,
}

impl Weights {
    /// All-zero weights.
    pub(crate) fn empty() -> Weights {
        Weights {
            vals: Box::new([0; 1 << BITS]),
        }
    }

    /// Builds from (index, value) pairs in increasing index order.
    fn from_sorted(pairs: impl Iterator<Item = (usize, f32)>) -> Option<Weights> {
        let mut w = Weights::empty();
        let mut last = None;
        for (i, v) in pairs {
            if i >= 1usize << BITS || last.is_some_and(|l| l >= i) {
                return None;
            }
            last = Some(i);
            let q = (v * 1024.0).round();
            if !(i16::MIN as f32..=i16::MAX as f32).contains(&q) {
                return None;
            }
            w.vals[i] = q as i16;
        }
        Some(w)
    }

    /// The weight of slot `i`.
    #[cfg(test)]
    pub(crate) fn get(&self, i: u32) -> i32 {
        // Masked so the index needs no bounds check (features are < 2^BITS).
        self.vals[i as usize & ((1 << BITS) - 1)] as i32
    }
}

/// Cuts every run of joined units longer than [`MAX_WORD`] (the longest
/// word of the treebank has 7 syllables, the longest lexicon entry 8) at
/// its weakest gaps, so a long run of look-alike syllables ("Nguyễn Nguyễn
/// …") does not become one huge word. Greedy and linear: from the start of
/// the run, the weakest gap among the first [`MAX_WORD`] − 1 becomes a
/// split, and the scan restarts after it.
fn cap_words(join: &mut [bool], score: &[i32]) {
    let n = join.len();
    let mut i = 0;
    while i < n {
        let start = i;
        while i + 1 < n && join[i] {
            i += 1;
        }
        // Units start..=i form one word.
        let mut s = start;
        while i + 1 - s > MAX_WORD {
            let cut = (s..s + MAX_WORD - 1)
                .min_by_key(|&g| (score.get(g).copied().unwrap_or(0), std::cmp::Reverse(g)))
                .unwrap_or(s);
            join[cut] = false;
            s = cut + 1;
        }
        i += 1;
    }
}

/// The trained weights and the lexicon they were trained with.
#[derive(Clone, Debug)]
pub(crate) struct Model {
    pub weights: Weights,
    pub lexicon: Lexicon,
}

impl Model {
    /// Score of a gap (> 0: join).
    #[cfg(test)]
    pub(crate) fn score(&self, f: &[u32; NF]) -> i32 {
        f.iter()
            .fold(0i32, |a, &i| a.wrapping_add(self.weights.get(i)))
    }

    /// Score of the gap after unit `i`: the same as `Model::score` (a test helper) of its
    /// [`features`], with no bounds checks on the weight reads.
    #[inline]
    fn score_gap(&self, ctx: &[(u64, u64)], info: &[LexInfo], i: usize) -> i32 {
        let Some(hs) = feature_hashes(ctx, info, i) else {
            return 0;
        };
        let w = &self.weights.vals;
        hs.iter().fold(0i32, |a, &h| {
            a.wrapping_add(w[(h >> (64 - BITS)) as usize] as i32)
        })
    }

    /// Decides every gap of `scratch.units` into `scratch.join`.
    pub(crate) fn decide(&self, scratch: &mut Scratch) {
        lexicon_pass(&self.lexicon, scratch);
        fill_context(scratch);
        let n = scratch.units.len();
        scratch.join.clear();
        scratch.join.resize(n, false);
        scratch.score.clear();
        scratch.score.resize(n, 0);
        let Scratch {
            units,
            ctx,
            lex,
            join,
            score,
            ..
        } = scratch;
        for ((i, j), sc) in join
            .iter_mut()
            .enumerate()
            .zip(score.iter_mut())
            .take(n.saturating_sub(1))
        {
            if is_open(units, i) {
                *sc = self.score_gap(ctx, lex, i);
                *j = *sc > 0;
            }
        }
        cap_words(join, score);
    }

    /// Serializes the weights: magic, bits, count, then (delta-varint index,
    /// f32) pairs for every non-zero weight.
    pub(crate) fn weights_to_bytes(weights: &[f32]) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&BITS.to_le_bytes());
        let nz = weights.iter().filter(|w| **w != 0.0).count() as u32;
        out.extend_from_slice(&nz.to_le_bytes());
        let mut last = 0usize;
        for (i, w) in weights.iter().enumerate() {
            if *w == 0.0 {
                continue;
            }
            let mut d = (i - last) as u32;
            last = i;
            loop {
                let b = (d & 0x7f) as u8;
                d >>= 7;
                if d == 0 {
                    out.push(b);
                    break;
                }
                out.push(b | 0x80);
            }
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Parses what [`Model::weights_to_bytes`] wrote.
    pub(crate) fn weights_from_bytes(b: &[u8]) -> crate::Result<Weights> {
        let bad = || crate::Error::new(crate::ErrorKind::BadData { line: 0 }, "bad model file");
        if b.len() < 16 || &b[..8] != MAGIC {
            return Err(bad());
        }
        let word = |p: usize| -> u32 {
            let mut a = [0u8; 4];
            a.copy_from_slice(&b[p..p + 4]);
            u32::from_le_bytes(a)
        };
        if word(8) != BITS {
            return Err(bad());
        }
        let nz = word(12) as usize;
        let mut pairs = Vec::with_capacity(nz.min(b.len() / 5));
        let mut p = 16;
        let mut idx = 0usize;
        for _ in 0..nz {
            let mut d = 0u32;
            let mut shift = 0;
            loop {
                let byte = *b.get(p).ok_or_else(bad)?;
                p += 1;
                if shift > 28 {
                    return Err(bad());
                }
                d |= ((byte & 0x7f) as u32) << shift;
                shift += 7;
                if byte & 0x80 == 0 {
                    break;
                }
            }
            idx += d as usize;
            if p + 4 > b.len() {
                return Err(bad());
            }
            pairs.push((idx, f32::from_bits(word(p))));
            p += 4;
        }
        Weights::from_sorted(pairs.into_iter()).ok_or_else(bad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_cache_is_transparent() {
        let mut c = WordCache::default();
        for round in 0..2 {
            for w in [
                "công",
                "Công",
                "CÔNG",
                "người",
                "trường",
                "nguyễn",
                "a",
                "TP",
                "xyzxyzxyz",
                "hoà",
                "hòa",
                "",
                "₫",
            ] {
                assert_eq!(c.get(w, 0, w.len()), word_key(w), "{w} (round {round})");
                // Inside a longer text (the tag is read 8 bytes at a time).
                let t = format!("{w} công tác xyz");
                assert_eq!(c.get(&t, 0, w.len()), word_key(w), "{w} in text");
                let t = format!("xy {w}");
                assert_eq!(c.get(&t, 3, t.len()), word_key(w), "{w} at the end");
            }
        }
        let get = |c: &mut WordCache, w: &str| c.get(w, 0, w.len());
        assert_eq!(get(&mut c, "hoà").0, get(&mut c, "hòa").0);
        assert_ne!(get(&mut c, "Công").1, get(&mut c, "công").1);
    }

    #[test]
    fn score_gap_is_the_score_of_the_features() {
        let model = &super::super::EMBEDDED.model;
        let text = "Ban Tuyên giáo Tỉnh ủy triển khai công tác năm 2024, TP.HCM và Hà Nội.";
        let mut scratch = Scratch::default();
        build_units(text, crate::token::tokenize(text), &mut scratch);
        lexicon_pass(&model.lexicon, &mut scratch);
        fill_context(&mut scratch);
        let mut f = [0u32; NF];
        let mut nonzero = 0;
        for i in 0..scratch.units.len() - 1 {
            features(&scratch.ctx, &scratch.lex, i, &mut f);
            let s = model.score_gap(&scratch.ctx, &scratch.lex, i);
            assert_eq!(s, model.score(&f), "gap {i}");
            nonzero += (s != 0) as usize;
        }
        assert!(nonzero > 5);
    }
}
