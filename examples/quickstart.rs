//! A tour of the library in one page: normalize, split sentences, segment
//! words, extract entities — every result with byte spans into the input.
//!
//! ```sh
//! cargo run --example quickstart
//! ```

use vntext::analyze::Analyzer;
use vntext::extract::Ymd;
use vntext::normalize::{Normalizer, ToneStyle};

fn main() {
    let raw = "Sáng 14/4/2023, UBND tỉnh Đông Lĩnh họp đánh giá cải cách hành chính quý I/2023. \
               Đồng chí Lục Thị Hồng Nhung, Phó Chủ tịch Thường trực UBND tỉnh chủ trì.";

    // 1. Clean text for display or indexing (borrowed when already clean).
    let normalizer = Normalizer::builder().tone(ToneStyle::Modern).build();
    let text = normalizer.normalize(raw);
    println!("normalized: {text}");
    println!("search key: {}", vntext::normalize::fold_lower(&text));

    // 2. One pass over the text: sentences, words, entities, links.
    let analyzer = Analyzer::new().reference_date(Ymd {
        year: 2023,
        month: 4,
        day: 20,
    });
    let doc = analyzer.analyze(&text);

    for (i, s) in doc.sentences.iter().enumerate() {
        let words: Vec<&str> = doc.words_of(s).iter().map(|w| w.text).collect();
        println!("sentence {i} @ {:?}: {}", s.span, words.join(" | "));
    }
    for e in &doc.entities {
        println!("{:?} {:?} {:?} {:?}", e.kind, e.span, e.text, e.value);
    }
    for &(official, title) in &doc.links {
        println!(
            "{} is {}",
            doc.entities[official].text, doc.entities[title].text
        );
    }
}
