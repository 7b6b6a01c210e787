"""Fixes of a record's one-off fields read again from the text around the spans the
field CRFs gave them: box 2's ticker after the issuer's name or below the box's label,
the issuer's name before its ticker or without the owner's name run into it, and a
signer's name without box 5's title run into it. Each takes the assembled record and
the text and returns the record."""
import re

from .assemble import CONFORMED, SYMBOL
from .owners import NAME_WORD
from .values import clean_text


def reread_from_text(record, text):
    """The record with each fix of this module made, in the order one feeds the next
    (a ticker found lets the issuer's name be read before it)."""
    record = issuer_before_ticker(ticker_after_issuer(record, text), text)
    record = issuer_wrapped_about_ticker(issuer_after_owner(record, text), text)
    return signatures_after_titles(record, text)


BRACKETED = re.compile(rf"\s*[\[({{]\s*({SYMBOL})\s*[\])}}]")


def ticker_after_issuer(record, text):
    """Where the CRF found no ticker: the symbol the form prints in brackets right after
    the issuer's name (``SONUS NETWORKS INC [ SONS ]``), if the text has it there; else
    the first bracketed symbol of the lines below box 2's label (OCR: ``JPMORGAN CHASE &
    CO`` / ``{JPM} _X__ Director``)."""
    where = record["provenance"].get("issuer.name")
    if record["issuer"]["trading_symbol"]:
        return record
    m = (BRACKETED.match(text, where["end"]) if where else None) or _symbol_below_label(text)
    if m:
        record["issuer"]["trading_symbol"] = m.group(1)
        record["provenance"]["issuer.trading_symbol"] = {"start": m.start(1), "end": m.end(1),
                                                         "confidence": where["confidence"] if where else 0.5}
    return record


BOX_TWO_LINES = 4   # lines below box 2's label its name and symbol may stand on (box 1 and 5 beside)
# box 2's label line from the label on (OCR: ``2obssuer Name amd feker``), and the lines below it
BOX_TWO = re.compile(rf"ssuer Name([^\n]*(?:\n[^\n]*){{0,{BOX_TWO_LINES}}})", re.I)
LONE_SYMBOL = re.compile(r"(?<![\w\[({])[\[({]\s*([A-Z][A-Z.\-]{1,5})\s*[\])}](?![\w\])}])")


def _symbol_below_label(text):
    """The first bracketed symbol of two letters or more on box 2's label line or the
    lines below it, or None."""
    box = BOX_TWO.search(text)
    return LONE_SYMBOL.search(text, box.start(1), box.end(1)) if box else None


ISSUER_LABEL = re.compile(r".*(?:[:\t]|\bSymbol\b)", re.I)     # the box's label, up to the name
MAX_ISSUER_CHARS = 80


def issuer_after_owner(record, text):
    """An issuer name that begins with a reporting owner's whole name (plain
    ``pdftotext`` and OCR print box 1's name and box 2's on one line: ``THIEL PETER
    Facebook Inc``) without it, where words are left."""
    where = record["provenance"].get("issuer.name")
    cut = _without_lead(text, where, [o["name"] for o in record["reporting_owners"]])
    if cut:
        record["issuer"]["name"], record["provenance"]["issuer.name"] = cut
    return record


def signatures_after_titles(record, text):
    """A signer's name that begins with a reporting owner's whole officer title or box
    5's other text (pdfminer prints box 5's text and the signature on one line: ``EVP,
    Strategy Julia Stark, Attorney-in-Fact for Kathleen T. Hogan``) without it, where
    words are left."""
    titles = [o[key] for o in record["reporting_owners"] for key in ("officer_title", "other_text")]
    for i, signature in enumerate(record["signatures"]):
        path = f"signatures[{i}].name"
        cut = _without_lead(text, record["provenance"].get(path), titles)
        if cut:
            value, record["provenance"][path] = cut
            signature["name"] = CONFORMED.sub("/s/", value)
    return record


