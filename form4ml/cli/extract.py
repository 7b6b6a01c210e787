"""form4ml extract: records from Form 4 text files."""
import sys

import click

from ..errors import Form4Error
from ..pipeline import extract_text, load_model
from ..textio import MAX_BYTES, expand_inputs, read_text
from ..writers import Writer


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


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file (default: stdout).")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv"]),
              help="Output format (default: from the output's extension, else json).")
@click.option("--model", "model_path", type=click.Path(exists=True, file_okay=False),
              help="Model folder (default: the shipped model).")
@click.option("--max-bytes", default=MAX_BYTES, show_default=True, help="Skip files larger than this.")
def extract(inputs, output, fmt, model_path, max_bytes):
    """Extract the Form 4 record of each FILE, or of each file in each DIR.

    Errors go to stderr, one line per failed file; the exit status is 1 when any failed.
    """
    fmt = fmt or _format_from(output)
    try:
        model = load_model(model_path)
    except Form4Error as exc:
        raise click.ClickException(str(exc))
    writer, failed = Writer(output, fmt), 0
    for path in expand_inputs(inputs):
        record, error = extract_file(path, model, max_bytes)
        if error:
            click.echo(error, err=True)
            failed += 1
        else:
            writer.write(record)
    writer.close()
    if failed:
        click.echo(f"{failed} file(s) failed, {writer.count} written", err=True)
        sys.exit(1)


def _format_from(output):
    for ext in ("jsonl", "csv", "json"):
        if output and output.lower().endswith("." + ext):
            return ext
    return "json"
