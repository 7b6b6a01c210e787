"""The field CRFs of the cascade: each zone group's tokens go to that group's tagger."""
import pytest

from form4ml.cascade import BLANK, CARRY, group_indices, heading_line, line_key, skipped, tag_fields
from form4ml.labels import GROUP_OF_ZONE, ZONES
from form4ml.tokenize import tokenize

TEXT = "Scarfo Anthony\nCommon Stock 02/18/2014 F 25,893\n1. Tax withholding.\nAnthony Scarfo"
ZONES_OF_LINES = ["owner", "table1", "footnotes", "signature"]


class EchoTagger:
    """Tags each token with the name of the group whose tagger saw it."""

    def __init__(self, group):
        self.group, self.seen = group, []

    def tag(self, feats, confidence=True):
        self.seen.append(feats)
        return [f"B-{self.group}"] * len(feats), [0.5] * len(feats)


def test_every_zone_belongs_to_exactly_one_group():
    assert set(GROUP_OF_ZONE) == set(ZONES)


@pytest.mark.parametrize("group, words", [
    ("top", ["Scarfo", "Anthony"]),
    ("tables", ["Common", "Stock", "02/18/2014", "F", "25,893"]),
    ("tail", ["1", ".", "Tax", "withholding", ".", "Anthony", "Scarfo"]),
])
def test_group_indices_split_tokens_by_the_zone_of_their_line(group, words):
    tokens = tokenize(TEXT)
    assert [tokens[i].text for i in group_indices(tokens, ZONES_OF_LINES)[group]] == words


def test_tag_fields_puts_each_groups_tags_back_in_text_order():
    tokens = tokenize(TEXT)
    taggers = {g: EchoTagger(g) for g in ("top", "tables", "tail")}
    feats = [[t.text] for t in tokens]
    tags, confs = tag_fields(taggers, feats, tokens, ZONES_OF_LINES, [None] * len(tokens))
    expected = [f"B-{GROUP_OF_ZONE[ZONES_OF_LINES[t.line]]}" for t in tokens]
    assert tags == expected and confs == [0.5] * len(tokens)
    assert taggers["tables"].seen == [[["Common"], ["Stock"], ["02/18/2014"], ["F"], ["25,893"]]]


FOOTNOTE = "(1) The shares are held by the Smith Trust.\nReminder: Report on a separate line"


@pytest.mark.parametrize("zones, expected", [
    # the mark, its first two words and the line's last token go to the CRF; words after
    # two words are carried; a boilerplate line is blank throughout
    (["footnotes", "boilerplate"],
     {"(1)": None, "The": None, "shares": None, "are": CARRY, "held": CARRY, "Trust": CARRY,
      ".": None, "Reminder": BLANK, "line": BLANK}),
    (["table1", "signature"], {"(1)": None, "are": None, "Trust": None, "Reminder": None}),
])
def test_skipped_leaves_boilerplate_and_footnote_prose_to_rules(zones, expected):
    tokens = tokenize(FOOTNOTE)
    skip = dict(zip((t.text for t in tokens), skipped(tokens, zones, FOOTNOTE.split("\n"))))
    assert {text: skip[text] for text in expected} == expected


def test_skipped_carries_punctuation_inside_footnote_prose():
    line = "(1) Held by the Smith Trust, a family trust, for his children."
    tokens = tokenize(line)
    skip = skipped(tokens, ["footnotes"], [line])
    assert [s for t, s in zip(tokens, skip) if t.text == ","] == [CARRY, CARRY]
    assert skip[-1] is None                       # the line's last token stays with the CRF


@pytest.mark.parametrize("text", ["paid $25 per share", "see note (2) below", "on 02/18/2014 the"])
def test_skipped_keeps_numbers_marks_and_the_words_after_them(text):
    line = "(1) Shares were " + text + " end"
    tokens = tokenize(line)
    skip = skipped(tokens, ["footnotes"], [line])
    digit_at = next(i for i, t in enumerate(tokens) if any(c.isdigit() for c in t.text) and i > 0)
    assert skip[digit_at] is None and skip[digit_at + 1] is None


def test_tag_fields_continues_the_tag_before_a_carried_token_and_blanks_boilerplate():
    tokens = tokenize(FOOTNOTE)
    zones = ["footnotes", "boilerplate"]
    skip = skipped(tokens, zones, FOOTNOTE.split("\n"))
    taggers = {g: EchoTagger(g) for g in ("top", "tables", "tail")}
    tags, confs = tag_fields(taggers, [[t.text] for t in tokens], tokens, zones, skip)
    by_text = dict(zip((t.text for t in tokens), zip(tags, confs)))
    assert by_text["held"] == ("I-tail", 0.5) and by_text["Reminder"] == ("O", None)
    assert sum(map(len, taggers["tail"].seen)) == skip.count(None)


@pytest.mark.parametrize("line, heading", [
    ("1. Title of Security (Instr. 3)   2. Transaction Date (Month/Day/Year)", True),
    ("| Code | V | Amount | (A) or (D) | Price |", True),
    ("Date Exercisable   Expiration Date   Title   Amount or Number of Shares", True),
    ("Common Stock  02/18/2014  F  25,893  D  $3.17  302,060  D", False),
    ("Security       |or Exercise |Date (Month/|Date, if any|Code       |", True),   # ASCII
    ("Derivative      |Conversion|Transaction |Execution   |Transaction|", True),
    ("Share Purchase   74   Shares", False),          # a wrapped cell under a row
    ("(right to buy) |            |            |           |", False),
    ("Stock Option (right to buy)   Common Stock   2/7/00", False),
    # seed 000: OCR read a heading's "(Instr. 4)" as "(1150.4)", no amount of a row
    ("\t\t\tCode\tv\tAmount\t(A) or (D)\tPrice\tTransaction(s) (Instr. 3 and 4)\t\t(1150.4)", True),
    ("Common Stock\t(1)\t1,000\tD", False),
])
def test_heading_line_tells_column_headings_from_rows(line, heading):
    assert heading_line(line) is heading


def test_skipped_blanks_column_headings_of_a_table_only():
    text = "1. Title of Security (Instr. 3)\nCommon Stock 02/18/2014 F 25,893"
    tokens = tokenize(text)
    skip = skipped(tokens, ["table1", "table1"], text.split("\n"))
    assert [s for t, s in zip(tokens, skip) if t.line == 0] == [BLANK] * 10
    assert set(s for t, s in zip(tokens, skip) if t.line == 1) == {None}
    assert set(skipped(tokens, ["header", "table1"], text.split("\n"))[:10]) == {None}


@pytest.mark.parametrize("zone", ["header", "issuer", "table2", "footnotes"])
def test_skipped_blanks_template_lines_in_any_zone(zone):
    text = "2. Issuer Name and  Ticker or Trading Symbol\nMICROSOFT CORP [ MSFT ]"
    tokens = tokenize(text)
    template = {line_key("2. ISSUER NAME AND TICKER OR TRADING SYMBOL")}
    skip = skipped(tokens, [zone, "issuer"], text.split("\n"), template)
    assert [s for t, s in zip(tokens, skip) if t.line == 0] == [BLANK] * 9
    assert {s for t, s in zip(tokens, skip) if t.line == 1} == {None}
