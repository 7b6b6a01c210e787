"""Accuracy report: tables, plots and an HTML page for a model on held-out filings.

Every score comes from ``form4ml.evaluation`` and ``form4ml.score`` (the one
scorer); values are paired with gold values by the scorer's own pairing and
compared with ``score.same``. This module arranges, plots and writes.
"""
import html
import math
import os
import random
import re
import tempfile
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import spacy
from spacy import displacy
from spacy.tokens import Doc, Span

from . import annotations
from .config import REPO, build_dir, model_dir
from .evaluation import evaluate_docs
from .labels import FIELDS
from .pipeline import load_model, tag
from .record import DATE_KEYS, NUMBER_KEYS, TABLES
from .score import _pair, _present, same  # the scorer's own pairing and presence
from .tokenize import FOOTNOTE_MARK
from .train import prepare, train

DEFAULT_SIZES = (25, 50, 100, 200)
NOTEBOOK_SIZES = "10,25"   # small, for CI; FORM4ML_REPORT_SIZES overrides
TEXT_KEYS = {"security_title", "underlying_security_title", "nature_of_ownership"}


# settings ------------------------------------------------------------------

def default_annotations():
    """Held-out filings: every ``annotations/*.jsonl``."""
    return [REPO / "annotations"]


def default_train():
    """Training pool of the learning curve: the built corpus's train split, if built."""
    path = build_dir() / "corpus" / "train.jsonl"
    return [path] if path.is_file() else []


def parse_sizes(text):
    """``"25,50,all"`` -> ``[25, 50, "all"]``."""
    return [s if s == "all" else int(s) for s in (p.strip() for p in text.split(",")) if s]


def _env_paths(name, default):
    value = os.environ.get(name)
    return [Path(p) for p in value.split(os.pathsep) if p] if value else default


@dataclass
class Settings:
    """What a report is built from; ``from_env`` reads FORM4ML_REPORT_* for the notebooks."""
    annotations: list = field(default_factory=default_annotations)
    model: Path = None
    train: list = field(default_factory=default_train)
    sizes: list = field(default_factory=lambda: list(DEFAULT_SIZES))
    worst: int = 3

    @classmethod
    def from_env(cls):
        return cls(_env_paths("FORM4ML_REPORT_ANNOTATIONS", default_annotations()),
                   Path(os.environ.get("FORM4ML_MODEL", model_dir())),
                   _env_paths("FORM4ML_REPORT_TRAIN", default_train()),
                   parse_sizes(os.environ.get("FORM4ML_REPORT_SIZES", NOTEBOOK_SIZES)),
                   int(os.environ.get("FORM4ML_REPORT_WORST", 3)))


# tables from the evaluation ---------------------------------------------------

def style_table(ev):
    """Micro P/R/F1, row and document exact-match per rendering style, then all, with the
    issuers behind each and the 95 % intervals of micro F1 and row exact-match from
    resampling them (``Evaluation.intervals``)."""
    rows = []
    for name, s, indices in ev.styles():
        f1, row = ev.intervals(indices)
        f1, row = f1 or (math.nan, math.nan), row or (math.nan, math.nan)
        rows.append({"style": name, "filings": s.docs, "issuers": ev.issuers(indices),
                     "micro P": s.micro.precision, "micro R": s.micro.recall, "micro F1": s.micro.f1,
                     "F1 low": f1[0], "F1 high": f1[1], "row exact": s.row_exact,
                     "row low": row[0], "row high": row[1], "doc exact": s.doc_exact})
    return pd.DataFrame(rows).set_index("style")


def field_table(ev):
    """Per-field precision, recall, F1 and support (fields seen in gold or predictions)."""
    rows = [{"field": k, "precision": c.precision, "recall": c.recall, "F1": c.f1, "support": c.support}
            for k, c in sorted(ev.overall.fields.items()) if c.support or c.fp]
    return pd.DataFrame(rows).set_index("field")


def doc_f1(ev):
    """Micro F1 of each filing, in the order of ``ev.docs``."""
    return [score.micro.f1 for score in ev.scores]


def worst_filings(ev, n):
    """Indices of the ``n`` filings with the lowest micro F1."""
    f1 = doc_f1(ev)
    return sorted(range(len(f1)), key=f1.__getitem__)[:n]


