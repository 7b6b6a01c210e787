"""Footnotes from the pieces tagged as notes, and the rows' marks naming them: notes
grouped by their marks (OCR's garbled ones too), marks read as note ids, and notes no
row names given to a row whose marks OCR garbled."""
import re
from dataclasses import replace
from itertools import groupby, islice

from .pieces import Value
from .record import TABLES


def group_footnotes(pieces):
    """Footnotes ({"fn_id": Value, "fn_text": Value}) of the fn_id and fn_text pieces in
    text order. A text begins a note at a ``B-`` piece. A mark opening its note
    (``(1) The RSUs``, or on its own line, the text below) starts one; any other mark
    belongs to the note being written if that has none (``pdftotext -layout`` centres a
    mark on its note's lines). Marks listed apart from their texts (plain ``pdftotext``
    prints a page's marks in a column of their own) wait for the texts in order. A text
    left without a mark goes on the note before it (a sentence opening a line). A mark
    broken over two lines (``(`` / ``1)`` in scraped HTML) is one mark."""
    notes, writing, marked = [], None, None
    for k, piece in enumerate(pieces):
        if piece.label == "fn_id" and not piece.begins and k and pieces[k - 1].label == "fn_id":
            marked["fn_id"].add(piece)      # a mark broken over two lines: ``(`` / ``1)``
        elif piece.label == "fn_id":
            nxt = next((p for p in islice(pieces, k + 1, None) if p.label != "fn_id" or p.begins), None)
            opens = nxt is not None and nxt.label == "fn_text" and nxt.begins
            if not opens and writing is not None and "fn_id" not in writing:
                writing["fn_id"] = Value([piece])
                marked = writing
            else:
                notes.append({"fn_id": Value([piece])})
                marked, writing = notes[-1], None
        elif piece.begins or writing is None:
            last_text = max((i for i, n in enumerate(notes) if "fn_text" in n), default=-1)
            waiting = notes[last_text + 1:]
            writing = waiting[0] if waiting else {}
            if not waiting:
                notes.append(writing)
            writing["fn_text"] = Value([piece])
        else:
            writing["fn_text"].add(piece)
    return _merge_unmarked(notes)


NOTE_NUMBER = re.compile(r"^\s*(?:\((\d{1,2})\)[.,]?|\[F(\d{1,2})\]|(\d{1,2})[.,)])\s*$")
OCR_MARK_GLYPHS = "Q@®"    # what Tesseract reads a small "(2)" as, brackets aside
GLYPH_SIGNS = OCR_MARK_GLYPHS + "©"     # the signs OCR reads for a table's small marks (``©`` only there)
# a mark opening a note's line, OCR's small "(2)" read as "Q)" or "@)" among them
LINE_MARK = re.compile(rf"^\s*[(\[]?(?:F?(\d{{1,2}})|[{OCR_MARK_GLYPHS}])[)\]]\s+")
MARK_DEBRIS = re.compile(rf"^\s*(?:[(\[]|[(\[]?(?:\d{{1,2}}|[{OCR_MARK_GLYPHS}])[)\]]?)\s*$")   # "(" split off "Q) The"
MARK_QUOTE = re.compile(r"^['‘«](?=[A-Z])")     # a mark Tesseract read as a quote glued to the note: ``‘The``
SENTENCE_END = re.compile(r"[.:;?][\"'”’)\]]*\s*$")     # no "!": OCR's "Fund I!" for "Fund II"


def numbered_notes(pieces, highest=0, unread=0, loose=False):
    """Footnotes numbered in text order, where the note texts' openings count exactly the
    notes the marks number (the highest mark seen in the notes or the tables; at least
    those of the notes where the tables' marks were all lost; up to one more for each of
    the ``unread`` table marks OCR garbled past reading: ``@`` for ``(3)``), else None.

    OCR centres a mark on its note's lines, loses or garbles it (``Q)``, ``@)`` for
    ``(2)``) and a note the CRF runs on into the next one is found again only this way.
    A note opens at a text line that begins a sentence (capital, digit, quote or bracket)
    after a line that ended one, where the CRF began a text there, a blank line stands
    between or a mark opens the line; a line of lower-case words goes on. A mark read at
    a note's opening must be that note's number.

    ``loose``, tried where the openings fall short: a line shorter than half the widest,
    a blank line below it, ends a note whatever its last sign (OCR lost the period; a
    filer's ``(STP XII),`` before ``(continued from footnote 2)``), and a mark inside a
    note must name that note."""
    numbers = [mark_number(p.text) for p in pieces if p.label == "fn_id"]
    counted = highest > 0
    highest = max([highest] + [n for n in numbers if n])
    opened, prev, garbled_lead = [], None, False
    widest = max((p.col + len(p.text) for p in pieces), default=0)
    for _, line in groupby(pieces, key=lambda p: p.line):
        words, number, marked = _note_words(list(line))
        if not words:
            continue
        short_above = (loose and prev is not None and words[0].line > prev.line + 1
                       and prev.col + len(prev.text) < widest / 2)
        garbled_lead = garbled_lead or marked and not number     # ``@) Shares held``
        if len(words) > 1 and _garbled_mark(words[0]) and _opens_note(words[1], prev, True, short_above):
            words, marked = words[1:], True     # a mark the CRF read opening a note, garbled (``mn``)
        if _opens_note(words[0], prev, marked, short_above):
            if number and number != len(opened) + 1:
                return None
            opened.append([])
        elif not opened or loose and number and number != len(opened):
            return None     # a mark inside a note names that note
        opened[-1] += words
        prev = words[-1]
    # one more where a mark was garbled past reading: the last note's may be lost
    lost = any(_garbled_mark(p) for p in pieces) or garbled_lead
    # with no mark read in the tables, openings beyond the notes' marks are notes whose
    # marks OCR lost (``(1) Each unit ...`` / ``Dividend ...`` / ``The units ...`` / ``@)``)
    if not opened or len(opened) < highest or counted and len(opened) > highest + lost + unread:
        return None
    return [{"fn_text": Value(note)} for note in opened]


