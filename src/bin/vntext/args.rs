//! The command line: subcommands, their options and the options every
//! input-reading subcommand shares.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use vntext::Ymd;

#[derive(Parser)]
#[command(
    name = "vntext",
    version,
    about = "Vietnamese text tools: normalize, decode, syllable, sentences, segment, extract, demo",
    long_about = "Vietnamese text tools. Each subcommand reads the FILES given, the text of \
                  -t/--text, or standard input, and writes standard output. Line-oriented \
                  modes (normalize, syllable, segment, extract --lines, extract --jsonl-input) \
                  write exactly one output line per input line, in order; an empty input line \
                  gives the mode's output for empty text. A UTF-8 BOM is dropped; CRLF line \
                  ends are read as LF and written as LF. Without a subcommand, runs `demo`."
)]
pub struct Cli {
    #[command(subcommand)]
    pub cmd: Option<Cmd>,
}

/// Options shared by every subcommand that reads text.
#[derive(Args, Clone, Debug)]
pub struct Common {
    /// Input files (`-` for standard input); standard input when none.
    #[arg(conflicts_with = "text")]
    pub files: Vec<PathBuf>,
    /// Process TEXT instead of files (may be given several times: each is
    /// one input, like a file).
    #[arg(short = 't', long = "text", value_name = "TEXT")]
    pub text: Vec<String>,
    /// Worker threads (default: all cores; larger values are reduced to the
    /// number of cores): lines in line-oriented modes, files in
    /// whole-document `extract`.
    #[arg(short, long, value_parser = parse_jobs)]
    pub jobs: Option<usize>,
    /// Replace invalid UTF-8 with U+FFFD (warn once) instead of stopping.
    #[arg(long)]
    pub lossy: bool,
}

/// How spans are counted in JSON output.
#[derive(Args, Clone, Copy, Debug)]
pub struct OffsetsArg {
    /// Unit of `start`/`end`: bytes of UTF-8, or chars (Unicode code points,
    /// the indices of a Python or Spark string).
    #[arg(long, value_enum, default_value_t = Offsets::Bytes)]
    pub offsets: Offsets,
}

/// A positive number of threads; a number too large for `usize` is the
/// largest one (it is reduced to the number of cores anyway).
fn parse_jobs(s: &str) -> Result<usize, String> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err("not a positive whole number".into());
    }
    match s.parse::<usize>() {
        Ok(0) => Err("at least 1 thread is needed".into()),
        Ok(n) => Ok(n),
        Err(_) => Ok(usize::MAX),
    }
}

#[derive(Subcommand)]
pub enum Cmd {
    /// Normalize each line: NFC, tone placement, cleanup.
    Normalize {
        /// Tone mark placement.
        #[arg(long, value_enum, default_value_t = Tone::Modern)]
        tone: Tone,
        /// Keep look-alike, invisible and exotic space characters (only NFC,
        /// tone placement and repair of misplaced marks remain).
        #[arg(long)]
        no_cleanup: bool,
        /// Remove diacritics (Đ→D, đ→d), nothing else.
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
        /// Source encoding. `auto` detects it (also UTF-16 with a byte-order
        /// mark) and refuses input in no plausible encoding.
        #[arg(long, value_enum, default_value_t = From::Auto)]
        from: From,
        #[command(flatten)]
        common: Common,
    },
    /// Parse one syllable a line; JSON with its components, tone and validity.
    Syllable {
        #[command(flatten)]
        common: Common,
    },
    /// Split into sentences, one a line (a line break always ends a sentence;
    /// empty lines give no output).
    Sentences {
        #[command(flatten)]
        common: Common,
    },
    /// Segment each line into words.
    Segment {
        /// text: words separated by a space, syllables of a word joined by
        /// `_` (words written without a space stay glued); jsonl: words with
        /// spans.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// A user dictionary: one word a line (syllables separated by spaces
        /// or `_`), kept whole wherever it occurs; `#` starts a comment line.
        #[arg(long, value_name = "FILE")]
        dict: Option<PathBuf>,
        /// Word convention: ud (UD Vietnamese-VTB, the default) or vlsp (VLSP
        /// 2013 / VietTreebank, the input of VnCoreNLP and PhoBERT: names of
        /// organisations, laws and doctrines and long fixed terms are one
        /// word).
        #[arg(long, value_enum, default_value_t = Convention::Ud)]
        convention: Convention,
        #[command(flatten)]
        offsets: OffsetsArg,
        #[command(flatten)]
        common: Common,
    },
    /// Extract entities as JSON lines (the whole input of each file is one
    /// document, named by "file" when there are several).
    Extract {
        /// Date used to resolve year-less dates, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        reference_date: Option<Ymd>,
        /// Each input line is one document.
        #[arg(long, conflicts_with = "jsonl_input")]
        lines: bool,
        /// Each input line is a JSON object {"id": .., "text": ..}; the output
        /// line repeats its "id". A bad record gives {"id": .., "error": ..}
        /// and the run goes on (exit status 1 at the end).
        #[arg(long)]
        jsonl_input: bool,
        /// With --jsonl-input: stop at the first bad record.
        #[arg(long, requires = "jsonl_input")]
        strict: bool,
        #[command(flatten)]
        offsets: OffsetsArg,
        #[command(flatten)]
        common: Common,
    },
    /// Process a text (default: the bundled sample article) and print a
    /// readable summary: normalized text, words, a table of entities.
    Demo {
        /// A UTF-8 text file to show instead of the bundled sample.
        file: Option<PathBuf>,
        #[command(flatten)]
        offsets: OffsetsArg,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Tone {
    Modern,
    Traditional,
    Keep,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Jsonl,
}

/// Which treebank's words `segment` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Convention {
    /// UD Vietnamese-VTB: names of organisations and laws split into
    /// dictionary words.
    Ud,
    /// VLSP 2013 / VietTreebank: names of organisations, laws and doctrines
    /// as one word.
    Vlsp,
}

impl std::convert::From<Convention> for vntext::Convention {
    fn from(c: Convention) -> Self {
        match c {
            Convention::Ud => vntext::Convention::Ud,
            Convention::Vlsp => vntext::Convention::Vlsp,
        }
    }
}

/// The unit of spans in output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Offsets {
    /// Bytes of UTF-8.
    Bytes,
    /// Unicode code points.
    Chars,
}

/// `decode --from`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum From {
    Auto,
    #[value(alias = "abc", alias = "tcvn", alias = "vn3")]
    Tcvn3,
    #[value(alias = "vni-windows")]
    Vni,
    Viscii,
    #[value(alias = "windows-1258")]
    Cp1258,
    #[value(alias = "utf-8")]
    Utf8,
}
