"""The second pass of ``propeller upsert``: send the valid items, then report what came of
them (the summary, the failures file, the ``--summary-json`` record) and pick the exit code."""

from __future__ import annotations

import json
import math
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
from rich.markup import escape

from .common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    fail,
    one_line,
    stderr_console,
    stdout_console,
)
from .inputs import InputFile
from .progress import PlainReporter, Reporter, RichReporter, progress_callback
from .report import STDOUT, FailedItem, print_failures, summary_table, write_failures
from .scan import Lookup, Scan, scanned_items, unconfirmed

if TYPE_CHECKING:
    from rich.console import Console

    from ..propeller import BulkResult, Directives

# Ctrl-C: 128 + SIGINT, as shells report it.
EXIT_INTERRUPTED = 130


@attrs.frozen
class Upsert:
    """What one ``propeller upsert`` run sends, and where its reports go."""

    by: Lookup
    chunk_size: int
    concurrency: int | None
    directives: Directives
    base_url: str | None
    token_url: str | None
    failures_out: str | None = None
    summary_json: str | None = None

    def summary_console(self) -> Console:
        """Where the summary table goes: stdout, unless a machine-read output does."""
        to_stdout = STDOUT in (self.failures_out, self.summary_json)
        return stderr_console() if to_stdout else stdout_console()


def _reporter(total: int, valid: int, chunk_size: int) -> Reporter:
    console = stderr_console()
    chunks = math.ceil(valid / chunk_size)
    if console.is_terminal:
        return RichReporter(total, chunks, console)
    return PlainReporter(total, chunks, sys.stderr)


def send(run: Upsert, source: InputFile, scan: Scan) -> int:
    """Upsert the scanned input; the exit code."""
    from .. import errors
    from ..propeller import PropellerClient

    started = time.monotonic()
    interrupted = False
    client = PropellerClient(base_url=run.base_url, token_url=run.token_url)
    if run.base_url is None:  # neither --base-url nor PROPELLER_BASE_URL: the spec's server
        stderr_console().print(
            f"[yellow]warning:[/] no PROPELLER_BASE_URL or --base-url: sending to the "
            f"production host {escape(client.base_url)}",
            soft_wrap=True,
        )
    with client, _reporter(scan.count, scan.count - scan.refused, run.chunk_size) as reporter:
        try:
            # --strict was settled by the first pass; the client's own strict mode would
            # hold a streamed input in memory to check it twice.
            upsert = (
                client.bulk_upsert_categories_by_source_id
                if run.by == "source-id"
                else client.bulk_upsert_categories_by_id
            )
            result = upsert(
                scanned_items(source, scan),
                directives=run.directives,
                chunk_size=run.chunk_size,
                concurrency=run.concurrency,
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
    run.summary_console().print(
        summary_table(
            created=result.created, updated=result.updated, failed=result.failed, elapsed=elapsed
        )
    )
    print_failures(stderr_console(), failures, scan.lines.line_of)
    if run.failures_out:
        written = write_failures(run.failures_out, failures)
        stderr_console().print(
            f"{written} failed or unsent item(s) written to {escape(run.failures_out)}"
            + (": re-run it to finish the job" if interrupted else ""),
            soft_wrap=True,
        )
    not_sent = len(failures) - result.failed
    if interrupted:
        stderr_console().print(f"interrupted: {not_sent} item(s) not sent")
        code = EXIT_INTERRUPTED
    else:
        code = EXIT_FAILED if result.failed else EXIT_OK
    if run.summary_json:
        write_summary(run.summary_json, summary_record(result, not_sent, interrupted, code))
    return code


def nothing_to_do(run: Upsert, why: str) -> int:
    """``--allow-empty`` on an input with no categories: zero counts, an empty failures file
    (so a retry loop over it settles), and exit 0. Nothing is sent, not even for a token."""
    from ..propeller import BulkResult

    stderr_console().print(f"nothing to do: {escape(why)}", soft_wrap=True)
    run.summary_console().print(summary_table(created=0, updated=0, failed=0, elapsed=0.0))
    if run.failures_out:
        write_failures(run.failures_out, [])
    if run.summary_json:
        empty = BulkResult(created=0, updated=0, failed=0, failures=[], chunks=0, elapsed=0.0)
        write_summary(run.summary_json, summary_record(empty, 0, False, EXIT_OK))
    return EXIT_OK


def summary_record(
    result: BulkResult, not_sent: int, interrupted: bool, code: int
) -> dict[str, Any]:
    """What ``--summary-json`` writes: the counts, the request ids and the exit code (the
    failed items themselves are in the failures file)."""
    record = result.to_dict()
    del record["failures"]
    return record | {"not_sent": not_sent, "interrupted": interrupted, "exit_code": code}


def write_summary(path: str, record: dict[str, Any]) -> None:
    text = json.dumps(record, sort_keys=True) + "\n"
    if path == STDOUT:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        Path(path).write_text(text, encoding="utf-8")
