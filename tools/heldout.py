#!/usr/bin/env python3
"""Held-out entity evaluation set: stored as references + annotations only.

Commands (standard library only):
  heldout.py materialize [SHARED_DATA_DIR] OUT.jsonl
      read each referenced line from SHARED_DATA_DIR, verify its sha1, add "text"
      and each entity's "text"; OUT is a gold file in the entities-dev format
      accepted by `eval_entities --score` and shared/tools/entity_score.py.
      OUT is written only when every line was found and verified.
  heldout.py check [SHARED_DATA_DIR]
      validate data/eval/heldout.jsonl: ids, sorting, value schema, links point
      to OFFICIAL/TITLE; with the corpus available also sha1s and that
      spans do not start/end with whitespace or punctuation and that spans of
      the same type do not overlap.
  heldout.py build WORKFILE SHARED_DATA_DIR [OUT]
      annotation helper: turn a working file that names entities by their text
      into offsets (see data/eval/README.md, "Annotation workflow").

`materialize` takes `--genre NAME` to write only the records whose optional
"genre" field is NAME (records of the genre-balanced sets carry one). In a `build`
work file, a line `# genre: NAME` gives that genre to the records that follow it.

Every command takes `--set FILE` to work on another stored set than
data/eval/heldout.jsonl (e.g. `--set data/eval/dev2.jsonl`).

SHARED_DATA_DIR is the corpus folder (README, "Data"); without it, the folder
named by the environment variable VNTEXT_DATA, else ../shared/data next to the
repository. Errors are one line on stderr with exit status 1 (2 for usage).
"""
import hashlib, json, os, re, sys, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HELDOUT = os.path.join(ROOT, "data", "eval", "heldout.jsonl")
TYPES = ("DATE", "DOCREF", "OFFICIAL", "TITLE", "ORGANIZATION")
DOCREF_KEYS = ("kind", "number", "year", "code", "issuer", "date", "body")


class Fail(Exception):
    """An error reported as one line (no traceback), exit status 1."""


def die(msg):
    raise Fail(msg)


def default_data_dir():
    """$VNTEXT_DATA, else ../shared/data next to the repository."""
    return os.environ.get("VNTEXT_DATA") or os.path.join(ROOT, "..", "shared", "data")


def data_dir_or_die(d):
    d = d or default_data_dir()
    if not os.path.isdir(d):
        die(f"corpus folder not found: {d} (pass SHARED_DATA_DIR or set VNTEXT_DATA; "
            f"README, 'Data', says how to get it)")
    return d


