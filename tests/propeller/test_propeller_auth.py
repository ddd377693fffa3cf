"""OAuth2 client credentials: lazy, cached, refreshed, one fetch under concurrency, typed errors."""

from __future__ import annotations

import asyncio
import logging
from urllib.parse import parse_qsl

import httpx
import pytest
from propeller_fakes import (
    BASE_URL,
    CLIENT_ID,
    CLIENT_SECRET,
    TOKEN_URL,
    FakePropeller,
    category,
    status,
)

from catalog_clients import AsyncPropellerClient, PropellerClient, errors
from catalog_clients.propeller._auth import ClientCredentialsAuth
from catalog_clients.propeller._token import lifetime, parse_token

STANDARD = {"access_token": "abc", "expires_in": 1800, "token_type": "Bearer"}
APIGEE = {
    "access_token": "abc",
    "expires_in": "1799",
    "token_type": "BearerToken",
    "issued_at": "1700000000000",
    "status": "approved",
    "refresh_token_expires_in": "0",
}


def test_standard_token_response() -> None:
    token = parse_token(STANDARD, now=100.0)
    # Refreshed a minute before the server's 30 minutes run out.
    assert (token.value, token.expires_at) == ("abc", 100.0 + 1800 - 60)


def test_apigee_token_response_with_string_values() -> None:
    token = parse_token(APIGEE, now=0.0)
    assert (token.value, token.expires_at) == ("abc", 1799 - 60)


@pytest.mark.parametrize(
    ("expires_in", "seconds"),
    [
        (1800, 1800.0),
        ("1799", 1799.0),
        (" 30 ", 30.0),
        (None, None),
        ("soon", None),
        (0, None),
        (-5, None),
        (True, None),
    ],
)
def test_lifetime(expires_in: object, seconds: float | None) -> None:
    assert lifetime(expires_in) == seconds


