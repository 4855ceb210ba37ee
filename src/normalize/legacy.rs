//! Legacy 8-bit Vietnamese encodings: TCVN3 (ABC), VNI-Windows, VISCII and
//! Windows-1258, plus detection.
//!
//! Every decoder runs in one pass over the input (linear time; TCVN3 looks
//! at most 12 bytes around a few ambiguous bytes), never panics, and returns
//! text in Unicode NFC.
//!
//! ```
//! use vntext::legacy::{decode, encode, Encoding};
//!
//! // "Việt Nam" as written with the .VnTime (TCVN3/ABC) fonts.
//! assert_eq!(decode(b"Vi\xd6t Nam", Encoding::Tcvn3).unwrap(), "Việt Nam");
//! // The same words in VNI-Windows: base letter + mark byte.
//! assert_eq!(decode(b"Vie\xe4t Nam", Encoding::Vni).unwrap(), "Việt Nam");
//! assert_eq!(encode("Việt Nam", Encoding::Viscii).unwrap(), b"Vi\xaet Nam");
//!
//! let guess = Encoding::detect("Hội đồng nhân dân".as_bytes());
//! assert_eq!(guess.encoding, Encoding::Utf8);
//! ```
//!
//! # The encodings
//!
//! * **VISCII** follows RFC 1456 exactly (as does glibc `iconv -f VISCII`):
//!   0x02 Ẳ, 0x05 Ẵ, 0x06 Ẫ, 0x14 Ỷ, 0x19 Ỹ, 0x1E Ỵ, 0x80 Ạ, 0x8E Ệ, 0x9E Ụ,
//!   0xA0 Õ. Every byte is defined.
//! * **Windows-1258**: Microsoft's code page, byte for byte as glibc `iconv -f
//!   CP1258` has it; the five tone bytes (0xCC 0xD2 0xDE 0xEC 0xF2) are the
//!   combining marks U+0300 U+0309 U+0303 U+0301 U+0323 and are composed with
//!   the preceding letter (the output is NFC). The nine bytes Windows leaves
//!   undefined (0x81 0x8A 0x8D–0x90 0x9A 0x9D 0x9E) are errors in [`decode`]
//!   and U+FFFD in [`decode_lossy`].
//! * **VNI-Windows** (Unikey's "VNI Windows" table): a vowel is written as its
//!   ASCII base letter followed by one mark byte that carries the tone, the
//!   circumflex or breve, or both (`a` + 0xE1 = ấ; capitals use the mark byte
//!   0x20 lower: `A` + 0xC1 = Ấ). ơ ư đ, the five toned i and ỵ are single
//!   bytes (0xF4 0xF6 0xF1, 0xEC 0xED 0xE6 0xF3 0xF2, 0xEE; capitals 0x20
//!   lower). A mark byte is applied to the character before it when that
//!   character can carry it (the case of the result follows the base letter,
//!   and either case of mark byte is accepted); otherwise, and for every other
//!   byte, the byte means what it means in Windows-1252. Windows-1252's five
//!   undefined bytes (0x81 0x8D 0x8F 0x90 0x9D) are errors / U+FFFD.
//! * **TCVN3** is TCVN 5712:1993 "VN3", the layout of the ABC `.VnTime`
//!   fonts: lower-case letters with all tones, and the capitals Ă Â Ê Ô Ơ Ư Đ
//!   (0xA1–0xA7) without tones. Capitals with a tone do not exist in VN3:
//!   heading fonts (`.VnTimeH`) draw the lower-case codes as capitals, so those
//!   bytes decode to lower case — the font, not the bytes, made them capitals.
//!
//! ## Where ABC and VN1 (glibc `TCVN5712-1`) disagree
//!
//! glibc implements the larger VN1 table, which adds the toned capitals in
//! bytes that VN3 leaves free and combining marks at 0xB0–0xB4. This crate
//! decodes:
//!
//! * **0xB0–0xB4 as Windows-1252** (`° ± ² ³ ´`): the `.VnTime` fonts are
//!   Windows fonts, and "30°C" or "m²" are common in real ABC documents —
//!   except directly after an untoned vowel letter, where they are VN1's
//!   combining grave, hook, tilde, acute and dot below and compose with it
//!   (`a\xb3` → "á"), as glibc writes letters it has no precomposed code for.
//! * **0x80–0x9F by context.** In ABC documents these bytes are Windows-1252
//!   punctuation (`€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ`); in
//!   VN1 text they are the capitals À Ả Ã Á Ạ Ặ Ậ È Ẻ Ẽ É Ẹ Ệ Ì Ỉ Ĩ Í Ị Ò Ỏ Õ
//!   Ó Ọ Ộ Ờ Ở Ỡ Ớ Ợ Ù Ủ Ũ. Such a byte is read as the VN1 capital when the
//!   run of letters around it then spells a Vietnamese syllable (`\x9Ey ban`
//!   → "Ủy ban", `H\x80 N\x97I` → "HÀ NỘI"), possibly after dropping up to
//!   two other such bytes at each end of the run as quotes (`\x93\x83m\x94`
//!   → "“Ám”"); on its own it is Windows-1252 (`\x96` → "–"), except 0x83
//!   and 0x99, read as the one-letter words Á ("châu Á") and Ở. The run is
//!   capped at 12 bytes each way, so decoding stays linear. The five bytes
//!   Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) are always the
//!   VN1 capitals Ả Ì Ĩ Í Ù. Measured on 200 news documents: ABC-written
//!   bytes decode exactly in 200/200, glibc-VN1-written bytes in 197/200
//!   (`VNTEXT_DATA=../shared/data cargo test --test legacy -- --ignored
//!   --nocapture tcvn3_news`).
//! * **The other VN1 capital slots as VN1** (0x01 Ú, 0x02 Ụ, 0x04 Ừ, 0x05 Ử,
//!   0x06 Ữ, 0x11 Ứ, 0x12 Ự, 0x13 Ỳ, 0x14 Ỷ, 0x15 Ỹ, 0x16 Ý, 0x17 Ỵ, 0xAF Ằ,
//!   0xBA Ẳ, 0xBF–0xC5 Ẵ Ắ Ầ Ẩ Ẫ Ấ Ề, 0xCD Ể, 0xD9–0xDB Ễ Ế Ồ, 0xE0 Ổ, 0xF0 Ỗ,
//!   0xFF Ố): VN3 defines nothing there, so text from a VN1 encoder decodes
//!   right and ABC text loses nothing.
//!
//! [`encode`] to TCVN3 writes pure VN3: a toned capital is written with its
//! lower-case code (as a heading font expects), so it decodes back in lower
//! case.
//!
//! # Detection
//!
//! [`Encoding::detect`] decodes a sample (up to 64 KiB from the first
//! non-ASCII byte) with each legacy encoding and scores each reading: the
//! share of words containing non-ASCII letters that are well-formed
//! Vietnamese syllables (onset, rhyme, one tone on the right vowel, stop
//! codas only with sắc/nặng, lower/Title/UPPER case), with a small bonus for
//! frequent syllables; stray symbols, symbols inside words, control
//! characters and undefined bytes count as failures. The best reading wins;
//! the confidence grows with its score, its margin over the runner-up and
//! the amount of evidence.
//!
//! ASCII is [`Encoding::Utf8`] (confidence 1.0). Valid UTF-8 is
//! [`Encoding::Utf8`] unless a legacy reading is clearly more Vietnamese
//! (short VISCII text can be valid UTF-8 by accident); UTF-8 with a few
//! broken bytes competes with the legacy readings, each U+FFFD counting
//! against it. Measured on the unc-news corpus (`VNTEXT_DATA=../shared/data
//! cargo test --release --test legacy -- --ignored --nocapture detects_news`):
//! 1500/1500 document openings and all of ~9,200 single lines of five or
//! more words are detected right; for three-word fragments the decoded text
//! is wrong in 0.2% (TCVN3, 5/3000), 0.1% (VNI, 3/3000), 2.3% (VISCII,
//! 69/2949) and 0.6% (Windows-1258, 18/3000) of cases.

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;
use unicode_normalization::char::compose;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::chars::{self, Letter, Modifier, Tone};
use crate::{Error, ErrorKind, Result};

