"""The sans-I/O core shared by ``KlaviyoClient`` and ``AsyncKlaviyoClient``.

Pure functions and one small state machine: validate the call's arguments, build request
kwargs (through the generated endpoint, which owns path, params and headers), turn an
``httpx.Response`` into a ``Page`` or a typed error, and decide which cursor comes next.
The two client classes only add the I/O around these.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
from klaviyo_generated.api.catalogs.get_update_categories_jobs import _get_kwargs
from klaviyo_generated.models.api_error import APIError
from klaviyo_generated.models.error_document import ErrorDocument
from klaviyo_generated.models.error_source import ErrorSource
from klaviyo_generated.types import UNSET, Unset

from .._http.responses import json_body, raise_for_status, schema_mismatch
from .._http.retry import to_connection_error
from ..errors import (
    ConfigurationError,
    ErrorDetail,
    InputValidationError,
    PaginationError,
    Problem,
    request_id_from,
)
from ._fastpath import NotFast, read_jobs, read_links
from ._models import Job, Page, RateLimitInfo
from ._reference import Mismatch, mismatch, pointer_text, read_generated

# The names the sparse fieldset accepts ("id" only on revisions from 2023-12-15 on).
FIELD_NAMES = (
    "job_id",
    "status",
    "created_at",
    "total_count",
    "completed_count",
    "failed_count",
    "completed_at",
    "expires_at",
    "errors",
    "id",
)
_FIELD_SET = frozenset(FIELD_NAMES)
_REVISION = re.compile(r"\d{4}-\d{2}-\d{2}(\.[A-Za-z0-9]+)?")
_CURSOR_PARAM = "page[cursor]"
_NO_RATE_LIMIT = RateLimitInfo()


# --- configuration and arguments -----------------------------------------------------------


def check_revision(revision: object) -> str:
    """``YYYY-MM-DD`` with an optional ``.suffix`` (``.pre`` marks a beta), a real date."""
    if isinstance(revision, str) and _REVISION.fullmatch(revision):
        try:
            date.fromisoformat(revision[:10])
        except ValueError:
            pass
        else:
            return revision
    raise ConfigurationError(
        f"revision must look like YYYY-MM-DD or YYYY-MM-DD.suffix (e.g. 2024-10-15), "
        f"got {revision!r}"
    )


def status_filter(status: object) -> tuple[str | None, list[Problem]]:
    """``equals(status,"queued")``, with ``\\`` and ``"`` escaped inside the quoted value."""
    if status is None:
        return None, []
    if not isinstance(status, str):
        return None, [Problem(None, "status", f"must be a string, got {type(status).__name__}")]
    if not status:
        return None, [Problem(None, "status", "must not be empty")]
    value = status.replace("\\", "\\\\").replace('"', '\\"')
    return f'equals(status,"{value}")', []


def fields_param(fields: object) -> tuple[str | None, list[Problem]]:
    """The comma-joined sparse fieldset, or None when no fieldset was asked for."""
    if fields is None:
        return None, []
    if isinstance(fields, str):
        if not fields.strip():
            return None, []
        names: list[object] = [name.strip() for name in fields.split(",")]
    elif isinstance(fields, Iterable) and not isinstance(fields, Mapping | bytes | bytearray):
        names = list(fields)
    else:
        kind = type(fields).__name__
        return None, [Problem(None, "fields", f"must be a list of names or a string, got {kind}")]
    problems = [
        Problem(None, "fields", f"item {i} must be a string, got {type(name).__name__}")
        for i, name in enumerate(names)
        if not isinstance(name, str)
    ]
    unknown = [name for name in names if isinstance(name, str) and name not in _FIELD_SET]
    if unknown:
        listed = ", ".join(repr(name) for name in unknown)
        allowed = ", ".join(FIELD_NAMES)
        problems.append(Problem(None, "fields", f"unknown field {listed}; allowed: {allowed}"))
    if problems or not names:
        return None, problems
    return ",".join(dict.fromkeys(str(name) for name in names)), []


def check_cursor(cursor: object) -> list[Problem]:
    if cursor is None or (isinstance(cursor, str) and cursor):
        return []
    return [Problem(None, "cursor", f"must be a non-empty string, got {cursor!r}")]


class Query:
    """A validated ``status``/``fields`` pair; builds the request for any cursor."""

    __slots__ = ("fields", "filter", "revision")

    def __init__(self, status: object, fields: object, revision: str) -> None:
        self.filter, problems = status_filter(status)
        self.fields, more = fields_param(fields)
        if problems or more:
            raise InputValidationError([*problems, *more])
        self.revision = revision

    def request(self, cursor: str | None = None) -> dict[str, Any]:
        """Keyword arguments for ``httpx.Client.request``, shaped by the generated endpoint."""
        return _get_kwargs(
            fieldscatalog_category_bulk_update_job=_unset(self.fields),
            filter_=_unset(self.filter),
            pagecursor=_unset(cursor),
            revision=self.revision,
        )


