"""Fields: BIO tags on tokens (the field CRFs of the cascade), to and from spans, and
the rules that mend the tags in the tables and the notes (those of the boxes around the
tables, owners, remarks and signatures, are ``box_repairs``'s)."""
import re
from collections import Counter
from itertools import dropwhile, takewhile

from .assemble import SECURITY_NOUNS, WRAP_COLUMN_SLACK
from .features import DATE, HEADER_WORDS, MARK, YEAR, security_words, word_shape
from .footnotes import GLYPH_SIGNS, OCR_MARK_GLYPHS
from .labels import TABLE_ZONES
from .pieces import MIN_CELL_GAP, Piece
from .record import SEC_CODES
from .tokenize import Tokens

NOTE_MARK = re.compile(r"^(?:\(\d{1,2}\)|\[F\d{1,2}\]|\d{1,2}[.)])$")
OCR_NOTE_MARK = re.compile(r"^(?:@\)?|®)$")   # Tesseract's reading of a small "(2)"


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


def repair_footnote_starts(tokens, tags, confidences, line_zones):
    """A footnote line that opens with its mark (``(3) The RSUs...``) starts a new footnote,
    even where the CRF ran the previous footnote's text on over it: fixes tags in place. A
    mark may be OCR's ``@`` for ``(2)`` (``footnotes`` numbers it after the note before). A
    mark the CRF left ``O`` has no confidence; it takes that of the text after it."""
    for i, tok in enumerate(tokens[:-1]):
        if line_zones[tok.line] != "footnotes" or tags[i] not in ("O", "I-fn_text"):
            continue
        nxt = tokens[i + 1]
        opens_line = i == 0 or tokens[i - 1].line != tok.line
        if (opens_line and (NOTE_MARK.match(tok.text) or OCR_NOTE_MARK.match(tok.text)) and nxt.line == tok.line
                and tags[i + 1].endswith("fn_text")):
            tags[i], tags[i + 1] = "B-fn_id", "B-fn_text"
            if confidences[i] is None:
                confidences[i] = confidences[i + 1]
    return tags


FORM_NOTE = re.compile(r"^(?:Note|Remarks|Signature|Potential|Reminder)$")    # the form's own text after the notes


def repair_note_line_ends(tokens, tags, confidences, line_zones):
    """A footnote line goes on with its note to its end: tokens the CRF left ``O`` after
    the line's note text (numbers and dates inside a long note: ``including 225 shares
    on December 31, 2016, 229 shares ...``) continue the note, up to the form's own
    words glued on after it (``Note:``, ``Remarks:``). Fixes tags in place."""
    lines = tokens_by_line(tokens, line_zones, ("footnotes",))
    for idx in lines.values():
        first = next((k for k, i in enumerate(idx) if tags[i].endswith("fn_text")), None)
        if first is None:
            continue
        for k in range(first + 1, len(idx)):
            i = idx[k]
            if FORM_NOTE.match(tokens[i].text) and k + 1 < len(idx) and tokens[idx[k + 1]].text == ":":
                break
            if tags[i] == "O":
                tags[i], confidences[i] = "I-fn_text", confidences[i - 1]


MARK_DEBRIS_TOKEN = re.compile(rf"^(?:[()\[\]{OCR_MARK_GLYPHS}]|\d{{1,2}})$")   # OCR's "(2)": "Q)", "@)", "())", "Q"
GARBLED_MARK_SIGNS = frozenset({")", *OCR_MARK_GLYPHS})
NOTE_CONFIDENCE = 0.5    # a note line no tagged line stands before


def repair_untagged_note_lines(tokens, tags, confidences, line_zones):
    """Footnote lines the CRF left all ``O`` where OCR garbled a note's opening mark
    (``Q) The restricted stock units...``, ``@) Each RSU...``): the mark and the
    capitalised text after it open a note. A lower-case line (or one opening with the
    mark's stray bracket: ``) to the Board of Directors.``) right below a note's text
    goes on with it. Fixes tags in place."""
    prev = None     # the last tagged token of the footnote lines so far
    for line, idx in tokens_by_line(tokens, line_zones, ("footnotes",)).items():
        if all(tags[i] == "O" for i in idx):
            head = _garbled_mark_length(tokens, idx)
            words = [tokens[i].text for i in idx[head:]]
            if head and len(words) > 2 and words[0][:1].isupper() and not FORM_NOTE.match(words[0]):
                conf = confidences[prev] if prev is not None else NOTE_CONFIDENCE
                for k, i in enumerate(idx):
                    tags[i] = ("B-" if k in (0, head) else "I-") + ("fn_id" if k < head else "fn_text")
                    confidences[i] = conf
            elif (prev is not None and tokens[prev].line == line - 1 and tags[prev].endswith("fn_text")
                  and words and words[0][:1].islower()):
                for i in idx:
                    tags[i], confidences[i] = "I-fn_text", confidences[prev]
        prev = next((i for i in reversed(idx) if tags[i] != "O"), prev)


def _garbled_mark_length(tokens, idx):
    """How many tokens opening a line are a mark OCR garbled (``Q`` ``)``, ``(`` ``)``
    ``)``), or 0."""
    head = next((k for k, i in enumerate(idx) if not MARK_DEBRIS_TOKEN.match(tokens[i].text)), len(idx))
    return head if any(tokens[i].text in GARBLED_MARK_SIGNS for i in idx[:head]) else 0


def repair_split_text_cells(tokens, tags):
    """A table's text value the CRF began again right after its own word, in one cell
    (glued or one space on, same tab cell: ``Held`` / ``by minor child`` both begun), goes
    on. Fixes tags in place."""
    for i in range(1, len(tokens)):
        tag, before, tok = tags[i], tokens[i - 1], tokens[i]
        if (tag.startswith("B-") and tag[2:] in WRAPPED_LABELS and tags[i - 1][2:] == tag[2:]
                and before.line == tok.line and before.cell == tok.cell and tok.start - before.end <= 1):
            tags[i] = "I-" + tag[2:]


def repair_natures_after_marks(tokens, tags):
    """A nature the CRF ran on from the line above, where that line ends the nature before
    with its mark, begins a nature of its own: a mark ends its cell (pdfminer prints a
    column of natures a word or two a line, ``L.P. (3)`` / ``Sequoia`` / ``Capital``).
    Fixes tags in place."""
    for i in range(2, len(tokens)):
        tok, mark, before = tokens[i], tokens[i - 1], tokens[i - 2]
        if (tags[i] == "I-nature" and tags[i - 1] == "B-fn_mark" and tags[i - 2][2:] == "nature"
                and mark.line == before.line == tok.line - 1):
            tags[i] = "B-nature"


def repair_tab_cell_heads(tokens, tags, confidences, line_zones):
    """The words the CRF left ``O`` at the start of a tab-separated table cell whose text
    value it began after them (``American Depositary Shares``, only ``Depositary Shares``
    read as the underlying title) open the value. Tags fixed in place, with the value's
    confidence."""
    runs = line_runs(tokens)
    for i in range(1, len(tokens)):
        tok = tokens[i]
        if (not tags[i].startswith("B-") or tags[i][2:] not in WRAPPED_LABELS
                or line_zones[tok.line] not in TABLE_ZONES or not any(tokens[j].cell for j in runs[tok.line])):
            continue
        head = _untagged_words_before(tokens, tags, i, lambda j: tokens[j].cell == tok.cell)
        if head and (head[-1] == 0 or tokens[head[-1] - 1].line != tok.line or tokens[head[-1] - 1].cell != tok.cell):
            for j in head:
                tags[j], confidences[j] = "I-" + tags[i][2:], confidences[i]
            tags[head[-1]], tags[i] = "B-" + tags[i][2:], "I-" + tags[i][2:]


def _untagged_words_before(tokens, tags, i, in_cell):
    """The words left ``O`` right before token ``i`` on its line, nearest first, as far as
    ``in_cell(j)`` keeps token ``j`` in ``i``'s cell."""
    return list(takewhile(lambda j: tags[j] == "O" and tokens[j].line == tokens[i].line and in_cell(j)
                          and CELL_WORD.match(tokens[j].text), range(i - 1, -1, -1)))


CELL_WORD = re.compile(r"^(?:[A-Za-z][A-Za-z.'&-]*|,)$")


SENTENCE_END = re.compile(r"[.!?][\"')\]]*$")
MAX_NOTE_LINES_ABOVE = 4    # lines of a note that may stand above its centred mark


def repair_centred_marks(tokens, tags, line_zones):
    """A mark printed beside the middle of its note (``pdftotext -layout`` and pdfplumber
    centre it: ``The RSUs vest ... prior to May`` / ``(2)15, 2021; and ...``) belongs to
    the note that begins at the last sentence opening a line above it, not to the note
    before, which the CRF ran on over those lines: fixes tags in place. So is a mark on a
    line of its own between its note's lines, whatever case the line after it opens with
    (``... separation from service to the`` / ``(2)`` / ``Board of Directors.``), and the
    first note's mark beside its second line with no mark above. An OCR mark
    (``@``) beside a line whose line above goes on without a full stop is centred too,
    whatever case its text opens with; and, where the first mark stands alone above its
    note's text (``_centred_layout``), a mark beside a sentence's opening whose line above
    opens a sentence after the note before (``This transaction ...`` / ``(2) The reporting
    person ...``)."""
    lines = tokens_by_line(tokens, line_zones, ("footnotes",))
    order = sorted(lines)
    centred = _centred_layout(tokens, lines, order)
    for k, line in enumerate(order):
        mark = lines[line][0]
        after, ocr = mark + 1, OCR_NOTE_MARK.match(tokens[mark].text)
        alone = len(lines[line]) == 1     # the mark on a line of its own between its note's lines
        if (k == 0 or not (ocr or NOTE_MARK.match(tokens[mark].text)) or after >= len(tokens)
                or not tags[after].endswith("fn_text")):
            continue
        start = None
        if order[k - 1] == line - 1 and FIRST_MARK.match(tokens[mark].text):
            start = _unmarked_note_above(tokens, tags, lines, order[:k])
            if start is not None:   # no mark above: every line of text above is the first note's
                tags[start + 1:mark] = [t.replace("B-fn_text", "I-fn_text") for t in tags[start + 1:mark]]
        if start is None and (ocr or alone or _runs_on(tokens, after)):
            start = _note_start_above(tokens, tags, lines, order[:k])
        if start is None and centred and not alone and order[k - 1] == line - 1:
            start = _sentence_line_above(tokens, tags, lines, order[:k])
        if start is not None:
            tags[start], tags[after] = "B-fn_text", "I-fn_text"
    return tags


def _centred_layout(tokens, lines, order):
    """Whether the first note's mark stands alone on its line with its text on the lines
    below: marks are centred on their notes (a two-line note's mark falls between its
    lines), so a later mark beside a line of text stands beside its note's middle."""
    first = next((line for line in order if NOTE_MARK.match(tokens[lines[line][0]].text)), None)
    return first is not None and FIRST_MARK.match(tokens[lines[first][0]].text) and len(lines[first]) == 1


def _sentence_line_above(tokens, tags, lines, above):
    """The first token of the line right above a centred mark where that line opens a
    sentence after the note before ended one, and holds no mark; or None."""
    first = lines[above[-1]][0]
    if not (tags[first].endswith("fn_text") and tokens[first].text[:1].isupper()
            and not NOTE_MARK.match(tokens[first].text) and len(above) > 1):
        return None
    before = lines[above[-2]]
    ended = SENTENCE_END.search(tokens[before[-1]].text) or above[-2] < above[-1] - 1
    return first if ended and not any(NOTE_MARK.match(tokens[i].text) for i in lines[above[-1]]) else None


FIRST_MARK = re.compile(r"^(?:\(1\)|\[F1\]|1[.)])$")


def _unmarked_note_above(tokens, tags, lines, above):
    """The first token of the note text right above the first note's mark where no note
    above has a mark (the mark centred beside its note's second line, whatever the line
    above ends with: ``Securities ... serves as investment adviser.`` / ``(1) Fund 1 ...``;
    a later mark's text above is the first note's, whose mark the text lost), or None."""
    run = len(above) - 1    # the lines right above, one after the other (not the heading above the boilerplate)
    while run > 0 and above[run - 1] == above[run] - 1:
        run -= 1
    texts = [i for line in above[run:] for i in lines[line]]
    marked = any(tags[i] == "B-fn_id" for i in texts) or any(NOTE_MARK.match(tokens[lines[line][0]].text)
                                                            for line in above)
    if marked or not tags[lines[above[-1]][0]].endswith("fn_text"):
        return None
    return next((i for i in texts if tags[i].endswith("fn_text")), None)


def _note_start_above(tokens, tags, lines, above):
    """The first token of the line above that opens the mark's note (a sentence opening
    a line after a full stop, or after a line that is no note's: the boilerplate's),
    or None where the line right above ends a sentence (the mark opens its note) or no
    such line is near."""
    if SENTENCE_END.search(tokens[lines[above[-1]][-1]].text):
        return None
    for k in range(len(above) - 1, max(len(above) - 1 - MAX_NOTE_LINES_ABOVE, 0), -1):
        first, before = lines[above[k]][0], lines[above[k - 1]]
        if NOTE_MARK.match(tokens[first].text) or not tags[first].endswith("fn_text"):
            break
        if tokens[first].text[:1].isupper() and (SENTENCE_END.search(tokens[before[-1]].text)
                                                 or above[k - 1] < above[k] - 1):
            return first
    # the note before ends without a full stop: the mark stands centred, so its note
    # opens on the line right above it
    first = lines[above[-1]][0]
    if (len(above) > 1 and tags[first].endswith("fn_text") and not NOTE_MARK.match(tokens[first].text)
            and tokens[first].text[:1].isupper()):
        return first
    return None


GLUED_MARK = re.compile(r"^\((\d{1,2})\)$")


def repair_glued_marks(tokens, tags, line_zones):
    """A note's mark glued to a word inside the text of the note before (plain
    ``pdftotext`` prints a mark in the margin into the line beside it: ``... Exchange Act
    or short(3) swing profit ...``) is that note's mark where it is the next number after
    the marks read and no mark read has it; its note opens at its line's first word where
    that opens a sentence. Tags fixed in place."""
    seen = set()
    for i, tok in enumerate(tokens):
        if line_zones[tok.line] != "footnotes":
            continue
        glued = GLUED_MARK.match(tok.text)
        if tags[i] == "B-fn_id" and glued:
            seen.add(int(glued.group(1)))
        elif (glued and tags[i] == "I-fn_text" and seen and int(glued.group(1)) == max(seen) + 1
              and tokens[i - 1].end == tok.start and tokens[i - 1].text.isalpha()
              and int(glued.group(1)) not in _marks_read(tokens, tags, i)):
            tags[i] = "B-fn_id"
            seen.add(int(glued.group(1)))
            first = next(j for j in range(i, -1, -1) if j == 0 or tokens[j - 1].line != tok.line)
            if (tokens[first].text[:1].isupper() and tags[first] == "I-fn_text"
                    and _sentence_ends_before(tokens, first)):
                tags[first] = "B-fn_text"


def _marks_read(tokens, tags, after):
    return {int(m.group(1)) for j in range(after, len(tokens)) if tags[j] == "B-fn_id"
            for m in [GLUED_MARK.match(tokens[j].text)] if m}


def _sentence_ends_before(tokens, first):
    before = tokens[first - 1] if first else None
    return before is None or before.line < tokens[first].line - 1 or SENTENCE_END.search(before.text)


def _runs_on(tokens, i):
    """Whether the text at token ``i`` goes on with a sentence (``15, 2021;``, ``(ii) the``)."""
    head = tokens[i].text.lstrip("([\"'")[:1] or (tokens[i + 1].text[:1] if i + 1 < len(tokens) else "")
    return head.islower() or head.isdigit()


TEXT_LABELS = frozenset({"title", "und_title", "nature", "owner_name", "owner_street1",
                         "owner_street2", "issuer_name", "officer_title", "other_text",
                         "fn_text", "remarks", "sig_name"})
MAX_BRACKETED = 6   # tokens inside one bracket that may be pulled into its value


def repair_bracketed(tokens, tags, confidences):
    """A bracket opened inside a text value closes inside it: ``Restricted Stock Units
    (RSU) (Class A)`` is one title, though the CRF reads ``Class A`` as the start of an
    underlying title. Tokens up to the closing bracket, each glued or one space from the
    one before on the same line, continue the value (tags fixed in place); a token the
    CRF left ``O`` takes the bracket's confidence. A bracket left ``O`` one space after
    the title's last word opens the title's next words, and may close at the start of the
    next line (``Units (RSU) (Class`` / ``A)``: the cell wrapped)."""
    for i, tok in enumerate(tokens):
        if tok.text != "(":
            continue
        label = tags[i][2:] if tags[i] != "O" else _glued_title(tokens, tags, i)
        if label not in TEXT_LABELS:
            continue
        end = _closing_bracket(tokens, i, wrap=tags[i] == "O")
        if end is not None:
            if tags[i] == "O":
                tags[i], confidences[i] = "I-" + label, confidences[i - 1]
            tags[i + 1:end + 1] = ["I-" + label] * (end - i)
            for j in range(i + 1, end + 1):
                if confidences[j] is None:
                    confidences[j] = confidences[i]
    return tags


def _glued_title(tokens, tags, i):
    """The title label of the token right before bracket ``i``, one space from it on its
    line, that the CRF ended there (``Units (RSU)`` / ``(Class`` / ``A)``), or None."""
    if i and tags[i - 1][2:] == "title" and tokens[i - 1].line == tokens[i].line \
            and tokens[i].start - tokens[i - 1].end <= 1:
        return "title"
    return None


def _closing_bracket(tokens, i, wrap=False):
    """The closing bracket of bracket ``i``: each token glued or one space from the one
    before, on its line or (``wrap``: a title's cell) wrapped once to the next line's
    start (``(Class`` / ``A)``)."""
    for j in range(i + 1, min(i + 2 + MAX_BRACKETED, len(tokens))):
        prev, tok = tokens[j - 1], tokens[j]
        wraps = wrap and prev.line == tokens[i].line and tok.line == prev.line + 1 and tok.col == 0
        if tok.text == "(" or not wraps and (tok.line != prev.line or tok.start - prev.end > 1):
            return None
        if tok.text == ")":
            return j
    return None


WRAPPED_LABELS = ("title", "und_title", "nature")
MAX_WRAPPED_CHARS = 24      # a wrapped cell's line is a column wide, not a sentence
CLOSING = {"(": ")", "[": "]"}
WRAPPED_MARK = {"(": re.compile(r"^\d{1,2}$"), "[": re.compile(r"^F\d{1,2}$")}    # what each bracket holds
VALUE = re.compile(r"\d[\d,./-]*$")     # an amount or a date: a cell of its own, never a wrapped text


MAX_CELL_REACH = 3      # lines above a tall cell's word its cell's earlier word may stand


def repair_crossed_titles(tokens, tags, line_zones):
    """A word the CRF ran on with the row's title that stands, indented, in the column of
    the underlying title, alone on its line, goes on with that one (``pdftotext -layout``
    interleaves two tall cells: ``Restricted`` / ``Common`` / ``Stock`` (the row's line) /
    ``Stock`` under ``Common`` / ``Units``): where a word of the underlying title stands a
    few lines above in its column and none of the title. A word opening its line may be
    any cell's (plain and ``-raw`` text set every line from the margin); lines with tabs,
    or OCR's lines of several cells, have no columns to trust. Tags fixed in place."""
    by_line = tokens_by_line(tokens, line_zones, ("table2",))
    for line, idx in by_line.items():
        if tokens[idx[-1]].cell or len(line_cells(tokens, idx)) > 1:
            continue
        for i in idx:
            if tags[i] != "I-title" or tokens[i].col < MIN_CELL_GAP or not tokens[i].text[:1].isalpha():
                continue
            above = {tags[j][2:] for k in range(line - 1, line - 1 - MAX_CELL_REACH, -1) for j in by_line.get(k, ())
                     if abs(tokens[j].col - tokens[i].col) <= WRAP_COLUMN_SLACK and tokens[j].col >= MIN_CELL_GAP}
            if "und_title" in above and "title" not in above:
                tags[i] = "I-und_title"


AMOUNT_LABELS = ("shares", "und_shares", "owned", "price", "ex_price")


def repair_worded_amounts(tokens, tags, confidences, line_zones):
    """A word (letters, no digit) the CRF read as an amount is no amount: where it opens its
    line in the column of the title just above it, it goes on with that title
    (``pdftotext -layout``: ``Non`` / ``Employee`` / ``Stock`` / ``Options`` over a tall
    title cell, ``Options`` read as the underlying amount), else it is left ``O``. Tags
    fixed in place, with the title's confidence."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for line, idx in by_line.items():
        for i in idx:
            text = tokens[i].text
            if tags[i][2:] not in AMOUNT_LABELS or any(c.isdigit() for c in text) or not any(c.isalpha() for c in text):
                continue
            above = _title_above(tokens, tags, by_line, line)
            if i == idx[0] and above is not None and abs(tokens[above].col - tokens[i].col) <= WRAP_COLUMN_SLACK:
                tags[i], confidences[i] = "I-title", confidences[above]
            else:
                tags[i], confidences[i] = "O", None


def _title_above(tokens, tags, by_line, line):
    """The title token opening the line right above ``line``, or None."""
    idx = by_line.get(line - 1)
    return idx[0] if idx and tags[idx[0]][2:] == "title" else None


def repair_wrapped_cells(tokens, tags, confidences, line_zones):
    """A text cell's line that the CRF left ``O`` continues the cell right above it,
    starting in its column (tags fixed in place, line by line, so a cell wrapped over
    several lines is followed down): ``(RSU)``, ``(Class A)`` under ``Restricted Stock
    Units``, ``Stock`` under the underlying title ``Common`` (``pdftotext -layout``; plain
    ``pdftotext`` may print the row's amount between: ``Common`` / ``342.244`` / ``Stock``),
    ``Founders`` / ``Fund IV,`` / ``LP(5)`` under the nature ``By The`` (EDGAR ASCII). A
    title's line must be bracketed or made of security words (not a heading's ``Table II
    -`` read into the table's zone); no such line holds an amount or a date, and a mark
    in it is the row's. A cell centred on its row goes on below the row's line, which
    prints nothing in its column (``pdftotext -layout``). Lines with tabs have no columns
    to speak of: they are left."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    # a line's last token has its highest cell: 0 there, and the line has no tabs
    spaced = {line: idx for line, idx in by_line.items() if tokens[idx[-1]].cell == 0}
    for line, idx in spaced.items():
        above_line = spaced.get(line - 1, ())
        if _lone_value(tokens, tags, above_line):   # plain pdftotext: the row's amount between a cell's lines
            above_line = spaced.get(line - 2, ())
        for cell in line_cells(tokens, idx):
            group = _unread_head(tags, cell)
            if not group:
                continue    # the CRF read the line, all but the marks after its words (``LP (4)``)
            above = _tag_above(tokens, tags, above_line, tokens[group[0]].col)
            if above is None and above_line and not _touches(tokens, above_line, group):
                above = _cell_above_gap(tokens, tags, spaced, line - 1, group)
            if above is None or not _may_continue(tokens, group, tags[above][2:]):
                continue
            if len(group) < len(cell) and tags[cell[len(group)]][2:] == tags[above][2:]:
                continue    # the cell's own words, which the CRF began later
            label = tags[above][2:]
            for i in group:
                tags[i] = "B-fn_mark" if _is_mark(tokens, group, label, i) else "I-" + label
                confidences[i] = confidences[above]


def _unread_head(tags, cell):
    """The cell's tokens the CRF left ``O`` (marks after its words aside), or where it
    read a later token only, the untagged tokens before it: OCR puts one space between
    cells, so ``(RSU) Stock`` is one cell, the underlying title's ``Stock`` read."""
    read = next((k for k, i in enumerate(cell) if tags[i] != "O" and not (tags[i] == "B-fn_mark" and k)), None)
    return cell if read is None else cell[:read]


def repair_wrapped_nature_ends(tokens, tags, confidences, line_zones):
    """``repair_wrapped_cells`` once more, after the nature rules: a nature centred on its
    row ends on lines those rules read (``Fund IV,`` / ``LP (1)`` below the row's line,
    the CRF reading neither: ``LP`` goes on with ``Fund IV,`` only once that is read)."""
    repair_wrapped_cells(tokens, tags, confidences, line_zones)


def repair_lone_marks(tokens, tags, confidences, line_zones):
    """A footnote mark alone on its line that the CRF left ``O``, below a table's first
    value, is a row's mark: the form's headings hold no lone mark, and plain ``pdftotext``
    and pdfminer print the marks of dates and prices a column at a time, away from the
    cells they follow (``328`` / ``Number`` / ``Shares`` / ``(2)`` / ``(2)``: the marks
    standing for a grant's two dates); the assembler gives them to the rows. Tags fixed in
    place, with the confidence of the last value read above."""
    for zone in TABLE_ZONES:
        by_line = tokens_by_line(tokens, line_zones, (zone,))
        seen = None
        for line, run in by_line.items():
            if len(run) == 1 and tags[run[0]] == "O" and MARK.match(tokens[run[0]].text) and seen is not None:
                tags[run[0]], confidences[run[0]] = "B-fn_mark", confidences[seen]
            for i in run:
                if tags[i] != "O" and confidences[i] is not None:
                    seen = i


# cells that stand on a row's own line (the line a tall cell's lower lines follow): the
# assembler's SHORT_CELLS and the title's and prices' first lines (SHORT_CELLS alone gives
# 16 more errors over the six builds)
ROW_CELL_LABELS = frozenset({"title", "tx_date", "code", "shares", "ad", "price", "owned", "di",
                             "ex_price", "ex_date", "exp_date", "und_shares"})


def repair_marks_below_rows(tokens, tags, confidences, line_zones):
    """A footnote mark left ``O`` among other words on the table line right below a row's
    line is that row's mark: ``pdftotext -layout`` and OCR centre a tall cell on its row
    and print the lower lines, with the marks of the cells above, under the row's line
    (``Common Stock, par value 08/27/2025 S 1,375 D 748.61 123,137 D`` / ``$0.01 per
    share (1)``; OCR's ``(2) Fund II, LP (3)``). Not where the row's line holds a mark's
    stray bracket (OCR's ``sf)`` for ``S(1)``): that row's marks would come out in part,
    which the record's set of footnote ids counts as wrong. Tags fixed in place, with the
    confidence of the row's cell above."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for line, run in by_line.items():
        above = by_line.get(line - 1, ())
        cell = next((i for i in above if tags[i][2:] in ROW_CELL_LABELS), None)
        if cell is None or len(run) < 2 or any(tags[i] == "O" and tokens[i].text == ")" for i in above):
            continue
        for i in run:
            if tags[i] == "O" and MARK.match(tokens[i].text):
                tags[i], confidences[i] = "B-fn_mark", confidences[cell]


def repair_marks_below_cells(tokens, tags, confidences, line_zones):
    """A mark alone on its line, left ``O`` right below a text cell's last line and in its
    column, is the row's mark (``pdftotext -layout`` ends a tall nature with it: ``Fund,
    LP`` / ``(8)``). Tags fixed in place, with the cell's confidence."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for line, run in by_line.items():
        if len(run) != 1 or tags[run[0]] != "O" or not MARK.match(tokens[run[0]].text):
            continue
        cell = next((i for i in by_line.get(line - 1, ()) if tags[i][2:] in WRAPPED_LABELS
                     and abs(tokens[i].col - tokens[run[0]].col) <= WRAP_COLUMN_SLACK), None)
        if cell is not None:
            tags[run[0]], confidences[run[0]] = "B-fn_mark", confidences[cell]


MAX_GAP_LINES = 3   # lines a tall cell's run may skip that print nothing in its column


def _cell_above_gap(tokens, tags, spaced, line, group):
    """The wrapped text cell's token in the group's column on a line above ``line``,
    across lines that print nothing in that column (``pdftotext -layout`` centres a tall
    cell on its row: ``By The`` / ``Founders`` above the row's line, whose other cells
    leave the column empty, ``Fund IV,`` / ``LP`` below it), or None."""
    for above in range(line - 1, line - 1 - MAX_GAP_LINES, -1):
        idx = spaced.get(above)
        if not idx:
            return None
        found = _tag_above(tokens, tags, idx, tokens[group[0]].col)
        if found is not None or _touches(tokens, idx, group):
            return found
    return None


def _touches(tokens, idx, group):
    """Whether a token of ``idx`` stands over the columns of the tokens ``group``."""
    lo, hi = tokens[group[0]].col - WRAP_COLUMN_SLACK, tokens[group[-1]].col + len(tokens[group[-1]].text)
    return any(tokens[i].col < hi and tokens[i].col + len(tokens[i].text) > lo for i in idx)


def _lone_value(tokens, tags, idx):
    return len(idx) == 1 and tags[idx[0]] != "O" and bool(VALUE.match(tokens[idx[0]].text))


PAR_VALUE = re.compile(r"^(?:\$?\d*\.\d+|\$|,|par|value|per|no)$", re.I)    # ``, $0.01 par value``


ROW_OPENERS = frozenset({"tx_date", "ex_price", "owned"})     # a row's first value after its title
MAX_TITLE_GAP = 4       # lines from a title's first to its row's first value (one cell a line)


