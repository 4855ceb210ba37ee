//! Scores the embedded segmenter on a CoNLL-U file and measures its speed.
//!
//! ```text
//! cargo run --release --example eval_segmenter -- ../shared/data/ud-vi-vtb/vi_vtb-ud-test.conllu [--out pred.txt] [--errors N] [--speed TEXT]
//! ```
//! Input to the segmenter: each sentence's syllables separated by single
//! spaces (the `raw.txt` of `ws_score.py extract-conllu`). `--out` writes the
//! prediction in `ws_score.py` format (syllables of a word joined by `_`).
//! Speed is measured on the test sentences, or on the lines of `--speed TEXT`
//! (e.g. news articles), in CPU time of the segmenting thread.

use std::io::Write;
use std::time::Instant;

use vntext::segment::train::{raw_line, read_conllu, score_line, Score};
use vntext::segment::Segmenter;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut file = None;
    let mut out = None;
    let mut errors = 0usize;
    let mut speed_file: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" | "--speed" | "--errors" => {
                let Some(v) = it.next().cloned() else {
                    eprintln!("eval_segmenter: {a} needs a value");
                    std::process::exit(2)
                };
                match a.as_str() {
                    "--out" => out = Some(v),
                    "--speed" => speed_file = Some(v),
                    _ => {
                        errors = v.parse().unwrap_or_else(|_| {
                            eprintln!("eval_segmenter: --errors takes a number, not {v:?}");
                            std::process::exit(2)
                        })
                    }
                }
            }
            _ => file = Some(a.clone()),
        }
    }
    let Some(file) = file else {
        eprintln!("usage: eval_segmenter FILE.conllu [--out PRED.txt] [--errors N]");
        std::process::exit(2)
    };
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| {
        eprintln!("eval_segmenter: cannot read {file}: {e}");
        std::process::exit(1)
    });
    let t0 = Instant::now();
    let c0 = thread_cpu_ns();
    let seg = Segmenter::new();
    let _ = seg.segment("khởi động");
    let load = t0.elapsed();
    let load_cpu = match (c0, thread_cpu_ns()) {
        (Some(a), Some(b)) => (b - a) as f64 / 1e6,
        _ => f64::NAN,
    };
    let sents = read_conllu(&text);
    let lines: Vec<(String, Vec<usize>)> = sents.iter().map(raw_line).collect();
    let mut score = Score::default();
    let mut pred = String::new();
    let mut shown = 0;
    let mut words = Vec::new();
    for (raw, ends) in &lines {
        seg.segment_into(raw, &mut words);
        let before = score;
        score_line(ends, &words, &mut score);
        let line: Vec<String> = words.iter().map(|w| w.text.replace(' ', "_")).collect();
        let line = line.join(" ");
        if shown < errors
            && (score.correct - before.correct != ends.len() || words.len() != ends.len())
        {
            shown += 1;
            let mut gold = String::new();
            let mut start = 0;
            for &e in ends {
                if !gold.is_empty() {
                    gold.push(' ');
                }
                gold.push_str(&raw[start..e].replace(' ', "_"));
                start = e + 1;
            }
            eprintln!("gold: {gold}\npred: {line}");
        }
        pred.push_str(&line);
        pred.push('\n');
    }
    if let Some(path) = out {
        let written = std::fs::File::create(&path).and_then(|mut f| f.write_all(pred.as_bytes()));
        if let Err(e) = written {
            eprintln!("eval_segmenter: cannot write {path}: {e}");
            std::process::exit(1)
        }
    }
    // Speed: segment the whole raw text (or the lines of --speed FILE)
    // repeatedly for at least a second.
    let lines: Vec<(String, Vec<usize>)> = match &speed_file {
        Some(p) => std::fs::read_to_string(p)
            .unwrap_or_else(|e| {
                eprintln!("eval_segmenter: cannot read {p}: {e}");
                std::process::exit(1)
            })
            .lines()
            .map(|l| (l.to_owned(), Vec::new()))
            .collect(),
        None => lines,
    };
    let bytes: usize = lines.iter().map(|(r, _)| r.len() + 1).sum();
    let mut words = Vec::new();
    let t = Instant::now();
    let cpu0 = thread_cpu_ns();
    let mut reps = 0;
    let mut n = 0usize;
    while reps < 3 || t.elapsed().as_secs_f64() < 1.0 {
        for (raw, _) in &lines {
            seg.segment_into(raw, &mut words);
            n += words.len();
        }
        reps += 1;
    }
    let secs = t.elapsed().as_secs_f64();
    // CPU time of this thread (Linux), so a busy machine does not skew the
    // figure; wall-clock time elsewhere.
    let cpu = match (cpu0, thread_cpu_ns()) {
        (Some(a), Some(b)) if b > a => (b - a) as f64 / 1e9,
        _ => secs,
    };
    if std::env::var_os("STAGES").is_some() {
        let raws: Vec<String> = lines.iter().map(|(r, _)| r.clone()).collect();
        let t = vntext::segment::train::stage_times(&raws, 30);
        let mb = (bytes * 30) as f64 / 1e6;
        eprintln!(
            "stages MB/s: tokenize {:.1}, +units {:.1}, +lexicon {:.1}, +decide {:.1}",
            mb / t[0],
            mb / t[1],
            mb / t[2],
            mb / t[3]
        );
    }
    println!("sentences {}", sents.len());
    println!("gold_words {}", score.gold);
    println!("pred_words {}", score.pred);
    println!("correct {}", score.correct);
    println!("P {:.4}", score.precision());
    println!("R {:.4}", score.recall());
    println!("F1 {:.4}", score.f1());
    println!(
        "load_ms {:.2} wall, {load_cpu:.2} CPU",
        load.as_secs_f64() * 1e3
    );
    println!(
        "speed {:.1} MB/s ({} bytes x {reps} in {cpu:.2} s of CPU time, {secs:.2} s wall, {n} words)",
        (bytes * reps) as f64 / cpu / 1e6,
        bytes
    );
}

/// Nanoseconds this thread has run on a CPU (first field of
/// /proc/thread-self/schedstat), when available.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}
