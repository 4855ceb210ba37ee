#!/usr/bin/env python3
"""Reproducible selection of held-out candidate lines (see data/eval/README.md).

usage: select_heldout.py SHARED_DATA_DIR DEVSET_SOURCES > selection.tsv
Prints "file<TAB>line" in annotation order (news and legal interleaved 2:1).
"""
import os, random, re, sys

RICH_NEWS = re.compile(
    r"(Chủ tịch|Bộ trưởng|Thủ tướng|Bí thư|Giám đốc|Phó |Tổng |Trưởng |Ủy viên|Uỷ viên|Đại biểu|đại biểu"
    r"|UBND|HĐND|Tỉnh ủy|Tỉnh uỷ|Quốc hội|Chính phủ|Bộ [A-ZĐ]|Sở [A-ZĐ]|Ủy ban|Uỷ ban"
    r"|ngày \d|\d{1,2}/\d{1,2}|năm \d{4}|tháng \d)")
RICH_LEGAL = re.compile(r"(số:? ?\d|\d+/\d{4}/|ngày \d|năm \d{4}|\d+/[A-ZĐ]|TM\.|KT\.|CHỦ TỊCH)")
NEWS_SECTIONS = ("society", "education", "health", "world", "business")


def lines(path):
    with open(path, encoding="utf-8") as f:
        for i, l in enumerate(f, 1):
            yield i, l.rstrip("\n")


def main():
    data, dev = sys.argv[1], sys.argv[2]
    excl = set()
    for l in open(dev, encoding="utf-8"):
        p = l.split()
        if len(p) == 2:
            excl.add((p[0], int(p[1])))
    rng = random.Random(2026)
    news_rich, news_plain, legal_rich, legal_plain = [], [], [], []
    seen = set()  # identical texts (e.g. repeated signature lines) are kept once
    nd = os.path.join(data, "unc-news/docs")
    for fn in sorted(os.listdir(nd)):
        if not fn.endswith(".txt") or not fn.split("_")[1] in NEWS_SECTIONS:
            continue
        rel = "unc-news/docs/" + fn
        for i, t in lines(os.path.join(nd, fn)):
            if t.startswith("#") or (rel, i) in excl or not (60 <= len(t) <= 400) or t in seen:
                continue
            seen.add(t)
            n = len(RICH_NEWS.findall(t))
            (news_rich if n >= 3 else news_plain).append((rel, i))
    ld = os.path.join(data, "vlc-legal/docs")
    for fn in sorted(os.listdir(ld)):
        rel = "vlc-legal/docs/" + fn
        for i, t in lines(os.path.join(ld, fn)):
            if t.startswith("#") or (rel, i) in excl or not (15 <= len(t) <= 400) or t in seen:
                continue
            seen.add(t)
            (legal_rich if RICH_LEGAL.search(t) else legal_plain).append((rel, i))
    news = rng.sample(news_rich, 70) + rng.sample(news_plain, 10)
    rng.shuffle(news)
    legal = rng.sample(legal_rich, 36) + rng.sample(legal_plain, 4)
    rng.shuffle(legal)
    out = []
    for k in range(40):
        out += news[2 * k:2 * k + 2] + [legal[k]]
    for f, i in out:
        print(f"{f}\t{i}")
    print(f"# candidates: news rich {len(news_rich)}, news plain {len(news_plain)}, "
          f"legal rich {len(legal_rich)}, legal plain {len(legal_plain)}", file=sys.stderr)


if __name__ == "__main__":
    main()
