//! The VLSP convention of the segmenter (`Convention::Vlsp`): the rules of
//! its joining pass on sentences written for these tests, spans back into
//! the original text, and the invariants both conventions keep.

#[path = "common/invariants.rs"]
mod invariants;

use proptest::prelude::*;
use vntext::{Convention, Segmenter, Word, WordKind};

fn seg(c: Convention) -> Segmenter {
    Segmenter::builder().convention(c).build().unwrap()
}

/// The words, with `_` between the syllables of a word.
fn words(c: Convention, text: &str) -> Vec<String> {
    seg(c)
        .segment(text)
        .iter()
        .map(|w| w.text.split_whitespace().collect::<Vec<_>>().join("_"))
        .collect()
}

fn vlsp(text: &str) -> Vec<String> {
    words(Convention::Vlsp, text)
}

fn ud(text: &str) -> Vec<String> {
    words(Convention::Ud, text)
}

fn has(ws: &[String], w: &str) -> bool {
    ws.iter().any(|x| x == w)
}

#[test]
fn default_is_ud_and_unchanged() {
    assert_eq!(Convention::default(), Convention::Ud);
    assert_eq!(Segmenter::new().convention(), Convention::Ud);
    let text = "Bộ Giáo dục và Đào tạo phối hợp với Ủy ban nhân dân tỉnh Nam Định \
                triển khai Luật Giáo dục năm 2019 theo chủ nghĩa Mác - Lênin.";
    let plain = Segmenter::new().segment(text);
    assert_eq!(Segmenter::builder().build().unwrap().segment(text), plain);
    assert_eq!(seg(Convention::Ud).segment(text), plain);
    assert_ne!(seg(Convention::Vlsp).segment(text), plain);
}

#[test]
fn organisations_are_one_word() {
    let text = "Bộ Giáo dục và Đào tạo vừa ban hành hướng dẫn mới.";
    assert_eq!(
        vlsp(text),
        [
            "Bộ_Giáo_dục_và_Đào_tạo",
            "vừa",
            "ban_hành",
            "hướng_dẫn",
            "mới",
            "."
        ]
    );
    // The UD word may already hold the head and the start of the name.
    let text = "Hôm qua, Bộ Giáo dục và Đào tạo công bố lịch thi.";
    assert!(
        has(&ud(text), "Bộ_Giáo_dục"),
        "the UD model no longer gives the word this case needs: {:?}",
        ud(text)
    );
    let v = vlsp(text);
    assert_eq!(v[1..4], [",", "Bộ_Giáo_dục_và_Đào_tạo", "công_bố"], "{v:?}");
    // A compound that starts like a head is no name.
    let v = vlsp("Hội nghị diễn ra.");
    assert_eq!(v[0], "Hội_nghị", "{v:?}");

    // A unique body of bodies.txt.
    let v = vlsp("Bộ Chính trị và Ban Chấp hành Trung ương đã họp.");
    assert!(has(&v, "Bộ_Chính_trị"), "{v:?}");
    assert!(has(&v, "Ban_Chấp_hành_Trung_ương"), "{v:?}");

    // A head with a long name.
    let v = vlsp("Viện Nghiên cứu Quản lý Kinh tế công bố báo cáo.");
    assert_eq!(v[0], "Viện_Nghiên_cứu_Quản_lý_Kinh_tế", "{v:?}");
    assert!(has(&v, "công_bố"), "{v:?}");
}

#[test]
fn names_stop_at_places_persons_offices_and_territories() {
    let v = vlsp("Sở Y tế Hà Nội cho biết.");
    assert_eq!(v[..2], ["Sở_Y_tế", "Hà_Nội"], "{v:?}");

    let v = vlsp("Ủy ban nhân dân tỉnh Nam Định họp.");
    assert_eq!(v[..3], ["Ủy_ban_nhân_dân", "tỉnh", "Nam_Định"], "{v:?}");

    let v = vlsp("Bộ trưởng Bộ Công Thương Trần Văn Lâm phát biểu.");
    assert!(has(&v, "Bộ_Công_Thương"), "{v:?}");
    assert!(has(&v, "Trần_Văn_Lâm"), "{v:?}");

    // Lowercase heads are common nouns.
    let v = vlsp("các bộ giáo dục và y tế");
    assert!(!v.iter().any(|w| w.starts_with("bộ_")), "{v:?}");
}

