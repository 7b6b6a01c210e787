"""Gold zones of training texts: from the lines' field tags and the headings above them."""
import pytest

from form4ml.tokenize import tokenize
from form4ml.zones import (derive_zones, repair_boilerplate_wraps, repair_note_lines, repair_owner_rows, repair_signature_lines,
                           repair_note_continuations, repair_starred_notes,
                           repair_stray_table_lines, repair_table1_tails, repair_table1_below_table2, repair_table2_above_table1, repair_table_tails_read_as_notes,
                           repair_table2_above_its_heading, repair_table2_below_table1,
                           repair_table2_heading, repair_table1_read_as_header, repair_table1_above_its_heading,
                           repair_trailing_rows)

TAIL = ("Table II - Derivative Securities Acquired\n"
        "Reporting Owners\n"
        "Reporting Owner Name / Address\tDirector\t10% Owner\tOfficer\tOther\n"
        "Hall Ken ONE MICROSOFT WAY REDMOND WA 98052\tX\n"
        "UNITED STATES\n"
        "Signatures\n"
        "/s/ Ken Hall 02/20/2014\n")


@pytest.mark.parametrize("line, zone", [
    ("Table II - Derivative Securities Acquired", "table2"),
    ("Reporting Owners", "owner"),
    ("Reporting Owner Name / Address\tDirector\t10% Owner\tOfficer\tOther", "owner"),
    ("UNITED STATES", "owner"),       # no field on it: the zone of the heading above
    ("Signatures", "signature"),
])
def test_derive_zones_gives_the_reporting_owners_table_the_owner_zone(line, zone):
    lines = TAIL.split("\n")
    tokens = tokenize(TAIL)
    tags = ["O"] * len(tokens)
    assert derive_zones(lines, tokens, tags)[lines.index(line)] == zone


def test_derive_zones_gives_a_rows_cells_after_the_tables_the_last_tables_zone():
    # plain pdftotext prints Table II's amount owned and D/I after the signature
    text = "Table II - Derivative Securities Acquired\nSignatures\n15,258.76\nD\n"
    lines, tokens = text.split("\n"), tokenize(text)
    tags = ["O"] * (len(tokens) - 2) + ["B-owned", "B-di"]
    assert derive_zones(lines, tokens, tags)[2:4] == ["table2", "table2"]


# plain pdftotext of a Microsoft director's RSU grant (the corpus's paypal filings): Table II's
# columns 7-11 print after the first footnote, where the zone CRF sees footnotes
TRAILING = [
    ("Code", "table2"),
    ("Restricted", "table2"),
    ("224.048", "table2"),
    ("(1) Each restricted stock unit represents a contingent right to receive one share.", "footnotes"),
    ("(2)", "footnotes"),
    ("Common", "footnotes"),
    ("Stock", "footnotes"),
    ("8. Price of", "footnotes"),
    ("Derivative", "footnotes"),
    ("224.048", "footnotes"),
    ("$0", "footnotes"),
    ("15,258.76", "footnotes"),
    ("D", "footnotes"),
    ("(2) The restricted stock units are fully vested.", "footnotes"),
]
TEMPLATE = frozenset({"8. price of", "derivative"})


def _repaired(rows):
    lines, zones = [r[0] for r in rows], [r[1] for r in rows]
    return repair_trailing_rows(lines, zones, TEMPLATE)


@pytest.mark.parametrize("line", ["(2)", "Common", "Stock", "224.048", "$0", "15,258.76", "D"])
def test_trailing_table_cells_go_back_to_table_two(line):
    zones = _repaired(TRAILING)
    assert zones[[r[0] for r in TRAILING].index(line, 4)] == "table2"


# pdfminer of a real filing (a Microsoft director's grant): Table II's row printed after the
# owners' heading, its code first, on a line the zone CRF read as the owners' check marks
CODE_ABOVE_CELLS = [("Reporting Owners", "owner"), ("", "owner"), ("A", "relationship"), ("", "table2"),
                    ("26.325", "table2"), ("(2)", "table2"), ("Reporting Owner Name / Address", "owner")]


@pytest.mark.parametrize("code, zone", [
    ("A", "table2"),
    # a check mark above Table II's cells stays the owners'
    ("X", "relationship"),
])
def test_a_code_right_above_trailing_table_cells_goes_back_to_table_two(code, zone):
    rows = [("Restricted Stock Units", "table2")] + CODE_ABOVE_CELLS
    rows[3] = (code, "relationship")
    assert _repaired(rows)[3] == zone


