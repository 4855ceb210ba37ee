//! The shared processing objects are `Send + Sync`, and processing the same
//! corpus on 8 threads gives byte-identical results to one thread.

use std::fmt::Write as _;

use vntext::normalize::{Normalizer, ToneStyle};
use vntext::{Analyzer, Convention, Extractor, Segmenter};

/// Compile-time check: `T` can be shared across threads.
const fn assert_send_sync<T: Send + Sync>() {}

const _: () = {
    assert_send_sync::<Segmenter>();
    assert_send_sync::<Extractor>();
    assert_send_sync::<Normalizer>();
    assert_send_sync::<Analyzer>();
    assert_send_sync::<vntext::analyze::Document<'static>>();
    assert_send_sync::<vntext::Extraction<'static>>();
    assert_send_sync::<vntext::Word<'static>>();
};

const THREADS: usize = 8;

/// Sentences written for this test; combined below into a few thousand
/// lines of varied text.
const SENTENCES: &[&str] = &[
    "Chiều 14/3, đồng chí Lê Văn Minh, Phó Chủ tịch UBND tỉnh, chủ trì cuộc họp.",
    "Theo Nghị định số 45/2019/NĐ-CP ngày 21/5/2019 của Chính phủ, các sở phải báo cáo trước quý II/2024.",
    "Ông Trần Quốc Hưng, nguyên Bộ trưởng Bộ Tài chính, phát biểu tại hội nghị.",
    "Thông báo số 07-TB/TU ngày 3 tháng 9 năm 2020 của Tỉnh ủy về công tác cán bộ.",
    "Hoà bình, khoẻ mạnh, thuỷ lợi; Ho\u{0300}a, Vie\u{0323}\u{0302}t Nam, tiêń bộ.",
    "Giá tăng 1.234,5 đồng/kg lúc 10h30; xem https://vi.example.org/a?b=1 hoặc hop.tac@example.gov.vn.",
    "Sáng thứ Hai (15/5), Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị tổng kết nhiệm kỳ 2020-2025.",
    "Bà Phạm Thị Hồng Nhung làm giám đốc Sở Tư pháp từ năm 2018.",
    "ĐÔNG\u{200B}Hà аnh Ðức… «Phó Phó Phó số số 01-01-01» (((Bí thư)))",
];

/// A deterministic corpus of `n` lines mixing the sentences above.
fn corpus(n: usize) -> Vec<String> {
    let mut lines = Vec::with_capacity(n);
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..n {
        let mut line = String::new();
        // 1 to 4 sentences per line, picked by a xorshift generator.
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        for k in 0..1 + (x % 4) as usize {
            let s = SENTENCES[((x >> (8 * k)) as usize) % SENTENCES.len()];
            line.push_str(s);
            line.push(' ');
        }
        lines.push(line);
    }
    // Bundled samples, when the repository has them.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples");
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            if let Ok(text) = std::fs::read_to_string(e.path()) {
                lines.extend(
                    text.lines()
                        .filter(|l| !l.trim().is_empty())
                        .map(str::to_owned),
                );
            }
        }
    }
    lines
}

/// The shared objects every thread uses.
struct Shared {
    seg: Segmenter,
    vlsp: Segmenter,
    ex: Extractor,
    norm: Normalizer,
    analyzer: Analyzer,
}

impl Shared {
    fn new() -> Self {
        Shared {
            seg: Segmenter::new(),
            vlsp: Segmenter::builder()
                .convention(Convention::Vlsp)
                .build()
                .unwrap(),
            ex: Extractor::new(),
            norm: Normalizer::builder().tone(ToneStyle::Traditional).build(),
            analyzer: Analyzer::new(),
        }
    }
}

/// Everything the library computes for one line, as one string.
fn process(sh: &Shared, line: &str) -> String {
    let (seg, ex) = (&sh.seg, &sh.ex);
    let mut out = String::new();
    let _ = writeln!(out, "{}", vntext::normalize(line));
    let _ = writeln!(out, "{}", sh.norm.normalize(line));
    let _ = writeln!(
        out,
        "{:?}",
        vntext::legacy::encode(line, vntext::legacy::Encoding::Vni)
            .map(|b| vntext::legacy::decode(&b, vntext::legacy::Encoding::Vni).ok())
            .ok()
    );
    let _ = writeln!(out, "{}", vntext::fold(line));
    for s in vntext::sentence::sentences(line) {
        let _ = write!(out, "{:?} ", s.span);
    }
    let _ = writeln!(out, "{:?}", seg.segment(line));
    let _ = writeln!(out, "{:?}", sh.vlsp.segment(line));
    let _ = writeln!(out, "{:?}", ex.extract(line));
    let doc = sh.analyzer.analyze(line);
    let _ = writeln!(
        out,
        "{:?} {:?} {:?}",
        doc.sentences, doc.words, doc.entities
    );
    out
}

#[test]
fn eight_threads_match_one_thread() {
    let lines = corpus(2000);
    let shared = Shared::new();
    let expected: Vec<String> = lines.iter().map(|l| process(&shared, l)).collect();
    // Sanity: the corpus exercises the pipeline.
    assert!(
        expected.iter().all(|r| r.contains("kind: Word")),
        "a line without words"
    );
    // The VLSP segmenter joins a name the UD one splits.
    assert!(
        expected
            .iter()
            .any(|r| r.contains("text: \"Bộ Tài chính\"")),
        "no VLSP word in the corpus"
    );
    for kind in ["Date", "DocRef", "Official", "Title"] {
        assert!(
            expected
                .iter()
                .any(|r| r.contains(&format!("kind: {kind}"))),
            "no {kind} found in the corpus"
        );
    }

    // All threads share one Segmenter and one Extractor; thread i walks the
    // corpus starting at a different line so calls really interleave.
    let results: Vec<Vec<(usize, String)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                let (lines, shared) = (&lines, &shared);
                scope.spawn(move || {
                    let n = lines.len();
                    (0..n)
                        .map(|k| {
                            let i = (k + t * n / THREADS) % n;
                            (i, process(shared, &lines[i]))
                        })
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("worker thread panicked"))
            .collect()
    });
    for (t, res) in results.iter().enumerate() {
        assert_eq!(res.len(), lines.len());
        for (i, got) in res {
            assert_eq!(got, &expected[*i], "thread {t}, line {i} differs");
        }
    }
}

#[test]
fn objects_move_between_threads() {
    // Built on one thread, used on another, result sent back.
    let line = SENTENCES[0];
    let expected = process(&Shared::new(), line);
    let shared = Shared::new();
    let got = std::thread::spawn(move || process(&shared, line))
        .join()
        .expect("thread panicked");
    assert_eq!(got, expected);
}
