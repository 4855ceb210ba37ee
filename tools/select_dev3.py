#!/usr/bin/env python3
"""Select the records of the third development set (data/eval/dev3.jsonl).

  select_dev3.py SHARED_DATA_DIR

Prints `id<TAB>genre<TAB>file<TAB>first[-last]` in id order (d001 ...), deterministic:
random.Random(3030), one sample per genre in the order of GENRES below.

EVEN-DOCUMENT RULE. dev3 is the development (tuning) set of issue 11; a held-out set is
annotated at the same time from the same corpora. To keep the two apart, dev3 takes only
documents with an EVEN number: `unc-news/docs/news_<section>_NNN.txt` with NNN even, and
the `vlc-legal/docs/` files at an even position (2, 4, 6, ...) of the sorted listing
(`ls vlc-legal/docs | sort`, 1-based). Besides, a text that occurs anywhere else in the
two corpora (any file, even or odd, any position) is never taken, so no dev3 text can
reappear elsewhere.

Excluded as well: every line used by the dev set (data/eval/devset_sources.txt), the
held-out set (data/eval/heldout.jsonl) and dev2 (data/eval/dev2.jsonl), `#` header lines.

Single-line records are lines of 40-400 characters. Genres and quotas:
  world 25       news_world_*; 23 lines with a foreign-affairs cue (WORLD) + 2 without
  business 25    news_business_*; 23 lines with a company cue (BUSINESS) + 2 without
  court 25       news_society_* lines with a court/police-investigation cue (COURT); up
                 to 3 of them cite a judgment or decision by number (JUDGMENT)
  ministry 25    any section, lines naming a ministry or a (deputy) minister (MINISTRY);
                 8 of them with the short form "Bộ trưởng/Thứ trưởng <portfolio>" (SHORT)
  legal-heading 20  multi-line vlc-legal records: 12 heading units that hold a digit,
                 "QUỐC HỘI" or "CHỦ TỊCH" (6 units opening the file, 6 later units) +
                 8 signature blocks (see heading_units and
                 signature_block); a unit whose text occurs as a unit of another file is
                 not taken
  legal-prose 15 vlc-legal lines outside the heading and signature blocks with a body,
                 person, date or document cue (LEGAL); 5 of them preambles ("Căn cứ")
  historical 15  any news section, lines with a history/culture/scholarship cue (HIST:
                 kings, dynasties, centuries, poets/writers, authors, scholars, GS.,
                 colonial offices, years before 1950) that also hold two consecutive
                 capitalised words after the first word (PROPER: the line names someone)
A line chosen for one genre is not offered to a later one.
"""
import json, os, random, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NEWS_DIR, LEGAL_DIR = "unc-news/docs", "vlc-legal/docs"

WORLD = re.compile(r"Tổng thống|Thủ tướng|Ngoại trưởng|Bộ trưởng|Chủ tịch|Quốc vương|Nhà vua|"
                   r"Tổng thư ký|Đại sứ|Liên hợp quốc|LHQ|NATO|\bEU\b|WHO|Nhà Trắng|Điện Kremlin|"
                   r"Quốc hội|Hạ viện|Thượng viện|\bông [A-ZĐ]|\bbà [A-ZĐ]")
BUSINESS = re.compile(r"Công ty|công ty [A-ZĐ]|Tập đoàn|HĐQT|Hội đồng quản trị|Hội đồng thành viên|"
                      r"CEO|Tổng giám đốc|Tổng Giám đốc|Chủ tịch|Giám đốc|Ngân hàng|cổ đông|"
                      r"\bông [A-ZĐ]|\bbà [A-ZĐ]")
COURT = re.compile(r"bị cáo|bị can|[Tt](?:òa|oà) án|phiên t(?:òa|oà)|\bTAND\b|xét xử|khởi tố|bắt giữ|bắt tạm giam|"
                   r"tạm giam|Viện kiểm sát|\bVKSND\b|điều tra|bản án|Bản án|truy nã")
JUDGMENT = re.compile(r"(?:[Bb]ản án|[Qq]uyết định)[^.;]{0,60}?số\s*\d")
MINISTRY = re.compile(r"Bộ trưởng|Thứ trưởng|\bBộ [A-ZĐ]|Tổng cục|\bCục [A-ZĐ]")
SHORT = re.compile(r"(?:Bộ trưởng|Thứ trưởng) (?!Bộ\b)(?:[A-ZĐ]\w*)")
LEGAL = re.compile(r"Quốc hội|Chính phủ|Ủy ban|Uỷ ban|Bộ trưởng|Thủ tướng|Chủ tịch|Tòa án|Toà án|"
                   r"Viện kiểm sát|\bBộ [A-ZĐ]|Ngân hàng Nhà nước|Kiểm toán [Nn]hà nước|Mặt trận|"
                   r"ngày \d|năm \d{4}|số:? ?\d|Căn cứ")
