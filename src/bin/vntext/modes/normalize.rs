//! `normalize`: one normalized line per input line.

use vntext::{Normalizer, ToneStyle};

use super::super::args::{Common, Tone};
use super::super::input::{inputs, Res};
use super::super::stream::per_line;

pub fn run(tone: Tone, cleanup: bool, fold: bool, lower: bool, common: &Common) -> Res {
    let n = Normalizer::builder()
        .tone(match tone {
            Tone::Modern => ToneStyle::Modern,
            Tone::Traditional => ToneStyle::Traditional,
            Tone::Keep => ToneStyle::Keep,
        })
        .cleanup(cleanup)
        .build();
    per_line(
        &inputs(common)?,
        &super::options(common, false),
        move |line: &str, out: &mut String| {
            let s = n.normalize(line);
            match (fold, lower) {
                (true, true) => out.push_str(&vntext::fold_lower(&s)),
                (true, false) => out.push_str(&vntext::fold(&s)),
                (false, true) => out.push_str(&s.to_lowercase()),
                (false, false) => out.push_str(&s),
            }
            Ok(())
        },
    )
}
