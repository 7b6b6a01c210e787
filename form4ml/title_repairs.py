"""Rules that mend the field CRFs' tags of securities' titles (column 1 of both tables)
and Table II's underlying titles (column 7): titles left ``O``, cut, stacked a word a
line, centred, interleaved or run into each other, their par values, and the column
heading read into an underlying title. Each takes the tokens and their tags (and what
``pipeline.TAG_REPAIRS`` names) and fixes the tags in place."""
import re
from collections import Counter
from itertools import dropwhile, takewhile

from .assemble import SECURITY_NOUNS, WRAP_COLUMN_SLACK
from .features import HEADER_WORDS, MARK, security_words
from .fields import (
    AMOUNT_LABELS, CELL_SEPARATORS, MAX_CELL_LINE_GAP, UNDERLYING_END, WHOLE_AMOUNT, last_run, line_cells, line_runs,
    lone_value, marks_only, names_security, read_title, security_line, shortfall, title_like, tokens_by_line, untagged,
    worded,
)
from .labels import TABLE_ZONES
from .pieces import MIN_CELL_GAP


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
            and (title_like(tokens[i].text) or PAR_VALUE.match(tokens[i].text)), run)))
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
    return list(takewhile(lambda i: title_like(tokens[i].text), head))


def _whole_title(tokens, tags, by_line, head):
    """Whether the tokens ``head`` may be a whole title: opening with a word, naming a
    security, its earlier words not left unread on the line above."""
    return (len(tokens[head[0]].text) > 1 and names_security([tokens[i].text for i in head])
            and not _unread_title_above(tokens, tags, by_line, tokens[head[0]].line))


def _title_goes_on(tokens, tags, by_line, line):
    """Whether the line above ``line`` is a title's line without the row's values: the
    title goes on from it (``Stock`` / ``Options`` / ``$ 18.27``)."""
    above = by_line.get(line - 1, ())
    return _title_above(tokens, tags, by_line, line) is not None and not any(tags[i][2:] in ROW_OPENERS for i in above)


MAX_TITLE_LINES = 6     # lines of a title printed a word a line


def _unread_title_above(tokens, tags, by_line, line):
    """Whether the line above ``line`` is untagged and names a security, no heading: the
    title's earlier words, in cells the rule cannot split (``Stock      Common (2)``)."""
    texts = [tokens[i].text for i in by_line.get(line - 1, ())]
    return (bool(texts) and texts != ["Shares"]     # the headings' last word
            and all(tags[i] == "O" for i in by_line[line - 1]) and names_security(texts))


def _untagged_title_lines(tokens, tags, by_line, line):
    """The tokens of the lines of only untagged title-like words right above ``line``
    (across a line of a lone ``$``), below the column headings (``Amount`` / ``or`` /
    ``Number`` / ``of`` / ``Shares``)."""
    words = []
    for above in range(line - 1, line - 1 - MAX_TITLE_LINES, -1):
        run = by_line.get(above)
        if run and above == line - 1 and [tokens[i].text for i in run] == ["$"]:
            continue
        if (not run or not all(tags[i] == "O" and title_like(tokens[i].text) for i in run)
                or not worded(tokens, run) or _in_headings(tokens, by_line, above)):
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
    Stock, par value`` / the row's line / ``$0.01 per share``; plain ``pdftotext``:
    ``Common shares without`` / ``02/21/2020`` / ``par value``). The line between may
    hold nothing in the title's columns, or one value alone. Tags fixed in place, with
    the title's confidence."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for line, run in by_line.items():
        tail = _first_cell(tokens, run)
        if not (tail and tokens[tail[0]].col <= WRAP_COLUMN_SLACK and _par_value_words(tokens, tags, tail)):
            continue
        title = _title_cell_above(tokens, tags, by_line, line)
        if title is not None:
            for i in tail:
                tags[i], confidences[i] = "I-title", confidences[title]


