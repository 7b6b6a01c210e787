"""Aligning gold records with rendered text: spans for each value."""
import pytest

from form4ml.config import shared_dir
from form4ml.record import empty_record, empty_row
from training.align import Aligner, align, poorly_aligned, summarise


def _record(rows=(), holdings=(), owner=None, footnotes=()):
    rec = empty_record()
    rec["issuer"].update(name="SONUS NETWORKS INC", trading_symbol="SONS")
    rec["period_of_report"] = "2014-02-18"
    rec["reporting_owners"] = [{"name": "Scarfo Anthony", "street1": "4 TECHNOLOGY PARK DRIVE",
                                "city": "WESTFORD", "state": "MA", "zip_code": "01886",
                                "is_officer": True, "officer_title": "EVP", **(owner or {})}]
    for values in rows:
        row = empty_row("non_derivative_transactions")
        row.update({"security_title": "Common Stock", "transaction_date": "2014-02-18",
                    "transaction_code": "F", "acquired_disposed": "D", "direct_or_indirect": "D", **values})
        rec["non_derivative_transactions"].append(row)
    rec["footnotes"] = [{"id": f"F{i + 1}", "text": t} for i, t in enumerate(footnotes)]
    rec["signatures"] = [{"name": "Anthony Scarfo", "date": "2014-02-20"}]
    return rec


HEADER = ("1. Name and Address of Reporting Person* Scarfo Anthony\n4 TECHNOLOGY PARK DRIVE\n"
          "WESTFORD {state} 01886\n2. Issuer Name SONUS NETWORKS INC [ SONS ]\n"
          "3. Date of Earliest Transaction 02/18/2014\nDirector X Officer (give title below) EVP\n")
TABLE1 = "Table I - Non-Derivative Securities Acquired\n"
TAIL = ("Table II - Derivative Securities Acquired\nExplanation of Responses:\n"
        "1. Tax withholding.\nAnthony Scarfo\n02/20/2014\n")


def _labelled(text, alignment, label):
    return [text[s:e] for s, e, lab, *_ in alignment.spans if lab == label]


def test_clean_text_finds_every_value():
    rec = _record([{"shares": 25893, "price_per_share": 3.17, "shares_owned_following": 302060,
                    "footnote_ids": ["F1"]}], footnotes=["Tax withholding."])
    text = (HEADER.format(state="MA") + TABLE1
            + "Common Stock 02/18/2014 F 25,893(1) D $3.17 302,060 D\n" + TAIL)
    a = align(text, rec)
    assert a.coverage == 1.0
    assert _labelled(text, a, "shares") == ["25,893"]
    assert _labelled(text, a, "price") == ["3.17"]
    assert _labelled(text, a, "is_officer") == ["X"]
    assert _labelled(text, a, "fn_id") == ["1."]
    assert _labelled(text, a, "sig_date") == ["02/20/2014"]


@pytest.mark.parametrize("ticker", ["U", "C"])
def test_one_letter_ticker_is_not_taken_from_inside_a_word(ticker):
    rec = _record()
    rec["issuer"]["trading_symbol"] = ticker
    text = ("UNITED STATES SECURITIES AND EXCHANGE COMMISSION\n"
            + HEADER.format(state="MA").replace("[ SONS ]", f"[ {ticker} ]") + TABLE1 + TAIL)
    a = align(text, rec)
    [(start, end)] = [(s, e) for s, e, lab, *_ in a.spans if lab == "ticker"]
    assert text[start - 2:end + 2] == f"[ {ticker} ]"


def test_spans_are_sorted_and_do_not_overlap():
    rec = _record([{"shares": 100, "price_per_share": 1, "shares_owned_following": 100}])
    text = HEADER.format(state="MA") + TABLE1 + "Common Stock 02/18/2014 F 100 D $1 100 D\n" + TAIL
    spans = align(text, rec).spans
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_repeated_number_goes_to_its_own_row():
    rec = _record([{"shares": 500, "price_per_share": 2, "shares_owned_following": 1500},
                   {"shares": 700, "price_per_share": 2, "shares_owned_following": 500}])
    text = (HEADER.format(state="MA") + TABLE1 + "Common Stock 02/18/2014 F 500 D $2 1,500 D\n"
            "Common Stock 02/18/2014 F 700 D $2 500 D\n" + TAIL)
    a = align(text, rec)
    second = text.index("700")
    owned = [(s, text[s:e]) for s, e, lab, *_ in a.spans if lab == "owned"]
    assert owned[1][1] == "500" and owned[1][0] > second
    assert [text[s:e] for s, e, lab, *_ in a.spans if lab == "shares" and s < second] == ["500"]


