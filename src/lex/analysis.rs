//! The tokens of one text, keyed once: per token its key id in the
//! [`Matcher`], its capitalisation and spacing; and [`Analysis`], the view
//! of the whole text or of one line that the recognizers ask their
//! questions on.

use std::borrow::Cow;
use std::ops::Range;

use super::data::{Lex, LexSet};
#[cfg(test)]
use super::matcher::NO_ID;
use super::matcher::{Hit, KeyId, Matcher, NodeId};
use crate::token::{Token, TokenKind};

/// Per-token facts.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    /// Key id in the matcher.
    id: KeyId,
    /// The matcher node of the key as a phrase's first token (0: none).
    node: NodeId,
    /// The token is a word.
    word: bool,
    /// The token is a word or alphanumeric.
    alpha: bool,
    /// Lexicons with a phrase starting at this token, when it is a word
    /// or alphanumeric.
    reach: LexSet,
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
    m: &'t Matcher,
}

impl<'t, 'a> TokenKeys<'t, 'a> {
    /// Keys `tokens` against `m`.
    pub fn new(tokens: &'t [Token<'a>], m: &'t Matcher) -> Self {
        KEY_CACHE.with(|c| match c.try_borrow_mut() {
            Ok(mut cache) => Self::keyed(tokens, m, &mut cache),
            Err(_) => Self::keyed(tokens, m, &mut KeyCache::default()),
        })
    }

    fn keyed(tokens: &'t [Token<'a>], m: &'t Matcher, cache: &mut KeyCache) -> Self {
        let mut key = String::new();
        let mut toks = Vec::with_capacity(tokens.len());
        for t in tokens {
            let (id, first_upper, any_lower) = cache.get(m, t.text, &mut key);
            let alpha = matches!(t.kind, TokenKind::Word | TokenKind::Alnum);
            let (cap, upper) = if alpha {
                (first_upper, first_upper && !any_lower)
            } else {
                (false, false)
            };
            let node = m.first(id);
            toks.push(Tok {
                id,
                node,
                reach: if alpha && node != 0 {
                    m.reach(node)
                } else {
                    LexSet::EMPTY
                },
                word: t.kind == TokenKind::Word,
                alpha,
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
                // A word of two characters or more.
                let t = tokens[i].text;
                if tokens[i].kind == TokenKind::Word
                    && t.chars().next().is_some_and(|c| c.len_utf8() < t.len())
                {
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
        TokenKeys { tokens, toks, m }
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
            m: self.m,
        }
    }
}

/// Bits of the slot index of [`KeyCache`].
const KC_BITS: u32 = 14;

/// One slot of [`KeyCache`]: the bytes of a short token (up to 8) with its
/// key id and case.
#[derive(Clone, Copy, Default)]
struct KeySlot {
    /// The token's bytes, little-endian, zero-padded.
    tag: u64,
    /// Its length (0: empty slot).
    len: u8,
    id: KeyId,
    first_upper: bool,
    any_lower: bool,
}

/// A per-thread cache of the key ids of short tokens (most syllables),
/// tagged by their bytes so a hit is exact, for one matcher at a time
/// (another matcher clears it): keying a token is then one multiply and one
/// compare instead of building its key and hashing it.
#[derive(Default)]
struct KeyCache {
    /// [`Matcher::uid`] of the ids stored (0: none yet).
    matcher: u64,
    slots: Vec<KeySlot>,
}

impl KeyCache {
    /// The key id of `text` and whether its first letter is uppercase and
    /// some letter lowercase.
    fn get(&mut self, m: &Matcher, text: &str, key: &mut String) -> (KeyId, bool, bool) {
        let b = text.as_bytes();
        let compute = |key: &mut String| {
            key.clear();
            let case = crate::key::push_key(text, key);
            (m.id(key), case.first_upper, case.any_lower)
        };
        if b.is_empty() || b.len() > 8 {
            return compute(key);
        }
        if self.matcher != m.uid() || self.slots.is_empty() {
            self.matcher = m.uid();
            self.slots.clear();
            self.slots.resize(1 << KC_BITS, KeySlot::default());
        }
        let mut buf = [0u8; 8];
        if let Some(d) = buf.get_mut(..b.len()) {
            d.copy_from_slice(b);
        }
        let tag = u64::from_le_bytes(buf);
        let h = (tag ^ b.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - KC_BITS);
        let slot = &mut self.slots[h as usize];
        if slot.len as usize == b.len() && slot.tag == tag {
            return (slot.id, slot.first_upper, slot.any_lower);
        }
        let (id, first_upper, any_lower) = compute(key);
        *slot = KeySlot {
            tag,
            len: b.len() as u8,
            id,
            first_upper,
            any_lower,
        };
        (id, first_upper, any_lower)
    }
}

thread_local! {
    static KEY_CACHE: std::cell::RefCell<KeyCache> = std::cell::RefCell::new(KeyCache::default());
}

/// Exclusive end of the line starting at token `start`.
pub(crate) fn line_end(tokens: &[Token<'_>], start: usize) -> usize {
    let mut end = start + 1;
    while end < tokens.len() && !tokens[end].newline_before {
        end += 1;
    }
    end
}

/// How [`Analysis::words`] reads the tokens after the first of a phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Walk {
    /// Consecutive tokens on one line.
    Line,
    /// Consecutive tokens, across line breaks.
    Across,
    /// On one line, skipping commas and dashes between words ("Bộ Lao
    /// động - Thương binh và Xã hội"); a skipped separator may start a
    /// line.
    SkipSeparators,
    /// Like [`Walk::SkipSeparators`], also skipping "&" (names of bodies
    /// and their abbreviations: "Bộ Văn hóa, Thể thao và Du lịch", "Bộ
    /// VH,TT&DL").
    Names,
}

/// Tokens with their keys and capitalisation: the whole text or one line.
pub(crate) struct Analysis<'t, 'a> {
    pub tokens: &'t [Token<'a>],
    pub toks: &'t [Tok],
    m: &'t Matcher,
}

