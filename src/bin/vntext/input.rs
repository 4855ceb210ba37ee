//! Inputs (files, standard input, `-t` texts), UTF-8 checking with a hint
//! at the legacy encoding when the bytes are not UTF-8, the number of
//! worker threads, and the one error type that ends a run.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Read};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use vntext::Encoding;

use super::args::Common;

/// A failure that ends the run: printed as one line, exit status 1. A
/// broken pipe ends the run quietly.
pub enum Fail {
    Msg(String),
    BrokenPipe,
}

impl From<io::Error> for Fail {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Fail::BrokenPipe
        } else {
            Fail::Msg(format!("write error: {}", io_msg(&e)))
        }
    }
}

pub type Res<T = ()> = Result<T, Fail>;

/// Ends the process: quietly with status 0 for a closed output pipe, with
/// a one-line message and status 1 otherwise.
pub fn exit_with(e: Fail) -> ! {
    match e {
        Fail::BrokenPipe => std::process::exit(0),
        Fail::Msg(m) => {
            eprintln!("vntext: {m}");
            std::process::exit(1)
        }
    }
}

/// An I/O error message without Rust's " (os error 2)" suffix.
pub fn io_msg(e: &io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Where an input comes from.
enum Source {
    Stdin,
    File(PathBuf),
    Text(String),
}

/// One input: a file, standard input or a `-t` text.
pub struct Input {
    /// How messages name it: the path, `<stdin>` or `<text>`.
    pub name: String,
    source: Source,
}

/// The inputs of a subcommand, files all checked to be readable before any
/// output is written.
pub fn inputs(common: &Common) -> Res<Vec<Input>> {
    if !common.text.is_empty() {
        let n = common.text.len();
        return Ok(common
            .text
            .iter()
            .enumerate()
            .map(|(i, t)| Input {
                name: if n == 1 {
                    "<text>".into()
                } else {
                    format!("<text {}>", i + 1)
                },
                source: Source::Text(t.clone()),
            })
            .collect());
    }
    if common.files.is_empty() {
        return Ok(vec![Input::stdin()]);
    }
    common
        .files
        .iter()
        .map(|p| {
            if p.as_os_str() == "-" {
                return Ok(Input::stdin());
            }
            let name = p.display().to_string();
            match std::fs::metadata(p) {
                Ok(m) if m.is_dir() => Err(Fail::Msg(format!("{name}: is a directory"))),
                Ok(_) => Ok(Input {
                    name,
                    source: Source::File(p.clone()),
                }),
                Err(e) => Err(Fail::Msg(format!("{name}: {}", io_msg(&e)))),
            }
        })
        .collect()
}

impl Input {
    fn stdin() -> Input {
        Input {
            name: "<stdin>".into(),
            source: Source::Stdin,
        }
    }

    /// A file named on the command line.
    pub fn file(path: PathBuf) -> Input {
        Input {
            name: path.display().to_string(),
            source: Source::File(path),
        }
    }

    pub fn is_stdin(&self) -> bool {
        matches!(self.source, Source::Stdin)
    }

    /// The size of a file input, for the progress bar.
    pub fn file_len(&self) -> Option<u64> {
        match &self.source {
            Source::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            _ => None,
        }
    }

    pub fn open(&self) -> Res<Box<dyn Read + '_>> {
        match &self.source {
            Source::Stdin => Ok(Box::new(io::stdin())),
            Source::Text(t) => Ok(Box::new(t.as_bytes())),
            Source::File(p) => File::open(p)
                .map(|f| Box::new(f) as Box<dyn Read>)
                .map_err(|e| Fail::Msg(format!("{}: {}", self.name, io_msg(&e)))),
        }
    }

    pub fn read_all(&self) -> Res<Vec<u8>> {
        let mut buf = Vec::new();
        self.open()?
            .read_to_end(&mut buf)
            .map_err(|e| Fail::Msg(format!("{}: {}", self.name, io_msg(&e))))?;
        Ok(buf)
    }

    /// Up to 64 KiB from the start of a file input (what encoding detection
    /// looks at); `None` for standard input, which cannot be read twice.
    fn head(&self) -> Option<Vec<u8>> {
        let Source::File(p) = &self.source else {
            return None;
        };
        let mut buf = Vec::new();
        File::open(p)
            .ok()?
            .take(64 * 1024)
            .read_to_end(&mut buf)
            .ok()?;
        Some(buf)
    }

    /// The shell words that name this input for a command reading it: the
    /// quoted path, or `< INPUT` for standard input.
    fn as_argument(&self) -> String {
        match &self.source {
            Source::File(p) => shell_quote(&p.display().to_string()),
            _ => "< INPUT".into(),
        }
    }
}

/// `s` as one shell word: unchanged when it holds only safe characters,
/// else in single quotes.
fn shell_quote(s: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "_./+-=:,@%".contains(c);
    if !s.is_empty() && s.chars().all(safe) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// `std::str::from_utf8`, with the check done by `simdutf8` (several times
/// faster on Vietnamese text, where most letters take two or three bytes);
/// on failure, std's answer says where.
pub fn utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(_) => std::str::from_utf8(bytes),
    }
}

