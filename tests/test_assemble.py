from dataclasses import replace

import pytest

import form4ml.assemble as assemble_module
from form4ml.assemble import assemble
from form4ml.footnotes import numbered_notes
from form4ml.pieces import Piece, Row, Value

from .builders import owner_pieces


def P(label, text, zone="table1", begins=True):
    return Piece(label, text, 0, len(text), zone, 0.9, begins)


def row(title="Common Stock", date="02/18/2014", code="S", shares="100", ad="D", price="$10.00",
        owned="900", di="D", marks=()):
    pieces = [P("title", title), P("tx_date", date), P("code", code), P("shares", shares)]
    pieces += [P("fn_mark", m) for m in marks]
    return pieces + [P("ad", ad), P("price", price), P("owned", owned), P("di", di)]


def L(label, text, line, begins=True):
    return Piece(label, text, 0, len(text), "table1", 0.9, begins, line)


def holding(line, nature=(), di="I"):
    """A holding row's pieces on ``line``, its nature cell as (text, line) pairs."""
    pieces = [L("title", "Common Stock", line), L("owned", "500", line), L("di", di, line)]
    return pieces + [L("nature", text, at, begins=k == 0) for k, (text, at) in enumerate(nature)]


@pytest.mark.parametrize("pieces, natures", [
    # pdftotext -layout centres a row: its nature cell begins above the title's line
    (holding(10, di="D") + [L("nature", "By", 12)] + holding(13, [("Living", 13), ("Trust", 14)]),
     [None, "By Living Trust"]),
    # ... also in the table's first row, where the head would make a row of its own
    ([L("nature", "By", 5)] + holding(6, [("Living", 6), ("Trust", 7)]), ["By Living Trust"]),
    # one cell a line (HTML dumps): each row's nature follows its short cells and stays there
    ([L("title", "Common Stock", 1), L("owned", "500", 2), L("di", "I", 3), L("nature", "By Fund", 4),
      L("title", "Common Stock", 5), L("owned", "400", 6), L("di", "I", 7), L("nature", "By Trust", 8)],
     ["By Fund", "By Trust"]),
])
def test_assemble_gives_a_tall_cells_head_to_the_row_it_opens(pieces, natures):
    rows = assemble(pieces)["non_derivative_holdings"]
    assert [r["nature_of_ownership"] for r in rows] == natures


@pytest.mark.parametrize("pieces, rows", [
    # plain pdftotext prints a holding's amount and ownership columns before its title
    ([L("owned", "15,905", 133), L("di", "I", 135), L("title", "Common Stock", 140), L("nature", "By", 142),
      L("nature", "Living Trust", 143, begins=False)], [("Common Stock", 15905, "I", "By Living Trust")]),
    # two whole rows stay two, though the first lacks a field the second has
    (holding(1, di="D") + holding(2, [("By Trust", 2)]),
     [("Common Stock", 500, "D", None), ("Common Stock", 500, "I", "By Trust")]),
])
def test_assemble_joins_a_titleless_row_to_the_titled_row_holding_its_other_fields(pieces, rows):
    got = assemble(pieces)["non_derivative_holdings"]
    assert [(r["security_title"], r["shares_owned_following"], r["direct_or_indirect"],
             r["nature_of_ownership"]) for r in got] == rows


def test_assemble_drops_a_row_of_a_lone_code_read_below_the_table():
    # pdfplumber: the Reporting Owners table after Table II, "C/O MICROSOFT" read as code C
    pieces = row() + [P("code", "C", "table2")]
    rec = assemble(pieces)
    assert len(rec["non_derivative_transactions"]) == 1
    assert rec["derivative_transactions"] == []


def test_assemble_merges_an_owner_repeated_in_the_reporting_owners_table():
    box1 = [P("owner_name", "Coleman Amy", "owner"), P("owner_street1", "ONE MICROSOFT WAY", "owner"),
            P("owner_city", "REDMOND", "owner")]
    table = [P("owner_name", "COLEMAN AMY", "owner"), P("owner_street1", "ONE MICROSOFT WAY", "owner"),
             P("owner_zip", "98052-6399", "owner"), P("owner_name", "Hall Ken", "owner"),
             P("owner_city", "SEATTLE", "owner")]
    owners = assemble(box1 + table)["reporting_owners"]
    assert [(o["name"], o["city"], o["zip_code"]) for o in owners] == [
        ("Coleman Amy", "REDMOND", "98052-6399"), ("Hall Ken", "SEATTLE", None)]


# plain pdftotext of a real filing's Reporting Owners table: the ZIP run onto the street
@pytest.mark.parametrize("street, kept", [
    ("ONE MICROSOFT WAY 980526399", "ONE MICROSOFT WAY"),
    ("ONE MICROSOFT WAY 98052-6399", "ONE MICROSOFT WAY"),
    # a number that is not the owner's ZIP: the street's own
    ("P.O. BOX 98052", "P.O. BOX 98052"),
])
def test_assemble_drops_the_owners_zip_run_onto_the_street(street, kept):
    pieces = [P("owner_name", "Coleman Amy", "owner"), P("owner_street1", "C/O MICROSOFT", "owner"),
              P("owner_street2", street, "owner"), P("owner_zip", "98052-6399", "owner")]
    owner, = assemble(pieces)["reporting_owners"]
    assert owner["street2"] == kept


# Scraped HTML of real multi-owner filings' Reporting Owners table (LinkedIn's Hoffman,
# Tang Capital): cells glued with no space, the CRF reading the glued words in the cell
# before
@pytest.mark.parametrize("name, street, zipcode, read", [
    ("Reid Hoffman & Michelle Yee Living TrustC/O", "LINKEDIN CORPORATION", "94043UNITED",
     ("Reid Hoffman & Michelle Yee Living Trust", "C/O LINKEDIN CORPORATION", "94043")),
    ("Hoffman Reid", "C/O LINKEDIN CORPORATION", "94043-1234UNITED", ("Hoffman Reid", "C/O LINKEDIN CORPORATION", "94043-1234")),
    # a name ending in capitals, a postcode with letters: as read
    ("TANG CAPITAL C/O", "4747 EXECUTIVE DRIVE", "EC4M 7AN", ("TANG CAPITAL C/O", "4747 EXECUTIVE DRIVE", "EC4M7AN")),
])
def test_assemble_unglues_a_scraped_owners_care_of_and_country(name, street, zipcode, read):
    pieces = [P("owner_name", name, "owner"), P("owner_street1", street, "owner"), P("owner_zip", zipcode, "owner")]
    owner, = assemble(pieces)["reporting_owners"]
    assert (owner["name"], owner["street1"], owner["zip_code"]) == read


@pytest.mark.parametrize("street, city, read", [
    ("SUITE 210SAN", "DIEGO", ("SUITE 210", "SAN DIEGO")),
    ("9TH FLOORNEW", "YORK", ("9TH FLOOR", "NEW YORK")),
    # the street's own last word, spaced: no glue
    ("1 SAN", "DIEGO", ("1 SAN", "DIEGO")),
])
def test_assemble_gives_a_city_its_words_glued_to_the_street(street, city, read):
    first = [P("owner_name", "Tang Kevin", "owner"), P("owner_street1", "4747 EXECUTIVE DRIVE", "owner"),
             P("owner_city", "SAN DIEGO" if city == "DIEGO" else "NEW YORK", "owner")]
    second = [P("owner_name", "TANG CAPITAL PARTNERS LP", "owner"), P("owner_street1", street, "owner"),
              P("owner_city", city, "owner")]
    owners = assemble(first + second)["reporting_owners"]
    assert (owners[1]["street1"], owners[1]["city"]) == read


# Scraped HTML of real filings (Sequoia, Avenue Capital): the second street line's
# number glued to the first line's closing comma
@pytest.mark.parametrize("street1, street2, read", [
    ("C/O SEQUOIA CAPITAL,2800", "SAND HILL ROAD SUITE 101", ("C/O SEQUOIA CAPITAL,", "2800 SAND HILL ROAD SUITE 101")),
    ("C/O AVENUE CAPITAL GROUP,11", "WEST 42ND STREET", ("C/O AVENUE CAPITAL GROUP,", "11 WEST 42ND STREET")),
    # a number after a comma with no second line, or a second line opening with its own: as read
    ("C/O SEQUOIA CAPITAL,2800", None, ("C/O SEQUOIA CAPITAL,2800", None)),
    ("PO BOX 7,11", "12 MAIN STREET", ("PO BOX 7,11", "12 MAIN STREET")),
])
def test_assemble_gives_a_second_street_line_its_number_glued_to_the_first(street1, street2, read):
    pieces = [P("owner_name", "Sequoia Capital", "owner"), P("owner_street1", street1, "owner")]
    pieces += [P("owner_street2", street2, "owner")] if street2 else []
    owner, = assemble(pieces)["reporting_owners"]
    assert (owner["street1"], owner["street2"]) == read


def O(label, text, line, begins=True):
    return Piece(label, text, 0, len(text), "owner", 0.9, begins, line)


# OCR of Microsoft filings: box 1's ZIP+4 printed over two lines, the CRF tagging one part;
# the Reporting Owners table's copy, whole, is the owner's ZIP
@pytest.mark.parametrize("box1_zip, table_name, zip_code", [
    ("98052-", None, "98052-6399"),
    ("6399", None, "98052-6399"),
    ("98052-", "Coleman Amy", "98052-6399"),     # the table's name read: merged as a repeat
    ("6399", "Coleman Amy", "98052-6399"),
    ("10179", None, "10179"),          # another ZIP: the first kept
])
def test_assemble_takes_the_whole_zip_over_a_part_of_it(box1_zip, table_name, zip_code):
    pieces = [O("owner_name", "Coleman Amy", 5), O("owner_city", "REDMOND", 26), O("owner_state", "WASHINGTON", 26),
              O("owner_zip", box1_zip, 26)]
    pieces += [O("owner_name", table_name, 80)] if table_name else []
    pieces += [O("owner_city", "REDMOND", 81), O("owner_state", "WASHINGTON", 82), O("owner_zip", "98052-6399", 83)]
    owners = assemble(pieces)["reporting_owners"]
    assert [o["zip_code"] for o in owners] == [zip_code]


# scraped HTML of a bank's filing: box 5 checks 10% Owner; the Reporting Owners table,
# one cell a line, leaves its X without a column, and the CRF reads it as a director's
BOX5 = [O("owner_name", "CITIGROUP INC", 5), O("is_ten_percent", "X", 26), O("owner_street1", "388 GREENWICH STREET", 34)]
TABLE_REPEAT = [O("owner_name", "CITIGROUP INC", 190), O("owner_street1", "388 GREENWICH STREET", 191),
                O("is_director", "X", 195)]


@pytest.mark.parametrize("street2, kept", [
    # the same street read as the second line too (a bank's filing, box 1 and the table)
    ("388 GREENWICH STREET", None),
    ("388 Greenwich Street.", None),
    ("SUITE 100", "SUITE 100"),
])
def test_assemble_reads_a_street_printed_twice_as_one_line(street2, kept):
    pieces = [O("owner_name", "CITIGROUP INC", 5), O("owner_street1", "388 GREENWICH STREET", 6),
              O("owner_street2", street2, 7)]
    owner = assemble(pieces)["reporting_owners"][0]
    assert (owner["street1"], owner["street2"]) == ("388 GREENWICH STREET", kept)


@pytest.mark.parametrize("pieces, flags", [
    (BOX5 + TABLE_REPEAT, (False, True)),
    # where box 5 checks nothing, the table's mark counts
    ([p for p in BOX5 if p.label != "is_ten_percent"] + TABLE_REPEAT, (True, False)),
])
def test_assemble_takes_the_relationship_from_box_5_over_the_owners_table(pieces, flags):
    owners = assemble(pieces)["reporting_owners"]
    assert [(o["is_director"], o["is_ten_percent_owner"]) for o in owners] == [flags]


# scraped HTML of a real six-owner filing (Baker Bros.): box 5 checks Director; the
# Reporting Owners table prints each further owner's one X on a line of its own, which
# the CRF reads as a 10% owner's
@pytest.mark.parametrize("first, further, flags", [
    (["is_director"], ["is_ten_percent"], (True, False)),
    (["is_director", "is_ten_percent"], ["is_ten_percent", "is_director"], (True, True)),
    # as many checks as the first owner's, or none: as read
    (["is_director", "is_ten_percent"], ["is_ten_percent"], (False, True)),
    (["is_director"], [], (False, False)),
])
def test_assemble_gives_further_owners_with_as_many_checks_the_first_owners_relationships(first, further, flags):
    pieces = [O("owner_name", "BAKER BROS. ADVISORS LP", 1)] + [O(label, "X", 2) for label in first]
    for n, name in enumerate(["Baker Brothers Life Sciences LP", "FELIX JULIAN"]):
        pieces += [O("owner_name", name, 40 + 10 * n)] + [O(label, "X", 46 + 10 * n) for label in further]
    owners = assemble(pieces)["reporting_owners"]
    assert [(o["is_director"], o["is_ten_percent_owner"]) for o in owners[1:]] == [flags] * 2


# pdfminer of a real two-owner filing (Bank of America and Merrill Lynch): the Reporting
# Owners table's check marks printed apart from the names, box 5 read for the first owner
@pytest.mark.parametrize("first, name, flags", [
    (["is_ten_percent"], "MERRILL LYNCH, PIERCE, FENNER & SMITH INC.", (False, True)),
    # a firm is no director: it shares the rest
    (["is_director", "is_ten_percent"], "Baker Brothers Life Sciences LP", (False, True)),
    (["is_director", "is_ten_percent"], "BAKER FELIX", (True, True)),
    # where the first owner is only a director, a firm still shares that
    (["is_director"], "Baker Brothers Life Sciences LP", (True, False)),
])
def test_assemble_gives_a_further_owner_with_no_check_read_the_first_owners_relationships(first, name, flags):
    pieces = [O("owner_name", "BANK OF AMERICA CORP /DE/", 1)] + [O(label, "X", 2) for label in first]
    pieces += [O("owner_name", name, 40), O("owner_street1", "ONE BRYANT PARK", 41), O("owner_city", "NEW YORK", 42)]
    owners = assemble(pieces)["reporting_owners"]
    assert (owners[1]["is_director"], owners[1]["is_ten_percent_owner"]) == flags


# plain pdftotext (a Facebook director's filing): box 1's address printed apart from its
# name, which comes only with the Reporting Owners table's copy of the address
BOX1_ADDRESS = [O("owner_street1", "C/O FACEBOOK, INC.", 66), O("owner_street2", "1601 WILLOW ROAD", 67),
                O("owner_city", "MENLO PARK", 76), O("owner_state", "CALIFORNIA", 78),
                O("owner_zip", "94025", 80)]
OWNERS_TABLE = [O("owner_name", "THIEL PETER", 215), O("owner_street1", "C/O FACEBOOK,", 216),
                O("owner_street1", "INC.", 217, begins=False), O("owner_street2", "1601 WILLOW ROAD", 218),
                O("owner_city", "MENLO PARK", 219), O("owner_state", "CALIFORNIA", 220),
                O("owner_zip", "94025", 221)]


@pytest.mark.parametrize("pieces, address", [
    (BOX1_ADDRESS + OWNERS_TABLE,
     ("THIEL PETER", "C/O FACEBOOK, INC.", "1601 WILLOW ROAD", "MENLO PARK", "CA", "94025")),
    # pdftotext -layout wraps a zip code's tail below the city and state beside it
    ([O("owner_name", "Korablina Elena A", 25), O("owner_street1", "383 MADISON AVENUE", 32),
      O("owner_zip", "10179-", 36), O("owner_city", "NEW YORK", 37), O("owner_state", "NEW YORK", 37),
      O("owner_zip", "0001", 38)],
     ("Korablina Elena A", "383 MADISON AVENUE", None, "NEW YORK", "NY", "10179-0001")),
])
def test_assemble_reads_an_address_printed_twice_once(pieces, address):
    owners = assemble(pieces)["reporting_owners"]
    keys = ("name", "street1", "street2", "city", "state", "zip_code")
    assert [tuple(o[k] for k in keys) for o in owners] == [address]


@pytest.mark.parametrize("pieces, title", [
    # the Reporting Owners table prints box 5's officer title again, its name untagged
    ([O("owner_name", "DOE JANE", 10), O("owner_street1", "1 MAIN ST", 11), O("officer_title", "Chief Financial Officer", 14),
      O("owner_street1", "1 MAIN ST", 201), O("officer_title", "Chief Financial Officer", 203)],
     "Chief Financial Officer"),
    # a title wrapped onto the next line, begun anew by the CRF, is one title
    ([O("owner_name", "DOE JANE", 10), O("officer_title", "EVP,", 14), O("officer_title", "Chief Commercial Officer", 15)],
     "EVP, Chief Commercial Officer"),
])
def test_assemble_reads_an_officer_title_printed_twice_once(pieces, title):
    assert [o["officer_title"] for o in assemble(pieces)["reporting_owners"]] == [title]


# pdfplumber and scraped HTML run the Reporting Owners table's name cell on into the
# check box or the address beside it (real filings: Microsoft's director, a CA owner)
@pytest.mark.parametrize("repeat, names", [
    ("Hoffman Reid X", ["Hoffman Reid"]),
    ("Hoffman Reid xX", ["Hoffman Reid"]),     # OCR's reading of the mark
    ("Hoffman Reid 1141-A CUMMINGS RD.", ["Hoffman Reid"]),
    # scraped HTML glues the cell beside on with no space, the table's last heading before
    ("Hoffman ReidC/O LINKEDIN CORPORATION", ["Hoffman Reid"]),
    ("OtherHoffman Reid1141-A CUMMINGS RD.", ["Hoffman Reid"]),
    ("Hoffman ReidX", ["Hoffman Reid"]),
    # a longer name is another owner
    ("Hoffman ReidCo", ["Hoffman Reid", "Hoffman ReidCo"]),
    ("Hoffman Reid Trust", ["Hoffman Reid", "Hoffman Reid Trust"]),
    ("Hoffman", ["Hoffman Reid", "Hoffman"]),
])
def test_assemble_merges_a_repeated_owner_whose_name_ran_on(repeat, names):
    pieces = [P("owner_name", "Hoffman Reid", "owner"), P("owner_city", "REDMOND", "owner"),
              P("owner_name", repeat, "owner"), P("owner_zip", "98052-6399", "owner")]
    owners = assemble(pieces)["reporting_owners"]
    assert [o["name"] for o in owners] == names
    assert owners[0]["zip_code"] == ("98052-6399" if len(names) == 1 else None)


def H(label, text, line, start):
    return Piece(label, text, start, start + len(text), "issuer", 0.9, True, line)


# OCR of real filings' boxes 1 and 2 (Calavo Growers, AMD): box 2's name printed on the
# line below box 1's, read as a second owner
@pytest.mark.parametrize("pieces, owners, issuer", [
    ([O("owner_name", "Hollister Steve", 22), O("owner_name", "CALAVO GROWERS INC", 23),
      H("ticker", "[CVGW]", 24, 300), O("owner_street1", "1141-A CUMMINGS RD.", 30)],
     [("Hollister Steve", "1141-A CUMMINGS RD.")], "CALAVO GROWERS INC"),
    ([O("owner_name", "SMITH DARLA M", 31), O("owner_name", "ADVANCED MICRO DEVICES", 32),
      H("issuer_name", "INC", 33, 290), H("ticker", "[AMD]", 33, 300)],
     [("SMITH DARLA M", None)], "ADVANCED MICRO DEVICES INC"),
    # a second owner named farther above the ticker is one
    ([O("owner_name", "Hollister Steve", 21), O("owner_name", "Calavo Trust", 22),
      H("issuer_name", "CALAVO GROWERS INC", 23, 280), H("ticker", "[CVGW]", 24, 300)],
     [("Hollister Steve", None), ("Calavo Trust", None)], "CALAVO GROWERS INC"),
])
def test_assemble_reads_box_twos_name_above_the_ticker_as_the_issuers(pieces, owners, issuer):
    rec = assemble(pieces)
    assert [(o["name"], o["street1"]) for o in rec["reporting_owners"]] == owners
    assert rec["issuer"]["name"] == issuer


# pdfplumber and OCR of a JetBlue officer's filing: the Reporting Owners table's copy of
# the name lost its last word to the street beside it
@pytest.mark.parametrize("first, repeat, names", [
    ("Clements Carol Ann", "Clements Carol", ["Clements Carol Ann"]),
    # the one more word a firm's: another owner
    ("Hoffman Reid Trust", "Hoffman Reid", ["Hoffman Reid Trust", "Hoffman Reid"]),
    # a single word is no cut name
    ("Clements Carol", "Clements", ["Clements Carol", "Clements"]),
])
def test_assemble_merges_a_repeated_owner_whose_name_lost_its_last_word(first, repeat, names):
    pieces = [P("owner_name", first, "owner"), P("owner_city", "LONG ISLAND CITY", "owner"),
              P("owner_name", repeat, "owner"), P("owner_zip", "11101", "owner")]
    assert [o["name"] for o in assemble(pieces)["reporting_owners"]] == names


# the Reporting Owners table's Officer cell read as a name (plain pdftotext: alone;
# pdfplumber and -layout: run on from the name), box 2's issuer run into box 1's name
# (-layout prints them on one line), box 1's street read as a second name (real filings:
# Akamai's, Chemomab's, JetBlue's and Calavo's)
@pytest.mark.parametrize("names, owner, title, street", [
    (["Blumofe Robert", "Chief Accounting Officer"], "Blumofe Robert", "Chief Accounting Officer", None),
    (["Blumofe Robert", "Blumofe Robert EVP Platform & GM Enterprise"], "Blumofe Robert",
     "EVP Platform & GM Enterprise", None),
    (["Blumofe Robert", "VP, Finance"], "Blumofe Robert", "VP, Finance", None),
    (["THIEL PETER                        Chemomab Therapeutics Ltd.", "THIEL PETER"], "THIEL PETER", None, None),
    (["Blumofe Robert", "JETBLUE AIRWAYS"], "Blumofe Robert", None, None),
    (["JETBLUE AIRWAYS", "Blumofe Robert"], "Blumofe Robert", None, None),
    (["Blumofe Robert", "1141-A CUMMINGS RD."], "Blumofe Robert", None, "1141-A CUMMINGS RD."),
])
def test_assemble_reads_no_owner_from_another_cell(names, owner, title, street):
    pieces = [P("issuer_name", "JetBlue Airways Corp", "header")]
    pieces += [piece for name in names for piece in (P("owner_name", name, "owner"), P("owner_city", "NEW YORK", "owner"))]
    owners = assemble(pieces)["reporting_owners"]
    assert [(o["name"], o["officer_title"], o["street1"], o["city"]) for o in owners] == [
        (owner, title, street, "NEW YORK")]


# a plain layout's one-line address (a real filing's): the CRF ran the city into the street
@pytest.mark.parametrize("pieces, address", [
    ([O("owner_street1", "770 STONERIDGE DR., MT. PLEASANT", 3), O("owner_state", "MI", 3)],
     ("770 STONERIDGE DR.", "MT. PLEASANT", "MI")),
    # a city read stands; a state on another line says nothing of the street's commas
    ([O("owner_street1", "770 STONERIDGE DR., SUITE 5", 3), O("owner_city", "MT. PLEASANT", 3),
      O("owner_state", "MI", 3)], ("770 STONERIDGE DR., SUITE 5", "MT. PLEASANT", "MI")),
    ([O("owner_street1", "770 STONERIDGE DR., SUITE B", 3), O("owner_state", "MI", 5)],
     ("770 STONERIDGE DR., SUITE B", None, "MI")),
])
def test_assemble_reads_the_city_a_one_line_address_ran_into_the_street(pieces, address):
    owner = assemble([O("owner_name", "McGuirk Richard L", 2)] + pieces)["reporting_owners"][0]
    assert (owner["street1"], owner["city"], owner["state"]) == address


@pytest.mark.parametrize("second", ["Blumofe Robert Trust", "Chief Capital LLC", "JetBlue Ventures LLC"])
def test_assemble_keeps_a_second_owner_named_like_no_other_cell(second):
    pieces = [P("issuer_name", "JetBlue Airways Corp", "header"), P("owner_name", "Blumofe Robert", "owner"),
              P("owner_name", second, "owner")]
    assert len(assemble(pieces)["reporting_owners"]) == 2


def C(label, text, line, col, begins=True, zone="table2"):
    return Piece(label, text, 0, len(text), zone, 0.9, begins, line, col)


def cell_a_line(cells):
    """Table II pieces printed a cell a line (plain pdftotext), each at its line's start."""
    return [Piece(label, text, 100 * line, 100 * line + len(text), "table2", 0.9, True, line, 0)
            for line, (label, text) in enumerate(cells)]


# Cut down from plain pdftotext of a real filing's Table II: a held option's ownership
# form ``D``, printed after its amounts, read as a disposal's letter
@pytest.mark.parametrize("cells, table", [
    ([("title", "Stock Options"), ("ex_price", "$ 18.27"), ("und_title", "Common Stock"),
      ("und_shares", "51,412"), ("owned", "51,412"), ("ad", "D")], "derivative_holdings"),
    # a letter before the amounts is a transaction's whose other cells were lost
    ([("title", "Stock Options"), ("ex_price", "$ 18.27"), ("ad", "D"), ("und_title", "Common Stock"),
      ("und_shares", "51,412"), ("owned", "51,412")], "derivative_transactions"),
])
def test_assemble_reads_a_holdings_d_after_its_amounts_as_its_ownership_form(cells, table):
    rec = assemble(cell_a_line(cells))
    assert [r["direct_or_indirect"] for r in rec[table]] == ["D"]


@pytest.mark.parametrize("first_col, rows", [
    # pdftotext -layout prints the grant's amount (column 5) on the line above the row,
    # the same number as its underlying amount (column 7): the CRF took both for column 7
    (97, [(26.325, 26.325)]),
    # an underlying amount left of the first is a new row's
    (200, [(None, 26.325), (None, 26.325)]),
])
def test_assemble_reads_the_left_of_two_underlying_amounts_as_the_rows_amount(first_col, rows):
    pieces = [C("title", "Restricted", 83, 0), C("und_shares", "26.325", 83, first_col),
              C("und_title", "Common", 84, 150), C("tx_date", "03/10/2022", 85, 36), C("code", "A", 85, 90),
              C("und_shares", "26.325", 85, 160), C("owned", "12,153.007", 85, 180), C("di", "D", 85, 200)]
    got = assemble(pieces)["derivative_transactions"] + assemble(pieces)["derivative_holdings"]
    assert sorted((r.get("shares"), r["underlying_shares"]) for r in got) == sorted(rows)


# Cut down from a real filing's Table II read by OCR (an RSU grant): the row's cells
# centred on its line, the underlying title begun above it (``Class A``), its next word
# (``[Common]``, a table rule read as brackets) on the row's line, columns lost.
CENTRED_UNDERLYING = [C("title", "Restricted", 67, 0), C("und_title", "Class A", 68, 6),
                      C("tx_date", "06/15/2018", 69, 9), C("code", "A", 69, 20), C("shares", "1,640", 69, 22),
                      C("und_title", "Common", 69, 40), C("und_shares", "1,640", 69, 49),
                      C("owned", "1,640", 69, 60), C("di", "D", 69, 66)]


@pytest.mark.parametrize("pieces, titles", [
    (CENTRED_UNDERLYING, ["Class A Common"]),
    # a row one line, the row above's underlying title on the line above, is the next row
    ([C("title", "Units", 68, 0), C("tx_date", "06/14/2018", 68, 9), C("und_title", "Class A", 68, 30),
      C("title", "Units", 69, 0)] + CENTRED_UNDERLYING[2:], ["Class A", "Common"]),
])
def test_assemble_continues_a_centred_underlying_title_on_the_rows_line(pieces, titles):
    got = assemble(pieces)["derivative_transactions"]
    assert [r["underlying_security_title"] for r in got] == titles


def test_assemble_keeps_same_day_rows():
    rec = assemble(row(price="$10.00") + row(price="$10.05", owned="800"))
    rows = rec["non_derivative_transactions"]
    assert [r["price_per_share"] for r in rows] == [10.0, 10.05]
    assert [r["shares_owned_following"] for r in rows] == [900, 800]


