//! Entity extraction: officials, titles, organizations, dates and document
//! references, with links from officials to their titles.
//!
//! Each entity type is found by its own recognizer (one module each) over the
//! tokens of the text; recognizers never rewrite the text, so every
//! [`Entity::span`] is a byte range of the caller's input. Spans of different
//! types may nest (the DATE inside a DOCREF), spans of one type never overlap.
//! The conventions are those of the project's `ENTITIES.md`.
//!
//! # Layout
//!
//! | module | finds |
//! |---|---|
//! | `date/` | DATE: prefixes and entry (`mod.rs`), the forms after each unit word (`forms.rs`), numbers (`numeric.rs`), context rules for bare numbers (`context.rs`) |
//! | `docref/` | DOCREF: type word and entry (`mod.rs`), the symbol after the number (`symbol.rs`), the issuing body after "của" (`issuer.rs`) |
//! | `title.rs` | TITLE, and the line driver of TITLE and ORGANIZATION |
//! | `organization.rs` | ORGANIZATION: the grammar of organisation names |
//! | `person.rs` | OFFICIAL |
//! | `link.rs` | links from officials to titles |
//! | `lex/` | shared: the lexicon files and their checked format (`data.rs`), the one matcher they compile into (`matcher.rs`), the tokens of a text keyed once (`analysis.rs`), predicates used by several recognizers (`mod.rs`) |
//! | `builder.rs` | [`ExtractorBuilder`]: user lexicons |
//!
//! The grammars are Rust; their words are data: every vocabulary item lives
//! in `data/extract/*.txt` and the grammars name lexicons
//! (`a.word_is(i, Lex::CueBefore)`), never words. Recognizers do not
//! import each other's helpers: what several need lives in `lex`. Two
//! grammars build on another recognizer's entry point: a DOCREF takes the
//! date attached to it (`date::attached`) and a TITLE takes an organisation
//! as its complement (`organization::parse_org`).

use std::fmt;
use std::ops::Range;
use std::str::FromStr;
use std::sync::Arc;

use crate::token::{tokenize, Token};

mod builder;
mod date;
mod docref;
mod link;
mod organization;
mod person;
mod title;

pub use builder::{ExtractorBuilder, Lexicon};

/// The type of an [`Entity`].
///
/// ```
/// use vntext::{EntityKind, Extractor};
/// let out = Extractor::new().extract("Nghị định 30/2020/NĐ-CP");
/// assert_eq!(out.entities[0].kind, EntityKind::DocRef);
/// assert_eq!(out.entities[0].kind.as_str(), "DOCREF");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "UPPERCASE"))]
#[non_exhaustive]
pub enum EntityKind {
    /// A person's name.
    Official,
    /// A position or office ("Phó Bí thư Thường trực Tỉnh ủy").
    Title,
    /// A specific body ("Ban Tuyên giáo Tỉnh ủy", "Bộ Chính trị").
    Organization,
    /// A calendar expression ("Sáng 26/12", "quý I/2023").
    Date,
    /// A numbered document reference ("Nghị định 30/2020/NĐ-CP").
    #[cfg_attr(feature = "serde", serde(rename = "DOCREF"))]
    DocRef,
}

impl EntityKind {
    /// Every kind, in the order of the enum.
    pub const ALL: [EntityKind; 5] = [
        EntityKind::Official,
        EntityKind::Title,
        EntityKind::Organization,
        EntityKind::Date,
        EntityKind::DocRef,
    ];

    /// The name used in JSON output and in `ENTITIES.md`: `OFFICIAL`,
    /// `TITLE`, `ORGANIZATION`, `DATE`, `DOCREF` (also what [`fmt::Display`]
    /// writes and [`str::parse`] reads).
    ///
    /// ```
    /// use vntext::EntityKind;
    /// assert_eq!(EntityKind::DocRef.as_str(), "DOCREF");
    /// assert_eq!(EntityKind::Title.to_string(), "TITLE");
    /// assert_eq!("DATE".parse::<EntityKind>().unwrap(), EntityKind::Date);
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Official => "OFFICIAL",
            EntityKind::Title => "TITLE",
            EntityKind::Organization => "ORGANIZATION",
            EntityKind::Date => "DATE",
            EntityKind::DocRef => "DOCREF",
        }
    }
}

