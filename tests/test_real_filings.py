"""Regressions the shipped model showed on renderings of real filings, each text cut down to
what matters."""
import pytest

from form4ml.pipeline import extract_text

# A Microsoft filing printed by the SEC stylesheet, text by plain pdftotext (pdf_raw): the
# owner's state written out (WASHINGTON), the ZIP broken over two lines. Filings of only two
# of the 101 training issuers have an owner in Washington: the model read the state as part
# of the city and lost the ZIP.
REDMOND_WASHINGTON = """\
FORM 4
UNITED STATES SECURITIES AND EXCHANGE COMMISSION
Washington, D.C. 20549
STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES
Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or Section 30(h) of the
Investment Company Act of 1940
OMB APPROVAL
OMB Number: 3235-0287
Estimated average burden
hours per response... 0.5
(Print or Type Responses)
1. Name and Address of Reporting Person *
Coleman Amy
2. Issuer Name and Ticker or Trading
Symbol
MICROSOFT CORP [MSFT]
2a. Foreign Trading Symbol
5. Relationship of Reporting Person(s) to
Issuer
(Check all applicable)
_____ Director _____ 10% Owner
__X__ Officer (give title
below)
_____ Other (specify
below)
EVP, Chief Human Resources Off
(Last) (First) (Middle)
C/O MICROSOFT CORPORATION
ONE MICROSOFT WAY
3. Date of Earliest Transaction
(Month/Day/Year)
08/15/2025
(Street)
REDMOND WASHINGTON
98052-
6399
4. If Amendment, Date Original
Filed(Month/Day/Year)
6. Individual or Joint/Group Filing(Check
Applicable Line)
_X_ Form filed by One Reporting Person
___ Form filed by More than One Reporting Person
(City) (State)
(Zip/Postal
Code)
"""


@pytest.mark.slow
@pytest.mark.parametrize("key, value", [
    ("name", "Coleman Amy"),
    ("city", "REDMOND"),
    ("state", "WA"),
    ("zip_code", "98052-6399"),
])
def test_owner_in_a_state_no_training_filing_shows(shipped_model, key, value):
    owner = extract_text(REDMOND_WASHINGTON, shipped_model)["reporting_owners"][0]
    assert owner[key] == value


