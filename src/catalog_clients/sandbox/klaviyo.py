"""The emulated Klaviyo list endpoint: credentials, rate limits, filters and paging.

Behaviour follows docs/klaviyo.md: pages hold 100 jobs (shaped per revision by
``klaviyo_shapes``), ``links.next`` is an absolute URL with a percent-encoded cursor, and
every bad input gets a JSON:API 4xx, never a 500.
"""

from __future__ import annotations

import base64
import math
import re
import time
from datetime import date
from typing import Any
from urllib.parse import quote, urlencode

from starlette.requests import Request
from starlette.responses import Response

from .faults import error_body, json_response
from .klaviyo_shapes import (
    ATTRIBUTES,
    META,
    NULLABLE,
    SHORT_LINKS,
    make_jobs,
    media_type,
    parse_revision,
    render_job,
)

PAGE_SIZE = 100
FIELDS_PARAM = "fields[catalog-category-bulk-update-job]"
CURSOR_PARAM = "page[cursor]"
PARAMS = (FIELDS_PARAM, "filter", CURSOR_PARAM)
_FILTER = re.compile(r"""^equals\(status,(["'])(.*)\1\)$""")


def encode_cursor(offset: int) -> str:
    # Standard base64 with padding, so the cursor needs percent-encoding in a URL (as real
    # cursors often do).
    return base64.b64encode(f"cursor:{offset:08d}".encode()).decode()


def decode_cursor(cursor: str) -> int | None:
    try:
        text = base64.b64decode(cursor, validate=True).decode()
    except ValueError:  # binascii.Error, UnicodeDecodeError, and a non-ASCII cursor
        return None
    if not re.fullmatch(r"cursor:\d{8}", text):
        return None
    return int(text[7:])


