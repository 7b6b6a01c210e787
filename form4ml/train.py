"""Training: annotated filings -> feature/label sequences -> the CRFs of the cascade
(the zone CRF over lines, one field CRF per zone group over tokens)."""
import json
import random
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import partial
from pathlib import Path

from . import crf
from .cascade import group_indices, line_key, skipped
from .errors import Form4Error
from .features import line_features, tokens_to_features
from .fields import spans_to_tags
from .labels import ZONE_GROUPS
from .normalise import normalise
from .pipeline import FIELD_MODELS, META, TEMPLATE, WORDS, ZONE_MODEL
from .spelling import word_counts
from .tokenize import line_starts, tokenize
from .zones import derive_zones


@dataclass
class Example:
    """One annotated filing, as the CRFs see it."""
    line_feats: list
    zones: list
    token_feats: list
    tags: list
    groups: dict    # zone group -> indices of its tokens

    def group_sequence(self, group):
        idx = self.groups.get(group, ())
        return [self.token_feats[i] for i in idx], [self.tags[i] for i in idx]


def normalised_spans(norm, spans):
    """Annotation spans (original offsets) moved onto the normalised text."""
    out = []
    for start, end, label, *part in spans:
        s = bisect_left(norm.offsets, start, 0, len(norm.offsets) - 1)
        e = bisect_left(norm.offsets, end, 0, len(norm.offsets) - 1)
        if e > s:
            out.append((s, e, label, *part))
    return out


def _gold_zones(doc, norm, lines):
    """The annotation's zones (given per original line) for the normalised lines."""
    original_starts = line_starts(doc["text"])
    zones = []
    for start in line_starts(norm.text):
        orig = norm.offsets[min(start, len(norm.offsets) - 1)]
        zones.append(doc["zones"][min(bisect_left(original_starts, orig + 1) - 1, len(doc["zones"]) - 1)])
    return zones[:len(lines)]


def _annotated(doc):
    """The normalised text of an annotated filing, its lines, tokens, gold tags and zones."""
    norm = normalise(doc["text"])
    lines = norm.text.split("\n")
    tokens = tokenize(norm.text)
    tags = spans_to_tags(tokens, normalised_spans(norm, doc["spans"]))
    zones = _gold_zones(doc, norm, lines) if doc.get("zones") else derive_zones(lines, tokens, tags)
    return norm, lines, tokens, tags, zones


def prepare(doc, template=frozenset()):
    _, lines, tokens, tags, zones = _annotated(doc)
    skip = skipped(tokens, zones, lines, template)
    return Example(line_features(lines, tokens), zones, tokens_to_features(tokens, lines, zones, skip), tags,
                   group_indices(tokens, zones, skip))


TEMPLATE_MIN_ISSUERS = 10
TEMPLATE_MAX_FIELDS = 0.01   # share of its filings in which a template line may hold a field


def line_fields(doc):
    """{line key: whether a token of the line is part of a field} for an annotated filing."""
    _, lines, tokens, tags, _ = _annotated(doc)
    out = {}
    for t, tag in zip(tokens, tags):
        key = line_key(lines[t.line])
        out[key] = out.get(key, False) or tag != "O"
    return out


def template_lines(docs, jobs=1):
    """The lines that filings of at least TEMPLATE_MIN_ISSUERS issuers print word for word
    and that (almost) never hold a field: the form's printed labels (``2. Issuer Name and
    Ticker or Trading Symbol``), whatever the layout put on one line. A line holding a
    value is printed alike by many issuers only when the value repeats, and then it holds
    a field in most of them; the few a misaligned span put on a label line are allowed."""
    issuers, filings, with_field = {}, Counter(), Counter()
    for doc, fields in zip(docs, _map(line_fields, docs, jobs)):
        for key, field in fields.items():
            issuers.setdefault(key, set()).add(doc.get("issuer_cik", doc.get("id")))
            filings[key] += 1
            with_field[key] += field
    return frozenset(k for k, seen in issuers.items()
                     if len(seen) >= TEMPLATE_MIN_ISSUERS and with_field[k] <= TEMPLATE_MAX_FIELDS * filings[k])


