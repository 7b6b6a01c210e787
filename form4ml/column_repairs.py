"""Rules that mend the field CRFs' tags of whole tables printed a column or a cell at a
time (plain ``pdftotext``, pdfminer), read across their fields: a column of like lines,
a row printed the way an earlier row was, a block of Table I printed wholly column by
column, a one-row Table I printed a cell a line. Each takes the tokens and their tags
(and what ``pipeline.TAG_REPAIRS`` names) and fixes the tags in place."""
import re
from itertools import takewhile

from .features import DATE, MARK, word_shape
from .fields import (
    LINE_CODES, MIN_COLUMN_LINES, WHOLE_AMOUNT, WRAPPED_LABELS, read_title, security_line, tokens_by_line, untagged,
)
from .labels import TABLE_ZONES
from .pieces import MIN_CELL_GAP
from .record import SEC_CODES


MIN_REPEATED_LINES = 3     # a row's title, date and code


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
    return "title" if security_line(tokens, run, texts) or read_title(tokens, tags, run) else None


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
