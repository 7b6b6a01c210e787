"""Find a filing's gold values in its rendered text: labelled character spans.

Each value is looked for in the part of the text where it belongs (header before
Table I, rows in their table, footnotes after 'Explanation of Responses'), first
as an exact surface form (``25,893``, ``02/18/2014``, ``Feb. 18, 2014``), then
OCR-tolerant (``25.893``, ``5S0``), then fuzzily in pieces (``02/18/2`` ... ``014``).
Rows are aligned in filing order, each row's values after the previous row's. A cell
wrapped in its column is followed down the lines below it, over the lines of a row that
``pdftotext -layout`` centres (its tall cells' lines above and below its short ones).
"""
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache, partial
from difflib import SequenceMatcher

from form4ml.assemble import RIGHT_CELLS
from form4ml.labels import FIELDS
from form4ml.values import PLACES

MIN_COVERAGE = 0.8
ROW_SPAN = 900          # characters a row's values may spread over after its first value
WORD_GAP = r"[\W_]{0,3}?"   # between the words of a text value on one line
COLUMN_SLACK = 3        # columns a wrapped cell's next line may start left or right of its first
MAX_WRAP_LINES = 4      # lines one wrapped cell may run over
MAX_SKIP_LINES = 2      # lines of a row's other cells between two lines of one cell (pdftotext
                        # -layout centres a row's short cells between the lines of its tall ones)
MAX_WRAP_WORDS = 8      # longer values (footnotes) are not looked for as wrapped cells
CELL_START = re.compile(r"(?<![^\s|])[^\s|]")   # after a space or an ASCII table's "|"
MIN_CUT_HEAD = 4         # characters a text value cut at its column's edge shows before the cut
CELL_END = r"(?= *(?:\||\n| {2}|$))"   # what follows the last character of a cell
LONE_VALUE = re.compile(r"\s*(?:\$\s*)?\(?[\d.,/-]+\)?\s*$")   # a line holding one number, date or mark
CUT_HEAD = re.compile(r"(?<![^\s|])\$?\d[\d,./-]*(?![^\s|])")   # a number or date ending its cell
MARK_REACH = 60         # characters after a row's last value still searched for its marks

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
OCR_DIGITS = {"0": "0Oo", "1": "1Il|", "2": "2Z", "5": "5Ss§", "6": "6b", "8": "8B"}
OCR_LETTERS = {"A": "AΑ", "D": "D0O", "I": "I1l|", "X": "XxΧ"}
MARK = re.compile(r"<sup>\s*\(?(\d{1,2})\)?\s*</sup>|\((\d{1,2})\)|\[F(\d{1,2})\]"
                  r"|([¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})|(?<=\d)(\d)\)", re.I)
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
RELATIONSHIPS = {"is_director": r"Director", "is_ten_percent_owner": r"10\s*%\s*Owner",
                 "is_officer": r"Officer", "is_other": r"Other\b"}
FLAG_LABEL = {"is_director": "is_director", "is_ten_percent_owner": "is_ten_percent",
              "is_officer": "is_officer", "is_other": "is_other"}
OWNERS_TABLE = re.compile(r"^\W*reporting owners\b", re.I | re.M)
AFTER_OWNERS_TABLE = re.compile(r"^\W*(?:signatures?|explanation of responses|remarks)\b", re.I | re.M)
CHECK = re.compile(r"(?<![A-Za-z])[XxΧ✓✔☒☑](?![A-Za-z])(?!\s*_*\s*Form filed)")
HEADINGS = {
    "table1": re.compile(r"table\s+i\b(?!i)|n-?\s*deriv[\w\s]{0,12}sec", re.I),
    "table2": re.compile(r"table\s+ii\b|(?<![-n\s])\s*derivative securities acquired", re.I),
    "footnotes": re.compile(r"explanation\s+of\s+responses", re.I),
}

# Column order of each kind of row: (record key, label, kind).
_TITLE, _OWNED, _DI, _NATURE = (("security_title", "title", "text"),
                                ("shares_owned_following", "owned", "number"),
                                ("direct_or_indirect", "di", "letter"),
                                ("nature_of_ownership", "nature", "text"))
_UNDERLYING = (("exercise_date", "ex_date", "date"), ("expiration_date", "exp_date", "date"),
               ("underlying_security_title", "und_title", "text"),
               ("underlying_shares", "und_shares", "number"))
_TX = (("transaction_date", "tx_date", "date"), ("deemed_execution_date", "deemed_date", "date"),
       ("transaction_code", "code", "letter"), ("equity_swap_involved", "v", "v"),
       ("shares", "shares", "number"))
COLUMNS = {
    "non_derivative_transactions": (_TITLE, *_TX, ("acquired_disposed", "ad", "letter"),
                                    ("price_per_share", "price", "number"), _OWNED, _DI, _NATURE),
    "non_derivative_holdings": (_TITLE, _OWNED, _DI, _NATURE),
    "derivative_transactions": (_TITLE, ("conversion_or_exercise_price", "ex_price", "number"),
                                *_TX, *_UNDERLYING, ("price_per_share", "price", "number"),
                                _OWNED, _DI, _NATURE),
    "derivative_holdings": (_TITLE, ("conversion_or_exercise_price", "ex_price", "number"),
                            *_UNDERLYING, _OWNED, _DI, _NATURE),
}
TABLE_REGION = {"non_derivative_transactions": "table1", "non_derivative_holdings": "table1",
                "derivative_transactions": "table2", "derivative_holdings": "table2"}
OWNER_FIELDS = (("name", "owner_name", "text"), ("street1", "owner_street1", "text"),
                ("street2", "owner_street2", "text"), ("city", "owner_city", "text"),
                ("state", "owner_state", "state"), ("zip_code", "owner_zip", "zip"),
                ("officer_title", "officer_title", "text"), ("other_text", "other_text", "text"))


