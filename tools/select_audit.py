#!/usr/bin/env python3
"""Select the precision-audit samples of the extractor (data/eval/audit_a.tsv, audit_b.tsv).

  select_audit.py lines SHARED_DATA_DIR --sample a|b
  select_audit.py mentions SHARED_DATA_DIR --sample a EXTRACTOR
  select_audit.py predict SHARED_DATA_DIR --sample a|b EXTRACTOR

An audit measures PRECISION where it is cheap to measure at scale: on the extractor's own
output over unseen corpus lines. Nothing is annotated before; each predicted mention is
judged by hand against shared/ENTITIES.md and the conventions of data/eval/README.md.

`lines` prints the sampled lines (`file<TAB>line`), deterministic:

* unc-news documents with an EVEN number only (the odd ones feed the held-out sets), and
  no document that an evaluation set uses (devset_sources.txt and the source references of
  the sets present when sample a was drawn: dev2, dev3, dev4, heldout, heldout2). These
  documents are split once per section (random.Random(11000)): two thirds for sample a,
  one third for sample b, so a and b share no document. Sample b also skips documents of
  any data/eval/*.jsonl present when it is drawn (a set added later, e.g. dev5);
* lines of 40-400 characters, `#` header lines excluded, a line whose text occurs
  anywhere else in unc-news excluded; at most 5 lines per document;
* per section (the file name's, news_<section>_NNN.txt): sample a takes 500 lines from
  each of world, society, business and 150 from each other section (random.Random(11011));
  sample b takes 55 lines from each of world, society, business and 20 from each other
  section (random.Random(12012)).

`predict` runs EXTRACTOR (the eval_entities example binary) on those lines and prints its
ORGANIZATION/TITLE/OFFICIAL mentions and links, one per line:
`file line type start end tstart tend text` with BYTE offsets into the line (for a link
start/end is the OFFICIAL, tstart/tend the TITLE).

`mentions` (sample a) draws the mentions to judge from EXTRACTOR's predictions on sample
a's lines: ~120 ORGANIZATION, ~100 TITLE, ~80 OFFICIAL, ~60 links, at most 2 per document
and type (random.Random(11012) over the predictions in line order). Sample b is judged
whole: every distinct mention that the branch-point or the final extractor predicts.
"""
import hashlib, json, os, random, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NEWS_DIR = "unc-news/docs"
BIG = ("world", "society", "business")
SAMPLE = {
    "a": dict(seed=11011, big=190, other=150, sets=("dev2", "dev3", "dev4", "heldout", "heldout2")),
    "b": dict(seed=12012, big=55, other=20, sets=None),
}
TARGET = {"ORGANIZATION": 120, "TITLE": 100, "OFFICIAL": 80, "LINK": 60}
PER_DOC = 5


def read(data, rel):
    with open(os.path.join(data, rel), encoding="utf-8", newline="") as f:
        return [l.rstrip("\r\n") for l in f]


def used_documents(sets):
    docs = set()
    for l in open(os.path.join(ROOT, "data", "eval", "devset_sources.txt"), encoding="utf-8"):
        p = l.split()
        if len(p) == 2 and not l.startswith("#"):
            docs.add(p[0])
    ev = os.path.join(ROOT, "data", "eval")
    names = sorted(f[:-6] for f in os.listdir(ev) if f.endswith(".jsonl")) if sets is None else sets
    for name in names:
        for l in open(os.path.join(ev, name + ".jsonl"), encoding="utf-8"):
            if l.strip():
                docs.add(json.loads(l)["source"]["file"])
    return docs


def number(fn):
    m = re.search(r"_(\d+)\.txt$", fn)
    return int(m.group(1)) if m else None


def section(fn):
    return re.match(r"news_([a-z]+)_\d+\.txt$", fn).group(1)