# The SEC stylesheet prints an equity swap as ``/K`` after the code (``J/K(6)``, a Citigroup
# swap filing, its XML's swap flag written ``1``).
@pytest.mark.parametrize("code, swap", [("J/K", True), ("J / K", True), ("J", False), ("K", False)])
def test_assemble_reads_an_equity_swap_from_the_code_cell(code, swap):
    rows = assemble(row(code=code))["non_derivative_transactions"]
    assert (rows[0]["transaction_code"], rows[0]["equity_swap_involved"]) == (code[0], swap)


# Text copies of the same filing drop the ``/K``: the swap's title still names it.
@pytest.mark.parametrize("title, swap", [
    ("Equity Swap (obligation to sell)", True),
    ("Equity swaps", True),
    ("Common Stock", False),
])
def test_assemble_reads_an_equity_swap_from_the_securitys_title(title, swap):
    rows = assemble(row(title=title, code="J"))["non_derivative_transactions"]
    assert rows[0]["equity_swap_involved"] is swap


def test_assemble_continues_value_cut_over_lines():
    pieces = row(date="02/18/2") + [P("tx_date", "2014", begins=False)]
    rec = assemble(pieces)
    assert rec["non_derivative_transactions"][0]["transaction_date"] == "2014-02-18"
    assert len(rec["non_derivative_transactions"]) == 1


def test_assemble_links_footnote_marks_to_their_row():
    rec = assemble(row(marks=["(1)"]) + row(marks=["(2)", "(3)"]) + [
        P("fn_id", "1.", "footnotes"), P("fn_text", "First note.", "footnotes"),
        P("fn_id", "(2)", "footnotes"), P("fn_text", "Second", "footnotes"),
        P("fn_text", "note.", "footnotes", begins=False)])
    rows = rec["non_derivative_transactions"]
    assert [r["footnote_ids"] for r in rows] == [["F1"], ["F2", "F3"]]
    assert rec["footnotes"] == [{"id": "F1", "text": "First note."}, {"id": "F2", "text": "Second note."}]


def _notes(spec):
    """Footnote pieces from ``(1)`` or ``@`` (a mark), ``~1)`` (a mark going on), ``+text`` (a text
    beginning), ``text`` (going on)."""
    return [P("fn_id", p, "footnotes") if p.startswith(("(", "@")) else
            P("fn_id", p[1:], "footnotes", begins=False) if p.startswith("~") else
            P("fn_text", p.lstrip("+"), "footnotes", begins=p.startswith("+")) for p in spec]


@pytest.mark.parametrize("spec, notes", [
    # the usual way: each mark opens its note
    (["(1)", "+One.", "(2)", "+Two", "goes on."], [("F1", "One."), ("F2", "Two goes on.")]),
    # pdftotext -layout centres a mark on its note's lines: after the first line ...
    (["+One", "(1)", "goes on.", "+Two", "(2)", "goes on."],
     [("F1", "One goes on."), ("F2", "Two goes on.")]),
    # ... or on a line of its own between two
    (["(1)", "+One.", "+Two starts", "(2)", "and ends."], [("F1", "One."), ("F2", "Two starts and ends.")]),
    # plain pdftotext lists the marks apart from their texts
    (["(1)", "+One.", "(2)", "(3)", "+Two.", "+Three."], [("F1", "One."), ("F2", "Two."), ("F3", "Three.")]),
    # a note whose mark the CRF missed keeps its text; the next mark still opens its own note
    (["+One.", "(2)", "+Two."], [("F1", "One."), ("F2", "Two.")]),
    # scraped HTML breaks a mark over two lines: "(" / "1)"
    (["(", "~1)", "+One.", "(", "~2)", "+Two."], [("F1", "One."), ("F2", "Two.")]),
    # a sentence opening a line inside a note, taken for a new text, stays in its note
    (["(1)", "+One.", "+Still one.", "(2)", "+Two."], [("F1", "One. Still one."), ("F2", "Two.")]),
    # OCR read "(2)" without its digit: the note after (1), though a table heading read as a note came first
    (["(4)", "+Reported Transaction(s)", "(1)", "+One.", "@", "+Two."],
     [("F4", "Reported Transaction(s)"), ("F1", "One."), ("F2", "Two.")]),
    # the mark read as the text's first word (-layout, plain pdftotext: a JetBlue filing)
    (["+(1) One."], [("F1", "One.")]),
    (["+[F2] Two."], [("F2", "Two.")]),
    (["(3)", "+(3) Three."], [("F3", "Three.")]),
])
def test_assemble_gives_each_footnote_its_own_mark_and_text(spec, notes):
    rec = assemble(_notes(spec))
    assert [(n["id"], n["text"]) for n in rec["footnotes"]] == notes


def _note_lines(lines):
    """Footnote pieces of OCR text lines: ``(n)`` a mark, ``!`` a text the CRF read as
    a mark, ``+`` a text the CRF began, any other text going on; ``""`` a blank line."""
    pieces = []
    for k, line in enumerate(lines):
        col = 0
        for part in filter(None, line.split(" | ")):
            mark = part.startswith("(") and part.endswith(")") and len(part) < 5 or part.startswith("!")
            label = "fn_id" if mark else "fn_text"
            pieces.append(Piece(label, part.lstrip("+!"), 0, 1, "footnotes", 0.9,
                                label == "fn_id" or part.startswith("+"), k, col))
            col += len(part) + 1
    return pieces


# cut down from Tesseract's readings of the corpus's Microsoft, Facebook and Fertitta
# filings (ocr_light_200): marks centred on their notes, lost, or read as "Q)"
@pytest.mark.parametrize("lines, notes", [
    # notes apart from their marks, (3) lost: the texts are notes 1 to 4 in order
    (["(1) | +Each unit is a share.", "", "+Dividends accrue.", "", "+The units vest.", "", "(2)", "",
      "(4) | +Includes one share."],
     [("F1", "Each unit is a share."), ("F2", "Dividends accrue."), ("F3", "The units vest."),
      ("F4", "Includes one share.")]),
    # every line double-spaced; a note the CRF ran on opens after a sentence's end
    (["+The stock converts", "", "at any time.", "", "+Shares held", "", "(2) | by the trust.", "",
      "(3) | +The value is set.", "", "The person disclaims.", "", "(4)"],
     [("F1", "The stock converts at any time."), ("F2", "Shares held by the trust."),
      ("F3", "The value is set."), ("F4", "The person disclaims.")]),
    # "(2)" read as "Q)" on a note's middle line
    (["(1) | +Not applicable.", "+Each share converts", "Q) into one share.", "+Shares held in trust.", "", "(3)"],
     [("F1", "Not applicable."), ("F2", "Each share converts into one share."), ("F3", "Shares held in trust.")]),
    # and on its first line
    (["(1) | +Each unit is a share.", "", "Q) The units vest.", "(3) | +Includes one share."],
     [("F1", "Each unit is a share."), ("F2", "The units vest."), ("F3", "Includes one share.")]),
    # no mark read in the tables, (2) and (3) printed below the notes garbled past reading:
    # every note the CRF began is one
    (["(1) | +Each unit is a share.", "+Dividends accrue.", "", "+The units vest.", "", "@)", "@)"],
     [("F1", "Each unit is a share."), ("F2", "Dividends accrue."), ("F3", "The units vest.")]),
    # "(1)" read as "mn", "(2)" as a quote glued to its note, the last mark lost
    (["!mn | +The stock converts.", "", "'These shares vest.", "", "(3) | +The value is set.", "",
      "+The person disclaims."],
     [("F1", "The stock converts."), ("F2", "These shares vest."), ("F3", "The value is set."),
      ("F4", "The person disclaims.")]),
])
def test_assemble_numbers_ocr_notes_in_order_where_their_openings_count_the_marks(lines, notes):
    rec = assemble(_note_lines(lines))
    assert [(n["id"], n["text"]) for n in rec["footnotes"]] == notes


# cut down from Tesseract's readings of the corpus's Facebook and LinkedIn filings
# (ocr_light_200), the tables' marks reading up to (2)
@pytest.mark.parametrize("lines, texts", [
    # "(3)" read as "@)" at its note's opening, and lost in the tables: one note more
    (["(1) | +Not applicable.", "", "+Each share converts.", "", "(2)", "", "+@) Shares held in trust."],
     ["Not applicable.", "Each share converts.", "Shares held in trust."]),
    # "Fund II" read as "Fund I!" at a line's end: no sentence ends there
    (["(1) | +The Founders Fund I!", "", "Entrepreneurs Fund holds them.", "", "(2) | +The units vest."],
     ["The Founders Fund I! Entrepreneurs Fund holds them.", "The units vest."]),
])
def test_numbered_notes_counts_ocr_openings_against_the_tables_marks(lines, texts):
    notes = numbered_notes(_note_lines(lines), highest=2)
    assert [" ".join(p.text for p in note["fn_text"].pieces) for note in notes] == texts


# cut down from Tesseract's reading of a real filing's notes (ocr_medium_200): the tables'
# marks read up to (2), the other two as ``@``; the last two notes' marks lost
FOUR_NOTES = ["(1) | +The purchase was made.", "", "!(2} | +Each ADS represents twenty shares.", "",
              "+Reported securities were purchased.", "", "+These securities are held of record."]


@pytest.mark.parametrize("unread, texts", [
    (2, ["The purchase was made.", "Each ADS represents twenty shares.", "Reported securities were purchased.",
         "These securities are held of record."]),
    (0, None),      # no garbled table mark: four notes are one too many for (1), (2} and one lost
])
def test_numbered_notes_counts_a_note_for_each_table_mark_ocr_garbled_past_reading(unread, texts):
    notes = numbered_notes(_note_lines(FOUR_NOTES), highest=2, unread=unread)
    assert (notes and [" ".join(p.text for p in note["fn_text"].pieces) for note in notes]) == texts


@pytest.mark.parametrize("lines", [
    # a sentence opening the line below another, the CRF's continuation: not a note (pdfminer)
    ["+This statement is filed.", "Bank of America holds.", "", "+Each person declares.", "", "(1)", "(2)", "(3)"],
    # the first note's text lost: a mark read at an opening keeps its number
    ["(2) | +Represents shares.", "", "(3) | +Represents a price.", "", "+Lorenzo is a director."],
    # a word the CRF read as a mark is no garbled one: no note is taken to be lost
    ["(1) | +The stock converts.", "", "!RSU | +Units vest.", "", "(2) | +The value is set.", "",
     "+The person disclaims."],
])
def test_numbered_notes_leaves_notes_whose_openings_do_not_count_the_marks(lines):
    assert numbered_notes(_note_lines(lines)) is None


# cut down from real filings' notes: Tesseract's reading of a Mithril filing
# (ocr_light_200) and the ASCII rendering of a Sequoia filing; a note's short last line
# lost its period or ends in a comma, and the next note opens below a blank line (where
# the CRF began a text on that short line and not at the next note's opening)
@pytest.mark.parametrize("lines, notes", [
    (["(1) | +Each share converted into common stock in accordance with the terms", "of the preferred stock", "",
      "Represents securities held by Mithril LP and its general partner.", "",
      "(3) | +Represents securities held by Mithril II LP."],
     [("F1", "Each share converted into common stock in accordance with the terms of the preferred stock"),
      ("F2", "Represents securities held by Mithril LP and its general partner."),
      ("F3", "Represents securities held by Mithril II LP.")]),
    (["(1) | +Represents units granted to the Reporting Person.", "",
      "(2) | +The Reporting Person is a director of SC US (TTGP), Ltd., the partner", "+of Sequoia Capital (STP XII),", "",
      "(3) | (continued from footnote 2) and the managing member of the fund."],
     [("F1", "Represents units granted to the Reporting Person."),
      ("F2", "The Reporting Person is a director of SC US (TTGP), Ltd., the partner of Sequoia Capital (STP XII),"),
      ("F3", "(continued from footnote 2) and the managing member of the fund.")]),
])
def test_assemble_opens_a_note_below_a_short_line_whose_sentence_end_was_lost(lines, notes):
    rec = assemble(_note_lines(lines) + row(marks=["(3)"]))
    assert [(n["id"], n["text"]) for n in rec["footnotes"]] == notes


def test_numbered_notes_keeps_a_mark_inside_a_note_naming_a_later_one_from_loose_openings():
    # heavy OCR of a Microsoft filing: "(3)" stands on note 2's next line, its own text
    # opening in lower case; opening note 3 at the boilerplate below would misnumber it
    lines = ["(1) | +Each unit represents a right to one share of common stock", "",
             "(2) | The units are fully vested and delivered after the director leaves the board of the company",
             "(3) | includes 1 share of fractional shares", "", "+File three copies of this Form."]
    assert numbered_notes(_note_lines(lines), loose=True) is None


@pytest.mark.parametrize("mark, ids", [
    ("[F2]\t[F2]", ["F2"]), ("[F3]\t\t[F2]", ["F3", "F2"]), ("(1)(2)", ["F1", "F2"]), ("(12)", ["F12"]),
])
def test_assemble_reads_each_mark_of_a_piece_holding_several(mark, ids):
    rec = assemble(row(marks=[mark]))
    assert rec["non_derivative_transactions"][0]["footnote_ids"] == ids


@pytest.mark.parametrize("shown, state", [("CALIFORNIA", "CA"), ("CA", "CA")])
def test_assemble_gives_owner_state_as_its_code(shown, state):
    rec = assemble([P("owner_name", "Doe John", "owner"), P("owner_state", shown, "owner")])
    assert rec["reporting_owners"][0]["state"] == state


@pytest.mark.parametrize("pieces, ticker", [
    (["Check", "SONS"], "SONS"), (["[ BRK.B ]"], "BRK.B"), (["sons"], "SONS"),
])
def test_assemble_takes_the_piece_that_looks_like_a_ticker(pieces, ticker):
    rec = assemble([P("ticker", t, "issuer") for t in pieces])
    assert rec["issuer"]["trading_symbol"] == ticker


def test_assemble_reads_a_lone_box_date_as_the_period_not_an_amendment():
    rec = assemble([P("orig_date", "06/17/2013", "issuer")])
    assert (rec["period_of_report"], rec["date_of_original_submission"], rec["document_type"]) == \
        ("2013-06-17", None, "4")


def test_assemble_separates_holdings_from_transactions():
    rec = assemble(row() + [P("title", "Common Stock"), P("owned", "5,000"), P("di", "I"),
                            P("nature", "By Trust")])
    assert len(rec["non_derivative_transactions"]) == 1
    assert rec["non_derivative_holdings"] == [{"security_title": "Common Stock", "shares_owned_following": 5000,
                                               "direct_or_indirect": "I", "nature_of_ownership": "By Trust",
                                               "footnote_ids": []}]


def test_assemble_routes_table2_rows_and_uses_ad_prior():
    pieces = [P("title", "Stock Option", "table2"), P("ex_price", "$3.30", "table2"),
              P("tx_date", "06/17/2013", "table2"), P("code", "M", "table2"), P("shares", "1,000", "table2"),
              P("exp_date", "06/17/2023", "table2"), P("und_title", "Common Stock", "table2"),
              P("und_shares", "1,000", "table2"), P("owned", "0", "table2"), P("di", "D", "table2")]
    rec = assemble(pieces, {"derivative_transactions": {"M": "D"}})
    [r] = rec["derivative_transactions"]
    assert (r["conversion_or_exercise_price"], r["acquired_disposed"], r["expiration_date"]) == (3.3, "D", "2023-06-17")


@pytest.mark.parametrize("pieces, owners", [
    ([P("owner_name", "Doe John", "owner"), P("owner_city", "BOSTON", "owner"),
      P("owner_name", "Roe Jane", "owner"), P("is_director", "X", "relationship")],
     [("Doe John", "BOSTON", False), ("Roe Jane", None, True)]),
    ([P("owner_name", "Doe", "owner"), P("owner_name", "John", "owner", begins=False)], [("Doe John", None, False)]),
])
def test_assemble_starts_an_owner_at_each_name(pieces, owners):
    rec = assemble(pieces)
    assert [(o["name"], o["city"], o["is_director"]) for o in rec["reporting_owners"]] == owners


def test_assemble_fills_period_and_amendment():
    rec = assemble([P("orig_date", "01/02/2020", "issuer")] + row(date="02/18/2014"))
    assert (rec["period_of_report"], rec["document_type"]) == ("2014-02-18", "4/A")


def test_assemble_records_where_each_value_was_found():
    rec = assemble([Piece("issuer_name", "ACME", 10, 14, "issuer", 0.75)])
    assert rec["provenance"]["issuer.name"] == {"start": 10, "end": 14, "confidence": 0.75}


def test_assemble_keeps_the_surer_issuer_name_when_a_garbled_line_is_tagged_too():
    # seed 000: the street line below the issuer box reads "ETWORKS, INC. GY PARK DRIVE"
    pieces = [Piece("issuer_name", "SONUS NETWORKS INC", 0, 18, "header", 0.99),
              Piece("issuer_name", "ETWORKS, INC.", 40, 53, "header", 0.85)]
    assert assemble(pieces)["issuer"]["name"] == "SONUS NETWORKS INC"


def test_assemble_still_continues_an_issuer_name_over_lines():
    pieces = [Piece("issuer_name", "SONUS", 0, 5, "header", 0.99, line=3),
              Piece("issuer_name", "NETWORKS INC", 40, 52, "header", 0.6, begins=False, line=4)]
    assert assemble(pieces)["issuer"]["name"] == "SONUS NETWORKS INC"


@pytest.mark.parametrize("tail, line, title", [
    ("evelopment", 5, "SVP, Technology Development"),     # seed 000: the cut letter read twice
    ("velopment", 5, "SVP, Technology De velopment"),     # nothing read twice: kept apart
    ("evelopment", 6, "SVP, Technology De evelopment"),   # another line: not a cut word
])
def test_assemble_joins_a_word_cut_by_a_box_only_where_a_letter_was_read_twice(tail, line, title):
    pieces = [P("owner_name", "Scarfo Anthony", "header"),
              Piece("officer_title", "SVP, Technology De", 30, 48, "header", 0.9, line=5),
              Piece("officer_title", tail, 70, 70 + len(tail), "header", 0.9, begins=False, line=line)]
    assert assemble(pieces)["reporting_owners"][0]["officer_title"] == title


# Cut down from an ASCII rendering of a real filing's Table II: the title and the
# underlying title wrap onto the next line, where the CRF began each anew.
WRAPPED_ROW = [C("title", "Restricted Stock", 20, 0), C("tx_date", "May 15, 2019", 20, 30),
               C("code", "M", 20, 44), C("und_title", "Class A", 20, 93), C("und_shares", "1,640", 20, 104),
               C("owned", "0", 20, 130), C("di", "D", 20, 143)]


@pytest.mark.parametrize("rest, titles, underlying", [
    # the rest of both cells on the line below, in their columns
    ([C("title", "Units (RSU)", 21, 0, begins=False), C("und_title", "Common Stock", 21, 93)],
     ["Restricted Stock Units (RSU)"], ["Class A Common Stock"]),
    ([C("title", "Units (RSU)", 21, 0), C("und_title", "Common Stock", 21, 93)],
     ["Restricted Stock Units (RSU)"], ["Class A Common Stock"]),
    # a line further down is not the cell's next line (alone, its text makes no row)
    ([C("title", "Units (RSU)", 21, 0, begins=False), C("und_title", "Common Stock", 22, 93)],
     ["Restricted Stock Units (RSU)"], ["Class A"]),
    # nor is a piece in another column
    ([C("title", "Units (RSU)", 21, 0, begins=False), C("und_title", "Common Stock", 21, 60)],
     ["Restricted Stock Units (RSU)"], ["Class A"]),
    # the next row, one line a row (markdown), is a row of its own
    ([C("title", "Restricted Stock", 21, 0), C("tx_date", "May 16, 2019", 21, 30),
      C("code", "M", 21, 44), C("und_title", "Class A", 21, 93), C("und_shares", "1,640", 21, 104)],
     ["Restricted Stock", "Restricted Stock"], ["Class A", "Class A"]),
])
def test_assemble_joins_a_cell_wrapped_onto_the_next_line(rest, titles, underlying):
    rows = assemble(WRAPPED_ROW + rest)
    rows = rows["derivative_transactions"] + rows["derivative_holdings"]
    assert [r["security_title"] for r in rows] == titles
    assert [r["underlying_security_title"] for r in rows] == underlying



# Cut down from an ASCII rendering of a real filing's Table I (pipes between cells): the
# title, the date's year and the nature wrap onto the next line, the CRF beginning the title anew
WRAPPED_DATE_ROW = [C("title", "Variable Rate", 60, 0, zone="table1"), C("tx_date", "Aug. 18,", 60, 18, zone="table1"),
                    C("code", "J", 60, 31, zone="table1"), C("shares", "500", 60, 55, zone="table1"),
                    C("owned", "0", 60, 90, zone="table1"), C("di", "I", 60, 103, zone="table1"),
                    C("nature", "See Footno", 60, 113, zone="table1"),
                    C("title", "MuniFund Term", 61, 0, zone="table1"), C("nature", "tes", 61, 113, False, "table1")]


@pytest.mark.parametrize("year, rows", [
    (C("tx_date", "2025", 61, 18, False, "table1"), [("Variable Rate MuniFund Term", "See Footno tes")]),
    # a date begun anew opens a row of its own
    (C("tx_date", "08/19/2025", 61, 18, True, "table1"), [("Variable Rate", "See Footno"), ("MuniFund Term", "tes")]),
])
def test_assemble_joins_a_title_wrapped_with_its_dates_year(year, rows):
    pieces = WRAPPED_DATE_ROW[:8] + [year] + WRAPPED_DATE_ROW[8:]
    got = assemble(pieces)["non_derivative_transactions"]
    assert [(r["security_title"], r["nature_of_ownership"]) for r in got] == rows
    assert got[-1]["transaction_date"] == ("2025-08-18" if len(rows) == 1 else "2025-08-19")

# Cut down from a pdftotext -layout rendering of a real filing's Table II: each row's
# title is centred on its short cells, and the CRF ran the second row's "Restricted" on
# as the rest of the first row's title.
def _centred_rsu_row(top, restricted_begins):
    return [C("title", "Restricted", top, 0, begins=restricted_begins), C("und_shares", "61.569", top, 89),
            C("und_title", "Common", top + 1, 136), C("title", "Stock", top + 2, 0, begins=False),
            C("tx_date", "06/09/2022", top + 2, 36), C("code", "A", top + 2, 77), C("shares", "61.569", top + 2, 120),
            C("owned", "26,356.605", top + 2, 170), C("di", "D", top + 2, 190),
            C("und_title", "Stock", top + 3, 136, begins=False), C("title", "Units", top + 4, 0, begins=False)]


@pytest.mark.parametrize("second_begins", [True, False])
def test_assemble_gives_a_run_on_title_head_to_the_next_row(second_begins):
    rows = assemble(_centred_rsu_row(10, True) + _centred_rsu_row(15, second_begins))
    assert [r["security_title"] for r in rows["derivative_transactions"]] == ["Restricted Stock Units"] * 2


# Cut down from a pdftotext -layout rendering of a real filing's Table II (JPMorgan RSUs):
# the second row's "Restricted" stands a line above that row's first value, below the
# first row's centred title, and the CRF ran it on as the first title's rest.
def _rsu_row_headed_above(top, head):
    pieces = [C("title", "Restricted", top, 0, begins=head), C("und_title", "Common", top + 1, 128),
              C("title", "Stock", top + 2, 0, begins=False), C("tx_date", "09/10/2025", top + 2, 37),
              C("code", "A", top + 2, 75), C("shares", "209.845", top + 2, 86),
              C("und_shares", "209.845", top + 2, 135), C("owned", "1,410.53", top + 2, 163),
              C("di", "D", top + 2, 180), C("und_title", "Stock", top + 3, 129, begins=False),
              C("title", "Units", top + 4, 0, begins=False)]
    return pieces


def test_assemble_gives_a_run_on_head_above_the_next_row_to_that_row():
    rows = assemble(_rsu_row_headed_above(77, True) + _rsu_row_headed_above(82, False))
    assert [r["security_title"] for r in rows["derivative_transactions"]] == ["Restricted Stock Units"] * 2


# a top-aligned title (not centred) keeps its wrapped line though the next row's title
# has no beginning of its own
def test_assemble_keeps_a_top_aligned_titles_wrapped_line():
    first = [C("title", "Restricted Stock", 10, 0), C("tx_date", "09/10/2025", 10, 37),
             C("shares", "209.845", 10, 86), C("title", "Units", 11, 0, begins=False)]
    second = [C("tx_date", "09/11/2025", 12, 37), C("shares", "2.336", 12, 86),
              C("title", "Stock Units", 13, 0, begins=False)]
    rows = assemble(first + second)["derivative_transactions"]
    # the second row's head, lost above it, completed from the first (complete_cut_titles)
    assert [r["security_title"] for r in rows] == ["Restricted Stock Units", "Restricted Stock Units"]


def N(label, text, line, col, begins=True):
    return Piece(label, text, 0, len(text), "table1", 0.9, begins, line, col)


# Cut down from a pdftotext -layout rendering of a real filing's Table I (JPMorgan): the
# holding's nature, centred in the last column, begins a line above its row and ends a
# line below it.
@pytest.mark.parametrize("nature_col, natures", [
    (193, [None, "By Spouse"]),
    # in a column left of the row's short cells it is not that row's
    (20, ["By", "Spouse"]),
])
def test_assemble_gives_a_centred_nature_its_row(nature_col, natures):
    pieces = [N("title", "Common Stock", 56, 0), N("tx_date", "09/30/2025", 56, 42), N("code", "A", 56, 88),
              N("shares", "118.8853", 56, 107), N("owned", "12,119.7681", 58, 133), N("di", "D", 58, 177),
              N("nature", "By", 60, nature_col), N("title", "Common Stock", 61, 0), N("owned", "45", 61, 136),
              N("di", "I", 61, 177), N("nature", "Spouse", 62, nature_col, begins=False)]
    rec = assemble(pieces)
    rows = rec["non_derivative_transactions"] + rec["non_derivative_holdings"]
    assert [r["nature_of_ownership"] for r in rows] == natures


# Cut down from a real filing's Table I in the EDGAR ASCII layout: title, price and
# nature all wrap onto the next line (the price below its "$"), the CRF beginning the
# title and the price anew there.
def _ascii_wrapped_row(top):
    return [C("title", "Class A Common", top, 0, zone="table1"), C("tx_date", "2025-04-24", top, 20, zone="table1"),
            C("code", "P", top, 48, zone="table1"), C("shares", "16,000", top, 69, zone="table1"),
            C("ad", "A", top, 80, zone="table1"), C("owned", "8,536,067", top, 100, zone="table1"),
            C("di", "I", top, 114, zone="table1"), C("nature", "See Footnot", top, 125, zone="table1"),
            C("title", "Stock, $0.01 par", top + 1, 0, zone="table1"),
            C("price", "5.3569", top + 1, 92, zone="table1"),
            C("nature", "es", top + 1, 125, begins=False, zone="table1"),
            C("fn_mark", "(1)", top + 1, 127, zone="table1"),
            C("title", "value", top + 2, 0, begins=False, zone="table1")]


HOLDING_BELOW = [C("title", "Class A Common", 3, 0, zone="table1"), C("owned", "75,000", 3, 100, zone="table1"),
                 C("di", "D", 3, 114, zone="table1")]
WRAPPED = "Class A Common Stock, $0.01 par value"


@pytest.mark.parametrize("pieces, rows", [
    (_ascii_wrapped_row(0), [(WRAPPED, 5.3569, ["F1"])]),
    # the next row wrapped the same way stays a row of its own
    (_ascii_wrapped_row(0) + _ascii_wrapped_row(4), [(WRAPPED, 5.3569, ["F1"])] * 2),
    # a holding right below (its own amount) is no wrapped rest
    (_ascii_wrapped_row(0) + HOLDING_BELOW, [(WRAPPED, 5.3569, ["F1"]), ("Class A Common", None, [])]),
])
def test_assemble_joins_a_row_wrapped_with_its_price_and_marks(pieces, rows):
    rec = assemble(pieces)
    got = rec["non_derivative_transactions"] + rec["non_derivative_holdings"]
    assert [(r["security_title"], r.get("price_per_share"), r["footnote_ids"]) for r in got] == rows


