"""The transport layers: thin sync and async shells over the pure policies.

Retry reads the response body inside its loop, so a body cut mid-transfer is retried like
any other connection failure (a retry layer that returned before the read would miss it).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

import httpx
import tenacity

from .log import describe, redacted_headers
from .pacing import Pacer
from .retry import Replay, RetryPolicy, to_connection_error

log = logging.getLogger("catalog_clients.http")


class RetryTransport(httpx.BaseTransport):
    def __init__(
        self,
        inner: httpx.BaseTransport,
        policy: RetryPolicy,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.inner, self.policy, self._sleep = inner, policy, sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        started = time.monotonic()
        try:
            try:
                first: httpx.Response | Exception = self._attempt(request)
            except Exception as exc:
                first = exc
            replay = self.policy.settle_first(request, first)
            if isinstance(replay, httpx.Response):
                return replay
            kwargs = self.policy.tenacity_kwargs(request, started)
            response: httpx.Response = tenacity.Retrying(sleep=self._sleep, **kwargs)(
                self._replayed_attempt, request, replay
            )
        # Not retryable at all (a POST reset), or not a network failure (a body that cannot
        # be decoded): typed either way, never a raw httpx error.
        except httpx.RequestError as exc:
            raise to_connection_error(request, exc) from exc
        return response

    def _replayed_attempt(self, request: httpx.Request, replay: Replay) -> httpx.Response:
        first = replay.take()
        return first if first is not None else self._attempt(request)

    def _attempt(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        try:
            response.read()
        finally:
            response.close()
        return response

    def close(self) -> None:
        self.inner.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.inner, self.policy, self._sleep = inner, policy, sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        # RetryTransport.handle_request, with awaits: a bare first attempt, tenacity only
        # when it failed in a retryable way.
        started = time.monotonic()
        try:
            try:
                first: httpx.Response | Exception = await self._attempt(request)
            except Exception as exc:
                first = exc
            if isinstance(replay := self.policy.settle_first(request, first), httpx.Response):
                return replay
            retrying = tenacity.AsyncRetrying(
                sleep=self._sleep, **self.policy.tenacity_kwargs(request, started)
            )
            response: httpx.Response = await retrying(self._replayed_attempt, request, replay)
        except httpx.RequestError as exc:
            raise to_connection_error(request, exc) from exc
        return response

    async def _replayed_attempt(self, request: httpx.Request, replay: Replay) -> httpx.Response:
        first = replay.take()
        return first if first is not None else await self._attempt(request)

    async def _attempt(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        try:
            await response.aread()
        finally:
            await response.aclose()
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


def _log_response(request: httpx.Request, response: httpx.Response, started: float) -> None:
    if log.isEnabledFor(logging.DEBUG):
        log.debug(
            "%s -> %d in %.0f ms, headers %s",
            describe(request),
            response.status_code,
            (time.perf_counter() - started) * 1e3,
            redacted_headers(response.headers.items()),
        )


def _log_request(request: httpx.Request) -> float:
    if log.isEnabledFor(logging.DEBUG):
        log.debug("%s, headers %s", describe(request), redacted_headers(request.headers.items()))
    return time.perf_counter()


class LoggingTransport(httpx.BaseTransport):
    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        started = _log_request(request)
        response = self.inner.handle_request(request)
        _log_response(request, response, started)
        return response

    def close(self) -> None:
        self.inner.close()


class AsyncLoggingTransport(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        started = _log_request(request)
        response = await self.inner.handle_async_request(request)
        _log_response(request, response, started)
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


def _log_wait(request: httpx.Request, delay: float, why: str) -> None:
    if delay > 0.001:
        log.info("pacing: %s waits %.3fs (%s)", describe(request), delay, why)


# A request's own pacer (an operation with limits of its own): request.extensions[PACER].
PACER = "catalog_clients.pacer"


class PacingTransport(httpx.BaseTransport):
    def __init__(
        self,
        inner: httpx.BaseTransport,
        pacer: Pacer,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.inner, self.pacer, self._sleep = inner, pacer, sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        pacer = request.extensions.get(PACER) or self.pacer
        delay = pacer.reserve()
        if delay > 0:
            _log_wait(request, delay, "client-side limit")
            self._sleep(delay)
        response = self.inner.handle_request(request)
        pacer.observe(response.headers)
        return response

    def close(self) -> None:
        self.inner.close()


class AsyncPacingTransport(httpx.AsyncBaseTransport):
    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        pacer: Pacer,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.inner, self.pacer, self._sleep = inner, pacer, sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        pacer = request.extensions.get(PACER) or self.pacer
        delay = pacer.reserve()
        if delay > 0:
            _log_wait(request, delay, "client-side limit")
            await self._sleep(delay)
        response = await self.inner.handle_async_request(request)
        pacer.observe(response.headers)
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()
