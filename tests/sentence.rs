//! Sentence splitter tests on sentences written for this crate.

#[path = "common/data.rs"]
mod data;

use vntext::sentence::{sentences, split_tokens};
use vntext::tokenize;

fn split(text: &str) -> Vec<&str> {
    sentences(text).into_iter().map(|s| s.text).collect()
}

#[test]
fn plain_periods_and_marks() {
    assert_eq!(
        split("Hội nghị bắt đầu lúc 8 giờ. Các đại biểu thảo luận sôi nổi! Ai sẽ phát biểu trước? Chưa rõ."),
        [
            "Hội nghị bắt đầu lúc 8 giờ.",
            "Các đại biểu thảo luận sôi nổi!",
            "Ai sẽ phát biểu trước?",
            "Chưa rõ."
        ]
    );
}

#[test]
fn spans_point_into_original() {
    let text = "  Một câu.   Câu hai!  ";
    let s = sentences(text);
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].span, 2..13); // "ộ" is 3 bytes
    assert_eq!(&text[s[1].span.clone()], "Câu hai!");
    assert!(sentences("").is_empty());
    assert!(sentences(" \n\t ").is_empty());
}

#[test]
fn abbreviations_do_not_split() {
    assert_eq!(
        split("Đoàn công tác của TP. Cần Thơ do PGS.TS. Hồ Minh Quân dẫn đầu. GS. Vũ Hải và ThS. Lý Thu cùng dự."),
        [
            "Đoàn công tác của TP. Cần Thơ do PGS.TS. Hồ Minh Quân dẫn đầu.",
            "GS. Vũ Hải và ThS. Lý Thu cùng dự."
        ]
    );
    assert_eq!(
        split("BS. Đinh Lan khám tại Tp.HCM rồi về St. Louis. Xong."),
        ["BS. Đinh Lan khám tại Tp.HCM rồi về St. Louis.", "Xong."]
    );
}

#[test]
fn district_and_ward_letters() {
    assert_eq!(
        split("Trụ sở đặt tại số 12, P. Bến Thành, Q. 1. Điện thoại liên hệ có sẵn."),
        [
            "Trụ sở đặt tại số 12, P. Bến Thành, Q. 1.",
            "Điện thoại liên hệ có sẵn."
        ]
    );
}

#[test]
fn initials_and_name_final_letter() {
    assert_eq!(
        split("Bị cáo N.V.A. Khai nhận hành vi. Người làm chứng là Trần Văn B. Ông B khai rõ."),
        [
            "Bị cáo N.V.A. Khai nhận hành vi.",
            "Người làm chứng là Trần Văn B.",
            "Ông B khai rõ."
        ]
    );
}

#[test]
fn decimals_dates_and_numbers() {
    assert_eq!(
        split("Doanh thu đạt 1.234,5 tỷ đồng, tăng 12,5%. Ngày 05.06.2023 ký kết. Năm 2024 dự kiến 3.000 tỷ."),
        [
            "Doanh thu đạt 1.234,5 tỷ đồng, tăng 12,5%.",
            "Ngày 05.06.2023 ký kết.",
            "Năm 2024 dự kiến 3.000 tỷ."
        ]
    );
}

#[test]
fn ellipses() {
    assert_eq!(
        split(
            "Còn nhiều việc như giao thông, thủy lợi… Tỉnh sẽ rà soát. Chờ đã... rồi tính... Được."
        ),
        [
            "Còn nhiều việc như giao thông, thủy lợi…",
            "Tỉnh sẽ rà soát.",
            "Chờ đã... rồi tính...",
            "Được."
        ]
    );
}

