//! Tests of the `vntext` command-line tool (examples/vntext.rs), run as a
//! separate process.
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

fn run(args: &[&str], input: &[u8]) -> Out {
    let mut child = Command::new(bin())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn vntext");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let feeder = std::thread::spawn(move || {
        // The tool may stop reading early (on an error); ignore EPIPE.
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait for vntext");
    let _ = feeder.join();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
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
                 \n\
                 {\"text\": \"Kết luận số 01-KL/TW.\", \"id\": {\"k\": [1, 2]}, \"extra\": true}\n";
    let out = run(&["extract", "--jsonl-input", "-j", "2"], input.as_bytes());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines = out.lines();
    assert_eq!(lines.len(), 4);
    let ids: Vec<serde_json::Value> = lines
        .iter()
        .filter(|l| !l.is_empty())
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
            serde_json::json!({"k": [1, 2]})
        ]
    );
    assert_eq!(lines[2], "");
    // A record without "text" stops with its position.
    let out = run(
        &["extract", "--jsonl-input"],
        b"{\"id\":1,\"text\":\"a\"}\n{\"id\":2}\n",
    );
    assert_eq!(out.code, 1);
    assert_eq!(out.lines().len(), 1);
    assert!(out.stderr.contains("<stdin>:2:"), "{}", out.stderr);
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
    assert_eq!(out.stdout, expected);
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
        &["extract", "--lines", "--jsonl-input"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.code, 2, "{args:?}");
        assert_eq!(out.stderr.lines().count(), 1, "{args:?}: {}", out.stderr);
    }

    let out = run(&["decode", "--from", "ebcdic"], b"abc");
    assert_eq!(out.code, 1);
    assert_eq!(out.stderr.lines().count(), 1);
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
        &["decode", "--from", "auto", "--lossy"],
        &["decode", "--from", "tcvn3", "--lossy"],
        &["decode", "--from", "vni", "--lossy"],
    ] {
        let out = run(args, &input);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    }
    // Without --lossy: an error naming the first bad line, no panic.
    let out = run(&["decode", "--from", "auto"], &input);
    assert!(out.code == 0 || (out.code == 1 && out.stderr.lines().count() == 1));
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