class RateWindows:
    """Klaviyo's limits per key, counted in fixed windows like the real service."""

    def __init__(self, limits: list[tuple[int, float]]) -> None:
        self.limits = limits
        self.counts: dict[tuple[str, int], tuple[int, int]] = {}

    def reset(self) -> None:
        self.counts.clear()

    def hit(self, key: str, now: float) -> tuple[dict[str, str], int | None]:
        """Count one request: (headers, None) if allowed, or (headers, retry_after)."""
        states = []
        for i, (limit, window) in enumerate(self.limits):
            index = int(now // window)
            seen_index, count = self.counts.get((key, i), (index, 0))
            if seen_index != index:
                count = 0
            states.append((limit, window, index, count))
        for limit, window, index, count in states:
            if count >= limit:
                return {}, max(1, math.ceil((index + 1) * window - now))
        remaining, reset = None, 0
        for i, (limit, window, index, count) in enumerate(states):
            self.counts[(key, i)] = (index, count + 1)
            left = limit - count - 1
            if remaining is None or left < remaining:
                remaining, reset = left, max(1, math.ceil((index + 1) * window - now))
        headers = {
            "RateLimit-Limit": str(self.limits[0][0]),
            "RateLimit-Remaining": str(remaining),
            "RateLimit-Reset": str(reset),
        }
        return headers, None


class KlaviyoEmulator:
    def __init__(self, jobs: int, seed: int, limits: list[tuple[int, float]]) -> None:
        self.jobs = make_jobs(jobs, seed)
        self.rates = RateWindows(limits)
        self.requests = 0

    def reset(self) -> None:
        self.rates.reset()
        self.requests = 0

    async def list_jobs(self, request: Request) -> Response:
        self.requests += 1
        key, problem = _credentials(request.headers.get("authorization"))
        if problem is not None:
            return problem
        headers, retry_after = self.rates.hit(key, time.time())
        if retry_after is not None:
            detail = f"Request was throttled. Expected available in {retry_after} seconds."
            throttled = error_body("klaviyo", 429, detail)
            return json_response(throttled, 429, "klaviyo", {"Retry-After": str(retry_after)})
        revision = parse_revision(request.headers.get("revision"))
        if revision is None:
            given = request.headers.get("revision")
            detail = (
                "Missing required header 'revision'."
                if given is None
                else f"Invalid revision {given!r}: expected YYYY-MM-DD[.suffix]."
            )
            return bad_request(detail, parameter="revision")
        query, problem = _query(request)
        if problem is not None:
            return problem
        status, fields, offset = query
        jobs = self.jobs if status is None else [j for j in self.jobs if j["status"] == status]
        if offset > len(jobs) or (offset and offset % PAGE_SIZE):
            return bad_request("Invalid page cursor.", parameter=CURSOR_PARAM)
        page = jobs[offset : offset + PAGE_SIZE]
        body: dict[str, Any] = {
            "data": [render_job(j, revision, fields, _origin(request)) for j in page]
        }
        more = offset + PAGE_SIZE < len(jobs)
        body["links"] = _links(request, revision, offset, more)
        if revision >= META:
            body["meta"] = {"count": len(page)}
        return json_response(body, 200, "klaviyo", headers, media_type(revision))


def _credentials(header: str | None) -> tuple[str, Response | None]:
    if not header:
        return "", error(401, "not_authenticated", "Authentication credentials were not provided.")
    scheme, _, key = header.partition(" ")
    key = key.strip()
    if scheme == "Klaviyo-API-Key" and key.startswith("pk_") and len(key) > 3:
        if key.startswith("pk_noscope"):
            return key, error(
                403,
                "permission_denied",
                "You do not have permission to perform this action: scope catalogs:read.",
            )
        return key, None
    if scheme == "Bearer" and key:  # OAuth apps
        return key, None
    return "", error(401, "authentication_failed", "Incorrect authentication credentials.")


def _query(request: Request) -> tuple[Any, Response | None]:
    params = request.query_params
    for name in params:
        if name not in PARAMS:
            return None, bad_request(f"'{name}' is not a valid query parameter.", parameter=name)
    for name in PARAMS:
        if len(params.getlist(name)) > 1:
            return None, bad_request(f"'{name}' was given more than once.", parameter=name)
    status = None
    if "filter" in params:
        match = _FILTER.match(params["filter"])
        if not match:
            detail = f'Invalid filter {params["filter"]!r}: only equals(status,"...") is allowed.'
            return None, bad_request(detail, parameter="filter")
        status = match.group(2)
    fields = None
    if FIELDS_PARAM in params:
        fields = params[FIELDS_PARAM].split(",")
        allowed = ("id", *ATTRIBUTES)
        unknown = [f for f in fields if f not in allowed]
        if unknown:
            detail = f"Unknown field {unknown[0]!r} for catalog-category-bulk-update-job."
            return None, bad_request(detail, parameter=FIELDS_PARAM)
    offset = 0
    if CURSOR_PARAM in params:
        found = decode_cursor(params[CURSOR_PARAM])
        if found is None:
            return None, bad_request("Invalid page cursor.", parameter=CURSOR_PARAM)
        offset = found
    return (status, fields, offset), None


def _origin(request: Request) -> str:
    return f"{request.url.scheme}://{request.url.netloc}"


def _links(request: Request, revision: date, offset: int, more: bool) -> dict[str, Any]:
    base = f"{request.url.scheme}://{request.url.netloc}{request.url.path}"
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != CURSOR_PARAM]

    def at(cursor_offset: int) -> str:
        query = [*kept, (CURSOR_PARAM, encode_cursor(cursor_offset))]
        return f"{base}?{urlencode(query, quote_via=quote)}"

    this = f"{base}?{request.url.query}" if request.url.query else base
    nxt = at(offset + PAGE_SIZE) if more else None
    prev = at(offset - PAGE_SIZE) if offset else None
    if revision >= SHORT_LINKS:
        return {"self": this, "prev": prev, "next": nxt}
    links = {"self": this, "first": at(0), "prev": prev, "next": nxt}
    if revision < NULLABLE:
        links = {k: v for k, v in links.items() if v is not None}
    return links


def error(status: int, code: str, detail: str, parameter: str | None = None) -> Response:
    body = error_body("klaviyo", status, detail, code=code)
    body["errors"][0]["title"] = detail if status != 429 else body["errors"][0]["title"]
    if parameter is not None:
        body["errors"][0]["source"] = {"parameter": parameter}
    return json_response(body, status, "klaviyo")


def bad_request(detail: str, parameter: str) -> Response:
    return error(400, "invalid", detail, parameter=parameter)