HIST = re.compile(r"\b[Vv]ua\b|\b[Tt]riều (?:đại|đình|Nguyễn|Lê|Lý|Trần|Hồ|Mạc|Tây Sơn|Minh|Thanh|Tống|"
                  r"Đường|Hán)\b|\bnhà (?:Nguyễn|Lê|Lý|Trần|Hồ|Mạc|Tây Sơn)\b|thế kỷ|nhà thơ|nhà văn|"
                  r"tác giả|học giả|sử gia|\bGS\.|Khâm sứ|Toàn quyền|[Hh]oàng đế|năm 1[0-8]\d\d|năm 19[0-4]\d")
# two consecutive capitalised words after the first word of the line: the line names someone
# or something (a rough cue, required of historical lines together with HIST)
PROPER = re.compile(r"(?<!^)(?<![.!?:\"“] )\b[A-ZĐ]\w+ [A-ZĐ]\w+")
HEAD_CUE = re.compile(r"\d|QUỐC HỘI|CHỦ TỊCH")
PROSE_START = re.compile(r"(Căn cứ|Để |Nay |Chương|CHƯƠNG|Điều|ĐIỀU|Phần|PHẦN|Lời nói đầu|LỜI NÓI ĐẦU)")


def read(data, rel):
    with open(os.path.join(data, rel), encoding="utf-8", newline="") as f:
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


def is_prose(t):
    letters = [c for c in t if c.isalpha()]
    low = sum(c.islower() for c in letters)
    return bool(PROSE_START.match(t)) or (len(t) >= 60 and low >= len(letters) / 2)


def heading_units(lines):
    """(first, last) 1-based ranges of the heading units at the top of a legal text: the
    lines before the first prose line (at most the first 40), split at runs of >= 3 blank
    lines, trimmed of blank lines; a unit of more than 10 lines is cut to its first 10 and
    trimmed again; units with fewer than 2 non-blank lines are dropped."""
    region = []
    for i, t in enumerate(lines[:40], 1):
        if t.strip() and is_prose(t.strip()):
            break
        region.append(i)
    units, cur, blanks = [], [], 0
    for i in region:
        if not lines[i - 1].strip():
            blanks += 1
            if blanks >= 3 and cur:
                units.append(cur)
                cur = []
            continue
        if cur and blanks:
            cur += list(range(cur[-1] + 1, i))
        blanks = 0
        cur.append(i)
    if cur:
        units.append(cur)
    out = []
    for u in units:
        u = u[:10]
        while u and not lines[u[-1] - 1].strip():
            u.pop()
        if sum(1 for i in u if lines[i - 1].strip()) >= 2:
            out.append((u[0], u[-1]))
    return out


SIG_OFFICE = re.compile(r"^(CHỦ TỊCH|Chủ tịch|TM\.|KT\.|Q\.)")


def signature_block(lines):
    """(first, last) of the signature block closing the law: from the last line stating that
    the law was passed ("thông qua") to the "(Đã ký)" line, or to the name under the office
    line, within 14 lines; when that is more than 10 lines, it starts at the first non-blank
    line after the statement instead. None when there is no such block."""
    stm = [i for i, t in enumerate(lines, 1) if "thông qua" in t and t.startswith("Luật này")
           or "thông qua" in t and t.startswith("Bộ luật này")]
    if not stm:
        return None
    p = stm[-1]
    end, office = None, False
    for i in range(p + 1, min(p + 15, len(lines) + 1)):
        t = lines[i - 1].strip()
        if not t:
            continue
        if t == "(Đã ký)":
            end = i
            break
        if SIG_OFFICE.match(t):
            office = True
            continue
        if office or end is None:
            end = i  # the name (under the office line, or standing alone)
            if office:
                # a "(Đã ký)" may still follow the name
                for j in range(i + 1, min(i + 4, len(lines) + 1)):
                    if lines[j - 1].strip() == "(Đã ký)":
                        end = j
                break
    if end is None:
        return None
    if end - p + 1 > 10:
        p = next(i for i in range(p + 1, end + 1) if lines[i - 1].strip())
    return (p, end) if end - p + 1 <= 10 and end > p else None


def even_news(fn):
    m = re.search(r"_(\d+)\.txt$", fn)
    return bool(m) and int(m.group(1)) % 2 == 0


