"""Rules that turn labelled spans into the record: rows and values (owners: ``owners.py``;
footnotes and marks: ``footnotes.py``).

Input is the field CRF's output as ``Piece`` objects in text order. A piece
whose tag began with ``B-`` starts a value; an ``I-`` piece continues the last
value of its label, even when other tokens stand between (a date cut over two
lines). A table row starts at a new security title once the current row has
other values, or when a value the row already has begins again, so rows that
look alike (same day, same code) stay separate.
"""
import re
from collections import Counter
from copy import deepcopy
from dataclasses import replace
from itertools import combinations, groupby, takewhile
from math import sqrt
from statistics import median

from .balance import AMOUNTS, TOLERANCE, balance_amounts, chain_whole, underlying_of_shares
from .footnotes import footnote_ids, garbled_marks, group_footnotes, notes_of_garbled_marks, numbered_notes
from .labels import TABLE2_ONLY, TABLE_FIELDS, TABLE_ZONES
from .owners import (
    ENTITY_WORDS, FLAG_FIELDS, GLUED_COUNTRY, NAME_WORD, care_of, care_of_from_name, city_from_street, completes_zip,
    drop_issuer_named, first_cell, issuer_above_ticker, merge_repeated_owners, repeats_box_one, split_care_of,
    unglue_cities, unglue_street_numbers, without_repeated_tail, without_zip,
)
from .pieces import Row, Value
from .record import TABLES, empty_owner, empty_record, empty_row
from .values import (
    clean_text, marks_equity_swap, names_equity_swap, parse_code, parse_date, parse_number, parse_price,
    parse_transaction_code, state_code,
)


CUT_AMOUNT = re.compile(r"\d,\d{1,2}\s*$")     # a thousands group of fewer than three digits ending an amount
NUMBER_FIELDS = {"shares": "shares", "price": "price_per_share", "owned": "shares_owned_following",
                 "ex_price": "conversion_or_exercise_price", "und_shares": "underlying_shares"}
PRICE_KEYS = ("price_per_share", "conversion_or_exercise_price")
DATE_FIELDS = {"tx_date": "transaction_date", "deemed_date": "deemed_execution_date",
               "ex_date": "exercise_date", "exp_date": "expiration_date"}
TEXT_FIELDS = {"title": "security_title", "nature": "nature_of_ownership",
               "und_title": "underlying_security_title"}
OWNER_FIELDS = {"owner_street1": "street1", "owner_street2": "street2", "owner_city": "city",
                "owner_state": "state", "owner_zip": "zip_code", "officer_title": "officer_title",
                "other_text": "other_text"}
REMARKS_LABEL = re.compile(r"^Remarks\s*:\s*", re.I)     # the heading scraped HTML glues on
GLUED_NOTE = re.compile(r"(?<=[a-z.)])Note$")     # the form's closing ``Note: File three copies`` glued on
NAME_LABEL = re.compile(r"\s*\((?:Last|First|Middle)\)$")     # box 1's labels under the name
LEADING_MARK = re.compile(r"^\s*(?:\((\d{1,2})\)|\[F(\d{1,2})\])\s+")


WRAP_COLUMN_SLACK = 2    # columns a wrapped cell's next line may start left or right of its head


class Assembler:
    """Collects pieces in text order, then builds the record."""

    def __init__(self, ad_by_code=None):
        self.ad_by_code = ad_by_code or {}
        self.rows, self.owners, self.footnote_pieces, self.signatures = [], [], [], []
        self.single = {}     # issuer_name, ticker, period, orig_date, remarks -> [Value]
        self.last = {}       # label -> the Value an I- piece continues
        self._copy = False   # the owner piece fed last began a second copy of a held address part
        self.inferred_ad = []   # row records whose A/D the text did not show (taken from the code)
        self.warnings = []      # what the record leaves out, for the record's warnings
        self.garbled = []       # (table, row index, marks OCR garbled) of each row record

    def feed(self, piece):
        label = piece.label
        if label in TABLE_FIELDS:
            self._table(piece)
        elif label == "owner_name" or label in OWNER_FIELDS or label in FLAG_FIELDS:
            self._owner(piece)
        elif label in ("fn_id", "fn_text"):
            self._footnote(piece)
        elif label in ("sig_name", "sig_date"):
            self._signature(piece)
        else:
            self._candidate(piece)

    def _candidate(self, piece):
        """A field the record holds once: each ``B-`` piece starts a candidate value,
        ``I-`` pieces continue the last one; ``_single`` picks among them."""
        values = self.single.setdefault(piece.label, [])
        if piece.begins or piece.label not in self.last:
            values.append(Value())
        values[-1].add(piece)
        self.last[piece.label] = values[-1]

    def _table(self, piece):
        if piece.label == "fn_mark":
            if self.rows:
                self.rows[-1].marks.append(piece)
            return
        table = self._table_of(piece)
        row = self.rows[-1] if self.rows else None
        if row is not None and _title_again(row, piece):
            piece = replace(piece, begins=True)     # the CRF ran the row's title on into the next's
        if row is not None and row.table == table and piece.label in row.values and (
                not piece.begins or _wrapped_on(row, piece)):
            row.values[piece.label].add(piece)
            return
        if row is not None and row.table == table:
            piece = _mend_amounts(row, piece)
        if row is None or row.table != table or row.wants_new_row(piece):
            row = Row(table)
            self.rows.append(row)
        row.add(piece)

    def _table_of(self, piece):
        if piece.zone in TABLE_ZONES:
            return piece.zone
        if piece.label in TABLE2_ONLY:
            return "table2"
        return self.rows[-1].table if self.rows else "table1"

    def _owner(self, piece):
        if piece.label == "owner_name":
            piece = first_cell(piece)
        starts_owner = piece.label == "owner_name" and piece.begins and (
            not self.owners or "owner_name" in self.owners[-1])
        if starts_owner or not self.owners:
            self.owners.append({})
        owner = self.owners[-1]
        if piece.label == "owner_zip" and completes_zip(owner.get("owner_zip"), piece.text):
            owner["owner_zip"] = Value([piece])
            return
        if piece.begins:
            self._copy = repeats_box_one(owner, piece, self._copy)
        if self._copy:
            return
        if piece.label in owner and not piece.begins:
            owner[piece.label].add(piece)
        else:
            owner.setdefault(piece.label, Value()).add(piece)

    def _footnote(self, piece):
        self.footnote_pieces.append(piece)

    def _signature(self, piece):
        sig = self.signatures[-1] if self.signatures else None
        if sig is None or (piece.begins and piece.label in sig):
            sig = {}
            self.signatures.append(sig)
        sig.setdefault(piece.label, Value()).add(piece)

    # building the record -------------------------------------------------

    def record(self):
        rec = empty_record()
        where = {}
        self.where = where
        single = {k: _single(k, v) for k, v in self.single.items()}
        owners, issuer = issuer_above_ticker(self.owners, single.get("ticker"), self.single.get("issuer_name", []))
        if issuer is not None:
            single["issuer_name"] = issuer
        rec["issuer"]["name"] = self._text(single.get("issuer_name"), "issuer.name")
        ticker = self._text(single.get("ticker"), "issuer.trading_symbol")
        rec["issuer"]["trading_symbol"] = ticker.strip("[]() ").upper() if ticker else None
        rec["period_of_report"] = self._date(single.get("period"), "period_of_report")
        rec["date_of_original_submission"] = self._date(single.get("orig_date"), "date_of_original_submission")
        if rec["date_of_original_submission"]:
            rec["document_type"] = "4/A"
        remarks = self._text(single.get("remarks"), "remarks")
        rec["remarks"] = (GLUED_NOTE.sub("", REMARKS_LABEL.sub("", remarks)) or None) if remarks else None
        owners = merge_repeated_owners(drop_issuer_named(owners, single.get("issuer_name")))
        rec["reporting_owners"] = unglue_street_numbers(unglue_cities([self._owner_record(o, i)
                                                                       for i, o in enumerate(owners)]))
        self._share_first_relationships(rec["reporting_owners"])
        self._rows_into(rec)
        rec["footnotes"] = self._footnote_records()
        complete_cut_titles(rec)
        notes_of_garbled_marks(rec, self.garbled)
        titles = [o["officer_title"] for o in rec["reporting_owners"] if o["officer_title"]]
        signatures = [s for s in dates_in_order(self.signatures) if not _title_alone(s, titles)]
        rec["signatures"] = [self._signature_record(s, i, titles) for i, s in enumerate(signatures)]
        dates = [r["transaction_date"] for t in ("non_derivative_transactions", "derivative_transactions")
                 for r in rec[t] if r["transaction_date"]]
        original = rec["date_of_original_submission"]
        if rec["period_of_report"] is None and original and original <= min(dates, default=original):
            # box 3 is always filled, box 4 only on amendments, and an original filing comes
            # after its transactions: a lone box date no later than them is the period
            rec["period_of_report"], rec["date_of_original_submission"] = original, None
            rec["document_type"] = "4"
            where["period_of_report"] = where.pop("date_of_original_submission")
        if rec["period_of_report"] is None:
            rec["period_of_report"] = min(dates) if dates else None
        rec["provenance"] = where
        rec["warnings"] = self.warnings
        return rec

    def _move_note(self, path, to):
        if path in self.where:
            self.where[to] = self.where.pop(path)

    def _share_first_relationships(self, owners):
        """Each further owner with as many relationships checked as the first owner has
        the first owner's (box 5's): joint filers share them (every such owner of the
        corpus's gold does), while the Reporting Owners table's check marks often stand
        where no column tells which box they check (scraped HTML prints each ``X`` on a
        line of its own). The checks' places in the text go with them. A further owner
        with an address read and no check read takes them too (``_shared_by_entity``)."""
        first = [key for key in FLAG_FIELDS.values() if owners and owners[0][key]]
        for i, owner in enumerate(owners[1:], start=1):
            checked = [key for key in FLAG_FIELDS.values() if owner[key]]
            if not checked and (owner["city"] or owner["street1"]):     # a name alone may be a misread
                for key in _shared_by_entity(first, owner["name"]):
                    owner[key] = True
                continue
            if len(checked) != len(first) or checked == first:
                continue
            spans = [self.where.pop(f"reporting_owners[{i}].{key}", None) for key in checked]
            for key in checked:
                owner[key] = False
            for key, span in zip(first, spans):
                owner[key] = True
                if span is not None:
                    self.where[f"reporting_owners[{i}].{key}"] = span

    def _note(self, path, value):
        if value is not None and value.pieces:
            self.where[path] = value.where()

    def _text(self, value, path):
        if value is None:
            return None
        self._note(path, value)
        return clean_text(value.words())

    def _date(self, value, path, fallback=None):
        if value is None:
            return None
        self._note(path, value)
        return parse_date(value.texts, fallback)

    def _number(self, value, path):
        if value is None:
            return None
        text = "".join(value.texts)
        if not path.endswith(PRICE_KEYS) and CUT_AMOUNT.search(text):
            return None     # an amount the page's edge cut (``3,10`` of ``3,109,744``): no decimal comma
        self._note(path, value)
        parse = parse_price if path.endswith(PRICE_KEYS) else parse_number
        return parse(text)

    def _owner_record(self, owner, i):
        city_from_street(owner)
        out = empty_owner()
        base = f"reporting_owners[{i}]."
        out["name"] = self._text(owner.get("owner_name"), base + "name")
        for label, key in OWNER_FIELDS.items():
            out[key] = self._text(owner.get(label), base + key)
        out["state"] = state_code(out["state"])
        out["name"], out["street1"] = care_of_from_name(out["name"], out["street1"])
        out["street1"], out["street2"] = split_care_of(care_of(out["street1"]), care_of(out["street2"]))
        if out["officer_title"]:    # scraped HTML glues box 1's next label on: ``CEO(Last)``
            out["officer_title"] = without_repeated_tail(NAME_LABEL.sub("", out["officer_title"])) or None
        out["other_text"] = without_repeated_tail(out["other_text"])
        if out["street2"] and out["street1"] and _same_words(out["street1"], out["street2"]):
            out["street2"] = None   # the address printed twice (box 1, the Reporting Owners table)
        if out["zip_code"]:
            out["zip_code"] = GLUED_COUNTRY.sub(r"\1", out["zip_code"].replace(" ", ""))
            for key in ("street1", "street2"):
                out[key] = without_zip(out[key], out["zip_code"])
        for label, key in FLAG_FIELDS.items():
            if label in owner:
                out[key] = True
                self._note(base + key, owner[label])
        if "is_other" in owner and "is_officer" not in owner and not out["other_text"]:
            # box 5's text below a checked Other is what the owner specifies, however
            # much it reads like an office (all 4 corpus owners checking Other, none Officer)
            out["other_text"], out["officer_title"] = out["officer_title"], None
            self._move_note(base + "officer_title", base + "other_text")
        if out["officer_title"]:
            out["is_officer"] = True
        return out

    def _rows_into(self, rec):
        period = rec["period_of_report"]
        counters = {}
        kept = {}       # table -> its rows, in the order of its row records
        for row in swap_grant_prices(place_lone_prices(mend_zero_prices(rebuilt_rows(self.rows)))):
            row.table = _table_by_cells(row)
            if unplaced(row):
                self.warnings.append(_unplaced_warning(row))
                continue
            if _priced_holding(row):
                row.values["ex_price"] = row.values.pop("price")
            if _lettered_holding(row):
                row.values["di"] = row.values.pop("ad")
            if _amounted_holding(row):
                row.values["owned"] = row.values.pop("shares")
            is_tx = bool(row.values.keys() & TRANSACTION_CELLS)
            table = {("table1", True): "non_derivative_transactions",
                     ("table1", False): "non_derivative_holdings",
                     ("table2", True): "derivative_transactions",
                     ("table2", False): "derivative_holdings"}[row.table, is_tx]
            n = counters[table] = counters.get(table, -1) + 1
            rec[table].append(self._row_record(row, table, f"{table}[{n}].", period))
            self.garbled.append((table, n, garbled_marks(row)))
            kept.setdefault(table, []).append(row)
        mark_received_securities(rec["derivative_transactions"], self.inferred_ad)
        mark_disposals_by_amounts(self.inferred_ad)
        balance_amounts(rec["non_derivative_transactions"], self.where, "non_derivative_transactions")
        marks_follow_amounts(kept.get("non_derivative_transactions", []), rec["non_derivative_transactions"],
                             self.where, "non_derivative_transactions")
        underlying_of_shares(rec["derivative_transactions"])
        underlying_titles_of_table_one(rec)

    def _row_record(self, row, table, base, period):
        out = empty_row(table)
        v = row.values
        for label, key in TEXT_FIELDS.items():
            if key in out:
                out[key] = self._text(v.get(label), base + key)
        for label, key in NUMBER_FIELDS.items():
            if key in out:
                out[key] = self._number(v.get(label), base + key)
        for label, key in DATE_FIELDS.items():
            if key in out:
                fallback = period if label == "tx_date" else None
                out[key] = self._date(v.get(label), base + key, fallback)
        if "transaction_code" in out:
            out["transaction_code"] = self._code(v.get("code"), base + "transaction_code", None)
            out["equity_swap_involved"] = ("v" in v or marks_equity_swap("".join(v["code"].texts) if "code" in v else "")
                                           or names_equity_swap(out.get("security_title")))
            out["acquired_disposed"] = self._code(v.get("ad"), base + "acquired_disposed", "AD")
            if out["acquired_disposed"] is None:
                out["acquired_disposed"] = _side(v.get("shares"))
            if out["acquired_disposed"] is None:
                out["acquired_disposed"] = self.ad_by_code.get(table, {}).get(out["transaction_code"])
                self.inferred_ad.append(out)
            if out["transaction_date"] is None and period and out["transaction_code"]:
                out["transaction_date"] = period
        if (out.get("nature_of_ownership") or "").lower() in ("footnote", "footnotes"):
            # its ``See`` lost (OCR, a cell's wrapped head): all 441 natures naming a
            # footnote in the gold records of the builds' 779 filings open with it
            out["nature_of_ownership"] = "See " + out["nature_of_ownership"]
        out["direct_or_indirect"] = (self._code(v.get("di"), base + "direct_or_indirect", "DI")
                                     or _ownership_of(out, table))
        out["footnote_ids"] = footnote_ids(row.marks)
        return out

    def _code(self, value, path, allowed):
        if value is None:
            return None
        self._note(path, value)
        text = "".join(value.texts)
        return parse_transaction_code(text) if allowed is None else parse_code(text, allowed)

    def _footnote_records(self):
        notes, used = [], set()
        highest = max((int(i[1:]) for row in self.rows for i in footnote_ids(row.marks)), default=0)
        unread = sum(n for _, _, n in self.garbled)
        grouped = (numbered_notes(self.footnote_pieces, highest, unread)
                   or numbered_notes(self.footnote_pieces, highest, unread, loose=True)
                   or group_footnotes(self.footnote_pieces))
        for i, note in enumerate(grouped):
            ident = footnote_ids(note["fn_id"].pieces) if "fn_id" in note else []
            text = self._text(note.get("fn_text"), f"footnotes[{len(notes)}].text")
            lead = LEADING_MARK.match(text or "")
            if lead:    # the note's mark read as its text's first word
                text, ident = text[lead.end():], ident or [f"F{lead[1] or lead[2]}"]
            fid = ident[0] if ident else f"F{len(notes) + 1}"
            if "fn_id" in note and not ident and notes:     # OCR lost the mark's digit ("@" for "(2)")
                fid = f"F{int(notes[-1]['id'][1:]) + 1}"
            if fid in used:
                fid = f"F{len(notes) + 1}"
            used.add(fid)
            notes.append({"id": fid, "text": text})
        return notes

    def _signature_record(self, sig, i, titles):
        name = self._text(sig.get("sig_name"), f"signatures[{i}].name")
        return {"name": CONFORMED.sub("/s/", _without_box_five(name, titles)) if name else name,
                "date": self._date(sig.get("sig_date"), f"signatures[{i}].date")}


PERSONAL_RELATIONSHIPS = ("is_director", "is_officer")


def _shared_by_entity(first, name):
    """The first owner's relationships ``first`` that a further owner named ``name``, none
    of whose own the text shows, shares: every owner reports one at least (pdfminer
    prints the Reporting Owners table's check marks apart from the names); a firm or fund
    (``MERRILL LYNCH, PIERCE, FENNER & SMITH INC.``) is no director or officer."""
    firm = ENTITY_WORDS.intersection(re.findall(r"[A-Z]+", (name or "").upper()))
    shared = [key for key in first if not (firm and key in PERSONAL_RELATIONSHIPS)]
    return shared or first


def _without_box_five(name, titles):
    """A signer's name without what pdfminer prints of box 5 right before the signature
    and the CRF reads into it: a check mark (``X /s/Adeoye Olukotun``) or an owner's
    officer title (``EVP, Chief HR Officer Steven L. Scrogham, attorney-in-fact``)."""
    name = LEADING_CHECK.sub("", name)
    for title in titles:
        if name.startswith(title + " "):
            return name[len(title) + 1:]
    return name


LEADING_CHECK = re.compile(r"^X\s+(?=\S)")


def _title_alone(signature, titles):
    """Whether a signature holds no date and, for a name, only an owner's officer title
    (pdfminer prints box 5's title by the signatures)."""
    return "sig_date" not in signature and "sig_name" in signature and clean_text(
        signature["sig_name"].words()) in titles


def _same_words(a, b):
    return NAME_WORD.findall(a.upper()) == NAME_WORD.findall(b.upper())


def _wrapped_on(row, piece):
    """Whether a text piece the CRF began anew is the rest of a cell wrapped onto the
    next line (``Class A`` / ``Common Stock`` below it, in its column): a row's cell, not
    a new row's. A title must also stand on a line that so far holds only the rest of the
    row's other wrapped cells (else it opens the next row, one line a row)."""
    if piece.label not in TEXT_FIELDS:
        return False
    if piece.label == "nature" and NATURE_OPENING.match(piece.text):
        return False
    if not _wrapped_below(row.values[piece.label], piece):
        return _centred_on(row, piece)
    if piece.label != "title":
        return True
    same_line = [p for v in row.values.values() for p in v.pieces if p.line == piece.line]
    return bool(same_line) and not any(p.begins for p in same_line)


