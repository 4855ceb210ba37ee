//! TITLE and ORGANIZATION spans and official→title links for the phenomena
//! of issue 11 item 3 (ministers' short titles, long ministry names, levels,
//! foreign and historical offices, lowercase bodies, spellings, brackets,
//! lists, signature blocks) and its ORGANIZATION items (countries, classes of
//! bodies in rules, lowercase unique bodies). Sentences written for these
//! tests, names invented; expected spans written by hand from
//! `../shared/ENTITIES.md` and the decisions of `data/eval/README.md`.

#[path = "common/entities.rs"]
mod entities;

use entities::{links, orgs, pairs, people, titles};

#[test]
fn short_minister_titles_read_the_portfolio() {
    // No OFFICIAL "Giao", no ORGANIZATION: the ministry is "Bộ …".
    let s = "Bộ trưởng Giao thông vận tải Nguyễn Văn Thắng phát biểu tại hội nghị.";
    assert_eq!(titles(s), ["Bộ trưởng Giao thông vận tải"]);
    assert_eq!(people(s), ["Nguyễn Văn Thắng"]);
    assert!(orgs(s).is_empty());
    assert_eq!(
        links(s),
        pairs(&[("Nguyễn Văn Thắng", "Bộ trưởng Giao thông vận tải")])
    );
    let s = "Bộ trưởng Nông nghiệp và Phát triển nông thôn Lê Minh Hoàn đã kiểm tra.";
    assert_eq!(titles(s), ["Bộ trưởng Nông nghiệp và Phát triển nông thôn"]);
    assert_eq!(people(s), ["Lê Minh Hoàn"]);
    let s = "Thứ trưởng Lao động - Thương binh và Xã hội Nguyễn Thị Hà dự lễ.";
    assert_eq!(titles(s), ["Thứ trưởng Lao động - Thương binh và Xã hội"]);
    assert_eq!(people(s), ["Nguyễn Thị Hà"]);
    // A foreign portfolio keeps its country.
    let s = "Bộ trưởng Ngoại giao Nga Sergey Lavrov cho biết.";
    assert_eq!(titles(s), ["Bộ trưởng Ngoại giao Nga"]);
    assert!(orgs(s).is_empty());
}

#[test]
fn long_ministry_names_and_standing_deputies() {
    let s = "Ông Trần Văn Sơn, Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch, cho biết.";
    assert_eq!(titles(s), ["Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"]);
    assert_eq!(orgs(s), ["Bộ Văn hóa, Thể thao và Du lịch"]);
    let s = "Thứ trưởng Thường trực Bộ Tài chính Huỳnh Quang Hải chủ trì.";
    assert_eq!(titles(s), ["Thứ trưởng Thường trực Bộ Tài chính"]);
    assert_eq!(orgs(s), ["Bộ Tài chính"]);
    assert_eq!(
        links(s),
        pairs(&[("Huỳnh Quang Hải", "Thứ trưởng Thường trực Bộ Tài chính")])
    );
    // Agencies headed by their own office.
    let s = "Tổng Thanh tra Chính phủ Đoàn Hồng Phong báo cáo.";
    assert_eq!(titles(s), ["Tổng Thanh tra Chính phủ"]);
    assert_eq!(orgs(s), ["Thanh tra Chính phủ"]);
    let s = "Thống đốc Ngân hàng Nhà nước Nguyễn Thị Hồng cho biết.";
    assert_eq!(titles(s), ["Thống đốc Ngân hàng Nhà nước"]);
    assert_eq!(orgs(s), ["Ngân hàng Nhà nước"]);
}

#[test]
fn levels_stay_in_the_title_and_make_no_organisation() {
    let s = "Chủ tịch UBND cấp xã chịu trách nhiệm trước pháp luật.";
    assert_eq!(titles(s), ["Chủ tịch UBND cấp xã"]);
    assert!(orgs(s).is_empty());
    let s = "Ông Lê Văn Hùng, Phó Chủ tịch UBND cấp huyện, cho biết.";
    assert_eq!(titles(s), ["Phó Chủ tịch UBND cấp huyện"]);
    assert!(orgs(s).is_empty());
    assert_eq!(
        links(s),
        pairs(&[("Lê Văn Hùng", "Phó Chủ tịch UBND cấp huyện")])
    );
}

