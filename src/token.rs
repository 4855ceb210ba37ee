//! Pre-tokenizer: splits text into syllables, numbers, punctuation, symbols,
//! URLs and e-mail addresses, each with its byte span in the input.
//!
//! This is the first stage after decoding. It never allocates per token: a
//! [`Tokens`] iterator walks the input once and yields borrowed [`Token`]s.
//! Whitespace is not a token; each token records whether whitespace (or a
//! line break) came before it, which later stages use to rejoin pieces such
//! as `01-KL/TW` or `26 / 12`.
//!
//! Rules, in the order they are tried at each position:
//! * `http://`, `https://`, `www.` start a [`TokenKind::Url`] that runs to the
//!   next whitespace, minus trailing punctuation;
//! * an ASCII local part (at most 64 bytes) followed by `@` and a dotted domain
//!   is a [`TokenKind::Email`];
//! * a run of letters and combining marks is a [`TokenKind::Word`] (one
//!   Vietnamese syllable or one foreign word); zero-width characters and soft
//!   hyphens between letters stay inside it; a letter run that continues with
//!   digits (`H5N1`, `COVID19`) is [`TokenKind::Alnum`];
//! * ASCII digits with inner separators `.` `,` `/` `:` `-` between digits are
//!   one [`TokenKind::Number`] (`1.234,5`, `26/12/2022`, `2020-2025`); digits
//!   followed directly by letters form an [`TokenKind::Alnum`] (`10h30`, `5G`);
//! * a run of the same punctuation character (`...`, `!!`) is one
//!   [`TokenKind::Punct`]; any other character is a [`TokenKind::Symbol`];
//!   either takes in what Unicode joins to it in one grapheme cluster, so
//!   an emoji with its joiners and modifiers (👨‍👩‍👧, 👍🏽), a flag (🇻🇳) or
//!   a keycap (1️⃣, #️⃣) is one token.
//!
//! ```
//! use vntext::token::{tokenize, TokenKind};
//! let text = "Sáng 26/12, Ban Tuyên giáo họp.";
//! let toks: Vec<_> = tokenize(text).collect();
//! assert_eq!(toks[0].text, "Sáng");
//! assert_eq!(toks[1].kind, TokenKind::Number);
//! assert_eq!(&text[toks[1].span.clone()], "26/12");
//! assert_eq!(toks[2].text, ",");
//! assert!(!toks[2].space_before);
//! ```

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// What a [`Token`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum TokenKind {
    /// A run of letters and combining marks: a syllable or a foreign word.
    Word,
    /// Digits, with inner `.` `,` `/` `:` `-` separators between digits.
    Number,
    /// Letters and digits mixed without a space (`H5N1`, `10h30`).
    Alnum,
    /// Punctuation; a run of one repeated character (`...`) is one token.
    Punct,
    /// Any other character (`%`, `₫`, `+`), with what Unicode joins to it
    /// in one grapheme cluster: an emoji with its joiners and modifiers, a
    /// flag, a keycap.
    Symbol,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
}

/// One token: a slice of the input with its byte span. Serialized (feature
/// `serde`) like a [`crate::Word`]: `{"text", "span": {"start", "end"},
/// "kind", "space_before", "newline_before"}`.
///
/// ```
/// use vntext::{tokenize, TokenKind};
/// let t: Vec<_> = tokenize("Ngày 26/12").collect();
/// assert_eq!((t[1].text, t[1].span.clone(), t[1].kind), ("26/12", 6..11, TokenKind::Number));
/// assert!(t[1].space_before);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Token<'a> {
    /// The token's text, `&input[span]`.
    pub text: &'a str,
    /// Byte range in the input.
    pub span: Range<usize>,
    /// What the token is.
    pub kind: TokenKind,
    /// Whether whitespace (or an invisible character) separates this token
    /// from the previous one. `false` for the first token unless the input
    /// starts with whitespace.
    pub space_before: bool,
    /// Whether a line break (`\n`) lies between this token and the previous.
    pub newline_before: bool,
}

