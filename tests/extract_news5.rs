//! TITLE and ORGANIZATION spans and links of the recall and linking work of
//! issue 11 on `data/eval/dev5.jsonl`'s genres: bodies whose names run over
//! lowercase field words up to a place ("Hội Nhãn khoa học Việt Nam"),
//! company officers named by their function ("Giám đốc Tài chính"), bodies
//! named by an acronym right after an office, bodies named after an office in
//! apposition to its holder, and lowercase descriptions located in a country
//! (no body). Sentences written for these tests, names invented; expected
//! spans written by hand from `../shared/ENTITIES.md` and the decisions of
//! `data/eval/README.md`.

#[path = "common/entities.rs"]
mod entities;

use entities::{links, orgs, pairs, titles};

#[test]
fn field_words_and_sciences_continue_a_body_name_up_to_its_place() {
    let s = "Ông Trần Văn Khải - Chủ tịch Hiệp hội Vận tải hàng hóa dịch vụ Quảng Nam cho biết như vậy.";
    assert_eq!(
        titles(s),
        ["Chủ tịch Hiệp hội Vận tải hàng hóa dịch vụ Quảng Nam"]
    );
    assert_eq!(orgs(s), ["Hiệp hội Vận tải hàng hóa dịch vụ Quảng Nam"]);
    assert_eq!(
        links(s),
        pairs(&[(
            "Trần Văn Khải",
            "Chủ tịch Hiệp hội Vận tải hàng hóa dịch vụ Quảng Nam"
        )])
    );
    // A science in "-học" is one word of the name.
    assert_eq!(
        orgs("Hội thảo do Hội Xã hội học Việt Nam tổ chức."),
        ["Hội Xã hội học Việt Nam"]
    );
    assert_eq!(
        orgs("Bà từng làm việc tại Viện Ngôn ngữ học trước khi nghỉ hưu."),
        ["Viện Ngôn ngữ học"]
    );
    // "ứng dụng" continues a lowercase run after "và", not a capitalised
    // name: there it is the verb ("applies").
    assert_eq!(
        orgs("Viện nghiên cứu và ứng dụng Hoa Sen vừa ra mắt sản phẩm mới."),
        ["Viện nghiên cứu và ứng dụng Hoa Sen"]
    );
    assert_eq!(
        orgs("Viện Huyết học - Truyền máu Trung ương ứng dụng công nghệ mới."),
        ["Viện Huyết học - Truyền máu Trung ương"]
    );
}

#[test]
fn company_officers_named_by_their_function() {
    let s = "Ông Lê Minh Tâm, Giám đốc Tài chính của hãng, cho biết doanh thu tăng.";
    assert_eq!(titles(s), ["Giám đốc Tài chính"]);
    assert_eq!(links(s), pairs(&[("Lê Minh Tâm", "Giám đốc Tài chính")]));
    // Not "Giám đốc" + a person named "An".
    let s = "Ông Hồ Văn Sơn - Giám đốc An toàn của nhà thầu phát biểu tại buổi lễ.";
    assert_eq!(titles(s), ["Giám đốc An toàn"]);
    assert_eq!(links(s), pairs(&[("Hồ Văn Sơn", "Giám đốc An toàn")]));
}

#[test]
fn an_acronym_after_an_office_is_its_body() {
    let s = "Theo TS Vũ Thanh Bình, Viện trưởng VAXO, loại vắc xin này an toàn.";
    assert_eq!(titles(s), ["Viện trưởng VAXO"]);
    assert_eq!(orgs(s), ["VAXO"]);
    assert_eq!(links(s), pairs(&[("Vũ Thanh Bình", "Viện trưởng VAXO")]));
    // A former state's abbreviation is a country, no body.
    let s = "Ông từng gặp Tổng thống VNCH khi còn trẻ.";
    assert_eq!(titles(s), ["Tổng thống VNCH"]);
    assert!(orgs(s).is_empty());
}

