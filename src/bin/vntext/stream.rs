//! The line engine: reads every input line by line, processes chunks of
//! lines on worker threads, and writes the results in input order, in
//! constant memory whatever the input size.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::ops::Range;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use super::input::{self, Fail, Input, Res};

/// Lines per chunk handed to a worker; also bounded by `CHUNK_BYTES`.
const CHUNK_LINES: usize = 1000;
const CHUNK_BYTES: usize = 1 << 20;

/// What processing one line gives besides its output.
pub enum LineError {
    /// The line's output (an error record) was written; the run goes on
    /// and fails at the end (or stops here under `--strict`).
    Record(String),
    /// Stop the run after the output of the lines before this one.
    Fatal(String),
}

pub type LineResult = Result<(), LineError>;

/// What a mode does with each line.
pub trait LineFn: Sync {
    /// Appends the output for `line` to `out`.
    fn line(&self, line: &str, out: &mut String) -> LineResult;

    /// Whether each line is a record, so that a line that is not UTF-8 is
    /// a bad record ([`LineFn::invalid_utf8`]) rather than the end of the
    /// run (with an error naming the likely legacy encoding).
    fn takes_records(&self) -> bool {
        false
    }

    /// Appends the output for a line that is not UTF-8 (`valid_up_to` bytes
    /// are), when [`LineFn::takes_records`].
    fn invalid_utf8(&self, _valid_up_to: usize, _out: &mut String) -> LineResult {
        Err(LineError::Fatal("invalid UTF-8".into()))
    }
}

impl<F: Fn(&str, &mut String) -> LineResult + Sync> LineFn for F {
    fn line(&self, line: &str, out: &mut String) -> LineResult {
        self(line, out)
    }
}

/// How the engine runs.
pub struct Options {
    pub jobs: usize,
    pub lossy: bool,
    /// Stop at the first [`LineError::Record`].
    pub strict: bool,
    /// The mode never writes a `\n` or `\r` for a line (so [`per_line`]
    /// need not look for them).
    pub no_line_breaks: bool,
}

/// One line of a chunk: its range in the chunk's text, or where the UTF-8
/// of a line the mode takes as a record broke.
enum Slot {
    Text(Range<usize>),
    BadUtf8(usize),
}

/// A chunk of consecutive lines of one input.
struct Chunk {
    seq: u64,
    name: Arc<str>,
    first_line: usize,
    text: String,
    lines: Vec<Slot>,
}

/// The output of a chunk: its text, the failed records in it (count and
/// the first one's message), and the error that stops the run after it.
struct Done {
    seq: u64,
    text: String,
    records_failed: usize,
    first_record_error: Option<String>,
    fatal: Option<String>,
}

impl Done {
    fn fatal(msg: String) -> Done {
        Done {
            seq: 0,
            text: String::new(),
            records_failed: 0,
            first_record_error: None,
            fatal: Some(msg),
        }
    }
}

/// Runs `f` on every line; `f` appends exactly one line of output (without
/// its `\n`; any `\n` or `\r` it writes is replaced by a space).
pub fn per_line<F: LineFn>(inputs: &[Input], opts: &Options, f: F) -> Res {
    struct OneLine<F>(F, bool);
    impl<F: LineFn> OneLine<F> {
        fn finish(&self, out: &mut String, at: usize, r: LineResult) -> LineResult {
            // Two byte searches (word-at-a-time memchr); a search for a set
            // of chars decodes every char.
            let tail = &out.as_bytes()[at..];
            debug_assert!(!self.1 || !(tail.contains(&b'\n') || tail.contains(&b'\r')));
            if !self.1 && (tail.contains(&b'\n') || tail.contains(&b'\r')) {
                let fixed = out[at..].replace(['\n', '\r'], " ");
                out.truncate(at);
                out.push_str(&fixed);
            }
            out.push('\n');
            r
        }
    }
    impl<F: LineFn> LineFn for OneLine<F> {
        fn line(&self, line: &str, out: &mut String) -> LineResult {
            let at = out.len();
            let r = self.0.line(line, out);
            if let Err(LineError::Fatal(_)) = r {
                return r;
            }
            self.finish(out, at, r)
        }
        fn takes_records(&self) -> bool {
            self.0.takes_records()
        }
        fn invalid_utf8(&self, valid_up_to: usize, out: &mut String) -> LineResult {
            let at = out.len();
            let r = self.0.invalid_utf8(valid_up_to, out);
            if let Err(LineError::Fatal(_)) = r {
                return r;
            }
            self.finish(out, at, r)
        }
    }
    lines(inputs, opts, OneLine(f, opts.no_line_breaks))
}