/// Returns an iterator over the tokens of `text`.
///
/// ```
/// use vntext::{tokenize, TokenKind};
/// let kinds: Vec<(&str, TokenKind)> = tokenize("Giá tăng 5,2%!").map(|t| (t.text, t.kind)).collect();
/// assert_eq!(
///     kinds,
///     [("Giá", TokenKind::Word), ("tăng", TokenKind::Word), ("5,2", TokenKind::Number),
///      ("%", TokenKind::Symbol), ("!", TokenKind::Punct)]
/// );
/// ```
pub fn tokenize(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

/// Iterator over the [`Token`]s of a text; see [`tokenize`].
#[derive(Clone, Debug)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

// The character classes are the alphabet's ([`crate::chars`]), shared with
// the cleanup and the key; re-exported for the stages that still name them
// here.
pub(crate) use crate::chars::{is_combining_mark, is_invisible};

/// Whether `c` continues a word: a letter or a combining mark.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    // Fast paths for the blocks Vietnamese uses (every code point in
    // U+00C0..U+024F except × and ÷, and all of U+1E00..U+1EFF, are letters).
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xC0..=0x24F => c != '\u{D7}' && c != '\u{F7}',
        0x1E00..=0x1EFF => true,
        _ => c.is_alphabetic() || is_combining_mark(c),
    }
}

/// Whether `c` is punctuation (as opposed to a symbol).
pub(crate) fn is_punct(c: char) -> bool {
    match c {
        '!'..='/' | ':'..='@' | '['..='`' | '{'..='~' => {
            // ASCII punctuation except the symbols among it.
            !matches!(
                c,
                '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~' | '%' | '#' | '&' | '*' | '@'
            )
        }
        '\u{00A1}' | '\u{00A7}' | '\u{00AB}' | '\u{00B6}' | '\u{00B7}' | '\u{00BB}'
        | '\u{00BF}' => true,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' => true,
        '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{FF01}'..='\u{FF0F}' => true,
        _ => false,
    }
}

/// Bytes allowed in the local part of an e-mail address.
const EMAIL_LOCAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
        c += 1;
    }
    t
};

const URL_TRAILING: &[char] = &[
    '.', ',', ';', ':', '!', '?', ')', ']', '}', '"', '\'', '\u{201D}', '\u{2019}', '\u{00BB}',
];

impl<'a> Tokens<'a> {
    fn url_len(rest: &str) -> Option<usize> {
        let b = rest.as_bytes();
        if !matches!(b.first(), Some(b'h' | b'H' | b'w' | b'W')) {
            return None;
        }
        let starts = |p: &[u8]| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p);
        let prefix = if starts(b"https://") {
            8
        } else if starts(b"http://") {
            7
        } else if starts(b"www.") {
            4
        } else {
            return None;
        };
        let mut end = rest
            .char_indices()
            .find(|&(_, c)| c.is_whitespace() || is_invisible(c))
            .map_or(rest.len(), |(i, _)| i);
        while end > prefix {
            let c = rest[..end].chars().next_back().unwrap_or(' ');
            if URL_TRAILING.contains(&c) {
                end -= c.len_utf8();
            } else {
                break;
            }
        }
        (end > prefix).then_some(end)
    }

    /// Whether [`Tokens::email_len`] can match: its local part ends at the
    /// first byte outside [`EMAIL_LOCAL`] (within 65 bytes), which must be
    /// `@`, so the run of ASCII letters and digits must end (within 65
    /// bytes) on `@` or another local-part byte. Cheaper than trying.
    #[inline]
    fn may_be_email(b: &[u8]) -> bool {
        let a = b.iter().take(65).position(|c| !c.is_ascii_alphanumeric());
        matches!(
            a.and_then(|a| b.get(a)),
            Some(b'@' | b'.' | b'_' | b'%' | b'+' | b'-')
        )
    }

    fn email_len(rest: &str) -> Option<usize> {
        let b = rest.as_bytes();
        let mut i = 0;
        // Tried before every ASCII word: one table load per byte.
        for &c in b.iter().take(65) {
            if !EMAIL_LOCAL[c as usize] {
                break;
            }
            i += 1;
        }
        if i == 0 || i > 64 || i >= b.len() || b[i] != b'@' {
            return None;
        }
        let dom_start = i + 1;
        let mut j = dom_start;
        while j < b.len()
            && j - dom_start <= 255
            && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b'.')
        {
            j += 1;
        }
        // Trailing dots belong to the sentence.
        while j > dom_start && b[j - 1] == b'.' {
            j -= 1;
        }
        let domain = &rest[dom_start..j];
        let dot = domain.rfind('.')?;
        (dot > 0 && dot + 1 < domain.len()).then_some(j)
    }

    /// Length of a run of letters/marks (with invisible characters between
    /// letters); returns the end offset relative to `rest`.
    fn word_len(rest: &str) -> usize {
        let mut end = 0;
        let mut i = 0;
        let bytes = rest.as_bytes();
        loop {
            match bytes.get(i) {
                Some(b) if b.is_ascii_alphabetic() => {
                    i += 1;
                    end = i;
                    continue;
                }
                Some(b) if b.is_ascii() => break,
                None => break,
                // Two-byte letters of U+00C0..U+024F and three-byte letters
                // of U+1E00..U+1EFF (the input is valid UTF-8), decoded from
                // the bytes.
                Some(&b @ 0xC3..=0xC9) => {
                    let b1 = bytes.get(i + 1).copied().unwrap_or(0);
                    let cp = ((b & 0x1F) as u32) << 6 | (b1 & 0x3F) as u32;
                    if cp <= 0x24F {
                        if cp == 0xD7 || cp == 0xF7 {
                            break;
                        }
                        i += 2;
                        end = i;
                        continue;
                    }
                }
                Some(0xE1) if matches!(bytes.get(i + 1), Some(0xB8..=0xBB)) => {
                    i += 3;
                    end = i;
                    continue;
                }
                _ => {}
            }
            let Some(c) = rest[i..].chars().next() else {
                break;
            };
            if is_word_char(c) {
                i += c.len_utf8();
                end = i;
            } else if is_invisible(c) && end > 0 {
                // A run of invisible characters stays inside the word only
                // when a letter follows it; scan the run once.
                let run = rest[i..]
                    .char_indices()
                    .find(|&(_, d)| !is_invisible(d))
                    .map_or(rest.len() - i, |(k, _)| k);
                match rest[i + run..].chars().next() {
                    Some(d) if is_word_char(d) => i += run,
                    _ => break,
                }
            } else {
                break;
            }
        }
        end
    }

    fn alnum_tail(rest: &str, mut end: usize) -> usize {
        for (i, c) in rest[end..].char_indices() {
            if c.is_ascii_digit() || is_word_char(c) {
                continue;
            }
            return end + i;
        }
        end = rest.len();
        end
    }

    fn number_len(rest: &str) -> usize {
        let b = rest.as_bytes();
        let mut i = 0;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        while i + 1 < b.len()
            && matches!(b[i], b'.' | b',' | b'/' | b':' | b'-')
            && b[i + 1].is_ascii_digit()
        {
            i += 1;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
        i
    }
}

