"""training.ship: the facts it records about a corpus build and a c1/c2 selection."""
import json
import shutil

import pytest

from form4ml.config import REPO, model_dir
from training.ship import _selection, corpus_facts, ship


def test_corpus_facts_are_read_from_the_build_outputs(tmp_path):
    (tmp_path / "report.txt").write_text("12 renderings aligned, 3 below coverage 0.8 (kept out of train), 0 failed\n")
    (tmp_path / "command.txt").write_text("python -m training.build_corpus --pdf-every 2\n")
    for split, n in (("train", 5), ("dev", 2), ("test", 2)):
        (tmp_path / f"{split}.jsonl").write_text("{}\n" * n)
    facts = corpus_facts(tmp_path)
    assert (facts["renderings"], facts["train"], facts["dev"], facts["test"], facts["below_coverage_0.8"]) == (12, 5, 2, 2, 3)
    assert facts["command"] == "python -m training.build_corpus --pdf-every 2"


def test_corpus_facts_of_a_build_of_some_splits_name_only_those(tmp_path):
    (tmp_path / "report.txt").write_text("4 renderings aligned, 0 below coverage 0.8 (kept out of train), 0 failed\n")
    (tmp_path / "command.txt").write_text("python -m training.build_corpus --splits dev,test\n")
    for split, n in (("dev", 1), ("test", 3)):
        (tmp_path / f"{split}.jsonl").write_text("{}\n" * n)
    facts = corpus_facts(tmp_path)
    assert (facts["dev"], facts["test"], "train" in facts) == (1, 3, False)


def test_selection_parses_dev_scores_per_c1_c2():
    assert _selection("0.3/0.05=0.895, 0.1/0.01=0.883") == {"0.3/0.05": 0.895, "0.1/0.01": 0.883}


def _tiny_corpus(path):
    seeds = (REPO / "annotations" / "seeds.jsonl").read_text()
    (path / "report.txt").write_text("2 renderings aligned, 0 below coverage 0.8 (kept out of train), 0 failed\n")
    (path / "command.txt").write_text("python -m training.build_corpus --pdf-every 1\n")
    for split in ("train", "dev", "test"):
        (path / f"{split}.jsonl").write_text(seeds)


@pytest.mark.parametrize("remeasure", [True, False])
def test_ship_remeasure_keeps_the_training_corpus_facts(tmp_path, remeasure):
    model = tmp_path / "model"
    shutil.copytree(model_dir(), model)
    before = json.loads((model / "meta.json").read_text())["corpus"]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _tiny_corpus(corpus)
    figures = ship(model, corpus, {}, remeasure=remeasure)
    meta = json.loads((model / "meta.json").read_text())
    assert figures["dev"]["filings"] == 2 and meta["figures"] == figures
    if remeasure:
        assert meta["corpus"] == before and meta["figures_corpus"]["command"].endswith("--pdf-every 1")
    else:
        assert meta["corpus"]["command"].endswith("--pdf-every 1") and "figures_corpus" not in meta
