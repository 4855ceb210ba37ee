//! Word segmentation: groups syllables into words ("công tác",
//! "Chấp hành", "Trung ương", "Hà Nội").
//!
//! Vietnamese writes a space between syllables, not between words, so a
//! segmenter decides for every space between two syllables whether it lies
//! inside a word.
//!
//! # How
//! 1. The tokens of [`crate::token`] are grouped into *units*: a run of
//!    tokens with no space between them (`TP.HCM`, `Covid-19`, `95%`,
//!    `15/2020/NĐ-CP`) is one unit, except that leading and trailing
//!    punctuation, inner `, ; : ! ? " ( ) …` and a `/` between Vietnamese
//!    words are their own units; a period after an abbreviation (`TP.`,
//!    `v.v.`, an initial) stays attached.
//! 2. Every unit gets a 64-bit hash of its key (the crate's `key` module: lowercase,
//!    the tone taken out of the vowel, so `hoà`/`hòa` and `Tỉnh uỷ`/`Tỉnh
//!    ủy` look the same), computed on the fly, and a shape (lowercase,
//!    Title, UPPER, foreign, initial, number, punctuation, link...).
//! 3. A lexicon pass finds, for each unit, the longest entries of the two
//!    embedded word lists (Viet74K and pyvi's word list, 64,136 entries of
//!    2–8 syllables, kept apart) that start, end or cover each gap, which
//!    list has each two-syllable pair, and the forward and backward
//!    longest-matching segmentations.
//! 4. Each gap between two units separated by whitespace is decided *join*
//!    or *split* by a linear model over 24 hashed features (keys of the
//!    four surrounding units, their bigrams and trigrams, shapes, and the
//!    lexicon facts). Line breaks, punctuation, symbols and links always
//!    split.
//!
//! The model was trained on UD Vietnamese-VTB (train + dev): the mean of
//! five averaged perceptrons, each over its own order of the examples. So
//! words follow that treebank's conventions: titles and organization names
//! are split into their dictionary words (`Thủ_tướng Chính_phủ`,
//! `Ban_Chấp_hành Trung_ương`), person and place names are one word
//! (`Nguyễn_Văn_An`, `Hà_Nội`), `95%` is one word. On the VTB test split
//! (11,692 words, input = syllables separated by spaces) it scores word F1
//! 97.92 (P 97.80, R 98.04): `cargo run --release --features train
//! --example eval_segmenter -- vi_vtb-ud-test.conllu`. Retrain with `cargo
//! run --release --features train --example train_segmenter --
//! ../shared/data/ud-vi-vtb` (deterministic: it rewrites the embedded
//! files byte for byte).
//!
//! Speed: everything is hashing and a few table reads per syllable (keys and
//! shapes of frequent syllables come from a per-thread cache tagged by their
//! bytes; a syllable the cache knows, alone between spaces or with one
//! punctuation mark glued to it, becomes its unit from one 8-byte read and
//! one probe), with no allocation per word once [`Segmenter::segment_into`]
//! has warmed up its buffers; the embedded weights (512 KB of 16-bit
//! integers) and lexicon table (512 KB) load in a few milliseconds, once per
//! process. About 103 instructions per byte of news text, line by line
//! (callgrind over `VNTEXT_PROFILE=lines` of `benches/segment.rs`); the
//! README's Performance section gives measured throughputs.
//!
//! ```
//! use vntext::segment::{Segmenter, WordKind};
//! let seg = Segmenter::new();
//! let text = "Ban Tuyên giáo Tỉnh ủy triển khai công tác năm 2024.";
//! let words: Vec<&str> = seg.segment(text).iter().map(|w| w.text).collect();
//! assert!(words.contains(&"công tác"));
//! assert!(words.contains(&"Tuyên giáo"));
//! assert_eq!(seg.segment(text).last().unwrap().kind, WordKind::Punct);
//! ```

use std::cell::RefCell;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

use crate::token::{tokenize, Token};

mod blob;
mod convention;
mod lexicon;
mod model;
#[cfg(feature = "train")]
pub mod train;
mod units;

pub use convention::Convention;
use lexicon::Lexicon;
use model::{Model, Scratch, Weights};

/// What a [`Word`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum WordKind {
    /// A word of one or more Vietnamese syllables.
    Word,
    /// A word that is not Vietnamese (foreign name, code, abbreviation).
    Foreign,
    /// A number or a number with letters (`26/12`, `10h30`).
    Number,
    /// Punctuation.
    Punct,
    /// A symbol (`%`, `₫`).
    Symbol,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
}

