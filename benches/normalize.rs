//! Throughput of normalization and folding on ~1 MB of Vietnamese news text.
//!
//! The input is built from `$VNTEXT_DATA/unc-news/docs/*.txt` (default
//! `../shared/data`) when that folder exists (override with
//! `VNTEXT_BENCH_DOCS=/path/to/dir`), else from
//! a short paragraph written for this bench, repeated. Cases:
//! * `clean_nfc`: text already normalized (modern style, NFC) — the fast path;
//! * `nfd_traditional`: the same text in traditional style and NFD, rewritten
//!   to modern NFC;
//! * `traditional_nfc`: traditional-style NFC text normalized to modern;
//! * `fold`: removing diacritics;
//! * `nfd_traditional_by_line`: the NFD input normalized one line at a time
//!   (one call per line, as the CLI does).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use unicode_normalization::UnicodeNormalization;
use vntext::normalize::{fold, Normalizer, ToneStyle};

const SAMPLE: &str = "Sáng nay, Uỷ ban nhân dân tỉnh Khánh Hoà tổ chức hội nghị tổng kết \
công tác phòng chống thiên tai năm qua. Theo báo cáo, mùa mưa bão đã gây thiệt hại cho \
nhiều hộ dân ở các huyện ven biển; hệ thống thuỷ lợi và đê kè được gia cố kịp thời. \
Ông Nguyễn Văn Quý, Phó Chủ tịch tỉnh, yêu cầu các sở, ngành tiếp tục rà soát, khoanh \
vùng khu vực có nguy cơ sạt lở, đồng thời chăm lo sức khoẻ cho người dân. \
Giá lúa tăng 5,2% so với cùng kỳ; xuất khẩu thuỷ sản đạt 1.234 tỷ đồng.\n";

const TARGET: usize = 1 << 20;

fn corpus() -> String {
    let dir = std::env::var("VNTEXT_BENCH_DOCS").unwrap_or_else(|_| {
        let data = std::env::var("VNTEXT_DATA")
            .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data").into());
        format!("{data}/unc-news/docs")
    });
    let mut out = String::with_capacity(TARGET + 4096);
    if let Ok(rd) = std::fs::read_dir(&dir) {
        let mut paths: Vec<_> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            if out.len() >= TARGET {
                break;
            }
            if let Ok(t) = std::fs::read_to_string(&p) {
                for line in t.lines().filter(|l| !l.starts_with('#')) {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
    }
    if out.is_empty() {
        eprintln!("bench: {dir} not found, using the bundled sample");
    }
    while out.len() < TARGET {
        out.push_str(SAMPLE);
    }
    out
}

/// The four inputs: clean modern NFC, traditional NFC, traditional NFD.
fn inputs() -> (String, String, String) {
    let raw = corpus();
    let modern = Normalizer::new();
    let trad = Normalizer::builder().tone(ToneStyle::Traditional).build();
    let clean = modern.normalize(&raw).into_owned();
    let traditional = trad.normalize(&clean).into_owned();
    let nfd: String = traditional.nfd().collect();
    (clean, traditional, nfd)
}

/// Normalizes `text` one line at a time; the total output length.
fn by_line(n: &Normalizer, text: &str) -> usize {
    text.lines().map(|l| n.normalize(l).len()).sum()
}

/// `VNTEXT_PROFILE=case[:iterations]` runs one case without criterion (for
/// callgrind: `valgrind --tool=callgrind target/release/deps/normalize-*`),
/// prints the best wall time per iteration and exits.
fn profile(spec: &str) {
    let (case, iters) = spec.split_once(':').unwrap_or((spec, "1"));
    let iters: usize = iters.parse().unwrap_or(1);
    let (clean, traditional, nfd) = inputs();
    let modern = Normalizer::new();
    let (text, f): (&str, &dyn Fn(&str) -> usize) = match case {
        "clean_nfc" => (&clean, &|t| modern.normalize(t).len()),
        "traditional_nfc" => (&traditional, &|t| modern.normalize(t).len()),
        "nfd_traditional" => (&nfd, &|t| modern.normalize(t).len()),
        "fold" => (&clean, &|t| fold(t).len()),
        "nfd_traditional_by_line" => (&nfd, &|t| by_line(&modern, t)),
        _ => panic!("unknown case {case}"),
    };
    let mut best = f64::MAX;
    for _ in 0..iters {
        let t0 = std::time::Instant::now();
        black_box(f(black_box(text)));
        best = best.min(t0.elapsed().as_secs_f64());
    }
    println!(
        "{case}: best {:.3} ms, {:.0} MB/s ({} bytes)",
        best * 1e3,
        text.len() as f64 / best / 1e6,
        text.len()
    );
}

fn bench(c: &mut Criterion) {
    if let Ok(spec) = std::env::var("VNTEXT_PROFILE") {
        for s in spec.split(',') {
            profile(s);
        }
        std::process::exit(0);
    }
    let (clean, traditional, nfd) = inputs();
    let modern = Normalizer::new();
    assert!(matches!(
        modern.normalize(&clean),
        std::borrow::Cow::Borrowed(_)
    ));
    assert_eq!(modern.normalize(&nfd), clean);

    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Bytes(clean.len() as u64));
    g.bench_function("clean_nfc", |b| {
        b.iter(|| modern.normalize(black_box(&clean)).len())
    });
    g.throughput(Throughput::Bytes(traditional.len() as u64));
    g.bench_function("traditional_nfc", |b| {
        b.iter(|| modern.normalize(black_box(&traditional)).len())
    });
    g.throughput(Throughput::Bytes(nfd.len() as u64));
    g.bench_function("nfd_traditional", |b| {
        b.iter(|| modern.normalize(black_box(&nfd)).len())
    });
    g.bench_function("nfd_traditional_by_line", |b| {
        b.iter(|| by_line(&modern, black_box(&nfd)))
    });
    g.throughput(Throughput::Bytes(clean.len() as u64));
    g.bench_function("fold", |b| b.iter(|| fold(black_box(&clean)).len()));
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(4));
    targets = bench
}
criterion_main!(benches);