mod detect;
mod tables;

use tables::UNDEF;

/// A text encoding that [`decode`] understands.
///
/// ```
/// use vntext::Encoding;
/// let e: Encoding = "vni".parse().unwrap();
/// assert_eq!(e, Encoding::Vni);
/// assert_eq!(vntext::legacy::decode(b"Tr\xf6\xf4\xf8ng", e).unwrap(), "Trường");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 (validated; output normalized to NFC).
    Utf8,
    /// TCVN 5712:1993 VN3, the ABC `.VnTime` fonts (see the module docs for
    /// how bytes outside VN3 are read).
    Tcvn3,
    /// VNI-Windows: base letter followed by a mark byte.
    Vni,
    /// VISCII, RFC 1456.
    Viscii,
    /// Windows-1258: base letter followed by a combining tone byte.
    Cp1258,
}

impl Encoding {
    /// Every encoding, in a fixed order.
    pub const ALL: [Encoding; 5] = [
        Encoding::Utf8,
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Viscii,
        Encoding::Cp1258,
    ];

    /// The canonical lower-case name, as accepted by [`str::parse`]:
    /// `utf8`, `tcvn3`, `vni`, `viscii`, `cp1258`.
    ///
    /// ```
    /// use vntext::legacy::Encoding;
    /// assert_eq!(Encoding::Cp1258.name(), "cp1258");
    /// assert_eq!("cp1258".parse::<Encoding>().unwrap(), Encoding::Cp1258);
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf8",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
            Encoding::Viscii => "viscii",
            Encoding::Cp1258 => "cp1258",
        }
    }

    /// Guesses the encoding of `bytes` (see the module docs for how).
    ///
    /// ASCII-only input is [`Encoding::Utf8`] with confidence 1.0, since
    /// every encoding reads it the same way.
    ///
    /// ```
    /// use vntext::legacy::{encode, Encoding};
    /// let text = "Ủy ban nhân dân thành phố đã họp bàn kế hoạch phát triển kinh tế.";
    /// for enc in [Encoding::Tcvn3, Encoding::Vni, Encoding::Viscii, Encoding::Cp1258] {
    ///     let bytes = encode(text, enc).unwrap();
    ///     let guess = Encoding::detect(&bytes);
    ///     assert_eq!(guess.encoding, enc);
    ///     assert!(guess.confidence > 0.5);
    /// }
    /// ```
    pub fn detect(bytes: &[u8]) -> Detection {
        detect::detect(bytes)
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Encoding {
    type Err = Error;

    /// Parses a name, case-insensitively: `utf8`/`utf-8`, `tcvn3`/`abc`
    /// (also `tcvn`, `vn3`), `vni` (also `vni-windows`), `viscii`,
    /// `cp1258`/`windows-1258`. Anything else is
    /// [`ErrorKind::BadOption`].
    fn from_str(s: &str) -> Result<Encoding> {
        let lower = s.trim().to_ascii_lowercase();
        Ok(match lower.as_str() {
            "utf8" | "utf-8" => Encoding::Utf8,
            "tcvn3" | "abc" | "tcvn" | "vn3" | "tcvn-3" => Encoding::Tcvn3,
            "vni" | "vni-windows" | "vniwin" => Encoding::Vni,
            "viscii" => Encoding::Viscii,
            "cp1258" | "windows-1258" | "windows1258" | "cp-1258" => Encoding::Cp1258,
            _ => {
                return Err(Error::new(
                    ErrorKind::BadOption,
                    format!("unknown encoding {s:?} (expected utf8, tcvn3, vni, viscii or cp1258)"),
                ))
            }
        })
    }
}

/// The result of [`Encoding::detect`].
///
/// ```
/// use vntext::Encoding;
/// let d = Encoding::detect("Hà Nội".as_bytes());
/// assert_eq!(d.encoding, Encoding::Utf8);
/// // Latin-1 prose is no Vietnamese encoding: the guess has no confidence.
/// assert!(Encoding::detect(b"Le gar\xe7on a mang\xe9 une p\xeache.").confidence < 0.1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Detection {
    /// The most likely encoding.
    pub encoding: Encoding,
    /// How sure the guess is, from 0.0 (a coin toss) to 1.0.
    pub confidence: f32,
}

