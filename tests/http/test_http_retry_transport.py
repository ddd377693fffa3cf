"""PolicyTransport and AsyncPolicyTransport over scripted MockTransports; nothing really sleeps.

Every test runs once per shell (sync, async): both drive the same pure retry loop
(``retry.Attempts``), so they must behave the same.
"""

from __future__ import annotations

import logging
import time

import attrs
import httpx
import pytest
from http_fakes import POLICY, Script, cut_response, send

from catalog_clients._http import RetryPolicy
from catalog_clients.errors import APIConnectionError, APITimeoutError

pytestmark = pytest.mark.parametrize("kind", ["sync", "async"])


def test_a_success_is_returned_after_one_attempt(kind: str) -> None:
    script = Script(lambda: httpx.Response(200, json={"ok": True}))
    sleeps: list[float] = []
    response = send(kind, script, sleeps=sleeps)
    assert (response.status_code, response.json()) == (200, {"ok": True})
    assert script.attempts == 1 and sleeps == []


def test_503s_are_retried_with_backoff_until_a_success(kind: str) -> None:
    script = Script(503, 503, lambda: httpx.Response(200, json={"n": 3}))
    sleeps: list[float] = []
    response = send(kind, script, sleeps=sleeps)
    assert response.json() == {"n": 3}
    assert script.attempts == 3
    # jitter 0: half of base * 2**(n-1), for n = 1, 2
    assert sleeps == [0.25, 0.5]


def test_429_then_200_recovers_after_retry_after(kind: str) -> None:
    script = Script(
        lambda: httpx.Response(429, headers={"Retry-After": "2"}, json={"errors": []}),
        lambda: httpx.Response(200, json={"data": []}),
    )
    sleeps: list[float] = []
    response = send(kind, script, sleeps=sleeps)
    assert response.status_code == 200
    assert script.attempts == 2
    assert sleeps == [2.0]  # Retry-After, longer than the 0.25 s backoff


def test_a_too_long_retry_after_returns_the_429_at_once(kind: str) -> None:
    script = Script(lambda: httpx.Response(429, headers={"Retry-After": "86400"}, json={}))
    sleeps: list[float] = []
    response = send(kind, script, sleeps=sleeps)
    assert response.status_code == 429
    assert response.headers["retry-after"] == "86400"
    assert script.attempts == 1 and sleeps == []


def test_exhausted_retries_return_the_last_response(kind: str) -> None:
    script = Script(503)
    sleeps: list[float] = []
    response = send(kind, script, sleeps=sleeps)
    assert response.status_code == 503
    assert script.attempts == POLICY.max_retries + 1 == 4
    assert sleeps == [0.25, 0.5, 1.0]


def test_max_retries_zero_means_one_attempt(kind: str) -> None:
    script = Script(503)
    response = send(kind, script, attrs.evolve(POLICY, max_retries=0))
    assert response.status_code == 503 and script.attempts == 1


def test_a_post_is_not_retried_on_503(kind: str) -> None:
    script = Script(503, 200)
    response = send(kind, script, method="POST", json={"a": 1})
    assert response.status_code == 503 and script.attempts == 1


def test_a_body_cut_mid_transfer_is_retried_and_recovers(kind: str) -> None:
    script = Script(cut_response, lambda: httpx.Response(200, json={"data": [1]}))
    response = send(kind, script)
    assert response.json() == {"data": [1]}
    assert script.attempts == 2


def test_a_body_cut_every_time_ends_as_a_connection_error(kind: str) -> None:
    script = Script(cut_response)
    with pytest.raises(APIConnectionError) as caught:
        send(kind, script)
    assert not isinstance(caught.value, APITimeoutError)
    assert "RemoteProtocolError" in str(caught.value)
    assert caught.value.method == "GET" and caught.value.url == "https://api.example.test/items"
    assert script.attempts == 4


