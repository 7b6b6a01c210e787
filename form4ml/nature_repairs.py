"""Rules that mend the field CRFs' tags of natures of ownership (the tables' last
column): a nature's opening words, its head or its whole left ``O``, natures begun
again, stacked a word a line or centred on their rows. Each takes the tokens and their
tags (and what ``pipeline.TAG_REPAIRS`` names) and fixes the tags in place."""
import re

from .assemble import WRAP_COLUMN_SLACK
from .features import MARK, MONTHS, YEAR
from .fields import (
    BARE_MARK, CELL_SEPARATORS, MARK_DEBRIS_TOKEN, NATURE_HEAD, VALUE, is_mark, last_run, line_cells, line_runs,
    tokens_by_line, untagged, untagged_words_before, words_of,
)
from .labels import TABLE_ZONES
from .pieces import MIN_CELL_GAP


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


STACK_WORD = re.compile(r"^[A-Za-z][A-Za-z.&'/-]+$")     # a fund's name's word (``US/E``), no D/I letter
MAX_STACK_HEAD_LINES = 4


def repair_stack_heads_after_marks(tokens, tags, confidences, line_zones):
    """In a column of natures printed a word a line, each ending in its mark (pdfminer:
    ``L.P. (3)`` / ``Sequoia`` / ``Capital`` / ``US/E`` / ``Expansion`` / ``Fund I,``), the
    words the CRF left ``O`` between a nature's mark and the next nature it began begin
    that nature: up to four lines, each one or two such words alone. Tags fixed in place,
    with the nature's confidence."""
    runs = line_runs(tokens)
    for i, tag in enumerate(tags):
        if tag != "B-nature" or line_zones[tokens[i].line] not in TABLE_ZONES or runs[tokens[i].line][0] != i:
            continue
        head = _stack_head(tokens, tags, runs, tokens[i].line)
        for k, j in enumerate(head):
            tags[j], confidences[j] = ("B-" if k == 0 else "I-") + "nature", confidences[i]
        if head:
            tags[i] = "I-nature"


def repair_untagged_stacked_natures(tokens, tags, confidences, line_zones):
    """In such a column, a nature the CRF left ``O`` whole between the mark ending the
    nature above and its own mark on a line alone (pdfminer: ``Footnote`` / ``(2)`` /
    ``See`` / ``Footnotes`` / ``(3)``) is a nature where it opens as one does (``See``,
    ``By``). Tags fixed in place, with the mark's confidence."""
    runs = line_runs(tokens)
    for line, run in runs.items():
        i = run[0]
        if len(run) != 1 or tags[i] != "B-fn_mark" or line_zones[line] not in TABLE_ZONES:
            continue
        words = _stack_head(tokens, tags, runs, line)
        if words and NATURE_HEAD.match(tokens[words[0]].text):
            for k, j in enumerate(words):
                tags[j], confidences[j] = ("B-" if k == 0 else "I-") + "nature", confidences[i]


