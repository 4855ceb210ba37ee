//! The Vietnamese alphabet: letter ⇄ (base, modifier, tone). PLACEHOLDER.