# token level -------------------------------------------------------------------

def _label(tag_):
    return tag_[2:] if tag_ != "O" else "O"


def tag_docs(docs, model_path=None):
    """The taggers' output (tokens, tags, marginals) for each filing."""
    model = load_model(model_path)
    return [tag(d["text"], model) for d in docs]


def token_confusion(docs, tagged):
    """Token counts: gold field label (rows) against predicted label (columns), BIO prefix dropped."""
    pairs = Counter()
    for doc, t in zip(docs, tagged):
        gold = prepare(doc).tags
        if len(gold) != len(t.tags):
            raise ValueError(f"{doc['id']}: gold and predicted tokenizations differ")
        pairs.update((_label(g), _label(p)) for g, p in zip(gold, t.tags))
    labels = ["O"] + sorted({lab for pair in pairs for lab in pair} - {"O"})
    table = pd.DataFrame(0, index=labels, columns=labels)
    for (g, p), n in pairs.items():
        table.loc[g, p] = n
    return table.rename_axis(index="gold", columns="predicted")


def top_confusions(confusion, n=15):
    """The most frequent gold -> predicted label confusions (off the diagonal)."""
    stacked = confusion.stack().rename("tokens").reset_index()
    off = stacked[(stacked.gold != stacked.predicted) & (stacked.tokens > 0)]
    return off.sort_values("tokens", ascending=False).head(n).reset_index(drop=True)


# values paired with gold -----------------------------------------------------------

@dataclass
class Check:
    """One predicted or gold value, paired as the scorer pairs it."""
    doc: int
    field: str          # the scorer's field name, e.g. non_derivative_transactions.shares
    key: str
    pred: object
    gold: object
    right: bool
    confidence: float   # CRF marginal of the predicted value (None when not predicted)
    source: str         # the text the value was read from
    paired: bool        # False when its row, owner or signature has no partner
    elsewhere: bool     # gold value under another predicted field, or predicted value another gold field's


def _kind(key):
    if key in NUMBER_KEYS:
        return "number"
    if key in DATE_KEYS or key.endswith("date") or key == "period_of_report":
        return "date"
    return "text" if key in TEXT_KEYS else None


def _under(key, row, value):
    """Whether ``value`` stands under another field of ``row`` of the same kind."""
    kind = _kind(key)
    return bool(kind and row and _present(value)) and any(
        k != key and _kind(k) == kind and _present(v) and same(key, v, value) for k, v in row.items())


class _Walker:
    """Walks one record pair the way ``score.score_record`` does, keeping each value."""

    def __init__(self, i, text, pred, gold):
        self.i, self.text, self.pred, self.gold = i, text, pred, gold
        self.where = pred.get("provenance", {})
        self.checks = []

    def check(self, path, fld, key, p, g, paired=True, rows=(None, None)):
        if not (_present(p) or _present(g)):
            return
        where = self.where.get(path, {}) if _present(p) else {}
        conf = where.get("confidence")
        self.checks.append(Check(
            self.i, fld, key, p, g, _present(p) and _present(g) and same(key, p, g),
            None if conf is None or math.isnan(conf) else conf,
            self.text[where["start"]:where["end"]] if where else "",
            paired, _under(key, rows[0], g) or _under(key, rows[1], p)))

    def group(self, name, fld, preds, golds, keys, pair_keys):
        index = {id(r): n for n, r in enumerate(preds)}
        for p, g in _pair(preds, golds, pair_keys):
            base = f"{name}[{index[id(p)]}]." if p is not None else ""
            for key in keys:
                self.check(base + key, f"{fld}.{key}", key, (p or {}).get(key), (g or {}).get(key),
                           p is not None and g is not None, (p, g))

    def run(self):
        pred, gold = self.pred, self.gold
        for key in ("document_type", "period_of_report", "date_of_original_submission", "remarks"):
            self.check(key, key, key, pred.get(key), gold[key])
        for key in ("name", "trading_symbol"):
            self.check(f"issuer.{key}", f"issuer.{key}", key, (pred.get("issuer") or {}).get(key),
                       gold["issuer"][key])
        owners = gold["reporting_owners"]
        self.group("reporting_owners", "owner", pred.get("reporting_owners", []), owners,
                   [k for k in (owners[0] if owners else {}) if k != "cik"], ["name"])
        for table in TABLES:
            preds, golds = pred.get(table, []), gold[table]
            keys = list(golds[0] if golds else preds[0] if preds else {})
            self.group(table, table, preds, golds, keys, keys)
        self._footnotes()
        self.group("signatures", "signature", pred.get("signatures", []), self.gold["signatures"],
                   ["name", "date"], ["name", "date"])
        return self.checks

    def _footnotes(self):
        preds = {n["id"]: (i, n) for i, n in enumerate(self.pred.get("footnotes", []))}
        for note in self.gold["footnotes"]:
            i, p = preds.pop(note["id"], (None, {}))
            self.check(f"footnotes[{i}].text", "footnotes.text", "text", p.get("text"), note["text"])
        for i, p in preds.values():
            self.check(f"footnotes[{i}].text", "footnotes.text", "text", p["text"], None)


