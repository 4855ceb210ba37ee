//! DATE extraction: a table of sentences written for this test, each with
//! the DATE spans and values expected by the conventions of `ENTITIES.md`.

#[path = "common/data.rs"]
mod data;

use vntext::extract::{DateValue, EntityKind, Extractor, Value, Ymd};

/// (span text, iso, part_of_day, quarter, end)
type Exp = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<u8>,
    Option<&'static str>,
);

fn dates(ex: &Extractor, text: &str) -> Vec<(String, DateValue)> {
    ex.extract(text)
        .entities
        .into_iter()
        .filter(|e| e.kind == EntityKind::Date)
        .map(|e| {
            assert_eq!(&text[e.span.clone()], e.text);
            match e.value {
                Value::Date(v) => (e.text.to_string(), v),
                other => panic!("DATE with value {other:?}"),
            }
        })
        .collect()
}

fn check(text: &str, want: &[Exp]) {
    let got = dates(&Extractor::new(), text);
    let got: Vec<Exp> = got
        .iter()
        .map(|(t, v)| {
            (
                &*t.clone().leak(),
                &*v.iso.clone().leak(),
                v.part_of_day,
                v.quarter,
                v.end.clone().map(|s| &*s.leak()),
            )
        })
        .collect();
    assert_eq!(got, want, "in {text:?}");
}

#[test]
fn day_month_forms() {
    let rows: &[(&str, &[Exp])] = &[
        (
            "Sáng 26/12, đoàn công tác về xã.",
            &[("Sáng 26/12", "--12-26", Some("sáng"), None, None)],
        ),
        (
            "Chiều 5-1 hội nghị bế mạc.",
            &[("Chiều 5-1", "--01-05", Some("chiều"), None, None)],
        ),
        (
            "Lễ ra mắt diễn ra ngày 18/5/2021 tại hội trường.",
            &[("ngày 18/5/2021", "2021-05-18", None, None, None)],
        ),
        (
            "Ngày 18 tháng 5 năm 2021, Ban Thường vụ họp.",
            &[("Ngày 18 tháng 5 năm 2021", "2021-05-18", None, None, None)],
        ),
        (
            "Hạn chót là 26-12-2022.",
            &[("26-12-2022", "2022-12-26", None, None, None)],
        ),
        (
            "Hạn chót là 26.12.2022.",
            &[("26.12.2022", "2022-12-26", None, None, None)],
        ),
        (
            "Tối 31/5 có bắn pháo hoa.",
            &[("Tối 31/5", "--05-31", Some("tối"), None, None)],
        ),
        (
            "Trưa 2/9 trời mưa to.",
            &[("Trưa 2/9", "--09-02", Some("trưa"), None, None)],
        ),
        (
            "Đêm 14/2 nhiều người ra phố.",
            &[("Đêm 14/2", "--02-14", Some("đêm"), None, None)],
        ),
        (
            "Rạng sáng 3/3 xảy ra hỏa hoạn.",
            &[("Rạng sáng 3/3", "--03-03", Some("rạng sáng"), None, None)],
        ),
        (
            "Khuya 7/7 mưa lớn.",
            &[("Khuya 7/7", "--07-07", Some("khuya"), None, None)],
        ),
        (
            "Khoảng 8h sáng ngày 30/4 đoàn xuất phát.",
            &[("sáng ngày 30/4", "--04-30", Some("sáng"), None, None)],
        ),
        (
            "Sáng nay (9/1), trường khai giảng.",
            &[("9/1", "--01-09", None, None, None)],
        ),
        (
            "Hôm 26/10 ông trở về quê.",
            &[("26/10", "--10-26", None, None, None)],
        ),
        (
            "Sáng thứ Hai (15/5), Bộ Chính trị họp.",
            &[("Sáng thứ Hai (15/5)", "--05-15", Some("sáng"), None, None)],
        ),
        (
            "Chiều Chủ nhật 21/7 có buổi giao lưu.",
            &[("Chiều Chủ nhật 21/7", "--07-21", Some("chiều"), None, None)],
        ),
        (
            "Cuộc họp dời sang ngày 29/2/2024.",
            &[("ngày 29/2/2024", "2024-02-29", None, None, None)],
        ),
        (
            "NGÀY 18/5/2021 TỈNH TỔ CHỨC LỄ KỶ NIỆM",
            &[("NGÀY 18/5/2021", "2021-05-18", None, None, None)],
        ),
        // decomposed (NFD) "ngày"
        (
            "nga\u{300}y 3/2/2020 là ngày lễ.",
            &[("nga\u{300}y 3/2/2020", "2020-02-03", None, None, None)],
        ),
        (
            "Phiên họp kéo dài đến ngày mùng 2/9.",
            &[("ngày mùng 2/9", "--09-02", None, None, None)],
        ),
        (
            "Sự kiện được dời tới ngày 17 tháng 10.",
            &[("ngày 17 tháng 10", "--10-17", None, None, None)],
        ),
        (
            "Dịp lễ 30/4 năm 2020 vắng khách.",
            &[("30/4 năm 2020", "2020-04-30", None, None, None)],
        ),
        (
            "Chốt phiên 19/4, giá vàng tăng.",
            &[("19/4", "--04-19", None, None, None)],
        ),
        (
            "Hôm nay 30/4 ngày đầu kỳ nghỉ.",
            &[("30/4", "--04-30", None, None, None)],
        ),
        (
            "Dịp lễ 30/4 và 1/5 năm nay đông khách.",
            &[
                ("30/4", "--04-30", None, None, None),
                ("1/5", "--05-01", None, None, None),
            ],
        ),
        // an ordinal, not a weekday
        (
            "Hội nghị hiệp thương lần thứ 2 (17/3) đã diễn ra.",
            &[("17/3", "--03-17", None, None, None)],
        ),
        (
            "Quy định áp dụng từ ngày 1.5 năm nay.",
            &[("ngày 1.5", "--05-01", None, None, None)],
        ),
    ];
    for (text, want) in rows {
        check(text, want);
    }
}