/// Decodes `bytes` from `encoding` into NFC text.
///
/// Fails with [`ErrorKind::InvalidUtf8`] on malformed UTF-8 and with
/// [`ErrorKind::InvalidByte`] on a byte the encoding leaves undefined
/// (only possible in VNI-Windows and Windows-1258; TCVN3 and VISCII define
/// all 256 bytes).
///
/// ```
/// use vntext::legacy::{decode, Encoding};
/// // Windows-1258: "ê" then the combining dot-below byte.
/// assert_eq!(decode(b"Vi\xea\xf2t", Encoding::Cp1258).unwrap(), "Việt");
/// assert_eq!(decode(b"Vi\xaet", Encoding::Viscii).unwrap(), "Việt");
/// assert!(decode(b"\x81", Encoding::Cp1258).is_err());
/// ```
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<String> {
    match encoding {
        Encoding::Utf8 => match std::str::from_utf8(bytes) {
            Ok(s) => Ok(nfc_string(s.to_owned())),
            Err(e) => Err(Error::new(
                ErrorKind::InvalidUtf8 {
                    offset: e.valid_up_to(),
                },
                format!("invalid UTF-8 at byte offset {}", e.valid_up_to()),
            )),
        },
        _ => decode_legacy(bytes, encoding, true).map_err(|offset| {
            let byte = bytes[offset];
            Error::new(
                ErrorKind::InvalidByte { offset, byte },
                format!(
                    "byte 0x{byte:02X} at offset {offset} is undefined in {}",
                    encoding.name()
                ),
            )
        }),
    }
}

