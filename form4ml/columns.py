"""Which side of Table II's column 5 an amount stands in.

Table II gives no A/D letter: column 5 has two sub-columns, ``(A)`` and ``(D)``, and
an amount is acquired or disposed of by the one it stands under. Where the text keeps
cells (tab-separated rows of pdfplumber and document converters, the ``|`` columns
of EDGAR's ASCII tables), a row has as many cells as the heading line above it, so the
amount's cell index names its sub-column. Lines of spaces are left: there a cell's
column, measured in characters, drifts by more than a sub-column's width
(``pdftotext -layout`` sets each line's characters by their own widths).
"""
from .fields import _tokens_by_line

SUB_HEADS = {"V": 0, "(A)": 1, "(D)": 2}   # heading -> cells right of the V column


def amount_sides(tokens, tags, lines, line_zones):
    """{token index: "A" or "D"} for the amounts tagged ``shares`` in Table II rows
    whose cells line up with a heading line's ``V``, ``(A)`` and ``(D)`` cells.

    A row lines up when it has as many cells as the heading line and its transaction
    code stands in the cell left of ``V``: a scanned table's cells shift from row to
    row, and a document converter breaks and joins the heading's cells, so a row of
    the right length may still stand a cell off."""
    v_cells, sides = {}, {}     # cell count -> the V column's cell
    for line, idx in _tokens_by_line(tokens, line_zones, {"table2"}).items():
        cells = _cells(tokens, idx, lines[line])
        if cells is None:
            continue
        heads = {}
        for n, cell in enumerate(cells):
            text = "".join(tokens[i].text for i in cell)
            if text in SUB_HEADS:
                heads.setdefault(n - SUB_HEADS[text], set()).add(text)
        v_cell = next((n for n, found in heads.items() if "V" in found and len(found) > 1), None)
        if v_cell is not None:
            v_cells[len(cells)] = v_cell
            continue
        v_cell = v_cells.get(len(cells))
        if v_cell is None or not any(tags[i] == "B-code" for i in cells[v_cell - 1]):
            continue
        for side, n in (("A", v_cell + 1), ("D", v_cell + 2)):
            for i in cells[n] if n < len(cells) else ():
                if tags[i] == "B-shares":
                    sides[i] = side
    return sides


def _cells(tokens, idx, text):
    """The line's cells, each a list of token indices, split at tabs or, on a line
    without tabs, at ``|`` (separators dropped); None for a line of spaces."""
    sep = "\t" if "\t" in text else "|" if "|" in text else None
    if sep is None:
        return None
    cells = [[] for _ in range(text.count(sep) + 1)]
    for i in idx:
        if tokens[i].text != sep:
            cells[text.count(sep, 0, tokens[i].col)].append(i)
    return cells