NATURE_OPENING = re.compile(r"^By\b")     # a nature's first word, never a wrapped one's next line


MAX_CENTRED_GAP = 2     # lines from a centred cell's head in its column to the row's line


LINE_CELLS = frozenset({"tx_date", "deemed_date", "code", "shares", "ad", "ex_price", "ex_date", "exp_date"})


def _centred_on(row, piece):
    """Whether an underlying title or nature piece on the row's line goes on with the
    row's value of it ending on the line right above, none of whose lines holds the row's
    short cells: a cell centred on its row, begun above the row's line (OCR, where no
    columns line up: ``Class A`` above the row, ``[Common]`` on it, ``Stock`` below), or
    ending a line further up in the piece's column (``pdftotext -layout``: ``Class A``,
    the title's ``Option`` on the line between), or across lines that print none of the
    row's cells (OCR: a blank line between)."""
    value = row.values[piece.label]
    last = value.pieces[-1].line
    between = {p.line for v in row.values.values() for p in v.pieces if last < p.line < piece.line}
    if piece.label == "title" or not (piece.line - last == 1 or piece.line - last <= MAX_CENTRED_GAP and (
            not between or abs(piece.col - value.pieces[-1].col) <= WRAP_COLUMN_SLACK)):
        return False
    short = {p.line for label, v in row.values.items() if label in LINE_CELLS for p in v.pieces}
    return piece.line in short and not short & {p.line for p in value.pieces}


def _title_again(row, piece):
    """Whether a title piece the CRF continued is the next row's title: it repeats the
    row's title's first line, after the row's short cells (rows of one security, one
    below the other: ``Common Stock`` / dates, codes, amounts / ``Common Stock``) or on
    a later line (plain ``pdftotext``'s column of titles: ``Common Stock`` / ``Common
    Stock``, then the dates)."""
    if piece.label != "title" or piece.begins or "title" not in row.values:
        return False
    first = row.values["title"].pieces[0]
    return piece.text == first.text and (piece.line > first.line
                                         or any(label in row.values for label in SHORT_CELLS))


def _shares_taken_for_underlying(row, piece):
    """Whether a second underlying amount shows that the row's first one is its amount
    (column 5, left of column 7): a grant's amount and its underlying amount are often
    the same number, and ``pdftotext -layout`` may print the first on the line above."""
    first = row.values.get("und_shares")
    return (piece.label == "und_shares" and first is not None and "shares" not in row.values
            and len(first.pieces) == 1 and 0 <= first.pieces[0].col < piece.col)


def _mend_amounts(row, piece):
    """A row's amount the CRF read as another column's, mended where the next piece
    (in text order, so always after the row's pieces) shows which it is: the row's
    values relabelled in place; returns the piece, relabelled if it is the one misread."""
    if _shares_taken_for_underlying(row, piece):
        row.values["shares"] = row.values.pop("und_shares")
    if _owned_read_as_shares(row, piece):
        piece = replace(piece, label="owned")
    if _price_read_as_owned(row, piece):
        row.values["price"] = row.values.pop("owned")
    if _shares_read_as_owned(row, piece):
        row.values["shares"] = row.values.pop("owned")
    if _shares_read_as_price(row, piece):
        row.values["shares"] = row.values.pop("price")
    return piece


def _owned_read_as_shares(row, piece):
    """Whether a second amount the CRF read as the row's shares is its amount owned: the
    row has its shares and its price, and no amount owned, and the amount comes after the
    price in text order, where the amount owned stands (one cell a line: ``18`` / ``$ 0``
    / ``4,558`` / ``D``); another row's shares come after that row's title."""
    price = row.values.get("price")
    return (piece.label == "shares" and piece.begins and "shares" in row.values and price is not None
            and "owned" not in row.values)


def _price_read_as_owned(row, piece):
    """Whether a transaction row's amount owned is its price: a second amount owned
    follows it, and the row has its shares, printed before it, but no price and no D/I
    letter yet (``0`` / ``12,884.683`` / ``D``: a price of 0 looks like an amount)."""
    owned, shares = row.values.get("owned"), row.values.get("shares")
    return (piece.label == "owned" and piece.begins and owned is not None and shares is not None
            and _place(shares.pieces[0]) < _place(owned.pieces[0])
            and "price" not in row.values and "di" not in row.values)


def _shares_read_as_owned(row, piece):
    """Whether a transaction row's amount owned is its amount of shares: a second amount
    owned follows it, and the row has no shares, no D/I letter yet, and an A/D letter
    right of it on its line (``21,955.333 | D | 403.9600 | 159,763.8199``: a fractional
    amount looks like a holding)."""
    owned, ad = row.values.get("owned"), row.values.get("ad")
    return (piece.label == "owned" and piece.begins and owned is not None and ad is not None
            and "shares" not in row.values and "di" not in row.values
            and owned.pieces[0].line == ad.pieces[0].line and owned.pieces[0].col < ad.pieces[0].col)


def _shares_read_as_price(row, piece):
    """Whether a row's price is its amount: it follows the row's code, a second price
    follows it with other cells of the row between, and the row has no amount yet (``A``
    / ``201.785`` / ``Common Stock`` / ``201.785`` / ``$0``: a grant's amount read as the
    price). Prices one after the other are a column's, read column by column."""
    price, code = row.values.get("price"), row.values.get("code")
    if (piece.label != "price" or not piece.begins or price is None or code is None or "shares" in row.values
            or _place(price.pieces[0]) < _place(code.pieces[-1])):
        return False
    return any(_place(p) > _place(price.pieces[-1]) for label, v in row.values.items() if label != "price"
               for p in v.pieces)


def dates_in_order(signatures):
    """The signatures with their dates paired to their names in order where every date
    stands after every name, one date to a name (pdfminer prints the signatures, then
    their dates: ``/s/ ...`` / ``/s/ ...`` / ``04/28/2025`` / ``Date`` / ``04/28/2025``; in
    text order the dates went to the last name and to signatures of their own). Else
    dates that make signatures of their own go, in order, to the names without one,
    where they are as many."""
    names = [s["sig_name"] for s in signatures if "sig_name" in s]
    dates = [s["sig_date"] for s in signatures if "sig_date" in s]
    if (len(names) >= 2 and len(dates) == len(names)
            and min(d.pieces[0].start for d in dates) >= max(n.pieces[-1].end for n in names)):
        return [{"sig_name": name, "sig_date": date} for name, date in zip(names, dates)]
    undated = [s for s in signatures if "sig_date" not in s]
    alone = [s for s in signatures if "sig_name" not in s]
    if not alone or len(alone) != len(undated):
        return signatures
    for signature, date in zip(undated, alone):
        signature["sig_date"] = date["sig_date"]
    return [s for s in signatures if "sig_name" in s]


SHORT_CELLS = ("tx_date", "deemed_date", "code", "v", "shares", "ad", "owned", "di",
               "ex_date", "exp_date", "und_shares")
TALL_CELLS = ("title", "nature", "und_title")
SUBSTANCE = {"title", "tx_date", "shares", "price", "owned", "ex_price", "und_title", "und_shares"}
ROW_AMOUNTS = {"shares", "owned", "und_shares"}
MAX_HEAD_LINES = 2      # lines a tall cell's head may stand above its row's first value
MAX_CENTRED_HEAD_LINES = 4      # and one centred on the row's short cells


def rebuilt_rows(rows):
    """The rows as text order gave them, rebuilt where a layout printed a table in
    columns or blocks (Table I's D/I letters printed apart from its rows set aside till
    the end, see ``_took_ownership``), in this order: right-hand columns printed one
    after another below a block of rows, the ownership column printed last, A/D letters
    printed below a block of rows, a column of natures below a block of rows, tables read
    column by column, cells raised above their row's title, tall cells' heads and split
    rows, tables read block by block, Table II's right-hand cells printed after the
    table, marks printed after a table, natures printed above an indirect row's line,
    stacks of tall natures cut where each is centred on its row, natures' marks printed
    about the last nature, amounts owned printed apart from their transactions, cells
    read several times over, natures read a row too high, a transaction's cells printed
    after the next row's title, a Table I scattered over pages read by its amounts'
    chain, last columns of marks given to Table I's sales by their numbers."""
    aside = _leading_letters(rows) + _stray_ownership(rows)
    if aside:
        set_aside = {id(row) for row in aside}
        rebuilt = _rebuilt(deepcopy([row for row in rows if id(row) not in set_aside]))    # stages change rows
        if _took_ownership(rebuilt, aside):
            return rebuilt
    return _rebuilt(rows)


def _rebuilt(rows):
    rows = spread_ownership_column(read_trailing_columns(join_centred_tails(return_last_transaction_cells(rows))))
    rows = spread_nature_column(give_fallen_letters(rows))
    rows = attach_trailing_cells(pair_block_rows(mend_rows(lower_raised_cells(read_columns(rows)))))
    rows = split_nature_stacks(lower_raised_natures(_rebuild_runs(rows, _spread_trailing_marks)))
    rows = _rebuild_runs(rows, _spread_nature_marks)
    rows = give_natures_to_indirect_rows(join_apart_amounts(read_apart_right_cells(rows)))
    rows = join_chained_fragments(return_stranded_cells(lower_shifted_natures(split_repeated_cells(rows))))
    return number_column_marks(read_owned_chain(join_lone_titles(rows)))


def return_last_transaction_cells(rows):
    """A Table I transaction's date, code, amount and A/D letter printed below every cell
    of the table's last row, a holding's (plain ``pdftotext`` of a sale and three holdings:
    the sale's title, ``$`` / ``434,842`` / ``85.42`` / ``D``, the holdings, then
    ``02/28/2020`` / ``F`` / ``88,719 D``), go back to the one titled row that holds a
    price and none of them, with the marks printed among them."""
    table = [row for row in rows if row.table == "table1"]
    last = table[-1] if table else None
    if (last is None or not {"title", "owned", "di"} <= last.values.keys()
            or not last.values.keys() - HELD_CELLS <= TRANSACTION_LEFT):
        return rows
    moved = [k for k in last.values if k in TRANSACTION_LEFT]
    held = [p.line for k, v in last.values.items() if k in HELD_CELLS for p in v.pieces]
    heads = [row for row in table[:-1]
             if "title" in row.values and "price" in row.values and not row.values.keys() & TRANSACTION_LEFT]
    if not moved or len(heads) != 1 or min(last.values[k].pieces[0].line for k in moved) <= max(held):
        return rows
    below = max(held)
    for k in moved:
        heads[0].values[k] = last.values.pop(k)
    heads[0].marks += [m for m in last.marks if m.line > below]
    last.marks = [m for m in last.marks if m.line <= below]
    return rows


MIN_CHAIN = 3       # rows an amounts' chain must link for a table to be read by it
CHAIN_COLUMNS = frozenset({"title", "tx_date", "deemed_date", "code", "v", "shares", "ad", "price", "owned", "di",
                           "nature"})
ROW_COLUMNS = ("tx_date", "deemed_date", "code", "v")     # one value a transaction, in the rows' order


def read_owned_chain(rows):
    """Table I read again by the chain of its amounts where a layout scattered its columns
    over pages (plain ``pdftotext`` of a long sale: thirteen rows' titles, dates and
    codes, their amounts, their amounts owned, then the next page's cells of every column
    interleaved). The amounts owned in text order, each differing from the one before by
    an amount of the table (each used once, one left over: the first row's), give the
    transactions' order, as filers print each row's holding after the row before's. Each
    transaction takes its amount owned, the amount that links it, the D/I letter read
    next after its amount owned (past prices) and, in order, a value of each other column
    (date, code, A/D letter, price); an amount owned outside the chain is a holding's;
    titles go to all rows in order, natures to the rows whose letter is ``I``. A column
    that does not count out (as many values as rows, none, or fewer all read alike:
    ``_counted_out``) keeps its values beside the amounts they stood with
    (``_carry_cells``). A run whose rows already pair each linked amount with its amount
    owned under a title, or link as many rows as the chain, whose titles or natures do
    not count out, or that has more dates than the chain has rows, stays as it is.
    Amounts or amounts owned the text lost, and the two read as each other, are as
    ``_amounts_chain``, ``_chain_from_head`` and ``_by_magnitude`` tell; marks as
    ``_spread_row_marks``."""
    return _rebuild_runs(rows, _chained_rows)


def _chained_rows(run):
    found = _run_chain(run)
    if found is None:
        return None
    pieces, columns, marks_of, owned, (start, size, pairs) = found
    before, after = [Row("table1") for _ in owned[:start]], [Row("table1") for _ in owned[start + size:]]
    chained = [Row("table1") for _ in pairs]
    rows = before + chained + after
    titles = _counted_out(columns.get("title", []), len(rows))
    if not titles or len(columns.get("tx_date", [])) > len(chained):
        return None     # more transactions than the chain's rows: it is not the table's
    _fill_column(rows, "title", titles, marks_of)
    held = list(zip(before, owned[:start])) + list(zip(after, owned[start + size:]))
    letters = _letters_after_owned_values(pieces, columns, owned)
    _fill_ownership(held, list(zip(chained, pairs)), letters, marks_of)
    _fill_transactions(run, rows, list(zip(chained, pairs)), columns, marks_of, letters)
    indirect = [row for row in rows if "di" in row.values and "".join(row.values["di"].texts).strip() == "I"]
    natures = _counted_out(columns.get("nature", []), len(indirect))
    if natures is None:
        return None
    _fill_column(indirect, "nature", natures, marks_of)
    rows[0].marks = _leading_marks(pieces) + rows[0].marks
    _keep_stray_marks(rows, pieces)
    if start == 0:
        _spread_row_marks(rows, len(chained), {id(m) for v in owned for m in marks_of[id(v)]
                                               if m.line == v.pieces[-1].line})
    return rows


def _run_chain(run):
    """(the run's pieces, its columns, the marks after each value, its amounts owned, their
    chain) for a Table I run of the columns a chain reads whose amounts chain otherwise
    than as read; else None."""
    if run[0].table != "table1":
        return None
    pieces = _pieces_and_marks(run)
    if any(not mark and p.label not in CHAIN_COLUMNS for p, mark in pieces):
        return None
    columns, marks_of = _columns(pieces)
    owned, amounts = columns.get("owned", []), columns.get("shares", [])
    chain = _amounts_chain(owned, amounts)
    if chain is None:
        owned, amounts, chain = _chain_from_head(owned, amounts)
    if chain is None:
        owned, amounts = _by_magnitude(owned, amounts)
        chain = _amounts_chain(owned, amounts)
    if chain is None or _paired_as_read(run, chain[2]) or _links_as_read(run) >= _links(chain[2]):
        return None
    return pieces, columns, marks_of, owned, chain


def _chain_from_head(owned, amounts):
    """(amounts owned, amounts, chain) with one amount read before every amount owned
    taken as the first row's amount owned, where exactly one such reading chains (plain
    ``pdftotext`` prints the first row's amount owned above its title, ``194,007`` /
    ``(2)`` before ``Common Stock``, where the CRF reads it as an amount); else the columns
    as read and None."""
    if not owned:
        return owned, amounts, None
    first = _place(owned[0].pieces[0])
    found = []
    for value in [v for v in amounts if _place(v.pieces[0]) < first]:
        rest = [v for v in amounts if v is not value]
        chain = _amounts_chain([value] + owned, rest)
        if chain is not None and chain[0] == 0:
            found.append(([value] + owned, rest, chain))
    return found[0] if len(found) == 1 else (owned, amounts, None)


def _fill_ownership(held, chained, letters, marks_of):
    """Give the holdings (row, amount owned) and the chain's (row, (amount, amount owned))
    their amounts owned and the letters after them; the chain's rows whose amount owned
    was lost, the letter the others read alike."""
    for row, value in held + [(row, o) for row, (_, o) in chained if o is not None]:
        _fill_column([row], "owned", [value], marks_of)
        if id(value) in letters:
            _fill_column([row], "di", [letters[id(value)]], marks_of)
    _copy_alike_letters([row for row, (_, o) in chained if o is None], list(letters.values()), marks_of)


def _fill_transactions(run, rows, chained, columns, marks_of, letters):
    """Give the chain's rows their amounts and, in order, each column that counts out
    (dates, codes, prices, A/D letters: those not read as D/I letters); the other columns'
    values stay beside the amounts they were read with."""
    sales = [row for row, _ in chained]
    for row, (amount, _) in chained:
        _fill_column([row] if amount is not None else [], "shares", [amount], marks_of)
    filled = {label: _counted_out(columns.get(label, []), len(sales)) for label in ROW_COLUMNS}
    prices = columns.get("price", [])
    filled["price"] = prices if len(prices) in (0, len(sales)) else None     # a price is no copy of another
    for label in ROW_COLUMNS:
        if filled[label] is not None:
            _fill_column(sales, label, filled[label], marks_of)
    if filled["price"] is not None:
        _fill_column(sales, "price", _lined_up(filled["price"], [o for _, (_, o) in chained]), marks_of)
    _carry_cells(run, rows, [label for label, found in filled.items() if found is None], columns, marks_of)
    ad = [v for v in columns.get("ad", []) + columns.get("di", []) if not any(v is x for x in letters.values())]
    if len(ad) == len(sales):
        _fill_column(sales, "ad", sorted(ad, key=lambda v: _place(v.pieces[0])), marks_of)


def _carry_cells(run, rows, labels, columns, marks_of):
    """Each value of the columns ``labels`` (which do not count out: a price the CRF
    missed, codes ``M`` and ``S`` one short) given to the rebuilt row that took the
    amount or amount owned it stood beside in the rows as read."""
    taken = {id(new.values[label].pieces[0]): new for new in rows for label in ("shares", "owned")
             if label in new.values}
    value_of = {id(p): v for found in columns.values() for v in found for p in v.pieces}
    for row in run:
        new = next((taken[id(row.values[label].pieces[0])] for label in ("shares", "owned")
                    if label in row.values and id(row.values[label].pieces[0]) in taken), None)
        for label in labels:
            value = value_of.get(id(row.values[label].pieces[0])) if label in row.values else None
            if new is not None and value is not None and label not in new.values:
                _fill_column([new], label, [value], marks_of)


def _copy_alike_letters(rows, letters, marks_of):
    """Give the rows whose amount owned was lost the D/I letter every other row reads
    alike (``I``): the text lost the row's letter with its amount owned."""
    if rows and letters and len({"".join(v.texts).strip() for v in letters}) == 1:
        _fill_column(rows, "di", [letters[0]] * len(rows), {})


def number_column_marks(rows):
    """Table I's marks that a column of mark lines holds, each a number one row holds,
    given to the sales by their numbers: the sales between two that hold one number of
    their own each (``(15)`` printed in its price's place) take the numbers between, and
    those after the last or before the first count on from it while the column holds
    the numbers, where the numbers are as many as the sales or as those whose prices
    stand apart from their ``$`` (``$ 869.21`` on one line: no note). Plain
    ``pdftotext`` prints a long sale's weighted-average price notes, one a row, as
    columns of marks apart from their rows, broken where a page's row printed its mark
    beside its amounts (``(5)`` ... ``(14)``, then that row's ``$ 851.68``, then
    ``(16)`` ... ``(19)``); in text order one row took them all."""
    return _rebuild_runs(rows, _numbered_marks)


