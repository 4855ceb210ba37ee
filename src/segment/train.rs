//! Training and scoring of the segmentation model (used by
//! `examples/train_segmenter.rs` and `examples/eval_segmenter.rs`).
//!
//! Training is deterministic: the same data gives the same model bytes.

use super::lexicon::{Lexicon, SRC_A, SRC_B};
use super::model::{self, Model, Scratch, Weights, NF};
use super::units::is_open;
use super::Segmenter;
use crate::token::{tokenize, TokenKind};

/// A gold sentence: its words, each a list of syllables.
pub type Sentence = Vec<Vec<String>>;

/// Reads the sentences of a CoNLL-U file (word FORMs, multiword-token
/// ranges and empty nodes skipped).
pub fn read_conllu(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur: Sentence = Vec::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(id), Some(form)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.contains('.') || id.contains('-') {
            continue;
        }
        let syl: Vec<String> = form.split_whitespace().map(str::to_owned).collect();
        if !syl.is_empty() {
            cur.push(syl);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The unsegmented line of a sentence (syllables separated by one space) and
/// the byte offsets where its words end.
pub fn raw_line(s: &Sentence) -> (String, Vec<usize>) {
    let mut raw = String::new();
    let mut ends = Vec::with_capacity(s.len());
    for w in s {
        for syl in w {
            if !raw.is_empty() {
                raw.push(' ');
            }
            raw.push_str(syl);
        }
        ends.push(raw.len());
    }
    (raw, ends)
}

/// Compiles the two word lists (one entry a line) into the embedded lexicon
/// text: lowercase entries of 2–8 syllables, letters only, with flags 1
/// (first list) and 2 (second), sorted.
pub fn compile_lexicon(first: &str, second: &str) -> String {
    let mut map: std::collections::BTreeMap<String, u8> = Default::default();
    for (text, flag) in [(first, SRC_A), (second, SRC_B)] {
        for line in text.lines() {
            let syl: Vec<&str> = line.split_whitespace().collect();
            if syl.len() < 2 || syl.len() > super::lexicon::MAX_WORD {
                continue;
            }
            // Every syllable must be one word token.
            let ok = syl.iter().all(|s| {
                let mut t = tokenize(s);
                matches!((t.next(), t.next()), (Some(a), None) if a.kind == TokenKind::Word)
            });
            if !ok {
                continue;
            }
            let key = syl.join(" ").to_lowercase();
            *map.entry(key).or_insert(0) |= flag;
        }
    }
    let mut out = String::new();
    for (k, f) in map {
        out.push_str(&k);
        out.push('\t');
        out.push_str(&f.to_string());
        out.push('\n');
    }
    out
}

/// The compiled binary form of a lexicon text (what the library embeds).
pub fn lexicon_bytes(lexicon_text: &str) -> crate::Result<Vec<u8>> {
    Ok(Lexicon::parse(lexicon_text)?.to_bytes())
}

/// An averaged-perceptron trainer over the gaps of gold sentences.
#[derive(Debug)]
pub struct Trainer {
    lexicon: Lexicon,
    feats: Vec<[u32; NF]>,
    labels: Vec<bool>,
    w: Vec<i32>,
    u: Vec<i64>,
    c: i64,
    rng: u64,
}

impl Trainer {
    /// A trainer using the lexicon text (from [`compile_lexicon`]).
    pub fn new(lexicon_text: &str) -> crate::Result<Trainer> {
        let size = 1usize << model::BITS;
        Ok(Trainer {
            lexicon: Lexicon::parse(lexicon_text)?,
            feats: Vec::new(),
            labels: Vec::new(),
            w: vec![0; size],
            u: vec![0; size],
            c: 1,
            rng: 0x9e37_79b9_7f4a_7c15,
        })
    }

    /// Sets the seed of the pseudo-random order of the examples (a fixed
    /// seed is used otherwise).
    pub fn seed(&mut self, seed: u64) {
        self.rng = 0x9e37_79b9_7f4a_7c15 ^ seed.wrapping_mul(0x2545_f491_4f6c_dd1d) | 1;
    }

    /// Adds the gaps of one sentence as training examples.
    pub fn add(&mut self, s: &Sentence) {
        let (raw, ends) = raw_line(s);
        let mut scratch = Scratch::default();
        model::build_units(&raw, tokenize(&raw), &mut scratch);
        model::lexicon_pass(&self.lexicon, &mut scratch);
        model::fill_context(&mut scratch);
        let units = &scratch.units;
        let mut f = [0u32; NF];
        for i in 0..units.len().saturating_sub(1) {
            if is_open(units, i) {
                model::features(&scratch.cx, &scratch.lex, i, &mut f);
                self.feats.push(f);
                self.labels.push(ends.binary_search(&units[i].end).is_err());
            }
        }
    }

    /// Number of training gaps.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether no gap was added.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    fn next_rand(&mut self) -> u64 {
        // xorshift64*
        self.rng ^= self.rng >> 12;
        self.rng ^= self.rng << 25;
        self.rng ^= self.rng >> 27;
        self.rng.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// One pass over the examples in a fixed pseudo-random order; returns
    /// the number of mistakes. Integer arithmetic throughout, so the result
    /// does not depend on the platform.
    pub fn epoch(&mut self) -> usize {
        let n = self.labels.len();
        let mut order: Vec<u32> = (0..n as u32).collect();
        for i in (1..n).rev() {
            let j = (self.next_rand() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut errors = 0;
        for &e in &order {
            let f = &self.feats[e as usize];
            let y = self.labels[e as usize];
            let s: i32 = f.iter().map(|&i| self.w[i as usize]).sum();
            if (s > 0) != y {
                errors += 1;
                let d = if y { 1 } else { -1 };
                for &i in f {
                    self.w[i as usize] += d;
                    self.u[i as usize] += self.c * d as i64;
                }
            }
            self.c += 1;
        }
        errors
    }

    /// The averaged weights in units of 1/1024, rounded half away from
    /// zero and clamped to 16 bits.
    fn averaged(&self) -> Vec<i16> {
        self.w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| {
                // w − u / c, times 1024, in integers.
                let num = (w as i128 * self.c as i128 - u as i128) * 1024;
                let den = self.c as i128;
                let q = (2 * num + num.signum() * den) / (2 * den);
                q.clamp(i16::MIN as i128, i16::MAX as i128) as i16
            })
            .collect()
    }

    fn weights(&self) -> Weights {
        Weights::from_fixed(&self.averaged()).unwrap_or_else(Weights::empty)
    }

    /// The serialized averaged model (`model.bin`).
    pub fn model_bytes(&self) -> Vec<u8> {
        self.weights().to_bytes()
    }

    /// A segmenter with the current averaged model.
    pub fn segmenter(&self) -> Segmenter {
        self.segmenter_with(self.weights())
    }

    fn segmenter_with(&self, weights: Weights) -> Segmenter {
        Segmenter {
            inner: std::sync::Arc::new(super::Inner {
                model: std::sync::Arc::new(Model::new(weights, self.lexicon.clone())),
                user: None,
            }),
            convention: super::Convention::Ud,
        }
    }
}

/// Several trainers over the same examples, each with its own order of
/// the examples; the model is the mean of their averaged weights, which
/// varies much less with the orders than one perceptron does.
#[derive(Debug)]
pub struct Ensemble {
    members: Vec<Trainer>,
}

impl Ensemble {
    /// `n` (at least 1) trainers using the lexicon text, with seeds
    /// `0..n`.
    pub fn new(lexicon_text: &str, n: usize) -> crate::Result<Ensemble> {
        let mut members = Vec::with_capacity(n.max(1));
        for seed in 0..n.max(1) {
            let mut t = Trainer::new(lexicon_text)?;
            t.seed(seed as u64);
            members.push(t);
        }
        Ok(Ensemble { members })
    }

    /// Shifts every member's seed by `base * n` (to draw other orders).
    pub fn reseed(&mut self, base: u64) {
        let n = self.members.len() as u64;
        for (i, t) in self.members.iter_mut().enumerate() {
            t.seed(base * n + i as u64);
        }
    }

    /// Adds the gaps of one sentence as training examples.
    pub fn add(&mut self, s: &Sentence) {
        let (first, rest) = self.members.split_at_mut(1);
        let t0 = &mut first[0];
        let before = t0.labels.len();
        t0.add(s);
        for t in rest {
            t.feats.extend_from_slice(&t0.feats[before..]);
            t.labels.extend_from_slice(&t0.labels[before..]);
        }
    }

    /// Number of training gaps.
    pub fn len(&self) -> usize {
        self.members[0].len()
    }

    /// Whether no gap was added.
    pub fn is_empty(&self) -> bool {
        self.members[0].is_empty()
    }

    /// One epoch of every member; returns their mistakes.
    pub fn epoch(&mut self) -> Vec<usize> {
        self.members.iter_mut().map(Trainer::epoch).collect()
    }

    /// The mean of the members' averaged weights, in units of 1/1024,
    /// rounded half away from zero.
    fn weights(&self) -> Weights {
        let n = self.members.len() as i64;
        let mut sum = vec![0i64; 1 << model::BITS];
        for t in &self.members {
            for (s, w) in sum.iter_mut().zip(t.averaged()) {
                *s += w as i64;
            }
        }
        let mean: Vec<i16> = sum
            .iter()
            .map(|&s| ((2 * s + s.signum() * n) / (2 * n)) as i16)
            .collect();
        Weights::from_fixed(&mean).unwrap_or_else(Weights::empty)
    }

    /// The serialized model (`model.bin`).
    pub fn model_bytes(&self) -> Vec<u8> {
        self.weights().to_bytes()
    }

    /// A segmenter with the current model.
    pub fn segmenter(&self) -> Segmenter {
        self.members[0].segmenter_with(self.weights())
    }
}

/// Word counts of a scored corpus.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    /// Words in the gold standard.
    pub gold: usize,
    /// Words predicted.
    pub pred: usize,
    /// Predicted words whose character span matches a gold word.
    pub correct: usize,
}

impl Score {
    /// Precision in percent.
    pub fn precision(&self) -> f64 {
        100.0 * self.correct as f64 / self.pred.max(1) as f64
    }
    /// Recall in percent.
    pub fn recall(&self) -> f64 {
        100.0 * self.correct as f64 / self.gold.max(1) as f64
    }
    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores the words predicted for one line made by [`raw_line`] against the
/// gold word ends it returned: a word is correct when a gold word has the
/// same span, which is the `ws_score.py` metric (spans over the line's
/// non-space characters), since the line has exactly one space between
/// syllables.
pub fn score_line(gold_ends: &[usize], pred: &[super::Word<'_>], acc: &mut Score) {
    // Word boundaries as byte offsets into `raw`; two words match iff they
    // have the same (start, end), which is equivalent to matching spans in
    // the space-free character stream.
    let mut gold: Vec<(usize, usize)> = Vec::with_capacity(gold_ends.len());
    let mut start = 0;
    for &e in gold_ends {
        gold.push((start, e));
        start = e + 1;
    }
    acc.gold += gold.len();
    acc.pred += pred.len();
    let mut g = 0;
    for w in pred {
        while g < gold.len() && gold[g].0 < w.span.start {
            g += 1;
        }
        if g < gold.len() && gold[g] == (w.span.start, w.span.end) {
            acc.correct += 1;
        }
    }
}

/// Seconds spent on each stage (tokenize, units, lexicon, decide) over
/// `reps` passes of `lines`: a profiling aid.
#[doc(hidden)]
pub fn stage_times(lines: &[String], reps: usize) -> [f64; 4] {
    // CPU time of this thread (Linux), wall time elsewhere.
    struct Instant(Option<u64>, std::time::Instant);
    impl Instant {
        fn cpu() -> Option<u64> {
            let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
            s.split_whitespace().next()?.parse().ok()
        }
        fn now() -> Instant {
            Instant(Self::cpu(), std::time::Instant::now())
        }
        fn elapsed(&self) -> std::time::Duration {
            match (self.0, Self::cpu()) {
                (Some(a), Some(b)) => std::time::Duration::from_nanos(b - a),
                _ => self.1.elapsed(),
            }
        }
    }
    let seg = Segmenter::new();
    let model = &seg.inner.model;
    let mut scratch = Scratch::default();
    let mut t = [0f64; 4];
    let mut sink = 0usize;
    let now = Instant::now();
    for _ in 0..reps {
        for l in lines {
            sink += tokenize(l).count();
        }
    }
    t[0] = now.elapsed().as_secs_f64();
    let now = Instant::now();
    for _ in 0..reps {
        for l in lines {
            model::build_units(l, tokenize(l), &mut scratch);
            sink += scratch.units.len();
        }
    }
    t[1] = now.elapsed().as_secs_f64();
    let now = Instant::now();
    for _ in 0..reps {
        for l in lines {
            model::build_units(l, tokenize(l), &mut scratch);
            model::lexicon_pass(&model.lexicon, &mut scratch);
            sink += scratch.lex.len();
        }
    }
    t[2] = now.elapsed().as_secs_f64();
    let now = Instant::now();
    for _ in 0..reps {
        for l in lines {
            model::build_units(l, tokenize(l), &mut scratch);
            model.decide(&mut scratch);
            sink += scratch.join.len();
        }
    }
    t[3] = now.elapsed().as_secs_f64();
    if sink == 1 {
        t[0] += 1.0;
    }
    t
}
