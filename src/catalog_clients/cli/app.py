"""The root ``catalog-clients`` command: --version, --verbose, and the sub-commands."""

from __future__ import annotations

from typing import Annotated

import typer

from . import klaviyo_cmd, propeller_cmd, sandbox_cmd
from .common import EXIT_OK, VerboseOption

ROOT_EXAMPLE = """\
Examples:

  catalog-clients sandbox --port 8000

  catalog-clients klaviyo jobs --status queued --limit 10

  catalog-clients propeller upsert categories.jsonl --failures-out failures.jsonl

Each command has its own --help.
"""

app = typer.Typer(
    name="catalog-clients",
    help="Klaviyo catalog-category jobs and Propeller bulk category upserts from the terminal.",
    epilog=ROOT_EXAMPLE,
    no_args_is_help=True,
    # --install-completion / --show-completion for bash, zsh, fish and PowerShell.
    add_completion=True,
    # Library errors are caught and shown as one line; anything else is a bug, shown plainly.
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(klaviyo_cmd.app, name="klaviyo")
app.add_typer(propeller_cmd.app, name="propeller")
app.command("sandbox", epilog=sandbox_cmd.SANDBOX_EXAMPLE)(sandbox_cmd.sandbox)


def _show_version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"catalog-clients {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    verbose: VerboseOption = 0,
) -> None:
    """Klaviyo catalog-category jobs and Propeller bulk category upserts from the terminal."""
    ctx.obj = {"verbose": verbose}