# A ProMIS Neurosciences filing printed by the SEC stylesheet, text by pdftotext -layout:
# each footnote's number stands centred on its lines, at the start of the middle one or
# alone between two. The last release found no footnote here. Cut to Table II and what
# follows: with less around them the zone CRF takes the notes for table lines.
CENTRED_FOOTNOTES = """\
                                                                        Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned
                                                                                   (e.g., puts, calls, warrants, options, convertible securities)
 1. Title of       2.            3. Transaction    3A. Deemed              4.               5. Number of                       6. Date Exercisable and 7. Title and Amount of             8. Price of 9. Number of          10.             11. Nature
 Derivative        Conversion Date                 Execution Date, if Transaction Derivative Securities                        Expiration Date               Underlying Securities        Derivative Derivative             Ownership of Indirect
 Security          or Exercise (Month/Day/Year) any                        Code             Acquired (A) or                    (Month/Day/Year)              (Instr. 3 and 4)             Security       Securities         Form of         Beneficial
 (Instr. 3)        Price of                        (Month/Day/Year) (Instr. 8)              Disposed of (D)                                                                               (Instr. 5)     Beneficially       Derivative Ownership
                   Derivative                                                               (Instr. 3, 4, and 5)                                                                                         Owned              Security:       (Instr. 4)
                   Security                                                                                                                                                                              Following          Direct (D)
                                                                                                                                                                           Amount or                     Reported           or Indirect
                                                                                                                               Date           Expiration
                                                                                                                                                             Title         Number of                     Transaction(s) (I)
                                                                                                                               Exercisable Date
                                                                               Code     V       (A)               (D)                                                      Shares                        (Instr. 4)         (Instr. 4)

 Tranche
 A
 Common                   (1)                                                                                                         (1)          (1)       Common
                                     07/25/2025                                 X                             697,674                                                697,674                 $0                   0               D
 Share                                                                                                                                                        Shares
 Purchase
 Warrants
 Tranche
 B
 Common                   (2)                                                                                                         (2)          (2)       Common
                                     07/25/2025                                 X                             697,674                                                697,674                 $0                   0               D
 Share                                                                                                                                                        Shares
 Purchase
 Warrants
 Tranche
 C
 Common                   (3)                                                                                                         (3)          (3)       Common
                                     07/25/2025                                 X                             697,674                                                697,674                 $0                   0               D
 Share                                                                                                                                                        Shares
 Purchase
 Warrants
 Warrant
 to
                          (4)                                                                                                         (4)          (4)       Common                           (4)
 Purchase                            07/29/2025                                 P           3,139,533                                                                3,139,533                              3,139,533             D
                                                                                                                                                              Shares
 Common
 Shares


Reporting Owners
                                                                                      Relationships
                  Reporting Owner Name / Address
                                                                      Director 10% Owner Officer Other
 Jeremy M. Sclar 2012 Irrevocable Family Trust
 33 BOYLSTON STREET, SUITE 3000
 CHESTNUT HILL
                                                                                 X
 MASSACHUSETTS
 02467
 UNITED STATES


Signatures
 Jeremy M. Sclar 2012 Irrevocable Family Trust By: /s/ Richard A. Marks, Trustee                                        09/30/2025
                                         **
                                          Signature of Reporting Person                                                    Date




Explanation of Responses:
*     If the form is filed by more than one reporting person, see Instruction 4(b)(v).
** Intentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).

      On July 25, 2025, the Jeremy M. Sclar 2012 Irrevocable Family Trust (the "JS Trust") exercised 697,674 Tranche A purchase warrants, each exercisable to purchase one Common Share. These warrants
(1) were exercisable at an exercise price of $2.02 per warrant share; however, following an offer by the JS Trust and an acceptance by the Issuer, were exercised in full at an exercise price of $0.83518 per
      share.
      On July 25, 2025, the JS Trust exercised 697,674 Tranche B purchase warrants, each exercisable to purchase one Common Share. These warrants were exercisable at an exercise price of $2.02 per warrant
(2)
      share; however, following an offer by the JS Trust and an acceptance by the Issuer, were exercised in full at an exercise price of $0.83518 per share.

      On July 25, 2025, the JS Trust exercised 697,674 Tranche C purchase warrants, each exercisable to purchase one Common Share. These warrants were exercisable at an exercise price of $2.50 per warrant
(3)
      share; however, following an offer by the JS Trust and an acceptance by the Issuer, were exercised in full at an exercise price of $0.83518 per share.
      On July 29, 2025, the JS Trust acquired a warrant to purchase 3,139,533 Common Shares at an exercise price of $1.25 per share. The purchase price for the warrant was $0.1875 per Common Share
(4)
      underlying the warrant. The warrant is currently exercisable and expires five years after the date of issuance.

Note: File three copies of this Form, one of which must be manually signed. If space is insufficient, see Instruction 6 for procedure.

Potential persons who are to respond to the collection of information contained in this form are not required to respond unless the form displays a currently valid OMB number.
* Form 4: SEC 1474 (03-26)
"""


@pytest.mark.slow
@pytest.mark.parametrize("i, ident, start, end", [
    (0, "F1", "On July 25, 2025, the Jeremy M. Sclar", "exercise price of $0.83518 per share."),
    (1, "F2", "On July 25, 2025, the JS Trust exercised 697,674 Tranche B", "$0.83518 per share."),
    (2, "F3", "On July 25, 2025, the JS Trust exercised 697,674 Tranche C", "$0.83518 per share."),
    (3, "F4", "On July 29, 2025, the JS Trust acquired a warrant", "five years after the date of issuance."),
])
def test_footnote_numbers_centred_on_their_notes(shipped_model, i, ident, start, end):
    notes = extract_text(CENTRED_FOOTNOTES, shipped_model)["footnotes"]
    assert len(notes) == 4
    assert notes[i]["id"] == ident
    assert notes[i]["text"].startswith(start) and notes[i]["text"].endswith(end)


