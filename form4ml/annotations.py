"""Read and write annotated filings (format: annotations/README.md)."""
import json
from pathlib import Path

from .errors import Form4Error

REQUIRED = ("text", "record")


def load(paths):
    """Every annotated filing in the given JSONL files or folders of them."""
    docs = []
    for path in map(Path, paths):
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            docs.extend(_read(file))
    return docs


def _read(file):
    """The filings of one JSONL file; a line that is not an annotated filing is an E020."""
    try:
        with open(file, encoding="utf-8") as fh:
            lines = list(fh)
    except (OSError, UnicodeDecodeError) as exc:
        raise Form4Error("E020", file, f"bad annotation file ({exc})") from None
    docs = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            raise Form4Error("E020", f"{file}:{n}", f"bad annotation file (not JSON: {exc.msg})") from None
        missing = [k for k in REQUIRED if not isinstance(doc, dict) or k not in doc]
        if missing:
            raise Form4Error("E020", f"{file}:{n}", f"bad annotation file (no {', '.join(missing)})")
        docs.append(doc)
    return docs


def save(docs, path):
    with open(path, "w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
