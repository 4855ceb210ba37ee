//! DOCREF extraction: a table of sentences written for this test, with the
//! expected span and the scored value fields.

use vntext::extract::{DocRefValue, EntityKind, Extractor, Value};

fn docrefs(text: &str) -> Vec<(String, DocRefValue)> {
    Extractor::new()
        .extract(text)
        .entities
        .into_iter()
        .filter(|e| e.kind == EntityKind::DocRef)
        .map(|e| {
            assert_eq!(&text[e.span.clone()], e.text);
            match e.value {
                Value::DocRef(v) => (e.text.to_string(), v),
                other => panic!("DOCREF with value {other:?}"),
            }
        })
        .collect()
}

/// span, kind, number, year, code, issuer, date, body
type Row = (
    &'static str,
    Option<&'static str>,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
);

fn check(text: &str, want: &[Row]) {
    let got: Vec<Row> = docrefs(text)
        .into_iter()
        .map(|(t, v)| {
            let s = |o: Option<String>| o.map(|x| &*x.leak());
            (
                &*t.leak(),
                s(v.kind),
                &*v.number.leak(),
                s(v.year),
                s(v.code),
                s(v.issuer),
                s(v.date),
                s(v.body),
            )
        })
        .collect();
    assert_eq!(got, want, "in {text:?}");
}

#[test]
fn party_style() {
    check(
        "Các chi bộ quán triệt Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục học tập.",
        &[(
            "Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị",
            Some("Kết luận"),
            "01",
            None,
            Some("KL"),
            Some("TW"),
            Some("2021-05-18"),
            Some("Bộ Chính trị"),
        )],
    );
    check(
        "Tiếp tục thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị khóa XII trong toàn Đảng bộ.",
        &[(
            "Chỉ thị 05-CT/TW của Bộ Chính trị khóa XII",
            Some("Chỉ thị"),
            "05",
            None,
            Some("CT"),
            Some("TW"),
            None,
            Some("Bộ Chính trị khóa XII"),
        )],
    );
    check(
        "Áp dụng Quy định 08-QĐi/TW và Hướng dẫn 36-HD/VPTW.",
        &[
            (
                "Quy định 08-QĐi/TW",
                Some("Quy định"),
                "08",
                None,
                Some("QĐi"),
                Some("TW"),
                None,
                None,
            ),
            (
                "Hướng dẫn 36-HD/VPTW",
                Some("Hướng dẫn"),
                "36",
                None,
                Some("HD"),
                Some("VPTW"),
                None,
                None,
            ),
        ],
    );
    check(
        "Nghị quyết số 12-NQ/TW và Nghị quyết số 13-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XI đều được quán triệt.",
        &[
            ("Nghị quyết số 12-NQ/TW", Some("Nghị quyết"), "12", None, Some("NQ"), Some("TW"), None, None),
            (
                "Nghị quyết số 13-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XI",
                Some("Nghị quyết"),
                "13",
                None,
                Some("NQ"),
                Some("TW"),
                None,
                Some("Ban Chấp hành Trung ương Đảng khóa XI"),
            ),
        ],
    );
}

#[test]
fn state_style() {
    check(
        "Căn cứ Nghị định 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
        &[(
            "Nghị định 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ",
            Some("Nghị định"),
            "30",
            Some("2020"),
            Some("NĐ"),
            Some("CP"),
            Some("2020-03-05"),
            Some("Chính phủ"),
        )],
    );
    check(
        "Theo Quyết định số 13/2003/QĐ-TTg của Thủ tướng Chính phủ, kỳ họp được triệu tập.",
        &[(
            "Quyết định số 13/2003/QĐ-TTg của Thủ tướng Chính phủ",
            Some("Quyết định"),
            "13",
            Some("2003"),
            Some("QĐ"),
            Some("TTg"),
            None,
            Some("Thủ tướng Chính phủ"),
        )],
    );
    check(
        "UBND tỉnh ban hành Quyết định 1234/QĐ-UBND ngày 2 tháng 3 năm 2022.",
        &[(
            "Quyết định 1234/QĐ-UBND ngày 2 tháng 3 năm 2022",
            Some("Quyết định"),
            "1234",
            None,
            Some("QĐ"),
            Some("UBND"),
            Some("2022-03-02"),
            None,
        )],
    );
    check(
        "Sở đã có Công văn 123/UBND-VX gửi các huyện.",
        &[(
            "Công văn 123/UBND-VX",
            Some("Công văn"),
            "123",
            None,
            None,
            Some("UBND"),
            None,
            None,
        )],
    );
    check(
        "Thông tư 01/2011/TT-BNV của Bộ Nội vụ hướng dẫn thể thức văn bản.",
        &[(
            "Thông tư 01/2011/TT-BNV của Bộ Nội vụ",
            Some("Thông tư"),
            "01",
            Some("2011"),
            Some("TT"),
            Some("BNV"),
            None,
            Some("Bộ Nội vụ"),
        )],
    );
    check(
        "Theo Luật số 59/2020/QH14, doanh nghiệp phải công khai thông tin.",
        &[(
            "Luật số 59/2020/QH14",
            Some("Luật"),
            "59",
            Some("2020"),
            None,
            Some("QH14"),
            None,
            None,
        )],
    );
    check(
        "Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP hết hiệu lực.",
        &[(
            "Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP",
            Some("Thông tư liên tịch"),
            "55",
            Some("2005"),
            Some("TTLT"),
            Some("BNV-VPCP"),
            None,
            None,
        )],
    );
}

