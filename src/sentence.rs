//! Sentence splitting for Vietnamese news and administrative text.
//!
//! Sentences are found over the tokens of [`crate::token::tokenize`], so a
//! decimal such as `1.234,5`, a date `26/12/2022`, a URL or an e-mail never
//! contains a candidate boundary. Between two tokens, a sentence ends when:
//!
//! * a line break separates them (line breaks are hard boundaries), or
//! * the first closes a run of terminators — `.`, `!`, `?`, `…`, `...` or the
//!   official-document ending `./.` — followed by any closing quotes or
//!   brackets written right after it (`rồi.”`, `."`, `?)`), and the next
//!   token does not continue the sentence.
//!
//! A terminator is **not** a boundary when
//!
//! * the next token starts with a lowercase letter, or is `,` `;` `:` or a
//!   closing bracket (`TP. ,`, `“Sao vậy?” ông hỏi`);
//! * a period follows a known abbreviation (`TP.`, `Tp.`, `PGS.TS.`, `GS.`,
//!   `ThS.`, `BS.`, `St.` …), a chain of initials (`N.V.A.`), or a single
//!   capital letter that is not the last part of a name (`Q. 1`, `P. Bến
//!   Nghé`, but `Nguyễn Văn A. Sau đó` ends a sentence);
//! * a period is glued to the next token (`Tp.HCM`, `1.a`), unless that
//!   token is a capitalised word after an ordinary word (`xong.Sáng nay`);
//! * a period closes a list marker at the start of a sentence (`1.`, `2.3.`,
//!   `a.`, `IV.`, `Điều 5.`, `Chương II.`).
//!
//! Everything is decided with a fixed lookahead of a few tokens, so the
//! splitter runs in linear time.
//!
//! ```
//! use vntext::sentence::sentences;
//! let text = "Sáng 26/12, PGS.TS. Lê Minh Khoa đến TP. Hải Phòng. Đoàn làm việc tại Q. 1…\nKết thúc./.";
//! let s: Vec<&str> = sentences(text).iter().map(|s| s.text).collect();
//! assert_eq!(
//!     s,
//!     [
//!         "Sáng 26/12, PGS.TS. Lê Minh Khoa đến TP. Hải Phòng.",
//!         "Đoàn làm việc tại Q. 1…",
//!         "Kết thúc./.",
//!     ]
//! );
//! ```

use std::ops::Range;

use crate::token::{tokenize, Token, TokenKind};

/// One sentence: a slice of the input with its byte span (no surrounding
/// whitespace).
///
/// ```
/// let text = "  TP.HCM mưa lớn. Giao thông ùn tắc.";
/// let s = vntext::sentences(text);
/// assert_eq!((s[0].text, s[0].span.clone()), ("TP.HCM mưa lớn.", 2..20));
/// assert_eq!(&text[s[1].span.clone()], "Giao thông ùn tắc.");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Sentence<'a> {
    /// `&input[span]`.
    pub text: &'a str,
    /// Byte range in the input.
    pub span: Range<usize>,
}

/// Splits `text` into sentences, in order, each trimmed of surrounding
/// whitespace. Text without any token (empty or only spaces) has no
/// sentence.
///
/// ```
/// let s = vntext::sentence::sentences("Giá tăng 1.234,5 đồng... Ông nói: “Xong rồi.” Hết!");
/// let texts: Vec<&str> = s.iter().map(|s| s.text).collect();
/// assert_eq!(texts, ["Giá tăng 1.234,5 đồng...", "Ông nói: “Xong rồi.”", "Hết!"]);
/// ```
pub fn sentences(text: &str) -> Vec<Sentence<'_>> {
    let tokens: Vec<Token<'_>> = tokenize(text).collect();
    to_sentences(text, &tokens, &split_tokens(&tokens))
}

/// The [`Sentence`]s of the token ranges returned by [`split_tokens`].
pub(crate) fn to_sentences<'a>(
    text: &'a str,
    tokens: &[Token<'a>],
    ranges: &[Range<usize>],
) -> Vec<Sentence<'a>> {
    ranges
        .iter()
        .map(|r| {
            let span = tokens[r.start].span.start..tokens[r.end - 1].span.end;
            Sentence {
                text: &text[span.clone()],
                span,
            }
        })
        .collect()
}

