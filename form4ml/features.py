"""Features of lines (for the zone CRF) and of tokens (for the field CRFs).

Like usaddress: ``token_features`` describes one token, ``tokens_to_features``
adds its neighbours' features under ``-1:``/``+1:`` prefixes. Features are
plain strings (python-crfsuite's attribute names), cheap to compute.
"""
import math
import re
from bisect import bisect_left
from functools import lru_cache

from .values import STATES

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
# words of US state names show the field CRFs that they are one (lex=state) and not which:
# the training filings' owners live in a few states, and a model that learned those
# states' words read an unseen one as part of the city (``REDMOND WASHINGTON``)
STATE_WORDS = {w for name in STATES.values() for w in name.lower().split()} - {"new", "north", "south", "west", "of"}
LEXICON.update({w: "state" for w in STATE_WORDS if w not in LEXICON})

def form_words(template_lines):
    """Words of four or more letters that the form prints (its label lines, the lexicon),
    never a state's: the words a text in capitals shows in the case the models learnt."""
    words = {w for line in template_lines for w in re.findall(r"[a-z]{4,}", line)}
    words |= {w for w, cat in LEXICON.items() if cat != "state" and len(w) >= 4 and w.isalpha()}
    return frozenset(words - STATE_WORDS)


def security_words(words):
    """Whether ``words`` could be a security's title, or a line of one: security words
    and single capitals (``Class A Common``, ``Stock``)."""
    return all(LEXICON.get(w.lower()) == "security" or (len(w) == 1 and w.isupper()) for w in words)


HEADER_WORDS = {"code", "v", "amount", "price", "(a)", "(d)", "date", "title", "exercisable",
                "expiration", "shares", "number", "or"}


SHAPE = str.maketrans({**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
                       **{c: "x" for c in "abcdefghijklmnopqrstuvwxyz"}})
RUNS = re.compile(r"(.)\1{3,}")
DIGIT = re.compile(r"\d")


@lru_cache(maxsize=20_000)
def word_shape(text):
    s = DIGIT.sub("d", text.translate(SHAPE))
    return RUNS.sub(r"\1\1\1", s)[:12]


@lru_cache(maxsize=100_000)
def word_features(text):
    """Features of a token's text alone (cached: Form 4 text repeats itself). The first
    four are its bias, shape, length and, for a number, date or mark, that class."""
    low = text.lower()
    feats = ["bias", "shape=" + word_shape(text), "len=%d" % min(len(text), 12)]
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
        if word not in STATE_WORDS:     # a state word shows only lex=state (see STATE_WORDS)
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
        if len(text) == 2 and text in STATES:
            feats.append("statecode")
        if word in LEXICON:
            feats.append("lex=" + LEXICON[word])
    return tuple(feats)


NEIGHBOUR_KEEP = ("w=", "shape=", "num", "mark", "date", "partdate", "lex=", "letter=", "year")


OFFSETS = (-2, -1, 1, 2)
OTHERLINE = {off: "%+d:otherline" % off for off in OFFSETS}
EDGE = {off: "%+d:edge" % off for off in OFFSETS}


@lru_cache(maxsize=20_000)
def neighbour_features(text):
    """What a token shows its neighbours, for each of ``OFFSETS``: some of its features,
    prefixed with the offset, as seen from its own line and from another line."""
    keep = [f for f in word_features(text) if f.startswith(NEIGHBOUR_KEEP)]
    shown = {off: tuple("%+d:%s" % (off, f) for f in keep) for off in OFFSETS}
    return tuple((shown[off], shown[off] + (OTHERLINE[off],)) for off in OFFSETS)


def header_columns(lines):
    """For each line, the nearest header line above it (column labels), as
    (char-column -> "hcol=" feature) and (cell -> "hcell=" feature) maps, or None."""
    current, result = None, []
    for i, line in enumerate(lines):
        words = line.lower().split()
        if sum(map(HEADER_WORDS.__contains__, words)) >= 3 and not re.search(r"\d{3}", line):
            cols = [(m.start(), m.end(), "hcol=" + m.group().lower()[:12]) for m in re.finditer(r"\S+", line)]
            cells = {n: "hcell=" + c.strip().lower().split()[-1][:12]
                     for n, c in enumerate(line.split("\t")) if c.strip()}
            current = (i, cols, cells, [e for _, e, _ in cols])
        if current and i - current[0] > 25:
            current = None
        result.append(current)
    return result


def _under(header, token):
    """The header word above the token's middle and the header of its cell."""
    _, cols, cells, ends = header
    feats = []
    mid = token.col + len(token.text) / 2
    # header words do not overlap, so the first whose end + 2 reaches mid is the only candidate
    i = bisect_left(ends, mid - 2)
    if i < len(cols) and cols[i][0] - 2 <= mid:
        feats.append(cols[i][2])
    if token.cell in cells:
        feats.append(cells[token.cell])
    return feats


