"""Zones: which part of the form each line belongs to (first CRF of the cascade)."""
import re

from .cascade import heading_line, line_key
from .features import MARK, line_features, security_words
from .footnotes import SENTENCE_END
from .labels import FIELD_ZONE, TABLE2_ONLY, TABLE_FIELDS, TABLE_ZONES
from .record import SEC_CODES

HEADINGS = [
    # by the title's words too: OCR reads ``Table I`` as ``Table |``, ``Table II`` as ``Table Il``
    ("table2", re.compile(r"table ii\b|(?<!\w-)\bderivative securities acquired", re.I)),
    ("table1", re.compile(r"table i\b|non-derivative securities acquired", re.I)),
    ("footnotes", re.compile(r"explanation of responses", re.I)),
    ("remarks", re.compile(r"^\W*remarks\b", re.I)),
    ("signature", re.compile(r"signature of reporting person|\*\*\s*signature|^\W*signatures\W*$", re.I)),
    # the table of owners at the end; scraped HTML glues its header on, after Table II's line
    ("owner", re.compile(r"^\W*reporting owners\b|reporting owners(?=reporting owner name)", re.I)),
]
BOILERPLATE = re.compile(r"reminder:|persons who respond|intentional misstatements|file three copies"
                         r"|if space is insufficient|see instruction 4|sec 1474", re.I)


def derive_zones(lines, tokens, tags):
    """Gold zones for a training text from its field tags and its headings.

    A line with fields takes the zone of its fields (table fields: the table whose
    heading came last, even below a later heading); a line without takes the zone of
    the heading above it.
    """
    fields = [[] for _ in lines]
    for tok, tag in zip(tokens, tags):
        if tag != "O":
            fields[tok.line].append(tag[2:])
    state, last_table, zones = "header", "table1", []
    for line, labels in zip(lines, fields):
        heading = next((z for z, p in HEADINGS if p.search(line)), None)
        if heading and not (heading == "remarks" and state == "signature"):
            state = heading
            last_table = heading if heading in TABLE_ZONES else last_table
        zones.append(_line_zone(line, labels, state, last_table))
    return zones


def _line_zone(line, labels, state, last_table):
    table = [f for f in labels if f in TABLE_FIELDS and f != "fn_mark"]
    if table:
        if state in TABLE_ZONES:
            return state
        # a row's cells after the tables (plain pdftotext prints Table II's right-hand
        # columns after the owners or the signature) are the last table's
        return "table2" if any(f in TABLE2_ONLY for f in table) else last_table
    zones = {FIELD_ZONE[f] for f in labels if f in FIELD_ZONE}
    if len(zones) == 1:
        return zones.pop()
    if zones:
        return "header"
    if BOILERPLATE.search(line):
        return "boilerplate"
    return state


def _heading_line(lines, zone, default=None):
    """The index of the first line holding ``zone``'s heading (``HEADINGS``), or ``default``."""
    pattern = HEADING_OF[zone]
    return next((n for n, line in enumerate(lines) if pattern.search(line)), default)


HEADING_OF = dict(HEADINGS)


def tag_zones(tagger, lines, tokens):
    """Predicted zone per line."""
    labels, _ = tagger.tag(line_features(lines, tokens), confidence=False)
    return labels


MISREAD_NOTE_ZONES = ("table1", "table2", "signature")    # where the zone CRF puts notes it misreads
# a note's mark and its text, the text glued to a bracketed mark too (``(1)Represents``)
NOTE_OPENING = re.compile(r"^\s*(?:(?:\(\d{1,2}\)|\[F\d{1,2}\])(?:\s+\S|[A-Za-z])|\d{1,2}\.\s+\S)")
MIN_PROSE_WORDS = 6
PROSE_WORD_SHARE = 0.7      # of a prose line's words that are words
OPENING_WORD_SHARE = 0.5    # the same for a note opening with its mark: dates and percentages
                            # fill a vesting schedule (``vest 50% on 2/11/22, 75% on ...``)