@pytest.mark.parametrize("line", ["(1) Each restricted stock unit represents a contingent right to receive one share.",
                                  "(2) The restricted stock units are fully vested."])
def test_trailing_cells_leave_footnote_prose_alone(line):
    zones = _repaired(TRAILING)
    assert zones[[r[0] for r in TRAILING].index(line)] == "footnotes"


@pytest.mark.parametrize("rows", [
    # the owners' table: a ZIP code is an amount, but no price or ownership letter stands by it
    [("Table II", "table2"), ("REDMOND", "owner"), ("WA", "owner"), ("98052", "owner"), ("UNITED STATES", "owner")],
    # cells before any Table II line are not its cells
    [("Common Stock", "footnotes"), ("1,000", "footnotes"), ("D", "footnotes"), ("Table II", "table2")],
])
def test_trailing_cells_need_table_two_above_and_a_row_of_cells(rows):
    assert _repaired(rows) == [r[1] for r in rows]


# pdfplumber prints a Meta director's notes after the signature; the zone CRF read them as Table II
NOTES_AFTER_SIGNATURE = ["/s/ Michael Johnson, attorney-in-fact for Peter Thiel 05/18/2021",
                         "**Signature of Reporting Person Date", "Explanation of Responses:",
                         "(1) Represents the number of shares that were acquired in connection with the",
                         "settlement of the Restricted Stock Units listed in Table II.",
                         "(2) Each RSU represents a contingent right to receive 1 share of the Issuer's Class A",
                         "Note: File three copies of this Form, one of which must be manually signed."]


@pytest.mark.parametrize("zone", ["table2", "table1", "signature"])
def test_note_lines_below_the_explanation_heading_are_footnotes(zone):
    zones = ["signature", "signature", "footnotes", zone, zone, zone, "boilerplate"]
    assert repair_note_lines(NOTES_AFTER_SIGNATURE, zones) == [
        "signature", "signature", "footnotes", "footnotes", "footnotes", "footnotes", "boilerplate"]


@pytest.mark.parametrize("lines", [
    # no heading above: a table's line stays the table's
    NOTES_AFTER_SIGNATURE[3:6],
    # cells, not prose
    ["Explanation of Responses:", "(1) 02/18/2014 F 25,893 D $3.17 302,060 D"],
])
def test_note_lines_need_the_heading_and_prose(lines):
    assert repair_note_lines(lines, ["table2"] * len(lines)) == ["table2"] * len(lines)


# pdfplumber of a real filing glues each note's text to its mark; the zone CRF read them as Table II
def test_a_note_may_open_with_its_mark_glued_to_its_text():
    lines = ["Explanation of Responses:",
             "(1)Represents the number of shares that were acquired in connection with the settlement.",
             "(2)The reporting person is the beneficial owner of Rivendell One LLC."]
    assert repair_note_lines(lines, ["footnotes", "table2", "table2"]) == ["footnotes"] * 3


# Cut down from a real filing (scraped HTML): a vesting schedule's note, half dates and
# percentages, that the zone CRF read as a row of Table I
def test_a_note_opening_with_its_mark_may_be_half_dates():
    lines = ["Explanation of Responses:",
             "(1) The restricted stock units vest 50% on 2/11/22, 75% on 2/11/23 and 100% on 2/11/24."]
    assert repair_note_lines(lines, ["footnotes", "table1"]) == ["footnotes", "footnotes"]



# plain pdftotext of a real filing (Citigroup, Table II): the nature's last word and a mark
# on lines of their own, read as a note above the notes' heading
STRAY_NOTE = ["$ 0 (7)", "", "I", "", "See", "footnote", "", "(2)", "", "(2)", "", "Reporting Owners",
              "Explanation of Responses:", "(1) The price reported in Column 4 is a weighted average price."]


@pytest.mark.parametrize("after, expected", [
    # between two lines of Table II: the table's
    ("table2", ["table2"] * 11),
    # before the owners' table: left as read
    ("owner", ["table2"] * 5 + ["footnotes", "footnotes", "footnotes", "footnotes", "owner", "owner"]),
])
def test_note_lines_between_a_tables_lines_above_the_notes_are_the_tables(after, expected):
    zones = ["table2"] * 5 + ["footnotes"] * 4 + [after, after, "owner", "footnotes", "footnotes"]
    assert repair_stray_table_lines(STRAY_NOTE, zones)[:11] == expected


