//! The crate's one error type.
//!
//! Processing an in-memory `&str` never fails; only loading data (user
//! dictionaries, model files), decoding bytes and parsing options can. Every
//! such failure is an [`Error`], whose [`Error::kind`] tells what went wrong.

use std::fmt;

/// What kind of failure an [`Error`] is.
///
/// ```
/// use vntext::legacy::{decode, Encoding};
/// use vntext::ErrorKind;
/// let e = decode(b"ok \xff", Encoding::Utf8).unwrap_err();
/// assert_eq!(e.kind(), &ErrorKind::InvalidUtf8 { offset: 3 });
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Bytes that should be UTF-8 are not; `offset` is the byte offset of the
    /// first invalid byte.
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A legacy-encoded byte has no defined meaning in the chosen encoding.
    InvalidByte {
        /// Byte offset of the offending byte.
        offset: usize,
        /// The byte itself.
        byte: u8,
    },
    /// A dictionary or model file could not be parsed; `line` is 1-based
    /// when known (0 otherwise).
    BadData {
        /// 1-based line number of the problem, or 0.
        line: usize,
    },
    /// An option value was not understood.
    BadOption,
    /// A character cannot be represented in the target legacy encoding;
    /// `offset` is its byte offset in the (NFC) text being encoded.
    Unencodable {
        /// Byte offset of the character.
        offset: usize,
        /// The character itself.
        ch: char,
    },
    /// An I/O error while reading data.
    Io,
}

/// An error from loading data, decoding bytes or parsing an option.
///
/// ```
/// let e = "2023-02-30".parse::<vntext::Ymd>().unwrap_err();
/// assert_eq!(e.kind(), &vntext::ErrorKind::BadOption);
/// assert!(e.to_string().contains("2023-02-30"));
/// ```
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    message: Box<str>,
}

impl Error {
    /// Creates an error of `kind` with a human-readable `message`.
    pub(crate) fn new(kind: ErrorKind, message: impl Into<Box<str>>) -> Self {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::new(ErrorKind::Io, e.to_string())
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