def repair_note_lines(lines, zones):
    """Below the 'Explanation of Responses' heading, a line of a table or the signature
    that opens with a note's mark and goes on in prose, and the prose lines right after
    it, are footnotes: the zone CRF reads notes printed after the signature (pdfplumber)
    as Table II, and short notes as the signature block. So is a table's prose line there
    whatever it opens with (a note whose mark pdfplumber centred on a line of its own),
    and, between such lines, a mark alone or a note's last words (``share.``). Fixes
    ``zones`` in place."""
    if not any(z in MISREAD_NOTE_ZONES and NOTE_OPENING.match(line) for line, z in zip(lines, zones)):
        return zones
    heading = _heading_line(lines, "footnotes", len(lines))
    in_note = False
    for n in range(heading, len(lines)):
        opens = bool(NOTE_OPENING.match(lines[n]))
        share = OPENING_WORD_SHARE if opens else PROSE_WORD_SHARE
        prose = _prose(lines[n], share) and (opens or in_note or zones[n] in TABLE_ZONES)
        if zones[n] in MISREAD_NOTE_ZONES and (prose or in_note and _note_piece(lines[n])):
            zones[n], in_note = "footnotes", True
        else:
            in_note = in_note and zones[n] == "footnotes" and not opens
    return zones


def repair_boilerplate_wraps(lines, zones):
    """A sentence of the form's boilerplate wrapped onto the lines below it is
    boilerplate to its end: a line opening in lower case right below a boilerplate line
    that ends mid-sentence, and the line right below it unless that line ended the
    sentence (plain ``pdftotext``: ``Persons who respond to the collection of information
    contained in this`` / ``form are not required to respond ...`` / ``OMB control
    number.``, which the zone CRF reads as a note; the assembler then numbered it the
    first note and every note after it one too high). Fixes ``zones`` in place."""
    taken = 0       # lines of the sentence taken so far
    for n in range(1, len(lines)):
        above, line = lines[n - 1].strip(), lines[n].strip()
        if (zones[n - 1] != "boilerplate" or not line or not above or SENTENCE_END.search(above)
                or taken == MAX_WRAPPED_LINES):
            taken = 0
        elif zones[n] != "boilerplate" and (taken or line[:1].islower()):
            zones[n], taken = "boilerplate", taken + 1
    return zones


MAX_WRAPPED_LINES = 2   # of a boilerplate sentence below its first (OCR may lose its full stop)


def repair_note_continuations(lines, zones):
    """A line of prose ending a sentence right below a note's line that runs on (no full
    stop, colon or semicolon at its end) goes on with the note, whatever zone the CRF
    read for it (EDGAR ASCII: ``... is convertible into one share of`` / ``Class A Common
    Stock at the option of the holder and has no expiration date.``, read as box 5's).
    Fixes ``zones`` in place."""
    for n in range(1, len(lines)):
        above, line = lines[n - 1].rstrip(), lines[n].strip()
        if (zones[n - 1] == "footnotes" and zones[n] not in ("footnotes", "boilerplate") and above
                and above[-1] not in ".:;" and line.endswith(".") and _prose(line)):
            zones[n] = "footnotes"
    return zones


# the form's starred notes above the filer's own: ``* If the form is filed by more than
# one reporting person, see Instruction 4(b)(v).`` and ``** Intentional misstatements ...``
STARRED_NOTE = re.compile(r"^\W{0,4}(?:if the form is filed by more than one|intentional misstatements)", re.I)


def repair_starred_notes(lines, zones):
    """The form's starred notes are boilerplate wherever the zone CRF put them: OCR
    reads the ``*`` as ``.`` and the CRF then took ``. if the form is filed ...`` for the
    first note, and the assembler numbered every note after it one too high. Fixes
    ``zones`` in place."""
    for n, line in enumerate(lines):
        if zones[n] == "footnotes" and STARRED_NOTE.match(line):
            zones[n] = "boilerplate"
    return zones


