"""A document converter's markdown dump of an OCR'd Form 4 PDF (the ``markdown_scan`` style).

Imitates the text users actually paste (``shared/seeds/001_*``): header boxes run together
on one long line, table cells split mid-word and mid-value across tabs, empty cells pushing
a row's cells into neighbouring columns, dates cut into pieces, footnote marks in cells of
their own, column headers chopped by narrow columns, and light OCR damage (``Α`` for ``A``,
``5``/``S``, ``,``/``.``, ``S`` for ``$``, dropped letters). The clean ``markdown`` style shows
none of this, so without this style the models never see such text in training.

A noise layer over the same values: every choice comes from ``rng``, damage rates are drawn
per filing (some filings come out nearly clean), and values stay recoverable, so the
aligner still finds most of them.
"""
import re
import textwrap
from dataclasses import dataclass

from .render_text import (FORM_TOP, REMINDER, T1_HEAD, T1_TITLE, T2_HEAD, T2_TITLE, Filing,
                          _md_escape, _other_owners)

# Column kinds of Filing.table1() / table2() rows.
T1_KINDS = ("text", "date", "date", "letter", "letter", "number", "letter", "price", "number",
            "letter", "text")
T2_KINDS = ("text", "price", "date", "date", "letter", "letter", "number", "number", "date", "date",
            "text", "number", "price", "number", "letter", "text")
# Parts of the table headings the OCR kept whole (what a reader, and the aligner, go by).
T1_KEEP = re.compile(r"n-Deriv|ive Sec")
T2_KEEP = re.compile(r"Table II |Derivative Securities Acquired")
SUB_LABELS = ("Code", "Amount", "(A)", "Date Exercisable", "Title")
# Share of cut dates cut inside the year (``02/18/2`` / ``2014``), as in the seeds. Kept low:
# the aligner takes an exact date of a later row before a cut one of the current row, and
# the row, often the rest of the table, then aligns one row off.
MID_CUT = 0.1
OCR = {"A": "Α", "S": "5", "5": "S", ",": ".", ".": ",", "$": "S", "|": "l"}
MARK = re.compile(r"(.*?)((?:\(\d+\)|<sup>\(\d+\)</sup>)*)", re.S)
CHECK_BOX = ("Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations "
             "may continue. See Instruction 1(b).")
OMB = (("OMB APPROVAL", ""), ("OMB Number:", "3235-0287"), ("Estimated average burden", ""),
       ("hours per response:", "0.5"))
CLOSING = ("Intentional misstatements or omissions of facts constitute Federal Criminal "
           "Violations See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).",
           "Note: File three copies of this Form, one of which must be manually signed. If space "
           "is insufficient, see Instruction 6 for procedure.",
           "Persons who respond to the collection of information contained in this form are not "
           "required to respond unless the form displays a currently valid OMB Number.")


@dataclass
class Damage:
    """Per-filing damage rates: chances per character, cell or label."""
    ocr: float          # characters of labels and boilerplate misread
    drop: float         # letters of table headings lost
    value_ocr: float    # `,`/`.` swapped, `$`→`S`, `A`→`Α` in a value cell
    cut: float          # a value cell cut in two across a tab
    date_cut: float     # a date cut into pieces in different cells
    date_lost: float    # the head of a cut date lost
    mark_cell: float    # a footnote mark in a cell of its own
    mark_glue: float    # a footnote mark glued with spaces to its neighbours
    drift: float        # empty cells pushed into (or dropped from) a row
    merge: float        # neighbouring cells run together with a space
    stray: float        # a stray `)` / `l` cell in a row
    chop: float         # a column header chopped and merged
    wrap: float         # a row broken over two lines
    split_heading: tuple  # chance to cut Table I, Table II heading into tab-separated pieces

    @classmethod
    def draw(cls, rng):
        def rate(hi, off=0.25):
            return 0.0 if rng.random() < off else rng.uniform(0.2 * hi, hi)
        return cls(ocr=rate(0.05), drop=rate(0.015), value_ocr=rate(0.1), cut=rate(0.08),
                   date_cut=rate(0.6), date_lost=rate(0.06, off=0.6), mark_cell=rate(0.7),
                   mark_glue=rate(0.3), drift=rate(0.35), merge=rate(0.2), stray=rate(0.08),
                   chop=rate(0.7, off=0.1), wrap=rate(0.3, off=0.5),
                   split_heading=(rate(1.0), rate(0.4, off=0.6)))


# ---------------------------------------------------------------- character damage

def _kept(s, keep):
    return {i for m in keep.finditer(s) for i in range(*m.span())} if keep else set()