def _numbered_marks(run):
    if run[0].table != "table1":
        return None
    numbers = [{n for m in row.marks for n in _mark_numbers(m)} for row in run]
    rows_of = Counter(n for held in numbers for n in held)     # how many rows hold each number
    lone = [(row, m, ns[0]) for row in run if len(row.marks) > 1      # a column is two mark lines at least
            for lines, _ in _mark_runs(row) for marks in lines for m in marks if len(ns := _mark_numbers(m)) == 1]
    column = {n: (row, m) for row, m, n in lone if rows_of[n] == 1}
    if not column:
        return None
    at = [k for k, row in enumerate(run) if row.values.keys() & {"tx_date", "code"}]   # amount read or lost
    sales = [run[k] for k in at]
    own = [sorted(n for n in numbers[k] if rows_of[n] == 1 and n not in column) for k in at]
    shared = {n for n, held in rows_of.items() if held > 1}
    given = {}
    for unmarked, gap in groupby(range(len(sales)), key=lambda k: not own[k]):
        if unmarked:
            given.update(_numbered_gap(sales, list(gap), own, column, shared))
    taken = Counter(given.values())
    given = {j: n for j, n in given.items() if taken[n] == 1}
    if not given:
        return None
    for j, n in given.items():
        holder, mark = column[n]
        holder.marks = [m for m in holder.marks if m is not mark]
        sales[j].marks = sales[j].marks + [mark]
    return run


MIN_NUMBERED = 2    # marks a gap takes from a column by their numbers, at least


def _numbered_gap(sales, gap, own, column, shared):
    """{index of a sale: its number} for a gap of sales with no numbers of their own
    (their indices ``gap``) beside sales holding one each: the numbers between
    theirs, or counting on from the one side that has one, that the column holds (passing
    over numbers several rows hold: every row's ``(2)``), where as many as the rows or as
    the rows whose prices stand apart from their ``$``."""
    before = own[gap[0] - 1] if gap[0] > 0 else []
    after = own[gap[-1] + 1] if gap[-1] + 1 < len(own) else []
    held = (column.keys() | shared).__contains__
    if len(before) == 1 and len(after) == 1:
        numbers = range(before[0] + 1, after[0])
    elif len(before) == 1 and not after:
        numbers = takewhile(held, range(before[0] + 1, max(column) + 2))
    elif len(after) == 1 and not before:
        numbers = takewhile(held, range(after[0] - 1, 0, -1))
    else:
        return {}
    numbers = sorted(n for n in numbers if n not in shared)
    if len(numbers) < MIN_NUMBERED or not all(n in column for n in numbers):
        return {}
    for receivers in (gap, [k for k in gap if not _price_on_dollar_line(sales[k])]):
        if len(receivers) == len(numbers):
            return dict(zip(receivers, numbers))
    return {}


def _price_on_dollar_line(row):
    """Whether the row's price stands after its ``$`` on one line (``$ 869.21``): plain
    ``pdftotext`` wraps a price cell after its ``$`` where the cell holds a mark."""
    return "price" in row.values and row.values["price"].pieces[0].col > 0


def _mark_numbers(mark):
    """The note numbers a mark piece holds."""
    return [int(i[1:]) for i in footnote_ids([mark])]


def _spread_row_marks(rows, count, kept=frozenset()):
    """Give each of the first ``count`` rows (the sales) in order one of the marks the
    table prints once, where the lowest ``count`` of them run without a gap (but for
    numbers the table prints more than once: ``(1)``, ``(3)``, ``(4)`` ... beside every
    row's ``(2)``) and those above them stand in the rows after (holdings): filers
    number a long sale's notes of its prices in the rows' order (``(3)`` ... ``(25)``),
    which plain ``pdftotext`` prints as columns of marks apart from the prices (``(11)``
    / ``(12)`` ... after the eighth price, ``(16)`` ... after the next page's holding).
    The marks ``kept`` (read right after an amount owned on its line: its own note) stay
    where they are, their numbers no gap."""
    marks = [(m, row, ns[0]) for row in rows for m in row.marks if len(ns := _mark_numbers(m)) == 1]
    seen = Counter(number for _, _, number in marks)
    once = sorted((mark for mark in marks if seen[mark[2]] == 1 and id(mark[0]) not in kept),
                  key=lambda mark: mark[2])
    numbers = [number for _, _, number in once[:count]]
    repeated = {number for number, n in seen.items() if n > 1} | {n for m, _, n in marks if id(m) in kept}
    if (len(once) < count or set(numbers) | repeated < set(range(numbers[0], numbers[-1] + 1))
            or any(any(row is sale for sale in rows[:count]) for _, row, _ in once[count:])):
        return
    for m, row, _ in once[:count]:
        row.marks.remove(m)
    for row, (m, _, _) in zip(rows, once):
        row.marks.append(m)


def _counted_out(values, count):
    """A column's values for ``count`` rows: as read where as many or none; where fewer
    that all read alike (``12/22/2021`` twenty-one times for twenty-three sales, two left
    untagged), the first again for each row short; else None."""
    if len(values) in (0, count):
        return values
    if len(values) > count or len({"".join(v.words()) for v in values}) > 1:
        return None
    return values + [values[0]] * (count - len(values))


MAGNITUDES = 20     # how many times a long sale's typical amount owned is its typical amount, at least


def _by_magnitude(owned, amounts):
    """The amounts owned and the amounts, each read as the other moved over, by which side
    of the two typical numbers' geometric middle they fall, where the two columns'
    numbers stand far apart (a holder of millions selling thousands: plain
    ``pdftotext``'s ``3,027,290`` read as an amount and ``4,687`` as an amount owned); as
    read where the columns are close. Tried where they do not chain as read."""
    numbers = {id(v): _number(v) for v in owned + amounts}
    if not owned or not amounts or None in numbers.values():
        return owned, amounts
    held, sold = median([numbers[id(v)] for v in owned]), median([numbers[id(v)] for v in amounts])
    if sold <= 0 or held < MAGNITUDES * sold:
        return owned, amounts
    middle = sqrt(held * sold)
    by_place = sorted(owned + amounts, key=lambda v: _place(v.pieces[0]))
    return [v for v in by_place if numbers[id(v)] >= middle], [v for v in by_place if numbers[id(v)] < middle]


def _amounts_chain(owned, amounts):
    """(index of the chain's first amount owned, how many amounts owned it takes, its
    rows' (amount, amount owned) pairs in order) where exactly one run of the amounts
    owned links by all the amounts; else None. The run's first row's amount is the one
    left over, or None where none is (an exercise's amount the CRF missed before a run of
    sales), or else one later row's amount is None (the CRF missed it: no amount links
    its amount owned to the one before); a row whose amount owned the text lost (or the
    CRF left untagged) has None, two or three amounts read one after another then linking
    the amounts owned either side of it."""
    held, pool = [_number(v) for v in owned], [_number(v) for v in amounts]
    if len(amounts) < MIN_CHAIN or None in held or None in pool:
        return None
    steps = _steps_linkable(held, pool)
    for unread in UNREAD_AMOUNTS:     # the longer chain first: the shorter lies within it
        found = [(start, size, pairs) for start, size in _windows(steps, len(pool), unread == "later")
                 if (pairs := _linked(owned[start:start + size], held[start:start + size], amounts, pool, unread))]
        most = max((size for _, size, _ in found), default=None)     # the fewest rows whose amount owned was lost
        found = [chain for chain in found if chain[1] == most]
        if found:
            return found[0] if len(found) == 1 else None
    return None


MAX_GAP_ROWS = 3     # amounts that may link two amounts owned across rows whose own were lost


def _steps_linkable(held, pool):
    """For each two amounts owned one after another, whether some amount, or two or three
    read one after another, is their difference (whichever others link): windows of
    amounts owned with a step none is are not tried."""
    sums = [sum(pool[k:k + n]) for n in range(1, MAX_GAP_ROWS + 1) for k in range(len(pool) - n + 1)]
    return [any(abs(abs(before - after) - total) < TOLERANCE for total in sums) for before, after in zip(held, held[1:])]


def _windows(steps, amounts, one_lost):
    """(start, size) of each run of amounts owned, ``MIN_CHAIN`` or more, whose steps are
    all linkable (but one, with ``one_lost``), neither more nor fewer than the amounts
    can link."""
    for start in range(len(steps) + 1):
        lost = 0
        for size in range(2, min(len(steps) - start + 1, amounts + 2) + 1):
            lost += not steps[start + size - 2]
            if lost > one_lost:
                break
            if size >= MIN_CHAIN and MAX_GAP_ROWS * (size - 1) + 1 >= amounts:
                yield start, size


# which row's amount may be unread, tried in this order: the first row's, none, a later row's
UNREAD_AMOUNTS = ("first", None, "later")


def _linked(owned, held, amounts, pool, unread):
    """The (amount, amount owned) pairs of the rows the amounts owned ``owned`` (numbers
    ``held``) make with every amount, each linking one to the one before; the first row's
    amount the one left over, or None where ``unread`` is ``first`` (then none may be
    left); where it is ``later``, one row after the first may have no amount linking it;
    else None. Of equal amounts, the one read nearest its row's place links; a gap is
    closed by amounts read one after another."""
    left, pairs, lost = list(range(len(pool))), [[None, owned[0]]], 0
    for before, after, value in zip(held, held[1:], owned[1:]):
        taken = _linking(left, pool, abs(before - after), len(pairs))
        if taken is None and unread == "later" and not lost:
            taken, lost = [], 1
            pairs.append([None, None])
        if taken is None:
            return None
        for k in taken:
            left.remove(k)
        pairs += [[amounts[k], None] for k in taken]
        pairs[-1][1] = value
    if len(left) != (0 if unread == "first" else 1) or (unread == "later" and not lost):
        return None
    if left:
        pairs[0][0] = amounts[left[0]]
    return [tuple(pair) for pair in pairs]


def _linking(left, pool, step, row):
    """Indexes of the amount (or of two or three read one after another) summing to
    ``step``, or None."""
    fits = [k for k in left if abs(step - pool[k]) < TOLERANCE]
    if fits:
        return [min(fits, key=lambda k: abs(k - row))]
    for n in range(2, MAX_GAP_ROWS + 1):
        for k in left:
            run = list(range(k, k + n))
            if all(j in left for j in run) and abs(step - sum(pool[j] for j in run)) < TOLERANCE:
                return run
    return None


def _number(value):
    return parse_number("".join(value.texts))


def _paired_as_read(run, pairs):
    """Whether each linked amount already stands in a titled row with its amount owned."""
    read = {(id(row.values["shares"].pieces[0]), id(row.values["owned"].pieces[0]))
            for row in run if {"title", "shares", "owned"} <= row.values.keys()}
    return all((id(a.pieces[0]), id(o.pieces[0])) in read for a, o in pairs if a is not None and o is not None)


def _links_as_read(run):
    """How many rows as read hold an amount that links their amount owned to the row
    before's: where as many as the chain links or more, the rows read right already."""
    rows = [(_amount(row, "shares"), _amount(row, "owned")) for row in run if {"shares", "owned"} <= row.values.keys()]
    return sum(1 for (_, before), (shares, after) in zip(rows, rows[1:])
               if None not in (before, shares, after) and abs(abs(before - after) - shares) < TOLERANCE)


def _links(pairs):
    """How many of a chain's rows an amount links to the row before (not across a gap or
    an unread amount)."""
    return sum(1 for (_, before), (amount, after) in zip(pairs, pairs[1:])
               if None not in (before, amount, after))


def _letters_after_owned_values(pieces, columns, owned):
    """{id of an amount owned: the D or I letter read next after it, past prices (plain
    ``pdftotext`` prints the next row's price between: ``162,985,626`` / ``(13)`` /
    ``$ 897.7`` / ``I``)}."""
    label_of = {id(v): label for label, found in columns.items() for v in found}
    value_of = {id(p): v for found in columns.values() for v in found for p in v.pieces}
    cells = [value_of[id(p)] for p, mark in pieces if not mark and value_of[id(p)].pieces[0] is p]
    letters = {}
    for k, value in enumerate(cells):
        if any(value is o for o in owned):
            after = next((v for v in cells[k + 1:] if label_of[id(v)] != "price"), None)
            if (after is not None and label_of[id(after)] in ("ad", "di")
                    and "".join(after.texts).strip() in ("D", "I")):
                letters[id(value)] = after
    return letters


def _fill_column(rows, label, values, marks_of):
    """Give the rows in order the column's values (relabelled where read as another
    column's) with the marks right after each."""
    for row, value in zip(rows, values):
        row.values[label] = value if all(p.label == label for p in value.pieces) else Value(
            [replace(p, label=label) for p in value.pieces])
        row.marks += marks_of.get(id(value), [])


def _keep_stray_marks(rows, pieces):
    """Give each mark that followed a value no rebuilt row took (a letter or price the
    columns did not count out for) to the row holding the nearest value before it."""
    placed = {id(m) for row in rows for m in row.marks}
    holder = {id(p): row for row in rows for v in row.values.values() for p in v.pieces}
    last = None
    for piece, mark in pieces:
        if not mark:
            last = holder.get(id(piece), last)
        elif id(piece) not in placed and last is not None:
            last.marks.append(piece)


def _leading_marks(pieces):
    """The marks read before the run's first value."""
    return [p for p, _ in takewhile(lambda x: x[1], pieces)]


def join_chained_fragments(rows):
    """Table I's fragments (an amount owned with no title, date, code or amount of
    shares: right-hand cells a layout printed apart from their row) each joined to the
    one titled transaction that lacks an amount owned and whose amount, added to or
    taken from the amount owned of the row before it, gives the fragment's (plain
    ``pdftotext`` prints a page's last sales' ``$ 379.2`` / ``(9)`` / ``411,088,315`` /
    ``I`` after the page's marks). The transaction takes the cells it lacks; the fragment
    keeps the rest."""
    for fragment in [r for r in rows if _fragment(r)]:
        owned = _amount(fragment, "owned")
        targets = [row for before, row in zip(rows, rows[1:]) if _chains_to(before, row, owned)]
        if len(targets) == 1:
            row = targets[0]
            for label in list(fragment.values):
                if label not in row.values:
                    row.values[label] = fragment.values.pop(label)
            row.marks += fragment.marks
            fragment.marks = []
    return [r for r in rows if r.values or r.marks]


def join_lone_titles(rows):
    """Table I's one row of a title and a date alone (no code, amount or letter) joined to
    its one transaction that has a code and no title: plain ``pdftotext`` prints a
    gift's title and date after the holdings below it (``G`` / ``V 4,000 D`` / ``$ 0
    326,974 (1)`` / ``D`` / the holdings / ``Common stock, $0.01 par value 12/04/2019``).
    The transaction keeps a date it has."""
    table = [row for row in rows if row.table == "table1"]
    lone = [row for row in table if "title" in row.values and row.values.keys() <= LONE_TITLE_CELLS
            and "tx_date" in row.values]
    bare = [row for row in table if "title" not in row.values and "code" in row.values]
    if len(lone) != 1 or len(bare) != 1:
        return rows
    for label in list(lone[0].values):
        bare[0].values.setdefault(label, lone[0].values.pop(label))
    bare[0].marks += lone[0].marks
    return [row for row in rows if row is not lone[0]]


LONE_TITLE_CELLS = frozenset({"title", "tx_date", "deemed_date"})


def _fragment(row):
    keys = row.values.keys()
    return row.table == "table1" and "owned" in keys and not keys & {"title", "tx_date", "code", "shares"}


def _chains_to(before, row, owned):
    """Whether ``row`` is a titled transaction lacking an amount owned whose amount,
    added to (``A``) or taken from (``D``) ``before``'s amount owned, gives ``owned``."""
    side = _ad_letter(row)
    if (row.table != "table1" or before.table != "table1" or "title" not in row.values
            or "owned" in row.values or side not in ("A", "D")):
        return False
    shares, held = _amount(row, "shares"), _amount(before, "owned")
    if shares is None or held is None or owned is None:
        return False
    return chain_whole([None, side], [(None, held), (shares, owned)])


def _ad_letter(row):
    return "".join(row.values["ad"].texts).strip() if "ad" in row.values else None


def _amount(row, label):
    return _number(row.values[label]) if label in row.values else None


HELD_WHOLE = frozenset({"title", "und_title", "owned", "di"})     # a Table II holding's cells, read whole


def _priced_holding(row):
    """Whether the row is a Table II holding whose exercise price was read as a price: a
    holding's cells, no date, no exercise price, and a price its one transaction's cell.
    Holdings report no price (column 8); pdfminer prints a holding's exercise price
    (column 2) apart from its title, after the rows above's date marks. A row with a date
    or an exercise price is a transaction whose other cells were lost."""
    keys = row.values.keys()
    return (row.table == "table2" and keys & TRANSACTION_CELLS == {"price"} and keys >= HELD_WHOLE
            and not keys & (DATE_CELLS | {"ex_price"}))


def _lettered_holding(row):
    """Whether the row is a Table II holding whose ownership form ``D`` was read as a
    disposal's letter: underlying and owned amounts, no ownership form, and the letter its
    one transaction's cell, printed after the amount owned as the form's column is (plain
    ``pdftotext`` prints a cell a line). Table I's letter stands apart from its row's
    cells there (a transaction's lost ``D`` read after the amounts)."""
    keys = row.values.keys()
    return (row.table == "table2" and keys & TRANSACTION_CELLS == {"ad"} and keys >= {"owned", "und_shares"}
            and "di" not in keys
            and "".join(row.values["ad"].texts).strip() == "D"
            and row.values["ad"].pieces[0].start > row.values["owned"].pieces[-1].start)


def _amounted_holding(row):
    """Whether the row is a Table I holding whose amount owned was read as an amount of
    shares: a title, that amount its one transaction's cell, no amount owned, no date, and
    a holding's nature or D/I letter (OCR of a one-holding table: ``Common Stock | |
    15,805 | Living``, its ``By`` read a line above)."""
    keys = row.values.keys()
    return (row.table == "table1" and keys & TRANSACTION_CELLS == {"shares"} and "title" in keys
            and not keys & (DATE_CELLS | {"owned"}) and bool(keys & {"nature", "di"}))


def return_stranded_cells(rows):
    """Transaction cells of a row with no date (a code, an amount, an A/D letter, a price)
    given to the dated transaction right before it that has none of them: a holding
    reports none, and plain ``pdftotext`` prints the next row's title before a
    transaction's later cells, so that the holding below takes them (``Common Stock`` /
    ``08/28/2025`` / ``Common Stock`` / ``S`` / ``90,000 D``; ``A`` / ``Common Stock`` /
    ``$ 0`` / ``By Trust``). A row with a date of any column keeps its cells: it is a
    transaction whose date was read as another. A mark read right after a cell given goes
    with it (``$ 232.07`` / ``(1)``)."""
    for before, row in zip(rows, rows[1:]):
        stranded = row.values.keys() & TRANSACTION_CELLS
        if (row.table == before.table and stranded and not row.values.keys() & DATE_CELLS
                and "tx_date" in before.values and not stranded & before.values.keys()):
            moved = [m for m in row.marks if _mark_of(row, m) in stranded]
            for label in stranded:
                before.values[label] = row.values.pop(label)
            row.marks = [m for m in row.marks if all(m is not x for x in moved)]
            before.marks = before.marks + moved
    return rows


def _mark_of(row, mark):
    """The label of the row's value read last before the mark, or None."""
    read = [(_place(v.pieces[-1]), label) for label, v in row.values.items()
            if _place(v.pieces[-1]) < _place(mark)]
    return max(read)[1] if read else None


def _spread_nature_marks(run):
    """A Table I run's natures' marks printed on lines of their own about its last
    nature, some before it (after the row's other cells), the rest after it, one line
    for each of the last rows with a nature and no mark (plain ``pdftotext``: ``674,719``
    / ``I`` / ``(2)`` / ``(3)`` / ``See Footnote`` / ``(4)`` for three holdings' ``See
    Footnote``): the lines given to those rows in order. None where no such lines."""
    last = run[-1]
    if last.table != "table1" or "nature" not in last.values:
        return None
    nature = last.values["nature"].pieces
    cells = [p for label, v in last.values.items() if label != "nature" for p in v.pieces]
    lines = _lines_of(last.marks)
    if len(lines) < 2 or any(_line_has_cells(run, line[0].line) for line in lines):
        return None
    before = [line for line in lines if line[0].line < nature[0].line]
    if not before or not all(line[0].line > max(p.line for p in cells) for line in before) or len(before) == len(lines):
        return None
    natured = list(takewhile(lambda row: "nature" in row.values, reversed(run)))[::-1]
    receivers = natured[-len(lines):]
    if len(receivers) < len(lines) or any(row.marks for row in receivers[:-1]):
        return None
    last.marks = []
    for row, marks in zip(receivers, lines):
        row.marks = list(marks)
    return run