def repair_stray_table_lines(lines, zones):
    """Above the 'Explanation of Responses' heading, a run of lines the zone CRF put in a
    note, the form's top, the owners' table or the signature (``_strayed``) that is no
    prose and stands between two lines of one table is that table's: it reads a mark or
    a nature's last word printed on lines of their own (plain ``pdftotext``: ``See`` /
    ``footnote`` / ``(2)``) as a note, whose mark then takes the first note's text, a
    ``-layout`` row's line of dates and amounts between its title's lines as the issuer's
    box, and pdfminer's column of amounts owned as the owners' table. Fixes ``zones`` in
    place."""
    for filled, k, end in _runs_below_table_lines(lines, zones, lambda n, first: _strayed(lines[n], zones[n])):
        if end < len(filled) and zones[filled[end]] == zones[filled[k - 1]]:
            _give_to_table_above(zones, filled[k - 1], filled[end])
    return zones


def _runs_below_table_lines(lines, zones, takes):
    """Above the 'Explanation of Responses' heading, each run of lines right below a
    table's line that ``takes(n, first)`` takes (``first``: the run's first line), as
    (the lines with text, the run's start and end among them). Zones fixed between one
    run and the next are seen by the next."""
    heading = _heading_line(lines, "footnotes", len(lines))
    filled = [n for n in range(heading) if lines[n].strip()]
    for k, n in enumerate(filled):
        if k == 0 or zones[filled[k - 1]] not in TABLE_ZONES or not takes(n, n):
            continue
        end = k
        while end < len(filled) and takes(filled[end], n):
            end += 1
        yield filled, k, end


def _give_to_table_above(zones, table_line, end):
    """The lines after ``table_line`` up to ``end`` (blank lines too) take its zone."""
    zones[table_line + 1:end] = [zones[table_line]] * (end - table_line - 1)


def repair_table_tails_read_as_notes(lines, zones):
    """Above the 'Explanation of Responses' heading, a run of lines the zone CRF put in
    the notes or the owners' table right below a table's line, each no prose, no
    boilerplate and opening with no note's mark (owners: no heading, address or
    signature either), and ending where another part of the form or the owners' heading
    begins, is that table's: plain ``pdftotext`` prints a page's last cells (a nature,
    ``By`` / ``Sequoia`` / ``Capital`` ... ``LP (1)``) right before the owners' table at
    the end or the signature. Fixes ``zones`` in place."""
    def takes(n, first):
        return (zones[first] in ("footnotes", "owner") and zones[n] == zones[first]
                and _strayed(lines[n], zones[n]) and not NOTE_OPENING.match(lines[n]))

    owners = HEADING_OF["owner"]
    for filled, k, end in _runs_below_table_lines(lines, zones, takes):
        if end == len(filled) or zones[filled[end]] != zones[filled[k]] or owners.search(lines[filled[end]]):
            _give_to_table_above(zones, filled[k - 1], filled[end - 1] + 1)
    return zones


# printed right below Table I (OCR may read its colon as ``;``)
TABLE1_END = re.compile(r"reminder\s*[:;.,]?\s*report on a separate line", re.I)


def repair_table1_tails(lines, zones):
    """The lines right above Table I's closing reminder (``Reminder: Report on a separate
    line ...``), up to a line of Table I, that the zone CRF put in another part of the
    form and that hold no prose and no heading are Table I's: pdfminer prints a long
    table's natures a line each down to the reminder, and the CRF reads the last of them
    as the owners' box. Fixes ``zones`` in place."""
    top = _heading_line(lines, "table1")
    end = _first_below(lines, top, TABLE1_END)
    if end is None:
        return zones
    filled = [n for n in range(top + 1, end) if lines[n].strip()]
    k = len(filled)
    while k and zones[filled[k - 1]] not in TABLE_ZONES and _table_tail(lines[filled[k - 1]]):
        k -= 1
    if k and k < len(filled) and zones[filled[k - 1]] == "table1":
        for n in range(filled[k - 1] + 1, end):
            zones[n] = "table1"
    return zones


