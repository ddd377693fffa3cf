"""The sandbox's own tests talk to a live sandbox on loopback (no cassettes: it is the server)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from catalog_clients.sandbox import SandboxConfig, SandboxServer

KEY = "pk_sandbox_test_key"
JOBS_PATH = "/api/catalog-category-bulk-update-jobs/"


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with SandboxServer(SandboxConfig(jobs=250, seed=7), port=0) as running:
        yield running


@pytest.fixture
def http(server: SandboxServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, timeout=10) as client:
        client.post("/__sandbox__/reset").raise_for_status()
        yield client


def klaviyo_get(
    http: httpx.Client, revision: str | None = "2024-10-15", key: str | None = KEY, **params: Any
) -> httpx.Response:
    headers = {}
    if revision is not None:
        headers["revision"] = revision
    if key is not None:
        headers["Authorization"] = f"Klaviyo-API-Key {key}"
    return http.get(JOBS_PATH, params=params, headers=headers)
