"""Rules that mend the field CRFs' tags of footnotes and marks: a footnote line's
mark and text (notes begun, run on, garbled by OCR; a mark centred beside its note or
glued into the note before) and the marks of table cells (lone, below a row or a cell,
read into a text cell, wrapped or cut by a fixed-width cell, OCR's glyphs, bare
digits). Each takes the tokens and their tags (and what ``pipeline.TAG_REPAIRS`` names)
and fixes the tags in place."""
import re
from itertools import dropwhile

from .assemble import WRAP_COLUMN_SLACK
from .features import MARK
from .fields import (
    AMOUNT_LABELS, BARE_MARK, CELL_SEPARATORS, CUT_AMOUNT, MARK_DEBRIS_TOKEN, NOTE_CONFIDENCE, NOTE_MARK,
    WRAPPED_LABELS, line_cells, marks_only, tokens_by_line, untagged,
)
from .footnotes import GLYPH_SIGNS, OCR_MARK_GLYPHS, mark_number
from .labels import TABLE_ZONES
from .pieces import MIN_CELL_GAP


OCR_NOTE_MARK = re.compile(r"^(?:@\)?|®)$")   # Tesseract's reading of a small "(2)"


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


MAX_LAST_WORDS = 3     # tokens of a note's last line the CRF may leave untagged: ``4 .``


def repair_note_last_words(tokens, tags, confidences, line_zones):
    """A note's last line of a word or two ending its sentence (``... set forth in this
    Form`` / ``4.``, EDGAR ASCII's notes wrapped at a fixed width) that the CRF left
    ``O`` goes on with the note on the line above, where that line's note text runs on
    (no full stop) and no text follows on the next line. Fixes tags in place."""
    lines = tokens_by_line(tokens, line_zones, ("footnotes",))
    for line, idx in lines.items():
        above, below = lines.get(line - 1), lines.get(line + 1)
        if (above is None or below is not None or len(idx) > MAX_LAST_WORDS or tokens[idx[-1]].text != "."
                or not untagged(tags, idx) or tags[above[-1]] not in ("B-fn_text", "I-fn_text")
                or tokens[above[-1]].text in (".", ":", ";")):
            continue
        for i in idx:
            tags[i], confidences[i] = "I-fn_text", confidences[above[-1]]


GARBLED_MARK_SIGNS = frozenset({")", "}", *OCR_MARK_GLYPHS})     # ``(2}``: OCR's brace for a bracket
LETTERS_MARK = re.compile(r"^[A-Za-z]{1,2}$")     # OCR's "(1)" as ``rt)``, ``a)``


def repair_untagged_note_lines(tokens, tags, confidences, line_zones):
    """Footnote lines the CRF left ``O`` where OCR garbled a note's opening mark
    (``Q) The restricted stock units...``, ``@) Each RSU...``, ``rt) The Restricted...``),
    wholly or up to a note's text it ran on from the note above (``a) Represents full
    vesting ... in September`` / ``2022 under the ...``): the mark and the capitalised text
    after it open a note, as does the clean mark of the note after the last read (its
    text whole: see ``_next_mark_length``). A lower-case line (or one opening with the
    mark's stray bracket: ``) to the Board of Directors.``) right below a note's text goes
    on with it. Fixes tags in place."""
    prev = None     # the last tagged token of the footnote lines so far
    last = 0        # the number of the last note mark read so far
    runs = list(tokens_by_line(tokens, line_zones, ("footnotes",)).items())
    for k, (line, idx) in enumerate(runs):
        if _untagged_head(tags, idx):
            below = runs[k + 1][1][0] if k + 1 < len(runs) else None    # the next footnote line's first token
            head = _garbled_mark_length(tokens, idx) or _next_mark_length(tokens, idx, below, last)
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
        last = next((n for i in reversed(idx) if tags[i] == "B-fn_id" and (n := mark_number(tokens[i].text))), last)


def _next_mark_length(tokens, idx, below, last):
    """1 where the line opens with the clean mark of the note after the ``last`` read and
    its text ends a sentence or runs on to the next footnote line (its first token
    ``below`` lower case), else 0.
    A note line cut at the page edge (``... Exchange Commissio`` / ``(18) The price``: the
    SEC stylesheet's PDF of a long note) is left unread: its text is not the note's."""
    if mark_number(tokens[idx[0]].text) != last + 1:
        return 0
    runs_on = below is not None and tokens[below].text[:1].islower()
    return int(_ends_sentence(tokens, idx) or runs_on)