def test_timeouts_end_as_api_timeout_error(kind: str) -> None:
    script = Script(httpx.ReadTimeout("timed out"))
    sleeps: list[float] = []
    with pytest.raises(APITimeoutError, match="ReadTimeout"):
        send(kind, script, sleeps=sleeps)
    assert script.attempts == 4 and len(sleeps) == 3


def test_connection_refused_is_retried_then_raised_typed(kind: str) -> None:
    script = Script(httpx.ConnectError("[Errno 111] Connection refused"))
    with pytest.raises(APIConnectionError, match="Connection refused"):
        send(kind, script)
    assert script.attempts == 4


def test_a_connection_error_on_a_post_is_raised_typed_without_retry(kind: str) -> None:
    script = Script(httpx.ConnectError("refused"))
    with pytest.raises(APIConnectionError):
        send(kind, script, method="POST", content=b"{}")
    assert script.attempts == 1


def test_an_undecodable_body_is_a_typed_error_not_an_httpx_one(kind: str) -> None:
    script = Script(
        lambda: httpx.Response(200, headers={"content-encoding": "gzip"}, content=b"not gzip")
    )
    with pytest.raises(APIConnectionError, match="DecodingError"):
        send(kind, script)
    assert script.attempts == 1


def test_the_deadline_stops_retries_before_a_sleep_that_would_pass_it(kind: str) -> None:
    # The first backoff (0.5 s at least) would already pass the 0.05 s budget.
    policy = RetryPolicy(max_retries=5, backoff_base=1.0, deadline=0.05, jitter=lambda: 0.0)
    script = Script(503)
    sleeps: list[float] = []
    response = send(kind, script, policy, sleeps=sleeps)
    assert response.status_code == 503
    assert script.attempts == 1 and sleeps == []


def test_the_deadline_counts_the_time_spent_in_the_attempts(kind: str) -> None:
    # Budget 0.3 s, backoff 0.25 s: the sleep alone would fit, but after the first attempt's
    # 0.2 s it would end at 0.45 s, past the budget.
    policy = RetryPolicy(max_retries=5, backoff_base=0.5, deadline=0.3, jitter=lambda: 0.0)

    def slow_503() -> httpx.Response:
        time.sleep(0.2)
        return httpx.Response(503, json={})

    script = Script(slow_503, 200)
    sleeps: list[float] = []
    response = send(kind, script, policy, sleeps=sleeps)
    assert response.status_code == 503
    assert script.attempts == 1 and sleeps == []


def test_one_retry_after_one_failure(kind: str) -> None:
    script = Script(503, 200)
    sleeps: list[float] = []
    response = send(kind, script, sleeps=sleeps)
    assert response.status_code == 200
    # Two requests on the wire: the first and one retry, after the backoff of retry 1.
    assert script.attempts == 2 and sleeps == [0.25]


def test_the_deadline_also_stops_after_repeated_connection_errors(kind: str) -> None:
    policy = RetryPolicy(max_retries=5, backoff_base=1.0, deadline=0.05, jitter=lambda: 0.0)
    script = Script(httpx.ConnectError("refused"))
    with pytest.raises(APIConnectionError):
        send(kind, script, policy)
    assert script.attempts == 1


def test_each_retry_is_logged_at_info_with_attempt_and_reason(
    kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    script = Script(
        lambda: httpx.Response(429, headers={"Retry-After": "1"}, json={}),
        httpx.ConnectError("refused"),
        200,
    )
    with caplog.at_level(logging.INFO, logger="catalog_clients"):
        send(kind, script, params={"page[cursor]": "abc"})
    retries = [r for r in caplog.records if r.name == "catalog_clients.retry"]
    assert [r.levelno for r in retries] == [logging.INFO, logging.INFO]
    assert retries[0].getMessage().startswith("retry 1/3 of GET https://api.example.test/items")
    assert "HTTP 429 (Retry-After 1)" in retries[0].getMessage()
    assert "retry 2/3" in retries[1].getMessage()
    assert "ConnectError: refused" in retries[1].getMessage()
