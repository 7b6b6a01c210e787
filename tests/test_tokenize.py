import pytest

from form4ml.tokenize import tokenize


@pytest.mark.parametrize("text, tokens", [
    ("25,893", ["25,893"]),
    ("$3.17", ["$", "3.17"]),
    ("02/18/2014", ["02/18/2014"]),
    ("301,097(1)", ["301,097", "(1)"]),
    ("45,838[F2]", ["45,838", "[F2]"]),
    ("(1)(2)", ["(1)", "(2)"]),
    ("Stock Option (right to buy)", ["Stock", "Option", "(", "right", "to", "buy", ")"]),
    ("C/O SONUS NETWORKS, INC.", ["C/O", "SONUS", "NETWORKS", ",", "INC", "."]),
    ("2/7/0\t0", ["2/7/0", "0"]),
    ("$3.1700 1,000.00", ["$", "3.1700", "1,000.00"]),
    # a mark a fixed-width cell cut before its bracket comes off its value too
    ("1056.3180(1 158060742", ["1056.3180", "(1", "158060742"]),
    ("838.5710[F1 158060742", ["838.5710", "[F1", "158060742"]),
    ("957.7680[F 1,493,649.00", ["957.7680", "[F", "1,493,649.00"]),
    ("|9,098.00[F|D", ["|", "9,098.00", "[F", "|", "D"]),
    # and off a word, after its whole marks: a nature's ``L.P.[F2][F`` / ``3][F4]``
    ("L.P.[F2][F", ["L.P.", "[F2]", "[F"]),
    ("Footno tes[F2][F3", ["Footno", "tes", "[F2]", "[F3"]),
])
def test_tokenize_keeps_form4_values_whole(text, tokens):
    assert [t.text for t in tokenize(text)] == tokens


@pytest.mark.parametrize("text, tokens", [
    ("Trading SymbolMICROSOFT CORP", ["Trading", "Symbol", "MICROSOFT", "CORP"]),
    ("Coleman Amy2. Issuer Name", ["Coleman", "Amy", "2", ".", "Issuer", "Name"]),
    ("ONE MICROSOFT WAY3. Date", ["ONE", "MICROSOFT", "WAY", "3", ".", "Date"]),
    ("Responses:1.The option", ["Responses", ":", "1", ".", "The", "option"]),
    ("Series A1 Preferred", ["Series", "A1", "Preferred"]),
    ("Rule 10b5-1 plan X0306", ["Rule", "10b5-1", "plan", "X0306"]),
    ("MacKenzie", ["MacKenzie"]),
    ("below)(Last)(First)(Middle)7 WORLD", ["below)", "(Last)", "(First)", "(Middle)", "7", "WORLD"]),
    ("TRADE CENTER250 GREENWICH", ["TRADE", "CENTER", "250", "GREENWICH"]),
    ("C/O FACEBOOK, INC.1601 WILLOW", ["C/O", "FACEBOOK", ",", "INC.", "1601", "WILLOW"]),
    # an address's second line glued to its first (the <br> between them dropped)
    ("C/O MICROSOFT CORPORATIONONE MICROSOFT WAY", ["C/O", "MICROSOFT", "CORPORATION", "ONE", "MICROSOFT", "WAY"]),
    ("2401 E. KATELLA AVESUITE 300", ["2401", "E", ".", "KATELLA", "AVE", "SUITE", "300"]),
    ("BIOTECHNOLOGIES CORP.SUITE 200", ["BIOTECHNOLOGIES", "CORP.", "SUITE", "200"]),
    ("100 CARR 115UNIT 1900", ["100", "CARR", "115", "UNIT", "1900"]),
    ("Trading SymbolFacebook Inc", ["Trading", "Symbol", "Facebook", "Inc"]),
    ("Trading Symbol10x Genomics", ["Trading", "Symbol", "10x", "Genomics"]),
    ("KEYSTONE MILESTONE PHONE COURTROOMS", ["KEYSTONE", "MILESTONE", "PHONE", "COURTROOMS"]),
    ("by Rivendell.(2)Represents shares", ["by", "Rivendell.", "(2)", "Represents", "shares"]),
    ("of issuance.Note: File", ["of", "issuance.", "Note", ":", "File"]),
    ("18 U.S.C. 1001", ["18", "U.S.C", ".", "1001"]),
    ("Option (right to buy)(1) S(1) 301,097(1)", ["Option", "(", "right", "to", "buy", ")", "(1)", "S", "(1)",
                                                  "301,097", "(1)"]),
])
def test_tokenize_parts_cells_glued_by_html_scraping(text, tokens):
    assert [t.text for t in tokenize(text)] == tokens


# Cut down from Tesseract OCR of printed filings: table rules read as brackets or braces.
@pytest.mark.parametrize("text, tokens", [
    ("96,000,000}A |23.34]96,000,000 D", ["96,000,000", "}", "A", "|", "23.34", "]", "96,000,000", "D"]),
    ("}9. Number", ["}", "9", ".", "Number"]),
    ("Stock[2", ["Stock", "[", "2"]),
    ("114,566]", ["114,566", "]"]),
    # a mark's closing bracket left between two amounts (its opening lost)
    ("|175.2414)565 1", ["|", "175.2414", ")", "565", "1"]),
    # footnote marks and ticker brackets stay as they were
    ("301,097[F3] [F3]Common $150.84[F1]", ["301,097", "[F3]", "[F3]", "Common", "$", "150.84", "[F1]"]),
    ("SONUS [ SONS ]", ["SONUS", "[", "SONS", "]"]),
    ("S(1)2,000", ["S(1)", "2,000"]),
])
def test_tokenize_parts_cells_glued_by_ocr_rules(text, tokens):
    assert [t.text for t in tokenize(text)] == tokens


def test_tokenize_records_line_column_and_cell():
    toks = tokenize("FORM 4\nCommon\tStock\t25,893")
    amount = toks[-1]
    assert (amount.line, amount.cell, amount.col) == (1, 2, 13)
    assert "FORM 4\nCommon\tStock\t25,893"[amount.start:amount.end] == "25,893"


@pytest.mark.parametrize("text, runs", [
    ("Common Stock\n\n02/18/2014 S\n(1)", {0: range(0, 2), 2: range(2, 4), 3: range(4, 5)}),
    ("\n\n", {}),
])
def test_tokens_know_each_lines_run_of_tokens(text, runs):
    assert tokenize(text).line_runs == runs