#[test]
fn law_titles_are_one_word() {
    let v = vlsp("Quốc hội thông qua Luật Đất đai năm 2024.");
    assert_eq!(
        v,
        ["Quốc_hội", "thông_qua", "Luật_Đất_đai", "năm", "2024", "."],
        "{v:?}"
    );
    let v = vlsp("Luật Bảo vệ môi trường được ban hành.");
    assert_eq!(v[0], "Luật_Bảo_vệ_môi_trường", "{v:?}");
    // Not a title: lowercase, or no capitalised word after "Luật".
    assert!(!vlsp("luật đất đai").iter().any(|w| w.starts_with("luật_")));
    assert!(!vlsp("Luật quy định rõ.")
        .iter()
        .any(|w| w.starts_with("Luật_")));
}

#[test]
fn doctrines_and_fixed_terms_are_one_word() {
    let v = vlsp("Kiên định chủ nghĩa Mác - Lênin và tư tưởng Hồ Chí Minh.");
    assert!(has(&v, "chủ_nghĩa_Mác_-_Lênin"), "{v:?}");
    assert!(has(&v, "tư_tưởng_Hồ_Chí_Minh"), "{v:?}");
    let v = vlsp("Họ xây dựng chủ nghĩa xã hội.");
    assert!(has(&v, "chủ_nghĩa_xã_hội"), "{v:?}");
    let v = vlsp("Ủy ban nhân dân các cấp và hợp tác xã nông nghiệp.");
    assert!(has(&v, "Ủy_ban_nhân_dân"), "{v:?}");
    assert!(has(&v, "hợp_tác_xã"), "{v:?}");
    // Tone placement and case do not matter.
    let v = vlsp("CHỦ NGHĨA XÃ HỘI và uỷ ban nhân dân");
    assert!(has(&v, "CHỦ_NGHĨA_XÃ_HỘI"), "{v:?}");
    assert!(has(&v, "uỷ_ban_nhân_dân"), "{v:?}");
}

#[test]
fn person_names_are_one_word_in_both() {
    let text = "Ông Nguyễn Văn An, Giám đốc Sở Tư pháp, phát biểu.";
    assert!(has(&ud(text), "Nguyễn_Văn_An"));
    let v = vlsp(text);
    assert!(has(&v, "Nguyễn_Văn_An"), "{v:?}");
    assert!(has(&v, "Sở_Tư_pháp"), "{v:?}");
}

#[test]
fn joins_stop_at_line_breaks_punctuation_and_headlines() {
    let v = vlsp("Bộ Giáo dục\nvà Đào tạo");
    assert_eq!(v, ["Bộ_Giáo_dục", "và", "Đào_tạo"], "{v:?}");
    let v = vlsp("Bộ Y tế, Bộ Tài chính");
    assert_eq!(v, ["Bộ_Y_tế", ",", "Bộ_Tài_chính"], "{v:?}");
    // An all-capitals headline keeps the UD words.
    let text = "BỘ GIÁO DỤC VÀ ĐÀO TẠO CÔNG BỐ KẾT QUẢ";
    assert_eq!(vlsp(text), ud(text));
}

