"""The sans-I/O core shared by ``KlaviyoClient`` and ``AsyncKlaviyoClient``.

Pure functions and one small state machine: decide which request comes next while paging,
and turn an ``httpx.Response`` into a ``Page`` or a typed error. Arguments and requests are
``_query``'s, page bodies ``_reader``'s; the two client classes only add the I/O around these.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import httpx
from klaviyo_generated import _rules

from .. import _json
from .._http.responses import json_body, raise_for_status, schema_mismatch
from .._paging import SeenCursors
from .._schema import Compiler
from ..errors import request_id_from
from ._kinds import Mismatch
from ._models import Job, Page, RateLimitInfo
from ._paging import LIST_JOBS
from ._reader import read_page

_NO_RATE_LIMIT = RateLimitInfo()


def _link_names(operation: _rules.Operation) -> tuple[str, ...]:
    """The links the response schema declares beside the one that leads on (links.next)."""
    if not operation.response_schema or not operation.next_link:
        return ()
    compiler = Compiler(_rules.SCHEMAS)
    node = compiler.resolve(_rules.SCHEMAS[operation.response_schema])
    for step in operation.next_link[:-1]:
        node = compiler.resolve(node.get("properties", {}).get(step, {}))
    return tuple(node.get("properties", {})) or (operation.next_link[-1],)


_LINKS_PATH = LIST_JOBS.next_link[:-1]
_LINK_NAMES = _link_names(LIST_JOBS)


# --- pagination ------------------------------------------------------------------------------


class CursorWalk:
    """Which request comes next while iterating every page; refuses to loop.

    ``advance(page)`` returns the next request, or None after the last page (or after
    ``max_pages`` pages: a server that hands out fresh cursors forever is still stopped). A
    ``next`` link without a cursor, or a cursor already seen, raises ``PaginationError``.
    """

    __slots__ = ("_build", "_left", "_seen")

    def __init__(
        self, build: Callable[[str | None], dict[str, Any]], max_pages: int | None = None
    ) -> None:
        self._build = build  # cursor -> the request of that page
        self._seen = SeenCursors()
        self._left = max_pages

    def first(self) -> dict[str, Any]:
        return self._build(None)

    def advance(self, page: Page) -> dict[str, Any] | None:
        if self._left is not None:
            self._left -= 1
            if self._left <= 0:
                return None
        cursor = page.next_cursor
        if cursor is None:
            return None
        self._seen.add(cursor)
        return self._build(cursor)


# --- responses -------------------------------------------------------------------------------


def parse_page(response: httpx.Response) -> Page:
    """A received response as a ``Page``, or the typed error (status, decode, schema)."""
    raise_for_status(response, read_error_body)
    body = json_body(response)
    revision = _revision_of(response)
    try:
        jobs, links = _read(body, revision)
    except Mismatch as exc:
        if not _json.has_big_integer(response.content):
            raise schema_mismatch(response, str(exc)) from None
        # orjson read an integer beyond 64 bits as a float: read the body exactly, once.
        try:
            jobs, links = _read(_json.loads_exact(response.content), revision)
        except (Mismatch, _json.DecodeError) as again:
            raise schema_mismatch(response, str(again)) from None
    headers = response.headers
    return Page(
        jobs=jobs,
        links=links,
        status_code=response.status_code,
        headers=headers,
        request_id=request_id_from(headers),
        rate_limit=rate_limit_of(headers),
    )


def _read(body: Any, revision: str | None) -> tuple[list[Job], dict[str, str | None]]:
    return read_page(body, LIST_JOBS.items_property, _LINKS_PATH, _LINK_NAMES, revision)


def _revision_of(response: httpx.Response) -> str | None:
    """The revision the request asked for: the shape its answer has."""
    try:
        revision: str | None = response.request.headers.get(_rules.REVISION_HEADER)
    except RuntimeError:  # a response built without its request
        return None
    return revision


def read_error_body(body: Any) -> dict[str, Any]:
    """Klaviyo's JSON:API ``{"errors": [...]}`` as ``errors.status_error`` keywords."""
    # Imported on the first error: the generated error models cost an import that a
    # client whose calls succeed never needs.
    from ._error_body import read_error_document

    return read_error_document(body)


def rate_limit_of(headers: Mapping[str, str]) -> RateLimitInfo:
    """The RateLimit-* headers; the first figure of a list such as ``10, 10;w=1``."""
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