#[test]
fn month_year_quarter_forms() {
    let rows: &[(&str, &[Exp])] = &[
        (
            "Từ tháng 12/2022, giá điện tăng.",
            &[("tháng 12/2022", "2022-12", None, None, None)],
        ),
        (
            "Trong tháng 12 năm 2022 có ba đợt rét.",
            &[("tháng 12 năm 2022", "2022-12", None, None, None)],
        ),
        (
            "Kế hoạch hoàn thành trong năm 2023.",
            &[("năm 2023", "2023", None, None, None)],
        ),
        (
            "Doanh thu quý I/2023 tăng mạnh.",
            &[("quý I/2023", "2023", None, Some(1), None)],
        ),
        (
            "Doanh thu quý 3/2023 giảm nhẹ.",
            &[("quý 3/2023", "2023", None, Some(3), None)],
        ),
        (
            "Đến quý IV năm 2024 sẽ xong.",
            &[("quý IV năm 2024", "2024", None, Some(4), None)],
        ),
        (
            "Số liệu 6 tháng đầu năm 2023 khả quan.",
            &[("năm 2023", "2023", None, None, None)],
        ),
        (
            "Mẫu giấy ghi ngày tháng năm 2024 để trống.",
            &[("năm 2024", "2024", None, None, None)],
        ),
        (
            "Bản Hiến pháp 1946 được ban hành.",
            &[("1946", "1946", None, None, None)],
        ),
        (
            "Ông tốt nghiệp (2001) rồi về công tác.",
            &[("2001", "2001", None, None, None)],
        ),
        (
            "Luật Bảo vệ môi trường 2020 có hiệu lực.",
            &[("2020", "2020", None, None, None)],
        ),
    ];
    for (text, want) in rows {
        check(text, want);
    }
}

