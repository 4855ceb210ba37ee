//! `segment`: words of each line, as text (`_` inside a word) or as JSON
//! with spans (`{"words":[]}` for an empty line).

use std::cell::RefCell;
use std::path::Path;

use vntext::{Convention, Segmenter, Word};

use super::super::args::{Common, Format, Offsets};
use super::super::input::{self, inputs, Fail, Input, Res};
use super::super::offsets::Converter;
use super::super::stream::{per_line, Options};
use super::json_into;

pub fn run(
    format: Format,
    dict: Option<&Path>,
    convention: Convention,
    offsets: Offsets,
    common: &Common,
) -> Res {
    let inputs = inputs(common)?;
    let mut builder = Segmenter::builder().convention(convention);
    let mut lines = Vec::new();
    if let Some(path) = dict {
        let words = read_dict(path)?;
        lines = words.iter().map(|&(n, _)| n).collect();
        builder = builder.user_words(words.into_iter().map(|(_, w)| w));
    }
    let seg = builder
        .build()
        .map_err(|e| Fail::Msg(dict_error(dict, &lines, &e)))?;
    per_line(
        &inputs,
        // Text output joins a word's syllables with `_` and separates words
        // with a space, whatever whitespace the line had; JSON escapes
        // line breaks: no line of output holds one.
        &Options {
            no_line_breaks: true,
            ..super::options(common, false)
        },
        move |line: &str, out: &mut String| {
            with_words(|words| {
                seg.segment_into(line, words);
                match format {
                    Format::Text => words_text(line, words, out),
                    Format::Jsonl => words_jsonl(line, words, offsets, out),
                }
            });
            Ok(())
        },
    )
}

thread_local! {
    /// The word vector of this thread's lines, empty between lines.
    static WORDS: RefCell<Vec<Word<'static>>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with an empty word vector that keeps its allocation from one
/// line to the next (one per thread), instead of a new vector per line.
fn with_words<'a, R>(f: impl FnOnce(&mut Vec<Word<'a>>) -> R) -> R {
    let mut words: Vec<Word<'a>> = WORDS.with(|w| w.take());
    let r = f(&mut words);
    words.clear();
    // Back to the `'static` vector: an empty vector, collected in place
    // (same layout), so the allocation is kept.
    let spare: Vec<Word<'static>> = words
        .into_iter()
        .map(|w| Word {
            text: "",
            span: w.span,
            kind: w.kind,
        })
        .collect();
    WORDS.with(|w| w.replace(spare));
    r
}

/// The words of a `--dict` file with their line numbers: one word a line,
/// `_` read as a space, blank lines and lines starting with `#` skipped.
fn read_dict(path: &Path) -> Res<Vec<(usize, String)>> {
    let file = Input::file(path.to_path_buf());
    let bytes = file.read_all()?;
    let text = input::doc_text(&file, &bytes, false)?;
    Ok(text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .map(|(n, l)| (n, l.replace('_', " ")))
        .collect())
}

/// A user-dictionary error with the file and line (`lines[i]` is the line
/// of the word the builder numbers `i + 1`).
fn dict_error(dict: Option<&Path>, lines: &[usize], e: &vntext::Error) -> String {
    match (dict, e.kind()) {
        (Some(p), vntext::ErrorKind::BadData { line }) => {
            let at = line
                .checked_sub(1)
                .and_then(|i| lines.get(i))
                .map_or(String::new(), |n| format!(":{n}"));
            let why = e.to_string();
            let why = why.split_once(": ").map_or(why.as_str(), |(_, w)| w);
            format!("{}{at}: {why}", p.display())
        }
        (Some(p), _) => format!("{}: {e}", p.display()),
        (None, _) => e.to_string(),
    }
}

/// Whether `s` may contain a whitespace character: an ASCII space or
/// control byte, or the first bytes of U+0085, U+00A0 (`C2`), U+1680
/// (`E1 9A`), U+2000–U+205F (`E2`) or U+3000 (`E3`). The letters of
/// Vietnamese never start that way, so most words are copied whole.
fn may_hold_whitespace(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| {
        x <= b' ' || matches!(x, 0xC2 | 0xE2 | 0xE3) || (x == 0xE1 && b.get(i + 1) == Some(&0x9A))
    })
}

/// Whether the only whitespace character `line` may hold is the ASCII
/// space: none of `\t \n \x0B \x0C \r`, no `C2`, `E2` or `E3` byte (the
/// start of every other whitespace character but U+1680) and no `E1 9A`
/// (U+1680). Two branch-free passes the compiler vectorizes.
fn spaces_only(line: &str) -> bool {
    let b = line.as_bytes();
    let other = b.iter().fold(false, |acc, &x| {
        acc | (0x09..=0x0D).contains(&x) | (x == 0xC2) | (x & 0xFE == 0xE2)
    });
    let ogham = b
        .iter()
        .zip(b.iter().skip(1))
        .fold(false, |acc, (&x, &y)| acc | (x == 0xE1) & (y == 0x9A));
    !(other || ogham)
}