#[test]
fn spaced_and_normalised_symbols() {
    check(
        "Xem Chỉ thị số 02 / 1998 / CT - TTg để biết thêm.",
        &[(
            "Chỉ thị số 02 / 1998 / CT - TTg",
            Some("Chỉ thị"),
            "02",
            Some("1998"),
            Some("CT"),
            Some("TTg"),
            None,
            None,
        )],
    );
    check(
        "Luật số: 12/2021/QH/15 được thông qua.",
        &[(
            "Luật số: 12/2021/QH/15",
            Some("Luật"),
            "12",
            Some("2021"),
            None,
            Some("QH15"),
            None,
            None,
        )],
    );
    check(
        "Luật số 44/2009/QH 12 được công bố.",
        &[(
            "Luật số 44/2009/QH 12",
            Some("Luật"),
            "44",
            Some("2009"),
            None,
            Some("QH12"),
            None,
            None,
        )],
    );
    // header without type word: "Số:" stays outside
    check(
        "Số: 15/2019/QH14",
        &[(
            "15/2019/QH14",
            None,
            "15",
            Some("2019"),
            None,
            Some("QH14"),
            None,
            None,
        )],
    );
}

#[test]
fn names_and_bare_numbers() {
    check(
        "Luật Bảo vệ môi trường số 72/2020/QH14 có hiệu lực từ năm 2022.",
        &[(
            "Luật Bảo vệ môi trường số 72/2020/QH14",
            Some("Luật"),
            "72",
            Some("2020"),
            None,
            Some("QH14"),
            None,
            None,
        )],
    );
    check(
        "Thực hiện Chỉ thị 16 của Thủ tướng Chính phủ, người dân ở nhà.",
        &[(
            "Chỉ thị 16 của Thủ tướng Chính phủ",
            Some("Chỉ thị"),
            "16",
            None,
            None,
            None,
            None,
            Some("Thủ tướng Chính phủ"),
        )],
    );
    check(
        "Theo Quyết định 557, mức hỗ trợ được nâng.",
        &[(
            "Quyết định 557",
            Some("Quyết định"),
            "557",
            None,
            None,
            None,
            None,
            None,
        )],
    );
    check(
        "Văn phòng gửi văn bản số 81 tới các bộ.",
        &[(
            "văn bản số 81",
            Some("Văn bản"),
            "81",
            None,
            None,
            None,
            None,
            None,
        )],
    );
    check(
        "Tờ trình số 7/TTr-UBND của UBND tỉnh Cao Bằng đã được thông qua.",
        &[(
            "Tờ trình số 7/TTr-UBND của UBND tỉnh Cao Bằng",
            Some("Tờ trình"),
            "7",
            None,
            Some("TTr"),
            Some("UBND"),
            None,
            Some("UBND tỉnh Cao Bằng"),
        )],
    );
    // a comma between number and date breaks the span
    check(
        "Công điện số 77/CĐ-TTg, ngày 9/5 của Thủ tướng Chính phủ.",
        &[(
            "Công điện số 77/CĐ-TTg",
            Some("Công điện"),
            "77",
            None,
            Some("CĐ"),
            Some("TTg"),
            None,
            None,
        )],
    );
}