def main(data):
    ex = excluded()
    news_files = sorted(os.listdir(os.path.join(data, NEWS_DIR)))
    legal_files = sorted(os.listdir(os.path.join(data, LEGAL_DIR)))
    texts = {}
    for d, fs in ((NEWS_DIR, news_files), (LEGAL_DIR, legal_files)):
        for fn in fs:
            texts[f"{d}/{fn}"] = read(data, f"{d}/{fn}")
    # how often each line text and each multi-line unit text occurs in the whole corpus
    count = {}
    for ls in texts.values():
        for t in ls:
            count[t] = count.get(t, 0) + 1
    even_legal = [f"{LEGAL_DIR}/{fn}" for k, fn in enumerate(legal_files, 1) if k % 2 == 0]
    blocks = {}
    for rel in (f"{LEGAL_DIR}/{fn}" for fn in legal_files):
        ls = texts[rel]
        units = heading_units(ls)
        sig = signature_block(ls)
        blocks[rel] = (units, sig)
    unit_count = {}
    for rel, (units, sig) in blocks.items():
        for a, b in units + ([sig] if sig else []):
            t = "\n".join(texts[rel][a - 1:b])
            unit_count[t] = unit_count.get(t, 0) + 1

    def usable_block(rel, a, b):
        return unit_count["\n".join(texts[rel][a - 1:b])] == 1 and \
            not any((rel, i) in ex for i in range(a, b + 1))

    def line_ok(rel, i, t):
        return (rel, i) not in ex and not t.startswith("#") and 40 <= len(t) <= 400 \
            and count[t] == 1

    news = [(f"{NEWS_DIR}/{fn}", i, t) for fn in news_files if even_news(fn)
            for i, t in enumerate(texts[f"{NEWS_DIR}/{fn}"], 1) if line_ok(f"{NEWS_DIR}/{fn}", i, t)]
    in_block = set()
    for rel in even_legal:
        units, sig = blocks[rel]
        for a, b in units + ([sig] if sig else []):
            in_block.update((rel, i) for i in range(a, b + 1))
    legal = [(rel, i, t) for rel in even_legal for i, t in enumerate(texts[rel], 1)
             if (rel, i) not in in_block and line_ok(rel, i, t)]
    sect = lambda rel, s: f"/news_{s}_" in rel

    rng = random.Random(3030)
    taken = set()
    out = []

    def pick(genre, pool, n):
        pool = [c for c in pool if (c[0], c[1]) not in taken]
        if len(pool) < n:
            raise SystemExit(f"{genre}: only {len(pool)} candidates for {n}")
        got = rng.sample(pool, n)
        for c in got:
            taken.add((c[0], c[1]))
            out.append((genre, c[0], c[1], c[2] if isinstance(c[2], int) else c[1]))
        print(f"{genre}: {len(pool)} candidates, {n} taken", file=sys.stderr)

    world = [c for c in news if sect(c[0], "world")]
    pick("world", [c for c in world if WORLD.search(c[2])], 23)
    pick("world", [c for c in world if not WORLD.search(c[2])], 2)
    bus = [c for c in news if sect(c[0], "business")]
    pick("business", [c for c in bus if BUSINESS.search(c[2])], 23)
    pick("business", [c for c in bus if not BUSINESS.search(c[2])], 2)
    court = [c for c in news if sect(c[0], "society") and COURT.search(c[2])]
    judg = [c for c in court if JUDGMENT.search(c[2])]
    nj = min(3, len(judg))
    pick("court", judg, nj)
    pick("court", court, 25 - nj)
    mini = [c for c in news if MINISTRY.search(c[2])]
    pick("ministry", [c for c in mini if SHORT.search(c[2])], 8)
    pick("ministry", mini, 17)
    heads = [(rel, a, b) for rel in even_legal for a, b in blocks[rel][0]
             if usable_block(rel, a, b) and HEAD_CUE.search("\n".join(texts[rel][a - 1:b]))]
    sigs = [(rel,) + blocks[rel][1] for rel in even_legal
            if blocks[rel][1] and usable_block(rel, *blocks[rel][1])]
    top = [h for h in heads if h[1] <= 2]  # the block that opens the file
    pick("legal-heading", top, 6)
    pick("legal-heading", [h for h in heads if h[1] > 2], 6)
    pick("legal-heading", sigs, 8)
    lp = [c for c in legal if LEGAL.search(c[2])]
    pick("legal-prose", [c for c in lp if c[2].startswith("Căn cứ")], 5)
    pick("legal-prose", lp, 10)
    pick("historical", [c for c in news if HIST.search(c[2]) and PROPER.search(c[2])], 15)

    order = ["world", "business", "court", "ministry", "legal-heading", "legal-prose", "historical"]
    out.sort(key=lambda r: order.index(r[0]))  # stable: sampling order within a genre
    for k, (g, rel, a, b) in enumerate(out, 1):
        rng_s = f"{a}-{b}" if b != a else f"{a}"
        print(f"d{k:03d}\t{g}\t{rel}\t{rng_s}")


if __name__ == "__main__":
    main(sys.argv[1])