#[test]
fn foreign_and_historical_offices_name_no_organisation() {
    let s = "Thủ tướng Singapore Lý Hiển Long thăm Việt Nam.";
    assert_eq!(titles(s), ["Thủ tướng Singapore"]);
    assert!(orgs(s).is_empty());
    assert_eq!(links(s), pairs(&[("Lý Hiển Long", "Thủ tướng Singapore")]));
    let s = "Năm 1920, ông Nguyễn Văn Lâm được cử làm Khâm sứ Trung Kỳ.";
    assert_eq!(titles(s), ["Khâm sứ Trung Kỳ"]);
    assert!(orgs(s).is_empty());
    assert_eq!(links(s), pairs(&[("Nguyễn Văn Lâm", "Khâm sứ Trung Kỳ")]));
    let s = "Ông Hoàng Văn Tín sang nhậm chức Toàn quyền Đông Dương.";
    assert_eq!(titles(s), ["Toàn quyền Đông Dương"]);
    assert_eq!(
        links(s),
        pairs(&[("Hoàng Văn Tín", "Toàn quyền Đông Dương")])
    );
    // An assistant's post is one title.
    let s = "Hôm qua, trợ lý tổng thống Nga Yuri Ushakov đã thông báo.";
    assert_eq!(titles(s), ["trợ lý tổng thống Nga"]);
    assert_eq!(
        links(s),
        pairs(&[("Yuri Ushakov", "trợ lý tổng thống Nga")])
    );
}

#[test]
fn lowercase_bodies_and_spellings_inside_titles() {
    let s = "Phó bí thư thành ủy Đà Nẵng Lương Minh Triết dự họp.";
    assert_eq!(titles(s), ["Phó bí thư thành ủy Đà Nẵng"]);
    assert_eq!(orgs(s), ["thành ủy Đà Nẵng"]);
    assert_eq!(
        links(s),
        pairs(&[("Lương Minh Triết", "Phó bí thư thành ủy Đà Nẵng")])
    );
    let s = "Chủ tịch HDND tỉnh Lê Văn Hà phát biểu.";
    assert_eq!(titles(s), ["Chủ tịch HDND tỉnh"]);
    assert_eq!(orgs(s), ["HDND tỉnh"]);
    let s = "Ông Ngô Văn Tư, Ủy viên Ban Chấp hành T.Ư Đảng, phát biểu.";
    assert_eq!(titles(s), ["Ủy viên Ban Chấp hành T.Ư Đảng"]);
    assert_eq!(orgs(s), ["Ban Chấp hành T.Ư Đảng"]);
}

#[test]
fn titles_in_brackets_and_in_lists_link_to_their_own_holder() {
    let s = "Ông Đỗ Văn Hải (Chủ tịch HĐQT) cho biết công ty có lãi.";
    assert_eq!(titles(s), ["Chủ tịch HĐQT"]);
    assert_eq!(links(s), pairs(&[("Đỗ Văn Hải", "Chủ tịch HĐQT")]));
    let s = "Hội nghị có ông Lê Văn An, Chủ tịch UBND tỉnh, và bà Trần Thị Bình, Giám đốc Sở Y tế.";
    assert_eq!(
        links(s),
        pairs(&[
            ("Lê Văn An", "Chủ tịch UBND tỉnh"),
            ("Trần Thị Bình", "Giám đốc Sở Y tế")
        ])
    );
    // A teaching post with its body is a title; alone an occupation.
    let s = "GS. Vũ Ngọc Tâm (Giảng viên Đại học Oxford, Anh) nhận định.";
    assert_eq!(titles(s), ["Giảng viên Đại học Oxford"]);
    assert_eq!(
        links(s),
        pairs(&[("Vũ Ngọc Tâm", "Giảng viên Đại học Oxford")])
    );
    assert!(titles("Các giảng viên đều có bằng tiến sĩ.").is_empty());
    // A predicate phrase after an apposed title: "được giao làm".
    let s = "Cụ Huỳnh Văn Khánh, Bộ trưởng Bộ Nội vụ, được giao làm Quyền Chủ tịch nước khi Chủ tịch Hồ Chí Minh sang Pháp.";
    assert_eq!(
        links(s),
        pairs(&[
            ("Huỳnh Văn Khánh", "Bộ trưởng Bộ Nội vụ"),
            ("Huỳnh Văn Khánh", "Quyền Chủ tịch nước"),
            ("Hồ Chí Minh", "Chủ tịch")
        ])
    );
    // A title before a colon links to each name after it.
    let s = "Phó Chủ tịch UBND tỉnh: Hà Văn Sơn, Đặng Thu Thảo và Kiều Minh Đức.";
    assert_eq!(
        links(s),
        pairs(&[
            ("Hà Văn Sơn", "Phó Chủ tịch UBND tỉnh"),
            ("Đặng Thu Thảo", "Phó Chủ tịch UBND tỉnh"),
            ("Kiều Minh Đức", "Phó Chủ tịch UBND tỉnh")
        ])
    );
}

