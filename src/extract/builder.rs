//! [`ExtractorBuilder`]: an [`Extractor`] with user lexicons.

use std::sync::Arc;

use super::{Extractor, Ymd};
use crate::lex::data::{FileSpec, FILES};
use crate::lex::matcher::Matcher;
use crate::{Error, ErrorKind, Result};

/// A lexicon that users may extend through [`ExtractorBuilder`]. Each is one
/// file of the crate's `data/extract/` folder; lines added to it are in that
/// file's format (`phrase|tag[,tag]`, see `data/README.md`) and may use its
/// tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Lexicon {
    /// Office words of a TITLE (`roles.txt`): "Đặc phái viên"; tags `org`
    /// (only with an organisation head after it: "Trưởng Ban …"), `comp`
    /// (always needs a complement), `person` (a title only right before a
    /// name: "HLV").
    Titles,
    /// Qualifiers after an office word (`qualifiers.txt`): "Thường trực".
    TitleQualifiers,
    /// Portfolios after an office word (`domains.txt`): "Tài chính".
    Portfolios,
    /// Organisation heads (`org_heads.txt`), a tag on every line: `bare` (a
    /// body on its own when capitalised: "Tỉnh ủy"), `tail` (needs a
    /// territory: "UBND tỉnh …"), `name` (needs a name: "Sở Y tế").
    OrganizationHeads,
    /// Unique bodies, always an ORGANIZATION (`bodies.txt`): "Quốc hội".
    Organizations,
    /// Words of the names of bodies (`name_words.txt`): "y tế"; tags `v`
    /// (verb-like), `f` (never first).
    OrganizationNameWords,
    /// Provinces, cities and countries (`places.txt`); tag `c` for a
    /// country.
    Places,
    /// Vietnamese family names (`family_names.txt`): a capitalised run
    /// starting with one is a person's name.
    FamilyNames,
    /// Whole names of persons, an OFFICIAL wherever they appear
    /// capitalised outside a title or an organisation (`persons.txt`).
    Persons,
    /// Document types before a number (`doc_types.txt`): "Công ước"; tags
    /// `law`, `constitution`, `letter`, `joint`; a third field gives the kind
    /// reported ("Qui định|type|Quy định").
    DocumentTypes,
}

impl Lexicon {
    /// Every lexicon.
    pub const ALL: [Lexicon; 10] = [
        Lexicon::Titles,
        Lexicon::TitleQualifiers,
        Lexicon::Portfolios,
        Lexicon::OrganizationHeads,
        Lexicon::Organizations,
        Lexicon::OrganizationNameWords,
        Lexicon::Places,
        Lexicon::FamilyNames,
        Lexicon::Persons,
        Lexicon::DocumentTypes,
    ];

    /// The name of its file in `data/extract/`.
    ///
    /// ```
    /// use vntext::extract::Lexicon;
    /// assert_eq!(Lexicon::Titles.file_name(), "roles.txt");
    /// ```
    pub fn file_name(self) -> &'static str {
        match self {
            Lexicon::Titles => "roles.txt",
            Lexicon::TitleQualifiers => "qualifiers.txt",
            Lexicon::Portfolios => "domains.txt",
            Lexicon::OrganizationHeads => "org_heads.txt",
            Lexicon::Organizations => "bodies.txt",
            Lexicon::OrganizationNameWords => "name_words.txt",
            Lexicon::Places => "places.txt",
            Lexicon::FamilyNames => "family_names.txt",
            Lexicon::Persons => "persons.txt",
            Lexicon::DocumentTypes => "doc_types.txt",
        }
    }

    fn spec(self) -> &'static FileSpec {
        let name = self.file_name();
        // Every name above is a file of FILES (a unit test checks it).
        FILES.iter().find(|f| f.name == name).unwrap_or(&FILES[0])
    }
}

/// What the builder was given.
#[derive(Clone, Debug)]
enum Added {
    /// Lines in the file's format.
    Lines(Lexicon, String),
    /// One phrase, with the file's default tag (or the one given).
    Phrase(Lexicon, String, &'static str),
}

/// Builds an [`Extractor`] with a reference date and user lexicons: extra
/// titles, organisations and their heads, places, names of persons,
/// document types. Everything added is checked by [`build`], which names
/// the faulty addition and line.
///
/// [`build`]: ExtractorBuilder::build
///
/// ```
/// use vntext::extract::{EntityKind, Extractor, Lexicon};
///
/// let text = "Đặc sứ Nguyễn Văn An nhắc lại Công ước số 12/1989.";
/// // Built in, neither "Đặc sứ" nor "Công ước" is known.
/// let plain = Extractor::new().extract(text);
/// assert!(plain.entities.iter().all(|e| e.kind == EntityKind::Official));
///
/// let ex = Extractor::builder()
///     .title("Đặc sứ")
///     .lines(Lexicon::DocumentTypes, "Công ước")
///     .build()?;
/// let out = ex.extract(text);
/// let title = out.entities.iter().find(|e| e.kind == EntityKind::Title).unwrap();
/// assert_eq!(title.text, "Đặc sứ");
/// let doc = out.entities.iter().find(|e| e.kind == EntityKind::DocRef).unwrap();
/// assert_eq!(doc.text, "Công ước số 12/1989");
///
/// // A malformed line is an error, not a silent default.
/// let err = Extractor::builder().lines(Lexicon::Titles, "Đặc sứ|boss").build();
/// assert!(err.unwrap_err().to_string().contains("unknown tag \"boss\""));
/// # Ok::<(), vntext::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    reference_date: Option<Ymd>,
    added: Vec<Added>,
}

impl ExtractorBuilder {
    /// A builder with the built-in lexicons only (what
    /// [`Extractor::builder`] returns).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the reference date (see [`Extractor::reference_date`]).
    pub fn reference_date(&mut self, date: Ymd) -> &mut Self {
        self.reference_date = Some(date);
        self
    }