# A Microsoft filing printed by the SEC stylesheet, text by pdftotext -layout, Table I of
# one holding: the row is centred on its short cells, so the nature cell's first word
# stands above the title (``By`` / ``Living`` / ``Trust``). The last release split the
# holding in two rows, ``By`` alone in the first.
CENTRED_HOLDING = """\
                                                                                                                         Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
 UNITED STATES
 (Country)

 1.Title of Security                               2. Transaction   2A. Deemed       3. Transaction                      4. Securities Acquired    5. Amount of Securities Beneficially           6.          7. Nature
 (Instr. 3)                                        Date             Execution Date, Code                                 (A) or Disposed of (D)    Owned Following Reported                       Ownership of Indirect
                                                   (Month/Day/Year) if any           (Instr. 8)                          (Instr. 3, 4 and 5)       Transaction(s)                                 Form:       Beneficial
                                                                    (Month/Day/Year)                                                               (Instr. 3 and 4)                               Direct (D) Ownership
                                                                                                                                                                                                  or Indirect (Instr. 4)
                                                                                                                                    (A) or                                                        (I)
                                                                                                     Code          V     Amount      (D) Price                                                    (Instr. 4)

                                                                                                                                                                                                                   By
 Common Stock                                                                                                                                      15,805                                         I                Living
                                                                                                                                                                                                                   Trust

Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.
"""


@pytest.mark.slow
def test_holding_whose_nature_begins_above_its_title_is_one_row(shipped_model):
    rows = extract_text(CENTRED_HOLDING, shipped_model)["non_derivative_holdings"]
    assert [(r["security_title"], r["shares_owned_following"], r["direct_or_indirect"], r["nature_of_ownership"])
            for r in rows] == [("Common Stock", 15805, "I", "By Living Trust")]


# A Founders Fund filing on Facebook, a markdown dump of its scan (markdown_scan): the fifth
# row's holding, 607, broken into two cells (``60`` / ``7``). The holding was lost; the
# holdings' arithmetic (27,891 - 27,284 sold; 607 - 607 sold = 0 below) gives it back.
SPLIT_HOLDING = (
    "Table I - Non-Derivative Securitie Acquired, Disposed of, or Beneficially Owned\t\t\t\n"
    "1. Title of Security (Instr. 3)\t2. Transaction Date (Month/Day/Year)\t2A. Deemed Execution Date, if any"
    " (Month/Day/Year)\t3. Transaction Code (Instr. 8)\t\t4. Securities Acquired (A) or Disposed Of (D) (Instr. 3,"
    " 4 and 5)\t5. Amount of Securities Beneficially Owned Following Reported Trasaction(s) (Instr. 3 and 4)\t6."
    " Ownership Form: Direct (D) or Indirect (I) (Instr. 4)\t7. Nature of Indirect Benefcial Ownership (Instr. 4)\n"
    "\t\t\t\t\tCode\tV\tAmount\t(A) or (D)\tPrice\t\t\t\n"
    "Class A Common Stock\t07/28/\t2017\tC\t\t45,659 A\t0\t45,659\tI\t\t\tBy The Founders Fund IV, LP (1)\n"
    "\t\tClass A Common Stock\t07/28/2017\t\tS\t<sup>(2)</sup>\t\t\t1,816\t\t\t\tD\t\t\t169.486 (3)\t\t\t\t43,843"
    "\tI\tBy The Founders Fund IV,\tLP\t(1)\n"
    "Class A Common Stock\t07/\t28/2017\t\t\t\t\tS\t<sup>(2)</sup>\t)\t1,135\tD\t\t\t\t170.4923\t<sup>(4)</sup>\t\t"
    "42,708\tI\tBy The Founders Fund IV, LP\t<sup>(1)</sup>\t\t\n"
    "Class A Common Stock\t07/28/2017\tS\t<sup>(2)</sup>\t14,817\t\tD\t171.9049 (5)\t27,891 I\t\t\t\tBy The Founders"
    " Fund IV, LP\t(1)\t\t\t\n"
    "\t\tClass A Common Stock\t07/\t\t\t\t\t28/2017\t\t\tS <sup>(2)</sup> \t\t\t\t27,284\t\t\tD\t172.6701"
    " <sup>(6)</sup> )\t60\t7\t\t\t\tI\t\t\t\tBy The Founders Fund IV, LP\t(1)\t\t\t\t\t\n"
    "Class A Common Stock\t\t\t\t07/\t\t\t\t28/2017\tS (2)\t\t\t\t\t607\tD\t\t173.2676\t(7)\t\t\t0\t\t\tI\t\t\t\t"
    "By The Founders Fund IV, LP\t<sup>(1)</sup>\n"
    "\tTable II - Derivative Securities Acquired, isposed of, or Beneficially Owned (e.g., puts, calls, warrants,"
    " options, convertible securitie)\t\t\t\n")


