"""Rules that mend the field CRFs' tags of the tables' letters: transaction codes, the
A/D letters of Table I's amounts and the D/I letters of ownership, read as one another,
misread by OCR, left ``O`` or printed a column at a time. Each takes the tokens and
their tags (and what ``pipeline.TAG_REPAIRS`` names) and fixes the tags in place."""
import re

from .features import MARK
from .fields import (
    LINE_CODES, MAX_CELL_LINE_GAP, MAX_LINES_TO_AMOUNT, MISREAD_LETTER, after_dollar_sign, line_runs, lone_code,
    marks_only, next_lines, shortfall, stands_alone, tagged_after, tagged_before, tokens_by_line,
)
from .labels import TABLE_ZONES
from .record import SEC_CODES


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
                before = tagged_before(tags, i)
                if before is not None and before in run[:k] and tags[before] == "B-owned":
                    tags[before] = "B-shares"


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
        title = tagged_before(tags, i)
        if title is None or tags[title][2:] != "title":
            continue
        start = next(j for j in range(title, -1, -1) if tags[j] == "B-title" or j == 0)
        before = tagged_before(tags, start)
        if before is not None and tags[before] == "B-shares":
            tags[i] = "B-ad"


OWNERSHIP_LETTERS = ("D", "I")
LONE_CODES = SEC_CODES - set("DIV")     # D and I are ownership letters too, V its own column


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


def repair_codes_before_dates(tokens, tags, confidences, line_zones):
    """A code letter alone on its line (its marks beside it) that the CRF left ``O``, right
    above a transaction date it read (a blank line at most between), is that row's code
    where its table has fewer codes than dates (plain ``pdftotext`` may print a row's code
    cell before its date: ``C (1)`` / ``02/04/2013``). Tags fixed in place, with the
    date's confidence."""
    for zone in TABLE_ZONES:
        by_line = tokens_by_line(tokens, line_zones, (zone,))
        missing = shortfall(tags, by_line, "B-tx_date", "B-code")
        for line, below in next_lines(by_line):
            code, date = by_line[line], by_line[below]
            if (missing <= 0 or tags[code[0]] != "O" or not lone_code(tokens, tags, code)
                    or len(date) != 1 or tags[date[0]] != "B-tx_date"):
                continue
            for i, tag in zip(code, ("B-code",) + ("B-fn_mark",) * (len(code) - 1)):
                if tags[i] == "O":
                    tags[i], confidences[i] = tag, confidences[date[0]]
            missing -= 1


CODE_WITH_V = re.compile(r"^[A-Z]V$")     # scraped HTML glues the V column's mark to the code: ``JV``


def repair_codes_glued_to_v(tokens, tags, confidences, line_zones):
    """A code glued to the ``V`` of the voluntarily reported column (scraped HTML: ``JV``,
    ``GV``), alone on its line and left ``O`` right after a row's transaction date (a
    blank line at most between), is the row's code where its table has fewer codes than
    dates; the code is its first letter. Tags fixed in place, with the date's confidence."""
    for zone in TABLE_ZONES:
        by_line = tokens_by_line(tokens, line_zones, (zone,))
        missing = shortfall(tags, by_line, "B-tx_date", "B-code")
        for line, below in next_lines(by_line):
            date, code = by_line[line], by_line[below]
            if (missing > 0 and len(code) == 1 and tags[code[0]] == "O" and CODE_WITH_V.match(tokens[code[0]].text)
                    and tokens[code[0]].text[0] in SEC_CODES and tags[date[-1]][2:] == "tx_date"):
                tags[code[0]], confidences[code[0]] = "B-code", confidences[date[-1]]
                missing -= 1


