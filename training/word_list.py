"""Write a model folder's ``words.json``: the words of the training split's gold free
text (footnotes, remarks, titles, natures) with their counts, which ``form4ml.spelling``
mends OCR's misread words by. ``form4ml train`` writes it from its corpus; this writes
it from the XML filings alone, for a model trained before the word list existed.

    python -m training.word_list model [--xml-dir ../shared/corpus/form4]
"""
import argparse
import json
import sys
from pathlib import Path

from form4ml.config import shared_dir
from form4ml.pipeline import WORDS
from form4ml.spelling import word_counts
from form4ml.xml_record import issuer_cik, read_record

from .build_corpus import split_of


def train_records(xml_dir):
    """Gold records of the training split's filings; unreadable XML reported, skipped."""
    records = []
    for path in sorted(Path(xml_dir).glob("*.xml")):
        try:
            if split_of(issuer_cik(path)) == "train":
                records.append(read_record(path))
        except ValueError as exc:
            print(f"skipped: {exc}", file=sys.stderr)
    return records


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model_dir", type=Path)
    ap.add_argument("--xml-dir", default=str(shared_dir() / "corpus" / "form4"))
    args = ap.parse_args(argv)
    records = train_records(args.xml_dir)
    words = word_counts(records)
    (args.model_dir / WORDS).write_text(json.dumps(words) + "\n")
    print(f"{args.model_dir / WORDS}: {len(words)} words from {len(records)} training filings")


if __name__ == "__main__":
    main()
