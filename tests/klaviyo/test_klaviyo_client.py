"""The client shells over an in-process fake (no cassette): construction, headers, paging,
credentials that never travel, and failures a cassette cannot replay."""

from __future__ import annotations

import asyncio
import inspect
import logging
import socket
from itertools import islice
from typing import Any

import httpx
import pytest
from fakes import NO_WAIT
from klaviyo_helpers import JSONAPI, PATH, SEED, FakeKlaviyo, collect, jobs_until_error

from catalog_clients import AsyncKlaviyoClient, KlaviyoClient
from catalog_clients._http import RateLimit, RetryPolicy
from catalog_clients.errors import (
    APIConnectionError,
    AuthenticationError,
    ConfigurationError,
    InputValidationError,
    PaginationError,
)
from catalog_clients.klaviyo import DEFAULT_BASE_URL, DEFAULT_REVISION
from catalog_clients.klaviyo._client import DEFAULT_RATE_LIMITS as KLAVIYO_LIMITS

KEY = "pk_unit_0123456789abcdef0123456789"
ENV = ("KLAVIYO_API_KEY", "KLAVIYO_BASE_URL", "KLAVIYO_REVISION")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def maker(fake: FakeKlaviyo, **options: Any) -> Any:
    def make(cls: type[Any]) -> Any:
        return cls(KEY, transport=fake.transport, retry_policy=NO_WAIT, **options)

    return make


# --- construction ----------------------------------------------------------------------------


def test_defaults_and_environment_fallbacks(monkeypatch: pytest.MonkeyPatch) -> None:
    with KlaviyoClient(KEY) as client:
        assert (client.base_url, client.revision) == (DEFAULT_BASE_URL, DEFAULT_REVISION)
    monkeypatch.setenv("KLAVIYO_API_KEY", KEY)
    monkeypatch.setenv("KLAVIYO_BASE_URL", "http://127.0.0.1:18000/")
    monkeypatch.setenv("KLAVIYO_REVISION", "2024-10-15")
    with KlaviyoClient() as client:
        assert (client.base_url, client.revision) == ("http://127.0.0.1:18000", "2024-10-15")
    with KlaviyoClient(base_url="https://eu.example.test", revision="2025-01-15.pre") as client:
        assert (client.base_url, client.revision) == ("https://eu.example.test", "2025-01-15.pre")


@pytest.mark.parametrize("cls", [KlaviyoClient, AsyncKlaviyoClient])
@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({}, "missing Klaviyo API key.*KLAVIYO_API_KEY"),
        ({"api_key": ""}, "missing Klaviyo API key"),
        ({"api_key": KEY, "base_url": "http://a.klaviyo.com"}, "plain http"),
        ({"api_key": KEY, "base_url": "ftp://a.klaviyo.com"}, "absolute http"),
        ({"api_key": KEY, "base_url": "https://a.klaviyo.com?x=1"}, "query"),
        ({"api_key": KEY, "timeout": -1}, "timeout must be a positive"),
        ({"api_key": KEY, "timeout": 0}, "timeout must be a positive"),
        ({"api_key": KEY, "max_retries": -1}, "max_retries"),
        ({"api_key": KEY, "max_retries": 11}, "max_retries"),
        ({"api_key": KEY, "revision": "2024-1-5"}, "revision must look like"),
        ({"api_key": KEY, "revision": "latest"}, "revision must look like"),
        ({"api_key": KEY, "access_token": "tok"}, "either api_key or access_token"),
        ({"api_key": "pk_with space"}, "spaces or non-printable"),
        ({"api_key": "pk_\nInjected: 1"}, "spaces or non-printable"),
        ({"api_key": KEY, "retry_policy": 3}, "retry_policy must be a RetryPolicy"),
        ({"api_key": KEY, "rate_limits": [(350, 1.0)]}, "rate_limits must be RateLimit"),
        ({"api_key": KEY, "rate_limits": [RateLimit(0, 1.0)]}, "rate_limits must be RateLimit"),
        (
            {"api_key": KEY, "transport": object()},
            r"needs an httpx\.(Async)?BaseTransport",
        ),
    ],
)
def test_bad_settings_fail_at_construction(
    cls: type[Any], options: dict[str, Any], message: str
) -> None:
    with pytest.raises(ConfigurationError, match=message) as caught:
        cls(**options)
    assert KEY not in str(caught.value) and "Injected" not in str(caught.value)


def test_a_sync_client_refuses_an_async_only_transport() -> None:
    class AsyncOnly(httpx.AsyncBaseTransport):
        pass

    with pytest.raises(ConfigurationError, match=r"KlaviyoClient needs an httpx\.BaseTransport"):
        KlaviyoClient(KEY, transport=AsyncOnly())


def test_a_bad_environment_value_fails_at_construction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KLAVIYO_API_KEY", KEY)
    monkeypatch.setenv("KLAVIYO_BASE_URL", "http://10.0.0.5")
    with pytest.raises(ConfigurationError, match="plain http"):
        KlaviyoClient()