/// One word: a slice of the input with its byte span. A word of several
/// syllables keeps the original spacing between them in `text`.
///
/// ```
/// let text = "Công  tác tuyên giáo";
/// let w = &vntext::segment(text)[0];
/// assert_eq!((w.text, w.span.clone()), ("Công  tác", 0..11));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Word<'a> {
    /// `&input[span]`.
    pub text: &'a str,
    /// Byte range in the input.
    pub span: Range<usize>,
    /// What the word is.
    pub kind: WordKind,
}

const MODEL_BYTES: &[u8] = include_bytes!("../../data/segment/model.bin");
/// The compiled lexicon table (built from `data/segment/lexicon.txt` by the
/// training example).
const LEXICON_BYTES: &[u8] = include_bytes!("../../data/segment/lexicon.bin");

#[derive(Debug)]
struct Inner {
    model: Arc<Model>,
    user: Option<Lexicon>,
}

/// The embedded model. A blob that does not open is a bug in the build
/// (the tests load both), so it fails loudly, naming the file, instead of
/// segmenting with an empty lexicon or zero weights.
static EMBEDDED: LazyLock<Arc<Inner>> = LazyLock::new(|| {
    let open = |r: crate::Result<Model>| match r {
        Ok(m) => m,
        Err(e) => panic!("vntext: corrupt embedded segmentation data: {e}"),
    };
    Arc::new(Inner {
        model: Arc::new(open(embedded_model())),
        user: None,
    })
});

/// Opens the embedded lexicon and weights.
fn embedded_model() -> crate::Result<Model> {
    Ok(Model::new(
        Weights::from_bytes(MODEL_BYTES, "data/segment/model.bin")?,
        Lexicon::from_bytes(LEXICON_BYTES, "data/segment/lexicon.bin")?,
    ))
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// A word segmenter. Built once, shared across threads (`Send + Sync`);
/// cloning is cheap (a reference count).
///
/// ```
/// use vntext::{Segmenter, WordKind};
/// let seg = Segmenter::new();
/// let words = seg.segment("Hà Nội, ngày 26/12");
/// let got: Vec<(&str, WordKind)> = words.iter().map(|w| (w.text, w.kind)).collect();
/// assert_eq!(
///     got,
///     [("Hà Nội", WordKind::Word), (",", WordKind::Punct), ("ngày", WordKind::Word), ("26/12", WordKind::Number)]
/// );
/// ```
#[derive(Clone, Debug)]
pub struct Segmenter {
    inner: Arc<Inner>,
    convention: Convention,
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

impl Segmenter {
    /// The segmenter with the embedded lexicon and model. The model is
    /// loaded on first use and shared, so calling this repeatedly is cheap.
    pub fn new() -> Self {
        Segmenter {
            inner: Arc::clone(&EMBEDDED),
            convention: Convention::Ud,
        }
    }

    /// A builder to add a user dictionary or choose the word
    /// [`Convention`].
    ///
    /// ```
    /// use vntext::segment::Segmenter;
    /// let seg = Segmenter::builder().user_words(["Tuyên giáo Tỉnh ủy"]).build().unwrap();
    /// let words = seg.segment("Ban Tuyên giáo Tỉnh ủy họp.");
    /// assert_eq!(words[1].text, "Tuyên giáo Tỉnh ủy");
    /// ```
    pub fn builder() -> SegmenterBuilder {
        SegmenterBuilder {
            words: Vec::new(),
            convention: Convention::Ud,
        }
    }

    /// Builds a segmenter from a serialized model (as written by the
    /// training example, `train_segmenter`) and a lexicon in its text form
    /// (one word a line: syllables separated by single spaces, a TAB, and
    /// the source flags 1, 2 or 3).
    pub fn from_parts(model: &[u8], lexicon: &str) -> crate::Result<Segmenter> {
        let lexicon = Lexicon::parse(lexicon)?;
        let weights = Weights::from_bytes(model, "model")?;
        Ok(Segmenter {
            inner: Arc::new(Inner {
                model: Arc::new(Model::new(weights, lexicon)),
                user: None,
            }),
            convention: Convention::Ud,
        })
    }

    /// The word convention this segmenter follows.
    pub fn convention(&self) -> Convention {
        self.convention
    }

    /// Segments `text` into words.
    ///
    /// ```
    /// let words = vntext::segment::Segmenter::new().segment("Thủ tướng Chính phủ phát biểu.");
    /// let texts: Vec<&str> = words.iter().map(|w| w.text).collect();
    /// assert_eq!(texts, ["Thủ tướng", "Chính phủ", "phát biểu", "."]);
    /// ```
    pub fn segment<'a>(&self, text: &'a str) -> Vec<Word<'a>> {
        // News text has about one word per 7 bytes: reserving for one per
        // 6 avoids growing (and copying) the vector on long texts.
        let mut out = Vec::with_capacity(text.len() / 6 + 4);
        self.segment_into(text, &mut out);
        out
    }

    /// Segments `text` into `out` (cleared first), reusing its allocation
    /// and a per-thread scratch buffer: no allocation once warmed up.
    ///
    /// ```
    /// let seg = vntext::Segmenter::new();
    /// let mut words = Vec::new();
    /// for line in ["công tác dân vận", "hội nghị"] {
    ///     seg.segment_into(line, &mut words);
    ///     assert!(words.iter().all(|w| &line[w.span.clone()] == w.text));
    /// }
    /// assert_eq!(words[0].text, "hội nghị");
    /// ```
    pub fn segment_into<'a>(&self, text: &'a str, out: &mut Vec<Word<'a>>) {
        // The VLSP pass reads the tokens: the unit builder records them.
        let vlsp = self.convention == Convention::Vlsp;
        self.run(
            text,
            Tokens::Recorded,
            |s| model::build_units_text(text, s, vlsp),
            out,
        );
    }

    /// Segments tokens already produced by [`crate::token::tokenize`] for
    /// `text`.
    ///
    /// ```
    /// let text = "Sở Giáo dục và Đào tạo";
    /// let toks: Vec<_> = vntext::tokenize(text).collect();
    /// let words = vntext::Segmenter::new().segment_tokens(text, &toks);
    /// assert_eq!(words[1].text, "Giáo dục");
    /// ```
    pub fn segment_tokens<'a>(&self, text: &'a str, tokens: &[Token<'a>]) -> Vec<Word<'a>> {
        let mut out = Vec::new();
        self.run(
            text,
            Tokens::Given(tokens),
            |s| model::build_units(text, tokens.iter().cloned(), s),
            &mut out,
        );
        out
    }

    /// Builds the units with `build`, decides the gaps, writes the words.
    /// The VLSP pass reads the tokens the caller gave or those `build`
    /// recorded in the scratch, so `text` is not tokenized again.
    fn run<'a>(
        &self,
        text: &'a str,
        tokens: Tokens<'_, 'a>,
        build: impl FnOnce(&mut Scratch),
        out: &mut Vec<Word<'a>>,
    ) {
        out.clear();
        let vlsp = self.convention == Convention::Vlsp;
        let go = |scratch: &mut Scratch| {
            build(scratch);
            self.inner.model.decide(scratch);
            if let Some(user) = &self.inner.user {
                apply_user(user, scratch);
            }
            emit(text, scratch, out);
            if !vlsp || out.len() < 2 || !convention::may_join(&scratch.units) {
                return;
            }
            match tokens {
                Tokens::Given(t) => convention::join_vlsp(text, t, out),
                Tokens::Recorded => {
                    let t: Vec<Token<'a>> = scratch
                        .tokens
                        .iter()
                        .map(|&(start, end, kind, space_before, newline_before)| Token {
                            text: text.get(start..end).unwrap_or(""),
                            span: start..end,
                            kind,
                            space_before,
                            newline_before,
                        })
                        .collect();
                    convention::join_vlsp(text, &t, out);
                }
            }
        };
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut s) => go(&mut s),
            Err(_) => go(&mut Scratch::default()),
        });
    }
}