TABLE1_COLUMNS = re.compile(r"title of security", re.I)      # Table I's first column heading


def repair_table1_read_as_header(lines, zones):
    """Where the zone CRF put no line between Table I's heading and its closing reminder
    in Table I, the lines there it put in the form's top are Table I's, from the table's
    first column heading (``1. Title of Security``) on where there is one: OCR reads
    ``Table I`` as ``Table |`` and a one-row table then looks like the top's boxes.
    Fixes ``zones`` in place."""
    top = _heading_line(lines, "table1")
    end = _first_below(lines, top, TABLE1_END)
    if end is None or "table1" in zones[top + 1:end]:
        return zones
    start = next((n for n in range(top + 1, end) if TABLE1_COLUMNS.search(lines[n])), top + 1)
    for n in range(start, end):
        if zones[n] == "header":
            zones[n] = "table1"
    return zones


# a box's label in the form's top: ``2. Issuer Name``, ``3. Date of ...``, ``(Street)``
BOX_LABEL = re.compile(r"^\W*\d+[a-z]?\s*\.\s*\w|^\W*\((?!instr)[^)]*\)\W*$", re.I)


def repair_table1_above_its_heading(lines, zones):
    """The lines from Table I's first column heading (``1. Title of Security``) down to
    Table I's heading that the zone CRF put in the form's top are Table I's where they
    hold titles and no box label: pdfminer prints the table's first column, its heading
    and titles, before the table's own heading. Fixes ``zones`` in place."""
    top = _heading_line(lines, "table1")
    if not top:
        return zones
    first = next((n for n in range(top - 1, -1, -1) if TABLE1_COLUMNS.search(lines[n])), None)
    if first is None:
        return zones
    between = [line for line in lines[first + 1:top] if line.strip()]
    cells = [line for line in between if not re.match(r"^\W*\(instr", line, re.I)]
    if not cells or any(BOX_LABEL.search(line) or not _table_tail(line) for line in between):
        return zones
    for n in range(first, top):
        if zones[n] == "header":
            zones[n] = "table1"
    return zones


TABLE2_COLUMN_HEADING = re.compile(r"^\W*(?:\d+\s*\.\s*)?(?:title of\s+)?derivative\b|^\W*1\s*\.\s*title of\s*$"
                                   r"|conversion\s+or\s+exercise|^\W*conversion\W*$", re.I)


def repair_table2_above_its_heading(lines, zones):
    """Lines between Table I's closing reminder and Table II's heading below it that the
    zone CRF put in Table I are Table II's from the first of Table II's column headings
    on (``1. Title of`` / ``Derivative`` / ``Security``; ``Conversion or Exercise Price``):
    pdfminer prints Table II's heading after some of its column headings and rows, which
    the CRF then reads as Table I's. Fixes ``zones`` in place."""
    end = _first_below(lines, _heading_line(lines, "table1"), TABLE1_END)
    heading = _table2_heading(lines, end)
    if heading is None:
        return zones
    first = next((n for n in range(end + 1, heading) if TABLE2_COLUMN_HEADING.search(lines[n])), None)
    for n in range(first if first is not None else heading, heading):
        if zones[n] == "table1":
            zones[n] = "table2"
    return zones


def _table_tail(line):
    """Whether a line could be a table's cells: no prose, no boilerplate, no heading."""
    return not (BOILERPLATE.search(line) or _prose(line) or any(p.search(line) for _, p in HEADINGS))


def repair_table2_above_table1(lines, zones):
    """Table II never stands above Table I's heading: lines there that the zone CRF put
    in Table II take the zone of the last line above them it did not (a plain copy's
    later owner blocks read as Table II). (OCR may print Table I's heading below its
    rows.) Fixes ``zones`` in place."""
    heading = _heading_line(lines, "table1")
    if heading is None:
        return zones
    last = "header"
    for n in range(heading):
        if zones[n] == "table2":
            zones[n] = last
        else:
            last = zones[n]
    return zones


