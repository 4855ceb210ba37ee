//! `segment`: words of each line, as text (`_` inside a word) or as JSON
//! with spans (`{"words":[]}` for an empty line).

use std::path::Path;

use vntext::{Convention, Segmenter, Word};

use super::super::args::{Common, Format, Offsets};
use super::super::input::{self, inputs, Fail, Input, Res};
use super::super::offsets::Converter;
use super::super::stream::per_line;
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
        &super::options(common, false),
        move |line: &str, out: &mut String| {
            let words = seg.segment(line);
            match format {
                Format::Text => words_text(line, &words, out),
                Format::Jsonl => words_jsonl(line, &words, offsets, out),
            }
            Ok(())
        },
    )
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
/// ([`spaces_only`]): the same output, with a byte test for each gap and
/// each word.
fn words_text_spaces(line: &str, words: &[Word<'_>], out: &mut String) {
    let b = line.as_bytes();
    let mut prev_end = None;
    for w in words {
        if let Some(pe) = prev_end {
            let gap = b.get(pe..w.span.start).unwrap_or_default();
            if gap.contains(&b' ') {
                out.push(' ');
            }
        }
        if w.text.as_bytes().contains(&b' ') {
            push_syllables(w.text.split(' '), out);
        } else {
            out.push_str(w.text);
        }
        prev_end = Some(w.span.end);
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