def repair_untitled_rows(tokens, tags, confidences, line_zones):
    """A security's title with its par value that the CRF left ``O`` (``Class A Common
    Stock,`` / ``$0.01 par value``: the amount reads like a price), opening a table line
    and going on over the next lines' first cells (EDGAR ASCII: ``Common Stock, |Oct. 30,``
    / ``$0.00125 par  |2025`` / ``value  |``), is the title of the row whose first value
    (date, exercise price or amount owned) follows its first line's cell within a few
    lines, where the tagged token before it is no title on the line right above (a
    title's line going on). Its words are security words,
    single capitals and the par value's; tags fixed in place, with the confidence of the
    row's value."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for line in by_line:
        group = _par_value_title(tokens, tags, by_line, line)
        if group is None:
            continue
        first_line = [i for i in group if tokens[i].line == line]
        after = next((i for i in range(first_line[-1] + 1, len(tokens))
                      if tags[i] != "O" and tags[i] != "B-fn_mark" and not tags[i].endswith("-nature")), None)
        before = next((i for i in range(group[0] - 1, -1, -1) if tags[i] != "O"), None)
        opener = after is not None and (tags[after][2:] in ROW_OPENERS or tags[after] in ("B-code", "B-price")
                                        and tokens[after].line == line)    # a date no rule has read yet
        if (not opener or tokens[after].line - line > MAX_TITLE_GAP
                or before is not None and tags[before][2:] == "title" and tokens[before].line >= line - 1):
            continue
        for k, i in enumerate(group):
            tags[i], confidences[i] = ("B-" if k == 0 else "I-") + "title", confidences[after]


def repair_untagged_title_openings(tokens, tags, confidences, line_zones):
    """Security words opening a Table I line that the CRF left ``O`` right before the row's
    first value on that line (its date, exercise price or amount owned), with at most
    marks or specks between, are the row's title (OCR: ``COMMON STOCK (1) (2) 3) |
    10/09/2025 Ss 190``). The title goes on from a title on the line above. Tags fixed in
    place, with the value's confidence."""
    for run in tokens_by_line(tokens, line_zones, ("table1",)).values():
        head = []
        for i in run:
            if tags[i] != "O" or not _title_word(tokens[i].text) and not security_words([tokens[i].text]):
                break
            head.append(i)
        if not head or not security_words([tokens[i].text for i in head]):
            continue
        value = next((i for i in run[len(head):] if tags[i] not in ("O", "B-fn_mark")), None)
        if value is None or tags[value][2:] not in ROW_OPENERS or any(
                tags[i] == "O" and tokens[i].text[:1].isalnum() and not MARK.match(tokens[i].text)
                for i in run[len(head):run.index(value)]):
            continue
        before = next((j for j in range(head[0] - 1, -1, -1) if tags[j] != "O"), None)
        goes_on = before is not None and tags[before][2:] == "title" and tokens[before].line == tokens[head[0]].line - 1
        for k, i in enumerate(head):
            tags[i], confidences[i] = ("I-" if k or goes_on else "B-") + "title", confidences[value]


def repair_untagged_titles(tokens, tags, confidences, line_zones):
    """A row's title the CRF left ``O`` whole, or read in part as an underlying title
    (``Warrant to Purchase`` ``Common Shares`` opening a Table II line): the title-like
    words (and a par value: ``Common Shares, no par value``) opening a table line right
    before the row's first value (its marks and the cells' separators aside), with the
    lines of only such words right above it (``pdftotext -raw`` prints a title a word a
    line), are the row's title where they name a security, are no heading's or nature's,
    and the line has no title. Tags fixed in place, with the value's confidence."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for line, run in by_line.items():
        run = list(dropwhile(lambda i: tags[i] == "O" and not any(map(str.isalnum, tokens[i].text)), run))  # specks
        head = _par_value_cut(tokens, list(takewhile(
            lambda i: tags[i] in ("O", "B-und_title", "I-und_title")
            and (_title_like(tokens[i].text) or PAR_VALUE.match(tokens[i].text)), run)))
        value = next((i for i in run[len(head):] if tokens[i].text not in CELL_SEPARATORS
                      and tags[i] != "B-fn_mark"), None)
        if value is None or tags[value][2:] not in ROW_OPENERS or any(tags[i][2:] == "title" for i in run):
            continue
        head = _untagged_title_lines(tokens, tags, by_line, line) + head
        if head and tags[head[0]] == "O" and _whole_title(tokens, tags, by_line, head):
            goes_on = _title_goes_on(tokens, tags, by_line, tokens[head[0]].line)
            for k, i in enumerate(head):
                tags[i], confidences[i] = ("I-" if k or goes_on else "B-") + "title", confidences[value]


def _par_value_cut(tokens, head):
    """``head`` up to its first word that only a par value has (``no``, ``$0.01``), where
    it names no par value (``Common Shares, no par value``)."""
    texts = [tokens[i].text.lower() for i in head]
    if "par" in texts:
        return head
    return list(takewhile(lambda i: _title_like(tokens[i].text), head))


def _whole_title(tokens, tags, by_line, head):
    """Whether the tokens ``head`` may be a whole title: opening with a word, naming a
    security, its earlier words not left unread on the line above."""
    return (len(tokens[head[0]].text) > 1 and _names_security([tokens[i].text for i in head])
            and not _unread_title_above(tokens, tags, by_line, tokens[head[0]].line))


def _title_goes_on(tokens, tags, by_line, line):
    """Whether the line above ``line`` is a title's line without the row's values: the
    title goes on from it (``Stock`` / ``Options`` / ``$ 18.27``)."""
    above = by_line.get(line - 1, ())
    return _title_above(tokens, tags, by_line, line) is not None and not any(tags[i][2:] in ROW_OPENERS for i in above)


TITLE_JOINERS = frozenset("to of for and in on - ,".split())
HEADING_WORDS = frozenset(HEADER_WORDS - {"shares"})
MAX_TITLE_LINES = 6     # lines of a title printed a word a line


def _title_like(text):
    return text[:1].isupper() and text.replace("-", "").isalpha() or text.lower() in TITLE_JOINERS


def _unread_title_above(tokens, tags, by_line, line):
    """Whether the line above ``line`` is untagged and names a security, no heading: the
    title's earlier words, in cells the rule cannot split (``Stock      Common (2)``)."""
    texts = [tokens[i].text for i in by_line.get(line - 1, ())]
    return (bool(texts) and texts != ["Shares"]     # the headings' last word
            and all(tags[i] == "O" for i in by_line[line - 1]) and _names_security(texts))


def _worded(tokens, run):
    """Whether a run of title-like tokens holds a word (no mere letters: ``D``, ``I``)."""
    return any(len(tokens[i].text) > 1 for i in run)


def _names_security(texts):
    return (any(security_words([t]) and len(t) > 1 for t in texts) and not NATURE_HEAD.match(texts[0])
            and not HEADING_WORDS & {t.lower() for t in texts})


def _untagged_title_lines(tokens, tags, by_line, line):
    """The tokens of the lines of only untagged title-like words right above ``line``
    (across a line of a lone ``$``), below the column headings (``Amount`` / ``or`` /
    ``Number`` / ``of`` / ``Shares``)."""
    words = []
    for above in range(line - 1, line - 1 - MAX_TITLE_LINES, -1):
        run = by_line.get(above)
        if run and above == line - 1 and [tokens[i].text for i in run] == ["$"]:
            continue
        if (not run or not all(tags[i] == "O" and _title_like(tokens[i].text) for i in run)
                or not _worded(tokens, run) or _in_headings(tokens, by_line, above)):
            break
        words[:0] = run
    return words


def _in_headings(tokens, by_line, line):
    """Whether a line holds a word of the column headings (``Shares`` only under ``Number
    of``: a title's word too)."""
    texts = [tokens[i].text for i in by_line[line]]
    above = [tokens[i].text for i in by_line.get(line - 1, ())]
    return (any(_heading_word(t.lower()) and t != "Shares" for t in texts)
            or texts == ["Shares"] and above[-1:] == ["of"])


def repair_par_value_tails(tokens, tags, confidences, line_zones):
    """The par value ending a title's line that the CRF left ``O`` (``Common Shares, no
    par value``; ``Common Stock, $0.01 par value``) goes on the title: the ``O`` tokens
    right after the title's last token on its line, up to the word ``value``, where all
    are a par value's words. Tags fixed in place, with the title's confidence."""
    for i in range(len(tokens) - 1):
        if not tags[i].endswith("-title") or tags[i + 1] != "O" or line_zones[tokens[i].line] not in TABLE_ZONES:
            continue
        tail = []
        for j in range(i + 1, len(tokens)):
            if tokens[j].line != tokens[i].line or tags[j] != "O" or not PAR_VALUE.match(tokens[j].text):
                break
            tail.append(j)
        words = [tokens[j].text.lower() for j in tail]
        if "value" in words and "par" in words:
            for j in tail[:words.index("value") + 1]:
                tags[j], confidences[j] = "I-" + tags[i][2:], confidences[i]


def repair_par_value_below_rows(tokens, tags, confidences, line_zones):
    """A line opening with a par value's words alone in the title column that the CRF
    left ``O`` (``$0.01 per share``) ends the title above it in that column: ``pdftotext
    -layout`` prints a tall title cell's last line below its row's values (``Common
    Stock, par value`` / the row's line / ``$0.01 per share``). The line between may
    hold nothing in the title's columns. Tags fixed in place, with the title's confidence."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for line, run in by_line.items():
        tail = _first_cell(tokens, run)
        if not (tail and tokens[tail[0]].col <= WRAP_COLUMN_SLACK and _par_value_words(tokens, tags, tail)):
            continue
        title = _title_cell_above(tokens, tags, by_line, line)
        if title is not None:
            for i in tail:
                tags[i], confidences[i] = "I-title", confidences[title]


def repair_par_value_amounts(tokens, tags, confidences, line_zones):
    """A line of a par value's amount alone (``$ 0.01``, ``$0.01 per share``) right below a
    title's line that ends in ``par value`` ends that title, whatever the CRF read it as
    (``O``, an exercise price, a price): plain ``pdftotext`` wraps ``Class A common stock,
    par value`` / ``$ 0.01``. Tags fixed in place, with the title's confidence."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for line, run in by_line.items():
        above = by_line.get(line - 1)
        texts = [tokens[i].text.lower() for i in run]
        if (not above or len(above) < 2 or not tags[above[-1]].endswith("title")
                or [tokens[i].text.lower() for i in above[-2:]] != ["par", "value"]
                or not any(PAR_AMOUNT.match(t) for t in texts)
                or not all(PAR_VALUE.match(t) or t in ("share", "shares") for t in texts)):
            continue
        for i in run:
            tags[i], confidences[i] = "I" + tags[above[-1]][1:], confidences[above[-1]]


PAR_AMOUNT = re.compile(r"^\$?\d*\.\d+$")     # a par value's amount (``0.01``)


def _par_value_words(tokens, tags, cell):
    texts = [tokens[i].text.lower() for i in cell]
    return (all(tags[i] == "O" and (PAR_VALUE.match(t) or t in ("share", "shares")) for i, t in zip(cell, texts))
            and any(t in ("par", "per", "value") for t in texts))


def _title_cell_above(tokens, tags, by_line, line):
    """The last token of a title cell opening a line within ``MAX_PAR_LINES`` above
    ``line``, the lines between holding nothing in its columns, or None."""
    for above in range(line - 1, line - MAX_PAR_LINES, -1):
        run = by_line.get(above, ())
        if not run:
            continue
        cell = _first_cell(tokens, run)
        if not cell:
            return None
        if tokens[cell[0]].col <= WRAP_COLUMN_SLACK:
            return cell[-1] if tags[cell[-1]].endswith("-title") else None
        if tokens[cell[0]].col < MIN_TITLE_COLUMN_END:
            return None
    return None


MIN_TITLE_COLUMN_END = 20      # characters a title column spans at least


def repair_class_letters(tokens, tags, confidences, line_zones):
    """The class letter of a title the CRF began (``Class A Common Stock``), read as a
    code or an A/D or D/I letter, and the security's words after it that it left ``O``,
    go on the title. Tags fixed in place, with the title's confidence."""
    for i in range(len(tokens) - 2):
        letter, word = tokens[i + 1], tokens[i + 2]
        if not (tags[i][2:] in ("title", "und_title") and tokens[i].text.lower() == "class"
                and line_zones[tokens[i].line] in TABLE_ZONES and len(letter.text) == 1 and letter.text.isupper()
                and tags[i + 1][2:] in ("code", "ad", "di") and letter.line == word.line == tokens[i].line
                and letter.start - tokens[i].end <= 1 and word.start - letter.end <= 1 and _security(word.text)):
            continue
        tags[i + 1], confidences[i + 1] = "I-" + tags[i][2:], confidences[i]
        for k in range(i + 2, len(tokens)):
            if (tokens[k].line != tokens[i].line or tags[k] != "O" or tokens[k].start - tokens[k - 1].end > 1
                    or not (_security(tokens[k].text) or PAR_VALUE.match(tokens[k].text))):
                break
            tags[k], confidences[k] = "I-" + tags[i][2:], confidences[i]


def _par_value_title(tokens, tags, by_line, line):
    """The ``O`` tokens of a title with its par value opening ``line`` (its first cell,
    and the next lines' where they go on with such words), or None."""
    head = by_line[line][0]
    if not (tokens[head].col <= WRAP_COLUMN_SLACK and tags[head] == "O" and tokens[head].text[:1].isupper()
            and _security(tokens[head].text)):
        return None
    group = _first_cell(tokens, by_line[line])
    if not _title_words(tokens, tags, group):
        return None
    row_line = False    # a row's line printed between the title's lines (``pdftotext -layout``)
    for below in range(line + 1, line + MAX_PAR_LINES):
        rest = _first_cell(tokens, by_line[below]) if below in by_line else []
        if rest and tokens[rest[0]].col >= MIN_TITLE_COLUMN_END and not row_line:
            row_line = True
            continue
        if not rest or not _title_words(tokens, tags, rest):
            break
        group += rest
    return group if any(tokens[i].text.lower() == "par" for i in group) else None


MAX_PAR_LINES = 3     # lines a title with its par value wraps over


def _first_cell(tokens, run):
    """A line's first cell: its first run of tokens a space apart, up to a ``|`` (ASCII)."""
    cell = line_cells(tokens, run)[0]
    return list(takewhile(lambda i: tokens[i].text != "|", cell))


def _title_words(tokens, tags, group):
    return all(tags[i] == "O" and (_security(tokens[i].text) or PAR_VALUE.match(tokens[i].text)) for i in group)


def _security(word):
    return security_words([word])


MIN_REPEATED_LINES = 3     # a row's title, date and code


MIN_COLUMN_LINES = 3


def repair_column_runs(tokens, tags, confidences, line_zones):
    """A block of a table's lines right after each other, each one cell shaped like the
    block's first line, is a column of a table printed column by column (plain
    ``pdftotext``: ``Common Stock`` twenty-one times, then ``11/09/2021`` twenty-one
    times, ``S``, ``47,553 D``; columns a blank line apart). The CRF tags the first line
    and runs it on or leaves the rest ``O``: each such line takes the first line's tags, a
    value of its own, where the CRF tagged all the first line's tokens, opening a value
    (lines it tagged otherwise, a row's own cells a line each, stay). Tags and
    confidences copied in place."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    order = list(by_line)
    k = 0
    while k < len(order):
        first = by_line[order[k]]
        end = k + 1
        while (end < len(order) and order[end] == order[end - 1] + 1
               and line_zones[order[end]] == line_zones[order[k]] and _same_cell(tokens, tags, first, by_line[order[end]])):
            end += 1
        if (end - k >= MIN_COLUMN_LINES and tags[first[0]].startswith("B-") and "O" not in (tags[i] for i in first)
                and _one_cell(tokens, first)):
            run_on = {"O"} | {"I-" + tags[i][2:] for i in first}
            for line in order[k + 1:end]:
                if all(tags[j] in run_on for j in by_line[line]):
                    for i, j in zip(first, by_line[line]):
                        tags[j], confidences[j] = tags[i], confidences[i]
        k = end


def _same_cell(tokens, tags, first, line):
    """Whether a line repeats the first line's cell: the same words where that is text
    (``Profit`` / ``Sharing`` / ``Trust`` is one nature a word a line), the same shape
    where it is a date, a code or an amount."""
    if any(tags[i][2:] in WRAPPED_LABELS for i in first):
        return [tokens[i].text for i in first] == [tokens[j].text for j in line]
    return _alike(tokens, first, line)


def _one_cell(tokens, line):
    """Whether a line's tokens stand in one cell: no tab, no gap of a cell between them."""
    return all(tokens[j].cell == tokens[i].cell and tokens[j].col - (tokens[i].col + len(tokens[i].text)) < MIN_CELL_GAP
               for i, j in zip(line, line[1:]))


def repair_repeated_rows(tokens, tags, confidences, line_zones):
    """A table line the CRF left ``O`` that repeats a title line of its table, with other
    rows' cells tagged between the two, opens a row printed the way that title's row was
    (plain ``pdftotext`` prints each row's title, date and code a cell a line: ``Common
    Stock`` / ``08/31/2020`` / ``A``, then ``Common Stock`` / ``08/31/2020`` / ``F``, the
    second row untagged): it and the untagged lines after it take the tags of the lines
    as far after the title, where the two are shaped alike (a date, a code letter) or
    already tagged alike, three lines at least (scraped HTML: ``common`` / ``2,170.3157``
    / ``(1)`` / ``I``, then ``common`` untagged over the same cells). So do the untagged
    lines after a repeated title line that the CRF tagged as the title (``Common Stock`` /
    ``1,066`` / ``D``, then ``Common Stock`` / ``27,279`` / ``I``). Titles one after the
    other (a column read as such) are left alone. Tags and confidences copied in place."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    order = list(by_line)
    titles = {}     # (zone, words) -> position in ``order`` of the last line holding that title alone
    for k, line in enumerate(order):
        words = (line_zones[line], tuple(tokens[i].text for i in by_line[line]))
        if tags[by_line[line][0]] == "B-title" and all(tags[i][2:] == "title" for i in by_line[line]):
            if words in titles and k + 1 < len(order) and untagged(tags, by_line[order[k + 1]]):
                _copy_row(tokens, tags, confidences, by_line, order[titles[words]:k], order[k:])
            titles[words] = k
        elif words in titles and untagged(tags, by_line[line]):
            _copy_row(tokens, tags, confidences, by_line, order[titles[words]:k], order[k:])


def _copy_row(tokens, tags, confidences, by_line, source, repeat):
    """``repeat``'s untagged lines tagged as ``source``'s (a title line, then the lines up
    to the repeat), where other cells stand between and at least three lines are alike."""
    if not any(tags[i][2:] not in ("", "title") for line in source[1:] for i in by_line[line]):
        return
    pairs = list(zip(source, repeat))
    alike = next((n for n, (was, now) in enumerate(pairs) if "O" in (tags[i] for i in by_line[was]) or not (
        _same_tags(tags, by_line[was], by_line[now])
        or untagged(tags, by_line[now]) and _alike(tokens, by_line[was], by_line[now]))), len(pairs))
    if alike < MIN_REPEATED_LINES:
        return
    for was, now in pairs[:alike]:
        if untagged(tags, by_line[now]):
            for i, j in zip(by_line[was], by_line[now]):
                tags[j], confidences[j] = tags[i], confidences[i]


def untagged(tags, line):
    """Whether the CRF tagged none of a line's tokens."""
    return all(tags[i] == "O" for i in line)


def _same_tags(tags, was, now):
    return [tags[i] for i in was] == [tags[j] for j in now]


def _alike(tokens, was, now):
    """Whether two lines' tokens are shaped alike, two amounts alike whatever their digits."""
    return len(was) == len(now) and all(_shape_class(tokens[i].text) == _shape_class(tokens[j].text)
                                        for i, j in zip(was, now))


def _shape_class(text):
    shape = word_shape(text)
    return "amount" if AMOUNT_SHAPE.match(shape) else shape


AMOUNT_SHAPE = re.compile(r"^d{1,3}(?:,ddd)*(?:\.d+)?$")


TITLE_HEAD_WORD = re.compile(r"^[A-Z][a-z]{2,}(?:-[A-Z]?[a-z]+)?$")     # Non, Employee, Non-Qualified
MAX_TITLE_HEAD_WORDS = 3
PAR_SIGNS = (",", "$")     # between a title's words and its par value: Common Stock, $0.01