def repair_lone_codes(tokens, tags, confidences, line_zones):
    """A transaction code alone on its line that the CRF left ``O``, a few lines above an
    amount of shares, is a row's code where its table has fewer codes than titles
    (pdfminer prints a Table II row's right-hand cells first, opening with its code:
    ``A`` / ``24`` / ``Common Stock`` ... then ``Restricted Stock Units``, the code
    untagged), or above such a code that the CRF read, heading a column of them (Table
    I's ``A`` / ``F`` / ``60,421``). Tags fixed in place, with the amount's confidence."""
    for zone in TABLE_ZONES:
        by_line = tokens_by_line(tokens, line_zones, (zone,))
        missing = shortfall(tags, by_line, "B-title", "B-code")
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
        if tags[j] == "B-code" and stands_alone(tokens, j) and tokens[j].line - above <= MAX_LINES_TO_AMOUNT:
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
    missing = min(shortfall(tags, by_line, "B-tx_date", "B-code"), shortfall(tags, by_line, "B-ad", "B-shares"))
    for i in [i for run in by_line.values() for i in run if tags[i] == "B-ad"]:
        before, after = tagged_before(tags, i), tagged_after(tags, i)
        if (missing > 0 and before is not None and tags[before] in ("B-title", "I-title") and after is not None
                and tags[after] == "B-tx_date"):
            tags[i] = "B-code"
            missing -= 1
        elif (missing > 0 and before is not None and tags[before] == "B-ad" and tokens[before].text == tokens[i].text
                and line_zones[tokens[before].line] == "table1"):
            tags[before] = "B-code"
            missing -= 1


def repair_derivative_ad_letters(tokens, tags, line_zones):
    """A letter the CRF read as an A/D letter in Table II is the row's code where the
    table has fewer codes than titles: Table II prints no A/D letter (its amounts stand in
    an (A) or a (D) sub-column), and plain ``pdftotext`` may print a row's code after its
    amount (``24`` / ``A`` / ``(2)``), where Table I's A/D letter stands. (A ``D`` there is
    more often the D/I letter.) Tags fixed in place."""
    by_line = tokens_by_line(tokens, line_zones, ("table2",))
    missing = shortfall(tags, by_line, "B-title", "B-code")
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
    extra = shortfall(tags, by_line, "B-ad", "B-shares")
    for letter, next_letter in _lone_pairs(by_line):
        if (extra > 0 and tokens[letter].text == "D" and tags[letter] == "B-ad" and tags[next_letter] == "B-di"
                and tokens[next_letter].text == "I"):
            before = tagged_before(tags, letter)
            if before is not None and tags[before] == "B-owned":
                tags[letter] = "B-di"
                extra -= 1


