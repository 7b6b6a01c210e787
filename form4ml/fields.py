"""Fields: BIO tags on tokens (the field CRFs of the cascade), to and from spans, and
what the rules that mend the tags share: a text's lines and cells, the counts of a
table's columns, values' shapes, text cells' words and security titles' words. The
rules for the tables and the notes stand by topic: ``note_repairs`` (footnotes and
marks), ``cell_repairs`` (text cells bracketed, begun again or wrapped, whatever their
label), ``title_repairs`` (security titles, underlying titles, par values),
``nature_repairs`` (natures of ownership), ``amount_repairs`` (amounts, prices, dates),
``letter_repairs`` (transaction codes, A/D and D/I letters) and ``column_repairs``
(tables printed a column or a cell at a time, read across their fields); those of the
boxes around the tables, owners, remarks and signatures, are ``box_repairs``'s. The
pipeline runs them all in the order of its ``TAG_REPAIRS``."""
import re
from itertools import takewhile

from .features import HEADER_WORDS, MARK, security_words
from .footnotes import OCR_MARK_GLYPHS
from .pieces import Piece
from .record import SEC_CODES
from .tokenize import Tokens


NOTE_MARK = re.compile(r"^(?:\(\d{1,2}\)|\[F\d{1,2}\]|\d{1,2}[.)])$")
NOTE_CONFIDENCE = 0.5    # a note line no tagged line stands before


def spans_to_tags(tokens, spans):
    """BIO tags for tokens from [start, end, label(, part)] spans (normalised offsets).

    A span with a part number > 0 continues its value (a cell wrapped onto the next
    line, a date cut in two), so its first token is ``I-``. A span without one (hand
    annotations) continues its value when it follows a span of the same label with
    no other labelled span between.
    """
    tags = ["O"] * len(tokens)
    spans = sorted(spans, key=lambda s: s[:2])
    j, prev_label, prev_span = 0, None, None
    for i, tok in enumerate(tokens):
        while j < len(spans) and spans[j][1] <= tok.start:
            j += 1
        if j < len(spans) and spans[j][0] < tok.end:
            start, end, label = spans[j][:3]
            if prev_span == (start, end):
                tags[i] = "I-" + label
            else:
                continues = spans[j][3] > 0 if len(spans[j]) > 3 else label == prev_label
                tags[i] = ("I-" if continues else "B-") + label
            prev_label, prev_span = label, (start, end)
    return tags


def tags_to_pieces(tokens, tags, confidences, line_zones, norm, sides=None):
    """Group tagged tokens into pieces in text order: adjacent tokens of one line
    continuing a label make one piece; offsets go back to the original text.
    ``sides`` gives the A/D sub-column of Table II amounts ({token index: side})."""
    groups = []  # (label, begins, [token indices])
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        tok, label, last = tokens[i], tag[2:], groups[-1] if groups else None
        if (tag[0] == "I" and last and last[0] == label and last[2][-1] == i - 1
                and tokens[i - 1].line == tok.line):
            last[2].append(i)
        else:
            groups.append((label, tag[0] == "B", [i]))
    pieces = []
    for label, begins, idx in groups:
        first, last = tokens[idx[0]], tokens[idx[-1]]
        start, end = norm.to_original(first.start, last.end)
        pieces.append(Piece(label, norm.text[first.start:last.end], start, end,
                            line_zones[first.line], min(confidences[i] for i in idx), begins,
                            first.line, first.col, (sides or {}).get(idx[0])))
    return pieces


# A text's lines and cells, and a token's neighbours
def tokens_by_line(tokens, line_zones, zones, first=0):
    """{line: range of the indices of its tokens} for the lines from ``first`` on in one
    of ``zones``, in line order."""
    return {line: run for line, run in line_runs(tokens).items() if line >= first and line_zones[line] in zones}


def line_runs(tokens):
    """{line: range of the indices of its tokens} (``Tokens.line_runs``, for a plain list too)."""
    return (tokens if isinstance(tokens, Tokens) else Tokens(tokens)).line_runs


def line_cells(tokens, idx):
    """The line's tokens (indices ``idx``) in cells: runs a single space apart."""
    cells = [[idx[0]]]
    for i, j in zip(idx, idx[1:]):
        if tokens[j].start - tokens[i].end <= 1:
            cells[-1].append(j)
        else:
            cells.append([j])
    return cells


def untagged(tags, line):
    """Whether the CRF tagged none of a line's tokens."""
    return all(tags[i] == "O" for i in line)


def marks_only(tokens, idx):
    """Whether the tokens ``idx`` are all footnote marks (or none)."""
    return all(MARK.match(tokens[i].text) for i in idx)


def after_dollar_sign(tokens, i):
    """Whether token ``i`` follows a ``$`` on its line: a price printed as a cell of its own."""
    return i > 0 and tokens[i - 1].text == "$" and tokens[i - 1].line == tokens[i].line


def stands_alone(tokens, i):
    """Whether token ``i`` stands alone on its line, its marks aside."""
    return all(k == i or MARK.match(tokens[k].text) for k in line_runs(tokens)[tokens[i].line])


def tagged_before(tags, i, passing=("O", "B-fn_mark")):
    """The last token before ``i`` with a tag, those ``passing`` (marks) aside, or None."""
    return next((j for j in range(i - 1, -1, -1) if tags[j] not in passing), None)


