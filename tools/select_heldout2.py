#!/usr/bin/env python3
"""Select the records of the second held-out set (data/eval/heldout2.jsonl).

  select_heldout2.py SHARED_DATA_DIR

Prints `id<TAB>genre<TAB>file<TAB>first[-last]` in id order (g001 ...), 150 records:
world 25, business 25, court 25, ministry 25, legal-heading 20, legal-prose 15,
historical 15 (ids in that genre order). random.Random(3031).

ODD documents only. This set is the held-out test set of issue 11; the tuning set
(dev3) is annotated at the same time from the EVEN documents, so the two can never
share a document:
  * unc-news: only files whose number is odd (news_world_001, news_world_003, ...);
  * vlc-legal: only files at an odd position (1st, 3rd, 5th, ...) of the sorted
    listing of vlc-legal/docs (`ls vlc-legal/docs | sort`, byte order).

Excluded everywhere: every line used by the dev set (data/eval/devset_sources.txt),
the held-out set (data/eval/heldout.jsonl) and dev2 (data/eval/dev2.jsonl, every line
of a multi-line record), `#` header lines, and every text that occurs more than once
in the two corpora (all files, odd and even: a repeated line such as
"CHỦ TỊCH QUỐC HỘI" is never a single-line candidate; a multi-line block is
excluded when its joined text occurs twice among the blocks).

Single-line records are lines of 40-400 characters whose text matches the genre's
cue (see the *_CUE patterns below); 2 of the 25 world and business records are drawn
from the lines of the section without the cue (natural negatives). Genres are drawn in
the order above, a line drawn once is removed from the later pools.

legal-heading records are multi-line blocks of 2-10 consecutive lines (joined text
at most 400 characters) of three kinds, found by the rules in `legal_blocks`:
  top        first non-blank line of the document .. the "Hà Nội, ngày ..." line
             (issuer, motto, number, place and date); when that is longer than 10
             lines it starts at the "Số"/"Luật số" line;
  title      the block after it up to the preamble ("Căn cứ", "Để", "Luật này") or
             the first "Chương"/"Phần", when it names a body, number or date;
  signature  the office line in capitals (CHỦ TỊCH, TM./KT./Q.) down to the name
             (and a following "(Đã ký)"), or, without an office line, the
             "... thông qua ngày ..." line down to "(Đã ký)".
Quota: 8 top, 6 title, 6 signature blocks (fewer of a kind if its pool is smaller,
the rest from the other kinds).
"""
import json, os, random, re, sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 3031

WORLD_CUE = re.compile(r"Tổng thống|Thủ tướng|Ngoại trưởng|Bộ trưởng|Chủ tịch|Quốc vương|Nhà vua|"
                       r"Tổng thư ký|Đại sứ|Phát ngôn|phát ngôn|Liên Hợp Quốc|Liên hợp quốc|"
                       r"\b[A-Z]{2,}\b|\bông [A-ZĐ]|\bbà [A-ZĐ]|Hội đồng|Quốc hội|Chính phủ")
BUSINESS_CUE = re.compile(r"Công ty|công ty [A-ZĐ]|Tập đoàn|tập đoàn [A-ZĐ]|HĐQT|Hội đồng quản trị|"
                          r"Hội đồng thành viên|Ban kiểm soát|CEO|Tổng giám đốc|Tổng Giám đốc|"
                          r"Chủ tịch|Giám đốc|Ngân hàng|\bông [A-ZĐ]|\bbà [A-ZĐ]")
COURT_CUE = re.compile(r"bị cáo|[Tt][òo]a án|\bTAND\b|xét xử|khởi tố|bắt giữ|tạm giam|truy tố|truy nã|"
                       r"Viện kiểm sát|\bVKSND\b|bản án|Bản án|Cơ quan CSĐT|Cảnh sát điều tra|"
                       r"An ninh điều tra|Công an (tỉnh|huyện|quận|TP|thành phố|thị xã|xã|phường)|"
                       r"\bCSGT\b|phạm tội|tội danh|triệu tập|lừa đảo")