def repair_par_values_of_late_titles(tokens, tags, confidences, line_zones):
    """``repair_par_value_below_rows`` once more, after the rules that find the titles
    the CRF left ``O`` (a column dump's, a row's between the headings): pdfminer's
    ``Class A Common Stock,`` / ``$0.01 par value`` read by neither."""
    repair_par_value_below_rows(tokens, tags, confidences, line_zones)


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
    ``line``, the lines between holding nothing in its columns or one value alone, or None."""
    for above in range(line - 1, line - MAX_PAR_LINES, -1):
        run = by_line.get(above, ())
        if not run or lone_value(tokens, tags, run):
            continue        # plain ``pdftotext``: the row's date alone between the title's lines
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


DIGIT_RUN = re.compile(r"\d{2}")
MAX_INTERLEAVED_LINES = 3     # lines of a row's interleaved cells above (and below) its line


def _interleave_middle(tokens, tags, run):
    """The part of a tall cell on a row's line and its label: the title opening the line,
    or the words right before the underlying amount; else ([], None)."""
    if tags[run[0]][2:] == "title":
        return list(takewhile(lambda i: tags[i][2:] == "title", run)), "title"
    amount = next(i for i in run if tags[i] == "B-und_shares")
    before = last_run(run[:run.index(amount)], lambda i: tags[i] in ("O", "B-title", "I-title")
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
    return bool(words) and title_like(words[0]) and all(title_like(t) or SERIES.match(t) for t in words[1:])


SERIES = re.compile(r"^[A-Z]{1,2}-?\d{1,2}$")     # a class or series named after a title's word: ``Series A2``


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
            if not skipped and lone_value(tokens, tags, value):
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


HEADING_REACH = 4    # lines above a lone heading word the heading's line ending in ``of`` may stand


def repair_heading_shares(tokens, tags, line_zones):
    """Column 7's heading ``Amount or Number of`` / ``Shares``: the ``Shares`` alone on its
    line that the CRF read into the underlying title (``Common Stock Shares``, ``Shares
    Class A Common Stock``), where a line of ``O`` words ending in ``of`` stands a few
    lines above with no underlying title's word between, is left ``O`` (plain
    ``pdftotext`` prints the heading's lines among the other columns' headings). A title
    it began begins at its next word. Tags fixed in place."""
    by_line = tokens_by_line(tokens, line_zones, ("table2",))
    for line, idx in by_line.items():
        if len(idx) != 1 or tokens[idx[0]].text.lower() != "shares" or tags[idx[0]][2:] != "und_title":
            continue
        above = [by_line[k] for k in range(line - 1, line - 1 - HEADING_REACH, -1) if k in by_line]
        heading = next((k for k, words in enumerate(above) if tokens[words[-1]].text.lower() == "of"), None)
        if heading is None or any(tags[i] != "O" for words in above[:heading + 1] for i in words):
            continue
        i = idx[0]
        if tags[i] == "B-und_title" and i + 1 < len(tags) and tags[i + 1] == "I-und_title":
            tags[i + 1] = "B-und_title"
        tags[i] = "O"


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
    missing = shortfall(tags, by_line, "B-tx_date", "B-title")
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
        run = _parenthesised_head(tokens, tags, run)
        if not run:
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


def _parenthesised_head(tokens, tags, run):
    """The run if it is a phrase in parentheses, else the phrase opening it where only
    words left ``O`` or an underlying title's follow (OCR sets a tall title's last line
    with the underlying title's beside it and its specks: ``(RSU) Be Stock``), or []."""
    if not tokens[run[0]].text.startswith("("):
        return []
    if _parenthesised(tokens, run):
        return run
    close = next((k for k, i in enumerate(run) if tokens[i].text == ")"), None)
    if close is None or any(tags[i] not in ("O", "B-und_title", "I-und_title") for i in run[close + 1:]):
        return []
    return run[:close + 1] if _parenthesised(tokens, run[:close + 1]) else []


def _parenthesised(tokens, run):
    """Whether the run is a phrase in parentheses of three letters at least (OCR reads a
    mark ``(11)`` as ``(il)``)."""
    text = " ".join(tokens[i].text for i in run).replace("( ", "(").replace(" )", ")")
    return bool(TITLE_TAIL.match(text)) and sum(c.isalpha() for c in text) >= 3


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