def repair_title_line_heads(tokens, tags, confidences, line_zones):
    """Words opening a table line that the CRF left ``O`` right before the title it read
    as going on (an ``I-`` tag with no title begun: ``Non Employee`` before ``Stock Options
    (Right to Buy)``; ``Common Stock, $`` before ``0.00125 par value``) begin that title,
    where they are at most three capitalised words (and a par value's comma and dollar
    sign). Tags fixed in place, with the title's confidence."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for line, run in by_line.items():
        head = []
        for i in run:
            if tags[i] != "O" or not (TITLE_HEAD_WORD.match(tokens[i].text) or head and tokens[i].text in PAR_SIGNS):
                break
            head.append(i)
        words = [i for i in head if tokens[i].text not in PAR_SIGNS]
        after = run[len(head)] if len(head) < len(run) else None
        if words and len(words) <= MAX_TITLE_HEAD_WORDS and after is not None and tags[after] == "I-title" and not any(
                tags[j] == "B-title" for j in range(after - 1, -1, -1) if tokens[j].line == line):
            for k, i in enumerate(head + [after]):
                tags[i] = ("B-" if k == 0 else "I-") + "title"
                confidences[i] = confidences[after]


UNDERLYING_END = ("stock", "shares")


def repair_underlying_tails(tokens, tags, confidences, line_zones):
    """An underlying title that ends short of its noun (``Common``, ``Class A``) goes on
    with ``Stock`` or ``Shares`` left ``O`` on the next two lines, after their first word
    (OCR centres the cell on its row: ``[Common]`` on the row's line, ``Units ... Stock``
    below it, the title's last word first), or read as the title's where the title on the
    underlying title's line has that word already (pdfplumber: ``Stock $ 39.20 ... Common``
    / ``Option Stock``); in a space-aligned table, in its column. So
    does the word alone on the next line (or the one after, past the underlying amount
    alone: ``Common`` / ``187.361`` / ``Stock``), left ``O`` or read as a title's, where the
    underlying title's line holds no title (plain ``pdftotext``: ``Class A`` /
    ``Common 687,626`` / ``Stock``) or a title that has that word already (OCR:
    ``Stock ... [Common 336`` / ``Stock`` / ``Units``). Tags fixed in place, with the
    title's confidence."""
    by_line = tokens_by_line(tokens, line_zones, ("table2",))
    for line, run in by_line.items():
        last = next((i for i in reversed(run) if tags[i][2:] == "und_title"), None)
        if last is None or tokens[last].text.lower() in UNDERLYING_END:
            continue
        first = next(i for i in run if tags[i][2:] == "und_title")
        aligned = _aligned(tokens, run)
        titled = {tokens[i].text.lower() for i in run if tags[i][2:] == "title"}
        tail = next((i for below in (line + 1, line + 2) for i in by_line.get(below, ())[1:]
                     if (tags[i] == "O" or tags[i] == "I-title" and tokens[i].text.lower() in titled)
                     and tokens[i].text.lower() in UNDERLYING_END
                     and not (aligned and abs(tokens[i].col - tokens[first].col) > WRAP_COLUMN_SLACK)), None)
        if tail is not None and not any(tags[i][2:] == "und_title" for i in range(last + 1, tail)):
            tags[tail], confidences[tail] = "I-und_title", confidences[last]
        below = by_line.get(line + 1, ())
        if len(below) == 1 and tags[below[0]] == "B-und_shares":
            below = by_line.get(line + 2, ())     # past the underlying amount printed between
        if (len(below) == 1 and tags[below[0]] in ("O", "I-title") and tokens[below[0]].text.lower() in UNDERLYING_END
                and (not titled or tokens[below[0]].text.lower() in titled)):
            tags[below[0]], confidences[below[0]] = "I-und_title", confidences[last]


def repair_repeated_underlying_titles(tokens, tags, line_zones):
    """An underlying title the CRF ran on over lines that repeats it whole, its first line
    again after the noun that ends it (pdfminer's column of a block's underlying titles:
    ``Common`` / ``Stock`` twice, the CRF reading one title), is two titles: the second
    begins there. Tags fixed in place."""
    head, ended = None, False
    for run in tokens_by_line(tokens, line_zones, ("table2",)).values():
        words = [i for i in run if tags[i][2:] == "und_title"]
        if not words:
            continue
        texts = [tokens[i].text for i in words]
        if tags[words[0]] == "B-und_title" or head is None:
            head = texts
        elif ended and texts == head:
            tags[words[0]] = "B-und_title"
        ended = texts[-1].lower() in UNDERLYING_END


def repair_doubled_title_words(tokens, tags, line_zones):
    """A Table II line whose title words run two columns' words together, where OCR
    reads a row's title and its underlying title across one line (``Class B Class A``,
    ``Stock Stock``): from the second ``Class`` on, or the second of a word twice over,
    the words are the underlying title's, where the table reads an underlying title.
    Tags fixed in place."""
    by_line = tokens_by_line(tokens, line_zones, ("table2",))
    if not any(tags[i][2:] == "und_title" for run in by_line.values() for i in run):
        return
    for run in by_line.values():
        words = list(takewhile(lambda i: tags[i][2:] == "title", run))
        texts = [tokens[i].text for i in words]
        cut = next((k for k in range(1, len(texts)) if texts[k] == "Class" and "Class" in texts[:k]
                    or texts[k] in ("Stock", "Shares") and texts[k - 1] == texts[k]), None)
        if cut is not None:
            for k, i in enumerate(words[cut:]):
                tags[i] = ("B-" if k == 0 and texts[cut] == "Class" else "I-") + "und_title"


def repair_underlying_before_dates(tokens, tags, line_zones):
    """Words opening a Table II row's line that the CRF read as the underlying title
    (column 7) before the row's date, code or amount (columns 2-5) on that line are the
    title's (column 1): OCR and ``-layout`` print a line's cells left to right, and a
    title centred on its row puts its middle word there (``Restricted`` / ``Stock ...
    08/29/2018 A 725`` / ``Units``, the CRF going on from ``Common`` above). Tags fixed
    in place (their confidences stand)."""
    for line, run in tokens_by_line(tokens, line_zones, ("table2",)).items():
        first = next((k for k, i in enumerate(run) if tags[i][2:] in LEFT_CELLS), None)
        head = [i for i in run[:first] if tags[i] != "O"] if first else []
        if not head or any(tags[i][2:] != "und_title" for i in head):
            continue
        above = next((j for j in range(run[0] - 1, -1, -1) if tags[j] != "O"), None)
        titled = above is not None and tags[above][2:] == "title" or any(
            tags[j][2:] == "title" for j in range(run[0] - 1, -1, -1) if tokens[j].line >= line - 2)
        for k, i in enumerate(head):
            tags[i] = ("I-" if k or titled else "B-") + "title"


LEFT_CELLS = frozenset({"ex_price", "tx_date", "deemed_date", "code", "shares", "ad"})


def repair_split_amounts(tokens, tags, line_zones):
    """An amount the CRF ran on with the amount before it across a cell's gap of spaces
    (``pdftotext -layout``: ``472`` ... ``472``, read as one underlying amount
    ``472472``) is an amount of its own. Tags fixed in place."""
    for i in range(1, len(tokens)):
        label = tags[i][2:]
        if (tags[i][0] == "I" and label in AMOUNT_LABELS and tags[i - 1][2:] == label
                and tokens[i - 1].line == tokens[i].line and line_zones[tokens[i].line] in TABLE_ZONES
                and tokens[i].start - tokens[i - 1].end >= MIN_CELL_GAP
                and VALUE.match(tokens[i].text) and VALUE.match(tokens[i - 1].text)):
            tags[i] = "B-" + label


AMOUNT_REST = re.compile(r"^,\d{3}(?:,\d{3})*(?:\.\d+)?$")     # ``,042``: a cut amount's last groups


def repair_wrapped_amount_rests(tokens, tags, confidences, line_zones):
    """An amount's last groups of digits that a fixed-width cell wrapped onto the next
    line (EDGAR ASCII: ``20,264`` / ``,042``), in the amount's column, go on the amount,
    whatever the CRF read them as (the rest of the underlying title beside them). Tags
    fixed in place, with the amount's confidence."""
    runs = line_runs(tokens)
    for i, token in enumerate(tokens):
        if token.text[:1] != "," or not AMOUNT_REST.match(token.text) or line_zones[token.line] not in TABLE_ZONES:
            continue
        amount = next((j for j in runs.get(token.line - 1, ()) if tags[j][2:] in AMOUNT_LABELS
                       and tokens[j].col <= token.col < tokens[j].col + len(tokens[j].text)), None)
        if amount is not None:
            tags[i], confidences[i] = "I-" + tags[amount][2:], confidences[amount]


def repair_owned_after_underlying(tokens, tags, line_zones):
    """A Table II line's amount the CRF read as the row's amount (column 5), standing
    after the row's underlying title and amount (column 7) with only the D/I letter, the
    nature or marks after it, is the amount owned (column 9), where the line has none
    (``Class A Common Stock; 1,474,432; ; 1,474,432; D;``: a holding). Tags fixed in place."""
    for run in tokens_by_line(tokens, line_zones, ("table2",)).values():
        labels = [tags[i][2:] for i in run]
        if "owned" in labels or "und_title" not in labels or "und_shares" not in labels:
            continue
        after = run[max(k for k, label in enumerate(labels) if label == "und_shares") + 1:]
        shares = [i for i in after if tags[i] == "B-shares"]
        rest = [tags[i][2:] for i in after if i not in shares and tags[i] != "O"]
        if len(shares) == 1 and all(label in ("di", "nature", "fn_mark") for label in rest):
            tags[shares[0]] = "B-owned"


def repair_date_pairs(tokens, tags, line_zones):
    """Column 6 holds two dates, the date exercisable before the expiration date: on a
    Table II line with two dates read as the same one of them and none as the other, the
    first is the date exercisable and the second the expiration date. A date read as a
    transaction's right after the date exercisable, on a line with no expiration date,
    is that date (column 3 stands before column 6: OCR ``18.27 10/24/2019 | 10/24/2028``).
    Tags fixed in place."""
    for run in tokens_by_line(tokens, line_zones, ("table2",)).values():
        dates = [i for i in run if tags[i] in ("B-ex_date", "B-exp_date")]
        if len(dates) == 2 and tags[dates[0]] == tags[dates[1]]:
            tags[dates[0]], tags[dates[1]] = "B-ex_date", "B-exp_date"
        cells = [i for i in run if tags[i] not in ("O", "B-fn_mark")]
        if all(tags[i] != "B-exp_date" for i in cells):
            for i, j in zip(cells, cells[1:]):
                if tags[i] == "B-ex_date" and tags[j] == "B-tx_date":
                    tags[j] = "B-exp_date"


def repair_second_amounts(tokens, tags, line_zones):
    """A Table II row's line with two amounts the CRF read as the row's amount (column
    5) and no underlying amount: the second is the underlying amount (column 7), as a row
    acquires or disposes of securities, never both, and a grant's amount and its
    underlying amount are often one number (OCR: ``A 778 (2) (2) 778 $ 0 6,865 D``). Tags
    fixed in place."""
    for run in tokens_by_line(tokens, line_zones, ("table2",)).values():
        amounts = [i for i in run if tags[i] == "B-shares"]
        if len(amounts) == 2 and not any(tags[i][2:] == "und_shares" for i in run):
            tags[amounts[1]] = "B-und_shares"


def repair_owned_doubles(tokens, tags, confidences, line_zones):
    """A Table II amount the CRF read as the amount owned, with the same amount left
    untagged on the next line and the D/I letter after it: the first is the underlying
    amount (column 7) and the second the amount owned (column 9), as a holding of
    convertible shares prints one number twice (pdfminer: ``3,109,744`` / ``3,109,744`` /
    ``I``). Tags fixed in place, the second with the first's confidence."""
    by_line = tokens_by_line(tokens, line_zones, ("table2",))
    lines = list(by_line)
    for above, line, below in zip(lines, lines[1:], lines[2:]):
        first, second, letter = by_line[above], by_line[line], by_line[below]
        if (tags[first[0]] == "B-owned" and tags[second[0]] == "O" and tags[letter[0]] == "B-di"
                and tokens[first[0]].text == tokens[second[0]].text and WHOLE_AMOUNT.match(tokens[first[0]].text)
                and _marks_only(tokens, first[1:]) and _marks_only(tokens, second[1:])):
            tags[first[0]] = "B-und_shares"
            _retag(tags, confidences, second[0], "B-owned", first[0])


def repair_amount_column_after_codes(tokens, tags, confidences, line_zones):
    """Table I printed a column at a time (pdfminer): the column of codes, one a line, is
    followed by column 4's amounts, each with its A/D letter on its line or the next, as
    many as the codes or, where a page's last amounts stand after its marks, fewer. Where
    the CRF read two or more of those and some as amounts owned and D/I letters (a sale's
    ``175,000 D`` looks like a holding's), they are made amounts and A/D letters. Runs
    after ``repair_code_columns``, which tags such codes the CRF left ``O``. Tags fixed
    in place, each letter with its amount's confidence."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    lines = list(by_line)
    k = 0
    while k < len(lines):
        codes = list(takewhile(lambda line: _lone_tag(tags, by_line[line], "B-code"), lines[k:]))
        if len(codes) < 2:
            k += 1
            continue
        k += len(codes)
        cells = _amount_column(tokens, tags, by_line, lines[k:], len(codes))
        if len(cells) >= 2 and any(tags[i] != "B-shares" for i, _ in cells):
            for amount, letter in cells:
                tags[amount] = "B-shares"
                _retag(tags, confidences, letter, "B-ad", amount)


def _lone_tag(tags, run, tag):
    return len(run) == 1 and tags[run[0]] == tag


def _amount_column(tokens, tags, by_line, lines, count):
    """The (amount, A/D letter) pairs opening ``lines``, at most ``count``: each amount
    alone on its line but for its letter and marks, the letter on the amount's line or
    alone on the next (a page's last amounts may stand after its marks)."""
    cells, k = [], 0
    while len(cells) < count and k < len(lines):
        run = by_line[lines[k]]
        if not (tags[run[0]] in ("B-shares", "B-owned") and WHOLE_AMOUNT.match(tokens[run[0]].text)):
            break
        rest = [i for i in run[1:] if not MARK.match(tokens[i].text)]
        letter = rest[0] if len(rest) == 1 and tokens[rest[0]].text in ("A", "D") else None
        below = by_line[lines[k + 1]] if k + 1 < len(lines) else []
        if not rest and len(below) == 1 and tokens[below[0]].text in ("A", "D"):
            letter, k = below[0], k + 1
        if letter is None:
            break
        cells.append((run[0], letter))
        k += 1
    return cells


def repair_first_of_two_owned(tokens, tags, line_zones):
    """A Table II line with two amounts the CRF read as amounts owned, no underlying
    amount, and the underlying title begun before the first: the first is the underlying
    amount (column 7 stands before column 9), its wrapped rest too, on its line and on the
    next lines in its column (EDGAR ASCII's narrow cell: ``Class A    2,977, 0.0000
    2,977,085`` / ``Common     085``). Tags fixed in place."""
    by_line = tokens_by_line(tokens, line_zones, ("table2",))
    for line, run in by_line.items():
        owned = [i for i in run if tags[i] == "B-owned"]
        if (len(owned) != 2 or any(tags[i][2:] == "und_shares" for i in run)
                or not any(tags[i] == "B-und_title" for i in run if i < owned[0])):
            continue
        first = owned[0]
        rest = [i for i in run if first < i < owned[1] and tags[i] == "I-owned"]
        below = [i for k in (1, 2) for i in by_line.get(line + k, ())
                 if tags[i] == "I-owned" and abs(tokens[i].col - tokens[first].col) <= 2]
        tags[first] = "B-und_shares"
        for i in rest + below:
            tags[i] = "I-und_shares"


def repair_second_row_amounts(tokens, tags, confidences, line_zones):
    """A Table II row (title to next title) with two amounts the CRF read as the row's
    amount and no underlying amount: the second, where the row's underlying title began
    before it, is the underlying amount, as in ``repair_second_amounts`` (plain
    ``pdftotext`` prints a cell a line: ``Common`` / ``36,107.00`` / ``Stock``). So it is
    where a line of a security's title the CRF left ``O`` stands right above it, and that
    line is the underlying title (scraped HTML: ``American Depositary Shares`` /
    ``23,054``). Tags fixed in place, the title's with the amount's confidence."""
    row = []
    for i in (i for run in tokens_by_line(tokens, line_zones, ("table2",)).values() for i in run):
        if tags[i] == "B-title":
            _second_amount_underlying(tokens, tags, confidences, row)
            row = []
        row.append(i)
    _second_amount_underlying(tokens, tags, confidences, row)


def _second_amount_underlying(tokens, tags, confidences, row):
    """``repair_second_row_amounts`` on one row's tokens ``row``."""
    labels = [tags[i] for i in row]
    amounts = [i for i in row if tags[i] == "B-shares"]
    if len(amounts) != 2 or "B-und_shares" in labels:
        return
    second = amounts[1]
    before = row[:row.index(second)]
    if "B-und_title" not in labels[:len(before)]:
        title = [i for i in before if tokens[i].line == tokens[second].line - 1]
        if not _untagged_title_line(tokens, tags, title):
            return
        for k, i in enumerate(title):
            tags[i], confidences[i] = ("I-" if k else "B-") + "und_title", confidences[second]
    tags[second] = "B-und_shares"


def _untagged_title_line(tokens, tags, idx):
    """Whether the tokens ``idx`` are a line of words left ``O`` that reads as a
    security's title: capitalised, ending in its noun (``Stock``, ``Shares``)."""
    words = [tokens[i].text for i in idx]
    return (bool(words) and all(tags[i] == "O" for i in idx) and all(w.isalpha() for w in words)
            and words[0][:1].isupper() and words[-1].lower() in UNDERLYING_END)


def repair_dollar_amounts(tokens, tags, line_zones):
    """A Table II amount owned right after a ``$`` the CRF left ``O``, with the row's
    amount owned still to come (before the next title), is a price (one cell a line:
    ``$`` / ``0``, a holding's conversion price read as the amount owned): the exercise
    price (column 2) where the row's underlying title comes before that amount, else the
    price (column 8). So is a price read before the row's underlying title in a row with
    no date or code since its title (a holding's conversion price: column 8 stands after
    the underlying title, column 2 before). Tags fixed in place."""
    for i in range(1, len(tokens)):
        if tags[i] not in ("B-owned", "B-price") or line_zones[tokens[i].line] != "table2":
            continue
        rest = list(takewhile(lambda label: label != "title", (
            tags[j][2:] for j in range(i + 1, len(tokens)) if tags[j][2:] in ("title", "und_title", "owned"))))
        if tags[i] == "B-price":
            if rest[:1] == ["und_title"] and _holding_so_far(tags, i):
                tags[i] = "B-ex_price"
        elif tokens[i - 1].text == "$" and tags[i - 1] == "O" and "owned" in rest:
            tags[i] = "B-ex_price" if rest[0] == "und_title" else "B-price"


PRICE_SHAPE = re.compile(r"^\d[\d,]*\.\d+$")    # a price printed with its cents: ``5.3569``


TEXT_CONTINUATIONS = frozenset({"I-title", "I-nature", "I-und_title"})


def repair_marks_inside_text(tokens, tags, line_zones):
    """A footnote mark the CRF read into a table's text cell is the row's mark, no word of
    the cell (pdfplumber sets a wrapped cell's superscript mid-cell: ``By The Founders (3)
    Fund II, LP``). Tags fixed in place: the words after it still continue the value."""
    for i in range(1, len(tokens)):
        if (tags[i] in TEXT_CONTINUATIONS and MARK.match(tokens[i].text)
                and line_zones[tokens[i].line] in TABLE_ZONES):
            tags[i] = "B-fn_mark"


def repair_untagged_price_runs(tokens, tags, confidences, line_zones):
    """A Table I row's ``$``, price, marks and amount owned that the CRF left ``O`` on the
    row's line right before its D/I letter (pdfplumber: ``S (1) 15 D $ 178.001 (11) 45 I
    By The ...``) are those cells. Tags fixed in place, with the letter's confidence."""
    for i, token in enumerate(tokens):
        if token.text != "$" or tags[i] != "O" or line_zones[token.line] != "table1":
            continue
        j = i + 1
        if j >= len(tokens) or tags[j] != "O" or not PRICE_SHAPE.match(tokens[j].text):
            continue
        k, marks = j + 1, []
        while k < len(tokens) and tags[k] == "O" and MARK.match(tokens[k].text):
            marks.append(k)
            k += 1
        if (k + 1 < len(tokens) and tags[k] == "O" and WHOLE_AMOUNT.match(tokens[k].text)
                and tags[k + 1] == "B-di" and tokens[k + 1].line == token.line == tokens[k].line):
            confidence = confidences[k + 1]
            tags[j], tags[k] = "B-price", "B-owned"
            for m in marks:
                tags[m] = "B-fn_mark"
            for m in (j, k, *marks):
                confidences[m] = confidence


def repair_price_after_owned(tokens, tags, confidences, line_zones):
    """A Table I number with decimals left ``O`` right after the row's amount owned,
    which itself follows a ``$`` left ``O``, is the row's price where the row has none:
    plain ``pdftotext`` prints the price cell's ``$`` on its own line, then the amount
    owned, then the price's digits (``$`` / ``8,536,067`` / ``5.3569``). Tags fixed in
    place, with the amount owned's confidence."""
    for i in range(2, len(tokens)):
        if (tags[i - 1] == "B-owned" and tags[i] == "O" and tokens[i - 2].text == "$" and tags[i - 2] == "O"
                and line_zones[tokens[i].line] == "table1" and PRICE_SHAPE.match(tokens[i].text)
                and not _priced_row(tags, i)):
            tags[i], confidences[i] = "B-price", confidences[i - 1]


def repair_prices_below_dollars(tokens, tags, confidences, line_zones):
    """A Table I number with decimals left ``O`` in the column of a lone ``$`` left ``O``
    on the line above is its row's price where the row has none, and the marks right
    after it on its line the price's: ``pdftotext -layout`` prints a tall row's price
    cell over two lines, the ``$`` level with the title's first line, the digits level
    with its last (``Class A Common Stock,   $`` / the row's line / ``$0.01 par value
    5.3569 (1) (2)``), where the CRF reads neither. Tags fixed in place, with the
    confidence of the row's tagged value right above."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    for line, run in by_line.items():
        dollars = [cell[0] for above in (line - 2, line - 1) if above in by_line
                   for cell in line_cells(tokens, by_line[above]) if len(cell) == 1
                   and tokens[cell[0]].text == "$" and tags[cell[0]] == "O"]
        for i in run:
            if not (tags[i] == "O" and PRICE_SHAPE.match(tokens[i].text)):
                continue
            over = [d for d in dollars if abs(tokens[i].col - tokens[d].col) <= WRAP_COLUMN_SLACK]
            # a line of a lone ``$`` over a line of a lone price: plain pdftotext's cells, any row's
            if over and not _priced_row(tags, i) and (len(run) > 1 or len(by_line[tokens[over[0]].line]) > 1):
                above = next((j for j in range(i - 1, -1, -1) if tags[j] != "O"), None)
                if above is None or confidences[above] is None:
                    continue
                tags[i], confidences[i] = "B-price", confidences[above]
                for k in takewhile(lambda k: tags[k] == "O" and MARK.match(tokens[k].text), run[run.index(i) + 1:]):
                    tags[k], confidences[k] = "B-fn_mark", confidences[above]


def repair_price_column(tokens, tags, confidences, line_zones):
    """A number with decimals the CRF left untagged on the line after a lone ``$`` in
    Table I is a price: pdfminer prints a column of prices so, ``$`` / ``5.5827`` /
    ``(1)`` for each row, where the CRF reads few of them; unlike
    ``repair_prices_below_dollars``, whatever row the assembler then gives it to. Tags
    fixed in place, with the confidence of the last tagged token before."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    lines = list(by_line)
    for above, line in zip(lines, lines[1:]):
        dollar, run = by_line[above], by_line[line]
        if (len(dollar) == 1 and tokens[dollar[0]].text == "$" and tags[run[0]] == "O"
                and PRICE_SHAPE.match(tokens[run[0]].text) and _marks_only(tokens, run[1:])):
            before = next((c for c in reversed(confidences[:run[0]]) if c is not None), NOTE_CONFIDENCE)
            tags[run[0]], confidences[run[0]] = "B-price", before


def repair_owned_before_prices(tokens, tags, line_zones):
    """A Table I amount the CRF read as an amount owned whose next values are a price and
    then an amount owned is the row's amount (column 4): a row prints its amount, its
    price, then its amount owned, and no transaction lacks an amount (plain
    ``pdftotext``: ``33,000`` / ``$`` / ``52.8208 169,745``). Tags fixed in place."""
    zone = [i for i in range(len(tokens)) if line_zones[tokens[i].line] == "table1"]
    values = [i for i in zone if tags[i] not in ("O", "B-fn_mark", "B-ad") and tags[i].startswith("B-")]
    for before, i, price, owned in zip([None] + values, values, values[1:], values[2:]):
        if (tags[i] == "B-owned" and tags[price] == "B-price" and tags[owned] == "B-owned"
                and (before is None or tags[before] != "B-price") and WHOLE_AMOUNT.match(tokens[i].text)
                and tokens[price].line == tokens[owned].line and tokens[price].line - tokens[i].line <= 3
                and _alone(tokens, i)):
            tags[i] = "B-shares"


def _priced_row(tags, i):
    """Whether the row of token ``i`` (back to its title) has a price already."""
    for j in range(i - 1, -1, -1):
        if tags[j] == "B-price":
            return True
        if tags[j] == "B-title":
            return False
    return False


def _holding_so_far(tags, i):
    """Whether no date or code stands between token ``i`` and its row's title before it."""
    for j in range(i - 1, -1, -1):
        if tags[j] in ("B-tx_date", "B-code"):
            return False
        if tags[j] == "B-title":
            return True
    return False


def repair_interleaved_titles(tokens, tags, confidences, line_zones):
    """A Table II row whose title and underlying title pdfplumber printed a line a part,
    interleaved around the row's line (``Restricted`` / ``Common`` / ``Stock (1)
    09/10/2025 ... 229.83 ...`` / ``Stock`` / ``Units``; ``Stock`` / ``Class A`` /
    ``Option`` / ``$ 1.16 ... Common 200,000 ...`` / ``(right to`` / ``Stock`` / ``buy)``),
    the CRF reading them as one title or leaving them ``O``: where the row has an
    underlying amount but no underlying title and two or three lines of words alone stand
    right above and right below, the cell with a part on the row's line (the title opening
    it, or the underlying title right before the underlying amount) has the lines two
    away, the other cell the lines next to it and three away (as many lines above as
    below, up to a blank line or a line of values), where the underlying title then reads
    as a security's title ending in a security noun (``Common Stock``) and the title holds
    no amount. Tags fixed in place; words left ``O`` take the underlying amount's
    confidence."""
    by_line = tokens_by_line(tokens, line_zones, ("table2",))
    for line, run in by_line.items():
        labels = [tags[i][2:] for i in run]
        if "und_shares" not in labels or "und_title" in labels:
            continue
        middle, on_line = _interleave_middle(tokens, tags, run)
        above, below = (_word_lines(tokens, tags, by_line, line, step) for step in (-1, 1))
        n = len(above)
        if not middle or n < 2 or len(below) != n:
            continue
        parts = {"title": [], "und_title": []}
        other = "und_title" if on_line == "title" else "title"
        for d in range(n, 0, -1):
            parts[other if d % 2 else on_line].append(above[d - 1])
        parts[on_line].append(middle)
        for d in range(1, n + 1):
            parts[other if d % 2 else on_line].append(below[d - 1])
        title, underlying = ([i for part in parts[label] for i in part] for label in ("title", "und_title"))
        texts = [tokens[i].text for i in underlying]
        if (security_words(texts) and texts[-1].lower() in UNDERLYING_END
                and not any(DIGIT_RUN.search(tokens[i].text) for i in title)):
            amount = next(i for i in run if tags[i] == "B-und_shares")
            for label, idx in (("title", title), ("und_title", underlying)):
                for k, i in enumerate(idx):
                    if tags[i] == "O":
                        confidences[i] = confidences[amount]
                    tags[i] = ("B-" if k == 0 else "I-") + label


def _last_run(idx, keep):
    """The longest run of ``idx`` at its end whose every index ``keep`` holds for."""
    return list(reversed(list(takewhile(keep, reversed(idx)))))


DIGIT_RUN = re.compile(r"\d{2}")
MAX_INTERLEAVED_LINES = 3     # lines of a row's interleaved cells above (and below) its line


def _interleave_middle(tokens, tags, run):
    """The part of a tall cell on a row's line and its label: the title opening the line,
    or the words right before the underlying amount; else ([], None)."""
    if tags[run[0]][2:] == "title":
        return list(takewhile(lambda i: tags[i][2:] == "title", run)), "title"
    amount = next(i for i in run if tags[i] == "B-und_shares")
    before = _last_run(run[:run.index(amount)], lambda i: tags[i] in ("O", "B-title", "I-title")
                       and tokens[i].text.isalpha())
    return (before, "und_title") if before else ([], None)


def _word_lines(tokens, tags, by_line, line, step):
    """The lines right above (``step`` -1) or below (1) ``line``, nearest first, up to a
    blank line or a line holding anything but words the CRF read as titles or left ``O``."""
    out = []
    for k in range(1, MAX_INTERLEAVED_LINES + 1):
        idx = by_line.get(line + step * k)
        if not idx or any(tags[i][2:] not in ("", "title", "und_title") or DIGIT_RUN.search(tokens[i].text)
                          for i in idx):
            break
        out.append(list(idx))
    return out


def repair_lone_title_ends(tokens, tags, confidences, line_zones):
    """A derivative's last word left ``O`` alone on a Table II line, a line or two below a
    line where a title goes on, ends that title (pdfplumber prints a row's wrapped cells a
    line each, a blank line before the title's last: ``Restricted ... Common ...`` /
    ``Stock Stock`` / blank / ``Units``). Tags fixed in place, with the title's confidence."""
    by_line = tokens_by_line(tokens, line_zones, ("table2",))
    for line, idx in by_line.items():
        if len(idx) != 1 or tags[idx[0]] != "O" or not DERIVATIVE_END.match(tokens[idx[0]].text):
            continue
        above = by_line.get(line - 1) or by_line.get(line - 2)
        title = [i for i in above or () if tags[i] == "I-title"]
        if title:
            tags[idx[0]], confidences[idx[0]] = "I-title", confidences[title[-1]]


DERIVATIVE_END = re.compile(r"^(?:units?|options?|warrants?|rights?)$", re.I)


NATURE_HEAD = re.compile(r"^(?:By|Held|Through|See|Via|Trust|Spouse|IRA|401)", re.I)
NATURE_WORD_OPENING = re.compile(r"^(?:By|Held|Through|See|Via)$", re.I)     # never a nature's later word


def repair_nature_openings(tokens, tags, confidences, line_zones):
    """A word that opens natures (``Held``, ``By``, ``See``) left ``O`` right before, in
    the same cell, the nature the CRF began on the next word (``Held`` / ``by minor
    child``) begins the nature. Tags fixed in place, with the nature's confidence."""
    for i in range(1, len(tokens)):
        j = i - 1
        if (tags[i] == "B-nature" and tags[j] == "O" and tokens[j].line == tokens[i].line
                and tokens[j].cell == tokens[i].cell and tokens[i].col - (tokens[j].col + len(tokens[j].text)) == 1
                and NATURE_HEAD.match(tokens[j].text) and line_zones[tokens[i].line] in TABLE_ZONES):
            tags[j], tags[i], confidences[j] = "B-nature", "I-nature", confidences[i]


def repair_nature_cell_starts(tokens, tags, confidences, line_zones):
    """The words of a nature's cell left ``O`` before the word where the CRF took the
    nature up again (``Fund II, LP (3)``, only ``LP`` read as going on from ``By The`` /
    ``Founders`` above) go on with it: the cell's words one space apart right before it.
    Tags fixed in place, with the nature's confidence."""
    for i in range(1, len(tokens)):
        if tags[i] != "I-nature" or line_zones[tokens[i].line] not in TABLE_ZONES:
            continue
        for j in _untagged_words_before(tokens, tags, i, lambda j: tokens[j + 1].start - tokens[j].end <= 1):
            tags[j], confidences[j] = "I-nature", confidences[i]


def repair_nature_restarts(tokens, tags, confidences, line_zones):
    """In a table whose natures wrap a word or two a line and stand centred on their rows
    (``pdftotext -layout``: ``By The`` / ``Founders`` / row / ``Fund IV,`` / ``LP (1)``, the
    next row's ``By The`` right below), a ``By`` opening a line's cell that the CRF read as
    the nature above going on begins a nature, and the words the CRF then began anew
    in its column on the lines right below go on with it. Tags fixed in place."""
    by_line = None
    for first in [i for i, tag in enumerate(tags) if tag == "I-nature" and tokens[i].text == "By"]:
        line = tokens[first].line
        opens_cell = first == 0 or tokens[first - 1].line != line or tokens[first].start - tokens[first - 1].end > 1
        if line_zones[line] not in TABLE_ZONES or not opens_cell or _nature_before(tokens, tags, first) == line:
            continue
        tags[first] = "B-nature"
        by_line = by_line or tokens_by_line(tokens, line_zones, TABLE_ZONES)
        _join_restarted(tokens, tags, confidences, by_line, first)


TITLE_END = re.compile(r"^(?:stock|shares|units?|warrants?|options?|rights?|notes?|interests?|debentures?|"
                       r"securities|\)|buy\))$", re.I)     # a security's name ends so: nothing goes on after it
HEAD_LINE_LABELS = frozenset({"", "title", "und_title", "nature", "fn_mark"})   # a line of tall cells' words


def repair_title_restarts(tokens, tags, confidences, line_zones):
    """A title the CRF began on the line right below a title's first line, in its column,
    goes on with it where that line holds only tall cells' words (no row's value) and its
    title stops short of a security's last word (``pdftotext -layout`` centres a tall
    title on its row: ``Class B`` / ``Common`` / row / ``Stock``, the CRF beginning a
    title at ``Common``). Tags fixed in place."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for line, idx in by_line.items():
        first, above = idx[0], by_line.get(line - 1)
        if tags[first] != "B-title" or not above or tags[above[0]][2:] != "title":
            continue
        head = list(takewhile(lambda i: tags[i][2:] == "title", above))
        if (abs(tokens[above[0]].col - tokens[first].col) <= WRAP_COLUMN_SLACK
                and all(tags[i][2:] in HEAD_LINE_LABELS for i in above) and not TITLE_END.match(tokens[head[-1]].text)):
            tags[first], confidences[first] = "I-title", confidences[head[-1]]


def repair_title_stacks(tokens, tags, confidences, line_zones):
    """A title ``pdftotext -layout`` prints a word or two a line in the table's first
    column, around its row's line (``Series C-`` / ``1`` / ``Preferred`` / row /
    ``Stock``), read as one title whatever the CRF made of its lines. A stack is the
    first column's cells of title-like words (and marks, and a hyphen-wrapped word's
    rest: the ``1`` of ``C-1``) on lines one after another, ended by a blank line or after
    a security's last word (``Stock``, not ``Stock`` / ``Option``); it is read where it
    spans two lines or more, the CRF took a word of it for a title, exactly one row's
    transaction date stands on its lines and at most one of its cells' lines holds a
    row's values (more are rows' titles run together). A text with tabs has no columns to
    speak of: it is left. Tags fixed in place, with the confidence of the stack's title."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    if any(tokens[idx[-1]].cell for idx in by_line.values()):
        return      # a text with tabs has no columns to speak of
    for stack in _title_stacks(tokens, by_line):
        words = [i for cell in stack for i in cell if not MARK.match(tokens[i].text)]
        titled = [i for i in words if tags[i][2:] == "title"]
        lines = range(tokens[stack[0][0]].line, tokens[stack[-1][0]].line + 1)
        dates = sum(tags[i] == "B-tx_date" for line in lines for i in by_line.get(line, ()))
        valued = sum(any(tags[i][2:] not in HEAD_LINE_LABELS for i in by_line[tokens[cell[0]].line] if i not in cell)
                     for cell in stack)
        if len(stack) < 2 or not titled or dates != 1 or valued > 1:
            continue
        for k, i in enumerate(words):
            tags[i], confidences[i] = "I-title" if k else "B-title", confidences[titled[0]]


def _title_stacks(tokens, by_line):
    """The first column's cells of title-like words on lines one after another, cut at a
    blank line and after a security's last word that no title's next word follows
    (``Stock`` / ``Series D``, not ``Stock`` / ``Option``): lists of cells (token indices)."""
    stacks, current, last = [], [], None
    for line, idx in by_line.items():
        if current and line - last > 1:
            stacks.append(current)
            current = []
        cell = line_cells(tokens, idx)[0] if tokens[idx[0]].col <= WRAP_COLUMN_SLACK else None
        if cell and _stacks_on(tokens, cell, current):
            if current and _ends_title(tokens, current[-1], tokens[cell[0]].text):
                stacks.append(current)
                current = []
            current.append(cell)
        elif cell and current:
            stacks.append(current)
            current = []
        last = line
    return stacks + [current] if current else stacks


# a title's next word after ``Stock`` or ``Shares``: ``Stock`` / ``Option``, ``Share`` / ``Purchase``
NOUN_AFTER_STOCK = re.compile(r"^(?:options?|units?|appreciation|rights?|awards?|purchase|warrants?|equivalents?)$",
                              re.I)


def _ends_title(tokens, cell, below):
    """Whether the cell's last word, marks aside, ends a security's name, the word
    ``below`` it going on with none (``Stock`` / ``Option``, ``Warrant`` / ``to``)."""
    words = [tokens[i].text for i in cell if not MARK.match(tokens[i].text)]
    if not words or not TITLE_END.match(words[-1]) or below[:1].islower() or below[:1] == "(":
        return False
    return not (words[-1].lower() in ("stock", "shares") and NOUN_AFTER_STOCK.match(below))


def _stacks_on(tokens, cell, stack):
    """Whether a first-column cell may be a line of a title stacked a word or two a line:
    title-like words (a series' name among them: ``Series A2``) and marks, or a
    hyphen-wrapped word's rest (``1`` under ``C-``)."""
    texts = [tokens[i].text for i in cell]
    if stack and tokens[stack[-1][-1]].text.endswith("-") and len(texts) == 1 and texts[0].isalnum():
        return True
    words = [t for t in texts if not MARK.match(t)]
    return bool(words) and _title_like(words[0]) and all(_title_like(t) or SERIES.match(t) for t in words[1:])


SERIES = re.compile(r"^[A-Z]{1,2}-?\d{1,2}$")     # a class or series named after a title's word: ``Series A2``


def _nature_before(tokens, tags, i):
    """The line of the last nature token before token ``i``."""
    return next((tokens[j].line for j in range(i - 1, -1, -1) if tags[j][2:] == "nature"), None)


def _join_restarted(tokens, tags, confidences, by_line, head):
    """Nature cells begun in ``head``'s column on the lines right below it go on with it."""
    line, col = tokens[head].line, tokens[head].col
    for below in range(line + 1, line + MAX_NATURE_GAP + 1):
        start = next((i for i in by_line.get(below, ()) if tags[i] == "B-nature"
                      and abs(tokens[i].col - col) <= WRAP_COLUMN_SLACK), None)
        if start is not None and not NATURE_HEAD.match(tokens[start].text):
            tags[start], confidences[start] = "I-nature", confidences[head]
            return


MAX_NATURE_GAP = 2      # lines between a centred nature's head and its next word