impl fmt::Display for EntityKind {
    /// Writes [`EntityKind::as_str`], honouring width and alignment
    /// (`{:<12}`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for EntityKind {
    type Err = crate::Error;

    /// Parses the name written by [`EntityKind::as_str`] (exactly, upper
    /// case); anything else is [`crate::ErrorKind::BadOption`].
    fn from_str(s: &str) -> crate::Result<EntityKind> {
        EntityKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                crate::Error::new(
                    crate::ErrorKind::BadOption,
                    format!(
                        "unknown entity type {s:?} (expected OFFICIAL, TITLE, ORGANIZATION, DATE or DOCREF)"
                    ),
                )
            })
    }
}

/// The normalized value of a DATE.
///
/// Serializable but not deserializable: `part_of_day` and `weekday` are
/// words of the built-in vocabulary (`&'static str`).
///
/// ```
/// use vntext::extract::{Extractor, Value, Ymd};
/// let ex = Extractor::new().reference_date(Ymd { year: 2023, month: 12, day: 30 });
/// let out = ex.extract("Sáng 26/12, hội nghị khai mạc.");
/// let Value::Date(d) = &out.entities[0].value else { panic!("not a date") };
/// assert_eq!(d.iso, "--12-26");
/// assert_eq!(d.part_of_day, Some("sáng"));
/// assert_eq!(d.resolved.as_deref(), Some("2023-12-26"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DateValue {
    /// ISO 8601 truncated to what is written: `2021-05-18`, `2021-05`,
    /// `2021`, `--12-26` or `--12`.
    pub iso: String,
    /// Part of the day, lowercase ("sáng", "chiều", …), when written.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub part_of_day: Option<&'static str>,
    /// Weekday, lowercase ("thứ hai", "chủ nhật"), when written.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub weekday: Option<&'static str>,
    /// Quarter 1–4 for "quý I/2023".
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub quarter: Option<u8>,
    /// ISO of a range's end ("ngày 20-22/9" → end `--09-22`).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub end: Option<String>,
    /// Full ISO date filled in from the reference date, for year-less forms.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub resolved: Option<String>,
}

/// The parsed fields of a document reference.
///
/// ```
/// use vntext::extract::{Extractor, Value};
/// let out = Extractor::new().extract("Kết luận số 01-KL/TW của Bộ Chính trị");
/// let Value::DocRef(r) = &out.entities[0].value else { panic!("not a docref") };
/// assert_eq!(r.kind.as_deref(), Some("Kết luận"));
/// assert_eq!((r.number.as_str(), r.code.as_deref(), r.issuer.as_deref()), ("01", Some("KL"), Some("TW")));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DocRefValue {
    /// Type word, capitalised ("Nghị quyết"), if written.
    pub kind: Option<String>,
    /// Number as written, leading zeros kept ("01").
    pub number: String,
    /// Year field of the number ("30/2020/NĐ-CP" → "2020").
    pub year: Option<String>,
    /// Type code ("NQ", "QĐ", "KL").
    pub code: Option<String>,
    /// Issuer code ("TW", "CP", "TTg", "QH14"); joint issuers joined with `-`.
    pub issuer: Option<String>,
    /// ISO date of the directly attached date.
    pub date: Option<String>,
    /// Issuing body after "của", as written.
    pub body: Option<String>,
    /// Drafting unit after the issuer ("123/UBND-VX" → "VX").
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub unit: Option<String>,
    /// Document name between type word and number ("Doanh nghiệp").
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub name: Option<String>,
}

/// The parsed parts of a TITLE.
///
/// ```
/// use vntext::extract::{Extractor, Value};
/// use vntext::EntityKind;
/// let out = Extractor::new().extract("Đồng chí Lò Văn Tân, Phó Bí thư Tỉnh ủy, phát biểu.");
/// let title = out.entities.iter().find(|e| e.kind == EntityKind::Title).unwrap();
/// let Value::Title(t) = &title.value else { panic!("not a title") };
/// assert_eq!(t.role, "Phó Bí thư");
/// assert_eq!(t.organization.as_deref(), Some("Tỉnh ủy"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TitleValue {
    /// The office ("Phó Bí thư Thường trực").
    pub role: String,
    /// The attached organisation ("Tỉnh ủy"), if any.
    pub organization: Option<String>,
    /// Marked "nguyên" or "cựu" (former).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub former: bool,
}

