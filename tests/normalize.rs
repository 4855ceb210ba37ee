//! Table-driven tests of normalization, folding and tone placement
//! (fixtures in tests/data/normalize.tsv, written and checked by hand
//! against NORMALIZATION.md), plus property tests.

use std::borrow::Cow;

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use vntext::normalize::{fold, fold_lower, Normalizer, ToneStyle};

/// Counts allocations made by the current thread.
struct Counting;

thread_local! {
    static ALLOCS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        unsafe { std::alloc::System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCS.with(|c| c.get());
    f();
    ALLOCS.with(|c| c.get()) - before
}

#[test]
fn clean_text_does_not_allocate() {
    let text = "Thủ tướng yêu cầu các bộ, ngành hoà giải; khoẻ mạnh, thuỷ lợi, quý, \
                người, của, mía, tài, giữa, Quỳnh, NGUYỄN – “kiểu mới”… 10h30 ₫ 中文 Ðx";
    let modern = Normalizer::new();
    let trad = Normalizer::builder().tone(ToneStyle::Traditional).build();
    let trad_text = trad.normalize(text).into_owned();
    let long = text.repeat(400);
    let _ = (
        modern.normalize(text),
        fold("á"),
        vntext::syllable::is_syllable("á"),
    ); // tables
    assert_eq!(
        allocations(|| assert!(matches!(modern.normalize(text), Cow::Borrowed(_)))),
        0
    );
    assert_eq!(
        allocations(|| assert!(matches!(modern.normalize(&long), Cow::Borrowed(_)))),
        0
    );
    assert_eq!(
        allocations(|| assert!(matches!(trad.normalize(&trad_text), Cow::Borrowed(_)))),
        0
    );
    assert_eq!(
        allocations(|| assert!(vntext::syllable::is_syllable("NGƯỜI"))),
        0
    );
    assert_eq!(
        allocations(|| assert!(matches!(fold("ASCII only"), Cow::Borrowed(_)))),
        0
    );
    // A change allocates the output once, plus a little for the run cache on
    // long texts.
    assert!(allocations(|| drop(modern.normalize("hòa"))) >= 1);
}

/// Decodes `\u{XXXX}` escapes in a fixture field.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(p) = rest.find("\\u{") {
        out.push_str(&rest[..p]);
        let after = &rest[p + 3..];
        let close = after.find('}').expect("unclosed escape");
        let cp = u32::from_str_radix(&after[..close], 16).expect("hex");
        out.push(char::from_u32(cp).expect("scalar"));
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

fn run_mode(mode: &str, input: &str) -> String {
    let n = |style, cleanup| {
        Normalizer::builder()
            .tone(style)
            .cleanup(cleanup)
            .build()
            .normalize(input)
            .into_owned()
    };
    match mode {
        "modern" => n(ToneStyle::Modern, true),
        "traditional" => n(ToneStyle::Traditional, true),
        "keep" => n(ToneStyle::Keep, true),
        "modern-nc" => n(ToneStyle::Modern, false),
        "traditional-nc" => n(ToneStyle::Traditional, false),
        "keep-nc" => n(ToneStyle::Keep, false),
        "fold" => fold(input).into_owned(),
        "fold_lower" => fold_lower(input).into_owned(),
        "default" => vntext::normalize(input).into_owned(),
        other => panic!("unknown mode {other}"),
    }
}

#[test]
fn fixtures() {
    let data = include_str!("data/normalize.tsv");
    let mut failures = Vec::new();
    let mut count = 0;
    for (lineno, line) in data.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "line {}: {line:?}", lineno + 1);
        let modes = cols[0];
        let input = unescape(cols[1]);
        let expected = unescape(cols[2]);
        for mode in modes.split(',') {
            count += 1;
            let got = run_mode(mode, &input);
            if got != expected {
                failures.push(format!(
                    "line {} [{mode}] {input:?}: got {got:?}, expected {expected:?}",
                    lineno + 1
                ));
            }
        }
    }
    assert!(count > 300, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn long_text_equals_line_by_line() {
    // Long inputs take paths short ones do not (a run cache): the result
    // must be the concatenation of the per-line results.
    let data = include_str!("data/normalize.tsv");
    let inputs: Vec<String> = data
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split('\t').nth(1))
        .map(unescape)
        .filter(|s| !s.contains('\n'))
        .collect();
    let mut lines = Vec::new();
    while lines.iter().map(|s: &String| s.len() + 1).sum::<usize>() < 40_000 {
        lines.extend(inputs.iter().cloned());
    }
    let big = lines.join("\n");
    for mode in [
        "modern",
        "traditional",
        "keep",
        "modern-nc",
        "traditional-nc",
        "keep-nc",
        "fold",
    ] {
        let want: Vec<String> = lines.iter().map(|l| run_mode(mode, l)).collect();
        assert_eq!(run_mode(mode, &big), want.join("\n"), "{mode}");
    }
}

#[test]
fn keep_without_cleanup_is_exactly_nfc() {
    let n = Normalizer::builder()
        .tone(ToneStyle::Keep)
        .cleanup(false)
        .build();
    for s in [
        "ho\u{0300}a",
        "a\u{0323}\u{0302}",
        "e\u{0340}",
        "\u{212B}ngström Ω",
        "=\u{0338}",
        "tie\u{0302}n\u{0301}",
        "Ð\u{00A0}x\u{200B}y",
        "a\u{0301}\u{0302}",
        "\u{1100}\u{1161}\u{11A8}",
    ] {
        let want: String = s.nfc().collect();
        assert_eq!(n.normalize(s), want, "{s:?}");
    }
}

