//! `vntext`: the command-line tool.
//!
//! ```sh
//! cargo install --path . --features cli    # or: cargo build --release --examples
//! vntext                                   # demo on the bundled sample
//! vntext normalize a.txt b.txt > clean.txt
//! vntext segment --format jsonl < text.txt
//! vntext extract --lines --reference-date 2023-12-26 news.txt
//! vntext segment -t "Ban Tuyên giáo Tỉnh ủy"
//! vntext segment --convention vlsp < text.txt
//! ```
//!
//! Every subcommand reads the files named as arguments (`-` is standard
//! input), the texts given with `-t`, or standard input when there are
//! none, and writes standard output. Line-oriented modes (`normalize`,
//! `syllable`, `segment`, `extract --lines`, `extract --jsonl-input`) write
//! exactly one line per input line, in order, and stream: lines are read in
//! chunks, processed by `--jobs` threads, and written in input order, in
//! constant memory. An empty input line gives the mode's output for empty
//! text (an empty line, `{"words":[]}`, `{"entities":[],"links":[]}`; a
//! blank line is a bad record for `--jsonl-input`). `sentences` streams too
//! (a line break always ends a sentence), writing one sentence a line.
//!
//! Input conventions: a UTF-8 byte-order mark at the start of each input is
//! dropped; a `\r` before `\n` is dropped (output always uses `\n`); a last
//! line without `\n` is still a line. Offsets in JSON output count from the
//! start of the line (or of the document, without its BOM), in bytes or,
//! with `--offsets chars`, in code points. Invalid UTF-8 stops the tool with
//! `FILE:LINE: invalid UTF-8`, naming the legacy encoding the bytes look
//! like and the `decode` command that converts them, unless `--lossy` is
//! given, which replaces bad bytes with U+FFFD and warns once. Errors print
//! one line on stderr and exit with status 1 (2 for a bad command line); a
//! closed output pipe (`| head`) ends the tool quietly.
//!
//! The code is split by concern: [`args`] (the command line), [`input`]
//! (inputs, UTF-8, errors), [`stream`] (the parallel line engine), [`modes`]
//! (one file per subcommand), [`offsets`] (byte → code point spans) and
//! [`demo`]. `examples/vntext.rs` includes this file to build the same
//! program as `target/release/examples/vntext`.

use std::process::ExitCode;

use clap::Parser;

mod args;
mod input;
mod modes;
mod offsets;
mod stream;

use args::{Cli, Cmd};

/// Runs the tool: parses the command line, runs the subcommand (the demo
/// when there is none) and returns the exit status.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => return bad_command_line(e),
    };
    let cmd = cli.cmd.unwrap_or(Cmd::Demo {
        file: None,
        offsets: args::OffsetsArg {
            offsets: args::Offsets::Bytes,
        },
    });
    match modes::run(cmd) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => input::exit_with(e),
    }
}

/// Help and version go to standard output with status 0; anything else is
/// one line on stderr, status 2, keeping what clap says about the allowed
/// values ("[possible values: ...]", "tip: ...").
fn bad_command_line(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        let _ = e.print();
        return ExitCode::from(2);
    }
    eprintln!("vntext: {} (see --help)", one_line(&e.to_string()));
    ExitCode::from(2)
}

/// clap's multi-line message as one line: the "error: " prefix, the usage
/// block and the "For more information" line dropped, the rest joined.
fn one_line(msg: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let mut in_usage = false;
    for line in msg.lines() {
        let t = line.trim();
        if t.starts_with("Usage:") {
            in_usage = true;
            continue;
        }
        if t.is_empty() {
            in_usage = false;
            continue;
        }
        if in_usage || t.starts_with("For more information") {
            continue;
        }
        parts.push(t.trim_start_matches("error: "));
    }
    if parts.is_empty() {
        return "bad command line".into();
    }
    parts.join(" ")
}
