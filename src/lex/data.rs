//! The lexicon files of `data/extract/`: their line format, their tags, and
//! the check that turns a malformed line into an error naming its file and
//! line.
//!
//! One format for every file:
//!
//! ```text
//! # a comment (only at the start of a line)
//! phrase
//! phrase|tag
//! phrase|tag,tag
//! phrase|tag|value
//! ```
//!
//! The phrase is matched on the lookup keys of its tokens (case, tone
//! placement and NFC/NFD do not matter). Each tag puts the phrase in one
//! lexicon with a class; a line without tags takes the file's default tag
//! (files without a default need a tag on every line). The value, where a
//! file allows one, is what the recognizer reports for the phrase ("thứ
//! 2|weekday|thứ hai"); without it the phrase as written is reported.
//!
//! A line is an error when its phrase is empty, a tag is unknown or empty,
//! it has more than three fields, it gives a value in a file that takes
//! none, or the same phrase is listed twice in one lexicon.

use crate::token::TokenKind;
use crate::{Error, ErrorKind, Result};

/// A lexicon: one named list of phrases that the grammars refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub(crate) enum Lex {
    /// Office words ("Chủ tịch", "Bí thư"); classes [`ROLE_PLAIN`] …
    Role,
    /// Qualifiers after an office word ("Thường trực").
    Qualifier,
    /// Organisation heads ("Sở", "UBND"); classes [`HEAD_BARE`] …
    Head,
    /// Unique bodies ("Quốc hội").
    Body,
    /// Words of the names of bodies ("y tế"); classes 0, [`NAME_VERB`],
    /// [`NAME_NOT_FIRST`].
    NameWord,
    /// Provinces, cities and countries; classes [`PLACE_PROVINCE`],
    /// [`PLACE_COUNTRY`].
    Place,
    /// Portfolios after an office word ("Tài chính").
    Domain,
    /// Vietnamese family names.
    Family,
    /// Fixed terms and doctrines that are one word under the VLSP
    /// convention of the segmenter (`data/segment/vlsp_terms.txt`).
    VlspTerm,
    /// Lowercase name words that never continue a name under the VLSP
    /// convention (a verb sense: "Bộ Y tế thông tin …").
    VlspStop,

    // Function words (words.txt).
    /// "và".
    And,
    /// "từ".
    From,
    /// "những".
    Those,

    // The DATE grammar (date_words.txt).
    /// Unit words: classes [`DAY`], [`MONTH`], [`YEAR`], [`QUARTER`].
    DateUnit,
    /// Parts of the day; the value is reported.
    PartOfDay,
    /// Weekdays; the value is reported.
    Weekday,
    /// Words after which "thứ N" is an ordinal.
    OrdinalBefore,
    /// "mùng", "mồng".
    DayPrefix,
    /// Range connectors ("đến", "tới").
    RangeTo,
    /// Before a bare number: a quantity, score or address.
    QuantityBefore,
    /// Place nouns among [`Lex::QuantityBefore`].
    PlaceNoun,
    /// Capitalised place nouns before a bare D/M.
    NamedPlace,
    /// "cao điểm".
    Peak,
    /// After a bare number: a unit or counted noun.
    QuantityAfter,
    /// Phrases starting with a quantity word that are no count.
    NotQuantity,
    /// After "năm": the year is given ("năm nay").
    YearRelative,
    /// Time cues before a bare D/M.
    CueBefore,
    /// Time cues after a bare D/M.
    CueAfter,
    /// Strong time cues before a bare D/M.
    TimeBefore,
    /// Holiday words before a dotted D.M.
    Holiday,
    /// Prepositions before a bare M/YYYY.
    MonthPrep,
    /// Quantity words before a bare year range.
    RangeQuantity,
    /// Decade words before a round year.
    Decade,
    /// Months written as words after "tháng" ("tháng Năm", "tháng
    /// Chạp"); the value is the month's number; classes [`MONTH_NUMERAL`],
    /// [`MONTH_ONLY`].
    MonthName,
    /// Days written as words after "mồng"/"mùng"; the value is the day.
    DayName,
    /// Before "tháng" and a month word: an event's name ("Cách mạng tháng
    /// Tám").
    MonthEvent,
    /// Letters glued before a birth year ("SN1990").
    Birth,

    // The DOCREF grammar (doc_types.txt, docref_words.txt).
    /// "của".
    Of,
    /// "số".
    NumberWord,
    /// "khóa".
    Term,
    /// "tại".
    At,
    /// Document types; the value is the reported kind; classes
    /// [`DOC_PLAIN`] …
    DocType,
    /// "sửa đổi".
    Amending,
    /// After a bare number: a quantity.
    DocQuantity,
    /// Known issuing bodies; class [`COMMITTEE`] for Party committees.
    IssuerBody,
    /// Offices heading an issuing body.
    IssuerOffice,
    /// Ministries after "Bộ"/"Sở".
    Ministry,
    /// Local bodies followed by a level and a place.
    LocalHead,
    /// Heads followed by a proper name; classes [`HEAD_MINISTRY`] …
    NamedHead,
    /// Heads whose name may start in lowercase.
    Council,
    /// "chỉ đạo" after "Ban".
    Steering,
    /// The word ending a steering committee's campaign name.
    Campaign,
    /// Levels after a local body; classes [`LEVEL`] …
    Level,
    /// Lowercase words that never continue a body's name.
    IssuerStop,
    /// Verb pairs that follow a body.
    IssuerVerb,
    /// Exact document type codes (docref_codes_extra.txt).
    CodeType,
    /// Exact issuer codes.
    CodeIssuer,
    /// Exact issuer codes that may carry a term number.
    CodeTerm,

    // The ORGANIZATION grammar (org_words.txt, foreign_words.txt).
    /// Starts the title of a law.
    LawTitle,
    /// Ends the title of a law.
    LawEnd,
    /// First word of a company's head.
    CompanyHead,
    /// Quantifiers making a class mention; classes [`QUANT_EACH`] …
    Quantifier,
    /// Class nouns after a quantifier.
    ClassNoun,
    /// Territorial keywords; class [`TERRITORY_ABBR`] for "TP".
    Territory,
    /// Tails after a body; classes [`SUPREME`], [`REGION`].
    OrgTail,
    /// First words of heads that start a body in lowercase.
    LowerHead,
    /// Before a capitalised name: a street.
    Street,
    /// Compounds whose second word looks like a head; class
    /// [`NOT_HEAD_ANY_CASE`].
    NotHead,
    /// First word of a head naming a kind ("Tổ chức").
    KindHead,
    /// The head of a political party's name ("đảng"): a foreign name after
    /// the party's name is its member's ("đảng Cộng hòa Mitt Romney").
    PartyHead,
    /// The head of a ministry's name ("Bộ"): a ministry is named by its
    /// portfolio only, so a two-word name after it is its minister's.
    MinistryHead,
    /// Names that make a head a kind ("Công đoàn").
    KindName,
    /// First words of heads whose name may start in lowercase.
    LowerFirst,
    /// The same for longer heads that need a name.
    LowerFirstLong,
    /// First words of one-word heads needing a strong name.
    ShortHead,
    /// First words of heads followed by a territory.
    TerritoryHead,
    /// First words of heads whose body may follow "của".
    OfHead,
    /// Heads of courts and armed forces (or their first word): with a country
    /// only after them, that country's institutions ("Tòa án Việt Nam").
    Court,
    /// Last word of an embassy's head.
    Embassy,
    /// Heads followed by a number; class [`NUMBERED_INNER`].
    Numbered,
    /// School words before a namesake.
    School,
    /// Lowercase words that may start a name.
    LowerName,
    /// "nhà nước".
    State,
    /// Words that never continue a body's name.
    NameStop,
    /// "phó".
    Deputy,
    /// Middle names ("Văn", "Thị").
    MiddleName,
    /// After it a name is a namesake ("Cộng sản").
    NamesakeAfter,
    /// First words of football clubs; class [`CLUB_ABBR`].
    ClubFirst,
    /// Last words of football clubs.
    ClubLast,
    /// Words of names that are no club.
    NotClub,
    /// Last words of bodies named in English.
    CompanyLast,
    /// Ends of one-word bank names.
    CompanySuffix,
    /// English words of organisation, product and event names; class
    /// [`FOREIGN_PRODUCT`] for product words after a brand ("TV").
    ForeignStop,

    // The TITLE grammar (title_words.txt).
    /// "Quyền".
    Acting,
    /// Compounds that are no acting office.
    NotActing,
    /// "Thường trực" before the secretariat.
    Standing,
    /// "Ban Bí thư".
    Secretariat,
    /// Before an office word: an event's or body's name.
    EventBefore,
    /// Before a title: a former office.
    Former,
    /// "nước" as a complement.
    CountryWord,
    /// Before a lowercase office: it is held.
    Appointed,
    /// "là".
    Is,

    // The OFFICIAL grammar and linking (person_words.txt).
    /// Address words, degrees and honorifics; classes [`ADDRESS`] …
    Honorific,
    /// Before a capitalised run: a street, place or doctrine.
    PlaceBefore,
    /// "người".
    PersonNoun,
    /// "Bác".
    Uncle,
    /// "Ảnh".
    Photo,
    /// Before a foreign name: a person.
    ForeignPersonBefore,
    /// Before a foreign name: a thing.
    ForeignThingBefore,
    /// After a foreign name: a person.
    ForeignPersonAfter,
    /// Between a name and its titles.
    Connector,
    /// Signing marks ("KT.").
    Signing,
    // Added with the TITLE/ORGANIZATION work of issue 11 (org_words.txt,
    // title_words.txt, bodies.txt).
    /// Unique bodies that are an ORGANIZATION in lowercase too ("quốc hội").
    LowerBody,
    /// News outlets and agencies, no ORGANIZATION ("Đài Truyền hình").
    Outlet,
    /// Levels after a local body ("cấp xã"); classes [`ORG_LEVEL`] …
    OrgLevel,
    /// Words of a rule of law: a body with a bare territory keyword is a
    /// class there ("có trách nhiệm").
    RuleCue,
    /// Company bodies ("HĐQT", "Ban kiểm soát").
    Board,
    /// Before a lowercase unique body: no body ("trái phiếu chính phủ");
    /// class [`PLATFORM`]: before a company's one-word name, its platform
    /// or a photo credit ("mạng xã hội Facebook", "Ảnh: Facebook").
    NotBodyBefore,
    /// After a lowercase unique body: no body ("chính phủ điện tử").
    NotBodyAfter,
    /// Office words that take a portfolio directly ("Bộ trưởng Y tế").
    PortfolioRole,
    /// Signature marks between an office line and the name ("Đã ký").
    Signed,
    /// Verbs between a name and the title predicated of it ("nhậm chức",
    /// "rồi thăng"), besides [`Lex::Connector`].
    LinkVerb,
    /// Military ranks between a title and the name it is linked to.
    Rank,
    /// Before an office word, one title with it ("trợ lý").
    Assistant,
    /// Whole names of persons: users' additions (class 0) and well-known
    /// persons ([`FAMOUS`]).
    KnownPerson,
    /// Between the names of a list ("và", "hay", "cùng").
    NameJoin,
    /// Lowercase particles inside foreign names ("de", "von", "van").
    Particle,
    /// Before a capitalised run: a place, not a person ("tại", "ở").
    PlacePrep,
    /// Foreign places, events and works whose words look like a foreign
    /// person's name ("New York", "Los Angeles").
    ForeignPlace,
    /// After a name: a person ("nói", "cho biết", "lên ngôi").
    PersonAfter,
    /// Common foreign given names ("Victor", "Angelina").
    GivenName,
    /// Places whose names look like a person's ("Phan Thiết", "Mai Châu").
    NamePlace,
}

