//! One matcher for every lexicon: a trie over the lookup keys of the
//! phrases' tokens.
//!
//! Every key that occurs in some phrase gets a small integer id; a text's
//! tokens are keyed and looked up once ([`super::TokenKeys`]), and from then
//! on every question is asked on ids: "which lexicons have a phrase starting
//! with this token", "the longest phrase of lexicon L starting here", "is
//! this exact token sequence a phrase of L". The first step from the root is
//! an array lookup by id; deeper steps are one hash lookup each, and every
//! node knows which lexicons end at it and which end deeper, so a walk stops
//! as soon as the lexicon asked for cannot match.

// Values, last keys and phrase lengths serve the DATE and DOCREF lexicons,
// which move onto the matcher in the next steps.
#![allow(dead_code)]

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::data::{bad_line, parse, FileSpec, Lex, LexSet, Line, FILES};
use crate::Result;

/// Id of a key; [`NO_ID`] for keys that occur in no phrase.
pub(crate) type KeyId = u32;

/// The id of keys that occur in no phrase.
pub(crate) const NO_ID: KeyId = u32::MAX;

/// A node of the trie (index into [`Matcher::nodes`]); the root is 0, which
/// is never a child, so 0 also means "no node".
pub(crate) type NodeId = u32;

/// What a lexicon says about a phrase: its class and value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    /// The lexicon.
    pub lex: Lex,
    /// The phrase's class in the lexicon.
    pub class: u8,
    /// Index of the phrase's value in [`Matcher::value`].
    pub value: u32,
}

#[derive(Clone, Debug, Default)]
struct Node {
    /// Lexicons with a phrase ending at this node.
    ends: LexSet,
    /// Lexicons with a phrase ending strictly below this node.
    deeper: LexSet,
    /// Range of this node's hits in [`Matcher::hits`].
    hits: (u32, u32),
}

/// The compiled lexicons.
pub(crate) struct Matcher {
    /// Unique among the matchers of the process (the per-thread key cache
    /// of [`super::analysis`] is tagged with it).
    uid: u64,
    ids: FxHashMap<Box<str>, KeyId>,
    nodes: Vec<Node>,
    /// Root child of each key id (0: none).
    first: Vec<NodeId>,
    /// `(node << 32 | id)` → child, below the first level.
    edges: FxHashMap<u64, NodeId>,
    hits: Vec<Hit>,
    values: Vec<Cow<'static, str>>,
    /// Per key id: lexicons with a phrase whose last key it is.
    last: Vec<LexSet>,
    /// Per lexicon: number of tokens of its longest phrase.
    max_len: Vec<u8>,
    /// Per lexicon: the values of its phrases.
    by_lex: Vec<Vec<u32>>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("keys", &self.ids.len())
            .field("nodes", &self.nodes.len())
            .field("phrases", &self.hits.len())
            .finish()
    }
}

/// Where a phrase came from, for duplicate errors.
#[derive(Clone, Debug)]
struct Origin {
    file: String,
    line: usize,
}

/// Builds a [`Matcher`].
#[derive(Default)]
pub(crate) struct MatcherBuilder {
    ids: FxHashMap<Box<str>, KeyId>,
    /// Children of each node.
    children: Vec<FxHashMap<KeyId, NodeId>>,
    /// Per node: (hit, origin).
    hits: Vec<Vec<(Hit, Origin)>>,
    values: Vec<Cow<'static, str>>,
    last: Vec<LexSet>,
    max_len: Vec<u8>,
}