#[test]
fn signature_blocks_link_across_line_breaks() {
    let s = "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\n(Đã ký)\n\nNguyễn Văn An\n";
    // The office signed for is a TITLE without a holder; the prefix is
    // outside.
    assert_eq!(titles(s), ["BỘ TRƯỞNG", "THỨ TRƯỞNG"]);
    assert_eq!(links(s), pairs(&[("Nguyễn Văn An", "THỨ TRƯỞNG")]));
    let s = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn Bình\n";
    assert_eq!(orgs(s), ["ỦY BAN NHÂN DÂN"]);
    assert_eq!(links(s), pairs(&[("Trần Văn Bình", "CHỦ TỊCH")]));
}

#[test]
fn countries_classes_and_lowercase_unique_bodies() {
    // A class of bodies in a rule of law is no ORGANIZATION.
    assert!(orgs("Ủy ban nhân dân tỉnh có trách nhiệm tổ chức thực hiện.").is_empty());
    assert!(orgs("Mỗi Chính phủ đều phát hành trái phiếu chính phủ.").is_empty());
    // In a clause of a law: the board of any company, the high courts as a
    // class, a government's debt.
    assert!(orgs("3. Hội đồng quản trị quyết định theo nguyên tắc nhất trí.").is_empty());
    assert!(orgs("Điều 31. Ủy ban Thẩm phán Tòa án nhân dân cấp cao").is_empty());
    assert!(orgs("2. Quyết định mức giới hạn nợ công, nợ chính phủ.").is_empty());
    // In news the board is one company's.
    assert_eq!(
        orgs("Cổ đông hỏi HĐQT có trách nhiệm thế nào với giá cổ phiếu."),
        ["HĐQT"]
    );
    // A government named with its country is one; a foreign one in general
    // is not.
    assert_eq!(
        orgs("Chính phủ Việt nam ký kết với Chính phủ nước ngoài Hiệp định hợp tác."),
        ["Chính phủ Việt nam"]
    );
    // A unique body in lowercase still names it.
    assert_eq!(
        orgs("Dự án luật sẽ được trình quốc hội vào kỳ họp tới."),
        ["quốc hội"]
    );
    // Not a foreign government in lowercase, nor a word across a word
    // boundary ("toàn quốc | Hội thi").
    assert!(orgs("Doanh nghiệp Trung Quốc phải có sự chấp thuận của chính phủ.").is_empty());
    assert!(orgs("Thầy giáo đạt giải ba toàn quốc Hội thi giáo viên giỏi.").is_empty());
    let s = "Chủ nhiệm Uỷ ban kinh tế của Quốc hội Vũ Hồng Thanh phát biểu.";
    assert_eq!(titles(s), ["Chủ nhiệm Uỷ ban kinh tế của Quốc hội"]);
    assert_eq!(orgs(s), ["Uỷ ban kinh tế của Quốc hội"]);
}

#[test]
fn historical_titles_link_to_names_once_they_are_known() {
    // Reign names and foreign names are found by the person recognizer;
    // listed here as a user's additions, the titles link to them.
    let ex = vntext::Extractor::builder()
        .lines(
            vntext::extract::Lexicon::Persons,
            "Tự Đức\nPaul Doumer\nTrường Chinh",
        )
        .build()
        .unwrap();
    let links = |s: &str| {
        let out = ex.extract(s);
        let mut v: Vec<(String, String)> = out
            .links
            .iter()
            .map(|&(o, t)| {
                (
                    out.entities[o].text.to_string(),
                    out.entities[t].text.to_string(),
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        links("Vua Tự Đức ban chiếu dời đô."),
        pairs(&[("Tự Đức", "Vua")])
    );
    assert_eq!(
        links("Năm 1897, Paul Doumer sang nhậm chức Toàn quyền Đông Dương."),
        pairs(&[("Paul Doumer", "Toàn quyền Đông Dương")])
    );
    assert_eq!(
        links("Tổng Bí thư Trường Chinh trình bày báo cáo."),
        pairs(&[("Trường Chinh", "Tổng Bí thư")])
    );
}

#[test]
fn company_names_after_an_abbreviation_keep_their_two_syllable_words() {
    // "Tư vấn", "Nội thất": the lowercase half of a word after "CP", "TNHH";
    // a verb after a capitalised name word still ends the name.
    assert_eq!(
        orgs("Công ty CP Tư vấn Xây dựng Miền Trung đã trúng thầu."),
        ["Công ty CP Tư vấn Xây dựng Miền Trung"]
    );
    let s = "Ông Lê Văn Hải, Giám đốc Công ty TNHH Nội thất Hòa Bình, cho biết.";
    assert_eq!(titles(s), ["Giám đốc Công ty TNHH Nội thất Hòa Bình"]);
    assert_eq!(orgs(s), ["Công ty TNHH Nội thất Hòa Bình"]);
    let s = "Ông Trần Văn Bình, Tổng Giám đốc Công ty cổ phần Lọc hóa dầu Bình Sơn chia sẻ.";
    assert_eq!(orgs(s), ["Công ty cổ phần Lọc hóa dầu Bình Sơn"]);
}
