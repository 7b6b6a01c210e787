"""Field tags: spans to BIO tags and back, and the rules that repair the CRF's tags (the
tables' and notes' in ``note_repairs``, ``cell_repairs``, ``title_repairs``,
``nature_repairs``, ``amount_repairs``, ``letter_repairs`` and ``column_repairs``, the
owners', remarks' and signatures' in ``box_repairs``)."""
from collections import Counter

import pytest

from form4ml import (
    amount_repairs, box_repairs, cell_repairs, column_repairs, letter_repairs, nature_repairs, note_repairs, pipeline,
    title_repairs,
)
from form4ml.features import DATE
from form4ml.fields import NOTE_MARK, spans_to_tags
from form4ml.tokenize import tokenize

def _zoned(repair):
    """A repair that reads no confidences, called as ``_repaired`` calls one that does."""
    return lambda tokens, tags, confidences, line_zones: repair(tokens, tags, line_zones)


def by_text(crf):
    """A stand-in CRF tagging each token by its text (``O`` where ``crf`` names none)."""
    return lambda tokens: [crf.get(t.text, "O") for t in tokens]


def _repaired(repair, text, crf, zone):
    """``repair`` run on ``text``, its tokens tagged ``crf(tokens)``, every line in ``zone``:
    the tokens and their tags, once every tag the repair gave is checked to have a
    confidence."""
    tokens = tokenize(text)
    tags = list(crf(tokens))
    confidences = [None if t == "O" else 0.9 for t in tags]
    repair(tokens, tags, confidences, [zone] * len(text.split("\n")))
    assert all(c is not None for c, tag in zip(confidences, tags) if tag != "O")
    return tokens, tags


# Cut down from a real filing's Explanation of Responses (plain text rendering): the CRF
# ran footnote 2's text on over "(3)", losing footnote 3.
NOTES = ("(2) Each RSU represents a contingent right to receive 1 share.\n"
         "(3) The RSUs vested as to 100% of the total shares on May 15, 2020.")


STREET = ("C/O TURTLE BEACH CORPORATION", "owner_street1")
ZIP = ("10601", "owner_zip")


@pytest.mark.parametrize("lines, state, city", [
    # plain pdftotext of real filings' box 1: the state printed above the street, read as a city
    ([("MONTANA", "owner_city"), STREET, ("(Street)", None), ("BOZEMAN", "owner_city"), ZIP],
     ["MONTANA"], ["BOZEMAN"]),
    ([("NEW YORK", "owner_city"), STREET, ("WHITE PLAINS", "owner_city"), ZIP], ["NEW", "YORK"], ["WHITE", "PLAINS"]),
    # New York the city, its state read: as read
    ([STREET, ("NEW YORK", "owner_city"), ("NEW YORK", "owner_state"), ZIP], ["NEW", "YORK"], ["NEW", "YORK"]),
    # a city read alone is a city, whatever it spells
    ([STREET, ("NEW YORK", "owner_city"), ZIP], [], ["NEW", "YORK"]),
])
def test_repair_reads_a_state_read_as_a_city_before_the_city_as_the_state(lines, state, city):
    tokens = tokenize("\n".join(text for text, _ in lines))
    tags = []
    for k, t in enumerate(tokens):     # each line one value of its label
        label, first = lines[t.line][1], k == 0 or tokens[k - 1].line != t.line
        tags.append("O" if label is None else ("B-" if first else "I-") + label)
    box_repairs.repair_states_read_as_cities(tokens, tags)
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("owner_state")] == state
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("owner_city")] == city


@pytest.mark.parametrize("text, city", [
    # plain pdftotext of a real filing's box 1: the city's last word left O
    ("REDWOOD CITY", ["REDWOOD", "CITY"]),
    ("SALT LAKE CITY", ["SALT", "LAKE", "CITY"]),
    # a state's name after the city, or a word not in capitals, stays out
    ("MT. PLEASANT MICHIGAN", ["MT", ".", "PLEASANT"]),
    ("REDWOOD City of", ["REDWOOD"]),
])
def test_repair_reads_a_city_to_its_cells_end(text, city):
    tokens = tokenize(text)
    begun = {"REDWOOD", "SALT", "MT"}
    tags = ["B-owner_city" if t.text in begun else "I-owner_city" if t.text in (".", "PLEASANT", "LAKE") else "O"
            for t in tokens]
    confidences = [0.9 if tag != "O" else None for tag in tags]
    box_repairs.repair_box_cell_ends(tokens, tags, confidences)
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("owner_city")] == city


@pytest.mark.parametrize("text, title", [
    # pdfminer of a real filing's box 5: the title on a line of its own, read as its first word
    ("below)\n\nEVP, Chief Human Resources Off\n\n6. Individual", "EVP, Chief Human Resources Off"),
    # a cell after a gap of spaces, or a value after the title, stays out
    ("EVP, Chief Human          6. Individual", "EVP, Chief Human"),
    ("EVP, Chief 2020", "EVP"),
])
def test_repair_reads_an_officer_title_to_its_cells_end(text, title):
    tokens = tokenize(text)
    tags = ["B-officer_title" if t.text == "EVP" else "O" for t in tokens]
    confidences = [0.9 if tag != "O" else None for tag in tags]
    box_repairs.repair_box_cell_ends(tokens, tags, confidences)
    assert " ".join(t.text for t, tag in zip(tokens, tags) if tag.endswith("officer_title")).replace(" ,", ",") == title


@pytest.mark.parametrize("text, city", [
    # a real filing's box 1 (pdftotext -raw): the CRF read only PLEASANT as the city
    ("MT. PLEASANT MICHIGAN 48858", ["MT", ".", "PLEASANT"]),
    ("ST. LOUIS MO 63101", ["ST", ".", "LOUIS"]),
    # a word that is no city's abbreviation stays out
    ("DR. PLEASANT MICHIGAN 48858", ["PLEASANT"]),
])
def test_repair_begins_a_city_at_its_abbreviated_first_word(text, city):
    tokens = tokenize(text)
    tags = ["O", "O", "B-owner_city", "B-owner_state", "B-owner_zip"]
    confidences = [None, None, 0.9, 0.9, 0.9]
    box_repairs.repair_city_prefixes(tokens, tags, confidences)
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("owner_city")] == city
    assert all(c is not None for c, tag in zip(confidences, tags) if tag != "O")


# scraped HTML and plain pdftotext of real filings' box 1 (owners in Dublin, Vancouver):
# the SEC's stylesheet spells out EDGAR's code (``L2``, ``A1``), which the CRF leaves
@pytest.mark.parametrize("text, state", [
    ("DUBLIN\nIRELAND\n2", ["IRELAND"]),
    ("VANCOUVER\n\nBRITISH COLUMBIA, CANADA\n\nV6E", ["BRITISH", "COLUMBIA", ",", "CANADA"]),
    # no city or ZIP beside it, or not a place's whole name: left
    ("(Street)\nIRELAND\n4. If Amendment", []),
    ("DUBLIN\nIRELAND OFFICE\n2", []),
])
def test_repair_reads_a_spelt_out_state_beside_a_city_as_the_owners_state(text, state):
    tokens = tokenize(text)
    tags = ["O"] * len(tokens)
    tags[0] = "B-owner_city" if text[0] != "(" else "O"
    tags[-1] = "B-owner_zip" if text[-1].isalnum() and not text.endswith("Amendment") else "O"
    confidences = [0.9 if tag != "O" else None for tag in tags]
    box_repairs.repair_spelt_out_states(tokens, tags, confidences)
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("owner_state")] == state
    assert all(c is not None for c, tag in zip(confidences, tags) if tag != "O")


# plain pdftotext of real filings (Tesla's): Table II's date pair and box 3's date
# printed after the signatures' heading, the CRF reading a date of each as a signature's
SIGNED = "By: Aaron Beckman, Power of Attorney\n\n01/08/2025\nSignature of Reporting Person"


@pytest.mark.parametrize("text, dates", [
    ("Signatures\n04/08/2013 04/08/2023\n" + SIGNED, ["01/08/2025"]),
    ("Signatures\n06/18/2026\n(25)\n\n\n\n\n\n\n\n" + SIGNED, ["01/08/2025"]),
    # a date by the name, before it (the label's line opening with it), or none after it
    ("Signatures\n06/18/2026\n" + SIGNED, ["06/18/2026", "01/08/2025"]),
    ("Signatures\n06/18/2026\n(25)\n\n\n\n\n\n\n\nBy: Aaron Beckman, Power of Attorney", ["06/18/2026"]),
])
def test_repair_drops_signature_dates_that_are_other_boxes(text, dates):
    tokens = tokenize(text)
    tags = ["B-sig_date" if DATE.match(t.text) else "O" for t in tokens]
    by = next(i for i, t in enumerate(tokens) if t.text == "By")
    tags[by:by + 6] = ["B-sig_name"] + ["I-sig_name"] * 5
    box_repairs.repair_stray_box_dates(tokens, tags)
    assert [t.text for t, tag in zip(tokens, tags) if tag == "B-sig_date"] == dates


# plain pdftotext of real filings (Apple's, Abbott's): Table II's date pair printed among
# the boxes, the CRF reading a date of it as box 4's date of the original filing (a 4/A)
@pytest.mark.parametrize("line, kept", [
    ("9,590 02/23/2011 02/23/2021", False),
    ("02/21/2021 02/20/2030", False),
    ("02/21/2021", True),
    # markdown: boxes 3 and 4 on one line, their labels between
    ("3. Date of Earliest Transaction 05/01/2021 4. If Amendment 02/21/2021", True),
])
def test_repair_drops_an_original_filings_date_beside_another_date(line, kept):
    tokens = tokenize("4. If Amendment, Date Original Filed\n" + line)
    tags = ["O"] * len(tokens)
    first = next(i for i, t in enumerate(tokens) if DATE.match(t.text))
    tags[first] = "B-orig_date"
    box_repairs.repair_stray_box_dates(tokens, tags)
    assert ("B-orig_date" in tags) == kept


def test_spans_to_tags_begins_each_value_and_continues_its_tokens():
    text = "Common Stock 25,893"
    tags = spans_to_tags(tokenize(text), [(0, 12, "title"), (13, 19, "shares")])
    assert tags == ["B-title", "I-title", "B-shares"]


def test_spans_to_tags_continues_a_value_cut_into_adjacent_spans():
    text = "02/18/2 2014 F"
    tags = spans_to_tags(tokenize(text), [(0, 7, "tx_date"), (8, 12, "tx_date"), (13, 14, "code")])
    assert tags == ["B-tx_date", "I-tx_date", "B-code"]


# Cut down from an ASCII rendering of a real filing: titles wrapped in their column, the
# continuation after the row's other values, the next row's title right after it.
WRAPPED = "Class A Common 2022-06-13 M\nStock\nRestricted 2022-06-13 M\nStock Unit"


def test_spans_to_tags_continues_a_wrapped_value_by_its_part_number():
    tokens = tokenize(WRAPPED)
    at = WRAPPED.index
    spans = [(0, 14, "title", 0), (15, 25, "tx_date", 0), (26, 27, "code", 0), (at("Stock"), at("Stock") + 5, "title", 1),
             (at("Restricted"), at("Restricted") + 10, "title", 0), (at("Stock Unit"), len(WRAPPED), "title", 1)]
    tags = dict(zip((t.text + str(t.line) for t in tokens), spans_to_tags(tokens, spans)))
    assert (tags["Stock1"], tags["Restricted2"], tags["Stock3"], tags["Unit3"]) == ("I-title", "B-title", "I-title", "I-title")


@pytest.mark.parametrize("mark_tag", ["O", "I-fn_text"])
def test_repair_starts_a_footnote_at_a_line_opening_with_its_mark(mark_tag):
    tokens = tokenize(NOTES)
    tags = ["B-fn_id"] + ["B-fn_text"] + ["I-fn_text"] * (len(tokens) - 2)
    third = next(i for i, t in enumerate(tokens) if t.text == "(3)")
    tags[third] = mark_tag
    confs = [None if t == "O" else 0.9 for t in tags]
    note_repairs.repair_footnote_starts(tokens, tags, confs, ["footnotes", "footnotes"])
    assert tags[third:third + 2] == ["B-fn_id", "B-fn_text"]
    assert confs[third] == 0.9     # a mark the CRF left O gets the confidence of its text


# Tesseract's readings of a small "(2)" opening a note (OCR of the corpus's Microsoft and
# JPMorgan filings)
@pytest.mark.parametrize("mark", ["@", "@)", "®"])
def test_repair_starts_a_footnote_at_a_mark_ocr_read_without_its_digit(mark):
    text = NOTES.replace("(3)", mark)
    tokens = tokenize(text)
    tags = ["B-fn_id", "B-fn_text"] + ["I-fn_text"] * (len(tokens) - 2)
    second = next(i for i, t in enumerate(tokens) if t.line == 1)
    note_repairs.repair_footnote_starts(tokens, tags, [0.9] * len(tags), ["footnotes", "footnotes"])
    assert tags[second:second + 2] == ["B-fn_id", "B-fn_text"]


# cut down from Tesseract's readings of the corpus's Microsoft filings (ocr_medium_200,
# ocr_light_200): the CRF left the lines of a note whose mark OCR garbled untagged
OCR_NOTES = ("(1) Each restricted stock unit represents a contingent right.\n"
             "{mark} The restricted stock units are fully vested. Delivery will be made\n"
             ") to the Board of Directors.\n"
             "Note: File three copies of this Form.")


@pytest.mark.parametrize("mark", ["Q)", "@)", "Q", "())", "rt)", "a)", "(2}"])
def test_repair_opens_a_note_at_an_untagged_line_behind_a_garbled_mark(mark):
    tokens = tokenize(OCR_NOTES.format(mark=mark))
    tags = ["B-fn_id", "B-fn_text"] + ["I-fn_text" if t.line == 0 else "O" for t in tokens[2:]]
    confs = [None if t == "O" else 0.9 for t in tags]
    note_repairs.repair_untagged_note_lines(tokens, tags, confs, ["footnotes"] * 4)
    by_line = [[tag for t, tag in zip(tokens, tags) if t.line == k] for k in range(4)]
    opening = next(k for k, t in enumerate(tokens) if t.text == "The")
    assert tags[opening] == "B-fn_text" and set(by_line[1][:opening - len(by_line[0])]) <= {"B-fn_id", "I-fn_id"}
    assert set(by_line[2]) == {"I-fn_text"} and set(by_line[3]) == {"O"}
    assert None not in confs[:len(tokens) - len(by_line[3])]


# cut down from Tesseract's reading of a real filing's notes (Microsoft, ocr_medium_200):
# the CRF ran the note above on from the middle of the garbled mark's line; a clean mark
# opens the note only as the first (no note read above it)
@pytest.mark.parametrize("mark, opens", [("a)", True), ("Q)", True), ("(1)", True), ("(2)", False), ("(a)", False)])
def test_repair_opens_a_note_at_a_garbled_mark_whose_line_the_crf_ran_on_from_the_note_above(mark, opens):
    text = ("* If the form is filed by more than one reporting person.\n"
            f"{mark} Represents full vesting of shares earned under an award granted in September 2022 under the Plan\n"
            "year period that ended on June 30, 2025.")
    tokens = tokenize(text)
    run_on = next(k for k, t in enumerate(tokens) if t.text == "2022")
    tags = ["O"] * run_on + ["I-fn_text"] * (len(tokens) - run_on)
    note_repairs.repair_untagged_note_lines(tokens, tags, [None] * len(tags), ["footnotes"] * 3)
    opening = next(k for k, t in enumerate(tokens) if t.text == "Represents")
    assert (tags[opening] == "B-fn_text") == opens


# cut down from plain `pdftotext` and `-raw` of Tesla filings (Elon Musk, 2021): the CRF
# left the notes after the first untagged; a note cut at the page edge stays unread
CLEAN_MARK_NOTES = ("(1) THE TRANSACTIONS REPORTED ON THIS FORM 4 WERE EFFECTED PURSUANT TO A RULE 10B5-1 PLAN.\n"
                    "{mark} {text}\n"
                    "{after}")


@pytest.mark.parametrize("mark, text, after, opens", [
    ("(2)", "The shares were sold to satisfy tax withholding obligations as reported herein.", "", True),
    ("(2)", "The shares were sold to satisfy the reporting person's tax", "withholding obligations.", True),
    ("(3)", "The shares were sold to satisfy tax withholding obligations as reported herein.", "", False),
    ("(2)", "The price reported in Column 4 is a weighted average price. The reporting person "
            "undertakes to provide Tesla, Inc. or the staff of the Securities and Exchange Commissio",
     "(3) The price reported in Column 4 is a weighted average price.", False),
    ("(2)", "These shares were sold in multiple transactions at prices ranging from $957.140 to $958.",
     "(3) The price reported in Column 4 is a weighted average price.", False),
])
def test_repair_opens_an_untagged_note_at_the_next_clean_mark_unless_cut(mark, text, after, opens):
    tokens = tokenize(CLEAN_MARK_NOTES.format(mark=mark, text=text, after=after))
    tags = ["B-fn_id", "B-fn_text"] + ["I-fn_text" if t.line == 0 else "O" for t in tokens[2:]]
    note_repairs.repair_untagged_note_lines(tokens, tags, [0.9, 0.9] + [None] * (len(tags) - 2), ["footnotes"] * 3)
    second = [tag for t, tag in zip(tokens, tags) if t.line == 1]
    assert second[:2] == (["B-fn_id", "B-fn_text"] if opens else ["O", "O"])


def test_repair_leaves_marks_outside_the_footnotes_alone():
    tokens = tokenize(NOTES)
    tags = ["O"] + ["I-fn_text"] * (len(tokens) - 1)
    before = list(tags)
    assert note_repairs.repair_footnote_starts(tokens, tags, [0.9] * len(tags), ["table1", "table1"]) == before


# Cut down from a real filing's Table II (markdown rendering): the CRF read "Class A"
# inside the title's bracket as the start of the underlying title, making two rows.
@pytest.mark.parametrize("text, crf_tags, expected", [
    ("Restricted Stock Units (Class A)\t06/15/2020",
     ["B-title", "I-title", "I-title", "I-title", "B-und_title", "I-und_title", "O", "B-tx_date"],
     ["B-title", "I-title", "I-title", "I-title", "I-title", "I-title", "I-title", "B-tx_date"]),
    # a bracket never closed on its line is left alone
    ("Stock Option (Right\nto Buy)",
     ["B-title", "I-title", "I-title", "B-nature", "I-nature", "I-nature", "O"],
     ["B-title", "I-title", "I-title", "B-nature", "I-nature", "I-nature", "O"]),
    # a bracket in another cell (a wide gap) is a value of its own
    ("Common Stock   (2)", ["B-title", "I-title", "B-fn_mark"], ["B-title", "I-title", "B-fn_mark"]),
    # a bracket left O right after the title opens its next words, wrapped to the next line
    ("Units (RSU) (Class\nA)", ["I-title", "I-title", "I-title", "I-title", "O", "O", "O", "O"],
     ["I-title"] * 8),
    ("Units (RSU) (Class\n  A)", ["I-title", "I-title", "I-title", "I-title", "O", "O", "O", "O"],
     ["I-title"] * 4 + ["O"] * 4),      # no wrap: the next line's cell stands apart
    ("Units  (Class A)", ["I-title", "O", "O", "O", "O"], ["I-title", "O", "O", "O", "O"]),
    # only text values pull their bracket in
    ("1,386 (Class A)", ["B-shares", "O", "B-und_title", "I-und_title", "O"],
     ["B-shares", "O", "B-und_title", "I-und_title", "O"]),
])
def test_repair_keeps_a_bracket_inside_the_value_that_opens_it(text, crf_tags, expected):
    tokens = tokenize(text)
    assert len(tokens) == len(crf_tags), [t.text for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in crf_tags]
    assert cell_repairs.repair_bracketed(tokens, list(crf_tags), confidences) == expected
    assert all(c is not None for c, t in zip(confidences, expected) if t != "O")


# Cut down from real filings' Explanation of Responses as pdfplumber and pdftotext -layout
# print them: the mark of a three-line note stands beside its middle line.
CENTRED_GLUED = ("(1)Each RSU represents a right to receive 1 share.\n"
                 "The RSUs vest on May 15, 2021; provided, however, that prior to May\n"
                 "(2)15, 2021; the reporting person does not stand for re-election.")
CENTRED_ALONE = ("(1) Each RSU represents a right to receive one share of common stock.\n"
                 "The RSUs are fully vested. Delivery will be made after the date of the reporting\n"
                 "(2)\n"
                 "person's separation from service to the Board.")
NO_FULL_STOP = ("(1) The sales were effected under a Rule 10b5-1 plan adopted by the holder\n"
                "The price is a weighted average. These shares were sold at prices from $209.46 to $210.44 per share,\n"
                "(2) inclusive. The holder undertakes to provide full information.")
ROMAN = ("(1) Each RSU represents a right to receive 1 share.\n"
         "The RSUs vest on May 15, 2021; provided that (i) the meeting is held before May 15, 2021; and\n"
         "(2) (ii) the reporting person does not stand for re-election.")
ALONE_CAPITAL = ("(1) Each RSU represents a right to receive one share of common stock.\n"
                 "The RSUs are fully vested. Delivery will be made after the date of his separation from service to the\n"
                 "(2)\n"
                 "Board of Directors.")
# pdftotext -layout of a real filing: the first note's mark beside its second line
FIRST_CENTRED = ("Securities reported herein are held for the Master Fund, for which PLP serves as adviser.\n"
                 "(1) Fund 1 Investments, LLC serves as managing member of PLP. Each of the\n"
                 "Reporting Persons disclaims beneficial ownership.\n"
                 "(2) Securities held for the account of Master Fund.")
OPENING = ("(1) Each RSU represents a right to receive one share.\n"
           "The RSUs are fully vested.\n"
           "(2) 15 of the shares are held in trust.")


# plain pdftotext of a real filing's notes (an officer's sales): marks centred on their notes,
# the first alone above its two lines, the later ones beside their notes' second line
CENTRED_SENTENCES = ("(1)\n\nRepresents full vesting of shares earned.\n\n"
                     "This transaction was executed at prices ranging from $502.39 to $503.38.\n"
                     "(2) The reporting person undertakes to provide full information on the\n"
                     "shares and prices at which the transactions were effected.\n"
                     "This transaction was executed at prices ranging from $503.39 to $504.38.\n"
                     "(3) The reporting person undertakes to provide full information on the\n"
                     "shares and prices at which the transactions were effected.")


# Cut down from a real filing's long note (plain text): the CRF left its tail of dates and
# amounts O
LONG_NOTE = "(2) Includes shares purchased under the Plan, including 225 shares on December 31, 2016."


@pytest.mark.parametrize("text, note", [
    (LONG_NOTE, LONG_NOTE.split(maxsplit=1)[1]),
    # the form's own note glued on after it stays out
    (LONG_NOTE + "Note: File three copies of this Form.", LONG_NOTE.split(maxsplit=1)[1]),
])
def test_repair_runs_a_note_on_to_its_lines_end(text, note):
    tokens = tokenize(text)
    tags = ["B-fn_id", "B-fn_text"] + ["I-fn_text"] * 6 + ["O"] * (len(tokens) - 8)
    confidences = [0.9] * 8 + [None] * (len(tokens) - 8)
    note_repairs.repair_note_line_ends(tokens, tags, confidences, ["footnotes"])
    got = [t for t, tag in zip(tokens, tags) if tag.endswith("fn_text")]
    assert text[got[0].start:got[-1].end] == note
    assert all(c is not None for c, tag in zip(confidences, tags) if tag != "O")


# OCR of a real filing's notes: (1) lost, "(2)" read as "@" beside the second line of its note
OCR_CENTRED = ("* If the form is filed by more than one reporting person, see Instruction 4(b)(v).\n"
               "The Restricted Stock Units reported in this item were awarded on May 7, 2020. The\n"
               "@ RSUs will vest on April 1, 2021.\n"
               "(2) Each RSU will be settled for one share.")


def _crf_note_tags(tokens):
    """Tags as the CRF gave them: a mark opening a line begins a note, the rest run on."""
    tags, prev_mark = [], False
    for i, tok in enumerate(tokens):
        opens = i == 0 or tokens[i - 1].line != tok.line
        mark = opens and NOTE_MARK.match(tok.text) is not None
        tags.append("B-fn_id" if mark else "B-fn_text" if prev_mark else "I-fn_text")
        prev_mark = mark
    return tags


def test_repair_gives_an_ocr_mark_beside_its_notes_second_line_the_note():
    tokens = tokenize(OCR_CENTRED)
    zones = ["footnotes"] * 4
    tags = note_repairs.repair_footnote_starts(tokens, _crf_note_tags(tokens), [0.9] * len(tokens), zones)
    tags = note_repairs.repair_centred_marks(tokens, tags, zones)
    assert [t.text for t, tag in zip(tokens, tags) if tag == "B-fn_text"] == ["The", "Each"]


@pytest.mark.parametrize("text, starts", [
    (CENTRED_GLUED, ["Each", "The"]),
    (CENTRED_ALONE, ["Each", "The"]),
    # a mark on a line of its own: the text after it goes on, whatever case it opens with
    (ALONE_CAPITAL, ["Each", "The"]),
    (ALONE_CAPITAL.replace("to the\n", "to the Board.\n").replace("Board of", "All of"), ["Each", "All"]),
    # the note before ends without a full stop
    (NO_FULL_STOP, ["The", "The"]),
    # the text after the mark goes on in brackets
    (ROMAN, ["Each", "The"]),
    # the first note's mark, no mark above it: the text above is its note's
    (FIRST_CENTRED, ["Securities", "Securities"]),
    # also where it stands alone below a line that goes on (pdfplumber)
    (FIRST_CENTRED.replace("(1) Fund", "Fund").replace("Each of the\n", "Each of the\n(1)\n"),
     ["Securities", "Securities"]),
    # a later mark's: the text above is the first note's, its mark lost
    (FIRST_CENTRED.replace("(2)", "(3)").replace("(1)", "(2)"), ["Fund", "Securities"]),
    # the line above ends its sentence: the mark opens its note
    (OPENING, ["Each", "15"]),
    # ... unless the first mark stands alone above its note: marks are centred
    (CENTRED_SENTENCES, ["Represents", "This", "This"]),
    (CENTRED_SENTENCES.replace("(1)\n\nRepresents", "(1) Represents"), ["Represents", "The", "The"]),
])
def test_repair_gives_a_centred_mark_the_note_around_it(text, starts):
    tokens = tokenize(text)
    tags = note_repairs.repair_centred_marks(tokens, _crf_note_tags(tokens), ["footnotes"] * len(text.split("\n")))
    assert [t.text for t, tag in zip(tokens, tags) if tag == "B-fn_text"] == starts


# pdfplumber of a real filing: the first note's mark beside its third line, the CRF
# beginning a note at its second line's sentence
FIRST_NOTE_SENTENCES = ("This statement is jointly filed by the Bank and Merrill Lynch.\n"
                        "The Bank holds an indirect interest in the securities. Each Reporting\n"
                        "(1) Person disclaims beneficial ownership of the securities.\n"
                        "(2) Each RSU represents a right to receive one share.")


def test_repair_gives_the_first_mark_every_line_of_text_above_it():
    tokens = tokenize(FIRST_NOTE_SENTENCES)
    tags = _crf_note_tags(tokens)
    tags[[t.text for t in tokens].index("The")] = "B-fn_text"
    tags = note_repairs.repair_centred_marks(tokens, tags, ["footnotes"] * 4)
    assert [t.text for t, tag in zip(tokens, tags) if tag == "B-fn_text"] == ["This", "Each"]


# Cut down from a real filing's notes as pdftotext -layout prints them: the one note's
# mark centred between its second and third lines, the form's boilerplate right above it.
AFTER_BOILERPLATE = ("Explanation of Responses:\n"
                     "** Intentional misstatements or omissions of facts constitute Federal Criminal Violations.\n"
                     "Represents the vesting of a performance share award approved on March 13, 2017, based on the\n"
                     "Issuer's total shareholder return over the period commencing on January 29, 2017, and ending\n"
                     "(1)\n"
                     "on February 1, 2020.")


def test_repair_opens_a_centred_marks_note_after_the_boilerplate_above_it():
    tokens = tokenize(AFTER_BOILERPLATE)
    zones = ["footnotes", "boilerplate", "footnotes", "footnotes", "footnotes", "footnotes"]
    tags = note_repairs.repair_centred_marks(tokens, _crf_note_tags(tokens), zones)
    assert [t.text for t, tag in zip(tokens, tags) if tag == "B-fn_text"] == ["Represents"]


# Cut down from a real filing's box 1 as pdftotext -layout prints it: the ZIP+4 broken
# around the city and state line.
SPLIT_ZIP = ("C/O MICROSOFT CORPORATION\n"
             "                 98052-\n"
             "REDMOND   WASHINGTON\n"
             "                 6399")


@pytest.mark.parametrize("text, crf_zip, expected", [
    (SPLIT_ZIP, "98052-", ["98052-", "6399"]),
    # four digits in another column are not the ZIP's
    (SPLIT_ZIP.replace("                 6399", "6399"), "98052-", ["98052-"]),
    # nor are they three lines further down
    (SPLIT_ZIP.replace("\n                 6399", "\n\n\n                 6399"), "98052-", ["98052-"]),
    # pdfplumber: both halves on one line around the city and state, the CRF tagging the tail
    ("(Street) 98052- REDMOND WASHINGTON 6399", "6399", ["98052-", "6399"]),
    # a city and a state of two words each
    ("(Street) 10179- NEW YORK NEW YORK 0001", "0001", ["10179-", "0001"]),
])
def test_repair_joins_a_zip_broken_in_two(text, crf_zip, expected):
    tokens = tokenize(text)
    tags = [("B-owner_zip" if t.text == "98052-" else "I-owner_zip") if t.text == crf_zip else "O" for t in tokens]
    confidences = [0.9 if t != "O" else None for t in tags]
    box_repairs.repair_split_zip(tokens, tags, confidences)
    zip_tags = [(t.text, tag) for t, tag in zip(tokens, tags) if tag.endswith("owner_zip")]
    assert zip_tags == list(zip(expected, ["B-owner_zip", "I-owner_zip"]))
    assert all(c is not None for c, tag in zip(confidences, tags) if tag != "O")


# pdfplumber, JPMorgan's filings: the CRF began a ZIP at its tail, the head left O
@pytest.mark.parametrize("text", ["(Street) 10179- NEW YORK NEW YORK 0001", "(Street) 98052- REDMOND WASHINGTON 6399"])
def test_repair_joins_a_zip_begun_at_its_tail(text):
    tokens = tokenize(text)
    tags = ["B-owner_zip" if t is tokens[-1] else "O" for t in tokens]
    confidences = [0.9 if t != "O" else None for t in tags]
    box_repairs.repair_split_zip(tokens, tags, confidences)
    assert [(t.text, tag) for t, tag in zip(tokens, tags) if tag != "O"] == [
        (text.split()[1], "B-owner_zip"), (tokens[-1].text, "I-owner_zip")]


# Cut down from pdfminer of real filings (AbbVie's, Tesla's): box 1's ZIP printed after
# Table I's title, right above its caption, the table CRF reading it as an amount owned
@pytest.mark.parametrize("text, crf, expected", [
    ("Owned\n\n60064\n\n(Zip/Postal\n\nCode)", "B-owned", "B-owner_zip"),
    ("Owned\n\n78725-1234\n\n(Zip/Postal Code)", "O", "B-owner_zip"),
    # a caption further down: the number is something else
    ("Owned\n\n60064\n\nUNITED STATES\n\n(Zip/Postal\n\nCode)", "B-owned", "B-owned"),
    # an amount beside other words is no ZIP
    ("Owned\n\n60064 D\n\n(Zip/Postal Code)", "B-owned", "B-owned"),
])
def test_repair_reads_a_lone_number_over_the_zip_caption_as_the_zip(text, crf, expected):
    tokens = tokenize(text)
    tags = [crf if t.text[:5].isdigit() else "O" for t in tokens]
    confidences = [0.9 if t != "O" else None for t in tags]
    box_repairs.repair_zips_over_captions(tokens, tags, confidences, text.split("\n"))
    assert [tag for t, tag in zip(tokens, tags) if t.text[:5].isdigit()] == [expected]
    assert all(c is not None for c, tag in zip(confidences, tags) if tag != "O")


# Cut down from a real filing's Table II as pdftotext -layout prints it: the last lines of
# the title (bracketed groups) and of the underlying title (``Stock``), left O by the CRF.
WRAPPED_CELLS = ("Units  06/15/2018  A  1,640  (2)  Common 1,640\n"
                 "(RSU)                            Stock\n"
                 "(Class A)")
UNITS_ROW = {"Units": "I-title", "06/15/2018": "B-tx_date", "A": "B-code", "1,640": "B-shares",
             "(2)": "B-fn_mark", "Common": "B-und_title"}


@pytest.mark.parametrize("text, zone, titles, underlying", [
    (WRAPPED_CELLS, "table2", ["Units", "(", "RSU", ")", "(", "Class", "A", ")"], ["Common", "Stock"]),
    # a line in another column is not the cell's
    (WRAPPED_CELLS.replace("\n(RSU)      ", "\n      (RSU)"), "table2", ["Units"], ["Common", "Stock"]),
    # nor a line outside the tables
    (WRAPPED_CELLS, "footnotes", ["Units"], ["Common"]),
    # nor amounts, dates or marks, nor a sentence under the title
    (WRAPPED_CELLS.replace("Stock", "1,640 (3)"), "table2", ["Units", "(", "RSU", ")", "(", "Class", "A", ")"],
     ["Common"]),
    (WRAPPED_CELLS.replace("(RSU)    ", "Reminder: Report on a separate line"), "table2", ["Units"], ["Common"]),
    # nor a heading read into the table's zone (markdown of a scan)
    (WRAPPED_CELLS.replace("(RSU)", "Table").replace("(Class A)", "Table II -"), "table2", ["Units"],
     ["Common", "Stock"]),
])
def test_repair_continues_a_cell_wrapped_onto_a_line_of_its_own(text, zone, titles, underlying):
    tokens = tokenize(text)
    tags = [UNITS_ROW.get(t.text, "O") if t.line == 0 else "O" for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    cell_repairs.repair_wrapped_cells(tokens, tags, confidences, [zone] * 3)
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("-title")] == titles
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("und_title")] == underlying
    assert all(c is not None for c, tag in zip(confidences, tags) if tag != "O")


# Cut down from a real filing's Table II as plain pdftotext prints it (a Microsoft director's
# RSU grant): one cell a line, the row's amount between the underlying title's two lines.
PLAIN_UNDERLYING = "Common\n342.244\nStock\n$0"
PLAIN_TAGS = {"Common": "B-und_title", "342.244": "B-und_shares", "0": "B-price"}


@pytest.mark.parametrize("text, underlying", [
    (PLAIN_UNDERLYING, ["Common", "Stock"]),
    # a word below a line of two tokens is not passed over to
    (PLAIN_UNDERLYING.replace("342.244", "342.244 (2)"), ["Common"]),
])
def test_repair_continues_a_cell_over_the_rows_amount_between_its_lines(text, underlying):
    tokens = tokenize(text)
    tags = [PLAIN_TAGS.get(t.text, "O") for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    cell_repairs.repair_wrapped_cells(tokens, tags, confidences, ["table2"] * 4)
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("und_title")] == underlying


# Cut down from the same filings: column 7's heading a word or two a line, below the
# underlying title, its last word read as the title's rest.
BROKEN_HEADING = "Common\nStock\n\nAmount or\nNumber of\nShares\n\n224.048"


@pytest.mark.parametrize("text, underlying", [
    (BROKEN_HEADING, ["Common", "Stock"]),
    # a title that only holds the word keeps it
    (BROKEN_HEADING.replace("Number of\n", ""), ["Common", "Stock", "Shares"]),
])
def test_repair_clears_a_heading_printed_a_word_a_line(text, underlying):
    tokens = tokenize(text)
    tags = ["B-und_title" if t.text == "Common" else "I-und_title" if t.text in ("Stock", "Shares")
            else "B-und_shares" if t.text == "224.048" else "O" for t in tokens]
    lines = text.split("\n")
    title_repairs.repair_broken_headings(tokens, tags, lines)     # whatever zone its lines stand in
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("und_title")] == underlying


# Cut down from real filings' Table II (plain pdftotext): the underlying title a word or
# two a line, its middle line beside the row's dates and amount, the CRF reading only
# its last words; the lines may stand among the notes (a page's last rows).
PLAIN_HEADS = "Title\n\nClass A\n08/15/2020 08/15/2020 Common 81,217\nStock\n"
PLAIN_HEAD_TAGS = {"08/15/2020": "B-ex_date", "Common": "B-und_title", "Stock": "I-und_title",
                   "81,217": "B-und_shares"}
TABLE2_LINES = ["table2"] * 6


@pytest.mark.parametrize("text, zones, tagged, underlying", [
    (PLAIN_HEADS, TABLE2_LINES, "dates", ["Class", "A", "Common", "Stock"]),
    # the title's middle word beside the amount, left O with it; its lines among the notes
    ("Shares\n\nClass A\nCommon 1,386\nStock\n", ["footnotes"] * 4 + ["table2", "footnotes"], "Stock",
     ["Class", "A", "Common", "Stock"]),
    # the head must reach up to a blank line: here the heading's word stands right above
    (PLAIN_HEADS.replace("Title\n\n", "Title\n"), TABLE2_LINES, "dates", ["Common", "Stock"]),
    # a line of single letters (the row's A/D or D/I letter) is no head
    (PLAIN_HEADS.replace("Class A", "D"), TABLE2_LINES, "dates", ["Common", "Stock"]),
    # words before a date on the line above are no head: only amounts may follow them
    (PLAIN_HEADS.replace("Class A", "Class A 08/15/2020"), TABLE2_LINES, "dates", ["Common", "Stock"]),
])
def test_repair_begins_an_underlying_title_at_its_head_above(text, zones, tagged, underlying):
    tokens = tokenize(text)
    last = tokens[-1].line
    crf_lines = {last} if tagged == "Stock" else {last - 1, last}     # the lines the CRF tagged
    tags = [PLAIN_HEAD_TAGS.get(t.text, "O") if t.line in crf_lines else "O" for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    title_repairs.repair_underlying_heads(tokens, tags, confidences, zones)
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("und_title")] == underlying
    assert [tag for tag in tags if tag.endswith("und_title")][:1] == ["B-und_title"]


# Cut down from real filings' Table II (plain pdftotext of LinkedIn, Facebook and Tesla
# filings): column 7's heading ``Amount or Number of`` / ``Shares`` printed among the
# rows' cells, its ``Shares`` read into the underlying title
@pytest.mark.parametrize("text, underlying", [
    ("Common Stock\n\nAmount or Number of\n\nShares\n\n2,107,672\n", ["Common", "Stock"]),
    # the heading's lines interleaved with column 5's ``(D)``, ``Shares`` opening the title
    ("Number\nof\n\n(D)\n\nShares\nCommon Stock\n", ["Common", "Stock"]),
    # an underlying title ending in ``Shares`` a word a line keeps it: its head stands between
    ("Amount or Number of\n\nCommon\nShares\n", ["Common", "Shares"]),
    # no heading's line ending in ``of`` above: a title of its own
    ("Title\n\nShares\n\nCommon Stock\n", ["Shares", "Common", "Stock"]),
])
def test_repair_leaves_column_seven_heading_shares_out_of_the_underlying_title(text, underlying):
    tokens = tokenize(text)
    read = [i for i, t in enumerate(tokens) if t.text in ("Common", "Stock", "Shares")]
    tags = ["O"] * len(tokens)
    for k, i in enumerate(read):
        tags[i] = ("B-" if k == 0 else "I-") + "und_title"
    title_repairs.repair_heading_shares(tokens, tags, ["table2"] * (tokens[-1].line + 1))
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("und_title")] == underlying
    assert [tag for tag in tags if tag.endswith("und_title")][:1] == ["B-und_title"]


# Cut down from a real filing's Table II in the EDGAR ASCII layout: the nature cell wraps
# over four lines, its mark on the last, the CRF tagging only its first line.
ASCII_NATURE = ("45,659(2)   87,290(4)    I         By The\n"
                "                                   Founders\n"
                "                                   Fund IV,\n"
                "                                   LP(5)\n")
ASCII_TAGS = {"45,659": "B-shares", "87,290": "B-owned", "(2)": "B-fn_mark", "(4)": "B-fn_mark",
              "I": "B-di", "By": "B-nature", "The": "I-nature"}


@pytest.mark.parametrize("text, nature, marks", [
    (ASCII_NATURE, ["By", "The", "Founders", "Fund", "IV", ",", "LP"], ["(2)", "(4)", "(5)"]),
    # a line with tabs has no columns: left as the CRF tagged it
    (ASCII_NATURE.replace("Fund IV,", "\tFund IV,"), ["By", "The", "Founders"], ["(2)", "(4)"]),
    # an amount below the nature is no part of it
    (ASCII_NATURE.replace("Founders", "1,000   "), ["By", "The"], ["(2)", "(4)"]),
    # a fund's year is (Sequoia Capital U.S. Venture 2010 Fund)
    (ASCII_NATURE.replace("Fund IV,", "2010 Fund,"), ["By", "The", "Founders", "2010", "Fund", ",", "LP"],
     ["(2)", "(4)", "(5)"]),
])
def test_repair_follows_a_wrapped_nature_down_its_column(text, nature, marks):
    tokens = tokenize(text)
    tags = [ASCII_TAGS.get(t.text, "O") if t.line == 0 else "O" for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    cell_repairs.repair_wrapped_cells(tokens, tags, confidences, ["table2"] * 5)
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("nature")] == nature
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("fn_mark")] == marks


# Cut down from a real filing's Table II (pdftotext -layout): the title's last line,
# centred below the row's line, ends with the title's mark.
LAYOUT_TITLE = ("Class B                 Class A\n"
                "Common    05/17/2019    Common 24,791\n"
                "                        (3)\n"
                "Stock{mark}                   Stock\n")
LAYOUT_TAGS = {(0, 0): "B-title", (0, 6): "I-title", (0, 24): "B-und_title", (0, 30): "I-und_title",
               (1, 0): "I-title", (1, 10): "B-tx_date", (1, 24): "I-und_title", (1, 31): "B-und_shares",
               (2, 24): "B-fn_mark", (3, 24): "I-und_title"}


@pytest.mark.parametrize("mark, title, marks", [
    (" (1)", ["Class", "B", "Common", "Stock"], ["(3)", "(1)"]),
    ("    ", ["Class", "B", "Common", "Stock"], ["(3)"]),
])
def test_repair_follows_a_centred_title_to_its_line_with_the_rows_mark(mark, title, marks):
    tokens, tags = _repaired(cell_repairs.repair_wrapped_cells, LAYOUT_TITLE.format(mark=mark),
                             lambda tokens: [LAYOUT_TAGS.get((t.line, t.col), "O") for t in tokens], "table2")
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("-title")] == title
    assert [t.text for t, tag in zip(tokens, tags) if tag == "B-fn_mark"] == marks


# Cut down from a real filing's Table II (pdftotext -layout): the title's bracket wrapped,
# its end on the title's last line.
WRAPPED_BRACKET = ("Non Employee Stock         $ 23.35   02/12/2020\n"
                   "Options (Right to\n"
                   "{end}\n")


@pytest.mark.parametrize("end, title", [
    ("Buy)", ["Non", "Employee", "Stock", "Options", "(", "Right", "to", "Buy", ")"]),
    # the words closing it are a security's, or no title's
    ("Fund)", ["Non", "Employee", "Stock", "Options", "(", "Right", "to"]),
    (")", ["Non", "Employee", "Stock", "Options", "(", "Right", "to"]),
])
def test_repair_follows_a_titles_wrapped_bracket_to_its_end(end, title):
    crf = {"23.35": "B-ex_price", "02/12/2020": "B-tx_date"}
    def tagged(tokens):
        return ["B-title" if t.text == "Non" else "I-title" if t.line < 2 and t.col < 20 else crf.get(t.text, "O")
                for t in tokens]
    tokens, tags = _repaired(cell_repairs.repair_wrapped_cells, WRAPPED_BRACKET.format(end=end), tagged, "table2")
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("-title")] == title


# Cut down from a real filing's Table II (Tesseract OCR): one space between cells, so the
# title's ``(RSU)`` and the underlying title's ``Stock`` make one cell of the line.
OCR_TITLE = ("Restricted\n"
             "Stock Class A\n"
             "Units 06/17/2019 A 1,613 Common 1,613 $0 1,613 D\n"
             "(RSU) {rest}\n"
             "(Class A)\n")


OCR_TITLE_TAGS = {(0, 0): "B-title", (1, 0): "I-title", (1, 6): "B-und_title", (1, 12): "I-und_title",
                  (2, 0): "I-title", (2, 6): "B-tx_date", (2, 25): "I-und_title",
                  (4, 0): "I-title", (4, 1): "I-title", (4, 7): "I-title", (4, 8): "I-title"}


@pytest.mark.parametrize("rest, read, title", [
    ("Stock", "I-und_title", ["Restricted", "Stock", "Units", "(", "RSU", ")", "(", "Class", "A", ")"]),
    # the line's later word read as the title's own: the untagged words before it are no title's
    ("Units", "I-title", ["Restricted", "Stock", "Units", "Units", "(", "Class", "A", ")"]),
])
def test_repair_follows_a_title_down_an_ocr_line_whose_later_cell_is_read(rest, read, title):
    crf = {**OCR_TITLE_TAGS, (3, 6): read}
    tokens, tags = _repaired(cell_repairs.repair_wrapped_cells, OCR_TITLE.format(rest=rest),
                             lambda tokens: [crf.get((t.line, t.col), "O") for t in tokens], "table2")
    assert [t.text for t, tag in zip(tokens, tags) if tag[2:] == "title"] == title


# Cut down from a real filing's Table I (pdftotext -layout): the CRF read the mark that
# ends the nature's last line, and nothing else of that line.
LAYOUT_NATURE = ("Common Stock   S   1,968   D   14,872   I   By The\n"
                 "                                            Founders\n"
                 "                                            Fund IV, LP {mark}\n")
LAYOUT_NATURE_TAGS = {"Common": "B-title", "Stock": "I-title", "S": "B-code", "1,968": "B-shares", "D": "B-ad",
                      "14,872": "B-owned", "I": "B-di", "By": "B-nature", "The": "I-nature", "(3)": "B-fn_mark"}


@pytest.mark.parametrize("mark, nature", [
    ("(3)", ["By", "The", "Founders", "Fund", "IV", ",", "LP"]),
    ("", ["By", "The", "Founders", "Fund", "IV", ",", "LP"]),
])
def test_repair_follows_a_nature_down_to_the_line_whose_mark_the_crf_read(mark, nature):
    tokens, tags = _repaired(cell_repairs.repair_wrapped_cells, LAYOUT_NATURE.format(mark=mark),
                             lambda tokens: [LAYOUT_NATURE_TAGS.get(t.text, "O") if t.line in (0, 2) else "O"
                                             for t in tokens], "table1")
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("nature")] == nature
    assert [t.text for t, tag in zip(tokens, tags) if tag == "B-fn_mark"] == ([mark] if mark else [])


# Cut down from a real filing's Table I in the EDGAR ASCII layout, its marks printed
# without brackets: the nature's head ``By`` after the row's ``I`` and its next lines all O.
ASCII_INDIRECT = ("Common Stock            300          I         By\n"
                  "                                              Spouse's\n"
                  "                                              IRA 3\n")
INDIRECT_TAGS = {"Common": "B-title", "Stock": "I-title", "300": "B-owned", "I": "B-di"}


@pytest.mark.parametrize("text, nature, marks", [
    (ASCII_INDIRECT, ["By", "Spouse's", "IRA"], ["3"]),
    # after a direct holding's D the cell is not read as a nature
    (ASCII_INDIRECT.replace("I   ", "D   "), [], []),
    # nor a cell that does not open as a nature does
    (ASCII_INDIRECT.replace("By", "xy"), [], []),
    # a fund's name after the I, its cell's top line (Sequoia, a `|` table or spaces)
    (ASCII_INDIRECT.replace("By", "Sequoia").replace("Spouse's", "Capital").replace("IRA 3", "Fund 3"),
     ["Sequoia", "Capital", "Fund"], ["3"]),
    (ASCII_INDIRECT.replace("  I         By", "  I        |Sequoia"), ["Sequoia", "Spouse's", "IRA"], ["3"]),
    # not a word with words above it in its column (a stack centred on its row)
    ("                                              Sequoia\n" + ASCII_INDIRECT.replace("By", "Capital"), [], []),
])
def test_repair_reads_the_nature_after_the_indirect_letter(text, nature, marks):
    tokens = tokenize(text)
    row = next(t.line for t in tokens if t.text == "Common")
    tags = [("B-di" if t.text in "DI" else INDIRECT_TAGS.get(t.text, "O")) if t.line == row else "O" for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    nature_repairs.repair_nature_after_indirect(tokens, tags, confidences, ["table1"] * 5)
    cell_repairs.repair_wrapped_cells(tokens, tags, confidences, ["table1"] * 5)
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("nature")] == nature
    assert [t.text for t, tag in zip(tokens, tags) if tag == "B-fn_mark"] == marks


# Cut down from a real filing's Table I (markdown, tab cells): the CRF began the nature
# again at its second word
@pytest.mark.parametrize("text, natures", [
    ("common\t2170.3157 (1)\tI\tHeld by minor child", ["Held by minor child"]),
    # another cell's value stays apart
    ("common\t2170.3157 (1)\tI\tHeld\tby minor child", ["Held", "by minor child"]),
])
def test_repair_reads_a_text_value_begun_again_inside_its_cell_as_one(text, natures):
    tokens = tokenize(text)
    tags = ["B-title", "B-owned", "B-fn_mark", "B-di", "B-nature", "B-nature", "I-nature", "I-nature"]
    cell_repairs.repair_split_text_cells(tokens, tags)
    starts = [k for k, tag in enumerate(tags) if tag == "B-nature"] + [len(tags)]
    assert [text[tokens[a].start:tokens[b - 1].end] for a, b in zip(starts, starts[1:])] == natures


# Cut down from a real filing's Table II as pdfplumber prints it (a Microsoft director's RSU
# grant): single spaces, the title's and the underlying title's next words on one line.
PLUMBER_ROW = "Restricted (1) 01/31/2023 A 363.181 (2) (2) Common 363.181 $ 0 13,639.699 D\nStock Stock"
PLUMBER_TAGS = {"Restricted": "B-title", "01/31/2023": "B-tx_date", "A": "B-code", "Common": "B-und_title"}


@pytest.mark.parametrize("text, titles", [
    (PLUMBER_ROW, (["Restricted", "Stock"], ["Common", "Stock"])),
    # a line not starting in the title's column is the CRF's to read
    (PLUMBER_ROW.replace("\nStock", "\n    Stock"), (["Restricted"], ["Common", "Stock", "Stock"])),
    # nor a first word that is no security's (a nature's ``Held by``)
    (PLUMBER_ROW.replace("\nStock Stock", "\nHeld by"), (["Restricted"], ["Common", "Held", "by"])),
])
def test_repair_gives_a_lines_first_word_in_the_title_column_to_the_title(text, titles):
    tokens = tokenize(text)
    tags = [PLUMBER_TAGS.get(t.text, "O") if t.line == 0 else "I-und_title" for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    title_repairs.repair_title_first(tokens, tags, confidences, ["table2"] * 2)
    assert ([t.text for t, tag in zip(tokens, tags) if tag.endswith("-title") and "und" not in tag],
            [t.text for t, tag in zip(tokens, tags) if tag.endswith("und_title")]) == titles


# Cut down from a real filing's Table II as plain pdftotext prints it (a director's option
# grant): the title a word a line, its head O above the exercise price
WORD_A_LINE = "Code\n\nNon\nEmployee\nStock\n$ 23.35\nOptions\n(Right to\nBuy)"
WORD_TAGS = {"23.35": "B-ex_price", "Options": "I-title", "Right": "I-title", "to": "I-title", "Buy": "I-title"}


@pytest.mark.parametrize("text, title", [
    (WORD_A_LINE, ["Non", "Employee", "Stock", "Options", "Right", "to", "Buy"]),
    # no blank line above the head: it may be a heading's words, left alone
    (WORD_A_LINE.replace("Code\n\n", "Code\n"), ["Options", "Right", "to", "Buy"]),
    # pdftotext -raw and pdfminer: the CRF began the title at "Stock", a line of its own
    (WORD_A_LINE.replace("$ 23.35\n", ""), ["Non", "Employee", "Stock", "Options", "Right", "to", "Buy"]),
    # not where the line holds the row's other cells (-layout: the head is another cell's)
    (WORD_A_LINE.replace("$ 23.35\n", "").replace("Stock", "Stock   02/12/2020"), ["Stock", "Options", "Right", "to", "Buy"]),
    # pdftotext -raw prints no blank line: a line of the headings, or of the row above's
    # values, ends the head of a title begun on a line of its own (not one begun mid-line)
    (WORD_A_LINE.replace("$ 23.35\n", "").replace("Code\n\n", "Shares\n"),
     ["Non", "Employee", "Stock", "Options", "Right", "to", "Buy"]),
    (WORD_A_LINE.replace("$ 23.35\n", "").replace("Code\n\n", "Title\nAmo\nNum\nShar\n"),
     ["Non", "Employee", "Stock", "Options", "Right", "to", "Buy"]),
    (WORD_A_LINE.replace("$ 23.35\n", "").replace("Code\n\n", "0 02/12/2020\n"),
     ["Non", "Employee", "Stock", "Options", "Right", "to", "Buy"]),
    (WORD_A_LINE.replace("Code\n\n", "Shares\n"), ["Options", "Right", "to", "Buy"]),
])
def test_repair_begins_a_title_at_its_head_left_o_above(text, title):
    tokens = tokenize(text)
    begun = "$" not in text     # no price between: the CRF began the title at "Stock"
    tags = ["B-title" if t.text == "Stock" and begun else "B-tx_date" if t.text == "02/12/2020"
            else "B-owned" if t.text == "0" else WORD_TAGS.get(t.text, "O") for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    title_repairs.repair_title_heads(tokens, tags, confidences, ["table2"] * len(text.split("\n")))
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("-title")] == title


# Cut down from a real filing's Table II as pdfplumber prints it (an RSU grant): the
# title's and the underlying title's next words on one line, the CRF reading both as the title's
RUN_ON = "Restricted (1) 06/15/2021 A 946 (2) (2) Class A 946 $ 0 946 D\nStock Common\nUnits Stock"
RUN_ON_TAGS = {"Restricted": "B-title", "06/15/2021": "B-tx_date", "Class": "B-und_title", "A": "I-und_title"}


@pytest.mark.parametrize("text, underlying", [
    (RUN_ON, ["Class", "A", "Common", "Stock"]),
    # a title that goes on with a word opening no new security keeps it
    (RUN_ON.replace("Stock Common", "Stock Appreciation"), ["Class", "A", "Stock"]),
])
def test_repair_gives_the_underlying_title_the_words_past_the_titles_noun(text, underlying):
    tokens = tokenize(text)
    tags = [(RUN_ON_TAGS.get(t.text, "O") if t.text != "A" or t.col > 40 else "B-code") if t.line == 0
            else "I-und_title" if (t.line, t.text) == (2, "Stock") else "I-title" for t in tokens]
    title_repairs.repair_run_on_underlying(tokens, tags, ["table2"] * 3)
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("und_title")] == underlying


# Cut down from a real filing's Table I as plain pdftotext prints it (a fund's purchases):
# one cell a line, the title with its par value left O by the CRF.
PAR_TITLE = "Class A Common Stock,\n$0.01 par value\n\n04/24/2025\n\nP\n\n16,000"
PAR_TAGS = {"04/24/2025": "B-tx_date", "P": "B-code", "16,000": "B-shares"}


@pytest.mark.parametrize("text, title", [
    (PAR_TITLE, ["Class", "A", "Common", "Stock", ",", "$", "0.01", "par", "value"]),
    # a title of security words alone is the CRF's to read
    (PAR_TITLE.replace("$0.01 par value", "Series B"), []),
    # a line that is not a title's is no title
    (PAR_TITLE.replace("Class A", "Reminder: the"), []),
    # nor one far above the row's first value
    (PAR_TITLE.replace("\n\n04/24", "\n\n\n\n\n\n04/24"), []),
])
def test_repair_reads_a_title_with_its_par_value_left_o(text, title):
    tokens = tokenize(text)
    tags = [PAR_TAGS.get(t.text, "O") for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    lines = text.split("\n")
    title_repairs.repair_untitled_rows(tokens, tags, confidences, ["table1"] * len(lines))
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("-title")] == title
    assert all(c is not None for c, tag in zip(confidences, tags) if tag != "O")


# EDGAR ASCII of a real filing's Table I (Citigroup's purchases): each title with its par
# value wrapped over three lines of its column, the row's month-name date not read yet
ASCII_PAR_ROWS = ("Common Stock, |Oct. 30,    |N/A         |P          |116,002   |A\n"
                  "$0.00125 par  |2025        |            |           |          |\n"
                  "value         |            |            |           |          |\n"
                  "\n"
                  "Common Stock, |Oct. 31,    |N/A         |P          |24,773    |A\n"
                  "$0.00125 par  |2025        |            |           |          |\n"
                  "value         |            |            |           |          |\n")


def test_repair_reads_ascii_titles_with_their_par_values_wrapped_over_three_lines():
    tokens = tokenize(ASCII_PAR_ROWS)
    tags = [{"P": "B-code", "116,002": "B-shares", "24,773": "B-shares", "A": "B-ad"}.get(t.text, "O")
            for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    title_repairs.repair_untitled_rows(tokens, tags, confidences, ["table1"] * 8)
    titles = [" ".join(t.text for t, tag in zip(tokens, tags) if tag.endswith("-title") and t.line in lines)
              for lines in ((0, 1, 2), (4, 5, 6))]
    assert titles == ["Common Stock , $ 0.00125 par value"] * 2


# Cut down from a real filing's Table I as pdftotext -layout prints it (a fund's
# purchases): the title's first line above the row's line, its par value below it, the
# price's ``$`` level with the title and its digits and marks level with the par value.
LAYOUT_PAR_ROW = ("                                                              See\n"
                  "Class A Common Stock,                            $             Footnotes\n"
                  "                     04/24/2025   P   16,847  A              8,552,914   I\n"
                  "$0.01 par value                                 5.4231 (1) (2)\n")
LAYOUT_ROW_TAGS = {"See": "B-nature", "Footnotes": "I-nature", "04/24/2025": "B-tx_date", "P": "B-code",
                   "16,847": "B-shares", "8,552,914": "B-owned", "I": "B-di"}


def _layout_row_tags(tokens, crf_title):
    """The tags of ``LAYOUT_PAR_ROW``'s tokens as the CRF gave them: the title's first
    line read (``crf_title``, ``Class`` read and its letter as an A/D letter) or left O."""
    read = {"Class": "B-title", "A": "B-ad"} if crf_title else {}
    return [read.get(t.text, "O") if t.line == 1 and t.text != "Footnotes"
            else "B-ad" if t.text == "A" else LAYOUT_ROW_TAGS.get(t.text, "O") for t in tokens]


def _layout_title(crf_title, text=LAYOUT_PAR_ROW):
    tokens = tokenize(text)
    tags = _layout_row_tags(tokens, crf_title)
    confidences = [None if t == "O" else 0.9 for t in tags]
    for repair in (title_repairs.repair_class_letters, title_repairs.repair_untitled_rows,
                   title_repairs.repair_par_value_below_rows,
                   amount_repairs.repair_prices_below_dollars):
        repair(tokens, tags, confidences, ["table1"] * len(text.split("\n")))
    assert all(c is not None for c, tag in zip(confidences, tags) if tag != "O")
    return {label: " ".join(t.text for t, tag in zip(tokens, tags) if tag[2:] == label)
            for label in ("title", "price", "fn_mark", "ad")}


@pytest.mark.parametrize("crf_title", [
    # the CRF read the title's first word and took the class letter for an A/D letter
    True,
    # the CRF left the title's first line O: the row's values below it open the row
    False,
])
def test_repair_reads_a_title_and_price_printed_around_their_row_line(crf_title):
    assert _layout_title(crf_title) == {"title": "Class A Common Stock , $ 0.01 par value", "price": "5.4231",
                                        "fn_mark": "(1) (2)", "ad": "A"}


@pytest.mark.parametrize("tail, title", [
    # a line of a par value's words alone under the title column ends the title
    ("$0.01 per share", "Common Stock , par value $ 0.01 per share"),
    # a price alone there is a Table II exercise price's, no title's
    ("$ 6.24", "Common Stock , par value"),
])
def test_repair_ends_a_title_with_the_par_value_below_its_row(tail, title):
    text = ("Common Stock, par value\n"
            "                        08/27/2025   S   1,375  D   748.61   123,137   D\n"
            f"{tail}\n")
    tokens = tokenize(text)
    tags = ["B-title" if (t.line, t.text) == (0, "Common") else "I-title" if t.line == 0
            else LAYOUT_ROW_TAGS.get(t.text, "O") if t.line == 2 else
            {"08/27/2025": "B-tx_date", "S": "B-code", "1,375": "B-shares", "D": "B-ad", "748.61": "B-price",
             "123,137": "B-owned"}.get(t.text, "O") for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    title_repairs.repair_par_value_below_rows(tokens, tags, confidences, ["table1"] * 4)
    assert " ".join(t.text for t, tag in zip(tokens, tags) if tag.endswith("-title")) == title


# Cut down from real filings' Table I (plain pdftotext of AbbVie and Abbott filings): a
# title wrapped around its row's date, each cell a line from the margin
@pytest.mark.parametrize("head, between, title", [
    ("Common shares without", "02/21/2020", "Common shares without par value"),
    ("Common Stock, $0.01", "02/28/2020", "Common Stock , $ 0.01 par value"),
    # a line of another cell's words between: the title's column is not free
    ("Common shares without", "Amount", "Common shares without"),
])
def test_repair_ends_a_title_with_its_par_value_below_the_rows_date(head, between, title):
    tokens = tokenize(f"{head}\n{between}\npar value\n")
    tags = ["B-title" if (t.line, t.text) == (0, "Common") else "I-title" if t.line == 0
            else "B-tx_date" if t.text[:1].isdigit() and t.line == 1 else "O" for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    title_repairs.repair_par_value_below_rows(tokens, tags, confidences, ["table1"] * 3)
    assert " ".join(t.text for t, tag in zip(tokens, tags) if tag.endswith("-title")) == title


@pytest.mark.parametrize("text, price", [
    # a lone ``$`` over a lone price, one cell a line (plain pdftotext): any row's, left
    ("Common Stock\n$\n135.63\n321,590", ""),
    # an amount with no cents under the ``$`` is no price read here
    (LAYOUT_PAR_ROW.replace("5.4231", "54231"), ""),
])
def test_repair_leaves_prices_below_dollars_it_cannot_place(text, price):
    tokens = tokenize(text)
    tags = ["B-title" if t.text == "Common" else "I-title" if t.text == "Stock" else
            "B-owned" if t.text == "321,590" else LAYOUT_ROW_TAGS.get(t.text, "O") for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    amount_repairs.repair_prices_below_dollars(tokens, tags, confidences, ["table1"] * len(text.split("\n")))
    assert " ".join(t.text for t, tag in zip(tokens, tags) if tag == "B-price") == price


# Cut down from a real filing's Table I as pdftotext -layout prints it (a Founders Fund
# sale): the nature cell centred on its row, two lines above the row's line and two below,
# a price's ``$`` between; the CRF tagged the lines above only.
CENTRED_NATURE = ("                                               By The\n"
                  "                             $\n"
                  "                                               Founders\n"
                  "Class A  08/22/2019  S  1,968  D  180.7115  I\n"
                  "                             (3)               Fund IV,\n"
                  "                                               LP (1)\n")
CENTRED_TAGS = {"By": "B-nature", "The": "I-nature", "Founders": "I-nature", "Class": "B-title", "A": "I-title",
                "08/22/2019": "B-tx_date", "S": "B-code", "1,968": "B-shares", "D": "B-ad",
                "180.7115": "B-price", "I": "B-di", "(3)": "B-fn_mark"}


@pytest.mark.parametrize("text, nature", [
    (CENTRED_NATURE, ["By", "The", "Founders", "Fund", "IV", ",", "LP"]),
    # a cell under its column's own value is not passed over to
    (CENTRED_NATURE.replace("I\n", "I  1,000\n"), ["By", "The", "Founders"]),
    # nor across a blank line
    (CENTRED_NATURE.replace("I\n", "I\n\n"), ["By", "The", "Founders"]),
])
def test_repair_continues_a_centred_cell_across_its_rows_line(text, nature):
    tokens = tokenize(text)
    tags = [CENTRED_TAGS.get(t.text, "O") if t.line < 4 else "B-fn_mark" if t.text == "(3)" else "O"
            for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    cell_repairs.repair_wrapped_cells(tokens, tags, confidences, ["table1"] * 8)
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("nature")] == nature


# Cut down from a real filing's Table I in the EDGAR ASCII layout (a Founders Fund sale):
# the CRF left the nature's head ``By The`` at the end of the row's line O, its next lines tagged.
ASCII_HEAD = ("Class A Common     07/27/2018   S[F1]   82.00   D   $ 179.8685  2,008.00   I   By The\n"
              "Stock                                                                          Founders\n"
              "                                                                               Fund II,")
HEAD_TAGS = {"Class": "B-title", "A": "I-title", "Common": "I-title", "07/27/2018": "B-tx_date", "S": "B-code",
             "82.00": "B-shares", "179.8685": "B-price", "2,008.00": "B-owned", "I": "B-di"}


@pytest.mark.parametrize("text, nature", [
    (ASCII_HEAD, ["By", "The", "Founders", "Fund", "II", ","]),
    # a head in another column than the cell's next line is not its head
    (ASCII_HEAD.replace("   By The\n", "\n"), ["Founders", "Fund", "II", ","]),
    # nor one that opens lower-case (OCR's noise)
    (ASCII_HEAD.replace("By The", "by the"), ["Founders", "Fund", "II", ","]),
])
def test_repair_gives_a_wrapped_cell_the_head_the_crf_left_out(text, nature):
    tokens = tokenize(text)
    # the CRF's reading: the row's line, the title's rest, the nature going on from "Founders"
    tags = [HEAD_TAGS.get(t.text, "O") if t.line == 0 else "I-title" if t.text == "Stock" else "I-nature"
            for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    cell_repairs.repair_wrapped_heads(tokens, tags, confidences, ["table1"] * 3)
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("nature")] == nature


# Cut down from real filings' Table I in the EDGAR ASCII layout: a price cell nine or ten
# characters wide wraps its footnote mark after the bracket, under the cell's start.
ASCII_PRICE = ("S(2)   1816   D   169.4860( 43843   I\n"
               "                  3)")
ASCII_BRACKETED_PRICE = ("S[F1]   465.00   D   $ 178.001[  1,543.00   I\n"
                         "                     F4]")
# the pre-2003 layout's ``|`` columns, no space around a cell's bar (a Tesla holder's sales)
PIPED_PRICE = ("|S          |2,000.00  |D          |1056.3180(|168,123,419.|I        |\n"
               "|           |          |           |1)        |00(2)       |         |")


@pytest.mark.parametrize("text, price, price_tag, marks", [
    (ASCII_PRICE, "169.4860(", "B-price", ["3"]),
    (ASCII_BRACKETED_PRICE, "178.001", "B-price", ["F4"]),
    (PIPED_PRICE, "1056.3180(", "B-price", ["1"]),
    # the mark must stand under the cell's start
    (ASCII_PRICE.replace("\n      ", "\n"), "169.4860(", "B-price", []),
    (ASCII_BRACKETED_PRICE.replace("\n      ", "\n"), "178.001", "B-price", []),
    # and the value be one the CRF tagged (not a heading's bracket)
    (ASCII_PRICE, "169.4860(", "O", []),
    (ASCII_BRACKETED_PRICE, "178.001", "O", []),
    # a bracket holds its own kind of mark
    (ASCII_BRACKETED_PRICE.replace("F4]", "4]"), "178.001", "B-price", []),
    # the bracket after another mark of the cell (EDGAR ASCII of a LinkedIn sale: ``[F2][`` / ``F3]``)
    ("C[F1]   83334   A   [F2][   83334   I\n                    F3]", "[F2]", "B-fn_mark", ["F3"]),
    # a nature's bracket after its last stop, the mark read as going on with the nature
    # (EDGAR ASCII of a Sequoia fund's holding: ``XII, L.P.[`` / ``F2][F3]``)
    ("1816   D   43843   I   Sequoia XII, L.P.[\n                        F2][F3]", "Sequoia", "B-nature", ["F2"]),
])
def test_repair_reads_a_mark_wrapped_after_its_bracket(text, price, price_tag, marks):
    tokens = tokenize(text)
    crf = {"1816": "B-shares", "465.00": "B-shares", "2,000.00": "B-shares", "D": "B-ad", price: price_tag,
           "43843": "B-owned", "1,543.00": "B-owned", "168,123,419.": "B-owned", "I": "B-di", "(2)": "B-fn_mark",
           "XII": "I-nature", ",": "I-nature", "L.P": "I-nature", "F2": "I-nature"}
    tags = [crf.get(t.text, "O") for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    note_repairs.repair_wrapped_marks(tokens, tags, confidences, ["table1"] * 2)
    assert [t.text for t, tag in zip(tokens, tags) if tag == "B-fn_mark" and t.line == 1 and t.text != "(2)"] == marks


# EDGAR ASCII of a real filing's Table I (Tesla, a trust's sales): the amount owned nine
# digits without commas, which the CRF left unread between the price's ``$`` and the letter
PIPE_ROW = "Common Stock    |04/28/2022  |S  |10803  |D  |$         |168182448   |I   |by Trust(2)"


@pytest.mark.parametrize("text, owned", [
    (PIPE_ROW, ["168182448"]),
    # a line that has its amount owned keeps it
    (PIPE_ROW.replace("|$ ", "|1,000 "), ["1,000"]),
    # an amount and a letter not ruled apart (one cell: shares and their A/D letter) are no such cells
    ("4,780 D", []),
])
def test_repair_reads_an_untagged_amount_in_the_cell_before_the_ownership_letter(text, owned):
    tokens = tokenize(text)
    crf = {"Common": "B-title", "Stock": "I-title", "04/28/2022": "B-tx_date", "S": "B-code", "10803": "B-shares",
           "D": "B-di" if text.startswith("4,780") else "B-ad", "I": "B-di", "1,000": "B-owned"}
    tags = [crf.get(t.text, "O") for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    amount_repairs.repair_owned_before_letters_on_line(tokens, tags, confidences, ["table1"])
    assert [t.text for t, tag in zip(tokens, tags) if tag == "B-owned"] == owned


# Cut down from a real filing's Table I as pdftotext -layout prints it (a Sequoia fund's
# holding): the nature a word a line around the row's line, the CRF reading none of it
STACKED_NATURE = ("\n" + " " * 90 + "By\n" + " " * 90 + "Sequoia\n"
                  + "Class A Common Stock   11/11/2019   J(1)   4,678   D   $ 0   42,102" + " " * 12 + "I" + " " * 11
                  + "2010-\n" + " " * 90 + "Seed Fund,\n" + " " * 90 + "L.P. (2)\n\n")


@pytest.mark.parametrize("text, nature", [
    (STACKED_NATURE, "By Sequoia 2010- Seed Fund , L.P ."),
    # a mark wrapped over the nature's last line end, read as the row's by the mark repairs
    (STACKED_NATURE.replace("L.P. (2)", "L.P.[\n" + " " * 90 + "F2] (2)"), "By Sequoia 2010- Seed Fund , L.P ."),
    # a stack running into the next row's line: no telling whose its lines are
    (STACKED_NATURE.rstrip("\n") + "\nClass A Common Stock   11/11/2019\n", ""),
])
def test_repair_reads_a_nature_stacked_around_its_row_line(text, nature):
    tokens = tokenize(text)
    crf = {"Class": "B-title", "11/11/2019": "B-tx_date", "4,678": "B-shares", "42,102": "B-owned", "I": "B-di",
           "F2": "B-fn_mark"}
    tags = [crf.get(t.text, "O") for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    nature_repairs.repair_nature_stacks(tokens, tags, confidences, ["table1"] * len(text.split("\n")))
    assert " ".join(t.text for t, tag in zip(tokens, tags) if tag.endswith("-nature")) == nature
    assert all(tag == "B-fn_mark" for t, tag in zip(tokens, tags) if t.text == "(2)") == bool(nature)


# EDGAR ASCII of a real filing's Table II (a stock option grant): the underlying amount's
# last group of digits wrapped below it, beside the underlying title's last word
WRAPPED_AMOUNT = ("Option   A   20,264,042   01/20/2028  Common      20,264  $0   20,264,042    D\n"
                  "                                      Stock       ,042")


@pytest.mark.parametrize("text, amount", [
    (WRAPPED_AMOUNT, ["20,264", ",042"]),
    # digits under another cell are not the amount's
    (WRAPPED_AMOUNT.replace("Stock       ,042", "Stock  ,042"), ["20,264"]),
])
def test_repair_joins_an_amount_rest_wrapped_below_it(text, amount):
    tokens = tokenize(text)
    crf = {"20,264": "B-und_shares", "Common": "B-und_title", "Stock": "I-und_title", ",042": "I-und_title"}
    tags = [crf.get(t.text, "O") for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    amount_repairs.repair_wrapped_amount_rests(tokens, tags, confidences, ["table2"] * 2)
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("und_shares")] == amount


# EDGAR ASCII of a real filing's thirty-row Table I (Tesla): the price's mark cut before
# its closing bracket, the mark's last digit wrapped with it
CUT_MARK = ("Common Stock  08/09/2022  S  18630  D  838.5710[F1 158060742  I  by\n"
            "                                            ]                    Trust[F2]")


@pytest.mark.parametrize("text, marks", [
    (CUT_MARK, ["[F1"]),
    (CUT_MARK.replace("[F1 ", "[F1 ").replace("      ]", "     0]"), ["[F1", "0"]),
    (CUT_MARK.replace("[F1", "(1 ").replace("]  ", ") "), ["(1"]),
    # cut after the F, its number below: ``957.7680[F`` / ``3]``
    (CUT_MARK.replace("[F1", "[F ").replace("      ]", "     3]"), ["[F", "3"]),
    # an ASCII table's cell closed by ``|`` after the cut: ``9,098.00[F|`` / ``|1]``
    ("S  |9,098.00[F|D    |$95.3133|33,575.00\n   |1]        |     |        |", ["[F", "1"]),
    # a bracket below with no number for a mark cut after its F is no mark
    (CUT_MARK.replace("[F1", "[F "), []),
    # the closing bracket under another cell: no mark of this one
    (CUT_MARK.replace("           ]", "]           "), []),
    # a nature's last mark cut after its F, the cell wrapped at its left edge
    ("                                                 L.P.[F2][F\n"
     "                                                 3][F4]", ["[F", "3"]),
    # a nature cell's last line ``Fund, L.P.[F`` wrapped at the cell's left edge: ``2][F3]``
    ("                                                 Fund, L.P.[F\n"
     "                                                 2][F3]", ["[F", "2"]),
    # a price cell's second mark cut before its bracket, the tokenizer splitting ``[``
    # off the mark before it (EDGAR ASCII of a LinkedIn sale: ``[F2][F3`` / ``]``)
    ("Common  10/01/2012  C[F1]  78664  A  [F2][F3 78664  I\n"
     "                                      ]", ["[", "F3"]),
    # cut after the F, the tokenizer splitting ``[`` off: ``[F2][F`` / ``3]`` in the price cell
    ("Common  10/01/2012  C[F1]  78664  A  [F2][F 78664  I\n"
     "                                      3]", ["[", "F", "3"]),
    # a mark glued to the amount owned, one token with the cut mark: ``69,064[F2][F`` / ``3][F4]``
    ("Share |A |0.000|158060742[F2][F|D |\n      |  |0    |3][F4]      |  |", ["[F2][F", "3"]),
    # ``(2)(3`` / ``)`` in a space-separated table
    ("Common  10/01/2012  C(1)  78664  A  (2)(3 78664  I\n"
     "                                      )", ["(2)", "(", "3"]),
])
def test_repair_reads_a_mark_a_cell_cut_before_its_bracket(text, marks):
    tokens = tokenize(text)
    crf = {"838.5710": "B-price", "158060742": "B-owned", "[F2]": "B-fn_mark", "9,098.00": "B-shares",
           "L.P.": "I-nature", "(2)": "B-fn_mark"}
    tags = [crf.get(t.text, "O") for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    note_repairs.repair_cut_marks(tokens, tags, confidences, ["table1"] * 2)
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("fn_mark") and t.text != "[F2]"] == marks


# Cut down from a real filing's Reporting Owners table as pdfplumber prints it (a fund
# that owns 10 %): the CRF read each row's mark as a director's.
OWNER_TABLE = ("\tDirector\t10% Owner\tOfficer\tOther\n"
               "Mithril LP C/O MITHRIL CAPITAL MANAGEMENT LLC AUSTIN TEXAS 78701\t\tX\t\t\n"
               "THIEL PETER C/O MITHRIL CAPITAL MANAGEMENT LLC AUSTIN TEXAS 78701\tX\t\t\t\n")


# The same table as pdftotext -layout prints it: headings and marks centred on their
# columns, a mark's first character under the end of "10% Owner" (the second mark moved
# under "Director" here to tell the columns apart)
LAYOUT_OWNERS = ("                                           Director 10% Owner Officer Other\n"
                 "AUSTIN                                                      X\n"
                 "AUSTIN                                        X\n"
                 "X\n")


@pytest.mark.parametrize("text, zone, flags", [
    (OWNER_TABLE, "owner", ["B-is_ten_percent", "B-is_director"]),
    # spaces: the nearest heading's centre; a mark opening its line stays as read
    (LAYOUT_OWNERS, "owner", ["B-is_ten_percent", "B-is_director", "B-is_director"]),
    # below the owners' zones the heading no longer holds
    (OWNER_TABLE, "signature", ["B-is_director", "B-is_director"]),
])
def test_repair_gives_a_check_mark_the_flag_of_its_column(text, zone, flags):
    tokens = tokenize(text)
    tags = ["B-is_director" if t.text == "X" else "O" for t in tokens]
    zones = ["owner"] + [zone] * 3
    box_repairs.repair_relationship_columns(tokens, tags, zones)
    assert [tag for t, tag in zip(tokens, tags) if t.text == "X"] == flags


# Cut down from plain pdftotext of a real filing's signature block: the date printed
# below the notes' heading, above the form's Date caption
SIGNED = ("Signatures\n/s/ Michael Johnson, attorney-in-fact for Peter Thiel\n**\n\nSignature of Reporting Person\n\n"
          "Explanation of Responses:\n\n05/18/2021\n{caption}\n")


@pytest.mark.parametrize("caption, tagged_date, named, tag", [
    ("Date", None, False, "B-sig_date"),
    # another date is the signature's: one below a signer's name may be a second signer's
    ("Date", "06/01/2021", True, "B-sig_date"),
    ("Date", "06/01/2021", False, "B-period"),
    ("(Month/Day/Year)", None, True, "B-period"),     # box 3's caption
])
def test_repair_reads_a_date_above_the_date_caption_as_the_signatures(caption, tagged_date, named, tag):
    text = SIGNED.format(caption=caption) + (tagged_date or "")
    tokens = tokenize(text)
    tags = ["B-period" if t.text == "05/18/2021" else "B-sig_date" if t.text == tagged_date
            else ("B-sig_name" if t.text == "/s/" else "I-sig_name") if named and t.line == 1 else "O"
            for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    box_repairs.repair_dated_captions(tokens, tags, confidences)
    assert tags[[t.text for t in tokens].index("05/18/2021")] == tag


# Cut down from EDGAR ASCII of a real filing's signatures (three joint filers): the first,
# right after the notes, read as boilerplate
ASCII_SIGNATURES = ("[F2] Securities held for the account of Master Fund.\n\n"
                    "   {first}\n   ** Signature of Reporting Person               Date\n")


@pytest.mark.parametrize("first, name, date", [
    ("/s/ Fund 1 Investments, LLC By: Benjamin C. Cable  2025-04-28",
     "/s/ Fund 1 Investments , LLC By : Benjamin C . Cable", ["2025-04-28"]),
    ("/s/ Fund 1 Investments, LLC", "/s/ Fund 1 Investments , LLC", []),
    ("Fund 1 Investments, LLC  2025-04-28", "", []),      # no /s/: no signature's line
])
def test_repair_reads_an_untagged_line_above_the_signature_caption_as_a_signature(first, name, date):
    tokens = tokenize(ASCII_SIGNATURES.format(first=first))
    got = ["O"] * len(tokens)
    confidences = [None] * len(tokens)
    box_repairs.repair_untagged_signatures(tokens, got, confidences)
    assert " ".join(t.text for t, tag in zip(tokens, got) if tag[2:] == "sig_name") == name
    assert [t.text for t, tag in zip(tokens, got) if tag == "B-sig_date"] == date
    assert [tag for tag in got if tag.startswith("B-")] == (["B-sig_name"] if name else []) + ["B-sig_date"] * len(date)
    assert all(c is not None for c, tag in zip(confidences, got) if tag != "O")


# Cut down from a markdown dump of a real filing's signatures (joint filers), zoned as
# notes: the CRF ran the first signer's name on into the second's
SIGNERS = ("Mithril II UGP LLC By: /s/ Ajay Royan\n\n** Signature of Reporting Person\n\n02/08/2024\n\nDate\n\n"
           "Mithril II GP LP By: /s/ Ajay Royan\n")


@pytest.mark.parametrize("between, opening", [
    ("** Signature of Reporting Person", "B-sig_name"),
    ("", "I-sig_name"),     # no label between: one name over two lines
])
def test_repair_begins_a_signers_name_after_the_signature_label(between, opening):
    text = SIGNERS.replace("** Signature of Reporting Person", between)
    tokens = tokenize(text)
    tags = ["O" if t.line != 0 and t.line != max(u.line for u in tokens) else "I-sig_name" for t in tokens]
    tags[0] = "B-sig_name"
    box_repairs.repair_signature_starts(tokens, tags)
    second = next(k for k, t in enumerate(tokens) if t.line == max(u.line for u in tokens))
    assert tags[second] == opening


# Cut down from scraped HTML of a real filing's box 5: each mark stands before its heading
@pytest.mark.parametrize("line, flag", [
    ("_____ Director\t__X__ 10% Owner", "B-is_ten_percent"),
    ("_____ Officer (give title below)\t__X__ Other (specify below)", "B-is_other"),
    ("__X__ Director\t_____ 10% Owner", "B-is_director"),
    ("X", "B-is_officer"),        # nothing after the mark on its line: it stays as read
])
def test_repair_gives_a_box_5_mark_the_flag_of_the_heading_after_it(line, flag):
    tokens = tokenize(line)
    tags = ["B-is_officer" if t.text == "X" else "O" for t in tokens]
    box_repairs.repair_box_marks(tokens, tags)
    assert [tag for t, tag in zip(tokens, tags) if t.text == "X"] == [flag]


# Cut down from scraped HTML of a real filing's Reporting Owners table (three joint
# filers, a cell a line): each owner's mark on a line of its own
HTML_OWNERS = ("Reporting Owner Name / Address Relationships\n Director  10% Owner  Officer  Other\n"
               "{name}\n100 CARR 115\nRINCON\nX\n")


@pytest.mark.parametrize("name, flag", [
    ("Pleasant Lake Partners LLC", "B-is_ten_percent"),
    ("PLP Funds Master Fund LP", "B-is_ten_percent"),
    ("Smith John", "B-is_director"),         # a person may be anything: the flag stays as read
])
def test_repair_reads_a_columnless_mark_under_a_firm_as_a_ten_percent_owner(name, flag):
    tokens = tokenize(HTML_OWNERS.format(name=name))
    tags = ["B-is_director" if t.text == "X" else "O" for t in tokens]
    words = [k for k, t in enumerate(tokens) if t.line == 2]
    for k in words:
        tags[k] = "B-owner_name" if k == words[0] else "I-owner_name"
    box_repairs.repair_entity_marks(tokens, tags, ["owner"] * 6)
    assert [tag for t, tag in zip(tokens, tags) if t.text == "X"] == [flag]


# Cut down from a real filing's Table I as pdftotext -layout prints it (a price centred
# over two lines): the CRF read the row's D/I letter as a second A/D.
LAYOUT_ROW = "Common Stock    10/25/2025     F      477      D          13,558         D"


@pytest.mark.parametrize("text, crf, expected", [
    (LAYOUT_ROW, ["B-ad", "B-ad"], ["B-ad", "B-di"]),
    (LAYOUT_ROW, ["B-di", "B-ad"], ["B-ad", "B-di"]),         # both read the wrong way round
    (LAYOUT_ROW, ["B-ad", "B-di"], ["B-ad", "B-di"]),
    # without the amount owned there is no telling: the CRF's reading stands
    (LAYOUT_ROW.replace("13,558", "      "), ["B-ad", "B-ad"], ["B-ad", "B-ad"]),
    (LAYOUT_ROW.replace("D   ", "A   ", 1), ["B-di", "B-ad"], ["B-di", "B-di"]),   # only a D is either
])
def test_repair_reads_a_lone_d_by_its_side_of_the_amount_owned(text, crf, expected):
    tokens = tokenize(text)
    letters = iter(crf)
    tags = [next(letters) if t.text in "AD" else "B-owned" if t.text == "13,558" else "O" for t in tokens]
    letter_repairs.repair_ad_di_order(tokens, tags, ["table1"])
    assert [tag for t, tag in zip(tokens, tags) if t.text in "AD"] == expected


# Cut down from the two seeds (markdown dumps of the SEC's form, no remarks): the name
# has no "/s/" and the CRF read it as the remarks.
SEED_SIGNATURE = "Remarks:\n\nAnthony Scarfo\n\n\\*\\* Signature of Reporting Person\n\n02/20/2014\n\nDate"
SEED_SIGNATURE_DATED = "Remarks:\n\nAnthony y Scarfo\n\n06/19/2013 Signature of Reporting Person Date"
LONG_REMARKS = "Remarks:\n\n" + " ".join(["word"] * 30) + "\n\nSignature of Reporting Person"


@pytest.mark.parametrize("text, signed_elsewhere, names", [
    (SEED_SIGNATURE, False, ["Anthony", "Scarfo"]),
    (SEED_SIGNATURE_DATED, False, ["Anthony", "y", "Scarfo"]),
    (SEED_SIGNATURE, True, []),            # the CRF found a name: the remarks stand
    (LONG_REMARKS, False, []),             # a paragraph is remarks, not a name
])
def test_repair_reads_the_line_over_the_signature_label_as_the_name(text, signed_elsewhere, names):
    tokens = tokenize(text)
    remarks_line = tokens[2].line      # the line after "Remarks:"
    tags = ["I-remarks" if t.line == remarks_line else "O" for t in tokens]
    if signed_elsewhere:
        tags[0] = "B-sig_name"
    box_repairs.repair_signature_over_label(tokens, tags)
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("-sig_name") and t.line == remarks_line] == names


# Cut down from EDGAR ASCII of a real filing's notes, wrapped at a fixed width: the CRF
# left the note's last line, ``4.``, untagged.
@pytest.mark.parametrize("end, last, tags", [
    ("within the range set forth in this Form", "4.", ["I-fn_text", "I-fn_text"]),
    # the line above ended its sentence: the short line is no part of it
    ("within the range set forth in this Form 4.", "4.", ["O", "O"]),
    # a line of more words is left to the CRF
    ("within the range set forth in this", "Form 4 filing.", ["O", "O", "O", "O"]),
])
def test_repair_gives_a_note_its_untagged_last_words(end, last, tags):
    text = f"[F1] The price is a weighted average price.\n    {end}\n    {last}\n\n[F2] OTEE holds the shares."
    tokens, got = _repaired(note_repairs.repair_note_last_words, text, lambda tokens: [
        "O" if t.line == 2 else "B-fn_id" if t.text.startswith("[F") else "I-fn_text" for t in tokens], "footnotes")
    assert [tag for t, tag in zip(tokens, got) if t.line == 2] == tags


# Cut down from markdown dumps of two real filings: the CRF ran the signer's name on from
# the remark right below the heading.
@pytest.mark.parametrize("remark, name, remarks", [
    ("POA on file with Corporation.", "Gregory A. Duffey, by Amanda M. Ducey, Corporate Secretary",
     "POA on file with Corporation ."),
    ("Made under a plan complying with Rule 10b5-1(c).", "Jessica H. Paik, by power of attorney",
     "Made under a plan complying with Rule 10b5-1(c ) ."),
    # a name wrapped after an abbreviation stays whole
    ("By: Baker Bros. Advisors, Inc.", "Scott L. Lessing, President", ""),
    # a name wrapped mid-sentence stays whole
    ("Jessica H. Paik, by power of attorney for", "Jaime Contreras", ""),
])
def test_repair_reads_the_remark_over_the_signers_name_as_remarks(remark, name, remarks):
    tokens = tokenize(f"## Remarks:\n\n{remark}\n\n{name}\n\n\\*\\* Signature of Reporting Person")
    first = next(i for i, t in enumerate(tokens) if t.line == 2)
    tags = ["O" if not 2 <= t.line <= 4 else "B-sig_name" if i == first else "I-sig_name" for i, t in enumerate(tokens)]
    confidences = [None if tag == "O" else 0.9 for tag in tags]
    box_repairs.repair_remarks_over_signer(tokens, tags, confidences)
    assert " ".join(t.text for t, tag in zip(tokens, tags) if tag.endswith("remarks")) == remarks
    assert tags.count("B-sig_name") == 1
    signer = (name if remarks else remark).replace(":", " ").split()[0]
    assert [t.text for t, tag in zip(tokens, tags) if tag == "B-sig_name"] == [signer]


# Cut down from a real filing as plain pdftotext prints it, one cell a line: the D/I
# letters of a holding in Table I and of a Table II row, the latter printed after the
# signature block (the zone CRF put it there).
PLAIN_CELLS = "15,905\n\nI\n\nPrice\n\nCommon Stock\nSignatures\n$ 0\n\n12,126.682\n\nD"


@pytest.mark.parametrize("zones, owned, expected", [
    (["table1"] * 7 + ["signature", "table2", "table2", "table2", "table2", "signature"],
     "owned", [("I", "B-di", "table1"), ("D", "B-di", "table2")]),
    # after the amount acquired a lone D is the A/D letter, not for this repair
    (["table1"] * 7 + ["signature", "table2", "table2", "table2", "table2", "signature"],
     "shares", [("I", "O", "table1"), ("D", "O", "signature")]),
    # an amount owned outside the tables says nothing of the letter after it
    (["owner"] * 13, "owned", [("I", "O", "owner"), ("D", "O", "owner")]),
])
def test_repair_gives_a_lone_letter_after_the_amount_owned_the_d_i_tag(zones, owned, expected):
    tokens = tokenize(PLAIN_CELLS)
    tags = [f"B-{owned}" if t.text in ("15,905", "12,126.682") else "B-title" if t.text == "Common"
            else "I-title" if t.text == "Stock" else "O" for t in tokens]
    confidences = [None if tag == "O" else 0.9 for tag in tags]
    letter_repairs.repair_lone_ownership_letters(tokens, tags, confidences, zones)
    assert [(t.text, tag, zones[t.line]) for t, tag in zip(tokens, tags) if t.text in ("D", "I")] == expected


# Cut down from plain pdftotext of a real filing's long Table I (PayPal): the next row's
# price printed between an amount owned and its letter
@pytest.mark.parametrize("between, tag", [
    ("(13)\n\n$ 897.7\n\n", "B-di"),
    ("", "B-di"),
    # a title between: the letter is another row's
    ("(13)\n\nCommon Stock\n\n", "O"),
    # a price with no dollar sign of its own below the amount owned is its row's: the letter another row's
    ("506.69\n\n", "O"),
    # too far below the amount owned
    ("(13)\n\n\n\n\n\n$ 897.7\n\n\n\n\n\n", "O"),
])
def test_repair_gives_a_lone_letter_after_an_amount_owned_and_a_price_the_d_i_tag(between, tag):
    text = f"$\n896.01 162,985,626\n{between}I"
    crf = {"896.01": "B-price", "162,985,626": "B-owned", "(13)": "B-fn_mark", "897.7": "B-price",
           "506.69": "B-price", "Common": "B-title", "Stock": "I-title"}
    tokens, got = _repaired(letter_repairs.repair_lone_ownership_letters, text, by_text(crf), "table1")
    assert got[-1] == tag


# Cut down from plain pdftotext of a real filing's long Table I (a Sequoia fund's
# holdings): a page's cells out of order, a row's I alone above its nature, away from
# its amount owned
def _letter_before_nature(extra, lone):
    above = f"{extra}Class A Common Stock\n684,741\nI\nBy estate\nplanning vehicle\n"
    text = f"{above}{lone}\nSequoia\nCapital"
    lone_line = above.count("\n") + lone.count("\n")

    def crf(tokens):
        words = {"684,741": "B-owned", "77": "B-owned", "By": "B-nature", "Sequoia": "B-nature", "Class": "B-title",
                 "A": "I-title", "Common": "I-title", "Stock": "I-title"}
        return ["O" if t.line == lone_line or t.text == "D" else "B-di" if t.text == "I"
                else words.get(t.text, "I-nature") for t in tokens]
    return text, crf, lone_line


@pytest.mark.parametrize("extra, lone, tag", [
    ("", "I", "B-di"),
    # the last of a column of letters the CRF left: the column repairs' to read
    ("", "D\nI", "O"),
    # as many I letters as natures: no row lacks one
    ("Class A Common Stock\n77\nI\n", "I", "O"),
])
def test_repair_reads_a_lone_i_above_a_nature_as_its_rows_letter(extra, lone, tag):
    text, crf, lone_line = _letter_before_nature(extra, lone)
    tokens, got = _repaired(letter_repairs.repair_letters_before_natures, text, crf, "table1")
    assert [g for t, g in zip(tokens, got) if t.line == lone_line] == [tag]


# Cut down from a real filing's Table II as a copy without superscripts prints it.
BARE_ROW = ("Class B Common Stock 1\t 1\t5/17/19\t\tJ 2\t\t\t24,791\t 1\t 1\tClass A Common Stock\t"
            "24,791\t$69.35 3\t16,840\tI\tBy The Founders Fund IV, LP 4\n(1) The Class B\n(2) These\n(3) The\n(4) The\n")


@pytest.mark.parametrize("text, marks", [
    (BARE_ROW, ["1", "1", "2", "1", "1", "3", "4"]),
    # digits that name no footnote are not a mark
    (BARE_ROW.replace("(4) The\n", ""), ["1", "1", "2", "1", "1", "3"]),
    # a table that brackets a mark brackets them all: its bare digits stand
    (BARE_ROW.replace("LP 4", "LP (4)"), []),
])
def test_repair_reads_bare_digits_ending_a_cell_as_a_mark(text, marks):
    tokens = tokenize(text)
    lines = text.split("\n")
    zones = ["table2"] + ["footnotes"] * (len(lines) - 1)
    tags = ["B-fn_id" if t.line > 0 and t.col == 0 else "B-shares" if t.text == "24,791" else "O" for t in tokens]
    confidences = [None if tag == "O" else 0.9 for tag in tags]
    note_repairs.repair_bare_marks(tokens, tags, confidences, lines, zones)
    assert [t.text for t, tag in zip(tokens, tags) if tag == "B-fn_mark"] == marks


# Cut down from a real filing as EDGAR ASCII prints it (no brackets on its marks).
ASCII_ROW = ("Common Stock |Aug. 28, 2020 |  |P  |  |5,500.00 |A |$ 13.05 |27,876.00 1 |D |\n"
             "(1) The price reported\n")
# and from one whose plain-text copy splits cells by semicolons
SEMICOLON_ROW = ("Restricted Stock Units;  1; 09/14/2023; ; A; ; 28.593 3; ;  2;  2; Common; 28.593; 0.0000; "
                 "14,270.678; D; \n(1) Each\n(2) Dividend\n(3) Includes\n")


@pytest.mark.parametrize("text, crf, marks", [
    (ASCII_ROW, {"5,500.00": "B-shares", "27,876.00": "B-owned"}, ["1"]),
    # a digit the CRF read as the D/I letter is a mark too
    (ASCII_ROW, {"5,500.00": "B-shares", "27,876.00": "B-owned", "1": "B-di"}, ["1"]),
    # a heading's line holds no value: "(Instr. 3" ends a cell but is no mark
    ("Security |( Instr. 1 |  |\n(1) The price reported\n", {}, []),
    (SEMICOLON_ROW, {"28.593": "B-shares", "14,270.678": "B-owned"}, ["1", "3", "2", "2"]),
    (SEMICOLON_ROW.replace("; ", ", "), {"28.593": "B-shares", "14,270.678": "B-owned"}, []),
    # a list of marks ending the nature's cell (``See Footnotes 1,2``)
    (SEMICOLON_ROW.replace("; D; ", "; I; See Footnotes 1,2"), {"28.593": "B-shares", "14,270.678": "B-owned"},
     ["1", "3", "2", "2", "1,2"]),
])
def test_repair_reads_bare_digits_ending_a_pipe_or_semicolon_cell_as_a_mark(text, crf, marks):
    tokens = tokenize(text)
    lines = text.split("\n")
    zones = ["table1"] + ["footnotes"] * (len(lines) - 1)
    tags = ["B-fn_id" if t.line > 0 and t.col == 0 else crf.get(t.text, "O") if t.line == 0 else "O"
            for t in tokens]
    confidences = [None if tag == "O" else 0.9 for tag in tags]
    note_repairs.repair_bare_marks(tokens, tags, confidences, lines, zones)
    assert [t.text for t, tag in zip(tokens, tags) if tag == "B-fn_mark"] == marks


def _bare_marks(text, crf):
    """The table marks ``repair_bare_marks`` leaves in ``text``: its lines up to the
    footnotes (lines opening with ``(``) a table, tagged ``crf`` (a ``(2)`` a mark), the
    footnotes' marks footnote ids."""
    tokens = tokenize(text)
    lines = text.split("\n")
    table_lines = sum(1 for line in lines if line[:1] != "(" and line)
    zones = ["table2"] * table_lines + ["footnotes"] * (len(lines) - table_lines)
    tags = ["B-fn_id" if zones[t.line] == "footnotes" and t.col == 0 else crf.get(t.text, "O")
            if zones[t.line] != "footnotes" else "O" for t in tokens]
    tags = ["B-fn_mark" if t.text == "(2)" and zones[t.line] != "footnotes" else tag for t, tag in zip(tokens, tags)]
    confidences = [None if tag == "O" else 0.9 for tag in tags]
    note_repairs.repair_bare_marks(tokens, tags, confidences, lines, zones)
    return [t.text for t, tag in zip(tokens, tags) if tag == "B-fn_mark" and zones[t.line] != "footnotes"]


# Cut down from EDGAR ASCII of real filings (Apple; Tesla): a narrow price cell wraps its
# value's mark onto a line of its own, or cuts the price itself
WRAPPED_PRICE = ("Common Stock 3 |2025-10-16  |S  |500    |D  |$     |12,464 |D  |\n"
                 "               |            |   |       |   |245.89|       |   |\n"
                 "               |            |   |       |   |4     |       |   |\n"
                 "(3) Sold\n(4) Weighted\n")
CUT_PRICE = ("Common Stock |2024-11-01 |M 1 |4,000 |A |$18.2|109,032.25 |D |\n"
             "             |           |    |      |  |2    |           |  |\n"
             "(1) Exercise\n(2) Weighted\n")


@pytest.mark.parametrize("text, crf, marks", [
    (WRAPPED_PRICE, {"500": "B-shares", "245.89": "B-price", "12,464": "B-owned"}, ["3", "4"]),
    # a price filling its cell on the row's line: the digits below may be its own
    (CUT_PRICE, {"4,000": "B-shares", "18.2": "B-price", "109,032.25": "B-owned"}, ["1"]),
    # a nature's list of marks wrapped below it
    (CUT_PRICE.replace("|D |\n", "|I |See Footnotes\n", 1).replace("|  |\n", "|  |2,1\n", 1),
     {"4,000": "B-shares", "18.2": "B-price", "109,032.25": "B-owned", "See": "B-nature", "Footnotes": "I-nature"},
     ["1", "2,1"]),
    # in tab cells the digits stand below a cell with no value: no mark of any other cell's
    ("Common Stock\t500\t\t12,464\n\t\t4\n(4) Weighted\n", {"500": "B-shares", "12,464": "B-owned"}, []),
])
def test_repair_reads_bare_digits_a_pipe_cell_wraps_below_its_value_as_a_mark(text, crf, marks):
    assert _bare_marks(text, crf) == marks

# the plain text style of a real filing's holding (AbbVie): the amount owned and its bare
# mark read as the row's shares and amount owned
BAR_HOLDING = "Common Stock |  |  |  |  |  |  |  | 6715 1 | I | By Spouse\n(1) Held by spouse\n"


@pytest.mark.parametrize("crf, labels", [
    ({"6715": "B-shares", "1": "B-owned"}, [("6715", "B-owned"), ("1", "B-fn_mark")]),
    # read right, the amount keeps its label
    ({"6715": "B-owned"}, [("6715", "B-owned"), ("1", "B-fn_mark")]),
    # digits naming no note the text explains stay an amount
    ({"6715": "B-shares", "1": "B-owned", "(1)": "O"}, [("6715", "B-shares"), ("1", "B-owned")]),
])
def test_repair_reads_bare_digits_after_an_amount_in_its_cell_as_its_mark(crf, labels):
    tokens = tokenize(BAR_HOLDING)
    lines = BAR_HOLDING.split("\n")
    zones = ["table1"] + ["footnotes"] * (len(lines) - 1)
    tags = [crf.get(t.text, "B-fn_id") if t.line > 0 and t.col == 0 else crf.get(t.text, "O") if t.line == 0
            else "O" for t in tokens]
    confidences = [None if tag == "O" else 0.9 for tag in tags]
    note_repairs.repair_bare_marks(tokens, tags, confidences, lines, zones)
    assert [(t.text, tag) for t, tag in zip(tokens, tags) if t.text in ("6715", "1") and t.line == 0] == labels


# Cut down from real filings as EDGAR ASCII prints them with spaces and no brackets on
# their marks: a mark one space after its value, wrapped below it, or alone in a cell.
SPACED_ROW = ("Common              09/09/2025      F          250.42 1    D     $102.28  143,781.433   D\n"
              "                                                                          2\n"
              "(1) Shares withheld\n(2) Includes\n")
SPACED_OPTION = ("Restricted Stock    1         06/10/2021      A      24 2          3            3      Common\n"
                 "(1) Each\n(2) Dividend\n(3) Vests\n")
SPACED_LONE = ("Common Stock   Dec. 18,   C   10,491,720   A   1   10,609,976   I   By Trust\n"
               "               2012\n"
               "(1) Shares converted\n")
SPACED_WRAPPED_PRICE = ("Common Stock, par    8/27/25     S      1375       D          748.61 123137       D\n"
                        "value $0.01 per                                               00 1\n"
                        "(1) Reflects a weighted average sale price\n")
SPACED_TWICE_WRAPPED_PRICE = ("Class A Common   Aug. 22,   S 2   2,357   D   181.4  2,417   I   By The\n"
                              "Stock            2019                         768                 Founders\n"
                              "                                              10                  Fund IV\n"
                              "(2) Sold\n(10) Weighted average\n")
SPACED_CUT = ("Stock Option   M 1     23,24  Mar. 13,   Common\n"
              "(Right to Buy)         4      2023       Stock\n"
              "(1) The option\n(4) Other\n")


@pytest.mark.parametrize("text, crf, marks", [
    (SPACED_ROW, {"250.42": "B-shares", "102.28": "B-price", "143,781.433": "B-owned"}, ["1", "2"]),
    # a text that prints one such mark prints an empty cell's mark alone in the cell
    (SPACED_OPTION, {"06/10/2021": "B-tx_date", "24": "B-shares", "Common": "B-und_title"}, ["1", "2", "3", "3"]),
    # or a list of them (``5,6``), all naming footnotes
    (SPACED_OPTION.replace("    3            3", "  1,3          3,9"),
     {"06/10/2021": "B-tx_date", "24": "B-shares", "Common": "B-und_title"}, ["1", "2", "1,3"]),
    # digits below an amount a cell cut are its last digits, not a mark
    (SPACED_CUT, {"M": "B-code", "1": "B-fn_mark", "23,24": "B-shares", "Common": "B-und_title"}, ["1"]),
    # a table that brackets a mark brackets them all
    (SPACED_ROW.replace("$102.28 ", "$102.28(2)"), {"250.42": "B-shares", "102.28": "B-price"}, ["(2)"]),
    # a list of marks wrapped below its value (``Footnotes`` / ``2,3``)
    (SPACED_LONE.replace("By Trust\n               2012\n", "See\n               2012"
                         + " " * 49 + "Footnotes\n" + " " * 70 + "1,2\n") + "(2) Held\n",
     {"10,491,720": "B-shares", "A": "B-ad", "10,609,976": "B-owned", "See": "B-nature", "Footnotes": "I-nature"},
     ["1", "1,2"]),
    # a table whose every mark stands alone in its cell (an empty price's ``1``)
    (SPACED_LONE, {"10,491,720": "B-shares", "A": "B-ad", "10,609,976": "B-owned"}, ["1"]),
    # a mark after a price's last digits wrapped below it (``748.61`` / ``00 1``)
    (SPACED_WRAPPED_PRICE, {"1375": "B-shares", "748.61": "B-price", "123137": "B-owned"}, ["1"]),
    # a mark below a price's last digits wrapped below it (Founders Fund: ``181.4`` / ``768`` / ``10``)
    (SPACED_TWICE_WRAPPED_PRICE, {"S": "B-code", "2,357": "B-shares", "181.4": "B-price", "2,417": "B-owned",
                                  "By": "B-nature", "The": "I-nature", "Founders": "I-nature"}, ["2", "10"]),
    # a price's mark wrapped below its dollar sign (Apple: ``$238.03`` / ``5``)
    (SPACED_ROW.replace(" " * 74 + "2", " " * SPACED_ROW.index("$") + "2"),
     {"250.42": "B-shares", "102.28": "B-price", "143,781.433": "B-owned"}, ["1", "2"]),
])
def test_repair_reads_bare_digits_of_a_spaced_table_as_marks(text, crf, marks):
    assert _bare_marks(text, crf) == marks


# Cut down from a real filing's Table II scraped from EDGAR's HTML view, one cell a line
# (text, the CRF's tag): the CRF read the underlying title as the next row's title.
ONE_CELL_ROW = [("Restricted Stock Unit", "title"), ("$ 0", "ex_price"), ("12/15/2011", "tx_date"), ("M", "code"),
                ("1,412,997", "shares"), ("(4)", "fn_mark"), ("Class B Common Stock", "title"), ("(3)", "fn_mark"),
                ("1,412,997", "und_shares"), ("$ 0", "price"), ("61,435", "owned"), ("D", "di")]
ROW_END = ONE_CELL_ROW[-4:]


def _cell_tags(tokens, cells):
    """Each token tagged with its cell's label (``B-`` on the cell's first token, a
    ``$`` left ``O``)."""
    return ["O" if tok.text == "$" else ("B-" if tok.col == 0 or cells[tok.line][1] != "title" else "I-")
            + cells[tok.line][1] for tok in tokens]


@pytest.mark.parametrize("cells, underlying", [
    (ONE_CELL_ROW, ["Class", "B", "Common", "Stock"]),
    # a title after the row's underlying title opens the next row
    (ONE_CELL_ROW[:6] + [("Class B", "und_title")] + ONE_CELL_ROW[6:], ["Class", "B"]),
    # a title with no underlying amount after it opens the next row
    (ONE_CELL_ROW[:8] + ROW_END[1:], []),
    # a title right after a row's title, no date, code or amount between
    (ONE_CELL_ROW[:1] + ONE_CELL_ROW[6:], []),
])
def test_repair_reads_a_title_between_a_rows_amount_and_its_underlying_amount_as_underlying(cells, underlying):
    tokens = tokenize("\n".join(text for text, _ in cells))
    tags = _cell_tags(tokens, cells)
    title_repairs.repair_underlying_titles(tokens, tags, ["table2"] * len(cells))
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("und_title")] == underlying


# Cut down from pdfminer's text of a real filing's Table II: the rows' titles, then their
# dates, codes and amounts, then their underlying titles (the CRF reading the first as a
# title), then the underlying amounts.
COLUMN_TITLES = [("Restricted Stock Unit", "title"), ("Class B Common Stock", "title"), ("02/01/2012", "tx_date"),
                 ("M", "code"), ("30,717", "shares"), ("02/01/2012", "tx_date"), ("M", "code"), ("30,717", "shares"),
                 ("Class B Common Stock", "title"), ("Class A Common Stock", "und_title")]


@pytest.mark.parametrize("cells, underlying", [
    (COLUMN_TITLES + [("30,717", "und_shares")], ["Class", "B", "Common", "Stock", "Class", "A", "Common", "Stock"]),
    # followed by a date: the next rows' titles
    (COLUMN_TITLES + [("02/02/2012", "tx_date")], ["Class", "A", "Common", "Stock"]),
    # not as many as the titles the table opens with
    (COLUMN_TITLES[:8] + COLUMN_TITLES[9:] + [("30,717", "und_shares")], ["Class", "A", "Common", "Stock"]),
    # a block of two rows so printed after a row of its own (plain pdftotext, Sequoia)
    ([("0", "owned"), ("I", "di")] + COLUMN_TITLES + [("30,717", "und_shares")],
     ["Class", "B", "Common", "Stock", "Class", "A", "Common", "Stock"]),
])
def test_repair_reads_a_column_of_titles_after_the_rows_amounts_as_underlying_titles(cells, underlying):
    tokens = tokenize("\n".join(text for text, _ in cells))
    tags = [("B-" if tok.col == 0 else "I-") + cells[tok.line][1] for tok in tokens]
    title_repairs.repair_underlying_title_columns(tokens, tags, ["table2"] * len(cells))
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("und_title")] == underlying


# Cut down from plain pdftotext of a real filing's short Table I: the titles, dates and
# codes, then the amounts as a column with their marks, the second read as a price or an
# amount owned; the rows' right-hand cells later.
SHORT_TABLE_AMOUNTS = [("Common", "title"), ("11/03/2025", "tx_date"), ("S", "code"), ("Common", "title"),
                       ("11/03/2025", "tx_date"), ("S", "code"), ("1,338", "shares"), ("(1)", "fn_mark")]
SHORT_TABLE_RIGHT = [("(2)", "fn_mark"), ("D", "ad"), ("$", "O"), ("620,379.995", "owned"), ("100.8936", "price"),
                     ("D", "di"), ("$", "O"), ("619,517.995", "owned"), ("101.6311", "price")]


@pytest.mark.parametrize("second, shares", [
    ([("862", "owned")], ["1,338", "862"]),
    ([("862", "price")], ["1,338", "862"]),
    # a price after its dollar sign, one with decimals: prices
    ([("$", "O"), ("862", "price")], ["1,338"]),
    ([("86.25", "price")], ["1,338"]),
])
def test_repair_reads_a_number_below_a_column_amount_as_the_next_rows_amount(second, shares):
    cells = SHORT_TABLE_AMOUNTS + second + SHORT_TABLE_RIGHT
    tokens = tokenize("\n".join(text for text, _ in cells))
    tags = ["O" if cells[tok.line][1] == "O" else "B-" + cells[tok.line][1] for tok in tokens]
    amount_repairs.repair_amounts_read_after_amounts(tokens, tags, ["table1"] * len(cells))
    assert [t.text for t, tag in zip(tokens, tags) if tag == "B-shares"] == shares


# Cut down from plain pdftotext of a real filing's short Table I: each row's amount and
# A/D letter on a line, then its price's ``$``, amount owned and price a line each; the
# CRF read the second row's amount and letter as an amount owned and its D/I letter.
ROWS_BEFORE_DOLLARS = [("Common Stock", "title"), ("Common Stock", "title"), ("4,780 A", "shares ad"), ("$", "O"),
                       ("4,780", "owned"), ("12.64", "price"), ("{second}", "{read}"), ("{after}", "O"),
                       ("0", "owned"), ("12.68", "price")]


@pytest.mark.parametrize("second, read, after, shares", [
    ("4,780 D", "owned di", "$", ["4,780", "4,780"]),
    # no dollar sign below, or a D/I letter of its own: the amount owned it was read as
    ("4,780 D", "owned di", "D", ["4,780"]),
    ("4,780 I", "owned di", "$", ["4,780"]),
])
def test_repair_reads_an_amount_line_above_a_dollar_as_the_rows_amount(second, read, after, shares):
    cells = [(text.format(second=second, after=after), label.format(read=read)) for text, label in ROWS_BEFORE_DOLLARS]
    tokens, tags = _tagged_lines(cells)
    amount_repairs.repair_amount_lines_before_dollars(tokens, tags, ["table1"] * len(cells))
    assert [t.text for t, tag in zip(tokens, tags) if tag == "B-shares"] == shares


def _tagged_lines(cells):
    """The tokens of (line, labels) cells, tagged with each token's label in turn (the
    last label for the line's further tokens; a title's words one title)."""
    tokens = tokenize("\n".join(text for text, _ in cells))
    tags, places = [], {}
    for tok in tokens:
        labels = cells[tok.line][1].split()
        k = places[tok.line] = places.get(tok.line, -1) + 1     # the token's place on its line
        prefix = "I-" if labels == ["title"] and k else "B-"
        tags.append("O" if labels == ["O"] else prefix + labels[min(k, len(labels) - 1)])
    return tokens, tags


# Cut down from pdfminer's text of a real filing's Table I: a transaction and a holding,
# their titles printed as a column (the second after the first row's date), the CRF
# reading the first title only.
REPEATED_TITLE = [("Common shares without par value", "title"), ("02/28/2020", "tx_date"),
                  ("{first}", "O"), ("{rest}", "O"), ("F", "code"), ("14,318 D", "shares ad"), ("$", "O"),
                  ("79.19", "price"), ("114,099", "owned"), ("D", "di"), ("{letter}", "di"), ("Profit Sharing Trust", "nature")]


@pytest.mark.parametrize("first, rest, letter, read", [
    ("Common shares without par", "value", "I", ["B-title", "I-title", "I-title", "I-title", "I-title"]),
    # its mark beside it
    ("Common shares without par", "value (3)", "I", ["B-title", "I-title", "I-title", "I-title", "I-title", "B-fn_mark"]),
    # other words, or as many D/I letters as titles: no second title
    ("Common shares with", "par value", "I", ["O"] * 5),
    ("Common shares without par", "value", "Held", ["O"] * 5),
])
def test_repair_reads_lines_repeating_a_title_as_a_further_rows_title(first, rest, letter, read):
    cells = [(text.format(first=first, rest=rest, letter=letter),
              "nature" if text == "{letter}" and len(letter) > 1 else label)
             for text, label in REPEATED_TITLE]
    tokens, tags = _tagged_lines(cells)
    title_repairs.repair_repeated_title_lines(tokens, tags, [0.9] * len(tokens), ["table1"] * len(cells))
    assert [tag for tok, tag in zip(tokens, tags) if tok.line in (2, 3)] == read


# Cut down from plain pdftotext of a real filing's Table I: two rows' right-hand cells
# printed before their titles, the second row's A/D letter read as a code
@pytest.mark.parametrize("letter, after, read", [
    ("A", "$ 0 25,546", "B-ad"),
    ("D", "$ 0 25,546", "B-ad"),
    # a code before a row's amount, or a code no A/D letter reads as: left
    ("A", "1,438 (1)", "B-code"),
    ("M", "$ 0 25,546", "B-code"),
])
def test_repair_reads_a_code_between_a_letter_and_a_price_as_an_ad_letter(letter, after, read):
    cells = [("A", "ad"), ("$ 0 24,108", "O price owned"), ("D", "di"), (letter, "code"),
             (after, "O price owned" if after[0] == "$" else "shares fn_mark"), ("D", "di")]
    tokens, tags = _tagged_lines(cells)
    letter_repairs.repair_letters_before_prices(tokens, tags, ["table1"] * len(cells))
    assert tags[[t.line for t in tokens].index(3)] == read


# Cut down from plain pdftotext of real filings' one-row Table I: the row's amount and
# A/D letter, its price and its amount owned and D/I letter printed a cell a line; the
# CRF read the amount and its letter as an amount owned and a D/I letter.
@pytest.mark.parametrize("cells, shares", [
    ([("Common Stock", "title"), ("12/11/2024", "tx_date"), ("G (1)", "code fn_mark"), ("25,000", "owned"),
      ("D", "di"), ("$ 0", "O price"), ("1,538,220", "owned"), ("D", "di")], ["25,000"]),
    ([("Class A Common Stock", "title"), ("06/02/2020", "tx_date"), ("S", "code"), ("$", "O"), ("197.0828", "price"),
      ("36,624 D", "owned di"), ("(1)", "fn_mark"), ("43,143", "owned"), ("D", "di")], ["36,624"]),
    # an indirect holding's letter after the first amount: two rows' amounts owned
    ([("Common Stock", "title"), ("12/11/2024", "tx_date"), ("G", "code"), ("25,000", "owned"),
      ("I", "di"), ("$ 0", "O price"), ("1,538,220", "owned"), ("D", "di")], []),
    # a holding (no date, no code): its amounts are its own
    ([("Common Stock", "title"), ("25,000", "owned"), ("D", "di"), ("1,538,220", "owned"), ("D", "di")], []),
])
def test_repair_reads_the_first_of_two_amounts_owned_in_a_row_as_its_amount(cells, shares):
    tokens, tags = _tagged_lines(cells)
    amount_repairs.repair_amounts_read_as_owned(tokens, tags, ["table1"] * len(cells))
    assert [t.text for t, tag in zip(tokens, tags) if tag == "B-shares"] == shares


# Cut down from plain pdftotext of a real filing's Table I: a row's ``$``, then its amount
# owned and its price a line each, both read as amounts owned.
DOLLAR_PAIR = "$\n{first}\n{second}\nI"


@pytest.mark.parametrize("first, second, read, expected", [
    ("36,713.7651", "102.368", "B-owned", ["B-owned", "B-price"]),
    ("102.368", "36,713", "B-price", ["B-price", "B-owned"]),
    ("0", "12.68", "B-price", ["B-owned", "B-price"]),
    # shapes that do not tell, or the CRF read them apart: left as read
    ("102.36", "12.68", "B-price", ["B-price", "B-price"]),
    ("36,713", "5,000", "B-owned", ["B-owned", "B-owned"]),
])
def test_repair_reads_two_numbers_below_a_dollar_by_their_shapes(first, second, read, expected):
    tokens = tokenize(DOLLAR_PAIR.format(first=first, second=second))
    tags = ["O", read, read, "B-di"]
    amount_repairs.repair_dollar_pairs(tokens, tags, ["table1"] * 4)
    assert tags[1:3] == expected


# Cut down from real filings' Table II in the EDGAR ASCII layout: the underlying amount's
# cell is too narrow, and the amount goes on below its start.
CUT_IN_GROUP = ("Restricted Stock   |A          |Class B   |1,474,4|0           |1,474,432   |D        |\n"
                "Unit               |           |Common    |32     |            |            |         |")
CUT_AT_RULE = ("Series A Convertible  |C          |Class B   |310974|(2)       |0           |I           |\n"
               "Preferred Stock       |           |Common    |4     |          |            |            |")


# EDGAR ASCII of a real filing's Table I: the price cut after its point, its mark after
# its opening bracket
CUT_AT_POINT = ("Class A Common|2013-01-14  |S(5)       |58686     |D    |$ 117.|24648       |I\n"
                "Stock         |            |           |          |     |2075(6|            |")


@pytest.mark.parametrize("text, head, amount", [
    (CUT_IN_GROUP, "1,474,4", ["1,474,4", "32"]),
    (CUT_AT_POINT, "117.", ["117.", "2075"]),
    (CUT_AT_RULE, "310974", ["310974", "4"]),
    # digits that do not complete the group are no part of it
    (CUT_IN_GROUP.replace("|32     |", "|3215   |"), "1,474,4", ["1,474,4"]),
    # nor are digits under another column
    (CUT_IN_GROUP.replace("|32     |", "|    32 |"), "1,474,4", ["1,474,4"]),
    # an amount that ends inside its cell is whole
    (CUT_AT_RULE.replace("|310974|(2)  ", "|31097 |(2)  "), "31097", ["31097"]),
])
@pytest.mark.parametrize("crf_below", ["O", "I-shares"])    # the CRF may run another amount on into them
def test_repair_continues_an_amount_a_narrow_cell_cut(text, head, amount, crf_below):
    tokens = tokenize(text)
    below = {"32", "4", "3215"} if crf_below != "O" and "," in head else set()
    tags = ["B-und_shares" if t.text == head else crf_below if t.text in below else "O" for t in tokens]
    confidences = [0.9 if tag != "O" else None for tag in tags]
    amount_repairs.repair_wrapped_amounts(tokens, tags, confidences, ["table2"] * 2)
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("und_shares")] == amount
    assert all(c is not None for c, tag in zip(confidences, tags) if tag != "O")


# Cut down from a real filing's Table I as plain pdftotext prints it (a Microsoft officer's
# award and the shares withheld for tax): each row's title, date and code a cell a line, the
# CRF reading the first row's alone
REPEATED_ROW = "Common Stock\n\n08/31/2020\n\nA\n\nCommon Stock\n\n08/31/2020\n\nF\n\n60,421\n(1)"
FIRST_ROW = ["B-title", "I-title", "B-tx_date", "B-code"]
AMOUNT = ["B-shares", "B-fn_mark"]
UNTAGGED_ROW = ["O"] * 4


@pytest.mark.parametrize("text, crf, expected", [
    (REPEATED_ROW, FIRST_ROW + UNTAGGED_ROW + AMOUNT, FIRST_ROW * 2 + AMOUNT),
    # a row repeating only the title and date is left alone (pdfminer prints the codes apart)
    (REPEATED_ROW.replace("\n\nF\n", "\n\n(2)\n"), FIRST_ROW + UNTAGGED_ROW + AMOUNT,
     FIRST_ROW + UNTAGGED_ROW + AMOUNT),
    # scraped HTML, one cell a line: the cells after the repeated title already read alike
    ("common\n2,170.3157\n(1)\nI\ncommon\n383,262.5326\n(1)\nI",
     ["B-title", "B-owned", "B-fn_mark", "B-di", "O", "B-owned", "B-fn_mark", "B-di"],
     ["B-title", "B-owned", "B-fn_mark", "B-di"] * 2),
    # plain pdftotext of two holdings (a Microsoft director's): the second's title read,
    # its amount and letter not
    ("Common Stock\n\n1,066\n\nD\n\nCommon Stock\n\n27,279\n\nI",
     ["B-title", "I-title", "B-owned", "B-di", "B-title", "I-title", "O", "O"],
     ["B-title", "I-title", "B-owned", "B-di"] * 2),
    # a column of titles read as such is the CRF's to read
    ("Common Stock\n\nCommon Stock\n\n08/31/2020\n\nA", ["B-title", "I-title", "O", "O", "B-tx_date", "B-code"],
     ["B-title", "I-title", "O", "O", "B-tx_date", "B-code"]),
])
def test_repair_reads_an_untagged_row_printed_as_the_row_above(text, crf, expected):
    _, tags = _repaired(column_repairs.repair_repeated_rows, text, lambda tokens: crf, "table1")
    assert tags == expected


# Cut down from a real filing's Table II as pdfminer prints it (a Microsoft director's grant):
# the row's right-hand cells first, opening with its code, then its title
LONE_CODE = "A\n\n24\n(2)\n\nCommon\nStock\n\nRestricted\nStock\nUnits"
LONE_CODE_TAGS = ["O", "B-shares", "B-fn_mark", "B-und_title", "I-und_title", "B-title", "I-title", "I-title"]


@pytest.mark.parametrize("text, crf, code", [
    (LONE_CODE, LONE_CODE_TAGS, "B-code"),
    # the table has its code: a lone letter is another column's
    (LONE_CODE + "\nA", LONE_CODE_TAGS + ["B-code"], "O"),
    # an ownership letter is no code
    (LONE_CODE.replace("A", "D", 1), LONE_CODE_TAGS, "O"),
    # nor a letter far above the amount
    (LONE_CODE.replace("\n\n24", "\n\n\n\n\n24"), LONE_CODE_TAGS, "O"),
])
def test_repair_reads_a_lone_code_above_its_rows_amount(text, crf, code):
    _, tags = _repaired(letter_repairs.repair_lone_codes, text, lambda tokens: crf, "table2")
    assert tags[0] == code



# Cut down from a real filing's Table I as pdfminer prints it: the two rows' titles, then
# their codes as a column, of which the CRF read the second only
CODE_COLUMN = "Common Stock\n\nCommon Stock\n\nA\n\nF\n\n60,421"
CODE_COLUMN_TAGS = ["B-title", "I-title", "B-title", "I-title", "O", "B-code", "B-shares"]


@pytest.mark.parametrize("text, crf, code", [
    (CODE_COLUMN, CODE_COLUMN_TAGS, "B-code"),
    # one row: its code is read
    (CODE_COLUMN.replace("Common Stock\n\n", "", 1), CODE_COLUMN_TAGS[2:], "O"),
    # a column of codes far above the amount
    (CODE_COLUMN.replace("F\n\n", "F\n\n\n\n\n\n"), CODE_COLUMN_TAGS, "O"),
])
def test_repair_reads_a_lone_code_heading_a_column_of_read_codes(text, crf, code):
    tokens, tags = _repaired(letter_repairs.repair_lone_codes, text, lambda tokens: crf, "table1")
    assert tags[[t.text for t in tokens].index("A")] == code

# Cut down from a real filing's Table II as plain pdftotext prints it (a Microsoft director's
# grant): the row's code after its amount, where Table I's A/D letter stands
CODE_AFTER_AMOUNT = "Restricted\nStock\nUnits\n\n06/10/2021\n\nV\n\n24\n\nA\n\n(2)"
CODE_AFTER_AMOUNT_TAGS = ["B-title", "I-title", "I-title", "B-tx_date", "O", "B-shares", "B-ad", "B-fn_mark"]


@pytest.mark.parametrize("text, crf, letter", [
    (CODE_AFTER_AMOUNT, CODE_AFTER_AMOUNT_TAGS, "B-code"),
    # the table has its code
    (CODE_AFTER_AMOUNT + "\nS", CODE_AFTER_AMOUNT_TAGS + ["B-code"], "B-ad"),
    # a D there is more often the row's D/I letter
    (CODE_AFTER_AMOUNT.replace("\nA\n", "\nD\n"), CODE_AFTER_AMOUNT_TAGS, "B-ad"),
])
def test_repair_reads_a_derivative_rows_a_d_letter_as_its_code(text, crf, letter):
    tokens = tokenize(text)
    tags = list(crf)
    letter_repairs.repair_derivative_ad_letters(tokens, tags, ["table2"] * len(text.split("\n")))
    assert tags[6] == letter


# Cut down from a real filing's notes as plain pdftotext prints them (a bank's joint filing):
# the third note's mark printed into its first line, glued to a word
GLUED = ("(2)\n\nEach Reporting Person declares that it is not a member of any group.\n\n"
         "Without conceding its status under Section 16(a) of the Act or short(3) swing profit recovery,\n"
         "the profit will be remitted to the Issuer.")


@pytest.mark.parametrize("text, mark, opens", [
    (GLUED, "B-fn_id", "B-fn_text"),
    # a mark read already is a citation in the text
    (GLUED.replace("(2)", "(2) (3)"), "I-fn_text", "I-fn_text"),
    # a mark with a space before it is the text's
    (GLUED.replace("short(3)", "short (3)"), "I-fn_text", "I-fn_text"),
    # so is a mark that is not the next one
    (GLUED.replace("short(3)", "short(5)"), "I-fn_text", "I-fn_text"),
])
def test_repair_reads_a_mark_glued_into_the_note_before_as_its_notes(text, mark, opens):
    tokens = tokenize(text)
    tags = ["B-fn_id" if NOTE_MARK.match(t.text) and t.line == 0 else "I-fn_text" for t in tokens]
    tags[next(i for i, t in enumerate(tokens) if t.text == "Each")] = "B-fn_text"
    note_repairs.repair_glued_marks(tokens, tags, ["footnotes"] * len(text.split("\n")))
    glued = next(i for i, t in enumerate(tokens) if t.text in ("(3)", "(5)") and t.line > 0)
    assert (tags[glued], tags[next(i for i, t in enumerate(tokens) if t.text == "Without")]) == (mark, opens)


# Cut down from an ASCII rendering of a real filing's Table I: the date's month by name, its
# year wrapped into its column on the next line, all left O by the CRF
MONTH_DATE = ("Common Stock       Sept. 2,     -            A                  308870(1)  A     0.0000\n"
              "                   2025")


@pytest.mark.parametrize("text, date", [
    (MONTH_DATE, ["Sept", ".", "2", ",", "2025"]),
    # the year on the date's line
    (MONTH_DATE.replace("2,     -", "2, 2025 -").replace("\n                   2025", ""), ["Sept", ".", "2", ",", "2025"]),
    # a year in another column is not the date's
    (MONTH_DATE.replace("                   2025", "                              2025"), []),
    # a month with no code after it on its line is no transaction date
    (MONTH_DATE.replace("            A    ", "                 "), []),
])
def test_repair_reads_a_date_by_its_months_name_before_the_code(text, date):
    crf = {"Common": "B-title", "Stock": "I-title", "308870": "B-shares", "(1)": "B-fn_mark", "0.0000": "B-price"}

    def tagged(tokens):
        letters = iter(["B-code", "B-ad"])
        return [next(letters) if t.text == "A" else crf.get(t.text, "O") for t in tokens]

    tokens, tags = _repaired(amount_repairs.repair_month_dates, text, tagged, "table1")
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("tx_date")] == date


# pdftotext -layout of a real filing's Table I (a holding through a family trust): the nature
# centred on its row, its head two lines above the row's line, the CRF reading only its tail
NATURE_HEAD_ABOVE = ("                                                     By The\n"
                     "                                                     GWL\n"
                     " Common Stock              124,155          I\n"
                     "                                                     Living\n"
                     "                                                     Trust")


# Cut down from pdftotext -layout of a real filing's Table I (Sequoia funds): a tall
# nature opening with a name, centred on its row, the CRF reading it from its third line
NAMED_NATURE = "\n".join(["{above}", " " * 40 + "Sequoia", " " * 40 + "Capital", "3,465" + " " * 35 + "US",
                          "Common Stock   858,081   I" + " " * 14 + "Growth", " " * 40 + "Fund IV", " " * 40 + "LP (3)"])


@pytest.mark.parametrize("above, nature", [
    ("", ["Sequoia", "Capital", "US", "Growth", "Fund", "IV", "LP"]),
    # a heading's line right above: no blank line closes the head
    (" " * 40 + "Ownership", ["US", "Growth", "Fund", "IV", "LP"]),
])
def test_repair_gives_a_centred_nature_its_named_head_above(above, nature):
    crf = {"Common": "B-title", "Stock": "I-title", "858,081": "B-owned", "I": "B-di", "US": "B-nature",
           "Growth": "I-nature", "Fund": "I-nature", "IV": "I-nature", "LP": "I-nature",
           "(3)": "B-fn_mark", "3,465": "B-shares"}
    tokens, tags = _repaired(nature_repairs.repair_nature_heads, NAMED_NATURE.format(above=above),
                             by_text(crf), "table1")
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("nature")] == nature
    assert tags[[t.text for t in tokens].index(nature[0])] == "B-nature"


@pytest.mark.parametrize("text, tail, nature", [
    (NATURE_HEAD_ABOVE, "B-nature", ["By", "The", "GWL", "Living", "Trust"]),
    (NATURE_HEAD_ABOVE, "I-nature", ["By", "The", "GWL", "Living", "Trust"]),
    # a line between reaching into the column: the words above are no head of this cell
    (NATURE_HEAD_ABOVE.replace("124,155          I", "124,155          I                 (1)"), "B-nature",
     ["Living", "Trust"]),
    # words above that do not open as a nature are no head
    (NATURE_HEAD_ABOVE.replace("By The", "Other"), "B-nature", ["Living", "Trust"]),
    # the head six lines above the tail (a real filing's Table II, ADS warrants: ``See``
    # four lines above the row's line, ``Footnote`` right below it)
    (NATURE_HEAD_ABOVE.replace("GWL\n", "GWL\n\n\n\n"), "B-nature", ["By", "The", "GWL", "Living", "Trust"]),
])
def test_repair_gives_a_centred_nature_its_head_above_the_rows_line(text, tail, nature):
    crf = {"Common": "B-title", "Stock": "I-title", "124,155": "B-owned", "I": "B-di", "Living": tail,
           "Trust": "I-nature", "(1)": "B-fn_mark"}
    tokens, tags = _repaired(nature_repairs.repair_nature_heads, text, by_text(crf),
                             "table1")
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("nature")] == nature
    assert tags[[t.text for t in tokens].index(nature[0])] == "B-nature"


# Cut down from pdftotext -layout of real filings' Table I (a trust's holding): the nature
# centred on the row, its head printed above the title's first line far right
NATURE_OVER_TITLE = ("\n" + " " * 100 + "Profit\nCommon Stock, $0.01 par\n" + " " * 60 + "2,276 (2)" + " " * 20
                     + "I" + " " * 10 + "sharing\nvalue\n" + " " * 100 + "trust\n")


@pytest.mark.parametrize("text, nature, title", [
    (NATURE_OVER_TITLE, ["Profit", "sharing", "trust"], ["Common", "Stock", ",", "$", "0.01", "par", "value"]),
    # two head lines (``Alynne`` / ``Starks`` / title / row's line ``... I 2012`` / ...)
    (NATURE_OVER_TITLE.replace("Profit\n", "Alynne\n" + " " * 100 + "Starks\n"),
     ["Alynne", "Starks", "sharing", "trust"], ["Common", "Stock", ",", "$", "0.01", "par", "value"]),
    # the nature's mark below the row's line, not yet read as one (``See`` / title / ``...
    # I footnote`` / ``$0.01 per share (1)``)
    (NATURE_OVER_TITLE.replace("trust", "(1)"), ["Profit", "sharing"],
     ["Common", "Stock", ",", "$", "0.01", "par", "value"]),
    # a column a title may stand in: the words stay the title's
    (NATURE_OVER_TITLE.replace(" " * 100, " " * 50).replace(" " * 60 + "2,276 (2)" + " " * 20 + "I" + " " * 10, " " * 30
                                                          + "2,276 (2) I" + " " * 8),
     ["sharing", "trust"], ["Profit", "Common", "Stock", ",", "$", "0.01", "par", "value"]),
    # not centred on the row's line: head, title, row, then three lines of the nature
    (NATURE_OVER_TITLE + " " * 100 + "fund\n" + " " * 100 + "two\n",
     ["sharing", "trust", "fund", "two"], ["Profit", "Common", "Stock", ",", "$", "0.01", "par", "value"]),
])
def test_repair_gives_a_centred_nature_its_head_read_as_the_title_above(text, nature, title):
    crf = {"Profit": "B-title", "Alynne": "B-title", "Starks": "I-title", "Common": "I-title", "Stock": "I-title",
           ",": "I-title", "$": "I-title", "0.01": "I-title", "par": "I-title", "value": "I-title",
           "2,276": "B-owned", "(2)": "B-fn_mark", "I": "B-di", "sharing": "I-nature", "trust": "I-nature",
           "fund": "I-nature", "two": "I-nature"}
    tokens, tags = _repaired(nature_repairs.repair_nature_heads_read_as_titles, text, by_text(crf), "table1")
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("nature")] == nature
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("title")] == title
    assert [tags[[t.text for t in tokens].index(words[0])] for words in (nature, title)] == \
        [crf[nature[0]] if nature[0] == "sharing" else "B-nature", "B-title"]


# pdfplumber of a real filing's Table II (a director's grant): the title and the underlying
# title a word a line, interleaved around the row's line, the CRF reading all as the title
INTERLEAVED = "Restricted\nCommon\nStock (1) 09/10/2025 A 229.83 229.83 $ 0 25,241.11 D\nStock\nUnits"
INTERLEAVED_ROW = ["B-fn_mark", "B-tx_date", "B-code", "B-shares", "B-und_shares", "O", "B-price", "B-owned", "B-di"]


@pytest.mark.parametrize("text, title, underlying", [
    (INTERLEAVED, ["Restricted", "Stock", "Units"], ["Common", "Stock"]),
    # words at odd places that are no underlying security's: left as read
    (INTERLEAVED.replace("Common", "Vested"), ["Restricted", "Vested", "Stock", "Stock", "Units"], []),
    # a single word above and below: no interleave to read
    (INTERLEAVED[len("Restricted\n"):INTERLEAVED.rindex("\nUnits")], ["Common", "Stock", "Stock"], []),
])
def test_repair_reads_interleaved_title_and_underlying_title(text, title, underlying):
    tokens = tokenize(text)
    row_line = next(t.line for t in tokens if t.text == "09/10/2025")
    row = iter(INTERLEAVED_ROW)
    tags = [("B-title" if t.line == 0 else "I-title") if t.line != row_line or t.text == "Stock" else next(row)
            for t in tokens]
    title_repairs.repair_interleaved_titles(tokens, tags, [0.9] * len(tokens), ["table2"] * len(text.split("\n")))
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("-title") and not tag.endswith("und_title")] == title
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("und_title")] == underlying


# pdfplumber of a real filing's Table II (an option exercised): the title's four lines and
# the underlying title's three centred on the row's line, ``Common`` on it, the CRF reading
# the title's first two lines and the underlying's first only
INTERLEAVED_OPTION = ("Stock\nClass A\nOption\n$ 1.16 05/11/2023 M 200,000 (2) 06/12/2027 Common 200,000 $ 0 0 D\n"
                      "(right to\nStock\nbuy)")
OPTION_TAGS = {"Stock": "B-title", "Class": "B-und_title", "A": "I-und_title", "Option": "I-title",
               "1.16": "B-ex_price", "05/11/2023": "B-tx_date", "M": "B-code", "(2)": "B-fn_mark",
               "06/12/2027": "B-exp_date", "0": "B-price", "D": "B-di"}


@pytest.mark.parametrize("text, title, underlying", [
    (INTERLEAVED_OPTION, "Stock Option ( right to buy )", "Class A Common Stock"),
    # a line more above than below: the lines are not one row's cells
    (INTERLEAVED_OPTION[:INTERLEAVED_OPTION.rindex("\n")], "Stock Option", "Class A"),
])
def test_repair_reads_interleaved_titles_around_the_underlying_titles_middle(text, title, underlying):
    def crf(tokens):
        row_line = next(t.line for t in tokens if t.text == "M")
        amounts = iter(["B-shares", "B-und_shares"])
        return ["O" if t.line > row_line else next(amounts) if t.text == "200,000"
                else "B-owned" if t.text == "0" and t.col > 60 else OPTION_TAGS.get(t.text, "O") for t in tokens]
    tokens, tags = _repaired(title_repairs.repair_interleaved_titles, text, crf, "table2")
    assert " ".join(t.text for t, tag in zip(tokens, tags) if tag[2:] == "title") == title
    assert " ".join(t.text for t, tag in zip(tokens, tags) if tag[2:] == "und_title") == underlying


@pytest.mark.parametrize("text, title", [
    # scraped HTML of a real filing's Table I: the title's par value left O
    ("Common Shares, no par value\n07/25/2025", ["Common", "Shares", ",", "no", "par", "value"]),
    ("Common Stock, $0.01 par value 07/25/2025", ["Common", "Stock", ",", "$", "0.01", "par", "value"]),
    # words that are no par value's stay out
    ("Common Shares, see note\n07/25/2025", ["Common", "Shares"]),
])
def test_repair_gives_a_title_its_par_value_left_o(text, title):
    tokens, tags = _repaired(title_repairs.repair_par_value_tails, text, lambda tokens: ["B-title", "I-title"] + [
        "B-tx_date" if "/" in t.text else "O" for t in tokens[2:]], "table1")
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("title")] == title


# Cut down from an ASCII rendering of a real filing's Table II: the expiration date by its
# month's name after the row's amount, the date exercisable empty but for its mark
EXPIRATION = ("5. Number  (D)   Exercisable  Expiration 7. Title\n"
              "M            826   [F2]         Oct. 25,   Common\n"
              "                                2025       Stock")


@pytest.mark.parametrize("text, label", [
    (EXPIRATION, "exp_date"),
    (EXPIRATION.replace("Exercisable  Expiration", "Expiration   Exercisable"), "ex_date"),
    # no heading over it: which date it is stays unknown
    (EXPIRATION.replace("Expiration", "          "), None),
    # a holding's date after its exercise price, where no amount stands
    (EXPIRATION.replace("M            826", "$ 2.75          "), "exp_date"),
])
def test_repair_reads_a_date_by_its_months_name_under_its_heading(text, label):
    crf = {"M": "B-code", "826": "B-shares", "[F2]": "B-fn_mark", "Common": "B-und_title", "Stock": "I-und_title",
           "2.75": "B-ex_price"}
    tokens, tags = _repaired(amount_repairs.repair_month_dates, text,
                             lambda tokens: [crf.get(t.text, "O") if t.line else "O" for t in tokens], "table2")
    assert [tag[2:] for tag in tags if tag.endswith("date")] == ([label] * 5 if label else [])


# plain pdftotext of a real filing's Table I (an officer's award): the code glued to its mark,
# then the amount and its A/D on a line of their own, left O
AMOUNT_AFTER_CODE = "Common Stock\n\n09/30/2025\n\nA(1)\n\n178.328 A\n\nCommon Stock"
AMOUNT_CRF = {"Common": "B-title", "Stock": "I-title", "09/30/2025": "B-tx_date", "(1)": "B-fn_mark"}


@pytest.mark.parametrize("text, letter, expected", [
    (AMOUNT_AFTER_CODE, "O", ["B-shares", "B-ad"]),
    # no code right above: the line is left as read
    (AMOUNT_AFTER_CODE.replace("A(1)\n\n", ""), "O", ["O", "O"]),
    # plain pdftotext of a real filing's long table (Tesla): the letter read as the D/I
    # letter before the next title, on the amount's line or on a line of its own below
    (AMOUNT_AFTER_CODE, "B-di", ["B-shares", "B-ad"]),
    (AMOUNT_AFTER_CODE.replace("178.328 A", "178.328\n\nA"), "B-di", ["B-shares", "B-ad"]),
    # a letter two blank lines below is not the amount's: both are left as read
    (AMOUNT_AFTER_CODE.replace("178.328 A", "178.328\n\n\nA"), "B-di", ["O", "B-di"]),
])
def test_repair_reads_an_amount_and_its_side_below_the_rows_code(text, letter, expected):
    def tagged(tokens):
        first_a = next(i for i, t in enumerate(tokens) if t.text == "A")
        return ["B-code" if i == first_a and tokens[i + 1].text == "(1)" else
                letter if t.text == "A" else AMOUNT_CRF.get(t.text, "O") for i, t in enumerate(tokens)]

    tokens, tags = _repaired(amount_repairs.repair_amounts_after_codes, text, tagged, "table1")
    amount = [t.text for t in tokens].index("178.328")
    assert tags[amount:amount + 2] == expected


# scraped HTML of a real filing's Table II: the title's first words left O, the rest read as
# going on from them
LINE_HEAD = "Non Employee Stock Options (Right to Buy)\n$ 23.35"


@pytest.mark.parametrize("text, title", [
    (LINE_HEAD, ["Non", "Employee", "Stock", "Options", "(", "Right", "to", "Buy", ")"]),
    # more than three words, or a word no title's (OCR's ``ee``), are left as read
    (LINE_HEAD.replace("Non Employee", "Granted To Non Employee"), ["Stock", "Options", "(", "Right", "to", "Buy", ")"]),
    (LINE_HEAD.replace("Non Employee", "wei ee"), ["Stock", "Options", "(", "Right", "to", "Buy", ")"]),
])
def test_repair_begins_a_title_at_the_words_opening_its_line(text, title):
    def tagged(tokens):
        return ["I-title" if t.line == 0 and tokens.index(t) >= [x.text for x in tokens].index("Stock") else
                "B-ex_price" if t.text == "23.35" else "O" for t in tokens]

    tokens, tags = _repaired(title_repairs.repair_title_line_heads, text, tagged, "table2")
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("-title")] == title
    assert tags[[t.text for t in tokens].index(title[0])] == ("B-title" if title[0] == "Non" else "I-title")


@pytest.mark.parametrize("below, nature", [
    # OCR of a real filing's holding: the nature's last word on the next line, after its
    # garbled marks
    ("2 3 GRAT", ["By", "GRAT"]),
    ("Family Trust", ["By", "Family", "Trust"]),
    # a line holding a value, or more than a cell's words: not the nature's
    ("2 3 GRAT 75,000", ["By"]),
    ("Persons who respond to the collection", ["By"]),
    # pdftotext -layout: words far left of the nature's column are another cell's
    ("Equity Swap", ["By"]),
])
def test_repair_goes_on_with_a_nature_of_its_opening_word_alone_on_the_next_line(below, nature):
    spaced = below == "Equity Swap"
    line = "Common Stock" + ("          75,000          I          By" if spaced else " 75,000 I By")
    crf = {"Common": "B-title", "Stock": "I-title", "75,000": "B-owned", "I": "B-di", "By": "B-nature"}
    tokens, tags = _repaired(nature_repairs.repair_bare_nature_openings, f"{line}\n{below}",
                             lambda tokens: [crf.get(t.text, "O") if t.line == 0 else "O" for t in tokens], "table1")
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("nature")] == nature


@pytest.mark.parametrize("text, nature", [
    # pdfplumber of a real filing's Table I: the nature's first word left O
    ("common\t2,170.3157\tI\tHeld by minor child", ["Held", "by", "minor", "child"]),
    # a word in another cell, or one that opens no nature, stays out
    ("common\t2,170.3157\tHeld\tby minor child", ["by", "minor", "child"]),
    ("common\t2,170.3157\tI\tAll by minor child", ["by", "minor", "child"]),
])
def test_repair_begins_a_nature_at_its_opening_word_left_o(text, nature):
    crf = {"common": "B-title", "2,170.3157": "B-owned", "I": "B-di", "by": "B-nature", "minor": "I-nature",
           "child": "I-nature"}
    tokens, tags = _repaired(nature_repairs.repair_nature_openings, text, by_text(crf),
                             "table1")
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("nature")] == nature
    assert tags[[t.text for t in tokens].index(nature[0])] == "B-nature"


@pytest.mark.parametrize("text, nature", [
    # scraped HTML of a real filing's Table I, one cell a line: the nature below the letter
    ("common\n2,170.3157\nI\nHeld by minor child", ["Held", "by", "minor", "child"]),
    # after a direct holding's D the line is not read as a nature
    ("common\n2,170.3157\nD\nHeld by minor child", []),
    # plain pdftotext of a real filing's Table I: a holding's nature printed before its letter
    ("common\n2,282\nD\n\nBy LGI\n401 ( k )\nPlan\n\nI", ["By", "LGI", "401", "(", "k", ")", "Plan"]),
    # words that open no nature, or a value between, stay out
    ("common\n2,282\nD\n\nLGI\nPlan\n\nI", []),
    ("common\nBy Trust\n2,282\n\nI", []),
])
def test_repair_reads_the_nature_beside_a_lone_indirect_letter(text, nature):
    crf = {"common": "B-title", "2,170.3157": "B-owned", "2,282": "B-owned", "I": "B-di", "D": "B-di"}
    tokens, tags = _repaired(nature_repairs.repair_nature_after_indirect, text, by_text(crf),
                             "table1")
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("nature")] == nature


# plain pdftotext of a real filing's box 1: the city on a line of its own after a blank
# line, read by the CRF as the street's rest
STREET_THEN_CITY = "C/O MICROSOFT CORPORATION\nONE MICROSOFT WAY\n\nREDMOND"


@pytest.mark.parametrize("text, city", [
    (STREET_THEN_CITY, ["REDMOND"]),
    # a street's next line right below it is the street's
    (STREET_THEN_CITY.replace("\n\n", "\n"), []),
    # a line with digits is no city
    (STREET_THEN_CITY.replace("REDMOND", "SUITE 500"), []),
    # nor is one where the city is read nearby
    (STREET_THEN_CITY + "\nREDMOND", ["REDMOND"]),
])
def test_repair_reads_a_street_run_on_past_a_blank_line_as_the_city(text, city):
    tokens = tokenize(text)
    tags = ["B-owner_street1", "I-owner_street1", "I-owner_street1", "B-owner_street2", "I-owner_street2",
            "I-owner_street2"] + ["I-owner_street2"] * (len(tokens) - 6)
    if text.endswith("\nREDMOND\nREDMOND"):
        tags[-1] = "B-owner_city"
    box_repairs.repair_cities_after_streets(tokens, tags)
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("owner_city")] == city


def _spans_of(text, values):
    """[start, end, label, 0] spans of each (value, label), found in order in ``text``, each
    its own value."""
    spans, at = [], 0
    for value, label in values:
        at = text.index(value, at)
        spans.append([at, at + len(value), label, 0])
        at += len(value)
    return spans


# pdfplumber of a real filing's box 1: the filer's one street line with its own comma
STREET_WITH_COMMA = "(Last) (First) (Middle) 9601 WILSHIRE BOULEVARD, 3RD FLOOR\t3. Date of Earliest Transaction"


@pytest.mark.parametrize("text, values, street1", [
    (STREET_WITH_COMMA, [("9601 WILSHIRE BOULEVARD", "owner_street1"), ("3RD FLOOR", "owner_street2")],
     "9601 WILSHIRE BOULEVARD , 3RD FLOOR"),
    # an address run onto one line with its city joins every line by commas (plain text)
    ("Address: 9200 SUNSET BOULEVARD, SUITE 1110, WEST HOLLYWOOD, CA 90069",
     [("9200 SUNSET BOULEVARD", "owner_street1"), ("SUITE 1110", "owner_street2"),
      ("WEST HOLLYWOOD", "owner_city"), ("CA", "owner_state"), ("90069", "owner_zip")],
     "9200 SUNSET BOULEVARD"),
    # two street lines on two lines stay two
    ("9601 WILSHIRE BOULEVARD,\n3RD FLOOR", [("9601 WILSHIRE BOULEVARD", "owner_street1"), ("3RD FLOOR", "owner_street2")],
     "9601 WILSHIRE BOULEVARD"),
])
def test_repair_reads_a_street_line_with_its_own_comma_as_one_street(text, values, street1):
    tokens = tokenize(text)
    tags = spans_to_tags(tokens, _spans_of(text, values))
    confidences = [0.9] * len(tokens)
    box_repairs.repair_streets_after_commas(tokens, tags, confidences)
    assert " ".join(t.text for t, tag in zip(tokens, tags) if tag.endswith("owner_street1")) == street1


# markdown of a real amendment's boxes 3 and 4, both dates read as the period
AMENDED = ("3. Date of Earliest Transaction (Month/Day/Year) Sept. 25, 2025 4. If Amendment, Date of "
           "Original Filed (Month/Day/Year) Sept. 29, 2025 5. Relationship")


@pytest.mark.parametrize("text, values, original, period", [
    (AMENDED, [("Sept. 25, 2025", "period"), ("Sept. 29, 2025", "period")], "Sept . 29 , 2025", "Sept . 25 , 2025"),
    # the period alone stays the period
    (AMENDED.replace("Sept. 25, 2025", "-"), [("Sept. 29, 2025", "period")], "", "Sept . 29 , 2025"),
    # -layout of a real amendment: box 4's date below its caption, untagged
    ("(Street) 4. If Amendment, Date Original Filed (Month/Day/Year) 6. Individual or\n03/20/2020 _X_ Form filed",
     [], "03/20/2020", ""),
    # pdfminer of a real amendment: box 4's caption wrapped, its date read as the period
    # and box 3's as the original's: the two swap
    ("(Month/Day/Year)\n09/25/2025\n4. If Amendment, Date Original\nFiled (Month/Day/Year)\n09/29/2025",
     [("09/25/2025", "orig_date"), ("09/29/2025", "period")], "09/29/2025", "09/25/2025"),
    # a date farther below is another box's
    ("4. If Amendment, Date Original Filed (Month/Day/Year)\nREDMOND WA\n03/20/2020", [], "", ""),
])
def test_repair_reads_the_date_after_box_4s_caption_as_the_original_filings(text, values, original, period):
    tokens = tokenize(text)
    tags = spans_to_tags(tokens, _spans_of(text, values))
    confidences = [0.9 if tag != "O" else None for tag in tags]
    box_repairs.repair_amendment_dates(tokens, tags, confidences)
    assert " ".join(t.text for t, tag in zip(tokens, tags) if tag.endswith("orig_date")) == original
    assert " ".join(t.text for t, tag in zip(tokens, tags) if tag.endswith("-period")) == period
    assert all(c is not None for c, tag in zip(confidences, tags) if tag != "O")


# pdftotext -layout of a real filing's Table II (a director's grant): the amount printed on
# the title's first line, above the row's line that holds the same number as the underlying amount
AMOUNT_ABOVE = (" Restricted                         1.372\n"
                " Stock      09/11/2025   A          (3)          1.372   $0   830.129   D\n"
                " Units")


@pytest.mark.parametrize("text, above, shares", [
    (AMOUNT_ABOVE, "O", ["1.372"]),
    # read as an amount owned, the row having its own
    (AMOUNT_ABOVE, "B-owned", ["1.372"]),
    # another number is not the row's amount
    (AMOUNT_ABOVE.replace("1.372\n", "2.500\n", 1), "O", []),
    # nor is the row's one amount owned
    (AMOUNT_ABOVE.replace("830.129", "       "), "B-owned", []),
])
def test_repair_reads_a_rows_amount_printed_above_its_line(text, above, shares):
    crf = {"Restricted": "B-title", "Stock": "I-title", "Units": "I-title", "09/11/2025": "B-tx_date", "A": "B-code",
           "(3)": "B-fn_mark", "0": "B-price", "830.129": "B-owned", "D": "B-di"}

    def tagged(tokens):
        return ["B-und_shares" if t.line == 1 and t.text == "1.372" else above if t.line == 0 and t.text in ("1.372", "2.500")
                else crf.get(t.text, "O") for t in tokens]

    tokens, tags = _repaired(amount_repairs.repair_amounts_above_rows, text, tagged, "table2")
    assert [t.text for t, tag in zip(tokens, tags) if tag == "B-shares"] == shares


# Cut down from pdftotext -layout of a real filing's Table I (PayPal): each row's nature
# wraps a word or two a line, centred on the row, the next row's right below it; the CRF
# ran the first nature on into the next's "By The" and began that one anew at "Founders".
CENTRED_NATURES = ("                                   By The\n"
                   "                                   Founders\n"
                   "Class A Common Stock   45,659   I  Fund IV,\n"
                   "                                   LP (1)\n"
                   "                                   By The\n"
                   "                                   {second}\n"
                   "Class A Common Stock   43,843   I  Fund IV,")


@pytest.mark.parametrize("second, natures", [
    ("Founders", [["By", "The", "Founders", "Fund", "IV", ",", "LP"], ["By", "The", "Founders", "Fund", "IV", ","]]),
    # a word that opens a nature of its own stays apart
    ("See", [["By", "The", "Founders", "Fund", "IV", ",", "LP"], ["By", "The"], ["See", "Fund", "IV", ","]]),
])
def test_repair_restarts_a_centred_nature_the_crf_ran_on_into_the_next_rows(second, natures):
    text = CENTRED_NATURES.format(second=second)
    crf = {"Class": "B-title", "A": "I-title", "Common": "I-title", "Stock": "I-title", "45,659": "B-owned",
           "43,843": "B-owned", "I": "B-di", "(1)": "B-fn_mark"}
    def tagged(tokens):
        tags = [crf.get(t.text, "I-nature") for t in tokens]
        tags[0] = "B-nature"
        tags[[t.text for t in tokens].index(second, 8)] = "B-nature"
        return tags
    tokens, tags = _repaired(nature_repairs.repair_nature_restarts, text, tagged, "table1")
    cells = []
    for t, tag in zip(tokens, tags):
        if tag == "B-nature":
            cells.append([t.text])
        elif tag == "I-nature":
            cells[-1].append(t.text)
    assert cells == natures


# Cut down from pdftotext -layout of a real filing's Table II: the title centred on its
# row's line, its bracket wrapped over two lines below it
OPTION_TITLE = ("Stock\n"
                "Option                 (2)\n"
                "              $ 1.16        05/11/2023    M    200,000\n"
                "{bracket}\n"
                "buy)")


@pytest.mark.parametrize("bracket, title", [
    ("(right to", ["Stock", "Option", "(", "right", "to", "buy", ")"]),
    # a line of other words is no title's
    ("Vested 50%", ["Stock", "Option", "buy", ")"]),
])
def test_repair_continues_a_title_over_a_bracket_wrapped_below_its_row(bracket, title):
    crf = {"Stock": "B-title", "Option": "I-title", "(2)": "B-fn_mark", "1.16": "B-ex_price",
           "05/11/2023": "B-tx_date", "M": "B-code", "200,000": "B-shares"}
    def tagged(tokens):
        tags = [crf.get(t.text, "O") for t in tokens]
        return tags[:-2] + ["I-title", "I-title"]
    tokens, tags = _repaired(cell_repairs.repair_wrapped_cells, OPTION_TITLE.format(bracket=bracket), tagged, "table2")
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("title")] == title


# Cut down from Tesseract of a real filing's Table II (Microsoft RSUs): the title centred
# on its row, its middle word opening the row's line, the CRF going on there with the
# underlying title begun above
@pytest.mark.parametrize("row, title", [
    ("Stock a ) 08/29/2018 A 725 2 ) 2 725 | $ 0 5,283 D", ["Restricted", "Stock", "Units"]),
    # an underlying title after the row's date stays
    ("08/29/2018 A 725 Stock 725 | $ 0 5,283 D", ["Restricted", "Units"]),
])
def test_repair_reads_an_underlying_title_before_the_rows_date_as_the_title(row, title):
    crf = {"Restricted": "B-title", "Commins": "B-und_title", "Stock": "I-und_title", "08/29/2018": "B-tx_date",
           "A": "B-code", "725": "B-shares", "0": "B-price", "5,283": "B-owned", "D": "B-di", "Units": "I-title"}
    text = "Restricted Commins\n" + row + "\nUnits ie a es"
    tokens = tokenize(text)
    tags = [crf.get(t.text, "O") for t in tokens]
    title_repairs.repair_underlying_before_dates(tokens, tags, ["table2"] * 3)
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("-title") and not tag.endswith("und_title")] == title



# Cut down from a real filing's Table II in tab-separated cells (a markdown dump): the CRF
# began the underlying title after its first word.
TAB_ROW = "American Depositary Shares Purchase Warrant\t$17.3509\t03/16/2021\t{cell}\t23054\tI"


@pytest.mark.parametrize("cell, underlying", [
    ("American Depositary Shares", ["American", "Depositary", "Shares"]),
    # a mark or amount between is no word of the title
    ("American 2 Depositary Shares", ["Depositary", "Shares"]),
])
def test_repair_opens_a_tab_cells_value_at_the_cells_first_word(cell, underlying):
    crf = {"$": "O", "17.3509": "B-ex_price", "03/16/2021": "B-tx_date", "23054": "B-und_shares", "I": "B-di"}
    def tagged(tokens):
        tags = []
        for t in tokens:
            if t.cell == 0:
                tags.append("B-title" if t.text == "American" else "I-title")
            elif t.text == "Depositary" and t.cell == 3:
                tags.append("B-und_title")
            elif t.text == "Shares" and t.cell == 3:
                tags.append("I-und_title")
            else:
                tags.append(crf.get(t.text, "O"))
        return tags
    tokens, tags = _repaired(cell_repairs.repair_tab_cell_heads, TAB_ROW.format(cell=cell), tagged, "table2")
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("und_title")] == underlying
    assert [tag for tag in tags if tag.endswith("und_title")][0] == "B-und_title"


# Cut down from a real filing's Table I in plain pdftotext: a sale's left-hand cells, then
# a holding's title, then the sale's A/D letter, which the CRF read as a D/I letter.
LATE_LETTER = "Common Stock\n\n10/15/2020\n\nF(1)\n\n527\n\nCommon Stock\n\nD\n"


@pytest.mark.parametrize("text, letter", [
    (LATE_LETTER, "B-ad"),
    # after the row's amount owned it is the D/I letter
    (LATE_LETTER.replace("527\n", "527\n\n10,022\n"), "B-di"),
    # an I is never an A/D letter
    (LATE_LETTER.replace("\nD\n", "\nI\n"), "B-di"),
])
def test_repair_gives_a_letter_after_the_next_title_to_the_row_above(text, letter):
    crf = {"10/15/2020": "B-tx_date", "F": "B-code", "(1)": "B-fn_mark", "527": "B-shares", "10,022": "B-owned",
           "D": "B-di", "I": "B-di"}
    tokens = tokenize(text)
    tags = ["B-title" if t.text == "Common" else "I-title" if t.text == "Stock" else crf.get(t.text, "O")
            for t in tokens]
    letter_repairs.repair_letters_after_titles(tokens, tags, ["table1"] * len(text.split("\n")))
    assert tags[-1] == letter


# Cut down from a real filing's Table I (pdftotext -layout): the nature centred on its row,
# the CRF taking it up again at its last word.
NATURE_CELL = ("                                              By The\n"
               "Class A Common Stock   07/27/2018   465   D   I   Founders\n"
               "                                              {last}\n")


@pytest.mark.parametrize("last, nature", [
    ("Fund II, LP (3)", ["By", "The", "Founders", "Fund", "II", ",", "LP"]),
    # a mark or an amount is no word of the cell
    ("Fund (2) LP", ["By", "The", "Founders", "LP"]),
    ("Fund 1,000 LP", ["By", "The", "Founders", "LP"]),
    # a wider gap: another cell
    ("Fund    LP", ["By", "The", "Founders", "LP"]),
])
def test_repair_gives_a_natures_cell_its_words_before_where_the_crf_took_it_up(last, nature):
    crf = {"By": "B-nature", "The": "I-nature", "Founders": "I-nature", "LP": "I-nature", "(3)": "B-fn_mark",
           "07/27/2018": "B-tx_date", "465": "B-shares", "D": "B-ad", "I": "B-di"}
    def tagged(tokens):
        return [crf.get(t.text, "O") for t in tokens]
    tokens, tags = _repaired(nature_repairs.repair_nature_cell_starts, NATURE_CELL.format(last=last), tagged, "table1")
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("-nature")] == nature


# Cut down from a real filing's Table II holding in the EDGAR ASCII layout: its title's head
# left O (read back by repair_wrapped_heads), its conversion price read as column 8's price.
ASCII_HOLDING = ("Class B Common     0.0000     1   1   Class A     3109744    3109744   I   See\n"
                 "Stock                         2       Common                              footnote 3\n"
                 "                                      Stock\n")
ASCII_HOLDING_CRF = {(0, "0.0000"): "B-price", (0, "Class A"): "B-und_title", (0, "3109744"): "B-und_shares",
                     (0, "I"): "B-di", (0, "See"): "B-nature", (1, "Stock"): "I-title", (1, "Common"): "I-und_title",
                     (1, "footnote"): "I-nature", (2, "Stock"): "I-und_title"}


def test_pipeline_reads_a_holdings_price_once_its_titles_head_is_read():
    tokens = tokenize(ASCII_HOLDING)
    tags, seen = [], set()
    for t in tokens:
        key = (t.line, "Class A" if t.text in ("Class", "A") and t.col > 30 else t.text)
        tag = ASCII_HOLDING_CRF.get(key, "O")
        if tag == "B-und_title" and t.text == "A":
            tag = "I-und_title"
        if key == (0, "3109744") and key in seen:
            tag = "B-owned"
        seen.add(key)
        tags.append(tag)
    confidences = [None if tag == "O" else 0.9 for tag in tags]
    zones = ["table2"] * 4
    reads = {"confidences": confidences, "zones": zones, "lines": ASCII_HOLDING.split("\n")}
    for repair, needs in pipeline.TAG_REPAIRS:     # these two, in the pipeline's order
        if repair in (cell_repairs.repair_wrapped_heads, amount_repairs.repair_dollar_amounts):
            repair(tokens, tags, *(reads[name] for name in needs))
    assert [tag for t, tag in zip(tokens, tags) if t.line == 0][:4] == ["B-title", "I-title", "I-title", "B-ex_price"]


# Cut down from a real filing's Table II row in semicolon-separated cells: both of column
# 6's dates read as the expiration date.
DATE_ROW = "Units; (4); 08/15/2020; ; M; ; ; 81,217.00; {dates}; Class A Common Stock; 81,217.00; 0.00; D; "


@pytest.mark.parametrize("dates, crf, read", [
    ("08/15/2020; 08/15/2020", ["B-exp_date", "B-exp_date"], ["B-ex_date", "B-exp_date"]),
    ("08/15/2020; 08/15/2025", ["B-ex_date", "B-ex_date"], ["B-ex_date", "B-exp_date"]),
    # read as the two already, or one of them alone: left as read
    ("08/15/2020; 08/15/2025", ["B-ex_date", "B-exp_date"], ["B-ex_date", "B-exp_date"]),
    ("08/15/2025", ["B-exp_date"], ["B-exp_date"]),
    # a transaction's date after the date exercisable is the expiration date
    ("08/15/2020 (2); 08/15/2025", ["B-ex_date", "B-tx_date"], ["B-ex_date", "B-exp_date"]),
    # before it, it is the row's own date: left as read
    ("08/15/2020; 08/15/2025", ["B-tx_date", "B-ex_date"], ["B-tx_date", "B-ex_date"]),
])
def test_repair_reads_column_6s_two_dates_in_order(dates, crf, read):
    tokens = tokenize(DATE_ROW.format(dates=dates))
    column6 = [k for k, t in enumerate(tokens) if DATE.match(t.text)][1:]   # after the transaction date
    tags = ["B-tx_date" if DATE.match(t.text) else "B-fn_mark" if t.text == "(2)" else "O" for t in tokens]
    for k, tag in zip(column6, crf):
        tags[k] = tag
    amount_repairs.repair_date_pairs(tokens, tags, ["table2"])
    assert [tags[k] for k in column6] == read


# Cut down from a real filing's Table II holding in semicolon-separated cells: its amount
# owned, after the underlying title and amount, read as the row's amount.
HOLDING_ROW = "Class B Common Stock; (1); ; ; ; ; ; ; (1); (1); Class A Common Stock; 1,474,432; ; {owned}; D; "


@pytest.mark.parametrize("owned, tag", [
    ("1,474,432", "B-owned"),
    # an amount with a price after it stands where a price may: left as read
    ("1,474,432; $0", "B-shares"),
])
def test_repair_reads_an_amount_after_the_underlying_as_owned(owned, tag):
    text = HOLDING_ROW.format(owned=owned)
    tokens = tokenize(text)
    tags, und = [], 0
    for t in tokens:
        if t.text == "Class" and t.col > 20:
            und = 1
        if t.text in ("Class", "B", "A", "Common", "Stock"):
            tags.append(("B-" if t.text == "Class" else "I-") + ("und_title" if und else "title"))
        elif t.text == "1,474,432":
            tags.append("B-und_shares" if "B-und_shares" not in tags else "B-shares")
        else:
            tags.append({"(1)": "B-fn_mark", "D": "B-di", "0": "B-price"}.get(t.text, "O"))
    amount_repairs.repair_owned_after_underlying(tokens, tags, ["table2"])
    assert tags[[k for k, t in enumerate(tokens) if t.text == "1,474,432"][1]] == tag


# Cut down from a real filing's Table II row (pdftotext -layout, an RSU settlement): the
# row's amount and its underlying amount, one number, read as one underlying amount.
SPLIT_ROW = "Stock   01/15/2024   M{gap}472{gap}472   $0   473   D"


@pytest.mark.parametrize("gap, amounts", [
    ("          ", ["B-und_shares", "B-und_shares"]),
    (" ", ["B-und_shares", "I-und_shares"]),     # one cell: the CRF's reading stands
])
def test_repair_splits_an_amount_run_on_across_a_cells_gap(gap, amounts):
    crf = {"01/15/2024": "B-tx_date", "M": "B-code", "0": "B-price", "473": "B-owned", "D": "B-di"}
    tokens = tokenize(SPLIT_ROW.format(gap=gap))
    tags = [crf.get(t.text, "O") for t in tokens]
    first = next(i for i, t in enumerate(tokens) if t.text == "472")
    tags[first:first + 2] = ["B-und_shares", "I-und_shares"]
    amount_repairs.repair_split_amounts(tokens, tags, ["table2"])
    assert [tag for t, tag in zip(tokens, tags) if t.text == "472"] == amounts


# Cut down from plain pdftotext of a real filing's Table I (a sale and a trust's holding):
# the sale's price and amount owned on one line, the holding's amount owned on the next,
# read as one amount owned
@pytest.mark.parametrize("below, amounts", [
    ("139,860", ["B-owned", "B-owned"]),
    # a fixed-width cell's amount cut over two lines (EDGAR ASCII) stays one
    ("32", ["B-owned", "I-owned"]),
])
def test_repair_splits_whole_amounts_run_on_over_lines(below, amounts):
    tokens = tokenize(f"$\n430.45 205,539\n{below}")
    tags = ["O", "B-price", "B-owned", "I-owned"]
    amount_repairs.repair_split_amounts(tokens, tags, ["table1"] * 3)
    assert tags[2:] == amounts


# Cut down from Tesseract of a real filing's Table II row (an RSU grant): the underlying
# amount, the grant's amount again, read as a second amount of column 5
@pytest.mark.parametrize("row, amounts", [
    ("Stock @ 01/31/2019 A 778 2 ) Q ) 778 $ 0 6,865 D", ["B-shares", "B-und_shares"]),
    # where the CRF found the row's underlying amount, the two amounts stay as read
    ("Stock @ 01/31/2019 A 778 2 ) Q ) 778 $ 0 6,865 D 25", ["B-shares", "B-shares"]),
])
def test_repair_reads_a_table2_rows_second_amount_as_the_underlying(row, amounts):
    crf = {"01/31/2019": "B-tx_date", "A": "B-code", "778": "B-shares", "0": "B-price", "6,865": "B-owned",
           "D": "B-di", "25": "B-und_shares"}
    tokens = tokenize(row)
    tags = [crf.get(t.text, "O") for t in tokens]
    amount_repairs.repair_second_amounts(tokens, tags, ["table2"])
    assert [tag for t, tag in zip(tokens, tags) if t.text == "778"] == amounts


# Cut down from plain pdftotext of a real filing's Table II (Apple, an RSU vesting): one cell
# a line, the underlying amount beside the underlying title's first word
RSU_ROW = "Restricted\nStock\nUnit\n\n04/01/2020\n\nM\n\n36,107\n\nCommon\n36,107.00\nStock\n\n0\n\nD"


@pytest.mark.parametrize("text, amounts", [
    (RSU_ROW, ["B-shares", "B-und_shares"]),
    # two rows, one amount each: each its row's amount
    (RSU_ROW.replace("Common\n36,107.00\nStock", "Common\nStock") + "\n\n" +
     RSU_ROW.replace("36,107\n\nCommon\n36,107.00", "Common\n36,107.00"), ["B-shares", "B-shares"]),
    # the second amount before the underlying title
    (RSU_ROW.replace("36,107\n\nCommon\n36,107.00", "36,107\n\n36,107.00\nCommon"), ["B-shares", "B-shares"]),
    # scraped HTML (a warrant's purchase): the underlying title's line left untagged right above
    (RSU_ROW.replace("Common\n36,107.00\nStock", "American Depositary Shares\n36,107.00"),
     ["B-shares", "B-und_shares"]),
    # ... a line that names no security
    (RSU_ROW.replace("Common\n36,107.00\nStock", "American Depositary Receipts\n36,107.00"),
     ["B-shares", "B-shares"]),
])
def test_repair_reads_a_second_amount_after_a_table2_rows_underlying_title_as_the_underlying(text, amounts):
    crf = {"Restricted": "B-title", "Stock": "I-title", "Unit": "I-title", "04/01/2020": "B-tx_date", "M": "B-code",
           "36,107": "B-shares", "36,107.00": "B-shares", "Common": "B-und_title", "0": "B-owned", "D": "B-di"}
    tokens, tags = _repaired(amount_repairs.repair_second_row_amounts, text,
                             by_text(crf), "table2")
    assert [tag for t, tag in zip(tokens, tags) if t.text.startswith("36,107")] == amounts
    titled = [t.text for t, tag in zip(tokens, tags) if tag.endswith("und_title")]
    assert set(titled) <= {"Common"} or titled == ["American", "Depositary", "Shares"]



# Cut down from Tesseract's text of a real filing's Table II: the row's title and its
# underlying title read across the same lines
@pytest.mark.parametrize("tagged, title, underlying", [
    ("Class/B-title B/I-title Class/I-title A/I-title\nCommon/I-title 687,626/B-shares Common/B-und_title\n"
     "Stock/I-title Stock/I-title", "Class B Common Stock", "Class A Common Stock"),
    ("Restricted/B-title\nStock/I-title Stock/I-title 328/B-shares Common/B-und_title\nUnits/I-title",
     "Restricted Stock Units", "Stock Common"),
    # no word twice over: left
    ("Class/B-title B/I-title\nCommon/I-title 687,626/B-shares Common/B-und_title\nStock/I-title",
     "Class B Common Stock", "Common"),
])
def test_repair_gives_a_title_lines_second_class_or_doubled_word_to_the_underlying_title(tagged, title, underlying):
    text = "\n".join(" ".join(cell.split("/")[0] for cell in line.split()) for line in tagged.split("\n"))
    crf = [cell.split("/")[1] for cell in tagged.split()]
    tokens, tags = _repaired(_zoned(title_repairs.repair_doubled_title_words), text, lambda tokens: crf, "table2")
    assert " ".join(t.text for t, tag in zip(tokens, tags) if tag in ("B-title", "I-title")) == title
    assert " ".join(t.text for t, tag in zip(tokens, tags) if tag.endswith("und_title")) == underlying


# Cut down from pdfminer's text of a real filing's Table II: a column of two rows'
# underlying titles, the CRF running the first on into the second
@pytest.mark.parametrize("titles, begins", [
    ("Common\nStock\nCommon\nStock", True),
    ("Common\nStock\nClass A\nCommon Stock", False),     # no repeat of the first title's first line
    ("Common\nCommon\nStock", False),                    # repeated before the first title ends
])
def test_repair_begins_an_underlying_title_where_a_column_repeats_it(titles, begins):
    text = titles + "\n826"
    tokens, tags = _repaired(_zoned(title_repairs.repair_repeated_underlying_titles), text,
                             lambda tokens: ["B-und_title" if k == 0 else "B-und_shares" if t.text == "826"
                                             else "I-und_title" for k, t in enumerate(tokens)], "table2")
    assert [t.line for t, tag in zip(tokens, tags) if tag == "B-und_title"] == ([0, 2] if begins else [0])


# Cut down from plain pdftotext of a real filing's Table II: the underlying title's last
# word alone on the line below its amount, which the CRF read as a title's
@pytest.mark.parametrize("above, below, tag", [
    ("Common 687,626", "Stock", "I-und_title"),
    ("Common 687,626", "Shares", "I-und_title"),
    ("Common Stock 687,626", "Stock", "I-title"),       # the underlying title is whole
    ("Class B Common 687,626", "Stock", "I-title"),      # a title on the line above: the title's word
    ("Shares Common 687,626", "Shares", "I-und_title"),  # unless the title there has it already (OCR)
    ("Common 687,626", "Stock (2)", "I-title"),          # more than the word on its line
])
def test_repair_ends_an_underlying_title_with_its_noun_alone_on_the_line_below(above, below, tag):
    text = f"Class A\n{above}\n{below}"
    crf = {("Class", 0): "B-und_title", ("A", 0): "I-und_title", ("Common", 1): "I-und_title",
           ("Stock", 1): "I-und_title", ("687,626", 1): "B-und_shares", ("(2)", 2): "B-fn_mark",
           ("Stock", 2): "I-title", ("Shares", 2): "I-title", ("Class", 1): "B-title", ("B", 1): "I-title",
           ("Shares", 1): "I-title"}
    tokens, tags = _repaired(title_repairs.repair_underlying_tails, text,
                             lambda tokens: [crf.get((t.text, t.line), "O") for t in tokens], "table2")
    assert tags[[t.line for t in tokens].index(2)] == tag


@pytest.mark.parametrize("text, tails", [
    # Tesseract of a real filing's Table II row (Microsoft RSUs): the underlying title's
    # "Stock" after the title's "Units" on the line below the row
    ("Stock a 01/31/2018 A 855 @ qa) [Common] g55 | $0 3,694 D\nUnits a - oe Stock", ["Stock"]),
    # EDGAR ASCII of a real filing's Table II: the title's "Shares" is not under the
    # underlying title; the CRF read the one that is
    ("Warrant     7/29/25    P    3,139,533    Common    3,139,533    D\n"
     "Common Shares                                     Shares", ["Shares"]),
])
def test_repair_ends_an_underlying_title_with_its_noun_on_the_line_below(text, tails):
    crf = {"01/31/2018": "B-tx_date", "7/29/25": "B-tx_date", "A": "B-code", "P": "B-code", "855": "B-shares",
           "3,139,533": "B-shares", "Common": "B-und_title", "0": "B-price", "3,694": "B-owned", "D": "B-di"}
    def tagged(tokens):
        tags = [crf.get(t.text, "O") if t.line == 0 else "O" for t in tokens]
        if text.endswith("     Shares"):
            tags[-1] = "I-und_title"
        return tags
    tokens, tags = _repaired(title_repairs.repair_underlying_tails, text, tagged, "table2")
    assert [t.text for t, tag in zip(tokens, tags) if tag == "I-und_title"] == tails
    assert [t.col for t, tag in zip(tokens, tags) if tag == "I-und_title"] == [tokens[-1].col]


# pdfplumber of a real filing's Table II (an option grant): the underlying title's noun on
# the line below, after the title's second word, read as the title's
@pytest.mark.parametrize("below, tags", [
    ("Option Stock", ["I-title", "I-und_title"]),
    ("Option Units", ["I-title", "I-title"]),     # a word the title does not have yet: the title's
])
def test_repair_ends_an_underlying_title_with_its_noun_read_as_the_titles(below, tags):
    text = f"Stock $ 39.20 09/09/2021 A 5,000 09/08/2024 Common 5,000 $ 0 5,000 D\n{below}"
    crf = {"39.20": "B-ex_price", "09/09/2021": "B-tx_date", "A": "B-code", "5,000": "B-shares",
           "Common": "B-und_title", "D": "B-di"}
    def tagged(tokens):
        return ["B-title" if k == 0 else "I-title" if t.line == 1 else crf.get(t.text, "O")
                for k, t in enumerate(tokens)]
    tokens, got = _repaired(title_repairs.repair_underlying_tails, text, tagged, "table2")
    assert [tag for t, tag in zip(tokens, got) if t.line == 1] == tags


# Plain pdftotext of a real filing's Table II (an RSU grant): a cell a line, the underlying
# title's noun below its amount, read as the title's
@pytest.mark.parametrize("between, tagged_as", [
    ("187.361", "I-und_title"),
    ("187.361\n$", "I-title"),     # another cell between: left as read
])
def test_repair_ends_an_underlying_title_with_its_noun_below_its_amount(between, tagged_as):
    text = f"A\n187.361\n(2)\nCommon\n{between}\nStock"
    crf = {"A": "B-code", "Common": "B-und_title", "Stock": "I-title"}
    def tagged(tokens):
        return [crf.get(t.text, "B-und_shares" if t.text == "187.361" and t.line > 1 else
                        "B-shares" if t.text == "187.361" else "O") for t in tokens]
    tokens, tags = _repaired(title_repairs.repair_underlying_tails, text, tagged, "table2")
    assert tags[-1] == tagged_as


# Tesseract of real filings' table rows: the D/I letter misread
@pytest.mark.parametrize("row, letter", [
    ("Common Stock 15,905 | Living", "|"),                  # I as a bar, the nature after it
    ("Stock ( | 09/02/2021 A 269 $ 0 | 11,552 ) ] oD", "oD"),  # D with a speck, past brackets
    ("Class A Common Stock 08/17/2020 P 116.43 | 49,235,972 i (4) (5)", "i"),
    # a bar before a number is a table rule, not a letter
    ("Common Stock 15,905 | 2,000", None),
])
def test_repair_reads_a_misread_ownership_letter_after_the_amount_owned(row, letter):
    crf = {"Common": "B-title", "Stock": "I-title", "15,905": "B-owned", "11,552": "B-owned",
           "49,235,972": "B-owned", "Living": "B-nature"}
    def tagged(tokens):
        return [crf.get(t.text, "O") for t in tokens]
    tokens, tags = _repaired(letter_repairs.repair_misread_ownership_letters, row, tagged, "table1")
    assert next((t.text for t, tag in zip(tokens, tags) if tag == "B-di"), None) == letter



# Cut down from Tesseract's text of a real filing's Table II (Microsoft RSUs): the title's
# last word alone at its line's head, below the row's line, with noise after it
@pytest.mark.parametrize("last, tag", [
    ("Units", "I-title"),
    ("Unit", "I-title"),
    ("Shares", "O"),        # not a unit title's word
])
def test_repair_reads_a_units_word_below_an_ocr_title_as_its_end(last, tag):
    text = f"Restricted Common\nStock (1) 09/02/2021 A 269 (2) 269 | $ 0 | 11,552 D\n{last} os = ide ease fa re"
    crf = {"Restricted": "B-title", "Stock": "I-title", "Common": "B-und_title", "09/02/2021": "B-tx_date",
           "A": "B-code", "(1)": "B-fn_mark", "(2)": "B-fn_mark", "11,552": "B-owned", "D": "B-di"}
    tokens, tags = _repaired(title_repairs.repair_centred_title_words, text,
                             by_text(crf), "table2")
    assert tags[[t.line for t in tokens].index(2)] == tag


# Tesseract of a real filing's Table II (JPMorgan RSUs): each title centred on its row a
# word a line, the CRF tagging only some of the words
OCR_TITLES = ("Restricted Cc\n"
              "Stock @ 7 10/25/2025 M 826 | $o | 861 D\n"
              "Units <i\n"
              "Restricted\n"
              "Stock @{gap}10/25/2025 M 881] $0 0 D\n"
              "Units")


@pytest.mark.parametrize("gap, titles", [
    (" | ", ["Restricted", "Stock", "Units", "Restricted", "Stock", "Units"]),
    # a space-aligned row is the column rules' to read
    ("        ", ["Restricted", "Stock", "Units", "Restricted", "Units"]),
])
def test_repair_reads_an_ocr_title_centred_a_word_a_line(gap, titles):
    crf = {"10/25/2025": "B-tx_date", "M": "B-code", "861": "B-owned", "D": "B-di"}
    def tagged(tokens):
        return ["I-title" if t.text in ("Units", "Restricted") and t.line > 1 else crf.get(t.text, "O")
                for t in tokens]
    tokens, tags = _repaired(title_repairs.repair_centred_title_words, OCR_TITLES.format(gap=gap), tagged, "table2")
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("-title")] == titles
    assert tags[0] == "B-title"



@pytest.mark.parametrize("row, title", [
    # Tesseract of a real filing's Table I row (Bank of America): marks and a rule between
    ("COMMON STOCK (1) (2) | 10/09/2025 Ss 190 |D 0 I Footnotes", ["COMMON", "STOCK"]),
    ("COMMON STOCK 10/09/2025 P 190 A 190 I", ["COMMON", "STOCK"]),
    # words between the two are no title's
    ("COMMON STOCK sighed out 10/09/2025 P 190 A 190 I", []),
])
def test_repair_reads_untagged_security_words_before_a_rows_date_as_its_title(row, title):
    crf = {"10/09/2025": "B-tx_date", "P": "B-code", "190": "B-shares", "(2)": "B-fn_mark", "D": "B-ad",
           "I": "B-di", "A": "B-ad"}
    def tagged(tokens):
        return [crf.get(t.text, "O") for t in tokens]
    tokens, tags = _repaired(title_repairs.repair_untagged_title_openings, row, tagged, "table1")
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("title")] == title



# Cut down from a real filing's Table II (renderings of one warrant purchase): the CRF left
# the title O, or read its last words as the underlying title.
WARRANT = "Warrant to Purchase Common Shares{gap}(4){gap}07/29/2025{gap}P{gap}3,139,533{gap}Common Shares"
WARRANT_TITLE = ["Warrant", "to", "Purchase", "Common", "Shares"]
ROW_CRF = {"(4)": "B-fn_mark", "07/25/2025": "B-tx_date", "X": "B-code", "07/29/2025": "B-tx_date", "P": "B-code",
           "3,139,533": "B-shares", "18.27": "B-ex_price", "10/24/2019": "B-ex_date", "5,000": "B-owned",
           "D": "B-di"}


def _crf_reading(underlying_words):
    """The CRF's tags: the row's values, and as underlying titles the words of its line
    that stand after them, and the first ``underlying_words`` words of the title."""
    def tagged(tokens):
        tags, seen = [], {}
        for t in tokens:
            n = seen[t.line] = seen.get(t.line, -1) + 1
            after_values = any(u.line == t.line and u.start < t.start and u.text == "3,139,533" for u in tokens)
            if t.text in ("Common", "Shares") and (after_values or 3 <= n < 3 + underlying_words):
                tags.append(("B-" if t.text == "Common" else "I-") + "und_title")
            else:
                tags.append(ROW_CRF.get(t.text, "O"))
        return tags
    return tagged


@pytest.mark.parametrize("text, underlying_words, titles", [
    (WARRANT.format(gap="; "), 2, [WARRANT_TITLE]),      # cells a semicolon apart
    (WARRANT.format(gap="; "), 0, [WARRANT_TITLE]),
    (") " + WARRANT.format(gap=" "), 0, [WARRANT_TITLE]),  # a scan's speck first
    ("Common Stock 5,000 D\n" + "\n".join(WARRANT_TITLE) + "\n(4) 07/29/2025 P 3,139,533", 0,
     [["Common", "Stock"], WARRANT_TITLE]),      # pdftotext -raw: a word a line, below a holding's row
    # above the exercise price's lone "$", below the headings' last words
    ("Amount\nor\nNumber\nof\nShares\nStock\nOption\n$\n18.27", 0, [["Stock", "Option"]]),
    ("Number\nof\nShares\nAmerican\nDepositary\nShares\nWarrant\n$\n18.27", 0,
     [["American", "Depositary", "Shares", "Warrant"]]),
    # a title with its par value (pdfplumber: the row's line after a row whose title the CRF read)
    ("Common Shares, no par value 07/25/2025 X (2) 697,674", 0, [["Common", "Shares", ",", "no", "par", "value"]]),
    # words only a par value has, no par value named: no title's
    ("Common Shares no 07/25/2025 X (2) 697,674", 0, []),
    # the head of a title in the line above's unread cells: not the whole title
    ("Stock        Common (2)\nOptions\n$ 18.27 10/24/2019", 0, []),
    # a nature's words are no title (pdfplumber prints natures beside the titles)
    ("By The\nFounders\nClass B Class A\n$ 18.27 Fund IV", 0, []),
    # a lone letter (a row's D/I) is no title's opening
    ("D\n$ 18.27 10/24/2019", 0, []),
])
def test_repair_reads_an_untagged_title_before_the_rows_first_value(text, underlying_words, titles):
    tokens, tags = _repaired(title_repairs.repair_untagged_titles, text, _crf_reading(underlying_words), "table2")
    read = []
    for t, tag in zip(tokens, tags):
        if tag == "B-title":
            read.append([])
        if tag.endswith("-title"):
            read[-1].append(t.text)
    assert read == titles


# Scraped HTML of a real filing's Table II holding, one cell a line: its conversion price
# "$" / "0" read as the amount owned, the amount owned below
DOLLAR_HOLDING = "Class B Common Stock\n(3)\n$\n0\n(2)\n(2)\nClass A Common Stock\n1,412,998\n{owned}D"


@pytest.mark.parametrize("owned, tag", [
    ("1,412,998\n", "B-ex_price"),
    # with no amount owned after it, the amount stands
    ("", "B-owned"),
])
def test_repair_reads_an_amount_owned_after_a_dollar_as_the_price(owned, tag):
    by_line = {0: ["B-title"] + ["I-title"] * 3, 1: ["B-fn_mark"], 2: ["O"], 3: ["B-owned"], 4: ["B-fn_mark"],
               5: ["B-fn_mark"], 6: ["B-und_title"] + ["I-und_title"] * 3, 7: ["B-und_shares"], 8: ["B-owned"]}
    text = DOLLAR_HOLDING.format(owned=owned)
    tokens = tokenize(text)
    tags = [by_line[t.line][k] if t.text != "D" else "B-di" for t in tokens
            for k in [sum(1 for u in tokens if u.line == t.line and u.start < t.start)]]
    amount_repairs.repair_dollar_amounts(tokens, tags, ["table2"] * 10)
    assert tags[[t.text for t in tokens].index("0")] == tag



# Cut down from plain pdftotext of a real filing's one-row Table I (a JPMorgan director's
# grant): the code printed before the date, both untagged, the amount too
ONE_ROW = "Common Stock\n\nA(1)\n\n09/30/2025\n\n110.9596 A\n\n$\n13,549.3132\n{price}\n\nD"


@pytest.mark.parametrize("price, cells", [
    ("315.43", ["B-code", "B-fn_mark", "B-tx_date", "B-shares", "B-ad"]),
    # no price: a holding, whose lone cells are no date, code or amount of its
    ("", ["O", "O", "O", "O", "O"]),
])
def test_repair_reads_the_untagged_cells_of_a_one_row_table(price, cells):
    crf = {"Common": "B-title", "Stock": "I-title", "13,549.3132": "B-owned", "315.43": "B-price", "D": "B-di"}
    def tagged(tokens):
        return [crf.get(t.text, "O") for t in tokens]
    tokens, tags = _repaired(column_repairs.repair_single_row_cells, ONE_ROW.format(price=price), tagged, "table1")
    assert [tag for t, tag in zip(tokens, tags) if 2 <= t.line <= 6] == cells



# Cut down from pdftotext -layout of a real filing's Table I (PayPal): a tall nature ends
# with its mark alone on a line below it
@pytest.mark.parametrize("mark_col, tag", [
    (37, "B-fn_mark"),
    (20, "O"),      # in another column it is no mark of the cell's
])
def test_repair_reads_a_lone_mark_below_a_cells_last_line_as_the_rows(mark_col, tag):
    text = ("Class A Common Stock   14,073   I    Principals\n"
            "                                     Fund, LP\n" + " " * mark_col + "(8)")
    crf = {"Class": "B-title", "A": "I-title", "Common": "I-title", "Stock": "I-title", "14,073": "B-owned",
           "I": "B-di", "Principals": "B-nature", "Fund": "I-nature", ",": "I-nature", "LP": "I-nature"}
    def tagged(tokens):
        return [crf.get(t.text, "O") for t in tokens]
    tokens, tags = _repaired(note_repairs.repair_marks_below_cells, text, tagged, "table1")
    assert tags[-1] == tag


@pytest.mark.parametrize("head, title", [
    # pdftotext -layout of a real filing's Table I: the CRF read the title from its par value
    ("Common Stock, $", ["Common", "Stock", ",", "$", "0.00125", "par", "value"]),
    # a comma opening the line begins no title
    (", $", ["0.00125", "par", "value"]),
])
def test_repair_begins_a_title_at_its_words_before_its_par_value(head, title):
    text = head + "0.00125 par value        10/30/2025      P"
    def tagged(tokens):
        start = [t.text for t in tokens].index("0.00125")
        return ["I-title" if start <= k <= start + 2 else "B-tx_date" if t.text == "10/30/2025" else
                "B-code" if t.text == "P" else "O" for k, t in enumerate(tokens)]
    tokens, tags = _repaired(title_repairs.repair_title_line_heads, text, tagged, "table1")
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("-title")] == title



# EDGAR ASCII of a real filing with two owners (Bank of America): box 1 repeated for the
# second owner, whose name the CRF left untagged
ASCII_OWNERS = ("1. Name and Address of Reporting Person (continued)\n"
                "      Banc of America Preferred Funding Corp\n"
                "      214 NORTH TRYON STREET\n"
                "      CHARLOTTE, NC  28255")


@pytest.mark.parametrize("heading, name", [
    ("1. Name and Address of Reporting Person (continued)", ["Banc", "of", "America", "Preferred", "Funding", "Corp"]),
    # under another heading the line is no owner's name
    ("Explanation of Responses:", []),
])
def test_repair_reads_the_line_under_box_1s_heading_as_an_owners_name(heading, name):
    text = ASCII_OWNERS.replace("1. Name and Address of Reporting Person (continued)", heading)
    tokens = tokenize(text)
    tags = ["B-owner_street1" if t.text == "214" else "I-owner_street1" if t.line == 2 else
            "B-owner_city" if t.text == "CHARLOTTE" else "O" for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    box_repairs.repair_owner_names(tokens, tags, confidences, text.split("\n"))
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("owner_name")] == name



# pdftotext -layout of the same filing's Reporting Owners table: the second owner right
# below the first owner's address, its name left untagged
OWNERS_TABLE = ("28255\nUNITED STATES\n\nBanc of America Preferred Funding Corp\n214 NORTH TRYON STREET\n"
                "CHARLOTTE")


@pytest.mark.parametrize("text, name", [
    (OWNERS_TABLE, "Banc of America Preferred Funding Corp"),
    (OWNERS_TABLE.replace("UNITED STATES\n\n", ""), "Banc of America Preferred Funding Corp"),
    # below a line that ends no address the line is no owner's name
    (OWNERS_TABLE.replace("28255", "Remarks:"), ""),
])
def test_repair_reads_the_line_under_an_owners_address_as_the_next_owners_name(text, name):
    tokens = tokenize(text)
    street = next(t.line for t in tokens if t.text == "214")
    tags = ["B-owner_zip" if t.text == "28255" else "B-owner_street1" if t.text == "214" else
            "I-owner_street1" if t.line == street else "B-owner_city" if t.text == "CHARLOTTE" else "O" for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    box_repairs.repair_owner_names(tokens, tags, confidences, text.split("\n"))
    assert " ".join(t.text for t, tag in zip(tokens, tags) if tag.endswith("owner_name")) == name


# the same filing's two owners as three renderings print them, the second owner's name left
# untagged: scraped HTML's Reporting Owners table, a markdown dump, the plain text style
FIRST_OWNER = "BANK OF AMERICA CORP\n100 N TRYON ST\nCHARLOTTE NC 28255\n"
FURTHER_OWNERS = {
    "html": "UNITED STATES\nX\nBanc of America Preferred Funding Corp\n214 NORTH TRYON STREET\nCHARLOTTE NC 28255",
    "markdown": "Banc of America Preferred Funding Corp 214 NORTH TRYON STREET CHARLOTTE NC 28255 X",
    "plain": "Reporting Person: Banc of America Preferred Funding Corp\nAddress: 214 NORTH TRYON STREET, CHARLOTTE",
}
OWNER_TAGS = {"BANK": "B-owner_name", "100": "B-owner_street1", "214": "B-owner_street1", "CHARLOTTE": "B-owner_city",
              "NC": "B-owner_state", "28255": "B-owner_zip", "X": "B-is_ten_percent"}


def _owner_tags(tokens):
    tags = []
    for t in tokens:
        prev = tags[-1] if tags else "O"
        tag = OWNER_TAGS.get(t.text)
        going_on = prev[2:] in ("owner_name", "owner_street1") and t.text.isupper() and t.text.isalpha()
        tags.append(tag or ("I-" + prev[2:] if going_on and t.line == tokens[len(tags) - 1].line else "O"))
    return tags


@pytest.mark.parametrize("further, name", [
    (FURTHER_OWNERS["html"], "Banc of America Preferred Funding Corp"),
    (FURTHER_OWNERS["markdown"], "Banc of America Preferred Funding Corp"),
    (FURTHER_OWNERS["plain"], "Banc of America Preferred Funding Corp"),
    # the first owner's street again: the owner printed twice, its name garbled, no new owner
    (FURTHER_OWNERS["html"].replace("214 NORTH TRYON STREET", "100 N TRYON ST"), ""),
])
def test_repair_reads_the_words_before_a_further_owners_street_as_its_name(further, name):
    tokens, tags = _repaired(lambda tokens, tags, confidences, zones: box_repairs.repair_unnamed_owners(
        tokens, tags, confidences), FIRST_OWNER + further, _owner_tags, "owner")
    assert " ".join(t.text for t, tag in zip(tokens, tags) if tag.endswith("owner_name") and t.line > 2) == name


@pytest.mark.parametrize("line, name", [
    # the plain text style's second signature of a real filing (Bank of America), read as
    # the empty remarks above it, its date read
    ("Signature: BANC OF AMERICA PREFERRED FUNDING CORPORATION. By: Its: Authorized Signatory Andres Ortiz "
     "Date: Aug. 20, 2025", "BANC OF AMERICA PREFERRED FUNDING CORPORATION . By : Its : Authorized Signatory Andres Ortiz"),
    # no date read: the line is left as read
    ("Signature: BANC OF AMERICA By: Andres Ortiz Date: pending", ""),
])
def test_repair_reads_the_name_between_a_signatures_labels(line, name):
    def crf(tokens):
        month = next((k for k, t in enumerate(tokens) if t.text == "Aug"), None)
        return ["B-sig_date" if k == month else "I-sig_date" if month is not None and k > month else "O"
                for k in range(len(tokens))]
    tokens, tags = _repaired(lambda tokens, tags, confidences, zones: box_repairs.repair_labelled_signatures(
        tokens, tags, confidences), line, crf, "remarks")
    assert " ".join(t.text for t, tag in zip(tokens, tags) if tag.endswith("sig_name")) == name


@pytest.mark.parametrize("row, owned", [
    # Tesseract of a real filing's holding (Microsoft): its amount owned left untagged
    ("Common Stock 15,905 | Living", ["15,905"]),
    # a row with a date is a transaction's, whose first amount is not what it owns
    ("Common Stock 08/28/2020 P 5,500", []),
    # EDGAR ASCII wraps a date's year onto the title's next line: no amount
    ("MuniFund Term    |2025        |            |", []),
    # a real filing's holding in semicolon-separated cells: its amount owned read as shares
    ("Common Stock; ; ; ; ; ; ; ; 6,311; D; ", ["6,311"]),
    # a row with a code, or without its D/I letter, stays as read
    ("Common Stock; ; ; S; ; 6,311; D; ", []),
    ("Common Stock; ; ; ; ; ; ; ; 6,311; ; ", []),
])
def test_repair_reads_a_holdings_lone_amount_as_owned(row, owned):
    crf = {"6,311": "B-shares", "D": "B-di", "S": "B-code"}
    def tagged(tokens):
        return ["B-title" if k == 0 else "I-title" if t.text in ("Stock", "Term") else crf.get(t.text, "O")
                for k, t in enumerate(tokens)]
    tokens, tags = _repaired(amount_repairs.repair_holding_amounts, row, tagged, "table1")
    assert [t.text for t, tag in zip(tokens, tags) if tag == "B-owned"] == owned



# Scraped HTML of a real filing's Table II row (Citigroup's equity swap), one cell a line:
# its amount alone below the code, the underlying title with its par value cut in three
SWAP_ROW = ("Equity Swap (obligation to sell)\n$ 26.12\n10/30/2025\nJ\n(6)\n1\n10/30/2025\n06/24/2026\n"
            "Common Stock, $0.00125 par value\n883,924")
SWAP_CRF = {"Equity": "B-title", "Swap": "I-title", "26.12": "B-ex_price", "J": "B-code", "(6)": "B-fn_mark",
            "0.00125": "B-ex_price", "par": "I-und_title", "value": "I-und_title", "883,924": "B-und_shares"}


def _swap_tags(tokens):
    tags = [SWAP_CRF.get(t.text, "O") for t in tokens]
    dates = [k for k, t in enumerate(tokens) if t.text in ("10/30/2025", "06/24/2026")]
    for k, tag in zip(dates, ("B-tx_date", "B-ex_date", "B-exp_date")):
        tags[k] = tag
    common = [t.text for t in tokens].index("Common")
    tags[common], tags[common + 1] = "B-title", "I-title"
    return tags


@pytest.mark.parametrize("zone, amount", [
    ("table2", "B-shares"),
    ("table1", "O"),     # Table I prints its A/D letter with the amount: a lone number is none
])
def test_repair_reads_a_table2_amount_alone_below_the_rows_code(zone, amount):
    tokens, tags = _repaired(amount_repairs.repair_amounts_after_codes, SWAP_ROW, _swap_tags, zone)
    assert tags[[t.text for t in tokens].index("1")] == amount


# the same row as `pdftotext -raw`, the markdown converter and EDGAR ASCII print it: the
# row's cells on one line, the CRF leaving the one-digit amount unread
@pytest.mark.parametrize("cells, amount", [
    ("J (6) 1 10/30/2025 06/24/2026", "B-shares"),
    ("J (6) V 1 10/30/2025 06/24/2026", "B-shares"),
    ("J ; (6) ; ; 1 ; ; 10/30/2025 ; 06/24/2026", "B-shares"),
    # no exercise or expiration date after it: not the amount's column
    ("J (6) 1 Common Stock", "O"),
    # an amount read on the line: the number is another cell
    ("J (6) 5 1 10/30/2025 06/24/2026", "O"),
])
def test_repair_reads_a_number_between_a_table2_code_and_its_dates_as_the_rows_amount(cells, amount):
    text = "Equity Swap (obligation to sell) $ 26.12 10/30/2025 " + cells
    crf = {**SWAP_CRF, "5": "B-shares", "Common": "B-und_title", "Stock": "I-und_title"}
    def tagged(tokens):
        tags = by_text(crf)(tokens)
        dates = [k for k, t in enumerate(tokens) if t.text in ("10/30/2025", "06/24/2026")]
        for k, tag in zip(dates, ("B-tx_date", "B-ex_date", "B-exp_date")):
            tags[k] = tag
        return tags
    tokens, tags = _repaired(amount_repairs.repair_derivative_amounts_after_codes, text, tagged, "table2")
    assert tags[[t.text for t in tokens].index("1")] == amount


def test_repair_reads_a_title_with_its_par_value_on_a_line_of_its_own_as_one_value():
    tokens, tags = _repaired(title_repairs.repair_par_value_lines, SWAP_ROW, _swap_tags, "table2")
    assert [tag for t, tag in zip(tokens, tags) if t.line == 8] == ["B-title"] + ["I-title"] * 6


# Scraped HTML of a real filing's Table II holding (PayPal), one cell a line: its
# conversion price read as column 8's price, which made the holding a transaction
HOLDING_PRICE = "Class B Common Stock\n(2)\n{between}$ 0\n(1)\n(1)\nClass A Common Stock\n3,109,744\n3,109,744\nI"


@pytest.mark.parametrize("between, tag", [
    ("", "B-ex_price"),
    # a price after the row's date and code is a transaction's: it stands
    ("01/01/2012\nM\n", "B-price"),
])
def test_repair_reads_a_holdings_price_before_its_underlying_title_as_the_exercise_price(between, tag):
    text = HOLDING_PRICE.format(between=between)
    tokens = tokenize(text)
    tags = [{"0": "B-price", "01/01/2012": "B-tx_date", "M": "B-code", "(1)": "B-fn_mark", "(2)": "B-fn_mark",
             "I": "B-di"}.get(t.text, "O") for t in tokens]
    lines = {t.line for t in tokens}
    for line, label in ((0, "title"), (len(lines) - 4, "und_title")):
        run = [k for k, t in enumerate(tokens) if t.line == line]
        tags[run[0]] = "B-" + label
        for k in run[1:]:
            tags[k] = "I-" + label
    amounts = [k for k, t in enumerate(tokens) if t.text == "3,109,744"]
    tags[amounts[0]], tags[amounts[1]] = "B-und_shares", "B-owned"
    amount_repairs.repair_dollar_amounts(tokens, tags, ["table2"] * len(lines))
    assert tags[[t.text for t in tokens].index("0")] == tag


# Cut down from plain pdftotext of a real filing's Table I (a purchase held indirectly):
# the price's ``$`` on its own line, then the amount owned, then the price's digits
PRICE_AFTER_OWNED = "Common Stock\n\n04/24/2025\n\nP\n\n16,000\n\nA\n\n{dollar}\n8,536,067\n{price}\n\nI"


@pytest.mark.parametrize("dollar, price, tag", [
    ("$", "5.3569", "B-price"),
    ("", "5.3569", "O"),        # no ``$`` before the amount owned: nothing ties the number to a price
    ("$", "12", "O"),           # a whole number there may be a mark's digits or an amount
])
def test_repair_reads_a_number_after_the_amount_owned_as_the_price_its_dollar_opened(dollar, price, tag):
    crf = {"Common": "B-title", "Stock": "I-title", "04/24/2025": "B-tx_date", "P": "B-code",
           "16,000": "B-shares", "A": "B-ad", "8,536,067": "B-owned", "I": "B-di"}
    tokens, tags = _repaired(amount_repairs.repair_price_after_owned,
                             PRICE_AFTER_OWNED.format(dollar=dollar, price=price),
                             by_text(crf), "table1")
    assert tags[[t.text for t in tokens].index(price)] == tag


# Cut down from pdftotext -raw of a real filing's Table II (a director's RSU grant): the
# title's last lines printed after the row's line
RSU_TAIL = "Restricted\nStock\nUnits\n(1) 06/15/2021 A 946 (2) (2) Class A\nCommon\nStock\n946 $ 0 946 D\n{tail}\n(Class A)"


@pytest.mark.parametrize("tail, tags", [
    ("(RSU)", ["I-title"] * 3),
    ("(Instr. 4)", ["O"] * 5),      # the form's own heading, no title's words
    ("(D)", ["O"] * 3),             # an ownership letter
])
def test_repair_ends_a_title_with_a_parenthesised_line_printed_below_its_row(tail, tags):
    crf = {"Restricted": "B-title", "Stock": "I-title", "Units": "I-title", "06/15/2021": "B-tx_date",
           "946": "B-shares", "Class": "B-und_title", "Common": "I-und_title", "D": "B-di"}
    def tagged(tokens):
        return ["I-und_title" if t.line == 5 else crf.get(t.text, "O") if t.line < 7 else "O" for t in tokens]
    tokens, got = _repaired(title_repairs.repair_parenthesised_title_tails, RSU_TAIL.format(tail=tail), tagged,
                            "table2")
    assert [tag for t, tag in zip(tokens, got) if t.line == 7] == tags
    assert [tag for t, tag in zip(tokens, got) if t.line == 8] == ["I-title"] * 4


# Cut down from Tesseract's reading of a real filing's Table II (an RSU settled): the
# title's last lines printed below the row's, the underlying title's last word and a
# speck beside the parenthesised one
RSU_TAIL_OCR = ("Restricted\nStock Class A\nUnits (6) 05/15/2018 M 1,997 (7) 06/14/2027 Common 1,997 $0 0 D\n"
                "{tail} Be Stock\n(Class A)")


@pytest.mark.parametrize("tail, tags", [
    ("(RSU)", ["I-title"] * 3 + ["O", "I-und_title"]),
    ("(il)", ["O"] * 4 + ["I-und_title"]),      # OCR's reading of a mark ``(11)``
])
def test_repair_ends_a_title_with_a_parenthesised_phrase_opening_an_ocr_line(tail, tags):
    crf = {"Restricted": "B-title", "Units": "I-title", "Class": "B-und_title", "(6)": "B-fn_mark",
           "05/15/2018": "B-tx_date", "M": "B-code", "1,997": "B-shares", "Common": "B-und_title", "D": "B-di"}
    def tagged(tokens):
        return ["I-title" if t.line == 4 or (t.text == "Stock" and t.line == 1)
                else "I-und_title" if t.text in ("A", "Stock") else crf.get(t.text, "O") for t in tokens]
    tokens, got = _repaired(title_repairs.repair_parenthesised_title_tails, RSU_TAIL_OCR.format(tail=tail), tagged,
                            "table2")
    assert [tag for t, tag in zip(tokens, got) if t.line == 3] == tags


# Cut down from pdftotext -raw of a real filing's Table II (an option grant): the title's
# parenthesised tail printed after the row, over two lines
OPTION_TAIL = "Stock\nOption\n$ 39.20 09/09/2021 A 5,000 (1) 09/08/2024 Common\nStock\n5,000 $ 0 5,000 D\n\n{tail}"


@pytest.mark.parametrize("tail, tags", [
    ("( right to\nbuy )", ["I-title"] * 5),
    ("(Instr. 3 and\n4)", ["O"] * 7),     # the form's own heading
    ("( right to\nbuy", ["O"] * 4),          # no phrase: the bracket never closes
])
def test_repair_ends_a_title_with_a_parenthesised_phrase_wrapped_below_its_row(tail, tags):
    crf = {"Stock": "I-title", "Option": "I-title", "39.20": "B-ex_price", "09/09/2021": "B-tx_date", "A": "B-code",
           "5,000": "B-shares", "Common": "B-und_title", "D": "B-di"}
    def tagged(tokens):
        return ["B-title" if k == 0 else "I-und_title" if t.line == 3 else crf.get(t.text, "O") if t.line < 5 else "O"
                for k, t in enumerate(tokens)]
    tokens, got = _repaired(title_repairs.repair_parenthesised_title_tails, OPTION_TAIL.format(tail=tail), tagged,
                            "table2")
    assert [tag for t, tag in zip(tokens, got) if t.line > 5] == tags


# Cut down from pdfminer of the same kind of filing: the title's lines, the CRF reading
# ``(Class A)`` as the underlying title
RSU_TAIL_READ_AS_UNDERLYING = "Restricted\nStock\nUnits\n(RSU)\n(Class A)\n(2)\n05/15/2020\nM\n1,613\nClass A"


@pytest.mark.parametrize("after_title, tags", [
    (True, ["I-title"] * 4),
    (False, ["O", "B-und_title", "I-und_title", "O"]),   # after the row's date: may be the underlying's
])
def test_repair_ends_a_title_with_a_parenthesised_underlying_title_right_after_it(after_title, tags):
    text = RSU_TAIL_READ_AS_UNDERLYING if after_title else RSU_TAIL_READ_AS_UNDERLYING.replace(
        "(Class A)\n(2)\n05/15/2020", "(2)\n05/15/2020\n(Class A)")
    crf = {"Restricted": "B-title", "Stock": "I-title", "Units": "I-title", "RSU": "I-title", "(2)": "B-fn_mark",
           "05/15/2020": "B-tx_date", "M": "B-code", "1,613": "B-shares"}
    def tagged(tokens):
        out = []
        for k, t in enumerate(tokens):
            if t.text == "Class":
                out.append("B-und_title")
            elif t.text == "A":
                out.append("I-und_title")
            elif t.text in "()" and t.line == 3:
                out.append("I-title")
            else:
                out.append(crf.get(t.text, "O"))
        return out
    tokens, got = _repaired(title_repairs.repair_parenthesised_title_tails, text, tagged, "table2")
    line = next(t.line for t in tokens if t.text == "Class")
    assert [tag for t, tag in zip(tokens, got) if t.line == line] == tags


# Cut down from pdftotext -raw of a real filing's Table II (preferred stock converted):
# the series name wrapped at its hyphen
SERIES_TITLE = "Series C-\n{tail}\nPreferred\nStock\n(1) 02/06/2024 C 4,025,764 (1) (1) Common"


@pytest.mark.parametrize("tail, tag", [
    ("1", "I-title"),
    ("(2)", "O"),       # a mark is no part of the name
])
def test_repair_joins_a_series_number_wrapped_at_its_hyphen_to_the_title(tail, tag):
    crf = {"Series": "B-title", "C-": "I-title", "Preferred": "I-title", "Stock": "I-title",
           "02/06/2024": "B-tx_date", "C": "B-code", "4,025,764": "B-shares", "Common": "B-und_title"}
    tokens, tags = _repaired(title_repairs.repair_hyphen_wrapped_titles, SERIES_TITLE.format(tail=tail),
                             by_text(crf), "table2")
    assert [tag for t, tag in zip(tokens, tags) if t.line == 1] == [tag] * len([t for t in tokens if t.line == 1])


# Cut down from pdftotext -raw of a real filing's remarks (an officer's title given there)
REMARKS = "Remarks:\n{opening} Executive Vice President, Chief Legal Officer"


@pytest.mark.parametrize("opening, tags", [
    ("Title:", ["B-remarks", "I-remarks", "I-remarks"]),
    ("", ["B-remarks"]),        # nothing before the remarks: they stay as the CRF read them
])
def test_repair_opens_the_remarks_with_the_words_before_them_on_their_line(opening, tags):
    def tagged(tokens):
        words = [t for t in tokens if t.line == 1 and t.text not in ("Title", ":")]
        return ["B-remarks" if t is words[0] else "I-remarks" if t in words else "O" for t in tokens]
    tokens, got = _repaired(box_repairs.repair_remarks_openings, REMARKS.format(opening=opening), tagged, "remarks")
    assert [tag for t, tag in zip(tokens, got) if t.line == 1][:len(tags)] == tags
    assert [tag for t, tag in zip(tokens, got) if t.line == 0] == ["O", "O"]


# Cut down from real filings' remarks, an exhibit's file name, as the plain text style
# prints them (on the heading's line) and as pdftotext -layout does (on the next line)
@pytest.mark.parametrize("text, zones, crf, tags", [
    ("Remarks: poapetno.txt", ["remarks"], {}, ["O", "O", "B-remarks"]),
    ("Remarks:\npoapetno.txt\n\nNote: File three copies", ["remarks"] * 3 + ["boilerplate"], {},
     ["O", "O", "B-remarks"] + ["O"] * 5),
    # remarks read already: the CRF's
    ("Remarks: poapetno.txt\nSee Exhibit 24", ["remarks"] * 2, {"See": "B-remarks", "Exhibit": "I-remarks", "24": "I-remarks"},
     ["O", "O", "O", "B-remarks", "I-remarks", "I-remarks"]),
    # the next line with text is the signature's
    ("Remarks:\n\n/s/ Jane Doe", ["remarks", "remarks", "signature"], {}, ["O"] * 5),
])
def test_repair_reads_the_untagged_text_after_the_remarks_heading_as_the_remarks(text, zones, crf, tags):
    tokens = tokenize(text)
    got = [crf.get(t.text, "O") for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in got]
    box_repairs.repair_untagged_remarks(tokens, got, confidences, zones)
    assert got == tags and all(c is not None for c, tag in zip(confidences, got) if tag != "O")


# Cut down from EDGAR ASCII of a real filing's Table I: a price's last digits and a bare
# mark wrapped below the row's line
ASCII_WRAPPED = ("Class A Common       Aug. 22,      S 2     1,968       D       180.7  14,872        {di}          By The\n"
                 "Stock                2019                                      115 3                           Founders\n")


@pytest.mark.parametrize("di, tag", [
    ("I", "O"),
    ("", "B-di"),       # no letter before it: the CRF's reading stands (OCR may print I as 1)
])
def test_repair_drops_a_number_read_as_a_rows_second_ownership_letter(di, tag):
    tokens = tokenize(ASCII_WRAPPED.format(di=di))
    crf = {"Class": "B-title", "1,968": "B-shares", "180.7": "B-price", "14,872": "B-owned", "I": "B-di", "3": "B-di"}
    tags = [crf.get(t.text, "O") for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    letter_repairs.repair_second_ownership_numbers(tokens, tags, confidences)
    assert tags[[t.text for t in tokens].index("3")] == tag


# Cut down from pdftotext -layout of a real filing's Table I: a holding's nature centred
# on its row, right of its I, the CRF reading none of it
CENTRED_NATURE_TEMPLATE = ("\n" + " " * 60 + "{head}\n"
                  "Common Stock" + " " * 22 + "648" + " " * 14 + "{di}\n"
                  + " " * 60 + "401k (2)\n\n")


@pytest.mark.parametrize("head, di, tags", [
    ("Held in", "I", ["B-nature", "I-nature", "I-nature", "B-fn_mark"]),
    ("Held in", "D", ["O"] * 4),       # a direct holding has no nature
    ("Stock", "I", ["O"] * 3),         # no nature opens so
])
def test_repair_reads_an_untagged_nature_centred_on_its_row(head, di, tags):
    text = CENTRED_NATURE_TEMPLATE.format(head=head, di=di)
    crf = {"Common": "B-title", "Stock": "I-title", "648": "B-owned", di: "B-di"}
    tokens, got = _repaired(nature_repairs.repair_untagged_natures, text,
                            lambda tokens: [crf.get(t.text, "O") if t.line == 2 else "O" for t in tokens], "table1")
    assert [tag for t, tag in zip(tokens, got) if t.line in (1, 3)] == tags


# Cut down from pdftotext -layout of a real filing's Table I (a Sequoia fund's holding): a
# fund's name for a nature, centred on its row's line, four lines above and four below
def _named_nature(above, below):
    pad = " " * 80
    return "\n".join(["", *(pad + w for w in above), "Class A Common Stock" + " " * 20 + "449,988" + " " * 14 + "I",
                      *(pad + w for w in below), ""])


@pytest.mark.parametrize("above, below, nature", [
    (["Sequoia", "Capital", "U.S.", "Venture"], ["2010-", "Seed", "Fund, L.P.", "(3)"],
     ["Sequoia", "Capital", "U.S", ".", "Venture", "2010-", "Seed", "Fund", ",", "L.P", "."]),
    (["Sequoia", "Capital", "U.S.", "Venture"], ["2010-", "Seed", "Fund, L.P. (3)"],
     ["Sequoia", "Capital", "U.S", ".", "Venture", "2010-", "Seed", "Fund", ",", "L.P", "."]),
    (["Sequoia", "Capital", "U.S.", "Venture"], ["2010-", "Seed", "Fund, L.P."], []),     # no mark ends it
    (["Sequoia", "Capital", "U.S.", "Venture"], ["(3)"], []),      # not centred on the row
])
def test_repair_reads_an_untagged_holders_name_centred_on_its_row(above, below, nature):
    crf = {"Class": "B-title", "A": "I-title", "Common": "I-title", "Stock": "I-title", "449,988": "B-owned", "I": "B-di"}
    tokens, got = _repaired(nature_repairs.repair_untagged_natures, _named_nature(above, below),
                            lambda tokens: [crf.get(t.text, "O") if t.line == len(above) + 1 else "O" for t in tokens],
                            "table1")
    assert [t.text for t, tag in zip(tokens, got) if tag.endswith("nature")] == nature


# Cut down from plain pdftotext of a real filing's Table I (a trust's holding): the
# nature a word or two a line, its date's day and year and a comma left untagged
TRUST_DATE = "I\n\nBy Philip\nSingleton\nTrust,\nDated\n{month}\n{rest}\n"


@pytest.mark.parametrize("month, rest, nature", [
    ("December", "24, 2015", "By Philip Singleton Trust , Dated December 24 , 2015"),
    # no month before it: an amount or a date of another cell
    ("Fund", "24, 2015", "By Philip Singleton Trust , Dated Fund"),
    ("December", "2,015", "By Philip Singleton Trust , Dated December"),
])
def test_repair_reads_a_trusts_date_ending_its_nature(month, rest, nature):
    def crf(tokens):
        return ["B-di" if t.text == "I" else "B-nature" if t.text == "By" else "O" if t.text == "," or t.line == 7
                else "I-nature" for t in tokens]
    tokens, got = _repaired(nature_repairs.repair_nature_dates, TRUST_DATE.format(month=month, rest=rest), crf, "table1")
    assert " ".join(t.text for t, tag in zip(tokens, got) if tag.endswith("-nature")) == nature


# Cut down from pdftotext -layout of a real filing's Table II (Sequoia funds): tall natures
# centred on their rows, a word of each on its row's line right of the I, the second
# opening on the line right below the first's end
def _stacked_row(amount):
    pad = " " * 40
    return ([pad + "By", pad + "Sequoia", "Series C" + " " * 32 + "Capital",
             f"Preferred   {amount}    0       I      Venture", pad + "Partners", pad + "Fund, LP"])


STACKED_NATURES = "\n".join(["", *_stacked_row("404,743"), *_stacked_row("81,699"), " " * 40 + "(2)"])


def test_repair_reads_untagged_natures_stacked_on_their_rows():
    crf = {"Series": "B-title", "C": "I-title", "Preferred": "I-title", "404,743": "B-shares", "81,699": "B-shares",
           "0": "B-owned", "I": "B-di"}
    tokens, got = _repaired(nature_repairs.repair_untagged_natures, STACKED_NATURES,
                            by_text(crf), "table2")
    natures = [[t.text for t, tag in zip(tokens, got) if t.line in lines and tag.endswith("nature")]
               for lines in (range(0, 7), range(7, 13))]
    assert natures == [["By", "Sequoia", "Capital", "Venture", "Partners", "Fund", ",", "LP"]] * 2
    assert [tag for t, tag in zip(tokens, got) if t.text == "By"] == ["B-nature", "B-nature"]


# Cut down from pdfplumber of a real filing's Table I row (tab-separated cells): the CRF
# left the price, its mark and the amount owned untagged
PLUMBER_SALE_ROW = "Class A Common Stock\t07/27/2018\t\tS(1)\t\t15\tD\t$ {price} (11)\t{owned}\t{di}\tBy The Founders"


@pytest.mark.parametrize("price, owned, di, tags", [
    ("178.001", "45", "I", ["B-price", "B-fn_mark", "B-owned"]),
    ("178.001", "45", "", ["O", "O", "O"]),          # no D/I letter after: nothing ties the cells
    ("Common", "45", "I", ["O", "O", "O"]),          # no price after the $
])
def test_repair_reads_an_untagged_price_mark_and_amount_before_the_rows_letter(price, owned, di, tags):
    crf = {"Class": "B-title", "A": "I-title", "Common": "I-title", "Stock": "I-title", "07/27/2018": "B-tx_date",
           "S": "B-code", "(1)": "B-fn_mark", "15": "B-shares", "D": "B-ad", "I": "B-di", "By": "B-nature"}
    text = PLUMBER_SALE_ROW.format(price=price, owned=owned, di=di)
    def tagged(tokens):
        return ["O" if t.start > text.index("$") and t.text != "I" and t.start < text.index("By") else crf.get(t.text, "O")
                for t in tokens]
    tokens, got = _repaired(amount_repairs.repair_untagged_price_runs, text, tagged, "table1")
    start = [t.text for t in tokens].index("$") + 1
    assert got[start:start + 3] == tags


@pytest.mark.parametrize("nature, tags", [
    ("By The Founders (3) Fund II, LP", ["B-fn_mark"]),
    ("By The Founders Fund II, LP (3)", ["B-fn_mark"]),
    ("By The Founders (III) Fund II, LP", []),      # words in brackets are the cell's
])
def test_repair_reads_a_mark_set_inside_a_text_cell_as_the_rows(nature, tags):
    text = "Class A Common Stock\t07/27/2018\t(1) S\t82\tD\t$ 179.8685 (2)\t2,008\tI\t" + nature
    tokens = tokenize(text)
    start = text.index("By")
    got = ["O" if t.start < start else "B-nature" if t.start == start else "I-nature" for t in tokens]
    note_repairs.repair_marks_inside_text(tokens, got, ["table1"])
    assert [tag for t, tag in zip(tokens, got) if t.text == "(3)"] == tags
    assert [tag for t, tag in zip(tokens, got) if t.start > start and t.text != "(3)"] == ["I-nature"] * (
        6 if tags else 9)


# Cut down from pdftotext -layout of a real filing's Table II: a tall title cell, its last
# word read as the underlying amount
TALL_OPTION = "Employee\nStock                 Common\n{word}\n      $ 23.35      02/12/2020     A     3,750"


@pytest.mark.parametrize("word, tag", [
    ("Options", "I-title"),
    ("      Options", "O"),       # not in the title's column: no word of it
    ("1,000", "B-und_shares"),    # an amount stays one
])
def test_repair_reads_a_word_read_as_an_amount_as_no_amount(word, tag):
    crf = {"Employee": "B-title", "Stock": "I-title", "Common": "B-und_title", "Options": "B-und_shares",
           "1,000": "B-und_shares", "23.35": "B-ex_price", "02/12/2020": "B-tx_date", "A": "B-code", "3,750": "B-shares"}
    tokens, tags = _repaired(title_repairs.repair_worded_amounts, TALL_OPTION.format(word=word),
                             by_text(crf), "table2")
    assert [tag for t, tag in zip(tokens, tags) if t.line == 2] == [tag]


# Cut down from pdftotext -layout of a real filing's Table II: the title and the underlying
# title, both tall, interleaved around the row's line
INTERLEAVED_TEMPLATE = ("Restricted\n" + " " * 40 + "Common\n"
               "Stock        $0      03/01/2020      M      5,063      03/01/2022      5,063.00\n"
               "{pad}Stock\nUnits (1)\n")


@pytest.mark.parametrize("indent, tag", [
    (40, "I-und_title"),
    (0, "I-title"),         # opening its line: plain text's margin, any cell's
])
def test_repair_gives_a_title_word_in_the_underlying_column_to_the_underlying_title(indent, tag):
    crf = {"Restricted": "B-title", "Common": "B-und_title", "Stock": "I-title", "Units": "I-title",
           "03/01/2020": "B-tx_date", "M": "B-code", "5,063": "B-shares"}
    tokens = tokenize(INTERLEAVED_TEMPLATE.format(pad=" " * indent))
    tags = [crf.get(t.text, "O") for t in tokens]
    title_repairs.repair_crossed_titles(tokens, tags, ["table2"] * 6)
    assert [tag for t, tag in zip(tokens, tags) if t.line == 3] == [tag]
    assert [tag for t, tag in zip(tokens, tags) if t.line == 2][0] == "I-title"


# Cut down from OCR (Tesseract, medium degradation) of a real filing's Table I row: the
# code and its mark fused, lower-cased
OCR_ROW = "Class A Common Stock 07/28/2017 {code} ) 1,816 D $ 169.486 43,843 I"


@pytest.mark.parametrize("code, tag", [
    ("sf", "B-code"),
    ("s@", "B-code"),
    ("c", "B-code"),
    ("Nb", "O"),            # N is no transaction code
    ("Stock", "O"),         # a word, not a code and its mark
])
def test_repair_reads_an_ocr_code_right_after_the_date(code, tag):
    crf = {"Class": "B-title", "A": "I-title", "Common": "I-title", "Stock": "I-title", "07/28/2017": "B-tx_date",
           "1,816": "B-shares", "D": "B-ad", "169.486": "B-price", "43,843": "B-owned", "I": "B-di"}
    text = OCR_ROW.format(code=code)
    tokens, tags = _repaired(letter_repairs.repair_codes_after_dates, text,
                             lambda tokens: ["O" if t.start == text.index(code, 25) else crf.get(t.text, "O")
                                             for t in tokens], "table1")
    assert tags[[t.start for t in tokens].index(text.index(code, 25))] == tag


# Cut down from OCR (Tesseract, light degradation) of a real filing's Table I row: the
# table's rules read as brackets, the D/I letter as 1
OCR_OWNED = "Class A Common Stock 07/27/2018 sf ) 628 | D | 175.2414 ) 565 {after} Founders"


@pytest.mark.parametrize("after, tag", [
    ("1", "B-owned"),
    ("I", "B-owned"),
    ("500", "O"),       # a second amount after it: not the row's last amount
])
def test_repair_reads_an_untagged_amount_after_the_price_as_the_amount_owned(after, tag):
    crf = {"Class": "B-title", "A": "I-title", "Common": "I-title", "Stock": "I-title", "07/27/2018": "B-tx_date",
           "sf": "B-code", "628": "B-shares", "D": "B-ad", "175.2414": "B-price"}
    tokens, tags = _repaired(amount_repairs.repair_owned_after_prices, OCR_OWNED.format(after=after),
                             by_text(crf), "table1")
    assert tags[[t.text for t in tokens].index("565")] == tag


# Cut down from plain pdftotext of a real filing's long Table I (PayPal): an amount owned
# printed on its price's line, its letter after the next row's price
@pytest.mark.parametrize("between, tag", [
    ("(13)\n\n$ 897.7\n\n", "B-di"),
    # a title between: the letter is another row's
    ("(13)\n\nCommon Stock\n\n", "O"),
])
def test_repair_reads_the_letter_of_an_amount_owned_read_after_its_price(between, tag):
    text = f"$\n896.01 162,985,626\n{between}I"
    crf = {"896.01": "B-price", "(13)": "B-fn_mark", "897.7": "B-price", "Common": "B-title", "Stock": "I-title"}
    tokens, got = _repaired(amount_repairs.repair_owned_after_prices, text, by_text(crf), "table1")
    assert (got[[t.text for t in tokens].index("162,985,626")], got[-1]) == ("B-owned", tag)


@pytest.mark.parametrize("cells, tag", [
    ("gg ) 3 D", "B-shares"),
    ("gg ) 3 $", "O"),          # no A/D letter after it
])
def test_repair_reads_an_untagged_amount_between_code_and_letter_as_the_shares(cells, tag):
    text = "Class A Common Stock 07/27/2018 " + cells + " 179.8683 60 I"
    crf = {"Class": "B-title", "A": "I-title", "Common": "I-title", "Stock": "I-title", "07/27/2018": "B-tx_date",
           "gg": "B-code", "D": "B-ad", "179.8683": "B-price"}
    tokens, tags = _repaired(amount_repairs.repair_shares_after_codes, text,
                             by_text(crf), "table1")
    assert tags[[t.text for t in tokens].index("3")] == tag


# Cut down from plain pdftotext of a real filing's thirty-row Table I read column by
# column (a Tesla holder's sales): each column a block of lines, one cell a line, the CRF
# running the first title on and tagging only the first date
TITLE_COLUMN = "Common Stock\nCommon Stock\nCommon Stock"
DATE_COLUMN = "11/09/2021\n11/09/2021\n11/09/2021"
AMOUNT_COLUMN = "47,553 D\n38,295 D\n50,707 D"


@pytest.mark.parametrize("text, crf, expected", [
    (TITLE_COLUMN, ["B-title"] + ["I-title"] * 5, ["B-title", "I-title"] * 3),
    (DATE_COLUMN, ["B-tx_date", "O", "O"], ["B-tx_date"] * 3),
    (AMOUNT_COLUMN, ["B-shares", "B-ad", "O", "O", "O", "O"], ["B-shares", "B-ad"] * 3),
    # a column of two lines may be a row's cells: left alone
    ("11/09/2021\n11/09/2021", ["B-tx_date", "O"], ["B-tx_date", "O"]),
    # lines a blank line apart are no column block
    ("11/09/2021\n\n11/09/2021\n\n11/09/2021", ["B-tx_date", "O", "O"], ["B-tx_date", "O", "O"]),
    # a nature a word a line is one cell, however alike its words' shapes
    ("Profit\nSharing\nTrust", ["B-nature", "I-nature", "I-nature"], ["B-nature", "I-nature", "I-nature"]),
    # a row's amounts a line each, which the CRF read as different cells, stay
    ("8,508\n67.46\n253", ["B-shares", "B-price", "B-owned"], ["B-shares", "B-price", "B-owned"]),
    # a first line the CRF left partly untagged gives no pattern
    (AMOUNT_COLUMN, ["B-shares", "O", "O", "O", "O", "O"], ["B-shares", "O", "O", "O", "O", "O"]),
    # cells of a line of spaces are no one cell
    ("11/09/2021     S\n11/09/2021     S\n11/09/2021     S", ["B-tx_date", "B-code"] + ["O"] * 4,
     ["B-tx_date", "B-code"] + ["O"] * 4),
])
def test_repair_tags_each_line_of_a_column_block_as_its_first(text, crf, expected):
    _, tags = _repaired(column_repairs.repair_column_runs, text, lambda tokens: crf, "table1")
    assert tags == expected


# Cut down from pdftotext -layout of a real filing's Table I (a Sequoia fund's holdings):
# each holding's nature centred on its row, the natures of rows right below one another
# one stack of words a line; the CRF opened the first at ``U.S.`` and ran the second
# nature's head on with the first
STACK = [(35, "Sequoia"), (35, "Capital"), (35, "U.S."), (0, "Class A Common Stock   1,862   I   Growth"),
         (35, "Fund IV,"), (35, "L.P. (2)"), (35, "Sequoia"), (35, "Capital"), (35, "USGF"),
         (0, "Class A Common Stock   77      I   Principals"), (35, "Fund IV,"), (35, "L.P. (2)"),
         (35, "By estate"), (0, "Class A Common Stock   684,741 I   planning"), (35, "vehicle")]
STACK_NATURES = ["SequoiaCapitalU.S.GrowthFundIV,L.P.", "SequoiaCapitalUSGFPrincipalsFundIV,L.P.",
                 "Byestateplanningvehicle"]


def _stack_text(lines):
    return "\n".join(" " * indent + text for indent, text in lines)


def _stack_crf(tokens):
    """The CRF's reading of the stack: titles, amounts and letters right, the natures
    opened at ``U.S.`` and ``USGF`` and run on from there, the first words left ``O``."""
    tags, title, nature = [], False, False
    for t in tokens:
        if t.text in ("Class", "A", "Common", "Stock") and t.col < 25:
            tags.append("I-title" if title else "B-title")
            title = True
            continue
        title = False
        if t.text[0].isdigit() and t.col < 35:
            tags.append("B-owned")
        elif t.text == "I" and t.col < 35:
            tags.append("B-di")
        elif t.text.startswith("("):
            tags.append("B-fn_mark")
        elif t.text in ("U.S", "USGF", "By"):
            tags.append("B-nature")
            nature = True
        else:
            tags.append("I-nature" if nature else "O")
    return tags


def _natures(tokens, tags):
    natures = []
    for t, tag in zip(tokens, tags):
        if tag == "B-nature":
            natures.append(t.text)
        elif tag == "I-nature":
            natures[-1] += t.text
    return natures


@pytest.mark.parametrize("lines, expected", [
    (STACK, STACK_NATURES),
    # the first nature of six lines wholly above and below its row's line, ending in ``I``
    ([(35, "Sequoia"), (35, "Capital"), (35, "U.S."), (0, "Class A Common Stock   1,862   I"), (35, "Growth"),
      *STACK[4:]], STACK_NATURES),
    # one row a line (plain text's tables): no stack, the CRF's reading stays
    ([(0, "Class A Common Stock   1,862   I   U.S. Growth"), (0, "Class A Common Stock   77      I   USGF Fund")],
     ["U.S.Growth", "USGFFund"]),
])
def test_repair_cuts_a_stack_of_natures_into_cells_centred_on_their_rows(lines, expected):
    tokens, tags = _repaired(nature_repairs.repair_stacked_natures, _stack_text(lines), _stack_crf, "table1")
    assert _natures(tokens, tags) == expected


# Cut down from plain pdftotext of a real filing's Table I (PayPal, Founders Fund sales):
# the titles printed as a column, then each row's date and code, the CRF reading none
DATE_CODE_COLUMN = "Common Stock\n\nCommon Stock\n{between}\n08/22/2019\n\n{code}\n\n08/22/2019\n\nS (2)"


@pytest.mark.parametrize("between, code, tags", [
    ("", "C", ["B-tx_date", "B-code", "B-tx_date", "B-code", "B-fn_mark"]),
    ("\n(1)\n", "C (3)", ["B-tx_date", "B-code", "B-fn_mark", "B-tx_date", "B-code", "B-fn_mark"]),
    # column 3's lone heading: the date's code is elsewhere; the next pair is still read
    ("", "V", ["O", "O", "B-tx_date", "B-code", "B-fn_mark"]),
    # an expiration date, its underlying title below
    ("", "Class", ["O", "O", "B-tx_date", "B-code", "B-fn_mark"]),
    # after a holding's D/I letter: dates read apart from their rows' titles
    ("\n1,000\n\nI\n", "C", ["O", "O", "O", "O", "O"]),
])
def test_repair_reads_untagged_date_and_code_lines_below_titles(between, code, tags):
    crf = {"Common": "B-title", "Stock": "I-title", "1,000": "B-owned", "I": "B-di", "(1)": "B-fn_mark"}
    text = DATE_CODE_COLUMN.format(between=between, code=code)
    first = text.index("08/22/2019")
    tokens, got = _repaired(amount_repairs.repair_date_code_lines, text,
                            by_text(crf), "table1")
    assert [tag for t, tag in zip(tokens, got) if t.start >= first] == tags


# Cut down from plain pdftotext of a real filing's Table I (derivative exercises and sales):
# a row a cell a line, a title for the first row only; the CRF read no later row's date
UNTITLED_ROWS = [("Ordinary", "B-title"), ("Shares", "I-title"), ("12/08/2025", "B-tx_date"), ("S", "B-code"),
                 ("(1)", "B-fn_mark"), ("50,000", "B-shares"), ("D", "B-ad"), ("89,218", "B-owned"), ("D", "B-di"),
                 ("12/08/2025", "O"), ("M", "O"), ("(1)", "B-fn_mark"), ("100,000", "B-shares"), ("A", "B-ad"),
                 ("189,218", "B-owned"), ("D", "B-di")]


@pytest.mark.parametrize("cells, tags", [
    (UNTITLED_ROWS, ["B-tx_date", "B-code", "B-fn_mark"]),
    ([c for c in UNTITLED_ROWS if c != ("(1)", "B-fn_mark")], ["B-tx_date", "B-code"]),
    # no amount of shares without a date: a D/I letter ends the table's last row
    ([(text, "O" if text == "100,000" else tag) for text, tag in UNTITLED_ROWS], ["O", "O", "B-fn_mark"]),
])
def test_repair_reads_an_untagged_date_and_code_after_a_rows_ownership_letter(cells, tags):
    text = "Ordinary Shares\n\n" + "\n\n".join(t for t, _ in cells[2:]).replace("S\n\n(1)", "S (1)").replace(
        "M\n\n(1)", "M (1)")
    crf = [tag for _, tag in cells]
    tokens, got = _repaired(amount_repairs.repair_date_code_lines, text, lambda tokens: crf, "table1")
    second = text.rindex("12/08/2025")
    assert [tag for t, tag in zip(tokens, got) if second <= t.start < text.index("100,000")] == tags


def test_repair_leaves_date_lines_where_every_title_has_a_date():
    text = "Common Stock\n\n08/22/2019\n\nC\n\n08/23/2019\n\nS"
    crf = {"Common": "B-title", "Stock": "I-title"}
    tokens, got = _repaired(amount_repairs.repair_date_code_lines, text,
                            lambda tokens: [crf.get(t.text, "B-tx_date" if t.start == 14 else "O") for t in tokens],
                            "table1")
    assert got[-3:] == ["O", "O", "O"]


# Cut down from pdftotext -layout of a real filing's Table I: a tall title's lower line
# carries the price's mark under the row's line
@pytest.mark.parametrize("text, tag", [
    ("Common Stock, par value  08/27/2025  S  1,375  D  748.61\n$0.01 per share      (1)", "B-fn_mark"),
    # OCR: a tall nature's lower line with the price's and the nature's marks
    ("Class A Common Stock 07/27/2018 S 82 D 179.8685 2,008 I Founders\n(2) Fund II, LP (3)", "B-fn_mark"),
    # a blank line between: the mark may be the next row's
    ("Common Stock, par value  08/27/2025  S  1,375  D  748.61\n\n$0.01 per share      (1)", "O"),
    # below a line of headings it is no row's
    ("Code  V  Amount  Price\n$0.01 per share      (1)", "O"),
    # nor below a row whose line holds a mark OCR garbled (``sf)`` for ``S(1)``)
    ("Class A Common Stock 07/27/2018 sf ) 82 D 179.8685 2,008 I Founders\n(2) Fund II, LP (3)", "O"),
])
def test_repair_reads_an_untagged_mark_below_a_rows_line_as_the_rows(text, tag):
    crf = {"Common": "B-title", "Stock": "I-title", "08/27/2025": "B-tx_date", "07/27/2018": "B-tx_date",
           "748.61": "B-price", "179.8685": "B-price"}
    tokens, got = _repaired(note_repairs.repair_marks_below_rows, text, by_text(crf),
                            "table1")
    assert [tag for t, tag in zip(tokens, got) if t.text in ("(1)", "(2)", "(3)")] == \
        [tag] * (2 if "(3)" in text else 1)


# Cut down from plain pdftotext of real filings: a Table I's weighted-average price notes'
# marks printed as a column below the rows; a Table II grant's marks standing for its two
# dates, printed after the column headings that follow its amount
@pytest.mark.parametrize("text, crf, tags", [
    ("165.95 452,334\n\nD\n\n(2)\n\n(3)\n\n(4)", {"165.95": "B-price", "452,334": "B-owned", "D": "B-di"},
     ["B-fn_mark"] * 3),
    ("328\n\nNumber of\nShares\n\n(2)\n\n(2)\n\nCommon\nStock", {"328": "B-shares", "Common": "B-und_title",
                                                               "Stock": "I-und_title"}, ["B-fn_mark"] * 2),
    # a line of marks alone: a price cell's notes, printed after the table
    ("165.95 452,334\n\nD\n\n(2) (3)\n\n(2) (4)", {"165.95": "B-price", "452,334": "B-owned", "D": "B-di"},
     ["B-fn_mark"] * 4),
    # above the table's first value a mark is the headings'
    ("(2)\n\n(3)\n\n165.95", {"165.95": "B-price"}, ["O", "O"]),
    # a mark beside words is the text's
    ("165.95\n\nsee (2)", {"165.95": "B-price"}, ["O"]),
])
def test_repair_reads_untagged_lone_marks_below_a_tables_first_value_as_marks(text, crf, tags):
    tokens, got = _repaired(note_repairs.repair_lone_marks, text, by_text(crf),
                            "table2")
    assert [tag for t, tag in zip(tokens, got) if t.text in ("(2)", "(3)", "(4)")] == tags


# Cut down from plain pdftotext of a real filing's Table I (Abbott, a grant and a trust's
# holding): the holding's amount owned, before its I, left untagged
@pytest.mark.parametrize("owned, letter, tags", [
    ("258 (2)", "I", ["B-owned", "B-fn_mark"]),
    ("258", "I", ["B-owned"]),
    # before a D: maybe a transaction's amount and its A/D letter
    ("258", "D", ["O"]),
])
def test_repair_reads_an_untagged_amount_owned_above_an_indirect_letter(owned, letter, tags):
    text = f"A\n\nD\n\n$ 0 7,020,399\n\n{owned}\n\n{letter}\n\nAlynne Starks Trust"
    crf = {"A": "B-ad", "0": "B-price", "7,020,399": "B-owned", "Alynne": "B-nature", "Starks": "I-nature",
           "Trust": "I-nature"}
    tokens, got = _repaired(amount_repairs.repair_owned_before_letters, text,
                            lambda tokens: ["B-di" if t.text in "DI" and t.line in (2, 8) else crf.get(t.text, "O")
                                            for t in tokens], "table1")
    assert [tag for t, tag in zip(tokens, got) if t.line == 6] == tags


def test_repair_leaves_amounts_where_every_letter_has_its_amount_owned():
    text = "900\n\n$ 0 7,020,399\n\nI\n\n258\n\nI"
    crf = {"900": "B-owned", "0": "B-price", "7,020,399": "B-owned", "I": "B-di"}
    tokens, got = _repaired(amount_repairs.repair_owned_before_letters, text,
                            by_text(crf), "table1")
    assert got[-2] == "O"


# Cut down from pdfminer of a real filing's Table I (two exercises, a sale and a son's
# holding): the amounts owned printed as a column before the D/I letters, the last left O
OWNED_COLUMN = "4,800 D\n\n$\n74.0517\n\n31,978.9545\n\n{last}\n\n6.\n\nD\n\n{letter}\n\nBy Son"


@pytest.mark.parametrize("last, letter, tag", [
    ("29", "I", "B-owned"),
    # every D/I letter has its amount owned
    ("29", "", "O"),
    # a date is no amount
    ("11/27/2020", "I", "O"),
])
def test_repair_reads_an_untagged_amount_ending_a_column_of_amounts_owned(last, letter, tag):
    text = OWNED_COLUMN.format(last=last, letter=letter)
    crf = {"4,800": "B-shares", "74.0517": "B-price", "31,978.9545": "B-owned", "By": "B-nature", "Son": "I-nature"}
    tokens, got = _repaired(amount_repairs.repair_owned_column_ends, text, lambda tokens: [
        "B-di" if t.line >= 11 and t.text in ("D", "I") else "B-ad" if t.text == "D" else crf.get(t.text, "O")
        for t in tokens], "table1")
    assert next(tag for t, tag in zip(tokens, got) if t.line == 7) == tag


# Cut down from plain pdftotext of a real filing's Table II (two grants of dividend-
# equivalent units): the amounts printed as a column after the rows' codes, the CRF
# reading the first
GRANT_COLUMN = ("Restricted Stock Units\n\n06/09/2022\n\nA\n\nRestricted Stock Units\n\n06/09/2022\n\n{code}"
                "\n\n61.569\n(2)\n\n95.425\n(2)")


@pytest.mark.parametrize("zone, code, tags", [
    ("table2", "A", ["B-shares", "B-fn_mark"]),
    # Table I: an amount below the shares may be the row's amount owned
    ("table1", "A", ["O", "O"]),
    # one code: no row lacks its amount
    ("table2", "", ["O", "O"]),
])
def test_repair_reads_a_column_of_table2_amounts(zone, code, tags):
    crf = {"Restricted": "B-title", "Stock": "I-title", "Units": "I-title", "06/09/2022": "B-tx_date",
           "A": "B-code", "61.569": "B-shares"}
    text = GRANT_COLUMN.format(code=code)
    tokens, got = _repaired(amount_repairs.repair_shares_columns, text,
                            lambda tokens: ["B-fn_mark" if t.text == "(2)" and t.line == 13 else crf.get(t.text, "O")
                                            for t in tokens], zone)
    assert [tag for t, tag in zip(tokens, got) if t.line >= 15] == tags


# Cut down from plain pdftotext of a real filing's one-row Table I (Microsoft, shares
# withheld for tax): the row's title printed among the column headings, untagged
MISSING_TITLE = "(A)\n\n{title}\n\n09/15/2025\n\nF\n\nV\n\nAmount\n\n77.131 D\n\n$\n41,901.6373\n509.9\n\nD"


@pytest.mark.parametrize("title, tags", [
    ("Common Stock", ["B-title", "I-title"]),
    ("Class A Common Stock", ["B-title", "I-title", "I-title", "I-title"]),
    # a nature, not a title
    ("By Trust", ["O", "O"]),
    # a column heading
    ("Reported Transaction", ["O", "O"]),
])
def test_repair_reads_an_untagged_title_where_the_table_has_fewer_titles_than_letters(title, tags):
    crf = {"77.131": "B-price", "41,901.6373": "B-owned", "509.9": "B-price"}
    tokens, got = _repaired(title_repairs.repair_missing_titles, MISSING_TITLE.format(title=title),
                            lambda tokens: ["B-di" if t.text == "D" else crf.get(t.text, "O") for t in tokens],
                            "table1")
    assert [tag for t, tag in zip(tokens, got) if t.line == 2] == tags


@pytest.mark.parametrize("text", [
    # the table has its title: every D/I letter has one
    "Common Stock\n\n(A)\n\nCommon Stock\n\n41,901.6373\n\nD",
    # the line below a title's line: a wrapped part of it
    "(A)\n\nCommon\nStock\n\n41,901.6373\n\nD\n\n5,000\n\nD",
])
def test_repair_leaves_title_words_that_are_no_missing_title(text):
    crf = {"41,901.6373": "B-owned", "5,000": "B-owned", "D": "B-di"}
    def tagged(tokens):
        tags = [crf.get(t.text, "O") for t in tokens]
        if text.startswith("Common Stock"):
            tags[0], tags[1] = "B-title", "I-title"
        else:       # Stock read as the title, Common left O above it
            tags[[t.text for t in tokens].index("Stock")] = "B-title"
        return tags
    tokens, got = _repaired(title_repairs.repair_missing_titles, text, tagged, "table1")
    assert [tag for t, tag in zip(tokens, got) if t.text == "Common"][-1] == "O"


# Cut down from plain pdftotext of a real filing's Table II (a conversion of Class B
# stock): the row's code printed before its date, untagged
@pytest.mark.parametrize("code, date_tag, tags", [
    ("C (1)", "B-tx_date", ["B-code", "B-fn_mark"]),
    ("C", "B-tx_date", ["B-code"]),
    # column 3's lone heading
    ("V", "B-tx_date", ["O"]),
    # above an expiration date: no row's code
    ("C", "B-exp_date", ["O"]),
])
def test_repair_reads_an_untagged_code_right_above_the_date(code, date_tag, tags):
    text = f"Class B Common Stock\n\n(2)\n\n{code}\n\n02/04/2013\n\n83,334"
    crf = {"Class": "B-title", "B": "I-title", "Common": "I-title", "Stock": "I-title", "(2)": "B-fn_mark",
           "02/04/2013": date_tag, "83,334": "B-shares"}
    tokens, got = _repaired(letter_repairs.repair_codes_before_dates, text,
                            lambda tokens: [crf.get(t.text, "O") if t.line != 4 else "O" for t in tokens], "table2")
    assert [tag for t, tag in zip(tokens, got) if t.line == 4] == tags


# Cut down from scraped HTML of a real filing's Table I (a fund's distribution): the
# code glued to the V column's mark, a cell a line
@pytest.mark.parametrize("code, date_tag, tags", [
    ("JV", "B-tx_date", ["B-code"]),
    ("GV", "B-tx_date", ["B-code"]),
    # no code's letter, or not after a date: no code
    ("XY", "B-tx_date", ["O"]),
    ("JV", "B-exp_date", ["O"]),
])
def test_repair_reads_a_code_glued_to_the_v_column_after_the_date(code, date_tag, tags):
    text = f"Class A Common Stock\n06/21/2021\n{code}\n16,723\n(1)\nD"
    crf = {"Class": "B-title", "A": "I-title", "Common": "I-title", "Stock": "I-title", "(1)": "B-fn_mark",
           "06/21/2021": date_tag, "16,723": "B-shares", "D": "B-ad"}
    tokens, got = _repaired(letter_repairs.repair_codes_glued_to_v, text,
                            lambda tokens: [crf.get(t.text, "O") if t.line != 2 else "O" for t in tokens], "table1")
    assert [tag for t, tag in zip(tokens, got) if t.line == 2] == tags


# Cut down from plain pdftotext of a real filing's Table I (Sequoia funds' conversions):
# two rows' titles, then their dates one below the other, the second read as deemed
@pytest.mark.parametrize("titles, tag", [
    (2, "B-tx_date"),
    # one row: its deemed execution date, below its transaction date
    (1, "B-deemed_date"),
])
def test_repair_reads_a_second_stacked_date_as_the_next_row_date(titles, tag):
    text = "Class A Common Stock\n\n" * titles + "12/03/2018\n\n12/03/2018\n\nC"
    def tagged(tokens):
        tags = ["B-title" if t.text == "Class" else "I-title" if t.text in ("A", "Common", "Stock") else "O"
                for t in tokens]
        tags[-3:] = ["B-tx_date", "B-deemed_date", "B-code"]
        return tags
    tokens, got = _repaired(amount_repairs.repair_stacked_dates, text, tagged, "table1")
    assert got[-2] == tag


# Cut down from pdfminer of a real filing's Table I (a holder's purchases and a sale):
# each row's amount with its A/D letter on a line of its own, the CRF reading the letter
@pytest.mark.parametrize("extra, tag", [
    ("", "B-shares"),
    # as many amounts read as A/D letters: no letter lacks its amount
    ("\n\n5,000", "O"),
])
def test_repair_reads_an_untagged_amount_beside_its_ad_letter(extra, tag):
    text = "116,002 A\n\n$ 26.12\n\n2,701,627\n\n24,773 A" + extra
    crf = {"116,002": "B-shares", "26.12": "B-price", "2,701,627": "B-owned", "5,000": "B-shares", "A": "B-ad"}
    tokens, got = _repaired(amount_repairs.repair_amounts_before_letters, text,
                            by_text(crf), "table1")
    assert got[[t.text for t in tokens].index("24,773")] == tag


# Cut down from plain `pdftotext` of a real filing's Table I (two sales, a holding): the
# first sale's amount and A/D letter printed below the second's title and code, the CRF
# reading the amount as an amount owned
OWNED_BEFORE_LETTER = ("Class A Common Stock\n\nClass A Common Stock\n\nS (1)\n\n11/20/2017\n\n{line}\n\n"
                       "S (1)\n\n11/20/2017\n\n26,123\n\nD\n\n$\n178.8256 79,725\n\nI\n\n"
                       "$\n179.3099 53,602\n\nI{holding}")


@pytest.mark.parametrize("line, holding, tags", [
    ("134,682 D", "", ["B-shares", "B-ad"]),
    ("134,682 A", "", ["B-shares", "B-ad"]),
    # as many D/I letters as amounts owned: the amount is a row's amount owned
    ("134,682 D", "\n\nD", ["B-owned", "O"]),
    # a price after the letter: not the amount's cell alone
    ("134,682 D $ 12", "", ["B-owned", "O"]),
])
def test_repair_reads_an_amount_owned_before_an_untagged_ad_letter_as_a_rows_amount(line, holding, tags):
    crf = {"Class": "B-title", "A": "I-title", "Common": "I-title", "Stock": "I-title", "S": "B-code",
           "(1)": "B-fn_mark", "11/20/2017": "B-tx_date", "134,682": "B-owned", "26,123": "B-shares",
           "178.8256": "B-price", "179.3099": "B-price", "79,725": "B-owned", "53,602": "B-owned", "I": "B-di",
           "D": "B-di"}
    def tagged(tokens):     # the D below 26,123 is its A/D letter; the letters after 134,682 the CRF left O
        return ["B-ad" if t.text == "D" and t.line == 16 else "O" if t.line == 8 and k and tokens[k - 1].line == 8
                else crf.get(t.text, "O") for k, t in enumerate(tokens)]
    tokens, got = _repaired(amount_repairs.repair_owned_before_ad_letters,
                            OWNED_BEFORE_LETTER.format(line=line, holding=holding), tagged, "table1")
    first = next(k for k, t in enumerate(tokens) if t.line == 8)
    assert got[first:first + 2] == tags


# Cut down from pdfminer of a real filing's Table I (a grant, a trust's holding): the
# holding's title and amount printed at the table's end, its letters and nature apart
UNTAGGED_HOLDING = "Common Stock\n\n09/10/2025\n\nA\n\n125 (1)\n\nA\n\n$ 0 78,630\n\n{title}\n\n{amount}{after}"


@pytest.mark.parametrize("title, amount, after, tags", [
    ("Common Stock", "3,622", "\n\nReminder: Report on a separate line", ["B-title", "I-title", "B-owned"]),
    ("Common Stock", "11,814 (6)", "", ["B-title", "I-title", "B-owned", "B-fn_mark"]),
    # more of the table follows and no D/I letter lacks its amount: not a holding's
    ("Common Stock", "3,622", "\n\nCommon Stock", ["O", "O", "O"]),
    # no security named
    ("Price", "3,622", "", ["O", "O"]),
])
def test_repair_reads_an_untagged_title_and_amount_ending_table_one_as_a_holding(title, amount, after, tags):
    crf = {"Common": "B-title", "Stock": "I-title", "09/10/2025": "B-tx_date", "125": "B-shares", "(1)": "B-fn_mark",
           "0": "B-price", "78,630": "B-owned"}
    text = UNTAGGED_HOLDING.format(title=title, amount=amount, after=after)
    def tagged(tokens):     # the code and A/D letter read, the holding's lines and the lines after left O
        return ["B-code" if t.line == 4 else "B-ad" if t.line == 8 else "O" if t.line >= 12 else crf.get(t.text, "O")
                for t in tokens]
    zones = ["table1"] * 16 + ["boilerplate"] if "Reminder" in after else ["table1"] * 17
    tokens = tokenize(text)
    got = tagged(tokens)
    confidences = [None if t == "O" else 0.9 for t in got]
    amount_repairs.repair_untagged_holdings(tokens, got, confidences, zones)
    assert [tag for t, tag in zip(tokens, got) if t.line in (12, 14)] == tags


# Cut down from pdfplumber of a real filing's Table I (a grant and a tax withholding): the
# grant's title and date lost, its line opening with its code and mark, left O with its amount
@pytest.mark.parametrize("line, tags", [
    ("A (1) 20,386 A $ 0", ["B-code", "B-fn_mark", "B-shares", "B-ad", "O", "B-price"]),
    ("20,386 A $ 0", ["B-shares", "B-ad", "O", "B-price"]),
    # a tagged value before the amount: the amount is another column's
    ("09/02/2025 A 20,386 A $ 0", ["B-tx_date", "O", "O", "B-ad", "O", "B-price"]),
])
def test_repair_reads_an_untagged_amount_and_code_before_an_ad_letter_on_a_rows_line(line, tags):
    text = line + "\nCommon Stock 09/02/2025 F 10,405.23 D $ 506.69 144,868.625 D"
    crf = {"Common": "B-title", "Stock": "I-title", "F": "B-code", "10,405.23": "B-shares", "D": "B-ad",
           "506.69": "B-price", "0": "B-price", "144,868.625": "B-owned"}
    def tagged(tokens):     # the CRF read the A/D letter after the amount, and the date on the first line
        return ["B-ad" if k and tokens[k - 1].text == "20,386" else "B-tx_date" if t.text == "09/02/2025" and t.line == 0
                else "O" if t.line == 0 and t.text == "A" else crf.get(t.text, "O") for k, t in enumerate(tokens)]
    tokens, got = _repaired(amount_repairs.repair_amounts_before_letters, text, tagged, "table1")
    assert [tag for t, tag in zip(tokens, got) if t.line == 0] == tags


# Cut down from pdfplumber of a real filing's Table II (two grants of dividend-equivalent
# units): the first grant's title and date lost, its line opening with its code and amount
@pytest.mark.parametrize("line, tags", [
    ("A 187.361 (2) (2) Common Stock 187.361", ["B-code", "B-shares", "B-fn_mark", "B-fn_mark"]),
    # no code letter first: the values are another layout's
    ("Units 187.361 (2) (2) Common Stock 187.361", ["O", "O", "O", "O"]),
])
def test_repair_reads_an_untitled_derivative_lines_code_and_amount(line, tags):
    text = line + "\nRestricted Stock Units (1) 09/11/2025 A 26.821 (3) Common Stock 26.821 $ 0 16,217.251 D"
    crf = ["O"] * 4 + ["B-und_title", "I-und_title", "B-und_shares", "B-title", "I-title", "I-title", "B-fn_mark",
                       "B-tx_date", "B-code", "B-shares", "B-fn_mark", "B-und_title", "I-und_title", "B-und_shares",
                       "O", "B-price", "B-owned", "B-di"]
    tokens, got = _repaired(amount_repairs.repair_untitled_derivative_lines, text, lambda tokens: crf, "table2")
    assert got[:4] == tags


# Cut down from plain pdftotext of a real filing's Table I (AbbVie, a purchase and a
# profit-sharing trust's holding): the rows' D/I letters printed as a column after the
# amounts owned, the CRF reading the first as an A/D letter
@pytest.mark.parametrize("letters, before, tag", [
    ("D\n\nI", "B-owned", "B-di"),
    # an A/D letter's D above an I: no column of D/I letters
    ("D\n\nD", "B-owned", "B-ad"),
    # right after an amount of shares: its own A/D letter
    ("D\n\nI", "B-shares", "B-ad"),
])
def test_repair_reads_an_ad_letter_above_an_i_as_an_ownership_letter(letters, before, tag):
    text = f"30,000 A\n\n67.2795 75,763\n\n2,276\n\n{letters}\n\nProfit sharing trust"
    def tagged(tokens):
        tags = {"30,000": "B-shares", "A": "B-ad", "67.2795": "B-price", "75,763": "B-owned", "2,276": before,
                "Profit": "B-nature", "sharing": "I-nature", "trust": "I-nature"}
        return [tags.get(t.text, "B-ad" if t.line == 6 else "B-di" if t.line == 8 else "O") for t in tokens]
    tokens, got = _repaired(letter_repairs.repair_letter_columns, text, tagged, "table1")
    assert got[[t.line for t in tokens].index(6)] == tag


# Cut down from pdfminer of a real filing's Table II (two awards of units): the second
# row's amount printed apart from its cells, the CRF reading it as the price or as the
# underlying amount
@pytest.mark.parametrize("first, crf_first, crf_second, expected", [
    ("28.593 (3)", "B-price", "B-und_shares", ["B-shares", "B-und_shares"]),
    ("28.593 (3)", "B-und_shares", "O", ["B-shares", "B-und_shares"]),
    # the price's own number: two like prices stay
    ("28.593 (3)", "B-price", "B-price", ["B-price", "B-price"]),
    # right after an underlying title: a holding's underlying amount, its amount owned alike
    ("Common Stock 28.593", "B-und_shares", "O", ["B-und_shares", "O"]),
])
def test_repair_reads_the_first_of_two_like_derivative_numbers_as_the_rows_amount(first, crf_first, crf_second,
                                                                                  expected):
    text = ("A\n\nA\n\n267.809\n\nCommon Stock\n\n267.809\n\n$ 0\n\n" + first
            + "\n\nCommon\n\n28.593\n\n$ 0")
    crf = {(0, "A"): "B-code", (2, "A"): "B-code", (4, "267.809"): "B-shares", (6, "Common"): "B-und_title",
           (6, "Stock"): "I-und_title", (8, "267.809"): "B-und_shares", (10, "0"): "B-price",
           (12, "28.593"): crf_first, (12, "(3)"): "B-fn_mark", (12, "Common"): "B-und_title",
           (12, "Stock"): "I-und_title", (14, "Common"): "B-und_title", (16, "28.593"): crf_second,
           (18, "0"): "B-price"}
    tokens, got = _repaired(amount_repairs.repair_derivative_amounts_read_twice, text,
                            lambda tokens: [crf.get((t.line, t.text), "O") for t in tokens], "table2")
    assert [tag for t, tag in zip(tokens, got) if t.text == "28.593"] == expected


# Cut down from pdfminer of a real filing's Table I (an award and the shares withheld for
# its tax): each amount with its A/D letter, the price and amount owned below, then the
# two rows' D/I letters, the CRF reading the first as an A/D letter
@pytest.mark.parametrize("second_row, tag", [
    ("24,992.231 D", "B-di"),
    # plain pdftotext: the row's A/D letter printed after its amount owned, the first
    # row's D/I letter read as an A/D letter
    ("D\n\n24,992.231", "B-ad"),
])
def test_repair_reads_the_first_of_two_ds_after_an_amount_owned_as_an_ownership_letter(second_row, tag):
    text = f"47,877 (1) A $ 0\n\n498,937.9943\n\n{second_row}\n\n$\n506.69\n\n473,945.7633\n\nD\n\nD"
    crf = {"47,877": "B-shares", "(1)": "B-fn_mark", "A": "B-ad", "0": "B-price", "498,937.9943": "B-owned",
           "24,992.231": "B-shares", "506.69": "B-price", "473,945.7633": "B-owned", "D": "B-ad"}
    tokens = tokenize(text)
    tags = [crf.get(t.text, "O") for t in tokens]
    tags[-1] = "B-di"
    letter_repairs.repair_second_d_letters(tokens, tags, ["table1"] * (tokens[-1].line + 1))
    assert tags[-2:] == [tag, "B-di"]


# Cut down from pdfminer of a real filing's Table I (a holder's conversion and sales, all
# held indirectly): the ownership column printed after the rows' other cells, the CRF
# reading its first letter
@pytest.mark.parametrize("titles, read, zone, tags", [
    (3, 0, "table1", ["B-di", "B-di", "B-di"]),
    # as many letters read as titles: the lines are something else
    (1, 0, "table1", ["B-di", "O", "O"]),
    # (pdfminer's Table II) the CRF reading the last letter: the one above it too
    (2, 2, "table2", ["O", "B-di", "B-di"]),
])
def test_repair_reads_a_run_of_ownership_letters_beside_the_one_read(titles, read, zone, tags):
    text = "Class A Common Stock\n\n" * titles + "14,657\n\nI\n\nI\n\nI\n\nBy The Founders Fund"
    crf = {"Class": "B-title", "A": "I-title", "Common": "I-title", "Stock": "I-title", "14,657": "B-owned"}
    def tagged(tokens):
        letter = [t.line for t in tokens if t.text == "I"][read]
        return ["B-di" if t.text == "I" and t.line == letter else crf.get(t.text, "O") for t in tokens]
    tokens, got = _repaired(letter_repairs.repair_letter_runs, text, tagged, zone)
    assert [tag for t, tag in zip(tokens, got) if t.text == "I"] == tags


# Cut down from pdfminer of a real filing's Table I (a gift, and three holdings by family
# members): the ownership column printed after the amounts owned, the CRF reading none of
# it or its first letter as an A/D letter
@pytest.mark.parametrize("letters, first_tag, titles, tags", [
    ("DIII", "O", 4, ["B-di"] * 4),
    ("DIII", "B-ad", 4, ["B-di"] * 4),
    # as many letters wanted as titles lack: the rest stay as they were
    ("DIII", "O", 2, ["B-di", "B-di", "O", "O"]),
    # a column of D alone may be the A/D letters
    ("DDD", "O", 3, ["O"] * 3),
    # a letter alone is no column
    ("I", "O", 4, ["O"]),
])
def test_repair_reads_a_column_of_ownership_letters(letters, first_tag, titles, tags):
    text = "Common Stock\n\n" * titles + "377,892\n\n450 (1)\n\n" + "".join(f"{c}\n\n" for c in letters) + "By Spouse"
    crf = {"Common": "B-title", "Stock": "I-title", "377,892": "B-owned", "450": "B-owned", "(1)": "B-fn_mark",
           "By": "B-nature", "Spouse": "I-nature"}
    first = len(text.split("\n")) - 1 - 2 * len(letters)
    tokens, got = _repaired(letter_repairs.repair_ownership_letter_columns, text,
                            lambda tokens: [first_tag if t.line == first else crf.get(t.text, "O") for t in tokens],
                            "table1")
    assert [tag for t, tag in zip(tokens, got) if t.text in ("D", "I")] == tags


# Cut down from pdfminer of a real filing (a holder's conversion and sales): Table I's
# ownership column printed after Table II's row, the CRF reading none of it
@pytest.mark.parametrize("letters, first_read, tags", [
    ("II", False, ["B-di", "B-di"]),
    # the CRF read the column's first letter (AbbVie's ``D`` / ``D`` / ``D`` / ``D`` / ``I``)
    ("II", True, ["B-di", "B-di"]),
    # more letters than Table I's rows lack: not Table I's
    ("III", False, ["O", "O", "O"]),
    ("III", True, ["B-di", "O", "O"]),
])
def test_repair_reads_table_ones_ownership_letters_printed_in_table_two(letters, first_read, tags):
    table1 = "Class A Common Stock\n\n83,334\n\nClass A Common Stock\n\n31,283\n\n"
    table2 = ("Class B Common Stock\n\n17,323,239\n\nI\n\nSee footnote\n\n" + "".join(f"{c}\n\n" for c in letters)
              + "See footnote")
    tokens = tokenize(table1 + table2)
    crf = {"Class": "B-title", "A": "I-title", "B": "I-title", "Common": "I-title", "Stock": "I-title",
           "83,334": "B-shares", "31,283": "B-shares", "17,323,239": "B-owned"}
    split = (table1 + table2).count("\n", 0, len(table1))
    read = {split + 4, split + 8} if first_read else {split + 4}
    tags_in = [crf.get(t.text, "B-di" if t.text == "I" and t.line in read else "O") for t in tokens]
    zones = ["table1"] * split + ["table2"] * (len((table1 + table2).split("\n")) - split)
    letter_repairs.repair_ownership_letter_columns(tokens, tags_in, [0.9] * len(tokens), zones)
    assert [tag for t, tag in zip(tokens, tags_in) if t.text == "I" and t.line > split + 6] == tags


# Cut down from pdfminer of a real filing's Table I (a holder's sales at many prices): a
# page of rows printed wholly a column at a time, the CRF reading the amounts as amounts
# owned and the prices as amounts
SHARES = ("19,414", "28,441", "33,321")
PRICES = ("1,035.029", "1,036.064", "1,037.119")
OWNED = ("1,595,807", "1,565,159", "1,541,144")


def _column_dump(rows=3, prices=3, owned_first=False, holding=False, ownership=True):
    """A page of ``rows`` sales (and a holding) as pdfminer prints it, column by column
    (its D/I letters last, where ``ownership``)."""
    column = lambda cells: "".join(f"{cell}\n\n" for cell in cells)
    head = column(["Common Stock\n\n12/16/2021"] * rows) + column(["Common Stock"] * holding)
    codes, letters = column(["S (1)"] * rows), column(["D"] * rows)
    shares = column(f"{a} D" for a in SHARES[:rows])
    right = column(f"$\n{p}" for p in PRICES[:prices]) + column(OWNED[:rows] + ("8,000",) * holding)
    if owned_first:     # the amounts apart from their letters, after the prices and amounts owned
        return head + right + column(SHARES[:rows]) + letters + codes + letters + column("I" * holding)
    return head + codes + shares + right + (letters + column("I" * holding)) * ownership


DUMP_ROWS = [("Common", "B-title"), ("12/16/2021", "B-tx_date"), ("S", "B-code"), ("(1)", "B-fn_mark"),
             ("19,414", "B-shares"), ("D", "B-ad"), ("1,035.029", "B-price"), ("1,595,807", "B-owned")]


@pytest.mark.parametrize("text, read", [
    (_column_dump(), True),
    (_column_dump(owned_first=True), True),
    # a holding's title, amount owned and letter printed last in their columns
    (_column_dump(holding=True), True),
    (_column_dump(owned_first=True, holding=True), True),
    # a row without a price
    (_column_dump(prices=2), True),
    # a page printing its D/I letters elsewhere
    (_column_dump(ownership=False), True),
    # an amount more than the columns hold: no column dump
    (_column_dump() + "9,999", False),
    # titles that are no capitalised words, the CRF reading them
    (_column_dump().replace("Common Stock", "Common shares without par value"), True),
    # two rows, each column whole and together
    (_column_dump(rows=2, prices=2), True),
    # two rows whose cells stand in a mix that counts alike (plain pdftotext): left
    ("Common Stock\n\n12/16/2021\n\n" * 2 + "S (1)\n\nS (1)\n\n19,414 D\n\n$\n1,035.029\n\n28,441 D\n\n"
     "$\n1,036.064\n\n1,595,807\n\n1,565,159\n\nD\n\nD", False),
    # two rows, one without a price: left
    (_column_dump(rows=2, prices=1), False),
])
def test_repair_reads_a_table_printed_a_column_at_a_time(text, read):
    crf = {"Common": "B-title", "Stock": "I-title", "19,414": "B-owned", "1,035.029": "B-owned", "(1)": "B-fn_mark",
           **dict.fromkeys(("shares", "without", "par", "value"), "I-title")}
    tokens, got = _repaired(column_repairs.repair_column_dumps, text, by_text(crf),
                            "table1")
    first, last = {}, {}
    for t, tag in zip(tokens, got):
        first.setdefault(t.text, tag)
        last[t.text] = tag
    wanted = DUMP_ROWS if read else [("Common", "B-title"), ("12/16/2021", "O"), ("19,414", "B-owned")]
    assert [(text, first[text]) for text, _ in wanted] == wanted
    # the last line of the ownership column (where printed) and of the amounts owned
    end = text.split()[-1]
    assert not read or end not in ("D", "I") or last[end] == "B-di"
    assert not read or last[next(a for a in ("8,000",) + OWNED[::-1] if a in last)] == "B-owned"


# Cut down from pdfminer's text of real filings' Table I: two transactions' left-hand
# cells printed a column at a time, their right-hand cells row by row
@pytest.mark.parametrize("right, tags", [
    ("A\n\nA\n\n138,334\n\nA\n\n$ 0\n\n138,334\n\n55,045\n\nA\n\n$ 1.09\n\n193,379",
     {"138,334": "B-shares", "0": "B-price", "55,045": "B-shares", "1.09": "B-price", "193,379": "B-owned"}),
    # the first row without a price, the codes and D/I letters after the rows
    ("5,916\n\n14,206\n\n2,345 D\n\n$ 284.43\n\n11,861\n\nM\n\nF\n\nD\n\nD",
     {"5,916": "B-shares", "14,206": "B-owned", "2,345": "B-shares", "284.43": "B-price", "11,861": "B-owned",
      "M": "B-code", "F": "B-code"}),
])
def test_repair_reads_a_two_row_dump_whose_right_hand_cells_run_by_rows(right, tags):
    text = "Common Stock\n\nCommon Stock\n\n04/15/2020\n\n04/15/2020\n\n" + right
    crf = {"Common": "B-title", "Stock": "I-title"}
    tokens, got = _repaired(column_repairs.repair_column_dumps, text, by_text(crf),
                            "table1")
    read = {}
    for t, tag in zip(tokens, got):
        read.setdefault(t.text, tag)
    assert {text: read[text] for text in tags} == tags
    assert [tag for t, tag in zip(tokens, got) if t.text == "04/15/2020"] == ["B-tx_date"] * 2


# Cut down from pdfminer's text of real filings' Table I (column dumps): a D/I letter more
# below the block's, a holding's printed after the block
@pytest.mark.parametrize("extra", ["I", "D"])
def test_repair_reads_a_column_dump_with_a_letter_more_below(extra):
    crf = {"Common": "B-title", "Stock": "I-title"}
    text = _column_dump() + f"{extra}\n\n"
    tokens, got = _repaired(column_repairs.repair_column_dumps, text, by_text(crf),
                            "table1")
    per_line = Counter(t.line for t in tokens)
    assert [tag for t, tag in zip(tokens, got) if t.text in ("D", "I") and per_line[t.line] == 1] == \
        ["B-di"] * 3 + ["O"]
    assert [got[k] for k, t in enumerate(tokens) if t.text in SHARES] == ["B-shares"] * 3


# Cut down from pdfminer's text of a real filing's Table I (a column dump): the second row's
# amount, A/D letter, price and amount owned printed whole on one line
@pytest.mark.parametrize("dollar", ["$ ", ""])
def test_repair_reads_a_column_dump_with_a_row_printed_whole(dollar):
    text = ("Common Stock\n\n12/16/2021\n\n" * 3 + "S (1)\n\n" * 3 + "19,414 A\n\n$\n1,035.029\n\n1,595,807\n\n"
            f"28,441 D {dollar}1,036.064 1,565,159\n\n33,321\n\nD\n\n$\n1,037.119\n\n1,541,144\n\n" + "D\n\n" * 3)
    crf = {"Common": "B-title", "Stock": "I-title"}
    tokens, got = _repaired(column_repairs.repair_column_dumps, text, by_text(crf),
                            "table1")
    row = next(t.line for t in tokens if t.text == "28,441")
    tags = {t.text: tag for t, tag in zip(tokens, got) if t.line == row}
    assert tags == {"28,441": "B-shares", "D": "B-ad", "1,036.064": "B-price", "1,565,159": "B-owned",
                    **({"$": "O"} if dollar else {})}


# Cut down from pdfminer's text of real filings' Table I (column dumps): a row's price and
# amount owned printed on one line, ``$ 0 12,206``
@pytest.mark.parametrize("whole_rows", [1, 3])
def test_repair_reads_a_column_dump_with_price_and_owned_on_one_line(whole_rows):
    right = [f"$ {p.replace(',', '')} {o}" for p, o in zip(PRICES, OWNED)][:whole_rows]
    right += [f"$\n{p}\n\n{o}" for p, o in zip(PRICES, OWNED)][whole_rows:]
    text = ("Common Stock\n\n12/16/2021\n\n" * 3 + "S (1)\n\n" * 3 + "".join(f"{a} D\n\n" for a in SHARES)
            + "\n\n".join(right) + "\n\n" + "D\n\n" * 3)
    crf = {"Common": "B-title", "Stock": "I-title"}
    tokens, got = _repaired(column_repairs.repair_column_dumps, text, by_text(crf),
                            "table1")
    tags = {t.text: tag for t, tag in zip(tokens, got)}
    assert [tags[p.replace(",", "")] if k < whole_rows else tags[p] for k, p in enumerate(PRICES)] == ["B-price"] * 3
    assert [tags[o] for o in OWNED] == ["B-owned"] * 3


# Cut down from pdfminer's text of a real filing's long Table I (a column dump): the last
# row's ``$`` printed after its amount and letter, its amount owned before its price
@pytest.mark.parametrize("owned_first", [True, False])
def test_repair_reads_a_column_dump_whose_last_row_ends_in_a_dollar(owned_first):
    right = [f"$\n{p}" for p in PRICES[:2]] + list(OWNED[:2])
    last = [OWNED[2], PRICES[2]] if owned_first else [PRICES[2], OWNED[2]]
    text = ("Common Stock\n\n12/16/2021\n\n" * 3 + "S (1)\n\n" * 3 + "".join(f"{a} D\n\n" for a in SHARES[:2])
            + "\n\n".join(right) + f"\n\n{SHARES[2]} D $\n\n" + "\n\n".join(last) + "\n\n" + "D\n\n" * 3)
    crf = {"Common": "B-title", "Stock": "I-title"}
    tokens, got = _repaired(column_repairs.repair_column_dumps, text, by_text(crf),
                            "table1")
    tags = {t.text: tag for t, tag in zip(tokens, got)}
    assert [tags[p] for p in PRICES] == ["B-price"] * 3
    assert [tags[o] for o in OWNED] == ["B-owned"] * 3


# Cut down from pdfminer's text of a real filing's Table I: a transaction's opening cells,
# then its holdings' titles, then every row's amount owned and D/I letter
def _opening_then_holdings(holdings):
    return ("Common Stock\n\n02/01/2020\n\nM\n\n1,429 A\n\n" + "Common Stock\n\n" * holdings
            + "13,009\n\n" + "100\n\n" * holdings + "D\n\n" + "I\n\n" * holdings)


@pytest.mark.parametrize("holdings, read", [
    (4, True),
    (3, True),
    (1, False),     # two rows: too short a block to read by columns where its cells stand apart
])
def test_repair_reads_a_transactions_opening_cells_and_its_holdings_as_one_column_dump(holdings, read):
    text = _opening_then_holdings(holdings)
    crf = {"Common": "B-title", "Stock": "I-title", "02/01/2020": "B-tx_date", "M": "B-code"}
    tokens, got = _repaired(column_repairs.repair_column_dumps, text, by_text(crf),
                            "table1")
    lone = [(t.text, tag) for k, (t, tag) in enumerate(zip(tokens, got)) if t.text in ("13,009", "100", "D", "I")]
    wanted = ([("13,009", "B-owned")] + [("100", "B-owned")] * holdings + [("D", "B-di")] + [("I", "B-di")] * holdings)
    assert (lone == wanted) == read


# Cut down from plain pdftotext of a real filing's Table I (a column dump): a row's ``$``
# alone on its line, its amount owned printed before its price
@pytest.mark.parametrize("between, price", [
    ("4,780\n\n12.64", "12.64"),       # the amount with decimals is the price
    ("12.64\n\n4,780", "12.64"),
    ("2,500\n\n4,780", "2,500"),       # neither has decimals: the first
])
def test_repair_reads_a_lone_dollars_price_among_the_next_two_amounts(between, price):
    text = ("Common Stock\n\n12/16/2021\n\n" * 3 + "S (1)\n\n" * 3 + "".join(f"{a} D\n\n" for a in SHARES)
            + "".join(f"$\n{p}\n\n{o}\n\n" for p, o in zip(PRICES[:2], OWNED[:2])) + f"$\n{between}\n\n"
            + "D\n\n" * 3)
    crf = {"Common": "B-title", "Stock": "I-title"}
    tokens, got = _repaired(column_repairs.repair_column_dumps, text, by_text(crf),
                            "table1")
    tags = {t.text: tag for t, tag in zip(tokens, got)}
    owned = next(a for a in between.split() if a != price)
    assert (tags[price], tags[owned]) == ("B-price", "B-owned")


# Cut down from pdfminer's text of a real filing's Table I: a block of holdings printed a
# column at a time (titles, amounts owned, D/I letters, natures), the CRF reading the last
# of each column only
HOLDINGS_DUMP = [("Class A Common Stock", "O")] * 2 + [("Class A Common Stock", "title"), ("1,862", "O"), ("77", "O"),
                 ("{last}", "owned"), ("I", "O"), ("I", "O"), ("I", "di"), ("Sequoia Capital Fund IV, L.P.", "nature"),
                 ("By estate planning vehicle", "nature"), ("Sequoia Capital Fund XV, L.P.", "nature")]


@pytest.mark.parametrize("last, read", [
    ("684,741", True),
    # fewer amounts than titles: no column dump
    ("(3)", False),
])
def test_repair_reads_holdings_printed_a_column_at_a_time(last, read):
    cells = [(text.format(last=last), "fn_mark" if text == "{last}" and last == "(3)" else label)
             for text, label in HOLDINGS_DUMP]
    tokens, tags = _tagged_lines([cell for pair in zip(cells, [("", "O")] * len(cells)) for cell in pair])
    column_repairs.repair_column_dumps(tokens, tags, [0.9] * len(tokens), ["table1"] * (2 * len(cells)))
    firsts = [tag for k, (t, tag) in enumerate(zip(tokens, tags)) if k == 0 or tokens[k - 1].line != t.line]
    assert firsts[:9] == (["B-title"] * 3 + ["B-owned"] * 3 + ["B-di"] * 3 if read
                          else ["O", "O", "B-title", "O", "O", "B-fn_mark", "O", "O", "B-di"])


# Cut down from pdfminer of a real filing's Table I (a holder's sales at many prices): the
# titles printed as a column, the CRF reading one of them
@pytest.mark.parametrize("titles, read, prices, tags", [
    (3, 1, 3, ["B-title"] * 3),
    # as many titles wanted as the most of another row cell: the rest stay as they were
    (3, 1, 2, ["B-title", "B-title", "O"]),
    # none read: no column of titles to go by
    (3, None, 3, ["O"] * 3),
    # two lines are as often a row's title and a holding's
    (2, 0, 3, ["B-title", "O"]),
])
def test_repair_reads_a_column_of_titles(titles, read, prices, tags):
    text = "Common Stock\n\n" * titles + "".join(f"$ 1{n}.50\n\n" for n in range(prices)) + "D"
    def tagged(tokens):
        lines = sorted({t.line for t in tokens if t.text == "Common"})
        title = {lines[read]} if read is not None else set()
        return [("B-title" if t.text == "Common" else "I-title") if t.line in title
                else "B-price" if t.text.endswith(".50") else "O" for t in tokens]
    tokens, got = _repaired(title_repairs.repair_title_columns, text, tagged, "table1")
    assert [tag for t, tag in zip(tokens, got) if t.text == "Common"] == tags
    assert all(tag == "I-title" for t, tag, first in zip(tokens, got, [""] + got)
               if t.text == "Stock" and first == "B-title")


# Cut down from pdfminer of a real filing's Table I (a grant and eight sales): the code
# column printed apart from the rows' other cells, the CRF reading none of it
@pytest.mark.parametrize("codes, titles, tags", [
    (["F", "S (1)", "S (1)"], 3, ["B-code"] * 3),
    # as many codes wanted as titles lack: the rest stay as they were
    (["F", "S (1)", "S (1)"], 2, ["B-code", "B-code", "O"]),
    # A and D read as the letters of other columns: the column is the letters after them
    (["A", "S", "S"], 3, ["O", "B-code", "B-code"]),
    # a code alone is no column
    (["S (1)"], 3, ["O"]),
])
def test_repair_reads_a_column_of_codes(codes, titles, tags):
    text = "Common Stock\n\n02/28/2020\n\n" * titles + "".join(f"{c}\n\n" for c in codes) + "7,736 D"
    crf = {"Common": "B-title", "Stock": "I-title", "02/28/2020": "B-tx_date", "7,736": "B-shares", "D": "B-ad"}
    tokens, got = _repaired(letter_repairs.repair_code_columns, text, by_text(crf),
                            "table1")
    assert [tag for t, tag in zip(tokens, got) if t.text in ("A", "F", "S")] == tags
    coded = {t.line for t, tag in zip(tokens, got) if tag == "B-code"}
    assert all(tag == "B-fn_mark" for t, tag in zip(tokens, got) if t.text == "(1)" and t.line in coded)


# Cut down from pdfminer of a real filing's Table I (two gifts): the rows' amounts, then
# their A/D letters as a column, the CRF reading the second as a D/I letter
@pytest.mark.parametrize("above, tags", [
    ("B-shares", ["B-ad", "B-ad"]),
    # below an amount owned the letters are another column's
    ("B-owned", ["B-ad", "B-di"]),
])
def test_repair_reads_a_column_of_ad_letters_below_the_amounts(above, tags):
    text = "Common Stock\n\nCommon Stock\n\n665\n\n66\n\nD\n\nD\n\n$ 0 5,767"
    crf = {"Common": "B-title", "Stock": "I-title", "665": "B-shares", "66": above, "0": "B-price",
           "5,767": "B-owned"}
    def tagged(tokens):
        letters = [i for i, t in enumerate(tokens) if t.text == "D"]
        return ["B-ad" if i == letters[0] else "B-di" if i == letters[1] else crf.get(t.text, "O")
                for i, t in enumerate(tokens)]
    tokens, got = _repaired(letter_repairs.repair_ad_letter_columns, text, tagged, "table1")
    assert [tag for t, tag in zip(tokens, got) if t.text == "D"] == tags


# Cut down from plain pdftotext of real filings' Table I (dividend reinvestments, grants;
# a long sale's second page): the rows' titles, dates and codes, then their amounts as a
# column with their marks, under column 4's sub-heading, right after the last code or
# right after the last date (a page's rows printed without their codes), the CRF reading
# the second as an amount owned (or leaving it untagged)
@pytest.mark.parametrize("heading, rows, read, tags", [
    ("Amount\n\n", 2, ("B-shares", "B-owned"), ["B-shares", "B-shares"]),
    ("Common Stock\n\n10/01/2025\n\n", 2, ("O", "O"), ["B-shares", "B-shares"]),
    # the date left untagged too
    ("Common Stock\n\n10/02/2025\n\n", 2, ("O", "B-owned"), ["B-shares", "B-shares"]),
    ("Amount\n\n", 2, ("B-shares", "O"), ["B-shares", "B-shares"]),
    ("", 2, ("B-shares", "B-owned"), ["B-shares", "B-shares"]),
    # none of them read: they take the code's confidence
    ("", 2, ("O", "O"), ["B-shares", "B-shares"]),
    # neither the sub-heading nor a code right above them: left as the CRF read them
    ("Price\n\n", 2, ("B-shares", "B-owned"), ["B-shares", "B-owned"]),
    # one row: its amount of shares and its amount owned
    ("", 1, ("B-shares", "B-owned"), ["B-shares", "B-owned"]),
])
def test_repair_reads_a_column_of_amounts_below_the_codes_as_shares(heading, rows, read, tags):
    text = "Common Stock\n\n10/01/2025\n\nA\n\n" * rows + f"{heading}12.5934\n(1)\n\n334.7651\n(1)\n\n(A)\nor\n(D)"
    crf = {"Common": "B-title", "Stock": "I-title", "10/01/2025": "B-tx_date", "A": "B-code",
           "12.5934": read[0], "334.7651": read[1], "(1)": "B-fn_mark"}
    last = len(text.split("\n")) - 3
    tokens, got = _repaired(amount_repairs.repair_amount_columns, text,
                            lambda tokens: [crf.get(t.text, "O") if t.line < last else "O" for t in tokens], "table1")
    assert [tag for t, tag in zip(tokens, got) if t.text in ("12.5934", "334.7651")] == tags


# Cut down from plain pdftotext of a real filing's one-row Table I (a grant): the row's
# cells scattered among the headings, its amount alone under column 4's sub-heading, read
# as an amount owned, the amount owned below column 5's heading
@pytest.mark.parametrize("heading, tag", [
    ("Amount", "B-shares"),
    # under no sub-heading of column 4: left as the CRF read it
    ("Price", "B-owned"),
])
def test_repair_reads_a_lone_amount_below_the_amount_sub_heading_as_shares(heading, tag):
    text = f"Common Stock\n02/21/2020\n\nA\n\n$0\n\n{heading}\n\n18,855\n\nA\n\n(1)\n\n75,801\n\nD"
    crf = {"Common": "B-title", "Stock": "I-title", "02/21/2020": "B-tx_date", "$": "B-price", "0": "I-price",
           "18,855": "B-owned", "(1)": "B-fn_mark", "75,801": "B-owned", "D": "B-di"}
    def tagged(tokens):
        letters = [i for i, t in enumerate(tokens) if t.text == "A"]
        return ["B-ad" if i == letters[0] else "B-code" if i == letters[1] else crf.get(t.text, "O")
                for i, t in enumerate(tokens)]
    tokens, got = _repaired(amount_repairs.repair_amount_columns, text, tagged, "table1")
    assert [label for t, label in zip(tokens, got) if t.text in ("18,855", "75,801")] == [tag, "B-owned"]


def _letters_repaired(repair, text, crf):
    """``repair`` run on Table I ``text``, a token tagged ``crf[k]`` for its k-th
    occurrence of the texts in ``crf``, the rest ``O``: the tags of those tokens."""
    tokens = tokenize(text)
    seen, tags = {}, []
    for t in tokens:
        k = seen[t.text] = seen.get(t.text, -1) + 1
        tags.append(crf[t.text][k] if t.text in crf else "O")
    repair(tokens, tags, ["table1"] * len(text.split("\n")))
    return [tag for t, tag in zip(tokens, tags) if t.text in crf]


# Cut down from plain pdftotext of a real filing's long Table I (Tesla): the first row's
# amount and ``A`` read as an amount owned and its D/I letter.
@pytest.mark.parametrize("text, crf, expected", [
    ("2,152,681 A", {"2,152,681": ["B-owned"], "A": ["B-di"]}, ["B-shares", "B-ad"]),
    ("2,152,681 (3) A", {"2,152,681": ["B-owned"], "A": ["B-di"]}, ["B-shares", "B-ad"]),
    # an amount owned on the line above is another cell's
    ("2,152,681\n\nA", {"2,152,681": ["B-owned"], "A": ["B-di"]}, ["B-owned", "B-ad"]),
    ("2,152,681 D", {"2,152,681": ["B-owned"], "D": ["B-di"]}, ["B-owned", "B-di"]),
])
def test_repair_reads_an_a_read_as_an_ownership_letter_as_an_ad_letter(text, crf, expected):
    assert _letters_repaired(letter_repairs.repair_a_ownership_letters, text, crf) == expected


OWNED_PAIRS = "2,148,681\n\nD\n\n2,143,481\n\nD\n\n2,137,981\n\nD"


@pytest.mark.parametrize("text, crf, expected", [
    (OWNED_PAIRS, {"2,148,681": ["B-owned"], "2,143,481": ["B-owned"], "D": ["B-di", "B-di", "B-ad"],
                   "2,137,981": ["B-shares"]},
     ["B-owned", "B-di", "B-owned", "B-di", "B-owned", "B-di"]),
    # below a row's amount and A/D letter, the pair is the next row's
    (OWNED_PAIRS, {"2,148,681": ["B-shares"], "2,143,481": ["B-owned"], "D": ["B-ad", "B-di", "B-ad"],
                   "2,137,981": ["B-shares"]},
     ["B-shares", "B-ad", "B-owned", "B-di", "B-shares", "B-ad"]),
    # a row's cells a line each: after the row above's amount owned come the next row's
    # amount and A/D letter
    (OWNED_PAIRS.replace("2,148,681\n\nD", "$ 24.73", 1), {"24.73": ["B-price"], "2,143,481": ["B-owned"],
                                                             "D": ["B-di", "B-ad"], "2,137,981": ["B-shares"]},
     ["B-price", "B-owned", "B-di", "B-shares", "B-ad"]),
])
def test_repair_reads_a_pair_in_a_column_of_amounts_owned_as_one(text, crf, expected):
    assert _letters_repaired(amount_repairs.repair_owned_pairs, text, crf) == expected


# Cut down from real filings' Table II: EDGAR ASCII wrapping a title in its cell, and
# pdftotext -layout centring a tall title on its row; the CRF began a second title on
# the title's next line.
ASCII_TITLE = ("Stock Option  |$ 4.32      |2020-07-07  |M  |1261   |Common     |\n"
               "(right to buy |            |            |   |       |Stock      |\n"
               "Common Stock) |            |            |   |       |           |")
TITLE_HEAD_ABOVE_ROW = "Class B                                   By The\nCommon        16,840       Class A      Founders"


@pytest.mark.parametrize("text, crf, expected", [
    (ASCII_TITLE, {"Stock": "B-title", "Option": "I-title", "(": "I-title", "right": "I-title", "to": "I-title",
                   "buy": "I-title", "Common": "B-title"}, ["I-title"]),
    (TITLE_HEAD_ABOVE_ROW, {"Class": "B-title", "B": "I-title", "By": "B-nature", "The": "I-nature", "Common": "B-title",
                    "16,840": "B-shares"}, ["I-title"]),
    # a whole title above is another row's
    (TITLE_HEAD_ABOVE_ROW.replace("Class B", "Class B Common Stock", 1),
     {"Class": "B-title", "B": "I-title", "Stock": "I-title", "By": "B-nature", "The": "I-nature",
      "Common": "B-title", "16,840": "B-shares"}, ["B-title"]),
    # ... and so is a title on a line holding a row's values
    (TITLE_HEAD_ABOVE_ROW.replace("Class B ", "Class B 08/22/2019", 1),
     {"Class": "B-title", "B": "I-title", "08/22/2019": "B-tx_date", "By": "B-nature", "The": "I-nature",
      "Common": "B-title", "16,840": "B-shares"}, ["B-title"]),
])
def test_repair_goes_on_with_a_title_begun_again_below_its_first_line(text, crf, expected):
    def tagged(tokens):
        return [crf.get(t.text, "O") for t in tokens]
    tokens, got = _repaired(title_repairs.repair_title_restarts, text, tagged, "table2")
    assert [tag for t, tag in zip(tokens, got) if t.text == "Common" and t.col == 0] == expected


# Cut down from pdftotext -layout of real filings' Table II (Mithril's conversions of
# preferred stock, ProMIS's warrants): each title printed a word or two a line around its
# row's line, the CRF reading parts of it as other cells or as the next row's.
SERIES_STACK = ("Series C-\n"
                "1             (1)                (1)   (1)   Common\n"
                "Preferred\n"
                "              02/06/2024         C     4,025,764\n"
                "Stock\n"
                "Series D\n"
                "Preferred     02/06/2024         C     545,450\n"
                "Stock")
WARRANT_STACK = ("Tranche\n"
                 "A\n"
                 "Common                  (1)\n"
                 "              07/25/2025    X   697,674\n"
                 "Share\n"
                 "Purchase\n"
                 "Warrants\n"
                 "Warrant\n"
                 "to\n"
                 "Purchase      07/29/2025    P   3,139,533\n"
                 "Common\n"
                 "Shares")


def _stack_tags(tokens):
    crf = {"02/06/2024": "B-tx_date", "07/25/2025": "B-tx_date", "07/29/2025": "B-tx_date", "C": "B-code",
           "X": "B-code", "P": "B-code", "(1)": "B-fn_mark", "Preferred": "B-title", "Purchase": "B-title", "D": "B-di",
           "Warrant": "B-title"}
    return ["B-und_title" if t.text == "Common" and t.col else "B-shares" if t.text[0].isdigit() and t.col > 20
            else crf.get(t.text, "O") for t in tokens]


@pytest.mark.parametrize("text, titles", [
    (SERIES_STACK, ["Series C- 1 Preferred Stock", "Series D Preferred Stock"]),
    (SERIES_STACK.replace("Series D", "Series A2"), ["Series C- 1 Preferred Stock", "Series A2 Preferred Stock"]),
    (WARRANT_STACK, ["Tranche A Common Share Purchase Warrants", "Warrant to Purchase Common Shares"]),
    # two rows' dates on the stack's lines: two titles run together, left as read
    (SERIES_STACK.replace("Stock\nSeries D\n", ""), ["Preferred", "Preferred"]),
    # cells split by tabs have no columns to go by
    (SERIES_STACK.replace("     ", "\t"), ["Preferred", "Preferred"]),
])
def test_repair_reads_a_title_stacked_a_word_a_line_as_one(text, titles):
    tokens, tags = _repaired(title_repairs.repair_title_stacks, text, _stack_tags, "table2")
    assert _values(tokens, tags, "title") == titles


# Cut down from pdftotext -layout of real filings' boxes 1 and 2: the owner's name and the
# issuer's on one line, which the CRF read as one value; a fund's name wrapped over box
# 2's lines, the CRF reading its lines apart.
BOXES_ONE_LINE = " {owner}                                   {issuer} [{ticker}]"
NUVEEN = (" 2. Issuer Name and Ticker or Trading\n"
          " BANK OF AMERICA CORP /DE/                 Symbol\n"
          "                                           NUVEEN MUNICIPAL HIGH             (Check all applicable)\n"
          "                                           INCOME OPPORTUNITY FUND\n"
          "\n"
          "                                           [NMZ]                            _____ Officer")


def _values(tokens, tags, label):
    values = []
    for t, tag in zip(tokens, tags):
        if tag == "B-" + label:
            values.append(t.text)
        elif tag == "I-" + label:
            values[-1] += " " + t.text
    return values


def _crf(label, *words):
    """Tags of one value of ``label`` made of ``words``, by their texts."""
    return {w: ("I-" if k else "B-") + label for k, w in enumerate(words)}


NUVEEN_CRF = {**_crf("owner_name", "BANK", "OF", "AMERICA", "CORP", "/DE/"), **_crf("issuer_name", "NUVEEN", "MUNICIPAL"),
              "HIGH": "I-issuer_name", **_crf("issuer_name", "INCOME", "OPPORTUNITY", "FUND"), "NMZ": "B-ticker"}


@pytest.mark.parametrize("text, crf, issuer, owner", [
    (BOXES_ONE_LINE.format(owner="WHITELAW PAUL MILTON", issuer="Willdan Group, Inc.", ticker="WLDN"),
     {**_crf("owner_name", "WHITELAW", "PAUL", "MILTON", "Willdan", "Group", "Inc"), "WLDN": "B-ticker"},
     ["Willdan Group , Inc ."], ["WHITELAW PAUL MILTON"]),
    (BOXES_ONE_LINE.format(owner="CITIGROUP INC", issuer="WOLFSPEED, INC.", ticker="WOLF"),
     {**_crf("issuer_name", "CITIGROUP", "INC", "WOLFSPEED"), "WOLF": "B-ticker"}, ["WOLFSPEED , INC ."], ["CITIGROUP INC"]),
    (NUVEEN, NUVEEN_CRF, ["NUVEEN MUNICIPAL HIGH INCOME OPPORTUNITY FUND"], ["BANK OF AMERICA CORP /DE/"]),
    # plain pdftotext prints both boxes' names as one run: no telling where one ends
    ("McGuirk Richard L ISABELLA BANK Corp [ISBA]",
     {**_crf("owner_name", "McGuirk", "Richard", "L", "ISABELLA", "BANK", "Corp"), "ISBA": "B-ticker"},
     [], ["McGuirk Richard L ISABELLA BANK Corp"]),
])
def test_repair_reads_the_issuer_name_from_box_2s_column(text, crf, issuer, owner):
    tokens = tokenize(text)
    tags = [crf.get(t.text, "O") for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    box_repairs.repair_issuer_cells(tokens, tags, confidences)
    assert _values(tokens, tags, "issuer_name") == issuer
    assert _values(tokens, tags, "owner_name") == owner


# OCR of a real filing's Table I (sales held through a fund): the nature centred on its row,
# the row's cells run together a space apart, the CRF reading only the nature's head
OCR_CENTRED_NATURE = ("$ By The\n"
                      "Class A Common Stock 07/27/2018 S 465 D 178.001 1,543 I Founders\n"
                      "(4) Fund II, LP (3)")
OCR_FIVE_LINE_NATURE = ("By The\n"
                        "$ Founders\n"
                        "Class A Common Stock 07/27/2018 S 3 D 179.8683 60 I Fund II\n"
                        "(9) Entrepreneurs\n"
                        "Fund, LP (10)")


@pytest.mark.parametrize("text, nature", [
    (OCR_CENTRED_NATURE, "By The Founders Fund II , LP"),
    (OCR_FIVE_LINE_NATURE, "By The Founders Fund II Entrepreneurs Fund , LP"),
    # cells a wide gap apart (pdftotext -layout): columns tell the cells, not this rule
    (OCR_CENTRED_NATURE.replace(" I Founders", "     I      Founders"), "By The"),
    # another cell on the line below: its words are not the nature's
    (OCR_CENTRED_NATURE.replace("(4) Fund", "(4) 2,000 Fund"), "By The"),
    # words above that do not open as a nature are no head
    (OCR_CENTRED_NATURE.replace("By The", "Other Words"), ""),
])
def test_repair_reads_an_ocr_nature_centred_on_its_rows_line(text, nature):
    crf = {"Class": "B-title", "A": "I-title", "Common": "I-title", "Stock": "I-title", "07/27/2018": "B-tx_date",
           "S": "B-code", "D": "B-ad", "I": "B-di", "By": "B-nature", "The": "I-nature", "(3)": "B-fn_mark",
           "(10)": "B-fn_mark"}
    tokens, tags = _repaired(nature_repairs.repair_centred_nature_lines, text,
                             by_text(crf), "table1")
    assert " ".join(t.text for t, tag in zip(tokens, tags) if tag.endswith("nature")) == nature


# pdfplumber of a real filing's Table II (a director's grant): the row's cells a line each
# below its line, a blank line before the title's last word, which the CRF left O
LONE_TITLE_END = "Restricted (1) 01/31/2023 A 363.181 Common 363.181 $ 0 13,639.699 D\nStock Stock\n\n{last}"


@pytest.mark.parametrize("last, tagged", [
    ("Units", "I-title"),
    # a word that ends no derivative's name stays as the CRF read it
    ("Plan", "O"),
])
def test_repair_ends_a_title_at_a_derivatives_last_word_alone_below_it(last, tagged):
    crf = {"Restricted": "B-title", "01/31/2023": "B-tx_date", "A": "B-code", "Common": "B-und_title",
           "$": "O", "0": "B-price", "13,639.699": "B-owned", "D": "B-di", "(1)": "B-fn_mark"}
    tags_of = lambda tokens: [crf.get(t.text, "B-shares" if t.text == "363.181" else "O") for t in tokens[:-3]] + [
        "I-title", "I-und_title", "O"]
    tokens, tags = _repaired(title_repairs.repair_lone_title_ends, LONE_TITLE_END.format(last=last), tags_of, "table2")
    assert (tokens[-1].text, tags[-1]) == (last, tagged)


def _codes_read_as_ad(tokens, tags, confidences, zones):
    letter_repairs.repair_codes_read_as_ad(tokens, tags, zones)


# Cut down from plain pdftotext of a real filing's Table I (Abbott, a grant): the grant's
# code printed after its amount, where the A/D letter stands, the CRF reading it as one
@pytest.mark.parametrize("code, second, tags", [
    ("A", "A", ["B-code", "B-ad"]),
    # letters unlike: no code and its own A/D letter
    ("A", "D", ["B-ad", "B-ad"]),
    # a code read already: two rows' A/D letters
    ("S", "A", ["B-ad", "B-ad"]),
])
def test_repair_reads_the_first_of_two_like_ad_letters_as_the_code(code, second, tags):
    text = f"Common Stock\n\n02/21/2020\n\n{code}\n\n11,250\n\nA\n\n(A) or (D) Price\n\n{second}\n\n$ 0 58,812"
    crf = {"Common": "B-title", "Stock": "I-title", "02/21/2020": "B-tx_date", "S": "B-code", "11,250": "B-shares",
           "0": "B-price", "58,812": "B-owned"}
    def tagged(tokens):
        return ["B-ad" if t.line in (8, 12) else crf.get(t.text, "O") for t in tokens]
    tokens, got = _repaired(_codes_read_as_ad, text, tagged, "table1")
    assert [tag for t, tag in zip(tokens, got) if t.line in (8, 12)] == tags


# Cut down from plain pdftotext of a real filing's Table I (AbbVie, a grant): the code with
# its mark printed between the title and the date, the CRF reading it as the A/D letter
@pytest.mark.parametrize("between, tag", [
    ("A (1)\n\n05/08/2020", "B-code"),
    # after the date: where the A/D letter may stand
    ("05/08/2020\n\nA (1)", "B-ad"),
])
def test_repair_reads_an_ad_letter_between_title_and_date_as_the_code(between, tag):
    text = f"Common Stock, $0.01 par\nvalue\n\n{between}\n\n119,447\n\nD\n\n2,333 A\n\n$ 0"
    crf = {"Common": "B-title", "Stock": "I-title", ",": "I-title", "$0.01": "I-title", "par": "I-title",
           "value": "I-title", "05/08/2020": "B-tx_date", "(1)": "B-fn_mark", "119,447": "B-owned", "D": "B-di",
           "2,333": "B-shares", "A": "B-ad", "0": "B-price"}
    tokens, got = _repaired(_codes_read_as_ad, text, by_text(crf), "table1")
    assert [tag for t, tag in zip(tokens, got) if t.text == "A"] == [tag, "B-ad"]


# Cut down from plain pdftotext of a real filing's Table I (Tesla, a page of sales held by
# a trust): the rows' amounts owned and D/I letters printed as one column after their
# left-hand cells, the CRF reading the first pair only
@pytest.mark.parametrize("rows, between, tags", [
    (2, "", ["B-owned", "B-di", "B-owned", "B-di"]),
    # as many amounts owned read as titles: the lines are something else
    (1, "", ["B-owned", "B-di", "O", "O"]),
    # a price's mark printed in the column between two pairs goes on the run
    (2, "(12)\n\n", ["B-owned", "B-di", "B-owned", "B-di"]),
    # so does a price printed below its dollar sign (PayPal)
    (2, "$\n1,052.515\n\n", ["B-owned", "B-di", "B-owned", "B-di"]),
])
def test_repair_reads_a_column_of_amounts_owned_and_letters(rows, between, tags):
    sale = "Common Stock\n\n11/10/2021\n\nS\n\n400 D\n\n"
    text = sale * rows + f"167,404,538\n\nI\n\n{between}167,403,742\n\nI\n\nby Trust"
    crf = {"Common": "B-title", "Stock": "I-title", "11/10/2021": "B-tx_date", "S": "B-code", "400": "B-shares",
           "D": "B-ad", "by": "B-nature", "Trust": "I-nature"}
    def tagged(tokens):
        first = next(k for k, t in enumerate(tokens) if t.text == "167,404,538")
        return ["B-owned" if k == first else "B-di" if k == first + 1 else crf.get(t.text, "O")
                for k, t in enumerate(tokens)]
    tokens, got = _repaired(amount_repairs.repair_owned_letter_runs, text, tagged, "table1")
    assert [tag for t, tag in zip(tokens, got) if t.text in ("167,404,538", "167,403,742", "I")] == tags


# Cut down from plain pdftotext of a real filing's long Table I (Tesla): a page's column of
# amounts owned and letters after its prices, the CRF reading none of the pairs (but an
# amount owned elsewhere in the table)
@pytest.mark.parametrize("pairs, between, tags", [
    (3, "", ["B-owned", "B-di"] * 3),
    # a price printed below its dollar sign between two pairs goes on the column
    (3, "$\n1,052.515\n\n", ["B-owned", "B-di"] * 3),
    # two pairs are no column to read without a pair read
    (2, "", ["O", "O"] * 2),
])
def test_repair_reads_a_column_of_amounts_owned_none_of_which_was_read(pairs, between, tags):
    sale = "Common Stock\n\n11/10/2021\n\nS\n\n400 D\n\n$ 1,062.527\n\n"
    column = between.join(f"167,10{k},045\n\nI\n\n" for k in range(pairs))
    text = sale * 4 + column + "1,220,481\n\nD"
    crf = {"Common": "B-title", "Stock": "I-title", "11/10/2021": "B-tx_date", "S": "B-code", "400": "B-shares",
           "D": "B-ad", "1,062.527": "B-price", "1,220,481": "B-owned"}
    def tagged(tokens):
        return [crf.get(t.text, "O") if k < len(tokens) - 1 else "B-di" for k, t in enumerate(tokens)]
    tokens, got = _repaired(amount_repairs.repair_owned_letter_runs, text, tagged, "table1")
    assert [tag for t, tag in zip(tokens, got) if t.text.startswith("167,10") or t.text == "I"] == tags


# Cut down from OCR of real filings' Table II (Class B shares, RSUs) and EDGAR ASCII's
# Table I: a tall title's later lines opening lines of their own, left ``O`` by the CRF
@pytest.mark.parametrize("text, expected", [
    # the title above ends short, the line holds the row's other cells
    ("Class B\n45,659 $ 69.35\nCommon ( ) 07/19/2017 A (2)", "I-title"),
    # the line right below holds only security words and marks
    ("Restricted Stock 01/01/2012 M\nCommon (1)", "I-title"),
    ("Variable Rate | Aug. 18, | J\nShares (1) (2) | | |", "I-title"),
    # a whole title above, a row's cells on the line: another row's title
    ("Restricted Stock 01/01/2012 M\nCommon 07/25/2025 X", "O"),
    # the title too far above
    ("Class B\n45,659\n\n\n\n\nCommon ( ) 07/19/2017 A (2)", "O"),
])
def test_repair_goes_on_with_a_title_from_a_security_word_opening_a_line(text, expected):
    crf = {"Class": "B-title", "Restricted": "B-title", "Variable": "B-title", "Rate": "I-title",
           "01/01/2012": "B-tx_date", "07/19/2017": "B-tx_date", "07/25/2025": "B-tx_date", "45,659": "B-und_shares",
           "M": "B-code", "X": "B-code", "J": "B-code", "(1)": "B-fn_mark", "(2)": "B-fn_mark"}
    def tagged(tokens):     # the first line's title read whole
        return ["I-title" if t.line == 0 and t.text in ("B", "Stock") else crf.get(t.text, "O") for t in tokens]
    tokens, got = _repaired(title_repairs.repair_title_words_opening_lines, text, tagged, "table2")
    opening = next(k for k, t in enumerate(tokens) if t.line > 0 and t.text in ("Common", "Shares"))
    assert got[opening] == expected


# Cut down from OCR of a real filing's Table I (a grant, then an LLC's holding): the
# holding's line, its D/I letter read as a stroke, left ``O`` whole by the CRF
@pytest.mark.parametrize("line, tags", [
    ("Class A Common Stock 53,602 |", ["B-title", "I-title", "I-title", "I-title", "B-owned", "O"]),
    ("Class A Common Stock 53,602 | One LLC", ["B-title", "I-title", "I-title", "I-title", "B-owned", "O", "O", "O"]),
    # words Table I reads as no title: the line is something else
    ("Class B Common Stock 53,602 |", ["O"] * 6),
    # a price is no amount owned
    ("Class A Common Stock $53.60 |", ["O"] * 7),
])
def test_repair_reads_an_untagged_line_of_a_title_and_amount_as_a_holding(line, tags):
    text = f"Class A Common Stock 05/15/2018 M 1,997 A $0 8,308 D\nBy Rivendell\n{line}"
    crf = {"05/15/2018": "B-tx_date", "M": "B-code", "1,997": "B-shares", "A": "B-ad", "0": "B-price",
           "8,308": "B-owned", "D": "B-di", "By": "B-nature", "Rivendell": "I-nature"}
    def tagged(tokens):     # the first line and the nature read, the last line left
        return ["B-title", "I-title", "I-title", "I-title"] + [crf.get(t.text, "O") for t in tokens[4:14]] + \
            ["O"] * (len(tokens) - 14)
    tokens, got = _repaired(title_repairs.repair_untagged_holding_rows, text, tagged, "table1")
    assert got[14:] == tags


# Cut down from plain pdftotext of a real filing's holdings list (Sequoia funds): a row
# printed amount first, then its title and letter, all left ``O`` by the CRF
@pytest.mark.parametrize("title, tags", [
    ("Class A Common Stock", ["B-owned", "B-title", "B-di"]),
    # words Table I reads as no title: the lines are something else
    ("Class B Common Stock", ["O", "O", "O"]),
])
def test_repair_reads_a_holding_printed_amount_first(title, tags):
    text = f"Class A Common Stock\n\n11,388\n\nI\n\n171\n\n{title}\n\nI\n\nBy Trust"
    def tagged(tokens):
        first_i = next(k for k, t in enumerate(tokens) if t.text == "I")
        crf = {"11,388": "B-owned", "By": "B-nature", "Trust": "I-nature"}
        return (["B-title", "I-title", "I-title", "I-title"] + [crf.get(t.text, "O") for t in tokens[4:first_i]]
                + ["B-di"] + [crf.get(t.text, "O") for t in tokens[first_i + 1:]])
    tokens, got = _repaired(title_repairs.repair_untagged_holding_lines, text, tagged, "table1")
    assert [got[k] for k in (6, 7, 11)] == tags      # 171, the title's first word, its letter


# Cut down from plain pdftotext of the same filing: its column of prices, the first read
# as an amount of shares
@pytest.mark.parametrize("below, tag", [
    ("$ 1,001.263\n(2)", "B-price"),
    # OCR's "$" for a code S before its amount: no column of prices below
    ("D", "B-shares"),
])
def test_repair_reads_an_amount_after_a_dollar_heading_prices_as_a_price(below, tag):
    text = f"Price\n\n$ 1,000\n\n{below}"
    crf = {"1,000": "B-shares", "1,001.263": "B-price", "(2)": "B-fn_mark", "D": "B-ad"}
    tokens, got = _repaired(lambda tokens, tags, confidences, zones: amount_repairs.repair_dollar_shares(tokens, tags, zones),
                            text, by_text(crf), "table1")
    assert got[[t.text for t in tokens].index("1,000")] == tag


# Cut down from plain pdftotext of a real filing's long Table I (PayPal): prices printed
# apart from their rows, the CRF reading some as amounts, amounts owned or nothing
@pytest.mark.parametrize("text, number, read, tag", [
    ("(14)\n\n$ 1,043.64\n\nCommon Stock", "1,043.64", "B-shares", "B-price"),
    ("7,788\n\n$\n1,059.429\n\nD", "1,059.429", "B-owned", "B-price"),
    ("(22)\n\n$ 1,051.52\n\n(24)", "1,051.52", "O", "B-price"),
    # a dollar sign alone above two numbers is the price's, the amount owned above it
    ("D\n\n$\n36,713.7651\n102.368", "36,713.7651", "B-owned", "B-owned"),
    # EDGAR ASCII wrapping a title's par value: no price
    ("stock , par value\n$ 0.01", "0.01", "O", "O"),
    # OCR's "$" for a code S before its amount and A/D letter
    ("(1)\n\n$ 12,000 D", "12,000", "B-shares", "B-shares"),
])
def test_repair_reads_a_number_a_dollar_sign_opens_as_a_price(text, number, read, tag):
    crf = {number: read, "(14)": "B-fn_mark", "(22)": "B-fn_mark", "(24)": "B-fn_mark", "(1)": "B-fn_mark",
           "7,788": "B-shares", "D": "B-ad", "Common": "B-title", "Stock": "I-title", "102.368": "B-price",
           "899.1": "B-price"}
    tokens, got = _repaired(amount_repairs.repair_dollar_prices, text + "\n\n$ 899.1", by_text(crf), "table1")
    assert got[[t.text for t in tokens].index(number)] == tag


@pytest.mark.parametrize("above, tag", [
    # plain pdftotext of a real filing's one sale: its price below the column's heading, no
    # price read in the table
    ("Price", "B-price"),
    # a word of a text cell the price's line may go on
    ("Common Stock", "O"),
])
def test_repair_reads_a_dollar_price_below_its_heading_where_the_table_has_none(above, tag):
    crf = {"56,000": "B-owned", "I": "B-di", "(1)": "B-fn_mark"}
    text = f"56,000\n\nI\n\n{above}\n\n$ 232.07\n(1)"
    tokens, got = _repaired(amount_repairs.repair_dollar_prices, text, by_text(crf), "table1")
    assert got[[t.text for t in tokens].index("232.07")] == tag


# Cut down from plain pdftotext of real filings' box 2 (Nuveen and PIMCO funds): the issuer
# name wrapped over two lines at the line's start, the CRF reading only the ticker's line
@pytest.mark.parametrize("head, crf, issuer", [
    ("Nuveen Municipal Credit", {}, ["Nuveen Municipal Credit Income Fund"]),
    # the head read as an owner's city and state
    ("PIMCO NEW YORK", {"PIMCO": "B-owner_city", "NEW": "B-owner_state", "YORK": "I-owner_state"},
     ["PIMCO NEW YORK Income Fund"]),
    # the form's label above the name: no head
    ("2. Issuer Name and Ticker or Trading", {}, ["Income Fund"]),
])
def test_repair_reads_the_line_above_a_plain_issuer_name_as_its_head(head, crf, issuer):
    text = f"BANK OF AMERICA CORP /DE/\n\n{head}\nIncome Fund [NZF]\n2a. Foreign Trading Symbol"
    crf = {**crf, **_crf("issuer_name", "Income", "Fund"), "NZF": "B-ticker"}
    tokens = tokenize(text)
    tags = [crf.get(t.text, "O") for t in tokens]
    confidences = [None if t == "O" else 0.9 for t in tags]
    box_repairs.repair_wrapped_issuer_names(tokens, tags, confidences)
    assert _values(tokens, tags, "issuer_name") == issuer
    assert all(c is not None for c, tag in zip(confidences, tags) if tag != "O")


# Cut down from pdfminer's text of a real filing's Table II: each row's underlying
# amount, price and amount owned printed one below the other
DERIVATIVE_PRICES = "229.83\n\n$ 0\n\n{amount}\n\n41.816\n\n$ 0\n\n25,282.925\n\nD"


@pytest.mark.parametrize("amount, read_as, tag", [
    ("25,241.11", "B-shares", "B-owned"),
    ("25,241.11", "B-und_shares", "B-owned"),
    ("25,241.11 (2)", "B-shares", "B-owned"),       # its mark beside it
    ("25,241.11 D", "B-shares", "B-shares"),        # more than an amount on the line
])
def test_repair_reads_an_amount_below_a_derivative_price_as_the_amount_owned(amount, read_as, tag):
    crf = {"229.83": "B-und_shares", "41.816": "B-und_shares", "0": "B-price", "25,241.11": read_as,
           "25,282.925": "B-owned", "D": "B-di", "(2)": "B-fn_mark"}
    tokens, tags = _repaired(amount_repairs.repair_amounts_about_derivative_prices,
                             DERIVATIVE_PRICES.format(amount=amount),
                             by_text(crf), "table2")
    assert tags[[t.text for t in tokens].index("25,241.11")] == tag


# Cut down from pdfminer's text of a real filing's Table II: two rows' codes, then each
# row's number of derivatives, its mark and its expiration date, then the rows' titles
# and transaction dates
DATES_AFTER_AMOUNTS = "M\n\nM\n\n826\n\n(2)\n\n{dates}\n\n881\n\n(2)\n\n10/25/2025\n\n{titles}10/25/2025\n\n10/25/2025"


@pytest.mark.parametrize("dates, titles, tags", [
    ("10/25/2025", "", ["B-exp_date", "B-exp_date"]),
    ("10/25/2025", "M\n\n", ["B-exp_date", "B-tx_date"]),       # a code more: one date to spare
])
def test_repair_reads_a_date_below_an_amount_of_derivatives_as_its_expiration_date(dates, titles, tags):
    text = DATES_AFTER_AMOUNTS.format(dates=dates, titles=titles)
    crf = {"M": "B-code", "826": "B-shares", "881": "B-shares", "(2)": "B-fn_mark"}
    tokens, got = _repaired(_zoned(amount_repairs.repair_dates_after_derivative_amounts), text,
                            lambda tokens: [crf.get(t.text, "B-tx_date" if "/" in t.text else "O") for t in tokens],
                            "table2")
    firsts = [got[k] for k, t in enumerate(tokens) if "/" in t.text and tokens[k - 1].text == "(2)"]
    assert firsts == tags
    assert got[-2:] == ["B-tx_date", "B-tx_date"]


# Cut down from pdfminer's text of a real filing's Table II: a grant's and an exercise's
# left-hand cells, then each row's underlying amount, price, amount owned and D/I letter
ROWS_BELOW_CODES = "A\n\n1,474,432\n\nM\n\n1,412,997\n\n1,474,432\n\n$ 0\n\n1,474,432\n\nD\n\n{amount}\n\n$ 0\n\n61,435\n\nD"


@pytest.mark.parametrize("amount, codes, tag", [
    ("1,412,997", "AM", "B-und_shares"),
    ("1,412,997", "AMM", "B-shares"),        # a code more: the one amount to spare is the first row's
])
def test_repair_reads_an_amount_of_derivatives_above_a_price_as_the_underlying_amount(amount, codes, tag):
    text = ROWS_BELOW_CODES.format(amount=amount) + "\n\n" + "\n\n".join(codes[2:])
    crf = {"A": "B-code", "M": "B-code", "0": "B-price", "61,435": "B-owned", "D": "B-di"}
    tokens, tags = _repaired(amount_repairs.repair_amounts_about_derivative_prices, text,
                             lambda tokens: [crf.get(t.text, "B-shares" if t.text[0].isdigit() else "O")
                                             for t in tokens], "table2")
    assert [tags[k] for k, t in enumerate(tokens) if t.text == "1,412,997"] == ["B-shares", tag]


# Cut down from pdfminer's text of a real filing's Table II: a column of titles, then
# each transaction's underlying amount, price and amount owned, then a holding's
# underlying amount and amount owned
HOLDING_AFTER_PRICES = ("Class B Common Stock\n\nClass B Common Stock\n\n{titles}"
                        "12,687,274\n\n$ 0\n\n12,687,274\n\n704,849\n\n$ 0\n\n704,850\n\n"
                        "782,088\n\n782,088\n\nI")


@pytest.mark.parametrize("titles, tags_of_782088", [
    ("Class B Common Stock\n\n", ["B-und_shares", "B-owned"]),
    ("Class B Common Stock\n\n" * 2, ["B-owned", "B-owned"]),     # as many amounts owned as titles
])
def test_repair_reads_amounts_about_derivative_prices_by_their_place(titles, tags_of_782088):
    text = HOLDING_AFTER_PRICES.format(titles=titles)
    crf = {"Class": "B-title", "B": "I-title", "Common": "I-title", "Stock": "I-title", "0": "B-price",
           "782,088": "B-owned", "I": "B-di"}
    tokens, tags = _repaired(amount_repairs.repair_amounts_about_derivative_prices, text,
                             lambda tokens: [crf.get(t.text, "B-owned" if t.text[0].isdigit() else "O")
                                             for t in tokens], "table2")
    texts = [t.text for t in tokens]
    assert [tags[k] for k, t in enumerate(texts) if t == "12,687,274"] == ["B-und_shares", "B-owned"]
    assert [tags[k] for k, t in enumerate(texts) if t == "704,849"] == ["B-und_shares"]
    assert [tags[k] for k, t in enumerate(texts) if t == "782,088"] == tags_of_782088


# Cut down from pdfminer of a real filing's Table I (a gift, and a trust's holding): the
# amounts owned a column, then the D/I letters, the first read as an A/D letter
GIFT_AND_HOLDING = "G\n\n65,178\n(1)\n\nD\n\n$ 0 535,810.587\n\n65,178 (1)\n\nD\n\nI\n\nBy Family Trust"
GIFT_AND_HOLDING_CRF = {(0, "G"): "B-code", (2, "65,178"): "B-shares", (3, "(1)"): "B-fn_mark", (5, "D"): "B-ad",
                        (7, "$ 0"): "B-price", (7, "535,810.587"): "B-owned", (9, "(1)"): "B-fn_mark",
                        (11, "D"): "B-ad", (13, "I"): "B-di", (15, "By"): "B-nature", (15, "Family"): "I-nature",
                        (15, "Trust"): "I-nature"}


def test_pipeline_reads_a_holdings_amount_owned_once_the_ownership_letters_are_read():
    tokens = tokenize(GIFT_AND_HOLDING)
    tags = [GIFT_AND_HOLDING_CRF.get((t.line, t.text), "O") for t in tokens]
    confidences = [None if tag == "O" else 0.9 for tag in tags]
    reads = {"confidences": confidences, "zones": ["table1"] * 16}
    for repair, needs in pipeline.TAG_REPAIRS:     # these two, in the pipeline's order
        if repair in (letter_repairs.repair_letter_columns, amount_repairs.repair_owned_column_ends):
            repair(tokens, tags, *(reads[name] for name in needs))
    assert [(t.text, tag) for t, tag in zip(tokens, tags) if t.line in (9, 11)] == [
        ("65,178", "B-owned"), ("(1)", "B-fn_mark"), ("D", "B-di")]


# Cut down from plain pdftotext of a real filing's Table I (three rows of Class A and B
# stock): each title's par value amount wrapped onto the next line
@pytest.mark.parametrize("tail, crf, tags", [
    ("$ 0.01", ["O", "O"], ["I-title", "I-title"]),
    ("$ 0.01", ["O", "B-ex_price"], ["I-title", "I-title"]),
    ("$0.01 per share", ["O", "B-price", "O", "O"], ["I-title"] * 4),
    # a price below a title that ends otherwise is the row's
    ("$ 19", ["O", "B-price"], ["O", "B-price"]),
])
def test_repair_ends_a_title_with_its_par_value_amount_on_the_next_line(tail, crf, tags):
    text = f"Class A common stock, par value\n{tail}"
    title = ["B-title"] + ["I-title"] * 6
    tokens, got = _repaired(title_repairs.repair_par_value_amounts, text, lambda tokens: title + crf, "table1")
    assert got[len(title):] == tags


# Cut down from plain pdftotext of a real filing's Table I (a Microsoft grant and its tax
# withholding): the second row's amount and A/D letter on the line below its code
WITHHOLDING = ("Common Stock\n\n09/02/2025\n\nA\n\n45,220 (1)\n\nCommon Stock\n\n09/02/2025\n\nF\n\n"
               "{cells}")
WITHHOLDING_CRF = {"Common": "B-title", "Stock": "I-title", "09/02/2025": "B-tx_date", "A": "B-code",
                   "F": "B-code", "45,220": "B-shares", "(1)": "B-fn_mark", "23,819.354": "B-owned", "D": "B-di"}


# Cut down from plain pdftotext of a real filing's Table I (two sales by a fund): the titles,
# the codes and dates, then both rows' amounts and A/D letters, then the amounts owned
SALES_COLUMNS = "Class A Common Stock\n\nClass A Common Stock\n\nS (1)\n\n02/06/2020\n\n{cells}\n\n0 I"
SALES_COLUMNS_CRF = {"Class": "B-title", "A": "I-title", "Common": "I-title", "Stock": "I-title", "S": "B-code",
                     "(1)": "B-fn_mark", "02/06/2020": "B-tx_date", "D": "B-di", "I": "B-di"}


@pytest.mark.parametrize("cells, tags", [
    ("16,862 D\n36,740 D", ["B-shares", "B-ad", "B-shares", "B-ad", "B-owned", "B-di"]),
    # a third pair: more than the rows that lack an amount
    ("16,862 D\n36,740 D\n9,948 D", ["B-shares", "B-ad", "B-shares", "B-ad", "B-owned", "B-di", "B-owned", "B-di"]),
])
def test_repair_reads_a_column_of_amounts_after_the_dates_as_the_rows_amounts(cells, tags):
    text = SALES_COLUMNS.format(cells=cells)
    tokens = tokenize(text)
    crf = [SALES_COLUMNS_CRF.get(t.text, "B-owned") for t in tokens]
    amount_repairs.repair_owned_after_codes(tokens, crf, ["table1"] * len(text.split("\n")))
    assert crf[-len(tags):] == tags


@pytest.mark.parametrize("cells, tags", [
    ("23,819.354 D", ["B-shares", "B-ad"]),
    ("23,819.354 (2) D", ["B-shares", "B-fn_mark", "B-ad"]),
    # a D/I letter apart from the amount, or a letter that is no A/D letter: as read
    ("23,819.354\n\nD", ["B-owned", "B-di"]),
    ("23,819.354 I", ["B-owned", "B-di"]),
])
def test_repair_reads_an_amount_owned_right_after_a_code_as_the_rows_amount(cells, tags):
    text = WITHHOLDING.format(cells=cells)
    tokens = tokenize(text)
    crf = [WITHHOLDING_CRF.get(t.text, "B-di" if t.text == "I" else "B-fn_mark" if t.text == "(2)" else "O")
           for t in tokens]
    amount_repairs.repair_owned_after_codes(tokens, crf, ["table1"] * len(text.split("\n")))
    assert crf[-len(tags):] == tags


# Cut down from a real filing's Table II as Tesseract reads it: "(1)" and "(2)" as signs.
GLYPH_ROW = "Restricted Stock ® | 02/01/2022 A | [289.408 @)] @ 289.408 $0 | 12,126.682 D"


@pytest.mark.parametrize("text, marks", [
    (GLYPH_ROW, ["®", "@", "@"]),
    ("Class A Common Stock 05/15/2020 M Qa) A $0 11,561 D", ["Qa"]),
    # a bracketed Q is a word of a name (``Sequoia Capital Fund (Q), LP``), a lone one too
    ("By Sequoia Capital Fund (Q), LP", []),
    ("Q Common Stock 500 D", []),
    # read as the row's code, which no code is (``Q`` is none of Form 4's codes)
    ("; 18.27 10/24/2019 | 10/24/2028 Q) @) D", ["Q", "@"]),
])
def test_repair_reads_an_ocr_sign_for_a_small_mark_as_a_mark(text, marks):
    crf = {"289.408": "B-shares", "12,126.682": "B-owned", "D": "B-di", "Q": "B-code"}
    tokens, tags = _repaired(note_repairs.repair_glyph_marks, text, lambda toks: [crf.get(t.text, "O") for t in toks],
                             "table2")
    assert [t.text for t, tag in zip(tokens, tags) if tag == "B-fn_mark"] == marks


# Cut down from a real filing's Table II as Tesseract reads it: the underlying title
# ``Class A Common Stock`` centred on its row, its class on the line above after the title's word.
CLASS_ABOVE = "Stock Class A\nUnits 05/15/2020 M 1,613 | Common 1,613 $0 0 D\n(RSU) Stock"


@pytest.mark.parametrize("text, title", [
    (CLASS_ABOVE, ["Class", "A", "Common", "Stock"]),
    # two lines above, among another cell's words
    ("Class B Common 16,840 Class A Founders\n(15) : (15)\nStock 08/22/2019 C Common 16,840 $0 0", ["Class", "A", "Common"]),
    # a class opening its line is a title's (plain pdftotext: a word or two a line)
    ("Class A\nCommon 05/15/2020 M 1,613 Common 1,613", ["Common"]),
    # two classes above: which is the title's is not known
    ("Stock Class B Class A\nUnits 05/15/2020 M 1,613 | Common 1,613", ["Common"]),
])
def test_repair_begins_an_underlying_title_with_its_class_ocr_printed_above(text, title):
    last = text.rindex("Common")

    def crf(tokens):
        return ["B-und_title" if t.start == last else "I-und_title" if t.text == "Stock" and t.start > last else "O"
                for t in tokens]
    tokens, tags = _repaired(title_repairs.repair_underlying_classes, text, crf, "table2")
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("und_title")] == title


# Cut down from a real filing's Table II as Tesseract reads it: the third row's titles
# centred on it, a word or two a line, the CRF reading its values but neither title.
CENTRED_ROW = ("Class B Class A\n\nCommon } $ 0 12/15/2011 M 1,412,997 @ (4) [ Common ] 1,412,997 ] $ 0 | 1,412,997 D\n\n"
               "Stock 3 ) Stock")
CENTRED_CRF = {"0": "B-ex_price", "12/15/2011": "B-tx_date", "M": "B-code", "1,412,997": "B-shares", "D": "B-di"}


@pytest.mark.parametrize("text, title, under", [
    (CENTRED_ROW, ["Class", "B", "Common", "Stock"], ["Class", "A", "Common", "Stock"]),
    # a unit title's head alone above: no class, no underlying title from the lines around
    (CENTRED_ROW.replace("Class B Class A", "Restricted").replace("Common }", "Stock }").replace("Stock 3", "Units 3"),
     ["Restricted", "Stock", "Units"], []),
    # a row with a title the CRF read keeps it
    (CENTRED_ROW.replace("Common }", "Warrants }"), [], []),
    # the line below opening with no title word is no title's
    (CENTRED_ROW.replace("Stock 3 ) Stock", "(3) Stock"), [], []),
])
def test_repair_reads_a_derivative_rows_titles_ocr_centred_on_it(text, title, under):
    crf = dict(CENTRED_CRF, **({"Warrants": "B-title"} if "Warrants" in text else {}))
    tokens, tags = _repaired(title_repairs.repair_centred_derivative_rows, text,
                             lambda toks: [crf.get(t.text, "O") for t in toks], "table2")
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("-title") and t.text != "Warrants"] == title
    assert [t.text for t, tag in zip(tokens, tags) if tag.endswith("und_title")] == under


# Tesseract of a real filing's Table II (an RSU grant): the title's last word two lines
# below its line, a line of noise between
UNITS_BELOW = "Restricted\nStock a ) 08/29/2019 A 599 $ 0 8,162 D\n= eee aor Stock '\nUnits"


@pytest.mark.parametrize("text, crf_units, tag", [
    (UNITS_BELOW, "O", "I-title"),
    (UNITS_BELOW, "B-title", "I-title"),     # read alone as a title of its own
    (UNITS_BELOW.replace("= eee aor Stock '\n", ""), "O", "I-title"),     # right below: as before
    (UNITS_BELOW.replace("Restricted\nStock", "Restricted\nStock Units"), "O", "O"),    # the title has its unit word
])
def test_repair_ends_a_unit_title_with_its_word_below_a_line_of_ocr_noise(text, crf_units, tag):
    crf = {"Restricted": "B-title", "08/29/2019": "B-tx_date", "A": "B-code", "599": "B-shares", "0": "B-price",
           "8,162": "B-owned", "D": "B-di"}
    def tagged(tokens):
        last = max(t.line for t in tokens)
        return [crf_units if t.line == last and t.text == "Units" else "I-title" if t.line == 1 and k < 3 and
                t.text in ("Stock", "Units") else crf.get(t.text, "O") for k, t in enumerate(tokens)]
    tokens, got = _repaired(title_repairs.repair_centred_title_words, text, tagged, "table2")
    assert got[-1] == tag


# Cut down from pdfminer's text of a real filing's Table II: a holding of convertible
# shares prints its underlying amount and the amount owned alike, a line each.
@pytest.mark.parametrize("text, tags", [
    ("3,109,744\n3,109,744\nI", ["B-und_shares", "B-owned", "B-di"]),
    ("3,109,744 (2)\n3,109,744\nI", ["B-und_shares", "B-fn_mark", "B-owned", "B-di"]),
    # another amount below, or no D/I letter after it: left as read
    ("3,109,744\n3,109,745\nI", ["B-owned", "O", "B-di"]),
    ("3,109,744\n3,109,744\nSee", ["B-owned", "O", "O"]),
])
def test_repair_reads_an_amount_owned_printed_twice_as_underlying_and_owned(text, tags):
    first = text.index("3,1")

    def crf(tokens):
        return ["B-owned" if t.start == first else "B-di" if t.text == "I" else "B-fn_mark" if t.text == "(2)"
                else "O" for t in tokens]
    _, read = _repaired(amount_repairs.repair_owned_doubles, text, crf, "table2")
    assert read == tags


# Cut down from pdfminer's text of a real filing's Table I: a column of natures a word or
# two a line, the CRF running the second on from the first's mark.
@pytest.mark.parametrize("text, begins", [
    ("Fund XV, L.P. (3)\nSequoia\nCapital", ["Fund", "Sequoia"]),
    # no mark between: one nature wrapped
    ("Fund XV, L.P.\nSequoia\nCapital", ["Fund"]),
    # a mark inside the line goes on with its nature
    ("Fund XV (3) L.P.\nSequoia", ["Fund"]),
])
def test_repair_begins_a_nature_after_the_mark_ending_the_one_above(text, begins):
    tokens = tokenize(text)
    tags = ["B-fn_mark" if t.text == "(3)" else "I-nature" for t in tokens]
    tags[0] = "B-nature"
    nature_repairs.repair_natures_after_marks(tokens, tags)
    assert [t.text for t, tag in zip(tokens, tags) if tag == "B-nature"] == begins


# Cut down from pdfminer's text of a real filing's Table I: a column of natures a word a
# line, the CRF leaving the last one's first words ``O`` (``US/E`` is no word it knew).
@pytest.mark.parametrize("text, nature", [
    ("Fund, L.P.\n(3)\n\nSequoia\nCapital\nUS/E\nExpansion\nFund I, L.P. (4)",
     "Sequoia Capital US/E Expansion Fund I , L.P ."),
    ("Fund, L.P. (3)\nSequoia\nCapital\nUS/E\nExpansion\nFund I, L.P. (4)",
     "Sequoia Capital US/E Expansion Fund I , L.P ."),
    # no mark ending a nature above the words: no telling whose they are
    ("Fund, L.P.\nSequoia\nCapital\nUS/E\nExpansion\nFund I, L.P. (4)", "Expansion Fund I , L.P ."),
    # a D/I letter alone on a line is no nature's word
    ("Fund, L.P. (3)\nI\nExpansion\nFund I, L.P. (4)", "Expansion Fund I , L.P ."),
    # a line of more than two words is no stack's
    ("Fund, L.P. (3)\nSequoia Capital US/E\nExpansion\nFund I, L.P. (4)", "Expansion Fund I , L.P ."),
])
def test_repair_begins_a_stacked_nature_at_the_words_after_the_mark_above(text, nature):
    def crf(tokens):
        tags, seen = [], False
        for t in tokens:
            if t.text in ("(3)", "(4)"):
                tags.append("B-fn_mark")
            elif t.text == "Expansion":
                tags.append("B-nature"); seen = True
            elif seen or t.line == 0:
                tags.append("I-nature" if tags and tags[-1].endswith("nature") else "B-nature")
            else:
                tags.append("O")
        return tags
    tokens, tags = _repaired(nature_repairs.repair_stack_heads_after_marks, text, crf, "table1")
    last = max(i for i, tag in enumerate(tags) if tag == "B-nature")
    assert " ".join(t.text for t, tag in zip(tokens[last:], tags[last:]) if tag.endswith("nature")) == nature


# Cut down from pdfminer's text of a real filing's Table I: three natures a word a line,
# the CRF reading the first and last but leaving the middle one ``O``.
@pytest.mark.parametrize("middle, natures", [
    ("See\nFootnotes", ["See Footnote", "See Footnotes", "See Footnote"]),
    # words that do not open as a nature does are left
    ("Class A\nStock", ["See Footnote", "See Footnote"]),
])
def test_repair_reads_an_untagged_stacked_nature_between_two_marks(middle, natures):
    text = f"See\nFootnote\n(2)\n\n{middle}\n(3)\n\nSee\nFootnote\n(4)"

    def crf(tokens):    # lines 4 and 5 hold the middle nature
        return ["B-fn_mark" if t.text.startswith("(") else "O" if t.line in (4, 5)
                else "B-nature" if t.text == "See" else "I-nature" for t in tokens]
    tokens, tags = _repaired(nature_repairs.repair_untagged_stacked_natures, text, crf, "table1")
    read, words = [], []
    for t, tag in zip(tokens, tags):
        if tag == "B-nature" and words:
            read.append(" ".join(words)); words = []
        if tag.endswith("nature"):
            words.append(t.text)
    assert read + [" ".join(words)] == natures


# Cut down from pdfminer's text of a real filing's Table I, printed a column at a time:
# the codes, then the amounts with their A/D letters, read as amounts owned and D/I letters.
CODE_COLUMN = "S\nS\nS\n3,149,999 D\n175,000 D\n{third}\n(1)"


@pytest.mark.parametrize("third, tags", [
    ("30,000\nD", ["B-shares", "B-ad"] * 3),
    # fewer amounts than codes (a page's last printed after its marks): those there
    ("(2)", ["B-shares", "B-ad"] * 2 + ["B-fn_mark"]),
])
def test_repair_reads_the_column_after_the_codes_as_amounts_and_sides(third, tags):
    crf = {"3,149,999": "B-shares", "S": "B-code", "(1)": "B-fn_mark", "(2)": "B-fn_mark"}

    def tag_tokens(tokens):
        out = []
        for t in tokens:
            out.append(crf.get(t.text) or ("B-di" if t.text == "D" and out[-1] != "B-shares" else
                                            "B-ad" if t.text == "D" else "B-owned"))
        return out
    tokens, read = _repaired(amount_repairs.repair_amount_column_after_codes,
                           CODE_COLUMN.format(third=third), tag_tokens,
                             "table1")
    assert [tag for t, tag in zip(tokens, read) if t.text not in ("S", "(1)")] == tags


def test_repair_leaves_amounts_owned_after_a_lone_code():
    tokens, read = _repaired(amount_repairs.repair_amount_column_after_codes, "S\n175,000 D\n30,000 D", lambda toks: [
        "B-code", "B-owned", "B-di", "B-owned", "B-di"], "table1")
    assert read == ["B-code", "B-owned", "B-di", "B-owned", "B-di"]


# Cut down from pdfminer's text of a real filing's Table I, printed a column at a time:
# each price a ``$`` line over its number, which the CRF left untagged.
@pytest.mark.parametrize("text, prices", [
    ("S\n$\n5.5827\n(1)\n$\n5.5348 (6)", ["5.5827", "5.5348"]),
    # a whole number below a ``$`` may be a holding: left as read
    ("S\n$\n5,827\n(1)", []),
    # a number under a line holding more than the ``$``: another rule's
    ("S\nPrice $\n5.5827", []),
])
def test_repair_reads_a_number_below_a_lone_dollar_as_a_price(text, prices):
    tokens, read = _repaired(amount_repairs.repair_price_column, text, lambda toks: [
        "B-code" if t.text == "S" else "B-fn_mark" if t.text.startswith("(") else "O" for t in toks], "table1")
    assert [t.text for t, tag in zip(tokens, read) if tag == "B-price"] == prices


# Cut down from plain pdftotext of a real filing's Table I, printed a column at a time:
# the second row's amount, read as an amount owned, above its price and amount owned.
@pytest.mark.parametrize("text, amounts", [
    ("202,745\nD\n33,000\n\n$\n52.8208 169,745\nD", ["33,000"]),
    # an amount owned right after a price is the row's: left as read
    ("$\n68.184\n15,294\n$ 67.5 16,094", []),
    # an amount owned sharing its line: left as read
    ("D 33,000 (1)\n$\n52.8208 169,745", []),
])
def test_repair_reads_an_amount_owned_above_a_price_and_amount_owned_as_the_amount(text, amounts):
    def crf(t):
        return ("B-di" if t.text == "D" else "B-fn_mark" if t.text.startswith("(") else "O" if t.text == "$"
                else "B-price" if "." in t.text else "B-owned")
    tokens = tokenize(text)
    tags = [crf(t) for t in tokens]
    amount_repairs.repair_owned_before_prices(tokens, tags, ["table1"] * len(text.split("\n")))
    assert [t.text for t, tag in zip(tokens, tags) if tag == "B-shares"] == amounts


# Cut down from EDGAR ASCII of a real filing's Table II: the underlying amount wrapped in
# its narrow cell, read as a second amount owned.
WRAPPED_UNDERLYING = ("J(8) 2,977,085 Class A    2,977, 0.0000     2,977,085    I\n"
                      "               Common     085")


@pytest.mark.parametrize("text, underlying", [
    (WRAPPED_UNDERLYING, ["2,977", ",", "085"]),
    # no underlying title before the first: left as read
    (WRAPPED_UNDERLYING.replace("Class A", "       "), []),
])
def test_repair_reads_the_first_of_two_amounts_owned_as_the_underlying_amount(text, underlying):
    tokens = tokenize(text)
    owned_first = text.index("2,977, ")
    tags = []
    for t in tokens:
        if t.text == "Class":
            tags.append("B-und_title")
        elif t.text in ("A", "Common"):
            tags.append("I-und_title")
        elif t.start == owned_first or t.text == "2,977,085" and t.start > owned_first:
            tags.append("B-owned")
        elif t.text in (",", "085"):
            tags.append("I-owned")
        else:
            tags.append({"2,977,085": "B-shares", "0.0000": "B-price", "I": "B-di"}.get(t.text, "O"))
    amount_repairs.repair_first_of_two_owned(tokens, tags, ["table2"] * 2)
    assert [t.text for t, tag in zip(tokens, tags) if tag[2:] == "und_shares"] == underlying


# Cut down from plain pdftotext of a real filing: Table II's underlying title and amount
# printed among the Reporting Owners lines, the amount read as the owner's ZIP.
@pytest.mark.parametrize("zip_text, tag", [
    ("23,054", "O"),
    # postal codes keep their tag
    ("90069", "B-owner_zip"),
    ("M5V 3L9", "B-owner_zip"),
])
def test_repair_reads_no_number_with_a_thousands_comma_as_a_zip(zip_text, tag):
    tokens = tokenize(f"CALIFORNIA\nAmerican {zip_text}")
    tags = ["B-owner_state", "O", "B-owner_zip"] + ["I-owner_zip"] * (len(tokens) - 3)
    box_repairs.repair_grouped_zips(tokens, tags)
    assert tags[2] == tag


# Cut down from EDGAR ASCII of real filings' Table I (a director's plan holding, Amazon's
# 401(k) account): the plan's number in the nature column left O or read into the title
LGI_PLAN = ("Class C Common    2,282.00   I   By LGI 401\n"
            "Shares                                ( k ) Plan")
AMAZON_PLAN = ("Common Stock, par   6593.887   I   Amazon.com\n"
               "value $.01 per                      401(k)\n"
               "share                               plan account")


@pytest.mark.parametrize("text, crf, nature", [
    (LGI_PLAN, {"By": "B-nature", "LGI": "I-nature", "Plan": "I-nature"}, "By LGI 401 ( k ) Plan"),
    (AMAZON_PLAN, {"Amazon.com": "B-nature", "401(k": "I-title", ")": "I-title", "plan": "I-nature",
                   "account": "I-nature"}, "Amazon.com 401(k ) plan account"),
    # an amount of 401 shares ending a line, no (k) below it: no plan's number
    (LGI_PLAN.replace("( k ) ", ""), {"By": "B-nature", "LGI": "I-nature", "Plan": "I-nature"}, "By LGI Plan"),
])
def test_repair_reads_a_401k_plans_number_into_its_nature(text, crf, nature):
    tokens, tags = _repaired(nature_repairs.repair_plan_numbers, text, by_text(crf), "table1")
    assert " ".join(t.text for t, tag in zip(tokens, tags) if tag.endswith("nature")) == nature