# pdfminer of a real filing's long Table I: the natures a line each down to the reminder
# below the table, the last of them read as the owners' box.
NATURES_TO_REMINDER = ["Table I - Non-Derivative Securities Acquired", "I", "by Trust", "(2)", "", "by Trust",
                       "(2)", "", "{last}", "(2)",
                       "Reminder: Report on a separate line for each class of securities beneficially owned."]


@pytest.mark.parametrize("last, zone, expected", [
    ("by Trust", "owner", ["table1"] * 6),
    ("by Trust", "header", ["table1"] * 6),
    # prose is no table's cells
    ("The reporting person disclaims beneficial ownership of these securities.", "owner", ["table1"] + ["owner"] * 5),
])
def test_lines_above_table_ones_reminder_below_its_rows_are_table_ones(last, zone, expected):
    lines = [line.format(last=last) for line in NATURES_TO_REMINDER]
    zones = ["table1"] * 5 + [zone] * 5 + ["boilerplate"]
    assert repair_table1_tails(lines, zones)[4:10] == expected


# pdfminer of a real filing's long Table I: the amounts owned a line each, some read as
# the owners' table.
OWNED_RUN = ["I", "1,248,129", "{middle}", "1,236,429", "I"]


@pytest.mark.parametrize("middle, zone, expected", [
    ("1,241,229", "owner", ["table1"] * 5),
    ("1,241,229", "signature", ["table1"] * 5),
    # an owner's address or a signature: the owners' table's, the signature's
    ("AUSTIN TX 78701", "owner", ["table1", "owner", "owner", "owner", "table1"]),
    ("/s/ Jane Doe", "signature", ["table1", "signature", "signature", "signature", "table1"]),
])
def test_owner_or_signature_lines_of_amounts_between_a_tables_lines_are_the_tables(middle, zone, expected):
    lines = [line.format(middle=middle) for line in OWNED_RUN]
    assert repair_stray_table_lines(lines, ["table1"] + [zone] * 3 + ["table1"]) == expected


def test_prose_above_the_notes_heading_stays_a_note():
    lines = ["I", "The price reported in Column 4 is a weighted average price of the shares.", "D"]
    assert repair_stray_table_lines(lines, ["table2", "footnotes", "table2"]) == ["table2", "footnotes", "table2"]


# pdfplumber of a real filing's notes, read by the zone CRF as Table II: marks centred on
# lines of their own, a note's last word on a line of its own
CENTRED_NOTES = ["Explanation of Responses:",
                 "On July 25, 2025, the Trust exercised 697,674 Tranche A purchase warrants, each for one share.",
                 "(1)were exercisable at an exercise price of $2.02 per warrant share; however, following an",
                 "On July 25, 2025, the Trust exercised 697,674 Tranche B purchase warrants, each for one share.",
                 "(2)",
                 "share; however, following an offer by the Trust, were exercised in full at a lower price per",
                 "share.",
                 "Restricted Stock Units (1) 09/11/2025 A 41.816 Common Stock 41.816 $ 0 25,282.925 D"]


@pytest.mark.parametrize("zone, expected", [
    ("table2", ["footnotes"] * 7 + ["table2"]),
    # the signature's prose lines need a mark opening them or a note above
    ("signature", ["footnotes", "signature"] + ["footnotes"] * 5 + ["signature"]),
])
def test_prose_lines_of_a_table_below_the_heading_are_notes(zone, expected):
    assert repair_note_lines(CENTRED_NOTES, ["footnotes"] + [zone] * 7) == expected


# pdftotext -layout of a real filing's Table II (a director's grant): the row's line of short
# cells, between its title's lines, read by the zone CRF as the issuer's box
LAYOUT_ROW = [" Restricted Stock                  (1)          (2)          (2)       Common",
              "                      05/31/2022            A        329.381        329.381       $0      12,482.388",
              " Units                                                              Stock"]