def repair_table2_below_table1(lines, zones):
    """Between Table I's heading and the first Table II heading after it, no line is
    Table II's: lines there the zone CRF put in Table II are Table I's (plain
    ``pdftotext`` printing thirty rows of Table I one cell a line, the first page's
    rows read as Table II; a training text's zones are drawn the same way). Fixes
    ``zones`` in place."""
    top = _heading_line(lines, "table1")
    bottom = _table2_heading(lines, top)
    if bottom is None:
        return zones
    for n in range(top + 1, bottom):
        if zones[n] == "table2":
            zones[n] = "table1"
    return zones


def _table2_heading(lines, table1):
    """The index of the first Table II heading below Table I's (at ``table1``), or None."""
    return _first_below(lines, table1, HEADING_OF["table2"])


def _first_below(lines, top, pattern):
    """The index of the first line below line ``top`` that ``pattern`` finds in, or None
    (also where ``top`` is None)."""
    if top is None:
        return None
    return next((n for n in range(top + 1, len(lines)) if pattern.search(lines[n])), None)


def repair_table1_below_table2(lines, zones):
    """Between Table II's heading (the first below Table I's) and the 'Explanation of
    Responses' heading, no line is Table I's: lines there that the zone CRF put in Table I
    are Table II's (plain ``pdftotext`` printing a Table II row's underlying title and
    amount owned, ``Common Stock`` / ``16,872 (2)``, a line each). Fixes ``zones`` in
    place."""
    start = _table2_heading(lines, _heading_line(lines, "table1"))
    if start is None:
        return zones
    for n in range(start + 1, _heading_line(lines, "footnotes", len(lines))):
        if zones[n] == "table1":
            zones[n] = "table2"
    return zones


OWNER_ROW = re.compile(r"[A-Za-z]{2,}.*\b\d{5}(?:-\d{4})?\b")     # a name and address ending in a ZIP


def repair_owner_rows(lines, zones):
    """Lines below the ``Reporting Owners`` heading, before the next heading, that the
    zone CRF put in a table and that read as an owner's name and address with its ZIP
    (``Mithril II UGP LLC C/O MITHRIL CAPITAL MANAGEMENT LLC ... AUSTIN TX 78701<tab>X``)
    are the owners' table's. (Table II's cells that plain ``pdftotext`` prints after the
    owners hold no such line.) Fixes ``zones`` in place."""
    heading = _heading_line(lines, "owner")
    if heading is None:
        return zones
    for n in range(heading + 1, len(lines)):
        if any(p.search(lines[n]) for z, p in HEADINGS if z != "owner"):
            break
        if zones[n] in TABLE_ZONES and OWNER_ROW.search(lines[n]):
            zones[n] = "owner"
        if ZIP_LINE.match(lines[n]):
            _owner_lines_up_to(lines, zones, heading, n)
    return zones


# a ZIP alone on its line, a field a line (scraped HTML glues the country on: ``94043UNITED STATES``)
ZIP_LINE = re.compile(r"^\s*\d{5}(?:-\d{4})?(?:[A-Z][A-Z ]+)?\s*$")
NO_OWNER_LINE = re.compile(r"\d/\d|\d[,.]\d{3}\b|\$|\(\d{1,2}\)")     # dates, amounts, prices, marks
COUNTRY_LINE = re.compile(r"^\s*[A-Z][A-Z ]+$")     # ``UNITED STATES`` below the ZIP
MAX_OWNER_LINES = 8     # name, three street lines, city, state, ZIP, country


