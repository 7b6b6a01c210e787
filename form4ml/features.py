"""Features of lines (for the zone CRF) and of tokens (for the field CRF).

Like usaddress: ``token_features`` describes one token, ``tokens_to_features``
adds its neighbours' features under ``-1:``/``+1:`` prefixes. Features are
plain strings (python-crfsuite's attribute names), cheap to compute.
"""
import math
import re
from bisect import bisect_left
from functools import lru_cache

DATE = re.compile(r"^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$|^\d{4}-\d{2}-\d{2}$")
PART_DATE = re.compile(r"^[\d/-]*/[\d/-]*$")
NUMBER = re.compile(r"^\d[\d,.]*$")
MARK = re.compile(r"^(?:\(\d{1,2}\)|\[F\d{1,2}\])$")
YEAR = re.compile(r"^(?:19|20)\d\d$")
MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}

LEXICON = {
    "form": "director officer owner other title issuer ticker trading symbol name address "
            "reporting person street city state zip relationship amendment earliest",
    "security": "common stock option options right buy sell units unit class preferred "
                "warrant warrants restricted rsu rsus performance shares share ordinary "
                "ads phantom deferred award series convertible notes",
    "table": "code amount price date exercisable expiration transaction ownership "
             "following reported beneficially nature indirect direct securities underlying",
    "tail": "explanation responses remarks signature footnotes reminder attorney-in-fact "
            "attorney fact by behalf",
}
LEXICON = {w: cat for cat, words in LEXICON.items() for w in words.split()}

HEADER_WORDS = {"code", "v", "amount", "price", "(a)", "(d)", "date", "title", "exercisable",
                "expiration", "shares", "number", "or"}


SHAPE = str.maketrans({**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
                       **{c: "x" for c in "abcdefghijklmnopqrstuvwxyz"}})
RUNS = re.compile(r"(.)\1{3,}")
DIGIT = re.compile(r"\d")


@lru_cache(maxsize=20_000)
def _shape(text):
    s = DIGIT.sub("d", text.translate(SHAPE))
    return RUNS.sub(r"\1\1\1", s)[:12]


@lru_cache(maxsize=100_000)
def word_features(text):
    """Features of a token's text alone (cached: Form 4 text repeats itself)."""
    low = text.lower()
    feats = ["bias", "shape=" + _shape(text), "len=%d" % min(len(text), 12)]
    if NUMBER.match(text):
        digits = text.replace(",", "").rstrip(".")
        feats.append("num")
        if "," in text:
            feats.append("comma")
        if "." in digits:
            feats.append("dec=%d" % min(len(digits) - digits.index(".") - 1, 5))
        try:
            feats.append("mag=%d" % int(math.log10(max(float(digits), 1e-9)) if float(digits) else -1))
        except (ValueError, OverflowError):  # "9" * 400 is infinity as a float
            feats.append("mag=bad")
        if YEAR.match(text):
            feats.append("year")
    elif DATE.match(text):
        feats.append("date")
    elif PART_DATE.match(text) and any(c.isdigit() for c in text):
        feats.append("partdate")
    elif MARK.match(text):
        feats.append("mark")
    else:
        word = low.strip(".,:;")
        feats.append("w=" + word[:20])
        feats.append("suf=" + word[-3:])
        if word[:3] in MONTHS:
            feats.append("month")
        if text.isupper():
            feats.append("upper")
        elif text[:1].isupper():
            feats.append("title")
        if len(text) == 1 and text.isalpha():
            feats.append("letter=" + text.upper())
        if word in LEXICON:
            feats.append("lex=" + LEXICON[word])
    return tuple(feats)


NEIGHBOUR_KEEP = ("w=", "shape=", "num", "mark", "date", "partdate", "lex=", "letter=", "year")


OFFSETS = (-2, -1, 1, 2)
OTHERLINE = {off: "%+d:otherline" % off for off in OFFSETS}
EDGE = {off: "%+d:edge" % off for off in OFFSETS}


@lru_cache(maxsize=20_000)
def neighbour_features(text):
    """What a token shows its neighbours: some of its features, prefixed with each offset."""
    keep = [f for f in word_features(text) if f.startswith(NEIGHBOUR_KEEP)]
    return {off: tuple("%+d:%s" % (off, f) for f in keep) for off in OFFSETS}


def header_columns(lines):
    """For each line, the nearest header line above it (column labels), as
    (char-column -> word) and (cell -> words) maps, or None."""
    current, result = None, []
    for i, line in enumerate(lines):
        words = line.lower().split()
        if sum(w in HEADER_WORDS for w in words) >= 3 and not re.search(r"\d{3}", line):
            cols = [(m.start(), m.end(), m.group().lower()) for m in re.finditer(r"\S+", line)]
            cells = {n: c.strip().lower().split()[-1] for n, c in enumerate(line.split("\t")) if c.strip()}
            current = (i, cols, cells, [e for _, e, _ in cols])
        if current and i - current[0] > 25:
            current = None
        result.append(current)
    return result


def _under(header, token):
    _, cols, cells, ends = header
    feats = []
    mid = token.col + len(token.text) / 2
    # header words do not overlap, so the first whose end + 2 reaches mid is the only candidate
    i = bisect_left(ends, mid - 2)
    if i < len(cols) and cols[i][0] - 2 <= mid:
        feats.append("hcol=" + cols[i][2][:12])
    if token.cell in cells:
        feats.append("hcell=" + cells[token.cell][:12])
    return feats