@pytest.mark.parametrize("zone, expected", [
    ("issuer", "table2"),
    ("header", "table2"),
    # plain pdftotext of a thirty-row Table I, read column by column: the zone CRF put
    # the column of codes (``S`` twenty-one times) in box 5's check marks
    ("relationship", "table2"),
    # the owners' table: a row's line of dates and amounts is no owner's
    ("owner", "table2"),
])
def test_a_rows_line_read_as_another_zone_between_its_tables_lines_is_the_tables(zone, expected):
    assert repair_stray_table_lines(LAYOUT_ROW, ["table2", zone, "table2"])[1] == expected


# Tesseract of a real filing's Table II, its heading read as ``Table I`` (or ``Table {1``)
OCR_TABLE2 = ["currently valid OMB control number.",
              "",
              "Table I - Derivative Securities Acquired, Disposed of, or Beneficially Owned",
              "(e.g., puts, calls, warrants, options, convertible securities)",
              "Stock a 01/31/2018 A 855 @ qa) [Common] g55 | $0 3,694 D",
              "Reporting Owners"]


@pytest.mark.parametrize("heading, expected", [
    ("Table I - Derivative Securities Acquired, Disposed of", ["header", "header"] + ["table2"] * 3 + ["owner"]),
    ("Table {1 - Derivative Securities Acquired, Disposed of", ["header", "header"] + ["table2"] * 3 + ["owner"]),
    ("Table I - Non-Derivative Securities Acquired, Disposed of", ["header", "header"] + ["table1"] * 3 + ["owner"]),
    # ``II`` read as ``11``, the words after ``Derivative`` garbled
    ("'Table 11 - Derivative Sem tites Atspeie ss Eng Of", ["header", "header"] + ["table2"] * 3 + ["owner"]),
    # ``Derivative`` garbled too: the line below names Table II
    ("Table I - Der Securities Acquired, Di of", ["header", "header"] + ["table2"] * 3 + ["owner"]),
])
def test_table2_heading_misread_by_ocr_moves_its_lines_to_table2(heading, expected):
    lines = OCR_TABLE2[:2] + [heading] + OCR_TABLE2[3:]
    zones = ["header", "header", "table1", "table1", "table1", "owner"]
    assert repair_table2_heading(lines, zones) == expected



# EDGAR ASCII of a real filing's signatures (Bank of America), the first signer's line
# read as boilerplate after the notes
ASCII_SIGNATURES = ["securities of the Issuer.",
                    "",
                    "      BANK OF AMERICA CORP /DE/ By: Its: Authorized Signatory Andres Ortiz  Aug. 20, 2025",
                    "      ** Signature of Reporting Person            Date"]


@pytest.mark.parametrize("signer, zone", [
    (ASCII_SIGNATURES[2], "signature"),
    (ASCII_SIGNATURES[2].replace("Aug. 20, 2025", "08/20/2025"), "signature"),
    # a line with no date is left as the CRF read it
    ("      Reminder: Report on a separate line for each class of securities", "boilerplate"),
])
def test_signature_line_above_its_label_is_the_signature_zones(signer, zone):
    lines = ASCII_SIGNATURES[:2] + [signer] + ASCII_SIGNATURES[3:]
    zones = ["footnotes", "footnotes", "boilerplate", "signature"]
    assert repair_signature_lines(lines, zones)[2] == zone



# A markdown dump of a real filing's Reporting Owners table (Mithril, five owners), its
# rows read as Table I by the zone CRF
OWNER_ROWS = ["Reporting Owners",
              "Reporting Owner Name / Address\tDirector\t10% Owner\tOfficer\tOther",
              "Mithril II UGP LLC C/O MITHRIL CAPITAL MANAGEMENT LLC 111 CONGRESS AVENUE AUSTIN TX 78701\t\tX",
              "THIEL PETER C/O MITHRIL CAPITAL MANAGEMENT LLC 111 CONGRESS AVENUE, SUITE 500 AUSTIN TX 78701\t\tX",
              "1,412,998",
              "## Explanation of Responses:",
              "Mithril LP 111 CONGRESS AVENUE AUSTIN TX 78701"]


def test_owner_rows_below_the_owners_heading_are_the_owners_zones():
    zones = ["signature", "boilerplate", "table1", "table1", "table2", "footnotes", "table1"]
    # a Table II cell printed after the owners stays; below the next heading the rule stops
    assert repair_owner_rows(OWNER_ROWS, zones) == ["signature", "boilerplate", "owner", "owner", "table2",
                                                    "footnotes", "table1"]



