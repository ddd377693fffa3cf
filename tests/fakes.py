"""What every level of the tests shares: the retry policy that decides for real but never
waits. (Each level has one kind of fake of its own: ``http_fakes.Script`` for the transport,
``FakeKlaviyo``/``FakePropeller`` for the clients, the sandbox for the contract tier.)"""

from __future__ import annotations

import httpx

from catalog_clients._http import RetryPolicy


class NoWait(RetryPolicy):
    """The real retry decisions without the waits (Retry-After included), for fast tests."""

    def compute_delay(self, attempt: int, response: httpx.Response | None) -> float:
        return 0.0


NO_WAIT = NoWait(max_retries=3)
