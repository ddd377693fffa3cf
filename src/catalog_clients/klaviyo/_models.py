"""What the Klaviyo client returns: jobs, their errors, and pages. Plain values, no I/O."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from klaviyo_generated.models.catalog_category_bulk_update_job import (
        CatalogCategoryBulkUpdateJob,
    )

__all__ = ["Job", "JobError", "JobStatus", "Page", "RateLimitInfo"]


class JobStatus(StrEnum):
    """A job's status. Equals its plain string; values Klaviyo adds later are kept as they came.

    ``JobStatus("archived")`` is a ``JobStatus`` equal to ``"archived"`` (not a member of the
    enumeration), because Klaviyo treats new enum values as a non-breaking change.
    """

    QUEUED = "queued"
    PROCESSING = "processing"
    COMPLETE = "complete"
    CANCELLED = "cancelled"

    @classmethod
    def _missing_(cls, value: object) -> JobStatus | None:
        if not isinstance(value, str):
            return None
        unknown = str.__new__(cls, value)
        unknown._name_ = value
        unknown._value_ = value
        return unknown

    @property
    def is_known(self) -> bool:
        """False for a value this version of the client does not know."""
        return type(self).__members__.get(self._name_) is self


@attrs.frozen
class JobError:
    """One error of a job; every field may be None (real job errors come with null ids)."""

    id: str | None = None
    code: str | None = None
    title: str | None = None
    detail: str | None = None
    source_pointer: str | None = None


# unsafe_hash=False: the lists make a Job unhashable; say so instead of failing inside hash().
@attrs.frozen(unsafe_hash=False)
class Job:
    """A catalog-category bulk-update job, the same for every API revision's shape.

    ``id`` is ``data[].id`` or else ``attributes.job_id``; it is None only when a sparse
    fieldset on a revision before 2023-12-15 left ``job_id`` out. Datetimes are aware UTC.
    Fields left out by a sparse fieldset, or sent as null, are None (``errors`` and
    ``category_ids`` are then empty lists). ``raw`` is the generated model the job was read
    from (extra fields included); it takes no part in equality.
    """

    id: str | None
    status: JobStatus | None = None
    created_at: datetime | None = None
    total_count: int | None = None
    completed_count: int | None = None
    failed_count: int | None = None
    completed_at: datetime | None = None
    expires_at: datetime | None = None
    errors: list[JobError] = attrs.field(factory=list)
    category_ids: list[str] = attrs.field(factory=list)
    # ``raw=`` takes the generated model, or the decoded job object it is read from on first
    # use: parsing every job through the generated from_dict cost four times the rest of a
    # page, for a field few callers read (benchmarks/hotspots.md).
    _raw: CatalogCategoryBulkUpdateJob | dict[str, Any] | None = attrs.field(
        default=None, eq=False, repr=False, alias="raw"
    )

    @property
    def raw(self) -> CatalogCategoryBulkUpdateJob | None:
        raw = self._raw
        if isinstance(raw, dict):
            from klaviyo_generated.models.catalog_category_bulk_update_job import (
                CatalogCategoryBulkUpdateJob,
            )

            # Frozen for callers; the cache is this class's own business.
            raw = CatalogCategoryBulkUpdateJob.from_dict(raw)
            object.__setattr__(self, "_raw", raw)
        return raw


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
        return self.links.get("next")

    @property
    def has_next_page(self) -> bool:
        return self.next_link is not None

    @property
    def next_cursor(self) -> str | None:
        from ._core import cursor_from_link  # the parsing rules live in the core

        return cursor_from_link(self.next_link)

    def __iter__(self) -> Iterator[Job]:
        return iter(self.jobs)

    def __len__(self) -> int:
        return len(self.jobs)