def test_date_split_over_lines_gives_two_spans():
    rec = _record([{"shares": 122728, "price_per_share": 0, "shares_owned_following": 424788}])
    text = (HEADER.format(state="MA") + TABLE1
            + "Common Stock 02/18/2 F 122,728 D $0 424,788 D\n014\n" + TAIL)
    a = align(text, rec)
    assert _labelled(text, a, "tx_date") == ["02/18/2", "014"]


@pytest.mark.parametrize("head", ["Feb. 18,", "Feb 18", "February 18,"])
def test_date_spelled_out_and_wrapped_in_its_column_gives_two_spans(head):
    rec = _record([{"shares": 122728, "price_per_share": 0, "shares_owned_following": 424788}])
    text = (HEADER.format(state="MA") + TABLE1
            + f"Common Stock    {head:<15}F   122,728 D   $0   424,788   D\n                2014\n" + TAIL)
    a = align(text, rec)
    assert _labelled(text, a, "tx_date") == [head, "2014"]


@pytest.mark.parametrize("title, row, below, pieces", [
    ("Class A Common Stock", "Class A Common  02/18/2014  F  500  D  $2  1,500  D", "Stock",
     ["Class A Common", "Stock"]),
    ("Restricted Stock Unit", "Restricted      02/18/2014  F  500  D  $2  1,500  D", "Stock Unit",
     ["Restricted", "Stock Unit"]),
    ("Common Stock", "Common          02/18/2014  F  500  D  $2  1,500  D", "  Stock",
     ["Common", "Stock"]),
    ("Stock Option (Right to Buy)", "Stock Option    02/18/2014  F  500  D  $2  1,500  D", "(Right to Buy)",
     ["Stock Option", "(Right to Buy)"]),
    ("Restricted Stock Units (RSU) (Class A)", "Restricted      02/18/2014  F  500  D  $2  1,500  D",
     "Stock\nUnits\n(RSU)\n(Class A)", ["Restricted", "Stock", "Units", "(RSU)", "(Class A)"]),
])
def test_title_wrapped_in_its_column_is_found_on_both_lines(title, row, below, pieces):
    """Fixed-width tables (pre-2003 ASCII, pdftotext -layout) wrap a long cell onto the
    next line in the same column; the title must not be taken from a footnote instead."""
    rec = _record([{"security_title": title, "shares": 500, "price_per_share": 2,
                    "shares_owned_following": 1500}], footnotes=[f"Each {title} vests."])
    text = (HEADER.format(state="MA") + TABLE1 + row + "\n" + below + "\n"
            + TAIL.replace("Tax withholding.", f"Each {title} vests."))
    spans = [s for s in align(text, rec).spans if s[2] == "title"]
    assert [text[s:e] for s, e, *_ in spans] == pieces
    assert [part for *_, part in spans] == list(range(len(pieces)))    # tagged as one value


def test_words_far_from_the_column_are_not_a_wrapped_title():
    rec = _record([{"security_title": "Class A Common Stock", "shares": 500, "price_per_share": 2,
                    "shares_owned_following": 1500}])
    text = (HEADER.format(state="MA") + TABLE1 + "Class A Common  02/18/2014  F  500  D  $2  1,500  D\n"
            + " " * 40 + "Stock\n" + TAIL)
    assert "Stock" not in _labelled(text, align(text, rec), "title")


@pytest.mark.parametrize("cell, shares, mark", [
    ("301,097(1)", "301,097", "(1)"),
    ("301,097 [F1]", "301,097", "[F1]"),
    ("301,097<sup>1</sup>", "301,097", "<sup>1</sup>"),
    ("301,097¹", "301,097", "¹"),
])
def test_fused_footnote_mark_is_its_own_span(cell, shares, mark):
    rec = _record([{"shares": 301097, "price_per_share": 5, "shares_owned_following": 9,
                    "footnote_ids": ["F1"]}])
    text = HEADER.format(state="MA") + TABLE1 + f"Common Stock 02/18/2014 F {cell} D $5 9 D\n" + TAIL
    a = align(text, rec)
    assert _labelled(text, a, "shares") == [shares]
    assert _labelled(text, a, "fn_mark") == [mark]


