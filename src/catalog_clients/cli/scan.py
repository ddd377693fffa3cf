"""The first pass of ``propeller upsert``: read and check every item before anything is sent,
and what it reports (invalid items, the dry run).

It counts the items, maps them to their input lines and checks each with the library's own
client-side validation, so bad input stops the command before the first request and a dry
run predicts the real one.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Literal

import attrs
from propeller_generated._rules import DIRECTIVE_KEYS
from rich.markup import escape
from rich.table import Table

from .common import EXIT_FAILED, EXIT_OK, stderr_console
from .inputs import InputFile, LineMap, Record
from .records import EmptyInput
from .report import FailedItem, print_failures, summary_console, write_failures

if TYPE_CHECKING:
    from ..propeller import BulkResult, Directives

# The reason an item would be refused client-side, or None: (index, item) -> str | None.
Validator = Callable[[int, dict[str, Any]], str | None]


class Scan:
    """What the first pass learned: item count, line numbers, items refused client-side."""

    def __init__(self) -> None:
        self.count = 0
        self.lines = LineMap()
        self.refused = 0  # items the client-side check refuses
        # Those items with their reasons, when the run reports them itself (a dry run,
        # --strict); a real run reports them from the library's answer, and keeps no copy.
        self.invalid: list[FailedItem] = []
        self.kept: list[Record] | None = None  # JSON is parsed whole once; keep its records


# How often the first pass reports its count (a power of two: a mask, not a division).
_TICK_EVERY = 1024


def scan_input(
    source: InputFile,
    validate: Validator,
    tick: Callable[[int], None] | None = None,
    *,
    keep_invalid: bool = True,
) -> Scan:
    scan = Scan()
    if source.format == "json":
        scan.kept = []
    for record in source.records():
        index = scan.count
        scan.lines.add(index, record.line)
        problem = validate(index, record.item)
        if problem is not None:
            scan.refused += 1
            if keep_invalid:
                scan.invalid.append(FailedItem(index, record.item, problem))
        if scan.kept is not None:
            scan.kept.append(record)
        scan.count += 1
        if tick is not None and not scan.count & (_TICK_EVERY - 1):
            tick(scan.count)
    if scan.count == 0:
        raise EmptyInput("the input holds no categories")
    return scan


def scanned_items(source: InputFile, scan: Scan) -> Iterator[dict[str, Any]]:
    records = scan.kept if scan.kept is not None else source.records()
    for record in records:
        yield record.item


# --by: the bulk operation, and so the items' lookup key.
Lookup = Literal["id", "source-id"]


def rules_for(by: Lookup) -> Any:
    from ..propeller._validation import BY_ID, BY_SOURCE_ID

    return BY_SOURCE_ID if by == "source-id" else BY_ID


def item_validator(by: Lookup = "id") -> Validator:
    """The library's own client-side check of one item: why it would be refused, or None.

    The same function the client runs before chunking, so a dry run predicts the real run.
    """
    from ..propeller._chunks import item_problems

    rules = rules_for(by)

    def validate(index: int, item: dict[str, Any]) -> str | None:
        problems = item_problems(index, item, rules)
        # Worded like the client's own failures: the index is shown apart, with the line.
        return "; ".join(str(attrs.evolve(p, index=None)) for p in problems) or None

    return validate


def describe_directives(directives: Directives) -> str:
    wire = directives.to_wire()
    if not wire:
        return "none"
    operation, fields = DIRECTIVE_KEYS
    return ", ".join(f"{d[operation]}({', '.join(d[fields])})" for d in wire)


def report_invalid(scan: Scan, failures_out: str | None) -> None:
    print_failures(stderr_console(), scan.invalid, scan.lines.line_of, label="invalid")
    if failures_out:
        write_failures(failures_out, scan.invalid)


def dry_run_report(
    scan: Scan, chunk_size: int, directives: Directives, failures_out: str | None
) -> int:
    valid = scan.count - len(scan.invalid)
    chunks = math.ceil(valid / chunk_size)
    table = Table(title="Dry run: nothing was sent", title_justify="left", show_header=False)
    table.add_column("what")
    table.add_column("value")
    table.add_row("items read", str(scan.count))
    table.add_row("valid", str(valid))
    table.add_row("invalid", f"[red]{len(scan.invalid)}[/]" if scan.invalid else "0")
    table.add_row("requests", f"{chunks} (chunks of up to {chunk_size} items)")
    table.add_row("directives", escape(describe_directives(directives)))
    summary_console(failures_out).print(table)
    report_invalid(scan, failures_out)
    return EXIT_FAILED if scan.invalid else EXIT_OK


NOT_SENT = "not sent: the run was interrupted before this item was confirmed"


def unconfirmed(source: InputFile, scan: Scan, result: BulkResult) -> list[FailedItem]:
    """After Ctrl-C: every item whose outcome is unknown (not sent, or sent in a chunk whose
    answer was not read), read again from the input; re-sending them is safe (an upsert)."""
    failed = {f.index for f in result.failures}
    return [
        FailedItem(index, item, NOT_SENT)
        for index, item in enumerate(scanned_items(source, scan))
        if index not in failed and not result.was_settled(index)
    ]