#[test]
fn ranges() {
    let rows: &[(&str, &[Exp])] = &[
        (
            "Hội chợ mở ngày 20-22/9.",
            &[("ngày 20-22/9", "--09-20", None, None, Some("--09-22"))],
        ),
        (
            "Giải đấu diễn ra từ ngày 1 đến 5/3/2023.",
            &[(
                "ngày 1 đến 5/3/2023",
                "2023-03-01",
                None,
                None,
                Some("2023-03-05"),
            )],
        ),
        (
            "Đợt tập huấn ngày 20-22 tháng 3 năm 2024 đã kết thúc.",
            &[(
                "ngày 20-22 tháng 3 năm 2024",
                "2024-03-20",
                None,
                None,
                Some("2024-03-22"),
            )],
        ),
        (
            "Lớp học kéo dài từ ngày 24 - 27/4/2021.",
            &[(
                "ngày 24 - 27/4/2021",
                "2021-04-24",
                None,
                None,
                Some("2021-04-27"),
            )],
        ),
        (
            "Từ tháng 3 đến tháng 5/2023 sẽ thi công.",
            &[(
                "tháng 3 đến tháng 5/2023",
                "2023-03",
                None,
                None,
                Some("2023-05"),
            )],
        ),
        (
            "Kế hoạch giai đoạn 2021-2025 đã được duyệt.",
            &[
                ("2021", "2021", None, None, None),
                ("2025", "2025", None, None, None),
            ],
        ),
        (
            "Triều đại kéo dài (1644-1912) với nhiều biến cố.",
            &[
                ("1644", "1644", None, None, None),
                ("1912", "1912", None, None, None),
            ],
        ),
        (
            "Giai đoạn thứ hai là 2026 - 2030, tập trung vào chất lượng.",
            &[
                ("2026", "2026", None, None, None),
                ("2030", "2030", None, None, None),
            ],
        ),
        (
            "Nhiệm kỳ 2020 - 2025 có nhiều đổi mới.",
            &[
                ("2020", "2020", None, None, None),
                ("2025", "2025", None, None, None),
            ],
        ),
        (
            "Từ năm 1998 đến năm 2002 ông làm giám đốc.",
            &[
                ("năm 1998", "1998", None, None, None),
                ("năm 2002", "2002", None, None, None),
            ],
        ),
        (
            "Các năm 2019, 2020 và 2022 đều tăng trưởng.",
            &[
                ("năm 2019", "2019", None, None, None),
                ("2020", "2020", None, None, None),
                ("2022", "2022", None, None, None),
            ],
        ),
        (
            "Dịp lễ 30/4-1/5 khách đông.",
            &[
                ("30/4", "--04-30", None, None, None),
                ("1/5", "--05-01", None, None, None),
            ],
        ),
        (
            "Từ ngày 2/5 đến hết ngày 29/5/2021 tạm dừng.",
            &[
                ("ngày 2/5", "--05-02", None, None, None),
                ("ngày 29/5/2021", "2021-05-29", None, None, None),
            ],
        ),
    ];
    for (text, want) in rows {
        check(text, want);
    }
}

#[test]
fn not_dates() {
    let rows: &[&str] = &[
        "Những năm 80 kinh tế khó khăn.",
        "Những năm 1970 anh còn nhỏ.",
        "Thế kỷ XVII có nhiều biến động.",
        "Ông công tác 5 năm ở huyện.",
        "Đạt 45/63 tỉnh, thành phố.",
        "Tỷ lệ 12/30 xã đạt chuẩn.",
        "Theo Chỉ thị 02/1998/CT-TTg của Thủ tướng.",
        "Họ tập trung tại Quảng trường 30/4 từ sớm.",
        "Cách mạng tháng Tám thành công.",
        "Đầu tháng 10 sẽ có kết quả.",
        "So với quý I, doanh thu giảm.",
        "Chiều cùng ngày, đoàn về tỉnh.",
        "Năm nay mưa nhiều.",
        "Huyện có 2020 hộ nghèo.",
        "Đội nhà thắng 2-1 trên sân khách.",
        "Hơn 1/3 dân số sống ở nông thôn.",
        "Cửa hàng mở cửa 24/7.",
        "Miễn thuế cho thương binh hạng 1/4 và 2/4.",
        "Ông được thừa kế 4/5 khối tài sản.",
        "Tỷ lệ ở đây cao gấp đôi (chỉ 1/8).",
        "Ngày 32/13 không tồn tại.",
        "Gọi tổng đài 1900 1234 để được hỗ trợ.",
        "Khoảng 1500-2000 người tham dự.",
        "Khoảng 2000 - 2500 người tham dự.",
        "Giá xăng tăng 1.5 lần.",
        "Trong những năm 1990, ngành này phát triển.",
    ];
    let ex = Extractor::new();
    for text in rows {
        assert_eq!(dates(&ex, text), vec![], "in {text:?}");
    }
}