impl Lex {
    /// Number of lexicons.
    pub const COUNT: usize = Lex::NamePlace as usize + 1;
}

/// Unit class: "ngày".
pub(crate) const DAY: u8 = 0;
/// Unit class: "tháng".
pub(crate) const MONTH: u8 = 1;
/// Unit class: "năm".
pub(crate) const YEAR: u8 = 2;
/// Unit class: "quý".
pub(crate) const QUARTER: u8 = 3;

/// Month-word class: a numeral that is a month only after "tháng" and
/// with a year or a day ("tháng Năm năm 1954", "ngày 2 tháng Chín").
pub(crate) const MONTH_NUMERAL: u8 = 0;
/// Month-word class: a word that only names a month ("Giêng", "Chạp").
pub(crate) const MONTH_ONLY: u8 = 1;

/// Code class (docref_codes_extra.txt): a court case type, a type code on
/// its own ("HSST") or before a stage ("HS-ST").
pub(crate) const CODE_CASE: u8 = 1;
/// Code class: the stage after a case type ("ST", "PT").
pub(crate) const CODE_STAGE: u8 = 2;

/// Weekday class: written as an ordinal ("thứ hai", "thứ 2").
pub(crate) const WEEKDAY_ORDINAL: u8 = 1;

/// Document type class: an ordinary type.
pub(crate) const DOC_PLAIN: u8 = 0;
/// A law-like type ("Luật"): a bare year after it is a year.
pub(crate) const DOC_LAW: u8 = 1;
/// "Hiến pháp": law-like, and never with a bare number.
pub(crate) const DOC_CONSTITUTION: u8 = 2;
/// Correspondence ("Công văn"): a reference even in lowercase.
pub(crate) const DOC_LETTER: u8 = 3;
/// A joint type ("Thông tư liên tịch").
pub(crate) const DOC_JOINT: u8 = 4;
/// An act ("Quyết định"): a reference in lowercase too when its number has
/// three digits or "của" follows ("ban hành quyết định 153").
pub(crate) const DOC_ACT: u8 = 5;

