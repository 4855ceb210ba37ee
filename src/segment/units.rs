//! Units: the spans of the input that are never cut.
//!
//! Text is first cut into *units*: a run of tokens with no space between them
//! (`TP.HCM`, `Covid-19`, `95%`) is one unit, except that leading and
//! trailing punctuation and inner separators such as `,` `;` `"` `(` are
//! their own units. Every gap between two units that are separated by
//! whitespace and both able to be part of a word is then decided by the
//! model ([`super::model`]); other gaps are always splits.

use super::lexicon::{self, KeyInfo};
use super::WordKind;
use crate::token::{Token, TokenKind};

/// Shapes of units (feature values).
pub(crate) mod shape {
    pub const NONE: u8 = 0;
    pub const LOWER: u8 = 1;
    pub const TITLE: u8 = 2;
    pub const UPPER: u8 = 3;
    pub const F_LOWER: u8 = 4;
    pub const F_TITLE: u8 = 5;
    pub const F_UPPER: u8 = 6;
    pub const INITIAL: u8 = 7;
    pub const NUMBER: u8 = 8;
    pub const PUNCT: u8 = 9;
    pub const SYMBOL: u8 = 10;
    pub const LINK: u8 = 11;
    pub const COMPOUND: u8 = 12;
}

/// One unit: a span of the input that is never cut.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Unit {
    pub start: usize,
    pub end: usize,
    pub key: u64,
    pub shape: u8,
    pub kind: WordKind,
    /// The gap before this unit is decided by rule (always a split).
    pub hard_before: bool,
    /// The unit may be part of a multi-unit word.
    pub joinable: bool,
}

const WC_BITS: u32 = 14;

/// One slot of a [`WordCache`]: the syllable's bytes (at most 8, as a
/// little-endian integer) and length, and what [`make_unit`] needs.
#[derive(Clone, Copy, Debug, Default)]
struct WordSlot {
    tag: u64,
    hash: u64,
    len: u8,
    shape: u8,
    vn: bool,
    /// The bytes are all letters of the Vietnamese blocks ([`letters_only`]):
    /// the tokenizer makes them one [`TokenKind::Word`].
    letters: bool,
}

/// A direct-mapped cache of (key hash, shape, Vietnamese) for syllables of
/// at most 8 bytes (99% of the syllables of news text), tagged by the bytes
/// themselves so a hit is exact. 16,384 slots of 24 bytes, allocated on first
/// use.
#[derive(Debug, Default)]
pub(crate) struct WordCache {
    slots: Vec<WordSlot>,
}

impl WordCache {
    /// Key hash, shape and whether `s` (the text of a word token) has the
    /// shape of a Vietnamese syllable.
    #[inline]
    fn get(&mut self, text: &str, start: usize, end: usize) -> (u64, u8, bool) {
        let s = text.get(start..end).unwrap_or("");
        let b = s.as_bytes();
        if b.is_empty() || b.len() > 8 {
            return word_key(s);
        }
        if self.slots.is_empty() {
            self.slots = vec![WordSlot::default(); 1 << WC_BITS];
        }
        // One 8-byte read when the text goes on far enough, masked to the
        // syllable's bytes.
        let tag = match text.as_bytes().get(start..start + 8) {
            Some(&[x0, x1, x2, x3, x4, x5, x6, x7]) => {
                u64::from_le_bytes([x0, x1, x2, x3, x4, x5, x6, x7])
                    & (u64::MAX >> (64 - 8 * b.len()))
            }
            _ => {
                let mut tag = 0u64;
                for (i, &x) in b.iter().enumerate() {
                    tag |= (x as u64) << (8 * i);
                }
                tag
            }
        };
        let len = b.len() as u8;
        let ix =
            ((tag ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - WC_BITS)) as usize;
        let Some(e) = self.slots.get_mut(ix) else {
            return word_key(s);
        };
        if e.tag == tag && e.len == len {
            return (e.hash, e.shape, e.vn);
        }
        let r = word_key(s);
        *e = WordSlot {
            tag,
            hash: r.0,
            len,
            shape: r.1,
            vn: r.2,
            letters: letters_only(b),
        };
        r
    }