MINISTRY_CUE = re.compile(r"Bộ trưởng|Thứ trưởng|\bBộ [A-ZĐ]|Tổng cục|\bCục [A-ZĐ]")
HIST_CUE = re.compile(r"\b[Vv]ua\b|[Tt]riều (đại|đình|Nguyễn|Lê|Trần|Lý|Hồ|Mạc|Tây Sơn)|"
                      r"\bnhà (Nguyễn|Lê|Trần|Lý|Hồ|Mạc|Tây Sơn)\b|thế kỷ|nhà thơ|nhà văn|học giả|"
                      r"sử gia|danh nhân|Khâm sứ|Toàn quyền|thực dân|khởi nghĩa|[Hh]oàng đế|"
                      r"[Hh]oàng hậu|[Tt]rạng nguyên|năm 1[0-8]\d\d|năm 19[0-5]\d|\bGS\.")
# a historical line must also name someone or something in capitals (two capitalised
# syllables in a row), and a birth year ("sinh năm 1984") does not make a line historical
def nameish(t):
    w = t.split()
    return any(a[:1].isupper() and b[:1].isupper() and a[1:].islower() and b[1:].islower()
               for a, b in zip(w, w[1:]))

LEGAL_PROSE_CUE = re.compile(r"Căn cứ|Quốc hội|Chính phủ|\bBộ [A-ZĐ]|Ủy ban|Uỷ ban|Tòa án nhân dân tối cao|"
                             r"Viện kiểm sát nhân dân tối cao|Mặt trận|Ngân hàng Nhà nước|Kiểm toán|"
                             r"ngày \d|năm \d{4}|số \d|\d+/\d{4}/")
SECTIONS_ALL = ("business", "education", "entertainment", "health", "science", "society", "sport",
                "tech", "travel", "world")


def odd_news(fn):
    m = re.fullmatch(r"news_([a-z]+)_(\d+)\.txt", fn)
    return m and int(m[2]) % 2 == 1


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return [l.rstrip("\r\n") for l in f]


def excluded():
    ex = set()
    for l in open(os.path.join(ROOT, "data", "eval", "devset_sources.txt"), encoding="utf-8"):
        p = l.split()
        if len(p) == 2 and not l.startswith("#"):
            ex.add((p[0], int(p[1])))
    for name in ("heldout.jsonl", "dev2.jsonl"):
        for l in open(os.path.join(ROOT, "data", "eval", name), encoding="utf-8"):
            if l.strip():
                src = json.loads(l)["source"]
                for k in range(src.get("lines", 1)):
                    ex.add((src["file"], src["line"] + k))
    return ex