#[test]
fn number_with_year_and_consolidated_text() {
    check(
        "Theo Nghị định 100/2019 của Chính phủ, mức phạt tăng.",
        &[(
            "Nghị định 100/2019 của Chính phủ",
            Some("Nghị định"),
            "100",
            Some("2019"),
            None,
            None,
            None,
            Some("Chính phủ"),
        )],
    );
    check(
        "Văn bản hợp nhất số 05/VBHN-VPQH được công bố.",
        &[(
            "Văn bản hợp nhất số 05/VBHN-VPQH",
            Some("Văn bản hợp nhất"),
            "05",
            None,
            Some("VBHN"),
            Some("VPQH"),
            None,
            None,
        )],
    );
}

#[test]
fn year_after_the_number() {
    check(
        "Thực hiện Nghị quyết số 08 năm 2017 của Bộ Chính trị về du lịch.",
        &[(
            "Nghị quyết số 08 năm 2017 của Bộ Chính trị",
            Some("Nghị quyết"),
            "08",
            None,
            None,
            None,
            Some("2017"),
            Some("Bộ Chính trị"),
        )],
    );
}

#[test]
fn not_docrefs() {
    for text in [
        "Luật Đất đai năm 2013 quy định rõ vấn đề này.",
        "Hiến pháp 1946 là bản hiến pháp đầu tiên.",
        "Theo Điều 12 của Luật này.",
        "Nghị quyết Đại hội XIII đề ra mục tiêu.",
        "Kế hoạch 5 năm được thông qua.",
        "Tuyến metro số 1 sắp vận hành.",
        "Đạt 45/63 tỉnh, thành phố.",
        "Tỷ số 2-1 nghiêng về đội khách.",
        "Phương án 1 giao cho các bộ quản lý.",
    ] {
        assert_eq!(docrefs(text), vec![], "in {text:?}");
    }
}

#[test]
fn unit_and_name_fields() {
    let got = docrefs("Theo công văn số 235/SNV-CCVC ngày 18/2/2020.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1.issuer.as_deref(), Some("SNV"));
    assert_eq!(got[0].1.unit.as_deref(), Some("CCVC"));
    assert_eq!(got[0].1.kind.as_deref(), Some("Công văn"));
    let got = docrefs("Luật Doanh nghiệp số 59/2020/QH14 quy định như sau.");
    assert_eq!(got[0].1.name.as_deref(), Some("Doanh nghiệp"));
}

#[test]
fn body_extent() {
    let body = |t: &str| docrefs(t).into_iter().next().and_then(|(_, v)| v.body);
    assert_eq!(
        body("Thực hiện Kế hoạch số 12-KH/TU của Ban Thường vụ Tỉnh ủy Hà Giang về việc tổ chức.")
            .as_deref(),
        Some("Ban Thường vụ Tỉnh ủy Hà Giang")
    );
    assert_eq!(
        body("Căn cứ Quyết định số 5/QĐ-STC của Sở Tài chính tỉnh Bắc Kạn ban hành quy chế.")
            .as_deref(),
        Some("Sở Tài chính tỉnh Bắc Kạn")
    );
    assert_eq!(
        body("Theo Hướng dẫn số 3-HD/BTGTU của Ban Tuyên giáo Tỉnh ủy về nội dung sinh hoạt.")
            .as_deref(),
        Some("Ban Tuyên giáo Tỉnh ủy")
    );
    assert_eq!(
        body("Thông tư số 9/2022/TT-BKHĐT của Bộ Kế hoạch và Đầu tư quy định chi tiết.").as_deref(),
        Some("Bộ Kế hoạch và Đầu tư")
    );
    assert_eq!(
        body("Chỉ thị số 8/CT-BYT của Bộ trưởng Bộ Y tế về tăng cường.").as_deref(),
        Some("Bộ trưởng Bộ Y tế")
    );
    assert_eq!(
        body("Nghị quyết số 11/2021/QH15 của Quốc hội khóa XV đã quy định.").as_deref(),
        Some("Quốc hội khóa XV")
    );
    assert_eq!(
        body("Quyết định số 20/QĐ-BCĐ của Ban Chỉ đạo quốc gia phòng, chống dịch Covid-19 về cách ly.").as_deref(),
        Some("Ban Chỉ đạo quốc gia phòng, chống dịch Covid-19")
    );
    assert_eq!(
        body("Công văn số 12/CAT-PV01 của Công an tỉnh Lào Cai đề nghị.").as_deref(),
        Some("Công an tỉnh Lào Cai")
    );
    assert_eq!(
        body("Công văn số 90/SGDĐT-VP của Sở GD&ĐT tỉnh Nam Định hướng dẫn.").as_deref(),
        Some("Sở GD&ĐT tỉnh Nam Định")
    );
    assert_eq!(
        body("Thông báo số 4-TB/TU của Thường trực Tỉnh ủy về nhân sự.").as_deref(),
        Some("Thường trực Tỉnh ủy")
    );
    assert_eq!(
        body("Nghị quyết số 3-NQ/TU của Ban Chấp hành Đảng bộ tỉnh Yên Bái khóa XIX về chuyển đổi số.").as_deref(),
        Some("Ban Chấp hành Đảng bộ tỉnh Yên Bái khóa XIX")
    );
    assert_eq!(
        body("Quy định số 105-QĐ/TW của Ban Bí thư Trung ương Đảng về phân cấp.").as_deref(),
        Some("Ban Bí thư Trung ương Đảng")
    );
    // a body that is not recognised is left out, and so is "của"
    assert_eq!(
        docrefs("Quyết định số 7/QĐ-UBND của tôi")[0].0,
        "Quyết định số 7/QĐ-UBND"
    );
}

#[test]
fn law_title_containing_a_type_word() {
    let got = docrefs("Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng số 72/2006/QH11 hết hiệu lực.");
    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0].0,
        "Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng số 72/2006/QH11"
    );
    assert_eq!(got[0].1.kind.as_deref(), Some("Luật"));
    // an ordinary lowercase type word stays
    let got = docrefs("Sở đã gửi công văn số 55/SYT-NV cho các bệnh viện.");
    assert_eq!(got[0].0, "công văn số 55/SYT-NV");
}

