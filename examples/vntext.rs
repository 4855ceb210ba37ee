//! `vntext`: the command-line tool.
//!
//! ```sh
//! cargo build --release --examples
//! target/release/examples/vntext                      # demo on the bundled sample
//! target/release/examples/vntext normalize a.txt b.txt > clean.txt
//! target/release/examples/vntext segment --format jsonl < text.txt
//! target/release/examples/vntext extract --lines --reference-date 2023-12-26 news.txt
//! ```
//!
//! Every subcommand reads the files named as arguments (`-` is standard
//! input), or standard input when there are none, and writes standard
//! output. Line-oriented modes (`normalize`, `syllable`, `segment`,
//! `extract --lines`, `extract --jsonl-input`) write exactly one line per
//! input line, in order, and stream: lines are read in chunks, processed by
//! `--jobs` threads, and written in input order, in constant memory.
//! `sentences` streams too (a line break always ends a sentence), writing
//! one sentence a line.
//!
//! Input conventions: a UTF-8 byte-order mark at the start of each file is
//! dropped; a `\r` before `\n` is dropped (output always uses `\n`); a last
//! line without `\n` is still a line. Byte offsets in JSON output count from
//! the start of the line (or of the document, without its BOM). Invalid
//! UTF-8 stops the tool with `FILE:LINE: invalid UTF-8` unless `--lossy` is
//! given, which replaces bad bytes with U+FFFD and warns once. Errors print
//! one line on stderr and exit with status 1 (2 for a bad command line); a
//! closed output pipe (`| head`) ends the tool quietly.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use clap::{Args, Parser, Subcommand, ValueEnum};
use vntext::analyze::Analyzer;
use vntext::extract::{EntityKind, Extraction, Value, Ymd};
use vntext::legacy::Encoding;
use vntext::normalize::{Normalizer, ToneStyle};
use vntext::{Extractor, Segmenter, Word};

// ---------------------------------------------------------------- options

#[derive(Parser)]
#[command(
    name = "vntext",
    version,
    about = "Vietnamese text tools: normalize, decode, sentences, segment, extract",
    long_about = "Vietnamese text tools. Reads the FILES given (or standard input), writes \
                  standard output. Line-oriented modes write exactly one output line per \
                  input line, in order. A UTF-8 BOM is dropped, CRLF line ends are read as \
                  LF and written as LF. Without a subcommand, runs `demo`."
)]
struct Cli {
    #[command(subcommand)]
    cmd: Option<Cmd>,
}

#[derive(Args, Clone)]
struct Common {
    /// Input files (`-` for standard input); standard input when none.
    files: Vec<PathBuf>,
    /// Worker threads (default: all cores): lines in line-oriented modes,
    /// files in whole-document `extract`.
    #[arg(short, long, value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Replace invalid UTF-8 with U+FFFD (warn once) instead of stopping.
    #[arg(long)]
    lossy: bool,
}

#[derive(Subcommand)]
enum Cmd {
    /// Normalize each line: NFC, tone placement, cleanup.
    Normalize {
        /// Tone mark placement.
        #[arg(long, value_enum, default_value_t = Tone::Modern)]
        tone: Tone,
        /// Keep look-alike, invisible and exotic space characters.
        #[arg(long)]
        no_cleanup: bool,
        /// Remove diacritics (Đ→D, đ→d).
        #[arg(long)]
        fold: bool,
        /// Lowercase.
        #[arg(long)]
        lower: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Decode legacy-encoded bytes (whole input) to UTF-8.
    Decode {
        /// Source encoding: tcvn3, vni, viscii, cp1258, utf8 or auto.
        #[arg(long, default_value = "auto")]
        from: String,
        #[command(flatten)]
        common: Common,
    },
    /// Parse one syllable a line; JSON with its components, tone and validity.
    Syllable {
        #[command(flatten)]
        common: Common,
    },
    /// Split into sentences, one a line (a line break always ends a sentence).
    Sentences {
        #[command(flatten)]
        common: Common,
    },
    /// Segment each line into words.
    Segment {
        /// text: words separated by a space, syllables of a word joined by
        /// `_` (words written without a space stay glued); jsonl: words with
        /// byte spans.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        common: Common,
    },
    /// Extract entities as JSON lines (whole input is one document per file).
    Extract {
        /// Date used to resolve year-less dates, YYYY-MM-DD.
        #[arg(long, value_parser = parse_ymd)]
        reference_date: Option<Ymd>,
        /// Each input line is one document.
        #[arg(long, conflicts_with = "jsonl_input")]
        lines: bool,
        /// Each input line is a JSON object {"id": .., "text": ..}; the output
        /// line repeats its "id".
        #[arg(long)]
        jsonl_input: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Process the bundled sample articles and print a readable summary.
    Demo,
}

#[derive(Clone, Copy, ValueEnum)]
enum Tone {
    Modern,
    Traditional,
    Keep,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Jsonl,
}

fn parse_ymd(s: &str) -> Result<Ymd, String> {
    Ymd::parse(s).map_err(|e| e.to_string())
}

// ---------------------------------------------------------------- errors

/// A failure that ends the run: printed as one line, exit status 1. A
/// broken pipe ends the run quietly.
enum Fail {
    Msg(String),
    BrokenPipe,
}

impl From<io::Error> for Fail {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Fail::BrokenPipe
        } else {
            Fail::Msg(format!("write error: {e}"))
        }
    }
}