def repair_missing_titles(tokens, tags, confidences, line_zones):
    """A Table I line of only untagged title-like words naming a security (no heading's or
    nature's), with no title on the text lines either side of it (no wrapped part of
    one), is a row's title where the table has fewer titles than D/I letters: every row
    has both (plain ``pdftotext`` prints a row's ``Common Stock`` between the column
    headings, where the CRF reads no title). Tags fixed in place, with the confidence of
    the first tagged token after it."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = shortfall(tags, by_line, "B-di", "B-title")
    lines = list(by_line)
    for k, line in enumerate(lines):
        run = by_line[line]
        if missing <= 0:
            break
        near = [by_line[x] for x in lines[max(k - 1, 0):k + 2] if x != line and abs(x - line) <= MAX_CELL_LINE_GAP]
        if (not all(tags[i] == "O" and title_like(tokens[i].text) for i in run) or not worded(tokens, run)
                or _in_headings(tokens, by_line, line) or not names_security([tokens[i].text for i in run])
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
        if marks_only(tokens, run):
            continue
        texts = [tokens[i].text for i in run]
        fits = security_line(tokens, run, texts) and (all(tags[i] == "O" for i in run) or read_title(tokens, tags, run))
        if not (fits and column and texts == [tokens[i].text for i in column[-1]] and line - last <= MAX_CELL_LINE_GAP):
            columns, column = columns + [column], []
        if fits:
            column.append(run)
        last = line
    return [c for c in columns + [column] if len(c) >= MIN_TITLE_COLUMN and any(tags[run[0]] == "B-title" for run in c)]


def repair_repeated_title_lines(tokens, tags, confidences, line_zones):
    """Lines left ``O`` whole, one right after another, whose words (their marks aside,
    read as marks) are those of a title Table I reads elsewhere, are a further row's
    title where Table I has fewer titles than D/I letters, the line above not left
    ``O``: pdfminer prints a short table's titles as a column (``Common shares without
    par`` / ``value``, a date, the same title again), the CRF reading the first. Tags
    fixed in place, with the confidence of the title read."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    missing = shortfall(tags, by_line, "B-di", "B-title")
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


MAX_TITLE_LINE_GAP = 4     # lines below a title's opening line its next line may open


def repair_title_words_opening_lines(tokens, tags, confidences, line_zones):
    """A security word left ``O`` opening a table line (``Common``, ``Stock``) goes on with
    the title opening a line a few lines above, where that title ends short (in a single
    capital: ``Class B``), or right above where the line holds only security words and
    marks (``Restricted Stock`` / ``Unit``; EDGAR ASCII's ``Shares (1) (2) (3) | |``): OCR
    reads a tall title cell's lines beside the row's other cells (``Class B`` / ``45,659 $
    69.35`` / ``Common ( ) 07/19/2017 A ...`` / ``Stock (1)``), which the CRF leaves. Tags
    fixed in place, with the title's confidence."""
    by_line = tokens_by_line(tokens, line_zones, TABLE_ZONES)
    for line, run in by_line.items():
        first = run[0]
        if tags[first] != "O" or len(tokens[first].text) < 2 or not security_words([tokens[first].text]):
            continue
        above = next((by_line[n] for n in range(line - 1, line - 1 - MAX_TITLE_LINE_GAP, -1)
                      if n in by_line and tags[by_line[n][0]].endswith("-title")), None)
        if above is None:
            continue
        title = [i for i in above if tags[i].endswith("-title")]
        short = len(tokens[title[-1]].text) == 1 and tokens[title[-1]].text.isupper()
        wrapped = any(tags[i].endswith("-title") for i in by_line.get(line - 1, ())) and all(
            security_words([tokens[i].text]) or MARK.match(tokens[i].text) or tokens[i].text in CELL_SEPARATORS
            for i in run)
        if short or wrapped:
            tags[first], confidences[first] = "I-title", confidences[title[-1]]


def repair_untagged_holding_rows(tokens, tags, confidences, line_zones):
    """A Table I line left ``O`` whole that opens with a title Table I reads elsewhere,
    then a whole amount, is a holding's title and amount owned: OCR that lost the row's
    D/I letter or read it as a stray stroke (``Class A Common Stock 53,602 |``) leaves
    the CRF nothing to know the row by. Tags fixed in place, with the confidence of the
    title read."""
    by_line = tokens_by_line(tokens, line_zones, ("table1",))
    titles = _titles_read(tokens, tags, by_line)
    for run in by_line.values():
        if not untagged(tags, run):
            continue
        words = [tokens[i].text for i in run]
        size = next((k for k in range(len(run) - 1, 1, -1) if tuple(words[:k]) in titles), None)
        if size is None or not WHOLE_AMOUNT.match(words[size]) or "$" in words[size]:
            continue
        read = titles[tuple(words[:size])]
        for k, i in enumerate(run[:size + 1]):
            tags[i], confidences[i] = ("B-owned" if k == size else "I-title" if k else "B-title"), confidences[read]


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
