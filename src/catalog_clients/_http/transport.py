"""The policy transport: pace, send, read, log and decide, in one loop per shell.

``Stack`` holds what both shells do around an attempt (pacing, timeouts, reading the body
within bounds, logging, settling the outcome); ``retry.Attempts`` says whether to go again.
``PolicyTransport`` and ``AsyncPolicyTransport`` are the two drivers: they only send, read
and sleep. The body is read inside the loop, so a body cut mid-transfer is retried like any
other connection failure (a retry layer that returned before the read would miss it).

The call's deadline bounds everything: each attempt's connect, read and write timeouts are
cut to what is left of it, the body is checked against it after every read (a body that
trickles in byte by byte is stopped), and a pacing wait that would pass it is not made.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable

import httpx

from ..errors import APITimeoutError, RateLimitError, ResponseTooLargeError
from .body import Body, TooLarge
from .log import describe, redacted_headers
from .pacing import PACER, Pacer
from .responses import to_connection_error
from .retry import Attempts, Outcome, RetryPolicy

log = logging.getLogger("catalog_clients.http")

# The largest body read by default, counted after decompression (a jobs page is ~100 KB).
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
# A request's own limit: request.extensions[MAX_BYTES] (a token answer is small).
MAX_BYTES = "catalog_clients.max_bytes"


class Stack:
    """The pure steps around each attempt, shared by the two drivers."""

    def __init__(
        self, retry: RetryPolicy, pacer: Pacer | None, max_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    ) -> None:
        self.retry, self.pacer, self.max_bytes = retry, pacer, max_bytes

    def start(self, request: httpx.Request) -> Attempts:
        return Attempts(self.retry, request)

    def pace(self, request: httpx.Request, attempts: Attempts) -> float:
        """How long to wait before sending (the request's own pacer, else the client's); a
        wait beyond the retry cap or the deadline fails the call instead."""
        pacer: Pacer | None = request.extensions.get(PACER) or self.pacer
        if pacer is None:
            return 0.0
        left = attempts.remaining()
        cap = self.retry.max_retry_after if left is None else min(self.retry.max_retry_after, left)
        delay = pacer.reserve(max_wait=cap)
        if delay > self.retry.max_retry_after:
            raise RateLimitError(
                f"the server's RateLimit-Reset asks to wait {delay:.0f}s, beyond the "
                f"{self.retry.max_retry_after:.0f}s cap: not sent ({describe(request)})",
                status_code=429,
                retry_after=delay,
            )
        if left is not None and delay >= left:
            raise APITimeoutError(
                f"a pacing wait of {delay:.1f}s would pass the call's deadline",
                method=request.method,
                url=str(request.url.copy_with(query=None)),
            )
        if delay > 0.001:
            log.info("pacing: %s waits %.3fs (client-side limit)", describe(request), delay)
        return delay

    def sending(self, request: httpx.Request, attempts: Attempts) -> float:
        if attempts.configured:
            request.extensions["timeout"] = attempts.timeouts()
        if log.isEnabledFor(logging.DEBUG):
            headers = redacted_headers(request.headers.items())
            log.debug("%s, headers %s", describe(request), headers)
        return time.perf_counter()

    def body(self, request: httpx.Request, response: httpx.Response, attempts: Attempts) -> Body:
        limit = request.extensions.get(MAX_BYTES) or self.max_bytes
        return Body(response.headers.get("content-encoding"), limit, attempts.remaining)

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

    def settle(self, request: httpx.Request, outcome: Outcome) -> httpx.Response:
        """The call's answer: the last response, or its failure as a typed error."""
        if isinstance(outcome, httpx.Response):
            return outcome
        if isinstance(outcome, TooLarge):
            url = str(request.url.copy_with(query=None))
            limit = request.extensions.get(MAX_BYTES) or self.max_bytes
            raise ResponseTooLargeError(limit, method=request.method, url=url) from None
        # A network failure, or a body that cannot be decoded (httpx.DecodingError): typed
        # either way, never a raw httpx error. Anything else is a bug and passes as it is.
        if isinstance(outcome, httpx.RequestError):
            raise to_connection_error(request, outcome) from outcome
        raise outcome


def _content(response: httpx.Response, body: Body) -> httpx.Response:
    # What httpx's own read() stores; the body is decoded already, so it is not decoded again.
    response._content = body.content()
    return response


class PolicyTransport(httpx.BaseTransport):
    def __init__(
        self,
        inner: httpx.BaseTransport,
        retry: RetryPolicy,
        pacer: Pacer | None = None,
        sleep: Callable[[float], None] = time.sleep,
        max_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        self.inner, self.stack, self._sleep = inner, Stack(retry, pacer, max_bytes), sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        stack = self.stack
        attempts = stack.start(request)
        while True:
            if (wait := stack.pace(request, attempts)) > 0:
                self._sleep(wait)
            started = stack.sending(request, attempts)
            outcome: Outcome
            try:
                outcome = self._read(request, self.inner.handle_request(request), attempts)
            except Exception as exc:
                outcome = exc
            stack.received(request, outcome, started)
            if (delay := attempts.after(outcome)) is None:
                return stack.settle(request, outcome)
            self._sleep(delay)

    def _read(
        self, request: httpx.Request, response: httpx.Response, attempts: Attempts
    ) -> httpx.Response:
        try:
            body = self.stack.body(request, response, attempts)
            if response.is_stream_consumed:  # an answer built in memory, read already
                return body.held(response)
            for raw in response.iter_raw():
                body.feed(raw)
            return _content(response, body)
        finally:
            response.close()

    def close(self) -> None:
        self.inner.close()


class AsyncPolicyTransport(httpx.AsyncBaseTransport):
    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        retry: RetryPolicy,
        pacer: Pacer | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        max_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        if sleep is None:
            import asyncio  # here, not at the top: a sync user does not pay asyncio's import

            sleep = asyncio.sleep
        self.inner, self.stack, self._sleep = inner, Stack(retry, pacer, max_bytes), sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        stack = self.stack
        attempts = stack.start(request)
        while True:
            if (wait := stack.pace(request, attempts)) > 0:
                await self._sleep(wait)
            started = stack.sending(request, attempts)
            outcome: Outcome
            try:
                response = await self.inner.handle_async_request(request)
                outcome = await self._read(request, response, attempts)
            except Exception as exc:
                outcome = exc
            stack.received(request, outcome, started)
            if (delay := attempts.after(outcome)) is None:
                return stack.settle(request, outcome)
            await self._sleep(delay)

    async def _read(
        self, request: httpx.Request, response: httpx.Response, attempts: Attempts
    ) -> httpx.Response:
        try:
            body = self.stack.body(request, response, attempts)
            if response.is_stream_consumed:
                return body.held(response)
            async for raw in response.aiter_raw():
                body.feed(raw)
            return _content(response, body)
        finally:
            await response.aclose()

    async def aclose(self) -> None:
        await self.inner.aclose()