type Res<T = ()> = Result<T, Fail>;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            if matches!(
                e.kind(),
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion
            ) {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            // One line: clap's first line ("error: ...") plus a hint.
            let msg = e.to_string();
            let first = msg.lines().next().unwrap_or("bad command line");
            eprintln!(
                "vntext: {} (see --help)",
                first.trim_start_matches("error: ")
            );
            return ExitCode::from(2);
        }
    };
    match run(cli.cmd.unwrap_or(Cmd::Demo)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => exit_with(e),
    }
}

/// Ends the process: quietly with status 0 for a closed output pipe, with
/// a one-line message and status 1 otherwise.
fn exit_with(e: Fail) -> ! {
    match e {
        Fail::BrokenPipe => std::process::exit(0),
        Fail::Msg(m) => {
            eprintln!("vntext: {m}");
            std::process::exit(1)
        }
    }
}

fn run(cmd: Cmd) -> Res {
    match cmd {
        Cmd::Normalize {
            tone,
            no_cleanup,
            fold,
            lower,
            common,
        } => {
            let n = Normalizer::builder()
                .tone(match tone {
                    Tone::Modern => ToneStyle::Modern,
                    Tone::Traditional => ToneStyle::Traditional,
                    Tone::Keep => ToneStyle::Keep,
                })
                .cleanup(!no_cleanup)
                .build();
            per_line(&common, move |line, out| {
                let s = n.normalize(line);
                match (fold, lower) {
                    (true, true) => out.push_str(&vntext::normalize::fold_lower(&s)),
                    (true, false) => out.push_str(&vntext::fold(&s)),
                    (false, true) => out.push_str(&s.to_lowercase()),
                    (false, false) => out.push_str(&s),
                }
                Ok(())
            })
        }
        Cmd::Decode { from, common } => decode(&from, &common),
        Cmd::Syllable { common } => per_line(&common, syllable_json),
        Cmd::Sentences { common } => lines(&common, |line, out| {
            for s in vntext::sentence::sentences(line) {
                push_line(out, s.text);
            }
            Ok(())
        }),
        Cmd::Segment { format, common } => {
            let seg = Segmenter::new();
            per_line(&common, move |line, out| {
                let words = seg.segment(line);
                match format {
                    Format::Text => words_text(line, &words, out),
                    Format::Jsonl => words_jsonl(&words, out),
                }
                Ok(())
            })
        }
        Cmd::Extract {
            reference_date,
            lines,
            jsonl_input,
            common,
        } => {
            let mut ex = Extractor::new();
            if let Some(d) = reference_date {
                ex = ex.reference_date(d);
            }
            if jsonl_input {
                extract_jsonl(&common, &ex)
            } else if lines {
                per_line(&common, move |line, out| {
                    json_into(out, &ex.extract(line));
                    Ok(())
                })
            } else {
                extract_documents(&common, &ex)
            }
        }
        Cmd::Demo => demo(),
    }
}

// ---------------------------------------------------------------- inputs

/// One input: a file or standard input.
struct Input {
    name: String,
    path: Option<PathBuf>,
}

