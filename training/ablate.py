"""What each repair rule earns: the annotated filings extracted with all rules, then
with each zone and tag repair of ``form4ml.pipeline`` left out in turn, and the field
errors (false positives + false negatives, the scorer's counts) each rule prevents.

    python -m training.ablate build/corpus/dev.jsonl --out build/ablation.md

A rule that prevents no errors on the filings given, or causes more than it prevents,
is a candidate to drop or mend (measure it on the dev split: the test split is for the
figures). The rules interact: leaving two out together can cost more or less than
the sum of leaving out each.
"""
import argparse
import sys
from collections import Counter
from pathlib import Path

from joblib import Parallel, delayed
from tqdm import tqdm

from form4ml import annotations
from form4ml.errors import Form4Error
from form4ml.pipeline import TAG_REPAIRS, ZONE_REPAIRS, extract_text, load_model
from form4ml.score import score_record

ALL = ""    # the variant with every rule


def repair_names():
    return [r.__name__ for r in ZONE_REPAIRS] + [r.__name__ for r, _ in TAG_REPAIRS]


def errors(doc, model, skip=frozenset()):
    micro = score_record(extract_text(doc["text"], model, skip), doc["record"]).micro
    return micro.fp + micro.fn


def _chunk_errors(docs, model_path, variants):
    model = load_model(model_path)
    return [{v: errors(doc, model, frozenset({v}) if v else frozenset()) for v in variants} for doc in docs]


def ablate(docs, model_path=None, jobs=2):
    """{variant: [errors of each filing, in the order of ``docs``]}, variant ``ALL`` or
    the name of the rule left out."""
    variants = [ALL] + repair_names()
    n = jobs * 4
    parts = Parallel(n_jobs=jobs)(delayed(_chunk_errors)(docs[i::n], model_path, variants)
                                  for i in tqdm(range(n), desc="ablation", unit="chunk", file=sys.stderr))
    per_doc = [None] * len(docs)
    for i, part in enumerate(parts):
        per_doc[i::n] = part
    return {v: [row[v] for row in per_doc] for v in variants}


def table(result, styles):
    """Markdown rows, the rules that prevent the most errors first, each with the
    rendering styles where it prevents most (``styles``: each filing's, in order)."""
    base = result[ALL]
    rows = []
    for name in (v for v in result if v != ALL):
        diffs = [without - with_all for without, with_all in zip(result[name], base)]
        by_style = Counter()
        for style, diff in zip(styles, diffs):
            by_style[style] += diff
        most = ", ".join(f"{style} {n}" for style, n in by_style.most_common(MOST_STYLES) if n > 0)
        rows.append((sum(diffs), sum(d > 0 for d in diffs), sum(d < 0 for d in diffs), name, most or "-"))
    lines = [f"{len(base)} renderings, {sum(base)} field errors with every rule.", "",
             "| rule | errors prevented | renderings better with it | renderings worse with it | most in |",
             "|---|---|---|---|---|"]
    lines += [f"| `{name}` | {prevented} | {better} | {worse} | {most} |"
              for prevented, better, worse, name, most in sorted(rows, key=lambda r: (-r[0], r[3]))]
    return "\n".join(lines)


MOST_STYLES = 2


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("annotations", nargs="+", type=Path, help="annotated filings (jsonl files or folders)")
    ap.add_argument("--model", type=Path, default=None, help="model folder (default: the shipped one)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path, default=None, help="write the markdown table here too")
    args = ap.parse_args(argv)
    try:
        docs = annotations.load(args.annotations)
    except Form4Error as exc:
        sys.exit(f"ablate: {exc}")
    if not docs:
        sys.exit("ablate: no annotated filings in " + ", ".join(map(str, args.annotations)))
    text = table(ablate(docs, args.model, args.jobs), [doc.get("style", "?") for doc in docs])
    print(text)
    if args.out:
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()
