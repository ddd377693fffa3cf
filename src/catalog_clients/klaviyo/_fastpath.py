"""Jobs straight from the decoded JSON, for the page shapes Klaviyo really sends.

Why: the generated ``from_dict`` (one model per job, seven function-level imports each, then
every value checked again in ``_reference``) cost four times everything else on a page
(benchmarks/hotspots.md). This module gives the same ``Job`` values without it.

How it stays honest: it reads only what it recognises, with an exact type check on every
value it takes, and raises ``NotFast`` on anything else (a missing ``type``, a count that is
a float, an error pointer that is an object, a datetime ``fromisoformat`` refuses...). The
caller then reads the whole page through the generated path, so every odd page, and every
``ResponseDecodeError`` message, comes from that one reference reading.
tests/klaviyo/test_klaviyo_fastpath.py checks that both give equal results on generated and
hand-picked pages. Each job keeps its decoded object as ``raw``; ``Job.raw`` builds the
generated model from it when first read.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import attrs

from ._models import Job, JobError, JobStatus

STATUS_BY_VALUE: dict[str, JobStatus] = {s.value: s for s in JobStatus}
_INT_OR_NONE = frozenset((int, type(None)))  # exact types: not bool, not float
LINK_NAMES = ("self", "first", "last", "prev", "next")


class NotFast(Exception):
    """This page has a shape the fast path leaves to the generated one."""


def as_utc(value: datetime) -> datetime | None:
    """Aware UTC (a value without an offset is taken as UTC); None when out of range."""
    tz = value.tzinfo
    if tz is UTC:
        return value
    if tz is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def read_links(links: object) -> dict[str, str | None]:
    if links is None:
        return {}
    if type(links) is not dict:
        raise NotFast
    return {name: _str_or_none(links[name]) for name in LINK_NAMES if name in links}


def read_jobs(data: list[Any]) -> list[Job]:
    """Every job of ``data`` (the page's list of jobs), or NotFast.

    Written for speed, as it runs 100 times a page: one loop with locals for everything it
    calls, datetimes parsed inline, and the Job's slots set directly (_job_slot_setters).
    """
    new, Job_ = object.__new__, Job
    set_id, set_status, set_created, set_total, set_completed, set_failed = _SETTERS[:6]
    set_completed_at, set_expires, set_errors, set_categories, set_raw = _SETTERS[6:]
    status_by_value, int_or_none = STATUS_BY_VALUE, _INT_OR_NONE
    parse, utc, to_utc = datetime.fromisoformat, UTC, _to_utc
    category_ids, job_errors = _category_ids, _job_errors
    jobs = []
    try:
        for item in data:
            # Objects only (from_dict would take a list of pairs); "type" is required.
            if type(item) is not dict or "type" not in item:
                raise NotFast
            a = item.get("attributes")
            if type(a) is not dict:
                raise NotFast
            job_id = item.get("id")
            if job_id is None:
                job_id = a.get("job_id")
            if job_id is not None and type(job_id) is not str:
                raise NotFast
            status = a.get("status")
            if status is not None:
                if type(status) is not str:
                    raise NotFast
                status = status_by_value.get(status) or JobStatus(status)
            total, completed, failed = (
                a.get("total_count"),
                a.get("completed_count"),
                a.get("failed_count"),
            )
            if not (
                type(total) in int_or_none
                and type(completed) in int_or_none
                and type(failed) in int_or_none
            ):
                raise NotFast
            # fromisoformat is what the generated from_dict calls; its ValueError means
            # NotFast (below). "Z" and "+00:00" come back with the UTC singleton.
            created, completed_at, expires = (
                a.get("created_at"),
                a.get("completed_at"),
                a.get("expires_at"),
            )
            created = parse(created) if type(created) is str else to_utc(created)
            completed_at = (
                parse(completed_at) if type(completed_at) is str else to_utc(completed_at)
            )
            expires = parse(expires) if type(expires) is str else to_utc(expires)
            if not (
                (created is None or created.tzinfo is utc)
                and (completed_at is None or completed_at.tzinfo is utc)
                and (expires is None or expires.tzinfo is utc)
            ):
                created, completed_at, expires = (
                    to_utc(created),
                    to_utc(completed_at),
                    to_utc(expires),
                )
            errors = a.get("errors")
            if errors:
                errors = job_errors(errors)
            elif errors is None or type(errors) is list:
                errors = []
            else:  # {}, 0, "" or false: the reference path names the mismatch
                raise NotFast
            job = new(Job_)
            set_id(job, job_id)
            set_status(job, status)
            set_created(job, created)
            set_total(job, total)
            set_completed(job, completed)
            set_failed(job, failed)
            set_completed_at(job, completed_at)
            set_expires(job, expires)
            set_errors(job, errors)
            set_categories(job, category_ids(item.get("relationships")))
            set_raw(job, item)
            jobs.append(job)
    except ValueError:
        raise NotFast from None
    return jobs


def _to_utc(value: object) -> datetime | None:
    """A parsed datetime in aware UTC; None stays None; anything else is not for this path."""
    if value is None:
        return None
    if type(value) is not datetime:
        raise NotFast
    utc = as_utc(value)
    if utc is None:
        raise NotFast
    return utc


def _str_or_none(value: object) -> str | None:
    if value is None or type(value) is str:
        return value
    raise NotFast


def _job_errors(errors: object) -> list[JobError]:
    if type(errors) is not list:
        raise NotFast
    converted = []
    for error in errors:
        if type(error) is not dict:
            raise NotFast
        code = error.get("code")
        if type(code) is int:
            code = str(code)  # as the reference path: an integer code is still readable
        source = error.get("source")
        pointer = None
        if source is not None:
            if type(source) is not dict:
                raise NotFast
            pointer = _str_or_none(source.get("pointer"))  # an object: the reference path
        converted.append(
            JobError(
                id=_str_or_none(error.get("id")),
                code=_str_or_none(code),
                title=_str_or_none(error.get("title")),
                detail=_str_or_none(error.get("detail")),
                source_pointer=pointer,
            )
        )
    return converted


def _category_ids(relationships: object) -> list[str]:
    if relationships is None:
        return []
    if type(relationships) is not dict:
        raise NotFast
    categories = relationships.get("categories")
    if categories is None:
        return []
    if type(categories) is not dict:
        raise NotFast
    data = categories.get("data")
    if data is None:
        return []
    if type(data) is not list:
        raise NotFast
    ids = []
    for identifier in data:
        # from_dict requires both "type" and "id"; the id must be a string.
        if type(identifier) is not dict or "type" not in identifier:
            raise NotFast
        category_id = identifier.get("id")
        if type(category_id) is not str:
            raise NotFast
        ids.append(category_id)
    return ids


def _job_slot_setters() -> list[Any]:
    """The slot setters of Job's fields, in field order, for building Jobs without __init__.

    The attrs ``__init__`` of a frozen class sets each field through ``object.__setattr__``;
    the slot descriptors do the same in two thirds of the time (0.3 of the 2 us a job takes
    here, measured). That builds the same object only while every field is passed and ``Job`` has
    nothing else to run (no validators, converters or post-init): checked at import.
    """
    fields = attrs.fields(Job)
    if (
        len(fields) != 11  # read_jobs sets all 11 in field order (the fast path test checks)
        or hasattr(Job, "__attrs_post_init__")
        or any(f.validator is not None or f.converter is not None for f in fields)
    ):
        raise TypeError("Job changed: update klaviyo._fastpath.read_jobs")
    return [Job.__dict__[f.name].__set__ for f in fields]


_SETTERS = _job_slot_setters()