def repair_nature_after_indirect(tokens, tags, confidences, line_zones):
    """The last cell of a table row's line, left ``O`` right after the row's ``I`` (indirect)
    letter, is its nature of ownership where it opens as one does (``By``, ``Held by``,
    ``See``: EDGAR ASCII's ``I   By`` / ``Spouse's`` / ``IRA``); so is a whole line right
    below a line holding the ``I`` alone (one cell a line: ``I`` / ``Held by minor child``).
    A mark ending it is the row's. Tags fixed in place, with the letter's confidence;
    ``repair_wrapped_cells`` then follows the cell down."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for line, idx in by_line.items():
        if tokens[idx[-1]].cell or not any(tags[i] == "B-di" for i in idx):
            continue
        cells = line_cells(tokens, idx)
        if len(cells) < 2:
            continue
        last, before = [i for i in cells[-1] if tokens[i].text not in CELL_SEPARATORS], cells[-2]
        if (last and tags[before[-1]] == "B-di" and tokens[before[-1]].text == "I" and all(tags[i] == "O" for i in last)
                and (NATURE_HEAD.match(tokens[last[0]].text)
                     or _named_holder(tokens, last, by_line.get(line - 1, ())))
                and not any(VALUE.match(tokens[i].text) for i in _words_of(tokens, last, "nature"))):
            _tag_nature(tokens, tags, confidences, last, before[-1])
    for line, idx in by_line.items():     # one cell a line: I / Held by minor child
        above = by_line.get(line - 1)
        if (above and len(above) == 1 and tags[above[0]] == "B-di" and tokens[above[0]].text == "I"
                and untagged(tags, idx) and NATURE_HEAD.match(tokens[idx[0]].text)
                and not any(VALUE.match(tokens[i].text) for i in _words_of(tokens, idx, "nature"))):
            _tag_nature(tokens, tags, confidences, idx, above[0])


def _named_holder(tokens, cell, above):
    """Whether a cell after an ``I`` letter names its holder (``Sequoia`` / ``Capital`` /
    ...: EDGAR ASCII's nature column of a fund), a capitalised word opening it with
    nothing above it in its column: the cell's top line (``pdftotext -layout`` centres a
    nature's stack on its row, so a word there may be any of its words)."""
    first = tokens[cell[0]]
    end = tokens[cell[-1]].col + len(tokens[cell[-1]].text)
    return (first.text.isalpha() and first.text[:1].isupper()
            and not any(tokens[j].col < end and first.col < tokens[j].col + len(tokens[j].text)
                        and tokens[j].text not in CELL_SEPARATORS for j in above))


def _tag_nature(tokens, tags, confidences, cell, letter):
    for k, i in enumerate(cell):
        tags[i] = "B-fn_mark" if _is_mark(tokens, cell, "nature", i) else ("B-" if k == 0 else "I-") + "nature"
        confidences[i] = confidences[letter]


def repair_title_first(tokens, tags, confidences, line_zones):
    """A table line's first word, standing in the title's column under the row's title,
    goes on with the title even where the CRF ran the line's other cell over it
    (pdfplumber's single spaces: ``Restricted ... Common`` / ``Stock Stock``, the first
    ``Stock`` the title's, the second the underlying title's), where it is a security word
    (not a nature's ``Held`` in ``Held by``). Fixes tags in place."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for line, idx in by_line.items():
        above = by_line.get(line - 1)
        first, label = idx[0], tags[idx[0]][2:]
        if (not above or len(idx) < 2 or tokens[first].col > WRAP_COLUMN_SLACK or not tags[first].startswith("I-")
                or label not in ("und_title", "nature") or tags[idx[-1]] != tags[first]
                or not _security(tokens[first].text)):
            continue
        head = above[0]
        if tags[head][2:] == "title" and tokens[head].col <= WRAP_COLUMN_SLACK:
            tags[first], confidences[first] = "I-title", confidences[head]


UNDERLYING_OPENERS = frozenset({"common", "class", "ordinary", "preferred"})


def repair_run_on_underlying(tokens, tags, line_zones):
    """A line going on with the row's title that runs past the title's last noun into a
    new security (pdfplumber's single spaces: ``Restricted ... Class A`` / ``Stock Common``
    / ``Units Stock``, the CRF reading ``Common`` as the title's): from the word that
    opens a security after a security noun (``Common``, ``Class``), the line goes on
    with the row's underlying title, where the line above has one. Fixes tags in place."""
    by_line = tokens_by_line(tokens, line_zones, ("table2",))
    for line, idx in by_line.items():
        above = by_line.get(line - 1)
        if not above or tags[idx[0]] != "I-title" or not any(tags[i][2:] == "und_title" for i in above):
            continue
        for k in range(1, len(idx)):
            word, before = tokens[idx[k]].text.lower(), tokens[idx[k - 1]].text.lower()
            if word in UNDERLYING_OPENERS and before in SECURITY_NOUNS and tags[idx[k]] == "I-title":
                for i in idx[k:]:
                    if tags[i] == "I-title":
                        tags[i] = "I-und_title"
                break


MAX_HEAD_LINES = 3      # lines of a title's head above the line its CRF-read rest starts
HEAD_WORD = re.compile(r"^[A-Z][A-Za-z-]*$")


def repair_title_heads(tokens, tags, confidences, line_zones):
    """The head of a title printed a word or two a line (plain pdftotext: ``Non`` /
    ``Employee`` / ``Stock`` / ``$ 23.35`` / ``Options`` / ``(Right to`` / ``Buy)``), left
    ``O`` above the line where the CRF's title goes on without having begun, or begins
    on a line of its own (``pdftotext -raw``, pdfminer: ``Non`` / ``Employee`` / ``Stock``,
    the CRF's title from ``Stock``): the ``O`` lines of capitalised words right above it,
    across one line of a lone value, up to a blank line, begin the title; above a title
    begun on a line of its own, also up to a line of the headings or of the row above's
    values (``pdftotext -raw`` prints no blank lines: ``Shares`` / ``Tranche`` / ``A`` /
    ``Common Share Purchase Warrants``). Fixes tags in place."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for line, idx in by_line.items():
        first = idx[0]
        begun = first and tags[first - 1][2:] == "title"
        alone = tags[first] == "B-title" and all(tags[i][2:] == "title" for i in idx)    # a title's line of its own
        if not (tags[first] == "I-title" or alone) or tokens[first].col > WRAP_COLUMN_SLACK or begun:
            continue
        head, above, skipped = [], line - 1, False
        while above in by_line and len(head) < MAX_HEAD_LINES:
            words = by_line[above]
            value = [i for i in words if tokens[i].text != "$"]     # ``$ 23.35``
            if not skipped and _lone_value(tokens, tags, value):
                skipped, above = True, above - 1
                continue
            if (any(tags[i] != "O" for i in words) or not all(HEAD_WORD.match(tokens[i].text) for i in words)
                    or alone and _heading_line(tokens, words)):
                break
            head[:0] = words
            above -= 1
        if head and (above not in by_line or alone and _ends_head(tokens, tags, by_line[above])):
            for k, i in enumerate(head):
                tags[i], confidences[i] = ("B-" if k == 0 else "I-") + "title", confidences[first]
            tags[first] = "I-title"


def _heading_line(tokens, words):
    """Whether a line holds a word of the tables' headings, or its start cut at the page's
    edge (``Amo`` / ``Num`` / ``Shar``)."""
    return any(_heading_word(tokens[i].text.lower()) for i in words)


def _heading_word(word):
    return word in HEADER_WORDS or len(word) >= 3 and not _security(word) and any(
        heading.startswith(word) for heading in HEADER_WORDS)


def _ends_head(tokens, tags, words):
    """Whether a line may stand right above a title's head printed a word a line
    (``pdftotext -raw``, no blank lines): the row above's last values, or the headings'."""
    return any(tags[i] != "O" for i in words) or _heading_line(tokens, words)


def repair_underlying_heads(tokens, tags, confidences, line_zones):
    """Plain pdftotext prints a tall underlying title a word or two a line, its middle
    line beside the row's other cells (``Class A`` / ``Common 1,386`` / ``Stock``, or
    ``Class A`` / ``08/15/2020 08/15/2020 Common 81,217`` / ``Stock``), and the CRF may
    read only its last words. The security words left ``O`` that open the lines right
    above where the underlying title starts, up to a blank line, begin it: whole lines,
    or on the line right above, the words before its values. Tags fixed in place, with
    the title's confidence."""
    by_line = line_runs(tokens)     # head lines in any zone: the zone CRF may read a page's last rows as notes
    for line in tokens_by_line(tokens, line_zones, TABLE_ZONES):
        starts = [i for i in by_line[line] if tags[i][2:] == "und_title" and not (i and tags[i - 1][2:] == "und_title")]
        if len(starts) != 1 or (tags[starts[0]] == "I-und_title" and _underlying_above(tags, by_line, line)):
            continue
        head = _underlying_head(tokens, tags, by_line, line - 1)
        for k, i in enumerate(head):
            tags[i], confidences[i] = ("B-" if k == 0 else "I-") + "und_title", confidences[starts[0]]
        if head:
            tags[starts[0]] = "I-und_title"


CLASS_LETTER = re.compile(r"^[A-Z]$")
CLASS_REACH = 2     # lines above an underlying title's start its class may stand on


def repair_underlying_classes(tokens, tags, confidences, line_zones):
    """OCR centres an underlying title on its row a word or two a line, its class on a
    line above among other cells' words (``Stock Class A`` / ``Units ... | Common ...`` /
    ``Stock``; ``Common 16,840 Class A Founders`` / ``(15)`` / ``... Common} 16,840``),
    where the CRF may read only the words from ``Common`` on. ``Class`` and its letter
    left ``O`` after other words on one of the two lines above begin such a title that
    names no class, where they are the only such pair there (a class opening its line is
    a title's: plain ``pdftotext`` prints ``Class A`` / ``Common`` / ``Stock`` a line
    each). Tags fixed in place, with the title's confidence."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for line, run in by_line.items():
        starts = [i for i in run if tags[i] == "B-und_title" and tokens[i].text != "Class"]
        if len(starts) != 1:
            continue
        pairs = [(i, i + 1) for above in range(line - CLASS_REACH, line) for i in by_line.get(above, ())[1:-1]
                 if tokens[i].text == "Class" and tags[i] == tags[i + 1] == "O"
                 and CLASS_LETTER.match(tokens[i + 1].text) and tokens[i + 1].line == tokens[i].line]
        if len(pairs) == 1:
            i, j = pairs[0]
            tags[i], tags[j], tags[starts[0]] = "B-und_title", "I-und_title", "I-und_title"
            confidences[i] = confidences[j] = confidences[starts[0]]


def repair_centred_derivative_rows(tokens, tags, confidences, line_zones):
    """OCR prints a Table II row's tall title and underlying title centred on the row a
    word or two a line, each line holding both cells' words: ``Class B Class A`` /
    ``Common } $ 0 12/15/2011 M 1,412,997 ... [ Common ] 1,412,997 ...`` / ``Stock 3 )
    Stock``. Where the CRF read the row's values but neither title, and the table has
    fewer titles than dates: the untagged security words opening the row's line, those of
    the untagged line above up to its last ``Class`` after its first word, and the first
    word of the line below are the title; that class, the row's next security word and the
    last title word of the line below, the underlying title (left as read where the line
    above names no second class). Tags fixed in place, with the confidence of the row's
    first value."""
    by_line = tokens_by_line(tokens, line_zones, ("table2",))
    missing = _shortfall(tags, by_line, "B-tx_date", "B-title")
    lines = list(by_line)
    for above, line, below in zip(lines, lines[1:], lines[2:]):
        if missing <= 0:
            return
        if line - above <= MAX_CELL_LINE_GAP + 1 and below - line <= MAX_CELL_LINE_GAP + 1:
            missing -= _centred_row(tokens, tags, confidences, by_line[above], by_line[line], by_line[below])


def _centred_row(tokens, tags, confidences, top, run, bottom):
    """Tag one row of ``repair_centred_derivative_rows``; 1 where it did, else 0."""
    first = next((k for k, i in enumerate(run) if tags[i] != "O"), None)
    words = [i for i in run[:first or 0] if any(map(str.isalnum, tokens[i].text))]
    head = list(takewhile(lambda i: tags[i] == "O" and _security(tokens[i].text), top))
    if (not words or not head or any(tags[i] != "O" for i in top) or any(tags[i][2:] == "title" for i in run)
            or not all(_security(tokens[i].text) for i in words) or tags[bottom[0]] not in ("O", "I-und_title")
            or not _title_word(tokens[bottom[0]].text)):
        return 0
    classes = [k for k, i in enumerate(head) if tokens[i].text == "Class" and k > 0]
    cut = classes[-1] if classes else len(head)
    title, under = head[:cut] + words + [bottom[0]], head[cut:]
    later = [i for i in run[first:] if _security(tokens[i].text) and tags[i] in ("O", "B-und_title")][:1]
    tails = [i for i in bottom[1:] if tags[i] == "O" and _title_word(tokens[i].text)][-1:]
    if under:
        under += later + tails
    conf = confidences[run[first]]
    for label, idx in (("title", title), ("und_title", under)):
        for k, i in enumerate(idx):
            tags[i], confidences[i] = ("B-" if k == 0 else "I-") + label, conf
    return 1


def _underlying_above(tags, by_line, line):
    """Whether an underlying title stands on the lines right above ``line``, up to a blank line."""
    while line - 1 in by_line:
        line -= 1
        if any(tags[i][2:] == "und_title" for i in by_line[line]):
            return True
    return False


def _underlying_head(tokens, tags, by_line, line):
    """The head words (see ``repair_underlying_heads``) from ``line`` up, or []."""
    head = []
    for above in range(line, line - MAX_HEAD_LINES, -1):
        if above not in by_line:
            return head     # the head reaches up to a blank line
        run = by_line[above]
        words = list(takewhile(lambda i: tags[i] == "O" and _head_word(tokens[i].text), run))
        rest = run[len(words):]
        if (not words or all(len(tokens[i].text) == 1 for i in words)
                or rest and (above < line or not all(WHOLE_AMOUNT.match(tokens[i].text) for i in rest))):
            return []
        head[:0] = words
    return []


def _head_word(text):
    return _title_word(text) and text.lower() not in HEADER_WORDS


def repair_centred_title_words(tokens, tags, confidences, line_zones):
    """OCR prints a title centred on its row a word a line, each word opening its line
    before the row's other cells or noise (``Restricted Cc`` / ``Stock @ 10/25/2025 M``
    / ``Units``), and the CRF may tag only some of them. A line's first word left ``O``
    goes with the title whose words open the lines right around it: between two such
    lines, or above the line where the CRF's title goes on without having begun (up to
    two lines); a unit title's last word (``Units``) goes on with the title on the line
    above, whatever noise follows it, or two lines above past a line of noise. Words are
    capitalised security words; space-aligned
    lines are left to the column rules. Tags fixed in place, with the title's confidence."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    firsts = {line: run[0] for line, run in by_line.items()
              if (tags[run[0]][2:] == "title" or tags[run[0]] == "O" and _title_word(tokens[run[0]].text))
              and not _aligned(tokens, run)}
    titled = lambda line: line in firsts and tags[firsts[line]][2:] == "title"
    for line, first in firsts.items():
        if tags[first] == "O" and _title_word(tokens[first].text) and titled(line - 1) and titled(line + 1):
            tags[first], confidences[first] = "I-title", confidences[firsts[line + 1]]
        elif tags[first] == "O" and tokens[first].text in UNIT_WORDS and titled(line - 1):
            tags[first], confidences[first] = "I-title", confidences[firsts[line - 1]]
        elif tokens[first].text in UNIT_WORDS and _unit_below_noise(tokens, tags, by_line, firsts, line):
            tags[first], confidences[first] = "I-title", confidences[firsts[line - 2]]
    for line, first in firsts.items():
        if tags[first] != "I-title" or any(titled(line - k) for k in (1, 2)):
            continue
        head = []
        while len(head) < 2 and line - len(head) - 1 in firsts:
            above = firsts[line - len(head) - 1]
            if tags[above] != "O" or not _title_word(tokens[above].text):
                break
            head.insert(0, above)
        for k, i in enumerate(head):
            tags[i], confidences[i] = ("B-" if k == 0 else "I-") + "title", confidences[first]


UNIT_WORDS = ("Units", "Unit")     # a unit title's last word, never a cell of its own


def _unit_below_noise(tokens, tags, by_line, firsts, line):
    """Whether a unit title's last word, left ``O`` or alone read as a title of its own,
    stands two lines below a title's line that has no unit word yet, a line of OCR's
    noise between (no title word opening it, nothing tagged: ``Stock ... M 599`` /
    ``= eee aor Stock`` / ``Units``)."""
    first, between = firsts[line], by_line.get(line - 1, ())
    if not (tags[first] == "O" or tags[first] == "B-title" and len(by_line[line]) == 1):
        return False
    if line - 2 not in firsts or tags[firsts[line - 2]][2:] != "title" or line - 1 in firsts:
        return False
    title_words = [i for i in by_line[line - 2] if tags[i][2:] == "title"]
    return (bool(between) and all(tags[i] == "O" for i in between)
            and not any(tokens[i].text in UNIT_WORDS for i in title_words))


TITLE_TAIL = re.compile(r"^\((?!Instr\b|Country\b|County\b|e\.g\b|Month\b)[A-Za-z][A-Za-z .,-]+\)$")


def repair_parenthesised_title_tails(tokens, tags, confidences, line_zones):
    """A table line that is a phrase in parentheses (``(RSU)``, ``(Class A)``,
    ``(obligation to sell)``) ends the title of the row above it: pdftotext prints a tall
    title's last lines after the row's line. So where the CRF left the line ``O`` and no
    other row's title stands between, or read its words as the underlying title right
    after the row's title (pdfminer: ``Units`` / ``(RSU)`` / ``(Class A)``: an underlying
    title is never in parentheses). The form's own parenthesised headings (``(Instr. 4)``,
    ``(Country)``) and the A/D/I letters are no such phrase. Tags fixed in place, with
    the title's confidence. A phrase right after a row's line may wrap onto a second line
    (``-raw``: ``( right to`` / ``buy )``)."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    above = None
    for line, run in by_line.items():
        if (tokens[run[0]].text == "(" and line + 1 in by_line and not any(tokens[i].text == ")" for i in run)
                and above is not None and any(tags[i] != "O" for i in by_line[above])):
            run = list(run) + list(by_line[line + 1])     # the phrase's second line, right after a row's
        above = line
        if not TITLE_TAIL.match(" ".join(tokens[i].text for i in run).replace("( ", "(").replace(" )", ")")):
            continue
        inner = {tags[i][2:] for i in run[1:-1]}
        before = next((j for j in range(run[0] - 1, -1, -1) if tags[j] != "O"), None)
        if inner == {"und_title"} and before is not None and tags[before][2:] == "title":
            title = before
        elif inner == {""} and {tags[run[0]], tags[run[-1]]} == {"O"}:
            title = next((j for j in range(run[0] - 1, -1, -1) if tags[j][2:] == "title"), None)
        else:
            continue
        if title is not None and line_zones[tokens[title].line] == line_zones[line]:
            for i in run:
                tags[i], confidences[i] = "I-title", confidences[title]


HYPHEN_TAIL = re.compile(r"^(?:\d{1,2}|[A-Z])$")     # ``1`` of ``Series C-`` / ``1``


def repair_hyphen_wrapped_titles(tokens, tags, confidences, line_zones):
    """A lone number or capital on its own line left ``O`` between a title's word
    ending in a hyphen and the title's next word is the title's (``Series C-`` / ``1``
    / ``Preferred``: a series name wrapped at its hyphen, the CRF reading the ``1`` as
    no word of the title). Tags fixed in place, with the title's confidence."""
    for line, run in tokens_by_line(tokens, line_zones, TABLE_ZONES).items():
        i = run[0]
        if (len(run) == 1 and tags[i] == "O" and HYPHEN_TAIL.match(tokens[i].text) and 0 < i < len(tokens) - 1
                and tags[i - 1][2:] == "title" and tokens[i - 1].text.endswith("-") and tags[i + 1] == "I-title"):
            tags[i], confidences[i] = "I-title", confidences[i - 1]


def _title_word(text):
    return bool(HEAD_WORD.match(text)) and _security(text)


def _aligned(tokens, run):
    """Whether a line's tokens stand in space-aligned cells (gaps of several spaces)."""
    return any(tokens[j].start - tokens[i].end >= MIN_CELL_GAP for i, j in zip(run, run[1:]))


def repair_wrapped_heads(tokens, tags, confidences, line_zones):
    """The head of a wrapped text cell that the CRF left ``O`` while tagging the cell's
    next lines (EDGAR ASCII: ``By The`` ending a row's line, ``Founders`` / ``Fund II,``
    below it read as the nature): the ``O`` cell right above the cell's second line, in
    its column, begins the value, where the label's column stands (a title's first on
    the line, a nature's last). A head opens with a capital and holds no amount, date or
    mark (OCR's ``wei ee Stock`` is no title's head)."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    spaced = {line: idx for line, idx in by_line.items() if tokens[idx[-1]].cell == 0}
    for line, idx in spaced.items():
        if line - 1 not in spaced:
            continue
        cells = line_cells(tokens, spaced[line - 1])
        for group in line_cells(tokens, idx):
            first = group[0]
            label = tags[first][2:]
            if not tags[first].startswith("I-") or label not in WRAPPED_LABELS:
                continue
            at = next((k for k, g in enumerate(cells)
                       if abs(tokens[g[0]].col - tokens[first].col) <= WRAP_COLUMN_SLACK), None)
            head = cells[at] if at is not None and at == _head_cell(label, len(cells)) else None
            if (head and all(tags[i] == "O" for i in head) and tokens[head[0]].text[:1].isupper()
                    and not any(VALUE.match(tokens[i].text) or MARK.match(tokens[i].text) for i in head)):
                for k, i in enumerate(head):
                    tags[i] = ("B-" if k == 0 else "I-") + label
                    confidences[i] = confidences[first]


MAX_HEAD_GAP = 6     # lines a nature's head may stand above the rest of its cell


def repair_nature_heads(tokens, tags, confidences, line_zones):
    """A nature of ownership centred on its row whose head the CRF left ``O`` a few lines
    above the rest (``pdftotext -layout``: ``By The`` / ``GWL`` / the row's line /
    ``Living`` / ``Trust``; ``See`` / ``$`` / the row's line / ``Footnotes``): the ``O``
    cells in the nature's column right above its first tagged line, up to the nearest
    that opens as a nature does, begin the value, where the lines between print nothing
    in that column and the tagged part does not open as a nature itself. Tags fixed in
    place, with the nature's confidence."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    spaced = {line: idx for line, idx in by_line.items() if tokens[idx[-1]].cell == 0}
    for line, idx in spaced.items():
        first = line_cells(tokens, idx)[-1][0]
        if not tags[first].endswith("-nature") or NATURE_HEAD.match(tokens[first].text) or _nature_above(
                tokens, tags, spaced, line, first):
            continue
        head = (_head_lines(tokens, tags, spaced, line, tokens[first].col)
                or _centred_head_lines(tokens, tags, by_line, spaced, line, first))
        if head:
            run = [i for above in head for i in above] + [first]
            for k, i in enumerate(run):
                tags[i] = ("B-" if k == 0 else "I-") + "nature"
                confidences[i] = confidences[first]


def repair_centred_nature_lines(tokens, tags, confidences, line_zones):
    """A nature of ownership centred on its row in text whose lines run the cells of a
    row together, a space apart (OCR: ``$ By The`` / the row's line ending ``I Founders``
    / ``(2) Fund II, LP (3)``; five lines: ``By The`` / ``$ Founders`` / row / ``(9)
    Entrepreneurs`` / ``Fund, LP (10)``): where the one or two lines above the row's line
    end in a nature that opens as one (``By ...``) and the row's line goes on with words
    after its D/I letter, those words and, on as many lines below, the words after the
    lines' marks go on with the nature. Tags fixed in place, with the letter's
    confidence."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for line, idx in by_line.items():
        letter = next((i for i in idx if tags[i] == "B-di"), None)
        rest = [i for i in idx if letter is not None and i > letter]
        if not rest or not all(_nature_word(tokens, tags, i) for i in rest) or len(line_cells(tokens, idx)) > 1:
            continue
        head = _centred_head(tokens, tags, by_line, line)
        tails = [_words_after_marks(tokens, tags, by_line.get(line + k, ())) for k in range(1, len(head) + 1)]
        if not head or not all(tails):
            continue
        run = [i for part in head + [rest] + tails for i in part]
        for k, i in enumerate(run):
            tags[i], confidences[i] = ("B-" if k == 0 else "I-") + "nature", confidences[letter]


CENTRED_HEAD_LINES = 2      # lines above a row's line a centred nature's head may open


def _centred_head(tokens, tags, by_line, line):
    """The nature words ending each of the one or two lines above ``line``, top first,
    the top ones opening as a nature does; else []."""
    parts = []
    for k in range(1, CENTRED_HEAD_LINES + 1):
        idx = by_line.get(line - k, ())
        words = _last_run(idx, lambda i: _nature_word(tokens, tags, i))
        if not words or any(tags[i] != "O" and not tags[i].endswith("nature") and tokens[i].text != "$"
                            for i in idx if i not in words):
            return []
        parts.insert(0, words)
        if NATURE_HEAD.match(tokens[words[0]].text):
            return parts
    return []


NATURE_WORD = re.compile(r"^(?:[A-Za-z][A-Za-z.'&-]*|,)$")


def _nature_word(tokens, tags, i):
    return (tags[i] == "O" or tags[i].endswith("-nature")) and bool(NATURE_WORD.match(tokens[i].text))


def _words_after_marks(tokens, tags, idx):
    """The words a line below a row's line ends in after its marks (``(2) Fund II, LP
    (3)``: ``Fund II, LP``), where the line holds no other cell; else []."""
    idx = list(idx)
    while idx and (tags[idx[-1]] == "B-fn_mark" or MARK_DEBRIS_TOKEN.match(tokens[idx[-1]].text)):
        idx.pop()
    words = _last_run(idx, lambda i: _nature_word(tokens, tags, i))
    before = idx[:len(idx) - len(words)]
    if not words or before and not (tags[before[-1]] == "B-fn_mark" or MARK.match(tokens[before[-1]].text)):
        return []
    return words


def repair_stacked_natures(tokens, tags, confidences, line_zones):
    """Natures of ownership of rows right below one another, each centred on its row's
    line, printed as one stack of words a line (``pdftotext -layout``: ``Sequoia`` /
    ``Capital`` / ``U.S.`` / the row's line ending ``I Growth`` / ``Fund IV,`` / ``L.P.
    (2)`` / ``Sequoia`` / ... for the next row): the CRF opens them anywhere in the stack.
    The stack is cut where each row's cell stands centred on the row's line, as many lines
    above it as below or one more; where several cuts centre every cell, the one whose
    cells end in a mark or open with the stack's first word is taken, and where that
    leaves a choice, none. Each cell then opens a nature, its other words going on with
    it (marks stay marks). Tags fixed in place, with the letter's confidence."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    spaced = {line: idx for line, idx in by_line.items() if tokens[idx[-1]].cell == 0}
    for block, rows, right in _nature_stacks(tokens, tags, spaced):
        cuts = _centred_cuts(tokens, spaced, block, rows, right)
        if cuts is None:
            continue
        for (top, bottom), (main, letter) in zip(cuts, rows):
            words = [i for line in range(top, bottom + 1) for i in spaced[line]
                     if tokens[i].col >= right - WRAP_COLUMN_SLACK and tags[i] != "B-fn_mark"
                     and not MARK.match(tokens[i].text)]
            for k, i in enumerate(words):
                tags[i] = ("B-" if k == 0 else "I-") + "nature"
                confidences[i] = confidences[letter]


MIN_STACKED_ROWS = 2


def _nature_stacks(tokens, tags, spaced):
    """(lines, [(row line, its I letter)], the nature column's first character) of each
    run of lines right below one another that holds the natures of two rows at least:
    each line a row's, ending in its ``I`` and the nature's words, or one printing only
    words in the column of the nearest such row's nature. The rows' letters stand in one
    column, and one line at least is no row's (one row a line, as plain text prints a
    table, is no stack)."""
    mains = {line: letter for line, idx in spaced.items()
             if (letter := _indirect_letter(tokens, tags, idx)) is not None}
    if len(mains) < MIN_STACKED_ROWS:
        return
    rights = {line: tokens[letter].col + len(tokens[letter].text) + MIN_CELL_GAP for line, letter in mains.items()}
    lines = []
    for line in sorted(spaced) + [None]:
        if line is not None:
            right = rights[min(rights, key=lambda m: abs(m - line))]
            in_column = line in mains or all(tokens[i].col >= right - WRAP_COLUMN_SLACK for i in spaced[line])
            if in_column and (not lines or line == lines[-1] + 1):
                lines.append(line)
                continue
        rows = [(main, mains[main]) for main in lines if main in mains]
        if (len(rows) >= MIN_STACKED_ROWS and len(rows) < len(lines)
                and max(rights[main] for main, _ in rows) - min(rights[main] for main, _ in rows) <= WRAP_COLUMN_SLACK):
            yield lines, rows, rights[rows[0][0]]
        lines = [line] if line is not None and in_column else []


def _indirect_letter(tokens, tags, idx):
    """A row line's ``I`` letter with words right of it, or None."""
    letter = _letter_i(tokens, tags, idx)
    return letter if letter is not None and letter != idx[-1] else None


def _letter_i(tokens, tags, idx):
    """The line's first token tagged as the D/I letter ``I``, or None."""
    return next((i for i in idx if tags[i] == "B-di" and tokens[i].text.upper() == "I"), None)


def _centred_cuts(tokens, spaced, block, rows, right):
    """[(top, bottom)] of each row's cell in the stack, or None (``repair_stacked_natures``):
    the cuts are searched row by row, keeping for each line a cell may begin on the best
    cells so far and whether another choice scores as well."""
    opener = _column_text(tokens, spaced[block[0]], right)
    ways = {block[0]: (0, False, [])}     # a cell's top -> (score, tied, cells above it)
    for n, (main, _) in enumerate(rows):
        last = n == len(rows) - 1
        reached = {}
        for top, (score, tied, cells) in ways.items():
            above = main - top
            for bottom in ([block[-1]] if last else (main + above - 1, main + above)):
                if bottom < main or not 0 <= above - (bottom - main) <= 1 or bottom > block[-1]:
                    continue
                gain = _ends_in_mark(tokens, spaced[bottom]) + (_column_text(tokens, spaced[top], right) == opener)
                _keep(reached, bottom + 1, score + gain, tied, cells + [(top, bottom)])
        ways = reached
    end = ways.get(block[-1] + 1)
    return None if end is None or end[1] else end[2]