@pytest.mark.parametrize("shown, expected", [
    ("25.893", "25.893"), ("25893", "25893"), ("25,893.00", "25,893.00"), ("2S,893", "2S,893"),
])
def test_number_in_another_or_ocr_damaged_form_is_found(shown, expected):
    rec = _record([{"shares": 25893, "price_per_share": 3.17, "shares_owned_following": 302060}])
    text = (HEADER.format(state="MA") + TABLE1
            + f"Common Stock 02/18/2014 F {shown} D 53.17 302,060 D\n" + TAIL)
    a = align(text, rec)
    assert _labelled(text, a, "shares") == [expected]
    assert _labelled(text, a, "price") == ["3.17"]


@pytest.mark.parametrize("shown, code", [
    ("MA", "MA"), ("MASSACHUSETTS", "MA"), ("Massachusetts", "MA"),
    ("IRELAND", "L2"),      # EDGAR's code of a place abroad, spelt out by the SEC's stylesheet
])
def test_state_code_or_full_name(shown, code):
    a = align(HEADER.format(state=shown) + TABLE1 + TAIL, _record(owner={"state": code}))
    assert a.report["owner_state"] == (1, 1)


def test_state_spelled_out_is_found_after_the_city_not_in_the_form_title():
    title = "UNITED STATES SECURITIES AND EXCHANGE COMMISSION\nWashington, D.C. 20549\n"
    record = _record(owner={"state": "WA", "city": "REDMOND"})
    text = title + HEADER.format(state="WASHINGTON").replace("WESTFORD", "REDMOND") + TABLE1 + TAIL
    a = align(text, record)
    assert _labelled(text, a, "owner_state") == ["WASHINGTON"]


def test_zip_broken_after_its_hyphen_is_found_in_box_1_and_its_repeat_in_the_owner_table():
    # the SEC stylesheet printed to PDF wraps "98052-6399" in box 1 and prints it whole
    # again in the Reporting Owners table at the end
    record = _record(owner={"zip_code": "98052-6399"})
    text = (HEADER.format(state="MA").replace("01886", "98052-\n6399") + TABLE1 + TAIL
            + "Reporting Owners\nScarfo Anthony WESTFORD MA 98052-6399\n")
    a = align(text, record)
    assert _labelled(text, a, "owner_zip") == ["98052-", "6399", "98052-6399"]
    assert [p for *_, lab, p in a.spans if lab == "owner_zip"] == [0, 1, 0]
    assert a.report["owner_zip"] == (1, 1)      # the repeat is labelled, not counted


@pytest.mark.parametrize("table, names", [
    # the SEC's form lists every owner, the first one again
    ("Reporting Owners\nScarfo Anthony WESTFORD MA 01886\nHall Ken BOSTON MA 02110\n",
     ["Scarfo Anthony", "Scarfo Anthony", "Hall Ken"]),
    # text renderers list only the owners after the first
    ("Reporting Owners\nHall Ken BOSTON MA 02110\n", ["Scarfo Anthony", "Hall Ken"]),
])
def test_owner_table_rows_are_all_labelled(table, names):
    record = _record()
    record["reporting_owners"].append({"name": "Hall Ken", "city": "BOSTON", "state": "MA", "zip_code": "02110"})
    text = HEADER.format(state="MA") + TABLE1 + TAIL + table
    a = align(text, record)
    assert _labelled(text, a, "owner_name") == names
    assert a.report["owner_name"] == (2, 2)


@pytest.mark.parametrize("box", [
    # pdftotext -layout centres box 1's last row: the wrapped ZIP+4 stands above and
    # below the city and state (a Microsoft filing)
    " " * 40 + "98052-\nREDMOND          WASHINGTON\n" + " " * 40 + "6399\n"
    + "(City)           (State)" + " " * 16 + "(Zip)\n",
    # pdfplumber reads the same box as one line, the ZIP's head before the city
    "(Street) 98052- REDMOND WASHINGTON 6399\n(Zip/Postal (City) (State) Code)\n",
])
def test_zip_broken_around_the_city_line_is_found_in_box_1(box):
    record = _record(owner={"city": "REDMOND", "state": "WASHINGTON", "zip_code": "98052-6399"})
    text = (HEADER.format(state="MA").replace("WESTFORD MA 01886\n", box) + TABLE1 + TAIL
            + "Reporting Owners\nScarfo Anthony REDMOND WASHINGTON 98052-6399\n")
    a = align(text, record)     # box 1's values, then their repeat in the table
    assert _labelled(text, a, "owner_city") == ["REDMOND", "REDMOND"]
    assert _labelled(text, a, "owner_zip") == ["98052-", "6399", "98052-6399"]


