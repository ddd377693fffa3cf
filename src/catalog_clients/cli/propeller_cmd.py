"""``catalog-clients propeller upsert FILE``: bulk upsert categories by id.

The run has two passes over the input. The first reads and checks every line (and every item,
with the library's own validation) without sending anything: bad input stops the command
with exit code 2 before the first request. The second pass streams the items to the client.
"""

from __future__ import annotations

import math
import sys
import time
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from propeller_generated._rules import BULK
from rich.markup import escape

from .common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    VerboseOption,
    fail,
    library_errors,
    one_line,
    split_list,
    stderr_console,
    verbose_logging,
    verbosity,
)
from .inputs import InputError, InputFile, format_for
from .progress import PlainReporter, Reporter, RichReporter, progress_callback
from .report import (
    FailedItem,
    check_writable,
    print_failures,
    summary_console,
    summary_table,
    write_failures,
)
from .scan import (
    Lookup,
    Scan,
    dry_run_report,
    item_validator,
    report_invalid,
    rules_for,
    scan_input,
    scanned_items,
    unconfirmed,
)

if TYPE_CHECKING:
    from ..propeller import Directives

# Ctrl-C: 128 + SIGINT, as shells report it.
EXIT_INTERRUPTED = 130

app = typer.Typer(
    help="Propeller Commerce: bulk upsert categories by id.",
    no_args_is_help=True,
    add_completion=False,
)

UPSERT_EXAMPLE = """\
Examples:

  catalog-clients propeller upsert cats.jsonl --failures-out failed.jsonl

  catalog-clients propeller upsert failed.jsonl --failures-out failed.jsonl

  catalog-clients propeller upsert cats.csv --dry-run

  cat cats.jsonl | catalog-clients propeller upsert - --chunk-size 500

Credentials: PROPELLER_CLIENT_ID and PROPELLER_CLIENT_SECRET.

Exit codes: 0 all created or updated; 1 some items failed;

2 unreadable input, bad usage, configuration or refused credentials (nothing was sent);

130 interrupted (Ctrl-C): the failures file holds every item not confirmed.
"""

# The spec's limit of items per request (maxItems), the most --chunk-size takes.
MAX_CHUNK_SIZE: int = max(bulk["max_items"] for bulk in BULK.values())


def _reporter(total: int, valid: int, chunk_size: int) -> Reporter:
    console = stderr_console()
    chunks = math.ceil(valid / chunk_size)
    if console.is_terminal:
        return RichReporter(total, chunks, console)
    return PlainReporter(total, chunks, sys.stderr)


@app.command("upsert", epilog=UPSERT_EXAMPLE)
def upsert(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            help="JSON, JSONL or CSV categories, or a failures file; - reads stdin.",
            show_default=False,
        ),
    ],
    input_format: Annotated[
        Literal["json", "jsonl", "csv"] | None,
        typer.Option(
            "--format",
            help="Input format (default: from the extension; jsonl for -).",
            show_default=False,
        ),
    ] = None,
    chunk_size: Annotated[
        int, typer.Option(min=1, max=MAX_CHUNK_SIZE, help="Categories per request.")
    ] = MAX_CHUNK_SIZE,
    concurrency: Annotated[
        int | None, typer.Option(min=1, help="Requests in flight at once.", show_default=False)
    ] = None,
    skip_if_not_empty: Annotated[
        str | None,
        typer.Option(
            help="Fields not to overwrite when already set, e.g. names,descriptions.",
            show_default=False,
        ),
    ] = None,
    skip_move_on_update: Annotated[
        bool, typer.Option("--skip-move-on-update", help="Keep existing categories where they are.")
    ] = False,
    merge_translations_on_update: Annotated[
        bool,
        typer.Option("--merge-translations-on-update", help="Merge localized values on update."),
    ] = False,
    by: Annotated[
        Lookup,
        typer.Option(
            "--by",
            help="How categories are identified: Propeller's id, or your source-id (with source).",
        ),
    ] = "id",
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Validate and report what would be sent; send nothing."),
    ] = False,
    failures_out: Annotated[
        str | None,
        typer.Option(
            help="Write failed items here as JSONL (index, item, reason).", show_default=False
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Send nothing if any item is invalid.")
    ] = False,
    base_url: Annotated[
        str | None,
        typer.Option(envvar="PROPELLER_BASE_URL", help="REST base URL.", show_default=False),
    ] = None,
    token_url: Annotated[
        str | None,
        typer.Option(envvar="PROPELLER_TOKEN_URL", help="OAuth2 token URL.", show_default=False),
    ] = None,
    verbose: VerboseOption = 0,
) -> None:
    """Create or update Propeller categories by id (or --by source-id), in chunks, with
    progress and a summary."""
    if failures_out is not None:
        check_writable(failures_out)
    try:
        source = InputFile(file, format_for(file, input_format), rules=rules_for(by))
    except InputError as exc:
        fail(str(exc), EXIT_USAGE)
    with source, verbose_logging(verbosity(ctx, verbose)), library_errors():
        validate = item_validator(by)
        directives = _directives(
            skip_if_not_empty, skip_move_on_update, merge_translations_on_update
        )
        try:
            scan = scan_input(source, validate)
        except InputError as exc:
            fail(f"{source.name}: {exc}", EXIT_USAGE)
        if dry_run:
            raise typer.Exit(dry_run_report(scan, chunk_size, directives, failures_out))
        if strict and scan.invalid:
            report_invalid(scan, failures_out)
            fail(f"{len(scan.invalid)} invalid item(s) and --strict: nothing was sent", EXIT_FAILED)
        try:
            code = _send(
                by,
                source,
                scan,
                chunk_size,
                concurrency,
                directives,
                base_url,
                token_url,
                failures_out,
            )
        except InputError as exc:
            # Only if the file changed between the two passes; chunks may have gone out.
            fail(f"{source.name} changed while it was being sent: {exc}", EXIT_USAGE)
        raise typer.Exit(code)