def sha1(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def read_line(data_dir, rel, line, count=1):
    """Line `line` (1-based) of the file, or `count` consecutive lines from it
    joined with "\n" (a multi-line record: a heading or a signature block)."""
    got = []
    path = os.path.join(data_dir, rel)
    if not os.path.isfile(path):
        die(f"{path}: corpus file not found (is {data_dir} the corpus folder?)")
    with open(path, encoding="utf-8", newline="") as f:
        for i, l in enumerate(f, 1):
            if line <= i < line + count:
                got.append(l.rstrip("\r\n") if l.endswith("\n") else l)
            if len(got) == count:
                return "\n".join(got)
    die(f"{rel}: no line {line + len(got)} (corpus changed?)")


def read_source(data_dir, src):
    """The text of a record's `source` ({"file", "line", "lines"?})."""
    return read_line(data_dir, src["file"], src["line"], src.get("lines", 1))


def load(path=None):
    path = path or HELDOUT
    recs = []
    with open(path, encoding="utf-8") as f:
        for n, l in enumerate(f, 1):
            if not l.strip():
                continue
            try:
                recs.append(json.loads(l))
            except ValueError as e:
                die(f"{path}:{n}: not JSON ({e})")
    return recs


def is_edge_bad(ch):
    return ch.isspace() or unicodedata.category(ch)[0] in "PZ"


# ---------------------------------------------------------------- materialize
def materialize(data_dir, out, genre=None):
    recs = [r for r in load() if genre is None or r.get("genre") == genre]
    if not recs:
        die(f"no records{' of genre ' + genre if genre else ''} in {HELDOUT}")
    data_dir = data_dir_or_die(data_dir)
    lines = []
    for r in recs:
        t = read_source(data_dir, r["source"])
        if sha1(t) != r["sha1"]:
            die(f"{r['id']}: sha1 mismatch for {r['source']} (corpus changed?)")
        g = {"id": r["id"], "source": r["source"], "text": t, "sha1": r["sha1"],
             "scope": r["scope"], "entities": [], "links": r["links"]}
        for e in r["entities"]:
            g["entities"].append({"type": e["type"], "start": e["start"], "end": e["end"],
                                  "text": t[e["start"]:e["end"]], "value": e["value"]})
        lines.append(json.dumps(g, ensure_ascii=False) + "\n")
    # Written whole or not at all: a failed run leaves no partial file.
    tmp = out + ".part"
    with open(tmp, "w", encoding="utf-8") as f:
        f.writelines(lines)
    os.replace(tmp, out)
    print(f"wrote {len(recs)} lines to {out}", file=sys.stderr)


# ---------------------------------------------------------------------- check
def check(data_dir=None):
    if data_dir is None:
        data_dir = default_data_dir() if os.path.isdir(default_data_dir()) else None
    else:
        data_dir = data_dir_or_die(data_dir)
    recs = load()
    errs = []
    ids = set()
    for r in recs:
        rid = r.get("id")
        E = lambda m: errs.append(f"{rid}: {m}")
        if rid in ids:
            E("duplicate id")
        ids.add(rid)
        for k in ("source", "sha1", "scope", "entities", "links"):
            if k not in r:
                E(f"missing {k}")
        if "text" in r or any("text" in e for e in r["entities"]):
            E("stored record must not contain text")
        ents = r["entities"]
        keys = [(e["start"], -e["end"]) for e in ents]
        if keys != sorted(keys):
            E("entities not sorted by (start,-end)")
        for e in ents:
            if e["type"] not in TYPES:
                E(f"bad type {e['type']}")
            if not (0 <= e["start"] < e["end"]):
                E(f"bad span {e}")
            v = e["value"]
            if e["type"] == "DATE" and not re.fullmatch(r"(\d{4}(-\d\d(-\d\d)?)?|--\d\d(-\d\d)?)", v.get("iso", "")):
                E(f"bad DATE iso {v}")
            if e["type"] == "DOCREF" and any(k not in v for k in DOCREF_KEYS):
                E(f"DOCREF value lacks keys {v}")
            if e["type"] == "OFFICIAL" and "name" not in v:
                E(f"OFFICIAL without name {e}")
            if e["type"] == "TITLE" and v not in ({}, {"former": True}):
                E(f"bad TITLE value {v}")
            if e["type"] == "ORGANIZATION" and v != {}:
                E(f"bad ORGANIZATION value {v}")
        for a, b in r["links"]:
            if not (0 <= a < len(ents) and 0 <= b < len(ents)) or ents[a]["type"] != "OFFICIAL" \
                    or ents[b]["type"] != "TITLE":
                E(f"bad link {[a, b]}")
        for t in TYPES:
            sp = sorted((e["start"], e["end"]) for e in ents if e["type"] == t)
            for (s1, e1), (s2, e2) in zip(sp, sp[1:]):
                if s2 < e1:
                    E(f"overlapping {t} spans {(s1, e1)} {(s2, e2)}")
        if data_dir:
            txt = read_source(data_dir, r["source"])
            if sha1(txt) != r["sha1"]:
                E("sha1 mismatch")
                continue
            for e in ents:
                if e["end"] > len(txt):
                    E(f"span beyond text {e}")
                    continue
                s = txt[e["start"]:e["end"]]
                if is_edge_bad(s[0]) or is_edge_bad(s[-1]):
                    # a closing bracket is allowed to end the weekday form "Sáng thứ Hai (15/5)"
                    if not (e["type"] == "DATE" and s.endswith(")") and "(" in s):
                        E(f"span starts/ends with space or punctuation: {e['type']} {s!r}")
                if e["type"] == "OFFICIAL" and e["value"]["name"] != s:
                    E(f"OFFICIAL name differs from span {s!r}")
    if not data_dir:
        print("note: corpus not found, text-based checks skipped", file=sys.stderr)
    for m in errs:
        print(m)
    n = sum(len(r["entities"]) for r in recs)
    print(f"{len(recs)} lines, {n} entities, {sum(len(r['links']) for r in recs)} links: "
          f"{'OK' if not errs else str(len(errs)) + ' problems'}", file=sys.stderr)
    return 1 if errs else 0


# ---------------------------------------------------------------------- build
ABBR = {"D": "DATE", "R": "DOCREF", "P": "OFFICIAL", "T": "TITLE", "O": "ORGANIZATION"}
POD = ["rạng sáng", "sáng", "trưa", "chiều", "tối", "đêm", "khuya"]


def parse_date(s):
    """Value for a DATE span (common Vietnamese forms); override with | iso=..."""
    v = {}
    low = s.lower()
    for p in POD:
        if low.startswith(p + " "):
            v["part_of_day"] = p
            break
    m = re.search(r"thứ (hai|ba|tư|năm|sáu|bảy)|chủ nhật", low)
    if m:
        v["weekday"] = m.group(0)
    core = re.sub(r"^(rạng sáng|sáng|trưa|chiều|tối|đêm|khuya)\s+", "", low)
    core = re.sub(r"^(ngày|tháng|năm|quý)\s+", "", core)
    m = re.search(r"(\d{1,2})\s*(?:tháng|/|-|\.)\s*(\d{1,2})\s*(?:năm|/|-|\.)\s*(\d{4})", core)
    if m:
        v["iso"] = f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
        return v
    m = re.fullmatch(r"(\d{1,2})\s*(?:/|-)\s*(\d{4})", core)
    if m:
        v["iso"] = f"{m[2]}-{int(m[1]):02d}"
        return v
    m = re.search(r"(\d{1,2})\s*(?:tháng|/|-|\.)\s*(\d{1,2})", core)
    if m:
        v["iso"] = f"--{int(m[2]):02d}-{int(m[1]):02d}"
        return v
    m = re.fullmatch(r"(\d{4})", core)
    if m:
        v["iso"] = m[1]
        return v
    return v


def parse_docref(s):
    v = dict.fromkeys(DOCREF_KEYS)
    m = re.search(r"\d+[\w./\-&Đ ]*?(?=\s+ngày|\s+tháng|\s+của|$)", s)
    head = s[:m.start()] if m else s
    num = m.group(0).strip() if m else ""
    kind = re.sub(r"\s*số:?\s*$", "", head, flags=re.I).strip()
    if kind:
        kinds = ["Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị", "Thông tư", "Công điện", "Luật",
                 "Bộ luật", "Pháp lệnh", "Kế hoạch", "Kết luận", "Hướng dẫn", "Công văn", "Văn bản", "Đề án",
                 "Thông báo"]
        for k in sorted(kinds, key=len, reverse=True):
            if kind.lower().startswith(k.lower()):
                rest = kind[len(k):].strip()
                v["kind"] = k
                if rest:
                    v["name"] = rest
                break
        else:
            v["kind"] = kind[0].upper() + kind[1:]
    num = re.sub(r"\s+", "", num)
    parts = re.split(r"/", num)
    v["number"] = re.split(r"[-/]", num)[0]
    if len(parts) >= 2 and re.fullmatch(r"\d{4}", parts[1]):
        v["year"] = parts[1]
        tail = "/".join(parts[2:])
    else:
        first = parts[0]
        tail = "/".join(parts[1:])
        if "-" in first:  # Party style 36-HD/VPTW
            tail = first.split("-", 1)[1] + "/" + tail if tail else first.split("-", 1)[1]
    if tail:
        if "/" in tail:
            code, iss = tail.split("/", 1)
            v["code"] = code or None
        elif "-" in tail:
            code, iss = tail.split("-", 1)
            v["code"] = code
        else:
            code, iss = None, tail
        iss = iss.replace("/", "")
        if iss and "-" in iss and v["code"]:
            iss, unit = iss.split("-", 1)
            v["unit"] = unit
        v["issuer"] = iss or None
    dm = re.search(r"(ngày .*?\d{4}|tháng \d{1,2}/\d{4})(?=\s+của|$)", s)
    if dm:
        v["date"] = parse_date(dm.group(1)).get("iso")
    bm = re.search(r"\s của (.*)$", s)
    if bm:
        v["body"] = bm.group(1)
    return v


def nfc_map(txt):
    """NFC form of txt plus, per NFC char, the start/end offsets in txt."""
    clusters, i = [], 0
    while i < len(txt):
        j = i + 1
        while j < len(txt) and unicodedata.combining(txt[j]):
            j += 1
        clusters.append((i, j))
        i = j
    out, cs, ce = [], [], []
    for a, b in clusters:
        c = unicodedata.normalize("NFC", txt[a:b])
        for ch in c:
            out.append(ch)
            cs.append(a)
            ce.append(b)
    return "".join(out), cs, ce


def build(work, data_dir, out=None):
    out = out or HELDOUT
    sel = {}
    blocks, cur, genre = [], None, None
    for raw in open(work, encoding="utf-8"):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        m = re.match(r"^#\s*genre:\s*(\S+)\s*$", line)
        if m:  # "# genre: NAME": the records that follow get "genre": NAME
            genre = m[1]
            continue
        m = re.match(r"^([a-z]+\d{3})\s+(\S+)\s+(\d+)(?:-(\d+))?\s*$", line)
        if m:
            last = int(m[4]) if m[4] else int(m[3])
            if last < int(m[3]):
                die(f"bad line range: {line}")
            cur = {"id": m[1], "file": m[2], "line": int(m[3]), "lines": last - int(m[3]) + 1,
                   "ents": [], "genre": genre}
            blocks.append(cur)
            continue
        m = re.match(r"^\s+([DRPTO])\s+(.*)$", line)
        if not m:
            die(f"cannot parse: {line}")
        typ, rest = ABBR[m[1]], m[2]
        over = {}
        if " | " in rest:
            rest, o = rest.split(" | ", 1)
            for kv in o.split(";"):
                kv = kv.strip()
                if kv == "former":
                    over["former"] = True
                elif kv:
                    k, val = kv.split("=", 1)
                    over[k.strip()] = None if val.strip() == "null" else val.strip()
        label, links, occ = None, [], None
        toks = rest.rsplit(" ", 3)
        while True:
            mm = re.search(r"\s(=\w+|<[\w,]+|@\d+)$", rest)
            if not mm:
                break
            t = mm.group(1)
            if t[0] == "=":
                label = t[1:]
            elif t[0] == "<":
                links += t[1:].split(",")
            else:
                occ = int(t[1:])
            rest = rest[:mm.start()]
        rest = rest.replace("\\n", "\n")  # "\n" in a span of a multi-line record: a line break
        cur["ents"].append({"type": typ, "text": rest, "over": over, "label": label, "links": links, "occ": occ})
    recs = []
    problems = 0
    for b in blocks:
        txt = read_line(data_dir, b["file"], b["line"], b["lines"])
        used = {}
        ents = []
        for e in b["ents"]:
            needle = unicodedata.normalize("NFC", e["text"])
            nfc, cstart, cend = nfc_map(txt)  # match ignoring composed/decomposed storage
            occs = [(cstart[m.start()], cend[m.end() - 1]) for m in re.finditer(re.escape(needle), nfc)]
            key = (e["type"], e["text"])
            if e["occ"]:
                k = e["occ"] - 1
            else:
                k = used.get(key, 0)
            used[key] = k + 1
            if k >= len(occs):
                print(f"{b['id']}: {e['type']} {e['text']!r} occurrence {k + 1} not found")
                problems += 1
                continue
            s, en = occs[k]
            if (s > 0 and txt[s - 1].isalnum()) or (en < len(txt) and txt[en].isalnum()):
                print(f"{b['id']}: WARNING {e['text']!r} at {s} is inside a word")
            if e["type"] == "DATE":
                val = parse_date(e["text"])
                val.update({k2: (int(v2) if k2 == "quarter" else v2) for k2, v2 in e["over"].items()})
            elif e["type"] == "DOCREF":
                val = parse_docref(e["text"])
                val.update(e["over"])
                for k2 in ("name", "unit"):  # optional fields: "name=null" drops a guessed one
                    if k2 in val and val[k2] is None:
                        del val[k2]
            elif e["type"] == "OFFICIAL":
                val = {"name": txt[s:en]}
            elif e["type"] == "TITLE":
                val = {"former": True} if e["over"].get("former") else {}
            else:
                val = {}
            ents.append({"type": e["type"], "start": s, "end": en, "value": val,
                         "_label": e["label"], "_links": e["links"], "_text": e["text"]})
        ents.sort(key=lambda x: (x["start"], -x["end"]))
        lab = {x["_label"]: i for i, x in enumerate(ents) if x["_label"]}
        links = []
        for i, x in enumerate(ents):
            for l in x["_links"]:
                links.append([lab[l], i])
        links.sort()
        src = {"file": b["file"], "line": b["line"]}
        if b["lines"] > 1:
            src["lines"] = b["lines"]
        rec = {"id": b["id"], "source": src, "sha1": sha1(txt), "scope": list(TYPES),
               "entities": [{k: x[k] for k in ("type", "start", "end", "value")} for x in ents],
               "links": links}
        if b["genre"]:
            rec["genre"] = b["genre"]
        recs.append(rec)
        if os.environ.get("SHOW"):
            print(b["id"], txt)
            for i, x in enumerate(ents):
                print(f"   {i:2d} {x['type'][:5]:5s} {x['_text']!r} {json.dumps(x['value'], ensure_ascii=False)}")
            print("   links", [(ents[a]["_text"], ents[c]["_text"]) for a, c in links])
    with open(out, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"built {len(recs)} lines, {problems} problems", file=sys.stderr)


def main(argv):
    global HELDOUT
    genre = None
    if "--genre" in argv:
        k = argv.index("--genre")
        if k + 1 >= len(argv):
            usage("--genre needs a name")
        genre = argv[k + 1]
        argv = argv[:k] + argv[k + 2:]
    if "--set" in argv:
        k = argv.index("--set")
        if k + 1 >= len(argv):
            usage("--set needs a file")
        HELDOUT = os.path.abspath(argv[k + 1])
        argv = argv[:k] + argv[k + 2:]
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    if not os.path.isfile(HELDOUT):
        die(f"{HELDOUT}: no such set")
    if argv and argv[0] == "materialize" and len(argv) in (2, 3):
        if len(argv) == 3:
            materialize(argv[1], argv[2], genre)
        else:
            materialize(None, argv[1], genre)
    elif argv and argv[0] == "check" and len(argv) <= 2:
        return check(argv[1] if len(argv) > 1 else None)
    elif len(argv) in (3, 4) and argv[0] == "build":
        build(argv[1], data_dir_or_die(argv[2]), argv[3] if len(argv) > 3 else None)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


def usage(msg):
    print(f"heldout.py: {msg} (see heldout.py --help)", file=sys.stderr)
    sys.exit(2)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Fail as e:
        print(f"heldout.py: {e}", file=sys.stderr)
        sys.exit(1)
    except (OSError, ValueError, KeyError, TypeError, IndexError) as e:
        # A file that cannot be read or written, or a stored record without
        # an expected field: one line, not a traceback.
        what = f"{e.filename}: {e.strerror}" if isinstance(e, OSError) and e.filename else repr(e)
        print(f"heldout.py: {what}", file=sys.stderr)
        sys.exit(1)
