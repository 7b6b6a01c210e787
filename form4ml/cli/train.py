"""form4ml train: CRFs from annotated filings."""
import click

from .. import annotations
from ..train import sample_docs, train as train_model


@click.command()
@click.argument("annotation_paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False), help="Model folder to write.")
@click.option("--c1", default=0.1, show_default=True, help="L1 regularisation.")
@click.option("--c2", default=0.01, show_default=True, help="L2 regularisation.")
@click.option("--iterations", default=150, show_default=True, help="L-BFGS iterations.")
@click.option("--split", default=None, help="Train only on this split (train/dev/test) of each file's docs.")
@click.option("--max-docs", type=int, default=None,
              help="Train on at most this many filings, drawn evenly across styles and issuers.")
@click.option("--verbose", is_flag=True, help="Print crfsuite's progress per iteration.")
@click.option("--jobs", default=1, show_default=True, help="Processes for feature extraction.")
def train(annotation_paths, output, c1, c2, iterations, split, max_docs, verbose, jobs):
    """Train the zone and field CRFs on ANNOTATIONS (JSONL files or folders) into a model folder."""
    docs = annotations.load(annotation_paths)
    if split:
        docs = [d for d in docs if d.get("split") == split]
    docs = sample_docs(docs, max_docs)
    if not docs:
        raise click.ClickException("no annotated filings to train on")
    meta = train_model(docs, output, c1=c1, c2=c2, max_iterations=iterations, verbose=verbose, jobs=jobs)
    click.echo(f"trained on {meta['filings']} filings ({meta['issuers']} issuers) -> {output}")
