//! Entity extraction: officials, titles, organizations, dates and document
//! references, with links from officials to their titles.
//!
//! Each entity type is found by its own recognizer (one module each) over the
//! tokens of the text; recognizers never rewrite the text, so every
//! [`Entity::span`] is a byte range of the caller's input. Spans of different
//! types may nest (the DATE inside a DOCREF), spans of one type never overlap.
//! The conventions are those of the project's `ENTITIES.md`.

use std::ops::Range;

use crate::token::{tokenize, Token};

pub(crate) mod date;
pub(crate) mod docref;
pub(crate) mod lex;
pub(crate) mod person;
pub(crate) mod title;

/// The type of an [`Entity`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
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

/// The normalized value of a DATE.
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TitleValue {
    /// The office ("Phó Bí thư Thường trực").
    pub role: String,
    /// The attached organisation ("Tỉnh ủy"), if any.
    pub organization: Option<String>,
    /// Marked "nguyên" or "cựu" (former).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "std::ops::Not::not"))]
    pub former: bool,
}

/// The typed value of an [`Entity`].
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
    /// ORGANIZATION carries no value.
    None {},
}

/// One extracted entity.
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

/// The result of [`Extractor::extract`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Extraction<'a> {
    /// Entities sorted by `(span.start, Reverse(span.end), kind)`.
    pub entities: Vec<Entity<'a>>,
    /// `(official_index, title_index)` pairs into `entities`.
    pub links: Vec<(usize, usize)>,
}

/// A calendar date, used as the reference for resolving year-less dates.
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
#[derive(Clone, Debug, Default)]
pub struct Extractor {
    reference_date: Option<Ymd>,
}

impl Extractor {
    /// An extractor with no reference date.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the date used to resolve year-less dates ("Sáng 26/12") into a
    /// full date in [`DateValue::resolved`]. Without it, a dateline in the
    /// text ("Hà Nội, ngày 28 tháng 11 năm 2013") is used when present.
    pub fn reference_date(mut self, date: Ymd) -> Self {
        self.reference_date = Some(date);
        self
    }

    /// Extracts the entities and links of one document.
    pub fn extract<'a>(&self, text: &'a str) -> Extraction<'a> {
        let tokens: Vec<Token<'a>> = tokenize(text).collect();
        self.extract_tokens(text, &tokens)
    }

    /// Like [`Extractor::extract`], over tokens already produced by
    /// [`crate::token::tokenize`] for the same `text`.
    pub fn extract_tokens<'a>(&self, text: &'a str, tokens: &[Token<'a>]) -> Extraction<'a> {
        let mut entities = Vec::new();
        entities.extend(date::find(text, tokens, self.reference_date));
        entities.extend(docref::find(text, tokens));
        // TITLE/ORGANIZATION first: OFFICIAL needs them (names inside
        // organisation names, names right after a title), and both share one
        // analysis of the tokens. A line break is a hard boundary for names,
        // titles and bodies, so they are found line by line; links too.
        let mut line_links: Vec<((EntityKind, usize, usize), (EntityKind, usize, usize))> =
            Vec::new();
        let mut start = 0;
        while start < tokens.len() {
            let mut end = start + 1;
            while end < tokens.len() && !tokens[end].newline_before {
                end += 1;
            }
            let analysis = lex::Analysis::new(&tokens[start..end]);
            let titles = title::find(text, &analysis);
            let people = person::find(text, &analysis, &titles);
            let mut line: Vec<Entity<'a>> = titles;
            line.extend(people);
            sort_entities(&mut line);
            let key = |e: &Entity<'_>| (e.kind, e.span.start, e.span.end);
            for (o, t) in person::link(&analysis, &line) {
                line_links.push((key(&line[o]), key(&line[t])));
            }
            entities.extend(line);
            start = end;
        }
        sort_entities(&mut entities);
        let index: rustc_hash::FxHashMap<(EntityKind, usize, usize), usize> = entities
            .iter()
            .enumerate()
            .map(|(i, e)| ((e.kind, e.span.start, e.span.end), i))
            .collect();
        let links = line_links
            .iter()
            .filter_map(|(o, t)| Some((*index.get(o)?, *index.get(t)?)))
            .collect();
        Extraction { entities, links }
    }
}
