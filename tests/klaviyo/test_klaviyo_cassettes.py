"""Every public method, sync and async, replayed from cassettes recorded against the sandbox.

Record with ``make cassettes``; ``make test`` replays them offline. Faults are queued on the
sandbox through /__sandbox__/faults, and those calls are part of each cassette too. Retries
use ``NO_WAIT`` (the real decisions, zero delays) so that replay takes no time.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from fakes import NO_WAIT, NoWait
from klaviyo_helpers import CountingTransport, Sandbox, collect, one_page, pages

from catalog_clients.errors import (
    AuthenticationError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
)
from catalog_clients.klaviyo import Job, JobStatus

pytestmark = pytest.mark.vcr

SANDBOX_JOBS = 250  # scripts/with_sandbox.py's default: three pages


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def sandbox(pytestconfig: pytest.Config, sandbox_control: Any) -> Sandbox:
    sandbox_control.reset()  # no fault left over from another test
    return Sandbox(pytestconfig)


def maker(sandbox: Sandbox, api_key: str | None = None, **options: Any) -> Any:
    options.setdefault("retry_policy", NO_WAIT)

    def make(cls: type[Any]) -> Any:
        return cls(api_key or sandbox.key, base_url=sandbox.url, **options)

    return make


def assert_well_typed(job: Job) -> None:
    assert isinstance(job.id, str) and job.id
    assert isinstance(job.status, JobStatus)
    assert isinstance(job.created_at, datetime) and job.created_at.tzinfo is UTC
    assert type(job.total_count) is int
    for count in (job.completed_count, job.failed_count):
        assert count is None or type(count) is int
    for moment in (job.completed_at, job.expires_at):
        assert moment is None or moment.tzinfo is UTC
    assert all(isinstance(c, str) for c in job.category_ids)


# --- pages and iteration ---------------------------------------------------------------------


def test_first_page_and_full_iteration(kind: str, sandbox: Sandbox) -> None:
    page, jobs = collect(kind, maker(sandbox))
    assert page.status_code == 200 and len(page.jobs) == 100
    assert page.headers["content-type"].startswith("application/vnd.api+json")
    assert isinstance(page.next_cursor, str)
    assert len(jobs) == SANDBOX_JOBS
    assert len({job.id for job in jobs}) == SANDBOX_JOBS  # no duplicates
    assert jobs[:100] == page.jobs
    for job in jobs:
        assert_well_typed(job)


def test_paging_by_hand_with_next_cursor(kind: str, sandbox: Sandbox) -> None:
    found = pages(kind, maker(sandbox))
    assert [len(page) for page in found] == [100, 100, 50]
    assert found[-1].next_cursor is None and not found[-1].has_next_page
    ids = [job.id for page in found for job in page]
    assert len(set(ids)) == SANDBOX_JOBS


def test_status_filter(kind: str, sandbox: Sandbox) -> None:
    _, everything = collect(kind, maker(sandbox))
    page, queued = collect(kind, maker(sandbox), status="queued")
    expected = [job for job in everything if job.status == "queued"]
    assert queued == expected and 0 < len(queued) < SANDBOX_JOBS
    assert all(job.status is JobStatus.QUEUED for job in page)


def test_sparse_fields(kind: str, sandbox: Sandbox) -> None:
    make = maker(sandbox, revision="2024-10-15")
    page, jobs = collect(kind, make, fields=["status", "total_count"])
    assert page.jobs == jobs[:100] and len(jobs) == SANDBOX_JOBS
    for job in jobs:
        assert job.id and job.status is not None and type(job.total_count) is int
        assert job.created_at is None and job.completed_count is None and job.errors == []


def test_both_revision_shapes_give_identical_jobs(kind: str, sandbox: Sandbox) -> None:
    old_page, old = collect(kind, maker(sandbox, revision="2023-01-24"))
    new_page, new = collect(kind, maker(sandbox, revision="2024-10-15"))
    assert len(old) == SANDBOX_JOBS and old == new
    # The shapes really differ on the wire: job_id in the attributes, or a top-level id.
    assert old_page.jobs[0].raw.id is None or old_page.jobs[0].raw.attributes.job_id
    assert isinstance(new_page.jobs[0].raw.id, str)


# --- status errors ---------------------------------------------------------------------------


def test_a_refused_key_is_an_authentication_error(kind: str, sandbox: Sandbox) -> None:
    with pytest.raises(AuthenticationError) as caught:
        collect(kind, maker(sandbox, api_key="not-a-klaviyo-key"))
    assert caught.value.status_code == 401 and caught.value.errors
    assert "not-a-klaviyo-key" not in str(caught.value)


def test_a_key_without_the_scope_is_permission_denied(kind: str, sandbox: Sandbox) -> None:
    with pytest.raises(PermissionDeniedError) as caught:
        collect(kind, maker(sandbox, api_key="pk_noscope_0123456789abcdef"))
    assert caught.value.status_code == 403 and caught.value.errors


def test_an_unknown_path_is_not_found(kind: str, sandbox: Sandbox) -> None:
    def make(cls: type[Any]) -> Any:
        return cls(sandbox.key, base_url=sandbox.url + "/nowhere", retry_policy=NO_WAIT)

    with pytest.raises(NotFoundError) as caught:
        collect(kind, make)
    assert caught.value.status_code == 404


# --- faults: retried, or raised typed -------------------------------------------------------


@pytest.fixture
def wire() -> CountingTransport:
    return CountingTransport()


def faulty(sandbox: Sandbox, wire: CountingTransport, max_retries: int = 3) -> Any:
    return maker(sandbox, transport=wire, retry_policy=NoWait(max_retries=max_retries))


def test_429_then_success_returns_the_page(
    kind: str, sandbox: Sandbox, sandbox_control: Any, wire: CountingTransport
) -> None:
    sandbox_control.faults("429")
    page = one_page(kind, faulty(sandbox, wire))
    assert len(page.jobs) == 100 and page.status_code == 200
    assert len(wire.requests) == 2


def test_429_with_a_too_long_retry_after_is_raised_at_once(
    kind: str, sandbox: Sandbox, sandbox_control: Any, wire: CountingTransport
) -> None:
    sandbox_control.faults("429:86400")
    with pytest.raises(RateLimitError) as caught:
        one_page(kind, faulty(sandbox, wire))
    assert caught.value.retry_after == 86400.0 and caught.value.status_code == 429
    assert caught.value.errors and caught.value.errors[0].status == 429
    assert len(wire.requests) == 1


def test_500_is_retried_for_a_get_and_recovers(
    kind: str, sandbox: Sandbox, sandbox_control: Any, wire: CountingTransport
) -> None:
    sandbox_control.faults("500")
    page = one_page(kind, faulty(sandbox, wire))
    assert len(page.jobs) == 100
    assert len(wire.requests) == 2


def test_500_every_time_ends_as_server_error(
    kind: str, sandbox: Sandbox, sandbox_control: Any, wire: CountingTransport
) -> None:
    sandbox_control.faults("500", "500", "500")
    with pytest.raises(ServerError) as caught:
        one_page(kind, faulty(sandbox, wire, max_retries=2))
    assert caught.value.status_code == 500
    assert len(wire.requests) == 3


def test_502_html_is_a_server_error_with_a_body_excerpt(
    kind: str, sandbox: Sandbox, sandbox_control: Any, wire: CountingTransport
) -> None:
    sandbox_control.faults("502")
    with pytest.raises(ServerError) as caught:
        one_page(kind, faulty(sandbox, wire, max_retries=0))
    assert caught.value.status_code == 502 and caught.value.errors == []
    assert "<html" in caught.value.body.lower()
    assert len(wire.requests) == 1


@pytest.mark.parametrize("status", ["503", "520"])
def test_503_and_520_are_retried_then_raised_as_server_errors(
    kind: str, status: str, sandbox: Sandbox, sandbox_control: Any, wire: CountingTransport
) -> None:
    sandbox_control.faults(status, status)
    with pytest.raises(ServerError) as caught:
        one_page(kind, faulty(sandbox, wire, max_retries=1))
    assert caught.value.status_code == int(status)
    assert len(wire.requests) == 2


def test_a_200_html_page_is_a_decode_error(
    kind: str, sandbox: Sandbox, sandbox_control: Any, wire: CountingTransport
) -> None:
    sandbox_control.faults("html200")
    with pytest.raises(ResponseDecodeError, match="expected a JSON body") as caught:
        one_page(kind, faulty(sandbox, wire))
    assert caught.value.status_code == 200 and "<html" in caught.value.body.lower()
    assert len(wire.requests) == 1


def test_a_200_off_the_schema_is_a_decode_error(
    kind: str, sandbox: Sandbox, sandbox_control: Any, wire: CountingTransport
) -> None:
    sandbox_control.faults("badschema200")
    with pytest.raises(ResponseDecodeError, match="does not match the schema") as caught:
        one_page(kind, faulty(sandbox, wire))
    assert caught.value.body
    assert len(wire.requests) == 1
