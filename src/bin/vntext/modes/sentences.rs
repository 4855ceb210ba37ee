//! `sentences`: one sentence a line (a line break always ends a sentence,
//! so an empty line gives no output).

use super::super::args::Common;
use super::super::input::{inputs, Res};
use super::super::stream::lines;

pub fn run(common: &Common) -> Res {
    lines(
        &inputs(common)?,
        &super::options(common, false),
        |line: &str, out: &mut String| {
            for s in vntext::sentences(line) {
                out.push_str(s.text);
                out.push('\n');
            }
            Ok(())
        },
    )
}