impl<'t, 'a> Analysis<'t, 'a> {
    /// The node of the one-token prefix at `i` if `i` is a word or an
    /// alphanumeric token (0: none).
    #[inline]
    fn first(&self, i: usize) -> NodeId {
        match self.toks.get(i) {
            Some(t) if t.alpha => t.node,
            _ => 0,
        }
    }

    /// Lexicons with a phrase starting at token `i` (a word or an
    /// alphanumeric token).
    #[inline]
    pub fn starts(&self, i: usize) -> LexSet {
        self.toks.get(i).map_or(LexSet::EMPTY, |t| t.reach)
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
    #[inline]
    pub fn longest_hit(&self, i: usize, lex: Lex) -> Option<(usize, Hit)> {
        if !self.starts(i).has(lex) {
            return None;
        }
        self.walk(i, lex)
    }

    /// [`Analysis::longest_hit`] once a phrase of `lex` is known to start
    /// at `i`.
    fn walk(&self, i: usize, lex: Lex) -> Option<(usize, Hit)> {
        let mut node = self.first(i);
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

    /// The node of the one-token prefix at `i` if `i` is a word (0: none).
    #[inline]
    fn first_word(&self, i: usize) -> NodeId {
        match self.toks.get(i) {
            Some(t) if t.word => t.node,
            _ => 0,
        }
    }

    /// What `lex` says about the word at `i` as a phrase of one token (none
    /// when `i` is not a word token).
    #[inline]
    pub fn word_hit(&self, i: usize, lex: Lex) -> Option<Hit> {
        match self.first_word(i) {
            0 => None,
            n => self.m.hit(n, lex),
        }
    }

    /// Whether the word at `i` is a one-token phrase of `lex`.
    #[inline]
    pub fn word_is(&self, i: usize, lex: Lex) -> bool {
        self.word_hit(i, lex).is_some()
    }

    /// The class of the word at `i` in `lex`, if it is a phrase of it.
    #[inline]
    pub fn word_class(&self, i: usize, lex: Lex) -> Option<u8> {
        self.word_hit(i, lex).map(|h| h.class)
    }

    /// Lexicons with a phrase starting with the word at `i`.
    #[inline]
    pub fn word_starts(&self, i: usize) -> LexSet {
        match self.first_word(i) {
            0 => LexSet::EMPTY,
            n => self.m.reach(n),
        }
    }

    /// The longest phrase of `lex` read as words from the word at `i` (the
    /// tokens after the first may be words or numbers, "thứ 2"), the way
    /// `walk` says: `(exclusive end, hit)`.
    pub fn words(&self, i: usize, lex: Lex, walk: Walk) -> Option<(usize, Hit)> {
        let mut node = self.first_word(i);
        if node == 0 || !self.m.reach(node).has(lex) {
            return None;
        }
        let mut best = None;
        let (mut j, mut depth) = (i + 1, 1usize);
        // The last separator skipped: an issuing body of n words may skip
        // separators only before token i + 2n.
        let mut last_skip: Option<usize> = None;
        loop {
            if let Some(h) = self.m.hit(node, lex) {
                if last_skip.is_none_or(|p| p < i + 2 * depth) {
                    best = Some((j, h));
                }
            }
            if !self.m.deeper(node).has(lex) {
                break;
            }
            let mut k = j;
            if matches!(walk, Walk::SkipSeparators | Walk::Names) {
                // Past `i + 2 * longest` no phrase could accept the skip.
                let bound = (i + 2 * self.m.max_len(lex)).min(self.len());
                while k < bound
                    && (self.is_punct(k, ",")
                        || self.is_dash(k)
                        || walk == Walk::Names && self.text(k) == "&")
                {
                    last_skip = Some(k);
                    k += 1;
                }
            }
            let Some(t) = self.tokens.get(k) else { break };
            if !matches!(t.kind, TokenKind::Word | TokenKind::Number)
                || (walk != Walk::Across && t.newline_before)
            {
                break;
            }
            node = self.m.step(node, self.toks[k].id);
            if node == 0 {
                break;
            }
            j = k + 1;
            depth += 1;
        }
        best
    }

    /// Whether the tokens `s..e` read as words (see [`Analysis::words`],
    /// without skipping) are exactly a phrase of `lex`.
    pub fn word_phrase(&self, s: usize, e: usize, lex: Lex, walk: Walk) -> Option<Hit> {
        if s >= e || e > self.len() {
            return None;
        }
        let mut node = self.first_word(s);
        for k in s + 1..e {
            if node == 0 {
                return None;
            }
            let t = &self.tokens[k];
            if !matches!(t.kind, TokenKind::Word | TokenKind::Number)
                || (walk != Walk::Across && t.newline_before)
            {
                return None;
            }
            node = self.m.step(node, self.toks[k].id);
        }
        match node {
            0 => None,
            n => self.m.hit(n, lex),
        }
    }

    /// The value of a phrase of an embedded file (the date words'
    /// reported forms); `None` for a phrase added at run time, which the
    /// builder never accepts for those lexicons.
    pub fn static_value(&self, h: Hit) -> Option<&'static str> {
        match self.m.value(h) {
            Cow::Borrowed(s) => Some(s),
            Cow::Owned(_) => None,
        }
    }

    /// Whether the word at `i` is the last token of some phrase of `lex`.
    #[inline]
    pub fn word_ends(&self, i: usize, lex: Lex) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
            && self.m.last(self.toks[i].id).has(lex)
    }

