"""Extraction speed on a fixed set of rendered filings: filings/s per core, p50/p95 latency
per filing, model load time, peak memory; prints a markdown table.

    python benchmarks/bench_extract.py [--model DIR] [-n 200] [--seed 0] [--repeat 3] [--profile 25]

Filings are rendered from ``shared/corpus/form4`` with ``training.render_text.RENDERERS``
(fixed seed) in a child process, so the renderers' memory does not count in the peak.
One process, one core: the figures are per core. The process collects garbage as
``form4ml extract``'s workers do (``batch.quiet_gc``). The filings are run ``--repeat`` times, each
pass from empty caches warmed on the first ten filings, and the fastest pass is reported (as
``timeit`` does): a shared machine's other load only ever slows a pass down.
"""
import argparse
import cProfile
import pstats
import random
import resource
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from form4ml.batch import quiet_gc  # noqa: E402
from form4ml.config import model_dir, shared_dir  # noqa: E402
from form4ml.pipeline import Model, extract_text, load_model  # noqa: E402


def render(n, seed):
    """``n`` filings of the corpus, each rendered in a style drawn with the seed."""
    from training.render_text import RENDERERS

    rng = random.Random(seed)
    texts = []
    for xml in rng.sample(sorted((shared_dir() / "corpus" / "form4").glob("*.xml")), n):
        style = rng.choice(sorted(RENDERERS))
        texts.append(RENDERERS[style](xml, rng))
    return texts


def rendered(n, seed):
    with ProcessPoolExecutor(1) as pool:
        return pool.submit(render, n, seed).result()


def timed_load(path):
    """The model, seconds to open it, and seconds for the first filing (spaCy's import and
    tokenizer set-up): what each worker pays once."""
    start = time.perf_counter()
    model = Model.load(path)
    loaded = time.perf_counter()
    extract_text("FORM 4\nTable I - Non-Derivative Securities", model)
    return model, loaded - start, time.perf_counter() - loaded


def latencies(texts, model):
    """CPU seconds per filing (CPU time, so that other load on the machine does not count)."""
    out = []
    for text in texts:
        start = time.process_time()
        extract_text(text, model)
        out.append(time.process_time() - start)
    return out


def fresh_pass(texts, model):
    """Latencies of one pass as a new batch sees it: form4ml's caches emptied, then warmed
    on the first ten filings (a long batch has its boilerplate cached)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("form4ml"):
            for f in vars(module).values():
                if hasattr(f, "cache_clear") and f is not load_model:
                    f.cache_clear()
    latencies(texts[:10], model)
    return latencies(texts, model)


def percentile(values, q):
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def table(texts, load_s, warm_s, lat):
    mean_chars = sum(map(len, texts)) / len(texts)
    rows = [("filings (rendered, fixed seed)", f"{len(texts)} (mean {mean_chars / 1000:.1f}k chars)"),
            ("filings/s per core", f"{len(lat) / sum(lat):.1f}"),
            ("latency p50 per filing", f"{1000 * percentile(lat, 50):.1f} ms"),
            ("latency p95 per filing", f"{1000 * percentile(lat, 95):.1f} ms"),
            ("model load", f"{load_s:.2f} s"),
            ("first filing (spaCy import, tokenizer set-up)", f"{warm_s:.2f} s"),
            ("peak RSS", f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")]
    return "\n".join(["| measure | value |", "|---|---|"] + [f"| {k} | {v} |" for k, v in rows])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=str(model_dir()), help="model folder (default: the shipped one)")
    parser.add_argument("-n", type=int, default=200, help="filings to render")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the filings; the fastest is reported")
    parser.add_argument("--profile", type=int, metavar="N", help="also print the N top functions by own time")
    args = parser.parse_args(argv)
    texts = rendered(args.n, args.seed)
    quiet_gc()
    model, load_s, warm_s = timed_load(args.model)
    passes = [fresh_pass(texts, model) for _ in range(args.repeat)]
    print(table(texts, load_s, warm_s, min(passes, key=sum)))
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(latencies, texts, model)
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
