"""Every fault of faults_table.FAULTS against both clients, sync and async, over real HTTP.

Each test queues its fault in the live sandbox, makes one call and checks the table's
outcome: the attempts on the wire (counted by a transport at the bottom of the client's own
stack, and cross-checked with the sandbox's counters and fault queue), the time taken, and
either a correct result or the one typed error with its status, request id and body excerpt.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from faults_table import (
    APIS,
    CLIENT_ID,
    CLIENT_SECRET,
    FAULTS,
    KLAVIYO_KEY,
    RETRIES,
    SHORT_TIMEOUT,
    Api,
    FaultCase,
    Outcome,
    category,
)

from catalog_clients import (
    AsyncKlaviyoClient,
    AsyncPropellerClient,
    BulkResult,
    KlaviyoClient,
    Page,
    PropellerClient,
    errors,
)
from catalog_clients.klaviyo import DEFAULT_REVISION
from catalog_clients.klaviyo._paging import LIST_JOBS
from catalog_clients.klaviyo._query import path_for
from catalog_clients.sandbox import SandboxServer

pytestmark = pytest.mark.sandbox

ITEMS = [category(i) for i in (100, 101, 102)]
WARM_UP = [category(99)]
PATHS = {
    "klaviyo": path_for(LIST_JOBS, DEFAULT_REVISION),
    "propeller": "/v2/categories/bulk/id",
    "token": "/oauth2/token",
}
CLIENTS: dict[tuple[str, str], Any] = {
    ("klaviyo", "sync"): KlaviyoClient,
    ("klaviyo", "async"): AsyncKlaviyoClient,
    ("propeller", "sync"): PropellerClient,
    ("propeller", "async"): AsyncPropellerClient,
}
# Ample for every case: the slowest recovery waits a Retry-After of 1 s.
CALL_BUDGET = 3.0


class Attempts:
    """Every request the client put on the wire, with the x-request-id of its answer."""

    def __init__(self) -> None:
        self.sent: list[list[Any]] = []  # [path, request id or None]

    def record(self, request: httpx.Request) -> list[Any]:
        entry = [request.url.path, None]
        self.sent.append(entry)
        return entry

    def count(self, path: str) -> int:
        return sum(1 for sent_path, _ in self.sent if sent_path == path)

    def last_request_id(self, path: str) -> str | None:
        ids = [rid for sent_path, rid in self.sent if sent_path == path]
        return ids[-1] if ids else None


class CountingTransport(httpx.HTTPTransport):
    def __init__(self, attempts: Attempts) -> None:
        super().__init__()
        self.attempts = attempts

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        entry = self.attempts.record(request)
        response = super().handle_request(request)
        entry[1] = response.headers.get("x-request-id")
        return response


class AsyncCountingTransport(httpx.AsyncHTTPTransport):
    def __init__(self, attempts: Attempts) -> None:
        super().__init__()
        self.attempts = attempts

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        entry = self.attempts.record(request)
        response = await super().handle_async_request(request)
        entry[1] = response.headers.get("x-request-id")
        return response


@contextmanager
def closed_port() -> Iterator[int]:
    """A loopback port that is bound but not listening: every connect is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


class Run:
    """One case against one client: its settings, the call's answer and what it cost."""

    def __init__(self, case: FaultCase, api: Api, mode: str, control: Any) -> None:
        self.case, self.api, self.mode, self.control = case, api, mode, control
        self.attempts = Attempts()
        self.before: dict[str, Any] = {}
        self.elapsed = 0.0

    def client(self, sandbox: SandboxServer, port: int) -> Any:
        case = self.case
        base = f"http://127.0.0.1:{port}" if case.setup == "closed-port" else sandbox.base_url
        transport = (CountingTransport if self.mode == "sync" else AsyncCountingTransport)(
            self.attempts
        )
        common: dict[str, Any] = {
            "timeout": SHORT_TIMEOUT if case.setup == "short-timeout" else 5.0,
            "retry_policy": RETRIES,
            "transport": transport,
        }
        if self.api == "klaviyo":
            common.update(api_key=KLAVIYO_KEY, base_url=base, rate_limits=None)
        else:
            common.update(
                client_id=CLIENT_ID,
                client_secret=CLIENT_SECRET,
                base_url=f"{base}/v2",
                token_url=sandbox.token_url,
            )
        return CLIENTS[self.api, self.mode](**common)

    @property
    def warms_up(self) -> bool:
        return self.case.setup == "expired-token"

    def ready(self) -> None:
        """Right before the call under test: play the fault, start counting."""
        if self.case.setup == "expired-token":
            self.control.expire_tokens()
        faults = self.case.faults(self.api)
        if faults:
            self.control.faults(*faults)
        self.attempts.sent.clear()
        self.before = self.control.state()

    def timed(self, call: Callable[[], Any]) -> Any:
        started = time.monotonic()
        try:
            return call()
        except errors.CatalogClientError as exc:
            return exc
        finally:
            self.elapsed = time.monotonic() - started


def run_sync(run: Run, client: Any) -> Any:
    with client:
        if run.warms_up:
            client.bulk_upsert_categories_by_id(WARM_UP)
        run.ready()
        if run.api == "klaviyo":
            return run.timed(client.list_category_bulk_update_jobs)
        return run.timed(lambda: client.bulk_upsert_categories_by_id(ITEMS))