# Table II of an Abbott filing by pdftotext -layout: the row's tall cells (title,
# underlying title) are centred on the line of its short ones, marks below
CENTRED_ROW = (
    "Option\n"
    "(right to                                        Common\n"
    "          $ 48.9  05/05/2020  M  41,268  06/01/2018  05/31/2025  41,268   $0   0   D\n"
    "                                                  shares\n"
    "buy) (3)\n")


def test_tall_cells_centred_on_their_row_are_found_above_and_below_it():
    rec = _record(footnotes=["", "", "Vests in three parts."])
    row = empty_row("derivative_transactions")
    row.update(security_title="Option (right to buy)", conversion_or_exercise_price=48.9,
               transaction_date="2020-05-05", transaction_code="M", shares=41268,
               exercise_date="2018-06-01", expiration_date="2025-05-31",
               underlying_security_title="Common shares", underlying_shares=41268,
               price_per_share=0, shares_owned_following=0, direct_or_indirect="D",
               footnote_ids=["F3"])
    rec["derivative_transactions"] = [row]
    table2, notes = TAIL.split("Explanation")
    text = HEADER.format(state="MA") + TABLE1 + table2 + CENTRED_ROW + "Explanation" + notes
    a = align(text, rec)
    assert _labelled(text, a, "title") == ["Option", "(right to", "buy)"]
    assert _labelled(text, a, "und_title") == ["Common", "shares"]
    assert _labelled(text, a, "fn_mark") == ["(3)"]


def test_title_around_its_rows_number_in_plain_pdftotext_is_found_on_both_sides():
    # plain pdftotext prints a centred row cell by cell: the underlying title's first
    # line, the underlying amount (centred), the title's last line (a Microsoft filing)
    rec = _record()
    row = empty_row("derivative_transactions")
    row.update(security_title="Restricted Stock Units", transaction_date="2022-03-10", transaction_code="A",
               shares=26.325, underlying_security_title="Common Stock", underlying_shares=26.325,
               price_per_share=0, shares_owned_following=12153.007, direct_or_indirect="D")
    rec["derivative_transactions"] = [row]
    table2, notes = TAIL.split("Explanation")
    cells = ("Restricted\nStock\nUnits\n\n03/10/2022\n\nA\n\n26.325\n(2)\n\nAmount\nor\nNumber\nof\n"
             "Shares\n\nCommon\n26.325\nStock\n\n$0\n\n12,153.007\n\nD\n")
    text = HEADER.format(state="MA") + TABLE1 + table2 + cells + "Explanation" + notes
    a = align(text, rec)
    assert _labelled(text, a, "und_title") == ["Common", "Stock"]
    assert _labelled(text, a, "und_shares") == ["26.325"]


TWO_ROWS = [{"transaction_code": "A", "acquired_disposed": "A", "shares": 54053, "price_per_share": 0,
             "shares_owned_following": 569405.331},
            {"transaction_code": "F", "shares": 27989.367, "price_per_share": 506.69,
             "shares_owned_following": 541415.964}]


@pytest.mark.parametrize("table", [
    # every row's title, then every row's date, ... (a short table read column by column)
    "Common Stock\nCommon Stock\n\n02/18/2014\n\nA\n\n02/18/2014\n\nF\n\n54,053\n\nA\n\n"
    "27,989.367 D\n\n$0\n\n569,405.331\n\nD\n\n$\n506.69\n541,415.964\n\nD\n",
    # each row's left-hand cells, then each row's right-hand ones
    "Common Stock\n\n02/18/2014\n\nA\n\n54,053\n\nA\n\nCommon Stock\n\n02/18/2014\n\nF\n\n"
    "27,989.367 D\n\n$0\n\n569,405.331\n\nD\n\n$\n506.69\n541,415.964\n\nD\n",
])
def test_table_printed_block_by_block_is_aligned_row_by_row(table):
    """Plain pdftotext prints a short table's cells in blocks, not row after row."""
    rec = _record(TWO_ROWS)
    text = HEADER.format(state="MA") + TABLE1 + table + TAIL
    a = align(text, rec)
    assert _labelled(text, a, "title") == ["Common Stock", "Common Stock"]
    assert _labelled(text, a, "code") == ["A", "F"]
    assert _labelled(text, a, "shares") == ["54,053", "27,989.367"]
    assert _labelled(text, a, "owned") == ["569,405.331", "541,415.964"]
    assert a.report["tx_date"] == (2, 2)