/// Decodes `bytes` from `encoding` into NFC text, never failing: malformed
/// UTF-8 and undefined bytes become U+FFFD.
///
/// ```
/// use vntext::legacy::{decode_lossy, Encoding};
/// assert_eq!(decode_lossy(b"a\x81b", Encoding::Cp1258), "a\u{FFFD}b");
/// assert_eq!(decode_lossy(b"Tr\xf6\xf4\xf8ng", Encoding::Vni), "Trường");
/// ```
pub fn decode_lossy(bytes: &[u8], encoding: Encoding) -> String {
    match encoding {
        Encoding::Utf8 => nfc_string(String::from_utf8_lossy(bytes).into_owned()),
        // Non-strict decoding never reports an error.
        _ => decode_legacy(bytes, encoding, false).unwrap_or_default(),
    }
}

/// Encodes `text` in `encoding` (after NFC).
///
/// TCVN3 writes toned capitals with their lower-case codes (VN3 has no
/// toned capitals). Windows-1258 uses a precomposed byte when the code page
/// has one and otherwise base letter + tone byte, as Windows does. A
/// character the encoding cannot represent fails with
/// [`ErrorKind::Unencodable`].
///
/// ```
/// use vntext::legacy::{encode, Encoding};
/// assert_eq!(encode("Trường", Encoding::Vni).unwrap(), b"Tr\xf6\xf4\xf8ng");
/// assert_eq!(encode("Việt", Encoding::Cp1258).unwrap(), b"Vi\xea\xf2t");
/// assert_eq!(encode("Ấn", Encoding::Tcvn3).unwrap(), b"\xcan"); // "ấn"
/// assert!(encode("日本", Encoding::Viscii).is_err());
/// ```
pub fn encode(text: &str, encoding: Encoding) -> Result<Vec<u8>> {
    let text: String = if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text.to_owned()
    } else {
        text.nfc().collect()
    };
    if encoding == Encoding::Utf8 {
        return Ok(text.into_bytes());
    }
    let mut out = Vec::with_capacity(text.len() + text.len() / 4);
    for (offset, c) in text.char_indices() {
        let ok = match encoding {
            Encoding::Tcvn3 => encode_tcvn3(c, &mut out),
            Encoding::Viscii => push_single(&REV_VISCII, c, &mut out),
            Encoding::Cp1258 => encode_cp1258(c, &mut out),
            Encoding::Vni => encode_vni(c, &mut out),
            Encoding::Utf8 => true,
        };
        if !ok {
            return Err(Error::new(
                ErrorKind::Unencodable { offset, ch: c },
                format!(
                    "character {c:?} (U+{:04X}) at offset {offset} cannot be encoded in {}",
                    c as u32,
                    encoding.name()
                ),
            ));
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Decoding

/// Decodes a legacy encoding. In strict mode returns the offset of the first
/// undefined byte; otherwise undefined bytes become U+FFFD.
fn decode_legacy(
    bytes: &[u8],
    encoding: Encoding,
    strict: bool,
) -> std::result::Result<String, usize> {
    let table: &[char; 256] = match encoding {
        Encoding::Tcvn3 => &tables::TCVN3,
        Encoding::Viscii => &tables::VISCII,
        Encoding::Cp1258 => &tables::CP1258,
        Encoding::Vni => return decode_vni(bytes, strict),
        // Callers handle UTF-8 themselves.
        Encoding::Utf8 => return Ok(String::from_utf8_lossy(bytes).into_owned()),
    };
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut needs_nfc = false;
    let mut i = 0;
    while i < bytes.len() {
        // Printable ASCII, tab and line breaks mean themselves in all three
        // tables: copy such runs wholesale.
        let run = plain_ascii_run(&bytes[i..]);
        if run > 0 {
            out.push_str(std::str::from_utf8(&bytes[i..i + run]).unwrap_or_default());
            i += run;
            continue;
        }
        let b = bytes[i];
        let c = if encoding == Encoding::Tcvn3 && (0x80..=0x9F).contains(&b) {
            tcvn3_high(bytes, i)
        } else {
            table[b as usize]
        };
        if c == UNDEF {
            if strict {
                return Err(i);
            }
            out.push('\u{FFFD}');
        } else if encoding == Encoding::Tcvn3 && (0xB0..=0xB4).contains(&b) {
            // VN1's combining tones, when they follow an untoned vowel;
            // otherwise Windows-1252 ° ± ² ³ ´ (see the module docs).
            let tone = VN1_TONES[(b - 0xB0) as usize];
            let composed = out
                .chars()
                .next_back()
                .and_then(vowel)
                .filter(|l| l.tone == Tone::Ngang)
                .and_then(|l| chars::compose(l.base, tone, l.upper));
            match composed {
                Some(composed) => {
                    out.pop();
                    out.push(composed);
                }
                None => out.push(c),
            }
        } else if encoding == Encoding::Cp1258 && Tone::from_mark(c).is_some() {
            // Compose the tone byte with the letter before it; leave
            // anything unusual to a final NFC pass.
            match out.chars().next_back().and_then(|p| add_mark(p, c)) {
                Some(composed) => {
                    out.pop();
                    out.push(composed);
                }
                None => {
                    out.push(c);
                    needs_nfc = true;
                }
            }
        } else {
            out.push(c);
        }
        i += 1;
    }
    // TCVN3 and VISCII tables hold only precomposed letters and no combining
    // marks, so their output is already NFC; Windows-1258 composed its tone
    // bytes above unless `needs_nfc`.
    Ok(if needs_nfc { nfc_string(out) } else { out })
}

/// Length of the leading run of printable ASCII, tab, LF and CR.
fn plain_ascii_run(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| !((0x20..0x7F).contains(&b) || matches!(b, b'\t' | b'\n' | b'\r')))
        .unwrap_or(bytes.len())
}

/// Reads TCVN3 byte `bytes[i]` in 0x80–0x9F: the VN1 capital when the run
/// of letters around it reads as a Vietnamese syllable that way (or the
/// byte is one of the one-letter words Á (châu Á) and Ở on its own), else
/// Windows-1252.
/// Looks at most 12 bytes each way, so decoding stays linear.
fn tcvn3_high(bytes: &[u8], i: usize) -> char {
    const RUN_CAP: usize = 12;
    let b = bytes[i];
    let vn1 = tables::VN1_HIGH[(b - 0x80) as usize];
    let cp = tables::TCVN3[b as usize];
    if cp == vn1 {
        return cp;
    }
    let is_letter = |b: u8| (0x80..=0x9F).contains(&b) || tables::TCVN3[b as usize].is_alphabetic();
    let mut start = i;
    while start > 0 && i - start < RUN_CAP && is_letter(bytes[start - 1]) {
        start -= 1;
    }
    let mut end = i + 1;
    while end < bytes.len() && end - i < RUN_CAP && is_letter(bytes[end]) {
        end += 1;
    }
    let high = |b: u8| (0x80..=0x9F).contains(&b);
    let reads_as_syllable = |run: &[u8]| {
        // The longest syllable, "nghiêng", has seven letters.
        if run.len() > 7 {
            return false;
        }
        if run.len() == 1 {
            return matches!(run[0], 0x83 | 0x99);
        }
        let word: String = run
            .iter()
            .map(|&b| {
                if high(b) {
                    tables::VN1_HIGH[(b - 0x80) as usize]
                } else {
                    tables::TCVN3[b as usize]
                }
            })
            .collect();
        detect::is_syllable(&word)
    };
    // Other 0x80-0x9F bytes at the edges of the run may be quotes (“Ám”):
    // try trimming up to two from each end, fewest first.
    let run = &bytes[start..end];
    let lead = run.iter().take_while(|&&b| high(b)).count();
    let trail = run.iter().rev().take_while(|&&b| high(b)).count();
    const TRIMS: [(usize, usize); 9] = [
        (0, 0),
        (1, 0),
        (0, 1),
        (1, 1),
        (2, 0),
        (0, 2),
        (2, 1),
        (1, 2),
        (2, 2),
    ];
    for (k, l) in TRIMS {
        if k > lead || l > trail || k + l >= run.len() {
            continue;
        }
        let (s2, e2) = (start + k, end - l);
        if reads_as_syllable(&bytes[s2..e2]) {
            return if (s2..e2).contains(&i) { vn1 } else { cp };
        }
    }
    cp
}

/// The tones of VN1's combining bytes 0xB0–0xB4.
const VN1_TONES: [Tone; 5] = [Tone::Huyen, Tone::Hoi, Tone::Nga, Tone::Sac, Tone::Nang];

/// A Vietnamese vowel letter ([`chars::letter`] of a vowel).
fn vowel(c: char) -> Option<Letter> {
    chars::letter(c).filter(|l| chars::is_vowel(l.base))
}

/// VNI mark bytes (lower case; the upper-case ones are 0x20 less): the
/// modifier and the tone each adds to the letter before it.
const VNI_MARKS: [(u8, Modifier, Tone); 17] = [
    (0xF8, Modifier::None, Tone::Huyen),
    (0xFB, Modifier::None, Tone::Hoi),
    (0xF5, Modifier::None, Tone::Nga),
    (0xF9, Modifier::None, Tone::Sac),
    (0xEF, Modifier::None, Tone::Nang),
    (0xE2, Modifier::Circumflex, Tone::Ngang),
    (0xE0, Modifier::Circumflex, Tone::Huyen),
    (0xE5, Modifier::Circumflex, Tone::Hoi),
    (0xE3, Modifier::Circumflex, Tone::Nga),
    (0xE1, Modifier::Circumflex, Tone::Sac),
    (0xE4, Modifier::Circumflex, Tone::Nang),
    (0xEA, Modifier::Breve, Tone::Ngang),
    (0xE8, Modifier::Breve, Tone::Huyen),
    (0xFA, Modifier::Breve, Tone::Hoi),
    (0xFC, Modifier::Breve, Tone::Nga),
    (0xE9, Modifier::Breve, Tone::Sac),
    (0xEB, Modifier::Breve, Tone::Nang),
];

/// VNI single-byte letters (lower case; the upper-case ones are 0x20
/// less): untoned lower-case letter and tone.
const VNI_SINGLES: [(u8, char, Tone); 9] = [
    (0xF1, 'đ', Tone::Ngang),
    (0xF4, 'ơ', Tone::Ngang),
    (0xF6, 'ư', Tone::Ngang),
    (0xEC, 'i', Tone::Huyen),
    (0xE6, 'i', Tone::Hoi),
    (0xF3, 'i', Tone::Nga),
    (0xED, 'i', Tone::Sac),
    (0xF2, 'i', Tone::Nang),
    (0xEE, 'y', Tone::Nang),
];

/// VNI byte tables: the character a byte stands for on its own, and the
/// mark it applies to a preceding letter.
struct VniTables {
    single: [char; 256],
    mark: [Option<(Modifier, Tone)>; 256],
}

static VNI: LazyLock<VniTables> = LazyLock::new(|| {
    let mut single = tables::CP1252;
    let mut mark = [None; 256];
    for &(b, m, t) in &VNI_MARKS {
        mark[b as usize] = Some((m, t));
        mark[(b - 0x20) as usize] = Some((m, t));
    }
    for &(b, base, tone) in &VNI_SINGLES {
        for (byte, upper) in [(b, false), (b - 0x20, true)] {
            if let Some(c) = chars::compose(base, tone, upper) {
                single[byte as usize] = c;
            }
        }
    }
    VniTables { single, mark }
});

fn decode_vni(bytes: &[u8], strict: bool) -> std::result::Result<String, usize> {
    let t = &*VNI;
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..]
            .iter()
            .position(|&b| b >= 0x80)
            .unwrap_or(bytes.len() - i);
        if run > 0 {
            out.push_str(std::str::from_utf8(&bytes[i..i + run]).unwrap_or_default());
            i += run;
            continue;
        }
        let b = bytes[i];
        i += 1;
        if let Some(m) = t.mark[b as usize] {
            if let Some(prev) = out.chars().next_back() {
                if let Some(c) = apply_vni_mark(prev, m) {
                    out.pop();
                    out.push(c);
                    continue;
                }
            }
        }
        let c = t.single[b as usize];
        if c == UNDEF {
            if strict {
                return Err(i - 1);
            }
            out.push('\u{FFFD}');
        } else {
            out.push(c);
        }
    }
    // Every character pushed is precomposed and no combining mark is ever
    // emitted, so the output is NFC.
    Ok(out)
}