impl<'a> Tokens<'a> {
    /// Length and kind of the token at the start of `rest` (not whitespace).
    ///
    /// The common cases (a word that starts with a letter) are decided
    /// without trying the URL and e-mail patterns where they cannot match:
    /// a URL starts with `h` or `w`, and an e-mail's local part is the run
    /// of ASCII letters and digits up to `@` (or `. _ % + -`), so a word
    /// with a non-ASCII letter in its first 65 bytes, or one followed by
    /// any other byte, is not one.
    #[inline]
    fn token_at(rest: &str) -> (usize, TokenKind) {
        let b = rest.as_bytes();
        let Some(&b0) = b.first() else {
            return (0, TokenKind::Symbol);
        };
        if b0.is_ascii_alphabetic() {
            if matches!(b0, b'h' | b'H' | b'w' | b'W') {
                if let Some(n) = Self::url_len(rest) {
                    return (n, TokenKind::Url);
                }
            }
            let n = Self::word_len(rest);
            let head = &b[..n.min(65)];
            let email_possible = head.is_ascii()
                && (n >= 65
                    || matches!(
                        b.get(n),
                        Some(b'0'..=b'9' | b'@' | b'.' | b'_' | b'%' | b'+' | b'-')
                    ));
            if email_possible && rest.len() > 1 && Self::may_be_email(b) {
                if let Some(m) = Self::email_len(rest) {
                    return (m, TokenKind::Email);
                }
            }
            return Self::word_or_alnum(rest, n);
        }
        let first = if b0 < 0x80 {
            b0 as char
        } else {
            match rest.chars().next() {
                Some(c) => c,
                None => return (0, TokenKind::Symbol),
            }
        };
        if first.is_ascii_digit() {
            // A digit then U+FE0F or U+20E3: maybe a keycap, one symbol.
            if matches!(b.get(1..4), Some([0xEF, 0xB8, 0x8F] | [0xE2, 0x83, 0xA3])) {
                if let Some(n) = Self::keycap_len(rest) {
                    return (n, TokenKind::Symbol);
                }
            }
            if rest.len() > 1 && Self::may_be_email(b) {
                if let Some(m) = Self::email_len(rest) {
                    return (m, TokenKind::Email);
                }
            }
            let n = Self::number_len(rest);
            let seps = rest[..n].bytes().any(|c| !c.is_ascii_digit());
            if !seps && rest[n..].starts_with(is_word_char) {
                (Self::alnum_tail(rest, n), TokenKind::Alnum)
            } else {
                (n, TokenKind::Number)
            }
        } else if is_word_char(first) {
            Self::word_or_alnum(rest, Self::word_len(rest))
        } else if is_punct(first) {
            let n = rest
                .char_indices()
                .find(|&(_, c)| c != first)
                .map_or(rest.len(), |(i, _)| i);
            (Self::cluster_end(rest, n), TokenKind::Punct)
        } else {
            (Self::cluster_end(rest, first.len_utf8()), TokenKind::Symbol)
        }
    }

