import pytest

from form4ml.normalise import case_view, normalise


@pytest.mark.parametrize("raw, expected", [
    ("45,838 <sup>(3)</sup> D", "45,838  (3) D"),
    ("\\$3.17", "$3.17"),
    ("## Remarks:", "Remarks:"),
    ("## **Remarks:**", "Remarks:"),
    ("<b>and</b>", " and "),
    ("$^{\\star}$ If the form", "* If the form"),
    ("122,728 (2) \u0391 $0", "122,728 (2) A $0"),
    ("a\u00a0b\fc", "a b\nc"),
    ("a\fb\rc", "a\nb\nc"),      # ASCII text still has its page breaks mapped
    ("1,000\u00b9", "1,000 (1)"),
    ("D\t\t\\$3.\t3\t378,950", "D\t\t$3.3\t378,950"),   # seed 001: a price cut after its point
    ("$ 12.\t\t50", "$ 12.50"),
    # OCR's check mark glued to its box's label (real scans)
    ("[CVGW] X_Director _10% Owner", "[CVGW] X_ Director _10% Owner"),
    ("INC [NONE] \u2014X_ Director", "INC [NONE] _X_ Director"),
    ("_X_ Director", "_X_ Director"),
    ("BOX_Director a-X_ b", "BOX_Director a-X_ b"),
    # an amount cut after its point, no dollar sign (a markdown dump of a scan)
    ("\\$0\t\t4,381.\t205\tD", "$0\t\t4,381.205\tD"),
    ("Units\t88.\t645 <sup>(2)</sup>\t", "Units\t88.645  (2)\t"),
    ("4.\t5.\t6. Date Exercisable", "4.\t5.\t6. Date Exercisable"),    # a heading's numbers
    ("2.\t2 of the shares", "2.\t2 of the shares"),
    ("1.\t25% of the shares", "1.\t25% of the shares"),    # a footnote number stays apart
    # a markdown dump of a scan cuts an amount inside its last thousands (real filings)
    ("Common Stock\t\t15,8\t05\t\tI", "Common Stock\t\t15,805\t\tI"),
    ("\t12,345,6\t78\t", "\t12,345,678\t"),
    ("\t1,2\t3\t", "\t1,2\t3\t"),      # no group of three when joined: two cells
    ("C\t4,0\t25,764\t(1)", "C\t4,025,764\t(1)"),     # cut inside its first group (a real filing)
    ("F\t49\tD\t\\$68,27\t\t\t2,353.34", "F\t49\tD\t$68,27\t\t\t2,353.34"),   # a price, then the next cell
    # scraped HTML glues a Table II row's two dates (a real filing)
    ("03/16/2021\tP\t23,054\t03/17/202103/17/2026", "03/16/2021\tP\t23,054\t03/17/2021 03/17/2026"),
    # scraped HTML glues a header box's number to the street or ZIP before it (real filings)
    ("AVESUITE 3003. Date of Earliest", "AVESUITE 300 3. Date of Earliest"),
    ("928064. If Amendment", "92806 4. If Amendment"),
    ("SMITH BRADFORD L2. Issuer Name", "SMITH BRADFORD L 2. Issuer Name"),
    ("BANK OF AMERICA CORP /DE/2. Issuer Name", "BANK OF AMERICA CORP /DE/ 2. Issuer Name"),
    ("Adams Katherine L.2. Issuer Name", "Adams Katherine L. 2. Issuer Name"),
    ("Series C2 Preferred", "Series C2 Preferred"),
    ("2019 3. Date of Earliest", "2019 3. Date of Earliest"),
    ("Owned Following11. Nature of", "Owned Following11. Nature of"),
    # a markdown pipe table (docling, markitdown) reads as tab-separated cells, its rule blank
    ("| Title | Date | Code |\n|---|:--:|---|\n| Common Stock | 02/18/2014 | F |",
     "Title\tDate\tCode\n\nCommon Stock\t02/18/2014\tF"),
    ("|  | 25,893 (1) |", "\t25,893 (1)"),
    # EDGAR ASCII's | columns and plain text's | cells stay
    ("Common Stock       |02/18/2014  |F   |\n                   |            |(I) |",
     "Common Stock       |02/18/2014  |F   |\n                   |            |(I) |"),
    ("Title | Date | Code", "Title | Date | Code"),
    # a double-spaced copy loses one blank line of each run; a text with lines together keeps all
    ("\n\n".join(f"line {n}" for n in range(12)) + "\n\n\n\nend",
     "\n".join(f"line {n}" for n in range(12)) + "\n\n\nend"),
    ("FORM 4\n\nTable I\nCommon Stock", "FORM 4\n\nTable I\nCommon Stock"),
    # a PDF font's ligatures (pdfminer, pypdfium2) as letters
    ("Bene\ufb01cially Owned, \ufb02oor, o\ufb03ce", "Beneficially Owned, floor, office"),
    # Windows line ends are one line break, not two
    ("FORM 4\r\n\r\nTable I\r\nCommon Stock", "FORM 4\n\nTable I\nCommon Stock"),
    # an indented copy loses the indent its lines share, blank lines aside
    ("    FORM 4\n\n      Table I\n    ## Remarks:", "FORM 4\n\n  Table I\nRemarks:"),
    ("FORM 4\n      Table I", "FORM 4\n      Table I"),
    # OCR of a real filing's Table I row: the price column's mark ``(1)`` lost its closing
    # bracket and ran into the amount owned
    ("697,674 A (12,315,111 D", "697,674 A (1) 2,315,111 D"),
    ("A $0 (15,160,301\n", "A $0 (1) 5,160,301\n"),
    # an amount in brackets, or in a note's words: left
    ("A (12,315,111) D", "A (12,315,111) D"),
    ("(15,000 shares were sold)", "(15,000 shares were sold)"),
])
def test_normalise_undoes_converter_artefacts(raw, expected):
    assert normalise(raw).text == expected