/// Applies a VNI mark (modifier and tone) to `prev` when `prev` can carry
/// it: a tone alone goes on any untoned vowel, a circumflex or breve (with
/// or without a tone) on the plain vowel it belongs to.
fn apply_vni_mark(prev: char, (m, tone): (Modifier, Tone)) -> Option<char> {
    let l = vowel(prev).filter(|l| l.tone == Tone::Ngang)?;
    let base = match m {
        Modifier::None => l.base,
        _ => match chars::split(l.base) {
            (ascii, Modifier::None) => chars::join(ascii, m)?,
            _ => return None,
        },
    };
    chars::compose(base, tone, l.upper)
}

/// `c` with the combining `mark` added, when that is one precomposed
/// character. Unlike [`compose`] this handles marks that sort before the
/// existing ones (â + dot below = ậ, whose decomposition is ạ + circumflex).
fn add_mark(c: char, mark: char) -> Option<char> {
    if let Some(r) = compose(c, mark) {
        return Some(r);
    }
    let mut it = [c, mark].into_iter().nfc();
    match (it.next(), it.next()) {
        (Some(r), None) => Some(r),
        _ => None,
    }
}

/// Normalizes to NFC, reusing the string when it already is.
fn nfc_string(s: String) -> String {
    // Fast path: starters that never take part in composition with what
    // precedes them (Latin up to U+02FF, Vietnamese U+1E00–U+1EFF, common
    // punctuation and currency signs); text made only of these is NFC.
    let stable = |c: char| {
        c < '\u{0300}'
            || ('\u{1E00}'..='\u{1EFF}').contains(&c)
            || ('\u{2010}'..='\u{2027}').contains(&c)
            || ('\u{2030}'..='\u{205E}').contains(&c)
            || ('\u{20A0}'..='\u{20BF}').contains(&c)
    };
    if s.chars().all(stable) || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s
    } else {
        s.nfc().collect()
    }
}

