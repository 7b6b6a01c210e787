"""The field CRFs of the cascade: a document's tokens split by the zone group of their
line, each group labelled by its own CRF, the labels put back in text order.

Not every token goes to a field CRF (see ``skipped``): most of a filing is boilerplate,
the form's printed labels, column headings and footnote prose, whose tags follow from rules."""
import re

from .features import HEADER_WORDS
from .labels import GROUP_OF_ZONE, TABLE_ZONES

PROSE = re.compile(r"^\D+$")   # no digit: a word or punctuation, not a value or mark
HEADING = re.compile(r"\(instr\.|\(month/day|title of|beneficially owned|transaction date|execution date")
# amounts and years: a line with one holds a row; not a number opening a bracket
# ("(1150.4)": OCR of a heading's "(Instr. 4)")
VALUE = re.compile(r"(?<![(\d])\d{3}")
HEADING_WORDS = HEADER_WORDS | {"transaction", "execution", "conversion", "derivative", "exercise", "acquired",
                                "disposed", "beneficially", "ownership", "underlying", "securities", "following",
                                "reported"}
WORD_GAP = re.compile(r"[\s|]+")         # ASCII tables close cells with "|"
BLANK, CARRY = "blank", "carry"


def heading_line(line):
    """Whether a table line is column headings (``2. Transaction Date (Month/Day/Year)``):
    heading phrases or two heading words, and no number of three digits."""
    if VALUE.search(line):
        return False
    low = line.lower()
    return bool(HEADING.search(low)) or sum(map(HEADING_WORDS.__contains__, WORD_GAP.split(low))) >= 2


def line_key(line):
    """A line as template lines are matched: lower case, each run of spaces as one."""
    return " ".join(line.lower().split())


def blank_line(line, zone, template=frozenset()):
    """Whether no field lives on a line: boilerplate, a table's column headings, or one
    of the ``template`` lines (the form's printed labels, learned in training)."""
    if zone == "boilerplate":
        return True
    if zone in TABLE_ZONES and heading_line(line):
        return True
    return bool(template) and line_key(line) in template


def skipped(tokens, zones, lines, template=frozenset()):
    """For each token, None if a field CRF labels it, else how it is tagged without one:
    BLANK (``O``) for every token of a ``blank_line``; CARRY (the tag of the token before
    it, continued) for the inside of footnote prose: a digit-free token after two such
    tokens of its line, not the line's last. Footnote marks, numbers and the first words
    after them stay with the CRF. On the 6,148-rendering build's dev split (gold zones, the
    shipped template lines) this skips 231,283 of 314,172 tokens; 85 of them are not what
    gold has."""
    out, n = [None] * len(tokens), len(tokens)
    blank = {}
    for i, t in enumerate(tokens):
        line = t.line
        if line not in blank:
            blank[line] = blank_line(lines[line], zones[line], template)
        if blank[line]:
            out[i] = BLANK
        elif (zones[line] == "footnotes" and 2 <= i < n - 1 and tokens[i - 2].line == line == tokens[i + 1].line
              and PROSE.match(t.text) and PROSE.match(tokens[i - 1].text) and PROSE.match(tokens[i - 2].text)):
            out[i] = CARRY
    return out


def group_indices(tokens, zones, skip=None):
    """{group: indices of the tokens whose line lies in one of the group's zones}, the
    ``skip``ped tokens left out."""
    out = {}
    group_of_line = [GROUP_OF_ZONE[z] for z in zones]
    for i, t in enumerate(tokens):
        if skip is None or skip[i] is None:
            out.setdefault(group_of_line[t.line], []).append(i)
    return out


def tag_fields(taggers, feats, tokens, zones, skip, confidence=True):
    """Tags and confidences for all tokens, each zone group tagged by ``taggers[group]``,
    the ``skip``ped tokens filled in after. An ``O`` token's confidence is None: only the
    labelled tokens' marginals make a field's confidence."""
    tags, confs = ["O"] * len(tokens), [None] * len(tokens)
    for group, idx in group_indices(tokens, zones, skip).items():
        group_tags, group_confs = taggers[group].tag([feats[i] for i in idx], confidence)
        for i, tag, conf in zip(idx, group_tags, group_confs):
            tags[i], confs[i] = tag, conf
    for i, how in enumerate(skip):
        if how == CARRY and tags[i - 1] != "O":
            tags[i], confs[i] = "I-" + tags[i - 1][2:], confs[i - 1]
    return tags, confs