@dataclass
class Alignment:
    """Labelled spans of one text and, per label, (values found, values expected)."""
    spans: list = field(default_factory=list)
    report: dict = field(default_factory=dict)

    @property
    def coverage(self) -> float:
        found = sum(f for f, _ in self.report.values())
        expected = sum(e for _, e in self.report.values())
        return found / expected if expected else 1.0

    def poor(self, threshold: float = MIN_COVERAGE) -> bool:
        """True when too few gold values were found for the text to train on."""
        return self.coverage < threshold


# ---------------------------------------------------------------- surface patterns

def _chars(s, table):
    return "".join(f"[{re.escape(table[c])}]" if c in table else re.escape(c) for c in s)


def _number_patterns(value):
    """Exact then OCR-tolerant regexes for a share count or price."""
    digits = format(Decimal(str(value)).normalize(), "f")
    whole, _, frac = digits.partition(".")
    groups = [whole[max(0, i - 3):i] for i in range(len(whole), 0, -3)][::-1]
    out = []
    for sep, point, table in ((",?", r"\.", {}), (r"[,.\s]?", "[.,]", OCR_DIGITS)):
        body = sep.join(_chars(g, table) for g in groups)
        tail = f"{point}{_chars(frac, table)}0*" if frac else f"(?:{point}0+)?"
        out.append(rf"(?:(?<![\d.,])|(?<=[\s(][$5sS§]))({body}{tail})(?![\d]|[.,]\d)")
    return out


def _date_patterns(iso):
    y, m, d = (int(p) for p in iso.split("-"))
    mon = MONTHS[m - 1]
    exact = [rf"0?{m}\s*[/.-]\s*0?{d}\s*[/.-]\s*(?:{y}|{y % 100:02d})", rf"{y}-{m:02d}-{d:02d}",
             rf"{mon}[a-z]*\.?\s+0?{d},?\s+{y}", rf"0?{d}\s+{mon}[a-z]*\.?,?\s+{y}"]
    ocr = rf"{_chars(f'{m:02d}', OCR_DIGITS)}\s*[/.,|-]\s*{_chars(f'{d:02d}', OCR_DIGITS)}" \
          rf"\s*[/.,|-]\s*{_chars(str(y), OCR_DIGITS)}"
    wrap = r"(?<!\d)({})(?!\d)"
    fused = rf"({m:02d}/{d:02d}/{y})"        # cells run together: 02/20/202102/19/2030
    return [wrap.format("|".join(exact)), wrap.format(ocr), fused]


def _text_patterns(value):
    """Words of the value in order, any punctuation or space between (cells, lines)."""
    core = _words_core(value, r"[\W_]{0,40}?")
    return [rf"(?i)(?<![^\W_])({core})(?![^\W_])", rf"(?i)({core})"] if core else []


def _words_core(value, gap, lead=True):
    """A regex for the words of ``value`` in order with ``gap`` between them, its opening
    (if ``lead``) and closing punctuation optional; None if it has no word."""
    words = re.findall(r"[^\W_]+", value)
    if not words:
        return None
    body = gap.join(map(re.escape, words))
    lead = re.escape(value[:len(value) - len(value.lstrip("([$\"'/"))]) if lead else ""
    trail = re.escape(value[len(value.rstrip(".)]\"'")):])
    return rf"(?:{lead})?{body}(?:{trail})?" if lead or trail else body


def _letter_patterns(letter):
    return [rf"(?<![\w(])({re.escape(letter)})(?![\w)])",
            rf"(?<![\w(])([{re.escape(OCR_LETTERS.get(letter, letter))}])(?![\w)])"]


def patterns(value, kind):
    """Regexes for a value, best first; group 1 is the value."""
    if kind == "number":
        return _number_patterns(value)
    if kind == "date":
        return _date_patterns(value)
    if kind == "letter":
        return _letter_patterns(value)
    if kind == "v":
        return _letter_patterns("V")
    if kind == "check":
        return [f"({CHECK.pattern})"]
    if kind == "state":
        full = PLACES.get(value.upper())
        return [rf"(?<![A-Za-z])({re.escape(value)})(?![A-Za-z])"] + (_text_patterns(full)[:1] if full else [])
    if kind == "ticker":    # a ticker of one letter (``U``, ``C``) is never part of a word
        alone = rf"(?<![A-Za-z0-9])({re.escape(value)})(?![A-Za-z0-9])"
        return [alone] + ([rf"({re.escape(value)})"] if len(value) > 1 else [])
    if kind == "zip":   # ZIP+4 may break after its hyphen (``98052-`` / ``6399``)
        exact = re.escape(value).replace(r"\-", r"-\s*")
        return [rf"(?<!\d)({exact})(?!\d)", rf"({exact})"]
    return _text_patterns(value)


def surface(value, kind):
    """The plain text a value most likely shows as (for fuzzy matching)."""
    if kind == "number":
        v = Decimal(str(value)).normalize()
        return f"{v:,f}"
    if kind == "date":
        y, m, d = value.split("-")
        return f"{m}/{d}/{y}"
    return str(value)


# ---------------------------------------------------------------- searching

# The patterns of one long filing outnumber re's own cache (512), and a footnote's
# pattern takes milliseconds to compile: keep them all.
_regex = lru_cache(maxsize=4096)(re.compile)


