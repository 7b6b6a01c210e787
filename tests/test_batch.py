"""Batch extraction: parallel runs, the errors file, resume, outputs that load in pandas, Dask."""
import json
import random
import re

import pandas as pd
import pytest
from click.testing import CliRunner

from form4ml import annotations
from form4ml.batch import extract_file
from form4ml.cli import main
from form4ml.config import model_dir, shared_dir
from form4ml.pipeline import META, MODEL_FILES, load_model
from form4ml.train import train
from form4ml.writers import PARTS, done_files

from .conftest import REPO, need_shared

N_FILES = 20
BROKEN = "zz_broken.txt"


@pytest.fixture(scope="session")
def model_path(tmp_path_factory):
    """The shipped model, or (while it is being retrained) a throwaway one trained on the seeds."""
    if all((model_dir() / name).is_file() for name in MODEL_FILES):
        return model_dir()
    out = tmp_path_factory.getbasetemp() / "seed-model"
    if not (out / META).is_file():
        train(annotations.load([REPO / "annotations" / "seeds.jsonl"]), out, max_iterations=30)
    return out


@pytest.fixture(scope="module")
def filings(tmp_path_factory):
    """A folder of N_FILES filings rendered from the corpus (fixed seed) and one broken file."""
    need_shared()
    from training.render_text import RENDERERS

    folder = tmp_path_factory.mktemp("filings")
    rng = random.Random(5)
    for i, xml in enumerate(rng.sample(sorted((shared_dir() / "corpus" / "form4").glob("*.xml")), N_FILES)):
        style = rng.choice(sorted(RENDERERS))
        (folder / f"{i:03d}_{style}.txt").write_text(RENDERERS[style](xml, rng))
    (folder / BROKEN).write_bytes(b"\x00\x01\x02 not text" * 100)
    return folder


@pytest.fixture(scope="module")
def expected(filings, model_path):
    """Each good file's record, extracted one by one in this process."""
    model = load_model(str(model_path.resolve()))
    return [extract_file(p, model)[0] for p in sorted(filings.glob("0*.txt"))]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def extract(model_path, *args):
    return run("extract", "--model", model_path, *args)


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def written(result):
    return int(re.search(r"(\d+) written", result.stderr).group(1))


@pytest.mark.parametrize("jobs", [1, 2])
def test_parallel_run_writes_records_in_input_order_and_logs_the_broken_file(filings, model_path, expected,
                                                                              tmp_path, jobs):
    out = tmp_path / "out.jsonl"
    result = extract(model_path, filings, "-o", out, "--jobs", jobs)
    assert result.exit_code == 1
    assert read_jsonl(out) == expected
    [error] = read_jsonl(tmp_path / "out.errors.jsonl")
    assert error["file"] == str(filings / BROKEN) and "binary" in error["error"]
    assert f"{N_FILES} written, 1 failed" in result.stderr


def test_errors_file_goes_where_asked(filings, model_path, tmp_path):
    errors = tmp_path / "failed.jsonl"
    extract(model_path, filings / BROKEN, filings / "000*.txt", "-o", tmp_path / "out.csv", "--errors", errors)
    assert [e["file"] for e in read_jsonl(errors)] == [str(filings / BROKEN)]


