#!/usr/bin/env python3
"""Select the records of the fourth development set (data/eval/dev4.jsonl).

  select_dev4.py SHARED_DATA_DIR

Prints `id<TAB>genre<TAB>file<TAB>line` in id order (e001 ...), deterministic:
random.Random(4040), one sample per genre in the order below.

dev4 is a fresh DEVELOPMENT set of issue 11 for the genres where the extractor was weak
on the held-out news: world news, court/police news, business news, and other national
(non-provincial) news. It takes only unc-news documents with an EVEN number (the odd ones
feed the held-out sets), and no document that the dev set (devset_sources.txt), the
first held-out set (heldout.jsonl: only its source references are read), dev2 or dev3
already use: a whole document is skipped, not only the used lines, so dev4's text is new
context. A line whose text occurs anywhere else in unc-news is not taken either.

Single-line records, lines of 40-320 characters, `#` header lines excluded. The section
is the one the document's `# url` header names (dantri.com.vn/<section>/...).

  world 32       the-gioi; 29 lines with a foreign-affairs cue (WORLD) + 3 without
  court 30       xa-hoi lines with a court/police cue (COURT); up to 10 of them (all there
                 are: 7) with a police or
                 court rank or head (RANK: Thượng tá, Đại tá, Trung tướng, Viện trưởng,
                 Chánh án, Thủ trưởng ...)
  business 30    kinh-doanh; 27 lines with a company cue (BUSINESS) + 3 without
  other 18       suc-manh-so, suc-khoe, giao-duc-huong-nghiep, khoa-hoc-cong-nghe: lines
                 with a national body, company or office cue (OTHER)
A line chosen for one genre is not offered to a later one; at most 2 lines per document.
"""
import json, os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from selection import Picker, news_candidates  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

WORLD = re.compile(r"Tổng thống|Thủ tướng|Ngoại trưởng|Bộ trưởng|Bộ Ngoại giao|Chủ tịch|Quốc vương|"
                   r"Nhà vua|Tổng thư ký|Đại sứ|Liên hợp quốc|LHQ|NATO|\bEU\b|WHO|Nhà Trắng|"
                   r"Điện Kremlin|Quốc hội|Hạ viện|Thượng viện|Chính phủ|Lầu Năm Góc|phát ngôn|"
                   r"Cơ quan|Tổ chức|\bông [A-ZĐ]|\bbà [A-ZĐ]")
COURT = re.compile(r"bị cáo|bị can|[Tt](?:òa|oà) án|phiên t(?:òa|oà)|\bTAND\b|xét xử|khởi tố|bắt giữ|"
                   r"tạm giam|Viện kiểm sát|\bVKSND\b|điều tra|CSĐT|bản án|truy nã|Công an|"
                   r"Cảnh sát|Thượng tá|Trung tá|Đại tá|Thiếu tướng|Trung tướng")
RANK = re.compile(r"Thượng tá|Trung tá|Thiếu tá|Đại tá|Thiếu tướng|Trung tướng|Thượng tướng|"
                  r"Viện trưởng|Chánh án|Thủ trưởng|Trưởng Công an|Giám đốc Công an|Trưởng phòng")
BUSINESS = re.compile(r"Công ty|công ty [A-ZĐ]|Tập đoàn|HĐQT|Hội đồng quản trị|Hội đồng thành viên|"
                      r"CEO|Tổng giám đốc|Tổng Giám đốc|Chủ tịch|Giám đốc|Ngân hàng|cổ đông|"
                      r"\bông [A-ZĐ]|\bbà [A-ZĐ]")
OTHER = re.compile(r"Bộ [A-ZĐ]|Cục [A-ZĐ]|Tổng cục|Viện [A-ZĐ]|Công ty|Tập đoàn|Giám đốc|"
                   r"Chủ tịch|Bộ trưởng|Thứ trưởng|Hiệu trưởng|Tổ chức|\bông [A-ZĐ]|\bbà [A-ZĐ]")
OTHER_SECTIONS = ("suc-manh-so", "suc-khoe", "giao-duc-huong-nghiep", "khoa-hoc-cong-nghe")



def used_documents():
    """Every unc-news document that an earlier set takes a line from."""
    docs = set()
    for l in open(os.path.join(ROOT, "data", "eval", "devset_sources.txt"), encoding="utf-8"):
        p = l.split()
        if len(p) == 2 and not l.startswith("#"):
            docs.add(p[0])
    for name in ("heldout.jsonl", "dev2.jsonl", "dev3.jsonl"):
        for l in open(os.path.join(ROOT, "data", "eval", name), encoding="utf-8"):
            if l.strip():
                docs.add(json.loads(l)["source"]["file"])
    return docs



def main(data):
    used = used_documents()
    cands, section = news_candidates(data, used)
    picker = Picker(4040)
    pick, out = picker.pick, picker.out

    of = lambda s: [c for c in cands if section.get(c[0]) == s]
    world = of("the-gioi")
    pick("world", [c for c in world if WORLD.search(c[2])], 29)
    pick("world", [c for c in world if not WORLD.search(c[2])], 3)
    court = [c for c in of("xa-hoi") if COURT.search(c[2])]
    k = pick("court", [c for c in court if RANK.search(c[2])], 10, up_to=True)
    pick("court", court, 30 - k)
    bus = of("kinh-doanh")
    pick("business", [c for c in bus if BUSINESS.search(c[2])], 27)
    pick("business", [c for c in bus if not BUSINESS.search(c[2])], 3)
    other = [c for c in cands if section.get(c[0]) in OTHER_SECTIONS and OTHER.search(c[2])]
    pick("other", other, 18)
    for k, (g, rel, i) in enumerate(out, 1):
        print(f"e{k:03d}\t{g}\t{rel}\t{i}")


if __name__ == "__main__":
    main(sys.argv[1])
