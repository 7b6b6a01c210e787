"""form4ml.xml_record: SEC ownership XML -> the record of spec/record.md (gold records, XML input)."""
import pytest

from form4ml.config import shared_dir
from form4ml.record import OWNER_KEYS, ROW_KEYS, TABLES, empty_record
from form4ml.xml_record import (issuer_cik, is_ownership_xml, read_record, record_of_xml_text, to_bool, to_date,
                                to_number)

CORPUS = shared_dir() / "corpus" / "form4"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"shared corpus not found at {CORPUS}")
FILES = sorted(CORPUS.glob("*.xml")) if CORPUS.is_dir() else []
DERIV = CORPUS / "ConnorVO__springloading_insider_trades__tests_xml_xml_deriv_and_nonderiv.xml"

MINIMAL = """<?xml version="1.0"?>
<ownershipDocument>
  <schemaVersion>X0306</schemaVersion><documentType>4/A</documentType>
  <periodOfReport>2014-02-18-05:00</periodOfReport>
  <dateOfOriginalSubmission>2014-02-20</dateOfOriginalSubmission>
  <issuer><issuerCik>0000007536</issuerCik><issuerName>ACME</issuerName>
    <issuerTradingSymbol>ACM</issuerTradingSymbol></issuer>
  <reportingOwner><reportingOwnerId><rptOwnerName>Doe  Jane</rptOwnerName></reportingOwnerId>
    <reportingOwnerRelationship><isDirector>1</isDirector><isOfficer>0</isOfficer>
    </reportingOwnerRelationship></reportingOwner>
  <nonDerivativeTable><nonDerivativeTransaction>
    <securityTitle><value>Common Stock</value><footnoteId id="F2"/></securityTitle>
    <transactionDate><value>2014-02-18</value></transactionDate>
    <transactionCoding><transactionCode>s</transactionCode><equitySwapInvolved>1</equitySwapInvolved>
      <footnoteId id="F1"/></transactionCoding>
    <transactionAmounts><transactionShares><value>25,893.00</value></transactionShares>
      <transactionPricePerShare><footnoteId id="F1"/></transactionPricePerShare>
      <transactionAcquiredDisposedCode><value>d</value></transactionAcquiredDisposedCode></transactionAmounts>
    <postTransactionAmounts><sharesOwnedFollowingTransaction><value>302060.5</value>
      </sharesOwnedFollowingTransaction></postTransactionAmounts>
    <ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership></ownershipNature>
  </nonDerivativeTransaction></nonDerivativeTable>
  <footnotes><footnote id="F1">Weighted
      average   price.</footnote><footnote id="F2">Held in trust.</footnote></footnotes>
  <remarks>  </remarks>
</ownershipDocument>
"""


def _write(tmp_path, text, name="f.xml"):
    path = tmp_path / name
    path.write_text(text)
    return path


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem[-40:])
def test_every_corpus_filing_yields_a_complete_record(path):
    record = read_record(path)
    assert set(record) == set(empty_record())
    assert record["document_type"] in ("4", "4/A")
    assert record["issuer"]["cik"] == issuer_cik(path)
    for owner in record["reporting_owners"]:
        assert set(owner) == set(OWNER_KEYS)
    for table in TABLES:
        for row in record[table]:
            assert set(row) == set(ROW_KEYS[table])
            assert len(row["footnote_ids"]) == len(set(row["footnote_ids"]))
    ids = {f["id"] for f in record["footnotes"]}
    assert all(i in ids for t in TABLES for row in record[t] for i in row["footnote_ids"])


@needs_corpus
def test_filing_with_derivative_rows_reads_every_value():
    r = read_record(DERIV)
    assert r["period_of_report"] == "2022-01-11"
    assert r["issuer"] == {"name": "Silk Road Medical Inc", "trading_symbol": "SILK", "cik": "0001397702"}
    owner = r["reporting_owners"][0]
    assert (owner["name"], owner["state"], owner["zip_code"]) == ("Rogers Erica J.", "CA", "94089")
    assert owner["is_director"] and owner["is_officer"] and not owner["is_other"]
    assert owner["officer_title"] == "President and CEO" and owner["other_text"] is None
    sale = r["non_derivative_transactions"][1]
    assert (sale["transaction_code"], sale["shares"], sale["price_per_share"]) == ("S", 10000, 41.8787)
    assert sale["footnote_ids"] == ["F1", "F2"]
    assert r["non_derivative_holdings"][0]["nature_of_ownership"] == "Trustees of The Surace/Rogers Family Trust"
    option = r["derivative_transactions"][0]
    assert option["conversion_or_exercise_price"] == 1.6 and option["price_per_share"] == 0
    assert (option["exercise_date"], option["expiration_date"]) == ("2016-09-04", "2026-08-04")
    assert option["underlying_shares"] == 10000 and option["footnote_ids"] == ["F1", "F4"]
    assert r["remarks"] is None
    assert r["signatures"] == [{"name": "/s/Mhairi Jones, by power of attorney", "date": "2022-01-13"}]


