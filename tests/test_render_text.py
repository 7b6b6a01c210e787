"""training.render_text: every text renderer shows every value, reproducibly."""
import random
import re

import pytest

from form4ml.config import shared_dir
from form4ml.record import TABLES
from training.render_text import RENDERERS, Style, fmt_date, fmt_marks, fmt_price, state_names
from form4ml.xml_record import read_record

CORPUS = shared_dir() / "corpus" / "form4"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"shared corpus not found at {CORPUS}")
DATE_STYLES = ("mdY", "short", "iso", "long")


def _sample_files():
    """A handful of filings covering derivative rows, holdings, several owners, 4/A, remarks."""
    if not CORPUS.is_dir():
        return []
    files = sorted(CORPUS.glob("*.xml"))
    records = [(f, read_record(f)) for f in files]
    wanted = [lambda r: r["derivative_transactions"] and r["non_derivative_holdings"],
              lambda r: r["derivative_holdings"],
              lambda r: len(r["reporting_owners"]) > 1,
              lambda r: r["document_type"] == "4/A",
              lambda r: r["remarks"] and r["non_derivative_transactions"]]
    return list(dict.fromkeys(next(f for f, r in records if want(r)) for want in wanted))


FILES = _sample_files()
CASES = [(style, f) for style in RENDERERS for f in FILES]


def _flat(text):
    """Whitespace collapsed and markdown escapes undone."""
    return " ".join(text.replace("\\$", "$").replace("\\*", "*").split())


def _number_forms(x):
    return {f"{x:,}", str(x), f"{x:,.2f}"}


def _present(text, x, style):
    """The number shows in one of its formats (ascii may wrap it: then its first cut shows)."""
    forms = _number_forms(x)
    if style == "ascii":
        forms = {f[:5] for f in forms}
    return any(f in text for f in forms)


def _rows(record):
    return [(t, row) for t in TABLES for row in record[t]]


@needs_corpus
@pytest.mark.parametrize("style, path", CASES, ids=lambda v: getattr(v, "stem", v)[-30:])
def test_renderer_is_deterministic_for_a_seed(style, path):
    fn = RENDERERS[style]
    assert fn(path, random.Random(7)) == fn(path, random.Random(7))


@needs_corpus
@pytest.mark.parametrize("style", RENDERERS)
def test_renderer_varies_with_the_seed(style):
    texts = {RENDERERS[style](FILES[0], random.Random(seed)) for seed in range(8)}
    assert len(texts) > 1


@needs_corpus
@pytest.mark.parametrize("style, path", CASES, ids=lambda v: getattr(v, "stem", v)[-30:])
def test_renderer_shows_names_issuer_and_every_row(style, path):
    record, text = read_record(path), RENDERERS[style](path, random.Random(1))
    flat = _flat(text)
    for owner in record["reporting_owners"]:
        assert _flat(owner["name"]) in flat
    assert record["issuer"]["trading_symbol"] in text
    for table, row in _rows(record):
        for key in ("shares", "shares_owned_following", "underlying_shares"):
            if row.get(key) is not None:
                assert _present(text, row[key], style), (table, key, row[key])
        assert row["security_title"].split()[0] in text


@needs_corpus
@pytest.mark.parametrize("style, path", CASES, ids=lambda v: getattr(v, "stem", v)[-30:])
def test_renderer_shows_footnotes_remarks_and_signature(style, path):
    record, text = read_record(path), RENDERERS[style](path, random.Random(2))
    flat = _flat(text)
    for fn in record["footnotes"]:
        assert _flat(fn["text"])[:60] in flat
    if record["remarks"] and style != "ascii":
        assert _flat(record["remarks"])[:60] in flat
    for sig in record["signatures"]:
        assert _flat(sig["name"]) in flat
        assert any(fmt_date(sig["date"], Style(*[None] * 2, d, *[None] * 4)) in flat for d in DATE_STYLES)


@needs_corpus
@pytest.mark.parametrize("style", ["markdown", "ascii", "plain"])
def test_rows_keep_filing_order(style):
    path = FILES[0]
    record, text = read_record(path), RENDERERS[style](path, random.Random(3))
    titles = [row["security_title"] for _, row in _rows(record)]
    positions, start = [], 0
    for title in titles:
        start = text.index(title.split()[0], start)
        positions.append(start)
    assert positions == sorted(positions)


@needs_corpus
def test_plain_puts_each_row_on_one_line():
    path = FILES[0]
    record, text = read_record(path), RENDERERS["plain"](path, random.Random(4))
    for _, row in _rows(record):
        owned = row["shares_owned_following"]
        assert any(row["security_title"] in ln and any(f in ln for f in _number_forms(owned))
                   for ln in text.splitlines())


@needs_corpus
def test_markdown_looks_like_a_converter_dump():
    texts = [RENDERERS["markdown"](FILES[0], random.Random(s)) for s in range(12)]
    assert all("## " in t and "\t" in t for t in texts)
    assert any("\\$" in t for t in texts) and any("<sup>(" in t for t in texts)


@needs_corpus
def test_ascii_uses_edgar_table_tags():
    text = RENDERERS["ascii"](FILES[0], random.Random(5))
    assert text.count("<TABLE>") == 2 and "</TABLE>" in text


@needs_corpus
def test_html_text_is_scraped_from_the_sec_view():
    texts = {RENDERERS["html_text"](FILES[0], random.Random(s)) for s in range(8)}
    assert len(texts) > 1
    assert all("Table II" in t and "<td" not in t for t in texts)


@pytest.mark.parametrize("mark, expected", [
    ("paren", "(1)(2)"), ("bracket", "[F1][F2]"), ("sup", "<sup>(1)</sup><sup>(2)</sup>"), ("bare", " 1,2")])
def test_footnote_marks_follow_the_style(mark, expected):
    assert fmt_marks(["F1", "F2"], Style(None, None, None, mark, None, None, None)) == expected


@pytest.mark.parametrize("price, expected", [
    ("dollar", "$3.17"), ("dollar_space", "$ 3.17"), ("four", "3.1700"), ("bare", "3.17")])
def test_price_styles(price, expected):
    assert fmt_price(3.17, Style(None, price, *[None] * 5)) == expected


@pytest.mark.parametrize("style, expected", [
    ("mdY", "02/18/2014"), ("short", "2/18/14"), ("iso", "2014-02-18"), ("long", "Feb. 18, 2014")])
def test_date_styles(style, expected):
    assert fmt_date("2014-02-18", Style(None, None, style, *[None] * 4)) == expected


@needs_corpus
def test_state_names_come_from_the_sec_stylesheet():
    assert state_names()["CA"] == "CALIFORNIA"


@needs_corpus
def test_ascii_keeps_a_long_signature_name_apart_from_its_date():
    # an attorney-in-fact's name ran into the date ("... T. HoganMar. 12, 2024")
    xml = next(f for f in sorted(CORPUS.glob("*.xml"))
               if len(read_record(f)["signatures"][0]["name"] or "") > 50)
    name = read_record(xml)["signatures"][0]["name"]
    assert re.search(re.escape(name) + r" {2,}\S", RENDERERS["ascii"](xml, random.Random(0)))
