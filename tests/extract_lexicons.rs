//! User lexicons: a new title, document type, organisation or name is one
//! line in the format of the data files (`data/extract/*.txt`), added
//! through `Extractor::builder()`; malformed lines are errors.
//!
//! Expected values written by hand.

use vntext::extract::{EntityKind, Extraction, Extractor, Lexicon, Value};
use vntext::ErrorKind;

fn of_kind<'a>(out: &'a Extraction<'_>, kind: EntityKind) -> Vec<&'a str> {
    out.entities
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.text)
        .collect()
}

const ENVOY: &str = "Đặc sứ Nguyễn Văn An phát biểu tại hội nghị.";

#[test]
fn a_new_title_is_one_data_line() {
    // Built in, "Đặc sứ" is no office: only the name is found.
    let out = Extractor::new().extract(ENVOY);
    assert_eq!(of_kind(&out, EntityKind::Title), Vec::<&str>::new());
    assert_eq!(of_kind(&out, EntityKind::Official), vec!["Nguyễn Văn An"]);

    let ex = Extractor::builder()
        .lines(Lexicon::Titles, "đặc sứ")
        .build()
        .unwrap();
    let out = ex.extract(ENVOY);
    assert_eq!(of_kind(&out, EntityKind::Title), vec!["Đặc sứ"]);
    assert_eq!(of_kind(&out, EntityKind::Official), vec!["Nguyễn Văn An"]);
    // The title is linked to the name after it.
    let (o, t) = out.links[0];
    assert_eq!(
        (out.entities[o].text, out.entities[t].text),
        ("Nguyễn Văn An", "Đặc sứ")
    );
    match &out.entities[t].value {
        Value::Title(v) => assert_eq!(v.role, "Đặc sứ"),
        v => panic!("{v:?}"),
    }

    // The typed method does the same.
    let typed = Extractor::builder()
        .title("Đặc sứ")
        .build()
        .unwrap()
        .extract(ENVOY);
    assert_eq!(typed, out);
}

const CONVENTION: &str = "Việt Nam thực hiện Công ước số 12/1989 về quyền trẻ em.";

#[test]
fn a_new_document_type_is_one_data_line() {
    let out = Extractor::new().extract(CONVENTION);
    assert_eq!(of_kind(&out, EntityKind::DocRef), Vec::<&str>::new());

    let ex = Extractor::builder()
        .lines(Lexicon::DocumentTypes, "Công ước")
        .build()
        .unwrap();
    let out = ex.extract(CONVENTION);
    let doc = out
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::DocRef)
        .unwrap();
    assert_eq!(doc.text, "Công ước số 12/1989");
    match &doc.value {
        Value::DocRef(v) => {
            assert_eq!(v.kind.as_deref(), Some("Công ước"));
            assert_eq!(v.number, "12");
            assert_eq!(v.year.as_deref(), Some("1989"));
        }
        v => panic!("{v:?}"),
    }

    // Typed, and with the kind reported given as the value field.
    let typed = Extractor::builder()
        .document_type("Công ước")
        .build()
        .unwrap()
        .extract(CONVENTION);
    assert_eq!(
        of_kind(&typed, EntityKind::DocRef),
        vec!["Công ước số 12/1989"]
    );
    let spelled = Extractor::builder()
        .lines(Lexicon::DocumentTypes, "Điều ước|type|Điều ước quốc tế")
        .build()
        .unwrap()
        .extract("Theo Điều ước số 7/2001.");
    assert_eq!(spelled.entities[0].text, "Điều ước số 7/2001");
    match &spelled.entities[0].value {
        Value::DocRef(v) => assert_eq!(v.kind.as_deref(), Some("Điều ước quốc tế")),
        v => panic!("{v:?}"),
    }
}

#[test]
fn organisations_heads_and_names() {
    let text = "Ông Lý Tiểu Long thăm Nghiệp đoàn Bảo trợ trẻ em tỉnh.";
    let out = Extractor::new().extract(text);
    assert_eq!(of_kind(&out, EntityKind::Organization), Vec::<&str>::new());
    let ex = Extractor::builder()
        .organization_head("Nghiệp đoàn")
        .build()
        .unwrap();
    assert_eq!(
        of_kind(&ex.extract(text), EntityKind::Organization),
        vec!["Nghiệp đoàn Bảo trợ trẻ em tỉnh"]
    );

    // "Hạ" is no family name: an invented pen name is found only when listed.
    let text = "Thơ của Hạ Miên được dịch ra nhiều thứ tiếng.";
    assert_eq!(
        of_kind(&Extractor::new().extract(text), EntityKind::Official),
        Vec::<&str>::new()
    );
    let ex = Extractor::builder()
        .lines(Lexicon::Persons, "Hạ Miên")
        .build()
        .unwrap();
    assert_eq!(
        of_kind(&ex.extract(text), EntityKind::Official),
        vec!["Hạ Miên"]
    );
}

#[test]
fn malformed_lines_are_errors() {
    for (lexicon, lines, line) in [
        (Lexicon::Titles, "đặc phái viên|envoy", 1),
        (Lexicon::OrganizationHeads, "Quỹ|name\nViện Hàn lâm", 2),
        (Lexicon::DocumentTypes, "Công ước|law|Công ước|x", 1),
        (Lexicon::Places, "Hà Tây\n|c", 2),
        (Lexicon::FamilyNames, "Lâm|c", 1),
    ] {
        let e = Extractor::builder()
            .lines(lexicon, lines)
            .build()
            .unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::BadData { line }, "{lines:?}: {e}");
        assert!(
            e.to_string()
                .starts_with(&format!("{} (added #1):{line}:", lexicon.file_name())),
            "{e}"
        );
    }
    // A typed phrase cannot smuggle tags or lines in.
    let e = Extractor::builder()
        .title("Đặc sứ\nTổng thống|person")
        .build()
        .unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::BadOption);
    // A phrase twice in one addition.
    let e = Extractor::builder()
        .lines(Lexicon::Titles, "đặc sứ\nĐẶC SỨ")
        .build()
        .unwrap_err();
    assert!(e.to_string().contains("already listed"), "{e}");
}

#[test]
fn an_addition_replaces_the_class_of_a_built_in_phrase() {
    // "HLV" is a title only right before a name; listed plainly, it is
    // a title on its own.
    let text = "Các HLV đã họp.";
    assert_eq!(
        of_kind(&Extractor::new().extract(text), EntityKind::Title),
        Vec::<&str>::new()
    );
    let ex = Extractor::builder()
        .lines(Lexicon::Titles, "HLV")
        .build()
        .unwrap();
    assert_eq!(of_kind(&ex.extract(text), EntityKind::Title), vec!["HLV"]);
}

#[test]
fn an_extractor_without_additions_is_the_default_one() {
    let text = "Sáng 26/12, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị.";
    let built = Extractor::builder().build().unwrap();
    assert_eq!(built.extract(text), Extractor::new().extract(text));
}
