//! # vntext
//!
//! Vietnamese text processing for data pipelines: normalization (NFC, tone
//! placement, cleanup, folding), legacy 8-bit encodings, sentence and word
//! segmentation, and extraction of officials, titles, organizations, dates and
//! document references — every token, word and entity with its byte span in
//! the caller's original text.
//!
//! Data flows one way: bytes → text → tokens → words → entities.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod analyze;
pub mod chars;
mod error;
pub mod extract;
pub mod normalize;
pub mod segment;
pub mod sentence;
pub mod syllable;
pub mod token;

pub use analyze::{Analyzer, Document};
pub use error::{Error, ErrorKind, Result};
pub use extract::{Entity, EntityKind, Extraction, Extractor};
pub use normalize::{fold, fold_lower, legacy, normalize, Normalizer, ToneStyle};
pub use segment::{segment, Segmenter, Word, WordKind};
pub use syllable::{is_syllable, Syllable};
pub use token::{tokenize, Token, TokenKind};
