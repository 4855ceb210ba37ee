//! The word conventions of the segmenter: UD Vietnamese-VTB (the model's own)
//! and VLSP 2013 / VietTreebank, reached from the UD words by one joining
//! pass over the lexicons of [`crate::lex`].

use std::fmt;
use std::str::FromStr;

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::units::Unit;
use super::{Word, WordKind};
use crate::lex::matcher::BUILTIN;
use crate::lex::{
    law_end, looks_person, person_len, territory_kw, Analysis, Lex, LexSet, TokenKeys, HEAD_NAME,
    NAME_VERB,
};
use crate::token::Token;

/// Which treebank's idea of a word the segmenter follows.
///
/// * [`Convention::Ud`] (the default): UD Vietnamese-VTB, what the model
///   was trained on. Person and place names are one word; the names of
///   organisations, laws and doctrines are split into their dictionary
///   words: `Bộ Chính_trị`, `Luật Đất_đai`, `chủ_nghĩa xã_hội`.
/// * [`Convention::Vlsp`]: VLSP 2013 / VietTreebank (Nguyen et al. 2009),
///   the input RDRsegmenter, VnCoreNLP and PhoBERT expect. The UD words
///   are kept, and a pass joins consecutive words into one when together
///   they are
///   1. the name of an organisation or body: a capitalised head from
///      `data/extract/org_heads.txt` (`Bộ`, `Sở`, `Viện`, `Ủy ban`,
///      `Công ty` …) with the capitalised words of its name, `và` between
///      two of them (`Bộ_Giáo_dục_và_Đào_tạo`), or a unique body of
///      `bodies.txt` (`Bộ_Chính_trị`, `Ban_Chấp_hành_Trung_ương`). The name
///      stops before a person's name, an office word, a territory word and
///      a known place, which stay words of their own (`Sở_Y_tế Hà_Nội`,
///      `Ủy_ban_nhân_dân tỉnh Nam_Định`);
///   2. the title of a law: a capitalised `Luật` or `Pháp lệnh` before a
///      capitalised word, up to the words that end a title (`số`, `năm`,
///      `được` … of `org_words.txt`): `Luật_Bảo_vệ_môi_trường năm 2020`;
///   3. a doctrine or long fixed term of `data/segment/vlsp_terms.txt`,
///      in any case: `chủ_nghĩa_xã_hội`, `tư_tưởng_Hồ_Chí_Minh`,
///      `ủy_ban_nhân_dân`.
///
///   Person names are one word in both conventions. A join never crosses a
///   line break or punctuation (except inside a phrase of
///   `vlsp_terms.txt` that has it, `chủ_nghĩa_Mác_-_Lênin`), never starts
///   or ends inside a UD word, and never splits one: every VLSP word is a
///   run of whole UD words. All-capital headlines join terms only.
///
/// ```
/// use vntext::{Convention, Segmenter};
/// let text = "Bộ Chính trị và Ban Chấp hành Trung ương đã họp.";
/// let words = |c| -> Vec<String> {
///     let seg = Segmenter::builder().convention(c).build().unwrap();
///     seg.segment(text).iter().map(|w| w.text.replace(' ', "_")).collect()
/// };
/// assert!(words(Convention::Ud).contains(&"Bộ".to_string()));
/// assert_eq!(
///     words(Convention::Vlsp),
///     ["Bộ_Chính_trị", "và", "Ban_Chấp_hành_Trung_ương", "đã", "họp", "."]
/// );
/// assert_eq!("vlsp".parse::<Convention>().unwrap(), Convention::Vlsp);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Convention {
    /// UD Vietnamese-VTB (the default).
    #[default]
    Ud,
    /// VLSP 2013 / VietTreebank: names of organisations, laws and
    /// doctrines, and long fixed terms, are one word.
    Vlsp,
}

impl Convention {
    /// Every convention, in the order of [`Convention::as_str`]'s names.
    pub const ALL: [Convention; 2] = [Convention::Ud, Convention::Vlsp];

    /// The name: `"ud"` or `"vlsp"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Convention::Ud => "ud",
            Convention::Vlsp => "vlsp",
        }
    }
}

