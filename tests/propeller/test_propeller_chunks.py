"""Chunk planning is lazy: a generator is read no further than the chunks being sent."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from propeller_fakes import FakePropeller, category

from catalog_clients import AsyncPropellerClient, PropellerClient, errors
from catalog_clients.propeller import Failure
from catalog_clients.propeller._chunks import plan_chunks


class Source:
    """A generator of categories that remembers how far it has been read."""

    def __init__(self, n: int, bad: frozenset[int] = frozenset()) -> None:
        self.n, self.bad, self.read = n, bad, 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for i in range(self.n):
            self.read += 1
            yield {"id": "bad"} if i in self.bad else category(i)


def test_a_chunk_is_handed_out_as_soon_as_it_is_full() -> None:
    source = Source(10)
    plan = plan_chunks(iter(source), 3, lambda failure: None)
    first = next(plan)
    assert source.read == 3
    assert first.indexes == (0, 1, 2)
    assert [len(c) for c in plan] == [3, 3, 1]
    assert source.read == 10


def test_invalid_items_are_rejected_and_chunks_hold_only_valid_ones() -> None:
    rejected: list[Failure] = []
    chunks = list(plan_chunks(iter(Source(7, bad=frozenset({1, 4}))), 2, rejected.append))
    assert [c.indexes for c in chunks] == [(0, 2), (3, 5), (6,)]
    assert [(f.index, f.item) for f in rejected] == [(1, {"id": "bad"}), (4, {"id": "bad"})]
    assert "must be an integer" in str(rejected[0].error)


def test_an_item_json_cannot_hold_fails_alone_and_the_rest_is_sent() -> None:
    unencodable = {**category(1), "attributes": [{"n": 2**70}]}  # beyond 64 bits
    rejected: list[Failure] = []
    (chunk,) = plan_chunks([category(0), unencodable, category(2)], 10, rejected.append)
    assert chunk.indexes == (0, 2)
    assert [c["id"] for c in json.loads(chunk.body)] == [category(0)["id"], category(2)["id"]]
    ((index, item, reason),) = [(f.index, f.item, f.reason) for f in rejected]
    assert (index, item) == (1, unencodable)
    assert "cannot be encoded as JSON" in reason


def test_strict_mode_refuses_an_item_json_cannot_hold() -> None:
    fake = FakePropeller()
    unencodable = {**category(1), "attributes": [{"n": 2**70}]}
    with (
        PropellerClient(**fake.client_kwargs(), transport=fake.transport()) as client,
        pytest.raises(errors.InputValidationError, match="item 1: cannot be encoded as JSON"),
    ):
        client.bulk_upsert_categories_by_id([category(0), unencodable], strict=True)
    assert fake.bulk_requests == []


def test_a_generator_that_reuses_one_dict_still_sends_each_item() -> None:
    def reusing() -> Iterator[dict[str, Any]]:
        item: dict[str, Any] = {}
        for i in range(5):
            item.clear()
            item.update(category(i))
            yield item

    (chunk,) = plan_chunks(reusing(), 10, lambda failure: None)
    assert [c["id"] for c in json.loads(chunk.body)] == [category(i)["id"] for i in range(5)]


def test_2500_items_make_three_requests_of_at_most_1000() -> None:
    fake = FakePropeller()
    with PropellerClient(**fake.client_kwargs(), transport=fake.transport()) as client:
        result = client.bulk_upsert_categories_by_id(iter(Source(2500)))
    sizes = [len(json.loads(r.content)["categories"]) for r in fake.bulk_requests]
    assert sizes == [1000, 1000, 500]
    assert (result.created, result.updated, result.failed, result.chunks) == (2500, 0, 0, 3)


def test_the_sync_client_reads_one_chunk_ahead_of_nothing() -> None:
    source = Source(50)
    read_at_send: list[int] = []
    fake = FakePropeller()

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/bulk/id"):
            read_at_send.append(source.read)
        return fake.handle(request)

    with PropellerClient(**fake.client_kwargs(), transport=httpx.MockTransport(handle)) as client:
        client.bulk_upsert_categories_by_id(source, chunk_size=10)
    assert read_at_send == [10, 20, 30, 40, 50]


@pytest.mark.parametrize("concurrency", [2, 3])
async def test_the_async_client_reads_at_most_its_chunks_in_flight(concurrency: int) -> None:
    source = Source(100)
    settled = 0
    ahead: list[int] = []
    fake = FakePropeller()

    async def handle(request: httpx.Request) -> httpx.Response:
        nonlocal settled
        if request.url.path.endswith("/bulk/id"):
            ahead.append(source.read - settled)
            await asyncio.sleep(0.001)
            settled += len(json.loads(request.content)["categories"])
        return fake.handle(request)

    client = AsyncPropellerClient(**fake.client_kwargs(), transport=httpx.MockTransport(handle))
    async with client:
        result = await client.bulk_upsert_categories_by_id(
            source, chunk_size=10, concurrency=concurrency
        )
    assert result.created == 100
    assert max(ahead) == concurrency * 10  # several in flight, and never more


def test_failures_with_the_same_mistake_share_one_reason() -> None:
    fake = FakePropeller()
    broken = ({**category(i), "names": []} for i in range(2000))
    with PropellerClient(**fake.client_kwargs(), transport=fake.transport()) as client:
        result = client.bulk_upsert_categories_by_id(broken)
    assert result.failed == 2000 and fake.bulk_requests == []
    assert "names" in result.failures[0].reason
    # One text for all of them: 300,000 refused items then cost their items, not 300,000 copies.
    assert len({id(f.reason) for f in result.failures}) == 1
