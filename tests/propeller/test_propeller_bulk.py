"""bulk_upsert_categories_by_id through the public clients, over an in-process fake server."""

from __future__ import annotations

import asyncio
import gc
import json
import warnings
from typing import Any

import httpx
import pytest
from propeller_fakes import SEED_400, FakePropeller, category, status

from catalog_clients import (
    AsyncPropellerClient,
    Category,
    Directives,
    PropellerClient,
    errors,
)
from catalog_clients.propeller import Progress


def sync_client(fake: FakePropeller, **overrides: Any) -> PropellerClient:
    return PropellerClient(**fake.client_kwargs(**overrides), transport=fake.transport())


def sent_ids(fake: FakePropeller) -> list[list[int]]:
    return [[c["id"] for c in json.loads(r.content)["categories"]] for r in fake.bulk_requests]


def test_create_then_update_of_the_same_ids() -> None:
    fake = FakePropeller()
    items = [Category(id=i, language="EN", names={"EN": f"C{i}"}, parent_id=1) for i in (1, 2)]
    with sync_client(fake) as client:
        first = client.bulk_upsert_categories_by_id(items)
        again = client.bulk_upsert_categories_by_id(items)
    assert (first.created, first.updated, first.failed) == (2, 0, 0)
    assert (again.created, again.updated, again.failed) == (0, 2, 0)
    request = fake.bulk_requests[0]
    assert request.headers["content-type"] == "application/json"
    assert json.loads(request.content) == {"categories": [item.to_wire() for item in items]}


def test_directives_are_sent_with_every_chunk() -> None:
    fake = FakePropeller()
    directives = Directives(skip_if_not_empty=["names"], skip_move_on_update=True)
    with sync_client(fake) as client:
        client.bulk_upsert_categories_by_id(
            [category(1), category(2)], directives=directives, chunk_size=1
        )
    for request in fake.bulk_requests:
        assert json.loads(request.content)["directives"] == directives.to_wire()


def test_invalid_items_are_reported_with_their_input_and_not_sent() -> None:
    fake = FakePropeller()
    bad = {**category(2), "shortDescription": [{"language": "EN", "value": "x"}]}
    with sync_client(fake) as client:
        result = client.bulk_upsert_categories_by_id([category(1), bad, category(3)])
    assert sent_ids(fake) == [[1, 3]]
    assert (result.created, result.failed) == (2, 1)
    (failure,) = result.failures
    assert (failure.index, failure.item) == (1, bad)
    assert failure.error == (
        "field 'shortDescription': extraneous key 'shortDescription' is not permitted "
        "(did you mean 'shortDescriptions'?)"
    )


def test_strict_mode_raises_every_problem_and_sends_nothing() -> None:
    fake = FakePropeller()
    items = (x for x in [category(1), {"id": "2"}, category(3), {**category(4), "language": "x"}])
    with sync_client(fake) as client, pytest.raises(errors.InputValidationError) as info:
        client.bulk_upsert_categories_by_id(items, strict=True)
    assert [(p.index, p.field) for p in info.value.problems] == [
        (1, "id"),
        (1, "language"),
        (1, "names"),
        (1, "parent"),
        (3, "language"),
    ]
    assert fake.token_requests == fake.bulk_requests == []


def test_strict_mode_with_valid_input_sends_everything() -> None:
    fake = FakePropeller()
    with sync_client(fake) as client:
        result = client.bulk_upsert_categories_by_id(
            (category(i) for i in range(5)), strict=True, chunk_size=2
        )
    assert result.created == 5
    assert sent_ids(fake) == [[0, 1], [2, 3], [4]]


def test_a_per_item_server_failure_keeps_the_server_message() -> None:
    fake = FakePropeller()
    with sync_client(fake) as client:
        result = client.bulk_upsert_categories_by_id(
            [category(1), category(800, parent={"id": 404})]
        )
    assert (result.created, result.failed) == (1, 1)
    assert result.failures[0].error == "Category with id [800] not found."
    assert result.failures[0].item["id"] == 800


def test_the_seed_400_rejects_the_chunk_with_a_schema_validation_error_for_each_item() -> None:
    fake = FakePropeller()
    fake.bulk_faults = [status(400, SEED_400, {"x-request-id": "req-10007"})]
    with sync_client(fake) as client:
        result = client.bulk_upsert_categories_by_id([category(i) for i in range(5)], chunk_size=3)
    assert (result.created, result.failed) == (2, 3)  # the second chunk went through
    errors_seen = {id(f.error) for f in result.failures}
    assert len(errors_seen) == 1  # one typed error, shared by each item of its chunk
    error = result.failures[0].error
    assert isinstance(error, errors.SchemaValidationError)
    assert (error.status_code, error.code, error.type, error.request_id) == (
        400,
        10007,
        "SchemaValidationException",
        "req-10007",
    )
    assert error.messages == ["#/categories/2: extraneous key [shortDescription] is not permitted"]
    assert error.more_info == "https://www.propel.us/docs/errors/10007"
    assert [f.index for f in result.failures] == [0, 1, 2]


