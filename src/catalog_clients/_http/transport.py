"""The policy transport: pace, send, read, log and decide, in one loop per shell.

``Stack`` holds what both shells do around an attempt (pacing, logging, settling the
outcome); ``retry.Attempts`` says whether to go again. ``PolicyTransport`` and
``AsyncPolicyTransport`` are the two drivers: they only send, read and sleep. The body is
read inside the loop, so a body cut mid-transfer is retried like any other connection failure
(a retry layer that returned before the read would miss it).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

import httpx

from .log import describe, redacted_headers
from .pacing import PACER, Pacer
from .responses import to_connection_error
from .retry import Attempts, Outcome, RetryPolicy

log = logging.getLogger("catalog_clients.http")


class Stack:
    """The pure steps around each attempt, shared by the two drivers."""

    def __init__(self, retry: RetryPolicy, pacer: Pacer | None) -> None:
        self.retry, self.pacer = retry, pacer

    def pace(self, request: httpx.Request) -> float:
        """How long to wait before sending (the request's own pacer, else the client's)."""
        pacer: Pacer | None = request.extensions.get(PACER) or self.pacer
        delay = pacer.reserve() if pacer is not None else 0.0
        if delay > 0.001:
            log.info("pacing: %s waits %.3fs (client-side limit)", describe(request), delay)
        return delay

    def sending(self, request: httpx.Request) -> float:
        if log.isEnabledFor(logging.DEBUG):
            log.debug(
                "%s, headers %s", describe(request), redacted_headers(request.headers.items())
            )
        return time.perf_counter()

    def received(self, request: httpx.Request, outcome: Outcome, started: float) -> None:
        if not isinstance(outcome, httpx.Response):
            return
        pacer: Pacer | None = request.extensions.get(PACER) or self.pacer
        if pacer is not None:
            pacer.observe(outcome.headers)
        if log.isEnabledFor(logging.DEBUG):
            log.debug(
                "%s -> %d in %.0f ms, headers %s",
                describe(request),
                outcome.status_code,
                (time.perf_counter() - started) * 1e3,
                redacted_headers(outcome.headers.items()),
            )

    @staticmethod
    def settle(request: httpx.Request, outcome: Outcome) -> httpx.Response:
        """The call's answer: the last response, or its failure as a typed error."""
        if isinstance(outcome, httpx.Response):
            return outcome
        # A network failure, or a body that cannot be decoded (httpx.DecodingError): typed
        # either way, never a raw httpx error. Anything else is a bug and passes as it is.
        if isinstance(outcome, httpx.RequestError):
            raise to_connection_error(request, outcome) from outcome
        raise outcome


class PolicyTransport(httpx.BaseTransport):
    def __init__(
        self,
        inner: httpx.BaseTransport,
        retry: RetryPolicy,
        pacer: Pacer | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.inner, self.stack, self._sleep = inner, Stack(retry, pacer), sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        stack, attempts = self.stack, Attempts(self.stack.retry, request)
        while True:
            if (wait := stack.pace(request)) > 0:
                self._sleep(wait)
            started = stack.sending(request)
            outcome: Outcome
            try:
                outcome = self._read(self.inner.handle_request(request))
            except Exception as exc:
                outcome = exc
            stack.received(request, outcome, started)
            if (delay := attempts.after(outcome)) is None:
                return stack.settle(request, outcome)
            self._sleep(delay)

    @staticmethod
    def _read(response: httpx.Response) -> httpx.Response:
        try:
            response.read()
        finally:
            response.close()
        return response

    def close(self) -> None:
        self.inner.close()


class AsyncPolicyTransport(httpx.AsyncBaseTransport):
    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        retry: RetryPolicy,
        pacer: Pacer | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.inner, self.stack, self._sleep = inner, Stack(retry, pacer), sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        stack, attempts = self.stack, Attempts(self.stack.retry, request)
        while True:
            if (wait := stack.pace(request)) > 0:
                await self._sleep(wait)
            started = stack.sending(request)
            outcome: Outcome
            try:
                outcome = await self._read(await self.inner.handle_async_request(request))
            except Exception as exc:
                outcome = exc
            stack.received(request, outcome, started)
            if (delay := attempts.after(outcome)) is None:
                return stack.settle(request, outcome)
            await self._sleep(delay)

    @staticmethod
    async def _read(response: httpx.Response) -> httpx.Response:
        try:
            await response.aread()
        finally:
            await response.aclose()
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()
