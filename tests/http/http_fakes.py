"""Scripted fakes for the transport tests: answers in order, streams cut mid-body, a clock."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx

from catalog_clients._http import RetryPolicy
from catalog_clients._http.transport import AsyncPolicyTransport, PolicyTransport

BASE_URL = "https://api.example.test"
# The real retry decisions, no jitter, and no deadline to race the test's own clock.
POLICY = RetryPolicy(max_retries=3, jitter=lambda: 0.0, deadline=None)

Answer = int | httpx.Response | Exception | Callable[[], httpx.Response]


class CutStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that stops half-way, as when the peer closes the connection mid-transfer."""

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"data": [{"type": "catalog-category-bu'
        raise httpx.RemoteProtocolError("peer closed connection without sending complete body")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self:
            yield chunk


def cut_response() -> httpx.Response:
    return httpx.Response(200, headers={"content-type": "application/json"}, stream=CutStream())


class Script:
    """A MockTransport handler answering from a list, one item per request (the last repeats).

    An int is a status with an empty JSON body; an exception is raised; a callable builds a
    fresh response (a response object can be sent only once).
    """

    def __init__(self, *answers: Answer) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers[min(len(self.requests), len(self.answers)) - 1]
        if isinstance(answer, Exception):
            raise answer
        if isinstance(answer, int):
            return httpx.Response(answer, json={})
        if isinstance(answer, httpx.Response):
            return answer
        return answer()

    @property
    def attempts(self) -> int:
        return len(self.requests)


def send(
    kind: str,
    script: Script,
    policy: RetryPolicy = POLICY,
    method: str = "GET",
    sleeps: list[float] | None = None,
    **kwargs: Any,
) -> httpx.Response:
    """One request through the sync or the async PolicyTransport; sleeps are recorded, not slept."""
    slept = sleeps if sleeps is not None else []
    if kind == "sync":
        transport = PolicyTransport(httpx.MockTransport(script), policy, sleep=slept.append)
        with httpx.Client(transport=transport, base_url=BASE_URL) as client:
            return client.request(method, "/items", **kwargs)

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    async def run() -> httpx.Response:
        inner = httpx.MockTransport(script)
        transport = AsyncPolicyTransport(inner, policy, sleep=fake_sleep)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
            return await client.request(method, "/items", **kwargs)

    return asyncio.run(run())


class FakeClock:
    """A monotonic clock that only moves when told to (or when something "sleeps" on it)."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds
