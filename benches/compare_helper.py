#!/usr/bin/env python3
"""Side-by-side comparison of vntext with pyvi, underthesea and Python's
unicodedata: word-segmentation F1 and speed, normalization speed and
agreement. Run by benches/compare (which sets up the venv and the inputs);
not a test, not run by CI.

Timing: for the Python tools, wall time of the processing loop only (model
loading, imports and file reading excluded; one warm-up call first); for
vntext, wall time of the whole `vntext` process (start-up, reading the
file, writing the output included).
"""

import argparse
import os
import re
import subprocess
import sys
import time
import unicodedata


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")[:-1] if os.path.getsize(path) else []


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line)
            f.write("\n")


def mb(nbytes):
    return nbytes / 1e6


def run_python(fn, lines):
    """Applies fn to every line; returns (outputs, seconds of the loop)."""
    if lines:
        fn(lines[0])  # warm-up (lazy model loading)
    t = time.perf_counter()
    out = [fn(x) for x in lines]
    return out, time.perf_counter() - t


def run_vntext(binary, args, path, out_path):
    """Runs `vntext ARGS < path > out_path`; returns (output lines, seconds)."""
    t = time.perf_counter()
    with open(path, "rb") as fin, open(out_path, "wb") as fout:
        proc = subprocess.run([binary] + args, stdin=fin, stdout=fout, stderr=subprocess.PIPE)
    secs = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(
            "vntext %s failed (%d): %s" % (" ".join(args), proc.returncode, proc.stderr.decode()[:300])
        )
    return read_lines(out_path), secs


def f1(score_py, gold, pred):
    proc = subprocess.run(
        [sys.executable, score_py, "score", gold, pred], capture_output=True, text=True
    )
    m = re.search(r"^F1 ([0-9.]+)\s*$", proc.stdout, re.M)
    if not m:
        return None, (proc.stdout + proc.stderr).strip()[-300:]
    mism = re.search(r"text_mismatch_lines\s+(\d+)", proc.stdout)
    return float(m.group(1)), ("%s text-mismatch lines" % mism.group(1)) if mism else ""


def load_tools():
    tools = {}
    try:
        from pyvi import ViTokenizer

        tools["pyvi"] = ViTokenizer.tokenize
    except Exception as e:  # noqa: BLE001 - report and continue
        print("pyvi unavailable: %s" % e, file=sys.stderr)
    try:
        from underthesea import word_tokenize, text_normalize

        tools["underthesea"] = lambda s: word_tokenize(s, format="text")
        tools["underthesea_norm"] = text_normalize
    except Exception as e:  # noqa: BLE001
        print("underthesea unavailable: %s" % e, file=sys.stderr)
    return tools


