//! Tests of the `vntext` command-line tool, run as a separate process: the
//! example build (examples/vntext.rs, which includes src/bin/vntext/, the
//! source of the installable binary).
#![cfg(feature = "serde")]

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// Path of the example binary, built once (a no-op when up to date) with
/// the profile these tests were built with.
fn bin() -> &'static PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        // target/<profile>/deps/cli-HASH → target/<profile>/examples/vntext
        let exe = std::env::current_exe().expect("test executable path");
        let profile_dir = exe
            .parent()
            .and_then(|d| d.parent())
            .expect("target/<profile> directory")
            .to_path_buf();
        let mut build = Command::new(env!("CARGO"));
        build
            .args(["build", "-q", "--example", "vntext"])
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        if profile_dir.file_name().is_some_and(|n| n == "release") {
            build.arg("--release");
        }
        let st = build.status().expect("run cargo build");
        assert!(st.success(), "cargo build --example vntext failed");
        let p = profile_dir
            .join("examples")
            .join(format!("vntext{}", std::env::consts::EXE_SUFFIX));
        assert!(p.exists(), "{} not found", p.display());
        p
    })
}

struct Out {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

impl Out {
    fn text(&self) -> &str {
        std::str::from_utf8(&self.stdout).expect("output is UTF-8")
    }
    fn lines(&self) -> Vec<&str> {
        self.text().lines().collect()
    }
}

fn run<S: AsRef<std::ffi::OsStr>>(args: &[S], input: &[u8]) -> Out {
    let mut child = Command::new(bin())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn vntext");
    let mut stdin = child.stdin.take().expect("stdin");
    let args: Vec<String> = args
        .iter()
        .map(|a| a.as_ref().to_string_lossy().into_owned())
        .collect();
    let input = input.to_vec();
    let feeder = std::thread::spawn(move || {
        // The tool may stop reading early (on an error); ignore EPIPE.
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait for vntext");
    let _ = feeder.join();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        !stderr.contains("panicked"),
        "panic with {args:?}: {stderr}"
    );
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr,
    }
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vntext-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write temp file");
    p
}

const TEXT: &str = "Sáng 26/12, Ban Tuyên giáo Tỉnh ủy họp.\n\
\n\
Đồng chí Lò Văn Tân, Phó Bí thư Tỉnh ủy, phát biểu. Hội nghị kết thúc.\n\
   \n\
quý I/2023\n";

#[test]
fn one_output_line_per_input_line() {
    for args in [
        &["normalize"][..],
        &["normalize", "--fold", "--lower"],
        &["normalize", "--tone", "traditional", "--no-cleanup"],
        &["syllable"],
        &["segment"],
        &["segment", "--format", "jsonl"],
        &["extract", "--lines"],
    ] {
        let out = run(args, TEXT.as_bytes());
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        assert_eq!(out.lines().len(), 5, "{args:?}: {:?}", out.text());
        assert!(out.text().ends_with('\n'));
    }
    // A last line without "\n" is still a line; empty input gives nothing.
    assert_eq!(run(&["normalize"], b"a\nb").text(), "a\nb\n");
    assert_eq!(run(&["normalize"], b"").stdout, b"");
    assert_eq!(run(&["segment"], b"\n\n").stdout, b"\n\n");
}

#[test]
fn normalize_fold_keeps_lines() {
    let out = run(&["normalize", "--fold"], "Đặng Thị Hoà\n\nĐÊM\n".as_bytes());
    assert_eq!(out.text(), "Dang Thi Hoa\n\nDEM\n");
}

#[test]
fn normalize_keep_no_cleanup_is_nfc() {
    use unicode_normalization::UnicodeNormalization;
    // NFD marks, a zero-width space and a no-break space.
    let input = "Hoa\u{0300} ho\u{0300}a Thu\u{0309}y \u{200B}x\u{00A0}y\n";
    let out = run(
        &["normalize", "--tone", "keep", "--no-cleanup"],
        input.as_bytes(),
    );
    assert_eq!(out.text(), input.nfc().collect::<String>());
    // The default changes more than NFC: cleanup removes the invisible
    // character and the exotic space.
    let out = run(&["normalize"], input.as_bytes());
    assert_ne!(out.text(), input.nfc().collect::<String>());
    assert!(!out.text().contains(['\u{200B}', '\u{00A0}']));
}

#[test]
fn fold_removes_only_diacritics() {
    let out = run(
        &["normalize", "--fold"],
        "Đặng Thị Hoà, 26/12: ĐƯỢC!\n".as_bytes(),
    );
    assert_eq!(out.text(), "Dang Thi Hoa, 26/12: DUOC!\n");
}

#[test]
fn invalid_utf8_is_an_error_naming_file_and_line() {
    let input = b"mot\nhai \xff ba\nbon\n";
    let out = run(&["normalize"], input);
    assert_eq!(out.code, 1);
    assert_eq!(out.text(), "mot\n", "lines before the error are written");
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    assert!(out.stderr.contains("<stdin>:2:"), "{}", out.stderr);
    assert!(out.stderr.contains("invalid UTF-8"));

    let f = temp_file("bad.txt", input);
    let out = run(&["normalize", "--jobs", "2", f.to_str().unwrap()], b"");
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("bad.txt:2:"), "{}", out.stderr);
    assert_eq!(out.stderr.lines().count(), 1);
}

#[test]
fn lossy_replaces_and_warns_once() {
    let out = run(&["normalize", "--lossy"], b"a\xff\nb\nc\xfe\n");
    assert_eq!(out.code, 0);
    assert_eq!(out.text(), "a\u{FFFD}\nb\nc\u{FFFD}\n");
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    assert!(out.stderr.contains("warning"));
}

