//! The subcommands, one file each, and what they share: running a
//! subcommand and writing JSON.

use std::fmt::Write as _;

use super::args::Cmd;
use super::input::Res;

mod decode;
mod demo;
mod extract;
mod normalize;
mod segment;
mod sentences;
mod syllable;

/// Runs one subcommand.
pub fn run(cmd: Cmd) -> Res {
    match cmd {
        Cmd::Normalize {
            tone,
            no_cleanup,
            fold,
            lower,
            common,
        } => normalize::run(tone, !no_cleanup, fold, lower, &common),
        Cmd::Decode { from, common } => decode::run(from, &common),
        Cmd::Syllable { common } => syllable::run(&common),
        Cmd::Sentences { common } => sentences::run(&common),
        Cmd::Segment {
            format,
            dict,
            convention,
            offsets,
            common,
        } => segment::run(
            format,
            dict.as_deref(),
            convention.into(),
            offsets.offsets,
            &common,
        ),
        Cmd::Extract {
            reference_date,
            lines,
            jsonl_input,
            strict,
            offsets,
            common,
        } => {
            let how = if jsonl_input {
                extract::Input::JsonlRecords { strict }
            } else if lines {
                extract::Input::Lines
            } else {
                extract::Input::Documents
            };
            extract::run(reference_date, how, offsets.offsets, &common)
        }
        Cmd::Demo { file, offsets } => demo::run(file, offsets.offsets),
    }
}

/// Appends `v` as JSON.
pub fn json_into<T: serde::Serialize>(out: &mut String, v: &T) {
    match serde_json::to_string(v) {
        Ok(s) => out.push_str(&s),
        // Serializing our own types to a string cannot fail; keep the
        // one-line-per-input promise anyway.
        Err(e) => {
            let _ = write!(out, "{{\"error\":{:?}}}", e.to_string());
        }
    }
}

/// The engine options of a subcommand.
fn options(common: &super::args::Common, strict: bool) -> super::stream::Options {
    super::stream::Options {
        jobs: super::input::jobs(common),
        lossy: common.lossy,
        strict,
        no_line_breaks: false,
    }
}