impl fmt::Display for Convention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Convention {
    type Err = crate::Error;

    /// Reads `ud` or `vlsp` (any case); the error lists the names.
    fn from_str(s: &str) -> crate::Result<Convention> {
        Convention::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                crate::Error::new(
                    crate::ErrorKind::BadOption,
                    format!("unknown convention {s:?}: expected ud or vlsp"),
                )
            })
    }
}

/// The lexicons a VLSP word can start with (a term, a law's title, a body,
/// an organisation's head): [`View::word_at`] joins nothing at a word whose
/// first token begins none of their phrases.
const STARTS: LexSet = LexSet::of(&[Lex::VlspTerm, Lex::LawTitle, Lex::Body, Lex::Head]);

/// The segmenter's key hashes of the keys that begin a phrase of
/// [`STARTS`].
static START_KEYS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    BUILTIN
        .first_keys(STARTS)
        .map(super::lexicon::hash_key_str)
        .collect()
});

/// Whether the joining pass can change the words of `units`: some unit of
/// Vietnamese letters has the key of a phrase's first token of [`STARTS`].
/// A word the pass reads starts with such a unit (a word of kind
/// [`WordKind::Word`] is made of them), whose key hash is that of its one
/// token's key; so when none has, [`join_vlsp`] would keep every word and
/// is not run.
pub(super) fn may_join(units: &[Unit]) -> bool {
    let keys = &*START_KEYS;
    units
        .iter()
        .any(|u| u.kind == WordKind::Word && keys.contains(&u.key))
}

/// Joins the UD words of `text` (which tile its tokens) into VLSP words;
/// `tokens` are the tokens of `text`.
pub(super) fn join_vlsp<'a>(text: &'a str, tokens: &[Token<'a>], words: &mut Vec<Word<'a>>) {
    if words.len() < 2 {
        return;
    }
    // `first[w]`: the first token of word `w`; `first[n]`: the token count.
    let mut first = Vec::with_capacity(words.len() + 1);
    let mut t = 0;
    for w in words.iter() {
        while t < tokens.len() && tokens[t].span.start < w.span.start {
            t += 1;
        }
        if tokens
            .get(t)
            .is_none_or(|tok| tok.span.start != w.span.start)
        {
            // Words that do not start on tokens: not the model's output.
            return;
        }
        first.push(t);
    }
    first.push(tokens.len());
    let keys = TokenKeys::new(tokens, &BUILTIN);
    let a = keys.all();
    let mut joins: Vec<(usize, usize)> = Vec::new();
    {
        let v = View {
            a: &a,
            words,
            first: &first,
        };
        let mut w = 0;
        while w < words.len() {
            let e = v.word_at(w);
            if e > w + 1 {
                joins.push((w, e));
                w = e;
            } else {
                w += 1;
            }
        }
    }
    if joins.is_empty() {
        return;
    }
    // Compact in place: words before a join move down, a join becomes one.
    let (mut read, mut write) = (0, 0);
    for (s, e) in joins {
        while read < s {
            words.swap(write, read);
            read += 1;
            write += 1;
        }
        let span = words[s].span.start..words[e - 1].span.end;
        let kind = if words[s..e]
            .iter()
            .all(|w| matches!(w.kind, WordKind::Word | WordKind::Punct))
        {
            WordKind::Word
        } else {
            WordKind::Foreign
        };
        words[write] = Word {
            text: &text[span.clone()],
            span,
            kind,
        };
        write += 1;
        read = e;
    }
    while read < words.len() {
        words.swap(write, read);
        read += 1;
        write += 1;
    }
    words.truncate(write);
}

/// The UD words with their tokens and lexicon facts.
struct View<'v, 't, 'a> {
    a: &'v Analysis<'t, 'a>,
    words: &'v [Word<'a>],
    first: &'v [usize],
}

/// Upper bound on the words of an organisation's name after its head.
const MAX_NAME_WORDS: usize = 10;

