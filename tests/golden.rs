//! Golden test: the whole extraction output for each sample article in
//! `data/samples/` is compared with `tests/golden/<name>.tsv`.
//!
//! Every line of those files was checked by hand against the annotation
//! conventions (`ENTITIES.md`): spans, values and links. When the extractor
//! changes on purpose, regenerate with `VNTEXT_BLESS=1 cargo test --test
//! golden` and check every changed line by hand before committing.
//!
//! Values are written through their serde form, so the test needs the
//! `serde` feature (on by default).
#![cfg(feature = "serde")]

use std::fmt::Write as _;
use std::path::Path;

use vntext::Extractor;

fn render(text: &str) -> String {
    let out = Extractor::new().extract(text);
    let mut s = String::new();
    for (i, e) in out.entities.iter().enumerate() {
        assert_eq!(&text[e.span.clone()], e.text);
        let value = serde_json::to_string(&e.value).unwrap();
        let kind = serde_json::to_string(&e.kind).unwrap();
        writeln!(
            s,
            "{i}\t{}\t{}..{}\t{}\t{value}",
            kind.trim_matches('"'),
            e.span.start,
            e.span.end,
            e.text
        )
        .unwrap();
    }
    for (o, t) in &out.links {
        writeln!(
            s,
            "link\t{o} {}\t->\t{t} {}",
            out.entities[*o].text, out.entities[*t].text
        )
        .unwrap();
    }
    s
}

#[test]
fn samples_match_hand_checked_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bless = std::env::var_os("VNTEXT_BLESS").is_some();
    let mut names: Vec<_> = std::fs::read_dir(root.join("data/samples"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 3, "the samples are missing");
    let mut failures = Vec::new();
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap();
        let got = render(&text);
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let golden = root.join("tests/golden").join(format!("{stem}.tsv"));
        if bless {
            std::fs::write(&golden, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&golden)
            .unwrap_or_else(|e| panic!("{}: {e}", golden.display()));
        if got != want {
            let diff: Vec<String> = want
                .lines()
                .zip(got.lines())
                .filter(|(w, g)| w != g)
                .take(5)
                .map(|(w, g)| format!("  want {w}\n  got  {g}"))
                .collect();
            failures.push(format!(
                "{stem}: {} lines wanted, {} got\n{}",
                want.lines().count(),
                got.lines().count(),
                diff.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
