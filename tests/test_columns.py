"""Reading Table II's A/D sub-column from the cell an amount stands in (texts cut from
real filings' renderings: PayPal's Class B conversions, code J and M rows acquired)."""
import pytest

from form4ml.assemble import assemble
from form4ml.columns import read_sub_columns
from form4ml.pieces import Piece
from form4ml.tokenize import tokenize

PLAIN = ("Title\tExercise Price\tDate\tDeemed Date\tCode\tV\t(A)\t(D)\tExercisable\tExpiration\t"
         "Underlying\tUnderlying Shares\tPrice\tOwned After\tD/I\tNature\n"
         "Class B Common Stock 1\t 1\t5/17/19\t\tJ 2\t\t\t24,791\t 1\t 1\tClass A Common Stock\t"
         "24,791\t$69.35 3\t16,840\tI\tBy The Founders Fund IV, LP 4")
PLUMBER = ("\t\t\t\tCode\tV\t(A)\t(D)\tDate Exercisable\tExpiration Date\tTitle\t"
           "Amount or Number of Shares\t\t\t\t\n"
           "Class B Common Stock (3)\t$ 0\t12/15/2011\t\tM\t\t1,412,997\t\t(4)\t(4)\t"
           "Class A Common Stock\t1,412,997\t$ 0\t1,412,997\tD\t")
ASCII = ("1. Title of   |2.          |3.          |3A. Deemed  |4.          |V           |5. Number |(D)     |6. Date\n"
         "              |            |            |            |            |            |(A)       |        |\n"
         "Class B Common|[F1]        |05/17/2019  |N/A         |J[F2]       |            |          |24791   |[F1]")
SEMICOLONS = ("Title; Exercise Price; Date; Deemed Date; Code; V; (A); (D); Exercisable; Expiration; Underlying; "
              "Underlying Shares; Price; Owned After; D/I; Nature\n"
              "Share Option (right to buy); 2.83; 12/08/2025; ; A; ; ; 60000; [F2]; 07/25/2032; Ordinary Shares; "
              "60000; 0; 0; D; ")
# a scanned table's row of the heading's length whose cells stand one off (code left of V's left)
SHIFTED = ("\t\t\t\t\t\t\t\tCode\tV\t(A)\t(D)\tDate Exercisable\tExpiration Date\tTitle\tAmount\t\t\t\t\t\t\t\t\n"
           "Series D Preferred Stock\t(1)\t02/06/2024\t-\t\t\t\tC\t\t\t545,450\t(1)\t(1)\tCommon Stock\t"
           "254,170\t(1)\t0\t\t\tD(2)\t\t\t\t")
# pdftotext -layout: columns of spaces drift, so no side is read
LAYOUT = ("                 Code   V      (A)    (D)\n"
          "Stock    03/09/2023 A            36.757")


def sides_of(text, code, shares, title=None):
    """Sides read for ``text`` when the last line's token ``code`` is tagged a code,
    each token ``shares`` of the last line an amount and a token ``title`` a title's
    first word (all lines in Table II)."""
    tokens = tokenize(text)
    last = max(t.line for t in tokens)
    by_text = {code: "B-code", shares: "B-shares", title: "B-title"}
    tags = [by_text.get(t.text, "O") if t.line == last else "O" for t in tokens]
    lines = text.split("\n")
    sides = read_sub_columns(tokens, tags, [0.9] * len(tokens), lines, ["table2"] * len(lines))
    return sorted((tokens[i].text, tokens[i].col, side) for i, side in sides.items())


@pytest.mark.parametrize("text, code, shares, side", [
    (PLAIN, "J", "24,791", "D"),
    # the amount stands under (A); the same number in the underlying amount's cell is left
    (PLUMBER, "M", "1,412,997", "A"),
    (ASCII, "J", "24791", "D"),
    # a plain copy's cells split by semicolons: an option grant's amount under (D)
    (SEMICOLONS, "A", "60000", "D"),
], ids=["plain-tabs", "pdfplumber-tabs", "ascii-pipes", "plain-semicolons"])
def test_amount_sides_read_the_sub_column_under_the_amount(text, code, shares, side):
    first = text.split("\n")[-1].index(shares)
    assert sides_of(text, code, shares) == [(shares, first, side)]


@pytest.mark.parametrize("text, code, shares", [
    (SHIFTED, "C", "545,450"),
    (LAYOUT, "A", "36.757"),
    (PLUMBER, "X", "1,412,997"),       # no transaction code beside the V column
], ids=["scan-cells-shifted", "layout-spaces", "no-code-left-of-V"])
def test_amount_sides_leave_rows_that_do_not_line_up(text, code, shares):
    assert sides_of(text, code, shares) == []


# a markdown dump joins and breaks the heading's cells, so no heading line has the row's
# length; the row keeps all sixteen cells
MARKDOWN = ("1. Title of Derivative Security (Instr.\t3)\t2. Conversion or Exercise Price\t"
            "4. Transaction Code (Instr. 8) Code\tV\t5. Number of Derivative Securities\n"
            "Class B Common Stock (1)\t(1)\t5/17/19\tN/A\tJ (2)\t\t\t24,791.00\t(1)\t(1)\t"
            "Class A Common Stock\t24,791.00\t$69.35 (3)\t16,840.00\tI\tBy The Founders Fund IV, LP (4)\t")