def _keep(reached, top, score, tied, cells):
    """Keep at ``top`` the better of what is there and the new cells; equal scores tie."""
    if top not in reached or score > reached[top][0]:
        reached[top] = (score, tied, cells)
    elif score == reached[top][0]:
        reached[top] = (score, True, reached[top][2])


def _column_text(tokens, idx, right):
    words = [tokens[i].text for i in idx if tokens[i].col >= right - WRAP_COLUMN_SLACK]
    return words[0] if words else None


def _ends_in_mark(tokens, idx):
    return bool(MARK.match(tokens[idx[-1]].text))


def repair_untagged_natures(tokens, tags, confidences, line_zones):
    """A nature of ownership the CRF left ``O`` whole, centred on its row right of the
    row's ``I`` (``pdftotext -layout``: ``By The`` / ``Founders`` / ``Fund IV`` / the row's
    line / ``Principals`` / ``Fund, LP`` / ``(8)``): the untagged last cells right of the
    letter on the lines next to the row's line, up to a blank line either way, with the
    words right of the letter on the row's line (``I      Venture``), are the row's
    nature where the top one opens as a nature does (marks in it the row's). Lines
    printing nothing in that column are passed over. Tags fixed in place, with the
    letter's confidence."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    spaced = {line: idx for line, idx in by_line.items() if tokens[idx[-1]].cell == 0}
    for line, idx in spaced.items():
        letter = _letter_i(tokens, tags, idx)
        if letter is None or any(tags[i].endswith("-nature") for i in idx):
            continue
        right = tokens[letter].col + len(tokens[letter].text) + MIN_CELL_GAP
        middle = idx[idx.index(letter) + 1:]
        if middle and (any(tags[i] != "O" or VALUE.match(tokens[i].text) for i in middle)
                       or tokens[middle[0]].col < right or not tokens[middle[0]].text[:1].isalpha()):
            continue
        above = _column_cells(tokens, tags, spaced, range(line - 1, line - 1 - MAX_HEAD_GAP, -1), right)
        below = _column_cells(tokens, tags, spaced, range(line + 1, line + 1 + MAX_HEAD_GAP), right)
        cells = above[::-1] + ([middle] if middle else []) + below
        if not cells or not NATURE_HEAD.match(tokens[cells[0][0]].text):
            continue
        words = [i for cell in cells for i in cell if not MARK.match(tokens[i].text)]
        for k, i in enumerate(words):
            tags[i], confidences[i] = ("B-" if k == 0 else "I-") + "nature", confidences[letter]
        for i in (i for cell in cells for i in cell if MARK.match(tokens[i].text)):
            tags[i], confidences[i] = "B-fn_mark", confidences[letter]


def _column_cells(tokens, tags, spaced, lines, right):
    """The untagged last cells starting right of column ``right`` on ``lines`` (nearest
    first), up to a blank line or a line whose last cell is tagged or holds an amount,
    and up to a nature's opening word (``By``): going up it is the cell's top, going down
    the next row's nature (stacked natures a blank line apart from none)."""
    cells, up = [], lines.step < 0
    for line in lines:
        if line not in spaced:
            break
        cell = line_cells(tokens, spaced[line])[-1]
        if tokens[cell[0]].col < right:
            continue
        if any(tags[i] != "O" for i in cell) or any(VALUE.match(tokens[i].text) for i in cell):
            break
        opens = NATURE_WORD_OPENING.match(tokens[cell[0]].text) is not None
        if opens and not up:
            break
        cells.append(cell)
        if opens:
            break
    return cells


def _nature_above(tokens, tags, spaced, line, first):
    """Whether the line above holds this nature's earlier part (the value goes on)."""
    above = spaced.get(line - 1)
    return above is not None and tags[above[-1]].endswith("-nature")


def _head_lines(tokens, tags, spaced, line, col):
    """The untagged last cells, top first, standing in ``col`` on the lines above ``line``
    up to the nearest whose cell opens as a nature, the lines between reaching no
    further right than the column; None where there is no such head."""
    cells = []
    for above in range(line - 1, line - 1 - MAX_HEAD_GAP, -1):
        if above not in spaced:
            continue
        cell = line_cells(tokens, spaced[above])[-1]
        last = tokens[spaced[above][-1]]
        if abs(tokens[cell[0]].col - col) <= WRAP_COLUMN_SLACK:
            if any(tags[i] != "O" for i in cell) or not tokens[cell[0]].text[:1].isupper():
                return None
            cells.insert(0, cell)
            if NATURE_HEAD.match(tokens[cell[0]].text):
                return cells
        elif last.col + len(last.text) > col - WRAP_COLUMN_SLACK:
            return None
    return None


def _centred_head_lines(tokens, tags, by_line, spaced, line, first):
    """The untagged last cells, top first, in the nature's column on the lines right above
    ``line`` up to a blank line, where with them the nature is centred on its row's line
    (the line of its ``I``, as many lines above as below, or one more): a tall nature
    whose head opens with a name (``Sequoia`` / ``Capital`` / ``U.S.`` / the row's line
    ``... I Growth`` / ``Fund IV,`` / ``L.P. (3)``); else None."""
    cells, above = [], line - 1
    while above in spaced and len(cells) < MAX_HEAD_GAP:
        cell = line_cells(tokens, spaced[above])[-1]
        if (abs(tokens[cell[0]].col - tokens[first].col) > WRAP_COLUMN_SLACK or any(tags[i] != "O" for i in cell)
                or not all(_nature_word(tokens, tags, i) for i in cell)):
            return None
        cells.insert(0, cell)
        above -= 1
    if not cells or above in by_line:
        return None
    bottom = line       # down to the nature's mark, which ends it
    while (bottom + 1 in spaced and tags[spaced[bottom][-1]] != "B-fn_mark"
           and tags[spaced[bottom + 1][-1]] in ("I-nature", "B-fn_mark")):
        bottom += 1
    top = line - len(cells)
    row = next((n for n in range(line, bottom + 1) if _letter_i(tokens, tags, by_line[n]) is not None), None)
    return cells if row is not None and 0 <= (row - top) - (bottom - row) <= 1 else None


def _head_cell(label, cells):
    """Which of its line's ``cells`` a text cell's head is: a title's the first, a
    nature's the last (an underlying title, in the middle, has no such mark)."""
    return {"title": 0, "nature": cells - 1}.get(label)