GAPS = ("gap=0", "gap=1", "gap=2", "gap=2", "gap=wide")   # by the length of the space, up to 4
NEXT_GAP = {g: "+1:" + g for g in (*GAPS, "gap=tab", "gap=line")}


@lru_cache(maxsize=1000)
def _gap(space):
    """The gap feature of the whitespace between two tokens of a line: none, one space,
    a few, a wide run or a tab. Column and cell boundaries show up here even where the
    layout is scrambled."""
    return "gap=tab" if "\t" in space else GAPS[min(len(space), 4)]


POS = tuple("pos=%d" % k for k in range(9))
CELL = tuple("cell=%d" % k for k in range(21))
COL = tuple("col=%d" % k for k in range(21))


def tokens_to_features(tokens, lines, zones, skip=None):
    """Feature lists for a document's tokens; ``zones`` gives each line's zone. A token
    that ``skip`` marks (see cascade.skipped) gets None: no CRF will see it."""
    skip = skip or [None] * len(tokens)
    out = [None if s else list(word_features(t.text)) for t, s in zip(tokens, skip)]
    rows = [t.line for t in tokens]
    spans = _line_spans(rows)
    headers = header_columns(lines)
    for a, b in spans:
        if any(out[a:b]):
            row = rows[a]
            _add_line_context(out, tokens, a, b, lines[row], zones[row], headers[row])
    _add_neighbours(out, tokens, rows)
    _add_column_neighbours(out, tokens, lines, spans)
    return out


def _line_spans(rows):
    """(start, end) of each run of tokens on one line."""
    starts = [i for i in range(len(rows)) if i == 0 or rows[i] != rows[i - 1]]
    return list(zip(starts, starts[1:] + [len(rows)]))


def _add_line_context(out, tokens, a, b, line, zone, header):
    """Append to tokens ``a:b``, those of ``line``, their place in it: zone, line edges,
    position, cell, column, the line's first word, the gaps around them, the header above."""
    toks = tokens[a:b]
    low = toks[0].text.lower()
    first = "lfirst=" + (low if low.isalpha() else word_shape(low))[:12]
    gaps = ["gap=line"] + [_gap(line[prev.col + len(prev.text):t.col]) for prev, t in zip(toks, toks[1:])]
    last = len(toks) - 1
    zone_feat = "zone=" + zone
    for k, (t, feats, gap) in enumerate(zip(toks, out[a:b], gaps)):
        if feats is None:
            continue
        col = t.col // 8
        feats += (zone_feat, POS[k if k < 8 else 8], CELL[t.cell if t.cell < 20 else 20],
                  COL[col if col < 20 else 20], first, gap)
        if k == 0:
            feats.append("linestart")
        if k < last:
            feats.append(NEXT_GAP[gaps[k + 1]])
        else:
            feats.append("lineend")
            if b < len(tokens):
                feats.append("+1:gap=line")
        if header:
            feats += _under(header, t)


def _add_neighbours(out, tokens, rows):
    """Append what the tokens up to two either side show, offset by offset."""
    n = len(tokens)
    for i, feats in enumerate(out):
        if feats is None:
            continue
        for k, off in enumerate(OFFSETS):
            j = i + off
            if 0 <= j < n:
                feats += neighbour_features(tokens[j].text)[k][rows[j] != rows[i]]
            else:
                feats.append(EDGE[off])


COLUMN_KEEP = ("shape=", "num", "date", "lex=", "mark")
COLUMN_SLACK = 2    # columns two tokens' starts may differ by and still share a column


@lru_cache(maxsize=20_000)
def column_features(text):
    """What a token shows the token below it ("up:" there) and above it ("down:")."""
    keep = [f for f in word_features(text) if f.startswith(COLUMN_KEEP)]
    return tuple("up:" + f for f in keep), tuple("down:" + f for f in keep)


def _add_column_neighbours(out, tokens, lines, spans):
    """Append what the token starting in the same column on the line above (and below)
    shows: in fixed-width tables a cell too long for its column wraps there
    (``Class A Common`` above ``Stock``). Lines with tabs have no columns to speak of."""
    spaced = {}     # line without tabs -> ([column], [token index]) in line order
    for a, b in spans:
        line = tokens[a].line
        if "\t" not in lines[line]:
            spaced[line] = ([t.col for t in tokens[a:b]], range(a, b))
    for line, (cols, idx) in spaced.items():
        kept = [k for k, i in enumerate(idx) if out[i] is not None]
        if not kept:
            continue
        kept_cols = [cols[k] for k in kept]
        for side, (step, none) in enumerate(((-1, "up:none"), (1, "down:none"))):
            other = spaced.get(line + step)
            for k, j in zip(kept, _same_columns(kept_cols, other) if other else [None] * len(kept)):
                if j is None:
                    out[idx[k]].append(none)
                else:
                    out[idx[k]] += column_features(tokens[j].text)[side]


