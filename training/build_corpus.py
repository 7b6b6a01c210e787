"""Build the annotated training corpus: every XML filing, rendered in every style,
aligned with its gold record, split by issuer into train/dev/test.

    python -m training.build_corpus [--xml-dir DIR] [--out build/corpus] [--jobs 2]

Cached: a rerun only renders what changed (key: the XML's bytes, the style, the
source of the renderer's module); alignment is redone every run, so an aligner fix
needs no re-rendering.
Bad XML is reported and skipped; filings that align poorly are listed in
``report.txt`` and kept out of the training split, never silently dropped.
"""
import argparse
import hashlib
import inspect
import json
import random
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

from joblib import Parallel, delayed
from tqdm import tqdm

from form4ml import annotations
from form4ml.config import build_dir, shared_dir
from form4ml.xml_record import issuer_cik, read_record

from .align import align

TEXT_STYLES = ("plain", "markdown", "ascii", "html_text", "markdown_scan")
PDF_STYLES = ("pdf_layout", "pdf_plain", "pdf_raw", "pdfplumber", "pdfminer")
OCR_STYLES = ("ocr_light_200", "ocr_medium_200", "ocr_heavy_300", "ocr_rapid_medium_200")   # of render_ocr's seven
MIN_COVERAGE = 0.8
SPLITS = ("train", "dev", "test")
COMMAND_FILE = "command.txt"     # the command that built the corpus, for the model's meta.json
CACHE_VERSION = "1"


def split_of(cik, dev=15, test=15):
    """train/dev/test by a stable hash of the issuer, so no issuer spans two splits."""
    bucket = int(hashlib.md5(str(cik).encode()).hexdigest(), 16) % 100
    return "test" if bucket < test else "dev" if bucket < test + dev else "train"


@lru_cache(maxsize=1)
def renderers():
    """All renderers by style name (PDF and OCR ones only where their modules import)."""
    from .render_text import RENDERERS
    from .render_scan import RENDERERS as scan
    styles = dict(RENDERERS)
    styles.update(scan)
    try:
        from .render_pdf import PDF_STYLES as pdf
        styles.update(pdf)
    except ImportError as exc:
        print(f"PDF styles unavailable: {exc}", file=sys.stderr)
    try:
        from .render_ocr import OCR_STYLES as ocr
        styles.update(ocr)
    except ImportError as exc:
        print(f"OCR styles unavailable: {exc}", file=sys.stderr)
    return styles


def _render(fn, xml_path, rng, cache_dir):
    try:
        return fn(xml_path, rng, cache_dir)
    except TypeError:
        return fn(xml_path, rng)


@lru_cache(maxsize=None)
def renderer_source(style):
    """The bytes of the module that renders ``style``: a changed renderer renders anew."""
    return Path(inspect.getsourcefile(renderers()[style])).read_bytes()


def rendered_text(xml_path, style, cache_dir):
    """The filing rendered in ``style``; cached on disk (key: the XML's bytes, the style,
    its renderer's source, CACHE_VERSION), since printing and OCR are the slow part of a
    build."""
    key = hashlib.sha256(xml_path.read_bytes() + f"|{style}|{CACHE_VERSION}|".encode()
                         + renderer_source(style)).hexdigest()[:24]
    cached = cache_dir / f"{key}.json"
    if cached.is_file():
        return json.loads(cached.read_text())["text"]
    rng = random.Random(f"{xml_path.name}:{style}")
    text = _render(renderers()[style], xml_path, rng, cache_dir / "pdf")
    cached.write_text(json.dumps({"text": text}))
    return text


def build_one(xml_path, style, cache_dir):
    """One annotated rendering (dict), or an error dict. The text comes from the cache;
    the alignment is made anew (it is fast), so aligner fixes need no re-rendering."""
    xml_path = Path(xml_path)
    try:
        record = read_record(xml_path)
        cik = issuer_cik(xml_path)
        text = rendered_text(xml_path, style, cache_dir)
        alignment = align(text, record)
    except Exception as exc:  # reported per filing; the build goes on, and a rerun retries it
        return {"id": f"{xml_path.stem}:{style}", "error": f"{xml_path}: {type(exc).__name__}: {exc}"}
    source = xml_path.relative_to(shared_dir()) if xml_path.is_relative_to(shared_dir()) else xml_path
    return {"id": f"{xml_path.stem}:{style}", "source": str(source), "style": style,
            "issuer_cik": cik, "split": split_of(cik), "text": text,
            "spans": [list(s) for s in alignment.spans], "zones": None, "record": record,
            "coverage": round(alignment.coverage, 4),
            "align_report": {k: list(v) for k, v in alignment.report.items()}}


def _every(style, pdf_every, ocr_every, every):
    if style in every:
        return every[style]
    return ocr_every if style.startswith("ocr") else pdf_every if style.startswith("pdf") else 1


def _in_splits(xml_path, splits):
    """Whether the filing's issuer falls in ``splits``; unreadable XML stays in, so
    the build reports it."""
    try:
        return split_of(issuer_cik(xml_path)) in splits
    except Exception:
        return True