# a last comma group short of three digits, or a price cut after its point (``$ 117.`` / ``2075``)
CUT_AMOUNT = re.compile(r"^\$?\d{1,3}(?:,\d{3})*,\d{1,2}$|^\$?\d[\d,]*\.$")
DIGITS = re.compile(r"^\$?\d[\d,]*$")
WHOLE_AMOUNT = re.compile(r"^\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


def repair_wrapped_amounts(tokens, tags, confidences, line_zones):
    """An amount that a fixed-width cell cuts (EDGAR ASCII: inside a comma group,
    ``1,474,4`` / ``32``, after its point, ``117.`` / ``2075``, or filling its cell to the
    ``|``, ``310974|`` / ``4``) goes on with
    the digits below its start that complete it: they continue the value (tags fixed in
    place), whatever the CRF read them as."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for line, idx in by_line.items():
        for i in idx:
            if not (tags[i].startswith("B-") and (CUT_AMOUNT.match(tokens[i].text) or _fills_cell(tokens, i))):
                continue
            j = next((j for j in by_line.get(line + 1, ()) if tokens[j].text not in CELL_SEPARATORS
                      and abs(tokens[j].col - tokens[i].col) <= WRAP_COLUMN_SLACK), None)
            if (j is not None and _wrap_taggable(tokens, tags, i, j) and tokens[j].text[:1].isdigit()
                    and WHOLE_AMOUNT.match(tokens[i].text + tokens[j].text)):
                tags[j] = "I-" + tags[i][2:]
                confidences[j] = confidences[i]


def _wrap_taggable(tokens, tags, i, j):
    """Whether the digits ``j`` below the cut amount ``i`` may go on with it: left ``O`` or
    read as its own label, or, below an amount cut inside a comma group, as any amount
    (the CRF may run the next cell's amount on into them: ``697,6`` / ``74``)."""
    return tags[j] in ("O", tags[i]) or bool(CUT_AMOUNT.match(tokens[i].text)) and tags[j][2:] in AMOUNT_LABELS


def _fills_cell(tokens, i):
    """Whether token ``i`` is digits that run up to the ``|`` closing their cell."""
    return (DIGITS.match(tokens[i].text) is not None and i + 1 < len(tokens) and tokens[i + 1].text == "|"
            and tokens[i + 1].start == tokens[i].end)


def repair_wrapped_marks(tokens, tags, confidences, line_zones):
    """A footnote mark that a fixed-width cell wraps after its bracket (EDGAR ASCII:
    ``169.4860(`` / ``3)``, ``$ 178.001[`` / ``F4]``, ``|1056.3180(|`` / ``|1)``) is the
    row's mark: below a value the CRF tagged that ends in the bracket, the mark under its
    cell's start (a ``|`` starts a cell), left ``O`` and closed by the matching bracket,
    becomes ``B-fn_mark`` (tags fixed in place)."""
    opened = list(_opened_values(tokens))
    if not opened:
        return
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for value, bracket in opened:
        below = by_line.get(tokens[value].line + 1, ())
        if tokens[value].line in by_line and tags[value] not in ("O", "B-fn_mark"):
            cell = next(cell for cell in line_cells(tokens, by_line[tokens[value].line]) if value in cell)
            col = tokens[_cell_start(tokens, cell, value)].col
            j = next((j for j in below if abs(tokens[j].col - col) <= WRAP_COLUMN_SLACK and tokens[j].text != "|"), None)
            if (j is not None and tags[j] == "O" and WRAPPED_MARK[bracket].match(tokens[j].text)
                    and j + 1 < len(tokens) and tokens[j + 1].text == CLOSING[bracket]
                    and tokens[j + 1].start == tokens[j].end):
                tags[j] = "B-fn_mark"
                if confidences[value] is not None:
                    confidences[j] = confidences[value]


CUT_MARK = re.compile(r"^(?:\(\d{1,2}|\[F\d{0,2})$")
CLOSING_OF = {"(": ")", "[": "]"}


def repair_cut_marks(tokens, tags, confidences, line_zones):
    """A footnote mark that a fixed-width cell wraps before its closing bracket (EDGAR
    ASCII: ``838.5710[F1`` / ``]``, ``846.6680[F1`` / ``0]``, ``957.7680[F`` / ``3]``,
    ``1056.3180(1`` / ``)``, a nature's ``L.P.[F2][F`` / ``3][F4]``) is the row's mark:
    the mark's opening (whatever the CRF read it as: no value looks like it), glued to a
    value the CRF tagged, with its rest (digits or none, then the closing bracket) on the
    line below under that cell (from the start of its glued run), becomes
    ``B-fn_mark``, the digits ``I-fn_mark`` (tags fixed in place; the assembler reads a
    mark's continued digits as the end of its number)."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for line, run in by_line.items():
        for i in run[1:]:
            mark, value = tokens[i], tokens[i - 1]
            if not CUT_MARK.match(mark.text) or value.end != mark.start or tags[i - 1] == "O":
                continue
            first = tokens[_glued_run_start(tokens, i)]
            cols = range(first.col - WRAP_COLUMN_SLACK, mark.col + len(mark.text) + 1)
            rest = _mark_rest(tokens, by_line.get(line + 1, ()), CLOSING_OF[mark.text[0]], cols)
            if rest and (len(rest) > 1 or mark.text[-1].isdigit()):
                tags[i], confidences[i] = "B-fn_mark", confidences[i - 1]
                for j in rest[:-1]:
                    tags[j], confidences[j] = "I-fn_mark", confidences[i - 1]


def _glued_run_start(tokens, i):
    """The first token of the run glued to token ``i`` on its line (a cell's text and
    its marks: ``L.P.[F2][F``), where a wrapped cell goes on on the line below."""
    while i and tokens[i - 1].line == tokens[i].line and tokens[i - 1].end == tokens[i].start:
        i -= 1
    return i


def _mark_rest(tokens, line, closing, cols):
    """The indices of a cut mark's rest on ``line``, starting in ``cols``: the closing
    bracket, after the digits glued to it if any (``0]``), or []."""
    for k, j in enumerate(line):
        if tokens[j].text != closing:
            continue
        glued = k and tokens[line[k - 1]].text.isdigit() and tokens[line[k - 1]].end == tokens[j].start
        rest = [line[k - 1], j] if glued else [j]
        if tokens[rest[0]].col in cols:
            return rest
    return []


def _cell_start(tokens, cell, value):
    """The first token of ``value``'s cell: a ``|`` between cells of an ASCII table
    (``|1056.3180(|``, no space around it) ends the cell before it."""
    start = cell.index(value)
    while start > 0 and tokens[cell[start - 1]].text != "|":
        start -= 1
    return cell[start]


def _opened_values(tokens):
    """(index of a value, its bracket) for each token that ends in an opening bracket:
    glued on (``169.4860(``) or, as the tokenizer splits ``[``, the bracket right after."""
    for i, tok in enumerate(tokens):
        if tok.text[-1] in CLOSING and len(tok.text) > 1:
            yield i, tok.text[-1]
        elif tok.text in CLOSING and i and tokens[i - 1].line == tok.line and tokens[i - 1].end == tok.start:
            yield i - 1, tok.text


SIDE_OF_OWNED = {False: "B-ad", True: "B-di"}     # a lone D's tag by: right of the amount owned?


def repair_ad_di_order(tokens, tags, line_zones):
    """Table I sets a row's A/D letter left of the amount owned after it and the D/I
    letter right of it, and both are often a lone ``D``: on a line with one amount
    owned, a ``D`` the CRF tagged A/D right of it is the D/I letter, and one tagged D/I
    left of it the A/D letter (an ``A`` or an ``I`` keeps its tag: it can only be the one)."""
    for idx in tokens_by_line(tokens, line_zones, ("table1",)).values():
        owned = [i for i in idx if tags[i] == "B-owned"]
        if len(owned) != 1:
            continue
        for i in idx:
            if tags[i] in SIDE_OF_OWNED.values() and tokens[i].text == "D":
                tags[i] = SIDE_OF_OWNED[i > owned[0]]


def repair_a_ownership_letters(tokens, tags, line_zones):
    """An ``A`` the CRF read as a D/I letter is an A/D letter (no ownership form reads
    so), and the amount right before it on its line, read as an amount owned, the row's
    amount of shares: the A/D column follows the amount's (plain ``pdftotext`` of a long
    table: ``2,152,681 A``). Tags fixed in place."""
    for run in tokens_by_line(tokens, line_zones, ("table1",)).values():
        for k, i in enumerate(run):
            if tags[i] == "B-di" and tokens[i].text == "A":
                tags[i] = "B-ad"
                before = _tagged_before(tags, i)
                if before is not None and before in run[:k] and tags[before] == "B-owned":
                    tags[before] = "B-shares"


def repair_owned_pairs(tokens, tags, line_zones):
    """An amount alone on its line and a letter alone on the next, that the CRF read as
    an amount of shares and its A/D letter, are an amount owned and its D/I letter where
    the four lines before them are two such pairs: plain ``pdftotext`` prints a long
    table's amounts owned and D/I letters as a column of pairs (``2,143,481`` / ``D`` /
    ``2,137,981`` / ``D``), in which the CRF reads one pair as a row's left-hand cells.
    (Where a row's cells stand a line each, its amount and A/D letter follow the row
    above's amount owned and D/I letter: one pair before them tells nothing.) Tags fixed
    in place."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    runs = list(by_line.values())
    for k in range(4, len(runs) - 1):
        before, pair = runs[k - 4:k], runs[k:k + 2]
        if ([tags[i] for run in before for i in run] == ["B-owned", "B-di"] * 2
                and [tags[i] for run in pair for i in run] == ["B-shares", "B-ad"]):
            tags[pair[0][0]], tags[pair[1][0]] = "B-owned", "B-di"


def repair_letters_after_titles(tokens, tags, line_zones):
    """Plain pdftotext prints a Table I row's left-hand cells, then the next row's title,
    then the row's A/D letter (``Common Stock`` / ``10/15/2020`` / ``F(1)`` / ``527`` /
    ``Common Stock`` / ``D``): a ``D`` tagged D/I right after a title, where the row before
    that title ends in its shares with no A/D letter yet, is that row's A/D letter (a D/I
    letter comes after a row's amount owned). Tags fixed in place; the assembler gives the
    letter back to the row above (``assemble._late_left_cells``)."""
    for i, tok in enumerate(tokens):
        if tags[i] != "B-di" or tok.text != "D" or line_zones[tok.line] != "table1":
            continue
        title = _tagged_before(tags, i)
        if title is None or tags[title][2:] != "title":
            continue
        start = next(j for j in range(title, -1, -1) if tags[j] == "B-title" or j == 0)
        before = _tagged_before(tags, start)
        if before is not None and tags[before] == "B-shares":
            tags[i] = "B-ad"


def _tagged_before(tags, i, passing=("O", "B-fn_mark")):
    """The last token before ``i`` with a tag, those ``passing`` (marks) aside, or None."""
    return next((j for j in range(i - 1, -1, -1) if tags[j] not in passing), None)


BARE_MARK = re.compile(r"^\d{1,2}$")
CELL_SEPARATORS = ("|", ";")
MIN_ASCII_COLUMNS = 3   # a row of EDGAR ASCII's table has ten; OCR reads a table rule as a stray |


GLYPH_MARK = re.compile(rf"^(?:[{GLYPH_SIGNS}]+|Q[Qa]?)$")     # a small "(2)" read as signs: "@", "®", "©", "Qa"


def repair_glyph_marks(tokens, tags, confidences, line_zones):
    """A sign OCR read for a small mark in a table (``Stock ®``, ``[289.408 @)]``, ``Q)``)
    that the CRF left ``O`` is a mark no digit names: tagged ``fn_mark`` so its row knows
    it has one (``footnotes.notes_of_garbled_marks`` names it). ``Q``, ``Qa`` only before
    ``)`` with no ``(`` before: alone or bracketed they may be words (``Fund (Q), LP``).
    The CRF may read ``Q`` as a code, which no code is. Fixes tags in place, with the
    confidence of the token before."""
    for i, tok in enumerate(tokens):
        read = tags[i] == "O" or tags[i] == "B-code" and tok.text[0] == "Q"
        if not read or line_zones[tok.line] not in TABLE_ZONES or not GLYPH_MARK.match(tok.text):
            continue
        if tok.text[0] == "Q" and not _bracket_closed_only(tokens, i):
            continue
        tags[i] = "B-fn_mark"
        if confidences[i] is None:
            confidences[i] = confidences[i - 1] if i and confidences[i - 1] is not None else NOTE_CONFIDENCE


def _bracket_closed_only(tokens, i):
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    before = tokens[i - 1] if i else None
    return (nxt is not None and nxt.line == tokens[i].line and nxt.text == ")"
            and not (before is not None and before.line == tokens[i].line and before.text == "("))


def repair_bare_marks(tokens, tags, confidences, lines, line_zones):
    """A copy of the form that drops superscripts' brackets prints a mark as bare digits
    at the end of its cell (``Class B Common Stock 1``, ``J 2``, ``$69.35 3``), which
    the CRF leaves untagged or reads as the D/I letter (the aligner never marks them, so
    training has none). In a table line of cells (tab-separated, EDGAR ASCII's ``|``
    columns, or a plain copy's cells split by ``;``), such digits that end their cell
    (or stand alone in it, wrapped below its value: ``|245.89|`` / ``|4     |``)
    and name a footnote the text explains (a tagged footnote id) are a mark, unless the
    tables bracket their marks (``(1)``, ``[F1]``): a text that brackets one brackets
    them all, and its bare digits are amounts. Digits the CRF read as an amount right
    after another in their cell (``6715 1`` as shares and amount owned) are a mark too,
    the cell's amount taking the label the digits had.
    In lines of spaces (EDGAR ASCII without ``|``) a mark stands one space after a tagged
    value and ends the line or its cell (``by Trust 2``, a wrapped price's ``55 1``), or
    alone on the line below under the value (``143,781.433`` / ``2``), where no table
    line brackets a mark; an empty cell's mark stands alone in the cell (``Restricted
    Stock    1         06/10/2021``, an empty price's ``A    1    10,609,976``)."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    if any(MARK.match(tokens[i].text) for idx in by_line.values() for i in idx):
        return
    ids = {int(d) for tok, tag in zip(tokens, tags) if tag.endswith("fn_id") for d in re.findall(r"\d+", tok.text)}
    celled = {line: "\t" in lines[line] or max(map(lines[line].count, CELL_SEPARATORS)) >= MIN_ASCII_COLUMNS
              for line in by_line}
    _mark_spaced_tails(tokens, tags, confidences, by_line, [line for line in by_line if not celled[line]], ids)
    for line, idx in by_line.items():
        if celled[line]:
            _mark_cell_ends(tokens, tags, confidences, idx, ids)
            _mark_wrapped_cell_ends(tokens, tags, confidences, idx, by_line.get(line - 1, ()), ids)


def _mark_cell_ends(tokens, tags, confidences, idx, ids):
    """Bare marks ending their cell of a line of cells (tabs, ``|``, ``;``), or a list of
    them left untagged (``See Footnotes 1,2``)."""
    if not any(tags[i] != "O" and not BARE_MARK.match(tokens[i].text) for i in idx):
        return      # a heading's line: "(Instr. 3" ends a cell too
    lowest = min((confidences[i] for i in idx if confidences[i] is not None), default=0.0)
    for i in idx:
        ends_cell = i == idx[-1] or tokens[i + 1].cell != tokens[i].cell or tokens[i + 1].text in CELL_SEPARATORS
        listed = tags[i] == "O" and _names_notes(tokens[i].text, ids)
        if not ends_cell or not (_names_note(tokens[i].text, ids) or listed):
            continue
        if tags[i] in ("O", "B-di"):
            tags[i], confidences[i] = "B-fn_mark", lowest
        elif _second_amount_of_cell(tokens, tags, idx, i):
            # ``6715 1`` read as shares and amount owned: the cell's amount is the one its
            # column holds, the digits its mark
            tags[i - 1], confidences[i - 1] = tags[i], confidences[i]
            tags[i], confidences[i] = "B-fn_mark", lowest


def _mark_wrapped_cell_ends(tokens, tags, confidences, idx, above, ids):
    """Bare marks alone on a line of empty cells, below a value the line above holds in
    the same cell: a narrow cell wraps its value's marks onto a line of their own (EDGAR
    ASCII's ``|$     |`` / ``|245.89|`` / ``|4     |``; ``|Footnotes|`` / ``|2,3      |``).
    Where the value fills its cell on a line of other values, the digits may be its own
    cut off (``|$18.2|`` / ``|2    |``): they are left."""
    values = [i for i in idx if tokens[i].text not in CELL_SEPARATORS]
    if not values or not all(tags[i] == "O" and _names_notes(tokens[i].text, ids) for i in values):
        return
    alone = sum(1 for j in above if tokens[j].text not in CELL_SEPARATORS) == 1
    for i in values:
        cell = _cell_of(tokens, idx, i)
        value = next((j for j in above if tags[j] not in ("O", "B-fn_mark") and _cell_of(tokens, above, j) == cell), None)
        if value is not None and (alone or value + 1 < len(tokens) and tokens[value + 1].start > tokens[value].end):
            tags[i], confidences[i] = "B-fn_mark", confidences[value]


def _cell_of(tokens, idx, i):
    """The cell of token ``i`` on its line (tokens ``idx``): its tab-separated cell and the
    ``|`` or ``;`` separators before it there."""
    return tokens[i].cell, sum(1 for k in idx if k < i and tokens[k].text in CELL_SEPARATORS)


def _second_amount_of_cell(tokens, tags, idx, i):
    """Whether token ``i``, tagged as an amount, follows another amount the CRF began in
    its cell, a space apart."""
    before = i - 1
    return (i != idx[0] and tags[i][2:] in AMOUNT_LABELS and tags[before][2:] in AMOUNT_LABELS
            and tags[before].startswith("B-") and tokens[before].cell == tokens[i].cell
            and tokens[i].start - tokens[before].end == 1)


def _mark_spaced_tails(tokens, tags, confidences, by_line, spaced, ids):
    """Bare marks of the ``spaced`` lines (``repair_bare_marks``): one wrapped alone below
    its value, one a space after a value at its cell's end, then those alone in a cell
    (a text that prints them apart may print none after a value: an empty price's ``1``)."""
    for line in spaced:
        idx, above = by_line[line], by_line.get(line - 1, ())
        if all(tags[i] == "O" and _names_notes(tokens[i].text, ids) for i in idx):
            for i in idx:   # a value's marks wrapped below it: ``143,781.433`` / ``2``, ``Footnotes`` / ``2,3``
                value = next((j for j in above if tags[j] not in ("O", "B-fn_mark") and _spans_priced(tokens, j, tokens[i].col)
                              and not CUT_AMOUNT.match(tokens[j].text)), None)     # ``23,24`` / ``4``: digits
                if value is not None:
                    tags[i], confidences[i] = "B-fn_mark", confidences[value]
            continue
        for k in range(1, len(idx)):
            i, before = idx[k], idx[k - 1]
            ends_cell = (k == len(idx) - 1 or tokens[idx[k + 1]].start - tokens[i].end >= MIN_CELL_GAP
                         or tags[idx[k + 1]].startswith("B-"))
            value = (before if tags[before] not in ("O", "B-fn_mark")
                     else _wrapped_digits_of(tokens, tags, before, above))
            if (tags[i] == "O" and _names_note(tokens[i].text, ids) and ends_cell and value is not None
                    and tokens[i].start - tokens[before].end == 1):
                tags[i], confidences[i] = "B-fn_mark", confidences[value]
    for line in spaced:     # one alone in its cell is a cell's mark too (``1`` for ``(1)``)
        _mark_lone_cells(tokens, tags, confidences, by_line[line], ids, by_line.get(line - 1, ()))
        _mark_below_wrapped_digits(tokens, tags, confidences, by_line[line], by_line.get(line - 1, ()),
                                   by_line.get(line - 2, ()), ids)


def _mark_below_wrapped_digits(tokens, tags, confidences, idx, above, higher, ids):
    """Bare digits naming a footnote left ``O`` right below a value's wrapped last digits
    in their column, a line below the value (EDGAR ASCII: ``181.4`` / ``768`` / ``10``, a
    price cut in two and its mark): the value's mark."""
    for i in idx:
        if tags[i] != "O" or not _names_note(tokens[i].text, ids):
            continue
        digits = next((d for d in above if abs(tokens[d].col - tokens[i].col) <= WRAP_COLUMN_SLACK), None)
        value = _wrapped_digits_of(tokens, tags, digits, higher) if digits is not None else None
        if value is not None:
            tags[i], confidences[i] = "B-fn_mark", confidences[value]


def _wrapped_digits_of(tokens, tags, i, above):
    """The tagged number on the line above whose last digits token ``i`` is, wrapped
    below it in its column (EDGAR ASCII: ``748.61`` / ``00 1``), or None."""
    if tags[i] != "O" or not tokens[i].text.isdigit():
        return None
    return next((j for j in above if tags[j] not in ("O", "B-fn_mark") and _spans(tokens[j], tokens[i].col)
                 and tokens[j].text[-1:].isdigit()), None)


AMOUNT_DIGITS = re.compile(r"^[\d,]+$")
LONE_CELL_GAP = 2    # spaces around a cell of EDGAR ASCII (``Restricted Stock  3``)


def _mark_lone_cells(tokens, tags, confidences, idx, ids, above):
    """Bare digits standing alone in their cell of a row's line (cells a gap apart) that
    name a footnote, or a list of them (``5,6``): an empty cell's marks (a date column's
    ``3``), not digits right below an amount they may end (``23,24`` / ``4``)."""
    if not any(tags[i] not in ("O", "B-fn_mark") for i in idx):
        return
    lowest = min(confidences[i] for i in idx if confidences[i] is not None)
    for k, i in enumerate(idx):
        apart = [k == 0 or tokens[i].start - tokens[idx[k - 1]].end >= LONE_CELL_GAP,
                 k == len(idx) - 1 or tokens[idx[k + 1]].start - tokens[i].end >= LONE_CELL_GAP]
        under_amount = any(AMOUNT_DIGITS.match(tokens[j].text) and _spans(tokens[j], tokens[i].col) for j in above)
        if all(apart) and not under_amount and tags[i] == "O" and _names_notes(tokens[i].text, ids):
            tags[i], confidences[i] = "B-fn_mark", lowest


MARK_LIST = re.compile(r"^\d{1,2}(?:,\d{1,2})+$")     # a cell's marks listed bare: ``5,6``, never an amount


def _names_note(text, ids):
    """Whether ``text`` is a bare mark naming a footnote in ``ids``."""
    return bool(BARE_MARK.match(text)) and int(text) in ids


def _names_notes(text, ids):
    """Whether ``text`` is a bare mark, or a list of them, naming only footnotes in ``ids``."""
    return bool(BARE_MARK.match(text) or MARK_LIST.match(text)) and all(int(n) in ids for n in text.split(","))


def _spans(token, col):
    """Whether the column ``col`` lies within ``token``'s text."""
    return token.col <= col < token.col + len(token.text)


def _spans_priced(tokens, i, col):
    """Whether the column ``col`` lies within token ``i``'s text or the ``$`` glued before
    it (``$238.03`` / ``5``: the mark under the dollar sign)."""
    dollar = i > 0 and tokens[i - 1].text == "$" and tokens[i - 1].end == tokens[i].start
    return _spans(tokens[i], col) or dollar and _spans(tokens[i - 1], col)


def repair_par_value_lines(tokens, tags, confidences, line_zones):
    """A table line that spells a title with its par value alone (one cell a line:
    ``Common Stock, $0.00125 par value``) is one value, of the label the CRF began it
    with, where the CRF cut it into several (the title, the par value read as an
    exercise price, its last words as an underlying title). Tags fixed in place, with the
    value's confidence."""
    for run in tokens_by_line(tokens, line_zones, TABLE_ZONES).values():
        if tags[run[0]] not in ("B-title", "B-und_title"):
            continue
        texts = [tokens[i].text for i in run]
        if ("par" in texts and all(_security(t) or PAR_VALUE.match(t) for t in texts)
                and len({tags[i][2:] for i in run}) > 1):
            for i in run[1:]:
                tags[i], confidences[i] = "I-" + tags[run[0]][2:], confidences[run[0]]


LEFT_OF_UNDERLYING = frozenset({"B-tx_date", "B-code", "B-shares"})   # Table II's columns 3 to 5


def repair_underlying_titles(tokens, tags, line_zones):
    """Table II's underlying title (column 7) read as a new row's title: a title that
    follows the row's date, code or amount with no underlying title between and is
    followed by an underlying amount is the underlying title (one cell a line: ``M`` /
    ``1,412,997`` / ``(4)`` / ``Class B Common Stock`` / ``1,412,997``); a new row's title
    is followed by its price or date. Tags fixed in place."""
    idx = [i for line in tokens_by_line(tokens, line_zones, ("table2",)).values() for i in line
           if tags[i] not in ("O", "B-fn_mark")]
    left = False     # the row's columns 3 to 5 seen since its title
    for k, i in enumerate(idx):
        if tags[i] == "B-title":
            end = k + 1
            while end < len(idx) and tags[idx[end]] == "I-title":
                end += 1
            if left and end < len(idx) and tags[idx[end]] == "B-und_shares":
                for j in idx[k:end]:
                    tags[j] = tags[j][:2] + "und_title"
                continue
            left = False
        elif tags[i] in LEFT_OF_UNDERLYING:
            left = True
        elif tags[i].endswith("und_title"):
            left = False


def repair_underlying_title_columns(tokens, tags, line_zones):
    """Table II printed column by column (pdfminer: the rows' titles, then their dates,
    codes and amounts, then their underlying titles, then the rest): a second run of
    titles after the rows' dates, codes or amounts, as long as the run of titles the
    table opens with (two or more) and followed by an underlying amount (not a new row's
    price or date), is the rows' underlying titles, however the CRF read each; so for each
    block of rows so printed (plain ``pdftotext``: two rows at a time). Tags fixed in
    place."""
    values = _text_values(tokens, tags, line_zones, "table2")
    k = 0
    while k < len(values):
        opening = list(takewhile(lambda v: v[0] == "title", values[k:]))
        k += len(opening) or 1
        if len(opening) >= 2:
            k += _underlying_run(tags, values[k:], len(opening))


def _underlying_run(tags, rest, rows):
    """Retag the run of ``rows`` titles after the block's left-hand values, followed by an
    underlying amount, as underlying titles; how many values were read past (0 if none)."""
    start = next((k for k, v in enumerate(rest) if v[0] in ("title", "und_title")
                  and any(u[0] in LEFT_OF_UNDERLYING_LABELS for u in rest[:k])), None)
    if start is None:
        return 0
    run = list(takewhile(lambda v: v[0] in ("title", "und_title"), rest[start:]))
    after = rest[start + len(run)][0] if start + len(run) < len(rest) else None
    if len(run) != rows or after != "und_shares":
        return 0
    for _, idx in run:
        for i in idx:
            tags[i] = tags[i][:2] + "und_title"
    return start + len(run)


LEFT_OF_UNDERLYING_LABELS = frozenset(tag[2:] for tag in LEFT_OF_UNDERLYING)


def _text_values(tokens, tags, line_zones, zone):
    """The zone's values in text order, marks aside: (label, token indices), a ``B-`` tag
    opening one and ``I-`` tags going on with the last of its label."""
    values, last = [], {}
    for line in tokens_by_line(tokens, line_zones, (zone,)).values():
        for i in line:
            if tags[i] in ("O", "B-fn_mark"):
                continue
            label = tags[i][2:]
            if tags[i][0] == "B" or label not in last:
                last[label] = (label, [])
                values.append(last[label])
            last[label][1].append(i)
    return values


OWNERSHIP_LETTERS = ("D", "I")
LONE_CODES = SEC_CODES - set("DIV")     # D and I are ownership letters too, V its own column
MAX_LINES_TO_AMOUNT = 3


OCR_CODE = re.compile(r"^[A-Za-z]\S{0,2}$")    # ``S(1)`` as Tesseract reads it: ``sf``, ``s@``, ``s2``, ``c``


def repair_codes_after_dates(tokens, tags, confidences, line_zones):
    """A short token left ``O`` right after a row's transaction date on its line, opening
    with a transaction code's letter, is the row's code where the row has none: OCR
    fuses a code with its mark and lowers its case (``S(1)`` read ``sf )``, ``s@ )``,
    ``s2 )``; ``C`` read ``c``); the code is its first letter. Tags fixed in place, with
    the date's confidence."""
    for i in range(1, len(tokens)):
        date = i - 1
        if (tags[date] != "B-tx_date" or tags[i] != "O" or tokens[i].line != tokens[date].line
                or line_zones[tokens[i].line] not in TABLE_ZONES or not OCR_CODE.match(tokens[i].text)
                or tokens[i].text[0].upper() not in SEC_CODES):
            continue
        if not any(tags[j] == "B-code" for j in line_runs(tokens)[tokens[i].line]):
            tags[i], confidences[i] = "B-code", confidences[date]


def repair_missing_titles(tokens, tags, confidences, line_zones):
    """A Table I line of only untagged title-like words naming a security (no heading's or
    nature's), with no title on the text lines either side of it (no wrapped part of
    one), is a row's title where the table has fewer titles than D/I letters: every row
    has both (plain ``pdftotext`` prints a row's ``Common Stock`` between the column
    headings, where the CRF reads no title). Tags fixed in place, with the confidence of
    the first tagged token after it."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = _shortfall(tags, by_line, "B-di", "B-title")
    lines = list(by_line)
    for k, line in enumerate(lines):
        run = by_line[line]
        if missing <= 0:
            break
        near = [by_line[x] for x in lines[max(k - 1, 0):k + 2] if x != line and abs(x - line) <= MAX_CELL_LINE_GAP]
        if (not all(tags[i] == "O" and _title_like(tokens[i].text) for i in run) or not _worded(tokens, run)
                or _in_headings(tokens, by_line, line) or not _names_security([tokens[i].text for i in run])
                or any(tags[i][2:] == "title" for near_run in near for i in near_run)):
            continue
        after = next((j for j in range(run[-1] + 1, len(tokens)) if tags[j] != "O"), None)
        if after is None:
            continue
        for n, i in enumerate(run):
            tags[i], confidences[i] = "I-title" if n else "B-title", confidences[after]
        missing -= 1


def repair_title_columns(tokens, tags, confidences, line_zones):
    """Three or more lines of the same words naming a security, one after another (a blank
    line or marks at most between), some of them read as a title, are rows' titles while
    Table I has fewer titles than the most of any one of its other row cells (dates,
    codes, amounts, prices, D/I letters): pdfminer prints a long table's titles as a
    column (``Common Stock`` thirty times), and the CRF reads a few. Tags fixed in place,
    with the confidence of a title read in the column."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    counts = Counter(tags[i] for run in by_line.values() for i in run)
    missing = max(counts[f"B-{label}"] for label in ROW_CELLS) - counts["B-title"]
    for column in _title_columns(tokens, tags, by_line):
        confidence = next(confidences[run[0]] for run in column if tags[run[0]] == "B-title")
        for run in column:
            if missing > 0 and tags[run[0]] != "B-title":
                for n, i in enumerate(run):
                    tags[i], confidences[i] = "I-title" if n else "B-title", confidence
                missing -= 1


ROW_CELLS = ("tx_date", "code", "shares", "price", "owned", "di")
MIN_TITLE_COLUMN = 3     # lines of a column of titles: two are as often a row's title and a holding's


def _title_columns(tokens, tags, by_line):
    """Runs of ``MIN_TITLE_COLUMN`` or more lines of the same words naming a security, one
    after another (a blank line or marks at most between), each untagged or read as one
    title, at least one so read: lists of the lines' token indices."""
    columns, column, last = [], [], None
    for line, run in by_line.items():
        if _marks_only(tokens, run):
            continue
        texts = [tokens[i].text for i in run]
        fits = _security_line(tokens, run, texts) and (all(tags[i] == "O" for i in run) or _read_title(tokens, tags, run))
        if not (fits and column and texts == [tokens[i].text for i in column[-1]] and line - last <= MAX_CELL_LINE_GAP):
            columns, column = columns + [column], []
        if fits:
            column.append(run)
        last = line
    return [c for c in columns + [column] if len(c) >= MIN_TITLE_COLUMN and any(tags[run[0]] == "B-title" for run in c)]


def repair_date_code_lines(tokens, tags, confidences, line_zones):
    """A date alone on its line that the CRF left ``O``, with a code letter alone on the
    next line with text (its marks beside it, a blank line at most between), is a row's
    transaction date and code where its table has fewer dates than titles (plain
    ``pdftotext`` prints a short table's titles as a column, then each row's date and
    code: ``Class A Common Stock`` three times, then ``08/22/2019`` / ``C``,
    ``08/22/2019`` / ``S (2)``; the CRF reads the last pair or none), or after a row's
    D/I letter where it has fewer dates than amounts of shares (rows a line a cell, a
    title for the first only: ``D`` / ``12/08/2025`` / ``S (1)`` / ``60,000``). An
    expiration date is followed by its underlying title, not a code; column 3's lone
    heading ``V`` is no code. Tags fixed in place, with the confidence of the token
    tagged before."""
    for zone in TABLE_ZONES:
        by_line = tokens_by_line(tokens, line_zones, (zone,))
        untitled = _shortfall(tags, by_line, "B-shares", "B-tx_date")
        missing = max(_shortfall(tags, by_line, "B-title", "B-tx_date"), untitled)
        for line, below in _next_lines(by_line):
            date, code = by_line[line], by_line[below]
            if (missing <= 0 or len(date) != 1 or tags[date[0]] != "O" or not DATE.match(tokens[date[0]].text)
                    or not _lone_code(tokens, tags, code)):
                continue
            before = _tagged_before(tags, date[0], passing=("O", "B-fn_mark", "B-ex_price"))
            if before is None or tags[before][2:] not in ("title", "code", "di") or (
                    tags[before] == "B-di" and untitled <= 0):
                continue
            for i, tag in zip([date[0], *code], ("B-tx_date", "B-code") + ("B-fn_mark",) * (len(code) - 1)):
                tags[i], confidences[i] = tag, confidences[before]
            missing, untitled = missing - 1, untitled - 1


MAX_CELL_LINE_GAP = 2   # lines from one cell to the next in a text printed a cell a line


def _shortfall(tags, by_line, more, fewer):
    """How many more tokens tagged ``more`` than ``fewer`` the lines hold (a table's
    titles against its dates: the dates the CRF left unread)."""
    zone_tags = [tags[i] for run in by_line.values() for i in run]
    return zone_tags.count(more) - zone_tags.count(fewer)


def _next_lines(by_line):
    """Each two lines with text one after the other, a blank line at most between them."""
    lines = list(by_line)
    return [(line, below) for line, below in zip(lines, lines[1:]) if below - line <= MAX_CELL_LINE_GAP]


def repair_stacked_dates(tokens, tags, confidences, line_zones):
    """A date alone on its line that the CRF read as a deemed execution date, right below
    a transaction date alone on its line (a blank line at most between), is the next
    row's transaction date where its table has fewer transaction dates than titles
    (plain ``pdftotext`` prints two rows' titles, then their dates, one below the other:
    ``Class A Common Stock`` twice, ``12/03/2018`` twice). Tags fixed in place."""
    for zone in TABLE_ZONES:
        by_line = tokens_by_line(tokens, line_zones, (zone,))
        missing = _shortfall(tags, by_line, "B-title", "B-tx_date")
        for line, below in _next_lines(by_line):
            date, deemed = by_line[line], by_line[below]
            if (missing > 0 and len(date) == 1 and len(deemed) == 1 and tags[date[0]] == "B-tx_date"
                    and tags[deemed[0]] == "B-deemed_date"):
                tags[deemed[0]] = "B-tx_date"
                missing -= 1


def repair_codes_before_dates(tokens, tags, confidences, line_zones):
    """A code letter alone on its line (its marks beside it) that the CRF left ``O``, right
    above a transaction date it read (a blank line at most between), is that row's code
    where its table has fewer codes than dates (plain ``pdftotext`` may print a row's code
    cell before its date: ``C (1)`` / ``02/04/2013``). Tags fixed in place, with the
    date's confidence."""
    for zone in TABLE_ZONES:
        by_line = tokens_by_line(tokens, line_zones, (zone,))
        missing = _shortfall(tags, by_line, "B-tx_date", "B-code")
        for line, below in _next_lines(by_line):
            code, date = by_line[line], by_line[below]
            if (missing <= 0 or tags[code[0]] != "O" or not _lone_code(tokens, tags, code)
                    or len(date) != 1 or tags[date[0]] != "B-tx_date"):
                continue
            for i, tag in zip(code, ("B-code",) + ("B-fn_mark",) * (len(code) - 1)):
                if tags[i] == "O":
                    tags[i], confidences[i] = tag, confidences[date[0]]
            missing -= 1


def _lone_code(tokens, tags, run):
    """Whether a line's tokens are a code letter (untagged or read a code) and marks."""
    return tokens[run[0]].text in LINE_CODES and tags[run[0]] in ("O", "B-code") and _marks_only(tokens, run[1:])


LINE_CODES = frozenset(SEC_CODES) - {"V"}     # codes a line may hold alone: ``V`` is column 3's heading


def _marks_only(tokens, idx):
    """Whether the tokens ``idx`` are all footnote marks (or none)."""
    return all(MARK.match(tokens[i].text) for i in idx)


def repair_lone_codes(tokens, tags, confidences, line_zones):
    """A transaction code alone on its line that the CRF left ``O``, a few lines above an
    amount of shares, is a row's code where its table has fewer codes than titles
    (pdfminer prints a Table II row's right-hand cells first, opening with its code:
    ``A`` / ``24`` / ``Common Stock`` ... then ``Restricted Stock Units``, the code
    untagged), or above such a code that the CRF read, heading a column of them (Table
    I's ``A`` / ``F`` / ``60,421``). Tags fixed in place, with the amount's confidence."""
    for zone in TABLE_ZONES:
        by_line = tokens_by_line(tokens, line_zones, (zone,))
        missing = _shortfall(tags, by_line, "B-title", "B-code")
        for line, run in by_line.items():
            if missing <= 0:
                break
            i = run[0]
            if len(run) > 1 or tags[i] != "O" or tokens[i].text not in LONE_CODES:
                continue
            after, above = _value_after_codes(tokens, tags, i)
            if after is not None and tags[after] == "B-shares" and tokens[after].line - above <= MAX_LINES_TO_AMOUNT:
                tags[i], confidences[i] = "B-code", confidences[after]
                missing -= 1


def _value_after_codes(tokens, tags, i):
    """The first tagged token after token ``i`` past a column of codes the CRF read right
    below it, each alone on its line (pdfminer's ``A`` / ``F`` / ``60,421``: the CRF read
    the second row's code only), or None; and the line of the column's last code (of
    token ``i`` if none)."""
    above = tokens[i].line
    for j in range(i + 1, len(tokens)):
        if tags[j] == "B-code" and _alone(tokens, j) and tokens[j].line - above <= MAX_LINES_TO_AMOUNT:
            above = tokens[j].line
        elif tags[j] != "O":
            return j, above
    return None, above


def repair_codes_read_as_ad(tokens, tags, line_zones):
    """Of two like A/D letters the CRF read one after the other in Table I (marks and
    untagged words between), the first is the row's code where the table has fewer codes
    than dates and more A/D letters than amounts of shares: plain ``pdftotext`` may
    print a grant's code ``A`` after its amount, where the A/D letter stands (``11,250``
    / ``A`` / ... ``A`` / ``$ 0 58,812``). Codes ``A`` and ``D`` go with the A/D letter
    of their own letter, so which of the two is the code changes no value. So is an A/D
    letter read between a title and its date (``Common Stock`` / ``A (1)`` /
    ``05/08/2020``), where no A/D letter stands. Tags fixed in place."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = min(_shortfall(tags, by_line, "B-tx_date", "B-code"), _shortfall(tags, by_line, "B-ad", "B-shares"))
    for i in [i for run in by_line.values() for i in run if tags[i] == "B-ad"]:
        before, after = _tagged_before(tags, i), _tagged_after(tags, i)
        if (missing > 0 and before is not None and tags[before] in ("B-title", "I-title") and after is not None
                and tags[after] == "B-tx_date"):
            tags[i] = "B-code"
            missing -= 1
        elif (missing > 0 and before is not None and tags[before] == "B-ad" and tokens[before].text == tokens[i].text
                and line_zones[tokens[before].line] == "table1"):
            tags[before] = "B-code"
            missing -= 1


def _tagged_after(tags, i, passing=("O", "B-fn_mark")):
    """The first token after ``i`` with a tag, those ``passing`` (marks) aside, or None."""
    return next((j for j in range(i + 1, len(tags)) if tags[j] not in passing), None)


def repair_derivative_ad_letters(tokens, tags, line_zones):
    """A letter the CRF read as an A/D letter in Table II is the row's code where the
    table has fewer codes than titles: Table II prints no A/D letter (its amounts stand in
    an (A) or a (D) sub-column), and plain ``pdftotext`` may print a row's code after its
    amount (``24`` / ``A`` / ``(2)``), where Table I's A/D letter stands. (A ``D`` there is
    more often the D/I letter.) Tags fixed in place."""
    by_line = tokens_by_line(tokens, line_zones, ("table2",))
    missing = _shortfall(tags, by_line, "B-title", "B-code")
    for i in (i for run in by_line.values() for i in run):
        if missing > 0 and tags[i] == "B-ad" and tokens[i].text in LONE_CODES:
            tags[i] = "B-code"
            missing -= 1


def repair_letter_columns(tokens, tags, confidences, line_zones):
    """A ``D`` alone on its line that the CRF read as an A/D letter, right above a D/I
    letter it read alone on its line, is a D/I letter too where Table I has more A/D
    letters than amounts of shares: the column of the rows' D/I letters (plain
    ``pdftotext``: ``D`` / ``I`` / ``Profit sharing trust`` after the amounts owned).
    Tags fixed in place."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    extra = _shortfall(tags, by_line, "B-ad", "B-shares")
    for line, below in _next_lines(by_line):
        letter, next_letter = by_line[line], by_line[below]
        if (extra > 0 and len(letter) == 1 and len(next_letter) == 1 and tokens[letter[0]].text == "D"
                and tags[letter[0]] == "B-ad" and tags[next_letter[0]] == "B-di" and tokens[next_letter[0]].text == "I"):
            before = _tagged_before(tags, letter[0])
            if before is not None and tags[before] == "B-owned":
                tags[letter[0]] = "B-di"
                extra -= 1


def repair_letter_runs(tokens, tags, confidences, line_zones):
    """Lone ``D`` and ``I`` lines left ``O`` right below or above a lone D/I letter the CRF
    read, a block apart each, are rows' D/I letters where the table has fewer of them
    than titles (pdfminer prints a block's ownership column after its other cells: ``I``
    seven times, the CRF reading the first, or in Table II the last). Tags fixed in place,
    with the confidence of the letter read."""
    for zone in TABLE_ZONES:
        by_line = tokens_by_line(tokens, line_zones, (zone,))
        missing = _shortfall(tags, by_line, "B-title", "B-di")
        for line, below in _next_lines(by_line):
            for read, letter in ((by_line[line], by_line[below]), (by_line[below], by_line[line])):
                if (missing > 0 and len(read) == 1 and tags[read[0]] == "B-di" and len(letter) == 1
                        and tags[letter[0]] == "O" and tokens[letter[0]].text in ("D", "I")):
                    tags[letter[0]], confidences[letter[0]] = "B-di", confidences[read[0]]
                    missing -= 1


def repair_ownership_letter_columns(tokens, tags, confidences, line_zones):
    """Two or more lone ``D`` and ``I`` lines, one after another (a blank line or marks at
    most between), at least one of them ``I``, are the rows' D/I letters, whatever the CRF
    made of them, while Table I has fewer D/I letters than titles: pdfminer prints a
    block's ownership column after its other cells (``D`` / ``I`` / ``I`` / ``I`` below the
    amounts owned), which the CRF leaves untagged or reads as A/D letters. (An A/D column
    holds no ``I``.) Such a column in Table II's zone, all left ``O`` and one letter for
    each Table I row lacking one, is Table I's too: pdfminer prints Table I's ownership
    column after Table II's rows at times (assembly gives it to Table I's rows,
    ``_stray_ownership``). Tags fixed in place, with the confidence of the value read
    before."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = _shortfall(tags, by_line, "B-title", "B-di")
    for column in _lone_columns(tokens, by_line, lambda text: text in ("D", "I")):
        if any(tokens[i].text == "I" for i in column):
            missing = _read_column(tokens, tags, confidences, column, "B-di", missing)
    below = tokens_by_line(tokens, line_zones, ("table2",))
    for column in _lone_columns(tokens, below, lambda text: text in ("D", "I")):
        if len(column) == missing and all(tags[i] == "O" for i in column):
            missing = _read_column(tokens, tags, confidences, column, "B-di", missing)


def repair_code_columns(tokens, tags, confidences, line_zones):
    """Two or more lone transaction codes that read as no letter of another column (``S``,
    ``M``, ``F``, not ``A`` or ``D``), one after another (a blank line or marks at most
    between), are the rows' codes while Table I has fewer codes than titles: pdfminer
    prints a block's code column apart from its other cells (``S (1)`` nine times), which
    the CRF leaves untagged. Tags fixed in place, with the confidence of the value read
    before."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = _shortfall(tags, by_line, "B-title", "B-code")
    for column in _lone_columns(tokens, by_line, lambda text: text in COLUMN_CODES):
        missing = _read_column(tokens, tags, confidences, column, "B-code", missing)


COLUMN_CODES = LINE_CODES - frozenset("ADI")    # no A/D or D/I letter


def repair_ad_letter_columns(tokens, tags, confidences, line_zones):
    """Two or more lone ``A`` and ``D`` lines, one after another (a blank line or marks at
    most between), right below an amount of shares alone on its line, are the rows' A/D
    letters, whatever the CRF made of them, while Table I has fewer A/D letters than
    amounts of shares: pdfminer prints a block's amounts as a column, then their letters
    (``665`` / ``66`` / ``D`` / ``D``), which the CRF reads as D/I letters or leaves
    untagged. Tags fixed in place, with the confidence of the value read before."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = _shortfall(tags, by_line, "B-shares", "B-ad")
    for column in _lone_columns(tokens, by_line, lambda text: text in ("A", "D")):
        before = _tagged_before(tags, column[0])
        if before is not None and tags[before] == "B-shares" and _alone(tokens, before):
            missing = _read_column(tokens, tags, confidences, column, "B-ad", missing)


def _alone(tokens, i):
    """Whether token ``i`` stands alone on its line, its marks aside."""
    return all(k == i or MARK.match(tokens[k].text) for k in line_runs(tokens)[tokens[i].line])


def repair_column_dumps(tokens, tags, confidences, line_zones):
    """Table I blocks printed wholly a column at a time, read by their columns whatever
    the CRF made of them: pdfminer prints a page of a long table as its rows' titles and
    dates (``Common Stock`` / ``12/16/2021`` ten times), then ten codes, ten amounts with
    their A/D letters (or ten amounts, then ten letters), ten prices, ten amounts owned,
    ten D/I letters, and the CRF, lost among so many like lines, reads amounts as amounts
    owned and prices as amounts; a block of holdings alike (six titles, six amounts owned,
    six D/I letters, six natures), the CRF reading the last of each. A block is read
    only where every column holds as many values as the block has rows
    (``_dump_columns``); any other block is left as it is. Tags fixed in place, with the
    lowest confidence of the CRF's own tags in the table."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    lowest = min((confidences[i] for run in by_line.values() for i in run if confidences[i] is not None), default=0.5)
    for block in _dump_blocks(tokens, tags, by_line):
        for label, cells in (_dump_columns(block) or {}).items():
            for _, run, _ in cells:
                _tag_dump_cell(tokens, tags, confidences, run, label, lowest)


MIN_DUMP_ROWS = 2       # rows of a block read by its columns
MIN_LOOSE_DUMP_ROWS = 3     # fewer only where each column stands together, whole (plain pdftotext
                            # prints a two-row table's cells in a mix that counts alike)


def _dump_blocks(tokens, tags, by_line):
    """Table I's lines as cells [(shape, tokens, first value's text)], cut into blocks at
    each title that follows a cell of the table's right-hand part (the next page's rows),
    but where the cells so far end with the rows' opening cells (title, date, code,
    amount and A/D letter) and the titles that follow make a long block with them: a
    page that prints a transaction's opening cells, then its holdings' titles, then
    every row's amount owned and D/I letter (pdfminer)."""
    blocks = [[]]
    for run in by_line.values():
        shape = "dollar" if [tokens[i].text for i in run] == ["$"] else _cell_shape(tokens, tags, run)
        if shape == "title" and any(cell[0] not in ("title", "date", None) for cell in blocks[-1]):
            blocks.append([])
        parts = _row_line_cells(tokens, run) if shape is None else None
        for shape, run in parts or [(shape, run)]:
            blocks[-1].append((shape, run, next((tokens[i].text for i in run if not MARK.match(tokens[i].text)), "")))
    blocks = [[cell for cell in block if cell[0] is not None] for block in blocks]
    return [_dangling_prices(block) for block in _opening_blocks_joined(blocks)]


def _opening_blocks_joined(blocks):
    """The blocks with each run of them whose cells reach no further than their rows'
    opening cells joined to the block after it, where together they hold
    ``MIN_LOOSE_DUMP_ROWS`` titles or more."""
    groups = [[blocks[0]]]
    for block in blocks[1:]:
        if _right_hand_read([cell for part in groups[-1] for cell in part]):
            groups.append([block])
        else:
            groups[-1].append(block)
    joined = []
    for group in groups:
        whole = [cell for part in group for cell in part]
        long = sum(cell[0] == "title" for cell in whole) >= MIN_LOOSE_DUMP_ROWS
        joined += [whole] if long else group
    return joined


def _right_hand_read(block):
    """Whether a block's cells reach past its rows' opening cells: a price, an amount
    owned, or a letter after an amount."""
    shapes = [cell[0] for cell in block]
    if any(shape in ("amount", "price", "dollar") for shape in shapes):
        return True
    first = next((k for k, shape in enumerate(shapes) if shape == "amount_letter"), None)
    return first is not None and "letter" in shapes[first:]


def _dangling_prices(block):
    """The block with each ``$`` that ended a row's line (``61,197 D $``) or stood alone
    taken off and one of the next two amounts made its price: the one with decimals
    where one has them, else the first (pdfminer and plain ``pdftotext`` print that
    row's amount owned between them at times: ``$`` / ``4,780`` / ``12.64``)."""
    out = list(block)
    for k in reversed([k for k, cell in enumerate(block) if cell[0] == "dollar"]):
        after = [j for j in range(k + 1, min(k + 3, len(out))) if out[j][0] == "amount"]
        priced = [j for j in after if "." in out[j][2]]
        if after:
            j = priced[0] if len(priced) == 1 else after[0]
            out[j] = ("price",) + out[j][1:]
        del out[k]
    return out


def _row_line_cells(tokens, run):
    """A line holding one row's amount of shares, A/D letter, price and amount owned
    (pdfminer prints a row of a column dump whole now and then: ``122,362.866 D $ 506.69
    940,057.378``) as three cells [(shape, tokens)]: amount_letter, price, amount, each
    with the marks after it; one holding a price and amount owned alone (``$ 0 12,206``)
    as two: price, amount; one ending in the ``$`` of a price printed below
    (``61,197 D $``) as two: amount_letter, dollar (see ``_dangling_prices``); or None."""
    values = [i for i in run if not MARK.match(tokens[i].text)]
    texts = [tokens[i].text for i in values]
    if len(texts) == 3 and texts[0] == "$" and all(WHOLE_AMOUNT.match(t) and t[0] != "$" for t in texts[1:]):
        return [("price", range(run[0], values[2])), ("amount", range(values[2], run[-1] + 1))]
    if len(texts) == 3 and texts[1:] in (["A", "$"], ["D", "$"]) and WHOLE_AMOUNT.match(texts[0]):
        return [("amount_letter", range(run[0], values[2])), ("dollar", range(values[2], run[-1] + 1))]
    if texts[2:3] == ["$"]:
        texts, values = texts[:2] + texts[3:], values[:2] + values[3:]
    if not (len(texts) == 4 and texts[1] in ("A", "D")
            and all(WHOLE_AMOUNT.match(t) and t[0] != "$" for t in (texts[0], *texts[2:]))):
        return None
    starts = [values[0], values[2] - (tokens[values[2] - 1].text == "$"), values[3]]
    ends = starts[1:] + [run[-1] + 1]
    return [(shape, range(a, b)) for shape, a, b in zip(("amount_letter", "price", "amount"), starts, ends)]


def _cell_shape(tokens, tags, run):
    """The shape of a line that is one cell (its marks aside): title (words naming a
    security, or a title the CRF read whole), date, letter, amount, amount_letter
    (``9,999 D``) or price (``$ 12.50``); None for anything else."""
    texts = [tokens[i].text for i in run if not MARK.match(tokens[i].text)]
    if not texts:
        return None
    if texts[0] == "$" and len(texts) == 2 and WHOLE_AMOUNT.match(texts[1]):
        return "price"
    if len(texts) == 2 and WHOLE_AMOUNT.match(texts[0]) and texts[1] in ("A", "D"):
        return "amount_letter"
    if len(texts) == 1:
        text = texts[0]
        return ("date" if DATE.match(text) else "amount" if WHOLE_AMOUNT.match(text) and text[0] != "$"
                else "letter" if text in LINE_CODES else None)
    return "title" if _security_line(tokens, run, texts) or _read_title(tokens, tags, run) else None


def _security_line(tokens, run, texts):
    """Whether a line's words (``texts``, of the tokens ``run``) name a security, each a
    title's word."""
    return _names_security(texts) and _worded(tokens, run) and all(_title_like(t) for t in texts)


def _read_title(tokens, tags, run):
    """Whether a line is one title the CRF read whole, its marks aside."""
    return tags[run[0]] == "B-title" and all(tags[i] == "I-title" or MARK.match(tokens[i].text) for i in run[1:])


def _dump_columns(block):
    """{label: the block's cells of that column}, or None where the block is no column
    dump with as many values in every column as titles (the transactions' columns, as
    many as dates, none in a block of holdings; prices as many or fewer: holdings,
    printed last, have none; the D/I letters as many as titles, or none where the page
    prints them elsewhere). pdfminer prints the columns in no fixed order, so they are
    told apart by their cells (those from the first title on, titles and dates aside,
    wherever they stand among the titles): an amount with its A/D letter beside it or
    on the line below (or a column of amounts right before a column of as many A/D
    letters) is shares, the other amounts the amounts owned; of the letters left, the
    first are codes and the rest D/I letters. A block of two transactions whose
    right-hand cells are printed row by row is read by its rows there
    (``_read_by_rows``)."""
    titles = [c for c in block if c[0] == "title"]
    n, dates = len(titles), [c for c in block if c[0] == "date"]
    t = len(dates)      # the transactions; the rows after them are holdings
    if n < MIN_DUMP_ROWS or t > n:
        return None
    rest = [c for c in block[block.index(titles[0]):] if c[0] not in ("title", "date")]
    columns = _read_by_columns(block, titles, dates, rest)
    if columns is None and n == t < MIN_LOOSE_DUMP_ROWS:
        columns = _read_by_rows(titles, dates, rest)
    return columns


def _read_by_columns(block, titles, dates, rest):
    """``_dump_columns`` of a block whose right-hand cells (``rest``) are printed a
    column at a time too."""
    n, t = len(titles), len(dates)
    prices = [c for c in rest if c[0] == "price"]
    if len(prices) > t:
        return None
    shares, ad = _shares_and_letters(rest, t)
    if shares is None:
        return None
    taken = {id(c) for c in shares + ad}
    owned = [c for c in rest if c[0] == "amount" and id(c) not in taken]
    letters = [c for c in rest if c[0] == "letter" and id(c) not in taken]
    if len(owned) != n or len(letters) < t + n and len(letters) != t:
        return None
    # a page may print its D/I letters elsewhere, or a holding's below (of the next block)
    codes, di = letters[:t], letters[t:t + n]
    if any(_letter(c) not in ("D", "I") for c in di):
        return None
    columns = {"title": titles, "tx_date": dates, "code": codes, "shares": shares, "ad": ad, "price": prices,
               "owned": owned, "di": di}
    if n < MIN_LOOSE_DUMP_ROWS and (len(prices) < t or not all(
            _together(block, cells) for cells in (codes, shares + ad, prices, owned, di))):
        return None
    return columns


def _read_by_rows(titles, dates, rest):
    """``_dump_columns`` of a block of transactions whose right-hand cells (``rest``) are
    printed row by row (pdfminer: ``A`` / ``A`` / ``138,334`` / ``A`` / ``$ 0`` /
    ``138,334`` / ``55,045`` / ``A`` / ``1.09`` / ``193,379``): each row an amount of
    shares (its A/D letter beside it or on the line below), its price where printed, its
    amount owned; the letters before the first row's and after the last row's the codes,
    then the D/I letters. None where the cells run otherwise."""
    t = len(dates)
    lead = list(takewhile(lambda c: c[0] == "letter", rest))
    shares, ad, prices, owned, k = [], [], [], [], len(lead)
    shape = lambda j: rest[j][0] if j < len(rest) else None
    for _ in range(t):
        if shape(k) not in ("amount", "amount_letter"):
            return None
        shares.append(rest[k])
        k += 1
        if shape(k - 1) == "amount" and shape(k) == "letter" and _letter(rest[k]) in ("A", "D"):
            ad.append(rest[k])
            k += 1
        if shape(k) == "price":
            prices.append(rest[k])
            k += 1
        if shape(k) != "amount":
            return None
        owned.append(rest[k])
        k += 1
    letters = lead + rest[k:]
    codes, di = letters[:t], letters[t:]
    if (any(c[0] != "letter" for c in rest[k:]) or len(codes) < t or len(di) not in (0, t)
            or any(_letter(c) not in ("D", "I") for c in di)):
        return None
    return {"title": titles, "tx_date": dates, "code": codes, "shares": shares, "ad": ad, "price": prices,
            "owned": owned, "di": di}


def _together(block, cells):
    """Whether ``cells`` stand one after another in ``block``, nothing else between them."""
    ids = {id(c) for c in cells}
    places = [k for k, cell in enumerate(block) if id(cell) in ids]
    return not places or places[-1] - places[0] == len(places) - 1


def _shares_and_letters(cells, n):
    """The first ``n`` amounts of shares among ``cells`` in text order and their lone A/D
    letters, or (None, None): an amount with its letter beside it, or each of the last
    amounts of a run followed by a run of as many lone A/D letters or fewer (``7,100`` ...
    ``4,900`` / ``D`` ... ``D``; a run of amounts owned may end in a row's amount of shares
    whose letter follows)."""
    shares, ad, k = [], [], 0
    while k < len(cells) and len(shares) < n:
        if cells[k][0] == "amount_letter":
            shares.append(cells[k])
            k += 1
            continue
        end = k
        while end < len(cells) and cells[end][0] == "amount":
            end += 1
        # the letters after the run of amounts, no more than it has amounts
        letters = list(takewhile(lambda c: c[0] == "letter" and _letter(c) in ("A", "D"), cells[end:2 * end - k]))
        if letters:
            shares += cells[end - len(letters):end]
            ad += letters
        k = max(end + len(letters), k + 1)
    return (shares, ad) if len(shares) == n else (None, None)


def _letter(cell):
    return cell[2]


def _tag_dump_cell(tokens, tags, confidences, run, label, confidence):
    """Tag a cell's line: its value ``label`` (an amount's A/D letter ``ad``), its marks
    marks; a ``$`` stays as it is."""
    value = [i for i in run if not MARK.match(tokens[i].text) and tokens[i].text != "$"]
    for n, i in enumerate(value):
        tag = "B-ad" if label == "shares" and n == 1 else ("I-" if n else "B-") + label
        tags[i], confidences[i] = tag, confidence
    for i in run:
        if MARK.match(tokens[i].text):
            tags[i], confidences[i] = "B-fn_mark", confidence


def _lone_columns(tokens, by_line, fits):
    """Runs of two or more lines each a lone value that ``fits`` (its marks beside it),
    one after another (a blank line or lines of marks at most between), as lists of the
    values' token indices."""
    columns, column, last = [], [], None
    for line, run in by_line.items():
        if column and line - last > MAX_CELL_LINE_GAP:
            columns, column = columns + [column], []
        if fits(tokens[run[0]].text) and _marks_only(tokens, run[1:]):
            column.append(run[0])
        elif not _marks_only(tokens, run):
            columns, column = columns + [column], []
        last = line
    return [column for column in columns + [column] if len(column) > 1]


def _read_column(tokens, tags, confidences, column, tag, missing):
    """Tag ``column`` (lone values' token indices) ``tag``, at most ``missing`` of them,
    and the marks beside them; the values still missing after."""
    before = _tagged_before(tags, column[0], passing=("O", "B-fn_mark", "B-ad", "B-di", "B-code"))
    confidence = next((confidences[i] for i in column if tags[i] == tag),
                      confidences[before] if before is not None else None)
    for i in column:
        if missing > 0 and tags[i] != tag and confidence is not None:
            tags[i], confidences[i] = tag, confidence
            missing -= 1
            for k in range(i + 1, len(tokens)):
                if tokens[k].line != tokens[i].line or tags[k] != "O":
                    break
                tags[k], confidences[k] = "B-fn_mark", confidence     # its marks beside it
    return missing


def repair_amounts_before_letters(tokens, tags, confidences, line_zones):
    """An amount the CRF left ``O`` right before an A/D letter it read, nothing read before
    them on their Table I line (``24,773 A``), is a row's amount of shares where the table
    has fewer amounts than A/D letters (pdfminer prints a block's amounts after its titles,
    dates and codes, the CRF reading the first; pdfplumber may lose a row's title and date,
    its line opening with its code: ``A (1) 20,386 A $ 0``, the code and marks read too).
    Tags fixed in place, with the letter's confidence."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = _shortfall(tags, by_line, "B-ad", "B-shares")
    for run in by_line.values():
        for k, (amount, letter) in enumerate(zip(run, run[1:])):
            if (missing > 0 and tags[amount] == "O" and WHOLE_AMOUNT.match(tokens[amount].text)
                    and tags[letter] == "B-ad" and tokens[letter].text in ("A", "D") and untagged(tags, run[:k])):
                tags[amount], confidences[amount] = "B-shares", confidences[letter]
                missing -= 1
                _read_line_code(tokens, tags, confidences, run[:k], confidences[letter])


def repair_untitled_derivative_lines(tokens, tags, confidences, line_zones):
    """A Table II line opening with a code letter and an amount the CRF left ``O`` (their
    marks after them) before the underlying title it read is a row's code and amount where
    the table has fewer amounts than underlying titles (pdfplumber may lose a row's title
    and date: ``A 187.361 (2) (2) Common Stock 187.361``). Tags fixed in place, with the
    underlying title's confidence."""
    by_line = tokens_by_line(tokens, line_zones, ("table2",))
    missing = _shortfall(tags, by_line, "B-und_title", "B-shares")
    for run in by_line.values():
        title = next((k for k, i in enumerate(run) if tags[i] != "O"), None)
        if missing <= 0 or title is None or title < 2 or tags[run[title]] != "B-und_title":
            continue
        code, amount, marks = run[0], run[1], run[2:title]
        if WHOLE_AMOUNT.match(tokens[amount].text) and _marks_only(tokens, marks):
            _read_line_code(tokens, tags, confidences, [code, *marks], confidences[run[title]])
            if tags[code] == "B-code":
                tags[amount], confidences[amount] = "B-shares", confidences[run[title]]
                missing -= 1


def _read_line_code(tokens, tags, confidences, opening, confidence):
    """A code letter opening a row's line, its marks after it, all left ``O`` before the
    row's amount: the row's code and marks (pdfplumber, the row's title and date lost:
    ``A (1) 20,386 A $ 0``)."""
    if opening and tokens[opening[0]].text in LINE_CODES and _marks_only(tokens, opening[1:]):
        for k, i in enumerate(opening):
            tags[i], confidences[i] = "B-code" if k == 0 else "B-fn_mark", confidence


def repair_shares_columns(tokens, tags, confidences, line_zones):
    """A Table II amount alone on its line that the CRF left ``O``, right below an amount it
    read as shares alone on its line (the marks of either on their own lines between), is the
    next row's amount of shares where its table has fewer amounts than codes (plain
    ``pdftotext`` prints the amounts of a Table II block's rows as a column after their
    titles, dates and codes: ``61.569`` / ``(2)`` / ``95.425`` / ``(2)``, the CRF reading
    the first); so are its marks, beside it or on the line right below. In Table I an
    amount below shares is as often the row's amount owned.
    Tags fixed in place, with the first amount's confidence."""
    by_line = tokens_by_line(tokens, line_zones, ("table2",))
    missing = _shortfall(tags, by_line, "B-code", "B-shares")
    amounts = [line for line, run in by_line.items()
               if WHOLE_AMOUNT.match(tokens[run[0]].text) and _marks_only(tokens, run[1:])]
    for above, line in zip(amounts, amounts[1:]):
        first, run = by_line[above][0], by_line[line]
        if (missing > 0 and tags[first] == "B-shares" and tags[run[0]] == "O" and line - above <= 2 * MAX_CELL_LINE_GAP
                and all(_marks_only(tokens, by_line.get(k, ())) for k in range(above + 1, line))):
            tags[run[0]], confidences[run[0]] = "B-shares", confidences[first]
            below = by_line.get(line + 1, ())
            for i in [*run[1:], *(below if _marks_only(tokens, below) else ())]:
                if tags[i] == "O":
                    tags[i], confidences[i] = "B-fn_mark", confidences[first]
            missing -= 1


def repair_amount_columns(tokens, tags, confidences, line_zones):
    """Two or more amounts alone on their lines (their marks beside them or on lines of
    their own between) right below Table I's ``Amount`` sub-heading alone on its line, or
    right below a code the CRF read alone on its line, are rows' amounts of shares while
    the table has fewer amounts of shares than codes: plain ``pdftotext`` prints column
    4's amounts of a block of rows as a column after the rows' titles, dates and codes
    (``A`` / ``3,910`` / ``(2)`` / ``2,970`` / ``(3)``), under the sub-heading where it
    prints it, and the CRF reads all but the first as amounts owned or leaves them
    untagged. A lone amount stays as the CRF read it. Tags fixed in place; one the CRF
    left untagged takes the confidence of the first it read, else the code's."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = _shortfall(tags, by_line, "B-code", "B-shares")
    lines = list(by_line)
    for n, line in enumerate(lines):
        run = by_line[line]
        heading = len(run) == 1 and tokens[run[0]].text == "Amount"
        if missing <= 0 or not (heading or tags[run[0]] == "B-code" and _lone_code(tokens, tags, run)):
            continue
        below = takewhile(lambda k: _marks_only(tokens, by_line[k]) or (
            WHOLE_AMOUNT.match(tokens[by_line[k][0]].text) and _marks_only(tokens, by_line[k][1:])), lines[n + 1:])
        amounts = [by_line[k][0] for k in below if not _marks_only(tokens, by_line[k])]
        read = [confidences[i] for i in [*amounts, run[0]] if confidences[i] is not None]
        if len(amounts) < 2 or not read:
            continue
        for i in amounts:
            if missing > 0 and tags[i] != "B-shares":
                tags[i], confidences[i] = "B-shares", confidences[i] if confidences[i] is not None else read[0]
                missing -= 1


def repair_single_row_cells(tokens, tags, confidences, line_zones):
    """A Table I of one row, printed a cell a line (plain ``pdftotext``), whose date, code
    or amount the CRF left untagged on lines of their own between the title and the
    amount owned (``Common Stock`` / ``A(1)`` / ``09/30/2025`` / ``110.9596 A`` / ``$`` /
    ``13,549.3132``): with one row there is no row to mistake, so a lone date is its
    transaction date, a lone code letter (its mark glued on) its code, and an amount with
    an A/D letter its amount and A/D, each where the table has none tagged, and the row
    has a price (a holding has no date, code or amount; column 3's lone heading ``V`` is no
    code). Tags fixed in place, with the title's confidence."""
    runs = tokens_by_line(tokens, line_zones, ("table1",))
    zone = [i for run in runs.values() for i in run]
    titles = [i for i in zone if tags[i] == "B-title"]
    owned = [i for i in zone if tags[i] == "B-owned"]
    found = {tags[i][2:] for i in zone}
    if (len(titles) != 1 or len(owned) != 1 or tokens[owned[0]].line < tokens[titles[0]].line
            or "price" not in found):     # no price: a holding, with no date, code or amount
        return
    conf = confidences[titles[0]]
    for line, run in runs.items():
        if not tokens[titles[0]].line < line < tokens[owned[0]].line or not untagged(tags, run):
            continue
        texts = [tokens[i].text for i in run]
        if len(run) == 1 and DATE.match(texts[0]) and "tx_date" not in found:
            cells = {run[0]: "B-tx_date"}
        elif (texts[0] in SEC_CODES and texts[0] != "V" and (len(run) == 1 or len(run) == 2 and MARK.match(texts[1]))
              and "code" not in found and "shares" not in found):
            cells = {run[0]: "B-code", **({run[1]: "B-fn_mark"} if len(run) == 2 else {})}
        elif len(run) == 2 and WHOLE_AMOUNT.match(texts[0]) and texts[1] in ("A", "D") and "shares" not in found:
            cells = {run[0]: "B-shares", run[1]: "B-ad"}
        else:
            continue
        for i, tag in cells.items():
            tags[i], confidences[i] = tag, conf
            found.add(tag[2:])


def repair_amounts_after_codes(tokens, tags, confidences, line_zones):
    """A line of an amount and an A/D letter alone (``178.328 A``) a few lines below a
    row's code, with no amount read since, whose amount the CRF left ``O`` (or read
    right), is that row's amount and its A/D, whatever the CRF made of the letter (plain
    ``pdftotext`` prints column 4 a row at a time after the code, in a long table the
    letter often on a line of its own: ``84,051`` / ``D``, read as the D/I letter before
    the next title); so is a Table II amount alone there (its A/D is the sub-column,
    which one cell a line does not show: scraped HTML's ``J`` / ``(6)`` / ``1``). Tags
    fixed in place, with the code's confidence."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for line, run in by_line.items():
        run = list(run)
        if len(run) == 1 and line_zones[line] == "table1":
            run += _letter_below(tokens, by_line, line)
        with_letter = len(run) == 2 and tokens[run[1]].text in ("A", "D") and tags[run[1]] in LETTER_TAGS
        alone = len(run) == 1 and line_zones[line] == "table2"
        read = tags[run[0]] == "O" or with_letter and tags[run[0]] == "B-shares"
        if not ((with_letter or alone) and WHOLE_AMOUNT.match(tokens[run[0]].text) and read):
            continue
        before = _tagged_before(tags, run[0])
        if before is not None and tags[before] == "B-code" and line - tokens[before].line <= MAX_LINES_TO_AMOUNT:
            for i, tag in zip(run, ("B-shares", "B-ad")):
                tags[i], confidences[i] = tag, confidences[before]


LETTER_TAGS = ("O", "B-ad", "B-di")     # the tags an amount's A/D letter may have been given


def _letter_below(tokens, by_line, line):
    """The A/D letter alone on the next line with text below ``line``, a blank line at most
    between (plain ``pdftotext``: ``84,051`` / ``D``), as a list of its index, or []."""
    below = next((k for k in range(line + 1, line + 3) if k in by_line), None)
    run = by_line.get(below, ())
    return [run[0]] if len(run) == 1 and tokens[run[0]].text in ("A", "D") else []


AMOUNT_REACH = 2    # lines from its row's line a Table II amount may stand


def repair_amounts_above_rows(tokens, tags, confidences, line_zones):
    """A Table II row's amount (column 5) that ``pdftotext -layout`` printed a line or two
    off its row's line and the CRF left ``O``, or read as an amount owned where the row
    has another, is the row's amount where it is the very number of the row's
    underlying amount, left of it, and the row has no amount read (a grant of 1.372
    units of 1.372 shares: ``Restricted ... 1.372`` above ``Stock ... 1.372 $0 830.129
    D``; a conversion of 5,406 shares: ``Common 5,406`` above ``... 5,406 $0 0 I``). Tags
    fixed in place, with the underlying amount's confidence."""
    by_line = tokens_by_line(tokens, line_zones, ("table2",))
    for line, run in by_line.items():
        for u in (i for i in run if tags[i] == "B-und_shares"):
            near = [i for k in range(line - AMOUNT_REACH, line + AMOUNT_REACH + 1) for i in by_line.get(k, ())]
            if any(tags[i] == "B-shares" for i in near):
                continue
            owned = sum(tags[i] == "B-owned" for i in near)
            same = [i for i in near if (tags[i] == "O" or tags[i] == "B-owned" and owned > 1)
                    and tokens[i].text == tokens[u].text and tokens[i].col < tokens[u].col]
            if len(same) == 1:
                tags[same[0]], confidences[same[0]] = "B-shares", confidences[u]


MONTH = re.compile(r"^(?:jan|feb|mar|apr|may|june?|july?|aug|sept?|oct|nov|dec)\.?$", re.I)
DAY = re.compile(r"^\d{1,2}$")
DATE_PARTS = (re.compile(r"^\.$"), DAY, re.compile(r"^,$"))     # after the month: Sept . 2 ,
MAX_YEAR_LINES = 2      # lines below its month a wrapped date's year may stand


def repair_month_dates(tokens, tags, confidences, line_zones):
    """A table date written with its month's name (``Sept. 2, 2025``, the year often
    wrapped onto the next line in its column: EDGAR ASCII's narrow date column) that the
    CRF left ``O`` is a row's date: before the row's code, its transaction date (or the
    deemed date after one); after its amount (a holding's: its exercise price), the date
    exercisable or the expiration date as the column heading over it says (an empty date
    exercisable cell leaves the order no guide). Tags fixed in place, with a neighbour's
    confidence."""
    for i, tok in enumerate(tokens):
        if tags[i] != "O" or not MONTH.match(tok.text) or line_zones[tok.line] not in TABLE_ZONES:
            continue
        date = _month_date(tokens, tags, i)
        label, near = _date_column(tokens, tags, i, date) if date else (None, None)
        if label:
            for k, j in enumerate(date):
                tags[j], confidences[j] = ("B-" if k == 0 else "I-") + label, confidences[near]


def _month_date(tokens, tags, i):
    """The untagged tokens of the date whose month is token ``i``: month, day, year (on
    its line or in its column below); None without a day and a year."""
    date = [i]
    for part in DATE_PARTS:
        j = date[-1] + 1
        if j < len(tokens) and tokens[j].line == tokens[i].line and tags[j] == "O" and part.match(tokens[j].text):
            date.append(j)
    if not any(DAY.match(tokens[j].text) for j in date):
        return None
    runs = line_runs(tokens)
    after = [j for k in range(tokens[i].line, tokens[i].line + MAX_YEAR_LINES + 1) for j in runs.get(k, ())
             if j > date[-1]]
    year = next((j for j in after if tags[j] == "O" and YEAR.match(tokens[j].text) and (
        tokens[j].line == tokens[i].line and j == date[-1] + 1
        or tokens[j].line > tokens[i].line and abs(tokens[j].col - tokens[i].col) <= WRAP_COLUMN_SLACK)), None)
    return date + [year] if year is not None else None


def _date_column(tokens, tags, i, date):
    """(label, index of the tagged neighbour that shows it) for a date on a table line,
    or (None, None)."""
    line = tokens[i].line
    run = line_runs(tokens)[line]
    labels_before = {tags[j][2:] for j in run if j < i}
    last = max(j for j in date if tokens[j].line == line)
    after = [j for j in run if j > last and tags[j] != "O"]
    if after and tags[after[0]][2:] in ("deemed_date", "code", "v"):
        return ("deemed_date" if "tx_date" in labels_before else "tx_date"), after[0]
    if labels_before & {"shares", "ad", "ex_price"} and not labels_before & {"und_title", "und_shares"}:
        heading = _date_heading(tokens, i)
        near = next((j for j in range(i - 1, -1, -1) if tags[j] != "O"), None)
        if heading and near is not None:
            return heading, near
    return None, None


DATE_HEADINGS = {"exercisable": "ex_date", "expiration": "exp_date"}
MAX_HEADING_LINES = 15


def _date_heading(tokens, i):
    """Which of Table II's dates a date after the row's amount is, by the column heading
    standing over it (fixed-width ASCII: ``Exercisable`` or ``Expiration``), or None."""
    for j in range(i - 1, -1, -1):
        if tokens[j].line < tokens[i].line - MAX_HEADING_LINES:
            return None
        label = DATE_HEADINGS.get(tokens[j].text.lower())
        if label and abs(tokens[j].col - tokens[i].col) <= WRAP_COLUMN_SLACK:
            return label
    return None


MAX_LINES_AFTER_OWNED = 3


def repair_lone_ownership_letters(tokens, tags, confidences, line_zones):
    """Plain pdftotext prints a table one cell a line, and a row's D/I letter stands
    alone on its line, where the CRF, given one letter and no neighbours, leaves it
    untagged (and the zone CRF may put it with the next zone: Table II's right columns
    come after the owners and signature blocks). A lone ``D`` or ``I`` left ``O``, next
    after an amount owned tagged on a table line at most three lines above, is that
    row's D/I letter, and its line joins the amount's zone."""
    for i in [i for i, tok in enumerate(tokens) if tok.text in OWNERSHIP_LETTERS]:
        tok = tokens[i]
        alone = ((i == 0 or tokens[i - 1].line != tok.line)
                 and (i + 1 == len(tokens) or tokens[i + 1].line != tok.line))
        if not alone or tags[i] != "O":
            continue
        last = next((j for j in range(i - 1, -1, -1) if tags[j] != "O"), None)
        if (last is not None and tags[last].endswith("-owned")
                and tok.line - tokens[last].line <= MAX_LINES_AFTER_OWNED
                and line_zones[tokens[last].line] in TABLE_ZONES):
            tags[i] = "B-di"
            confidences[i] = confidences[last]
            line_zones[tok.line] = line_zones[tokens[last].line]


def repair_holding_amounts(tokens, tags, confidences, line_zones):
    """A Table I line opening with a title the CRF read and holding one amount and no
    date, the amount left ``O``, is a holding's: the amount is its amount owned (OCR:
    ``Common Stock 15,905 | Living``). A year is no amount (ASCII wraps a date's year onto
    the title's next line). So is one the CRF read as the row's shares, followed by the
    row's D/I letter, in a row with no code, A/D letter or price (``Class A Common Stock;
    ; ; ; ; ; ; ; 6,311; D;``): a transaction has them. Tags fixed in place, with the
    title's confidence."""
    for run in tokens_by_line(tokens, line_zones, ("table1",)).values():
        if tags[run[0]] != "B-title":
            continue
        rest = [i for i in run if tags[i][2:] != "title"]
        amounts = [i for i in rest if WHOLE_AMOUNT.match(tokens[i].text) and not YEAR.match(tokens[i].text)]
        if len(amounts) != 1 or any(DATE.match(tokens[i].text) for i in rest):
            continue
        others = [tags[i][2:] for i in rest if i != amounts[0]]
        untagged_amount = tags[amounts[0]] == "O" and not {"tx_date", "shares", "owned", "price"} & set(others)
        holding_read_as_shares = (tags[amounts[0]] == "B-shares" and "di" in others
                                  and not {"tx_date", "code", "ad", "price", "owned"} & set(others))
        if untagged_amount or holding_read_as_shares:
            tags[amounts[0]], confidences[amounts[0]] = "B-owned", confidences[run[0]]


def repair_owned_before_letters(tokens, tags, confidences, line_zones):
    """An amount alone on its line (its marks beside it) that the CRF left ``O``, with an
    ``I`` the CRF read alone on the next line with text, is that row's amount owned where
    Table I has fewer amounts owned than D/I letters (plain ``pdftotext``: a holding's
    ``258 (2)`` / ``I`` / ``Alynne Starks ...`` after a transaction's cells; above a ``D``
    it may be an amount of shares and its A/D letter). Tags fixed in place, with the
    letter's confidence."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = _shortfall(tags, by_line, "B-di", "B-owned")
    for line, below in _next_lines(by_line):
        run, letter = by_line[line], by_line[below]
        if (missing <= 0 or tags[run[0]] != "O" or not WHOLE_AMOUNT.match(tokens[run[0]].text)
                or not _marks_only(tokens, run[1:]) or len(letter) != 1 or tags[letter[0]] != "B-di" or tokens[letter[0]].text != "I"):
            continue
        tags[run[0]], confidences[run[0]] = "B-owned", confidences[letter[0]]
        for i in run[1:]:
            if tags[i] == "O":
                tags[i], confidences[i] = "B-fn_mark", confidences[letter[0]]
        missing -= 1


def repair_owned_letter_runs(tokens, tags, confidences, line_zones):
    """Lines left ``O`` that go on, a block apart each, from an amount owned and its D/I
    letter the CRF read alone on two lines, an amount alone then a letter alone, are the
    next rows' amounts owned and letters while Table I has fewer amounts owned than
    titles (plain ``pdftotext`` of a long table prints a page's amounts owned and their
    letters as one column after the rows' left-hand cells: ``167,404,538`` / ``I`` /
    ``167,403,742`` / ``I`` ..., the CRF reading the first pair; a line of marks alone
    between pairs goes on the run). A run of such pairs the CRF read none of is read too
    where it is a column (``MIN_COLUMN_LINES`` pairs or more). Tags fixed in place, with
    the confidence of the pair read (the least of the table's amounts owned)."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = _shortfall(tags, by_line, "B-title", "B-owned")
    below = dict(_next_lines(by_line))
    for line in list(below):
        if missing > 0 and _owned_pair(tokens, tags, by_line, line, below, read=True):
            start = _past_mark_lines(tokens, by_line, below, below.get(below[line]))
            missing -= _read_owned_pairs(tokens, tags, confidences, by_line, below, start, missing,
                                         confidences[by_line[line][0]])
    read = [confidences[i] for run in by_line.values() for i in run if tags[i] == "B-owned"]
    for line in list(below):
        if missing > 0 and read and _unread_owned_run(tokens, tags, by_line, below, line):
            missing -= _read_owned_pairs(tokens, tags, confidences, by_line, below, line, missing, min(read))


def _unread_owned_run(tokens, tags, by_line, below, line):
    """Whether ``MIN_COLUMN_LINES`` pairs left ``O`` open at ``line``, one a block apart
    from the next: a page's column of amounts owned the CRF read none of."""
    for _ in range(MIN_COLUMN_LINES):
        if line not in below or not _owned_pair(tokens, tags, by_line, line, below, read=False):
            return False
        line = below.get(below[line])
    return True


def _read_owned_pairs(tokens, tags, confidences, by_line, below, line, most, conf):
    """Read the pairs left ``O`` from ``line`` on, at most ``most``, as amounts owned and
    their letters with confidence ``conf``; how many."""
    done = 0
    while done < most and line in below and _owned_pair(tokens, tags, by_line, line, below, read=False):
        amount, letter = by_line[line][0], by_line[below[line]][0]
        tags[amount], tags[letter] = "B-owned", "B-di"
        confidences[amount] = confidences[letter] = conf
        for i in by_line[line][1:]:
            tags[i], confidences[i] = "B-fn_mark", conf
        done += 1
        line = _past_mark_lines(tokens, by_line, below, below.get(below[line]))
    return done


def _past_mark_lines(tokens, by_line, below, line):
    """The first line from ``line`` on that holds more than footnote marks: a mark of the
    price column printed in the column of amounts owned (``(12)`` / ``168,160,765`` /
    ``I``) does not end it."""
    while line in below and _marks_only(tokens, by_line[line]):
        line = below[line]
    return line


def _owned_pair(tokens, tags, by_line, line, below, read):
    """Whether ``line`` holds an amount alone (its marks beside it) and the line ``below``
    it a D/I letter alone, read as an amount owned and its letter (``read``) or left
    ``O``."""
    amount_run, letter_run = by_line[line], by_line[below[line]]
    amount, letter = amount_run[0], letter_run[0]
    if read:
        ok = tags[amount] == "B-owned" and tags[letter] == "B-di"
    else:
        ok = all(tags[i] == "O" for i in (*amount_run, letter))
    return (ok and WHOLE_AMOUNT.match(tokens[amount].text) is not None and _marks_only(tokens, amount_run[1:])
            and len(letter_run) == 1 and tokens[letter].text in ("D", "I"))


def repair_amounts_read_after_amounts(tokens, tags, line_zones):
    """A whole number alone on its line read as a price or an amount owned, with no ``$``
    on the line above, right below a transaction's amount (its marks between), is the
    next row's amount where Table I has fewer amounts than titles and more of the
    number's reading: plain ``pdftotext`` prints a short table's amounts as a column
    (``1,338`` / ``(1)`` / ``862`` / ``(2)``), the prices and amounts owned later.
    Tags fixed in place."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = _shortfall(tags, by_line, "B-title", "B-shares")
    extra = {label: _shortfall(tags, by_line, label, "B-title") for label in ("B-price", "B-owned")}
    lines = list(by_line)
    for k, line in enumerate(lines[1:], 1):
        if missing <= 0:
            break
        run = [i for i in by_line[line] if not MARK.match(tokens[i].text)]
        above = [i for prev in lines[max(k - 3, 0):k] for i in by_line[prev] if not MARK.match(tokens[i].text)]
        if (len(run) == 1 and extra.get(tags[run[0]], 0) > 0 and WHOLE_NUMBER.match(tokens[run[0]].text)
                and above and tags[above[-1]] == "B-shares"
                and not any(tokens[i].text == "$" for i in by_line[lines[k - 1]])):
            extra[tags[run[0]]] -= 1
            tags[run[0]] = "B-shares"
            missing -= 1


WHOLE_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})*$")


def repair_amount_lines_before_dollars(tokens, tags, line_zones):
    """A line of an amount and an ``A``/``D`` letter read as an amount owned and its D/I
    letter, right above a ``$`` alone on its line, is a transaction's amount and its A/D
    letter where Table I has fewer amounts than titles and more amounts owned: plain
    ``pdftotext`` prints each row's right-hand cells as ``4,780 D`` / ``$`` / ``0`` /
    ``12.68``, the amount owned and the price after the dollar sign. Tags fixed in place."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = min(_shortfall(tags, by_line, "B-title", "B-shares"), _shortfall(tags, by_line, "B-owned", "B-title"))
    lines = list(by_line)
    for line, below in zip(lines, lines[1:]):
        if missing <= 0:
            break
        run = by_line[line]
        if ([tags[i] for i in run] == ["B-owned", "B-di"] and tokens[run[1]].text in ("A", "D")
                and _lone_dollar(tokens, by_line[below]) and below - line <= MAX_CELL_LINE_GAP):
            tags[run[0]], tags[run[1]] = "B-shares", "B-ad"
            missing -= 1


def repair_amounts_read_as_owned(tokens, tags, line_zones):
    """Of two amounts owned, each with its letter, in one Table I transaction row that
    has no amount (its cells from one title to the next), the first and its letter are
    the row's amount and A/D letter, where Table I has fewer amounts than titles and
    more amounts owned: plain ``pdftotext`` prints a one-row table's right-hand cells a
    cell a line (``25,000`` / ``D`` / ``$ 0`` / ``1,538,220`` / ``D``). Tags fixed in
    place."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = min(_shortfall(tags, by_line, "B-title", "B-shares"), _shortfall(tags, by_line, "B-owned", "B-title"))
    if missing <= 0:
        return
    cells = [i for run in by_line.values() for i in run if tags[i] not in ("O", "B-fn_mark")]
    for row in _title_runs(cells, tags):
        labels = [tags[i] for i in row]
        pairs = [(i, j) for i, j in zip(row, row[1:]) if (tags[i], tags[j]) == ("B-owned", "B-di")]
        if (missing > 0 and labels.count("B-owned") == len(pairs) == 2 and "B-shares" not in labels
                and {"B-tx_date", "B-code"} & set(labels) and tokens[pairs[0][1]].text in ("A", "D")):
            (amount, letter), _ = pairs
            tags[amount], tags[letter] = "B-shares", "B-ad"
            missing -= 1


def _title_runs(cells, tags):
    """The cells cut before each title's first token."""
    runs = [[]]
    for i in cells:
        if tags[i] == "B-title":
            runs.append([])
        runs[-1].append(i)
    return runs


def repair_repeated_title_lines(tokens, tags, confidences, line_zones):
    """Lines left ``O`` whole, one right after another, whose words (their marks aside,
    read as marks) are those of a title Table I reads elsewhere, are a further row's
    title where Table I has fewer titles than D/I letters, the line above not left
    ``O``: pdfminer prints a short table's titles as a column (``Common shares without
    par`` / ``value``, a date, the same title again), the CRF reading the first. Tags
    fixed in place, with the confidence of the title read."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = _shortfall(tags, by_line, "B-di", "B-title")
    if missing <= 0:
        return
    titles = _titles_read(tokens, tags, by_line)
    lines = list(by_line)
    for k, line in enumerate(lines):
        if missing <= 0:
            break
        if k and all(tags[i] == "O" for i in by_line[lines[k - 1]]):
            continue
        run = []
        for below in lines[k:k + MAX_TITLE_LINES]:
            if any(tags[i] != "O" for i in by_line[below]) or run and below - tokens[run[-1]].line > MAX_CELL_LINE_GAP:
                break
            run += by_line[below]
            words = [i for i in run if not MARK.match(tokens[i].text)]
            read = titles.get(tuple(tokens[i].text for i in words))
            if read is not None:
                for i in run:
                    label = "B-fn_mark" if i not in words else ("I-" if i != words[0] else "B-") + "title"
                    tags[i], confidences[i] = label, confidences[read]
                missing -= 1
                break


def repair_untagged_holding_lines(tokens, tags, confidences, line_zones):
    """Three lines left ``O`` whole, a blank line at most apart: an amount alone, words
    that are a title Table I reads elsewhere, a D/I letter alone, are a holding's amount
    owned, title and letter: plain ``pdftotext`` prints a holdings list's row amount
    first (``171`` / ``Class A Common Stock`` / ``I``), which the CRF leaves. Tags fixed
    in place, with the confidence of the title read."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    titles = _titles_read(tokens, tags, by_line)
    lines = list(by_line)
    for amount, title, letter in zip(lines, lines[1:], lines[2:]):
        runs = [by_line[amount], by_line[title], by_line[letter]]
        if (letter - amount > 2 * MAX_CELL_LINE_GAP or any(tags[i] != "O" for run in runs for i in run)
                or len(runs[0]) != 1 or not WHOLE_AMOUNT.match(tokens[runs[0][0]].text)
                or len(runs[2]) != 1 or tokens[runs[2][0]].text not in ("D", "I")):
            continue
        read = titles.get(tuple(tokens[i].text for i in runs[1]))
        if read is None:
            continue
        tags[runs[0][0]], tags[runs[2][0]] = "B-owned", "B-di"
        for k, i in enumerate(runs[1]):
            tags[i] = "I-title" if k else "B-title"
        for i in (i for run in runs for i in run):
            confidences[i] = confidences[read]


def _titles_read(tokens, tags, by_line):
    """{the words of a title read on the lines: its first token}, for titles of two words
    or more."""
    titles = []
    for i in (i for run in by_line.values() for i in run):
        if tags[i] == "B-title":
            titles.append([i])
        elif tags[i] == "I-title" and titles:
            titles[-1].append(i)
    return {tuple(tokens[i].text for i in title): title[0] for title in titles if len(title) >= 2}


def repair_letters_before_prices(tokens, tags, line_zones):
    """An ``A`` or ``D`` alone on its line read as a transaction code, right above a line
    opening with the ``$`` of a price and right below a row's D/I letter, is the next
    row's A/D letter: plain ``pdftotext`` prints rows' right-hand cells before their
    titles (``A`` / ``$ 0 24,108`` / ``D`` / ``A`` / ``$ 0 25,546`` / ``D``), and a code
    never stands between a row's letter and the next price. Tags fixed in place."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    lines = list(by_line)
    for above, line, below in zip(lines, lines[1:], lines[2:]):
        letter, after, before = by_line[line], by_line[below], by_line[above]
        if (len(letter) == 1 and tags[letter[0]] == "B-code" and tokens[letter[0]].text in ("A", "D")
                and tokens[after[0]].text == "$" and tags[before[-1]] == "B-di"
                and below - line <= MAX_CELL_LINE_GAP and line - above <= MAX_CELL_LINE_GAP):
            tags[letter[0]] = "B-ad"


def repair_dollar_pairs(tokens, tags, line_zones):
    """Two numbers a line each below a ``$`` alone on a Table I line are a row's price and
    amount owned (plain ``pdftotext``: ``$`` / ``36,713.7651`` / ``102.368``): where the CRF
    read both alike, each takes its reading from its shape, an amount with thousands
    groups or no point against a price with cents and no groups. Tags fixed in place."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    lines = list(by_line)
    for k, line in enumerate(lines[:-2]):
        if not _lone_dollar(tokens, by_line[line]):
            continue
        first, second = by_line[lines[k + 1]][0], by_line[lines[k + 2]][0]
        order = _pair_order(tokens[first].text, tokens[second].text)
        if order and tags[first] == tags[second] in ("B-price", "B-owned"):
            tags[first], tags[second] = order


def _lone_dollar(tokens, run):
    """Whether a line's tokens ``run`` are a ``$`` alone."""
    return len(run) == 1 and tokens[run[0]].text == "$"


def _pair_order(first, second):
    """The tags two numbers below a ``$`` take by their shapes, or None."""
    return PAIR_ORDERS.get((_number_kind(first), _number_kind(second)))


def _number_kind(text):
    """``price`` for a number with cents and no thousands groups, ``amount`` for one with
    groups or no point, else None (no number)."""
    if CENTS.match(text):
        return "price"
    return "amount" if WHOLE_AMOUNT.match(text) and ("," in text or "." not in text) else None


PAIR_ORDERS = {("amount", "price"): ("B-owned", "B-price"), ("price", "amount"): ("B-price", "B-owned")}
CENTS = re.compile(r"^\d{1,3}\.\d+$")     # a price: no thousands groups, a point


def repair_dollar_shares(tokens, tags, line_zones):
    """An amount the CRF read as Table I's amount of shares right after a ``$`` on its
    line, heading a column of prices so printed, is a price: plain ``pdftotext`` prints
    a long table's prices as a column (``$ 1,000`` / ``$ 1,001.263 (2)`` ...), the CRF
    reading the first as an amount. (OCR reads a code ``S`` before its amount as ``$``:
    no column of prices follows it.) Tags fixed in place."""
    for i in range(1, len(tokens)):
        if tags[i] != "B-shares" or not _after_dollar(tokens, tags, i) or line_zones[tokens[i].line] != "table1":
            continue
        after = _tagged_after(tags, i)
        if after is not None and tags[after] == "B-price" and _after_dollar(tokens, tags, after):
            tags[i] = "B-price"


def _after_dollar(tokens, tags, i):
    """Whether token ``i`` follows an untagged ``$`` on its line."""
    return tokens[i - 1].text == "$" and tags[i - 1] == "O" and tokens[i - 1].line == tokens[i].line


def repair_owned_column_ends(tokens, tags, confidences, line_zones):
    """An amount alone on its line (its marks beside it) that the CRF left ``O``, right
    below a line ending in an amount owned, is the next row's amount owned where Table I
    has fewer amounts owned than D/I letters: pdfminer prints a block's amounts owned as a
    column (``31,978.9545`` / ``29``, the last a holding's) before its D/I letters, and
    the CRF may read all but the last. Tags fixed in place, with the amount's confidence
    above."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = _shortfall(tags, by_line, "B-di", "B-owned")
    for line, below in _next_lines(by_line):
        above, run = by_line[line][-1], by_line[below]
        if (missing > 0 and tags[above] == "B-owned" and tags[run[0]] == "O"
                and WHOLE_AMOUNT.match(tokens[run[0]].text) and _marks_only(tokens, run[1:])):
            tags[run[0]], confidences[run[0]] = "B-owned", confidences[above]
            missing -= 1


OCR_RULES = frozenset("|[]{}()")     # table rules and lost marks' brackets as OCR reads them


def repair_owned_after_prices(tokens, tags, confidences, line_zones):
    """An amount left ``O`` right after a Table I row's price on its line, past what OCR
    reads of the table's rules (``|``, ``]``, ``}``, a lost mark's ``)``), is the row's
    amount owned where the row's line has none and the line ends there or goes on with
    its D/I letter, tagged or as OCR misreads it (``175.2414 ) 565 1 Founders``). Tags
    fixed in place, with the price's confidence."""
    for line, run in tokens_by_line(tokens, line_zones, ("table1",)).items():
        price = next((i for i in run if tags[i] == "B-price"), None)
        if price is None or any(tags[i] == "B-owned" for i in run):
            continue
        rest = [i for i in run if i > price and tokens[i].text not in OCR_RULES]
        if not rest or tags[rest[0]] != "O" or not WHOLE_AMOUNT.match(tokens[rest[0]].text):
            continue
        after = rest[1:2]
        if not after or tags[after[0]] == "B-di" or MISREAD_LETTER.match(tokens[after[0]].text) \
                or tokens[after[0]].text in ("D", "I"):
            tags[rest[0]], confidences[rest[0]] = "B-owned", confidences[price]


def repair_amounts_about_derivative_prices(tokens, tags, confidences, line_zones):
    """Table II's amounts alone on their lines (their marks beside them) read by their
    place about a price alone on its line (``$ 0``), whether the table is printed row by
    row or a column at a time (pdfminer: ``229.83`` / ``$ 0`` / ``25,241.11`` /
    ``41.816`` / ``$ 0`` / ``25,282.925``): the amount below the price is an amount
    owned (column 9 follows column 8), where the CRF read it as a number of derivatives
    or an underlying amount; one above it that the CRF read as an amount owned is the
    underlying amount (column 7), and so is one it read as a number of derivatives
    while Table II holds more of those than codes. Where Table II then holds more
    amounts owned than titles, of two amounts owned one below the other past the amount
    below the last price, the first is a holding's underlying amount (``782,088`` /
    ``782,088``). Tags fixed in place, with the price's confidence (the amount's below,
    for a holding's)."""
    by_line = tokens_by_line(tokens, line_zones, ("table2",))
    pairs = _next_lines(by_line)
    for line, below in pairs:
        if (_lone_price(tokens, tags, by_line[line])
                and _lone_amount(tokens, tags, by_line[below], ("B-shares", "B-und_shares"))):
            _retag(tags, confidences, by_line[below][0], "B-owned", by_line[line][-1])
    spare = _shortfall(tags, by_line, "B-shares", "B-code")
    for line, below in pairs:
        read_as = ("B-owned", "B-shares") if spare > 0 else ("B-owned",)
        if _lone_price(tokens, tags, by_line[below]) and _lone_amount(tokens, tags, by_line[line], read_as):
            spare -= tags[by_line[line][0]] == "B-shares"
            _retag(tags, confidences, by_line[line][0], "B-und_shares", by_line[below][-1])
    extra = _shortfall(tags, by_line, "B-owned", "B-title")
    priced = [below for line, below in pairs if _lone_price(tokens, tags, by_line[line])]
    for line, below in pairs:
        if (extra > 0 and priced and line > priced[-1]
                and all(_lone_amount(tokens, tags, by_line[k], ("B-owned",)) for k in (line, below))):
            _retag(tags, confidences, by_line[line][0], "B-und_shares", by_line[below][0])
            extra -= 1


def repair_dates_after_derivative_amounts(tokens, tags, line_zones):
    """A date alone on its line that the CRF read as a transaction date, below a number
    of derivatives alone on its line (only lines of marks between), is the row's
    expiration date (column 6 follows column 5: grants of units print that date alone)
    while Table II holds more transaction dates than codes (pdfminer: ``826`` / ``(2)``
    / ``10/25/2025``). Tags fixed in place."""
    by_line = tokens_by_line(tokens, line_zones, ("table2",))
    extra = _shortfall(tags, by_line, "B-tx_date", "B-code")
    lines = list(by_line)
    for k, line in enumerate(lines):
        run = by_line[line]
        if extra <= 0 or len(run) != 1 or tags[run[0]] != "B-tx_date":
            continue
        above = next((by_line[up] for up in reversed(lines[:k]) if not _marks_only(tokens, by_line[up])), None)
        if above is None or not _lone_amount(tokens, tags, above, ("B-shares",)):
            continue
        tags[run[0]] = "B-exp_date"
        extra -= 1


def _lone_price(tokens, tags, run):
    return tokens[run[0]].text == "$" and len(run) == 2 and tags[run[1]] == "B-price"


def _lone_amount(tokens, tags, run, labels):
    return tags[run[0]] in labels and WHOLE_AMOUNT.match(tokens[run[0]].text) and _marks_only(tokens, run[1:])


def _retag(tags, confidences, i, tag, like):
    tags[i], confidences[i] = tag, confidences[like]


def repair_owned_before_letters_on_line(tokens, tags, confidences, line_zones):
    """An amount left ``O`` in the cell right before a row's D/I letter on its line (only
    ``|`` rules between them) is the row's amount owned where the line has none (EDGAR
    ASCII's ``|$         |168182448   |I``, nine digits and no commas, which the CRF
    leaves unread). Tags fixed in place, with the letter's confidence."""
    for run in tokens_by_line(tokens, line_zones, TABLE_ZONES).values():
        if any(tags[i] == "B-owned" for i in run):
            continue
        for k, i in enumerate(run):
            if tags[i] != "B-di":
                continue
            before = [j for j in run[:k] if tokens[j].text != "|"]
            ruled = bool(before) and tokens[i - 1].text == "|" and i - 1 > before[-1]     # cells ruled apart
            if ruled and tags[before[-1]] == "O" and WHOLE_AMOUNT.match(tokens[before[-1]].text):
                tags[before[-1]], confidences[before[-1]] = "B-owned", confidences[i]
                break


def repair_nature_stacks(tokens, tags, confidences, line_zones):
    """The nature of an indirect holding printed a word or two a line, centred on its
    row's line in the column after the ``I`` (``pdftotext -layout`` of a fund's name:
    ``By`` / ``Sequoia`` / ``Capital`` ... the row's line ``... I  2010-`` ... ``Fund,`` /
    ``L.P. (2) (3)``), where the CRF left words of it ``O``: the lines above and below the
    row's line holding nothing but a cell in that column, a blank line on either side of
    them, are the nature's, their marks its marks (bare digits are left to
    ``repair_bare_marks``). A stack holding any other tag is left. Tags fixed in place,
    with the letter's confidence."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    runs = line_runs(tokens)
    for line, run in by_line.items():
        letter = next((k for k in range(len(run) - 1, -1, -1) if tags[run[k]] == "B-di"), None)
        if letter is None or tokens[run[letter]].text != "I" or letter + 1 == len(run):
            continue
        col = tokens[run[letter + 1]].col
        if col < MIN_NATURE_COLUMN or any(tokens[i].text == "|" for i in run):
            continue
        above = _stacked_lines(tokens, by_line, line, col, -1)
        below = _stacked_lines(tokens, by_line, line, col, 1)
        if (above[0] if above else line) - 1 in runs or (below[-1] if below else line) + 1 in runs:
            continue    # the stack runs into another row's line: no telling whose
        stack = [i for at in above + [line] + below for i in (run[letter + 1:] if at == line else by_line[at])
                 if not BARE_MARK.match(tokens[i].text)]
        if any(tags[i] == "O" for i in stack) and all(tags[i] in ("O", "B-fn_mark") or tags[i].endswith("-nature")
                                                      for i in stack):
            first = True
            for i in stack:
                if MARK.match(tokens[i].text):
                    tags[i] = "B-fn_mark"
                else:
                    tags[i], first = ("B-" if first else "I-") + "nature", False
                confidences[i] = confidences[run[letter]]


MIN_NATURE_COLUMN = 80     # a nature column printed in its place (a line of a cell each starts at 0)


def _stacked_lines(tokens, by_line, line, col, step):
    """The lines next to ``line`` going ``step`` (up -1, down 1), each holding only tokens
    from the column ``col`` on, in line order."""
    found = []
    at = line + step
    while at in by_line and abs(tokens[by_line[at][0]].col - col) <= WRAP_COLUMN_SLACK:
        found.append(at)
        at += step
    return found[::-1] if step < 0 else found


def repair_shares_after_codes(tokens, tags, confidences, line_zones):
    """An amount left ``O`` right after a row's code on its line, past OCR's rule glyphs,
    followed by the row's A/D letter, is the row's amount of shares where the line has
    none (``gg ) 3 D``). Tags fixed in place, with the code's confidence."""
    for line, run in tokens_by_line(tokens, line_zones, TABLE_ZONES).items():
        code = next((i for i in run if tags[i] == "B-code"), None)
        if code is None or any(tags[i] == "B-shares" for i in run):
            continue
        rest = [i for i in run if i > code and tokens[i].text not in OCR_RULES and tags[i] != "B-fn_mark"]
        if (len(rest) > 1 and tags[rest[0]] == "O" and WHOLE_AMOUNT.match(tokens[rest[0]].text)
                and tags[rest[1]] == "B-ad"):
            tags[rest[0]], confidences[rest[0]] = "B-shares", confidences[code]


