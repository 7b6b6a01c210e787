"""Batch extraction: files in parallel (joblib worker processes, or a Dask cluster),
results streamed back in input order so memory stays flat however many files."""
import gc
import logging
from contextlib import contextmanager, nullcontext
from itertools import islice

from joblib import Parallel, delayed, parallel_config

from .errors import Form4Error
from .pipeline import extract_text, load_model
from .textio import MAX_BYTES, read_text

BATCH = 16   # files per task: amortises the cost of sending work to a process
YOUNG_OBJECTS = 20_000  # allocations between two collections of the youngest generation


def quiet_gc():
    """Collect cyclic garbage less often in a process that extracts. A filing makes some
    10,000 short-lived objects (tokens, feature lists) that reference counting frees by
    itself, yet Python's default collector walks the young objects every 700 allocations
    and, in its full passes, the taggers' caches too: 9 % of extraction time (benchmark
    97-102 -> 107-109 filings/s per core), peak memory unchanged."""
    gc.set_threshold(YOUNG_OBJECTS, 20, 20)


def extract_file(path, model, max_bytes=MAX_BYTES):
    """(record, None) or (None, one-line error) for one file; never raises."""
    try:
        record = extract_text(read_text(path, max_bytes), model)
    except Form4Error as exc:
        return None, str(exc)
    except Exception as exc:  # one bad file must not lose the batch
        return None, f"{path}: [E099] internal error: {type(exc).__name__}: {exc}"
    record["file"] = str(path)
    return record, None


def extract_batch(paths, model_path, max_bytes=MAX_BYTES):
    """A worker's task: (path, record, error) for each of a few files. The model is
    loaded on the first task of each process and kept (``load_model`` caches it)."""
    quiet_gc()
    model = load_model(model_path)
    return [(str(p), *extract_file(p, model, max_bytes)) for p in paths]


def chunks(items, size):
    """Lists of ``size`` items taken lazily from an iterable."""
    items = iter(items)
    while chunk := list(islice(items, size)):
        yield chunk


def run(paths, model_path, max_bytes=MAX_BYTES, jobs=1, backend=None, batch=BATCH):
    """(path, record, error) for each path, in order; ``jobs`` processes (joblib), or the
    workers of the Dask client in use with ``backend="dask"``. Only a few batches per
    worker are in flight at a time."""
    tasks = (delayed(extract_batch)(chunk, model_path, max_bytes) for chunk in chunks(paths, batch))
    with parallel_config(backend=backend) if backend else nullcontext():
        for results in Parallel(n_jobs=-1 if backend == "dask" else jobs, return_as="generator")(tasks):
            yield from results


@contextmanager
def dask_backend(scheduler=None, workers=1):
    """Connect to a Dask scheduler, or start a LocalCluster of ``workers`` single-threaded
    processes; yields the joblib backend name to pass to ``run``."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler):
            yield "dask"
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, Client(cluster):
        yield "dask"


def lowest_confidence(record):
    """(path, confidence) of the least confident value found, or (None, 0.0) if none was;
    (None, 1.0) for a record read from its XML (values, and no provenance)."""
    where = record.get("provenance") or {}
    if not where and (record.get("reporting_owners") or (record.get("issuer") or {}).get("name")):
        return None, 1.0
    return min(((path, w["confidence"]) for path, w in where.items()), key=lambda pc: pc[1], default=(None, 0.0))


def flag_for_review(record, threshold):
    """Set ``needs_review`` (and a warning) when the least confident value is below threshold."""
    path, confidence = lowest_confidence(record)
    record["needs_review"] = confidence < threshold
    if record["needs_review"]:
        what = f"{path} has confidence {confidence:.2f}" if path else "no value was found"
        record["warnings"].append(f"needs review: {what} (below --min-confidence {threshold:g})")
    return record["needs_review"]