/// Issuing body class: a Party committee ("Tỉnh ủy").
pub(crate) const COMMITTEE: u8 = 1;

/// Named head class: an ordinary head.
pub(crate) const HEAD_PLAIN: u8 = 0;
/// "Bộ": a ministry follows.
pub(crate) const HEAD_MINISTRY: u8 = 1;
/// "Sở": a ministry, a level and a place follow.
pub(crate) const HEAD_DEPT: u8 = 2;
/// "Ban": may be a steering committee.
pub(crate) const HEAD_BOARD: u8 = 3;

/// Quantifier class: "các", "nhiều".
pub(crate) const QUANT_MANY: u8 = 0;
/// "mỗi".
pub(crate) const QUANT_EACH: u8 = 1;
/// "từng".
pub(crate) const QUANT_EVERY: u8 = 2;
/// "những": only before a head.
pub(crate) const QUANT_THOSE: u8 = 3;

/// Territory class: abbreviated, may be glued to a "." ("TP.").
pub(crate) const TERRITORY_ABBR: u8 = 1;
/// Written without diacritics ("tinh"): a territory only before a place.
pub(crate) const TERRITORY_BARE: u8 = 2;

/// Tail class: "tối cao".
pub(crate) const SUPREME: u8 = 0;
/// "khu vực" + a number.
pub(crate) const REGION: u8 = 1;
/// "Trung ương" and its abbreviations ("TW", "T.Ư").
pub(crate) const CENTRAL: u8 = 2;

/// Not-a-head class: in any case ("Ủy ban"), not only in lowercase.
pub(crate) const NOT_HEAD_ANY_CASE: u8 = 1;

/// Numbered-head class: a head that keeps a number after its name.
pub(crate) const NUMBERED_INNER: u8 = 1;

/// Club class: also written in capitals ("AC").
pub(crate) const CLUB_ABBR: u8 = 1;