class Aligner:
    """Spans found so far in one text, never overlapping."""

    def __init__(self, text):
        self.text = text
        self.taken = []     # (start, end, label[, part of its value])

    def free(self, s, e):
        return s < e and all(e <= a or s >= b for a, b, *_ in self.taken)

    def add(self, pieces, label):
        """Take a value's pieces; each span after its first carries the number of its
        piece (``[s, e, label, 1]``), so training tags it as continuing the value."""
        part = 0
        for s, e in pieces:
            for ps, pe in _split_cells(self.text, s, e):
                if self.free(ps, pe):
                    self.taken.append((ps, pe, label, part))
                    part += 1

    def find(self, value, kind, lo, hi, near=None):
        """Pieces [(start, end)] of the first occurrence in [lo, hi), or None.

        Long text values take the earliest exact hit of any pattern (cells fuse in
        some renderings) or of the value wrapped in its column; other values try their
        patterns best first."""
        hits = []
        for pattern in patterns(value, kind):
            hit = self._first(pattern, kind, lo, hi)
            if hit and not (kind == "text" and len(value) >= 6):
                return [hit]
            hits += [[hit]] if hit else []
        if kind == "text" and 1 < len(value.split()) <= MAX_WRAP_WORDS:
            before = min(h[0][0] for h in hits) if hits else hi    # only an earlier one matters
            hits += [w] if (w := self.wrapped(value, lo, before)) else []
        if hits:
            return min(hits)
        if kind in ("number", "date") and (cut := self.cut(value, kind, lo, min(hi, near[0]) if near else hi)):
            return cut
        if kind == "date" and (wrap := self.wrapped_date(value, lo, hi)):
            return wrap
        if kind == "text" and len(value.split()) <= MAX_WRAP_WORDS and (cut := self.cut_text(value, lo, hi)):
            return cut
        if kind == "zip" and "-" in value:
            return self.split_zip(value, lo, hi)
        if kind in ("text", "number", "date"):
            return self.fuzzy(surface(value, kind), kind, lo, hi, near)
        return None

    def wrapped(self, value, lo, hi):
        """Pieces of a text value wrapped within its column over consecutive lines, as
        fixed-width tables and ``pdftotext -layout`` show a long cell (``Class A Common``
        above ``Stock``); the first such occurrence in [lo, hi), or None."""
        words = re.findall(r"[^\W_]+", value)
        best = None
        for n in range(len(words) - 1, 0, -1):
            head = re.compile(r"(?i)(?<![^\W_])" + WORD_GAP.join(map(re.escape, words[:n])) + r"(?![^\W_])")
            for m in head.finditer(self.text, lo, hi):
                pieces = self._column_below(m.start(), m.end(), words[n:], hi)
                if pieces and all(self.free(s, e) for s, e in pieces):
                    if best is None or pieces[0] < best[0]:
                        best = pieces
                    break
        return best

    def cut(self, value, kind, lo, hi):
        """Pieces of a number or date that a fixed-width table cut at its column's edge,
        the rest on the next line in the same column (``697,6`` above ``74``, ``2/7/0``
        above ``0``); the first such occurrence whose head lies in [lo, hi), or None."""
        exact, starts = _regex(patterns(value, kind)[0]), _digit_forms(value, kind)
        for head in CUT_HEAD.finditer(self.text, lo, hi):
            digits = re.sub(r"\D", "", head.group())
            if not any(f.startswith(digits) and f != digits for f in starts):
                continue
            s, e = head.span()
            tail = self._cell_below(s)
            if not tail or not self.free(s, e):
                continue
            tail_end = self.text.find("\n", tail)
            joined = head.group() + self.text[tail:tail_end if tail_end >= 0 else None]
            m = exact.search(joined)
            if m and m.start(1) <= 1 and m.end(1) > len(head.group()) and self.free(tail, tail + m.end(1) - (e - s)):
                return [(s + m.start(1), e), (tail, tail + m.end(1) - (e - s))]
        return None

    def wrapped_date(self, value, lo, hi):
        """Pieces of a date spelled out and wrapped in its column (``Sept. 2,`` above
        ``2025`` in a fixed-width table), the first in [lo, hi), or None."""
        y, m, d = (int(p) for p in value.split("-"))
        head = rf"(?i)(?<![^\s|]){MONTHS[m - 1]}[a-z]*\.?\s+0?{d},?" + CELL_END
        return self.split_below(head, rf"{y}(?!\d)", lo, hi)

    def cut_text(self, value, lo, hi):
        """Pieces of a text value that a fixed-width table cut inside a word at its
        column's edge, the rest starting the cell below (``See footnot`` above ``e``);
        the first such occurrence whose head lies in [lo, hi), or None."""
        for k in range(len(value) - 1, MIN_CUT_HEAD - 1, -1):
            head, tail = value[:k], value[k:]
            if not (head[-1].isalnum() and tail[0].isalnum()):
                continue            # a cut between words is a wrapped cell (see ``wrapped``)
            pieces = self.split_below(r"(?i)(?<![^\W_])" + _words_regex(head) + CELL_END,
                                      r"(?i)" + _words_regex(tail) + r"(?![^\W_])", lo, hi)
            if pieces:
                return pieces
        return None

    def split_zip(self, value, lo, hi):
        """Pieces of a ZIP+4 broken after its hyphen: ``98052-`` above ``6399`` with the
        city's line between (``pdftotext -layout``), or both on the city's line around
        the city and state (pdfplumber: ``98052- REDMOND WASHINGTON 6399``); or None."""
        head, tail = (re.escape(part) for part in value.split("-", 1))
        head, tail = rf"(?<!\d){head}-(?!\S)", rf"{tail}(?!\d)"
        along = re.compile(r"(?<![\d-])" + tail)

        def on_its_line(m):
            return along.search(self.text, m.end(), min(hi, _line_end(self.text, m.end(), 1)))
        return self.split_below(head, tail, lo, hi) or self._split(head, on_its_line, lo, hi)

    def split_below(self, head, tail, lo, hi):
        """Pieces [head, tail] of the first match of the ``head`` regex in [lo, hi) whose
        cell below begins with a match of ``tail``, or None."""
        rest_at = re.compile(tail)

        def below(m):
            start = self._cell_below(m.start())
            return start is not None and rest_at.match(self.text, start)
        return self._split(head, below, lo, hi)

    def _split(self, head, rest_of, lo, hi):
        """Pieces [head, rest] of the first free match of the ``head`` regex in [lo, hi)
        for which ``rest_of(match)`` gives a free match of the rest, or None."""
        for m in _regex(head).finditer(self.text, lo, hi):
            rest = rest_of(m)
            if rest and self.free(*m.span()) and self.free(*rest.span()):
                return [m.span(), rest.span()]
        return None

    def _cell_below(self, start):
        """Where the cell in the column of ``start`` goes on below, or None."""
        found = self._cell_under(start, start - self.text.rfind("\n", 0, start) - 1)
        return found and found[0]

    def _cell_under(self, pos, column, hi=None):
        """(start, line end) of the cell at ``column`` on the first line after the one
        holding ``pos``, passing over up to MAX_SKIP_LINES lines of a centred row's other
        cells (text elsewhere, none near the column); or None."""
        text, line_start = self.text, pos
        for _ in range(MAX_SKIP_LINES + 1):
            line_start = text.find("\n", line_start) + 1
            if not line_start or (hi is not None and line_start >= hi):
                return None
            line_end = len(text) if (e := text.find("\n", line_start)) < 0 else e
            line_end = line_end if hi is None else min(hi, line_end)
            cell = self._cell_at(line_start, line_end, column)
            if cell is not None:
                return cell, line_end
            line = text[line_start:line_end]
            if not line.strip() or line[max(column - COLUMN_SLACK, 0):column + COLUMN_SLACK + 1].strip():
                return None
        return None

    def _cell_at(self, line_start, line_end, column):
        """Where a cell begins within COLUMN_SLACK of ``column`` on the line starting at
        ``line_start``, or None."""
        cell = CELL_START.search(self.text, line_start + max(column - COLUMN_SLACK, 0), line_end)
        return cell.start() if cell and cell.start() - line_start - column <= COLUMN_SLACK else None

    def _column_below(self, start, end, words, hi):
        """[(start, end)] of the head and of the rest of ``words`` on the lines below,
        each line's piece starting within COLUMN_SLACK of the head's column."""
        text, pieces = self.text, [(start, end)]
        column = start - text.rfind("\n", 0, start) - 1
        while words:
            found = len(pieces) <= MAX_WRAP_LINES and self._cell_under(pieces[-1][1] - 1, column, hi)
            for _ in range(MAX_SKIP_LINES):     # plain pdftotext: a centred row's number between
                if not found or not LONE_VALUE.match(text, *found):     # ``Common`` and ``Stock``
                    break
                found = self._cell_under(found[0], column, hi)
            if not found:
                return None
            piece, words = _words_at(text, *found, words)
            if not piece:
                return None
            pieces.append(piece)
        return pieces

    def exact(self, value, kind, lo, hi):
        """(start, end) of the value's first free exact occurrence in [lo, hi), or None."""
        return next((hit for p in patterns(value, kind) if (hit := self._first(p, kind, lo, hi))), None)

    def _first(self, pattern, kind, lo, hi):
        for m in _regex(pattern).finditer(self.text, lo, hi):
            s, e = m.span(1)
            if self.free(s, e) and _plausible(m.group(1), kind):
                return s, e
        return None

    def fuzzy(self, needle, kind, lo, hi, near=None):
        """Matching blocks of the needle in order within [lo, hi), merged into pieces.

        With ``near`` (line end, next line end) the value must start on the current
        line and may run on to the next; the better covered of the two wins."""
        if not near:
            return self._blocks(needle, kind, lo, hi)[0]
        fits = [self._blocks(needle, kind, lo, min(hi, h)) for h in near]
        fits = [f for f in fits if f[0] and f[0][0][0] < near[0]]
        return max(fits, key=lambda f: f[1])[0] if fits else None

    def _blocks(self, needle, kind, lo, hi):
        """(pieces, share of the needle covered); pieces None when too little matches."""
        hay = self.text[lo:hi]
        a, b = needle.lower(), hay.lower()
        if len(b) != len(hay) or not needle:
            return None, 0
        least = 2 if kind == "number" else 3
        blocks = [x for x in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
                  if x.size >= least or (x.size and _whole_cell(hay, x.b, x.b + x.size))]
        pieces, covered = [], 0
        for x in blocks:
            s = lo + x.b
            if pieces and s - pieces[-1][1] <= 2 and x.a - pieces[-1][2] <= 2:
                pieces[-1] = [pieces[-1][0], s + x.size, x.a + x.size]
            elif not pieces or s - pieces[-1][1] <= ROW_SPAN // 3:
                pieces.append([s, s + x.size, x.a + x.size])
            else:
                break
            covered += x.size
        share = covered / len(a)
        pieces = [(s, e) for s, e, _ in pieces]
        if not pieces or share < (0.85 if kind == "number" else 0.5) or len(pieces) > 4:
            return None, 0
        if kind == "number" and not all(_number_edges(self.text, s, e) for s, e in pieces):
            return None, 0
        return (pieces, share) if all(self.free(s, e) for s, e in pieces) else (None, 0)


