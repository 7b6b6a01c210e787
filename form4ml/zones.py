"""Zones: which part of the form each line belongs to (first CRF of the cascade)."""
import re

from .features import line_features
from .labels import FIELD_ZONE, TABLE2_ONLY, TABLE_FIELDS

HEADINGS = [
    ("table2", re.compile(r"table ii\b", re.I)),
    ("table1", re.compile(r"table i\b", re.I)),
    ("footnotes", re.compile(r"explanation of responses", re.I)),
    ("remarks", re.compile(r"^\W*remarks\b", re.I)),
    ("signature", re.compile(r"signature of reporting person|\*\*\s*signature|^\W*signatures\W*$", re.I)),
    ("owner", re.compile(r"^\W*reporting owners\b", re.I)),     # the table of owners at the end
]
BOILERPLATE = re.compile(r"reminder:|persons who respond|intentional misstatements|file three copies"
                         r"|if space is insufficient|see instruction 4|sec 1474", re.I)


def derive_zones(lines, tokens, tags):
    """Gold zones for a training text from its field tags and its headings.

    A line with fields takes the zone of its fields (table fields: the table whose
    heading came last); a line without takes the zone of the heading above it.
    """
    fields = [[] for _ in lines]
    for tok, tag in zip(tokens, tags):
        if tag != "O":
            fields[tok.line].append(tag[2:])
    state, zones = "header", []
    for line, labels in zip(lines, fields):
        heading = next((z for z, p in HEADINGS if p.search(line)), None)
        if heading and not (heading == "remarks" and state == "signature"):
            state = heading
        zones.append(_line_zone(line, labels, state))
    return zones


def _line_zone(line, labels, state):
    table = [f for f in labels if f in TABLE_FIELDS and f != "fn_mark"]
    if table:
        if state in ("table1", "table2"):
            return state
        return "table2" if any(f in TABLE2_ONLY for f in table) else "table1"
    zones = {FIELD_ZONE[f] for f in labels if f in FIELD_ZONE}
    if len(zones) == 1:
        return zones.pop()
    if zones:
        return "header"
    if BOILERPLATE.search(line):
        return "boilerplate"
    return state


def tag_zones(tagger, lines, tokens):
    """Predicted zone per line."""
    labels, _ = tagger.tag(line_features(lines, tokens), confidence=False)
    return labels
