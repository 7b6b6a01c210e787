"""Read SEC ownership XML (Form 4 and 4/A, schemas X0303..X0609) into the record of spec/record.md:
the gold records of the training corpus, and the record of an XML a user gives ``extract``.

Where a filing reports a value instead of a share count (debt, interests), the value
stands in the share columns, as EDGAR's own rendering shows it.
"""
import re

from lxml import etree

from form4ml.record import ROW_KEYS, empty_owner, empty_record, empty_row

TABLE_XML = {"non_derivative_transactions": ("nonDerivativeTable", "nonDerivativeTransaction"),
           "non_derivative_holdings": ("nonDerivativeTable", "nonDerivativeHolding"),
           "derivative_transactions": ("derivativeTable", "derivativeTransaction"),
           "derivative_holdings": ("derivativeTable", "derivativeHolding")}

# record key -> XML elements (descendants of the row), first with a value wins
ROW_XML = {
    "security_title": ("securityTitle",),
    "conversion_or_exercise_price": ("conversionOrExercisePrice",),
    "transaction_date": ("transactionDate",),
    "deemed_execution_date": ("deemedExecutionDate",),
    "transaction_code": ("transactionCode",),
    "equity_swap_involved": ("equitySwapInvolved",),
    "shares": ("transactionShares", "transactionTotalValue"),
    "price_per_share": ("transactionPricePerShare",),
    "acquired_disposed": ("transactionAcquiredDisposedCode",),
    "exercise_date": ("exerciseDate",),
    "expiration_date": ("expirationDate",),
    "underlying_security_title": ("underlyingSecurityTitle",),
    "underlying_shares": ("underlyingSecurityShares", "underlyingSecurityValue"),
    "shares_owned_following": ("sharesOwnedFollowingTransaction",
                               "valueOwnedFollowingTransaction", "sharesOwned"),
    "direct_or_indirect": ("directOrIndirectOwnership",),
    "nature_of_ownership": ("natureOfOwnership",),
}
_DATES = {"transaction_date", "deemed_execution_date", "exercise_date", "expiration_date"}
_NUMBERS = {"shares", "price_per_share", "shares_owned_following",
            "conversion_or_exercise_price", "underlying_shares"}
_CODES = {"transaction_code", "acquired_disposed", "direct_or_indirect"}
_OWNER_XML = {"name": "rptOwnerName", "cik": "rptOwnerCik", "street1": "rptOwnerStreet1",
              "street2": "rptOwnerStreet2", "city": "rptOwnerCity", "state": "rptOwnerState",
              "zip_code": "rptOwnerZipCode", "is_director": "isDirector",
              "is_officer": "isOfficer", "is_ten_percent_owner": "isTenPercentOwner",
              "is_other": "isOther", "officer_title": "officerTitle", "other_text": "otherText"}


def _text(s):
    """Whitespace collapsed, or None when empty."""
    s = " ".join((s or "").split())
    return s or None


def _raw(el):
    """The text of an element: its <value> child when it has one, else its own text."""
    if el is None:
        return None
    value = el.find("value")
    return _text(value.text if value is not None else el.text)


def to_date(s):
    """ISO date from an XML date (a time-zone suffix such as ``-05:00`` is dropped)."""
    m = re.match(r"\d{4}-\d{2}-\d{2}", s or "")
    return m.group(0) if m else None


def to_number(s):
    """int when integral, else float; None when missing or unreadable."""
    try:
        x = float((s or "").replace(",", "").replace("$", ""))
    except ValueError:
        return None
    return int(x) if x.is_integer() else x


def to_bool(s):
    """XML boolean ("1"/"true"/"0"/"false"); missing is False."""
    return (s or "").strip().lower() in ("1", "true")


def _value(key, raw):
    if key in _DATES:
        return to_date(raw)
    if key in _NUMBERS:
        return to_number(raw)
    if key in _CODES:
        return raw.upper() if raw else None
    if key == "equity_swap_involved":
        return to_bool(raw)
    return raw


