"""Running a model over gold filings and reporting its accuracy (the one scorer:
the CLI, the report and the notebooks all call this)."""
from dataclasses import dataclass

from .pipeline import extract_text, load_model
from .score import summarise


@dataclass
class Evaluation:
    docs: list          # gold annotated filings
    preds: list         # predicted records, same order
    overall: object     # score.Summary
    by_style: dict      # style -> score.Summary


def evaluate_docs(docs, model_path=None):
    model = load_model(model_path)
    preds = [extract_text(d["text"], model) for d in docs]
    styles = {}
    for doc, pred in zip(docs, preds):
        styles.setdefault(doc.get("style", "?"), []).append((pred, doc["record"]))
    return Evaluation(docs, preds, summarise(zip(preds, (d["record"] for d in docs))),
                      {s: summarise(pairs) for s, pairs in sorted(styles.items())})


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


def format_report(ev, by_style=True, fields=True, markdown=False):
    out = []
    header = ["style", "filings", "micro P", "micro R", "micro F1", "row exact", "doc exact"]
    rows = [_summary_row(name, s) for name, s in ev.by_style.items()] if by_style else []
    rows.append(_summary_row("all", ev.overall))
    out.append(_table(header, rows, markdown))
    if fields:
        frows = [[k, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", c.support]
                 for k, c in sorted(ev.overall.fields.items()) if c.support or c.fp]
        out.append(_table(["field", "precision", "recall", "F1", "support"], frows, markdown))
    return "\n\n".join(out)