    /// The length of the keycap (a digit, U+FE0F, U+20E3) at the start of
    /// `rest`, if one is there.
    #[cold]
    #[inline(never)]
    fn keycap_len(rest: &str) -> Option<usize> {
        let n = Self::cluster_end(rest, 1);
        rest[..n].contains('\u{20E3}').then_some(n)
    }

    /// `n`, or further when the grapheme cluster of the character that ends
    /// at byte `n` goes on (joiners, emoji modifiers, variation selectors,
    /// combining marks, the second regional indicator of a flag): the end
    /// of that cluster, short of any whitespace or ASCII character (a
    /// cluster only goes on into ASCII after a rare "prepended" mark such as
    /// U+0600; an ASCII character is kept a token of its own), so ASCII
    /// after a token costs one comparison.
    ///
    /// The commonest case after punctuation, a Latin letter or a dash or
    /// quote (“Đây), is decided from the bytes: those never continue a
    /// cluster unless the character before is a "prepended" mark, and
    /// prepended marks all lie at U+0600 or above, outside U+2000–U+2FFF.
    #[inline(always)]
    fn cluster_end(rest: &str, n: usize) -> usize {
        match rest.as_bytes().get(n) {
            Some(&x) if x >= 0x80 => Self::cluster_end_non_ascii(rest, n, x),
            _ => n,
        }
    }

    /// [`Tokens::cluster_end`] when the byte at `n` (`x`) is not ASCII.
    #[inline(never)]
    fn cluster_end_non_ascii(rest: &str, n: usize, x: u8) -> usize {
        let b = rest.as_bytes();
        let mut last = n - 1;
        while last > 0 && b[last] & 0xC0 == 0x80 {
            last -= 1;
        }
        let lead = b[last];
        let after_starter = lead < 0xD8 || lead == 0xE2;
        // U+00C0–U+027F, U+1E00–U+1EFF, U+2010–U+2027.
        let letter_or_dash = matches!(x, 0xC3..=0xC9)
            || (x == 0xE1 && matches!(b.get(n + 1), Some(0xB8..=0xBB)))
            || (x == 0xE2
                && b.get(n + 1) == Some(&0x80)
                && matches!(b.get(n + 2), Some(0x90..=0xA7)));
        if after_starter && letter_or_dash {
            return n;
        }
        let end = last + rest[last..].graphemes(true).next().map_or(0, str::len);
        let end = rest[n..end]
            .find(|c: char| c.is_ascii() || c.is_whitespace())
            .map_or(end, |k| n + k);
        end.max(n)
    }