/// Processes one chunk.
fn run_chunk<F: LineFn>(c: &Chunk, f: &F, strict: bool) -> Done {
    let mut done = Done {
        seq: c.seq,
        text: String::with_capacity(c.text.len() + c.lines.len() + 16),
        records_failed: 0,
        first_record_error: None,
        fatal: None,
    };
    for (i, slot) in c.lines.iter().enumerate() {
        let at = done.text.len();
        let r = match slot {
            Slot::Text(r) => f.line(&c.text[r.clone()], &mut done.text),
            Slot::BadUtf8(v) => f.invalid_utf8(*v, &mut done.text),
        };
        let place = || format!("{}:{}", c.name, c.first_line + i);
        match r {
            Ok(()) => {}
            Err(LineError::Record(m)) => {
                done.records_failed += 1;
                if done.first_record_error.is_none() {
                    done.first_record_error = Some(format!("{}: {m}", place()));
                }
                if strict {
                    done.fatal = Some(format!("{}: {m} (stopped by --strict)", place()));
                    return done;
                }
            }
            Err(LineError::Fatal(m)) => {
                done.text.truncate(at);
                done.fatal = Some(format!("{}: {m}", place()));
                return done;
            }
        }
    }
    done
}

/// Streams every line of every input through `f` (which appends the full
/// output for the line, newlines included), in parallel, writing results in
/// input order. Fails at the end when a record failed.
pub fn lines<F: LineFn>(inputs: &[Input], opts: &Options, f: F) -> Res {
    let jobs = opts.jobs.max(1);
    let interactive = inputs.iter().any(Input::is_stdin) && io::stdin().is_terminal();
    let progress = progress_bar(inputs);
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut failed = 0usize;
    let mut first_failure: Option<String> = None;
    let mut write = |d: Done| -> Res<bool> {
        out.write_all(d.text.as_bytes())?;
        failed += d.records_failed;
        if first_failure.is_none() {
            first_failure = d.first_record_error;
        }
        if let Some(m) = d.fatal {
            out.flush()?;
            return Err(Fail::Msg(m));
        }
        if interactive {
            out.flush()?;
        }
        Ok(true)
    };
    let reader = Reader {
        inputs,
        lossy: opts.lossy,
        records: f.takes_records(),
        max_lines: if interactive { 1 } else { CHUNK_LINES },
        progress: &progress,
    };

    let result = if jobs <= 1 {
        reader.read(|item| match item {
            Item::Chunk(c) => write(run_chunk(&c, &f, opts.strict)),
            Item::Fail(d) => write(d),
        })
    } else {
        parallel(&reader, &f, jobs, opts.strict, &mut write)
    };
    if let Some(p) = &progress {
        p.finish_and_clear();
    }
    result?;
    out.flush()?;
    drop(out);
    match first_failure {
        Some(first) if failed > 0 => Err(Fail::Msg(format!(
            "{failed} record{} failed (first: {first})",
            if failed == 1 { "" } else { "s" }
        ))),
        _ => Ok(()),
    }
}

/// Reader thread → worker threads → writer (this thread), with bounded
/// queues. Starts as many workers as the system allows, up to `jobs`.
fn parallel<F: LineFn>(
    reader: &Reader<'_>,
    f: &F,
    jobs: usize,
    strict: bool,
    write: &mut dyn FnMut(Done) -> Res<bool>,
) -> Res {
    let (work_tx, work_rx) = mpsc::sync_channel::<Chunk>(jobs * 2);
    let (done_tx, done_rx) = mpsc::sync_channel::<Done>(jobs * 2);
    let work_rx = Mutex::new(work_rx);
    let work_rx = &work_rx;
    std::thread::scope(|s| -> Res {
        let mut started = 0;
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let worker = move || loop {
                let next = match work_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                let Ok(c) = next else { return };
                if done_tx.send(run_chunk(&c, f, strict)).is_err() {
                    return;
                }
            };
            match std::thread::Builder::new().spawn_scoped(s, worker) {
                Ok(_) => started += 1,
                Err(_) => break,
            }
        }
        if started == 0 {
            return Err(Fail::Msg("cannot start a worker thread".into()));
        }
        let reader_tx = done_tx;
        let spawned = std::thread::Builder::new().spawn_scoped(s, move || {
            // Errors of the reader travel as `Item::Fail`; a failed send
            // means the writer stopped.
            let _ = reader.read(|item| match item {
                Item::Chunk(c) => Ok(work_tx.send(c).is_ok()),
                Item::Fail(d) => {
                    let _ = reader_tx.send(d);
                    Ok(false)
                }
            });
        });
        if spawned.is_err() {
            // The workers end when their queue closes (it did, with the
            // closure that owned its sender).
            return Err(Fail::Msg("cannot start the reader thread".into()));
        }
        let mut next = 0u64;
        let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
        let result = (|| -> Res {
            for d in done_rx.iter() {
                pending.insert(d.seq, d);
                while let Some(d) = pending.remove(&next) {
                    write(d)?;
                    next += 1;
                }
            }
            Ok(())
        })();
        if let Err(e) = result {
            // The reader may be blocked on a full queue or on a read from a
            // terminal: end the process here rather than wait.
            if let Some(p) = reader.progress {
                p.finish_and_clear();
            }
            input::exit_with(e);
        }
        Ok(())
    })
}