// ---------------------------------------------------------------------------
// Encoding

fn reverse(table: &[char; 256], keep: impl Fn(u8, char) -> bool) -> FxHashMap<char, u8> {
    let mut map = FxHashMap::default();
    for (b, &c) in table.iter().enumerate() {
        let b = b as u8;
        if c != UNDEF && keep(b, c) {
            map.entry(c).or_insert(b);
        }
    }
    map
}

static REV_VISCII: LazyLock<FxHashMap<char, u8>> =
    LazyLock::new(|| reverse(&tables::VISCII, |_, _| true));

/// Whether `c` is an upper-case vowel with a tone (VN3 has none).
pub(crate) fn is_toned_capital(c: char) -> bool {
    vowel(c).is_some_and(|l| l.upper && l.tone != Tone::Ngang)
}

/// TCVN3 reverse map: pure VN3 — no VN1 toned capitals.
static REV_TCVN3: LazyLock<FxHashMap<char, u8>> =
    LazyLock::new(|| reverse(&tables::TCVN3, |_, c| !is_toned_capital(c)));

static REV_CP1258: LazyLock<FxHashMap<char, u8>> =
    LazyLock::new(|| reverse(&tables::CP1258, |_, _| true));

fn push_single(map: &FxHashMap<char, u8>, c: char, out: &mut Vec<u8>) -> bool {
    match map.get(&c) {
        Some(&b) => {
            out.push(b);
            true
        }
        None => false,
    }
}