#[test]
fn crlf_and_bom() {
    let out = run(&["normalize"], b"\xEF\xBB\xBFmot\r\nhai\r\n\r\nba");
    assert_eq!(out.text(), "mot\nhai\n\nba\n");
    // Offsets in JSON count from the line start, after the BOM.
    let out = run(
        &["segment", "--format", "jsonl"],
        b"\xEF\xBB\xBFxin chao\r\n",
    );
    let v: serde_json::Value = serde_json::from_str(out.lines()[0]).unwrap();
    assert_eq!(v["words"][0]["start"], 0);
    assert_eq!(v["words"][0]["text"], "xin");
    let last = v["words"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["end"], 8);
}

#[test]
fn many_files_in_order_each_bom_dropped() {
    let a = temp_file("a.txt", b"\xEF\xBB\xBFmot\nhai\n");
    let b = temp_file("b.txt", b"\xEF\xBB\xBFba");
    let out = run(
        &["normalize", a.to_str().unwrap(), "-", b.to_str().unwrap()],
        b"giua\n",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.text(), "mot\nhai\ngiua\nba\n");
}

#[test]
fn order_preserved_with_jobs() {
    // Several chunks of 1000 lines, lines of varying cost.
    let mut input = String::new();
    for i in 0..5500 {
        if i % 7 == 0 {
            input.push('\n');
        } else {
            input.push_str(&format!(
                "Dòng {i}: ngày {}/{}/2023 {}\n",
                i % 28 + 1,
                i % 12 + 1,
                "chữ ".repeat(i % 50)
            ));
        }
    }
    let one = run(&["segment", "--jobs", "1"], input.as_bytes());
    let two = run(&["segment", "--jobs", "2"], input.as_bytes());
    assert_eq!(one.code, 0);
    assert_eq!(one.lines().len(), 5500);
    assert_eq!(one.stdout, two.stdout);
    assert!(two.lines()[5499].starts_with("Dòng 5499"));
    let n1 = run(&["extract", "--lines", "-j", "1"], input.as_bytes());
    let n2 = run(&["extract", "--lines", "-j", "2"], input.as_bytes());
    assert_eq!(n1.stdout, n2.stdout);
}

#[test]
fn jsonl_input_keeps_ids() {
    let input = "{\"id\": 17, \"text\": \"Sáng 26/12, Ban Tuyên giáo họp.\"}\n\
                 {\"id\": \"doc-b\", \"text\": \"\"}\n\
                 {\"text\": \"Kết luận số 01-KL/TW.\", \"id\": {\"k\": [1, 2]}, \"extra\": true}\n\
                 {\"text\": \"không có id\"}\n";
    let out = run(&["extract", "--jsonl-input", "-j", "2"], input.as_bytes());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines = out.lines();
    assert_eq!(lines.len(), 4);
    let ids: Vec<serde_json::Value> = lines
        .iter()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|v| {
            assert!(v["entities"].is_array() && v["links"].is_array());
            v["id"].clone()
        })
        .collect();
    assert_eq!(
        ids,
        [
            serde_json::json!(17),
            serde_json::json!("doc-b"),
            serde_json::json!({"k": [1, 2]}),
            serde_json::Value::Null,
        ]
    );
    // The id comes first, then the extraction exactly as `extract` writes it.
    assert!(lines[1].starts_with("{\"id\":\"doc-b\",\"entities\":[]"));
}

#[test]
fn extract_output_shape() {
    let text = "Sáng 26/12, Ban Tuyên giáo Tỉnh ủy họp.";
    let out = run(
        &["extract", "--reference-date", "2023-12-30"],
        text.as_bytes(),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.lines().len(), 1, "whole input is one document");
    let v: serde_json::Value = serde_json::from_str(out.lines()[0]).unwrap();
    for e in v["entities"].as_array().unwrap() {
        let (s, t) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..t], e["text"].as_str().unwrap());
        assert!(e["type"].is_string() && e.get("value").is_some());
    }
    assert!(v["links"].is_array());
    // Whole-document mode: an invalid byte is reported with its line.
    let bad = temp_file("doc-bad.txt", b"mot\nhai\nba \xc3\n");
    let out = run(&["extract", bad.to_str().unwrap()], b"");
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("doc-bad.txt:3:"), "{}", out.stderr);
    let out = run(&["extract", "--lossy", bad.to_str().unwrap()], b"");
    assert_eq!((out.code, out.lines().len()), (0, 1));
    // Two files: two documents.
    let a = temp_file("doc1.txt", text.as_bytes());
    let out = run(&["extract", a.to_str().unwrap(), a.to_str().unwrap()], b"");
    assert_eq!(out.lines().len(), 2);
}

#[test]
fn extract_many_files_in_parallel_keeps_order() {
    let texts = [
        "Sáng 26/12, Ban Tuyên giáo Tỉnh ủy họp.",
        "Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị.",
        "",
        "Đồng chí Lò Văn Tân, Phó Bí thư Tỉnh ủy, phát biểu.",
        "quý I/2023",
    ];
    let mut paths = Vec::new();
    let mut expected = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let p = temp_file(&format!("many{i}.txt"), t.as_bytes());
        let single = run(&["extract", p.to_str().unwrap()], b"");
        assert_eq!(single.lines().len(), 1);
        expected.extend_from_slice(&single.stdout);
        paths.push(p.to_str().unwrap().to_string());
    }
    let mut args = vec!["extract", "--jobs", "2"];
    args.extend(paths.iter().map(String::as_str));
    let out = run(&args, b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Each line names its file first, then is the file's result alone.
    let mut got = Vec::new();
    for (line, path) in out.lines().iter().zip(&paths) {
        let prefix = format!("{{\"file\":{},", serde_json::to_string(path).unwrap());
        let rest = line.strip_prefix(&prefix).expect("file first");
        got.extend_from_slice(format!("{{{rest}\n").as_bytes());
    }
    assert_eq!(got, expected);
}

