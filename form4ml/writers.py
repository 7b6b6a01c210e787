"""Writing records, streamed: JSON, JSON Lines, CSV (one row per transaction or holding),
or Parquet (a folder with one table per record part, keyed by file); and reading back
which files an existing output already holds, for ``--resume``."""
import csv
import io
import json
import math
import sys
from pathlib import Path

from .record import NUMBER_KEYS, OWNER_FLAGS, OWNER_KEYS, ROW_KEYS, TABLES

FORMATS = ("json", "jsonl", "csv", "parquet")
RESUMABLE = ("jsonl", "csv", "parquet")
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
        "signature_date": _signature_date(rec),
    }
    rows = [{**head, "table": t, "row": i, **{k: _cell(v) for k, v in r.items()}}
            for t in TABLES for i, r in enumerate(rec[t])]
    return rows or [head]


def _signature_date(rec):
    return next((s["date"] for s in rec["signatures"] if s["date"]), None)


def _cell(value):
    return " ".join(value) if isinstance(value, list) else value


def open_writer(path, fmt, append=False):
    """A writer for ``fmt``; ``append`` continues an existing output (``--resume``)."""
    if fmt == "parquet":
        return ParquetWriter(path, append)
    return Writer(path, fmt, append)


class Writer:
    """Streams records to a file (or stdout) in a text format, one write per record, so an
    interrupted run leaves whole records (and at worst one cut line, trimmed on resume)."""

    def __init__(self, path, fmt, append=False):
        self.fmt, self.count = fmt, 0
        if append and path and Path(path).is_file():
            trim_partial_line(path)
        fresh = not (append and path and Path(path).is_file() and Path(path).stat().st_size)
        self.fh = open(path, "a" if append else "w", encoding="utf-8", newline="") if path else sys.stdout
        if fmt == "csv":
            self.buf = io.StringIO()
            self.csv = csv.DictWriter(self.buf, CSV_HEADER + CSV_ROW_KEYS, extrasaction="ignore")
            if fresh:
                self.csv.writeheader()
                self._flush_buffer()
        elif fmt == "json":
            self.fh.write("[\n")

    def write(self, rec):
        if self.fmt == "csv":
            self.csv.writerows(csv_rows(rec))
            self._flush_buffer()
        elif self.fmt == "json":
            self.fh.write((",\n" if self.count else "") + json.dumps(rec, indent=2, ensure_ascii=False))
        else:
            self.fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        self.count += 1
        self.fh.flush()

    def _flush_buffer(self):
        self.fh.write(self.buf.getvalue())
        self.buf.seek(0)
        self.buf.truncate()

    def close(self):
        if self.fmt == "json":
            self.fh.write("\n]\n")
        if self.fh is not sys.stdout:
            self.fh.close()
        else:
            self.fh.flush()


def trim_partial_line(path, block=1 << 16):
    """Cut an unfinished last line (a run killed mid-write) so appending starts clean."""
    with open(path, "rb+") as fh:
        end = pos = fh.seek(0, 2)
        while pos > 0:
            start = max(0, pos - block)
            fh.seek(start)
            newline = fh.read(pos - start).rfind(b"\n")
            if newline >= 0:
                if start + newline + 1 < end:
                    fh.truncate(start + newline + 1)
                return
            pos = start
        fh.truncate(0)


def done_files(path, fmt):
    """The ``file`` keys of the records an existing output holds (empty if there is none)."""
    if not path or not Path(path).exists():
        return set()
    if fmt == "parquet":
        return _parquet_files(path)
    with open(path, encoding="utf-8", newline="") as fh:
        if fmt == "csv":
            return {row["file"] for row in csv.DictReader(fh) if row.get("file")}
        return {f for f in map(_jsonl_file, fh) if f is not None}


def _jsonl_file(line, decoder=json.JSONDecoder()):
    """The top-level ``file`` of a JSON line (keys are escaped inside values, so the last
    ``"file": `` is the key), or None for a cut line."""
    at = line.rfind('"file": ')
    try:
        return decoder.raw_decode(line, at + 8)[0] if at >= 0 and line.endswith("\n") else None
    except ValueError:
        return None


# Parquet -------------------------------------------------------------------

PARTS = ("filings", "owners", "transactions", "holdings", "footnotes")
TX_TABLES = ("non_derivative_transactions", "derivative_transactions")
HOLDING_TABLES = ("non_derivative_holdings", "derivative_holdings")
ROW_GROUP = 1000         # filings per row group
PART_FILINGS = 10_000    # filings per part file: a killed run loses at most one part


def _columns(keys):
    import pyarrow as pa

    def kind(key):
        if key in NUMBER_KEYS:
            return pa.float64()
        if key in OWNER_FLAGS or key == "equity_swap_involved":
            return pa.bool_()
        if key == "footnote_ids":
            return pa.list_(pa.string())
        return pa.string()
    return [(k, kind(k)) for k in keys]


def _union(tables):
    return list(dict.fromkeys(k for t in tables for k in ROW_KEYS[t]))


