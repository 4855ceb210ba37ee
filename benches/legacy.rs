//! Decoding throughput of the legacy encodings on ~1 MB of Vietnamese news
//! text (the unc-news corpus from `$VNTEXT_DATA`, default `../shared/data`,
//! when present, else a built-in paragraph).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use vntext::legacy::{decode, encode, Encoding};

const FALLBACK: &str = "Sáng nay, Ủy ban nhân dân thành phố đã tổ chức hội nghị tổng kết \
công tác năm và triển khai nhiệm vụ trọng tâm cho năm tới. Theo báo cáo của Sở Kế hoạch và \
Đầu tư, tổng vốn đầu tư trên địa bàn tăng khoảng mười hai phần trăm so với cùng kỳ. Người dân \
ở các xã ven biển được hướng dẫn gia cố nhà cửa, dự trữ lương thực và nước uống sạch.\n";

/// About 1 MB of UTF-8 text.
fn corpus() -> String {
    const TARGET: usize = 1 << 20;
    let mut text = String::with_capacity(TARGET + 4096);
    let data = std::env::var("VNTEXT_DATA")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data").into());
    if let Ok(dir) = std::fs::read_dir(std::path::Path::new(&data).join("unc-news/docs")) {
        let mut paths: Vec<_> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if text.len() >= TARGET {
                break;
            }
            if let Ok(doc) = std::fs::read_to_string(&p) {
                for line in doc.lines().filter(|l| !l.starts_with('#')) {
                    text.push_str(line);
                    text.push('\n');
                }
            }
        }
    }
    while text.len() < TARGET {
        text.push_str(FALLBACK);
    }
    text
}

fn bench_decode(c: &mut Criterion) {
    let text = corpus();
    let mut group = c.benchmark_group("legacy_decode");
    for enc in Encoding::ALL {
        // Characters an encoding lacks become '?'.
        let clean: String = text
            .chars()
            .map(|ch| {
                if ch.is_ascii() || encode(&ch.to_string(), enc).is_ok() {
                    ch
                } else {
                    '?'
                }
            })
            .collect();
        let bytes = encode(&clean, enc).expect("cleaned text encodes");
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("decode", enc.name()),
            &bytes,
            |b, bytes| b.iter(|| decode(bytes, enc).map(|s| s.len())),
        );
        group.bench_with_input(
            BenchmarkId::new("detect", enc.name()),
            &bytes,
            |b, bytes| b.iter(|| Encoding::detect(bytes)),
        );
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = bench_decode
}
criterion_main!(benches);
