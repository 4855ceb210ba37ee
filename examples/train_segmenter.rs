//! Trains the word-segmentation model from UD Vietnamese-VTB and the two
//! word lists, writing `data/segment/model.bin`, `data/segment/lexicon.txt`
//! (the merged word list) and `data/segment/lexicon.bin` (its compiled
//! table, which the library embeds). Deterministic: the same inputs give the
//! same files, byte for byte.
//!
//! ```text
//! cargo run --release --features train --example train_segmenter -- ../shared/data/ud-vi-vtb
//! ```
//! Model selection (nothing is written):
//! ```text
//! ... -- ../shared/data/ud-vi-vtb --dev        # train on train, F1 on dev after each epoch
//! ... -- ../shared/data/ud-vi-vtb --cv 5       # 5-fold cross-validation over train + dev in
//!                                              # contiguous blocks (about whole documents)
//! ```
//! The model is the mean of 5 averaged perceptrons trained on different
//! orders of the examples (`--members N`). `--seeds N` repeats the
//! selection runs with N other sets of orders and sums their counts;
//! `--epochs N` sets the number of epochs (default 8); the word
//! lists are read from `<DIR>/../lexicon/` unless `--lexicon DIR` is given.

use std::path::{Path, PathBuf};

use vntext::segment::train::{
    compile_lexicon, lexicon_bytes, raw_line, read_conllu, score_line, Ensemble, Score, Sentence,
};

const EPOCHS: usize = 8;
/// Perceptrons averaged into the model.
const MEMBERS: usize = 5;

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| {
        eprintln!("train_segmenter: cannot read {}: {e}", p.display());
        std::process::exit(1)
    })
}

/// Word counts of `seg` on `set`.
fn score(t: &Ensemble, set: &[Sentence]) -> Score {
    let seg = t.segmenter();
    let mut score = Score::default();
    for s in set {
        let (raw, ends) = raw_line(s);
        score_line(&ends, &seg.segment(&raw), &mut score);
    }
    score
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir: Option<PathBuf> = None;
    let mut lex_dir: Option<PathBuf> = None;
    let mut dev = false;
    let mut cv = 0usize;
    let mut seeds = 1u64;
    let mut epochs = EPOCHS;
    let mut members = MEMBERS;
    let mut it = args.iter();
    let num = |s: Option<&String>| s.and_then(|s| s.parse::<usize>().ok());
    while let Some(a) = it.next() {
        match a.as_str() {
            "--dev" => dev = true,
            "--cv" => cv = num(it.next()).unwrap_or(5).max(2),
            "--seeds" => seeds = num(it.next()).unwrap_or(1).max(1) as u64,
            "--lexicon" => lex_dir = it.next().map(PathBuf::from),
            "--epochs" => epochs = num(it.next()).unwrap_or(EPOCHS),
            "--members" => members = num(it.next()).unwrap_or(MEMBERS).max(1),
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let Some(dir) = dir else {
        eprintln!(
            "usage: train_segmenter UD_VTB_DIR [--dev | --cv K] [--seeds N] [--epochs N] [--lexicon DIR]"
        );
        std::process::exit(2)
    };
    let lex_dir = lex_dir.unwrap_or_else(|| dir.join("../lexicon"));
    let lexicon = compile_lexicon(
        &read(&lex_dir.join("underthesea-Viet74K.txt")),
        &read(&lex_dir.join("pyvi-words.txt")),
    );
    let train = read_conllu(&read(&dir.join("vi_vtb-ud-train.conllu")));
    let devset = read_conllu(&read(&dir.join("vi_vtb-ud-dev.conllu")));
    let make = |seed: u64, sets: &[&[Sentence]]| {
        let mut t = Ensemble::new(&lexicon, members).expect("lexicon");
        t.reseed(seed);
        for s in sets.iter().flat_map(|s| s.iter()) {
            t.add(s);
        }
        t
    };
    if dev || cv > 0 {
        // (training part, scored part) pairs.
        let all: Vec<Sentence> = train.iter().chain(&devset).cloned().collect();
        let folds: Vec<(Vec<Sentence>, Vec<Sentence>)> = if cv > 0 {
            (0..cv)
                .map(|f| {
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    for (i, s) in all.iter().enumerate() {
                        if i * cv / all.len() == f {
                            b.push(s.clone());
                        } else {
                            a.push(s.clone());
                        }
                    }
                    (a, b)
                })
                .collect()
        } else {
            vec![(train.clone(), devset.clone())]
        };
        let mut sum = vec![Score::default(); epochs];
        for seed in 0..seeds {
            for (tr, te) in &folds {
                let mut t = make(seed, &[tr]);
                for s in sum.iter_mut() {
                    t.epoch();
                    let sc = score(&t, te);
                    s.gold += sc.gold;
                    s.pred += sc.pred;
                    s.correct += sc.correct;
                }
            }
        }
        for (e, s) in sum.iter().enumerate() {
            println!(
                "epoch {}: F1 {:.4} (P {:.4}, R {:.4})",
                e + 1,
                s.f1(),
                s.precision(),
                s.recall()
            );
        }
        return;
    }
    let mut trainer = make(0, &[&train, &devset]);
    eprintln!("{} training gaps", trainer.len());
    for e in 1..=epochs {
        let errors = trainer.epoch();
        eprintln!("epoch {e}: mistakes {errors:?}");
    }
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/segment");
    let model = trainer.model_bytes();
    std::fs::write(out.join("model.bin"), &model).expect("write model");
    std::fs::write(out.join("lexicon.txt"), &lexicon).expect("write lexicon");
    let bin = lexicon_bytes(&lexicon).expect("lexicon");
    std::fs::write(out.join("lexicon.bin"), bin).expect("write lexicon");
    eprintln!(
        "wrote {} ({} bytes), lexicon.txt ({} bytes) and lexicon.bin",
        out.join("model.bin").display(),
        model.len(),
        lexicon.len()
    );
}
