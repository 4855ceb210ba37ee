//! Sentence splitting. PLACEHOLDER: splits after `.`, `!`, `?` followed by space.

use std::ops::Range;

/// One sentence: a slice of the input with its byte span (no surrounding
/// whitespace).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence<'a> {
    /// `&input[span]`.
    pub text: &'a str,
    /// Byte range in the input.
    pub span: Range<usize>,
}

/// Splits `text` into sentences.
pub fn sentences(text: &str) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for i in 0..b.len() {
        if matches!(b[i], b'.' | b'!' | b'?' | b'\n')
            && b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace())
        {
            push(text, start..i + 1, &mut out);
            start = i + 1;
        }
    }
    push(text, start..text.len(), &mut out);
    out
}

fn push<'a>(text: &'a str, r: Range<usize>, out: &mut Vec<Sentence<'a>>) {
    let s = &text[r.clone()];
    let t = s.trim();
    if !t.is_empty() {
        let start = r.start + (s.len() - s.trim_start().len());
        out.push(Sentence {
            text: t,
            span: start..start + t.len(),
        });
    }
}
