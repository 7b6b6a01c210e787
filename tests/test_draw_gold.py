"""training.draw_gold: gold filings drawn from the test split, spread over issuers."""
from collections import Counter

from training.draw_gold import draw


def _doc(i, style, cik):
    return {"id": f"f{i}:{style}", "style": style, "issuer_cik": cik, "split": "test"}


DOCS = ([_doc(i, "plain", "big") for i in range(10)] + [_doc(i, "plain", "small") for i in range(10, 12)]
        + [_doc(i, "ascii", "big") for i in range(3)])


def test_draw_takes_issuers_in_turn_so_one_issuer_does_not_fill_a_style():
    picked = draw(DOCS, per_style=4)
    plain = Counter(d["issuer_cik"] for d in picked if d["style"] == "plain")
    assert plain == {"big": 2, "small": 2}


def test_draw_keeps_every_doc_of_a_style_with_fewer_than_asked():
    assert sum(d["style"] == "ascii" for d in draw(DOCS, per_style=4)) == 3


def test_draw_is_reproducible_whatever_the_input_order():
    assert draw(DOCS, 4) == draw(DOCS[::-1], 4)