#[test]
fn closing_quotes_and_brackets() {
    assert_eq!(
        split("Bà nói: “Việc này phải xong trước Tết rồi.” Mọi người đồng ý. Anh hỏi \"Khi nào?\" rồi đi. (Ảnh minh họa.) Hết."),
        [
            "Bà nói: “Việc này phải xong trước Tết rồi.”",
            "Mọi người đồng ý.",
            "Anh hỏi \"Khi nào?\" rồi đi.",
            "(Ảnh minh họa.)",
            "Hết."
        ]
    );
    assert_eq!(
        split("“Có thật không?” chị hỏi lại."),
        ["“Có thật không?” chị hỏi lại."]
    );
}

#[test]
fn quote_then_period_and_spaced_closers() {
    assert_eq!(
        split("Chị hỏi: \"Bao giờ xong?\". Không ai đáp. Anh than: \" Mệt quá! \" . Rồi ngủ."),
        [
            "Chị hỏi: \"Bao giờ xong?\".",
            "Không ai đáp.",
            "Anh than: \" Mệt quá! \" .",
            "Rồi ngủ."
        ]
    );
}

#[test]
fn continuations_after_ellipsis() {
    assert_eq!(
        split("Họ đi bộ suốt... 12 tiếng. Bến, chợ, đình làng... - những nơi ai cũng nhớ. Xong."),
        [
            "Họ đi bộ suốt... 12 tiếng.",
            "Bến, chợ, đình làng... - những nơi ai cũng nhớ.",
            "Xong."
        ]
    );
}

#[test]
fn numbered_list_items() {
    assert_eq!(
        split("1. Tăng cường kiểm tra. 2. Báo cáo kết quả. a) Rà soát hồ sơ; b) Lập danh sách."),
        [
            "1. Tăng cường kiểm tra.",
            "2. Báo cáo kết quả.",
            "a) Rà soát hồ sơ; b) Lập danh sách."
        ]
    );
    assert_eq!(
        split("Điều 5. Đối tượng áp dụng. Chương II. Tổ chức thực hiện. IV. Kiến nghị."),
        [
            "Điều 5. Đối tượng áp dụng.",
            "Chương II. Tổ chức thực hiện.",
            "IV. Kiến nghị."
        ]
    );
}

#[test]
fn line_breaks_are_hard_boundaries() {
    assert_eq!(
        split(
            "Tiêu đề không có dấu chấm\nĐoạn thứ nhất, viết tiếp\nvẫn xuống dòng.\r\n\r\nĐoạn sau."
        ),
        [
            "Tiêu đề không có dấu chấm",
            "Đoạn thứ nhất, viết tiếp",
            "vẫn xuống dòng.",
            "Đoạn sau."
        ]
    );
}

#[test]
fn official_document_ending() {
    assert_eq!(
        split("Quyết định có hiệu lực kể từ ngày ký./. Nơi nhận: như trên."),
        [
            "Quyết định có hiệu lực kể từ ngày ký./.",
            "Nơi nhận: như trên."
        ]
    );
}

#[test]
fn lowercase_after_period_continues() {
    assert_eq!(
        split("Các xã v.v. đều tham gia. Kết quả tốt."),
        ["Các xã v.v. đều tham gia.", "Kết quả tốt."]
    );
}

#[test]
fn missing_space_after_period() {
    assert_eq!(
        split("Buổi họp kết thúc.Sáng mai làm tiếp."),
        ["Buổi họp kết thúc.", "Sáng mai làm tiếp."]
    );
}

#[test]
fn token_ranges_cover_all_tokens() {
    let text = "Một. Hai! Ba?\nBốn… Năm";
    let toks: Vec<_> = tokenize(text).collect();
    let r = split_tokens(&toks);
    assert_eq!(r, [0..2, 2..4, 4..6, 6..8, 8..9]);
    assert!(split_tokens(&[]).is_empty());
}

#[test]
fn long_line_is_linear() {
    // 2 MB with no terminator, then 2 MB of short sentences.
    let mut text = "chữ ".repeat(400_000);
    text.push_str(&"Câu. ".repeat(300_000));
    let t = std::time::Instant::now();
    let s = sentences(&text);
    assert_eq!(s.len(), 300_000);
    assert!(t.elapsed().as_secs() < 20);
}

