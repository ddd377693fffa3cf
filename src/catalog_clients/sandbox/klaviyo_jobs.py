"""The emulated Klaviyo job submission and look-up: create a bulk-update job, get one job.

A created job starts ``queued`` and moves on by one step each time it is looked at
(``processing``, then ``complete``), so a client that waits for it sees it finish after a few
polls. Created jobs join the list the list endpoint serves. Like the rest of the sandbox, its
rules are its own tables (docs/klaviyo.md), not the spec.
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from .faults import error_body, json_response
from .klaviyo import RateWindows, _credentials, _origin, bad_request, error
from .klaviyo_shapes import parse_revision, render_job

MAX_CATEGORIES = 100
JOB_TYPE = "catalog-category-bulk-update-job"
CATEGORY_TYPE = "catalog-category"
# Each look moves a created job one step along.
STEPS = ("queued", "processing", "complete")


class SubmittedJobs:
    def __init__(self, jobs: list[dict[str, Any]], limits: list[tuple[int, float]]) -> None:
        self.jobs = jobs  # the emulator's list: created jobs are listed too
        self.created: dict[str, dict[str, Any]] = {}
        self.rates = RateWindows(limits)

    def reset(self) -> None:
        for job_id in self.created:
            self.jobs[:] = [j for j in self.jobs if j["id"] != job_id]
        self.created.clear()
        self.rates.reset()

    def _admit(self, request: Request) -> tuple[Any, Response | None]:
        key, problem = _credentials(request.headers.get("authorization"))
        if problem is not None:
            return None, problem
        headers, retry_after = self.rates.hit(key, time.time())
        if retry_after is not None:
            detail = f"Request was throttled. Expected available in {retry_after} seconds."
            body = error_body("klaviyo", 429, detail)
            return None, json_response(body, 429, "klaviyo", {"Retry-After": str(retry_after)})
        revision = parse_revision(request.headers.get("revision"))
        if revision is None:
            return None, bad_request("Missing or invalid header 'revision'.", "revision")
        return (revision, headers), None

    async def create(self, request: Request) -> Response:
        admitted, problem = self._admit(request)
        if problem is not None:
            return problem
        revision, headers = admitted
        try:
            body = json.loads(await request.body())
            data = body["data"]
            categories = data["attributes"]["categories"]["data"]
        except (ValueError, KeyError, TypeError):
            return bad_request("The body is not a catalog category bulk update job.", "data")
        if data.get("type") != JOB_TYPE:
            return bad_request(f"data.type must be {JOB_TYPE!r}.", "data.type")
        if not isinstance(categories, list) or not 1 <= len(categories) <= MAX_CATEGORIES:
            return bad_request(f"Send 1 to {MAX_CATEGORIES} categories per job.", "categories")
        ids = []
        for category in categories:
            if not isinstance(category, dict) or category.get("type") != CATEGORY_TYPE:
                return bad_request("Each category must be a catalog-category.", "categories")
            if not isinstance(category.get("id"), str) or not category["id"]:
                return bad_request("Each category needs an id.", "categories")
            ids.append(category["id"])
        number = len(self.created) + 1
        job: dict[str, Any] = {
            "id": f"SANDBOXJOB{number:016d}",
            "status": STEPS[0],
            "created_at": datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=number),
            "total_count": len(ids),
            "completed_count": 0,
            "failed_count": 0,
            "completed_at": None,
            "expires_at": None,
            "errors": [],
            "categories": ids,
        }
        self.created[job["id"]] = job
        self.jobs.append(job)
        return json_response(
            {"data": render_job(job, revision, None, _origin(request))}, 202, "klaviyo", headers
        )

    async def get(self, request: Request) -> Response:
        admitted, problem = self._admit(request)
        if problem is not None:
            return problem
        revision, headers = admitted
        job_id = request.path_params["job_id"]
        job = self.created.get(job_id) or next((j for j in self.jobs if j["id"] == job_id), None)
        if job is None:
            return error(404, "not_found", f"No catalog category bulk update job {job_id!r}.")
        if job_id in self.created:
            self._advance(job)
        return json_response(
            {"data": render_job(job, revision, None, _origin(request))}, 200, "klaviyo", headers
        )

    @staticmethod
    def _advance(job: dict[str, Any]) -> None:
        step = STEPS.index(job["status"]) if job["status"] in STEPS else len(STEPS) - 1
        job["status"] = STEPS[min(step + 1, len(STEPS) - 1)]
        if job["status"] == STEPS[-1] and job["completed_at"] is None:
            completed: datetime = job["created_at"] + timedelta(minutes=5)
            job["completed_count"] = job["total_count"]
            job["completed_at"] = completed
            job["expires_at"] = completed + timedelta(days=30)