    /// Key hash, shape and Vietnamese flag of the piece of `len` (1..=8)
    /// bytes whose little-endian integer is `tag` (bytes beyond `len`
    /// zero), when the cache holds it and it is made only of letters
    /// ([`letters_only`]); `None` otherwise.
    #[inline(always)]
    fn letters_piece(&self, tag: u64, len: usize) -> Option<(u64, u8, bool)> {
        let ix =
            ((tag ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - WC_BITS)) as usize;
        let e = self.slots.get(ix)?;
        (e.tag == tag && e.len as usize == len && e.letters).then_some((e.hash, e.shape, e.vn))
    }
}

/// Whether the bytes are only letters of the Vietnamese blocks (ASCII
/// letters, U+00C0–U+024F but `×` and `÷`, U+1E00–U+1EFF): the test of
/// [`build_units_text`]'s scan, for a whole piece.
fn letters_only(b: &[u8]) -> bool {
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let mut p = 0;
    while p < b.len() {
        let x = b[p];
        if x < 0x80 {
            if !x.is_ascii_alphabetic() {
                return false;
            }
            p += 1;
        } else if (0xC3..=0xC9).contains(&x) {
            let cp = ((x & 0x1F) as u32) << 6 | (at(p + 1) & 0x3F) as u32;
            if cp > 0x24F || cp == 0xD7 || cp == 0xF7 {
                return false;
            }
            p += 2;
        } else if x == 0xE1 && (0xB8..=0xBB).contains(&at(p + 1)) {
            p += 3;
        } else {
            return false;
        }
    }
    true
}

/// Key hash, shape and whether `s` looks Vietnamese (uncached).
fn word_key(s: &str) -> (u64, u8, bool) {
    let k = lexicon::key_info(s);
    (k.hash, word_shape(&k), k.vn)
}

const NUM_KEY: u64 = 0x6e75_6d62_6572_0001;
const LINK_KEY: u64 = 0x6c69_6e6b_0000_0002;

fn is_splitter(s: &str) -> bool {
    matches!(
        s,
        "," | ";"
            | "!"
            | "?"
            | "\""
            | "“"
            | "”"
            | "("
            | ")"
            | "["
            | "]"
            | "{"
            | "}"
            | "«"
            | "»"
            | "…"
            | ":"
            | "–"
            | "—"
    ) || (s.len() > 1 && s.bytes().all(|b| b == b'.'))
}

/// Lowercase abbreviations written with a final period.
const ABBREV: &[&str] = &[
    "tp", "q", "p", "th", "tr", "ths", "ts", "gs", "pgs", "ks", "bs", "ng", "mr", "dr", "st", "v",
    "vd", "tt", "tx", "h", "x",
];

fn word_shape(k: &KeyInfo) -> u8 {
    use shape::*;
    if k.letters == 1 && k.upper == 1 {
        INITIAL
    } else if k.vn {
        if k.upper == 0 {
            LOWER
        } else if k.upper == k.letters {
            UPPER
        } else {
            TITLE
        }
    } else if k.upper == 0 {
        F_LOWER
    } else if k.upper == k.letters {
        F_UPPER
    } else if k.first_upper {
        F_TITLE
    } else {
        F_LOWER
    }
}

/// The unit of a single token with whitespace (or the text's ends) on
/// both sides: the common case, one syllable between spaces.
#[inline(always)]
fn token_unit(
    text: &str,
    (start, end, kind): (usize, usize, TokenKind),
    hard: bool,
    cache: &mut WordCache,
) -> Unit {
    let (key, shp, kind) = match kind {
        TokenKind::Word => {
            let (hash, shp, vn) = cache.get(text, start, end);
            return word_unit(start, end, hash, shp, vn, hard);
        }
        TokenKind::Number => (NUM_KEY, shape::NUMBER, WordKind::Number),
        TokenKind::Alnum if text.as_bytes().get(start).is_some_and(u8::is_ascii_digit) => {
            (NUM_KEY ^ 1, shape::NUMBER, WordKind::Number)
        }
        TokenKind::Alnum => (
            cache.get(text, start, end).0,
            shape::COMPOUND,
            WordKind::Foreign,
        ),
        TokenKind::Punct => (cache.get(text, start, end).0, shape::PUNCT, WordKind::Punct),
        TokenKind::Url => (LINK_KEY, shape::LINK, WordKind::Url),
        TokenKind::Email => (LINK_KEY, shape::LINK, WordKind::Email),
        _ => (
            cache.get(text, start, end).0,
            shape::SYMBOL,
            WordKind::Symbol,
        ),
    };
    unit(start, end, key, shp, kind, hard)
}