def _words_regex(text):
    """A regex for the words of ``text`` as a table shows them (gaps of spaces or punctuation)."""
    return WORD_GAP.join(map(re.escape, re.findall(r"[^\W_]+", text)))


def _digit_forms(value, kind):
    """The digits a number or date shows in its usual forms (``2014-02-07``: 272014,
    02072014, 2714, 20140207, ...): a cut value's head shows the start of one of them."""
    if kind == "number":
        return {re.sub(r"\D", "", format(Decimal(str(value)).normalize(), "f"))}
    y, m, d = (int(p) for p in value.split("-"))
    return {f"{mm}{dd}{yy}" for mm in (str(m), f"{m:02d}") for dd in (str(d), f"{d:02d}")
            for yy in (str(y), f"{y % 100:02d}")} | {f"{y}{m:02d}{d:02d}"}


def _words_at(text, pos, end, words):
    """The longest run of ``words`` (at least one) starting at ``pos``, with the brackets
    around them (``(Right to`` / ``Buy)``) or a ``$`` before them (``$0.01 par value``
    wrapped under ``Class A Common Stock,``): (span, words left)."""
    for k in range(len(words), 0, -1):
        m = re.compile(r"(?i)[(\[$]?" + WORD_GAP.join(map(re.escape, words[:k])) + r"(?![^\W_])[)\]]?").match(text, pos, end)
        if m:
            return m.span(), words[k:]
    return None, words