def value_checks(ev):
    """Every predicted or gold value of every filing, with whether it is right."""
    return [c for i, (d, p) in enumerate(zip(ev.docs, ev.preds))
            for c in _Walker(i, d["text"], p, d["record"]).run()]


# calibration ---------------------------------------------------------------------

def calibration(checks, bins=10):
    """Fraction of predicted values that are right, per bin of CRF confidence."""
    rows = [(c.confidence, c.right) for c in checks if c.confidence is not None]
    frame = pd.DataFrame(rows, columns=["confidence", "right"])
    frame["bin"] = pd.cut(frame.confidence, [i / bins for i in range(bins + 1)], include_lowest=True)
    table = frame.groupby("bin", observed=True).agg(
        values=("right", "size"), confidence=("confidence", "mean"), right=("right", "mean"))
    table.index = table.index.astype(str)
    return table


def expected_calibration_error(table):
    """Mean |confidence - fraction right| over bins, weighted by values."""
    total = table["values"].sum()
    return float((table["values"] * (table.confidence - table.right).abs()).sum() / total) if total else float("nan")


# error kinds ---------------------------------------------------------------------

ERROR_KINDS = {
    "wrong row split": "value in a row, owner or signature with no partner: the row count differs",
    "wrong column": "value read under another field of the row (gold's or predicted)",
    "footnote mark in number": "a footnote mark read as digits of the number",
    "misparsed number": "right text, read as the gold number would be, but parsed to another value",
    "OCR-damaged number": "wrong number read from text with letters or stray marks in it",
    "wrong number": "wrong number from clean-looking text",
    "wrong date": "date present on both sides, not equal",
    "wrong footnote links": "a row's footnote ids differ",
    "wrong text": "text value present on both sides, not equal (cut or overrun)",
    "missing value": "gold value not predicted",
    "spurious value": "predicted value where gold has none",
}


def _digits(x):
    return re.sub(r"\D", "", f"{float(x):.3f}".rstrip("0").rstrip("."))


def _plain_number(text):
    try:
        return float(re.sub(r"[,$\s]", "", text))
    except ValueError:
        return None


def _mark_in_number(check):
    extra = _digits(check.pred)[len(_digits(check.gold)):]
    return bool(re.search(FOOTNOTE_MARK, check.source)) or (
        _digits(check.pred).startswith(_digits(check.gold)) and 0 < len(extra) <= 2)


def error_kind(check):
    """The kind of a wrong value (see ERROR_KINDS), or None when it is right."""
    if check.right:
        return None
    if not check.paired:
        return "wrong row split"
    if check.elsewhere:
        return "wrong column"
    if not _present(check.pred):
        return "missing value"
    if not _present(check.gold):
        return "spurious value"
    if check.key in NUMBER_KEYS:
        if _mark_in_number(check):
            return "footnote mark in number"
        if same(check.key, _plain_number(check.source), check.gold):
            return "misparsed number"
        return "OCR-damaged number" if re.search(r"[^\d,.$\s()-]", check.source) else "wrong number"
    if check.key == "footnote_ids":
        return "wrong footnote links"
    return "wrong date" if _kind(check.key) == "date" else "wrong text"