#[test]
fn clean_text_is_borrowed() {
    let n = Normalizer::new();
    for s in [
        "",
        "plain ASCII text, 123.",
        "Tiếng Việt có dấu: hoà bình, khoẻ mạnh, thuỷ lợi, quý, người, của.",
        "Thủ tướng Phạm Minh Chính – “kiểu mới” … 10h30",
        "Русский текст и 中文",
    ] {
        assert!(matches!(n.normalize(s), Cow::Borrowed(_)), "{s:?}");
        if s.is_ascii() {
            assert!(matches!(fold(s), Cow::Borrowed(_)));
        }
    }
    let t = Normalizer::builder().tone(ToneStyle::Traditional).build();
    assert!(matches!(
        t.normalize("hòa bình, khỏe, thủy"),
        Cow::Borrowed(_)
    ));
    assert!(matches!(fold("Москва 中文 ﬁ"), Cow::Borrowed(_)));
}

/// Vietnamese-looking text for property tests: syllable pieces, marks,
/// separators and a few traps.
fn viet_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("hoà".to_string()),
        Just("hòa".to_string()),
        Just("ho\u{0300}a".to_string()),
        Just("thuỷ".to_string()),
        Just("khoe\u{0309}".to_string()),
        Just("người".to_string()),
        Just("ngu\u{031B}o\u{031B}\u{0300}i".to_string()),
        Just("Quý".to_string()),
        Just("GIỮA".to_string()),
        Just("tiêń".to_string()),
        Just("Ðà".to_string()),
        Just("hоa".to_string()),
        Just("Suárez".to_string()),
        Just(" ".to_string()),
        Just("_".to_string()),
        Just("\u{00A0}".to_string()),
        Just("\u{200B}".to_string()),
        Just("\u{0301}".to_string()),
        Just("\u{0323}".to_string()),
        Just("\u{0302}".to_string()),
        Just(".".to_string()),
        "[a-zA-Zăâêôơưđ]{1,4}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_panic_on_arbitrary(s in any::<String>()) {
        for style in [ToneStyle::Modern, ToneStyle::Traditional, ToneStyle::Keep] {
            for cleanup in [true, false] {
                let n = Normalizer::builder().tone(style).cleanup(cleanup).build();
                let out = n.normalize(&s);
                prop_assert!(unicode_normalization::is_nfc(&out));
            }
        }
        let f = fold(&s);
        prop_assert!(unicode_normalization::is_nfc(&f));
        let _ = fold_lower(&s);
        let _ = vntext::Syllable::parse(&s).map(|x| x.is_valid());
    }

    #[test]
    fn keep_no_cleanup_equals_nfc(s in viet_text(), t in any::<String>()) {
        let n = Normalizer::builder().tone(ToneStyle::Keep).cleanup(false).build();
        for x in [&s, &t] {
            let want: String = x.nfc().collect();
            prop_assert_eq!(n.normalize(x), want);
        }
    }

    #[test]
    fn idempotent_and_nfc(s in viet_text()) {
        for style in [ToneStyle::Modern, ToneStyle::Traditional, ToneStyle::Keep] {
            for cleanup in [true, false] {
                let n = Normalizer::builder().tone(style).cleanup(cleanup).build();
                let once = n.normalize(&s).into_owned();
                prop_assert!(unicode_normalization::is_nfc(&once), "{:?}", once);
                let twice = n.normalize(&once);
                prop_assert_eq!(&once, &*twice);
                prop_assert!(matches!(twice, Cow::Borrowed(_)));
            }
        }
    }

    #[test]
    fn fold_commutes_with_style(s in viet_text()) {
        let m = Normalizer::builder().tone(ToneStyle::Modern).cleanup(false).build();
        let t = Normalizer::builder().tone(ToneStyle::Traditional).cleanup(false).build();
        let a = fold(&m.normalize(&s)).into_owned();
        let b = fold(&t.normalize(&s)).into_owned();
        let c = fold(&s).into_owned();
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(&a, &c);
    }

    #[test]
    fn fold_of_vietnamese_letters_is_ascii(s in "[a-zA-ZàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ ]{0,40}") {
        let f = fold(&s);
        prop_assert!(f.is_ascii(), "{:?}", f);
        prop_assert_eq!(f.chars().count(), s.chars().count());
        let nfd: String = s.nfd().collect();
        prop_assert_eq!(fold(&nfd), f.clone());
        prop_assert_eq!(fold_lower(&s), f.to_lowercase());
    }

    #[test]
    fn lengths_sane(s in viet_text()) {
        // Tone placement never adds or drops letters: without cleanup the
        // output has exactly the characters of NFC(input), reordered at most
        // inside a syllable (a repeated mark may be dropped).
        let n = Normalizer::builder().tone(ToneStyle::Modern).cleanup(false).build();
        let out = n.normalize(&s);
        let nfc: String = s.nfc().collect();
        prop_assert!(out.chars().count() <= nfc.chars().count());
        prop_assert_eq!(fold(&out).chars().filter(|c| c.is_ascii()).count(),
                        fold(&nfc).chars().filter(|c| c.is_ascii()).count());
    }
}