def table(title, header, rows):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    print()
    print(title)
    line = "  ".join(str(h).ljust(w) for h, w in zip(header, widths))
    print(line)
    print("-" * len(line))
    for r in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vntext", required=True)
    ap.add_argument("--score", required=True, help="path of ws_score.py")
    ap.add_argument("--raw", required=True)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--bench", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()

    tools = load_tools()
    raw = read_lines(a.raw)
    bench = read_lines(a.bench)
    bench_bytes = os.path.getsize(a.bench)
    print("inputs: %s (%d lines, %.2f MB), %s (%d lines, %.2f MB)"
          % (a.raw, len(raw), mb(os.path.getsize(a.raw)), a.bench, len(bench), mb(bench_bytes)))

    # ---- word segmentation --------------------------------------------------
    # vntext runs twice: on one thread (the fair comparison with the
    # single-threaded Python tools, and the base of the ratios) and with its
    # default of all cores.
    vn_args = {
        "vntext segment --jobs 1": ["segment", "--jobs", "1"],
        "vntext segment (all cores)": ["segment"],
        # The VLSP convention joins names of bodies and laws that UD's gold
        # splits, so its F1 against this UD test set is lower by design.
        "vntext segment --convention vlsp --jobs 1": ["segment", "--convention", "vlsp", "--jobs", "1"],
    }
    seg = [(n, None) for n in vn_args] + [(n, tools[n]) for n in ("pyvi", "underthesea") if n in tools]
    rows = []
    speeds = {}
    for name, fn in seg:
        pred = os.path.join(a.work, "pred-%s.txt" % name.split()[0])
        out_bench = os.path.join(a.work, "bench-out-%s.txt" % name.split()[0])
        try:
            if fn is None:
                run_vntext(a.vntext, vn_args[name], a.raw, pred)
                # A whole vntext process on the bench file lasts about a
                # tenth of a second, so one run is at the mercy of the VM's
                # scheduler: take the best of five (the Python loops last
                # seconds and are timed once).
                secs = min(run_vntext(a.vntext, vn_args[name], a.bench, out_bench)[1] for _ in range(5))
                how = "whole process, best of 5"
            else:
                out, _ = run_python(fn, raw)
                write_lines(pred, out)
                print("timing %s on %.1f MB ..." % (name, mb(bench_bytes)), file=sys.stderr)
                _, secs = run_python(fn, bench)
                how = "loop only"
        except Exception as e:  # noqa: BLE001
            print("%s failed: %s" % (name, e), file=sys.stderr)
            continue
        score, note = f1(a.score, a.gold, pred)
        speeds[name] = mb(bench_bytes) / secs
        rows.append([name, "%.2f" % score if score is not None else "n/a", "%.3f" % speeds[name],
                     "%.2f" % secs, how, note])
    base = speeds.get("vntext segment --jobs 1")
    for r in rows:
        r.insert(4, "%.1fx" % (base / speeds[r[0]]) if base else "n/a")
    table("Word segmentation: F1 on UD VTB test (ws_score.py), speed on the bench file",
          ["tool", "F1 %", "MB/s", "seconds", "vntext (1 thread) speed ÷ tool speed", "timed", "note"], rows)

    # ---- normalization ------------------------------------------------------
    nfd_path = os.path.join(a.work, "bench-nfd.txt")
    bench_nfd = [unicodedata.normalize("NFD", x) for x in bench]
    write_lines(nfd_path, bench_nfd)
    nfd_bytes = os.path.getsize(nfd_path)
    inputs = [("NFC input", a.bench, bench, bench_bytes), ("NFD input", nfd_path, bench_nfd, nfd_bytes)]
    systems = [
        ("unicodedata NFC", lambda s: unicodedata.normalize("NFC", s), None, None),
        ("vntext normalize --tone keep --no-cleanup", None,
         ["normalize", "--tone", "keep", "--no-cleanup"], "unicodedata NFC"),
        ("vntext normalize (modern, cleanup)", None, ["normalize"], None),
        ("vntext normalize --tone traditional", None, ["normalize", "--tone", "traditional"],
         "underthesea text_normalize"),
    ]
    if "underthesea_norm" in tools:
        systems.append(("underthesea text_normalize", tools["underthesea_norm"], None,
                        "vntext normalize --tone traditional"))
    outputs = {}
    results = {}
    for label, path, lines, nbytes in inputs:
        for name, fn, args, _ in systems:
            try:
                if fn is None:
                    runs = [run_vntext(a.vntext, args, path, os.path.join(a.work, "norm-out.txt")) for _ in range(5)]
                    out, secs = runs[-1][0], min(r[1] for r in runs)
                else:
                    print("timing %s on %s ..." % (name, label), file=sys.stderr)
                    out, secs = run_python(fn, lines)
            except Exception as e:  # noqa: BLE001
                print("%s failed: %s" % (name, e), file=sys.stderr)
                continue
            outputs[(name, label)] = out
            results[(name, label)] = mb(nbytes) / secs
    rows = []
    for name, fn, _, other in systems:
        row = [name]
        for label, *_ in inputs:
            s = results.get((name, label))
            row.append("%.2f" % s if s else "n/a")
        agree = []
        if other:
            for label, *_ in inputs:
                x, y = outputs.get((name, label)), outputs.get((other, label))
                if x is not None and y is not None and len(x) == len(y):
                    same = sum(1 for p, q in zip(x, y) if p == q)
                    agree.append("%s %.2f%%" % (label.split()[0], 100.0 * same / max(1, len(x))))
        row.append(("lines equal to %s: " % other + ", ".join(agree)) if agree else "")
        row.append("whole process, best of 5" if fn is None else "loop only")
        rows.append(row)
    table("Normalization speed (MB/s of input) on the bench file and its NFD form",
          ["system", "MB/s NFC in", "MB/s NFD in", "agreement", "timed"], rows)

    # Where the systems compared above disagree (first differing word).
    shown = set()
    for name, _, _, other in systems:
        if not other or (other, name) in shown:
            continue
        shown.add((name, other))
        x, y = outputs.get((name, "NFC input")), outputs.get((other, "NFC input"))
        if x is None or y is None:
            continue
        diffs = {}
        for p, q in zip(x, y):
            if p != q:
                pw, qw = p.split(), q.split()
                for a_w, b_w in zip(pw, qw):
                    if a_w != b_w:
                        diffs[(a_w, b_w)] = diffs.get((a_w, b_w), 0) + 1
                        break
        if diffs:
            top = sorted(diffs.items(), key=lambda kv: -kv[1])[:5]
            print("\n%s vs %s, first differing word per line (count): %s" % (
                name, other, "; ".join("%r vs %r (%d)" % (a_w, b_w, n) for (a_w, b_w), n in top)))


if __name__ == "__main__":
    main()