mod props {
    use proptest::prelude::*;
    use vntext::sentence::{sentences, split_tokens};
    use vntext::tokenize;

    /// Text built from pieces that exercise the rules.
    fn text() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "Hội",
            "nghị",
            "TP",
            "Tp",
            "PGS",
            "A",
            "v",
            ".",
            ". ",
            "./.",
            "!",
            "?",
            "…",
            "...",
            "“",
            "”",
            "\"",
            "(",
            ")",
            " ",
            "  ",
            "\n",
            "\r\n",
            "1",
            "1.234,5",
            "Điều",
            "a)",
            "5",
            "\u{200B}",
            "\u{FEFF}",
            "é",
            "e\u{0301}",
            "ông",
            "Sáng",
            ",",
            ":",
        ]);
        prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn spans_are_ordered_trimmed_and_cover_every_token(s in text()) {
            let toks: Vec<_> = tokenize(&s).collect();
            let ranges = split_tokens(&toks);
            // Token ranges: non-empty, contiguous, covering all tokens.
            let mut next = 0;
            for r in &ranges {
                prop_assert!(r.start == next && r.end > r.start);
                next = r.end;
            }
            prop_assert_eq!(next, toks.len());
            let sents = sentences(&s);
            prop_assert_eq!(sents.len(), ranges.len());
            let mut last = 0;
            for x in &sents {
                prop_assert!(x.span.start >= last);
                last = x.span.end;
                prop_assert_eq!(&s[x.span.clone()], x.text);
                prop_assert!(!x.text.is_empty());
                prop_assert!(!x.text.contains('\n'));
                prop_assert!(!x.text.starts_with(char::is_whitespace));
                prop_assert!(!x.text.ends_with(char::is_whitespace));
            }
        }
    }
}

/// Boundary precision and recall on UD Vietnamese-VTB `# text` lines,
/// detokenized (no space before `, . ! ? : ; ) …`, none after `(`) and
/// joined five at a time with a space. Prints the figures with
/// `VNTEXT_DATA=../shared/data cargo test --release --test sentence -- --ignored --nocapture vtb`.
#[test]
#[ignore = "needs VNTEXT_DATA (ud-vi-vtb); run: VNTEXT_DATA=../shared/data cargo test -- --ignored"]
fn vtb_boundaries() {
    let before = regex::Regex::new(r" ([,.!?:;)…])").unwrap();
    for split_name in ["train", "dev", "test"] {
        let conllu = data::read(&format!("ud-vi-vtb/vi_vtb-ud-{split_name}.conllu"));
        let sents: Vec<String> = conllu
            .lines()
            .filter_map(|l| l.strip_prefix("# text ="))
            .map(|s| before.replace_all(s.trim(), "$1").replace("( ", "("))
            .collect();
        let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
        for group in sents.chunks(5) {
            let text = group.join(" ");
            let mut gold = std::collections::BTreeSet::new();
            let mut pos = 0;
            for s in &group[..group.len() - 1] {
                pos += s.len();
                gold.insert(pos);
                pos += 1;
            }
            let found = sentences(&text);
            let pred: std::collections::BTreeSet<usize> = found[..found.len().saturating_sub(1)]
                .iter()
                .map(|s| s.span.end)
                .collect();
            tp += gold.intersection(&pred).count();
            fp += pred.difference(&gold).count();
            fn_ += gold.difference(&pred).count();
        }
        let (p, r) = (tp as f64 / (tp + fp) as f64, tp as f64 / (tp + fn_) as f64);
        println!(
            "VTB {split_name}: {} sentences, {} boundaries, P {p:.3} R {r:.3}",
            sents.len(),
            tp + fn_
        );
        assert!(p > 0.95 && r > 0.98, "P {p:.3} R {r:.3}");
    }
}