# Tesseract of the same filing's Reporting Owners table: a field a line, the zone CRF
# reading the owners as Table I
OCR_OWNERS = ["Reporting Owners", "Reporting Owner Name / A", "Mithril LP", "C/O MITHRIL CAPITAL MANAGEMENT LLC",
              "111 CONGRESS AVENUE, SUITE 500", "AUSTIN x", "TEXAS", "78701", "UNITED STATES",
              "Mithril I! UGP LLC", "C/O MITHRIL CAPITAL MANAGEMENT LLC", "111 CONGRESS AVENUE, SUITE 500",
              "AUSTIN x", "TEXAS", "78701", "UNITED STATES", "Signatures"]


@pytest.mark.parametrize("lines, owner", [
    (OCR_OWNERS, [False, False] + [True] * 14 + [False]),
    # a block holding a table's amount is no owner's
    (OCR_OWNERS[:3] + ["1,412,998"] + OCR_OWNERS[4:], [False] * 9 + [True] * 7 + [False]),
    # nor one of more lines than an owner's (plain pdftotext prints Table II's headings
    # among them)
    (OCR_OWNERS[:3] + ["7. Title and", "Amount of", "Underlying", "Securities", "(Instr. 3 and"]
     + OCR_OWNERS[3:9], [False] * 14),
])
def test_owner_lines_printed_a_field_a_line_are_the_owners_zones(lines, owner):
    zones = ["owner", "header"] + ["table1"] * (len(lines) - 3) + ["signature"]
    got = repair_owner_rows(lines, zones)
    assert [z == "owner" for z in got] == [k == 0 or is_owner for k, is_owner in enumerate(owner)]


# Scraped HTML of real multi-owner filings (LinkedIn's Hoffman, Avenue Capital): the
# owners table's header glued onto its heading or onto Table II's line, each owner's ZIP
# glued to the country, the zone CRF reading the owners as Table II
GLUED_OWNERS = ["Reporting OwnersReporting Owner Name / AddressRelationships Director 10% Owner Officer Other"
                "Hoffman ReidC/O LINKEDIN CORPORATION2029 STIERLIN COURTMOUNTAIN VIEW",
                "CALIFORNIA", "94043UNITED STATES", "X", "X",
                "Reid Hoffman & Michelle Yee Living TrustC/O LINKEDIN CORPORATION2029 STIERLIN COURTMOUNTAIN VIEW",
                "CALIFORNIA", "94043UNITED STATES", "X", "Signatures"]


@pytest.mark.parametrize("heading", [
    "",
    "Table II - Derivative Securities Acquired (e.g., puts, calls) 1. Title of Derivative Security ",
])
def test_owner_lines_under_a_glued_owners_heading_are_the_owners_zones(heading):
    lines = [heading + GLUED_OWNERS[0]] + GLUED_OWNERS[1:]
    zones = ["table2"] * (len(lines) - 1) + ["signature"]
    # the last owner's check marks below its ZIP stay where the CRF put them
    assert repair_owner_rows(lines, zones)[1:] == ["owner"] * 7 + ["table2", "signature"]


@pytest.mark.parametrize("line", [
    "Form 4 Reporting Owners Name",     # the words in prose, no table's header after them
    "Reporting Owners",
])
def test_owners_heading_is_found_at_a_lines_start_or_glued_to_its_header(line):
    lines = ["Table II", line, "CALIFORNIA", "94043UNITED STATES"]
    zones = repair_owner_rows(lines, ["table2"] * 4)
    assert zones[2:] == (["owner"] * 2 if line == "Reporting Owners" else ["table2"] * 2)


# A plain copy of a real filing with six owners (Mithril): the zone CRF read the later
# owner blocks, above Table I's heading, as Table II
OWNER_BLOCKS = ["Reporting Person: Mithril II UGP LLC",
                "Address: C/O MITHRIL CAPITAL MANAGEMENT LLC, 111 CONGRESS AVENUE, AUSTIN, TX 78701",
                "Relationship: Director _____, 10% Owner __X__",
                "Reporting Person: THIEL PETER",
                "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned",
                "Common Stock\t2/6/24\t\tC\t\t5,160,301.00\tA"]