def test_values_are_normalised_and_missing_ones_are_null(tmp_path):
    r = read_record(_write(tmp_path, MINIMAL))
    assert r["document_type"] == "4/A"
    assert r["period_of_report"] == "2014-02-18"
    assert r["date_of_original_submission"] == "2014-02-20"
    owner = r["reporting_owners"][0]
    assert owner["name"] == "Doe Jane" and owner["is_director"] and not owner["is_officer"]
    assert owner["street1"] is None and owner["is_ten_percent_owner"] is False
    row = r["non_derivative_transactions"][0]
    assert row["shares"] == 25893 and isinstance(row["shares"], int)
    assert row["shares_owned_following"] == 302060.5
    assert (row["transaction_code"], row["acquired_disposed"]) == ("S", "D")
    assert row["equity_swap_involved"] is True and row["price_per_share"] is None
    assert row["deemed_execution_date"] is None
    assert row["footnote_ids"] == ["F2", "F1"]
    assert r["footnotes"][0] == {"id": "F1", "text": "Weighted average price."}
    assert r["remarks"] is None and r["signatures"] == []


@pytest.mark.parametrize("raw, expected", [
    ("2014-02-18", "2014-02-18"), ("2014-02-18-05:00", "2014-02-18"), ("", None), (None, None)])
def test_dates_become_iso(raw, expected):
    assert to_date(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("1000", 1000), ("1000.00", 1000), ("3.17", 3.17), ("25,893", 25893), ("", None), ("n/a", None)])
def test_numbers_are_int_when_integral_else_float(raw, expected):
    value = to_number(raw)
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize("raw, expected", [
    ("1", True), ("true", True), ("TRUE", True), ("0", False), ("false", False), (None, False)])
def test_flags_accept_digits_and_words(raw, expected):
    assert to_bool(raw) is expected


@pytest.mark.parametrize("text", ["<ownershipDocument><issuer>", "not xml at all",
                                  "<html><body>Form 4</body></html>"])
def test_bad_xml_raises_value_error_naming_the_file(tmp_path, text):
    path = _write(tmp_path, text, "broken_filing.xml")
    with pytest.raises(ValueError, match="broken_filing.xml"):
        read_record(path)
    with pytest.raises(ValueError, match="broken_filing.xml"):
        issuer_cik(path)


def test_missing_file_raises_value_error_naming_it(tmp_path):
    with pytest.raises(ValueError, match="nowhere.xml"):
        read_record(tmp_path / "nowhere.xml")


def _submission(xml):
    """The XML as EDGAR's full-text submission wraps it."""
    return f"<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>4\n<TEXT>\n<XML>\n{xml}\n</XML>\n</TEXT>\n</DOCUMENT>\n"


@pytest.mark.parametrize("text, xml", [
    (MINIMAL, True),
    (_submission(MINIMAL), True),
    ("FORM 4\nTable I - Non-Derivative Securities", False),
    ("<ownershipDocument> cut off", False),
])
def test_is_ownership_xml_finds_the_document_in_a_text(text, xml):
    assert is_ownership_xml(text) == xml


@pytest.mark.parametrize("wrap", [lambda x: x, _submission])
def test_record_of_xml_text_is_the_files_record(wrap, tmp_path):
    (tmp_path / "f.xml").write_text(MINIMAL)
    assert record_of_xml_text(wrap(MINIMAL)) == read_record(tmp_path / "f.xml")


def test_extract_reads_an_ownership_xml_as_the_record_it_holds(tmp_path):
    from form4ml.batch import lowest_confidence
    from form4ml.pipeline import extract_text
    (tmp_path / "f.xml").write_text(MINIMAL)
    rec = extract_text(_submission(MINIMAL))
    assert {k: v for k, v in rec.items() if k not in ("warnings", "provenance")} == read_record(tmp_path / "f.xml")
    assert rec["provenance"] == {} and lowest_confidence(rec) == (None, 1.0)


def test_record_of_xml_text_never_reads_a_file_an_entity_names(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    text = (f'<!DOCTYPE o [<!ENTITY x SYSTEM "file://{secret}">]>'
            "<ownershipDocument><issuer><issuerName>ACME &x;</issuerName></issuer></ownershipDocument>")
    assert "SECRET" not in str(record_of_xml_text(text))