#[test]
fn segment_text_keeps_syllables() {
    // Syllables separated by single spaces come back unchanged once `_` is
    // read as a space.
    let input = "Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị tổng kết công tác năm 2022 , \
                 triển khai nhiệm vụ 26/12 ( Tp.HCM ) v.v.\n\
                 chữ\n";
    let out = run(&["segment"], input.as_bytes());
    assert_eq!(out.code, 0);
    for (i, o) in input.lines().zip(out.lines()) {
        assert_eq!(o.replace('_', " "), i);
        assert!(!o.contains("  ") && !o.contains("__"));
    }
    // Glued pieces stay glued.
    let out = run(&["segment"], "ngày 26/12, (Tp.HCM).\n".as_bytes());
    assert_eq!(out.text().replace('_', " "), "ngày 26/12, (Tp.HCM).\n");
}

#[test]
fn segment_convention() {
    let input = "Bộ Chính trị bàn về Luật Đất đai và chủ nghĩa xã hội.\n\nchữ\n";
    let ud = run(&["segment"], input.as_bytes());
    assert_eq!(ud.code, 0);
    assert_eq!(
        run(&["segment", "--convention", "ud"], input.as_bytes()).stdout,
        ud.stdout
    );
    let vlsp = run(&["segment", "--convention", "vlsp"], input.as_bytes());
    assert_eq!(vlsp.code, 0);
    assert_eq!(
        vlsp.lines(),
        [
            "Bộ_Chính_trị bàn về Luật_Đất_đai và chủ_nghĩa_xã_hội.",
            "",
            "chữ"
        ]
    );
    // One line out per line in, the syllables unchanged.
    for (i, o) in input.lines().zip(vlsp.lines()) {
        assert_eq!(o.replace('_', " "), i);
    }
    // With spans, a user dictionary and several jobs.
    let dict = temp_file("vlsp-dict.txt", "bàn về\n".as_bytes());
    let out = run(
        &[
            "segment",
            "--convention",
            "vlsp",
            "--format",
            "jsonl",
            "--jobs",
            "2",
            "--dict",
            dict.to_str().unwrap(),
        ],
        "Sở Tư pháp bàn về Luật Đất đai\n".as_bytes(),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.text()
            .contains(r#"{"text":"Luật Đất đai","start":25,"end":43"#),
        "{}",
        out.text()
    );
    assert!(out.text().contains(r#""text":"bàn về""#), "{}", out.text());
    // --help names the option and its values.
    let help = run(&["segment", "--help"], b"");
    assert!(help.text().contains("--convention"), "{}", help.text());
    assert!(help.text().contains("vlsp"), "{}", help.text());
}

#[test]
fn syllable_json_lines() {
    let out = run(&["syllable"], "hoà\n\nxyz123\n".as_bytes());
    let lines = out.lines();
    assert_eq!(lines.len(), 3);
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["input"], "hoà");
    assert_eq!(v["valid"], true);
    let v: serde_json::Value = serde_json::from_str(lines[2]).unwrap();
    assert_eq!(v["valid"], false);
}

#[test]
fn sentences_one_per_line() {
    let out = run(&["sentences"], TEXT.as_bytes());
    assert_eq!(
        out.lines(),
        [
            "Sáng 26/12, Ban Tuyên giáo Tỉnh ủy họp.",
            "Đồng chí Lò Văn Tân, Phó Bí thư Tỉnh ủy, phát biểu.",
            "Hội nghị kết thúc.",
            "quý I/2023"
        ]
    );
    let two = run(&["sentences", "-j", "2"], TEXT.as_bytes());
    assert_eq!(out.stdout, two.stdout);
}

#[test]
fn errors_are_one_line_with_status() {
    let out = run(&["normalize", "/nonexistent/vntext-missing.txt"], b"");
    assert_eq!(out.code, 1);
    assert_eq!(out.stderr.lines().count(), 1);
    assert!(out.stderr.contains("vntext-missing.txt"), "{}", out.stderr);
    assert!(out.stdout.is_empty());

    let dir = std::env::temp_dir();
    let out = run(&["segment", dir.to_str().unwrap()], b"");
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("directory"), "{}", out.stderr);

    for args in [
        &["normalize", "--tone", "sideways"][..],
        &["extract", "--reference-date", "2023-02-30"],
        &["frobnicate"],
        &["segment", "--jobs", "0"],
        &["segment", "--jobs", "-3"],
        &["segment", "--jobs", "many"],
        &["extract", "--lines", "--jsonl-input"],
        &["extract", "--strict"],
        &["decode", "--from", "ebcdic"],
        &["segment", "--format", "xml"],
        &["segment", "--offsets", "utf16"],
        &["segment", "-t", "chữ", "file.txt"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.code, 2, "{args:?}");
        assert_eq!(out.stderr.lines().count(), 1, "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.starts_with("vntext: "),
            "{args:?}: {}",
            out.stderr
        );
    }
}

#[test]
fn errors_keep_the_allowed_values() {
    for (args, values) in [
        (
            &["normalize", "--tone", "sideways"][..],
            "modern, traditional, keep",
        ),
        (
            &["decode", "--from", "ebcdic"],
            "auto, tcvn3, vni, viscii, cp1258, utf8",
        ),
        (&["segment", "--format", "xml"], "text, jsonl"),
        (&["segment", "--convention", "vtb"], "ud, vlsp"),
        (&["extract", "--offsets", "utf16"], "bytes, chars"),
    ] {
        let out = run(args, b"");
        assert_eq!(out.code, 2, "{args:?}");
        assert!(out.stderr.contains(values), "{args:?}: {}", out.stderr);
        assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    }
}

#[test]
fn decode_utf8_passes_through() {
    let out = run(&["decode", "--from", "utf8"], "Hoà bình\n".as_bytes());
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.text(), "Hoà bình\n");
}