/// Lowercase-body class: a body only beside another unique body written in
/// lowercase ("chính phủ", in news mostly "the government" in general).
pub(crate) const LOWER_PAIRED: u8 = 1;

/// Lowercase-first class: a name all in lowercase needs an office before it
/// or a place after it ("Giám đốc Trung tâm chống độc").
pub(crate) const LOWER_FIRST_KIND: u8 = 1;

/// Name-stop class: an award, which ends a body's name even capitalised
/// ("Học viện Kỹ thuật Mật mã | Huân chương Bảo vệ Tổ quốc").
pub(crate) const AWARD: u8 = 1;

/// Foreign-stop class: a product word after a brand ("Google TV").
pub(crate) const FOREIGN_PRODUCT: u8 = 1;

/// Not-body-before class: a platform or credit before a company's name.
pub(crate) const PLATFORM: u8 = 1;

/// Honorific class: "ông", "bà".
pub(crate) const ADDRESS: u8 = 0;
/// "cụ": the rule of [`ADDRESS`], not in apposition rules.
pub(crate) const ADDRESS_OTHER: u8 = 1;
/// "anh", "chị": only in lowercase.
pub(crate) const KIN: u8 = 2;
/// Degrees, written in capitals.
pub(crate) const DEGREE: u8 = 3;
/// "BTV".
pub(crate) const EDITOR: u8 = 4;
/// Phrases of two words or more.
pub(crate) const HONORIFIC: u8 = 5;
/// A word before a name only in lowercase or in a caps line ("vua").
pub(crate) const CUE: u8 = 6;

/// Known-person class: a well-known person (`famous_persons.txt`): a name
/// only where the context does not make it a place or a street.
pub(crate) const FAMOUS: u8 = 1;

/// Level class: a level word ("tỉnh", "thành phố").
pub(crate) const LEVEL: u8 = 0;
/// An abbreviated level that may be glued to a "." ("TP.").
pub(crate) const LEVEL_ABBR: u8 = 1;
/// "thành", "thị" alone: the body ends.
pub(crate) const LEVEL_STOP: u8 = 2;
/// "cấp cao".
pub(crate) const HIGH_COURT: u8 = 3;
/// A level written without diacritics ("tinh"): only before a place name.
pub(crate) const LEVEL_ASCII: u8 = 4;

/// Level class: a level of local bodies ("cấp xã"): a class of bodies.
pub(crate) const ORG_LEVEL: u8 = 0;
/// "cấp cao": the high courts, one body only with its seat ("tại Hà Nội").
pub(crate) const ORG_LEVEL_COURT: u8 = 1;
/// "cùng cấp": a class of bodies, outside a title.
pub(crate) const ORG_LEVEL_SAME: u8 = 2;

/// Role classes: an ordinary office word.
pub(crate) const ROLE_PLAIN: u8 = 0;
/// An office word that needs a following organisation head ("Trưởng Ban").
pub(crate) const ROLE_ORG: u8 = 1;
/// An office word that always needs a complement ("đại biểu Quốc hội").
pub(crate) const ROLE_COMP: u8 = 2;
/// An office word that is a TITLE only right before a person's name ("HLV
/// Park Hang Seo"); alone it is an occupation.
pub(crate) const ROLE_PERSON: u8 = 3;
/// An office over a territory ("Tổng đốc", "Khâm sứ"): a place name after
/// it is its complement ("Tổng đốc Hà Ninh").
pub(crate) const ROLE_TERRITORY: u8 = 4;
/// A seat on a company body ("thành viên"): a TITLE only with one
/// ([`Lex::Board`]) after it.
pub(crate) const ROLE_BOARD: u8 = 5;
/// A company officer by an English acronym ("CEO", "CFO"): a TITLE with a
/// complement ("CEO Apple"), right before a name ("CEO Tim Cook"), or in
/// apposition to a name ("Elon Musk, CEO của Tesla"), or before "của" and a
/// capitalised name ("CEO của Tesla"); alone a class ("các CEO", "CEO nước
/// ngoài").
pub(crate) const ROLE_EXEC: u8 = 6;

/// Head classes: an ORGANIZATION on its own when capitalised.
pub(crate) const HEAD_BARE: u8 = 0;
/// A head that needs a territorial tail.
pub(crate) const HEAD_TAIL: u8 = 1;
/// A head that needs a name.
pub(crate) const HEAD_NAME: u8 = 2;

/// Name-word class: verb-like, continues a name only inside a lowercase run.
pub(crate) const NAME_VERB: u8 = 1;
/// Name-word class: never starts a name.
pub(crate) const NAME_NOT_FIRST: u8 = 2;

/// Place classes: a province or city.
pub(crate) const PLACE_PROVINCE: u8 = 0;
/// A country.
pub(crate) const PLACE_COUNTRY: u8 = 1;

/// A set of lexicons: one bit per lexicon, in two words of 128 bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct LexSet([u128; 2]);

const _: () = assert!(Lex::COUNT <= 256);

impl LexSet {
    /// No lexicon.
    pub const EMPTY: LexSet = LexSet([0; 2]);
    /// The set of the given lexicons.
    pub const fn of(lexicons: &[Lex]) -> LexSet {
        let mut bits = [0u128; 2];
        let mut k = 0;
        while k < lexicons.len() {
            let l = lexicons[k] as u8;
            bits[(l >> 7) as usize] |= 1u128 << (l & 127);
            k += 1;
        }
        LexSet(bits)
    }

