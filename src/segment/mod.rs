//! Word segmentation: groups syllables into words ("công tác",
//! "Ban Chấp hành Trung ương"). PLACEHOLDER model: every token is a word.

use std::ops::Range;

use crate::token::{tokenize, Token, TokenKind};

/// What a [`Word`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
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

/// A word segmenter. Built once, shared across threads (`Send + Sync`).
#[derive(Clone, Debug, Default)]
pub struct Segmenter {}

impl Segmenter {
    /// The segmenter with the embedded lexicon and model.
    pub fn new() -> Self {
        Segmenter {}
    }

    /// Segments `text` into words.
    pub fn segment<'a>(&self, text: &'a str) -> Vec<Word<'a>> {
        let tokens: Vec<Token<'a>> = tokenize(text).collect();
        self.segment_tokens(text, &tokens)
    }

    /// Segments tokens already produced by [`crate::token::tokenize`] for `text`.
    pub fn segment_tokens<'a>(&self, _text: &'a str, tokens: &[Token<'a>]) -> Vec<Word<'a>> {
        tokens
            .iter()
            .map(|t| Word {
                text: t.text,
                span: t.span.clone(),
                kind: match t.kind {
                    TokenKind::Word => WordKind::Word,
                    TokenKind::Number | TokenKind::Alnum => WordKind::Number,
                    TokenKind::Punct => WordKind::Punct,
                    TokenKind::Url => WordKind::Url,
                    TokenKind::Email => WordKind::Email,
                    _ => WordKind::Symbol,
                },
            })
            .collect()
    }
}

/// Segments `text` with the default [`Segmenter`].
pub fn segment(text: &str) -> Vec<Word<'_>> {
    Segmenter::new().segment(text)
}
