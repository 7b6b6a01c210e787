"""The record's one-off fields read again from the text around their spans."""
import pytest

from form4ml.assemble import assemble
from form4ml.pieces import Piece
from form4ml.rereads import (
    issuer_after_owner, issuer_before_ticker, issuer_wrapped_about_ticker, reread_from_text, signatures_after_titles,
    ticker_after_issuer,
)

from .builders import owner_pieces


@pytest.mark.parametrize("after, ticker", [(" [ SONS ]", "SONS"), ("  (BRK.B)", "BRK.B"), (" Inc. [", None),
                                           ("\n3. Date", None)])
def test_ticker_after_issuer_reads_the_bracketed_symbol_following_the_name(after, ticker):
    text = "2. Issuer Name SONUS NETWORKS" + after
    start = text.index("SONUS")
    rec = assemble([Piece("issuer_name", "SONUS NETWORKS", start, start + 14, "issuer", 0.9, True)])
    assert ticker_after_issuer(rec, text)["issuer"]["trading_symbol"] == ticker


# OCR of real filings' box 2 (JPMorgan, Microsoft): the name on one line, the symbol in
# brackets OCR misread on a line below, beside box 5's check marks
@pytest.mark.parametrize("box, ticker", [
    ("JPMORGAN CHASE & CO (Check all applicable)\n{JPM} _X__ Director ___ 10% Owner", "JPM"),
    ("Trading Symbol Person(s) to Issuer\n(MSFT] X_ Director 10% Owner", "MSFT"),
    # a lone letter is a box's mark, not a symbol; lines far below are other boxes'
    ("JPMORGAN CHASE & CO\n(X) Director", None),
    ("JPMORGAN CHASE & CO\n\n\n\n\n\n(Instr. 3) [JPM]", None),
])
def test_ticker_after_issuer_reads_a_bracketed_symbol_below_box_twos_label(box, ticker):
    text = "1. Name and Address of Reporting Person * 2. Issuer Name and Ticker or Trading\n" + box
    assert ticker_after_issuer(assemble([]), text)["issuer"]["trading_symbol"] == ticker


# The plain-text rendering of real filings: the CRF tagged the ticker, not the name before it.
@pytest.mark.parametrize("line, name", [
    ("Issuer Name and Ticker: Facebook Inc [ FB ]", "Facebook Inc"),
    ("2. Issuer Name and Ticker or Trading Symbol Facebook Inc [FB]", "Facebook Inc"),
    ("Issuer\tFacebook Inc (FB)", "Facebook Inc"),
    ("Issuer Name and Ticker or Trading Symbol Facebook Inc {FB}", "Facebook Inc"),    # OCR's brackets
    # nothing but the label before the bracket
    ("Issuer Name and Ticker: [ FB ]", None),
])
def test_issuer_before_ticker_reads_the_name_the_bracket_follows(line, name):
    text = "FORM 4\n" + line + "\nDate of Earliest Transaction: May 15, 2020"
    start = text.index("FB")
    rec = issuer_before_ticker(assemble([Piece("ticker", "FB", start, start + 2, "issuer", 0.9, True)]), text)
    assert rec["issuer"]["name"] == name
    if name:
        where = rec["provenance"]["issuer.name"]
        assert text[where["start"]:where["end"]] == name


# box 1's name and box 2's on one line (plain pdftotext, OCR), read as one issuer name;
# box 5's officer title and the signature on one line (pdfminer), read as one signer's name
@pytest.mark.parametrize("rule, owner, label, line, path, value", [
    (issuer_after_owner, owner_pieces("THIEL PETER"), "issuer_name", "THIEL PETER Facebook Inc", "issuer.name",
     "Facebook Inc"),
    (issuer_after_owner, owner_pieces("MacGregor Catherine"), "issuer_name", "MacGregor Catherine MICROSOFT CORP",
     "issuer.name", "MICROSOFT CORP"),
    (issuer_after_owner, owner_pieces("CITIGROUP INC"), "issuer_name", "CITIGROUP INC WOLFSPEED, INC.", "issuer.name",
     "WOLFSPEED, INC."),
    (signatures_after_titles, owner_pieces(title="EVP, Strategy"), "sig_name",
     "EVP, Strategy Julia Stark, Attorney-in-Fact for Kathleen T. Hogan", "signatures[0].name",
     "Julia Stark, Attorney-in-Fact for Kathleen T. Hogan"),
    (signatures_after_titles, owner_pieces(title="SVP, Operations"), "sig_name", "SVP, Operations /s/ Nancy Hill",
     "signatures[0].name", "/s/ Nancy Hill"),
    (signatures_after_titles, owner_pieces(title="Chief Accounting Officer", flag="is_other"), "sig_name",
     "Chief Accounting Officer /s/Linda Lam by Power of Attorney", "signatures[0].name",
     "/s/Linda Lam by Power of Attorney"),
    (signatures_after_titles, owner_pieces(title="SVP, Operations"), "sig_name", "SVP, Operations, /s/ Nancy Hill",
     "signatures[0].name", "/s/ Nancy Hill"),
    # a value that is the other field's whole text, or only shares a word with it, stays whole
    (issuer_after_owner, owner_pieces("CITIGROUP INC"), "issuer_name", "CITIGROUP INC", "issuer.name", "CITIGROUP INC"),
    (issuer_after_owner, owner_pieces("THIEL PETER"), "issuer_name", "PETER KIEWIT SONS INC", "issuer.name",
     "PETER KIEWIT SONS INC"),
    (signatures_after_titles, owner_pieces(title="President"), "sig_name", "Presidential Trust by its trustee",
     "signatures[0].name", "Presidential Trust by its trustee"),
])
def test_a_value_loses_another_fields_words_run_into_its_start(rule, owner, label, line, path, value):
    text = "Box\n" + line + "\n"
    start = text.index(line)
    rec = rule(assemble(owner + [Piece(label, line, start, start + len(line), "issuer", 0.9, True)]), text)
    where = rec["provenance"][path]
    got = rec["issuer"]["name"] if path == "issuer.name" else rec["signatures"][0]["name"]
    assert (got, text[where["start"]:where["end"]]) == (value, value)