#[test]
fn demo_runs_from_anywhere() {
    let out = Command::new(bin())
        .current_dir(std::env::temp_dir())
        .output()
        .expect("run demo");
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("dan-van-2023.txt"));
    assert!(s.contains("== Entities"));
    let d = run(&["demo"], b"");
    assert_eq!(d.text(), s);
}

#[test]
fn closed_pipe_ends_quietly() {
    for jobs in ["1", "2"] {
        let mut child = Command::new(bin())
            .args(["normalize", "--jobs", jobs])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let feeder = std::thread::spawn(move || {
            let line = "một dòng văn bản khá dài để lấp đầy bộ đệm\n".repeat(1000);
            for _ in 0..2000 {
                if stdin.write_all(line.as_bytes()).is_err() {
                    break;
                }
            }
        });
        let mut stdout = child.stdout.take().unwrap();
        let mut buf = [0u8; 100];
        stdout.read_exact(&mut buf).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        let _ = feeder.join();
        assert_eq!(out.status.code(), Some(0), "jobs {jobs}");
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn random_bytes_never_panic() {
    // Pseudo-random bytes biased towards Vietnamese UTF-8, punctuation,
    // digits and line breaks.
    let pieces: &[&[u8]] = &[
        "ệ".as_bytes(),
        "Đ".as_bytes(),
        "ư".as_bytes(),
        "\u{0301}".as_bytes(),
        "\u{200B}".as_bytes(),
        "\u{FEFF}".as_bytes(),
        b"TP.",
        b"./.",
        b"...",
        b" ",
        b"\n",
        b"\r\n",
        b"\r",
        b"12/3/2023",
        b"-KL/TW",
        b"\"",
        b"\xff",
        b"\xc3",
        b"\x00",
        b"a",
        b"Ng",
    ];
    let mut x: u64 = 0x2545F4914F6CDD1D;
    let mut input = Vec::new();
    while input.len() < 200_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        input.extend_from_slice(pieces[(x % pieces.len() as u64) as usize]);
    }
    let n_lines = input.split(|&b| b == b'\n').count() - usize::from(input.ends_with(b"\n"));
    for args in [
        &["normalize", "--lossy"][..],
        &[
            "normalize",
            "--lossy",
            "--fold",
            "--lower",
            "--tone",
            "traditional",
        ],
        &["syllable", "--lossy"],
        &["segment", "--lossy", "--format", "jsonl"],
        &["segment", "--lossy"],
        &[
            "extract",
            "--lossy",
            "--lines",
            "--reference-date",
            "2024-02-29",
        ],
    ] {
        let out = run(args, &input);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        assert_eq!(out.lines().len(), n_lines, "{args:?}");
    }
    for args in [
        &["sentences", "--lossy"][..],
        &["extract", "--lossy"],
        &["decode", "--from", "tcvn3", "--lossy"],
        &["decode", "--from", "vni", "--lossy"],
    ] {
        let out = run(args, &input);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    }
    // The input holds NUL bytes: `--from auto` refuses it, with or without
    // --lossy, in one line.
    for args in [&["decode", "--from", "auto"][..], &["decode", "--lossy"]] {
        let out = run(args, &input);
        assert_eq!(out.code, 1, "{args:?}");
        assert!(out.stdout.is_empty());
        assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    }
    let out = run(&["segment"], &input);
    assert_eq!(out.code, 1);
    assert_eq!(out.stderr.lines().count(), 1);
}

/// The contract that makes the JSONL filter safe under Spark's `RDD.pipe` or
/// Hadoop Streaming: one output per input, ids kept, and no state carried
/// between records — each record's output is the same whether it runs alone,
/// in a batch, or in a batch in another order.
#[test]
fn jsonl_filter_keeps_no_state_between_records() {
    let records = [
        r#"{"id": "a", "text": "Hà Nội, ngày 28 tháng 11 năm 2013. Sáng 26/12, đồng chí Lò Văn Pấng, Bí thư Huyện ủy, dự họp."}"#,
        r#"{"id": "b", "text": "Chiều 5/1, UBND tỉnh triển khai Quyết định số 1234/QĐ-UBND."}"#,
        r#"{"id": "c", "text": "Ông Vàng A Dình, Chủ tịch UBND xã, cho biết."}"#,
        r#"{"id": "d", "text": "Theo Nghị định 30/2020/NĐ-CP của Chính phủ, quý I/2023."}"#,
    ];
    let alone: Vec<String> = records
        .iter()
        .map(|r| {
            let out = run(&["extract", "--jsonl-input"], format!("{r}\n").as_bytes());
            assert_eq!(out.code, 0, "{}", out.stderr);
            assert_eq!(out.lines().len(), 1);
            out.lines()[0].to_string()
        })
        .collect();
    let batch = records.join("\n") + "\n";
    let out = run(&["extract", "--jsonl-input", "-j", "2"], batch.as_bytes());
    assert_eq!(
        out.lines(),
        alone.iter().map(String::as_str).collect::<Vec<_>>()
    );
    let reversed: Vec<&str> = records.iter().rev().copied().collect();
    let out = run(
        &["extract", "--jsonl-input", "-j", "1"],
        (reversed.join("\n") + "\n").as_bytes(),
    );
    let mut want: Vec<&str> = alone.iter().map(String::as_str).collect();
    want.reverse();
    assert_eq!(out.lines(), want);
    // The dateline of record "a" must not resolve the year-less date of "b".
    assert!(!alone[1].contains("\"resolved\""), "{}", alone[1]);
    assert!(
        alone[0].contains("\"resolved\":\"2013-12-26\""),
        "{}",
        alone[0]
    );
}

// ------------------------------------------------------------ issue 14

#[test]
fn help_lists_every_mode() {
    let out = run(&["--help"], b"");
    assert_eq!(out.code, 0);
    for mode in [
        "normalize",
        "decode",
        "syllable",
        "sentences",
        "segment",
        "extract",
        "demo",
    ] {
        assert!(
            out.text().lines().any(|l| l.trim_start().starts_with(mode)),
            "{mode} missing from --help:\n{}",
            out.text()
        );
    }
}

#[test]
fn huge_jobs_are_reduced_not_fatal() {
    let input = "Sáng 26/12, Ban Tuyên giáo Tỉnh ủy họp.\nHội nghị kết thúc.\n";
    let one = run(&["segment", "-j", "1"], input.as_bytes());
    for jobs in ["65535", "4294967296", "99999999999999999999999999"] {
        for mode in [&["segment"][..], &["normalize"], &["extract", "--lines"]] {
            let mut args = mode.to_vec();
            args.extend(["--jobs", jobs]);
            let out = run(&args, input.as_bytes());
            assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
            assert_eq!(out.lines().len(), 2, "{args:?}");
            assert!(out.stderr.is_empty(), "{args:?}: {}", out.stderr);
        }
        let out = run(&["segment", "-j", jobs], input.as_bytes());
        assert_eq!(out.stdout, one.stdout);
    }
    // Whole-document extract starts one thread per file, up to --jobs.
    let a = temp_file("jobs-a.txt", "Bộ Chính trị họp.".as_bytes());
    let b = temp_file("jobs-b.txt", "Ngày 18/5/2021.".as_bytes());
    let out = run(
        &[
            "extract".as_ref(),
            "--jobs".as_ref(),
            "65535".as_ref(),
            a.as_os_str(),
            b.as_os_str(),
        ],
        b"",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.lines().len(), 2);
}

/// A text written for these tests with no toned capital letters (TCVN3
/// writes those in lower case), so that every encoding round-trips it.
const VIET: &str = "Sáng 26/12, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị tổng kết công tác năm 2023.\n\
Đồng chí Lò Văn Tân, Phó Bí thư Tỉnh ủy, phát biểu chỉ đạo hội nghị.\n\
Theo Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị, các cấp ủy phải triển khai nghiêm túc.\n";

const LEGACY: [(vntext::Encoding, &str, &str); 4] = [
    (vntext::Encoding::Tcvn3, "tcvn3", "TCVN3"),
    (vntext::Encoding::Vni, "vni", "VNI"),
    (vntext::Encoding::Viscii, "viscii", "VISCII"),
    (vntext::Encoding::Cp1258, "cp1258", "1258"),
];

#[test]
fn decode_auto_reads_every_legacy_encoding() {
    for (enc, name, _) in LEGACY {
        let bytes = vntext::legacy::encode(VIET, enc).unwrap();
        let out = run(&["decode"], &bytes);
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        assert_eq!(out.text(), VIET, "{name}");
        let out = run(&["decode", "--from", name], &bytes);
        assert_eq!(out.text(), VIET, "{name}");
    }
}

#[test]
fn decode_auto_reads_utf16_with_a_bom() {
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in VIET.encode_utf16() {
        le.extend(u.to_le_bytes());
        be.extend(u.to_be_bytes());
    }
    for (what, bytes) in [("le", &le), ("be", &be)] {
        let out = run(&["decode"], bytes);
        assert_eq!(out.code, 0, "{what}: {}", out.stderr);
        assert_eq!(out.text(), VIET, "{what}");
    }
    // A UTF-8 BOM is dropped too.
    let out = run(&["decode"], &[b"\xEF\xBB\xBF", VIET.as_bytes()].concat());
    assert_eq!(out.text(), VIET);
    // An unpaired surrogate is an error, or U+FFFD with --lossy.
    let bad = [0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0];
    let out = run(&["decode"], &bad);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("surrogate"), "{}", out.stderr);
    let out = run(&["decode", "--lossy"], &bad);
    assert_eq!((out.code, out.text()), (0, "a\u{FFFD}b"));
}

