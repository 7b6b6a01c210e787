"""Rules that mend the field CRFs' tags of the tables' text cells, whatever their label
(title, underlying title, nature): a value begun again inside its cell, a tab cell's
head left ``O``, a bracket closing inside its value, a cell wrapped over the lines below
it and a wrapped cell's head. Each takes the tokens and their tags (and what
``pipeline.TAG_REPAIRS`` names) and fixes the tags in place."""
from .assemble import WRAP_COLUMN_SLACK
from .features import MARK, YEAR, security_words
from .fields import (
    VALUE, WRAPPED_LABELS, is_mark, line_cells, line_runs, lone_value, tokens_by_line, untagged_words_before, words_of,
)
from .labels import TABLE_ZONES


def repair_split_text_cells(tokens, tags):
    """A table's text value the CRF began again right after its own word, in one cell
    (glued or one space on, same tab cell: ``Held`` / ``by minor child`` both begun), goes
    on. Fixes tags in place."""
    for i in range(1, len(tokens)):
        tag, before, tok = tags[i], tokens[i - 1], tokens[i]
        if (tag.startswith("B-") and tag[2:] in WRAPPED_LABELS and tags[i - 1][2:] == tag[2:]
                and before.line == tok.line and before.cell == tok.cell and tok.start - before.end <= 1):
            tags[i] = "I-" + tag[2:]


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
        head = untagged_words_before(tokens, tags, i, lambda j: tokens[j].cell == tok.cell)
        if head and (head[-1] == 0 or tokens[head[-1] - 1].line != tok.line or tokens[head[-1] - 1].cell != tok.cell):
            for j in head:
                tags[j], confidences[j] = "I-" + tags[i][2:], confidences[i]
            tags[head[-1]], tags[i] = "B-" + tags[i][2:], "I-" + tags[i][2:]


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


MAX_WRAPPED_CHARS = 24      # a wrapped cell's line is a column wide, not a sentence


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
        if lone_value(tokens, tags, above_line):   # plain pdftotext: the row's amount between a cell's lines
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
                tags[i] = "B-fn_mark" if is_mark(tokens, group, label, i) else "I-" + label
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


def _head_cell(label, cells):
    """Which of its line's ``cells`` a text cell's head is: a title's the first, a
    nature's the last (an underlying title, in the middle, has no such mark)."""
    return {"title": 0, "nature": cells - 1}.get(label)


def _may_continue(tokens, group, label):
    """Whether the tokens ``group`` could be the next line of a ``label`` cell: short,
    no amount or date (a nature may name a year), and for a title bracketed groups (or
    one opening a bracket that a later line closes: ``(right to`` / ``buy)``, or the end
    of one: ``(Class`` / ``A)``), or security words and single capitals (``Stock``,
    ``Class A``)."""
    texts = [tokens[i].text for i in group]
    numbers = [tokens[i].text for i in words_of(tokens, group, label) if VALUE.match(tokens[i].text)]
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


def _tag_above(tokens, tags, above, col):
    """The token of a wrapped text cell on the line above that starts in ``col``, or None."""
    return next((i for i in above if abs(tokens[i].col - col) <= WRAP_COLUMN_SLACK
                 and tags[i][2:] in WRAPPED_LABELS), None)