def _ends_sentence(tokens, idx):
    """Whether the line's last token ends a sentence, not a number cut at its decimal
    point (``$958.``)."""
    end = tokens[idx[-1]]
    if not SENTENCE_END.search(end.text):
        return False
    before = tokens[idx[-2]] if len(idx) > 1 else None
    cut = (before is not None and end.text[0] == "." and before.text[-1:].isdigit()
           and before.col + len(before.text) == end.col)
    return not cut


def _untagged_head(tags, idx):
    """Whether the line is ``O`` from its start to its end or to text the CRF ran on from
    the note above (``I-fn_text`` to the end)."""
    rest = list(dropwhile(lambda i: tags[i] == "O", idx))
    return tags[idx[0]] == "O" and all(tags[i] == "I-fn_text" for i in rest)


def _garbled_mark_length(tokens, idx):
    """How many tokens opening a line are a mark OCR garbled (``Q`` ``)``, ``(`` ``)``
    ``)``; one or two letters and a bracket: ``rt`` ``)``, ``a`` ``)``), or 0."""
    if len(idx) > 1 and LETTERS_MARK.match(tokens[idx[0]].text) and tokens[idx[1]].text == ")":
        return 2
    head = next((k for k, i in enumerate(idx) if not MARK_DEBRIS_TOKEN.match(tokens[i].text)), len(idx))
    return head if any(tokens[i].text in GARBLED_MARK_SIGNS for i in idx[:head]) else 0


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


CLOSING = {"(": ")", "[": "]"}
WRAPPED_MARK = {"(": re.compile(r"^\d{1,2}$"), "[": re.compile(r"^F\d{1,2}$")}    # what each bracket holds


def repair_lone_marks(tokens, tags, confidences, line_zones):
    """Footnote marks alone on their line (one or several: ``(3) (4)``) that the CRF left
    ``O``, below a table's first value, are rows' marks: the form's headings hold no lone
    mark, and plain ``pdftotext`` and pdfminer print the marks of dates and prices a
    column at a time, away from the cells they follow (``328`` / ``Number`` / ``Shares`` /
    ``(2)`` / ``(2)``: the marks standing for a grant's two dates; a column of a sale's
    price notes, ``(3) (4)`` / ``(3) (5)``, after the table); the assembler gives them to
    the rows. Tags fixed in place, with the confidence of the last value read above."""
    for zone in TABLE_ZONES:
        by_line = tokens_by_line(tokens, line_zones, (zone,))
        seen = None
        for line, run in by_line.items():
            if seen is not None and marks_only(tokens, run):
                for i in run:
                    if tags[i] == "O":
                        tags[i], confidences[i] = "B-fn_mark", confidences[seen]
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


TEXT_CONTINUATIONS = frozenset({"I-title", "I-nature", "I-und_title"})


def repair_marks_inside_text(tokens, tags, line_zones):
    """A footnote mark the CRF read into a table's text cell is the row's mark, no word of
    the cell (pdfplumber sets a wrapped cell's superscript mid-cell: ``By The Founders (3)
    Fund II, LP``). Tags fixed in place: the words after it still continue the value."""
    for i in range(1, len(tokens)):
        if (tags[i] in TEXT_CONTINUATIONS and MARK.match(tokens[i].text)
                and line_zones[tokens[i].line] in TABLE_ZONES):
            tags[i] = "B-fn_mark"


