//! `demo` (also the tool without a subcommand): a readable summary of one
//! text, the bundled sample article by default: normalized sentences, the
//! words of one sentence, and a table of entities with their spans.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::PathBuf;

use vntext::extract::Value;
use vntext::{Analyzer, Normalizer};

use super::super::args::Offsets;
use super::super::input::{self, Input, Res};
use super::super::offsets::Converter;
use super::segment::words_text;

const SAMPLES: &[(&str, &str)] = &[
    (
        "dan-van-2023.txt",
        include_str!("../../../../data/samples/dan-van-2023.txt"),
    ),
    (
        "cai-cach-hanh-chinh-quy-1.txt",
        include_str!("../../../../data/samples/cai-cach-hanh-chinh-quy-1.txt"),
    ),
    (
        "hoi-thao-chuyen-doi-so.txt",
        include_str!("../../../../data/samples/hoi-thao-chuyen-doi-so.txt"),
    ),
];

pub fn run(file: Option<PathBuf>, unit: Offsets) -> Res {
    let analyzer = Analyzer::new();
    let mut s = String::new();
    match file {
        None => {
            let (name, text) = SAMPLES[0];
            summary(
                &analyzer,
                &format!("data/samples/{name}"),
                text,
                unit,
                &mut s,
            );
            let _ = writeln!(s, "\nOther samples in data/samples/:");
            for (n, t) in &SAMPLES[1..] {
                let d = analyzer.analyze(t);
                let _ = writeln!(
                    s,
                    "  {n}: {} sentences, {} words, {} entities",
                    d.sentences.len(),
                    d.words.len(),
                    d.entities.len()
                );
            }
        }
        Some(path) => {
            let input = Input::file(path);
            let bytes = input.read_all()?;
            let text = input::doc_text(&input, &bytes, false)?;
            summary(&analyzer, &input.name, &text, unit, &mut s);
        }
    }
    let _ = writeln!(
        s,
        "\nTry: vntext extract --lines FILE | vntext segment FILE | vntext --help"
    );
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    out.write_all(s.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// The summary of one text; spans are into `text` as given.
fn summary(analyzer: &Analyzer, name: &str, text: &str, unit: Offsets, s: &mut String) {
    let normalizer = Normalizer::builder().build();
    let doc = analyzer.analyze(text);
    let _ = writeln!(s, "vntext demo — {name}");
    let _ = writeln!(
        s,
        "{} bytes, {} sentences, {} words, {} entities, {} links\n",
        text.len(),
        doc.sentences.len(),
        doc.words.len(),
        doc.entities.len(),
        doc.links.len()
    );
    let _ = writeln!(s, "== Normalized text (first sentences)");
    for sent in doc.sentences.iter().take(4) {
        let _ = writeln!(s, "  {}", normalizer.normalize(sent.text));
    }
    let _ = writeln!(
        s,
        "\n== Words (sentence 2; syllables of a word joined by _)"
    );
    if let Some(sent) = doc.sentences.get(1).or(doc.sentences.first()) {
        let mut line = String::new();
        words_text(text, doc.words_of(sent), &mut line);
        for l in wrap(&line, 76) {
            let _ = writeln!(s, "  {l}");
        }
    }
    let unit_name = match unit {
        Offsets::Bytes => "bytes",
        Offsets::Chars => "chars",
    };
    let _ = writeln!(s, "\n== Entities (spans in {unit_name})");
    let _ = writeln!(
        s,
        "  {:<12} {:>5}..{:<5}  {:<44} value",
        "type", "start", "end", "text"
    );
    if doc.entities.is_empty() {
        let _ = writeln!(s, "  (none)");
    }
    let at = Converter::new(
        text,
        unit,
        doc.entities.iter().flat_map(|e| [e.span.start, e.span.end]),
    );
    for e in &doc.entities {
        let _ = writeln!(
            s,
            "  {:<12} {:>5}..{:<5}  {:<44} {}",
            e.kind,
            at.get(e.span.start),
            at.get(e.span.end),
            clip(e.text, 44),
            value_summary(&e.value)
        );
    }
    if !doc.links.is_empty() {
        let _ = writeln!(s, "\n== Links (official → title)");
        for &(o, t) in &doc.links {
            if let (Some(o), Some(t)) = (doc.entities.get(o), doc.entities.get(t)) {
                let _ = writeln!(s, "  {} → {}", o.text, t.text);
            }
        }
    }
}

fn value_summary(v: &Value) -> String {
    match v {
        Value::Date(d) => {
            let mut s = d.iso.clone();
            if let Some(q) = d.quarter {
                let _ = write!(s, " quarter {q}");
            }
            if let Some(e) = &d.end {
                let _ = write!(s, " to {e}");
            }
            if let Some(p) = d.part_of_day {
                let _ = write!(s, " ({p})");
            }
            s
        }
        Value::DocRef(d) => {
            let mut s = format!("{} {}", d.kind.as_deref().unwrap_or("?"), d.number);
            for x in [&d.year, &d.code, &d.issuer].into_iter().flatten() {
                let _ = write!(s, " {x}");
            }
            if let Some(x) = &d.date {
                let _ = write!(s, ", {x}");
            }
            s
        }
        Value::Title(t) => match &t.organization {
            Some(o) => format!("{} | {o}", t.role),
            None => t.role.clone(),
        },
        Value::Official { name } => name.clone(),
        _ => String::new(),
    }
}

/// `s` cut to `n` characters, the last one `…` when cut.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

/// `s` in lines of at most `width` characters, broken at spaces.
fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for w in s.split(' ') {
        let cur = lines.last_mut().map_or(0, |l| l.chars().count());
        if cur > 0 && cur + 1 + w.chars().count() > width {
            lines.push(String::new());
        }
        if let Some(l) = lines.last_mut() {
            if !l.is_empty() {
                l.push(' ');
            }
            l.push_str(w);
        }
    }
    lines
}
