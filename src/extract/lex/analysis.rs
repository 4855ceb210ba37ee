//! The tokens of one text, keyed once: per token its key id in the
//! [`Matcher`], its capitalisation and spacing; and [`Analysis`], the view
//! of the whole text or of one line that the recognizers ask their
//! questions on.

use std::ops::Range;

use super::data::{Lex, LexSet};
use super::matcher::{Hit, KeyId, Matcher, NodeId};
use crate::token::{Token, TokenKind};

/// Per-token facts.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    /// Key id in the matcher.
    id: KeyId,
    /// Range of the key in [`TokenKeys::keys`].
    key: Range<u32>,
    /// First letter uppercase (words and alphanumerics only).
    pub cap: bool,
    /// Every letter uppercase (words and alphanumerics only).
    pub upper: bool,
    /// Whitespace before.
    pub sp: bool,
    /// In a line written mostly in capitals.
    pub caps_line: bool,
}

/// The tokens of a text with their keys, computed once and shared by every
/// recognizer.
pub(crate) struct TokenKeys<'t, 'a> {
    tokens: &'t [Token<'a>],
    toks: Vec<Tok>,
    keys: String,
    m: &'t Matcher,
}

impl<'t, 'a> TokenKeys<'t, 'a> {
    /// Keys `tokens` against `m`.
    pub fn new(tokens: &'t [Token<'a>], m: &'t Matcher) -> Self {
        let mut keys = String::with_capacity(tokens.iter().map(|t| t.text.len() + 1).sum());
        let mut toks = Vec::with_capacity(tokens.len());
        for t in tokens {
            let s = keys.len();
            let case = crate::key::push_key(t.text, &mut keys);
            let e = keys.len();
            let id = m.id(&keys[s..e]);
            let (cap, upper) = if matches!(t.kind, TokenKind::Word | TokenKind::Alnum) {
                (case.first_upper, case.first_upper && !case.any_lower)
            } else {
                (false, false)
            };
            toks.push(Tok {
                id,
                key: s as u32..e as u32,
                cap,
                upper,
                sp: t.space_before,
                caps_line: false,
            });
        }
        // Caps lines: most words of a line are all-uppercase.
        let mut start = 0;
        while start < tokens.len() {
            let end = line_end(tokens, start);
            let (mut words, mut up) = (0usize, 0usize);
            for i in start..end {
                if tokens[i].kind == TokenKind::Word && tokens[i].text.chars().nth(1).is_some() {
                    words += 1;
                    if toks[i].upper {
                        up += 1;
                    }
                }
            }
            if words >= 3 && up * 10 >= words * 7 {
                for t in &mut toks[start..end] {
                    t.caps_line = true;
                }
            }
            start = end;
        }
        TokenKeys {
            tokens,
            toks,
            keys,
            m,
        }
    }

    /// The whole text.
    #[allow(dead_code)] // the DATE and DOCREF recognizers move onto it next
    pub fn all(&self) -> Analysis<'_, 'a> {
        self.view(0..self.tokens.len())
    }

    /// The tokens `r` (one line, for the recognizers that stop at line
    /// breaks): indices are relative to `r.start`.
    pub fn view(&self, r: Range<usize>) -> Analysis<'_, 'a> {
        Analysis {
            tokens: &self.tokens[r.clone()],
            toks: &self.toks[r],
            keys: &self.keys,
            m: self.m,
        }
    }
}

/// Exclusive end of the line starting at token `start`.
pub(crate) fn line_end(tokens: &[Token<'_>], start: usize) -> usize {
    let mut end = start + 1;
    while end < tokens.len() && !tokens[end].newline_before {
        end += 1;
    }
    end
}

/// Tokens with their keys and capitalisation: the whole text or one line.
pub(crate) struct Analysis<'t, 'a> {
    pub tokens: &'t [Token<'a>],
    pub toks: &'t [Tok],
    keys: &'t str,
    m: &'t Matcher,
}

impl<'t, 'a> Analysis<'t, 'a> {
    /// The node of the one-token prefix at `i` if `i` is a word or an
    /// alphanumeric token (0: none).
    #[inline]
    fn first(&self, i: usize) -> NodeId {
        match self.tokens.get(i) {
            Some(t) if matches!(t.kind, TokenKind::Word | TokenKind::Alnum) => {
                self.m.first(self.toks[i].id)
            }
            _ => 0,
        }
    }

    /// Lexicons with a phrase starting at token `i` (a word or an
    /// alphanumeric token).
    #[inline]
    pub fn starts(&self, i: usize) -> LexSet {
        match self.first(i) {
            0 => LexSet::EMPTY,
            n => self.m.reach(n),
        }
    }

    /// Whether some lexicon of `set` has a phrase starting at token `i`.
    #[inline]
    pub fn starts_any(&self, i: usize, set: LexSet) -> bool {
        self.starts(i).meets(set)
    }

    /// The longest phrase of `lex` starting at token `i` (a word or an
    /// alphanumeric token; the tokens after it may be of any kind):
    /// `(number of tokens, class)`.
    #[inline]
    pub fn longest(&self, i: usize, lex: Lex) -> Option<(usize, u8)> {
        self.longest_hit(i, lex).map(|(n, h)| (n, h.class))
    }

    /// Like [`Analysis::longest`], with the whole [`Hit`].
    pub fn longest_hit(&self, i: usize, lex: Lex) -> Option<(usize, Hit)> {
        let mut node = self.first(i);
        if node == 0 || !self.m.reach(node).has(lex) {
            return None;
        }
        let mut best = None;
        let mut j = i + 1;
        loop {
            if let Some(h) = self.m.hit(node, lex) {
                best = Some((j - i, h));
            }
            if j >= self.len() || !self.m.deeper(node).has(lex) {
                break;
            }
            node = self.m.step(node, self.toks[j].id);
            if node == 0 {
                break;
            }
            j += 1;
        }
        best
    }

    /// Number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Key of token `i` ("" out of range).
    pub fn key(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.keys[t.key.start as usize..t.key.end as usize],
            None => "",
        }
    }

    /// Whether token `i` is a word.
    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Whether token `i` is a capitalised word (or alnum/abbreviation).
    #[inline]
    pub fn is_cap(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            matches!(t.kind, TokenKind::Word | TokenKind::Alnum) && self.toks[i].cap
        })
    }

    /// Whether token `i` is preceded by whitespace.
    #[inline]
    pub fn sp(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.sp)
    }

    /// Whether token `i` is in a caps line.
    #[inline]
    pub fn caps_line(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.caps_line)
    }

    /// Text of token `i`.
    #[inline]
    pub fn text(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text)
    }

    /// End of the "unit" starting at `i`: tokens glued without whitespace by
    /// `&`, `-`, `.`, `'` (`GD&ĐT`, `TP.HCM`, `H'Yim`, `Diaz-Canel`,
    /// `Covid-19`). Returns the exclusive end index.
    pub fn unit_end(&self, i: usize) -> usize {
        let mut j = i + 1;
        while j + 1 < self.len()
            && !self.sp(j)
            && !self.sp(j + 1)
            && matches!(self.text(j), "&" | "-" | "." | "'" | "’")
            && matches!(
                self.tokens[j + 1].kind,
                TokenKind::Word | TokenKind::Alnum | TokenKind::Number
            )
        {
            j += 2;
        }
        // "TP.HCM" style handled above; "GDĐT" single.
        j
    }
}