#[test]
fn reference_and_dateline_resolution() {
    let ex = Extractor::new().reference_date(Ymd::parse("2023-01-03").unwrap());
    let got = dates(&ex, "Sáng 28/12, tỉnh tổng kết năm.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1.iso, "--12-28");
    // nearest to the reference: the previous December
    assert_eq!(got[0].1.resolved.as_deref(), Some("2022-12-28"));

    let text = "Hà Nội, ngày 28 tháng 11 năm 2013\nChiều 2/12 các đại biểu làm việc.";
    let got = dates(&Extractor::new(), text);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].1.iso, "2013-11-28");
    assert_eq!(got[0].1.resolved, None);
    assert_eq!(got[1].1.iso, "--12-02");
    assert_eq!(got[1].1.resolved.as_deref(), Some("2013-12-02"));

    // no reference, no dateline: nothing resolved
    let got = dates(&Extractor::new(), "Chiều 2/12 các đại biểu làm việc.");
    assert_eq!(got[0].1.resolved, None);
}

#[test]
fn weekday_value() {
    let got = dates(&Extractor::new(), "Sáng thứ Sáu (12/7), hội nghị khai mạc.");
    assert_eq!(got[0].1.weekday, Some("thứ sáu"));
    assert_eq!(got[0].0, "Sáng thứ Sáu (12/7)");
}

#[test]
fn never_panics_on_odd_input() {
    let ex = Extractor::new();
    for s in [
        "",
        "ngày",
        "ngày 31 tháng",
        "quý",
        "quý I/",
        "năm 99999",
        "1/2/3/4/5/6/7/8",
        "thứ",
        "Sáng thứ Hai (",
        "ngày 5 đến",
        "2021-",
        "tháng 3 đến tháng",
    ] {
        let _ = dates(&ex, s);
    }
}

