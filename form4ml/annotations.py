"""Read and write annotated filings (format: annotations/README.md)."""
import json
from pathlib import Path


def load(paths):
    """Every annotated filing in the given JSONL files or folders of them."""
    docs = []
    for path in map(Path, paths):
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            with open(file, encoding="utf-8") as fh:
                docs.extend(json.loads(line) for line in fh if line.strip())
    return docs


def save(docs, path):
    with open(path, "w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