/// What the reader hands on: a chunk, or an error that must be reported
/// after everything before it has been written.
enum Item {
    Chunk(Chunk),
    Fail(Done),
}

struct Reader<'a> {
    inputs: &'a [Input],
    lossy: bool,
    /// Invalid UTF-8 lines go to the mode as records.
    records: bool,
    max_lines: usize,
    progress: &'a Option<indicatif::ProgressBar>,
}

impl Reader<'_> {
    /// Reads all inputs line by line as bytes, cuts them into chunks (never
    /// across inputs) and hands each to `sink`, which returns `false` to
    /// stop. An I/O error or an invalid line becomes an `Item::Fail` after
    /// the chunk holding the lines before it.
    fn read(&self, mut sink: impl FnMut(Item) -> Res<bool>) -> Res {
        // Sequence number of the next item handed to `sink`.
        let mut seq = 0u64;
        let mut emit = |item: Item, seq: &mut u64| -> Res<bool> {
            let item = match item {
                Item::Chunk(mut c) => {
                    c.seq = *seq;
                    Item::Chunk(c)
                }
                Item::Fail(mut d) => {
                    d.seq = *seq;
                    Item::Fail(d)
                }
            };
            *seq += 1;
            sink(item)
        };
        let mut raw = Vec::new();
        for input in self.inputs {
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
                    emit(Item::Fail(Done::fatal(m)), &mut seq)?;
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
                        let m = format!("{}: {}", input.name, input::io_msg(&e));
                        if emit(Item::Chunk(chunk), &mut seq)? {
                            emit(Item::Fail(Done::fatal(m)), &mut seq)?;
                        }
                        return Ok(());
                    }
                };
                if n == 0 {
                    break;
                }
                if let Some(p) = self.progress {
                    p.inc(n as u64);
                }
                line_no += 1;
                let mut bytes = &raw[..];
                if let Some(b) = bytes.strip_suffix(b"\n") {
                    bytes = b.strip_suffix(b"\r").unwrap_or(b);
                }
                if line_no == 1 {
                    bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                    if bytes.contains(&0) {
                        if let Some(m) = input::utf16_error(input, bytes) {
                            emit(Item::Fail(Done::fatal(m)), &mut seq)?;
                            return Ok(());
                        }
                    }
                }
                let text: Option<Cow<str>> = match input::utf8(bytes) {
                    Ok(s) => Some(Cow::Borrowed(s)),
                    Err(_) if self.lossy => {
                        input::warn_lossy(&input.name, line_no);
                        Some(String::from_utf8_lossy(bytes))
                    }
                    Err(e) if self.records => {
                        chunk.lines.push(Slot::BadUtf8(e.valid_up_to()));
                        None
                    }
                    Err(_) => {
                        let m = input::utf8_error(input, line_no, bytes);
                        if emit(Item::Chunk(chunk), &mut seq)? {
                            emit(Item::Fail(Done::fatal(m)), &mut seq)?;
                        }
                        return Ok(());
                    }
                };
                if let Some(text) = text {
                    let start = chunk.text.len();
                    chunk.text.push_str(&text);
                    chunk.lines.push(Slot::Text(start..chunk.text.len()));
                }
                if chunk.lines.len() >= self.max_lines || chunk.text.len() >= CHUNK_BYTES {
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
}

/// A byte-count progress bar on stderr, only when stderr is a terminal,
/// standard output is not (it would mix with the bar), and every input is a
/// file.
fn progress_bar(inputs: &[Input]) -> Option<indicatif::ProgressBar> {
    if !io::stderr().is_terminal() || io::stdout().is_terminal() {
        return None;
    }
    let mut total = 0u64;
    for i in inputs {
        total += i.file_len()?;
    }
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