def ocr(s, rng, rate, keep=None):
    """Characters misread at ``rate``, outside the spans matched by ``keep``."""
    if not rate:
        return s
    kept = _kept(s, keep)
    return "".join(OCR[c] if c in OCR and i not in kept and rng.random() < rate else c
                   for i, c in enumerate(s))


def drop_letters(s, rng, rate, keep=None):
    """Letters lost at ``rate`` (faint print), outside the spans matched by ``keep``."""
    if not rate:
        return s
    kept = _kept(s, keep)
    return "".join(c for i, c in enumerate(s) if i in kept or not c.isalpha() or rng.random() >= rate)


def tab_cut(s, rng, step=(3, 9), keep=None):
    """Text cut every few characters by tabs, as OCR boxes split it; a letter sometimes
    read twice at a cut (``Tabl`` / ``le I``)."""
    kept, pieces, last = _kept(s, keep), [], 0
    pos = rng.randint(*step)
    while pos < len(s) - 2:
        if not (pos in kept and pos - 1 in kept):
            pieces.append(s[last:pos].strip())
            last = pos - (rng.random() < 0.4 and s[pos - 1].isalpha())
        pos += rng.randint(*step)
    return "\t".join(p for p in pieces + [s[last:].strip()] if p)


# ---------------------------------------------------------------- table headers

def _two_rows(head):
    """Column labels as a top row and a row of sub-labels (``Code``, ``Amount``, ``(A)``...)."""
    top, sub = [], []
    for h in head:
        if re.match(r"\d+A?\. ", h):
            s = next((s for s in SUB_LABELS if h.endswith(" " + s)), "")
            top.append(h[:len(h) - len(s)].strip())
            sub.append(s)
        else:
            top.append("")
            sub.append(h)
    return top, sub


def chop_label(label, rng):
    """A column label as OCR reads it in a narrow column: words truncated, wrapped lines
    cut into two cells (``Secu Bene Own`` / ``mount of irities eficially ed``), or cut once."""
    how = rng.choice(("truncate", "columns", "columns", "cut"))
    if how == "truncate":
        words = re.sub(r"Instr\.", "", label).split()
        return " ".join(w[:rng.randint(3, len(w) - 1)] if len(w) > 4 and rng.random() < 0.5 else w
                        for w in words)
    if how == "columns":
        lines, k = textwrap.wrap(label, rng.randint(8, 14)), rng.randint(3, 6)
        return " ".join(x[:k].strip() for x in lines) + "\t" + " ".join(x[k:].strip() for x in lines)
    cut = rng.randrange(1, len(label))
    return label[:cut] + "\t" + label[cut:]


def header_rows(head, rng, dmg):
    """The two header lines of a table, chopped, drifting and lightly misread."""
    top, sub = _two_rows(head)
    top = [chop_label(h, rng) if h and rng.random() < dmg.chop else h for h in top]
    top = [h for h in top if h or rng.random() < 0.4]
    sub = [s for s in sub if s or rng.random() < 0.8]
    lines = ["\t".join(top), "\t" * rng.randint(2, 6) + "\t".join(sub) + "\t" * rng.randint(0, 4)]
    return [drop_letters(ocr(x, rng, dmg.ocr), rng, dmg.drop) for x in lines]


def heading(title, keep, rng, dmg, chance):
    """A table heading, lightly misread, cut by tabs with the given chance."""
    text = drop_letters(ocr(title, rng, dmg.ocr, keep), rng, dmg.drop, keep)
    if rng.random() < chance:
        text = tab_cut(text, rng, keep=keep)
    return "\t" * rng.randint(0, 2) + text + "\t" * rng.randint(0, 3)


# ---------------------------------------------------------------- table rows

def damage_value(v, kind, rng, dmg):
    """OCR misreadings of one value: separators swapped, ``$`` as ``S``, ``A`` as ``Α``."""
    if kind in ("number", "price"):
        if rng.random() < dmg.value_ocr / 3 and re.search(r"\d[,.]\d", v):
            i = rng.choice([m.start() + 1 for m in re.finditer(r"\d[,.]\d", v)])
            v = v[:i] + OCR[v[i]] + v[i + 1:]
        if v.startswith("$") and rng.random() < dmg.value_ocr * 2:
            v = "S" + v[1:]
    elif kind == "letter" and v == "A" and rng.random() < dmg.value_ocr / 4:
        v = "Α"
    return v


