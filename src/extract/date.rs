//! DATE recognizer. PLACEHOLDER: to be written.

use super::{Entity, Ymd};
use crate::token::Token;

/// Days in `month` of `year` (Gregorian).
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Finds the DATE entities of `text`.
pub(crate) fn find<'a>(
    _text: &'a str,
    _tokens: &[Token<'a>],
    _reference: Option<Ymd>,
) -> Vec<Entity<'a>> {
    Vec::new()
}