def _whole_cell(hay, s, e):
    """A short block that is a whole cell or token (``3`` of ``$3.`` / ``3``)."""
    return (s == 0 or hay[s - 1].isspace()) and (e == len(hay) or hay[e].isspace())


def _plausible(match, kind):
    """An OCR-tolerant number or date must still be mostly digits."""
    if kind not in ("number", "date"):
        return True
    return sum(c.isdigit() for c in match) * 2 > sum(c.isalnum() for c in match)


def _number_edges(text, s, e):
    before = text[s - 1] if s else " "
    after = text[e:e + 2]
    return not before.isdigit() and (not after[:1].isdigit() or re.match(r"\d\)", after))


def _split_cells(text, s, e):
    """A span cut at line and cell breaks, whitespace trimmed off each piece."""
    for m in re.finditer(r"[^\n\t]+", text[s:e]):
        piece = m.group()
        ps = s + m.start() + len(piece) - len(piece.lstrip())
        pe = s + m.end() - (len(piece) - len(piece.rstrip()))
        if ps < pe:
            yield ps, pe


def regions(text):
    """(start, end) of header, table1, table2, tail and footnotes, from the headings.

    A heading lost to OCR widens the neighbouring regions instead."""
    n = len(text)
    t1 = _heading("table1", text, 0)
    t2 = _heading("table2", text, t1 or 0)
    fn = _heading("footnotes", text, t2 or t1 or 0)
    head_end = t1 if t1 is not None else (t2 if t2 is not None else n)
    t2_start = t2 if t2 is not None else (t1 or 0)
    return {"header": (0, head_end), "table1": (t1 or 0, t2 if t2 is not None else (fn or n)),
            "table2": (t2_start, n), "tail": (t2_start, n),
            "footnotes": (fn if fn is not None else t2_start, n), "all": (0, n)}


def _heading(name, text, start):
    m = HEADINGS[name].search(text, start)
    return m.start() if m else None


# ---------------------------------------------------------------- the record's parts

AFTER_CITY = {"owner_state", "owner_zip"}


def _header_items(record):
    issuer = record.get("issuer") or {}
    items = [(issuer.get("name"), "issuer_name", "text"), (issuer.get("trading_symbol"), "ticker", "ticker"),
             (record.get("period_of_report"), "period", "date"),
             (record.get("date_of_original_submission"), "orig_date", "date")]
    for owner in (record.get("reporting_owners") or [])[:1]:
        items += [(owner.get(k), label, kind) for k, label, kind in OWNER_FIELDS]
    items = [i for i in items if i[0] not in (None, "")]
    # state and zip follow the city: searched after it, so "WA" is not "Washington, D.C." above
    return sorted(items, key=lambda i: (i[1] in AFTER_CITY, -len(str(i[0]))))


def _header(al, items, region, report):
    """Header values, longest first, in the region; returns those not found."""
    missing, city_end, above_city = [], None, None
    for value, label, kind in items:
        lo = city_end if label in AFTER_CITY and city_end else region[0]
        pieces = al.find(value, kind, lo, region[1])
        if not pieces and label == "owner_zip" and above_city is not None:
            pieces = al.find(value, kind, above_city, region[1])   # a centred row's head above
        if pieces and label == "owner_city":
            city_end = pieces[-1][1]
            above_city = _line_start(al.text, pieces[0][0], 1)
        _count(report, label, pieces)
        if pieces:
            al.add(pieces, label)
        else:
            missing.append((value, label, kind))
    return missing


def _header_anywhere(al, missing, region, report):
    """Long header values not found before Table I, looked for anywhere."""
    for value, label, kind in missing:
        pieces = len(str(value)) >= 5 and al.find(value, kind, *region)
        if pieces:
            al.add(pieces, label)
            f, e = report[label]
            report[label] = (f + 1, e)


def _relationships(al, record, region, report):
    """The first owner's check marks, each next to its relationship word."""
    for owner in (record.get("reporting_owners") or [])[:1]:
        for flag, word in RELATIONSHIPS.items():
            if owner.get(flag):
                span = _check_mark(al, word, region)
                _count(report, FLAG_LABEL[flag], span and [span])
                if span:
                    al.add([span], FLAG_LABEL[flag])


def _other_owners(al, record, region, report):
    """Owners after the first, each as a row: address, then marks. The SEC's form lists
    them in the 'Reporting Owners' table at the end, other layouts repeat box 1 in the
    header, so the whole text is searched."""
    cursor, hi = region
    for owner in (record.get("reporting_owners") or [])[1:]:
        cursor, _ = _row(al, _owner_values(owner), [], cursor, hi, report)


def _first_owner_again(al, record, region):
    """The first owner's row in the 'Reporting Owners' table, if the table repeats it
    (the SEC's form does; aligned last, not counted: box 1 gave the values)."""
    owners = record.get("reporting_owners") or []
    table = OWNERS_TABLE.search(al.text, *region)
    if not owners or not owners[0].get("name") or not table:
        return
    end = AFTER_OWNERS_TABLE.search(al.text, table.end(), region[1])
    end = end.start() if end else region[1]
    name = al.exact(owners[0]["name"], "text", table.end(), end)
    if name:
        _row(al, _owner_values(owners[0]), [], name[0], end, {})


def _owner_values(owner):
    values = [(owner.get(k), label, kind) for k, label, kind in OWNER_FIELDS[:6]]
    values += [("X", FLAG_LABEL[f], "check") for f in RELATIONSHIPS if owner.get(f)]
    values += [(owner.get(k), label, kind) for k, label, kind in OWNER_FIELDS[6:]]
    return [v for v in values if v[0] not in (None, "")]