#[test]
fn joint_bodies() {
    check(
        "Căn cứ Thông tư liên tịch số 07/2018/TTLT-BYT-BTC ngày 12/3/2018 của Bộ Y tế và Bộ Tài chính về giá dịch vụ.",
        &[(
            "Thông tư liên tịch số 07/2018/TTLT-BYT-BTC ngày 12/3/2018 của Bộ Y tế và Bộ Tài chính",
            Some("Thông tư liên tịch"),
            "07",
            Some("2018"),
            Some("TTLT"),
            Some("BYT-BTC"),
            Some("2018-03-12"),
            Some("Bộ Y tế và Bộ Tài chính"),
        )],
    );
    // A single issuer: "và" after the body is not part of it.
    check(
        "Quyết định số 15/QĐ-BYT của Bộ Y tế và Bộ Tài chính đã thống nhất.",
        &[(
            "Quyết định số 15/QĐ-BYT của Bộ Y tế",
            Some("Quyết định"),
            "15",
            None,
            Some("QĐ"),
            Some("BYT"),
            None,
            Some("Bộ Y tế"),
        )],
    );
}

#[test]
fn ampersand_codes_lowercase_letters_and_council_bodies() {
    check(
        "Trường áp dụng Thông tư số 32/2018/TT-BGD&ĐT từ năm học mới.",
        &[(
            "Thông tư số 32/2018/TT-BGD&ĐT",
            Some("Thông tư"),
            "32",
            Some("2018"),
            Some("TT"),
            Some("BGD&ĐT"),
            None,
            None,
        )],
    );
    check(
        "Xã đã thực hiện đúng công văn 718 nói trên.",
        &[(
            "công văn 718",
            Some("Công văn"),
            "718",
            None,
            None,
            None,
            None,
            None,
        )],
    );
    // "công bố" after the body name is a verb, not part of the name.
    check(
        "Nghị quyết số 47 của Hội đồng thi đua Trung ương công bố danh sách.",
        &[(
            "Nghị quyết số 47 của Hội đồng thi đua Trung ương",
            Some("Nghị quyết"),
            "47",
            None,
            None,
            None,
            None,
            Some("Hội đồng thi đua Trung ương"),
        )],
    );
    // A one-digit number after a lowercase letter word is a label.
    check("Anh gửi văn bản 2 lần cho xã.", &[]);
}

#[test]
fn dash_for_slash_year() {
    check(
        "Trường áp dụng Thông tư 12-2019 của Bộ Tài chính khi thu phí.",
        &[(
            "Thông tư 12-2019 của Bộ Tài chính",
            Some("Thông tư"),
            "12",
            Some("2019"),
            None,
            None,
            None,
            Some("Bộ Tài chính"),
        )],
    );
    // Two years joined by a dash are a period, not a number and a year.
    check("Kế hoạch 2021-2025 được thông qua.", &[]);
}