/// The inputs named in `files`, all checked to be readable before any
/// output is written.
fn inputs(files: &[PathBuf]) -> Res<Vec<Input>> {
    if files.is_empty() {
        return Ok(vec![Input {
            name: "<stdin>".into(),
            path: None,
        }]);
    }
    files
        .iter()
        .map(|p| {
            if p.as_os_str() == "-" {
                return Ok(Input {
                    name: "<stdin>".into(),
                    path: None,
                });
            }
            let name = p.display().to_string();
            match std::fs::metadata(p) {
                Ok(m) if m.is_dir() => Err(Fail::Msg(format!("{name}: is a directory"))),
                Ok(_) => Ok(Input {
                    name,
                    path: Some(p.clone()),
                }),
                Err(e) => Err(Fail::Msg(format!("{name}: {}", io_msg(&e)))),
            }
        })
        .collect()
}

/// An I/O error message without Rust's " (os error 2)" suffix.
fn io_msg(e: &io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

impl Input {
    fn open(&self) -> Res<Box<dyn Read>> {
        match &self.path {
            None => Ok(Box::new(io::stdin())),
            Some(p) => File::open(p)
                .map(|f| Box::new(f) as Box<dyn Read>)
                .map_err(|e| Fail::Msg(format!("{}: {}", self.name, io_msg(&e)))),
        }
    }

    fn read_all(&self) -> Res<Vec<u8>> {
        let mut buf = Vec::new();
        self.open()?
            .read_to_end(&mut buf)
            .map_err(|e| Fail::Msg(format!("{}: {}", self.name, io_msg(&e))))?;
        Ok(buf)
    }
}

/// Turns one document's bytes into text: drops a BOM, checks UTF-8 (or
/// replaces bad bytes when `lossy`).
fn doc_text<'a>(name: &str, bytes: &'a [u8], lossy: bool) -> Res<Cow<'a, str>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(e) if lossy => {
            warn_lossy(name, line_of(bytes, e.valid_up_to()));
            Ok(String::from_utf8_lossy(bytes))
        }
        Err(e) => Err(Fail::Msg(utf8_error(name, line_of(bytes, e.valid_up_to())))),
    }
}

/// `std::str::from_utf8`, with the check done by `simdutf8` (several
/// times faster on Vietnamese text, where most letters take two or three
/// bytes); on failure, std's answer says where.
fn utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(_) => std::str::from_utf8(bytes),
    }
}

fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

fn utf8_error(name: &str, line: usize) -> String {
    format!("{name}:{line}: invalid UTF-8 (use --lossy to replace bad bytes)")
}

fn warn_lossy(name: &str, line: usize) {
    static WARNED: AtomicBool = AtomicBool::new(false);
    if !WARNED.swap(true, Ordering::Relaxed) {
        eprintln!(
            "vntext: warning: {name}:{line}: invalid UTF-8 replaced with U+FFFD (further cases not reported)"
        );
    }
}

