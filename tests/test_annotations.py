"""The committed gold filings: well-formed, held out from training, every style present."""
import pytest

from form4ml import annotations
from form4ml.labels import FIELDS
from form4ml.record import empty_record

from .conftest import REPO

FILES = sorted((REPO / "annotations").glob("*.jsonl"))
DOCS = [(f.name, d) for f in FILES for d in annotations.load([f])]


@pytest.mark.parametrize("name, doc", DOCS, ids=[d["id"] for _, d in DOCS])
def test_annotation_spans_lie_in_the_text_with_known_labels(name, doc):
    for start, end, label, *_ in doc["spans"]:
        assert 0 <= start < end <= len(doc["text"]), (start, end)
        assert label in FIELDS


@pytest.mark.parametrize("name, doc", DOCS, ids=[d["id"] for _, d in DOCS])
def test_annotation_record_has_every_key_of_the_spec(name, doc):
    assert set(empty_record()) <= set(doc["record"])


def test_gold_filings_come_from_held_out_issuers_only():
    gold = [d for name, d in DOCS if name == "gold.jsonl"]
    assert len({d["source"] for d in gold}) >= 20
    assert {d["split"] for d in gold} == {"test"}
