"""Training helpers: drawing a bounded, style-balanced sample of a large corpus; learning the
form's printed label lines."""
from collections import Counter

import pytest

from form4ml.cascade import line_key
from form4ml.train import TEMPLATE_MIN_ISSUERS, sample_docs, template_lines


def _docs(counts):
    return [{"id": f"{style}{i}", "style": style} for style, n in counts.items() for i in range(n)]


@pytest.mark.parametrize("counts, limit, expected", [
    ({"pdf": 100, "ocr": 10}, 40, {"ocr": 10, "pdf": 30}),
    ({"pdf": 100, "ascii": 100}, 50, {"ascii": 25, "pdf": 25}),
    ({"pdf": 5, "ascii": 5}, 50, {"ascii": 5, "pdf": 5}),
])
def test_sample_docs_spreads_the_limit_over_styles(counts, limit, expected):
    assert Counter(d["style"] for d in sample_docs(_docs(counts), limit)) == expected


def test_sample_docs_draws_the_same_filings_every_time():
    docs = _docs({"pdf": 50, "ascii": 50})
    assert sample_docs(docs, 20) == sample_docs(list(docs), 20)


def test_sample_docs_without_limit_keeps_everything():
    docs = _docs({"pdf": 3})
    assert sample_docs(docs, None) == docs


def test_sample_docs_prefers_many_issuers_over_many_filings_of_one():
    docs = [{"id": f"big{i}", "style": "pdf", "issuer_cik": "big"} for i in range(50)]
    docs += [{"id": f"small{i}", "style": "pdf", "issuer_cik": f"small{i}"} for i in range(5)]
    chosen = sample_docs(docs, 6)
    assert len({d["issuer_cik"] for d in chosen}) == 6


LABEL = "2. Issuer Name and Ticker or Trading Symbol"


def _filing(issuer, line, value="MICROSOFT CORP"):
    """An annotated filing: ``line``, then the issuer's name tagged as a field."""
    text = f"{line}\n{value}"
    start = text.index(value)
    return {"id": f"{issuer}:{line[:5]}", "issuer_cik": issuer, "text": text,
            "spans": [[start, start + len(value), "issuer_name"]]}


@pytest.mark.parametrize("issuers, learned", [
    (TEMPLATE_MIN_ISSUERS, True),
    (TEMPLATE_MIN_ISSUERS - 1, False),
])
def test_template_lines_are_label_lines_printed_by_enough_issuers(issuers, learned):
    docs = [_filing(f"cik{i}", LABEL) for i in range(issuers)]
    docs += [_filing(f"cik{i}", LABEL) for i in range(3)]     # more filings of the same issuers
    assert (line_key(LABEL) in template_lines(docs)) is learned


def test_template_lines_never_hold_a_field():
    docs = [_filing(f"cik{i}", LABEL) for i in range(TEMPLATE_MIN_ISSUERS)]
    assert "microsoft corp" not in template_lines(docs)          # a field, however often printed


@pytest.mark.parametrize("filings, misaligned, learned", [(200, 1, True), (100, 3, False)])
def test_template_lines_allow_a_rare_misaligned_field(filings, misaligned, learned):
    """An aligner slip (a one-letter ticker found inside ``UNITED``) must not cost a label
    line its place; a line that holds a field more often is no label line."""
    docs = [_filing(f"cik{i % 20}", LABEL) for i in range(filings)]
    for doc in docs[:misaligned]:
        doc["spans"].append([0, 2, "ticker"])
    assert (line_key(LABEL) in template_lines(docs)) is learned


def test_template_lines_match_whatever_the_case_and_spacing():
    docs = [_filing(f"cik{i}", LABEL.upper() if i % 2 else LABEL.replace(" ", "   "))
            for i in range(TEMPLATE_MIN_ISSUERS)]
    assert template_lines(docs) == {line_key(LABEL)}