/// Inputs in no encoding `decode --from auto` should accept.
fn implausible_inputs() -> Vec<(&'static str, Vec<u8>)> {
    let mut utf16le = Vec::new();
    let mut utf16be = Vec::new();
    for u in VIET.encode_utf16() {
        utf16le.extend(u.to_le_bytes());
        utf16be.extend(u.to_be_bytes());
    }
    // The start of an ELF executable, then pseudo-random bytes.
    let mut elf =
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00\x3e\x00".to_vec();
    let mut random = Vec::new();
    let mut x: u64 = 0x9E3779B97F4A7C15;
    for i in 0..8000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        elf.push(x as u8);
        // Random bytes without NUL, so that the refusal is detection's.
        if i < 4000 {
            random.push((x >> 8) as u8 | 1);
        }
    }
    // French in Latin-1 (ISO 8859-1), written for this test.
    let latin1 = b"Le gar\xe7on a mang\xe9 une p\xeache au march\xe9. L'\xe9t\xe9 dernier, nous \
sommes all\xe9s \xe0 la mer, pr\xe8s de la for\xeat; c'\xe9tait tr\xe8s agr\xe9able.\n"
        .to_vec();
    vec![
        ("utf16le-without-bom", utf16le),
        ("utf16be-without-bom", utf16be),
        ("elf", elf),
        ("random", random),
        ("latin1", latin1),
    ]
}

