"""Constructor checks: credentials, URLs and limits fail at construction, before any I/O."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from propeller_fakes import FakePropeller

from catalog_clients import AsyncPropellerClient, PropellerClient, errors

ENV = (
    "PROPELLER_CLIENT_ID",
    "PROPELLER_CLIENT_SECRET",
    "PROPELLER_BASE_URL",
    "PROPELLER_TOKEN_URL",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


async def test_defaults_point_at_the_real_api() -> None:
    with PropellerClient("id", "secret") as client:
        assert client.base_url == "https://api.helice.cloud/v2"
        assert client.token_url == "https://api.helice.cloud/oauth2/token"
        assert client.concurrency == 1  # the sync client is sequential unless asked
    async with AsyncPropellerClient("id", "secret") as aclient:
        assert aclient.concurrency == 4


def test_settings_fall_back_to_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROPELLER_CLIENT_ID", "env-id")
    monkeypatch.setenv("PROPELLER_CLIENT_SECRET", "env-secret")
    monkeypatch.setenv("PROPELLER_BASE_URL", "http://localhost:8080/v2/")
    monkeypatch.setenv("PROPELLER_TOKEN_URL", "http://[::1]:8080/oauth2/token")
    with PropellerClient() as client:
        assert client.auth.client_id == "env-id"
        assert client.base_url == "http://localhost:8080/v2"
        assert client.token_url == "http://[::1]:8080/oauth2/token"
        assert "env-secret" not in repr(client)


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({}, "missing Propeller client id"),
        (
            {"client_id": "id"},
            "missing Propeller client secret: pass it to the client or set PROPELLER_CLIENT_SECRET",
        ),
        (
            {"client_id": "id", "client_secret": "s", "base_url": "http://api.helice.cloud/v2"},
            "uses plain http",
        ),
        (
            {"client_id": "id", "client_secret": "s", "token_url": "http://evil.example/token"},
            "token_url 'http://evil.example/token' uses plain http",
        ),
        ({"client_id": "id", "client_secret": "s", "timeout": 0}, "timeout"),
        ({"client_id": "id", "client_secret": "s", "max_retries": -1}, "max_retries"),
        ({"client_id": "id", "client_secret": "s", "concurrency": 0}, "concurrency"),
        ({"client_id": "id", "client_secret": "s", "concurrency": 21}, "concurrency"),
        ({"client_id": "id", "client_secret": "s", "transport": object()}, "httpx transport"),
    ],
)
def test_bad_settings_fail_at_construction(kwargs: dict[str, Any], fragment: str) -> None:
    with pytest.raises(errors.ConfigurationError) as info:
        PropellerClient(**kwargs)
    assert fragment in str(info.value)


def test_a_ready_access_token_replaces_credentials() -> None:
    with PropellerClient(access_token="ready-token-value") as client:
        assert "ready-token-value" not in repr(client)
        assert "access_token=<redacted>" in repr(client)


def test_each_shell_needs_its_kind_of_transport() -> None:
    class SyncOnly(httpx.BaseTransport):
        pass

    class AsyncOnly(httpx.AsyncBaseTransport):
        pass

    with pytest.raises(errors.ConfigurationError, match="sync httpx transport"):
        PropellerClient("id", "s", transport=AsyncOnly())
    with pytest.raises(errors.ConfigurationError, match="async httpx transport"):
        AsyncPropellerClient("id", "s", transport=SyncOnly())


def test_import_does_not_load_the_propeller_layer() -> None:
    import subprocess
    import sys

    code = (
        "import sys, catalog_clients; "
        "print(any(m.startswith(('catalog_clients.propeller', 'authlib', 'propeller_generated'))"
        " for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_client_closes_its_connections() -> None:
    fake = FakePropeller()
    client = PropellerClient(**fake.client_kwargs(), transport=fake.transport())
    with client:
        pass
    assert client._http.is_closed