fn encode_tcvn3(c: char, out: &mut Vec<u8>) -> bool {
    if push_single(&REV_TCVN3, c, out) {
        return true;
    }
    // A capital vowel VN3 lacks: its lower-case code.
    match vowel(c) {
        Some(l) if l.upper => {
            chars::compose(l.base, l.tone, false).is_some_and(|lc| push_single(&REV_TCVN3, lc, out))
        }
        _ => false,
    }
}

fn encode_cp1258(c: char, out: &mut Vec<u8>) -> bool {
    if push_single(&REV_CP1258, c, out) {
        return true;
    }
    // A toned vowel without a byte of its own: base letter + tone byte.
    match vowel(c) {
        Some(l) if l.tone != Tone::Ngang => {
            let base = chars::compose(l.base, Tone::Ngang, l.upper);
            let mark = l.tone.mark();
            let (Some(&base), Some(&tone)) = (
                base.and_then(|b| REV_CP1258.get(&b)),
                mark.and_then(|m| REV_CP1258.get(&m)),
            ) else {
                return false;
            };
            out.push(base);
            out.push(tone);
            true
        }
        _ => false,
    }
}

/// VNI bytes a Vietnamese letter or mark uses; other Windows-1252 bytes may
/// stand for themselves.
static VNI_USED: LazyLock<[bool; 256]> = LazyLock::new(|| {
    let mut used = [false; 256];
    let bytes = VNI_MARKS
        .iter()
        .map(|m| m.0)
        .chain(VNI_SINGLES.iter().map(|s| s.0));
    for b in bytes {
        used[b as usize] = true;
        used[(b - 0x20) as usize] = true;
    }
    used
});

