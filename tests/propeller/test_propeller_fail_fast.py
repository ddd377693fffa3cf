"""Fail fast: a wrong port or URL costs three chunks, not every chunk its full retries."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from fakes import NO_WAIT
from propeller_fakes import category

from catalog_clients import AsyncPropellerClient, PropellerClient, errors


def refused(calls: list[httpx.Request]) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        raise httpx.ConnectError("[Errno 111] Connection refused")

    return httpx.MockTransport(handle)


def client(transport: Any, kind: type = PropellerClient) -> Any:
    return kind(access_token="ready-token", transport=transport, retry_policy=NO_WAIT)


def check_not_sent(result: Any, sent_chunks: int, chunk_size: int) -> None:
    assert result.failed == result.total == 50 and result.created == 0  # no item lost
    tried = [f for f in result.failures if isinstance(f.error, errors.APIConnectionError)]
    skipped = [f for f in result.failures if isinstance(f.error, str)]
    assert len(tried) == sent_chunks * chunk_size
    assert len(skipped) == 50 - len(tried)
    assert all(f.reason.startswith("not sent: the first 3 chunks") for f in skipped)
    assert "APIConnectionError" in skipped[0].reason
    assert sorted(f.index for f in result.failures) == list(range(50))


def test_the_first_three_chunks_failing_alike_stop_the_call() -> None:
    calls: list[httpx.Request] = []
    with client(refused(calls)) as p:
        result = p.bulk_upsert_categories_by_id([category(i) for i in range(50)], chunk_size=5)
    assert len(calls) == 3 * (NO_WAIT.max_retries + 1)  # three chunks, each with its retries
    check_not_sent(result, sent_chunks=3, chunk_size=5)


def test_async_with_chunks_in_flight_stops_too() -> None:
    calls: list[httpx.Request] = []

    async def run() -> Any:
        async with client(refused(calls), AsyncPropellerClient) as p:
            items = (category(i) for i in range(50))
            return await p.bulk_upsert_categories_by_id(items, chunk_size=5, concurrency=2)

    result = asyncio.run(run())
    sent = len({c.content for c in calls})
    assert 3 <= sent <= 4  # the third failure stops it; one more may have been in flight
    check_not_sent(result, sent_chunks=sent, chunk_size=5)


def test_fail_fast_none_tries_every_chunk_and_a_success_turns_it_off() -> None:
    calls: list[httpx.Request] = []
    with client(refused(calls)) as p:
        result = p.bulk_upsert_categories_by_id(
            [category(i) for i in range(20)], chunk_size=5, fail_fast=None
        )
    assert len({c.content for c in calls}) == 4 and result.failed == 20

    answers = iter([200, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503])

    def flaky(request: httpx.Request) -> httpx.Response:
        status = next(answers, 503)
        if status == 200:
            return httpx.Response(200, json={"data": []})
        raise httpx.ConnectError("refused")

    with client(httpx.MockTransport(flaky)) as p:
        result = p.bulk_upsert_categories_by_id([category(i) for i in range(20)], chunk_size=5)
    # The first chunk went through, so later failures are judged chunk by chunk.
    assert not any(f.reason.startswith("not sent") for f in result.failures)
    assert sum(isinstance(f.error, errors.APIConnectionError) for f in result.failures) == 15


@pytest.mark.parametrize("bad", [0, -1, True, "3"])
def test_fail_fast_must_be_a_positive_integer_or_none(bad: object) -> None:
    with client(refused([])) as p, pytest.raises(errors.InputValidationError, match="fail_fast"):
        p.bulk_upsert_categories_by_id([category(1)], fail_fast=bad)


# --- partial progress is visible -----------------------------------------------------------


def test_an_input_iterator_that_raises_midway_carries_what_was_confirmed() -> None:
    from propeller_fakes import FakePropeller

    def items() -> Any:
        for i in range(25):
            yield category(i)
        raise OSError("the source database went away")

    fake = FakePropeller()
    with (
        PropellerClient(**fake.client_kwargs(), transport=fake.transport()) as p,
        pytest.raises(OSError, match="went away") as caught,
    ):
        p.bulk_upsert_categories_by_id(items(), chunk_size=10)
    (note,) = caught.value.__notes__
    assert "after 2 answered chunk(s): 20 created, 0 updated and 0 failed" in note


def test_an_on_progress_callback_that_raises_carries_what_was_confirmed() -> None:
    from propeller_fakes import FakePropeller

    def on_progress(progress: Any) -> None:
        if progress.chunks == 2:
            raise RuntimeError("the progress bar broke")

    fake = FakePropeller()
    with (
        PropellerClient(**fake.client_kwargs(), transport=fake.transport()) as p,
        pytest.raises(RuntimeError, match="bar broke") as caught,
    ):
        p.bulk_upsert_categories_by_id(
            [category(i) for i in range(50)], chunk_size=10, on_progress=on_progress
        )
    assert "20 created" in caught.value.__notes__[0]


def test_a_result_carries_request_ids_and_reads_as_a_dict() -> None:
    import json

    from propeller_fakes import FakePropeller

    fake = FakePropeller()
    items = [category(i) for i in range(12)] + [{"id": "not-an-int"}]
    answers = iter(range(100))

    def with_id(request: httpx.Request) -> httpx.Response:
        response = fake.handle(request)
        if "/oauth2/" not in str(request.url):
            response.headers["x-request-id"] = f"req-{next(answers)}"
        return response

    with PropellerClient(**fake.client_kwargs(), transport=httpx.MockTransport(with_id)) as p:
        result = p.bulk_upsert_categories_by_id(items, chunk_size=5)
    assert result.request_ids == ("req-0", "req-1", "req-2")
    data = result.to_dict()
    assert json.loads(json.dumps(data)) == data  # JSON-ready as it is
    assert (data["created"], data["failed"], data["request_ids"]) == (
        12,
        1,
        list(result.request_ids),
    )
    (failure,) = data["failures"]
    assert failure["index"] == 12 and failure["item"] == {"id": "not-an-int"}
    assert failure["error_type"] is None and "id" in failure["reason"]