def _stack_head(tokens, tags, runs, line):
    """The indices of the untagged word lines right above ``line``, up to four (blank lines
    between them skipped), where a line ending in a nature's mark stands right above
    them; else []."""
    head, above = [], line - 1
    while above >= 0 and len(head) < MAX_STACK_HEAD_LINES:
        run = runs.get(above)
        if run is None:
            above -= 1
            continue
        if tags[run[-1]] == "B-fn_mark" and run[-1] and tags[run[-1] - 1][2:] == "nature":
            return [i for part in reversed(head) for i in part] if head else []
        if len(run) > 2 or any(tags[j] != "O" or not STACK_WORD.match(tokens[j].text) for j in run):
            return []
        head.append(list(run))
        above -= 1
    return []


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
        for j in untagged_words_before(tokens, tags, i, lambda j: tokens[j + 1].start - tokens[j].end <= 1):
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
    below a line holding the ``I`` alone (one cell a line: ``I`` / ``Held by minor child``),
    and so are the lines right above it that open as one does (``By LGI`` / ``401 (k)`` /
    ``Plan`` / ``I``). A mark ending it is the row's. Tags fixed in place, with the
    letter's confidence; ``repair_wrapped_cells`` then follows the cell down."""
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
                and not any(VALUE.match(tokens[i].text) for i in words_of(tokens, last, "nature"))):
            _tag_nature(tokens, tags, confidences, last, before[-1])
    for line, idx in by_line.items():     # one cell a line: I / Held by minor child
        above = by_line.get(line - 1)
        if (above and len(above) == 1 and tags[above[0]] == "B-di" and tokens[above[0]].text == "I"
                and untagged(tags, idx) and NATURE_HEAD.match(tokens[idx[0]].text)
                and not any(VALUE.match(tokens[i].text) for i in words_of(tokens, idx, "nature"))):
            _tag_nature(tokens, tags, confidences, idx, above[0])
    lines = sorted(by_line)
    for k, line in enumerate(lines):     # one cell a line, the nature first: By LGI / 401 (k) / Plan / I
        idx = by_line[line]
        if len(idx) == 1 and tags[idx[0]] == "B-di" and tokens[idx[0]].text == "I":
            block = _lines_above_letter(tokens, tags, by_line, lines[:k], line)
            if block:
                _tag_nature(tokens, tags, confidences, block, idx[0])


MAX_NATURE_LINES_ABOVE = 4     # lines of a nature printed right above its row's ``I``


def _lines_above_letter(tokens, tags, by_line, before, letter_line):
    """The tokens of the untagged lines right above a lone ``I`` on ``letter_line`` (a
    blank line between at most) that open as a nature does and hold no value, or []:
    plain ``pdftotext`` prints a holding's nature a line or a few right before its letter."""
    block, last, found = [], letter_line, []
    for line in reversed(before[-MAX_NATURE_LINES_ABOVE:]):
        idx = list(by_line[line])
        if last - line > (1 if block else 2) or not untagged(tags, idx):
            break
        if any(VALUE.match(tokens[i].text) and tokens[i].text not in PLAN_NUMBER_PARTS
               for i in words_of(tokens, idx, "nature")):
            break
        block, last = idx + block, line
        if NATURE_HEAD.match(tokens[idx[0]].text):
            found = block      # the topmost head: By LGI over 401 (k)
    return found


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
        tags[i] = "B-fn_mark" if is_mark(tokens, cell, "nature", i) else ("B-" if k == 0 else "I-") + "nature"
        confidences[i] = confidences[letter]


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