/// Where [`Segmenter::run`] finds the tokens of the text for the VLSP pass.
#[derive(Clone, Copy)]
enum Tokens<'t, 'a> {
    /// The caller's.
    Given(&'t [Token<'a>]),
    /// Those the unit builder recorded in the scratch.
    Recorded,
}

/// Forces the longest user-dictionary matches (left to right) to be words.
fn apply_user(user: &Lexicon, scratch: &mut Scratch) {
    let units = &scratch.units;
    let n = units.len();
    let mut j = 0;
    while j < n {
        let mut best = 0;
        if units[j].joinable {
            let mut h = lexicon::step(lexicon::SEQ_SEED, units[j].key);
            let mut k = j;
            while k + 1 < n && k + 1 - j < lexicon::MAX_WORD && units::is_open(units, k) {
                k += 1;
                h = lexicon::step(h, units[k].key);
                let f = user.get(h);
                if f == 0 {
                    break;
                }
                if f & lexicon::ANY_WORD != 0 {
                    best = k + 1 - j;
                }
            }
        }
        if best >= 2 {
            if j > 0 {
                scratch.join[j - 1] = false;
            }
            for g in &mut scratch.join[j..j + best - 1] {
                *g = true;
            }
            scratch.join[j + best - 1] = false;
            j += best;
        } else {
            j += 1;
        }
    }
}