@pytest.mark.parametrize(
    "base_url", ["http://127.0.0.1:8080", "http://localhost", "http://[::1]:9"]
)
def test_plain_http_is_allowed_on_loopback(base_url: str) -> None:
    with KlaviyoClient(KEY, base_url=base_url) as client:
        assert client.base_url == base_url


def test_the_key_is_never_shown() -> None:
    client = KlaviyoClient(KEY)
    assert repr(client) == (
        f"KlaviyoClient(base_url='https://a.klaviyo.com', revision={DEFAULT_REVISION!r}, "
        "api_key=<redacted>)"
    )
    assert KEY not in str(client) and KEY not in repr(vars(client))
    client.close()
    token_client = AsyncKlaviyoClient(access_token="oauth-token-value")
    assert "access_token=<redacted>" in repr(token_client)
    assert "oauth-token-value" not in repr(token_client)
    asyncio.run(token_client.aclose())


def test_the_async_client_has_the_same_methods_awaitable() -> None:
    assert inspect.iscoroutinefunction(AsyncKlaviyoClient.list_category_bulk_update_jobs)
    for name in ("list_category_bulk_update_jobs", "iter_category_bulk_update_jobs"):
        sync_params = inspect.signature(getattr(KlaviyoClient, name)).parameters
        async_params = inspect.signature(getattr(AsyncKlaviyoClient, name)).parameters
        assert list(sync_params) == list(async_params)


# --- requests --------------------------------------------------------------------------------


def test_every_request_carries_key_accept_and_revision(kind: str) -> None:
    fake = FakeKlaviyo(total=1)
    collect(kind, maker(fake, revision="2024-10-15"), status="queued", fields="status")
    assert len(fake.requests) == 2  # list, then iterate the single page
    for request in fake.requests:
        assert request.headers["authorization"] == f"Klaviyo-API-Key {KEY}"
        assert request.headers["accept"] == "application/vnd.api+json, application/json"
        assert request.headers["revision"] == "2024-10-15"
        assert request.url.path == PATH
        assert request.url.params["filter"] == 'equals(status,"queued")'
        assert request.url.params["fields[catalog-category-bulk-update-job]"] == "status"


def test_an_oauth_token_is_sent_as_bearer(kind: str) -> None:
    fake = FakeKlaviyo(total=1)

    def make(cls: type[Any]) -> Any:
        return cls(access_token="oauth-tok", transport=fake.transport)

    collect(kind, make)
    assert {r.headers["authorization"] for r in fake.requests} == {"Bearer oauth-tok"}


def test_iteration_follows_every_page_without_duplicates(kind: str) -> None:
    fake = FakeKlaviyo(total=5, per_page=2)
    page, jobs = collect(kind, maker(fake))
    assert [job.id for job in page] == ["job-0", "job-1"] and page.next_cursor == "c2"
    assert [job.id for job in jobs] == [f"job-{n}" for n in range(5)]
    cursors = [r.url.params.get("page[cursor]") for r in fake.requests[1:]]
    assert cursors == [None, "c2", "c4"]


def test_a_page_is_fetched_only_when_its_jobs_are_needed() -> None:
    fake = FakeKlaviyo(total=5, per_page=2)
    with maker(fake)(KlaviyoClient) as client:
        first_two = list(islice(client.iter_category_bulk_update_jobs(), 2))
    assert [job.id for job in first_two] == ["job-0", "job-1"]
    assert len(fake.requests) == 1


def test_a_foreign_next_link_gets_the_cursor_but_never_the_key(kind: str) -> None:
    fake = FakeKlaviyo(total=5, per_page=2, next_host="https://evil.example")
    page, jobs = collect(kind, maker(fake))
    assert page.next_link == "https://evil.example" + PATH + "?page%5Bcursor%5D=c2"
    assert len(jobs) == 5
    assert {r.url.host for r in fake.requests} == {"a.klaviyo.com"}
    assert all(r.headers["authorization"] == f"Klaviyo-API-Key {KEY}" for r in fake.requests)


def test_the_key_is_only_attached_for_the_configured_origin() -> None:
    from catalog_clients.klaviyo._auth import KeyAuth

    auth = KeyAuth(f"Klaviyo-API-Key {KEY}", "https://a.klaviyo.com")
    for url, expected in [
        ("https://a.klaviyo.com/api/x", True),
        ("https://evil.example/api/x", False),
        ("http://a.klaviyo.com/api/x", False),
        ("https://a.klaviyo.com:8443/api/x", False),
    ]:
        request = next(auth.auth_flow(httpx.Request("GET", url)))
        assert ("authorization" in request.headers) is expected, url
    assert KEY not in repr(auth)


def test_bad_arguments_send_nothing(kind: str) -> None:
    fake = FakeKlaviyo()
    with pytest.raises(InputValidationError, match="nope"):
        collect(kind, maker(fake), fields=["status", "nope"])
    with pytest.raises(InputValidationError, match="status"):
        collect(kind, maker(fake), status=3)
    assert fake.requests == []


