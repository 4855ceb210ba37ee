//! Lexicon facts, features, weights and decoding.
//!
//! Every open gap (see [`units::is_open`]) is decided *join* or *split* by a
//! linear model: an averaged perceptron over [`NF`] hashed features of the
//! gap (keys of the two units on each side, their bigrams and trigrams,
//! shapes, and facts from the lexicon), each feature one 16-bit weight.

use super::lexicon::{self, Lexicon, MAX_WORD, SEQ_SEED, SRC_A, SRC_B};
use super::units::{self, shape, Unit, WordCache};
use crate::token::{Token, TokenKind};

/// Log2 of the number of weights.
pub(crate) const BITS: u32 = 18;
/// Number of features per gap.
pub(crate) const NF: usize = 24;

/// Format of `model.bin` (see [`super::blob`]); the last byte is the
/// version, raised whenever the features change.
const MAGIC: &[u8; 8] = b"VNSEG\x00\x02\x03";

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
    /// Source flags ([`SRC_A`], [`SRC_B`]) of the two-unit entry made of
    /// this unit and the next (0 when none or the gap is not open).
    pub pair: u8,
    /// The gap after this unit is decided by the model ([`is_open`]).
    pub open: bool,
}

/// What the features read of one unit, with sentinels before and after.
#[cfg(any(test, feature = "train"))]
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Cx {
    /// Key hash.
    k: u64,
    /// Hash of this key and the next.
    p: u64,
    /// Hash of this key and the next two.
    t: u64,
    /// Shape.
    s: u64,
}

/// Reusable buffers.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pub units: Vec<Unit>,
    pub chunk: Vec<(usize, usize, TokenKind)>,
    pub lex: Vec<LexInfo>,
    /// See [`fill_context`] (training and tests; [`Model::decide`] slides
    /// the same context along the gaps).
    #[cfg(any(test, feature = "train"))]
    pub cx: Vec<Cx>,
    /// `join[i]`: the gap after unit `i` is inside a word.
    pub join: Vec<bool>,
    /// `score[i]`: the model's score of the gap after unit `i` (0 when
    /// decided by rule).
    pub score: Vec<i32>,
    /// Keys and shapes of recently seen syllables.
    pub words: WordCache,
    /// The tokens of the text, when [`build_units_text`] was asked for
    /// them.
    pub tokens: Vec<units::TokenRec>,
}

/// Cuts `text` into `scratch.units` (the same units as [`build_units`] over
/// its tokens, faster); with `tokens`, also writes its tokens to
/// `scratch.tokens`.
pub(crate) fn build_units_text(text: &str, scratch: &mut Scratch, tokens: bool) {
    let Scratch {
        units,
        chunk,
        words,
        tokens: toks,
        ..
    } = scratch;
    units::build_units_text(text, units, chunk, words, tokens.then_some(toks));
}

/// Cuts a token stream into `scratch.units`.
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
    units::build_units(text, tokens, units, chunk, words);
}