    /// Whether `l` is in the set.
    #[inline]
    pub fn has(self, l: Lex) -> bool {
        let l = l as u8;
        self.0[(l >> 7) as usize] & (1u128 << (l & 127)) != 0
    }

    /// Whether the sets share a lexicon.
    #[inline]
    pub fn meets(self, other: LexSet) -> bool {
        self.0[0] & other.0[0] != 0 || self.0[1] & other.0[1] != 0
    }

    /// Adds `l`.
    #[inline]
    pub fn insert(&mut self, l: Lex) {
        let l = l as u8;
        self.0[(l >> 7) as usize] |= 1u128 << (l & 127);
    }

    /// The union.
    #[inline]
    pub fn union(self, other: LexSet) -> LexSet {
        LexSet([self.0[0] | other.0[0], self.0[1] | other.0[1]])
    }
}

/// One tag of a file: the name written after `|`, and the lexicon and class
/// it puts the phrase in. The name `""` is the default of lines without a
/// tag.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tag {
    /// As written in the file.
    pub name: &'static str,
    /// The lexicon.
    pub lex: Lex,
    /// The class inside the lexicon.
    pub class: u8,
}

const fn tag(name: &'static str, lex: Lex, class: u8) -> Tag {
    Tag { name, lex, class }
}

/// One lexicon file: its name, its text and its tags.
#[derive(Debug)]
pub(crate) struct FileSpec {
    /// File name under `data/extract/` (`vlsp_terms.txt`: under
    /// `data/segment/`).
    pub name: &'static str,
    /// The embedded text.
    pub text: &'static str,
    /// The tags a line may carry.
    pub tags: &'static [Tag],
    /// Whether a line may give a value (third field).
    pub values: bool,
}

impl FileSpec {
    fn tag(&self, name: &str) -> Option<&Tag> {
        self.tags.iter().find(|t| t.name == name)
    }
}

macro_rules! file {
    ($name:literal, $tags:expr, $values:expr) => {
        FileSpec {
            name: $name,
            text: include_str!(concat!("../../data/extract/", $name)),
            tags: $tags,
            values: $values,
        }
    };
}