/// The unit of one word token of key `hash`, shape `shp`, Vietnamese
/// when `vn`.
#[inline(always)]
fn word_unit(start: usize, end: usize, hash: u64, shp: u8, vn: bool, hard: bool) -> Unit {
    let kind = if vn {
        WordKind::Word
    } else {
        WordKind::Foreign
    };
    unit(start, end, hash, shp, kind, hard)
}

#[inline(always)]
fn unit(start: usize, end: usize, key: u64, shape: u8, kind: WordKind, hard: bool) -> Unit {
    Unit {
        start,
        end,
        key,
        shape,
        kind,
        hard_before: hard,
        joinable: !matches!(
            kind,
            WordKind::Punct | WordKind::Symbol | WordKind::Url | WordKind::Email
        ),
    }
}

/// The unit of the tokens `toks` (one or more, with no space between them).
fn make_unit(
    text: &str,
    toks: &[(usize, usize, TokenKind)],
    hard: bool,
    cache: &mut WordCache,
) -> Unit {
    let (start, end) = match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => (a.0, b.1),
        _ => {
            return unit(
                0,
                0,
                lexicon::key_hash(""),
                shape::SYMBOL,
                WordKind::Symbol,
                hard,
            )
        }
    };
    if let [t] = toks {
        return token_unit(text, *t, hard, cache);
    }
    let s = text.get(start..end).unwrap_or("");
    let starts_digit = s.as_bytes().first().is_some_and(u8::is_ascii_digit);
    let (key, shp, kind) = if starts_digit {
        (NUM_KEY ^ 2, shape::NUMBER, WordKind::Number)
    } else if let Some(t) = toks
        .iter()
        .find(|t| matches!(t.2, TokenKind::Url | TokenKind::Email))
    {
        let kind = if t.2 == TokenKind::Url {
            WordKind::Url
        } else {
            WordKind::Email
        };
        (LINK_KEY, shape::LINK, kind)
    } else if toks.iter().all(|t| t.2 == TokenKind::Punct) {
        (lexicon::key_hash(s), shape::PUNCT, WordKind::Punct)
    } else {
        (lexicon::key_hash(s), shape::COMPOUND, WordKind::Foreign)
    };
    unit(start, end, key, shp, kind, hard)
}

fn is_abbrev(text: &str, unit: &[(usize, usize, TokenKind)]) -> bool {
    let last = unit[unit.len() - 1];
    if last.2 != TokenKind::Word {
        return false;
    }
    if unit.len() > 1 {
        // v.v / T.Ư: an inner period already.
        return unit.iter().any(|t| &text[t.0..t.1] == ".");
    }
    let w = &text[last.0..last.1];
    let n = w.chars().count();
    if n == 1 {
        return true;
    }
    if n > 3 {
        return false;
    }
    if w.chars().all(char::is_uppercase) {
        return true;
    }
    let lower = w.to_lowercase();
    ABBREV.contains(&lower.as_str())
}

/// A `/` between two words one of which is Vietnamese (`đồng/lượng`,
/// `USD/thùng`) separates words; between ASCII words (`km/h`) it does not.
fn is_word_slash(text: &str, chunk: &[(usize, usize, TokenKind)], i: usize) -> bool {
    let t = chunk[i];
    if &text[t.0..t.1] != "/" || i == 0 || i + 1 >= chunk.len() {
        return false;
    }
    let (a, b) = (chunk[i - 1], chunk[i + 1]);
    a.2 == TokenKind::Word
        && b.2 == TokenKind::Word
        && !(text[a.0..a.1].is_ascii() && text[b.0..b.1].is_ascii())
}

