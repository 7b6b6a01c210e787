import pytest

from form4ml.values import clean_text, parse_code, parse_date, parse_number, parse_price, state_code


@pytest.mark.parametrize("text, value", [
    ("25,893", 25893), ("$3.17", 3.17), ("$ 3.17", 3.17), ("3.1700", 3.17), ("1,000.00", 1000),
    ("$0", 0), ("25.893", 25.893), ("26.325", 26.325), ("301,097(1)", 301097), ("3,17", 3.17), ("1.234.567", 1234567),
    ("2,219,29 9", 2219299), ("O.5", 0.5), ("n/a", None), ("", None),
])
def test_parse_number_reads_share_and_price_styles(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, value", [
    # Tesseract of real filings' amounts owned: the decimal point lost after a thousands comma
    ("15,25876", 15258.76), ("11,5528", 11552.8), ("1,234,5678", 1234567.8),
    # a comma before two digits stays a decimal comma, as does one after a thousands point
    ("3,17", 3.17), ("1.234,5678", 1234.5678),
])
def test_parse_number_reads_a_comma_before_more_than_three_digits_as_a_thousands_comma(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, value", [
    # OCR of a scanned copy reads the dollar sign as S: a price, not a 5
    ("S0", 0), ("S146.56", 146.56), (" s3.17", 3.17),
    ("$3.17", 3.17), ("3.17", 3.17),
])
def test_parse_price_reads_ocrs_s_before_the_digits_as_the_dollar_sign(text, value):
    assert parse_price(text) == value


@pytest.mark.parametrize("pieces, fallback, iso", [
    (["02/18/2014"], None, "2014-02-18"),
    (["2/18/14"], None, "2014-02-18"),
    (["2014-02-18"], None, "2014-02-18"),
    (["Feb. 18, 2014"], None, "2014-02-18"),
    (["02/18/2", "2014"], None, "2014-02-18"),
    (["2/7/0", "0"], None, "2000-02-07"),
    (["/2014", "2014"], "2014-02-18", "2014-02-18"),
    (["/2014"], "2013-06-17", None),
    (["Immediately"], None, None),
    # OCR reads digits as look-alike letters; words keep theirs
    (["02/18/20l4"], None, "2014-02-18"),
    (["O2/I8/2O14"], None, "2014-02-18"),
    (["og/14/2023"], "2023-09-13", "2023-09-14"),
    (["Oct. 5, 2014"], None, "2014-10-05"),
])
def test_parse_date_joins_pieces_and_fills_from_period(pieces, fallback, iso):
    assert parse_date(pieces, fallback) == iso


@pytest.mark.parametrize("text, value", [("295.028", 295.028), ("$3.17", 3.17), ("1,234.5", 1234.5)])
def test_parse_number_keeps_three_decimal_prices(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, allowed, code", [("A", "AD", "A"), ("(D)", "AD", "D"), ("0", "AD", "D"),
                                                 ("1", "DI", "I"), ("x", "AD", None),
                                                 # a real filing's scan: OCR read the I as a table rule
                                                 ("|", "DI", "I")])
def test_parse_code_reads_ocr_variants(text, allowed, code):
    assert parse_code(text, allowed) == code


def test_clean_text_joins_pieces():
    assert clean_text(["Stock Option", "(right to buy )"]) == "Stock Option (right to buy)"


# Cut down from OCR of real filings' natures and notes (a venture fund's second fund)
@pytest.mark.parametrize("pieces, text", [
    (["By The Founders Fund Il,", "LP"], "By The Founders Fund II, LP"),
    (["managers of FF Il Management"], "managers of FF II Management"),
    (["Ilene Smith Trust"], "Ilene Smith Trust"),     # a word beginning so is no numeral
    (["Trust Il's shares"], "Trust Il's shares"),
])
def test_clean_text_reads_ocrs_lone_il_as_the_numeral_two(pieces, text):
    assert clean_text(pieces) == text


@pytest.mark.parametrize("text, code", [
    ("CALIFORNIA", "CA"), ("New  York", "NY"), ("WA", "WA"), (None, None),
    # places abroad by EDGAR's codes, as the SEC's stylesheet spells them out
    ("DENMARK", "G7"), ("BRITISH COLUMBIA , CANADA", "A1"), ("KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF", "M4"),
    ("ATLANTIS", "ATLANTIS"),
])
def test_state_code_turns_state_names_into_edgar_codes(text, code):
    assert state_code(text) == code


@pytest.mark.parametrize("pieces, text", [
    (["Series C-", "1", "Preferred Stock"], "Series C-1 Preferred Stock"),
    (["Class A-", "B", "Units"], "Class A-B Units"),
    (["Stock-", "Settled Units"], "Stock-Settled Units"),
    (["Class A -", "Common"], "Class A - Common"),      # a dash between words stays one
])
def test_clean_text_joins_a_word_wrapped_at_its_hyphen(pieces, text):
    assert clean_text(pieces) == text
