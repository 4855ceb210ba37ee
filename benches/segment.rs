//! Word-segmentation throughput over real news text.
//!
//! Uses about 2 MB of `unc-news` articles from `$VNTEXT_DATA/unc-news/docs`
//! (default `../shared/data`), or the bundled `data/segment/sample.txt`
//! repeated to the same size when that corpus is absent.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use vntext::segment::{Convention, Segmenter};

const TARGET: usize = 2_000_000;

fn corpus() -> (String, &'static str) {
    let root = std::env::var("VNTEXT_DATA")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data").into());
    let dir = std::path::Path::new(&root).join("unc-news/docs");
    let mut text = String::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        let mut files: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for f in files {
            if text.len() >= TARGET {
                break;
            }
            if let Ok(s) = std::fs::read_to_string(&f) {
                for line in s.lines().filter(|l| !l.starts_with('#')) {
                    text.push_str(line);
                    text.push('\n');
                }
            }
        }
    }
    if text.is_empty() {
        let sample = include_str!("../data/segment/sample.txt");
        while text.len() < TARGET {
            text.push_str(sample);
        }
        return (text, "bundled sample");
    }
    (text, "unc-news")
}

/// `VNTEXT_PROFILE=lines[:iterations]` (or `whole`, `lines-vlsp`,
/// `whole-vlsp`) runs one case without
/// criterion, for instruction counts with callgrind
/// (`valgrind --tool=callgrind target/release/deps/segment-*`), and exits.
fn profile(spec: &str) {
    let (case, iters) = spec.split_once(':').unwrap_or((spec, "1"));
    let iters: usize = iters.parse().unwrap_or(1);
    let (text, _) = corpus();
    // `lines-vlsp`, `whole-vlsp`: the same with the VLSP convention.
    let (case, convention) = match case.strip_suffix("-vlsp") {
        Some(c) => (c, Convention::Vlsp),
        None => (case, Convention::Ud),
    };
    let seg = Segmenter::builder()
        .convention(convention)
        .build()
        .expect("the embedded segmenter");
    let mut out = Vec::new();
    let mut n = 0;
    let t = std::time::Instant::now();
    for _ in 0..iters {
        if case == "whole" {
            n += seg.segment(&text).len();
        } else {
            for l in text.lines() {
                seg.segment_into(l, &mut out);
                n += out.len();
            }
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{case} ({convention}): {n} words, {:.1} MB/s",
        (text.len() * iters) as f64 / secs / 1e6
    );
    std::process::exit(0);
}

fn bench(c: &mut Criterion) {
    if let Ok(spec) = std::env::var("VNTEXT_PROFILE") {
        profile(&spec);
    }
    let (text, name) = corpus();
    let lines: Vec<&str> = text.lines().collect();
    let mut g = c.benchmark_group("segment");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    let mut out = Vec::new();
    // The UD convention, then VLSP's: the UD words plus its joining pass.
    for (convention, suffix) in [(Convention::Ud, ""), (Convention::Vlsp, ", vlsp")] {
        let seg = Segmenter::builder()
            .convention(convention)
            .build()
            .expect("the embedded segmenter");
        g.bench_function(format!("{name} by line, segment_into{suffix}"), |b| {
            b.iter(|| {
                let mut n = 0;
                for l in &lines {
                    seg.segment_into(l, &mut out);
                    n += out.len();
                }
                n
            })
        });
        g.bench_function(format!("{name} whole text, segment{suffix}"), |b| {
            b.iter(|| seg.segment(&text).len())
        });
    }
    g.finish();
    c.bench_function("Segmenter::new (embedded model, after first load)", |b| {
        b.iter(Segmenter::new)
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