@pytest.mark.slow
def test_holding_split_in_two_cells_is_given_back_by_the_holdings_arithmetic(shipped_model):
    rows = extract_text(SPLIT_HOLDING, shipped_model)["non_derivative_transactions"]
    assert [(r["shares"], r["shares_owned_following"]) for r in rows] == [
        (45659, 45659), (1816, 43843), (1135, 42708), (14817, 27891), (27284, 607), (607, 0)]


# A performance-unit settlement (rs-kellogg 1632944), the plain style's semicolon cells: the
# CRF left the underlying amount untagged beside the footnote mark that stands in the price
# cell. Units settle one for one: the underlying amount is the number of units.
UNITS_SETTLED = (
    "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned (e.g., puts, calls,"
    " warrants, options, convertible securities)\n"
    "Title; Exercise Price; Date; Deemed Date; Code; V; (A); (D); Exercisable; Expiration; Underlying;"
    " Underlying Shares; Price; Owned After; D/I; Nature\n"
    "Stock-Settled Performance Stock Units; <sup>(4)</sup>; 08/15/2020; ; M; ; ; 81,217.00<sup>(1)</sup>;"
    " 08/15/2020; 08/15/2020; Class A Common Stock; 81,217.00; <sup>(2)</sup>; 0.00; D; \n")


@pytest.mark.slow
def test_units_settled_give_their_number_as_the_underlying_amount(shipped_model):
    rows = extract_text(UNITS_SETTLED, shipped_model)["derivative_transactions"]
    assert [(r["shares"], r["underlying_shares"]) for r in rows] == [(81217, 81217)]


# An option grant printed by the SEC stylesheet, text by pdftotext -layout (rs-kellogg
# 1286331): the title a word a line, its last word ``Options`` read by the CRF as an
# underlying amount, which had cut the row's underlying amount, price and amount owned off
# into cells no rule tied to a row (left out with a warning). A word is no amount: it goes
# on with the title, and the row holds its cells.
TALL_OPTION_GRANT = """\
                                          Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned
Non
Employee
Stock                                                                                                                         Common
Options
          $ 23.35                   02/12/2020                         A         3,750      02/12/2020(1) 02/12/2030           Stock
                                                                                                                                     3,750 $ 23.35              13,550
(Right to
Buy)


Reporting Owners
"""


@pytest.mark.slow
def test_a_tall_titles_last_word_read_as_an_amount_leaves_the_row_its_cells(shipped_model):
    record = extract_text(TALL_OPTION_GRANT, shipped_model)
    [row] = record["derivative_transactions"]
    assert row["security_title"].startswith("Non Employee Stock Options")
    assert (row["transaction_code"], row["underlying_shares"], row["price_per_share"],
            row["shares_owned_following"]) == ("A", 3750, 23.35, 13550)
    assert not any("read apart from every row" in w for w in record["warnings"])


# A Tesla holder's thirty sales of one day, text by ``pdftotext -layout``: each row's amount
# and price stand on the line above its title, their marks on the title's line. Each row
# took the amount of the row below it, the first amount making a row of its own.
RAISED_CELLS = """\

1.Title of Security                                                        2. Transaction     2A. Deemed              3. Transaction Code           4. Securities Acquired (A) or      5. Amount of Securities Beneficially Owned Following               6.          7. Nature
(Instr. 3)                                                                 Date               Execution Date, if      (Instr. 8)                    Disposed of (D)                    Reported Transaction(s)                                            Ownership of Indirect
                                                                           (Month/Day/Year)   any                                                   (Instr. 3, 4 and 5)                (Instr. 3 and 4)                                                   Form:       Beneficial
                                                                                              (Month/Day/Year)                                                                                                                                            Direct (D) Ownership
                                                                                                                                                                                                                                                          or Indirect (Instr. 4)
                                                                                                                                                                (A) or                                                                                    (I)
                                                                                                                          Code               V       Amount      (D)           Price                                                                      (Instr. 4)

                                                                                                                                                    19,414               $ 957.768
Common Stock                                                               12/16/2021                                     S(1)                      (2)         D        (3)           1,493,649                                                          D

                                                                                                                                                    28,441               $ 958.596
Common Stock                                                               12/16/2021                                     S(1)                      (2)         D        (4)           1,465,208                                                          D

                                                                                                                                                    33,321               $ 959.564
Common Stock                                                               12/16/2021                                     S(1)                      (2)         D        (5)           1,431,887                                                          D

                                                                                                                                                    20,024               $ 960.69
Common Stock                                                               12/16/2021                                     S(1)                      (2)         D        (6)           1,411,863                                                          D

                                                                                                                                                    22,875               $ 961.774
Common Stock                                                               12/16/2021                                     S(1)                      (2)         D        (7)           1,388,988                                                          D
"""


