//! One-pass analysis: sentences, words, entities and links from a single
//! tokenization of the text.
//!
//! Calling [`crate::sentence::sentences`], [`Segmenter::segment`] and
//! [`Extractor::extract`] one after the other tokenizes the text three
//! times. An [`Analyzer`] tokenizes once and hands the same tokens to every
//! stage; the results are identical to calling the stages one by one.

use std::ops::Range;

use crate::extract::{Entity, Extractor, Ymd};
use crate::segment::{Segmenter, Word};
use crate::sentence::{split_tokens, to_sentences, Sentence};
use crate::token::{tokenize, Token};

/// Runs every stage over a text. Built once, shared across threads
/// (`Send + Sync`); [`Analyzer::analyze`] takes `&self`.
///
/// ```
/// use vntext::analyze::Analyzer;
///
/// let analyzer = Analyzer::new();
/// let text = "Sáng 26/12, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị. Hội nghị kết thúc lúc 11 giờ.";
/// let doc = analyzer.analyze(text);
/// assert_eq!(doc.sentences.len(), 2);
/// assert_eq!(doc.sentences[1].text, "Hội nghị kết thúc lúc 11 giờ.");
/// // Every word of the second sentence lies inside its span.
/// let second = doc.words_of(&doc.sentences[1]);
/// assert_eq!(second.first().map(|w| w.span.start), Some(doc.sentences[1].span.start));
/// // Entities carry byte spans into `text`.
/// for e in &doc.entities {
///     assert_eq!(&text[e.span.clone()], e.text);
/// }
/// ```
#[derive(Clone, Debug, Default)]
pub struct Analyzer {
    segmenter: Segmenter,
    extractor: Extractor,
}

/// The result of [`Analyzer::analyze`]: every span is a byte range of the
/// analysed text.
///
/// ```
/// use vntext::{Analyzer, EntityKind};
/// let text = "Bộ Chính trị họp. Sáng 26/12, hội nghị bế mạc.";
/// let doc = Analyzer::new().analyze(text);
/// let second = &doc.sentences[1];
/// let words: Vec<&str> = doc.words_of(second).iter().map(|w| w.text).collect();
/// assert_eq!(words[..2], ["Sáng", "26/12"]);
/// let kinds: Vec<EntityKind> = doc.entities_in(second.span.clone()).map(|e| e.kind).collect();
/// assert_eq!(kinds, [EntityKind::Date]);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Document<'a> {
    /// The analysed text.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub text: &'a str,
    /// The tokens every stage worked on.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub tokens: Vec<Token<'a>>,
    /// Sentences, in order.
    pub sentences: Vec<Sentence<'a>>,
    /// For each sentence, the range of its token indices in
    /// [`Document::tokens`].
    #[cfg_attr(feature = "serde", serde(skip))]
    pub sentence_tokens: Vec<Range<usize>>,
    /// Words, in order.
    pub words: Vec<Word<'a>>,
    /// Entities, sorted as by [`Extractor::extract`].
    pub entities: Vec<Entity<'a>>,
    /// `(official_index, title_index)` pairs into [`Document::entities`].
    pub links: Vec<(usize, usize)>,
}

impl Analyzer {
    /// An analyzer with the default segmenter and extractor.
    pub fn new() -> Self {
        Self::default()
    }

    /// Uses `segmenter` for words.
    pub fn segmenter(mut self, segmenter: Segmenter) -> Self {
        self.segmenter = segmenter;
        self
    }

    /// Uses `extractor` for entities.
    pub fn extractor(mut self, extractor: Extractor) -> Self {
        self.extractor = extractor;
        self
    }

    /// Sets the reference date of the extractor (see
    /// [`Extractor::reference_date`]).
    ///
    /// ```
    /// use vntext::{analyze::Analyzer, extract::Ymd};
    /// let a = Analyzer::new().reference_date(Ymd::parse("2023-12-26").unwrap());
    /// assert!(a.analyze("").sentences.is_empty());
    /// ```
    pub fn reference_date(mut self, date: Ymd) -> Self {
        self.extractor = self.extractor.reference_date(date);
        self
    }

    /// Analyses one document: tokenizes `text` once, then splits sentences,
    /// segments words and extracts entities from the same tokens.
    pub fn analyze<'a>(&self, text: &'a str) -> Document<'a> {
        let tokens: Vec<Token<'a>> = tokenize(text).collect();
        let sentence_tokens = split_tokens(&tokens);
        let sentences = to_sentences(text, &tokens, &sentence_tokens);
        let words = self.segmenter.segment_tokens(text, &tokens);
        let ex = self.extractor.extract_tokens(text, &tokens);
        Document {
            text,
            tokens,
            sentences,
            sentence_tokens,
            words,
            entities: ex.entities,
            links: ex.links,
        }
    }
}

impl<'a> Document<'a> {
    /// The words whose spans lie inside `span` (typically a sentence's).
    /// Found by binary search over the sorted words.
    pub fn words_in(&self, span: Range<usize>) -> &[Word<'a>] {
        let lo = self.words.partition_point(|w| w.span.start < span.start);
        let hi = self.words.partition_point(|w| w.span.end <= span.end);
        &self.words[lo..hi.max(lo)]
    }

    /// The words of `sentence`; shorthand for
    /// `self.words_in(sentence.span.clone())`.
    pub fn words_of(&self, sentence: &Sentence<'_>) -> &[Word<'a>] {
        self.words_in(sentence.span.clone())
    }

    /// The entities whose spans lie inside `span`.
    pub fn entities_in(&self, span: Range<usize>) -> impl Iterator<Item = &Entity<'a>> {
        self.entities
            .iter()
            .filter(move |e| e.span.start >= span.start && e.span.end <= span.end)
    }
}