def first_request(status: object, fields: object, cursor: object, revision: str) -> dict[str, Any]:
    """The request of ``list_category_bulk_update_jobs``; every argument checked first."""
    problems = check_cursor(cursor)
    try:
        query = Query(status, fields, revision)
    except InputValidationError as exc:
        raise InputValidationError([*exc.problems, *problems]) from None
    if problems:
        raise InputValidationError(problems)
    assert cursor is None or isinstance(cursor, str)
    return query.request(cursor)


def _unset(value: str | None) -> str | Unset:
    return UNSET if value is None else value


# --- pagination ------------------------------------------------------------------------------


def cursor_from_link(link: str | None) -> str | None:
    """The ``page[cursor]`` of a ``links.next`` URL (percent-encoded or not); None if no link.

    Only the cursor is taken: the next request goes to the configured base URL, never to the
    host the link names. A link without a cursor cannot be followed safely, so it raises.
    """
    if link is None:
        return None
    try:
        query = urlsplit(link).query
    except ValueError:
        query = ""
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key == _CURSOR_PARAM and value:
            return value
    shown = link if len(link) <= 200 else link[:200] + "..."
    raise PaginationError(f"links.next has no page[cursor], so it cannot be followed: {shown!r}")


class CursorWalk:
    """Which request comes next while iterating every page; refuses to loop.

    ``advance(page)`` returns the next request, or None after the last page. A ``next`` link
    without a cursor, or a cursor already seen, raises ``PaginationError``.
    """

    __slots__ = ("_query", "_seen")

    def __init__(self, query: Query) -> None:
        self._query = query
        self._seen: set[str] = set()

    def first(self) -> dict[str, Any]:
        return self._query.request()

    def advance(self, page: Page) -> dict[str, Any] | None:
        cursor = page.next_cursor
        if cursor is None:
            return None
        if cursor in self._seen:
            raise PaginationError(
                f"the server sent the cursor {cursor!r} a second time; stopping instead of looping"
            )
        self._seen.add(cursor)
        return self._query.request(cursor)


# --- responses -------------------------------------------------------------------------------


def transport_error(exc: httpx.HTTPError) -> BaseException:
    """The typed error for an httpx failure that escaped the transport stack."""
    try:
        request = exc.request
    except RuntimeError:  # an httpx error raised without a request attached
        request = httpx.Request("GET", "http://unknown/")
    return to_connection_error(request, exc)


def parse_page(response: httpx.Response) -> Page:
    """A received response as a ``Page``, or the typed error (status, decode, schema)."""
    raise_for_status(response, read_error_body)
    body = json_body(response)
    try:
        jobs, links = _read_body(body)
    except Mismatch as exc:
        raise schema_mismatch(response, str(exc)) from None
    headers = response.headers
    return Page(
        jobs=jobs,
        links=links,
        status_code=response.status_code,
        headers=headers,
        request_id=request_id_from(headers),
        rate_limit=rate_limit_of(headers),
    )


def read_error_body(body: Any) -> dict[str, Any]:
    """Klaviyo's JSON:API ``{"errors": [...]}`` as ``errors.status_error`` keywords.

    Tolerant on purpose: the call is failing anyway, and every readable detail helps.
    """
    document = ErrorDocument.from_dict(body)
    details = [_error_detail(e) for e in document.errors if isinstance(e, APIError)]
    first = details[0] if details else None
    message = first and (first.detail or first.title or first.code)
    return {"message": message, "errors": details}


def _error_detail(error: APIError) -> ErrorDetail:
    status = error.status
    if isinstance(status, str) and status.strip().isdigit():
        status = int(status)
    pointer, parameter = None, None
    if isinstance(error.source, ErrorSource):
        pointer = pointer_text(error.source.pointer)
        parameter = _loose_str(error.source.parameter)
    return ErrorDetail(
        id=_loose_str(error.id),
        status=status if type(status) is int else None,
        code=_loose_str(error.code),
        title=_loose_str(error.title),
        detail=_loose_str(error.detail),
        source_pointer=pointer,
        source_parameter=parameter,
    )


def _loose_str(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def rate_limit_of(headers: Mapping[str, str]) -> RateLimitInfo:
    """The RateLimit-* headers; the first figure of a list such as ``350, 350;w=1``."""
    limit = headers.get("ratelimit-limit")
    remaining = headers.get("ratelimit-remaining")
    reset = headers.get("ratelimit-reset")
    if limit is None and remaining is None and reset is None:
        return _NO_RATE_LIMIT
    reset_value = _first_figure(reset)
    return RateLimitInfo(
        limit=_as_int(_first_figure(limit)),
        remaining=_as_int(_first_figure(remaining)),
        reset=reset_value,
    )


def _first_figure(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value.split(",")[0].split(";")[0].strip())
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None


def _as_int(value: float | None) -> int | None:
    return None if value is None else int(value)


# --- page bodies -----------------------------------------------------------------------------


def _read_body(body: object) -> tuple[list[Job], dict[str, str | None]]:
    if not isinstance(body, dict):
        mismatch("the body", "a JSON object", body)
    data = body.get("data")
    if not isinstance(data, list):
        mismatch("data", "a list of jobs", data)
    try:
        return read_jobs(data), read_links(body.get("links"))
    except NotFast:  # a shape the fast path does not take: the reference reading decides
        return read_generated(body, data)
