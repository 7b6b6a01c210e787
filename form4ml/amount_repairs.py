"""Rules that mend the field CRFs' tags of the tables' numbers: amounts of shares,
underlying amounts, amounts owned, prices and dates, read as one another, split, wrapped,
left ``O`` or printed a column at a time. Each takes the tokens and their tags (and what
``pipeline.TAG_REPAIRS`` names) and fixes the tags in place."""
import re
from itertools import takewhile

from .assemble import WRAP_COLUMN_SLACK
from .features import DATE, HEADER_WORDS, MARK, YEAR
from .fields import (
    AMOUNT_LABELS, CELL_SEPARATORS, CUT_AMOUNT, LINE_CODES, MAX_CELL_LINE_GAP, MAX_LINES_TO_AMOUNT, MIN_COLUMN_LINES,
    MISREAD_LETTER, NOTE_CONFIDENCE, UNDERLYING_END, VALUE, WHOLE_AMOUNT, after_dollar_sign, line_cells, line_runs,
    lone_code, marks_only, names_security, next_lines, shortfall, stands_alone, tagged_after, tagged_before, title_like,
    tokens_by_line, untagged,
)
from .labels import TABLE_ZONES
from .letter_repairs import repair_lone_ownership_letters
from .pieces import MIN_CELL_GAP


def repair_split_amounts(tokens, tags, line_zones):
    """An amount the CRF ran on with the amount before it across a cell's gap of spaces
    (``pdftotext -layout``: ``472`` ... ``472``, read as one underlying amount
    ``472472``), or onto the next line where both are whole amounts in groups of three
    (plain ``pdftotext``: a row's ``205,539`` over a holding's ``139,860``; a fixed-width
    cell's cut ``1,474,4`` / ``32`` is no whole amount), is an amount of its own. Tags
    fixed in place."""
    for i in range(1, len(tokens)):
        label = tags[i][2:]
        if (tags[i][0] == "I" and label in AMOUNT_LABELS and tags[i - 1][2:] == label
                and line_zones[tokens[i].line] in TABLE_ZONES and _apart(tokens[i - 1], tokens[i])):
            tags[i] = "B-" + label


GROUPED_AMOUNT = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


def _apart(before, token):
    """Whether two amounts read as one are two: a cell's gap apart on a line, or each a
    whole amount in groups of three on lines of their own."""
    if before.line == token.line:
        return token.start - before.end >= MIN_CELL_GAP and bool(VALUE.match(token.text) and VALUE.match(before.text))
    return bool(GROUPED_AMOUNT.match(before.text) and GROUPED_AMOUNT.match(token.text))


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
                and marks_only(tokens, first[1:]) and marks_only(tokens, second[1:])):
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
                and PRICE_SHAPE.match(tokens[run[0]].text) and marks_only(tokens, run[1:])):
            tags[run[0]], confidences[run[0]] = "B-price", _confidence_before(confidences, run[0])


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
                and stands_alone(tokens, i)):
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


DIGITS = re.compile(r"^\$?\d[\d,]*$")


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
        untitled = shortfall(tags, by_line, "B-shares", "B-tx_date")
        missing = max(shortfall(tags, by_line, "B-title", "B-tx_date"), untitled)
        for line, below in next_lines(by_line):
            date, code = by_line[line], by_line[below]
            if (missing <= 0 or len(date) != 1 or tags[date[0]] != "O" or not DATE.match(tokens[date[0]].text)
                    or not lone_code(tokens, tags, code)):
                continue
            before = tagged_before(tags, date[0], passing=("O", "B-fn_mark", "B-ex_price"))
            if before is None or tags[before][2:] not in ("title", "code", "di") or (
                    tags[before] == "B-di" and untitled <= 0):
                continue
            for i, tag in zip([date[0], *code], ("B-tx_date", "B-code") + ("B-fn_mark",) * (len(code) - 1)):
                tags[i], confidences[i] = tag, confidences[before]
            missing, untitled = missing - 1, untitled - 1