async def run_async(run: Run, client: Any) -> Any:
    async with client:
        if run.warms_up:
            await client.bulk_upsert_categories_by_id(WARM_UP)
        run.ready()
        started = time.monotonic()
        try:
            if run.api == "klaviyo":
                return await client.list_category_bulk_update_jobs()
            return await client.bulk_upsert_categories_by_id(ITEMS)
        except errors.CatalogClientError as exc:
            return exc
        finally:
            run.elapsed = time.monotonic() - started


def handled(state: dict[str, Any], endpoint: str) -> int:
    """Requests the sandbox processed (faulted ones are not, except the slow ones)."""
    if endpoint == "klaviyo":
        count: int = state["klaviyo"]["requests"]
    else:
        count = state["propeller"]["token_requests" if endpoint == "token" else "bulk_requests"]
    return count


def settled_state(run: Run, endpoint: str, expected_handled: int) -> dict[str, Any]:
    """The sandbox's state once a slow request the client gave up on has been processed."""
    deadline = time.monotonic() + 5.0
    state: dict[str, Any] = run.control.state()
    while handled(state, endpoint) - handled(run.before, endpoint) < expected_handled:
        if time.monotonic() > deadline:
            break
        time.sleep(0.05)
        state = run.control.state()
    return state


def stored(state: dict[str, Any], items: list[dict[str, Any]]) -> list[Any]:
    categories = state["propeller"]["categories"]
    return [categories.get(str(item["id"])) for item in items]


def chunk_error(result: Any) -> errors.CatalogClientError:
    """The one typed error of a bulk call whose single chunk failed as a whole."""
    assert isinstance(result, BulkResult), f"the bulk call raised instead: {result!r}"
    assert (result.created, result.updated, result.failed) == (0, 0, len(ITEMS))
    assert [(f.index, f.item) for f in result.failures] == list(enumerate(ITEMS))
    error = result.failures[0].error
    assert all(f.error is error for f in result.failures)
    assert isinstance(error, errors.CatalogClientError)
    return error


def check_error(run: Run, answer: Any, expected: Outcome, path: str) -> None:
    error = answer if run.api == "klaviyo" else chunk_error(answer)
    assert type(error) is expected.error, repr(error)
    if isinstance(error, errors.APIStatusError | errors.ResponseDecodeError):
        assert error.status_code == expected.status
        assert error.request_id is not None
        assert error.request_id == run.attempts.last_request_id(path)
        assert run.case.body_hint in error.body
    else:
        assert isinstance(error, errors.APIConnectionError)
        assert error.url is not None and error.url.endswith(path)
    if expected.retry_after is not None:
        assert isinstance(error, errors.RateLimitError)
        assert error.retry_after == expected.retry_after


def check_result(run: Run, answer: Any, state: dict[str, Any], first_page: list[str]) -> None:
    if run.api == "klaviyo":
        assert isinstance(answer, Page), repr(answer)
        assert [job.id for job in answer.jobs] == first_page
        assert answer.next_cursor is not None
    else:
        assert isinstance(answer, BulkResult), repr(answer)
        assert (answer.created, answer.updated, answer.failed) == (len(ITEMS), 0, 0)
        assert stored(state, ITEMS) == ITEMS


@pytest.fixture(scope="module")
def first_page(sandbox: SandboxServer) -> list[str]:
    """The job ids of the first page, fetched without any fault."""
    with KlaviyoClient(KLAVIYO_KEY, base_url=sandbox.base_url, rate_limits=None) as client:
        return [str(job.id) for job in client.list_category_bulk_update_jobs().jobs]


PARAMS = [
    pytest.param(case, api, mode, id=f"{case.id}-{api}-{mode}")
    for case in FAULTS
    for api in APIS
    if case.outcome(api) is not None
    for mode in ("sync", "async")
]


@pytest.mark.parametrize(("case", "api", "mode"), PARAMS)
def test_fault(
    case: FaultCase,
    api: Api,
    mode: str,
    sandbox: SandboxServer,
    control: Any,
    first_page: list[str],
) -> None:
    expected = case.outcome(api)
    assert expected is not None
    run = Run(case, api, mode, control)
    with closed_port() as port:
        client = run.client(sandbox, port)
        answer = run_sync(run, client) if mode == "sync" else asyncio.run(run_async(run, client))

    endpoint = "token" if case.endpoint == "token" else api
    path = PATHS[endpoint]
    assert run.attempts.count(path) == expected.attempts, run.attempts.sent
    if expected.token_fetches is not None:
        assert run.attempts.count(PATHS["token"]) == expected.token_fetches
    # Retry-After is honoured, and nothing sleeps longer than the table says.
    assert case.min_seconds <= run.elapsed < case.min_seconds + CALL_BUDGET

    # The sandbox saw the same attempts: each took one queued fault, or was processed.
    queued = len(case.faults(api))
    slow = "slow" in case.inject
    consumed = min(queued, expected.attempts)
    reached = 0 if case.setup == "closed-port" else expected.attempts
    expected_handled = reached - consumed + (consumed if slow else 0)
    state = settled_state(run, endpoint, expected_handled)
    assert queued - len(state["faults"]) == consumed, state["faults"]
    assert handled(state, endpoint) - handled(run.before, endpoint) == expected_handled

    if expected.error is None:
        check_result(run, answer, state, first_page)
    else:
        check_error(run, answer, expected, path)
        if api == "propeller":  # a faulted request is not processed: nothing was stored
            assert stored(state, ITEMS) == [None] * len(ITEMS)
