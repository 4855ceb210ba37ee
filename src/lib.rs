//! # vntext
//!
//! Vietnamese text processing for data pipelines: normalization (NFC, tone
//! placement, cleanup, folding), legacy 8-bit encodings, sentence and word
//! segmentation, and extraction of officials, titles, organizations, dates and
//! document references — every token, word and entity with its byte span in
//! the caller's original text.
//!
//! Data flows one way. Bytes become text ([`legacy::decode`]); the text is
//! tokenized once ([`tokenize`]), and the tokens feed three stages side by
//! side: [`sentence`] splitting, word [`segment`](mod@segment)ation and entity
//! [`extract`]ion, which never import each other ([`Analyzer`] runs all
//! three over one tokenization). [`normalize`](mod@normalize) is a branch for callers who
//! want clean text; the pipeline itself never rewrites the input, and every
//! token, word and entity keeps its byte span in it. Below them all lie the
//! alphabet ([`chars`]: letters, tones, character classes), the syllable
//! grammar ([`syllable`]) and the lookup key words are compared by. A test
//! (`tests/layers.rs`) reads the source and fails on a module cycle or on a
//! stage that imports one above it.
//!
//! # Quick start
//!
//! ```
//! use vntext::{Analyzer, EntityKind, Normalizer, ToneStyle};
//!
//! // Clean text: borrowed, with no allocation, when it is already clean.
//! let clean = vntext::normalize("Ban Tuyên giáo tổ chức hội nghị");
//! assert!(matches!(clean, std::borrow::Cow::Borrowed(_)));
//! // The default (modern) style puts the mark of open "uy" on the "y".
//! assert_eq!(vntext::normalize("Tỉnh ủy"), "Tỉnh uỷ");
//! let old_style = Normalizer::builder().tone(ToneStyle::Traditional).build();
//! assert_eq!(old_style.normalize("hoà"), "hòa");
//! assert_eq!(vntext::fold_lower("Đặng Thị Hoà"), "dang thi hoa");
//!
//! // Words: syllables of one word keep their original spacing.
//! let words = vntext::segment("Công tác tuyên giáo");
//! assert_eq!(words[0].text, "Công tác");
//!
//! // One pass: sentences, words and entities, each with its byte span.
//! let text = "Sáng 26/12, đồng chí Hà Thị Mai Lan, Trưởng Ban Dân vận Tỉnh ủy, chủ trì hội nghị.";
//! let doc = Analyzer::new().analyze(text);
//! let date = doc.entities.iter().find(|e| e.kind == EntityKind::Date).unwrap();
//! assert_eq!(&text[date.span.clone()], "Sáng 26/12");
//! let (official, title) = doc.links[0];
//! assert_eq!(doc.entities[official].text, "Hà Thị Mai Lan");
//! assert_eq!(doc.entities[title].text, "Trưởng Ban Dân vận Tỉnh ủy");
//! ```

#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod analyze;
pub mod chars;
mod error;
pub mod extract;
mod key;
mod lex;
pub mod normalize;
pub mod segment;
pub mod sentence;
pub mod syllable;
pub mod token;

/// Where the unit tests find the shared corpora (the same helper as the
/// integration tests'); tests that read them are `#[ignore]`d.
#[cfg(test)]
#[path = "../tests/common/data.rs"]
mod test_data;

pub use analyze::{Analyzer, Document};
pub use chars::Tone;
pub use error::{Error, ErrorKind, Result};
pub use extract::{Entity, EntityKind, Extraction, Extractor, Ymd};
pub use normalize::legacy::{Detection, Encoding};
pub use normalize::{
    fold, fold_lower, legacy, normalize, Normalizer, NormalizerBuilder, ToneStyle,
};
pub use segment::{segment, Convention, Segmenter, Word, WordKind};
pub use sentence::{sentences, Sentence};
pub use syllable::{is_syllable, is_valid, Syllable};
pub use token::{tokenize, Token, TokenKind};