def repair_wrapped_marks(tokens, tags, confidences, line_zones):
    """A footnote mark that a fixed-width cell wraps after its bracket (EDGAR ASCII:
    ``169.4860(`` / ``3)``, ``$ 178.001[`` / ``F4]``, ``|1056.3180(|`` / ``|1)``,
    ``L.P.[`` / ``F2][F3]``, ``[F2][`` / ``F3]``) is the row's mark: below a value the CRF
    tagged that ends in the bracket (glued on after its text or another mark), the mark
    under its cell's start (a ``|`` starts a cell), left ``O`` or read as going on with a
    text cell, and closed by the matching bracket, becomes ``B-fn_mark`` (tags fixed in
    place)."""
    opened = list(_opened_values(tokens))
    if not opened:
        return
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for value, bracket in opened:
        if tokens[value].line not in by_line or all(tags[k] == "O" for k in _glued_run(tokens, value)):
            continue
        cell = next(cell for cell in line_cells(tokens, by_line[tokens[value].line]) if value in cell)
        col = tokens[_cell_start(tokens, cell, value)].col
        below = by_line.get(tokens[value].line + 1, ())
        j = next((j for j in below if abs(tokens[j].col - col) <= WRAP_COLUMN_SLACK and tokens[j].text != "|"), None)
        if j is not None and (tags[j] == "O" or tags[j].startswith("I-")) and _closed_mark(tokens, j, bracket):
            tags[j] = "B-fn_mark"
            if confidences[value] is not None:
                confidences[j] = confidences[value]


def _glued_run(tokens, i):
    """The indices of the tokens glued on their line up to token ``i``."""
    return range(_glued_run_start(tokens, i), i + 1)


def _closed_mark(tokens, j, bracket):
    """Whether token ``j`` is what ``bracket`` holds (``3``, ``F4``) closed right after it."""
    return (bool(WRAPPED_MARK[bracket].match(tokens[j].text)) and j + 1 < len(tokens)
            and tokens[j + 1].text == CLOSING[bracket] and tokens[j + 1].start == tokens[j].end)


CUT_MARK = re.compile(r"(?:^|[)\]])(?:\(\d{1,2}|\[F\d{0,2})$")    # after whole marks too: ``[F2][F``
CLOSING_OF = {"(": ")", "[": "]"}


def repair_cut_marks(tokens, tags, confidences, line_zones):
    """A footnote mark that a fixed-width cell wraps before its closing bracket (EDGAR
    ASCII: ``838.5710[F1`` / ``]``, ``846.6680[F1`` / ``0]``, ``957.7680[F`` / ``3]``,
    ``1056.3180(1`` / ``)``, a nature's ``L.P.[F2][F`` / ``3][F4]``, an amount's ``(2)(3`` /
    ``)``) is the row's mark:
    the mark's opening (whatever the CRF read it as: no value looks like it), glued to a
    value the CRF tagged, with its rest (digits or none, then the closing bracket) on the
    line below under that cell (from the cell's start: a nature wraps there), becomes
    ``B-fn_mark``, the digits ``I-fn_mark`` (tags fixed in place; the assembler reads a
    mark's continued digits as the end of its number)."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for line, run in by_line.items():
        for i in run[1:]:
            mark, value = tokens[i], tokens[i - 1]
            split = _split_opening(tokens, i)       # ``[F2][F3``: the tokenizer cut ``[`` off after a mark
            text = mark.text + (tokens[i + 1].text if split else "")
            if not CUT_MARK.search(text) or value.end != mark.start or tags[i - 1] == "O":
                continue
            cell = next(cell for cell in line_cells(tokens, run) if i in cell)
            first = tokens[_cell_start(tokens, cell, i)]
            cols = range(first.col - WRAP_COLUMN_SLACK, mark.col + len(text) + 1)
            opening = text[max(text.rfind("("), text.rfind("["))]
            rest = _mark_rest(tokens, by_line.get(line + 1, ()), CLOSING_OF[opening], cols)
            if rest and (len(rest) > 1 or text[-1].isdigit()):
                tags[i], confidences[i] = "B-fn_mark", confidences[i - 1]
                for j in ([i + 1] if split else []) + rest[:-1]:
                    tags[j], confidences[j] = "I-fn_mark", confidences[i - 1]


# what follows an opening bracket the tokenizer cut off after a mark: ``F3`` or a cut
# ``F`` after ``[``, digits after ``(``
SPLIT_MARK_REST = {"[": re.compile(r"^F\d{0,2}$"), "(": re.compile(r"^\d{1,2}$")}


def _split_opening(tokens, i):
    """Whether token ``i`` is a lone bracket with a mark's rest (``F3``, ``F``, ``3``) glued
    after it on its line."""
    rest = SPLIT_MARK_REST.get(tokens[i].text)
    return (rest is not None and i + 1 < len(tokens) and tokens[i + 1].start == tokens[i].end
            and tokens[i + 1].line == tokens[i].line and rest.match(tokens[i + 1].text) is not None)


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