# Cut down from a pdftotext -layout rendering of a real filing's Table II (Class B stock
# convertible into Class A): the tall title, underlying title and amounts spread over
# five lines, the CRF beginning the title anew on its second line.
TALL_TOP = [C("title", "Class B", 82, 0), C("und_title", "Class A", 82, 133), C("shares", "45,659", 83, 85),
            C("price", "69.35", 83, 148)]
TALL_REST = [C("title", "Common", 84, 0), C("tx_date", "07/19/2017", 84, 28), C("code", "A", 84, 73),
             C("und_title", "Common", 85, 132), C("und_shares", "45,659", 85, 139),
             C("owned", "87,290", 85, 171), C("di", "I", 85, 198), C("und_title", "Stock", 86, 134, begins=False)]


@pytest.mark.parametrize("pieces, titles", [
    (TALL_TOP + TALL_REST, [("Class B Common", "Class A Common Stock", 45659)]),
    # a row below sharing only its title's column is a row of its own (a holding)
    ([C("title", "Common Stock", 38, 0), C("shares", "178", 38, 26), C("title", "Common Stock", 39, 0),
      C("owned", "75,000", 39, 13), C("di", "I", 39, 20)],
     [("Common Stock", None, 178), ("Common Stock", None, None)]),
])
def test_assemble_joins_the_halves_of_a_row_split_by_a_tall_title(pieces, titles):
    rec = assemble(pieces)
    rows = [r for t in ("derivative_transactions", "derivative_holdings") for r in rec[t]]
    assert [(r["security_title"], r["underlying_security_title"], r.get("shares")) for r in rows] == titles


def T2(label, text, line, begins=True):
    return Piece(label, text, 0, len(text), "table2", 0.9, begins, line)


GRANT_HEAD = [T2("title", "Restricted Stock Units", 186), T2("tx_date", "08/30/2022", 192), T2("code", "A", 194)]
# plain pdftotext of a director's RSU grant: columns 7-11 print after the signature
TRAILING_CELLS = [T2("und_title", "Common Stock", 271), T2("und_shares", "342.244", 272), T2("price", "0", 275),
                  T2("owned", "12,853.859", 277), T2("di", "D", 279)]


@pytest.mark.parametrize("pieces", [
    # the grant's amount, read as the underlying amount, again beside the trailing cells
    GRANT_HEAD + [T2("und_shares", "342.244", 232)] + TRAILING_CELLS,
    # ... or read as its price, the trailing price a price of its own
    GRANT_HEAD + [T2("price", "342.244", 197)] + TRAILING_CELLS,
    # the trailing underlying title read as a title
    GRANT_HEAD + [T2("shares", "342.244", 232), T2("title", "Common Stock", 271)] + TRAILING_CELLS[1:],
])
def test_assemble_joins_trailing_right_hand_cells_to_their_row(pieces):
    rows = assemble(pieces)["derivative_transactions"]
    assert [(r["security_title"], r["shares"], r["price_per_share"], r["underlying_security_title"],
             r["underlying_shares"], r["shares_owned_following"], r["direct_or_indirect"]) for r in rows] == [
        ("Restricted Stock Units", 342.244, 0, "Common Stock", 342.244, 12853.859, "D")]


def test_assemble_keeps_trailing_cells_apart_from_a_row_they_contradict():
    pieces = GRANT_HEAD + [T2("shares", "342.244", 232), T2("owned", "900", 233)] + TRAILING_CELLS
    rec = assemble(pieces)
    rows = rec["derivative_transactions"] + rec["derivative_holdings"]
    assert [r["shares_owned_following"] for r in rows] == [900, 12853.859]


# plain pdftotext of a Table I with a transaction and a holding: both rows' left-hand cells,
# then both rows' right-hand cells
BLOCKS = [L("title", "Common Stock", 115), L("tx_date", "09/30/2025", 117), L("code", "A", 119),
          L("shares", "118.8853", 133), L("title", "Common Stock", 135),
          L("owned", "12,119.7681", 155), L("price", "315.43", 156), L("di", "D", 158),
          L("owned", "45", 160), L("di", "I", 162), L("nature", "By", 164), L("nature", "Spouse", 165, begins=False)]


def test_assemble_pairs_a_table_read_block_by_block():
    rec = assemble(BLOCKS)
    tx, = rec["non_derivative_transactions"]
    assert (tx["shares"], tx["price_per_share"], tx["shares_owned_following"], tx["direct_or_indirect"]) == (
        118.8853, 315.43, 12119.7681, "D")
    assert [(h["security_title"], h["shares_owned_following"], h["direct_or_indirect"], h["nature_of_ownership"])
            for h in rec["non_derivative_holdings"]] == [("Common Stock", 45, "I", "By Spouse")]


def lines(*cells, start=100):
    """Table I pieces printed a cell a line (plain pdftotext) from (label, text) pairs, a
    list of pairs sharing a line; a label ``mark`` is a footnote mark."""
    out = []
    for k, cell in enumerate(cells):
        for col, (label, text) in enumerate(cell if isinstance(cell, list) else [cell]):
            out.append(replace(L("fn_mark" if label == "mark" else label, text, start + 2 * k), col=20 * col))
    return out


def sale(code=True):
    return [("title", "Common Stock"), ("tx_date", "12/22/2021")] + [("code", "S"), ("mark", "(1)")] * code


# Cut down from plain pdftotext of a real filing's long Table I (PayPal, 10b5-1 sales): the
# first page's rows printed a column at a time (titles to codes, amounts, amounts owned
# with their letters, A/D letters, prices), the next page's A/D letters, prices, amounts
# owned and letters first (one row's code and amount among them), then its titles, dates
# and codes, then its other amounts
SCATTERED = lines(*sale(), *sale(), ("shares", "17,202"), ("mark", "(2)"), ("shares", "18,767"), ("mark", "(2)"),
                  ("owned", "2,902,269"), ("di", "D"), ("owned", "2,883,502"), ("di", "D"), ("ad", "D"), ("ad", "D"),
                  ("price", "$ 992.688"), ("mark", "(3)"), ("price", "$ 993.643"), ("mark", "(4)"),
                  ("ad", "D"), [("price", "$ 1,005.747"), ("owned", "2,861,414")], ("di", "D"),
                  ("ad", "D"), [("price", "$ 1,006.795"), ("owned", "2,821,447")], ("di", "D"),
                  ("code", "S"), ("mark", "(1)"), [("shares", "700"), ("mark", "(2)"), ("ad", "D")],
                  [("price", "$ 1,007.689"), ("owned", "2,820,747")], ("di", "D"),
                  *sale(), *sale(), *sale(code=False), ("shares", "22,088"), ("mark", "(2)"),
                  ("shares", "39,967"), ("mark", "(2)"))
HOLDING_AFTER = lines(("title", "Common Stock"), ("owned", "174,706,221"), ("di", "I"), ("nature", "by Trust"),
                      ("mark", "(6)"), start=200)
CHAINED_SALES = [(17202, 992.688, 2902269), (18767, 993.643, 2883502), (22088, 1005.747, 2861414),
                 (39967, 1006.795, 2821447), (700, 1007.689, 2820747)]


@pytest.mark.parametrize("pieces, holdings", [
    (SCATTERED, []),
    # a holding after the sales keeps its own cells
    (SCATTERED + HOLDING_AFTER, [("Common Stock", 174706221, "I", "by Trust", ["F6"])]),
])
def test_assemble_reads_scattered_sales_by_their_amounts_chain(pieces, holdings):
    rec = assemble(pieces)
    sales = rec["non_derivative_transactions"]
    assert [(r["shares"], r["price_per_share"], r["shares_owned_following"]) for r in sales] == CHAINED_SALES
    assert {(r["security_title"], r["transaction_date"], r["transaction_code"], r["direct_or_indirect"])
            for r in sales} == {("Common Stock", "2021-12-22", "S", "D")}
    assert [set(r["footnote_ids"]) for r in sales[:2]] == [{"F1", "F2", "F3"}, {"F1", "F2", "F4"}]
    assert [(h["security_title"], h["shares_owned_following"], h["direct_or_indirect"], h["nature_of_ownership"],
             h["footnote_ids"]) for h in rec["non_derivative_holdings"]] == holdings


# the same sales held by a trust: natures printed twice for five rows, and a row's letter
# printed after the next row's price
INDIRECT = lines(*sale(), *sale(), ("shares", "17,202"), ("mark", "(2)"), ("shares", "18,767"), ("mark", "(2)"),
                 ("owned", "2,902,269"), ("di", "I"), ("owned", "2,883,502"), ("di", "I"), ("ad", "D"), ("ad", "D"),
                 ("price", "$ 992.688"), ("mark", "(3)"), ("price", "$ 993.643"), ("mark", "(4)"),
                 ("ad", "D"), [("price", "$ 1,005.747"), ("owned", "2,861,414")], ("price", "$ 1,006.795"),
                 ("di", "I"), ("ad", "D"), ("owned", "2,821,447"), ("di", "I"),
                 ("code", "S"), ("mark", "(1)"), [("shares", "700"), ("mark", "(2)"), ("ad", "D")],
                 [("price", "$ 1,007.689"), ("owned", "2,820,747")], ("di", "I"), ("nature", "by Trust"),
                 *sale(), *sale(), *sale(code=False), ("shares", "22,088"), ("mark", "(2)"),
                 ("shares", "39,967"), ("mark", "(2)"), ("nature", "by Trust"))


@pytest.mark.parametrize("pieces, ownership", [
    (INDIRECT, [("I", "by Trust")] * 5),
    # a letter the CRF did not read: the other rows still take the natures
    ([p for k, p in enumerate(INDIRECT) if k != next(k for k, p in enumerate(INDIRECT) if p.label == "di")],
     [(None, None)] + [("I", "by Trust")] * 4),
])
def test_assemble_reads_scattered_indirect_sales_by_their_amounts_chain(pieces, ownership):
    sales = assemble(pieces)["non_derivative_transactions"]
    assert [(r["shares"], r["price_per_share"], r["shares_owned_following"]) for r in sales] == CHAINED_SALES
    assert [(r["direct_or_indirect"], r["nature_of_ownership"]) for r in sales] == ownership


def test_assemble_reads_scattered_sales_across_an_amount_owned_left_untagged():
    lost = next(k for k, p in enumerate(SCATTERED) if p.text == "2,861,414")
    sales = assemble(SCATTERED[:lost] + SCATTERED[lost + 2:])["non_derivative_transactions"]     # its letter too
    assert [(r["shares"], r["price_per_share"], r["shares_owned_following"]) for r in sales] == CHAINED_SALES
    assert [r["direct_or_indirect"] for r in sales] == ["D"] * 5


def test_assemble_reads_scattered_sales_whose_amount_and_amount_owned_were_read_as_each_other():
    swapped = {"2,883,502": "shares", "18,767": "owned"}
    pieces = [replace(p, label=swapped.get(p.text, p.label)) for p in SCATTERED]
    sales = assemble(pieces)["non_derivative_transactions"]
    assert [(r["shares"], r["price_per_share"], r["shares_owned_following"]) for r in sales] == CHAINED_SALES


# Cut down from plain pdftotext of a real filing's Table I (Apple: shares withheld for tax,
# then sales, then a holding): the first row's amount owned printed above the other rows'
# cells, read as an amount, the second row's amount owned and price above its title, and
# the sales' price notes printed after the holding
OWNED_ABOVE_TITLE = lines(("title", "Common Stock"), [("shares", "194,007"), ("mark", "(2)")], ("di", "D"),
                          [("shares", "85,678"), ("ad", "A")], ("mark", "(1)"), ("owned", "149,391"), ("price", "$ 240.91"),
                          ("title", "Common Stock"), ("tx_date", "04/01/2020"), ("code", "F"),
                          [("shares", "44,616"), ("ad", "D"), ("mark", "(3)")],
                          ("title", "Common Stock"), ("tx_date", "04/02/2020"), [("code", "S"), ("mark", "(4)")],
                          ("shares", "3,849"), ("ad", "D"), [("price", "$ 238.03"), ("owned", "145,542")], ("di", "D"),
                          ("title", "Common Stock"), ("tx_date", "04/02/2020"), [("code", "S"), ("mark", "(4)")],
                          ("shares", "3,039"), ("ad", "D"), [("price", "$ 238.96"), ("owned", "142,503")], ("di", "D"),
                          ("owned", "13,986"), ("di", "I"), ("title", "Common Stock"), ("mark", "(5)"), ("mark", "(6)"),
                          ("nature", "By Trust"))


def test_chain_reader_takes_an_amount_read_above_every_amount_owned_as_the_first_rows():
    rec = assemble(OWNED_ABOVE_TITLE)
    assert [(r["shares"], r["shares_owned_following"], r["acquired_disposed"])
            for r in rec["non_derivative_transactions"]] == [
        (85678, 194007, "A"), (44616, 149391, "D"), (3849, 145542, "D"), (3039, 142503, "D")]
    assert [(h["shares_owned_following"], h["nature_of_ownership"]) for h in rec["non_derivative_holdings"]] == [
        (13986, "By Trust")]


def test_chain_reader_keeps_a_mark_beside_an_amount_owned_with_its_row():
    # the price notes (5), (6) printed below the table go to the sales in order; (2), beside
    # the first row's amount owned, is that row's own
    sales = assemble(OWNED_ABOVE_TITLE)["non_derivative_transactions"]
    assert [set(r["footnote_ids"]) for r in sales] == [{"F1", "F2"}, {"F3"}, {"F4", "F5"}, {"F4", "F6"}]


def test_chain_reader_carries_a_column_that_does_not_count_out_beside_its_amounts():
    # codes M and S one short of the rows: each stays beside the amount (or amount owned) it was read with
    amount, owned, m_code, s_code = P("shares", "2,134,440"), P("owned", "2,125,040"), P("code", "M"), P("code", "S")
    as_read = [Row("table1", {"shares": Value([amount]), "code": Value([m_code])}),
               Row("table1", {"owned": Value([owned]), "code": Value([s_code])})]
    rebuilt = [Row("table1", {"owned": Value([owned])}), Row("table1", {"shares": Value([amount])})]
    columns = {"code": [Value([m_code]), Value([s_code])]}
    assemble_module._carry_cells(as_read, rebuilt, ["code"], columns, {})
    assert [row.values["code"].texts for row in rebuilt] == [["S"], ["M"]]


def test_chain_reader_carries_a_value_a_rule_relabelled_beside_its_amount():
    # a letter the rules read as a code stands in the code's cell under another label
    amount, code = P("shares", "2,134,440"), P("ad", "M")
    as_read = [Row("table1", {"shares": Value([amount]), "code": Value([code])})]
    rebuilt = [Row("table1", {"shares": Value([amount])})]
    assemble_module._carry_cells(as_read, rebuilt, ["code"], {"ad": [Value([code])]}, {})
    assert rebuilt[0].values["code"].texts == ["M"]


def test_assemble_gives_scattered_sales_their_notes_in_order():
    # the next page's price marks printed as a column after its last cells
    pieces = SCATTERED + lines(("mark", "(5)"), ("mark", "(6)"), ("mark", "(7)"), start=300)
    assert [set(r["footnote_ids"]) for r in assemble(pieces)["non_derivative_transactions"]] == [
        {"F1", "F2", "F3"}, {"F1", "F2", "F4"}, {"F1", "F2", "F5"}, {"F1", "F2", "F6"}, {"F1", "F2", "F7"}]


def test_chain_reader_keeps_a_mark_after_a_letter_it_does_not_place():
    # one A/D letter fewer than sales: the letters stay unplaced, the mark after one stays
    pieces = [p for p in SCATTERED if (p.label, p.line) != ("ad", 134)]
    pieces = sorted(pieces + [L("fn_mark", "(9)", 133)], key=lambda p: p.line)
    notes = [set(r["footnote_ids"]) for r in assemble(pieces)["non_derivative_transactions"]]
    assert sum("F9" in ids for ids in notes) == 1


def numbered_sale(*marks, price="97.25", shares="1,000"):
    """A sale's cells a line each (plain pdftotext), its price apart from its ``$`` (the
    cell held a mark), then the marks printed beside it."""
    cells = [("title", "Common Stock"), ("tx_date", "08/09/2022"), ("code", "S")]
    cells += [("shares", shares)] if shares else []
    cells += [("ad", "D")]
    cells += [("price", price)] if price else []
    return cells + [("owned", "5,000"), ("di", "D")] + [("mark", m) for m in marks]


def numbered_pieces(*cells):
    """The cells' pieces, the price ``85.10`` standing after its ``$`` on one line (no note)."""
    return [replace(p, col=2) if p.text == "85.10" else p for p in lines(*cells)]


COLUMN = [("mark", "(4)"), ("mark", "(5)"), ("mark", "(6)")]
HELD = [("title", "Common Stock"), ("owned", "900"), ("di", "D")]


@pytest.mark.parametrize("pieces, notes", [
    # between the sales holding (3) and (7) three, printed as a column after the third
    (numbered_pieces(*numbered_sale("(3)"), *numbered_sale(), *numbered_sale(), *numbered_sale(), *COLUMN,
                     *numbered_sale("(7)", price=None), *numbered_sale(), *numbered_sale(price="85.10"),
                     *numbered_sale(), ("mark", "(8)"), ("mark", "(9)"), *HELD),
     [["F3"], ["F4"], ["F5"], ["F6"], ["F7"], ["F8"], [], ["F9"], []]),
    # counting on from (1) up to the sales holding notes of their own (one printed twice)
    (numbered_pieces(*numbered_sale("(1)"), *numbered_sale(), *numbered_sale(), *numbered_sale(),
                     *numbered_sale("(5)", "(5)"), *numbered_sale("(6)"), *numbered_sale(), ("mark", "(2)"),
                     ("mark", "(3)"), ("mark", "(4)"), ("mark", "(7)"), *HELD),
     [["F1"], ["F2"], ["F3"], ["F4"], ["F5"], ["F6"], ["F7"], []]),
    # a sale whose amount the text lost still takes its number
    (numbered_pieces(*numbered_sale("(3)"), *numbered_sale(shares=None), *numbered_sale(), *numbered_sale(),
                     *COLUMN, *numbered_sale("(7)"), *HELD),
     [["F3"], ["F4"], ["F5"], ["F6"], ["F7"], []]),
])
def test_assemble_gives_a_column_of_marks_to_sales_by_their_numbers(pieces, notes):
    rec = assemble(pieces)
    rows = rec["non_derivative_transactions"] + rec["non_derivative_holdings"]
    assert [sorted(r["footnote_ids"]) for r in rows] == notes


def indirect_sale(shares, owned):
    return [("title", "Common Stock"), ("tx_date", "09/12/2025"), ("code", "P"), ("shares", shares), ("ad", "A"),
            ("price", "$ 395.52"), ("owned", owned), ("di", "I")]


# Cut down from plain pdftotext of a real filing's long Table I (Tesla, purchases by a
# trust): a page's purchases, the direct holding after them, the last purchase's A/D letter
# printed after the holding's title, the page's price notes' marks, then the page's natures.
PAST_HOLDING = lines(*indirect_sale("116,948", "413,345,272"), *indirect_sale("17,536", "413,362,808"),
                     *indirect_sale("22,537", "413,385,345"), ("owned", "96,000,000"), ("di", "D"),
                     ("title", "Common Stock"), ("ad", "A"), ("mark", "(11)"), ("mark", "(12)"), ("mark", "(13)"),
                     *[cell for _ in range(3) for cell in (("nature", "By Trust"), ("mark", "(2)"))])


def test_assemble_gives_natures_printed_past_a_direct_holding_to_the_rows_before_it():
    rec = assemble(PAST_HOLDING)
    sales = rec["non_derivative_transactions"]
    assert [(r["nature_of_ownership"], sorted(r["footnote_ids"])) for r in sales] == [
        ("By Trust", ["F11", "F2"]), ("By Trust", ["F12", "F2"]), ("By Trust", ["F13", "F2"])]
    assert [(r["security_title"], r["shares_owned_following"], r["direct_or_indirect"], r["nature_of_ownership"])
            for r in rec["non_derivative_holdings"]] == [("Common Stock", 96000000, "D", None)]


@pytest.mark.parametrize("owned, amounts, chain", [
    # (start, [(index of the row's amount, index of its amount owned past the amounts)])
    ([2902269, 2883502, 2861414], [17202, 22088, 18767], (0, [(0, 3), (2, 4), (1, 5)])),
    # a holding printed before the sales: the chain begins after it
    ([500, 100, 90, 70], [5, 10, 20], (1, [(0, 4), (1, 5), (2, 6)])),
    # of two equal amounts, each goes to the row nearest its place in the text
    ([69064, 66110, 64213, 74213], [10000, 2954, 1897, 10000], (0, [(0, 4), (1, 5), (2, 6), (3, 7)])),
    # one more amount owned than amounts: the first row's amount unread (an exercise before sales)
    ([2134440, 2125040, 2101209, 2088675], [9400, 23831, 12534], (0, [(None, 3), (0, 4), (1, 5), (2, 6)])),
    # an amount owned the CRF left untagged: two amounts read one after another link across it
    ([161196420, 161110863, 160944316, 160841722], [85557, 87342, 79205, 102594, 86000],
     (0, [(4, 5), (0, 6), (1, None), (2, 7), (3, 8)])),
    # a later row's amount unread: no amount links its amount owned to the one before
    ([45482, 43882, 41996, 37136], [2100, 1600, 4860], (0, [(0, 3), (1, 4), (None, 5), (2, 6)])),
    # an amount owned no amount links to the one before
    ([100, 90, 75], [5, 10, 20], None),
    # two sales are too few to tell a chain from chance
    ([100, 90], [5, 10], None),
    # two runs of the amounts owned link: which are the sales', the text does not tell
    ([100, 90, 80, 70, 60], [10, 10, 10], None),
])
def test_amounts_chain_links_each_amount_owned_to_the_one_before(owned, amounts, chain):
    def values(label, numbers):
        return [Value([P(label, f"{n:,}")]) for n in numbers]
    amount_values, owned_values = values("shares", amounts), values("owned", owned)
    found = assemble_module._amounts_chain(owned_values, amount_values)
    index = {id(v): k for k, v in enumerate(amount_values + owned_values)}
    assert (found and (found[0], [(index.get(id(a)), index.get(id(o))) for a, o in found[2]])) == chain


# Cut down from a real filing's Table I in plain pdftotext: a sale's left-hand cells, a
# holding's title, then the sale's A/D letter and price, then both rows' right-hand cells
LATE_LETTER = [L("title", "Common Stock", 124), L("tx_date", "10/15/2020", 126), L("code", "F", 128),
               L("shares", "527", 130), L("title", "Common Stock", 132), L("ad", "D", 134),
               L("fn_mark", "(2)", 152), L("price", "215.4", 153), L("owned", "10,022", 153),
               L("di", "D", 155), L("owned", "300", 157), L("di", "I", 159), L("nature", "By Spouse's IRA", 161),
               L("fn_mark", "(3)", 163)]


@pytest.mark.parametrize("pieces, price", [
    (LATE_LETTER, 215.4),
    # the holding's part holding the letter alone gives it back too
    ([p for p in LATE_LETTER if p.label != "price" and p.text != "(2)"], None),
])
def test_assemble_gives_a_rows_letter_printed_after_the_next_title_back_to_it(pieces, price):
    rec = assemble(pieces)
    tx, = rec["non_derivative_transactions"]
    holding, = rec["non_derivative_holdings"]
    assert (tx["acquired_disposed"], tx["price_per_share"], tx["shares_owned_following"],
            tx["direct_or_indirect"]) == ("D", price, 10022, "D")
    assert (holding["shares_owned_following"], holding["direct_or_indirect"],
            holding["nature_of_ownership"], holding["footnote_ids"]) == (300, "I", "By Spouse's IRA", ["F3"])
    assert tx["footnote_ids"] == (["F2"] if price else [])


# Cut down from a real filing's Table I in plain pdftotext (a director's award and a trust's
# holding): the award's price printed after the holding's title, between its amounts owned
STRANDED_PRICE = [L("title", "Common Stock", 118), L("tx_date", "09/10/2025", 120), L("code", "A", 122),
                  L("shares", "125", 133), L("owned", "44,617", 151), L("di", "D", 153),
                  L("owned", "525", 155), L("di", "I", 157), L("title", "Common Stock", 165),
                  L("price", "$ 0", 167), L("nature", "By Trust", 169)]


# Cut down from a real filing's Table I in plain pdftotext (a sale and a spouse's holding):
# the holding's title printed before the sale's code, amount and letter
STRANDED_SALE = [L("title", "Common Stock", 99), L("tx_date", "08/28/2025", 101), L("title", "Common Stock", 103),
                 L("code", "S", 106), L("shares", "90,000", 115), L("ad", "D", 115), L("owned", "4,069,576", 131),
                 L("di", "D", 133), L("owned", "56,000", 135), L("di", "I", 137)]


def test_assemble_gives_a_sales_cells_printed_after_the_next_title_back_to_it():
    rec = assemble(STRANDED_SALE)
    tx, = rec["non_derivative_transactions"]
    holding, = rec["non_derivative_holdings"]
    assert (tx["transaction_code"], tx["shares"], tx["acquired_disposed"], tx["shares_owned_following"]) == (
        "S", 90000, "D", 4069576)
    assert (holding["shares_owned_following"], holding["direct_or_indirect"]) == (56000, "I")


def test_assemble_gives_a_mark_after_a_stranded_price_back_with_it():
    rec = assemble(STRANDED_SALE + [L("price", "$ 232.07", 141), L("fn_mark", "(1)", 142)])
    tx, = rec["non_derivative_transactions"]
    holding, = rec["non_derivative_holdings"]
    assert (tx["price_per_share"], tx["footnote_ids"], holding["footnote_ids"]) == (232.07, ["F1"], [])


@pytest.mark.parametrize("date", ["deemed_date", "ex_date", "exp_date"])
def test_assemble_keeps_the_cells_of_a_row_with_a_date_of_another_column(date):
    pieces = STRANDED_SALE[:3] + [L(date, "08/28/2025", 104)] + STRANDED_SALE[3:]
    assert [tx["transaction_code"] for tx in assemble(pieces)["non_derivative_transactions"]] == [None, "S"]


@pytest.mark.parametrize("pieces, prices", [
    (STRANDED_PRICE, [0]),
    # a transaction's own price stays, the row below with one keeps it as a transaction
    ([L("price", "$ 5", 134) if p.label == "owned" and p.text == "44,617" else p for p in STRANDED_PRICE], [5, 0]),
])
def test_assemble_gives_a_price_stranded_in_a_holding_to_the_transaction_before(pieces, prices):
    rec = assemble(pieces)
    assert [tx["price_per_share"] for tx in rec["non_derivative_transactions"]] == prices
    if len(prices) == 1:
        holding, = rec["non_derivative_holdings"]
        assert (holding["shares_owned_following"], holding["direct_or_indirect"],
                holding["nature_of_ownership"]) == (525, "I", "By Trust")


def _sale(line, price=None):
    pieces = [L("title", "Class A Common Stock", line), L("tx_date", "01/02/2013", line + 2),
              L("code", "S", line + 4), L("shares", "8,730", line + 6), L("ad", "D", line + 8)]
    priced = [L("price", price, line + 10)] if price else []
    return pieces + priced + [L("owned", "14,868", line + 12), L("di", "D", line + 14)]


# Cut down from a real filing's Table I in plain pdftotext (a long run of sales): the prices
# of two rows whose price cells wrapped printed after the table, each with its mark
@pytest.mark.parametrize("sales, prices", [
    (_sale(100, "$ 110.78") + _sale(120) + _sale(140) + _sale(160, "$ 115"), [110.78, 113.8, 115.6, 115]),
    # more sales without a price than prices apart: which sale each is is not known
    (_sale(100) + _sale(120) + _sale(140) + _sale(160, "$ 115"), [None, None, None, 115]),
])
def test_assemble_gives_prices_printed_after_the_table_to_the_sales_without_one(sales, prices):
    pieces = sales + [L("fn_mark", "(6)", 300), L("price", "$ 113.8", 302), L("fn_mark", "(6)", 304),
                      L("price", "$ 115.6", 306), L("fn_mark", "(6)", 308)]
    rows = assemble(pieces)["non_derivative_transactions"]
    assert [r["price_per_share"] for r in rows] == prices
    if prices[0]:
        assert [r["footnote_ids"] for r in rows] == [[], ["F6"], ["F6"], ["F6"]]


