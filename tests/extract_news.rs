//! TITLE, ORGANIZATION and OFFICIAL spans and links in world, court/police and
//! business news (issue 11, the genres of `data/eval/dev4.jsonl`): police and
//! army units and ranks, investigation bodies, wards named after persons,
//! foreign bodies, company officers and companies named alone. Sentences
//! written for these tests, names invented; expected spans written by hand
//! from `../shared/ENTITIES.md` and the decisions of `data/eval/README.md`.

#[path = "common/entities.rs"]
mod entities;

use entities::{links, orgs, pairs, people, titles};

#[test]
fn ranks_stay_outside_and_the_office_after_the_name_is_linked() {
    // A known province ends a body's name: the verb after it is not inside.
    let s = "Thượng tá Lê Văn Khánh - Phó Chỉ huy trưởng Bộ đội Biên phòng Quảng Bình thông tin thêm về vụ việc.";
    assert_eq!(people(s), ["Lê Văn Khánh"]);
    assert_eq!(
        titles(s),
        ["Phó Chỉ huy trưởng Bộ đội Biên phòng Quảng Bình"]
    );
    assert_eq!(orgs(s), ["Bộ đội Biên phòng Quảng Bình"]);
    assert_eq!(
        links(s),
        pairs(&[(
            "Lê Văn Khánh",
            "Phó Chỉ huy trưởng Bộ đội Biên phòng Quảng Bình"
        )])
    );
    let s = "Ông từng giữ chức Tiểu đoàn trưởng, rồi Sư đoàn trưởng Sư đoàn 5.";
    assert_eq!(titles(s), ["Tiểu đoàn trưởng", "Sư đoàn trưởng Sư đoàn 5"]);
}

#[test]
fn heads_of_investigating_bodies_and_police_units() {
    let s = "Trung tá Phạm Đức Long, Phó Thủ trưởng Cơ quan CSĐT Công an tỉnh Hà Tĩnh cho biết như vậy.";
    assert_eq!(
        titles(s),
        ["Phó Thủ trưởng Cơ quan CSĐT Công an tỉnh Hà Tĩnh"]
    );
    assert_eq!(orgs(s), ["Cơ quan CSĐT Công an tỉnh Hà Tĩnh"]);
    assert_eq!(
        links(s),
        pairs(&[(
            "Phạm Đức Long",
            "Phó Thủ trưởng Cơ quan CSĐT Công an tỉnh Hà Tĩnh"
        )])
    );
    // "Cơ quan điều tra" with its name in lowercase; "Đội CSGT" + a name.
    assert_eq!(
        orgs("Hồ sơ được chuyển sang Cơ quan điều tra Công an huyện Thạch Hà."),
        ["Cơ quan điều tra Công an huyện Thạch Hà"]
    );
    assert_eq!(
        orgs("Đội CSGT Cầu Giấy đã lập biên bản."),
        ["Đội CSGT Cầu Giấy"]
    );
    // "Đội" alone is a word of names, not a head.
    assert_eq!(
        orgs("Hội đồng Đội tỉnh Hà Tĩnh tổ chức lễ tuyên dương."),
        ["Hội đồng Đội tỉnh Hà Tĩnh"]
    );
    // The police of a country is no organisation of its own.
    assert!(orgs("Cảnh sát Ý cho biết đã bắt giữ hai nghi phạm.").is_empty());
}

#[test]
fn a_name_starting_inside_a_title_is_read_from_the_title_end() {
    // "Thạch Hà Nguyễn Văn Long": the district's name, then the holder (a
    // family name, another family name and a middle name).
    let s = "Phó Trưởng Công an huyện Cẩm Xuyên Trần Văn Lộc xác nhận thông tin.";
    assert_eq!(titles(s), ["Phó Trưởng Công an huyện Cẩm Xuyên"]);
    assert_eq!(people(s), ["Trần Văn Lộc"]);
    let s = "Trưởng Công an huyện Gia Lâm Nguyễn Văn Dũng xác nhận thông tin.";
    assert_eq!(titles(s), ["Trưởng Công an huyện Gia Lâm"]);
    assert_eq!(people(s), ["Nguyễn Văn Dũng"]);
    assert_eq!(
        links(s),
        pairs(&[("Nguyễn Văn Dũng", "Trưởng Công an huyện Gia Lâm")])
    );
}

#[test]
fn wards_named_after_persons_stay_in_the_body() {
    // A well-known person's name, or a name followed by the district.
    assert_eq!(
        orgs("Cán bộ Công an phường Trần Hưng Đạo đã có mặt."),
        ["Công an phường Trần Hưng Đạo"]
    );
    assert_eq!(
        orgs("UBND phường Lê Văn Tám, quận 3 đã ra thông báo."),
        ["UBND phường Lê Văn Tám"]
    );
    // A title before a name is not a ward.
    let s = "Chủ tịch UBND tỉnh Lê Văn Tám đã ký quyết định.";
    assert_eq!(titles(s), ["Chủ tịch UBND tỉnh"]);
    assert_eq!(people(s), ["Lê Văn Tám"]);
}

