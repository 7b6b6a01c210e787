"""Reading user files as text, with the errors a batch of real files produces."""
import codecs
import glob
import os
import re
from pathlib import Path

from .errors import Form4Error
from .xml_record import is_ownership_xml

MAX_BYTES = 10_000_000
FORM4_HINTS = re.compile(r"form\s*4|reporting\s+person|beneficial(ly)?\s+own|table\s+i\b|"
                         r"derivative\s+securit|issuer\s+name|section\s+16", re.I)


def decode(data: bytes, path) -> str:
    """Text from bytes: BOMs honoured, UTF-8 first, then Windows-1252/Latin-1."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    if b"\x00" in data[:8192] or _control_ratio(data[:8192]) > 0.05:
        raise Form4Error("E003", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _control_ratio(data):
    if not data:
        return 0.0
    controls = sum(b < 32 and b not in (9, 10, 12, 13) for b in data)
    return controls / len(data)


def read_text(path, max_bytes=MAX_BYTES) -> str:
    """The text of a Form 4 file, or a Form4Error saying what is wrong with it."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise Form4Error("E004", path, f"file is too large ({size / 1e6:.1f} MB; limit {max_bytes / 1e6:.0f} MB, "
                                           "see --max-bytes)")
        data = path.read_bytes()
    except OSError as exc:
        raise Form4Error("E001", path, f"cannot read file ({exc.strerror or exc})") from None
    if not data.strip():
        raise Form4Error("E002", path)
    text = decode(data, path)
    check_form4(text, path)
    return text


def check_form4(text, path):
    if is_ownership_xml(text):
        return
    if len(FORM4_HINTS.findall(text[:200_000])) < 2:
        raise Form4Error("E005", path, "text is not a Form 4 (none of its headings or labels found)")


def expand_inputs(inputs):
    """Files named, files inside folders named (recursively, hidden ones skipped), and files
    matching glob patterns (``**`` recurses), in order. Folders are walked one level at a
    time, so a million files are never all in memory. A pattern that matches nothing is
    yielded as it is, for reading to report."""
    for item in map(str, inputs):
        matches = sorted(glob.glob(item, recursive=True)) if glob.has_magic(item) else [item]
        for path in map(Path, matches or [item]):
            if path.is_dir():
                yield from _walk(path)
            else:
                yield path


def _walk(folder):
    """Files under a folder in path order, hidden ones skipped."""
    with os.scandir(folder) as listing:
        entries = sorted((e for e in listing if not e.name.startswith(".")), key=lambda e: e.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif entry.is_file():
            yield Path(entry.path)
