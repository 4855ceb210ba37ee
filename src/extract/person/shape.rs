//! The shape of a name: which capitalised words can be words of a
//! Vietnamese or of a foreign person's name, and where a foreign name's run
//! ends (particles, middle initials, hyphenated parts).

use crate::lex::{foreign_word, Analysis, Lex};
use crate::syllable::is_syllable;

/// Whether `c` is a letter only Vietnamese spelling uses (ă â ê ô ơ ư đ,
/// with or without a tone mark, either case).
fn vietnamese_letter(c: char) -> bool {
    crate::chars::letter(c)
        .is_some_and(|l| crate::chars::split(l.base).1 != crate::chars::Modifier::None)
}

/// Whether the text of a word can be a syllable of a Vietnamese name:
/// a syllable of the grammar (marked or not: "Nguyễn", "Tran").
pub(super) fn vietnamese(w: &str) -> bool {
    is_syllable(w)
}

/// Whether the text of a word looks foreign: not a Vietnamese syllable,
/// letters only, no letter that only Vietnamese uses ("Hugo", "Séverine",
/// "Tolstoy"; not "Minh", "Kiênngày").
pub(super) fn foreign(w: &str) -> bool {
    // Cheap tests first: this runs on every capitalised word.
    if w.is_ascii() {
        return w.len() >= 2
            && w.bytes().all(|b| b.is_ascii_alphabetic())
            && (!is_syllable(w) || foreign_word(w));
    }
    let mut n = 0;
    for c in w.chars() {
        if vietnamese_letter(c) || !c.is_alphabetic() {
            return false;
        }
        n += 1;
    }
    n >= 2 && !is_syllable(w)
}

/// Whether `w` has a letter only Vietnamese spelling uses.
pub(super) fn has_vietnamese_letter(w: &str) -> bool {
    !w.is_ascii() && w.chars().any(vietnamese_letter)
}

/// Whether `w` is two syllables written without the space between them
/// (a typo: "Mèocó", "Kiênngày"), each of two letters or more, with a
/// letter or a mark only Vietnamese writes; names of the Central Highlands
/// ("Blốk", "Êban") and foreign names ("Biden", "Choong") are not.
pub(super) fn glued(w: &str) -> bool {
    // Unmarked words are left alone: "Biden", "Choong" split too.
    if w.is_ascii() || w.chars().count() < 4 || is_syllable(w) {
        return false;
    }
    w.char_indices().skip(2).any(|(b, _)| {
        let (x, y) = w.split_at(b);
        // The second starts with a consonant, as words after a space do
        // ("Mèo|có"; not "Ne|áng").
        y.chars().count() >= 2
            && !y.chars().next().is_some_and(crate::chars::is_vowel_char)
            && is_syllable(x)
            && is_syllable(y)
    })
}

/// Whether word token `k` is a capitalised word of a foreign name: a
/// foreign word or a Vietnamese-looking syllable ("Kim", "Min" in Korean
/// and Burmese names), not all in capitals, no word of organisation,
/// product or place names. `hyphen`: `k` is the part after a hyphen
/// ("Min-jun", "Al-Rashid"), which may be lowercase.
fn foreign_part(a: &Analysis, k: usize, hyphen: bool) -> bool {
    a.is_word(k)
        && (a.is_cap(k) || hyphen)
        && !(a.toks[k].upper && a.text(k).chars().count() > 1)
        && !a.is(k, Lex::ForeignStop)
        && (foreign(a.text(k)) || vietnamese(a.text(k)))
}

/// A foreign name's run from `i`: capitalised words (glued by hyphens or
/// apostrophes), lowercase particles between them ("de", "von der"), and
/// middle initials ("John F. Kennedy"). Returns `(end, words, foreign
/// words)`, or `None` when `i` does not start one.
pub(super) fn foreign_run(a: &Analysis, i: usize) -> Option<(usize, usize, usize)> {
    // A word with a letter only Vietnamese writes ("Trường") starts none:
    // decided without the syllable grammar.
    if !a.is_word(i) || has_vietnamese_letter(a.text(i)) {
        return None;
    }
    let mut j = i;
    let (mut words, mut foreign_words) = (0usize, 0usize);
    loop {
        // One capitalised unit: word(-word)*. A Vietnamese-looking word is
        // part of a foreign name only unmarked ("Park Hang Seo", "Min"), and
        // starts one only as a family name ("Kim Min-jun"): "Ông Putin",
        // "Theo Reuters", "Bà Youn" start elsewhere.
        if !a.is_word(j) || j > i && !a.sp(j) {
            break;
        }
        // Cheap tests before the syllable grammar.
        if !a.is_cap(j)
            || a.toks[j].upper && a.text(j).chars().count() > 1
            || a.is(j, Lex::ForeignStop)
        {
            break;
        }
        let f = foreign(a.text(j));
        if !f
            && (!a.text(j).is_ascii()
                || j == i && a.longest(j, Lex::Family).is_none()
                || !vietnamese(a.text(j)))
        {
            break;
        }
        let mut e = j + 1;
        let mut any_foreign = f;
        while e + 1 < a.len()
            && !a.sp(e)
            && !a.sp(e + 1)
            && matches!(a.text(e), "-" | "'" | "’")
            && foreign_part(a, e + 1, true)
        {
            any_foreign |= foreign(a.text(e + 1));
            e += 2;
        }
        words += 1;
        foreign_words += usize::from(any_foreign);
        j = e;
        if words >= 5 {
            break;
        }
        // What may stand before the next unit: particles, an initial.
        let mut k = j;
        while k < a.len() && a.sp(k) && a.is(k, Lex::Particle) && !a.is_cap(k) {
            k += 1;
        }
        if k == j
            && a.is_cap(k)
            && a.sp(k)
            && a.text(k).chars().count() == 1
            && a.text(k + 1) == "."
            && !a.sp(k + 1)
        {
            k += 2;
        }
        if k > j {
            if foreign_part(a, k, false) && a.sp(k) {
                j = k;
                continue;
            }
            break;
        }
        if !(a.is_cap(j) && a.sp(j)) {
            break;
        }
    }
    (words > 0).then_some((j, words, foreign_words))
}

#[cfg(test)]
mod tests {
    use super::{foreign, glued, vietnamese};

    #[test]
    fn word_shapes() {
        for w in [
            "Hugo",
            "Séverine",
            "Tolstoy",
            "Murakami",
            "Aung",
            "Hlaing",
            "Curie",
        ] {
            assert!(foreign(w), "{w}");
        }
        for w in ["Minh", "Nguyễn", "Kiênngày", "A", "Tran", "H2O"] {
            assert!(!foreign(w), "{w}");
        }
        for w in ["Nguyễn", "Trãi", "Tran", "Kim", "Min"] {
            assert!(vietnamese(w), "{w}");
        }
        for w in ["Kiênngày", "Hugo"] {
            assert!(!vietnamese(w), "{w}");
        }
        for w in ["Mèocó", "Kiênngày"] {
            assert!(glued(w), "{w}");
        }
        for w in [
            "Blốk", "Êban", "Mlô", "Neáng", "Nguyễn", "Hugo", "Minh", "Biden", "Choong",
        ] {
            assert!(!glued(w), "{w}");
        }
    }
}