def _owner_lines_up_to(lines, zones, heading, zip_line):
    """The table lines of one owner printed a field a line (OCR of the Reporting Owners
    table: name / street / city / state / ZIP / country) made the owners table's: from
    the line after the heading or the owner above (its ZIP or country) down to the ZIP
    and the country right below it, where none holds a date, an amount or a mark and
    they are no more than an owner's lines (plain ``pdftotext`` prints Table II's
    headings among them)."""
    top = zip_line
    while top - 1 > heading and not ZIP_LINE.match(lines[top - 1]) and not (
            COUNTRY_LINE.match(lines[top - 1]) and _zip_above(lines, top - 1)):
        top -= 1
    bottom = next((k for k in range(zip_line + 1, min(zip_line + 3, len(lines))) if lines[k].strip()), zip_line)
    if not COUNTRY_LINE.match(lines[bottom]):
        bottom = zip_line
    run = range(top, bottom + 1)
    if any(NO_OWNER_LINE.search(lines[k]) for k in run) or sum(bool(lines[k].strip()) for k in run) > MAX_OWNER_LINES:
        return
    for k in run:
        if zones[k] in TABLE_ZONES:
            zones[k] = "owner"


def _zip_above(lines, n):
    """Whether the nearest line above ``n`` that is not blank is a ZIP."""
    above = next((k for k in range(n - 1, -1, -1) if lines[k].strip()), None)
    return above is not None and bool(ZIP_LINE.match(lines[above]))


SIGNATURE_LABEL = re.compile(r"signature of reporting person", re.I)
ENDS_WITH_DATE = re.compile(r"(?:\d{1,2}/\d{1,2}/\d{2,4}|[A-Z][a-z]{2,4}\.? \d{1,2}, \d{4})\s*$")


def repair_signature_lines(lines, zones):
    """The line right above a ``Signature of Reporting Person`` label (blank lines between)
    that ends with a date is the signer's, whatever zone the CRF gave it (EDGAR ASCII:
    ``BANK OF AMERICA CORP /DE/ By: Its: Authorized Signatory Andres Ortiz  Aug. 20,
    2025``, read as boilerplate after the notes). Fixes ``zones`` in place."""
    for n, line in enumerate(lines):
        if not SIGNATURE_LABEL.search(line):
            continue
        above = next((k for k in range(n - 1, max(n - 3, -1), -1) if lines[k].strip()), None)
        if above is not None and zones[above] != "signature" and ENDS_WITH_DATE.search(lines[above]):
            zones[above] = "signature"
    return zones


TABLE_NUMBER = r"^\W*t\w{3,4}\s+\S{1,3}\s*\W?\s*"     # ``Table I -`` as OCR may read it, up to its title
# Table II's heading as OCR reads it: ``Table I - Derivative``, ``Table Il``, ``Table {1``,
# ``Table 11 - Derivative Sem tites``; Table I's says ``Non-Derivative``
TABLE2_HEADING = re.compile(TABLE_NUMBER + r"derivative\b", re.I)
# a table's heading whose title OCR garbled, Table I's aside
TABLE_HEADING = re.compile(TABLE_NUMBER + r"(?!non\W*deriv)\S*\s+securities\s+acquired", re.I)
TABLE2_SUBHEADING = re.compile(r"puts\W+calls", re.I)     # ``(e.g., puts, calls, warrants, options, ...)``


def _next_text(lines, n):
    """The first of the two lines after line ``n`` that holds text, else ``""``."""
    return next((lines[m] for m in range(n + 1, min(n + 3, len(lines))) if lines[m].strip()), "")


def repair_table2_heading(lines, zones):
    """Table II's heading that the zone CRF put in Table I (OCR drops one ``I`` of
    ``Table II`` or reads them ``11``, whatever it makes of the words after ``Derivative``,
    or garbles ``Derivative`` too where the next line, ``(e.g., puts, calls, ...)``, names
    Table II: ``Table I - Der Securities Acquired``), and the Table I lines right after it,
    are Table II's. Fixes ``zones`` in place."""
    for n, line in enumerate(lines):
        if zones[n] == "table1" and (TABLE2_HEADING.match(line)
                                     or TABLE_HEADING.match(line) and TABLE2_SUBHEADING.search(_next_text(lines, n))):
            end = n
            while end < len(lines) and zones[end] == "table1":
                end += 1
            zones[n:end] = ["table2"] * (end - n)
    return zones


