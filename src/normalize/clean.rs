//! Character cleanup: removal of invisible characters and mapping of exotic
//! spaces to U+0020 (the classes of [`crate::chars`]). Look-alike letters
//! are repaired by the tone pass, inside the runs that then read as a
//! syllable.

use std::borrow::Cow;

use crate::chars::{homoglyph, is_exotic_space, is_invisible};

/// Removes invisible characters (when `invisible`) and maps exotic spaces
/// to U+0020 (when `spaces`). Borrowed when nothing changes.
///
/// ZWJ/ZWNJ are decided once per maximal run of invisible characters, from
/// the characters before and after the whole run (see [`joiner_in_word`]),
/// so the decision does not change when other invisibles of the run are
/// removed: cleaning twice gives the same text as cleaning once.
pub(crate) fn clean_chars(text: &str, invisible: bool, spaces: bool) -> Cow<'_, str> {
    let Some(first) = find_first(text, invisible, spaces) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut i = first;
    while let Some(c) = text[i..].chars().next() {
        if invisible && is_invisible(c) {
            let run_end = invisible_run_end(text, i);
            let remove_joiners =
                joiner_in_word(out.chars().next_back(), text[run_end..].chars().next());
            for j in text[i..run_end].chars() {
                if matches!(j, '\u{200C}' | '\u{200D}') && !remove_joiners {
                    out.push(j);
                }
            }
            i = run_end;
            continue;
        }
        if spaces && is_exotic_space(c) {
            out.push(' ');
        } else {
            out.push(c);
        }
        i += c.len_utf8();
    }
    Cow::Owned(out)
}

/// End (byte offset) of the run of invisible characters starting at `i`.
fn invisible_run_end(text: &str, i: usize) -> usize {
    text[i..]
        .char_indices()
        .find(|&(_, c)| !is_invisible(c))
        .map_or(text.len(), |(k, _)| i + k)
}

/// ZWJ/ZWNJ are removed when a Latin/Vietnamese letter (or a look-alike of
/// one), an ASCII digit, a Latin combining mark or whitespace is next to them; between other
/// characters (emoji sequences, Indic and Arabic joining) they are kept.
fn joiner_in_word(prev: Option<char>, next: Option<char>) -> bool {
    let latin = |c: Option<char>| {
        c.is_some_and(|c| {
            c.is_ascii_alphanumeric()
                || c.is_whitespace()
                || crate::chars::letter(c).is_some()
                // Any Latin letter with marks (ṭ, ǎ…): tone repair may turn
                // it into a Vietnamese letter.
                || (matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
                    && c.is_alphabetic())
                || ('\u{0300}'..='\u{036F}').contains(&c)
                // Look-alikes and ETH count as the Latin letters the repair
                // may turn them into, so the decision is the same before and
                // after that repair.
                || homoglyph(c).is_some()
        })
    };
    latin(prev) || latin(next)
}

/// Byte offset of the first character the cleanup may change. Scans bytes:
/// every target starts with lead byte C2, E1, E2, E3 or EF. A run of
/// invisible characters is examined once, as a whole; a run of joiners that
/// stays is skipped, so the scan is linear.
fn find_first(text: &str, invisible: bool, spaces: bool) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0xC2 {
            i += 1;
            continue;
        }
        let hit = match x {
            0xC2 => b.get(i + 1).is_some_and(|&y| y == 0xA0 || y == 0xAD),
            0xE1 => b.get(i + 1).is_some_and(|&y| y == 0x9A || y == 0xA0),
            0xE2 => b.get(i + 1).is_some_and(|&y| y == 0x80 || y == 0x81),
            0xE3 => b.get(i + 1) == Some(&0x80),
            0xEF => b.get(i + 1) == Some(&0xBB),
            _ => false,
        };
        if hit {
            if let Some(c) = text[i..].chars().next() {
                if spaces && is_exotic_space(c) {
                    return Some(i);
                }
                if invisible && is_invisible(c) {
                    let run_end = invisible_run_end(text, i);
                    let run = &text[i..run_end];
                    let only_joiners = run.chars().all(|j| matches!(j, '\u{200C}' | '\u{200D}'));
                    let keep = only_joiners
                        && !joiner_in_word(
                            text[..i].chars().next_back(),
                            text[run_end..].chars().next(),
                        );
                    if !keep {
                        return Some(i);
                    }
                    i = run_end;
                    continue;
                }
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`find_first`]'s byte prefilter lets through every character of the
    /// two classes (it is written out by hand for speed).
    #[test]
    fn prefilter_covers_the_classes() {
        for cp in 0x80..0x11_0000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            if is_invisible(c) || is_exotic_space(c) {
                // After a letter even a joiner goes.
                let s = format!("x{c}");
                assert_eq!(find_first(&s, true, true), Some(1), "U+{cp:04X}");
            }
        }
    }

    #[test]
    fn cleans() {
        assert_eq!(clean_chars("Hà\u{00A0}Nội", true, true), "Hà Nội");
        assert_eq!(
            clean_chars("Việt\u{00AD}Nam\u{200B}", true, true),
            "ViệtNam"
        );
        assert_eq!(clean_chars("a\u{3000}b\u{FEFF}", true, false), "a\u{3000}b");
        assert!(matches!(
            clean_chars("Tiếng Việt – “chuẩn”…", true, true),
            Cow::Borrowed(_)
        ));
        // ZWJ inside an emoji sequence stays.
        let fam = "\u{1F468}\u{200D}\u{1F469}";
        assert!(matches!(clean_chars(fam, true, true), Cow::Borrowed(_)));
        assert_eq!(clean_chars("ho\u{200D}a", true, true), "hoa");
        // A joiner's fate is decided by the neighbours of its whole run of
        // invisible characters, so a second pass changes nothing.
        for s in [
            "\u{200C}\u{200B} ",
            "\u{200C}\u{200C}a",
            "\u{1F468}\u{200B}\u{200D}\u{1F469}",
        ] {
            let once = clean_chars(s, true, true).into_owned();
            assert_eq!(clean_chars(&once, true, true), once.as_str(), "{s:?}");
        }
        assert_eq!(clean_chars("\u{200C}\u{200B} ", true, true), " ");
        assert_eq!(
            clean_chars("\u{1F468}\u{200B}\u{200D}\u{1F469}", true, true),
            "\u{1F468}\u{200D}\u{1F469}"
        );
    }
}
