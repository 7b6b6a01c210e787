"""The command line: formats, batches, and bad input."""
import csv
import json
import shutil

import pytest
from click.testing import CliRunner

from form4ml.cli import main
from form4ml.config import model_dir
from form4ml.pipeline import WORDS

from .conftest import REPO, SEEDS, need_shared

SEED = "000_43804425f2cff2b7.txt"


@pytest.fixture
def seed_copy(tmp_path):
    need_shared()
    path = tmp_path / "good" / SEED
    path.parent.mkdir()
    path.write_text((SEEDS / SEED).read_text())
    return path


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("command", ["extract", "train", "evaluate"])
def test_every_command_has_help(command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "Usage" in result.output


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_extract_writes_each_format(seed_copy, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = run("extract", seed_copy, "-o", out, "--format", fmt)
    assert result.exit_code == 0, result.output
    text = out.read_text()
    if fmt == "json":
        [rec] = json.loads(text)
    elif fmt == "jsonl":
        rec = json.loads(text.splitlines()[0])
    else:
        rows = list(csv.DictReader(text.splitlines()))
        assert rows[0]["issuer_trading_symbol"] == "SONS"
        assert all(r["file"] == str(seed_copy) for r in rows)
        return
    assert rec["issuer"]["trading_symbol"] == "SONS" and rec["file"] == str(seed_copy)


BAD_FILES = {
    "empty.txt": (b"", "file is empty"),
    "binary.bin": (bytes(range(256)) * 40, "binary"),
    "letter.txt": (b"Dear Sir, please find our invoice attached.\n" * 20, "not a Form 4"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_extract_reports_bad_file_in_one_line_and_keeps_the_batch(seed_copy, tmp_path, name):
    data, message = BAD_FILES[name]
    (seed_copy.parent / name).write_bytes(data)
    out = tmp_path / "out.jsonl"
    result = run("extract", seed_copy.parent, "-o", out)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if name in line]
    assert len(errors) == 1 and message in errors[0]
    assert "Traceback" not in result.output + result.stderr
    assert [json.loads(line)["file"] for line in out.read_text().splitlines()] == [str(seed_copy)]


@pytest.mark.parametrize("encoding", ["latin-1", "utf-8-sig", "utf-16"])
def test_extract_reads_latin1_and_bom_text(seed_copy, tmp_path, encoding):
    text = seed_copy.read_text().replace("Scarfo Anthony", "Scarfö Anthony")
    path = tmp_path / "enc.txt"
    path.write_bytes(text.encode(encoding, errors="replace"))
    result = run("extract", path, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["reporting_owners"][0]["name"] == "Scarfö Anthony"   # decoded, not mojibake


def test_extract_refuses_huge_file_with_clear_error(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.seek(50_000_000)
        fh.write(b"FORM 4\n")
    result = run("extract", path)
    assert result.exit_code == 1
    assert "huge.txt" in result.stderr and "too large" in result.stderr


def test_extract_warns_when_form4_has_missing_parts(tmp_path):
    path = tmp_path / "partial.txt"
    path.write_text("FORM 4\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\nTable I - Non-Derivative Securities\n")
    result = run("extract", path, "--format", "jsonl")
    assert result.exit_code == 0
    assert "no transactions or holdings found" in json.loads(result.stdout)["warnings"]


def test_extract_reads_an_ownership_xml_file(tmp_path):
    from .test_xml_record import MINIMAL
    path = tmp_path / "filing.xml"
    path.write_text(MINIMAL)
    result = run("extract", path, "--format", "jsonl", "--min-confidence", "0.9")
    assert result.exit_code == 0, result.output
    rec = json.loads(result.stdout)
    assert (rec["issuer"]["name"], rec["needs_review"]) == ("ACME", False)


def test_extract_missing_file_is_reported(tmp_path):
    result = run("extract", tmp_path / "nope.txt")
    assert result.exit_code == 1 and "nope.txt" in result.stderr and "cannot read" in result.stderr


@pytest.mark.parametrize("content, problem", [
    ("{not json\n", "not JSON"),
    ('{"text": "FORM 4"}\n', "no record"),
])
def test_evaluate_reports_bad_annotation_line_in_one_line(tmp_path, content, problem):
    path = tmp_path / "gold.jsonl"
    path.write_text(content)
    result = run("evaluate", path)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{path}:1" in result.stderr and problem in result.stderr


@pytest.mark.parametrize("flag, shown", [("--intervals", True), ("--no-intervals", False)])
def test_evaluate_shows_issuer_intervals_unless_told_not_to(flag, shown):
    result = run("evaluate", REPO / "annotations" / "seeds.jsonl", "--no-fields", flag)
    assert result.exit_code == 0, result.output
    header = result.output.splitlines()[0]
    assert ("issuers" in header and "F1 95% interval" in header) == shown


@pytest.mark.parametrize("flag, shown", [("--by-size", True), ("--no-by-size", False)])
def test_evaluate_breaks_filings_down_by_their_table_rows_unless_told_not_to(flag, shown):
    result = run("evaluate", REPO / "annotations" / "seeds.jsonl", "--no-fields", flag)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("table rows") for line in lines) == shown
    assert any(line.startswith("1-4 rows") for line in lines) == shown


def test_evaluate_with_a_folder_that_is_not_a_model_says_so(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"text": "FORM 4", "record": {}}\n')
    (tmp_path / "empty").mkdir()
    result = run("evaluate", gold, "--model", tmp_path / "empty")
    assert result.exit_code == 1 and "E010" in result.stderr and "not a form4ml model folder" in result.stderr


def test_evaluate_with_a_model_without_its_word_list_says_how_to_write_it(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"text": "FORM 4", "record": {}}\n')
    old = tmp_path / "old-model"
    shutil.copytree(model_dir(), old)
    (old / WORDS).unlink()
    result = run("evaluate", gold, "--model", old)
    assert result.exit_code == 1 and "E010" in result.stderr and "training.word_list" in result.stderr


def test_train_on_filings_without_tables_or_footnotes_says_so_before_training(tmp_path):
    # every line of this filing is header: the tables and tail CRFs would have nothing
    text = "FORM 4\n1. Name and Address of Reporting Person* Scarfo Anthony\n"
    start = text.index("Scarfo")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"text": text, "spans": [[start, start + 14, "owner_name"]],
                                "record": {"reporting_owners": [{"name": "Scarfo Anthony"}]}}) + "\n")
    result = run("train", gold, "-o", tmp_path / "model")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "E030" in result.stderr and "tables" in result.stderr and "tail" in result.stderr
    assert not (tmp_path / "model" / "zones.crfsuite").exists()