impl View<'_, '_, '_> {
    /// Exclusive end (a word index) of the VLSP word starting with word
    /// `w`: `w + 1` when nothing joins.
    fn word_at(&self, w: usize) -> usize {
        let a = self.a;
        let i = self.first[w];
        let mut best = w + 1;
        if self.words[w].kind != WordKind::Word {
            return best;
        }
        if let Some((n, _)) = a.longest(i, Lex::VlspTerm) {
            if let Some(e) = self.boundary(w, i + n) {
                if self.on_one_line(w, e) {
                    best = best.max(e);
                }
            }
        }
        // Not in capitals: a headline ("SỞ HỮU TOÀN DÂN") is no name;
        // an abbreviated head before a name is ("UBND Thành phố").
        let capitals = a.toks[i].upper && a.toks.get(i + 1).is_some_and(|t| t.upper);
        if a.is_cap(i) && !a.caps_line(i) && !capitals {
            if let Some(e) = self.law(w) {
                best = best.max(e);
            }
            if let Some(e) = self.org(w) {
                best = best.max(e);
            }
        }
        best
    }

    /// The word index whose first token is `tok`, after `w` (None when
    /// `tok` falls inside a word).
    fn boundary(&self, w: usize, tok: usize) -> Option<usize> {
        let mut k = w + 1;
        while k < self.words.len() && self.first[k] < tok {
            k += 1;
        }
        (self.first[k] == tok).then_some(k)
    }

    /// Whether words `w..e` lie on one line.
    fn on_one_line(&self, w: usize, e: usize) -> bool {
        (w + 1..e).all(|k| !self.a.tokens[self.first[k]].newline_before)
    }

    /// The first word after `w` and before `e` that is not a word or a
    /// foreign word, or is not preceded by a space on the same line: where
    /// a join of a law or a name stops.
    fn plain_end(&self, w: usize, e: usize) -> usize {
        (w + 1..e).find(|&k| !self.spaced_word(k)).unwrap_or(e)
    }

    /// Word `k` is a word or foreign word after a space on the same line.
    fn spaced_word(&self, k: usize) -> bool {
        let t = &self.a.tokens[self.first[k]];
        matches!(self.words[k].kind, WordKind::Word | WordKind::Foreign)
            && t.space_before
            && !t.newline_before
    }

    /// The title of a law starting at word `w`: its exclusive end.
    fn law(&self, w: usize) -> Option<usize> {
        let a = self.a;
        let i = self.first[w];
        let (n, _) = a.longest(i, Lex::LawTitle)?;
        if !(a.is_cap(i + n) && a.sp(i + n)) {
            return None;
        }
        let end = law_end(a, i);
        // The last word boundary at or before the title's end.
        let mut k = w + 1;
        while k < self.words.len() && self.first[k + 1] <= end {
            k += 1;
        }
        // Inside the title, a lowercase word of one syllable is a function
        // word of the sentence ("Luật Nghĩa vụ quân sự | thì …") unless it
        // ends the title ("Luật Tài nguyên nước năm 2012").
        let k = (w + 1..k)
            .find(|&j| {
                let t = self.first[j];
                !a.is_cap(t) && self.first[j + 1] == t + 1 && j + 1 < k
            })
            .unwrap_or(k);
        Some(self.plain_end(w, k))
    }

    /// An organisation's name starting at word `w`: its exclusive end.
    fn org(&self, w: usize) -> Option<usize> {
        let a = self.a;
        let i = self.first[w];
        if looks_person(a, i)
            || person_len(a, i) >= 2
            || a.longest(i, Lex::Place).is_some()
            || i > 0 && a.is(i - 1, Lex::Street)
            || a.seq(i.wrapping_sub(1), i + 1, Lex::NotHead).is_some()
        {
            return None;
        }
        let mut best = None;
        if let Some((n, _)) = a.longest(i, Lex::Body) {
            best = self.boundary(w, i + n);
        }
        // An office word is no head: "Vụ trưởng" (also written "Vụ
        // Trưởng") is not the department "Vụ".
        let office = a.longest(i, Lex::Role).map_or(0, |(r, _)| r);
        if let Some((n, class)) = a.longest(i, Lex::Head).filter(|&(n, _)| n >= office) {
            // The head ends on a word boundary, or inside the first word
            // right before a capitalised word: the UD word already holds
            // the head and the start of its name (`Bộ_Giáo_dục`), not a
            // compound that starts like a head (`Hội_nghị`).
            let h = i + n;
            let head_end = match self.boundary(w, h) {
                Some(hw) => Some((hw, false)),
                None if h < self.first[w + 1] && a.is_cap(h) => Some((w + 1, true)),
                None => None,
            };
            if let Some((hw, named)) = head_end {
                let e = self.name(hw, named);
                if e > hw || class != HEAD_NAME && hw > w + 1 {
                    best = best.max(Some(e));
                }
            }
        }
        best.map(|e| self.plain_end(w, e))
    }

    /// The words of a name after a head ending before word `hw` (`named`:
    /// the name has started inside the head's word): the exclusive end.
    fn name(&self, hw: usize, named: bool) -> usize {
        let a = self.a;
        let n = self.words.len();
        let mut k = hw;
        while k < n && k < hw + MAX_NAME_WORDS && self.spaced_word(k) {
            let t = self.first[k];
            if a.is_cap(t) && !a.caps_line(t) {
                if self.ends_name(t) {
                    break;
                }
                k += 1;
                continue;
            }
            // "Bộ Giao thông vận tải": a lowercase name word of
            // name_words.txt, not a verb-like one, after a capitalised word.
            if k > hw || named {
                if let Some((m, tag)) = a.longest(t, Lex::NameWord) {
                    if tag != NAME_VERB
                        && territory_kw(a, t).is_none()
                        && a.longest(t, Lex::VlspStop).is_none()
                    {
                        if let Some(e) = self.boundary(k, t + m) {
                            if (k + 1..e).all(|j| self.spaced_word(j)) {
                                k = e;
                                continue;
                            }
                        }
                    }
                }
            }
            // "Bộ Giáo dục và Đào tạo": "và" between two capitalised words.
            let and = self.first[k + 1] == t + 1 && a.is(t, Lex::And);
            if and && (k > hw || named) && k + 1 < n && self.spaced_word(k + 1) {
                let u = self.first[k + 1];
                if a.is_cap(u)
                    && !self.ends_name(u)
                    && a.longest(u, Lex::Head).is_none()
                    && a.longest(u, Lex::Body).is_none()
                {
                    k += 2;
                    continue;
                }
            }
            break;
        }
        k
    }

    /// Whether a capitalised token `t` ends a name before it: a person, an
    /// office word, a deputy, a territory word or a known place.
    fn ends_name(&self, t: usize) -> bool {
        let a = self.a;
        looks_person(a, t)
            || person_len(a, t) >= 2
            || a.longest(t, Lex::Place).is_some()
            || a.longest(t, Lex::Role).is_some()
            || territory_kw(a, t).is_some()
            || a.is(t, Lex::Deputy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick test lets the pass run on texts it changes, and skips a
    /// text without the first key of any phrase it joins.
    #[test]
    fn may_join_sees_the_starts_of_joins() {
        let units = |t: &str| {
            let mut s = super::super::model::Scratch::default();
            super::super::model::build_units_text(t, &mut s, false);
            s.units
        };
        for t in [
            "Bộ Chính trị họp",
            "theo Luật Đất đai năm 2013",
            "xây dựng chủ nghĩa xã hội",
            "ông ấy làm ở Sở Y tế",
        ] {
            assert!(may_join(&units(t)), "{t}");
        }
        assert!(!may_join(&units("trời hôm nay đẹp quá")));
    }

    #[test]
    fn names_parse_and_print() {
        for c in Convention::ALL {
            assert_eq!(c.as_str().parse::<Convention>().unwrap(), c);
            assert_eq!(c.to_string(), c.as_str());
        }
        assert_eq!("VLSP".parse::<Convention>().unwrap(), Convention::Vlsp);
        let e = "vtb".parse::<Convention>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown convention \"vtb\": expected ud or vlsp"
        );
    }
}