#[test]
fn spaced_issuer_department_issuers_and_product_names() {
    check(
        "Nghị định 24/2021/NĐ - CP quy định chi tiết.",
        &[(
            "Nghị định 24/2021/NĐ - CP",
            Some("Nghị định"),
            "24",
            Some("2021"),
            Some("NĐ"),
            Some("CP"),
            None,
            None,
        )],
    );
    // An unknown department-like first piece is the issuer, the rest the unit.
    check(
        "Sở đã có Công văn số 512/SNNPTNT-VP hướng dẫn.",
        &[(
            "Công văn số 512/SNNPTNT-VP",
            Some("Công văn"),
            "512",
            None,
            None,
            Some("SNNPTNT"),
            None,
            None,
        )],
    );
    // A product name with a slash is not a document number.
    check("Máy ảnh Z 7/II và loa 5/XL bán chạy.", &[]);
}

#[test]
fn central_committee_body() {
    check(
        "Tỉnh quán triệt Nghị quyết 18 của Trung ương về sắp xếp bộ máy.",
        &[(
            "Nghị quyết 18 của Trung ương",
            Some("Nghị quyết"),
            "18",
            None,
            None,
            None,
            None,
            Some("Trung ương"),
        )],
    );
    check(
        "Thực hiện Kế hoạch 25 của Trung ương Đoàn trong tháng.",
        &[(
            "Kế hoạch 25 của Trung ương Đoàn",
            Some("Kế hoạch"),
            "25",
            None,
            None,
            None,
            None,
            Some("Trung ương Đoàn"),
        )],
    );
}

#[test]
fn uppercase_headings_across_line_breaks() {
    // The issuing body before the number is the body, the number whole,
    // the date attached.
    check(
        "NGHỊ ĐỊNH\n\nCỦA CHÍNH PHỦ NƯỚC VIỆT NAM DÂN CHỦ CỘNG HÒA SỐ 77-SL/L.009 NGÀY 3-4-1958\nVỀ VIỆC QUẢN LÝ CHỢ",
        &[(
            "NGHỊ ĐỊNH\n\nCỦA CHÍNH PHỦ NƯỚC VIỆT NAM DÂN CHỦ CỘNG HÒA SỐ 77-SL/L.009 NGÀY 3-4-1958",
            Some("Nghị định"),
            "77",
            None,
            Some("SL"),
            Some("L.009"),
            Some("1958-04-03"),
            Some("CHÍNH PHỦ NƯỚC VIỆT NAM DÂN CHỦ CỘNG HÒA"),
        )],
    );
    check(
        "QUYẾT ĐỊNH\nCỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 45/2011/QĐ-TTg NGÀY 12 THÁNG 8 NĂM 2011\nVỀ VIỆC THÀNH LẬP BAN CHỈ ĐẠO",
        &[(
            "QUYẾT ĐỊNH\nCỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 45/2011/QĐ-TTg NGÀY 12 THÁNG 8 NĂM 2011",
            Some("Quyết định"),
            "45",
            Some("2011"),
            Some("QĐ"),
            Some("TTg"),
            Some("2011-08-12"),
            Some("THỦ TƯỚNG CHÍNH PHỦ"),
        )],
    );
    // A name before "CỦA" stays the name; the body is after it.
    let got = docrefs("LUẬT\n\nBẢO VỆ RỪNG CỦA QUỐC HỘI SỐ 58-LCT/HĐNN8 NGÀY 19/8/1991");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1.body.as_deref(), Some("QUỐC HỘI"));
    assert_eq!(got[0].1.name.as_deref(), Some("BẢO VỆ RỪNG"));
    // In running text "của" before the number belongs to the law's name.
    let got = docrefs("Thực hiện Luật Giám sát của Quốc hội số 33/2015/QH13 từ năm sau.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1.body, None);
    assert_eq!(got[0].1.name.as_deref(), Some("Giám sát của Quốc hội"));
    // A draft's blank number is no reference.
    check("Số:      /2021/NĐ-CP", &[]);
}