@pytest.mark.parametrize("zone, expected", [
    ("table2", ["owner", "owner", "relationship", "relationship"]),
    # Table I's rows above its heading (OCR prints a heading below its rows) stay
    ("table1", ["owner", "owner", "relationship", "table1"]),
])
def test_table2_lines_above_table1s_heading_take_the_zone_above_them(zone, expected):
    zones = ["owner", "owner", "relationship", zone, "table1", "table1"]
    assert repair_table2_above_table1(OWNER_BLOCKS, zones)[:4] == expected


# Cut down from plain pdftotext of a real filing's thirty-row Table I, a cell a line: the
# zone CRF read the first page's rows, right below Table I's headings, as Table II's
TABLE1_ROWS = ["Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned",
               "(A) or", "(D)", "Common Stock", "11/09/2021", "S", "22,488 D",
               "Reminder: Report on a separate line for each class of securities beneficially owned",
               "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned",
               "Class B Common Stock"]


@pytest.mark.parametrize("zones, expected", [
    (["table1"] * 3 + ["table2"] * 4 + ["boilerplate", "table2", "table2"],
     ["table1"] * 7 + ["boilerplate", "table2", "table2"]),
    # without Table II's heading below Table I's (OCR lost it), the zones stay as read
    (["table1"] * 3 + ["table2"] * 4 + ["boilerplate", "table1", "table2"], None),
])
def test_table2_lines_between_table1s_heading_and_table2s_are_table1s(zones, expected):
    lines = TABLE1_ROWS if expected else TABLE1_ROWS[:8] + ["Table Il - Derivative", "Class B Common Stock"]
    assert repair_table2_below_table1(lines, list(zones)) == (expected or zones)


# Plain pdftotext of a real filing (Tesla): the form's sentence below Table I wrapped onto
# lines the zone CRF read as a note, which then took the number of the first note
WRAPPED_BOILERPLATE = ["by Trust", "(2)", "",
                       "Reminder: Report on a separate line for each class of securities beneficially owned.",
                       "Persons who respond to the collection of information contained in this",
                       "form are not required to respond unless the form displays a currently valid",
                       "OMB control number.", "", "SEC 1474 (9-02)"]


@pytest.mark.parametrize("zones, expected", [
    (["table1"] * 3 + ["boilerplate"] * 2 + ["footnotes"] * 4,
     ["table1"] * 3 + ["boilerplate"] * 4 + ["footnotes"] * 2),
    # the wrapped lines read as a table's
    (["table1"] * 3 + ["boilerplate"] * 2 + ["table1"] * 2 + ["footnotes"] * 2,
     ["table1"] * 3 + ["boilerplate"] * 4 + ["footnotes"] * 2),
])
def test_boilerplate_wrapped_onto_the_lines_below_is_boilerplate_to_its_sentences_end(zones, expected):
    assert repair_boilerplate_wraps(WRAPPED_BOILERPLATE, list(zones)) == expected


@pytest.mark.parametrize("lines", [
    # a line opening a sentence below one that ended
    WRAPPED_BOILERPLATE[:4] + ["Persons who respond.", "Form are not required"] + WRAPPED_BOILERPLATE[6:],
    # a line opening in upper case below one going on
    WRAPPED_BOILERPLATE[:5] + ["Form are not required"] + WRAPPED_BOILERPLATE[6:],
])
def test_boilerplate_wraps_need_a_sentence_going_on_in_lower_case(lines):
    zones = ["table1"] * 3 + ["boilerplate"] * 2 + ["footnotes"] * 4
    assert repair_boilerplate_wraps(lines, list(zones)) == zones


# EDGAR ASCII of a real filing's notes: the note's last line read as box 5's
NOTE_RUNNING_ON = ["[F5] Each share of Class B Common Stock is convertible into one share of",
                   "Class A Common Stock at the option of the holder and has no expiration date.",
                   "", "/s/ Jung Yeon Son, Attorney-In-Fact 12/06/2018"]


@pytest.mark.parametrize("first, expected", [
    (NOTE_RUNNING_ON[0], ["footnotes", "footnotes", "signature", "signature"]),
    # the note above ended its sentence: the line is left
    (NOTE_RUNNING_ON[0] + " stock.", ["footnotes", "relationship", "signature", "signature"]),
])
def test_a_prose_line_ending_a_sentence_below_a_running_note_goes_on_with_it(first, expected):
    lines = [first] + NOTE_RUNNING_ON[1:]
    assert repair_note_continuations(lines, ["footnotes", "relationship", "signature", "signature"]) == expected


