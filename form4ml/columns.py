"""Table II's sub-columns (columns 4 to 7: code, V, (A), (D), the dates, the underlying
title and amount) read from the cells a text keeps.

Table II gives no A/D letter: column 5 has two sub-columns, ``(A)`` and ``(D)``, and
an amount is acquired or disposed of by the one it stands under. Where the text keeps
cells (tab-separated rows of pdfplumber and document converters, the ``|`` columns
of EDGAR's ASCII tables, a plain copy's ``;`` cells), a row has as many cells as the
heading line above it, so the amount's cell index names its sub-column. Lines of spaces
are left: there a cell's column, measured in characters, drifts by more than a
sub-column's width (``pdftotext -layout`` sets each line's characters by their own
widths).
"""
from .features import DATE, MARK, NUMBER
from .fields import tokens_by_line
from .record import SEC_CODES

SUB_HEADS = {"V": 0, "(A)": 1, "(D)": 2}   # heading -> cells right of the V column
# Table II's columns 4 to 7, one label per sub-column
SUB_TABLE = ("code", "v", "shares", "shares", "ex_date", "exp_date", "und_title", "und_shares")
SUB_TABLE_V = SUB_TABLE.index("v")
TABLE2_CODE_CELL = 4    # title, conversion price, date, deemed date, code
TABLE2_CELLS = 16       # eleven columns, four of them split in two


def read_sub_columns(tokens, tags, confidences, lines, line_zones):
    """One pass over Table II's lines that keep cells: pdfplumber's eight-cell rows of
    the nested columns 4 to 7 take their sub-columns' labels (``_label_sub_table_row``),
    then each row's amounts get the side of the sub-column they stand in. Returns
    {token index: "A" or "D"} for the amounts tagged ``shares``.

    A row's side is read where it lines up: as many cells as the heading line with
    ``V``, ``(A)`` and ``(D)`` cells, and its transaction code in the cell left of
    ``V``. A scanned table's cells shift from row to row, and a document converter
    breaks and joins the heading's cells, so a row of the right length may still stand
    a cell off."""
    v_cells, sides = {}, {}     # cell count -> the V column's cell
    for line, idx in tokens_by_line(tokens, line_zones, {"table2"}).items():
        cells = _cells(tokens, idx, lines[line])
        if cells is None:
            continue
        v_cell = _heading_v_cell(tokens, cells)
        if v_cell is not None:
            v_cells[len(cells)] = v_cell
            continue
        if _is_sub_table_row(tokens, cells):
            _label_sub_table_row(tokens, tags, confidences, idx, cells)
            v_cell = SUB_TABLE_V
        else:
            v_cell = v_cells.get(len(cells))
            if v_cell is None:
                v_cell = _v_cell_after_code(tokens, tags, cells)
        if v_cell is None or v_cell == 0 or not any(tags[i] == "B-code" for i in cells[v_cell - 1]):
            continue
        for side, n in (("A", v_cell + 1), ("D", v_cell + 2)):
            for i in cells[n] if n < len(cells) else ():
                if tags[i] == "B-shares":
                    sides[i] = side
    return sides


def _v_cell_after_code(tokens, tags, cells):
    """The V column's cell of a row no heading line lines up with (a converter broke the
    heading's cells, a markdown dump joined them): the cell right of the code, where the
    row keeps its cells: no more than Table II's sixteen (trailing empty ones aside), its
    title in the first, its code in the fifth, the cell after that empty or ``V`` and,
    of the two after it, one holding the row's amount and the other nothing. (A scan's
    cells split and shift: there it is left.)"""
    code = TABLE2_CODE_CELL
    while cells and not cells[-1]:
        cells = cells[:-1]
    if not code + 3 < len(cells) <= TABLE2_CELLS or not any(tags[i] == "B-code" for i in cells[code]) \
            or not any(tags[i] == "B-title" for i in cells[0]):
        return None
    v, a, d = cells[code + 1:code + 4]
    if any(tokens[i].text != "V" for i in v):
        return None
    amount = [any(tags[i] == "B-shares" for i in cell) for cell in (a, d)]
    return code + 1 if amount in ([True, False], [False, True]) and not (a and d) else None


def _heading_v_cell(tokens, cells):
    """The V column's cell on a heading line whose cells read ``V`` and ``(A)`` or
    ``(D)`` alone, in their places right of it; None on any other line."""
    heads = {}
    for n, cell in enumerate(cells):
        text = "".join(tokens[i].text for i in cell)
        if text in SUB_HEADS:
            heads.setdefault(n - SUB_HEADS[text], set()).add(text)
    return next((n for n, found in heads.items() if "V" in found and len(found) > 1), None)


def _label_sub_table_row(tokens, tags, confidences, idx, cells):
    """pdfplumber finds the nested table of Table II's columns 4 to 7 on its own when a
    row is tall (a title wrapped over three lines): it prints that table's row as eight
    tab-separated cells (``A<tab><tab>328<tab><tab>(2)<tab>(2)<tab>Common Stock<tab>328``)
    and the rest of the row as lines around it, and the CRF, seeing a row without its
    title, date or price, reads the cells loosely (the code left untagged, the amount
    read as the underlying one). Each cell takes its sub-column's label where its token
    fits it (footnote marks stay marks); a token the CRF left untagged takes the row's
    lowest confidence."""
    known = [confidences[i] for i in idx if confidences[i] is not None]
    for i in idx:
        if confidences[i] is None:
            confidences[i] = min(known, default=0.0)
    for label, cell in zip(SUB_TABLE, cells):
        words = [i for i in cell if not MARK.match(tokens[i].text)]
        for i in cell:
            if MARK.match(tokens[i].text):
                tags[i] = "B-fn_mark"
        for n, i in enumerate(words):
            if _fits(label, tokens[i].text) or (label == "und_title" and n):
                tags[i] = ("I-" if n else "B-") + label


def _is_sub_table_row(tokens, cells):
    """Eight cells: a transaction code first, an amount in the (A) or the (D) cell, the
    underlying title and amount last."""
    if cells is None or len(cells) != len(SUB_TABLE):
        return False
    first = [tokens[cell[0]].text if cell else "" for cell in cells]
    return (first[0] in SEC_CODES and first[0] != "V" and NUMBER.match(first[7]) is not None
            and sum(bool(NUMBER.match(t)) for t in first[2:4]) == 1
            and first[6] != "" and not NUMBER.match(first[6]))


def _fits(label, text):
    if label == "code":
        return text in SEC_CODES
    if label == "v":
        return text == "V"
    if label in ("ex_date", "exp_date"):
        return DATE.match(text) is not None
    if label == "und_title":
        return not NUMBER.match(text)
    return NUMBER.match(text) is not None


def _cells(tokens, idx, text):
    """The line's cells, each a list of token indices, split at tabs or, on a line
    without tabs, at ``|`` or else ``;`` (a plain copy's cells; separators dropped); None
    for a line of spaces."""
    sep = next((sep for sep in ("\t", "|", ";") if sep in text), None)
    if sep is None:
        return None
    cells = [[] for _ in range(text.count(sep) + 1)]
    for i in idx:
        if tokens[i].text != sep:
            cells[text.count(sep, 0, tokens[i].col)].append(i)
    return cells