def cut_date(v, rng, dmg):
    """A date in two cells, empty cells between: mostly cut after a separator (``02/18/`` /
    ``2014``), sometimes inside the year, its digit read twice (``02/18/2`` / ``2014``);
    now and then the head is lost (``/2014``)."""
    seps = [m.end() for m in re.finditer(r"[/-]", v)]
    if len(v) == 10 and rng.random() < MID_CUT:
        cut = rng.randint(7, 8)
        head, tail = v[:cut], v[cut - (rng.random() < 0.7):]
    else:
        cut = rng.choice(seps) if seps else len(v) // 2
        head, tail = v[:cut], v[cut:]
    if rng.random() < dmg.date_lost:
        return [tail]
    return [head, *[""] * rng.randint(0, 6), tail]


def cut_value(v, kind, rng, dmg):
    """A value as one or more cells: dates cut (head sometimes lost), numbers cut (prices,
    narrow in the seeds, twice as often and half the time just after the point: ``$3.`` /
    ``3``), titles split between words; empty cells may sit between the pieces."""
    if kind == "date" and len(v) >= 6 and rng.random() < dmg.date_cut:
        return cut_date(v, rng, dmg)
    number_cut = {"number": dmg.cut / 2, "price": dmg.cut * 2}.get(kind, dmg.cut)
    if kind in ("number", "price") and len(v) >= 3 and rng.random() < number_cut:
        point = v.find(".") + 1
        cut = point if 0 < point < len(v) and rng.random() < 0.5 else rng.randrange(1, len(v))
        return [v[:cut], v[cut:]]
    if kind == "text" and " " in v and rng.random() < dmg.cut:
        words = v.split(" ")
        cut = rng.randrange(1, len(words))
        return [" ".join(words[:cut]), " ".join(words[cut:])]
    return [v]


def place_mark(pieces, mark, rng, dmg):
    """A value's footnote mark glued to it, in a cell of its own (``25,893`` / ``(1)``), or
    between spaces running on into the next cell (``45,838 <sup>(3)</sup> D``)."""
    r = rng.random()
    if r < dmg.mark_cell:
        return pieces + [re.sub(r"</?sup>", "", mark) if rng.random() < 0.6 else mark]
    if r < dmg.mark_cell + dmg.mark_glue:
        sup = re.sub(r"(?<!>)\((\d+)\)", r"<sup>(\1)</sup>", mark)
        return pieces[:-1] + [f"{pieces[-1]} {sup}\0"]
    return pieces[:-1] + [pieces[-1] + mark]


def cell_pieces(cell, kind, rng, dmg):
    """One formatted cell (value and footnote marks) as the pieces it breaks into."""
    value, mark = MARK.fullmatch(cell).groups()
    pieces = cut_value(damage_value(value, kind, rng, dmg), kind, rng, dmg)
    return place_mark(pieces, mark, rng, dmg) if mark else pieces


def drift(cells, rng, dmg):
    """Cells (each a list of pieces) flattened, with empty cells pushed in or swallowed and
    stray ``)`` cells between them: columns no longer line up."""
    out = []
    for pieces in cells:
        if rng.random() < dmg.drift:
            out += [""] * rng.randint(1, 3)
        if rng.random() < dmg.stray:
            out.append(rng.choice((")", ")", "l", "|")))
        if pieces != [""] or rng.random() >= dmg.drift:
            out += pieces
    return out


def merge(cells, rng, rate):
    """Neighbouring cells run together with a space (always after a ``\\0``-ended piece)."""
    out = cells[:1]
    for c in cells[1:]:
        if out[-1].endswith("\0") or (out[-1] and c and rng.random() < rate):
            out[-1] = out[-1].rstrip("\0") + " " + c
        else:
            out.append(c)
    return [c.rstrip("\0") for c in out]


def table_row(cells, kinds, rng, dmg):
    """One row as a line of tab-separated cells, sometimes broken over two lines."""
    cells = [cell_pieces(c, k, rng, dmg) for c, k in zip(cells, kinds)]
    pieces = [_md_escape(p) for p in merge(drift(cells, rng, dmg), rng, dmg.merge)]
    if len(pieces) > 4 and rng.random() < dmg.wrap:
        cut = rng.randrange(3, len(pieces))
        return ["\t".join(pieces[:cut]), "\t" * rng.randint(1, 6) + "\t".join(pieces[cut:])]
    return ["\t".join(pieces) + "\t" * rng.randint(0, 5)]


def table(title, keep, head, kinds, rows, rng, dmg, chance):
    """Heading, two header lines and the rows of one table."""
    out = [heading(title, keep, rng, dmg, chance)] + header_rows(head, rng, dmg)
    return out + [ln for row in rows for ln in table_row(row, kinds, rng, dmg)]


