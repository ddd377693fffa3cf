"""The end of an upsert: the summary table, the failures file, the list of failed items.

A failures file holds one JSON object per failed item: ``{"index", "item", "reason"}``. The
input readers recognise such lines and send their ``item`` again, so the file feeds straight
back into ``catalog-clients propeller upsert``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .common import EXIT_USAGE, fail, one_line
from .progress import format_duration

SHOWN_FAILURES = 10


@dataclass(frozen=True)
class FailedItem:
    index: int
    item: Any
    reason: str


def plain_item(item: Any) -> Any:
    """An item as JSON-ready data (plain dicts pass through; typed objects are converted)."""
    if isinstance(item, dict):
        return item
    to_dict = getattr(item, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    import attrs

    if attrs.has(type(item)):
        return attrs.asdict(item)
    return item


def _record(failure: FailedItem) -> dict[str, Any]:
    return {"index": failure.index, "item": plain_item(failure.item), "reason": failure.reason}


def _line(record: dict[str, Any]) -> str:
    """One JSONL line, readable as UTF-8 whatever the item holds: text UTF-8 cannot carry
    (a lone surrogate, valid in JSON) is written as its \\u escape, which reads back the same."""
    line = json.dumps(record, ensure_ascii=False, default=str)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record, ensure_ascii=True, default=str)
    return line + "\n"


# --failures-out -: the failures go to stdout as JSONL (and the summary to stderr).
STDOUT = "-"


def summary_console(failures_out: str | None) -> Console:
    """Where the summary goes: stdout, unless the failures do."""
    from .common import stderr_console, stdout_console

    return stderr_console() if failures_out == STDOUT else stdout_console()


def check_writable(path: str) -> None:
    """Refuse a --failures-out that cannot be written before anything is sent, not after."""
    if path == STDOUT:
        return
    target = Path(path)
    directory = target.parent
    if target.is_dir():
        fail(f"--failures-out {path}: is a directory", EXIT_USAGE)
    if not directory.is_dir():
        fail(f"--failures-out {path}: the directory {directory} does not exist", EXIT_USAGE)
    if not os.access(directory, os.W_OK):
        fail(f"--failures-out {path}: the directory {directory} is not writable", EXIT_USAGE)


def write_failures(path: str, failures: Iterable[FailedItem]) -> int:
    """Write the failures file atomically (it may be the very file that was just read), or
    to stdout for ``-``."""
    if path == STDOUT:
        count = 0
        for failure in failures:
            sys.stdout.write(_line(_record(failure)))
            count += 1
        sys.stdout.flush()
        return count
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    count = 0
    fd, temp = tempfile.mkstemp(prefix=".failures-", suffix=".jsonl", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            for failure in failures:
                out.write(_line(_record(failure)))
                count += 1
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return count


def summary_table(
    *, created: int, updated: int, failed: int, elapsed: float, title: str = "Upsert summary"
) -> Table:
    table = Table(title=title, title_justify="left", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("created", f"[green]{created}[/]" if created else "0")
    table.add_row("updated", f"[green]{updated}[/]" if updated else "0")
    table.add_row("failed", f"[red]{failed}[/]" if failed else "0")
    table.add_row("elapsed", format_duration(elapsed))
    return table


def print_failures(
    console: Console,
    failures: list[FailedItem],
    line_of: Callable[[int], int | None],
    *,
    label: str = "failed",
    limit: int = SHOWN_FAILURES,
) -> None:
    """The first few failed items, each with its input line when it is known."""
    for failure in failures[:limit]:
        line = line_of(failure.index)
        where = (
            f"line {line} (item {failure.index})" if line is not None else f"item {failure.index}"
        )
        console.print(
            f"[red]{label}[/] {where}: {escape(one_line(failure.reason))}", soft_wrap=True
        )
    if len(failures) > limit:
        console.print(f"... and {len(failures) - limit} more {label} items", soft_wrap=True)