@pytest.mark.parametrize("text, side", [
    (MARKDOWN, "D"),
    (MARKDOWN.replace("\t\t\t24,791.00\t", "\t\t24,791.00\t\t"), "A"),
    # a scan's row split into more cells than Table II has
    (MARKDOWN.replace("\t(1)\tClass A", "\t\t\t\t(1)\tClass A"), None),
    # a cell before the title: the row's cells shifted
    (MARKDOWN.replace("\nClass B", "\n\tClass B").replace("\t24,791.00\t$", "\t$"), None),
    # the other sub-column holds something too
    (MARKDOWN.replace("\t\t\t24,791.00\t", "\t\t(5)\t24,791.00\t"), None),
], ids=["d", "a", "scan-split", "shifted", "both-filled"])
def test_amount_sides_read_from_a_row_keeping_its_cells_where_no_heading_lines_up(text, side):
    row = text.split("\n")[-1]
    expected = [("24,791.00", row.index("24,791.00"), side)] if side else []
    assert sides_of(text, "J", "24,791.00", title="Class") == expected


def derivative_row(side, ad=None):
    pieces = [Piece("title", "Class B Common Stock", 0, 1, "table2", 0.9),
              Piece("tx_date", "12/15/2011", 0, 1, "table2", 0.9),
              Piece("code", "M", 0, 1, "table2", 0.9),
              Piece("shares", "1,412,997", 0, 1, "table2", 0.9, side=side)]
    pieces += [Piece("ad", ad, 0, 1, "table2", 0.9)] if ad else []
    return pieces + [Piece("und_title", "Class A Common Stock", 0, 1, "table2", 0.9),
                     Piece("owned", "1,412,997", 0, 1, "table2", 0.9),
                     Piece("di", "D", 0, 1, "table2", 0.9)]


@pytest.mark.parametrize("side, ad, expected", [
    ("A", None, "A"),      # the sub-column outranks the usual side of code M
    (None, None, "D"),     # no sub-column read: the usual side of the code
    ("A", "D", "D"),       # a letter the text gives outranks both
], ids=["side", "code", "letter"])
def test_assemble_takes_a_derivative_rows_side_from_its_amounts_sub_column(side, ad, expected):
    record = assemble(derivative_row(side, ad), {"derivative_transactions": {"M": "D"}})
    assert record["derivative_transactions"][0]["acquired_disposed"] == expected


def retagged(text):
    """Tags and sides read from a Table II text the CRF left untagged, as
    [(token, tag, side)]."""
    tokens = tokenize(text)
    tags, confidences = ["O"] * len(tokens), [None] * len(tokens)
    lines = text.split("\n")
    sides = read_sub_columns(tokens, tags, confidences, lines, ["table2"] * len(lines))
    return [(t.text, tag, sides.get(i)) for i, (t, tag) in enumerate(zip(tokens, tags))]


@pytest.mark.parametrize("text, expected", [
    ("A\t\t328\t\t(2)\t(2)\tCommon Stock\t328",
     [("A", "B-code", None), ("328", "B-shares", "A"), ("(2)", "B-fn_mark", None),
      ("(2)", "B-fn_mark", None), ("Common", "B-und_title", None), ("Stock", "I-und_title", None),
      ("328", "B-und_shares", None)]),
    ("M\t\t\t1,429\t02/01/2020(2)\t02/01/2020(2)\tCommon Stock\t1,429.00",
     [("M", "B-code", None), ("1,429", "B-shares", "D"), ("02/01/2020", "B-ex_date", None),
      ("(2)", "B-fn_mark", None), ("02/01/2020", "B-exp_date", None), ("(2)", "B-fn_mark", None),
      ("Common", "B-und_title", None), ("Stock", "I-und_title", None), ("1,429.00", "B-und_shares", None)]),
    ("C(1)\t\t\t78,667\t(2)(3)\t(2)(3)\tClass A Common Stock\t78,667",
     [("C", "B-code", None), ("(1)", "B-fn_mark", None), ("78,667", "B-shares", "D")]
     + [("(2)", "B-fn_mark", None), ("(3)", "B-fn_mark", None)] * 2
     + [("Class", "B-und_title", None), ("A", "I-und_title", None), ("Common", "I-und_title", None),
        ("Stock", "I-und_title", None), ("78,667", "B-und_shares", None)]),
], ids=["paypal-acquired", "apple-dates-marked", "paypal-code-marked"])
def test_sub_table_rows_take_the_labels_of_table_twos_sub_columns(text, expected):
    assert retagged(text) == expected


@pytest.mark.parametrize("text", [
    "Common Stock\t08/15/2025\t\tF\t\t88.645\tD\t$ 522.48",          # a Table I row, eight cells
    "A\t\t328\t\t(2)\t(2)\tCommon Stock\t328\t$ 0",                   # nine cells
    "A\t\t328\t500\t(2)\t(2)\tCommon Stock\t328",                    # an amount in both sub-columns
])
def test_sub_table_repair_leaves_other_rows(text):
    assert all(tag == "O" for _, tag, _ in retagged(text))