# Cut down from a real filing's Table I in plain pdftotext (a withholding and a grant): both
# transactions' right-hand cells, the first's from its amount on, then a holding, then
# both transactions' titles, dates and codes
RIGHT_CELLS_FIRST = [L("shares", "49", 134), L("ad", "D", 136), L("price", "68.27", 139),
                     L("owned", "2,353.34", 140), L("di", "D", 142), L("ad", "A", 144), L("price", "$ 0", 146),
                     L("owned", "2,713.34", 148), L("di", "D", 150), L("title", "Common Stock", 152),
                     L("owned", "149.7418", 154), L("di", "I", 156), L("nature", "By 401K", 158),
                     L("title", "Common Stock", 172), L("tx_date", "02/11/2020", 174), L("code", "F", 176),
                     L("title", "Common Stock", 178), L("tx_date", "02/11/2020", 180), L("code", "A", 182),
                     L("shares", "360", 186), L("fn_mark", "(1)", 187)]


def test_assemble_joins_right_hand_cells_printed_before_their_rows_titles():
    rec = assemble(RIGHT_CELLS_FIRST)
    assert [(tx["transaction_code"], tx["shares"], tx["acquired_disposed"], tx["price_per_share"],
             tx["shares_owned_following"]) for tx in rec["non_derivative_transactions"]] == [
        ("F", 49, "D", 68.27, 2353.34), ("A", 360, "A", 0, 2713.34)]
    holding, = rec["non_derivative_holdings"]
    assert (holding["shares_owned_following"], holding["nature_of_ownership"]) == (149.7418, "By 401K")


def test_assemble_leaves_blocks_alone_when_their_rows_do_not_pair():
    # two rows' left-hand cells, one row's right-hand cells: which row they belong to is not
    # known, so the amount owned stays in the second row (the price, alone among its
    # transaction cells, goes to the first)
    rec = assemble(BLOCKS[:-4])
    first, = rec["non_derivative_transactions"]
    second, = rec["non_derivative_holdings"]
    assert (first["shares"], first["shares_owned_following"]) == (118.8853, None)
    assert (second["security_title"], second["shares_owned_following"]) == ("Common Stock", 12119.7681)



def _rsu_left(line, date):
    return [T2("title", "Restricted", line), T2("title", "Stock", line + 1, False), T2("title", "Units", line + 2, False),
            T2("fn_mark", "(1)", line + 4), T2("tx_date", date, line + 6), T2("code", "A", line + 8)]


def _rsu_right(line, amount, amount_label, owned):
    return [T2(amount_label, amount, line), T2("fn_mark", "(2)", line + 2), T2("und_title", "Common", line + 4),
            T2("und_shares", amount, line + 5), T2("und_title", "Stock", line + 6, False),
            T2("price", "$0", line + 8), T2("owned", owned, line + 10), T2("di", "D", line + 12)]


# plain pdftotext of a Microsoft director's grants: both rows' title, date and code, then both
# rows' amount and right-hand cells, the second amount read as a price or as a shares amount
@pytest.mark.parametrize("amount_label", ["shares", "price"])
def test_assemble_pairs_blocks_whose_right_block_begins_with_the_amount(amount_label):
    pieces = (_rsu_left(222, "09/10/2025") + _rsu_left(232, "09/11/2025")
              + _rsu_right(242, "229.83", "shares", "25,241.11") + _rsu_right(258, "41.816", amount_label, "25,282.925"))
    rows = assemble(pieces)["derivative_transactions"]
    assert [(r["transaction_date"], r["shares"], r["underlying_shares"], r["price_per_share"],
             r["shares_owned_following"], r["direct_or_indirect"]) for r in rows] == [
        ("2025-09-10", 229.83, 229.83, 0, 25241.11, "D"), ("2025-09-11", 41.816, 41.816, 0, 25282.925, "D")]


# the same, the second row's amount untagged and its underlying title read as a title
# (or as what it is)
@pytest.mark.parametrize("label", ["title", "und_title"])
def test_assemble_pairs_blocks_whose_right_block_holds_an_underlying_title_read_as_a_title(label):
    pieces = (_rsu_left(183, "09/10/2025") + _rsu_left(193, "09/11/2025") + _rsu_right(207, "212.343", "shares", "4,373.961")
              + [T2("fn_mark", "(2)", 227), T2(label, "Common", 229), T2(label, "Stock", 230, False),
                 T2("price", "$0", 232), T2("owned", "4,381.205", 234), T2("di", "D", 236)])
    rows = assemble(pieces)["derivative_transactions"]
    assert [(r["security_title"], r["transaction_date"], r["shares"], r["underlying_security_title"],
             r["shares_owned_following"]) for r in rows] == [
        ("Restricted Stock Units", "2025-09-10", 212.343, "Common Stock", 4373.961),
        ("Restricted Stock Units", "2025-09-11", None, "Common Stock", 4381.205)]


# pdfminer of the same grants: a column of both rows' titles (three lines each), then
# their marks, dates, codes and amounts, the underlying titles, each row's underlying
# amount, price and amount owned, the D/I letters
def _rsu_title(line):
    return [T2("title", "Restricted", line), T2("title", "Stock", line + 1, False), T2("title", "Units", line + 2, False)]


RSU_COLUMNS = (_rsu_title(282) + _rsu_title(286) + [
    T2("fn_mark", "(1)", 290), T2("fn_mark", "(1)", 292), T2("tx_date", "09/10/2025", 294),
    T2("tx_date", "09/11/2025", 296), T2("code", "A", 300), T2("code", "A", 302), T2("shares", "229.83", 304),
    T2("fn_mark", "(2)", 306), T2("fn_mark", "(2)", 308), T2("shares", "41.816", 310), T2("fn_mark", "(3)", 311),
    T2("fn_mark", "(2)", 313), T2("fn_mark", "(2)", 315)]
    + [T2("und_title", "Common", 317), T2("und_title", "Stock", 318, False)]
    + [T2("und_title", "Common", 320), T2("und_title", "Stock", 321, False)]
    + [T2("und_shares", "229.83", 323), T2("price", "$0", 325), T2("owned", "25,241.11", 327),
       T2("und_shares", "41.816", 329), T2("price", "$0", 331), T2("owned", "25,282.925", 333),
       T2("di", "D", 335), T2("di", "D", 337)])


@pytest.mark.parametrize("pieces", [
    RSU_COLUMNS,
    # each title printed on one line
    [T2("title", "Restricted Stock Units", 282), T2("title", "Restricted Stock Units", 286)] + RSU_COLUMNS[6:],
])
def test_assemble_keeps_a_column_read_tables_rows_whose_titles_run_together_as_one_block(pieces):
    rows = assemble(pieces)["derivative_transactions"]
    assert [(r["security_title"], r["transaction_date"], r["shares"], r["underlying_shares"],
             r["shares_owned_following"], r["direct_or_indirect"]) for r in rows] == [
        ("Restricted Stock Units", "2025-09-10", 229.83, 229.83, 25241.11, "D"),
        ("Restricted Stock Units", "2025-09-11", 41.816, 41.816, 25282.925, "D")]


def _rsu_row(top, amount, mark, continued):
    """A Table II row as pdftotext -layout prints it (a JPMorgan filing): title and underlying
    title over three lines around the short cells, its mark below ``Restricted``, which is
    begun or, as the CRF may read it, continued from the row above."""
    return [C("title", "Restricted", top, 0, begins=not continued), C("fn_mark", mark, top + 1, 19),
            C("und_title", "Common", top + 1, 60),
            C("title", "Stock", top + 2, 0, False), C("tx_date", "10/25/2025", top + 2, 20),
            C("code", "M", top + 2, 32), C("shares", amount, top + 2, 40), C("und_shares", amount, top + 2, 70),
            C("und_title", "Stock", top + 3, 60, False), C("title", "Units", top + 4, 0, False)]


@pytest.mark.parametrize("continued", [False, True])
def test_assemble_opens_a_row_and_takes_its_marks_at_a_title_repeating_the_rows_own(continued):
    rows = assemble(_rsu_row(95, "826", "(1)", False) + _rsu_row(100, "881", "(2)", continued))
    assert [(r["security_title"], r["shares"], r["footnote_ids"]) for r in rows["derivative_transactions"]] == [
        ("Restricted Stock Units", 826, ["F1"]), ("Restricted Stock Units", 881, ["F2"])]


def in_text_order(pieces):
    """The pieces with offsets one after the other, as the text holds them."""
    return [replace(p, start=10 * k, end=10 * k + len(p.text)) for k, p in enumerate(pieces)]


# plain pdftotext of a two-row Table I (a tossww fixture): the table read column by
# column, both titles first, then each row's date and code, then the amounts
COLUMN_BY_COLUMN = in_text_order([
    P("title", "Common Stock"), P("title", "Common Stock"),
    P("tx_date", "09/02/2025"), P("code", "A"), P("tx_date", "09/02/2025"), P("code", "F"),
    P("shares", "54,053"), P("fn_mark", "(1)"), P("ad", "A"), P("shares", "27,989.367"), P("ad", "D"),
    P("owned", "569,405.331"), P("di", "D"), P("price", "$0"), P("owned", "541,415.964"),
    P("price", "506.69"), P("di", "D")])


@pytest.mark.parametrize("second_title", [
    P("title", "Common Stock"),
    # the CRF ran the first title on into the second, on the line below
    replace(P("title", "Common Stock", begins=False), line=1),
])
def test_assemble_rebuilds_a_table_read_column_by_column(second_title):
    pieces = [replace(COLUMN_BY_COLUMN[0], line=0), replace(second_title, start=10, end=22)] + COLUMN_BY_COLUMN[2:]
    rows = assemble(pieces)["non_derivative_transactions"]
    assert [(r["security_title"], r["transaction_code"], r["shares"], r["acquired_disposed"],
             r["shares_owned_following"], r["price_per_share"]) for r in rows] == [
        ("Common Stock", "A", 54053, "A", 569405.331, 0),
        ("Common Stock", "F", 27989.367, "D", 541415.964, 506.69)]
    assert [r["footnote_ids"] for r in rows] == [["F1"], []]


# pdfminer of a four-row Table I (a tossww fixture): three titles and their dates, then
# the fourth title and date, then each column's cells
COLUMNS_AFTER_THREE = in_text_order(
    [P("title", "Common Stock")] * 3 + [P("tx_date", "10/25/2025")] * 3 + [P("title", "Common Stock"),
     P("tx_date", "10/25/2025")] + [P("code", c) for c in "MMFF"] + [P("shares", n) for n in ("881", "826", "477", "486")]
    + [P("ad", c) for c in "AADD"] + [P("owned", n) for n in ("13,209", "14,035", "13,558", "13,072")]
    + [P("di", "D")] * 4)


def test_assemble_rebuilds_a_table_read_column_by_column_after_its_first_titles():
    rows = assemble(COLUMNS_AFTER_THREE)["non_derivative_transactions"]
    assert [(r["transaction_code"], r["shares"], r["acquired_disposed"], r["shares_owned_following"])
            for r in rows] == [("M", 881, "A", 13209), ("M", 826, "A", 14035), ("F", 477, "D", 13558),
                               ("F", 486, "D", 13072)]


# pdfminer of a two-row Table I (rs-kellogg 897802): each row's title with its date, then
# the codes, amounts, prices, amounts owned, D/I letters and the indirect row's nature
TITLES_WITH_DATES = in_text_order(
    [P("title", "Common Stock"), P("tx_date", "07/15/2020"), P("title", "Common Stock"), P("tx_date", "07/15/2020"),
     P("code", "P"), P("code", "P"), P("shares", "11,405"), P("ad", "A"), P("shares", "1,431"), P("ad", "A"),
     P("price", "$ 11.74"), P("price", "$ 11.74"), P("owned", "113,721"), P("owned", "3,862"),
     P("di", "D"), P("di", "I"), P("fn_mark", "(1)"), P("nature", "Spouse")])


def test_assemble_rebuilds_a_table_read_column_by_column_after_each_rows_title_and_date():
    rows = assemble(TITLES_WITH_DATES)["non_derivative_transactions"]
    assert [(r["shares"], r["price_per_share"], r["shares_owned_following"], r["direct_or_indirect"],
             r["nature_of_ownership"]) for r in rows] == [(11405, 11.74, 113721, "D", None),
                                                          (1431, 11.74, 3862, "I", "Spouse")]


# Cut down from pdfminer of a real filing's Table I (an exercise and its sales): each
# column's cells a line each, the exercise's price cell empty but for its marks
def exercise_and_sales(codes, holdings=0):
    """... and ``holdings`` holdings after the transactions, each a title, an amount owned
    and its letter in those columns."""
    pieces = in_text_order(
        [P("title", "Common Stock")] * (3 + holdings) + [P("tx_date", "10/01/2025")] * 3
        + [P("code", c) for c in codes]
        + [P("shares", n) for n in ("277,206", "147,243", "8,395")] + [P("ad", c) for c in "ADD"]
        + [P("fn_mark", "(1)"), P("price", "$ 255.45"), P("price", "$ 254.83")]
        + [P("owned", n) for n in ("3,557,501", "3,410,258", "3,401,863", "988", "989")[:3 + holdings]]
        + [P("di", "D")] * (3 + holdings))
    return [replace(p, line=2 * k) for k, p in enumerate(pieces)]


@pytest.mark.parametrize("codes, holdings, prices, notes", [
    ("MSS", 0, [None, 255.45, 254.83], [["F1"], [], []]),
    # holdings after the transactions: the codes are the first rows'
    ("MSS", 2, [None, 255.45, 254.83], [["F1"], [], []]),
    # a conversion's price cell is as often empty
    ("CSS", 0, [None, 255.45, 254.83], [["F1"], [], []]),
    # every row a sale: the two prices stay with the first two rows, the marks with the amounts
    ("SSS", 0, [255.45, 254.83, None], [[], [], ["F1"]]),
])
def test_assemble_gives_a_short_column_of_prices_to_the_rows_priced(codes, holdings, prices, notes):
    rows = assemble(exercise_and_sales(codes, holdings))["non_derivative_transactions"]
    assert [(r["price_per_share"], r["footnote_ids"]) for r in rows] == list(zip(prices, notes))


# pdfminer of three Table I holdings read column by column: the natures are the two
# indirect holdings', in order, not the first two holdings'
HOLDINGS_BY_COLUMN = in_text_order(
    [P("title", "Class A Common Stock")] * 3 + [P("owned", n) for n in ("53,602", "63", "103")]
    + [P("di", c) for c in "DII"] + [P("nature", "By Rivendell One LLC"), P("nature", "By The Founders Fund II, LP")])


@pytest.mark.parametrize("natures, expected", [
    (2, ["By Rivendell One LLC", "By The Founders Fund II, LP"]),
    # a nature lost (left untagged): the other still an indirect row's, the first
    (1, ["By Rivendell One LLC", None]),
])
def test_assemble_gives_a_column_read_tables_natures_to_its_indirect_rows(natures, expected):
    pieces = [p for p in HOLDINGS_BY_COLUMN if p.text != "By The Founders Fund II, LP" or natures == 2]
    rows = assemble(pieces)["non_derivative_holdings"]
    assert [(r["shares_owned_following"], r["direct_or_indirect"], r["nature_of_ownership"]) for r in rows] == [
        (53602, "D", None), (63, "I", expected[0]), (103, "I", expected[1])]


# Cut down from pdfminer of a real filing's Table II (two RSU settlements): the codes' column
# first, then each row's amount and dates, the right-hand columns, the titles last
def _codes_first(second_code="M"):
    return in_text_order([
        T2("code", "M", 347), T2("code", second_code, 349), T2("shares", "826", 351), T2("fn_mark", "(2)", 353),
        T2("tx_date", "10/25/2025", 355), T2("shares", "881", 357), T2("fn_mark", "(2)", 359),
        T2("exp_date", "10/25/2025", 361), T2("und_title", "Common Stock", 363),
        T2("und_title", "Common Stock", 366), T2("und_shares", "826", 369), T2("price", "$ 0", 371),
        T2("owned", "881", 373), T2("price", "$ 0", 377), T2("owned", "0", 379), T2("di", "D", 381),
        T2("di", "D", 383), T2("title", "Restricted Stock Units", 385), T2("title", "Restricted Stock Units", 389),
        T2("tx_date", "10/25/2025", 397), T2("exp_date", "10/25/2025", 399)])


def test_assemble_reads_a_table_column_by_column_where_a_full_column_opens_it():
    rows = assemble(_codes_first())["derivative_transactions"]
    assert [(r["security_title"], r["transaction_code"], r["shares"], r["shares_owned_following"],
             r["expiration_date"]) for r in rows] == [("Restricted Stock Units", "M", 826, 881, "2025-10-25"),
                                                       ("Restricted Stock Units", "M", 881, 0, "2025-10-25")]


def test_assemble_reads_rows_in_order_where_a_lone_value_opens_the_table():
    # ``M`` then a code of the row below: no full column, rows stay as text order read them
    pieces = [p for p in _codes_first() if p.line != 349]
    rows = assemble(pieces)["derivative_transactions"]
    assert rows[0]["security_title"] is None and [r["shares"] for r in rows[:2]] == [826, 881]


@pytest.mark.parametrize("pieces, codes", [
    (row(code="P") + row(code="S"), ["P", "S"]),     # rows one after the other
    # a title with no row of its own before a row: not every title first
    ([P("title", "Preferred Stock")] + row(code="P") + row(code="S"), ["P", "S"]),
])
def test_assemble_reads_rows_in_order_unless_a_full_column_begins_after_the_second_title(pieces, codes):
    rows = assemble(in_text_order(pieces))["non_derivative_transactions"]
    assert [r["transaction_code"] for r in rows] == codes


# Cut down from a real filing's Table II scraped from EDGAR's HTML view, one cell a line:
# the CRF read the amount owned after the price as a second amount of shares.
ONE_CELL_A_LINE = [C("title", "Restricted Stock Units", 19, 16), C("tx_date", "06/14/2018", 21, 12),
                   C("code", "A", 22, 1), C("shares", "18", 23, 20), C("und_title", "Common Stock", 27, 20),
                   C("und_shares", "18", 28, 20), C("price", "0", 30, 8)]


@pytest.mark.parametrize("tail, rows", [
    ([C("shares", "4,558", 31, 20), C("di", "D", 33, 20)], [(18, 4558, "D")]),
    # another row's amount comes after that row's title
    ([C("title", "Restricted Stock Units", 31, 16), C("shares", "20", 32, 20)], [(18, None, "D"), (20, None, "D")]),
    # a row that has its amount owned keeps it (the titleless second is given no D/I letter)
    ([C("owned", "4,558", 31, 20), C("shares", "20", 32, 20)], [(18, 4558, "D"), (20, None, None)]),
])
def test_assemble_reads_an_amount_after_the_price_as_the_amount_owned(tail, rows):
    got = assemble(ONE_CELL_A_LINE + tail)["derivative_transactions"]
    assert [(r["shares"], r["shares_owned_following"], r["direct_or_indirect"]) for r in got] == rows


# Cut down from a real filing's Table II in a plain-text copy, cells split by semicolons:
# the CRF read the price of 0 as the amount owned, before the amount owned itself.
SEMICOLON_ROW = [C("title", "Restricted Stock Units", 16, 0), C("tx_date", "9/8/22", 16, 30),
                 C("code", "A", 16, 40), C("shares", "30.825", 16, 46), C("und_title", "Common Stock", 16, 70),
                 C("und_shares", "30.825", 16, 84), C("owned", "0", 16, 92)]


@pytest.mark.parametrize("tail, rows", [
    ([C("owned", "12,884.683", 16, 95), C("di", "D", 16, 107)], [(0, 12884.683, "D")]),
    # a row with its D/I letter is whole: the next amount owned is not its (alone, it is left out)
    ([C("di", "D", 16, 95), C("owned", "500", 17, 95)], [(None, 0, "D")]),
])
def test_assemble_reads_an_amount_owned_before_the_amount_owned_as_the_price(tail, rows):
    got = assemble(SEMICOLON_ROW + tail)
    got = got["derivative_transactions"] + got["derivative_holdings"]
    assert [(r.get("price_per_share"), r["shares_owned_following"], r["direct_or_indirect"]) for r in got] == rows


# Cut down from a real filing's Table I in the plain text style, cells split by bars: the
# CRF read the fractional amount sold as an amount owned, before the amount owned itself.
BAR_ROW = [C("title", "Common Stock", 12, 0, zone="table1"), C("tx_date", "03/11/2024", 12, 15, zone="table1"),
           C("code", "S", 12, 31, zone="table1")]


@pytest.mark.parametrize("tail, row", [
    ([C("owned", "21,955.333", 12, 39, zone="table1"), C("ad", "D", 12, 52, zone="table1"),
      C("price", "403.9600", 12, 56, zone="table1"), C("owned", "159,763.8199", 12, 67, zone="table1"),
      C("di", "D", 12, 82, zone="table1")], (21955.333, "D", 159763.8199, "D")),
    # the A/D letter on another line: the amount's place tells nothing (left as read)
    ([C("owned", "21,955.333", 12, 39, zone="table1"), C("ad", "D", 13, 52, zone="table1"),
      C("price", "403.9600", 13, 56, zone="table1"), C("owned", "159,763.8199", 13, 67, zone="table1"),
      C("di", "D", 13, 82, zone="table1")], (None, "D", 21955.333, None)),
])
def test_assemble_reads_an_amount_owned_before_the_ad_letter_as_the_shares(tail, row):
    got = assemble(BAR_ROW + tail)["non_derivative_transactions"][0]
    assert (got["shares"], got["acquired_disposed"], got["shares_owned_following"], got["direct_or_indirect"]) == row


# Cut down from a real filing's Table I as pdfminer prints it: the ownership column (D/I
# letters, then natures) after every other cell of the table.
OWNERSHIP_LAST = [L("title", "Class A Common Stock", 1), L("tx_date", "05/15/2019", 2), L("code", "M", 3),
                  L("shares", "1,640", 4), L("ad", "A", 5), L("price", "$ 0", 6), L("owned", "9,948", 6),
                  L("title", "Class A Common Stock", 7), L("owned", "53,602", 8)]
COLUMN_AFTER = [L("di", "D", 9), L("di", "I", 10), L("nature", "By Rivendell", 11),
                L("nature", "One LLC", 12, begins=False), L("fn_mark", "(2)", 13)]


@pytest.mark.parametrize("pieces, rows", [
    (OWNERSHIP_LAST + COLUMN_AFTER, [("D", None, []), ("I", "By Rivendell One LLC", ["F2"])]),
    # letters printed row by row stay with their rows
    (OWNERSHIP_LAST[:7] + [L("di", "D", 6)] + OWNERSHIP_LAST[7:] + [L("di", "I", 8)] + COLUMN_AFTER[2:],
     [("D", None, []), ("I", "By Rivendell One LLC", ["F2"])]),
])
def test_assemble_gives_an_ownership_column_printed_last_to_the_rows_in_order(pieces, rows):
    got = assemble(pieces)
    got = got["non_derivative_transactions"] + got["non_derivative_holdings"]
    assert [(r["direct_or_indirect"], r["nature_of_ownership"], r["footnote_ids"]) for r in got] == rows


# Cut down from a real filing's Table I over two pages as pdfminer prints it: the first
# page's ownership column after its rows' other cells, then the second page's rows.
NEXT_PAGE = [L("title", "Class A Common Stock", 20), L("tx_date", "05/16/2019", 21), L("code", "S", 22),
             L("shares", "100", 23), L("ad", "D", 24), L("price", "$ 5", 25), L("owned", "9,848", 26),
             L("di", "D", 27)]
# the next page's holdings, a letter printed with the second one only
NEXT_PAGE_HOLDINGS = [L("title", "Class A Common Stock", 20), L("owned", "1,486,909", 21),
                      L("title", "Class A Common Stock", 22), L("nature", "By Fund LP", 23), L("di", "I", 24)]


@pytest.mark.parametrize("next_page, rows", [
    (NEXT_PAGE, [(9948, "D", None), (9848, "D", None), (53602, "I", "By Rivendell One LLC")]),
    # a single letter after the cut is no column: it stays with its row
    (NEXT_PAGE_HOLDINGS, [(9948, "D", None), (53602, "I", "By Rivendell One LLC"), (1486909, None, None),
                          (None, "I", "By Fund LP")]),
])
def test_assemble_spreads_a_page_ownership_column_before_the_next_page(next_page, rows):
    got = assemble(OWNERSHIP_LAST + COLUMN_AFTER + next_page)
    got = got["non_derivative_transactions"] + got["non_derivative_holdings"]
    assert [(r["shares_owned_following"], r["direct_or_indirect"], r["nature_of_ownership"]) for r in got] == rows


# Cut down from a real filing's Table II in markdown of a scan, one row a line: the CRF
# read the grant's amount after the code as its price, before the price itself.
AMOUNT_AS_PRICE = [C("title", "Restricted Stock Units", 31, 0), C("tx_date", "12/09/2024", 31, 30),
                   C("code", "A", 31, 42), C("price", "201.785", 31, 47), C("und_title", "Common Stock", 31, 60),
                   C("und_shares", "201.785", 31, 73)]


@pytest.mark.parametrize("pieces, rows", [
    (AMOUNT_AS_PRICE + [C("price", "$0", 31, 82), C("owned", "15487.344", 31, 86)], [(201.785, 0, 15487.344)]),
    # a price right after the first, nothing of the row between, is another row's (a column;
    # alone, it is left out)
    (AMOUNT_AS_PRICE[:4] + [C("price", "$0", 31, 54)], [(None, 201.785, None)]),
])
def test_assemble_reads_a_price_before_the_rows_price_as_its_amount(pieces, rows):
    got = assemble(pieces)
    got = got["derivative_transactions"] + got["derivative_holdings"]
    assert [(r.get("shares"), r["price_per_share"], r["shares_owned_following"]) for r in got] == rows



# plain pdftotext of a real filing's Table I (a fund's purchase and sale): each cell a line,
# the price's $ printed before the amount owned, the CRF reading the sale's 0 owned as its price
def _zero_price_row(code, price, owned, line=10):
    return [L("title", "COMMON STOCK", line), L("tx_date", "10/09/2025", line + 2), L("code", code, line + 4),
            L("shares", "190", line + 6), L("ad", "D", line + 8), L("price", price, line + 11),
            L("owned", owned, line + 12), L("di", "I", line + 14)]


@pytest.mark.parametrize("code, expected", [
    ("S", (10.62, 0)),
    # a gift at no price is right as read
    ("G", (0, 10.62)),
])
def test_assemble_gives_an_open_market_trade_read_at_zero_its_price(code, expected):
    row, = assemble(_zero_price_row(code, "0", "10.62"))["non_derivative_transactions"]
    assert (row["price_per_share"], row["shares_owned_following"]) == expected



# plain pdftotext of a real filing's Table I (an award, then shares withheld for its tax):
# the award's "$ 0" printed after the withholding's price, so the prices come in swapped
@pytest.mark.parametrize("second_code, prices", [
    ("F", [0, 506.69]),
    ("S", [0, 506.69]),
    # a gift may be at no price: left as read
    ("G", [506.69, 0]),
])
def test_assemble_swaps_a_grants_price_with_a_market_trade_read_at_zero(second_code, prices):
    pieces = (row(code="A", shares="3,813", ad="A", price="506.69", owned="73,530")
              + row(code=second_code, shares="514", price="$ 0", owned="73,016"))
    got = assemble(pieces)["non_derivative_transactions"]
    assert [r["price_per_share"] for r in got] == prices


# scraped HTML of a real filing's Table II (a founder's RSUs settled in Class B stock, itself
# convertible): both rows coded M, their A/D cells empty in the text
def _conversion_rows(received_title):
    return [T2("title", "Restricted Stock Unit", 25), T2("tx_date", "1/12/2012", 25), T2("code", "M", 25),
            T2("shares", "30,718", 25), T2("und_title", "Class B Common Stock", 25), T2("und_shares", "30,718", 25),
            T2("title", received_title, 26), T2("tx_date", "1/12/2012", 26), T2("code", "M", 26),
            T2("shares", "30,718", 26), T2("und_title", "Class A Common Stock", 26), T2("und_shares", "30,718", 26)]


