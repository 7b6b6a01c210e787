"""Scoring records against gold records, by the rules of shared/spec/record.md.

Numbers match within 0.5 %, dates and codes exactly, text without case,
punctuation or spaces, names as sets of words. Table rows are paired with gold
rows by the most agreeing fields (an optimal assignment).
"""
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

from .record import DATE_KEYS, NUMBER_KEYS, TABLES

NAME_KEYS = {"name"}
ROW_EXACT_KEYS = ("security_title", "transaction_date", "deemed_execution_date", "transaction_code",
                  "shares", "price_per_share", "acquired_disposed", "shares_owned_following",
                  "direct_or_indirect", "conversion_or_exercise_price", "expiration_date",
                  "underlying_shares")


def _words(text):
    return re.findall(r"[a-z0-9]+", str(text).lower())


def same(key, pred, gold):
    """Whether a predicted value matches the gold one under the spec's rules."""
    if key in NUMBER_KEYS:
        try:
            p, g = float(pred), float(gold)
        except (TypeError, ValueError):
            return False
        return abs(p - g) <= 0.005 * abs(g) if g else abs(p) < 1e-9
    if key in DATE_KEYS or key.endswith("date") or key == "period_of_report":
        return pred == gold
    if key == "footnote_ids":
        return set(pred) == set(gold)
    if isinstance(gold, bool):
        return bool(pred) == gold
    if key in NAME_KEYS:
        return set(_words(pred)) == set(_words(gold))
    return "".join(_words(pred)) == "".join(_words(gold))


def _present(value):
    return value not in (None, False, [], "")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, key, pred, gold):
        p, g = _present(pred), _present(gold)
        if p and g and same(key, pred, gold):
            self.tp += 1
        else:
            self.fp += p
            self.fn += g

    def __iadd__(self, other):
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self):
        return self.tp + self.fn


@dataclass
class DocScore:
    fields: dict = field(default_factory=lambda: defaultdict(Counts))
    rows: int = 0          # paired + unpaired rows, both sides
    exact_rows: int = 0

    @property
    def exact(self):
        return all(c.fp == 0 and c.fn == 0 for c in self.fields.values())

    @property
    def micro(self):
        return summed(self.fields)


def summed(fields):
    """The Counts of all ``fields`` (field -> Counts) together."""
    total = Counts()
    for counts in fields.values():
        total += counts
    return total


def _compare_dict(score, prefix, pred, gold, keys):
    for key in keys:
        score.fields[prefix + key].add(key, pred.get(key) if pred else None, gold.get(key) if gold else None)


def _pair(preds, golds, keys):
    """Pairs (pred, gold) by most agreeing fields; unpaired rows pair with None."""
    if not preds or not golds:
        return [(p, None) for p in preds] + [(None, g) for g in golds]
    agree = np.array([[sum(_present(g.get(k)) and same(k, p.get(k), g.get(k)) for k in keys)
                       for g in golds] for p in preds])
    rows, cols = linear_sum_assignment(-agree)
    pairs = list(zip(rows, cols))
    paired_p, paired_g = {r for r, _ in pairs}, {c for _, c in pairs}
    return ([(preds[r], golds[c]) for r, c in pairs]
            + [(p, None) for i, p in enumerate(preds) if i not in paired_p]
            + [(None, g) for i, g in enumerate(golds) if i not in paired_g])


def _row_exact(pred, gold):
    return pred is not None and gold is not None and all(
        same(k, pred.get(k), gold[k]) or not (_present(pred.get(k)) or _present(gold[k]))
        for k in ROW_EXACT_KEYS if k in gold)


