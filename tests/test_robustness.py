"""Robustness: random and mangled Form 4 text never makes extraction raise; it always gives
a whole record (every key of the spec) or, for a file, a one-line error naming it."""
import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from form4ml import annotations
from form4ml.batch import extract_file
from form4ml.pipeline import extract_text, load_model
from form4ml.record import OWNER_KEYS, ROW_KEYS, TABLES, empty_record
from form4ml.values import parse_date

from .conftest import REPO, SEEDS, need_shared
from .test_batch import model_path  # noqa: F401  (fixture)

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HUGE = ["9" * 400, "99,999,999,999,999,999,999.9999", "1e308", "1" + "0" * 30, "-0", "0.00000000001",
        "$" + "9" * 40, "(" + "9" * 20 + ")"]
NUMBER = re.compile(r"\d[\d,.]*")


@pytest.fixture(scope="module")
def model(model_path):  # noqa: F811  (the imported fixture)
    return load_model(str(model_path))


@pytest.fixture(scope="module")
def seed_texts():
    need_shared()
    return [p.read_text() for p in sorted(SEEDS.glob("*.txt"))]


def assert_whole_record(rec, text):
    """Every key of the spec, down to rows and owners, and provenance inside the text."""
    assert set(empty_record()) | {"warnings", "provenance"} <= set(rec)
    assert set(rec["issuer"]) == {"name", "trading_symbol", "cik"}
    assert all(set(o) == set(OWNER_KEYS) for o in rec["reporting_owners"])
    assert all(set(r) == set(ROW_KEYS[t]) for t in TABLES for r in rec[t])
    for where in rec["provenance"].values():
        assert 0 <= where["start"] <= where["end"] <= len(text) and 0 <= where["confidence"] <= 1
    json.dumps(rec)


def test_huge_day_in_a_date_is_no_date():
    assert parse_date(["02/" + "9" * 30 + "/2014"]) is None


# Mangling operations: (draw, lines) -> lines ------------------------------------------

def delete_lines(draw, lines):
    start = draw(st.integers(0, len(lines)))
    return lines[:start] + lines[start + draw(st.integers(1, 30)):]


def swap_columns(draw, lines):
    i = draw(st.integers(0, len(lines) - 1))
    cells = re.split(r"\t| {2,}", lines[i])
    a, b = draw(st.integers(0, len(cells) - 1)), draw(st.integers(0, len(cells) - 1))
    cells[a], cells[b] = cells[b], cells[a]
    return lines[:i] + ["\t".join(cells)] + lines[i + 1:]


def random_bytes(draw, lines):
    i = draw(st.integers(0, len(lines)))
    junk = draw(st.binary(max_size=200)).decode("latin-1") + draw(st.text(max_size=50))
    return lines[:i] + [junk] + lines[i:]


def huge_numbers(draw, lines):
    number = draw(st.sampled_from(HUGE) | st.integers(10 ** 15, 10 ** 400).map(str))
    return [NUMBER.sub(number, line, count=1) if draw(st.booleans()) else line for line in lines]


def shuffle_lines(draw, lines):
    return draw(st.permutations(lines))


OPS = [delete_lines, swap_columns, random_bytes, huge_numbers, shuffle_lines]


@st.composite
def mangled(draw, texts):
    lines = draw(st.sampled_from(texts)).split("\n") or [""]
    for op in draw(st.lists(st.sampled_from(OPS), max_size=5)):
        lines = op(draw, lines or [""])
    return "\n".join(lines)


def test_mangled_form4_text_gives_a_whole_record(model, seed_texts):
    @SETTINGS
    @given(mangled(seed_texts))
    def check(text):
        assert_whole_record(extract_text(text, model), text)
    check()


def test_random_text_gives_a_whole_record(model):
    @SETTINGS
    @given(st.text(max_size=2000))
    def check(text):
        assert_whole_record(extract_text(text, model), text)
    check()


def test_random_or_mangled_file_gives_a_record_or_a_one_line_error(model, seed_texts):
    @SETTINGS
    @given(st.binary(max_size=3000) | mangled(seed_texts).map(lambda t: t.encode("utf-8", "surrogatepass")))
    def check(data):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "filing.txt"
            path.write_bytes(data)
            record, error = extract_file(path, model)
        assert (record is None) != (error is None)
        if error:
            assert error.startswith(f"{path}: [E0") and "\n" not in error and "E099" not in error
        else:
            assert record["file"] == str(path)
    check()


@pytest.mark.slow
def test_ten_thousand_row_table_gives_a_whole_record(model, seed_texts):
    row = "Common Stock\t06/17/2013\t\tS\t\t{n:,}\tD\t$3.{n}\t{m:,}\tD\t"
    table = "\n".join(row.format(n=i, m=10 ** 6 - i) for i in range(10_000))
    text = seed_texts[0].replace("## Explanation of Responses", table + "\n## Explanation of Responses")
    rec = extract_text(text, model)
    assert_whole_record(rec, text)


def _record_without_places(rec):
    return {k: v for k, v in rec.items() if k not in ("provenance", "file")}


@pytest.mark.parametrize("copy", [
    lambda t: t.replace("\n", "\r\n"),                          # a Windows text file
    lambda t: "\n".join("    " + line for line in t.split("\n")),   # an indented (quoted) copy
    lambda t: "\n".join("| " + " | ".join(line.split("\t")) + " |" if "\t" in line else line
                        for line in t.split("\n")),             # a converter's pipe tables
    lambda t: t.replace("\n", "\n\n"),                          # a double-spaced copy
], ids=["crlf", "indented", "pipe-tables", "double-spaced"])
def test_a_copy_with_other_line_ends_or_an_indent_gives_the_same_record(model, seed_texts, copy):
    for text in seed_texts:
        assert _record_without_places(extract_text(copy(text), model)) == _record_without_places(
            extract_text(text, model))


def _upper(value):
    if isinstance(value, str):
        return value.upper()
    if isinstance(value, dict):
        return {k: _upper(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_upper(v) for v in value]
    return value


def _tables_and_names(rec):
    return {"issuer": rec["issuer"], "owners": [o["name"] for o in rec["reporting_owners"]],
            **{table: rec[table] for table in TABLES}}


def test_a_copy_in_capitals_gives_the_same_tables_and_names_in_its_own_case(model, seed_texts):
    for text in seed_texts:
        assert _tables_and_names(extract_text(text.upper(), model)) == _upper(
            _tables_and_names(extract_text(text, model)))


# a pdftotext -raw rendering in annotations/gold.jsonl (a held-out filing): in capitals, the
# CRFs read none of its Table I row before the form's words were seen in mixed case
CAPITALS_RENDERING = "tossww__open-insider-trader__data_cache_sec_edgar_85de6079faf68ef9de101067d5ee8b91.json:pdf_raw"


def test_a_rendering_in_capitals_gives_the_same_tables_in_its_own_case(model):
    doc = next(d for d in annotations.load([REPO / "annotations" / "gold.jsonl"]) if d["id"] == CAPITALS_RENDERING)
    tables = {table: extract_text(doc["text"], model)[table] for table in TABLES}
    assert {table: extract_text(doc["text"].upper(), model)[table] for table in TABLES} == _upper(tables)