    /// Adds lines to `lexicon`, in the format of its file (one phrase a
    /// line, `|tag` after it, `#` comments). A phrase already listed takes
    /// the tags given here.
    ///
    /// ```
    /// use vntext::extract::{Extractor, Lexicon};
    /// let ex = Extractor::builder()
    ///     .lines(Lexicon::Titles, "# envoys\nĐặc sứ\nSứ giả|comp")
    ///     .build()?;
    /// let out = ex.extract("Đặc sứ Nguyễn Văn An đến Hà Nội.");
    /// assert_eq!(out.entities[0].text, "Đặc sứ");
    /// # Ok::<(), vntext::Error>(())
    /// ```
    pub fn lines(&mut self, lexicon: Lexicon, lines: &str) -> &mut Self {
        self.added.push(Added::Lines(lexicon, lines.to_string()));
        self
    }

    /// Adds an office word ([`Lexicon::Titles`]): "Đặc sứ".
    pub fn title(&mut self, office: &str) -> &mut Self {
        self.phrase(Lexicon::Titles, office, "")
    }

    /// Adds a unique body ([`Lexicon::Organizations`]): "Liên minh Vắc xin".
    pub fn organization(&mut self, name: &str) -> &mut Self {
        self.phrase(Lexicon::Organizations, name, "")
    }

    /// Adds an organisation head that needs a name after it
    /// ([`Lexicon::OrganizationHeads`], tag `name`): "Nghiệp đoàn" for
    /// "Nghiệp đoàn Bảo trợ trẻ em".
    pub fn organization_head(&mut self, head: &str) -> &mut Self {
        self.phrase(Lexicon::OrganizationHeads, head, "name")
    }

    /// Adds a family name ([`Lexicon::FamilyNames`]).
    pub fn family_name(&mut self, name: &str) -> &mut Self {
        self.phrase(Lexicon::FamilyNames, name, "")
    }

    /// Adds the whole name of a person ([`Lexicon::Persons`]): an OFFICIAL
    /// wherever it appears capitalised outside a title or an organisation.
    ///
    /// ```
    /// use vntext::extract::{EntityKind, Extractor};
    /// let text = "Thơ của Hạ Miên được dịch ra nhiều thứ tiếng.";
    /// assert!(Extractor::new().extract(text).entities.is_empty());
    /// let ex = Extractor::builder().person("Hạ Miên").build()?;
    /// let out = ex.extract(text);
    /// assert_eq!(out.entities[0].kind, EntityKind::Official);
    /// assert_eq!(out.entities[0].text, "Hạ Miên");
    /// # Ok::<(), vntext::Error>(())
    /// ```
    pub fn person(&mut self, name: &str) -> &mut Self {
        self.phrase(Lexicon::Persons, name, "")
    }

    /// Adds a document type ([`Lexicon::DocumentTypes`]), reported as
    /// written: "Công ước".
    pub fn document_type(&mut self, kind: &str) -> &mut Self {
        self.phrase(Lexicon::DocumentTypes, kind, "")
    }

    fn phrase(&mut self, lexicon: Lexicon, phrase: &str, tag: &'static str) -> &mut Self {
        self.added
            .push(Added::Phrase(lexicon, phrase.to_string(), tag));
        self
    }

    /// Checks everything added and builds the extractor. An error names the
    /// addition (its lexicon's file and its number among the additions) and
    /// the line: an unknown tag, an empty phrase, a phrase given twice in one
    /// addition, a typed phrase that contains `|` or a line break.
    ///
    /// Building compiles the built-in lexicons again with the additions (a
    /// few milliseconds); an extractor without additions shares the
    /// built-in matcher.
    pub fn build(&self) -> Result<Extractor> {
        let mut extra = Vec::with_capacity(self.added.len());
        for (n, added) in self.added.iter().enumerate() {
            let (lexicon, text) = match added {
                Added::Lines(l, text) => (*l, text.clone()),
                Added::Phrase(l, phrase, tag) => {
                    let p = phrase.trim();
                    if p.contains(['|', '\n', '\r']) || p.starts_with('#') {
                        return Err(Error::new(
                            ErrorKind::BadOption,
                            format!(
                                "{} (added #{}): not a phrase: {phrase:?}",
                                l.file_name(),
                                n + 1
                            ),
                        ));
                    }
                    let text = if tag.is_empty() {
                        p.to_string()
                    } else {
                        format!("{p}|{tag}")
                    };
                    (*l, text)
                }
            };
            let name = format!("{} (added #{})", lexicon.file_name(), n + 1);
            extra.push((lexicon.spec(), name, text));
        }
        let matcher = if extra.is_empty() {
            None
        } else {
            Some(Arc::new(Matcher::with(&extra)?))
        };
        Ok(Extractor {
            reference_date: self.reference_date,
            matcher,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_names_an_embedded_file() {
        for l in Lexicon::ALL {
            assert!(
                FILES.iter().any(|f| f.name == l.file_name()),
                "{}",
                l.file_name()
            );
        }
    }

    #[test]
    fn errors_name_the_addition_and_line() {
        let e = Extractor::builder()
            .title("Đặc sứ")
            .lines(Lexicon::OrganizationHeads, "Quỹ|name\nViện Hàn lâm")
            .build()
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "org_heads.txt (added #2):2: a tag is needed: known tags: bare, tail, name"
        );
        assert_eq!(e.kind(), &ErrorKind::BadData { line: 2 });
        let e = Extractor::builder()
            .document_type("Công ước|law")
            .build()
            .unwrap_err();
        assert!(e
            .to_string()
            .starts_with("doc_types.txt (added #1): not a phrase"));
    }
}
