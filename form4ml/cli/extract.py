"""form4ml extract: records from Form 4 text files, one by one or in parallel batches."""
import json
import sys
from contextlib import nullcontext
from pathlib import Path

import click
from tqdm import tqdm

from .. import batch
from ..config import model_dir
from ..errors import Form4Error
from ..pipeline import load_model
from ..textio import MAX_BYTES, expand_inputs
from ..writers import FORMATS, RESUMABLE, done_files, open_writer


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(), help="Output file, or folder for parquet (default: stdout).")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="Output format (default: from the output's extension, else json).")
@click.option("--model", "model_path", type=click.Path(exists=True, file_okay=False),
              help="Model folder (default: the shipped model).")
@click.option("--max-bytes", default=MAX_BYTES, show_default=True, help="Skip files larger than this.")
@click.option("-j", "--jobs", default=1, show_default=True, help="Worker processes (-1: one per core).")
@click.option("--resume", is_flag=True, help="Skip files already in OUTPUT and append the rest.")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False),
              help="Failed files as JSON lines (default: OUTPUT's name with .errors.jsonl).")
@click.option("--min-confidence", type=click.FloatRange(0, 1),
              help="Mark records whose least confident value is below this as needs_review.")
@click.option("--dask", "use_dask", is_flag=True, help="Run on a local Dask cluster of --jobs worker processes.")
@click.option("--scheduler", help="Run on the Dask cluster at this address (tcp://host:port).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary unless something failed.")
def extract(inputs, output, fmt, model_path, max_bytes, jobs, resume, errors_path, min_confidence,
            use_dask, scheduler, quiet):
    """Extract the Form 4 record of each FILE, of each file in each DIR (recursively), or of
    each file matching each GLOB (quote it: 'filings/**/*.txt').

    Errors go to stderr and to the errors file, one line per failed file; the run goes on,
    and the exit status is 1 when any failed.
    """
    fmt = fmt or _format_from(output)
    _check_options(fmt, output, resume)
    model_path = _checked_model(model_path)
    done = done_files(output, fmt) if resume else set()
    paths = (p for p in expand_inputs(inputs) if str(p) not in done)
    errors = ErrorLog(errors_path or (output and Path(output).with_suffix(".errors.jsonl")))
    writer = _opened(output, fmt, resume)
    counts = {"written": 0, "failed": 0, "review": 0}
    try:
        with _engine(use_dask, scheduler, jobs) as backend, _progress(inputs, done, quiet) as bar:
            for path, record, error in batch.run(paths, model_path, max_bytes, jobs, backend):
                _handle(record, error, path, writer, errors, counts, min_confidence)
                bar.update()
    finally:
        writer.close()
        errors.close()
    _summary(counts, len(done), errors, min_confidence, quiet, resume)
    if counts["failed"]:
        sys.exit(1)


def _check_options(fmt, output, resume):
    if fmt == "parquet" and not output:
        raise click.UsageError("parquet output needs -o OUT.parquet (a folder of tables)")
    if resume and fmt not in RESUMABLE:
        raise click.UsageError(f"--resume needs a {', '.join(RESUMABLE)} output, not {fmt}")


def _opened(output, fmt, resume):
    try:
        return open_writer(output, fmt, append=resume)
    except (RuntimeError, OSError) as exc:
        raise click.ClickException(f"{output}: cannot write output ({exc})")


def _engine(use_dask, scheduler, jobs):
    """The Dask cluster to run on, if asked for (its joblib backend name), else local processes."""
    if use_dask or scheduler:
        return batch.dask_backend(scheduler, jobs if jobs > 0 else None)
    return nullcontext()


def _checked_model(model_path):
    """The model folder as an absolute path (workers may run elsewhere), opened once here
    so a bad model fails before the batch starts."""
    path = str(Path(model_path or model_dir()).resolve())
    try:
        load_model(path)
    except Form4Error as exc:
        raise click.ClickException(str(exc))
    return path


def _handle(record, error, path, writer, errors, counts, min_confidence):
    if error:
        tqdm.write(error, file=sys.stderr)
        errors.write(path, error)
        counts["failed"] += 1
        return
    if min_confidence is not None and batch.flag_for_review(record, min_confidence):
        counts["review"] += 1
    writer.write(record)
    counts["written"] += 1


def _progress(inputs, done, quiet):
    """A progress bar with rate and ETA on stderr, when it is a terminal (counting the files
    first, so the ETA is right)."""
    if quiet or not sys.stderr.isatty():
        return tqdm(disable=True)
    total = sum(1 for p in expand_inputs(inputs) if str(p) not in done)
    return tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True, smoothing=0.05)


def _summary(counts, skipped, errors, min_confidence, quiet, resume):
    if quiet and not counts["failed"]:
        return
    parts = [f"{counts['written']} written", f"{counts['failed']} failed"]
    if counts["failed"] and errors.path:
        parts[-1] += f" (see {errors.path})"
    if min_confidence is not None:
        parts.append(f"{counts['review']} need review")
    if resume:
        parts.append(f"{skipped} already done")
    click.echo(", ".join(parts), err=True)


class ErrorLog:
    """Failed files as JSON lines ``{"file": ..., "error": ...}``; the file is started afresh
    each run (a resumed run retries the files that failed) and only made when needed."""

    def __init__(self, path):
        self.path, self.fh = path and Path(path), None
        if self.path and self.path.is_file():
            self.path.unlink()

    def write(self, file, error):
        if self.path:
            self.fh = self.fh or open(self.path, "w", encoding="utf-8")
            self.fh.write(json.dumps({"file": file, "error": error}, ensure_ascii=False) + "\n")
            self.fh.flush()

    def close(self):
        if self.fh:
            self.fh.close()


def _format_from(output):
    for ext in ("jsonl", "csv", "json", "parquet"):
        if output and output.lower().rstrip("/").endswith("." + ext):
            return ext
    return "json"