def repair_owned_after_codes(tokens, tags, line_zones):
    """Amounts owned that the CRF read next after a row's code or transaction date (marks
    aside), each alone with a D/I letter on a line of its own below, one line after the
    other, are rows' amounts and A/D letters, as many as Table I has fewer amounts than
    titles: an amount owned never follows a code or a date in the form's order, and plain
    ``pdftotext`` prints a row's ``23,819.354 D`` on the line below its code, or a short
    table's amounts and letters as a column after its dates and codes (``16,862 D`` /
    ``36,740 D``). Tags fixed in place."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = _shortfall(tags, by_line, "B-title", "B-shares")
    cells = [i for run in by_line.values() for i in run if tags[i][:2] == "B-" and tags[i] != "B-fn_mark"]
    for k, (left, first) in enumerate(zip(cells, cells[1:])):
        if tags[left] not in ("B-code", "B-tx_date") or tokens[first].line == tokens[left].line:
            continue
        for amount, letter in zip(cells[k + 1::2], cells[k + 2::2]):
            line = [i for i in by_line[tokens[amount].line] if tags[i] != "B-fn_mark"]
            if (missing <= 0 or line != [amount, letter] or (tags[amount], tags[letter]) != ("B-owned", "B-di")
                    or tokens[letter].text not in ("A", "D")):
                break
            tags[amount], tags[letter] = "B-shares", "B-ad"
            missing -= 1


def repair_misread_ownership_letters(tokens, tags, confidences, line_zones):
    """A row's D/I letter as OCR misreads it (``|``, ``i`` or ``1`` for ``I``; ``oD``,
    ``=D`` for ``D``), left ``O`` as the first cell after the row's amount owned on its
    line (past closing brackets), ending the line or followed by a mark or a word (the
    nature: ``15,805 | Living``), where the line has no D/I letter. Tags fixed in place,
    with the amount's confidence."""
    for run in tokens_by_line(tokens, line_zones, TABLE_ZONES).values():
        owned = next((k for k, i in enumerate(run) if tags[i] == "B-owned"), None)
        if owned is None or any(tags[i][2:] == "di" for i in run):
            continue
        rest = list(run[owned + 1:])
        while rest and tokens[rest[0]].text in CLOSERS:
            rest.pop(0)
        if not rest or tags[rest[0]] != "O" or not MISREAD_LETTER.match(tokens[rest[0]].text):
            continue
        after = rest[1:2]
        if not after or MARK.match(tokens[after[0]].text) or tokens[after[0]].text[:1].isalpha():
            tags[rest[0]], confidences[rest[0]] = "B-di", confidences[run[owned]]


