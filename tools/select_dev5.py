#!/usr/bin/env python3
"""Select the records of the fifth development set (data/eval/dev5.jsonl).

  select_dev5.py SHARED_DATA_DIR

Prints `id<TAB>genre<TAB>file<TAB>line` in id order (v001 ...), deterministic:
random.Random(5050), one sample per genre in the order below.

dev5 is a fresh DEVELOPMENT set of issue 11 for the genres where the extractor stayed
weak on held-out news after dev4: court/police news, world news, business news, historical
lines and the other news sections. Like dev4 it takes only unc-news documents with an EVEN
number (the odd ones feed the held-out sets) and no document that ANY set in data/eval
(*.jsonl: only their source references are read) or devset_sources.txt already uses: a
whole document is skipped, not only the used lines. A line whose text occurs anywhere else
in unc-news is not taken either.

Single-line records, lines of 40-320 characters, `#` header lines excluded. The section
is the one the document's `# url` header names (dantri.com.vn/<section>/...).

  court 30       lines with a court/police cue (COURT) from any section but the-gioi: the
                 unused even society documents hold only ~10 such lines, so court/police
                 lines of the other sections (education, tech, business ...: fraud, arrests,
                 police units) complete the genre. First up to 12 with a rank, a
                 police/court/procuracy head, an investigating body or a judgment (RANK),
                 then all usable xa-hoi/phap-luat lines, then the rest
  world 30       the-gioi; 27 lines with a foreign-affairs cue (WORLD) + 3 without
  business 25    kinh-doanh; 23 lines with a company cue (BUSINESS) + 2 without
  historical 15  any section: a historical cue (HIST) and two consecutive capitalised words
  other 20       giao-duc-huong-nghiep, suc-khoe, khoa-hoc-cong-nghe, suc-manh-so, du-lich,
                 giai-tri: lines with a body, company, office or person cue (OTHER)
A line chosen for one genre is not offered to a later one; at most 2 lines per document.
"""
import glob, json, os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from selection import Picker, news_candidates  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

COURT = re.compile(r"bị cáo|bị can|[Tt](?:òa|oà) án|phiên t(?:òa|oà)|\bTAND\b|xét xử|khởi tố|bắt giữ|"
                   r"tạm giam|Viện kiểm sát|Viện KSND|\bVKSND\b|[Cc]ơ quan (?:[Cc]ảnh sát )?điều tra|"
                   r"điều tra viên|CSĐT|bản án|truy nã|Công an|Cảnh sát|\bCSGT\b|Thượng tá|Trung tá|"
                   r"Thiếu tá|Đại tá|Thiếu tướng|Trung tướng|Chánh án|Viện trưởng|Thẩm phán|"
                   r"kiểm sát viên|lừa đảo|vi phạm pháp luật")
RANK = re.compile(r"Thượng tá|Trung tá|Thiếu tá|Đại tá|Thiếu tướng|Trung tướng|Thượng tướng|"
                  r"Viện trưởng|Chánh án|Thủ trưởng|Trưởng Công an|Giám đốc Công an|Trưởng phòng|"
                  r"Cơ quan (?:Cảnh sát )?điều tra|Cơ quan CSĐT|bản án|Bản án|Thẩm phán|HĐXX")
WORLD = re.compile(r"Tổng thống|Thủ tướng|Ngoại trưởng|Bộ trưởng|Bộ Ngoại giao|Chủ tịch|Quốc vương|"
                   r"Nhà vua|Tổng thư ký|Đại sứ|Liên hợp quốc|LHQ|NATO|\bEU\b|WHO|Nhà Trắng|"
                   r"Điện Kremlin|Quốc hội|Hạ viện|Thượng viện|Chính phủ|Lầu Năm Góc|phát ngôn|"
                   r"Cơ quan|Tổ chức|\bông [A-ZĐ]|\bbà [A-ZĐ]")
BUSINESS = re.compile(r"Công ty|công ty [A-ZĐ]|Tập đoàn|HĐQT|Hội đồng quản trị|Hội đồng thành viên|"
                      r"CEO|Tổng giám đốc|Tổng Giám đốc|Chủ tịch|Giám đốc|Ngân hàng|cổ đông|"
                      r"\bông [A-ZĐ]|\bbà [A-ZĐ]")
HIST = re.compile(r"\b[Vv]ua\b|\btriều\b|[Tt]oàn quyền|nhà thơ|nhà văn|học giả|\bGS\.|[Tt]hế kỷ|"
                  r"[Hh]oàng đế|Khâm sứ|Thái thú|Tể tướng|danh nhân|danh tướng|anh hùng dân tộc|"
                  r"\bnăm 1[0-8]\d\d\b|\bnăm 19[0-4]\d\b")
CAPS2 = re.compile(r"\b[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*")
OTHER = re.compile(r"Bộ [A-ZĐ]|Cục [A-ZĐ]|Tổng cục|Sở [A-ZĐ]|Viện [A-ZĐ]|Trường [A-ZĐ]|Bệnh viện|"
                   r"Công ty|Tập đoàn|Giám đốc|Chủ tịch|Bộ trưởng|Thứ trưởng|Hiệu trưởng|Tổ chức|"
                   r"\bông [A-ZĐ]|\bbà [A-ZĐ]")
OTHER_SECTIONS = ("giao-duc-huong-nghiep", "suc-khoe", "khoa-hoc-cong-nghe", "suc-manh-so",
                  "du-lich", "giai-tri")



def used_documents():
    """Every unc-news document that any earlier set takes a line from."""
    docs = set()
    for l in open(os.path.join(ROOT, "data", "eval", "devset_sources.txt"), encoding="utf-8"):
        p = l.split()
        if len(p) == 2 and not l.startswith("#"):
            docs.add(p[0])
    for path in sorted(glob.glob(os.path.join(ROOT, "data", "eval", "*.jsonl"))):
        if os.path.basename(path) == "dev5.jsonl":
            continue
        for l in open(path, encoding="utf-8"):
            if l.strip():
                docs.add(json.loads(l)["source"]["file"])
    return docs



def main(data):
    used = used_documents()
    cands, section = news_candidates(data, used)
    picker = Picker(5050)
    pick, out = picker.pick, picker.out

    of = lambda *s: [c for c in cands if section.get(c[0]) in s]
    court = [c for c in cands if section.get(c[0]) != "the-gioi" and COURT.search(c[2])]
    k = pick("court", [c for c in court if RANK.search(c[2])], 12, up_to=True)
    k += pick("court", [c for c in court if section.get(c[0]) in ("xa-hoi", "phap-luat")],
              30 - k, up_to=True)
    pick("court", court, 30 - k)
    world = of("the-gioi")
    pick("world", [c for c in world if WORLD.search(c[2])], 27)
    pick("world", [c for c in world if not WORLD.search(c[2])], 3)
    bus = of("kinh-doanh")
    pick("business", [c for c in bus if BUSINESS.search(c[2])], 23)
    pick("business", [c for c in bus if not BUSINESS.search(c[2])], 2)
    pick("historical", [c for c in cands if HIST.search(c[2]) and CAPS2.search(c[2])], 15)
    pick("other", [c for c in of(*OTHER_SECTIONS) if OTHER.search(c[2])], 20)
    for k, (g, rel, i) in enumerate(out, 1):
        print(f"v{k:03d}\t{g}\t{rel}\t{i}")


if __name__ == "__main__":
    main(sys.argv[1])