def test_rows_one_after_the_other_are_not_read_column_by_column():
    rec = _record(TWO_ROWS)
    table = ("Common Stock 02/18/2014 A 54,053 A $0 569,405.331 D\n"
             "Common Stock 02/18/2014 F 27,989.367 D $506.69 541,415.964 D\n")
    text = HEADER.format(state="MA") + TABLE1 + table + TAIL
    a = align(text, rec)
    assert a.coverage == 1.0
    assert _labelled(text, a, "di") == ["D", "D"]
    assert _labelled(text, a, "ad") == ["A", "D"]


def test_title_wrapped_around_its_row_keeps_the_dollar_of_its_second_line():
    rec = _record([{"security_title": "Class A Common Stock, $0.01 par value", "shares": 16000,
                    "price_per_share": 5.3569, "shares_owned_following": 8536067}])
    table = (" Class A Common Stock,                        $\n"
             "                  02/18/2014   F   16,000   D          8,536,067   D\n"
             " $0.01 par value                              5.3569\n")
    text = HEADER.format(state="MA") + TABLE1 + table + TAIL
    a = align(text, rec)
    assert _labelled(text, a, "title") == ["Class A Common Stock", "$0.01 par value"]


def _grant(title="Restricted Stock Units"):
    row = empty_row("derivative_transactions")
    row.update(security_title=title, transaction_date="2024-09-06", transaction_code="A",
               shares=224.048, underlying_security_title="Common Stock", underlying_shares=224.048,
               price_per_share=0, shares_owned_following=15258.76, direct_or_indirect="D")
    return row


def test_right_hand_cells_printed_after_the_footnotes_are_found_there():
    # plain pdftotext of a Microsoft director's grant: Table II's columns 7-11 print after
    # the first footnote, far beyond the row's span; the footnote's "common stock" is no cell
    rec = _record(footnotes=["Each restricted stock unit represents a right to one share of Microsoft common stock."])
    rec["derivative_transactions"] = [_grant()]
    left = "Restricted\nStock Units\n\n09/06/2024\n\nA\n\n224.048\n\n" + "Date\nExercisable\n" * 60
    notes = ("Explanation of Responses:\n(1) Each restricted stock unit represents a right to one share of "
             "Microsoft common stock.\n\nCommon\nStock\n\n8. Price of\nDerivative\n\n224.048\n\n$0\n\n"
             "9. Number of\n\n15,258.76\n\nD\n\nAnthony Scarfo\n02/20/2014\n")
    text = HEADER.format(state="MA") + TABLE1 + "Table II - Derivative Securities Acquired\n" + left + notes
    a = align(text, rec)
    for label, cells in [("und_title", ["Common", "Stock"]), ("und_shares", ["224.048"]), ("price", ["0"]),
                         ("owned", ["15,258.76"]), ("di", ["D"])]:
        assert _labelled(text, a, label) == cells
    assert a.report["owned"] == (1, 1)


def test_a_title_is_not_taken_from_a_footnotes_sentence():
    rec = _record(footnotes=["The warrants were exercised for 697,674 Tranche A purchase warrants, each for one share."])
    rec["derivative_transactions"] = [_grant(title="Tranche A purchase warrants")]
    text = (HEADER.format(state="MA") + TABLE1 + "Table II - Derivative Securities Acquired\n"
            + "Explanation of Responses:\n(1) The warrants were exercised for 697,674 Tranche A purchase "
            "warrants, each for one share.\n")
    assert _labelled(text, align(text, rec), "title") == []


