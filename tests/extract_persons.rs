//! OFFICIAL found by what a name is (issue 11, item 2): Vietnamese full
//! names from their structure, foreign names, well-known persons, lists and
//! brackets, later mentions; and what is no person (streets, places,
//! schools). Sentences written for these tests; the expected names are
//! written by hand.

#[path = "common/entities.rs"]
mod entities;

use entities::people;

fn check(text: &str, want: &[&str]) {
    assert_eq!(people(text), want, "{text}");
}

#[test]
fn vietnamese_names_without_a_cue() {
    check("Năm 1428, Lê Lợi lên ngôi ở Đông Kinh.", &["Lê Lợi"]);
    check(
        "Bài thơ được Phạm Thị Hồng Nhung chép lại năm 1975.",
        &["Phạm Thị Hồng Nhung"],
    );
    // A list of names: each one.
    check(
        "Hội thảo có sự tham gia của Đỗ Văn Khiêm, Trần Quốc Hào và Hà Thị Mận.",
        &["Đỗ Văn Khiêm", "Trần Quốc Hào", "Hà Thị Mận"],
    );
}

#[test]
fn honorifics_and_professions_stay_outside() {
    check(
        "Theo giáo sư Đoàn Minh Khải, cuốn sách cần được in lại.",
        &["Đoàn Minh Khải"],
    );
    check("Cụ Lâm Văn Bảy năm nay đã 90 tuổi.", &["Lâm Văn Bảy"]);
}

#[test]
fn foreign_names() {
    check(
        "Tiểu thuyết của Victor Hugo được dịch sang tiếng Việt từ lâu.",
        &["Victor Hugo"],
    );
    check(
        "Tổng thống Pháp Emmanuel Macron đã gặp các nhà báo.",
        &["Emmanuel Macron"],
    );
    // A foreign place is no person.
    check("Đoàn đã tới New York vào tuần trước.", &[]);
}

#[test]
fn well_known_persons_and_their_places() {
    check("Năm 1802, vua Gia Long lên ngôi.", &["Gia Long"]);
    check("Cửa hàng nằm trên đường Gia Long.", &[]);
}

#[test]
fn streets_places_and_schools_hold_no_person() {
    check(
        "Cửa hàng nằm ở góc các phố Nguyễn Trãi, Lê Duẩn và Trần Phú.",
        &[],
    );
    check("Đoàn công tác đến Phan Thiết vào sáng nay.", &[]);
    check("Học sinh Trường THPT Nguyễn Du đạt giải nhất.", &[]);
}

#[test]
fn later_mentions_of_a_name() {
    // The given name alone, mid-sentence, after the full name.
    check(
        "Ông Trần Văn Hùng sinh năm 1960. Năm 1985, Hùng chuyển về Huế.",
        &["Trần Văn Hùng", "Hùng"],
    );
    // Not without the full name first, and not inside a place.
    check("Năm 1985, Hùng chuyển về Huế.", &[]);
}

#[test]
fn clubs_firms_streets_and_typos_are_no_persons() {
    // A club after a profession, a firm named after its founder.
    check("Anh từng là cầu thủ Liverpool trong hai mùa giải.", &[]);
    check("Ông làm việc cho William Grant & Sons nhiều năm.", &[]);
    // An emperor's name after "ở" is a street.
    check("Cửa hàng mở ở Duy Tân từ năm ngoái.", &[]);
    // A house number opening a line.
    check("- 112 Trần Phú, quận Hà Đông.", &[]);
    // Two words glued by a typo after a cue word are not a name.
    check("Dinh thự vua Mèocó diện tích lớn.", &[]);
    // A well-known name must be capitalised: "Nam cao" is no "Nam Cao".
    check("Nam cao từ 1,60m trở lên.", &[]);
}
