"""Shared pieces of the scripts that select lines of unc-news for an evaluation set
(select_dev4.py, select_dev5.py): reading a corpus file, the even-numbered-document rule,
the candidate lines, and a seeded picker. Every choice stays deterministic: the order of
files, lines and candidates is fixed before any random draw."""
import os, random, re, sys

NEWS_DIR = "unc-news/docs"
URL = re.compile(r"^# url = https?://[^/]+/([^/]+)/")


def read(data, rel):
    """The lines of a corpus file, without their line ends."""
    with open(os.path.join(data, rel), encoding="utf-8", newline="") as f:
        return [l.rstrip("\r\n") for l in f]


def even(fn):
    """An even-numbered document (`..._NNN.txt`): development sets take these, held-out
    sets the odd ones."""
    m = re.search(r"_(\d+)\.txt$", fn)
    return bool(m) and int(m.group(1)) % 2 == 0


def news_candidates(data, used, min_len=40, max_len=320):
    """(candidates, section): every line of an even unc-news document not in `used`, of
    min_len..max_len characters, not a `#` header and found nowhere else in unc-news, as
    (file, line number, text) in file and line order; and each document's section, the
    one its `# url` header names (dantri.com.vn/<section>/...)."""
    files = sorted(os.listdir(os.path.join(data, NEWS_DIR)))
    texts = {f"{NEWS_DIR}/{fn}": read(data, f"{NEWS_DIR}/{fn}") for fn in files}
    count = {}
    for ls in texts.values():
        for t in ls:
            count[t] = count.get(t, 0) + 1
    section = {}
    for rel, ls in texts.items():
        for t in ls[:5]:
            m = URL.match(t)
            if m:
                section[rel] = m[1]
    cands = [(rel, i, t) for rel, ls in texts.items()
             if even(rel) and rel not in used
             for i, t in enumerate(ls, 1)
             if not t.startswith("#") and min_len <= len(t) <= max_len and count[t] == 1]
    return cands, section


class Picker:
    """Draws lines genre by genre from one seeded generator: a line is taken once, a
    document gives at most `per_doc` lines, and `out` keeps (genre, file, line) in order."""

    def __init__(self, seed, per_doc=2):
        self.rng = random.Random(seed)
        self.per_doc = per_doc
        self.taken, self.docs, self.out = set(), {}, []

    def pick(self, genre, pool, n, up_to=False):
        """Takes n lines of pool (fewer only with up_to, else it is an error); returns how
        many it took."""
        pool = [c for c in pool if (c[0], c[1]) not in self.taken]
        got = []
        for c in self.rng.sample(pool, len(pool)):
            if len(got) == n:
                break
            if self.docs.get(c[0], 0) >= self.per_doc:
                continue
            self.docs[c[0]] = self.docs.get(c[0], 0) + 1
            self.taken.add((c[0], c[1]))
            got.append(c)
        if len(got) < n and not up_to:
            raise SystemExit(f"{genre}: only {len(got)} usable of {n}")
        self.out.extend((genre, c[0], c[1]) for c in got)
        print(f"{genre}: {len(pool)} candidates, {len(got)} taken", file=sys.stderr)
        return len(got)