@pytest.mark.parametrize("received_title, sides", [
    ("Class B Common Stock", ["D", "A"]),
    # a security no conversion in the table received keeps the side its code gives
    ("Series C Preferred Stock", ["D", "D"]),
])
def test_assemble_gives_a_security_received_in_a_conversion_the_acquired_side(received_title, sides):
    rows = assemble(_conversion_rows(received_title), {"derivative_transactions": {"M": "D"}})
    assert [r["acquired_disposed"] for r in rows["derivative_transactions"]] == sides


# scraped HTML of a real filing's Table II (two preferred series converted into Class B
# stock, itself convertible, every row coded C): the Class B received is the preferred
# rows' underlying amounts together
def _preferred_conversion(received):
    pieces = []
    for line, (title, shares, underlying) in enumerate([("Series A Preferred Stock", "12,681,798", "3,170,449"),
                                                        ("Series D Preferred Stock", "246,819", "61,704")]):
        pieces += [T2("title", title, line), T2("tx_date", "03/07/2012", line), T2("code", "C", line),
                   T2("shares", shares, line), T2("und_title", "Class B Common Stock", line),
                   T2("und_shares", underlying, line)]
    return pieces + [T2("title", "Class B Common Stock", 2), T2("tx_date", "03/07/2012", 2), T2("code", "C", 2),
                     T2("shares", received, 2), T2("und_title", "Class A Common Stock", 2), T2("und_shares", received, 2)]


@pytest.mark.parametrize("received, sides", [
    ("3,232,153", ["D", "D", "A"]),
    ("61,704", ["D", "D", "A"]),        # the nearest row's alone
    ("3,170,449", ["D", "D", "D"]),     # a sum that skips the nearest row is none
])
def test_assemble_gives_a_security_received_from_several_conversions_the_acquired_side(received, sides):
    rows = assemble(_preferred_conversion(received), {"derivative_transactions": {"C": "D"}})
    assert [r["acquired_disposed"] for r in rows["derivative_transactions"]] == sides


def test_assemble_keeps_a_side_the_text_shows_for_a_received_security():
    pieces = _conversion_rows("Class B Common Stock")
    pieces.insert(10, T2("ad", "D", 26))
    rows = assemble(pieces, {"derivative_transactions": {"M": "D"}})
    assert [r["acquired_disposed"] for r in rows["derivative_transactions"]] == ["D", "D"]


def _founders_row(top, nature_col=197):
    """A row of pdftotext -layout of a real filing's Table I (PayPal): its nature, four
    lines a word or two each, centred on the row's line ``top``, three lines above it."""
    return [N("nature", "By The", top - 3, nature_col), N("nature", "Founders", top - 1, nature_col, begins=False),
            N("title", "Class A Common Stock", top, 0), N("tx_date", "07/28/2017", top, 45),
            N("code", "S", top, 88), N("shares", "1,816", top, 102), N("ad", "D", top, 110),
            N("price", "169.486", top, 117), N("owned", "43,843", top, 125), N("di", "I", top, 180),
            N("nature", "Fund IV,", top + 2, nature_col, begins=False),
            N("nature", "LP", top + 3, nature_col, begins=False)]


@pytest.mark.parametrize("nature_col, natures", [
    (197, ["By The Founders Fund IV, LP"] * 2),
    # in a column left of the row's short cells the heads are no row's
    (20, ["Fund IV, LP", "Fund IV, LP"]),
])
def test_assemble_gives_a_nature_centred_three_lines_above_its_row_that_row(nature_col, natures):
    rows = assemble(_founders_row(10, nature_col) + _founders_row(17, nature_col))["non_derivative_transactions"]
    assert [r["nature_of_ownership"] for r in rows] == natures



def _founders_swap_row(top, head_col, founders_begins):
    """pdftotext -layout of a real filing's Table II row (PayPal, a J exchange of Class B
    for Class A): the nature's head ``By The`` alone two lines above the row's line
    ``top``, ``Founders`` on the title's first line (``Class B``, with the underlying
    title's head and the price), the rest below."""
    return [C("nature", "By The", top - 2, head_col), C("title", "Class B", top - 1, 0),
            C("und_title", "Class A", top - 1, 131), C("price", "69.35", top - 1, 166),
            C("nature", "Founders", top - 1, 197, begins=founders_begins), C("title", "Common Stock", top, 0),
            C("tx_date", "05/17/2019", top, 26), C("code", "J", top, 72), C("shares", "24,791", top, 87),
            C("und_title", "Common Stock", top, 131, begins=False), C("und_shares", "24,791", top, 140),
            C("owned", "16,840", top, 160), C("di", "I", top, 180),
            C("nature", "Fund IV, LP", top + 1, 197, begins=False)]


@pytest.mark.parametrize("head_col, founders_begins, natures", [
    (197, False, ["By The Founders Fund IV, LP"] * 2),
    # the CRF began the nature anew on the title's line: the head above is no part of it
    (197, True, ["Founders Fund IV, LP"] * 2),
    # the head in another column: not this cell's
    (20, False, ["Founders Fund IV, LP"] * 2),
])
def test_assemble_gives_a_tall_row_the_nature_head_alone_above_it_where_the_nature_goes_on(head_col, founders_begins,
                                                                                          natures):
    rows = assemble(_founders_swap_row(82, head_col, founders_begins)
                    + _founders_swap_row(90, head_col, founders_begins))["derivative_transactions"]
    assert [r["nature_of_ownership"] for r in rows] == natures


def _option_row(und_line):
    """pdftotext -layout of a real filing's Table II row (an option exercise): title and
    underlying title centred on the row's line 87, the underlying title's head
    ``Class A`` on line ``und_line``, the title's ``Option`` between."""
    t2 = lambda *a, **k: C(*a, **k, zone="table2")
    return [t2("title", "Stock", 84, 0), t2("und_title", "Class A", und_line, 131),
            t2("title", "Option", 86, 0, begins=False), t2("ex_price", "1.16", 87, 16),
            t2("tx_date", "05/11/2023", 87, 26), t2("code", "M", 87, 72), t2("shares", "200,000", 87, 87),
            t2("exp_date", "06/12/2027", 87, 120), t2("und_title", "Common", 87, 131),
            t2("und_shares", "200,000", 87, 138), t2("price", "0", 87, 166), t2("owned", "0", 87, 186),
            t2("di", "D", 87, 203), t2("und_title", "Stock", 89, 132, begins=False)]


@pytest.mark.parametrize("und_line, titles", [
    (85, ["Class A Common Stock"]),
    # three lines above, no longer the head of a cell centred on the row
    (84, ["Class A", "Common Stock"]),
])
def test_assemble_continues_an_underlying_title_begun_two_lines_above_the_row(und_line, titles):
    rec = assemble(_option_row(und_line))
    rows = rec["derivative_transactions"] + rec["derivative_holdings"]
    assert [r["underlying_security_title"] for r in rows] == titles


def _ocr_rsu_row(title_line):
    """Tesseract of a real filing's Table II row (Thiel's RSUs): the underlying title's
    head ``Class A`` two lines above the row's ``Common``, in no column of it."""
    t2 = lambda *a, **k: C(*a, **k, zone="table2")
    return [t2("title", "Restricted Stock", 84, 0), t2("und_title", "Class A", 84, 19),
            t2("title", "Units", title_line, 0, begins=False), t2("tx_date", "06/15/2021", 86, 8),
            t2("code", "A", 86, 19), t2("shares", "946", 86, 21), t2("und_title", "Common", 86, 33),
            t2("und_shares", "946", 86, 42), t2("price", "0", 86, 50), t2("owned", "946", 86, 52),
            t2("di", "D", 86, 56), t2("und_title", "Stock", 87, 8, begins=False)]


@pytest.mark.parametrize("title_line, titles", [
    (86, ["Class A Common Stock"]),     # a blank line between
    # a line of the row's cells between, the two in no one column: two cells
    (85, ["Class A", "Common Stock"]),
])
def test_assemble_continues_an_ocr_underlying_title_across_a_blank_line(title_line, titles):
    rec = assemble(_ocr_rsu_row(title_line))
    rows = rec["derivative_transactions"] + rec["derivative_holdings"]
    assert [r["underlying_security_title"] for r in rows] == titles


# OCR's readings of the conformed signature's "/s/" (Tesseract, the corpus's Hoffman,
# JPMorgan and Weiss filings); a capital initial or a name like "Si" stays
@pytest.mark.parametrize("shown, name", [
    ("si Devang Shah, by power of attorney", "/s/ Devang Shah, by power of attorney"),
    ("Is! Holly Youngwood under POA", "/s/ Holly Youngwood under POA"),
    ("Js! Devang Shah, by power of attorney", "/s/ Devang Shah, by power of attorney"),
    ("isi David Kling as attorney-in-fact", "/s/ David Kling as attorney-in-fact"),
    ("S: Tao Li, as attorney in fact", "/s/ Tao Li, as attorney in fact"),
    ("/s/ Irene E. Han under POA", "/s/ Irene E. Han under POA"),
    ("Si Chen", "Si Chen"),
    ("S John Smith", "S John Smith"),
])
def test_assemble_reads_an_ocr_garbled_conformed_signature_as_its_mark(shown, name):
    rec = assemble([P("sig_name", shown, "signature"), P("sig_date", "03/12/2021", "signature")])
    assert rec["signatures"][0]["name"] == name


# pdfminer of real filings (AbbVie, Arrowhead, Tesla): box 5's check mark or the owner's
# officer title printed right before the signature, the CRF reading it into the name or
# as a signature of its own
@pytest.mark.parametrize("signed, names", [
    ([("X /s/Adeoye Olukotun", "12/23/2025")], ["/s/Adeoye Olukotun"]),
    ([("EVP, Chief HR Officer Steven L. Scrogham, attorney-in-fact", "10/01/2019")],
     ["Steven L. Scrogham, attorney-in-fact"]),
    ([("EVP, Chief HR Officer", None), ("/s/ Steven L. Scrogham", "10/01/2019")], ["/s/ Steven L. Scrogham"]),
    # a name that only begins like a title, or a dated title: as read
    ([("EVP Holdings LLC, by its manager", "10/01/2019")], ["EVP Holdings LLC, by its manager"]),
    ([("Xavier Ruiz", "10/01/2019")], ["Xavier Ruiz"]),
    ([("EVP, Chief HR Officer", "10/01/2019")], ["EVP, Chief HR Officer"]),
])
def test_assemble_reads_a_signature_without_box_fives_check_or_title(signed, names):
    pieces = owner_pieces("Richmond Timothy J.", title="EVP, Chief HR Officer", flag="is_officer")
    for name, date in signed:
        pieces += [P("sig_name", name, "signature")] + ([P("sig_date", date, "signature")] if date else [])
    assert [s["name"] for s in assemble(pieces)["signatures"]] == names


def lost_letter_row(zone, nature=None):
    """A transaction row whose D/I letter the text lost, with or without a nature."""
    pieces = [P("title", "Stock Option" if zone == "table2" else "Common Stock", zone),
              P("tx_date", "06/17/2013", zone), P("code", "M", zone), P("shares", "1,000", zone),
              P("ad", "D", zone), P("owned", "0", zone)]
    return pieces + ([P("nature", nature, zone)] if nature else [])


@pytest.mark.parametrize("pieces, table, letter", [
    # a row naming how it is held indirectly is held indirectly
    (lost_letter_row("table1", "By Trust"), "non_derivative_transactions", "I"),
    (lost_letter_row("table2", "By The Founders Fund IV, LP"), "derivative_transactions", "I"),
    # a derivative transaction naming none is held directly (403 of the corpus's 618)
    (lost_letter_row("table2"), "derivative_transactions", "D"),
    # Table I rows are held indirectly more often than not: no letter is made up
    (lost_letter_row("table1"), "non_derivative_transactions", None),
    # a letter the text shows stands
    (lost_letter_row("table2", "By Trust") + [P("di", "D", "table2")], "derivative_transactions", "D"),
])
def test_assemble_gives_a_row_that_lost_its_ownership_letter_the_one_its_nature_implies(pieces, table, letter):
    rows = assemble(pieces)[table]
    assert [r["direct_or_indirect"] for r in rows] == [letter]


@pytest.mark.parametrize("apart, rows, warned", [
    # a price and an amount owned printed apart from every row (pdfminer) make no row
    ([P("price", "$509.90"), P("owned", "1,443,715")], 1,
     ["Table I cells read apart from every row left out: price_per_share $509.90, shares_owned_following 1,443,715"]),
    # a D/I letter ties its cells to a line of the form: they stay a row
    ([P("price", "$509.90"), P("owned", "1,443,715"), P("di", "D")], 2, []),
    # a title alone, no transaction's or holding's cell with it, makes no holding
    ([P("title", "Common Shares")], 1, ["Table I cells read apart from every row left out: security_title Common Shares"]),
])
def test_assemble_leaves_out_cells_read_apart_from_every_row_with_a_warning(apart, rows, warned):
    record = assemble(row() + apart)
    assert len(record["non_derivative_transactions"]) + len(record["non_derivative_holdings"]) == rows
    assert record["warnings"] == warned


# Cut down from a real filing's box 5 (markdown): ``__X__ Other (specify below)  Chief
# Accounting Officer``, the text read as an officer title
@pytest.mark.parametrize("flag, officer, other", [
    ("is_other", (False, None), (True, "Chief Accounting Officer")),
    ("is_officer", (True, "Chief Accounting Officer"), (False, None)),
    (None, (True, "Chief Accounting Officer"), (False, None)),       # no mark read: the title says officer
])
def test_assemble_reads_box_5s_text_below_a_checked_other_as_what_the_owner_specifies(flag, officer, other):
    owner = assemble(owner_pieces("SMITH DARLA M", "Chief Accounting Officer", flag))["reporting_owners"][0]
    assert (owner["is_officer"], owner["officer_title"]) == officer
    assert (owner["is_other"], owner["other_text"]) == other


# Scraped HTML of a real filing (Tesla) glues box 1's next label to the officer title and
# the Remarks heading to the remarks
@pytest.mark.parametrize("title, remarks, expected", [
    ("CEO(Last)", "Remarks:This Form 4 is the first of two", ("CEO", "This Form 4 is the first of two")),
    ("CEO", "This Form 4 is the first of two", ("CEO", "This Form 4 is the first of two")),
    ("Chief Executive Officer (First)", "Remarks: none given", ("Chief Executive Officer", "none given")),
    # and the form's closing note to the remarks' end (Apple, Abbott)
    ("CEO", "Exhibit 24 - Power of AttorneyNote", ("CEO", "Exhibit 24 - Power of Attorney")),
    ("CEO", "complying with Rule 10b5-1(c).Note", ("CEO", "complying with Rule 10b5-1(c).")),
    ("CEO", "See the Investor Note", ("CEO", "See the Investor Note")),
])
def test_assemble_drops_form_labels_glued_to_an_officer_title_and_the_remarks(title, remarks, expected):
    pieces = owner_pieces("Musk Elon", title) + [Piece("remarks", remarks, 50, 50 + len(remarks), "remarks", 0.9, True)]
    record = assemble(pieces)
    assert (record["reporting_owners"][0]["officer_title"], record["remarks"]) == expected


def _see_footnote_rows(mark_lines, letters="DII"):
    """Plain pdftotext of a real filing's Table I (three purchases, the last two held
    indirectly ``See footnote``: ``letters``), each row a cell a line with blank lines
    between; the natures' marks on ``mark_lines`` after the table."""
    pieces = []
    for top, di in zip((138, 152, 171), letters):
        pieces += [L("title", "Common Stock", top), L("tx_date", "02/06/2024", top + 2), L("code", "P", top + 4),
                   L("shares", "333,333", top + 6), L("ad", "A", top + 8), L("owned", "1,251,900", top + 10),
                   L("di", di, top + 12)]
        if di == "I":
            pieces += [L("nature", "See", top + 14), L("nature", "footnote", top + 15, begins=False)]
    return pieces + [L("fn_mark", "(3)", line) for line in mark_lines]


@pytest.mark.parametrize("mark_lines, ids", [
    # a block each: one mark line for each of the last rows, in order
    ((191, 193), [[], ["F3"], ["F3"]]),
    # right below each other: one cell's marks wrapped, the last row's
    ((187, 188), [[], [], ["F3"]]),
    # a lone mark line stays the last row's
    ((191,), [[], [], ["F3"]]),
])
def test_assemble_gives_mark_lines_after_a_table_to_its_last_rows_in_order(mark_lines, ids):
    rows = assemble(_see_footnote_rows(mark_lines))["non_derivative_transactions"]
    assert [r["footnote_ids"] for r in rows] == ids


def test_assemble_gives_mark_lines_after_a_table_to_its_last_natures_where_its_last_row_has_none():
    rows = assemble(_see_footnote_rows((191, 193), letters="IID"))["non_derivative_transactions"]
    assert [r["footnote_ids"] for r in rows] == [["F3"], ["F3"], []]


def _sales_then_mark_columns(mark_lines):
    """Plain pdftotext of a real filing's Table I (a conversion, then three sales at
    weighted-average prices, all held indirectly ``See footnote``), each cell a line with
    blank lines between; after the table, the marks of each price, then of each nature,
    one line each a block apart (``mark_lines``: their texts)."""
    pieces, top = [], 120
    for k, (code, ad, price) in enumerate((("C", "A", None), ("S", "D", "88.11"), ("S", "D", "89.03"),
                                           ("S", "D", "89.65"))):
        pieces += [L("title", "Class A Common Stock", top), L("tx_date", "02/27/2012", top + 2),
                   L("code", code, top + 4), L("shares", "18,251", top + 6), L("ad", ad, top + 6)]
        pieces += [L("price", price, top + 9)] if price else []
        pieces += [L("owned", "60,416", top + 9), L("di", "I", top + 11), L("nature", "See", top + 13),
                   L("nature", "footnote", top + 14, begins=False)]
        top += 16
    return pieces + [L("fn_mark", mark, top + 2 * k) for k, line in enumerate(mark_lines) for mark in line.split()]


@pytest.mark.parametrize("mark_lines, ids", [
    # three price marks, then four nature marks: cut where the marks change
    (["(6)"] * 3 + ["(4)"] * 4, [["F4"], ["F6", "F4"], ["F6", "F4"], ["F6", "F4"]]),
    # three single marks, then three pairs: the last three rows' two columns
    (["(6)", "(7)", "(8)"] + ["(3) (4)"] * 3, [[], ["F6", "F3", "F4"], ["F7", "F3", "F4"], ["F8", "F3", "F4"]]),
    # no line where the marks change: the lines stay the last row's
    (["(4)"] * 6, [[], [], [], ["F4"]]),
])
def test_assemble_cuts_mark_columns_printed_after_a_table_where_their_marks_change(mark_lines, ids):
    rows = assemble(_sales_then_mark_columns(mark_lines))["non_derivative_transactions"]
    assert [r["footnote_ids"] for r in rows] == ids


@pytest.mark.parametrize("mark_lines, ids", [
    (["(6)"] * 3 + ["(4)"] * 4, [["F4"], ["F6", "F4"], ["F6", "F4"], ["F6", "F4"]]),
    (["(4)"] * 6, [[], [], [], ["F4"]]),
])
def test_assemble_cuts_mark_columns_printed_between_a_tables_transactions_and_holdings(mark_lines, ids):
    """Plain pdftotext prints a page's holdings after the transactions' mark columns."""
    top = 200 + 2 * len(mark_lines)
    holding = [L("title", "Class A Common Stock", top), L("owned", "212,172", top + 2), L("di", "D", top + 4)]
    record = assemble(_sales_then_mark_columns(mark_lines) + holding)
    assert [r["footnote_ids"] for r in record["non_derivative_transactions"]] == ids
    assert [r["footnote_ids"] for r in record["non_derivative_holdings"]] == [[]]


def _sales_holdings_then_mark_columns(mark_lines, priced=3):
    """Plain pdftotext of a real filing's Table I (three sales held ``See Footnotes``,
    two holdings ``See Footnote`` and a direct one), each cell a line with blank lines
    between; after the table, mark lines a block apart (``mark_lines``: their texts):
    the titles', then the prices', then the holdings' natures' marks. The first
    ``priced`` sales print a price."""
    pieces, top = [], 145
    for k in range(3):
        pieces += [L("title", "Class A Common Stock", top), L("tx_date", "02/29/2024", top + 3),
                   L("code", "S", top + 5), L("shares", "50,000", top + 7), L("ad", "D", top + 9)]
        pieces += [L("price", "2.5215", top + 11)] if k < priced else []
        pieces += [L("owned", f"46{k},564", top + 11), L("di", "I", top + 13), L("nature", "See", top + 15),
                   L("nature", "Footnotes", top + 16, begins=False)]
        top += 19
    for k, letter in enumerate("IID"):
        pieces += [L("title", "Class A Common Stock", top), L("owned", f"1,00{k},000", top + 3), L("di", letter, top + 5)]
        pieces += [L("nature", "See", top + 7), L("nature", "Footnote", top + 8, begins=False)] if letter == "I" else []
        top += 10
    return pieces + [L("fn_mark", mark, top + 2 * k) for k, line in enumerate(mark_lines) for mark in line.split()]


MARK_COLUMNS = ["(1)", "(1)", "(7)", "(3) (4)", "(3) (5)", "(3) (6)", "(8)", "(9)"]


@pytest.mark.parametrize("priced, sales, holdings", [
    # a column for the sales' titles, one for their prices, one for the natured holdings
    (3, [["F1", "F3", "F4"], ["F1", "F3", "F5"], ["F7", "F3", "F6"]], [["F8"], ["F9"], []]),
    # a sale without a price: not the sales' two columns, the lines stay the last row's
    (2, [[], [], []], [[], [], ["F1", "F7", "F3", "F4", "F5", "F6", "F8", "F9"]]),
])
def test_assemble_gives_title_and_price_mark_columns_after_a_table_to_its_sales(priced, sales, holdings):
    record = assemble(_sales_holdings_then_mark_columns(MARK_COLUMNS, priced))
    assert [r["footnote_ids"] for r in record["non_derivative_transactions"]] == sales
    assert [r["footnote_ids"] for r in record["non_derivative_holdings"]] == holdings


def _sales_by_blocks(second_letter):
    """Plain pdftotext of a real filing's Table I (three sales): every row's title, date
    and code, then every row's amount, then each row's A/D letter, price, amount owned
    and D/I letter, the CRF reading that letter as ``second_letter``."""
    pieces = []
    for k in range(3):
        pieces += [L("title", "Common Stock", 119 + 6 * k), L("tx_date", "12/19/2025", 121 + 6 * k),
                   L("code", "S", 123 + 6 * k), L("shares", f"{k + 1},090", 147 + 3 * k)]
        pieces += [L("ad", "D", 174 + 7 * k), L("price", f"6{k}.7", 177 + 7 * k), L("owned", f"4{k},510", 179 + 7 * k),
                   L(second_letter, "D", 181 + 7 * k)]
    return pieces


@pytest.mark.parametrize("second_letter", ["ad", "di"])
def test_assemble_reads_a_letter_after_an_amount_owned_as_the_rows_ownership_form(second_letter):
    rows = assemble(_sales_by_blocks(second_letter))["non_derivative_transactions"]
    assert [(r["shares"], r["acquired_disposed"], r["price_per_share"], r["shares_owned_following"],
             r["direct_or_indirect"]) for r in rows] == [(1090, "D", 60.7, 40510, "D"), (2090, "D", 61.7, 41510, "D"),
                                                          (3090, "D", 62.7, 42510, "D")]


def _centred_natures(tail_line):
    """pdftotext -layout of a real filing's holdings (AbbVie): each row's two-line nature
    centred on its row's line, the CRF beginning the first row's second line anew at
    ``tail_line``."""
    pieces = [L("title", "Common Stock", 59), L("nature", "By", 59), L("owned", "6,715", 60), L("di", "I", 60),
              L("nature", "Spouse", tail_line)]
    return pieces + [L("title", "Common Stock", 63), L("nature", "By Step-", 63), L("owned", "450", 64),
                     L("di", "I", 64), L("nature", "daughter", 65, begins=False)]


@pytest.mark.parametrize("tail_line, natures", [
    # right below the row's line: the rest of the row's nature
    (61, ["By Spouse", "By Step-daughter"]),
    # right above the next row's title: that row's head, as the CRF began it
    (62, ["By", "Spouse By Step-daughter"]),
])
def test_assemble_joins_a_nature_centred_on_its_row_line(tail_line, natures):
    rows = assemble(_centred_natures(tail_line))["non_derivative_holdings"]
    assert [r["nature_of_ownership"] for r in rows] == natures


def _sales_pages(pages):
    """Plain pdftotext of a real filing's long Table I (PayPal, a holder's sales of a
    day): each row a cell a line with blank lines between, each page's rows followed by
    the column of their weighted-average price marks; ``pages``: (rows, marks) a page."""
    pieces, line = [], 100
    for rows, marks in pages:
        for _ in range(rows):
            pieces += [L("title", "Common Stock", line), L("tx_date", "11/07/2022", line + 2),
                       L("code", "S", line + 4), L("shares", "52,445", line + 6), L("ad", "D", line + 8),
                       L("price", "205.333", line + 11), L("owned", "450,238,806", line + 11), L("di", "I", line + 13)]
            line += 15
        for mark in marks:
            pieces.append(L("fn_mark", mark, line))
            line += 2
    return pieces


@pytest.mark.parametrize("pages, ids", [
    # a column below each page, one mark for each of its rows
    ([(3, ["(2)", "(3)", "(4)"]), (3, ["(5)", "(6)", "(7)"])], [["F2"], ["F3"], ["F4"], ["F5"], ["F6"], ["F7"]]),
    # a column of another count than its page's rows: no telling which rows, left as read
    ([(3, ["(2)", "(3)", "(4)", "(5)"]), (2, [])], [[], [], ["F2", "F3", "F4", "F5"], [], []]),
    # two mark lines below a page's rows: the last row's own, as read
    ([(2, ["(2)", "(3)"]), (2, [])], [[], ["F2", "F3"], [], []]),
])
def test_assemble_gives_each_page_mark_column_to_the_page_rows_in_order(pages, ids):
    rows = assemble(_sales_pages(pages))["non_derivative_transactions"]
    assert [r["footnote_ids"] for r in rows] == ids


def _sales_with_prices_apart(apart, marks):
    """``_sales_pages`` of five rows and ``marks`` (Tesla, an exercise then sales), the price
    of each row in ``apart`` wrapped after its ``$`` (its digits opening their line), the
    others printed whole (``$ 24.73``)."""
    pieces = _sales_pages([(5, marks)])
    prices = [i for i, p in enumerate(pieces) if p.label == "price"]
    for k, i in enumerate(prices):
        pieces[i] = replace(pieces[i], col=0 if k in apart else 2)
    return pieces


@pytest.mark.parametrize("apart, ids", [
    # the rows whose price cell wrapped after its $ (a mark made it wider): theirs in order
    ({1, 2, 3}, [[], ["F2"], ["F3"], ["F4"], []]),
    # as many such rows as marks, or none: the last rows', as before
    ({1, 2}, [[], [], ["F2"], ["F3"], ["F4"]]),
    (set(), [[], [], ["F2"], ["F3"], ["F4"]]),
])
def test_assemble_gives_a_mark_column_below_the_table_to_the_rows_with_prices_apart_from_dollars(apart, ids):
    rows = assemble(_sales_with_prices_apart(apart, ["(2)", "(3)", "(4)"]))["non_derivative_transactions"]
    assert [r["footnote_ids"] for r in rows] == ids


