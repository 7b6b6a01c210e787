"""Running a model over gold filings and reporting its accuracy (the one scorer:
the CLI, the report and the notebooks all call this)."""
from dataclasses import dataclass

from .pipeline import extract_text, load_model
from .record import TABLES
from .score import cluster_intervals, score_record, summary_of


@dataclass
class Evaluation:
    docs: list          # gold annotated filings
    preds: list         # predicted records, same order
    overall: object     # score.Summary
    by_style: dict      # style -> score.Summary
    scores: list        # score.DocScore of each filing, same order

    def styles(self):
        """(name, Summary, indices of its filings) for each style, then for all filings."""
        groups = {}
        for i, doc in enumerate(self.docs):
            groups.setdefault(doc.get("style", "?"), []).append(i)
        return ([(name, self.by_style[name], groups[name]) for name in self.by_style]
                + [("all", self.overall, list(range(len(self.docs))))])

    def sizes(self):
        """(name, Summary, indices) for the filings grouped by how many table rows their
        gold record holds (``SIZE_GROUPS``), the groups that have filings."""
        groups = {}
        for i, doc in enumerate(self.docs):
            groups.setdefault(size_group(doc["record"]), []).append(i)
        return [(name, summary_of([self.scores[i] for i in groups[name]]), groups[name])
                for name, _ in SIZE_GROUPS if name in groups]

    def issuers(self, indices):
        return len({issuer_of(self.docs[i]) for i in indices})

    def intervals(self, indices):
        """95 % intervals of micro F1 and row exact-match over these filings, issuers resampled."""
        return cluster_intervals([self.scores[i] for i in indices], [issuer_of(self.docs[i]) for i in indices])


# filings by the table rows of their gold record: a long table of sales is printed over
# pages, column by column or block by block, as a short one is not
SIZE_GROUPS = (("1-4 rows", 5), ("5-9 rows", 10), ("10+ rows", None))


def size_group(record):
    rows = sum(len(record.get(table) or []) for table in TABLES)
    return next(name for name, below in SIZE_GROUPS if below is None or rows < below)


def issuer_of(doc):
    return doc.get("issuer_cik") or doc["record"]["issuer"].get("cik") or doc["record"]["issuer"]["name"] or doc["id"]


def evaluate_docs(docs, model_path=None):
    model = load_model(model_path)
    preds = [extract_text(d["text"], model) for d in docs]
    scores = [score_record(pred, doc["record"]) for pred, doc in zip(preds, docs)]
    styles = {}
    for doc, score in zip(docs, scores):
        styles.setdefault(doc.get("style", "?"), []).append(score)
    return Evaluation(docs, preds, summary_of(scores),
                      {s: summary_of(group) for s, group in sorted(styles.items())}, scores)


def _table(header, rows, markdown):
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(map(str, r)) + " |" for r in rows]
        return "\n".join(lines)
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    fmt = "  ".join("{:<%d}" % widths[0:1][0] if i == 0 else "{:>%d}" % w for i, w in enumerate(widths))
    return "\n".join(fmt.format(*map(str, r)) for r in [header, *rows])


def _summary_row(name, s):
    m = s.micro
    return [name, s.docs, f"{m.precision:.3f}", f"{m.recall:.3f}", f"{m.f1:.3f}",
            f"{s.row_exact:.3f}", f"{s.doc_exact:.3f}"]


def _interval(bounds):
    return "-" if bounds is None else f"{bounds[0]:.3f}-{bounds[1]:.3f}"


def _interval_cells(ev, indices):
    f1, rows = ev.intervals(indices)
    return [ev.issuers(indices), _interval(f1), _interval(rows)]


def format_report(ev, by_style=True, fields=True, markdown=False, intervals=True, by_size=True):
    """The report's tables; ``intervals`` adds each style's issuer count and the 95 %
    intervals of its micro F1 and row exact-match, from resampling its issuers;
    ``by_size`` a table of the filings grouped by their tables' rows."""
    out = []
    header = ["style", "filings", "micro P", "micro R", "micro F1", "row exact", "doc exact"]
    extra = ["issuers", "F1 95% interval", "row exact 95% interval"] if intervals else []
    rows = [_summary_row(name, s) + (_interval_cells(ev, idx) if intervals else [])
            for name, s, idx in ev.styles() if by_style or name == "all"]
    out.append(_table(header + extra, rows, markdown))
    if by_size:
        rows = [_summary_row(name, s) + (_interval_cells(ev, idx) if intervals else []) for name, s, idx in ev.sizes()]
        out.append(_table(["table rows"] + header[1:] + extra, rows, markdown))
    if fields:
        frows = [[k, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", c.support]
                 for k, c in sorted(ev.overall.fields.items()) if c.support or c.fp]
        out.append(_table(["field", "precision", "recall", "F1", "support"], frows, markdown))
    return "\n\n".join(out)
