"""Warnings ``validate.warnings`` adds to an extracted record."""
import pytest

from form4ml.record import empty_record, empty_row
from form4ml.validate import warnings


def record_citing(cited, read):
    rec = empty_record()
    rec["issuer"]["name"] = "Tesla, Inc."
    rec["reporting_owners"] = [{"name": "Musk Elon"}]
    for ids in cited:
        row = empty_row("non_derivative_transactions")
        rec["non_derivative_transactions"].append({**row, "transaction_code": "S", "footnote_ids": ids})
    rec["footnotes"] = [{"id": i, "text": "The price reported in Column 4 is a weighted average price."} for i in read]
    return rec


@pytest.mark.parametrize("cited, read, warned", [
    # notes cut at the page edge are left unread: the rows still cite them
    ([["F1", "F3"], ["F1", "F10"], ["F4"]], ["F1"], ["footnotes F3, F4, F10 cited in the tables but not read"]),
    ([["F1"], ["F2"]], ["F1", "F2"], []),
    ([[]], [], []),
])
def test_warnings_name_footnotes_cited_but_not_read(cited, read, warned):
    assert [w for w in warnings(record_citing(cited, read)) if "footnote" in w] == warned