def error_table(checks):
    """Counts of each error kind: wrong values and the filings they occur in."""
    kinds = [(error_kind(c), c.doc) for c in checks]
    rows = [{"kind": k, "values": sum(1 for kk, _ in kinds if kk == k),
             "filings": len({d for kk, d in kinds if kk == k}), "meaning": meaning}
            for k, meaning in ERROR_KINDS.items()]
    return pd.DataFrame(rows).set_index("kind").sort_values("values", ascending=False)


def error_examples(ev, checks, per_kind=3):
    """A few wrong values of each kind, with the text they were read from."""
    seen, rows = Counter(), []
    for c in checks:
        kind = error_kind(c)
        if kind and seen[kind] < per_kind:
            seen[kind] += 1
            rows.append({"kind": kind, "filing": ev.docs[c.doc]["id"], "field": c.field,
                         "gold": c.gold, "predicted": c.pred, "read from": c.source})
    columns = ["kind", "filing", "field", "gold", "predicted", "read from"]
    return pd.DataFrame(rows, columns=columns).sort_values("kind", kind="stable").reset_index(drop=True)


# learning curve ------------------------------------------------------------------

def learning_curve(pool, test_docs, sizes, seed=0, algorithm="ap", max_iterations=5):
    """Micro F1, row and doc exact-match on ``test_docs`` of models trained on the first
    n filings of a shuffled ``pool`` (held-out ids removed), for each n of ``sizes``."""
    held = {d["id"] for d in test_docs}
    pool = [d for d in pool if d["id"] not in held]
    random.Random(seed).shuffle(pool)
    ns = sorted({len(pool) if s == "all" else min(s, len(pool)) for s in sizes} - {0})
    rows = []
    with tempfile.TemporaryDirectory(prefix="form4ml-curve-") as tmp:
        for n in ns:
            path = Path(tmp) / f"n{n}"
            train(pool[:n], path, algorithm=algorithm, max_iterations=max_iterations)
            s = evaluate_docs(test_docs, path).overall
            rows.append({"filings": n, "micro F1": s.micro.f1, "row exact": s.row_exact, "doc exact": s.doc_exact})
    return pd.DataFrame(rows, columns=["filings", "micro F1", "row exact", "doc exact"]).set_index("filings")


# spans drawn with displacy ---------------------------------------------------------

def _colors():
    cmap = plt.get_cmap("tab20")
    return {f: matplotlib.colors.to_hex(cmap(i % 20)) for i, f in enumerate(FIELDS)}


def span_html(text, spans):
    """``displacy`` span rendering of ``text`` with ``(start, end, label)`` spans, lines kept."""
    nlp = spacy.blank("en")
    base = nlp(text)
    doc = Doc(nlp.vocab, words=["¶" if "\n" in t.text else t.text for t in base],
              spaces=[bool(t.whitespace_) for t in base])
    found = (base.char_span(s, e, label=lab, alignment_mode="expand") for s, e, lab, *_ in spans)
    doc.spans["sc"] = [Span(doc, sp.start, sp.end, sp.label_) for sp in found if sp is not None]
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W117\]")  # a filing with no spans
        out = displacy.render(doc, style="span", page=False, jupyter=False, options={"colors": _colors()})
    return out.replace("¶", "<br>")


def filing_spans(doc, tagged):
    """(gold spans, predicted spans) of one filing, in original-text offsets."""
    pred = [(p.start, p.end, p.label) for p in tagged.pieces()]
    return [tuple(s) for s in doc["spans"]], pred


# plots ---------------------------------------------------------------------------

def plot_fields(fields):
    fig, ax = plt.subplots(figsize=(11, max(4, 0.28 * len(fields))))
    fields[["precision", "recall", "F1"]].iloc[::-1].plot.barh(ax=ax, width=0.8)
    ax.set_xlim(0, 1)
    ax.set_title("Per-field precision, recall and F1")
    ax.legend(loc="upper left", bbox_to_anchor=(1, 1))
    fig.tight_layout()
    return fig


