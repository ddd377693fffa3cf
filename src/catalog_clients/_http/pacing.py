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


# A request's own pacer (an operation with limits of its own): request.extensions[PACER].
PACER = "catalog_clients.pacer"

# Head room for what happens between the reserved send time and the server's clock: sleep
# overshoot, a thread waiting for the GIL, the trip over the network. Each window is kept 4%
# longer than its period (40 ms of a 1 s window): a request that arrives up to that late cannot
# share a server window with the one ``count`` sends later. Why not less: at 35 per second, 3%
# spaces 35 sends over just 0.6 ms more than a second, so a little jitter still fills a fixed
# window, and the server's "Remaining: 0" with its whole-second Reset then holds the pacer for
# up to a second (benchmark 5 lost it with less). Costs 4% of the allowed rate.
DEFAULT_MARGIN = 0.04


class Pacer:
    """Sliding-window log over several limits, with even spacing within the shortest one.

    Guarantee (in the pacer's clock): for every limit, no interval of ``period x (1 + margin)``
    holds more than ``count`` send times, so no interval of ``period`` does either, and neither
    does any fixed server window, even when a request arrives up to ``period x margin`` late.

    Sends are also spaced by the shortest limit's ``period x (1 + margin) / count``: a burst of
    ``count`` requests at one instant leaves the client one by one over tens of milliseconds
    (threads contend for the GIL, responses are parsed), and that spread, not the clock, is what
    pushed a request into the next server window alongside the next burst (benchmark 5). Evenly
    spaced, each request leaves on time. Longer limits are not spaced, so a short run still goes
    at the shortest limit's full rate.
    """

    def __init__(
        self,
        limits: Sequence[RateLimit],
        clock: Callable[[], float] = time.monotonic,
        margin: float = DEFAULT_MARGIN,
    ) -> None:
        if not 0.0 <= margin < 1.0:
            raise ValueError(f"margin must be from 0 to 1, got {margin!r}")
        self.limits = tuple(limits)
        self.margin = margin
        self._windows = tuple(limit.period * (1.0 + margin) for limit in self.limits)
        shortest = min(self.limits, key=lambda limit: limit.period, default=None)
        self._spacing = (
            0.0 if shortest is None else shortest.period * (1.0 + margin) / shortest.count
        )
        self._clock = clock
        self._lock = threading.Lock()  # held for microseconds, never across a sleep
        self._sent: list[deque[float]] = [deque() for _ in self.limits]
        self._last = float("-inf")
        self._blocked_until = float("-inf")

    def reserve(self, max_wait: float = float("inf")) -> float:
        """Book the next send slot; return how many seconds to wait before sending.

        A wait beyond ``max_wait`` is returned without booking anything: the caller will not
        send (it fails fast), so the slot stays free for the requests that do.
        """
        with self._lock:
            now = self._clock()
            # FIFO: never schedule before an earlier reservation.
            at = max(now, self._last + self._spacing, self._blocked_until)
            for limit, window, sent in zip(self.limits, self._windows, self._sent, strict=True):
                if len(sent) >= limit.count:
                    at = max(at, sent[-limit.count] + window)
            if at - now > max_wait:
                return at - now
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
        if not hold > 0.0:  # NaN fails this too
            return 0.0
        # Kept however long (inf included): a later request whose wait is beyond the retry
        # policy's cap fails fast with RateLimitError instead of sleeping through it, and
        # one beyond the call's deadline fails with APITimeoutError.
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