# Tesseract (medium degradation) of a real filing's notes: the ``*`` read as ``.``, and the
# zone CRF took the form's starred note for the first note
STARRED_NOTES = ["Explanation of Responses:",
                 ". if the form is filed by more than one r\u00e9porting person, see instruction 4(b)(v).",
                 "** \u2018Intentional misstatements or omissions of facts constitute Federal Criminal Violations.",
                 "(1) The sales reported on this Form 4 were effected pursuant to a Rule 10bS-1 trading plan."]


@pytest.mark.parametrize("zones, expected", [
    (["footnotes"] * 4, ["footnotes", "boilerplate", "boilerplate", "footnotes"]),
    (["footnotes", "footnotes", "boilerplate", "footnotes"], ["footnotes", "boilerplate", "boilerplate", "footnotes"]),
    # a note of the filer's own that names the form's instruction stays a note
    (["footnotes"] * 4, None),
])
def test_the_forms_starred_notes_are_boilerplate(zones, expected):
    lines = STARRED_NOTES if expected else STARRED_NOTES[:1] + [
        "(1) This form is filed by more than one reporting person; see the joint filer information."] * 3
    assert repair_starred_notes(lines, list(zones)) == (expected or zones)


# Cut down from plain pdftotext of a real filing's Table II, a cell a line: the zone CRF
# read the row's underlying title and amount owned as Table I's
TABLE2_ROWS = ["Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned", "Common Stock",
               "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned",
               "Stock Equivalent Units", "$ 0 (1)", "Common Stock", "16,872 (2)",
               "Explanation of Responses:", "1. Each unit is the equivalent of one share."]


@pytest.mark.parametrize("zones, expected", [
    (["table1", "table1", "table2", "table2", "table2", "table1", "table1", "notes", "notes"],
     ["table1", "table1"] + ["table2"] * 5 + ["notes", "notes"]),
    # Table I's lines above Table II's heading, and the notes below theirs, stay
    (["table1", "table1", "table2", "table2", "table2", "table2", "table2", "notes", "table1"],
     ["table1", "table1", "table2", "table2", "table2", "table2", "table2", "notes", "table1"]),
])
def test_table1_lines_between_table2s_heading_and_the_notes_are_table2s(zones, expected):
    assert repair_table1_below_table2(TABLE2_ROWS, list(zones)) == expected


# Cut down from plain pdftotext of a real filing: a page's last Table II cells (a row's
# amount owned, letter and nature) printed after the owners' table, the nature's lines read
# as a note, then the signature and the notes' heading
TABLE2_TAIL = ["77,067", "I", "By", "Sequoia Capital", "Fund, LP (1)", "{after}", "Explanation of Responses:",
               "(1) The shares are held by the fund."]


@pytest.mark.parametrize("read, after, zone, expected", [
    ("footnotes", "/s/ Jung Yeon Son, Attorney-in-Fact", "signature", ["table2"] * 5 + ["signature"]),
    # the run going on into a line that opens a note: the note's, all of it
    ("footnotes", "(2) Held by the reporting person's spouse.", "footnotes", ["table2"] * 2 + ["footnotes"] * 4),
    # read as the owners' table, down to its heading
    ("owner", "Reporting Owners", "owner", ["table2"] * 5 + ["owner"]),
    ("owner", "SMITH JOHN 94025", "owner", ["table2"] * 2 + ["owner"] * 4),
])
def test_lines_right_below_a_table_read_as_notes_or_owners_are_the_tables(read, after, zone, expected):
    lines = [line.format(after=after) for line in TABLE2_TAIL]
    zones = ["table2", "table2", read, read, read, zone, "footnotes", "footnotes"]
    assert repair_table_tails_read_as_notes(lines, zones)[:6] == expected


