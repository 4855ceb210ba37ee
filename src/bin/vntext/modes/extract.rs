//! `extract`: entities and links as JSON lines, per document (a whole
//! input, a line, or a `{"id","text"}` record).
//!
//! Output: `{"entities":[{"type","start","end","text","value"}],"links":[[official,title],...]}`,
//! preceded by `"file"` when there are several inputs and by `"id"` for a
//! record; a bad record gives `{"id":…,"error":"…"}`.

use std::io::{self, Write};

use vntext::extract::Value;
use vntext::{Extraction, Extractor, Ymd};

use super::super::args::{Common, Offsets};
use super::super::input::{self, inputs, Fail, Res};
use super::super::offsets::Converter;
use super::super::stream::{per_line, LineError, LineFn, LineResult};
use super::json_into;

/// What one document is.
pub enum Input {
    /// A whole file (or `-t` text, or standard input).
    Documents,
    /// A line.
    Lines,
    /// The `"text"` of a JSON line.
    JsonlRecords { strict: bool },
}

pub fn run(reference_date: Option<Ymd>, how: Input, unit: Offsets, common: &Common) -> Res {
    let mut ex = Extractor::new();
    if let Some(d) = reference_date {
        ex = ex.reference_date(d);
    }
    match how {
        Input::Documents => documents(&ex, unit, common),
        Input::Lines => {
            let inputs = inputs(common)?;
            if inputs.len() > 1 {
                // One line engine per input, so that each line can name its
                // file; the run stops at the first failing input.
                for i in &inputs {
                    let file = Some(i.name.as_str());
                    per_line(
                        std::slice::from_ref(i),
                        &super::options(common, false),
                        |line: &str, out: &mut String| {
                            write_extraction(out, None, file, line, &ex.extract(line), unit);
                            Ok(())
                        },
                    )?;
                }
                return Ok(());
            }
            per_line(
                &inputs,
                &super::options(common, false),
                |line: &str, out: &mut String| {
                    write_extraction(out, None, None, line, &ex.extract(line), unit);
                    Ok(())
                },
            )
        }
        Input::JsonlRecords { strict } => per_line(
            &inputs(common)?,
            &super::options(common, strict),
            Records { ex: &ex, unit },
        ),
    }
}

#[derive(serde::Serialize)]
struct EntityOut<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    start: usize,
    end: usize,
    text: &'a str,
    value: &'a Value,
}

#[derive(serde::Serialize)]
struct ExtractionOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    entities: Vec<EntityOut<'a>>,
    links: &'a [(usize, usize)],
}

/// Appends one extraction as JSON, spans in `unit`.
fn write_extraction(
    out: &mut String,
    id: Option<&serde_json::Value>,
    file: Option<&str>,
    text: &str,
    x: &Extraction<'_>,
    unit: Offsets,
) {
    let at = Converter::new(
        text,
        unit,
        x.entities.iter().flat_map(|e| [e.span.start, e.span.end]),
    );
    let o = ExtractionOut {
        id,
        file,
        entities: x
            .entities
            .iter()
            .map(|e| EntityOut {
                kind: e.kind.as_str(),
                start: at.get(e.span.start),
                end: at.get(e.span.end),
                text: e.text,
                value: &e.value,
            })
            .collect(),
        links: &x.links,
    };
    json_into(out, &o);
}