/// Turns one document's bytes into text: drops a BOM, checks UTF-8 (or
/// replaces bad bytes when `lossy`).
pub fn doc_text<'a>(input: &Input, bytes: &'a [u8], lossy: bool) -> Res<Cow<'a, str>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or(bytes);
        if let Some(m) = utf16_error(input, first_line) {
            return Err(Fail::Msg(m));
        }
    }
    match utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(e) if lossy => {
            warn_lossy(&input.name, line_of(bytes, e.valid_up_to()));
            Ok(String::from_utf8_lossy(bytes))
        }
        Err(e) => Err(Fail::Msg(utf8_error(
            input,
            line_of(bytes, e.valid_up_to()),
            bytes,
        ))),
    }
}

/// The 1-based line of byte `offset`.
pub fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The lowest [`vntext::legacy::Detection::confidence`] at which a legacy
/// encoding counts as plausible. Vietnamese text of a few words in any of
/// the four encodings scores well above it; Latin-1 prose, UTF-16 and
/// random bytes score below (see `tests/cli.rs`).
pub const PLAUSIBLE: f32 = 0.2;

/// The legacy encoding `bytes` plausibly are in, if any.
pub fn plausible_legacy(bytes: &[u8]) -> Option<Encoding> {
    if bytes.contains(&0) {
        return None;
    }
    let d = Encoding::detect(bytes);
    (d.encoding != Encoding::Utf8 && d.confidence >= PLAUSIBLE).then_some(d.encoding)
}

/// `UTF-16LE` or `UTF-16BE` when the NUL bytes of `bytes` sit mostly at odd
/// or mostly at even positions (ASCII-range text in UTF-16).
pub fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    let sample = &bytes[..bytes.len().min(4096)];
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in sample.iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    // At least half of the high (or low) bytes are NUL, and hardly any of
    // the others: text with many ASCII characters, two bytes each.
    let half = sample.len() / 2;
    if sample.len() < 8 {
        None
    } else if odd * 2 >= half && even * 8 < odd {
        Some("UTF-16LE")
    } else if even * 2 >= half && odd * 8 < even {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// The display name of a legacy encoding in messages.
pub fn encoding_label(e: Encoding) -> &'static str {
    match e {
        Encoding::Tcvn3 => "TCVN3 (ABC)",
        Encoding::Vni => "VNI-Windows",
        Encoding::Viscii => "VISCII",
        Encoding::Cp1258 => "Windows-1258",
        _ => "UTF-8",
    }
}

/// The message for invalid UTF-8 at `line` of `input`: which encoding the
/// bytes look like (judged on the start of the file, else on `sample`) and
/// the command that converts them.
pub fn utf8_error(input: &Input, line: usize, sample: &[u8]) -> String {
    let head = input.head();
    let bytes = head.as_deref().unwrap_or(sample);
    let name = &input.name;
    if let Some(m) = utf16_error(input, bytes) {
        return m;
    }
    match plausible_legacy(bytes) {
        Some(enc) => format!(
            "{name}:{line}: invalid UTF-8; the text looks {}-encoded: convert it with \
             `vntext decode --from {} {} > OUTPUT.txt` (or --lossy to replace bad bytes)",
            encoding_label(enc),
            enc.name(),
            input.as_argument()
        ),
        None => format!(
            "{name}:{line}: invalid UTF-8, and not a Vietnamese legacy encoding either \
             (--lossy replaces bad bytes with U+FFFD)"
        ),
    }
}

/// The message for an input whose first line holds NUL bytes laid out like
/// UTF-16 (valid UTF-8, perhaps, but not text).
pub fn utf16_error(input: &Input, first_line: &[u8]) -> Option<String> {
    if first_line.starts_with(b"\xFF\xFE") || first_line.starts_with(b"\xFE\xFF") {
        let kind = if first_line[0] == 0xFF {
            "UTF-16LE"
        } else {
            "UTF-16BE"
        };
        return Some(format!(
            "{}:1: the text is {kind}, not UTF-8: convert it with `vntext decode {} > OUTPUT.txt`",
            input.name,
            input.as_argument()
        ));
    }
    let kind = utf16_without_bom(first_line)?;
    Some(format!(
        "{}:1: the text looks {kind} without a byte-order mark: convert it with \
         `iconv -f {kind} -t UTF-8`",
        input.name
    ))
}

/// Warns once per process that bad bytes were replaced.
pub fn warn_lossy(name: &str, line: usize) {
    static WARNED: AtomicBool = AtomicBool::new(false);
    if !WARNED.swap(true, Ordering::Relaxed) {
        eprintln!(
            "vntext: warning: {name}:{line}: invalid UTF-8 replaced with U+FFFD (further cases not reported)"
        );
    }
}

/// The number of worker threads: `--jobs`, at most the number of cores
/// (more threads than cores cannot make CPU-bound work faster), or the
/// number of cores.
pub fn jobs(common: &Common) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    match common.jobs {
        Some(j) => j.clamp(1, cores),
        None => cores,
    }
}