def repair_stacked_dates(tokens, tags, confidences, line_zones):
    """A date alone on its line that the CRF read as a deemed execution date, right below
    a transaction date alone on its line (a blank line at most between), is the next
    row's transaction date where its table has fewer transaction dates than titles
    (plain ``pdftotext`` prints two rows' titles, then their dates, one below the other:
    ``Class A Common Stock`` twice, ``12/03/2018`` twice). Tags fixed in place."""
    for zone in TABLE_ZONES:
        by_line = tokens_by_line(tokens, line_zones, (zone,))
        missing = shortfall(tags, by_line, "B-title", "B-tx_date")
        for line, below in next_lines(by_line):
            date, deemed = by_line[line], by_line[below]
            if (missing > 0 and len(date) == 1 and len(deemed) == 1 and tags[date[0]] == "B-tx_date"
                    and tags[deemed[0]] == "B-deemed_date"):
                tags[deemed[0]] = "B-tx_date"
                missing -= 1


def repair_amounts_before_letters(tokens, tags, confidences, line_zones):
    """An amount the CRF left ``O`` right before an A/D letter it read, nothing read before
    them on their Table I line (``24,773 A``), is a row's amount of shares where the table
    has fewer amounts than A/D letters (pdfminer prints a block's amounts after its titles,
    dates and codes, the CRF reading the first; pdfplumber may lose a row's title and date,
    its line opening with its code: ``A (1) 20,386 A $ 0``, the code and marks read too).
    Tags fixed in place, with the letter's confidence."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = shortfall(tags, by_line, "B-ad", "B-shares")
    for run in by_line.values():
        for k, (amount, letter) in enumerate(zip(run, run[1:])):
            if (missing > 0 and tags[amount] == "O" and WHOLE_AMOUNT.match(tokens[amount].text)
                    and tags[letter] == "B-ad" and tokens[letter].text in ("A", "D") and untagged(tags, run[:k])):
                tags[amount], confidences[amount] = "B-shares", confidences[letter]
                missing -= 1
                _read_line_code(tokens, tags, confidences, run[:k], confidences[letter])


def repair_owned_before_ad_letters(tokens, tags, confidences, line_zones):
    """An amount the CRF read as an amount owned alone on its Table I line but for an
    ``A`` or ``D`` it left ``O`` right after it (``134,682 D``) is a row's amount of shares
    and its A/D letter, where the table has more amounts owned than D/I letters and fewer
    amounts than codes (plain ``pdftotext`` prints the first row's amount below the
    next row's title and code). Tags fixed in place, with the amount's confidence."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    surplus = min(shortfall(tags, by_line, "B-owned", "B-di"), shortfall(tags, by_line, "B-code", "B-shares"))
    for run in by_line.values():
        if surplus <= 0:
            return
        if (len(run) == 2 and tags[run[0]] == "B-owned" and WHOLE_AMOUNT.match(tokens[run[0]].text)
                and tags[run[1]] == "O" and tokens[run[1]].text in ("A", "D")):
            tags[run[0]], tags[run[1]] = "B-shares", "B-ad"
            confidences[run[1]] = confidences[run[0]]
            surplus -= 1


def repair_untagged_holdings(tokens, tags, confidences, line_zones):
    """A Table I line of words naming a security and the next line of an amount alone (its
    marks beside it), all left ``O``, are a holding's title and amount owned where the
    table has more D/I letters than amounts owned or they end the table's zone (pdfminer
    prints a holding's title and amount at the table's end, its letter and nature apart,
    past Table II: ``Common Stock`` / ``3,622``).
    Tags fixed in place, with the confidence of the value read last before them."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = shortfall(tags, by_line, "B-di", "B-owned")
    for line, below in next_lines(by_line):
        title, amount = by_line[line], by_line[below]
        ends = amount[-1] + 1 == len(tokens) or line_zones[tokens[amount[-1] + 1].line] != "table1"
        if missing <= 0 and not ends or not _untagged_holding(tokens, tags, title, amount):
            continue
        before = tagged_before(tags, title[0])
        conf = confidences[before] if before is not None else NOTE_CONFIDENCE
        for k, i in enumerate(title):
            tags[i], confidences[i] = ("I-" if k else "B-") + "title", conf
        for k, i in enumerate(amount):
            tags[i], confidences[i] = ("B-fn_mark" if k else "B-owned"), conf
        missing -= 1


def _untagged_holding(tokens, tags, title, amount):
    """Whether the lines ``title`` and ``amount`` (token indices), all ``O``, are words
    naming a security and an amount alone with its marks."""
    words = [tokens[i].text for i in title]
    return (untagged(tags, [*title, *amount]) and all(map(title_like, words)) and names_security(words)
            and WHOLE_AMOUNT.match(tokens[amount[0]].text) is not None and marks_only(tokens, amount[1:]))


def repair_untitled_derivative_lines(tokens, tags, confidences, line_zones):
    """A Table II line opening with a code letter and an amount the CRF left ``O`` (their
    marks after them) before the underlying title it read is a row's code and amount where
    the table has fewer amounts than underlying titles (pdfplumber may lose a row's title
    and date: ``A 187.361 (2) (2) Common Stock 187.361``). Tags fixed in place, with the
    underlying title's confidence."""
    by_line = tokens_by_line(tokens, line_zones, ("table2",))
    missing = shortfall(tags, by_line, "B-und_title", "B-shares")
    for run in by_line.values():
        title = next((k for k, i in enumerate(run) if tags[i] != "O"), None)
        if missing <= 0 or title is None or title < 2 or tags[run[title]] != "B-und_title":
            continue
        code, amount, marks = run[0], run[1], run[2:title]
        if WHOLE_AMOUNT.match(tokens[amount].text) and marks_only(tokens, marks):
            _read_line_code(tokens, tags, confidences, [code, *marks], confidences[run[title]])
            if tags[code] == "B-code":
                tags[amount], confidences[amount] = "B-shares", confidences[run[title]]
                missing -= 1


def _read_line_code(tokens, tags, confidences, opening, confidence):
    """A code letter opening a row's line, its marks after it, all left ``O`` before the
    row's amount: the row's code and marks (pdfplumber, the row's title and date lost:
    ``A (1) 20,386 A $ 0``)."""
    if opening and tokens[opening[0]].text in LINE_CODES and marks_only(tokens, opening[1:]):
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
    missing = shortfall(tags, by_line, "B-code", "B-shares")
    amounts = [line for line, run in by_line.items()
               if WHOLE_AMOUNT.match(tokens[run[0]].text) and marks_only(tokens, run[1:])]
    for above, line in zip(amounts, amounts[1:]):
        first, run = by_line[above][0], by_line[line]
        if (missing > 0 and tags[first] == "B-shares" and tags[run[0]] == "O" and line - above <= 2 * MAX_CELL_LINE_GAP
                and all(marks_only(tokens, by_line.get(k, ())) for k in range(above + 1, line))):
            tags[run[0]], confidences[run[0]] = "B-shares", confidences[first]
            below = by_line.get(line + 1, ())
            for i in [*run[1:], *(below if marks_only(tokens, below) else ())]:
                if tags[i] == "O":
                    tags[i], confidences[i] = "B-fn_mark", confidences[first]
            missing -= 1


def repair_amount_columns(tokens, tags, confidences, line_zones):
    """Two or more amounts alone on their lines (their marks beside them or on lines of
    their own between) right below Table I's ``Amount`` sub-heading alone on its line, a
    code the CRF read alone on its line, or a date alone on its line (a long table's page
    printed its codes apart), are rows' amounts of shares while
    the table has fewer amounts of shares than codes: plain ``pdftotext`` prints column
    4's amounts of a block of rows as a column after the rows' titles, dates and codes
    (``A`` / ``3,910`` / ``(2)`` / ``2,970`` / ``(3)``), under the sub-heading where it
    prints it, and the CRF reads all but the first as amounts owned or leaves them
    untagged. A lone amount is a row's only under the sub-heading (a one-row table's cells
    scattered among the headings), else it stays as the CRF read it. Tags fixed in place;
    one the CRF left untagged takes the confidence of the first it read, else the code's."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = shortfall(tags, by_line, "B-code", "B-shares")
    lines = list(by_line)
    for n, line in enumerate(lines):
        run = by_line[line]
        sub_heading = len(run) == 1 and tokens[run[0]].text == "Amount"
        heading = sub_heading or _lone_date(tokens, tags, run)
        if missing <= 0 or not (heading or tags[run[0]] == "B-code" and lone_code(tokens, tags, run)):
            continue
        below = takewhile(lambda k: marks_only(tokens, by_line[k]) or (
            WHOLE_AMOUNT.match(tokens[by_line[k][0]].text) and marks_only(tokens, by_line[k][1:])), lines[n + 1:])
        amounts = [by_line[k][0] for k in below if not marks_only(tokens, by_line[k])]
        read = [confidences[i] for i in [*amounts, run[0]] if confidences[i] is not None]
        if len(amounts) < (1 if sub_heading else 2) or not read:
            continue
        for i in amounts:
            if missing > 0 and tags[i] != "B-shares":
                tags[i], confidences[i] = "B-shares", confidences[i] if confidences[i] is not None else read[0]
                missing -= 1


def _lone_date(tokens, tags, run):
    """Whether a line is a date alone, read as a transaction's or left ``O``."""
    return len(run) == 1 and bool(DATE.match(tokens[run[0]].text)) and tags[run[0]] in ("O", "B-tx_date")


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
        before = tagged_before(tags, run[0])
        if before is not None and tags[before] == "B-code" and line - tokens[before].line <= MAX_LINES_TO_AMOUNT:
            for i, tag in zip(run, ("B-shares", "B-ad")):
                tags[i], confidences[i] = tag, confidences[before]


LETTER_TAGS = ("O", "B-ad", "B-di")     # the tags an amount's A/D letter may have been given
BETWEEN_CODE_AND_AMOUNT = {"V", "-", "|", ";"}     # the form's V column, empty cells' marks, rules


def repair_derivative_amounts_after_codes(tokens, tags, confidences, line_zones):
    """A number left ``O`` on a Table II row's line right after its code (past its marks,
    the ``V`` column and rules), right before its exercise or expiration date, is the
    row's amount where the line has none: the CRF rarely reads a one-digit amount
    (``J (6) 1 10/30/2025 06/24/2026``: a swap of one contract). Tags fixed in place,
    with the code's confidence."""
    for run in tokens_by_line(tokens, line_zones, ("table2",)).values():
        code = next((i for i in run if tags[i] == "B-code"), None)
        if code is None or any(tags[i] == "B-shares" for i in run):
            continue
        after = [i for i in run
                 if i > code and tags[i] != "B-fn_mark" and tokens[i].text not in BETWEEN_CODE_AND_AMOUNT]
        if (len(after) > 1 and tags[after[0]] == "O" and WHOLE_AMOUNT.match(tokens[after[0]].text)
                and tags[after[1]] in ("B-ex_date", "B-exp_date")):
            tags[after[0]], confidences[after[0]] = "B-shares", confidences[code]


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
    missing = shortfall(tags, by_line, "B-di", "B-owned")
    for line, below in next_lines(by_line):
        run, letter = by_line[line], by_line[below]
        if (missing <= 0 or tags[run[0]] != "O" or not WHOLE_AMOUNT.match(tokens[run[0]].text)
                or not marks_only(tokens, run[1:]) or len(letter) != 1 or tags[letter[0]] != "B-di" or tokens[letter[0]].text != "I"):
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
    missing = shortfall(tags, by_line, "B-title", "B-owned")
    below = dict(next_lines(by_line))
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
        line = _past_mark_lines(tokens, by_line, below, below.get(below[line]))
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
    """The first line from ``line`` on that holds more than footnote marks or a price: a
    mark or a price of the price column printed in the column of amounts owned (``(12)``
    / ``168,160,765`` / ``I``; ``$`` / ``1,052.515`` / ``167,218,193`` / ``I``) does not
    end it."""
    while line in below and (marks_only(tokens, by_line[line]) or _lone_dollar(tokens, by_line[line])):
        skip = below[line]
        if _lone_dollar(tokens, by_line[line]) and skip in below:
            skip = below[skip]      # the price below its dollar sign
        line = skip
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
    return (ok and WHOLE_AMOUNT.match(tokens[amount].text) is not None and marks_only(tokens, amount_run[1:])
            and len(letter_run) == 1 and tokens[letter].text in ("D", "I"))


def repair_amounts_read_after_amounts(tokens, tags, line_zones):
    """A whole number alone on its line read as a price or an amount owned, with no ``$``
    on the line above, right below a transaction's amount (its marks between), is the
    next row's amount where Table I has fewer amounts than titles and more of the
    number's reading: plain ``pdftotext`` prints a short table's amounts as a column
    (``1,338`` / ``(1)`` / ``862`` / ``(2)``), the prices and amounts owned later.
    Tags fixed in place."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = shortfall(tags, by_line, "B-title", "B-shares")
    extra = {label: shortfall(tags, by_line, label, "B-title") for label in ("B-price", "B-owned")}
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
    missing = min(shortfall(tags, by_line, "B-title", "B-shares"), shortfall(tags, by_line, "B-owned", "B-title"))
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
    missing = min(shortfall(tags, by_line, "B-title", "B-shares"), shortfall(tags, by_line, "B-owned", "B-title"))
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
        after = tagged_after(tags, i)
        if after is not None and tags[after] == "B-price" and _after_dollar(tokens, tags, after):
            tags[i] = "B-price"


POINTED = re.compile(r"^\d{1,3}(?:,\d{3})*\.\d+$")     # a number with a decimal point: a price's shape
WORD = re.compile(r"^[A-Za-z]{2,}$")     # a word, not a letter of a column (D, I, A)


def repair_dollar_prices(tokens, tags, confidences, line_zones):
    """A number with a decimal point that a ``$`` opens, on its line (``$ 1,043.64``) or
    alone on the line above, and that no number follows on the next line, is Table I's
    price, whatever the CRF read it as (an amount, an amount owned, ``O``): a ``$`` opens
    only a price, and plain ``pdftotext`` prints a long table's prices apart from their
    rows, where the CRF misreads some. (OCR reads a code ``S`` before its amount as ``$``:
    an amount with its A/D letter after it, not alone; a ``$`` alone above two numbers is
    the price's and the amount owned's, as ``repair_dollar_pairs`` reads them.) Tags fixed
    in place; one left ``O`` takes the least confidence of the table's prices (where none
    was read, the last tagged token's). A ``$`` that may go on a text cell, after a word
    or a title (``par value`` / ``$ 0.01``), is left; one after a column's heading word
    (``Price`` / ``$ 232.07``: a lone sale's price printed below its heading) is not."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    read = [confidences[i] for run in by_line.values() for i in run if tags[i] == "B-price"]
    lines = list(by_line)
    for k in range(len(lines)):
        i = _number_after_dollar(tokens, tags, by_line, lines, k)
        if i is not None:
            tags[i], confidences[i] = "B-price", confidences[i] if tags[i] != "O" else min(
                read, default=_confidence_before(confidences, i))


def _confidence_before(confidences, i):
    """The confidence of the last tagged token before token ``i``."""
    return next((c for c in reversed(confidences[:i]) if c is not None), NOTE_CONFIDENCE)


def _number_after_dollar(tokens, tags, by_line, lines, k):
    """The number with a decimal point, left ``O`` or read as an amount, that a ``$``
    opening line ``lines[k]`` opens, on its line or alone on the next, marks alone after
    it and no number on the line after; None where there is none or the ``$`` may go on
    a text cell."""
    run = by_line[lines[k]]
    last_word = tokens[by_line[lines[k - 1]][-1]].text if k else ""
    if (tokens[run[0]].text != "$" or _in_text_cell(tags, run[0])
            or (WORD.match(last_word) and last_word.lower() not in HEADER_WORDS)):
        return None
    if len(run) > 1:
        cell, after = run[1:], []
    elif k + 1 < len(lines):
        cell, after = by_line[lines[k + 1]], by_line[lines[k + 2]] if k + 2 < len(lines) else []
    else:
        return None
    i = cell[0]
    if (POINTED.match(tokens[i].text) and tags[i] in ("O", "B-shares", "B-owned") and marks_only(tokens, cell[1:])
            and not (after and VALUE.match(tokens[after[0]].text))):
        return i
    return None


def _in_text_cell(tags, i):
    """Whether the tag read last before token ``i`` is a text cell's (a title's, a
    nature's), which the token may go on: EDGAR ASCII wraps ``Class A common stock, par
    value`` / ``$ 0.01``."""
    before = tagged_before(tags, i)
    return before is not None and tags[before][2:] in ("title", "und_title", "nature")


def _after_dollar(tokens, tags, i):
    """Whether token ``i`` follows an untagged ``$`` on its line."""
    return after_dollar_sign(tokens, i) and tags[i - 1] == "O"


def repair_owned_column_ends(tokens, tags, confidences, line_zones):
    """An amount alone on its line (its marks beside it) that the CRF left ``O``, right
    below a line ending in an amount owned, is the next row's amount owned where Table I
    has fewer amounts owned than D/I letters: pdfminer prints a block's amounts owned as a
    column (``31,978.9545`` / ``29``, the last a holding's) before its D/I letters, and
    the CRF may read all but the last. Tags fixed in place, with the amount's confidence
    above."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = shortfall(tags, by_line, "B-di", "B-owned")
    for line, below in next_lines(by_line):
        above, run = by_line[line][-1], by_line[below]
        if (missing > 0 and tags[above] == "B-owned" and tags[run[0]] == "O"
                and WHOLE_AMOUNT.match(tokens[run[0]].text) and marks_only(tokens, run[1:])):
            tags[run[0]], confidences[run[0]] = "B-owned", confidences[above]
            missing -= 1


OCR_RULES = frozenset("|[]{}()")     # table rules and lost marks' brackets as OCR reads them


def repair_owned_after_prices(tokens, tags, confidences, line_zones):
    """An amount left ``O`` right after a Table I row's price on its line, past what OCR
    reads of the table's rules (``|``, ``]``, ``}``, a lost mark's ``)``), is the row's
    amount owned where the row's line has none and the line ends there or goes on with
    its D/I letter, tagged or as OCR misreads it (``175.2414 ) 565 1 Founders``). A D/I
    letter left ``O`` alone on a line after it is then read as
    ``repair_lone_ownership_letters`` reads one (plain ``pdftotext``: ``896.01 162,985,626``
    / ``(13)`` / ``$ 897.7`` / ``I``). Tags fixed in place, with the price's confidence."""
    read = False
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
            read = True
    if read:
        repair_lone_ownership_letters(tokens, tags, confidences, line_zones)


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
    pairs = next_lines(by_line)
    for line, below in pairs:
        if (_lone_price(tokens, tags, by_line[line])
                and _lone_amount(tokens, tags, by_line[below], ("B-shares", "B-und_shares"))):
            _retag(tags, confidences, by_line[below][0], "B-owned", by_line[line][-1])
    spare = shortfall(tags, by_line, "B-shares", "B-code")
    for line, below in pairs:
        read_as = ("B-owned", "B-shares") if spare > 0 else ("B-owned",)
        if _lone_price(tokens, tags, by_line[below]) and _lone_amount(tokens, tags, by_line[line], read_as):
            spare -= tags[by_line[line][0]] == "B-shares"
            _retag(tags, confidences, by_line[line][0], "B-und_shares", by_line[below][-1])
    extra = shortfall(tags, by_line, "B-owned", "B-title")
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
    extra = shortfall(tags, by_line, "B-tx_date", "B-code")
    lines = list(by_line)
    for k, line in enumerate(lines):
        run = by_line[line]
        if extra <= 0 or len(run) != 1 or tags[run[0]] != "B-tx_date":
            continue
        above = next((by_line[up] for up in reversed(lines[:k]) if not marks_only(tokens, by_line[up])), None)
        if above is None or not _lone_amount(tokens, tags, above, ("B-shares",)):
            continue
        tags[run[0]] = "B-exp_date"
        extra -= 1


