"""Writing records as JSON, JSON Lines or CSV (one row per transaction or holding)."""
import csv
import json
import sys

from .record import ROW_KEYS, TABLES

CSV_HEADER = ["file", "document_type", "period_of_report", "date_of_original_submission",
              "issuer_name", "issuer_trading_symbol", "reporting_owners", "officer_titles",
              "signature_date", "table", "row"]
CSV_ROW_KEYS = list(dict.fromkeys(k for t in TABLES for k in ROW_KEYS[t]))


def csv_rows(rec):
    """Flat rows of a record: the filing's header fields repeated on each table row."""
    owners = rec["reporting_owners"]
    head = {
        "file": rec.get("file"), "document_type": rec["document_type"],
        "period_of_report": rec["period_of_report"],
        "date_of_original_submission": rec["date_of_original_submission"],
        "issuer_name": rec["issuer"]["name"], "issuer_trading_symbol": rec["issuer"]["trading_symbol"],
        "reporting_owners": "; ".join(o["name"] or "" for o in owners),
        "officer_titles": "; ".join(o["officer_title"] or "" for o in owners if o["officer_title"]),
        "signature_date": next((s["date"] for s in rec["signatures"] if s["date"]), None),
    }
    rows = [{**head, "table": t, "row": i, **{k: _cell(v) for k, v in r.items()}}
            for t in TABLES for i, r in enumerate(rec[t])]
    return rows or [head]


def _cell(value):
    return " ".join(value) if isinstance(value, list) else value


class Writer:
    """Streams records to a file (or stdout) in one of the formats."""

    def __init__(self, path, fmt):
        self.fmt = fmt
        self.fh = open(path, "w", encoding="utf-8", newline="") if path else sys.stdout
        self.count = 0
        if fmt == "csv":
            self.csv = csv.DictWriter(self.fh, CSV_HEADER + CSV_ROW_KEYS, extrasaction="ignore")
            self.csv.writeheader()
        elif fmt == "json":
            self.fh.write("[\n")

    def write(self, rec):
        if self.fmt == "csv":
            self.csv.writerows(csv_rows(rec))
        elif self.fmt == "json":
            self.fh.write((",\n" if self.count else "") + json.dumps(rec, indent=2, ensure_ascii=False))
        else:
            self.fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        self.count += 1
        self.fh.flush()

    def close(self):
        if self.fmt == "json":
            self.fh.write("\n]\n")
        if self.fh is not sys.stdout:
            self.fh.close()
