"""How Klaviyo jobs are shown: a rich table, a JSON array, or JSON lines.

JSON and JSONL are streamed job by job; the table is drawn once all jobs are in.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from datetime import datetime
from typing import Any, Literal

from rich.console import Console
from rich.table import Table

from .common import quiet_broken_pipe

OutputFormat = Literal["table", "json", "jsonl"]

# The job's fields in display order; "job_id" (the API's sparse-fieldset name) is shown as id.
JOB_FIELDS = (
    "id",
    "status",
    "created_at",
    "total_count",
    "completed_count",
    "failed_count",
    "completed_at",
    "expires_at",
    "errors",
    "category_ids",
)
TABLE_HEADERS = {
    "id": "id",
    "status": "status",
    "created_at": "created",
    "total_count": "total",
    "completed_count": "completed",
    "failed_count": "failed",
    "completed_at": "completed at",
    "expires_at": "expires at",
    "errors": "errors",
    "category_ids": "categories",
}
ERROR_FIELDS = ("id", "code", "title", "detail", "source_pointer")


# What a table shows by default: what fits in 80 columns. JSON and JSONL carry every field.
TABLE_FIELDS = (
    "id",
    "status",
    "created_at",
    "total_count",
    "completed_count",
    "failed_count",
    "errors",
)


def fields_to_request(requested: list[str] | None, revision: str) -> list[str] | None:
    """The sparse fieldset to send: the id column is always shown, and before revision
    2023-12-15 the id exists only as ``attributes.job_id``, which a fieldset must name."""
    if not requested or "job_id" in requested or revision >= "2023-12-15":
        return requested
    return [*requested, "job_id"]


def shown_fields(requested: list[str] | None, *, table: bool = False) -> list[str]:
    """The fields to show: id plus the ones asked for with --fields, else the defaults."""
    if not requested:
        return list(TABLE_FIELDS if table else JOB_FIELDS)
    wanted = {"id" if name == "job_id" else name for name in requested} | {"id"}
    return [name for name in JOB_FIELDS if name in wanted]


def _plain(value: Any) -> Any:
    """A job attribute as JSON: datetimes in ISO 8601, enums as their string."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)  # a str subclass (the status) as a plain string
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if any(hasattr(value, name) for name in ERROR_FIELDS):  # a job error object
        return {name: _plain(getattr(value, name, None)) for name in ERROR_FIELDS}
    return str(value)


def job_dict(job: Any, fields: list[str]) -> dict[str, Any]:
    return {name: _plain(getattr(job, name, None)) for name in fields}


def _cell(name: str, value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if name == "errors":
        return str(len(value))
    if name == "category_ids":
        return ", ".join(str(v) for v in value) if value else "-"
    return str(value)


def _write(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_broken_pipe()


def write_jsonl(jobs: Iterable[Any], fields: list[str]) -> int:
    count = 0
    for job in jobs:
        _write(json.dumps(job_dict(job, fields), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_json(jobs: Iterable[Any], fields: list[str]) -> int:
    """A JSON array, written as the pages arrive."""
    count = 0
    _write("[")
    for job in jobs:
        body = json.dumps(job_dict(job, fields), ensure_ascii=False, indent=2)
        _write(("," if count else "") + "\n" + "\n".join("  " + line for line in body.splitlines()))
        count += 1
    _write("\n]\n" if count else "]\n")
    return count


def write_table(jobs: Iterable[Any], fields: list[str], console: Console) -> int:
    table = Table(title="Klaviyo catalog-category bulk-update jobs", title_justify="left")
    for name in fields:
        numeric = name.endswith("_count") or name == "errors"
        table.add_column(
            TABLE_HEADERS[name],
            justify="right" if numeric else "left",
            # Ids fold rather than lose characters; the rest stays on one line.
            overflow="fold" if name in ("id", "category_ids") else "ellipsis",
            no_wrap=name not in ("id", "category_ids"),
        )
    rows = 0
    for job in jobs:
        table.add_row(*(_cell(name, getattr(job, name, None)) for name in fields))
        rows += 1
    if rows == 0:
        console.print("No jobs found.")
        return 0
    table.caption = f"{rows} job{'s' if rows != 1 else ''}"
    try:
        console.print(table)
    except BrokenPipeError:
        quiet_broken_pipe()
    return rows