def _footnote_ids(row):
    """Every footnoteId inside the row, in document order, without repeats."""
    return list(dict.fromkeys(f.get("id").strip() for f in row.iter("footnoteId") if f.get("id")))


def _row(el, table):
    row = empty_row(table)
    for key in ROW_KEYS[table]:
        if key == "footnote_ids":
            row[key] = _footnote_ids(el)
            continue
        raws = [_raw(e) for tag in ROW_XML[key] for e in el.iter(tag)]
        row[key] = _value(key, next((r for r in raws if r is not None), None))
    return row


def _owner(el):
    owner = empty_owner()
    for key, tag in _OWNER_XML.items():
        raw = _raw(el.find(f".//{tag}"))
        owner[key] = to_bool(raw) if key.startswith("is_") else raw
    if owner["state"] is None:
        owner["state"] = _raw(el.find(".//rptOwnerStateDescription"))
    return owner


def _parse(path):
    """The ownershipDocument root, or ValueError naming the file."""
    try:
        root = etree.parse(str(path), etree.XMLParser(remove_comments=True)).getroot()
    except (etree.XMLSyntaxError, OSError) as exc:
        raise ValueError(f"{path}: not readable XML: {exc}") from exc
    if etree.QName(root).localname != "ownershipDocument":
        raise ValueError(f"{path}: not an SEC ownership document (root <{root.tag}>)")
    return root


def issuer_cik(path):
    """The issuer's CIK as written in the XML (zero-padded string), or None."""
    return _raw(_parse(path).find("issuer/issuerCik"))


def read_record(path):
    """The gold record of one ownership XML filing (every key of spec/record.md)."""
    return _record(_parse(path))


OWNERSHIP_XML = re.compile(r"<ownershipDocument\b.*?</ownershipDocument>", re.S)


def is_ownership_xml(text):
    """Whether ``text`` holds an SEC ownership document: the XML itself, or an EDGAR
    submission wrapping it (``<XML>`` inside ``<DOCUMENT>``)."""
    return "<ownershipDocument" in text and OWNERSHIP_XML.search(text) is not None


def record_of_xml_text(text):
    """The record of the ownership document ``text`` holds (ValueError if unreadable)."""
    doc = OWNERSHIP_XML.search(text)
    if doc is None:
        raise ValueError("no <ownershipDocument> in the text")
    try:
        # a user's file: no entities expanded, nothing fetched (XXE, billion laughs)
        parser = etree.XMLParser(remove_comments=True, recover=True, resolve_entities=False, no_network=True)
        root = etree.fromstring(doc[0].encode(), parser)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"not readable XML: {exc}") from exc
    if root is None:
        raise ValueError("not readable XML")
    return _record(root)


def _record(root):
    record = empty_record()
    record["document_type"] = _raw(root.find("documentType")) or "4"
    record["period_of_report"] = to_date(_raw(root.find("periodOfReport")))
    record["date_of_original_submission"] = to_date(_raw(root.find("dateOfOriginalSubmission")))
    record["issuer"] = {"name": _raw(root.find("issuer/issuerName")),
                        "trading_symbol": _raw(root.find("issuer/issuerTradingSymbol")),
                        "cik": _raw(root.find("issuer/issuerCik"))}
    record["reporting_owners"] = [_owner(el) for el in root.iter("reportingOwner")]
    for table, (parent, tag) in TABLE_XML.items():
        record[table] = [_row(el, table) for el in root.iterfind(f"{parent}/{tag}")]
    record["footnotes"] = [{"id": f.get("id", "").strip(), "text": _text("".join(f.itertext())) or ""}
                           for f in root.iterfind("footnotes/footnote")]
    remarks = root.find("remarks")
    record["remarks"] = None if remarks is None else _text("".join(remarks.itertext()))
    record["signatures"] = [{"name": _raw(s.find("signatureName")),
                             "date": to_date(_raw(s.find("signatureDate")))}
                            for s in root.iterfind("ownerSignature")]
    return record