def test_glob_selects_the_matching_files(filings, model_path, tmp_path):
    out = tmp_path / "out.jsonl"
    result = extract(model_path, str(filings / "00[0-4]_*.txt"), "-o", out)
    assert result.exit_code == 0, result.stderr
    assert [r["file"] for r in read_jsonl(out)] == [str(p) for p in sorted(filings.glob("00[0-4]_*.txt"))]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_resume_processes_only_the_files_not_yet_in_the_output(filings, model_path, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    first = sorted(filings.glob("0*.txt"))[:8]
    assert extract(model_path, *first, "-o", out).exit_code == 0
    result = extract(model_path, filings, "-o", out, "--resume", "--jobs", 2)
    assert result.exit_code == 1 and written(result) == N_FILES - len(first)
    assert f"{len(first)} already done" in result.stderr
    assert done_files(out, fmt) == {str(p) for p in filings.glob("0*.txt")}


def test_resume_redoes_a_record_cut_by_a_killed_run(filings, model_path, expected, tmp_path):
    out = tmp_path / "out.jsonl"
    extract(model_path, filings, "-o", out)
    lines = out.read_text().splitlines(keepends=True)
    out.write_text("".join(lines[:5]) + lines[5][:100])
    result = extract(model_path, filings, "-o", out, "--resume")
    assert written(result) == N_FILES - 5
    assert read_jsonl(out) == expected


def test_resume_drops_a_parquet_part_left_without_footer(filings, model_path, tmp_path):
    out = tmp_path / "out.parquet"
    extract(model_path, *sorted(filings.glob("0*.txt"))[:3], "-o", out)
    for part in PARTS:
        (out / f"{part}.parquet" / "part-00001.parquet").write_bytes(b"PAR1 cut short")
    result = extract(model_path, filings, "-o", out, "--resume")
    assert written(result) == N_FILES - 3
    assert len(pd.read_parquet(out / "filings.parquet")) == N_FILES


@pytest.fixture(scope="module")
def outputs(filings, model_path, tmp_path_factory):
    """The batch written once in each format."""
    folder = tmp_path_factory.mktemp("outputs")
    for fmt in ("jsonl", "csv", "parquet"):
        extract(model_path, filings, "-o", folder / f"out.{fmt}", "--jobs", 2, "--min-confidence", 0.5)
    return folder


def test_jsonl_loads_in_pandas_one_row_per_filing(outputs, expected):
    frame = pd.read_json(outputs / "out.jsonl", lines=True)
    assert list(frame["file"]) == [r["file"] for r in expected]
    assert frame["needs_review"].dtype == bool


def test_csv_loads_in_pandas_one_row_per_table_row(outputs, expected):
    frame = pd.read_csv(outputs / "out.csv")
    rows = sum(max(1, sum(len(r[t]) for t in ("non_derivative_transactions", "non_derivative_holdings",
                                                 "derivative_transactions", "derivative_holdings")))
               for r in expected)
    assert len(frame) == rows and set(frame["file"]) == {r["file"] for r in expected}


TABLE_SOURCES = {"owners": ("reporting_owners",), "footnotes": ("footnotes",),
                 "transactions": ("non_derivative_transactions", "derivative_transactions"),
                 "holdings": ("non_derivative_holdings", "derivative_holdings")}


@pytest.mark.parametrize("part", sorted(TABLE_SOURCES))
def test_parquet_table_has_a_row_per_record_part_keyed_by_file(outputs, expected, part):
    frame = pd.read_parquet(outputs / "out.parquet" / f"{part}.parquet")
    per_file = frame.groupby("file").size().to_dict()
    want = {r["file"]: sum(len(r[k]) for k in TABLE_SOURCES[part]) for r in expected}
    assert per_file == {f: n for f, n in want.items() if n}


def test_parquet_filings_table_keeps_header_warnings_and_provenance(outputs, expected):
    frame = pd.read_parquet(outputs / "out.parquet" / "filings.parquet").set_index("file")
    for rec in expected:
        row = frame.loc[rec["file"]]
        name = row["issuer_name"]
        assert name == rec["issuer"]["name"] or (pd.isna(name) and rec["issuer"]["name"] is None)
        assert json.loads(row["provenance"]) == rec["provenance"]
        assert list(row["warnings"])[:len(rec["warnings"])] == rec["warnings"]


@pytest.mark.parametrize("threshold, flagged", [(0.0, "none"), (1.0, "all")])
def test_min_confidence_flags_records_below_it(filings, model_path, tmp_path, threshold, flagged):
    out = tmp_path / "out.jsonl"
    result = extract(model_path, filings, "-o", out, "--min-confidence", threshold)
    records = read_jsonl(out)
    review = [r for r in records if r["needs_review"]]
    assert len(review) == (0 if flagged == "none" else len(records))
    assert f"{len(review)} need review" in result.stderr
    assert all("needs review" in r["warnings"][-1] for r in review)


@pytest.mark.parametrize("args, message", [
    (["--format", "json", "--resume", "-o", "out.json"], "--resume needs"),
    (["--format", "parquet"], "parquet output needs -o"),
])
def test_impossible_option_combinations_are_refused(filings, model_path, args, message):
    result = extract(model_path, filings, *args)
    assert result.exit_code == 2 and message in result.stderr


@pytest.mark.slow
def test_dask_cluster_gives_the_records_of_the_local_run(filings, model_path, expected, tmp_path):
    from distributed import LocalCluster

    out = tmp_path / "out.jsonl"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        result = extract(model_path, filings, "-o", out, "--scheduler", cluster.scheduler_address)
    assert result.exit_code == 1 and read_jsonl(out) == expected