/// Cuts one chunk (tokens with no whitespace between them) into units.
fn flush_chunk(
    text: &str,
    chunk: &[(usize, usize, TokenKind)],
    hard_first: bool,
    units: &mut Vec<Unit>,
    cache: &mut WordCache,
) {
    if chunk.is_empty() {
        return;
    }
    match *chunk {
        [t] => {
            // One syllable between spaces.
            units.push(token_unit(text, t, hard_first, cache));
            return;
        }
        // A word with one punctuation token before or after it ("(Hà",
        // "Nội,"), the most common chunks of more than one token: what the
        // general case below gives, without its searches (a trailing period
        // may stay with an abbreviation: left to the general case).
        [a, b]
            if (a.2 == TokenKind::Punct) != (b.2 == TokenKind::Punct)
                && (a.2 == TokenKind::Punct || text.get(b.0..b.1) != Some(".")) =>
        {
            units.push(token_unit(text, a, hard_first, cache));
            units.push(token_unit(text, b, true, cache));
            return;
        }
        _ => {}
    }
    let mut hard = hard_first;
    let mut push = |toks: &[(usize, usize, TokenKind)], units: &mut Vec<Unit>| {
        units.push(make_unit(text, toks, hard, cache));
        hard = true;
    };
    let is_p = |t: &(usize, usize, TokenKind)| t.2 == TokenKind::Punct;
    let Some(a) = chunk.iter().position(|t| !is_p(t)) else {
        for t in chunk {
            push(std::slice::from_ref(t), units);
        }
        return;
    };
    let b = chunk.iter().rposition(|t| !is_p(t)).unwrap_or(a);
    for t in &chunk[..a] {
        push(std::slice::from_ref(t), units);
    }
    let mut cur = a;
    let mut i = a;
    while i <= b {
        let t = chunk[i];
        if is_p(&t) && (is_splitter(&text[t.0..t.1]) || is_word_slash(text, chunk, i)) {
            if cur < i {
                push(&chunk[cur..i], units);
            }
            push(std::slice::from_ref(&chunk[i]), units);
            cur = i + 1;
        }
        i += 1;
    }
    let mut end = b + 1;
    if cur <= b
        && end < chunk.len()
        && &text[chunk[end].0..chunk[end].1] == "."
        && is_abbrev(text, &chunk[cur..=b])
    {
        end += 1;
    }
    if cur < end {
        push(&chunk[cur..end], units);
    }
    for t in &chunk[end..] {
        push(std::slice::from_ref(t), units);
    }
}

/// A token as [`build_units_text`] records it: start, end, kind, whitespace
/// before, line break before (the fields of a [`Token`]).
pub(crate) type TokenRec = (usize, usize, TokenKind, bool, bool);

/// Groups tokens into units: a run of tokens with no space between them is
/// a *chunk*, cut into units by [`flush_chunk`].
struct Builder<'b> {
    text: &'b str,
    units: &'b mut Vec<Unit>,
    chunk: &'b mut Vec<(usize, usize, TokenKind)>,
    words: &'b mut WordCache,
    /// The first token of the current chunk (its tokens go to `chunk` once
    /// it has a second one: most chunks are one token, which go straight
    /// to a unit).
    first: Option<(usize, usize, TokenKind)>,
    /// The gap before the current chunk is a rule split.
    hard: bool,
    /// Where the tokens go, when the caller wants them.
    record: Option<&'b mut Vec<TokenRec>>,
}

