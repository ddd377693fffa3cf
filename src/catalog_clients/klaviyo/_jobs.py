"""Submitting category bulk-update jobs and waiting for them: the pure parts. No I/O.

``JobBatches`` checks the categories against the spec's item schema and cuts them into
request bodies of at most the spec's ``maxItems`` (Klaviyo's 100 per job), each wrapped in
the envelope the spec requires (``data.type`` and the rest). ``Waiter`` decides, after each
look at a job, whether it is done (a terminal status of the spec), how long to sleep, or
that time is up.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from klaviyo_generated import _rules

from .._schema import Compiler, Found
from .._spec import operation_for
from .._words import path_text, shown
from ..errors import InputValidationError, Problem, WaitTimeoutError
from ._kinds import Mismatch
from ._models import Job
from ._reader import read_job

CREATE_JOB = operation_for(_rules.OPERATIONS, "create_category_bulk_update_job")
GET_JOB = operation_for(_rules.OPERATIONS, "get_category_bulk_update_job")
_BULK = _rules.BULK[CREATE_JOB.operation_id]
MAX_CATEGORIES: int = _BULK["max_items"]
# The job field whose enum has terminal values (x-terminal), and those values.
_STATUS, _TERMINAL = next(
    (f.name, frozenset(_rules.TERMINAL[f.model]))
    for f in _rules.JOB_FIELDS
    if f.model in _rules.TERMINAL
)


def _envelope(items: list[Any]) -> dict[str, Any]:
    """The request body: the items at the spec's path, with the constants on the way."""
    body: dict[str, Any] = {}
    for dotted, value in _BULK["constants"].items():
        *parents, leaf = dotted.split(".")
        target = body
        for step in parents:
            target = target.setdefault(step, {})
        target[leaf] = value
    *parents, leaf = _BULK["items_path"]
    target = body
    for step in parents:
        target = target.setdefault(step, {})
    target[leaf] = items
    return body


class JobBatches:
    """The categories of ``create_category_bulk_update_job``, checked and cut into bodies.

    Every category is checked first, and any problem raises ``InputValidationError`` (each
    problem naming the category's index) before anything is sent: a job is all or nothing.
    """

    def __init__(self, categories: Iterable[object]) -> None:
        if isinstance(categories, Mapping | str | bytes) or not isinstance(categories, Iterable):
            message = f"must be an iterable of categories, got {shown(categories)}"
            raise InputValidationError([Problem(None, "categories", message)])
        self.items = list(categories)
        check = Compiler(_rules.SCHEMAS).ref(_BULK["item_schema"])
        problems: list[Problem] = []
        for index, item in enumerate(self.items):
            found: Found = []
            check(item, (), found)
            problems += [Problem(index, path_text(p) or None, m) for p, m in found]
        if not self.items:
            problems.append(Problem(None, "categories", "must not be empty"))
        if problems:
            raise InputValidationError(problems)

    def bodies(self) -> Iterator[dict[str, Any]]:
        for start in range(0, len(self.items), MAX_CATEGORIES):
            yield _envelope(self.items[start : start + MAX_CATEGORIES])

    def __len__(self) -> int:
        return -(-len(self.items) // MAX_CATEGORIES)


def read_one(body: object) -> Job:
    """The job of a one-job answer (``{"data": {...}}``); Mismatch if it is not one."""
    if type(body) is not dict:
        raise Mismatch(f"the body: expected a JSON object, got {type(body).__name__}")
    key = GET_JOB.items_property or ""
    job: Job = read_job(body.get(key), key)
    return job


class Waiter:
    """When to look at a job again while waiting for a terminal status."""

    def __init__(
        self,
        job_id: str,
        timeout: float,
        poll_interval: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        for name, value in (("timeout", timeout), ("poll_interval", poll_interval)):
            if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
                raise InputValidationError(
                    [Problem(None, name, f"must be a positive number of seconds, got {value!r}")]
                )
        self.job_id, self._clock = job_id, clock
        self._interval = float(poll_interval)
        self._deadline = clock() + float(timeout)
        self._timeout = float(timeout)

    def delay(self, job: Job) -> float | None:
        """None when the job is done; else the seconds to sleep before the next look.
        Raises ``WaitTimeoutError`` (with the job) when the next look would be too late."""
        status = getattr(job, _STATUS)
        if status is not None and status in _TERMINAL:
            return None
        left = self._deadline - self._clock()
        if left <= 0:
            raise WaitTimeoutError(
                f"job {self.job_id} is still {status} after {self._timeout:g} s", job
            )
        return min(self._interval, left)