    /// A word of `n` bytes, or letters and digits mixed when a digit follows.
    #[inline]
    fn word_or_alnum(rest: &str, n: usize) -> (usize, TokenKind) {
        if rest.as_bytes().get(n).is_some_and(u8::is_ascii_digit) {
            (Self::alnum_tail(rest, n), TokenKind::Alnum)
        } else {
            (n, TokenKind::Word)
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    #[inline]
    fn next(&mut self) -> Option<Token<'a>> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Skip whitespace and stray invisible characters, noting line
        // breaks; ASCII takes a fast path.
        let mut p = self.pos;
        let mut newline = false;
        loop {
            match bytes.get(p) {
                Some(b' ' | b'\t' | b'\r' | 0x0B | 0x0C) => p += 1,
                Some(b'\n') => {
                    newline = true;
                    p += 1;
                }
                Some(&b) if b >= 0x80 => match text[p..].chars().next() {
                    Some(c) if c.is_whitespace() || is_invisible(c) => p += c.len_utf8(),
                    _ => break,
                },
                Some(_) => break,
                None => {
                    self.pos = text.len();
                    return None;
                }
            }
        }
        let start = p;
        let (len, kind) = Self::token_at(&text[start..]);
        // Every token is at least one character long.
        let min = match bytes[start] {
            x if x < 0x80 => 1,
            x if x < 0xE0 => 2,
            x if x < 0xF0 => 3,
            _ => 4,
        };
        let end = start + len.max(min);
        let space_before = start > self.pos;
        self.pos = end;
        Some(Token {
            text: &text[start..end],
            span: start..end,
            kind,
            space_before,
            newline_before: newline,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as first written, one check after another: the oracle
    /// for the fast paths of [`Tokens::next`].
    fn reference_tokens(text: &str) -> Vec<Token<'_>> {
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut pos = 0;
        loop {
            let mut p = pos;
            while bytes.get(p) == Some(&b' ') {
                p += 1;
            }
            let start = match bytes.get(p) {
                Some(&b) if b.is_ascii() && !b.is_ascii_whitespace() && b != 0x0B => p,
                _ => match text[p..]
                    .char_indices()
                    .find(|&(_, c)| !(c.is_whitespace() || is_invisible(c)))
                {
                    Some((i, _)) => p + i,
                    None => return out,
                },
            };
            let rest = &text[start..];
            let first = rest.chars().next().unwrap();
            let (len, kind) = if let Some(n) = Tokens::url_len(rest) {
                (n, TokenKind::Url)
            } else if first.is_ascii_alphanumeric()
                && rest.len() > 1
                && Tokens::may_be_email(rest.as_bytes())
                && Tokens::email_len(rest).is_some()
            {
                (Tokens::email_len(rest).unwrap(), TokenKind::Email)
            } else if is_word_char(first) {
                let n = Tokens::word_len(rest);
                if rest.as_bytes().get(n).is_some_and(u8::is_ascii_digit) {
                    (Tokens::alnum_tail(rest, n), TokenKind::Alnum)
                } else {
                    (n, TokenKind::Word)
                }
            } else if first.is_ascii_digit()
                && reference_cluster_end(rest, 1) > 1
                && rest[..reference_cluster_end(rest, 1)].contains('\u{20E3}')
            {
                (reference_cluster_end(rest, 1), TokenKind::Symbol)
            } else if first.is_ascii_digit() {
                let n = Tokens::number_len(rest);
                let seps = rest[..n].bytes().any(|c| !c.is_ascii_digit());
                if !seps && rest[n..].starts_with(is_word_char) {
                    (Tokens::alnum_tail(rest, n), TokenKind::Alnum)
                } else {
                    (n, TokenKind::Number)
                }
            } else if is_punct(first) {
                let n = rest
                    .char_indices()
                    .find(|&(_, c)| c != first)
                    .map_or(rest.len(), |(i, _)| i);
                (reference_cluster_end(rest, n), TokenKind::Punct)
            } else {
                (
                    reference_cluster_end(rest, first.len_utf8()),
                    TokenKind::Symbol,
                )
            };
            let gap = &text[pos..start];
            let end = start + len.max(first.len_utf8());
            pos = end;
            out.push(Token {
                text: &text[start..end],
                span: start..end,
                kind,
                space_before: !gap.is_empty(),
                newline_before: gap.bytes().any(|b| b == b'\n'),
            });
        }
    }

    /// The end of the grapheme cluster of the character that ends at `n`,
    /// short of whitespace and ASCII after it (what `cluster_end`
    /// shortcuts).
    fn reference_cluster_end(rest: &str, n: usize) -> usize {
        let last = rest[..n].char_indices().next_back().map_or(0, |(i, _)| i);
        let g = rest[last..].graphemes(true).next().unwrap_or("");
        let tail = &g[n - last..];
        let cut = tail
            .find(|c: char| c.is_ascii() || c.is_whitespace())
            .unwrap_or(tail.len());
        n + cut
    }

    /// The word scan as first written, one byte at a time.
    fn reference_word_len(rest: &str) -> usize {
        let mut end = 0;
        let mut i = 0;
        while let Some(c) = rest[i..].chars().next() {
            if is_word_char(c) {
                i += c.len_utf8();
                end = i;
            } else if is_invisible(c) && end > 0 {
                let run = rest[i..]
                    .char_indices()
                    .find(|&(_, d)| !is_invisible(d))
                    .map_or(rest.len() - i, |(k, _)| k);
                match rest[i + run..].chars().next() {
                    Some(d) if is_word_char(d) => i += run,
                    _ => break,
                }
            } else {
                break;
            }
        }
        end
    }

    #[test]
    fn word_scan_agrees_with_the_reference() {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "a", "Z", "nghiêng", "ườ", "Đ", "\u{0301}", "\u{200B}", "\u{00AD}", "×", "÷", "ɏ",
            "ɐ", "ḿ", " ", ".", "1", "@", "`", "{", "[", "中", "é", "ñ", "xyzXYZab", "\u{1AB0}",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(seed % 16) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
            }
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            for (i, _) in text.char_indices() {
                let rest = &text[i..];
                assert_eq!(Tokens::word_len(rest), reference_word_len(rest), "{rest:?}");
            }
        }
    }

    /// Pseudo-random texts over pieces that exercise every branch: URLs,
    /// e-mails, digits, Vietnamese and foreign letters, combining marks,
    /// invisible characters and every kind of whitespace.
    #[test]
    fn fast_paths_agree_with_the_reference() {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "a", "Z", "h", "w", "www.", "http://", "https://x.vn/a?b=1", "@", ".", "_", "%",
            "+", "-", "1", "0", "/", ":", ",", " ", "  ", "\n", "\r\n", "\t", "\u{0B}",
            "\u{0C}", "\u{A0}", "\u{2009}", "\u{3000}", "\u{200B}", "\u{00AD}", "\u{FEFF}",
            "ệ", "Đ", "ư", "\u{0301}", "\u{0323}", "ß", "é", "×", "Ω", "中", "😀", "...", "…",
            "“", "”", "(", ")", "nguyen.van@", "so", "mail.gov.vn", "abc", "x@y.z",
            "hoà", "tp.hcm", "10h30", "1.234,5", "a1", "ḿ", "\u{1AB0}", "ǅ",
            "\u{200D}", "\u{1F469}", "\u{1F1FB}", "\u{FE0F}", "\u{20E3}", "\u{1F3FD}", "#",
            "\u{0600}", "\u{2764}",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let n = (next() % 12) as usize;
            let text: String = (0..n)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            assert_eq!(
                tokenize(&text).collect::<Vec<_>>(),
                reference_tokens(&text),
                "{text:?}"
            );
        }
        let long = format!("{}@example.com {}a@b.cd", "a".repeat(70), "b".repeat(64));
        assert_eq!(tokenize(&long).collect::<Vec<_>>(), reference_tokens(&long));
    }

