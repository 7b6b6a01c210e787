import pytest

from form4ml.footnotes import notes_of_garbled_marks
from form4ml.record import empty_record, empty_row


def _record(rows, notes):
    rec = empty_record()
    rec["non_derivative_transactions"] = [dict(empty_row("non_derivative_transactions"), footnote_ids=ids)
                                          for ids in rows]
    rec["footnotes"] = [{"id": f"F{n}", "text": "A note."} for n in notes]
    return rec


# OCR of real one-row filings (a Facebook director's, an Acushnet officer's):
# the row's mark lost or read as no sign at all, so no row names the notes
@pytest.mark.parametrize("rows, garbled, ids", [
    ([[]], [0], [["F1", "F2"]]),                # the record's one row names them
    ([["F1"]], [0], [["F1", "F2"]]),
    ([[], []], [0, 0], [[], []]),              # two rows: which is whose is not known
    ([[], []], [0, 1], [[], ["F1", "F2"]]),    # ... unless one row's marks are garbled
])
def test_notes_of_garbled_marks_gives_notes_no_row_names_to_the_one_row_that_may_hold_them(rows, garbled, ids):
    rec = _record(rows, [1, 2])
    notes_of_garbled_marks(rec, [("non_derivative_transactions", k, n) for k, n in enumerate(garbled)])
    assert [sorted(r["footnote_ids"]) for r in rec["non_derivative_transactions"]] == ids


# OCR of a real filing (a director's units vesting): Table I's ``Qa )`` for ``(1)``, then
# Table II's ``@)`` ``@)`` for ``(2)`` ``(3)``
@pytest.mark.parametrize("garbled, notes, ids", [
    ([1, 2], [1, 2, 3], [["F1"], ["F2", "F3"]]),        # as many garbled marks as notes unnamed: in turn
    ([1, 1], [1, 2, 3], [[], []]),                      # fewer: which is whose is not known
    ([1, 2], [1, 2, 4], [[], []]),                      # a note's number misread: the turn is not known
])
def test_notes_of_garbled_marks_names_notes_in_turn_where_the_garbled_marks_are_as_many(garbled, notes, ids):
    rec = _record([[], []], notes)
    notes_of_garbled_marks(rec, [("non_derivative_transactions", k, n) for k, n in enumerate(garbled)])
    assert [r["footnote_ids"] for r in rec["non_derivative_transactions"]] == ids