def _lines_of(marks):
    """The marks grouped by line, in order."""
    return [list(group) for _, group in groupby(marks, key=lambda m: m.line)]


def _line_has_cells(run, line, but=None):
    """Whether a cell of the run (but ``but``) stands on the line."""
    return any(p.line == line and p is not but for row in run for v in row.values.values() for p in v.pieces)


def _leading_letters(rows):
    """The rows opening the text before Table I's first title that hold only D/I
    letters, each on a line of its own, or []."""
    lead = list(takewhile(lambda row: row.table == "table1" and "title" not in row.values, rows))
    pieces = [p for row in lead for v in row.values.values() for p in v.pieces]
    if any(row.values.keys() - {"di", "ad"} or row.marks for row in lead) or any(
            p.text.strip() not in ("D", "I") or _line_has_cells(rows, p.line, p) for p in pieces):
        return []
    return lead


def _stray_ownership(rows):
    """Table II rows of a D/I letter alone, a nature at most after it, and the rows of a
    nature alone right after the last: Table I's Ownership Form and Nature columns as
    pdfminer prints them, after Table II's headings (``D`` below ``(Instr. 4)``, beside
    the Reporting Owners table) or its rows (``I`` / ``I`` / ``See Footnote`` / ``See
    Footnote``)."""
    stray = [row for row in rows if row.table == "table2" and "di" in row.values
             and not row.values.keys() - {"di", "nature"}]
    if not stray:
        return []
    natures = list(takewhile(lambda row: row.table == "table2" and row.values.keys() == {"nature"},
                             rows[rows.index(stray[-1]) + 1:]))
    return stray + natures


def _took_ownership(rows, aside):
    """Give D/I letters printed apart from Table I's rows (``_leading_letters``: pdfminer
    prints the Ownership Form column's text box first, ``D`` / ``D`` / ``D`` above
    ``Common shares ...``, the CRF reading a letter an A/D one at times;
    ``_stray_ownership``), each ``I`` with the nature after it (or the natures printed
    as a column after the letters, one each) and the nature's marks, to Table I's titled
    rows lacking one in order, where there is one for each. Whether they were given."""
    letters = sorted(((p, row) for row in aside for label, v in row.values.items()
                      if label in ("di", "ad") for p in v.pieces), key=lambda x: x[0].start)
    natured = [row for row in aside if "nature" in row.values]
    lacking = [row for row in rows if row.table == "table1" and "di" not in row.values and "title" in row.values]
    if len(lacking) != len(letters):
        return False
    if len(natured) == len(letters) > 1:     # a column of natures after the letters: one each
        letters = [(letter, row) for (letter, _), row in zip(letters, natured)]
    for row, (letter, source) in zip(lacking, letters):
        row.values["di"] = Value([replace(letter, label="di")])
        if "nature" in source.values and "nature" not in row.values and letter.text.strip() == "I":
            row.values["nature"] = source.values["nature"]
            row.marks = row.marks + source.marks     # the nature's notes
    return True


def give_natures_to_indirect_rows(rows):
    """Natures read on direct rows (letter ``D``) given, in order, to a table's indirect
    rows (``I``) that hold none, where the two count alike and each nature stands below
    its new row's letter: plain ``pdftotext`` prints a column's natures after the table's
    other columns, and the column reading gives them to its first rows, the transactions,
    while the holdings above them own them. Marks on a nature's lines go with it."""
    for table in dict.fromkeys(row.table for row in rows):
        direct = [row for row in rows if row.table == table and _letter(row) == "D" and "nature" in row.values]
        bare = [row for row in rows if row.table == table and _letter(row) == "I" and "nature" not in row.values]
        if not direct or len(direct) != len(bare) or any(
                _place(giver.values["nature"].pieces[0]) < _place(taker.values["di"].pieces[-1])
                for giver, taker in zip(direct, bare)):
            continue
        for giver, taker in zip(direct, bare):
            lines = {p.line for p in giver.values["nature"].pieces}
            taker.values["nature"] = giver.values.pop("nature")
            taker.marks += [m for m in giver.marks if m.line in lines]
            giver.marks = [m for m in giver.marks if m.line not in lines]
    return rows


def lower_shifted_natures(rows):
    """The rows with each run of natures read one row too high given back one row down:
    a direct row (letter ``D``) holding a nature, then indirect rows each with one, then
    a row with an amount owned but neither letter nor nature. Each nature (and the marks
    after it) goes to the row below, and the last row takes the letter ``I`` of the one
    above (plain ``pdftotext`` prints a holdings list's natures above their amounts)."""
    for k, row in enumerate(rows):
        if _letter(row) != "D" or "nature" not in row.values:
            continue
        end = k + 1
        while (end < len(rows) and rows[end].table == row.table and _letter(rows[end]) == "I"
               and "nature" in rows[end].values):
            end += 1
        last = rows[end] if end < len(rows) else None
        if (end == k + 1 or last is None or last.table != row.table or last.values.keys() & {"di", "nature"}
                or "owned" not in last.values):
            continue
        last.values["di"] = Value(list(rows[end - 1].values["di"].pieces))
        for j in range(end, k, -1):     # from the bottom up, each row's nature still its own
            upper, lower = rows[j - 1], rows[j]
            first = _place(upper.values["nature"].pieces[0])
            lower.values["nature"] = upper.values.pop("nature")
            lower.marks += [m for m in upper.marks if _place(m) > first]
            upper.marks = [m for m in upper.marks if _place(m) < first]
    return rows


def split_repeated_cells(rows):
    """The rows with each tall cell read several times over (``Class A Common Stock Class
    A Common Stock``, ``By Trust By Trust``: begun pieces, word for word alike) cut to
    one copy, the others going to the nearest rows of the table without such a cell, the
    next ones first (a nature only to an indirect row): plain ``pdftotext`` and pdfminer
    print rows' titles one under the other, and text order joins them where the rows'
    other cells come later."""
    for k, row in enumerate(rows):
        for label in TALL_CELLS:
            copies = _copies(row, label)
            if copies is None:
                continue
            lacking = [j for j, r in enumerate(rows) if r.table == row.table and label not in r.values
                       and (label != "nature" or _letter(r) == "I")]
            nearest = [j for j in lacking if j > k] + [j for j in lacking if j < k][::-1]
            row.values[label] = Value(copies[0])
            for receiver, copy in zip((rows[j] for j in nearest), copies[1:]):
                receiver.values[label] = Value(copy)
    return rows


def _copies(row, label):
    """The copies (lists of pieces) of the row's ``label`` value where it is one text
    several times over, each copy begun; else None."""
    pieces = row.values[label].pieces if label in row.values else []
    starts = [k for k, p in enumerate(pieces) if p.begins]
    if len(starts) < 2 or starts[0] != 0:
        return None
    copies = [pieces[a:b] for a, b in zip(starts, starts[1:] + [len(pieces)])]
    words = [[w for p in copy for w in p.text.split()] for copy in copies]
    return copies if all(w == words[0] for w in words) else None


def lower_raised_natures(rows):
    """The rows with each nature read into a row held directly, wholly between that row's
    line and the next row's, given to the next row where that row is held indirectly and
    names none (``pdftotext -layout`` prints a one-line nature on the line above its row's:
    ``... 2,325,944 D`` / ``by Trust`` / ``Common Stock 174,706,221 I``): the form asks the
    nature of indirect ownership only. So too where the next row prints no letter but an
    amount owned (OCR lost its ``I``)."""
    for prev, row in zip(rows, rows[1:]):
        nature = prev.values.get("nature")
        indirect = _letter(row) == "I" or "di" not in row.values and "owned" in row.values
        if nature is None or prev.table != row.table or "nature" in row.values or _letter(prev) != "D" or not indirect:
            continue
        lines = [p.line for p in nature.pieces]
        if _main_line(prev) < min(lines) and max(lines) < _main_line(row):
            row.values["nature"] = prev.values.pop("nature")
    return rows


APART_CELLS = frozenset({"owned", "price", "ad", "di"})     # a transaction's cells plain pdftotext may print apart


def read_apart_right_cells(rows):
    """The rows with Table I's right-hand cells printed apart from their transactions,
    before or after them, read back in text order where two or more titled transactions
    lack an amount owned and the cells apart hold as many (plain ``pdftotext``:
    ``143,230.035`` / ``D`` / ``$ 119,410.681 506.69`` / ``D`` / ``A`` / ``$0``, then
    each row's title, date, code and amount). Each amount owned goes to the next such
    transaction, with the D/I letter after it and a price on its line or the next; the
    letters and prices left go, in order, to the transactions without one. Only where
    every cell finds its row and the amounts owned then follow from each other by the
    rows' amounts (``balance``'s chain), else the rows as they were."""
    lacking = [r for r in rows if r.table == "table1" and "title" in r.values
               and r.values.keys() & {"shares", "code"} and "owned" not in r.values]
    apart = [r for r in rows if r.table == "table1" and r.values and r.values.keys() <= APART_CELLS]
    cells = sorted(((p, label) for r in apart for label, v in r.values.items() for p in v.pieces),
                   key=lambda c: _place(c[0]))
    if (len(lacking) < 2 or sum(label == "owned" for _, label in cells) != len(lacking)
            or any(r.marks for r in apart)):
        return rows
    placed = deepcopy(lacking)
    if not _place_right_cells(cells, placed) or not _owned_chain_whole(placed):
        return rows
    for row, filled in zip(lacking, placed):
        row.values = filled.values
    return [r for r in rows if all(r is not a for a in apart)]


def _place_right_cells(cells, rows):
    """Place the cells of ``read_apart_right_cells`` on ``rows``; whether each found one."""
    left, k = [], -1
    for n, (piece, label) in enumerate(cells):
        if label == "owned":
            k += 1
            rows[k].values["owned"] = Value([piece])
        elif k >= 0 and piece.text in ("D", "I") and "di" not in rows[k].values and _after_owned(cells, n):
            rows[k].values["di"] = Value([piece])
        elif (k >= 0 and label == "price" and "price" not in rows[k].values
              and 0 <= piece.line - rows[k].values["owned"].pieces[0].line <= 1):
            rows[k].values["price"] = Value([piece])
        else:
            left.append((piece, label))
    for piece, label in left:
        key = "price" if label == "price" else "ad" if piece.text in ("A", "D") else None
        row = next((r for r in rows if key and key not in r.values), None)
        if row is None:
            return False
        row.values[key] = Value([piece])
    return all(r.values.keys() >= {"owned", "di"} for r in rows)


def _after_owned(cells, n):
    """Whether the n-th cell is the first letter after the last amount owned before it."""
    before = list(takewhile(lambda c: c[1] != "owned", reversed(cells[:n])))
    return not any(c[0].text in ("A", "D", "I") for c in before)


def _owned_chain_whole(rows):
    """Whether the rows' amounts owned chain (``balance.chain_whole``), each row after the
    first showing its amount and A/D letter."""
    sides = [_ad_letter(r) for r in rows]
    amounts = [(_amount(r, "shares"), _amount(r, "owned")) for r in rows]
    if amounts[0][1] is None or any(None in pair for pair in amounts[1:]) or any(
            side not in ("A", "D") for side in sides[1:]):
        return False
    return chain_whole(sides, amounts)


def join_apart_amounts(rows):
    """The rows with each table's rows of an amount owned alone (no title, no amount of
    shares: the cells a layout printed apart from their row) joined, in order, to its
    transactions that lack an amount owned (a title and an amount of shares), where
    there are as many of each and no such pair holds a field twice (plain ``pdftotext``
    prints a grant's ``$ 85.42`` / ``113,867`` / ``D`` above the holdings, and its title,
    date, code and amount below them). Then the rows left of an amount owned and no title
    joined alike to the titled rows left with a code or an amount of shares and no amount
    owned (plain ``pdftotext`` prints two transactions' right-hand cells, the first's
    from its amount of shares on, above their titles, dates and codes)."""
    for table in ("table1", "table2"):
        for apart_without, lacking_any in (({"title", "shares"}, {"shares"}), ({"title"}, {"shares", "code"})):
            apart, lacking = _apart_and_lacking(rows, table, apart_without, lacking_any)
            if not apart or len(apart) != len(lacking) or any(a.values.keys() & b.values.keys()
                                                              for a, b in zip(apart, lacking)):
                continue
            for cells, row in zip(apart, lacking):
                _shift_holding_title(rows, row, cells)
                row.values.update(cells.values)
                row.marks += cells.marks
            rows = [r for r in rows if all(r is not a for a in apart)]
    return rows


def _apart_and_lacking(rows, table, apart_without, lacking_any):
    """The table's rows of an amount owned and none of ``apart_without``, and its titled
    rows of one of ``lacking_any`` and no amount owned."""
    apart = [r for r in rows if r.table == table and "owned" in r.values and not r.values.keys() & apart_without]
    lacking = [r for r in rows if r.table == table and "title" in r.values and r.values.keys() & lacking_any
               and "owned" not in r.values]
    return apart, lacking


def _shift_holding_title(rows, row, cells):
    """Where the cells printed apart come right after ``row`` and one holding (a title and
    an amount owned, no transaction's cell), the holding's cells are ``row``'s and the
    cells apart the holding's: ``cells`` and the holding's values swapped but for its
    title (plain ``pdftotext`` prints a sale's amount owned and D/I letter after the next
    row's title: ``Common Stock`` / ``1,133,283`` / ``D``, then the holding's ``14,000`` /
    ``I`` / ``By Spouse``)."""
    k = next(k for k, r in enumerate(rows) if r is row)
    if k + 2 >= len(rows) or rows[k + 2] is not cells:
        return
    holding = rows[k + 1]
    held = holding.values.keys()
    if (holding.table != row.table or not held >= {"title", "owned"} or held & {"shares", "code", "tx_date"}
            or held & row.values.keys() - {"title"}):
        return
    title = holding.values.pop("title")
    holding.values, cells.values = {"title": title, **cells.values}, holding.values
    holding.marks, cells.marks = cells.marks, holding.marks


def split_nature_stacks(rows):
    """The rows with each stack of nature lines that runs down a column beside several
    indirect rows cut again, so that each row's nature is centred on its line
    (``pdftotext -layout`` centres a tall cell on its row's line, one word a line, and
    the cells of rows printed close touch: ``... Fund XV,`` / ``L.P. (2)`` / ``Sequoia``
    / ``Capital`` ... the next row's). A cell of n lines has n // 2 of them above its
    row's line, and a mark printed in the column ends its cell; the marks go with their
    lines. Each indirect row of the stack keeps a line at least; a run with a direct row
    that names a nature is left as it is."""
    out, run = [], []
    for row in rows + [None]:
        if row is not None and run and row.table == run[-1].table and _stacks_on(run, row):
            run.append(row)
            continue
        _split_stack(run)
        out += run
        run = [row] if row is not None else []
    return out


MAX_STACK_GAP = 4       # lines from one line of a stack of nature lines to the next
MIN_RECENTRING = 0.5    # how much nearer centred a stack's cells must be cut to be cut again


def _stacks_on(run, row):
    """Whether ``row``'s nature (or, where it names none, its line) goes on the stack
    of the run's natures in their column."""
    pieces = [p for r in run for p in _nature_pieces(r)]
    if not pieces:
        return False
    col, last = pieces[0].col, max(p.line for p in pieces)
    end = max([last] + [m.line for r in run for m in _column_marks(r, col)])
    own = _nature_pieces(row)
    if not own:
        return _letter(row) == "I" and 0 < _main_line(row) - end <= MAX_STACK_GAP
    return (last < own[0].line <= end + MAX_STACK_GAP
            and all(abs(p.col - col) <= WRAP_COLUMN_SLACK for p in own))


def _nature_pieces(row):
    value = row.values.get("nature")
    return value.pieces if value is not None else []


def _column_marks(row, col):
    """The row's marks printed in the column from ``col`` on."""
    return [m for m in row.marks if m.col >= col - WRAP_COLUMN_SLACK]


def _split_stack(run):
    """The run's natures (and the marks in their column) given again to its indirect rows
    where ``_centred_cuts`` finds cells nearer centred than those read; in place."""
    receivers = [r for r in run if _letter(r) == "I"]
    pieces = [p for r in run for p in _nature_pieces(r)]
    if (len(receivers) < 2 or len({p.line for p in pieces}) != len(pieces)
            or any("nature" in r.values for r in run if _letter(r) != "I")
            or any(_nature_pieces(r)[0].line >= _main_line(r) for r in receivers if "nature" in r.values)
            or any(p.col <= max((q.col for q in _short_pieces(r)), default=-1)
                   for r in run for p in _nature_pieces(r))):
        return      # no centred stack: a direct row's nature, one beginning on its row's line, or left of it
    col = min(p.col for p in pieces)
    marks = [m for r in run for m in _column_marks(r, col) if m.line >= pieces[0].line]
    lines = sorted({p.line for p in pieces} | {m.line for m in marks})
    mains, ends = [_main_line(r) for r in receivers], {m.line for m in marks}
    begun = {p.line for p in pieces if p.begins}
    cost, cuts = _centred_cuts(lines, mains, ends, begun)
    read = [sorted({p.line for p in _nature_pieces(r)} | {m.line for m in marks if any(m is n for n in r.marks)})
            for r in receivers]
    if cuts is None or cost > _cells_cost(read, lines, mains, ends, begun) - MIN_RECENTRING:
        return
    owner = {line: receivers[k] for k, (a, b) in enumerate(zip(cuts, cuts[1:])) for line in lines[a:b]}
    for r in run:
        r.values.pop("nature", None)
        r.marks = [m for m in r.marks if all(m is not n for n in marks)]
    for p in pieces:
        owner[p.line].values.setdefault("nature", Value()).add(replace(p, begins="nature" not in owner[p.line].values))
    for m in marks:
        owner[m.line].marks.append(m)


def _centred_cuts(lines, mains, ends, begun):
    """(cost, cuts): where to cut the stack's ``lines`` into one run a row (as indices,
    from 0 to ``len(lines)``), each run as near centred on its row's line (of ``mains``)
    as can be, a line of ``ends`` ending its run; cuts None where no cut keeps every row
    a line. Cuts alike centred (a line moved from a cell of even lines to one of odd) go
    where the CRF began its values (lines ``begun``)."""
    n, k = len(lines), len(mains)
    best = {(0, 0): (0.0, [0])}
    for j in range(1, k + 1):
        for end in range(j, n - (k - j) + 1):
            found = [(cost + _off_centre(lines[start:end], mains[j - 1], begun), cuts + [end])
                     for start in range(j - 1, end) if (start, j - 1) in best
                     and not ends & set(lines[start:end - 1])
                     for cost, cuts in [best[start, j - 1]]]
            if found:
                best[end, j] = min(found)
    return best.get((n, k), (None, None))


def _cells_cost(cells, lines, mains, ends, begun):
    """``_off_centre`` summed over the cells as read (lists of their lines), or infinity
    where they do not cut the stack's ``lines`` in order, or a line of ``ends`` does not
    end its cell."""
    if not all(cells) or sum(cells, []) != lines or any(ends & set(cell[:-1]) for cell in cells):
        return float("inf")
    return sum(_off_centre(cell, main, begun) for cell, main in zip(cells, mains))