def build(xml_dir, out_dir, styles, jobs=2, limit=None, pdf_every=1, ocr_every=4, every=None,
          splits=SPLITS):
    """Render and align every filing; write a JSONL per split and a report.
    ``every`` maps a style to N (render it on every Nth filing only), overriding
    ``pdf_every``/``ocr_every`` for that style. ``splits`` limits the build to those
    splits' issuers (dev and test alone measure a rule change in a third of the time),
    with the same renderings a full build gives them."""
    out_dir, cache_dir = Path(out_dir), Path(out_dir) / "cache"
    (cache_dir / "pdf").mkdir(parents=True, exist_ok=True)
    files = sorted(Path(xml_dir).glob("*.xml"))[:limit]
    tasks = [(f, s) for i, f in enumerate(files) for s in styles
             if i % _every(s, pdf_every, ocr_every, every or {}) == 0]
    if set(splits) != set(SPLITS):
        wanted = {f for f in files if _in_splits(f, splits)}
        tasks = [(f, s) for f, s in tasks if f in wanted]
    results = Parallel(n_jobs=jobs, return_as="generator")(
        delayed(build_one)(f, s, cache_dir) for f, s in tasks)
    docs = list(tqdm(results, total=len(tasks), desc="render+align", unit="doc"))
    return write_outputs(docs, out_dir, splits)


def write_outputs(docs, out_dir, splits=SPLITS):
    good = [d for d in docs if "error" not in d]
    errors = [d["error"] for d in docs if "error" in d]
    poor = [d for d in good if d["coverage"] < MIN_COVERAGE]
    for split in splits:
        annotations.save([d for d in good if d["split"] == split
                          and not (split == "train" and d["coverage"] < MIN_COVERAGE)],
                         out_dir / f"{split}.jsonl")
    report = alignment_report(good, poor, errors)
    (out_dir / "report.txt").write_text(report)
    return report


def alignment_report(good, poor, errors):
    found, expected = Counter(), Counter()
    for d in good:
        for field, (f, e) in d["align_report"].items():
            found[field] += f
            expected[field] += e
    lines = [f"{len(good)} renderings aligned, {len(poor)} below coverage {MIN_COVERAGE} "
             f"(kept out of train), {len(errors)} failed", "", "field  found/expected"]
    lines += [f"{k:16s} {found[k]:6d}/{expected[k]:<6d} {found[k] / expected[k]:.3f}" for k in sorted(expected)]
    by_style = Counter(d["style"] for d in good)
    lines += ["", "style  renderings  mean coverage"]
    lines += [f"{s:16s} {n:5d}  {sum(d['coverage'] for d in good if d['style'] == s) / n:.3f}"
              for s, n in sorted(by_style.items())]
    lines += ["", "poorly aligned:"] + [f"  {d['id']} {d['coverage']:.2f}" for d in poor]
    lines += ["", "failed:"] + [f"  {e}" for e in errors]
    return "\n".join(lines) + "\n"


def style_count(item):
    """``"ocr_heavy_300=12"`` -> ``("ocr_heavy_300", 12)`` (an argparse type)."""
    style, sep, n = item.partition("=")
    if not sep or not n.strip().isdigit() or int(n) < 1:
        raise argparse.ArgumentTypeError(f"{item!r}: expected STYLE=N with N a whole number >= 1")
    return style.strip(), int(n)


def split_names(text):
    """``"dev,test"`` -> ``("dev", "test")`` (an argparse type)."""
    names = tuple(n.strip() for n in text.split(",") if n.strip())
    unknown = sorted(set(names) - set(SPLITS))
    if not names or unknown:
        raise argparse.ArgumentTypeError(f"{text!r}: splits are {', '.join(SPLITS)}")
    return names


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--xml-dir", default=str(shared_dir() / "corpus" / "form4"))
    ap.add_argument("--out", default=str(build_dir() / "corpus"))
    ap.add_argument("--styles", default=",".join(TEXT_STYLES + PDF_STYLES + OCR_STYLES))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None, help="Only the first N filings.")
    ap.add_argument("--pdf-every", type=int, default=1, help="PDF styles on every Nth filing only.")
    ap.add_argument("--ocr-every", type=int, default=4, help="OCR styles on every Nth filing only (slow).")
    ap.add_argument("--every", action="append", default=[], metavar="STYLE=N", type=style_count,
                    help="This style on every Nth filing only (overrides --pdf-every/--ocr-every; repeatable).")
    ap.add_argument("--splits", default=",".join(SPLITS), type=split_names,
                    help="Only these splits' issuers, e.g. dev,test to measure a rule change.")
    args = ap.parse_args(argv)
    report = build(args.xml_dir, args.out, args.styles.split(","), args.jobs, args.limit,
                   args.pdf_every, args.ocr_every, dict(args.every), args.splits)
    command = " ".join(["python -m training.build_corpus", *(sys.argv[1:] if argv is None else argv)])
    (Path(args.out) / COMMAND_FILE).write_text(command + "\n")
    print(report.split("\npoorly aligned:")[0])


if __name__ == "__main__":
    # Run the importable module's main, so workers unpickle its functions by reference.
    from training.build_corpus import main as module_main
    module_main()