def _sales_page_marked_before_last_price(marks, exercise_first=False, rows=4):
    """Plain pdftotext of a real filing's long Table I (Tesla, a holder's sales of a
    day): four rows a cell a line, the column of ``marks`` printed among the last row's
    cells (after its A/D letter, before its price), that row's own mark after its cells;
    ``exercise_first``: an exercise at a set price (no note) above the sales."""
    pieces, line = [], 100
    if exercise_first:
        pieces += [L("title", "Common Stock", 90), L("tx_date", "11/12/2021", 91), L("code", "M", 92),
                   L("shares", "100,000", 93), L("ad", "A", 94), L("price", "14.99", 95), L("owned", "167,100,000", 96),
                   L("di", "I", 97)]
    for k in range(rows):
        pieces += [L("title", "Common Stock", line), L("tx_date", "11/12/2021", line + 2),
                   L("code", "S", line + 4), L("shares", "61,197", line + 6), L("ad", "D", line + 8)]
        line += 10
        if k == rows - 1:
            for mark in marks:
                pieces.append(L("fn_mark", mark, line))
                line += 2
        pieces += [L("price", "1,027.598", line + 1), L("owned", "167,019,760", line + 1), L("di", "I", line + 3)]
        line += 5
    return pieces + [L("fn_mark", "(9)", line)]


@pytest.mark.parametrize("marks, ids", [
    # one mark for each row before the last: theirs in order, the last row keeps its own
    (["(1)", "(3)", "(4)"], [["F1"], ["F3"], ["F4"], ["F9"]]),
    # another count: no telling which rows, left with the last row
    (["(1)", "(3)"], [[], [], [], ["F1", "F3", "F9"]]),
])
def test_assemble_gives_a_mark_column_before_a_page_last_price_to_the_rows_above(marks, ids):
    rows = assemble(_sales_page_marked_before_last_price(marks))["non_derivative_transactions"]
    assert [r["footnote_ids"] for r in rows] == ids


def _conversion_then_sales_marked_before_last_price(nature_marks):
    """Plain pdftotext of a real filing's Table I (a conversion, then sales at weighted-
    average prices, all held ``See footnote``), each cell a line: the column of the sales'
    price marks ``(6)`` among the last row's cells (after its A/D letter, before its
    ``$ 179.73 (6)``), then ``nature_marks`` lines of the natures' ``(4)``; pieces placed
    in the text by their lines."""
    pieces, line = [], 100
    for k, code in enumerate("CSSSS"):
        pieces += [L("title", "Class A Common Stock", line), L("tx_date", "04/01/2013", line + 2),
                   L("code", code, line + 4), L("shares", "41,932", line + 6), L("ad", "D", line + 8)]
        line += 10
        if k == 4:
            pieces += [L("fn_mark", "(6)", line + 2 * n) for n in range(3)]
            line += 6
            pieces += [L("price", "179.73", line), L("fn_mark", "(6)", line + 1)]
        elif code == "S":
            pieces.append(L("price", "172.8318", line))
        pieces += [L("owned", "41,402", line), L("di", "I", line + 2)]
        line += 4
    pieces += [L("fn_mark", "(4)", line + 2 * n) for n in range(nature_marks)]
    return [replace(p, start=p.line * 100, end=p.line * 100 + len(p.text)) for p in pieces]


@pytest.mark.parametrize("nature_marks, ids", [
    # the natures' column below the table, a line a row: both columns given
    (5, [["F4"], ["F6", "F4"], ["F6", "F4"], ["F6", "F4"], ["F6", "F4"]]),
    # none: the price column alone
    (0, [[], ["F6"], ["F6"], ["F6"], ["F6"]]),
])
def test_assemble_gives_a_price_mark_column_to_the_rows_above_beside_a_column_below_the_table(nature_marks, ids):
    rows = assemble(_conversion_then_sales_marked_before_last_price(nature_marks))["non_derivative_transactions"]
    assert [r["footnote_ids"] for r in rows] == ids


# Cut down from plain pdftotext of real filings (a holder's exercise, then its sales at
# weighted-average prices; three sales): the column holds the sales' notes
@pytest.mark.parametrize("marks, exercise_first, rows, ids", [
    (["(1)", "(3)", "(4)"], True, 4, [[], ["F1"], ["F3"], ["F4"], ["F9"]]),
    # a page of three rows: a column of two notes
    (["(1)", "(3)"], False, 3, [["F1"], ["F3"], ["F9"]]),
])
def test_assemble_gives_a_mark_column_to_the_sales_below_an_exercise(marks, exercise_first, rows, ids):
    pieces = [replace(p, start=p.line * 100, end=p.line * 100 + len(p.text))     # at their places
              for p in _sales_page_marked_before_last_price(marks, exercise_first, rows)]
    got = assemble(pieces)["non_derivative_transactions"]
    assert [r["footnote_ids"] for r in got] == ids


def _grant_rows(mark_lines):
    """Plain pdftotext of a real filing's Table II (two grants of dividend-equivalent
    units): each row's title, mark, date and code, then the column of the two amounts,
    then each row's right-hand cells, opened by the marks of its empty date columns at
    ``mark_lines`` (one pair a row)."""
    cells = [("title", "Restricted Stock Units", 203), ("fn_mark", "(1)", 207), ("tx_date", "06/09/2022", 209),
             ("code", "A", 211), ("title", "Restricted Stock Units", 213), ("fn_mark", "(1)", 217),
             ("tx_date", "06/09/2022", 219), ("code", "A", 221), ("shares", "61.569", 227), ("fn_mark", "(2)", 228),
             ("shares", "95.425", 230), ("fn_mark", "(2)", 231)]
    for (first, second), (top, amount, owned) in zip(mark_lines, ((283, "61.569", "26,356.605"),
                                                                  (297, "95.425", "40,850.153"))):
        cells += [("fn_mark", f"({first[0]})", first[1]), ("fn_mark", f"({second[0]})", second[1]),
                  ("und_title", "Common Stock", top), ("und_shares", amount, top + 1), ("price", "0", top + 4),
                  ("owned", owned, top + 6), ("di", "D", top + 8)]
    cells.sort(key=lambda cell: cell[2])
    return [Piece(label, text, line * 100, line * 100 + len(text), "table2", 0.9, True, line)
            for label, text, line in cells]


@pytest.mark.parametrize("mark_lines, ids", [
    # far below the amounts' column, and right after the first row's D/I letter: each
    # pair opens its row's right-hand cells
    ((((3, 279), (3, 281)), ((4, 293), (4, 295))), [["F1", "F2", "F3"], ["F1", "F2", "F4"]]),
])
def test_assemble_gives_marks_opening_a_row_right_hand_cells_to_that_row(mark_lines, ids):
    rows = assemble(_grant_rows(mark_lines))["derivative_transactions"]
    assert [sorted(r["footnote_ids"]) for r in rows] == ids


def test_assemble_leaves_a_mark_right_below_an_amount_to_its_row():
    pieces = _grant_rows((((3, 279), (3, 281)), ((4, 293), (4, 295))))
    # marks three lines below the second amount (theirs, within reach), the right-hand
    # cells right after them
    pieces = [p for p in pieces if p.line < 279] + [replace(p, line=p.line - 46, start=p.start - 4600)
                                                    for p in pieces if p.line >= 279]
    rows = assemble(pieces)["derivative_transactions"]
    assert "F3" in rows[1]["footnote_ids"]


def _signature_pieces(order):
    """Signature pieces at offsets in ``order``'s order: ("name", text) or ("date", text)."""
    pieces, at = [], 0
    for kind, text in order:
        pieces.append(Piece("sig_" + kind, text, at, at + len(text), "signature", 0.9, True))
        at += len(text) + 1
    return pieces


# Cut down from pdfminer of a real filing's three signatures: the names, then the dates
@pytest.mark.parametrize("order, signatures", [
    ([("name", "/s/ A"), ("name", "/s/ B"), ("date", "04/27/2025"), ("date", "04/28/2025")],
     [("/s/ A", "2025-04-27"), ("/s/ B", "2025-04-28")]),
    # each name with its date already: as read
    ([("name", "/s/ A"), ("date", "04/27/2025"), ("name", "/s/ B"), ("date", "04/28/2025")],
     [("/s/ A", "2025-04-27"), ("/s/ B", "2025-04-28")]),
    # fewer dates than names: no pairing to make
    ([("name", "/s/ A"), ("name", "/s/ B"), ("date", "04/28/2025")],
     [("/s/ A", None), ("/s/ B", "2025-04-28")]),
    # dates read as signatures of their own, as many as the names without one
    ([("name", "/s/ A"), ("name", "/s/ B"), ("date", "04/27/2025"), ("name", "/s/ C"), ("date", "04/28/2025"),
      ("date", "04/29/2025")], [("/s/ A", "2025-04-29"), ("/s/ B", "2025-04-27"), ("/s/ C", "2025-04-28")]),
])
def test_assemble_pairs_signature_dates_printed_after_every_name_in_order(order, signatures):
    rec = assemble(_signature_pieces(order))
    assert [(s["name"], s["date"]) for s in rec["signatures"]] == signatures


# Cut down from OCR of a real filing (a director's RSU settlement) whose "Table II"
# heading OCR garbled, so the zone model read the row in Table I's zone
@pytest.mark.parametrize("title, underlying, table", [
    ("Restricted Stock Units", "Class A Common Stock", "derivative_transactions"),
    ("Restricted Stock Units", None, "non_derivative_transactions"),     # no underlying: as zoned
    ("Class A Common Stock", "Class A Common Stock", "non_derivative_transactions"),    # no derivative named
])
def test_assemble_gives_a_derivative_row_read_in_table_is_zone_to_table_ii(title, underlying, table):
    pieces = [P("title", title), P("tx_date", "06/15/2021"), P("code", "M"), P("shares", "946")]
    pieces += [P("und_title", underlying)] if underlying else []
    rec = assemble(pieces + [P("di", "D")])
    assert [t for t in ("non_derivative_transactions", "derivative_transactions") if rec[t]] == [table]


def T(label, text, line, col=0, begins=True):
    """A piece at its place in the text, 100 characters a line."""
    return Piece(label, text, line * 100 + col, line * 100 + col + len(text), "table1", 0.9, begins, line, col)


def _sale(line, mark):
    """A Table I sale plain pdftotext prints a cell a line, its mark after the price."""
    return [T("title", "Common Stock", line), T("tx_date", "11/09/2021", line + 1), T("code", "S", line + 2),
            T("shares", "2,369", line + 3), T("ad", "D", line + 3, 6), T("price", "1,082.045", line + 4, 2),
            T("fn_mark", mark, line + 4, 12), T("owned", "168,693,981", line + 4, 17), T("di", "I", line + 5)]


def _trust(line):
    return [T("nature", "by", line), T("nature", "Trust", line, 3, begins=False), T("fn_mark", "(2)", line + 1)]


# Cut down from plain pdftotext of a real filing's thirty-row Table I: each block of rows
# ends in ``I``, then the block's natures, ``by Trust`` / ``(2)`` once a row.
@pytest.mark.parametrize("pieces, rows", [
    (_sale(1, "(9)") + _sale(7, "(10)") + _trust(13) + _trust(15) + _sale(17, "(11)"),
     [("by Trust", ["F9", "F2"]), ("by Trust", ["F10", "F2"]), (None, ["F11"])]),
    (_sale(1, "(9)") + _sale(7, "(10)") + _sale(13, "(11)") + _trust(19) + _trust(21) + _trust(23) + _sale(25, "(12)"),
     [("by Trust", ["F9", "F2"]), ("by Trust", ["F10", "F2"]), ("by Trust", ["F11", "F2"]), (None, ["F12"])]),
    # a row's own nature and a second one printed below it (the CRF opening a nature
    # twice) are no column, as the row above has a nature of its own: the second is read
    # as before, the head of the next row's tall cell
    (_sale(1, "(9)") + _trust(7) + _sale(9, "(10)") + _trust(15) + _trust(17) + _sale(19, "(11)"),
     [("by Trust", ["F9", "F2"]), ("by Trust", ["F10", "F2"]), ("by Trust", ["F2", "F11"])]),
])
def test_assemble_gives_a_column_of_natures_below_a_block_of_rows_to_the_rows_in_order(pieces, rows):
    got = assemble(pieces)["non_derivative_transactions"]
    assert [(r["nature_of_ownership"], r["footnote_ids"]) for r in got] == rows


def _without_ad(pieces):
    return [p for p in pieces if p.label != "ad"]


# Cut down from plain pdftotext of a real filing's long Table I (Tesla): two rows' A/D
# letters fell off their amounts' lines and stand, a line each, after the page's last row,
# before the page's natures (the CRF reading one as a D/I letter).
@pytest.mark.parametrize("letters", [
    [T("ad", "D", 19), T("di", "D", 20)],
    [T("di", "D", 19), T("ad", "D", 20)],
])
def test_assemble_gives_letters_below_a_page_of_rows_to_the_rows_lacking_one(letters):
    pieces = (_sale(1, "(9)") + _without_ad(_sale(7, "(10)")) + _without_ad(_sale(13, "(11)")) + letters
              + _trust(21) + _trust(23) + _trust(25))
    got = assemble(pieces, ad_by_code={})["non_derivative_transactions"]
    assert [(r["acquired_disposed"], r["direct_or_indirect"], r["nature_of_ownership"], r["footnote_ids"])
            for r in got] == [("D", "I", "by Trust", ["F9", "F2"]), ("D", "I", "by Trust", ["F10", "F2"]),
                              ("D", "I", "by Trust", ["F11", "F2"])]


# Cut down from plain pdftotext of a real filing's long Table I: a page's rows end in
# ``I``, then the page's direct holding (its title and amount), then the page's natures,
# ``by Trust`` / ``(2)`` once a row, then the holding's letter.
@pytest.mark.parametrize("pieces, rows, holdings", [
    (_sale(1, "(9)") + _sale(7, "(10)") + [T("title", "Common Stock", 13), T("owned", "1,220,481", 14)]
     + _trust(15) + _trust(17) + [T("di", "D", 19)],
     [("by Trust", ["F9", "F2"]), ("by Trust", ["F10", "F2"])], [(1220481, "D", None)]),
    (_sale(1, "(9)") + _sale(7, "(10)") + _sale(13, "(11)") + [T("title", "Common Stock", 19), T("owned", "1,220,481", 20)]
     + _trust(21) + _trust(23) + _trust(25) + [T("di", "D", 27)],
     [("by Trust", ["F9", "F2"]), ("by Trust", ["F10", "F2"]), ("by Trust", ["F11", "F2"])], [(1220481, "D", None)]),
])
def test_assemble_gives_a_column_of_natures_carried_by_a_page_holding_to_the_rows_above(pieces, rows, holdings):
    got = assemble(pieces)
    assert [(r["nature_of_ownership"], r["footnote_ids"]) for r in got["non_derivative_transactions"]] == rows
    assert [(h["shares_owned_following"], h["direct_or_indirect"], h["nature_of_ownership"])
            for h in got["non_derivative_holdings"]] == holdings


def _holding_cells(line, owned, nature):
    return [T("owned", owned, line), T("fn_mark", "(1)", line, 8), T("di", "I", line + 2), T("nature", nature, line + 4)]


# Cut down from plain pdftotext of a real filing's Table I: a transaction, then a holding
# printed without its title, then the next holding's title under it (text order runs the
# two together), then the next holding's cells.
@pytest.mark.parametrize("second, titles", [
    ("Common shares without par value", ["Common shares without par value"] * 2),
    # two different titles are one title's lines
    ("Class A", [None, "Common shares without par value Class A"]),
])
def test_assemble_splits_two_rows_titles_run_together(second, titles):
    pieces = [T("title", "Common shares without par value", 1), T("tx_date", "04/21/2020", 3), T("code", "F", 5),
              T("shares", "83,226", 7), T("ad", "D", 7, 8), T("price", "98", 9), T("owned", "62,205", 11),
              T("di", "D", 13), *_holding_cells(15, "22", "Profit Sharing Trust"),
              T("title", "Common shares without par value", 21), T("title", second, 24),
              *_holding_cells(27, "176,217", "Living Trust")]
    got = assemble(pieces)["non_derivative_holdings"]
    assert [h["security_title"] for h in got] == titles


@pytest.mark.parametrize("label, copies, letter, cut", [
    ("title", 2, "D", "Common Stock"),
    ("title", 4, "I", "Common Stock"),
    ("nature", 2, "I", "By Trust"),
    ("title", 1, "D", "Common Stock"),
])
def test_split_repeated_cells_cuts_a_cell_read_several_times_over_to_one_copy(label, copies, letter, cut):
    text = {"title": "Common Stock", "nature": "By Trust"}[label]
    row = Row("table1")
    for k in range(copies):
        row.add(T(label, text, 1 + k))
    row.add(T("di", letter, 9))
    (got,) = assemble_module.split_repeated_cells([row])
    assert " ".join(got.values[label].texts) == cut


def _shifted_holdings(last_owned):
    """A sale read with a nature, then holdings each read with the next one's nature."""
    rows = [Row("table1") for _ in range(3)]
    cells = [[("title", "Class A Common Stock"), ("tx_date", "10/03/2022"), ("code", "S"), ("shares", "250"),
              ("ad", "D"), ("owned", "18,227"), ("di", "D"), ("nature", "Sequoia Growth Fund")],
             [("title", "Class A Common Stock"), ("owned", "1,862"), ("di", "I"), ("nature", "By estate planning vehicle")],
             [("title", "Class A Common Stock")] + ([("owned", last_owned)] if last_owned else [])]
    for k, (row, row_cells) in enumerate(zip(rows, cells)):
        for n, (label, text) in enumerate(row_cells):
            row.add(T(label, text, 10 * k + n))
    rows[0].marks.append(T("fn_mark", "(2)", 8, 30))
    return rows


# Cut down from plain pdftotext of a real filing's Table I: a sale, then holdings whose
# natures (and their marks) the rows read one row too high
@pytest.mark.parametrize("last_owned, natures, letters", [
    ("684,741", [None, "Sequoia Growth Fund", "By estate planning vehicle"], ["D", "I", "I"]),
    # the last row without an amount owned: no shift to make sure of
    (None, ["Sequoia Growth Fund", "By estate planning vehicle", None], ["D", "I", None]),
])
def test_lower_shifted_natures_gives_each_nature_to_the_row_below(last_owned, natures, letters):
    rows = assemble_module.lower_shifted_natures(_shifted_holdings(last_owned))
    assert [" ".join(r.values["nature"].texts) if "nature" in r.values else None for r in rows] == natures
    assert [" ".join(r.values["di"].texts) if "di" in r.values else None for r in rows] == letters
    assert [m.text for m in rows[1].marks] == (["(2)"] if last_owned else [])


def _natures_after_table(nature_line):
    """Two grants read with the natures plain pdftotext prints after the table, then two
    holdings with none."""
    rows = [Row("table1") for _ in range(4)]
    cells = [[("title", "Common Stock"), ("code", "A"), ("owned", "113,192"), ("di", "D")],
             [("title", "Common Stock"), ("code", "A"), ("owned", "120,362"), ("di", "D")],
             [("title", "Common stock"), ("owned", "2,027"), ("di", "I")],
             [("title", "Common stock"), ("owned", "3,873"), ("di", "I")]]
    for k, (row, row_cells) in enumerate(zip(rows, cells)):
        for n, (label, text) in enumerate(row_cells):
            row.add(T(label, text, 10 * k + n))
    rows[0].add(T("nature", "Profit Sharing Trust", nature_line))
    rows[1].add(T("nature", "By Spouse", nature_line + 1))
    rows[1].marks.append(T("fn_mark", "(6)", nature_line + 1, 30))
    return rows


# Cut down from plain pdftotext of a real filing's Table I (grants, then holdings): the
# natures column printed last, read onto the table's first rows
@pytest.mark.parametrize("nature_line, natures", [
    (90, [None, None, "Profit Sharing Trust", "By Spouse"]),
    # natures printed above the holdings' letters are the rows' where they stand
    (5, ["Profit Sharing Trust", "By Spouse", None, None]),
])
def test_give_natures_to_indirect_rows_moves_natures_off_direct_rows(nature_line, natures):
    rows = assemble_module.give_natures_to_indirect_rows(_natures_after_table(nature_line))
    assert [" ".join(r.values["nature"].texts) if "nature" in r.values else None for r in rows] == natures
    assert [m.text for m in rows[3].marks] == (["(6)"] if nature_line == 90 else [])


def _column_after_holdings(letters):
    """pdfminer's Table I of a grant and three holdings: the grant whole, its D letter
    right after it, the holdings' titles and amounts, then their natures, then letters."""
    cells = [[("title", 1), ("code", 2), ("owned", 3), ("di", 4)], [("title", 5), ("owned", 6)],
             [("title", 7), ("owned", 8)], [("owned", 9), ("nature", 10)], [("nature", 12)], [("nature", 14)]]
    cells += [[("di", 16 + 2 * k)] for k in range(letters)]
    rows = [Row("table1") for _ in cells]
    for row, row_cells in zip(rows, cells):
        for label, line in row_cells:
            row.add(T(label, {"di": "D" if line == 4 else "I", "nature": f"Fund {line}"}.get(label, "100"), line))
    return rows


@pytest.mark.parametrize("letters, natures", [
    (3, [None, "Fund 10", "Fund 12", "Fund 14"]),
    # fewer letters than natures: no telling which holding is direct; the rows stay as read
    (2, [None, None, None, "Fund 10", "Fund 12", "Fund 14", None, None]),
])
def test_spread_ownership_column_keeps_a_whole_first_rows_letter(letters, natures):
    rows = assemble_module.spread_ownership_column(_column_after_holdings(letters))
    assert [" ".join(r.values["nature"].texts) if "nature" in r.values else None for r in rows] == natures
    assert [" ".join(r.values["di"].texts) for r in rows if "di" in r.values] == ["D"] + ["I"] * letters


def test_spread_ownership_column_passes_over_a_row_of_marks_alone():
    grant = _column_after_holdings(3)[0]
    marks_only = Row("table1")
    marks_only.marks.append(T("fn_mark", "(2)", 5, 30))
    rows = assemble_module.spread_ownership_column([grant, marks_only])
    assert [sorted(row.values) for row in rows] == [["code", "di", "owned", "title"], []]


def _left_sale(line, shares):
    """A sale's left-hand cells as plain pdftotext prints a long table's, a cell a line."""
    return [T("title", "Common Stock", line), T("tx_date", "04/26/2022", line + 1), T("code", "S", line + 2),
            T("shares", shares, line + 3), T("ad", "D", line + 4)]


def _trailing(line, cells):
    """A column of (label, text, mark) printed a cell a line, a mark on the line below."""
    out = []
    for k, (label, text, mark) in enumerate(cells):
        out.append(T(label, text, line + 2 * k))
        if mark:
            out.append(T("fn_mark", mark, line + 2 * k + 1))
    return out


def _owned_column(line, amounts, letter="I"):
    return [p for k, amount in enumerate(amounts) for p in (T("owned", amount, line + 2 * k),
                                                                T("di", letter, line + 2 * k + 1))]


SALES = _left_sale(1, "84,051") + _left_sale(6, "86,670") + _left_sale(11, "65,040")
OWNED = _owned_column(16, ["170,156,351", "170,069,681", "170,004,641"])
PRICES = _trailing(22, [("price", "904.03", "(1)"), ("price", "905.96", "(3)"), ("price", "907.05", "(4)")])
NATURES = [p for k in range(3) for p in _trust(28 + 2 * k)]


# Cut down from plain pdftotext of a real filing's thirty-row Table I (Tesla): every row's
# title, date, code, amount and A/D letter a cell a line, then the rows' amounts owned
# with their D/I letters, then their prices with their marks, then their natures. The
# address's ``C/O`` above the table was read as a D/I letter in Table I's zone.
STRAY = [T("di", "C/O", 0)]


@pytest.mark.parametrize("pieces, rows", [
    (STRAY + SALES + OWNED + PRICES + NATURES,
     [(84051, 904.03, 170156351, "I", "by Trust", ["F1", "F2"]), (86670, 905.96, 170069681, "I", "by Trust", ["F3", "F2"]),
      (65040, 907.05, 170004641, "I", "by Trust", ["F4", "F2"])]),
    # a row's D/I letter D: the natures go to the rows whose letter is I
    (STRAY + SALES + _owned_column(16, ["170,156,351"], "D") + _owned_column(18, ["170,069,681", "170,004,641"]) + PRICES
     + NATURES[3:],
     [(84051, 904.03, 170156351, "D", None, ["F1"]), (86670, 905.96, 170069681, "I", "by Trust", ["F3", "F2"]),
      (65040, 907.05, 170004641, "I", "by Trust", ["F4", "F2"])]),
    # read column by column from the table's first title (``read_columns``): a nature's
    # mark goes with it to the row of an I
    (SALES + _owned_column(16, ["170,156,351"], "D") + _owned_column(18, ["170,069,681", "170,004,641"]) + PRICES
     + NATURES[3:],
     [(84051, 904.03, 170156351, "D", None, ["F1"]), (86670, 905.96, 170069681, "I", "by Trust", ["F3", "F2"]),
      (65040, 907.05, 170004641, "I", "by Trust", ["F4", "F2"])]),
])
def test_assemble_gives_columns_printed_below_a_block_of_rows_to_the_rows_in_order(pieces, rows):
    got = assemble(pieces)["non_derivative_transactions"]
    assert [(r["shares"], r["price_per_share"], r["shares_owned_following"], r["direct_or_indirect"],
             r["nature_of_ownership"], r["footnote_ids"]) for r in got] == rows


@pytest.mark.parametrize("pieces", [
    SALES + OWNED + PRICES[:-2] + NATURES,      # a price short: the column is not the rows'
    # an amount owned printed above the block: it may be the first row's
    _owned_column(-2, ["170,240,402"]) + SALES + OWNED + PRICES + NATURES,
])
def test_assemble_leaves_columns_below_a_block_of_another_count_as_read(pieces, monkeypatch):
    got = assemble(pieces)
    monkeypatch.setattr(assemble_module, "read_trailing_columns", lambda rows: rows)
    assert got == assemble(pieces)


# Cut down from plain pdftotext of a real filing's long Table I (Tesla): the A/D letters
# of two rows fell off their amounts' lines and stand below the block, one a line, the CRF
# reading one as a D/I letter; then the columns of the block.
LETTERS_FELL_OFF = _left_sale(1, "84,051")[:4] + _left_sale(6, "86,670")[:4] + _left_sale(11, "65,040")


@pytest.mark.parametrize("letters", [
    [T("di", "D", 16), T("ad", "D", 17)],
    [T("ad", "D", 16), T("ad", "D", 17)],
])
def test_assemble_gives_letters_below_a_block_to_the_rows_lacking_one(letters):
    pieces = LETTERS_FELL_OFF + letters + _owned_column(18, ["170,156,351", "170,069,681", "170,004,641"]) + [
        replace(p, line=p.line + 2, start=p.start + 200, end=p.end + 200) for p in PRICES]
    got = assemble(pieces, ad_by_code={})["non_derivative_transactions"]
    assert [(r["shares"], r["acquired_disposed"], r["price_per_share"], r["shares_owned_following"],
             r["direct_or_indirect"]) for r in got] == [
        (84051, "D", 904.03, 170156351, "I"), (86670, "D", 905.96, 170069681, "I"), (65040, "D", 907.05, 170004641, "I")]


# Cut down from plain pdftotext of a real filing's long Table I (Tesla): a lone letter
# printed out of its place below a row's A/D letter, read as a D/I letter, inside the block.
STRAY_LETTER_BLOCK = (_left_sale(1, "84,051") + _left_sale(7, "86,670") + [T("di", "D", 12)] + _left_sale(13, "65,040")
                      + _owned_column(18, ["170,156,351", "170,069,681", "170,004,641"]))


# Or below the block's last A/D letter, opening its columns.
STRAY_LETTER_LAST = (_left_sale(1, "84,051") + _left_sale(6, "86,670") + _left_sale(11, "65,040") + [T("di", "D", 16)]
                     + _owned_column(17, ["170,156,351", "170,069,681", "170,004,641"]))


@pytest.mark.parametrize("pieces", [
    STRAY_LETTER_BLOCK + _trailing(24, [("price", "904.03", "(1)"), ("price", "905.96", "(3)"), ("price", "907.05", "(4)")]),
    STRAY_LETTER_BLOCK + _trailing(24, [("price", "904.03", None), ("price", "905.96", None), ("price", "907.05", None)]),
    STRAY_LETTER_LAST + _trailing(23, [("price", "904.03", None), ("price", "905.96", None), ("price", "907.05", None)]),
])
def test_assemble_reads_a_block_past_a_stray_letter_among_its_rows(pieces):
    got = assemble(pieces)["non_derivative_transactions"]
    assert [(r["shares"], r["acquired_disposed"], r["price_per_share"], r["shares_owned_following"],
             r["direct_or_indirect"]) for r in got] == [
        (84051, "D", 904.03, 170156351, "I"), (86670, "D", 905.96, 170069681, "I"), (65040, "D", 907.05, 170004641, "I")]