@pytest.mark.parametrize("notes", [
    # an odd number of lines: the mark opens the middle one; an even number: alone between
    "      The first note\n(1)   runs over\n      three lines.\n      The second note\n(2)\n"
    "      has two.\n(3) The third.\n",
    # plain pdftotext: the marks in a column of their own
    "(1)   The first note runs over three lines.\n(2)\n(3)\n\nThe second note has two.\nThe third.\n",
])
def test_footnote_mark_centred_or_apart_from_its_text_is_found(notes):
    texts = ["The first note runs over three lines.", "The second note has two.", "The third."]
    text = HEADER.format(state="MA") + TABLE1 + TAIL.replace("1. Tax withholding.\n", notes)
    a = align(text, _record(footnotes=texts))
    assert _labelled(text, a, "fn_id") == ["(1)", "(2)", "(3)"]
    assert " ".join(_labelled(text, a, "fn_text")).split() == " ".join(texts).split()


@pytest.mark.parametrize("row, below, label, pieces", [
    ("Common Stock  02/18/2014  F  122,7  D  $2  1,500  D", "                               28",
     "shares", ["122,7", "28"]),
    ("Common Stock  02/18/2  F  122,728  D  $2  1,500  D", "                   014",
     "tx_date", ["02/18/2", "014"]),
    ("Common Stock  02/18/2014  F  122,728  D  $2.  1,500  D", "                                        5",
     "price", ["2.", "5"]),
])
def test_value_cut_at_its_column_edge_is_found_with_its_tail_below(row, below, label, pieces):
    """A fixed-width table cuts a number or date longer than its column; the rest stands
    on the next line in the same column, not next to the head."""
    rec = _record([{"shares": 122728, "price_per_share": 2.5 if label == "price" else 2,
                    "shares_owned_following": 1500}])
    text = HEADER.format(state="MA") + TABLE1 + row + "\n" + below + "\n" + TAIL
    spans = [s for s in align(text, rec).spans if s[2] == label]
    assert [text[s:e] for s, e, *_ in spans] == pieces
    assert [part for *_, part in spans] == [0, 1]


def test_tail_in_another_column_below_is_not_taken_as_a_cut():
    rec = _record([{"shares": 12228, "price_per_share": 2, "shares_owned_following": 1500}])
    text = (HEADER.format(state="MA") + TABLE1 + "Common Stock  02/18/2014  F  122  D  $2  1,500  D\n"
            + "                                       28\n" + TAIL)
    assert _labelled(text, align(text, rec), "shares") == []


NATURE_ROW = {"shares": 122728, "price_per_share": 2, "shares_owned_following": 1500,
              "direct_or_indirect": "I", "nature_of_ownership": "See footnote", "footnote_ids": ["F3"]}


@pytest.mark.parametrize("row, below", [
    # the EDGAR ASCII layout closes each cell with "|"; a long cell is cut inside a word
    ("Common Stock|02/18/2014|F|122,728|D|$2|1,500|I|See footnot",
     "            |          | |       | |  |     | |e[F3]"),
    ("Common Stock  02/18/2014  F  122,728  D  $2  1,500  I  See footno",
     "                                                       te [F3]"),
])
def test_text_cut_inside_a_word_is_found_with_its_tail_and_mark_below(row, below):
    rec = _record([NATURE_ROW], footnotes=["", "", "Held by a trust."])
    text = HEADER.format(state="MA") + TABLE1 + row + "\n" + below + "\n" + TAIL
    a = align(text, rec)
    spans = [sp for sp in a.spans if sp[2] == "nature"]
    assert "".join(text[s:e] for s, e, *_ in spans) == "See footnote"
    assert [part for *_, part in spans] == [0, 1]
    assert _labelled(text, a, "fn_mark") == ["[F3]"]


@pytest.mark.parametrize("below, found", [
    ("        te", True),
    ("             te", False),         # the next line goes on in another column
    ("        tea", False),             # not the rest of the value
])
def test_cut_text_takes_the_rest_of_the_value_from_the_cell_below_only(below, found):
    text = "Common  See footno\n" + below + "\n"
    assert bool(Aligner(text).cut_text("See footnote", 0, len(text))) is found


def test_other_owners_repeating_box_1_in_the_header_are_aligned():
    rec = _record()
    rec["reporting_owners"].append({**rec["reporting_owners"][0], "name": "Scarfo Family Trust",
                                    "is_officer": False, "officer_title": None, "is_director": True})
    box = "1. Name and Address of Reporting Person (continued)\n{}\n4 TECHNOLOGY PARK DRIVE\nWESTFORD MA 01886\n"
    text = HEADER.format(state="MA") + box.format("Scarfo Family Trust") + TABLE1 + TAIL
    a = align(text, rec)
    assert _labelled(text, a, "owner_name") == ["Scarfo Anthony", "Scarfo Family Trust"]
    assert len(_labelled(text, a, "owner_street1")) == 2 and len(_labelled(text, a, "owner_zip")) == 2