#[test]
fn decode_auto_refuses_implausible_input() {
    for (what, bytes) in implausible_inputs() {
        for args in [&["decode"][..], &["decode", "--from", "auto", "--lossy"]] {
            let out = run(args, &bytes);
            assert_eq!(out.code, 1, "{what} {args:?}: accepted");
            assert!(out.stdout.is_empty(), "{what}: wrote output");
            assert_eq!(out.stderr.lines().count(), 1, "{what}: {}", out.stderr);
            assert!(out.stderr.contains("not decoded"), "{what}: {}", out.stderr);
        }
    }
    let (_, utf16le) = &implausible_inputs()[0];
    let out = run(&["decode"], utf16le);
    assert!(out.stderr.contains("UTF-16LE"), "{}", out.stderr);
    // ... while a forced encoding still decodes what it is told.
    let (_, latin1) = &implausible_inputs()[4];
    let out = run(&["decode", "--from", "cp1258"], latin1);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn text_modes_refuse_non_utf8_input_with_a_hint() {
    for (enc, name, label) in LEGACY {
        let bytes = vntext::legacy::encode(VIET, enc).unwrap();
        let f = temp_file(&format!("legacy-{name}.txt"), &bytes);
        for mode in [
            &["extract"][..],
            &["extract", "--lines"],
            &["segment"],
            &["normalize"],
            &["sentences"],
        ] {
            let mut args: Vec<&std::ffi::OsStr> = mode.iter().map(|s| s.as_ref()).collect();
            args.push(f.as_os_str());
            let out = run(&args, b"");
            assert_eq!(out.code, 1, "{name} {mode:?}");
            assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
            assert!(
                out.stderr.contains(label),
                "{name} {mode:?}: {}",
                out.stderr
            );
            let cmd = format!("`vntext decode --from {name} {} > OUTPUT.txt`", f.display());
            assert!(out.stderr.contains(&cmd), "{name}: {}", out.stderr);
            assert!(!out.stderr.contains("use --lossy"), "{}", out.stderr);
        }
        // Following the hint gives what the UTF-8 text gives.
        let decoded = run(&["decode", "--from", name, f.to_str().unwrap()], b"");
        let after = run(&["extract"], &decoded.stdout);
        let utf8 = run(&["extract"], VIET.as_bytes());
        assert_eq!(after.stdout, utf8.stdout, "{name}");
        // On standard input the hint reads from standard input.
        let out = run(&["segment"], &bytes);
        assert!(
            out.stderr
                .contains(&format!("vntext decode --from {name} < INPUT")),
            "{}",
            out.stderr
        );
    }
    // UTF-16, with or without a BOM, is named as such.
    for (what, bytes) in implausible_inputs().into_iter().take(2) {
        let out = run(&["segment"], &bytes);
        assert_eq!(out.code, 1, "{what}");
        assert!(out.stderr.contains("UTF-16"), "{what}: {}", out.stderr);
        assert!(out.stdout.is_empty(), "{what}");
    }
    let mut bom = vec![0xFF, 0xFE];
    bom.extend(VIET.encode_utf16().flat_map(|u| u.to_le_bytes()));
    for mode in [&["segment"][..], &["extract"], &["normalize"]] {
        let out = run(mode, &bom);
        assert_eq!(out.code, 1);
        assert!(
            out.stderr.contains("UTF-16LE") && out.stderr.contains("vntext decode"),
            "{}",
            out.stderr
        );
    }
    // Bytes in no known encoding: no misleading hint.
    let (_, latin1) = &implausible_inputs()[4];
    let out = run(&["extract"], latin1);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("not a Vietnamese legacy encoding"),
        "{}",
        out.stderr
    );
}