@pytest.mark.slow
def test_amounts_printed_above_their_rows_title_line_stay_with_that_row(shipped_model):
    rows = extract_text(RAISED_CELLS, shipped_model)["non_derivative_transactions"]
    assert [(r["shares"], r["price_per_share"], r["shares_owned_following"]) for r in rows] == [
        (19414, 957.768, 1493649), (28441, 958.596, 1465208), (33321, 959.564, 1431887), (20024, 960.69, 1411863)]


# A Sequoia fund's Form 4, text by ``pdftotext -layout``: the holdings' natures, each
# centred on its row (three lines above, two below, or one and one), one stack of words a
# line. The first two natures lost their heads to the row above and the row below.
STACKED_NATURES = """\
                                                                                                       Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially
UNITED STATES                                                                                                                            Owned

(Country)

1.Title of Security                         2. Transaction   2A. Deemed       3. Transaction 4. Securities Acquired 5. Amount of Securities                           6.          7. Nature
(Instr. 3)                                  Date             Execution Date, Code            (A) or Disposed of (D) Beneficially Owned Following                      Ownership of Indirect
                                            (Month/Day/Year) if any           (Instr. 8)     (Instr. 3, 4 and 5)    Reported Transaction(s)                           Form:       Beneficial
                                                             (Month/Day/Year)                                       (Instr. 3 and 4)                                  Direct (D) Ownership
                                                                                                                                                                      or Indirect (Instr. 4)
                                                                                                                  (A) or                                              (I)
                                                                                     Code          V    Amount     (D) Price                                          (Instr. 4)

                                                                                                        223
Class A Common Stock                        07/01/2022                                A                 (1)       A       $ 0 17,977                                  D

                                                                                                                                                                                     Sequoia
                                                                                                                                                                                     Capital
                                                                                                                                                                                     U.S.
Class A Common Stock                                                                                                            1,862                                 I              Growth
                                                                                                                                                                                     Fund IV,
                                                                                                                                                                                     L.P. (2)
                                                                                                                                                                                     Sequoia
                                                                                                                                                                                     Capital
                                                                                                                                                                                     USGF
Class A Common Stock                                                                                                            77                                    I              Principals
                                                                                                                                                                                     Fund IV,
                                                                                                                                                                                     L.P. (2)
                                                                                                                                                                                     By estate
Class A Common Stock                                                                                                            684,741                               I              planning
                                                                                                                                                                                     vehicle
"""


@pytest.mark.slow
def test_natures_stacked_over_rows_are_each_rows_own(shipped_model):
    rows = extract_text(STACKED_NATURES, shipped_model)["non_derivative_holdings"]
    assert [(r["shares_owned_following"], r["nature_of_ownership"]) for r in rows] == [
        (1862, "Sequoia Capital U.S. Growth Fund IV, L.P."), (77, "Sequoia Capital USGF Principals Fund IV, L.P."),
        (684741, "By estate planning vehicle")]