def tagged_after(tags, i, passing=("O", "B-fn_mark")):
    """The first token after ``i`` with a tag, those ``passing`` (marks) aside, or None."""
    return next((j for j in range(i + 1, len(tags)) if tags[j] not in passing), None)


# A table printed a cell a line: its columns counted against each other
MAX_CELL_LINE_GAP = 2   # lines from one cell to the next in a text printed a cell a line
MIN_COLUMN_LINES = 3
MAX_LINES_TO_AMOUNT = 3


def shortfall(tags, by_line, more, fewer):
    """How many more tokens tagged ``more`` than ``fewer`` the lines hold (a table's
    titles against its dates: the dates the CRF left unread)."""
    zone_tags = [tags[i] for run in by_line.values() for i in run]
    return zone_tags.count(more) - zone_tags.count(fewer)


def next_lines(by_line):
    """Each two lines with text one after the other, a blank line at most between them."""
    lines = list(by_line)
    return [(line, below) for line, below in zip(lines, lines[1:]) if below - line <= MAX_CELL_LINE_GAP]


# Values' labels and shapes
WRAPPED_LABELS = ("title", "und_title", "nature")
VALUE = re.compile(r"\d[\d,./-]*$")     # an amount or a date: a cell of its own, never a wrapped text
AMOUNT_LABELS = ("shares", "und_shares", "owned", "price", "ex_price")

# a last comma group short of three digits, or a price cut after its point (``$ 117.`` / ``2075``)
CUT_AMOUNT = re.compile(r"^\$?\d{1,3}(?:,\d{3})*,\d{1,2}$|^\$?\d[\d,]*\.$")
WHOLE_AMOUNT = re.compile(r"^\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
BARE_MARK = re.compile(r"^\d{1,2}$")
# OCR's "(2)": "Q)", "@)", "())", "Q", "(2}"
MARK_DEBRIS_TOKEN = re.compile(rf"^(?:[(){{}}\[\]{OCR_MARK_GLYPHS}]|\d{{1,2}})$")
MISREAD_LETTER = re.compile(r"^(?:[|i1]|[oO=]D)$")
CELL_SEPARATORS = ("|", ";")
LINE_CODES = frozenset(SEC_CODES) - {"V"}     # codes a line may hold alone: ``V`` is column 3's heading


def lone_code(tokens, tags, run):
    """Whether a line's tokens are a code letter (untagged or read a code) and marks."""
    return tokens[run[0]].text in LINE_CODES and tags[run[0]] in ("O", "B-code") and marks_only(tokens, run[1:])


# Text cells
CELL_WORD = re.compile(r"^(?:[A-Za-z][A-Za-z.'&-]*|,)$")


def untagged_words_before(tokens, tags, i, in_cell):
    """The words left ``O`` right before token ``i`` on its line, nearest first, as far as
    ``in_cell(j)`` keeps token ``j`` in ``i``'s cell."""
    return list(takewhile(lambda j: tags[j] == "O" and tokens[j].line == tokens[i].line and in_cell(j)
                          and CELL_WORD.match(tokens[j].text), range(i - 1, -1, -1)))


def lone_value(tokens, tags, idx):
    return len(idx) == 1 and tags[idx[0]] != "O" and bool(VALUE.match(tokens[idx[0]].text))


def last_run(idx, keep):
    """The longest run of ``idx`` at its end whose every index ``keep`` holds for."""
    return list(reversed(list(takewhile(keep, reversed(idx)))))


def _bare_tail(tokens, group, label):
    """Whether a nature's line ends in bare digits after its words: its mark, printed
    without brackets (EDGAR ASCII: ``IRA 3``, ``LP 1``)."""
    return label == "nature" and len(group) > 1 and bool(BARE_MARK.match(tokens[group[-1]].text))


def is_mark(tokens, group, label, i):
    """Whether token ``i`` of a text cell's ``group`` is a mark: bracketed, or a nature's bare tail."""
    return bool(MARK.match(tokens[i].text)) or (i == group[-1] and _bare_tail(tokens, group, label))


def words_of(tokens, group, label):
    """The group's tokens but a bare mark ending a nature's line."""
    return group[:-1] if _bare_tail(tokens, group, label) else group


# Security titles' words
TITLE_JOINERS = frozenset("to of for and in on - ,".split())
HEADING_WORDS = frozenset(HEADER_WORDS - {"shares"})
UNDERLYING_END = ("stock", "shares")
NATURE_HEAD = re.compile(r"^(?:By|Held|Through|See|Via|Trust|Spouse|IRA|401)", re.I)


def title_like(text):
    return text[:1].isupper() and text.replace("-", "").isalpha() or text.lower() in TITLE_JOINERS


def worded(tokens, run):
    """Whether a run of title-like tokens holds a word (no mere letters: ``D``, ``I``)."""
    return any(len(tokens[i].text) > 1 for i in run)


def names_security(texts):
    return (any(security_words([t]) and len(t) > 1 for t in texts) and not NATURE_HEAD.match(texts[0])
            and not HEADING_WORDS & {t.lower() for t in texts})


def security_line(tokens, run, texts):
    """Whether a line's words (``texts``, of the tokens ``run``) name a security, each a
    title's word."""
    return names_security(texts) and worded(tokens, run) and all(title_like(t) for t in texts)


def read_title(tokens, tags, run):
    """Whether a line is one title the CRF read whole, its marks aside."""
    return tags[run[0]] == "B-title" and all(tags[i] == "I-title" or MARK.match(tokens[i].text) for i in run[1:])