#[test]
fn jsonl_bad_records_get_error_lines_and_the_run_goes_on() {
    let good = [
        r#"{"id": 1, "text": "Sáng 26/12, Ban Tuyên giáo Tỉnh ủy họp."}"#,
        r#"{"id": 2, "text": "Theo Nghị định 30/2020/NĐ-CP của Chính phủ."}"#,
        r#"{"id": 3, "text": "Hà Nội \ud83d\ude00 ngày 18/5/2021"}"#,
    ];
    // (input line, expected id, words the error must contain)
    let bad: [(&[u8], serde_json::Value, &str); 9] = [
        (
            r#"{"id": "m", "text": "thiếu ngoặc"#.as_bytes(),
            serde_json::Value::Null,
            "malformed JSON",
        ),
        (b"", serde_json::Value::Null, "blank line"),
        (br#"{"id": "n"}"#, serde_json::json!("n"), "no \"text\""),
        (
            br#"{"id": "x", "text": 17}"#,
            serde_json::json!("x"),
            "\"text\" is a number",
        ),
        (
            br#"{"id": "y", "text": null}"#,
            serde_json::json!("y"),
            "\"text\" is null",
        ),
        (
            br#"{"id": "s", "text": "a \ud800 b"}"#,
            serde_json::json!("s"),
            "lone UTF-16 surrogate",
        ),
        (
            br#"{"id": "t", "text": "a \udc00"}"#,
            serde_json::json!("t"),
            "lone UTF-16 surrogate",
        ),
        (br#"[1, 2]"#, serde_json::Value::Null, "not a JSON object"),
        (
            b"{\"id\": 9, \"text\": \"\xff\xfe\"}",
            serde_json::Value::Null,
            "invalid UTF-8",
        ),
    ];
    let mut input = Vec::new();
    let mut expect: Vec<Option<(serde_json::Value, &str)>> = Vec::new();
    for (i, (line, id, why)) in bad.iter().enumerate() {
        input.extend_from_slice(good[i % good.len()].as_bytes());
        input.push(b'\n');
        expect.push(None);
        input.extend_from_slice(line);
        input.push(b'\n');
        expect.push(Some((id.clone(), why)));
    }
    for jobs in ["1", "2"] {
        let out = run(&["extract", "--jsonl-input", "-j", jobs], &input);
        assert_eq!(out.code, 1, "{}", out.stderr);
        assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
        assert!(out.stderr.contains("9 records failed"), "{}", out.stderr);
        assert!(out.stderr.contains("<stdin>:2:"), "{}", out.stderr);
        let lines = out.lines();
        assert_eq!(lines.len(), expect.len(), "one output line per input line");
        for (i, (line, want)) in lines.iter().zip(&expect).enumerate() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            match want {
                None => {
                    let alone = run(&["extract", "--jsonl-input"], good[(i / 2) % 3].as_bytes());
                    assert_eq!(alone.code, 0);
                    assert_eq!(*line, alone.lines()[0]);
                }
                Some((id, why)) => {
                    let obj = v.as_object().unwrap();
                    assert_eq!(obj.len(), 2, "{line}");
                    assert_eq!(&v["id"], id, "{line}");
                    let msg = v["error"].as_str().unwrap();
                    assert!(msg.contains(why), "line {}: {msg}", i + 1);
                }
            }
        }
    }
    // --strict: the first bad record is written, then the run stops.
    let out = run(&["extract", "--jsonl-input", "--strict", "-j", "2"], &input);
    assert_eq!(out.code, 1);
    assert_eq!(out.lines().len(), 2);
    assert!(out.lines()[1].contains("\"error\""));
    assert!(out.stderr.contains("<stdin>:2:") && out.stderr.contains("--strict"));
    assert_eq!(out.stderr.lines().count(), 1);
    // A surrogate pair is one character, not an error.
    let out = run(&["extract", "--jsonl-input"], good[2].as_bytes());
    assert_eq!(out.code, 0, "{}", out.stderr);
}

/// Spans with `--offsets chars` are the indices Python gives
/// (`text.index(entity)`), counted by hand here.
#[test]
fn offsets_chars_are_python_string_indices() {
    // "Hà Nội 😀: " is 10 code points (the emoji is one code point, two
    // UTF-16 units, four bytes).
    let text = "Hà Nội 😀: Bộ Chính trị họp ngày 18/5/2021.";
    let out = run(&["extract", "--offsets", "chars", "-t", text], b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(out.lines()[0]).unwrap();
    let spans: Vec<(String, u64, u64)> = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["text"].as_str().unwrap().to_string(),
                e["start"].as_u64().unwrap(),
                e["end"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(
        spans.contains(&("Bộ Chính trị".into(), 10, 22)),
        "{spans:?}"
    );
    assert!(
        spans.contains(&("ngày 18/5/2021".into(), 27, 41)),
        "{spans:?}"
    );
    // Python: "Đồng chí Lò Văn Tân, ...".index("Lò Văn Tân") == 9, etc.
    let text = "Đồng chí Lò Văn Tân, Phó Bí thư Tỉnh ủy, phát biểu.";
    for args in [
        vec!["extract", "--offsets", "chars", "-t", text],
        vec!["extract", "--lines", "--offsets", "chars", "-t", text],
    ] {
        let out = run(&args, b"");
        let v: serde_json::Value = serde_json::from_str(out.lines()[0]).unwrap();
        let got: Vec<(u64, u64)> = v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap()))
            .collect();
        for want in [(9, 19), (21, 39), (32, 39)] {
            assert!(got.contains(&want), "{args:?}: {got:?}");
        }
    }
    // The same in --jsonl-input, where the text arrives with JSON escapes:
    // offsets index the decoded string (what Python's json.loads gives).
    let rec = r#"{"id": 1, "text": "\u0110\u1ed3ng ch\u00ed L\u00f2 V\u0103n T\u00e2n, Ph\u00f3 B\u00ed th\u01b0 T\u1ec9nh \u1ee7y, ph\u00e1t bi\u1ec3u."}"#;
    let out = run(
        &["extract", "--jsonl-input", "--offsets", "chars"],
        rec.as_bytes(),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.text()
            .contains(r#""start":9,"end":19,"text":"Lò Văn Tân""#),
        "{}",
        out.text()
    );
    // Segment: each word's chars span slices the line's code points to the
    // word (NFD marks count as code points of their own).
    let line = "Ông Nguyễn Văn A\u{0301} đi Hà Nội 😀 năm 2023.";
    let out = run(
        &[
            "segment",
            "--format",
            "jsonl",
            "--offsets",
            "chars",
            "-t",
            line,
        ],
        b"",
    );
    let v: serde_json::Value = serde_json::from_str(out.lines()[0]).unwrap();
    let chars: Vec<char> = line.chars().collect();
    let words = v["words"].as_array().unwrap();
    assert!(words.len() > 5);
    for w in words {
        let (s, e) = (
            w["start"].as_u64().unwrap() as usize,
            w["end"].as_u64().unwrap() as usize,
        );
        let slice: String = chars[s..e].iter().collect();
        assert_eq!(slice, w["text"].as_str().unwrap());
    }
    // Bytes stay the default.
    let out = run(&["extract", "-t", text], b"");
    assert!(
        out.text().contains(r#""start":13,"end":26"#),
        "{}",
        out.text()
    );
}

#[test]
fn extract_bytes_output_is_the_library_serialization() {
    let out = run(&["extract", "-t", VIET], b"");
    let lib = serde_json::to_string(&vntext::Extractor::new().extract(VIET)).unwrap();
    assert_eq!(out.text(), format!("{lib}\n"));
}

#[test]
fn text_argument_instead_of_files() {
    let out = run(
        &["segment", "-t", "Ban Tuyên giáo Tỉnh ủy\nhọp"],
        b"ignored",
    );
    assert_eq!(out.code, 0);
    assert_eq!(out.text(), "Ban Tuyên_giáo Tỉnh_ủy\nhọp\n");
    let out = run(&["normalize", "--text", "Hoà", "--text", "Thuỷ"], b"");
    assert_eq!(out.text(), "Hoà\nThuỷ\n");
}

#[test]
fn extract_names_the_file_when_given_several() {
    let a = temp_file("named-a.txt", "Bộ Chính trị họp.".as_bytes());
    let b = temp_file("named-b.txt", "Ngày 18/5/2021.\nHội nghị.".as_bytes());
    let (an, bn) = (a.to_str().unwrap(), b.to_str().unwrap());
    let out = run(&["extract", an, bn], b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let files: Vec<serde_json::Value> = out
        .lines()
        .iter()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["file"].clone())
        .collect();
    assert_eq!(files, [serde_json::json!(an), serde_json::json!(bn)]);
    assert!(out.lines()[0].starts_with(&format!("{{\"file\":\"{an}\",\"entities\":")));
    let out = run(&["extract", "--lines", an, bn], b"");
    let files: Vec<String> = out
        .lines()
        .iter()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["file"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(files, [an, bn, bn]);
    // One input: no "file".
    let out = run(&["extract", an], b"");
    assert!(out.lines()[0].starts_with("{\"entities\":"));
}

#[test]
fn segment_with_a_user_dictionary() {
    let line = "Cảng hàng không Long Thành khởi công\n";
    let plain = run(&["segment"], line.as_bytes());
    assert!(
        !plain.text().contains("Cảng_hàng_không_Long_Thành"),
        "{}",
        plain.text()
    );
    let dict = temp_file(
        "dict.txt",
        "# airports\n\ncảng hàng không Long Thành\nkhởi_công\n".as_bytes(),
    );
    let out = run(
        &["segment".as_ref(), "--dict".as_ref(), dict.as_os_str()],
        line.as_bytes(),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.text(), "Cảng_hàng_không_Long_Thành khởi_công\n");
    // A bad entry is reported with its file and line.
    let bad = temp_file("dict-bad.txt", "# ok\nhội nghị\nhọp, bàn\n".as_bytes());
    let out = run(
        &["segment".as_ref(), "--dict".as_ref(), bad.as_os_str()],
        line.as_bytes(),
    );
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("dict-bad.txt:3:"), "{}", out.stderr);
    assert_eq!(out.stderr.lines().count(), 1);
    let out = run(&["segment", "--dict", "/nonexistent/dict.txt"], b"");
    assert_eq!((out.code, out.stderr.lines().count()), (1, 1));
}

#[test]
fn demo_on_a_file() {
    let f = temp_file("demo.txt", VIET.as_bytes());
    let out = run(&["demo".as_ref(), f.as_os_str()], b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.text().contains("demo.txt"));
    assert!(out.text().contains("Bộ Chính trị"));
    assert!(out.text().contains("ORGANIZATION"));
    assert!(!out.text().contains("Other samples"));
    let out = run(&["demo", "/nonexistent/demo.txt"], b"");
    assert_eq!((out.code, out.stderr.lines().count()), (1, 1));
    let tcvn3 = temp_file(
        "demo-tcvn3.txt",
        &vntext::legacy::encode(VIET, vntext::Encoding::Tcvn3).unwrap(),
    );
    let out = run(&["demo".as_ref(), tcvn3.as_os_str()], b"");
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("decode --from tcvn3"), "{}", out.stderr);
}

/// Each line-oriented mode writes, for an empty line, what it writes for
/// empty text (documented in `--help` and the README).
#[test]
fn empty_line_output_per_mode() {
    let cases: [(&[&str], &str); 7] = [
        (&["normalize"], ""),
        (&["normalize", "--fold", "--lower"], ""),
        (&["segment"], ""),
        (&["segment", "--format", "jsonl"], r#"{"words":[]}"#),
        (&["syllable"], r#"{"input":"","valid":false}"#),
        (&["extract", "--lines"], r#"{"entities":[],"links":[]}"#),
        (
            &["extract", "--jsonl-input"],
            r#"{"id":null,"error":"blank line, not a JSON object"}"#,
        ),
    ];
    for (args, want) in cases {
        let out = run(args, b"\n\n");
        assert_eq!(out.text(), format!("{want}\n{want}\n"), "{args:?}");
    }
    // `sentences` writes sentences, and an empty line has none; whole-input
    // extract gives one (empty) result for the document.
    assert_eq!(run(&["sentences"], b"\n\n").stdout, b"");
    assert_eq!(
        run(&["extract"], b"\n\n").text(),
        "{\"entities\":[],\"links\":[]}\n"
    );
}