@pytest.mark.parametrize(
    ("answer", "error_type", "fields"),
    [
        (
            status(404, {"error": {"code": 10008, "type": "NotFound", "messages": ["No route"]}}),
            errors.NotFoundError,
            {"code": 10008, "type": "NotFound"},
        ),
        (
            status(400, {"error": {"code": "10007", "type": "Other"}}),
            errors.SchemaValidationError,
            {"code": "10007"},
        ),
        (
            status(400, {"error": {"code": 10005, "type": "InvalidJSONPayload"}}),
            errors.BadRequestError,
            {"code": 10005},
        ),
        (
            status(403, {"error": {"code": 403, "type": "Forbidden"}}),
            errors.PermissionDeniedError,
            {"type": "Forbidden"},
        ),
        (status(500, {"error": {"code": 500}}), errors.ServerError, {"status_code": 500}),
        (
            lambda r: httpx.Response(
                200, text="<html>oops</html>", headers={"content-type": "text/html"}
            ),
            errors.ResponseDecodeError,
            {"body": "<html>oops</html>"},
        ),
        (
            status(200, {"data": [{"key": 1, "success": "yes"}]}),
            errors.ResponseDecodeError,
            {"status_code": 200},
        ),
    ],
)
def test_chunk_errors_are_typed_and_recorded_not_raised(
    answer: Any, error_type: type[Exception], fields: dict[str, Any]
) -> None:
    fake = FakePropeller()
    fake.bulk_faults = [answer]
    with sync_client(fake) as client:
        result = client.bulk_upsert_categories_by_id([category(1), category(2)])
    assert result.failed == 2
    error = result.failures[0].error
    assert type(error) is error_type
    for name, value in fields.items():
        assert getattr(error, name) == value
    assert len(fake.bulk_requests) == 1  # none of these is retried for a POST


def test_a_chunk_answered_503_then_200_is_retried() -> None:
    fake = FakePropeller()
    fake.bulk_faults = [status(503, {"error": {"code": 503}}, {"retry-after": "0"})]
    with sync_client(fake) as client:
        result = client.bulk_upsert_categories_by_id([category(1)])
    assert (result.created, result.failed) == (1, 0)
    assert len(fake.bulk_requests) == 2


def test_a_chunk_that_keeps_failing_carries_its_typed_error_after_the_retries() -> None:
    fake = FakePropeller()
    fake.bulk_faults = [status(503, {"error": {"code": 503, "messages": ["busy"]}})] * 4
    with sync_client(fake) as client:
        result = client.bulk_upsert_categories_by_id([category(1), category(2)], chunk_size=1)
    assert len(fake.bulk_requests) == 5  # 4 attempts for the first chunk, 1 for the second
    assert (result.created, result.failed) == (1, 1)
    error = result.failures[0].error
    assert isinstance(error, errors.ServerError) and error.messages == ["busy"]


def test_connection_failures_are_retried_for_the_idempotent_upsert() -> None:
    fake = FakePropeller()
    attempts = 0

    def flaky(request: httpx.Request) -> httpx.Response:
        nonlocal attempts
        if request.url.path.endswith("/bulk/id"):
            attempts += 1
            if attempts < 3:
                raise httpx.ReadError("connection reset", request=request)
        return fake.handle(request)

    with PropellerClient(**fake.client_kwargs(), transport=httpx.MockTransport(flaky)) as client:
        result = client.bulk_upsert_categories_by_id([category(1)])
    assert (attempts, result.created) == (3, 1)


def test_on_progress_gets_running_counts_after_each_chunk() -> None:
    fake = FakePropeller()
    seen: list[Progress] = []
    items = [
        category(1),
        category(2),
        {"id": None},
        category(3, parent={"id": 404}),
        category(4),
        {},
    ]
    with sync_client(fake) as client:
        result = client.bulk_upsert_categories_by_id(items, chunk_size=2, on_progress=seen.append)
    assert [(p.created, p.updated, p.failed, p.chunks) for p in seen] == [
        (2, 0, 0, 1),
        (3, 0, 2, 2),  # the invalid item 2 and the server's failure for item 3
        (3, 0, 3, 2),  # the trailing invalid item, reported at the end
    ]
    assert seen[-1].processed == result.total == 6
    assert [f.index for f in result.failures] == [2, 3, 5]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"chunk_size": 1001}, "chunk_size"),
        ({"chunk_size": 0}, "chunk_size"),
        ({"concurrency": 0}, "concurrency"),
        ({"chunk_size": True}, "chunk_size"),
        ({"directives": [{"operation": "nope", "fields": []}]}, "directives[0].operation"),
    ],
)
def test_bad_arguments_are_refused_before_anything_is_sent(
    kwargs: dict[str, Any], field: str
) -> None:
    fake = FakePropeller()
    with sync_client(fake) as client, pytest.raises(errors.InputValidationError) as info:
        client.bulk_upsert_categories_by_id([category(1)], **kwargs)
    assert [p.field for p in info.value.problems] == [field]
    assert fake.token_requests == fake.bulk_requests == []


