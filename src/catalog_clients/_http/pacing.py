"""Client-side rate pacing: never send more than the published limits. Pure timing math.

A ``Pacer`` answers "how long must this request wait?" and records the reservation. The
sync and async transports then sleep that long in their own way, so one Pacer (one per API
key and limit set, via ``shared_pacer``) paces threads and event loops of a process alike.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence

import attrs


@attrs.frozen
class RateLimit:
    """At most ``count`` requests in any window of ``period`` seconds."""

    count: int
    period: float


# Klaviyo's published XL tier for this endpoint: burst 350/s, steady 3500/min.
KLAVIYO_LIMITS = (RateLimit(350, 1.0), RateLimit(3500, 60.0))


class Pacer:
    """Sliding-window log over several limits.

    Keeping the send times of the last ``count`` requests per limit guarantees the limit in
    *every* window, which also satisfies a server that counts in fixed windows.
    """

    def __init__(
        self, limits: Sequence[RateLimit], clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limits = tuple(limits)
        self._clock = clock
        self._lock = threading.Lock()  # held for microseconds, never across a sleep
        self._sent: list[deque[float]] = [deque() for _ in self.limits]
        self._last = float("-inf")
        self._blocked_until = float("-inf")

    def reserve(self) -> float:
        """Book the next send slot; return how many seconds to wait before sending."""
        with self._lock:
            now = self._clock()
            # FIFO: never schedule before an earlier reservation.
            at = max(now, self._last, self._blocked_until)
            for limit, sent in zip(self.limits, self._sent, strict=True):
                if len(sent) >= limit.count:
                    at = max(at, sent[-limit.count] + limit.period)
            for limit, sent in zip(self.limits, self._sent, strict=True):
                sent.append(at)
                if len(sent) > limit.count:
                    sent.popleft()
            self._last = at
            return at - now

    def observe(self, headers: Mapping[str, str]) -> float:
        """Honour the server's RateLimit-* headers: at Remaining 0, hold until Reset.

        Returns the hold in seconds (0 when there is none).
        """
        remaining, reset = headers.get("ratelimit-remaining"), headers.get("ratelimit-reset")
        if remaining is None or reset is None:
            return 0.0
        try:
            if int(remaining.split(",")[0].strip()) > 0:
                return 0.0
            hold = float(reset.split(",")[0].strip())
        except ValueError:
            return 0.0
        hold = min(max(hold, 0.0), 3600.0)
        with self._lock:
            self._blocked_until = max(self._blocked_until, self._clock() + hold)
        return hold


_registry: dict[tuple[str, tuple[RateLimit, ...]], Pacer] = {}
_registry_lock = threading.Lock()


def shared_pacer(identity: str, limits: Sequence[RateLimit]) -> Pacer:
    """The process-wide Pacer for one credential, so every client using it shares the budget.

    ``identity`` is hashed: the registry never holds a key in clear.
    """
    digest = hashlib.sha256(identity.encode()).hexdigest()
    key = (digest, tuple(limits))
    with _registry_lock:
        pacer = _registry.get(key)
        if pacer is None:
            pacer = _registry[key] = Pacer(limits)
        return pacer
