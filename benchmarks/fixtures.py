"""Workload data, rendered once: Klaviyo job pages and Propeller categories.

The job pages have the shape the live API sends (revision 2024-10-15 and later: top-level
``id``, nullable counts, ``+00:00`` datetimes, ``relationships``), which both our client and
klaviyo-api 25 (revision 2026-10-15, pydantic-validated) accept. ``links.next`` names the
real host, as Klaviyo's links do: both clients take only the cursor from it and send the
next request to the server they were configured with.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

JOBS_PATH = "/api/catalog-category-bulk-update-jobs"
LINK_BASE = "https://a.klaviyo.com" + JOBS_PATH
JOB_STATUSES = ("queued", "processing", "complete", "cancelled")


@dataclass(frozen=True)
class Pages:
    """Pre-rendered response bodies: ``bodies[None]`` is the first page, then by cursor."""

    bodies: dict[str | None, bytes]
    pages: int
    per_page: int

    @property
    def jobs(self) -> int:
        return self.pages * self.per_page


def cursor_of(page: int) -> str:
    # Opaque and URL-safe, like Klaviyo's base64-ish cursors.
    return f"bench{page:05d}Q"


def _job(number: int) -> dict[str, Any]:
    status = JOB_STATUSES[number % 4]
    done = status in ("complete", "cancelled")
    second = number % 60
    return {
        "type": "catalog-category-bulk-update-job",
        "id": f"{number:026d}",
        "attributes": {
            "status": status,
            "created_at": f"2025-01-{1 + number % 28:02d}T10:{number % 60:02d}:{second:02d}+00:00",
            "total_count": 100,
            "completed_count": 100 if done else number % 100,
            "failed_count": 0,
            "completed_at": (
                f"2025-01-{1 + number % 28:02d}T11:00:{second:02d}.123456+00:00" if done else None
            ),
            "expires_at": f"2025-02-{1 + number % 28:02d}T10:00:00+00:00",
            "errors": [],
        },
        "relationships": {
            "categories": {
                "data": [
                    {"type": "catalog-category", "id": f"$custom:::$default:::cat-{number}-{k}"}
                    for k in range(2)
                ]
            }
        },
        "links": {"self": f"{LINK_BASE}/{number:026d}"},
    }


def _mixed_job(number: int, unknown_status: bool = True) -> dict[str, Any]:
    """A job as real pages vary: nulls, ``Z`` and offset-less datetimes, a status the spec
    does not list (unless ``unknown_status`` is off), extra fields, job errors with ``meta``."""
    job = _job(number)
    attributes = job["attributes"]
    if number % 5 == 0:
        attributes.update(completed_count=None, completed_at=None, expires_at=None)
    if number % 7 == 0:
        attributes["created_at"] = attributes["created_at"].replace("+00:00", "Z")
    if number % 11 == 0:
        attributes["expires_at"] = "2025-02-01T10:00:00"  # no offset
    if number % 13 == 0 and unknown_status:
        attributes["status"] = "paused"  # not (yet) in the spec
    if number % 3 == 0:
        attributes["priority"] = number % 10  # a field added after the spec was written
        job["meta"] = {"trace": f"t{number}"}
    if number % 4 == 0:
        attributes["failed_count"] = 1
        attributes["errors"] = [
            {
                "id": f"err-{number}",
                "code": "invalid",
                "title": "Invalid input.",
                "detail": f"Category {number} has an invalid name.",
                "source": {"pointer": "/data/attributes/name"},
                "meta": {"row": number},
            }
        ]
    return job


def render_pages(
    pages: int = 200, per_page: int = 100, *, mixed: bool = False, unknown_status: bool = True
) -> Pages:
    def make(number: int) -> dict[str, Any]:
        return _mixed_job(number, unknown_status) if mixed else _job(number)

    bodies: dict[str | None, bytes] = {}
    for page in range(pages):
        cursor = None if page == 0 else cursor_of(page)
        links: dict[str, str | None] = {
            "self": LINK_BASE if cursor is None else f"{LINK_BASE}?page%5Bcursor%5D={cursor}",
            "prev": None if page == 0 else f"{LINK_BASE}?page%5Bcursor%5D=prev{page}",
            "next": (
                f"{LINK_BASE}?page%5Bcursor%5D={cursor_of(page + 1)}" if page + 1 < pages else None
            ),
        }
        data = [make(page * per_page + k) for k in range(per_page)]
        bodies[cursor] = json.dumps({"data": data, "links": links}).encode()
    return Pages(bodies, pages, per_page)


# --- Propeller categories ------------------------------------------------------------------


def category(number: int) -> dict[str, Any]:
    """One valid wire-format category (by id), about 200 bytes of JSON."""
    cid = 100_000 + number
    return {
        "id": cid,
        "language": "EN",
        "names": [
            {"language": "EN", "value": f"Category {cid}"},
            {"language": "NL", "value": f"Categorie {cid}"},
        ],
        "descriptions": [{"language": "EN", "value": f"All products of category {cid}"}],
        "parent": {"id": 1},
        "sourceId": f"src-{cid}",
        "source": "bench",
    }


def categories(count: int) -> Iterator[dict[str, Any]]:
    return (category(n) for n in range(count))


def write_jsonl(path: Path, count: int) -> Path:
    """The JSONL input file for ``count`` categories; reused when it already exists."""
    if path.exists():
        with path.open("rb") as f:
            lines = sum(1 for _ in f)
        if lines == count:
            return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w") as f:
        for item in categories(count):
            f.write(json.dumps(item, separators=(",", ":")))
            f.write("\n")
    tmp.replace(path)
    return path