impl MatcherBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        MatcherBuilder {
            children: vec![FxHashMap::default()],
            hits: vec![Vec::new()],
            max_len: vec![0; Lex::COUNT],
            ..Default::default()
        }
    }

    fn id(&mut self, key: &str) -> KeyId {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.ids.len() as KeyId;
        self.ids.insert(key.into(), id);
        self.last.push(LexSet::EMPTY);
        id
    }

    /// Adds the lines of one file. `value` turns the text of a value (or of
    /// the phrase, when the line gives none) into the stored value.
    /// `replace`: a phrase already in a lexicon from an earlier file takes
    /// this line's class and value (user additions); otherwise that is an
    /// error, as is a phrase listed twice in one file.
    pub fn add<'s>(
        &mut self,
        file: &str,
        lines: &[Line<'s>],
        value: impl Fn(&'s str) -> Cow<'static, str>,
        replace: bool,
    ) -> Result<()> {
        let mut key = String::new();
        for l in lines {
            let mut ids = Vec::new();
            for t in crate::token::tokenize(l.phrase) {
                key.clear();
                crate::key::push_key(t.text, &mut key);
                ids.push(self.id(&key));
            }
            let Some(&last) = ids.last() else {
                return Err(bad_line(file, l.line, "no word"));
            };
            if ids.len() > u8::MAX as usize {
                return Err(bad_line(file, l.line, "phrase too long"));
            }
            let mut node = 0usize;
            for &id in &ids {
                node = match self.children[node].get(&id) {
                    Some(&n) => n as usize,
                    None => {
                        let n = self.children.len();
                        self.children.push(FxHashMap::default());
                        self.hits.push(Vec::new());
                        self.children[node].insert(id, n as NodeId);
                        n
                    }
                };
            }
            let v = self.values.len() as u32;
            self.values.push(value(l.value.unwrap_or(l.phrase)));
            for &(lex, class) in &l.tags {
                let hit = Hit {
                    lex,
                    class,
                    value: v,
                };
                let origin = Origin {
                    file: file.to_string(),
                    line: l.line,
                };
                match self.hits[node].iter_mut().find(|(h, _)| h.lex == lex) {
                    Some((old, o)) if replace && o.file != file => {
                        *old = hit;
                        *o = origin;
                    }
                    Some((_, o)) => {
                        return Err(bad_line(
                            file,
                            l.line,
                            format!(
                                "{:?} is already listed ({}:{}) with the same keys",
                                l.phrase, o.file, o.line
                            ),
                        ))
                    }
                    None => self.hits[node].push((hit, origin)),
                }
                self.last[last as usize].insert(lex);
                let m = &mut self.max_len[lex as usize];
                *m = (*m).max(ids.len() as u8);
            }
        }
        Ok(())
    }

    /// The compiled matcher.
    pub fn build(self) -> Matcher {
        let n = self.children.len();
        let mut nodes = vec![Node::default(); n];
        let mut hits = Vec::new();
        for (k, hs) in self.hits.iter().enumerate() {
            let start = hits.len() as u32;
            for (h, _) in hs {
                nodes[k].ends.insert(h.lex);
                hits.push(*h);
            }
            nodes[k].hits = (start, hits.len() as u32);
        }
        // Children always have larger indices than their parent, so one
        // backward pass gathers what ends below each node.
        for k in (0..n).rev() {
            let mut below = LexSet::EMPTY;
            for &c in self.children[k].values() {
                let c = &nodes[c as usize];
                below = below.union(c.ends).union(c.deeper);
            }
            nodes[k].deeper = below;
        }
        let mut first = vec![0; self.ids.len()];
        for (&id, &c) in &self.children[0] {
            first[id as usize] = c;
        }
        let mut by_lex = vec![Vec::new(); Lex::COUNT];
        for h in &hits {
            by_lex[h.lex as usize].push(h.value);
        }
        let mut edges = FxHashMap::default();
        for (k, ch) in self.children.iter().enumerate().skip(1) {
            for (&id, &c) in ch {
                edges.insert((k as u64) << 32 | id as u64, c);
            }
        }
        static NEXT_UID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Matcher {
            uid: NEXT_UID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            ids: self.ids,
            nodes,
            first,
            edges,
            hits,
            values: self.values,
            last: self.last,
            max_len: self.max_len,
            by_lex,
        }
    }
}

impl Matcher {
    /// Compiles the embedded files plus `extra` lines (user additions, which
    /// replace the class and value of a phrase already listed).
    pub fn with(extra: &[(&FileSpec, String, String)]) -> Result<Matcher> {
        let mut b = MatcherBuilder::new();
        for f in FILES {
            let lines = parse(f.name, f.text, f)?;
            b.add(f.name, &lines, Cow::Borrowed, false)?;
        }
        for (spec, name, text) in extra {
            let lines = parse(name, text, spec)?;
            b.add(name, &lines, |s| Cow::Owned(s.to_string()), true)?;
        }
        Ok(b.build())
    }

    /// This matcher's process-unique number (never 0).
    #[inline]
    pub fn uid(&self) -> u64 {
        self.uid
    }

    /// The id of `key` ([`NO_ID`] when no phrase has it).
    #[inline]
    pub fn id(&self, key: &str) -> KeyId {
        self.ids.get(key).copied().unwrap_or(NO_ID)
    }

    /// The node of the one-token phrase prefix `id` (0: none).
    #[inline]
    pub fn first(&self, id: KeyId) -> NodeId {
        self.first.get(id as usize).copied().unwrap_or(0)
    }

    /// The child of `node` by `id` (0: none).
    #[inline]
    pub fn step(&self, node: NodeId, id: KeyId) -> NodeId {
        if node == 0 {
            return self.first(id);
        }
        if id == NO_ID {
            return 0;
        }
        self.edges
            .get(&((node as u64) << 32 | id as u64))
            .copied()
            .unwrap_or(0)
    }

