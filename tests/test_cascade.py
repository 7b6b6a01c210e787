"""The field CRFs of the cascade: each zone group's tokens go to that group's tagger."""
import pytest

from form4ml.cascade import group_indices, tag_fields
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
    tags, confs = tag_fields(taggers, feats, tokens, ZONES_OF_LINES)
    expected = [f"B-{GROUP_OF_ZONE[ZONES_OF_LINES[t.line]]}" for t in tokens]
    assert tags == expected and confs == [0.5] * len(tokens)
    assert taggers["tables"].seen == [[["Common"], ["Stock"], ["02/18/2014"], ["F"], ["25,893"]]]