/// Every embedded lexicon file.
pub(crate) static FILES: &[FileSpec] = &[
    file!(
        "roles.txt",
        &[
            tag("", Lex::Role, ROLE_PLAIN),
            tag("org", Lex::Role, ROLE_ORG),
            tag("comp", Lex::Role, ROLE_COMP),
            tag("person", Lex::Role, ROLE_PERSON),
            tag("territory", Lex::Role, ROLE_TERRITORY),
            tag("board", Lex::Role, ROLE_BOARD),
            tag("exec", Lex::Role, ROLE_EXEC),
        ],
        false
    ),
    file!("qualifiers.txt", &[tag("", Lex::Qualifier, 0)], false),
    file!(
        "org_heads.txt",
        &[
            tag("bare", Lex::Head, HEAD_BARE),
            tag("tail", Lex::Head, HEAD_TAIL),
            tag("name", Lex::Head, HEAD_NAME),
        ],
        false
    ),
    file!(
        "bodies.txt",
        &[
            tag("", Lex::Body, 0),
            tag("body", Lex::Body, 0),
            tag("lower", Lex::LowerBody, 0),
            tag("lower_paired", Lex::LowerBody, LOWER_PAIRED),
        ],
        false
    ),
    file!(
        "ministries.txt",
        &[tag("", Lex::Domain, 0), tag("agency", Lex::Body, 0)],
        false
    ),
    file!(
        "name_words.txt",
        &[
            tag("", Lex::NameWord, 0),
            tag("v", Lex::NameWord, NAME_VERB),
            tag("f", Lex::NameWord, NAME_NOT_FIRST),
        ],
        false
    ),
    file!(
        "places.txt",
        &[
            tag("", Lex::Place, PLACE_PROVINCE),
            tag("c", Lex::Place, PLACE_COUNTRY),
        ],
        false
    ),
    file!("domains.txt", &[tag("", Lex::Domain, 0)], false),
    file!("family_names.txt", &[tag("", Lex::Family, 0)], false),
    file!("persons.txt", &[tag("", Lex::KnownPerson, 0)], false),
    file!("given_names.txt", &[tag("", Lex::GivenName, 0)], false),
    file!(
        "famous_persons.txt",
        &[tag("", Lex::KnownPerson, FAMOUS)],
        false
    ),
    // The segmenter's file, in the same format (read by
    // `segment::convention`; no recognizer of the extractor asks for it).
    FileSpec {
        name: "vlsp_terms.txt",
        text: include_str!("../../data/segment/vlsp_terms.txt"),
        tags: &[tag("", Lex::VlspTerm, 0), tag("stop", Lex::VlspStop, 0)],
        values: false,
    },
    file!(
        "words.txt",
        &[
            tag("and", Lex::And, 0),
            tag("from", Lex::From, 0),
            tag("those", Lex::Those, 0),
            tag("of", Lex::Of, 0),
            tag("number", Lex::NumberWord, 0),
            tag("term", Lex::Term, 0),
            tag("at", Lex::At, 0),
        ],
        false
    ),
    file!(
        "date_words.txt",
        &[
            tag("day", Lex::DateUnit, DAY),
            tag("month", Lex::DateUnit, MONTH),
            tag("year", Lex::DateUnit, YEAR),
            tag("quarter", Lex::DateUnit, QUARTER),
            tag("pod", Lex::PartOfDay, 0),
            tag("weekday", Lex::Weekday, 0),
            tag("weekday_n", Lex::Weekday, WEEKDAY_ORDINAL),
            tag("ordinal_before", Lex::OrdinalBefore, 0),
            tag("day_prefix", Lex::DayPrefix, 0),
            tag("range_to", Lex::RangeTo, 0),
            tag("quantity_before", Lex::QuantityBefore, 0),
            tag("place_noun", Lex::PlaceNoun, 0),
            tag("named_place", Lex::NamedPlace, 0),
            tag("peak", Lex::Peak, 0),
            tag("quantity_after", Lex::QuantityAfter, 0),
            tag("not_quantity", Lex::NotQuantity, 0),
            tag("year_relative", Lex::YearRelative, 0),
            tag("cue_before", Lex::CueBefore, 0),
            tag("cue_after", Lex::CueAfter, 0),
            tag("time_before", Lex::TimeBefore, 0),
            tag("holiday", Lex::Holiday, 0),
            tag("month_prep", Lex::MonthPrep, 0),
            tag("range_quantity", Lex::RangeQuantity, 0),
            tag("decade", Lex::Decade, 0),
            tag("month_word", Lex::MonthName, MONTH_NUMERAL),
            tag("month_only", Lex::MonthName, MONTH_ONLY),
            tag("day_word", Lex::DayName, 0),
            tag("month_event", Lex::MonthEvent, 0),
            tag("birth", Lex::Birth, 0),
        ],
        true
    ),
    file!(
        "doc_types.txt",
        &[
            tag("", Lex::DocType, DOC_PLAIN),
            tag("type", Lex::DocType, DOC_PLAIN),
            tag("law", Lex::DocType, DOC_LAW),
            tag("constitution", Lex::DocType, DOC_CONSTITUTION),
            tag("letter", Lex::DocType, DOC_LETTER),
            tag("joint", Lex::DocType, DOC_JOINT),
            tag("act", Lex::DocType, DOC_ACT),
        ],
        true
    ),
    file!(
        "docref_words.txt",
        &[
            tag("body", Lex::IssuerBody, 0),
            tag("committee", Lex::IssuerBody, COMMITTEE),
            tag("office", Lex::IssuerOffice, 0),
            tag("ministry", Lex::Ministry, 0),
            tag("local_head", Lex::LocalHead, 0),
            tag("head", Lex::NamedHead, HEAD_PLAIN),
            tag("head_ministry", Lex::NamedHead, HEAD_MINISTRY),
            tag("head_dept", Lex::NamedHead, HEAD_DEPT),
            tag("head_board", Lex::NamedHead, HEAD_BOARD),
            tag("council", Lex::Council, 0),
            tag("steering", Lex::Steering, 0),
            tag("campaign", Lex::Campaign, 0),
            tag("level", Lex::Level, LEVEL),
            tag("level_abbr", Lex::Level, LEVEL_ABBR),
            tag("level_stop", Lex::Level, LEVEL_STOP),
            tag("high_court", Lex::Level, HIGH_COURT),
            tag("level_ascii", Lex::Level, LEVEL_ASCII),
            tag("stop", Lex::IssuerStop, 0),
            tag("verb", Lex::IssuerVerb, 0),
            tag("quantity", Lex::DocQuantity, 0),
            tag("amending", Lex::Amending, 0),
        ],
        false
    ),
    file!(
        "org_words.txt",
        &[
            tag("law_title", Lex::LawTitle, 0),
            tag("law_end", Lex::LawEnd, 0),
            tag("company", Lex::CompanyHead, 0),
            tag("quantifier", Lex::Quantifier, QUANT_MANY),
            tag("quantifier_each", Lex::Quantifier, QUANT_EACH),
            tag("quantifier_every", Lex::Quantifier, QUANT_EVERY),
            tag("quantifier_those", Lex::Quantifier, QUANT_THOSE),
            tag("class_noun", Lex::ClassNoun, 0),
            tag("territory", Lex::Territory, 0),
            tag("territory_abbr", Lex::Territory, TERRITORY_ABBR),
            tag("supreme", Lex::OrgTail, SUPREME),
            tag("region", Lex::OrgTail, REGION),
            tag("lower_head", Lex::LowerHead, 0),
            tag("street", Lex::Street, 0),
            tag("not_head_lower", Lex::NotHead, 0),
            tag("not_head", Lex::NotHead, NOT_HEAD_ANY_CASE),
            tag("kind_head", Lex::KindHead, 0),
            tag("party_head", Lex::PartyHead, 0),
            tag("ministry_head", Lex::MinistryHead, 0),
            tag("kind_name", Lex::KindName, 0),
            tag("lower_first", Lex::LowerFirst, 0),
            tag("lower_first_long", Lex::LowerFirstLong, 0),
            tag("lower_first_kind", Lex::LowerFirstLong, LOWER_FIRST_KIND),
            tag("short_head", Lex::ShortHead, 0),
            tag("territory_head", Lex::TerritoryHead, 0),
            tag("of_head", Lex::OfHead, 0),
            tag("court", Lex::Court, 0),
            tag("embassy", Lex::Embassy, 0),
            tag("numbered", Lex::Numbered, 0),
            tag("numbered_inner", Lex::Numbered, NUMBERED_INNER),
            tag("school", Lex::School, 0),
            tag("lower_name", Lex::LowerName, 0),
            tag("state", Lex::State, 0),
            tag("name_stop", Lex::NameStop, 0),
            tag("award", Lex::NameStop, AWARD),
            tag("deputy", Lex::Deputy, 0),
            tag("middle_name", Lex::MiddleName, 0),
            tag("namesake_after", Lex::NamesakeAfter, 0),
            tag("territory_bare", Lex::Territory, TERRITORY_BARE),
            tag("central", Lex::OrgTail, CENTRAL),
            tag("outlet", Lex::Outlet, 0),
            tag("level", Lex::OrgLevel, ORG_LEVEL),
            tag("level_court", Lex::OrgLevel, ORG_LEVEL_COURT),
            tag("same_level", Lex::OrgLevel, ORG_LEVEL_SAME),
            tag("rule_cue", Lex::RuleCue, 0),
            tag("board", Lex::Board, 0),
            tag("not_body_before", Lex::NotBodyBefore, 0),
            tag("platform", Lex::NotBodyBefore, PLATFORM),
            tag("not_body_after", Lex::NotBodyAfter, 0),
        ],
        false
    ),
    file!(
        "foreign_words.txt",
        &[
            tag("club_first", Lex::ClubFirst, 0),
            tag("club_first_abbr", Lex::ClubFirst, CLUB_ABBR),
            tag("club_last", Lex::ClubLast, 0),
            tag("not_club", Lex::NotClub, 0),
            tag("company_last", Lex::CompanyLast, 0),
            tag("company_suffix", Lex::CompanySuffix, 0),
            tag("foreign_stop", Lex::ForeignStop, 0),
            tag("product", Lex::ForeignStop, FOREIGN_PRODUCT),
            tag("foreign_place", Lex::ForeignPlace, 0),
        ],
        false
    ),
    file!(
        "title_words.txt",
        &[
            tag("acting", Lex::Acting, 0),
            tag("not_acting", Lex::NotActing, 0),
            tag("standing", Lex::Standing, 0),
            tag("secretariat", Lex::Secretariat, 0),
            tag("event_before", Lex::EventBefore, 0),
            tag("former", Lex::Former, 0),
            tag("country_word", Lex::CountryWord, 0),
            tag("appointed", Lex::Appointed, 0),
            tag("is", Lex::Is, 0),
            tag("portfolio_role", Lex::PortfolioRole, 0),
            tag("signed", Lex::Signed, 0),
            tag("link_verb", Lex::LinkVerb, 0),
            tag("rank", Lex::Rank, 0),
            tag("assistant", Lex::Assistant, 0),
        ],
        false
    ),
    file!(
        "person_words.txt",
        &[
            tag("address", Lex::Honorific, ADDRESS),
            tag("address_other", Lex::Honorific, ADDRESS_OTHER),
            tag("kin", Lex::Honorific, KIN),
            tag("degree", Lex::Honorific, DEGREE),
            tag("editor", Lex::Honorific, EDITOR),
            tag("honorific", Lex::Honorific, HONORIFIC),
            tag("cue", Lex::Honorific, CUE),
            tag("place_before", Lex::PlaceBefore, 0),
            tag("person_noun", Lex::PersonNoun, 0),
            tag("uncle", Lex::Uncle, 0),
            tag("photo", Lex::Photo, 0),
            tag("foreign_person_before", Lex::ForeignPersonBefore, 0),
            tag("foreign_thing_before", Lex::ForeignThingBefore, 0),
            tag("foreign_person_after", Lex::ForeignPersonAfter, 0),
            tag("connector", Lex::Connector, 0),
            tag("signing", Lex::Signing, 0),
            tag("name_join", Lex::NameJoin, 0),
            tag("particle", Lex::Particle, 0),
            tag("place_prep", Lex::PlacePrep, 0),
            tag("person_after", Lex::PersonAfter, 0),
            tag("place_name", Lex::NamePlace, 0),
        ],
        false
    ),
];

