"""Retry policy: which failures are retried, and how long to wait. Pure; no I/O.

The transports in ``transport.py`` make a bare first attempt and, only when it failed in a
retryable way, drive the rest with tenacity (sync ``Retrying`` and async ``AsyncRetrying``
share these same callables), so both clients retry identically.
"""

from __future__ import annotations

import email.utils
import logging
import random
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

import attrs
import httpx
import tenacity

from ..errors import APIConnectionError, APITimeoutError

log = logging.getLogger("catalog_clients.retry")

# Mark a request as safe to repeat even though its method is not (Propeller's bulk-by-id
# POST is an upsert): request.extensions[IDEMPOTENT] = True.
IDEMPOTENT = "catalog_clients.idempotent"
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
_READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# The network failures worth another try; a malformed URL or proxy setup is not among them.
_RETRYABLE_EXCEPTIONS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (integer seconds or an HTTP-date)."""
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if seconds != seconds:  # NaN says nothing
        return None
    # An infinite or enormous wait (1e309, a 400-digit number) is kept as it is: beyond any
    # cap, so the call fails fast with RateLimitError(retry_after=inf) instead of retrying.
    return max(0.0, seconds)


def retry_after_of(headers: Mapping[str, str]) -> float | None:
    return parse_retry_after(headers.get("retry-after"))


@attrs.frozen
class RetryPolicy:
    """Retries with capped, jittered exponential backoff that honours Retry-After.

    Override any piece (for example ``attrs.evolve(policy, max_retries=0)``) or subclass
    ``should_retry_response`` / ``compute_delay`` to change the decisions.
    """

    max_retries: int = 3
    backoff_base: float = 0.5
    backoff_max: float = 8.0
    # A Retry-After beyond this is not slept on: the call fails fast with RateLimitError
    # carrying retry_after, instead of blocking a worker for hours.
    max_retry_after: float = 60.0
    # Overall budget per call, sleeps included, so timeout x retries cannot run away.
    deadline: float | None = 120.0
    retry_statuses: frozenset[int] = frozenset({429, 503, 504})
    # Retried only for read requests: a POST that hit a 500 may have been applied.
    read_retry_statuses: frozenset[int] = frozenset({500, 502, 520, 521, 522, 523, 524})
    jitter: Callable[[], float] = attrs.field(default=random.random, eq=False, repr=False)

    def is_idempotent(self, request: httpx.Request) -> bool:
        return request.method in _IDEMPOTENT_METHODS or bool(request.extensions.get(IDEMPOTENT))

    def should_retry_exception(self, request: httpx.Request, exc: BaseException) -> bool:
        return isinstance(exc, _RETRYABLE_EXCEPTIONS) and self.is_idempotent(request)

    def should_retry_response(self, request: httpx.Request, response: httpx.Response) -> bool:
        status = response.status_code
        if status in self.retry_statuses:
            retryable = self.is_idempotent(request)
        else:
            retryable = status in self.read_retry_statuses and request.method in _READ_METHODS
        if not retryable:
            return False
        # Any status (a 503 too, not only a 429) that asks for a wait beyond the cap is
        # answered at once: compute_delay would otherwise sleep for as long as it says.
        wait = retry_after_of(response.headers)
        return wait is None or wait <= self.max_retry_after

    def compute_delay(self, attempt: int, response: httpx.Response | None) -> float:
        """Delay before retry number ``attempt`` (1-based): jittered backoff, >= Retry-After."""
        ceiling = min(self.backoff_max, self.backoff_base * 2.0 ** (attempt - 1))
        backoff = ceiling / 2 + self.jitter() * ceiling / 2  # "equal jitter"
        wait = retry_after_of(response.headers) if response is not None else None
        return backoff if wait is None else max(wait, backoff)

    # --- tenacity wiring (shared by the sync and async transports) ------------------------

    def settle_first(
        self, request: httpx.Request, first: httpx.Response | Exception
    ) -> httpx.Response | Replay:
        """Whether the first attempt's outcome calls for the retry loop at all.

        Nearly every request succeeds at once, and setting up tenacity costs about 17 us a
        request sync and 33 us async (benchmarks/hotspots.md): the transports make the first
        attempt bare and start tenacity only when this returns a Replay. A response returned
        stands; an error that is not worth retrying is raised here.
        """
        if isinstance(first, Exception):
            if not self.should_retry_exception(request, first):
                raise first
        elif not self.should_retry_response(request, first):
            return first
        return Replay(first)

    def tenacity_kwargs(self, request: httpx.Request, started: float) -> dict[str, Any]:
        """Arguments for tenacity. ``started`` (time.monotonic()) is when the bare first
        attempt began, so that the deadline counts from the start of the call."""
        stop: tenacity.stop.stop_base = tenacity.stop_after_attempt(self.max_retries + 1)
        if self.deadline is not None:
            spent = time.monotonic() - started
            stop = stop | tenacity.stop_before_delay(max(0.0, self.deadline - spent))
        return {
            "retry": (
                tenacity.retry_if_exception(lambda e: self.should_retry_exception(request, e))
                | tenacity.retry_if_result(lambda r: self.should_retry_response(request, r))
            ),
            "wait": lambda state: self.compute_delay(state.attempt_number, _response_of(state)),
            "stop": stop,
            "before_sleep": lambda state: _before_sleep(request, state, self.max_retries),
            "retry_error_callback": lambda state: _give_up(request, state),
        }


class Replay:
    """The bare first attempt's outcome, handed to tenacity as its attempt number 1.

    tenacity then counts attempts, honours Retry-After and logs exactly as if it had made
    that attempt itself; only later attempts go to the network.
    """

    def __init__(self, outcome: httpx.Response | Exception) -> None:
        self._outcome: httpx.Response | Exception | None = outcome

    def take(self) -> httpx.Response | None:
        """The first outcome once (raising it if it was an error), then None."""
        outcome, self._outcome = self._outcome, None
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


def _response_of(state: tenacity.RetryCallState) -> httpx.Response | None:
    outcome = state.outcome
    if outcome is None or outcome.failed:
        return None
    response = outcome.result()
    return response if isinstance(response, httpx.Response) else None


def _before_sleep(request: httpx.Request, state: tenacity.RetryCallState, limit: int) -> None:
    response = _response_of(state)
    if response is not None:
        reason = f"HTTP {response.status_code}"
        wait = response.headers.get("retry-after")
        if wait is not None:
            reason += f" (Retry-After {wait})"
        # The discarded answer must not hold its connection. The transports have read and
        # closed it already; a sync close() on an async answer would raise RuntimeError.
        if not response.is_closed:
            response.close()
    else:
        exc = state.outcome.exception() if state.outcome else None
        reason = f"{type(exc).__name__}: {exc}"
    sleep = state.upcoming_sleep
    log.info(
        "retry %d/%d of %s %s in %.2fs after %s",
        state.attempt_number,
        limit,
        request.method,
        request.url.copy_with(query=None),
        sleep,
        reason,
    )


def _give_up(request: httpx.Request, state: tenacity.RetryCallState) -> Any:
    """Out of retries: hand back the last response, or raise the last error typed."""
    assert state.outcome is not None
    exc = state.outcome.exception()
    if exc is None:
        return state.outcome.result()
    raise to_connection_error(request, exc) from exc


def to_connection_error(request: httpx.Request, exc: BaseException) -> BaseException:
    """Map an httpx request failure to the hierarchy; anything else passes through.

    Besides network failures this covers httpx.DecodingError (a body whose Content-Encoding
    does not decode: the response was not received intact) and TooManyRedirects.
    """
    if not isinstance(exc, httpx.RequestError):
        return exc
    url = str(request.url.copy_with(query=None))
    cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    detail = str(exc) or type(exc).__name__
    return cls(f"{type(exc).__name__}: {detail}", method=request.method, url=url)


def monotonic() -> float:
    return time.monotonic()
