"""Credentials never show and never travel.

What is already covered elsewhere is not repeated here: reprs and caplog output of the
Propeller client (tests/propeller/test_propeller_auth.py), the Klaviyo key in reprs,
construction errors and a foreign ``links.next`` (tests/klaviyo/test_klaviyo_client.py), and
``--verbose`` CLI output (tests/cli). This file adds:
- every file under ``tests/**/cassettes/``: no credential, token or known test secret;
- a live run with ``CATALOG_CLIENTS_LOG=debug``, in a process of its own so the env switch
  works as for a user: both APIs, both shells, a token refresh, retries, refused credentials
  and a dead host; its whole output (stderr handler, reprs, full tracebacks with causes and
  ``__notes__``) holds neither the key, the secret, nor any token the sandbox issued;
- redirects are not followed: nothing reaches another host, with or without credentials;
- plain http is refused for look-alike loopback hosts, and userinfo in a URL is refused
  without echoing it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
import yaml
from fuzzhelpers import category

from catalog_clients import (
    AsyncKlaviyoClient,
    AsyncPropellerClient,
    KlaviyoClient,
    PropellerClient,
    errors,
)
from catalog_clients.sandbox import SandboxConfig, SandboxServer

TESTS = Path(__file__).resolve().parents[1]
REDACTED = "REDACTED"
KEY = "pk_secrets_test_0123456789abcdef"
CLIENT_SECRET = "sandbox-secret"
# Every secret the test suite uses: Klaviyo private keys (pk_...), the sandbox client secret.
KNOWN_SECRET = re.compile(
    r"pk_[A-Za-z0-9_]{6,}|sandbox-secret|Klaviyo-API-Key \S|Bearer (?!REDACTED)"
)


# --- cassettes -------------------------------------------------------------------------------


def cassette_files() -> list[Path]:
    return sorted(
        path
        for folder in TESTS.rglob("cassettes")
        if folder.is_dir()
        for path in folder.rglob("*")
        if path.is_file()
    )


def _body_text(body: Any) -> str:
    if isinstance(body, dict):
        body = body.get("string", "")
    if isinstance(body, bytes):
        return body.decode("utf-8", "replace")
    return "" if body is None else str(body)


def test_no_cassette_holds_a_credential() -> None:
    seen: Counter[str] = Counter()
    problems: list[str] = []
    for path in cassette_files():
        seen["files"] += 1
        text = path.read_text()
        where = str(path.relative_to(TESTS))
        problems += [f"{where}: {m.group(0)!r}" for m in KNOWN_SECRET.finditer(text)]
        for interaction in (yaml.safe_load(text) or {}).get("interactions", []):
            request, response = interaction["request"], interaction["response"]
            for name, values in (request.get("headers") or {}).items():
                if name.lower() in ("authorization", "proxy-authorization", "cookie"):
                    seen["authorization headers"] += 1
                    if values != [REDACTED]:
                        problems.append(f"{where}: {name}: {values}")
            form = dict(parse_qsl(_body_text(request.get("body"))))
            if "client_secret" in form:
                seen["token requests"] += 1
                if form["client_secret"] != REDACTED:
                    problems.append(f"{where}: client_secret {form['client_secret']!r}")
            if any(k.lower() == "set-cookie" for k in response.get("headers") or {}):
                problems.append(f"{where}: a set-cookie header was recorded")
            body = _body_text(response.get("body"))
            if "access_token" in body:
                token = json.loads(body).get("access_token")
                seen["token responses"] += 1
                if token != REDACTED:
                    problems.append(f"{where}: access_token {token!r}")
    assert not problems, "\n".join(problems[:20])
    # Not vacuous: the scan saw the suite's cassettes and real credentials in them.
    assert seen["files"] >= 40, seen
    assert seen["authorization headers"] >= 100, seen
    assert seen["token requests"] >= 5 and seen["token responses"] >= 5, seen


def test_the_cassette_scan_would_see_a_leak() -> None:
    for leak in (KEY, CLIENT_SECRET, "Klaviyo-API-Key abc", "Bearer abc"):
        assert KNOWN_SECRET.search(leak), leak
    assert not KNOWN_SECRET.search("Bearer REDACTED pk_x")


# --- a live run with CATALOG_CLIENTS_LOG=debug -----------------------------------------------

SCRIPT = textwrap.dedent(
    """
    import asyncio, traceback
    import httpx
    from catalog_clients import (
        AsyncKlaviyoClient, AsyncPropellerClient, KlaviyoClient, PropellerClient,
    )

    def category(i):
        return {"id": 1000 + i, "language": "EN",
                "names": [{"language": "EN", "value": f"c{i}"}], "parent": {"id": 1}}

    def control(path, payload=None):
        httpx.post(CONTROL + path, json=payload).raise_for_status()

    def show(exc):
        exc.add_note(f"note: {exc!r}")
        print("".join(traceback.format_exception(exc)))

    with KlaviyoClient() as k:  # the key comes from KLAVIYO_API_KEY
        print(repr(k), str(k))
        control("/__sandbox__/faults", {"faults": ["klaviyo:500"]})
        print(sum(1 for _ in k.iter_category_bulk_update_jobs()))
    with PropellerClient() as p:  # credentials from PROPELLER_CLIENT_ID / _SECRET
        print(repr(p), str(p), repr(p.auth))
        print(p.bulk_upsert_categories_by_id([category(i) for i in range(5)], chunk_size=2))
        control("/__sandbox__/expire-tokens")  # the next chunk gets a 401, then a new token
        control("/__sandbox__/faults", {"faults": ["propeller:503"]})
        print(p.bulk_upsert_categories_by_id([category(i) for i in range(5)], chunk_size=2))

    async def shells():
        async with AsyncKlaviyoClient() as k:
            print(repr(k), await k.list_category_bulk_update_jobs(status="queued"))
        async with AsyncPropellerClient() as p:
            print(repr(p), await p.bulk_upsert_categories_by_id([category(9)]))
        for make in (
            lambda: AsyncKlaviyoClient(api_key="sk_" + KEY),  # refused: 401
            lambda: AsyncPropellerClient(client_secret=SECRET + "-wrong"),  # refused: 401
        ):
            async with make() as client:
                try:
                    if isinstance(client, AsyncKlaviyoClient):
                        await client.list_category_bulk_update_jobs()
                    else:
                        await client.bulk_upsert_categories_by_id([category(1)])
                except Exception as exc:
                    show(exc)

    asyncio.run(shells())
    # A dead host: the connection error names the URL, never the credentials.
    with PropellerClient(token_url=DEAD + "/oauth2/token", base_url=DEAD + "/v2",
                         max_retries=0) as p:
        for failure in p.bulk_upsert_categories_by_id([category(1)]).failures:
            show(failure.error)
    with KlaviyoClient(base_url=DEAD, max_retries=0) as k:
        try:
            k.list_category_bulk_update_jobs()
        except Exception as exc:
            show(exc)
    print("DONE")
    """
)


@pytest.mark.sandbox
def test_debug_logs_reprs_and_tracebacks_never_show_a_secret(tmp_path: Path) -> None:
    with SandboxServer(SandboxConfig(), port=0) as server:
        dead = SandboxServer(SandboxConfig(), port=0)  # bound, then stopped: a closed port
        with dead:
            dead_url = dead.base_url
        env = {
            **os.environ,
            "CATALOG_CLIENTS_LOG": "debug",
            "KLAVIYO_API_KEY": KEY,
            "KLAVIYO_BASE_URL": server.base_url,
            "PROPELLER_CLIENT_ID": "sandbox-client",
            "PROPELLER_CLIENT_SECRET": CLIENT_SECRET,
            "PROPELLER_BASE_URL": server.propeller_base_url,
            "PROPELLER_TOKEN_URL": server.token_url,
        }
        prelude = (
            f"CONTROL = {server.base_url!r}\nDEAD = {dead_url!r}\n"
            f"KEY = {KEY!r}\nSECRET = {CLIENT_SECRET!r}\n"
        )
        run = subprocess.run(
            [sys.executable, "-c", prelude + SCRIPT],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        tokens = httpx.get(f"{server.base_url}/__sandbox__/state").json()["propeller"]["tokens"]
    output = run.stdout + run.stderr
    assert run.returncode == 0 and "DONE" in run.stdout, output[-3000:]
    # Not vacuous: debug logging was on, tokens were issued and refreshed, errors were shown.
    assert len(tokens) >= 3, tokens
    assert output.count(" DEBUG catalog_clients") >= 10
    assert "/oauth2/token" in output and "AuthenticationError" in output
    assert "APIConnectionError" in output and "note: " in output
    for secret in (KEY, CLIENT_SECRET, *tokens):
        assert secret not in output, f"{secret[:6]}... leaked"


# --- redirects -------------------------------------------------------------------------------


class Redirecting:
    """Answers every request to the configured hosts with a 307 to another host."""

    def __init__(self) -> None:
        self.hosts: list[str] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.hosts.append(request.url.host)
        return httpx.Response(307, headers={"location": "https://evil.example/steal"})

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        return self.handle(request)


def test_redirects_are_not_followed_by_the_sync_clients() -> None:
    fake = Redirecting()
    with KlaviyoClient(KEY, transport=httpx.MockTransport(fake.handle)) as k:
        with pytest.raises(errors.APIStatusError) as caught:
            k.list_category_bulk_update_jobs()
        assert caught.value.status_code == 307
        # The message says where the redirect pointed, without following it.
        assert "a redirect to 'https://evil.example/steal' was not followed" in str(caught.value)
    with PropellerClient("id", CLIENT_SECRET, transport=httpx.MockTransport(fake.handle)) as p:
        (failure,) = p.bulk_upsert_categories_by_id([category(1)]).failures
    assert isinstance(failure.error, errors.APIStatusError) and failure.error.status_code == 307
    assert fake.hosts == ["a.klaviyo.com", "api.helice.cloud"]  # the token request only


async def test_redirects_are_not_followed_by_the_async_clients() -> None:
    fake = Redirecting()
    transport = httpx.MockTransport(fake.handle_async)
    async with AsyncKlaviyoClient(KEY, transport=transport) as k:
        with pytest.raises(errors.APIStatusError):
            await k.list_category_bulk_update_jobs()
    async with AsyncPropellerClient(access_token="ready-token", transport=transport) as p:
        result = await p.bulk_upsert_categories_by_id([category(1)])
    assert result.failed == 1
    assert set(fake.hosts) == {"a.klaviyo.com", "api.helice.cloud"}
    assert len(fake.hosts) == 2


# --- URLs that would send credentials in the clear --------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1.evil.example",
        "http://localhost.evil.example/v2",
        "http://127.0.0.1@evil.example",
        "http://evil.example#@127.0.0.1",
        "http://[::ffff:7f00:1]",
    ],
)
def test_plain_http_to_a_look_alike_loopback_is_refused(url: str) -> None:
    with pytest.raises(errors.ConfigurationError):
        KlaviyoClient(KEY, base_url=url)
    with pytest.raises(errors.ConfigurationError):
        PropellerClient("id", CLIENT_SECRET, base_url=url)
    with pytest.raises(errors.ConfigurationError):
        PropellerClient("id", CLIENT_SECRET, token_url=url + "/oauth2/token")


@pytest.mark.parametrize(
    "url", ["https://user:pw-in-url@a.klaviyo.com", "https://:pw-in-url@api.helice.cloud/v2"]
)
def test_a_url_with_credentials_is_refused_without_showing_them(url: str) -> None:
    attempts = [
        lambda: KlaviyoClient(KEY, base_url=url),
        lambda: AsyncKlaviyoClient(KEY, base_url=url),
        lambda: PropellerClient("id", CLIENT_SECRET, base_url=url),
        lambda: AsyncPropellerClient("id", CLIENT_SECRET, token_url=url),
    ]
    for attempt in attempts:
        with pytest.raises(errors.ConfigurationError, match="must not carry credentials") as caught:
            attempt()
        assert "pw-in-url" not in str(caught.value)