#[test]
fn names_of_bodies_end_at_thuoc_and_read_across_va() {
    assert_eq!(
        orgs("Nhóm nghiên cứu của Viện Lúa thuộc Học viện Nông nghiệp đã công bố."),
        ["Viện Lúa", "Học viện Nông nghiệp"]
    );
    assert_eq!(
        orgs("Trung tâm Kiểm soát và Phòng ngừa Dịch bệnh Mỹ (CDC) khuyến cáo."),
        ["Trung tâm Kiểm soát và Phòng ngừa Dịch bệnh Mỹ", "CDC"]
    );
    assert_eq!(
        orgs("Mẫu bệnh phẩm được gửi về Viện Vệ sinh dịch tễ Tây Nguyên."),
        ["Viện Vệ sinh dịch tễ Tây Nguyên"]
    );
}

#[test]
fn company_officers_by_acronym() {
    let s = "Ông Carl Jensen, CEO của Nordvik, cho biết doanh thu tăng.";
    assert_eq!(titles(s), ["CEO"]);
    assert_eq!(links(s), pairs(&[("Carl Jensen", "CEO")]));
    let s = "CEO Mark Olsen khẳng định công ty không bán cổ phần.";
    assert_eq!(titles(s), ["CEO"]);
    assert_eq!(links(s), pairs(&[("Mark Olsen", "CEO")]));
    // A class of officers is no TITLE.
    assert!(titles("Nhiều tập đoàn chọn CEO nước ngoài.").is_empty());
    assert!(titles("Các CEO trẻ chia sẻ kinh nghiệm.").is_empty());
    assert_eq!(
        titles("Bà Trần Thu Hà, Chuyên gia kinh tế trưởng của ngân hàng, nhận định."),
        ["Chuyên gia kinh tế trưởng"]
    );
}

#[test]
fn companies_and_exchanges_named_alone() {
    assert_eq!(
        orgs("Cổ phiếu được chuyển từ HNX sang HoSE trong tháng 5."),
        ["HNX", "HoSE"]
    );
    assert_eq!(
        orgs("Huawei và Xiaomi đều tăng thị phần."),
        ["Huawei", "Xiaomi"]
    );
    // A brand before a product model is no organisation.
    assert!(orgs("Chiếc Xiaomi Mi 11 được bán với giá thấp.").is_empty());
    // A company known by one word inside a longer name.
    assert_eq!(
        orgs("Lễ trao giải diễn ra tại Trường Đại học FPT Cần Thơ."),
        ["Trường Đại học FPT Cần Thơ"]
    );
    // The link verb "nắm ghế".
    assert_eq!(
        links("Nếu ông Jack Miller nắm ghế Tổng thống, chính sách sẽ đổi."),
        pairs(&[("Jack Miller", "Tổng thống")])
    );
}

#[test]
fn seats_of_leadership_and_envoys_in_world_news() {
    // The seat stands for the state like its country: inside the title, no
    // organisation, not part of the name after it.
    let s = "Người phát ngôn Nhà Trắng Karen Walsh cho biết như vậy.";
    assert_eq!(titles(s), ["Người phát ngôn Nhà Trắng"]);
    assert_eq!(people(s), ["Karen Walsh"]);
    assert!(orgs(s).is_empty());
    assert_eq!(
        links(s),
        pairs(&[("Karen Walsh", "Người phát ngôn Nhà Trắng")])
    );
    assert!(people("Lầu Năm Góc chưa bình luận về thông tin này.").is_empty());
    // An envoy to an international body.
    let s = "Đại sứ Anh tại Liên hợp quốc Peter Hollis phát biểu.";
    assert_eq!(titles(s), ["Đại sứ Anh tại Liên hợp quốc"]);
    assert_eq!(orgs(s), ["Liên hợp quốc"]);
    assert_eq!(people(s), ["Peter Hollis"]);
    // No office inside a country's name ("Trung Quốc Vương …").
    assert!(titles("Ông gặp người đồng cấp Trung Quốc Vương Minh.").is_empty());
}

#[test]
fn a_member_named_after_his_party() {
    let s = "Thượng nghị sĩ đảng Dân chủ Frank Walton phản đối dự luật.";
    assert_eq!(titles(s), ["Thượng nghị sĩ đảng Dân chủ"]);
    assert_eq!(orgs(s), ["đảng Dân chủ"]);
    assert_eq!(people(s), ["Frank Walton"]);
    // Foreign words in the name of a school stay inside it.
    assert_eq!(
        orgs("Em theo học tại trường Tiểu học Newton Hill."),
        ["trường Tiểu học Newton Hill"]
    );
    // Agencies and armed groups named alone.
    assert_eq!(
        orgs("Giám đốc CIA và lực lượng Taliban"),
        ["CIA", "Taliban"]
    );
}