#[test]
fn spans_point_into_the_original_text() {
    // Double spaces, a tab, decomposed marks: the word keeps them.
    let text = "Vì vậy  Bộ Giáo\tdục và Đào ta\u{0323}o, Luật  Đất đai có hiệu lực.";
    let ws = seg(Convention::Vlsp).segment(text);
    for w in &ws {
        assert_eq!(&text[w.span.clone()], w.text);
    }
    let org = ws.iter().find(|w| w.text.starts_with("Bộ")).unwrap();
    assert_eq!(org.text, "Bộ Giáo\tdục và Đào ta\u{0323}o");
    assert_eq!(org.span, 11..43);
    assert_eq!(org.kind, WordKind::Word);
    let law = ws.iter().find(|w| w.text.starts_with("Luật")).unwrap();
    assert_eq!(law.text, "Luật  Đất đai");
}

#[test]
fn into_tokens_and_user_words_agree() {
    let text = "Sáng nay, Bộ Giáo dục và Đào tạo làm việc với Tổng công ty Điện lực \
                về Luật Giáo dục và chủ nghĩa xã hội.";
    let s = seg(Convention::Vlsp);
    let whole = s.segment(text);
    let mut into = vec![Word {
        text: "x",
        span: 0..1,
        kind: WordKind::Word,
    }];
    s.segment_into(text, &mut into);
    assert_eq!(into, whole);
    let toks: Vec<_> = vntext::tokenize(text).collect();
    assert_eq!(s.segment_tokens(text, &toks), whole);
    // A user word and the convention together.
    let s = Segmenter::builder()
        .user_words(["làm việc với"])
        .convention(Convention::Vlsp)
        .build()
        .unwrap();
    assert_eq!(s.convention(), Convention::Vlsp);
    let v: Vec<&str> = s.segment(text).iter().map(|w| w.text).collect();
    assert!(v.contains(&"làm việc với"), "{v:?}");
    assert!(v.contains(&"Bộ Giáo dục và Đào tạo"), "{v:?}");
}

#[test]
fn convention_names() {
    assert_eq!("ud".parse::<Convention>().unwrap(), Convention::Ud);
    assert_eq!(" Vlsp ".parse::<Convention>().unwrap(), Convention::Vlsp);
    let e = "vnc".parse::<Convention>().unwrap_err();
    assert_eq!(e.kind(), &vntext::ErrorKind::BadOption);
    assert!(e.to_string().contains("expected ud or vlsp"), "{e}");
    assert_eq!(Convention::Vlsp.to_string(), "vlsp");
}

/// Every VLSP word is a run of whole UD words, and the words of both tile
/// the text (the invariants the property and robustness tests check too).
fn check(text: &str) {
    invariants::check_words(text);
}

#[test]
fn invariants_on_written_sentences() {
    for text in [
        "",
        " ",
        "Bộ",
        "Luật",
        "Luật Đất",
        "Bộ Giáo dục và",
        "chủ nghĩa Mác -",
        "Bộ Giáo dục và Đào tạo vừa ban hành hướng dẫn mới.",
        "Quốc hội thông qua Luật Đất đai năm 2024.",
        "Theo  Bộ Giáo\tdục và Đào ta\u{0323}o, Luật  Đất đai có hiệu lực.",
        "Bộ trưởng Bộ Công Thương Trần Văn Lâm phát biểu tại Sở Y tế Hà Nội.",
        "Luật Sửa đổi, bổ sung một số điều của Luật Thuế giá trị gia tăng",
        "Công ty TNHH ABC và Tập đoàn Điện lực Việt Nam (EVN) ký kết.",
    ] {
        check(text);
    }
}

proptest! {
    #[test]
    fn invariants_on_any_text(text in "\\PC{0,80}") {
        check(&text);
    }

    #[test]
    fn invariants_on_name_like_text(
        text in "(Bộ|Sở|Viện|Ủy ban|Luật|Pháp lệnh|Quốc hội|chủ nghĩa|xã hội|và|Giáo dục|Đào tạo|Y tế|Hà Nội|Nguyễn Văn|tỉnh|năm|[A-ZĐ][a-zà-ỹ]{1,5}|[a-zà-ỹ]{1,6}|[0-9]{1,4}|[ \\n\\t,.()–-]){0,30}"
    ) {
        check(&text);
    }
}
