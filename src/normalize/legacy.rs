//! Legacy 8-bit Vietnamese encodings. PLACEHOLDER.
