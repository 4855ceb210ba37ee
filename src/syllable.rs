//! Vietnamese syllable structure: parse, validate, render. PLACEHOLDER.