    /// Whether the words `s..e` (see [`Analysis::words`], across lines) are
    /// the first tokens of some phrase of `lex`, or all of it.
    pub fn word_prefix(&self, s: usize, e: usize, lex: Lex) -> bool {
        if s >= e || e > self.len() {
            return false;
        }
        let mut node = self.first_word(s);
        for k in s + 1..e {
            if node == 0 || !matches!(self.tokens[k].kind, TokenKind::Word | TokenKind::Number) {
                return false;
            }
            node = self.m.step(node, self.toks[k].id);
        }
        node != 0 && self.m.reach(node).has(lex)
    }

    /// The value of a phrase: what its line gives, or the phrase as written.
    pub fn value(&self, h: Hit) -> &'t str {
        self.m.value(h)
    }

    /// What `lex` says about token `i` (of any kind) as a phrase of one
    /// token.
    #[inline]
    pub fn hit(&self, i: usize, lex: Lex) -> Option<Hit> {
        match self.toks.get(i)?.node {
            0 => None,
            n => self.m.hit(n, lex),
        }
    }

    /// Whether token `i` (of any kind) is a one-token phrase of `lex`.
    #[inline]
    pub fn is(&self, i: usize, lex: Lex) -> bool {
        self.hit(i, lex).is_some()
    }

    /// The class of token `i` in `lex`, if it is a one-token phrase of it.
    #[inline]
    pub fn class(&self, i: usize, lex: Lex) -> Option<u8> {
        self.hit(i, lex).map(|h| h.class)
    }

    /// What `lex` says about the tokens `s..e` (of any kind) as one phrase.
    pub fn seq(&self, s: usize, e: usize, lex: Lex) -> Option<Hit> {
        if s >= e || e > self.len() {
            return None;
        }
        let mut node = 0;
        for k in s..e {
            node = self.m.step(node, self.toks[k].id);
            if node == 0 {
                return None;
            }
        }
        self.m.hit(node, lex)
    }

    /// A phrase of `lex` ending right before token `e` (its tokens of any
    /// kind), the shortest one: `(start, hit)`.
    pub fn ends_at(&self, e: usize, lex: Lex) -> Option<(usize, Hit)> {
        let e = e.min(self.len());
        (1..=self.m.max_len(lex).min(e)).find_map(|n| Some((e - n, self.seq(e - n, e, lex)?)))
    }

    /// The matcher.
    pub fn matcher(&self) -> &'t Matcher {
        self.m
    }

    /// Whether token `i` is the punctuation `p`.
    #[inline]
    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && t.text == p)
    }

    /// Whether token `i` is a dash (`-`, `–`, `—`).
    #[inline]
    pub fn is_dash(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && matches!(t.text, "-" | "–" | "—"))
    }

    /// Index of the first token starting at or after byte `byte` (the
    /// token an entity's span starts at, or the one after its end).
    #[inline]
    pub fn token_at(&self, byte: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < byte)
    }

    /// Number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Whether token `i` is a word.
    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.word)
    }

    /// Whether token `i` is a capitalised word (or alnum/abbreviation).
    #[inline]
    pub fn is_cap(&self, i: usize) -> bool {
        // `cap` is set for words and alphanumerics only.
        self.toks.get(i).is_some_and(|t| t.cap)
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

#[cfg(test)]
mod key_cache_tests {
    use super::*;
    use crate::lex::data::FILES;

    /// The cached ids are the matcher's own, also when two matchers with
    /// different ids take turns on one thread.
    #[test]
    fn cached_ids_follow_the_matcher() {
        let roles = FILES.iter().find(|f| f.name == "roles.txt").unwrap();
        let extra = [(roles, "user".to_string(), "Khướu sứ\n".to_string())];
        let user = Matcher::with(&extra).unwrap();
        let builtin = &*super::super::matcher::BUILTIN;
        let text = "Khướu sứ Bí thư Tỉnh ủy UỶ VIÊN khướu xyzzy Hà Nội";
        let tokens: Vec<Token> = crate::token::tokenize(text).collect();
        for m in [builtin, &user, builtin, &user] {
            let keys = TokenKeys::new(&tokens, m);
            for (t, k) in tokens.iter().zip(&keys.toks) {
                assert_eq!(k.id, m.id(&crate::key::key(t.text)), "{}", t.text);
            }
        }
        assert_eq!(builtin.id(&crate::key::key("khướu")), NO_ID);
        assert_ne!(user.id(&crate::key::key("khướu")), NO_ID);
    }
}