def repair_second_ownership_numbers(tokens, tags, confidences):
    """A number the CRF read as a D/I letter in a row whose D/I letter stands before it
    is no ownership form (EDGAR ASCII wraps a cell's last digits or a bare mark below the
    row's line: ``180.7`` / ``115 3``, the ``3`` read as a second D/I letter, which opened
    a row of its own and took the row's nature with it). Tags fixed in place."""
    lettered = False
    for i, token in enumerate(tokens):
        if tags[i] == "O":
            continue
        if tags[i] == "B-title":
            lettered = False
        elif tags[i] == "B-di":
            if token.text.isdigit() and lettered:
                tags[i], confidences[i] = "O", None
            lettered = lettered or token.text.upper() in ("D", "I")


MISREAD_LETTER = re.compile(r"^(?:[|i1]|[oO=]D)$")
CLOSERS = (")", "]", "}")


BROKEN_HEADING = re.compile(r"\bnumber of shares\b")
MAX_BROKEN_HEADING_TOKENS = 2   # tokens a line of a heading printed a word or two a line holds


def repair_broken_headings(tokens, tags, lines):
    """Plain pdftotext prints column 7's heading ``Amount or Number of Shares`` a word or
    two a line, below the underlying title's cell, and the CRF may read ``Shares`` as the
    rest of that title. The tokens of a run of such short table lines that spell the
    heading are ``O``, in whatever zone the zone CRF put their lines (the heading's last
    line may stand among the footnotes, below the table)."""
    by_line = line_runs(tokens)
    run = []
    for line in [*by_line, None]:
        short = line is not None and len(by_line[line]) <= MAX_BROKEN_HEADING_TOKENS
        if short and run and line == run[-1] + 1:
            run.append(line)
            continue
        _clear_broken_heading(run, by_line, tags, lines)
        run = [line] if short else []


def _clear_broken_heading(run, by_line, tags, lines):
    words = [(n, w) for n in run for w in lines[n].lower().split()]
    joined = " ".join(w for _, w in words)
    match = BROKEN_HEADING.search(joined)
    if not match:
        return
    first = len(joined[:match.start()].split())
    for n in {n for n, _ in words[first:first + 3]}:
        for i in by_line[n]:
            tags[i] = "O"


def _may_continue(tokens, group, label):
    """Whether the tokens ``group`` could be the next line of a ``label`` cell: short,
    no amount or date (a nature may name a year), and for a title bracketed groups (or
    one opening a bracket that a later line closes: ``(right to`` / ``buy)``, or the end
    of one: ``(Class`` / ``A)``), or security words and single capitals (``Stock``,
    ``Class A``)."""
    texts = [tokens[i].text for i in group]
    numbers = [tokens[i].text for i in _words_of(tokens, group, label) if VALUE.match(tokens[i].text)]
    if label == "nature":   # a fund's year in its name: ``2010 Fund,`` / ``LP(1)`` (EDGAR ASCII)
        numbers = [n for n in numbers if not YEAR.match(n)]
    if sum(len(t) + 1 for t in texts) > MAX_WRAPPED_CHARS + 1 or numbers:
        return False
    if label == "nature":
        return not MARK.match(texts[0])
    if texts[0] == "(" and (texts[-1] == ")" or ")" not in texts):     # or a bracket wrapped on: (right to
        return True
    if texts[-1] == ")" and "(" not in texts:     # the end of a bracket wrapped on: (Class / A)
        return len(texts) > 1 and security_words(texts[:-1])
    words = texts[:-1] if len(texts) > 1 and MARK.match(texts[-1]) else texts    # the row's mark after it: Stock (1)
    return security_words(words)


def _bare_tail(tokens, group, label):
    """Whether a nature's line ends in bare digits after its words: its mark, printed
    without brackets (EDGAR ASCII: ``IRA 3``, ``LP 1``)."""
    return label == "nature" and len(group) > 1 and bool(BARE_MARK.match(tokens[group[-1]].text))


def _is_mark(tokens, group, label, i):
    """Whether token ``i`` of a text cell's ``group`` is a mark: bracketed, or a nature's bare tail."""
    return bool(MARK.match(tokens[i].text)) or (i == group[-1] and _bare_tail(tokens, group, label))


def _words_of(tokens, group, label):
    """The group's tokens but a bare mark ending a nature's line."""
    return group[:-1] if _bare_tail(tokens, group, label) else group


def line_cells(tokens, idx):
    """The line's tokens (indices ``idx``) in cells: runs a single space apart."""
    cells = [[idx[0]]]
    for i, j in zip(idx, idx[1:]):
        if tokens[j].start - tokens[i].end <= 1:
            cells[-1].append(j)
        else:
            cells.append([j])
    return cells


def _tag_above(tokens, tags, above, col):
    """The token of a wrapped text cell on the line above that starts in ``col``, or None."""
    return next((i for i in above if abs(tokens[i].col - col) <= WRAP_COLUMN_SLACK
                 and tags[i][2:] in WRAPPED_LABELS), None)


def tokens_by_line(tokens, line_zones, zones, first=0):
    """{line: range of the indices of its tokens} for the lines from ``first`` on in one
    of ``zones``, in line order."""
    return {line: run for line, run in line_runs(tokens).items() if line >= first and line_zones[line] in zones}


def line_runs(tokens):
    """{line: range of the indices of its tokens} (``Tokens.line_runs``, for a plain list too)."""
    return (tokens if isinstance(tokens, Tokens) else Tokens(tokens)).line_runs