# A Facebook filing (Peter Thiel) printed by the SEC stylesheet, text by pdftotext
# -layout: Table II's two conversions, each title (``Class B`` / ``Common`` / row /
# ``Stock``) and nature (``By The`` / ``Founders`` / row / ``Fund IV,`` / ``LP (1)``)
# centred on its row. The CRF began the title again at ``Common``, read the second row's
# amount as an amount owned, and left the nature's ``LP`` unread.
CENTRED_TALL_CELLS = """\
                                                                     Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned
                                                                                (e.g., puts, calls, warrants, options, convertible securities)
1. Title of    2.          3. Transaction   3A. Deemed       4.         5. Number of 6. Date Exercisable                           7. Title and Amount   8. Price   9. Number of 10.           11. Nature
Derivative     Conversion Date              Execution Date, Transaction Derivative    and Expiration Date                          of Underlying         of         Derivative     Ownership of Indirect
Security       or Exercise (Month/Day/Year) if any           Code       Securities    (Month/Day/Year)                             Securities            Derivative Securities     Form of     Beneficial
(Instr. 3)     Price of                     (Month/Day/Year) (Instr. 8) Acquired (A)                                               (Instr. 3 and 4)      Security Beneficially     Derivative Ownership
               Derivative                                               or Disposed                                                                      (Instr. 5) Owned          Security: (Instr. 4)
               Security                                                 of (D)                                                                                      Following      Direct (D)
                                                                        (Instr. 3, 4,                                                                               Reported       or Indirect
                                                                        and 5)                                                                                      Transaction(s) (I)
                                                                                                                                                                    (Instr. 4)     (Instr. 4)
                                                                                                                                               Amount
                                                                                                                                               or
                                                                                                          Date        Expiration
                                                                                                                                 Title         Number
                                                                                                          Exercisable Date
                                                                                                                                               of
                                                                                Code   V (A)      (D)                                          Shares

Class B                                                                                                                                                                                         By The
Common                                                                                           16,840                            Class A                                                      Founders
                   (15)             08/22/2019                                   C                            (15)        (15)     Common 16,840           $0             0            I
Stock                                                                                             (16)                                                                                          Fund IV,
(15)                                                                                                                                Stock
                                                                                                                                                                                                LP (1)
                                                                                                                                                                                                By The
Class B                                                                                                                                                                                         Founders
Common                                                                                           5,406                             Class A                                                      Fund IV
                   (15)             08/22/2019                                   C                            (15)        (15)     Common 5,406            $0             0            I
Stock                                                                                             (16)                                                                                          Principals
(15)                                                                                                                                Stock                                                       Fund, LP
                                                                                                                                                                                                (8)
"""


@pytest.mark.slow
def test_tall_cells_centred_on_their_rows_are_read_whole(shipped_model):
    rows = extract_text(CENTRED_TALL_CELLS, shipped_model)["derivative_transactions"]
    assert [(r["security_title"], r["shares"], r["nature_of_ownership"]) for r in rows] == [
        ("Class B Common Stock", 16840, "By The Founders Fund IV, LP"),
        ("Class B Common Stock", 5406, "By The Founders Fund IV Principals Fund, LP")]


# A director's two grants printed by the SEC stylesheet, text by pdfplumber (a Microsoft
# filing): the first row's title and underlying title a word a line, interleaved around
# the row's line, its title's head left ``O`` by the CRF until a later rule read it.
INTERLEAVED_GRANTS = """\
Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned
(e.g., puts, calls, warrants, options, convertible securities)
1. Title of Derivative Security (Instr. 3)\t2. Conversion or Exercise Price of Derivative Security\t\
3. Transaction Date (Month/Day/Year)\t3A. Deemed Execution Date, if any (Month/Day/Year)\t\
4. Transaction Code (Instr. 8)\t\t5. Number of Derivative Securities Acquired (A) or Disposed of (D) \
(Instr. 3, 4, and 5)\t\t6. Date Exercisable and Expiration Date (Month/Day/Year)\t\t7. Title and Amount of \
Underlying Securities (Instr. 3 and 4)\t\t8. Price of Derivative Security (Instr. 5)\t9. Number of Derivative \
Securities Beneficially Owned Following Reported Transaction(s) (Instr. 4)\t10. Ownership Form of Derivative \
Security: Direct (D) or Indirect (I) (Instr. 4)
\t\t\t\tCode\tV\t(A)\t(D)\tDate Exercisable\tExpiration Date\tTitle\tAmount or Number of Shares\t\t\t
11. Natur
of Indirec
Beneficia
Ownershi
(Instr. 4)

Restricted
Common
Stock (1) 09/10/2025 A 187.361 (2) (2) 187.361 $ 0 1,485.401 D
Stock
Units
Restricted Stock Units\t(1)\t09/11/2025\t\tA\t\t2.46 (3)\t\t(2)\t(2)\tCommon Stock\t2.46\t$ 0\t1,487.862\tD
Reporting Owners
"""


@pytest.mark.slow
def test_titles_interleaved_around_a_rows_line_are_read_apart(shipped_model):
    rows = extract_text(INTERLEAVED_GRANTS, shipped_model)["derivative_transactions"]
    assert [(r["security_title"], r["underlying_security_title"]) for r in rows] == [
        ("Restricted Stock Units", "Common Stock"), ("Restricted Stock Units", "Common Stock")]


