//! OFFICIAL recognizer and official→title linking. PLACEHOLDER: to be written.

use super::Entity;
use crate::token::Token;

/// Finds the OFFICIAL entities of `text`.
pub(crate) fn find<'a>(_text: &'a str, _tokens: &[Token<'a>]) -> Vec<Entity<'a>> {
    Vec::new()
}

/// Links officials to the titles predicated of them; `entities` is sorted.
pub(crate) fn link(
    _text: &str,
    _tokens: &[Token<'_>],
    _entities: &[Entity<'_>],
) -> Vec<(usize, usize)> {
    Vec::new()
}
