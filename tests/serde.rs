//! The serde forms of the public types (feature `serde`): what `Serialize`
//! writes, and that the `Deserialize` types read it back.
#![cfg(feature = "serde")]

use vntext::extract::{DocRefValue, TitleValue, Value};
use vntext::{EntityKind, Extractor, Ymd};

#[test]
fn ymd_is_a_date_string() {
    let d = Ymd {
        year: 2024,
        month: 2,
        day: 29,
    };
    assert_eq!(serde_json::to_string(&d).unwrap(), r#""2024-02-29""#);
    assert_eq!(serde_json::from_str::<Ymd>(r#""2024-02-29""#).unwrap(), d);
    assert!(serde_json::from_str::<Ymd>(r#""2023-02-29""#).is_err());
    assert!(serde_json::from_str::<Ymd>("20240229").is_err());
}

#[test]
fn entity_kinds_round_trip_with_their_names() {
    for (k, name) in
        EntityKind::ALL
            .into_iter()
            .zip(["OFFICIAL", "TITLE", "ORGANIZATION", "DATE", "DOCREF"])
    {
        let json = serde_json::to_string(&k).unwrap();
        assert_eq!(json, format!("\"{name}\""));
        assert_eq!(serde_json::from_str::<EntityKind>(&json).unwrap(), k);
        assert_eq!(name.parse::<EntityKind>().unwrap(), k);
        assert_eq!(k.to_string(), name);
    }
    assert!("Date".parse::<EntityKind>().is_err());
}

#[test]
fn values_read_back_from_extract_output() {
    let text = "Đồng chí Lò Văn Tân, Phó Bí thư Tỉnh ủy, dự Hội nghị theo Kết luận số 01-KL/TW của Bộ Chính trị.";
    let out = Extractor::new().extract(text);
    let json: serde_json::Value = serde_json::to_value(&out).unwrap();
    let mut seen = 0;
    for (e, j) in out
        .entities
        .iter()
        .zip(json["entities"].as_array().unwrap())
    {
        match &e.value {
            Value::Title(t) => {
                let back: TitleValue = serde_json::from_value(j["value"].clone()).unwrap();
                assert_eq!(&back, t);
                seen += 1;
            }
            Value::DocRef(r) => {
                let back: DocRefValue = serde_json::from_value(j["value"].clone()).unwrap();
                assert_eq!(&back, r);
                seen += 1;
            }
            Value::Empty => assert_eq!(j["value"], serde_json::json!({})),
            _ => {}
        }
        let kind: EntityKind = serde_json::from_value(j["type"].clone()).unwrap();
        assert_eq!(kind, e.kind);
    }
    assert!(seen >= 2, "{json}");
    // `Value::Empty` does not print like `Option::None`.
    assert_eq!(format!("{:?}", Value::Empty), "Empty");
}

#[test]
fn tokens_serialize_like_words() {
    let t = vntext::tokenize("Hà Nội").nth(1).unwrap();
    assert_eq!(
        serde_json::to_value(&t).unwrap(),
        serde_json::json!({
            "text": "Nội", "span": {"start": 4, "end": 9}, "kind": "word",
            "space_before": true, "newline_before": false
        })
    );
    let w = &vntext::segment("Hà Nội")[0];
    assert_eq!(
        serde_json::to_value(w).unwrap(),
        serde_json::json!({"text": "Hà Nội", "span": {"start": 0, "end": 9}, "kind": "word"})
    );
    let k: vntext::WordKind = serde_json::from_str(r#""punct""#).unwrap();
    assert_eq!(k, vntext::WordKind::Punct);
    let k: vntext::TokenKind = serde_json::from_str(r#""number""#).unwrap();
    assert_eq!(k, vntext::TokenKind::Number);
}
