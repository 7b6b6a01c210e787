"""A small corpus build: render, align, split by issuer, cache, report bad XML."""
import json
import shutil

import pytest

from form4ml import annotations
from form4ml.config import shared_dir
from training.build_corpus import build, split_of
from form4ml.xml_record import read_record

from .conftest import need_shared

TEXT_STYLES = ["plain", "markdown", "markdown_scan", "ascii", "html_text"]


@pytest.fixture(scope="module")
def xml_dir(tmp_path_factory):
    need_shared()
    folder = tmp_path_factory.mktemp("xml")
    for xml in sorted((shared_dir() / "corpus" / "form4").glob("*.xml"))[:4]:
        shutil.copy(xml, folder)
    (folder / "broken.xml").write_text("<ownershipDocument><issuer>")
    return folder


@pytest.fixture(scope="module")
def built(xml_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    report = build(xml_dir, out, TEXT_STYLES, jobs=1)
    docs = annotations.load([out / f"{s}.jsonl" for s in ("train", "dev", "test")])
    return out, report, docs


def test_build_reports_bad_xml_and_builds_the_rest(built):
    out, report, docs = built
    assert "broken.xml" in report.split("failed:")[1]
    assert len({d["source"] for d in docs}) == 4


def test_build_renders_every_style_of_every_filing(built):
    _, _, docs = built
    assert {d["style"] for d in docs} == set(TEXT_STYLES)


def test_built_records_equal_the_xml_record(built, xml_dir):
    _, _, docs = built
    for doc in docs:
        xml = xml_dir / (doc["id"].split(":")[0] + ".xml")
        assert doc["record"] == json.loads(json.dumps(read_record(xml)))


def test_built_spans_cover_most_gold_values(built):
    _, _, docs = built
    assert sum(d["coverage"] for d in docs) / len(docs) >= 0.9


def test_build_splits_by_issuer_never_by_filing(built):
    _, _, docs = built
    for doc in docs:
        assert doc["split"] == split_of(doc["issuer_cik"])


def test_rebuild_reuses_cached_renderings(built, xml_dir):
    out, _, _ = built
    cached = {p: p.stat().st_mtime_ns for p in (out / "cache").glob("*.json")}
    build(xml_dir, out, TEXT_STYLES, jobs=1)
    assert cached and {p: p.stat().st_mtime_ns for p in (out / "cache").glob("*.json")} == cached


def test_changed_renderer_renders_anew(xml_dir, tmp_path, monkeypatch):
    from training import build_corpus
    xml, cache = sorted(xml_dir.glob("*.xml"))[0], tmp_path
    first = build_corpus.rendered_text(xml, "plain", cache)
    monkeypatch.setattr(build_corpus, "renderer_source", lambda style: b"# the renderer, edited")
    monkeypatch.setattr(build_corpus, "renderers", lambda: {"plain": lambda path, rng: "FORM 4 anew"})
    assert first != "FORM 4 anew"
    assert build_corpus.rendered_text(xml, "plain", cache) == "FORM 4 anew"


def test_build_command_is_written_beside_the_corpus(xml_dir, tmp_path):
    from training.build_corpus import main
    argv = ["--xml-dir", str(xml_dir), "--out", str(tmp_path), "--styles", "plain", "--jobs", "1"]
    main(argv)
    assert (tmp_path / "command.txt").read_text() == "python -m training.build_corpus " + " ".join(argv) + "\n"


@pytest.mark.parametrize("style, expected", [
    ("plain", [0, 1, 2, 3]), ("pdf_raw", [0, 2]), ("ocr_light_200", [0, 3]), ("ocr_heavy_300", [0]),
])
def test_every_renders_a_style_on_every_nth_filing_only(style, expected):
    from training.build_corpus import _every
    n = _every(style, pdf_every=2, ocr_every=3, every={"ocr_heavy_300": 4})
    assert [i for i in range(4) if i % n == 0] == expected


@pytest.mark.parametrize("bad", ["ocr_heavy_300", "ocr_heavy_300=0", "ocr_heavy_300=x"])
def test_every_rejects_a_malformed_count(bad, capsys):
    from training.build_corpus import main
    with pytest.raises(SystemExit):
        main(["--every", bad])
    assert "STYLE=N" in capsys.readouterr().err


def test_build_of_some_splits_renders_only_their_issuers(built, xml_dir, tmp_path):
    _, _, docs = built
    split = docs[0]["split"]
    report = build(xml_dir, tmp_path, ["plain"], jobs=1, splits=(split,))
    kept = annotations.load([tmp_path / f"{split}.jsonl"])
    assert {d["source"] for d in kept} == {d["source"] for d in docs if d["split"] == split}
    assert sorted(p.name for p in tmp_path.glob("*.jsonl")) == [f"{split}.jsonl"]
    assert "broken.xml" in report.split("failed:")[1]