/// Regression guard on the shared development set (both parts).
#[test]
#[ignore = "needs VNTEXT_DATA (entities-dev); run: VNTEXT_DATA=../shared/data cargo test -- --ignored"]
fn dev_set_date_and_docref_f1() {
    let ex = Extractor::new();
    for file in ["real.jsonl", "composed.jsonl"] {
        let jsonl = data::read(&format!("entities-dev/{file}"));
        for kind in [EntityKind::Date, EntityKind::DocRef] {
            let label = if kind == EntityKind::Date {
                "DATE"
            } else {
                "DOCREF"
            };
            let (mut tp, mut gold_n, mut pred_n) = (0usize, 0usize, 0usize);
            for line in jsonl.lines() {
                let g: serde_json::Value = serde_json::from_str(line).unwrap();
                let text = g["text"].as_str().unwrap();
                let gold: std::collections::HashSet<(u64, u64)> = g["entities"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|e| e["type"] == label)
                    .map(|e| (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap()))
                    .collect();
                let ch = |b: usize| text[..b].chars().count() as u64;
                let pred: std::collections::HashSet<(u64, u64)> = ex
                    .extract(text)
                    .entities
                    .iter()
                    .filter(|e| e.kind == kind)
                    .map(|e| (ch(e.span.start), ch(e.span.end)))
                    .collect();
                tp += gold.intersection(&pred).count();
                gold_n += gold.len();
                pred_n += pred.len();
            }
            let f1 = 2.0 * tp as f64 / (gold_n + pred_n).max(1) as f64;
            assert!(f1 >= 0.95, "{file} {label}: F1 {f1:.3} below 0.95");
        }
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    const VOCAB: &[&str] = &[
        "ngày",
        "NGÀY",
        "tháng",
        "năm",
        "quý",
        "I",
        "IV",
        "Sáng",
        "chiều",
        "rạng",
        "sáng",
        "thứ",
        "Hai",
        "chủ",
        "nhật",
        "(",
        ")",
        "-",
        "–",
        "/",
        ",",
        ".",
        ":",
        "đến",
        "số",
        "Số",
        "Nghị",
        "quyết",
        "Luật",
        "của",
        "Bộ",
        "Chính",
        "trị",
        "khóa",
        "XII",
        "QĐ",
        "TTg",
        "QH",
        "UBND",
        "NĐ",
        "CP",
        "KL",
        "TW",
        "26/12",
        "5-1",
        "18/5/2021",
        "20-22/9",
        "2021-2025",
        "2023",
        "1/2023",
        "30/4-1/5",
        "01",
        "15",
        "2020",
        "99999",
        "0/0",
        "31/2",
        "29/2/2024",
        "mùng",
        "nga\u{300}y",
        "\u{200B}",
    ];

    proptest! {
        #[test]
        fn spans_valid_and_same_type_disjoint(words in proptest::collection::vec(0..VOCAB.len(), 0..40), glue in proptest::collection::vec(any::<bool>(), 40)) {
            let mut text = String::new();
            for (k, &w) in words.iter().enumerate() {
                if k > 0 && glue[k % glue.len()] {
                    text.push(' ');
                }
                text.push_str(VOCAB[w]);
            }
            let out = Extractor::new().extract(&text);
            for kind in [EntityKind::Date, EntityKind::DocRef] {
                let mut last_end = 0;
                for e in out.entities.iter().filter(|e| e.kind == kind) {
                    prop_assert!(e.span.start < e.span.end && e.span.end <= text.len());
                    prop_assert_eq!(&text[e.span.clone()], e.text);
                    prop_assert!(e.span.start >= last_end, "overlap in {:?}", text);
                    last_end = e.span.end;
                }
            }
        }
    }
}

#[test]
fn weekday_detached_and_seasons() {
    let rows: &[(&str, &[Exp])] = &[
        // A weekday separated by a comma is not "directly attached": only
        // the date after it (and no part of day, which belongs to the weekday).
        (
            "Tối thứ Năm, ngày 14/9, các đội bóng làm lễ ra quân.",
            &[("ngày 14/9", "--09-14", None, None, None)],
        ),
        // A weekday after the date, in brackets, stays outside.
        (
            "Buổi họp dời sang 11/3 (thứ 6) theo đề nghị của xã.",
            &[("11/3", "--03-11", None, None, None)],
        ),
        // A bare day joined by "và" borrows the month: one DATE with end.
        (
            "Hội thi được tổ chức trong ngày 8 và 9/10 tại nhà văn hóa.",
            &[("ngày 8 và 9/10", "--10-08", None, None, Some("--10-09"))],
        ),
        // Seasons: the two-digit year borrows its century.
        (
            "Ở mùa giải 2019/20, câu lạc bộ đứng thứ ba.",
            &[("2019/20", "2019", None, None, Some("2020"))],
        ),
        (
            "Kết quả năm 2022-23 tốt hơn dự kiến.",
            &[("năm 2022-23", "2022", None, None, Some("2023"))],
        ),
        // Two full years with a slash: two DATEs.
        (
            "Trường tuyển sinh năm học 2023/2024 từ tháng 6/2023.",
            &[
                ("2023", "2023", None, None, None),
                ("2024", "2024", None, None, None),
                ("tháng 6/2023", "2023-06", None, None, None),
            ],
        ),
        // Not a season: the second part is not the next year.
        ("Tỷ lệ đạt 2019/25 hồ sơ.", &[]),
    ];
    for (text, want) in rows {
        check(text, want);
    }
}

#[test]
fn dotted_holidays_and_old_year_lists() {
    let rows: &[(&str, &[Exp])] = &[
        // Dotted D.M only after a holiday word or as the next list item.
        (
            "Lượng khách tăng mạnh trong dịp lễ 2.9 và 1.1 vừa qua.",
            &[
                ("2.9", "--09-02", None, None, None),
                ("1.1", "--01-01", None, None, None),
            ],
        ),
        ("Giá cổ phiếu tăng 2.5 điểm trong phiên.", &[]),
        // An older year after another year in a list.
        (
            "Ngôi đình được trùng tu vào năm 1872 và 1889.",
            &[
                ("năm 1872", "1872", None, None, None),
                ("1889", "1889", None, None, None),
            ],
        ),
    ];
    for (text, want) in rows {
        check(text, want);
    }
}

#[test]
fn bare_day_ranges_peaks_and_decade_ranges() {
    let rows: &[(&str, &[Exp])] = &[
        (
            "Đoàn kiểm tra làm việc (từ 3 - 6/11) tại các xã.",
            &[("3 - 6/11", "--11-03", None, None, Some("--11-06"))],
        ),
        (
            "Lịch thi đấu kéo dài từ 9 - 12/8/2022.",
            &[(
                "9 - 12/8/2022",
                "2022-08-09",
                None,
                None,
                Some("2022-08-12"),
            )],
        ),
        (
            "Trong thời gian cao điểm 2/9 - 4/9, bến xe tăng chuyến.",
            &[
                ("2/9", "--09-02", None, None, None),
                ("4/9", "--09-04", None, None, None),
            ],
        ),
        // A decade range: neither end is a DATE.
        ("Thời kỳ những năm 1950 - 1960 còn nhiều khó khăn.", &[]),
    ];
    for (text, want) in rows {
        check(text, want);
    }
}

#[test]
fn decade_ranges_glued() {
    let rows: &[(&str, &[Exp])] = &[
        ("Vào những năm 1950-1960, xã còn nghèo.", &[]),
        // Not round years: a real range of years.
        (
            "Trong những năm 2003-2006, ông học ở Huế.",
            &[
                ("năm 2003", "2003", None, None, None),
                ("2006", "2006", None, None, None),
            ],
        ),
    ];
    for (text, want) in rows {
        check(text, want);
    }
}

#[test]
fn months_written_as_words() {
    let rows: &[(&str, &[Exp])] = &[
        (
            "Hiệp ước được ký vào tháng Năm năm 1954 tại thủ đô.",
            &[("tháng Năm năm 1954", "1954-05", None, None, None)],
        ),
        (
            "Nhà máy khởi công vào tháng mười một năm 2018.",
            &[("tháng mười một năm 2018", "2018-11", None, None, None)],
        ),
        (
            "Hội làng mở từ tháng Giêng năm 2020 đến hết mùa xuân.",
            &[("tháng Giêng năm 2020", "2020-01", None, None, None)],
        ),
        (
            "THÁNG BẢY NĂM 1945, PHONG TRÀO LAN RỘNG KHẮP CÁC TỈNH",
            &[("THÁNG BẢY NĂM 1945", "1945-07", None, None, None)],
        ),
        (
            "Ngày 2 tháng Chín năm 1945, bản Tuyên ngôn được đọc tại Hà Nội.",
            &[("Ngày 2 tháng Chín năm 1945", "1945-09-02", None, None, None)],
        ),
        (
            "Trưa ngày 30 tháng Tư năm 1975, đoàn xe tiến vào thành phố.",
            &[(
                "Trưa ngày 30 tháng Tư năm 1975",
                "1975-04-30",
                Some("trưa"),
                None,
                None,
            )],
        ),
        // With a day, the month needs no year.
        (
            "Các gia đình cúng ông Táo vào ngày 23 tháng Chạp.",
            &[("ngày 23 tháng Chạp", "--12-23", None, None, None)],
        ),
        (
            "Ngày mồng hai tháng Chín năm 1945 là ngày Quốc khánh.",
            &[(
                "Ngày mồng hai tháng Chín năm 1945",
                "1945-09-02",
                None,
                None,
                None,
            )],
        ),
        // Ranges: bare ends are one DATE with end, full ends two DATEs.
        (
            "Mùa khô kéo dài từ tháng Ba đến tháng Năm năm 2023.",
            &[(
                "tháng Ba đến tháng Năm năm 2023",
                "2023-03",
                None,
                None,
                Some("2023-05"),
            )],
        ),
        (
            "Hội chợ diễn ra ngày 20-22 tháng Mười năm 2024.",
            &[(
                "ngày 20-22 tháng Mười năm 2024",
                "2024-10-20",
                None,
                None,
                Some("2024-10-22"),
            )],
        ),
        (
            "TỪ THÁNG BẢY NĂM 1968 ĐẾN THÁNG HAI NĂM 1970, ĐƠN VỊ ĐÓNG QUÂN Ở ĐÂY",
            &[
                ("THÁNG BẢY NĂM 1968", "1968-07", None, None, None),
                ("THÁNG HAI NĂM 1970", "1970-02", None, None, None),
            ],
        ),
        (
            "Doanh thu tháng 4 và tháng 5/2021 đều tăng.",
            &[(
                "tháng 4 và tháng 5/2021",
                "2021-04",
                None,
                None,
                Some("2021-05"),
            )],
        ),
        // A bare year after a month word in capitals, a spaced year after a
        // month in digits.
        (
            "Tháng Năm 2021, nhà máy đi vào hoạt động.",
            &[("Tháng Năm 2021", "2021-05", None, None, None)],
        ),
        (
            "Từ tháng 5 - 2021, giá điện tăng.",
            &[("tháng 5 - 2021", "2021-05", None, None, None)],
        ),
        // An event's name keeps its month: only the year is a DATE.
        (
            "Sau Cách mạng tháng Tám năm 1945, chính quyền mới ra đời.",
            &[("năm 1945", "1945", None, None, None)],
        ),
    ];
    for (text, want) in rows {
        check(text, want);
    }
    // Month words without a year or a day, and numerals that are counts.
    let ex = Extractor::new();
    for text in [
        "Tháng Giêng là tháng ăn chơi.",
        "Mỗi tháng một lần, đoàn kiểm tra về xã.",
        "Chuyện xảy ra vào tháng Tám năm ấy.",
        "Tiền điện được thu vào ngày 20 hằng tháng.",
        "Sau 3 ngày 2 tháng hai bên mới ký hợp đồng.",
        "Cách mạng tháng Mười thay đổi lịch sử.",
    ] {
        assert_eq!(dates(&ex, text), vec![], "in {text:?}");
    }
}

#[test]
fn dots_dashes_and_spaces_separate_like_slashes() {
    let rows: &[(&str, &[Exp])] = &[
        (
            "Cuộc mít tinh ngày 19. 8. 1945 diễn ra trước nhà hát.",
            &[("ngày 19. 8. 1945", "1945-08-19", None, None, None)],
        ),
        (
            "Lễ hội kéo dài từ ngày 15 – 9 đến ngày 17 – 9.",
            &[
                ("ngày 15 – 9", "--09-15", None, None, None),
                ("ngày 17 – 9", "--09-17", None, None, None),
            ],
        ),
        (
            "Chiều 12.5, đoàn đến thăm trường.",
            &[("Chiều 12.5", "--05-12", Some("chiều"), None, None)],
        ),
        (
            "Chỉ số này giảm từ tháng 1.2016.",
            &[("tháng 1.2016", "2016-01", None, None, None)],
        ),
        (
            "Báo cáo gửi trước ngày 26 / 12 / 2020.",
            &[("ngày 26 / 12 / 2020", "2020-12-26", None, None, None)],
        ),
        // A header field: the colon keeps "Ngày" outside.
        (
            "Số: 15/BC-UBND\nNgày: 17 - 3 - 2022",
            &[("17 - 3 - 2022", "2022-03-17", None, None, None)],
        ),
        // A dot without a year ends the sentence.
        ("Họ gặp nhau hôm ấy, ngày 19. 8 người đến muộn.", &[]),
    ];
    for (text, want) in rows {
        check(text, want);
    }
}

#[test]
fn birth_years_and_glued_words() {
    let rows: &[(&str, &[Exp])] = &[
        (
            "Đối tượng Lê Văn Tám, sinh năm 1961, và con (SN1992) bị tạm giữ.",
            &[
                ("năm 1961", "1961", None, None, None),
                ("1992", "1992", None, None, None),
            ],
        ),
        (
            "Nguyễn Văn Bảy (SN 1985, trú tại xã An Bình) khai nhận.",
            &[("1985", "1985", None, None, None)],
        ),
        (
            "Trần Thị Chín, SN: 1987, là người làm chứng.",
            &[("1987", "1987", None, None, None)],
        ),
        // A missing space glues the unit word to the word before it.
        (
            "Phát ngôn viên Lê Hoàngngày 13/4 cho biết như vậy.",
            &[("ngày 13/4", "--04-13", None, None, None)],
        ),
        (
            "Lượng khách tăng 10% so với cùng kỳnăm 2020.",
            &[("năm 2020", "2020", None, None, None)],
        ),
        // A year of three digits after "năm".
        (
            "Năm 544, Lý Bí lên ngôi hoàng đế.",
            &[("Năm 544", "0544", None, None, None)],
        ),
        ("Xã trồng mới năm 300 ha rừng.", &[]),
    ];
    for (text, want) in rows {
        check(text, want);
    }
}