def _without_lead(text, where, leads):
    """The value ``where`` spans in ``text`` cut after the first of ``leads`` whose words
    open it, where words are left after them, with its new provenance; or None."""
    if not where:
        return None
    found = list(NAME_WORD.finditer(text[where["start"]:where["end"]]))
    for lead in leads:
        words = [w.lower() for w in NAME_WORD.findall(lead or "")]
        if words and len(found) > len(words) and [m[0].lower() for m in found[:len(words)]] == words:
            start = where["start"] + found[len(words) - 1].end()
            rest = text[start:where["end"]]
            start += len(rest) - len(rest.lstrip(" \t\n,;:"))
            return clean_text([text[start:where["end"]]]), {**where, "start": start}
    return None


def issuer_before_ticker(record, text):
    """Where the CRF found a ticker but no issuer name: the words before the ticker's
    bracket on its line, after the box's label (``Issuer Name and Ticker: Facebook Inc [
    FB ]``, ``... or Trading Symbol Facebook Inc [FB]``), if there are any."""
    where = record["provenance"].get("issuer.trading_symbol")
    if record["issuer"]["name"] or not where:
        return record
    line_start = _line_of(text, where["start"])[0]
    bracket = max(text.rfind(b, line_start, where["start"]) for b in "[({")
    if bracket < 0:
        return record
    label = ISSUER_LABEL.match(text, line_start, bracket)
    start = label.end() if label else line_start
    name = text[start:bracket]
    start += len(name) - len(name.lstrip())
    name = name.strip()
    if name and len(name) <= MAX_ISSUER_CHARS and any(c.isalpha() for c in name):
        record["issuer"]["name"] = name
        record["provenance"]["issuer.name"] = {"start": start, "end": start + len(name),
                                               "confidence": where["confidence"]}
    return record


MAX_WRAPPED_WORDS = 3      # words of an issuer name box 2 wraps onto its other line
CHECK_LABEL = re.compile(r"[ \t]*(\S.*?)[ \t]+\(?Check\b", re.I)     # box 5's label after the name's first line


def issuer_wrapped_about_ticker(record, text):
    """An issuer name that box 2 wraps over two lines, the symbol in brackets ending the
    second (OCR: ``ADVANCED MICRO DEVICES (Check all applicable)`` / ``INC [AMD] ___
    Director``), read whole where the CRF took one of them: the words before the bracket
    on the line right below the name, or, for a name opening the symbol's line, the words
    before box 5's ``(Check all applicable)`` on the line above. Its provenance spans both."""
    name, ticker = (record["provenance"].get(k) for k in ("issuer.name", "issuer.trading_symbol"))
    if not (name and ticker and record["issuer"]["name"]):
        return record
    name_line, ticker_line = _line_of(text, name["start"]), _line_of(text, ticker["start"])
    if name["end"] > name_line[1]:
        return record
    if ticker_line[0] == name_line[1] + 1:
        bracket = max(text.rfind(b, ticker_line[0], ticker["start"] + 1) for b in "[({")
        rest = text[ticker_line[0]:max(bracket, ticker_line[0])].strip()
        start, end, whole = name["start"], ticker_line[0] + len(rest), f"{record['issuer']['name']} {rest}"
    elif ticker_line == name_line and not text[name_line[0]:name["start"]].strip() and name_line[0]:
        head = CHECK_LABEL.match(text, *_line_of(text, name_line[0] - 1))
        if not head:
            return record
        rest = head[1]
        start, end, whole = head.start(1), name["end"], f"{rest} {record['issuer']['name']}"
    else:
        return record
    if rest and len(rest.split()) <= MAX_WRAPPED_WORDS and any(c.isalpha() for c in rest):
        record["issuer"]["name"] = whole
        record["provenance"]["issuer.name"] = {**name, "start": start, "end": end}
    return record


def _line_of(text, at):
    """(start, end) of the line holding offset ``at``, its newline left out."""
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end