/// The `--jobs` value, or the number of cores.
fn jobs(common: &Common) -> usize {
    common
        .jobs
        .map(usize::from)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

// ---------------------------------------------------------------- line engine

/// Lines per chunk handed to a worker; also bounded by `CHUNK_BYTES`.
const CHUNK_LINES: usize = 1000;
const CHUNK_BYTES: usize = 1 << 20;

/// A chunk of consecutive lines of one input: one text buffer and the line
/// ranges in it.
struct Chunk {
    seq: u64,
    name: Arc<str>,
    first_line: usize,
    text: String,
    lines: Vec<std::ops::Range<usize>>,
}

/// The output of a chunk, and the error that stops the run after it.
type Done = (u64, String, Option<String>);

/// What one line's function returns: `Err(message)` stops the run after the
/// output of the lines before it, reported as `FILE:LINE: message`.
type LineResult = Result<(), String>;

/// Runs `f` on every line; `f` appends exactly one line of output (without
/// its `\n`; any `\n` or `\r` it writes is replaced by a space).
fn per_line<F>(common: &Common, f: F) -> Res
where
    F: Fn(&str, &mut String) -> LineResult + Sync,
{
    lines(common, move |line, out| {
        let at = out.len();
        f(line, out)?;
        if out[at..].contains(['\n', '\r']) {
            let fixed = out[at..].replace(['\n', '\r'], " ");
            out.truncate(at);
            out.push_str(&fixed);
        }
        out.push('\n');
        Ok(())
    })
}

fn push_line(out: &mut String, s: &str) {
    out.push_str(s);
    out.push('\n');
}

/// Processes one chunk: the output text, and the error of the first failing
/// line (after which nothing is processed).
fn run_chunk<F>(c: &Chunk, f: &F) -> Done
where
    F: Fn(&str, &mut String) -> LineResult,
{
    let mut buf = String::with_capacity(c.text.len() + c.lines.len() + 16);
    for (i, r) in c.lines.iter().enumerate() {
        let at = buf.len();
        if let Err(m) = f(&c.text[r.clone()], &mut buf) {
            buf.truncate(at);
            let m = format!("{}:{}: {m}", c.name, c.first_line + i);
            return (c.seq, buf, Some(m));
        }
    }
    (c.seq, buf, None)
}

/// Streams every line of every input through `f` (which appends the full
/// output for the line, newlines included), in parallel, writing results in
/// input order.
fn lines<F>(common: &Common, f: F) -> Res
where
    F: Fn(&str, &mut String) -> LineResult + Sync,
{
    let inputs = inputs(&common.files)?;
    let jobs = jobs(common);
    let interactive = inputs.iter().any(|i| i.path.is_none()) && io::stdin().is_terminal();
    let progress = progress_bar(&inputs);
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut write = |(_, text, fail): Done| -> Res<bool> {
        out.write_all(text.as_bytes())?;
        if let Some(m) = fail {
            out.flush()?;
            return Err(Fail::Msg(m));
        }
        if interactive {
            out.flush()?;
        }
        Ok(true)
    };

    let result = if jobs <= 1 {
        read_chunks(
            &inputs,
            common.lossy,
            interactive,
            &progress,
            |item| match item {
                Item::Chunk(c) => write(run_chunk(&c, &f)),
                Item::Fail(d) => write(d),
            },
        )
    } else {
        // Reader thread → worker threads → writer (this thread), with
        // bounded queues: memory stays constant whatever the input size.
        let (work_tx, work_rx) = mpsc::sync_channel::<Chunk>(jobs * 2);
        let (done_tx, done_rx) = mpsc::sync_channel::<Done>(jobs * 2);
        let work_rx = Mutex::new(work_rx);
        let (f, work_rx, inputs, progress) = (&f, &work_rx, &inputs, &progress);
        let lossy = common.lossy;
        std::thread::scope(|s| -> Res {
            for _ in 0..jobs {
                let done_tx = done_tx.clone();
                s.spawn(move || loop {
                    let next = match work_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok(c) = next else { return };
                    if done_tx.send(run_chunk(&c, f)).is_err() {
                        return;
                    }
                });
            }
            let reader_tx = done_tx;
            s.spawn(move || {
                // Errors of the reader travel as `Item::Fail`; a failed send
                // means the writer stopped.
                let _ = read_chunks(inputs, lossy, interactive, progress, |item| match item {
                    Item::Chunk(c) => Ok(work_tx.send(c).is_ok()),
                    Item::Fail(d) => {
                        let _ = reader_tx.send(d);
                        Ok(false)
                    }
                });
            });
            let mut next = 0u64;
            let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
            let result = (|| -> Res {
                for d in done_rx.iter() {
                    pending.insert(d.0, d);
                    while let Some(d) = pending.remove(&next) {
                        write(d)?;
                        next += 1;
                    }
                }
                Ok(())
            })();
            if let Err(e) = result {
                // The reader may be blocked on a full queue or on a read
                // from a terminal: end the process here rather than wait.
                if let Some(p) = progress {
                    p.finish_and_clear();
                }
                exit_with(e);
            }
            Ok(())
        })
    };
    if let Some(p) = &progress {
        p.finish_and_clear();
    }
    result?;
    out.flush()?;
    Ok(())
}

/// What the reader hands on: a chunk, or an error that must be reported
/// after everything before it has been written.
enum Item {
    Chunk(Chunk),
    Fail(Done),
}

/// Reads all inputs line by line as bytes, cuts them into chunks (never
/// across inputs) and hands each to `sink`, which returns `false` to stop.
/// An I/O error or an invalid line becomes an `Item::Fail` after the chunk
/// holding the lines before it.
fn read_chunks(
    inputs: &[Input],
    lossy: bool,
    interactive: bool,
    progress: &Option<indicatif::ProgressBar>,
    mut sink: impl FnMut(Item) -> Res<bool>,
) -> Res {
    let max_lines = if interactive { 1 } else { CHUNK_LINES };
    // Sequence number of the next item handed to `sink`.
    let mut seq = 0u64;
    let mut emit = |item: Item, seq: &mut u64| -> Res<bool> {
        let item = match item {
            Item::Chunk(mut c) => {
                c.seq = *seq;
                Item::Chunk(c)
            }
            Item::Fail((_, t, m)) => Item::Fail((*seq, t, m)),
        };
        *seq += 1;
        sink(item)
    };
    let fail = |m: String| Item::Fail((0, String::new(), Some(m)));
    let mut raw = Vec::new();
    for input in inputs {
        let name: Arc<str> = Arc::from(input.name.as_str());
        let new_chunk = |first_line: usize| Chunk {
            seq: 0,
            name: name.clone(),
            first_line,
            text: String::new(),
            lines: Vec::new(),
        };
        let mut r = match input.open() {
            Ok(f) => BufReader::with_capacity(1 << 16, f),
            Err(Fail::Msg(m)) => {
                emit(fail(m), &mut seq)?;
                return Ok(());
            }
            Err(e) => return Err(e),
        };
        let mut chunk = new_chunk(1);
        let mut line_no = 0usize;
        loop {
            raw.clear();
            let n = match r.read_until(b'\n', &mut raw) {
                Ok(n) => n,
                Err(e) => {
                    let m = format!("{}: {}", input.name, io_msg(&e));
                    if emit(Item::Chunk(chunk), &mut seq)? {
                        emit(fail(m), &mut seq)?;
                    }
                    return Ok(());
                }
            };
            if n == 0 {
                break;
            }
            if let Some(p) = progress {
                p.inc(n as u64);
            }
            line_no += 1;
            let mut bytes = &raw[..];
            if let Some(b) = bytes.strip_suffix(b"\n") {
                bytes = b.strip_suffix(b"\r").unwrap_or(b);
            }
            if line_no == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            let text: Cow<str> = match utf8(bytes) {
                Ok(s) => Cow::Borrowed(s),
                Err(_) if lossy => {
                    warn_lossy(&input.name, line_no);
                    String::from_utf8_lossy(bytes)
                }
                Err(_) => {
                    let m = utf8_error(&input.name, line_no);
                    if emit(Item::Chunk(chunk), &mut seq)? {
                        emit(fail(m), &mut seq)?;
                    }
                    return Ok(());
                }
            };
            let start = chunk.text.len();
            chunk.text.push_str(&text);
            chunk.lines.push(start..chunk.text.len());
            if chunk.lines.len() >= max_lines || chunk.text.len() >= CHUNK_BYTES {
                let c = std::mem::replace(&mut chunk, new_chunk(line_no + 1));
                if !emit(Item::Chunk(c), &mut seq)? {
                    return Ok(());
                }
            }
        }
        if !chunk.lines.is_empty() && !emit(Item::Chunk(chunk), &mut seq)? {
            return Ok(());
        }
    }
    Ok(())
}

/// A byte-count progress bar on stderr, only when stderr is a terminal,
/// standard output is not (it would mix with the bar), and every input is a
/// file.
fn progress_bar(inputs: &[Input]) -> Option<indicatif::ProgressBar> {
    if !io::stderr().is_terminal()
        || io::stdout().is_terminal()
        || inputs.iter().any(|i| i.path.is_none())
    {
        return None;
    }
    let total: u64 = inputs
        .iter()
        .filter_map(|i| i.path.as_ref())
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let pb = indicatif::ProgressBar::with_draw_target(
        Some(total),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
    ) {
        pb.set_style(style);
    }
    Some(pb)
}

// ---------------------------------------------------------------- modes

fn json_into<T: serde::Serialize>(out: &mut String, v: &T) {
    match serde_json::to_string(v) {
        Ok(s) => out.push_str(&s),
        // Serializing our own types to a string cannot fail; keep the
        // one-line-per-input promise anyway.
        Err(e) => {
            let _ = write!(out, "{{\"error\":{:?}}}", e.to_string());
        }
    }
}

fn syllable_json(line: &str, out: &mut String) -> LineResult {
    let token = line.trim();
    let mut obj = serde_json::Map::new();
    obj.insert("input".into(), token.into());
    if let Some(s) = vntext::syllable::Syllable::parse(token) {
        match serde_json::to_value(s) {
            Ok(serde_json::Value::Object(m)) => obj.extend(m),
            Ok(v) => {
                obj.insert("syllable".into(), v);
            }
            Err(_) => {}
        }
    }
    obj.insert("valid".into(), vntext::syllable::is_valid(token).into());
    json_into(out, &obj);
    Ok(())
}

/// Text format: words separated by one space, the whitespace inside a word
/// replaced by `_`; two words written without a space between them stay
/// glued, so the input's space-separated chunks come out unchanged.
/// Whether `s` may contain a whitespace character: an ASCII space or
/// control byte, or the first bytes of U+0085, U+00A0 (`C2`), U+1680
/// (`E1 9A`), U+2000–U+205F (`E2`) or U+3000 (`E3`). The letters of
/// Vietnamese never start that way, so most words are copied whole.
fn may_hold_whitespace(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| {
        x <= b' ' || matches!(x, 0xC2 | 0xE2 | 0xE3) || (x == 0xE1 && b.get(i + 1) == Some(&0x9A))
    })
}

