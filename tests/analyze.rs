//! The one-pass Analyzer gives the same results as the stages called one by one.

use vntext::analyze::{Analyzer, Document};
use vntext::extract::Ymd;
use vntext::sentence::sentences;
use vntext::{Extractor, Segmenter};

const TEXT: &str = "Chiều 14/3, Ban Dân vận Tỉnh ủy họp giao ban quý I/2023. \
Đồng chí Lò Văn Tân, Phó Bí thư Tỉnh ủy, chủ trì.\n\
Hội nghị quán triệt Kết luận số 12-KL/TU ngày 2/2/2023 của Ban Thường vụ Tỉnh ủy… Xong./.";

#[test]
fn same_as_separate_stages() {
    let a = Analyzer::new();
    let doc = a.analyze(TEXT);
    assert_eq!(doc.sentences, sentences(TEXT));
    assert_eq!(doc.words, Segmenter::new().segment(TEXT));
    let ex = Extractor::new().extract(TEXT);
    assert_eq!(doc.entities, ex.entities);
    assert_eq!(doc.links, ex.links);
    assert_eq!(doc.sentences.len(), 4);
    assert_eq!(doc.sentence_tokens.len(), 4);
    assert_eq!(
        doc.sentence_tokens.last().map(|r| r.end),
        Some(doc.tokens.len())
    );
}

#[test]
fn reference_date_is_passed_on() {
    let d = Ymd::parse("2023-03-20").unwrap();
    let doc = Analyzer::new().reference_date(d).analyze(TEXT);
    let ex = Extractor::new().reference_date(d).extract(TEXT);
    assert_eq!(doc.entities, ex.entities);
}

#[test]
fn words_of_each_sentence_partition_the_words() {
    let doc = Analyzer::new().analyze(TEXT);
    let mut n = 0;
    for s in &doc.sentences {
        let ws = doc.words_of(s);
        assert!(!ws.is_empty());
        for w in ws {
            assert!(w.span.start >= s.span.start && w.span.end <= s.span.end);
        }
        n += ws.len();
    }
    assert_eq!(n, doc.words.len());
    assert!(doc.words_in(0..0).is_empty());
}

#[test]
fn empty_text() {
    let doc = Analyzer::new().analyze("");
    assert_eq!(doc, Document::default());
}

#[test]
fn shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Analyzer>();
    let a = Analyzer::new();
    std::thread::scope(|s| {
        let h: Vec<_> = (0..2)
            .map(|_| s.spawn(|| a.analyze(TEXT).sentences.len()))
            .collect();
        for h in h {
            assert_eq!(h.join().unwrap(), 4);
        }
    });
}

#[cfg(feature = "serde")]
#[test]
fn serializes_without_tokens() {
    let doc = Analyzer::new().analyze("Một câu.");
    let v = serde_json::to_value(&doc).unwrap();
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["entities", "links", "sentences", "words"]);
    assert_eq!(v["sentences"][0]["text"], "Một câu.");
}