def parquet_schemas():
    """The pyarrow schema of each table."""
    import pyarrow as pa
    key = [("file", pa.string())]
    rows = [("table", pa.string()), ("row", pa.int32())]
    signature = pa.struct([("name", pa.string()), ("date", pa.string())])
    filings = key + [(k, pa.string()) for k in ("document_type", "period_of_report", "date_of_original_submission",
                                                 "issuer_name", "issuer_trading_symbol", "issuer_cik", "remarks")]
    filings += [("signatures", pa.list_(signature)), ("warnings", pa.list_(pa.string())),
                ("needs_review", pa.bool_()), ("provenance", pa.string())]
    return {"filings": pa.schema(filings),
            "owners": pa.schema(key + [("owner", pa.int32())] + _columns(OWNER_KEYS)),
            "transactions": pa.schema(key + rows + _columns(_union(TX_TABLES))),
            "holdings": pa.schema(key + rows + _columns(_union(HOLDING_TABLES))),
            "footnotes": pa.schema(key + [("id", pa.string()), ("text", pa.string())])}


def parquet_rows(rec):
    """The rows a record adds to each table."""
    file, issuer = rec.get("file"), rec["issuer"]
    filing = {"file": file, "issuer_name": issuer["name"], "issuer_trading_symbol": issuer["trading_symbol"],
              "issuer_cik": _str(issuer["cik"]), "signatures": rec["signatures"], "warnings": rec.get("warnings", []),
              "needs_review": rec.get("needs_review"), "provenance": json.dumps(rec.get("provenance", {})),
              **{k: rec[k] for k in ("document_type", "period_of_report", "date_of_original_submission", "remarks")}}
    owners = [{"file": file, "owner": i, **o, "cik": _str(o["cik"])} for i, o in enumerate(rec["reporting_owners"])]
    return {"filings": [filing], "owners": owners,
            "transactions": _table_rows(rec, TX_TABLES), "holdings": _table_rows(rec, HOLDING_TABLES),
            "footnotes": [{"file": file, **n} for n in rec["footnotes"]]}


def _table_rows(rec, tables):
    return [{"file": rec.get("file"), "table": t, "row": i, **r, **_floats(r)}
            for t in tables for i, r in enumerate(rec[t])]


def _floats(row):
    """Numbers as float64 (a huge integer becomes the nearest double, or infinity)."""
    return {k: _float(v) for k, v in row.items() if k in NUMBER_KEYS and v is not None}


def _float(value):
    try:
        return float(value)
    except OverflowError:
        return math.copysign(math.inf, value)


def _str(value):
    return None if value is None else str(value)


class ParquetWriter:
    """Streams records into ``OUT/<part>.parquet/part-NNNNN.parquet`` (a folder per table that
    pandas and pyarrow read as one table), a row group per ROW_GROUP filings."""

    def __init__(self, path, append=False):
        try:
            import pyarrow.parquet as pq
        except ImportError:
            raise RuntimeError("parquet output needs pyarrow (pip install 'form4ml[scale]')") from None
        self.pq, self.root, self.count = pq, Path(path), 0
        self.schemas = parquet_schemas()
        for part in PARTS:
            (self.root / f"{part}.parquet").mkdir(parents=True, exist_ok=True)
        if append:
            drop_unfinished_parts(self.root)
        else:
            for old in self._part_files("*"):
                old.unlink()
        self.part = max((int(p.stem.split("-")[1]) for p in self._part_files("filings")), default=-1)
        self.writers, self.rows = {}, {p: [] for p in PARTS}

    def _part_files(self, part):
        return sorted(self.root.glob(f"{part}.parquet/part-*.parquet"))

    def write(self, rec):
        if not self.writers:
            self._open_part()
        for part, rows in parquet_rows(rec).items():
            self.rows[part].extend(rows)
        self.count += 1
        if self.count % ROW_GROUP == 0:
            self._flush()
        if self.count % PART_FILINGS == 0:
            self._close_part()

    def _open_part(self):
        self.part += 1
        self.writers = {p: self.pq.ParquetWriter(self.root / f"{p}.parquet" / f"part-{self.part:05d}.parquet",
                                                 self.schemas[p]) for p in PARTS}

    def _flush(self):
        import pyarrow as pa
        for part, rows in self.rows.items():
            if rows:
                self.writers[part].write_table(pa.Table.from_pylist(rows, schema=self.schemas[part]))
                rows.clear()

    def _close_part(self):
        self._flush()
        for writer in self.writers.values():
            writer.close()
        self.writers = {}

    def close(self):
        if self.writers:
            self._close_part()


def drop_unfinished_parts(root):
    """Delete the parts a killed run left without a footer (in every table, so tables agree)."""
    import pyarrow.parquet as pq
    broken = set()
    for path in Path(root).glob("*.parquet/part-*.parquet"):
        try:
            pq.ParquetFile(path).close()
        except (OSError, ValueError):  # ArrowInvalid is a ValueError
            broken.add(path.name)
    for path in Path(root).glob("*.parquet/part-*.parquet"):
        if path.name in broken:
            path.unlink()


def _parquet_files(root):
    import pyarrow.parquet as pq
    drop_unfinished_parts(root)
    done = set()
    for path in sorted(Path(root).glob("filings.parquet/part-*.parquet")):
        done.update(pq.read_table(path, columns=["file"]).column("file").to_pylist())
    return done