fn words_text(line: &str, words: &[Word<'_>], out: &mut String) {
    let mut prev_end = None;
    for w in words {
        if let Some(pe) = prev_end {
            if pe < w.span.start && line[pe..w.span.start].chars().any(char::is_whitespace) {
                out.push(' ');
            }
        }
        if may_hold_whitespace(w.text) {
            // Syllables of the word, joined by `_` (one for a run of spaces).
            let mut first = true;
            for piece in w.text.split(char::is_whitespace).filter(|p| !p.is_empty()) {
                if !first {
                    out.push('_');
                }
                out.push_str(piece);
                first = false;
            }
        } else {
            out.push_str(w.text);
        }
        prev_end = Some(w.span.end);
    }
}

#[derive(serde::Serialize)]
struct WordOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: vntext::WordKind,
}

fn words_jsonl(words: &[Word<'_>], out: &mut String) {
    #[derive(serde::Serialize)]
    struct Line<'a> {
        words: Vec<WordOut<'a>>,
    }
    let line = Line {
        words: words
            .iter()
            .map(|w| WordOut {
                text: w.text,
                start: w.span.start,
                end: w.span.end,
                kind: w.kind,
            })
            .collect(),
    };
    json_into(out, &line);
}

fn extract_jsonl(common: &Common, ex: &Extractor) -> Res {
    #[derive(serde::Deserialize)]
    struct Record {
        id: serde_json::Value,
        text: String,
    }
    #[derive(serde::Serialize)]
    struct Output<'a> {
        id: &'a serde_json::Value,
        #[serde(flatten)]
        extraction: Extraction<'a>,
    }
    // Empty lines give empty lines; a record that does not parse stops the
    // run with its position, after the output of the records before it.
    per_line(common, |line, out| {
        if line.trim().is_empty() {
            return Ok(());
        }
        let rec = serde_json::from_str::<Record>(line)
            .map_err(|e| format!("not a {{\"id\", \"text\"}} JSON object: {e}"))?;
        json_into(
            out,
            &Output {
                id: &rec.id,
                extraction: ex.extract(&rec.text),
            },
        );
        Ok(())
    })
}

