"""form4ml evaluate: accuracy of a model on annotated gold filings."""
import click

from .. import annotations
from ..evaluation import evaluate_docs, format_report


@click.command()
@click.argument("annotation_paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--model", "model_path", type=click.Path(exists=True, file_okay=False),
              help="Model folder (default: the shipped model).")
@click.option("--split", default=None, help="Evaluate only on this split (e.g. test).")
@click.option("--by-style/--no-by-style", default=True, show_default=True, help="Break down by rendering style.")
@click.option("--by-size/--no-by-size", default=True, show_default=True,
              help="Break down by how many table rows a filing's gold record holds (1-4, 5-9, 10+).")
@click.option("--fields/--no-fields", default=True, show_default=True, help="Print the per-field table.")
@click.option("--intervals/--no-intervals", default=True, show_default=True,
              help="Add each style's issuer count and 95% intervals of micro F1 and row exact-match "
                   "(bootstrap over issuers).")
@click.option("--markdown", is_flag=True, help="Print markdown tables (for README).")
def evaluate(annotation_paths, model_path, split, by_style, by_size, fields, intervals, markdown):
    """Score the model on annotated filings: per-field precision, recall and F1, micro F1,
    row exact-match and document exact-match (rules of shared/spec/record.md)."""
    docs = annotations.load(annotation_paths)
    if split:
        docs = [d for d in docs if d.get("split") == split]
    if not docs:
        raise click.ClickException("no annotated filings to evaluate")
    result = evaluate_docs(docs, model_path)
    click.echo(format_report(result, by_style=by_style, fields=fields, markdown=markdown, intervals=intervals,
                             by_size=by_size))