    fn kinds(s: &str) -> Vec<(&str, TokenKind)> {
        tokenize(s).map(|t| (t.text, t.kind)).collect()
    }

    #[test]
    fn basic_sentence() {
        use TokenKind::*;
        assert_eq!(
            kinds("Kết luận số 01-KL/TW ngày 18/5/2021."),
            vec![
                ("Kết", Word),
                ("luận", Word),
                ("số", Word),
                ("01", Number),
                ("-", Punct),
                ("KL", Word),
                ("/", Punct),
                ("TW", Word),
                ("ngày", Word),
                ("18/5/2021", Number),
                (".", Punct)
            ]
        );
    }

    #[test]
    fn numbers_and_alnum() {
        use TokenKind::*;
        assert_eq!(
            kinds("1.234,5 tỷ, 10h30, H5N1 và 5G; 2020-2025"),
            vec![
                ("1.234,5", Number),
                ("tỷ", Word),
                (",", Punct),
                ("10h30", Alnum),
                (",", Punct),
                ("H5N1", Alnum),
                ("và", Word),
                ("5G", Alnum),
                (";", Punct),
                ("2020-2025", Number)
            ]
        );
    }

    #[test]
    fn urls_emails_ellipsis() {
        use TokenKind::*;
        assert_eq!(
            kinds("Xem https://vi.example.org/a?b=1. Gửi tới ban.tg@example.gov.vn... rồi"),
            vec![
                ("Xem", Word),
                ("https://vi.example.org/a?b=1", Url),
                (".", Punct),
                ("Gửi", Word),
                ("tới", Word),
                ("ban.tg@example.gov.vn", Email),
                ("...", Punct),
                ("rồi", Word)
            ]
        );
    }

