"""The rate pacer on a fake clock: Klaviyo's 350/s and 3500/min hold in every window."""

from __future__ import annotations

import asyncio
from bisect import bisect_left

import httpx
import pytest
from http_fakes import FakeClock

from catalog_clients._http import Pacer, RateLimit, shared_pacer
from catalog_clients._http.pacing import KLAVIYO_LIMITS, _registry
from catalog_clients._http.transport import AsyncPacingTransport, PacingTransport


def most_in_any_window(times: list[float], period: float) -> int:
    """The largest number of send times inside any half-open window [t, t + period)."""
    times = sorted(times)
    return max(bisect_left(times, t + period) - i for i, t in enumerate(times))


def paced_send_times(pacer: Pacer, clock: FakeClock, count: int) -> list[float]:
    """A sequential caller: reserve, sleep the answer, send."""
    sent = []
    for _ in range(count):
        clock.sleep(pacer.reserve())
        sent.append(clock.now)
    return sent


def test_klaviyo_limits_are_350_per_second_and_3500_per_minute() -> None:
    assert (RateLimit(350, 1.0), RateLimit(3500, 60.0)) == KLAVIYO_LIMITS


def test_10000_sequential_requests_never_exceed_either_limit() -> None:
    clock = FakeClock()
    sent = paced_send_times(Pacer(KLAVIYO_LIMITS, clock=clock), clock, 10_000)
    assert most_in_any_window(sent, 1.0) == 350
    assert most_in_any_window(sent, 60.0) == 3500
    # ...and it is not needlessly slow: 3500 per minute, each minute's share sent in bursts.
    elapsed = sent[-1] - sent[0]
    assert 120.0 <= elapsed < 130.0, elapsed


def test_concurrent_reservations_at_one_instant_are_spread_out_in_order() -> None:
    clock = FakeClock()
    pacer = Pacer(KLAVIYO_LIMITS, clock=clock)
    # 1000 callers (threads, tasks) reserve before any of them sends.
    slots = [clock.now + pacer.reserve() for _ in range(1000)]
    assert slots == sorted(slots)  # first come, first served
    assert most_in_any_window(slots, 1.0) == 350
    assert slots[349] == clock.now and slots[350] == clock.now + 1.0


def test_an_idle_pacer_does_not_delay() -> None:
    clock = FakeClock()
    pacer = Pacer(KLAVIYO_LIMITS, clock=clock)
    for _ in range(5):
        assert pacer.reserve() == 0.0
        clock.now += 0.5


def test_remaining_zero_holds_every_request_until_the_reset() -> None:
    clock = FakeClock()
    pacer = Pacer(KLAVIYO_LIMITS, clock=clock)
    assert pacer.reserve() == 0.0
    hold = pacer.observe(
        httpx.Headers(
            {"RateLimit-Limit": "350", "RateLimit-Remaining": "0", "RateLimit-Reset": "7"}
        )
    )
    assert hold == 7.0
    assert pacer.reserve() == 7.0
    clock.now += 7.0
    assert pacer.reserve() == 0.0


@pytest.mark.parametrize(
    "headers",
    [
        {"RateLimit-Remaining": "5", "RateLimit-Reset": "7"},  # still some left
        {"RateLimit-Remaining": "0"},  # no reset given
        {"RateLimit-Reset": "7"},
        {"RateLimit-Remaining": "zero", "RateLimit-Reset": "7"},
        {"RateLimit-Remaining": "0", "RateLimit-Reset": "soon"},
        {},
    ],
)
def test_other_ratelimit_headers_do_not_hold(headers: dict[str, str]) -> None:
    clock = FakeClock()
    pacer = Pacer(KLAVIYO_LIMITS, clock=clock)
    assert pacer.observe(httpx.Headers(headers)) == 0.0
    assert pacer.reserve() == 0.0


def test_a_list_valued_header_and_a_huge_reset_are_bounded() -> None:
    clock = FakeClock()
    pacer = Pacer(KLAVIYO_LIMITS, clock=clock)
    headers = {"RateLimit-Remaining": "0, 0;w=1", "RateLimit-Reset": "999999"}
    assert pacer.observe(httpx.Headers(headers)) == 3600.0


def test_shared_pacer_is_one_per_credential_and_limit_set() -> None:
    one = shared_pacer("pk_shared_identity_test", KLAVIYO_LIMITS)
    assert shared_pacer("pk_shared_identity_test", list(KLAVIYO_LIMITS)) is one
    assert shared_pacer("pk_another_identity_test", KLAVIYO_LIMITS) is not one
    assert shared_pacer("pk_shared_identity_test", (RateLimit(35, 1.0),)) is not one
    # The registry is keyed by a digest: no key is kept in clear.
    assert not any("pk_shared_identity_test" in key[0] for key in _registry)


def ok_with(headers: dict[str, str]) -> httpx.MockTransport:
    """Answers 200 with whatever ``headers`` holds at the time of the request."""
    return httpx.MockTransport(lambda request: httpx.Response(200, headers=dict(headers)))


def test_pacing_transport_sleeps_what_the_pacer_says() -> None:
    clock = FakeClock()
    pacer = Pacer((RateLimit(2, 1.0),), clock=clock)
    server_headers: dict[str, str] = {}
    transport = PacingTransport(ok_with(server_headers), pacer, sleep=clock.sleep)
    with httpx.Client(transport=transport, base_url="https://x.test") as client:
        for _ in range(5):
            client.get("/")
        assert clock.slept == [1.0, 1.0]  # 2 per second: requests 3 and 5 wait
        server_headers.update({"RateLimit-Remaining": "0", "RateLimit-Reset": "30"})
        client.get("/")  # the server says: nothing left for 30 s
        client.get("/")
    assert clock.slept == [1.0, 1.0, 30.0]


def test_async_pacing_transport_shares_the_pacer_with_a_sync_one() -> None:
    clock = FakeClock()
    pacer = Pacer((RateLimit(1, 1.0),), clock=clock)
    sync = PacingTransport(ok_with({}), pacer, sleep=clock.sleep)

    async def fake_sleep(seconds: float) -> None:
        clock.sleep(seconds)

    async def one_async_request() -> None:
        transport = AsyncPacingTransport(ok_with({}), pacer, sleep=fake_sleep)
        async with httpx.AsyncClient(transport=transport, base_url="https://x.test") as client:
            await client.get("/")

    with httpx.Client(transport=sync, base_url="https://x.test") as client:
        client.get("/")
    asyncio.run(one_async_request())
    assert clock.slept == [1.0]  # the async request waited for the sync one's budget
