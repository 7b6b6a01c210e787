"""training.render_scan: OCR-scan-like markdown that stays reproducible and alignable."""
import random
import re
from dataclasses import fields
from datetime import date
from functools import lru_cache

import pytest

from form4ml.config import shared_dir
from form4ml.record import TABLES
from training.align import HEADINGS, align
from training.render_scan import Damage, render_markdown_scan
from form4ml.xml_record import read_record

from .conftest import need_shared

CORPUS = shared_dir() / "corpus" / "form4"
WANTED = (lambda r: r["derivative_transactions"] and r["non_derivative_holdings"],
          lambda r: r["derivative_holdings"],
          lambda r: len(r["reporting_owners"]) > 1,
          lambda r: r["remarks"] and r["non_derivative_transactions"],
          lambda r: len(r["non_derivative_transactions"]) >= 4)


def _sample_files():
    """A few filings: derivative rows, holdings, several owners, remarks, many rows."""
    if not CORPUS.is_dir():
        return []
    files, todo = [], list(WANTED)
    for path in sorted(CORPUS.glob("*.xml")):
        record = read_record(path)
        hit = next((want for want in todo if want(record)), None)
        if hit:
            files.append(path)
            todo.remove(hit)
        if not todo:
            break
    return files


FILES = _sample_files()
SPREAD = sorted(CORPUS.glob("*.xml"))[::60] if CORPUS.is_dir() else []
SEEDS = range(4)


def ids(v):
    return getattr(v, "stem", str(v))[-30:]


def _render(path, seed):
    return render_markdown_scan(path, random.Random(seed))


def _rows(record):
    return [row for t in TABLES for row in record[t]]


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_same_seed_gives_the_same_text(path):
    need_shared()
    assert _render(path, 7) == _render(path, 7)


def test_text_varies_with_the_seed():
    need_shared()
    assert len({_render(FILES[0], seed) for seed in range(6)}) > 1


@pytest.mark.parametrize("path", FILES, ids=ids)
@pytest.mark.parametrize("seed", SEEDS)
def test_text_keeps_issuer_name_ticker_and_owner(path, seed):
    need_shared()
    record, text = read_record(path), _render(path, seed)
    flat = " ".join(text.replace("\\$", "$").replace("\\*", "*").split())
    assert " ".join(record["issuer"]["name"].split()) in flat
    assert f"[ {record['issuer']['trading_symbol']} ]" in text
    assert " ".join(record["reporting_owners"][0]["name"].split()) in flat


def _split_dates(text, record):
    """Transaction dates of the record shown cut over a tab (``02/18/`` ... ``2014``)."""
    out = []
    for row in _rows(record):
        iso = row.get("transaction_date")
        if iso:
            mdy = f"{date.fromisoformat(iso):%m/%d/%Y}"
            heads = "|".join(re.escape(mdy[:k]) for k in range(3, 10))
            if re.search(rf"(?<!\d)(?:{heads})\t", text):
                out.append(mdy)
    return out


@pytest.fixture(scope="module")
def spread():
    """(record, text) of filings from across the corpus, each in a few seeds."""
    need_shared()
    return [(read_record(p), _render(p, s)) for p in SPREAD for s in SEEDS]


def test_dates_are_split_in_some_renderings_and_whole_in_others(spread):
    counts = [len(_split_dates(text, record)) for record, text in spread]
    assert any(counts) and not all(counts)


DAMAGE_SEEN = {
    "header boxes on one line": r"Person\*  [^\n]*\t+2\. Issuer Name[^\n]*\t+[5S]\. Relationship",
    "check mark before its label": r"(?<!\w)[Xx] (?:Director|10% Owner|Officer)",
    "footnote mark in its own cell": r"\t(?:\(\d+\)|<sup>\(\d+\)</sup>)\t",
    "footnote mark between spaces": r" <sup>\(\d+\)</sup> \S",
    "stray bracket cell": r"\t\)\t",
    "OMB box rule read as l": r"(?m)^l\t",
    "Greek capital alpha": "Α",
    "S misread as 5 or 5 as S": r"5TATE|5ECUR|5ecurit|S\. Relationship",
    "table heading cut by tabs": r"(?m)^\t*Tab[^\n]*(?:\t[^\t\n]+){4}",
    "header boxes side by side in columns": r"\(Last\) \(First\)[^\n]*\t\(Middle\)\t3\. Date",
    "column header chopped": r"\d\. [A-Z][a-z]{1,5}[ \t][^\n]*\t[a-z]",
}


@pytest.mark.parametrize("kind", DAMAGE_SEEN)
def test_every_kind_of_scan_damage_shows_somewhere(kind, spread):
    assert any(re.search(DAMAGE_SEEN[kind], text) for _, text in spread), kind


def test_table_headings_stay_recognisable(spread):
    for _, text in spread:
        assert HEADINGS["table1"].search(text) and HEADINGS["table2"].search(text)


@pytest.mark.parametrize("name", [f.name for f in fields(Damage)])
def test_damage_rates_are_drawn_per_filing(name):
    rates = [getattr(Damage.draw(random.Random(s)), name) for s in range(60)]
    flat = [r for x in rates for r in (x if isinstance(x, tuple) else (x,))]
    assert min(flat) == 0 and max(flat) > 0
    assert len(set(flat)) > 10


@lru_cache(maxsize=None)
def _alignments(path):
    record = read_record(path)
    return [align(_render(path, s), record) for s in SEEDS]


def _share_counts(report):
    """(found, expected) of the share-count fields of one alignment."""
    pairs = [report.get(k, (0, 0)) for k in ("shares", "owned", "und_shares")]
    return sum(f for f, _ in pairs), sum(e for _, e in pairs)


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_alignment_coverage_stays_high(path):
    need_shared()
    coverage = [a.coverage for a in _alignments(path)]
    assert sum(coverage) / len(coverage) >= 0.8, coverage


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_aligner_finds_share_counts_in_most_rows(path):
    need_shared()
    counts = [_share_counts(a.report) for a in _alignments(path)]
    found, expected = map(sum, zip(*counts))
    assert expected and found / expected > 0.5, (found, expected)


def test_corpus_sample_aligns_nearly_as_well_as_clean_text(spread):
    alignments = [align(text, record) for record, text in spread]
    found, expected = map(sum, zip(*(_share_counts(a.report) for a in alignments)))
    assert sum(a.coverage for a in alignments) / len(alignments) >= 0.9
    assert found / expected >= 0.8, (found, expected)