/// One JSON line per input document. With several inputs, each line names
/// its file, `--jobs` files are read and processed at a time, and lines are
/// written in argument order.
fn documents(ex: &Extractor, unit: Offsets, common: &Common) -> Res {
    let inputs = inputs(common)?;
    let jobs = input::jobs(common);
    let named = inputs.len() > 1;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let one = |input: &input::Input| -> Res<String> {
        let bytes = input.read_all()?;
        let text = input::doc_text(input, &bytes, common.lossy)?;
        let file = named.then_some(input.name.as_str());
        let mut s = String::new();
        write_extraction(&mut s, None, file, &text, &ex.extract(&text), unit);
        s.push('\n');
        Ok(s)
    };
    for batch in inputs.chunks(jobs) {
        let results: Vec<Res<String>> = if batch.len() == 1 {
            vec![one(&batch[0])]
        } else {
            std::thread::scope(|sc| {
                // An input whose thread cannot start is processed here.
                let handles: Vec<_> = batch
                    .iter()
                    .map(|i| (i, std::thread::Builder::new().spawn_scoped(sc, || one(i))))
                    .collect();
                handles
                    .into_iter()
                    .map(|(i, h)| match h {
                        Ok(h) => h
                            .join()
                            .unwrap_or_else(|_| Err(Fail::Msg("worker thread failed".into()))),
                        Err(_) => one(i),
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

/// `--jsonl-input`: each line a `{"id","text"}` record.
struct Records<'a> {
    ex: &'a Extractor,
    unit: Offsets,
}

#[derive(serde::Serialize)]
struct RecordError<'a> {
    id: &'a serde_json::Value,
    error: &'a str,
}

impl Records<'_> {
    /// Writes the error object of a bad record and reports it.
    fn bad(id: &serde_json::Value, msg: String, out: &mut String) -> LineResult {
        json_into(out, &RecordError { id, error: &msg });
        Err(LineError::Record(msg))
    }
}

impl LineFn for Records<'_> {
    fn line(&self, line: &str, out: &mut String) -> LineResult {
        let null = serde_json::Value::Null;
        if line.trim().is_empty() {
            return Self::bad(&null, "blank line, not a JSON object".into(), out);
        }
        let obj = match serde_json::from_str::<serde_json::Value>(line) {
            Ok(serde_json::Value::Object(m)) => m,
            Ok(_) => {
                return Self::bad(&null, "not a JSON object".into(), out);
            }
            Err(e) => {
                let id = id_of_malformed(line);
                let msg = match lone_surrogate(line) {
                    Some(col) => format!(
                        "a \\u escape at column {col} is a lone UTF-16 surrogate, \
                         which is not a character: the text cannot be read"
                    ),
                    // serde_json counts lines and columns in `line` alone.
                    None => {
                        format!("malformed JSON: {e}").replace(" at line 1 column ", " at column ")
                    }
                };
                return Self::bad(&id, msg, out);
            }
        };
        let id = obj.get("id").unwrap_or(&null);
        let text = match obj.get("text") {
            Some(serde_json::Value::String(t)) => t,
            Some(v) => {
                let what = match v {
                    serde_json::Value::Null => "null",
                    serde_json::Value::Bool(_) => "a boolean",
                    serde_json::Value::Number(_) => "a number",
                    serde_json::Value::Array(_) => "an array",
                    _ => "an object",
                };
                return Self::bad(id, format!("\"text\" is {what}, not a string"), out);
            }
            None => return Self::bad(id, "no \"text\" field".into(), out),
        };
        write_extraction(out, Some(id), None, text, &self.ex.extract(text), self.unit);
        Ok(())
    }

    fn takes_records(&self) -> bool {
        true
    }

    fn invalid_utf8(&self, valid_up_to: usize, out: &mut String) -> LineResult {
        Self::bad(
            &serde_json::Value::Null,
            format!("invalid UTF-8 at byte {} of the line", valid_up_to + 1),
            out,
        )
    }
}

/// The `"id"` of a line that is not valid JSON as a whole, when the rest
/// of the object can still be skipped over (a lone surrogate escape in
/// `"text"`, say); `null` otherwise.
fn id_of_malformed(line: &str) -> serde_json::Value {
    #[derive(serde::Deserialize)]
    struct IdOnly {
        #[serde(default)]
        id: serde_json::Value,
    }
    serde_json::from_str::<IdOnly>(line).map_or(serde_json::Value::Null, |r| r.id)
}

/// The 1-based column (in characters) of the first `\uXXXX` escape that is
/// a UTF-16 surrogate without its pair. Backslashes only occur inside JSON
/// strings, so no string tracking is needed.
fn lone_surrogate(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let hex = |i: usize| -> Option<u16> {
        let s = line.get(i..i + 4)?;
        u16::from_str_radix(s, 16).ok()
    };
    let unit_at = |i: usize| -> Option<u16> {
        if b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u') {
            hex(i + 2)
        } else {
            None
        }
    };
    let col = |i: usize| line[..i].chars().count() + 1;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match unit_at(i) {
            Some(0xD800..=0xDBFF) => match unit_at(i + 6) {
                Some(0xDC00..=0xDFFF) => i += 12,
                _ => return Some(col(i)),
            },
            Some(0xDC00..=0xDFFF) => return Some(col(i)),
            Some(_) => i += 6,
            None => i += 2,
        }
    }
    None
}
