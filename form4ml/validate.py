"""Checks on an extracted record; each problem becomes a warning in the record."""
from datetime import date

from .record import SEC_CODES

TX_TABLES = ("non_derivative_transactions", "derivative_transactions")
ALL_TABLES = TX_TABLES + ("non_derivative_holdings", "derivative_holdings")
ACQUIRING, DISPOSING = {"P"}, {"S"}


def warnings(rec):
    """Human-readable warnings about missing parts and inconsistent values."""
    out = []
    if not rec["reporting_owners"] or not rec["reporting_owners"][0]["name"]:
        out.append("no reporting owner name found")
    if not rec["issuer"]["name"]:
        out.append("no issuer name found")
    if not any(rec[t] for t in ALL_TABLES):
        out.append("no transactions or holdings found")
    sig_date = next((s["date"] for s in rec["signatures"] if s["date"]), None)
    tx_dates = []
    for table in TX_TABLES:
        for i, row in enumerate(rec[table]):
            out.extend(f"{table}[{i}]: {w}" for w in _row_warnings(row, sig_date))
            if row["transaction_date"]:
                tx_dates.append(row["transaction_date"])
    if tx_dates and rec["period_of_report"] and rec["period_of_report"] != min(tx_dates):
        out.append(f"period_of_report {rec['period_of_report']} is not the earliest transaction date {min(tx_dates)}")
    out.extend(_holding_chain_warnings(rec["non_derivative_transactions"]))
    out.extend(_unread_note_warnings(rec))
    return out


def _unread_note_warnings(rec):
    """A footnote that rows cite and the record lacks: its text was lost (a note cut at
    the page edge, a block OCR dropped) or not read."""
    read = {note["id"] for note in rec.get("footnotes") or []}
    cited = {i for table in ALL_TABLES for row in rec[table] for i in row.get("footnote_ids") or []}
    missing = sorted(cited - read, key=lambda i: (len(i), i))
    if missing:
        yield f"footnotes {', '.join(missing)} cited in the tables but not read"


def _row_warnings(row, sig_date):
    code, ad = row["transaction_code"], row["acquired_disposed"]
    if code is None:
        yield "no transaction code"
    elif code not in SEC_CODES:
        yield f"transaction code {code} is not an SEC code"
    if (code in ACQUIRING and ad == "D") or (code in DISPOSING and ad == "A"):
        yield f"code {code} with acquired/disposed {ad}"
    if code in ACQUIRING | DISPOSING and row["price_per_share"] == 0:
        yield f"price zero on a {code} transaction"
    tx = row["transaction_date"]
    if tx and sig_date:
        if tx > sig_date:
            yield f"transaction date {tx} after signature date {sig_date}"
        elif date.fromisoformat(sig_date).year - date.fromisoformat(tx).year > 10:
            yield f"transaction date {tx} more than ten years before signature date {sig_date}"


def _holding_chain_warnings(rows):
    """Shares owned following should follow from the previous row of the same
    security and ownership: previous + acquired, or previous - disposed."""
    last = {}
    for i, row in enumerate(rows):
        key = ((row["security_title"] or "").lower(), row["direct_or_indirect"], row["nature_of_ownership"])
        before, after, shares = last.get(key), row["shares_owned_following"], row["shares"]
        if None not in (before, after, shares) and row["acquired_disposed"] in ("A", "D"):
            expected = before + shares if row["acquired_disposed"] == "A" else before - shares
            if abs(expected - after) > max(1, 0.005 * abs(after)):
                yield (f"non_derivative_transactions[{i}]: shares owned following {after:g} do not "
                       f"follow from the previous row ({before:g} {row['acquired_disposed']} {shares:g})")
        if after is not None:
            last[key] = after