def plot_styles(styles):
    fig, ax = plt.subplots(figsize=(11, 4.5))
    bars = ["micro F1", "row exact", "doc exact"]
    errors = np.zeros((len(bars), 2, len(styles)))      # below and above each bar; none for doc exact
    for k, (point, low, high) in enumerate([("micro F1", "F1 low", "F1 high"), ("row exact", "row low", "row high")]):
        spread = np.array([styles[point] - styles[low], styles[high] - styles[point]], dtype=float)
        errors[k] = np.nan_to_num(spread).clip(min=0)
    styles[bars].plot.bar(ax=ax, width=0.8, yerr=errors, capsize=2, error_kw={"elinewidth": 0.8})
    ax.set_ylim(0, 1)
    ax.set_xticklabels([f"{s} ({n})" for s, n in styles.filings.items()], rotation=30, ha="right", fontsize=8)
    ax.set_xlabel("rendering style (filings); bars: 95 % intervals over issuers")
    ax.set_title("Accuracy by rendering style")
    fig.tight_layout()
    return fig


def plot_confusion(confusion):
    rates = confusion.div(confusion.sum(axis=1).clip(lower=1), axis=0)
    fig, ax = plt.subplots(figsize=(11, 10))
    im = ax.imshow(rates.values, cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(rates.columns)), rates.columns, rotation=90, fontsize=7)
    ax.set_yticks(range(len(rates.index)), rates.index, fontsize=7)
    ax.set_xlabel("predicted label")
    ax.set_ylabel("gold label")
    ax.set_title("Token-level confusion of field labels (share of each gold label's tokens)")
    fig.colorbar(im, ax=ax, shrink=0.7)
    fig.tight_layout()
    return fig


def plot_learning_curve(curve):
    fig, ax = plt.subplots(figsize=(8, 4.5))
    curve.plot(ax=ax, marker="o")
    ax.set_xscale("log")
    ax.set_xticks(curve.index, [str(n) for n in curve.index])
    ax.minorticks_off()
    ax.set_ylim(0, 1)
    ax.set_xlabel("training filings")
    ax.set_title("Learning curve (models trained on the fly, fast setting)")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def plot_calibration(table):
    fig, (ax, hist) = plt.subplots(2, 1, figsize=(7, 7), height_ratios=[3, 1], sharex=True)
    ax.plot([0, 1], [0, 1], ls="--", color="grey", label="perfect calibration")
    ax.plot(table.confidence, table.right, marker="o", label="model")
    ax.set_ylabel("fraction of values right")
    ax.set_ylim(0, 1)
    ax.legend(loc="upper left")
    ax.set_title("Calibration: value right vs CRF confidence (lowest token marginal)")
    hist.bar(table.confidence, table["values"], width=0.05)
    hist.set_yscale("log")
    hist.set_xlim(0, 1.02)
    hist.set_xlabel("confidence")
    hist.set_ylabel("values")
    fig.tight_layout()
    return fig


def plot_errors(errors):
    fig, ax = plt.subplots(figsize=(8, 4))
    errors["values"].iloc[::-1].plot.barh(ax=ax)
    ax.set_xlabel("wrong values")
    ax.set_title("Error kinds")
    fig.tight_layout()
    return fig


# the HTML page ---------------------------------------------------------------------

@dataclass
class Report:
    """Everything the page and the notebooks show."""
    settings: Settings
    evaluation: object
    styles: pd.DataFrame
    fields: pd.DataFrame
    confusion: pd.DataFrame
    calibration: pd.DataFrame
    errors: pd.DataFrame
    examples: pd.DataFrame
    curve: pd.DataFrame
    worst: list          # (filing id, F1, gold html, predicted html)
    meta: dict


def build(settings):
    """Evaluate, tag and (for the learning curve) train: the data of the report."""
    docs = annotations.load(settings.annotations)
    if not docs:
        raise ValueError(f"no annotated filings in {settings.annotations}")
    ev = evaluate_docs(docs, settings.model)
    tagged = tag_docs(docs, settings.model)
    checks = value_checks(ev)
    f1 = doc_f1(ev)
    worst = [(docs[i]["id"], f1[i], *(span_html(docs[i]["text"], s) for s in filing_spans(docs[i], tagged[i])))
             for i in worst_filings(ev, settings.worst)]
    curve = learning_curve(annotations.load(settings.train), docs, settings.sizes)
    return Report(settings, ev, style_table(ev), field_table(ev), token_confusion(docs, tagged),
                  calibration(checks), error_table(checks), error_examples(ev, checks), curve, worst,
                  load_model(settings.model).meta)