def repair_second_d_letters(tokens, tags, line_zones):
    """Of two lone ``D`` lines after a row's amount owned, the CRF reading the first as an
    A/D letter and the second as a D/I letter, the first is a D/I letter too where Table I
    has more A/D letters than amounts of shares and the row's A/D letter stands before
    its price and amount owned (pdfminer: ``24,992.231 D`` / ``$`` / ``506.69`` /
    ``473,945.7633`` / ``D`` / ``D``, two rows' D/I letters). Plain pdftotext prints a
    row's A/D letter after its amount owned at times: there the row's amount stands alone
    before it. Tags fixed in place."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    extra = shortfall(tags, by_line, "B-ad", "B-shares")
    for letter, next_letter in _lone_pairs(by_line):
        if (extra > 0 and [tokens[letter].text, tokens[next_letter].text] == ["D", "D"]
                and [tags[letter], tags[next_letter]] == ["B-ad", "B-di"]):
            owned = tagged_before(tags, letter)
            if owned is not None and tags[owned] == "B-owned" and _row_letter_before(tags, owned):
                tags[letter] = "B-di"
                extra -= 1


def _lone_pairs(by_line):
    """(token, token on the line below) of each two lines one after the other (a blank
    line at most between) that hold a token each and nothing else."""
    for line, below in next_lines(by_line):
        if len(by_line[line]) == 1 and len(by_line[below]) == 1:
            yield by_line[line][0], by_line[below][0]


def _row_letter_before(tags, i):
    """Whether an A/D letter is the value tagged last before token ``i``, prices aside."""
    before = tagged_before(tags, i, passing=("O", "B-fn_mark", "B-price"))
    return before is not None and tags[before] == "B-ad"


def repair_letter_runs(tokens, tags, confidences, line_zones):
    """Lone ``D`` and ``I`` lines left ``O`` right below or above a lone D/I letter the CRF
    read, a block apart each, are rows' D/I letters where the table has fewer of them
    than titles (pdfminer prints a block's ownership column after its other cells: ``I``
    seven times, the CRF reading the first, or in Table II the last). Tags fixed in place,
    with the confidence of the letter read."""
    for zone in TABLE_ZONES:
        by_line = tokens_by_line(tokens, line_zones, (zone,))
        missing = shortfall(tags, by_line, "B-title", "B-di")
        for upper, lower in _lone_pairs(by_line):
            for read, letter in ((upper, lower), (lower, upper)):
                if missing > 0 and tags[read] == "B-di" and tags[letter] == "O" and tokens[letter].text in ("D", "I"):
                    tags[letter], confidences[letter] = "B-di", confidences[read]
                    missing -= 1


def repair_ownership_letter_columns(tokens, tags, confidences, line_zones):
    """Two or more lone ``D`` and ``I`` lines, one after another (a blank line or marks at
    most between), at least one of them ``I``, are the rows' D/I letters, whatever the CRF
    made of them, while Table I has fewer D/I letters than titles: pdfminer prints a
    block's ownership column after its other cells (``D`` / ``I`` / ``I`` / ``I`` below the
    amounts owned), which the CRF leaves untagged or reads as A/D letters. (An A/D column
    holds no ``I``.) Such a column in Table II's zone, left ``O`` (but for letters the CRF
    read as D/I ones) and one letter for each Table I row lacking one, is Table I's too:
    pdfminer prints Table I's ownership column after Table II's title or rows at times
    (assembly gives it to Table I's rows, ``_stray_ownership``). Tags fixed in place, with
    the confidence of the value read before."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = shortfall(tags, by_line, "B-title", "B-di")
    for column in _lone_columns(tokens, by_line, lambda text: text in ("D", "I")):
        if any(tokens[i].text == "I" for i in column):
            missing = _read_column(tokens, tags, confidences, column, "B-di", missing)
    below = tokens_by_line(tokens, line_zones, ("table2",))
    for column in _lone_columns(tokens, below, lambda text: text in ("D", "I")):
        read = [tags[i] for i in column]
        if len(column) == missing and set(read) <= {"O", "B-di"} and "O" in read:
            missing = _read_column(tokens, tags, confidences, column, "B-di", missing)


def repair_code_columns(tokens, tags, confidences, line_zones):
    """Two or more lone transaction codes that read as no letter of another column (``S``,
    ``M``, ``F``, not ``A`` or ``D``), one after another (a blank line or marks at most
    between), are the rows' codes while Table I has fewer codes than titles: pdfminer
    prints a block's code column apart from its other cells (``S (1)`` nine times), which
    the CRF leaves untagged. Tags fixed in place, with the confidence of the value read
    before."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = shortfall(tags, by_line, "B-title", "B-code")
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
    missing = shortfall(tags, by_line, "B-shares", "B-ad")
    for column in _lone_columns(tokens, by_line, lambda text: text in ("A", "D")):
        before = tagged_before(tags, column[0])
        if before is not None and tags[before] == "B-shares" and stands_alone(tokens, before):
            missing = _read_column(tokens, tags, confidences, column, "B-ad", missing)


def _lone_columns(tokens, by_line, fits):
    """Runs of two or more lines each a lone value that ``fits`` (its marks beside it),
    one after another (a blank line or lines of marks at most between), as lists of the
    values' token indices."""
    columns, column, last = [], [], None
    for line, run in by_line.items():
        if column and line - last > MAX_CELL_LINE_GAP:
            columns, column = columns + [column], []
        if fits(tokens[run[0]].text) and marks_only(tokens, run[1:]):
            column.append(run[0])
        elif not marks_only(tokens, run):
            columns, column = columns + [column], []
        last = line
    return [column for column in columns + [column] if len(column) > 1]


def _read_column(tokens, tags, confidences, column, tag, missing):
    """Tag ``column`` (lone values' token indices) ``tag``, at most ``missing`` of them,
    and the marks beside them; the values still missing after."""
    before = tagged_before(tags, column[0], passing=("O", "B-fn_mark", "B-ad", "B-di", "B-code"))
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


MAX_LINES_AFTER_OWNED = 3


def repair_lone_ownership_letters(tokens, tags, confidences, line_zones):
    """Plain pdftotext prints a table one cell a line, and a row's D/I letter stands
    alone on its line, where the CRF, given one letter and no neighbours, leaves it
    untagged (and the zone CRF may put it with the next zone: Table II's right columns
    come after the owners and signature blocks). A lone ``D`` or ``I`` left ``O``, next
    after an amount owned tagged on a table line at most three lines above (past marks
    and prices: ``_owned_before``), is that row's D/I letter, and its line joins the
    amount's zone."""
    for i in [i for i, tok in enumerate(tokens) if tok.text in OWNERSHIP_LETTERS]:
        tok = tokens[i]
        alone = ((i == 0 or tokens[i - 1].line != tok.line)
                 and (i + 1 == len(tokens) or tokens[i + 1].line != tok.line))
        if not alone or tags[i] != "O":
            continue
        last = _owned_before(tokens, tags, i)
        if last is not None and line_zones[tokens[last].line] in TABLE_ZONES:
            tags[i] = "B-di"
            confidences[i] = confidences[last]
            line_zones[tok.line] = line_zones[tokens[last].line]


def repair_letters_before_natures(tokens, tags, confidences, line_zones):
    """An ``I`` alone on its line that the CRF left ``O``, right above a nature the CRF
    opened (a blank line at most between), is that nature's row's D/I letter where Table
    I has fewer ``I`` letters than natures (plain ``pdftotext`` of a long table prints a
    page's cells out of order: ``By estate`` / ``planning vehicle`` / ``I`` / ``Sequoia``
    / ``Capital`` ... the letter away from its amount owned); the last of a column of
    letters (pdfminer's ``D`` / ``D`` / ``I``) is left to the column repairs. Tags fixed in
    place, with the nature's confidence."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = sum(tags[i] == "B-nature" for run in by_line.values() for i in run) - sum(
        tags[i] == "B-di" and tokens[i].text == "I" for run in by_line.values() for i in run)
    pairs = next_lines(by_line)
    above = {below: line for line, below in pairs}
    for line, below in pairs:
        run, nature = by_line[line], by_line[below][0]
        if (missing > 0 and len(run) == 1 and tokens[run[0]].text == "I" and tags[run[0]] == "O"
                and tags[nature] == "B-nature" and not _lone_letter(tokens, by_line.get(above.get(line)))):
            tags[run[0]], confidences[run[0]] = "B-di", confidences[nature]
            missing -= 1


def _lone_letter(tokens, run):
    """Whether the line's tokens ``run`` are one D/I letter alone."""
    return run is not None and len(run) == 1 and tokens[run[0]].text in OWNERSHIP_LETTERS


def _owned_before(tokens, tags, i):
    """The amount owned tagged last before token ``i``, at most ``MAX_LINES_AFTER_OWNED``
    lines above it, past marks and prices printed after a ``$`` on their line so close one
    after another (plain ``pdftotext`` prints the next row's price between a long table's
    amount owned and its letter: ``896.01 162,985,626`` / ``(13)`` / ``$ 897.7`` / ``I``;
    a price below the amount owned with no ``$`` of its own is its row's, the letter after
    it another row's); else None."""
    line = tokens[i].line
    for j in range(i - 1, -1, -1):
        if tags[j] == "O":
            continue
        if line - tokens[j].line > MAX_LINES_AFTER_OWNED:
            return None
        if tags[j].endswith("-owned"):
            return j
        if tags[j] != "B-fn_mark" and not (tags[j] == "B-price" and after_dollar_sign(tokens, j)):
            return None
        line = tokens[j].line
    return None


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


CLOSERS = (")", "]", "}")