#[test]
fn capitalised_words_after_an_office_in_apposition_name_its_body() {
    let s = "\"Chúng tôi sẽ mở thêm chi nhánh\", ông Đặng Văn Hòa, Giám đốc kinh doanh Đồng Xanh Miền Trung tại Huế chia sẻ.";
    assert_eq!(titles(s), ["Giám đốc kinh doanh Đồng Xanh Miền Trung"]);
    assert_eq!(orgs(s), ["Đồng Xanh Miền Trung"]);
    assert_eq!(
        links(s),
        pairs(&[("Đặng Văn Hòa", "Giám đốc kinh doanh Đồng Xanh Miền Trung")])
    );
    // The second syllable of a word in lowercase: the office has no body.
    let s = "Bà Lý Thị Hạnh, Giám đốc Quốc gia của hãng tại Việt Nam, cho biết.";
    assert!(orgs(s).is_empty());
    // A foreign name after the office is its holder, not a body.
    let s = "Theo tờ Evening Post, Chủ tịch Martin Webber đang rất hài lòng.";
    assert!(orgs(s).is_empty());
}

#[test]
fn a_lowercase_description_located_in_a_country_is_no_body() {
    assert!(orgs("Một công ty công nghệ sinh học Mỹ vừa công bố kết quả.").is_empty());
    assert!(orgs("Hacker tấn công một công ty Đài Loan vào tuần trước.").is_empty());
}

#[test]
fn company_and_university_abbreviations() {
    let s = "CTCP Chứng khoán Sao Mai (SMS) báo lãi tăng mạnh.";
    assert_eq!(orgs(s), ["CTCP Chứng khoán Sao Mai", "SMS"]);
    assert_eq!(
        orgs("Bài thi do ĐHQGHN tổ chức, ông là giảng viên Đại học quốc gia Hà Nội."),
        ["ĐHQGHN", "Đại học quốc gia Hà Nội"]
    );
}

#[test]
fn a_lowercase_office_right_before_its_holder() {
    let s = "Theo nghị sĩ Boris Karlov, dự luật sẽ được thông qua.";
    assert_eq!(titles(s), ["nghị sĩ"]);
    assert_eq!(links(s), pairs(&[("Boris Karlov", "nghị sĩ")]));
    let s = "Sau đó, thầy hiệu trưởng Lê Văn Toàn đưa học sinh về trường.";
    assert_eq!(titles(s), ["hiệu trưởng"]);
    assert_eq!(links(s), pairs(&[("Lê Văn Toàn", "hiệu trưởng")]));
    // Not before a word that is no name.
    assert!(titles("Ông muốn gặp giám đốc mới của hãng.").is_empty());
    assert!(titles("Các giám đốc Sáng tạo đã họp.").is_empty());
}

#[test]
fn a_photo_credit_names_a_person() {
    use entities::people;
    assert_eq!(
        people("Lực lượng chức năng làm việc tại hiện trường (Ảnh: Minh Khoa)."),
        ["Minh Khoa"]
    );
    // Agencies and outlets are no persons.
    assert!(people("Tàu cập cảng sáng nay. Ảnh: Getty Images").is_empty());
    assert!(people("Tàu cập cảng sáng nay (Ảnh: Dân trí).").is_empty());
}

#[test]
fn offices_in_apposition_after_a_name() {
    use entities::people;
    // A foreign name without address word, before a capitalised office with
    // its body.
    let s = "Số ca mắc tăng nhanh, Ramesh Kumar Thapa, Giám đốc Sở Y tế Kathmandu, cho biết.";
    assert_eq!(people(s), ["Ramesh Kumar Thapa"]);
    assert_eq!(
        links(s),
        pairs(&[("Ramesh Kumar Thapa", "Giám đốc Sở Y tế Kathmandu")])
    );
    // "Chị" opening the line is an address word.
    let s = "Chị Lê Thị Mai Anh, kế toán trưởng - công ty may Hòa Bình cho biết:";
    assert_eq!(titles(s), ["kế toán trưởng"]);
    assert_eq!(links(s), pairs(&[("Lê Thị Mai Anh", "kế toán trưởng")]));
    // The legal director of a company (both spellings of the syllable).
    let s = "Ông Mark Dalton, giám đốc pháp lý của hãng, cho biết.";
    assert_eq!(titles(s), ["giám đốc pháp lý"]);
    assert_eq!(links(s), pairs(&[("Mark Dalton", "giám đốc pháp lý")]));
}

#[test]
fn border_posts_and_their_commanders() {
    let s = "Thiếu tá Trần Văn Lộc - Phó Đồn Trưởng Đồn Biên phòng cửa khẩu quốc tế Tịnh Biên cho biết, lực lượng trực 24/24.";
    assert_eq!(
        titles(s),
        ["Phó Đồn Trưởng Đồn Biên phòng cửa khẩu quốc tế Tịnh Biên"]
    );
    assert_eq!(orgs(s), ["Đồn Biên phòng cửa khẩu quốc tế Tịnh Biên"]);
    assert_eq!(
        links(s),
        pairs(&[(
            "Trần Văn Lộc",
            "Phó Đồn Trưởng Đồn Biên phòng cửa khẩu quốc tế Tịnh Biên"
        )])
    );
}