/// The typed value of an [`Entity`]. In JSON (feature `serde`) it is the
/// inner object alone: `{"iso": ...}`, `{"kind": ..., "number": ...}`,
/// `{"role": ...}`, `{"name": ...}`, or `{}` for [`Value::Empty`].
///
/// ```
/// use vntext::extract::{Extractor, Value};
/// use vntext::EntityKind;
/// let out = Extractor::new().extract("Bộ Chính trị");
/// assert_eq!(out.entities[0].kind, EntityKind::Organization);
/// assert_eq!(out.entities[0].value, Value::Empty);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
#[non_exhaustive]
pub enum Value {
    /// Value of a DATE.
    Date(DateValue),
    /// Value of a DOCREF.
    DocRef(DocRefValue),
    /// Value of a TITLE.
    Title(TitleValue),
    /// Value of an OFFICIAL: the name in canonical form.
    Official {
        /// The person's name.
        name: String,
    },
    /// No value: an ORGANIZATION (written as `{}` in JSON).
    #[cfg_attr(feature = "serde", serde(serialize_with = "empty_object"))]
    Empty,
}

/// Writes an empty map (`{}` in JSON), the value of [`Value::Empty`].
#[cfg(feature = "serde")]
fn empty_object<S: serde::Serializer>(s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    s.serialize_map(Some(0))?.end()
}

/// One extracted entity.
///
/// ```
/// use vntext::{EntityKind, Extractor};
/// let text = "Ngày 18/5/2021, Bộ Chính trị họp.";
/// let e = &Extractor::new().extract(text).entities[0];
/// assert_eq!((e.kind, e.span.clone(), e.text), (EntityKind::Date, 0..15, "Ngày 18/5/2021"));
/// assert_eq!(&text[e.span.clone()], e.text);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity<'a> {
    /// Its type.
    pub kind: EntityKind,
    /// Byte range in the input.
    pub span: Range<usize>,
    /// `&input[span]`.
    pub text: &'a str,
    /// Its normalized value.
    pub value: Value,
}

#[cfg(feature = "serde")]
impl serde::Serialize for Entity<'_> {
    /// Serializes as `{"type", "start", "end", "text", "value"}` with byte
    /// offsets, the shape of the `extract` command's output.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(5))?;
        m.serialize_entry("type", &self.kind)?;
        m.serialize_entry("start", &self.span.start)?;
        m.serialize_entry("end", &self.span.end)?;
        m.serialize_entry("text", self.text)?;
        m.serialize_entry("value", &self.value)?;
        m.end()
    }
}

/// The result of [`Extractor::extract`]. Serialized (feature `serde`) as
/// `{"entities": [...], "links": [[official, title], ...]}`, the shape of
/// the `extract` command's output.
///
/// ```
/// use vntext::Extractor;
/// let text = "Đồng chí Lò Văn Tân, Phó Bí thư Tỉnh ủy, phát biểu.";
/// let out = Extractor::new().extract(text);
/// let (official, title) = out.links[0];
/// assert_eq!(out.entities[official].text, "Lò Văn Tân");
/// assert_eq!(out.entities[title].text, "Phó Bí thư Tỉnh ủy");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Extraction<'a> {
    /// Entities sorted by `(span.start, Reverse(span.end), kind)`.
    pub entities: Vec<Entity<'a>>,
    /// `(official_index, title_index)` pairs into `entities`.
    pub links: Vec<(usize, usize)>,
}

/// A calendar date, used as the reference for resolving year-less dates.
/// Parsed from and written as `YYYY-MM-DD` ([`str::parse`],
/// [`fmt::Display`], and in serde as that string).
///
/// ```
/// use vntext::Ymd;
/// let d: Ymd = "2024-02-29".parse().unwrap();
/// assert_eq!(d, Ymd { year: 2024, month: 2, day: 29 });
/// assert_eq!(d.to_string(), "2024-02-29");
/// assert!("2023-02-29".parse::<Ymd>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    /// Year.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

