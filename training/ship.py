"""Record in a model folder's ``meta.json`` what the model is and how it scored: the
corpus it came from, the split, the c1/c2 selection, and micro F1 / row exact-match on
the dev split, the test split and the seeds, each measured here by ``evaluate_docs``.

    python -m training.ship model --corpus build/corpus --selection "0.3/0.05=0.895,..."
    python -m training.ship model --remeasure     # today's code, a model trained on an earlier build
"""
import argparse
import json
from pathlib import Path

from form4ml import annotations
from form4ml.config import REPO, build_dir
from form4ml.evaluation import evaluate_docs
from form4ml.pipeline import META, load_model

from .build_corpus import COMMAND_FILE, MIN_COVERAGE, SPLITS

SPLIT = "train (issuer hash buckets 30-99 of training.build_corpus.split_of)"


def figures(docs, model_dir):
    ev = evaluate_docs(docs, model_dir)
    return {"filings": len(docs), "micro_f1": round(ev.overall.micro.f1, 3),
            "row_exact": round(ev.overall.row_exact, 3),
            "by_style": {s: round(summary.micro.f1, 3) for s, summary in ev.by_style.items()}}


def corpus_facts(corpus):
    """The command and sizes of the corpus build, read from its outputs (a build of
    some splits, ``--splits dev,test``, has no file of the others)."""
    command = (corpus / COMMAND_FILE).read_text().strip()
    first = (corpus / "report.txt").read_text().split("\n", 1)[0].split()
    sizes = {s: sum(1 for _ in open(corpus / f"{s}.jsonl", encoding="utf-8")) for s in SPLITS
             if (corpus / f"{s}.jsonl").is_file()}
    return {"command": command, "renderings": int(first[0]), **sizes,
            f"below_coverage_{MIN_COVERAGE}": int(first[3])}


def ship(model_dir, corpus, selection, remeasure=False):
    """Write the corpus facts, the selection and the figures into ``meta.json``; with
    ``remeasure``, a model trained on an earlier build keeps its corpus facts and its
    figures are measured on ``corpus`` (named under ``figures_corpus``)."""
    model_dir = Path(model_dir)
    meta = json.loads((model_dir / META).read_text())
    if remeasure:
        meta["figures_corpus"] = corpus_facts(corpus)
    else:
        meta.update(split=SPLIT, corpus=corpus_facts(corpus))
        meta.pop("figures_corpus", None)
    if selection:
        meta["selection"] = {"dev_micro_f1_by_c1_c2": selection}
    meta["figures"] = {
        "dev": figures(annotations.load([corpus / "dev.jsonl"]), model_dir),
        "test": figures(annotations.load([corpus / "test.jsonl"]), model_dir),
        "seeds": figures(annotations.load([REPO / "annotations" / "seeds.jsonl"]), model_dir),
    }
    (model_dir / META).write_text(json.dumps(meta, indent=2) + "\n")
    load_model.cache_clear()
    return meta["figures"]


def _selection(text):
    pairs = (item.split("=") for item in text.split(",") if item)
    return {k.strip(): float(v) for k, v in pairs}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model_dir")
    ap.add_argument("--corpus", type=Path, default=build_dir() / "corpus")
    ap.add_argument("--selection", default="", help='Dev micro F1 per c1/c2 tried: "0.3/0.05=0.895,..."')
    ap.add_argument("--remeasure", action="store_true",
                    help="The model was trained on an earlier build: keep its corpus facts, measure on --corpus.")
    args = ap.parse_args(argv)
    for name, figs in ship(args.model_dir, args.corpus, _selection(args.selection), args.remeasure).items():
        print(f"{name:6s} {figs['filings']:4d} filings  micro F1 {figs['micro_f1']:.3f}  row exact {figs['row_exact']:.3f}")


if __name__ == "__main__":
    main()