def _garbled_mark(piece):
    """Whether the piece is a mark the CRF read that OCR garbled past reading (``mn``,
    ``©``): no number, and no capitalised word (the CRF reads ``Not``, ``RSU`` as marks too)."""
    return piece.label == "fn_id" and mark_number(piece.text) is None and not piece.text[:1].isupper()


def mark_number(text):
    """The number of a clean note mark (``(12)``, ``[F3]``, ``4.``), or None."""
    found = NOTE_NUMBER.match(text)
    return int(next(d for d in found.groups() if d)) if found else None


def _note_words(line):
    """A footnote line's text pieces with the marks opening it taken off, the number of
    such a mark (or None) and whether the first text piece began with one."""
    words = [p for p in line if not (p.label == "fn_id" and mark_number(p.text))]
    while words and MARK_DEBRIS.match(words[0].text):
        words.pop(0)
    if not words:
        return [], None, False
    number = next((mark_number(p.text) for p in line if p.label == "fn_id" and p.col < words[0].col
                   and mark_number(p.text)), None)
    lead = LINE_MARK.match(words[0].text) or MARK_QUOTE.match(words[0].text)
    if lead:
        words[0] = replace(words[0], text=words[0].text[lead.end():])
        number = int(lead[1]) if lead.re is LINE_MARK and lead[1] else number
    return words, number, lead is not None


def _opens_note(first, prev, marked, ended=False):
    opening = first.text[:1]
    if not (opening.isupper() or opening.isdigit() or opening in "\"“("):
        return False
    return prev is None or (ended or bool(SENTENCE_END.search(prev.text))) and (
        first.begins or marked or first.line > prev.line + 1)


def _merge_unmarked(notes):
    out = []
    for note in notes:
        if out and "fn_id" not in note:
            out[-1].setdefault("fn_text", Value()).pieces.extend(note["fn_text"].pieces)
        else:
            out.append(note)
    return out


OPEN_MARK = re.compile(r"[\[(]F?\d*$")     # a mark a cell cut before its closing bracket


def footnote_ids(pieces):
    texts, opened = [], {}      # the marks' texts; index of a cut mark's text -> its piece
    for p in pieces:
        above = [k for k, q in opened.items() if q.line == p.line - 1]
        if not p.begins and p.text.isdigit() and above:     # a mark's digits a cell wrapped: "[F1" / "0]"
            k = min(above, key=lambda k: abs(opened[k].col - p.col))
            texts[k] += p.text
            continue
        if OPEN_MARK.search(p.text):
            opened[len(texts)] = p
        texts.append(p.text)
    ids = []
    for text in texts:   # one piece may hold several marks: "[F3]  [F2]", "(1)(2)"
        for digits in re.findall(r"\d+", text):
            if f"F{int(digits)}" not in ids:
                ids.append(f"F{int(digits)}")
    return ids


def garbled_marks(row):
    """How many of the row's marks OCR read as a sign naming no note (``®``, ``@``), with
    those glued to its transaction code (``s@)`` for ``S(2)``)."""
    code = row.values.get("code")
    glued = sum(any(c in GLYPH_SIGNS for c in text) for text in code.texts) if code else 0
    return glued + sum(not re.search(r"\d", m.text) and any(c in GLYPH_SIGNS for c in m.text) for m in row.marks)


def _numbered_in_turn(rec):
    """Whether the record's notes read are numbered 1, 2, ... with none missed."""
    ids = [n["id"] for n in rec["footnotes"]]
    return ids == [f"F{k}" for k in range(1, len(ids) + 1)]


def notes_of_garbled_marks(rec, garbled):
    """Footnotes no row names go to the row with marks OCR garbled past reading, where one
    row has them and no more than there are such notes, or to the record's one row: every
    footnote of the corpus's 806 filings is some row's. Where several rows have such
    marks, or more than there are notes to name, some name notes that other marks name
    too (``s@)`` for ``S(2)`` on each of ten sales; a note OCR lost) and which is which is
    not known: a row given some of its notes is worse off than one given none. Where the
    garbled marks are as many as the notes no row names and the notes read are numbered
    in turn, the marks name them in the order the form prints them (filers number notes
    as their marks first appear: a grant's ``Qa )`` in Table I, then its units' ``@)``
    ``@)`` in Table II)."""
    named = {i for t in TABLES for r in rec[t] for i in r["footnote_ids"]}
    left = sorted(int(n["id"][1:]) for n in rec["footnotes"] if n["id"] not in named and n["id"][1:].isdigit())
    holders = [(table, k, count) for table, k, count in garbled if count]
    if len(garbled) == 1:       # the record's one row holds every note, whatever its signs
        holders = [(table, k, 0) for table, k, _ in garbled]
    if len(holders) == 1 and holders[0][2] <= len(left):
        table, k, _ = holders[0]
        rec[table][k]["footnote_ids"] += [f"F{n}" for n in left]
    elif len(holders) > 1 and sum(count for _, _, count in holders) == len(left) and _numbered_in_turn(rec):
        for table, k, count in holders:
            rec[table][k]["footnote_ids"] += [f"F{n}" for n in left[:count]]
            left = left[count:]