    #[test]
    fn nfd_and_invisible_inside_word() {
        let s = "Vie\u{0323}\u{0302}t Na\u{200B}m \u{200B} x";
        let t: Vec<_> = tokenize(s).collect();
        assert_eq!(t.len(), 3);
        assert_eq!(t[0].text, "Vie\u{0323}\u{0302}t");
        assert_eq!(t[1].text, "Na\u{200B}m");
        assert_eq!(t[2].text, "x");
    }

    /// The tokenizer and the cleanup agree on what is invisible: each such
    /// character stays inside a word, is skipped between tokens, and is what
    /// the cleanup removes from that word.
    #[test]
    fn invisible_characters_are_the_cleanup_ones() {
        let mut n = 0;
        for cp in 0..0x11_0000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let inside = format!("ho{c}a");
            let one = tokenize(&inside).map(|t| t.text).collect::<Vec<_>>() == [inside.as_str()];
            let spaced = format!("a {c} b");
            let between: Vec<_> = tokenize(&spaced).map(|t| t.text).collect();
            let removed = crate::normalize(&inside) == "hoa";
            if crate::chars::is_invisible(c) {
                assert!(one && between == ["a", "b"] && removed, "U+{cp:04X}");
                n += 1;
            } else if removed {
                panic!("U+{cp:04X} removed but not invisible");
            }
        }
        assert_eq!(n, 11);
    }

    /// Grapheme clusters that are not letters stay whole (written by hand:
    /// the code points of each emoji sequence, flag and keycap).
    #[test]
    fn emoji_flags_and_keycaps_are_one_symbol() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        let cases: [(&str, &[(&str, TokenKind)]); 7] = [
            (family, &[(family, TokenKind::Symbol)]),
            (
                "Việt Nam \u{1F1FB}\u{1F1F3}\u{1F1FA}\u{1F1F8}!",
                &[
                    ("Việt", TokenKind::Word),
                    ("Nam", TokenKind::Word),
                    ("\u{1F1FB}\u{1F1F3}", TokenKind::Symbol),
                    ("\u{1F1FA}\u{1F1F8}", TokenKind::Symbol),
                    ("!", TokenKind::Punct),
                ],
            ),
            (
                "1\u{FE0F}\u{20E3} #\u{FE0F}\u{20E3} 12",
                &[
                    ("1\u{FE0F}\u{20E3}", TokenKind::Symbol),
                    ("#\u{FE0F}\u{20E3}", TokenKind::Symbol),
                    ("12", TokenKind::Number),
                ],
            ),
            (
                "tốt\u{1F44D}\u{1F3FD}",
                &[
                    ("tốt", TokenKind::Word),
                    ("\u{1F44D}\u{1F3FD}", TokenKind::Symbol),
                ],
            ),
            (
                "\u{2764}\u{FE0F}",
                &[("\u{2764}\u{FE0F}", TokenKind::Symbol)],
            ),
            (
                "\u{203C}\u{FE0F}",
                &[("\u{203C}\u{FE0F}", TokenKind::Punct)],
            ),
            // A plain digit, symbol or punctuation is as before.
            (
                "5% ₫ …",
                &[
                    ("5", TokenKind::Number),
                    ("%", TokenKind::Symbol),
                    ("₫", TokenKind::Symbol),
                    ("…", TokenKind::Punct),
                ],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(kinds(text), want.to_vec(), "{text:?}");
        }
    }

    #[test]
    fn spacing_flags() {
        let t: Vec<_> = tokenize(" a,\nb").collect();
        assert!(t[0].space_before && !t[0].newline_before);
        assert!(!t[1].space_before);
        assert!(t[2].space_before && t[2].newline_before);
    }

    #[test]
    fn spans_cover_all_non_space() {
        let s = "«Bà  Hoà»—₫100%\u{0301}x\u{FEFF}";
        let mut covered = vec![false; s.len()];
        let mut last = 0;
        for t in tokenize(s) {
            assert!(t.span.start >= last);
            last = t.span.end;
            assert_eq!(&s[t.span.clone()], t.text);
            for c in &mut covered[t.span.clone()] {
                *c = true;
            }
        }
        for (i, c) in s.char_indices() {
            if !(c.is_whitespace() || is_invisible(c)) {
                assert!(covered[i], "byte {i} ({c:?}) not covered");
            }
        }
    }
}