STRAY_ZONES = ("footnotes", "header", "issuer", "relationship")     # where the zone CRF puts table lines it misreads


def _strayed(line, zone):
    """Whether a line the zone CRF put in a note or the form's top could be a table's
    cells: no prose, no boilerplate; in the owners' table or the signature, no heading
    and nothing of an owner's address or a signature either (pdfminer prints a long
    table's amounts owned and natures a line each, which the CRF may read as either)."""
    if zone in ("owner", "signature"):
        return _table_tail(line) and not (ZIP_LINE.match(line) or OWNER_ROW.search(line) or SIGNED.search(line))
    return zone in STRAY_ZONES and not BOILERPLATE.search(line) and not _prose(line)


SIGNED = re.compile(r"/s/|\bby:", re.I)


NOTE_TAIL = re.compile(r"^\s*[a-z][\w,;'-]*(?:\s+[\w,;'-]+){0,3}[.;]\s*$")     # share.


def _note_piece(line):
    """Whether a line is a mark alone or a note's last words (``share.``) between lines
    of notes."""
    return bool(MARK.match(line.strip()) or NOTE_TAIL.match(line))


def _prose(line, word_share=PROSE_WORD_SHARE):
    words = line.split()
    words_of_letters = sum(w.strip(".,;:()\"'").isalpha() for w in words)
    return len(words) >= MIN_PROSE_WORDS and words_of_letters >= word_share * len(words)


# Plain pdftotext reads a page block by block: the right-hand columns of Table II's last
# row (7-11: underlying title and amount, price, amount owned, ownership form) can print
# after the owners' table, the signature or the first footnotes, where the zone CRF sees
# the zone around them. Such a run is all cells, no prose.
TRAILING_ZONES = frozenset({"owner", "relationship", "signature", "footnotes", "remarks"})
TRAILING_CODES = SEC_CODES - set("DIVX")     # X is a check mark's too
AMOUNT = re.compile(r"^\$?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
MAX_TITLE_WORDS = 4


def repair_trailing_rows(lines, zones, template=frozenset()):
    """Lines after Table II that hold only its cells (marks, amounts, a price, a lone D or
    I, a security's title words between them) go back to ``table2``; a run counts when it
    has an amount and a price or an ownership letter, or is a lone transaction code right
    above cells the zone CRF read as Table II's (pdfminer prints a row's code first). The
    form's printed labels inside a run (column headings, ``Date``) are passed over. Fixes
    ``zones`` in place."""
    seen_table2, run = False, []
    for n, line in enumerate(lines + [""]):
        kind = _cell_kind(line, template) if n < len(lines) else None
        if kind in ("blank", "label"):
            continue
        if kind and seen_table2 and zones[n] in TRAILING_ZONES:
            run.append((n, kind))
            continue
        _relabel_run(run, zones, opens_cells=kind is not None and n < len(lines) and zones[n] == "table2")
        run = []
        seen_table2 = seen_table2 or (n < len(lines) and zones[n] == "table2")
    return zones


def _relabel_run(run, zones, opens_cells=False):
    """``opens_cells``: Table II's cells go on right below the run."""
    while run and run[-1][1] == "title":    # a title stands between the row's other cells
        run.pop()
    kinds = {kind for _, kind in run}
    if "amount" in kinds and kinds & {"price", "letter"} or opens_cells and kinds == {"code"}:
        for n, _ in run:
            zones[n] = "table2"


def _cell_kind(line, template):
    text = line.strip()
    if not text:
        return "blank"
    if line_key(text) in template or heading_line(text):
        return "label"
    if MARK.match(text):
        return "mark"
    if text in ("D", "I"):
        return "letter"
    if text in TRAILING_CODES:
        return "code"
    if AMOUNT.match(text):
        return "price" if text.startswith("$") else "amount"
    words = text.split()
    if len(words) <= MAX_TITLE_WORDS and security_words(words):
        return "title"
    return None
