"""Draw the gold filings of ``annotations/gold.jsonl`` from the corpus's test split: up
to ``--per-style`` renderings of each style, spread over the issuers in turn, each pick
fixed by a stable hash of its id, so a redraw from the same build gives the same file.

    python -m training.draw_gold [--corpus build/corpus] [--per-style 35] [-o annotations/gold.jsonl]

The test split holds issuers the shipped model never saw (``build_corpus.split_of``),
so these stay held-out filings however often the model is retrained.
"""
import argparse
import hashlib
from collections import defaultdict
from itertools import chain, zip_longest
from pathlib import Path

from form4ml import annotations
from form4ml.config import REPO, build_dir


def _stable(key):
    return hashlib.md5(str(key).encode()).hexdigest()


def draw(docs, per_style):
    """Up to ``per_style`` docs of each style, taken from one issuer after another;
    sorted by id."""
    by_style = defaultdict(lambda: defaultdict(list))
    for d in docs:
        by_style[d["style"]][d["issuer_cik"]].append(d)
    picked = []
    for style in sorted(by_style):
        issuers = sorted(by_style[style].values(), key=lambda ds: _stable(ds[0]["issuer_cik"]))
        queues = [sorted(ds, key=lambda d: _stable(d["id"])) for ds in issuers]
        turns = (d for d in chain.from_iterable(zip_longest(*queues)) if d is not None)
        picked += [d for _, d in zip(range(per_style), turns)]
    return sorted(picked, key=lambda d: d["id"])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=build_dir() / "corpus")
    ap.add_argument("--per-style", type=int, default=35)
    ap.add_argument("-o", "--out", type=Path, default=REPO / "annotations" / "gold.jsonl")
    args = ap.parse_args(argv)
    docs = [d for d in annotations.load([args.corpus / "test.jsonl"]) if d["split"] == "test"]
    gold = draw(docs, args.per_style)
    annotations.save(gold, args.out)
    filings = {d["source"] for d in gold}
    issuers = {d["issuer_cik"] for d in gold}
    print(f"{len(gold)} renderings of {len(filings)} filings ({len(issuers)} issuers) -> {args.out}")


if __name__ == "__main__":
    main()