/// Text format: words separated by one space, the whitespace inside a word
/// replaced by `_`; two words written without a space between them stay
/// glued, so the input's space-separated chunks come out unchanged.
pub fn words_text(line: &str, words: &[Word<'_>], out: &mut String) {
    if spaces_only(line) {
        return words_text_spaces(line, words, out);
    }
    let mut prev_end = None;
    for w in words {
        if let Some(pe) = prev_end {
            if pe < w.span.start && line[pe..w.span.start].chars().any(char::is_whitespace) {
                out.push(' ');
            }
        }
        if may_hold_whitespace(w.text) {
            push_syllables(w.text.split(char::is_whitespace), out);
        } else {
            out.push_str(w.text);
        }
        prev_end = Some(w.span.end);
    }
}

/// [`words_text`] for a line whose only whitespace is the ASCII space
/// ([`spaces_only`]): the same output, written as slices of the line. The
/// output is the line from its first word to its last, except that a run
/// of spaces inside a word becomes one `_`, and a gap between two words
/// that is not a single space (nothing, or one space) becomes one space
/// when it holds one, nothing otherwise; so most of a line is copied in a
/// few long slices. The spaces are found 8 bytes at a time ([`Spaces`]).
fn words_text_spaces(line: &str, words: &[Word<'_>], out: &mut String) {
    let b = line.as_bytes();
    let Some(first) = words.first() else {
        return;
    };
    // `line[from..]` is not written yet.
    let mut from = first.span.start;
    let mut prev_end = first.span.start;
    let mut spaces = Spaces::new(b);
    let mut next = spaces.next();
    for w in words {
        let (start, end) = (w.span.start, w.span.end);
        // Nothing or one space between the words: copied as it is.
        if start != prev_end && !(start == prev_end + 1 && b.get(prev_end) == Some(&b' ')) {
            let gap = b.get(prev_end..start).unwrap_or_default();
            out.push_str(line.get(from..prev_end).unwrap_or_default());
            if gap.contains(&b' ') {
                out.push(' ');
            }
            from = start;
        }
        prev_end = end;
        // The spaces before the word (in gaps) are passed over; a run of
        // spaces inside it becomes one `_`.
        while let Some(p) = next.filter(|&p| p < end) {
            if p >= start {
                if p > from {
                    out.push_str(line.get(from..p).unwrap_or_default());
                    out.push('_');
                }
                from = p + 1;
            }
            next = spaces.next();
        }
    }
    out.push_str(line.get(from..prev_end).unwrap_or_default());
}

/// The positions of the spaces of a line, in order, from its bytes read 8
/// at a time as integers.
struct Spaces<'a> {
    b: &'a [u8],
    /// Where the current 8 bytes start.
    base: usize,
    /// Bit 7 of byte `i` is set when `b[base + i]` is a space not yet
    /// returned.
    mask: u64,
}

impl<'a> Spaces<'a> {
    fn new(b: &'a [u8]) -> Spaces<'a> {
        Spaces {
            b,
            base: 0,
            mask: Self::spaces_at(b, 0),
        }
    }

    /// The space bits of the 8 bytes at `at` (bytes past the end count as
    /// no space): a byte is a space when it equals 0x20, exactly (no
    /// carries between bytes).
    #[inline(always)]
    fn spaces_at(b: &[u8], at: usize) -> u64 {
        const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
        let mut w = [0u8; 8];
        match b.get(at..at + 8) {
            Some(s) => w.copy_from_slice(s),
            None => {
                let tail = b.get(at..).unwrap_or_default();
                w[..tail.len()].copy_from_slice(tail);
            }
        }
        let m = u64::from_le_bytes(w) ^ 0x2020_2020_2020_2020;
        // Bit 7 set in each byte of `m` that is zero.
        !(((m & LOW7) + LOW7) | m | LOW7)
    }

    #[inline(always)]
    fn next(&mut self) -> Option<usize> {
        while self.mask == 0 {
            self.base += 8;
            if self.base >= self.b.len() {
                return None;
            }
            self.mask = Self::spaces_at(self.b, self.base);
        }
        let i = self.mask.trailing_zeros() as usize / 8;
        self.mask &= self.mask - 1;
        Some(self.base + i)
    }
}

/// Writes the syllables of a word (the pieces of its text between
/// whitespace) joined by `_`; a run of spaces gives one `_`.
fn push_syllables<'a>(pieces: impl Iterator<Item = &'a str>, out: &mut String) {
    for (i, piece) in pieces.filter(|p| !p.is_empty()).enumerate() {
        if i > 0 {
            out.push('_');
        }
        out.push_str(piece);
    }
}

#[derive(serde::Serialize)]
struct WordOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: vntext::WordKind,
}

fn words_jsonl(line: &str, words: &[Word<'_>], unit: Offsets, out: &mut String) {
    #[derive(serde::Serialize)]
    struct Line<'a> {
        words: Vec<WordOut<'a>>,
    }
    let at = Converter::new(
        line,
        unit,
        words.iter().flat_map(|w| [w.span.start, w.span.end]),
    );
    let line = Line {
        words: words
            .iter()
            .map(|w| WordOut {
                text: w.text,
                start: at.get(w.span.start),
                end: at.get(w.span.end),
                kind: w.kind,
            })
            .collect(),
    };
    json_into(out, &line);
}
