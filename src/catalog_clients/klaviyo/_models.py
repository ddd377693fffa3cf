"""What the Klaviyo client returns: jobs, their errors, and pages. Plain values, no I/O."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from enum import Enum
from typing import Any

import attrs
from klaviyo_generated import _rules
from klaviyo_generated._rules import JobError, JobStatus

from .. import _json
from ._paging import LIST_JOBS, cursor_from_link

__all__ = ["Job", "JobError", "JobStatus", "Page", "RateLimitInfo", "plain"]


def plain(value: Any) -> Any:
    """A field value as JSON: datetimes in ISO 8601, enums as their text, models as dicts."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if attrs.has(type(value)):
        return {f.name: plain(getattr(value, f.name)) for f in attrs.fields(type(value))}
    return value


# unsafe_hash=False: the lists make a Job unhashable; say so instead of failing inside hash().
# slots=False as its generated base: one Job is built per job read, and a frozen dict class
# is built in half the time of a slotted one.
@attrs.frozen(unsafe_hash=False, slots=False)
class Job(_rules.JobFields):
    """A catalog-category bulk-update job, the same for every API revision's shape.

    One field per job attribute of the spec (snake_case), plus ``id`` and ``category_ids``.
    ``id`` is ``data[].id`` or else ``attributes.job_id``; it is None only when a sparse
    fieldset on a revision before 2023-12-15 left ``job_id`` out. Datetimes are aware UTC.
    Fields left out by a sparse fieldset, or sent as null, are None (lists are then empty).
    ``raw`` is the generated model of the job (extra fields included), built from the
    decoded JSON when first read; it takes no part in equality.
    """

    _raw: Any = attrs.field(default=None, eq=False, repr=False, alias="raw")

    @property
    def raw(self) -> Any:
        raw = self._raw
        if isinstance(raw, dict):
            from klaviyo_generated import models

            model = getattr(models, _rules.MODELS["Job"][2])
            # Frozen for callers; the cache is this class's own business.
            raw = model.from_dict(raw)
            object.__setattr__(self, "_raw", raw)
        return raw

    def to_dict(self) -> dict[str, Any]:
        """The job as JSON-ready values (ISO 8601 datetimes, statuses as text)."""
        return {f.name: plain(getattr(self, f.name)) for f in attrs.fields(_rules.JobFields)}

    def to_json(self) -> str:
        """``to_dict()`` as JSON text."""
        return _json.dumps(self.to_dict()).decode()


@attrs.frozen
class RateLimitInfo:
    """The server's ``RateLimit-*`` headers of one response (None when absent or unreadable)."""

    limit: int | None = None
    remaining: int | None = None
    reset: float | None = None


@attrs.frozen(unsafe_hash=False)
class Page:
    """One page of jobs, iterable over its jobs, with the response it came from.

    ``next_cursor`` is the cursor of the next page, or None on the last page. It raises
    ``PaginationError`` when the server sent a ``links.next`` that carries no cursor, so a
    manual ``while page.next_cursor`` loop cannot stop silently half-way.
    """

    jobs: list[Job]
    links: Mapping[str, str | None]
    status_code: int
    headers: Mapping[str, str] = attrs.field(repr=False)
    request_id: str | None = None
    rate_limit: RateLimitInfo = attrs.field(factory=RateLimitInfo)

    @property
    def next_link(self) -> str | None:
        return self.links.get(LIST_JOBS.next_link[-1])

    @property
    def has_next_page(self) -> bool:
        return self.next_link is not None

    @property
    def next_cursor(self) -> str | None:
        return cursor_from_link(self.next_link)

    def __iter__(self) -> Iterator[Job]:
        return iter(self.jobs)

    def __len__(self) -> int:
        return len(self.jobs)