def _directives(fields: str | None, skip_move: bool, merge: bool) -> Directives:
    """The directives, checked by the library; a wrong field name is a usage error."""
    from .. import errors
    from ..propeller import Directives

    try:
        return Directives(
            skip_if_not_empty=split_list(fields) or (),
            skip_move_on_update=skip_move,
            merge_translations_on_update=merge,
        )
    except (errors.InputValidationError, ValueError, TypeError) as exc:
        fail(f"--skip-if-not-empty: {exc}", EXIT_USAGE)


def _send(
    by: Lookup,
    source: InputFile,
    scan: Scan,
    chunk_size: int,
    concurrency: int | None,
    directives: Directives,
    base_url: str | None,
    token_url: str | None,
    failures_out: str | None,
) -> int:
    from .. import errors
    from ..propeller import PropellerClient

    started = time.monotonic()
    interrupted = False
    client = PropellerClient(base_url=base_url, token_url=token_url)
    if base_url is None:  # neither --base-url nor PROPELLER_BASE_URL: the spec's server
        stderr_console().print(
            f"[yellow]warning:[/] no PROPELLER_BASE_URL or --base-url: sending to the "
            f"production host {escape(client.base_url)}",
            soft_wrap=True,
        )
    with client, _reporter(scan.count, scan.count - len(scan.invalid), chunk_size) as reporter:
        try:
            # --strict was settled by the first pass; the client's own strict mode would
            # hold a streamed input in memory to check it twice.
            upsert = (
                client.bulk_upsert_categories_by_source_id
                if by == "source-id"
                else client.bulk_upsert_categories_by_id
            )
            result = upsert(
                scanned_items(source, scan),
                directives=directives,
                chunk_size=chunk_size,
                concurrency=concurrency,
                strict=False,
                on_progress=progress_callback(reporter),
            )
        except errors.InputValidationError as exc:
            # Items never raise with strict=False: only an argument can be wrong.
            fail(str(exc), EXIT_USAGE)
        except KeyboardInterrupt as exc:
            # Sending stopped; the chunks in flight were waited for (within the deadline).
            result, interrupted = exc.partial_result, True  # type: ignore[attr-defined]
            reporter.interrupt()
    elapsed = time.monotonic() - started
    failures = [FailedItem(f.index, f.item, one_line(f.reason)) for f in result.failures]
    if interrupted:
        failures += unconfirmed(source, scan, result)
    failures.sort(key=lambda f: f.index)
    summary_console(failures_out).print(
        summary_table(
            created=result.created, updated=result.updated, failed=result.failed, elapsed=elapsed
        )
    )
    print_failures(stderr_console(), failures, scan.lines.line_of)
    if failures_out:
        written = write_failures(failures_out, failures)
        stderr_console().print(
            f"{written} failed or unsent item(s) written to {escape(failures_out)}"
            + (": re-run it to finish the job" if interrupted else ""),
            soft_wrap=True,
        )
    if interrupted:
        stderr_console().print(f"interrupted: {len(failures) - result.failed} item(s) not sent")
        return EXIT_INTERRUPTED
    return EXIT_FAILED if result.failed else EXIT_OK