impl Ymd {
    /// Parses `YYYY-MM-DD`.
    ///
    /// ```
    /// let d = vntext::extract::Ymd::parse("2023-12-26").unwrap();
    /// assert_eq!((d.year, d.month, d.day), (2023, 12, 26));
    /// ```
    pub fn parse(s: &str) -> crate::Result<Ymd> {
        let bad = || {
            crate::Error::new(
                crate::ErrorKind::BadOption,
                format!("not a YYYY-MM-DD date: {s:?}"),
            )
        };
        let mut it = s.split('-');
        let (y, m, d) = (it.next(), it.next(), it.next());
        if it.next().is_some() {
            return Err(bad());
        }
        let num = |p: Option<&str>, n: usize| {
            p.filter(|p| p.len() == n && p.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|p| p.parse::<u32>().ok())
        };
        let (y, m, d) = (
            num(y, 4).ok_or_else(bad)?,
            num(m, 2).ok_or_else(bad)?,
            num(d, 2).ok_or_else(bad)?,
        );
        if !(1..=12).contains(&m) || d == 0 || d > date::days_in_month(y as i32, m as u8) as u32 {
            return Err(bad());
        }
        Ok(Ymd {
            year: y as i32,
            month: m as u8,
            day: d as u8,
        })
    }
}

impl FromStr for Ymd {
    type Err = crate::Error;

    /// Same as [`Ymd::parse`].
    fn from_str(s: &str) -> crate::Result<Ymd> {
        Ymd::parse(s)
    }
}

impl fmt::Display for Ymd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Ymd {
    /// Serializes as the string `YYYY-MM-DD`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Ymd {
    /// Deserializes from the string `YYYY-MM-DD`.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Ymd, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Ymd::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Identifies an entity by its type and span (unique: same-type spans never
/// overlap).
type SpanKey = (EntityKind, usize, usize);

/// Sorts entities by `(start, Reverse(end), kind)`.
fn sort_entities(entities: &mut [Entity<'_>]) {
    entities.sort_by(|a, b| {
        (a.span.start, std::cmp::Reverse(a.span.end), a.kind).cmp(&(
            b.span.start,
            std::cmp::Reverse(b.span.end),
            b.kind,
        ))
    });
}

/// Finds entities and links in Vietnamese text. Built once, shared freely
/// (`Send + Sync`).
///
/// ```
/// use vntext::extract::{Extractor, EntityKind};
/// let ex = Extractor::new();
/// let out = ex.extract("Sáng 26/12, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị.");
/// let date = out.entities.iter().find(|e| e.kind == EntityKind::Date).unwrap();
/// assert_eq!(date.text, "Sáng 26/12");
/// ```
///
/// Vocabulary can be added through [`Extractor::builder`].
#[derive(Clone, Debug, Default)]
pub struct Extractor {
    reference_date: Option<Ymd>,
    /// The lexicons with the user's additions; `None`: the built-in ones.
    matcher: Option<Arc<crate::lex::matcher::Matcher>>,
}

impl Extractor {
    /// An extractor with the built-in lexicons and no reference date.
    pub fn new() -> Self {
        Self::default()
    }

    /// A builder for an extractor with user lexicons (extra titles,
    /// organisations, names, document types) and a reference date.
    ///
    /// ```
    /// use vntext::extract::{EntityKind, Extractor};
    /// let text = "Đặc sứ Nguyễn Văn An đến Hà Nội.";
    /// assert_eq!(Extractor::new().extract(text).entities[0].kind, EntityKind::Official);
    /// let ex = Extractor::builder().title("Đặc sứ").build()?;
    /// let out = ex.extract(text);
    /// assert_eq!(out.entities[0].kind, EntityKind::Title);
    /// assert_eq!(out.entities[0].text, "Đặc sứ");
    /// # Ok::<(), vntext::Error>(())
    /// ```
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// Sets the date used to resolve year-less dates ("Sáng 26/12") into a
    /// full date in [`DateValue::resolved`]. Without it, a dateline in the
    /// text ("Hà Nội, ngày 28 tháng 11 năm 2013") is used when present.
    ///
    /// ```
    /// use vntext::extract::{Extractor, Value};
    /// let ex = Extractor::new().reference_date("2024-01-03".parse().unwrap());
    /// let out = ex.extract("Chiều 29/12, đoàn công tác trở về.");
    /// let Value::Date(d) = &out.entities[0].value else { panic!("not a date") };
    /// // The closest 29 December to the reference date.
    /// assert_eq!(d.resolved.as_deref(), Some("2023-12-29"));
    /// ```
    pub fn reference_date(mut self, date: Ymd) -> Self {
        self.reference_date = Some(date);
        self
    }

    /// Extracts the entities and links of one document.
    ///
    /// ```
    /// use vntext::{EntityKind, Extractor};
    /// let text = "Theo Nghị định 30/2020/NĐ-CP, ông Trần Văn Bình, Giám đốc Sở Nội vụ, ký ngày 5/3.";
    /// let out = Extractor::new().extract(text);
    /// let found: Vec<(EntityKind, &str)> = out.entities.iter().map(|e| (e.kind, e.text)).collect();
    /// assert!(found.contains(&(EntityKind::DocRef, "Nghị định 30/2020/NĐ-CP")));
    /// assert!(found.contains(&(EntityKind::Official, "Trần Văn Bình")));
    /// assert!(found.contains(&(EntityKind::Title, "Giám đốc Sở Nội vụ")));
    /// ```
    pub fn extract<'a>(&self, text: &'a str) -> Extraction<'a> {
        let tokens: Vec<Token<'a>> = tokenize(text).collect();
        self.extract_tokens(text, &tokens)
    }