/// One JSON line per input document. With several files, `--jobs` files
/// are read and processed at a time, and written in argument order.
fn extract_documents(common: &Common, ex: &Extractor) -> Res {
    let inputs = inputs(&common.files)?;
    let jobs = jobs(common);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let one = |input: &Input| -> Res<String> {
        let bytes = input.read_all()?;
        let text = doc_text(&input.name, &bytes, common.lossy)?;
        let mut s = String::new();
        json_into(&mut s, &ex.extract(&text));
        s.push('\n');
        Ok(s)
    };
    for batch in inputs.chunks(jobs) {
        let results: Vec<Res<String>> = if batch.len() == 1 {
            vec![one(&batch[0])]
        } else {
            std::thread::scope(|sc| {
                let hs: Vec<_> = batch.iter().map(|i| sc.spawn(|| one(i))).collect();
                hs.into_iter()
                    .map(|h| {
                        h.join()
                            .unwrap_or_else(|_| Err(Fail::Msg("worker thread failed".into())))
                    })
                    .collect()
            })
        };
        for r in results {
            out.write_all(r?.as_bytes())?;
        }
    }
    out.flush()?;
    Ok(())
}

fn decode(from: &str, common: &Common) -> Res {
    let fixed = if from.eq_ignore_ascii_case("auto") {
        None
    } else {
        Some(
            from.parse::<Encoding>()
                .map_err(|e| Fail::Msg(format!("--from: {e}")))?,
        )
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut warned = false;
    for input in inputs(&common.files)? {
        let bytes = input.read_all()?;
        let enc = fixed.unwrap_or_else(|| Encoding::detect(&bytes).encoding);
        let text = match vntext::legacy::decode(&bytes, enc) {
            Ok(t) => t,
            Err(e) if common.lossy => {
                if !warned {
                    warned = true;
                    eprintln!("vntext: warning: {}: {e}; replaced with U+FFFD", input.name);
                }
                vntext::legacy::decode_lossy(&bytes, enc)
            }
            Err(e) => {
                let at = match e.kind() {
                    vntext::ErrorKind::InvalidUtf8 { offset }
                    | vntext::ErrorKind::InvalidByte { offset, .. } => {
                        format!(":{}", line_of(&bytes, (*offset).min(bytes.len())))
                    }
                    _ => String::new(),
                };
                return Err(Fail::Msg(format!(
                    "{}{at}: {e} (decoding as {enc:?}; --lossy replaces bad bytes)",
                    input.name
                )));
            }
        };
        out.write_all(text.as_bytes())?;
    }
    out.flush()?;
    Ok(())
}

// ---------------------------------------------------------------- demo

const SAMPLES: &[(&str, &str)] = &[
    (
        "dan-van-2023.txt",
        include_str!("../data/samples/dan-van-2023.txt"),
    ),
    (
        "cai-cach-hanh-chinh-quy-1.txt",
        include_str!("../data/samples/cai-cach-hanh-chinh-quy-1.txt"),
    ),
    (
        "hoi-thao-chuyen-doi-so.txt",
        include_str!("../data/samples/hoi-thao-chuyen-doi-so.txt"),
    ),
];

fn demo() -> Res {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let analyzer = Analyzer::new();
    let normalizer = Normalizer::builder().build();
    let (name, raw) = SAMPLES[0];
    let text = normalizer.normalize(raw);
    let doc = analyzer.analyze(&text);
    let mut s = String::new();
    let _ = writeln!(s, "vntext demo — data/samples/{name}");
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
        let _ = writeln!(s, "  {}", sent.text);
    }
    let _ = writeln!(
        s,
        "\n== Words (sentence 2; syllables of a word joined by _)"
    );
    if let Some(sent) = doc.sentences.get(1) {
        let mut line = String::new();
        words_text(&text, doc.words_of(sent), &mut line);
        for l in wrap(&line, 76) {
            let _ = writeln!(s, "  {l}");
        }
    }
    let _ = writeln!(s, "\n== Entities");
    let _ = writeln!(
        s,
        "  {:<12} {:>5}..{:<5}  {:<44} value",
        "type", "start", "end", "text"
    );
    if doc.entities.is_empty() {
        let _ = writeln!(s, "  (none)");
    }
    for e in &doc.entities {
        let _ = writeln!(
            s,
            "  {:<12} {:>5}..{:<5}  {:<44} {}",
            kind_name(e.kind),
            e.span.start,
            e.span.end,
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
    let _ = writeln!(
        s,
        "\nTry: vntext extract --lines FILE | vntext segment FILE | vntext --help"
    );
    out.write_all(s.as_bytes())?;
    out.flush()?;
    Ok(())
}

fn kind_name(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Official => "OFFICIAL",
        EntityKind::Title => "TITLE",
        EntityKind::Organization => "ORGANIZATION",
        EntityKind::Date => "DATE",
        EntityKind::DocRef => "DOCREF",
        _ => "OTHER",
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

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

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
