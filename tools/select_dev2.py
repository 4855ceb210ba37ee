#!/usr/bin/env python3
"""Select the lines of the second development set (data/eval/dev2.jsonl).

  select_dev2.py SHARED_DATA_DIR

Prints `file<TAB>line` in id order. Excludes every line used by the dev set
(data/eval/devset_sources.txt) or the held-out set (data/eval/heldout.jsonl), `#` header lines and repeated texts; keeps lines of
60-300 characters that name at least one office/body word (news) or one office/body
word of the legal register (legal). random.Random(2027); 75 news + 25 legal lines,
interleaved news, news, news, legal.
"""
import json, os, random, re, sys

NEWS = re.compile(r"Bí thư|Chủ tịch|Bộ trưởng|Giám đốc|Ủy ban|Uỷ ban|UBND|HĐND|Sở |Tổng cục|"
                  r"Thủ tướng|Tổng thống|Phó|Trưởng|Hiệu trưởng|Công ty|Tập đoàn|Tổ chức|"
                  r"\b[A-Z]{2,6}\b|\bông [A-ZĐ]|\bbà [A-ZĐ]")
LEGAL = re.compile(r"Bộ trưởng|Thủ tướng|Chủ tịch|Chính phủ|Quốc hội|Ủy ban|Uỷ ban|Tòa án|Toà án|"
                   r"Viện kiểm sát|Bộ [A-ZĐ]|Ngân hàng Nhà nước|Kiểm toán")
SECTIONS = ("society", "education", "health", "world", "business", "sport", "entertainment")


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def excluded():
    ex = set()
    for l in open(os.path.join(ROOT, "data", "eval", "devset_sources.txt"), encoding="utf-8"):
        p = l.split()
        if len(p) == 2 and not l.startswith("#"):
            ex.add((p[0], int(p[1])))
    for l in open(os.path.join(ROOT, "data", "eval", "heldout.jsonl"), encoding="utf-8"):
        if l.strip():
            src = json.loads(l)["source"]
            ex.add((src["file"], src["line"]))
    return ex


def main(data):
    ex = excluded()
    seen = set()
    pools = {"news": [], "legal": []}
    for kind, d, pat in (("news", "unc-news/docs", NEWS), ("legal", "vlc-legal/docs", LEGAL)):
        for fn in sorted(os.listdir(os.path.join(data, d))):
            if kind == "news" and not any(s in fn for s in SECTIONS):
                continue
            rel = f"{d}/{fn}"
            with open(os.path.join(data, rel), encoding="utf-8") as f:
                for i, t in enumerate(f, 1):
                    t = t.rstrip("\r\n")
                    if (rel, i) in ex or t.startswith("#") or not 60 <= len(t) <= 300 or t in seen:
                        continue
                    seen.add(t)
                    if pat.search(t):
                        pools[kind].append((rel, i))
    rng = random.Random(2027)
    news = rng.sample(pools["news"], 75)
    legal = rng.sample(pools["legal"], 25)
    out = []
    for k in range(25):
        out += news[3 * k:3 * k + 3] + [legal[k]]
    for rel, i in out:
        print(f"{rel}\t{i}")
    print(f"candidates: news {len(pools['news'])}, legal {len(pools['legal'])}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
