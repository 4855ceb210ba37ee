//! Legacy 8-bit Vietnamese encodings. PLACEHOLDER.

// ---- PLACEHOLDER items (cli branch) ------------------------------------

use crate::{Error, ErrorKind, Result};

/// A text encoding. PLACEHOLDER.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8.
    Utf8,
    /// TCVN3 (ABC).
    Tcvn3,
    /// VNI.
    Vni,
    /// VISCII.
    Viscii,
    /// Windows-1258.
    Cp1258,
}

/// The result of [`Encoding::detect`]. PLACEHOLDER.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Detection {
    /// The most likely encoding.
    pub encoding: Encoding,
    /// Confidence 0–1.
    pub confidence: f32,
}

impl Encoding {
    /// Guesses the encoding of `bytes`. PLACEHOLDER: UTF-8 or TCVN3.
    pub fn detect(bytes: &[u8]) -> Detection {
        let utf8 = std::str::from_utf8(bytes).is_ok();
        Detection {
            encoding: if utf8 {
                Encoding::Utf8
            } else {
                Encoding::Tcvn3
            },
            confidence: if utf8 { 1.0 } else { 0.1 },
        }
    }
}

impl std::str::FromStr for Encoding {
    type Err = Error;
    fn from_str(s: &str) -> Result<Encoding> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "utf8" | "utf-8" => Encoding::Utf8,
            "tcvn3" | "abc" => Encoding::Tcvn3,
            "vni" => Encoding::Vni,
            "viscii" => Encoding::Viscii,
            "cp1258" | "windows-1258" => Encoding::Cp1258,
            _ => {
                return Err(Error::new(
                    ErrorKind::BadOption,
                    format!("unknown encoding {s:?}"),
                ))
            }
        })
    }
}

/// Decodes `bytes`. PLACEHOLDER: UTF-8 and Latin-1 stand-in only.
pub fn decode(bytes: &[u8], enc: Encoding) -> Result<String> {
    match enc {
        Encoding::Utf8 => std::str::from_utf8(bytes).map(str::to_string).map_err(|e| {
            Error::new(
                ErrorKind::InvalidUtf8 {
                    offset: e.valid_up_to(),
                },
                "invalid UTF-8",
            )
        }),
        _ => Ok(decode_lossy(bytes, enc)),
    }
}

/// Decodes `bytes`, replacing undecodable bytes. PLACEHOLDER.
pub fn decode_lossy(bytes: &[u8], enc: Encoding) -> String {
    match enc {
        Encoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        _ => bytes.iter().map(|&b| b as char).collect(),
    }
}