def test_short_lifetimes_keep_a_proportional_margin() -> None:
    assert parse_token({"access_token": "a", "expires_in": 10}, now=0.0).expires_at == 9.0


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"token_type": "Bearer"}, "no access_token"),
        ({"access_token": 5}, "no access_token"),
        ({"access_token": "a", "token_type": "mac"}, "unsupported token_type 'mac'"),
        (["a"], "expected an object"),
    ],
)
def test_unusable_token_bodies(body: object, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        parse_token(body, now=0.0)


def test_token_and_api_requests_go_to_their_own_urls_with_the_right_bodies() -> None:
    fake = FakePropeller()
    with PropellerClient(**fake.client_kwargs(), transport=fake.transport()) as client:
        assert fake.token_requests == []  # lazy: nothing at construction
        client.bulk_upsert_categories_by_id([category(1)])
    (token_request,) = fake.token_requests
    assert str(token_request.url) == TOKEN_URL
    assert token_request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert "authorization" not in token_request.headers
    assert dict(parse_qsl(token_request.content.decode())) == {
        "grant_type": "client_credentials",
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
    }
    (api_request,) = fake.bulk_requests
    assert str(api_request.url) == f"{BASE_URL}/categories/bulk/id"
    assert api_request.headers["authorization"] == "Bearer fake-access-token-1"
    assert CLIENT_SECRET.encode() not in api_request.content


@pytest.mark.parametrize("body", [STANDARD, APIGEE])
def test_both_token_shapes_are_sent_as_bearer(body: dict[str, str]) -> None:
    fake = FakePropeller(token_body=body)
    with PropellerClient(**fake.client_kwargs(), transport=fake.transport()) as client:
        result = client.bulk_upsert_categories_by_id([category(1)])
    assert result.created == 1
    assert fake.bulk_requests[0].headers["authorization"] == "Bearer fake-access-token-1"


def test_the_token_is_cached_across_calls() -> None:
    fake = FakePropeller()
    with PropellerClient(**fake.client_kwargs(), transport=fake.transport()) as client:
        for i in range(3):
            client.bulk_upsert_categories_by_id([category(i)])
    assert (len(fake.token_requests), len(fake.bulk_requests)) == (1, 3)


def test_the_token_is_refreshed_shortly_before_it_expires() -> None:
    fake = FakePropeller()
    now = [0.0]
    auth = ClientCredentialsAuth(
        token_url=TOKEN_URL, client_id=CLIENT_ID, client_secret=CLIENT_SECRET, clock=lambda: now[0]
    )
    with httpx.Client(transport=fake.transport(), auth=auth) as http:
        http.get(BASE_URL)
        now[0] = 1739.0  # 1800 s lifetime, refreshed 60 s early
        http.get(BASE_URL)
        assert len(fake.token_requests) == 1
        now[0] = 1740.0
        http.get(BASE_URL)
    assert len(fake.token_requests) == 2
    assert auth.fetches == 2


def test_a_401_refreshes_the_token_once_and_retries_once() -> None:
    fake = FakePropeller()
    with PropellerClient(**fake.client_kwargs(), transport=fake.transport()) as client:
        client.bulk_upsert_categories_by_id([category(1)])
        fake.expire_tokens()  # the server forgets the token before its expiry
        result = client.bulk_upsert_categories_by_id([category(1)])
    assert (result.updated, result.failed) == (1, 0)
    assert len(fake.token_requests) == 2
    assert fake.bulk_auth == [
        "Bearer fake-access-token-1",
        "Bearer fake-access-token-1",
        "Bearer fake-access-token-2",
    ]


def test_a_second_401_raises_authentication_error() -> None:
    fake = FakePropeller()
    fake.bulk_faults = [status(401, {"error": {"code": 401, "messages": ["Invalid token"]}})] * 2
    client = PropellerClient(**fake.client_kwargs(), transport=fake.transport())
    with client, pytest.raises(errors.AuthenticationError) as info:
        client.bulk_upsert_categories_by_id([category(1), category(2)], chunk_size=1)
    assert info.value.status_code == 401
    assert info.value.messages == ["Invalid token"]
    # One refresh, one retry, then the call stops: the second chunk is never sent.
    assert (len(fake.token_requests), len(fake.bulk_requests)) == (2, 2)


def test_a_ready_access_token_is_used_as_is_and_a_401_is_final() -> None:
    fake = FakePropeller()
    fake.valid_tokens.add("ready-token")
    kwargs = fake.client_kwargs(client_id=None, client_secret=None, access_token="ready-token")
    with PropellerClient(**kwargs, transport=fake.transport()) as client:
        assert client.bulk_upsert_categories_by_id([category(1)]).created == 1
        fake.expire_tokens()
        with pytest.raises(errors.AuthenticationError):
            client.bulk_upsert_categories_by_id([category(2)])
    assert fake.token_requests == []
    assert len(fake.bulk_requests) == 2


@pytest.mark.parametrize(
    ("code", "body", "message"),
    [
        (
            400,
            {"error": "invalid_client", "error_description": "Client authentication failed"},
            "invalid_client: Client authentication failed",
        ),
        (
            401,
            {"error": {"code": 401, "type": "Unauthorized", "messages": ["Bad client"]}},
            "Unauthorized (401): Bad client",
        ),
        (401, None, "HTTP 401"),
    ],
)
def test_a_refused_client_raises_authentication_error_with_the_server_message(
    code: int, body: object, message: str
) -> None:
    fake = FakePropeller()
    fake.token_faults = [status(code, body)]
    client = PropellerClient(**fake.client_kwargs(), transport=fake.transport())
    with client, pytest.raises(errors.AuthenticationError) as info:
        client.bulk_upsert_categories_by_id([category(1)])
    assert info.value.status_code == code
    assert f"the token endpoint refused the client credentials: {message}" in str(info.value)
    assert fake.bulk_requests == []
    assert CLIENT_SECRET not in str(info.value)


def test_a_token_endpoint_that_is_down_fails_each_chunk_after_retries() -> None:
    fake = FakePropeller()
    fake.token_faults = [status(503, {"error": {"code": 503, "messages": ["down"]}})] * 8
    with PropellerClient(**fake.client_kwargs(), transport=fake.transport()) as client:
        result = client.bulk_upsert_categories_by_id([category(1), category(2)], chunk_size=1)
    assert len(fake.token_requests) == 8  # 1 + 3 retries, for each chunk
    assert result.failed == 2
    assert all(isinstance(f.error, errors.ServerError) for f in result.failures)


TOKEN_DOWN = status(503, {"error": {"code": 503, "messages": ["down"]}})


def test_concurrent_chunks_share_one_failed_token_fetch_threads() -> None:
    fake = FakePropeller(token_delay=0.1)  # the three other chunks queue behind the fetch
    fake.token_faults = [TOKEN_DOWN] * 100
    with PropellerClient(**fake.client_kwargs(), transport=fake.transport()) as client:
        result = client.bulk_upsert_categories_by_id(
            [category(i) for i in range(4)], chunk_size=1, concurrency=4
        )
    # One fetch (1 + 3 retries) for the whole wave, not four fetches in a row.
    assert len(fake.token_requests) == 4
    assert (result.failed, fake.bulk_requests) == (4, [])
    assert all(isinstance(f.error, errors.ServerError) for f in result.failures)
    assert all(f.error.status_code == 503 for f in result.failures)


async def test_concurrent_chunks_share_one_failed_token_fetch_tasks() -> None:
    fake = FakePropeller(token_delay=0.05)
    fake.token_faults = [TOKEN_DOWN] * 100
    async with AsyncPropellerClient(
        **fake.client_kwargs(), transport=fake.async_transport()
    ) as client:
        result = await client.bulk_upsert_categories_by_id(
            [category(i) for i in range(8)], chunk_size=1, concurrency=4
        )
    # Two waves of four chunks: one failed fetch each, then the next wave tries again.
    assert len(fake.token_requests) == 8
    assert (result.failed, fake.bulk_requests) == (8, [])
    assert all(isinstance(f.error, errors.ServerError) for f in result.failures)


async def test_calls_sharing_a_refused_fetch_each_get_their_own_error() -> None:
    # Two bulk calls on one client wait on the same token fetch, which is refused: each call
    # stops with its own AuthenticationError object, carrying only its own note.
    fake = FakePropeller(token_delay=0.1)
    fake.token_faults = [status(401, {"error": "invalid_client"})] * 10
    async with AsyncPropellerClient(
        **fake.client_kwargs(), transport=fake.async_transport()
    ) as client:
        outcomes = await asyncio.gather(
            client.bulk_upsert_categories_by_id([category(1)]),
            client.bulk_upsert_categories_by_id([category(2)]),
            return_exceptions=True,
        )
    first, second = outcomes
    assert isinstance(first, errors.AuthenticationError)
    assert isinstance(second, errors.AuthenticationError)
    assert first is not second and len(fake.token_requests) == 1
    assert (second.status_code, str(second)) == (first.status_code, str(first))
    assert len(first.__notes__) == len(second.__notes__) == 1


def test_a_request_after_a_failed_fetch_tries_again_and_recovers() -> None:
    fake = FakePropeller()
    fake.token_faults = [TOKEN_DOWN] * 4  # the first fetch fails after its retries
    with PropellerClient(**fake.client_kwargs(), transport=fake.transport()) as client:
        result = client.bulk_upsert_categories_by_id([category(1), category(2)], chunk_size=1)
    assert len(fake.token_requests) == 5
    assert (result.failed, result.created) == (1, 1)
    assert result.failures[0].index == 0


def test_an_unreachable_token_endpoint_is_a_connection_error() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    fake = FakePropeller()
    with PropellerClient(**fake.client_kwargs(), transport=httpx.MockTransport(refuse)) as client:
        result = client.bulk_upsert_categories_by_id([category(1)])
    (failure,) = result.failures
    assert isinstance(failure.error, errors.APIConnectionError)
    assert TOKEN_URL in str(failure.error)


def test_a_token_response_that_cannot_be_used_never_shows_the_token() -> None:
    fake = FakePropeller()
    fake.token_faults = [status(200, {"access_token": "leaky-token-value", "token_type": "MAC"})]
    with PropellerClient(**fake.client_kwargs(), transport=fake.transport()) as client:
        result = client.bulk_upsert_categories_by_id([category(1)])
    error = result.failures[0].error
    assert isinstance(error, errors.ResponseDecodeError)
    assert "unsupported token_type 'MAC'" in str(error)
    assert "leaky-token-value" not in str(error) + error.body


def test_threads_share_one_token_fetch() -> None:
    fake = FakePropeller(token_delay=0.05)
    with PropellerClient(**fake.client_kwargs(), transport=fake.transport()) as client:
        result = client.bulk_upsert_categories_by_id(
            [category(i) for i in range(8)], chunk_size=1, concurrency=8
        )
    assert result.created == 8
    assert len(fake.token_requests) == 1


async def test_concurrent_tasks_share_one_token_fetch() -> None:
    fake = FakePropeller(token_delay=0.05)
    async with AsyncPropellerClient(**fake.client_kwargs(), transport=fake.async_transport()) as c:
        results = await asyncio.gather(
            *(c.bulk_upsert_categories_by_id([category(i)]) for i in range(6))
        )
        assert [r.created for r in results] == [1] * 6
        fake.expire_tokens()  # all six hit a 401 together: still one refresh
        results = await asyncio.gather(
            *(c.bulk_upsert_categories_by_id([category(i)]) for i in range(6))
        )
    assert [r.updated for r in results] == [1] * 6
    assert len(fake.token_requests) == 2


def test_secrets_stay_out_of_reprs_and_logs(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakePropeller()
    caplog.set_level(logging.DEBUG, logger="catalog_clients")
    with PropellerClient(**fake.client_kwargs(), transport=fake.transport()) as client:
        client.bulk_upsert_categories_by_id([category(1)])
        shown = repr(client) + str(client) + repr(client.auth)
    assert "client_secret=<redacted>" in shown
    assert CLIENT_ID in shown
    logged = caplog.text
    assert "POST http://127.0.0.1:9/oauth2/token" in logged
    for secret in (CLIENT_SECRET, "fake-access-token-1"):
        assert secret not in shown
        assert secret not in logged


@pytest.mark.parametrize(
    "token", ["tok\r\nX-Injected: 1", "tok en", "tök", "tok\x00", "tok\nSet-Cookie: a=b"]
)
def test_a_token_that_is_not_a_header_value_is_refused_and_never_shown(
    token: str, caplog: pytest.LogCaptureFixture
) -> None:
    fake = FakePropeller()
    fake.token_faults = [status(200, {"access_token": token, "token_type": "Bearer"})]
    with (
        caplog.at_level(logging.DEBUG, logger="catalog_clients"),
        PropellerClient(**fake.client_kwargs(), transport=fake.transport()) as client,
        pytest.raises(errors.AuthenticationError) as caught,
    ):
        client.bulk_upsert_categories_by_id([category(1)])
    error = caught.value
    assert "not a valid header value" in str(error)
    shown = str(error) + error.body + caplog.text + repr(getattr(error, "__notes__", []))
    assert token not in shown and "tok" not in shown.replace("token", "")
    assert fake.bulk_requests == []  # nothing was sent with it