#[test]
fn judgments_and_mistyped_numbers() {
    check(
        "Theo Bản án số 12/2019/HSST ngày 24/5/2019 của TAND huyện Gia Lâm, bị cáo phải bồi thường.",
        &[(
            "Bản án số 12/2019/HSST ngày 24/5/2019 của TAND huyện Gia Lâm",
            Some("Bản án"),
            "12",
            Some("2019"),
            Some("HSST"),
            None,
            Some("2019-05-24"),
            Some("TAND huyện Gia Lâm"),
        )],
    );
    check(
        "Bản án số: 05/2020/HS-ST",
        &[(
            "Bản án số: 05/2020/HS-ST",
            Some("Bản án"),
            "05",
            Some("2020"),
            Some("HS-ST"),
            None,
            None,
            None,
        )],
    );
    check(
        "Theo Nghị định 15/2020NĐ-CP của Chính phủ, mức phạt tăng.",
        &[(
            "Nghị định 15/2020NĐ-CP của Chính phủ",
            Some("Nghị định"),
            "15",
            Some("2020"),
            Some("NĐ"),
            Some("CP"),
            None,
            Some("Chính phủ"),
        )],
    );
    check(
        "Quyết định 12/2019 QĐ-UBND ngày 5/3/2019 đã hết hiệu lực.",
        &[(
            "Quyết định 12/2019 QĐ-UBND ngày 5/3/2019",
            Some("Quyết định"),
            "12",
            Some("2019"),
            Some("QĐ"),
            Some("UBND"),
            Some("2019-03-05"),
            None,
        )],
    );
    check(
        "Phí thu theo Thông tư số 05/2021/TT- BTC của Bộ Tài chính.",
        &[(
            "Thông tư số 05/2021/TT- BTC của Bộ Tài chính",
            Some("Thông tư"),
            "05",
            Some("2021"),
            Some("TT"),
            Some("BTC"),
            None,
            Some("Bộ Tài chính"),
        )],
    );
    // A level written without diacritics before a place name.
    check(
        "Theo công văn số 1123/UBND-KT của UBND tinh Kon Tum, các huyện báo cáo.",
        &[(
            "công văn số 1123/UBND-KT của UBND tinh Kon Tum",
            Some("Công văn"),
            "1123",
            None,
            None,
            Some("UBND"),
            None,
            Some("UBND tinh Kon Tum"),
        )],
    );
}

#[test]
fn lowercase_acts_without_so() {
    check(
        "Chi cục đã ban hành quyết định 153 thu hồi quyết định cũ.",
        &[(
            "quyết định 153",
            Some("Quyết định"),
            "153",
            None,
            None,
            None,
            None,
            None,
        )],
    );
    check(
        "Theo quyết định 13 của Thủ tướng Chính phủ, hộ kinh doanh được hỗ trợ.",
        &[(
            "quyết định 13 của Thủ tướng Chính phủ",
            Some("Quyết định"),
            "13",
            None,
            None,
            None,
            None,
            Some("Thủ tướng Chính phủ"),
        )],
    );
    // The verb "quyết định" before a count.
    check("Hội đồng sẽ quyết định 15 vấn đề trong kỳ họp.", &[]);
    check("Quốc hội cần quyết định 2 kế hoạch đầu tư.", &[]);
}

#[test]
fn abbreviated_central_bodies() {
    check(
        "Quán triệt Nghị quyết 19-NQ/TW của BCH Trung ương Đảng khóa XII.",
        &[(
            "Nghị quyết 19-NQ/TW của BCH Trung ương Đảng khóa XII",
            Some("Nghị quyết"),
            "19",
            None,
            Some("NQ"),
            Some("TW"),
            None,
            Some("BCH Trung ương Đảng khóa XII"),
        )],
    );
    check(
        "Hướng dẫn số 35-HD/BTGTW của Ban Tuyên giáo T.Ư đã nêu rõ.",
        &[(
            "Hướng dẫn số 35-HD/BTGTW của Ban Tuyên giáo T.Ư",
            Some("Hướng dẫn"),
            "35",
            None,
            Some("HD"),
            Some("BTGTW"),
            None,
            Some("Ban Tuyên giáo T.Ư"),
        )],
    );
    // In a heading in capitals "CỦA …" on the next line is still the body.
    check(
        "NGHỊ QUYẾT\nSỐ 12/2021/NQ-HĐND\nNGÀY 15 THÁNG 7 NĂM 2021\nCỦA HỘI ĐỒNG NHÂN DÂN TỈNH ĐỒNG NAI",
        &[(
            "NGHỊ QUYẾT\nSỐ 12/2021/NQ-HĐND\nNGÀY 15 THÁNG 7 NĂM 2021\nCỦA HỘI ĐỒNG NHÂN DÂN TỈNH ĐỒNG NAI",
            Some("Nghị quyết"),
            "12",
            Some("2021"),
            Some("NQ"),
            Some("HĐND"),
            Some("2021-07-15"),
            Some("HỘI ĐỒNG NHÂN DÂN TỈNH ĐỒNG NAI"),
        )],
    );
}
