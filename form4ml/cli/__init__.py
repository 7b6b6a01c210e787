"""The ``form4ml`` command: one module per subcommand."""
import click

from ..errors import Form4Error
from .evaluate import evaluate
from .extract import extract
from .report import report
from .train import train


class Form4Group(click.Group):
    """Errors of ours (a bad model folder, a bad annotation file) end a command with their
    one line and exit status 1, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except Form4Error as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=Form4Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="form4ml")
def main():
    """Extract SEC Form 4 insider-trading records from text (PDF text, OCR, markdown, ASCII)."""


main.add_command(extract)
main.add_command(train)
main.add_command(evaluate)
main.add_command(report)