#[test]
fn investigating_bodies_and_a_minister_after_his_ministry() {
    assert_eq!(
        orgs("Cơ quan An ninh điều tra Bộ Quốc phòng đã khởi tố 3 bị can."),
        ["Cơ quan An ninh điều tra Bộ Quốc phòng"]
    );
    // With a dash: two bodies.
    assert_eq!(
        orgs("Cơ quan Cảnh sát điều tra - Công an huyện Ba Vì thông báo."),
        ["Cơ quan Cảnh sát điều tra", "Công an huyện Ba Vì"]
    );
    let s = "Bộ trưởng Bộ Tư pháp Lê Thành đã ký quyết định.";
    assert_eq!(titles(s), ["Bộ trưởng Bộ Tư pháp"]);
    assert_eq!(people(s), ["Lê Thành"]);
    assert_eq!(links(s), pairs(&[("Lê Thành", "Bộ trưởng Bộ Tư pháp")]));
    // Other heads keep a two-word place after their name.
    assert_eq!(
        orgs("Phòng GD&ĐT Yên Mô đã báo cáo sự việc."),
        ["Phòng GD&ĐT Yên Mô"]
    );
}

#[test]
fn titles_with_a_complement_after_cua_and_lists_after_a_term() {
    let s = "CEO của Nordvik, ông Carl Jensen, cho biết doanh thu tăng.";
    assert_eq!(links(s), pairs(&[("Carl Jensen", "CEO")]));
    let s = "Chuyên gia kinh tế trưởng của ngân hàng HSBC - ông Frank Lowe, nhận định.";
    assert_eq!(
        links(s),
        pairs(&[("Frank Lowe", "Chuyên gia kinh tế trưởng")])
    );
    // Not across a sentence, not when the title is in apposition to a name
    // before it.
    let s = "Ông từng là Giám đốc của Nordvik. Theo báo Time, ông Carl Jensen sẽ nghỉ.";
    assert!(links(s).is_empty());
    let s = "Bà Trần Thu Hà, Giám đốc của Sở Y tế, ông Lê Văn Nam cùng dự.";
    assert_eq!(links(s), pairs(&[("Trần Thu Hà", "Giám đốc")]));
    // A title, a term and years before the colon of a list.
    let s = "Cổ đông đề nghị miễn nhiệm 2 thành viên HĐQT nhiệm kỳ VI (2016-2021) gồm: ông Lê Văn Nam, bà Trần Thu Hà.";
    assert_eq!(
        links(s),
        pairs(&[
            ("Lê Văn Nam", "thành viên HĐQT"),
            ("Trần Thu Hà", "thành viên HĐQT")
        ])
    );
}

#[test]
fn chief_accountants_deputy_commanders_and_company_names_before_a_verb() {
    let s = "Bà Cao Thị Lan - Kế toán trưởng Công ty Hòa Bình - cho biết.";
    assert_eq!(titles(s), ["Kế toán trưởng Công ty Hòa Bình"]);
    assert_eq!(
        links(s),
        pairs(&[("Cao Thị Lan", "Kế toán trưởng Công ty Hòa Bình")])
    );
    assert_eq!(
        titles("Đại úy Lê Văn Tám - Trung đoàn phó Trung đoàn 9, đã có mặt."),
        ["Trung đoàn phó Trung đoàn 9"]
    );
    // A word that cannot be Vietnamese ends a body's name before a verb.
    let s = "Ông Lê Văn Hòa, chủ tịch HĐQT Nordbank thông tin, ngân hàng sẽ tăng vốn.";
    assert_eq!(titles(s), ["chủ tịch HĐQT Nordbank"]);
    assert_eq!(orgs(s), ["HĐQT Nordbank"]);
}

#[test]
fn a_known_foreign_full_name_ends_before_the_next_name() {
    let s = "Cố vấn của Tổng thống Mỹ Donald Trump Robert Hale cho biết.";
    assert!(people(s).iter().any(|p| p == "Donald Trump"));
    assert!(!people(s).iter().any(|p| p.contains("Trump Robert")));
    assert_eq!(people("Tỷ phú Elon Musk vừa bán cổ phiếu."), ["Elon Musk"]);
}

#[test]
fn a_company_name_in_lowercase_after_its_legal_form() {
    assert_eq!(
        orgs("Công ty CP đầu tư và dịch vụ Hải Long đã nộp đơn."),
        ["Công ty CP đầu tư và dịch vụ Hải Long"]
    );
    // Not after another kind of head: the verb ends the name.
    assert_eq!(orgs("Sở GTVT đánh giá cao đề xuất."), ["Sở GTVT"]);
}

#[test]
fn police_departments_named_across_commas() {
    assert_eq!(
        orgs("Cục Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu (C03) đã vào cuộc."),
        [
            "Cục Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu",
            "C03"
        ]
    );
    assert_eq!(
        orgs("Phòng Cảnh sát PCCC và cứu nạn, cứu hộ Công an tỉnh Bình Dương điều 5 xe."),
        ["Phòng Cảnh sát PCCC và cứu nạn, cứu hộ Công an tỉnh Bình Dương"]
    );
}