# ---------------------------------------------------------------- the form around the tables

def top(rng, dmg):
    """Form title, SEC heading, OMB box (its rule read as ``l``), instructions."""
    title = (["SEC Form 4\t", "------------\t--", "", "FORM 4\t4", "--------\t---", ""]
             if rng.random() < 0.3 else ["FORM 4", ""])
    out = title + ["## " + FORM_TOP[1], "", FORM_TOP[2], "", FORM_TOP[3], ""]
    rule = rng.choice(("", "l", "|"))
    omb = [f"{rule if i > 1 else ''}\t{a}\t{b}".rstrip("\t") + "\t" * rng.randint(6, 10)
           for i, (a, b) in enumerate(OMB)] if rng.random() < 0.7 else [
        "OMB APPROVAL OMB Number: 3235-0287 Estimated average burden 0.5 hours per response"]
    out += omb + ["", CHECK_BOX, "", FORM_TOP[4], ""]
    return [ocr(x, rng, dmg.ocr) for x in out]


def owner_box(f, owner, rng, dmg):
    label = ocr("1. Name and Address of Reporting Person*", rng, dmg.ocr)
    parts = [label, owner["name"] or "", "(Last) (First) (Middle)", owner["street1"] or "",
             owner["street2"] or "", "(Street)",
             " ".join(x for x in (owner["city"], f.state(owner), owner["zip_code"]) if x)]
    return "  ".join(p for p in parts if p)


def issuer_box(f, rng, dmg):
    r = f.record
    labels = [ocr(x, rng, dmg.ocr) for x in (
        "2. Issuer Name and Ticker or Trading Symbol",
        "3. Date of Earliest Transaction (Month/Day/Year)",
        "4. If Amendment, Date of Original Filed (Month/Day/Year)")]
    values = (f.issuer_line(), f.date(r["period_of_report"]), f.date(r["date_of_original_submission"]))
    return "  ".join(f"{a} {b}".strip() for a, b in zip(labels, values))