def legal_blocks(lines):
    """(kind, first, last) 0-based inclusive blocks of one legal document."""
    out = []
    nb = [i for i, t in enumerate(lines) if t.strip()]
    if not nb:
        return out
    date = next((i for i in nb[:20] if re.match(r"^\s*Hà Nội\s*,\s*ngày", lines[i])), None)
    if date is not None:
        first = nb[0]
        if date - first + 1 > 10:
            first = next((i for i in nb if first <= i < date and re.match(r"^\s*(Luật )?[Ss]ố", lines[i])),
                         date - 9)
        out.append(("top", first, date))
        after = [i for i in nb if i > date]
        if after:
            start = after[0]
            stop = next((i for i in after if re.match(r"^\s*(Căn cứ|Để |Luật này|Chương|CHƯƠNG|Phần|LỜI)",
                                                      lines[i])), None)
            if stop is not None:
                end = max(i for i in after if i < stop) if stop > start else None
                if end is not None and end - start + 1 <= 10:
                    block = "\n".join(lines[start:end + 1])
                    if re.search(r"QUỐC HỘI|Quốc hội|SỐ|\d{4}", block):
                        out.append(("title", start, end))
    office = [i for i in nb if re.match(r"^\s*(KT\.|TM\.|Q\.)?\s*(CHỦ TỊCH|PHÓ CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG)",
                                        lines[i]) and i > nb[len(nb) // 2]]
    signed = [i for i in nb if lines[i].strip() == "(Đã ký)"]
    if office:
        o = office[-1]
        rest = [i for i in nb if i > o]
        if rest:
            end = rest[0]
            if len(rest) > 1 and lines[rest[1]].strip() == "(Đã ký)":
                end = rest[1]
            out.append(("signature", o, end))
    elif signed:
        s = signed[-1]
        before = [i for i in nb if i < s]
        if len(before) >= 2 and s - before[-2] + 1 <= 10:
            out.append(("signature", before[-2], s))
    return [b for b in out if 2 <= b[2] - b[1] + 1 <= 10]


def main(data):
    ex = excluded()
    rng = random.Random(SEED)
    news_dir, legal_dir = "unc-news/docs", "vlc-legal/docs"
    news_files = sorted(os.listdir(os.path.join(data, news_dir)))
    legal_all = sorted(os.listdir(os.path.join(data, legal_dir)))
    legal_files = legal_all[0::2]  # positions 1, 3, 5, ... (1-based)

    # every text of both corpora, all files: a text seen twice is never a candidate
    count = Counter()
    texts = {}
    for d, files in ((news_dir, news_files), (legal_dir, legal_all)):
        for fn in files:
            rel = f"{d}/{fn}"
            texts[rel] = read(os.path.join(data, rel))
            count.update(texts[rel])

    def single_ok(rel, i, t):
        return ((rel, i) not in ex and not t.startswith("#") and 40 <= len(t) <= 400
                and count[t] == 1)

    cue_pools = {g: [] for g in ("world", "business", "court", "ministry", "historical")}
    plain_pools = {"world": [], "business": []}
    for fn in news_files:
        if not odd_news(fn):
            continue
        sec = fn.split("_")[1]
        rel = f"{news_dir}/{fn}"
        for i, t in enumerate(texts[rel], 1):
            if not single_ok(rel, i, t):
                continue
            if sec in ("world", "business"):
                cue = WORLD_CUE if sec == "world" else BUSINESS_CUE
                (cue_pools[sec] if cue.search(t) else plain_pools[sec]).append((rel, i))
            if sec == "society" and COURT_CUE.search(t):
                cue_pools["court"].append((rel, i))
            if MINISTRY_CUE.search(t):
                cue_pools["ministry"].append((rel, i))
            if HIST_CUE.search(t) and nameish(t) and "sinh năm" not in t:
                cue_pools["historical"].append((rel, i))

    blocks = {"top": [], "title": [], "signature": []}
    prose = []
    block_texts = Counter()
    found = []
    for fn in legal_files:
        rel = f"{legal_dir}/{fn}"
        L = texts[rel]
        for kind, a, b in legal_blocks(L):
            txt = "\n".join(L[a:b + 1])
            block_texts[txt] += 1
            found.append((kind, rel, a + 1, b + 1, txt))
    in_block = set()
    for kind, rel, a, b, txt in found:
        for k in range(a, b + 1):
            in_block.add((rel, k))
        if (block_texts[txt] == 1 and len(txt) <= 400
                and not any((rel, k) in ex for k in range(a, b + 1))):
            blocks[kind].append((rel, a, b))
    for fn in legal_files:
        rel = f"{legal_dir}/{fn}"
        for i, t in enumerate(texts[rel], 1):
            if single_ok(rel, i, t) and (rel, i) not in in_block and LEGAL_PROSE_CUE.search(t):
                prose.append((rel, i))

    used = set()
    out = []

    def take(genre, pool, n):
        pool = [p for p in pool if p not in used]
        got = rng.sample(pool, n)
        used.update(got)
        out.extend((genre, rel, i, i) for rel, i in got)

    take("world", cue_pools["world"], 23)
    take("world", plain_pools["world"], 2)
    take("business", cue_pools["business"], 23)
    take("business", plain_pools["business"], 2)
    take("court", cue_pools["court"], 25)
    take("ministry", cue_pools["ministry"], 25)
    quota = {"top": 8, "title": 6, "signature": 6}
    short = sum(max(0, quota[k] - len(blocks[k])) for k in quota)
    quota = {k: min(quota[k], len(blocks[k])) for k in quota}
    for k in ("top", "title", "signature"):  # give what a small pool lacks to the others
        extra = min(short, len(blocks[k]) - quota[k])
        quota[k] += extra
        short -= extra
    for k in ("top", "title", "signature"):
        for rel, a, b in rng.sample(blocks[k], quota[k]):
            out.append(("legal-heading", rel, a, b))
    take("legal-prose", prose, 15)
    take("historical", cue_pools["historical"], 15)

    for n, (genre, rel, a, b) in enumerate(out, 1):
        span = f"{a}" if a == b else f"{a}-{b}"
        print(f"g{n:03d}\t{genre}\t{rel}\t{span}")
    sizes = ", ".join(f"{g} {len(p)}" for g, p in cue_pools.items())
    print(f"candidates: {sizes}, world plain {len(plain_pools['world'])}, business plain "
          f"{len(plain_pools['business'])}, legal blocks top {len(blocks['top'])} title "
          f"{len(blocks['title'])} signature {len(blocks['signature'])}, legal-prose {len(prose)}",
          file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