/// Splits tokens already produced by [`crate::token::tokenize`] into
/// sentences; returns, for each sentence, the range of its token indices.
/// Ranges are non-empty, in order, and cover every token.
///
/// ```
/// use vntext::{sentence::split_tokens, tokenize};
/// let text = "Điều 5. Phạm vi áp dụng. Tp.HCM tham gia.";
/// let toks: Vec<_> = tokenize(text).collect();
/// let ranges = split_tokens(&toks);
/// assert_eq!(ranges, [0..8, 8..14]);
/// ```
pub fn split_tokens(tokens: &[Token<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        // Hard boundary: a line break before token i.
        if i > start && tokens[i].newline_before {
            out.push(start..i);
            start = i;
        }
        let Some(end) = terminator_end(tokens, i) else {
            i += 1;
            continue;
        };
        // `end` is one past the terminator run plus closing quotes.
        if end >= tokens.len() {
            break;
        }
        if tokens[end].newline_before || is_boundary(tokens, start, i, end) {
            out.push(start..end);
            start = end;
        }
        i = end;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// If a terminator run starts at token `i`, returns one past its end,
/// including the closing quotes and brackets glued to it.
fn terminator_end(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    if !is_terminator(&tokens[i]) {
        return None;
    }
    let mut j = i + 1;
    // Glued runs: `?!`, `!!!` (already one token), `./.`, and closing
    // quotes or brackets before or after more terminators (`?".`, `.)`).
    while j < tokens.len() && !tokens[j].space_before {
        let t = &tokens[j];
        if is_terminator(t) || is_closing(t.text) {
            j += 1;
        } else if t.text == "/" && tokens[j - 1].text == "." {
            match tokens.get(j + 1) {
                Some(n) if n.text == "." && !n.space_before => j += 2,
                _ => break,
            }
        } else {
            break;
        }
    }
    Some(j)
}

fn is_terminator(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Punct && matches!(t.text.as_bytes()[0], b'.' | b'!' | b'?')
        || t.text.starts_with('…')
}

fn is_closing(s: &str) -> bool {
    s.chars()
        .all(|c| matches!(c, '"' | '\'' | ')' | ']' | '}' | '”' | '’' | '»' | '›'))
}

/// Decides whether the terminator run `tokens[term..end]` ends the sentence
/// that started at `start`; `tokens[end]` exists.
fn is_boundary(tokens: &[Token<'_>], start: usize, term: usize, end: usize) -> bool {
    let next = &tokens[end];
    let t = &tokens[term];
    // `./.` ends an official document: always a boundary.
    if end - term >= 3 && tokens[term + 1].text == "/" {
        return true;
    }
    if continues(next) && !starts_list_item(tokens, end) {
        return false;
    }
    if is_dangling(tokens, end) {
        return false;
    }
    // `suốt... 15 năm`: a number after an ellipsis continues the sentence.
    if next.kind == TokenKind::Number && (t.text.starts_with('…') || t.text.starts_with("..")) {
        return false;
    }
    let single_period = t.text == "." && end == term + 1;
    if !single_period {
        // `!`, `?`, `…`, `...`, or a period with closing quotes.
        return true;
    }
    let prev = term.checked_sub(1).map(|p| &tokens[p]);
    let glued_prev = prev.is_some() && !t.space_before;
    if glued_prev {
        let p = term - 1;
        if is_abbreviation(tokens, p) {
            return false;
        }
        if is_list_marker(tokens, start, p) {
            return false;
        }
    }
    if !next.space_before {
        // `Tp.HCM`, `1.a`, `v.v`: glued to the next token. Split only for an
        // ordinary word followed by a capitalised word (`xong.Sáng`).
        return glued_prev
            && prev.is_some_and(|p| p.kind == TokenKind::Word && p.text.chars().count() > 1)
            && is_titlecase(next);
    }
    true
}

/// Whether `next` continues the sentence after a terminator.
fn continues(next: &Token<'_>) -> bool {
    let Some(c) = next.text.chars().next() else {
        return false;
    };
    c.is_lowercase() || matches!(c, ',' | ';' | ':' | ')' | ']' | '}' | '”' | '»')
}

/// Whether the tokens from `i` on belong to the sentence before: at most
/// four punctuation marks up to the end of the line or up to another
/// terminator (`? " .`, a spaced closing quote then a period), or a dash
/// followed by a lowercase word (`... - những địa danh`). Looks at most 4
/// tokens ahead.
fn is_dangling(tokens: &[Token<'_>], i: usize) -> bool {
    let opener = |t: &Token<'_>| t.kind == TokenKind::Punct && matches!(t.text, "-" | "–" | "—");
    if opener(&tokens[i]) {
        if let Some(n) = tokens.get(i + 1) {
            if !n.newline_before && n.text.starts_with(char::is_lowercase) {
                return true;
            }
        }
    }
    for (k, t) in tokens[i..].iter().enumerate().take(5) {
        if k > 0 && t.newline_before {
            return true;
        }
        if k == 4 || t.kind != TokenKind::Punct || t.text.starts_with(['(', '[', '“', '«']) {
            return false;
        }
        if k > 0 && is_terminator(t) {
            return true;
        }
    }
    true
}

/// `a)`, `b)`: a lowercase letter with a glued closing parenthesis starts a
/// list item.
fn starts_list_item(tokens: &[Token<'_>], i: usize) -> bool {
    tokens[i].kind == TokenKind::Word
        && tokens[i].text.chars().count() == 1
        && tokens
            .get(i + 1)
            .is_some_and(|t| t.text == ")" && !t.space_before)
}

fn is_titlecase(t: &Token<'_>) -> bool {
    let mut cs = t.text.chars();
    t.kind == TokenKind::Word
        && cs.next().is_some_and(char::is_uppercase)
        && cs.next().is_some_and(char::is_lowercase)
}

/// Abbreviations written with a period. Case-sensitive.
const ABBREVIATIONS: &[&str] = &[
    "TP", "Tp", "tp", "TX", "TT", "PGS", "GS", "TS", "ThS", "Ths", "BS", "BSCKI", "BSCKII", "KS",
    "CN", "NXB", "NSƯT", "NSND", "St", "Mr", "Mrs", "Ms", "Dr", "Prof", "Jr", "Sr", "tr", "Tr",
    "Th", "ĐT",
];

/// Whether the word at `p` (glued to the period after it) is an
/// abbreviation, an initial in a chain, or a single capital that is not the
/// last part of a name.
fn is_abbreviation(tokens: &[Token<'_>], p: usize) -> bool {
    let w = &tokens[p];
    if w.kind != TokenKind::Word {
        return false;
    }
    if ABBREVIATIONS.contains(&w.text) {
        return true;
    }
    let mut cs = w.text.chars();
    let single_cap = cs.next().is_some_and(char::is_uppercase) && cs.next().is_none();
    if !single_cap {
        return false;
    }
    // `N.V.A.`: the letter is glued to a period before it.
    if p > 0 && !w.space_before && tokens[p - 1].text == "." {
        return true;
    }
    // `Nguyễn Văn A.`: a capital after a capitalised word is a name's end.
    let after_name = p > 0
        && w.space_before
        && tokens[p - 1].kind == TokenKind::Word
        && tokens[p - 1]
            .text
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
    !after_name
}

/// Words that introduce a numbered part of a legal text.
const PART_WORDS: &[&str] = &[
    "Điều", "Chương", "Mục", "Phần", "Khoản", "Bước", "Câu", "Bài", "Phụ",
];

/// Whether tokens `start..=p` form a list marker (`1`, `2.3`, `a`, `IV`,
/// `Điều 5`, `Chương II`) at the start of a sentence.
fn is_list_marker(tokens: &[Token<'_>], start: usize, p: usize) -> bool {
    let numeral = |t: &Token<'_>| match t.kind {
        TokenKind::Number => t.text.bytes().all(|b| b.is_ascii_digit() || b == b'.'),
        TokenKind::Word => is_roman(t.text),
        TokenKind::Alnum => t.text.len() <= 4, // "5a", "12b"
        _ => false,
    };
    if p == start {
        let t = &tokens[p];
        // A number, a roman numeral or a single letter (`a.`, `B.`).
        return numeral(t) || (t.kind == TokenKind::Word && t.text.chars().count() == 1);
    }
    p == start + 1 && PART_WORDS.contains(&tokens[start].text) && numeral(&tokens[p])
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 6 && s.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
}