def _off_centre(lines, main, begun):
    """How far a cell on ``lines`` is from centred on its row's line ``main``: lines
    above it against half of them; then (a tenth as much) whether the CRF began the
    cell's value on its first line and on no other."""
    above = sum(line < main for line in lines)
    return abs(above - len(lines) // 2) + ((lines[0] not in begun) + len(begun & set(lines[1:]))) / 10


# cells that tie a row to a line of the form: a row with none of them is cells printed
# apart from every row (plain pdftotext, pdfminer: a price and an amount owned below the
# table) that no rule placed
ANCHORS = frozenset({"title", "tx_date", "code", "shares", "di", "ex_price", "ex_date", "exp_date", "und_title"})
TRANSACTION_CELLS = frozenset({"tx_date", "code", "shares", "price", "ad"})     # a row with one is a transaction
DATE_CELLS = frozenset({"tx_date", "deemed_date", "ex_date", "exp_date"})
HOLDING_CELLS = frozenset({"owned", "und_shares", "di", "nature", "ex_price", "ex_date", "exp_date"})


def unplaced(row):
    """Whether the row holds only cells no rule could tie to a row of the form, or only
    text (a title with no transaction's cell and no holding's: a title read twice, a
    heading's words)."""
    keys = row.values.keys()
    return not keys & ANCHORS or not keys & TRANSACTION_CELLS and not keys & HOLDING_CELLS


CELL_KEYS = {**NUMBER_FIELDS, **TEXT_FIELDS, "ad": "acquired_disposed", "v": "equity_swap_involved"}


def _unplaced_warning(row):
    cells = ", ".join(f"{CELL_KEYS.get(label, label)} {' '.join(v.texts)}" for label, v in row.values.items())
    return f"{'Table I' if row.table == 'table1' else 'Table II'} cells read apart from every row left out: {cells}"


def read_columns(rows):
    """Each run of one table's rows that plain ``pdftotext`` printed column by column
    (every row's title, then every row's date, code, ...: a short table's cells in
    blocks) rebuilt as rows, the i-th value of each field in the i-th row (the natures
    of indirect ownership in the rows whose D/I letter is ``I``). Such a run begins with
    a title, a field that every row fills begins after the second title (pdfminer prints
    each row's title with its date, then the other columns), or with a whole column of
    another field (pdfminer prints a Table II's codes first, its titles last), and no
    field has more values than it has titles; rows read one by one stay as they are."""
    return _rebuild_runs(rows, _column_blocks, settled_apart=True)


def _column_blocks(run):
    """The run read column by column as a whole, else page by page: each block of it
    that begins with a title after a row ending in a right-hand cell (a D/I letter, an
    amount owned, a nature) read so where it can be (a long table's pages), unless it
    was printed row by row."""
    rows = _column_rows(run)
    if rows is not None:
        return rows
    blocks = []
    for row in run:
        if not blocks or "title" in row.values and _last_label(blocks[-1][-1]) in PAGE_END_CELLS:
            blocks.append([])
        blocks[-1].append(row)
    rebuilt = [None if _printed_by_rows(block) else _column_rows(block) for block in blocks]
    if len(blocks) < 2 or not any(rebuilt):
        return None
    return [row for block, rows in zip(blocks, rebuilt) for row in rows or block]


PAGE_END_CELLS = frozenset({"owned", "di", "nature"})


def _printed_by_rows(block):
    """Whether each title begun in the block stands in a row of its own that holds an
    amount or a right-hand cell (an amount owned, a D/I letter): rows printed one by one,
    not a column of titles (which a row may hold run together)."""
    titled = [row for row in block if "title" in row.values]
    begun = sum(p.begins for row in titled for p in row.values["title"].pieces)
    return begun == sum(bool(row.values.keys() & {"shares", "owned", "di"}) for row in titled)


def read_trailing_columns(rows):
    """Each block of Table I's rows printed by their left-hand cells alone (title to A/D
    letter) and followed by their right-hand columns one after another (plain
    ``pdftotext`` of a long table: twenty-five rows' titles, dates, codes and amounts,
    then twenty-five prices with their marks, the amounts owned with their D/I letters,
    the natures) rebuilt as rows: the i-th value of each such column in the i-th row;
    where fewer, the prices in the transactions' rows and the natures in the rows whose
    letter is ``I``. In text order the block's last row took the first of each column
    and each other value made a row of its own. A block is cut at a title printed after
    a right-hand cell, its trailing columns begin after its last left-hand cell (an A/D
    letter printed after the next row's title is its row's, as in ``pair_block_rows``),
    and a column of another count than the block's rows, or a row of a price or amount
    owned alone right before the block, leaves it as it is. Rows that each got an amount
    owned and a D/I letter are settled: the passes that re-read a run's cells by their
    places leave them."""
    return _rebuild_runs(rows, _trailing_columns)


def _trailing_columns(run):
    if run[0].table != "table1":
        return None
    out, changed = [], False
    for block in _blocks(run):
        # an amount printed apart from every row right before the block may be its first
        # row's, raised: the columns below it would then be a row off (not so the last of
        # a column of them, the rest of the block before)
        raised = out and _amount_alone(out[-1]) and not (len(out) > 1 and _amount_alone(out[-2]))
        rebuilt = None if raised else _block_rows(block)
        changed |= rebuilt is not None
        out += rebuilt or block
    return out if changed else None


def _amount_alone(row):
    """Whether the row holds a price or an amount owned but no title."""
    return "title" not in row.values and bool(row.values.keys() & {"price", "owned"})


def _blocks(run):
    """The run cut before each titled row whose row before ends in a right-hand cell (a
    D/I letter that may be the row's A/D letter aside: ``_letter_for_ad``)."""
    blocks = []
    for row in run:
        if (not blocks or "title" in row.values and _last_label(blocks[-1][-1]) not in LEFT_BLOCK["table1"]
                and not _letter_for_ad(blocks[-1][-1]) and not _stray_letter(blocks[-1][-1])):
            blocks.append([])
        blocks[-1].append(row)
    return blocks


def _letter_for_ad(row):
    """Whether the row's cells are a left-hand block's but for a D/I letter in place of
    its A/D letter: the CRF reads a long table's A/D letters, printed a line below their
    amounts (``700 (2)`` / ``D``), as D/I letters."""
    return row.values.keys() - LEFT_BLOCK["table1"] == {"di"} and "shares" in row.values and "ad" not in row.values


def _stray_letter(row):
    """Whether the row's cells are a left-hand block's and, on a line below its A/D
    letter, a D/I letter alone: a letter plain ``pdftotext`` printed out of its place in a
    long table's block (``1,110 D`` / ``D``), not the row's right-hand side."""
    letter = row.values.get("di")
    return (row.values.keys() - LEFT_BLOCK["table1"] == {"di"} and "ad" in row.values and "shares" in row.values
            and len(letter.pieces) == 1 and letter.pieces[0].text in ("A", "D")
            and letter.pieces[0].line > row.values["ad"].pieces[-1].line)


def _letter_below_last_row(row, piece):
    """Whether the piece is a lone ``A`` or ``D`` read as a D/I letter on the line right
    below the row's A/D letter (``32,830 D`` / ``D``)."""
    return (piece.label == "di" and piece.text in ("A", "D") and "ad" in row.values
            and 0 < piece.line - row.values["ad"].pieces[-1].line <= 2)


def _last_label(row):
    """The label of the row's last piece in text order, or None."""
    pieces = [p for v in row.values.values() for p in v.pieces]
    return max(pieces, key=_place).label if pieces else None


TRAILING_COLUMNS = ("price", "owned", "di", "nature")
OPENING_CELLS = frozenset({"title", "tx_date", "deemed_date", "code", "v"})
# where a block's rows print their opening cells alone, their amounts and A/D letters
# may stand in the trailing columns too
OPENING_SPLIT = (OPENING_CELLS, ("shares", "ad") + TRAILING_COLUMNS)


def _block_rows(block):
    """The block's rows rebuilt from its left-hand cells and its trailing columns, or None:
    cut after its last left-hand cell (title to A/D letter), else after its last opening
    cell (title to code: ``Common Stock`` / ``10/01/2025`` / ``A`` twice, then the two
    amounts, then each row's A/D letter, price, amount owned and D/I letter)."""
    pieces = _letters_after_owned(_extra_codes_as_letters(_pieces_and_marks(block)))
    for left, trailing in ((LEFT_BLOCK["table1"], TRAILING_COLUMNS), OPENING_SPLIT):
        rows = _rows_and_columns(pieces, left, trailing)
        if rows:
            whole = all({"owned", "di"} <= row.values.keys() for row in rows)
            for row in rows:
                row.settled = whole     # each row's right-hand side read: the block is done
            return rows
    return None


def _pieces_and_marks(rows):
    """The rows' pieces in their places' order, each as (piece, whether it is a mark)."""
    return sorted([(p, False) for row in rows for v in row.values.values() for p in v.pieces]
                  + [(m, True) for row in rows for m in row.marks], key=lambda x: _place(x[0]))


def _extra_codes_as_letters(pieces):
    """The pieces with each code beyond the block's titles that stands after its first
    amount and reads ``A`` or ``D`` taken for what it is there, an A/D letter (the CRF
    reads a lone letter after a column of amounts as the next row's code)."""
    labels = [p.label for p, mark in pieces if not mark and p.begins]
    if labels.count("code") <= labels.count("title") or "shares" not in labels:
        return pieces
    first_amount = next(k for k, (p, mark) in enumerate(pieces) if not mark and p.label == "shares")
    return pieces[:first_amount] + [(replace(p, label="ad") if not mark and p.label == "code" and p.text in ("A", "D")
                                     else p, mark) for p, mark in pieces[first_amount:]]


def _letters_after_owned(pieces):
    """The pieces with each A/D letter right after an amount owned taken for the D/I
    letter it is there, where the block has none: the CRF reads a row's two letters
    alike when each row prints its right-hand cells apart (``D`` / ``$ 66.7`` /
    ``40,510 (3)`` / ``D``)."""
    if any(not mark and p.label == "di" for p, mark in pieces):
        return pieces
    cells = [k for k, (p, mark) in enumerate(pieces) if not mark]
    after_owned = {k for a, k in zip(cells, cells[1:]) if pieces[a][0].label == "owned" and pieces[k][0].label == "ad"}
    return [(replace(p, label="di"), mark) if k in after_owned else (p, mark) for k, (p, mark) in enumerate(pieces)]


def _rows_and_columns(pieces, left, trailing):
    """The rows of the pieces up to the last of a ``left`` label, each given its values of
    the ``trailing`` columns after them, or None. Where a column of D/I letters follows,
    the rows' letters read as D/I letters are their A/D letters or stray (dropped), as is
    a letter opening the columns right below the last row's A/D letter where the column
    of letters has one more than the rows."""
    last_left = max((k for k, (p, mark) in enumerate(pieces) if not mark and p.label in left), default=len(pieces))
    split = next((k for k in range(last_left + 1, len(pieces)) if not pieces[k][1]), None)
    if split is None:
        return None
    rows = _late_left_cells(_letters_below_rows(pieces[:split]))
    if len(rows) < 2 or any("title" not in row.values for row in rows):
        return None
    columns, marks_of = _columns(pieces[split:])
    if len(columns.get("di", [])) == len(rows) + 1 and _letter_below_last_row(rows[-1], pieces[split][0]):
        columns, marks_of = _columns(pieces[split + 1:])
    if "di" in columns:
        _letters_as_ad(rows)
        for row in rows:
            if _stray_letter(row):
                del row.values["di"]
    held = {label for row in rows for label in row.values}
    if held & columns.keys() or not columns.keys() <= set(trailing):
        return None
    if "price" in columns and "owned" in columns:
        columns["price"] = _lined_up(columns["price"], columns["owned"])
    holders = {label: _column_holders(rows, label, columns) for label in columns}
    if any(found is None for found in holders.values()):
        return None
    for label, found in columns.items():
        for row, value in zip(holders[label], found):
            row.values[label] = value
            row.marks += marks_of[id(value)]
    return rows


def _letters_below_rows(pieces):
    """The left-hand pieces cut into rows, a run of lone A/D letters after the last row
    (each on a line of its own) given in order to the rows with an amount and no A/D
    letter, where as many: plain ``pdftotext`` prints the letters that fell off their
    amounts' lines below a long table's block (``7,700 (2)`` ... ``16,834 (2) D`` /
    ``D`` / ``D``), which the CRF reads as A/D or D/I letters."""
    on_line = Counter(p.line for p, _ in pieces)
    start = len(pieces)
    while (start > 0 and not pieces[start - 1][1] and pieces[start - 1][0].label in ("ad", "di")
           and pieces[start - 1][0].text in ("A", "D") and on_line[pieces[start - 1][0].line] == 1):
        start -= 1
    rows = _parts(pieces[:start], "table1")
    if start < len(pieces) and _give_ad_letters(rows, [p for p, _ in pieces[start:]]):
        return rows
    return _parts(pieces, "table1")


def _give_ad_letters(rows, letters):
    """Give the letter pieces in order, as A/D letters, to the rows with an amount and no
    A/D letter (nor a D/I letter that is one: ``_letter_for_ad``), where as many; whether
    they were given."""
    lacking = [row for row in rows if "shares" in row.values and "ad" not in row.values and not _letter_for_ad(row)]
    if len(lacking) != len(letters):
        return False
    for row, piece in zip(lacking, letters):
        row.values["ad"] = Value([replace(piece, label="ad")])
    return True


def _letters_as_ad(rows):
    """Each D/I letter among a block's left-hand cells that ``_letter_for_ad`` tells is
    its row's A/D letter made so: the block's D/I letters stand in its trailing columns."""
    for row in rows:
        if _letter_for_ad(row):
            value = row.values.pop("di")
            value.pieces = [replace(p, label="ad") for p in value.pieces]
            row.values["ad"] = value


def _lined_up(values, anchors):
    """A trailing column's values in their rows' order, where each value printed on one
    line with a value of the ``anchors`` column takes that value's place and the others
    fill the places left in text order: plain ``pdftotext`` prints a long table's prices
    as a column but one row's price on its amount owned's line (``$ 1,070.48 (8)
    2,130,481``) or right above it, in text order before the prices of the rows above
    it. As they came where the counts differ, a value stands twice (``_counted_out``'s
    copies) or two values share an anchor's line. A row's anchor may be None (not
    read)."""
    place_of = {anchor.pieces[0].line: k for k, anchor in enumerate(anchors) if anchor is not None}
    anchor_of = {id(v): _anchor_line(v.pieces[-1].line, place_of) for v in values}
    placed = {place_of[anchor_of[id(v)]]: v for v in values if anchor_of[id(v)] is not None}
    if (len(values) != len(anchors) or len(anchor_of) != len(values)
            or len(placed) != sum(line is not None for line in anchor_of.values())):
        return values
    rest = iter(v for v in values if anchor_of[id(v)] is None)
    return [placed[k] if k in placed else next(rest) for k in range(len(values))]


def _anchor_line(line, place_of):
    """The anchor's line a value on ``line`` goes with: its own, else the first of the
    two lines below it (``$ 1,129.88`` / ``168,160,665``), else None."""
    return next((n for n in (line, line + 1, line + 2) if n in place_of), None)


def _columns(pieces):
    """{label: its Values in text order} of pieces that stand in columns, and {id of a
    Value: the marks right after it}."""
    columns, _ = _grouped([(p, None if mark else p.label) for p, mark in pieces])
    value_of = {id(p): value for found in columns.values() for value in found for p in value.pieces}
    marks_of, last = {id(value): [] for value in value_of.values()}, None
    for piece, mark in pieces:
        if not mark:
            last = value_of[id(piece)]
        elif last is not None:
            marks_of[id(last)].append(piece)
    return columns, marks_of


def _grouped(items):
    """The (piece, label) items in text order (label None for a mark) as {label: its
    Values in text order}, and the order they came in: (label, index of its Value) at a
    value's first piece, (None, the mark) at a mark."""
    values, order = {}, []
    for piece, label in items:
        if label is None:
            order.append((None, piece))
            continue
        found = values.setdefault(label, [])
        if piece.begins or not found:
            found.append(Value())
            order.append((label, len(found) - 1))
        found[-1].add(piece)
    return values, order


def _column_holders(rows, label, columns):
    """The rows a trailing column's values go to, or None where the counts differ: every
    row, or where fewer, for prices the transactions' rows (those with a code: a holding
    has no price) or else those whose codes are not those often printed without one, and
    for natures the rows whose D/I letter is ``I``."""
    if len(columns[label]) == len(rows):
        return rows
    transactions = [row for row in rows if "code" in row.values]
    if label == "price" and len(columns[label]) == len(transactions):
        return transactions
    priced = [row for row in transactions if _printed_code(row).strip() not in UNPRICED_CODES]
    if label == "price" and len(columns[label]) == len(priced):
        return priced
    indirect = _indirect_rows(rows, columns.get("di", []))
    if label == "nature" and indirect is not None and len(columns[label]) == len(indirect):
        return indirect
    return None


def _indirect_rows(rows, letters):
    """The rows whose D/I letter is ``I``, ``letters`` the column's Values, one a row; None
    where there are not as many letters as rows."""
    if len(letters) != len(rows):
        return None
    return [row for row, letter in zip(rows, letters) if "".join(letter.texts).strip() == "I"]


def spread_ownership_column(rows):
    """Each run of Table I's rows whose ownership column (the D/I letters, then the
    natures) was printed after every other cell of the run (pdfminer: ``D`` / ``I`` /
    ``By`` / ``Rivendell`` / ``One LLC`` below the amounts owned), its letters given to
    the run's rows in order, and each nature with its marks to the row of the next
    indirect (``I``) letter. In text order the letters went to the last row, the second
    one starting a row of its own. A table printed over pages prints such a column after
    each page's rows: the run is cut before each titled row that follows a row of the
    column alone, and each part with a column of two letters or more spread apart. Rows
    opening the run whole, each letter before the next row's cells (a transaction), keep
    theirs where the column below the rest prints its natures, then as many letters.
    (Table II's right-hand columns, printed apart, are ``attach_trailing_cells``'s.)"""
    return _rebuild_runs(rows, _spread_page_columns)


OWNERSHIP_COLUMN = ("di", "nature")


def _spread_page_columns(run):
    parts = [[]]
    for row in run:
        if parts[-1] and "title" in row.values and parts[-1][-1].values.keys() <= set(OWNERSHIP_COLUMN):
            parts.append([])
        parts[-1].append(row)
    if len(parts) == 1:
        return _spread_column(run)
    spread = [_spread_column(part) if sum("di" in row.values for row in part) > 1 else None for part in parts]
    if all(rows is None for rows in spread):
        return None
    return [row for part, rows in zip(parts, spread) for row in (rows or part)]


def _spread_column(run):
    if run[0].table != "table1":
        return None
    settled = _settled_head(run)
    if settled:
        spread = _spread_column(run[settled:]) if _natures_then_letters(run[settled:]) else None
        return None if spread is None else run[:settled] + spread
    column = [p for row in run for label in OWNERSHIP_COLUMN if label in row.values for p in row.values[label].pieces]
    others = [p for row in run for label, v in row.values.items() if label not in OWNERSHIP_COLUMN for p in v.pieces]
    if not column or not others or min(p.line for p in column) <= max(p.line for p in others):
        return None
    kept = [row for row in run if row.values.keys() - set(OWNERSHIP_COLUMN)]
    letters = sorted((p for row in run if "di" in row.values for p in row.values["di"].pieces), key=_place)
    natures = sorted((row for row in run if "nature" in row.values),
                     key=lambda row: _place(row.values["nature"].pieces[0]))
    indirect = [row for row, letter in zip(kept, letters) if letter.text == "I"]
    if len(kept) < 2 or len(letters) > len(kept) or len(natures) > len(indirect):
        return None
    given = [(row.values.pop("nature"), row) for row in natures]
    for row in kept:
        row.values.pop("di", None)
    for row, letter in zip(kept, letters):
        row.values["di"] = Value([letter])
    for (nature, held_by), row in zip(given, indirect):
        row.values["nature"] = nature
        if not any(held_by is k for k in kept):     # a row of the column alone: its marks are the nature's
            row.marks += held_by.marks
    return kept


def _settled_head(run):
    """How many rows open the run each whole, its D/I letter printed before the next
    row's cells (a transaction before holdings whose ownership column pdfminer prints
    below them all: natures, then letters)."""
    k = 0
    while (k + 1 < len(run) and "di" in run[k].values and run[k].values.keys() - set(OWNERSHIP_COLUMN)
           and max(p.line for p in run[k].values["di"].pieces)
           < min((p.line for v in run[k + 1].values.values() for p in v.pieces), default=-1)):
        k += 1
    return k


def _natures_then_letters(run):
    """Whether the run's ownership column prints two natures or more, then as many
    letters, every nature above every letter."""
    natures = [p.line for row in run if "nature" in row.values for p in row.values["nature"].pieces]
    letters = [p.line for row in run if "di" in row.values for p in row.values["di"].pieces]
    starts = [row for row in run if "nature" in row.values]
    return len(starts) > 1 and len(letters) == len(starts) and max(natures) < min(letters)


def give_fallen_letters(rows):
    """Each row of lone A/D letters (each on a line of its own, read as A/D or D/I
    letters) right after a block of Table I's titled rows printed one by one (each with
    its amount owned), where as many of those rows lack an A/D letter, given to them in
    order: plain ``pdftotext`` prints the letters that fell off their amounts' lines
    below a long table's page (``5,300`` ... ``1,738`` ... ``I`` / ``D`` / ``D`` / ``by
    Trust`` ...). A nature the letters' row took (the first of a column of natures) goes
    to the block's last row, as it would have."""
    return _rebuild_runs(rows, _fallen_letters)


def _fallen_letters(run):
    if run[0].table != "table1":
        return None
    out, changed = list(run), False
    for k in range(len(out) - 1, 0, -1):
        letters = _lone_letters(out[k])
        if not letters:
            continue
        start = k
        while start > 0 and "title" in out[start - 1].values:
            start -= 1
        block = out[start:k]
        if (not block or any("owned" not in row.values for row in block)
                or "nature" in out[k - 1].values and "nature" in out[k].values
                or not _give_ad_letters(block, letters)):
            continue
        if "nature" in out[k].values:
            out[k - 1].values["nature"] = out[k].values["nature"]
            out[k - 1].marks += out[k].marks
        del out[k]
        changed = True
    return out if changed else None


def _lone_letters(row):
    """The row's letter pieces in text order where it holds only ``A``/``D`` letters read
    as A/D or D/I letters, each alone on its line (and maybe a nature after them), else
    an empty list."""
    if not row.values.keys() & {"ad", "di"} or row.values.keys() - {"ad", "di", "nature"}:
        return []
    letters = sorted((p for label in ("ad", "di") if label in row.values for p in row.values[label].pieces), key=_place)
    lines = {p.line for p in letters}
    nature = row.values.get("nature")
    if (any(p.text not in ("A", "D") for p in letters) or len(lines) != len(letters)
            or nature and _place(nature.pieces[0]) < _place(letters[-1]) or any(m.line in lines for m in row.marks)):
        return []
    return letters


def spread_nature_column(rows):
    """Each column of natures of indirect ownership printed below a block of Table I's
    rows (plain ``pdftotext``: ten rows ending in ``I``, then ``by Trust`` / ``(2)``
    ten times) given to the block's rows in order. In text order the first nature went
    to the block's last row and each other one made a row of its own (later dropped as
    a row without substance). The n natures, each with the marks after it, go to the n
    rows before them, where each of those has the D/I letter ``I`` and, but the last,
    no nature of its own. A page's direct holding printed between the block and its
    column (``Common Stock`` / ``1,220,481`` / the natures / ``D``) carries the first
    nature and takes back its own letter, printed after the column."""
    return _rebuild_runs(rows, _spread_natures)


def _spread_natures(run):
    if run[0].table != "table1":
        return None
    split = _split_marked_natures(run)
    out, changed = split or list(run), bool(split)
    k = len(out)
    while k > 0:    # from the run's end up: out[j:k] are rows of a nature alone
        j = k
        while j > 0 and (out[j - 1].values.keys() == {"nature"}
                         or j == k and out[j - 1].values.keys() == {"nature", "di"}):
            j -= 1
        column = out[j:k]
        targets = out[j - len(column) - 1:j] if j > len(column) else []
        if column and targets and _take_natures(targets, column):
            del out[j:k]
            changed = True
        elif column and j > len(column) + 1 and _take_carried_natures(out[j - len(column) - 2:j], column):
            del out[j:k]
            changed = True
        elif column and j > len(column) + 2 and _take_natures_past_holding(out[j - len(column) - 3:j], column):
            del out[j:k]
            changed = True
        k = j - 1 if j == k else j
    return out if changed else None


def _split_marked_natures(run):
    """The run with its last row's nature cut at each mark among its lines into one nature
    for it and, as rows of a nature alone after it, one for each row before it, where the
    CRF read a column of natures with their marks (``Trust`` / ``(10)`` / ``Trust`` /
    ``(11)`` ...) as one nature going on, and the rows before, as many, each end in ``I``
    with no nature; else None."""
    last = run[-1]
    nature = last.values.get("nature")
    if nature is None:
        return None
    marks = sorted(last.marks, key=_place)
    parts = [[]]
    for piece in nature.pieces:
        if parts[-1] and any(_place(parts[-1][-1]) < _place(m) < _place(piece) for m in marks):
            parts.append([])
        parts[-1].append(piece)
    targets = run[-len(parts):]
    if (len(parts) < 2 or len(parts) > len(run) or any(_letter(row) != "I" for row in targets)
            or any("nature" in row.values for row in targets[:-1])):
        return None
    starts = [_place(part[0]) for part in parts[1:]] + [(float("inf"), 0)]
    last.values["nature"] = Value(parts[0])
    last.marks = [m for m in marks if _place(m) < starts[0]]
    column = [Row(last.table, {"nature": Value(part)}, [m for m in marks if start <= _place(m) < end])
              for part, start, end in zip(parts[1:], starts, starts[1:])]
    return run + column


def _take_natures(targets, column):
    """Give the last target's nature and the column's to the targets in order, where
    every target's D/I letter is ``I`` and only the last has a nature."""
    last = targets[-1]
    if ("nature" not in last.values or any("nature" in row.values for row in targets[:-1])
            or any(_letter(row) != "I" for row in targets) or "di" in column[-1].values):
        return False
    _give_natures(targets, last, column)
    return True


def _take_carried_natures(rows, column):
    """Give the natures that a page's direct holding printed after a block carries
    (``rows[-1]``: its own nature and the column's) to the block's rows before it in
    order, where each of those has the letter ``I`` and no nature; the holding takes
    back its letter, printed after the column."""
    *targets, carrier = rows
    if ("nature" not in carrier.values or "title" not in carrier.values
            or carrier.values.keys() & {"tx_date", "code", "di"} or "di" not in column[-1].values
            or _letter(column[-1]) == "I" or any("nature" in row.values or _letter(row) != "I" for row in targets)):
        return False
    carrier.values["di"] = column[-1].values.pop("di")
    _give_natures(targets, carrier, column)
    return True


def _take_natures_past_holding(rows, column):
    """Give the natures that a fragment after a page's direct holding carries (``rows[-1]``:
    the column's first nature, with no date, code, amount or D/I letter of its own) and
    the column's to the block's rows before the holding in order, where each of those has
    the letter ``I`` and no nature and the holding (``rows[-2]``) an amount owned, a letter
    not ``I`` and no title, which the fragment's title is (plain ``pdftotext``: a page's
    sales, ``96,000,000`` / ``D`` / ``Common Stock``, the last sale's ``A``, the page's
    notes' marks, then ``By Trust`` / ``(2)`` a row). The fragment's marks before its
    nature, a line for each of those rows, go to them in order too."""
    *targets, holding, carrier = rows
    if ("nature" not in carrier.values or carrier.values.keys() & {"tx_date", "code", "shares", "owned", "di"}
            or not {"owned", "di"} <= holding.values.keys() or holding.values.keys() & {"title", "tx_date", "code", "nature"}
            or _letter(holding) == "I" or any("nature" in row.values or _letter(row) != "I" for row in targets)):
        return False
    if "title" in carrier.values:
        holding.values["title"] = carrier.values.pop("title")
    first = _place(carrier.values["nature"].pieces[0])
    lines = _lines_of(sorted((m for m in carrier.marks if _place(m) < first), key=_place))
    if len(lines) == len(targets):      # the page's notes' marks, a line a row
        carrier.marks = [m for m in carrier.marks if _place(m) > first]
        for row, marks in zip(targets, lines):
            row.marks = row.marks + marks
    _give_natures(targets, carrier, column)
    return True


def _give_natures(targets, last, column):
    """``last``'s nature (with the marks after it), then the column's, to the targets in order."""
    first = _place(last.values["nature"].pieces[0])
    natures = [(last.values.pop("nature"), [m for m in last.marks if _place(m) > first])]
    last.marks = [m for m in last.marks if _place(m) < first]
    natures += [(row.values["nature"], row.marks) for row in column]
    for row, (nature, marks) in zip(targets, natures):
        row.values["nature"] = nature
        row.marks = row.marks + marks


def _letter(row):
    """The row's D/I letter as printed, or None."""
    return "".join(row.values["di"].texts).strip() if "di" in row.values else None


OPEN_MARKET = ("P", "S")


def mend_zero_prices(rows):
    """Rows with an open-market trade's price of 0 and its amount owned read the wrong
    way round given back their price: a purchase or sale (code P or S) is never at $0,
    so where the row's zero ``price`` stands right above its ``owned`` amount, the two
    swap (plain ``pdftotext``: ``$`` / ``0`` / ``10.62``, the ``$`` the price's, printed
    before the amount owned)."""
    for row in rows:
        price, owned, code = (row.values.get(k) for k in ("price", "owned", "code"))
        if (price is not None and owned is not None and code is not None
                and _code_of(row) in OPEN_MARKET and _price_of(row) == 0 and (_amount(row, "owned") or 0) > 0
                and owned.pieces[0].line - price.pieces[-1].line == 1):
            row.values["price"], row.values["owned"] = owned, price
    return rows


PRICED_AT_MARKET = OPEN_MARKET + ("F",)     # trades at the market's price, never at $0


def swap_grant_prices(rows):
    """A table's one trade at the market's price (code P, S or F) read at $0 and its one
    grant (code A) read at a price swap prices: a grant is often at $0, a trade at the
    market's price never, and plain ``pdftotext`` prints a two-row table's ``$ 0`` after
    the other row's price, so they are given the wrong way round."""
    for table in ("table1", "table2"):
        priced = [r for r in rows if r.table == table and "price" in r.values and "code" in r.values]
        zero = [r for r in priced if _code_of(r) in PRICED_AT_MARKET and _price_of(r) == 0]
        grants = [r for r in priced if _code_of(r) == "A" and (_price_of(r) or 0) > 0]
        if len(zero) == 1 and len(grants) == 1:
            zero[0].values["price"], grants[0].values["price"] = grants[0].values["price"], zero[0].values["price"]
    return rows


def _code_of(row):
    return parse_transaction_code("".join(row.values["code"].texts))


def _price_of(row):
    return parse_price("".join(row.values["price"].texts))


def place_lone_prices(rows):
    """Rows of a price alone (with marks) given, in order, to the table's purchases and
    sales that have no price, where there are as many of each; their marks go with them.
    A sale is never at no price, and plain ``pdftotext`` prints the prices a cell wrapped
    after the table, among its marks (``(6)`` / ``$ 113.8`` / ``(6)`` / ``$ 115.6``)."""
    for table in ("table1", "table2"):
        lone = [r for r in rows if r.table == table and r.values.keys() == {"price"}]
        unpriced = [r for r in rows if r.table == table and "price" not in r.values and "code" in r.values
                    and _code_of(r) in OPEN_MARKET]
        if not lone or len(lone) != len(unpriced):
            continue
        for cells, row in zip(lone, unpriced):
            row.values["price"] = cells.values["price"]
            row.marks = row.marks + cells.marks
        rows = [r for r in rows if all(r is not c for c in lone)]
    return rows


CONVERSIONS = ("M", "C", "X")


def mark_received_securities(rows, inferred):
    """Table II rows whose A/D was taken from their code, where a conversion or exercise
    (code M, C or X) received them: a row whose title is another row's underlying title,
    on its date and for its amount, was acquired (``A``), whatever its code suggests
    (an RSU exercised into Class B Common Stock, reported in Table II as convertible,
    both rows ``M``), or for the underlying amounts of such rows right above it together
    (preferred series converted into the Class B Common Stock received). Scraped HTML and
    markdown drop Table II's empty A/D cells."""
    inferred = {id(row) for row in inferred}
    for k, row in enumerate(rows):
        if id(row) not in inferred or row["transaction_code"] not in CONVERSIONS:
            continue
        one_for_one = any(other is not row and _converted_into(other, row) and other["shares"] == row["shares"]
                          for other in rows)
        if one_for_one or row["shares"] in _running_sums(reversed(rows[:k]), row):
            row["acquired_disposed"] = "A"


def _converted_into(other, row):
    """Whether ``other`` is a conversion on ``row``'s date into ``row``'s security."""
    return (other["transaction_code"] in CONVERSIONS and other["transaction_date"] == row["transaction_date"]
            and _same_words(other["underlying_security_title"] or "", row["security_title"] or ""))


def _running_sums(above, row):
    """The underlying amounts of the conversions into ``row``'s security right above it,
    summed nearest first: one sum for each row taken."""
    sums, total = [], 0
    for other in above:
        if not _converted_into(other, row) or other["underlying_shares"] is None:
            break
        total += other["underlying_shares"]
        sums.append(total)
    return sums


SIDED_CODES = frozenset("APSFMCXD")     # codes that tell their side (an exercise's by mark_received_securities)


def mark_disposals_by_amounts(inferred):
    """Rows whose A/D was taken from a code that does not tell it (``J``, ``G``, ...)
    disposed of (``D``) where they hold fewer securities after the transaction than it
    moved: an acquisition leaves at least its own amount held (a fund's distribution,
    code J, that the code's usual side reads as ``A``; text with no A/D sub-column gives
    no other sign). So also for a code that tells its side where nothing is held after
    (options coded ``A`` that leave none: the filer's side is ``D``)."""
    for row in inferred:
        shares, owned = row.get("shares"), row.get("shares_owned_following")
        code = row["transaction_code"]
        if code and shares is not None and owned is not None and owned < shares and (
                code not in SIDED_CODES or owned == 0):
            row["acquired_disposed"] = "D"


DERIVATIVE_TITLE = re.compile(r"\bunits?\b|option|warrant|\bright|preferred|convertible|swap|phantom", re.I)


def _table_by_cells(row):
    """The table a row belongs to: Table II's where a row read in Table I's zone holds an
    underlying title and names a derivative (OCR garbling the ``Table II`` heading, the
    zone model reads on in Table I: ``Restricted Stock Units`` ... ``Common``)."""
    title = row.values.get("title")
    if row.table == "table1" and "und_title" in row.values and title and DERIVATIVE_TITLE.search(" ".join(title.texts)):
        return "table2"
    return row.table


def _spread_trailing_marks(run):
    """Marks printed after a table's rows on lines of their own, each line a block apart
    (blank lines between), one line for each row: the lines given to those rows in order,
    where in text order they all went to the row above them. Such are the marks below
    the run's last row, one for each of its last rows (plain ``pdftotext`` prints the
    marks of a column of ``See footnote`` cells after the table: ``(3)`` / blank /
    ``(3)``), and in Table I a column of three marks or more among a row's cells, one for
    each row since the last such column, or for each row before this one where the row's
    own cells go on after it (a long table's weighted-average price notes, ``(3)`` /
    blank / ``(4)`` ..., printed below each page of its rows or before the page's last
    price), or for each priced row above where another column follows it
    (``_price_mark_column``: the natures' marks printed below the table). Mark lines
    right below each other are one cell's marks wrapped (``(4) (5) (6)`` / ``(7) (8)``).
    More lines below the last row than there are rows are two or three columns' marks one
    after another: the sales' titles' and prices', then holdings' (``_sale_mark_columns``),
    else cut where the marks change (``_column_parts``). Lines of one column below a last
    row with no nature go to the last rows with one, where there are as many (the natures'
    marks: ``See footnote`` / ``See footnote`` / then a direct holding, ``(7)`` / ``(8)``), else in
    Table I to the rows whose prices stand apart from their ``$``, where as many
    (``_prices_apart_from_dollars``). More lines below a Table I row than rows since the
    last column, where rows follow them, are cut alike (a page's holdings, printed after
    its transactions' mark columns)."""
    columns, first = [], 0
    for k, row in enumerate(run):
        runs = _mark_runs(row)
        found = [(lines, k + 1) for lines, _ in runs[-1:] if len(lines) == k + 1 - first]
        found = found or [(lines, k) for lines, cells_after in runs if cells_after and len(lines) == k - first]
        found = [(lines, end) for lines, end in found if len(lines) >= MIN_MARK_COLUMN and row.table == "table1"]
        receivers, placed = None, []
        if row.table == "table1":
            rest = [r for r in runs if all(r[0] is not column for column, _ in found)]
            lines, priced = _price_mark_column(run[first:k + 1], rest)
            if lines and not found:
                found, receivers = [(lines, k + 1)], priced
            elif lines:
                placed = [(k, lines, priced)]
        if not found and k == len(run) - 1:
            below = [lines for lines, cells_after in runs[-1:] if not cells_after]
            found = [(lines, k + 1) for lines in below if len(lines) <= k + 1]
            by_sale = [] if found else [c for lines in below for c in _sale_mark_columns(lines, run, k)]
            if not found and not by_sale:
                found = [(part, k + 1) for lines in below for part in _column_parts(lines, k + 1)]
            placed += by_sale
            natured = [r for r in run if "nature" in r.values]
            if found and len(found) == 1 and "nature" not in row.values and len(natured) >= len(found[0][0]):
                receivers = natured[-len(found[0][0]):]
            elif found and len(found) == 1 and row.table == "table1":
                receivers = _prices_apart_from_dollars(run, len(found[0][0]))
        elif not found and row.table == "table1":
            below = [lines for lines, cells_after in runs[-1:] if not cells_after and len(lines) > k + 1 - first]
            found = [(part, k + 1) for lines in below for part in _column_parts(lines, k + 1 - first)]
        columns += placed + [(k, lines, receivers or run[end - len(lines):end]) for lines, end in found]
        if runs:
            first = k + 1
    for k, lines, receivers in columns:
        column = {id(m) for marks in lines for m in marks}
        run[k].marks = [m for m in run[k].marks if id(m) not in column]
        for receiver, marks in zip(receivers, lines):
            receiver.marks = receiver.marks + marks
    return run if columns else None


def _sale_mark_columns(lines, run, k):
    """(row index, lines, receivers) for the mark lines below Table I's last row that are
    more than its rows where they open with a column for each sale, then one for each
    sale's price, then the last natured holdings' (plain ``pdftotext`` prints a page's
    mark cells after its rows: ``(1)`` / ``(1)`` / ``(7)`` for the titles, ``(3) (4)`` /
    ``(3) (5)`` / ``(3) (6)`` for the prices' notes, ``(8)`` / ``(9)`` for the holdings'
    natures); else none. Every sale must print a price and the columns' cuts stand
    where neighbouring lines differ."""
    sales = [r for r in run if r.values.keys() & {"tx_date", "code"}]
    n = len(sales)
    natured = [r for r in run if "nature" in r.values and all(r is not sale for sale in sales)]
    rest = lines[2 * n:]
    if (run[0].table != "table1" or n < MIN_PRICE_MARK_COLUMN or len(lines) < 2 * n
            or len(rest) > len(natured) or any("price" not in r.values for r in sales)
            or any(_alike(lines[c - 1], lines[c]) == 2 for c in (n, 2 * n) if c < len(lines))):
        return []
    parts = [(lines[:n], sales), (lines[n:2 * n], sales)]
    return [(k, part, receivers) for part, receivers in parts + [(rest, natured[len(natured) - len(rest):])] if part]


def _prices_apart_from_dollars(rows, count):
    """The ``count`` rows whose price stands apart from its ``$`` (``$`` / ``247.318``),
    where exactly so many do and another row's does not, else None: plain ``pdftotext``
    wraps a price cell after its ``$`` where the cell holds a mark, so those are the rows
    of a column of marks printed below the table (a page's weighted-average price notes,
    the exercise's and the last single sale's ``$ 24.73`` printed whole, with none)."""
    priced = [r for r in rows if "price" in r.values]
    apart = [r for r in priced if r.values["price"].pieces[0].col == 0]     # no ``$`` before it on its line
    return apart if len(apart) == count < len(priced) else None


MIN_MARK_COLUMN = 3     # marks lines of a column printed after a page of rows, not the row's own
MIN_PRICE_MARK_COLUMN = 2   # and before its last price, where no price has a mark of its own


def _marked_price(row):
    """Whether a mark of the row follows its price on the price's line or the next."""
    price = row.values["price"].pieces[-1]
    return any(m.start > price.start and m.line - price.line in (0, 1) for m in row.marks)


def _price_mark_column(rows, runs):
    """A column of mark lines among the last row's cells with one line for each row whose
    price stands before it in the text, and those rows, else (None, None): the
    weighted-average price notes of a page's rows, printed after its prices, which the
    rows above took without marks (no row's price has one already). Where the lines are
    fewer than those rows, the rows of the last one's code (a page's sales after an
    exercise at a set price)."""
    for lines, _ in runs:
        start = lines[0][0].start
        priced = [r for r in rows if "price" in r.values and r.values["price"].pieces[0].start < start]
        if len(lines) != len(priced) and priced:     # the notes of the sales, not of an exercise above them
            priced = [r for r in priced if _printed_code(r) == _printed_code(priced[-1])]
        if len(lines) == len(priced) >= MIN_PRICE_MARK_COLUMN and not any(map(_marked_price, priced)):
            return lines, priced
    return None, None


def _printed_code(row):
    """The row's transaction code as printed, or None."""
    return "".join(row.values["code"].texts) if "code" in row.values else None


def _column_parts(lines, rows):
    """Mark lines printed below a table's last row for two or more columns, one after
    the other, each with a line for some of the last ``rows`` rows (plain ``pdftotext``:
    a price column's weighted-average notes ``(6)`` / ``(6)`` / ``(7)`` ..., then the
    nature column's ``(4) (5)`` / ``(3) (4)`` ...), cut into as few columns as can hold
    them where neighbouring lines differ most (see ``_alike``); none where two cuts are
    as good."""
    parts = -(-len(lines) // rows)
    if rows < 2 or not 2 <= parts <= MAX_MARK_COLUMNS:
        return []
    scored = sorted((sum(_alike(lines[c - 1], lines[c]) for c in cuts), cuts)
                    for cuts in combinations(range(1, len(lines)), parts - 1)
                    if all(b - a <= rows for a, b in zip((0,) + cuts, cuts + (len(lines),))))
    if not scored or len(scored) > 1 and scored[0][0] == scored[1][0]:
        return []
    bounds = (0,) + scored[0][1] + (len(lines),)
    return [lines[a:b] for a, b in zip(bounds, bounds[1:])]


MAX_MARK_COLUMNS = 3     # columns of marks printed one after another below a table


def _alike(a, b):
    """How alike two lines of marks are: 2 the same marks, 1 as many, else 0."""
    texts = [m.text for m in a], [m.text for m in b]
    return 2 if texts[0] == texts[1] else int(len(a) == len(b))


def _mark_runs(row):
    """The row's runs of two or more mark lines, each line a block apart, that follow one
    of its cells, as (lists of marks a line, whether a cell of the row follows the run)."""
    pieces = _pieces_and_marks([row])
    runs, above = [], None
    for is_mark, run in groupby(pieces, key=lambda x: x[1]):
        run = [p for p, _ in run]
        if not is_mark:
            above = run[-1].line
            runs = [(lines, True) for lines, _ in runs]
        elif above is not None:
            lines = _lines_of(run)
            starts = [above] + [marks[0].line for marks in lines]
            if len(lines) >= 2 and all(b - a >= 2 for a, b in zip(starts, starts[1:])):
                runs.append((lines, False))
    return runs


def _place(piece):
    return piece.line, piece.col


def _rebuild_runs(rows, rebuild, settled_apart=False):
    """The rows with each run of one table's rows replaced by ``rebuild(run)``, where
    that gives rows (not None). With ``settled_apart`` (a pass that re-reads a run's
    cells by their places) rows ``read_trailing_columns`` settled are left as they are,
    the rows either side of them rebuilt apart."""
    out = []
    for (_, settled), run in groupby(rows, key=lambda row: (row.table, settled_apart and row.settled)):
        run = list(run)
        out += (None if settled else rebuild(run)) or run
    return out


def _column_rows(run):
    items = [(p, label) for row in run for label, v in row.values.items() for p in v.pieces]
    items += [(m, None) for row in run for m in row.marks]
    values, order = _grouped(sorted(items, key=lambda item: item[0].start))
    n = len(values.get("title", []))
    firsts = [item for item in order if item[0] is not None]
    if n < 2 or any(len(v) > n for v in values.values()):
        return None
    opening = firsts[0][0]
    if opening != "title" and [label for label, _ in firsts[:n]] != [opening] * n:
        return None     # pdfminer may open with another full column (``M`` / ``M``), titles last
    if opening == "title" and not any(len(v) == n and (label, 0) in firsts[firsts.index(("title", 1)):]
                                      for label, v in values.items()):
        return None
    rows = [Row(run[0].table) for _ in range(n)]
    holder = {}     # (label, index) -> the row its value went to
    for label, found in values.items():
        for k, (row, value) in enumerate(zip(_holders(rows, label, values), found)):
            row.values[label] = value
            holder[label, k] = row
    last, before = rows[0], None       # the row of the value before, and its (label, last line)
    spread = _column_marks_spread(order, holder)
    for k, (label, item) in enumerate(order):
        if label is not None:
            last, before = holder[label, item], (label, values[label][item].pieces[-1].line)
        else:
            (spread.get(id(item)) or _mark_holder(order, k, holder, before, item)
             or _empty_cell_holder(order, k, holder, rows, before, item) or last).marks.append(item)
    return rows


def _empty_cell_holder(order, k, holder, rows, before, mark):
    """The row whose cell of a column holds only marks, for marks on a line of their own
    right before the column's first value where that value went to a later row
    (pdfminer: an exercise's ``(1) (2)`` in the price column, then the sales' prices);
    else None."""
    following = next((x for x in order[k + 1:] if x[0] is not None), None)
    if following is None or following[1] != 0 or before is None or mark.line <= before[1]:
        return None
    at = next(n for n, row in enumerate(rows) if row is holder[following])
    return rows[at - 1] if at else None


def _column_marks_spread(order, holder):
    """{id of a mark: its row} for the marks printed right after a column of two or more
    values of one field, a line each and one for each value: the column's marks, in
    order (pdfminer: ``Restricted Stock Unit`` / ``Restricted Stock Unit`` / ``(1)`` /
    ``(1)``), where text order would give them all to the last value's row."""
    spread = {}
    for _, group in groupby(enumerate(order), key=lambda x: x[1][0] is None):
        group = list(group)
        first = group[0][0]
        if group[0][1][0] is not None or first == 0:
            continue
        marks = [item for _, (_, item) in group]
        label = order[first - 1][0]
        column = list(takewhile(lambda x: x[0] == label, reversed(order[:first])))[::-1]
        if len(column) == len(marks) >= 2 and len({m.line for m in marks}) == len(marks):
            spread.update((id(m), holder[label, item]) for m, (_, item) in zip(marks, column))
    return spread


MARK_REACH = 3      # lines below a value within which a mark may be its own


def _mark_holder(order, k, holder, before, mark):
    """The row of the underlying title right after a run of marks that stands apart from
    the value before it (beyond ``MARK_REACH`` lines, or after a row's last cell, its D/I
    letter): the marks of Table II's empty date columns open a row's right-hand cells
    (``(3)`` / ``(3)`` / ``Common 61.569 Stock``); else None."""
    following = next((x for x in order[k + 1:] if x[0] is not None), None)
    if following is None or following[0] != "und_title" or before is None:
        return None
    label, line = before
    return holder[following] if label == "di" or mark.line - line > MARK_REACH else None


# codes whose rows often leave the price cell empty (an award, an exercise, a conversion:
# in the corpus's gold rows, C 62 of 148, M 35 of 118; a gift prints ``$0``)
UNPRICED_CODES = frozenset("ACJMX")


def _holders(rows, label, values):
    """The rows a column's values go to in order: natures of indirect ownership to the
    rows whose D/I letter is ``I`` where there are as many or more (a nature the CRF left
    is still no direct row's), prices short of the rows to the rows whose codes are not
    those often printed without one (an award, an exercise, a conversion: ``M`` with its
    marks alone in the price's cell) where there are as many (the codes are the first
    rows': the stylesheet prints a table's transactions before its holdings), every
    other column to all."""
    indirect = _indirect_rows(rows, values.get("di", []))
    if label == "nature" and indirect is not None and len(values[label]) <= len(indirect):
        return indirect
    codes = ["".join(v.texts).strip() for v in values.get("code", [])] if label == "price" else []
    if len(rows) >= len(codes) > len(values[label]):
        priced = [row for row, code in zip(rows, codes) if code not in UNPRICED_CODES]
        if len(priced) == len(values[label]):
            return priced
    return rows


def lower_raised_cells(rows):
    """Each run of rows whose cells of some columns stand on the line right above the
    row's title line (``pdftotext -layout``: a sale's amount and price, each with its
    mark on the line below, ``19,414 ... $ 957.768`` over ``Common Stock 12/16/2021 S(1)
    (2) D (3) 1,493,649``) given back to the row below them: in text order each row took
    the next row's, the first row's making a row of its own. Such a run opens with a
    titleless row on the line right above the next row's title, and each row after it
    holds some of those columns, and nothing else, on the line right above the next
    title (a row printing its price on its own line keeps it, and the next row's raised
    price, which spilled into a row of its own, is joined to that row), the last row none. A
    row's own last line right above the next title (``-raw``: its amount owned and D/I
    letter) holds its other cells too, and stays."""
    return _rebuild_runs(rows, _lowered_cells)


def _lowered_cells(run):
    out, k = _spills_joined(run), 0
    changed = len(out) < len(run)
    while k < len(out) - 2:
        end = _raised_run(out, k)
        if end is None:
            k += 1
            continue
        labels = list(out[k].values)
        for j in range(end - 1, k, -1):
            above = _top_line(out[j]) - 1
            for label in labels:
                if label in out[j - 1].values and out[j - 1].values[label].pieces[0].line == above:
                    out[j].values[label] = out[j - 1].values.pop(label)
            out[j].marks = [m for m in out[j - 1].marks if m.line == above] + out[j].marks
            out[j - 1].marks = [m for m in out[j - 1].marks if m.line != above]
        out[k + 1].marks = out[k].marks + out[k + 1].marks
        del out[k]
        changed = True
        k = end - 1
    return out if changed else None


def _spills_joined(run):
    """The run with each titleless row that a raised line's cells spilled into (the line
    held a cell its row had already: ``25,915`` went on with the row above, its price
    ``$ 1,040.56`` made a row of its own) joined to the row below, whose cells they are."""
    out = []
    for k, row in enumerate(run):
        nxt = run[k + 1] if k + 1 < len(run) else None
        lines = _lines(row)
        if (out and nxt is not None and "title" not in row.values and len(lines) == 1
                and "title" in nxt.values and nxt.values["title"].pieces[0].line == min(lines) + 1
                and not row.values.keys() & nxt.values.keys()
                and any(p.line in lines for v in out[-1].values.values() for p in v.pieces)):
            for label, value in row.values.items():
                nxt.values[label] = value
            nxt.marks = row.marks + nxt.marks
            continue
        out.append(row)
    return out


MIN_RAISED_ROWS = 2
MIN_RAISED_TEXT_ROWS = 3    # natures alone raised: a tall cell's head, which mend_rows reads for one row


def _raised_run(rows, k):
    """The end of the run of raised cells opening at ``rows[k]``, or None."""
    head = rows[k]
    if "title" in head.values or not head.values or len(_lines(head)) > 1:
        return None
    labels = set(head.values)
    line = head.values[next(iter(labels))].pieces[0].line
    j = k + 1
    while j < len(rows) and "title" in rows[j].values and rows[j].values["title"].pieces[0].line == line + 1:
        row, nxt = rows[j], rows[j + 1] if j + 1 < len(rows) else None
        below = row.values["title"].pieces[0].line
        raised = {p.line for label in labels if label in row.values for p in row.values[label].pieces if p.line > below}
        title_line = nxt.values["title"].pieces[0].line if nxt is not None and "title" in nxt.values else None
        if not raised:
            return j + 1 if j - k >= (MIN_RAISED_ROWS if labels - set(TALL_CELLS) else MIN_RAISED_TEXT_ROWS) else None
        if title_line is None or raised != {title_line - 1} or any(
                p.line == title_line - 1 for label, v in row.values.items() if label not in labels for p in v.pieces):
            return None     # the line holds the row's other cells too: the row's own last line
        line = title_line - 1
        j += 1
    return None


def mend_rows(rows):
    """Rows with the heads of tall cells moved to the row they open, and a titleless
    row joined to the titled row after it where the two hold different fields. A row
    with neither title, date nor amount (a code read in ``C/O`` of an address below the
    table) is dropped.

    ``pdftotext -layout`` centres a row's cells on the line of its short cells (dates,
    codes, amounts), so a cell taller than the row's title begins above the title's
    first line (``By`` above ``Common Stock ... I Living``, ``Trust`` below). In text
    order that head comes before the title starts the row: it lands in the row before,
    or makes a row of its own. A text value whose first piece stands below every short
    cell of its row, just above the next row's first line, while the next row's value of
    that field goes on from its first lines, is such a head. (One cell a line, as in HTML
    dumps, puts a row's whole cells after its short cells: those stay.)"""
    out = []
    for row in rows:
        prev = out[-1] if out else None
        if prev is not None and prev.table == row.table:
            if _wrapped_rest(prev, row):
                for label, value in row.values.items():
                    prev.values.setdefault(label, Value()).pieces += value.pieces
                prev.marks += row.marks
                continue
            _take_heads(prev, row)
            _take_run_on_heads(prev, row)
            if not prev.values or _complements(prev, row) or _tall_split(prev, row):
                row.values = _joined(prev.values, row.values)
                row.marks[:0] = prev.marks
                out.pop()
        out.append(row)
    return [row for row in out if row.values.keys() & SUBSTANCE]


LEFT_BLOCK = {"table1": frozenset({"title", "tx_date", "deemed_date", "code", "v", "shares", "ad"}),
              "table2": frozenset({"title", "ex_price", "tx_date", "deemed_date", "code", "v", "shares", "ad",
                                   "ex_date", "exp_date"})}
# Table I's price stands under column 4 or beside column 5, as the layout has it: it
# goes with the block it is read in
RIGHT_BLOCK = {"table1": frozenset({"owned", "di", "nature"}),
               "table2": frozenset({"und_title", "und_shares", "price", "owned", "di", "nature"})}
TRANSACTION_LEFT = LEFT_BLOCK["table1"] - {"title"}      # a Table I transaction's cells before its price
HELD_CELLS = RIGHT_BLOCK["table1"] | {"title"}          # a Table I holding's cells


def pair_block_rows(rows):
    """Each run of one table's rows read block by block (every row's left-hand cells,
    then every row's right-hand cells, as plain ``pdftotext`` reads a table whose rows
    are short) rebuilt as rows: the i-th left part with the i-th right part, where the
    two blocks hold as many rows. The right block begins at the first right-hand column
    (``RIGHT_BLOCK``) or, where the left block is narrower, at the first column the
    first row's left part lacks (Table II's amount printed with the right-hand cells):
    not where only the last left part holds an amount (that split is a column late) or a
    part's title runs two rows' together (``_titles_run_together``), and
    in Table II a title among the right-hand cells that names no derivative is the
    underlying title. Rows read one by one stay as they are."""
    return _rebuild_runs(rows, _paired_blocks, settled_apart=True)


def _paired_blocks(run):
    table = run[0].table
    pieces = sorted([(p, False) for row in run for v in row.values.values() for p in v.pieces]
                    + [(m, True) for row in run for m in row.marks], key=lambda x: (x[0].line, x[0].col))
    first = _first_part_labels(pieces)
    splits = ((RIGHT_BLOCK[table], LEFT_BLOCK[table]), (frozenset(TABLE_FIELDS) - first, first))
    for right_labels, left_labels in splits:
        rows = _paired_at(pieces, table, right_labels, left_labels)
        if rows:
            return rows
    return None


def _first_part_labels(pieces):
    """The labels of the pieces before the second title begins."""
    titles = [k for k, (p, mark) in enumerate(pieces) if not mark and p.label == "title" and p.begins]
    return frozenset(p.label for p, mark in pieces[:titles[1]] if not mark) if len(titles) > 1 else frozenset()


def _paired_at(pieces, table, right_labels, left_labels):
    split = next((k for k, (p, mark) in enumerate(pieces) if not mark and p.label in right_labels), None)
    if split is not None and table == "table2":
        pieces = pieces[:split] + _titles_as_underlying(pieces[split:])
    if split is None or any(p.label in left_labels for p, mark in pieces[split:] if not mark):
        return None
    left = _late_left_cells(_parts(pieces[:split], table))
    right = _parts(pieces[split:], table, opening=pieces[split][0].label)
    if len(left) < 2 or len(left) != len(right) or _last_part_amounts(left) or _titles_run_together(left):
        return None
    for head, tail in zip(left, right):
        for label, value in tail.values.items():
            head.values.setdefault(label, Value()).pieces += value.pieces
        head.marks += tail.marks
    return left


def _titles_run_together(left):
    """Whether a left part's title is one title printed twice over, the next row's run
    into it (pdfminer's column of titles, ``Restricted`` / ``Stock`` / ``Units`` twice,
    which ``read_columns`` already gave a row each): no block to pair."""
    for part in left:
        texts = part.values["title"].texts if "title" in part.values else []
        half = len(texts) // 2
        if half and texts[:half] == texts[half:]:
            return True
    return False


def _last_part_amounts(left):
    """Whether the last left part alone holds an amount: the right block's first column
    read into the left block (plain ``pdftotext``: two rows' titles, dates and codes, then
    each row's amount with its right-hand cells)."""
    return bool((left[-1].values.keys() - {label for part in left[:-1] for label in part.values}) & BLOCK_AMOUNTS)


def _titles_as_underlying(pieces):
    """Table II's right-hand pieces with each title that names no derivative taken for
    the underlying title it is there (the CRF reads ``Common`` / ``Stock`` printed apart
    from its row's amount as a row's title)."""
    titles = _grouped([(p, None if mark else p.label) for p, mark in pieces])[0].get("title", [])
    common = {id(p) for value in titles if not DERIVATIVE_TITLE.search(" ".join(value.texts)) for p in value.pieces}
    return [(replace(p, label="und_title"), mark) if id(p) in common else (p, mark) for p, mark in pieces]


LATE_LEFT_CELLS = frozenset({"ad", "price"})


def _late_left_cells(parts):
    """Left parts with a row's A/D letter and price printed after the next row's title
    (plain pdftotext: ``527`` / ``Common Stock`` / ``D`` / ``$ 215.4``) given back: where a
    part holds only its title and such cells, and the part before it has shares but no
    A/D letter, they are that part's, with the marks after them (the titled part is a
    holding's)."""
    for before, part in zip(parts, parts[1:]):
        late = part.values.keys() & LATE_LEFT_CELLS
        if ("ad" in late and part.values.keys() - late == {"title"}
                and "shares" in before.values and not before.values.keys() & late):
            first = min((p for label in late for p in part.values[label].pieces), key=_place)
            for label in late:
                before.values[label] = part.values.pop(label)
            before.marks += [m for m in part.marks if _place(m) > _place(first)]
            part.marks = [m for m in part.marks if _place(m) < _place(first)]
    return parts


def _parts(pieces, table, opening=None):
    """Pieces (and marks) in text order cut into rows where a title or a value the row
    has begins again. Each part of a right block opens in the block's first column: an
    amount opening a part that the CRF read as another amount column's is ``opening``'s
    (``41.816`` read as a price before its row's underlying title and price)."""
    parts = []
    for piece, mark in pieces:
        if not parts or (not mark and parts[-1].wants_new_row(piece)):
            if not mark and parts and opening in BLOCK_AMOUNTS and piece.label in BLOCK_AMOUNTS:
                piece = replace(piece, label=opening)
            parts.append(Row(table))
        if mark:
            parts[-1].marks.append(piece)
        else:
            parts[-1].add(piece)
    return parts


BLOCK_AMOUNTS = ROW_AMOUNTS | {"price"}


RIGHT_CELLS = RIGHT_BLOCK["table2"]    # either table's right-hand cells, a price among them


def attach_trailing_cells(rows):
    """The last rows of a table that hold only its right-hand cells (price, underlying
    title and amount, amount owned, ownership form) joined, in order, to as many titled
    rows before them, where each completes its row. Plain ``pdftotext`` reads Table II
    in blocks: its rows' right-hand columns may print after the owners' table or the
    signature, once every row's left-hand cells are done."""
    merged = set()
    for table in TABLE_ZONES:
        idx = [i for i, row in enumerate(rows) if row.table == table]
        tails = []
        while idx and _right_hand(rows[idx[-1]]):
            tails.insert(0, idx.pop())
        heads = idx[len(idx) - len(tails):] if len(tails) <= len(idx) else []
        if tails and heads and all(_completes(rows[h], rows[t]) for h, t in zip(heads, tails)):
            for h, t in zip(heads, tails):
                _take_cells(rows[h], rows[t])
            merged.update(tails)
    return [row for i, row in enumerate(rows) if i not in merged]


def _right_hand(row):
    """Whether a row holds only right-hand cells: in Table II, a title beside an underlying
    amount but no underlying title is the underlying title the CRF read as the row's."""
    labels = row.values.keys()
    return labels <= RIGHT_CELLS or (row.table == "table2" and "und_shares" in labels
                                     and "und_title" not in labels and labels - {"title"} <= RIGHT_CELLS)


def _completes(head, tail):
    """Whether ``tail``, below every cell of the titled ``head``, holds cells it lacks and
    no other value (a grant's underlying amount the same number as its amount may stand
    in both)."""
    if "title" not in head.values or _top_line(tail) <= _bottom_line(head):
        return False
    shared = head.values.keys() & tail.values.keys() - {"title"}
    if _price_is_amount(head, tail):
        shared.discard("price")
    return bool(tail.values.keys() - shared) and all(head.values[k].texts == tail.values[k].texts for k in shared)


def _price_is_amount(head, tail):
    """Whether a head's lone amount was read as its price: its tail has a price of its own
    and the underlying amount is that number (a grant's two amounts often are)."""
    price = head.values.get("price")
    underlying = tail.values.get("und_shares") or head.values.get("und_shares")
    return (price is not None and underlying is not None and "shares" not in head.values
            and "price" in tail.values and price.texts == underlying.texts)


def _take_cells(head, tail):
    if "title" in tail.values:
        tail.values["und_title"] = tail.values.pop("title")
    if _price_is_amount(head, tail):
        head.values["shares"] = head.values.pop("price")
    for label, value in tail.values.items():
        if label == "und_shares" and label in head.values and "shares" not in head.values:
            head.values["shares"] = head.values.pop(label)    # the first of two equal amounts is column 5's
        head.values.setdefault(label, value)
    head.marks += tail.marks


def _wrapped_rest(prev, row):
    """Whether ``row`` is only the rest of ``prev``'s cells wrapped onto the next lines
    (``Restricted Stock`` / ``Units``, the CRF beginning a title anew): a title, and text
    each in its column in ``prev`` on the line right below it; any other value one that
    ``prev`` lacks (a price whose ``$`` stands above it: ``$`` / ``5.3569``) or the rest of
    one of its values in its column below (a date's year: ``Aug. 18,`` / ``2025``), but no
    amount of shares: a row holding one is a row of its own (a holding right below)."""
    if "title" not in row.values or row.values.keys() & ROW_AMOUNTS:
        return False
    for label, value in row.values.items():
        if label not in TEXT_FIELDS:
            if label in prev.values and (value.pieces[0].begins
                                         or not _wrapped_below(prev.values[label], value.pieces[0])):
                return False
        elif label not in prev.values or not _wrapped_below(prev.values[label], value.pieces[0]):
            return False
    return True


def join_centred_tails(rows):
    """The rows with each text-only row that is the centred tail of the row before
    (``_centred_tail``) joined to it."""
    out = []
    for row in rows:
        prev = out[-1] if out else None
        if prev is not None and prev.table == row.table and "title" not in row.values and _centred_tail(prev, row):
            for label, value in row.values.items():
                prev.values[label].pieces += [replace(p, begins=False) for p in value.pieces]
            prev.marks += row.marks
            continue
        out.append(row)
    return out


def _centred_tail(prev, row):
    """Whether ``row`` is text only, each value the last line of ``prev``'s in its column
    just below ``prev``'s line of short cells: ``pdftotext -layout`` centres a two-line
    cell on its row's line (``By`` / the row's line / ``Spouse``), the line between empty
    in its column; the next row's head would stand nearer the next row's line."""
    main = _main_line(prev)
    return bool(row.values) and main >= 0 and all(
        label in TEXT_FIELDS and label in prev.values and len(value.pieces) == 1
        and value.pieces[0].line == main + 1 and prev.values[label].pieces[-1].line == main - 1
        and abs(value.pieces[0].col - prev.values[label].pieces[0].col) <= WRAP_COLUMN_SLACK
        for label, value in row.values.items())


def _wrapped_below(value, piece):
    """Whether ``piece`` stands on the line after ``value``'s last, in its column."""
    return (piece.line == value.pieces[-1].line + 1
            and abs(piece.col - value.pieces[0].col) <= WRAP_COLUMN_SLACK)


def _complements(prev, row):
    """Whether ``prev`` is the rest of ``row``: a row without a title whose fields the
    titled row after it lacks (plain ``pdftotext`` prints a holding's amount and
    ownership before its title when their columns come first)."""
    return "title" not in prev.values and "title" in row.values and not prev.values.keys() & row.values.keys()


def _joined(first, then):
    """Two rows' values as one row's, a value in both the first's pieces then the other's."""
    out = dict(first)
    for label, value in then.items():
        out[label] = Value(first[label].pieces + value.pieces) if label in first else value
    return out


MAX_TALL_GAP = 3     # lines between the two halves of a row that a tall title split


def _tall_split(prev, row):
    """Whether ``prev`` is the top of ``row``: a tall title cell (``Class B`` / ``Common`` /
    ``Stock`` in ``pdftotext -layout``, with other cells' lines between) that the CRF
    began anew on a later line. Both halves have a title and another text cell (the
    underlying title, the nature), each going on in its column a few lines below, and
    share no other value (a title alone going on may be a holding right below a row)."""
    if "title" not in prev.values or "title" not in row.values:
        return False
    if _top_line(row) - _bottom_line(prev) > MAX_TALL_GAP:
        return False
    shared = row.values.keys() & prev.values.keys()
    return len(shared) > 1 and all(label in TEXT_FIELDS and _goes_on_below(prev.values[label], row.values[label])
                                   for label in shared)


def _goes_on_below(value, rest):
    """Whether ``rest`` begins below ``value``'s last line, in its column, within reach."""
    first, last = rest.pieces[0], value.pieces[-1]
    return (0 < first.line - last.line <= MAX_TALL_GAP
            and abs(first.col - value.pieces[0].col) <= WRAP_COLUMN_SLACK)


def _take_heads(prev, row):
    """Move ``prev``'s tall cells that are the heads of ``row``'s (below ``prev``'s short
    cells, above ``row``'s first line) to ``row``: within two lines of a row whose value
    goes on by its short cells, centred beside them, or going on from it (``_goes_on_from``)."""
    top, main, prev_main = _top_line(row), _main_line(row), _main_line(prev)
    for label in TALL_CELLS:
        head, rest = prev.values.get(label), row.values.get(label)
        if head is None or rest is None:
            continue
        line = head.pieces[0].line
        if prev_main < line < top and (line >= top - MAX_HEAD_LINES and rest.pieces[0].line <= main
                                       or line >= top - MAX_CENTRED_HEAD_LINES and _centred_beside(head, rest, row)
                                       or _goes_on_from(head, rest, row, label)):
            row.values[label] = Value(head.pieces + rest.pieces)
            del prev.values[label]


def _goes_on_from(head, rest, row, label):
    """Whether ``row``'s value ``rest`` goes on from ``head``: the CRF read its first piece
    as no beginning, a few lines below in the head's column (``By The`` / ``Class B ...
    Founders`` / ``Common Stock ... Fund IV,``: a nature centred on a tall row whose
    title's head stands above its short cells), a nature's right of the row's short
    cells (the last column)."""
    right = label != "nature" or head.pieces[0].col > max((p.col for p in _short_pieces(row)), default=-1)
    return not rest.pieces[0].begins and _goes_on_below(head, rest) and right


def _centred_beside(head, rest, row):
    """Whether ``head`` and ``rest`` are one cell centred on ``row``'s short cells in a
    column right of them all (Table I's nature in ``pdftotext -layout``: ``By`` a line
    above the row, ``Spouse`` a line below). One cell a line, as in HTML dumps, has no
    such column. A taller cell (``By The`` / ``Founders`` three lines above, ``Fund IV,`` /
    ``LP`` below) reaches as far below as it begins above, where the CRF read its rest
    as going on."""
    shorts, main = _short_pieces(row), _main_line(row)
    below = rest.pieces[0].line - main
    return (bool(shorts) and (below <= 1 or not rest.pieces[0].begins and below <= main - head.pieces[0].line)
            and abs(head.pieces[0].col - rest.pieces[0].col) <= WRAP_COLUMN_SLACK
            and head.pieces[0].col > max(p.col for p in shorts))


def _take_run_on_heads(prev, row):
    """A row's tall cell whose head the CRF ran on from the row before (``Restricted``
    on the next row's first line read as the rest of ``Restricted Stock Units`` above
    it): pieces of ``prev``'s value standing on or below ``row``'s first line open
    ``row``'s value where that one has no beginning of its own. Where none stands there,
    so do pieces below the extent of ``prev``'s cell if that cell is centred on ``prev``'s
    short cells (begun above them, it ends as far below them, or a line less where a
    piece begins a value on that last line)."""
    top = _top_line(row)
    for label in TALL_CELLS:
        head, rest = prev.values.get(label), row.values.get(label)
        if head is None or rest is None or rest.pieces[0].begins:
            continue
        limit = top if head.pieces[-1].line >= top else min(top, _centred_end(prev, head) + 1)
        if any(p.begins and p.line == limit - 1 for p in head.pieces[1:]):
            limit -= 1      # a cell of an even number of lines: one more above the row than below
        moved = [p for p in head.pieces if p.line >= limit]
        if moved and len(moved) < len(head.pieces):
            head.pieces = [p for p in head.pieces if p.line < limit]
            rest.pieces[:0] = moved


def _centred_end(row, value):
    """The last line of ``value``'s cell if it is centred on the row's short cells: as
    far below their middle as it begins above it; no limit if it begins on or below them."""
    lines = [p.line for p in _short_pieces(row)]
    first = value.pieces[0].line
    if not lines or first >= min(lines):
        return float("inf")
    return min(lines) + max(lines) - first


def _lines(row):
    """The lines the row's cells stand on."""
    return {p.line for v in row.values.values() for p in v.pieces}


def _top_line(row):
    return min(p.line for v in row.values.values() for p in v.pieces)


def _bottom_line(row):
    return max(p.line for v in row.values.values() for p in v.pieces)


def _short_pieces(row):
    """The pieces of the row's short cells (dates, codes, amounts)."""
    return [p for k in SHORT_CELLS if k in row.values for p in row.values[k].pieces]


def _main_line(row):
    """The row's last line holding a short cell (-1 if none)."""
    return max((p.line for p in _short_pieces(row)), default=-1)


# the conformed signature's ``/s/`` as OCR reads it before the signer's name (``si``,
# ``s``, ``S:``, ``Is!``, ``/sl``, ``isi``, ``Js!``); a capital S alone may be an initial,
# ``Si`` a name
CONFORMED = re.compile(r"^(?:[/|I\[l1iJj][sS5][/|!l1iI:]?|s[/|!l1i:]?|S[:/|!])(?=\s+[A-Z])")


SYMBOL = r"[A-Z][A-Z.\-]{0,7}"
# the symbol's brackets, OCR's readings of them too (``{JPM}``, ``(MSFT]``)
TICKER = re.compile(rf"^[\[({{\s]*{SYMBOL}[\])}}\s]*$")
def _single(label, candidates):
    """The value of a field the record holds once, from the CRF's candidates: all the
    remarks; the first ticker-like piece (``SONS``, ``[ BRK.B ]``; the CRF now and then
    also tags a capitalised word of the header box, ``Check``); else the most confident
    candidate (an issuer name tagged again in a garbled address line below it)."""
    if label == "remarks":
        return Value([p for v in candidates for p in v.pieces])
    if label == "ticker":
        good = [p for v in candidates for p in v.pieces if TICKER.match(p.text)]
        if good:
            return Value(good[:1])
    return max(candidates, key=lambda v: v.confidence)


def _side(value):
    """The A/D sub-column the amount's first piece that has one stands in, or None."""
    return next((p.side for p in value.pieces if p.side), None) if value else None


SECURITY_NOUNS = frozenset({"stock", "units", "unit", "shares", "options", "option", "warrants", "rights"})


def underlying_titles_of_table_one(rec):
    """A titled derivative row's underlying title, where the text shows none or only a
    head naming no security (``Common``, ``Class A``: 1 of the corpus's 668 underlying
    titles names none) that Table I's title begins with, taken as the title every Table I
    row holds where they hold one: a derivative is most often on the stock Table I
    reports (456 of the corpus's 527 derivative rows of filings whose Table I holds one
    title). OCR loses the small centred title cell, or its wrapped last line. A head that
    begins one of several titles is ``complete_cut_titles``'s."""
    titles = {row["security_title"] for table in ("non_derivative_transactions", "non_derivative_holdings")
              for row in rec[table] if row["security_title"]}
    if len(titles) != 1:
        return
    title = next(iter(titles))
    words = title.split()
    for table in ("derivative_transactions", "derivative_holdings"):
        for row in rec[table]:
            head = (row["underlying_security_title"] or "").split()
            if (row["security_title"] and head == words[:len(head)] and len(head) < len(words)
                    and not {w.lower().strip(",") for w in head} & SECURITY_NOUNS):
                row["underlying_security_title"] = title


def complete_cut_titles(rec):
    """A Table II title or underlying title that is the first or last words of exactly one
    longer title the record holds elsewhere (another row's title or underlying title,
    Table I's) is that title: OCR and plain ``pdftotext`` lose a line of a title printed a
    word or two a line (``Class B`` for ``Class B Common Stock``, ``Stock Units`` for
    ``Restricted Stock Units``)."""
    titles = {row[key] for table in TABLES for row in rec[table]
              for key in ("security_title", "underlying_security_title") if row.get(key)}
    for table, key in CUT_TITLES:
        for row in rec[table]:
            cut = (row[key] or "").lower().split()
            longer = {t for t in titles if len(t.split()) > len(cut) > 0 and _cut_from(cut, t.lower().split())}
            if not longer and cut and key == "security_title":
                longer = _noun_after_in_notes(row[key], rec["footnotes"])
            if len(longer) == 1:
                row[key] = longer.pop()


CUT_TITLES = [(table, key) for key in ("security_title", "underlying_security_title")
              for table in ("derivative_transactions", "derivative_holdings")]


def _noun_after_in_notes(title, notes):
    """The title and the security noun the footnotes print after it, where they print
    one (its singular and plural as one) and it is not the title's last word (a note's
    ``each Restricted Stock Unit represents`` for the title ``Restricted Stock``, which
    no Table II row of the corpus holds), as a set of at most one title."""
    words = [re.escape(w) for w in title.split()]
    found = {m.group(1).lower() for note in notes for m in re.finditer(
        r"\b" + r"\s+".join(words) + r"\s+(\w+)", note["text"] or "", re.I)}
    nouns = {PLURAL.get(n, n) for n in found & SECURITY_NOUNS} - {title.split()[-1].lower()}
    return {f"{title} {nouns.pop().capitalize()}"} if len(nouns) == 1 else set()


# a note's singular (``each restricted stock unit``) names the plural title more often:
# 108 of the corpus's 184 restricted stock unit titles are ``... Units``
PLURAL = {"unit": "units", "option": "options"}


def _cut_from(cut, words):
    """Whether the words ``cut`` are ``words`` with a line lost: its head naming no security
    or stopping before another security noun (``class b``, ``restricted stock`` of
    ``restricted stock units``, not ``common stock`` of ``common stock stock``), or its
    tail opening with a security noun (``stock units``; ``restricted stock units`` is a
    title of its own, not the tail of ``performance-based restricted stock units``)."""
    n = len(cut)
    head = words[:n] == cut and (not set(cut) & SECURITY_NOUNS or words[n] in SECURITY_NOUNS - {cut[-1]})
    return head or words[-n:] == cut and cut[0] in SECURITY_NOUNS


# a derivative transaction is held directly more often than not (403 of the corpus's 618;
# Table I's rows, 1,618 of 3,655, are not)
HELD_DIRECTLY = frozenset({"derivative_transactions"})


def _ownership_of(row, table):
    """The D/I letter of a row whose letter the text lost: the form asks the nature of
    indirect ownership only, so a row naming one is held indirectly (in all 2,279 of the
    corpus's rows that name one), and a titled derivative transaction naming none directly."""
    if row["nature_of_ownership"]:
        return "I"
    return "D" if table in HELD_DIRECTLY and row["security_title"] else None


def marks_follow_amounts(rows, records, where, table):
    """A mark printed right after an amount on its line (``30,010 (2)``) goes with the
    amount to the row record ``balance_amounts`` moved it to: it notes that cell. Fixes
    ``records`` (made from ``rows``, one for one) in place."""
    holder = {}     # an amount's start in the text -> the index of the record holding it now
    for n in range(len(records)):
        for key in AMOUNTS:      # the amounts balance_amounts moves
            origin = where.get(f"{table}[{n}].{key}")
            if origin is not None:
                holder[origin["start"]] = n
    for n, row in enumerate(rows):
        for mark in row.marks:
            to = holder.get(_amount_before(row, mark))
            if to is None or to == n:
                continue
            kept = footnote_ids(m for m in row.marks if m is not mark)     # the row's other marks
            for fid in footnote_ids([mark]):
                if fid in records[n]["footnote_ids"] and fid not in kept:
                    records[n]["footnote_ids"].remove(fid)
                if fid not in records[to]["footnote_ids"]:
                    records[to]["footnote_ids"].append(fid)


def _amount_before(row, mark):
    """Where the row's amount the mark follows on its line (no other cell of the row
    between) starts in the text, or None."""
    before = [(p.end, label, v.pieces[0].start) for label, v in row.values.items() for p in v.pieces
              if p.line == mark.line and p.end <= mark.start]
    _, label, start = max(before, default=(0, None, None))
    return start if label in ("shares", "owned") else None


def assemble(pieces, ad_by_code=None):
    """The record built from labelled pieces in text order."""
    assembler = Assembler(ad_by_code)
    for piece in pieces:
        assembler.feed(piece)
    return assembler.record()
