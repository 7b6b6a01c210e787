import pytest

from form4ml import pipeline
from training import ablate
from .conftest import REPO


def test_repair_names_list_every_rule_of_the_pipeline_once():
    names = ablate.repair_names()
    assert len(names) == len(set(names)) == len(pipeline.ZONE_REPAIRS) + len(pipeline.TAG_REPAIRS)


@pytest.mark.parametrize("skip, called", [(frozenset(), True), (frozenset({"spy_repair"}), False)])
def test_tag_leaves_out_the_repairs_it_is_told_to_skip(monkeypatch, skip, called):
    calls = []

    def spy_repair(tokens, tags, confidences):
        calls.append(len(tokens))

    monkeypatch.setattr(pipeline, "TAG_REPAIRS", ((spy_repair, ("confidences",)),))
    pipeline.tag("1. Name and Address of Reporting Person\nDoe John", skip_repairs=skip)
    assert bool(calls) == called


def test_ablation_table_counts_errors_each_rule_prevents_and_where():
    result = {ablate.ALL: [1, 0, 2], "repair_a": [3, 0, 1], "repair_b": [1, 0, 2]}
    rows = ablate.table(result, ["ascii", "ascii", "pdf_plain"]).splitlines()
    assert rows[0] == "3 renderings, 3 field errors with every rule."
    assert rows[4:] == ["| `repair_a` | 1 | 1 | 1 | ascii 2 |", "| `repair_b` | 0 | 0 | 0 | - |"]


def test_ablation_runs_over_annotated_filings_in_their_order():
    docs = ablate.annotations.load([REPO / "annotations" / "seeds.jsonl"])
    result = ablate.ablate(docs, jobs=1)
    assert set(result) == {ablate.ALL, *ablate.repair_names()}
    assert result[ablate.ALL] == [ablate.errors(doc, ablate.load_model()) for doc in docs]


@pytest.mark.parametrize("content, problem", [(None, "No such file"), ('{"bad json', "not JSON")])
def test_ablation_of_a_bad_annotation_file_says_which_and_why(tmp_path, capsys, content, problem):
    path = tmp_path / "gold.jsonl"
    if content is not None:
        path.write_text(content)
    with pytest.raises(SystemExit) as exit_:
        ablate.main([str(path)])
    assert str(path) in str(exit_.value) and problem in str(exit_.value)
