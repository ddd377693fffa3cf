"""The rate pacer on a fake clock: each limit holds in every window, also with arrival jitter."""

from __future__ import annotations

import asyncio
import itertools
from bisect import bisect_left
from collections import Counter
from typing import Any

import httpx
import pytest
from http_fakes import FakeClock, Script
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog_clients._http import Pacer, RateLimit, RetryPolicy, shared_pacer
from catalog_clients._http.pacing import DEFAULT_MARGIN, _registry
from catalog_clients._http.transport import AsyncPolicyTransport, PolicyTransport
from catalog_clients.errors import APITimeoutError, RateLimitError
from catalog_clients.klaviyo._client import DEFAULT_RATE_LIMITS as KLAVIYO_LIMITS


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
    stretch = 1.0 + DEFAULT_MARGIN
    assert most_in_any_window(sent, 1.0 * stretch) <= 350
    assert most_in_any_window(sent, 60.0 * stretch) == 3500
    # ...and it is not needlessly slow: two full minutes (each stretched by the margin), then
    # the rest at the evenly spaced burst rate.
    elapsed = sent[-1] - sent[0]
    assert elapsed == pytest.approx(2 * 60.0 * stretch + 2999 * stretch / 350)


def test_concurrent_reservations_at_one_instant_are_spread_out_in_order() -> None:
    clock = FakeClock()
    pacer = Pacer(KLAVIYO_LIMITS, clock=clock)
    # 1000 callers (threads, tasks) reserve before any of them sends.
    slots = [clock.now + pacer.reserve() for _ in range(1000)]
    assert slots == sorted(slots)  # first come, first served
    assert most_in_any_window(slots, 1.0 * (1.0 + DEFAULT_MARGIN)) <= 350
    gaps = {round(b - a, 9) for a, b in itertools.pairwise(slots)}
    assert gaps == {round((1.0 + DEFAULT_MARGIN) / 350, 9)}  # evenly spaced, not one burst


def test_an_idle_pacer_does_not_delay() -> None:
    clock = FakeClock()
    pacer = Pacer(KLAVIYO_LIMITS, clock=clock)
    for _ in range(5):
        assert pacer.reserve() == 0.0
        clock.now += 0.5


def most_in_a_fixed_window(times: list[float], period: float, offset: float) -> int:
    """The fullest of the server's fixed windows [offset + k * period, ... + period)."""
    return max(Counter(int((t - offset) // period) for t in times).values())


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.floats(0.0, 0.5), st.integers(1, 12)), min_size=1, max_size=40),
    st.lists(st.floats(0.0, 1.0), min_size=8, max_size=8),
    st.floats(0.0, 1.0),
)
def test_no_server_window_overflows_whatever_the_arrival_pattern_and_jitter(
    bursts: list[tuple[float, int]], jitter: list[float], offset: float
) -> None:
    """Callers arrive in bursts at random gaps; each request then reaches the server late by
    up to the margin's share of the period; the server's fixed windows start anywhere."""
    limits = (RateLimit(35, 1.0), RateLimit(350, 10.0))
    clock = FakeClock()
    pacer = Pacer(limits, clock=clock)
    slots: list[float] = []
    for gap, callers in bursts:
        clock.now += gap
        slots += [clock.now + pacer.reserve() for _ in range(callers)]
    for limit in limits:
        assert most_in_any_window(slots, limit.period * (1.0 + DEFAULT_MARGIN)) <= limit.count
        late = [
            t + jitter[i % len(jitter)] * limit.period * DEFAULT_MARGIN for i, t in enumerate(slots)
        ]
        assert most_in_a_fixed_window(late, limit.period, offset * limit.period) <= limit.count


def test_a_saturated_pacer_keeps_at_least_95_percent_of_the_allowed_rate() -> None:
    clock = FakeClock()
    pacer = Pacer((RateLimit(35, 1.0), RateLimit(350, 10.0)), clock=clock)
    sent = paced_send_times(pacer, clock, 35 * 600)  # ten minutes' worth
    rate = (len(sent) - 1) / (sent[-1] - sent[0])
    assert rate == pytest.approx(35 / (1.0 + DEFAULT_MARGIN))
    assert rate >= 0.95 * 35


def test_margin_zero_is_the_bare_limit_and_a_bad_margin_is_refused() -> None:
    clock = FakeClock()
    sent = paced_send_times(Pacer((RateLimit(4, 1.0),), clock=clock, margin=0.0), clock, 9)
    assert [t - sent[0] for t in sent] == [0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0]
    with pytest.raises(ValueError, match="margin"):
        Pacer((RateLimit(4, 1.0),), margin=1.0)


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
    clock.now += 60.0
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
    assert pacer.reserve() == 0.0  # the first request: no spacing to keep yet


def test_a_list_valued_header_is_read_and_a_reset_within_the_cap_held() -> None:
    clock = FakeClock()
    pacer = Pacer(KLAVIYO_LIMITS, clock=clock)
    headers = {"RateLimit-Remaining": "0, 0;w=1", "RateLimit-Reset": "60, 60;w=60"}
    assert pacer.observe(httpx.Headers(headers)) == 60.0


@pytest.mark.parametrize("reset", ["nan", "-5", "0"])
def test_a_reset_that_says_nothing_holds_nothing(reset: str) -> None:
    clock = FakeClock()
    pacer = Pacer(KLAVIYO_LIMITS, clock=clock)
    headers = {"RateLimit-Remaining": "0", "RateLimit-Reset": reset}
    assert pacer.observe(httpx.Headers(headers)) == 0.0
    assert pacer.reserve() == 0.0