@pytest.mark.parametrize("categories", [category(1), "abc", 5])
def test_categories_must_be_an_iterable_of_items(categories: Any) -> None:
    client = sync_client(FakePropeller())
    with client, pytest.raises(errors.InputValidationError, match="an iterable of categories"):
        client.bulk_upsert_categories_by_id(categories)


def test_an_empty_input_sends_nothing() -> None:
    fake = FakePropeller()
    with sync_client(fake) as client:
        result = client.bulk_upsert_categories_by_id([])
    assert (result.total, result.chunks, fake.bulk_requests) == (0, 0, [])


def mixed_input() -> list[Any]:
    items: list[Any] = [category(i) for i in range(230)]
    items[7] = {"id": 7}  # invalid: never sent
    items[50] = category(50, parent={"id": 404})  # refused by the server
    return [*items, category(3)]  # a duplicate id: an update


async def test_async_with_concurrency_gives_the_same_counts_as_sync() -> None:
    sync_fake, async_fake = FakePropeller(), FakePropeller(token_delay=0.01)
    with sync_client(sync_fake) as client:
        expected = client.bulk_upsert_categories_by_id(mixed_input(), chunk_size=20)
    async with AsyncPropellerClient(
        **async_fake.client_kwargs(), transport=async_fake.async_transport()
    ) as aclient:
        got = await aclient.bulk_upsert_categories_by_id(
            mixed_input(), chunk_size=20, concurrency=4
        )
    assert (
        (got.created, got.updated, got.failed, got.chunks)
        == (expected.created, expected.updated, expected.failed, expected.chunks)
        == (228, 1, 2, 12)
    )
    assert [(f.index, str(f.error)) for f in got.failures] == [
        (f.index, str(f.error)) for f in expected.failures
    ]
    assert async_fake.store.keys() == sync_fake.store.keys()


def test_sync_threads_give_the_same_counts_as_sequential() -> None:
    fake = FakePropeller()
    with sync_client(fake, concurrency=4) as client:
        result = client.bulk_upsert_categories_by_id(mixed_input(), chunk_size=20)
    assert (result.created, result.updated, result.failed, result.chunks) == (228, 1, 2, 12)


async def test_cancelling_an_async_upsert_cancels_its_chunks_cleanly(
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake = FakePropeller()
    started = asyncio.Event()
    never = asyncio.Event()
    in_flight = 0

    async def handle(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight
        if request.url.path.endswith("/bulk/id"):
            in_flight += 1
            if in_flight == 3:
                started.set()
            await never.wait()
        return fake.handle(request)

    async with AsyncPropellerClient(
        **fake.client_kwargs(), transport=httpx.MockTransport(handle)
    ) as client:
        call = asyncio.create_task(
            client.bulk_upsert_categories_by_id(
                (category(i) for i in range(100)), chunk_size=10, concurrency=3
            )
        )
        await started.wait()
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            call.cancel()
            with pytest.raises(asyncio.CancelledError):
                await call
            gc.collect()
        others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        assert others == []  # no chunk task outlives the call
    assert in_flight == 3
    assert "Task was destroyed" not in caplog.text


def test_credentials_revoked_mid_run_stop_the_call_and_say_what_was_confirmed() -> None:
    fake = FakePropeller()

    def revoke_after_two_chunks(progress: Progress) -> None:
        if progress.chunks == 2:
            fake.expire_tokens()  # the API now answers 401 ...
            fake.token_faults = [status(401, {"error": "invalid_client"})]  # ... refresh too

    with sync_client(fake) as client, pytest.raises(errors.AuthenticationError) as info:
        client.bulk_upsert_categories_by_id(
            [category(i) for i in range(40)], chunk_size=10, on_progress=revoke_after_two_chunks
        )
    assert len(fake.bulk_requests) == 3  # chunk 3 got a 401, chunk 4 was never sent
    assert sorted(fake.store) == list(range(20))
    (note,) = info.value.__notes__
    assert "after 2 answered chunk(s): 20 created, 0 updated and 0 failed" in note


async def test_an_authentication_failure_stops_the_async_call_and_its_tasks() -> None:
    fake = FakePropeller()
    fake.token_faults = [status(401, {"error": "invalid_client"})]
    async with AsyncPropellerClient(
        **fake.client_kwargs(), transport=fake.async_transport()
    ) as client:
        with pytest.raises(errors.AuthenticationError):
            await client.bulk_upsert_categories_by_id(
                [category(i) for i in range(30)], chunk_size=10
            )
        assert [t for t in asyncio.all_tasks() if t is not asyncio.current_task()] == []
