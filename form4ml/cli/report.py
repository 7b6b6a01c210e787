"""form4ml report: the accuracy report as a static HTML page with PNG plots."""
import click


@click.command()
@click.argument("annotation_paths", nargs=-1, type=click.Path(exists=True))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder to write.")
@click.option("--model", "model_path", type=click.Path(exists=True, file_okay=False),
              help="Model folder (default: the shipped model).")
@click.option("--train", "train_paths", multiple=True, type=click.Path(exists=True),
              help="Training pool of the learning curve (default: build/corpus/train.jsonl if built).")
@click.option("--sizes", default="25,50,100,200", show_default=True,
              help="Learning-curve training sizes, comma-separated ('all' for the whole pool; '' to skip).")
@click.option("--worst", default=3, show_default=True, help="Worst filings to draw.")
def report(annotation_paths, out_dir, model_path, train_paths, sizes, worst):
    """Write DIR/index.html: per-field and per-style accuracy, token confusion, learning curve,
    calibration, error kinds and the worst filings, on ANNOTATIONS (default: annotations/)."""
    import matplotlib

    matplotlib.use("Agg")
    from .. import report as rep

    settings = rep.Settings(list(annotation_paths) or rep.default_annotations(), model_path,
                            list(train_paths) or rep.default_train(), rep.parse_sizes(sizes), worst)
    try:
        page = rep.write(settings, out_dir)
    except ValueError as exc:
        raise click.ClickException(str(exc))
    click.echo(f"wrote {page}")