def _lone_price(tokens, tags, run):
    return tokens[run[0]].text == "$" and len(run) == 2 and tags[run[1]] == "B-price"


def _lone_amount(tokens, tags, run, labels):
    return tags[run[0]] in labels and WHOLE_AMOUNT.match(tokens[run[0]].text) and marks_only(tokens, run[1:])


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
    missing = shortfall(tags, by_line, "B-title", "B-shares")
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


def repair_derivative_amounts_read_twice(tokens, tags, confidences, line_zones):
    """Table II's amount of derivatives and its underlying amount are mostly one number:
    where the table has fewer amounts than codes, the first of two like numbers read as
    a price or an underlying amount, none of their kind read as an amount, is the row's
    amount and the second its underlying amount (pdfminer prints a second row's amount
    apart from its cells, ``28.593 (3)`` before its ``Common`` / ``28.593``, and the CRF
    reads it as the price or the underlying amount); not a number right after an
    underlying title (a holding's underlying amount, its amount owned the same), nor
    ``0``. Tags fixed in place, an untagged second number's with the first's confidence."""
    by_line = tokens_by_line(tokens, line_zones, ("table2",))
    missing = shortfall(tags, by_line, "B-code", "B-shares")
    table = [i for run in by_line.values() for i in run]
    for k, i in enumerate(table):
        if missing <= 0:
            return
        text = tokens[i].text
        before = tagged_before(tags, i)
        if (tags[i] not in ("B-price", "B-und_shares") or not WHOLE_AMOUNT.match(text) or not text.strip("0.,")
                or after_dollar_sign(tokens, i) or before is not None and tags[before][2:] == "und_title"):
            continue
        again = next((j for j in table[k + 1:] if tokens[j].text == text), None)
        if (again is not None and tags[again] in ("O", "B-und_shares")
                and not any(tags[j] == "B-shares" and tokens[j].text == text for j in table)):
            if tags[again] == "O":
                confidences[again] = confidences[i]
            tags[i], tags[again] = "B-shares", "B-und_shares"
            missing -= 1
