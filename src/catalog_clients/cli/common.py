"""What every command shares: consoles, exit codes, error messages, --verbose logging.

Exit codes (the README's CLI section):
- 0: everything succeeded;
- 1: some items failed (including items refused by client-side validation), or a library
  error other than a configuration error;
- 2: the input could not be read, or usage/configuration is wrong; nothing was sent.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from .. import errors
from .._http import log

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

# -v / -vv on every command: the library's log on stderr (secrets are always redacted).
VerboseOption = Annotated[
    int,
    typer.Option(
        "--verbose",
        "-v",
        count=True,
        metavar="",  # a counter (-v, -vv), not a value
        help="Show retries and pacing waits (-vv: every request); secrets are redacted.",
        show_default=False,
    ),
]


TABLE_WIDTH_OFF_TERMINAL = 120


def stdout_console() -> Console:
    # Created per call, not at import: the test runner swaps sys.stdout between invocations.
    console = Console(highlight=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        # A table written to a file or a pipe is not bound by a screen: rich's 80 columns
        # would fold each 26-character job id over five lines.
        console.width = TABLE_WIDTH_OFF_TERMINAL
    return console


_STDERR: list[tuple[object, Console]] = []  # (the sys.stderr it was made for, the console)


def stderr_console() -> Console:
    """One console per stderr: the progress bar and the -v log lines then share it, so rich
    prints each log line above the live bar instead of the two overwriting each other."""
    if not _STDERR or _STDERR[0][0] is not sys.stderr:
        _STDERR[:] = [(sys.stderr, Console(stderr=True, highlight=False))]
    return _STDERR[0][1]


def one_line(text: str) -> str:
    return " ".join(text.split())


def fail(message: str, code: int) -> NoReturn:
    """Print a one-line red error on stderr and exit with ``code``."""
    stderr_console().print(
        f"[bold red]error:[/] [red]{escape(one_line(message))}[/]", soft_wrap=True
    )
    raise typer.Exit(code)


def describe_error(exc: BaseException) -> str:
    # Notes carry what the operator needs next (for example what a stopped upsert confirmed).
    notes = "".join(f"; {one_line(note)}" for note in getattr(exc, "__notes__", ()))
    where = ""
    if isinstance(exc, errors.APIStatusError) and exc.url:
        where = f" [{exc.method} {exc.url}]"
        if isinstance(exc, errors.NotFoundError):
            where += "; check KLAVIYO_BASE_URL / PROPELLER_BASE_URL (or --base-url)"
    return f"{one_line(str(exc))} ({type(exc).__name__}){where}{notes}"


@contextmanager
def library_errors() -> Iterator[None]:
    """Turn the library's errors into one red line and an exit code, never a traceback."""
    try:
        yield
    except (errors.ConfigurationError, errors.AuthenticationError) as exc:
        # Refused credentials are configuration too: exit 2, as documented.
        fail(describe_error(exc), EXIT_USAGE)
    except errors.CatalogClientError as exc:
        fail(describe_error(exc), EXIT_FAILED)


@contextmanager
def verbose_logging(level: int) -> Iterator[None]:
    """Show the library's log (retries, pacing waits; -vv: every request) on stderr.

    The library redacts secrets before logging, and never logs bodies.
    """
    if level <= 0:
        yield
        return
    console = stderr_console()
    handler: logging.Handler
    if console.is_terminal:
        from rich.logging import RichHandler

        handler = RichHandler(console=console, show_path=False, markup=False)
    else:
        handler = log.stderr_handler()
    with log.logging_to(handler, logging.DEBUG if level >= 2 else logging.INFO):
        yield


def quiet_broken_pipe() -> NoReturn:
    """The reader of our stdout went away (``| head``): stop quietly, with exit code 0.

    stdout is pointed at /dev/null so the interpreter's final flush cannot fail again.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (for example under a test runner)
        pass
    raise typer.Exit(EXIT_OK)


def split_list(value: str | None) -> list[str] | None:
    """``"a, b,c"`` -> ``["a", "b", "c"]``; None or blank -> None."""
    if value is None:
        return None
    parts = [part.strip() for part in value.split(",") if part.strip()]
    return parts or None


def verbosity(ctx: typer.Context, local: int) -> int:
    """-v counts given before the sub-command (root) and after it (the command) add up."""
    root = ctx.find_root().obj
    return local + (int(root.get("verbose", 0)) if isinstance(root, dict) else 0)
