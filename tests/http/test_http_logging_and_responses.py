"""Redacted logging of the whole stack, and the shared status/JSON handling of responses."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest
from http_fakes import Script

from catalog_clients._http import HttpSettings, RetryPolicy, build_client, log
from catalog_clients._http.responses import json_body, raise_for_status, schema_mismatch
from catalog_clients.errors import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ErrorDetail,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
)

SECRET = "pk_live_do_not_log_me_0123456789"
NO_WAIT = RetryPolicy(max_retries=1, backoff_base=0.0, backoff_max=0.0, deadline=None)


def test_debug_logs_show_requests_but_never_the_authorization_value(
    caplog: pytest.LogCaptureFixture,
) -> None:
    script = Script(
        lambda: httpx.Response(503, headers={"set-cookie": "session=abc"}, json={}),
        lambda: httpx.Response(200, json={"data": []}),
    )
    settings = HttpSettings(
        base_url="https://a.klaviyo.test",
        retry=NO_WAIT,
        headers={"Authorization": f"Klaviyo-API-Key {SECRET}"},
        transport=httpx.MockTransport(script),
    )
    with (
        caplog.at_level(logging.DEBUG, logger="catalog_clients"),
        build_client(httpx.Client, settings) as client,
    ):
        assert client.get("/api/jobs", params={"filter": "x"}).status_code == 200
    assert script.requests[0].headers["authorization"] == f"Klaviyo-API-Key {SECRET}"
    text = caplog.text
    assert "GET https://a.klaviyo.test/api/jobs?filter=x" in text
    assert "-> 503" in text and "-> 200" in text and "retry 1/1" in text
    assert "'authorization': '<redacted>'" in text and "'set-cookie': '<redacted>'" in text
    assert SECRET not in text and "session=abc" not in text


def test_redacted_headers_and_describe_drop_credentials() -> None:
    headers = [("Authorization", "Bearer tok"), ("X-Api-Key", "k"), ("Accept", "a")]
    assert log.redacted_headers(headers) == {
        "Authorization": "<redacted>",
        "X-Api-Key": "<redacted>",
        "Accept": "a",
    }
    request = httpx.Request("GET", "https://user:pw@host.test/p?q=1")
    assert log.describe(request) == "GET https://host.test/p?q=1"


def test_the_env_var_turns_on_debug_logging(monkeypatch: pytest.MonkeyPatch) -> None:
    logger = logging.getLogger("catalog_clients")
    handlers, level = list(logger.handlers), logger.level
    monkeypatch.setenv(log.ENV_VAR, "debug")
    monkeypatch.setattr(log, "_configured", False)
    try:
        log.configure_from_env()
        assert logger.level == logging.DEBUG
        assert len(logger.handlers) == len(handlers) + 1
        log.configure_from_env()  # once only
        assert len(logger.handlers) == len(handlers) + 1
    finally:
        logger.handlers[:] = handlers
        logger.setLevel(level)


def answer(status: int, body: Any = None, **headers: str) -> httpx.Response:
    request = httpx.Request("GET", "https://a.klaviyo.test/api/jobs")
    if isinstance(body, bytes | str):
        return httpx.Response(status, content=body, headers=headers, request=request)
    return httpx.Response(status, json=body, headers=headers, request=request)


def klaviyo_reader(body: Any) -> dict[str, Any]:
    first = body["errors"][0]
    return {"message": first["detail"], "errors": [ErrorDetail(code=first["code"])]}


@pytest.mark.parametrize(
    ("status", "error_type"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (405, BadRequestError),
        (410, BadRequestError),
        (429, RateLimitError),
        (500, ServerError),
        (503, ServerError),
        (520, ServerError),
        (304, APIStatusError),
    ],
)
def test_each_status_maps_to_one_error_type(status: int, error_type: type[Exception]) -> None:
    body = {"errors": [{"code": "c", "detail": "what went wrong"}]}
    response = answer(status, body, **{"x-request-id": "req-1"})
    with pytest.raises(error_type) as caught:
        raise_for_status(response, klaviyo_reader)
    error = caught.value
    assert isinstance(error, APIStatusError) and type(error) is error_type
    assert error.status_code == status and error.request_id == "req-1"
    assert error.errors == [ErrorDetail(code="c")]
    assert f"HTTP {status}: what went wrong (request id req-1)" == str(error)


@pytest.mark.parametrize(
    ("location", "shown"),
    [
        ("https://a.klaviyo.com/api/jobs?page%5Bcursor%5D=abc", "https://a.klaviyo.com/api/jobs"),
        ("https://user:pw@other.example:8443/v3/x#frag", "https://other.example:8443/v3/x"),
        ("/api/moved", "/api/moved"),
        ("http://[bad", "<unreadable location>"),
    ],
)
def test_a_redirect_names_its_target_without_userinfo_or_query(location: str, shown: str) -> None:
    response = answer(301, None, location=location)
    with pytest.raises(APIStatusError) as caught:
        raise_for_status(response, klaviyo_reader)
    assert f"a redirect to {shown!r} was not followed; check base_url" in str(caught.value)
    assert "pw" not in str(caught.value) and "abc" not in str(caught.value)


def test_a_2xx_passes() -> None:
    raise_for_status(answer(200, {}), klaviyo_reader)


def test_an_html_error_page_keeps_a_bounded_excerpt() -> None:
    page = "<html><body>" + "Bad gateway " * 500 + "</body></html>"
    with pytest.raises(ServerError) as caught:
        raise_for_status(answer(502, page, **{"content-type": "text/html"}), klaviyo_reader)
    assert caught.value.body.startswith("<html><body>Bad gateway")
    assert len(caught.value.body) < 2100 and "more chars" in caught.value.body
    assert str(caught.value) == "HTTP 502: Bad Gateway"


def test_an_unreadable_json_error_body_still_gives_the_typed_error() -> None:
    with pytest.raises(RateLimitError) as caught:
        raise_for_status(answer(429, {"unexpected": True}, **{"Retry-After": "3"}), klaviyo_reader)
    assert caught.value.retry_after == 3.0 and caught.value.errors == []


def test_json_body_checks_the_media_type_and_the_syntax() -> None:
    assert json_body(answer(200, {"a": 1}, **{"content-type": "application/vnd.api+json"})) == {
        "a": 1
    }
    with pytest.raises(ResponseDecodeError, match="expected a JSON body, got text/html"):
        json_body(answer(200, "<html>", **{"content-type": "text/html"}))
    with pytest.raises(ResponseDecodeError, match="invalid JSON") as caught:
        json_body(answer(200, '{"data": [', **{"content-type": "application/json"}))
    assert caught.value.body == '{"data": [' and caught.value.status_code == 200


def test_schema_mismatch_keeps_the_raw_body() -> None:
    error = schema_mismatch(answer(200, {"data": 3}), "data: expected a list")
    assert isinstance(error, ResponseDecodeError)
    assert "does not match the schema: data: expected a list" in str(error)
    assert error.body == '{"data":3}'


def test_the_cli_handler_replaces_the_env_one_so_no_line_prints_twice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    monkeypatch.setenv(log.ENV_VAR, "debug")
    monkeypatch.setattr(log, "_configured", False)
    before, level = list(log.logger.handlers), log.logger.level
    stream = io.StringIO()
    cli_handler = logging.StreamHandler(stream)
    try:
        log.configure_from_env()
        from_env = [h for h in log.logger.handlers if h not in before]
        assert len(from_env) == 1
        with log.logging_to(cli_handler, logging.INFO):
            log.configure_from_env()  # a client built inside: attaches nothing more
            assert [h for h in log.logger.handlers if h not in before] == [cli_handler]
            logging.getLogger("catalog_clients.retry").info("retry 1/3 of GET /x")
        assert stream.getvalue().count("retry 1/3 of GET /x") == 1
        assert [h for h in log.logger.handlers if h not in before] == from_env
    finally:
        for handler in log.logger.handlers[:]:
            if handler not in before:
                log.logger.removeHandler(handler)
        log.logger.setLevel(level)


def test_a_cookie_a_server_sets_is_never_sent_back() -> None:
    script = Script(
        lambda: httpx.Response(200, headers={"Set-Cookie": "session=planted; Path=/"}, json={}),
        200,
    )
    settings = HttpSettings(
        base_url="https://a.klaviyo.test", transport=httpx.MockTransport(script)
    )
    with build_client(httpx.Client, settings) as client:
        client.get("/first")
        client.get("/second")
        assert len(client.cookies) == 0
    assert [r.headers.get("cookie") for r in script.requests] == [None, None]