@pytest.mark.parametrize("table1, table2", [
    ("Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned",
     "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned"),
    # OCR's misreadings of the tables' numbers: the titles' words tell the tables apart
    ("Table | - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned",
     "Table Il - Derivative Securities Acquired, Disposed of, or Beneficially Owned"),
    ("Table | - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned",
     "Table I! - Derivative Securities Acquired, Disposed of, or Beneficially Owned"),
])
def test_tables_headings_are_found_as_ocr_misreads_them(table1, table2):
    lines = [table1 if k == 0 else table2 if k == 2 else line for k, line in enumerate(TABLE2_ROWS)]
    zones = ["table1", "table1", "table2", "table2", "table2", "table1", "table1", "notes", "notes"]
    assert repair_table1_below_table2(lines, zones) == ["table1", "table1"] + ["table2"] * 5 + ["notes", "notes"]


# pdfminer of a real filing: Table II's column headings and a row printed between Table
# I's closing boilerplate and Table II's heading, the zone CRF reading them as Table I's.
TABLE2_BEFORE_HEADING = ["Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned",
                         "Common Shares", "Reminder: Report on a separate line for each class of securities",
                         "SEC 1474 (9-02)", "{first}", "Derivative", "Security", "Convertible", "Note",
                         "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned"]


@pytest.mark.parametrize("first, expected", [
    ("1. Title of", ["table2"] * 5),
    ("2. Conversion or Exercise Price", ["table2"] * 5),
    # a line of Table I's above Table II's first column heading stays
    ("See footnote", ["table1"] + ["table2"] * 4),
])
def test_lines_between_table_ones_reminder_and_table_twos_heading_are_table_twos_from_its_columns(first, expected):
    lines = [line.format(first=first) for line in TABLE2_BEFORE_HEADING]
    zones = ["table1"] * 2 + ["boilerplate"] * 2 + ["table1"] * 5 + ["table2"]
    assert repair_table2_above_its_heading(lines, zones)[4:9] == expected


# OCR of a real filing: Table I's heading read ``Table |``, the owner's country printed
# beside it, then the column headings and the one row.
ONE_ROW_TABLE = ["Table | - Non-Derivative Securities Acquired, Disposed of, or Beneficially",
                 "UNITED STATES", "1. Title of Security 2. Transaction", "Code | V | Amount | (D) | Price",
                 "Common Stock 09/15/2025 A (1) A $0 145,561.681 D",
                 "Reminder: Report on a separate line for each class of securities beneficially owned."]


@pytest.mark.parametrize("row_zone, reminder, expected", [
    # none of its lines read as Table I's: from the column headings on they are
    ("header", "Reminder:", ["header", "header", "table1", "table1", "table1", "boilerplate"]),
    # OCR reads the reminder's colon as a semicolon
    ("header", "Reminder ;", ["header", "header", "table1", "table1", "table1", "boilerplate"]),
    # the row read as Table I's: the rest stays as read
    ("table1", "Reminder:", ["header", "header", "header", "header", "table1", "boilerplate"]),
])
def test_table_one_read_as_the_forms_top_is_table_ones(row_zone, reminder, expected):
    lines = ONE_ROW_TABLE[:-1] + [ONE_ROW_TABLE[-1].replace("Reminder:", reminder)]
    zones = ["header"] * 4 + [row_zone, "boilerplate"]
    assert repair_table1_read_as_header(lines, zones) == expected


# pdfminer of a real filing: Table I's first column, heading and titles, printed before
# the table's heading, the zone CRF reading it as the form's top.
TITLES_BEFORE_HEADING = ["(Country)", "1.Title of Security", "(Instr. 3)", "{cell}", "Common Stock",
                         "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned",
                         "2. Transaction"]


@pytest.mark.parametrize("cell, expected", [
    ("Common Stock", ["header"] + ["table1"] * 6),
    ("Common Stock, par value", ["header"] + ["table1"] * 6),
    # a box of the form's top printed between: the lines stay as read
    ("2. Issuer Name and Ticker or Trading Symbol", ["header"] * 5 + ["table1"] * 2),
    ("(Street)", ["header"] * 5 + ["table1"] * 2),
    # the form's prose
    ("Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934", ["header"] * 5 + ["table1"] * 2),
    # the heading alone: nothing to move
    ("", ["header"] * 5 + ["table1"] * 2),
])
def test_titles_printed_above_table_ones_heading_are_table_ones(cell, expected):
    lines = [line.format(cell=cell) for line in TITLES_BEFORE_HEADING]
    if not cell:
        lines[4] = ""
    zones = ["header"] * 5 + ["table1"] * 2
    assert repair_table1_above_its_heading(lines, zones) == expected
