"""The emulated Klaviyo jobs: seeded once, then shaped per revision.

The ``revision`` header picks the shape (``job_id`` in the attributes before 2023-12-15, a
top-level ``id`` from then on, nulls from 2024-02-15, ``meta`` from 2026-07-15), as
docs/klaviyo.md describes.
"""

from __future__ import annotations

import random
import re
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

STATUSES = ("queued", "processing", "complete", "cancelled")
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
# Answers are application/vnd.api+json from here on, application/json before.
JSONAPI_MEDIA = date(2024, 10, 15)
_REVISION = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:\.[A-Za-z0-9]+)?$")
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
    else:  # source and its pointer were required: the document as a whole is the place
        rendered["source"] = {"pointer": "/data" if pointer is None else pointer}
    if revision < NULLABLE:
        rendered = {k: v for k, v in rendered.items() if v is not None}
    return rendered


def render_job(
    job: dict[str, Any], revision: date, fields: list[str] | None, origin: str = ""
) -> dict[str, Any]:
    """One job as ``revision`` shapes it, limited to ``fields`` when given; its own link is
    absolute on ``origin`` (scheme and host of the request), as the real service's is."""
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
    rendered["links"] = {"self": f"{origin}/api/catalog-category-bulk-update-jobs/{job['id']}/"}
    return rendered


def media_type(revision: date) -> str:
    """What a list answer of ``revision`` is labelled."""
    return "application/vnd.api+json" if revision >= JSONAPI_MEDIA else "application/json"