def sample_docs(docs, limit, seed=0):
    """At most ``limit`` docs, drawn evenly across rendering styles (reproducibly), so a
    large corpus trains in bounded time without losing the rarer styles."""
    if limit is None or len(docs) <= limit:
        return list(docs)
    by_style = {}
    for doc in docs:
        by_style.setdefault(doc.get("style", "?"), []).append(doc)
    rng = random.Random(seed)
    for style, group in by_style.items():
        rng.shuffle(group)
        by_style[style] = _issuers_round_robin(group)
    chosen, groups = [], sorted(by_style.values(), key=len)
    for i, group in enumerate(groups):
        share = (limit - len(chosen)) // (len(groups) - i)
        chosen += group[:share]
    return chosen


def _issuers_round_robin(docs):
    """Docs reordered so each issuer's first filing comes before any issuer's second:
    a sample then spans as many issuers as it can, not the few that filed most."""
    seen = Counter()
    ranked = []
    for doc in docs:
        issuer = doc.get("issuer_cik")
        ranked.append((seen[issuer], len(ranked), doc))
        seen[issuer] += 1
    return [doc for _, _, doc in sorted(ranked, key=lambda r: r[:2])]


def ad_prior(docs):
    """Most frequent A/D per transaction code and table: used where the text shows no A/D
    (Table II has no A/D column: shares stand under (A) or (D))."""
    counts = {}
    for doc in docs:
        rec = doc["record"]
        for table in ("non_derivative_transactions", "derivative_transactions"):
            for row in rec[table]:
                if row["transaction_code"] and row["acquired_disposed"]:
                    counts.setdefault(table, Counter())[row["transaction_code"], row["acquired_disposed"]] += 1
    prior = {}
    for table, counter in counts.items():
        best = {}
        for (code, ad), n in counter.most_common():
            best.setdefault(code, ad)
        prior[table] = best
    return prior


def filing_records(docs):
    """The gold record of each filing once, however many renderings of it ``docs`` hold
    (a rendering's id is its filing's, then ``:`` and its style)."""
    return list({d["id"].rsplit(":", 1)[0]: d["record"] for d in docs}.values())


def train(docs, out_dir, c1=0.1, c2=0.01, max_iterations=150, verbose=False, jobs=1, algorithm="lbfgs"):
    """Train the CRFs of the cascade on annotated filings and write a model folder."""
    out_dir = Path(out_dir)
    template = template_lines(docs, jobs)
    examples = _map(partial(prepare, template=template), docs, jobs)
    _check_groups(examples, out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / TEMPLATE).write_text("".join(line + "\n" for line in sorted(template)))
    (out_dir / WORDS).write_text(json.dumps(word_counts(filing_records(docs))) + "\n")
    crf.train([e.line_feats for e in examples], [e.zones for e in examples],
              out_dir / ZONE_MODEL, c1, c2, max_iterations, verbose, algorithm)
    for group, name in FIELD_MODELS.items():
        seqs = [e.group_sequence(group) for e in examples]
        seqs = [(x, y) for x, y in seqs if x]
        crf.train([x for x, _ in seqs], [y for _, y in seqs],
                  out_dir / name, c1, c2, max_iterations, verbose, algorithm)
    meta = {
        "trained": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "filings": len(docs),
        "issuers": len({d.get("issuer_cik") for d in docs}),
        "styles": dict(Counter(d.get("style", "?") for d in docs)),
        "params": {"algorithm": algorithm, "c1": c1, "c2": c2, "max_iterations": max_iterations},
        "ad_by_code": ad_prior(docs),
    }
    (out_dir / META).write_text(json.dumps(meta, indent=2) + "\n")
    return meta


def _check_groups(examples, out_dir):
    """Every zone group needs some text: a folder without one of its CRFs cannot load."""
    empty = [g for g in FIELD_MODELS if not any(e.groups.get(g) for e in examples)]
    if empty:
        raise Form4Error("E030", out_dir, "no annotated filing has text in the zone group(s) "
                         + ", ".join(f"{g} ({'/'.join(ZONE_GROUPS[g])})" for g in empty))


def _map(func, docs, jobs):
    if jobs == 1:
        return [func(d) for d in docs]
    from joblib import Parallel, delayed
    return Parallel(n_jobs=jobs)(delayed(func)(d) for d in docs)