# plain pdftotext of a real filing's boxes 1 and 2 on one line: each fix feeds the next
@pytest.mark.parametrize("label, value", [
    ("issuer_name", "THIEL PETER Facebook Inc"),     # the name tagged: its ticker read after it
    ("ticker", "FB"),                                # the ticker tagged: the name read before it
])
def test_reread_from_text_reads_ticker_and_issuer_name_and_drops_the_owners_name(label, value):
    text = "Box\n2. Issuer Name and Ticker: THIEL PETER Facebook Inc [ FB ]\n"
    start = text.index(value)
    piece = Piece(label, value, start, start + len(value), "issuer", 0.9, True)
    rec = reread_from_text(assemble(owner_pieces("THIEL PETER") + [piece]), text)
    assert (rec["issuer"]["name"], rec["issuer"]["trading_symbol"]) == ("Facebook Inc", "FB")


# Tesseract's reading of a real filing's boxes 1 and 2 (JPMorgan, ocr_medium_200): box
# 2's label garbled, the symbol in OCR's braces on the line below the owner's name
@pytest.mark.parametrize("label, issuer", [
    ("2obssuer Name amd feker ot Eradsna", ("JPMORGAN CHASE & CO", "JPM")),
    ("2. Relationship of Reporting Person", (None, None)),     # no box 2 label: no symbol taken
])
def test_reread_from_text_finds_box_two_below_an_ocr_garbled_label(label, issuer):
    text = (f"P Nate can) Wdiipss of Repertnu Person {label} > Relunenship\n"
            "BURKE STEPHEN B Sembol Issuer\nJPMORGAN CHASE & CO {JPM} ee tech lk\n")
    rec = reread_from_text(assemble(owner_pieces("BURKE STEPHEN B")), text)
    assert (rec["issuer"]["name"], rec["issuer"]["trading_symbol"]) == issuer


# Tesseract's reading of real filings' box 2 (AMD, Napco): the issuer's name wrapped over
# two lines, box 5's label after its first line, the symbol after its second
AMD_BOX = "SMITH DARLA M Symbol Issuer :\nADVANCED MICRO DEVICES (Check all applicable)\nINC [AMD] ___ Director\n"
NAPCO_BOX = "WILDER ANDREW Symbol Issuer\nNAPCO SECURITY (Check all applicable)\nTECHNOLOGIES, INC [NSSC] _X_ Director\n"


@pytest.mark.parametrize("box, tagged, name", [
    (AMD_BOX, "ADVANCED MICRO DEVICES", "ADVANCED MICRO DEVICES INC"),
    (NAPCO_BOX, "TECHNOLOGIES, INC", "NAPCO SECURITY TECHNOLOGIES, INC"),
    # the name whole on the symbol's line: the owner's line above is none of it
    ("SMITH DARLA M Symbol Issuer :\nADVANCED MICRO DEVICES INC [AMD] ___ Director\n", "ADVANCED MICRO DEVICES INC",
     "ADVANCED MICRO DEVICES INC"),
])
def test_issuer_wrapped_about_ticker_reads_both_lines_of_box_twos_name(box, tagged, name):
    text = "2. Issuer Name and Ticker or Trading\n" + box
    start, symbol = text.index(tagged), text.index("[") + 1
    ticker = text[symbol:text.index("]")]
    pieces = [Piece("issuer_name", tagged, start, start + len(tagged), "issuer", 0.9, True),
              Piece("ticker", ticker, symbol, symbol + len(ticker), "issuer", 0.9, True)]
    rec = issuer_wrapped_about_ticker(assemble(pieces), text)
    assert rec["issuer"]["name"] == name
    where = rec["provenance"]["issuer.name"]
    assert text[where["start"]:where["end"]].startswith(name.split()[0])
