"""How Klaviyo jobs are shown: a rich table, a JSON array, or JSON lines.

JSON and JSONL are streamed job by job; the table is drawn once all jobs are in.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from datetime import datetime
from typing import Any, Literal

import attrs
from klaviyo_generated import _rules
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn
from rich.table import Table

from ..klaviyo._models import plain
from ..klaviyo._paging import LIST_JOBS
from ..klaviyo._query import allowed_fields
from .common import quiet_broken_pipe

OutputFormat = Literal["table", "json", "jsonl"]

# The job's fields in the spec's order (one per job attribute, plus id and category ids).
JOB_FIELDS = tuple(f.name for f in attrs.fields(_rules.JobFields))
_KINDS = {f.name: f.kind for f in _rules.JOB_FIELDS}
# The sparse-field names that carry a job's id on older revisions (``job_id``).
_ID_ALIASES = tuple(path[-1] for f in _rules.JOB_FIELDS if f.name == "id" for path in f.paths[1:])


def _header(name: str) -> str:
    """A table header: ``total_count`` -> ``total``, ``created_at`` -> ``created``."""
    return name.removesuffix("_count").removesuffix("_at").replace("_", " ")


def _table_fields() -> tuple[str, ...]:
    """What a table shows by default, about what fits in 80 columns: the id, the status,
    the first date-time (when a job was made), the counts and how many errors.
    JSON and JSONL carry every field."""
    kinds = [(name, _KINDS.get(name)) for name in JOB_FIELDS]
    first_datetime = next((n for n, k in kinds if k == "datetime"), None)
    return tuple(
        name
        for name, kind in kinds
        if name == "id" or kind in ("enum", "int", "models") or name == first_datetime
    )


TABLE_FIELDS = _table_fields()


def _fieldset() -> _rules.Fieldset | None:
    return next((p.fieldset for p in LIST_JOBS.params if p.fieldset is not None), None)


def fields_to_request(requested: list[str] | None, revision: str) -> list[str] | None:
    """The sparse fieldset to send: the id column is always shown, and on revisions whose
    fieldset has ``job_id`` the id exists only as that attribute, which must be asked for."""
    fieldset = _fieldset()
    if not requested or fieldset is None:
        return requested
    allowed = allowed_fields(fieldset, revision)
    needed = [name for name in _ID_ALIASES if name in allowed and name not in requested]
    return [*requested, *needed]


def shown_fields(requested: list[str] | None, *, table: bool = False) -> list[str]:
    """The fields to show: id plus the ones asked for with --fields, else the defaults."""
    if not requested:
        return list(TABLE_FIELDS if table else JOB_FIELDS)
    wanted = {"id" if name in _ID_ALIASES else name for name in requested} | {"id"}
    return [name for name in JOB_FIELDS if name in wanted]


def job_dict(job: Any, fields: list[str]) -> dict[str, Any]:
    return {name: plain(getattr(job, name, None)) for name in fields}


def _cell(name: str, value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if _KINDS.get(name) == "models":  # job errors: how many
        return str(len(value))
    if isinstance(value, list):
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
    try:
        for job in jobs:
            body = json.dumps(job_dict(job, fields), ensure_ascii=False, indent=2)
            lines = "\n".join("  " + line for line in body.splitlines())
            _write(("," if count else "") + "\n" + lines)
            count += 1
    finally:  # a walk that fails midway still leaves valid JSON (the jobs before it)
        _write("\n]\n" if count else "]\n")
    return count


# Rows per printed table: a long listing is printed as it arrives, in sections of this many
# rows, so memory stays bounded and the first rows show after the first pages.
TABLE_SECTION = 500


def _table(fields: list[str], *, first: bool) -> Table:
    title = "Klaviyo catalog-category bulk-update jobs" if first else None
    table = Table(title=title, title_justify="left")
    for name in fields:
        kind = _KINDS.get(name)
        numeric = kind in ("int", "float", "models")
        folds = name == "id" or kind == "ids"
        table.add_column(
            _header(name),
            justify="right" if numeric else "left",
            # Ids fold rather than lose characters; the rest stays on one line.
            overflow="fold" if folds else "ellipsis",
            no_wrap=not folds,
        )
    return table


def write_table(
    jobs: Iterable[Any], fields: list[str], console: Console, section: int | None = None
) -> int:
    """Jobs as tables of ``section`` rows, with a spinner counting the jobs fetched (on a
    terminal: it shares the tables' console, which prints above it)."""
    section = section or TABLE_SECTION
    table, rows = _table(fields, first=True), 0
    spinner = Progress(
        SpinnerColumn(),
        TextColumn("fetching jobs: {task.completed:,}"),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    try:
        with spinner:
            task = spinner.add_task("jobs", total=None)
            for job in jobs:
                table.add_row(*(_cell(name, getattr(job, name, None)) for name in fields))
                rows += 1
                spinner.update(task, completed=rows)
                if table.row_count == section:
                    console.print(table)
                    table = _table(fields, first=False)
        if rows == 0:
            console.print("No jobs found.")
            return 0
        table.caption = f"{rows} job{'s' if rows != 1 else ''}"
        if table.row_count:
            console.print(table)
        else:
            console.print(table.caption)
    except BrokenPipeError:
        quiet_broken_pipe()
    return rows
