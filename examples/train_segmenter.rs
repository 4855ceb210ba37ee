//! Trains the word-segmentation model from UD Vietnamese-VTB and the two
//! word lists, writing `data/segment/model.bin`, `data/segment/lexicon.txt`
//! (the merged word list) and `data/segment/lexicon.bin` (its compiled
//! table, which the library embeds).
//!
//! ```text
//! cargo run --release --example train_segmenter -- ../shared/data/ud-vi-vtb
//! cargo run --release --example train_segmenter -- ../shared/data/ud-vi-vtb --dev   # tune: train on train, score dev
//! ```
//! The word lists are read from `<DIR>/../lexicon/` unless `--lexicon DIR` is given.

use std::path::{Path, PathBuf};

use vntext::segment::train::{
    compile_lexicon, lexicon_bytes, raw_line, read_conllu, score_line, Score, Trainer,
};

const EPOCHS: usize = 10;

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| {
        eprintln!("train_segmenter: cannot read {}: {e}", p.display());
        std::process::exit(1)
    })
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir: Option<PathBuf> = None;
    let mut lex_dir: Option<PathBuf> = None;
    let mut dev = false;
    let mut epochs = EPOCHS;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--dev" => dev = true,
            "--lexicon" => lex_dir = it.next().map(PathBuf::from),
            "--epochs" => epochs = it.next().and_then(|s| s.parse().ok()).unwrap_or(EPOCHS),
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: train_segmenter UD_VTB_DIR [--dev] [--epochs N] [--lexicon DIR]");
        std::process::exit(2)
    };
    let lex_dir = lex_dir.unwrap_or_else(|| dir.join("../lexicon"));
    let lexicon = compile_lexicon(
        &read(&lex_dir.join("underthesea-Viet74K.txt")),
        &read(&lex_dir.join("pyvi-words.txt")),
    );
    let train = read_conllu(&read(&dir.join("vi_vtb-ud-train.conllu")));
    let devset = read_conllu(&read(&dir.join("vi_vtb-ud-dev.conllu")));
    let mut trainer = Trainer::new(&lexicon).expect("lexicon");
    for s in &train {
        trainer.add(s);
    }
    if !dev {
        for s in &devset {
            trainer.add(s);
        }
    }
    eprintln!("{} training gaps", trainer.len());
    for e in 1..=epochs {
        let errors = trainer.epoch();
        if dev {
            let seg = trainer.segmenter().expect("model");
            let mut score = Score::default();
            for s in &devset {
                let (raw, ends) = raw_line(s);
                score_line(&ends, &seg.segment(&raw), &mut score);
            }
            eprintln!("epoch {e}: {errors} mistakes, dev F1 {:.4}", score.f1());
        } else {
            eprintln!("epoch {e}: {errors} mistakes");
        }
    }
    if !dev {
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
}