def score_record(pred, gold):
    """Field counts and row matches of one predicted record against its gold record."""
    s = DocScore()
    s.fields["document_type"].add("document_type", pred.get("document_type"), gold["document_type"])
    for key in ("period_of_report", "date_of_original_submission", "remarks"):
        s.fields[key].add(key, pred.get(key), gold[key])
    _compare_dict(s, "issuer.", pred.get("issuer") or {}, gold["issuer"], ("name", "trading_symbol"))
    owner_keys = [k for k in (gold["reporting_owners"][0] if gold["reporting_owners"] else {}) if k != "cik"]
    for p, g in _pair(pred.get("reporting_owners", []), gold["reporting_owners"], ["name"]):
        _compare_dict(s, "owner.", p, g, owner_keys)
    for table in TABLES:
        golds = gold[table]
        keys = [k for k in (golds[0] if golds else pred.get(table, [{}])[0] if pred.get(table) else {})]
        for p, g in _pair(pred.get(table, []), golds, keys):
            _compare_dict(s, table + ".", p, g, keys)
            s.rows += 1
            s.exact_rows += _row_exact(p, g)
    pred_notes = {n["id"]: n for n in pred.get("footnotes", [])}
    for note in gold["footnotes"]:
        s.fields["footnotes.text"].add("text", (pred_notes.pop(note["id"], None) or {}).get("text"), note["text"])
    for note in pred_notes.values():
        s.fields["footnotes.text"].add("text", note["text"], None)
    for p, g in _pair(pred.get("signatures", []), gold["signatures"], ["name", "date"]):
        _compare_dict(s, "signature.", p, g, ("name", "date"))
    return s


@dataclass
class Summary:
    """Scores summed over many filings."""
    fields: dict = field(default_factory=lambda: defaultdict(Counts))
    docs: int = 0
    exact_docs: int = 0
    rows: int = 0
    exact_rows: int = 0

    def add(self, doc_score):
        for key, counts in doc_score.fields.items():
            self.fields[key] += counts
        self.docs += 1
        self.exact_docs += doc_score.exact
        self.rows += doc_score.rows
        self.exact_rows += doc_score.exact_rows

    @property
    def micro(self):
        return summed(self.fields)

    @property
    def row_exact(self):
        return self.exact_rows / self.rows if self.rows else 1.0

    @property
    def doc_exact(self):
        return self.exact_docs / self.docs if self.docs else 0.0


def summary_of(doc_scores):
    """A Summary over filings' ``score_record`` results."""
    summary = Summary()
    for doc_score in doc_scores:
        summary.add(doc_score)
    return summary


BOOTSTRAP_DRAWS = 2000


def cluster_intervals(doc_scores, clusters, level=0.95, draws=BOOTSTRAP_DRAWS, seed=0):
    """Percentile bootstrap intervals of micro F1 and of row exact-match, as
    ``((f1_low, f1_high), (row_low, row_high))``, resampling whole clusters (issuers)
    with replacement: a filing's renderings and an issuer's filings share their layout
    and their mistakes, so they are not independent draws. The row interval is None
    where no filing has rows, and both are None for one cluster (nothing to resample).
    Seeded: the same scores give the same intervals."""
    index = {key: i for i, key in enumerate(sorted(set(clusters)))}
    if len(index) < 2:
        return None, None
    sums = np.zeros((len(index), 5))     # tp, fp, fn, rows, exact rows
    for doc_score, cluster in zip(doc_scores, clusters):
        total = doc_score.micro
        sums[index[cluster]] += (total.tp, total.fp, total.fn, doc_score.rows, doc_score.exact_rows)
    picks = np.random.default_rng(seed).integers(0, len(index), size=(draws, len(index)))
    tp, fp, fn, rows, exact = sums[picks].sum(axis=1).T
    tails = (100 * (1 - level) / 2, 100 * (1 + level) / 2)
    with np.errstate(invalid="ignore", divide="ignore"):
        f1 = np.where(tp > 0, 2 * tp / (2 * tp + fp + fn), 0.0)
        row = exact / rows
    row_interval = tuple(np.nanpercentile(row, tails)) if np.isfinite(row).any() else None
    return tuple(np.percentile(f1, tails)), row_interval


def field_errors(pred, gold):
    """Counter of fields with an error in one filing (for error analysis)."""
    return Counter({k: c.fp + c.fn for k, c in score_record(pred, gold).fields.items() if c.fp + c.fn})