# OCR of a real filing (Microsoft, one award): Table I's heading read ``Table |``, its
# one row below the column headings, which the zone CRF took for the form's top boxes.
TABLE1_READ_AS_HEADER = """\
REDMOND WASHINGTON eee: _AC Fie Sey re eparaEoon
6399 ____Form filed by More than One Reporting Person
(City) (State) Cay
Table | - Non-Derivative Securities Acquired, Disposed of, or Beneficially
UNITED STATES Sones
(Country)
LTitle of Security 2. Transaction |2A. Deemed 3. Transaction | 4. Securities Acquired }5. Amount of Securities 6. 7. Nature
(Instr. 3) Date Execution Date, | Code (A) or Disposed of (D) } Beneficially Owned Following Ownership | of Indirect
(Month/Day/Year) | if any (Instr. 8) (Instr. 3, 4 and 5) Reported Transaction(s) Form: Beneficial
(Month/Day/Year) (Instr. 3 and 4) Direct (D) | Ownership
(A) or Indirect ] (Instr. 4)
or (!)
Code | V | Amount | (D) | Price (Instr. 4)
26,151
Common Stock 09/15/2025 A (1) A {$0 |145,561.681 D
Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly. |

Persons who respond to the collection of information contained in SEC 1474 (9-02)
this form are not required to respond unless the form displays a
currently valid OMB control number.

Table Il - Derivative Securities Acquired, Disposed of, or Beneficially Owned
(e.g., puts, calls, warrants, options, convertible securities)

3. Transaction 3A. Deemed 4. 5. 6. Date Exercisable
Date Execution Date, | Transaction] Number and Expiration Date

2
Conversion

7. Title and
Amount of

8. Price
of

9. Number of
Derivative

10.
Ownership

11. Nature

of Indirect

1 Title of
Derivative

Security or Exercise | (Month/Day/Year) | if any Code of (Month/Day/Year) Underlying Derivative | Securities Form of Beneficial

(Instr. 3) | Price of (Month/Day/Year) | (Instr. 8) Derivative Securities Security | Beneficially | Derivative |Ownership
Derivative Securities (Instr. 3and | (Instr.5) | Owned Security: | (Instr. 4)
Security Acquired 4) Following Direct (D)
(A) or Reported or Indirect
Disposed Transaction(s) | (I)
of (D) (Instr. 4) (Instr. 4)
(Instr. 3,
4, and 5)
Amount
Date Expiration
Exercisable | Date Ls a
Code | V | (A) | (D) Shares
"""


@pytest.mark.parametrize("key, value", [
    ("transaction_date", "2025-09-15"),
    ("transaction_code", "A"),
    ("shares_owned_following", 145561.681),
    ("direct_or_indirect", "D"),
])
def test_a_one_row_table_read_as_the_forms_top_is_read(shipped_model, key, value):
    rows = extract_text(TABLE1_READ_AS_HEADER, shipped_model)["non_derivative_transactions"]
    assert [row[key] for row in rows] == [value]


# A 1-800-Flowers filing printed by the SEC stylesheet, text by pdfminer: each title
# wrapped before its par value (``Class A Common Stock,`` / ``$0.01 par value``), the CRF
# reading neither line as a title. The title found for each row must take its par value.
TITLES_FOUND_WITH_PAR_VALUES = """\
Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned

UNITED STATES

(Country)

1.Title of Security
(Instr. 3)

2. Transaction
Date
(Month/Day/Year)

2A. Deemed
Execution Date, if
any
(Month/Day/Year)

3. Transaction
Code
(Instr. 8)

4. Securities Acquired (A)
or Disposed of (D)
(Instr. 3, 4 and 5)

5. Amount of Securities
Beneficially Owned Following
Reported Transaction(s)
(Instr. 3 and 4)

Class A Common Stock,
$0.01 par value

04/24/2025

Class A Common Stock,
$0.01 par value

04/24/2025

Class A Common Stock,
$0.01 par value

04/25/2025

Class A Common Stock,
$0.01 par value

04/28/2025

P

P

P

P

Code

V Amount

(A)
or
(D)

  16,000 A

Price

$
5.3569

8,536,067

  16,847 A

$
5.4231

8,552,914

  100,000 A

$
5.4598

8,652,914

  35,000 A

$
5.4173

8,687,914

"""


def test_titles_found_late_take_their_par_values(shipped_model):
    rows = extract_text(TITLES_FOUND_WITH_PAR_VALUES, shipped_model)["non_derivative_transactions"]
    assert [row["security_title"] for row in rows] == ["Class A Common Stock, $0.01 par value"] * 4