# Cut down from plain pdftotext of a real filing's long Table I (Tesla): a page's block of
# rows comes after the last amounts owned of the page before, a column of them; the block's
# own columns still go to its rows.
def test_assemble_reads_a_block_after_a_column_of_the_page_befores_amounts():
    before = _owned_column(-6, ["170,300,000", "170,240,402"], "D")
    got = assemble(before + SALES + OWNED + PRICES)["non_derivative_transactions"]
    assert [(r["shares"], r["price_per_share"], r["shares_owned_following"]) for r in got if r["shares"]] == [
        (84051, 904.03, 170156351), (86670, 905.96, 170069681), (65040, 907.05, 170004641)]


# Cut down from plain pdftotext of a real filing's long Table I (Tesla): the block's
# prices in a column, but one row's price printed on its amount owned's line, in text
# order before the prices of the rows above it.
def _owned_and_price(line, owned, price):
    return [T("price", price, line), T("owned", owned, line, 20), T("di", "D", line + 1)]


@pytest.mark.parametrize("pieces", [
    SALES + _trailing(16, [("price", "904.03", None), ("owned", "170,156,351", None), ("di", "D", None),
                           ("owned", "170,069,681", None), ("di", "D", None)])
    + _owned_and_price(26, "170,004,641", "907.05") + _trailing(28, [("price", "905.96", "(3)")]),
    # ... or on the line right above it
    SALES + _trailing(16, [("price", "904.03", None), ("owned", "170,156,351", None), ("di", "D", None),
                           ("owned", "170,069,681", None), ("di", "D", None)])
    + [T("price", "907.05", 26), T("owned", "170,004,641", 27), T("di", "D", 28)] + _trailing(30, [("price", "905.96", "(3)")]),
    # the first row's price on its line: the column keeps its order
    SALES + _owned_and_price(16, "170,156,351", "904.03") + _trailing(18, [
        ("owned", "170,069,681", None), ("di", "D", None), ("owned", "170,004,641", None), ("di", "D", None),
        ("price", "905.96", "(3)"), ("price", "907.05", None)]),
])
def test_assemble_gives_a_price_printed_on_an_amount_owneds_line_to_that_amounts_row(pieces):
    got = assemble(pieces)["non_derivative_transactions"]
    assert [(r["shares"], r["price_per_share"], r["shares_owned_following"], r["direct_or_indirect"])
            for r in got] == [(84051, 904.03, 170156351, "D"), (86670, 905.96, 170069681, "D"),
                              (65040, 907.05, 170004641, "D")]


def _as_ownership_letters(pieces):
    return [replace(p, label="di") if p.label == "ad" else p for p in pieces]


# Cut down from plain pdftotext of a real filing's long Table I (Tesla): the CRF read the
# rows' A/D letters, each a line below its amount, as D/I letters, but for the last row's.
@pytest.mark.parametrize("pieces, expected", [
    (_as_ownership_letters(SALES[:10]) + SALES[10:] + OWNED + PRICES,
     [(84051, "D", 904.03, 170156351, "I"), (86670, "D", 905.96, 170069681, "I"), (65040, "D", 907.05, 170004641, "I")]),
    (SALES[:5] + _as_ownership_letters(SALES[5:10]) + SALES[10:] + OWNED + PRICES,
     [(84051, "D", 904.03, 170156351, "I"), (86670, "D", 905.96, 170069681, "I"), (65040, "D", 907.05, 170004641, "I")]),
    # with no column of D/I letters below, each row keeps the letter it has
    (_as_ownership_letters(SALES[:10]) + SALES[10:],
     [(84051, None, None, None, "D"), (86670, None, None, None, "D"), (65040, "D", None, None, None)]),
])
def test_assemble_reads_a_blocks_ad_letters_read_as_ownership_letters(pieces, expected):
    got = assemble(pieces, ad_by_code={})["non_derivative_transactions"]
    assert [(r["shares"], r["acquired_disposed"], r["price_per_share"], r["shares_owned_following"],
             r["direct_or_indirect"]) for r in got] == expected


# Cut down from plain pdftotext of a real filing (Abbott): a sale's left-hand cells and a
# holding's title, then the columns: the sale's price, both amounts owned with their
# letters, the holding's nature. A holding has no price; the sale's A/D letter may come
# after the holding's title.
SALE_AND_HOLDING = [T("title", "Common shares", 1), T("tx_date", "03/06/2020", 3), T("code", "S", 5),
                    T("shares", "8,248", 7), T("ad", "D", 7, 6), T("title", "Common shares", 9)]
HOLDING_COLUMNS = _trailing(11, [("price", "82", None), ("owned", "68,696", None), ("di", "D", None),
                                 ("owned", "568", "(1)"), ("di", "I", None)]) + _trust(21)


@pytest.mark.parametrize("pieces", [
    SALE_AND_HOLDING + HOLDING_COLUMNS,
    SALE_AND_HOLDING[:4] + SALE_AND_HOLDING[5:] + [T("ad", "D", 10)] + HOLDING_COLUMNS,
])
def test_assemble_gives_a_price_column_below_a_block_to_its_transactions(pieces):
    record = assemble(pieces)
    sale, = record["non_derivative_transactions"]
    holding, = record["non_derivative_holdings"]
    assert (sale["shares"], sale["acquired_disposed"], sale["price_per_share"], sale["shares_owned_following"],
            sale["direct_or_indirect"]) == (8248, "D", 82, 68696, "D")
    assert (holding["shares_owned_following"], holding["direct_or_indirect"], holding["nature_of_ownership"],
            holding["footnote_ids"]) == (568, "I", "by Trust", ["F1", "F2"])


# Cut down from plain pdftotext of a real filing (two RSUs settled, a sale to cover the
# tax): the rows' left-hand cells, then one price (the sale's), the amounts owned and letters
def _settled_and_sold(codes):
    left = [cell for k, code in enumerate(codes) for cell in (
        T("title", "Class A Common Stock", 1 + 5 * k), T("tx_date", "08/25/2020", 2 + 5 * k),
        T("code", code, 3 + 5 * k), T("shares", "417", 4 + 5 * k), T("ad", "A" if code == "M" else "D", 4 + 5 * k, 6))]
    return left + _trailing(16, [("price", "$ 7.5551", "(2)"), ("owned", "670", None), ("di", "D", None),
                                 ("owned", "1,224", None), ("di", "D", None), ("owned", "842", None), ("di", "D", None)])


@pytest.mark.parametrize("codes, prices", [
    ("MMS", [None, None, 7.5551]),
    ("CMS", [None, None, 7.5551]),
])
def test_assemble_gives_a_short_price_column_below_a_block_to_the_rows_whose_codes_print_one(codes, prices):
    rows = assemble(_settled_and_sold(codes))["non_derivative_transactions"]
    assert [(r["price_per_share"], r["shares_owned_following"]) for r in rows] == list(zip(prices, [670, 1224, 842]))
    assert rows[2]["footnote_ids"] == ["F2"]


# Cut down from plain pdftotext of a real filing (AbbVie): a gift's cells, a holding,
# then the gift's title and date printed below everything
GIFT_TITLE_LAST = ([T("code", "G", 1), T("shares", "4,000", 3, 2), T("ad", "D", 3, 9), T("price", "$ 0", 5),
                    T("owned", "326,974", 5, 5), T("fn_mark", "(1)", 5, 14), T("di", "D", 7)]
                   + [T("title", "Common stock", 9), T("owned", "6,715", 11), T("di", "I", 13),
                      T("nature", "By Spouse", 15)])
GIFT_TITLE = [T("title", "Common stock", 17), T("tx_date", "12/04/2019", 17, 30)]


@pytest.mark.parametrize("pieces, gift", [
    (GIFT_TITLE_LAST + GIFT_TITLE, ("Common stock", "2019-12-04", "G", 4000)),
    # two titleless transactions: no telling whose title it is
    (GIFT_TITLE_LAST[:7] + GIFT_TITLE_LAST + GIFT_TITLE, None),
])
def test_assemble_joins_a_title_and_date_printed_last_to_the_one_untitled_transaction(pieces, gift):
    record = assemble(pieces)
    got = [(r["security_title"], r["transaction_date"], r["transaction_code"], r["shares"])
           for r in record["non_derivative_transactions"]]
    if gift:
        assert got == [gift]
    else:
        assert ("Common stock", "2019-12-04", None, None) in got
    assert [h["nature_of_ownership"] for h in record["non_derivative_holdings"]] == ["By Spouse"]


# Cut down from plain pdftotext of a real filing (two dividend reinvestments): each row's
# title, date and code, then the two amounts, then each row's A/D letter, amount owned,
# price and D/I letter; the CRF read the second row's A/D letter as a code.
def _opening(line):
    return [T("title", "Common Stock", line), T("tx_date", "10/01/2025", line + 1), T("code", "A", line + 2)]


def _row_tail(line, letter, owned, di, letter_label="ad"):
    return [T(letter_label, letter, line), T("owned", owned, line + 1), T("price", "102.368", line + 2),
            T("di", di, line + 3)]


OPENINGS_THEN_AMOUNTS = (_opening(1) + _opening(4) + _trailing(7, [("shares", "12.5934", "(1)"), ("shares", "17.9795", "(1)")])
                         + _row_tail(11, "A", "8,023.3583", "D"))


@pytest.mark.parametrize("pieces", [
    OPENINGS_THEN_AMOUNTS + _row_tail(15, "A", "3,085.5229", "I") + _trust(19),
    OPENINGS_THEN_AMOUNTS + _row_tail(15, "A", "3,085.5229", "I", letter_label="code") + _trust(19),
])
def test_assemble_reads_a_blocks_amounts_printed_after_every_rows_opening_cells(pieces):
    got = assemble(pieces)["non_derivative_transactions"]
    assert [(r["transaction_code"], r["shares"], r["acquired_disposed"], r["price_per_share"],
             r["shares_owned_following"], r["direct_or_indirect"], r["nature_of_ownership"]) for r in got] == [
        ("A", 12.5934, "A", 102.368, 8023.3583, "D", None), ("A", 17.9795, "A", 102.368, 3085.5229, "I", "by Trust")]


@pytest.mark.parametrize("marks, ids", [
    ([T("fn_mark", "[F1", 1, 90), T("fn_mark", "0", 2, 90, begins=False), T("fn_mark", "[F2]", 2, 120)], ["F10", "F2"]),
    ([T("fn_mark", "[F1", 1, 90), T("fn_mark", "[F2]", 2, 120)], ["F1", "F2"]),
    # the digit joins the cut mark above it, not the mark before it in text order
    ([T("fn_mark", "[F", 1, 90), T("fn_mark", "F2", 2, 60), T("fn_mark", "3", 2, 90, begins=False)], ["F3", "F2"]),
])
def test_assemble_reads_a_marks_digit_wrapped_onto_the_next_line_as_its_number(marks, ids):
    """EDGAR ASCII cuts ``[F10]`` in a narrow cell: ``838.5710[F1`` / ``0]``."""
    pieces = [T("title", "Common Stock", 1), T("tx_date", "08/09/2022", 1, 21), T("code", "S", 1, 34),
              T("shares", "18630", 1, 40), T("price", "838.5710", 1, 80)] + marks
    row, = assemble(pieces)["non_derivative_transactions"]
    assert row["footnote_ids"] == ids


def _raised_sale(line, shares, price, owned, raised=("shares", "price")):
    """A sale as pdftotext -layout prints a row whose amount and price are a line taller
    than its other cells: the two on the line above the title's (a cell not raised stands
    on the title's line)."""
    cells = {"shares": T("shares", shares, line - 1, 50), "price": T("price", price, line - 1, 60)}
    own = [T("price", price, line, 60)] if "price" not in raised else []
    return ([cells[label] for label in raised]
            + [T("title", "Common Stock", line), T("tx_date", "12/16/2021", line, 20), T("code", "S", line, 40),
               T("ad", "D", line, 55)] + own + [T("owned", owned, line, 70), T("di", "D", line, 80)])


@pytest.mark.parametrize("pieces, rows", [
    (_raised_sale(2, "19,414", "957.768", "1,493,649") + _raised_sale(5, "28,441", "958.596", "1,465,208")
     + _raised_sale(8, "33,321", "959.564", "1,431,887"),
     [(19414, 957.768, 1493649), (28441, 958.596, 1465208), (33321, 959.564, 1431887)]),
    # the amounts alone raised
    (_raised_sale(2, "19,414", "957.768", "1,493,649", ("shares",))
     + _raised_sale(5, "28,441", "958.596", "1,465,208", ("shares",))
     + _raised_sale(8, "33,321", "959.564", "1,431,887", ("shares",)),
     [(19414, 957.768, 1493649), (28441, 958.596, 1465208), (33321, 959.564, 1431887)]),
    # rows printing their price on their title's line, their amount raised as the first's
    (_raised_sale(2, "19,414", "957.768", "1,493,649") + _raised_sale(5, "28,441", "958.596", "1,465,208", ("shares",))
     + _raised_sale(8, "33,321", "959.564", "1,431,887", ("shares",)),
     [(19414, 957.768, 1493649), (28441, 958.596, 1465208), (33321, 959.564, 1431887)]),
    # a row printing its price on its title's line above a row raising both: the raised
    # price spills into a row of its own (the row above has a price)
    (_raised_sale(2, "24,449", "1,039.699", "3,053,205", ("shares",))
     + _raised_sale(5, "25,915", "1,040.56", "3,027,290") + _raised_sale(8, "23,935", "1,041.773", "3,003,355", ("shares",)),
     [(24449, 1039.699, 3053205), (25915, 1040.56, 3027290), (23935, 1041.773, 3003355)]),
])
def test_assemble_gives_cells_raised_above_each_rows_title_to_that_row(pieces, rows):
    got = assemble(pieces)["non_derivative_transactions"]
    assert [(r["shares"], r["price_per_share"], r["shares_owned_following"]) for r in got] == rows


# Cut down from pdftotext -raw of a real filing's Table I (an Apple officer's sales): the
# first row's amount owned read as a second amount, then each row's price and amount
# owned on lines of their own, the last right above the next row's title
RAW_ROWS = [T("title", "Common Stock", 1), T("tx_date", "04/01/2020", 1, 14), T("code", "M", 1, 25),
            T("shares", "85,678", 1, 30), T("ad", "A", 1, 38), T("shares", "194,007", 1, 42), T("di", "D", 1, 50),
            T("title", "Common Stock", 2), T("tx_date", "04/01/2020", 2, 14), T("code", "F", 2, 25),
            T("shares", "44,616", 2, 30), T("ad", "D", 2, 38), T("price", "240.91", 3), T("owned", "149,391", 4),
            T("di", "D", 4, 10),
            T("title", "Common Stock", 5), T("tx_date", "04/02/2020", 5, 14), T("code", "S", 5, 25),
            T("shares", "3,849", 5, 30), T("ad", "D", 5, 38), T("price", "238.03", 6), T("owned", "145,542", 7),
            T("di", "D", 7, 10),
            T("title", "Common Stock", 8), T("owned", "13,986", 8, 30), T("di", "I", 8, 40)]


def test_assemble_leaves_a_rows_own_last_line_above_the_next_title_to_that_row():
    got = assemble(RAW_ROWS)["non_derivative_transactions"]
    rows = [(r["shares"], r["price_per_share"], r["shares_owned_following"]) for r in got]
    assert (44616, 240.91, 149391) in rows and (3849, 238.03, 145542) in rows


# Cut down from pdftotext -layout of a real filing's Table I (Alphabet): a trust's holding
# prints its one-line nature on the line above its own, right below a direct sale's line
@pytest.mark.parametrize("last_letter, holding_letter, natures", [
    ("D", "I", [None, "by Trust"]),
    # the holding's letter lost (OCR: ``Class A Common Stock 53,602 |``)
    ("D", None, [None, "by Trust"]),
    # a sale held indirectly keeps a nature below its line
    ("I", "I", ["by Trust", None]),
])
def test_assemble_gives_a_nature_raised_above_an_indirect_holding_that_holding(last_letter, holding_letter, natures):
    sale = [L("title", "Common Stock", 144), L("tx_date", "12/22/2021", 144), L("code", "S", 144),
            L("shares", "877", 144), L("ad", "D", 144), L("price", "1,014.939", 144), L("owned", "2,325,944", 144),
            L("di", last_letter, 144)]
    holding = [L("nature", "by Trust", 147), L("title", "Common Stock", 148), L("owned", "174,706,221", 148)]
    holding += [L("di", holding_letter, 148)] if holding_letter else []
    record = assemble(sale + holding)
    rows = record["non_derivative_transactions"] + record["non_derivative_holdings"]
    assert [r["nature_of_ownership"] for r in rows] == natures


def _stacked_holding(line, owned):
    return [C(label, text, line, col, zone="table1")
            for label, text, col in [("title", "Common Stock", 0), ("owned", owned, 80), ("di", "I", 140)]]


def _stack(lines, begun=()):
    """Nature pieces (text, line) in the column at 200, ``begun`` the texts the CRF began."""
    return [C("nature", text, line, 200, text in begun, zone="table1") for text, line in lines]


# Cut down from pdftotext -layout of real filings' Table I (Abbott, Sequoia funds): tall
# natures centred on their rows' lines, one word a line, touch the next row's
@pytest.mark.parametrize("pieces, natures", [
    # "Spouse" is as near row 70's line as row 74's: centred, "By Spouse" has a line above
    # row 70's line and one below
    (_stack([("Profit", 58)], "Profit") + _stacked_holding(60, "22") + _stack([("Sharing", 60), ("Trust", 61),
     ("Jaime", 62), ("Contreras", 63), ("Marvan", 64)], "Jaime") + _stacked_holding(65, "176,217")
     + _stack([("2006", 66), ("Living", 67), ("Trust", 68), ("By", 69)], "By") + _stacked_holding(70, "2,227")
     + _stack([("Spouse", 71), ("Living", 72)], "Spouse") + _stacked_holding(74, "12,081")
     + _stack([("Trust (by", 74), ("spouse)", 75)]),
     ["Profit Sharing Trust", "Jaime Contreras Marvan 2006 Living Trust", "By Spouse", "Living Trust (by spouse)"]),
    # a mark in the column ends its cell, though the CRF ran the cell on over the next one's head
    (_stack([("Sequoia", 55), ("Capital", 56), ("U.S.", 57)], "Sequoia") + _stacked_holding(58, "11,388")
     + _stack([("Venture", 58), ("Fund XV,", 59), ("L.P.", 60)]) + [C("fn_mark", "(2)", 60, 205, zone="table1")]
     + _stack([("Sequoia", 61), ("Capital", 62), ("U.S.", 63), ("Venture", 64)]) + _stacked_holding(65, "479")
     + _stack([("Partners", 65), ("Fund XV", 66), ("(Q), L.P.", 67)]) + [C("fn_mark", "(2)", 68, 200, zone="table1")],
     ["Sequoia Capital U.S. Venture Fund XV, L.P.", "Sequoia Capital U.S. Venture Partners Fund XV (Q), L.P."]),
])
def test_assemble_cuts_a_stack_of_natures_centred_on_their_rows(pieces, natures):
    rows = assemble(pieces)["non_derivative_holdings"]
    assert [r["nature_of_ownership"] for r in rows] == natures
    assert all(r["footnote_ids"] == ["F2"] for r in rows if "Sequoia" in r["nature_of_ownership"])


# Cut down from plain pdftotext of a real filing's Table I (AbbVie, a withholding and two
# holdings): the withholding's price, amount owned and D/I letter printed above the
# holdings, its title, date, code and amount below them
@pytest.mark.parametrize("sales, owned", [
    (1, [113867]),
    # two transactions lack an amount owned: which one the cells are is unknown
    (2, [None, None]),
])
def test_assemble_joins_cells_printed_apart_to_the_transaction_lacking_them(sales, owned):
    apart = [L("owned", "113,867", 132), L("price", "85.42", 133), L("di", "D", 135)]
    trust = [L("title", "Common Stock", 137), L("owned", "2,027", 139), L("di", "I", 141),
             L("nature", "Profit Sharing Trust", 143)]
    sold = [piece for k in range(sales) for piece in (L("title", "Common Stock", 156 + 8 * k),
            L("tx_date", "02/28/2020", 158 + 8 * k), L("code", "F", 160 + 8 * k), L("shares", "16,342", 162 + 8 * k),
            L("ad", "D", 162 + 8 * k))]
    rows = [r for r in assemble(apart + trust + sold)["non_derivative_transactions"] if r["shares"]]
    assert [r["shares_owned_following"] for r in rows] == owned
    assert [r["price_per_share"] for r in rows] == ([85.42] if sales == 1 else [None, None])


# Cut down from pdftotext -raw of a real filing's Table II (a fund's distribution in kind):
# no A/D sub-column to tell the side, and code J's usual side is A
@pytest.mark.parametrize("code, owned, side", [
    ("J", "16,840", "D"),
    # as many held after as moved: the code's side stands
    ("J", "30,000", "A"),
    # a code that tells its side keeps it, unless nothing is held after
    ("A", "16,840", "A"),
    ("A", "0", "D"),
])
def test_assemble_reads_a_row_holding_less_than_it_moved_as_disposed(code, owned, side):
    cells = [("title", "Class B Common Stock"), ("tx_date", "05/17/2019"), ("code", code), ("shares", "24,791"),
             ("und_title", "Class A Common Stock"), ("und_shares", "24,791"), ("owned", owned), ("di", "I")]
    pieces = [C(label, text, 10, 20 * k) for k, (label, text) in enumerate(cells)]
    prior = {"derivative_transactions": {"J": "A", "A": "A"}}
    assert assemble(pieces, prior)["derivative_transactions"][0]["acquired_disposed"] == side


# Cut down from plain pdftotext of a real filing's Table I (Apple, an exercise and sale, a
# spouse's holding): the sale's amount owned and D/I letter printed after the holding's
# title, the holding's cells after them
def test_assemble_gives_a_holdings_cells_after_a_sale_lacking_them_to_the_sale():
    exercise = [L("title", "Common Stock", 109), L("tx_date", "08/01/2019", 111), L("code", "M", 113),
                L("shares", "17,500", 126), C("ad", "A", 126, 7, zone="table1"), L("owned", "1,150,783", 136),
                L("price", "23.8257", 137), L("di", "D", 149)]
    sale = [L("title", "Common Stock", 152), L("tx_date", "08/01/2019", 154), L("code", "S", 156),
            L("shares", "17,500", 158), C("ad", "D", 158, 7, zone="table1"), L("price", "214.02", 161)]
    holding = [L("title", "Common Stock", 163), L("owned", "1,133,283", 165), L("di", "D", 167)]
    spouse = [L("owned", "14,000", 169), L("di", "I", 171), L("nature", "By", 173), L("nature", "Spouse", 174, False)]
    record = assemble(exercise + sale + holding + spouse)
    assert [(r["shares_owned_following"], r["direct_or_indirect"]) for r in record["non_derivative_transactions"]] \
        == [(1150783, "D"), (1133283, "D")]
    assert [(r["shares_owned_following"], r["nature_of_ownership"]) for r in record["non_derivative_holdings"]] \
        == [(14000, "By Spouse")]


def _column_page(top, rows, stray_owned=False):
    """A page of Table I rows printed column by column (pdfminer): the titles, each
    row's date and code, the amounts with their A/D letters, the amounts owned with
    their D/I letters, the natures; ``stray_owned``: one amount owned too many."""
    line = iter(range(top, top + 100))
    pieces = [T("title", "Common Stock", next(line)) for _ in rows]
    pieces += [p for _ in rows for p in (T("tx_date", "06/20/2019", next(line)), T("code", "S", next(line)))]
    pieces += [p for shares, *_ in rows for n in [next(line)] for p in (T("shares", shares, n), T("ad", "D", n, 10))]
    owned = [p for _, owned, letter, _ in rows for p in (T("owned", owned, next(line)), T("di", letter, next(line)))]
    stray = [T("owned", "5", next(line)), T("di", "D", next(line))] if stray_owned else []
    return pieces + owned + stray + [T("nature", nature, next(line)) for *_, nature in rows if nature]


# Cut down from pdfminer's text of a real filing's two-page table: each page printed
# column by column, one more amount owned read on the second page than it has rows.
TWO_PAGES = (_column_page(0, [("846,821", "0", "I", "By Fund IV"), ("37,310", "12", "I", "By Principals Fund")])
             + _column_page(30, [("744,271", "7", "D", None)], stray_owned=True))


@pytest.mark.parametrize("pieces, first_rows", [
    (TWO_PAGES, [(846821, 0, "I", "By Fund IV"), (37310, 12, "I", "By Principals Fund")]),
])
def test_assemble_reads_a_page_printed_column_by_column_where_the_whole_table_does_not_read(pieces, first_rows):
    got = assemble(pieces)["non_derivative_transactions"]
    assert [(r["shares"], r["shares_owned_following"], r["direct_or_indirect"], r["nature_of_ownership"])
            for r in got[:2]] == first_rows


def _row_by_row(top, shares, owned, letter, nature=None):
    """A row printed on its line, its title's two lines around it (pdftotext -layout)."""
    row = [T("title", "Common Stock, $0.01 par", top), T("tx_date", "04/06/2020", top + 1, 20),
           T("code", "G", top + 1, 32), T("shares", shares, top + 1, 40), T("ad", "D", top + 1, 50),
           T("owned", owned, top + 1, 60), T("di", letter, top + 1, 70)]
    return row + ([T("nature", nature, top + 1, 80)] if nature else []) + [T("title", "share", top + 2, 0, False)]


# Cut down from a real filing's Table I (pdftotext -layout), after a page that does not
# read column by column: rows printed one by one, a two-line nature cut by the next
# row's title (``In trust`` / ``Profit`` / title / ``sharing trust``).
ROW_PAGE = (_column_page(0, [("846,821", "0", "I", "By Fund IV"), ("37,310", "12", "I", None)], stray_owned=True)
            + _row_by_row(30, "18,500", "60,006", "D") + _row_by_row(33, "18,500", "48,500", "I", "In trust")
            + [T("nature", "Profit", 36, 80)] + [T("title", "Common Stock, $0.01 par", 37),
                                                  T("owned", "2,762", 38, 60), T("di", "I", 38, 70),
                                                  T("nature", "sharing trust", 38, 80)])


def test_assemble_leaves_a_page_printed_row_by_row_as_read():
    got = assemble(ROW_PAGE)["non_derivative_transactions"]
    assert [(r["shares_owned_following"], r["nature_of_ownership"]) for r in got if r["shares"] == 18500] == [
        (60006, None), (48500, "In trust")]


def _priced_row(line, shares, price):
    return [T("title", "Class A Common Stock", line), T("tx_date", "07/27/2018", line, 25), T("code", "S", line, 37),
            T("shares", shares, line, 40), T("ad", "D", line, 48), T("price", price, line, 52),
            T("owned", "2,008", line, 64), T("di", "I", line, 72)]


# Cut down from plain pdftotext of a real filing's long Table I: a page's rows printed one
# by one, their prices' weighted-average marks in a column among the next row's cells.
PAGE_THEN_MARKS = (_priced_row(0, "82", "179.8685") + _priced_row(2, "465", "178.001") + _priced_row(4, "350", "177.0183")
                   + [T("title", "Class A Common Stock", 6), T("tx_date", "07/27/2018", 6, 25), T("code", "S", 6, 37),
                      T("shares", "15", 6, 40)]
                   + [T("title", "Class A Common Stock", 10), T("shares", "3", 12)]
                   + [T("fn_mark", mark, 14 + 2 * k) for k, mark in enumerate(["(2)", "(4)", "(5)"])]
                   + [T("tx_date", "07/27/2018", 21), T("code", "S", 22), T("ad", "D", 23), T("price", "177.052", 24)])


@pytest.mark.parametrize("pieces, marks", [
    (PAGE_THEN_MARKS, [["F2"], ["F4"], ["F5"], [], []]),
    # a price already marked: the column is no price column
    (PAGE_THEN_MARKS[:5] + [T("fn_mark", "(9)", 0, 62)] + PAGE_THEN_MARKS[5:], [["F9"], [], [], [], ["F2", "F4", "F5"]]),
])
def test_assemble_gives_a_column_of_marks_to_the_priced_rows_above_it(pieces, marks):
    got = assemble(pieces)["non_derivative_transactions"]
    assert [r["footnote_ids"] for r in got] == marks


