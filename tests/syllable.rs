//! Table-driven tests of syllable parsing and validity (fixtures in
//! tests/data/syllable.tsv, checked by hand against NORMALIZATION.md).

use vntext::syllable::ToneStyle;
use vntext::syllable::{is_syllable, is_valid, Syllable};

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(p) = rest.find("\\u{") {
        out.push_str(&rest[..p]);
        let after = &rest[p + 3..];
        let close = after.find('}').expect("unclosed escape");
        out.push(char::from_u32(u32::from_str_radix(&after[..close], 16).unwrap()).unwrap());
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn fixtures() {
    let data = include_str!("data/syllable.tsv");
    let mut failures = Vec::new();
    let mut count = 0;
    for (lineno, line) in data.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "line {}: {line:?}", lineno + 1);
        let token = unescape(cols[0]);
        let valid = cols[1] == "1";
        count += 1;
        let a = Syllable::parse(&token);
        let parts = match a {
            Some(s) => format!(
                "{}|{}|{}|{}|{}",
                s.onset,
                s.medial,
                s.nucleus,
                s.coda,
                s.tone.name()
            ),
            None => "none".to_string(),
        };
        let got = a.is_some_and(|s| s.is_valid());
        if got != valid || is_valid(&token) != valid || parts != cols[2] {
            failures.push(format!(
                "line {} {token:?}: got valid={got} {parts}, expected valid={valid} {}",
                lineno + 1,
                cols[2]
            ));
        }
        assert_eq!(is_syllable(&token), parts != "none");
    }
    assert!(count > 150, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn render_keeps_case_and_places_tone() {
    let cases = [
        ("hòa", ToneStyle::Modern, "hoà"),
        ("HOÀ", ToneStyle::Traditional, "HÒA"),
        ("Thừơng", ToneStyle::Modern, "Thường"),
        (
            "ngu\u{031B}o\u{031B}\u{0300}i",
            ToneStyle::Traditional,
            "người",
        ),
        ("QUÝ", ToneStyle::Traditional, "QUÝ"),
        ("gIÀ", ToneStyle::Modern, "gIÀ"),
        ("hòa", ToneStyle::Keep, "hòa"),
        ("hoà", ToneStyle::Keep, "hoà"),
        ("tiêń", ToneStyle::Keep, "tiêń"),
    ];
    for (input, style, want) in cases {
        let s = Syllable::parse(input).unwrap();
        assert_eq!(s.render(style), want, "{input:?} {style:?}");
    }
}

#[test]
fn every_rhyme_renders_back_to_itself() {
    // A syllable parsed from its own modern rendering renders identically in
    // both styles except for open oa/oe/uy.
    for word in [
        "toàn", "khuyến", "người", "quyết", "giữa", "nghiêng", "khuỷu", "hoài", "xoáy", "ngoèo",
        "khuấy", "thuở", "thuế", "tuần", "của", "mía", "lửa", "khuya", "yêu", "chuối", "rượu",
    ] {
        let s = Syllable::parse(word).unwrap();
        assert!(s.is_valid(), "{word}");
        assert_eq!(s.render(ToneStyle::Modern), word);
        assert_eq!(s.render(ToneStyle::Traditional), word);
    }
}

#[test]
#[cfg(feature = "serde")]
fn tone_and_json_shape() {
    use vntext::chars::Tone;
    let s = Syllable::parse("Nguyễn").unwrap();
    assert_eq!(s.tone, Tone::Nga);
    assert_eq!(s.len(), 6);
    let j = serde_json::to_value(s).unwrap();
    assert_eq!(
        j,
        serde_json::json!({"onset":"ng","medial":"u","nucleus":"yê","coda":"n","tone":"nga","valid":true})
    );
}

#[test]
fn any_misplaced_mark_is_repaired() {
    use unicode_normalization::UnicodeNormalization;
    use vntext::normalize::Normalizer;
    let data = include_str!("data/syllable.tsv");
    let modern = Normalizer::builder().cleanup(false).build();
    let trad = Normalizer::builder()
        .tone(ToneStyle::Traditional)
        .cleanup(false)
        .build();
    let mut checked = 0;
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 3 || cols[1] != "1" {
            continue;
        }
        let word = unescape(cols[0]);
        let syl = Syllable::parse(&word).unwrap();
        let Some(mark) = syl.tone.mark() else {
            continue;
        };
        // The word's letters in NFD without the tone mark, split per letter.
        let mut letters: Vec<String> = Vec::new();
        for c in word.nfd().filter(|&c| c != mark) {
            if unicode_normalization::char::is_combining_mark(c) {
                letters.last_mut().unwrap().push(c);
            } else {
                letters.push(c.to_string());
            }
        }
        for j in 0..letters.len() {
            let mut s = String::new();
            for (k, l) in letters.iter().enumerate() {
                s.push_str(l);
                if k == j {
                    s.push(mark);
                }
            }
            for input in [s.clone(), s.nfc().collect::<String>()] {
                assert_eq!(
                    modern.normalize(&input),
                    syl.render(ToneStyle::Modern),
                    "{input:?}"
                );
                assert_eq!(
                    trad.normalize(&input),
                    syl.render(ToneStyle::Traditional),
                    "{input:?}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "{checked}");
}
