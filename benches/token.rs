//! Throughput of the pre-tokenizer alone on ~2 MB of Vietnamese news text
//! (`$VNTEXT_DATA/unc-news/docs`, default `../shared/data`, else the
//! bundled samples; see `corpus.rs`), and on the same text with an emoji,
//! a flag or a keycap after every tenth word (the grapheme-cluster path).
//!
//! `VNTEXT_PROFILE=news[:iterations]` (or `emoji`) runs one case without
//! criterion and prints the best wall time per iteration.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "corpus.rs"]
mod corpus;

fn inputs() -> (String, String) {
    let (_, news) = corpus::load(2_000_000);
    let extras = [
        "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",
        "\u{1F1FB}\u{1F1F3}",
        "1\u{FE0F}\u{20E3}",
        "\u{1F44D}\u{1F3FD}",
        "\u{2764}\u{FE0F}",
    ];
    let mut emoji = String::with_capacity(news.len() + news.len() / 8);
    for (i, w) in news.split(' ').enumerate() {
        if i > 0 {
            emoji.push(' ');
        }
        emoji.push_str(w);
        if i % 10 == 9 {
            emoji.push(' ');
            emoji.push_str(extras[(i / 10) % extras.len()]);
        }
    }
    (news, emoji)
}

fn count(text: &str) -> usize {
    vntext::tokenize(text).count()
}

fn profile(spec: &str) {
    let (case, iters) = spec.split_once(':').unwrap_or((spec, "1"));
    let iters: usize = iters.parse().unwrap_or(1);
    let (news, emoji) = inputs();
    let text = if case == "emoji" { &emoji } else { &news };
    let mut best = f64::MAX;
    for _ in 0..iters {
        let t0 = std::time::Instant::now();
        black_box(count(black_box(text)));
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
    let (news, emoji) = inputs();
    let mut g = c.benchmark_group("tokenize");
    g.throughput(Throughput::Bytes(news.len() as u64));
    g.bench_function("news", |b| b.iter(|| count(black_box(&news))));
    g.throughput(Throughput::Bytes(emoji.len() as u64));
    g.bench_function("news_with_emoji", |b| b.iter(|| count(black_box(&emoji))));
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(4));
    targets = bench
}
criterion_main!(benches);
