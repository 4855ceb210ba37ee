//! Throughput of entity extraction (tokenization included) over realistic
//! news text, one thread, documents of about 4 KB.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use vntext::Extractor;

#[path = "corpus.rs"]
mod corpus;

fn bench(c: &mut Criterion) {
    let (source, text) = corpus::load(2_000_000);
    eprintln!("extract bench corpus: {source}, {} bytes", text.len());
    let docs = corpus::documents(&text, 4096);
    let ex = Extractor::new();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("extract_4k_docs", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                n += ex.extract(black_box(d)).entities.len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