PLOTS = {"styles.png": ("styles", plot_styles), "fields.png": ("fields", plot_fields),
         "confusion.png": ("confusion", plot_confusion), "learning_curve.png": ("curve", plot_learning_curve),
         "calibration.png": ("calibration", plot_calibration), "errors.png": ("errors", plot_errors)}


def save_plots(report, out_dir):
    """Write each plot with data as a PNG; returns the names written."""
    written = []
    for name, (attr, plot) in PLOTS.items():
        data = getattr(report, attr)
        if len(data):
            fig = plot(data)
            fig.savefig(Path(out_dir) / name, dpi=100)
            plt.close(fig)
            written.append(name)
    return written


def _table(frame):
    return frame.to_html(float_format=lambda x: f"{x:.3f}", classes="data", border=0, na_rep="")


def _figure(name, written, empty):
    if name in written:
        return f'<img src="{name}" alt="{name}">'
    return f"<p class=note>{html.escape(empty)}</p>"


CSS = """body{font-family:sans-serif;margin:2em;max-width:1150px;color:#222}
table.data{border-collapse:collapse;font-size:13px;margin:1em 0}
table.data td,table.data th{border:1px solid #ccc;padding:3px 8px;text-align:right;max-width:420px;overflow-wrap:anywhere}
img{max-width:100%;display:block;margin:1em 0}.note{color:#666}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1em;font-size:12px}
.pair>div{border:1px solid #ddd;padding:.5em;overflow-x:auto}"""


def render_html(report, written):
    """The page: tables inline, plots as <img> of the PNGs written beside it."""
    ev, meta = report.evaluation, report.meta
    params = meta.get("params", {})
    ece = expected_calibration_error(report.calibration)
    worst = "".join(
        f"<h3>{html.escape(fid)} (micro F1 {f1:.3f})</h3><div class=pair>"
        f"<div><h4>gold</h4>{gold}</div><div><h4>predicted</h4>{pred}</div></div>"
        for fid, f1, gold, pred in report.worst)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>form4ml accuracy report</title><style>{CSS}</style></head><body>
<h1>form4ml accuracy report</h1>
<p>{ev.overall.docs} held-out filings from {html.escape(", ".join(map(str, report.settings.annotations)))};
model trained {html.escape(str(meta.get("trained", "?")))} on {meta.get("filings", "?")} filings
({html.escape(str(params.get("algorithm", "?")))}). Micro F1 <b>{ev.overall.micro.f1:.3f}</b>,
row exact-match {ev.overall.row_exact:.3f}, document exact-match {ev.overall.doc_exact:.3f}.</p>
<h2>By rendering style</h2>{_table(report.styles)}
{_figure("styles.png", written, "no filings")}
<h2>Per field</h2>{_figure("fields.png", written, "no fields")}{_table(report.fields)}
<h2>Token-level confusion</h2>{_figure("confusion.png", written, "no tokens")}
{_table(top_confusions(report.confusion, 10))}
<h2>Learning curve</h2><p>Held-out scores of models trained on the first n filings of the
shuffled training pool, averaged perceptron with 5 iterations: the curve's shape, not the shipped model.</p>{_figure("learning_curve.png", written, "no training pool given: learning curve skipped")}
{_table(report.curve)}
<h2>Calibration</h2><p>A value's confidence is its lowest token marginal; it is right when
<code>score.same</code> accepts it against its paired gold value. Expected calibration error {ece:.3f}.</p>
{_figure("calibration.png", written, "the model gives no usable marginals (NaN)")}{_table(report.calibration)}
<h2>Error kinds</h2>{_figure("errors.png", written, "no errors")}{_table(report.errors)}
<h3>Examples</h3>{_table(report.examples)}
<h2>Worst filings</h2>{worst}
</body></html>
"""


def write(settings, out_dir):
    """Build the report and write ``out_dir/index.html`` with its PNGs; returns the page's path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    report = build(settings)
    page = out_dir / "index.html"
    page.write_text(render_html(report, save_plots(report, out_dir)), encoding="utf-8")
    return page