@pytest.mark.parametrize("raw, value", [
    ("x <sup>(3)</sup> \\$3.17 y", "3.17"),
    ("## Table I\n\u0391 25,893", "25,893"),
    ("FORM 4\r\n\r\nCommon Stock 25,893\r\n", "25,893"),
    ("Bene\ufb01cially O\ufb03cer 25,893", "25,893"),
    ("    FORM 4\n    Common Stock 25,893", "25,893"),
    ("| Title | Shares |\n|---|---|\n| Common Stock | 25,893 |", "25,893"),
])
def test_normalise_maps_offsets_back_to_original(raw, value):
    norm = normalise(raw)
    i = norm.text.index(value)
    start, end = norm.to_original(i, i + len(value))
    assert raw[start:end] == value


def test_normalise_maps_a_joined_price_back_over_the_cell_break():
    raw = "D \\$3.\t3 378,950"
    norm = normalise(raw)
    i = norm.text.index("3.3")
    start, end = norm.to_original(i, i + 3)
    assert raw[start:end] == "3.\t3"


def test_normalise_keeps_footnote_digit_at_its_place():
    raw = "45,838 <sup>(3)</sup>"
    norm = normalise(raw)
    i = norm.text.index("3)")
    assert raw[norm.to_original(i, i + 1)[0]] == "3"


FORM_WORDS = frozenset({"table", "securities", "derivative", "common", "stock"})


@pytest.mark.parametrize("text, view", [
    # in a text in capitals the form's words are seen in the case the models learnt;
    # the filer's values (names, addresses) and short words stay as written
    ("TABLE I - NON-DERIVATIVE SECURITIES\nCOMMON STOCK 02/18/2014 S 100 D $10.00 900 D BY LLC",
     "Table I - NON-Derivative Securities\nCommon Stock 02/18/2014 S 100 D $10.00 900 D BY LLC"),
    ("SMITH JOHN\nREDMOND, WA 98052", "SMITH JOHN\nREDMOND, WA 98052"),
    # mixed case is left as it is
    ("Table I\nCOMMON STOCK 02/18/2014", "Table I\nCOMMON STOCK 02/18/2014"),
    ("", ""),
])
def test_case_view_sees_the_forms_words_of_a_text_in_capitals_in_mixed_case(text, view):
    assert case_view(text, FORM_WORDS) == view
