//! Spans in the unit asked for with `--offsets`: bytes of UTF-8 (what the
//! library gives) or Unicode code points (the indices of a Python, Spark or
//! Rust `char` string).

use super::args::Offsets;

/// Converts the byte offsets of one text. Built from every offset that will
/// be asked for, in one pass over the text: linear in the text plus
/// `k log k` for `k` offsets, however long or nested the spans.
pub struct Converter {
    /// `(byte offset, code point offset)`, sorted by byte offset; `None`
    /// when the unit is bytes.
    map: Option<Vec<(usize, usize)>>,
}

impl Converter {
    pub fn new(text: &str, unit: Offsets, offsets: impl IntoIterator<Item = usize>) -> Converter {
        if unit == Offsets::Bytes {
            return Converter { map: None };
        }
        let mut wanted: Vec<usize> = offsets.into_iter().collect();
        wanted.sort_unstable();
        wanted.dedup();
        let bytes = text.as_bytes();
        let (mut pos, mut chars) = (0, 0);
        let map = wanted
            .into_iter()
            .map(|b| {
                let end = b.min(bytes.len()).max(pos);
                chars += count_chars(&bytes[pos..end]);
                pos = end;
                (b, chars)
            })
            .collect();
        Converter { map: Some(map) }
    }

    /// The offset of byte `b` in the unit asked for (`b` must be one of the
    /// offsets given to [`Converter::new`]).
    pub fn get(&self, b: usize) -> usize {
        match &self.map {
            None => b,
            Some(m) => match m.binary_search_by_key(&b, |&(x, _)| x) {
                Ok(i) => m[i].1,
                Err(_) => b,
            },
        }
    }
}

/// Code points in UTF-8 `bytes`: the bytes that are not continuation bytes
/// (`10xxxxxx`).
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_are_code_points() {
        // Đ (bytes 0..2) ặ (2..5) n g space, then U+1F1FB (8..12: four
        // bytes, one code point) and x (12..13).
        let text = "Đặng \u{1F1FB}x";
        let offsets = [13, 0, 2, 5, 7, 8, 12, 5];
        let c = Converter::new(text, Offsets::Chars, offsets);
        let got = offsets.map(|b| c.get(b));
        assert_eq!(got, [7, 0, 1, 2, 4, 5, 6, 2]);
        let b = Converter::new(text, Offsets::Bytes, [5]);
        assert_eq!(b.get(5), 5);
    }
}