static REV_CP1252: LazyLock<FxHashMap<char, u8>> =
    LazyLock::new(|| reverse(&tables::CP1252, |b, _| b < 0x80 || !VNI_USED[b as usize]));

fn encode_vni(c: char, out: &mut Vec<u8>) -> bool {
    if c.is_ascii() {
        out.push(c as u8);
        return true;
    }
    let case = |b: u8, upper: bool| if upper { b - 0x20 } else { b };
    let Some(l) = chars::letter(c) else {
        return push_single(&REV_CP1252, c, out);
    };
    // A single byte (đ ơ ư, toned i, ỵ), else the base letter (or ơ ư)
    // and the mark byte of the modifier and tone.
    if let Some(&(b, _, _)) = VNI_SINGLES
        .iter()
        .find(|&&(_, base, tone)| (base, tone) == (l.base, l.tone))
    {
        out.push(case(b, l.upper));
        return true;
    }
    let (ascii, m) = chars::split(l.base);
    let (first, m) = match m {
        Modifier::Horn => {
            let single = VNI_SINGLES
                .iter()
                .find(|s| (s.1, s.2) == (l.base, Tone::Ngang));
            (
                single.map_or(ascii as u8, |s| case(s.0, l.upper)),
                Modifier::None,
            )
        }
        _ => (
            if l.upper {
                ascii.to_ascii_uppercase() as u8
            } else {
                ascii as u8
            },
            m,
        ),
    };
    out.push(first);
    if (m, l.tone) == (Modifier::None, Tone::Ngang) {
        return true;
    }
    match VNI_MARKS.iter().find(|&&(_, mm, t)| (mm, t) == (m, l.tone)) {
        Some(&(b, _, _)) => {
            out.push(case(b, l.upper));
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vowel_letter_has_a_vni_spelling() {
        let mut n = 0;
        for v in chars::VOWELS {
            for t in Tone::ALL {
                for upper in [false, true] {
                    let c = chars::compose(v, t, upper).unwrap();
                    let bytes = encode(&c.to_string(), Encoding::Vni).unwrap();
                    assert_eq!(decode(&bytes, Encoding::Vni).unwrap(), c.to_string());
                    n += 1;
                }
            }
        }
        assert_eq!(n, 144);
        assert_eq!(encode("Ặ", Encoding::Vni).unwrap(), b"A\xcb");
        assert_eq!(encode("Ợ", Encoding::Vni).unwrap(), b"\xd4\xcf");
    }

    #[test]
    fn vni_mark_needs_a_vowel() {
        // 0xF9 after a consonant is Windows-1252 'ù'.
        assert_eq!(decode_lossy(b"n\xf9", Encoding::Vni), "nù");
        assert_eq!(decode_lossy(b"\xf9", Encoding::Vni), "ù");
        // Breve only on a.
        assert_eq!(decode_lossy(b"o\xea", Encoding::Vni), "oê");
        // A tone on an already toned vowel is not stacked.
        assert_eq!(decode_lossy(b"a\xf9\xf9", Encoding::Vni), "áù");
    }
}