def gap_before(tokens, lines, i):
    """The whitespace before token ``i``: none, one space, a few, a wide run or a tab.
    Column and cell boundaries show up here even where the layout is scrambled."""
    t = tokens[i]
    if i == 0 or tokens[i - 1].line != t.line:
        return "gap=line"
    prev = tokens[i - 1]
    space = lines[t.line][prev.col + len(prev.text):t.col]
    if "\t" in space:
        return "gap=tab"
    return "gap=%s" % ("0" if not space else "1" if len(space) == 1 else "2" if len(space) < 4 else "wide")


def tokens_to_features(tokens, lines, zones):
    """Feature lists for a document's tokens; ``zones`` gives each line's zone."""
    texts = [t.text for t in tokens]
    base = [word_features(t) for t in texts]
    near = [neighbour_features(t) for t in texts]
    headers = header_columns(lines)
    first_of_line, line_first = {}, {}
    for i, t in enumerate(tokens):
        if t.line not in first_of_line:
            first_of_line[t.line] = i
            low = t.text.lower()
            line_first[t.line] = "lfirst=" + (low if low.isalpha() else _shape(low))[:12]
    gaps = [gap_before(tokens, lines, i) for i in range(len(tokens))]
    out = []
    n = len(tokens)
    for i, t in enumerate(tokens):
        feats = list(base[i])
        feats.append("zone=" + zones[t.line])
        first = first_of_line[t.line]
        if i == first:
            feats.append("linestart")
        if i + 1 == n or tokens[i + 1].line != t.line:
            feats.append("lineend")
        feats.append("pos=%d" % min(i - first, 8))
        feats.append("cell=%d" % min(t.cell, 20))
        feats.append("col=%d" % min(t.col // 8, 20))
        feats.append(line_first[t.line])
        feats.append(gaps[i])
        if i + 1 < n:
            feats.append("+1:" + gaps[i + 1])
        if headers[t.line] is not None:
            feats.extend(_under(headers[t.line], t))
        for off in OFFSETS:
            j = i + off
            if 0 <= j < n:
                feats.extend(near[j][off])
                if tokens[j].line != t.line:
                    feats.append(OTHERLINE[off])
            else:
                feats.append(EDGE[off])
        out.append(feats)
    return out


LINE_KEYWORDS = [
    ("table1", r"table i\b|non-?derivative"),
    ("table2", r"table ii\b|derivative securit"),
    ("explain", r"explanation of responses|^\s*footnotes?\b"),
    ("fnstart", r"^\s*[-*]?\s*(?:\(\d{1,2}\)|\d{1,2}[.)]|\[?F\d{1,2}\]?)\s+[A-Za-z]"),
    ("remarks", r"remarks"),
    ("signature", r"signature|\*\*\s*signature|attorney"),
    ("reminder", r"reminder|persons who respond|intentional misstatements|file three copies|omb number|estimated average|sec 1474|potential persons"),
    ("owner", r"name and address|reporting person\*|\(last\)|\(street\)|\(city\)|\(first\)|\(middle\)"),
    ("issuer", r"issuer name|trading symbol|date of earliest|if amendment"),
    ("rel", r"relationship|director|10% owner|officer \(give|other \(specify|form filed by"),
    ("colhdr", r"title of|\(instr\.|transaction date|execution date|amount of|ownership form"),
    ("formhead", r"form 4|securities and exchange|washington|statement of changes|section 16"),
]
LINE_KEYWORDS = [(k, re.compile(p, re.I)) for k, p in LINE_KEYWORDS]


LINE_NEIGHBOUR_KEEP = ("kw=", "blank", "nnum", "ndate")


def line_features(lines, tokens):
    """Feature lists for the zone CRF, one per line."""
    by_line = [[] for _ in lines]
    for t in tokens:
        by_line[t.line].append(t.text)
    base = []
    for i, (line, toks) in enumerate(zip(lines, by_line)):
        feats = ["bias", "rel=%d" % (10 * i // max(len(lines), 1))]
        base.append(feats + (list(_line_text_features(line, tuple(toks))) if toks else ["blank"]))
    shown = [[f for f in feats if f.startswith(LINE_NEIGHBOUR_KEEP)] for feats in base]
    out = []
    for i, feats in enumerate(base):
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < len(base):
                feats.extend("%+d:%s" % (off, f) for f in shown[j])
        out.append(feats)
    return out


@lru_cache(maxsize=20_000)
def _line_text_features(line, toks):
    """Features of a non-blank line that depend on its text alone (cached: boilerplate repeats)."""
    feats = ["kw=" + k for k, p in LINE_KEYWORDS if p.search(line)]
    wf = [word_features(t) for t in toks]
    feats.append("first=" + ([f for f in wf[0] if f.startswith(("w=", "shape="))][0])[:20])
    feats.append("nnum=%d" % min(sum("num" in f for f in wf), 6))
    feats.append("ndate=%d" % min(sum("date" in f for f in wf), 4))
    feats.append("nmark=%d" % min(sum("mark" in f for f in wf), 3))
    feats.append("ntok=%d" % min(len(toks) // 4, 10))
    feats.append("ntab=%d" % min(line.count("\t"), 6))
    feats.append("indent=%d" % min((len(line) - len(line.lstrip())) // 4, 6))
    feats.extend(sorted({f for w in wf for f in w if f.startswith("lex=")}))
    return tuple(feats)