/// Document codes compared exactly as written, not through the matcher
/// (see the file's header).
pub(crate) static CODES: FileSpec = file!(
    "docref_codes_extra.txt",
    &[
        tag("code", Lex::CodeType, 0),
        tag("issuer", Lex::CodeIssuer, 0),
        tag("term", Lex::CodeTerm, 0),
        tag("case", Lex::CodeType, CODE_CASE),
        tag("stage", Lex::CodeType, CODE_STAGE),
    ],
    false
);

/// One parsed line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Line<'s> {
    /// 1-based line number.
    pub line: usize,
    /// The phrase, trimmed.
    pub phrase: &'s str,
    /// Lexicon and class of each tag.
    pub tags: Vec<(Lex, u8)>,
    /// The value, if given.
    pub value: Option<&'s str>,
}

/// The error for line `line` of `file`.
pub(crate) fn bad_line(file: &str, line: usize, msg: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::BadData { line }, format!("{file}:{line}: {msg}"))
}

/// Parses `text` as a file in the format of `spec` (named `file` in
/// errors). Duplicates are found when the phrases are compiled
/// ([`super::matcher`]), where their keys are known.
pub(crate) fn parse<'s>(file: &str, text: &'s str, spec: &FileSpec) -> Result<Vec<Line<'s>>> {
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        let l = raw.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let mut fields = l.split('|');
        let phrase = fields.next().unwrap_or("").trim();
        let tags = fields.next();
        let value = fields.next().map(str::trim);
        if fields.next().is_some() {
            return Err(bad_line(
                file,
                line,
                "more than three fields (phrase|tags|value)",
            ));
        }
        if phrase.is_empty() {
            return Err(bad_line(file, line, "empty phrase"));
        }
        if !crate::token::tokenize(phrase)
            .next()
            .is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Alnum))
        {
            return Err(bad_line(
                file,
                line,
                format!("{phrase:?} does not start with a word"),
            ));
        }
        let mut parsed = Vec::new();
        match tags {
            None => match spec.tag("") {
                Some(t) => parsed.push((t.lex, t.class)),
                None => {
                    return Err(bad_line(
                        file,
                        line,
                        format!("a tag is needed: {}", known(spec)),
                    ))
                }
            },
            Some(tags) => {
                for name in tags.split(',').map(str::trim) {
                    let t = spec.tag(name).filter(|_| !name.is_empty()).ok_or_else(|| {
                        bad_line(file, line, format!("unknown tag {name:?}: {}", known(spec)))
                    })?;
                    if parsed.iter().any(|&(l, _)| l == t.lex) {
                        return Err(bad_line(
                            file,
                            line,
                            format!("two tags of one lexicon in {tags:?}"),
                        ));
                    }
                    parsed.push((t.lex, t.class));
                }
            }
        }
        if let Some(v) = value {
            if !spec.values {
                return Err(bad_line(file, line, "this file takes no value field"));
            }
            if v.is_empty() {
                return Err(bad_line(file, line, "empty value"));
            }
        }
        out.push(Line {
            line,
            phrase,
            tags: parsed,
            value,
        });
    }
    Ok(out)
}

