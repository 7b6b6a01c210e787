"""The accuracy report: its data agrees with the scorer, its page shows in Chromium,
and the notebooks run top to bottom."""
import os
import re
import shutil
import subprocess
from collections import Counter

import pytest
from click.testing import CliRunner

from form4ml import annotations, report
from form4ml.cli import main
from form4ml.evaluation import evaluate_docs, size_group
from form4ml.train import train

from .conftest import REPO

SEEDS = REPO / "annotations" / "seeds.jsonl"
NOTEBOOKS = ["accuracy_report.ipynb", "error_analysis.ipynb"]


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    """A tiny model trained on the seeds, one seed held out, the seeds file as training pool."""
    tmp = tmp_path_factory.mktemp("report")
    docs = annotations.load([SEEDS])
    train(docs, tmp / "model", algorithm="ap", max_iterations=5)
    annotations.save(docs[:1], tmp / "held_out.jsonl")
    return tmp


@pytest.fixture(scope="module")
def evaluation(data):
    return evaluate_docs(annotations.load([data / "held_out.jsonl"]), data / "model")


def test_value_checks_count_what_the_scorer_counts(evaluation):
    right, fp, fn = Counter(), Counter(), Counter()
    for c in report.value_checks(evaluation):
        right[c.field] += c.right
        fp[c.field] += c.pred not in (None, False, [], "") and not c.right
        fn[c.field] += c.gold not in (None, False, [], "") and not c.right
    for name, counts in evaluation.overall.fields.items():
        assert (counts.tp, counts.fp, counts.fn) == (right[name], fp[name], fn[name]), name


def test_confusion_counts_every_token(data, evaluation):
    tagged = report.tag_docs(evaluation.docs, data / "model")
    confusion = report.token_confusion(evaluation.docs, tagged)
    assert confusion.values.sum() == sum(len(t.tokens) for t in tagged)


def check(**kw):
    base = dict(doc=0, field="non_derivative_transactions.shares", key="shares", pred=None, gold=None,
                right=False, confidence=0.9, source="", paired=True, elsewhere=False)
    return report.Check(**{**base, **kw})


@pytest.mark.parametrize("kw, kind", [
    (dict(pred=258931, gold=25893, source="25,893(1)"), "footnote mark in number"),
    (dict(pred=61569, gold=61.569, source="61.569"), "misparsed number"),
    (dict(pred=1000, gold=10000, source="1O,000"), "OCR-damaged number"),
    (dict(pred=500, gold=600, source="500"), "wrong number"),
    (dict(pred=None, gold=600, elsewhere=True), "wrong column"),
    (dict(pred=None, gold=600, paired=False), "wrong row split"),
    (dict(pred=None, gold=600), "missing value"),
    (dict(pred=600, gold=None), "spurious value"),
    (dict(key="transaction_date", pred="2020-01-01", gold="2020-01-02"), "wrong date"),
    (dict(pred=600, gold=600, right=True), None),
])
def test_error_kinds(kw, kind):
    assert report.error_kind(check(**kw)) == kind


def test_learning_curve_leaves_out_held_out_filings(data):
    held = annotations.load([data / "held_out.jsonl"])
    curve = report.learning_curve(annotations.load([SEEDS]), held, [1, 5, "all"])
    assert list(curve.index) == [1] and curve["micro F1"].between(0, 1).all()


def chromium_or_skip():
    path = shutil.which("chromium")
    if path is None and os.environ.get("CI") != "true":
        pytest.skip("Debian chromium not installed")
    assert path, "chromium is missing in CI"
    return path


def screenshot(page, png, tmp):
    subprocess.run([chromium_or_skip(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", f"--user-data-dir={tmp / 'profile'}", f"--screenshot={png}",
                    "--window-size=1200,3000", page.resolve().as_uri()],
                   check=True, capture_output=True, timeout=120)


def test_report_page_shows_its_plots_and_tables_in_chromium(data, tmp_path):
    out = tmp_path / "report"
    result = CliRunner().invoke(main, ["report", "--out", out, str(data / "held_out.jsonl"),
                                       "--model", str(data / "model"), "--train", str(SEEDS),
                                       "--sizes", "1,all", "--worst", "1"])
    assert result.exit_code == 0, result.output
    page = (out / "index.html").read_text()
    images = re.findall(r'<img src="([^"]+)"', page)
    assert {"styles.png", "fields.png", "confusion.png", "learning_curve.png", "errors.png"} <= set(images)
    assert all((out / name).stat().st_size > 1000 for name in images)
    assert page.count("<table") >= 5 and "micro F1" in page and 'class="spans"' in page

    png = tmp_path / "shot.png"
    screenshot(out / "index.html", png, tmp_path)
    import matplotlib.image
    pixels = matplotlib.image.imread(png)[..., :3]
    assert pixels.shape[:2] == (3000, 1200)
    assert (pixels.min(axis=2) < 0.9).mean() > 0.02 and pixels.std() > 0.05, "screenshot is blank"


@pytest.mark.slow
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_top_to_bottom(name, data, monkeypatch):
    import nbclient
    import nbformat

    shipped = REPO / "model" / "meta.json"
    if not shipped.is_file():
        monkeypatch.setenv("FORM4ML_MODEL", str(data / "model"))
    monkeypatch.setenv("FORM4ML_REPORT_ANNOTATIONS", str(data / "held_out.jsonl"))
    monkeypatch.setenv("FORM4ML_REPORT_TRAIN", str(SEEDS))
    monkeypatch.setenv("FORM4ML_REPORT_SIZES", "1")
    nb = nbformat.read(REPO / "notebooks" / name, as_version=4)
    nbclient.NotebookClient(nb, timeout=180, kernel_name="python3",
                            resources={"metadata": {"path": str(REPO / "notebooks")}}).execute()
    assert any(o.get("output_type") == "display_data" and "image/png" in o.get("data", {})
               for cell in nb.cells for o in cell.get("outputs", []))


@pytest.mark.parametrize("rows, group", [
    ({"non_derivative_transactions": [{}] * 4}, "1-4 rows"),
    ({"non_derivative_transactions": [{}] * 3, "derivative_holdings": [{}] * 2}, "5-9 rows"),
    ({"non_derivative_transactions": [{}] * 30}, "10+ rows"),
    ({}, "1-4 rows"),
])
def test_size_group_counts_the_rows_of_all_four_tables(rows, group):
    assert size_group(rows) == group