def _check_mark(al, word, region):
    """The free check mark nearest to the first relationship word in the region."""
    lo, hi = region
    m = re.compile(word, re.I).search(al.text, lo, hi)
    if not m:
        return None
    marks = [c.span() for c in CHECK.finditer(al.text, max(lo, m.start() - 200), min(hi, m.end() + 200))
             if al.free(*c.span())]
    dist = [(min(abs(m.start() - s), abs(e - m.end())), (s, e)) for s, e in marks]
    return min(dist)[1] if dist else None


def _tables(al, record, regs, report):
    """Rows of each list in filing order (transactions and holdings each in their own);
    then Table II's right-hand cells that no row found, where plain pdftotext prints them."""
    trailing = []
    for table, columns in COLUMNS.items():
        lo, hi = regs[TABLE_REGION[table]]
        rows = [(_row_values(row, columns, table), row.get("footnote_ids") or []) for row in record.get(table) or []]
        missing = _rows_or_columns(al, rows, columns, lo, hi, report)
        if TABLE_REGION[table] == "table2":
            trailing += [[v for v in m if v[1] in RIGHT_CELLS] for m in missing]
    if any(trailing):
        _trailing_cells(al, trailing, *regs["table2"], report)


def _rows_or_columns(al, rows, columns, lo, hi, report):
    """Align a table's rows (values, footnote ids) as the text reads them: row by row;
    where that leaves values unfound, the best of that and two readings of plain
    ``pdftotext``, which prints a short table block by block: each row's left-hand cells,
    then each row's right-hand ones (the next row begins after the last one's first
    value), or every row's title, then every row's date, ... (see ``_columns``). Returns
    each row's values not found."""
    readings = [partial(_rows, resume=max), partial(_rows, resume=min), partial(_columns, columns=columns)]
    before, best = (list(al.taken), dict(report)), None
    for read in readings:
        al.taken, counts = list(before[0]), dict(before[1])
        missing = read(al, rows, lo=lo, hi=hi, report=counts)
        if missing is not None and (best is None or sum(map(len, missing)) < sum(map(len, best[0]))):
            best = missing, al.taken, counts
        if len(rows) < 2 or not any(best[0]):
            break
    missing, al.taken, counts = best
    report.clear()
    report.update(counts)
    return missing


def _rows(al, rows, lo, hi, report, resume):
    """Each row's values not found, aligning row after row; the next row begins after
    ``resume`` (max or min) of the ends of the row's first pieces."""
    cursor, out = lo, []
    for values, ids in rows:
        cursor, missing = _row(al, values, ids, cursor, hi, report, resume)
        out.append(missing)
    return out


def _columns(al, rows, columns, lo, hi, report):
    """Each column's values found in row order (the k-th row's after the row before's),
    from the first row's title on (not in the headings), then each row's marks right
    after its values; each row's values not found. None unless the text reads the table
    column-wise: some column's values of the first two rows next to each other."""
    found = [[None] * len(values) for values, _ in rows]
    for _, label, _ in columns:
        cursor = lo
        for r, (values, _) in enumerate(rows):
            for k, (value, lab, kind) in enumerate(values):
                if lab == label and (pieces := al.find(value, kind, cursor, hi)):
                    al.add(pieces, label)
                    found[r][k], cursor = pieces, pieces[-1][1]
        if label == "title":
            if not found[0][0] or rows[0][0][0][1] != "title":
                return None
            lo = found[0][0][0][0]
    if not _side_by_side(rows, found):
        return None
    for (values, ids), row in zip(rows, found):
        for (_, label, _), pieces in zip(values, row):
            _count(report, label, pieces)
        if ids:
            _marks_after(al, ids, [p for p in row if p], hi, report)
    return [[v for v, p in zip(values, row) if not p] for (values, _), row in zip(rows, found)]


def _side_by_side(rows, found):
    """Whether some column's values of the first two rows follow each other in the text."""
    order = sorted((pieces[0][0], r, values[k][1]) for r, (values, _) in enumerate(rows[:2])
                   for k, pieces in enumerate(found[r]) if pieces)
    return any(a[1] == 0 and b[1] == 1 and a[2] == b[2] for a, b in zip(order, order[1:]))


def _marks_after(al, ids, found, hi, report):
    """Footnote marks of a row read column by column: in a run right after one of its values."""
    wanted, seen = _mark_numbers(ids), set()
    for pieces in found:
        end = pieces[-1][1]
        _take_marks(al, _mark_matches(al.text, end, end, hi), wanted, seen)
    _count(report, "fn_mark", None, found=len(seen), expected=len(wanted))


TRAILING_REACH = 4000   # characters after Table II's last value that its right-hand cells may stand


def _trailing_cells(al, rows_missing, lo, hi, report):
    """Plain pdftotext reads Table II in blocks: its rows' right-hand columns (underlying
    title and amount, price, amount owned, ownership) may print after the Reporting
    Owners table, the signature or the first footnotes, beyond any row's span. Each
    row's missing right-hand values are looked for after the last value the table's rows
    found (the row before's, for the rows after the first), each a line of its own (one
    cell a line, as that layout has it)."""
    cursor = max((e for s, e, *_ in al.taken if lo <= s < hi), default=lo)
    for missing in rows_missing:
        ends = []
        for value, label, kind in missing:
            pieces = _own_line_find(al, value, kind, cursor, min(hi, cursor + TRAILING_REACH))
            if pieces:
                al.add(pieces, label)
                _count(report, label, pieces, expected=0)
                ends.append(pieces[-1][1])
        cursor = max(ends, default=cursor)


def _own_line_find(al, value, kind, lo, hi, tries=20):
    """The first occurrence in [lo, hi) whose every piece is all its line holds, or None."""
    for _ in range(tries):
        pieces = al.find(value, kind, lo, hi)
        if not pieces or all(_own_line(al.text, s, e) for s, e in pieces):
            return pieces
        lo = pieces[0][0] + 1
    return None


def _own_line(text, s, e):
    """Whether text[s:e] is all its line holds (a price's ``$`` aside)."""
    start, end = _line_around(text, s, e)
    return not text[start:s].strip(" \t$") and not text[e:end].strip()