/// "known tags: a, b, c" for error messages.
fn known(spec: &FileSpec) -> String {
    let names: Vec<&str> = spec
        .tags
        .iter()
        .map(|t| if t.name.is_empty() { "(none)" } else { t.name })
        .collect();
    format!("known tags: {}", names.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> &'static FileSpec {
        FILES.iter().find(|f| f.name == "roles.txt").unwrap()
    }

    #[test]
    fn lines_tags_and_comments() {
        let got = parse(
            "t",
            "# comment\n\n chủ tịch \nTrưởng|org\nđại biểu|comp\n",
            spec(),
        )
        .unwrap();
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].phrase, "chủ tịch");
        assert_eq!(got[0].line, 3);
        assert_eq!(got[0].tags, vec![(Lex::Role, ROLE_PLAIN)]);
        assert_eq!(got[1].tags, vec![(Lex::Role, ROLE_ORG)]);
        assert_eq!(got[2].line, 5);
    }

    #[test]
    fn malformed_lines_are_errors_with_file_and_line() {
        for (text, line, what) in [
            ("chủ tịch\nbí thư|boss\n", 2, "unknown tag"),
            ("|org\n", 1, "empty phrase"),
            ("  |  \n", 1, "empty phrase"),
            ("a\nb\nbí thư|org|x|y\n", 3, "more than three fields"),
            ("bí thư|\n", 1, "unknown tag"),
            ("bí thư|org,\n", 1, "unknown tag"),
            ("bí thư|org|Bí thư\n", 1, "no value"),
            ("bí thư|org,comp\n", 1, "two tags of one lexicon"),
            ("...|org\n", 1, "does not start with a word"),
            ("12 bí thư|org\n", 1, "does not start with a word"),
        ] {
            let e = parse("roles.txt", text, spec()).unwrap_err();
            let msg = e.to_string();
            assert!(
                msg.contains(&format!("roles.txt:{line}:")),
                "{text:?}: {msg}"
            );
            assert!(msg.contains(what), "{text:?}: {msg}");
            assert_eq!(e.kind(), &ErrorKind::BadData { line }, "{text:?}");
        }
    }

    #[test]
    fn a_file_without_default_needs_tags() {
        let heads = FILES.iter().find(|f| f.name == "org_heads.txt").unwrap();
        let e = parse("org_heads.txt", "Sở\n", heads).unwrap_err();
        assert!(e.to_string().contains("a tag is needed"), "{e}");
    }

    #[test]
    fn lexicon_sets_hold_every_lexicon() {
        // The last lexicon lies past the first 128 bits.
        let (first, last) = (Lex::Role, Lex::NamePlace);
        assert!(last as usize >= 128);
        let mut s = LexSet::EMPTY;
        assert!(!s.has(first) && !s.has(last));
        s.insert(last);
        assert!(s.has(last) && !s.has(first));
        assert!(s.meets(LexSet::of(&[last])) && !s.meets(LexSet::of(&[first])));
        let u = s.union(LexSet::of(&[first]));
        assert!(u.has(first) && u.has(last));
        assert_eq!(u, LexSet::of(&[last, first]));
    }

    #[test]
    fn every_embedded_file_parses() {
        for f in FILES.iter().chain([&CODES]) {
            if let Err(e) = parse(f.name, f.text, f) {
                panic!("{e}");
            }
        }
    }
}