def relationship_box(f, owner, rng, dmg):
    """Box 5 as a 2x2 grid read row by row, ``X`` before its label; then box 6."""
    m = {label.split()[0]: mark for label, mark in f.boxes(owner)} if owner else {}
    five = rng.choice(("5.", "5.", "S."))
    label = ocr("Relationship of Reporting Person(s) to Issuer (Check all applicable)", rng, dmg.ocr)
    grid = "     ".join(" ".join(row.split()) for row in (
        f"{m.get('Director', '')} Director {m.get('10%', '')} 10% Owner",
        f"{m.get('Officer', '')} Officer (give title {m.get('Other', '')} Other (specify below)"))
    title = " ".join(x for x in (owner["officer_title"], owner["other_text"]) if x) if owner else ""
    if title and rng.random() < dmg.chop / 4:
        title = title[:max(len(title) * 2 // 3, 4)]
    joint = "     ".join(x.strip() for x in f.joint())
    return (f"{five} {label}     {grid}     {title}      "
            f"6. Individual or Joint/Group Filing (Check Applicable Line)     {joint}")


def cut_word(text, rng):
    """``text`` cut inside one of its longer words, as a box too narrow for it cuts it
    (``SVP, Technology De`` / ``evelopment``), the letter at the cut sometimes read twice:
    (head, tail); ``(text, "")`` when no word is long enough."""
    words = list(re.finditer(r"[A-Za-z]{6,}", text))
    if not words:
        return text, ""
    word = rng.choice(words)
    cut = rng.randrange(word.start() + 3, word.end() - 2)
    return text[:cut], text[cut - (rng.random() < 0.5):]


def header_in_columns(f, owner, rng, dmg):
    """Boxes 1, 2-4 and 5-6 side by side, read line by line across the three columns (as
    in seed 000): each line holds a piece of every box; the check mark of box 5 in a cell
    of its own before ``below)``, the officer's title after it, its tail sometimes cut off
    and pushed past the next box's label."""
    r, t = f.record, lambda x: ocr(x, rng, dmg.ocr)
    m = {label.split()[0]: mark for label, mark in f.boxes(owner)}
    title = " ".join(x for x in (owner["officer_title"], owner["other_text"]) if x)
    head, tail = cut_word(title, rng) if rng.random() < dmg.chop / 2 else (title, "")
    street = " ".join(x for x in (owner["street1"], owner["street2"]) if x)
    owner_col = [f"{t('1. Name and Address of Reporting Person*')} {owner['name'] or ''}",
                 f"(Last) (First) {street}\t(Middle)",
                 f"(Street) {owner['city'] or ''} (City)\t{f.state(owner)} (State)\t{owner['zip_code'] or ''} (Zip)"]
    issuer_col = [f"{t('2. Issuer Name and Ticker or Trading Symbol')} {f.issuer_line()}",
                  f"{t('3. Date of Earliest Transaction (Month/Day/Year)')} {f.date(r['period_of_report'])}",
                  f"{t('4. If Amendment, Date of Original Filed (Month/Day/Year)')} "
                  f"{f.date(r['date_of_original_submission'])}".strip()]
    rel_col = [f"{t('5. Relationship of Reporting Person(s) to Issuer (Check all applicable)')} "
               f"{m.get('Director', '')} Director {m.get('Officer', '')} Officer (give title\t"
               f"{m.get('10%', '')} 10% Owner",
               f"{m.get('Officer', '')}\tbelow) {head}\t{m.get('Other', '')} Other (specify below) {tail}",
               "6. Individual or Joint/Group Filing (Check Applicable Line) " + " ".join(f.joint())]
    return ["\t".join(" ".join(part.split()) for cell in cells for part in cell.split("\t"))
            + "\t" * rng.randint(1, 4)
            for cells in zip(owner_col, issuer_col, rel_col)]


def header(f, rng, dmg):
    """Boxes 1-6 run together on one long line, tab runs between the boxes, then the
    city/state/zip captions cut apart on the next; or the boxes side by side in columns."""
    owner = f.record["reporting_owners"][0] if f.record["reporting_owners"] else None
    if owner and rng.random() < 0.4:
        return header_in_columns(f, owner, rng, dmg)
    boxes = [owner_box(f, owner, rng, dmg) if owner else "", issuer_box(f, rng, dmg),
             relationship_box(f, owner, rng, dmg)]
    line = "".join(b + "\t" * rng.randint(1, 8) for b in boxes if b)
    return [line, tab_cut("(City) (State) (Zip)", rng, step=(2, 6)) + "\t" * rng.randint(4, 16)]


def tail(f, rng, dmg):
    """Footnotes, remarks, signatures and the closing notes, lightly misread."""
    r = f.record
    out = ["## Explanation of Responses:", ""]
    bullet = rng.choice(("- {n}. {text}", "{n}. {text}", "- {n}. {text}"))
    out += [x for fn in f.footnotes(bullet) for x in (_md_escape(ocr(fn, rng, dmg.ocr / 4)), "")]
    out += [rng.choice(("## Remarks:", "## **Remarks:**")), ""]
    out += [_md_escape(r["remarks"]), ""] if r["remarks"] else []
    stacked, sign = rng.random() < 0.7, r"\*\* Signature of Reporting Person"
    for sig in r["signatures"]:
        name, when = _md_escape(sig["name"] or ""), f.date(sig["date"])
        out += [name, ""] + ([sign, "", when, "", "Date", ""] if stacked else [f"{when} {sign} Date", ""])
    star = rng.choice((r"- $^{\star}$  ", r"\* "))
    out += [REMINDER, "", star + "If the form is filed by more than one reporting person, see "
            "Instruction 4 (b)(v).", r"- \*\* " + CLOSING[0], "", CLOSING[1], "", CLOSING[2]]
    return out


def _scan_filing(xml_path, rng):
    """A Filing in the formats a printed EDGAR form shows: 02/18/2014, 25,893, $3.17, X."""
    f = Filing(xml_path, rng, marks=("paren", "sup", "sup"))
    f.style.number = rng.choice(("comma",) * 5 + ("plain",))
    f.style.price = rng.choice(("dollar", "dollar", "dollar", "bare"))
    f.style.date = rng.choice(("mdY",) * 5 + ("short",))
    f.style.check, f.style.state_name = (rng.choice(("X", "X", "x")), ""), False
    return f


def render_markdown_scan(xml_path, rng):
    """Markdown of an OCR'd PDF of the filing: see the module docstring."""
    f = _scan_filing(xml_path, rng)
    dmg = Damage.draw(rng)
    out = top(rng, dmg) + header(f, rng, dmg)
    out += table(T1_TITLE, T1_KEEP, T1_HEAD, T1_KINDS, f.table1(), rng, dmg, dmg.split_heading[0])
    out += table(T2_TITLE, T2_KEEP, T2_HEAD, T2_KINDS, f.table2(), rng, dmg, dmg.split_heading[1])
    out += [""] + _other_owners(f, "\t") + tail(f, rng, dmg)
    return "\n".join(out)


RENDERERS = {"markdown_scan": render_markdown_scan}