impl<'b> Builder<'b> {
    fn new(
        text: &'b str,
        units: &'b mut Vec<Unit>,
        chunk: &'b mut Vec<(usize, usize, TokenKind)>,
        words: &'b mut WordCache,
    ) -> Builder<'b> {
        units.clear();
        chunk.clear();
        Builder {
            text,
            units,
            chunk,
            words,
            first: None,
            hard: true,
            record: None,
        }
    }

    /// Adds the next token.
    #[inline(always)]
    fn token(&mut self, tok: (usize, usize, TokenKind), space_before: bool, newline_before: bool) {
        if let Some(r) = &mut self.record {
            r.push((tok.0, tok.1, tok.2, space_before, newline_before));
        }
        match self.first {
            Some(f) if !space_before => {
                if self.chunk.is_empty() {
                    self.chunk.push(f);
                }
                self.chunk.push(tok);
                return;
            }
            Some(_) => self.flush(),
            None => {}
        }
        self.hard = newline_before || self.units.is_empty();
        self.first = Some(tok);
    }

    /// Adds a word token with whitespace (or the start of the text) before
    /// and after it, whose key hash, shape and Vietnamese flag are known:
    /// a chunk of its own, so its unit is written at once (what
    /// [`Builder::token`] and [`Builder::flush`] would write when the next
    /// token comes).
    #[inline(always)]
    fn known_word(
        &mut self,
        start: usize,
        end: usize,
        newline_before: bool,
        (hash, shp, vn): (u64, u8, bool),
    ) {
        if let Some(r) = &mut self.record {
            r.push((start, end, TokenKind::Word, start > 0, newline_before));
        }
        if self.first.is_some() {
            self.flush();
            self.first = None;
        }
        let hard = newline_before || self.units.is_empty();
        self.units.push(word_unit(start, end, hash, shp, vn, hard));
    }

    /// Adds the units of a word (`start`, `end`, its key hash, shape and
    /// Vietnamese flag) with a one-byte ASCII punctuation mark glued before
    /// or after it at `mark`, the piece starting at `piece` after
    /// whitespace or at the start of the text.
    #[inline(always)]
    fn word_and_mark(
        &mut self,
        piece: usize,
        (start, end, (hash, shp, vn)): (usize, usize, (u64, u8, bool)),
        mark: usize,
        newline_before: bool,
    ) {
        if self.first.is_some() {
            self.flush();
            self.first = None;
        }
        let hard = newline_before || self.units.is_empty();
        let m = self.text.get(mark..mark + 1).unwrap_or("");
        let mark_unit = unit(
            mark,
            mark + 1,
            lexicon::key_hash(m),
            shape::PUNCT,
            WordKind::Punct,
            true,
        );
        let word = word_unit(start, end, hash, shp, vn, true);
        if let Some(r) = &mut self.record {
            let (sp, nl) = (piece > 0, newline_before);
            if mark == piece {
                r.push((mark, mark + 1, TokenKind::Punct, sp, nl));
                r.push((start, end, TokenKind::Word, false, false));
            } else {
                r.push((start, end, TokenKind::Word, sp, nl));
                r.push((mark, mark + 1, TokenKind::Punct, false, false));
            }
        }
        if mark == piece {
            self.units.push(Unit {
                hard_before: hard,
                ..mark_unit
            });
            self.units.push(word);
        } else {
            self.units.push(Unit {
                hard_before: hard,
                ..word
            });
            self.units.push(mark_unit);
        }
    }

    /// Cuts the current chunk into units.
    #[inline(always)]
    fn flush(&mut self) {
        match self.first {
            Some(f) if self.chunk.is_empty() => self
                .units
                .push(token_unit(self.text, f, self.hard, self.words)),
            Some(_) => {
                flush_chunk(self.text, self.chunk, self.hard, self.units, self.words);
                self.chunk.clear();
            }
            None => {}
        }
    }
}

/// Cuts a token stream of `text` into units (into `units`, cleared first;
/// `chunk` is a reusable buffer).
pub(crate) fn build_units<'a, I: Iterator<Item = Token<'a>>>(
    text: &str,
    tokens: I,
    units: &mut Vec<Unit>,
    chunk: &mut Vec<(usize, usize, TokenKind)>,
    words: &mut WordCache,
) {
    let mut b = Builder::new(text, units, chunk, words);
    for t in tokens {
        b.token(
            (t.span.start, t.span.end, t.kind),
            t.space_before,
            t.newline_before,
        );
    }
    b.flush();
}

/// The number of characters of the `len` low bytes of `tag` (UTF-8):
/// the bytes that do not continue a character.
#[inline(always)]
fn chars_in(tag: u64, len: usize) -> usize {
    tag.to_le_bytes()
        .iter()
        .take(len)
        .filter(|&&x| x & 0xC0 != 0x80)
        .count()
}

/// Whether `b` is whitespace that the tokenizer skips in its ASCII fast
/// path (`\n` among it).
#[inline(always)]
fn ascii_space(b: u8) -> bool {
    // One bit per byte of ` \t \n \r \x0B \x0C`.
    const SPACES: u64 = 1 << b' ' | 1 << b'\t' | 1 << b'\n' | 1 << b'\r' | 1 << 0x0B | 1 << 0x0C;
    b <= b' ' && SPACES >> b & 1 != 0
}