#[test]
fn a_title_after_cua_is_not_linked_across_a_rank() {
    let s = "Thừa lệnh của Chủ tịch nước, Đại tá Lê Văn Hòa trao tặng huân chương.";
    assert_eq!(titles(s), ["Chủ tịch nước"]);
    assert!(links(s).is_empty());
    // Without "của" the rank bridges the title and the name.
    let s = "Thứ trưởng Bộ Quốc phòng, Thượng tướng Lê Văn Hòa phát biểu.";
    assert_eq!(
        links(s),
        pairs(&[("Lê Văn Hòa", "Thứ trưởng Bộ Quốc phòng")])
    );
}

#[test]
fn a_number_closing_a_body_name() {
    assert_eq!(
        orgs("Đoàn kiểm tra Công ty TNHH Thiết bị y tế 425 tại Quận 7."),
        ["Công ty TNHH Thiết bị y tế 425"]
    );
    assert_eq!(
        orgs("Học sinh Trường THPT Yên Lạc 2, tỉnh Vĩnh Phúc đạt giải."),
        ["Trường THPT Yên Lạc 2"]
    );
    // A count before its noun, not the name's.
    assert_eq!(
        orgs("Sở Y tế 2 ngày qua đã kiểm tra nhiều cơ sở."),
        ["Sở Y tế"]
    );
}

#[test]
fn fields_listed_in_a_lowercase_name() {
    let s =
        "Ông Phan Văn Lực, Viện trưởng Viện nghiên cứu văn hóa, giáo dục và môi trường, tự ứng cử.";
    assert_eq!(orgs(s), ["Viện nghiên cứu văn hóa, giáo dục và môi trường"]);
    assert_eq!(
        links(s),
        pairs(&[(
            "Phan Văn Lực",
            "Viện trưởng Viện nghiên cứu văn hóa, giáo dục và môi trường"
        )])
    );
    // Not a list that goes on into the sentence.
    assert_eq!(
        orgs("Viện nghiên cứu xã hội, kinh tế và môi trường biển đã họp."),
        ["Viện nghiên cứu xã hội"]
    );
}

#[test]
fn a_short_name_once_introduced_names_the_body_again() {
    let s = "Các thương hiệu do Công ty VIFOOD sáng lập. Năm nay, VIFOOD dự kiến mở thêm cửa hàng.";
    assert_eq!(orgs(s), ["Công ty VIFOOD", "VIFOOD"]);
    let s = "Ngân hàng TMCP Phương Bắc (NBB) cho biết lãi tăng; NBB cũng giảm nợ xấu.";
    assert_eq!(orgs(s), ["Ngân hàng TMCP Phương Bắc", "NBB", "NBB"]);
    // Not inside a longer capitalised name.
    let s = "Công ty VIFOOD mở chuỗi VIFOOD Express.";
    assert_eq!(orgs(s), ["Công ty VIFOOD"]);
}

#[test]
fn a_lowercase_police_team_head_stays_in_the_body() {
    assert_eq!(
        orgs("Sau đó, đội Cảnh sát PCCC và CNCH Công an quận Hai Bà Trưng điều xe tới."),
        ["đội Cảnh sát PCCC và CNCH Công an quận Hai Bà Trưng"]
    );
}

#[test]
fn a_lowercase_unit_after_a_lowercase_office() {
    // The unit's name starts in lowercase and holds a capitalised name.
    let s = "Bà Lê Thị Hòa, hiệu trưởng trường trung học Ridgeway, cho biết.";
    assert_eq!(titles(s), ["hiệu trưởng trường trung học Ridgeway"]);
    assert_eq!(orgs(s), ["trường trung học Ridgeway"]);
    assert_eq!(
        links(s),
        pairs(&[("Lê Thị Hòa", "hiệu trưởng trường trung học Ridgeway")])
    );
    // A class of schools is no body, and the office keeps no complement.
    let s = "Bà Lê Thị Hòa, hiệu trưởng trường đại học, cho biết.";
    assert!(orgs(s).is_empty());
}
