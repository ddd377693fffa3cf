"""Submitting jobs, waiting for them and reading one, sync and async, from cassettes.

The sandbox moves a created job one step per look (queued, processing, complete), so a wait
polls a few times; ``poll_interval`` is tiny so that recording takes no time.
"""

from __future__ import annotations

import asyncio
import json
import pickle
from typing import Any

import pytest
from fakes import NO_WAIT
from klaviyo_helpers import CountingTransport, Sandbox

from catalog_clients import AsyncKlaviyoClient, KlaviyoClient
from catalog_clients.errors import InputValidationError, NotFoundError, WaitTimeoutError
from catalog_clients.klaviyo import Job, JobStatus

pytestmark = pytest.mark.vcr


def category(n: int) -> dict[str, Any]:
    return {
        "type": "catalog-category",
        "id": f"$custom:::$default:::CAT-{n}",
        "attributes": {"name": f"Category {n}"},
    }


@pytest.fixture
def sandbox(pytestconfig: pytest.Config, sandbox_control: Any) -> Sandbox:
    sandbox_control.reset()
    return Sandbox(pytestconfig)


def workflow(kind: str, sandbox: Sandbox, categories: list[dict[str, Any]]) -> dict[str, Any]:
    """Submit, wait for the first job, read it again, and find it in the list."""
    options: dict[str, Any] = {"base_url": sandbox.url, "retry_policy": NO_WAIT}
    transport = CountingTransport()
    if kind == "sync":
        with KlaviyoClient(sandbox.key, transport=transport, **options) as client:
            jobs = client.create_category_bulk_update_job(categories)
            done = client.wait_for_category_bulk_update_job(jobs[0].id, poll_interval=0.01)
            again = client.get_category_bulk_update_job(jobs[0].id)
            listed = [j.id for j in client.iter_category_bulk_update_jobs(status="complete")]
    else:

        async def run() -> tuple[Any, ...]:
            async with AsyncKlaviyoClient(sandbox.key, transport=transport, **options) as c:
                jobs = await c.create_category_bulk_update_job(categories)
                done = await c.wait_for_category_bulk_update_job(jobs[0].id, poll_interval=0.01)
                again = await c.get_category_bulk_update_job(jobs[0].id)
                listed = [j.id async for j in c.iter_category_bulk_update_jobs(status="complete")]
                return jobs, done, again, listed

        jobs, done, again, listed = asyncio.run(run())
    return {"jobs": jobs, "done": done, "again": again, "listed": listed, "sent": transport}


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_submit_wait_and_list(kind: str, sandbox: Sandbox) -> None:
    result = workflow(kind, sandbox, [category(n) for n in range(3)])
    [job] = result["jobs"]
    assert isinstance(job, Job) and job.status == JobStatus.QUEUED
    assert job.total_count == 3
    assert job.category_ids == [category(n)["id"] for n in range(3)]
    done = result["done"]
    assert done.id == job.id and done.status == "complete" and done.completed_count == 3
    assert result["again"] == done
    assert job.id in result["listed"]
    requests = result["sent"].requests
    create = next(r for r in requests if r.method == "POST")
    body = json.loads(create.content)
    # The spec's envelope, the revision's path (no trailing slash) and media type.
    assert body["data"]["type"] == "catalog-category-bulk-update-job"
    assert body["data"]["attributes"]["categories"]["data"] == [category(n) for n in range(3)]
    assert create.url.path == "/api/catalog-category-bulk-update-jobs"
    assert create.headers["Content-Type"] == "application/vnd.api+json"
    looks = [r for r in requests if r.url.path.endswith(job.id)]
    assert len(looks) == 3  # queued -> processing -> complete, then the get
    assert all(r.headers["revision"] == "2026-07-15" for r in requests)


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_more_than_the_limit_becomes_several_jobs(kind: str, sandbox: Sandbox) -> None:
    options: dict[str, Any] = {"base_url": sandbox.url, "retry_policy": NO_WAIT}
    categories = [category(n) for n in range(250)]
    if kind == "sync":
        with KlaviyoClient(sandbox.key, **options) as client:
            jobs = client.create_category_bulk_update_job(categories)
    else:

        async def run() -> list[Job]:
            async with AsyncKlaviyoClient(sandbox.key, **options) as client:
                return await client.create_category_bulk_update_job(categories)

        jobs = asyncio.run(run())
    assert [j.total_count for j in jobs] == [100, 100, 50]
    assert [c for j in jobs for c in j.category_ids] == [c["id"] for c in categories]


def test_an_unknown_job_is_not_found(sandbox: Sandbox) -> None:
    client = KlaviyoClient(sandbox.key, base_url=sandbox.url, retry_policy=NO_WAIT)
    with client, pytest.raises(NotFoundError) as caught:
        client.get_category_bulk_update_job("NOSUCHJOB")
    assert caught.value.status_code == 404


def test_bad_categories_are_refused_and_nothing_is_sent() -> None:
    transport = CountingTransport()
    client = KlaviyoClient("pk_test", transport=transport)
    with client, pytest.raises(InputValidationError) as caught:
        client.create_category_bulk_update_job([category(1), {"id": 5}, category(3)])
    assert {p.index for p in caught.value.problems} == {1}
    assert {p.field for p in caught.value.problems} >= {"id", "type", "attributes"}
    assert transport.requests == []


def test_the_waiter_stops_at_a_terminal_status_or_at_the_deadline() -> None:
    from catalog_clients.klaviyo._jobs import Waiter

    now = [0.0]
    waiter = Waiter("j1", timeout=10, poll_interval=4, clock=lambda: now[0])
    assert waiter.delay(Job(id="j1", status=JobStatus.QUEUED)) == 4
    now[0] = 8.0
    assert waiter.delay(Job(id="j1", status=JobStatus.PROCESSING)) == 2  # what is left
    assert waiter.delay(Job(id="j1", status=JobStatus("cancelled"))) is None
    now[0] = 10.0
    with pytest.raises(WaitTimeoutError) as caught:
        waiter.delay(Job(id="j1", status=JobStatus.PROCESSING))
    assert caught.value.job.status == "processing"
    again = pickle.loads(pickle.dumps(caught.value))
    assert type(again) is WaitTimeoutError and str(again) == str(caught.value)
    assert again.job == caught.value.job
    with pytest.raises(InputValidationError):
        Waiter("j1", timeout=0, poll_interval=1)