/// The same units as [`build_units`] over [`crate::token::tokenize`]`(text)`,
/// faster: `text` is cut at ASCII whitespace, and a piece made only of
/// letters of the Vietnamese blocks (ASCII letters, U+00C0–U+024F but `×`
/// and `÷`, U+1E00–U+1EFF) — which the tokenizer makes one [`TokenKind::Word`]
/// — becomes that token without running the tokenizer; any other piece is
/// tokenized on its own. Tokens never contain ASCII whitespace and the
/// tokenizer looks at nothing beyond it, so only the first token of a
/// piece needs its `space_before` and `newline_before` set from the
/// whitespace before the piece (a `\n` there counts for the next token
/// even across pieces that hold no token, such as a lone zero-width
/// space). `tests/segment.rs` checks both ways agree on random and real
/// text. With `record`, the tokens of `text` (those of
/// [`crate::token::tokenize`]) are written there (cleared first).
pub(crate) fn build_units_text(
    text: &str,
    units: &mut Vec<Unit>,
    chunk: &mut Vec<(usize, usize, TokenKind)>,
    words: &mut WordCache,
    record: Option<&mut Vec<TokenRec>>,
) {
    let mut b = Builder::new(text, units, chunk, words);
    if let Some(r) = record {
        r.clear();
        b.record = Some(r);
    }
    let bytes = text.as_bytes();
    let n = bytes.len();
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let mut p = 0;
    let mut newline = false;
    loop {
        // One space between two pieces, the common case; else any run.
        if bytes.get(p) == Some(&b' ') && at(p + 1) > b' ' {
            p += 1;
        } else {
            while p < n && ascii_space(bytes[p]) {
                newline |= bytes[p] == b'\n';
                p += 1;
            }
        }
        if p >= n {
            break;
        }
        let start = p;
        // A syllable of at most 8 bytes the cache knows as letters only,
        // followed by whitespace or the end: no byte loop. The first byte
        // below 0x21 of the 8 read (exact for the lowest one) ends it.
        if let Some(w) = bytes
            .get(p..p + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
        {
            let x = u64::from_le_bytes(w);
            const ONES: u64 = 0x0101_0101_0101_0101;
            let low = x.wrapping_sub(ONES * 0x21) & !x & (ONES * 0x80);
            let len = if low == 0 {
                8
            } else {
                (low.trailing_zeros() / 8) as usize
            };
            let after = p + len;
            if len > 0 && (after == n || ascii_space(bytes[after])) {
                let tag = x & (u64::MAX >> (64 - 8 * len));
                if let Some(key) = b.words.letters_piece(tag, len) {
                    b.known_word(start, after, newline, key);
                    newline = false;
                    p = after;
                    continue;
                }
                // Digits only: one number token.
                if (x as u8).is_ascii_digit() && w[..len].iter().all(u8::is_ascii_digit) {
                    b.token((start, after, TokenKind::Number), start > 0, newline);
                    newline = false;
                    p = after;
                    continue;
                }
                // The same syllable with one punctuation mark glued after
                // (`Nội,`, and `đồng.` when the word has more than three
                // letters, so is no abbreviation) or before (`(Hà`): the
                // two units the tokenizer and `flush_chunk` give.
                if len >= 2 {
                    let (last, first) = (bytes[after - 1], bytes[p]);
                    let mask = u64::MAX >> (72 - 8 * len);
                    let glued = if matches!(last, b',' | b';' | b')' | b'!' | b'?')
                        || (last == b'.' && chars_in(x & mask, len - 1) > 3)
                    {
                        b.words
                            .letters_piece(x & mask, len - 1)
                            .map(|k| (start, after - 1, k, after - 1))
                    } else if matches!(first, b'(' | b'"') {
                        b.words
                            .letters_piece((x >> 8) & mask, len - 1)
                            .map(|k| (start + 1, after, k, start))
                    } else {
                        None
                    };
                    if let Some((ws, we, key, mark)) = glued {
                        b.word_and_mark(start, (ws, we, key), mark, newline);
                        newline = false;
                        p = after;
                        continue;
                    }
                }
            }
        }
        let mut letters = true;
        while p < n {
            let x = bytes[p];
            if x < 0x80 {
                if ascii_space(x) {
                    break;
                }
                letters &= x.is_ascii_alphabetic();
                p += 1;
            } else if (0xC3..=0xC9).contains(&x) {
                // U+00C0..U+027F: letters up to U+024F, but × and ÷.
                let cp = ((x & 0x1F) as u32) << 6 | (at(p + 1) & 0x3F) as u32;
                letters &= cp <= 0x24F && cp != 0xD7 && cp != 0xF7;
                p += 2;
            } else if x == 0xE1 && (0xB8..=0xBB).contains(&at(p + 1)) {
                // U+1E00..U+1EFF.
                p += 3;
            } else {
                letters = false;
                p += 1;
            }
        }
        let end = p.min(n);
        if letters {
            b.token((start, end, TokenKind::Word), start > 0, newline);
            newline = false;
            continue;
        }
        let mut first = true;
        for t in crate::token::tokenize(&text[start..end]) {
            let tok = (start + t.span.start, start + t.span.end, t.kind);
            if first {
                b.token(tok, start > 0 || t.space_before, newline);
                first = false;
                newline = false;
            } else {
                b.token(tok, t.space_before, t.newline_before);
            }
        }
    }
    b.flush();
}

/// Whether the gap after unit `i` is decided by the model.
#[inline]
pub(crate) fn is_open(units: &[Unit], i: usize) -> bool {
    i + 1 < units.len() && units[i].joinable && units[i + 1].joinable && !units[i + 1].hard_before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_cache_is_transparent() {
        let mut c = WordCache::default();
        for round in 0..2 {
            for w in [
                "công",
                "Công",
                "CÔNG",
                "người",
                "trường",
                "nguyễn",
                "a",
                "TP",
                "xyzxyzxyz",
                "hoà",
                "hòa",
                "",
                "₫",
            ] {
                assert_eq!(c.get(w, 0, w.len()), word_key(w), "{w} (round {round})");
                // Inside a longer text (the tag is read 8 bytes at a time).
                let t = format!("{w} công tác xyz");
                assert_eq!(c.get(&t, 0, w.len()), word_key(w), "{w} in text");
                let t = format!("xy {w}");
                assert_eq!(c.get(&t, 3, t.len()), word_key(w), "{w} at the end");
            }
        }
        let get = |c: &mut WordCache, w: &str| c.get(w, 0, w.len());
        assert_eq!(get(&mut c, "hoà").0, get(&mut c, "hòa").0);
        assert_ne!(get(&mut c, "Công").1, get(&mut c, "công").1);
    }

    /// The tokens `build_units_text` records are those of the tokenizer,
    /// through all its paths (cache hits with and without a glued mark,
    /// misses, tokenized pieces, line breaks, invisible characters), in a
    /// second round with a warm cache.
    #[test]
    fn recorded_tokens_are_the_tokenizers() {
        let texts = [
            "Công ty (Hà Nội) họp, bàn; xong! Sao? \"Vâng\" ok",
            "  \n\nHà Nội,\r\n(Hà Nội) \u{200B} \n TP.HCM ngày 26/12, 95%",
            "công\u{0301} tác\u{00A0}dân vận v.v. Nội,, ((Hà \"\"x x\"",
            "xyzxyzxyz, ab; c) (d ",
            "",
            " ",
            "a",
        ];
        let mut cache = WordCache::default();
        let (mut units, mut chunk, mut rec) = (Vec::new(), Vec::new(), Vec::new());
        for round in 0..2 {
            for t in texts {
                build_units_text(t, &mut units, &mut chunk, &mut cache, Some(&mut rec));
                let want: Vec<TokenRec> = crate::token::tokenize(t)
                    .map(|k| {
                        (
                            k.span.start,
                            k.span.end,
                            k.kind,
                            k.space_before,
                            k.newline_before,
                        )
                    })
                    .collect();
                assert_eq!(rec, want, "{t:?} (round {round})");
            }
        }
    }
}