def _line_around(text, s, e):
    """(start, end) of the line(s) holding text[s:e], without the newlines."""
    end = text.find("\n", e)
    return text.rfind("\n", 0, s) + 1, len(text) if end < 0 else end


def _row_values(row, columns, table):
    """(value, label, kind) of a row's given values in column order."""
    out = []
    for key, label, kind in columns:
        value = row.get(key)
        if kind == "v":
            value = "V" if value else None
        if value in (None, "") or (label == "ad" and table.startswith("derivative")):
            continue
        out.append((value, label, kind))
    return out


def _row(al, values, footnote_ids, lo, hi, report, resume=max):
    """Align one row at its best-fitting place after ``lo``; returns where the next row may
    begin (``resume`` of the ends of its values' first pieces) and the values not found."""
    found = max((_fit(al, values, start, hi) for start in _anchors(al, values, lo, hi)),
                key=lambda fit: sum(1 for f in fit if f), default=[None] * len(values))
    firsts = []
    for (value, label, kind), pieces in zip(values, found):
        _count(report, label, pieces)
        if pieces:
            al.add(pieces, label)
            firsts.append(pieces[0])
    missing = [v for v, pieces in zip(values, found) if not pieces]
    if not firsts:
        return lo, missing
    if footnote_ids:    # marks may follow the tail of a value cut or wrapped onto the next line
        tails = max(e for pieces in found if pieces for _, e in pieces)
        _marks(al, footnote_ids, min(s for s, _ in firsts), tails, hi, report)
    return resume(e for _, e in firsts), missing


def _anchors(al, values, lo, hi, most=40):
    """Where a row may start: ``lo`` and each free occurrence of its first value."""
    if not values:
        return [lo]
    value, _, kind = values[0]
    starts = [lo]
    for pattern in patterns(value, kind)[:1]:
        starts += [m.start(1) for m in re.finditer(pattern, al.text[:hi])
                   if m.start(1) > lo and al.free(*m.span(1))][:most]
    return starts


def _fit(al, values, start, hi):
    """Pieces per value when the row starts at ``start`` (values in column order); dry run."""
    keep, cursor, anchor, out = len(al.taken), start, None, []
    for value, label, kind in values:
        end = hi if anchor is None else min(hi, anchor + ROW_SPAN)
        near = (_line_end(al.text, cursor, 1), _line_end(al.text, cursor, 2))
        # a tall text cell may begin on the line above (pdftotext -layout centres the row)
        lo = max(start, _line_start(al.text, cursor, 1)) if kind == "text" else cursor
        pieces = al.find(value, kind, lo, end, near) or al.find(value, kind, start, end, near)
        if pieces and kind == "text" and any(_in_prose(al.text, s, e) for s, e in pieces):
            pieces = None
        out.append(pieces)
        if pieces:
            al.taken.extend((s, e, label) for s, e in pieces)
            anchor = pieces[0][0] if anchor is None else anchor
            cursor = max(cursor, pieces[0][1])
    del al.taken[keep:]
    return out


PROSE_WORDS = 8     # words a line of a footnote's sentences has at least


def _in_prose(text, s, e):
    """Whether text[s:e] stands inside a sentence (a footnote's ``... one share of Microsoft
    common stock.``), not in a cell: its line has no cell gaps (tab, ``|``, a run of
    spaces), many more words than the piece, and most of them lower-case words (a row on
    one line, as plain text prints it, is names and numbers)."""
    start, end = _line_around(text, s, e)
    line = text[start:end].strip()
    if "\t" in line or "|" in line or "  " in line:
        return False
    words = line.split()
    lower = sum(w.isalpha() and w.islower() for w in words)
    return len(words) >= PROSE_WORDS and lower * 2 > len(words) and len(text[s:e].split()) * 2 < len(words)


def _line_start(text, pos, lines):
    """The start of the ``lines``-th line before the one holding ``pos``."""
    for _ in range(lines + 1):
        pos = text.rfind("\n", 0, pos)
        if pos < 0:
            return 0
    return pos + 1


def _line_end(text, pos, lines):
    """The end of the ``lines``-th line from ``pos`` on (fuzzy matches stay this close)."""
    for _ in range(lines):
        nl = text.find("\n", pos)
        if nl < 0:
            return len(text)
        pos = nl + 1
    return pos


def _band_end(text, pos, hi):
    """Where the row holding ``pos`` ends: after its line and up to MAX_SKIP_LINES indented
    lines below (a centred row prints its marks and short cells' second lines there)."""
    end = min(pos, hi)
    for _ in range(MAX_SKIP_LINES):
        nl = text.find("\n", end, hi)
        line = text[nl + 1:hi].split("\n", 1)[0] if nl >= 0 else ""
        if not line.strip() or not line[0].isspace():
            break
        end = nl + 1 + len(line)
    return end


def _marks(al, ids, lo, last, hi, report):
    """Footnote marks of the row's ids within its values and in a run right after them;
    then, once each, those still missing on the rest of the row's band."""
    wanted = _mark_numbers(ids)
    seen = _take_marks(al, _mark_matches(al.text, lo, last, hi), wanted, set(), again=True)
    _take_marks(al, MARK.finditer(al.text, last, _band_end(al.text, last, hi)), wanted, seen)
    _count(report, "fn_mark", None, found=len(seen), expected=len(wanted))


def _mark_numbers(ids):
    return {i.upper().lstrip("F") for i in ids}


def _take_marks(al, matches, wanted, seen, again=False):
    """Label the free marks among ``matches`` whose number is ``wanted`` and, unless
    ``again``, not ``seen`` yet; returns ``seen`` with their numbers added."""
    for m in matches:
        number = _mark_number(m)
        if number in wanted and (again or number not in seen) and al.free(*m.span()):
            al.add([m.span()], "fn_mark")
            seen.add(number)
    return seen


def _mark_number(m):
    return next(g for g in m.groups() if g).translate(SUPERSCRIPTS)