def _same_columns(cols, other):
    """For each of ``cols`` (ascending), the token of ``other`` (columns, indices)
    starting within COLUMN_SLACK of it, or None: one walk along both lines."""
    other_cols, other_idx = other
    found, k, n = [], 0, len(other_cols)
    for col in cols:
        while k < n and other_cols[k] < col - COLUMN_SLACK:
            k += 1
        found.append(other_idx[k] if k < n and other_cols[k] <= col + COLUMN_SLACK else None)
    return found


LINE_KEYWORDS = [     # (feature, searched for anywhere in the lowered line, or only at its start)
    ("table1", r"table i\b|non-?derivative", None),
    ("table2", r"table ii\b|derivative securit", None),
    ("explain", r"explanation of responses", r"\s*footnotes?\b"),
    ("fnstart", None, r"\s*(?:[-*]\s*)?(?:\(\d{1,2}\)|\d{1,2}[.)]|\[?f\d{1,2}\]?)\s+[a-z]"),
    ("remarks", r"remarks", None),
    ("signature", r"signature|\*\*\s*signature|attorney", None),
    ("reminder", r"reminder|persons who respond|intentional misstatements|file three copies|omb number|estimated average|sec 1474|potential persons", None),
    ("owner", r"name and address|reporting person\*|reporting owner|\(last\)|\(street\)|\(city\)|\(first\)|\(middle\)", None),
    ("issuer", r"issuer name|trading symbol|date of earliest|if amendment", None),
    ("rel", r"relationship|director|10% owner|officer \(give|other \(specify|form filed by", None),
    ("colhdr", r"title of|\(instr\.|transaction date|execution date|amount of|ownership form", None),
    ("formhead", r"form 4|securities and exchange|washington,? d\.?\s?c\b|statement of changes|section 16", None),
]
# Each becomes "kw=" + feature and a test; a pattern for the line's start is matched there
# only (``search`` would try it at every position: 30 us a line, as much as the rest together),
# and opens with one run of spaces (``\s*[-*]?\s*`` backtracked over the hundred spaces that
# open a pdftotext -layout line, square in their number).
LINE_KEYWORDS = [("kw=" + k, re.compile(anywhere).search if anywhere else None,
                  re.compile(start).match if start else None) for k, anywhere, start in LINE_KEYWORDS]


LINE_NEIGHBOUR_KEEP = ("kw=", "blank", "nnum", "ndate")


@lru_cache(maxsize=20_000)
def _lexicon_feature(text):
    """The token's ``lex=`` feature for the zone CRF, or None. State names are left to the
    field CRFs: seen by the zone CRF, they moved table lines of one dev issuer into the
    wrong table (dev 0.903 -> 0.895)."""
    return next((f for f in word_features(text) if f.startswith("lex=") and f != "lex=state"), None)


REL = tuple("rel=%d" % k for k in range(10))


def line_features(lines, tokens):
    """Feature lists for the zone CRF, one per line."""
    by_line = [[] for _ in lines]
    for t in tokens:
        by_line[t.line].append(t.text)
    seen = [_line_text_features(line, tuple(toks)) if toks else BLANK_LINE
            for line, toks in zip(lines, by_line)]
    n = len(lines)
    out = []
    for i, (feats, _) in enumerate(seen):
        row = ["bias", REL[10 * i // n], *feats]
        for k, off in enumerate(OFFSETS):
            if 0 <= i + off < n:
                row += seen[i + off][1][k]
        out.append(row)
    return out


def _line_shown(feats):
    """What a line shows its neighbours: some of its features, prefixed with each offset."""
    shown = [_offset_forms(f) for f in feats if f.startswith(LINE_NEIGHBOUR_KEEP)]
    return tuple(tuple(forms[k] for forms in shown) for k in range(len(OFFSETS)))


@lru_cache(maxsize=1000)
def _offset_forms(feat):
    return tuple("%+d:%s" % (off, feat) for off in OFFSETS)


BLANK_LINE = (("blank",), _line_shown(("blank",)))


@lru_cache(maxsize=20_000)
def _line_text_features(line, toks):
    """Features of a non-blank line that depend on its text alone, and what it shows its
    neighbours (cached: boilerplate repeats)."""
    low = line.lower()
    feats = [k for k, anywhere, start in LINE_KEYWORDS
             if (anywhere and anywhere(low)) or (start and start(low))]
    kinds = [word_features(t)[3] for t in toks]
    feats.append("first=" + word_features(toks[0])[1][:20])      # the first token's shape
    feats.append("nnum=%d" % min(kinds.count("num"), 6))
    feats.append("ndate=%d" % min(kinds.count("date"), 4))
    feats.append("nmark=%d" % min(kinds.count("mark"), 3))
    feats.append("ntok=%d" % min(len(toks) // 4, 10))
    feats.append("ntab=%d" % min(line.count("\t"), 6))
    feats.append("indent=%d" % min((len(line) - len(line.lstrip())) // 4, 6))
    feats.extend(sorted({f for f in map(_lexicon_feature, toks) if f}))
    return tuple(feats), _line_shown(feats)
