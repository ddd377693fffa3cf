"""The emulated Klaviyo endpoint: seeded jobs, revision-dependent shapes, paging, rate limits.

Behaviour follows docs/klaviyo.md: the ``revision`` header picks the shape (``job_id`` in the
attributes before 2023-12-15, a top-level ``id`` from then on, nulls from 2024-02-15, ``meta``
from 2026-07-15), pages hold 100 jobs, ``links.next`` is an absolute URL with a
percent-encoded cursor, and every bad input gets a JSON:API 4xx, never a 500.
"""

from __future__ import annotations

import base64
import math
import random
import re
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import quote, urlencode

from starlette.requests import Request
from starlette.responses import Response

from .faults import error_body, json_response

PAGE_SIZE = 100
STATUSES = ("queued", "processing", "complete", "cancelled")
FIELDS_PARAM = "fields[catalog-category-bulk-update-job]"
CURSOR_PARAM = "page[cursor]"
PARAMS = (FIELDS_PARAM, "filter", CURSOR_PARAM)
# Spelled out here rather than imported from the client: an emulator that shares the client's
# tables cannot catch a mistake in them.
ATTRIBUTES = (
    "job_id",
    "status",
    "created_at",
    "total_count",
    "completed_count",
    "failed_count",
    "completed_at",
    "expires_at",
    "errors",
)
# Revisions at which the shape changed (docs/klaviyo.md).
TOP_LEVEL_ID = date(2023, 12, 15)
NULLABLE = date(2024, 2, 15)
SHORT_LINKS = date(2024, 10, 15)
META = date(2026, 7, 15)
_REVISION = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:\.[A-Za-z0-9]+)?$")
_FILTER = re.compile(r"""^equals\(status,(["'])(.*)\1\)$""")
_ULID = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_ERROR_POINTERS = ("/data/attributes/name", "external_id", None)


def make_jobs(count: int, seed: int) -> list[dict[str, Any]]:
    """``count`` jobs in a neutral form: every known attribute, None where a job has none."""
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    jobs = []
    for n in range(count):
        status = rng.choices(STATUSES, weights=(2, 2, 5, 1))[0]
        total = rng.randint(1, 1000)
        created = start + timedelta(minutes=17 * n, seconds=rng.randint(0, 59))
        failed = rng.randint(0, total // 10) if status != "queued" else None
        done = None if status == "queued" else (total if status == "complete" else total // 2)
        completed = None if done is None or failed is None else done - failed
        finished = created + timedelta(minutes=rng.randint(1, 90))
        errors = [
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128))) if k else None,
                "code": "invalid" if k else None,
                "title": "Invalid input." if k else None,
                "detail": f"Category {n}-{k} has an invalid name.",
                "pointer": _ERROR_POINTERS[(n + k) % 3],
            }
            for k in range(min(failed or 0, 2))
        ]
        jobs.append(
            {
                "id": "".join(rng.choice(_ULID) for _ in range(26)),
                "status": status,
                "created_at": created,
                "total_count": total,
                "completed_count": completed,
                "failed_count": failed,
                "completed_at": finished if status in ("complete", "cancelled") else None,
                "expires_at": finished + timedelta(days=30) if status == "complete" else None,
                "errors": errors if status != "queued" else None,
                "categories": _category_ids(rng.randint(1, 9999), n % 3 + 1),
            }
        )
    return jobs


def _category_ids(first: int, count: int) -> list[str]:
    # Distinct ids derived from one draw, so the seeded job stream stays what it was.
    return [f"$custom:::$default:::cat-{(first - 1 + k * 1013) % 9999 + 1}" for k in range(count)]


def parse_revision(text: str | None) -> date | None:
    match = _REVISION.match(text or "")
    if not match:
        return None
    try:
        return date(*(int(g) for g in match.groups()[:3]))
    except ValueError:
        return None


def _moment(value: datetime | None, revision: date) -> str | None:
    if value is None:
        return None
    if revision >= NULLABLE:
        return value.isoformat()
    return value.replace(tzinfo=None).isoformat()  # older revisions sent no offset


def _job_error(error: dict[str, Any], revision: date) -> dict[str, Any]:
    rendered = {k: error[k] for k in ("id", "code", "title", "detail")}
    pointer = error["pointer"]
    if revision >= date(2025, 1, 15):  # pointer nullable from here on, and meta appears
        rendered["source"] = {"pointer": pointer}
        rendered["meta"] = {}
    elif pointer is not None:
        rendered["source"] = {"pointer": pointer}
    if revision < NULLABLE:
        rendered = {k: v for k, v in rendered.items() if v is not None}
    return rendered


def render_job(job: dict[str, Any], revision: date, fields: list[str] | None) -> dict[str, Any]:
    """One job as ``revision`` shapes it, limited to ``fields`` when given."""
    values: dict[str, Any] = {
        "job_id": job["id"],
        "status": job["status"],
        "created_at": _moment(job["created_at"], revision),
        "total_count": job["total_count"],
        "completed_count": job["completed_count"],
        "failed_count": job["failed_count"],
        "completed_at": _moment(job["completed_at"], revision),
        "expires_at": _moment(job["expires_at"], revision),
        "errors": None
        if job["errors"] is None
        else [_job_error(e, revision) for e in job["errors"]],
    }
    new_shape = revision >= TOP_LEVEL_ID
    if new_shape:
        del values["job_id"]
    if fields:
        values = {k: v for k, v in values.items() if k in fields}
    if revision < NULLABLE:  # nothing was nullable yet: absent instead of null
        values = {k: v for k, v in values.items() if v is not None}
    rendered: dict[str, Any] = {"type": "catalog-category-bulk-update-job"}
    if new_shape:
        rendered["id"] = job["id"]
    rendered["attributes"] = values
    rendered["relationships"] = {
        "categories": {"data": [{"type": "catalog-category", "id": c} for c in job["categories"]]}
    }
    rendered["links"] = {"self": f"/api/catalog-category-bulk-update-jobs/{job['id']}/"}
    return rendered


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
        body: dict[str, Any] = {"data": [render_job(j, revision, fields) for j in page]}
        more = offset + PAGE_SIZE < len(jobs)
        body["links"] = _links(request, revision, offset, more)
        if revision >= META:
            body["meta"] = {"count": len(page)}
        return json_response(body, 200, "klaviyo", headers)


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
