"""The ``form4ml`` command: one module per subcommand."""
import click

from .evaluate import evaluate
from .extract import extract
from .report import report
from .train import train


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="form4ml")
def main():
    """Extract SEC Form 4 insider-trading records from text (PDF text, OCR, markdown, ASCII)."""


main.add_command(extract)
main.add_command(train)
main.add_command(evaluate)
main.add_command(report)
