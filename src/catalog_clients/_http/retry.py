"""Retry policy: which failures are retried, and how long to wait. Pure; no I/O.

``RetryPolicy`` holds the decisions; ``Attempts`` applies them to one call, attempt by
attempt, and says whether to try again and after how long. The sync and async transports
drive the same ``Attempts``, so both clients retry identically.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable

import attrs
import httpx

from .headers import retry_after_of

log = logging.getLogger("catalog_clients.retry")

# Mark a request as safe to repeat even though its method is not (Propeller's bulk-by-id
# POST is an upsert): request.extensions[IDEMPOTENT] = True.
IDEMPOTENT = "catalog_clients.idempotent"
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
_READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# The network failures worth another try; a malformed URL or proxy setup is not among them.
_RETRYABLE_EXCEPTIONS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)

Outcome = httpx.Response | Exception


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


class Attempts:
    """The retry loop of one call, without the I/O: the transports send, then ask ``after``.

    The deadline counts from the call's start, sleeps and slow attempts included: a retry
    whose sleep would end past it is not made.
    """

    def __init__(
        self,
        policy: RetryPolicy,
        request: httpx.Request,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.policy, self.request, self._clock = policy, request, clock
        self.started = clock()
        self.made = 0
        # The request's own httpx timeouts, before any attempt cut them to the deadline.
        self.configured: dict[str, float | None] = dict(request.extensions.get("timeout") or {})

    def remaining(self) -> float | None:
        """Seconds left of the call's deadline (None: no deadline)."""
        deadline = self.policy.deadline
        return None if deadline is None else deadline - (self._clock() - self.started)

    def timeouts(self) -> dict[str, float | None]:
        """The httpx timeouts of the next attempt: each cut to what is left of the deadline,
        so no connect, read or write can outlast the call."""
        left = self.remaining()
        if left is None:
            return self.configured
        left = max(left, 0.001)
        return {k: left if v is None else min(v, left) for k, v in self.configured.items()}

    def after(self, outcome: Outcome) -> float | None:
        """The sleep before the next attempt, or None when ``outcome`` is the call's end."""
        self.made += 1
        policy, request = self.policy, self.request
        if isinstance(outcome, httpx.Response):
            retry = policy.should_retry_response(request, outcome)
        else:
            retry = policy.should_retry_exception(request, outcome)
        if not retry or self.made > policy.max_retries:
            return None
        response = outcome if isinstance(outcome, httpx.Response) else None
        delay = policy.compute_delay(self.made, response)
        left = self.remaining()
        if left is not None and delay >= left:
            return None
        log.info(
            "retry %d/%d of %s %s in %.2fs after %s",
            self.made,
            policy.max_retries,
            request.method,
            request.url.copy_with(query=None),
            delay,
            _reason(outcome),
        )
        return delay


def _reason(outcome: Outcome) -> str:
    if isinstance(outcome, Exception):
        return f"{type(outcome).__name__}: {outcome}"
    reason = f"HTTP {outcome.status_code}"
    wait = outcome.headers.get("retry-after")
    return reason if wait is None else f"{reason} (Retry-After {wait})"