def _row_cells(line, code, shares, ad):
    return [T("title", "Common Stock", line), T("tx_date", "11/13/2019", line, 14), T("code", code, line, 26),
            T("shares", shares, line, 30), T("ad", ad, line, 38)]


# Cut down from plain pdftotext of a real filing's Table I (Apple): an exercise and its tax
# withholding, the amounts owned printed in each other's rows, the first's with its mark.
@pytest.mark.parametrize("mark_col, marks", [
    (47, [["F2"], []]),     # right after the amount owned: the amount's note goes with it
    (60, [[], ["F2"]]),     # after the row's D/I letter: the row's own
])
def test_assemble_moves_a_mark_with_the_amount_it_follows(mark_col, marks):
    pieces = (_row_cells(0, "M", "14,370", "A") + [T("owned", "22,639", 2, 40), T("di", "D", 2, 55)]
              + _row_cells(4, "F", "7,371", "D") + [T("owned", "30,010", 6, 40), T("di", "D", 6, 55)])
    pieces = sorted(pieces + [T("fn_mark", "(2)", 6, mark_col)], key=lambda p: p.start)
    got = assemble(pieces)["non_derivative_transactions"]
    assert [(r["shares_owned_following"], r["footnote_ids"]) for r in got] == [
        (30010, marks[0]), (22639, marks[1])]


def _see_footnote_holding(line):
    return [T("title", "Class A Common Stock", line), T("owned", "1,000", line + 2), T("di", "I", line + 4),
            T("nature", "See", line + 6), T("nature", "Footnote", line + 7, begins=False)]


# Cut down from plain pdftotext of a real filing's Table I: three holdings' natures, their
# marks printed on lines of their own about the last one's.
@pytest.mark.parametrize("lines_before, lines_after, marks", [
    ([("(2)", 26), ("(3)", 28)], [("(4)", 33)], [["F2"], ["F3"], ["F4"]]),
    ([("(3)", 26)], [("(4)", 33)], [[], ["F3"], ["F4"]]),     # the last rows' marks
])
def test_assemble_gives_natures_marks_printed_about_the_last_nature_to_the_natured_rows(lines_before, lines_after,
                                                                                       marks):
    last = [T("title", "Class A Common Stock", 20), T("owned", "1,000", 22), T("di", "I", 24)]
    last += [T("fn_mark", mark, line) for mark, line in lines_before]
    last += [T("nature", "See", 30), T("nature", "Footnote", 31, begins=False)]
    last += [T("fn_mark", mark, line) for mark, line in lines_after]
    got = assemble(_see_footnote_holding(0) + _see_footnote_holding(10) + last)["non_derivative_holdings"]
    assert [r["footnote_ids"] for r in got] == marks


def _miner_row(line, shares, ad):
    return [T("title", "Common shares without par value", line), T("tx_date", "04/21/2020", line + 2),
            T("code", "S" if ad == "D" else "M", line + 4), T("shares", shares, line + 6), T("ad", ad, line + 6, 10),
            T("owned", "129,645", line + 8)]


# Cut down from pdfminer's text of a real filing (Abbott): the Ownership Form column's
# letters printed before Table I's rows, the CRF reading one an A/D letter.
@pytest.mark.parametrize("letters, expected", [
    ([("di", "D"), ("ad", "D"), ("di", "D")], ["D", "D", "D"]),
    ([("di", "D"), ("di", "D"), ("ad", "I")], ["D", "D", "I"]),
])
def test_assemble_gives_letters_printed_before_table_one_to_its_rows(letters, expected):
    pieces = [T(label, text, 2 + 2 * k) for k, (label, text) in enumerate(letters)]
    pieces += _miner_row(20, "63,200", "A") + _miner_row(30, "23,966", "D") + _miner_row(40, "39,234", "D")
    got = assemble(pieces)["non_derivative_transactions"]
    assert [r["direct_or_indirect"] for r in got] == expected


# Cut down from pdfminer's text of a real filing (AbbVie): Table I's Ownership Form column
# printed after Table II's headings, beside the Reporting Owners table.
@pytest.mark.parametrize("stray, expected", [
    ([("di", "D", 80)], [("D", None)]),
    ([("di", "D", 80), ("di", "I", 82), ("nature", "By Trust", 84)], [("D", None), ("I", "By Trust")]),
    ([("di", "D", 80), ("di", "I", 82)], [(None, None)]),     # a letter too many: left out
])
def test_assemble_gives_table_one_its_ownership_letters_printed_in_table_two(stray, expected):
    pieces = _miner_row(20, "2,333", "A")
    if len(expected) > 1:
        pieces += [T("title", "Common Stock", 40), T("owned", "2,865", 42)]
    pieces += [replace(T(label, text, line), zone="table2") for label, text, line in stray]
    got = assemble(pieces)
    rows = got["non_derivative_transactions"] + got["non_derivative_holdings"]
    assert [(r["direct_or_indirect"], r["nature_of_ownership"]) for r in rows] == expected


def _t2(label, text, line):
    return replace(T(label, text, line), zone="table2")


# Cut down from pdfminer's text of a real filing's Table II: two grants read column by
# column, the titles' marks printed right after the titles' column.
@pytest.mark.parametrize("title_marks, expected", [
    (["(1)", "(1)"], [["F1", "F2"], ["F1", "F3"]]),
    (["(1)", "(4)"], [["F1", "F2"], ["F4", "F3"]]),
])
def test_assemble_gives_a_columns_marks_to_its_values_rows_in_order(title_marks, expected):
    pieces = [_t2("title", "Restricted Stock Unit", 0), _t2("title", "Restricted Stock Unit", 4)]
    pieces += [_t2("fn_mark", mark, 8 + 2 * k) for k, mark in enumerate(title_marks)]
    for k, line in enumerate((12, 22)):
        pieces += [_t2("tx_date", "09/28/2025", line), _t2("code", "A", line + 2), _t2("shares", "48,932", line + 4),
                   _t2("fn_mark", f"({k + 2})", line + 5)]
    for k, line in enumerate((40, 50)):
        pieces += [_t2("und_title", "Common Stock", line), _t2("und_shares", "48,932", line + 2),
                   _t2("price", "$ 0", line + 4), _t2("owned", "48,932", line + 6)]
    pieces += [_t2("di", "D", 60), _t2("di", "D", 62)]
    got = assemble(pieces)["derivative_transactions"]
    assert [r["footnote_ids"] for r in got] == expected


# Cut down from pdfminer's text of a real filing's long Table I (a column dump): a row's
# amount of shares printed after the amount owned above it, then its own amount owned
@pytest.mark.parametrize("middle, price", [
    # shares, then two amounts owned: the first is the price (``0`` / ``12,884.683``)
    ([T("shares", "61,197", 4), T("ad", "D", 4, 8), T("owned", "0", 6)], 0),
    # an amount owned printed before the shares is no price of theirs
    ([T("owned", "167,080,957", 4), T("shares", "61,197", 6), T("ad", "D", 6, 8)], None),
])
def test_assemble_reads_an_amount_owned_as_the_price_only_after_the_shares(middle, price):
    pieces = [T("title", "Common Stock", 0), T("tx_date", "11/12/2021", 1), T("code", "S", 2)]
    got = assemble(pieces + middle + [T("owned", "12,884.683", 8)])["non_derivative_transactions"]
    assert got[0]["price_per_share"] == price


# Cut down from pdfminer's text of a real filing (a holder's conversion and sales, all
# held indirectly): Table I's ownership and nature columns printed after Table II's row
def test_assemble_gives_table_one_its_ownership_and_nature_columns_printed_in_table_two():
    pieces = _miner_row(20, "83,334", "A") + _miner_row(30, "31,283", "D")
    pieces += [_t2("title", "Class B Common Stock", 50), _t2("tx_date", "02/19/2013", 51), _t2("code", "C", 52),
               _t2("shares", "83,334", 53), _t2("und_title", "Class A Common Stock", 54),
               _t2("und_shares", "83,334", 55), _t2("owned", "17,323,239", 56), _t2("di", "I", 57)]
    pieces += [_t2("di", "I", 60), _t2("di", "I", 62)]
    for line in (64, 68):
        pieces += [_t2("nature", "See footnote", line), _t2("fn_mark", "(4)", line + 1)]
    got = assemble(pieces)["non_derivative_transactions"]
    assert [(r["direct_or_indirect"], r["nature_of_ownership"], r["footnote_ids"]) for r in got] == [
        ("I", "See footnote", ["F4"]), ("I", "See footnote", ["F4"])]


def _grant(und_title=()):
    """A Table II grant's pieces, its underlying title as given (OCR may lose it)."""
    return ([T2("title", "Restricted Stock Units", 300), T2("tx_date", "05/15/2021", 300), T2("code", "M", 300),
             T2("shares", "1,386", 300)] + [T2("und_title", t, 300) for t in und_title]
            + [T2("und_shares", "1,386", 300), T2("owned", "0", 300), T2("di", "D", 300)])


@pytest.mark.parametrize("table_one, und_title, expected", [
    (["Class A Common Stock"], (), "Class A Common Stock"),
    (["Class A Common Stock", "Class A Common Stock"], (), "Class A Common Stock"),
    (["Class A Common Stock"], ("Class B Common Stock",), "Class B Common Stock"),   # the text's own stays
    # the head of a title only (OCR lost its wrapped last line): no security named
    (["Class A Common Stock"], ("Class A",), "Class A Common Stock"),
    (["Common Stock, $0.01 par value"], ("Common Stock",), "Common Stock"),
    # Table I of two securities: which one is not known
    (["Class A Common Stock", "Class C Capital Stock"], (), None),
    # ... unless the head begins one of them only
    (["Class A Common Stock", "Class C Capital Stock"], ("Class A",), "Class A Common Stock"),
    (["Class A Common Stock", "Class A Preferred Stock"], ("Class A",), "Class A"),
    ([], (), None),
])
def test_assemble_takes_a_lost_underlying_title_from_table_one(table_one, und_title, expected):
    pieces = [p for title in table_one for p in row(title=title, code="M", ad="A")]
    rec = assemble(pieces + _grant(und_title))
    tx, = rec["derivative_transactions"]
    assert tx["underlying_security_title"] == expected


@pytest.mark.parametrize("nature, expected", [
    ("Footnotes", "See Footnotes"),      # OCR lost the cell's first word
    ("footnote", "See footnote"),
    ("See Footnote", "See Footnote"),
    ("By Trust", "By Trust"),
])
def test_assemble_gives_a_nature_naming_a_footnote_its_lost_see(nature, expected):
    got, = assemble(holding(40, nature=[(nature, 40)]))["non_derivative_holdings"]
    assert got["nature_of_ownership"] == expected


def _titled_grant(title, line):
    return [T2("title", title, line), T2("tx_date", "05/15/2021", line), T2("code", "A", line),
            T2("shares", "1,386", line), T2("und_title", "Class A Common Stock", line),
            T2("und_shares", "1,386", line), T2("owned", "1,386", line), T2("di", "D", line)]


# OCR of real filings' Table II: a line of a title printed a word or two a line lost
@pytest.mark.parametrize("titles, note, expected", [
    # the head of another row's title, or the tail opening with a security noun
    (["Class B", "Class B Common Stock"], "", ["Class B Common Stock"] * 2),
    (["Stock Units", "Restricted Stock Units"], "", ["Restricted Stock Units"] * 2),
    # a title of its own that ends another: left
    (["Restricted Stock Units", "Performance-Based Restricted Stock Units"], "",
     ["Restricted Stock Units", "Performance-Based Restricted Stock Units"]),
    # the security noun a note prints after the title (singular or plural: the plural)
    (["Restricted Stock"], "Each restricted stock unit represents a right to one share.",
     ["Restricted Stock Units"]),
    (["Restricted Stock"], "", ["Restricted Stock"]),
])
def test_assemble_completes_a_table_two_title_cut_short(titles, note, expected):
    pieces = [p for k, title in enumerate(titles) for p in _titled_grant(title, 300 + k)]
    pieces += [P("fn_id", "(1)", "footnotes"), P("fn_text", note, "footnotes")] if note else []
    rec = assemble(pieces)
    assert [r["security_title"] for r in rec["derivative_transactions"]] == expected


def test_assemble_completes_an_underlying_title_cut_short():
    pieces = _titled_grant("Stock Options", 300) + _titled_grant("Restricted Stock Units", 301)
    pieces = [replace(p, text="Class A") if p.label == "und_title" and p.line == 301 else p for p in pieces]
    rec = assemble(pieces)
    assert [r["underlying_security_title"] for r in rec["derivative_transactions"]] == ["Class A Common Stock"] * 2


NOTES_1_2 = [P("fn_id", "(1)", "footnotes"), P("fn_text", "One.", "footnotes"),
             P("fn_id", "(2)", "footnotes"), P("fn_text", "Two.", "footnotes")]


@pytest.mark.parametrize("pieces, ids", [
    # a real filing's one RSU row as Tesseract reads it: "(1)" and "(2)" as signs
    (row(marks=["®", "@"]) + NOTES_1_2, [["F1", "F2"]]),
    # a sign glued to the transaction code ("s@)" for "S(2)"), the other mark read
    (row(code="s@", marks=["(1)"]) + NOTES_1_2, [["F1", "F2"]]),
    # more signs than notes no row names: some name a note another mark names (or a note OCR lost)
    (row(marks=["®", "@", "@"]) + row(marks=["(3)"]) + NOTES_1_2, [[], ["F3"]]),
    # ... but the record's one row names every note
    (row(marks=["®", "@", "@"]) + NOTES_1_2, [["F1", "F2"]]),
    # signs on two rows, as many as the notes: the notes in the order the form prints them
    (row(marks=["®"]) + row(marks=["@"]) + NOTES_1_2, [["F1"], ["F2"]]),
    # signs on two rows, more than the notes: which note is whose is not known
    (row(marks=["®"]) + row(marks=["@", "@"]) + NOTES_1_2, [[], []]),
    # signs naming no note but the rows' marks are read: nothing to give
    (row(marks=["(1)", "@"]) + row(marks=["(2)"]) + NOTES_1_2, [["F1"], ["F2"]]),
])
def test_assemble_gives_notes_no_row_names_to_the_one_row_with_ocr_signs_for_marks(pieces, ids):
    rec = assemble(pieces)
    assert [r["footnote_ids"] for r in rec["non_derivative_transactions"]] == ids


def _apart_first(owned_second="119,410.681"):
    """A real filing's two transactions as plain pdftotext prints them: both rows'
    right-hand cells first (the first's A/D letter and price after the headings), then
    each row's title, date, code and amount."""
    return [L("owned", "143,230.035", 131), L("ad", "D", 133), L("owned", owned_second, 136),
            L("price", "506.69", 137), L("di", "D", 139), L("ad", "A", 149), L("price", "$0", 151),
            L("title", "Common Stock", 153), L("tx_date", "09/02/2025", 155), L("code", "A", 157),
            L("shares", "45,220", 159), L("title", "Common Stock", 161), L("tx_date", "09/02/2025", 163),
            L("code", "F", 165), L("shares", "23,819.354", 167), L("ad", "D", 167)]


@pytest.mark.parametrize("pieces, placed", [
    (_apart_first(), [("A", 0, 143230.035, "D"), ("D", 506.69, 119410.681, "D")]),
    # amounts owned that do not follow from each other by the rows' amounts: not read back so
    (_apart_first("129,410.681"), None),
])
def test_assemble_reads_back_right_hand_cells_printed_before_their_rows(pieces, placed):
    rec = assemble(pieces)
    got = [(r["acquired_disposed"], r["price_per_share"], r["shares_owned_following"], r["direct_or_indirect"])
           for r in rec["non_derivative_transactions"] if r["shares"] in (45220, 23819.354)]
    if placed:
        assert got == placed
    else:
        assert [owned for _, _, owned, _ in got] != [143230.035, 129410.681]


def _conversion(underlying, owned="0"):
    """A real filing's Table II row (a second share class converted), its underlying amount as given."""
    return [P("title", "Class B Common Stock", "table2"), P("tx_date", "12/21/2011", "table2"),
            P("code", "C", "table2"), P("shares", "3,109,744", "table2"), P("und_title", "Class A Common Stock", "table2"),
            P("und_shares", underlying, "table2"), P("owned", owned, "table2"), P("di", "D", "table2")]


@pytest.mark.parametrize("pieces, underlying, owned", [
    # pdftotext -raw prints the amount cut at the page's edge: none, so the row's amount stands in
    (_conversion("3,10"), 3109744, 0),
    (_conversion("3,109,744", owned="1,41"), 3109744, None),
    # a price may take a decimal comma; a whole amount of three digits a group is read
    (_conversion("3,109,744"), 3109744, 0),
])
def test_assemble_reads_no_amount_from_one_the_page_edge_cut(pieces, underlying, owned):
    row = assemble(pieces)["derivative_transactions"][0]
    assert (row["underlying_shares"], row["shares_owned_following"]) == (underlying, owned)


# Cut down from pdfminer's text of a real filing's Table II: a holding of convertible
# shares, its exercise price ``$ 0`` printed apart from its title and read as a price.
def _convertible_holding(extra):
    return [T2("title", "Class B Common Stock", 261), *extra, T2("price", "0", 287),
            T2("und_title", "Class A Common Stock", 301), T2("und_shares", "3,109,744", 321),
            T2("owned", "3,109,744", 323), T2("di", "I", 325), T2("nature", "See footnote", 327)]


@pytest.mark.parametrize("extra, table, price", [
    ([], "derivative_holdings", 0),
    # a date or an exercise price makes it a transaction whose other cells were lost
    ([T2("exp_date", "08/01/2012", 270)], "derivative_transactions", None),
    ([T2("ex_price", "26.12", 265)], "derivative_transactions", 26.12),
])
def test_assemble_reads_a_holding_with_a_lone_price_as_a_holding(extra, table, price):
    rec = assemble(_convertible_holding(extra))
    row, = rec[table]
    assert (row["conversion_or_exercise_price"], row["shares_owned_following"]) == (price, 3109744)


# Cut down from plain pdftotext of a real filing's Table I: a page's last two purchases
# print their right-hand cells after the page's marks, the second's price misplaced.
def _purchases_with_cells_apart(second_owned):
    rows = [("54,526", "378.433", "411,037,981"), ("50,334", None, None), ("18,293", "371.9", None)]
    pieces, line = [], 10
    for shares, price, owned in rows:
        pieces += [L("title", "Common Stock", line), L("tx_date", "09/12/2025", line + 1), L("code", "P", line + 2),
                   L("shares", shares, line + 3), L("ad", "A", line + 4)]
        pieces += [L("price", price, line + 5)] if price else []
        pieces += [L("owned", owned, line + 6), L("di", "I", line + 7)] if owned else []
        line += 10
    for price, owned in (("379.2", "411,088,315"), ("380.43", second_owned)):
        pieces += [L("price", price, line), L("owned", owned, line + 1), L("di", "I", line + 2)]
        line += 3
    return pieces


@pytest.mark.parametrize("second_owned, owned", [
    ("411,106,608", [411037981, 411088315, 411106608]),
    # an amount no transaction's chain gives stays apart
    ("411,200,000", [411037981, 411088315, None]),
])
def test_assemble_joins_cells_printed_apart_to_the_transaction_their_amount_owned_follows(second_owned, owned):
    rows = assemble(_purchases_with_cells_apart(second_owned))["non_derivative_transactions"]
    assert [r["shares_owned_following"] for r in rows[:3]] == owned
    assert rows[1]["price_per_share"] == 379.2 and rows[2]["price_per_share"] == 371.9


# pdfminer of real filings (Microsoft): box 5's officer title and the Reporting Owners
# table's copy of it both read as the title
@pytest.mark.parametrize("box_five, table, title", [
    ("EVP, Chief Financial Officer", "EVP, Chief Financial Officer", "EVP, Chief Financial Officer"),
    ("EVP, Chief Commercial Officer", "Chief Commercial Officer", "EVP, Chief Commercial Officer"),
    ("CEO", "CEO", "CEO"),
    # a title whose words recur without repeating its end stays whole
    ("General Counsel and Secretary", "Secretary", "General Counsel and Secretary Secretary"),
    ("Vice President Sales", "Vice President Sales and Marketing",
     "Vice President Sales Vice President Sales and Marketing"),
])
def test_assemble_reads_an_officer_title_run_on_into_its_copy_once(box_five, table, title):
    pieces = owner_pieces("Hood Amy", box_five) + [Piece("officer_title", table, 90, 90 + len(table), "owner", 0.9, True)]
    assert assemble(pieces)["reporting_owners"][0]["officer_title"] == title


# Cut down from plain pdftotext of a real filing's Table I (a tax withholding and three
# holdings): the withholding's date, code, amount and A/D letter printed after the table
def _withholding_printed_last(price=True, tail_line=175):
    pieces = [L("title", "Common Stock", 108), L("owned", "434,842", 142)]
    pieces += [L("price", "85.42", 143)] if price else []
    pieces += [L("di", "D", 145)]
    for top, nature in ((147, "By Spouse"), (157, "By Stepdaughter"), (166, "By Stepson")):
        pieces += [L("title", "Common Stock", top), L("owned", "450", top + 3), L("di", "I", top + 5),
                   L("nature", nature, top + 7)]
    return pieces + [L("tx_date", "02/28/2020", tail_line), L("code", "F", tail_line + 2),
                     L("shares", "88,719", tail_line + 4), L("ad", "D", tail_line + 4)]


@pytest.mark.parametrize("pieces, transaction", [
    (_withholding_printed_last(), ("2020-02-28", "F", 88719, 434842)),
    # no row with a price and no date to take them: the cells stay with the last row
    (_withholding_printed_last(price=False), None),
])
def test_assemble_returns_a_transactions_cells_printed_after_the_last_holding(pieces, transaction):
    rec = assemble(pieces)
    rows = rec["non_derivative_transactions"]
    got = [(r["transaction_date"], r["transaction_code"], r["shares"], r["shares_owned_following"]) for r in rows]
    assert (got == [transaction]) == (transaction is not None)
    if transaction:
        assert [h["nature_of_ownership"] for h in rec["non_derivative_holdings"]] == [
            "By Spouse", "By Stepdaughter", "By Stepson"]


# Cut down from plain pdftotext of a real filing's Table I (trusts' holdings): the last
# rows' natures printed after the table, each with its mark, read as one nature going on
def _trusts_printed_last(letters="III"):
    pieces = []
    for k, di in enumerate(letters):
        pieces += [L("title", "Class A Common Stock", 250 + 6 * k), L("owned", "9,686", 252 + 6 * k),
                   L("di", di, 254 + 6 * k)]
    for k in range(3):
        pieces += [L("nature", "Trust", 296 + 4 * k, begins=k == 0), L("fn_mark", f"({10 + k})", 298 + 4 * k)]
    return pieces


@pytest.mark.parametrize("letters, natures, notes", [
    ("III", ["Trust", "Trust", "Trust"], [["F10"], ["F11"], ["F12"]]),
    # a direct holding among them: not a column of their natures
    ("IDI", [None, None, "Trust Trust Trust"], [[], [], ["F10", "F11", "F12"]]),
])
def test_assemble_gives_a_column_of_marked_natures_read_as_one_to_the_rows_before_it(letters, natures, notes):
    rows = assemble(_trusts_printed_last(letters))["non_derivative_holdings"]
    assert [r["nature_of_ownership"] for r in rows] == natures
    assert [sorted(r["footnote_ids"]) for r in rows] == notes


# Tesseract's readings of real filings' box 1 (Microsoft, Facebook): ``C/O`` misread
@pytest.mark.parametrize("street, read", [
    ("CIO MICROSOFT CORPORATION", "C/O MICROSOFT CORPORATION"),
    ("C10 FACEBOOK, INC.", "C/O FACEBOOK, INC."),
    ("C/0 TIPTREE INC.", "C/O TIPTREE INC."),
    ("CLOVER LANE", "CLOVER LANE"),      # a word opening with the letters is no such misreading
])
def test_assemble_reads_ocrs_misread_care_of_opening_a_street_line(street, read):
    pieces = owner_pieces("Hood Amy") + [Piece("owner_street1", street, 20, 20 + len(street), "owner", 0.9, True)]
    assert assemble(pieces)["reporting_owners"][0]["street1"] == read


# plain text and Tesseract's readings of a real filing's box 1 (Tiptree): the care-of line
# and the street run together on one line, the CRF reading both as the first street line
@pytest.mark.parametrize("street, streets", [
    ("C/O TIPTREE INC. 299 PARK AVENUE, 13TH FL.", ("C/O TIPTREE INC.", "299 PARK AVENUE, 13TH FL.")),
    ("C/O X LLC 2 ROCKEFELLER PLAZA", ("C/O X LLC", "2 ROCKEFELLER PLAZA")),
    # a number in the firm's name, or no firm's form before the number: one line
    ("C/O FUND 1 LLC", ("C/O FUND 1 LLC", None)),
    ("C/O SEQUOIA CAPITAL 2800 SAND HILL ROAD", ("C/O SEQUOIA CAPITAL 2800 SAND HILL ROAD", None)),
])
def test_assemble_splits_a_care_of_line_run_into_the_street(street, streets):
    pieces = owner_pieces("Barnes Michael") + [Piece("owner_street1", street, 20, 20 + len(street), "owner", 0.9, True)]
    owner = assemble(pieces)["reporting_owners"][0]
    assert (owner["street1"], owner["street2"]) == streets


# Cut down from OCR of a real filing's one-holding Table I (`Common Stock | | 15,805 |
# Living`, its nature's `By` read a line above): the CRF read the amount owned as an
# amount of shares
@pytest.mark.parametrize("cells, table, amounts", [
    ([L("nature", "By Living Trust", 46)], "non_derivative_holdings", (None, 15805)),
    ([L("di", "I", 46)], "non_derivative_holdings", (None, 15805)),
    # a date or an amount owned beside it: a transaction whose other cells were lost
    ([L("nature", "By Living Trust", 46), L("tx_date", "02/03/2020", 46)], "non_derivative_transactions",
     (15805, None)),
    ([L("nature", "By Living Trust", 46), L("owned", "20,000", 46)], "non_derivative_transactions",
     (15805, 20000)),
    # the amount alone: nothing says it is held
    ([], "non_derivative_transactions", (15805, None)),
])
def test_assemble_reads_a_titled_amount_with_a_holdings_cells_as_the_amount_owned(cells, table, amounts):
    record = assemble([L("title", "Common Stock", 46), L("shares", "15,805", 46)] + cells)
    rows = record[table]
    assert len(rows) == 1 and (rows[0].get("shares"), rows[0]["shares_owned_following"]) == amounts


# EDGAR ASCII of a real filing: the CRF tagged Table II's first title ``I-`` (``Option (right``
# / ``to buy)``), after Table I's one row
WRAPPED_FIRST_TITLE = [
    P("title", "Common shares without par value"), P("tx_date", "02/21/2020"), P("code", "M"),
    P("shares", "82757"), P("ad", "A"), P("owned", "90000"), P("di", "D"),
    P("title", "Option (right", "table2", begins=False), P("ex_price", "$ 87.72", "table2"),
    P("tx_date", "02/21/2020", "table2"), P("code", "A", "table2"), P("shares", "82757", "table2"),
    replace(P("title", "to buy)", "table2", begins=False), line=2)]


@pytest.mark.parametrize("pieces, titles", [
    (WRAPPED_FIRST_TITLE, ("Common shares without par value", "Option (right to buy)")),
    # a row's title wrapped within its own table goes on
    (WRAPPED_FIRST_TITLE[:1] + [P("title", "Stock", begins=False)] + WRAPPED_FIRST_TITLE[1:7],
     ("Common shares without par value Stock", None)),
])
def test_assemble_never_runs_a_value_on_from_one_table_into_the_other(pieces, titles):
    rec = assemble(pieces)
    derivative = rec["derivative_transactions"]
    assert (rec["non_derivative_transactions"][0]["security_title"],
            derivative[0]["security_title"] if derivative else None) == titles