def _mark_matches(text, lo, last, hi):
    yield from MARK.finditer(text, lo, last)
    pos = last
    while pos < hi:
        m = MARK.search(text, pos, min(hi, pos + MARK_REACH))
        if not m or text[pos:m.start()].strip(" \t\n$.,;:%*)"):
            break
        yield m
        pos = m.end()


def _footnotes(al, record, region, report):
    cursor, hi = region
    for note in record.get("footnotes") or []:
        text = note.get("text")
        if not text:
            continue
        number = str(note.get("id", "")).upper().lstrip("F")
        pieces, mark = _marked_note(al, text, number, cursor, hi)
        if not pieces:
            pieces = al.find(text, "text", cursor, hi) or al.find(text, "text", *region)
            mark = pieces and (_fn_id(al.text, pieces[0][0], number)
                               or _mark_alone(al, number, *region))
        _count(report, "fn_text", pieces)
        _count(report, "fn_id", mark and [mark])
        if pieces:
            al.add(pieces, "fn_text")
            cursor = pieces[0][1]
        if mark:
            al.add([mark], "fn_id")


def _note_mark(number):
    return rf"(?:\(\s*{number}\s*\)|\[F?{number}\]|{number}\.)"


def _marked_note(al, text, number, lo, hi):
    """(text pieces, mark) of a footnote whose number stands at the start of one of its
    middle lines (``pdftotext -layout`` centres it on the note's lines: ``(1) were ...``,
    or alone between two lines); (None, None) if the text is not found so."""
    gap = rf"[\W_]{{0,40}}?(?:(?<=\n)[ \t]*{_note_mark(number)}[\W_]{{0,40}}?)?"
    body = number and _words_core(text, gap, lead=False)
    if not body:
        return None, None
    for m in _regex(r"(?i)(?<![^\W_])" + body).finditer(al.text, lo, hi):
        inner = re.search(rf"\n[ \t]*({_note_mark(number)})", m.group())
        if not inner:
            return None, None   # found whole: the usual search finds it and its mark
        s, e = m.start() + inner.start(1), m.start() + inner.end(1)
        pieces = [(m.start(), s), (e, m.end())]
        if all(al.free(a, b) for a, b in pieces):
            return pieces, (s, e)
    return None, None


def _mark_alone(al, number, lo, hi):
    """A footnote's number on a line of its own (plain ``pdftotext`` lists a page's
    footnote numbers in a column of their own, apart from the texts)."""
    alone = re.compile(rf"(?m)^[ \t]*(\(\s*{number}\s*\)|\[F?{number}\])[ \t]*$")
    return next((m.span(1) for m in alone.finditer(al.text, lo, hi) if al.free(*m.span(1))), None)


def _fn_id(text, start, number):
    """The footnote's number standing just before its text: ``1.``, ``(1)``, ``[F1]``."""
    before = text[max(0, start - 12):start]
    m = re.search(rf"(\(\s*{number}\s*\)|\[F?{number}\]|(?<!\d){number}\s*[.):]?)[\s\-:]*$", before)
    return (start - len(before) + m.start(1), start - len(before) + m.end(1)) if m else None


def _tail(al, record, regs, report):
    remarks = record.get("remarks")
    if remarks:
        pieces = al.find(remarks, "text", *regs["tail"]) or al.find(remarks, "text", *regs["all"])
        _count(report, "remarks", pieces)
        if pieces:
            al.add(pieces, "remarks")
    lo, hi = regs["tail"]
    for sig in record.get("signatures") or []:
        name = sig.get("name") and (al.find(sig["name"], "text", lo, hi)
                                    or al.find(sig["name"], "text", *regs["all"]))
        if sig.get("name"):
            _count(report, "sig_name", name)
        if name:
            al.add(name, "sig_name")
        after = name[0][1] if name else lo
        date = sig.get("date") and (al.find(sig["date"], "date", after, hi)
                                    or al.find(sig["date"], "date", lo, hi))
        if sig.get("date"):
            _count(report, "sig_date", date)
        if date:
            al.add(date, "sig_date")


def _count(report, label, pieces, found=None, expected=1):
    f, e = report.get(label, (0, 0))
    report[label] = (f + (found if found is not None else int(bool(pieces))), e + expected)


# ---------------------------------------------------------------- API

def align(text: str, record: dict) -> Alignment:
    """Spans of the record's values in the text, with per-field counts."""
    al, report, regs = Aligner(text), {}, regions(text)
    missing = _header(al, _header_items(record), regs["header"], report)
    _relationships(al, record, regs["header"], report)
    _tables(al, record, regs, report)
    _other_owners(al, record, regs["all"], report)
    _footnotes(al, record, regs["footnotes"], report)
    _tail(al, record, regs, report)
    _header_anywhere(al, missing, regs["all"], report)
    _first_owner_again(al, record, regs["all"])     # every row of that table tagged alike
    spans = sorted(al.taken)
    return Alignment(spans, {k: report[k] for k in FIELDS if k in report})


def summarise(alignments) -> str:
    """Per-field table over many alignments: found, expected, rate; then overall coverage."""
    totals = {}
    for a in alignments:
        for label, (f, e) in a.report.items():
            tf, te = totals.get(label, (0, 0))
            totals[label] = (tf + f, te + e)
    lines = [f"{'field':16s} {'found':>6s} {'expected':>8s}  rate"]
    for label in FIELDS:
        if label in totals:
            f, e = totals[label]
            lines.append(f"{label:16s} {f:6d} {e:8d}  {f / e if e else 1:.3f}")
    f = sum(v[0] for v in totals.values())
    e = sum(v[1] for v in totals.values())
    lines.append(f"{'all':16s} {f:6d} {e:8d}  {f / e if e else 1:.3f}")
    return "\n".join(lines)


def poorly_aligned(named_alignments, threshold: float = MIN_COVERAGE) -> list:
    """(name, coverage) of the alignments below the threshold, worst first."""
    poor = [(name, a.coverage) for name, a in named_alignments if a.poor(threshold)]
    return sorted(poor, key=lambda p: p[1])
