"""``catalog-clients klaviyo jobs``: list catalog-category bulk-update jobs."""

from __future__ import annotations

import sys
from itertools import islice
from typing import Annotated

import typer
from klaviyo_generated import _rules
from klaviyo_generated._rules import JobStatus
from rich.markup import escape

from .. import errors
from .common import (
    EXIT_USAGE,
    VerboseOption,
    fail,
    library_errors,
    split_list,
    stderr_console,
    stdout_console,
    verbose_logging,
    verbosity,
)
from .jobs_output import (
    OutputFormat,
    fields_to_request,
    shown_fields,
    write_json,
    write_jsonl,
    write_table,
)

app = typer.Typer(
    help="Klaviyo: catalog-category bulk-update jobs.",
    no_args_is_help=True,
    add_completion=False,
)

# The options both commands take.
OutputOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--output",
        "-o",
        help="table, json or jsonl. Default: table on a terminal, jsonl otherwise.",
        show_default=False,
    ),
]
BaseUrlOption = Annotated[
    str | None,
    typer.Option(envvar="KLAVIYO_BASE_URL", help=f"API base URL (default {_rules.SERVER_URL})."),
]
RevisionOption = Annotated[
    str | None,
    typer.Option(envvar="KLAVIYO_REVISION", help="Klaviyo API revision header (YYYY-MM-DD)."),
]

JOBS_EXAMPLE = """\
Examples:

  catalog-clients klaviyo jobs --status queued --limit 10

  catalog-clients klaviyo jobs --fields status,total_count --output jsonl | head -5

The API key comes from KLAVIYO_API_KEY (a private key, pk_...).
"""


@app.command("jobs", epilog=JOBS_EXAMPLE)
def jobs(
    ctx: typer.Context,
    status: Annotated[
        str | None,
        typer.Option(help=f"Only jobs with this status: {', '.join(JobStatus)}."),
    ] = None,
    fields: Annotated[
        str | None,
        typer.Option(
            help="Comma-separated fields, e.g. status,total_count (id is always shown).",
            show_default=False,
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(min=1, help="Stop after this many jobs (no more pages are fetched)."),
    ] = None,
    max_pages: Annotated[
        int | None,
        typer.Option(min=1, help="Stop after this many pages.", show_default=False),
    ] = None,
    output: OutputOption = None,
    base_url: BaseUrlOption = None,
    revision: RevisionOption = None,
    verbose: VerboseOption = 0,
) -> None:
    """List Klaviyo catalog-category bulk-update jobs, following every page."""
    from ..klaviyo import KlaviyoClient

    fmt: OutputFormat = output or ("table" if sys.stdout.isatty() else "jsonl")
    requested = split_list(fields)
    columns = shown_fields(requested, table=fmt == "table")
    if status is not None and not JobStatus(status).is_known:
        # Sent as given (the server may know a status the spec does not yet), but a typo
        # would otherwise list nothing without a word.
        known = ", ".join(s.value for s in JobStatus)
        stderr_console().print(
            f"[yellow]warning:[/] status {escape(repr(status))} is not one the spec knows "
            f"({known}); sending it as given",
            soft_wrap=True,
        )
    with verbose_logging(verbosity(ctx, verbose)), library_errors():
        try:
            with KlaviyoClient(base_url=base_url, revision=revision) as client:
                found = client.iter_category_bulk_update_jobs(
                    status=status,
                    fields=fields_to_request(requested, client.revision),
                    # N jobs take at most N non-empty pages: a walk of empty pages stops too.
                    max_pages=min((n for n in (max_pages, limit) if n), default=None),
                )
                selected = found if limit is None else islice(found, limit)
                if fmt == "jsonl":
                    write_jsonl(selected, columns)
                elif fmt == "json":
                    write_json(selected, columns)
                else:
                    write_table(selected, columns, stdout_console())
        except errors.InputValidationError as exc:
            # Nothing but the options (--status, --fields) can be invalid here: a usage error.
            fail(str(exc), EXIT_USAGE)


@app.command("job")
def job(
    ctx: typer.Context,
    job_id: Annotated[str, typer.Argument(help="The job's id.", show_default=False)],
    wait: Annotated[
        bool, typer.Option("--wait", help="Poll until the job is complete or cancelled.")
    ] = False,
    timeout: Annotated[
        float, typer.Option(min=0.001, help="With --wait: give up after this many seconds.")
    ] = 300.0,
    poll_interval: Annotated[
        float, typer.Option(min=0.001, help="With --wait: seconds between looks.")
    ] = 5.0,
    output: OutputOption = None,
    base_url: BaseUrlOption = None,
    revision: RevisionOption = None,
    verbose: VerboseOption = 0,
) -> None:
    """Show one catalog-category bulk-update job; with --wait, once it is done.

    Exit codes: 0 shown (done, with --wait); 1 still not done when --timeout ran out (the job
    as last seen is shown); 2 bad usage, configuration or credentials.
    """
    from ..klaviyo import KlaviyoClient

    fmt: OutputFormat = output or ("table" if sys.stdout.isatty() else "jsonl")
    columns = shown_fields(None, table=fmt == "table")
    code = 0
    with verbose_logging(verbosity(ctx, verbose)), library_errors():
        try:
            with KlaviyoClient(base_url=base_url, revision=revision) as client:
                if wait:
                    try:
                        found = client.wait_for_category_bulk_update_job(
                            job_id, timeout=timeout, poll_interval=poll_interval
                        )
                    except errors.WaitTimeoutError as exc:
                        found, code = exc.job, 1
                        print(f"catalog-clients: {exc}", file=sys.stderr)
                else:
                    found = client.get_category_bulk_update_job(job_id)
        except errors.InputValidationError as exc:
            fail(str(exc), EXIT_USAGE)
        if fmt == "jsonl":
            write_jsonl([found], columns)
        elif fmt == "json":
            write_json([found], columns)
        else:
            write_table([found], columns, stdout_console())
    raise typer.Exit(code)