fn emit<'a>(text: &'a str, scratch: &Scratch, out: &mut Vec<Word<'a>>) {
    let units = &scratch.units;
    let n = units.len();
    // The current word starts at unit `ws`; `all_words`: its units so far
    // are all of kind `Word`.
    let mut ws = 0;
    let mut all_words = true;
    for (i, (u, &join)) in units.iter().zip(&scratch.join).enumerate() {
        all_words &= u.kind == WordKind::Word;
        if join && i + 1 < n {
            continue;
        }
        let first = &units[ws];
        let span = first.start..u.end;
        let kind = if ws == i {
            u.kind
        } else if first.kind == WordKind::Number {
            WordKind::Number
        } else if all_words {
            WordKind::Word
        } else {
            WordKind::Foreign
        };
        out.push(Word {
            text: &text[span.clone()],
            span,
            kind,
        });
        ws = i + 1;
        all_words = true;
    }
}

/// Builder for a [`Segmenter`] with a user dictionary or another word
/// [`Convention`].
#[derive(Clone, Debug)]
pub struct SegmenterBuilder {
    words: Vec<String>,
    convention: Convention,
}

impl SegmenterBuilder {
    /// Adds words (syllables separated by spaces, any case) that are always
    /// kept together when they occur in the text; the longest match wins.
    pub fn user_words<I, S>(mut self, words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.words
            .extend(words.into_iter().map(|w| w.as_ref().to_owned()));
        self
    }

    /// The word convention ([`Convention::Ud`] by default).
    ///
    /// ```
    /// use vntext::{Convention, Segmenter};
    /// let seg = Segmenter::builder().convention(Convention::Vlsp).build().unwrap();
    /// let words = seg.segment("Sở Tư pháp họp.");
    /// assert_eq!(words[0].text, "Sở Tư pháp");
    /// ```
    pub fn convention(mut self, convention: Convention) -> Self {
        self.convention = convention;
        self
    }

    /// Builds the segmenter. Fails with [`crate::ErrorKind::BadData`] (the
    /// 1-based index of the word as `line`) when a user word is empty,
    /// contains punctuation or a link, or has more than 8 units.
    pub fn build(self) -> crate::Result<Segmenter> {
        let base = Arc::clone(&EMBEDDED);
        if self.words.is_empty() {
            return Ok(Segmenter {
                inner: base,
                convention: self.convention,
            });
        }
        let mut user = lexicon::LexiconBuilder::default();
        let mut scratch = Scratch::default();
        let mut keys = Vec::new();
        for (n, w) in self.words.iter().enumerate() {
            let bad = |why: &str| {
                crate::Error::new(
                    crate::ErrorKind::BadData { line: n + 1 },
                    format!("user word {}: {why}", n + 1),
                )
            };
            model::build_units(w, tokenize(w), &mut scratch);
            let units = &scratch.units;
            if units.is_empty() {
                return Err(bad("empty"));
            }
            if units.len() > lexicon::MAX_WORD {
                return Err(bad("too many syllables"));
            }
            if units.iter().any(|u| !u.joinable) {
                return Err(bad("punctuation, symbol or link"));
            }
            keys.clear();
            keys.extend(units.iter().map(|u| u.key));
            user.insert(&keys, lexicon::SRC_USER);
        }
        Ok(Segmenter {
            inner: Arc::new(Inner {
                model: Arc::clone(&base.model),
                user: Some(user.build()),
            }),
            convention: self.convention,
        })
    }
}

/// Segments `text` with the default [`Segmenter`].
///
/// ```
/// let words = vntext::segment("Hà Nội");
/// assert_eq!(words.len(), 1);
/// ```
pub fn segment(text: &str) -> Vec<Word<'_>> {
    Segmenter::new().segment(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every embedded blob opens (a corrupt one would make the first
    /// `Segmenter::new` panic).
    #[test]
    fn embedded_blobs_open() {
        let m = embedded_model().unwrap();
        assert!(m.lexicon.len() > 60_000);
        let _ = Segmenter::new().segment("Hà Nội");
    }

    /// The embedded table is the compiled form of the committed word list.
    #[test]
    fn lexicon_bin_is_lexicon_txt_compiled() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/segment/lexicon.txt");
        let text = std::fs::read_to_string(path).unwrap();
        assert_eq!(Lexicon::parse(&text).unwrap().to_bytes(), LEXICON_BYTES);
    }

    /// A damaged blob is an error that names the file, never an empty
    /// model.
    #[test]
    fn damaged_blobs_fail_by_name() {
        let mut bad = MODEL_BYTES.to_vec();
        let last = bad.len() - 1;
        bad[last] ^= 1;
        let e = Weights::from_bytes(&bad, "data/segment/model.bin").unwrap_err();
        assert!(e.to_string().contains("data/segment/model.bin"), "{e}");
        let e =
            Lexicon::from_bytes(&LEXICON_BYTES[..1000], "data/segment/lexicon.bin").unwrap_err();
        assert!(e.to_string().contains("data/segment/lexicon.bin"), "{e}");
    }
}
