//! `decode`: legacy-encoded bytes (each whole input) to UTF-8 in NFC.
//!
//! `--from auto` reads a byte-order mark first (UTF-8, UTF-16LE, UTF-16BE),
//! then refuses what is no text in any encoding it knows (NUL bytes:
//! binary data or UTF-16 without a BOM), then takes valid UTF-8 as UTF-8
//! unless [`vntext::Encoding::detect`] finds a legacy reading clearly more
//! Vietnamese, and otherwise a legacy encoding only when detection is
//! confident enough ([`input::PLAUSIBLE`]); anything else is refused with
//! the best guess and its confidence.

use std::io::{self, Write};

use vntext::Encoding;

use super::super::args::{Common, From};
use super::super::input::{self, inputs, line_of, Fail, Input, Res};

pub fn run(from: From, common: &Common) -> Res {
    let fixed = match from {
        From::Auto => None,
        From::Tcvn3 => Some(Encoding::Tcvn3),
        From::Vni => Some(Encoding::Vni),
        From::Viscii => Some(Encoding::Viscii),
        From::Cp1258 => Some(Encoding::Cp1258),
        From::Utf8 => Some(Encoding::Utf8),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut warned = false;
    for input in inputs(common)? {
        let bytes = input.read_all()?;
        let text = match fixed {
            Some(enc) => {
                let body = match enc {
                    Encoding::Utf8 => bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes),
                    _ => &bytes,
                };
                decode(&input, body, enc, common.lossy, &mut warned)?
            }
            None => auto(&input, &bytes, common.lossy, &mut warned)?,
        };
        out.write_all(text.as_bytes())?;
    }
    out.flush()?;
    Ok(())
}

/// Decodes with `--from auto`.
fn auto(input: &Input, bytes: &[u8], lossy: bool, warned: &mut bool) -> Res<String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode(input, rest, Encoding::Utf8, lossy, warned);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(input, rest, u16::from_le_bytes, "UTF-16LE", lossy, warned);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(input, rest, u16::from_be_bytes, "UTF-16BE", lossy, warned);
    }
    if bytes.contains(&0) {
        return Err(Fail::Msg(format!(
            "{}: not decoded: {}",
            input.name,
            match input::utf16_without_bom(bytes) {
                Some(kind) => format!(
                    "looks like {kind} without a byte-order mark (add one, or convert \
                     with `iconv -f {kind} -t UTF-8`)"
                ),
                None => "contains NUL bytes: binary data, not text".into(),
            }
        )));
    }
    let guess = Encoding::detect(bytes);
    let valid_utf8 = input::utf8(bytes).is_ok();
    let enc = match guess.encoding {
        Encoding::Utf8 => Encoding::Utf8,
        // Valid UTF-8 that detection reads as legacy text with little
        // confidence stays UTF-8.
        _ if valid_utf8 && guess.confidence < input::PLAUSIBLE => Encoding::Utf8,
        e if guess.confidence >= input::PLAUSIBLE => e,
        e => {
            return Err(Fail::Msg(format!(
                "{}: not decoded: no Vietnamese encoding is plausible (best guess {}, \
                 confidence {:.3}; --from ENCODING forces one)",
                input.name,
                input::encoding_label(e),
                guess.confidence
            )))
        }
    };
    decode(input, bytes, enc, lossy, warned)
}

/// Decodes UTF-16 (after its BOM) into NFC text.
fn utf16(
    input: &Input,
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
    kind: &str,
    lossy: bool,
    warned: &mut bool,
) -> Res<String> {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut text = String::with_capacity(bytes.len());
    let mut bad: Option<String> = (bytes.len() % 2 == 1).then(|| "odd number of bytes".into());
    // UTF-16 units read so far, for the offset of an error.
    let mut read = 0usize;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                text.push(c);
                read += c.len_utf16();
            }
            Err(e) => {
                bad.get_or_insert_with(|| {
                    format!(
                        "unpaired surrogate 0x{:04X} at byte offset {} (after the BOM)",
                        e.unpaired_surrogate(),
                        2 * read
                    )
                });
                text.push('\u{FFFD}');
                read += 1;
            }
        }
    }
    if let Some(why) = bad {
        if !lossy {
            return Err(Fail::Msg(format!(
                "{}: invalid {kind}: {why} (--lossy replaces bad units)",
                input.name
            )));
        }
        warn(input, &format!("invalid {kind}: {why}"), warned);
        if bytes.len() % 2 == 1 {
            text.push('\u{FFFD}');
        }
    }
    // NFC, as for every other encoding.
    Ok(vntext::legacy::decode_lossy(
        text.as_bytes(),
        Encoding::Utf8,
    ))
}

fn warn(input: &Input, what: &str, warned: &mut bool) {
    if !*warned {
        *warned = true;
        eprintln!(
            "vntext: warning: {}: {what}; replaced with U+FFFD",
            input.name
        );
    }
}

/// Decodes `bytes` from `enc`, or reports the first bad byte with its line.
fn decode(
    input: &Input,
    bytes: &[u8],
    enc: Encoding,
    lossy: bool,
    warned: &mut bool,
) -> Res<String> {
    match vntext::legacy::decode(bytes, enc) {
        Ok(t) => Ok(t),
        Err(e) if lossy => {
            warn(input, &e.to_string(), warned);
            Ok(vntext::legacy::decode_lossy(bytes, enc))
        }
        Err(e) => {
            let at = match e.kind() {
                vntext::ErrorKind::InvalidUtf8 { offset }
                | vntext::ErrorKind::InvalidByte { offset, .. } => {
                    format!(":{}", line_of(bytes, *offset))
                }
                _ => String::new(),
            };
            Err(Fail::Msg(format!(
                "{}{at}: {e} (decoding as {}; --lossy replaces bad bytes)",
                input.name,
                input::encoding_label(enc)
            )))
        }
    }
}