@pytest.mark.parametrize("reset", ["61", "999999", "1e12", "inf"])
def test_a_reset_beyond_the_cap_is_kept_but_never_booked(reset: str) -> None:
    clock = FakeClock()
    pacer = Pacer(KLAVIYO_LIMITS, clock=clock)
    headers = {"RateLimit-Remaining": "0", "RateLimit-Reset": reset}
    assert pacer.observe(httpx.Headers(headers)) == float(reset)
    # Asked with a cap, the pacer says how long and books nothing: the caller fails fast.
    assert pacer.reserve(max_wait=60.0) == pytest.approx(float(reset))
    assert pacer.reserve(max_wait=60.0) == pytest.approx(float(reset))


@pytest.mark.parametrize("reset", ["61", "1e12", "inf"])
@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_reset_beyond_the_cap_fails_the_next_call_fast_without_sending(
    reset: str, kind: str
) -> None:
    clock = FakeClock()
    pacer = Pacer(KLAVIYO_LIMITS, clock=clock)
    server_headers = {"RateLimit-Remaining": "0", "RateLimit-Reset": reset}
    script = Script(lambda: httpx.Response(200, headers=server_headers, json={}))
    policy = RetryPolicy(max_retry_after=60.0)
    if kind == "sync":
        transport: Any = PolicyTransport(
            httpx.MockTransport(script), policy, pacer, sleep=clock.sleep
        )
        with httpx.Client(transport=transport, base_url="https://x.test") as client:
            assert client.get("/").status_code == 200
            with pytest.raises(RateLimitError) as caught:
                client.get("/")
    else:

        async def fake_sleep(seconds: float) -> None:
            clock.sleep(seconds)

        async def run() -> Any:
            inner = httpx.MockTransport(script)
            transport = AsyncPolicyTransport(inner, policy, pacer, sleep=fake_sleep)
            async with httpx.AsyncClient(transport=transport, base_url="https://x.test") as c:
                assert (await c.get("/")).status_code == 200
                with pytest.raises(RateLimitError) as caught:
                    await c.get("/")
            return caught

        caught = asyncio.run(run())
    assert caught.value.retry_after == pytest.approx(float(reset))
    assert "beyond the 60s cap" in str(caught.value)
    assert script.attempts == 1 and clock.slept == []


def test_a_pacing_wait_past_the_deadline_is_not_made() -> None:
    clock = FakeClock()
    pacer = Pacer((RateLimit(1, 30.0),), clock=clock, margin=0.0)
    script = Script(200)
    policy = RetryPolicy(deadline=10.0)
    transport = PolicyTransport(httpx.MockTransport(script), policy, pacer, sleep=clock.sleep)
    with httpx.Client(transport=transport, base_url="https://x.test") as client:
        client.get("/")
        with pytest.raises(APITimeoutError, match=r"pacing wait of 30\.0s would pass"):
            client.get("/")  # the next slot is 30 s away, the call has 10 s
    assert script.attempts == 1 and clock.slept == []


def test_shared_pacer_is_one_per_credential_and_limit_set() -> None:
    one = shared_pacer("pk_shared_identity_test", KLAVIYO_LIMITS)
    assert shared_pacer("pk_shared_identity_test", list(KLAVIYO_LIMITS)) is one
    assert shared_pacer("pk_another_identity_test", KLAVIYO_LIMITS) is not one
    assert shared_pacer("pk_shared_identity_test", (RateLimit(35, 1.0),)) is not one
    # The registry is keyed by a digest: no key is kept in clear.
    assert not any("pk_shared_identity_test" in key[0] for key in _registry)


NO_RETRY = RetryPolicy(max_retries=0)


def ok_with(headers: dict[str, str]) -> httpx.MockTransport:
    """Answers 200 with whatever ``headers`` holds at the time of the request."""
    return httpx.MockTransport(lambda request: httpx.Response(200, headers=dict(headers)))


def test_pacing_transport_sleeps_what_the_pacer_says() -> None:
    clock = FakeClock()
    pacer = Pacer((RateLimit(2, 1.0),), clock=clock, margin=0.0)
    server_headers: dict[str, str] = {}
    transport = PolicyTransport(ok_with(server_headers), NO_RETRY, pacer, sleep=clock.sleep)
    with httpx.Client(transport=transport, base_url="https://x.test") as client:
        for _ in range(5):
            client.get("/")
        assert clock.slept == [0.5, 0.5, 0.5, 0.5]  # 2 per second, evenly spaced
        server_headers.update({"RateLimit-Remaining": "0", "RateLimit-Reset": "30"})
        client.get("/")  # the server says: nothing left for 30 s
        client.get("/")
    assert clock.slept == [0.5, 0.5, 0.5, 0.5, 0.5, 30.0]


def test_async_pacing_transport_shares_the_pacer_with_a_sync_one() -> None:
    clock = FakeClock()
    pacer = Pacer((RateLimit(1, 1.0),), clock=clock, margin=0.0)
    sync = PolicyTransport(ok_with({}), NO_RETRY, pacer, sleep=clock.sleep)

    async def fake_sleep(seconds: float) -> None:
        clock.sleep(seconds)

    async def one_async_request() -> None:
        transport = AsyncPolicyTransport(ok_with({}), NO_RETRY, pacer, sleep=fake_sleep)
        async with httpx.AsyncClient(transport=transport, base_url="https://x.test") as client:
            await client.get("/")

    with httpx.Client(transport=sync, base_url="https://x.test") as client:
        client.get("/")
    asyncio.run(one_async_request())
    assert clock.slept == [1.0]  # the async request waited for the sync one's budget