    /// Like [`Extractor::extract`], over tokens already produced by
    /// [`crate::token::tokenize`] for the same `text`.
    pub fn extract_tokens<'a>(&self, text: &'a str, tokens: &[Token<'a>]) -> Extraction<'a> {
        let matcher = self
            .matcher
            .as_deref()
            .unwrap_or(&crate::lex::matcher::BUILTIN);
        let keys = crate::lex::TokenKeys::new(tokens, matcher);
        let all = keys.all();
        let mut entities = Vec::new();
        entities.extend(date::find(text, &all, self.reference_date));
        entities.extend(docref::find(text, &all));
        // TITLE/ORGANIZATION first: OFFICIAL needs them (names inside
        // organisation names, names right after a title), and both share one
        // analysis of the tokens. A line break is a hard boundary for names,
        // titles and bodies, so they are found line by line; links too.
        let mut line_links: Vec<(SpanKey, SpanKey)> = Vec::new();
        let mut start = 0;
        while start < tokens.len() {
            let end = crate::lex::line_end(tokens, start);
            let analysis = keys.view(start..end);
            let titles = title::find(text, &analysis);
            let people = person::find(text, &analysis, &titles);
            let mut line: Vec<Entity<'a>> = titles;
            line.extend(people);
            sort_entities(&mut line);
            let key = |e: &Entity<'_>| (e.kind, e.span.start, e.span.end);
            for (o, t) in link::link(&analysis, &line) {
                line_links.push((key(&line[o]), key(&line[t])));
            }
            entities.extend(line);
            start = end;
        }
        title::heading_bodies(text, &all, &mut entities);
        // A name found once is found at its later mentions.
        let more = person::mentions(text, &all, &entities);
        entities.extend(more);
        sort_entities(&mut entities);
        let index: rustc_hash::FxHashMap<SpanKey, usize> = entities
            .iter()
            .enumerate()
            .map(|(i, e)| ((e.kind, e.span.start, e.span.end), i))
            .collect();
        let mut links: Vec<(usize, usize)> = line_links
            .iter()
            .filter_map(|(o, t)| Some((*index.get(o)?, *index.get(t)?)))
            .collect();
        // Signature blocks link an office to the name lines below it.
        links.extend(link::signatures(&all, &entities));
        links.sort_unstable();
        links.dedup();
        Extraction { entities, links }
    }
}
