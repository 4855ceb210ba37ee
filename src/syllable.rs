//! Vietnamese syllable structure: parse, validate, render. PLACEHOLDER.

// ---- PLACEHOLDER items (cli branch) ------------------------------------

/// A parsed syllable. PLACEHOLDER: only keeps the text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Syllable {
    /// The syllable as written. PLACEHOLDER.
    pub text: String,
}

impl Syllable {
    /// Parses one syllable. PLACEHOLDER: any run of letters.
    pub fn parse(s: &str) -> Option<Syllable> {
        (!s.is_empty() && s.chars().all(char::is_alphabetic)).then(|| Syllable {
            text: s.to_string(),
        })
    }
}

/// Whether `s` is a valid Vietnamese syllable. PLACEHOLDER.
pub fn is_valid(s: &str) -> bool {
    Syllable::parse(s).is_some()
}