/// Records a lexicon entry of units `j..=k` with flags `f`.
#[inline]
fn record(info: &mut [LexInfo], j: usize, k: usize, f: u8) {
    if f & (SRC_A | SRC_B) == 0 {
        return;
    }
    let len = (k + 1 - j) as u8;
    let Some((last, head)) = info.get_mut(j..=k).and_then(|s| s.split_last_mut()) else {
        return;
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

/// Fills `scratch.lex` from the lexicon.
pub(crate) fn lexicon_pass(lex: &Lexicon, scratch: &mut Scratch) {
    let Scratch {
        units, lex: info, ..
    } = scratch;
    info.clear();
    info.resize(units.len(), LexInfo::default());
    // Slices, so that the loops below keep their pointers and lengths in
    // registers.
    let units: &[Unit] = units;
    let info: &mut [LexInfo] = info;
    let n = info.len();
    // Which gaps are open, and the flags of the two-unit sequence across
    // each (kept in `pair` until the second pass): lookups that do not
    // depend on each other, so their cache misses overlap.
    for (l, w) in info.iter_mut().zip(units.windows(2)) {
        let open = w[0].joinable && w[1].joinable && !w[1].hard_before;
        l.open = open;
        if open {
            l.pair = lex.get(lexicon::step(lexicon::step(SEQ_SEED, w[0].key), w[1].key));
        }
    }
    // Entries of three units or more grow from a two-unit word or prefix.
    // The forward longest matching goes along: the entries starting at
    // unit `j` are all recorded at step `j`, and `fm` is where its next
    // word starts.
    let mut fm = 0;
    for j in 0..n {
        let f2 = info[j].pair;
        if f2 == 0 {
            // Nothing starts here.
            fm = fm.max(j + 1);
            continue;
        }
        info[j].pair = f2 & (SRC_A | SRC_B);
        record(info, j, j + 1, f2);
        let (Some(u0), Some(u1)) = (units.get(j), units.get(j + 1)) else {
            continue;
        };
        let mut h = lexicon::step(lexicon::step(SEQ_SEED, u0.key), u1.key);
        let mut k = j + 1;
        while k + 1 < n && k + 1 - j < MAX_WORD && info[k].open {
            k += 1;
            h = lexicon::step(h, units.get(k).map_or(0, |u| u.key));
            let f = lex.get(h);
            if f == 0 {
                break;
            }
            record(info, j, k, f);
        }
        if j == fm {
            let m = info[j].start[0].max(info[j].start[1]) as usize;
            if m >= 2 {
                for g in info.iter_mut().skip(j).take(m - 1) {
                    g.fmm = true;
                }
                fm = j + m;
            } else {
                fm = j + 1;
            }
        }
    }
    // Backward longest matching over both lists.
    let mut k = n;
    while let Some(l) = k.checked_sub(1).and_then(|i| info.get(i)) {
        let m = l.end[0].max(l.end[1]) as usize;
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

const BOS_KEY: u64 = 0x626f_7300_0000_0003;
const EOS_KEY: u64 = 0x656f_7300_0000_0004;

/// The hash of two keys (order matters).
#[inline(always)]
fn pair(a: u64, b: u64) -> u64 {
    (a.rotate_left(21) ^ b).wrapping_mul(0xd6e8_feb8_6659_fd93)
}

/// Fills `scratch.cx`: one entry per unit, after one sentinel (start of
/// text) and before two (end of text), so the features of the gap after
/// unit `i` read entries `i..i + 4` without branches.
#[cfg(any(test, feature = "train"))]
pub(crate) fn fill_context(scratch: &mut Scratch) {
    let cx = &mut scratch.cx;
    let units = &scratch.units;
    cx.clear();
    let key = |c: usize| -> (u64, u64) {
        match c.checked_sub(1).and_then(|i| units.get(i)) {
            Some(u) => (u.key, u.shape as u64),
            None if c == 0 => (BOS_KEY, shape::NONE as u64),
            None => (EOS_KEY, shape::NONE as u64),
        }
    };
    let n = units.len() + 3;
    let (mut k0, mut k1, mut k2) = (key(0), key(1), key(2));
    for c in 0..n {
        let pk = pair(k0.0, k1.0);
        cx.push(Cx {
            k: k0.0,
            p: pk,
            t: pair(pk, k2.0),
            s: k0.1,
        });
        (k0, k1, k2) = (k1, k2, key(c + 3));
    }
}

/// Multiplier of the feature hash.
const FMUL: u64 = 0x9e37_79b9_7f4a_7c15;

/// The salt of feature template `t` (splitmix64 of its number), so that
/// templates with equal values land on different weights.
const fn salt(t: u64) -> u64 {
    let mut z = t.wrapping_add(1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

const SALT: [u64; NF] = {
    let mut s = [0u64; NF];
    let mut t = 0;
    while t < NF {
        s[t] = salt(t as u64);
        t += 1;
    }
    s
};

/// The weight index of value `v` of template `t`: one multiplication, the
/// top [`BITS`] bits of the product.
#[inline(always)]
fn index(t: usize, v: u64) -> usize {
    ((v ^ SALT[t]).wrapping_mul(FMUL) >> (64 - BITS)) as usize
}

/// The values of the [`NF`] features of the gap after unit `i`: the keys of
/// the units around it (`m` before, `0` and `1` on each side, `2` after),
/// their pairs and triples, shapes, and lexicon facts. `None` when `i` is
/// out of range.
#[cfg(any(test, feature = "train"))]
fn values(cx: &[Cx], info: &[LexInfo], i: usize) -> Option<[u64; NF]> {
    let [m, z, o, t] = *<&[Cx; 4]>::try_from(cx.get(i..i + 4)?).ok()?;
    let (l0, l1) = match info.get(i..i + 2) {
        Some(&[a, b]) => (a, b),
        _ => return None,
    };
    let lm = i
        .checked_sub(1)
        .and_then(|j| info.get(j))
        .map_or(0, |l| l.pair) as u64;
    let lex_a = (l0.cover[0] as u64) | (l0.end[0] as u64) << 8 | (l1.start[0] as u64) << 16;
    let lex_b = (l0.cover[1] as u64) | (l0.end[1] as u64) << 8 | (l1.start[1] as u64) << 16;
    let cover = l0.cover[0].max(l0.cover[1]) as u64;
    let mm = (l0.fmm as u64) | (l0.bmm as u64) << 1;
    let shapes = z.s | o.s << 8;
    let p01 = l0.pair as u64;
    Some([
        0,
        z.k,
        o.k,
        m.k,
        t.k,
        z.p,
        m.p,
        o.p,
        m.t,
        z.t,
        shapes,
        m.s | z.s << 8 | o.s << 16 | t.s << 24,
        o.k.rotate_left(17) ^ z.s,
        z.k.rotate_left(17) ^ o.s,
        lex_a,
        lex_b,
        mm,
        mm | cover << 8 | shapes << 16,
        cover | shapes << 8,
        z.k.rotate_left(29) ^ mm,
        o.k.rotate_left(29) ^ mm,
        p01,
        lm | p01 << 2 | (l1.pair as u64) << 4,
        p01 | shapes << 8,
    ])
}

/// Weight indices of the features of the gap after unit `i` (`cx` from
/// [`fill_context`], `info` from [`lexicon_pass`]).
#[cfg(any(test, feature = "train"))]
pub(crate) fn features(cx: &[Cx], info: &[LexInfo], i: usize, out: &mut [u32; NF]) {
    if let Some(vs) = values(cx, info, i) {
        for (t, (o, v)) in out.iter_mut().zip(vs).enumerate() {
            *o = index(t, v) as u32;
        }
    }
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

    /// Weights in units of 1/1024.
    #[cfg(feature = "train")]
    pub(crate) fn from_fixed(vals: &[i16]) -> Option<Weights> {
        let mut w = Weights::empty();
        if vals.len() != w.vals.len() {
            return None;
        }
        w.vals.copy_from_slice(vals);
        Some(w)
    }

    /// The weight of slot `i`.
    #[cfg(test)]
    pub(crate) fn get(&self, i: u32) -> i32 {
        // Masked so the index needs no bounds check (features are < 2^BITS).
        self.vals[i as usize & ((1 << BITS) - 1)] as i32
    }

    /// Serializes the weights as a framed file: bits, features, count, then
    /// (delta-varint index, i16) pairs for every non-zero weight.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut p = Vec::new();
        p.extend_from_slice(&BITS.to_le_bytes());
        p.extend_from_slice(&(NF as u32).to_le_bytes());
        let nz = self.vals.iter().filter(|w| **w != 0).count() as u32;
        p.extend_from_slice(&nz.to_le_bytes());
        let mut last = 0usize;
        for (i, &w) in self.vals.iter().enumerate() {
            if w == 0 {
                continue;
            }
            let mut d = (i - last) as u32;
            last = i;
            loop {
                let b = (d & 0x7f) as u8;
                d >>= 7;
                if d == 0 {
                    p.push(b);
                    break;
                }
                p.push(b | 0x80);
            }
            p.extend_from_slice(&w.to_le_bytes());
        }
        super::blob::wrap(MAGIC, &p)
    }

    /// Parses what [`Weights::to_bytes`] wrote; `what` names the file in
    /// the error.
    pub(crate) fn from_bytes(b: &[u8], what: &str) -> crate::Result<Weights> {
        let b = super::blob::open(MAGIC, b, what)?;
        let bad = || {
            crate::Error::new(
                crate::ErrorKind::BadData { line: 0 },
                format!("{what}: bad weights"),
            )
        };
        let word = |p: usize| -> Option<u32> {
            let a: [u8; 4] = b.get(p..p + 4)?.try_into().ok()?;
            Some(u32::from_le_bytes(a))
        };
        if word(0) != Some(BITS) || word(4) != Some(NF as u32) {
            return Err(bad());
        }
        let nz = word(8).ok_or_else(bad)? as usize;
        let mut w = Weights::empty();
        let mut p = 12;
        let mut idx = 0usize;
        for k in 0..nz {
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
            if k > 0 && d == 0 {
                return Err(bad());
            }
            idx += d as usize;
            let v: [u8; 2] = b
                .get(p..p + 2)
                .ok_or_else(bad)?
                .try_into()
                .map_err(|_| bad())?;
            p += 2;
            *w.vals.get_mut(idx).ok_or_else(bad)? = i16::from_le_bytes(v);
        }
        if p != b.len() {
            return Err(bad());
        }
        Ok(w)
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
    dense: Dense,
}

/// The weights of the templates over small numbers (shapes, lexicon
/// facts), summed for every combination of their values when the model is
/// built, so that a gap reads five small tables for twelve templates
/// instead of hashing twelve values. Indices pack the numbers in 2- or
/// 4-bit fields (every shape is below 16, every entry length at most
/// [`MAX_WORD`], every pair flag set below 4); the scores are exactly those
/// of the weights. The tables live in two arrays (32-bit and 16-bit
/// sums) at the offsets below, so the loop of [`Model::decide`] keeps two
/// base pointers instead of six.
#[derive(Clone, Debug)]
struct Dense {
    /// [`D_PAIRS`], [`D_SPAN`].
    wide: Box<[i32; D_WIDE]>,
    /// [`D_LEX`], [`D_SHAPES4`], [`D_PAIRS3`].
    narrow: Box<[i16; D_NARROW]>,
}

/// Bias, the two shapes, the pair flags and the pair flags with the
/// shapes: `p01 | s0 << 2 | s1 << 6` (1,024 entries of `wide`).
const D_PAIRS: usize = 0;
/// The longest-match code alone, with the cover and the shapes, and the
/// cover with the shapes: `mm | cover << 2 | s0 << 6 | s1 << 10` (16,384
/// entries of `wide`).
const D_SPAN: usize = 1 << 10;
const D_WIDE: usize = D_SPAN + (1 << 14);
/// The lexicon facts of each list: `cover | end << 4 | start << 8`, the
/// second list's table 4,096 entries after the first's (in `narrow`).
const D_LEX: usize = 0;
/// The shapes of the four units: `sm | s0 << 4 | s1 << 8 | s2 << 12`
/// (65,536 entries of `narrow`).
const D_SHAPES4: usize = 1 << 13;
/// Pair flags before, across and after the gap: `pm | p01 << 2 | p2 << 4`
/// (64 entries of `narrow`).
const D_PAIRS3: usize = D_SHAPES4 + (1 << 16);
const D_NARROW: usize = D_PAIRS3 + (1 << 6);

/// A zeroed boxed array (built on the heap, not the stack).
fn boxed<T: Copy + Default, const N: usize>() -> Box<[T; N]> {
    match vec![T::default(); N].into_boxed_slice().try_into() {
        Ok(b) => b,
        Err(_) => unreachable!("a vector of N elements"),
    }
}

impl Dense {
    fn new(w: &Weights) -> Dense {
        let get = |t: usize, v: u64| w.vals[index(t, v)];
        // The `i`th 4-bit field of `x`.
        let f4 = |x: u64, i: u32| (x >> (4 * i)) & 15;
        let mut wide = boxed::<i32, D_WIDE>();
        let mut narrow = boxed::<i16, D_NARROW>();
        for (x, v) in wide[D_PAIRS..D_SPAN].iter_mut().enumerate() {
            let x = x as u64;
            let (p01, s0, s1) = (x & 3, (x >> 2) & 15, (x >> 6) & 15);
            let shapes = s0 | s1 << 8;
            *v = get(0, 0) as i32
                + get(10, shapes) as i32
                + get(21, p01) as i32
                + get(23, p01 | shapes << 8) as i32;
        }
        for (x, v) in wide[D_SPAN..].iter_mut().enumerate() {
            let x = x as u64;
            let (mm, cover, s0, s1) = (x & 3, (x >> 2) & 15, (x >> 6) & 15, (x >> 10) & 15);
            let shapes = s0 | s1 << 8;
            *v = get(16, mm) as i32
                + get(17, mm | cover << 8 | shapes << 16) as i32
                + get(18, cover | shapes << 8) as i32;
        }
        for (x, v) in narrow[D_LEX..D_SHAPES4].iter_mut().enumerate() {
            let t = 14 + (x >> 12);
            let x = x as u64 & 0xFFF;
            *v = get(t, f4(x, 0) | f4(x, 1) << 8 | f4(x, 2) << 16);
        }
        for (x, v) in narrow[D_SHAPES4..D_PAIRS3].iter_mut().enumerate() {
            let x = x as u64;
            *v = get(
                11,
                f4(x, 0) | f4(x, 1) << 8 | f4(x, 2) << 16 | f4(x, 3) << 24,
            );
        }
        for (x, v) in narrow[D_PAIRS3..].iter_mut().enumerate() {
            *v = get(22, x as u64);
        }
        Dense { wide, narrow }
    }
}

/// The keys, pair and triple hashes and shapes around one gap: units
/// `m` (before), `z` (left of the gap), `o` (right), `t` (after).
#[derive(Clone, Copy, Debug)]
struct Window {
    km: u64,
    kz: u64,
    ko: u64,
    kt: u64,
    /// Pairs `m z`, `z o`, `o t`.
    pm: u64,
    pz: u64,
    po: u64,
    /// Triples `m z o`, `z o t`.
    tm: u64,
    tz: u64,
    /// The four shapes, 4 bits each: `sm | sz << 4 | so << 8 | st << 12`.
    shapes: usize,
}

impl Model {
    /// The model of `weights` and `lexicon`.
    pub(crate) fn new(weights: Weights, lexicon: Lexicon) -> Model {
        let dense = Dense::new(&weights);
        Model {
            weights,
            lexicon,
            dense,
        }
    }

    /// Score of a gap from its feature indices (> 0: join).
    #[cfg(test)]
    pub(crate) fn score(&self, f: &[u32; NF]) -> i32 {
        f.iter().map(|&i| self.weights.get(i)).sum()
    }

    /// Score of the gap of window `c` and lexicon facts `l0`, `l1` (the
    /// units left and right of it), `lm` the pair flags of the gap before:
    /// the same as [`Model::score`] of its [`features`] (the templates
    /// over small numbers read from [`Dense`]).
    #[inline(always)]
    fn score_gap(&self, c: &Window, l0: &LexInfo, l1: &LexInfo, lm: u8) -> i32 {
        let sh = c.shapes;
        let (s0, s1) = ((sh >> 4) & 15, (sh >> 8) & 15);
        let p01 = l0.pair as usize;
        let mm = (l0.fmm as usize) | (l0.bmm as usize) << 1;
        let cover = l0.cover[0].max(l0.cover[1]) as usize;
        let wide = &*self.dense.wide;
        let narrow = &*self.dense.narrow;
        let lex = |s: usize| {
            let v = l0.cover[s] as usize | (l0.end[s] as usize) << 4 | (l1.start[s] as usize) << 8;
            narrow[D_LEX + (s << 12 | (v & 0xFFF))] as i32
        };
        let w = &*self.weights.vals;
        let h = |tpl: usize, v: u64| w[index(tpl, v)] as i32;
        let mmk = mm as u64;
        let (sz, so) = (s0 as u64, s1 as u64);
        wide[D_PAIRS + ((p01 | (sh & 0xFF0) >> 2) & 0x3FF)]
            + wide[D_SPAN + ((mm | cover << 2 | (sh & 0xFF0) << 2) & 0x3FFF)]
            + lex(0)
            + lex(1)
            + narrow[D_SHAPES4 + (sh & 0xFFFF)] as i32
            + narrow[D_PAIRS3 + ((lm as usize | p01 << 2 | (l1.pair as usize) << 4) & 0x3F)] as i32
            + h(1, c.kz)
            + h(2, c.ko)
            + h(3, c.km)
            + h(4, c.kt)
            + h(5, c.pz)
            + h(6, c.pm)
            + h(7, c.po)
            + h(8, c.tm)
            + h(9, c.tz)
            + h(12, c.ko.rotate_left(17) ^ sz)
            + h(13, c.kz.rotate_left(17) ^ so)
            + h(19, c.kz.rotate_left(29) ^ mmk)
            + h(20, c.ko.rotate_left(29) ^ mmk)
    }

    /// Decides every gap of `scratch.units` into `scratch.join`.
    ///
    /// The context of [`fill_context`] is computed here as the gaps go (a
    /// window of four units and the pair and triple hashes that slide with
    /// it), without writing it out.
    pub(crate) fn decide(&self, scratch: &mut Scratch) {
        lexicon_pass(&self.lexicon, scratch);
        let n = scratch.units.len();
        scratch.join.clear();
        scratch.join.resize(n, false);
        scratch.score.clear();
        scratch.score.resize(n, 0);
        let Scratch {
            units,
            lex,
            join,
            score,
            ..
        } = scratch;
        let key = |i: usize| -> (u64, usize) {
            units.get(i).map_or((EOS_KEY, shape::NONE as usize), |u| {
                (u.key, u.shape as usize & 15)
            })
        };
        // The window of the gap after unit `i`: units i − 1 (or the start
        // sentinel), i, i + 1, i + 2 (or the end sentinel).
        let ((kz, sz), (ko, so)) = (key(0), key(1));
        let pm = pair(BOS_KEY, kz);
        let pz = pair(kz, ko);
        let mut c = Window {
            km: BOS_KEY,
            kz,
            ko,
            kt: 0,
            pm,
            pz,
            po: 0,
            tm: pair(pm, ko),
            tz: 0,
            shapes: shape::NONE as usize | sz << 4 | so << 8,
        };
        // Pair flags of the gap before; joined gaps in a row.
        let mut lm = 0u8;
        let mut run = 0usize;
        let mut long = false;
        for (i, ((l, j), sc)) in lex
            .windows(2)
            .zip(join.iter_mut())
            .zip(score.iter_mut())
            .enumerate()
        {
            let (kt, st) = key(i + 2);
            c.kt = kt;
            c.po = pair(c.ko, kt);
            c.tz = pair(c.pz, kt);
            c.shapes |= st << 12;
            let [l0, l1] = l else {
                continue;
            };
            if l0.open {
                *sc = self.score_gap(&c, l0, l1, lm);
                *j = *sc > 0;
            }
            run = if *j { run + 1 } else { 0 };
            long |= run >= MAX_WORD;
            lm = l0.pair;
            (c.km, c.kz, c.ko) = (c.kz, c.ko, kt);
            (c.pm, c.pz, c.tm) = (c.pz, c.po, c.tz);
            c.shapes >>= 4;
        }
        if long {
            cap_words(join, score);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            features(&scratch.cx, &scratch.lex, i, &mut f);
            let [m, z, o, t]: [Cx; 4] = scratch.cx[i..i + 4].try_into().unwrap();
            let c = Window {
                km: m.k,
                kz: z.k,
                ko: o.k,
                kt: t.k,
                pm: m.p,
                pz: z.p,
                po: o.p,
                tm: m.t,
                tz: z.t,
                shapes: (m.s | z.s << 4 | o.s << 8 | t.s << 12) as usize,
            };
            let lm = if i > 0 { scratch.lex[i - 1].pair } else { 0 };
            let s = model.score_gap(&c, &scratch.lex[i], &scratch.lex[i + 1], lm);
            assert_eq!(s, model.score(&f), "gap {i}");
            nonzero += (s != 0) as usize;
        }
        assert!(nonzero > 5);
    }

    #[test]
    fn weights_round_trip_and_damage_fails() {
        let mut w = Weights::empty();
        w.vals[0] = 5;
        w.vals[1000] = -1024;
        w.vals[(1 << BITS) - 1] = 32767;
        let b = w.to_bytes();
        let back = Weights::from_bytes(&b, "t").unwrap();
        assert_eq!(back.vals[..], w.vals[..]);
        assert!(Weights::from_bytes(&b[..b.len() - 2], "t").is_err());
    }
}
