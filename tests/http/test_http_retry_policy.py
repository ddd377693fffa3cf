"""RetryPolicy decisions and delays: pure functions, no I/O, no clock."""

from __future__ import annotations

import email.utils
from datetime import UTC, datetime, timedelta

import attrs
import httpx
import pytest

from catalog_clients import errors
from catalog_clients._http import RetryPolicy, parse_retry_after
from catalog_clients._http.headers import retry_after_of
from catalog_clients._http.retry import IDEMPOTENT

POLICY = RetryPolicy(jitter=lambda: 0.5)
URL = "https://a.klaviyo.com/api/catalog-category-bulk-update-jobs/"


def request(method: str = "GET", *, idempotent: bool = False) -> httpx.Request:
    extensions = {IDEMPOTENT: True} if idempotent else {}
    return httpx.Request(method, URL, extensions=extensions)


def response(status: int, retry_after: str | None = None) -> httpx.Response:
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    return httpx.Response(status, headers=headers)


@pytest.mark.parametrize(
    ("method", "status", "retried"),
    [
        ("GET", 429, True),
        ("GET", 503, True),
        ("GET", 504, True),
        ("GET", 500, True),  # 500/502 only for reads
        ("GET", 502, True),
        ("GET", 520, True),  # Cloudflare's non-IANA "unknown error"
        ("GET", 400, False),
        ("GET", 401, False),
        ("GET", 404, False),
        ("GET", 501, False),
        ("GET", 200, False),
        ("PUT", 503, True),
        ("DELETE", 429, True),
        ("PUT", 500, False),  # a write may have been applied before the 500
        ("POST", 429, False),
        ("POST", 503, False),
        ("POST", 500, False),
    ],
)
def test_which_statuses_are_retried_per_method(method: str, status: int, retried: bool) -> None:
    assert POLICY.should_retry_response(request(method), response(status)) is retried


def test_a_post_marked_idempotent_is_retried_on_429_503_504_but_not_on_500() -> None:
    upsert = request("POST", idempotent=True)
    assert POLICY.is_idempotent(upsert)
    assert [POLICY.should_retry_response(upsert, response(s)) for s in (429, 503, 504, 500)] == [
        True,
        True,
        True,
        False,
    ]


@pytest.mark.parametrize(
    ("exc", "method", "retried"),
    [
        (httpx.ConnectError("refused"), "GET", True),
        (httpx.ReadTimeout("slow"), "GET", True),
        (httpx.ConnectTimeout("slow"), "GET", True),
        (httpx.RemoteProtocolError("peer closed connection"), "GET", True),
        (httpx.ReadError("reset"), "GET", True),
        (httpx.ConnectError("refused"), "POST", False),
        (httpx.UnsupportedProtocol("ftp"), "GET", False),
        (httpx.ProxyError("bad proxy"), "GET", False),
        (ValueError("not a network error"), "GET", False),
    ],
)
def test_which_exceptions_are_retried(exc: Exception, method: str, retried: bool) -> None:
    assert POLICY.should_retry_exception(request(method), exc) is retried


def test_an_idempotent_post_is_retried_after_a_connection_error() -> None:
    assert POLICY.should_retry_exception(request("POST", idempotent=True), httpx.ConnectError("x"))


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("120", 120.0),
        (" 7 ", 7.0),
        ("1.5", 1.5),
        ("0", 0.0),
        ("-3", 0.0),  # never a negative wait
        (None, None),
        ("", None),
        ("soon", None),
        ("nan", None),
        ("inf", float("inf")),
        ("1e309", float("inf")),
        ("1" + "0" * 400, float("inf")),
        ("-inf", 0.0),
    ],
)
def test_retry_after_seconds(value: str | None, seconds: float | None) -> None:
    assert parse_retry_after(value) == seconds


@pytest.mark.parametrize("value", ["inf", "1e309", "9" * 400])
def test_an_endless_retry_after_fails_fast_with_it_set(value: str) -> None:
    get = request()
    throttled = response(429, value)
    assert not POLICY.should_retry_response(get, throttled)
    error = errors.status_error(429, "throttled", retry_after=retry_after_of(throttled.headers))
    assert isinstance(error, errors.RateLimitError) and error.retry_after == float("inf")


def test_retry_after_http_date_is_measured_from_now() -> None:
    now = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    later = email.utils.format_datetime(now + timedelta(seconds=90), usegmt=True)
    earlier = email.utils.format_datetime(now - timedelta(seconds=90), usegmt=True)
    assert later.endswith("GMT")
    assert parse_retry_after(later, now=now) == 90.0
    assert parse_retry_after(earlier, now=now) == 0.0


def test_a_retry_after_beyond_the_cap_is_not_waited_for() -> None:
    policy = RetryPolicy(max_retry_after=60.0)
    get = request()
    assert policy.should_retry_response(get, response(429, "60"))
    assert not policy.should_retry_response(get, response(429, "61"))
    assert not policy.should_retry_response(get, response(429, "86400"))
    # Any retryable status, not only 429: a 503 asking for an hour is answered at once.
    assert not policy.should_retry_response(get, response(503, "3600"))
    assert policy.should_retry_response(get, response(503, "2"))


def test_the_cap_is_configurable() -> None:
    patient = attrs.evolve(POLICY, max_retry_after=100_000.0)
    assert patient.should_retry_response(request(), response(429, "86400"))


@pytest.mark.parametrize("jitter", [0.0, 0.25, 1.0])
@pytest.mark.parametrize("attempt", range(1, 12))
def test_backoff_is_jittered_exponential_and_capped(jitter: float, attempt: int) -> None:
    policy = RetryPolicy(backoff_base=0.5, backoff_max=8.0, jitter=lambda: jitter)
    ceiling = min(8.0, 0.5 * 2 ** (attempt - 1))
    delay = policy.compute_delay(attempt, None)
    assert ceiling / 2 <= delay <= ceiling
    assert delay == pytest.approx(ceiling / 2 + jitter * ceiling / 2)


def test_backoff_grows_then_stays_at_the_cap() -> None:
    policy = RetryPolicy(backoff_base=0.5, backoff_max=8.0, jitter=lambda: 1.0)
    assert [policy.compute_delay(n, None) for n in range(1, 8)] == [
        0.5,
        1.0,
        2.0,
        4.0,
        8.0,
        8.0,
        8.0,
    ]


def test_the_delay_is_never_shorter_than_retry_after() -> None:
    policy = RetryPolicy(jitter=lambda: 0.0)
    assert policy.compute_delay(1, response(429, "5")) == 5.0
    # A Retry-After shorter than the backoff does not shorten the backoff.
    assert policy.compute_delay(6, response(503, "0")) == 4.0


def test_a_subclass_can_swap_one_piece() -> None:
    class NoWait(RetryPolicy):
        def compute_delay(self, attempt: int, response: httpx.Response | None) -> float:
            return 0.0

    policy = NoWait(max_retries=5)
    assert policy.compute_delay(3, response(429, "30")) == 0.0
    assert policy.should_retry_response(request(), response(503))
    assert policy.max_retries == 5