def test_the_iterator_checks_its_arguments_when_called() -> None:
    with (
        KlaviyoClient(KEY, transport=FakeKlaviyo().transport) as client,
        pytest.raises(InputValidationError),
    ):
        client.iter_category_bulk_update_jobs(fields="bogus")  # before any next()
    client = AsyncKlaviyoClient(KEY, transport=FakeKlaviyo().transport)
    with pytest.raises(InputValidationError):
        client.iter_category_bulk_update_jobs(status=["queued"])  # type: ignore[arg-type]
    asyncio.run(client.aclose())


def test_the_seed_next_link_without_a_cursor_stops_iteration_after_its_jobs(kind: str) -> None:
    served: list[httpx.Request] = []

    def seed(request: httpx.Request) -> httpx.Response:
        served.append(request)
        return httpx.Response(200, json=SEED, headers={"content-type": "application/json"})

    def make(cls: type[Any]) -> Any:
        return cls(KEY, transport=httpx.MockTransport(seed))

    jobs, error = jobs_until_error(kind, make)
    assert [job.id for job in jobs] == ["Duis veniam ullamco in", "sit eu"]  # nothing lost
    assert isinstance(error, PaginationError) and "no page[cursor]" in str(error)
    assert len(served) == 1  # the seed's bogus host was never contacted


def test_a_repeated_cursor_stops_iteration_with_a_typed_error(kind: str) -> None:
    fake = FakeKlaviyo(total=5, per_page=2)
    loop = f"https://a.klaviyo.com{PATH}?page%5Bcursor%5D=c2"
    real = fake.handle

    def always_c2(request: httpx.Request) -> httpx.Response:
        answer = real(request)
        body = answer.json()
        body["links"]["next"] = loop
        return httpx.Response(200, json=body, headers={"content-type": JSONAPI})

    fake.transport = httpx.MockTransport(always_c2)
    with pytest.raises(PaginationError, match="'c2' a second time"):
        collect(kind, maker(fake))


def test_connection_refused_is_an_api_connection_error(kind: str) -> None:
    attempts: list[httpx.Request] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        attempts.append(request)
        raise httpx.ConnectError("[Errno 111] Connection refused")

    def make(cls: type[Any]) -> Any:
        return cls(KEY, transport=httpx.MockTransport(refuse), retry_policy=NO_WAIT)

    with pytest.raises(APIConnectionError, match="Connection refused") as caught:
        collect(kind, make)
    assert caught.value.url == "https://a.klaviyo.com" + PATH
    assert len(attempts) == NO_WAIT.max_retries + 1
    assert KEY not in str(caught.value)


@pytest.mark.sandbox  # real sockets on loopback, allowed even under --block-network
def test_a_closed_loopback_port_is_an_api_connection_error(kind: str) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    policy = RetryPolicy(max_retries=1, backoff_base=0.001, backoff_max=0.001)

    def make(cls: type[Any]) -> Any:
        return cls(KEY, base_url=f"http://127.0.0.1:{port}", retry_policy=policy)

    with pytest.raises(APIConnectionError) as caught:
        collect(kind, make)
    assert caught.value.url == f"http://127.0.0.1:{port}{PATH}"


def test_a_401_names_no_key_and_debug_logs_redact_it(
    kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    body = {"errors": [{"status": 401, "code": "not_authenticated", "detail": "Bad key."}]}
    refused = httpx.MockTransport(
        lambda request: httpx.Response(401, json=body, headers={"content-type": JSONAPI})
    )

    def make(cls: type[Any]) -> Any:
        return cls(KEY, transport=refused)

    with (
        caplog.at_level(logging.DEBUG, logger="catalog_clients"),
        pytest.raises(AuthenticationError) as caught,
    ):
        collect(kind, make)
    assert caught.value.errors[0].code == "not_authenticated"
    assert str(caught.value) == "HTTP 401: Bad key."
    assert "GET https://a.klaviyo.com" in caplog.text and "<redacted>" in caplog.text
    assert KEY not in caplog.text and KEY not in str(caught.value)
    assert KEY not in repr(caught.value.headers)


# --- pacing ----------------------------------------------------------------------------------


def test_clients_with_one_key_share_one_pacer_and_pacing_can_be_off() -> None:
    sync = KlaviyoClient(KEY)
    other = AsyncKlaviyoClient(KEY)
    third = KlaviyoClient("pk_someone_else")
    off = KlaviyoClient(KEY, rate_limits=None)
    slow = KlaviyoClient(KEY, rate_limits=(RateLimit(35, 1.0),))
    try:
        pacers = [_pacer_of(c) for c in (sync, other, third, off, slow)]
        assert pacers[0] is not None and pacers[0].limits == KLAVIYO_LIMITS
        assert pacers[1] is pacers[0]
        assert pacers[2] is not pacers[0]
        assert pacers[3] is None
        assert pacers[4] is not None and pacers[4].limits == (RateLimit(35, 1.0),)
        assert _pacer_of(KlaviyoClient(KEY, rate_limits=())) is None
    finally:
        for client in (sync, third, off, slow):
            client.close()
        asyncio.run(other.aclose())


def _pacer_of(client: Any) -> Any:
    """The Pacer in a client's transport stack (None when pacing is off)."""
    transport = client._http._transport
    while transport is not None:
        if hasattr(transport, "stack"):
            return transport.stack.pacer
        transport = getattr(transport, "inner", None)
    return None