    /// Lexicons with a phrase ending at `node`.
    #[inline]
    pub fn ends(&self, node: NodeId) -> LexSet {
        self.nodes[node as usize].ends
    }

    /// Lexicons with a phrase ending at `node` or below it.
    #[inline]
    pub fn reach(&self, node: NodeId) -> LexSet {
        let n = &self.nodes[node as usize];
        n.ends.union(n.deeper)
    }

    /// Lexicons with a phrase ending strictly below `node`.
    #[inline]
    pub fn deeper(&self, node: NodeId) -> LexSet {
        self.nodes[node as usize].deeper
    }

    /// What `lex` says about the phrase ending at `node`.
    #[inline]
    pub fn hit(&self, node: NodeId, lex: Lex) -> Option<Hit> {
        let n = &self.nodes[node as usize];
        if !n.ends.has(lex) {
            return None;
        }
        self.hits[n.hits.0 as usize..n.hits.1 as usize]
            .iter()
            .find(|h| h.lex == lex)
            .copied()
    }

    /// The value of a hit.
    pub fn value(&self, h: Hit) -> &Cow<'static, str> {
        &self.values[h.value as usize]
    }

    /// Lexicons with a phrase whose last key has id `id`.
    #[inline]
    pub fn last(&self, id: KeyId) -> LexSet {
        self.last.get(id as usize).copied().unwrap_or_default()
    }

    /// The values of the phrases of `lex` (each phrase as written, unless
    /// its line gives a value), for the few lexicons matched inside words.
    pub fn phrases(&self, lex: Lex) -> impl Iterator<Item = &str> {
        self.by_lex[lex as usize]
            .iter()
            .map(|&v| &*self.values[v as usize])
    }

    /// The keys that begin a phrase of one of the lexicons `lexs` (for a
    /// caller's quick test of whether a text can hold such a phrase).
    pub fn first_keys(&self, lexs: LexSet) -> impl Iterator<Item = &str> {
        self.ids
            .iter()
            .filter(move |&(_, &id)| {
                let node = self.first(id);
                node != 0 && self.reach(node).meets(lexs)
            })
            .map(|(k, _)| &**k)
    }

    /// Number of tokens of the longest phrase of `lex`.
    #[inline]
    pub fn max_len(&self, lex: Lex) -> usize {
        self.max_len[lex as usize] as usize
    }
}

/// The matcher of the embedded files. A file that does not load is a
/// build bug: the panic names the file and line (a unit test loads every
/// file, so it never reaches a user).
pub(crate) static BUILTIN: LazyLock<Matcher> = LazyLock::new(|| match Matcher::with(&[]) {
    Ok(m) => m,
    Err(e) => panic!("vntext: an embedded lexicon of data/extract/ is malformed: {e}"),
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::data::{ROLE_COMP, ROLE_PLAIN};

    fn roles() -> &'static FileSpec {
        FILES.iter().find(|f| f.name == "roles.txt").unwrap()
    }

    fn walk(m: &Matcher, words: &[&str]) -> NodeId {
        let mut node = 0;
        for w in words {
            node = m.step(node, m.id(&crate::key::key(w)));
            if node == 0 {
                break;
            }
        }
        node
    }

    #[test]
    fn the_embedded_files_compile() {
        let m = &*BUILTIN;
        let n = walk(m, &["Bí", "thư"]);
        assert_eq!(m.hit(n, Lex::Role).map(|h| h.class), Some(ROLE_PLAIN));
        // Tone placement and case do not matter.
        let n = walk(m, &["UỶ", "VIÊN"]);
        assert_eq!(m.hit(n, Lex::Role).map(|h| h.class), Some(ROLE_COMP));
        assert!(m.deeper(walk(m, &["bí"])).has(Lex::Role));
        assert!(m.ends(walk(m, &["Nguyễn"])).has(Lex::Family));
        assert_eq!(walk(m, &["xyzzy"]), 0);
    }

    #[test]
    fn a_phrase_twice_in_one_lexicon_is_an_error() {
        let mut b = MatcherBuilder::new();
        let lines = parse("t.txt", "ủy viên\nbí thư\nuỷ viên|comp\n", roles()).unwrap();
        let e = b.add("t.txt", &lines, Cow::Borrowed, false).unwrap_err();
        assert!(e.to_string().starts_with("t.txt:3:"), "{e}");
        assert!(e.to_string().contains("t.txt:1"), "{e}");
    }

    #[test]
    fn user_lines_replace_a_class() {
        let extra = [(roles(), "user".to_string(), "ủy viên\n".to_string())];
        let m = Matcher::with(&extra).unwrap();
        let n = walk(&m, &["ủy", "viên"]);
        assert_eq!(m.hit(n, Lex::Role).map(|h| h.class), Some(ROLE_PLAIN));
    }
}
