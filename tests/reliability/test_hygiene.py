"""Clients leave nothing behind: connections closed, no stray tasks, a consistent state.

Both run against a live sandbox, over real sockets. The suite runs with
``error::ResourceWarning``, so an unclosed socket or transport fails the test that leaked it.
tests/propeller/test_propeller_bulk.py already cancels an async upsert against a fake that
never answers; here the chunks are real requests to a server that is slow, some answered and
some in flight, and the sandbox's store is checked against what the call had confirmed.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fuzzhelpers import category

from catalog_clients import AsyncKlaviyoClient, AsyncPropellerClient, KlaviyoClient, PropellerClient
from catalog_clients.propeller import Progress
from catalog_clients.sandbox import SandboxConfig, SandboxServer

pytestmark = pytest.mark.sandbox
KEY = "pk_hygiene_0123456789"


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with SandboxServer(SandboxConfig(jobs=120), port=0) as running:
        yield running


@pytest.fixture
def sandbox(server: SandboxServer) -> SandboxServer:
    httpx.post(f"{server.base_url}/__sandbox__/reset").raise_for_status()
    return server


def state(server: SandboxServer) -> dict[str, Any]:
    data: dict[str, Any] = httpx.get(f"{server.base_url}/__sandbox__/state").json()
    return data


class Tracking(httpx.HTTPTransport):
    """The real transport at the bottom of the stack, noting whether it was closed."""

    closed = False

    def close(self) -> None:
        self.closed = True
        super().close()


class AsyncTracking(httpx.AsyncHTTPTransport):
    closed = False

    async def aclose(self) -> None:
        self.closed = True
        await super().aclose()


def propeller_kwargs(server: SandboxServer) -> dict[str, Any]:
    return {
        "client_id": "sandbox-client",
        "client_secret": "sandbox-secret",
        "base_url": server.propeller_base_url,
        "token_url": server.token_url,
    }


def test_sync_clients_close_their_connections(sandbox: SandboxServer) -> None:
    klaviyo_transport, propeller_transport = Tracking(), Tracking()
    with KlaviyoClient(KEY, base_url=sandbox.base_url, transport=klaviyo_transport) as k:
        assert sum(1 for _ in k.iter_category_bulk_update_jobs()) == 120  # two pages
    with PropellerClient(**propeller_kwargs(sandbox), transport=propeller_transport) as p:
        assert p.bulk_upsert_categories_by_id([category(5)]).created == 1
    assert k._http.is_closed and p._http.is_closed
    assert klaviyo_transport.closed and propeller_transport.closed


async def test_async_clients_close_their_connections(sandbox: SandboxServer) -> None:
    klaviyo_transport, propeller_transport = AsyncTracking(), AsyncTracking()
    async with AsyncKlaviyoClient(KEY, base_url=sandbox.base_url, transport=klaviyo_transport) as k:
        assert len([job async for job in k.iter_category_bulk_update_jobs()]) == 120
    async with AsyncPropellerClient(
        **propeller_kwargs(sandbox), transport=propeller_transport
    ) as p:
        assert (await p.bulk_upsert_categories_by_id([category(6)])).created == 1
    assert k._http.is_closed and p._http.is_closed
    assert klaviyo_transport.closed and propeller_transport.closed


def test_a_client_closes_its_connections_when_the_call_fails(sandbox: SandboxServer) -> None:
    transport = Tracking()
    with (
        pytest.raises(ZeroDivisionError),
        KlaviyoClient(KEY, base_url=sandbox.base_url, transport=transport) as k,
    ):
        k.list_category_bulk_update_jobs()
        1 / 0  # noqa: B018
    assert transport.closed


async def test_cancelling_an_async_upsert_mid_way_leaves_a_consistent_state(
    sandbox: SandboxServer,
) -> None:
    # Ten chunks of 10, three in flight: the first two are answered at once, every later one
    # is held by the server for 1.5 s, so the call is cancelled with three chunks in flight.
    faults = ["propeller:slow:0"] * 2 + ["propeller:slow:1.5"] * 8
    httpx.post(f"{sandbox.base_url}/__sandbox__/faults", json={"faults": faults})
    reported: list[Progress] = []
    two_done = asyncio.Event()

    def on_progress(progress: Progress) -> None:
        reported.append(progress)
        if progress.chunks == 2:
            two_done.set()

    async with AsyncPropellerClient(**propeller_kwargs(sandbox)) as client:
        call = asyncio.create_task(
            client.bulk_upsert_categories_by_id(
                [category(100 + i) for i in range(100)],
                chunk_size=10,
                concurrency=3,
                on_progress=on_progress,
            )
        )
        await asyncio.wait_for(two_done.wait(), 10)
        await asyncio.sleep(0.3)  # the chunks that took the freed slots are on the wire
        call.cancel()
        with pytest.raises(asyncio.CancelledError):
            await call
        gc.collect()
        assert [t for t in asyncio.all_tasks() if t is not asyncio.current_task()] == []

    assert call.cancelled()
    confirmed = reported[-1]
    assert (confirmed.chunks, confirmed.created, confirmed.failed) == (2, 20, 0)
    store = {int(k) for k in state(sandbox)["propeller"]["categories"]}
    # What the call confirmed is in the store: the two chunks the server answered at once.
    assert set(range(100, 120)) <= store
    await asyncio.sleep(1.6)  # let the held chunks finish on the server's side
    after = state(sandbox)["propeller"]
    # Nothing beyond the chunks that were sent: 2 answered, 3 in flight when cancelled. Those
    # three may or may not have been applied (the client left before their answer); the chunks
    # after them were never sent.
    assert after["bulk_requests"] == 5
    assert (
        set(range(100, 120)) <= {int(k) for k in after["categories"]} - {1} <= set(range(100, 150))
    )
