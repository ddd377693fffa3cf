"""``catalog-clients propeller upsert FILE``: bulk upsert categories by id.

The run has two passes over the input. The first reads and checks every line (and every item,
with the library's own validation) without sending anything: bad input stops the command
with exit code 2 before the first request. The second pass streams the items to the client.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

import typer
from propeller_generated._rules import BULK

from .common import (
    EXIT_FAILED,
    EXIT_USAGE,
    VerboseOption,
    fail,
    library_errors,
    split_list,
    verbose_logging,
    verbosity,
)
from .csv_input import delimiter_of
from .inputs import InputError, InputFile, format_for
from .progress import counting
from .records import EmptyInput
from .report import STDOUT, check_writable
from .scan import Lookup, dry_run_report, item_validator, report_invalid, rules_for, scan_input
from .upsert_run import Upsert, nothing_to_do, send

if TYPE_CHECKING:
    from ..propeller import Directives

app = typer.Typer(
    help="Propeller Commerce: bulk upsert categories by id.",
    no_args_is_help=True,
    add_completion=False,
)

UPSERT_EXAMPLE = """\
Examples:

  catalog-clients propeller upsert cats.jsonl --failures-out failed.jsonl

  catalog-clients propeller upsert failed.jsonl --allow-empty --failures-out failed.jsonl

  catalog-clients propeller upsert cats.csv --dry-run

  cat cats.jsonl | catalog-clients propeller upsert - --chunk-size 500

Credentials: PROPELLER_CLIENT_ID and PROPELLER_CLIENT_SECRET.

Exit codes: 0 all created or updated, or an empty input with --allow-empty;

1 some items failed;

2 unreadable or empty input, bad usage, configuration or refused credentials (nothing sent);

130 interrupted (Ctrl-C): the failures file holds every item not confirmed.
"""

# The spec's limit of items per request (maxItems), the most --chunk-size takes.
MAX_CHUNK_SIZE: int = max(bulk["max_items"] for bulk in BULK.values())


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
    delimiter: Annotated[
        str,
        typer.Option(help="CSV delimiter: one character, or comma, semicolon, tab or pipe."),
    ] = "comma",
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
            help="Write failed items here as JSONL (index, item, reason); - for stdout.",
            show_default=False,
        ),
    ] = None,
    summary_json: Annotated[
        str | None,
        typer.Option(
            help="Write the counts, request ids and exit code here as JSON; - for stdout.",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Send nothing if any item is invalid.")
    ] = False,
    allow_empty: Annotated[
        bool,
        typer.Option(
            "--allow-empty",
            help="An input with no categories is nothing to do (exit 0), not an error: "
            "for re-running a failures file.",
        ),
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
    if failures_out == summary_json == STDOUT:
        fail("--failures-out and --summary-json cannot both go to stdout", EXIT_USAGE)
    for path in (failures_out, summary_json):
        if path is not None:
            check_writable(path)
    try:
        source = InputFile(
            file,
            format_for(file, input_format),
            rules=rules_for(by),
            delimiter=delimiter_of(delimiter),
        )
    except InputError as exc:
        fail(str(exc), EXIT_USAGE)
    with source, verbose_logging(verbosity(ctx, verbose)), library_errors():
        validate = item_validator(by)
        directives = _directives(
            skip_if_not_empty, skip_move_on_update, merge_translations_on_update
        )
        run = Upsert(
            by, chunk_size, concurrency, directives, base_url, token_url, failures_out, summary_json
        )
        try:
            with counting(f"checking {source.name}", "records") as tick:
                scan = scan_input(source, validate, tick, keep_invalid=dry_run or strict)
        except EmptyInput as exc:
            if not allow_empty:
                fail(f"{source.name}: {exc} (--allow-empty makes that exit 0)", EXIT_USAGE)
            raise typer.Exit(nothing_to_do(run, f"{source.name}: {exc}")) from None
        except InputError as exc:
            fail(f"{source.name}: {exc}", EXIT_USAGE)
        if dry_run:
            raise typer.Exit(dry_run_report(scan, chunk_size, directives, failures_out))
        if strict and scan.invalid:
            report_invalid(scan, failures_out)
            fail(f"{len(scan.invalid)} invalid item(s) and --strict: nothing was sent", EXIT_FAILED)
        try:
            code = send(run, source, scan)
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