def select(data, which, texts=None):
    conf = SAMPLE[which]
    files = sorted(os.listdir(os.path.join(data, NEWS_DIR)))
    texts = texts or {f"{NEWS_DIR}/{fn}": read(data, f"{NEWS_DIR}/{fn}") for fn in files}
    count = {}
    for ls in texts.values():
        for t in ls:
            count[t] = count.get(t, 0) + 1
    used = used_documents(conf["sets"])
    # The eligible documents of the first drawing are split once, per section: two thirds
    # for sample a, one third for sample b (so a and b share no document).
    first = used_documents(SAMPLE["a"]["sets"])
    split = random.Random(11000)
    part = {}
    for sec in sorted({section(fn) for fn in files}):
        docs = [f"{NEWS_DIR}/{fn}" for fn in files if section(fn) == sec and number(fn) % 2 == 0
                and f"{NEWS_DIR}/{fn}" not in first]
        docs = split.sample(docs, len(docs))
        cut = len(docs) * 2 // 3
        part.update({d: "a" for d in docs[:cut]})
        part.update({d: "b" for d in docs[cut:]})
    out = []
    rng = random.Random(conf["seed"])
    for sec in sorted({section(fn) for fn in files}):
        cands = [(rel, i) for rel, ls in texts.items()
                 if section(os.path.basename(rel)) == sec and part.get(rel) == which and rel not in used
                 for i, t in enumerate(ls, 1)
                 if not t.startswith("#") and 40 <= len(t) <= 400 and count[t] == 1]
        n = conf["big"] if sec in BIG else conf["other"]
        per_doc, got = {}, []
        for c in rng.sample(cands, len(cands)):
            if len(got) == n:
                break
            if per_doc.get(c[0], 0) >= PER_DOC:
                continue
            per_doc[c[0]] = per_doc.get(c[0], 0) + 1
            got.append(c)
        if len(got) < n:
            raise SystemExit(f"{sec}: only {len(got)} usable lines of {n}")
        out.extend(sorted(got))
    return out


def predict(data, which, extractor):
    lines = select(data, which)
    texts = {}
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for k, (rel, i) in enumerate(lines):
            t = read(data, rel)[i - 1]
            texts[k] = t
            sha = hashlib.sha1(t.encode("utf-8")).hexdigest()
            f.write(json.dumps({"id": str(k), "sha1": sha, "text": t}, ensure_ascii=False) + "\n")
        path = f.name
    out = subprocess.run([extractor, path], capture_output=True, check=True).stdout.decode("utf-8")
    os.unlink(path)
    rows = []
    for line in out.splitlines():
        p = json.loads(line)
        k = int(p["id"])
        rel, i = lines[k]
        t = texts[k]
        b = lambda c: len(t[:c].encode("utf-8"))
        ents = p["entities"]
        for e in ents:
            if e["type"] in ("ORGANIZATION", "TITLE", "OFFICIAL"):
                rows.append((rel, i, e["type"], b(e["start"]), b(e["end"]), "", "", t[e["start"]:e["end"]]))
        for o, ti in p.get("links", []):
            eo, et = ents[o], ents[ti]
            rows.append((rel, i, "LINK", b(eo["start"]), b(eo["end"]), b(et["start"]), b(et["end"]),
                         t[eo["start"]:eo["end"]] + " -> " + t[et["start"]:et["end"]]))
    return rows


def mentions(rows):
    rng = random.Random(11012)
    per, got = {}, {k: [] for k in TARGET}
    for r in rng.sample(rows, len(rows)):
        typ = r[2]
        if len(got[typ]) == TARGET[typ] or per.get((r[0], typ), 0) >= 2:
            continue
        per[(r[0], typ)] = per.get((r[0], typ), 0) + 1
        got[typ].append(r)
    return [r for typ in TARGET for r in sorted(got[typ])]


def main(argv):
    if len(argv) < 4 or argv[0] not in ("lines", "predict", "mentions") or argv[2] != "--sample" \
            or argv[3] not in SAMPLE or (argv[0] != "lines" and len(argv) != 5) \
            or (argv[0] == "mentions" and argv[3] != "a"):
        raise SystemExit(__doc__)
    data, which = argv[1], argv[3]
    if argv[0] == "lines":
        for rel, i in select(data, which):
            print(f"{rel}\t{i}")
        return
    rows = predict(data, which, argv[4])
    if argv[0] == "mentions":
        rows = mentions(rows)
    for r in rows:
        print("\t".join(str(x) for x in r))


if __name__ == "__main__":
    main(sys.argv[1:])