def repair_nature_heads_read_as_titles(tokens, tags, confidences, line_zones):
    """A nature of ownership centred on its row whose head, printed above the row's title
    far right in the nature's column, the CRF read as the title's first words
    (``pdftotext -layout``: ``Profit`` / ``Common Stock, $0.01 par`` / the row's line
    ``2,276 (2) I sharing`` / ``value`` / ``trust``): the words in the nature's column
    on the lines above its first tagged line, the lines between printing nothing that
    far right, begin the nature where with them it is centred on the row's line, and the
    title begins after them. Tags fixed in place, with the nature's confidence."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    spaced = {line: idx for line, idx in by_line.items() if tokens[idx[-1]].cell == 0}
    for line, idx in spaced.items():
        first = line_cells(tokens, idx)[-1][0]
        if not tags[first].endswith("-nature") or _nature_above(tokens, tags, spaced, line, first):
            continue
        col = tokens[first].col
        head = _head_over_titles(tokens, tags, by_line, line, col)
        if not head or not _centred_on_row(tokens, tags, by_line, tokens[head[0][0]].line, line, col):
            continue
        run = [i for cell in head for i in cell] + [first]
        for k, i in enumerate(run):
            tags[i], confidences[i] = ("B-" if k == 0 else "I-") + "nature", confidences[first]
        title = next((i for i in range(run[-2] + 1, len(tokens)) if tags[i].endswith("-title")), None)
        if title is not None and tags[title] == "I-title":
            tags[title] = "B-title"


def _head_over_titles(tokens, tags, by_line, line, col):
    """The cells, top first, in column ``col`` on the lines above ``line`` up to a blank
    line, where the CRF read one as a title and the column stands right of any title
    (``MIN_NATURE_COLUMN``): lines printing nothing that far right between them; else
    None."""
    cells, above = [], line - 1
    while above in by_line and len(cells) < MAX_HEAD_GAP:
        cell = line_cells(tokens, by_line[above])[-1]
        last = tokens[by_line[above][-1]]
        if abs(tokens[cell[0]].col - col) <= WRAP_COLUMN_SLACK:
            if not all(tags[i] == "O" or tags[i].endswith("-title") for i in cell) or not all(
                    _nature_word(tokens, tags, i) or tags[i] != "O" and NATURE_WORD.match(tokens[i].text) for i in cell):
                return None
            cells.insert(0, cell)
        elif last.col + len(last.text) > col - WRAP_COLUMN_SLACK:
            return None
        above -= 1
    titled = any(tags[i].endswith("-title") for cell in cells for i in cell)
    return cells if titled and col >= MIN_NATURE_COLUMN and above not in by_line else None


def _centred_on_row(tokens, tags, by_line, top, line, col):
    """Whether a nature in column ``col`` from ``top`` through ``line`` and on down to a
    blank line (its words and its mark, over lines printing nothing that far right: the
    title's) is centred on its row's line (the line of its ``I``): as many lines above it
    as below, or one more."""
    bottom, below = line, line + 1
    while below in by_line:
        cell = line_cells(tokens, by_line[below])[-1]
        last = tokens[by_line[below][-1]]
        if abs(tokens[cell[0]].col - col) <= WRAP_COLUMN_SLACK and (
                tags[cell[0]] in ("I-nature", "B-fn_mark") or MARK.match(tokens[cell[0]].text)):
            bottom = below
        elif last.col + len(last.text) > col - WRAP_COLUMN_SLACK:
            break
        below += 1
    row = next((n for n in range(line, bottom + 1) if n in by_line and _letter_i(tokens, tags, by_line[n]) is not None),
               None)
    return row is not None and 0 <= (row - top) - (bottom - row) <= 1


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
        words = last_run(idx, lambda i: _nature_word(tokens, tags, i))
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
    words = last_run(idx, lambda i: _nature_word(tokens, tags, i))
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
    each line a row's with its ``I`` (the nature's words after it, or none where a nature
    of an even count of lines stands wholly above and below the row's line), or one
    printing only words in the column of the nearest such row's nature. The rows' letters
    stand in one column, and one line at least is no row's (one row a line, as plain text
    prints a table, is no stack)."""
    mains = {line: letter for line, idx in spaced.items()
             if (letter := _letter_i(tokens, tags, idx)) is not None}
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
    nature where the top one opens as a nature does or they name a holder centred on the
    row, a mark ending them (``_centred_named``; marks in it the row's). Lines
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
        if not cells or not (NATURE_HEAD.match(tokens[cells[0][0]].text) or _centred_named(tokens, spaced, above, below)):
            continue
        words = [i for cell in cells for i in cell if not MARK.match(tokens[i].text)]
        for k, i in enumerate(words):
            tags[i], confidences[i] = ("B-" if k == 0 else "I-") + "nature", confidences[letter]
        for i in (i for cell in cells for i in cell if MARK.match(tokens[i].text)):
            tags[i], confidences[i] = "B-fn_mark", confidences[letter]


MIN_NAMED_LINES = 4     # a name standing for a nature is tall: a word or two a line


def _centred_named(tokens, spaced, above, below):
    """Whether cells above and below a row's line, as many each way or one more, four at
    least, hold a holder's name (a capital opening it) ending in a mark, in its last cell
    or alone on the line below: ``Sequoia`` / ``Capital`` / ``U.S.`` / ``Venture`` / the
    row's line / ``2010-`` / ``Seed`` / ``Fund, L.P.`` / ``(3)``."""
    if (len(above) + len(below) < MIN_NAMED_LINES or not above or not below or abs(len(above) - len(below)) > 1
            or not tokens[above[-1][0]].text[:1].isupper()):
        return False
    after = spaced.get(tokens[below[-1][0]].line + 1, [])
    return _ends_in_mark(tokens, below[-1]) or bool(after) and all(MARK.match(tokens[i].text) for i in after)


def _column_cells(tokens, tags, spaced, lines, right):
    """The untagged last cells starting right of column ``right`` on ``lines`` (nearest
    first), up to a blank line or a line whose last cell is tagged or holds an amount (a
    number hyphenated over the line's end, ``2010-`` / ``Seed``, is a name's), and up to
    a nature's opening word (``By``): going up it is the cell's top, going down the next
    row's nature (stacked natures a blank line apart from none)."""
    cells, up = [], lines.step < 0
    for line in lines:
        if line not in spaced:
            break
        cell = line_cells(tokens, spaced[line])[-1]
        if tokens[cell[0]].col < right:
            continue
        if any(tags[i] != "O" or VALUE.match(tokens[i].text) and not tokens[i].text.endswith("-") for i in cell):
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
                if _wrapped_mark_piece(tokens, tags, i):
                    continue
                if MARK.match(tokens[i].text):
                    tags[i] = "B-fn_mark"
                else:
                    tags[i], first = ("B-" if first else "I-") + "nature", False
                confidences[i] = confidences[run[letter]]


def _wrapped_mark_piece(tokens, tags, i):
    """Whether token ``i`` is a piece of a mark wrapped over a line's end that the mark
    repairs read (``LLC[`` / ``F2][F3]``): the mark, or a bracket glued to it."""
    if tags[i].endswith("-fn_mark"):
        return True
    glued = [j for j in (i - 1, i + 1) if 0 <= j < len(tokens) and tokens[j].line == tokens[i].line
             and (tokens[j].end == tokens[i].start or tokens[i].end == tokens[j].start)]
    wrapped = (tokens[i].text in ("[", "(") and i + 1 < len(tokens) and tokens[i + 1].line == tokens[i].line + 1
               and tags[i + 1].endswith("-fn_mark"))      # ``[`` ending the line, ``F2]`` opening the next
    return tokens[i].text in ("[", "]", "(", ")") and (wrapped or any(tags[j].endswith("-fn_mark") for j in glued))


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


PLAN_NUMBER = "401(k)"      # the retirement plan a nature names (``By LGI 401(k) Plan``)
PLAN_NUMBER_PARTS = ("401", "401(k", PLAN_NUMBER, "(k)")     # what a line may hold of it


def repair_plan_numbers(tokens, tags, confidences, line_zones):
    """A 401(k) plan's number in a nature of ownership that the CRF left ``O`` or read as
    the title beside it (EDGAR ASCII wraps ``By LGI 401`` / ``(k) Plan`` and ``Amazon.com``
    / ``401(k)`` / ``plan account`` in the last column): a run of tokens spelling part of
    ``401(k)`` (or ``401`` and ``(k)`` on the next line) that ends its line or stands right
    before the nature's word, on a line holding or between the nature's words, is the
    nature's (tags fixed in place)."""
    if not any("401" in t.text for t in tokens):
        return
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    runs = {line: _plan_number_runs(tokens, idx) for line, idx in by_line.items()}
    for line, idx in by_line.items():
        for run in runs[line]:
            text = "".join(tokens[i].text for i in run)
            other = {"401": (line + 1, "(k)"), "(k)": (line - 1, "401")}.get(text)
            if other and not any("".join(tokens[i].text for i in r) == other[1] for r in runs.get(other[0], ())):
                continue        # half the number: only with its other half wrapped onto the next line
            after = run[-1] + 1
            natured = [i for k in (line - 1, line, line + 1) for i in by_line.get(k, ()) if tags[i].endswith("nature")]
            at_end = run[-1] == idx[-1] or after < len(tokens) and tags[after] == "I-nature"
            if natured and at_end and all(tags[i] == "O" or tags[i].endswith("title") for i in run):
                for i in run:
                    tags[i], confidences[i] = "I-nature", confidences[natured[0]]


def _plan_number_runs(tokens, idx):
    """Runs of the line's tokens (``idx``) glued or spaced that spell ``401``, ``401(k)``
    or its ``(k)``, longest first from each start."""
    runs, k = [], 0
    while k < len(idx):
        text, end = "", k
        for m in range(k, min(k + 4, len(idx))):
            joined = text + tokens[idx[m]].text
            if not (PLAN_NUMBER.startswith(joined) or "(k)".startswith(joined)):
                break
            text, end = joined, m + 1
        if text in PLAN_NUMBER_PARTS:
            runs.append(idx[k:end])
            k = end
        else:
            k += 1
    return runs


def repair_bare_nature_openings(tokens, tags, confidences, line_zones):
    """A nature that is only its opening word (``By``, ``Held``) ending its line goes on
    with the words of the next line where that line holds nothing tagged, only words and
    the bare numbers of garbled marks (OCR: ``By`` / ``2 3 GRAT``). Tags fixed in place,
    with the nature's confidence."""
    runs = line_runs(tokens)
    for line, idx in runs.items():
        last = idx[-1]
        if (tags[last] != "B-nature" or not NATURE_WORD_OPENING.match(tokens[last].text)
                or line + 1 not in runs or {line_zones[line], line_zones[line + 1]} - set(TABLE_ZONES)):
            continue
        below = runs[line + 1]
        words = [i for i in below if not BARE_MARK.match(tokens[i].text)]
        if (words and untagged(tags, below) and len(words) <= MAX_NATURE_TAIL_WORDS
                and all(tokens[i].text.isalpha() for i in words) and _below_in_column(tokens, idx, words[0])):
            for i in words:
                tags[i], confidences[i] = "I-nature", confidences[last]


MAX_NATURE_TAIL_WORDS = 4


def _below_in_column(tokens, idx, first):
    """Whether the word ``first`` of the next line stands in the column of the line's last
    token (``idx``: the line's tokens), where the text keeps columns (a cell's gap of
    spaces before that token: ``pdftotext -layout``); text that keeps none cannot tell."""
    last = tokens[idx[-1]]
    before = tokens[idx[-2]] if len(idx) > 1 else None
    columned = before is not None and last.col - (before.col + len(before.text)) >= MIN_CELL_GAP
    return not columned or abs(tokens[first].col - last.col) <= WRAP_COLUMN_SLACK


DAY = re.compile(r"^(?:[1-9]|[12]\d|3[01])$")


def repair_nature_dates(tokens, tags, confidences, line_zones):
    """A trust's date ending its nature (``By Philip Singleton Irrevocable Trust, Dated``
    / ``December`` / ``24, 2015``, plain ``pdftotext`` a word or two a line) that the CRF
    left ``O`` after the month it read: the day, comma and year right after a nature's
    month, on its line or the next, go on with the nature, as does a comma left ``O``
    between two of its words (``Trust ,`` / ``Dated``). Tags fixed in place, with the
    month's confidence."""
    zoned = [i for i, tok in enumerate(tokens) if line_zones[tok.line] in TABLE_ZONES]
    for k, i in enumerate(zoned):
        if not tags[i].endswith("-nature"):
            continue
        rest = zoned[k + 1:k + 4]
        if (tokens[i].text[:3].lower() in MONTHS and len(rest) == 3
                and [tags[j] for j in rest] == ["O"] * 3 and tokens[rest[-1]].line - tokens[i].line <= 1
                and DAY.match(tokens[rest[0]].text) and tokens[rest[1]].text == "," and YEAR.match(tokens[rest[2]].text)):
            for j in rest:
                tags[j], confidences[j] = "I-nature", confidences[i]
        elif (rest and tokens[rest[0]].text == "," and tags[rest[0]] == "O" and len(rest) > 1
              and tags[rest[1]] == "I-nature"):
            tags[rest[0]], confidences[rest[0]] = "I-nature", confidences[i]