def test_holdings_before_transactions_are_still_aligned():
    rec = _record([{"shares": 10, "price_per_share": 4, "shares_owned_following": 20}])
    holding = empty_row("non_derivative_holdings")
    holding.update(security_title="Common Stock", shares_owned_following=777,
                   direct_or_indirect="I", nature_of_ownership="By Trust")
    rec["non_derivative_holdings"] = [holding]
    text = (HEADER.format(state="MA") + TABLE1 + "Common Stock 777 I By Trust\n"
            "Common Stock 02/18/2014 F 10 D $4 20 D\n" + TAIL)
    a = align(text, rec)
    assert a.coverage == 1.0
    assert _labelled(text, a, "nature") == ["By Trust"]


SEED_LIKE = (
    "1. Name and Address of Reporting Person*  Scarfo Anthony  (Last) (First) (Middle)  "
    "4 TECHNOLOGY PARK DRIVE  (Street)  WESTFORD MA 01886\t2. Issuer Name and Ticker or Trading "
    "Symbol SONUS NETWORKS INC [ SONS ]  3. Date of Earliest Transaction 02/18/2014\t"
    "Director 10% Owner     X Officer (give title Other     EVP\n"
    "\t\tTabl\tle I - No\tn-Deriv\tative\tSec\tcuritie\n"
    "Common\tStock\t\t/2014\t2014\t\tF\t\t25.893\t(1)\tD\t\\$3.17\t\t302,060\tD\n"
    "Common Stock 02/18/2\t\t\t2014\t\tF\t\t45,838 <sup>(2)</sup> D\t\\$3.\t3\t378,950\tD\n"
    "\tTable II - Derivative Securities Acquired\n## Explanation of Responses:\n"
    "- 1. PAYMENT OF TAX LIABILITY.\n- 2. PAYMENT OF TAX.\n\n## Remarks:\n\nAnthony Scarfo\n"
    "\\*\\* Signature of Reporting Person\n\n02/20/2014\n")


def test_seed_like_text_aligns_most_values():
    rec = _record([{"shares": 25893, "price_per_share": 3.17, "shares_owned_following": 302060,
                    "footnote_ids": ["F1"]},
                   {"shares": 45838, "price_per_share": 3.3, "shares_owned_following": 378950,
                    "footnote_ids": ["F2"]}],
                  footnotes=["PAYMENT OF TAX LIABILITY.", "PAYMENT OF TAX."])
    a = align(SEED_LIKE, rec)
    assert a.coverage >= 0.9
    assert _labelled(SEED_LIKE, a, "title")[:2] == ["Common", "Stock"]
    assert _labelled(SEED_LIKE, a, "price") == ["3.17", "3.", "3"]
    assert _labelled(SEED_LIKE, a, "fn_mark") == ["(1)", "<sup>(2)</sup>"]
    assert _labelled(SEED_LIKE, a, "fn_id") == ["1.", "2."]


def test_poor_alignment_is_flagged_and_summarised():
    good = align(HEADER.format(state="MA") + TABLE1 + TAIL, _record())
    bad = align("nothing to see here", _record())
    assert bad.poor() and not good.poor()
    assert poorly_aligned([("good", good), ("bad", bad)]) == [("bad", bad.coverage)]
    assert "owner_name" in summarise([good, bad])


CORPUS = shared_dir() / "corpus" / "form4"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_corpus_filing_rendered_by_sec_stylesheet_aligns_fully():
    lxml_html = pytest.importorskip("lxml.html")
    xml_record = pytest.importorskip("form4ml.xml_record")
    from training.render_html import sec_html

    path = CORPUS / "ConnorVO__springloading_insider_trades__tests_xml_xml_deriv_and_nonderiv.xml"
    text = lxml_html.fromstring(sec_html(path)).text_content()
    a = align(text, xml_record.read_record(path))
    assert a.coverage >= 0.95
    assert _labelled(text, a, "owner_state") == ["CALIFORNIA"]
